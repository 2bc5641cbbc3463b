//! Loads `relate.yaml` into lookup tables keyed the same way claims are.

mod build;
mod raw;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

use serde::Deserialize;

use super::num::Numbers;
use super::stem;
use crate::arabic::tokens::{TokKind, terms};
use crate::text::fold_str as fold;
use build::*;
use raw::*;

const EMBEDDED: &str = include_str!("../../lexicon/relate.yaml");
/// Word pairs learned from the ANS training split (`scripts/ans_contrasts.py`).
const CONTRASTS: &str = include_str!("../../lexicon/contrasts.yaml");
/// Number words, scale words and hedges (`num.rs`).
const NUMBERS: &str = include_str!("../../lexicon/numbers.yaml");

/// Multi-word phrases keyed like claim tokens (stem keys), each with a tag:
/// the longest phrase starting at a token wins.
#[derive(Default)]
pub struct Phrases {
    /// First key -> (continuation keys, tag), longest first.
    by_first: HashMap<String, Vec<(Vec<String>, u16)>>,
}

impl Phrases {
    fn add(&mut self, entry: &str, tag: u16) {
        let mut keys = entry_keys(entry);
        if keys.is_empty() {
            return;
        }
        let first = keys.remove(0);
        let conts = self.by_first.entry(first).or_default();
        if !conts.iter().any(|c| c.0 == keys) {
            conts.push((keys, tag));
            conts.sort_by_key(|c| std::cmp::Reverse(c.0.len()));
        }
    }

    /// The tag and length of the longest phrase starting at token `i`.
    pub fn at(&self, keys: &[(String, Option<String>)], i: usize) -> Option<(u16, usize)> {
        longest_match(&self.by_first, keys, i)
    }
}

/// What a (possibly multi-word) lexicon entry marks in a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    Denial,
    Allegation,
    Certainty,
    Causal,
    Concessive,
    Antonym { group: u16, pole: u8 },
    Sentiment(i8),
    Place(u16),
}

#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    pub negating: Option<u8>,
    pub valence: Vec<i8>,
    /// Only between short claims (headlines).
    pub headline_only: bool,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub within: Option<u16>,
}

#[derive(Debug)]
pub struct LexiconError(String);

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "relate lexicon: {}", self.0)
    }
}

impl std::error::Error for LexiconError {}

/// Entry continuation after its first key, with what it marks.
/// The value and length of the longest entry starting at token `i`: its
/// first word looked up under each of the token's keys, the rest matched
/// word by word on either key of the tokens after it. Entries are kept
/// longest first, so the first fit is the longest.
fn longest_match<T: Copy>(
    by_first: &HashMap<String, Vec<(Vec<String>, T)>>,
    keys: &[(String, Option<String>)],
    i: usize,
) -> Option<(T, usize)> {
    let (k0, k1) = keys.get(i)?;
    for first in std::iter::once(k0).chain(k1.iter()) {
        let Some(conts) = by_first.get(first) else {
            continue;
        };
        for (rest, value) in conts {
            let fits = rest.iter().enumerate().all(|(j, want)| {
                keys.get(i + 1 + j)
                    .is_some_and(|(a, b)| a == want || b.as_ref() == Some(want))
            });
            if fits {
                return Some((*value, 1 + rest.len()));
            }
        }
    }
    None
}

type Continuation = (Vec<String>, Term);

/// `id` and what encloses it, step by step through `within`: at most five,
/// in case of a cyclic lexicon.
fn enclosing(id: u16, within: impl Fn(u16) -> Option<u16>) -> impl Iterator<Item = u16> {
    let mut cur = Some(id);
    let mut n = 0;
    std::iter::from_fn(move || {
        let c = cur?;
        n += 1;
        cur = if n < 5 { within(c) } else { None };
        Some(c)
    })
}

