//! Sentence boundaries on the five sample articles, each checked by reading
//! (tests/expected/segment/*.txt were reviewed sentence by sentence).

mod common;

#[test]
fn seed_sentences_match_the_reviewed_boundaries() {
    let pipeline = common::pipeline();
    for path in common::seed_paths() {
        let article = common::read(&path);
        let got = isnad::segment::render(&article.text, &pipeline.segment(&article));
        let expected_path = common::root().join(format!(
            "tests/expected/segment/{}.txt",
            common::stem(&path)
        ));
        let expected = std::fs::read_to_string(&expected_path).unwrap();
        if got != expected {
            let diff = similar::TextDiff::from_lines(&expected, &got);
            panic!(
                "{}: segmentation changed:\n{}",
                path.display(),
                diff.unified_diff()
            );
        }
    }
}

#[test]
fn hard_cases_of_the_seeds_hold() {
    let pipeline = common::pipeline();
    let all: Vec<String> = common::seed_paths()
        .iter()
        .flat_map(|p| {
            let a = common::read(p);
            let seg = pipeline.segment(&a);
            seg.sentences
                .iter()
                .map(|s| a.text[s.start..s.end].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let has = |needle: &str| {
        all.iter()
            .find(|s| s.contains(needle))
            .cloned()
            .unwrap_or_default()
    };
    // "2.0" stays inside its sentence.
    assert!(has("غوتشيفر 2.0").contains("وفقاً لصحيفة"));
    // "!" inside a quotation the sentence goes on past.
    assert!(has("ويكيليكس!").contains("ووجدت"));
    // A quotation with no closing mark ends with its paragraph.
    assert!(has("نحن لا نعلق").ends_with("المحليين."));
    // A quotation of two sentences is two sentences.
    assert!(has("ربما لديهم تلك الرسائل").ends_with("الرسائل."));
    // An ellipsis inside a continuing quotation does not split.
    assert!(has("جدا جدا...").contains("نتطلع"));
    // The Latin outlet name opens its sentence.
    assert!(has("The Washington Post").starts_with("The Washington Post"));
}
