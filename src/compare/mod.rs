//! Comparison: a separate stage that reads annotation files, aligns claims
//! across articles (and within one), relates each aligned pair, groups them,
//! and tells independent origins from echoes of one origin.
//!
//! `align.rs` generates and scores candidates, `relate.rs` is the pairwise
//! engine (`isnad relate`), `report.rs` writes the Markdown and HTML reports.

mod align;
mod lexicon;
mod num;
pub mod pairs;
pub mod relate;
pub mod report;
pub mod shard;
mod stem;

use serde::{Deserialize, Serialize};

pub use align::compare;
pub use lexicon::Lexicon as RelateLexicon;
pub use relate::{Judgement, Relation};

pub const FORMAT: &str = "isnad/comparison/1";

/// Between the items of a list in the evidence and the reports: the Arabic
/// comma, as the claims are Arabic.
pub(crate) const LIST_SEPARATOR: &str = "\u{060C} ";

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    pub format: String,
    pub documents: Vec<DocRef>,
    pub clusters: Vec<Cluster>,
    pub relations: Vec<PairRelation>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DocRef {
    pub id: String,
    pub publisher: Option<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(deny_unknown_fields)]
pub struct ClaimRef {
    pub doc: String,
    pub claim: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub id: String,
    pub claims: Vec<ClaimRef>,
    /// Distinct origins (the innermost source of each chain, or the
    /// publisher for its own claims) on the side of the first claim.
    pub independent_origins: usize,
    /// Distinct origins on the other side of a conflict.
    pub contradicting_origins: usize,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    Corroborates,
    Conflicts,
    /// Both claims go back to the same origin: repetition, not corroboration.
    Echo,
    /// The same count from the same origin, or marked as a first or later
    /// figure (a toll that rises): an update, not a contradiction.
    Updates,
    /// Same topic, different facts: kept here, left out of the report.
    Related,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// One says it, the other says it is not so (a negation, a denial, an
    /// antonym).
    Polarity,
    /// The same quantity of the same thing, different numbers.
    Numeric,
    /// Same content, asserted by one side and only alleged by the other.
    Framing,
    /// The same statement with another year or place.
    Event,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Folded stems both claims share.
    pub shared: Vec<String>,
    /// The rule that decided.
    pub rule: String,
    /// A word-level diff of the two claim texts: [-only in a-] {+only in b+}.
    pub diff: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PairRelation {
    pub a: ClaimRef,
    pub b: ClaimRef,
    pub relation: RelationKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ConflictKind>,
    pub score: f64,
    pub evidence: Evidence,
}

/// A word-level diff of two texts with `similar`: words separated by single
/// spaces, runs of removed words as `[-…-]` and of added words as `{+…+}`,
/// so that a reader sees where one word ends and the next begins.
pub fn word_diff(a: &str, b: &str) -> String {
    let diff = similar::TextDiff::from_words(a, b);
    let mut parts: Vec<String> = Vec::new();
    // Between two kept words, every removed word first, then every added
    // one: the spaces between words come back as kept tokens and would
    // otherwise cut a replaced phrase into word-by-word alternations.
    let (mut deleted, mut inserted): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let flush = |deleted: &mut Vec<&str>, inserted: &mut Vec<&str>, parts: &mut Vec<String>| {
        if !deleted.is_empty() {
            parts.push(format!("[-{}-]", deleted.join(" ")));
            deleted.clear();
        }
        if !inserted.is_empty() {
            parts.push(format!("{{+{}+}}", inserted.join(" ")));
            inserted.clear();
        }
    };
    for change in diff.iter_all_changes() {
        let v = change.value().trim();
        if v.is_empty() {
            continue;
        }
        match change.tag() {
            similar::ChangeTag::Delete => deleted.push(v),
            similar::ChangeTag::Insert => inserted.push(v),
            similar::ChangeTag::Equal => {
                flush(&mut deleted, &mut inserted, &mut parts);
                parts.push(v.to_string());
            }
        }
    }
    flush(&mut deleted, &mut inserted, &mut parts);
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_diff_keeps_a_space_between_words() {
        let d = super::word_diff("التدخل الروسي المزعوم", "موسكو لم تتدخل");
        assert_eq!(d, "[-التدخل الروسي المزعوم-] {+موسكو لم تتدخل+}");
        let d = super::word_diff("قتل 40 شخصا السبت", "قتل 42 شخصا السبت");
        assert_eq!(d, "قتل [-40-] {+42+} شخصا السبت");
    }
}
