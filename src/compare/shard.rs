//! Comparison in two steps, for an archive too large for one machine.
//!
//! 1. `keys`: every claim once per blocking key (the informative stems,
//!    numbers and years it is aligned by), as one JSON line that carries
//!    what the pairwise judgement needs: the claim, the sources on its
//!    chain, its publisher. Any engine can run this per partition.
//! 2. After a shuffle that brings each key's lines together (`sort`, Spark,
//!    Hadoop), `group` judges every pair of claims in one key group with the
//!    same judgement as the one-step compare, and writes relation lines. A
//!    pair that shares several keys is judged alike in each group: `sort -u`
//!    joins them.
//!
//! The one-step compare keeps, for each claim, only its best-scoring
//! candidates; the groups judge every pair that shares a rare key, so the
//! two-step result holds every one-step relation and may hold more.

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};

use super::align::{self, common_cap};
use super::{PairRelation, RelateLexicon};
use crate::model::{Annotation, Claim, Document, Source};

/// One line of step 1: a claim under one of its keys.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Keyed {
    pub key: String,
    pub doc: String,
    pub publisher: Option<String>,
    /// The article's date: a claim without a year is about its present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub claim: Claim,
    /// The sources the claim's chain refers to.
    pub sources: Vec<Source>,
    /// The claim's content keys with how many claims of the whole set hold
    /// them, so that step 2 weighs shared words as the one-step compare does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub df: Vec<(String, u32)>,
}

/// Step 1 over some documents: every claim under each of its keys.
pub fn keys(
    docs: &[Annotation],
    lex: &RelateLexicon,
    out: &mut impl Write,
) -> std::io::Result<usize> {
    let items = align::items(docs, lex);
    let df: std::collections::HashMap<String, u32> =
        align::frequencies(&items).into_iter().collect();
    let mut lines = 0;
    for it in &items {
        let doc = &docs[it.doc];
        let cited: Vec<Source> = doc
            .sources
            .iter()
            .filter(|s| {
                it.claim
                    .chain
                    .iter()
                    .any(|l| l.reference.as_deref() == Some(&s.id))
            })
            .cloned()
            .collect();
        let freq = align::claim_frequencies(it, &df);
        for key in &it.keys {
            let line = Keyed {
                key: key.clone(),
                doc: doc.document.id.clone(),
                publisher: doc.document.publisher.clone(),
                date: doc.document.date.clone(),
                claim: it.claim.clone(),
                sources: cited.clone(),
                df: freq.clone(),
            };
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n")?;
            lines += 1;
        }
    }
    Ok(lines)
}

/// A one-claim document, enough for the pairwise judgement.
fn document(k: Keyed) -> Annotation {
    Annotation {
        format: crate::model::FORMAT.to_string(),
        document: Document {
            id: k.doc,
            sha256: String::new(),
            length: 0,
            title: None,
            publisher: k.publisher,
            publisher_ref: None,
            outlet: None,
            url: None,
            date: k.date,
        },
        blocks: Vec::new(),
        sentences: Vec::new(),
        sources: k.sources,
        claims: vec![k.claim],
    }
}

/// Step 2 for one key group: every pair judged, unless the key is so common
/// that it tells nothing (as in the one-step compare, `claims` is the size
/// of the whole compared set).
pub fn judge_group(group: Vec<Keyed>, claims: usize, lex: &RelateLexicon) -> Vec<PairRelation> {
    if group.len() < 2 || group.len() > common_cap(claims) {
        return Vec::new();
    }
    let mut df: std::collections::HashMap<String, u32> = Default::default();
    for k in &group {
        for (key, d) in &k.df {
            df.insert(key.clone(), *d);
        }
    }
    let idf = super::relate::Idf::from_frequencies(df, claims);
    let mut docs: Vec<Annotation> = group.into_iter().map(document).collect();
    // The one-step compare orders a pair by document, then by text.
    docs.sort_by(|a, b| {
        (&a.document.id, a.claims[0].start).cmp(&(&b.document.id, b.claims[0].start))
    });
    let items = align::items(&docs, lex);
    let params = align::params();
    let mut out = Vec::new();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            if let Some((r, _)) = align::judge(&docs, &items, i, j, lex, &params, &idf) {
                out.push(r);
            }
        }
    }
    out
}

/// Step 2 over a stream of step-1 lines grouped by key: one relation per
/// line, as JSON. Lines of one key must be together (sorted input is).
pub fn group(
    input: impl BufRead,
    origin: &str,
    claims: usize,
    lex: &RelateLexicon,
    out: &mut impl Write,
) -> Result<usize, String> {
    let mut current: Vec<Keyed> = Vec::new();
    let mut done: std::collections::HashSet<String> = Default::default();
    let mut written = 0;
    let flush = |group: Vec<Keyed>, out: &mut dyn Write| -> Result<usize, String> {
        let mut n = 0;
        for r in judge_group(group, claims, lex) {
            let line = serde_json::to_string(&r).map_err(|e| e.to_string())?;
            writeln!(out, "{line}").map_err(|e| format!("cannot write output: {e}"))?;
            n += 1;
        }
        Ok(n)
    };
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("{origin}:{}: cannot read: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let k: Keyed = serde_json::from_str(&line).map_err(|e| {
            format!(
                "{origin}:{}: not a line of `isnad compare --keys`: {e}",
                n + 1
            )
        })?;
        if current.first().is_some_and(|c| c.key != k.key) {
            let finished = std::mem::take(&mut current);
            done.insert(finished[0].key.clone());
            written += flush(finished, out)?;
        }
        if current.is_empty() && done.contains(&k.key) {
            return Err(format!(
                "{origin}:{}: key {:?} came back after other keys: group the lines by key first (LC_ALL=C sort)",
                n + 1,
                k.key
            ));
        }
        current.push(k);
    }
    if !current.is_empty() {
        written += flush(current, out)?;
    }
    Ok(written)
}
