//! Affix rules of Arabic words (the article and its clitic forms, pronoun
//! suffixes, plural endings), read from `src/lexicon/morphology.yaml` so
//! that no stage spells them out in code.
//!
//! The table is fixed at build time: `--lexicon FILE` does not reach it.
//! Affixes are the spelling of the language, not a list a user grows, and
//! the functions here rely on its shape (no two article forms are prefixes
//! of one another, so the first that matches is the only one). All words
//! are folded (see `crate::text::fold_str`).

use serde::Deserialize;
use std::sync::OnceLock;

use crate::lexicon::{Gender, Number};

const DATA: &str = include_str!("../lexicon/morphology.yaml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Articles {
    bare: String,
    wa: String,
    fa: String,
    bi: String,
    li: String,
    ka: String,
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
    masculine: String,
    feminine: String,
    dual: String,
    plural: String,
    feminine_plural: String,
    first_singular: String,
    first_plural: String,
    second_plural: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Endings {
    masculine_plural: Vec<String>,
    feminine_plural: String,
    nisba: String,
    nisba_feminine: String,
    nisba_plural: Vec<String>,
    nisba_construct: String,
    plural_construct: String,
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
    written: String,
    folded: String,
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
    before_pronoun: BeforePronoun,
    future_prefix: String,
    imperfect_prefixes: Vec<char>,
    form_x_prefix: String,
    stem_suffixes: Vec<String>,
    dual: String,
    proclitics: Vec<char>,
}

/// The table, parsed on first use.
fn table() -> &'static Morphology {
    static TABLE: OnceLock<Morphology> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The file is built in and tested; failing here is a build defect.
        crate::yaml::from_str(DATA)
            .unwrap_or_else(|e| panic!("built-in lexicon morphology.yaml is invalid: {e}"))
    })
}

/// The first of `affixes` that `w` starts with, and what follows it.
fn strip_first_prefix<'w>(w: &'w str, affixes: &[&String]) -> Option<&'w str> {
    affixes.iter().find_map(|a| w.strip_prefix(a.as_str()))
}

/// The first of `affixes` that `w` ends with, and what precedes it.
fn strip_first_suffix<'w>(w: &'w str, affixes: &[&String]) -> Option<&'w str> {
    affixes.iter().find_map(|a| w.strip_suffix(a.as_str()))
}

// The article.

/// The bare article ال.
pub fn article() -> &'static str {
    &table().articles.bare
}

/// Whether `w` starts with the bare article ("الوزير"; also "الا", since
/// folding writes إلا like it).
pub fn has_article(w: &str) -> bool {
    w.starts_with(article())
}

/// `w` without its bare article.
pub fn strip_article(w: &str) -> Option<&str> {
    w.strip_prefix(article())
}

/// `stem` with the article: "رئيس" → "الرئيس".
pub fn with_article(stem: &str) -> String {
    format!("{}{stem}", article())
}

/// Whether `w` starts with ل + ال, written لل ("للصحيفة").
pub fn has_lam_article(w: &str) -> bool {
    w.starts_with(table().articles.li.as_str())
}

/// Whether `w` starts with ب + ال ("بالفعل", "بالجهود").
pub fn has_bi_article(w: &str) -> bool {
    w.starts_with(table().articles.bi.as_str())
}

/// Whether `w` starts with the article behind a preposition: بال, لل, كال.
pub fn has_article_after_preposition(w: &str) -> bool {
    let a = &table().articles;
    [&a.bi, &a.li, &a.ka]
        .iter()
        .any(|p| w.starts_with(p.as_str()))
}

/// Whether `w` is definite: the article, bare or behind a preposition
/// (الأمن, للقوات, بالأمانة, كالعادة), behind a conjunction too (والإعلام).
/// After و a word in كال is not taken for ك + ال: "وكالة" is "agency".
pub fn is_definite(w: &str) -> bool {
    let a = &table().articles;
    let w = w
        .strip_prefix(table().conjunctions.as_slice())
        .filter(|r| {
            [&a.bare, &a.li, &a.bi]
                .iter()
                .any(|p| r.starts_with(p.as_str()))
        })
        .unwrap_or(w);
    has_article(w) || has_article_after_preposition(w)
}

