//! The article as attribution reads it: its tokens over the folded text,
//! with the questions asked of them again and again remembered.

use super::*;

/// The tokens and views one article is read through.
pub(super) struct ArticleView<'a> {
    pub(super) raw: &'a str,
    pub(super) f: &'a Folded,
    pub(super) toks: Vec<Token>,
    /// Per token, questions asked again and again while phrases are read
    /// (does a cue start here? is it a title?): see `memo`.
    pub(super) cue_starts: std::cell::RefCell<Vec<u8>>,
    /// Source phrases already read, by their tokens.
    pub(super) readings:
        std::cell::RefCell<rustc_hash::FxHashMap<(usize, usize, u32), sources::Reading>>,
    /// Per sentence, where a quotation opened in it can reach: see
    /// `quote_reach`.
    pub(super) quote_reach: std::cell::RefCell<rustc_hash::FxHashMap<usize, usize>>,
}

impl ArticleView<'_> {
    pub(super) fn word(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.f.folded[t.start as usize..t.end as usize],
            None => "",
        }
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_word)
    }

    pub(super) fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Whether a line ends between token `i - 1` and token `i`: a headline
    /// and the lead below it are not one phrase.
    pub(super) fn line_break_before(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
        ) {
            (Some(a), Some(b)) => self.f.folded[a.end as usize..b.start as usize].contains('\n'),
            _ => false,
        }
    }

    pub(super) fn is_comma(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokKind::Punct(c) if punctuation::is_comma(c)))
    }

    /// Original byte offset where token `i` starts.
    /// The first token that starts at or after original byte `at`.
    pub(super) fn token_from(&self, at: usize) -> usize {
        self.toks
            .partition_point(|t| self.f.orig_start(t.start as usize) < at)
    }

    pub(super) fn start_of(&self, i: usize) -> usize {
        match self.toks.get(i) {
            Some(t) => self.f.orig_start(t.start as usize),
            None => self.raw.len(),
        }
    }

    /// Original byte span of tokens `[a, b]`, skipping `skip` folded bytes.
    pub(super) fn span(&self, a: usize, b: usize, skip: u32) -> (usize, usize) {
        let (Some(ta), Some(tb)) = (self.toks.get(a), self.toks.get(b)) else {
            return (self.raw.len(), self.raw.len());
        };
        let s = self.f.orig_start((ta.start + skip).min(ta.end) as usize);
        let e = self.f.orig_end(self.raw, tb.end as usize);
        (s, e.max(s))
    }

    pub(super) fn np_words(&self, np: Np) -> Vec<&str> {
        (np.first..=np.last)
            .filter(|&k| self.is_word(k))
            .map(|k| {
                let w = self.word(k);
                if k == np.first && np.clitic_bytes > 0 {
                    w.get(np.clitic_bytes as usize..).unwrap_or(w)
                } else {
                    w
                }
            })
            .collect()
    }

    /// The phrase's words as its name reads: a first word that carries the
    /// cue's ل on the article ("وفقا للأمم المتحدة") gets its article back, so
    /// that it is looked up and named as "الأمم المتحدة". A source phrase
    /// never opens with a preposition of its own.
    pub(super) fn np_name_words(&self, np: Np) -> Vec<std::borrow::Cow<'_, str>> {
        let mut words: Vec<std::borrow::Cow<'_, str>> = self
            .np_words(np)
            .into_iter()
            .map(std::borrow::Cow::Borrowed)
            .collect();
        if let Some(first) = words.first_mut()
            && morphology::has_lam_article(first)
            && let Some(restored) = morphology::restore_article_after_lam(first)
        {
            *first = std::borrow::Cow::Owned(restored);
        }
        words
    }

    /// The phrase as written, for its name: the cue's ل before the article
    /// replaced by the article's alef ("للأمم المتحدة" → "الأمم المتحدة").
    pub(super) fn np_display<'s>(&self, np: Np, shown: &'s str) -> std::borrow::Cow<'s, str> {
        let first = self.np_words(np).first().copied().unwrap_or("");
        if !morphology::has_lam_article(first) {
            return std::borrow::Cow::Borrowed(shown);
        }
        let mut chars = shown.chars();
        chars.next();
        let rest = chars.as_str().trim_start_matches(crate::text::is_mark);
        let alef = morphology::article().chars().next().unwrap_or('ا');
        std::borrow::Cow::Owned(format!("{alef}{rest}"))
    }

    /// Whether token `i` is written, in the original, starting with `c`.
    pub(super) fn original_starts_with(&self, i: usize, c: char) -> bool {
        let (s, e) = self.span(i, i, 0);
        self.raw[s..e].starts_with(c)
    }

    /// Whether token `i` carries the article. Folding writes أ as ا, so a
    /// name written with hamza ("ألتون", "ألمانيا") is told apart here.
    pub(super) fn definite_at(&self, i: usize) -> bool {
        sources::is_definite(self.word(i))
            && !['أ', 'إ', 'آ']
                .iter()
                .any(|&c| self.original_starts_with(i, c))
    }

    /// Whether token `i` ends in ة (folding writes it ه).
    pub(super) fn ends_with_ta_marbuta(&self, i: usize) -> bool {
        let (_, e) = self.span(i, i, 0);
        self.raw[..e]
            .chars()
            .rev()
            .find(|c| !crate::text::is_mark(*c))
            == Some('ة')
    }

    /// Whether token `i` ends in a written ه (a pronoun), not a ة folded to ه.
    pub(super) fn ends_with_ha(&self, i: usize) -> bool {
        self.ends_with_letter(i, 'ه')
    }

    /// Whether the verb at token `i` is written as a passive perfect: a
    /// damma on its first letter ("كُتب", "أُعلن", "زُعم"), not on the
    /// prefix of an imperfect (يُؤكد, تُضيف) or a participle's م. Its
    /// subject is what was done, not who said it: over the ANT corpus
    /// every one of about 100 such cues named the wrong source.
    pub(super) fn written_passive(&self, i: usize) -> bool {
        let (s, e) = self.span(i, i, 0);
        let mut letters = self.raw[s..e]
            .chars()
            .skip_while(|&c| morphology::is_conjunction(c));
        let (Some(first), Some(mark)) = (letters.next(), letters.next()) else {
            return false;
        };
        mark == '\u{064F}' && !matches!(first, 'ي' | 'ت' | 'ن' | 'م')
    }

    /// Whether token `i` is written with the accusative nunation (ً, as in
    /// "ضيفاً", "صوراً", "مجدداً"): an object or an adverb, which no
    /// speaker's name in the nominative goes on into.
    pub(super) fn written_accusative(&self, i: usize) -> bool {
        let (s, e) = self.span(i, i, 0);
        self.raw[s..e].contains('\u{064B}')
    }

    /// Whether token `i` ends, as written, in letter `c` (marks aside).
    pub(super) fn ends_with_letter(&self, i: usize, c: char) -> bool {
        let (_, e) = self.span(i, i, 0);
        self.raw[..e]
            .chars()
            .rev()
            .find(|x| !crate::text::is_mark(*x))
            == Some(c)
    }
}

/// Token range of every sentence.
pub(super) fn sentence_tokens(doc: &ArticleView, seg: &Segmentation) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(seg.sentences.len());
    let mut k = 0;
    for s in &seg.sentences {
        while k < doc.toks.len() && doc.start_of(k) < s.start {
            k += 1;
        }
        let a = k;
        while k < doc.toks.len() && doc.start_of(k) < s.end {
            k += 1;
        }
        out.push((a, k));
    }
    out
}

/// A per-token yes/no worked out once: two bits at `shift` of the token's
/// byte (0 not yet known, 1 no, 2 yes).
pub(super) fn memo(
    cache: &std::cell::RefCell<Vec<u8>>,
    k: usize,
    shift: u8,
    work: impl FnOnce() -> bool,
) -> bool {
    let known = cache.borrow().get(k).map_or(1, |b| (b >> shift) & 3);
    if known != 0 {
        return known == 2;
    }
    let yes = work();
    if let Some(slot) = cache.borrow_mut().get_mut(k) {
        *slot |= (if yes { 2 } else { 1 }) << shift;
    }
    yes
}

/// Where `title_at` keeps its answers in the memo byte.
pub(super) const TITLE_MEMO: u8 = 2;
