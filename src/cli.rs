//! The command line: argument parsing and the commands, each a thin layer
//! over the library stages.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::annotate::Pipeline;
use crate::input::{self, Article, InputError};
use crate::lexicon::Lexicon;
use crate::model::Annotation;
use crate::output::atomic_write;
use crate::{bench, eval, validate, yaml};

#[derive(Parser)]
#[command(
    name = "isnad",
    version,
    about = "إسناد: who said it, through whom, and who else says so, for Arabic news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Yaml,
    Jsonl,
    /// The gold format (isnad/gold/1): offsets and ids only, a draft for a reviewer.
    Gold,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate articles: blocks, sentences, sources, claims and chains.
    Annotate {
        /// .txt files, .jsonl(.gz) files, directories, or - for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Directory for <id>.yaml files (for yaml), or the output file (for jsonl).
        #[arg(long)]
        out: Option<PathBuf>,
        /// yaml: one file per article; jsonl: one line per article; gold: a
        /// draft gold file per article (needs --out).
        #[arg(long, value_enum, default_value = "yaml")]
        format: Format,
        /// A YAML lexicon that extends (or, with `replace:`, replaces) the built-in one.
        #[arg(long)]
        lexicon: Option<PathBuf>,
    },
    /// Print one sentence per line; a blank line separates paragraphs.
    Segment {
        /// .txt files, .jsonl(.gz) files, directories, or - for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// A YAML lexicon that extends (or, with `replace:`, replaces) the built-in one.
        #[arg(long)]
        lexicon: Option<PathBuf>,
    },
    /// Check hand-edited annotation files: YAML, schema, spans, ids.
    Validate {
        /// Annotation files, directories of them, or - for one file on standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The article text, or a directory of <id>.txt; by default the .txt
        /// beside the file or in corpus/seeds. A .jsonl(.gz) here is read as --corpus.
        #[arg(long)]
        text: Option<PathBuf>,
        /// A JSONL corpus (.jsonl or .jsonl.gz, as `annotate` reads) in which
        /// each file's article is found by document id; repeat for several.
        #[arg(long)]
        corpus: Vec<PathBuf>,
    },
    /// Score predicted annotations against gold ones.
    Eval {
        /// The directory of gold files (annotation or isnad/gold/1 files).
        #[arg(long)]
        gold: PathBuf,
        /// The directory of predicted annotation files, named as the gold ones.
        #[arg(long)]
        pred: PathBuf,
    },
    /// Align claims across articles: corroboration, conflict, echoes; writes
    /// comparison.yaml, report.md and report.html.
    ///
    /// For an archive too large for one machine, compare in two steps:
    /// `--keys` writes each claim under its blocking keys as JSONL; after the
    /// lines are grouped by key (sort, or any engine's shuffle), `--group`
    /// judges each group and writes relations as JSONL.
    Compare {
        /// Annotation files, directories of them, or articles to annotate;
        /// with --group, step-1 JSONL files or - for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The output directory (one step), or file (--keys, --group; default stdout).
        #[arg(long)]
        out: Option<PathBuf>,
        /// A YAML lexicon for the articles annotated on the fly.
        #[arg(long)]
        lexicon: Option<PathBuf>,
        /// Step 1 of two: every claim under each blocking key, as JSONL.
        #[arg(long, conflicts_with = "group")]
        keys: bool,
        /// Step 2 of two: judge the claims of each key group.
        #[arg(long)]
        group: bool,
        /// With --group: how many claims the whole archive has (step 1 prints
        /// it); keys shared by a quarter of them are too common to align by.
        #[arg(long, default_value_t = usize::MAX)]
        claims: usize,
    },
    /// Relate two claims, or every pair of a CSV/TSV/JSONL file (columns s1,s2):
    /// one JSON line per pair. With a stance column, --eval prints macro-F1.
    Relate {
        /// Two claim texts, or one CSV/TSV/JSONL file of pairs.
        #[arg(required = true, num_args = 1..=2)]
        args: Vec<String>,
        /// Score a labelled file (stance: agree, disagree, other).
        #[arg(long)]
        eval: bool,
    },
    /// The fact-check desk: `review list`, `review set`, `review show`, or
    /// `review PATH` at a terminal to walk the queue with single keys.
    #[command(args_conflicts_with_subcommands = true)]
    Review {
        #[command(subcommand)]
        action: Option<ReviewAction>,
        /// Annotation files or directories to walk interactively.
        paths: Vec<PathBuf>,
        /// Your name, recorded with each review (default: $ISNAD_REVIEWER).
        #[arg(long)]
        reviewer: Option<String>,
    },
    /// Export annotation files for other tools: claimreview, webannotation, brat, labelstudio.
    Export {
        /// The format to write.
        #[arg(long, value_enum)]
        format: crate::export::Format,
        /// Annotation files or directories of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The directory to write the exported files into (created if need be).
        #[arg(long)]
        out: PathBuf,
        /// The article, or a directory of <id>.txt; by default beside each file
        /// or in corpus/seeds. A .jsonl(.gz) here is read as --corpus.
        #[arg(long)]
        text: Option<PathBuf>,
        /// A JSONL corpus (.jsonl or .jsonl.gz, as `annotate` reads) in which
        /// each file's article is found by document id; repeat for several.
        #[arg(long)]
        corpus: Vec<PathBuf>,
    },
    /// Measure segment and annotate throughput in MB/s.
    Bench {
        /// Extra corpus (e.g. ../shared/corpus/saudinewsnet/articles.jsonl.gz).
        #[arg(long)]
        corpus: Vec<PathBuf>,
        /// The bundled corpus directory.
        #[arg(long, default_value = "corpus/seeds")]
        seeds: PathBuf,
    },
    /// Print a shell completion script, generated from these command definitions:
    /// `isnad completions bash > ~/.local/share/bash-completion/completions/isnad`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), generated from these command definitions:
    /// `isnad man | man -l -`; with --out DIR, write isnad.1 and one
    /// isnad-COMMAND.1 page per command.
    Man {
        /// A directory for isnad.1 and the pages of the commands.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ReviewAction {
    /// The review queue, most check-worthy first.
    List {
        /// Annotation files or directories of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// A comparison.yaml from `isnad compare`: claims in conflict rank higher.
        #[arg(long)]
        comparison: Option<PathBuf>,
        /// Include claims already reviewed.
        #[arg(long)]
        all: bool,
        /// Show at most this many claims.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Record a review of one claim, in place.
    Set {
        /// The annotation file, or a directory that holds the claim.
        path: PathBuf,
        /// The claim id (c-…), as `isnad review list` shows it.
        claim: String,
        /// The decision on the claim: confirmed (right as annotated),
        /// corrected (fixed by hand), rejected (not a claim, or attributed
        /// wrongly), unreviewed (undo).
        #[arg(long, value_parser = enum_values::<crate::model::ReviewStatus>(&REVIEW_STATUSES))]
        status: Option<crate::model::ReviewStatus>,
        /// The fact-check verdict on what the claim says.
        #[arg(long, value_parser = enum_values::<crate::model::Verdict>(&VERDICTS))]
        verdict: Option<crate::model::Verdict>,
        /// A free-text note kept with the review.
        #[arg(long)]
        note: Option<String>,
        /// Your name, recorded with the review (default: $ISNAD_REVIEWER).
        #[arg(long)]
        reviewer: Option<String>,
        /// A URL of evidence; repeat for several.
        #[arg(long)]
        evidence: Vec<String>,
        /// The review time, ISO 8601 (2026-11-25T14:30:00Z, or a date
        /// alone: 2026-11-25); default now.
        #[arg(long)]
        at: Option<String>,
    },
    /// Print a claim in its sentence, with its chain and review.
    Show {
        /// The annotation file, or a directory that holds the claim.
        path: PathBuf,
        /// The claim id (c-…), as `isnad review list` shows it.
        claim: String,
    },
}

use crate::model::{REVIEW_STATUSES, VERDICTS};

/// A parser that accepts only `names` (listed by `--help` and completions)
/// and reads each as the model enum of that name.
fn enum_values<T>(names: &'static [&'static str]) -> impl TypedValueParser<Value = T>
where
    T: serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(names).try_map(|s| parse_enum::<T>(&s))
}

