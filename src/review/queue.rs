//! The review queue: claims a desk has not decided on yet, most
//! check-worthy first. A claim is worth checking when it can be checked
//! (numbers, dates, named people and bodies) and when its sourcing is weak
//! or contested (an anonymous source, a denial or an allegation, a conflict
//! with another article).

use std::collections::HashSet;
use std::path::PathBuf;

use crate::compare::{Comparison, RelationKind};
use crate::model::{Annotation, Claim, ReviewStatus, SourceKind, Stance};

pub struct Entry {
    pub file: PathBuf,
    pub doc: usize,
    pub claim: usize,
    pub score: u32,
    pub reasons: Vec<&'static str>,
}

/// (document id, claim id) of every claim a comparison found in conflict.
pub fn conflicts(c: &Comparison) -> HashSet<(String, String)> {
    c.relations
        .iter()
        .filter(|r| r.relation == RelationKind::Conflicts)
        .flat_map(|r| [&r.a, &r.b])
        .map(|x| (x.doc.clone(), x.claim.clone()))
        .collect()
}

pub fn is_open(c: &Claim) -> bool {
    c.review
        .as_ref()
        .is_none_or(|r| r.status == ReviewStatus::Unreviewed)
}

/// The claims to review, best first; with `all`, decided ones too.
pub fn build(
    docs: &[(PathBuf, Annotation)],
    conflicts: &HashSet<(String, String)>,
    all: bool,
) -> Vec<Entry> {
    let mut entries: Vec<Entry> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, (file, doc))| {
            doc.claims
                .iter()
                .enumerate()
                .filter(move |(_, c)| all || is_open(c))
                .map(move |(i, c)| {
                    let (score, reasons) = worthiness(doc, c, conflicts);
                    Entry {
                        file: file.clone(),
                        doc: d,
                        claim: i,
                        score,
                        reasons,
                    }
                })
        })
        .collect();
    // Stable: ties keep file and text order.
    entries.sort_by_key(|e| std::cmp::Reverse(e.score));
    entries
}

/// A claim's check-worthiness and the reasons for it, as shown to the desk.
pub fn worthiness(
    doc: &Annotation,
    c: &Claim,
    conflicts: &HashSet<(String, String)>,
) -> (u32, Vec<&'static str>) {
    let mut reasons = Vec::new();
    if c.text
        .chars()
        .any(|ch| ch.is_ascii_digit() || ch.is_numeric())
    {
        reasons.push("numbers or dates");
    }
    let cited = c.chain.iter().filter_map(|l| {
        let r = l.reference.as_deref()?;
        doc.sources.iter().find(|s| s.id == r)
    });
    let inside = doc
        .sources
        .iter()
        .filter(|s| s.mentions.iter().any(|m| c.start <= m[0] && m[1] <= c.end));
    let kinds: Vec<SourceKind> = cited.clone().chain(inside).map(|s| s.kind).collect();
    if kinds.contains(&SourceKind::Person) {
        reasons.push("named person");
    }
    if kinds.iter().any(|k| {
        matches!(
            k,
            SourceKind::Official | SourceKind::Outlet | SourceKind::Group
        )
    }) {
        reasons.push("named organisation");
    }
    if cited.clone().any(|s| s.kind == SourceKind::Anonymous) {
        reasons.push("anonymous source");
    }
    let stances = c
        .chain
        .iter()
        .filter_map(|l| l.cue.as_ref().map(|q| q.stance));
    if stances.clone().any(|s| s == Stance::Deny) {
        reasons.push("denial");
    }
    if stances.clone().any(|s| s == Stance::Allege) {
        reasons.push("allegation");
    }
    if conflicts.contains(&(doc.document.id.clone(), c.id.clone())) {
        reasons.push("conflicts with another article");
    }
    let score = reasons.iter().map(|r| weight(r)).sum();
    (score, reasons)
}

/// Contested and weakly sourced claims outrank merely checkable ones.
fn weight(reason: &str) -> u32 {
    match reason {
        "conflicts with another article" => 4,
        "anonymous source" | "denial" | "allegation" => 2,
        "numbers or dates" => 2,
        _ => 1,
    }
}
