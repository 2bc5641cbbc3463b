//! `isnad review PATH` at a terminal: the queue, one claim at a time, with
//! single-key answers. Each answer is written to its file at once, so
//! quitting (or a crash) loses nothing already decided.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use super::commands::{self, Decision};
use super::queue;
use crate::model::{ReviewStatus, Verdict};

const STATUS_KEYS: &str = "[c] confirm  [x] corrected  [r] reject  [s] skip  [q] quit";
const VERDICT_KEYS: &str = "verdict: [t] true  [m] mostly true  [l] misleading  [f] false  [u] unverifiable  [n] not checked  [enter] none";

/// The terminal in single-key mode for as long as this lives.
struct RawMode {
    saved: Option<String>,
}

impl RawMode {
    fn enter() -> RawMode {
        let saved = stty(&["-g"]).filter(|s| !s.is_empty());
        if saved.is_some() {
            stty(&["-icanon", "-echo", "min", "1", "time", "0"]);
        }
        RawMode { saved }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        if let Some(s) = &self.saved {
            stty(&[s.as_str()]);
        }
    }
}

fn stty(args: &[&str]) -> Option<String> {
    let out = Command::new("stty")
        .args(args)
        .stdin(Stdio::inherit())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn key(stdin: &mut impl Read) -> Option<char> {
    let mut b = [0u8; 1];
    match stdin.read(&mut b) {
        Ok(1) => Some(b[0] as char),
        _ => None,
    }
}

fn ask<T>(
    prompt: &str,
    stdin: &mut impl Read,
    out: &mut impl Write,
    pick: impl Fn(char) -> Option<T>,
) -> Option<T> {
    let _ = write!(out, "{prompt}\n> ");
    let _ = out.flush();
    loop {
        let k = key(stdin)?;
        if let Some(t) = pick(k.to_ascii_lowercase()) {
            let _ = writeln!(out, "{k}");
            return Some(t);
        }
    }
}

enum Step {
    Decide(ReviewStatus),
    Skip,
    Quit,
}

pub fn walk(paths: &[PathBuf], reviewer: Option<String>) -> Result<usize, String> {
    let (mut docs, _) = commands::load_all(paths)?;
    let entries = queue::build(&docs, &Default::default(), false);
    let _raw = RawMode::enter();
    let mut stdin = std::io::stdin().lock();
    let mut out = std::io::stdout().lock();
    let mut decided = 0;
    for (n, e) in entries.iter().enumerate() {
        let (file, ann) = &docs[e.doc];
        let c = &ann.claims[e.claim];
        let _ = writeln!(
            out,
            "\n── {}/{} · check-worthiness {} ({}) ──\n{}",
            n + 1,
            entries.len(),
            e.score,
            e.reasons.join(", "),
            commands::show(file, ann, c)
        );
        let step = ask(STATUS_KEYS, &mut stdin, &mut out, |k| match k {
            'c' => Some(Step::Decide(ReviewStatus::Confirmed)),
            'x' => Some(Step::Decide(ReviewStatus::Corrected)),
            'r' => Some(Step::Decide(ReviewStatus::Rejected)),
            's' => Some(Step::Skip),
            'q' => Some(Step::Quit),
            _ => None,
        });
        let status = match step {
            Some(Step::Decide(s)) => s,
            Some(Step::Skip) => continue,
            Some(Step::Quit) | None => break,
        };
        let verdict = if status == ReviewStatus::Rejected {
            None
        } else {
            ask(VERDICT_KEYS, &mut stdin, &mut out, |k| match k {
                't' => Some(Some(Verdict::True)),
                'm' => Some(Some(Verdict::MostlyTrue)),
                'l' => Some(Some(Verdict::Misleading)),
                'f' => Some(Some(Verdict::False)),
                'u' => Some(Some(Verdict::Unverifiable)),
                'n' => Some(Some(Verdict::NotChecked)),
                '\n' | '\r' => Some(None),
                _ => None,
            })
            .flatten()
        };
        let (file, ann) = &mut docs[e.doc];
        commands::apply(
            &mut ann.claims[e.claim],
            Decision {
                status: Some(status),
                verdict,
                reviewer: reviewer.clone(),
                ..Decision::default()
            },
        )?;
        crate::io::store::save(file, ann)?;
        decided += 1;
        let _ = writeln!(
            out,
            "saved: {}",
            commands::describe_review(ann.claims[e.claim].review.as_ref())
        );
    }
    let _ = writeln!(out, "\n{decided} claims reviewed");
    Ok(decided)
}
