//! Cue matching: reporting verbs, participles, prepositional and nominal
//! phrases, no-comment formulas and editorial formulas, looked up through the
//! folded view with conjunction and pronoun clitics stripped.

use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lookup::WordMap;
use crate::arabic::morphology;
use crate::arabic::tokens::{TokKind, Token};
use crate::lexicon::{Forms, Gender, Lexicon, Number};
use crate::model::{CueKind, Stance};
use crate::text::{fold_str, folded_words};

/// Who a verb or participle form agrees with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Agreement {
    pub gender: Option<Gender>,
    pub number: Option<Number>,
}

#[derive(Debug, Clone)]
struct WordCue {
    kind: CueKind,
    stance: Stance,
    agreement: Agreement,
    /// Folded phrases, one of which must follow for the verb to be a cue.
    complement: Arc<Vec<Vec<String>>>,
    object: Option<char>,
    accusative: bool,
    passive: bool,
}

#[derive(Debug, Clone)]
struct PhraseCue {
    words: Vec<String>,
    kind: CueKind,
    stance: Stance,
    quoting: bool,
    genitive: bool,
    /// The last word is a clitic (لـ) attached to the next token.
    attached: bool,
}

/// A cue found in the text: token range `[first, last]` inclusive.
#[derive(Debug, Clone)]
pub struct CueHit {
    pub first: usize,
    pub last: usize,
    pub kind: CueKind,
    pub stance: Stance,
    pub agreement: Agreement,
    /// For an attached clitic cue (وفقا لـ), the byte length of the clitic at
    /// the start of the token after `last`.
    pub clitic: u32,
    pub complement: Arc<Vec<Vec<String>>>,
    /// A prepositional cue whose object is quoted by the speaker (نقلا عن).
    pub quoting: bool,
    /// A verbal noun whose genitive is the speaker ("إعلان الجيش أن").
    pub genitive: bool,
    /// The clitic preposition marking a verb's object ("أشاد بـ").
    pub object: Option<char>,
    /// A noun object comes before that preposition ("اتهم X بـ").
    pub accusative: bool,
    /// An agentless passive ("قيل إن", "ويقال إن"): it names no speaker
    /// and none goes on from before.
    pub passive: bool,
}

impl CueHit {
    /// A one-token cue that the text's shape makes, not the lexicon (a
    /// headline's colon, the عن of a nested chain): it quotes, with no
    /// agreement, complement or object of its own.
    pub fn implied(at: usize, kind: CueKind, stance: Stance) -> CueHit {
        CueHit {
            first: at,
            last: at,
            kind,
            stance,
            agreement: Agreement::default(),
            clitic: 0,
            complement: Default::default(),
            object: None,
            accusative: false,
            passive: false,
            quoting: true,
            genitive: false,
        }
    }
}

pub struct CueMatcher {
    index: WordMap<Entry>,
    editorial: Vec<Vec<String>>,
}

/// All the cue lexicon says of one folded key, so that each reading of a
/// token costs a single look-up (cue matching asks of every token).
#[derive(Default)]
struct Entry {
    non_cue: bool,
    word: Option<WordCue>,
    /// The key with ا after it is a verb form: the alef of -وا drops before
    /// a pronoun ("فأخبرونا").
    word_before_pronoun: Option<WordCue>,
    /// Phrases that start with the key, longest first.
    phrases: Vec<PhraseCue>,
}

fn agreement_buckets(forms: &Forms) -> [(&Vec<String>, Agreement); 5] {
    let a = |gender, number| Agreement {
        gender,
        number: Some(number),
    };
    [
        (&forms.ms, a(Some(Gender::M), Number::Sg)),
        (&forms.fs, a(Some(Gender::F), Number::Sg)),
        (&forms.mp, a(Some(Gender::M), Number::Pl)),
        (&forms.fp, a(Some(Gender::F), Number::Pl)),
        (&forms.du, a(None, Number::Du)),
    ]
}

/// The ways a folded token may be read: itself, without a conjunction,
/// without an object pronoun, without both. Of the particles that may be
/// written onto a word, only the conjunctions و and ف: the future/emphasis
/// ل and س do not precede reporting verbs in news.
pub fn readings(tok: &str) -> impl Iterator<Item = &str> + Clone {
    let bare = morphology::strip_conjunction(tok).filter(|r| crate::text::has_chars(r, 2));
    [Some(tok), unsuffixed(tok), bare, bare.and_then(unsuffixed)]
        .into_iter()
        .flatten()
}

/// A stem without its object pronoun, when one is written onto it.
fn unsuffixed(s: &str) -> Option<&str> {
    morphology::strip_object_pronoun(s).filter(|stem| crate::text::has_chars(stem, 2))
}

