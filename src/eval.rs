//! `isnad eval`: precision, recall and F1 of predicted annotations against gold.

use std::path::Path;
use std::process::ExitCode;

pub fn run(_gold: &Path, _pred: &Path) -> Result<ExitCode, String> {
    Err("eval is not built yet".into())
}
