//! Segmentation: lines into typed blocks, body blocks into sentences.
//!
//! Offsets here are byte offsets into the original text; the annotation stage
//! turns them into code points.

use rustc_hash::FxHashSet as HashSet;

use crate::arabic::punctuation;
use crate::lexicon::Lexicon;
use crate::model::{BlockKind, Quotation};
use crate::text::{fold_str, is_invisible};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockSpan {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Index into `Segmentation::blocks`.
    pub block: usize,
    pub start: usize,
    pub end: usize,
    pub quotation: Quotation,
}

#[derive(Debug, Default)]
pub struct Segmentation {
    pub blocks: Vec<BlockSpan>,
    pub sentences: Vec<SentenceSpan>,
}

/// How to find the headline.
#[derive(Debug, Clone, Copy)]
pub enum Title<'a> {
    /// A plain-text article: its first non-empty line is the title.
    FirstLine,
    /// Metadata names the title; a first line equal to it is the headline.
    Known(&'a str),
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
fn cut_long_sentences(raw: &str, sentences: Vec<SentenceSpan>) -> Vec<SentenceSpan> {
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

/// Block and sentence rules compiled from the lexicon.
pub struct Segmenter {
    boilerplate: HashSet<String>,
    section_heads: HashSet<String>,
    section_labels: HashSet<String>,
    caption_credits: HashSet<String>,
    date_words: HashSet<String>,
    abbreviations: HashSet<String>,
}

/// Fold a line for whole-line matching: letters and digits only, spaces collapsed.
pub fn normalize_line(s: &str) -> String {
    let folded = fold_str(s);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !crate::text::is_word_char(c) && c != '.')
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn normalized_set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| normalize_line(w)).collect()
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// The non-empty lines of `raw` with surrounding white space trimmed.
pub fn lines(raw: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in raw.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start_matches(is_space).len();
        let body = line.trim_matches(is_space);
        if !body.is_empty() {
            let s = pos + trimmed_start;
            out.push((s, s + body.len()));
        }
        pos += line.len();
    }
    out
}

const CLOSERS: &[char] = &['"', '”', '»', '’', ')', ']', '}', '\'', '›'];

fn ends_like_sentence(line: &str) -> bool {
    punctuation::ends_with_line_terminal(
        line.trim_end_matches(|c: char| CLOSERS.contains(&c) || is_space(c)),
    )
}

/// A second headline line: short, with no sentence punctuation anywhere.
fn is_subtitle(line: &str) -> bool {
    !ends_like_sentence(line)
        && word_count(line) <= 30
        && !punctuation::has_subtitle_breaker(line)
        && !line.contains(". ")
}