impl CueMatcher {
    /// Whether a verb cue is written with an object pronoun ("نفته",
    /// "تنفيه", "وأكدها"), not a cue whose own last letter is ه ("نبه").
    pub fn carries_object_pronoun(&self, tok: &str) -> bool {
        let verb = |r: &str| {
            self.index
                .get(r)
                .is_some_and(|e| e.word.is_some() || e.word_before_pronoun.is_some())
        };
        let bare = morphology::strip_conjunction(tok).unwrap_or(tok);
        !verb(tok) && !verb(bare) && [tok, bare].into_iter().filter_map(unsuffixed).any(verb)
    }

    pub fn new(lex: &Lexicon) -> Self {
        let mut words = HashMap::default();
        for v in &lex.verbs {
            let complement: Arc<Vec<Vec<String>>> =
                Arc::new(v.complement.iter().map(|c| folded_words(c)).collect());
            let kind = if v.stance == Stance::NoComment {
                CueKind::NoComment
            } else {
                CueKind::Verb
            };
            for (forms, agreement) in agreement_buckets(&v.forms) {
                for f in forms {
                    words.entry(fold_str(f)).or_insert(WordCue {
                        kind,
                        stance: v.stance,
                        agreement,
                        complement: complement.clone(),
                        object: v.object,
                        accusative: v.accusative,
                        passive: false,
                    });
                }
            }
            for f in &v.passive {
                words.entry(fold_str(f)).or_insert(WordCue {
                    kind,
                    stance: v.stance,
                    agreement: Agreement::default(),
                    complement: complement.clone(),
                    object: v.object,
                    accusative: v.accusative,
                    passive: true,
                });
            }
        }
        for p in &lex.participles {
            for (forms, agreement) in agreement_buckets(&p.forms) {
                for f in forms {
                    words.entry(fold_str(f)).or_insert(WordCue {
                        kind: CueKind::Participle,
                        stance: p.stance,
                        agreement,
                        complement: Arc::default(),
                        object: None,
                        accusative: false,
                        passive: false,
                    });
                }
            }
        }
        let mut phrases: HashMap<String, Vec<PhraseCue>> = HashMap::default();
        let groups = [
            (&lex.prepositions, CueKind::Preposition),
            (&lex.nominals, CueKind::Nominal),
            (&lex.no_comment, CueKind::NoComment),
        ];
        for (list, kind) in groups {
            for p in list {
                let attached = morphology::ends_with_detached_lam(p.phrase.trim_end());
                let mut w = folded_words(&p.phrase);
                if attached {
                    w.pop();
                }
                let Some(first) = w.first().cloned() else {
                    continue;
                };
                let stance = if kind == CueKind::NoComment {
                    Stance::NoComment
                } else {
                    p.stance
                };
                phrases.entry(first).or_default().push(PhraseCue {
                    words: w,
                    kind,
                    stance,
                    quoting: p.quoting,
                    genitive: p.genitive,
                    attached,
                });
            }
        }
        // Longest phrase first, so "بحسب ما" wins over "بحسب".
        for list in phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len() + p.attached as usize));
        }
        let editorial = lex.editorial.iter().map(|e| folded_words(e)).collect();
        let non_cues: HashSet<String> = lex.non_cues.iter().map(|w| fold_str(w)).collect();
        CueMatcher {
            index: index(words, phrases, non_cues),
            editorial,
        }
    }

    /// Every cue in the token range `[from, to)`, left to right, not overlapping.
    pub fn find(&self, text: &str, toks: &[Token], from: usize, to: usize) -> Vec<CueHit> {
        let mut hits = Vec::new();
        let mut i = from;
        while i < to {
            match self.at(text, toks, i, to) {
                Some(hit) => {
                    i = hit.last + 1;
                    hits.push(hit);
                }
                None => i += 1,
            }
        }
        hits
    }

    /// A reporting verb in the future ("سيعلن", "وستقول"): speech to come,
    /// no report, but a verb all the same.
    pub fn is_future_verb(&self, w: &str) -> bool {
        let w = morphology::strip_conjunction(w).unwrap_or(w);
        morphology::strip_future_prefix(w).is_some_and(|rest| {
            morphology::is_imperfect(rest) && self.index.get(rest).is_some_and(|e| e.word.is_some())
        })
    }

    pub fn at(&self, text: &str, toks: &[Token], i: usize, to: usize) -> Option<CueHit> {
        let t = *toks.get(i).filter(|_| i < to)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let w = &text[t.start as usize..t.end as usize];
        // The first reading is the token itself.
        let mut entries: [Option<&Entry>; 4] = [None; 4];
        for (slot, r) in entries.iter_mut().zip(readings(w)) {
            *slot = self.index.get(r);
        }
        if entries[0].is_some_and(|e| e.non_cue) {
            return None;
        }
        let entries = entries.iter().flatten();
        for e in entries.clone() {
            if let Some(hit) = e
                .phrases
                .iter()
                .find_map(|p| match_phrase(text, toks, i, to, p))
            {
                return Some(hit);
            }
        }
        let found = entries
            .clone()
            .find_map(|e| e.word.as_ref())
            .or_else(|| entries.clone().find_map(|e| e.word_before_pronoun.as_ref()));
        found.map(|c| CueHit {
            first: i,
            last: i,
            kind: c.kind,
            stance: c.stance,
            agreement: c.agreement,
            clitic: 0,
            complement: c.complement.clone(),
            quoting: false,
            genitive: false,
            object: c.object,
            accusative: c.accusative,
            passive: c.passive,
        })
    }

    /// The token just past an editorial formula opening the range, if any:
    /// "يذكر أن", "جدير بالذكر أن".
    pub fn editorial_end(
        &self,
        text: &str,
        toks: &[Token],
        from: usize,
        to: usize,
    ) -> Option<usize> {
        // The first eight words, in a fixed array: asked of every sentence.
        let mut words = [0usize; 8];
        let mut len = 0;
        for (slot, k) in words
            .iter_mut()
            .zip((from..to).filter(|&k| toks[k].is_word()))
        {
            *slot = k;
            len += 1;
        }
        let words = &words[..len];
        let first = words
            .first()
            .map_or("", |&k| &text[toks[k].start as usize..toks[k].end as usize]);
        let first_readings = readings(first);
        self.editorial.iter().find_map(|phrase| {
            let n = phrase.len();
            if n == 0 || words.len() < n {
                return None;
            }
            let first_ok = first_readings.clone().any(|r| r == phrase[0]);
            let rest_ok = (1..n).all(|k| {
                let t = toks[words[k]];
                text[t.start as usize..t.end as usize] == phrase[k]
            });
            (first_ok && rest_ok && words[n - 1] < from + 10).then(|| words[n - 1] + 1)
        })
    }
}

