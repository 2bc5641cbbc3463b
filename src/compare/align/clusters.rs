//! Clusters of one statement each, from the edges the pairwise judgements
//! leave (corroborates, echo, conflicts).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Cluster, Edge, Item, RelationKind, claim_ref, publisher_of};
use crate::model::Annotation;

/// A cluster holds the claims of one statement, and one statement is told
/// within days: a member's article is at most this many days from the
/// centre's and from every other member's (both dated). Daily templates (a
/// weather forecast, a training report, a condolence formula) repeat their
/// words every day.
const CLUSTER_DAYS: i64 = 1;
/// Each outlet brings one article to a cluster (the one nearest the
/// centre's day): a template fills one article of the same outlet after
/// another, and an outlet that repeats a statement is no second origin.
const CLUSTER_ARTICLES_PER_OUTLET: usize = 1;
/// How much of each other's content (weighted by rarity over the compared
/// set) a member and its centre must share: a part of a long enumeration
/// ("تعيين فلان سفيرا" inside a cabinet's list of appointments), a name alone
/// inside a sentence, or a headline against a long sentence are related to
/// it, but not the same statement. Paraphrases of one statement across
/// outlets ("روسيا تتحمل بعض المسؤولية ... بسبب دعمها الثابت" and "روسيا
/// بدعمها الثابت لسوريا تتحمل مسؤولية") share about half.
const CLUSTER_MUTUAL_COVER: f64 = 0.4;
/// ... and when they share less than this of each other, one must repeat
/// nearly all of the other (`CLUSTER_EXCERPT_COVER`): an excerpt of a long
/// claim is its statement, but two claims that each say much the other
/// does not are two statements that meet on a phrase ("تعيين فلان مستشارا
/// ضريبيا" and "نقل فلان من مستشار ضريبي", two findings of one study).
/// Measured on SaudiNewsNet, 2026-12-05: of 25 members read that shared
/// 0.4 to 0.6 of each other, 12 stated another statement; 10 of the 13
/// that did not were excerpts.
const CLUSTER_SAME_COVER: f64 = 0.6;
const CLUSTER_EXCERPT_COVER: f64 = 0.75;
/// How much of each other a member that conflicts with the centre must
/// share.
const CLUSTER_CONFLICT_COVER: f64 = 0.8;

/// Whether two claims can be one statement by what they share, given the
/// lesser and the greater of their covers of each other (`covers`): each
/// holds `CLUSTER_MUTUAL_COVER` of the other, and either
/// `CLUSTER_SAME_COVER` or one holds `CLUSTER_EXCERPT_COVER` of the other.
fn one_statement((least, most): (f64, f64)) -> bool {
    least >= CLUSTER_MUTUAL_COVER && (least >= CLUSTER_SAME_COVER || most >= CLUSTER_EXCERPT_COVER)
}

/// The lesser and the greater of two claims' weighted covers of each other.
fn covers(x: &Item, y: &Item, weight: &HashMap<&str, f64>) -> (f64, f64) {
    let (a, b) = (key_cover(x, y, weight), key_cover(y, x, weight));
    (a.min(b), a.max(b))
}

/// The lesser of two claims' weighted covers of each other.
fn mutual_cover(x: &Item, y: &Item, weight: &HashMap<&str, f64>) -> f64 {
    covers(x, y, weight).0
}

/// How much of claim `x`'s keys, weighted by rarity, claim `y` holds.
fn key_cover(x: &Item, y: &Item, weight: &HashMap<&str, f64>) -> f64 {
    let (mut all, mut shared) = (0.0, 0.0);
    for k in &x.keys {
        let w = weight.get(k.as_str()).copied().unwrap_or(0.0);
        all += w;
        if y.keys.binary_search(k).is_ok() {
            shared += w;
        }
    }
    if all > 0.0 { shared / all } else { 0.0 }
}

