//! Pairwise claim relation: corroborates / conflicts / unrelated.
//!
//! A lexical rule engine. Two claims are first aligned by content-word
//! overlap over light stems; aligned claims about visibly different events
//! (another year, another place) are unrelated; otherwise a conflict needs
//! positive evidence (a polarity flip, a contradicting number, or certainty
//! against allegation), and aligned claims without such evidence corroborate.

mod analyze;
mod claim;
mod frames;
mod idf;
mod polarity;
mod quantities;

use std::collections::HashMap;

use super::lexicon::{Lexicon, Term};
use super::num;
use super::stem;
use crate::arabic::tokens::{TokKind, Token, terms};
use crate::arabic::{morphology, punctuation};
use crate::compare::ConflictKind;
use crate::text::fold_str as fold;
pub use claim::*;
pub use frames::*;
pub use idf::*;
pub use polarity::*;
pub use quantities::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    Corroborates,
    Conflicts,
    Unrelated,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub relation: Relation,
    pub kind: Option<ConflictKind>,
    /// Content overlap in [0, 1] for aligned pairs; for unrelated pairs,
    /// how clearly they are unrelated.
    pub score: f64,
    /// Which rule decided, e.g. `polarity.negation`, `event.year`.
    pub rule: String,
    /// Shared folded stems.
    pub shared: Vec<String>,
    /// Human-readable evidence for the decision.
    pub evidence: Vec<String>,
}

/// Thresholds, tuned on the ANS training split only.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Below this overlap the claims are about different things.
    pub related: f64,
    /// Polarity and framing conflicts need at least this overlap: a
    /// negation is only a contradiction of the same statement.
    pub polarity: f64,
    /// Overlap needed for a numeric conflict; the shared quantity noun is
    /// the main anchor, so this may be set lower than `polarity`.
    pub numeric: f64,
    /// Measure overlap by how much of the shorter claim the longer one
    /// covers (two shared words at least), not by the Dice coefficient:
    /// for sentence-long claims of different lengths, as in `compare`.
    pub containment: bool,
    /// Short pairs (headlines, as in ANS): evaluative words count as
    /// polarity, a place named anywhere is the event's place, and a negation
    /// governs the whole short claim. Long claims (`compare`) carry
    /// evaluative words, places and negations about other parts of the
    /// sentence, so there a negation counts only over the words it governs.
    pub sentiment: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            related: 0.2,
            polarity: 0.2,
            numeric: 0.2,
            containment: false,
            sentiment: true,
        }
    }
}

fn overlap(
    a: &AnalysedClaim,
    b: &AnalysedClaim,
    idf: Option<&Idf>,
    containment: bool,
) -> (f64, Vec<String>) {
    let w = |it: &StemmedWord| idf.map_or(1.0, |t| t.weight(it));
    let (mut wa, mut sa, mut wb, mut sb) = (0.0, 0.0, 0.0, 0.0);
    let mut shared = Vec::new();
    for (it, text) in a.items.iter().zip(&a.item_text) {
        let x = w(it);
        wa += x;
        if b.items.iter().any(|o| it.matches(o)) {
            sa += x;
            shared.push(match it.concept {
                None => it.stem.clone(),
                Some(_) => text.clone(),
            });
        }
    }
    for it in &b.items {
        let x = w(it);
        wb += x;
        if a.items.iter().any(|o| it.matches(o)) {
            sb += x;
        }
    }
    if wa <= 0.0 || wb <= 0.0 {
        return (0.0, shared);
    }
    if containment && shared.len() >= 2 {
        return ((sa / wa).max(sb / wb).min(1.0), shared);
    }
    ((sa + sb) / (wa + wb), shared)
}

/// A place named by each claim and not covered by the other: the claims
/// report events in different places.
fn place_mismatch(
    a: &AnalysedClaim,
    b: &AnalysedClaim,
    lex: &Lexicon,
    headline: bool,
) -> Option<(String, String)> {
    // Only where something happened counts ("في هامبورغ"); a country as an
    // actor ("روسيا تتحمل") is an entity of the frame, not the event's place.
    let only = |x: &AnalysedClaim, y: &AnalysedClaim| {
        let named = if headline { &x.places } else { &x.event_places };
        named.iter().copied().find(|p| !y.places.contains(p))
    };
    let pa = only(a, b)?;
    let pb = only(b, a)?;
    let name = |p: u16| {
        lex.places
            .get(usize::from(p))
            .map_or_else(String::new, |pl| pl.name.clone())
    };
    Some((name(pa), name(pb)))
}

