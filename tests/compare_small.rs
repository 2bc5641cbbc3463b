//! `compare` on a small folder (two or three articles) finds what `relate`
//! finds for the same pairs of claims, and counts each document once
//! whatever files sit beside it.

mod common;

use std::path::Path;
use std::process::Command;

use isnad::compare::{Comparison, RelationKind};
use isnad::model::Annotation;

const ARTICLES: [(&str, &str); 3] = [
    (
        "a",
        "انفجار في العاصمة\nقال مسؤول في وزارة الصحة إن 40 شخصا قتلوا في الانفجار الذي وقع في العاصمة.\n",
    ),
    (
        "b",
        "حصيلة الانفجار\nقال مسؤول في الدفاع المدني إن 45 شخصا قتلوا في الانفجار الذي وقع في العاصمة.\n",
    ),
    (
        "c",
        "شاهد عيان يروي\nقال شاهد عيان إن 40 شخصا قتلوا في الانفجار الذي وقع في العاصمة.\n",
    ),
];

fn isnad(dir: &Path, args: &[&str]) -> String {
    let run = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{args:?}: {err}");
    String::from_utf8_lossy(&run.stdout).into_owned()
}

fn load(dir: &Path) -> Vec<Annotation> {
    let mut docs: Vec<Annotation> = isnad::io::store::yaml_files(dir)
        .unwrap()
        .iter()
        .map(|p| isnad::io::yaml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    docs.sort_by(|a, b| a.document.id.cmp(&b.document.id));
    docs
}

/// Writes the articles into `dir/articles`, annotates them to `dir/notes`
/// and compares those into `dir/out`; the comparison.
fn annotate_and_compare(dir: &Path, articles: &[(&str, &str)]) -> Comparison {
    let folder = dir.join("articles");
    std::fs::create_dir_all(&folder).unwrap();
    for (id, text) in articles {
        std::fs::write(folder.join(format!("{id}.txt")), text).unwrap();
    }
    isnad(dir, &["annotate", "articles", "--out", "notes"]);
    isnad(dir, &["compare", "notes", "--out", "out"]);
    isnad::io::yaml::from_str(&std::fs::read_to_string(dir.join("out/comparison.yaml")).unwrap())
        .unwrap()
}

/// Every relation `relate` finds between claims of different articles is
/// in the comparison, with the same relation.
fn compare_finds_what_relate_finds(n: usize) {
    let dir = common::fresh_dir("compare-small", &n.to_string());
    let comparison = annotate_and_compare(&dir, &ARTICLES[..n]);
    let docs = load(&dir.join("notes"));
    assert_eq!(comparison.documents.len(), n);
    let mut expected = 0;
    for (i, a) in docs.iter().enumerate() {
        for b in &docs[i + 1..] {
            for ca in &a.claims {
                for cb in &b.claims {
                    let judged: serde_json::Value =
                        serde_json::from_str(isnad(&dir, &["relate", &ca.text, &cb.text]).trim())
                            .unwrap();
                    let relation = judged["relation"].as_str().unwrap();
                    if relation == "unrelated" {
                        continue;
                    }
                    expected += 1;
                    let found = comparison.relations.iter().find(|r| {
                        let ends = [(&r.a.doc, &r.a.claim), (&r.b.doc, &r.b.claim)];
                        ends.contains(&(&a.document.id, &ca.id))
                            && ends.contains(&(&b.document.id, &cb.id))
                    });
                    let Some(found) = found else {
                        panic!(
                            "relate: {relation} for «{}» / «{}», compare: nothing",
                            ca.text, cb.text
                        );
                    };
                    let want = match relation {
                        "conflicts" => RelationKind::Conflicts,
                        "corroborates" => RelationKind::Corroborates,
                        _ => found.relation,
                    };
                    assert_eq!(found.relation, want, "{} / {}", ca.text, cb.text);
                }
            }
        }
    }
    // At least: 40 against 45 conflicts; with the third article, 40 and 40
    // agree (the headlines may relate too).
    assert!(expected >= if n == 2 { 1 } else { 3 }, "{expected}");
    assert!(
        comparison
            .relations
            .iter()
            .any(|r| r.relation == RelationKind::Conflicts && r.evidence.diff.contains("[-40-]")),
        "{:?}",
        comparison.relations
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn compare_on_two_articles_finds_what_relate_finds() {
    compare_finds_what_relate_finds(2);
}

#[test]
fn compare_on_three_articles_finds_what_relate_finds() {
    compare_finds_what_relate_finds(3);
}

/// `004.yaml` beside `004.txt`, the layout `validate` and `export` look
/// for: one document, not two, and no claim echoing itself.
#[test]
fn a_document_is_counted_once_whatever_sits_beside_it() {
    let dir = common::fresh_dir("compare-small", "beside");
    let folder = dir.join("desk");
    std::fs::create_dir_all(&folder).unwrap();
    for p in common::seed_paths().iter().take(2) {
        std::fs::copy(p, folder.join(p.file_name().unwrap())).unwrap();
    }
    isnad(&dir, &["annotate", "desk", "--out", "desk"]);
    // The same document through its article named again, and its file twice.
    let first = common::stem(&common::seed_paths()[0]);
    let yaml = format!("desk/{first}.yaml");
    let txt = format!("desk/{first}.txt");
    for inputs in [
        &["desk"][..],
        &["desk", &yaml],
        &["desk", &txt],
        &[&yaml, &txt, "desk"],
    ] {
        let mut args = vec!["compare"];
        args.extend_from_slice(inputs);
        args.extend_from_slice(&["--out", "out"]);
        isnad(&dir, &args);
        let comparison: Comparison = isnad::io::yaml::from_str(
            &std::fs::read_to_string(dir.join("out/comparison.yaml")).unwrap(),
        )
        .unwrap();
        assert_eq!(comparison.documents.len(), 2, "{inputs:?}");
        for r in &comparison.relations {
            assert!(r.a != r.b, "{inputs:?}: {} relates to itself", r.a.claim);
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A denial conflicts with the account it denies, not with every claim of
/// the story that names the same town: the denied statement (the use of
/// chemical weapons) must meet the other claim's (a toll of an air strike).
#[test]
fn a_denial_conflicts_only_with_the_statement_it_denies() {
    let dir = common::fresh_dir("compare-small", "denial");
    let articles = [
        (
            "toll",
            "قصف دوما\nقال المرصد إن عشرين مدنيا قتلوا في قصف جوي على مدينة دوما في الغوطة الشرقية السبت.\n",
        ),
        (
            "denial",
            "موسكو ترد\nونفت روسيا استخدام أسلحة كيماوية في مدينة دوما في الغوطة الشرقية، بعد خروج المعارضة منها.\n",
        ),
        (
            "account",
            "بيان أوروبي\nقال الاتحاد الأوروبي إن القوات الحكومية استخدمت أسلحة كيماوية في مدينة دوما في الغوطة الشرقية.\n",
        ),
    ];
    let comparison = annotate_and_compare(&dir, &articles);
    let conflict = |x: &str, y: &str| {
        comparison.relations.iter().any(|r| {
            let docs = [r.a.doc.as_str(), r.b.doc.as_str()];
            r.relation == RelationKind::Conflicts && docs.contains(&x) && docs.contains(&y)
        })
    };
    assert!(conflict("denial", "account"), "{:?}", comparison.relations);
    assert!(!conflict("denial", "toll"), "{:?}", comparison.relations);
    std::fs::remove_dir_all(&dir).ok();
}
