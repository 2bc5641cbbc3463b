//! Affix rules of Arabic words (the article and its clitic forms, pronoun
//! suffixes, plural endings), read from `src/lexicon/morphology.yaml` so
//! that no stage spells them out in code.
//!
//! The table is fixed at build time: `--lexicon FILE` does not reach it.
//! Affixes are the spelling of the language, not a list a user grows, and
//! the functions here rely on its shape (no two article forms are prefixes
//! of one another, so the first that matches is the only one). All words
//! are folded (see `crate::text::fold_str`).

mod clitics;

pub use clitics::*;
use serde::Deserialize;
use std::sync::OnceLock;

use crate::lexicon::{Gender, Number};

const DATA: &str = include_str!("../../lexicon/morphology.yaml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Articles {
    bare: Affix,
    wa: Affix,
    fa: Affix,
    bi: Affix,
    li: Affix,
    ka: Affix,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Prepositions {
    bi: char,
    li: char,
    ka: char,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pronouns {
    masculine: Affix,
    feminine: Affix,
    dual: Affix,
    plural: Affix,
    feminine_plural: Affix,
    first_singular: Affix,
    first_plural: Affix,
    second_plural: Affix,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Endings {
    masculine_plural: Vec<Affix>,
    feminine_plural: Affix,
    nisba: Affix,
    nisba_feminine: Affix,
    nisba_plural: Vec<Affix>,
    nisba_construct: Affix,
    plural_construct: Affix,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbPlural {
    ending: String,
    before_pronoun: String,
}

/// A final letter as written before a pronoun and as folding writes it bare.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Respelling {
    written: Affix,
    folded: Affix,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BeforePronoun {
    maqsura: Respelling,
    ta_marbuta: Respelling,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Morphology {
    articles: Articles,
    conjunctions: Vec<char>,
    and: char,
    prepositions: Prepositions,
    long_vowels: Vec<char>,
    detached_lam: Vec<String>,
    pronouns: Pronouns,
    endings: Endings,
    verb_plural: VerbPlural,
    feminine_perfect: String,
    before_pronoun: BeforePronoun,
    future_prefix: Affix,
    imperfect_prefixes: Vec<char>,
    third_person_prefixes: Vec<char>,
    root_prefixes: Vec<char>,
    form_x_prefix: Affix,
    stem_suffixes: Vec<String>,
    dual: Affix,
    proclitics: Vec<char>,
}

/// An affix of at most 8 bytes, also held as one integer: attribution asks
/// about the affixes of every token, and comparing a few bytes through
/// `memcmp` (as `str::starts_with` does with a string known only at run
/// time) made it an eighth slower than with the letters spelt in code.
#[derive(Deserialize)]
#[serde(try_from = "String")]
struct Affix {
    text: String,
    packed: u64,
    /// The byte that tells most affixes apart at each end, checked first:
    /// most words have none of the affixes asked about. An Arabic letter's
    /// first byte is one of a few, so at the start it is the second byte.
    head_probe: u8,
    tail_probe: u8,
}

impl TryFrom<String> for Affix {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        if text.is_empty() || text.len() > 8 {
            return Err(format!("affix {text:?} is empty or longer than 8 bytes"));
        }
        let bytes = text.as_bytes();
        Ok(Affix {
            packed: pack(bytes),
            head_probe: bytes[1.min(bytes.len() - 1)],
            tail_probe: bytes[bytes.len() - 1],
            text,
        })
    }
}

/// Up to 8 bytes as one integer; the same bytes give the same integer.
#[inline]
fn pack(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |x, &b| (x << 8) | u64::from(b))
}

impl Affix {
    #[inline]
    fn len(&self) -> usize {
        self.text.len()
    }

    #[inline]
    fn prefix_of(&self, w: &str) -> bool {
        let probe = 1.min(self.len() - 1);
        w.as_bytes().get(probe) == Some(&self.head_probe)
            && w.as_bytes()
                .get(..self.len())
                .is_some_and(|b| pack(b) == self.packed)
    }

    #[inline]
    fn suffix_of(&self, w: &str) -> bool {
        w.as_bytes().last() == Some(&self.tail_probe)
            && w.len()
                .checked_sub(self.len())
                .and_then(|at| w.as_bytes().get(at..))
                .is_some_and(|b| pack(b) == self.packed)
    }

    /// `w` after this prefix. The affix is whole UTF-8, so where its bytes
    /// end a char ends.
    #[inline]
    fn strip_prefix<'w>(&self, w: &'w str) -> Option<&'w str> {
        if self.prefix_of(w) {
            w.get(self.len()..)
        } else {
            None
        }
    }

    /// `w` before this suffix.
    #[inline]
    fn strip_suffix<'w>(&self, w: &'w str) -> Option<&'w str> {
        if self.suffix_of(w) {
            w.get(..w.len() - self.len())
        } else {
            None
        }
    }
}

