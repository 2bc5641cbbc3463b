//! A claim as the comparison reads it: its terms (stems, entities,
//! predicates, numbers with their nouns, years, places), negations and
//! statement boundaries.

use super::*;

/// How many tokens apart two names may stand and still be one name, when
/// one encloses the other: "الرئيس السوري بشار الأسد".
pub(super) const NAME_GAP: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Concept {
    Group(u16),
    Place(u16),
}

/// One content word (or multi-word lexicon entry) of a claim.
/// A content word of a claim, by its matching keys (`stem::keys`): the
/// conservative stem and, when the word may carry a bare proclitic, the
/// stem without it.
#[derive(Debug, Clone)]
pub(super) struct StemmedWord {
    pub(super) stem: String,
    pub(super) alt_stem: Option<String>,
    /// Antonym words match on their group, so that "rises" and "falls"
    /// align (and then conflict); places match on the place, not the alias.
    pub(super) concept: Option<Concept>,
}

impl StemmedWord {
    pub(super) fn matches(&self, o: &StemmedWord) -> bool {
        match (self.concept, o.concept) {
            (Some(a), Some(b)) => a == b,
            _ => {
                self.stem == o.stem
                    || o.alt_stem.as_ref().is_some_and(|k| *k == self.stem)
                    || self.alt_stem.as_ref().is_some_and(|k| *k == o.stem)
            }
        }
    }
}

#[derive(Debug, Clone)]
pub(super) struct Quantity {
    /// Values the report allows (hedges and vague counts widen it).
    pub(super) range: (f64, f64),
    /// Content items following the number: its quantity noun phrase.
    pub(super) noun: Vec<StemmedWord>,
    pub(super) text: String,
    /// Token index of the numeral, and just past it and its scale word.
    pub(super) start: usize,
    pub(super) end: usize,
    /// Its head noun counts people (شخصا، قتيلا، مدنيا، سوري).
    pub(super) people: bool,
    /// A percentage (95 بالمئة، 30%): comparable only with percentages.
    pub(super) percent: bool,
    /// The day or date it is given for, in its clause ("40 شخصا يوم
    /// الجمعة"): a day is 1000 + its number, a date month * 100 + day.
    pub(super) time: Option<u32>,
}

/// An antonym-group word and the content item it most likely applies to.
#[derive(Debug, Clone)]
pub(super) struct PoleHit {
    pub(super) group: u16,
    pub(super) pole: u8,
    pub(super) text: String,
    pub(super) pos: usize,
    pub(super) arg: Option<usize>,
}

/// A claim analysed once, to be compared with many others.
#[derive(Debug, Clone)]
pub struct AnalysedClaim {
    pub(super) items: Vec<StemmedWord>,
    /// Surface form of each item, for evidence.
    pub(super) item_text: Vec<String>,
    pub(super) negations: Vec<String>,
    pub(super) denials: Vec<String>,
    pub(super) poles: Vec<PoleHit>,
    /// Token position of each item, to bind pole words to their arguments.
    pub(super) item_pos: Vec<usize>,
    /// Sum of evaluative signs (sentiment words and valenced poles).
    pub(super) valence: i32,
    pub(super) alleged: bool,
    pub(super) certain: bool,
    pub(super) causal: bool,
    pub(super) concessive: bool,
    pub(super) quantities: Vec<Quantity>,
    pub(super) years: Vec<u16>,
    pub(super) places: Vec<u16>,
    /// Places named as where something happened ("في هامبورغ").
    pub(super) event_places: Vec<u16>,
    /// For each item, the negation that governs it, if any: a negator just
    /// before it, or a denial verb earlier in its clause.
    pub(super) item_neg: Vec<Option<String>>,
    /// For each item, whether it names an entity (entities carry no polarity).
    pub(super) item_entity: Vec<bool>,
    /// For each item, the entity or place it is part of the name of: the
    /// words of one name ("الرئيس السوري بشار الأسد") are one part of what
    /// two claims share, not four.
    pub(super) item_name: Vec<Option<u16>>,
    /// For each item, whether it is a predicate word of the frame.
    pub(super) item_pred: Vec<bool>,
    /// Denial verbs in the claim's own words (scoped to their clause).
    pub(super) text_denials: Vec<String>,
    /// The statement frame: predicate classes, with the negation that governs
    /// each, and the entities named (with the places that enclose them).
    pub(super) preds: Vec<(u16, Option<String>)>,
    /// The statement (a stretch between clause boundaries and words that
    /// open a subordinate clause) of each predicate class named, of each
    /// entity named and of each item, so that a shared predicate is checked
    /// against the arguments around it.
    pub(super) pred_stmt: Vec<(u16, u16)>,
    /// For each entry of `pred_stmt`, whether its statement is a
    /// subordinate clause ("إثر هجوم"، "التي شهدت الهجوم").
    pub(super) pred_sub: Vec<bool>,
    pub(super) entity_stmt: Vec<(u16, u16)>,
    pub(super) item_stmt: Vec<u16>,
    pub(super) entities: Vec<u16>,
    /// The clause of each item and of each year (indexes parallel to
    /// `items` and `years`; token indexes until the analysis ends).
    pub(super) item_clause: Vec<u16>,
    pub(super) year_clause: Vec<u16>,
    /// Where each predicate class and each entity is named (token index).
    pub(super) pred_pos: Vec<(usize, u16)>,
    pub(super) entity_pos: Vec<(usize, u16)>,
    /// Days (1..=7) and dates (month * 100 + day) the claim names.
    pub(super) days: Vec<u32>,
    pub(super) dates: Vec<u32>,
    /// The claim gives a toll as a later or earlier figure (الحصيلة الأولية).
    pub(super) update_marked: bool,
    /// The claim opens with a condition, a question or a warning: it does
    /// not assert its predicate ("إذا كان هناك دليل على استخدام ...").
    pub(super) non_assertive: bool,
    /// The claim's first word is a preposition ("بالغاز السام على ...").
    pub(super) opens_with_preposition: bool,
}

