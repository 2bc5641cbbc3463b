//! Chains: reports nested in one another ("نقلت الصحيفة عن مصدر قوله إن
//! …") become one report whose links run from the outermost reporter to
//! the original speaker.

use super::*;

/// A report whose cue lies inside another's content is a further link of
/// that chain ("لافروف ذكر أن ترامب أكد أن بوتين أكد له أن ..."), unless it
/// opens a clause of its own ("، كما كتبت صحيفة ...", a participle, a
/// refusal to comment, or the main clause after "وبعد أن نفى ...").
pub(super) fn nest(
    doc: &ArticleView,
    reports: Vec<Report>,
    openers: &WordSet,
    contrasts: &Contrasts,
) -> Vec<Report> {
    let mut out: Vec<Report> = Vec::new();
    for mut r in reports {
        let cue_at = doc.start_of(r.cue_tok);
        // "قال كومي إنه حاول …، وهو ما ينفيه ترامب": what the resumed
        // clause says ends the host's content and is the report's content.
        if let Some(Resumed { head, refusal }) = r.resumes {
            let at = doc.start_of(head);
            let host = out.iter_mut().rev().find(|h| {
                h.sentence == r.sentence && !h.actor && h.content.0 < at && at <= h.content.1 + 3
            });
            let accusation = |h: &Report| {
                h.links
                    .iter()
                    .filter_map(|l| l.cue.as_ref())
                    .any(|(hit, _, _)| hit.stance == Stance::Allege)
            };
            match host {
                Some(h) if !refusal || accusation(h) => {
                    cut_before(doc, h, head);
                    r.content = h.content;
                    out.push(r);
                }
                None if !refusal => out.push(r),
                _ => {}
            }
            continue;
        }
        // "قال أردوغان إن ...، حسب ما نقلته وكالة الأناضول": a source that
        // relays the report, named after its content, is the chain's outer link.
        if relays(&r)
            && let Some(h) = out.iter_mut().rev().find(|h| {
                h.sentence == r.sentence && !h.actor && ends_at(doc, h, cue_at, phrase_end(doc, &r))
            })
        {
            cut_before(doc, h, r.cue_tok);
            let inner = std::mem::replace(&mut h.links, r.links);
            h.links.extend(inner);
            continue;
        }
        let joined = morphology::starts_with_conjunction(doc.word(r.cue_tok));
        // "فقالت:", "وأضاف أن" with no subject of its own: the same speaker
        // goes on; a nested report would name whom it quotes.
        let goes_on = joined
            && r.kind == CueKind::Verb
            && r.links
                .last()
                .is_some_and(|l| matches!(l.speaker, Speaker::Dropped(_)));
        // The clause starts at the cue, or at a subject placed before it
        // ("، لكن المعارضة تقول إنها").
        let clause = r
            .links
            .iter()
            .filter_map(|l| match l.speaker {
                Speaker::Phrase(np) if np.first < r.cue_tok => Some(np.first),
                _ => None,
            })
            .min()
            .unwrap_or(r.cue_tok);
        let contrast = contrasts.before(doc, clause);
        let new_clause = goes_on
            || contrast.is_some()
            || clause > 0 && {
                let prev = clause - 1;
                (doc.is_comma(prev) && joined)
                    || (openers.contains(doc.word(prev)) && prev > 0 && doc.is_comma(prev - 1))
            };
        let own_claim = matches!(r.kind, CueKind::Participle | CueKind::NoComment);
        let host = out
            .iter_mut()
            .rev()
            .find(|h| h.content.0 <= cue_at && cue_at < h.content.1);
        match host {
            // A cue inside a quotation is part of the quoted words, unless
            // it names a speaker of its own ("“ترامب أكد أن بوتين أكد له”"
            // nests): "... "كما يؤكد أن ..."", "... "…، مؤكدة دور ..."".
            Some(h) if h.quote == QuoteKind::Direct && (r.from_sentence || !names_speaker(&r)) => {}
            Some(h) if !(new_clause || own_claim || h.subordinate) => {
                h.links.extend(r.links);
                if !r.from_sentence {
                    h.content = r.content;
                    h.quote = r.quote;
                }
            }
            Some(h) => {
                // "... إلا أن مكلارين تباهى", "...، لكنه توقع": the contrast
                // ends the host's words.
                let cut = contrast.unwrap_or(r.cue_tok);
                cut_before(doc, h, cut);
                out.push(r);
            }
            None => out.push(r),
        }
    }
    out
}

