//! Annotation files in the formats other tools read (`isnad export`).
//!
//! - `claimreview`: schema.org ClaimReview JSON-LD, one file per article,
//!   for the claims a fact-checker has given a verdict;
//! - `webannotation`: W3C Web Annotation JSON-LD, one annotation per claim;
//! - `brat`: brat standoff (`.txt`, `.ann`, `annotation.conf`), which
//!   INCEpTION imports too;
//! - `labelstudio`: Label Studio tasks with predictions, and the labeling
//!   config that shows them.
//!
//! Every file is loaded and checked before anything is written: a file that
//! does not parse, whose article cannot be found, or whose spans do not read
//! in that article is reported and left out; the others are exported.

pub mod brat;
pub mod claimreview;
pub mod labelstudio;
mod spans;
pub mod webannotation;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::model::{Annotation, Claim};
use crate::text::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// schema.org ClaimReview JSON-LD for claims with a verdict.
    #[value(name = "claimreview")]
    ClaimReview,
    /// W3C Web Annotation JSON-LD, one annotation per claim.
    #[value(name = "webannotation")]
    WebAnnotation,
    /// brat standoff: <id>.txt, <id>.ann and annotation.conf.
    #[value(name = "brat")]
    Brat,
    /// Label Studio tasks (labelstudio.json) and labeling config (labelstudio.xml).
    #[value(name = "labelstudio")]
    LabelStudio,
}

impl Format {
    /// Whether the export carries offsets, and so needs the article text.
    pub fn needs_text(self) -> bool {
        self != Format::ClaimReview
    }
}

/// One annotation file to export, with its article when the format needs it.
pub struct Doc {
    pub path: PathBuf,
    pub ann: Annotation,
    pub text: Option<String>,
}

impl Doc {
    /// The article text; empty for a format that loaded none.
    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or("")
    }
}

/// A file to write into the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What an export produced: its files, and notes about what it left out.
#[derive(Debug, Default)]
pub struct Output {
    pub files: Vec<OutFile>,
    pub notes: Vec<String>,
}

/// Export loaded documents. The documents are sorted by id here so that the
/// output does not depend on the order of the command line.
pub fn export(format: Format, docs: &mut [Doc]) -> Output {
    docs.sort_by(|a, b| a.ann.document.id.cmp(&b.ann.document.id));
    match format {
        Format::ClaimReview => claimreview::export(docs),
        Format::WebAnnotation => webannotation::export(docs),
        Format::Brat => brat::export(docs),
        Format::LabelStudio => labelstudio::export(docs),
    }
}

/// Every annotation file the paths name, parsed and (when `needs_text`)
/// paired with its checked article; one message per file that cannot be.
pub fn load(
    paths: &[PathBuf],
    needs_text: bool,
    articles: &crate::io::store::ArticleLookup,
) -> (Vec<Doc>, Vec<String>) {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            match crate::io::store::yaml_files(path) {
                Ok(found) if found.is_empty() => errors.push(format!(
                    "{}: no .yaml annotation files in this directory",
                    path.display()
                )),
                Ok(found) => files.extend(found),
                Err(e) => errors.push(e.to_string()),
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            errors.push(format!("{}: no such file or directory", path.display()));
        }
    }
    // The same file named twice (itself and through its directory) is one input.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));

    let mut by_id: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut docs = Vec::new();
    for file in files {
        match load_one(&file, needs_text, articles) {
            Ok(doc) => {
                let id = doc.ann.document.id.clone();
                if let Some(first) = by_id.get(&id) {
                    errors.push(format!(
                        "{}: document {id} is also annotated in {}; export one of the two",
                        file.display(),
                        first.display()
                    ));
                    continue;
                }
                by_id.insert(id, file);
                docs.push(doc);
            }
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

fn load_one(
    file: &Path,
    needs_text: bool,
    articles: &crate::io::store::ArticleLookup,
) -> Result<Doc, String> {
    let ann = crate::io::store::load(file)?;
    with_text(file, ann, needs_text, articles).map_err(|e| format!("{}: {e}", file.display()))
}

/// The annotation with its article, when `needs_text`, its spans checked.
fn with_text(
    file: &Path,
    ann: Annotation,
    needs_text: bool,
    articles: &crate::io::store::ArticleLookup,
) -> Result<Doc, String> {
    let id = &ann.document.id;
    // Output files are named after the id: it must not reach outside DIR.
    if id.is_empty() || crate::io::input::safe_id(id) != *id {
        return Err(format!(
            "document id {id:?} cannot name a file; use letters, digits, '-', '_' and '.'"
        ));
    }
    if !needs_text {
        return Ok(Doc {
            path: file.to_path_buf(),
            ann,
            text: None,
        });
    }
    let (text_path, text) = articles
        .find(file, Some(id), Some(&ann.document.sha256))
        .ok_or_else(|| {
            format!(
                "the article text is needed for offsets and was not found (looked for {}); give the directory of the articles with --text DIR, or the JSONL corpus the file was made from with --corpus FILE",
                articles.looked_in(id)
            )
        })?;
    if let Err(e) = check_spans(&ann, &text) {
        let other_version = crate::io::input::sha256_hex(text.as_bytes()) != ann.document.sha256;
        return Err(format!(
            "{e} in {}{}; run `isnad validate {} --text {}`",
            text_path.display(),
            if other_version {
                " (its SHA-256 is not document.sha256: another version of the article?)"
            } else {
                ""
            },
            file.display(),
            text_path.display()
        ));
    }
    Ok(Doc {
        path: file.to_path_buf(),
        ann,
        text: Some(text),
    })
}

/// Every span of every placed claim reads its own text in the article: the
/// exports carry offsets, and wrong offsets would mark the wrong words.
fn check_spans(ann: &Annotation, raw: &str) -> Result<(), String> {
    let text = Text::new(raw);
    let check = |what: String, start: usize, end: usize, want: &str| -> Result<(), String> {
        match text.slice_chars(start, end) {
            Some(got) if got == want => Ok(()),
            Some(got) => Err(format!(
                "{what} {start}..{end} reads {got:?}, not {want:?},"
            )),
            None => Err(format!(
                "{what} {start}..{end} lies outside the article ({} code points)",
                text.len_chars()
            )),
        }
    };
    for c in ann.claims.iter().filter(|c| !c.orphaned) {
        check(format!("claim {}", c.id), c.start, c.end, &c.text)?;
        for (i, l) in c.chain.iter().enumerate() {
            if let Some(cue) = &l.cue {
                let what = format!("claim {} link {} cue", c.id, i + 1);
                check(what, cue.start, cue.end, &cue.text)?;
            }
            if let Some(s) = &l.source {
                let what = format!("claim {} link {} source", c.id, i + 1);
                check(what, s.start, s.end, &s.text)?;
            }
        }
    }
    Ok(())
}

/// Claims in text order, ties by id: the order of every export.
fn sorted_claims(ann: &Annotation) -> Vec<&Claim> {
    let mut v: Vec<&Claim> = ann.claims.iter().collect();
    v.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
    v
}

/// Pretty JSON with a final newline; serialising plain data cannot fail, and
/// if it ever did the file says so rather than the run panicking.
fn json_bytes<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut s = serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    s.into_bytes()
}

/// The snake_case name serde gives an enum value (`mostly_true`).
fn name_of<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
