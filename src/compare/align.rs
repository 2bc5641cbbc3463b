//! Alignment that scales: candidates come from an inverted index over the
//! claims' folded content stems, numbers and years, weighted by IDF over
//! the compared set, so that no two claims are compared unless they share
//! informative words; then each candidate is checked for being about the
//! same event and related by the pairwise engine.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::relate::{self, AnalysedClaim, Idf, Params, Relation};
use super::{
    ClaimRef, Cluster, Comparison, ConflictKind, DocRef, Evidence, FORMAT, PairRelation,
    RelateLexicon, RelationKind, word_diff,
};
use crate::model::Annotation;
use crate::text::fold_str;

mod clusters;
use clusters::clusters;

/// A key in more than a quarter of the claims says nothing about alignment,
/// nor one in more than 300 (which would make candidates quadratic).
const COMMON_FLOOR: usize = 4;
const COMMON_SHARE: f64 = 0.25;
const COMMON_CAP: usize = 300;
/// Overlap two claims need to be one proposition (the pairwise engine,
/// made for pairs already about one story, asks less).
const SAME_PROPOSITION: f64 = 0.4;
/// Summed IDF of shared keys a candidate needs.
const MIN_SHARED_IDF: f64 = 3.0;
/// IDF counts in at least this many claims: in a small folder every key is
/// in few claims, yet ln(n / df) is near 0 and no pair reaches
/// MIN_SHARED_IDF; a key shared by two of a handful of claims is as telling
/// as one shared by two of a hundred.
const IDF_MIN_CLAIMS: usize = 100;
/// Candidates kept per claim, best first.
const PER_CLAIM: usize = 25;
/// Overlap under which an unrelated pair is not even "related".
const RELATED_OVERLAP: f64 = 0.12;
/// How much of the shorter claim the longer must cover to be "related".
const RELATED_SCORE: f64 = 0.3;
/// How much of the shorter claim the longer must cover to repeat it.
const CORROBORATES: f64 = 0.6;
/// How much a denial and the account it denies must share, speakers named.
const DENIAL_OVERLAP: f64 = 0.3;
/// How much of the shorter claim the longer must cover when their frames
/// align (a shared predicate class and argument).
const FRAME_CORROBORATES: f64 = 0.4;
/// The same with two shared predicate classes or a shared count.
const STRONG_FRAME_CORROBORATES: f64 = 0.3;

/// Two claims corroborate only when they share something specific: two
/// parts that each at most this share of the compared set holds (one such
/// word is as often a chance meeting: "reports", "forces", "accusing"), a
/// count, or ...
const DISTINCTIVE_SHARE: f64 = 0.1;
const DISTINCTIVE_PARTS: usize = 2;
/// ... nearly all of the shorter claim, weighted by IDF over the compared
/// set (one claim repeats the other).
const WEIGHTED_CORROBORATES: f64 = 0.8;

/// Document frequencies of the claims' content keys over the compared set.
pub(super) fn frequencies(items: &[Item]) -> HashMap<String, u32> {
    Idf::frequencies(items.iter().map(|it| &it.analysed))
        .into_iter()
        .collect()
}

/// One claim's keys with their frequencies over the compared set.
pub(super) fn claim_frequencies(
    it: &Item,
    df: &std::collections::HashMap<String, u32>,
) -> Vec<(String, u32)> {
    Idf::claim_frequencies(&it.analysed, df)
}

impl Item<'_> {
    /// The claim with its speaker's name before it.
    fn speaker_view(&self) -> &AnalysedClaim {
        self.with_speaker.as_ref().unwrap_or(&self.analysed)
    }
}

pub(super) struct Item<'a> {
    pub(super) doc: usize,
    pub(super) claim: &'a crate::model::Claim,
    analysed: AnalysedClaim,
    /// The claim with its speaker's name before it: "البيت الأبيض ... إجراء
    /// أي اتصالات" meets "البيت الأبيض ... انعقاد أربعة لقاءات".
    /// `None` when it would be the same as `analysed` (no speaker named,
    /// or a denial, analysed with its speaker already): hundreds of
    /// thousands of claims stay in memory during a compare.
    with_speaker: Option<AnalysedClaim>,
    pub(super) keys: Vec<String>,
    /// Who the claim goes back to: the innermost source, or the publisher.
    origin: String,
    /// Everyone on its chain, publisher included.
    chain: Vec<String>,
    /// The year of its article's date, when known: a claim that names no
    /// year is about the article's present.
    doc_year: Option<u16>,
}

