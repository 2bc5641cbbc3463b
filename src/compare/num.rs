//! Numerals in folded Arabic text: digits (already ASCII after folding),
//! and, read from `src/lexicon/numbers.yaml`, scale words, small number
//! words and the hedges that make a count an interval.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

use crate::io::yaml::YamlError;
use crate::text::fold_str as fold;

/// Parses a digit token from the tokenizer. A comma or U+066C followed by
/// exactly three digits groups thousands; any other joiner is a decimal point.
pub fn parse_numeral(tok: &str) -> Option<f64> {
    let mut s = String::with_capacity(tok.len());
    let parts: Vec<&str> = tok.split([',', '\u{066C}']).collect();
    let grouped = parts.len() > 1
        && parts[1..]
            .iter()
            .all(|p| p.bytes().take(3).filter(u8::is_ascii_digit).count() == 3);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 && !grouped {
            s.push('.');
        }
        s.push_str(&p.replace('\u{066B}', "."));
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Number words, scale words and hedges, from `src/lexicon/numbers.yaml`:
/// folded and put in maps once, when the lexicon loads.
#[derive(Default)]
pub struct Numbers {
    /// Tried in order, each with its first char; the first that leaves
    /// `MIN_BARE` chars is stripped.
    proclitics: Vec<(char, String)>,
    article: String,
    accusative: String,
    scales: HashMap<String, f64>,
    vague_counts: HashMap<String, (f64, f64)>,
    number_words: HashMap<String, f64>,
    /// Tried in order; the first that fits wins.
    hedges_before: Vec<HedgeRule>,
    hedges_after: Vec<HedgeRule>,
    /// Words after a numeral that make it a percentage (95 بالمئة).
    percent_words: HashSet<String>,
    /// Signs right after a numeral that make it a percentage (95%).
    percent_signs: Vec<char>,
}

/// Chars a stripped proclitic or article must leave: shorter rests are
/// words of their own (بل، ولا).
const MIN_BARE: usize = 3;
/// Chars the accusative ending must leave (مليارا, not الفا).
const MIN_ACCUSATIVE_STEM: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    Exact,
    AtLeast,
    AtMost,
    About,
}

