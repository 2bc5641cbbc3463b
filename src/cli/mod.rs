//! The command line: argument parsing and the commands, each a thin layer
//! over the library stages.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

mod annotate;
mod bench;
mod compare;
mod eval;
mod export;
mod man;
mod review;
mod serve;
mod validate;

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
        /// Before step 1 run per partition (an engine): this partition's
        /// claim count and word frequencies, to be summed over partitions
        /// and given to each partition's step 1 with --df.
        #[arg(long, conflicts_with_all = ["keys", "group"])]
        frequencies: bool,
        /// With --keys: the archive's frequencies (every partition's
        /// --frequencies output, concatenated or summed), so that a
        /// partition's key lines weigh words as the whole archive does.
        #[arg(long, requires = "keys", value_name = "FILE")]
        df: Option<PathBuf>,
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
    /// The fact-check desk in the browser: the review queue, each article
    /// with its claims and chains, a review form, and the story, served on
    /// this machine only (127.0.0.1) unless --addr says otherwise.
    Serve {
        /// A directory of annotation files (their articles beside them or in corpus/seeds).
        dir: PathBuf,
        /// The address and port to listen on; port 0 picks a free one. The
        /// first line on standard output is the desk's address.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// A comparison.yaml from `isnad compare` (default: DIR/comparison.yaml
        /// when there): related claims, the story, conflicts ranked higher.
        #[arg(long)]
        comparison: Option<PathBuf>,
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
        } => annotate::annotate(&inputs, out.as_deref(), format, lexicon.as_deref()),
        Command::Segment { inputs, lexicon } => annotate::segment(&inputs, lexicon.as_deref()),
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
        Command::Man { out } => man::man(out.as_deref()),
        Command::Compare {
            inputs,
            out,
            lexicon,
            keys,
            frequencies,
            df,
            group,
            claims,
        } => match (keys || frequencies, group, out) {
            (true, _, out) if frequencies => {
                compare::compare_frequencies(&inputs, out.as_deref(), lexicon.as_deref())
            }
            (true, _, out) => {
                compare::compare_keys(&inputs, out.as_deref(), lexicon.as_deref(), df.as_deref())
            }
            (_, true, out) => compare::compare_group(&inputs, out.as_deref(), claims),
            (_, _, Some(out)) => compare::compare(&inputs, &out, lexicon.as_deref()),
            (_, _, None) => Err("compare needs --out DIR (or --keys / --group)".into()),
        },
        Command::Relate { args, eval } => compare::relate(&args, eval),
        Command::Review {
            action,
            paths,
            reviewer,
        } => review::review(action, &paths, reviewer),
        Command::Serve {
            dir,
            addr,
            comparison,
        } => serve::run(&dir, &addr, comparison.as_deref()),
        Command::Export {
            format,
            paths,
            out,
            text,
            corpus,
        } => export::run(format, &paths, &out, text.as_deref(), &corpus),
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
pub(super) fn write_stdout(bytes: &[u8]) -> Result<ExitCode, String> {
    match std::io::stdout().lock().write_all(bytes) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

/// An input that cannot be used (missing, unreadable, not parsable): the
/// message, and exit code 1, the same in every command. Exit code 2 is for
/// usage errors, found before any work.
pub(super) fn input_failure(message: &str) -> ExitCode {
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
        Command::Serve {
            dir, comparison, ..
        } => {
            need.push(dir);
            need.extend(comparison.as_deref());
        }
        Command::Bench { .. } | Command::Completions { .. } | Command::Man { .. } => {}
    }
    need.into_iter()
        .filter(|p| p.as_os_str() != "-" && std::fs::symlink_metadata(p).is_err())
        .map(Path::to_path_buf)
        .collect()
}

/// Success when nothing went wrong; failure once anything did, after the
/// rest was done.
pub(super) fn exit_code(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