fn source_name(doc: &Annotation, reference: Option<&str>) -> Option<String> {
    let r = reference?;
    doc.sources
        .iter()
        .find(|s| s.id == r)
        .map(|s| fold_str(&s.name))
}

fn publisher_of(doc: &Annotation) -> String {
    fold_str(
        doc.document
            .publisher
            .as_deref()
            .unwrap_or(&doc.document.id),
    )
}

pub(super) fn items<'a>(docs: &'a [Annotation], lex: &RelateLexicon) -> Vec<Item<'a>> {
    docs.par_iter()
        .enumerate()
        .flat_map_iter(|(d, doc)| doc_items(d, doc, lex))
        .collect()
}

fn doc_items<'a>(d: usize, doc: &'a Annotation, lex: &RelateLexicon) -> Vec<Item<'a>> {
    let mut out = Vec::new();
    let publisher = publisher_of(doc);
    let doc_year = doc
        .document
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<u16>().ok());
    for c in &doc.claims {
        let names: Vec<String> = c
            .chain
            .iter()
            .filter_map(|l| source_name(doc, l.reference.as_deref()))
            .collect();
        let origin = names.last().cloned().unwrap_or_else(|| publisher.clone());
        let mut chain = vec![publisher.clone()];
        chain.extend(names);
        // The innermost cue's stance is part of what the claim says; and
        // who denies is the subject of what is denied ("نفى ميدفيدتشوك
        // وجود أي اتصال": Medvedchuk had no contact).
        let innermost = c.chain.last();
        let stance = innermost
            .and_then(|l| l.cue.as_ref())
            .map(|cue| (cue.stance, cue.text.as_str()));
        let speaker = innermost.and_then(|l| source_name(doc, l.reference.as_deref()));
        let named = match &speaker {
            Some(who) => format!("{who} {}", c.text),
            None => c.text.clone(),
        };
        let denied = matches!(stance, Some((crate::model::Stance::Deny, _)));
        let mut analysed = AnalysedClaim::analyze(if denied { &named } else { &c.text }, lex);
        let mut with_speaker =
            (!denied && speaker.is_some()).then(|| AnalysedClaim::analyze(&named, lex));
        for a in std::iter::once(&mut analysed).chain(with_speaker.as_mut()) {
            match stance {
                Some((crate::model::Stance::Deny, cue)) => a.mark_denied(cue),
                Some((crate::model::Stance::Allege, _)) => a.mark_alleged(),
                _ => {}
            }
        }
        let mut keys: Vec<String> = with_speaker.as_ref().unwrap_or(&analysed).keys().collect();
        keys.sort();
        keys.dedup();
        out.push(Item {
            doc: d,
            claim: c,
            analysed,
            with_speaker,
            keys,
            origin,
            chain,
            doc_year,
        });
    }
    out
}

/// The most claims a key may have and still tell them apart.
pub(super) fn common_cap(claims: usize) -> usize {
    ((claims.max(1) as f64 * COMMON_SHARE) as usize).clamp(COMMON_FLOOR, COMMON_CAP)
}

/// Candidate pairs `(i, j)`, `i < j`, from the inverted index; and every
/// key's weight, ln(n / claims that hold it), for the clusters.
fn candidates<'a>(items: &'a [Item]) -> (Vec<(usize, usize)>, HashMap<&'a str, f64>) {
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, it) in items.iter().enumerate() {
        for k in &it.keys {
            postings.entry(k.as_str()).or_default().push(i);
        }
    }
    let n = items.len().max(IDF_MIN_CLAIMS) as f64;
    let cap = common_cap(items.len());
    let idf: HashMap<&str, f64> = postings
        .iter()
        .filter(|(_, p)| p.len() <= cap && p.len() > 1)
        .map(|(k, p)| (*k, (n / p.len() as f64).ln().max(0.1)))
        .collect();
    let mut pairs: Vec<(usize, usize)> = (0..items.len())
        .into_par_iter()
        .map_init(HashMap::<usize, f64>::default, |score, i| {
            best_partners(i, &items[i], &postings, &idf, score)
        })
        .flatten_iter()
        .collect();
    pairs.sort_unstable();
    let weight = postings
        .iter()
        .map(|(k, p)| (*k, (n / p.len() as f64).ln().max(0.0)))
        .collect();
    (pairs, weight)
}

