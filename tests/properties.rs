//! Properties that must hold for any input: spans equal their text, output
//! is deterministic, folding maps back to the original text.

mod common;

use isnad::io::input::article_from_bytes;
use isnad::model::Annotation;
use isnad::text::{Folded, Text, fold_str};
use proptest::prelude::*;

/// Pieces of Arabic-like news text, with the awkward characters real
/// articles carry: harakat, tatweel, NBSP, bidi marks, broken quotes.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("قال".to_string()),
        Just("وقالت".to_string()),
        Just("وأضاف:".to_string()),
        Just("وفقًا لـ".to_string()),
        Just("نقلا عن".to_string()),
        Just("الصحيفة".to_string()),
        Just("مصدر".to_string()),
        Just("أن".to_string()),
        Just("إن".to_string()),
        Just("رويترز".to_string()),
        Just("New York Times".to_string()),
        Just("يذكر أن".to_string()),
        Just("نفى".to_string()),
        Just("2.0".to_string()),
        Just("د.".to_string()),
        proptest::char::range('\u{0621}', '\u{064A}').prop_map(String::from),
        proptest::char::range('\u{064B}', '\u{0652}').prop_map(String::from),
        proptest::sample::select(vec![
            " ", " ", " ", "\u{00A0}", "\u{200F}", "\u{202B}", "\u{200D}", "\u{FEFF}", "ـ", "\"",
            "“", "”", "«", "»", ".", "،", "؟", "!", ":", "…", "\n", "\r\n", "\n\n", "٣", "7", "a",
            "(", ")", "-", "😀",
        ])
        .prop_map(String::from),
        // Rarer marks that real pages carry: other bidi controls and
        // isolates, narrow and ideographic spaces, superscript alef and
        // Quranic marks, presentation-form ligatures, Persian digits, the
        // Arabic decimal separator, a lone CR, Latin with a combining accent, and
        // the line and paragraph separators and NEL (YAML 1.1 line breaks).
        proptest::sample::select(vec![
            "\u{200E}",
            "\u{061C}",
            "\u{2066}",
            "\u{2067}",
            "\u{2068}",
            "\u{2069}",
            "\u{202C}",
            "\u{202E}",
            "\u{200B}",
            "\u{202F}",
            "\u{3000}",
            "\u{2009}",
            "\u{0670}",
            "\u{06D6}",
            "\u{FEFB}",
            "\u{FDF2}",
            "۳",
            "٫",
            "\r",
            "\t",
            "e\u{0301}",
            "„",
            "″",
            "＂",
            "‹",
            "›",
            "؛",
            "\u{2028}",
            "\u{2029}",
            "\u{85}",
        ])
        .prop_map(String::from),
        vocalized(),
        // Anything at all, now and then.
        proptest::char::any().prop_map(String::from),
    ]
}

/// An Arabic word with random harakat after each letter, sometimes two or
/// three (shadda with a vowel, doubled tanween): folding must drop them all
/// and still map every letter back to itself with its marks.
fn vocalized() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            proptest::char::range('\u{0621}', '\u{064A}'),
            proptest::collection::vec(proptest::char::range('\u{064B}', '\u{065F}'), 0..3),
        ),
        1..8,
    )
    .prop_map(|letters| {
        letters
            .into_iter()
            .flat_map(|(c, marks)| std::iter::once(c).chain(marks))
            .collect()
    })
}

fn article_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 1..80).prop_map(|v| v.concat())
}

