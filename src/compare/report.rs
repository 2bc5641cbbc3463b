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

/// The relation in Arabic, for the page.
fn label_ar(p: &PairRelation) -> String {
    use super::ConflictForm::*;
    let rel = match p.relation {
        RelationKind::Corroborates => "تأييد",
        RelationKind::Conflicts => "تعارض",
        RelationKind::Echo => "صدى لمصدر واحد",
        RelationKind::Updates => "تحديث للرقم",
        RelationKind::Related => "موضوع قريب",
    };
    match p.kind {
        Some(Polarity) => format!("{rel} (نفي وإثبات)"),
        Some(Numeric) => format!("{rel} (أرقام)"),
        Some(Framing) => format!("{rel} (تأكيد وزعم)"),
        Some(Event) => format!("{rel} (حدث آخر)"),
        None => rel.to_string(),
    }
}

/// A count with its noun in Arabic number agreement: 1 ادعاء واحد, 2
/// ادعاءان, 3–10 ادعاءات, 11–99 ادعاءً, 100 ادعاء. `forms` are the singular,
/// the dual, the plural and the accusative singular.
pub fn count_ar(n: usize, forms: [&str; 4]) -> String {
    let [one, two, plural, acc] = forms;
    match (n, n % 100) {
        (0, _) => format!("0 {plural}"),
        (1, _) => format!("{one} واحد"),
        (2, _) => two.to_string(),
        (_, 3..=10) => format!("{n} {plural}"),
        (_, 11..=99) => format!("{n} {acc}"),
        _ => format!("{n} {one}"),
    }
}

const CLAIMS: [&str; 4] = ["ادعاء", "ادعاءان", "ادعاءات", "ادعاءً"];
const ARTICLES: [&str; 4] = ["مقال", "مقالان", "مقالات", "مقالًا"];
const CLUSTERS: [&str; 4] = ["مجموعة", "مجموعتان", "مجموعات", "مجموعةً"];
const RELATIONS: [&str; 4] = ["علاقة", "علاقتان", "علاقات", "علاقةً"];
const ORIGINS: [&str; 4] = ["مصدر", "مصدران", "مصادر", "مصدرًا"];

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
.ev{font-size:.85em;color:#444}.updates{border-inline-start:6px solid #2980b9}\
.art{font-size:.85em;color:#333;margin-bottom:.3em}.id{color:#888;font-size:.85em}.diff del,.diff ins{padding:0 .15em}";

/// One pair, side by side, with its chains, evidence and diff.
fn pair_html(s: &mut String, look: &Lookup, p: &PairRelation) {
    let class = format!("{:?}", p.relation).to_lowercase();
    let _ = write!(
        s,
        "<div class=\"pair {class}\"><div><b>{}</b></div><div class=\"side\">",
        esc(&label_ar(p)),
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
    let _ = write!(
        s,
        "</div><div class=\"ev\">القاعدة: <code>{}</code> — الدرجة {:.2} — كلمات مشتركة: {}</div>",
        esc(&p.evidence.rule),
        p.score,
        esc(&p.evidence.shared.join("، ")),
    );
    if !notes.is_empty() {
        let _ = write!(
            s,
            "<div class=\"ev\">الدليل: <bdi>{}</bdi></div>",
            notes.join(" · ")
        );
    }
    let _ = write!(
        s,
        "<div class=\"ev diff\">الفرق كلمة كلمة: {}</div></div>",
        diff_html(&p.evidence.diff)
    );
}

pub fn html(full: &Comparison, docs: &[Annotation]) -> String {
    let c = &focus(full);
    let look = Lookup::new(docs);
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>إسناد — مقارنة المصادر</title><style>{STYLE}</style></head><body>"
    );
    // The counts are the command's: every article, cluster and relation.
    let _ = write!(
        s,
        "<h1>مقارنة الادعاءات عبر المصادر</h1><p>{}، {}، {}. تعرض هذه الصفحة أقوى {} منها، والملف comparison.yaml يحويها كلها.</p>",
        count_ar(full.documents.len(), ARTICLES),
        count_ar(full.clusters.len(), CLUSTERS),
        count_ar(full.relations.len(), RELATIONS),
        count_ar(c.relations.len(), RELATIONS),
    );
    let sections: [(&str, &[RelationKind]); 3] = [
        ("التعارضات", &[RelationKind::Conflicts]),
        (
            "التأييد والصدى",
            &[RelationKind::Corroborates, RelationKind::Echo],
        ),
        (
            "تحديثات الأرقام (رقم أحدث من المصدر نفسه، لا تعارض)",
            &[RelationKind::Updates],
        ),
    ];
    for (title, kinds) in sections {
        let pairs: Vec<&PairRelation> = shown(c, false)
            .into_iter()
            .filter(|p| kinds.contains(&p.relation))
            .collect();
        let _ = write!(s, "<h2>{title} ({})</h2>", count_ar(pairs.len(), RELATIONS));
        for p in pairs {
            pair_html(&mut s, &look, p);
        }
    }
    let _ = write!(
        s,
        "<h2>المجموعات المعروضة ({})</h2><ol>",
        count_ar(c.clusters.len(), CLUSTERS)
    );
    for k in &c.clusters {
        let centre = k.claims.first().map(|r| look.text(r)).unwrap_or_default();
        let _ = write!(
            s,
            "<li><b>«{}»</b>: {} — مصادر مستقلة مؤيدة: {}، مصادر معارضة: {}</li>",
            esc(&centre),
            count_ar(k.claims.len(), CLAIMS),
            count_ar(k.independent_origins, ORIGINS),
            count_ar(k.contradicting_origins, ORIGINS)
        );
    }
    s.push_str("</ol><h2>المقالات × المجموعات</h2><table><tr><th>المقال</th>");
    for (n, _) in c.clusters.iter().enumerate() {
        let _ = write!(s, "<th>م{}</th>", n + 1);
    }
    s.push_str("</tr>");
    let cells = matrix(c);
    for d in &c.documents {
        let _ = write!(
            s,
            "<tr><td class=\"art\">{}</td>",
            article_name(&look, &d.id)
        );
        for k in &c.clusters {
            let cell = cells
                .get(&(d.id.clone(), k.id.clone()))
                .map_or(String::new(), |m| {
                    m.chars()
                        .map(|ch| match ch {
                            'C' => "ت",
                            'X' => "ع",
                            'E' => "ص",
                            'U' => "ح",
                            _ => "",
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                });
            let _ = write!(s, "<td>{}</td>", esc(&cell));
        }
        s.push_str("</tr>");
    }
    s.push_str("</table><p class=\"ev\">ت: تأييد، ع: تعارض، ص: صدى لمصدر واحد، ح: تحديث للرقم. م: مجموعة بترتيب القائمة أعلاه.</p></body></html>\n");
    s
}