/// A model enum from its snake_case name, as the YAML spells it.
fn parse_enum<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| e.to_string())
}

/// The command definitions, for completions, the man page and tests.
pub fn command() -> clap::Command {
    Cli::command()
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let missing = missing_required(&cli.command);
    if !missing.is_empty() {
        for p in &missing {
            eprintln!("isnad: {}: no such file or directory", p.display());
        }
        return ExitCode::FAILURE;
    }
    let result = match cli.command {
        Command::Annotate {
            inputs,
            out,
            format,
            lexicon,
        } => annotate(&inputs, out.as_deref(), format, lexicon.as_deref()),
        Command::Segment { inputs, lexicon } => segment(&inputs, lexicon.as_deref()),
        Command::Validate {
            files,
            text,
            corpus,
        } => validate::run(&files, text.as_deref(), &corpus),
        Command::Eval { gold, pred } => eval::run(&gold, &pred),
        Command::Bench { corpus, seeds } => bench::run(&seeds, &corpus),
        Command::Completions { shell } => {
            // Rendered in memory first: clap_complete panics on a write
            // error, and `isnad completions bash | head` closes the pipe.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(), "isnad", &mut script);
            write_stdout(&script)
        }
        Command::Man { out } => man(out.as_deref()),
        Command::Compare {
            inputs,
            out,
            lexicon,
            keys,
            group,
            claims,
        } => match (keys, group, out) {
            (true, _, out) => compare_keys(&inputs, out.as_deref(), lexicon.as_deref()),
            (_, true, out) => compare_group(&inputs, out.as_deref(), claims),
            (_, _, Some(out)) => compare(&inputs, &out, lexicon.as_deref()),
            (_, _, None) => Err("compare needs --out DIR (or --keys / --group)".into()),
        },
        Command::Relate { args, eval } => relate(&args, eval),
        Command::Review {
            action,
            paths,
            reviewer,
        } => review(action, &paths, reviewer),
        Command::Export {
            format,
            paths,
            out,
            text,
            corpus,
        } => crate::export::run(format, &paths, &out, text.as_deref(), &corpus),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("isnad: {message}");
            ExitCode::from(2)
        }
    }
}

