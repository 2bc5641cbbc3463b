//! Sets of punctuation marks the stages ask about, read from
//! `src/lexicon/punctuation.yaml` so that no stage spells Arabic marks
//! (، ؛ ؟) out in code. Fixed at build time, like `morphology`.

use serde::Deserialize;
use std::sync::OnceLock;

const DATA: &str = include_str!("../lexicon/punctuation.yaml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Punctuation {
    commas: String,
    question_marks: String,
    sentence_ends: String,
    adjunct_marks: String,
    clause_gap: String,
    content_trail: String,
    openers: String,
    credit_line_breakers: String,
    token_breaks: String,
    line_terminals: String,
    subtitle_breakers: String,
    continuers: String,
    clause_breaks: String,
}

/// The sets, parsed on first use.
fn table() -> &'static Punctuation {
    static TABLE: OnceLock<Punctuation> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The file is built in and tested; failing here is a build defect.
        crate::io::yaml::from_str(DATA)
            .unwrap_or_else(|e| panic!("built-in lexicon punctuation.yaml is invalid: {e}"))
    })
}

/// Whether `c` is a comma, Arabic or Latin.
pub fn is_comma(c: char) -> bool {
    table().commas.contains(c)
}

/// Whether `text` ends in a question mark, Arabic or Latin.
pub fn ends_with_question_mark(text: &str) -> bool {
    text.ends_with(|c| table().question_marks.contains(c))
}

/// Whether `text` ends in a mark that ends a sentence.
pub fn ends_with_sentence_end(text: &str) -> bool {
    text.ends_with(|c| table().sentence_ends.contains(c))
}

/// Whether `c` may stand among the adjuncts between a verb's subject and
/// its content.
pub fn is_adjunct_mark(c: char) -> bool {
    table().adjunct_marks.contains(c)
}

/// Whether `c` may stand between a report's content and a relaying phrase
/// that closes it (spaces aside).
pub fn in_clause_gap(c: char) -> bool {
    table().clause_gap.contains(c)
}

/// Whether `c` is trimmed from the end of a span of content (spaces aside).
pub fn trails_content(c: char) -> bool {
    table().content_trail.contains(c)
}

/// Whether `c` opens a bracket or a quotation.
pub fn opens(c: char) -> bool {
    table().openers.contains(c)
}

/// Whether `c` rules out a credit line ("Writer – outlet").
pub fn breaks_credit_line(c: char) -> bool {
    table().credit_line_breakers.contains(c)
}

/// Whether `c` ends a token when evaluation counts a span's tokens.
pub fn breaks_token(c: char) -> bool {
    table().token_breaks.contains(c)
}

/// Whether `line` ends like a sentence (closing marks already trimmed).
pub fn ends_with_line_terminal(line: &str) -> bool {
    line.ends_with(|c| table().line_terminals.contains(c))
}

/// Whether `line` holds a mark a second headline line never holds.
pub fn has_subtitle_breaker(line: &str) -> bool {
    line.contains(|c| table().subtitle_breakers.contains(c))
}

/// Whether `c`, after a sentence's terminator, means the sentence goes on.
pub fn continues_sentence(c: char) -> bool {
    table().continuers.contains(c)
}

/// Whether `gap`, the text between two tokens, ends a clause.
pub fn breaks_clause(gap: &str) -> bool {
    gap.contains(|c| table().clause_breaks.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sets_hold_arabic_and_latin_marks() {
        assert!(is_comma('،') && is_comma(',') && !is_comma('.'));
        assert!(ends_with_question_mark("لماذا؟") && !ends_with_question_mark("قال."));
        assert!(ends_with_sentence_end("قال.") && !ends_with_sentence_end("عنوان"));
        assert!(is_adjunct_mark('(') && !is_adjunct_mark(':'));
        assert!(in_clause_gap('،') && in_clause_gap(',') && !in_clause_gap('"'));
        assert!(trails_content('؟') && !trails_content('"'));
        assert!(breaks_credit_line('«') && !breaks_credit_line('-'));
        assert!(breaks_token('”') && !breaks_token('-'));
    }
}
