//! `isnad validate` as a person meets it on a hand-edited file: every kind of
//! break in `tests/broken/` is reported once, at the line and column to fix,
//! with a message that says what to do; the unbroken files pass.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[derive(serde::Deserialize)]
struct Case {
    file: String,
    #[allow(dead_code)]
    r#break: String,
    at: String,
    says: String,
}

fn broken_dir() -> PathBuf {
    common::root().join("tests/broken")
}

fn cases() -> Vec<Case> {
    let manifest = std::fs::read_to_string(broken_dir().join("expected.yaml")).unwrap();
    serde_yaml::from_str(&manifest).unwrap()
}

/// Run validate from the file's own directory, so that the article is found
/// the way it is for a user (by the document id, in a `corpus/seeds` above).
fn validate(files: &[PathBuf], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
        .arg("validate")
        .args(files)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_broken_file_is_reported_once_where_it_is_broken() {
    let cases = cases();
    assert!(cases.len() >= 10);
    let mut failures = Vec::new();
    for case in &cases {
        let path = broken_dir().join(&case.file);
        let run = validate(std::slice::from_ref(&path), &broken_dir());
        let stdout = String::from_utf8_lossy(&run.stdout);
        let stderr = String::from_utf8_lossy(&run.stderr);
        let lines: Vec<&str> = stdout.lines().collect();
        let prefix = format!("{}:{}: ", path.display(), case.at);
        let ok = !run.status.success()
            && lines.len() == 1
            && lines[0].starts_with(&prefix)
            && lines[0].contains(&case.says)
            && !stderr.contains("article not found");
        if !ok {
            failures.push(format!(
                "{}: want {} with {:?} and a non-zero exit; got {} (exit {:?})\n{stderr}",
                case.file,
                case.at,
                case.says,
                stdout.trim(),
                run.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_broken_file_is_in_the_manifest() {
    let listed: Vec<String> = cases().into_iter().map(|c| c.file).collect();
    for path in yaml_files(&broken_dir()) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name == "expected.yaml" || listed.contains(&name),
            "{name} is not in tests/broken/expected.yaml"
        );
    }
}

#[test]
fn all_broken_files_at_once_fail_together() {
    let files: Vec<PathBuf> = cases().iter().map(|c| broken_dir().join(&c.file)).collect();
    let run = validate(&files, &broken_dir());
    assert!(!run.status.success());
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(!stdout.contains(": ok"), "{stdout}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains(&format!(
            "{0} files checked, {0} with problems",
            files.len()
        )),
        "{stderr}"
    );
}

/// The originals, their shortened copies the broken files were made from, a
/// reviewed claim, and an orphaned one whose offsets are the old article's.
#[test]
fn the_unbroken_files_pass() {
    let mut files = yaml_files(&common::root().join("annotations"));
    files.extend(yaml_files(&broken_dir().join("good")));
    assert!(files.len() >= 9);
    let run = validate(&files, &broken_dir().join("good"));
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stdout}\n{stderr}");
    assert_eq!(
        stdout.lines().filter(|l| l.ends_with(": ok")).count(),
        files.len()
    );
    assert!(!stderr.contains("article not found"), "{stderr}");
}

/// Without the orphaned flag, the stale offsets of the orphaned claim are
/// problems: the flag, not luck, is what lets the file pass.
#[test]
fn an_orphaned_claim_is_spared_only_by_its_flag() {
    let good = std::fs::read_to_string(broken_dir().join("good/orphaned.yaml")).unwrap();
    let unflagged = good.replace("  orphaned: true\n", "");
    assert_ne!(unflagged, good);
    let article =
        std::fs::read_to_string(common::root().join("corpus/seeds/004_6b51f63e2d89280f.txt"))
            .unwrap();
    assert_eq!(isnad::validate::check(&good, Some(&article)), vec![]);
    assert!(!isnad::validate::check(&unflagged, Some(&article)).is_empty());
}

/// A hand-edited file can be anything: no deleted line, cut-off file or
/// mangled value may make validate panic.
#[test]
fn no_edit_makes_validate_panic() {
    let good = std::fs::read_to_string(broken_dir().join("good/reviewed.yaml")).unwrap();
    let article =
        std::fs::read_to_string(common::root().join("corpus/seeds/004_6b51f63e2d89280f.txt"))
            .unwrap();
    let lines: Vec<&str> = good.lines().collect();
    let mangles = [
        "",
        "-",
        ":",
        "[",
        "'",
        "- -1",
        "  start: 99999999999999999999999",
        "\t",
        "&a *a",
        "? x",
    ];
    for i in 0..lines.len() {
        let mut variants = vec![
            lines[..i].join("\n"),
            [&lines[..i], &lines[i + 1..]].concat().join("\n"),
        ];
        for m in mangles {
            let mut edited = lines.clone();
            edited[i] = m;
            variants.push(edited.join("\n"));
        }
        for v in variants {
            let _ = isnad::validate::check(&v, Some(&article));
        }
    }
}