/// Words that hedge a count; with `then`, two words in a row.
struct HedgeRule {
    hedge: Hedge,
    words: HashSet<String>,
    then: Option<HashSet<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNumbers {
    proclitics: Vec<String>,
    article: String,
    accusative: String,
    scales: Vec<RawValue>,
    vague_counts: Vec<RawRange>,
    number_words: Vec<RawValue>,
    hedges_before: Vec<RawHedge>,
    hedges_after: Vec<RawHedge>,
    percent_words: Vec<String>,
    percent_signs: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValue {
    value: f64,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    from: f64,
    to: f64,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHedge {
    hedge: Hedge,
    words: Vec<String>,
    #[serde(default)]
    then: Option<Vec<String>>,
}

/// Folded words; an earlier entry keeps a word listed twice.
fn word_map<V: Copy>(entries: impl Iterator<Item = (V, Vec<String>)>) -> HashMap<String, V> {
    let mut map = HashMap::default();
    for (v, words) in entries {
        for w in words {
            map.entry(fold(&w)).or_insert(v);
        }
    }
    map
}

fn word_set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

fn hedge_rules(raw: &[RawHedge]) -> Vec<HedgeRule> {
    raw.iter()
        .map(|h| HedgeRule {
            hedge: h.hedge,
            words: word_set(&h.words),
            then: h.then.as_deref().map(word_set),
        })
        .collect()
}

impl Numbers {
    pub fn from_yaml(src: &str) -> Result<Self, YamlError> {
        let raw: RawNumbers = crate::io::yaml::from_str(src)?;
        Ok(Numbers {
            proclitics: raw
                .proclitics
                .iter()
                .map(|p| fold(p))
                .filter_map(|p| Some((p.chars().next()?, p)))
                .collect(),
            article: fold(&raw.article),
            accusative: fold(&raw.accusative),
            scales: word_map(raw.scales.into_iter().map(|e| (e.value, e.words))),
            vague_counts: word_map(
                raw.vague_counts
                    .into_iter()
                    .map(|e| ((e.from, e.to), e.words)),
            ),
            number_words: word_map(raw.number_words.into_iter().map(|e| (e.value, e.words))),
            hedges_before: hedge_rules(&raw.hedges_before),
            hedges_after: hedge_rules(&raw.hedges_after),
            percent_words: word_set(&raw.percent_words),
            percent_signs: raw.percent_signs.chars().collect(),
        })
    }

    /// Strips a conjunction or preposition proclitic from a short function word.
    fn bare<'a>(&self, word: &'a str) -> &'a str {
        let Some(first) = word.chars().next() else {
            return word;
        };
        for (initial, p) in &self.proclitics {
            // Most words start with none of them: compare the first chars
            // before the bytes.
            if *initial == first
                && let Some(rest) = word.strip_prefix(p.as_str())
                && rest.chars().count() >= MIN_BARE
            {
                return rest;
            }
        }
        word
    }

    /// The word without proclitic and article.
    fn bare_noun<'a>(&self, word: &'a str) -> &'a str {
        let w = self.bare(word);
        w.strip_prefix(self.article.as_str())
            .filter(|r| r.chars().count() >= MIN_BARE)
            .unwrap_or(w)
    }

    /// Whether a word after a numeral makes it a percentage ("بالمئة",
    /// "المائة" after في).
    pub fn is_percent_word(&self, word: &str) -> bool {
        self.percent_words.contains(self.bare(word))
    }

    /// Whether `text`, right after a numeral, opens with a percent sign.
    pub fn starts_with_percent_sign(&self, text: &str) -> bool {
        text.trim_start().starts_with(self.percent_signs.as_slice())
    }

    /// Scale word after a numeral: 30 ألف, 3.4 مليون.
    pub fn scale(&self, word: &str) -> Option<f64> {
        self.scale_of(self.bare_noun(word))
    }

    /// A bare noun as a scale word, also with the accusative ending (60 مليارا).
    fn scale_of(&self, w: &str) -> Option<f64> {
        let w = w
            .strip_suffix(self.accusative.as_str())
            .filter(|r| r.chars().count() >= MIN_ACCUSATIVE_STEM)
            .unwrap_or(w);
        self.scales.get(w).copied()
    }

    /// A word that is a count on its own, as a range: a number word (خمسة),
    /// a vague count (عشرات: tens, standing without a numeral before it) or
    /// a bare scale word (ألف رسالة), tried in that order.
    pub fn count_word(&self, word: &str) -> Option<(f64, f64)> {
        let w = self.bare_noun(word);
        self.number_words
            .get(w)
            .map(|&v| (v, v))
            .or_else(|| self.vague_counts.get(w).copied())
            .or_else(|| self.scale_of(w).map(|v| (v, v)))
    }

    /// Hedge word right before a numeral (the word before that is checked
    /// for the two-word forms such as "more than" by the caller passing both).
    pub fn hedge(&self, prev2: Option<&str>, prev: Option<&str>) -> Hedge {
        let (prev2, prev) = (prev2.map(|w| self.bare(w)), prev.map(|w| self.bare(w)));
        let fits = |r: &HedgeRule| match &r.then {
            Some(then) => {
                prev2.is_some_and(|w| r.words.contains(w)) && prev.is_some_and(|w| then.contains(w))
            }
            None => prev.is_some_and(|w| r.words.contains(w)),
        };
        self.hedges_before
            .iter()
            .find(|r| fits(r))
            .map_or(Hedge::Exact, |r| r.hedge)
    }

    /// Hedge words that follow the quantity ("at least").
    pub fn trailing_hedge(&self, word: &str) -> Option<Hedge> {
        let w = self.bare(word);
        self.hedges_after
            .iter()
            .find(|r| r.words.contains(w))
            .map(|r| r.hedge)
    }
}

