//! The README's examples, run as written: its shell blocks are taken from
//! the README itself, so a change to either that breaks them fails here.
//! They run with the built `isnad` first on the PATH, in a fresh directory
//! holding what a fresh clone holds (`corpus/seeds`, `annotations`).

mod common;

use std::path::Path;
use std::process::Command;

fn readme() -> String {
    std::fs::read_to_string(common::root().join("README.md")).unwrap()
}

/// The first ```sh block after `marker`.
fn block_after(readme: &str, marker: &str) -> String {
    let at = readme
        .find(marker)
        .unwrap_or_else(|| panic!("README: no {marker:?}"));
    let rest = &readme[at..];
    let start = rest.find("```sh\n").expect("a sh block") + "```sh\n".len();
    let end = rest[start..].find("```").expect("the block ends");
    rest[start..start + end].to_string()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
}

/// A fresh clone's data in a temporary directory.
fn clone_dir(name: &str) -> std::path::PathBuf {
    let dir = common::fresh_dir("readme", name);
    copy_dir(
        &common::root().join("corpus/seeds"),
        &dir.join("corpus/seeds"),
    );
    copy_dir(
        &common::root().join("annotations"),
        &dir.join("annotations"),
    );
    dir
}

/// Runs a block with `sh -e` (the first failing command fails it).
fn run(dir: &Path, script: &str) -> (String, String) {
    let bin = Path::new(env!("CARGO_BIN_EXE_isnad")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .args(["-ec", script])
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("ISNAD_REVIEWER")
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(
        out.status.success(),
        "the README's block failed:\n{script}\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    (stdout, stderr)
}

#[test]
fn the_worked_example_runs_as_written() {
    let readme = readme();
    let script = block_after(&readme, "A worked example on the bundled articles");
    let dir = clone_dir("worked");
    let (stdout, stderr) = run(&dir, &script);
    // What its comments say it shows.
    assert!(stdout.contains("c-2aadf104"), "{stdout}");
    assert!(
        stdout.contains("نفى البيت الأبيض ⟦في بادئ الأمر إجراء أي اتصالات"),
        "{stdout}"
    );
    assert!(
        stdout.contains("1. البيت الأبيض (official) — «نفى» verb, deny"),
        "{stdout}"
    );
    assert!(
        stderr.contains("5 files checked, 0 with problems"),
        "{stderr}"
    );
    // The review survived the corrected article, at its new offsets.
    let ann: isnad::model::Annotation = isnad::io::yaml::from_str(
        &std::fs::read_to_string(dir.join("desk/001_5e1e0c9eaa090675.yaml")).unwrap(),
    )
    .unwrap();
    let c = ann.claims.iter().find(|c| c.id == "c-6aa692a8").unwrap();
    let review = c.review.as_ref().expect("the review is kept");
    assert_eq!(review.reviewer.as_deref(), Some("Lina"));
    let text: Vec<char> = std::fs::read_to_string(dir.join("articles/001_5e1e0c9eaa090675.txt"))
        .unwrap()
        .chars()
        .collect();
    assert_eq!(text[c.start..c.end].iter().collect::<String>(), c.text);
    let site =
        std::fs::read_to_string(dir.join("site/001_5e1e0c9eaa090675.claimreview.jsonld")).unwrap();
    assert!(
        site.contains("\"claimReviewed\": \"نفى البيت الأبيض في بادئ الأمر إجراء أي اتصالات"),
        "{site}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_set_up_and_two_step_compare_run_as_written() {
    let readme = readme();
    let dir = clone_dir("setup");
    // The set-up block, but for `cargo install` (the test has the binary)
    // and `cargo test` (this is it).
    let setup: String = block_after(&readme, "## Set up and run")
        .lines()
        .filter(|l| !l.starts_with("cargo "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(setup.contains("isnad annotate corpus/seeds --out annotations"));
    run(&dir, &setup);
    let completions = block_after(&readme, "Shell completions and man pages");
    let first = completions.lines().next().unwrap();
    let (stdout, _) = run(
        &dir,
        &first.replace(" > ~/.local/share/bash-completion/completions/isnad", ""),
    );
    assert!(stdout.contains("isnad"), "{stdout}");
    // The two-step compare, with the claim count the README states.
    let two_step = block_after(&readme, "`isnad compare` runs in two steps");
    let (_, stderr) = run(&dir, &two_step);
    let said = stderr
        .split("claims of")
        .next()
        .and_then(|s| s.rsplit(' ').nth(1))
        .unwrap_or("");
    assert!(
        two_step.contains(&format!("--claims {said} ")),
        "step 1 says {said} claims: {stderr}"
    );
    assert!(
        std::fs::metadata(dir.join("relations.jsonl"))
            .unwrap()
            .len()
            > 0,
        "relations written"
    );
    std::fs::remove_dir_all(&dir).ok();
}
