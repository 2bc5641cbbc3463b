//! From reports to the annotation model: resolve every link in text order,
//! add the sentences no one is cited for, and give sources and claims their
//! ids.

use std::collections::{HashMap, HashSet};

use super::resolve::Registry;
use super::{ArticleView, Attributor, Found, Report, Speaker};
use crate::arabic::punctuation;
use crate::model::{
    Basis, BlockKind, Claim, Cue, CueKind, Link, Origin, QuoteKind, Sentence, Source, SourceKind,
    Span,
};
use crate::segment::Segmentation;
use crate::text::{Text, fold_str};

pub struct Input<'a, 'd> {
    pub text: &'a Text<'a>,
    pub seg: &'a Segmentation,
    pub sentences: &'a [Sentence],
    pub reports: &'a [Report],
    pub editorial: &'a [bool],
    pub publisher: Option<&'a str>,
    pub attributor: &'a Attributor,
    pub doc: &'a ArticleView<'d>,
    pub registry: &'a mut Registry,
}

/// A stable claim id: the same words give the same id on every run, and
/// survive edits elsewhere in the article. FNV-1a over the folded words:
/// fixed by definition, so ids never change with a library version.
pub fn claim_id(content: &str) -> String {
    claim_id_of_folded(&fold_str(content))
}

/// `claim_id` of text already folded: the pipeline has the article's folded
/// view, so a claim's words need not be folded (and copied) again. The
/// words are hashed as `split_whitespace` joined by single spaces would be,
/// byte by byte: only ASCII and chars led by C2, E1, E2 or E3 can be spaces.
fn claim_id_of_folded(folded: &str) -> String {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let (mut started, mut gap) = (false, false);
    let bytes = folded.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let space = match b {
            b'\t'..=b'\r' | b' ' => 1,
            0xC2 | 0xE1..=0xE3 => folded
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
            _ => 0,
        };
        if space > 0 {
            gap = started;
            i += space;
            continue;
        }
        if gap {
            h = (h ^ u64::from(b' ')).wrapping_mul(PRIME);
            gap = false;
        }
        h = (h ^ u64::from(b)).wrapping_mul(PRIME);
        started = true;
        i += 1;
    }
    format!("c-{:08x}", (h >> 32) as u32)
}

/// The words of a text as `split_whitespace` gives them, with a test that
/// settles Arabic letters without the Unicode tables: every claim's and
/// every unsourced sentence's text is split.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_space).filter(|w| !w.is_empty())
}

/// `char::is_whitespace`, quick below U+1680 where only these are spaces.
fn is_space(c: char) -> bool {
    match c {
        '\t'..='\r' | ' ' | '\u{85}' | '\u{A0}' => true,
        '\0'..='\u{167F}' => false,
        _ => c.is_whitespace(),
    }
}

struct Draft {
    sentence: usize,
    content: (usize, usize),
    quote: QuoteKind,
    basis: Basis,
    links: Vec<(Option<Cue>, Option<Span>, Option<usize>)>,
}

