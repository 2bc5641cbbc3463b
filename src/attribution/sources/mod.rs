//! Source phrases: what kind of source a phrase names (outlet, person,
//! official body, anonymous source, group, document), an outlet's canonical
//! name from the gazetteer, and the generic nouns that point back.

mod kind;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::MAX_TITLE_WORDS;
use super::cues::readings;
use super::lookup::{WordMap, WordSet};
use crate::arabic::morphology;
use crate::lexicon::{Gender, Lexicon, Number};
use crate::model::SourceKind;
use crate::text::{fold_str, folded_words};

/// A generic noun that points back to an earlier source.
#[derive(Debug, Clone)]
pub struct AnaphorRule {
    pub kinds: Vec<SourceKind>,
    pub gender: Gender,
    pub number: Number,
    /// Folded titles an honorific pronoun stands for; empty for others.
    pub honors: Vec<String>,
    /// A body's noun that may stand for any official body.
    pub any_body: bool,
}

/// What a source phrase is, as far as the lexicon can tell.
#[derive(Debug, Clone)]
pub struct Reading {
    pub kind: SourceKind,
    /// The gazetteer's name for an outlet.
    pub canonical: Option<String>,
    /// A generic noun (الصحيفة, المصدر) to resolve against earlier sources.
    pub anaphor: Option<AnaphorRule>,
    pub gender: Option<Gender>,
    pub number: Option<Number>,
    /// Words of a title or role before a name ("الرئيس الأمريكي").
    pub role_words: usize,
    /// The lexicon knows the phrase's head (not a guess from its shape).
    pub listed: bool,
    /// An indefinite phrase ending in "another" ("زميل آخر"): someone new,
    /// never an entity named before.
    pub new_referent: bool,
}

struct OutletName {
    words: Vec<String>,
    outlet: usize,
    ambiguous: bool,
}

/// Gazetteer names (outlets, states) by their first folded word bare of
/// ال, the longest first, each with the index of the entry it names.
#[derive(Default)]
struct NameTable {
    names: HashMap<String, Vec<OutletName>>,
}

impl NameTable {
    fn add(&mut self, name: &str, entry: usize, ambiguous: bool) {
        let words = folded_words(name);
        let Some(first) = words.first() else { return };
        let list = self.names.entry(bare(first).to_string()).or_default();
        if list.iter().any(|e| e.words == words) {
            return;
        }
        list.push(OutletName {
            ambiguous,
            words,
            outlet: entry,
        });
    }

    fn finish(mut self) -> WordMap<Vec<OutletName>> {
        for list in self.names.values_mut() {
            list.sort_by_key(|n| std::cmp::Reverse(n.words.len()));
        }
        self.names.into()
    }
}

/// The entry named at `words[i..]` in `table`: (entry index, words used).
/// An ambiguous name counts only `after_head`.
fn name_at(
    table: &WordMap<Vec<OutletName>>,
    words: &[&str],
    i: usize,
    after_head: bool,
) -> Option<(usize, usize)> {
    let w = words.get(i)?;
    let mut keys = vec![bare(w)];
    // A preposition written onto the name: لرويترز, بحسب لـ.
    if let Some(r) = morphology::strip_bi_lam_or_and(w) {
        keys.push(bare(r));
    }
    for key in keys {
        for name in table.get(key).into_iter().flatten() {
            let n = name.words.len();
            if i + n > words.len() {
                continue;
            }
            let rest_ok = (1..n).all(|k| bare(words[i + k]) == bare(&name.words[k]));
            if rest_ok && (!name.ambiguous || after_head) {
                return Some((name.outlet, n));
            }
        }
    }
    None
}

pub struct SourceLexicon {
    outlet_names: WordMap<Vec<OutletName>>,
    outlet_canonical: Vec<String>,
    state_names: WordMap<Vec<OutletName>>,
    state_canonical: Vec<String>,
    outlet_heads: WordSet,
    anonymous: WordSet,
    /// Official bodies' folded words bare of ال, by their first word.
    official: WordMap<Vec<Vec<String>>>,
    /// The common nouns among the official entries, the ones listed both
    /// bare and with the article (هيئة/الهيئة, مجلس/المجلس), unlike
    /// names (روسيا, الصين).
    body_nouns: WordSet,
    group: WordSet,
    document: WordSet,
    norms: WordSet,
    norm_elatives: WordSet,
    accounts: WordSet,
    person_titles: WordSet,
    /// First words of titles of several words, so that a phrase is looked
    /// for only where one can start.
    title_heads: WordSet,
    /// The titles and title heads of one word, as one pattern: see
    /// `title_pieces`.
    title_pieces: Option<aho_corasick::AhoCorasick>,
    anaphors: WordMap<AnaphorRule>,
    quantifiers: WordSet,
    another: WordSet,
    partitives: WordSet,
    relational: WordSet,
    /// The word for a family's house (آل, folded like the article).
    houses: WordSet,
    /// Words that give a described person's name ("يدعى").
    naming: WordSet,
}