/// `w` without the article in any of its forms (bare, or behind و, ف, ب,
/// ل, ك): what the stemmer of `compare` strips.
pub fn strip_any_article(w: &str) -> Option<&str> {
    let a = &table().articles;
    strip_first_prefix(w, &[&a.wa, &a.bi, &a.ka, &a.fa, &a.li, &a.bare])
}

/// `w` without the article, bare or behind و, ب or ل: the forms that the
/// source look-ups fold away, so that "والوزارة", "للصحيفة" and "الصحيفة"
/// find the lexicon's "صحيفة". (ك and ف are not tried: the look-up keys
/// were tuned without them.)
pub fn strip_article_for_lookup(w: &str) -> Option<&str> {
    let a = &table().articles;
    strip_first_prefix(w, &[&a.wa, &a.bi, &a.li, &a.bare])
}

// Prepositions written onto a word.

fn lam() -> char {
    table().prepositions.li
}

/// The length in bytes of the preposition ل, to skip it in a word.
pub fn lam_len() -> usize {
    lam().len_utf8()
}

/// Whether `w` is ل standing alone ("لـ CNN", the tatweel folded away).
pub fn is_lam(w: &str) -> bool {
    w.strip_prefix(lam()).is_some_and(str::is_empty)
}

/// Whether `w` starts with the letter ل.
pub fn starts_with_lam(w: &str) -> bool {
    w.starts_with(lam())
}

/// `w` without a first letter ل.
pub fn strip_lam(w: &str) -> Option<&str> {
    w.strip_prefix(lam())
}

/// `w` without its first ل, with the alef the article lost after it put
/// back: "للصحيفة" → "الصحيفة".
pub fn restore_article_after_lam(w: &str) -> Option<String> {
    let alef = article().strip_suffix(lam()).unwrap_or_default();
    strip_lam(w).map(|rest| format!("{alef}{rest}"))
}

/// Whether `w` starts with a preposition written onto it: ب, ل or ك.
pub fn starts_with_preposition(w: &str) -> bool {
    let p = &table().prepositions;
    w.starts_with([p.bi, p.li, p.ka])
}

/// Whether `w` starts with ب or ل.
pub fn starts_with_bi_or_lam(w: &str) -> bool {
    strip_bi_or_lam(w).is_some()
}

/// `w` without a ب or ل written onto it ("لوكيل الوزارة").
pub fn strip_bi_or_lam(w: &str) -> Option<&str> {
    let p = &table().prepositions;
    w.strip_prefix([p.li, p.bi])
}

/// Whether `w` starts with the letter ب.
pub fn starts_with_bi(w: &str) -> bool {
    strip_bi(w).is_some()
}

/// `w` without a first letter ب.
pub fn strip_bi(w: &str) -> Option<&str> {
    w.strip_prefix(table().prepositions.bi)
}

/// `w` without a ل, ب or و written onto it ("لرويترز", "ورويترز").
pub fn strip_bi_lam_or_and(w: &str) -> Option<&str> {
    let p = &table().prepositions;
    w.strip_prefix([p.li, p.bi, table().and])
}

/// Whether a lexicon phrase ends in a detached ل ("وفقا لـ", "وفقا ل"):
/// its object is written onto the ل in the text.
pub fn ends_with_detached_lam(phrase: &str) -> bool {
    table()
        .detached_lam
        .iter()
        .any(|l| phrase.ends_with(l.as_str()))
}

/// `w` without the conjunction و written before it, once or more.
pub fn trim_and(w: &str) -> &str {
    w.trim_start_matches(table().and)
}

