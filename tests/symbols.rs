//! An emoji or other symbol between the speaker, the cue and the
//! complementizer does not change the attribution: "قال الوزير 😀 إن …" is
//! "قال الوزير إن …" (folding drops symbols as it drops marks), while every
//! span still reads the original text, symbol included where it falls inside.

mod common;

use isnad::io::input::article_from_bytes;
use isnad::model::Annotation;
use isnad::text::fold_str;
use proptest::prelude::*;

/// Sentences whose attribution is known to be found, of the main forms:
/// verb before and after its subject, إن and أن, a participle-free
/// preposition chain, a denial.
const SENTENCES: [&str; 6] = [
    "قال وزير الخارجية إن الاجتماع انتهى دون اتفاق.",
    "وزير الخارجية قال إن الاجتماع انتهى دون اتفاق.",
    "أكدت وكالة رويترز أن الحكومة ستعلن القرار غدا.",
    "نفى المتحدث باسم الوزارة أن يكون الوزير قد استقال.",
    "وأضاف المتحدث الرسمي أن المفاوضات ستستمر.",
    "ذكرت صحيفة نيويورك تايمز نقلا عن مصدر في البيت الأبيض أن اللقاء استمر ساعتين.",
];

/// Emoji (with skin tones, flags, ZWJ sequences, variation selectors) and
/// other pictographic symbols. A keycap ("#️⃣", "1️⃣") is left out: its base
/// is the character itself ('#', a digit), which folding keeps.
fn symbol() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "😀",
            "👇",
            "🇸🇦",
            "👍🏽",
            "★",
            "✅",
            "➡️",
            "™",
            "©",
            "👨\u{200D}👩\u{200D}👧",
            "🔴",
            "⚠️",
            "✍️",
            "🔴🔴",
        ])
        .prop_map(String::from),
        proptest::char::range('\u{1F300}', '\u{1F6FF}').prop_map(String::from),
        proptest::char::range('\u{2600}', '\u{27BF}').prop_map(String::from),
        proptest::char::range('\u{1F900}', '\u{1FAFF}').prop_map(String::from),
    ]
}

fn annotate(sentence: &str) -> Annotation {
    let raw = format!("عنوان الخبر\n{sentence}\n");
    let article = article_from_bytes("p", raw.as_bytes(), "p.txt").unwrap();
    common::pipeline().annotate(&article)
}

/// Folded, without symbols, spaces made single.
fn norm(s: &str) -> String {
    fold_str(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What attribution found, in words.
fn attribution(a: &Annotation) -> Vec<String> {
    a.claims
        .iter()
        .map(|c| {
            let chain: Vec<String> = c
                .chain
                .iter()
                .map(|l| {
                    format!(
                        "{} {:?} / {}",
                        l.cue.as_ref().map_or(String::new(), |q| norm(&q.text)),
                        l.cue.as_ref().map(|q| q.stance),
                        l.source.as_ref().map_or(String::new(), |s| norm(&s.text)),
                    )
                })
                .collect();
            format!("{:?} «{}» {}", c.basis, norm(&c.text), chain.join(" | "))
        })
        .collect()
}

/// The words before the first claim's content: where a symbol goes.
fn attribution_words(sentence: &str) -> usize {
    let a = annotate(sentence);
    let content = a
        .claims
        .iter()
        .filter(|c| !c.chain.is_empty())
        .map(|c| c.text.clone())
        .next()
        .expect("an attributed claim");
    let at = sentence
        .find(&content)
        .expect("the content is in the sentence");
    sentence[..at].split_whitespace().count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn a_symbol_among_speaker_cue_and_complementizer_changes_nothing(
        which in 0..SENTENCES.len(),
        at in 0usize..16,
        sym in symbol(),
        glue in 0usize..3,
    ) {
        let sentence = SENTENCES[which];
        let before = annotate(sentence);
        prop_assert!(before.claims.iter().any(|c| !c.chain.is_empty()));
        let words: Vec<&str> = sentence.split_whitespace().collect();
        // A boundary inside the attribution: after word 1 ..= the last
        // word before the content (the complementizer).
        let n = attribution_words(sentence);
        let cut = 1 + at % n;
        let (head, tail) = (words[..cut].join(" "), words[cut..].join(" "));
        let with = match glue {
            0 => format!("{head} {sym} {tail}"),
            1 => format!("{head}{sym} {tail}"),
            _ => format!("{head} {sym}{tail}"),
        };
        let after = annotate(&with);
        prop_assert_eq!(attribution(&after), attribution(&before), "{}", with);
        // Every span still reads the original text.
        let chars: Vec<char> = format!("عنوان الخبر\n{with}\n").chars().collect();
        for c in &after.claims {
            prop_assert_eq!(chars[c.start..c.end].iter().collect::<String>(), c.text.clone());
            for l in &c.chain {
                if let Some(q) = &l.cue {
                    prop_assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text.clone());
                }
                if let Some(s) = &l.source {
                    prop_assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text.clone());
                }
            }
        }
    }
}