/// Write bytes to standard output; a reader that stopped early (a closed
/// pipe) is no error.
fn write_stdout(bytes: &[u8]) -> Result<ExitCode, String> {
    match std::io::stdout().lock().write_all(bytes) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

/// `isnad man`: the page of the whole command on standard output, or with
/// `--out DIR` that page and one per command (`isnad-review-set.1` …).
fn man(out: Option<&Path>) -> Result<ExitCode, String> {
    let render = |cmd: clap::Command| -> Result<Vec<u8>, String> {
        let mut page = Vec::new();
        clap_mangen::Man::new(cmd)
            .render(&mut page)
            .map_err(|e| format!("cannot render the man page: {e}"))?;
        Ok(page)
    };
    let mut top = command();
    top.build();
    let Some(dir) = out else {
        return write_stdout(&render(top)?);
    };
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{}: cannot create output directory: {e}", dir.display()))?;
    // Every command, nested ones too, under its full name.
    let mut pages = vec![("isnad".to_string(), top.clone())];
    let mut stack = vec![("isnad".to_string(), top)];
    while let Some((name, cmd)) = stack.pop() {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let full = format!("{name}-{}", sub.get_name());
            let sub = sub.clone().name(full.clone());
            pages.push((full.clone(), sub.clone()));
            stack.push((full, sub));
        }
    }
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, cmd) in pages {
        let path = dir.join(format!("{name}.1"));
        atomic_write(&path, &render(cmd)?).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Read every article of every input, reporting bad inputs on stderr.
pub fn for_each_article(
    inputs: &[PathBuf],
    errors: &mut Vec<InputError>,
    mut f: impl FnMut(Article),
) {
    for path in inputs {
        let files = match input::expand(path) {
            Ok(files) if files.is_empty() => {
                let e = InputError {
                    origin: path.display().to_string(),
                    message: "no articles (.txt, .jsonl or .jsonl.gz files) in this directory; nothing to do".into(),
                };
                eprintln!("isnad: {e}");
                errors.push(e);
                continue;
            }
            Ok(files) => files,
            Err(e) => {
                eprintln!("isnad: {e}");
                errors.push(e);
                continue;
            }
        };
        for file in files {
            input::read_path(&file, &mut |a| f(a), &mut |e| {
                eprintln!("isnad: {e}");
                errors.push(e);
            });
        }
    }
}

/// An input that cannot be used (missing, unreadable, not parsable): the
/// message, and exit code 1, the same in every command. Exit code 2 is for
/// usage errors, found before any work.
fn input_failure(message: &str) -> ExitCode {
    eprintln!("isnad: {message}");
    ExitCode::FAILURE
}

/// Paths a command cannot start without (a lexicon, a gold directory, the
/// file a review goes into…) that do not exist. Inputs of which there may
/// be several (articles, annotation files) are not here: a missing one is
/// reported in its turn and the others are processed, with the same exit
/// code 1 at the end.
fn missing_required(command: &Command) -> Vec<PathBuf> {
    let mut need: Vec<&Path> = Vec::new();
    match command {
        Command::Annotate { lexicon, .. } | Command::Segment { lexicon, .. } => {
            need.extend(lexicon.as_deref())
        }
        Command::Validate { text, corpus, .. } | Command::Export { text, corpus, .. } => {
            need.extend(text.as_deref());
            need.extend(corpus.iter().map(PathBuf::as_path));
        }
        Command::Eval { gold, pred } => need.extend([gold.as_path(), pred.as_path()]),
        Command::Compare {
            inputs,
            lexicon,
            group,
            ..
        } => {
            need.extend(lexicon.as_deref());
            if *group {
                need.extend(inputs.iter().map(PathBuf::as_path));
            }
        }
        Command::Relate { args, .. } => {
            if let [file] = args.as_slice() {
                need.push(Path::new(file));
            }
        }
        Command::Review { action, .. } => match action {
            Some(ReviewAction::List { comparison, .. }) => need.extend(comparison.as_deref()),
            Some(ReviewAction::Set { path, .. } | ReviewAction::Show { path, .. }) => {
                need.push(path)
            }
            None => {}
        },
        Command::Bench { .. } | Command::Completions { .. } | Command::Man { .. } => {}
    }
    need.into_iter()
        .filter(|p| p.as_os_str() != "-" && std::fs::symlink_metadata(p).is_err())
        .map(Path::to_path_buf)
        .collect()
}

/// Success when nothing went wrong; failure once anything did, after the
/// rest was done.
fn exit_code(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn load_pipeline(lexicon: Option<&Path>) -> Result<Pipeline, String> {
    Ok(Pipeline::new(&Lexicon::load(lexicon)?))
}

fn annotate(
    inputs: &[PathBuf],
    out: Option<&Path>,
    format: Format,
    lexicon: Option<&Path>,
) -> Result<ExitCode, String> {
    // Usage errors, before any work.
    if format == Format::Gold && out.is_none() {
        return Err("--format gold writes one file per article: give --out DIR".into());
    }
    if format != Format::Jsonl && out.is_none() && known_single(inputs) == Some(false) {
        return Err("several articles: give --out DIR to write one file each".to_string());
    }
    let pipeline = load_pipeline(lexicon)?;
    if format != Format::Jsonl
        && let Some(dir) = out
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create output directory: {e}", dir.display()))?;
    }
    // A JSONL file appears whole or not at all (see output::AtomicFile).
    let mut jsonl_file = match (format, out) {
        (Format::Jsonl, Some(path)) => Some(std::io::BufWriter::new(
            crate::output::AtomicFile::create(path)
                .map_err(|e| format!("{}: cannot create: {e}", path.display()))?,
        )),
        _ => None,
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let stream: &mut dyn Write = match jsonl_file.as_mut() {
        Some(f) => f,
        None => &mut stdout,
    };
    let mut progress = crate::corpus::Progress::new(crate::corpus::known_size(inputs));
    let mut errors = Vec::new();
    let (mut write_errors, mut internal, mut to_stdout) = (0usize, 0usize, 0usize);
    crate::corpus::run(
        inputs,
        &mut errors,
        &mut progress,
        |article| render(&pipeline, article, format, out),
        |article, rendered| {
            let written = match rendered {
                Rendered::Internal => {
                    eprintln!(
                        "isnad: {}: internal error; article skipped — please report it with this article",
                        article.origin
                    );
                    internal += 1;
                    return;
                }
                Rendered::Failed(e) => Err(e),
                Rendered::File(path, body, notes) => {
                    for note in notes {
                        eprintln!("isnad: {}: {note}", path.display());
                    }
                    write_if_changed(&path, &body)
                }
                Rendered::Stream(body) => {
                    to_stdout += 1;
                    if format == Format::Yaml && to_stdout > 1 {
                        Err("several articles: give --out DIR to write one file each".to_string())
                    } else {
                        stream.write_all(body.as_bytes()).map_err(|e| e.to_string())
                    }
                }
            };
            if let Err(e) = written {
                eprintln!("isnad: {}: cannot write annotation: {e}", article.origin);
                write_errors += 1;
            }
        },
    );
    progress.finish();
    stream
        .flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    if let (Some(f), Some(path)) = (jsonl_file, out)
        && write_errors == 0
    {
        f.into_inner()
            .map_err(|e| e.into_error())
            .and_then(crate::output::AtomicFile::commit)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    eprintln!(
        "isnad: annotated {} articles ({:.1} MB in {:.1} s, {:.1} MB/s on {} threads), {} input errors, {write_errors} write errors, {internal} internal errors",
        progress.articles - internal,
        progress.bytes as f64 / 1e6,
        progress.seconds(),
        progress.megabytes_per_second(),
        rayon::current_num_threads(),
        errors.len(),
    );
    Ok(exit_code(
        errors.is_empty() && write_errors == 0 && internal == 0,
    ))
}

/// Whether the inputs are one plain-text article, when that is known up front.
fn known_single(inputs: &[PathBuf]) -> Option<bool> {
    match inputs {
        [one] if one.as_os_str() == "-" => None,
        [one] if one.is_dir() || is_jsonl_path(one) => None,
        [_] => Some(true),
        _ => Some(false),
    }
}

fn is_jsonl_path(p: &Path) -> bool {
    let name = p.to_string_lossy();
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
}

/// One article's output, made on a worker thread.
enum Rendered {
    /// A file to write, with what a person should look at in it.
    File(PathBuf, String, Vec<String>),
    Stream(String),
    Failed(String),
    /// A defect in a stage: reported, and the other articles go on.
    Internal,
}

fn render(pipeline: &Pipeline, article: &Article, format: Format, out: Option<&Path>) -> Rendered {
    let Ok(ann) =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.annotate(article)))
    else {
        return Rendered::Internal;
    };
    let file = |dir: &Path| dir.join(format!("{}.yaml", ann.document.id));
    let result = match (format, out) {
        (Format::Jsonl, _) => serde_json::to_string(&ann)
            .map(|line| Rendered::Stream(line + "\n"))
            .map_err(|e| e.to_string()),
        (Format::Gold, None) => Err("--format gold needs --out DIR".to_string()),
        (Format::Gold, Some(dir)) => yaml::to_string(&crate::eval::GoldFile::from_annotation(&ann))
            .map(|y| Rendered::File(file(dir), y, Vec::new()))
            .map_err(|e| e.to_string()),
        (Format::Yaml, Some(dir)) => {
            let path = file(dir);
            merge_with_file(&path, ann, &article.text).and_then(|m| {
                let y = yaml::to_string(&m.annotation).map_err(|e| e.to_string())?;
                Ok(Rendered::File(path, y, m.notes))
            })
        }
        (Format::Yaml, None) => yaml::to_string(&ann)
            .map(Rendered::Stream)
            .map_err(|e| e.to_string()),
    };
    result.unwrap_or_else(Rendered::Failed)
}

fn segment(inputs: &[PathBuf], lexicon: Option<&Path>) -> Result<ExitCode, String> {
    let pipeline = load_pipeline(lexicon)?;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let mut errors = Vec::new();
    let mut io_error = None;
    for_each_article(inputs, &mut errors, |article| {
        let seg = pipeline.segment(&article);
        if let Err(e) = w.write_all(crate::segment::render(&article.text, &seg).as_bytes()) {
            io_error = Some(e);
        }
    });
    w.flush().map_err(|e| format!("cannot write output: {e}"))?;
    if let Some(e) = io_error {
        return Err(format!("cannot write output: {e}"));
    }
    Ok(exit_code(errors.is_empty()))
}

/// Annotation files as they are; anything else is annotated on the fly.
/// A document is counted once: an article whose id an annotation file
/// already gave (`004.yaml` beside `004.txt`, the layout `validate` and
/// `export` look for) is that file's document, and so is a document named
/// twice; the annotation file wins, since it holds the reviews.
fn load_annotations(
    inputs: &[PathBuf],
    lexicon: Option<&Path>,
) -> Result<(Vec<crate::model::Annotation>, usize), String> {
    let pipeline = load_pipeline(lexicon)?;
    let mut docs: Vec<Annotation> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut errors = 0;
    for input in inputs {
        let is_dir = input.is_dir();
        let yamls: Vec<PathBuf> = if is_dir {
            eval::yaml_files(input)?
        } else if input.extension().is_some_and(|x| x == "yaml") {
            vec![input.clone()]
        } else {
            vec![]
        };
        for y in &yamls {
            let parsed = std::fs::read_to_string(y)
                .map_err(|e| format!("cannot read: {e}"))
                .and_then(|text| {
                    yaml::from_str::<Annotation>(&text)
                        .map_err(|e| format!("{e}; run isnad validate on it"))
                });
            match parsed {
                Ok(a) if !seen.insert(a.document.id.clone()) => eprintln!(
                    "isnad: {}: document {} is already among the inputs; counted once",
                    y.display(),
                    a.document.id
                ),
                Ok(a) => docs.push(a),
                Err(e) => {
                    eprintln!("isnad: {}: {e}", y.display());
                    errors += 1;
                }
            }
        }
        let article_files = if is_dir {
            input::expand(input).map_err(|e| e.to_string())?
        } else if yamls.is_empty() {
            vec![input.clone()]
        } else {
            vec![]
        };
        if is_dir && yamls.is_empty() && article_files.is_empty() {
            eprintln!(
                "isnad: {}: no annotation files (.yaml) and no articles (.txt, .jsonl, .jsonl.gz) in this directory; nothing to compare",
                input.display()
            );
            errors += 1;
        }
        let mut input_errors = Vec::new();
        for_each_article(&article_files, &mut input_errors, |a| {
            if seen.insert(a.id.clone()) {
                docs.push(pipeline.annotate(&a));
            }
        });
        errors += input_errors.len();
    }
    Ok((docs, errors))
}

fn compare(inputs: &[PathBuf], out: &Path, lexicon: Option<&Path>) -> Result<ExitCode, String> {
    let started = Instant::now();
    // Before any work: an output directory that cannot be made.
    std::fs::create_dir_all(out).map_err(|e| format!("{}: cannot create: {e}", out.display()))?;
    let (docs, errors) = load_annotations(inputs, lexicon)?;
    if docs.is_empty() {
        eprintln!("isnad: no documents to compare; nothing written");
        return Ok(ExitCode::FAILURE);
    }
    let lex = crate::compare::RelateLexicon::builtin();
    let comparison = crate::compare::compare(&docs, lex);
    let yaml_text = yaml::to_string(&comparison).map_err(|e| e.to_string())?;
    for (name, body) in [
        ("comparison.yaml", yaml_text),
        (
            "report.md",
            crate::compare::report::markdown(&comparison, &docs),
        ),
        (
            "report.html",
            crate::compare::report::html(&comparison, &docs),
        ),
    ] {
        let path = out.join(name);
        atomic_write(&path, body.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    eprintln!(
        "isnad: compared {} claims of {} articles in {:.1} s: {} relations, {} clusters, {errors} input errors",
        docs.iter().map(|d| d.claims.len()).sum::<usize>(),
        docs.len(),
        started.elapsed().as_secs_f64(),
        comparison.relations.len(),
        comparison.clusters.len()
    );
    Ok(exit_code(errors == 0))
}

/// A file to write, or standard output.
fn output(out: Option<&Path>) -> Result<Box<dyn Write>, String> {
    Ok(match out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| format!("{}: cannot create: {e}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

fn compare_keys(
    inputs: &[PathBuf],
    out: Option<&Path>,
    lexicon: Option<&Path>,
) -> Result<ExitCode, String> {
    let (docs, errors) = load_annotations(inputs, lexicon)?;
    let lex = crate::compare::RelateLexicon::builtin();
    let mut w = output(out)?;
    let lines = crate::compare::shard::keys(&docs, lex, &mut w)
        .and_then(|n| w.flush().map(|()| n))
        .map_err(|e| format!("cannot write output: {e}"))?;
    let claims: usize = docs.iter().map(|d| d.claims.len()).sum();
    eprintln!(
        "isnad: {lines} key lines for {claims} claims of {} articles; group them by key, then run `isnad compare --group --claims {claims}`",
        docs.len()
    );
    Ok(exit_code(errors == 0))
}

fn compare_group(
    inputs: &[PathBuf],
    out: Option<&Path>,
    claims: usize,
) -> Result<ExitCode, String> {
    let lex = crate::compare::RelateLexicon::builtin();
    let mut w = output(out)?;
    let mut relations = 0;
    for path in inputs {
        let origin = path.display().to_string();
        relations += if path.as_os_str() == "-" {
            crate::compare::shard::group(std::io::stdin().lock(), "<stdin>", claims, lex, &mut w)?
        } else {
            let f = std::fs::File::open(path).map_err(|e| format!("{origin}: cannot open: {e}"))?;
            crate::compare::shard::group(std::io::BufReader::new(f), &origin, claims, lex, &mut w)?
        };
    }
    w.flush().map_err(|e| format!("cannot write output: {e}"))?;
    eprintln!(
        "isnad: {relations} relations; pairs that share several keys repeat: sort -u joins them"
    );
    Ok(ExitCode::SUCCESS)
}

fn relate(args: &[String], eval: bool) -> Result<ExitCode, String> {
    let lex = crate::compare::RelateLexicon::builtin();
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let io = |e: std::io::Error| format!("cannot write output: {e}");
    if let [a, b] = args {
        writeln!(w, "{}", crate::compare::pairs::judge(a, b, lex)).map_err(io)?;
        return Ok(ExitCode::SUCCESS);
    }
    let path = &args[0];
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!("{path}: {e}; give two claim texts or a CSV/TSV/JSONL file of pairs")
    })?;
    let pairs = crate::compare::pairs::read_pairs(path, &text)?;
    if eval {
        let (f1, m) = crate::compare::pairs::benchmark(&pairs, lex);
        writeln!(
            w,
            "{path}: {} pairs, macro-F1 {:.2}",
            pairs.len(),
            f1 * 100.0
        )
        .map_err(io)?;
        writeln!(w, "gold \\ predicted   corroborates  conflicts  unrelated").map_err(io)?;
        for (name, row) in [
            "agree (corroborates)",
            "disagree (conflicts)",
            "other (unrelated)",
        ]
        .iter()
        .zip(m)
        {
            writeln!(w, "{name:<22} {:>10} {:>10} {:>10}", row[0], row[1], row[2]).map_err(io)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    for p in &pairs {
        writeln!(w, "{}", crate::compare::pairs::judge(&p.s1, &p.s2, lex)).map_err(io)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Re-annotating must never destroy a person's work: the fresh annotation
/// is merged with the file already there (see `review::merge`), and what a
/// person should look at is reported. A file that no longer parses (a hand
/// edit in progress) is left as it is.
fn merge_with_file(
    path: &Path,
    fresh: Annotation,
    raw: &str,
) -> Result<crate::review::Merged, String> {
    let Ok(old) = std::fs::read_to_string(path) else {
        return Ok(crate::review::Merged {
            annotation: fresh,
            notes: Vec::new(),
        });
    };
    let old: Annotation = yaml::from_str(&old).map_err(|e| {
        format!(
            "{} does not parse ({e}); it was not overwritten — fix it (isnad validate shows where) or move it aside",
            path.display()
        )
    })?;
    Ok(crate::review::merge(
        &old,
        fresh,
        &crate::text::Text::new(raw),
    ))
}

/// Leave an unchanged file untouched, so its time stamp tells the truth.
fn write_if_changed(path: &Path, body: &str) -> Result<(), String> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == body) {
        return Ok(());
    }
    atomic_write(path, body.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))
}

fn review(
    action: Option<ReviewAction>,
    paths: &[PathBuf],
    reviewer: Option<String>,
) -> Result<ExitCode, String> {
    use crate::review::{commands, interactive, queue};
    use std::io::IsTerminal;
    let named = |r: Option<String>| r.or_else(|| std::env::var("ISNAD_REVIEWER").ok());
    match action {
        Some(ReviewAction::List {
            paths,
            comparison,
            all,
            limit,
        }) => {
            let (docs, bad) = commands::load_all(&paths)?;
            let conflicts = match comparison {
                Some(p) => {
                    let text = std::fs::read_to_string(&p)
                        .map_err(|e| format!("{}: {e}", p.display()))?;
                    let c: crate::compare::Comparison = yaml::from_str(&text)
                        .map_err(|e| format!("{}: not a comparison file: {e}", p.display()))?;
                    queue::conflicts(&c)
                }
                None => Default::default(),
            };
            let entries = queue::build(&docs, &conflicts, all);
            print!("{}", commands::list(&entries, &docs, limit));
            Ok(exit_code(bad == 0))
        }
        Some(ReviewAction::Set {
            path,
            claim,
            status,
            verdict,
            note,
            reviewer: who,
            evidence,
            at,
        }) => {
            let decision = commands::Decision {
                status,
                verdict,
                note,
                reviewer: named(who),
                evidence,
                at,
            };
            match commands::set(&path, &claim, decision) {
                Ok(done) => {
                    println!("{done}");
                    Ok(ExitCode::SUCCESS)
                }
                Err(commands::SetError::Usage(e)) => Err(e),
                Err(commands::SetError::Input(e)) => Ok(input_failure(&e)),
            }
        }
        Some(ReviewAction::Show { path, claim }) => match commands::find_claim(&path, &claim) {
            Ok((file, ann, i)) => {
                print!("{}", commands::show(&file, &ann, &ann.claims[i]));
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => Ok(input_failure(&e)),
        },
        None if paths.is_empty() => {
            Err("review: give annotation files or directories, or a command: list, set, show".into())
        }
        None if !std::io::stdin().is_terminal() => Err(
            "review PATH walks the queue at a terminal; without one, use `isnad review list`, `set` and `show`"
                .into(),
        ),
        None => {
            interactive::walk(paths, named(reviewer))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