pub struct Lexicon {
    /// Stripped from a function word that is not listed as it is (ولم).
    /// One letter each, so that the test per token is a char comparison.
    conjunctions: Vec<char>,
    negators: HashSet<String>,
    negation_exceptions: HashSet<String>,
    /// The denial entries as written: a word that reaches a denial only
    /// through its stem (كاذبة to كذب) is another form of it.
    denial_forms: HashSet<String>,
    stopwords: HashSet<String>,
    /// First key -> continuations, longest first.
    terms: HashMap<String, Vec<Continuation>>,
    pub groups: Vec<Group>,
    pub places: Vec<Place>,
    /// Same entry listed under two different terms; kept for the lexicon test.
    pub collisions: Vec<String>,
    /// Stem key -> the key of its synonym group's first word.
    synonyms: HashMap<String, String>,
    /// Predicate classes (frames): phrase -> class.
    pub predicates: Phrases,
    pub predicate_names: Vec<String>,
    /// Entities: phrase -> entity id; places come first (same ids as
    /// `places`), then the `entities` list.
    pub entities: Phrases,
    /// The enclosing entity of each entity id.
    pub entity_within: Vec<Option<u16>>,
    pub entity_names: Vec<String>,
    locatives: HashSet<String>,
    prepositions: HashSet<String>,
    subordinators: HashSet<String>,
    negation_blockers: HashSet<String>,
    /// Words right before a negator that make it "unless".
    unless: HashSet<String>,
    /// Words that reach an entry only through a stem they share with it.
    homographs: HashSet<String>,
    /// Day names: phrase -> 1..=7.
    pub days: Phrases,
    /// Months: phrase -> 1..=12.
    pub months: Phrases,
    clock_before: HashSet<String>,
    clock_after: HashSet<String>,
    /// Stem keys of nouns that count people.
    people: HashSet<String>,
    /// Stem keys of the nouns of evidence (دليل، أدلة): negated, they deny
    /// what follows in their clause.
    evidence: HashSet<String>,
    pub updates: Phrases,
    /// Words that, opening a claim, keep it from asserting its predicate:
    /// conditions, questions, warnings.
    pub non_assertive: Phrases,
    /// Openings of a hedged relative ("ما قيل إنه"، "ما يشتبه في أنه"):
    /// what follows is what the claim's statement is about, not what it
    /// states.
    pub hedged_relatives: Phrases,
    /// Stem keys of the words that name a time (days, months, parts of
    /// the day): a shared time is where two claims may meet, not what
    /// they share.
    time_keys: HashSet<String>,
    /// Words never taken as what a pole word is said of: degree words and
    /// heads of a measure (كبير، حاد، أسعار، مستوى).
    pole_skip: HashSet<String>,
    /// Contrast pairs as stem keys: each word's opposites (both orders).
    contrasts: HashMap<String, HashSet<String>>,
    /// Number words, scale words and hedges.
    pub numbers: Numbers,
}

impl Lexicon {
    /// Whether a stem key names a time (a day, a month, a part of the day).
    pub fn is_time_key(&self, key: &str) -> bool {
        self.time_keys.contains(key)
    }

    /// Whether two stem keys are a learned contrast pair.
    pub fn contrast(&self, x: &str, y: &str) -> bool {
        self.contrasts.get(x).is_some_and(|s| s.contains(y))
    }

    /// How many contrast pairs the lexicon holds (each counted once).
    pub fn contrast_count(&self) -> usize {
        self.contrasts.values().map(HashSet::len).sum::<usize>() / 2
    }

