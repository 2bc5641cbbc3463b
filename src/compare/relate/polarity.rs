//! Polarity: negations scoped to what they govern, denials, antonyms and
//! learned contrasts, and whether two claims say a thing and its opposite.

use super::*;

/// Whether a claim's word is negated: by a negation that governs it, or by
/// the claim's denial as a whole (both cancel out).
pub(super) fn negated(c: &AnalysedClaim, local: bool) -> bool {
    local == c.denials.is_empty()
}

/// The rule and word that negate one side: a denial or a negator.
pub(super) fn negation_source(c: &AnalysedClaim, local: Option<&String>) -> (&'static str, String) {
    match local {
        Some(w) if c.text_denials.contains(w) => ("polarity.denial", w.clone()),
        Some(w) => ("polarity.negation", w.clone()),
        None => (
            "polarity.denial",
            c.denials.first().cloned().unwrap_or_default(),
        ),
    }
}

/// The shared words and predicate classes whose polarity differs between
/// the claims: (the negated side, rule, negating word).
pub(super) fn scoped_negation(
    a: &AnalysedClaim,
    b: &AnalysedClaim,
    headline: bool,
) -> Vec<(usize, &'static str, String)> {
    // In a headline a negation governs the whole short claim.
    pub(super) fn whole(c: &AnalysedClaim, headline: bool) -> Option<&String> {
        headline
            .then(|| c.negations.first().or(c.text_denials.first()))
            .flatten()
    }
    let (wa, wb) = (whole(a, headline), whole(b, headline));
    let mut out: Vec<(usize, &'static str, String)> = Vec::new();
    let mut agree = false;
    let mut push = |side: usize, c: &AnalysedClaim, local: Option<&String>| {
        let (rule, w) = negation_source(c, local);
        if !out.iter().any(|(s, _, x)| *s == side && *x == w) {
            out.push((side, rule, w));
        }
    };
    for (i, it) in a.items.iter().enumerate() {
        if a.item_entity.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(j) =
            b.items.iter().enumerate().position(|(j, o)| {
                it.matches(o) && !b.item_entity.get(j).copied().unwrap_or(false)
            })
        else {
            continue;
        };
        let la = a.item_neg.get(i).and_then(Option::as_ref).or(wa);
        let lb = b.item_neg.get(j).and_then(Option::as_ref).or(wb);
        let (na, nb) = (negated(a, la.is_some()), negated(b, lb.is_some()));
        if na && !nb {
            push(0, a, la);
        } else if nb && !na {
            push(1, b, lb);
        } else if na && nb {
            agree = true;
        }
    }
    for (pa, la) in &a.preds {
        let la = &la.as_ref().or(wa).cloned();
        for (_, lb) in b.preds.iter().filter(|(p, _)| p == pa) {
            let lb = &lb.as_ref().or(wb).cloned();
            let (na, nb) = (negated(a, la.is_some()), negated(b, lb.is_some()));
            if na && !nb {
                push(0, a, la.as_ref());
            } else if nb && !na {
                push(1, b, lb.as_ref());
            } else if na && nb {
                agree = true;
            }
        }
    }
    // Both negate one shared thing ("لا يوجد اتفاق", "نفت ... اتفاقا"): they
    // agree on the negation, and what else differs is only how far each
    // negation reaches.
    if agree {
        out.clear();
    }
    out
}

/// Evidence for one side of the polarity decision: the rule name and what
/// was seen.
pub(super) type Signal = (String, String);

/// Polarity conflict between two aligned claims, with the rule that decided.
///
/// Each claim is negated or not (a negator, a denial verb, or a negating
/// pole such as رفض/فشل that the other claim lacks); separately the pair is
/// reversed or not (opposite antonym poles, or "despite" against "because").
/// Several negators or several reversed groups usually restate the same
/// reversal, so each side is a yes/no, and the claims conflict when exactly
/// one of "negation differs" and "reversed" holds: "لم ينخفض" does not
/// contradict "ارتفع".
pub(super) fn polarity(
    a: &AnalysedClaim,
    b: &AnalysedClaim,
    lex: &Lexicon,
    headline: bool,
) -> Option<(String, Vec<String>)> {
    let mut neg: [Vec<Signal>; 2] = [Vec::new(), Vec::new()];
    let mut reversed: Vec<Signal> = Vec::new();
    // A negation counts only where it governs what the other claim also
    // says: a shared content word or a shared predicate class whose polarity
    // differs between the claims. A negation elsewhere in a long claim
    // ("... ليس مكانا للنقاش") says nothing about the aligned statement.
    for (side, rule, word) in scoped_negation(a, b, headline) {
        neg[side].push((rule.to_string(), word));
    }
    let mut groups: Vec<u16> = a.poles.iter().chain(&b.poles).map(|p| p.group).collect();
    groups.sort_unstable();
    groups.dedup();
    for g in groups {
        let pa: Vec<&PoleHit> = a.poles.iter().filter(|p| p.group == g).collect();
        let pb: Vec<&PoleHit> = b.poles.iter().filter(|p| p.group == g).collect();
        if !headline
            && lex
                .groups
                .get(usize::from(g))
                .is_some_and(|x| x.headline_only)
        {
            continue;
        }
        let gname = lex
            .groups
            .get(usize::from(g))
            .map_or("", |x| x.name.as_str());
        let single = |v: &[&PoleHit]| v.iter().all(|p| p.pole == v[0].pole);
        if !pa.is_empty() && !pb.is_empty() {
            if single(&pa) && single(&pb) {
                if pa[0].pole != pb[0].pole {
                    reversed.push((
                        format!("polarity.antonym.{gname}"),
                        format!("{} ⇄ {}", pa[0].text, pb[0].text),
                    ));
                }
                continue;
            }
            // Both poles on one side (gold up as the dollar falls): compare
            // pole words bound to the same argument.
            if let Some((x, y)) = bound_flip(a, &pa, b, &pb) {
                reversed.push((
                    format!("polarity.antonym.{gname}"),
                    format!("{} ⇄ {}", x.text, y.text),
                ));
                continue;
            }
        }
        let Some(np) = lex.groups.get(usize::from(g)).and_then(|x| x.negating) else {
            continue;
        };
        let ha = pa.iter().find(|p| p.pole == np);
        let hb = pb.iter().find(|p| p.pole == np);
        // A one-sided refusal or failure negates only what it is said of:
        // its argument must be something the other claim also says.
        let bound = |c: &AnalysedClaim, h: &PoleHit, other: &AnalysedClaim| {
            headline
                || h.arg
                    .and_then(|i| c.items.get(i))
                    .is_some_and(|x| other.items.iter().any(|o| x.matches(o)))
        };
        match (ha, hb) {
            (Some(p), None) if bound(a, p, b) => {
                neg[0].push((format!("polarity.{gname}"), p.text.clone()))
            }
            (None, Some(p)) if bound(b, p, a) => {
                neg[1].push((format!("polarity.{gname}"), p.text.clone()))
            }
            _ => {}
        }
    }
    if (a.concessive && !b.concessive && b.causal) || (b.concessive && !a.concessive && a.causal) {
        reversed.push((
            "polarity.concession".to_string(),
            "despite ⇄ because".to_string(),
        ));
    }
    let negation_differs = !neg[0].is_empty() || !neg[1].is_empty();
    // A learned pair is weaker evidence than the lexicon's: it reverses a
    // headline only when nothing else is read ("دفن دون تشريح" against
    // "السلطات تجري تشريحا" stays a negation).
    if headline
        && !negation_differs
        && reversed.is_empty()
        && let Some((x, y)) = learned_contrast(a, b, lex)
    {
        return Some(("polarity.contrast".to_string(), vec![format!("{x} ⇄ {y}")]));
    }
    if negation_differs == reversed.is_empty() {
        let (side, sig) = if neg[0].is_empty() {
            ("B", &neg[1])
        } else {
            ("A", &neg[0])
        };
        if negation_differs {
            let ev = sig
                .iter()
                .map(|(_, w)| format!("{side} negated: {w}"))
                .collect();
            return sig.first().map(|(r, _)| (r.clone(), ev));
        }
        let ev = reversed.iter().map(|(_, w)| w.clone()).collect();
        return reversed.first().map(|(r, _)| (r.clone(), ev));
    }
    None
}

/// A learned contrast pair (`contrasts.yaml`) substituted between two short
/// claims: a word only `a` has against a word only `b` has ("الذهب" for
/// "النفط", "مكاسب" for "خسائر").
pub(super) fn learned_contrast<'a>(
    a: &'a AnalysedClaim,
    b: &'a AnalysedClaim,
    lex: &Lexicon,
) -> Option<(&'a str, &'a str)> {
    let (oa, ob) = (unmatched(a, b), unmatched(b, a));
    let keys =
        |it: &'a StemmedWord| std::iter::once(it.stem.as_str()).chain(it.alt_stem.as_deref());
    oa.iter().find_map(|(x, tx)| {
        ob.iter()
            .find(|(y, _)| keys(x).any(|kx| keys(y).any(|ky| lex.contrast(kx, ky))))
            .map(|(_, ty)| (*tx, *ty))
    })
}