/// The table, parsed on first use.
#[inline]
fn table() -> &'static Morphology {
    static TABLE: OnceLock<Morphology> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The file is built in and tested; failing here is a build defect.
        crate::io::yaml::from_str(DATA)
            .unwrap_or_else(|e| panic!("built-in lexicon morphology.yaml is invalid: {e}"))
    })
}

/// The byte length of `w`'s first char when it is one of `letters`.
#[inline]
fn first_letter_in(w: &str, letters: &[char]) -> Option<usize> {
    let c = w.chars().next()?;
    letters.contains(&c).then(|| c.len_utf8())
}

/// `w` without its first char when it is one of `letters`.
#[inline]
fn strip_letter<'w>(w: &'w str, letters: &[char]) -> Option<&'w str> {
    first_letter_in(w, letters).and_then(|n| w.get(n..))
}

/// The first of `affixes` that `w` starts with, and what follows it.
#[inline]
fn strip_first_prefix<'w>(w: &'w str, affixes: &[&Affix]) -> Option<&'w str> {
    affixes.iter().find_map(|a| a.strip_prefix(w))
}

/// The first of `affixes` that `w` ends with, and what precedes it.
#[inline]
fn strip_first_suffix<'w>(w: &'w str, affixes: &[&Affix]) -> Option<&'w str> {
    affixes.iter().find_map(|a| a.strip_suffix(w))
}

// The article.

// Prepositions written onto a word.

// Pronoun suffixes.

/// `w` without an object pronoun written onto a verb ("نفته", "أكدها",
/// "أبلغني"). Not هن: no cue takes it in news, and words such as
/// "الراهن" end in its letters.
#[inline]
pub fn strip_object_pronoun(w: &str) -> Option<&str> {
    let p = &table().pronouns;
    strip_first_suffix(
        w,
        &[
            &p.dual,
            &p.feminine,
            &p.first_plural,
            &p.plural,
            &p.second_plural,
            &p.masculine,
            &p.first_singular,
        ],
    )
}

/// `w` without a third-person pronoun other than ه (هما, هم, هن, ها):
/// those whose letters a folded ة does not share.
#[inline]
pub fn strip_third_person_pronoun(w: &str) -> Option<&str> {
    let p = &table().pronouns;
    strip_first_suffix(w, &[&p.dual, &p.plural, &p.feminine_plural, &p.feminine])
}

/// `w` without the masculine pronoun ه. Folding writes ة as ه too: the
/// caller checks the letter as written.
#[inline]
pub fn strip_masculine_pronoun(w: &str) -> Option<&str> {
    table().pronouns.masculine.strip_suffix(w)
}

/// `w` without a singular third-person pronoun, ها or ه ("شكواها", "شكواه").
#[inline]
pub fn strip_singular_pronoun(w: &str) -> Option<&str> {
    let p = &table().pronouns;
    strip_first_suffix(w, &[&p.feminine, &p.masculine])
}

