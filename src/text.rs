//! The text model: the original article, its code-point offsets, and the folded
//! matching view with a map back to the original.
//!
//! Every stage works on byte offsets of the original text internally (cheap to
//! slice); the annotation model speaks code points, converted here at the edge.

/// An article's original text with a code-point index.
pub struct Text<'a> {
    pub raw: &'a str,
    /// Byte offset of every char, plus `raw.len()` at the end.
    char_starts: Vec<u32>,
}

impl<'a> Text<'a> {
    pub fn new(raw: &'a str) -> Self {
        let mut char_starts = Vec::with_capacity(raw.len() / 2 + 1);
        char_starts.extend(raw.char_indices().map(|(i, _)| i as u32));
        char_starts.push(raw.len() as u32);
        Text { raw, char_starts }
    }

    /// Number of code points.
    pub fn len_chars(&self) -> usize {
        self.char_starts.len() - 1
    }

    /// Code-point offset of a byte offset that lies on a char boundary.
    pub fn char_at(&self, byte: usize) -> usize {
        match self.char_starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of a code-point offset (clamped to the end).
    pub fn byte_at(&self, ch: usize) -> usize {
        self.char_starts
            .get(ch)
            .copied()
            .unwrap_or(self.raw.len() as u32) as usize
    }

    /// The original text of a code-point span, or None when it is out of range.
    pub fn slice_chars(&self, start: usize, end: usize) -> Option<&'a str> {
        if start > end || end > self.len_chars() {
            return None;
        }
        self.raw.get(self.byte_at(start)..self.byte_at(end))
    }

    /// The W3C TextQuoteSelector of a code-point span: its text and up to
    /// `QUOTE_CONTEXT` code points on each side.
    pub fn quote(&self, start: usize, end: usize) -> crate::model::TextQuote {
        let end = end.min(self.len_chars());
        let start = start.min(end);
        let piece = |a: usize, b: usize| self.raw[self.byte_at(a)..self.byte_at(b)].to_string();
        crate::model::TextQuote {
            exact: piece(start, end),
            prefix: piece(start.saturating_sub(QUOTE_CONTEXT), start),
            suffix: piece(end, (end + QUOTE_CONTEXT).min(self.len_chars())),
        }
    }
}

/// Code points of context a TextQuoteSelector keeps on each side: enough to
/// tell apart two copies of a sentence, short enough to survive nearby edits.
pub const QUOTE_CONTEXT: usize = 32;

/// What folding does with one original char.
enum Fold {
    Keep,
    Drop,
    Into(char),
}

/// Harakat, tanween, shadda, sukun, superscript alef and tatweel: invisible to matching.
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}')
}

/// A letter or digit, fast for the ASCII and Arabic ranges that make up
/// almost all news text (the general Unicode tables are slow).
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\u{0000}'..='\u{007F}' => false,
        '\u{0621}'..='\u{063A}'
        | '\u{0641}'..='\u{064A}'
        | '\u{0660}'..='\u{0669}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06F0}'..='\u{06F9}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// A letter of the Arabic script (not a digit or a mark).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
}

/// The folded words of a lexicon phrase.
pub fn folded_words(phrase: &str) -> Vec<String> {
    fold_str(phrase)
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `s` has at least `n` chars, without counting them all.
#[inline]
pub fn has_chars(s: &str, n: usize) -> bool {
    n == 0 || s.chars().nth(n - 1).is_some()
}

/// Zero-width and bidi controls, BOM.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}'
    )
}

/// Emoji, pictographs and other symbols that decorate a text without being
/// words or punctuation (a flag, 👇, ★, ✅, ➡, ™), with what builds emoji
/// sequences (variation selectors, skin tones, keycaps, tag characters; the
/// zero-width joiner is invisible already). Folding drops them like marks,
/// so "قال الوزير 😀 إن …" is matched as "قال الوزير إن …"; their offsets
/// stay in the original text.
pub fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{00A9}'
            | '\u{00AE}'
            | '\u{203C}'
            | '\u{2049}'
            | '\u{20E3}'
            | '\u{2122}'
            | '\u{2139}'
            | '\u{2190}'..='\u{21FF}'
            | '\u{2300}'..='\u{23FF}'
            | '\u{24C2}'
            | '\u{25A0}'..='\u{27BF}'
            | '\u{2900}'..='\u{297F}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{3030}'
            | '\u{303D}'
            | '\u{3297}'
            | '\u{3299}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{1F000}'..='\u{1FAFF}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// Every quotation mark the corpus uses, straight or typographic.
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '″' | '＂' | '‹' | '›'
    )
}

fn fold_char(c: char) -> Fold {
    match c {
        'A'..='Z' => Fold::Into(c.to_ascii_lowercase()),
        c if c.is_ascii() => Fold::Keep,
        'أ' | 'إ' | 'آ' | 'ٱ' => Fold::Into('ا'),
        'ى' => Fold::Into('ي'),
        'ة' => Fold::Into('ه'),
        '٠'..='٩' => Fold::Into(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '۰'..='۹' => Fold::Into(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '٫' => Fold::Into('.'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Fold::Into(' ')
        }
        c if is_quote(c) => Fold::Into('"'),
        c if is_mark(c) || is_invisible(c) || is_symbol(c) => Fold::Drop,
        _ => Fold::Keep,
    }
}

/// Fold one string with no offset map: for lexicon entries and comparison keys.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_char(c) {
            Fold::Keep => out.push(c),
            Fold::Drop => {}
            Fold::Into(f) => out.push(f),
        }
    }
    out
}

