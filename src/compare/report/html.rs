//! The comparison as one self-contained right-to-left HTML page, built with
//! maud so that every text from an article is escaped by the markup itself.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{Labels, Lookup, MARKED, fill, focus, matrix, shown};
use crate::compare::{Comparison, LIST_SEPARATOR, PairRelation, RelationKind};
use crate::model::Annotation;

/// The page's only style: no stylesheet is fetched, so the file opens alone.
const STYLE: PreEscaped<&str> = PreEscaped(
    "body{font-family:'Noto Naskh Arabic','Amiri','DejaVu Sans',sans-serif;margin:2em;line-height:1.7;color:#222}\
h1{font-size:1.6em}h2{margin-top:1.5em;border-bottom:1px solid #ccc}\
.pair{border:1px solid #ddd;border-radius:6px;margin:1em 0;padding:.5em 1em}\
.conflicts{border-inline-start:6px solid #c0392b}.corroborates{border-inline-start:6px solid #27ae60}.echo{border-inline-start:6px solid #f39c12}\
.side{display:flex;gap:1em}.side>div{flex:1;background:#fafafa;padding:.5em;border-radius:4px}\
.chain{font-size:.9em;color:#555}.chain span{background:#eef;padding:0 .3em;border-radius:3px;margin:0 .1em}\
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}\
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:center}\
.ev{font-size:.85em;color:#444}.updates{border-inline-start:6px solid #2980b9}\
.art{font-size:.85em;color:#333;margin-bottom:.3em}.id{color:#888;font-size:.85em}.diff del,.diff ins{padding:0 .15em}",
);

pub fn html(full: &Comparison, docs: &[Annotation]) -> String {
    let c = &focus(full);
    let look = Lookup::new(docs);
    let l = Labels::builtin();
    let nouns = &l.count_nouns;
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
    let sections: [(&str, &[RelationKind]); 3] = [
        (&l.sections.conflicts, &[RelationKind::Conflicts]),
        (
            &l.sections.corroborates_and_echoes,
            &[RelationKind::Corroborates, RelationKind::Echo],
        ),
        (&l.sections.updates, &[RelationKind::Updates]),
    ];
    let shown = shown(c, false);
    let page = html! {
        (DOCTYPE)
        html lang="ar" dir="rtl" {
            head {
                meta charset="utf-8";
                title { (l.title) }
                style { (STYLE) }
            }
            body {
                h1 { (l.heading) }
                p { (summary) }
                @for (title, kinds) in sections {
                    @let pairs: Vec<&PairRelation> = shown
                        .iter()
                        .copied()
                        .filter(|p| kinds.contains(&p.relation))
                        .collect();
                    h2 { (title) " (" (l.count(pairs.len(), &nouns.relations)) ")" }
                    @for p in pairs {
                        (pair(l, &look, p))
                    }
                }
                (clusters(l, &look, c))
                (matrix_table(l, &look, c))
            }
        }
    };
    // A file ends with a newline, as the page always has.
    let mut s = page.into_string();
    s.push('\n');
    s
}

/// An article as a reader knows it: its title and outlet, the id isolated.
fn article_name(look: &Lookup, doc: &str) -> Markup {
    let Some(d) = look.docs.get(doc) else {
        return html! { bdi { (doc) } };
    };
    let title = d.document.title.as_deref().unwrap_or("").trim();
    let outlet = d
        .document
        .outlet
        .as_deref()
        .or(d.document.publisher.as_deref())
        .unwrap_or("")
        .trim();
    html! {
        @if !title.is_empty() { "«" bdi { (title) } "»" }
        @if !outlet.is_empty() { " — " bdi { (outlet) } }
        " "
        span.id { "(" bdi dir="ltr" { (doc) } ")" }
    }
}