fn judgement(
    relation: Relation,
    kind: Option<ConflictKind>,
    score: f64,
    rule: &str,
    shared: Vec<String>,
    evidence: Vec<String>,
) -> Judgement {
    Judgement {
        relation,
        kind,
        score,
        rule: rule.to_string(),
        shared,
        evidence,
    }
}

/// Why two claims cannot be about one event: their years differ, or each
/// names a place the other does not cover (a city is inside its country).
pub fn event_mismatch(
    a: &AnalysedClaim,
    b: &AnalysedClaim,
    lex: &Lexicon,
) -> Option<(&'static str, Vec<String>)> {
    event_mismatch_with(a, b, lex, false)
}

fn event_mismatch_with(
    a: &AnalysedClaim,
    b: &AnalysedClaim,
    lex: &Lexicon,
    headline: bool,
) -> Option<(&'static str, Vec<String>)> {
    if !a.years.is_empty() && !b.years.is_empty() && !a.years.iter().any(|y| b.years.contains(y)) {
        return Some((
            "event.year",
            vec![format!("{:?} vs {:?}", a.years, b.years)],
        ));
    }
    if let Some((x, y)) = place_mismatch(a, b, lex, headline) {
        return Some(("event.place", vec![format!("{x} vs {y}")]));
    }
    // Both name days or dates and none is shared: another day's event.
    for (x, y, rule) in [
        (&a.days, &b.days, "event.day"),
        (&a.dates, &b.dates, "event.date"),
    ] {
        if !x.is_empty()
            && !y.is_empty()
            && !x
                .iter()
                .any(|d| y.iter().any(|e| times_compatible(Some(*d), Some(*e))))
        {
            return Some((rule, vec![format!("{x:?} vs {y:?}")]));
        }
    }
    None
}

/// Relates two analysed claims; the hot path for many pairs.
pub fn relate_claims(
    a: &AnalysedClaim,
    b: &AnalysedClaim,
    lex: &Lexicon,
    idf: Option<&Idf>,
    p: &Params,
) -> Judgement {
    use Relation::*;
    if a.items.is_empty() || b.items.is_empty() {
        return judgement(Unrelated, None, 1.0, "empty", Vec::new(), Vec::new());
    }
    let (ov, shared) = overlap(a, b, idf, p.containment);
    if ov < p.related {
        return judgement(Unrelated, None, 1.0 - ov, "overlap.low", shared, Vec::new());
    }
    // The same statement about another year or place contradicts it (ANS
    // builds its disagreements so); whether two claims are about one event
    // at all is `compare`'s question, asked with `event_mismatch` first.
    if let Some((rule, ev)) = event_mismatch_with(a, b, lex, p.sentiment) {
        return judgement(Conflicts, Some(ConflictKind::Event), ov, rule, shared, ev);
    }
    if ov >= p.polarity
        && let Some((rule, ev)) = polarity(a, b, lex, p.sentiment)
    {
        let kind = Some(ConflictKind::Polarity);
        return judgement(Conflicts, kind, ov, &rule, shared, ev);
    }
    if ov >= p.numeric
        && let Some(ev) = numeric_conflict(a, b).or_else(|| numeric_conflict(b, a))
    {
        let kind = Some(ConflictKind::Numeric);
        return judgement(Conflicts, kind, ov, "numeric", shared, vec![ev]);
    }
    if ov >= p.polarity
        && ((a.alleged && b.certain && !b.alleged) || (b.alleged && a.certain && !a.alleged))
    {
        let ev = vec!["asserted ⇄ alleged".to_string()];
        return judgement(
            Conflicts,
            Some(ConflictKind::Framing),
            ov,
            "framing",
            shared,
            ev,
        );
    }
    if ov >= p.polarity && p.sentiment {
        // Net evaluative sign, reversed by negation.
        let sign = |c: &AnalysedClaim| {
            let negated = !c.negations.is_empty() || !c.denials.is_empty();
            c.valence.signum() * if negated { -1 } else { 1 }
        };
        if sign(a) * sign(b) < 0 {
            let ev = vec![format!("valence {} vs {}", sign(a), sign(b))];
            return judgement(
                Conflicts,
                Some(ConflictKind::Polarity),
                ov,
                "polarity.sentiment",
                shared,
                ev,
            );
        }
    }
    if p.sentiment
        && let Some((x, y)) = swapped_roles(a, b, lex)
    {
        let ev = vec![format!("{x} … {y} ⇄ {y} … {x}")];
        return judgement(
            Conflicts,
            Some(ConflictKind::Event),
            ov,
            "event.roles",
            shared,
            ev,
        );
    }
    if p.sentiment
        && let Some((x, y)) = substitution(a, b, lex)
    {
        let ev = vec![format!("{x} ⇄ {y}")];
        return judgement(
            Conflicts,
            Some(ConflictKind::Event),
            ov,
            "event.substitution",
            shared,
            ev,
        );
    }
    judgement(Corroborates, None, ov, "aligned", shared, Vec::new())
}