/// The one-word official entries listed both bare and with the article.
fn body_nouns(official: &[String]) -> HashSet<String> {
    let single: HashSet<String> = official
        .iter()
        .map(|o| fold_str(o))
        .filter(|o| !o.contains(' '))
        .collect();
    single
        .iter()
        .filter_map(|o| morphology::strip_article(o))
        .filter(|bare| single.contains(*bare))
        .map(str::to_string)
        .collect()
}

/// Folded entries, each also without ال, so that a look-up never has to
/// build a string.
fn folded_set(list: &[String]) -> HashSet<String> {
    let mut set = HashSet::default();
    for w in list {
        let f = fold_str(w);
        set.insert(bare(&f).to_string());
        set.insert(f);
    }
    set
}

/// A word without a leading conjunction or preposition and without ال, so
/// that وللصحيفة, الصحيفة and صحيفة meet.
pub fn bare(word: &str) -> &str {
    let w = morphology::strip_article_for_lookup(word).unwrap_or(word);
    if crate::text::has_chars(w, 2) {
        w
    } else {
        word
    }
}

/// The noun under a possessive pronoun of a body or group: "أمينها" is
/// أمين, "رئيسهم" is رئيس.
pub fn possessed_stem(word: &str) -> Option<&str> {
    if morphology::has_article(word) {
        return None;
    }
    // A body is "she" (ها), a group "they" (هم); ه would be a person's.
    morphology::owner_pronoun(word)
        .filter(|&(_, gender, _)| gender != Some(Gender::M))
        .map(|(stem, _, _)| stem)
        .filter(|stem| crate::text::has_chars(stem, 3))
}

impl SourceLexicon {
    pub fn new(lex: &Lexicon) -> Self {
        let mut outlet_names = NameTable::default();
        let mut outlet_canonical = Vec::new();
        for (i, o) in lex.outlets.iter().enumerate() {
            outlet_canonical.push(o.name.clone());
            let ambiguous: HashSet<String> = folded_set(&o.ambiguous);
            let mut names: Vec<&String> = o.names.iter().collect();
            names.push(&o.name);
            names.extend(o.ambiguous.iter());
            for n in names {
                outlet_names.add(n, i, ambiguous.contains(&fold_str(n)));
            }
        }
        let mut state_names = NameTable::default();
        for (i, st) in lex.states.iter().enumerate() {
            for n in st.names.iter().chain([&st.name]) {
                state_names.add(n, i, false);
            }
        }
        let anaphors = lex
            .anaphors
            .iter()
            .map(|a| {
                (
                    fold_str(&a.noun),
                    AnaphorRule {
                        kinds: a.kinds.clone(),
                        gender: a.gender,
                        number: a.number,
                        honors: a
                            .honors
                            .iter()
                            .map(|t| bare(&fold_str(t)).to_string())
                            .collect(),
                        any_body: a.any_body,
                    },
                )
            })
            .collect();
        let titles = folded_set(&lex.person_titles);
        let title_heads: HashSet<String> = lex
            .person_titles
            .iter()
            .filter_map(|t| {
                let f = fold_str(t);
                let (head, _) = f.split_once(' ')?;
                Some(head.to_string())
            })
            .collect();
        let title_pieces = pieces_pattern(titles.iter().chain(&title_heads));
        SourceLexicon {
            outlet_names: outlet_names.finish(),
            outlet_canonical,
            state_names: state_names.finish(),
            state_canonical: lex.states.iter().map(|st| st.name.clone()).collect(),
            outlet_heads: lex
                .outlet_heads
                .iter()
                .map(|h| folded_words(h).into_iter().next().unwrap_or_default())
                .collect(),
            anonymous: folded_set(&lex.anonymous).into(),
            official: official_index(&lex.official),
            body_nouns: body_nouns(&lex.official).into(),
            group: folded_set(&lex.group).into(),
            document: folded_set(&lex.document).into(),
            norms: folded_set(&lex.norms).into(),
            naming: folded_set(&lex.naming_words).into(),
            norm_elatives: folded_set(&lex.norm_elatives).into(),
            accounts: folded_set(&lex.accounts).into(),
            person_titles: titles.into(),
            title_heads: title_heads.into(),
            title_pieces,
            anaphors,
            quantifiers: folded_set(&lex.quantifiers).into(),
            another: folded_set(&lex.another).into(),
            partitives: folded_set(&lex.partitives).into(),
            relational: folded_set(&lex.relational_titles).into(),
            houses: lex
                .house_words
                .iter()
                .map(|w| fold_str(w))
                .collect::<HashSet<String>>()
                .into(),
        }
    }

