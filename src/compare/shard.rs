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

use std::collections::HashMap;
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

/// Document frequencies of content keys over the compared claims.
pub type Frequencies = HashMap<String, u32>;

/// What step 1 needs to know of the whole compared set: how many claims it
/// has, how many of them hold each content word (to weigh shared words)
/// and how many hold each blocking key (to leave out the groups that step 2
/// would not judge).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Archive {
    pub claims: usize,
    pub words: Frequencies,
    pub keys: Frequencies,
}

impl Archive {
    fn of(items: &[align::Item]) -> Archive {
        let mut keys = Frequencies::new();
        for it in items {
            // `it.keys` is sorted and deduplicated: one count per claim.
            for k in &it.keys {
                *keys.entry(k.clone()).or_insert(0) += 1;
            }
        }
        Archive {
            claims: items.len(),
            words: align::frequencies(items).into_iter().collect(),
            keys,
        }
    }
}

/// Step 0, when step 1 runs per partition: this partition's counts, one
/// per line, `kind<TAB>name<TAB>count`: `n` (the claims, empty name), `w`
/// (claims that hold a content word), `k` (claims under a blocking key).
/// Names never hold a tab. Sorted, so that the output is deterministic.
/// Partitions hold different claims, so the archive's counts are the sums
/// over partitions: `read_frequencies` sums repeated lines, and so the
/// concatenation of every partition's output is a valid table.
pub fn frequencies(
    docs: &[Annotation],
    lex: &RelateLexicon,
    out: &mut impl Write,
) -> std::io::Result<usize> {
    let items = align::items(docs, lex);
    let archive = Archive::of(&items);
    writeln!(out, "n\t\t{}", archive.claims)?;
    for (kind, table) in [("w", &archive.words), ("k", &archive.keys)] {
        let mut rows: Vec<(&String, &u32)> = table.iter().collect();
        rows.sort_unstable();
        for (name, d) in rows {
            writeln!(out, "{kind}\t{name}\t{d}")?;
        }
    }
    Ok(archive.claims)
}

/// Step 0's lines, from one partition or many, summed. A bad line stops
/// everything: counts from a damaged table would change every judgement
/// without a word.
pub fn read_frequencies(input: impl BufRead, origin: &str) -> Result<Archive, String> {
    let mut archive = Archive::default();
    let mut counted = false;
    for (n, line) in input.lines().enumerate() {
        let bad = || {
            format!(
                "{origin}:{}: not a line of `isnad compare --frequencies` (n, w or k, a name, a count, between tabs); give that command's output, concatenated or summed",
                n + 1
            )
        };
        let line = line.map_err(|e| format!("{origin}:{}: cannot read: {e}", n + 1))?;
        if line.is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(kind), Some(name), Some(count), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err(bad());
        };
        let count: u32 = count.parse().map_err(|_| bad())?;
        let table = match kind {
            "n" => {
                counted = true;
                archive.claims = archive.claims.saturating_add(count as usize);
                continue;
            }
            "w" => &mut archive.words,
            "k" => &mut archive.keys,
            _ => return Err(bad()),
        };
        let d = table.entry(name.to_string()).or_insert(0);
        *d = d.saturating_add(count);
    }
    if !counted {
        return Err(format!(
            "{origin}: no claim count (the line `n<TAB><TAB>count`); give the whole output of `isnad compare --frequencies`"
        ));
    }
    Ok(archive)
}

