//! Spans against the article: offsets in range, texts that match, blocks that
//! are whole lines, and items that lie in the block or sentence they name.

use std::collections::HashMap;

use super::model::{is_orphaned, items, natural, number, offset, scalar};
use super::{Problem, at, short};
use crate::io::yaml::{Node, NodeValue};
use crate::text::Text;

/// Span checks against the article text.
pub(super) struct Spans<'a> {
    text: Text<'a>,
    /// The article's lines as code-point spans: what blocks are.
    lines: Vec<(usize, usize)>,
    out: &'a mut Vec<Problem>,
}

/// One end of a span: its value, its node and its path, for messages.
type End<'n> = (usize, &'n Node, String);

impl<'a> Spans<'a> {
    pub(super) fn new(article: &'a str, out: &'a mut Vec<Problem>) -> Self {
        let text = Text::new(article);
        let lines = crate::segment::lines(article)
            .into_iter()
            .map(|(s, e)| (text.char_at(s), text.char_at(e)))
            .collect();
        Spans { text, lines, out }
    }

    pub(super) fn check(&mut self, root: &Node) {
        if !self.document(root) {
            return;
        }
        let mut blocks = HashMap::new();
        for (i, b) in items(root.get("blocks")).iter().enumerate() {
            let path = format!("blocks[{i}]");
            if let Some(span) = self.span(b, &path, false) {
                self.whole_line(b, span, &path);
                if let Some((id, _)) = scalar(b, "id") {
                    blocks.entry(id).or_insert(span);
                }
            }
        }
        let mut sentences = HashMap::new();
        for (i, s) in items(root.get("sentences")).iter().enumerate() {
            let path = format!("sentences[{i}]");
            if let Some(span) = self.span(s, &path, true) {
                self.inside(s, "block", span, true, &blocks, &path);
                if let Some((id, _)) = scalar(s, "id") {
                    sentences.entry(id).or_insert(span);
                }
            }
        }
        for (i, s) in items(root.get("sources")).iter().enumerate() {
            for (j, m) in items(s.get("mentions")).iter().enumerate() {
                let ends = items(Some(m));
                let path = format!("sources[{i}].mentions[{j}]");
                if let [a, b] = ends
                    && let (Some(start), Some(end)) = (number(a), number(b))
                {
                    self.range(
                        (start, a, format!("{path}[0]")),
                        (end, b, format!("{path}[1]")),
                    );
                }
            }
        }
        for (i, c) in items(root.get("claims")).iter().enumerate() {
            // An orphaned claim keeps the offsets of the article as it was:
            // they are for a person to re-place, not errors.
            if is_orphaned(c) {
                continue;
            }
            let path = format!("claims[{i}]");
            if let Some(span) = self.span(c, &path, true) {
                // A claim may run on past its sentence: only its start must lie in it.
                self.inside(c, "sentence", span, false, &sentences, &path);
            }
            for (j, l) in items(c.get("chain")).iter().enumerate() {
                for part in ["cue", "source"] {
                    if let Some(n) = l.get(part)
                        && matches!(n.value, NodeValue::Map(_))
                    {
                        self.span(n, &format!("{path}.chain[{j}].{part}"), true);
                    }
                }
            }
        }
    }

    /// The article is the one the file describes; false when it is not at all
    /// (then every span would be reported, and none of it would help).
    fn document(&mut self, root: &Node) -> bool {
        let Some(doc) = root.get("document") else {
            return true;
        };
        let len = self.text.len_chars();
        let length = offset(doc, "length");
        let sha = scalar(doc, "sha256").filter(|(s, _)| {
            s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        });
        let actual = crate::io::input::sha256_hex(self.text.raw.as_bytes());
        let sha_differs = sha.filter(|(s, _)| *s != actual);
        let length_differs = length.filter(|(l, _)| *l != len);
        match (sha_differs, length_differs) {
            (Some((_, node)), Some(_)) => {
                self.out.push(at(
                    node,
                    format!(
                        "document: the article ({len} code points) is not the text this file was made from (its SHA-256 and length differ): give the right article with --text, or re-run isnad annotate if the article changed"
                    ),
                ));
                return false;
            }
            (Some((_, node)), None) => self.out.push(at(
                node,
                format!(
                    "document.sha256: the article's SHA-256 is {actual}: if the article changed, re-run isnad annotate; if only this field was edited, set it back"
                ),
            )),
            (None, Some((_, node))) => self.out.push(at(
                node,
                format!("document.length: the article has {len} code points; set length: {len}"),
            )),
            (None, None) => {}
        }
        true
    }