    fn in_set(set: &WordSet, w: &str) -> bool {
        let unprefixed = morphology::strip_bi_or_lam(w).filter(|r| crate::text::has_chars(r, 3));
        // A word is its own first reading and, with no article, its own
        // bare form: each key is asked once.
        let also_bare = |x: &str| {
            let b = bare(x);
            b.len() != x.len() && set.contains(b)
        };
        set.contains(w)
            || unprefixed.is_some_and(|r| set.contains(r) || also_bare(r))
            || readings(w).skip(1).any(|r| set.contains(r))
            || also_bare(w)
    }

    /// A page or account someone publishes on ("الصفحة الرسمية لـ").
    pub fn is_account(&self, w: &str) -> bool {
        Self::in_set(&self.accounts, w)
    }

    pub fn is_outlet_head(&self, w: &str) -> bool {
        Self::in_set(&self.outlet_heads, w)
    }

    pub fn is_anonymous_head(&self, w: &str) -> bool {
        Self::in_set(&self.anonymous, w)
    }

    /// A title, in the masculine or the feminine (وزيرة, المدعية: the
    /// lexicon lists وزير, المدعي).
    pub fn is_title(&self, w: &str) -> bool {
        let listed = |m: &str| crate::text::has_chars(m, 3) && Self::in_set(&self.person_titles, m);
        Self::in_set(&self.person_titles, w)
            || morphology::strip_feminine_ending(w).is_some_and(listed)
            // "مديرو التعليم": the plural in construct ("الرئيسين" is
            // left alone: two presidents are not one title).
            || morphology::strip_plural_construct(w).is_some_and(listed)
    }

    /// A title phrase of several folded words, its first word bare of a
    /// preposition ("لوكيل الوزارة").
    pub fn may_open_title_phrase(&self, w: &str) -> bool {
        let head = |h: &str| {
            self.title_heads.contains(h)
                || morphology::strip_feminine_ending(h)
                    .is_some_and(|m| crate::text::has_chars(m, 3) && self.title_heads.contains(m))
        };
        head(w) || morphology::strip_bi_or_lam(w).is_some_and(head)
    }

    /// Where, in a folded text, a one-word title or title head is written
    /// (as a whole word or inside one); None when there is no pattern to
    /// look with. A word with none inside it is no title and opens no title
    /// phrase, as every reading of a word is a piece of it.
    pub fn title_pieces<'a>(&'a self, folded: &'a str) -> Option<impl Iterator<Item = usize> + 'a> {
        let ac = self.title_pieces.as_ref()?;
        Some(ac.find_iter(folded).map(|m| m.start()))
    }

    /// A title of several words, in the masculine or the feminine
    /// ("المتحدثة باسم": the lexicon lists "المتحدث باسم"), its first word
    /// bare of a preposition ("لوكيل الوزارة").
    pub fn is_title_phrase(&self, phrase: &str) -> bool {
        let listed = |p: &str| {
            self.person_titles.contains(p)
                || p.split_once(' ').is_some_and(|(head, rest)| {
                    morphology::strip_feminine_ending(head).is_some_and(|m| {
                        crate::text::has_chars(m, 3)
                            && self.person_titles.contains(&format!("{m} {rest}"))
                    })
                })
        };
        listed(phrase) || morphology::strip_bi_or_lam(phrase).is_some_and(listed)
    }

    /// Whether `words` open with a title, of one word ("الوزير") or of
    /// several ("الأمين العام", "وكيل الوزارة").
    pub fn opens_with_title(&self, words: &[&str]) -> bool {
        words
            .split_first()
            .is_some_and(|(first, rest)| self.title_length(first, rest.iter().copied()) > 0)
    }