/// Two headlines that name the same two actors in opposite order ("ميركل
/// تحذر ترامب" against "ترامب يحذر ميركل"): who does what to whom is
/// reversed. Actors are the lexicon's entities (places included), each at
/// its first mention; an actor and the place that encloses it are one.
fn swapped_roles(a: &AnalysedClaim, b: &AnalysedClaim, lex: &Lexicon) -> Option<(String, String)> {
    let order = |c: &AnalysedClaim| {
        let mut v: Vec<u16> = Vec::new();
        for &(_, e) in &c.entity_pos {
            if !v.contains(&e) {
                v.push(e);
            }
        }
        v
    };
    // Each headline opens with its actor (its first word), and each names
    // the other's actor after its own: "ميركل تحذر ترامب" against "ترامب
    // يحذر ميركل". Paraphrases reorder freely otherwise ("مقتل ... على يد").
    let opens = |c: &AnalysedClaim| {
        c.entity_pos
            .first()
            .filter(|(i, _)| *i == 0)
            .map(|(_, e)| *e)
    };
    let (Some(sa), Some(sb)) = (opens(a), opens(b)) else {
        return None;
    };
    let (oa, ob) = (order(a), order(b));
    if !(oa.len() >= 2 && ob.len() >= 2) || sa == sb {
        return None;
    }
    let related =
        |x: u16, y: u16| lex.entity_chain(x).any(|e| e == y) || lex.entity_chain(y).any(|e| e == x);
    let pos = |v: &[u16], e: u16| v.iter().position(|&x| related(x, e));
    if related(sa, sb) {
        return None;
    }
    // Each one's opening actor comes later in the other, in the same
    // clause as its own ("لافروف: سوريا تخلصت" names a speaker first).
    let later = |v: &[u16], e: u16| pos(v, e).is_some_and(|p| p > 0);
    if !(later(&ob, sa) && later(&oa, sb)) {
        return None;
    }
    let one_clause = |c: &AnalysedClaim| {
        let clause = |e: u16| {
            let at = c
                .entity_pos
                .iter()
                .find(|(_, x)| related(*x, e))
                .map(|(i, _)| *i)?;
            c.item_pos
                .iter()
                .position(|p| *p == at)
                .and_then(|i| c.item_clause.get(i).copied())
        };
        clause(sa).is_some() && clause(sa) == clause(sb)
    };
    if !(one_clause(a) && one_clause(b)) {
        return None;
    }
    let name = |e: u16| {
        lex.entity_names
            .get(usize::from(e))
            .cloned()
            .unwrap_or_default()
    };
    Some((name(sa), name(sb)))
}

/// The content items of `c` that `o` does not have, with their text.
fn unmatched<'a>(c: &'a AnalysedClaim, o: &AnalysedClaim) -> Vec<(&'a StemmedWord, &'a str)> {
    c.items
        .iter()
        .zip(&c.item_text)
        .filter(|(it, _)| !o.items.iter().any(|x| it.matches(x)))
        .map(|(it, t)| (it, t.as_str()))
        .collect()
}