    /// Shared instance of the embedded lexicon. The embedded YAML is part of
    /// the build, not input data, and a test guards that it loads.
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| match Self::embedded() {
            Ok(l) => l,
            Err(e) => panic!("{e}"),
        })
    }

    /// Function-word tests work on the folded surface, also behind a
    /// conjunction.
    fn in_surface(&self, set: &HashSet<String>, word: &str) -> bool {
        set.contains(word) || {
            // One-letter conjunctions: the first char decides, so no prefix
            // is compared byte by byte.
            let mut rest = word.chars();
            rest.next().is_some_and(|c| self.conjunctions.contains(&c))
                && !rest.as_str().is_empty()
                && set.contains(rest.as_str())
        }
    }

    /// One key for words of one meaning (اتصالات, لقاءات), so that they meet.
    pub fn synonym(&self, key: String) -> String {
        self.synonyms.get(&key).cloned().unwrap_or(key)
    }

    pub fn is_negator(&self, word: &str) -> bool {
        self.in_surface(&self.negators, word)
    }

    pub fn is_denial_form(&self, word: &str) -> bool {
        self.in_surface(&self.denial_forms, word)
    }

    pub fn is_negation_exception(&self, word: &str) -> bool {
        self.in_surface(&self.negation_exceptions, word)
    }

    pub fn is_locative(&self, word: &str) -> bool {
        self.in_surface(&self.locatives, word)
    }

    /// A preposition written as a word, or one fused with the article
    /// ("بالغاز", "للحكومة").
    pub fn is_preposition(&self, word: &str) -> bool {
        self.in_surface(&self.prepositions, word)
            || crate::arabic::morphology::has_article_after_preposition(word)
    }

    /// A word that opens a relative or subordinate clause: what follows is
    /// not the claim's main statement.
    pub fn is_subordinator(&self, word: &str) -> bool {
        self.in_surface(&self.subordinators, word)
    }

    pub fn is_negation_blocker(&self, word: &str) -> bool {
        self.in_surface(&self.negation_blockers, word)
    }

    /// Whether a word right before a negator makes it "unless" (the word
    /// as it is: no conjunction stripped).
    pub fn is_unless(&self, word: &str) -> bool {
        self.unless.contains(word)
    }

    pub fn is_pole_skip(&self, word: &str) -> bool {
        self.in_surface(&self.pole_skip, word) || {
            // Behind a preposition or the article: لأسعار، بأسعار، الكبير.
            let w = stem::strip_article(word)
                .or_else(|| stem::strip_clitic(word))
                .unwrap_or(word);
            self.pole_skip.contains(w)
        }
    }

    pub fn is_clock_before(&self, word: &str) -> bool {
        self.in_surface(&self.clock_before, word)
    }

    pub fn is_clock_after(&self, word: &str) -> bool {
        self.in_surface(&self.clock_after, word)
    }

    /// Whether a counted noun's stem key counts people.
    pub fn counts_people(&self, key: &str) -> bool {
        self.people.contains(key)
    }

    /// Whether a stem key is a noun of evidence ("لا دليل على ...").
    pub fn is_evidence(&self, key: &str) -> bool {
        self.evidence.contains(key)
    }

    /// Whether place `inner` is `outer` or lies inside it (bounded walk, in
    /// case of a cyclic lexicon).
    pub fn place_within(&self, inner: u16, outer: u16) -> bool {
        enclosing(inner, |c| {
            self.places.get(usize::from(c)).and_then(|pl| pl.within)
        })
        .any(|c| c == outer)
    }

    /// An entity and the entities that enclose it (bounded).
    pub fn entity_chain(&self, id: u16) -> impl Iterator<Item = u16> + '_ {
        enclosing(id, |c| {
            self.entity_within.get(usize::from(c)).copied().flatten()
        })
    }

    pub fn is_stopword(&self, word: &str) -> bool {
        self.in_surface(&self.stopwords, word)
    }

    /// A word that reaches an entry only through the stem it shares with it
    /// (الخارجية, not خرج).
    pub fn is_homograph(&self, word: &str) -> bool {
        self.in_surface(&self.homographs, word)
    }

    /// Longest entry starting at token `i`, given each token's key variants.
    /// Returns the term and how many tokens it spans.
    pub fn match_term(&self, keys: &[(String, Option<String>)], i: usize) -> Option<(Term, usize)> {
        longest_match(&self.terms, keys, i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads_without_collisions() {
        let lex = Lexicon::embedded().expect("embedded lexicon parses");
        assert!(lex.groups.len() > 10);
        assert!(lex.places.len() > 50);
        assert!(lex.collisions.is_empty(), "{:#?}", lex.collisions);
    }

    /// Frequent function words and names whose keys once collided with
    /// content entries (بأنه with أنهى, سلمان with سلام, الإعلان with أعلى).
    #[test]
    fn no_entry_shadows_a_function_word() {
        let lex = Lexicon::builtin();
        let words = [
            "بانه",
            "بانها",
            "لانه",
            "لانها",
            "فانه",
            "بينها",
            "لامر",
            "بامر",
            "باعلان",
            "الاعلان",
            "لاعلان",
            "الموصل",
            "سلمان",
            "تعرض",
            "لاقل",
            "الاقل",
            "اليابان",
            "كانت",
            "الامارات",
        ];
        let clashes: Vec<String> = words
            .iter()
            .filter(|w| !lex.is_stopword(w))
            .filter_map(|w| {
                let keys = vec![stem::keys(w)];
                match lex.match_term(&keys, 0) {
                    Some((Term::Place(_), _))
                        if *w == "الموصل" || *w == "الامارات" || *w == "اليابان" =>
                    {
                        None
                    }
                    Some((t, _)) => Some(format!("{w}: {t:?}")),
                    None => None,
                }
            })
            .collect();
        assert!(clashes.is_empty(), "{clashes:#?}");
    }

    #[test]
    fn function_words_behind_conjunction() {
        let lex = Lexicon::builtin();
        assert!(lex.is_negator("ولم"));
        assert!(lex.is_negator("لا"));
        assert!(!lex.is_negator("الولايات"));
        assert!(lex.is_stopword("وفي"));
        // "ما لم" is "unless" only as it stands.
        assert!(lex.is_unless("ما"));
        assert!(!lex.is_unless("وما"));
    }

    #[test]
    fn multiword_place() {
        let lex = Lexicon::builtin();
        let keys: Vec<_> = ["الولايات", "المتحده"]
            .iter()
            .map(|w| stem::keys(w))
            .collect();
        assert!(matches!(
            lex.match_term(&keys, 0),
            Some((Term::Place(_), 2))
        ));
    }
}
