//! Shared helpers for the integration tests: the bundled articles and the
//! pipeline that reads them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use isnad::annotate::Pipeline;
use isnad::io::input::{self, Article};
use isnad::lexicon::Lexicon;
use isnad::model::Annotation;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file of `../shared`, which CI places beside the repository; a test
/// that needs it is `#[ignore]`d elsewhere and fails here when it is absent.
pub fn shared(path: &str) -> PathBuf {
    let p = root().join("../shared").join(path);
    assert!(
        p.exists(),
        "{} is not present: put the project's shared data beside the repository",
        p.display()
    );
    p
}

/// Headless Chromium with nothing of its own on the network: what the
/// browser tests start it with, before their window size and profile.
pub const HEADLESS_CHROMIUM: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// The headless browser of the browser tests; they fail, never skip,
/// without one.
pub fn chromium() -> &'static str {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .expect("no chromium on this machine: install Debian's chromium (.ci/run does)")
}

pub fn seed_paths() -> Vec<PathBuf> {
    input::expand(&root().join("corpus/seeds")).expect("corpus/seeds is readable")
}

pub fn read(path: &Path) -> Article {
    let mut found = None;
    input::read_path(path, &mut |a| found = Some(a), &mut |e| panic!("{e}"));
    found.expect("one article")
}

pub fn pipeline() -> Pipeline {
    Pipeline::new(&Lexicon::builtin())
}

pub fn annotate(path: &Path) -> Annotation {
    pipeline().annotate(&read(path))
}

pub fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// `isnad annotate INPUT --out OUT`, run as a user runs it.
pub fn annotate_to(input: &Path, out: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_isnad"))
        .arg("annotate")
        .arg(input)
        .arg("--out")
        .arg(out)
        .output()
        .expect("isnad runs")
}

/// A fresh, empty working directory for one test: `isnad-{suite}-{name}-{pid}`
/// under the system's temporary directory, whatever a previous run left.
pub fn fresh_dir(suite: &str, name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("isnad-{suite}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}