/// Two headlines that say the same words but one: a definite noun for
/// another definite noun ("الذهب" for "النفط", "الروائي" for "الممثل"),
/// or any word for another in the same place between the same neighbours
/// ("أردوغان ينتقد" for "بوتين ينتقد", "يختفي مجددا" for "يظهر مجددا").
/// Paraphrases change the wording around; a headline that keeps every
/// other word and swaps one thing for another is about another thing
/// (ANS builds many of its disagreements so). Two forms of one word (a
/// verb and its noun, a misspelling) are no substitution.
fn substitution<'a>(
    a: &'a AnalysedClaim,
    b: &'a AnalysedClaim,
    lex: &Lexicon,
) -> Option<(&'a str, &'a str)> {
    let (oa, ob) = (unmatched(a, b), unmatched(b, a));
    let ([(x, tx)], [(y, ty)]) = (oa.as_slice(), ob.as_slice()) else {
        return None;
    };
    let word = |t: &str| !t.contains(' ') && t.chars().count() > 1;
    let definite = |t: &str| word(t) && stem::strip_article(t).is_some();
    // A city for its country is one place ("هامبورغ", "ألمانيا"), as is a
    // place against a word where the other claim names that place or one
    // inside it; the verb of an idiom ("لا تزال") carries no content.
    let enclosed = |w: &StemmedWord, other: &AnalysedClaim| matches!(w.concept, Some(Concept::Place(p)) if other.places.contains(&p));
    let one_place = match (x.concept, y.concept) {
        (Some(Concept::Place(p)), Some(Concept::Place(q))) => {
            lex.place_within(p, q) || lex.place_within(q, p)
        }
        _ => enclosed(x, b) || enclosed(y, a),
    };
    let content = |t: &str| word(t) && !lex.is_negation_exception(t);
    let one_thing = content(tx) && content(ty) && !one_place;
    let swapped = !variants(&x.stem, &y.stem) && !variants(tx, ty);
    let in_place = (definite(tx) && definite(ty)) || (one_thing && same_place(a, x, b, y));
    (swapped && in_place).then_some((*tx, *ty))
}

/// Whether two words stand between the same neighbours in their claims: a
/// word swapped in place, not a paraphrase that rewords around it.
fn same_place(a: &AnalysedClaim, x: &StemmedWord, b: &AnalysedClaim, y: &StemmedWord) -> bool {
    fn at(c: &AnalysedClaim, w: &StemmedWord) -> Option<usize> {
        c.items.iter().position(|i| std::ptr::eq(i, w))
    }
    fn before(c: &AnalysedClaim, k: usize) -> Option<&StemmedWord> {
        k.checked_sub(1).and_then(|k| c.items.get(k))
    }
    let (Some(i), Some(j)) = (at(a, x), at(b, y)) else {
        return false;
    };
    let same = |p: Option<&StemmedWord>, q: Option<&StemmedWord>| match (p, q) {
        (Some(p), Some(q)) => p.matches(q),
        (None, None) => true,
        _ => false,
    };
    same(before(a, i), before(b, j)) && same(a.items.get(i + 1), b.items.get(j + 1))
}

/// Relates two claim texts with default parameters and no IDF table.
pub fn relate(a: &str, b: &str, lex: &Lexicon) -> Judgement {
    relate_with(a, b, lex, None, &Params::default())
}