/// The later claims that share the most informative words with claim `i`.
fn best_partners(
    i: usize,
    it: &Item,
    postings: &HashMap<&str, Vec<usize>>,
    idf: &HashMap<&str, f64>,
    score: &mut HashMap<usize, f64>,
) -> Vec<(usize, usize)> {
    score.clear();
    for k in &it.keys {
        let (Some(w), Some(p)) = (idf.get(k.as_str()), postings.get(k.as_str())) else {
            continue;
        };
        for &j in p.iter().filter(|&&j| j > i) {
            *score.entry(j).or_default() += w;
        }
    }
    let mut best: Vec<(usize, f64)> = score
        .iter()
        .filter(|(_, s)| **s >= MIN_SHARED_IDF)
        .map(|(j, s)| (*j, *s))
        .collect();
    best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    best.into_iter()
        .take(PER_CLAIM)
        .map(|(j, _)| (i, j))
        .collect()
}

fn claim_ref(docs: &[Annotation], it: &Item) -> ClaimRef {
    ClaimRef {
        doc: docs[it.doc].document.id.clone(),
        claim: it.claim.id.clone(),
    }
}

/// Whether two claims go back to one origin: the same innermost source,
/// or one passed on through the other's chain.
fn same_origin(a: &Item, b: &Item) -> bool {
    a.origin == b.origin || a.chain.contains(&b.origin) || b.chain.contains(&a.origin)
}

/// The three overlap settings a pair is judged with: strict, covering, denying.
pub(super) fn params() -> [Params; 3] {
    // Long claims share many words by chance and carry negations that
    // govern other parts of the sentence: a polarity conflict needs the
    // strict (Dice) overlap; corroboration, numbers and denials are judged
    // by how much of the shorter claim the longer one covers.
    let strict = Params {
        related: RELATED_OVERLAP,
        polarity: SAME_PROPOSITION,
        numeric: SAME_PROPOSITION,
        containment: false,
        sentiment: false,
    };
    let covering = Params {
        related: RELATED_OVERLAP,
        polarity: SAME_PROPOSITION,
        // The shared quantity noun anchors a numeric conflict by itself.
        numeric: RELATED_OVERLAP,
        containment: true,
        sentiment: false,
    };
    // A denial needs less: a few shared words with its speaker named.
    let denying = Params {
        polarity: DENIAL_OVERLAP,
        ..covering
    };
    [strict, covering, denying]
}

/// Compare every claim of every document with every other it may be about.
pub fn compare(docs: &[Annotation], lex: &RelateLexicon) -> Comparison {
    let items = items(docs, lex);
    let params = params();
    let idf = Idf::from_frequencies(
        Idf::frequencies(items.iter().map(|it| &it.analysed)),
        items.len(),
    );
    let (pairs, weight) = candidates(&items);
    let judged: Vec<(PairRelation, Option<Edge>)> = pairs
        .into_par_iter()
        .filter_map(|(i, j)| judge(docs, &items, i, j, lex, &params, &idf))
        .collect();
    let mut relations = Vec::with_capacity(judged.len());
    let mut edges = Vec::new();
    for (r, edge) in judged {
        relations.push(r);
        edges.extend(edge);
    }

    Comparison {
        format: FORMAT.to_string(),
        documents: docs
            .iter()
            .map(|d| DocRef {
                id: d.document.id.clone(),
                publisher: d.document.publisher.clone(),
            })
            .collect(),
        clusters: clusters(docs, &items, &edges, &weight),
        relations,
    }
}

