//! The human reports of a comparison: Markdown, and one self-contained
//! right-to-left HTML page (no scripts, no network) with the claims side by
//! side, the diff highlighted, each chain drawn from publisher to origin,
//! and a matrix of articles against clusters.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{ClaimRef, Comparison, ConflictKind, LIST_SEPARATOR, PairRelation, RelationKind};
use crate::model::Annotation;

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

fn label(p: &PairRelation) -> String {
    let rel = match p.relation {
        RelationKind::Corroborates => "corroborates",
        RelationKind::Conflicts => "conflicts",
        RelationKind::Echo => "echo",
        RelationKind::Updates => "updates",
        RelationKind::Related => "related",
    };
    match p.kind {
        Some(k) => format!("{rel} ({})", format!("{k:?}").to_lowercase()),
        None => rel.to_string(),
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
    conflict_forms: ConflictForms,
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
struct ConflictForms {
    polarity: String,
    numeric: String,
    framing: String,
    event: String,
}

impl ConflictForms {
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

/// The singular, the dual, the plural and the accusative singular.
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
            crate::io::yaml::from_str(include_str!("../lexicon/report.yaml"))
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

/// An article as a reader knows it: its title and outlet, the id isolated.
fn article_name(look: &Lookup, doc: &str) -> String {
    let Some(d) = look.docs.get(doc) else {
        return format!("<bdi>{}</bdi>", esc(doc));
    };
    let title = d.document.title.as_deref().unwrap_or("").trim();
    let outlet = d
        .document
        .outlet
        .as_deref()
        .or(d.document.publisher.as_deref())
        .unwrap_or("")
        .trim();
    let mut s = String::new();
    if !title.is_empty() {
        let _ = write!(s, "«<bdi>{}</bdi>»", esc(title));
    }
    if !outlet.is_empty() {
        let _ = write!(s, " — <bdi>{}</bdi>", esc(outlet));
    }
    let _ = write!(
        s,
        " <span class=\"id\">(<bdi dir=\"ltr\">{}</bdi>)</span>",
        esc(doc)
    );
    s
}

/// Conflicts first, then corroborations, then echoes; related pairs only
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

pub fn markdown(full: &Comparison, docs: &[Annotation]) -> String {
    let total = full.relations.len();
    let c = &focus(full);
    let look = Lookup::new(docs);
    let mut s = String::new();
    let _ = writeln!(s, "# isnad comparison\n");
    // The command's counts: every article, cluster and relation.
    let _ = writeln!(
        s,
        "{} articles, {} clusters, {} relations; the {} strongest are shown.\n",
        full.documents.len(),
        full.clusters.len(),
        total,
        c.relations.len()
    );
    let _ = writeln!(s, "## Clusters\n");
    for k in &c.clusters {
        let _ = writeln!(
            s,
            "- **{}**: {} claims; independent origins: {}; contradicting origins: {}",
            k.id,
            k.claims.len(),
            k.independent_origins,
            k.contradicting_origins
        );
    }
    let _ = writeln!(
        s,
        "\n## Relations\n\nThe {} strongest, conflicts first; comparison.yaml holds all {total}.\n",
        c.relations.len()
    );
    for p in shown(c, false) {
        let _ = writeln!(s, "### {} — {} / {}\n", label(p), p.a.doc, p.b.doc);
        let _ = writeln!(s, "- A ({}): {}", p.a.claim, look.text(&p.a));
        let _ = writeln!(s, "  - chain: {}", look.path(&p.a).join(" ← "));
        let _ = writeln!(s, "- B ({}): {}", p.b.claim, look.text(&p.b));
        let _ = writeln!(s, "  - chain: {}", look.path(&p.b).join(" ← "));
        let _ = writeln!(
            s,
            "- rule: `{}`, score {:.2}, shared: {}",
            p.evidence.rule,
            p.score,
            p.evidence.shared.join(LIST_SEPARATOR)
        );
        for n in &p.evidence.notes {
            let _ = writeln!(s, "- {n}");
        }
        let _ = writeln!(s, "- diff: {}\n", p.evidence.diff);
    }
    let _ = writeln!(s, "## Articles × clusters\n");
    s.push_str(&matrix_markdown(c));
    s
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

fn matrix_markdown(c: &Comparison) -> String {
    let cells = matrix(c);
    let mut s = String::from("| article |");
    for k in &c.clusters {
        let _ = write!(s, " {} |", k.id);
    }
    s.push_str("\n|---|");
    s.push_str(&"---|".repeat(c.clusters.len()));
    s.push('\n');
    for d in &c.documents {
        let _ = write!(s, "| {} |", d.id);
        for k in &c.clusters {
            let _ = write!(
                s,
                " {} |",
                cells
                    .get(&(d.id.clone(), k.id.clone()))
                    .map_or("", String::as_str)
            );
        }
        s.push('\n');
    }
    s
}

fn esc(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The diff as HTML: removed words struck through, added words marked.
fn diff_html(diff: &str) -> String {
    let mut out = String::new();
    let mut rest = diff;
    while !rest.is_empty() {
        let next = [rest.find("[-"), rest.find("{+")]
            .into_iter()
            .flatten()
            .min();
        let Some(at) = next else {
            out.push_str(&esc(rest));
            break;
        };
        out.push_str(&esc(&rest[..at]));
        let (open_tag, close_mark, tag) = if rest[at..].starts_with("[-") {
            ("[-", "-]", "del")
        } else {
            ("{+", "+}", "ins")
        };
        let body = &rest[at + open_tag.len()..];
        match body.find(close_mark) {
            Some(end) => {
                let _ = write!(out, "<{tag}>{}</{tag}>", esc(&body[..end]));
                rest = &body[end + close_mark.len()..];
            }
            None => {
                out.push_str(&esc(&rest[at..]));
                break;
            }
        }
    }
    out
}

const STYLE: &str = "body{font-family:'Noto Naskh Arabic','Amiri','DejaVu Sans',sans-serif;margin:2em;line-height:1.7;color:#222}\
h1{font-size:1.6em}h2{margin-top:1.5em;border-bottom:1px solid #ccc}\
.pair{border:1px solid #ddd;border-radius:6px;margin:1em 0;padding:.5em 1em}\
.conflicts{border-inline-start:6px solid #c0392b}.corroborates{border-inline-start:6px solid #27ae60}.echo{border-inline-start:6px solid #f39c12}\
.side{display:flex;gap:1em}.side>div{flex:1;background:#fafafa;padding:.5em;border-radius:4px}\
.chain{font-size:.9em;color:#555}.chain span{background:#eef;padding:0 .3em;border-radius:3px;margin:0 .1em}\
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}\
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:center}\
.ev{font-size:.85em;color:#444}.updates{border-inline-start:6px solid #2980b9}\
.art{font-size:.85em;color:#333;margin-bottom:.3em}.id{color:#888;font-size:.85em}.diff del,.diff ins{padding:0 .15em}";

/// One pair, side by side, with its chains, evidence and diff.
fn pair_html(s: &mut String, l: &Labels, look: &Lookup, p: &PairRelation) {
    let class = format!("{:?}", p.relation).to_lowercase();
    let _ = write!(
        s,
        "<div class=\"pair {class}\"><div><b>{}</b></div><div class=\"side\">",
        esc(&l.relation(p)),
    );
    for r in [&p.a, &p.b] {
        let chain: Vec<String> = look
            .path(r)
            .iter()
            .map(|n| format!("<span><bdi>{}</bdi></span>", esc(n)))
            .collect();
        let _ = write!(
            s,
            "<div><div class=\"art\">{}</div><div>{}</div><div class=\"chain\">{}</div></div>",
            article_name(look, &r.doc),
            esc(&look.text(r)),
            chain.join(" ← ")
        );
    }
    let notes: Vec<String> = p.evidence.notes.iter().map(|n| esc(n)).collect();
    let e = &l.evidence;
    let _ = write!(
        s,
        "</div><div class=\"ev\">{}: <code>{}</code> — {} {:.2} — {}: {}</div>",
        e.rule,
        esc(&p.evidence.rule),
        e.score,
        p.score,
        e.shared,
        esc(&p.evidence.shared.join(LIST_SEPARATOR)),
    );
    if !notes.is_empty() {
        let _ = write!(
            s,
            "<div class=\"ev\">{}: <bdi>{}</bdi></div>",
            e.notes,
            notes.join(" · ")
        );
    }
    let _ = write!(
        s,
        "<div class=\"ev diff\">{}: {}</div></div>",
        e.diff,
        diff_html(&p.evidence.diff)
    );
}

pub fn html(full: &Comparison, docs: &[Annotation]) -> String {
    let c = &focus(full);
    let look = Lookup::new(docs);
    let l = Labels::builtin();
    let nouns = &l.count_nouns;
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>",
        l.title
    );
    // The counts are the command's: every article, cluster and relation.
    let summary = fill(
        &l.summary,
        &[
            ("articles", &l.count(full.documents.len(), &nouns.articles)),
            ("clusters", &l.count(full.clusters.len(), &nouns.clusters)),
            (
                "relations",
                &l.count(full.relations.len(), &nouns.relations),
            ),
            ("shown", &l.count(c.relations.len(), &nouns.relations)),
        ],
    );
    let _ = write!(s, "<h1>{}</h1><p>{summary}</p>", l.heading);
    let sections: [(&str, &[RelationKind]); 3] = [
        (&l.sections.conflicts, &[RelationKind::Conflicts]),
        (
            &l.sections.corroborates_and_echoes,
            &[RelationKind::Corroborates, RelationKind::Echo],
        ),
        (&l.sections.updates, &[RelationKind::Updates]),
    ];
    for (title, kinds) in sections {
        let pairs: Vec<&PairRelation> = shown(c, false)
            .into_iter()
            .filter(|p| kinds.contains(&p.relation))
            .collect();
        let _ = write!(
            s,
            "<h2>{title} ({})</h2>",
            l.count(pairs.len(), &nouns.relations)
        );
        for p in pairs {
            pair_html(&mut s, l, &look, p);
        }
    }
    clusters_html(&mut s, l, &look, c);
    matrix_html(&mut s, l, &look, c);
    s
}

/// The clusters shown, each with its first claim, claims and origins.
fn clusters_html(s: &mut String, l: &Labels, look: &Lookup, c: &Comparison) {
    let (k_labels, nouns) = (&l.clusters, &l.count_nouns);
    let _ = write!(
        s,
        "<h2>{} ({})</h2><ol>",
        k_labels.heading,
        l.count(c.clusters.len(), &nouns.clusters)
    );
    for k in &c.clusters {
        let centre = k.claims.first().map(|r| look.text(r)).unwrap_or_default();
        let _ = write!(
            s,
            "<li><b>«{}»</b>: {} — {}: {}{LIST_SEPARATOR}{}: {}</li>",
            esc(&centre),
            l.count(k.claims.len(), &nouns.claims),
            k_labels.independent_origins,
            l.count(k.independent_origins, &nouns.origins),
            k_labels.contradicting_origins,
            l.count(k.contradicting_origins, &nouns.origins)
        );
    }
    s.push_str("</ol>");
}

/// The articles × clusters table, and its legend.
fn matrix_html(s: &mut String, l: &Labels, look: &Lookup, c: &Comparison) {
    let m = &l.matrix;
    let _ = write!(s, "<h2>{}</h2><table><tr><th>{}</th>", m.heading, m.article);
    for (n, _) in c.clusters.iter().enumerate() {
        let _ = write!(s, "<th>{}{}</th>", m.cluster, n + 1);
    }
    s.push_str("</tr>");
    let cells = matrix(c);
    for d in &c.documents {
        let _ = write!(
            s,
            "<tr><td class=\"art\">{}</td>",
            article_name(look, &d.id)
        );
        for k in &c.clusters {
            let cell = cells
                .get(&(d.id.clone(), k.id.clone()))
                .map_or(String::new(), |marks| {
                    marks
                        .chars()
                        .map(|ch| {
                            MARKED
                                .iter()
                                .find(|(c, _)| *c == ch)
                                .map_or("", |(_, r)| m.marks.of(*r))
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                });
            let _ = write!(s, "<td>{}</td>", esc(&cell));
        }
        s.push_str("</tr>");
    }
    let legend: Vec<String> = MARKED
        .iter()
        .map(|(_, r)| format!("{}: {}", m.marks.of(*r), l.relations.of(*r)))
        .collect();
    let _ = writeln!(
        s,
        "</table><p class=\"ev\">{}. {}: {}.</p></body></html>",
        legend.join(LIST_SEPARATOR),
        m.cluster,
        m.cluster_legend
    );
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
