//! The relate lexicon as written in YAML (`src/lexicon/relate.yaml`,
//! `contrasts.yaml`, `numbers.yaml`), before it is compiled.

use super::*;

/// A file of learned contrast pairs (`contrasts.yaml`).
#[derive(Deserialize)]
pub(super) struct RawContrasts {
    #[serde(default)]
    pub(super) contrasts: Vec<Vec<String>>,
}

#[derive(Deserialize)]
pub(super) struct RawGroup {
    pub(super) name: String,
    #[serde(default)]
    pub(super) negating: Option<usize>,
    /// Evaluative sign of each pole (+1 good, -1 bad, 0 neutral).
    #[serde(default)]
    pub(super) valence: Vec<i8>,
    /// Read only between short claims (headlines, `relate`), not in `compare`.
    #[serde(default)]
    pub(super) headline_only: bool,
    pub(super) poles: Vec<Vec<String>>,
}

#[derive(Deserialize)]
pub(super) struct RawSentiment {
    pub(super) positive: Vec<String>,
    pub(super) negative: Vec<String>,
}

#[derive(Deserialize)]
pub(super) struct RawPlace {
    pub(super) names: Vec<String>,
    #[serde(default, rename = "in")]
    pub(super) within: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct RawLexicon {
    pub(super) conjunctions: Vec<String>,
    pub(super) negators: Vec<String>,
    pub(super) negation_exceptions: Vec<String>,
    pub(super) denial: Vec<String>,
    pub(super) allegation: Vec<String>,
    pub(super) certainty: Vec<String>,
    pub(super) causal: Vec<String>,
    pub(super) concessive: Vec<String>,
    pub(super) antonyms: Vec<RawGroup>,
    pub(super) sentiment: RawSentiment,
    pub(super) stopwords: Vec<String>,
    pub(super) places: Vec<RawPlace>,
    #[serde(default)]
    pub(super) synonyms: Vec<Vec<String>>,
    #[serde(default)]
    pub(super) predicates: Vec<RawPredicate>,
    #[serde(default)]
    pub(super) entities: Vec<RawPlace>,
    #[serde(default)]
    pub(super) locatives: Vec<String>,
    #[serde(default)]
    pub(super) prepositions: Vec<String>,
    #[serde(default)]
    pub(super) subordinators: Vec<String>,
    #[serde(default)]
    pub(super) negation_blockers: Vec<String>,
    #[serde(default)]
    pub(super) unless: Vec<String>,
    #[serde(default)]
    pub(super) homographs: Vec<String>,
    #[serde(default)]
    pub(super) days: Vec<String>,
    #[serde(default)]
    pub(super) months: Vec<Vec<String>>,
    #[serde(default)]
    pub(super) clock_before: Vec<String>,
    #[serde(default)]
    pub(super) clock_after: Vec<String>,
    #[serde(default)]
    pub(super) people: Vec<String>,
    #[serde(default)]
    pub(super) updates: Vec<String>,
    #[serde(default)]
    pub(super) non_assertive: Vec<String>,
    #[serde(default)]
    pub(super) pole_skip: Vec<String>,
    #[serde(default)]
    pub(super) evidence: Vec<String>,
    #[serde(default)]
    pub(super) hedged_relatives: Vec<String>,
    /// Word pairs that, substituted one for the other between two short
    /// claims, reverse the statement (learned data, see `contrasts.yaml`).
    #[serde(default)]
    pub(super) contrasts: Vec<Vec<String>>,
}

#[derive(Deserialize)]
pub(super) struct RawPredicate {
    pub(super) name: String,
    pub(super) words: Vec<String>,
}