pub fn assemble(inp: Input) -> Found {
    let raw = inp.text.raw;
    let Input {
        text,
        seg,
        sentences,
        reports,
        editorial,
        publisher,
        attributor,
        doc,
        registry,
    } = inp;
    let span_of = |(s, e): (usize, usize)| Span {
        start: text.char_at(s),
        end: text.char_at(e),
        text: raw[s..e].to_string(),
    };
    let mut drafts = Vec::new();
    for r in reports {
        if r.topic {
            // A sentence's topic goes on only as someone already known.
            if let Some(np) = r.first_phrase()
                && let Some(e) = registry.known(&attributor.read_np(doc, np), &doc.np_words(np))
            {
                registry.actor(e);
            }
            continue;
        }
        let mut links = Vec::new();
        let mut previous: Option<usize> = None;
        for link in &r.links {
            let (entity, span) = match &link.speaker {
                Speaker::Phrase(np)
                    // A phrase of quotation marks alone names no one.
                    if !names_anything(raw, doc.span(np.first, np.last, np.clitic_bytes)) =>
                {
                    (None, None)
                }
                Speaker::Phrase(np) => {
                    let name = doc.np_name_words(*np);
                    let words: Vec<&str> = name.iter().map(|w| w.as_ref()).collect();
                    let reading = attributor.read_np(doc, *np);
                    let span = doc.span(np.first, np.last, np.clitic_bytes);
                    let display = doc.np_display(
                        *np,
                        raw[span.0..span.1]
                            .trim_matches(|c: char| crate::text::is_quote(c) || c.is_whitespace()),
                    );
                    let shown = link.shown.then_some(span);
                    let e = registry.mention(&reading, &words, &display, Some(span.0), shown);
                    if let Some(noun) = attributor.medium_after(doc, *np) {
                        registry.medium(noun, e);
                    }
                    if attributor.joined_by_others(doc, *np) {
                        registry.plural(e);
                    }
                    (Some(e), shown)
                }
                Speaker::SourceOfPrevious(np) => {
                    let span = doc.span(np.first, np.last, np.clitic_bytes);
                    let display = doc.np_display(*np, &raw[span.0..span.1]);
                    let name = doc.np_name_words(*np);
                    let words: Vec<&str> = name.iter().map(|w| w.as_ref()).collect();
                    let e = match previous.and_then(|o| registry.source_of(o)) {
                        Some(e) => e,
                        None => {
                            let reading = attributor.read_np(doc, *np);
                            registry.mention(&reading, &words, &display, Some(span.0), None)
                        }
                    };
                    registry.note_mention(e, &display, span);
                    (Some(e), Some(span))
                }
                Speaker::Pronoun { gender, plural } => (registry.owner(*gender, *plural), None),
                Speaker::Agentless => (None, None),
                Speaker::Dropped(agreement) => {
                    let at = link.cue.as_ref().map_or(usize::MAX, |(_, s, _)| *s);
                    (registry.dropped_subject(*agreement, at), None)
                }
            };
            if let (Some(o), Some(e)) = (previous, entity) {
                registry.cites(o, e);
            }
            if let Some(e) = entity {
                let speaks = link.cue.as_ref().is_some_and(|(c, _, _)| {
                    !matches!(c.kind, CueKind::Preposition | CueKind::Addressee)
                });
                if r.actor {
                    registry.actor(e);
                } else if speaks {
                    registry.speaker(e, link.agreement);
                } else {
                    registry.cite(e);
                }
            }
            previous = entity.or(previous);
            let cue = link.cue.as_ref().map(|(c, s, e)| Cue {
                start: text.char_at(*s),
                end: text.char_at(*e),
                text: raw[*s..*e].to_string(),
                kind: c.kind,
                stance: c.stance,
            });
            // An outlet spoken to (لرويترز) or an owner (مصدر الصحيفة) is a
            // link with no cue word of its own.
            links.push((cue, span.map(span_of), entity));
        }
        if r.actor {
            continue;
        }
        // "كشفت الصحيفة نقلا عن أحد مصادرها": the owner of "مصادرها" is the
        // link before it; one entity is one link.
        links.dedup_by(|b, a| {
            a.2.is_some() && a.2 == b.2 && {
                if a.0.is_none() {
                    a.0 = b.0.take();
                    a.1 = b.1.take().or(a.1.take());
                }
                true
            }
        });
        // "وشدد السفير وفقا لما نقلته الوكالة": the agency is named by the
        // preposition and again by its verb; one source is one link.
        let mut seen = HashSet::new();
        links.retain(|l| l.2.is_none_or(|e| seen.insert(e)));
        drafts.push(Draft {
            sentence: r.sentence,
            content: r.content,
            quote: r.quote,
            basis: Basis::Attributed,
            links,
        });
    }
    drafts.extend(unsourced(seg, reports, editorial, attributor, doc, raw));

    let publisher_entity = publisher.map(|p| publisher_entity(registry, attributor, seg, raw, p));
    let (sources, ids) = model_sources(registry, text);
    let mut claims: Vec<Claim> = drafts
        .into_iter()
        .filter(|d| d.content.0 < d.content.1)
        .map(|d| Claim {
            id: claim_id_of_folded(doc.f.folded_of(d.content.0, d.content.1)),
            sentence: sentences[d.sentence].id.clone(),
            start: text.char_at(d.content.0),
            end: text.char_at(d.content.1),
            text: raw[d.content.0..d.content.1].to_string(),
            quote: d.quote,
            basis: d.basis,
            chain: d
                .links
                .into_iter()
                .map(|(cue, source, e)| Link {
                    cue,
                    source,
                    reference: e.and_then(|e| ids.get(&e).cloned()),
                    origin: Origin::Machine,
                })
                .collect(),
            selector: Some(text.quote(text.char_at(d.content.0), text.char_at(d.content.1))),
            review: None,
            orphaned: false,
            origin: Origin::Machine,
        })
        .collect();
    claims.sort_by_key(|c| (c.start, c.end));
    // The same words again get -2, -3, ...: each base remembers where its
    // count got to, so an article that repeats one sentence thousands of
    // times does not try every earlier suffix again (that was quadratic).
    let mut seen = HashSet::new();
    let mut next: HashMap<String, usize> = HashMap::new();
    for c in &mut claims {
        let base = std::mem::take(&mut c.id);
        let n = next.entry(base.clone()).or_insert(2);
        let mut id = base.clone();
        if !seen.insert(id.clone()) {
            loop {
                id = format!("{base}-{n}");
                *n += 1;
                if seen.insert(id.clone()) {
                    break;
                }
            }
        }
        c.id = id;
    }
    Found {
        sources,
        claims,
        publisher_ref: publisher_entity.and_then(|e| ids.get(&e).cloned()),
    }
}