/// A rough root: verb and noun prefixes and long vowels dropped
/// (يتراجع, تراجع -> رجع; توثيق, توثق -> ثق).
pub(super) fn skeleton(key: &str) -> String {
    let mut k: Vec<char> = key.chars().collect();
    while k.len() > 2 && morphology::is_root_prefix(k[0]) {
        k.remove(0);
    }
    k.into_iter()
        .filter(|&c| !morphology::is_long_vowel(c))
        .collect()
}

/// Edit distance between two short words (in chars).
pub(super) fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut d: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = d.clone();
        std::mem::swap(&mut prev, &mut d);
        d[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            d[j + 1] = (prev[j + 1] + 1)
                .min(d[j] + 1)
                .min(prev[j] + usize::from(ca != *cb));
        }
    }
    d[b.len()]
}

/// Whether two keys are likely two forms of one word: a verb and its noun
/// (تتزوج, زواج), two persons of a verb, a misspelling (هوليود, هوليوود).
pub(super) fn variants(a: &str, b: &str) -> bool {
    let (sa, sb) = (skeleton(a), skeleton(b));
    let (la, lb) = (stem_chars(&sa), stem_chars(&sb));
    if sa == sb || (la >= 3 && lb >= 3 && (sa.contains(&sb) || sb.contains(&sa))) {
        return true;
    }
    if edits(a, b) <= 1 && stem_chars(a).min(stem_chars(b)) >= 4 {
        return true;
    }
    let common = sa.chars().filter(|c| sb.contains(*c)).count();
    la >= 3 && lb >= 3 && edits(&sa, &sb) <= 1 && common >= 3
}