    /// How many words a title starting with `first` spans, the words after
    /// it being `rest`: one ("الوزير"), or several ("الأمين العام", "وكيل
    /// الوزارة") when the first alone is too ambiguous to be one; 0 when no
    /// title starts there.
    pub fn title_length<'w>(&self, first: &str, rest: impl Iterator<Item = &'w str>) -> usize {
        let single = usize::from(self.is_title(first));
        if !self.may_open_title_phrase(first) {
            return single;
        }
        let mut phrase = first.to_string();
        rest.take(MAX_TITLE_WORDS - 1)
            .enumerate()
            .filter_map(|(i, w)| {
                phrase.push(' ');
                phrase.push_str(w);
                self.is_title_phrase(&phrase).then_some(i + 2)
            })
            .last()
            .unwrap_or(single)
    }

    /// A word that gives a described person's name ("يدعى").
    pub fn is_naming(&self, w: &str) -> bool {
        self.naming.contains(w)
    }

    /// A document noun: بيان, تقرير, رسالة.
    pub fn is_document(&self, w: &str) -> bool {
        Self::in_set(&self.document, w)
    }

    /// A rule, plan or agreement: what "وفقا لـ" and "حسب" follow when they
    /// mean "in accordance with", not "according to" ("وفقا لأحكام الدستور").
    pub fn is_norm(&self, w: &str) -> bool {
        Self::in_set(&self.norms, w)
    }

    /// Whether a phrase's words name a rule: a rule's noun, or a superlative
    /// before one ("أعلى المعايير").
    pub fn names_norm(&self, words: &[&str]) -> bool {
        match words {
            [first, ..] if self.is_norm(first) => true,
            [first, second, ..] => Self::in_set(&self.norm_elatives, first) && self.is_norm(second),
            _ => false,
        }
    }

    pub fn is_quantifier(&self, w: &str) -> bool {
        Self::in_set(&self.quantifiers, w) || w.chars().all(|c| c.is_ascii_digit())
    }

    /// The outlet named at `words[i..]`: (outlet index, words used).
    pub fn outlet_at(&self, words: &[&str], i: usize, after_head: bool) -> Option<(usize, usize)> {
        name_at(&self.outlet_names, words, i, after_head)
    }

    /// The state a phrase opens with, where no outlet's name of as many
    /// words or more is meant: "قالت الرياض" is the government, "صحيفة
    /// الرياض" and "روسيا اليوم" are outlets.
    /// Only a state's whole name, with at most adjectives after it: "باريس
    /// سان جيرمان" and "رياض درار" are no states.
    fn state_opening(&self, words: &[&str]) -> Option<usize> {
        let (s, n) = name_at(&self.state_names, words, 0, true)?;
        let outlet = name_at(&self.outlet_names, words, 0, false);
        let whole = words[n..].iter().all(|w| is_definite(w));
        (whole && outlet.is_none_or(|(_, on)| on < n)).then_some(s)
    }

    /// A one-word name of a state (روسيا, موسكو).
    pub fn is_state_name(&self, w: &str) -> bool {
        name_at(&self.state_names, &[w], 0, true).is_some_and(|(_, n)| n == 1)
    }

    /// A state's one-word name written as listed, with no article and no
    /// clitic: "واشنطن", "روسيا" (not "السعودية", also an adjective, nor
    /// "رياض", a given name).
    pub fn is_bare_state_name(&self, w: &str) -> bool {
        !is_definite(w)
            && self
                .state_names
                .get(bare(w))
                .into_iter()
                .flatten()
                .any(|name| name.words.len() == 1 && name.words[0] == w)
    }

    /// A one-word name of a country itself, the entry's own name (روسيا,
    /// not موسكو: a capital often stands in a club's or a person's name,
    /// "ريال مدريد", "باريس سان جيرمان").
    pub fn is_country_name(&self, w: &str) -> bool {
        name_at(&self.state_names, &[w], 0, true)
            .is_some_and(|(s, n)| n == 1 && fold_str(&self.state_canonical[s]) == w)
    }

    pub fn canonical(&self, outlet: usize) -> &str {
        &self.outlet_canonical[outlet]
    }

    /// A body's common noun, which takes a genitive: "غرفة" in "غرفة مكة".
    pub fn is_body_noun(&self, w: &str) -> bool {
        self.body_nouns.contains(w)
    }

    /// The noun that heads an official body or an organisation: "مؤسسة",
    /// "شركة", "منظمة" — a quoted name may follow it.
    pub fn is_body_head(&self, w: &str) -> bool {
        self.official_at(&[w], 0)
    }

    /// Whether `w` is the word for a family's house (آل).
    pub fn is_house(&self, w: &str) -> bool {
        self.houses.contains(w)
    }

    pub fn anaphor(&self, w: &str) -> Option<AnaphorRule> {
        self.anaphors
            .get(w)
            .or_else(|| readings(w).find_map(|r| self.anaphors.get(r)))
            .or_else(|| {
                morphology::restore_article_after_lam(w).and_then(|r| self.anaphors.get(&r))
            })
            .cloned()
            // Any title with the article points back to a person of its
            // gender, as the listed ones do ("وقالت المدعية").
            .or_else(|| {
                (morphology::has_article(w) && self.is_title(w)).then(|| AnaphorRule {
                    kinds: vec![SourceKind::Person, SourceKind::Anonymous],
                    gender: gender_of_noun(w),
                    number: Number::Sg,
                    honors: Vec::new(),
                    any_body: false,
                })
            })
    }
}