/// `w` without the pronoun of an owner, and whom it stands for: a body or
/// a woman (ها, feminine singular), a group (هم, plural, either gender)
/// or a man (ه, masculine singular). "مصادرها", "رئيسهم", "مصدره".
#[inline]
pub fn owner_pronoun(w: &str) -> Option<(&str, Option<Gender>, Number)> {
    let p = &table().pronouns;
    if let Some(stem) = p.feminine.strip_suffix(w) {
        Some((stem, Some(Gender::F), Number::Sg))
    } else if let Some(stem) = p.plural.strip_suffix(w) {
        Some((stem, None, Number::Pl))
    } else {
        strip_masculine_pronoun(w).map(|stem| (stem, Some(Gender::M), Number::Sg))
    }
}

/// The longest pronoun suffix in bytes (هما): how long a particle with a
/// pronoun written onto it may be.
#[inline]
pub fn longest_pronoun_len() -> usize {
    table().pronouns.dual.len()
}

/// Whether `c` is a long vowel (ا, و, ي).
#[inline]
pub fn is_long_vowel(c: char) -> bool {
    table().long_vowels.contains(&c)
}

// Endings.

/// `w` without the feminine ending ة (folded ه): "المتحدثة" → "المتحدث".
#[inline]
pub fn strip_feminine_ending(w: &str) -> Option<&str> {
    table().before_pronoun.ta_marbuta.folded.strip_suffix(w)
}

/// `w` without the و of a masculine plural in construct: "مديرو" → "مدير".
#[inline]
pub fn strip_plural_construct(w: &str) -> Option<&str> {
    table().endings.plural_construct.strip_suffix(w)
}

/// Whether `w` ends as a sound plural: ون, ين or ات.
#[inline]
pub fn is_sound_plural(w: &str) -> bool {
    is_masculine_sound_plural(w) || table().endings.feminine_plural.suffix_of(w)
}

/// Whether `w` ends as a masculine sound plural: ون or ين.
#[inline]
pub fn is_masculine_sound_plural(w: &str) -> bool {
    table()
        .endings
        .masculine_plural
        .iter()
        .any(|e| e.suffix_of(w))
}

/// Whether `w` ends as a feminine noun: in ة (folded ه) or, plural, in ات.
#[inline]
pub fn is_feminine_noun(w: &str) -> bool {
    table().before_pronoun.ta_marbuta.folded.suffix_of(w)
        || table().endings.feminine_plural.suffix_of(w)
}

/// Whether `w` ends in the nisba's ي ("السعودي"; also any word in ي).
#[inline]
pub fn ends_with_nisba(w: &str) -> bool {
    table().endings.nisba.suffix_of(w)
}

/// Whether `w` ends in يه, a feminine nisba once ة is folded ("الدولية").
/// The caller checks that the ه was written ة.
#[inline]
pub fn ends_with_feminine_nisba(w: &str) -> bool {
    table().endings.nisba_feminine.suffix_of(w)
}

/// Whether `w` ends as a plural nisba: يين or يون ("المصريين").
#[inline]
pub fn is_nisba_plural(w: &str) -> bool {
    table().endings.nisba_plural.iter().any(|e| e.suffix_of(w))
}

/// Whether `w` ends in يي, a nisba's plural in construct.
#[inline]
pub fn ends_with_nisba_construct(w: &str) -> bool {
    table().endings.nisba_construct.suffix_of(w)
}

// Verbs.

/// A past verb's plural form as written before an object pronoun: "نفوا"
/// → "نفو" (as in "نفوه").
#[inline]
pub fn plural_verb_before_pronoun(w: &str) -> Option<String> {
    let v = &table().verb_plural;
    w.strip_suffix(v.ending.as_str())
        .map(|stem| format!("{stem}{}", v.before_pronoun))
}

/// `w` without the future prefix س ("سيعلن" → "يعلن").
#[inline]
pub fn strip_future_prefix(w: &str) -> Option<&str> {
    table().future_prefix.strip_prefix(w)
}

