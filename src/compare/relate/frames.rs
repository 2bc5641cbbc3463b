//! Statement frames: which predicate classes two claims share, whether
//! they are stated in one statement of each (not background), and whether
//! their actors and entities agree.

use super::*;

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
                self.entities.join(crate::compare::LIST_SEPARATOR)
            ));
        }
        if let Some(c) = &self.count {
            v.push(format!("count: {c}"));
        }
        v
    }
}

/// The predicate classes both claims name, sorted, each once.
pub(super) fn shared_classes(a: &AnalysedClaim, b: &AnalysedClaim) -> Vec<u16> {
    let mut shared: Vec<u16> = a
        .preds
        .iter()
        .map(|p| p.0)
        .filter(|p| b.preds.iter().any(|q| q.0 == *p))
        .collect();
    shared.sort_unstable();
    shared.dedup();
    shared
}

/// The parts of two claims' statement frames that meet.
pub fn frame_match(a: &AnalysedClaim, b: &AnalysedClaim, lex: &Lexicon) -> FrameMatch {
    let classes = shared_classes(a, b);
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
pub(super) fn statements(boundary: &[bool], opens: impl Fn(usize) -> bool) -> Vec<(u16, bool)> {
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
pub(super) const SUBJECT_WORDS: usize = 3;

/// Statements next to each other share arguments across a comma ("وألقى
/// ترامب باللوم، في هجوم دوما، على بوتن"): a predicate reaches one
/// statement either side.
pub(super) const STATEMENT_REACH: u16 = 1;

/// The two claims make one statement: a predicate class named in both has,
/// within reach of it in each claim, an argument they share (an entity, or
/// a content word that is neither a predicate nor an entity). Two claims of
/// one story share predicates and names all over; only a shared predicate
/// with its own arguments is one statement. Claims in which either names
/// no predicate class the lexicon knows are left to the other tests.
pub fn statements_meet(a: &AnalysedClaim, b: &AnalysedClaim, lex: &Lexicon) -> bool {
    meet(a, b, lex, false)
}

/// The same, and one of the two claims states the shared predicate: in
/// its main clause, not in background both give (a subordinate clause:
/// "إثر هجوم على دوما" and "على ما قيل إنه هجوم على دوما" are about one
/// attack, and say different things about it). What a corroboration needs.
pub fn statements_meet_stated(a: &AnalysedClaim, b: &AnalysedClaim, lex: &Lexicon) -> bool {
    meet(a, b, lex, true)
}

pub(super) fn meet(a: &AnalysedClaim, b: &AnalysedClaim, lex: &Lexicon, stated: bool) -> bool {
    if a.pred_stmt.is_empty() || b.pred_stmt.is_empty() || shared_count(a, b).is_some() {
        return true;
    }
    let near = |s: u16, t: u16| s.abs_diff(t) <= STATEMENT_REACH;
    let sub = |c: &AnalysedClaim, k: usize| c.pred_sub.get(k).copied().unwrap_or(false);
    a.pred_stmt.iter().enumerate().any(|(ka, &(p, sa))| {
        let b_side = b.pred_stmt.iter().enumerate();
        b_side
            .filter(|(kb, q)| q.0 == p && !(stated && sub(a, ka) && sub(b, *kb)))
            .any(|(_, &(_, sb))| {
                let actors = |c: &AnalysedClaim, s: u16| -> Vec<u16> {
                    c.entity_stmt
                        .iter()
                        .filter(|e| near(e.1, s))
                        .map(|e| e.0)
                        .collect()
                };
                let (near_a, near_b) = (actors(a, sa), actors(b, sb));
                let entity = near_a.iter().any(|&ea| {
                    near_b.iter().any(|&eb| {
                        lex.entity_chain(ea).any(|x| x == eb)
                            || lex.entity_chain(eb).any(|x| x == ea)
                    })
                });
                // Each names its own actors at the predicate and none is the
                // other's: "النظام مسؤول" and "روسيا تتحمل المسؤولية" are two
                // statements about one attack, however many words they share.
                if !entity && !near_a.is_empty() && !near_b.is_empty() {
                    return false;
                }
                let other_pred = a.pred_stmt.iter().any(|&(q, s)| {
                    q != p && near(s, sa) && b.pred_stmt.iter().any(|&(r, t)| r == q && near(t, sb))
                });
                entity || other_pred || shared_word_near(a, sa, b, sb, near)
            })
    })
}

/// A content word (not a predicate, not an entity) in reach of statement
/// `sa` of `a` and of statement `sb` of `b`.
pub(super) fn shared_word_near(
    a: &AnalysedClaim,
    sa: u16,
    b: &AnalysedClaim,
    sb: u16,
    near: impl Fn(u16, u16) -> bool,
) -> bool {
    let plain = |c: &AnalysedClaim, i: usize| {
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
pub fn entity_mismatch(a: &AnalysedClaim, b: &AnalysedClaim, lex: &Lexicon) -> bool {
    let shared = shared_classes(a, b);
    if shared.is_empty() {
        return !a.entities.is_empty()
            && !b.entities.is_empty()
            && !a.entities.iter().any(|e| b.entities.contains(e));
    }
    // Each shared predicate is said of the entities named near it and of the
    // claim's first entity when that comes before it (its subject); the claims differ in
    // actors when, for every shared predicate, none of these meet.
    let near = |c: &AnalysedClaim, class: u16| -> Vec<u16> {
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
pub(super) const ACTOR_REACH: usize = 6;

/// How far into a claim (in tokens) a condition, question or warning
/// governs its predicate.
pub(super) const NON_ASSERTIVE_REACH: usize = 3;

/// Whether a claim asserts its predicate (not a condition, a question or
/// a warning against it).
pub fn asserts(c: &AnalysedClaim) -> bool {
    !c.non_assertive
}

/// Whether a claim is a statement: not a phrase that opens with a
/// preposition and names no predicate, the object of another's verb
/// ("بالغاز السام على مدينة دوما، يوم السبت").
pub fn states_something(c: &AnalysedClaim) -> bool {
    !(c.opens_with_preposition && c.preds.is_empty())
}

/// Whether a claim gives a toll as a later or earlier figure.
pub fn update_marked(c: &AnalysedClaim) -> bool {
    c.update_marked
}
