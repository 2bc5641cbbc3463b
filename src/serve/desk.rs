//! What the server keeps in memory: a compact summary of every claim in the
//! folder, in the order of `review list`, and the comparison when there is
//! one. Whole annotations are read from disk only for the page that shows
//! one, so that a folder of 30,000 articles fits in a few hundred MB.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::compare::{Comparison, RelationKind};
use crate::io::{store, yaml};
use crate::model::{Annotation, Basis, Claim, ReviewStatus, SourceKind, Verdict};
use crate::review::queue;

/// The file `isnad compare --out DIR` writes: read as the comparison, never
/// as an annotation file.
pub const COMPARISON: &str = "comparison.yaml";

/// How much of a claim's text the queue shows.
const SNIPPET: usize = 140;

/// The reasons `queue::worthiness` gives, in a fixed order: a claim keeps a
/// bit set of them rather than a vector per claim.
pub const REASONS: [&str; 7] = [
    "numbers or dates",
    "named person",
    "named organisation",
    "anonymous source",
    "denial",
    "allegation",
    "conflicts with another article",
];

pub struct ClaimInfo {
    pub id: String,
    pub snippet: String,
    pub status: ReviewStatus,
    pub verdict: Option<Verdict>,
    pub basis: Basis,
    /// A bit per `SourceKind` cited in the chain (`kind_bit`).
    pub kinds: u8,
    /// The source at the end of the chain, as the queue shows it.
    pub source: Option<String>,
    pub score: u32,
    /// A bit per entry of `REASONS`.
    pub reasons: u8,
}

pub struct DocInfo {
    pub file: PathBuf,
    pub id: String,
    pub title: Option<String>,
    pub claims: Vec<ClaimInfo>,
}

/// One row of the queue: a claim by position.
#[derive(Clone, Copy)]
pub struct Entry {
    pub doc: usize,
    pub claim: usize,
}

pub struct Desk {
    pub docs: Vec<DocInfo>,
    pub by_id: HashMap<String, usize>,
    /// Every claim, most check-worthy first; ties in file and text order,
    /// as `queue::build` sorts them.
    pub entries: Vec<Entry>,
    /// Files that could not be read or parsed, with the store's message.
    pub unreadable: Vec<String>,
    pub comparison: Option<Comparison>,
    conflicts: HashSet<(String, String)>,
    /// (document id, claim id) to the indices of its relations.
    related: HashMap<(String, String), Vec<usize>>,
}

pub fn kind_bit(k: SourceKind) -> u8 {
    1 << (k as u8)
}

