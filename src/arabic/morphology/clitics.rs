//! The clitics written onto a word: the article and its forms after ل and
//! ب, the prepositions ب ل ك, and the conjunctions و ف.

use super::*;

/// The bare article ال.
#[inline]
pub fn article() -> &'static str {
    &table().articles.bare.text
}

/// Whether `w` starts with the bare article ("الوزير"; also "الا", since
/// folding writes إلا like it).
#[inline]
pub fn has_article(w: &str) -> bool {
    table().articles.bare.prefix_of(w)
}

/// `w` without its bare article.
#[inline]
pub fn strip_article(w: &str) -> Option<&str> {
    table().articles.bare.strip_prefix(w)
}

/// `stem` with the article: "رئيس" → "الرئيس".
#[inline]
pub fn with_article(stem: &str) -> String {
    format!("{}{stem}", article())
}

/// Whether `w` starts with ل + ال, written لل ("للصحيفة").
#[inline]
pub fn has_lam_article(w: &str) -> bool {
    table().articles.li.prefix_of(w)
}

/// Whether `w` starts with ب + ال ("بالفعل", "بالجهود").
#[inline]
pub fn has_bi_article(w: &str) -> bool {
    table().articles.bi.prefix_of(w)
}

/// Whether `w` starts with the article behind a preposition: بال, لل, كال.
#[inline]
pub fn has_article_after_preposition(w: &str) -> bool {
    let a = &table().articles;
    [&a.bi, &a.li, &a.ka].iter().any(|p| p.prefix_of(w))
}

/// Whether `w` is definite: the article, bare or behind a preposition
/// (الأمن, للقوات, بالأمانة, كالعادة), behind a conjunction too (والإعلام).
/// After و a word in كال is not taken for ك + ال: "وكالة" is "agency".
#[inline]
pub fn is_definite(w: &str) -> bool {
    let a = &table().articles;
    let w = strip_conjunction(w)
        .filter(|r| [&a.bare, &a.li, &a.bi].iter().any(|p| p.prefix_of(r)))
        .unwrap_or(w);
    has_article(w) || has_article_after_preposition(w)
}

/// `w` without the article in any of its forms (bare, or behind و, ف, ب,
/// ل, ك): what the stemmer of `compare` strips.
#[inline]
pub fn strip_any_article(w: &str) -> Option<&str> {
    let a = &table().articles;
    strip_first_prefix(w, &[&a.wa, &a.bi, &a.ka, &a.fa, &a.li, &a.bare])
}

/// `w` without the article, bare or behind و, ب or ل: the forms that the
/// source look-ups fold away, so that "والوزارة", "للصحيفة" and "الصحيفة"
/// find the lexicon's "صحيفة". (ك and ف are not tried: the look-up keys
/// were tuned without them.)
#[inline]
pub fn strip_article_for_lookup(w: &str) -> Option<&str> {
    let a = &table().articles;
    strip_first_prefix(w, &[&a.wa, &a.bi, &a.li, &a.bare])
}

#[inline]
pub(super) fn lam() -> char {
    table().prepositions.li
}

/// The length in bytes of the preposition ل, to skip it in a word.
#[inline]
pub fn lam_len() -> usize {
    lam().len_utf8()
}

/// Whether `w` is ل standing alone ("لـ CNN", the tatweel folded away).
#[inline]
pub fn is_lam(w: &str) -> bool {
    w.strip_prefix(lam()).is_some_and(str::is_empty)
}

/// Whether `w` starts with the letter ل.
#[inline]
pub fn starts_with_lam(w: &str) -> bool {
    w.starts_with(lam())
}

/// `w` without a first letter ل.
#[inline]
pub fn strip_lam(w: &str) -> Option<&str> {
    w.strip_prefix(lam())
}

/// `w` without its first ل, with the alef the article lost after it put
/// back: "للصحيفة" → "الصحيفة".
#[inline]
pub fn restore_article_after_lam(w: &str) -> Option<String> {
    let alef = article().strip_suffix(lam()).unwrap_or_default();
    strip_lam(w).map(|rest| format!("{alef}{rest}"))
}

/// Whether `w` starts with a preposition written onto it: ب, ل or ك.
#[inline]
pub fn starts_with_preposition(w: &str) -> bool {
    let p = &table().prepositions;
    w.starts_with([p.bi, p.li, p.ka])
}

/// Whether `w` starts with ب or ل.
#[inline]
pub fn starts_with_bi_or_lam(w: &str) -> bool {
    strip_bi_or_lam(w).is_some()
}

/// `w` without a ب or ل written onto it ("لوكيل الوزارة").
#[inline]
pub fn strip_bi_or_lam(w: &str) -> Option<&str> {
    let p = &table().prepositions;
    w.strip_prefix([p.li, p.bi])
}

/// Whether `w` starts with the letter ب.
#[inline]
pub fn starts_with_bi(w: &str) -> bool {
    strip_bi(w).is_some()
}

/// `w` without a first letter ب.
#[inline]
pub fn strip_bi(w: &str) -> Option<&str> {
    w.strip_prefix(table().prepositions.bi)
}

/// `w` without a ل, ب or و written onto it ("لرويترز", "ورويترز").
#[inline]
pub fn strip_bi_lam_or_and(w: &str) -> Option<&str> {
    let p = &table().prepositions;
    w.strip_prefix([p.li, p.bi, table().and])
}

/// Whether a lexicon phrase ends in a detached ل ("وفقا لـ", "وفقا ل"):
/// its object is written onto the ل in the text.
#[inline]
pub fn ends_with_detached_lam(phrase: &str) -> bool {
    table()
        .detached_lam
        .iter()
        .any(|l| phrase.ends_with(l.as_str()))
}

/// `w` without the conjunction و written before it, once or more.
#[inline]
pub fn trim_and(w: &str) -> &str {
    w.trim_start_matches(table().and)
}

/// `w` without one conjunction و written onto it.
#[inline]
pub fn strip_and(w: &str) -> Option<&str> {
    w.strip_prefix(table().and)
}

/// Whether `w` starts with the conjunction و.
#[inline]
pub fn starts_with_and(w: &str) -> bool {
    w.starts_with(table().and)
}

/// The length in bytes of the conjunction و, to skip it in a word.
#[inline]
pub fn and_len() -> usize {
    table().and.len_utf8()
}

/// Whether `c` is a conjunction that may be written onto a word (و, ف).
#[inline]
pub fn is_conjunction(c: char) -> bool {
    table().conjunctions.contains(&c)
}

/// `w` without the conjunctions written before it (و, ف), once or more.
#[inline]
pub fn trim_conjunctions(w: &str) -> &str {
    let mut w = w;
    while let Some(rest) = strip_conjunction(w) {
        w = rest;
    }
    w
}

/// Whether `w` starts with a conjunction written onto it (و, ف).
#[inline]
pub fn starts_with_conjunction(w: &str) -> bool {
    strip_conjunction(w).is_some()
}

/// `w` without one conjunction written onto it (و, ف).
#[inline]
pub fn strip_conjunction(w: &str) -> Option<&str> {
    strip_letter(w, &table().conjunctions)
}