pub(super) fn stem_chars(s: &str) -> usize {
    s.chars().count()
}

/// Pole words of one group bound to matching arguments with opposite poles.
pub(super) fn bound_flip<'a>(
    a: &AnalysedClaim,
    pa: &[&'a PoleHit],
    b: &AnalysedClaim,
    pb: &[&'a PoleHit],
) -> Option<(&'a PoleHit, &'a PoleHit)> {
    pub(super) fn arg<'c>(c: &'c AnalysedClaim, h: &PoleHit) -> Option<&'c StemmedWord> {
        h.arg.and_then(|i| c.items.get(i))
    }
    for x in pa {
        let Some(ax) = arg(a, x) else { continue };
        let same_arg: Vec<&&PoleHit> = pb
            .iter()
            .filter(|y| arg(b, y).is_some_and(|ay| ay.matches(ax)))
            .collect();
        if let Some(y) = same_arg.iter().find(|y| y.pole != x.pole)
            && !same_arg.iter().any(|y| y.pole == x.pole)
        {
            return Some((x, y));
        }
    }
    None
}

/// Whether a predicate class named in both claims is negated (or denied)
/// in one and asserted in the other, however little else they share: "لم
/// تعثر على أية أدلة" and "الأدلة تشير إلى" say opposite things, and two
/// claims that say opposite things never repeat each other. Only the
/// aligned predicates count: a negation of another word ("قتلوا في شكل غير
/// متعمد في ضربات") is not one of the statement. Whether the two conflict
/// is asked with the overlap a conflict needs.
pub fn polarity_differs(a: &AnalysedClaim, b: &AnalysedClaim) -> bool {
    let mut differ = false;
    for (pa, la) in &a.preds {
        for (_, lb) in b.preds.iter().filter(|(p, _)| p == pa) {
            let (na, nb) = (negated(a, la.is_some()), negated(b, lb.is_some()));
            // Both negate one shared predicate: they agree on it.
            if na && nb {
                return false;
            }
            differ |= na != nb;
        }
    }
    differ
}

/// How far (in tokens) after a negator a noun of evidence is still the
/// one it negates: "لم يعثر المحققون على أي دليل".
pub(super) const EVIDENCE_REACH: usize = 5;
