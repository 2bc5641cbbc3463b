//! Body blocks into sentences: a terminator ends one unless it is inside a
//! quotation that goes on, a number ("2.0"), or an abbreviation written with
//! dots; a sentence with no end is cut at spaces to a bounded length.

use super::*;

impl Segmenter {
    pub(super) fn split_sentences(
        &self,
        raw: &str,
        block: usize,
        start: usize,
        end: usize,
        out: &mut Vec<SentenceSpan>,
    ) {
        let text = &raw[start..end];
        let bytes = text.as_bytes();
        let mut open = false;
        let mut sent_start = 0;
        let mut open_at_start = false;
        let mut opened = false;
        let mut i = 0;
        let mut push = |s: usize, e: usize, inside: bool, contains: bool| {
            if let Some((s, e)) = trim_span(text, s, e) {
                out.push(SentenceSpan {
                    block,
                    start: start + s,
                    end: start + e,
                    quotation: if inside {
                        Quotation::Inside
                    } else if contains {
                        Quotation::Contains
                    } else {
                        Quotation::None
                    },
                });
            }
        };
        while i < bytes.len() {
            // Most bytes are letters: skip them with one table look-up.
            if !INTERESTING[bytes[i] as usize] {
                i += 1;
                continue;
            }
            match quote_at(bytes, i) {
                Some((QuoteMark::Open, n)) => {
                    open = true;
                    opened = true;
                    i += n;
                    continue;
                }
                Some((QuoteMark::Close, n)) => {
                    open = false;
                    i += n;
                    continue;
                }
                Some((QuoteMark::Either, n)) => {
                    open = !open;
                    opened |= open;
                    i += n;
                    continue;
                }
                None => {}
            }
            let Some(first_len) = terminator_at(bytes, i) else {
                i += 1;
                continue;
            };
            // The whole run of terminators: "...", "!?", "؟!".
            let mut j = i + first_len;
            while let Some(n) = terminator_at(bytes, j) {
                j += n;
            }
            let run_text = &text[i..j];
            let ellipsis = run_text.contains('…') || run_text.matches('.').count() >= 2;
            let single_dot = run_text == ".";
            if single_dot && !self.dot_ends_sentence(text, i) {
                i = j;
                continue;
            }
            // Closing quotes and brackets belong to the sentence they close.
            let mut k = j;
            loop {
                match quote_at(bytes, k) {
                    Some((QuoteMark::Close, n)) => {
                        open = false;
                        k += n;
                    }
                    Some((QuoteMark::Either, n)) if open => {
                        open = false;
                        k += n;
                    }
                    _ => match bytes.get(k) {
                        Some(b')' | b']' | b'}') => k += 1,
                        _ => break,
                    },
                }
            }
            i = k;
            if continues_after(text, k) || (open && ellipsis) {
                continue;
            }
            push(sent_start, k, open_at_start, opened);
            sent_start = k;
            open_at_start = open;
            opened = false;
        }
        push(sent_start, bytes.len(), open_at_start, opened);
    }

    /// Whether a lone full stop at byte `i` of `text` ends a sentence.
    pub(super) fn dot_ends_sentence(&self, text: &str, i: usize) -> bool {
        let before = text[..i].chars().next_back();
        let after = text[i + 1..].chars().next();
        if before.is_some_and(|c| c.is_numeric()) && after.is_some_and(|c| c.is_numeric()) {
            return false; // "2.0", "3.5"
        }
        // Abbreviations are short: look back a bounded way, or a line of
        // dots with no space in it would be scanned again at every dot.
        let mut lo = i.saturating_sub(64);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let word_start = text[lo..i]
            .rfind(|c: char| is_space(c) || "(\"«“”)".contains(c))
            .map_or(lo, |p| {
                lo + p + text[lo + p..].chars().next().map_or(1, char::len_utf8)
            });
        let word = fold_str(&text[word_start..i]);
        if is_dotted_abbreviation(&word) || self.abbreviations.contains(&word) {
            return false;
        }
        match after {
            // A letter right after the stop: "U.S", "aawsat.com" stay whole; a
            // missing space between two Arabic sentences does not.
            // "إيه.بي.سي", "د.ب.أ", "بي.بي": short letter runs joined by
            // dots spell an abbreviation (over 1,500 in the two corpora).
            Some(c) if crate::text::is_word_char(c) && dotted_letters(text, i) => false,
            Some(c) if crate::text::is_word_char(c) => {
                // "».وتابع": look past closing marks for the word before.
                let word_end = text[..i]
                    .chars()
                    .rev()
                    .find(|c| !CLOSERS.contains(c) && !crate::text::is_quote(*c));
                is_arabic_letter(c)
                    && word_end.is_some_and(|b| is_arabic_letter(b) || b.is_numeric())
            }
            _ => true,
        }
    }
}

