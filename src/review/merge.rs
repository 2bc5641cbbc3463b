//! Re-annotation without losing human work: the machine's fresh annotation
//! of the current text, merged with the file a person may have edited.
//!
//! - Claims a person reviewed, corrected or added are kept as they are,
//!   re-anchored to the current text; one that cannot be found is kept and
//!   marked `orphaned`.
//! - Where a kept claim stands, the machine's claim gives way; when the
//!   machine now reads it differently, that is reported.
//! - Sources the file shares with the fresh annotation keep the file's name,
//!   kind and aliases, because a person may have corrected them; the machine
//!   contributes their mentions. Sources a person added are kept.
//! - Everything else is the fresh machine annotation: unreviewed machine
//!   claims the machine no longer finds are gone.

use std::collections::{HashMap, HashSet};

use super::anchor::{Anchor, Found};
use crate::model::{Annotation, Claim, ReviewStatus, Sentence, Source};
use crate::text::Text;

pub struct Merged {
    pub annotation: Annotation,
    /// What a person should look at: disagreements and orphans, one line each.
    pub notes: Vec<String>,
}

pub fn merge(old: &Annotation, fresh: Annotation, text: &Text) -> Merged {
    let anchor = Anchor::new(&old.sentences, &fresh.sentences, text);
    let mut notes = Vec::new();
    let mut out = fresh;

    let mut ids = merge_sources(old, &mut out, &anchor);
    keep_unmatched_sources(old, &mut out, &anchor, &mut ids);
    let kept: Vec<Claim> = old
        .claims
        .iter()
        .filter(|c| c.is_human_work())
        .map(|c| place_claim(c, &anchor, text, &out.sentences, &ids, &mut notes))
        .collect();

    for k in &kept {
        if k.orphaned {
            continue;
        }
        let machine: Vec<&Claim> = out
            .claims
            .iter()
            .filter(|m| m.start < k.end && k.start < m.end)
            .collect();
        if let Some(note) = disagreement(k, &machine, &out.sources) {
            notes.push(note);
        }
    }
    out.claims.retain(|m| {
        !kept
            .iter()
            .any(|k| !k.orphaned && m.start < k.end && k.start < m.end)
    });
    let taken: HashSet<String> = kept.iter().map(|k| k.id.clone()).collect();
    for m in &mut out.claims {
        m.id = free_id(&m.id, &taken);
    }
    out.claims.extend(kept);
    out.claims.sort_by_key(|c| (c.orphaned, c.start, c.end));

    keep_document_edits(old, &mut out, &ids);
    Merged {
        annotation: out,
        notes,
    }
}

/// Give the fresh sources the file's names for the entities both know, and
/// return the map from the file's source ids to the merged ones.
fn merge_sources(
    old: &Annotation,
    out: &mut Annotation,
    anchor: &Anchor,
) -> HashMap<String, String> {
    let mut ids = HashMap::new();
    for o in &old.sources {
        let mentions = moved_mentions(o, &old.sentences, anchor);
        let best = out
            .sources
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let shared = mentions
                    .iter()
                    .filter(|m| n.mentions.iter().any(|x| x[0] < m[1] && m[0] < x[1]))
                    .count();
                (shared, i)
            })
            .filter(|&(shared, _)| shared > 0)
            .max_by_key(|&(shared, i)| (shared, usize::MAX - i));
        if let Some((_, i)) = best {
            let n = &mut out.sources[i];
            if !ids.values().any(|v| v == &n.id) {
                n.name = o.name.clone();
                n.kind = o.kind;
                n.aliases = o.aliases.clone();
                n.origin = o.origin;
            }
            ids.insert(o.id.clone(), n.id.clone());
        }
    }
    ids
}

/// Sources the file holds that the machine no longer finds, but that a
/// person added or a kept claim cites; `ids` learns their merged ids.
fn keep_unmatched_sources(
    old: &Annotation,
    out: &mut Annotation,
    anchor: &Anchor,
    ids: &mut HashMap<String, String>,
) {
    let cited: HashSet<&str> = old
        .claims
        .iter()
        .filter(|c| c.is_human_work())
        .flat_map(|c| c.chain.iter().filter_map(|l| l.reference.as_deref()))
        .collect();
    for o in &old.sources {
        let wanted = cited.contains(o.id.as_str()) || !o.origin.is_machine();
        if ids.contains_key(&o.id) || !wanted {
            continue;
        }
        let taken: HashSet<String> = out.sources.iter().map(|s| s.id.clone()).collect();
        let mut s = o.clone();
        s.mentions = moved_mentions(o, &old.sentences, anchor);
        s.id = free_id(&o.id, &taken);
        ids.insert(o.id.clone(), s.id.clone());
        out.sources.push(s);
    }
}

