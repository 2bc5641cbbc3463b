//! The command line: argument parsing and the commands, each a thin layer
//! over the library stages.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use crate::annotate::Pipeline;
use crate::input::{self, Article, InputError};
use crate::lexicon::Lexicon;
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
        #[arg(long, value_enum, default_value = "yaml")]
        format: Format,
        /// A YAML lexicon that extends (or, with `replace:`, replaces) the built-in one.
        #[arg(long)]
        lexicon: Option<PathBuf>,
    },
    /// Print one sentence per line; a blank line separates paragraphs.
    Segment {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long)]
        lexicon: Option<PathBuf>,
    },
    /// Check hand-edited annotation files: YAML, schema, spans, ids.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The article text; by default the .txt beside the file or in corpus/seeds.
        #[arg(long)]
        text: Option<PathBuf>,
    },
    /// Score predicted annotations against gold ones.
    Eval {
        #[arg(long)]
        gold: PathBuf,
        #[arg(long)]
        pred: PathBuf,
    },
    /// Align claims across articles: corroboration, conflict, echoes; writes
    /// comparison.yaml, report.md and report.html.
    Compare {
        /// Annotation files, directories of them, or articles to annotate.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        lexicon: Option<PathBuf>,
    },
    /// Relate two claims, or every pair of a CSV/TSV/JSONL file (columns s1,s2):
    /// one JSON line per pair. With a stance column, --eval prints macro-F1.
    Relate {
        #[arg(required = true, num_args = 1..=2)]
        args: Vec<String>,
        /// Score a labelled file (stance: agree, disagree, other).
        #[arg(long)]
        eval: bool,
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
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Annotate {
            inputs,
            out,
            format,
            lexicon,
        } => annotate(&inputs, out.as_deref(), format, lexicon.as_deref()),
        Command::Segment { inputs, lexicon } => segment(&inputs, lexicon.as_deref()),
        Command::Validate { files, text } => validate::run(&files, text.as_deref()),
        Command::Eval { gold, pred } => eval::run(&gold, &pred),
        Command::Bench { corpus, seeds } => bench::run(&seeds, &corpus),
        Command::Compare {
            inputs,
            out,
            lexicon,
        } => compare(&inputs, &out, lexicon.as_deref()),
        Command::Relate { args, eval } => relate(&args, eval),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("isnad: {message}");
            ExitCode::from(2)
        }
    }
}