pub fn relate_with(a: &str, b: &str, lex: &Lexicon, idf: Option<&Idf>, p: &Params) -> Judgement {
    let ca = AnalysedClaim::analyze(a, lex);
    let cb = AnalysedClaim::analyze(b, lex);
    relate_claims(&ca, &cb, lex, idf, p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: &str, b: &str) -> Judgement {
        relate(a, b, Lexicon::builtin())
    }

    #[test]
    fn denial_against_confirmation_is_polarity_conflict() {
        let j = rel(
            "نفى البيت الأبيض إجراء أي اتصالات مع مسؤولين روس",
            "أكد البيت الأبيض انعقاد أربعة لقاءات مع مسؤولين روس",
        );
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
        assert_eq!(j.kind, Some(ConflictKind::Polarity));
        assert_eq!(j.rule, "polarity.denial");
        assert!(j.shared.iter().any(|s| s == "بيت"), "{:?}", j.shared);
    }

    #[test]
    fn negation_particle_is_polarity_conflict() {
        let j = rel(
            "تونس ليس لديها خطط لإعادة المشتبه به إلى ألمانيا",
            "تونس تعلن خططها لإعادة المشتبه به إلى ألمانيا",
        );
        assert_eq!(j.kind, Some(ConflictKind::Polarity), "{j:?}");
        assert_eq!(j.rule, "polarity.negation");
    }

    #[test]
    fn different_counts_of_same_thing_are_numeric_conflict() {
        let j = rel(
            "تسريب 30 ألف رسالة بريد إلكتروني من حملة كلينتون",
            "تسريب 33 ألف بريد إلكتروني من حملة كلينتون",
        );
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
        assert_eq!(j.kind, Some(ConflictKind::Numeric));
    }

    #[test]
    fn arabic_indic_digits_and_hedges_agree() {
        let j = rel(
            "تسريب ٣٠ ألف رسالة بريد إلكتروني من حملة كلينتون",
            "تسريب 30 ألف رسالة بريد إلكتروني من حملة كلينتون",
        );
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
        let j = rel(
            "مقتل أكثر من 20 شخصا في غارة على صنعاء",
            "مقتل 25 شخصا في غارة على صنعاء",
        );
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
    }

    #[test]
    fn different_year_or_place_is_a_different_event() {
        let j = rel(
            "لقاء ترامب وبوتين في هامبورغ عام 2017 يبحث الأزمة السورية",
            "لقاء ترامب وبوتين في أوساكا عام 2019 يبحث الأزمة السورية",
        );
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
        assert_eq!(j.kind, Some(ConflictKind::Event));
        assert_eq!(j.rule, "event.year");
        let j = rel(
            "ترامب يلتقي بوتين في هامبورغ لبحث الأزمة السورية",
            "ترامب يلتقي بوتين في أوساكا لبحث الأزمة السورية",
        );
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
        assert_eq!(j.rule, "event.place");
    }

    #[test]
    fn city_and_its_country_are_the_same_place() {
        let j = rel(
            "ترامب يلتقي بوتين في هامبورغ لبحث الأزمة السورية",
            "ترامب يلتقي بوتين في ألمانيا لبحث الأزمة السورية",
        );
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
    }

    #[test]
    fn antonym_verbs_conflict() {
        let j = rel(
            "ارتفاع أسعار النفط بعد قرار أوبك",
            "انخفاض أسعار النفط بعد قرار أوبك",
        );
        assert_eq!(j.kind, Some(ConflictKind::Polarity), "{j:?}");
        assert_eq!(j.rule, "polarity.antonym.direction");
        let j = rel(
            "البرلمان يوافق على قانون الانتخابات الجديد",
            "البرلمان يرفض قانون الانتخابات الجديد",
        );
        assert_eq!(j.rule, "polarity.antonym.assent", "{j:?}");
        let j = rel(
            "المنتخب المغربي يفوز على إيران",
            "المنتخب المغربي يخسر أمام إيران",
        );
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
    }

    #[test]
    fn one_sided_refusal_negates() {
        let j = rel(
            "الكويت والفلبين توقعان اتفاقا لتنظيم العمالة",
            "الكويت ترفض تنظيم العمالة الفلبينية",
        );
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
        assert_eq!(j.rule, "polarity.assent");
    }

    #[test]
    fn swapped_directions_bind_to_their_subjects() {
        let j = rel("الذهب يرتفع مع هبوط الدولار", "الذهب يهبط مع ارتفاع الدولار");
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
        let j = rel("الذهب يرتفع مع هبوط الدولار", "ارتفاع الذهب وتراجع الدولار");
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
    }

    #[test]
    fn negated_antonym_is_not_a_conflict() {
        let j = rel(
            "لم ينخفض سعر صرف الدولار اليوم",
            "ارتفع سعر صرف الدولار اليوم",
        );
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
    }

    #[test]
    fn idioms_with_negators_are_not_negations() {
        let j = rel(
            "الليرة التركية لا تزال تتراجع أمام الدولار",
            "الليرة التركية تواصل التراجع أمام الدولار",
        );
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
        let j = rel(
            "ارتفاع غير مسبوق في أسعار الذهب",
            "ارتفاع قياسي في أسعار الذهب",
        );
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
    }

    #[test]
    fn alleged_against_certain_is_framing() {
        let j = rel(
            "زعم مسؤول أن الحكومة اخترقت حسابات المعارضين",
            "أكد مسؤول بثقة عالية أن الحكومة اخترقت حسابات المعارضين",
        );
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
        assert_eq!(j.kind, Some(ConflictKind::Framing));
        // Alleged against a plain report is not a conflict.
        let j = rel(
            "التحقيق في الهجوم الكيميائي المزعوم في دوما",
            "التحقيق في الهجوم الكيميائي في دوما",
        );
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
    }

    #[test]
    fn paraphrase_corroborates_and_other_topics_are_unrelated() {
        let j = rel(
            "الجزائر تؤكد ظهور 41 حالة إصابة بالكوليرا في أربع ولايات",
            "الجزائر تعلن إصابة 41 حالة بالكوليرا في أربع ولايات",
        );
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
        let j = rel(
            "متحف في باريس يسمح بزيارة الرواد",
            "البنك المركزي يرفع أسعار الفائدة",
        );
        assert_eq!(j.relation, Relation::Unrelated, "{j:?}");
        assert_eq!(j.rule, "overlap.low");
    }

    #[test]
    fn hack_verb_and_noun_align() {
        let j = rel(
            "قراصنة اخترقت حسابات وزارة الخارجية",
            "الاختراق طال حسابات وزارة الخارجية",
        );
        assert!(j.shared.iter().any(|s| s == "اخترق"), "{:?}", j.shared);
    }

    fn meet(a: &str, b: &str) -> bool {
        let lex = Lexicon::builtin();
        statements_meet(
            &AnalysedClaim::analyze(a, lex),
            &AnalysedClaim::analyze(b, lex),
            lex,
        )
    }

    #[test]
    fn a_shared_predicate_needs_its_own_arguments() {
        // The attack is background in both: one states a toll, the other
        // what the town is.
        assert!(!meet(
            "قتل عشرون شخصا إثر هجوم على مدينة دوما",
            "وتعد مدينة دوما آخر معاقل المعارضة في الغوطة، عقب سيطرة الجيش على المنطقة في الهجوم الذي يشنه",
        ));
        // A relative clause between commas does not cut the subject from
        // its predicate.
        assert!(meet(
            "روسيا، التي تقاتل إلى جانب القوات الحكومية، يجب أن تتحمل المسؤولية",
            "روسيا تتحمل المسؤولية عن الهجوم بسبب دعمها",
        ));
        // Two predicate classes that meet in both are one statement.
        assert!(meet(
            "حصيلة القتلى مرشحة للازدياد في المدينة",
            "تتوقع فرق الإنقاذ المزيد من القتلى",
        ));
    }

    #[test]
    fn degenerate_input_never_panics() {
        let odd = [
            "",
            " ",
            "...",
            "؟!،",
            "😀🔥",
            "ـــ",
            "\u{200F}\u{202B}",
            "123",
            "ال",
            "لا",
            "و و و",
            "٣٫٥ مليون",
        ];
        for a in odd {
            for b in odd {
                let j = rel(a, b);
                assert!(j.score.is_finite());
            }
            let j = rel(a, "ارتفاع أسعار النفط");
            assert_eq!(j.relation, Relation::Unrelated, "{a:?}");
        }
    }

    #[test]
    fn random_mixtures_never_panic() {
        let alphabet: Vec<char> = "لا لم ارتفع انخفض ألف مليون 30 ٣٫٥ ١٬٠٠٠ 2019 , . ٫ ٬ ؟ 😀 ـ \u{200F} في هامبورغ نفى زعم"
            .chars()
            .collect();
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..2000 {
            let mut s = [String::new(), String::new()];
            for part in &mut s {
                let n = (next() % 40) as usize;
                for _ in 0..n {
                    part.push(alphabet[(next() % alphabet.len() as u64) as usize]);
                }
            }
            let j = rel(&s[0], &s[1]);
            assert!(j.score.is_finite());
        }
    }

    #[test]
    fn analysed_claims_and_idf_give_same_relation() {
        let lex = Lexicon::builtin();
        let texts = [
            "ارتفاع أسعار النفط بعد قرار أوبك",
            "انخفاض أسعار النفط بعد قرار أوبك",
            "أوبك تقرر خفض الإنتاج",
        ];
        let idf = Idf::from_texts(texts, lex);
        let a = AnalysedClaim::analyze(texts[0], lex);
        let b = AnalysedClaim::analyze(texts[1], lex);
        let j = relate_claims(&a, &b, lex, Some(&idf), &Params::default());
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
        assert!((0.0..=1.0).contains(&j.score));
    }

    /// "أخبار كاذبة" (false news) describes a noun; it is no denial of the
    /// claim, so the custody reversal stands. As a predicate it still denies.
    #[test]
    fn adjective_of_a_denial_verb_is_no_denial() {
        let j = rel(
            "حبس الناشط المصري حازم عبدالعظيم بتهمة نشر أخبار كاذبة",
            "إخلاء سبيل الناشط المصري حازم عبدالعظيم",
        );
        assert_eq!(j.rule, "polarity.antonym.custody", "{j:?}");
        let lex = Lexicon::builtin();
        let attributive = AnalysedClaim::analyze("نشر الناشط أخبارا كاذبة عن الانتخابات", lex);
        assert!(attributive.denials.is_empty() && attributive.text_denials.is_empty());
        let predicate = AnalysedClaim::analyze("الأخبار عن الانتخابات كاذبة", lex);
        assert!(!predicate.denials.is_empty(), "{:?}", predicate.denials);
    }

    /// الخارجية (foreign) shares its stem key with خرج (left), but is no
    /// exit: a minister of foreign affairs is not a departure.
    #[test]
    fn homograph_of_a_pole_word_is_no_pole() {
        let lex = Lexicon::builtin();
        let c = AnalysedClaim::analyze("وصل وزير الخارجية الروسي إلى دمشق", lex);
        assert!(
            c.poles.is_empty(),
            "{:?}",
            c.poles.iter().map(|p| &p.text).collect::<Vec<_>>()
        );
        let c = AnalysedClaim::analyze("خرج المتظاهرون إلى الشوارع", lex);
        assert!(!c.poles.is_empty());
    }

    /// A negation inside a condition ("إذا لم") states what would happen,
    /// not what happened: it does not contradict the plain statement.
    #[test]
    fn negation_inside_a_condition_is_no_polarity_conflict() {
        let j = rel(
            "الاتحاد الأوروبي سيفرض رسوما على السلع الأميركية إذا لم تمنح واشنطن إعفاء",
            "واشنطن تمنح الاتحاد الأوروبي إعفاء من الرسوم",
        );
        assert_ne!(j.kind, Some(ConflictKind::Polarity), "{j:?}");
        let j = rel(
            "واشنطن لم تمنح الاتحاد الأوروبي إعفاء من الرسوم",
            "واشنطن تمنح الاتحاد الأوروبي إعفاء من الرسوم",
        );
        assert_eq!(j.kind, Some(ConflictKind::Polarity), "{j:?}");
    }

    /// Two places swapped in place are another event unless one lies inside
    /// the other, whatever else the claims name (غزة lies in Palestine).
    #[test]
    fn place_swapped_in_place_is_substitution_unless_enclosed() {
        let j = rel(
            "مظاهرات فلسطينية على حدود قطاع غزة",
            "مظاهرات إسرائيلية على حدود قطاع غزة",
        );
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
        let j = rel("مظاهرات حاشدة في هامبورغ", "مظاهرات حاشدة في ألمانيا");
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
    }

    /// One predicate with different actors at it is two statements: a raid
    /// by the Syrian army and an Israeli raid are not one account.
    #[test]
    fn shared_predicate_with_other_actors_is_two_statements() {
        let lex = Lexicon::builtin();
        let syrian = AnalysedClaim::analyze("قتل ستة أشخاص في غارة للجيش السوري", lex);
        let israeli = AnalysedClaim::analyze("قتل ستة أشخاص في غارة إسرائيلية", lex);
        assert!(!statements_meet(&syrian, &israeli, lex));
        let again = AnalysedClaim::analyze("غارة للجيش السوري تقتل ستة أشخاص", lex);
        assert!(statements_meet(&syrian, &again, lex));
    }
}
