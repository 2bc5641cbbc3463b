//! The annotation model: the one shared language between stages, and the
//! format of the YAML files people keep in git. Every offset is a half-open
//! code-point span over the original article text.

use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "isnad/annotation/1";

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    pub format: String,
    pub document: Document,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub claims: Vec<Claim>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    /// Hex SHA-256 of the input bytes the offsets refer to.
    pub sha256: String,
    /// Length of the text in code points.
    pub length: usize,
    pub title: Option<String>,
    /// The publisher stands behind every claim; from a signature block or metadata.
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher_ref: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Headline,
    Dateline,
    Caption,
    Boilerplate,
    Signature,
    Body,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub id: String,
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// How a sentence relates to direct quotation.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Quotation {
    /// No quotation mark is open in or around it.
    #[default]
    None,
    /// A quotation opens (and may close) inside the sentence.
    Contains,
    /// The whole sentence lies inside a quotation opened earlier.
    Inside,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Sentence {
    pub id: String,
    pub block: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(default)]
    pub quotation: Quotation,
}

impl Sentence {
    /// The sentence's own text from code point `start` to `end` of the
    /// article (both inside the sentence).
    pub fn text_between(&self, start: usize, end: usize) -> String {
        self.text
            .chars()
            .skip(start - self.start)
            .take(end - start)
            .collect()
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Outlet,
    Person,
    Official,
    Anonymous,
    Group,
    Document,
}

/// Who made an item: the machine, or a person editing the file.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    #[default]
    Machine,
    Human,
}

impl Origin {
    pub fn is_machine(&self) -> bool {
        *self == Origin::Machine
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub kind: SourceKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Code-point spans of every mention, in text order.
    #[serde(default)]
    pub mentions: Vec<[usize; 2]>,
    #[serde(default, skip_serializing_if = "Origin::is_machine")]
    pub origin: Origin,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    Verb,
    Preposition,
    Participle,
    Nominal,
    Colon,
    NoComment,
    Addressee,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Assert,
    Deny,
    Allege,
    Admit,
    NoComment,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: CueKind,
    pub stance: Stance,
}

/// One link of an isnad: a cue and the source it names.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub cue: Option<Cue>,
    /// The source's words in this sentence; null when the speaker is implicit.
    pub source: Option<Span>,
    /// The `sources` entry this link resolves to.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Origin::is_machine")]
    pub origin: Origin,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A chain of cited sources stands behind it.
    Attributed,
    /// The publisher's own background formula (يذكر أن, جدير بالذكر).
    Editorial,
    /// Asserted with no source: the publisher stands behind it.
    Unsourced,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Stable across runs: derived from the claim's folded text.
    pub id: String,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub quote: QuoteKind,
    pub basis: Basis,
    /// Outermost reporter first; empty for editorial and unsourced claims.
    #[serde(default)]
    pub chain: Vec<Link>,
    /// The W3C TextQuoteSelector: how a reviewed claim finds its place again
    /// when the article text changes and its offsets no longer hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<TextQuote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// Set when re-annotation could not find the claim's text in the changed
    /// article: the claim is kept for a person to re-place or reject.
    #[serde(default, skip_serializing_if = "is_false")]
    pub orphaned: bool,
    #[serde(default, skip_serializing_if = "Origin::is_machine")]
    pub origin: Origin,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A W3C Web Annotation TextQuoteSelector over the article text.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TextQuote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// A fact-checker's decision about one claim.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub status: ReviewStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_at: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    #[default]
    Unreviewed,
    Confirmed,
    Corrected,
    /// Not a claim, or attributed wrongly.
    Rejected,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    True,
    MostlyTrue,
    Misleading,
    False,
    Unverifiable,
    NotChecked,
}

/// The values of `review.status`, as the YAML spells them.
pub const REVIEW_STATUSES: [&str; 4] = ["unreviewed", "confirmed", "corrected", "rejected"];

/// The values of `review.verdict`, as the YAML spells them.
pub const VERDICTS: [&str; 6] = [
    "true",
    "mostly_true",
    "misleading",
    "false",
    "unverifiable",
    "not_checked",
];

impl Claim {
    /// A person has decided on this claim or written it: re-annotation keeps it.
    pub fn is_human_work(&self) -> bool {
        !self.origin.is_machine()
            || self.chain.iter().any(|l| !l.origin.is_machine())
            || self
                .review
                .as_ref()
                .is_some_and(|r| r.status != ReviewStatus::Unreviewed || r.verdict.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reviewer writes `verdict: true` unquoted; YAML reads a boolean there,
    /// and the verdict must still be the verdict `true`.
    #[test]
    fn unquoted_true_and_false_are_verdicts() {
        for (text, want) in [("true", Verdict::True), ("false", Verdict::False)] {
            let r: Review =
                crate::io::yaml::from_str(&format!("status: confirmed\nverdict: {text}\n"))
                    .unwrap();
            assert_eq!(r.verdict, Some(want));
        }
        let r: Review =
            crate::io::yaml::from_str("status: rejected\nverdict: mostly_true\n").unwrap();
        assert_eq!(
            (r.status, r.verdict),
            (ReviewStatus::Rejected, Some(Verdict::MostlyTrue))
        );
        let back = crate::io::yaml::to_string(&Review {
            status: ReviewStatus::Confirmed,
            verdict: Some(Verdict::True),
            note: None,
            reviewer: None,
            reviewed_at: None,
            evidence: vec![],
        })
        .unwrap();
        let again: Review = crate::io::yaml::from_str(&back).unwrap();
        assert_eq!(again.verdict, Some(Verdict::True), "{back}");
    }
}
