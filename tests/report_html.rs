//! The HTML report renders in a real browser: headless Chromium loads the
//! page (no network), takes a screenshot, and reports no script errors.

mod common;

use std::process::Command;

use isnad::compare::{self, RelateLexicon};

#[test]
#[ignore = "needs a headless chromium; .ci/run installs Debian's and runs it"]
fn report_page_renders_in_headless_chromium() {
    let browser = common::chromium();
    let docs: Vec<_> = common::seed_paths()
        .iter()
        .map(|p| common::annotate(p))
        .collect();
    let c = compare::compare(&docs, RelateLexicon::builtin());
    let dir = std::env::temp_dir().join(format!("isnad-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("report.html");
    std::fs::write(&page, compare::report::html(&c, &docs)).unwrap();
    let shot = dir.join("report.png");
    let out = Command::new(browser)
        .args(common::HEADLESS_CHROMIUM)
        .args([
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1280,2400",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chromium failed: {log}");
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "screenshot of {} bytes",
        png.len()
    );
    for bad in ["Uncaught", "SyntaxError", "ReferenceError", "TypeError"] {
        assert!(!log.contains(bad), "script error in the page: {log}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