/// A stretch of the word diff: kept, removed (`[-…-]`) or added (`{+…+}`).
enum Stretch<'a> {
    Kept(&'a str),
    Removed(&'a str),
    Added(&'a str),
}

/// The diff read into its stretches; an unclosed mark is kept as text.
fn stretches(diff: &str) -> Vec<Stretch<'_>> {
    let mut out = Vec::new();
    let mut rest = diff;
    while !rest.is_empty() {
        let next = [rest.find("[-"), rest.find("{+")]
            .into_iter()
            .flatten()
            .min();
        let Some(at) = next else {
            out.push(Stretch::Kept(rest));
            break;
        };
        if at > 0 {
            out.push(Stretch::Kept(&rest[..at]));
        }
        let removed = rest[at..].starts_with("[-");
        let close_mark = if removed { "-]" } else { "+}" };
        let body = &rest[at + 2..];
        match body.find(close_mark) {
            Some(end) => {
                let words = &body[..end];
                out.push(if removed {
                    Stretch::Removed(words)
                } else {
                    Stretch::Added(words)
                });
                rest = &body[end + close_mark.len()..];
            }
            None => {
                out.push(Stretch::Kept(&rest[at..]));
                break;
            }
        }
    }
    out
}

/// The diff as HTML: removed words struck through, added words marked.
fn diff(diff: &str) -> Markup {
    html! {
        @for s in stretches(diff) {
            @match s {
                Stretch::Kept(t) => (t),
                Stretch::Removed(t) => del { (t) },
                Stretch::Added(t) => ins { (t) },
            }
        }
    }
}

/// One side of a pair: the article, the claim and its chain.
fn side(look: &Lookup, r: &crate::compare::ClaimRef) -> Markup {
    html! {
        div {
            div.art { (article_name(look, &r.doc)) }
            div { (look.text(r)) }
            div.chain {
                @for (i, name) in look.path(r).iter().enumerate() {
                    @if i > 0 { " ← " }
                    span { bdi { (name) } }
                }
            }
        }
    }
}

/// One pair, side by side, with its chains, evidence and diff.
fn pair(l: &Labels, look: &Lookup, p: &PairRelation) -> Markup {
    let class = format!("pair {}", format!("{:?}", p.relation).to_lowercase());
    let (e, ev) = (&l.evidence, &p.evidence);
    html! {
        div class=(class) {
            div { b { (l.relation(p)) } }
            div.side {
                (side(look, &p.a))
                (side(look, &p.b))
            }
            div.ev {
                (e.rule) ": " code { (ev.rule) } " — "
                (e.score) " " (format!("{:.2}", p.score)) " — "
                (e.shared) ": " (ev.shared.join(LIST_SEPARATOR))
            }
            @if !ev.notes.is_empty() {
                div.ev { (e.notes) ": " bdi { (ev.notes.join(" · ")) } }
            }
            div class="ev diff" { (e.diff) ": " (diff(&ev.diff)) }
        }
    }
}

/// The clusters shown, each with its first claim, claims and origins.
fn clusters(l: &Labels, look: &Lookup, c: &Comparison) -> Markup {
    let (k_labels, nouns) = (&l.clusters, &l.count_nouns);
    html! {
        h2 { (k_labels.heading) " (" (l.count(c.clusters.len(), &nouns.clusters)) ")" }
        ol {
            @for k in &c.clusters {
                @let centre = k.claims.first().map(|r| look.text(r)).unwrap_or_default();
                li {
                    b { "«" (centre) "»" }
                    ": " (l.count(k.claims.len(), &nouns.claims))
                    " — " (k_labels.independent_origins) ": "
                    (l.count(k.independent_origins, &nouns.origins))
                    (LIST_SEPARATOR)
                    (k_labels.contradicting_origins) ": "
                    (l.count(k.contradicting_origins, &nouns.origins))
                }
            }
        }
    }
}

/// The articles × clusters table, and its legend.
fn matrix_table(l: &Labels, look: &Lookup, c: &Comparison) -> Markup {
    let m = &l.matrix;
    let cells = matrix(c);
    // The page's marks are the labels' letters, not the Markdown's.
    let marks = |doc: &str, cluster: &str| -> String {
        cells
            .get(&(doc.to_string(), cluster.to_string()))
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
            })
    };
    let legend: Vec<String> = MARKED
        .iter()
        .map(|(_, r)| format!("{}: {}", m.marks.of(*r), l.relations.of(*r)))
        .collect();
    html! {
        h2 { (m.heading) }
        table {
            tr {
                th { (m.article) }
                @for n in 1..=c.clusters.len() {
                    th { (m.cluster) (n) }
                }
            }
            @for d in &c.documents {
                tr {
                    td.art { (article_name(look, &d.id)) }
                    @for k in &c.clusters {
                        td { (marks(&d.id, &k.id)) }
                    }
                }
            }
        }
        p.ev {
            (legend.join(LIST_SEPARATOR)) ". " (m.cluster) ": " (m.cluster_legend) "."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diff_is_escaped_and_an_unclosed_mark_stays_text() {
        assert_eq!(
            diff("a [-<b>-] {+&\"+} [-open").into_string(),
            "a <del>&lt;b&gt;</del> <ins>&amp;&quot;</ins> [-open"
        );
    }

    #[test]
    fn an_unknown_article_is_its_escaped_id() {
        assert_eq!(
            article_name(&Lookup::new(&[]), "<x>&").into_string(),
            "<bdi>&lt;x&gt;&amp;</bdi>"
        );
    }
}