/// One automaton for the keys made of word chars only (the others cannot
/// lie inside a word); None when there are none or it cannot be built.
fn pieces_pattern<'k>(keys: impl Iterator<Item = &'k String>) -> Option<aho_corasick::AhoCorasick> {
    let mut keys: Vec<&String> = keys
        .filter(|k| !k.is_empty() && k.chars().all(crate::text::is_word_char))
        .collect();
    keys.sort();
    keys.dedup();
    if keys.is_empty() {
        return None;
    }
    // A full DFA and no prefilter: the keys are many and their letters
    // common, so a prefilter would stop at almost every word.
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .prefilter(false)
        .build(keys)
        .ok()
}

/// Each official body's words bare of ال, indexed by the first: a phrase's
/// words are compared with the few bodies that start like it, not with all.
fn official_index(list: &[String]) -> WordMap<Vec<Vec<String>>> {
    let mut index: HashMap<String, Vec<Vec<String>>> = HashMap::default();
    for o in list {
        let words: Vec<String> = folded_words(o)
            .iter()
            .map(|w| bare(w).to_string())
            .collect();
        if let Some(first) = words.first() {
            index.entry(first.clone()).or_default().push(words);
        }
    }
    index.into()
}

/// A definite word, behind a conjunction or preposition too: الأمن,
/// للقوات, والإعلام, بالأمانة.
pub fn is_definite(w: &str) -> bool {
    morphology::is_definite(w)
}

/// Grammatical gender of a noun by its ending: ة (folded to ه) is feminine.
pub fn gender_of_noun(w: &str) -> Gender {
    if morphology::is_feminine_noun(w) {
        Gender::F
    } else {
        Gender::M
    }
}

/// Sound plurals and quantified nouns are plural.
pub fn number_of_noun(w: &str, quantified: bool) -> Number {
    if quantified || morphology::is_sound_plural(w) {
        Number::Pl
    } else {
        Number::Sg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(phrase: &str) -> Reading {
        let lex = SourceLexicon::new(&Lexicon::builtin());
        let f = fold_str(phrase);
        let words: Vec<&str> = f.split(' ').collect();
        lex.read(&words)
    }

    #[test]
    fn phrases_get_their_source_kind() {
        let r = read("صحيفة نيويورك تايمز الأمريكية");
        assert_eq!(
            (r.kind, r.canonical.as_deref()),
            (SourceKind::Outlet, Some("New York Times"))
        );
        assert_eq!(
            read("New York Times").canonical.as_deref(),
            Some("New York Times")
        );
        assert_eq!(
            read("ذا غارديان").canonical.as_deref(),
            Some("The Guardian")
        );
        assert_eq!(read("سي أن أن").canonical.as_deref(), Some("CNN"));
        assert_eq!(read("أربعة مسئولين حاليين").kind, SourceKind::Anonymous);
        assert_eq!(read("مصدر في البيت الأبيض").kind, SourceKind::Anonymous);
        assert_eq!(read("البيت الأبيض").kind, SourceKind::Official);
        assert_eq!(read("ريكس تيلرسون").kind, SourceKind::Person);
        assert!(read("الصحيفة").anaphor.is_some());
        assert!(read("للصحيفة").anaphor.is_some());
        assert_eq!(read("تقرير").kind, SourceKind::Document);
    }
}
