//! The human reports of a comparison: Markdown (`markdown.rs`), and one
//! self-contained right-to-left HTML page (`html.rs`, no scripts, no
//! network) with the claims side by side, the diff highlighted, each chain
//! drawn from publisher to origin, and a matrix of articles against
//! clusters. Here is what both read: the pairs shown and their order, the
//! articles × clusters cells, and the page's Arabic with its number
//! agreement.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{ClaimRef, Comparison, ConflictKind, PairRelation, RelationKind};
use crate::model::Annotation;

mod html;
mod markdown;

pub use html::html;
pub use markdown::markdown;

/// Claims, chains and publishers by reference, for the reports.
pub struct Lookup<'a> {
    pub(crate) docs: BTreeMap<&'a str, &'a Annotation>,
}

impl<'a> Lookup<'a> {
    pub fn new(docs: &'a [Annotation]) -> Self {
        Lookup {
            docs: docs.iter().map(|d| (d.document.id.as_str(), d)).collect(),
        }
    }

    fn claim(&self, r: &ClaimRef) -> Option<(&'a Annotation, &'a crate::model::Claim)> {
        let d = self.docs.get(r.doc.as_str())?;
        Some((d, d.claims.iter().find(|c| c.id == r.claim)?))
    }

    /// "publisher → outer → ... → origin", with each link's cue.
    fn path(&self, r: &ClaimRef) -> Vec<String> {
        let Some((d, c)) = self.claim(r) else {
            return vec![];
        };
        let mut out = vec![
            d.document
                .publisher
                .clone()
                .unwrap_or_else(|| d.document.id.clone()),
        ];
        for l in &c.chain {
            let name = l
                .reference
                .as_deref()
                .and_then(|id| d.sources.iter().find(|s| s.id == id))
                .map_or("?".to_string(), |s| s.name.clone());
            match &l.cue {
                Some(cue) => out.push(format!("{name} ({})", cue.text)),
                None => out.push(name),
            }
        }
        out
    }

    fn text(&self, r: &ClaimRef) -> String {
        self.claim(r).map_or(String::new(), |(_, c)| c.text.clone())
    }
}

/// The Arabic of the HTML page, from `src/lexicon/report.yaml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Labels {
    title: String,
    heading: String,
    /// With `{articles}`, `{clusters}`, `{relations}` and `{shown}`.
    summary: String,
    relations: ByRelation,
    conflict_forms: ConflictKinds,
    sections: Sections,
    evidence: EvidenceLabels,
    clusters: ClusterLabels,
    matrix: MatrixLabels,
    count_nouns: CountNouns,
}

/// A text for each relation the page shows.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ByRelation {
    corroborates: String,
    conflicts: String,
    echo: String,
    updates: String,
    #[serde(default)]
    related: String,
}