/// One entry per folded key of the word cues, the phrase cues and the words
/// that are never cues.
fn index(
    words: HashMap<String, WordCue>,
    phrases: HashMap<String, Vec<PhraseCue>>,
    non_cues: HashSet<String>,
) -> WordMap<Entry> {
    let mut index: HashMap<String, Entry> = HashMap::default();
    for (key, cue) in &words {
        if let Some(before_pronoun) = morphology::plural_verb_before_pronoun(key) {
            index.entry(before_pronoun).or_default().word_before_pronoun = Some(cue.clone());
        }
    }
    for (key, cue) in words {
        index.entry(key).or_default().word = Some(cue);
    }
    for (key, list) in phrases {
        index.entry(key).or_default().phrases = list;
    }
    for key in non_cues {
        index.entry(key).or_default().non_cue = true;
    }
    index.into()
}

/// The phrase `p` at token `i`, whose first word is known to match: `p`
/// was found under one of the token's readings.
fn match_phrase(text: &str, toks: &[Token], i: usize, to: usize, p: &PhraseCue) -> Option<CueHit> {
    let mut k = i + 1;
    for w in p.words.iter().skip(1) {
        let t = toks.get(k).filter(|_| k < to)?;
        if !t.is_word() || &text[t.start as usize..t.end as usize] != w {
            return None;
        }
        k += 1;
    }
    let last = k - 1;
    let mut clitic = 0;
    if p.attached {
        // "وفقا لمصدر", "وفقا للصحيفة", "وفقا لـ CNN" (the tatweel folds away).
        let next = toks.get(k).filter(|_| k < to)?;
        let tw = &text[next.start as usize..next.end as usize];
        if morphology::is_lam(tw) {
            clitic = next.end - next.start;
        } else if morphology::has_lam_article(tw) {
            clitic = 0; // ل + الـ: the whole word reads as the definite noun
        } else if morphology::starts_with_lam(tw) && crate::text::has_chars(tw, 3) {
            clitic = morphology::lam_len() as u32;
        } else {
            return None;
        }
    }
    Some(CueHit {
        first: i,
        last,
        kind: p.kind,
        stance: p.stance,
        agreement: Agreement::default(),
        clitic,
        complement: Arc::default(),
        quoting: p.quoting,
        genitive: p.genitive,
        object: None,
        accusative: false,
        passive: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRONOUN_SUFFIXES: [&str; 7] = ["هما", "ها", "هم", "ه", "نا", "ني", "كم"];

    #[test]
    fn unsuffixed_tries_the_suffixes_in_the_order_of_the_list() {
        for stem in ["", "ا", "قال", "اخبرو", "مصادر", "كتاب", "عن", "ل"] {
            for suf in PRONOUN_SUFFIXES.iter().chain(&["", "ات", "ين", "ي", "م"]) {
                let w = format!("{stem}{suf}");
                let listed = PRONOUN_SUFFIXES
                    .iter()
                    .find_map(|s| w.strip_suffix(s))
                    .filter(|r| crate::text::has_chars(r, 2));
                assert_eq!(unsuffixed(&w), listed, "{w}");
            }
        }
    }
}
