//! `isnad eval`: precision, recall and F1 of predicted annotations against
//! gold ones, for cues, source spans, resolved sources, content and chain
//! links, with every miss and false alarm listed.
//!
//! Gold files are either full annotation files or the lighter gold format
//! (`isnad/gold/1`): offsets and ids only, no article text, so that gold for
//! articles we may not redistribute can live in the repository.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::arabic::punctuation;
use crate::io::yaml;
use crate::model::{Annotation, Basis, Stance};

pub const GOLD_FORMAT: &str = "isnad/gold/1";

type Range = [usize; 2];

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GoldFile {
    pub format: String,
    pub document: GoldDocument,
    #[serde(default)]
    pub sources: Vec<GoldSource>,
    #[serde(default)]
    pub claims: Vec<GoldClaim>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GoldDocument {
    pub id: String,
    pub sha256: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GoldSource {
    pub id: String,
    pub kind: crate::model::SourceKind,
    /// Only for names that are not article text (gazetteer outlets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default)]
    pub mentions: Vec<Range>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GoldClaim {
    pub start: usize,
    pub end: usize,
    pub basis: Basis,
    #[serde(default)]
    pub chain: Vec<GoldLink>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GoldLink {
    pub cue: Option<Range>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    pub source: Option<Range>,
    #[serde(rename = "ref")]
    pub reference: Option<String>,
}

impl GoldFile {
    /// The gold view of an annotation: what a reviewer corrects.
    pub fn from_annotation(a: &Annotation) -> GoldFile {
        GoldFile {
            format: GOLD_FORMAT.into(),
            document: GoldDocument {
                id: a.document.id.clone(),
                sha256: a.document.sha256.clone(),
            },
            sources: a
                .sources
                .iter()
                .map(|s| GoldSource {
                    id: s.id.clone(),
                    kind: s.kind,
                    name: None,
                    mentions: s.mentions.clone(),
                })
                .collect(),
            claims: a
                .claims
                .iter()
                .map(|c| GoldClaim {
                    start: c.start,
                    end: c.end,
                    basis: c.basis,
                    chain: c
                        .chain
                        .iter()
                        .map(|l| GoldLink {
                            cue: l.cue.as_ref().map(|c| [c.start, c.end]),
                            stance: l.cue.as_ref().map(|c| c.stance),
                            source: l.source.as_ref().map(|s| [s.start, s.end]),
                            reference: l.reference.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// One document, gold or predicted, reduced to what is scored.
struct Scored {
    id: String,
    /// The SHA-256 of the article the offsets count in.
    sha256: String,
    sources: Vec<(String, Vec<Range>, Option<String>)>,
    claims: Vec<GoldClaim>,
    /// Text known at code-point offsets (from a prediction's sentences).
    text: BTreeMap<usize, char>,
}

fn load(path: &Path) -> Result<Scored, EvalError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| EvalError::Unreadable(path.to_path_buf(), e.to_string()))?;
    let err = |e: yaml::YamlError| EvalError::Unreadable(path.to_path_buf(), e.to_string());
    let value = yaml::parse_value(&text).map_err(err)?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
    if format == GOLD_FORMAT {
        let g: GoldFile = yaml::from_value(value).map_err(err)?;
        return Ok(Scored {
            id: g.document.id,
            sha256: g.document.sha256,
            sources: g
                .sources
                .into_iter()
                .map(|s| (s.id, s.mentions, s.name))
                .collect(),
            claims: g.claims,
            text: BTreeMap::new(),
        });
    }
    let a: Annotation = yaml::from_value(value).map_err(err)?;
    let g = GoldFile::from_annotation(&a);
    let mut chars = BTreeMap::new();
    for s in &a.sentences {
        for (i, c) in s.text.chars().enumerate() {
            chars.insert(s.start + i, c);
        }
    }
    let names: BTreeMap<&str, &str> = a
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    Ok(Scored {
        id: g.document.id,
        sha256: g.document.sha256,
        sources: g
            .sources
            .into_iter()
            .map(|s| {
                let name = names.get(s.id.as_str()).map(|n| crate::text::fold_str(n));
                (s.id, s.mentions, name)
            })
            .collect(),
        claims: g.claims,
        text: chars,
    })
}

/// Counts for one measure.
#[derive(Default, Debug, Clone, Copy, Serialize)]
pub struct Score {
    pub tp: f64,
    pub pred: f64,
    pub gold: f64,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.pred == 0.0 {
            1.0
        } else {
            self.tp / self.pred
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0.0 {
            1.0
        } else {
            self.tp / self.gold
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Score) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
}

#[derive(Default, Debug, Clone, Serialize)]
pub struct Report {
    pub cue: Score,
    pub source_span: Score,
    pub resolved_source: Score,
    pub content: Score,
    pub chain_links: Score,
    pub misses: Vec<String>,
    /// Gold files not scored, with why: their offsets count in another
    /// version of the article than the prediction's.
    pub refused: Vec<String>,
}

fn overlaps(a: Range, b: Range) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

/// Token F1 of two spans, tokens being runs of non-space text; without
/// text, the character overlap.
fn token_f1(text: &BTreeMap<usize, char>, a: Range, b: Range) -> f64 {
    let toks = |r: Range| -> Vec<Range> {
        let mut out = Vec::new();
        let mut start = None;
        for i in r[0]..=r[1] {
            let space = i == r[1]
                || text
                    .get(&i)
                    .is_none_or(|c| c.is_whitespace() || punctuation::breaks_token(*c));
            match (space, start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    out.push([s, i]);
                    start = None;
                }
                _ => {}
            }
        }
        out
    };
    let (ta, tb) = (toks(a), toks(b));
    let (ta, tb) = if text.is_empty() || ta.is_empty() || tb.is_empty() {
        let inter = a[1].min(b[1]).saturating_sub(a[0].max(b[0])) as f64;
        let (la, lb) = ((a[1] - a[0]) as f64, (b[1] - b[0]) as f64);
        return if la + lb == 0.0 {
            0.0
        } else {
            2.0 * inter / (la + lb)
        };
    } else {
        (ta, tb)
    };
    let common = ta.iter().filter(|t| tb.contains(t)).count() as f64;
    if common == 0.0 {
        return 0.0;
    }
    let (p, r) = (common / ta.len() as f64, common / tb.len() as f64);
    2.0 * p * r / (p + r)
}

/// Greedy one-to-one matching of predicted to gold items by a score.
fn match_pairs<T, U>(
    pred: &[T],
    gold: &[U],
    score: impl Fn(&T, &U) -> f64,
) -> Vec<(usize, usize, f64)> {
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (i, p) in pred.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            let s = score(p, g);
            if s > 0.0 {
                cands.push((s, i, j));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_p, mut used_g) = (vec![false; pred.len()], vec![false; gold.len()]);
    let mut out = Vec::new();
    for (s, i, j) in cands {
        if !used_p[i] && !used_g[j] {
            used_p[i] = true;
            used_g[j] = true;
            out.push((i, j, s));
        }
    }
    out
}

#[derive(Clone, Copy)]
struct FlatLink {
    cue: Option<Range>,
    source: Option<Range>,
    entity: Option<usize>,
}

fn links(doc: &Scored) -> Vec<FlatLink> {
    let index: BTreeMap<&str, usize> = doc
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.0.as_str(), i))
        .collect();
    let mut out: Vec<FlatLink> = Vec::new();
    for c in &doc.claims {
        for l in &c.chain {
            let link = FlatLink {
                cue: l.cue,
                source: l.source,
                entity: l.reference.as_deref().and_then(|r| index.get(r).copied()),
            };
            // A link shared by several claims counts once.
            if !out
                .iter()
                .any(|o| o.cue == link.cue && o.source == link.source && o.entity == link.entity)
            {
                out.push(link);
            }
        }
    }
    out
}

/// Where an entity is first named as a source in a chain (else its first
/// mention): the identity that resolution is judged by.
fn first_named(d: &Scored, e: usize) -> Option<Range> {
    let id = d.sources[e].0.as_str();
    d.claims
        .iter()
        .flat_map(|c| &c.chain)
        .filter(|l| l.reference.as_deref() == Some(id))
        .filter_map(|l| l.source)
        .min()
        .or_else(|| d.sources[e].1.iter().min().copied())
}

/// Two entities are the same when both carry the same gazetteer name, when
/// they were first named at the same place, or when the predicted entity
/// lists among its mentions the place where the gold one was first named,
/// and no other gold entity's. A link that points at the wrong antecedent is
/// caught even when its own words are right; so is an entity split off (it
/// lacks that first name) or the link meant for an entity another swallowed.
/// Gold lists the mentions where an entity is a source; a prediction may
/// list more (a name in passing), and those do not count against it.
fn same_entity(p: &Scored, pe: Option<usize>, g: &Scored, ge: Option<usize>) -> bool {
    let (Some(pe), Some(ge)) = (pe, ge) else {
        return false;
    };
    let (ps, gs) = (&p.sources[pe], &g.sources[ge]);
    let named = matches!((&ps.2, &gs.2), (Some(a), Some(b)) if crate::text::fold_str(a) == crate::text::fold_str(b));
    let (Some(pf), Some(gf)) = (first_named(p, pe), first_named(g, ge)) else {
        return named;
    };
    let holds = |at: Range| mentions_of(p, pe).any(|m| overlaps(m, at));
    let others = (0..g.sources.len())
        .filter(|&o| o != ge)
        .filter_map(|o| first_named(g, o))
        .any(|at| !overlaps(at, gf) && holds(at));
    named || overlaps(pf, gf) || (holds(gf) && !others)
}

/// An entity's listed mentions and the source spans of the links to it.
fn mentions_of(d: &Scored, e: usize) -> impl Iterator<Item = Range> + '_ {
    let id = d.sources[e].0.as_str();
    d.sources[e].1.iter().copied().chain(
        d.claims
            .iter()
            .flat_map(|c| &c.chain)
            .filter(move |l| l.reference.as_deref() == Some(id))
            .filter_map(|l| l.source),
    )
}

fn link_key(l: &FlatLink) -> Option<Range> {
    l.cue.or(l.source)
}

fn score_doc(pred: &Scored, gold: &Scored, out: &mut Report) {
    let text = if pred.text.is_empty() {
        &gold.text
    } else {
        &pred.text
    };
    let show = |r: Range| -> String { (r[0]..r[1]).filter_map(|i| text.get(&i)).collect() };
    let (pl, gl) = (links(pred), links(gold));

    // Cues.
    let pc: Vec<Range> = dedup(pl.iter().filter_map(|l| l.cue));
    let gc: Vec<Range> = dedup(gl.iter().filter_map(|l| l.cue));
    let m = match_pairs(&pc, &gc, |a, b| if overlaps(*a, *b) { 1.0 } else { 0.0 });
    out.cue.add(Score {
        tp: m.len() as f64,
        pred: pc.len() as f64,
        gold: gc.len() as f64,
    });
    list_misses(&pc, &gc, &m, "cue", &pred.id, &show, &mut out.misses);

    // Source spans, by token overlap.
    let ps: Vec<Range> = dedup(pl.iter().filter_map(|l| l.source));
    let gs: Vec<Range> = dedup(gl.iter().filter_map(|l| l.source));
    let m = match_pairs(&ps, &gs, |a, b| {
        let f = token_f1(text, *a, *b);
        if f >= 0.5 { f } else { 0.0 }
    });
    out.source_span.add(Score {
        tp: m.len() as f64,
        pred: ps.len() as f64,
        gold: gs.len() as f64,
    });
    list_misses(&ps, &gs, &m, "source", &pred.id, &show, &mut out.misses);

    // Resolved sources: matched links that point at the same entity.
    let m = match_pairs(&pl, &gl, |a, b| match (link_key(a), link_key(b)) {
        (Some(x), Some(y)) if overlaps(x, y) => 1.0,
        _ => 0.0,
    });
    let resolved = m
        .iter()
        .filter(|(i, j, _)| same_entity(pred, pl[*i].entity, gold, gl[*j].entity))
        .count();
    out.resolved_source.add(Score {
        tp: resolved as f64,
        pred: pl.iter().filter(|l| l.entity.is_some()).count() as f64,
        gold: gl.iter().filter(|l| l.entity.is_some()).count() as f64,
    });
    for (i, j, _) in &m {
        if !same_entity(pred, pl[*i].entity, gold, gl[*j].entity) {
            let at = link_key(&gl[*j]).map(&show).unwrap_or_default();
            let name = |d: &Scored, e: Option<usize>| -> String {
                e.and_then(|e| first_named(d, e))
                    .map(&show)
                    .unwrap_or_else(|| "nobody".into())
            };
            out.misses.push(format!(
                "{}: resolved source differs at {at:?}: gold {:?}, predicted {:?}",
                pred.id,
                name(gold, gl[*j].entity),
                name(pred, pl[*i].entity)
            ));
        }
    }

    // Content of attributed claims, by token F1.
    let attributed = |d: &Scored| -> Vec<Range> {
        d.claims
            .iter()
            .filter(|c| c.basis == Basis::Attributed)
            .map(|c| [c.start, c.end])
            .collect()
    };
    let (pa, ga) = (attributed(pred), attributed(gold));
    let m = match_pairs(&pa, &ga, |a, b| token_f1(text, *a, *b));
    let sum: f64 = m.iter().map(|x| x.2).sum();
    out.content.add(Score {
        tp: sum,
        pred: pa.len() as f64,
        gold: ga.len() as f64,
    });
    list_misses(&pa, &ga, &m, "claim", &pred.id, &show, &mut out.misses);

    // Chain links: per matched claim, the longest common run of entities.
    let chains = |d: &Scored| -> Vec<(Range, Vec<Option<usize>>)> {
        let index: BTreeMap<&str, usize> = d
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.0.as_str(), i))
            .collect();
        d.claims
            .iter()
            .filter(|c| c.basis == Basis::Attributed)
            .map(|c| {
                let ents = c
                    .chain
                    .iter()
                    .map(|l| l.reference.as_deref().and_then(|r| index.get(r).copied()))
                    .collect();
                ([c.start, c.end], ents)
            })
            .collect()
    };
    let (pch, gch) = (chains(pred), chains(gold));
    let mut tp = 0.0;
    for (i, j, _) in match_pairs(&pch, &gch, |a, b| token_f1(text, a.0, b.0)) {
        tp += lcs(&pch[i].1, &gch[j].1, |a, b| same_entity(pred, *a, gold, *b)) as f64;
    }
    out.chain_links.add(Score {
        tp,
        pred: pch.iter().map(|c| c.1.len()).sum::<usize>() as f64,
        gold: gch.iter().map(|c| c.1.len()).sum::<usize>() as f64,
    });
}

fn dedup(it: impl Iterator<Item = Range>) -> Vec<Range> {
    let mut v: Vec<Range> = it.collect();
    v.sort();
    v.dedup();
    v
}

fn list_misses(
    pred: &[Range],
    gold: &[Range],
    m: &[(usize, usize, f64)],
    what: &str,
    doc: &str,
    show: &dyn Fn(Range) -> String,
    out: &mut Vec<String>,
) {
    for (j, g) in gold.iter().enumerate() {
        if !m.iter().any(|x| x.1 == j) {
            out.push(format!(
                "{doc}: MISS {what} [{}, {}) {:?}",
                g[0],
                g[1],
                show(*g)
            ));
        }
    }
    for (i, p) in pred.iter().enumerate() {
        if !m.iter().any(|x| x.0 == i) {
            out.push(format!(
                "{doc}: FALSE ALARM {what} [{}, {}) {:?}",
                p[0],
                p[1],
                show(*p)
            ));
        }
    }
}

fn lcs<T>(a: &[T], b: &[T], eq: impl Fn(&T, &T) -> bool) -> usize {
    let mut dp = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in 0..a.len() {
        for j in 0..b.len() {
            dp[i + 1][j + 1] = if eq(&a[i], &b[j]) {
                dp[i][j] + 1
            } else {
                dp[i][j + 1].max(dp[i + 1][j])
            };
        }
    }
    dp[a.len()][b.len()]
}

/// Why scoring could not be done.
#[derive(Debug)]
pub enum EvalError {
    /// A gold file without a prediction of the same name.
    NoPrediction(PathBuf),
    /// A file that cannot be read or parsed (the reader's message).
    Unreadable(PathBuf, String),
    /// The gold directory cannot be listed.
    Store(crate::io::store::StoreError),
}

impl From<crate::io::store::StoreError> for EvalError {
    fn from(e: crate::io::store::StoreError) -> Self {
        EvalError::Store(e)
    }
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EvalError::NoPrediction(p) => {
                write!(f, "{}: no prediction for this gold file", p.display())
            }
            EvalError::Unreadable(p, e) => write!(f, "{}: {e}", p.display()),
            EvalError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for EvalError {}

impl From<EvalError> for String {
    fn from(e: EvalError) -> String {
        e.to_string()
    }
}

/// Score every gold file that has a prediction of the same name.
pub fn evaluate(gold_dir: &Path, pred_dir: &Path) -> Result<Report, EvalError> {
    let mut report = Report::default();
    for g in crate::io::store::yaml_files(gold_dir)? {
        let Some(name) = g.file_name() else { continue };
        let p = pred_dir.join(name);
        if !p.exists() {
            return Err(EvalError::NoPrediction(p));
        }
        let (pred, gold) = (load(&p)?, load(&g)?);
        // Offsets into another text would score nonsense (misses at words
        // that are not there): such a gold is refused, not scored.
        if pred.sha256 != gold.sha256 {
            report.refused.push(format!(
                "{}: document.sha256 {} is not the article's ({} in {}): the article changed since the gold was made; re-check the gold against the current article, or annotate the article the gold was made from",
                g.display(),
                short_hash(&gold.sha256),
                short_hash(&pred.sha256),
                p.display()
            ));
            continue;
        }
        score_doc(&pred, &gold, &mut report);
    }
    Ok(report)
}

fn short_hash(h: &str) -> &str {
    h.get(..12).unwrap_or(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document whose entities have these mentions, and one claim per
    /// `(cue, entity)` link, each with its source phrase unnamed.
    fn doc(entities: &[&[Range]], links: &[(Range, usize)]) -> Scored {
        Scored {
            id: "d".into(),
            sha256: String::new(),
            sources: entities
                .iter()
                .enumerate()
                .map(|(i, m)| (format!("e{i}"), m.to_vec(), None))
                .collect(),
            claims: links
                .iter()
                .map(|&(cue, e)| GoldClaim {
                    start: cue[1] + 1,
                    end: cue[1] + 5,
                    basis: Basis::Attributed,
                    chain: vec![GoldLink {
                        cue: Some(cue),
                        stance: None,
                        source: None,
                        reference: Some(format!("e{e}")),
                    }],
                })
                .collect(),
            text: BTreeMap::new(),
        }
    }

    fn resolved(pred: &Scored, gold: &Scored) -> f64 {
        let mut r = Report::default();
        score_doc(pred, gold, &mut r);
        r.resolved_source.tp
    }

    // Two people: A named at 0, B named at 50; "وأضاف" at 100 and 200.
    const A: &[Range] = &[[0, 5]];
    const B: &[Range] = &[[50, 55]];

    #[test]
    fn a_name_in_passing_does_not_count_against_the_right_entity() {
        let gold = doc(&[A, B], &[([100, 105], 0), ([200, 205], 1)]);
        // The prediction also lists B named in passing at 30, before gold's
        // first source mention of B.
        let pred = doc(
            &[A, &[[30, 35], [50, 55]]],
            &[([100, 105], 0), ([200, 205], 1)],
        );
        assert_eq!(resolved(&pred, &gold), 2.0);
    }

    #[test]
    fn the_wrong_antecedent_a_merge_and_a_split_are_misses() {
        let gold = doc(&[A, B], &[([100, 105], 0), ([200, 205], 1)]);
        let wrong = doc(&[A, B], &[([100, 105], 0), ([200, 205], 0)]);
        assert_eq!(resolved(&wrong, &gold), 1.0);
        // One entity holding both first names stands for the one it was
        // first named as; the link meant for the other misses.
        let merged = doc(&[&[[0, 5], [50, 55]]], &[([100, 105], 0), ([200, 205], 0)]);
        assert_eq!(resolved(&merged, &gold), 1.0);
        // An entity that lacks B's first name is not B.
        let split = doc(&[A, B, &[[150, 155]]], &[([100, 105], 0), ([200, 205], 2)]);
        assert_eq!(resolved(&split, &gold), 1.0);
    }
}
