//! `isnad review`: the queue at a terminal, or `list`, `set` and `show`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{ReviewAction, exit_code, input_failure};
use crate::io::yaml;

pub(super) fn review(
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
            Err(e) => Ok(input_failure(&e.to_string())),
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
