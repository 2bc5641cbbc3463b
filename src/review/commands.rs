//! `isnad review list | set | show`: the desk's commands over annotation
//! files. Every change is written atomically, one claim at a time.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::queue;
use crate::io::store;
use crate::model::{Annotation, Claim, Review, ReviewStatus, Verdict};

/// Every file that loads, with a report of those that do not.
pub fn load_all(
    paths: &[PathBuf],
) -> Result<(Vec<(PathBuf, Annotation)>, usize), store::StoreError> {
    let mut docs = Vec::new();
    let mut bad = 0;
    for p in paths.iter().filter(|p| p.is_dir()) {
        if store::yaml_files(p)?.is_empty() {
            eprintln!(
                "isnad: {}: no .yaml annotation files in this directory; nothing to review",
                p.display()
            );
            bad += 1;
        }
    }
    for f in store::annotation_files(paths)? {
        match store::load(&f) {
            Ok(a) => docs.push((f, a)),
            Err(e) => {
                eprintln!("isnad: {e}");
                bad += 1;
            }
        }
    }
    Ok((docs, bad))
}

/// Why the file that holds a claim was not found.
#[derive(Debug)]
pub enum FindError {
    /// PATH itself cannot be read or parsed, or its directory listed.
    Store(store::StoreError),
    /// No claim of that id where it was looked for.
    NoClaim { path: PathBuf, claim: String },
    /// A directory with no annotation files.
    NoFiles(PathBuf),
    /// Not in the files that parse; the others (their messages) may hold it.
    MaybeUnreadable {
        path: PathBuf,
        claim: String,
        unreadable: Vec<String>,
    },
    /// In several files of the directory.
    Several { claim: String, files: Vec<PathBuf> },
}

