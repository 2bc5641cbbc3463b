//! Pairwise claim relation: corroborates / conflicts / unrelated.
//!
//! A lexical rule engine. Two claims are first aligned by content-word
//! overlap over light stems; aligned claims about visibly different events
//! (another year, another place) are unrelated; otherwise a conflict needs
//! positive evidence (a polarity flip, a contradicting number, or certainty
//! against allegation), and aligned claims without such evidence corroborate.

use std::collections::HashMap;

use super::lexicon::{Lexicon, Term};
use super::num;
use super::stem;
use crate::arabic::tokens::{TokKind, Token, terms};
use crate::arabic::{morphology, punctuation};
use crate::text::fold_str as fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    Corroborates,
    Conflicts,
    Unrelated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConflictKind {
    Polarity,
    Numeric,
    /// Same content, asserted by one side and only alleged by the other.
    Framing,
    /// Same statement, another year or place.
    Event,
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

/// Inverse document frequencies over content keys. Optional: without it
/// every content word weighs 1.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    words: HashMap<String, f64>,
    concepts: HashMap<Concept, f64>,
    unseen: f64,
    /// The size of the compared set (0 when unknown).
    n: f64,
}

impl Idf {
    /// Builds IDF from a collection of claim texts (e.g. all texts of the
    /// candidate pairs being compared).
    pub fn from_texts<'a, I: IntoIterator<Item = &'a str>>(texts: I, lex: &Lexicon) -> Idf {
        let mut words: HashMap<String, u32> = HashMap::new();
        let mut concepts: HashMap<Concept, u32> = HashMap::new();
        let mut n = 0u32;
        for t in texts {
            n += 1;
            // Claim items are already deduplicated.
            for item in Claim::analyze(t, lex).items {
                match item.concept {
                    Some(c) => *concepts.entry(c).or_insert(0) += 1,
                    None => *words.entry(item.k0).or_insert(0) += 1,
                }
            }
        }
        let nf = f64::from(n.max(1));
        let idf = |d: u32| (1.0 + nf / f64::from(d)).ln();
        Idf {
            words: words.into_iter().map(|(k, d)| (k, idf(d))).collect(),
            concepts: concepts.into_iter().map(|(k, d)| (k, idf(d))).collect(),
            unseen: (1.0 + nf).ln(),
            n: nf,
        }
    }

    /// Document frequencies over analysed claims: how many claims hold
    /// each content key (a word's stem, or a lexicon concept).
    pub fn frequencies<'a, I: IntoIterator<Item = &'a Claim>>(claims: I) -> HashMap<String, u32> {
        let mut df: HashMap<String, u32> = HashMap::new();
        for c in claims {
            let mut seen: Vec<String> = c.items.iter().map(Idf::key).collect();
            seen.sort_unstable();
            seen.dedup();
            for k in seen {
                *df.entry(k).or_insert(0) += 1;
            }
        }
        df
    }

