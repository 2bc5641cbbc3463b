//! Tokenizer over folded text (see `fold`).

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
}

#[derive(Debug, Clone)]
pub struct Tok {
    /// Byte range into the folded text.
    pub span: Range<usize>,
    pub kind: TokKind,
}

#[inline]
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() && !is_digit(c)
}

/// Separators allowed inside a number when a digit follows: decimal point,
/// Arabic decimal and thousands separators, and the comma.
#[inline]
fn is_number_joiner(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}')
}

/// Splits folded text into word and number tokens. Letter/digit transitions
/// split too, so the glued forms ال80 and ب50 give the number on its own.
pub fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if is_word_char(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = it.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = i + d.len_utf8();
                it.next();
            }
            out.push(Tok {
                span: start..end,
                kind: TokKind::Word,
            });
        } else if is_digit(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = it.peek() {
                let joins = is_number_joiner(d)
                    && text[i + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(is_digit);
                if !is_digit(d) && !joins {
                    break;
                }
                end = i + d.len_utf8();
                it.next();
            }
            out.push(Tok {
                span: start..end,
                kind: TokKind::Number,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|t| &s[t.span.clone()]).collect()
    }

    #[test]
    fn splits_glued_numbers() {
        assert_eq!(words("ال80 دولارا"), ["ال", "80", "دولارا"]);
        assert_eq!(
            words("3.4 مليون، 1,670 دعوى"),
            ["3.4", "مليون", "1,670", "دعوى"]
        );
        assert_eq!(words("نهاية 2018."), ["نهاية", "2018"]);
    }

    #[test]
    fn odd_input() {
        assert!(words("").is_empty());
        assert!(words("...؟!! 😀").is_empty());
    }
}