/// Whether `w` starts with a prefix of the imperfect (ي, ت, ن, or أ folded
/// to ا).
#[inline]
/// Whether a word read as a past verb has the feminine singular ending
/// ("نظمت"); three letters at least, so that a bare root is no such form.
pub fn is_feminine_perfect(w: &str) -> bool {
    w.ends_with(table().feminine_perfect.as_str()) && crate::text::has_chars(w, 3)
}

pub fn is_imperfect(w: &str) -> bool {
    first_letter_in(w, &table().imperfect_prefixes).is_some()
}

/// Whether `w` starts like a third person imperfect verb (ي, ت).
pub fn is_third_person_imperfect(w: &str) -> bool {
    first_letter_in(w, &table().third_person_prefixes).is_some()
}

/// Whether `c` is a letter a rough root drops from a word's start.
pub fn is_root_prefix(c: char) -> bool {
    table().root_prefixes.contains(&c)
}

/// Whether `w` starts with the prefix of a form X verb (است).
#[inline]
pub fn has_form_x_prefix(w: &str) -> bool {
    table().form_x_prefix.prefix_of(w)
}

// Letters respelt before a pronoun.

/// A stem that ended in ى, written ا before a pronoun, back in its folded
/// spelling: "شكوا" (from "شكواه") → "شكوي".
#[inline]
pub fn restore_maqsura(stem: &str) -> Option<String> {
    respell(stem, &table().before_pronoun.maqsura)
}

/// A stem that ended in ة, written ت before a pronoun, back in its folded
/// spelling: "كلمت" (from "كلمته") → "كلمه".
#[inline]
pub fn restore_ta_marbuta(stem: &str) -> Option<String> {
    respell(stem, &table().before_pronoun.ta_marbuta)
}

#[inline]
fn respell(stem: &str, r: &Respelling) -> Option<String> {
    r.written
        .strip_suffix(stem)
        .map(|s| format!("{s}{}", r.folded.text))
}

// The light stemmer's affixes (src/compare/stem.rs).

/// Suffixes the stemmer strips, longest first.
#[inline]
pub fn stem_suffixes() -> &'static [String] {
    &table().stem_suffixes
}

/// Whether `suffix` is the dual ending ان.
#[inline]
pub fn is_dual_ending(suffix: &str) -> bool {
    suffix == table().dual.text
}

