//! Lines into typed blocks: title, subtitle, dateline, caption, signature,
//! boilerplate, body, by where a line stands and how it looks.

use super::*;

impl Segmenter {
    pub(super) fn blocks(&self, raw: &str, title: Title) -> Vec<BlockSpan> {
        let spans = lines(raw);
        let texts: Vec<&str> = spans.iter().map(|&(s, e)| &raw[s..e]).collect();
        let mut kinds: Vec<Option<BlockKind>> = vec![None; spans.len()];

        for (i, t) in texts.iter().enumerate() {
            if self.is_boilerplate(t, i == 0) {
                kinds[i] = Some(BlockKind::Boilerplate);
            }
        }
        let content: Vec<usize> = (0..spans.len()).filter(|&i| kinds[i].is_none()).collect();
        let title_idx = content.first().copied().filter(|&i| match title {
            Title::FirstLine => true,
            Title::Known(t) => normalize_line(t) == normalize_line(texts[i]),
        });
        if let Some(i) = title_idx {
            kinds[i] = Some(BlockKind::Headline);
        }
        if let Some(&last) = content.last()
            && Some(last) != title_idx
            && content.len() > 1
            && (is_signature(texts[last]) || is_credit_line(texts[last]))
        {
            kinds[last] = Some(BlockKind::Signature);
        }
        // The line under the headline that credits the writer or the desk
        // ("فايز الحسيكي – عين اليوم", "الرياض - واس"): a signature, not a
        // statement. Over 1,600 SaudiNewsNet articles open so.
        if let Some(i) = title_idx
            && let Some(&next) = content.iter().find(|&&j| j > i)
            && is_credit_line(texts[next])
        {
            kinds[next] = Some(BlockKind::Signature);
        }

        let mut prev: Option<BlockKind> = None;
        for (n, &i) in content.iter().enumerate() {
            let kind = match kinds[i] {
                Some(k) => k,
                None => {
                    let t = texts[i];
                    let duplicate = |j: Option<&usize>| j.is_some_and(|&j| texts[j] == t);
                    let dup =
                        (n > 0 && duplicate(content.get(n - 1))) || duplicate(content.get(n + 1));
                    if self.is_dateline(t) {
                        BlockKind::Dateline
                    } else if dup || self.is_caption(t) {
                        BlockKind::Caption
                    } else if prev == Some(BlockKind::Headline) && is_subtitle(t) {
                        BlockKind::Headline
                    } else {
                        BlockKind::Body
                    }
                }
            };
            kinds[i] = Some(kind);
            prev = Some(kind);
        }

        spans
            .iter()
            .zip(kinds)
            .map(|(&(start, end), kind)| BlockSpan {
                kind: kind.unwrap_or(BlockKind::Body),
                start,
                end,
            })
            .collect()
    }

    pub(super) fn is_boilerplate(&self, line: &str, first: bool) -> bool {
        if word_count(line) > 8 {
            return false;
        }
        let norm = normalize_line(line);
        if norm.is_empty() || self.boilerplate.contains(&norm) {
            return true;
        }
        // A section label heads the page: "اخبار عالمية", "محليات".
        first
            && word_count(line) <= 3
            && !ends_like_sentence(line)
            && (self.section_labels.contains(&norm)
                || norm
                    .split(' ')
                    .next()
                    .is_some_and(|w| self.section_heads.contains(w)))
    }

    pub(super) fn is_dateline(&self, line: &str) -> bool {
        if word_count(line) > 10 {
            return false;
        }
        let norm = normalize_line(line);
        let mut has_number = false;
        for w in norm.split(' ') {
            if w.chars().all(|c| c.is_ascii_digit() || c == '.') {
                has_number = true;
            } else if !self.date_words.contains(w) {
                return false;
            }
        }
        has_number
    }

    /// A short line with no sentence ending whose tail is a photo credit:
    /// "(ريك ويلكينغ)", "- أرشيف", "(رويترز)".
    pub(super) fn is_caption(&self, line: &str) -> bool {
        if word_count(line) > 25 || ends_like_sentence(line) {
            return false;
        }
        let t = line.trim_end_matches(is_space);
        if let Some(inner) = t.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
            return !inner.0.trim().is_empty() && word_count(inner.1) <= 4;
        }
        t.rsplit_once(['-', '–', '—', '|'])
            .is_some_and(|(head, tail)| {
                !head.trim().is_empty() && self.caption_credits.contains(&normalize_line(tail))
            })
    }
}

pub(super) fn ends_like_sentence(line: &str) -> bool {
    punctuation::ends_with_line_terminal(
        line.trim_end_matches(|c: char| CLOSERS.contains(&c) || is_space(c)),
    )
}

/// A second headline line: short, with no sentence punctuation anywhere.
pub(super) fn is_subtitle(line: &str) -> bool {
    !ends_like_sentence(line)
        && word_count(line) <= 30
        && !punctuation::has_subtitle_breaker(line)
        && !line.contains(". ")
}

/// Words in a line, counted up to 32: block rules only ask about short
/// lines, and a body paragraph must not be scanned again and again.
pub(super) fn word_count(line: &str) -> usize {
    const ENOUGH: usize = 32;
    let bytes = line.as_bytes();
    let mut n = 0;
    let mut in_word = false;
    for (i, &b) in bytes.iter().enumerate() {
        // ASCII spaces, controls and NBSP (C2 A0) separate words.
        let space = b <= b' '
            || (b == 0xC2 && bytes.get(i + 1) == Some(&0xA0))
            || (b == 0xA0 && i > 0 && bytes[i - 1] == 0xC2);
        if !space && !in_word {
            n += 1;
            if n >= ENOUGH {
                return n;
            }
        }
        in_word = !space;
    }
    n
}

pub(super) fn whole_line_quotation(line: &str) -> Quotation {
    if line.contains(crate::text::is_quote) {
        Quotation::Contains
    } else {
        Quotation::None
    }
}

/// A publisher's name alone on the last line: "(العربي الجديد)", "الوفد".
pub(super) fn is_signature(line: &str) -> bool {
    let t = line.trim();
    let parenthesized = t.starts_with('(') && t.ends_with(')');
    // A few words, and short ones: a line of one endless "word" is no
    // outlet's name.
    t.len() <= 200
        && !ends_like_sentence(t)
        && (word_count(t) <= 3 || (parenthesized && word_count(t) <= 6))
}

/// "Writer – outlet", "place - agency": two short runs of words on either
/// side of a dash, with no digit and no sentence punctuation. A numbered
/// item ("1- ...") or a score line has digits; a sentence has more words.
pub(super) fn is_credit_line(line: &str) -> bool {
    const DASHES: [char; 3] = ['-', '–', '—'];
    let t = line.trim();
    if t.len() > 120 || t.contains(|c: char| c.is_numeric() || punctuation::breaks_credit_line(c)) {
        return false;
    }
    let mut parts = t.split(DASHES);
    let short = |p: Option<&str>| p.is_some_and(|p| (1..=3).contains(&word_count(p)));
    short(parts.next()) && short(parts.next()) && parts.next().is_none()
}