/// Read every article of every input, reporting bad inputs on stderr.
pub fn for_each_article(
    inputs: &[PathBuf],
    errors: &mut Vec<InputError>,
    mut f: impl FnMut(Article),
) {
    for path in inputs {
        let files = match input::expand(path) {
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

fn load_pipeline(lexicon: Option<&Path>) -> Result<Pipeline, String> {
    Ok(Pipeline::new(&Lexicon::load(lexicon)?))
}

fn annotate(
    inputs: &[PathBuf],
    out: Option<&Path>,
    format: Format,
    lexicon: Option<&Path>,
) -> Result<ExitCode, String> {
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
    let jsonl: &mut dyn Write = match jsonl_file.as_mut() {
        Some(f) => f,
        None => &mut stdout,
    };
    let started = Instant::now();
    let (mut count, mut bytes, mut to_stdout) = (0usize, 0usize, 0usize);
    let mut errors = Vec::new();
    let mut write_errors = Vec::new();
    let mut internal = 0usize;
    for_each_article(inputs, &mut errors, |article| {
        // A defect in a stage must not stop the run: the article is reported
        // and skipped, the others go on.
        let ann = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pipeline.annotate(&article)
        })) {
            Ok(ann) => ann,
            Err(_) => {
                eprintln!(
                    "isnad: {}: internal error; article skipped — please report it with this article",
                    article.origin
                );
                internal += 1;
                return;
            }
        };
        count += 1;
        bytes += article.text.len();
        let written = match (format, out) {
            (Format::Jsonl, _) => serde_json::to_string(&ann)
                .map_err(|e| e.to_string())
                .and_then(|line| writeln!(jsonl, "{line}").map_err(|e| e.to_string())),
            (Format::Gold, None) => Err("--format gold needs --out DIR".to_string()),
            (Format::Gold, Some(dir)) => {
                let path = dir.join(format!("{}.yaml", ann.document.id));
                yaml::to_string(&crate::eval::GoldFile::from_annotation(&ann))
                    .map_err(|e| e.to_string())
                    .and_then(|y| {
                        atomic_write(&path, y.as_bytes())
                            .map_err(|e| format!("{}: {e}", path.display()))
                    })
            }
            (Format::Yaml, Some(dir)) => {
                let path = dir.join(format!("{}.yaml", ann.document.id));
                yaml::to_string(&ann)
                    .map_err(|e| e.to_string())
                    .and_then(|y| keeps_human_work(&path, &y).map(|()| y))
                    .and_then(|y| {
                        atomic_write(&path, y.as_bytes())
                            .map_err(|e| format!("{}: {e}", path.display()))
                    })
            }
            (Format::Yaml, None) => {
                to_stdout += 1;
                if to_stdout > 1 {
                    Err("several articles: give --out DIR to write one file each".to_string())
                } else {
                    yaml::to_string(&ann)
                        .map_err(|e| e.to_string())
                        .and_then(|y| jsonl.write_all(y.as_bytes()).map_err(|e| e.to_string()))
                }
            }
        };
        if let Err(e) = written {
            eprintln!("isnad: {}: cannot write annotation: {e}", article.origin);
            write_errors.push(e);
        }
    });
    jsonl
        .flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    if let (Some(f), Some(path)) = (jsonl_file, out)
        && write_errors.is_empty()
    {
        f.into_inner()
            .map_err(|e| e.into_error())
            .and_then(crate::output::AtomicFile::commit)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "isnad: annotated {count} articles ({:.1} MB, {:.1} MB/s), {} input errors, {} write errors, {internal} internal errors",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        errors.len(),
        write_errors.len()
    );
    Ok(
        if errors.is_empty() && write_errors.is_empty() && internal == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        },
    )
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
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Annotation files as they are; anything else is annotated on the fly.
fn load_annotations(
    inputs: &[PathBuf],
    lexicon: Option<&Path>,
) -> Result<(Vec<crate::model::Annotation>, usize), String> {
    let pipeline = load_pipeline(lexicon)?;
    let mut docs = Vec::new();
    let mut errors = 0;
    for input in inputs {
        let yamls: Vec<PathBuf> = if input.is_dir() {
            eval::yaml_files(input)?
        } else if input.extension().is_some_and(|x| x == "yaml") {
            vec![input.clone()]
        } else {
            vec![]
        };
        for y in &yamls {
            let text = std::fs::read_to_string(y).map_err(|e| format!("{}: {e}", y.display()))?;
            match yaml::from_str::<crate::model::Annotation>(&text) {
                Ok(a) => docs.push(a),
                Err(e) => {
                    eprintln!("isnad: {}: {e}; run isnad validate on it", y.display());
                    errors += 1;
                }
            }
        }
        let articles = input.is_dir() || yamls.is_empty();
        if articles {
            let mut input_errors = Vec::new();
            for_each_article(std::slice::from_ref(input), &mut input_errors, |a| {
                docs.push(pipeline.annotate(&a))
            });
            errors += input_errors.len();
        }
    }
    Ok((docs, errors))
}

fn compare(inputs: &[PathBuf], out: &Path, lexicon: Option<&Path>) -> Result<ExitCode, String> {
    let started = Instant::now();
    let (docs, errors) = load_annotations(inputs, lexicon)?;
    let lex = crate::compare::RelateLexicon::builtin();
    let comparison = crate::compare::compare(&docs, lex);
    std::fs::create_dir_all(out).map_err(|e| format!("{}: cannot create: {e}", out.display()))?;
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
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
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

/// Re-annotating must never destroy a person's work: an existing file with
/// items marked `origin: human`, or one that no longer parses (a hand edit
/// in progress), is left as it is and reported. Merging human edits into
/// new machine output is the review workflow's job.
fn keeps_human_work(path: &Path, new: &str) -> Result<(), String> {
    let Ok(old) = std::fs::read_to_string(path) else {
        return Ok(());
    };
    if old == new {
        return Ok(());
    }
    let kept = |why: &str| {
        Err(format!(
            "{} {why}; it was not overwritten (move it aside to regenerate it)",
            path.display()
        ))
    };
    match yaml::from_str::<crate::model::Annotation>(&old) {
        Err(_) => kept("does not parse (a hand edit?)"),
        Ok(a) => {
            let human = a.sources.iter().any(|s| !s.origin.is_machine())
                || a.claims.iter().any(|c| {
                    !c.origin.is_machine() || c.chain.iter().any(|l| !l.origin.is_machine())
                });
            if human {
                kept("holds items marked origin: human")
            } else {
                Ok(())
            }
        }
    }
}