/// Single-letter proclitics: conjunctions and prepositions.
#[inline]
pub fn proclitics() -> &'static [char] {
    &table().proclitics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_str as fold;

    #[test]
    fn short_and_odd_words_are_safe() {
        for w in ["", "ا", "ل", "x", "😀", "ـ"] {
            let _ = (
                strip_object_pronoun(w),
                strip_article_for_lookup(w),
                is_definite(w),
            );
            let _ = (
                strip_conjunction(w),
                trim_conjunctions(w),
                is_lam(w),
                owner_pronoun(w),
            );
        }
        assert_eq!(strip_article("ا"), None);
        assert_eq!(strip_article("ال"), Some(""));
    }

    #[test]
    fn the_table_parses() {
        assert_eq!(article(), "ال");
        assert_eq!(stem_suffixes().len(), 15);
    }

    #[test]
    fn article_forms() {
        assert_eq!(strip_article(&fold("الوزير")), Some("وزير"));
        assert_eq!(with_article("رئيس"), "الرئيس");
        assert!(has_lam_article(&fold("للصحيفة")));
        assert!(has_bi_article(&fold("بالجهود")));
        assert!(has_article_after_preposition(&fold("كالعادة")));
        assert!(!has_article_after_preposition(&fold("الوزير")));
        assert_eq!(strip_any_article(&fold("فالرئيس")), Some("رئيس"));
        assert_eq!(strip_article_for_lookup(&fold("والوزارة")), Some("وزاره"));
        assert_eq!(strip_article_for_lookup(&fold("فالرئيس")), None);
        assert_eq!(
            restore_article_after_lam(&fold("للصحيفة")).as_deref(),
            Some("الصحيفه")
        );
    }

    #[test]
    fn definite_words() {
        for w in ["الأمن", "للقوات", "والإعلام", "بالأمانة", "كالعادة"]
        {
            assert!(is_definite(&fold(w)), "{w}");
        }
        for w in ["وكالة", "رويترز", "لوزير"] {
            assert!(!is_definite(&fold(w)), "{w}");
        }
    }

    #[test]
    fn detached_lam() {
        assert!(ends_with_detached_lam("وفقا لـ"));
        assert!(ends_with_detached_lam("وفقا ل"));
        assert!(!ends_with_detached_lam("نقلا عن"));
        assert!(is_lam("ل") && !is_lam("لل") && !is_lam(""));
        assert_eq!(strip_bi_or_lam(&fold("لوكيل")), Some("وكيل"));
        assert_eq!(strip_bi_lam_or_and("ورويترز"), Some("رويترز"));
        assert!(starts_with_preposition(&fold("كأحد")));
        assert_eq!(trim_conjunctions("وفقال"), "قال");
        assert!(is_long_vowel('و') && !is_long_vowel('ب'));
        assert_eq!(trim_and("ولكنه"), "لكنه");
        assert_eq!(strip_and("وقال"), Some("قال"));
    }

    #[test]
    fn pronouns() {
        assert_eq!(strip_object_pronoun("نفته"), Some("نفت"));
        assert_eq!(strip_object_pronoun("اكدها"), Some("اكد"));
        assert_eq!(strip_object_pronoun("ابلغني"), Some("ابلغ"));
        assert_eq!(strip_object_pronoun("الراهن"), None);
        assert_eq!(strip_third_person_pronoun("قولهم"), Some("قول"));
        assert_eq!(strip_third_person_pronoun("مصدره"), None);
        assert_eq!(strip_singular_pronoun("شكواه"), Some("شكوا"));
        assert_eq!(
            owner_pronoun("مصادرها"),
            Some(("مصادر", Some(Gender::F), Number::Sg))
        );
        assert_eq!(owner_pronoun("رئيسهم"), Some(("رئيس", None, Number::Pl)));
        assert_eq!(
            owner_pronoun("مصدره"),
            Some(("مصدر", Some(Gender::M), Number::Sg))
        );
        assert_eq!(longest_pronoun_len(), "هما".len());
    }

    #[test]
    fn endings() {
        assert!(is_sound_plural(&fold("المسؤولون")));
        assert!(is_sound_plural(&fold("الحكومات")));
        assert!(!is_masculine_sound_plural(&fold("الحكومات")));
        assert!(is_feminine_noun(&fold("الصحيفة")));
        assert!(!is_feminine_noun(&fold("الوزير")));
        assert!(ends_with_nisba(&fold("السعودي")));
        assert!(ends_with_feminine_nisba(&fold("الدولية")));
        assert!(is_nisba_plural(&fold("المصريين")));
        assert!(ends_with_nisba_construct(&fold("مسؤوليي")));
        assert_eq!(strip_feminine_ending(&fold("المتحدثة")), Some("المتحدث"));
        assert_eq!(strip_plural_construct(&fold("مديرو")), Some("مدير"));
    }

    #[test]
    fn verbs_and_respellings() {
        assert_eq!(plural_verb_before_pronoun("نفوا").as_deref(), Some("نفو"));
        assert!(has_form_x_prefix(&fold("استقبل")));
        assert_eq!(strip_future_prefix("سيعلن"), Some("يعلن"));
        assert!(is_imperfect(&fold("أقول")) && !is_imperfect("قال"));
        assert_eq!(restore_maqsura("شكوا").as_deref(), Some("شكوي"));
        assert_eq!(restore_ta_marbuta("كلمت").as_deref(), Some("كلمه"));
        assert!(is_dual_ending("ان"));
    }
}