/// Words in a line, counted up to 32: block rules only ask about short
/// lines, and a body paragraph must not be scanned again and again.
fn word_count(line: &str) -> usize {
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

impl Segmenter {
    pub fn new(lex: &Lexicon) -> Self {
        Segmenter {
            boilerplate: normalized_set(&lex.boilerplate),
            section_heads: normalized_set(&lex.section_heads),
            section_labels: normalized_set(&lex.section_labels),
            caption_credits: normalized_set(&lex.caption_credits),
            date_words: normalized_set(&lex.date_words),
            abbreviations: lex.abbreviations.iter().map(|a| fold_str(a)).collect(),
        }
    }

    pub fn segment(&self, raw: &str, title: Title) -> Segmentation {
        let blocks = self.blocks(raw, title);
        let mut sentences = Vec::new();
        for (i, b) in blocks.iter().enumerate() {
            match b.kind {
                BlockKind::Body => self.split_sentences(raw, i, b.start, b.end, &mut sentences),
                BlockKind::Headline | BlockKind::Caption => sentences.push(SentenceSpan {
                    block: i,
                    start: b.start,
                    end: b.end,
                    quotation: whole_line_quotation(&raw[b.start..b.end]),
                }),
                _ => {}
            }
        }
        if sentences.iter().any(|s| s.end - s.start > MAX_SENTENCE) {
            sentences = cut_long_sentences(raw, sentences);
        }
        Segmentation { blocks, sentences }
    }

    fn blocks(&self, raw: &str, title: Title) -> Vec<BlockSpan> {
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

    fn is_boilerplate(&self, line: &str, first: bool) -> bool {
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

    fn is_dateline(&self, line: &str) -> bool {
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
    fn is_caption(&self, line: &str) -> bool {
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

    fn split_sentences(
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
    fn dot_ends_sentence(&self, text: &str, i: usize) -> bool {
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

/// One sentence per line, a blank line between paragraphs and after the
/// article: the `isnad segment` output, for comparison with other segmenters.
pub fn render(raw: &str, seg: &Segmentation) -> String {
    let mut out = String::new();
    let mut last_block = None;
    for s in &seg.sentences {
        if last_block.is_some() && last_block != Some(s.block) {
            out.push('\n');
        }
        last_block = Some(s.block);
        out.push_str(&raw[s.start..s.end]);
        out.push('\n');
    }
    out.push('\n');
    out
}

/// Whether the stop at byte `i` parts two runs of at most three letters:
/// the pieces of an abbreviation spelt letter by letter.
fn dotted_letters(text: &str, i: usize) -> bool {
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
fn is_dotted_abbreviation(word: &str) -> bool {
    !word.is_empty()
        && word.split('.').all(|piece| {
            let mut cs = piece.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
        })
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// After a terminator, a comma or semicolon means the sentence goes on:
/// `إنه "يحبّ ويكيليكس!"، ووجدت`.
fn continues_after(text: &str, k: usize) -> bool {
    text[k..]
        .chars()
        .find(|&c| !is_space(c))
        .is_some_and(|c| punctuation::continues_sentence(c) || c.is_lowercase())
}

fn trim_span(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let seg = &text[s..e];
    let lead = seg.len() - seg.trim_start_matches(is_space).len();
    let body = seg.trim_matches(is_space);
    (!body.is_empty()).then(|| (s + lead, s + lead + body.len()))
}

/// First bytes of the characters sentence splitting looks at: . ! ? and
/// straight quotes, ؟ (D8), … “ ” „ ‟ (E2), « » (C2).
const INTERESTING: [bool; 256] = {
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
enum QuoteMark {
    Open,
    Close,
    /// A straight quote: opens or closes by state.
    Either,
}

/// The quotation mark at byte `i`, with its length in bytes.
fn quote_at(b: &[u8], i: usize) -> Option<(QuoteMark, usize)> {
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
fn terminator_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'.' | b'!' | b'?' => Some(1),
        0xD8 if b.get(i + 1) == Some(&0x9F) => Some(2),
        0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6) => Some(3),
        _ => None,
    }
}

fn whole_line_quotation(line: &str) -> Quotation {
    if line.contains(crate::text::is_quote) {
        Quotation::Contains
    } else {
        Quotation::None
    }
}

/// A publisher's name alone on the last line: "(العربي الجديد)", "الوفد".
fn is_signature(line: &str) -> bool {
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
fn is_credit_line(line: &str) -> bool {
    const DASHES: [char; 3] = ['-', '–', '—'];
    let t = line.trim();
    if t.len() > 120 || t.contains(|c: char| c.is_numeric() || punctuation::breaks_credit_line(c)) {
        return false;
    }
    let mut parts = t.split(DASHES);
    let short = |p: Option<&str>| p.is_some_and(|p| (1..=3).contains(&word_count(p)));
    short(parts.next()) && short(parts.next()) && parts.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(raw: &str) -> Vec<String> {
        let s = Segmenter::new(&Lexicon::builtin());
        let r = s.segment(raw, Title::FirstLine);
        r.sentences
            .iter()
            .map(|x| raw[x.start..x.end].to_string())
            .collect()
    }

    #[test]
    fn a_sentence_without_end_is_cut_at_spaces_and_bounded() {
        let words = "كلمة بلا ترقيم ".repeat(2000);
        let raw = format!("عنوان\n{words}\nقال الوزير كلاما. وانتهى");
        let got = seg(&raw);
        assert!(got.len() > 5, "{}", got.len());
        assert!(got.iter().all(|s| s.len() <= MAX_SENTENCE + 16));
        // Cut between words: every piece is whole words.
        assert!(
            got[1..got.len() - 2]
                .iter()
                .all(|s| s.starts_with("كلمة") || s.starts_with("بلا") || s.starts_with("ترقيم"))
        );
        assert_eq!(got[got.len() - 2..], ["قال الوزير كلاما.", "وانتهى"]);
        // No space at all: cut between characters, on char boundaries.
        let solid = format!("عنوان\n{}", "ب".repeat(10_000));
        let got = seg(&solid);
        assert_eq!(got[1..].concat(), "ب".repeat(10_000));
    }

    #[test]
    fn an_endless_word_is_not_a_signature() {
        let raw = format!("عنوان\nقال الوزير إن الاجتماع انتهى.\n{}", "ب".repeat(1000));
        let s = Segmenter::new(&Lexicon::builtin()).segment(&raw, Title::FirstLine);
        assert!(s.blocks.iter().all(|b| b.kind != BlockKind::Signature));
        assert!(is_signature("(العربي الجديد)"));
    }

    #[test]
    fn numbers_and_abbreviations_do_not_split() {
        let got = seg("عنوان\nنشر غوتشيفر 2.0 الوثائق. وقال د. محمد إن U.S. تدعم ذلك. انتهى");
        assert_eq!(
            got[1..],
            [
                "نشر غوتشيفر 2.0 الوثائق.",
                "وقال د. محمد إن U.S. تدعم ذلك.",
                "انتهى"
            ]
        );
    }

    #[test]
    fn abbreviations_spelt_with_dots_do_not_split() {
        let got =
            seg("عنوان\nوقالت شبكة (إيه.بي.سي نيوز) إن الرئيس سيزور المنطقة. ونقلت (د.ب.أ) الخبر.");
        assert_eq!(
            got[1..],
            [
                "وقالت شبكة (إيه.بي.سي نيوز) إن الرئيس سيزور المنطقة.",
                "ونقلت (د.ب.أ) الخبر."
            ]
        );
        // A missing space between two sentences still parts them.
        let got = seg("عنوان\nانتهى الاجتماع.وقال الوزير إنه ناجح.");
        assert_eq!(got[1..], ["انتهى الاجتماع.", "وقال الوزير إنه ناجح."]);
    }

    #[test]
    fn exclamation_inside_a_continuing_quote_does_not_split() {
        let got = seg(
            "عنوان\nوقال ترامب، إنه \"يحبّ ويكيليكس!\"، ووجدت الوكالات أن روسيا نفذت ذلك. ثم انتهى.",
        );
        assert_eq!(
            got[1..],
            [
                "وقال ترامب، إنه \"يحبّ ويكيليكس!\"، ووجدت الوكالات أن روسيا نفذت ذلك.",
                "ثم انتهى."
            ]
        );
    }

    #[test]
    fn unclosed_quote_stops_at_the_paragraph() {
        let raw = "عنوان\nوقالت متحدثة “نحن لا نعلق على اتصالاتنا. ولا غير ذلك.\n\nإضافة إلى ذلك، وصلت رسائل.";
        let s = Segmenter::new(&Lexicon::builtin());
        let r = s.segment(raw, Title::FirstLine);
        let q: Vec<Quotation> = r.sentences.iter().map(|x| x.quotation).collect();
        assert_eq!(
            q,
            [
                Quotation::None,
                Quotation::Contains,
                Quotation::Inside,
                Quotation::None
            ]
        );
    }

    #[test]
    fn a_credit_line_under_the_headline_is_a_signature() {
        let s = Segmenter::new(&Lexicon::builtin());
        let kinds = |raw: &str| -> Vec<BlockKind> {
            s.segment(raw, Title::FirstLine)
                .blocks
                .iter()
                .map(|b| b.kind)
                .collect()
        };
        use BlockKind::*;
        for credit in [
            "فايز الحسيكي – عين اليوم",
            "الرياض - واس",
            "عين اليوم – متابعات",
        ] {
            let raw = format!("عنوان الخبر\n{credit}\nقال الوزير إن الاجتماع انتهى.");
            assert_eq!(kinds(&raw), [Headline, Signature, Body], "{credit}");
        }
        // A subtitle, a numbered item and a statement stay what they are.
        for (line, kind) in [
            ("الوزير يفتتح المعرض الدولي للكتاب", Headline),
            ("1- المملكة العربية السعودية", Headline),
            (
                "قال الوزير - في مؤتمر صحفي عقده أمس - إن الاجتماع انتهى.",
                Body,
            ),
        ] {
            let raw = format!("عنوان الخبر\n{line}\nقال الوزير إن الاجتماع انتهى.");
            assert_eq!(kinds(&raw)[1], kind, "{line}");
        }
    }

    #[test]
    fn block_kinds_follow_page_layout() {
        let raw = "اخبار عالمية\n\nعنوان الخبر هنا\n14 نوفمبر 2017\nصورة المؤتمر (ريك ويلكينغ)\n+ الخط -\nقال الوزير إن الاجتماع انتهى.\n\n(العربي الجديد)\nمقالات ذات صلة";
        let s = Segmenter::new(&Lexicon::builtin());
        let kinds: Vec<BlockKind> = s
            .segment(raw, Title::FirstLine)
            .blocks
            .iter()
            .map(|b| b.kind)
            .collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            [
                Boilerplate,
                Headline,
                Dateline,
                Caption,
                Boilerplate,
                Body,
                Signature,
                Boilerplate
            ]
        );
    }
}
