//! Tokens over the folded view: words (letters and digits) and single
//! punctuation marks, each with its folded byte range.

use crate::text::Folded;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
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
}

/// Tokenize the folded text in one pass.
pub fn tokenize(folded: &Folded) -> Vec<Token> {
    let s = &folded.folded;
    let mut out = Vec::with_capacity(s.len() / 6);
    let mut word_start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if crate::text::is_word_char(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(ws) = word_start.take() {
            out.push(Token {
                start: ws as u32,
                end: i as u32,
                kind: TokKind::Word,
            });
        }
        if !c.is_whitespace() {
            out.push(Token {
                start: i as u32,
                end: (i + c.len_utf8()) as u32,
                kind: TokKind::Punct(c),
            });
        }
    }
    if let Some(ws) = word_start {
        out.push(Token {
            start: ws as u32,
            end: s.len() as u32,
            kind: TokKind::Word,
        });
    }
    out
}