impl AnalysedClaim {
    /// The source denies the claim (its cue's stance is deny): the claim's
    /// words are the proposition, the denial is its polarity.
    pub fn mark_denied(&mut self, cue: &str) {
        self.denials.push(cue.to_string());
    }

    /// Whether the claim is denied or negated as a whole, or holds a denial.
    pub fn is_denied(&self) -> bool {
        !self.denials.is_empty() || !self.text_denials.is_empty()
    }

    /// The years the claim names.
    pub fn years(&self) -> &[u16] {
        &self.years
    }

    /// The years of the clauses that hold most of the words this claim
    /// shares with `other`: in "X is not up for debate, it began in August
    /// 2013", the year belongs to the second clause only.
    pub fn years_against(&self, other: &AnalysedClaim) -> Vec<u16> {
        let clauses: Vec<u16> = self.year_clause.clone();
        if self.years.is_empty()
            || clauses.iter().all(|c| *c == clauses[0])
                && self.item_clause.iter().all(|c| *c == clauses[0])
        {
            return self.years.clone();
        }
        let mut shared: HashMap<u16, usize> = HashMap::new();
        for (i, it) in self.items.iter().enumerate() {
            if self.item_entity.get(i).copied().unwrap_or(false) {
                continue;
            }
            if other.items.iter().any(|o| it.matches(o))
                && let Some(c) = self.item_clause.get(i)
            {
                *shared.entry(*c).or_insert(0) += 1;
            }
        }
        let Some(best) = shared.values().copied().max() else {
            return self.years.clone();
        };
        // A year governs its clause and the ones after it, until the next
        // year ("في أغسطس 2013، أطلق ..." dates the whole sentence).
        let mut out: Vec<u16> = Vec::new();
        for (&c, _) in shared.iter().filter(|(_, n)| **n == best) {
            let Some(from) = clauses.iter().copied().filter(|yc| *yc <= c).max() else {
                continue;
            };
            for (y, _) in self
                .years
                .iter()
                .zip(&clauses)
                .filter(|(_, yc)| **yc == from)
            {
                if !out.contains(y) {
                    out.push(*y);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The source only alleges it (زعم، ادعى).
    pub fn mark_alleged(&mut self) {
        self.alleged = true;
    }

    /// The claim's blocking keys for candidate generation: content stems
    /// (and their second reading), numbers, years and places.
    pub fn keys(&self) -> impl Iterator<Item = String> + '_ {
        let items = self.items.iter().flat_map(|i| {
            let concept = i.concept.map(|c| format!("{c:?}"));
            std::iter::once(i.stem.clone())
                .chain(i.alt_stem.clone())
                .chain(concept)
        });
        let years = self.years.iter().map(|y| format!("year:{y}"));
        // The counts the claim gives: two outlets' tolls meet on them.
        let counts = self
            .quantities
            .iter()
            .filter(|q| q.range.0 >= 10.0 && q.range.0.is_finite())
            .map(|q| format!("count:{}", q.range.0));
        items.chain(years).chain(counts)
    }
}