/// Whether the text at byte span `(s, e)` holds a letter or a digit.
fn names_anything(raw: &str, (s, e): (usize, usize)) -> bool {
    raw[s..e].chars().any(char::is_alphanumeric)
}

/// Sentences no report covers: the publisher's own claims.
fn unsourced(
    seg: &Segmentation,
    reports: &[Report],
    editorial: &[bool],
    attributor: &Attributor,
    doc: &ArticleView,
    raw: &str,
) -> Vec<Draft> {
    let reports: Vec<&Report> = reports.iter().filter(|r| !r.actor).collect();
    let reported: HashSet<usize> = reports.iter().map(|r| r.sentence).collect();
    // "Some report's content covers the sentence" for every sentence, by
    // binary search over the contents sorted by start with the furthest end
    // reached so far: asking every report for every sentence was quadratic
    // in a long article.
    let mut contents: Vec<(usize, usize)> = reports.iter().map(|r| r.content).collect();
    contents.sort_unstable();
    let furthest: Vec<usize> = contents
        .iter()
        .scan(0, |far, &(_, e)| {
            *far = (*far).max(e + 3);
            Some(*far)
        })
        .collect();
    let mut out = Vec::new();
    for (si, s) in seg.sentences.iter().enumerate() {
        let kind = seg.blocks[s.block].kind;
        if !matches!(kind, BlockKind::Body | BlockKind::Headline) {
            continue;
        }
        if reported.contains(&si) {
            out.extend(after_reports(si, s, &reports, attributor, doc, raw));
            continue;
        }
        let starts_before = contents.partition_point(|c| c.0 <= s.start + 2);
        let covered = starts_before > 0 && s.end <= furthest[starts_before - 1];
        if covered {
            continue;
        }
        let text = raw[s.start..s.end].trim_end();
        if punctuation::ends_with_question_mark(text) || words(text).nth(2).is_none() {
            continue;
        }
        let mut start = s.start;
        if editorial[si] {
            // The content follows the formula: "جدير بالذكر أن ...".
            let a = doc.token_from(s.start);
            let b = doc.token_from(s.end);
            if let Some(k) = attributor
                .cues
                .editorial_end(&doc.f.folded, &doc.toks, a, b)
                && k < b
            {
                start = doc.f.orig_start(doc.toks[k].start as usize);
            }
        }
        let body =
            raw[start..s.end].trim_end_matches(|c: char| c.is_whitespace() || ".!…".contains(c));
        if body.is_empty() {
            continue;
        }
        out.push(Draft {
            sentence: si,
            content: (start, start + body.len()),
            quote: if body.chars().any(crate::text::is_quote) {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            },
            basis: if editorial[si] {
                Basis::Editorial
            } else {
                Basis::Unsourced
            },
            links: Vec::new(),
        });
    }
    out
}