/// `w` without one conjunction و written onto it.
pub fn strip_and(w: &str) -> Option<&str> {
    w.strip_prefix(table().and)
}

/// Whether `w` starts with the conjunction و.
pub fn starts_with_and(w: &str) -> bool {
    w.starts_with(table().and)
}

/// The length in bytes of the conjunction و, to skip it in a word.
pub fn and_len() -> usize {
    table().and.len_utf8()
}

/// Whether `c` is a conjunction that may be written onto a word (و, ف).
pub fn is_conjunction(c: char) -> bool {
    table().conjunctions.contains(&c)
}

/// `w` without the conjunctions written before it (و, ف), once or more.
pub fn trim_conjunctions(w: &str) -> &str {
    w.trim_start_matches(table().conjunctions.as_slice())
}

/// Whether `w` starts with a conjunction written onto it (و, ف).
pub fn starts_with_conjunction(w: &str) -> bool {
    w.starts_with(table().conjunctions.as_slice())
}

/// `w` without one conjunction written onto it (و, ف).
pub fn strip_conjunction(w: &str) -> Option<&str> {
    w.strip_prefix(table().conjunctions.as_slice())
}

// Pronoun suffixes.

/// `w` without an object pronoun written onto a verb ("نفته", "أكدها",
/// "أبلغني"). Not هن: no cue takes it in news, and words such as
/// "الراهن" end in its letters.
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
pub fn strip_third_person_pronoun(w: &str) -> Option<&str> {
    let p = &table().pronouns;
    strip_first_suffix(w, &[&p.dual, &p.plural, &p.feminine_plural, &p.feminine])
}

/// `w` without the masculine pronoun ه. Folding writes ة as ه too: the
/// caller checks the letter as written.
pub fn strip_masculine_pronoun(w: &str) -> Option<&str> {
    w.strip_suffix(table().pronouns.masculine.as_str())
}

/// `w` without a singular third-person pronoun, ها or ه ("شكواها", "شكواه").
pub fn strip_singular_pronoun(w: &str) -> Option<&str> {
    let p = &table().pronouns;
    strip_first_suffix(w, &[&p.feminine, &p.masculine])
}

/// `w` without the pronoun of an owner, and whom it stands for: a body or
/// a woman (ها, feminine singular), a group (هم, plural, either gender)
/// or a man (ه, masculine singular). "مصادرها", "رئيسهم", "مصدره".
pub fn owner_pronoun(w: &str) -> Option<(&str, Option<Gender>, Number)> {
    let p = &table().pronouns;
    if let Some(stem) = w.strip_suffix(p.feminine.as_str()) {
        Some((stem, Some(Gender::F), Number::Sg))
    } else if let Some(stem) = w.strip_suffix(p.plural.as_str()) {
        Some((stem, None, Number::Pl))
    } else {
        strip_masculine_pronoun(w).map(|stem| (stem, Some(Gender::M), Number::Sg))
    }
}

/// The longest pronoun suffix in bytes (هما): how long a particle with a
/// pronoun written onto it may be.
pub fn longest_pronoun_len() -> usize {
    table().pronouns.dual.len()
}

/// Whether `c` is a long vowel (ا, و, ي).
pub fn is_long_vowel(c: char) -> bool {
    table().long_vowels.contains(&c)
}

// Endings.

/// `w` without the feminine ending ة (folded ه): "المتحدثة" → "المتحدث".
pub fn strip_feminine_ending(w: &str) -> Option<&str> {
    w.strip_suffix(table().before_pronoun.ta_marbuta.folded.as_str())
}

/// `w` without the و of a masculine plural in construct: "مديرو" → "مدير".
pub fn strip_plural_construct(w: &str) -> Option<&str> {
    w.strip_suffix(table().endings.plural_construct.as_str())
}

/// Whether `w` ends as a sound plural: ون, ين or ات.
pub fn is_sound_plural(w: &str) -> bool {
    is_masculine_sound_plural(w) || w.ends_with(table().endings.feminine_plural.as_str())
}