    /// Check an item's `start` and `end` (and `text`); its span when it holds.
    fn span(&mut self, item: &Node, path: &str, with_text: bool) -> Option<(usize, usize)> {
        let (start, sn) = offset(item, "start")?;
        let (end, en) = offset(item, "end")?;
        self.range(
            (start, sn, format!("{path}.start")),
            (end, en, format!("{path}.end")),
        )?;
        if !with_text {
            return Some((start, end));
        }
        let (expected, tn) = match item.get("text") {
            Some(
                n @ Node {
                    value: NodeValue::Scalar(s, _),
                    ..
                },
            ) => (s.as_str(), n),
            _ => return Some((start, end)),
        };
        let real = self.text.slice_chars(start, end)?;
        if crate::io::yaml::same_scalar(expected, real) {
            return Some((start, end));
        }
        let reads = format!(
            "this text does not match the article, which reads `{}` at [{start}, {end})",
            short(real)
        );
        match self.nearest(expected, start) {
            // The words are right and the offsets wrong: point at the offset to fix.
            Some((s, e)) if s == start => self.out.push(at(
                en,
                format!("{path}.end: {reads}; the text ends at {e}: set end: {e}"),
            )),
            Some((s, e)) => {
                let fix = if e == end {
                    format!("set start: {s}")
                } else {
                    format!("set start: {s} and end: {e}")
                };
                self.out.push(at(
                    sn,
                    format!("{path}.start: {reads}; the text is at [{s}, {e}): {fix}"),
                ));
            }
            None => self.out.push(at(
                tn,
                format!(
                    "{path}.text: {reads}; copy the article's words here, or fix start and end"
                ),
            )),
        }
        None
    }

    /// The occurrence of `needle` in the article nearest to `near`, as a span.
    fn nearest(&self, needle: &str, near: usize) -> Option<(usize, usize)> {
        if needle.is_empty() {
            return None;
        }
        let n = needle.chars().count();
        self.text
            .raw
            .match_indices(needle)
            .map(|(b, _)| self.text.char_at(b))
            .min_by_key(|s| s.abs_diff(near))
            .map(|s| (s, s + n))
    }

    fn range(&mut self, (start, sn, sp): End, (end, en, ep): End) -> Option<()> {
        let len = self.text.len_chars();
        let past = |v: usize, p: &str| {
            format!(
                "{p}: {v} lies past the end of the article ({len} code points); offsets count code points from 0"
            )
        };
        if start > len {
            self.out.push(at(sn, past(start, &sp)));
        } else if end > len {
            self.out.push(at(en, past(end, &ep)));
        } else if start > end {
            self.out.push(at(
                sn,
                format!(
                    "{sp}: the span starts at {start}, after its end {end}; a span runs from start up to end: swap them or fix one"
                ),
            ));
        } else {
            return Some(());
        }
        None
    }

    /// A block is one whole line of the article without its surrounding spaces.
    fn whole_line(&mut self, block: &Node, (start, end): (usize, usize), path: &str) {
        if self.lines.binary_search(&(start, end)).is_ok() {
            return;
        }
        let rule = "a block is one whole line of the article, without its surrounding spaces";
        let same_start = self.lines.iter().find(|l| l.0 == start);
        let same_end = self.lines.iter().find(|l| l.1 == end);
        let (node, message) = match (same_start, same_end) {
            (Some(&(_, e)), _) => (
                block.get("end"),
                format!("{path}.end: {rule}: the line from {start} ends at {e}; set end: {e}"),
            ),
            (None, Some(&(s, _))) => (
                block.get("start"),
                format!("{path}.start: {rule}: the line up to {end} starts at {s}; set start: {s}"),
            ),
            (None, None) => {
                let near = self
                    .lines
                    .iter()
                    .find(|l| l.1 > start)
                    .or(self.lines.last())
                    .map(|(s, e)| format!("; the nearest line is [{s}, {e})"))
                    .unwrap_or_default();
                (
                    block.get("start"),
                    format!("{path}: {rule}, and [{start}, {end}) is not one{near}"),
                )
            }
        };
        if let Some(node) = node {
            self.out.push(at(node, message));
        }
    }

    /// An item's span (or only its start, when `whole` is false) lies in the
    /// container its `key` names.
    fn inside(
        &mut self,
        item: &Node,
        key: &str,
        (start, end): (usize, usize),
        whole: bool,
        containers: &HashMap<&str, (usize, usize)>,
        path: &str,
    ) {
        let Some((id, node)) = scalar(item, key) else {
            return;
        };
        let Some(&(cs, ce)) = containers.get(id) else {
            return;
        };
        let probe_end = if whole { end } else { start };
        let holds = |(s, e): (usize, usize)| s <= start && probe_end <= e;
        if holds((cs, ce)) {
            return;
        }
        let fix = match containers
            .iter()
            .filter(|(_, c)| holds(**c))
            .map(|(k, _)| *k)
            .min_by_key(|k| natural(k))
        {
            Some(right) => format!("it lies in `{right}`: set {key}: {right}"),
            None => format!("fix start and end, or the {key}"),
        };
        let what = if whole {
            format!("[{start}, {end})")
        } else {
            format!("the start {start}")
        };
        self.out.push(at(
            node,
            format!(
                "{path}.{key}: {what} is not in {key} `{}` [{cs}, {ce}); {fix}",
                short(id)
            ),
        ));
    }
}
