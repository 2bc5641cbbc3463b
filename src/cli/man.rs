//! `isnad man`: manual pages made from the command's own definition.

use std::path::Path;
use std::process::ExitCode;

use super::{command, write_stdout};
use crate::io::output::atomic_write;

/// `isnad man`: the page of the whole command on standard output, or with
/// `--out DIR` that page and one per command (`isnad-review-set.1` …).
pub(super) fn man(out: Option<&Path>) -> Result<ExitCode, String> {
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
