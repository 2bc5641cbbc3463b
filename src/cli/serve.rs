//! `isnad serve DIR`: the desk in the browser (`src/serve/`).

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use super::input_failure;

pub(super) fn run(dir: &Path, addr: &str, comparison: Option<&Path>) -> Result<ExitCode, String> {
    // A bad address is a usage error (exit 2), found before any work; a
    // folder that cannot be read or a port in use is an input failure (1).
    addr.parse::<SocketAddr>().map_err(|e| {
        format!("--addr {addr}: not an address and port such as 127.0.0.1:8080 ({e})")
    })?;
    match crate::serve::run(dir, addr, comparison) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => Ok(input_failure(&e)),
    }
}
