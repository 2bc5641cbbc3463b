//! Arbitrary bytes through the whole pipeline: no panic, and every span the
//! annotation reports is exactly the code-point slice of the text.
#![no_main]

use std::sync::OnceLock;

use isnad::annotate::Pipeline;
use isnad::input::article_from_bytes;
use isnad::lexicon::Lexicon;
use isnad::text::Text;
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&Lexicon::load(None).expect("built-in lexicon")))
}

fn check(s: usize, e: usize, text: &str, t: &Text, what: &str) {
    let real = t.slice_chars(s, e);
    assert_eq!(real, Some(text), "{what} span [{s}, {e}) is not its text");
}

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 is rejected before the pipeline; lossy decoding keeps the
    // rest of the input interesting instead of discarding it.
    let raw = String::from_utf8_lossy(data);
    let Ok(mut article) = article_from_bytes("fuzz", raw.as_bytes(), "fuzz.txt") else {
        return;
    };
    // JSONL articles come with a title in metadata: exercise that path too.
    if data.first().is_some_and(|b| b & 1 == 1) {
        article.title = raw.lines().next().map(str::to_string);
    }
    let ann = pipeline().annotate(&article);
    let t = Text::new(&article.text);
    assert_eq!(ann.document.length, t.len_chars());
    for b in &ann.blocks {
        assert!(
            t.slice_chars(b.start, b.end).is_some(),
            "block out of range"
        );
    }
    for s in &ann.sentences {
        check(s.start, s.end, &s.text, &t, "sentence");
    }
    for src in &ann.sources {
        for m in &src.mentions {
            assert!(t.slice_chars(m[0], m[1]).is_some(), "mention out of range");
        }
    }
    for c in &ann.claims {
        check(c.start, c.end, &c.text, &t, "claim");
        for l in &c.chain {
            if let Some(cue) = &l.cue {
                check(cue.start, cue.end, &cue.text, &t, "cue");
            }
            if let Some(s) = &l.source {
                check(s.start, s.end, &s.text, &t, "source");
            }
        }
    }
    // What we write, we must accept back.
    let yaml = isnad::yaml::to_string(&ann).expect("serialises");
    let problems = isnad::validate::check(&yaml, Some(&article.text));
    assert!(
        problems.is_empty(),
        "own output fails validation: {problems:?}"
    );
});
