//! Numbers compared: the same quantity of the same noun, clock times,
//! and counts that clash.

use super::*;

/// Whether two reported numbers count the same thing: the same head noun
/// (or both count people), the same day or date, or neither names one.
pub(super) fn same_quantity(qa: &Quantity, qb: &Quantity) -> bool {
    let nouns = match (qa.people, qb.people) {
        (true, true) => true,
        (false, false) => qa
            .noun
            .first()
            .is_some_and(|x| qb.noun.first().is_some_and(|y| x.matches(y))),
        _ => false,
    };
    nouns && qa.percent == qb.percent && times_compatible(qa.time, qb.time)
}

/// A day (1000 + n), a date (month * 100 + day) or a month (month * 100):
/// compatible when equal, a date within a month, or neither given.
pub(super) fn times_compatible(a: Option<u32>, b: Option<u32>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) if x == y => true,
        (Some(x), Some(y)) if x < 1000 && y < 1000 => {
            x / 100 == y / 100 && (x % 100 == 0 || y % 100 == 0)
        }
        _ => false,
    }
}

/// A quantity of one claim whose noun phrase reappears in the other claim
/// only with incompatible values, for the same day (not clock times, dates
/// or ages against tolls: those are not counts, or count other nouns).
pub(super) fn numeric_conflict(a: &AnalysedClaim, b: &AnalysedClaim) -> Option<String> {
    for qa in &a.quantities {
        let related: Vec<&Quantity> = b
            .quantities
            .iter()
            .filter(|qb| same_quantity(qa, qb))
            .collect();
        if related.is_empty() {
            continue;
        }
        // Both numbers must be unaccounted for: a value that the other claim
        // also reports (in another phrase) is not a contradiction.
        let reported = |q: &Quantity, other: &AnalysedClaim| {
            other
                .quantities
                .iter()
                .any(|o| num::compatible(q.range, o.range))
        };
        if related
            .iter()
            .all(|qb| !num::compatible(qa.range, qb.range))
            && !reported(qa, b)
            && related.iter().any(|qb| !reported(qb, a))
        {
            return Some(format!("{} ≠ {}", qa.text, related[0].text));
        }
    }
    None
}

/// A count both claims give alike (same noun, same day, compatible values):
/// "1600 قتيلا" and "أكثر من 1600 قتيل". Counts under ten say too little.
pub(super) fn shared_count(a: &AnalysedClaim, b: &AnalysedClaim) -> Option<String> {
    a.quantities.iter().find_map(|qa| {
        let qb = b.quantities.iter().find(|qb| {
            let (lo, hi) = (qa.range.0.min(qb.range.0), qa.range.0.max(qb.range.0));
            // Open ranges ("أكثر من ألف", "سبعين على الأقل") always overlap:
            // the counts must also start near each other.
            hi >= 10.0
                && lo * 1.5 >= hi
                && same_quantity(qa, qb)
                && num::compatible(qa.range, qb.range)
        })?;
        Some(format!("{} = {}", qa.text, qb.text))
    })
}

/// Two counts of the same noun that cannot be one fact: given for different
/// days, or with incompatible values ("40 on Friday" is not "40" of the
/// attack on Saturday).
pub fn count_clash(a: &AnalysedClaim, b: &AnalysedClaim) -> bool {
    a.quantities.iter().any(|qa| {
        b.quantities.iter().any(|qb| {
            let nouns = (qa.people && qb.people)
                || qa
                    .noun
                    .first()
                    .is_some_and(|x| qb.noun.first().is_some_and(|y| x.matches(y)));
            nouns && (!times_compatible(qa.time, qb.time) || !num::compatible(qa.range, qb.range))
        })
    }) && shared_count(a, b).is_none()
}
