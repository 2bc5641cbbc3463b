//! `isnad serve DIR`: the desk in the browser (`src/serve/`).

use std::path::Path;
use std::process::ExitCode;

pub(super) fn run(dir: &Path, addr: &str, comparison: Option<&Path>) -> Result<ExitCode, String> {
    crate::serve::run(dir, addr, comparison)?;
    Ok(ExitCode::SUCCESS)
}
