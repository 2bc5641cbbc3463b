//! Every YAML read and write goes through here, so that serde_yaml (no longer
//! maintained upstream) can be swapped for a drop-in in this one file.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A YAML problem with its 1-based location when the parser knows it.
#[derive(Debug, Clone)]
pub struct YamlError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<serde_yaml::Error> for YamlError {
    fn from(e: serde_yaml::Error) -> Self {
        let loc = e.location();
        YamlError {
            message: e.to_string(),
            line: loc.as_ref().map(|l| l.line()),
            column: loc.as_ref().map(|l| l.column()),
        }
    }
}

pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    Ok(serde_yaml::from_str(text)?)
}

pub fn to_string<T: Serialize>(value: &T) -> Result<String, YamlError> {
    Ok(serde_yaml::to_string(value)?)
}

/// A generic YAML tree, for validation that must see what serde would reject.
pub type Value = serde_yaml::Value;

pub fn parse_value(text: &str) -> Result<Value, YamlError> {
    Ok(serde_yaml::from_str(text)?)
}

pub fn from_value<T: DeserializeOwned>(v: Value) -> Result<T, YamlError> {
    Ok(serde_yaml::from_value(v)?)
}

/// A YAML node with the 1-based line and column where it starts, for
/// validation messages that point into a hand-edited file.
#[derive(Debug, Clone)]
pub struct Node {
    pub line: usize,
    pub column: usize,
    pub value: NodeValue,
}

#[derive(Debug, Clone)]
pub enum NodeValue {
    Map(Vec<(Node, Node)>),
    Seq(Vec<Node>),
    /// A scalar with whether it was quoted (a quoted scalar is always a string).
    Scalar(String, bool),
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            NodeValue::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            NodeValue::Scalar(s, _) => Some(s),
            _ => None,
        }
    }
}

struct TreeBuilder {
    /// Open collections, each with the anchor it was given (0 for none).
    stack: Vec<(Node, usize)>,
    root: Option<Node>,
    anchors: std::collections::HashMap<usize, Node>,
    /// Nodes copied for aliases so far: a file of nested aliases (a "billion
    /// laughs") must not exhaust memory.
    copied: usize,
    documents: usize,
    /// Where a second document starts: an annotation file is one document.
    second_document: Option<(usize, usize)>,
    too_many_aliases: Option<(usize, usize)>,
}

const MAX_ALIAS_NODES: usize = 1_000_000;

fn size(node: &Node) -> usize {
    match &node.value {
        NodeValue::Map(entries) => {
            entries
                .iter()
                .map(|(k, v)| size(k) + size(v))
                .sum::<usize>()
                + 1
        }
        NodeValue::Seq(items) => items.iter().map(size).sum::<usize>() + 1,
        NodeValue::Scalar(..) => 1,
    }
}

impl TreeBuilder {
    fn push_value(&mut self, node: Node, anchor: usize) {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            Some((
                Node {
                    value: NodeValue::Seq(items),
                    ..
                },
                _,
            )) => items.push(node),
            Some((
                Node {
                    value: NodeValue::Map(entries),
                    ..
                },
                _,
            )) => {
                // Keys and values alternate: a pending key has a placeholder value.
                match entries.last_mut() {
                    Some((_, v)) if v.line == 0 => *v = node,
                    _ => entries.push((
                        node,
                        Node {
                            line: 0,
                            column: 0,
                            value: NodeValue::Scalar(String::new(), false),
                        },
                    )),
                }
            }
            Some(_) => {}
            None if self.root.is_none() => self.root = Some(node),
            None => {}
        }
    }
}

