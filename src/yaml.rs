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
    stack: Vec<Node>,
    root: Option<Node>,
}

impl TreeBuilder {
    fn push_value(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(Node {
                value: NodeValue::Seq(items),
                ..
            }) => items.push(node),
            Some(Node {
                value: NodeValue::Map(entries),
                ..
            }) => {
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
            None => self.root = Some(node),
        }
    }
}

impl yaml_rust2::parser::MarkedEventReceiver for TreeBuilder {
    fn on_event(&mut self, ev: yaml_rust2::parser::Event, mark: yaml_rust2::scanner::Marker) {
        use yaml_rust2::parser::Event;
        let at = |value| Node {
            line: mark.line().max(1),
            column: mark.col() + 1,
            value,
        };
        match ev {
            Event::Scalar(s, style, _, _) => {
                let quoted = !matches!(style, yaml_rust2::scanner::TScalarStyle::Plain);
                self.push_value(at(NodeValue::Scalar(s, quoted)));
            }
            Event::SequenceStart(..) => self.stack.push(at(NodeValue::Seq(Vec::new()))),
            Event::MappingStart(..) => self.stack.push(at(NodeValue::Map(Vec::new()))),
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(node) = self.stack.pop() {
                    self.push_value(node);
                }
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
    };
    let syntax = |e: yaml_rust2::ScanError| YamlError {
        message: format!("YAML syntax error: {}", e.info()),
        line: Some(e.marker().line().max(1)),
        column: Some(e.marker().col() + 1),
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
            Event::StreamEnd | Event::DocumentEnd => break,
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
    builder.root.ok_or_else(|| YamlError {
        message: "the file is empty".into(),
        line: Some(1),
        column: Some(1),
    })
}
