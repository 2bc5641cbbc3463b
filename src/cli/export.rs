//! `isnad export`: load and check the annotation files, convert them, and
//! write every output file atomically.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::exit_code;
use crate::export::{Format, export, load};
use crate::io::output::atomic_write;
use crate::io::store::ArticleLookup;

/// `isnad export`: load, export, write; non-zero exit when any input was bad.
pub(super) fn run(
    format: Format,
    paths: &[PathBuf],
    out: &Path,
    text: Option<&Path>,
    corpora: &[PathBuf],
) -> Result<ExitCode, String> {
    // An output directory that cannot be made is a usage error, found
    // before any work.
    std::fs::create_dir_all(out)
        .map_err(|e| format!("{}: cannot create output directory: {e}", out.display()))?;
    // ClaimReview carries no offsets: no article, so no corpus to read.
    let corpora = if format.needs_text() { corpora } else { &[] };
    let articles = ArticleLookup::new(text, corpora);
    let (mut docs, errors) = load(paths, format.needs_text(), &articles);
    for e in &errors {
        eprintln!("isnad: {e}");
    }
    let output = export(format, &mut docs);
    for n in &output.notes {
        eprintln!("isnad: note: {n}");
    }
    let mut write_errors = 0;
    for f in &output.files {
        let path = out.join(&f.name);
        if let Err(e) = atomic_write(&path, &f.bytes) {
            eprintln!("isnad: {}: cannot write: {e}", path.display());
            write_errors += 1;
        }
    }
    eprintln!(
        "isnad: exported {} annotation files ({} claims) to {}: {} files written, {} input errors, {write_errors} write errors",
        docs.len(),
        docs.iter().map(|d| d.ann.claims.len()).sum::<usize>(),
        out.display(),
        output.files.len() - write_errors,
        errors.len(),
    );
    Ok(exit_code(errors.is_empty() && write_errors == 0))
}