/// The folded matching view of a text. `orig[k]` is the original byte offset of
/// the char that produced folded byte `k`; `orig[folded.len()]` is the end.
pub struct Folded {
    pub folded: String,
    orig: Vec<u32>,
}

impl Folded {
    pub fn new(raw: &str) -> Self {
        let mut folded = String::with_capacity(raw.len());
        let mut orig = Vec::with_capacity(raw.len() + 1);
        for (i, c) in raw.char_indices() {
            let f = match fold_char(c) {
                Fold::Keep => c,
                Fold::Drop => continue,
                Fold::Into(f) => f,
            };
            folded.push(f);
            orig.extend(std::iter::repeat_n(i as u32, f.len_utf8()));
        }
        orig.push(raw.len() as u32);
        Folded { folded, orig }
    }

    /// The folded text of an original byte span whose ends lie on char
    /// boundaries: the same string `fold_str` makes of it, without folding
    /// it again (folding is char by char, so the span's folded bytes are
    /// those whose original char lies inside it).
    pub fn folded_of(&self, start: usize, end: usize) -> &str {
        let at = |b: usize| self.orig.partition_point(|&o| (o as usize) < b);
        let (s, e) = (at(start), at(end).min(self.folded.len()));
        self.folded.get(s..e.max(s)).unwrap_or("")
    }

    /// Original byte offset where the folded char at `k` starts.
    pub fn orig_start(&self, k: usize) -> usize {
        self.orig[k.min(self.orig.len() - 1)] as usize
    }

    /// Original byte offset just past the folded range ending at `k`: the
    /// original char of the last folded byte, with the marks that follow it
    /// (a letter's harakat belong to the letter), but no invisible controls.
    pub fn orig_end(&self, raw: &str, k: usize) -> usize {
        if k == 0 {
            return self.orig_start(0);
        }
        let last = self.orig[(k - 1).min(self.orig.len() - 1)] as usize;
        let mut end = last + raw[last..].chars().next().map_or(0, char::len_utf8);
        for c in raw[end..].chars() {
            if !is_mark(c) {
                break;
            }
            end += c.len_utf8();
        }
        end
    }

    /// The original byte span of a folded byte span.
    pub fn orig_span(&self, raw: &str, start: usize, end: usize) -> (usize, usize) {
        if start >= end {
            let s = self.orig_start(start);
            return (s, s);
        }
        (self.orig_start(start), self.orig_end(raw, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_unifies_hamza_tanween_and_ta_marbuta() {
        assert_eq!(fold_str("وفقًا"), "وفقا");
        assert_eq!(fold_str("أعتبر"), "اعتبر");
        assert_eq!(fold_str("الصحيفة"), "الصحيفه");
        assert_eq!(fold_str("ادّعى"), "ادعي");
        assert_eq!(fold_str("“رويترز”"), "\"رويترز\"");
        assert_eq!(fold_str("١٤٥ CNN"), "145 cnn");
        assert_eq!(fold_str("a\u{00A0}b\u{200F}"), "a b");
    }

    #[test]
    fn folding_drops_emoji_and_symbols_but_not_words_or_punctuation() {
        assert_eq!(fold_str("قال 😀 إن"), "قال  ان");
        assert_eq!(fold_str("🇸🇦👍🏽★✅➡️™#\u{FE0F}\u{20E3}"), "#");
        assert_eq!(fold_str("👨\u{200D}👩\u{200D}👧"), "");
        // Letters, digits and punctuation of any script stay.
        assert_eq!(fold_str("①•،؟.€%"), "①•،؟.€%");
        assert_eq!(fold_str("日本 Ωμέγα"), "日本 Ωμέγα");
    }

    #[test]
    fn folded_spans_map_back_to_original_text() {
        let raw = "ووفقًا للصحيفة،\u{00A0}قالَ “رويترز”";
        let f = Folded::new(raw);
        let k = f.folded.find("وفقا").unwrap();
        let (s, e) = f.orig_span(raw, k, k + "وفقا".len());
        assert_eq!(&raw[s..e], "وفقًا");
        let k = f.folded.find("قال").unwrap();
        let (s, e) = f.orig_span(raw, k, k + "قال".len());
        assert_eq!(&raw[s..e], "قالَ");
        let k = f.folded.find("\"رويترز\"").unwrap();
        let (s, e) = f.orig_span(raw, k, k + "\"رويترز\"".len());
        assert_eq!(&raw[s..e], "“رويترز”");
    }

    #[test]
    fn char_offsets_round_trip() {
        let raw = "قال: 😀 نعم";
        let t = Text::new(raw);
        assert_eq!(t.len_chars(), raw.chars().count());
        let b = raw.find("نعم").unwrap();
        let c = t.char_at(b);
        assert_eq!(t.slice_chars(c, c + 3), Some("نعم"));
        assert_eq!(t.slice_chars(5, 4), None);
    }
}