/// Whether a report is a prepositional cue that relays what is said (وفقا
/// لـ, حسب), not one that names whom the speaker quotes (نقلا عن).
pub(super) fn relays(r: &Report) -> bool {
    r.kind == CueKind::Preposition
        && r.links
            .first()
            .and_then(|l| l.cue.as_ref())
            .is_some_and(|(hit, _, _)| !hit.quoting)
}

/// Where the source phrase of a prepositional report ends, in bytes.
pub(super) fn phrase_end(doc: &ArticleView, r: &Report) -> usize {
    r.links
        .iter()
        .filter_map(|l| match l.speaker {
            Speaker::Phrase(np) | Speaker::SourceOfPrevious(np) => {
                Some(doc.span(np.first, np.last, np.clitic_bytes).1)
            }
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

/// Whether a relaying phrase from byte `at` to `end` closes report `h`'s
/// content: right after it, or as its last words ("…، حسب ما نقلته
/// الوكالة."). One in the middle ("… وفقا لمحققين، عبر …") is what the
/// speaker relays: an inner link, as before.
pub(super) fn ends_at(doc: &ArticleView, h: &Report, at: usize, end: usize) -> bool {
    let (s, e) = h.content;
    if s == e || h.kind == CueKind::Preposition || at < s || end < at {
        return false;
    }
    let only_punct = |gap: &str| {
        gap.chars()
            .all(|c| c.is_whitespace() || punctuation::in_clause_gap(c))
    };
    let gap = if at >= e {
        doc.raw.get(e..at)
    } else {
        doc.raw.get(end.min(e)..e)
    };
    gap.is_some_and(only_punct)
}

/// Whether a report names its speaker in its own words (not a dropped
/// subject going on from before).
pub(super) fn names_speaker(r: &Report) -> bool {
    r.links
        .iter()
        .any(|l| l.cue.is_some() && !matches!(l.speaker, Speaker::Dropped(_)))
}

/// The words that open a contrast before a clause: see `Contrasts::before`.
pub(super) struct Contrasts {
    /// "لكن", to which the subject's pronoun is written.
    pub(super) pronoun_hosts: Vec<String>,
    /// "إلا", "غير", "بيد", before أن.
    pub(super) exceptives: WordSet,
    /// "أن", bare or with a pronoun, after an exceptive.
    pub(super) complements: Vec<String>,
}

/// Where the contrast before the clause at token `k` starts, if one does:
/// "إلا أن", "غير أنه", "بيد أنها", or لكن with its subject's pronoun
/// ("لكنه توقع"). What comes after "however" is no longer the host's content.
impl Contrasts {
    pub(super) fn before(&self, doc: &ArticleView, k: usize) -> Option<usize> {
        let before = k.checked_sub(1)?;
        let w = doc.word(before);
        // "لكنه", and "ولكن" too: a word longer than the bare particle.
        let pronoun = self
            .pronoun_hosts
            .iter()
            .any(|p| morphology::trim_and(w).starts_with(p.as_str()) && w.len() > p.len());
        if pronoun {
            return Some(before);
        }
        let that = self.complements.iter().any(|c| {
            w == c
                || (w.starts_with(c.as_str())
                    && w.len() <= c.len() + morphology::longest_pronoun_len())
        });
        (that && k >= 2 && self.exceptives.contains(doc.word(k - 2))).then(|| k - 2)
    }
}

/// End a host's content at the comma before the clause that starts at `cue`,
/// or right before the cue when no comma parts them.
pub(super) fn cut_before(doc: &ArticleView, h: &mut Report, cue: usize) {
    let mut stop = cue;
    while stop > 0 && !doc.is_comma(stop - 1) && doc.start_of(stop - 1) > h.content.0 {
        stop -= 1;
    }
    if stop == 0 {
        return;
    }
    if !doc.is_comma(stop - 1) {
        stop = cue + 1;
    }
    let end = doc.start_of(stop - 1).max(h.content.0);
    let end = trim_end_punct(doc.raw, h.content.0, end);
    if end > h.content.0 {
        h.content.1 = end;
    }
}

/// Skip commas and dashes at token `k`.
pub(super) fn skip_commas(doc: &ArticleView, mut k: usize, b: usize) -> usize {
    while k < b && (doc.is_comma(k) || doc.punct(k, '-')) {
        k += 1;
    }
    k
}
