//! The comparison as Markdown: counts, clusters, the pairs shown with
//! their chains and evidence, and the articles × clusters table.

use std::fmt::Write;

use super::{Lookup, focus, matrix, shown};
use crate::compare::{Comparison, LIST_SEPARATOR, PairRelation, RelationKind};
use crate::model::Annotation;

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
