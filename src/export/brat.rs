//! brat standoff: `<id>.txt` and `<id>.ann` per article and one
//! `annotation.conf` declaring the types, so that brat (and INCEpTION's brat
//! import) loads the directory as a collection.
//!
//! brat counts offsets in code points of the text as Python reads it (UTF-8,
//! so an emoji is one), which is what the annotation files count too. Two
//! things still move offsets: Python may read "\r\n" and "\r" as "\n", so
//! the `.txt` is written with "\n" line ends and the offsets shifted to
//! match; and a text-bound span cannot hold a line break (the `.ann` line
//! would end there), so a span across lines becomes a discontinuous one,
//! `start end;start end`, one fragment per line.

use std::fmt::Write as _;

use super::spans::{self, ATTRIBUTES, Kind, RelKind};
use super::{Doc, OutFile, Output};

pub fn export(docs: &[Doc]) -> Output {
    let mut out = Output::default();
    for doc in docs {
        let (txt, ann) = standoff(doc, &mut out.notes);
        let id = &doc.ann.document.id;
        out.files.push(OutFile {
            name: format!("{id}.txt"),
            bytes: txt.into_bytes(),
        });
        out.files.push(OutFile {
            name: format!("{id}.ann"),
            bytes: ann.into_bytes(),
        });
    }
    if !docs.is_empty() {
        out.files.push(OutFile {
            name: "annotation.conf".into(),
            bytes: annotation_conf().into_bytes(),
        });
    }
    out
}

/// What Python's line iteration (str.splitlines) ends a line at: any of
/// these inside a span would cut its `.ann` line in two.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{1C}'
            | '\u{1D}'
            | '\u{1E}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The text with "\n" line ends, and for every code-point offset of the
/// original (its length included) the offset in the new text.
fn normalise_newlines(raw: &str) -> (Vec<char>, Vec<usize>) {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut map = Vec::with_capacity(chars.len() + 1);
    for (i, &c) in chars.iter().enumerate() {
        map.push(out.len());
        match c {
            // The "\n" that follows stands for both.
            '\r' if chars.get(i + 1) == Some(&'\n') => {}
            '\r' => out.push('\n'),
            c => out.push(c),
        }
    }
    map.push(out.len());
    (out, map)
}

/// A span's pieces between line breaks, empty and blank pieces dropped.
fn fragments(text: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    for i in start..=end {
        if i == end || is_line_break(text[i]) {
            if text[from..i].iter().any(|c| !c.is_whitespace()) {
                out.push((from, i));
            }
            from = i + 1;
        }
    }
    out
}

/// One article's `.txt` and `.ann`.
fn standoff(doc: &Doc, notes: &mut Vec<String>) -> (String, String) {
    let (text, map) = normalise_newlines(doc.text());
    let at = |cp: usize| map.get(cp).copied().unwrap_or(text.len());
    let graph = spans::graph(&doc.ann, notes);
    let mut ann = String::new();
    // T ids of the spans that could be written; a span of blanks alone has none.
    let mut t_ids: Vec<Option<usize>> = vec![None; graph.spans.len()];
    let mut next_t = 0;
    for (i, span) in graph.spans.iter().enumerate() {
        let pieces = fragments(&text, at(span.start), at(span.end));
        if pieces.is_empty() {
            continue;
        }
        next_t += 1;
        t_ids[i] = Some(next_t);
        let offsets: Vec<String> = pieces.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let words: Vec<String> = pieces
            .iter()
            .map(|&(s, e)| text[s..e].iter().collect())
            .collect();
        let _ = writeln!(
            ann,
            "T{next_t}\t{} {}\t{}",
            span.kind.label(),
            offsets.join(";"),
            words.join(" ")
        );
    }
    let mut next_r = 0;
    for r in &graph.relations {
        if let (Some(a), Some(b)) = (t_ids[r.from], t_ids[r.to]) {
            next_r += 1;
            let _ = writeln!(ann, "R{next_r}\t{} Arg1:T{a} Arg2:T{b}", r.kind.label());
        }
    }
    let mut next_a = 0;
    for (i, span) in graph.spans.iter().enumerate() {
        let Some(t) = t_ids[i] else { continue };
        for (name, value) in &span.attrs {
            next_a += 1;
            let _ = writeln!(ann, "A{next_a}\t{name} T{t} {value}");
        }
    }
    let mut next_note = 0;
    for (i, span) in graph.spans.iter().enumerate() {
        let (Some(t), Some(note)) = (t_ids[i], &span.note) else {
            continue;
        };
        next_note += 1;
        let note: String = note
            .chars()
            .map(|c| {
                if c.is_control() || is_line_break(c) {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let _ = writeln!(ann, "#{next_note}\tAnnotatorNotes T{t}\t{note}");
    }
    (text.into_iter().collect(), ann)
}

/// The types the `.ann` files use, with which spans each relation joins and
/// which values each attribute takes.
pub fn annotation_conf() -> String {
    let mut s = String::from("# Written by isnad export --format brat.\n\n[entities]\n");
    for k in Kind::ALL {
        let _ = writeln!(s, "{}", k.label());
    }
    s.push_str("\n[relations]\n");
    let names = |kinds: &[Kind]| {
        kinds
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join("|")
    };
    for r in RelKind::ALL {
        let (a, b) = r.args();
        let _ = writeln!(s, "{}\tArg1:{}, Arg2:{}", r.label(), names(a), names(b));
    }
    // A claim contains the words of its quoted sources now and then, and a
    // cue may sit inside a claim: any overlap is allowed.
    s.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    s.push_str("\n[events]\n\n[attributes]\n");
    for (name, kind, values) in ATTRIBUTES {
        let _ = writeln!(
            s,
            "{name}\tArg:{}, Value:{}",
            kind.label(),
            values.join("|")
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_cr_become_one_newline_and_offsets_follow() {
        let (text, map) = normalise_newlines("أ\r\nب\rج");
        assert_eq!(text.iter().collect::<String>(), "أ\nب\nج");
        assert_eq!(map, vec![0, 1, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn spans_are_cut_at_line_breaks_and_blank_pieces_dropped() {
        let text: Vec<char> = "قال\n  \nإن\u{2028}نعم".chars().collect();
        assert_eq!(
            fragments(&text, 0, text.len()),
            vec![(0, 3), (7, 9), (10, 13)]
        );
        assert_eq!(fragments(&text, 3, 7), vec![]);
    }
}