impl Desk {
    /// Reads every annotation file of `dir` on every core, keeping only the
    /// summaries; `comparison.yaml`, when there, ranks conflicts higher as
    /// `review list --comparison` does.
    pub fn load(dir: &Path, comparison: Option<&Path>) -> Result<Desk, String> {
        let default = dir.join(COMPARISON);
        let comparison = match comparison.or(default.is_file().then_some(default.as_path())) {
            Some(p) => {
                let text =
                    std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
                Some(
                    yaml::from_str::<Comparison>(&text)
                        .map_err(|e| format!("{}: not a comparison file: {e}", p.display()))?,
                )
            }
            None => None,
        };
        let conflicts = comparison
            .as_ref()
            .map(queue::conflicts)
            .unwrap_or_default();
        let files: Vec<PathBuf> = store::yaml_files(dir)
            .map_err(|e| e.to_string())?
            .into_iter()
            .filter(|p| p.file_name().is_none_or(|n| n != COMPARISON))
            .collect();
        let loaded: Vec<Result<DocInfo, String>> = files
            .par_iter()
            .map(|f| {
                store::load(f)
                    .map(|ann| summarize(f, &ann, &conflicts))
                    .map_err(|e| e.to_string())
            })
            .collect();
        let mut docs = Vec::new();
        let mut unreadable = Vec::new();
        for r in loaded {
            match r {
                Ok(d) => docs.push(d),
                Err(e) => unreadable.push(e),
            }
        }
        let mut by_id = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            // Two files with one document id: the first in file order is served.
            by_id.entry(d.id.clone()).or_insert(i);
        }
        let mut related: HashMap<(String, String), Vec<usize>> = HashMap::new();
        if let Some(c) = &comparison {
            for (i, r) in c.relations.iter().enumerate() {
                if r.relation == RelationKind::Related {
                    continue;
                }
                for x in [&r.a, &r.b] {
                    related
                        .entry((x.doc.clone(), x.claim.clone()))
                        .or_default()
                        .push(i);
                }
            }
        }
        let mut desk = Desk {
            docs,
            by_id,
            entries: Vec::new(),
            unreadable,
            comparison,
            conflicts,
            related,
        };
        desk.sort();
        Ok(desk)
    }

    fn sort(&mut self) {
        let mut entries: Vec<Entry> = self
            .docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| (0..doc.claims.len()).map(move |c| Entry { doc: d, claim: c }))
            .collect();
        // Stable, as in queue::build: ties keep file and text order.
        entries.sort_by_key(|e| std::cmp::Reverse(self.docs[e.doc].claims[e.claim].score));
        self.entries = entries;
    }

    pub fn claim(&self, e: Entry) -> (&DocInfo, &ClaimInfo) {
        let d = &self.docs[e.doc];
        (d, &d.claims[e.claim])
    }

    /// After a save or a fresh read of one file: its summary again, and the
    /// queue order again only when its claims changed (re-annotation).
    pub fn refresh(&mut self, doc: usize, ann: &Annotation) {
        let Some(old) = self.docs.get(doc) else {
            return;
        };
        let new = summarize(&old.file, ann, &self.conflicts);
        let same_claims = old.claims.len() == new.claims.len()
            && old
                .claims
                .iter()
                .zip(&new.claims)
                .all(|(a, b)| a.id == b.id);
        self.docs[doc] = new;
        if !same_claims {
            self.sort();
        }
    }

    /// The relations of one claim in the comparison: the kind and the other claim.
    pub fn related(&self, doc: &str, claim: &str) -> Vec<(RelationKind, &str, &str)> {
        let (Some(c), Some(ix)) = (
            &self.comparison,
            self.related.get(&(doc.to_string(), claim.to_string())),
        ) else {
            return Vec::new();
        };
        ix.iter()
            .filter_map(|&i| c.relations.get(i))
            .map(|r| {
                let other = if r.a.doc == doc && r.a.claim == claim {
                    &r.b
                } else {
                    &r.a
                };
                (r.relation, other.doc.as_str(), other.claim.as_str())
            })
            .collect()
    }

    /// The summary of a claim by document and claim id, for the comparison's references.
    pub fn find(&self, doc: &str, claim: &str) -> Option<(&DocInfo, &ClaimInfo)> {
        let d = &self.docs[*self.by_id.get(doc)?];
        d.claims.iter().find(|c| c.id == claim).map(|c| (d, c))
    }
}

fn summarize(file: &Path, ann: &Annotation, conflicts: &HashSet<(String, String)>) -> DocInfo {
    DocInfo {
        file: file.to_path_buf(),
        id: ann.document.id.clone(),
        title: ann.document.title.clone(),
        claims: ann
            .claims
            .iter()
            .map(|c| claim_info(ann, c, conflicts))
            .collect(),
    }
}

fn claim_info(ann: &Annotation, c: &Claim, conflicts: &HashSet<(String, String)>) -> ClaimInfo {
    let (score, reasons) = queue::worthiness(ann, c, conflicts);
    let cited: Vec<_> = c
        .chain
        .iter()
        .filter_map(|l| l.reference.as_deref())
        .filter_map(|r| ann.sources.iter().find(|s| s.id == r))
        .collect();
    let mut snippet: String = c.text.chars().take(SNIPPET).collect();
    if c.text.chars().count() > SNIPPET {
        snippet.push('…');
    }
    ClaimInfo {
        id: c.id.clone(),
        snippet,
        status: c
            .review
            .as_ref()
            .map_or(ReviewStatus::Unreviewed, |r| r.status),
        verdict: c.review.as_ref().and_then(|r| r.verdict),
        basis: c.basis,
        kinds: cited.iter().fold(0, |k, s| k | kind_bit(s.kind)),
        source: c
            .chain
            .last()
            .and_then(|l| l.reference.as_deref())
            .and_then(|r| ann.sources.iter().find(|s| s.id == r))
            .map(|s| s.name.clone())
            .or_else(|| {
                c.chain
                    .last()
                    .and_then(|l| l.source.as_ref())
                    .map(|s| s.text.clone())
            }),
        score,
        reasons: reasons
            .iter()
            .filter_map(|r| REASONS.iter().position(|x| x == r))
            .fold(0, |m, i| m | (1 << i)),
    }
}