/// Whether `w` ends as a masculine sound plural: ون or ين.
pub fn is_masculine_sound_plural(w: &str) -> bool {
    table()
        .endings
        .masculine_plural
        .iter()
        .any(|e| w.ends_with(e.as_str()))
}

/// Whether `w` ends as a feminine noun: in ة (folded ه) or, plural, in ات.
pub fn is_feminine_noun(w: &str) -> bool {
    w.ends_with(table().before_pronoun.ta_marbuta.folded.as_str())
        || w.ends_with(table().endings.feminine_plural.as_str())
}

/// Whether `w` ends in the nisba's ي ("السعودي"; also any word in ي).
pub fn ends_with_nisba(w: &str) -> bool {
    w.ends_with(table().endings.nisba.as_str())
}

/// Whether `w` ends in يه, a feminine nisba once ة is folded ("الدولية").
/// The caller checks that the ه was written ة.
pub fn ends_with_feminine_nisba(w: &str) -> bool {
    w.ends_with(table().endings.nisba_feminine.as_str())
}

/// Whether `w` ends as a plural nisba: يين or يون ("المصريين").
pub fn is_nisba_plural(w: &str) -> bool {
    table()
        .endings
        .nisba_plural
        .iter()
        .any(|e| w.ends_with(e.as_str()))
}

/// Whether `w` ends in يي, a nisba's plural in construct.
pub fn ends_with_nisba_construct(w: &str) -> bool {
    w.ends_with(table().endings.nisba_construct.as_str())
}

// Verbs.

/// A past verb's plural form as written before an object pronoun: "نفوا"
/// → "نفو" (as in "نفوه").
pub fn plural_verb_before_pronoun(w: &str) -> Option<String> {
    let v = &table().verb_plural;
    w.strip_suffix(v.ending.as_str())
        .map(|stem| format!("{stem}{}", v.before_pronoun))
}

/// `w` without the future prefix س ("سيعلن" → "يعلن").
pub fn strip_future_prefix(w: &str) -> Option<&str> {
    w.strip_prefix(table().future_prefix.as_str())
}

/// Whether `w` starts with a prefix of the imperfect (ي, ت, ن, or أ folded
/// to ا).
pub fn is_imperfect(w: &str) -> bool {
    w.starts_with(table().imperfect_prefixes.as_slice())
}

/// Whether `w` starts with the prefix of a form X verb (است).
pub fn has_form_x_prefix(w: &str) -> bool {
    w.starts_with(table().form_x_prefix.as_str())
}

// Letters respelt before a pronoun.

/// A stem that ended in ى, written ا before a pronoun, back in its folded
/// spelling: "شكوا" (from "شكواه") → "شكوي".
pub fn restore_maqsura(stem: &str) -> Option<String> {
    respell(stem, &table().before_pronoun.maqsura)
}

/// A stem that ended in ة, written ت before a pronoun, back in its folded
/// spelling: "كلمت" (from "كلمته") → "كلمه".
pub fn restore_ta_marbuta(stem: &str) -> Option<String> {
    respell(stem, &table().before_pronoun.ta_marbuta)
}

fn respell(stem: &str, r: &Respelling) -> Option<String> {
    stem.strip_suffix(r.written.as_str())
        .map(|s| format!("{s}{}", r.folded))
}

// The light stemmer's affixes (src/compare/stem.rs).

/// Suffixes the stemmer strips, longest first.
pub fn stem_suffixes() -> &'static [String] {
    &table().stem_suffixes
}

/// Whether `suffix` is the dual ending ان.
pub fn is_dual_ending(suffix: &str) -> bool {
    suffix == table().dual
}

/// Single-letter proclitics: conjunctions and prepositions.
pub fn proclitics() -> &'static [char] {
    &table().proclitics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_str as fold;

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