/// Two claims joined in a cluster, by index into the items, with the
/// relation's score.
pub(super) type Edge = (usize, usize, RelationKind, f64);

/// What corroboration and a reported relation's evidence need beyond the
/// pairwise judgements: computed only for pairs that may corroborate or
/// are reported, since nine candidates in ten are neither.
struct Facts {
    frame: relate::FrameMatch,
    cover: f64,
    distinctive: Vec<String>,
}

impl Facts {
    fn of(a: &AnalysedClaim, b: &AnalysedClaim, lex: &RelateLexicon, idf: &Idf) -> Facts {
        Facts {
            frame: relate::frame_match(a, b, lex),
            // What the claims share must be what sets them apart from the
            // rest of the compared set, not the story's every word.
            cover: relate::weighted_cover(a, b, idf),
            distinctive: relate::distinctive_shared(a, b, idf, DISTINCTIVE_SHARE, lex),
        }
    }
}

/// The relation of one candidate pair, if it is worth keeping, and the
/// edge it adds to the clusters.
pub(super) fn judge(
    docs: &[Annotation],
    items: &[Item],
    i: usize,
    j: usize,
    lex: &RelateLexicon,
    [strict, covering, denying]: &[Params; 3],
    idf: &Idf,
) -> Option<(PairRelation, Option<Edge>)> {
    let (a, b) = (&items[i], &items[j]);
    // Hamburg 2017 is not Osaka 2019: different events are not aligned.
    let same_doc = docs[a.doc].document.id == docs[b.doc].document.id;
    if relate::event_mismatch(&a.analysed, &b.analysed, lex).is_some()
        || year_mismatch(a, b, same_doc)
    {
        return None;
    }
    let wide = relate::relate_claims(&a.analysed, &b.analysed, lex, None, covering);
    // The strict overlap (Dice) is never above the covering one (the larger
    // of the two containments), so a pair unrelated on the covering
    // overlap is unrelated on the strict one: nine candidates in ten.
    let tight = if wide.relation == Relation::Unrelated && strict.related >= covering.related {
        None
    } else {
        Some(relate::relate_claims(
            &a.analysed,
            &b.analysed,
            lex,
            None,
            strict,
        ))
    };
    // A conflict, like a corroboration, is between two statements that
    // meet: a negation or a denial elsewhere in a long claim is not one,
    // and a phrase that only completes another's verb is no statement.
    // Asked only of pairs that may conflict or corroborate.
    let meet = std::cell::OnceCell::new();
    let meets = || {
        *meet.get_or_init(|| {
            relate::states_something(&a.analysed)
                && relate::states_something(&b.analysed)
                && relate::statements_meet(&a.analysed, &b.analysed, lex)
        })
    };
    let tight_conflict = tight.as_ref().filter(|t| {
        t.relation == Relation::Conflicts && (t.kind != Some(ConflictKind::Polarity) || meets())
    });
    // A source's denial against the account it denies: only when one side
    // denies and the other does not.
    let denied = (a.analysed.is_denied() != b.analysed.is_denied())
        .then(|| relate::relate_claims(a.speaker_view(), b.speaker_view(), lex, None, denying))
        .filter(|d| d.rule == "polarity.denial" && meets());
    let numeric = wide.kind == Some(ConflictKind::Numeric);
    // The same count from the same origin, or marked as a first or later
    // figure: the toll was updated, not contradicted.
    let update = numeric
        && (same_origin(a, b)
            || relate::update_marked(&a.analysed)
            || relate::update_marked(&b.analysed));
    let mut facts: Option<Facts> = None;
    // A condition or a question does not repeat an assertion.
    let corroborates = wide.relation == Relation::Corroborates
        && relate::asserts(&a.analysed) == relate::asserts(&b.analysed)
        && meets()
        && {
            let f = facts.get_or_insert_with(|| Facts::of(&a.analysed, &b.analysed, lex, idf));
            // Two shared predicate classes (or a shared count) make a
            // strong frame.
            let frame_floor = if f.frame.classes.len() >= 2 || f.frame.count.is_some() {
                STRONG_FRAME_CORROBORATES
            } else {
                FRAME_CORROBORATES
            };
            let specific = f.distinctive.len() >= DISTINCTIVE_PARTS
                || f.frame.count.is_some()
                || f.cover >= WEIGHTED_CORROBORATES;
            // Background both give is no statement they share, unless one
            // repeats nearly all of the other.
            let stated = || {
                f.cover >= WEIGHTED_CORROBORATES
                    || relate::statements_meet_stated(&a.analysed, &b.analysed, lex)
            };
            specific
                && !relate::polarity_differs(&a.analysed, &b.analysed)
                && stated()
                && !relate::entity_mismatch(&a.analysed, &b.analysed, lex)
                && !relate::count_clash(&a.analysed, &b.analysed)
                && (wide.score >= CORROBORATES
                    || (f.frame.aligned()
                        && (wide.score >= frame_floor || f.frame.count.is_some())))
        };
    let (judgement, relation, kind) = if wide.relation == Relation::Conflicts && update {
        (&wide, RelationKind::Updates, None)
    } else if wide.relation == Relation::Conflicts && numeric {
        (&wide, RelationKind::Conflicts, wide.kind)
    } else if let Some(t) = tight_conflict {
        (t, RelationKind::Conflicts, t.kind)
    } else if let Some(d) = &denied {
        (d, RelationKind::Conflicts, d.kind)
    } else if corroborates && same_origin(a, b) {
        (&wide, RelationKind::Echo, None)
    } else if corroborates {
        (&wide, RelationKind::Corroborates, None)
    } else if wide.relation != Relation::Unrelated && wide.score >= RELATED_SCORE {
        (&wide, RelationKind::Related, None)
    } else {
        return None;
    };
    let denial = denied.is_some();
    let score = (judgement.score * 1000.0).round() / 1000.0;
    let edge = matches!(
        relation,
        RelationKind::Corroborates | RelationKind::Echo | RelationKind::Conflicts
    )
    .then_some((i, j, relation, score));
    let mut notes = judgement.evidence.clone();
    if relation != RelationKind::Related {
        let f = facts.get_or_insert_with(|| Facts::of(&a.analysed, &b.analysed, lex, idf));
        notes.extend(f.frame.notes());
        notes.push(format!("weighted cover: {:.2}", f.cover));
        if !f.distinctive.is_empty() {
            notes.push(format!(
                "distinctive: {}",
                f.distinctive.join(super::LIST_SEPARATOR)
            ));
        }
    }
    if relation == RelationKind::Updates {
        notes.push("the same count, a later or earlier figure".to_string());
    }
    if denial && relation == RelationKind::Conflicts {
        notes.push("a denial against the account it denies".to_string());
    }
    if relation == RelationKind::Echo {
        notes.push(format!("both go back to {}", a.origin));
    }
    let r = PairRelation {
        a: claim_ref(docs, a),
        b: claim_ref(docs, b),
        relation,
        kind,
        score,
        evidence: Evidence {
            shared: judgement.shared.clone(),
            rule: judgement.rule.clone(),
            // Related pairs stay out of the report; a diff for each would
            // cost more than all the rest on a large archive.
            diff: if relation == RelationKind::Related {
                String::new()
            } else {
                word_diff(&a.claim.text, &b.claim.text)
            },
            notes,
        },
    };
    Some((r, edge))
}

/// A claim that names a year against one that names another, or, in
/// another article, none while that article is of another year (or
/// undated): "in August 2013" is not today's attack. Inside one article a
/// claim without a year may go on with the year just named ("منذ ذلك
/// الحين").
fn year_mismatch(a: &Item, b: &Item, same_doc: bool) -> bool {
    let years = |x: &Item, o: &Item| -> Vec<u16> {
        match (x.analysed.years_against(&o.analysed), x.doc_year) {
            (ys, Some(y)) if ys.is_empty() => vec![y],
            (ys, _) => ys,
        }
    };
    let (ya, yb) = (years(a, b), years(b, a));
    match (ya.is_empty(), yb.is_empty()) {
        (true, true) => false,
        (false, false) => !ya.iter().any(|y| yb.contains(y)),
        _ => !same_doc,
    }
}
