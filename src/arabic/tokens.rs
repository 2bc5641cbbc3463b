//! The tokenizer over folded text (`crate::text`), one scanner with two
//! views of the same text:
//!
//! - `tokenize` (attribution) gives words and single punctuation marks. A
//!   word runs over letters and digits alike ("ال80" is one word), because
//!   cue and phrase matching count words; the punctuation carries the quote
//!   and clause structure.
//! - `terms` (comparison) gives words and numbers only. Letters and digits
//!   split ("ال80" gives the number 80), and a number keeps its decimal and
//!   thousands joiners (2.5, 1,000, ١٬٠٠٠), because claims are compared on
//!   their values.
//!
//! Each view only classifies chars (`View`); `scan` turns classes into
//! tokens.

use std::ops::Range;

use crate::text::Folded;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    /// Only from `terms`: `tokenize` keeps digits inside words.
    Number,
    /// Only from `tokenize`.
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte range into the folded text.
    pub start: u32,
    pub end: u32,
    pub kind: TokKind,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }

    /// The token's byte range into the folded text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// What a char is to the scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Part of a word.
    Letter,
    /// Part of a number.
    Digit,
    /// Inside a number when a digit follows it; skipped otherwise.
    Joiner,
    /// A token of its own.
    Punct,
    /// Separates tokens and is no token.
    Space,
}

/// How one caller sees chars: the scanner is generic over it, so that each
/// view's classes are inlined into its own copy of the loop.
trait View {
    fn class(c: char) -> Class;
}

/// Attribution's view: letters and digits make words; every other visible
/// char is punctuation.
struct Clauses;

impl View for Clauses {
    #[inline(always)]
    fn class(c: char) -> Class {
        if crate::text::is_word_char(c) {
            Class::Letter
        } else if c.is_whitespace() {
            Class::Space
        } else {
            Class::Punct
        }
    }
}

/// Comparison's view: ASCII digits (folding made every digit ASCII) make
/// numbers, alphabetic chars make words, punctuation is dropped.
struct Terms;

impl View for Terms {
    #[inline(always)]
    fn class(c: char) -> Class {
        if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_alphabetic() {
            Class::Letter
        } else if is_number_joiner(c) {
            Class::Joiner
        } else {
            Class::Space
        }
    }
}

/// Separators allowed inside a number when a digit follows: decimal point,
/// Arabic decimal and thousands separators, and the comma.
#[inline]
fn is_number_joiner(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}')
}

/// Words and punctuation marks of the folded text, for attribution.
pub fn tokenize(folded: &Folded) -> Vec<Token> {
    let s = &folded.folded;
    let mut out = Vec::with_capacity(s.len() / 6);
    scan::<Clauses>(s, &mut out);
    out
}

/// Words and numbers of a folded text, for comparison; `out` is cleared
/// first so that one buffer serves many texts.
pub fn terms(text: &str, out: &mut Vec<Token>) {
    out.clear();
    scan::<Terms>(text, out);
}

/// One pass over `text`: a run of letters is a word, a run of digits (with
/// joiners between digits) a number, each punctuation char a token.
#[inline(always)]
fn scan<V: View>(text: &str, out: &mut Vec<Token>) {
    // The open run's start and class (`Letter` or `Digit`).
    let mut open: Option<(usize, Class)> = None;
    for (i, c) in text.char_indices() {
        let cls = V::class(c);
        if let Some((start, run)) = open {
            let continues = cls == run
                || (run == Class::Digit
                    && cls == Class::Joiner
                    && text[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|d| V::class(d) == Class::Digit));
            if continues {
                continue;
            }
            out.push(run_token(start, i, run));
            open = None;
        }
        match cls {
            Class::Letter | Class::Digit => open = Some((i, cls)),
            Class::Punct => out.push(Token {
                start: i as u32,
                end: (i + c.len_utf8()) as u32,
                kind: TokKind::Punct(c),
            }),
            Class::Joiner | Class::Space => {}
        }
    }
    if let Some((start, run)) = open {
        out.push(run_token(start, text.len(), run));
    }
}

/// The token of a run of letters (a word) or digits (a number).
#[inline]
fn run_token(start: usize, end: usize, run: Class) -> Token {
    Token {
        start: start as u32,
        end: end as u32,
        kind: if run == Class::Digit {
            TokKind::Number
        } else {
            TokKind::Word
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term_words(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        terms(s, &mut v);
        v.iter().map(|t| &s[t.range()]).collect()
    }

    fn clause_tokens(s: &str) -> Vec<(String, TokKind)> {
        let folded = Folded::new(s);
        tokenize(&folded)
            .iter()
            .map(|t| (folded.folded[t.range()].to_string(), t.kind))
            .collect()
    }

    #[test]
    fn splits_glued_numbers() {
        assert_eq!(term_words("ال80 دولارا"), ["ال", "80", "دولارا"]);
        assert_eq!(
            term_words("3.4 مليون، 1,670 دعوى"),
            ["3.4", "مليون", "1,670", "دعوى"]
        );
        assert_eq!(term_words("نهاية 2018."), ["نهاية", "2018"]);
    }

    #[test]
    fn number_kinds() {
        let mut v = Vec::new();
        terms("ب50 الف", &mut v);
        let kinds: Vec<TokKind> = v.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TokKind::Word, TokKind::Number, TokKind::Word]);
    }

    #[test]
    fn odd_input() {
        assert!(term_words("").is_empty());
        assert!(term_words("...؟!! 😀").is_empty());
        assert!(tokenize(&Folded::new("")).is_empty());
    }

    #[test]
    fn clause_words_keep_digits_and_marks() {
        use TokKind::{Punct, Word};
        let w = |s: &str| (s.to_string(), Word);
        assert_eq!(
            clause_tokens("قال: ال80 و2.5،"),
            [
                w("قال"),
                (":".to_string(), Punct(':')),
                w("ال80"),
                w("و2"),
                (".".to_string(), Punct('.')),
                w("5"),
                ("،".to_string(), Punct('،')),
            ]
        );
    }
}