/// Bytes past which a sentence is cut at the next space. No real sentence
/// comes near it (about 2,000 Arabic letters, 350 words), but text without
/// punctuation would otherwise be one sentence as long as the file, and
/// attribution reads back and forth within a sentence: its cost must stay
/// bounded per sentence for the whole to stay linear.
pub const MAX_SENTENCE: usize = 4 * 1024;

/// Cut every over-long sentence into pieces of at most about
/// `MAX_SENTENCE` bytes, at a space when there is one within another
/// `MAX_SENTENCE` bytes, and otherwise between any two characters.
pub(super) fn cut_long_sentences(raw: &str, sentences: Vec<SentenceSpan>) -> Vec<SentenceSpan> {
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.start;
        while s.end - start > MAX_SENTENCE {
            let mut from = start + MAX_SENTENCE;
            while !raw.is_char_boundary(from) {
                from -= 1;
            }
            let cut = raw[from..s.end]
                .char_indices()
                .take_while(|&(i, _)| i < MAX_SENTENCE)
                .find(|&(_, c)| is_space(c))
                .map_or(from, |(i, _)| from + i);
            if let Some((a, b)) = trim_span(raw, start, cut) {
                out.push(SentenceSpan {
                    start: a,
                    end: b,
                    ..s
                });
            }
            start = cut;
        }
        if let Some((a, b)) = trim_span(raw, start, s.end) {
            out.push(SentenceSpan {
                start: a,
                end: b,
                ..s
            });
        }
    }
    out
}

/// Whether the stop at byte `i` parts two runs of at most three letters:
/// the pieces of an abbreviation spelt letter by letter.
pub(super) fn dotted_letters(text: &str, i: usize) -> bool {
    const PIECE: usize = 3;
    let before = text[..i]
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .take(PIECE + 1)
        .count();
    let after = text[i + 1..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(PIECE + 1)
        .count();
    (1..=PIECE).contains(&before) && (1..=PIECE).contains(&after)
}

/// "د", "م", "U", "ق.م", "U.S": every dot-separated piece is one letter.
pub(super) fn is_dotted_abbreviation(word: &str) -> bool {
    !word.is_empty()
        && word.split('.').all(|piece| {
            let mut cs = piece.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
        })
}

pub(super) fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// After a terminator, a comma or semicolon means the sentence goes on:
/// `إنه "يحبّ ويكيليكس!"، ووجدت`.
pub(super) fn continues_after(text: &str, k: usize) -> bool {
    text[k..]
        .chars()
        .find(|&c| !is_space(c))
        .is_some_and(|c| punctuation::continues_sentence(c) || c.is_lowercase())
}

pub(super) fn trim_span(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let seg = &text[s..e];
    let lead = seg.len() - seg.trim_start_matches(is_space).len();
    let body = seg.trim_matches(is_space);
    (!body.is_empty()).then(|| (s + lead, s + lead + body.len()))
}

/// First bytes of the characters sentence splitting looks at: . ! ? and
/// straight quotes, ؟ (D8), … “ ” „ ‟ (E2), « » (C2).
pub(super) const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'"' as usize] = true;
    t[0xD8] = true;
    t[0xE2] = true;
    t[0xC2] = true;
    t
};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum QuoteMark {
    Open,
    Close,
    /// A straight quote: opens or closes by state.
    Either,
}

/// The quotation mark at byte `i`, with its length in bytes.
pub(super) fn quote_at(b: &[u8], i: usize) -> Option<(QuoteMark, usize)> {
    match b.get(i)? {
        b'"' => Some((QuoteMark::Either, 1)),
        0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2)? {
            0x9C | 0x9E => Some((QuoteMark::Open, 3)),   // “ „
            0x9D | 0x9F => Some((QuoteMark::Either, 3)), // ” (also used to open in RTL text), ‟
            _ => None,
        },
        0xC2 => match b.get(i + 1)? {
            0xAB => Some((QuoteMark::Open, 2)),  // «
            0xBB => Some((QuoteMark::Close, 2)), // »
            _ => None,
        },
        _ => None,
    }
}

/// A sentence terminator at byte `i`, with its length: . ! ? ؟ …
pub(super) fn terminator_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'.' | b'!' | b'?' => Some(1),
        0xD8 if b.get(i + 1) == Some(&0x9F) => Some(2),
        0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6) => Some(3),
        _ => None,
    }
}

pub(super) const CLOSERS: &[char] = &['"', '”', '»', '’', ')', ']', '}', '\'', '›'];
