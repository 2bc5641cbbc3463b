//! The human reports of a comparison: Markdown, and one self-contained
//! right-to-left HTML page (no scripts, no network) with the claims side by
//! side, the diff highlighted, each chain drawn from publisher to origin,
//! and a matrix of articles against clusters.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{ClaimRef, Comparison, PairRelation, RelationKind};
use crate::model::Annotation;

/// Claims, chains and publishers by reference, for the reports.
pub struct Lookup<'a> {
    docs: BTreeMap<&'a str, &'a Annotation>,
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

/// Conflicts first, then corroborations, then echoes; related pairs only
/// when asked for.
fn shown(c: &Comparison, with_related: bool) -> Vec<&PairRelation> {
    let order = |p: &PairRelation| match p.relation {
        RelationKind::Conflicts => 0,
        RelationKind::Corroborates => 1,
        RelationKind::Echo => 2,
        RelationKind::Updates => 3,
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

pub fn markdown(c: &Comparison, docs: &[Annotation]) -> String {
    let total = c.relations.len();
    let c = &focus(c);
    let look = Lookup::new(docs);
    let mut s = String::new();
    let _ = writeln!(s, "# isnad comparison\n");
    let _ = writeln!(
        s,
        "{} articles, {} clusters, {} relations.\n",
        c.documents.len(),
        c.clusters.len(),
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
            p.evidence.shared.join("، ")
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

/// For each article and cluster: C (corroborates), X (conflicts), E (echo).
fn matrix(c: &Comparison) -> BTreeMap<(String, String), String> {
    let mut cluster_of: BTreeMap<&ClaimRef, &str> = BTreeMap::new();
    for k in &c.clusters {
        for m in &k.claims {
            cluster_of.insert(m, &k.id);
        }
    }
    let mut cells: BTreeMap<(String, String), String> = BTreeMap::new();
    for p in &c.relations {
        let mark = match p.relation {
            RelationKind::Corroborates => 'C',
            RelationKind::Conflicts => 'X',
            RelationKind::Echo => 'E',
            RelationKind::Updates => 'U',
            RelationKind::Related => continue,
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
.ev{font-size:.85em;color:#444}";

pub fn html(c: &Comparison, docs: &[Annotation]) -> String {
    let total = c.relations.len();
    let c = &focus(c);
    let look = Lookup::new(docs);
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>isnad — مقارنة المصادر</title><style>{STYLE}</style></head><body>"
    );
    let _ = write!(
        s,
        "<h1>مقارنة الادعاءات عبر المصادر</h1><p>{} مقالات، {} مجموعات، {} علاقات معروضة من {total}.</p>",
        c.documents.len(),
        c.clusters.len(),
        c.relations.len()
    );
    let _ = write!(s, "<h2>المجموعات</h2><ul>");
    for k in &c.clusters {
        let _ = write!(
            s,
            "<li><b>{}</b>: {} ادعاءات — مصادر مستقلة مؤيدة: {}، مصادر معارضة: {}</li>",
            k.id,
            k.claims.len(),
            k.independent_origins,
            k.contradicting_origins
        );
    }
    s.push_str("</ul><h2>العلاقات</h2>");
    for p in shown(c, false) {
        let class = format!("{:?}", p.relation).to_lowercase();
        let _ = write!(
            s,
            "<div class=\"pair {class}\"><div><b>{}</b> <span class=\"ev\">{} ↔ {}</span></div><div class=\"side\">",
            esc(&label(p)),
            esc(&p.a.doc),
            esc(&p.b.doc)
        );
        for r in [&p.a, &p.b] {
            let chain: Vec<String> = look
                .path(r)
                .iter()
                .map(|n| format!("<span>{}</span>", esc(n)))
                .collect();
            let _ = write!(
                s,
                "<div><div>{}</div><div class=\"chain\">{}</div></div>",
                esc(&look.text(r)),
                chain.join(" ← ")
            );
        }
        let _ = write!(
            s,
            "</div><div class=\"ev\">القاعدة: <code>{}</code> — الدرجة {:.2} — كلمات مشتركة: {}</div><div class=\"ev\">الفرق: {}</div></div>",
            esc(&p.evidence.rule),
            p.score,
            esc(&p.evidence.shared.join("، ")),
            diff_html(&p.evidence.diff)
        );
    }
    s.push_str("<h2>المقالات × المجموعات</h2><table><tr><th>المقال</th>");
    for k in &c.clusters {
        let _ = write!(s, "<th>{}</th>", esc(&k.id));
    }
    s.push_str("</tr>");
    let cells = matrix(c);
    for d in &c.documents {
        let _ = write!(s, "<tr><td>{}</td>", esc(&d.id));
        for k in &c.clusters {
            let _ = write!(
                s,
                "<td>{}</td>",
                esc(cells
                    .get(&(d.id.clone(), k.id.clone()))
                    .map_or("", String::as_str))
            );
        }
        s.push_str("</tr>");
    }
    s.push_str("</table><p class=\"ev\">C: يؤيد، X: يعارض، E: صدى لمصدر واحد</p></body></html>\n");
    s
}