/// Step 1 over some documents: every claim under each of its keys. The
/// counts are those of `global` (the whole archive, from step 0) when step
/// 1 runs per partition, else of `docs`. A key that only one claim holds,
/// or so many that step 2 would not judge its group (`common_cap`), writes
/// nothing: on a large archive those are most of the lines.
pub fn keys(
    docs: &[Annotation],
    lex: &RelateLexicon,
    global: Option<&Archive>,
    out: &mut impl Write,
) -> std::io::Result<usize> {
    let items = align::items(docs, lex);
    let local;
    let archive = match global {
        Some(g) => g,
        None => {
            local = Archive::of(&items);
            &local
        }
    };
    let cap = common_cap(archive.claims);
    let judged = |key: &str| {
        archive
            .keys
            .get(key)
            .is_some_and(|&n| n >= 2 && n as usize <= cap)
    };
    let df = &archive.words;
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
        let freq = align::claim_frequencies(it, df);
        for key in it.keys.iter().filter(|k| judged(k)) {
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
    // The one-step compare orders a pair by document, then by text; two
    // claims that start together (one inside the other) by id, which is
    // where sorted lines put them, so that the verdicts do not depend on
    // the order of the lines within a group (a shuffle does not keep it).
    docs.sort_by(|a, b| {
        let (x, y) = (&a.claims[0], &b.claims[0]);
        (&a.document.id, x.start, &x.id).cmp(&(&b.document.id, y.start, &y.id))
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

/// Only the key of a step-1 line: lines of a group too common to judge are
/// read this far and dropped, never built.
#[derive(Deserialize)]
struct KeyOnly {
    key: String,
}

/// What step 2 did: relations written, and lines refused (each reported on
/// standard error with its line number; the others are still judged).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct GroupCount {
    pub relations: usize,
    pub bad_lines: usize,
}

/// Step 2 over a stream of step-1 lines sorted by key: one relation per
/// line, as JSON.
///
/// It streams: one key group is held at a time, judged, written and
/// dropped, and a group past the common cap (which is never judged) is not
/// held at all, so memory is bounded by the largest group judged (at most
/// `common_cap` claims), whatever the size of the archive. That is why the
/// keys must come in ascending byte order (what `LC_ALL=C sort`, Hadoop's
/// shuffle and Spark's sort within partitions give) rather than merely
/// together: a key lower than the one before is out of place at once,
/// whereas spotting a key that comes back among unsorted groups would mean
/// remembering every key of the archive.
pub fn group(
    input: impl BufRead,
    origin: &str,
    claims: usize,
    lex: &RelateLexicon,
    out: &mut impl Write,
) -> Result<GroupCount, String> {
    let cap = common_cap(claims);
    let mut key: Option<String> = None;
    let mut current: Vec<Keyed> = Vec::new();
    // The current group is past the cap: its lines are dropped.
    let mut common = false;
    let mut count = GroupCount::default();
    let mut flush = |group: Vec<Keyed>, out: &mut dyn Write| -> Result<(), String> {
        for r in judge_group(group, claims, lex) {
            let line = serde_json::to_string(&r).map_err(|e| e.to_string())?;
            writeln!(out, "{line}").map_err(|e| format!("cannot write output: {e}"))?;
            count.relations += 1;
        }
        Ok(())
    };
    let mut bad_lines = 0;
    for (n, line) in input.lines().enumerate() {
        let here = format!("{origin}:{}", n + 1);
        let line = line.map_err(|e| format!("{here}: cannot read: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let refuse = |e: serde_json::Error| {
            eprintln!(
                "isnad: {here}: not a line of `isnad compare --keys` ({e}); skipped: give step 2 the lines step 1 wrote"
            );
        };
        let k = match serde_json::from_str::<KeyOnly>(&line) {
            Ok(k) => k.key,
            Err(e) => {
                refuse(e);
                bad_lines += 1;
                continue;
            }
        };
        match key.as_deref() {
            Some(prev) if k.as_str() < prev => {
                return Err(format!(
                    "{here}: key {k:?} comes after key {prev:?}: group the lines by key first, in byte order (LC_ALL=C sort)"
                ));
            }
            Some(prev) if k == prev => {}
            _ => {
                flush(std::mem::take(&mut current), out)?;
                common = false;
                key = Some(k);
            }
        }
        if common {
            continue;
        }
        match serde_json::from_str::<Keyed>(&line) {
            Ok(full) => current.push(full),
            Err(e) => {
                refuse(e);
                bad_lines += 1;
                continue;
            }
        }
        if current.len() > cap {
            // `judge_group` would refuse it whole: drop it now.
            current = Vec::new();
            common = true;
        }
    }
    flush(current, out)?;
    Ok(GroupCount {
        relations: count.relations,
        bad_lines,
    })
}
