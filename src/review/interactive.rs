//! `isnad review PATH` at a terminal: the queue, one claim at a time, with
//! single-key answers. Each answer is written to its file at once, so
//! quitting (or a crash) loses nothing already decided.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

use crossterm::terminal;

use super::commands::{self, Decision};
use super::queue;
use crate::model::{ReviewStatus, Verdict};

const STATUS_KEYS: &str = "[c] confirm  [x] corrected  [r] reject  [s] skip  [q] quit";
const VERDICT_KEYS: &str = "verdict: [t] true  [m] mostly true  [l] misleading  [f] false  [u] unverifiable  [n] not checked  [enter] none";

/// The terminal in raw mode for as long as this lives: dropping it, on
/// return or while a panic unwinds, gives the terminal back as it was.
struct RawMode {
    on: bool,
}

impl RawMode {
    fn enter() -> RawMode {
        // Without raw mode (no terminal to set) keys still arrive, a line
        // at a time: the walk works, only less comfortably.
        RawMode {
            on: terminal::enable_raw_mode().is_ok(),
        }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        if self.on {
            let _ = terminal::disable_raw_mode();
        }
    }
}

/// Raw mode also stops the terminal turning "\n" into "\r\n", so each line
/// would start where the last one ended; this puts the carriage return back.
struct Lines<W: Write> {
    inner: W,
    crlf: bool,
}

impl<W: Write> Write for Lines<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.crlf {
            return self.inner.write(buf);
        }
        for (i, part) in buf.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.inner.write_all(b"\r\n")?;
            }
            self.inner.write_all(part)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Ctrl-C, which raw mode delivers as a byte instead of a signal.
const INTERRUPT: u8 = 0x03;

/// The next key, or None at the end of input or on Ctrl-C: stop the walk.
fn key(stdin: &mut impl Read) -> Option<char> {
    let mut b = [0u8; 1];
    match stdin.read(&mut b) {
        Ok(1) if b[0] == INTERRUPT => None,
        // Raw mode sends Enter as a carriage return.
        Ok(1) if b[0] == b'\r' => Some('\n'),
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
    let raw = RawMode::enter();
    let mut stdin = std::io::stdin().lock();
    let mut out = Lines {
        crlf: raw.on && std::io::stdout().is_terminal(),
        inner: std::io::stdout().lock(),
    };
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
            // Stopped halfway through a claim: leave it as it was.
            let Some(v) = ask(VERDICT_KEYS, &mut stdin, &mut out, |k| match k {
                't' => Some(Some(Verdict::True)),
                'm' => Some(Some(Verdict::MostlyTrue)),
                'l' => Some(Some(Verdict::Misleading)),
                'f' => Some(Some(Verdict::False)),
                'u' => Some(Some(Verdict::Unverifiable)),
                'n' => Some(Some(Verdict::NotChecked)),
                '\n' => Some(None),
                _ => None,
            }) else {
                break;
            };
            v
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
