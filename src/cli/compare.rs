//! `isnad compare` (in one step, or as keys and groups for a cluster) and
//! `isnad relate` (two claims, or a file of pairs with `--eval`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use super::exit_code;
use crate::annotate::Pipeline;
use crate::io::input::{self, Record, for_each_record};
use crate::io::output::atomic_write;
use crate::io::{store, yaml};
use crate::model::Annotation;

/// Annotation files as they are; anything else is annotated on the fly.
/// A document is counted once: an article whose id an annotation file
/// already gave (`004.yaml` beside `004.txt`, the layout `validate` and
/// `export` look for) is that file's document, and so is a document named
/// twice; the annotation file wins, since it holds the reviews.
fn load_annotations(
    inputs: &[PathBuf],
    lexicon: Option<&Path>,
) -> Result<(Vec<crate::model::Annotation>, usize), String> {
    let pipeline = Pipeline::load(lexicon)?;
    let mut docs: Vec<Annotation> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut errors = 0;
    for input in inputs {
        let is_dir = input.is_dir();
        let yamls: Vec<PathBuf> = if is_dir {
            store::yaml_files(input)?
        } else if input.extension().is_some_and(|x| x == "yaml") {
            vec![input.clone()]
        } else {
            vec![]
        };
        for y in &yamls {
            match store::load(y) {
                Ok(a) if !seen.insert(a.document.id.clone()) => eprintln!(
                    "isnad: {}: document {} is already among the inputs; counted once",
                    y.display(),
                    a.document.id
                ),
                Ok(a) => docs.push(a),
                Err(e) => {
                    eprintln!("isnad: {e}");
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
        // JSONL may hold annotations (`annotate --format jsonl`): taken as
        // they are, like annotation files, and counted once like them.
        for_each_record(&article_files, &mut input_errors, |r| match r {
            Record::Article(a) => {
                if seen.insert(a.id.clone()) {
                    docs.push(pipeline.annotate(&a));
                }
            }
            Record::Annotation { annotation, origin } => {
                if seen.insert(annotation.document.id.clone()) {
                    docs.push(*annotation);
                } else {
                    eprintln!(
                        "isnad: {origin}: document {} is already among the inputs; counted once",
                        annotation.document.id
                    );
                }
            }
        });
        errors += input_errors.len();
    }
    Ok((docs, errors))
}

pub(super) fn compare(
    inputs: &[PathBuf],
    out: &Path,
    lexicon: Option<&Path>,
) -> Result<ExitCode, String> {
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

pub(super) fn compare_frequencies(
    inputs: &[PathBuf],
    out: Option<&Path>,
    lexicon: Option<&Path>,
) -> Result<ExitCode, String> {
    let (docs, errors) = load_annotations(inputs, lexicon)?;
    let lex = crate::compare::RelateLexicon::builtin();
    let mut w = output(out)?;
    let claims = crate::compare::shard::frequencies(&docs, lex, &mut w)
        .and_then(|n| w.flush().map(|()| n))
        .map_err(|e| format!("cannot write output: {e}"))?;
    eprintln!(
        "isnad: frequencies of {claims} claims of {} articles; sum every partition's (concatenate them), then run `isnad compare --keys --df FILE` on each partition",
        docs.len()
    );
    Ok(exit_code(errors == 0))
}

pub(super) fn compare_keys(
    inputs: &[PathBuf],
    out: Option<&Path>,
    lexicon: Option<&Path>,
    df: Option<&Path>,
) -> Result<ExitCode, String> {
    // The table first: a bad one stops the work before any is done.
    let global = match df {
        Some(p) => {
            let f =
                std::fs::File::open(p).map_err(|e| format!("{}: cannot open: {e}", p.display()))?;
            let origin = p.display().to_string();
            Some(crate::compare::shard::read_frequencies(
                std::io::BufReader::new(f),
                &origin,
            )?)
        }
        None => None,
    };
    let (docs, errors) = load_annotations(inputs, lexicon)?;
    let lex = crate::compare::RelateLexicon::builtin();
    let mut w = output(out)?;
    let lines = crate::compare::shard::keys(&docs, lex, global.as_ref(), &mut w)
        .and_then(|n| w.flush().map(|()| n))
        .map_err(|e| format!("cannot write output: {e}"))?;
    let here: usize = docs.iter().map(|d| d.claims.len()).sum();
    match global {
        // One partition of many: step 2 needs the archive's count.
        Some(archive) => eprintln!(
            "isnad: {lines} key lines for {here} claims of {} articles (of {claims} claims in all); group them by key, then run `isnad compare --group --claims {claims}`",
            docs.len(),
            claims = archive.claims
        ),
        None => eprintln!(
            "isnad: {lines} key lines for {here} claims of {} articles; group them by key, then run `isnad compare --group --claims {here}`",
            docs.len()
        ),
    }
    Ok(exit_code(errors == 0))
}

pub(super) fn compare_group(
    inputs: &[PathBuf],
    out: Option<&Path>,
    claims: usize,
) -> Result<ExitCode, String> {
    let lex = crate::compare::RelateLexicon::builtin();
    let mut w = output(out)?;
    let mut total = crate::compare::shard::GroupCount::default();
    for path in inputs {
        let origin = path.display().to_string();
        let c = if path.as_os_str() == "-" {
            crate::compare::shard::group(std::io::stdin().lock(), "<stdin>", claims, lex, &mut w)?
        } else {
            let f = std::fs::File::open(path).map_err(|e| format!("{origin}: cannot open: {e}"))?;
            crate::compare::shard::group(std::io::BufReader::new(f), &origin, claims, lex, &mut w)?
        };
        total.relations += c.relations;
        total.bad_lines += c.bad_lines;
    }
    w.flush().map_err(|e| format!("cannot write output: {e}"))?;
    eprintln!(
        "isnad: {} relations, {} lines refused; pairs that share several keys repeat: sort -u joins them",
        total.relations, total.bad_lines
    );
    Ok(exit_code(total.bad_lines == 0))
}

pub(super) fn relate(args: &[String], eval: bool) -> Result<ExitCode, String> {
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