    /// The frequencies of one claim's keys, from a table of the whole set
    /// (what the two-step compare carries with each claim).
    pub fn claim_frequencies(c: &Claim, df: &HashMap<String, u32>) -> Vec<(String, u32)> {
        let mut v: Vec<(String, u32)> = c
            .items
            .iter()
            .map(Idf::key)
            .map(|k| {
                let d = df.get(&k).copied().unwrap_or(1);
                (k, d)
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// IDF over a compared set of `n` claims, from its document
    /// frequencies. A part that nearly every claim has weighs almost
    /// nothing (ln(n/d)); a prior of `IDF_PRIOR` claims that hold nothing
    /// keeps a small set (two articles) from weighing every shared word
    /// at zero.
    pub fn from_frequencies<I: IntoIterator<Item = (String, u32)>>(df: I, n: usize) -> Idf {
        let nf = n as f64 + IDF_PRIOR;
        let idf = |d: u32| (nf / f64::from(d.max(1))).ln().max(0.0);
        let mut words = HashMap::new();
        let mut concepts = HashMap::new();
        for (k, d) in df {
            match Idf::parse_concept(&k) {
                Some(c) => {
                    concepts.insert(c, idf(d));
                }
                None => {
                    words.insert(k, idf(d));
                }
            }
        }
        Idf {
            words,
            concepts,
            unseen: nf.ln(),
            n: n as f64,
        }
    }

    fn key(it: &Item) -> String {
        match it.concept {
            Some(Concept::Group(g)) => format!("\u{1}g{g}"),
            Some(Concept::Place(p)) => format!("\u{1}p{p}"),
            None => it.k0.clone(),
        }
    }

    fn parse_concept(k: &str) -> Option<Concept> {
        let rest = k.strip_prefix('\u{1}')?;
        let (tag, num) = rest.split_at(1);
        let n: u16 = num.parse().ok()?;
        match tag {
            "g" => Some(Concept::Group(n)),
            "p" => Some(Concept::Place(n)),
            _ => None,
        }
    }

    fn weight(&self, item: &Item) -> f64 {
        match item.concept {
            Some(c) => self.concepts.get(&c),
            None => self.words.get(&item.k0),
        }
        .copied()
        .unwrap_or(self.unseen)
    }
}

/// Claims of nothing assumed in every compared set, so that IDF over a
/// handful of claims stays near uniform.
const IDF_PRIOR: f64 = 20.0;

/// How much of the shorter claim's content, weighted by IDF over the
/// compared set, the longer one covers: parts that every claim of a story
/// shares ("attack", "Syria") count for little.
pub fn weighted_cover(a: &Claim, b: &Claim, idf: &Idf) -> f64 {
    overlap(a, b, Some(idf), true).0
}

/// The content parts two claims share that few claims of the compared set
/// hold: at most `share` of them, and always those only two claims hold
/// (on both sides, when the parts match by a second stem).
/// "Attack" and "Syria" in a story on a Syrian attack are not among them.
/// Times do not count: a shared day is where two claims may meet, not a
/// statement they share. The words of one name (in either claim) are one
/// part: "الرئيس السوري بشار الأسد" is one actor named, not three things
/// two claims say alike.
pub fn distinctive_shared(
    a: &Claim,
    b: &Claim,
    idf: &Idf,
    share: f64,
    lex: &Lexicon,
) -> Vec<String> {
    let most = (share * idf.n).max(2.0);
    let floor = ((idf.n + IDF_PRIOR) / most).ln() - 1e-9;
    // Each part: the name it belongs to, where its last word stands, its words.
    let mut parts: Vec<(Option<u16>, usize, String)> = Vec::new();
    let related =
        |x: u16, y: u16| lex.entity_chain(x).any(|e| e == y) || lex.entity_chain(y).any(|e| e == x);
    for (i, (it, text)) in a.items.iter().zip(&a.item_text).enumerate() {
        if lex.is_time_key(&it.k0) {
            continue;
        }
        let Some(j) = b
            .items
            .iter()
            .position(|o| it.matches(o) && idf.weight(it).min(idf.weight(o)) >= floor)
        else {
            continue;
        };
        let name = a
            .item_name
            .get(i)
            .copied()
            .flatten()
            .or(b.item_name.get(j).copied().flatten());
        let pos = a.item_pos.get(i).copied().unwrap_or(0);
        // The same name anywhere, or a name next to one that encloses it
        // ("الرئيس السوري" for the Syrian state, "دوما السورية").
        let one_name = |(n, at, _): &(Option<u16>, usize, String)| match (name, *n) {
            (Some(x), Some(y)) => x == y || (related(x, y) && pos.abs_diff(*at) <= NAME_GAP),
            _ => false,
        };
        if let Some(k) = parts.iter().position(one_name) {
            parts[k].1 = pos;
            parts[k].2.push(' ');
            parts[k].2.push_str(text);
        } else if parts.last().is_none_or(|(_, _, t)| t != text) {
            parts.push((name, pos, text.clone()));
        }
    }
    parts.into_iter().map(|(_, _, t)| t).collect()
}

/// How many tokens apart two names may stand and still be one name, when
/// one encloses the other: "الرئيس السوري بشار الأسد".
const NAME_GAP: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Concept {
    Group(u16),
    Place(u16),
}

/// One content word (or multi-word lexicon entry) of a claim.
#[derive(Debug, Clone)]
struct Item {
    k0: String,
    k1: Option<String>,
    /// Antonym words match on their group, so that "rises" and "falls"
    /// align (and then conflict); places match on the place, not the alias.
    concept: Option<Concept>,
}

impl Item {
    fn matches(&self, o: &Item) -> bool {
        match (self.concept, o.concept) {
            (Some(a), Some(b)) => a == b,
            _ => {
                self.k0 == o.k0
                    || o.k1.as_ref().is_some_and(|k| *k == self.k0)
                    || self.k1.as_ref().is_some_and(|k| *k == o.k0)
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Quantity {
    /// Values the report allows (hedges and vague counts widen it).
    range: (f64, f64),
    /// Content items following the number: its quantity noun phrase.
    noun: Vec<Item>,
    text: String,
    /// Token index of the numeral, and just past it and its scale word.
    start: usize,
    end: usize,
    /// Its head noun counts people (شخصا، قتيلا، مدنيا، سوري).
    people: bool,
    /// A percentage (95 بالمئة، 30%): comparable only with percentages.
    percent: bool,
    /// The day or date it is given for, in its clause ("40 شخصا يوم
    /// الجمعة"): a day is 1000 + its number, a date month * 100 + day.
    time: Option<u32>,
}

/// An antonym-group word and the content item it most likely applies to.
#[derive(Debug, Clone)]
struct PoleHit {
    group: u16,
    pole: u8,
    text: String,
    pos: usize,
    arg: Option<usize>,
}

/// A claim analysed once, to be compared with many others.
#[derive(Debug, Clone)]
pub struct Claim {
    items: Vec<Item>,
    /// Surface form of each item, for evidence.
    item_text: Vec<String>,
    negations: Vec<String>,
    denials: Vec<String>,
    poles: Vec<PoleHit>,
    /// Token position of each item, to bind pole words to their arguments.
    item_pos: Vec<usize>,
    /// Sum of evaluative signs (sentiment words and valenced poles).
    valence: i32,
    alleged: bool,
    certain: bool,
    causal: bool,
    concessive: bool,
    quantities: Vec<Quantity>,
    years: Vec<u16>,
    places: Vec<u16>,
    /// Places named as where something happened ("في هامبورغ").
    event_places: Vec<u16>,
    /// For each item, the negation that governs it, if any: a negator just
    /// before it, or a denial verb earlier in its clause.
    item_neg: Vec<Option<String>>,
    /// For each item, whether it names an entity (entities carry no polarity).
    item_entity: Vec<bool>,
    /// For each item, the entity or place it is part of the name of: the
    /// words of one name ("الرئيس السوري بشار الأسد") are one part of what
    /// two claims share, not four.
    item_name: Vec<Option<u16>>,
    /// For each item, whether it is a predicate word of the frame.
    item_pred: Vec<bool>,
    /// Denial verbs in the claim's own words (scoped to their clause).
    text_denials: Vec<String>,
    /// The statement frame: predicate classes, with the negation that governs
    /// each, and the entities named (with the places that enclose them).
    preds: Vec<(u16, Option<String>)>,
    /// The statement (a stretch between clause boundaries and words that
    /// open a subordinate clause) of each predicate class named, of each
    /// entity named and of each item, so that a shared predicate is checked
    /// against the arguments around it.
    pred_stmt: Vec<(u16, u16)>,
    /// For each entry of `pred_stmt`, whether its statement is a
    /// subordinate clause ("إثر هجوم"، "التي شهدت الهجوم").
    pred_sub: Vec<bool>,
    entity_stmt: Vec<(u16, u16)>,
    item_stmt: Vec<u16>,
    entities: Vec<u16>,
    /// The clause of each item and of each year (indexes parallel to
    /// `items` and `years`; token indexes until the analysis ends).
    item_clause: Vec<u16>,
    year_clause: Vec<u16>,
    /// Where each predicate class and each entity is named (token index).
    pred_pos: Vec<(usize, u16)>,
    entity_pos: Vec<(usize, u16)>,
    /// Days (1..=7) and dates (month * 100 + day) the claim names.
    days: Vec<u32>,
    dates: Vec<u32>,
    /// The claim gives a toll as a later or earlier figure (الحصيلة الأولية).
    update_marked: bool,
    /// The claim opens with a condition, a question or a warning: it does
    /// not assert its predicate ("إذا كان هناك دليل على استخدام ...").
    non_assertive: bool,
}

impl Claim {
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
    pub fn years_against(&self, other: &Claim) -> Vec<u16> {
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
            std::iter::once(i.k0.clone())
                .chain(i.k1.clone())
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

    pub fn analyze(text: &str, lex: &Lexicon) -> Claim {
        let folded = fold(text);
        let mut toks: Vec<Token> = Vec::new();
        terms(&folded, &mut toks);
        let surf = |t: &Token| &folded[t.range()];
        let keys: Vec<(String, Option<String>)> = toks
            .iter()
            .map(|t| match t.kind {
                TokKind::Word => {
                    let (k0, k1) = stem::keys(surf(t));
                    (lex.synonym(k0), k1.map(|k| lex.synonym(k)))
                }
                TokKind::Number | TokKind::Punct(_) => (surf(t).to_string(), None),
            })
            .collect();

        let mut c = Claim {
            items: Vec::new(),
            item_text: Vec::new(),
            negations: Vec::new(),
            denials: Vec::new(),
            poles: Vec::new(),
            item_pos: Vec::new(),
            valence: 0,
            alleged: false,
            certain: false,
            causal: false,
            concessive: false,
            quantities: Vec::new(),
            years: Vec::new(),
            places: Vec::new(),
            event_places: Vec::new(),
            item_neg: Vec::new(),
            item_entity: Vec::new(),
            item_name: Vec::new(),
            item_pred: Vec::new(),
            text_denials: Vec::new(),
            preds: Vec::new(),
            pred_stmt: Vec::new(),
            pred_sub: Vec::new(),
            entity_stmt: Vec::new(),
            item_stmt: Vec::new(),
            entities: Vec::new(),
            pred_pos: Vec::new(),
            entity_pos: Vec::new(),
            item_clause: Vec::new(),
            year_clause: Vec::new(),
            days: Vec::new(),
            dates: Vec::new(),
            update_marked: false,
            non_assertive: false,
        };
        // A clause ends at punctuation between two tokens.
        let boundary: Vec<bool> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                i > 0
                    && folded
                        .get(toks[i - 1].end as usize..t.start as usize)
                        .is_some_and(punctuation::breaks_clause)
            })
            .collect();
        // The frame's tags: predicate classes, entities, days, months.
        let mut pred_at: Vec<Option<u16>> = vec![None; toks.len()];
        let mut entity_at: Vec<Option<u16>> = vec![None; toks.len()];
        let mut day_at: Vec<Option<u16>> = vec![None; toks.len()];
        let mut month_at: Vec<Option<u16>> = vec![None; toks.len()];
        for (phrases, at) in [
            (&lex.predicates, &mut pred_at),
            (&lex.entities, &mut entity_at),
            (&lex.days, &mut day_at),
            (&lex.months, &mut month_at),
        ] {
            let mut i = 0;
            while i < toks.len() {
                match phrases.at(&keys, i) {
                    Some((tag, len)) => {
                        for slot in at.iter_mut().skip(i).take(len) {
                            *slot = Some(tag);
                        }
                        i += len;
                    }
                    None => i += 1,
                }
            }
        }
        c.update_marked = (0..toks.len()).any(|i| lex.updates.at(&keys, i).is_some());
        c.non_assertive = (0..toks.len().min(NON_ASSERTIVE_REACH))
            .any(|i| lex.non_assertive.at(&keys, i).is_some());
        // Tokens consumed as numbers or scale words are not content words.
        let mut numeric = vec![false; toks.len()];
        c.find_numbers(&folded, &toks, &mut numeric, lex, &month_at);

        let word_at = |j: usize| toks.get(j).filter(|t| t.kind == TokKind::Word).map(surf);
        // The negation in force: its word, and how many content words it
        // still governs (a denial verb governs the rest of its clause).
        let mut scope: Option<(String, usize)> = None;
        // The last negator of the clause and where it stands.
        let mut last_negator: Option<(String, usize)> = None;
        let mut neg_at: Vec<Option<String>> = vec![None; toks.len()];
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let w = surf(t);
            if boundary[i] {
                scope = None;
                last_negator = None;
            }
            if numeric[i] || t.kind == TokKind::Number {
                i += 1;
                continue;
            }
            if lex.is_negator(w) {
                let next = word_at(i + 1);
                let prev = i.checked_sub(1).and_then(word_at);
                // A trailing negator governs nothing; idioms like لا يزال
                // (still) are not negations; ما لم is "unless"; يحول دون
                // is "prevents"; in "لا X ولا Y" the second negator
                // continues the first.
                let governs = next.is_some_and(|n| !lex.is_negation_exception(n));
                let unless = prev.is_some_and(|p| lex.is_unless(p));
                let blocked = prev.is_some_and(|p| lex.is_negation_blocker(p));
                let coordinated = morphology::starts_with_and(w) && !c.negations.is_empty();
                if governs && !unless && !blocked {
                    if !coordinated {
                        c.negations.push(w.to_string());
                    }
                    // A negator governs the predicate after it and its
                    // object: "لم تتدخل موسكو" negates تتدخل, not the
                    // rest of a long claim.
                    scope = Some((w.to_string(), 2));
                    last_negator = Some((w.to_string(), i));
                }
                i += 1;
                continue;
            }
            // The negation in force reaches this content word (a name is
            // not negated and does not use up a negator's reach).
            // "No evidence of X" denies X: a noun of evidence a few words
            // after a negator in its clause ("لم يعثر المحققون على أي
            // دليل على ...") is negated, and governs the rest of the
            // clause, as a denial verb does.
            if entity_at[i].is_none()
                && lex.is_evidence(&keys[i].0)
                && let Some((word, at)) = &last_negator
                && i - at <= EVIDENCE_REACH
            {
                scope = Some((word.clone(), usize::MAX));
            }
            if entity_at[i].is_none()
                && !lex.is_stopword(w)
                && let Some((word, n)) = &mut scope
                && *n > 0
            {
                *n -= 1;
                neg_at[i] = Some(word.clone());
            }
            // Function words never fire content entries (بأنه is not أنهى).
            let term = if lex.is_stopword(w) {
                None
            } else {
                lex.match_term(&keys, i)
            };
            if let Some((term, len)) = term {
                let span_text = toks[i..i + len]
                    .iter()
                    .map(surf)
                    .collect::<Vec<_>>()
                    .join(" ");
                match term {
                    Term::Denial => {
                        // What follows in its clause is denied; a denial
                        // that closes the claim ("... عارية عن الصحة")
                        // denies what came before: the whole claim.
                        let rest_of_clause = (i + len..toks.len())
                            .take_while(|&j| !boundary[j])
                            .any(|j| {
                                toks[j].kind == TokKind::Word && !lex.is_stopword(surf(&toks[j]))
                            });
                        if rest_of_clause {
                            c.text_denials.push(span_text.clone());
                            scope = Some((span_text, usize::MAX));
                        } else {
                            c.denials.push(span_text);
                        }
                    }
                    Term::Allegation => c.alleged = true,
                    Term::Certainty => c.certain = true,
                    Term::Causal => c.causal = true,
                    Term::Concessive => c.concessive = true,
                    Term::Sentiment(v) => {
                        c.valence += i32::from(v);
                        c.push_item(&keys[i], None, span_text, i);
                        c.tag_last(i, entity_at[i], pred_at[i].is_some(), neg_at[i].clone());
                    }
                    Term::Antonym { group, pole } => {
                        let v = lex
                            .groups
                            .get(usize::from(group))
                            .and_then(|g| g.valence.get(usize::from(pole)));
                        c.valence += v.map_or(0, |&v| i32::from(v));
                        c.poles.push(PoleHit {
                            group,
                            pole,
                            text: span_text.clone(),
                            pos: i,
                            arg: None,
                        });
                        c.push_item(&keys[i], Some(Concept::Group(group)), span_text, i);
                        c.tag_last(i, entity_at[i], pred_at[i].is_some(), neg_at[i].clone());
                    }
                    Term::Place(p) => {
                        let mut id = Some(p);
                        // Walk up the enclosing places (bounded, in case of a
                        // cyclic lexicon).
                        for _ in 0..4 {
                            let Some(cur) = id else { break };
                            if !c.places.contains(&cur) {
                                c.places.push(cur);
                            }
                            id = lex.places.get(usize::from(cur)).and_then(|pl| pl.within);
                        }
                        let prev = i.checked_sub(1).and_then(word_at);
                        if prev.is_some_and(|w| lex.is_locative(w)) && !c.event_places.contains(&p)
                        {
                            c.event_places.push(p);
                        }
                        c.push_item(&keys[i], Some(Concept::Place(p)), span_text, i);
                        c.tag_last(i, Some(p), false, None);
                    }
                }
                i += len;
                continue;
            }
            if !lex.is_stopword(w) && w.chars().count() > 1 {
                c.push_item(&keys[i], None, w.to_string(), i);
                c.tag_last(i, entity_at[i], pred_at[i].is_some(), neg_at[i].clone());
            }
            i += 1;
        }
        // Clauses: a count of the boundaries before each token.
        let clause_of: Vec<u16> = boundary
            .iter()
            .scan(0u16, |n, &b| {
                *n = n.saturating_add(u16::from(b));
                Some(*n)
            })
            .collect();
        let clause = |i: usize| clause_of.get(i).copied().unwrap_or(0);
        c.item_clause = c.item_pos.iter().map(|&p| clause(p)).collect();
        c.year_clause = c
            .year_clause
            .iter()
            .map(|&p| clause(usize::from(p)))
            .collect();
        // The frame: predicate classes with their negation, entities with
        // the places that enclose them, days and dates.
        for (i, p) in pred_at.iter().enumerate() {
            let Some(p) = *p else { continue };
            // A phrase's first token carries its negation.
            if i > 0 && pred_at[i - 1] == Some(p) {
                continue;
            }
            c.pred_pos.push((i, p));
            let entry = (p, neg_at[i].clone());
            if !c.preds.contains(&entry) {
                c.preds.push(entry);
            }
        }
        for (i, e) in entity_at.iter().enumerate() {
            // A place where something happened ("في الغوطة") is not an actor.
            let locative = i
                .checked_sub(1)
                .and_then(word_at)
                .is_some_and(|w| lex.is_locative(w));
            if let Some(e) = e
                && (i == 0 || entity_at[i - 1] != Some(*e))
                && !locative
            {
                c.entity_pos.push((i, *e));
            }
        }
        let stmt_of = statements(&boundary, |i| {
            word_at(i).is_some_and(|w| lex.is_subordinator(w))
                || lex.hedged_relatives.at(&keys, i).is_some()
        });
        let stmt = |i: usize| stmt_of.get(i).map_or(0, |s| s.0);
        c.pred_stmt = c.pred_pos.iter().map(|&(i, p)| (p, stmt(i))).collect();
        c.pred_sub = c
            .pred_pos
            .iter()
            .map(|&(i, _)| stmt_of.get(i).is_some_and(|s| s.1))
            .collect();
        c.entity_stmt = c.entity_pos.iter().map(|&(i, e)| (e, stmt(i))).collect();
        c.item_stmt = c.item_pos.iter().map(|&p| stmt(p)).collect();
        for e in entity_at.iter().flatten() {
            for x in lex.entity_chain(*e) {
                if !c.entities.contains(&x) {
                    c.entities.push(x);
                }
            }
        }
        for (i, d) in day_at.iter().enumerate() {
            if let Some(d) = d
                && (i == 0 || day_at[i - 1].is_none())
            {
                let d = 1000 + u32::from(*d);
                if !c.days.contains(&d) {
                    c.days.push(d);
                }
            }
        }
        // Each token's time: a day, or a date (its number then its month).
        let mut times: Vec<Option<u32>> = day_at
            .iter()
            .map(|d| d.map(|d| 1000 + u32::from(d)))
            .collect();
        for (j, m) in month_at.iter().enumerate() {
            if let Some(m) = m {
                let day = j
                    .checked_sub(1)
                    .and_then(|k| toks.get(k))
                    .filter(|t| t.kind == TokKind::Number)
                    .and_then(|t| num::parse_numeral(surf(t)))
                    .filter(|v| (1.0..=31.0).contains(v));
                times[j] = Some(u32::from(*m) * 100 + day.map_or(0, |d| d as u32));
            }
        }
        c.attach_nouns(&folded, &toks, &keys, lex, &boundary, &times, &entity_at);
        let surfaces: Vec<&str> = toks.iter().map(surf).collect();
        c.bind_pole_args(&surfaces, lex);
        // Hundreds of thousands of claims stay in memory during a compare:
        // no spare capacity.
        c.items.shrink_to_fit();
        c.item_text.shrink_to_fit();
        c.item_pos.shrink_to_fit();
        c.item_neg.shrink_to_fit();
        c.item_entity.shrink_to_fit();
        c.item_name.shrink_to_fit();
        c.item_pred.shrink_to_fit();
        c.item_clause.shrink_to_fit();
        c.quantities.shrink_to_fit();
        c.poles.shrink_to_fit();
        c.pred_pos.shrink_to_fit();
        c.entity_pos.shrink_to_fit();
        c.preds.shrink_to_fit();
        c.pred_stmt.shrink_to_fit();
        c.pred_sub.shrink_to_fit();
        c.entity_stmt.shrink_to_fit();
        c.item_stmt.shrink_to_fit();
        c.entities.shrink_to_fit();
        c
    }

    fn push_item(
        &mut self,
        keys: &(String, Option<String>),
        concept: Option<Concept>,
        text: String,
        pos: usize,
    ) {
        let item = Item {
            k0: keys.0.clone(),
            k1: keys.1.clone(),
            concept,
        };
        if self
            .items
            .iter()
            .any(|x| x.matches(&item) && x.concept == item.concept)
        {
            return;
        }
        self.items.push(item);
        self.item_text.push(text);
        self.item_pos.push(pos);
        self.item_neg.push(None);
        self.item_entity.push(false);
        self.item_name.push(None);
        self.item_pred.push(false);
    }

    /// Marks the item just pushed at token `pos` (if it was new) with its
    /// frame roles (the entity or place it names, if any) and the negation
    /// that governs it.
    fn tag_last(&mut self, pos: usize, name: Option<u16>, pred: bool, neg: Option<String>) {
        if self.item_pos.last() != Some(&pos) {
            return;
        }
        let entity = name.is_some();
        if let Some(e) = self.item_entity.last_mut() {
            *e = entity;
        }
        if let Some(e) = self.item_name.last_mut() {
            *e = name;
        }
        if let Some(p) = self.item_pred.last_mut() {
            *p = pred;
        }
        if let Some(slot) = self.item_neg.last_mut() {
            *slot = if entity { None } else { neg };
        }
    }

    /// The argument of a pole word is the nearest content word that is not
    /// itself a pole word: "الذهب يصعد مع تراجع الدولار" binds يصعد to
    /// الذهب and تراجع to الدولار. On ties an imperfect verb (ي/ت-initial)
    /// takes the preceding word, as headlines are mostly subject-verb, and a
    /// verbal noun the following genitive (ارتفاع الدولار); a word opening
    /// with the conjunction و starts another clause and loses ties.
    fn bind_pole_args(&mut self, surfaces: &[&str], lex: &Lexicon) {
        for h in 0..self.poles.len() {
            let pos = self.poles[h].pos;
            let verb = surfaces
                .get(pos)
                .is_some_and(|w| morphology::is_third_person_imperfect(w));
            let mut best: Option<(usize, usize)> = None;
            for (idx, (&ipos, item)) in self.item_pos.iter().zip(&self.items).enumerate() {
                // A degree word or a measure's head ("صعود كبير للإسترليني",
                // "هبوط في أسعار النفط") is not what rises or falls.
                if ipos == pos
                    || matches!(item.concept, Some(Concept::Group(_)))
                    || surfaces.get(ipos).is_some_and(|w| lex.is_pole_skip(w))
                {
                    continue;
                }
                let behind = ipos < pos;
                let new_clause = !behind
                    && surfaces
                        .get(ipos)
                        .is_some_and(|w| morphology::starts_with_and(w));
                // A pole word opening a conjunct ("وهبوط حاد للدولار") is
                // said of what follows it, not of the conjunct before.
                let conjunct = behind
                    && surfaces
                        .get(pos)
                        .is_some_and(|w| morphology::starts_with_and(w));
                let d = ipos.abs_diff(pos) * 4
                    + usize::from(behind != verb)
                    + 2 * usize::from(new_clause)
                    + 8 * usize::from(conjunct);
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, idx));
                }
            }
            self.poles[h].arg = best.map(|(_, idx)| idx);
        }
    }

    /// Numbers with their scale words and hedges; four-digit values in the
    /// year range without a scale become years.
    fn find_numbers(
        &mut self,
        folded: &str,
        toks: &[Token],
        numeric: &mut [bool],
        lex: &Lexicon,
        month_at: &[Option<u16>],
    ) {
        let surf = |t: &Token| &folded[t.range()];
        let word = |j: usize| toks.get(j).filter(|t| t.kind == TokKind::Word).map(surf);
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let s = surf(t);
            let found = match t.kind {
                TokKind::Number => num::parse_numeral(s).map(|v| (v, v)),
                // A bare scale word is itself a count: ألف رسالة.
                TokKind::Word => lex.numbers.count_word(s),
                TokKind::Punct(_) => None,
            };
            let Some((mut lo, mut hi)) = found else {
                i += 1;
                continue;
            };
            let mut end = i + 1;
            let mut scaled = false;
            if let Some(m) = word(end).and_then(|w| lex.numbers.scale(w)) {
                lo *= m;
                hi *= m;
                scaled = true;
                end += 1;
            }
            // "95 بالمئة", "30 في المائة", "12%": a percentage, whose words are
            // part of it (and no count of 100 of their own).
            let percent_word = |j: usize| word(j).is_some_and(|w| lex.numbers.is_percent_word(w));
            let percent_tail = if percent_word(end) {
                1
            } else if word(end).is_some_and(|w| lex.is_locative(w)) && percent_word(end + 1) {
                2
            } else {
                0
            };
            let percent_sign = folded
                .get(toks[end - 1].end as usize..)
                .is_some_and(|r| lex.numbers.starts_with_percent_sign(r));
            let percent = !scaled && (percent_sign || percent_tail > 0);
            if percent {
                end += percent_tail;
            }
            let prev_word = i.checked_sub(1).and_then(word);
            // A clock time ("الساعة 1600", "1700 بتوقيت غرينتش", "16:00") or a
            // day of a month ("4 إبريل") is a time, never a count.
            let clock = !scaled
                && (prev_word.is_some_and(|w| lex.is_clock_before(w))
                    || word(end).is_some_and(|w| lex.is_clock_after(w))
                    || folded.get(t.end as usize..).is_some_and(|r| {
                        r.starts_with(':') && r[1..].starts_with(|c: char| c.is_ascii_digit())
                    }));
            let month = (!scaled && t.kind == TokKind::Number)
                .then(|| month_at.get(end).copied().flatten())
                .flatten();
            if t.kind == TokKind::Number && !scaled && num::is_year(lo, s) {
                // u16 holds every value in the year range.
                self.years.push(lo as u16);
                self.year_clause.push(i as u16);
            } else if clock {
                // A clock time's minutes ("16:00") are part of it.
                if toks.get(end).is_some_and(|n| {
                    n.kind == TokKind::Number
                        && folded.get(t.end as usize..n.start as usize) == Some(":")
                }) {
                    end += 1;
                }
            } else if let Some(m) = month {
                if (1.0..=31.0).contains(&lo) {
                    let d = u32::from(m) * 100 + lo as u32;
                    if !self.dates.contains(&d) {
                        self.dates.push(d);
                    }
                }
            } else {
                let prev = i.checked_sub(1).and_then(word);
                let prev2 = i.checked_sub(2).and_then(word);
                let mut hedge = lex.numbers.hedge(prev2, prev);
                if let Some(h) = word(end).and_then(|w| lex.numbers.trailing_hedge(w)) {
                    hedge = h;
                }
                let text = toks[i..end].iter().map(surf).collect::<Vec<_>>().join(" ");
                let range = num::interval(lo, hi, hedge);
                self.quantities.push(Quantity {
                    range,
                    noun: Vec::new(),
                    text,
                    start: i,
                    end,
                    people: false,
                    percent,
                    time: None,
                });
            }
            for n in numeric.iter_mut().take(end).skip(i) {
                *n = true;
            }
            i = end;
        }
    }

    /// The quantity noun of each number: up to three content words after it;
    /// whether it counts people; the day or date of its clause.
    #[allow(clippy::too_many_arguments)]
    fn attach_nouns(
        &mut self,
        folded: &str,
        toks: &[Token],
        keys: &[(String, Option<String>)],
        lex: &Lexicon,
        boundary: &[bool],
        times: &[Option<u32>],
        entity_at: &[Option<u16>],
    ) {
        let surf = |t: &Token| &folded[t.range()];
        for q in &mut self.quantities {
            // The clause's time: the nearest day or date after the count,
            // else before it, inside its clause.
            let after = (q.end..toks.len())
                .take_while(|&j| !boundary[j])
                .find_map(|j| times[j]);
            let before = || {
                (0..q.start)
                    .rev()
                    .take_while(|&j| !boundary[j + 1])
                    .find_map(|j| times[j])
            };
            q.time = after.or_else(before);
            let head = (q.end..toks.len().min(q.end + 3))
                .find(|&j| toks[j].kind == TokKind::Word && !lex.is_stopword(surf(&toks[j])));
            q.people = head.is_some_and(|j| {
                lex.counts_people(&keys[j].0)
                    || keys[j].1.as_deref().is_some_and(|k| lex.counts_people(k))
                    // "100 سوري": a nationality counts people.
                    || entity_at.get(j).copied().flatten().is_some()
            });
            let mut j = q.end;
            while j < toks.len() && q.noun.len() < 3 && j < q.end + 5 {
                let t = &toks[j];
                let w = surf(t);
                // The next number starts its own phrase.
                if t.kind == TokKind::Number || lex.numbers.count_word(w).is_some() {
                    break;
                }
                if !lex.is_stopword(w) && !lex.is_negator(w) && w.chars().count() > 1 {
                    let concept = match lex.match_term(keys, j) {
                        Some((Term::Antonym { group, .. }, _)) => Some(Concept::Group(group)),
                        Some((Term::Place(p), _)) => Some(Concept::Place(p)),
                        _ => None,
                    };
                    q.noun.push(Item {
                        k0: keys[j].0.clone(),
                        k1: keys[j].1.clone(),
                        concept,
                    });
                }
                j += 1;
            }
        }
    }
}

fn overlap(a: &Claim, b: &Claim, idf: Option<&Idf>, containment: bool) -> (f64, Vec<String>) {
    let w = |it: &Item| idf.map_or(1.0, |t| t.weight(it));
    let (mut wa, mut sa, mut wb, mut sb) = (0.0, 0.0, 0.0, 0.0);
    let mut shared = Vec::new();
    for (it, text) in a.items.iter().zip(&a.item_text) {
        let x = w(it);
        wa += x;
        if b.items.iter().any(|o| it.matches(o)) {
            sa += x;
            shared.push(match it.concept {
                None => it.k0.clone(),
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
fn place_mismatch(a: &Claim, b: &Claim, lex: &Lexicon, headline: bool) -> Option<(String, String)> {
    // Only where something happened counts ("في هامبورغ"); a country as an
    // actor ("روسيا تتحمل") is an entity of the frame, not the event's place.
    let only = |x: &Claim, y: &Claim| {
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

/// Whether a claim's word is negated: by a negation that governs it, or by
/// the claim's denial as a whole (both cancel out).
fn negated(c: &Claim, local: bool) -> bool {
    local == c.denials.is_empty()
}

/// The rule and word that negate one side: a denial or a negator.
fn negation_source(c: &Claim, local: Option<&String>) -> (&'static str, String) {
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
fn scoped_negation(a: &Claim, b: &Claim, headline: bool) -> Vec<(usize, &'static str, String)> {
    // In a headline a negation governs the whole short claim.
    fn whole(c: &Claim, headline: bool) -> Option<&String> {
        headline
            .then(|| c.negations.first().or(c.text_denials.first()))
            .flatten()
    }
    let (wa, wb) = (whole(a, headline), whole(b, headline));
    let mut out: Vec<(usize, &'static str, String)> = Vec::new();
    let mut agree = false;
    let mut push = |side: usize, c: &Claim, local: Option<&String>| {
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
type Signal = (String, String);

/// Polarity conflict between two aligned claims, with the rule that decided.
///
/// Each claim is negated or not (a negator, a denial verb, or a negating
/// pole such as رفض/فشل that the other claim lacks); separately the pair is
/// reversed or not (opposite antonym poles, or "despite" against "because").
/// Several negators or several reversed groups usually restate the same
/// reversal, so each side is a yes/no, and the claims conflict when exactly
/// one of "negation differs" and "reversed" holds: "لم ينخفض" does not
/// contradict "ارتفع".
fn polarity(a: &Claim, b: &Claim, lex: &Lexicon, headline: bool) -> Option<(String, Vec<String>)> {
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
        let bound = |c: &Claim, h: &PoleHit, other: &Claim| {
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
fn learned_contrast<'a>(a: &'a Claim, b: &'a Claim, lex: &Lexicon) -> Option<(&'a str, &'a str)> {
    let (oa, ob) = (unmatched(a, b), unmatched(b, a));
    let keys = |it: &'a Item| std::iter::once(it.k0.as_str()).chain(it.k1.as_deref());
    oa.iter().find_map(|(x, tx)| {
        ob.iter()
            .find(|(y, _)| keys(x).any(|kx| keys(y).any(|ky| lex.contrast(kx, ky))))
            .map(|(_, ty)| (*tx, *ty))
    })
}

/// A rough root: verb and noun prefixes and long vowels dropped
/// (يتراجع, تراجع -> رجع; توثيق, توثق -> ثق).
fn skeleton(key: &str) -> String {
    let mut k: Vec<char> = key.chars().collect();
    while k.len() > 2 && morphology::is_root_prefix(k[0]) {
        k.remove(0);
    }
    k.into_iter()
        .filter(|&c| !morphology::is_long_vowel(c))
        .collect()
}

/// Edit distance between two short words (in chars).
fn edits(a: &str, b: &str) -> usize {
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
fn variants(a: &str, b: &str) -> bool {
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

fn stem_chars(s: &str) -> usize {
    s.chars().count()
}

/// Pole words of one group bound to matching arguments with opposite poles.
fn bound_flip<'a>(
    a: &Claim,
    pa: &[&'a PoleHit],
    b: &Claim,
    pb: &[&'a PoleHit],
) -> Option<(&'a PoleHit, &'a PoleHit)> {
    fn arg<'c>(c: &'c Claim, h: &PoleHit) -> Option<&'c Item> {
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

/// Whether two reported numbers count the same thing: the same head noun
/// (or both count people), the same day or date, or neither names one.
fn same_quantity(qa: &Quantity, qb: &Quantity) -> bool {
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
fn times_compatible(a: Option<u32>, b: Option<u32>) -> bool {
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
fn numeric_conflict(a: &Claim, b: &Claim) -> Option<String> {
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
        let reported = |q: &Quantity, other: &Claim| {
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
fn shared_count(a: &Claim, b: &Claim) -> Option<String> {
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

/// What two claims' frames share: predicate classes, entities, content
/// words besides the predicates, a count.
#[derive(Debug, Clone, Default)]
pub struct FrameMatch {
    pub classes: Vec<String>,
    pub entities: Vec<String>,
    pub words: usize,
    pub count: Option<String>,
}

impl FrameMatch {
    /// One statement: a shared predicate class and at least one shared
    /// argument (an entity, a count, or another content word).
    pub fn aligned(&self) -> bool {
        !self.classes.is_empty()
            && (!self.entities.is_empty() || self.words > 0 || self.count.is_some())
    }

    /// The shared frame parts, for the evidence.
    pub fn notes(&self) -> Vec<String> {
        let mut v = Vec::new();
        if !self.classes.is_empty() {
            v.push(format!("frame: {}", self.classes.join(", ")));
        }
        if !self.entities.is_empty() {
            v.push(format!(
                "entities: {}",
                self.entities.join(super::LIST_SEPARATOR)
            ));
        }
        if let Some(c) = &self.count {
            v.push(format!("count: {c}"));
        }
        v
    }
}

/// The parts of two claims' statement frames that meet.
pub fn frame_match(a: &Claim, b: &Claim, lex: &Lexicon) -> FrameMatch {
    let mut classes: Vec<u16> = a
        .preds
        .iter()
        .map(|p| p.0)
        .filter(|p| b.preds.iter().any(|q| q.0 == *p))
        .collect();
    classes.sort_unstable();
    classes.dedup();
    let entities: Vec<String> = a
        .entities
        .iter()
        .filter(|e| b.entities.contains(e))
        .filter_map(|e| lex.entity_names.get(usize::from(*e)).cloned())
        .collect();
    let words = a
        .items
        .iter()
        .enumerate()
        .filter(|(i, it)| {
            !a.item_pred.get(*i).copied().unwrap_or(false)
                && !a.item_entity.get(*i).copied().unwrap_or(false)
                && it.concept.is_none()
                && b.items.iter().enumerate().any(|(j, o)| {
                    it.matches(o)
                        && !b.item_pred.get(j).copied().unwrap_or(false)
                        && !b.item_entity.get(j).copied().unwrap_or(false)
                })
        })
        .count();
    FrameMatch {
        classes: classes
            .iter()
            .filter_map(|c| lex.predicate_names.get(usize::from(*c)).cloned())
            .collect(),
        entities,
        words,
        count: shared_count(a, b),
    }
}

/// The statement of each token. A clause boundary starts a statement; a
/// word that opens a subordinate clause starts one that lasts to the next
/// boundary, after which the interrupted statement goes on ("روسيا، التي
/// تقاتل مع القوات السورية، يجب أن تتحمل المسؤولية").
///
/// Each token's statement comes with whether that statement is background
/// to the claim (a subordinate clause), not what it states. A relative
/// clause that opens on the claim's first words qualifies its subject,
/// and the main predicate follows it with no comma between ("الجيش الذي
/// يتقدم بسرعة ليس بحاجة إلى ..."): that stretch is no background.
fn statements(boundary: &[bool], opens: impl Fn(usize) -> bool) -> Vec<(u16, bool)> {
    let (mut main, mut cur, mut last, mut inside) = (0u16, 0u16, 0u16, false);
    let mut background = false;
    let mut out = Vec::with_capacity(boundary.len());
    for (i, &b) in boundary.iter().enumerate() {
        if b {
            if inside {
                inside = false;
            } else {
                last = last.saturating_add(1);
                main = last;
            }
            cur = main;
        }
        if opens(i) {
            inside = true;
            background = i >= SUBJECT_WORDS;
            last = last.saturating_add(1);
            cur = last;
        }
        out.push((cur, inside && background));
    }
    out
}

/// How many words a claim's subject may take before a relative clause
/// that qualifies it ("الجيش الذي"، "إن الجيش الذي").
const SUBJECT_WORDS: usize = 3;

/// Statements next to each other share arguments across a comma ("وألقى
/// ترامب باللوم، في هجوم دوما، على بوتن"): a predicate reaches one
/// statement either side.
const STATEMENT_REACH: u16 = 1;

/// The two claims make one statement: a predicate class named in both has,
/// within reach of it in each claim, an argument they share (an entity, or
/// a content word that is neither a predicate nor an entity). Two claims of
/// one story share predicates and names all over; only a shared predicate
/// with its own arguments is one statement. Claims in which either names
/// no predicate class the lexicon knows are left to the other tests.
pub fn statements_meet(a: &Claim, b: &Claim, lex: &Lexicon) -> bool {
    meet(a, b, lex, false)
}

/// The same, and one of the two claims states the shared predicate: in
/// its main clause, not in background both give (a subordinate clause:
/// "إثر هجوم على دوما" and "على ما قيل إنه هجوم على دوما" are about one
/// attack, and say different things about it). What a corroboration needs.
pub fn statements_meet_stated(a: &Claim, b: &Claim, lex: &Lexicon) -> bool {
    meet(a, b, lex, true)
}

fn meet(a: &Claim, b: &Claim, lex: &Lexicon, stated: bool) -> bool {
    if a.pred_stmt.is_empty() || b.pred_stmt.is_empty() || shared_count(a, b).is_some() {
        return true;
    }
    let near = |s: u16, t: u16| s.abs_diff(t) <= STATEMENT_REACH;
    let sub = |c: &Claim, k: usize| c.pred_sub.get(k).copied().unwrap_or(false);
    a.pred_stmt.iter().enumerate().any(|(ka, &(p, sa))| {
        let b_side = b.pred_stmt.iter().enumerate();
        b_side
            .filter(|(kb, q)| q.0 == p && !(stated && sub(a, ka) && sub(b, *kb)))
            .any(|(_, &(_, sb))| {
                let entity = a
                    .entity_stmt
                    .iter()
                    .filter(|e| near(e.1, sa))
                    .any(|&(ea, _)| {
                        b.entity_stmt
                            .iter()
                            .filter(|e| near(e.1, sb))
                            .any(|&(eb, _)| {
                                lex.entity_chain(ea).any(|x| x == eb)
                                    || lex.entity_chain(eb).any(|x| x == ea)
                            })
                    });
                let other_pred = a.pred_stmt.iter().any(|&(q, s)| {
                    q != p && near(s, sa) && b.pred_stmt.iter().any(|&(r, t)| r == q && near(t, sb))
                });
                entity || other_pred || shared_word_near(a, sa, b, sb, near)
            })
    })
}

/// A content word (not a predicate, not an entity) in reach of statement
/// `sa` of `a` and of statement `sb` of `b`.
fn shared_word_near(
    a: &Claim,
    sa: u16,
    b: &Claim,
    sb: u16,
    near: impl Fn(u16, u16) -> bool,
) -> bool {
    let plain = |c: &Claim, i: usize| {
        !c.item_pred.get(i).copied().unwrap_or(true)
            && !c.item_entity.get(i).copied().unwrap_or(true)
            && c.items[i].concept.is_none()
    };
    (0..a.items.len())
        .filter(|&i| plain(a, i) && a.item_stmt.get(i).is_some_and(|&s| near(s, sa)))
        .any(|i| {
            (0..b.items.len()).any(|j| {
                plain(b, j)
                    && b.item_stmt.get(j).is_some_and(|&s| near(s, sb))
                    && a.items[i].matches(&b.items[j])
            })
        })
}

/// Two claims about different actors: both name entities and none is shared
/// ("باريس ستتحمل مسؤوليتها" is not "روسيا تتحمل المسؤولية").
pub fn entity_mismatch(a: &Claim, b: &Claim, lex: &Lexicon) -> bool {
    let mut shared: Vec<u16> = a
        .preds
        .iter()
        .map(|p| p.0)
        .filter(|p| b.preds.iter().any(|q| q.0 == *p))
        .collect();
    shared.sort_unstable();
    shared.dedup();
    if shared.is_empty() {
        return !a.entities.is_empty()
            && !b.entities.is_empty()
            && !a.entities.iter().any(|e| b.entities.contains(e));
    }
    // Each shared predicate is said of the entities named near it and of the
    // claim's first entity when that comes before it (its subject); the claims differ in
    // actors when, for every shared predicate, none of these meet.
    let near = |c: &Claim, class: u16| -> Vec<u16> {
        let mut v: Vec<u16> = c
            .pred_pos
            .iter()
            .filter(|(_, p)| *p == class)
            .flat_map(|(i, _)| {
                c.entity_pos
                    .iter()
                    .filter(move |(j, _)| i.abs_diff(*j) <= ACTOR_REACH)
                    .map(|(_, e)| *e)
            })
            .collect();
        // The first entity, when it comes before the predicate.
        let first_pred = c
            .pred_pos
            .iter()
            .filter(|(_, p)| *p == class)
            .map(|(i, _)| *i)
            .min();
        v.extend(
            c.entity_pos
                .first()
                .filter(|(j, _)| first_pred.is_some_and(|i| *j < i))
                .map(|(_, e)| *e),
        );
        v
    };
    let related =
        |x: u16, y: u16| lex.entity_chain(x).any(|e| e == y) || lex.entity_chain(y).any(|e| e == x);
    shared.iter().all(|&class| {
        let (x, y) = (near(a, class), near(b, class));
        !x.is_empty() && !y.is_empty() && !x.iter().any(|&e| y.iter().any(|&f| related(e, f)))
    })
}

/// How far (in tokens) from its predicate an entity is taken as its actor.
const ACTOR_REACH: usize = 6;

/// Two counts of the same noun that cannot be one fact: given for different
/// days, or with incompatible values ("40 on Friday" is not "40" of the
/// attack on Saturday).
pub fn count_clash(a: &Claim, b: &Claim) -> bool {
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

/// Whether a predicate class named in both claims is negated (or denied)
/// in one and asserted in the other, however little else they share: "لم
/// تعثر على أية أدلة" and "الأدلة تشير إلى" say opposite things, and two
/// claims that say opposite things never repeat each other. Only the
/// aligned predicates count: a negation of another word ("قتلوا في شكل غير
/// متعمد في ضربات") is not one of the statement. Whether the two conflict
/// is asked with the overlap a conflict needs.
pub fn polarity_differs(a: &Claim, b: &Claim) -> bool {
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
const EVIDENCE_REACH: usize = 5;

/// How far into a claim (in tokens) a condition, question or warning
/// governs its predicate.
const NON_ASSERTIVE_REACH: usize = 3;

/// Whether a claim asserts its predicate (not a condition, a question or
/// a warning against it).
pub fn asserts(c: &Claim) -> bool {
    !c.non_assertive
}

/// Whether a claim gives a toll as a later or earlier figure.
pub fn update_marked(c: &Claim) -> bool {
    c.update_marked
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
pub fn event_mismatch(a: &Claim, b: &Claim, lex: &Lexicon) -> Option<(&'static str, Vec<String>)> {
    event_mismatch_with(a, b, lex, false)
}

fn event_mismatch_with(
    a: &Claim,
    b: &Claim,
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
    a: &Claim,
    b: &Claim,
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
        let sign = |c: &Claim| {
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
        && let Some((x, y)) = substitution(a, b)
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
fn swapped_roles(a: &Claim, b: &Claim, lex: &Lexicon) -> Option<(String, String)> {
    let order = |c: &Claim| {
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
    let opens = |c: &Claim| {
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
    let one_clause = |c: &Claim| {
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
fn unmatched<'a>(c: &'a Claim, o: &Claim) -> Vec<(&'a Item, &'a str)> {
    c.items
        .iter()
        .zip(&c.item_text)
        .filter(|(it, _)| !o.items.iter().any(|x| it.matches(x)))
        .map(|(it, t)| (it, t.as_str()))
        .collect()
}

/// Two headlines that say the same words but one: a definite noun for
/// another definite noun ("الذهب" for "النفط", "الروائي" for "الممثل").
/// Paraphrases change the wording around; a headline that keeps every
/// other word and swaps one thing for another is about another thing
/// (ANS builds many of its disagreements so). Two forms of one word (a
/// verb and its noun, a misspelling) are no substitution.
fn substitution<'a>(a: &'a Claim, b: &'a Claim) -> Option<(&'a str, &'a str)> {
    let (oa, ob) = (unmatched(a, b), unmatched(b, a));
    let ([(x, tx)], [(y, ty)]) = (oa.as_slice(), ob.as_slice()) else {
        return None;
    };
    let definite = |t: &str| !t.contains(' ') && stem::strip_article(t).is_some();
    let ok = definite(tx) && definite(ty);
    (ok && !variants(&x.k0, &y.k0) && !variants(tx, ty)).then_some((*tx, *ty))
}

/// Relates two claim texts with default parameters and no IDF table.
pub fn relate(a: &str, b: &str, lex: &Lexicon) -> Judgement {
    relate_with(a, b, lex, None, &Params::default())
}

pub fn relate_with(a: &str, b: &str, lex: &Lexicon, idf: Option<&Idf>, p: &Params) -> Judgement {
    let ca = Claim::analyze(a, lex);
    let cb = Claim::analyze(b, lex);
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
        statements_meet(&Claim::analyze(a, lex), &Claim::analyze(b, lex), lex)
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
        let a = Claim::analyze(texts[0], lex);
        let b = Claim::analyze(texts[1], lex);
        let j = relate_claims(&a, &b, lex, Some(&idf), &Params::default());
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
        assert!((0.0..=1.0).contains(&j.score));
    }
}