/// Clusters of one statement each: the claim with the most relations is a
/// centre, and the claims it relates to directly (not yet in a cluster) join
/// it, on its side or, through a conflict, on the other; then the next
/// centre. Every member is related to its centre itself, so a chain of
/// loosely related claims never grows into a topic; and a member must also
/// say what the centre says, when it says it: the two are one statement by
/// what they share (`one_statement`), its article is within `CLUSTER_DAYS`
/// of the centre's and of every member's, one claim per article (the
/// centre's own article may repeat it once, a headline and its sentence),
/// and one article per outlet. It must also share `CLUSTER_MUTUAL_COVER` with every member
/// already taken, and no other claim of the centre's article may be nearer
/// to it than the centre. Those nearest in time and most alike join first.
pub(super) fn clusters(
    docs: &[Annotation],
    items: &[Item],
    edges: &[Edge],
    weight: &HashMap<&str, f64>,
) -> Vec<Cluster> {
    let mut adj: HashMap<usize, Vec<(usize, bool, f64)>> = HashMap::default();
    for &(i, j, r, score) in edges {
        let flip = r == RelationKind::Conflicts;
        adj.entry(i).or_default().push((j, flip, score));
        adj.entry(j).or_default().push((i, flip, score));
    }
    let days: Vec<Option<i64>> = docs
        .iter()
        .map(|d| {
            d.document
                .date
                .as_deref()
                .and_then(crate::calendar::days_of_iso_date)
        })
        .collect();
    let outlets: Vec<String> = docs.iter().map(publisher_of).collect();
    // Each article's claims, by index into the items (they come in
    // article order).
    let mut ranges: Vec<std::ops::Range<usize>> = vec![0..0; docs.len()];
    for (i, it) in items.iter().enumerate() {
        let r = &mut ranges[it.doc];
        if r.start == r.end {
            *r = i..i + 1;
        } else {
            r.end = i + 1;
        }
    }
    let mut starts: Vec<(usize, usize)> = adj.iter().map(|(k, v)| (v.len(), *k)).collect();
    starts.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut taken: HashSet<usize> = HashSet::default();
    let mut out = Vec::new();
    for (_, centre) in starts {
        if taken.contains(&centre) {
            continue;
        }
        taken.insert(centre);
        let home = items[centre].doc;
        let apart = |m: usize| match (days[home], days[items[m].doc]) {
            (Some(x), Some(y)) => (x - y).abs(),
            _ => 0,
        };
        let mut near: Vec<(usize, bool, f64)> = adj.get(&centre).cloned().unwrap_or_default();
        near.sort_unstable_by(|x, y| {
            apart(x.0)
                .cmp(&apart(y.0))
                .then(y.2.total_cmp(&x.2))
                .then(x.0.cmp(&y.0))
        });
        let mut members: Vec<(usize, bool)> = vec![(centre, false)];
        // Claims taken per article, articles per outlet.
        let mut per_doc: HashMap<usize, usize> = HashMap::default();
        let mut per_outlet: HashMap<&str, HashSet<usize>> = HashMap::default();
        per_doc.insert(home, 0);
        per_outlet
            .entry(outlets[home].as_str())
            .or_default()
            .insert(home);
        for (n, flip, _) in near {
            let doc = items[n].doc;
            let in_doc = per_doc.get(&doc).copied();
            let outlet = per_outlet.entry(outlets[doc].as_str()).or_default();
            let fits = !taken.contains(&n)
                && match in_doc {
                    Some(k) => doc == home && k < 1,
                    None => outlet.len() < CLUSTER_ARTICLES_PER_OUTLET,
                }
                // Within `CLUSTER_DAYS` of every member's article, the centre's
                // included: a centre's day lies between the day before and
                // the day after, and a club's training reports of those two
                // days are two statements.
                && members.iter().all(|&(t, _)| match (days[items[t].doc], days[doc]) {
                    (Some(x), Some(y)) => (x - y).abs() <= CLUSTER_DAYS,
                    _ => true,
                })
                && {
                    let with_centre = covers(&items[centre], &items[n], weight);
                    one_statement(with_centre)
                    // A contradiction is the centre's statement with one
                    // thing changed: two companies' earnings or two hours'
                    // oil prices conflict in their figures, but are two
                    // statements.
                    && (!flip || with_centre.0 >= CLUSTER_CONFLICT_COVER)
                    // Every member says what the others say, not only what
                    // the centre says: a long centre that holds two
                    // decisions of a list would otherwise gather the claims
                    // of each.
                    && members.iter().all(|&(t, _)| {
                        t == centre || mutual_cover(&items[t], &items[n], weight) >= CLUSTER_MUTUAL_COVER
                    })
                    // An article states a statement once: when another claim
                    // of the centre's article is nearer the candidate than the
                    // centre, the candidate states that one (the next item of
                    // a cabinet's list, the next case of one family).
                    && ranges[home]
                        .clone()
                        .filter(|&o| o != centre && o != n)
                        .all(|o| mutual_cover(&items[o], &items[n], weight) <= with_centre.0)
                };
            if fits {
                taken.insert(n);
                members.push((n, flip));
                *per_doc.entry(doc).or_default() += 1;
                outlet.insert(doc);
            }
        }
        if members.len() < 2 {
            continue;
        }
        members.sort_unstable();
        let origins = |want: bool| {
            members
                .iter()
                .filter(|(_, side)| *side == want)
                .map(|&(m, _)| items[m].origin.as_str())
                .collect::<HashSet<&str>>()
                .len()
        };
        // The centre first: it is the statement the cluster is about.
        let mut ordered: Vec<usize> = vec![centre];
        ordered.extend(members.iter().map(|(m, _)| *m).filter(|m| *m != centre));
        out.push(Cluster {
            id: format!("k{}", out.len() + 1),
            claims: ordered
                .iter()
                .map(|&m| claim_ref(docs, &items[m]))
                .collect(),
            independent_origins: origins(false),
            contradicting_origins: origins(true),
        });
    }
    out
}