/// The interval of values a reported quantity allows.
pub fn interval(lo: f64, hi: f64, h: Hedge) -> (f64, f64) {
    match h {
        Hedge::Exact => (lo, hi),
        Hedge::AtLeast => (lo, f64::INFINITY),
        Hedge::AtMost => (0.0, hi),
        Hedge::About => (lo * 0.85, hi * 1.15),
    }
}

/// Whether two reported quantities can describe the same count.
pub fn compatible(a: (f64, f64), b: (f64, f64)) -> bool {
    let eps = 1e-9 * a.1.abs().max(b.1.abs()).min(1e12);
    a.0 <= b.1 + eps && b.0 <= a.1 + eps
}

/// Four-digit values in this range without a scale word read as years.
pub fn is_year(v: f64, tok: &str) -> bool {
    tok.len() == 4 && tok.bytes().all(|b| b.is_ascii_digit()) && (1900.0..=2100.0).contains(&v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(parse_numeral("1,670"), Some(1670.0));
        assert_eq!(parse_numeral("3.4"), Some(3.4));
        assert_eq!(parse_numeral("1,5"), Some(1.5));
        assert_eq!(parse_numeral("2\u{066B}5"), Some(2.5));
        assert_eq!(parse_numeral("12\u{066C}000"), Some(12000.0));
        assert_eq!(parse_numeral(""), None);
        // Mixed separators are ambiguous; slicing must not split a char.
        assert_eq!(parse_numeral("1,55\u{066B}5"), None);
    }

    fn numbers() -> Numbers {
        Numbers::from_yaml(include_str!("../lexicon/numbers.yaml")).expect("numbers.yaml parses")
    }

    #[test]
    fn words_and_scales() {
        let n = numbers();
        assert_eq!(n.scale("الف"), Some(1e3));
        assert_eq!(n.scale("وملايين"), Some(1e6));
        assert_eq!(n.scale("مليارا"), Some(1e9));
        assert_eq!(n.scale("الالاف"), Some(1e3));
        assert_eq!(n.count_word("خمسه"), Some((5.0, 5.0)));
        assert_eq!(n.count_word("بمليوني"), Some((2e6, 2e6)));
        assert_eq!(n.count_word("الخمسين"), Some((50.0, 50.0)));
        assert_eq!(n.count_word("مليارا"), Some((1e9, 1e9)));
        assert_eq!(n.count_word("سيارة"), None);
    }

    #[test]
    fn hedges() {
        let n = numbers();
        assert_eq!(n.hedge(Some("اكثر"), Some("من")), Hedge::AtLeast);
        assert_eq!(n.hedge(Some("يزيد"), Some("عن")), Hedge::AtLeast);
        assert_eq!(n.hedge(Some("اقل"), Some("من")), Hedge::AtMost);
        assert_eq!(n.hedge(Some("اكثر"), Some("في")), Hedge::Exact);
        assert_eq!(n.hedge(None, Some("نحو")), Hedge::About);
        assert_eq!(n.hedge(None, Some("وفوق")), Hedge::AtLeast);
        assert_eq!(n.hedge(None, None), Hedge::Exact);
        assert_eq!(n.trailing_hedge("الاقل"), Some(Hedge::AtLeast));
        assert_eq!(n.trailing_hedge("سيارات"), None);
        let exact = |x: f64| interval(x, x, Hedge::Exact);
        assert!(compatible(
            interval(80.0, 80.0, Hedge::AtLeast),
            exact(85.0)
        ));
        assert!(!compatible(exact(30e3), exact(33e3)));
        assert!(compatible(
            interval(100.0, 100.0, Hedge::About),
            exact(110.0)
        ));
        assert!(!compatible(
            n.count_word("العشرات").unwrap_or_default(),
            n.count_word("المئات").unwrap_or_default()
        ));
    }
}
