//! Arbitrary (hand-edited, broken) YAML through `validate::check`: it must
//! report problems, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

const ARTICLES: [(&str, &str); 5] = [
    (
        "000_",
        include_str!("../../corpus/seeds/000_fae4c3888565c1cb.txt"),
    ),
    (
        "001_",
        include_str!("../../corpus/seeds/001_5e1e0c9eaa090675.txt"),
    ),
    (
        "002_",
        include_str!("../../corpus/seeds/002_ccfb128aaf62472c.txt"),
    ),
    (
        "003_",
        include_str!("../../corpus/seeds/003_36b1b46c6597c04a.txt"),
    ),
    (
        "004_",
        include_str!("../../corpus/seeds/004_6b51f63e2d89280f.txt"),
    ),
];

fuzz_target!(|data: &[u8]| {
    let yaml = String::from_utf8_lossy(data);
    // The seed annotations are mutated from their real articles, so spans
    // are checked against the text they were made from; anything else gets
    // an article chosen by its length, and sometimes none at all.
    let article = ARTICLES
        .iter()
        .find(|(id, _)| yaml.contains(&format!("id: {id}")))
        .map(|(_, t)| Some(*t))
        .unwrap_or(match data.len() % 6 {
            5 => None,
            i => Some(ARTICLES[i].1),
        });
    let _ = isnad::validate::check(&yaml, article);
});
