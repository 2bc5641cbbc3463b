//! Segmentation: lines into typed blocks, body blocks into sentences.
//!
//! Offsets here are byte offsets into the original text; the annotation stage
//! turns them into code points.

mod blocks;
mod sentences;

use rustc_hash::FxHashSet as HashSet;

use crate::arabic::punctuation;
use crate::lexicon::Lexicon;
use crate::model::{BlockKind, Quotation};
use crate::text::{fold_str, is_invisible};
use blocks::*;
pub use sentences::MAX_SENTENCE;
use sentences::*;

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