impl yaml_rust2::parser::MarkedEventReceiver for TreeBuilder {
    fn on_event(&mut self, ev: yaml_rust2::parser::Event, mark: yaml_rust2::scanner::Marker) {
        use yaml_rust2::parser::Event;
        let (line, column) = (mark.line().max(1), mark.col() + 1);
        let at = |value| Node {
            line,
            column,
            value,
        };
        match ev {
            Event::DocumentStart => {
                self.documents += 1;
                if self.documents == 2 {
                    self.second_document = Some((line, column));
                }
            }
            Event::Scalar(s, style, anchor, tag) => {
                // `!!str 12` is the string "12", as a quoted scalar is.
                let quoted = !matches!(style, yaml_rust2::scanner::TScalarStyle::Plain)
                    || tag.is_some_and(|t| t.suffix == "str");
                self.push_value(at(NodeValue::Scalar(s, quoted)), anchor);
            }
            Event::SequenceStart(anchor, _) => {
                self.stack.push((at(NodeValue::Seq(Vec::new())), anchor))
            }
            Event::MappingStart(anchor, _) => {
                self.stack.push((at(NodeValue::Map(Vec::new())), anchor))
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((mut node, anchor)) = self.stack.pop() {
                    // A block mapping is marked where the parser saw its first
                    // `:`; a person sees it start at its first key.
                    if let NodeValue::Map(entries) = &node.value
                        && let Some((k, _)) = entries.first()
                        && (k.line, k.column) < (node.line, node.column)
                    {
                        (node.line, node.column) = (k.line, k.column);
                    }
                    self.push_value(node, anchor);
                }
            }
            Event::Alias(id) => {
                // An alias stands for a copy of its anchored node, located at the alias.
                let mut node = self
                    .anchors
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| at(NodeValue::Scalar(String::new(), false)));
                self.copied += size(&node);
                if self.copied > MAX_ALIAS_NODES {
                    self.too_many_aliases.get_or_insert((line, column));
                    node = at(NodeValue::Scalar(String::new(), false));
                }
                node.line = line;
                node.column = column;
                self.push_value(node, 0);
            }
            _ => {}
        }
    }
}

/// Nesting accepted by `parse_located`: far more than any annotation file
/// has, far less than would strain the stack.
const MAX_DEPTH: usize = 64;

