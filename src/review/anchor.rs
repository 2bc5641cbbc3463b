//! Re-anchoring: finding where a span of an older version of an article sits
//! in the current text. Unchanged sentences move by a known shift; anything
//! else is found again by its quoted text and the context around it (the W3C
//! TextQuoteSelector).

use crate::model::{Sentence, TextQuote};
use crate::text::Text;

/// How far from its expected place a span without context may be found.
const NEAR: usize = 2000;

/// A run of old sentences found unchanged in the new text, all moved by `shift`.
struct Run {
    old_start: usize,
    old_end: usize,
    shift: isize,
}

pub struct Anchor<'a, 't> {
    text: &'t Text<'a>,
    runs: Vec<Run>,
}

/// Where a span was found, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// The same text, at a new place.
    Moved(usize, usize),
    /// Its own text changed (a corrected typo): found between its prefix and suffix.
    Changed(usize, usize),
}

impl Found {
    pub fn span(self) -> (usize, usize) {
        match self {
            Found::Moved(s, e) | Found::Changed(s, e) => (s, e),
        }
    }
}

impl<'a, 't> Anchor<'a, 't> {
    /// Align the old sentences with the new ones by their text: a sentence
    /// that is unchanged, in order, carries every span inside it along.
    pub fn new(old: &[Sentence], new: &[Sentence], text: &'t Text<'a>) -> Self {
        let a: Vec<&str> = old.iter().map(|s| s.text.as_str()).collect();
        let b: Vec<&str> = new.iter().map(|s| s.text.as_str()).collect();
        let mut runs: Vec<Run> = Vec::new();
        for op in similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b) {
            if let similar::DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            {
                for k in 0..len {
                    let (o, n) = (&old[old_index + k], &new[new_index + k]);
                    let shift = n.start as isize - o.start as isize;
                    match runs.last_mut() {
                        // Neighbouring unchanged sentences with one shift also
                        // carry what lies between them (a cue before a quote).
                        Some(r) if r.shift == shift && r.old_end <= o.start => r.old_end = o.end,
                        _ => runs.push(Run {
                            old_start: o.start,
                            old_end: o.end,
                            shift,
                        }),
                    }
                }
            }
        }
        Anchor { text, runs }
    }

    /// The shift of the unchanged run that holds an old span, if any.
    fn shift_of(&self, start: usize, end: usize) -> Option<isize> {
        let i = self.runs.partition_point(|r| r.old_end < end);
        let r = self.runs.get(i)?;
        (r.old_start <= start && end <= r.old_end).then_some(r.shift)
    }

    /// The nearest shift to an old position, to guess where a span went.
    fn expected(&self, start: usize) -> usize {
        let i = self.runs.partition_point(|r| r.old_end <= start);
        let shift = self
            .runs
            .get(i)
            .or_else(|| self.runs.get(i.wrapping_sub(1)))
            .map_or(0, |r| r.shift);
        start.saturating_add_signed(shift)
    }

    fn holds(&self, start: usize, end: usize, exact: &str) -> bool {
        self.text.slice_chars(start, end) == Some(exact)
    }

    /// A span with no context of its own (a cue, a mention): moved with its
    /// sentence, or the occurrence of its text nearest to where it should be.
    pub fn span(&self, start: usize, end: usize, exact: &str) -> Option<(usize, usize)> {
        if let Some(shift) = self.shift_of(start, end) {
            let (s, e) = (
                start.saturating_add_signed(shift),
                end.saturating_add_signed(shift),
            );
            if self.holds(s, e, exact) {
                return Some((s, e));
            }
        }
        let want = self.expected(start);
        self.occurrences(exact)
            .filter(|&s| s.abs_diff(want) <= NEAR)
            .min_by_key(|&s| s.abs_diff(want))
            .map(|s| (s, s + exact.chars().count()))
    }

    /// A claim by its selector: moved with its sentence; else the occurrence
    /// of its text whose surroundings agree best with the recorded prefix and
    /// suffix; else, when its own words changed, the stretch between its
    /// prefix and suffix.
    pub fn quote(&self, start: usize, end: usize, q: &TextQuote) -> Option<Found> {
        if let Some(shift) = self.shift_of(start, end) {
            let (s, e) = (
                start.saturating_add_signed(shift),
                end.saturating_add_signed(shift),
            );
            if self.holds(s, e, &q.exact) {
                return Some(Found::Moved(s, e));
            }
        }
        let want = self.expected(start);
        let len = q.exact.chars().count();
        if let Some(s) = self.occurrences(&q.exact).max_by_key(|&s| {
            (
                self.context_agreement(s, s + len, q),
                usize::MAX - s.abs_diff(want),
            )
        }) {
            return Some(Found::Moved(s, s + len));
        }
        self.between_context(q, len, want)
            .map(|(s, e)| Found::Changed(s, e))
    }

    /// Code-point starts of every occurrence of `needle`.
    fn occurrences<'n>(&'n self, needle: &'n str) -> impl Iterator<Item = usize> + 'n {
        let raw = self.text.raw;
        (!needle.is_empty())
            .then(|| raw.match_indices(needle).map(|(b, _)| self.text.char_at(b)))
            .into_iter()
            .flatten()
    }

    /// How many code points of recorded context agree with the text around a span.
    fn context_agreement(&self, start: usize, end: usize, q: &TextQuote) -> usize {
        let before = self.text.slice_chars(0, start).unwrap_or("");
        let after = self
            .text
            .slice_chars(end, self.text.len_chars())
            .unwrap_or("");
        let common_tail = before
            .chars()
            .rev()
            .zip(q.prefix.chars().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let common_head = after
            .chars()
            .zip(q.suffix.chars())
            .take_while(|(a, b)| a == b)
            .count();
        common_tail + common_head
    }

    /// The stretch between an occurrence of the prefix and the suffix that
    /// follows it, when its length is close to the claim's: the claim's own
    /// words were edited but its place is certain.
    fn between_context(&self, q: &TextQuote, len: usize, want: usize) -> Option<(usize, usize)> {
        // Short context could sit anywhere; it proves nothing.
        const MIN_CONTEXT: usize = 12;
        if q.prefix.chars().count() < MIN_CONTEXT || q.suffix.chars().count() < MIN_CONTEXT {
            return None;
        }
        let plen = q.prefix.chars().count();
        let slack = len / 4 + 8;
        self.occurrences(&q.prefix)
            .filter_map(|p| {
                let s = p + plen;
                let window_end =
                    (s + len + slack + q.suffix.chars().count()).min(self.text.len_chars());
                let window = self.text.slice_chars(s, window_end)?;
                let b = window.find(q.suffix.as_str())?;
                let e = s + window[..b].chars().count();
                (e > s && e.abs_diff(s + len) <= slack).then_some((s, e))
            })
            .min_by_key(|&(s, _)| s.abs_diff(want))
    }
}