/// A kept claim at its place in the current text, its links with it and
/// pointing at the merged sources.
fn place_claim(
    c: &Claim,
    anchor: &Anchor,
    text: &Text,
    sentences: &[Sentence],
    ids: &HashMap<String, String>,
    notes: &mut Vec<String>,
) -> Claim {
    let mut k = c.clone();
    let selector = c
        .selector
        .clone()
        .unwrap_or_else(|| crate::model::TextQuote {
            exact: c.text.clone(),
            prefix: String::new(),
            suffix: String::new(),
        });
    let found = if c.orphaned {
        anchor.quote(usize::MAX / 2, usize::MAX / 2, &selector)
    } else {
        anchor.quote(c.start, c.end, &selector)
    };
    let Some(found) = found else {
        if !c.orphaned {
            notes.push(format!(
                "claim {}: its text is no longer in the article; kept as orphaned — re-place or reject it",
                c.id
            ));
        }
        k.orphaned = true;
        return k;
    };
    let (start, end) = found.span();
    if let Found::Changed(..) = found {
        notes.push(format!(
            "claim {}: its words changed in the article; re-anchored by its context — check the review still holds",
            c.id
        ));
    }
    k.start = start;
    k.end = end;
    k.text = text.slice_chars(start, end).unwrap_or_default().to_string();
    k.selector = Some(text.quote(start, end));
    k.orphaned = false;
    k.sentence = sentence_at(sentences, start)
        .unwrap_or(&k.sentence)
        .to_string();
    for link in &mut k.chain {
        let mut lost = false;
        if let Some(cue) = &mut link.cue {
            match anchor.span(cue.start, cue.end, &cue.text) {
                Some((s, e)) => (cue.start, cue.end) = (s, e),
                None => lost = true,
            }
        }
        if let Some(src) = &mut link.source {
            match anchor.span(src.start, src.end, &src.text) {
                Some((s, e)) => (src.start, src.end) = (s, e),
                None => lost = true,
            }
        }
        if let Some(r) = &link.reference {
            link.reference = Some(ids.get(r).cloned().unwrap_or_else(|| r.clone()));
        }
        if lost {
            notes.push(format!(
                "claim {}: a cue or source of its chain is no longer in the article; kept as orphaned",
                c.id
            ));
            k.orphaned = true;
        }
    }
    if k.orphaned {
        k.start = c.start;
        k.end = c.end;
        k.text = c.text.clone();
        k.selector = c.selector.clone();
    }
    k
}

fn sentence_at(sentences: &[Sentence], start: usize) -> Option<&str> {
    sentences
        .iter()
        .find(|s| s.start <= start && start < s.end)
        .map(|s| s.id.as_str())
}

/// The file's mentions of a source, at their places in the current text.
/// Their words come from the file's own sentences.
fn moved_mentions(source: &Source, sentences: &[Sentence], anchor: &Anchor) -> Vec<[usize; 2]> {
    source
        .mentions
        .iter()
        .filter_map(|&[start, end]| {
            let s = sentences
                .iter()
                .find(|s| s.start <= start && end <= s.end)?;
            let words = s.text_between(start, end);
            anchor.span(start, end, &words).map(|(a, b)| [a, b])
        })
        .collect()
}

/// A reviewed claim the machine now reads differently: no claim there, or
/// another span, or another chain.
fn disagreement(k: &Claim, machine: &[&Claim], sources: &[Source]) -> Option<String> {
    let review = k.review.as_ref()?;
    if !matches!(
        review.status,
        ReviewStatus::Confirmed | ReviewStatus::Corrected
    ) {
        return None;
    }
    let status = match review.status {
        ReviewStatus::Confirmed => "confirmed",
        _ => "corrected",
    };
    let Some(m) = machine.first() else {
        return Some(format!(
            "claim {}: {status} by a reviewer, but the machine no longer finds a claim there; the review is kept",
            k.id
        ));
    };
    let name = |r: &Option<String>| {
        r.as_ref()
            .and_then(|r| sources.iter().find(|s| &s.id == r))
            .map_or("?".to_string(), |s| s.name.clone())
    };
    let chain = |c: &Claim| {
        c.chain
            .iter()
            .map(|l| name(&l.reference))
            .collect::<Vec<_>>()
            .join(" → ")
    };
    if (m.start, m.end) != (k.start, k.end) || chain(m) != chain(k) {
        return Some(format!(
            "claim {}: {status} by a reviewer as [{}] «{}», but the machine now reads [{}] «{}»; the review is kept",
            k.id,
            chain(k),
            k.text,
            chain(m),
            m.text
        ));
    }
    None
}

/// A person may have corrected the publisher or the title; keep theirs.
fn keep_document_edits(old: &Annotation, out: &mut Annotation, ids: &HashMap<String, String>) {
    let (o, d) = (&old.document, &mut out.document);
    for (mine, theirs) in [
        (&mut d.title, &o.title),
        (&mut d.publisher, &o.publisher),
        (&mut d.url, &o.url),
        (&mut d.date, &o.date),
    ] {
        if theirs.is_some() {
            *mine = theirs.clone();
        }
    }
    if let Some(r) = &o.publisher_ref {
        d.publisher_ref = ids.get(r).cloned().or(d.publisher_ref.take());
    }
}

/// `id`, or `id-2`, `id-3`... whichever is not taken.
fn free_id(id: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(id) {
        return id.to_string();
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| !taken.contains(c))
        .unwrap_or_else(|| id.to_string())
}
