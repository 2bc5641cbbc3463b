//! Comparison across the sample articles: what it must find, and what it
//! must not (two meetings in other places and years are different events).

mod common;

use isnad::compare::{self, ConflictForm, RelateLexicon, RelationKind};

fn run() -> (Vec<isnad::model::Annotation>, compare::Comparison) {
    let docs: Vec<_> = common::seed_paths()
        .iter()
        .map(|p| common::annotate(p))
        .collect();
    let c = compare::compare(&docs, RelateLexicon::builtin());
    (docs, c)
}

fn text<'a>(docs: &'a [isnad::model::Annotation], r: &compare::ClaimRef) -> &'a str {
    let d = docs.iter().find(|d| d.document.id == r.doc).unwrap();
    &d.claims.iter().find(|c| c.id == r.claim).unwrap().text
}

#[test]
fn the_30_000_and_33_000_emails_conflict_numerically() {
    let (docs, c) = run();
    let found = c.relations.iter().any(|p| {
        p.kind == Some(ConflictForm::Numeric)
            && [&p.a, &p.b]
                .iter()
                .any(|r| text(&docs, r).contains("30 ألف"))
            && [&p.a, &p.b]
                .iter()
                .any(|r| text(&docs, r).contains("33 ألف"))
    });
    assert!(found);
}

#[test]
fn hamburg_and_osaka_meetings_are_not_aligned() {
    let (docs, c) = run();
    let bad = c.relations.iter().find(|p| {
        let (a, b) = (text(&docs, &p.a), text(&docs, &p.b));
        (a.contains("هامبورغ") && b.contains("أوساكا"))
            || (a.contains("أوساكا") && b.contains("هامبورغ"))
    });
    assert!(bad.is_none(), "{bad:?}");
}

#[test]
fn every_relation_carries_its_evidence_and_the_output_is_deterministic() {
    let (docs, c) = run();
    assert!(!c.relations.is_empty());
    for p in &c.relations {
        assert!(!p.evidence.rule.is_empty());
        assert!(p.relation == RelationKind::Related || !p.evidence.diff.is_empty());
        if p.relation == RelationKind::Conflicts {
            assert!(p.kind.is_some());
        }
    }
    let again = compare::compare(&docs, RelateLexicon::builtin());
    assert_eq!(
        isnad::yaml::to_string(&c).unwrap(),
        isnad::yaml::to_string(&again).unwrap()
    );
    let html = compare::report::html(&c, &docs);
    assert!(html.contains("dir=\"rtl\"") && !html.contains("<script") && !html.contains("http"));
}

#[test]
fn relate_reads_a_denial_against_a_confirmation() {
    let j = isnad::compare::pairs::judge(
        "نفى البيت الأبيض إجراء أي اتصالات مع مسؤولين روس",
        "أكد البيت الأبيض إجراء اتصالات مع مسؤولين روس",
        RelateLexicon::builtin(),
    );
    assert_eq!(j["relation"], "conflicts", "{j}");
    assert_eq!(j["kind"], "polarity", "{j}");
}

/// Whether a relation of `relation` joins a claim containing `x` and one containing `y`.
fn joined(
    docs: &[isnad::model::Annotation],
    c: &compare::Comparison,
    relation: RelationKind,
    x: &str,
    y: &str,
) -> bool {
    c.relations.iter().any(|p| {
        let (a, b) = (text(docs, &p.a), text(docs, &p.b));
        p.relation == relation
            && ((a.contains(x) && b.contains(y)) || (a.contains(y) && b.contains(x)))
    })
}

#[test]
fn denials_conflict_with_the_accounts_they_deny() {
    let (docs, c) = run();
    // The White House first denied any contacts, then confirmed four meetings.
    assert!(joined(
        &docs,
        &c,
        RelationKind::Conflicts,
        "إجراء أي اتصالات",
        "انعقاد أربعة لقاءات"
    ));
    // Medvedchuk denies the contact the sources describe.
    assert!(joined(
        &docs,
        &c,
        RelationKind::Conflicts,
        "وجود أي اتصال",
        "فيكتور ميدفيدتشوك"
    ));
    // "Moscow did not interfere" against the reported Russian interference.
    assert!(joined(
        &docs,
        &c,
        RelationKind::Conflicts,
        "موسكو لم تتدخل",
        "التدخل الروسي"
    ));
}

#[test]
fn trump_jr_wikileaks_messages_are_corroborated_across_articles() {
    let (docs, c) = run();
    assert!(joined(
        &docs,
        &c,
        RelationKind::Corroborates,
        "ونشر دونالد ترامب جونيور",
        "ترامب الابن تواصل مع"
    ));
}