/// The journalist's own clause after the last report of a sentence ("قال
/// الوزير إن الوضع مستقر، فيما تشهد المدينة اشتباكات"): the reported words
/// end before it, so it is an unsourced claim of its own.
fn after_reports(
    si: usize,
    s: &crate::segment::SentenceSpan,
    reports: &[&Report],
    attributor: &Attributor,
    doc: &ArticleView,
    raw: &str,
) -> Option<Draft> {
    let end = reports
        .iter()
        .filter(|r| r.sentence == si)
        .map(|r| r.content.1.max(doc.start_of(r.cue_tok)))
        .max()?;
    let b = doc.token_from(s.end);
    let mut k = doc.token_from(end);
    while k < b && doc.is_comma(k) {
        k += 1;
    }
    if k >= b || !attributor.content_break_at(doc, k, b) {
        return None;
    }
    let start = doc.start_of(k);
    let body = raw[start..s.end].trim_end_matches(|c: char| c.is_whitespace() || ".!…".contains(c));
    (words(body).nth(2).is_some()).then(|| Draft {
        sentence: si,
        content: (start, start + body.len()),
        quote: QuoteKind::Indirect,
        basis: Basis::Unsourced,
        links: Vec::new(),
    })
}

/// The publisher as a source: the signature line, or the outlet in metadata.
fn publisher_entity(
    registry: &mut Registry,
    attributor: &Attributor,
    seg: &Segmentation,
    raw: &str,
    name: &str,
) -> usize {
    let folded = fold_str(name);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let mut reading = attributor.sources.read(&words);
    reading.kind = SourceKind::Outlet;
    reading.anaphor = None;
    let span = seg
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Signature)
        .and_then(|b| {
            let line = &raw[b.start..b.end];
            line.find(name)
                .map(|i| (b.start + i, b.start + i + name.len()))
        });
    let e = registry.mention(&reading, &words, name, None, span);
    registry.cite(e);
    e
}

/// Cited entities as `sources`, numbered in order of first mention.
fn model_sources(registry: &Registry, text: &Text) -> (Vec<Source>, HashMap<usize, String>) {
    let mut cited: Vec<(usize, usize)> = registry
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.cited)
        .map(|(i, e)| {
            (
                e.mentions.iter().map(|m| m.0).min().unwrap_or(usize::MAX),
                i,
            )
        })
        .collect();
    cited.sort();
    let mut ids = HashMap::new();
    let mut sources = Vec::new();
    for (n, (_, i)) in cited.into_iter().enumerate() {
        let e = &registry.entities[i];
        let id = format!("src{}", n + 1);
        ids.insert(i, id.clone());
        let mut mentions: Vec<[usize; 2]> = e
            .mentions
            .iter()
            .map(|&(s, t)| [text.char_at(s), text.char_at(t)])
            .collect();
        mentions.sort();
        mentions.dedup();
        sources.push(Source {
            id,
            name: e.name.clone(),
            kind: e.kind,
            aliases: e.aliases.clone(),
            mentions,
            origin: Origin::Machine,
        });
    }
    (sources, ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_space_is_char_is_whitespace() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "{:X}", c as u32);
        }
    }

    #[test]
    fn claim_ids_of_folded_text_match_folding_first() {
        let raw = "قالَ  الوزير\u{00A0}إن «الاتفاق» تمّ\n";
        assert_eq!(claim_id(raw), claim_id_of_folded(&fold_str(raw)));
        // The hash of the words joined by single spaces, as it always was.
        for text in [
            raw,
            " a\u{2028}b\t\u{85}c ",
            "\u{3000}",
            "",
            "x\u{1680}\u{A0}y",
        ] {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in joined.bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
            assert_eq!(
                claim_id_of_folded(text),
                format!("c-{:08x}", (h >> 32) as u32)
            );
        }
        let f = crate::text::Folded::new(raw);
        assert_eq!(f.folded_of(0, raw.len()), fold_str(raw));
        let (s, e) = (raw.find("الوزير").unwrap(), raw.find("تمّ").unwrap());
        assert_eq!(f.folded_of(s, e), fold_str(&raw[s..e]));
    }
}