/// Parse YAML into a located tree; a syntax error carries its line and column.
pub fn parse_located(text: &str) -> Result<Node, YamlError> {
    let mut builder = TreeBuilder {
        stack: Vec::new(),
        root: None,
        anchors: std::collections::HashMap::new(),
        copied: 0,
        documents: 0,
        second_document: None,
        too_many_aliases: None,
    };
    let syntax = |e: yaml_rust2::ScanError| {
        let (line, column) = (e.marker().line().max(1), e.marker().col() + 1);
        syntax_error(text, e.info(), line, column)
    };
    // The events are read here rather than with `Parser::load`, which
    // recurses once per level of nesting and overflows the stack on a file
    // of "- - - - ..." (tests/pathological.rs); the depth is bounded too,
    // so that everything that walks the tree afterwards stays shallow.
    // libyaml, which writes and reads the files through serde_yaml, takes
    // LS, PS and NEL for line breaks (YAML 1.1); yaml_rust2 takes them for
    // ordinary characters (YAML 1.2). An article with U+2029 in a quoted
    // context then made our own output "a syntax error" here (found by
    // fuzzing annotate). Read them as line breaks too: each is one char, so
    // lines and columns stay those libyaml counts. Only this located tree,
    // for its shape and places, sees the substitution; values are checked
    // against the article as serde_yaml reads them.
    let text: std::borrow::Cow<str> = if text.contains(['\u{2028}', '\u{2029}', '\u{85}']) {
        text.replace(['\u{2028}', '\u{2029}', '\u{85}'], "\n")
            .into()
    } else {
        text.into()
    };
    let mut parser = yaml_rust2::parser::Parser::new_from_str(&text);
    let mut depth = 0usize;
    loop {
        use yaml_rust2::parser::{Event, MarkedEventReceiver};
        let (ev, mark) = parser.next_token().map_err(syntax)?;
        match ev {
            Event::StreamEnd => break,
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(YamlError {
                        message: format!(
                            "nested more than {MAX_DEPTH} levels deep; an annotation file needs about 6 (a stray \"- \" or bracket?)"
                        ),
                        line: Some(mark.line().max(1)),
                        column: Some(mark.col() + 1),
                    });
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
        builder.on_event(ev, mark);
    }
    let fail = |message: String, (line, column): (usize, usize)| YamlError {
        message,
        line: Some(line),
        column: Some(column),
    };
    if let Some(at) = builder.second_document {
        return Err(fail(
            "a second YAML document starts here: an annotation file holds one document; remove this `---` and what follows, or split the file".into(),
            at,
        ));
    }
    if let Some(at) = builder.too_many_aliases {
        return Err(fail(
            "too many aliases (*name) to expand: write the values out".into(),
            at,
        ));
    }
    builder.root.ok_or_else(|| YamlError {
        message: "the file is empty: an annotation file starts with `format: isnad/annotation/1`"
            .into(),
        line: Some(1),
        column: Some(1),
    })
}

/// Whether a scalar of the located tree reads `original`. The tree sees
/// LS, PS and NEL as line breaks (see `parse_located`), which a scalar keeps
/// as a newline, folds into a space, or (several in a row) folds into one
/// fewer newline; so where the original has them, runs of line breaks and
/// spaces are compared as one separator.
pub fn same_scalar(scalar: &str, original: &str) -> bool {
    const BREAKS: [char; 3] = ['\u{2028}', '\u{2029}', '\u{85}'];
    if scalar == original || !original.contains(BREAKS) {
        return scalar == original;
    }
    let squeeze = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            let c = if BREAKS.contains(&c) || c == '\n' {
                ' '
            } else {
                c
            };
            if !(c == ' ' && out.ends_with(' ')) {
                out.push(c);
            }
        }
        out
    };
    squeeze(scalar) == squeeze(original)
}

/// A parser's error, made useful to a person editing by hand: a tab in the
/// indentation is the commonest, and the parser's own mark can be lines
/// before it (at the start of the scalar it was reading), so it is pointed at.
fn syntax_error(text: &str, info: &str, line: usize, column: usize) -> YamlError {
    if info.contains("tab") {
        let indented_tab = text.lines().enumerate().skip(line - 1).find_map(|(i, l)| {
            let indent = &l[..l.len() - l.trim_start_matches([' ', '\t']).len()];
            indent
                .chars()
                .position(|c| c == '\t')
                .map(|c| (i + 1, c + 1))
        });
        if let Some((line, column)) = indented_tab {
            return YamlError {
                message: "YAML syntax error: a tab in the indentation; YAML indents with spaces only: replace the tab with spaces".into(),
                line: Some(line),
                column: Some(column),
            };
        }
    }
    let hint = if info.contains("mapping values are not allowed") {
        "a `: ` inside a value reads as a new key: put the whole value in quotes"
    } else {
        "check the indentation, quotes and brackets here and on the line before"
    };
    YamlError {
        message: format!("YAML syntax error: {info}; the parser stopped here: {hint}"),
        line: Some(line),
        column: Some(column),
    }
}

#[cfg(test)]
mod tests {
    /// Found by the property test: two LS in a row, which libyaml writes as
    /// two line breaks and a YAML 1.2 reader folds into one newline.
    #[test]
    fn runs_of_separators_read_as_the_article() {
        let raw = "قال\u{2028}\u{2028}قال";
        let yaml = super::to_string(&serde_json::json!({ "text": raw })).unwrap();
        let root = super::parse_located(&yaml).unwrap();
        let scalar = root.get("text").and_then(|n| n.as_str()).unwrap();
        assert!(super::same_scalar(scalar, raw), "{scalar:?}");
        assert!(!super::same_scalar("قال قول", raw));
    }
}