impl std::fmt::Display for FindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FindError::Store(e) => write!(f, "{e}"),
            FindError::NoClaim { path, claim } => write!(
                f,
                "{}: no claim {claim}; `isnad review list {}` shows the claim ids",
                path.display(),
                path.display()
            ),
            FindError::NoFiles(dir) => write!(
                f,
                "{}: no .yaml annotation files in this directory",
                dir.display()
            ),
            FindError::MaybeUnreadable {
                path,
                claim,
                unreadable,
            } => write!(
                f,
                "{}: no claim {claim} in the files that parse; {} of them could not be read, and the claim may be there:\n  {}",
                path.display(),
                unreadable.len(),
                unreadable.join("\n  ")
            ),
            FindError::Several { claim, files } => write!(
                f,
                "claim {claim} is in several files ({}); give the file",
                files
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

impl std::error::Error for FindError {}

impl From<store::StoreError> for FindError {
    fn from(e: store::StoreError) -> Self {
        FindError::Store(e)
    }
}

/// The file that holds a claim: PATH itself, or the one file of the
/// directory PATH that has it. A file that cannot be read or parsed is
/// named as such, not taken for a file without the claim.
pub fn find_claim(path: &Path, claim: &str) -> Result<(PathBuf, Annotation, usize), FindError> {
    let no_claim = || FindError::NoClaim {
        path: path.to_path_buf(),
        claim: claim.to_string(),
    };
    if !path.is_dir() {
        let ann = store::load(path)?;
        return match ann.claims.iter().position(|c| c.id == claim) {
            Some(i) => Ok((path.to_path_buf(), ann, i)),
            None => Err(no_claim()),
        };
    }
    let files = store::annotation_files(&[path.to_path_buf()])?;
    if files.is_empty() {
        return Err(FindError::NoFiles(path.to_path_buf()));
    }
    let mut hits = Vec::new();
    let mut unreadable = Vec::new();
    for f in files {
        match store::load(&f) {
            Ok(ann) => {
                if let Some(i) = ann.claims.iter().position(|c| c.id == claim) {
                    hits.push((f, ann, i));
                }
            }
            Err(e) => unreadable.push(e.to_string()),
        }
    }
    match hits.len() {
        1 => Ok(hits.remove(0)),
        0 if !unreadable.is_empty() => Err(FindError::MaybeUnreadable {
            path: path.to_path_buf(),
            claim: claim.to_string(),
            unreadable,
        }),
        0 => Err(no_claim()),
        _ => Err(FindError::Several {
            claim: claim.to_string(),
            files: hits.into_iter().map(|h| h.0).collect(),
        }),
    }
}

/// What `review set` records; `None` leaves a field as it is.
#[derive(Default)]
pub struct Decision {
    pub status: Option<ReviewStatus>,
    pub verdict: Option<Verdict>,
    pub note: Option<String>,
    pub reviewer: Option<String>,
    pub evidence: Vec<String>,
    pub at: Option<String>,
}

/// Record a decision on a claim; the claim must end up with a status.
pub fn apply(claim: &mut Claim, d: Decision) -> Result<(), String> {
    let review = claim.review.get_or_insert(Review {
        status: ReviewStatus::Unreviewed,
        verdict: None,
        note: None,
        reviewer: None,
        reviewed_at: None,
        evidence: Vec::new(),
    });
    if let Some(s) = d.status {
        review.status = s;
    }
    if review.status == ReviewStatus::Unreviewed && (d.verdict.is_some() || d.status.is_none()) {
        return Err(format!(
            "claim {}: give --status confirmed, corrected or rejected",
            claim.id
        ));
    }
    if d.verdict.is_some() {
        review.verdict = d.verdict;
    }
    if d.note.is_some() {
        review.note = d.note;
    }
    if d.reviewer.is_some() {
        review.reviewer = d.reviewer;
    }
    for url in d.evidence {
        if !review.evidence.contains(&url) {
            review.evidence.push(url);
        }
    }
    review.reviewed_at = Some(d.at.unwrap_or_else(utc_now));
    // Refuse here what `isnad validate` would refuse in the file.
    let problems = crate::validate::check_review(review);
    if !problems.is_empty() {
        return Err(format!(
            "claim {}: nothing written: {}",
            claim.id,
            problems
                .iter()
                .map(|p| as_option(p))
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    Ok(())
}

/// Why `review set` failed: its input (a missing or unparsable file, an
/// unknown claim: exit 1, as for any input in every command) or the values
/// given (a usage error: exit 2).
pub enum SetError {
    Input(String),
    Usage(String),
}

pub fn set(path: &Path, claim: &str, d: Decision) -> Result<String, SetError> {
    let (file, mut ann, i) = find_claim(path, claim).map_err(|e| SetError::Input(e.to_string()))?;
    apply(&mut ann.claims[i], d).map_err(SetError::Usage)?;
    store::save(&file, &ann).map_err(|e| SetError::Input(e.to_string()))?;
    Ok(format!(
        "{}: claim {claim}: {}",
        file.display(),
        describe_review(ann.claims[i].review.as_ref())
    ))
}

/// A review field's problem under the name of the option that sets it.
fn as_option(problem: &str) -> String {
    for (field, option) in [
        ("reviewed_at", "--at"),
        ("evidence", "--evidence"),
        ("reviewer", "--reviewer"),
        ("note", "--note"),
        ("verdict", "--verdict"),
        ("status", "--status"),
    ] {
        if let Some(rest) = problem.strip_prefix(field) {
            let rest = rest
                .trim_start_matches(|c: char| matches!(c, '.' | '[' | ']') || c.is_ascii_digit());
            return format!("{option}{rest}");
        }
    }
    problem.to_string()
}

pub fn describe_review(r: Option<&Review>) -> String {
    let Some(r) = r else {
        return "unreviewed".to_string();
    };
    let mut s = enum_name(&r.status);
    if let Some(v) = &r.verdict {
        let _ = write!(s, ", verdict {}", enum_name(v));
    }
    if let Some(who) = &r.reviewer {
        let _ = write!(s, ", by {who}");
    }
    if let Some(at) = &r.reviewed_at {
        let _ = write!(s, " at {at}");
    }
    if let Some(n) = &r.note {
        let _ = write!(s, "; note: {n}");
    }
    for e in &r.evidence {
        let _ = write!(s, "; evidence: {e}");
    }
    s
}

/// The snake_case name serde gives an enum value.
pub fn enum_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A claim in its sentences, marked ⟦…⟧, with its chain and review.
pub fn show(file: &Path, ann: &Annotation, c: &Claim) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "claim {} — {} — document {}, sentence {}",
        c.id,
        file.display(),
        ann.document.id,
        c.sentence
    );
    let _ = writeln!(
        out,
        "{} {} claim; review: {}",
        enum_name(&c.basis),
        enum_name(&c.quote),
        describe_review(c.review.as_ref())
    );
    if c.orphaned {
        let _ = writeln!(
            out,
            "ORPHANED: the article changed and this text is no longer in it"
        );
    }
    let _ = writeln!(out, "\n  {}\n", in_context(ann, c));
    if let Some(p) = &ann.document.publisher {
        let _ = writeln!(out, "  published by {p}");
    }
    if c.chain.is_empty() {
        let _ = writeln!(out, "  no cited source: the publisher stands behind it");
    }
    for (n, link) in c.chain.iter().enumerate() {
        let source = link
            .reference
            .as_deref()
            .and_then(|r| ann.sources.iter().find(|s| s.id == r));
        let who = match (source, &link.source) {
            (Some(s), _) => format!("{} ({})", s.name, enum_name(&s.kind)),
            (None, Some(span)) => span.text.clone(),
            (None, None) => "(implicit)".to_string(),
        };
        let cue = link.cue.as_ref().map_or(String::new(), |q| {
            format!(
                " — «{}» {}, {}",
                q.text,
                enum_name(&q.kind),
                enum_name(&q.stance)
            )
        });
        let _ = writeln!(out, "  {}. {who}{cue}", n + 1);
    }
    out
}

/// The sentences a claim lies in, with the claim marked.
fn in_context(ann: &Annotation, c: &Claim) -> String {
    let covering: Vec<_> = ann
        .sentences
        .iter()
        .filter(|s| s.start < c.end.max(c.start + 1) && c.start < s.end)
        .collect();
    if c.orphaned || covering.is_empty() {
        return format!("⟦{}⟧", c.text);
    }
    let mut out = String::new();
    for s in covering {
        for (i, ch) in s.text.chars().enumerate() {
            let at = s.start + i;
            if at == c.start {
                out.push('⟦');
            }
            out.push(ch);
            if at + 1 == c.end {
                out.push('⟧');
            }
        }
        out.push(' ');
    }
    out.trim_end().to_string()
}

/// The queue as a table: rank, score, claim, status, why, source and text.
pub fn list(entries: &[queue::Entry], docs: &[(PathBuf, Annotation)], limit: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:>4}  {:>5}  {:<18} {:<11} {:<28} {:<40} claim",
        "rank", "score", "claim", "status", "file", "why"
    );
    for (rank, e) in entries.iter().take(limit).enumerate() {
        let (file, ann) = &docs[e.doc];
        let c = &ann.claims[e.claim];
        let status = c
            .review
            .as_ref()
            .map_or("unreviewed".to_string(), |r| enum_name(&r.status));
        let who = c
            .chain
            .last()
            .and_then(|l| l.reference.as_deref())
            .and_then(|r| ann.sources.iter().find(|s| s.id == r))
            .map_or(String::new(), |s| format!("{}: ", s.name));
        let text: String = c.text.chars().take(80).collect();
        let more = if c.text.chars().count() > 80 {
            "…"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{:>4}  {:>5}  {:<18} {:<11} {:<28} {:<40} {who}{}{more}",
            rank + 1,
            e.score,
            c.id,
            status,
            file.file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned()),
            e.reasons.join(", "),
            text.replace('\n', " ")
        );
    }
    let _ = writeln!(
        out,
        "{} claims to review{}",
        entries.len(),
        if entries.len() > limit {
            format!(", the first {limit} shown (--limit)")
        } else {
            String::new()
        }
    );
    out
}

/// Now, in UTC, as ISO 8601 to the second.
pub fn utc_now() -> String {
    let now = jiff::Timestamp::try_from(std::time::SystemTime::now())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    // Precision 0 truncates the fraction, so a stamp never runs ahead of the clock.
    format!("{now:.0}")
}
