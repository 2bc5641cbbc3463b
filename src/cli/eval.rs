//! `isnad eval`: the scores of `crate::eval` as a table, every miss and
//! false alarm first.

use std::path::Path;
use std::process::ExitCode;

use crate::eval::evaluate;

pub(super) fn run(gold: &Path, pred: &Path) -> Result<ExitCode, String> {
    let r = evaluate(gold, pred)?;
    for m in &r.misses {
        println!("{m}");
    }
    println!();
    println!(
        "{:<16} {:>9} {:>9} {:>9} {:>7} {:>7}",
        "measure", "precision", "recall", "F1", "pred", "gold"
    );
    for (name, s) in [
        ("cue", r.cue),
        ("source span", r.source_span),
        ("resolved source", r.resolved_source),
        ("content", r.content),
        ("chain links", r.chain_links),
    ] {
        println!(
            "{name:<16} {:>9.3} {:>9.3} {:>9.3} {:>7} {:>7}",
            s.precision(),
            s.recall(),
            s.f1(),
            s.pred,
            s.gold
        );
    }
    for r in &r.refused {
        eprintln!("isnad: {r}");
    }
    if !r.refused.is_empty() {
        eprintln!(
            "isnad: {} gold files refused (their article changed); the scores above leave them out",
            r.refused.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