/// Every (start, end, text) an annotation claims about the article.
fn spans(a: &Annotation) -> Vec<(usize, usize, Option<String>)> {
    let mut out = Vec::new();
    out.extend(a.blocks.iter().map(|b| (b.start, b.end, None)));
    out.extend(
        a.sentences
            .iter()
            .map(|s| (s.start, s.end, Some(s.text.clone()))),
    );
    for s in &a.sources {
        out.extend(s.mentions.iter().map(|m| (m[0], m[1], None)));
    }
    for c in &a.claims {
        out.push((c.start, c.end, Some(c.text.clone())));
        for l in &c.chain {
            if let Some(cue) = &l.cue {
                out.push((cue.start, cue.end, Some(cue.text.clone())));
            }
            if let Some(s) = &l.source {
                out.push((s.start, s.end, Some(s.text.clone())));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_span_is_its_text(raw in article_text()) {
        let Ok(article) = article_from_bytes("p", raw.as_bytes(), "p.txt") else { return Ok(()) };
        let ann = common::pipeline().annotate(&article);
        let text = Text::new(&raw);
        prop_assert_eq!(ann.document.length, raw.chars().count());
        for (s, e, t) in spans(&ann) {
            let real = text.slice_chars(s, e);
            prop_assert!(real.is_some(), "span [{}, {}) outside the text", s, e);
            if let Some(t) = t {
                prop_assert_eq!(real.unwrap(), t.as_str());
            }
        }
        let yaml = isnad::io::yaml::to_string(&ann).unwrap();
        prop_assert_eq!(isnad::validate::check(&yaml, Some(&raw)), vec![]);
    }

    #[test]
    fn output_is_deterministic(raw in article_text()) {
        let Ok(article) = article_from_bytes("p", raw.as_bytes(), "p.txt") else { return Ok(()) };
        let a = isnad::io::yaml::to_string(&common::pipeline().annotate(&article)).unwrap();
        let b = isnad::io::yaml::to_string(&common::pipeline().annotate(&article)).unwrap();
        prop_assert_eq!(a, b);
    }

    /// Folding never changes how lengths map: each original char becomes
    /// at most one folded char, the folded chars' original spans follow one
    /// another in order without overlapping, and what lies between them is
    /// only what folding drops (marks, invisible controls).
    #[test]
    fn folding_never_changes_the_length_mapping(raw in article_text()) {
        let f = Folded::new(&raw);
        let dropped = |s: &str| fold_str(s).is_empty();
        prop_assert!(f.folded.chars().count() <= raw.chars().count());
        prop_assert_eq!(
            f.folded.chars().count(),
            raw.chars().filter(|c| !dropped(&c.to_string())).count()
        );
        prop_assert_eq!(f.orig_start(f.folded.len()), raw.len());
        let mut prev_end = 0;
        for (k, c) in f.folded.char_indices() {
            let (s, e) = f.orig_span(&raw, k, k + c.len_utf8());
            prop_assert!(s >= prev_end, "spans overlap at folded byte {}", k);
            prop_assert!(dropped(&raw[prev_end..s]), "{:?} lost between folded chars", &raw[prev_end..s]);
            prop_assert_eq!(fold_str(&raw[s..e]), c.to_string());
            prev_end = e;
        }
        prop_assert!(dropped(&raw[prev_end..]));
        // Code-point offsets round-trip at every char boundary.
        let t = Text::new(&raw);
        for (b, _) in raw.char_indices() {
            prop_assert_eq!(t.byte_at(t.char_at(b)), b);
        }
        prop_assert_eq!(t.byte_at(t.len_chars()), raw.len());
    }

    #[test]
    fn folding_maps_back_to_the_original(raw in article_text()) {
        let f = Folded::new(&raw);
        prop_assert_eq!(&f.folded, &fold_str(&raw));
        let mut last = 0;
        for (k, _) in f.folded.char_indices() {
            let o = f.orig_start(k);
            prop_assert!(raw.is_char_boundary(o));
            prop_assert!(o >= last);
            last = o;
            let e = f.orig_end(&raw, k + f.folded[k..].chars().next().unwrap().len_utf8());
            prop_assert!(raw.is_char_boundary(e) && e > o);
            // The original span folds to the folded char.
            prop_assert_eq!(fold_str(&raw[o..e]), f.folded[k..].chars().next().unwrap().to_string());
        }
    }
}