impl ByRelation {
    fn of(&self, r: RelationKind) -> &str {
        match r {
            RelationKind::Corroborates => &self.corroborates,
            RelationKind::Conflicts => &self.conflicts,
            RelationKind::Echo => &self.echo,
            RelationKind::Updates => &self.updates,
            RelationKind::Related => &self.related,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConflictKinds {
    polarity: String,
    numeric: String,
    framing: String,
    event: String,
}

impl ConflictKinds {
    fn of(&self, form: ConflictKind) -> &str {
        match form {
            ConflictKind::Polarity => &self.polarity,
            ConflictKind::Numeric => &self.numeric,
            ConflictKind::Framing => &self.framing,
            ConflictKind::Event => &self.event,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sections {
    conflicts: String,
    corroborates_and_echoes: String,
    updates: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceLabels {
    rule: String,
    score: String,
    shared: String,
    notes: String,
    diff: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClusterLabels {
    heading: String,
    independent_origins: String,
    contradicting_origins: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MatrixLabels {
    heading: String,
    article: String,
    cluster: String,
    cluster_legend: String,
    marks: ByRelation,
}

/// The singular, the dual, the plural, the accusative singular, and the
/// numeral "one" agreeing with the noun's gender.
type CountNoun = [String; 5];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountNouns {
    articles: CountNoun,
    claims: CountNoun,
    clusters: CountNoun,
    origins: CountNoun,
    relations: CountNoun,
}

impl Labels {
    /// The labels compiled into the crate, parsed once; a test guards that
    /// they parse.
    fn builtin() -> &'static Labels {
        static LABELS: OnceLock<Labels> = OnceLock::new();
        LABELS.get_or_init(|| {
            crate::io::yaml::from_str(include_str!("../../lexicon/report.yaml"))
                .expect("the embedded report.yaml parses")
        })
    }

    /// The relation in Arabic, for the page.
    fn relation(&self, p: &PairRelation) -> String {
        let rel = self.relations.of(p.relation);
        match p.kind {
            Some(form) => format!("{rel} ({})", self.conflict_forms.of(form)),
            None => rel.to_string(),
        }
    }

    /// A count with its noun in Arabic number agreement: the singular with
    /// `one` for 1, the dual for 2, the plural for 3–10 (and 0), the
    /// accusative singular for 11–99, the singular from 100 (in each hundred).
    fn count(&self, n: usize, noun: &CountNoun) -> String {
        let [one, two, plural, acc, numeral] = noun;
        match (n, n % 100) {
            (0, _) => format!("0 {plural}"),
            (1, _) => format!("{one} {numeral}"),
            (2, _) => two.clone(),
            (_, 3..=10) => format!("{n} {plural}"),
            (_, 11..=99) => format!("{n} {acc}"),
            _ => format!("{n} {one}"),
        }
    }
}

/// A text from the labels with each `{name}` replaced by its value, in one
/// pass (a value is never read for names).
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (close, *v))
        });
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Conflicts first, then corroborations, updates and echoes; related pairs only
/// when asked for.
fn shown(c: &Comparison, with_related: bool) -> Vec<&PairRelation> {
    let order = |p: &PairRelation| match p.relation {
        RelationKind::Conflicts => 0,
        RelationKind::Corroborates => 1,
        RelationKind::Updates => 2,
        RelationKind::Echo => 3,
        RelationKind::Related => 4,
    };
    let mut v: Vec<&PairRelation> = c
        .relations
        .iter()
        .filter(|p| with_related || p.relation != RelationKind::Related)
        .collect();
    v.sort_by(|a, b| order(a).cmp(&order(b)).then(b.score.total_cmp(&a.score)));
    v.truncate(MAX_SHOWN);
    v
}

/// A person reads a few hundred pairs, not a hundred thousand: the report
/// shows the strongest, `comparison.yaml` keeps them all.
const MAX_SHOWN: usize = 300;

/// The part of a comparison a report shows: the strongest relations, the
/// clusters and articles they touch.
fn focus(c: &Comparison) -> Comparison {
    let relations: Vec<PairRelation> = shown(c, false).into_iter().cloned().collect();
    let touched: std::collections::BTreeSet<&ClaimRef> =
        relations.iter().flat_map(|p| [&p.a, &p.b]).collect();
    let clusters: Vec<_> = c
        .clusters
        .iter()
        .filter(|k| k.claims.iter().any(|m| touched.contains(m)))
        .cloned()
        .collect();
    let docs: std::collections::BTreeSet<&str> = touched.iter().map(|r| r.doc.as_str()).collect();
    Comparison {
        format: c.format.clone(),
        documents: c
            .documents
            .iter()
            .filter(|d| docs.contains(d.id.as_str()))
            .cloned()
            .collect(),
        clusters,
        relations,
    }
}
/// The relations the articles × clusters table marks, each with its letter
/// in the Markdown table (the HTML page has its own from the labels).
const MARKED: [(char, RelationKind); 4] = [
    ('C', RelationKind::Corroborates),
    ('X', RelationKind::Conflicts),
    ('E', RelationKind::Echo),
    ('U', RelationKind::Updates),
];

/// For each article and cluster: C (corroborates), X (conflicts), E (echo),
/// U (updates).
fn matrix(c: &Comparison) -> BTreeMap<(String, String), String> {
    let mut cluster_of: BTreeMap<&ClaimRef, &str> = BTreeMap::new();
    for k in &c.clusters {
        for m in &k.claims {
            cluster_of.insert(m, &k.id);
        }
    }
    let mut cells: BTreeMap<(String, String), String> = BTreeMap::new();
    for p in &c.relations {
        let Some(&(mark, _)) = MARKED.iter().find(|(_, r)| *r == p.relation) else {
            continue;
        };
        for r in [&p.a, &p.b] {
            if let Some(k) = cluster_of.get(r) {
                let cell = cells.entry((r.doc.clone(), k.to_string())).or_default();
                if !cell.contains(mark) {
                    cell.push(mark);
                }
            }
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_noun() {
        let l = Labels::builtin();
        let claims = &l.count_nouns.claims;
        let counts: Vec<String> = [0, 1, 2, 5, 10, 11, 99, 100, 103]
            .iter()
            .map(|&n| l.count(n, claims))
            .collect();
        assert_eq!(
            counts,
            [
                "0 ادعاءات",
                "ادعاء واحد",
                "ادعاءان",
                "5 ادعاءات",
                "10 ادعاءات",
                "11 ادعاءً",
                "99 ادعاءً",
                "100 ادعاء",
                "103 ادعاءات",
            ]
        );
        // "One" agrees with a feminine noun.
        assert_eq!(l.count(1, &l.count_nouns.clusters), "مجموعة واحدة");
    }

    #[test]
    fn fill_replaces_known_names_once() {
        let t = "{a} and {b}, {unknown} {";
        assert_eq!(
            fill(t, &[("a", "{b}"), ("b", "2")]),
            "{b} and 2, {unknown} {"
        );
    }
}
