//! `isnad annotate` and `isnad segment`: articles in, annotation files (or
//! JSONL, or draft gold) out. Re-annotating merges with the file already
//! there, so a reviewer's work is never lost.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Format, exit_code};
use crate::annotate::Pipeline;
use crate::io::input::{Article, for_each_article};
use crate::io::{store, yaml};
use crate::model::Annotation;

pub(super) fn annotate(
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
    let pipeline = Pipeline::load(lexicon)?;
    if format != Format::Jsonl
        && let Some(dir) = out
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create output directory: {e}", dir.display()))?;
    }
    // A JSONL file appears whole or not at all (see output::AtomicFile).
    let mut jsonl_file = match (format, out) {
        (Format::Jsonl, Some(path)) => Some(std::io::BufWriter::new(
            crate::io::output::AtomicFile::create(path)
                .map_err(|e| format!("{}: cannot create: {e}", path.display()))?,
        )),
        _ => None,
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let stream: &mut dyn Write = match jsonl_file.as_mut() {
        Some(f) => f,
        None => &mut stdout,
    };
    let mut progress = crate::io::corpus::Progress::new(crate::io::corpus::known_size(inputs));
    let mut errors = Vec::new();
    let (mut write_errors, mut internal, mut to_stdout) = (0usize, 0usize, 0usize);
    crate::io::corpus::run(
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
                    store::write_if_changed(&path, &body).map_err(String::from)
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
            .and_then(crate::io::output::AtomicFile::commit)
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

pub(super) fn segment(inputs: &[PathBuf], lexicon: Option<&Path>) -> Result<ExitCode, String> {
    let pipeline = Pipeline::load(lexicon)?;
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

/// Re-annotating must never destroy a person's work: the fresh annotation
/// is merged with the file already there (see `review::merge`), and what a
/// person should look at is reported. A file that no longer parses (a hand
/// edit in progress) is left as it is.
fn merge_with_file(
    path: &Path,
    fresh: Annotation,
    raw: &str,
) -> Result<crate::review::Merged, String> {
    let old = match store::load(path) {
        Ok(old) => old,
        Err(store::StoreError::NotAnnotation(_, e)) => {
            return Err(format!(
                "{} does not parse ({e}); it was not overwritten — fix it (isnad validate shows where) or move it aside",
                path.display()
            ));
        }
        // No file yet (or none that can be read): the fresh annotation as it is.
        Err(_) => {
            return Ok(crate::review::Merged {
                annotation: fresh,
                notes: Vec::new(),
            });
        }
    };
    Ok(crate::review::merge(
        &old,
        fresh,
        &crate::text::Text::new(raw),
    ))
}
