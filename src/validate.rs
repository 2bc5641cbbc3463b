//! `isnad validate`: every problem of a hand-edited annotation file, each with
//! its line and column and what to do about it. The JSON Schema in `schema/`
//! is the one definition of the format; this module checks a file against it,
//! then checks what a schema cannot: spans against the article, ids and
//! references. Both run over the located YAML tree, so one problem never hides
//! another: a file with an unknown field still has its spans checked.

use std::collections::{HashMap, HashSet};

use serde_json::Value as Json;

use crate::io::yaml::{self, Node, NodeValue};
use crate::model::Annotation;
use crate::text::Text;

const SCHEMA: &str = include_str!("../schema/annotation.schema.json");

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Every problem of one annotation file, in file order.
pub fn check(yaml_text: &str, article: Option<&str>) -> Vec<Problem> {
    let root = match yaml::parse_located(yaml_text) {
        Ok(root) => root,
        Err(e) => {
            return vec![Problem {
                line: e.line.unwrap_or(1),
                column: e.column.unwrap_or(1),
                message: e.message,
            }];
        }
    };
    let schema: Json = match serde_json::from_str(SCHEMA) {
        Ok(s) => s,
        Err(e) => {
            return vec![Problem {
                line: 1,
                column: 1,
                message: format!("built-in schema unreadable: {e}"),
            }];
        }
    };
    let mut problems = Vec::new();
    SchemaCheck {
        defs: &schema["$defs"],
        out: &mut problems,
    }
    .check(&root, &schema, "", &root);
    check_model(&root, article, &mut problems);
    // A safety net: whatever the checks above miss, the reader must not.
    if problems.is_empty()
        && let Err(e) = yaml::from_str::<Annotation>(yaml_text)
    {
        problems.push(Problem {
            line: e.line.unwrap_or(1),
            column: e.column.unwrap_or(1),
            message: e.message,
        });
    }
    problems.sort();
    problems.dedup();
    problems
}

/// The problems `validate` would find in a review block, each as
/// `field: what is wrong`: so that a review is checked before it is
/// written, by the same schema that checks the file afterwards.
pub fn check_review(review: &crate::model::Review) -> Vec<String> {
    let problem = |message: String| vec![message];
    let yaml_text = match yaml::to_string(review) {
        Ok(t) => t,
        Err(e) => return problem(format!("the review cannot be written: {e}")),
    };
    let root = match yaml::parse_located(&yaml_text) {
        Ok(root) => root,
        Err(e) => return problem(format!("the review cannot be read back: {}", e.message)),
    };
    let schema: Json = match serde_json::from_str(SCHEMA) {
        Ok(s) => s,
        Err(e) => return problem(format!("built-in schema unreadable: {e}")),
    };
    let mut problems = Vec::new();
    SchemaCheck {
        defs: &schema["$defs"],
        out: &mut problems,
    }
    .check(&root, &schema["$defs"]["review"], "", &root);
    problems.into_iter().map(|p| p.message).collect()
}

fn at(node: &Node, message: String) -> Problem {
    Problem {
        line: node.line,
        column: node.column,
        message,
    }
}

/// The JSON type of a YAML scalar as YAML's core schema reads it.
fn scalar_type(s: &str, quoted: bool) -> &'static str {
    if quoted {
        return "string";
    }
    match s {
        "" | "~" | "null" | "Null" | "NULL" => "null",
        "true" | "false" | "True" | "False" => "boolean",
        _ if s.parse::<i64>().is_ok() => "integer",
        _ if s.parse::<f64>().is_ok() => "number",
        _ => "string",
    }
}

fn node_type(n: &Node) -> &'static str {
    match &n.value {
        NodeValue::Map(_) => "object",
        NodeValue::Seq(_) => "array",
        NodeValue::Scalar(s, q) => scalar_type(s, *q),
    }
}

/// A JSON type as a person editing YAML would name it.
fn type_phrase(t: &str) -> &'static str {
    match t {
        "integer" => "a whole number",
        "number" => "a number",
        "string" => "text",
        "object" => "a mapping (`key: value` lines)",
        "array" => "a list",
        "boolean" => "true or false",
        _ => "null",
    }
}

/// What a node is, for "found ..." in a message.
fn found(n: &Node) -> String {
    match &n.value {
        NodeValue::Map(_) => "a mapping".into(),
        NodeValue::Seq(_) => "a list".into(),
        NodeValue::Scalar(s, true) => format!("the quoted text `{}`", short(s)),
        NodeValue::Scalar(s, false) => match scalar_type(s, false) {
            "null" => "nothing (null)".into(),
            "integer" | "number" => format!("the number `{s}`"),
            "boolean" => format!("`{s}`"),
            _ => format!("the text `{}`", short(s)),
        },
    }
}

/// A value short enough to quote in a message.
fn short(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn here(path: &str) -> &str {
    if path.is_empty() { "the file" } else { path }
}

/// The subset of JSON Schema 2020-12 that the annotation schema uses.
struct SchemaCheck<'a> {
    defs: &'a Json,
    out: &'a mut Vec<Problem>,
}

impl<'a> SchemaCheck<'a> {
    /// A schema with its `$ref` followed.
    fn resolve(&self, schema: &'a Json) -> &'a Json {
        match schema.get("$ref").and_then(Json::as_str) {
            Some(r) => self
                .defs
                .get(r.trim_start_matches("#/$defs/"))
                .unwrap_or(&Json::Null),
            None => schema,
        }
    }

    /// Check `node` against `schema`; `anchor` is where a missing field is
    /// reported: the key whose value lacks it, or the list item.
    fn check(&mut self, node: &Node, schema: &'a Json, path: &str, anchor: &Node) {
        if schema.get("$ref").is_some() {
            let def = self.resolve(schema);
            self.check(node, def, path, anchor);
        }
        let here = here(path);
        if let Some(options) = schema.get("oneOf").and_then(Json::as_array) {
            let fits = options.iter().any(|o| self.quietly_fits(node, o));
            if !fits {
                let types: Vec<&str> = options
                    .iter()
                    .filter_map(|o| self.resolve(o).get("type").and_then(Json::as_str))
                    .collect();
                // The option of the node's own shape says best what is wrong.
                match options.iter().find(|o| {
                    self.resolve(o).get("type").and_then(Json::as_str) == Some(node_type(node))
                }) {
                    Some(o) => self.check(node, o, path, anchor),
                    None => {
                        let want: Vec<&str> = types.iter().map(|t| type_phrase(t)).collect();
                        self.out.push(at(
                            node,
                            format!(
                                "{here}: expected {}, found {}",
                                want.join(" or "),
                                found(node)
                            ),
                        ));
                    }
                }
            }
        }
        let ty = node_type(node);
        if let Some(expected) = schema.get("type") {
            let allowed: Vec<&str> = match expected {
                Json::String(s) => vec![s.as_str()],
                Json::Array(a) => a.iter().filter_map(Json::as_str).collect(),
                _ => vec![],
            };
            // A plain scalar such as 2017 reads as a string where a string is due.
            let ok = allowed.iter().any(|&a| {
                a == ty
                    || (a == "number" && ty == "integer")
                    || (a == "string" && matches!(ty, "integer" | "number" | "boolean"))
            });
            if !ok {
                let want: Vec<&str> = allowed.iter().map(|t| type_phrase(t)).collect();
                let hint = match &node.value {
                    NodeValue::Scalar(s, true)
                        if allowed.contains(&"integer") && s.trim().parse::<i64>().is_ok() =>
                    {
                        "; remove the quotes"
                    }
                    NodeValue::Scalar(..) if allowed.contains(&"integer") => {
                        "; write it with the digits 0-9 only"
                    }
                    _ => "",
                };
                self.out.push(at(
                    node,
                    format!(
                        "{here}: expected {}, found {}{hint}",
                        want.join(" or "),
                        found(node)
                    ),
                ));
                return;
            }
        }
        if let Some(c) = schema.get("const").and_then(Json::as_str)
            && node.as_str() != Some(c)
        {
            self.out.push(at(
                node,
                format!("{here}: must be `{c}`, found {}", found(node)),
            ));
        }
        if let Some(values) = schema.get("enum").and_then(Json::as_array) {
            let names: Vec<&str> = values.iter().filter_map(Json::as_str).collect();
            match node.as_str() {
                Some(v) if names.contains(&v) => {}
                Some(v) => {
                    let hint = closest(v, &names)
                        .map(|k| format!("; did you mean `{k}`?"))
                        .unwrap_or_default();
                    self.out.push(at(
                        node,
                        format!(
                            "{here}: unknown value `{}`{hint} (expected one of: {})",
                            short(v),
                            names.join(", ")
                        ),
                    ));
                }
                None => self.out.push(at(
                    node,
                    format!(
                        "{here}: expected one of {}, found {}",
                        names.join(", "),
                        found(node)
                    ),
                )),
            }
        }
        match &node.value {
            NodeValue::Map(entries) => self.check_map(entries, schema, path, anchor),
            NodeValue::Seq(items) => self.check_seq(node, items, schema, path),
            NodeValue::Scalar(s, _) => self.check_scalar(node, s, schema, here),
        }
    }

    fn quietly_fits(&mut self, node: &Node, schema: &'a Json) -> bool {
        let mut scratch = Vec::new();
        SchemaCheck {
            defs: self.defs,
            out: &mut scratch,
        }
        .check(node, schema, "", node);
        scratch.is_empty()
    }

    fn check_map(&mut self, entries: &[(Node, Node)], schema: &'a Json, path: &str, anchor: &Node) {
        let props = schema.get("properties").and_then(Json::as_object);
        let closed = schema.get("additionalProperties") == Some(&Json::Bool(false));
        let known: Vec<&str> = props
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        // Required fields an unknown key is taken for a misspelling of: the
        // unknown key is the one problem, not the missing field too.
        let mut guessed = HashSet::new();
        for (k, v) in entries {
            let key = k.as_str().unwrap_or("");
            let child = join(path, key);
            if let Some(first) = seen.get(key) {
                self.out.push(at(
                    k,
                    format!(
                        "{child}: duplicate key: `{key}` is already given on line {first}; keep one of the two"
                    ),
                ));
                continue;
            }
            seen.insert(key, k.line);
            match props.and_then(|p| p.get(key)) {
                Some(sub) => self.check(v, sub, &child, k),
                None if closed => {
                    let hint = match closest(key, &known) {
                        Some(g) => {
                            guessed.insert(g);
                            format!("did you mean `{g}`?")
                        }
                        None => format!("remove it; the known fields are {}", known.join(", ")),
                    };
                    self.out.push(at(
                        k,
                        format!("{}: unknown field `{}`; {hint}", here(path), short(key)),
                    ));
                }
                None => {}
            }
        }
        if let Some(req) = schema.get("required").and_then(Json::as_array) {
            for r in req.iter().filter_map(Json::as_str) {
                if seen.contains_key(r) || guessed.contains(r) {
                    continue;
                }
                let values: Vec<&str> = props
                    .and_then(|p| p.get(r))
                    .map(|s| self.resolve(s))
                    .and_then(|s| s.get("enum"))
                    .and_then(Json::as_array)
                    .map(|a| a.iter().filter_map(Json::as_str).collect())
                    .unwrap_or_default();
                let add = if values.is_empty() {
                    format!("add `{r}:`")
                } else {
                    format!("add `{r}:` with one of {}", values.join(", "))
                };
                self.out.push(at(
                    anchor,
                    format!("{}: missing required field `{r}`; {add}", here(path)),
                ));
            }
        }
    }

    fn check_seq(&mut self, node: &Node, items: &[Node], schema: &'a Json, path: &str) {
        let n = items.len() as u64;
        let min = schema.get("minItems").and_then(Json::as_u64);
        let max = schema.get("maxItems").and_then(Json::as_u64);
        if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
            let want = match (min, max) {
                (Some(a), Some(b)) if a == b => format!("exactly {a}"),
                (Some(a), Some(b)) => format!("{a} to {b}"),
                (Some(a), None) => format!("at least {a}"),
                (None, Some(b)) => format!("at most {b}"),
                (None, None) => String::new(),
            };
            self.out.push(at(
                node,
                format!("{}: has {n} items; it must have {want}", here(path)),
            ));
        }
        let prefix = schema.get("prefixItems").and_then(Json::as_array);
        for (i, item) in items.iter().enumerate() {
            let child = format!("{path}[{i}]");
            let sub = prefix
                .and_then(|p| p.get(i))
                .or_else(|| schema.get("items"));
            if let Some(sub) = sub {
                self.check(item, sub, &child, item);
            }
        }
    }

    fn check_scalar(&mut self, node: &Node, s: &str, schema: &Json, here: &str) {
        if let Some(min) = schema.get("minimum").and_then(Json::as_i64)
            && s.parse::<i64>().is_ok_and(|v| v < min)
        {
            self.out.push(at(
                node,
                format!("{here}: must be at least {min}, found {s}"),
            ));
        }
        if let Some(min) = schema.get("minLength").and_then(Json::as_u64)
            && (s.chars().count() as u64) < min
        {
            self.out
                .push(at(node, format!("{here}: must not be empty")));
        }
        if let Some(p) = schema.get("pattern").and_then(Json::as_str)
            && regex::Regex::new(p).is_ok_and(|re| !re.is_match(s))
        {
            // The schema's description says, in words, what the pattern wants.
            let want = schema
                .get("description")
                .and_then(Json::as_str)
                .map(|d| {
                    let d = d.trim_end_matches('.');
                    let mut c = d.chars();
                    c.next()
                        .map(|f| f.to_lowercase().chain(c).collect())
                        .unwrap_or_default()
                })
                .unwrap_or_else(|| format!("text matching {p}"));
            self.out
                .push(at(node, format!("{here}: `{}` is not {want}", short(s))));
        }
    }
}

/// The known name nearest to a misspelt one, if it is near enough.
fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let dist = |a: &str, b: &str| similar::TextDiff::from_chars(a, b).ratio();
    known
        .iter()
        .map(|k| (dist(key, k), *k))
        .filter(|(r, _)| *r >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// The items of a list node; nothing for anything else (the schema reports it).
fn items(node: Option<&Node>) -> &[Node] {
    match node.map(|n| &n.value) {
        Some(NodeValue::Seq(items)) => items,
        _ => &[],
    }
}

/// A field's scalar value, unless it is absent or null.
fn scalar<'n>(node: &'n Node, key: &str) -> Option<(&'n str, &'n Node)> {
    let v = node.get(key)?;
    match &v.value {
        NodeValue::Scalar(s, q) if scalar_type(s, *q) != "null" => Some((s.as_str(), v)),
        _ => None,
    }
}

/// An offset as a number; anything else is the schema's to report.
fn number(node: &Node) -> Option<usize> {
    match &node.value {
        NodeValue::Scalar(s, false) => s.parse().ok(),
        _ => None,
    }
}

fn offset<'n>(node: &'n Node, key: &str) -> Option<(usize, &'n Node)> {
    let v = node.get(key)?;
    number(v).map(|n| (n, v))
}

fn is_orphaned(claim: &Node) -> bool {
    scalar(claim, "orphaned").is_some_and(|(v, _)| v == "true")
}

/// The sections whose items have ids, and what one item is called.
const SECTIONS: [(&str, &str); 4] = [
    ("blocks", "block"),
    ("sentences", "sentence"),
    ("sources", "source"),
    ("claims", "claim"),
];

/// Checks the schema cannot express: ids, references, spans.
fn check_model(root: &Node, article: Option<&str>, out: &mut Vec<Problem>) {
    // Only sections that are lists: a missing one is the schema's to report,
    // and every reference into it would only echo that.
    let mut ids: HashMap<&str, HashMap<&str, &Node>> = HashMap::new();
    for (section, what) in SECTIONS {
        if !matches!(root.get(section).map(|n| &n.value), Some(NodeValue::Seq(_))) {
            continue;
        }
        let known = ids.entry(section).or_default();
        for (i, item) in items(root.get(section)).iter().enumerate() {
            let Some((id, node)) = scalar(item, "id") else {
                continue;
            };
            match known.get(id) {
                Some(first) => out.push(at(
                    node,
                    format!(
                        "{section}[{i}].id: duplicate id `{}`: the {what} on line {} has it too; give each {what} its own id",
                        short(id),
                        first.line
                    ),
                )),
                None => {
                    known.insert(id, item);
                }
            }
        }
    }
    let dangling = |section: &str, what: &str, node: Option<(&str, &Node)>, path: String| {
        let (id, node) = node?;
        let known = ids.get(section)?;
        if known.contains_key(id) {
            return None;
        }
        let mut names: Vec<&str> = known.keys().copied().collect();
        names.sort_by_key(|n| natural(n));
        let list = if names.len() > 8 {
            format!("{}, …", names[..8].join(", "))
        } else {
            names.join(", ")
        };
        let hint = if names.is_empty() {
            format!("add the {what} to `{section}`")
        } else {
            format!("use one of {list}, or add the {what} to `{section}`")
        };
        Some(at(
            node,
            format!("{path}: no {what} has the id `{}`; {hint}", short(id)),
        ))
    };
    if let Some(doc) = root.get("document") {
        out.extend(dangling(
            "sources",
            "source",
            scalar(doc, "publisher_ref"),
            "document.publisher_ref".into(),
        ));
    }
    for (i, s) in items(root.get("sentences")).iter().enumerate() {
        out.extend(dangling(
            "blocks",
            "block",
            scalar(s, "block"),
            format!("sentences[{i}].block"),
        ));
    }
    for (i, c) in items(root.get("claims")).iter().enumerate() {
        // An orphaned claim's sentence belongs to the article as it was.
        if !is_orphaned(c) {
            out.extend(dangling(
                "sentences",
                "sentence",
                scalar(c, "sentence"),
                format!("claims[{i}].sentence"),
            ));
        }
        for (j, l) in items(c.get("chain")).iter().enumerate() {
            out.extend(dangling(
                "sources",
                "source",
                scalar(l, "ref"),
                format!("claims[{i}].chain[{j}].ref"),
            ));
        }
        // Re-annotation finds a reviewed claim again by its selector.
        if let Some(sel) = c.get("selector")
            && let Some((exact, node)) = scalar(sel, "exact")
            && let Some((text, _)) = scalar(c, "text")
            && exact != text
        {
            out.push(at(
                node,
                format!(
                    "claims[{i}].selector.exact: `{}` is not the claim's text `{}`; copy the claim's text here",
                    short(exact),
                    short(text)
                ),
            ));
        }
    }
    if let Some(article) = article {
        Spans::new(article, out).check(root);
    }
}

/// Ids such as s2 and s10 in the order people count them.
fn natural(id: &str) -> (String, usize) {
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (head, tail) = id.split_at(id.len() - digits);
    (head.to_string(), tail.parse().unwrap_or(0))
}

/// Span checks against the article text.
struct Spans<'a> {
    text: Text<'a>,
    /// The article's lines as code-point spans: what blocks are.
    lines: Vec<(usize, usize)>,
    out: &'a mut Vec<Problem>,
}

/// One end of a span: its value, its node and its path, for messages.
type End<'n> = (usize, &'n Node, String);

impl<'a> Spans<'a> {
    fn new(article: &'a str, out: &'a mut Vec<Problem>) -> Self {
        let text = Text::new(article);
        let lines = crate::segment::lines(article)
            .into_iter()
            .map(|(s, e)| (text.char_at(s), text.char_at(e)))
            .collect();
        Spans { text, lines, out }
    }

    fn check(&mut self, root: &Node) {
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

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "format: isnad/annotation/1
document:
  id: a
  sha256: 52a6eeada798dbcd93d59b65db57de0e7b218a91e31f021e41923d567f8d0c79
  length: 10
  title: null
  publisher: null
blocks:
- id: b1
  kind: body
  start: 0
  end: 10
sentences:
- id: s1
  block: b1
  start: 0
  end: 10
  text: قال الوزير
sources: []
claims: []
";

    #[test]
    fn a_good_file_has_no_problems() {
        assert_eq!(check(GOOD, Some("قال الوزير")), vec![]);
    }

    #[test]
    fn each_problem_points_at_its_line() {
        let bad = GOOD
            .replace("kind: body", "kind: bodi")
            .replace("  end: 10\nsentences", "  ned: 9\nsentences")
            .replace("block: b1", "block: b7");
        let p = check(&bad, None);
        let lines: Vec<(usize, &str)> = p.iter().map(|p| (p.line, p.message.as_str())).collect();
        assert!(
            lines.iter().any(|(l, m)| *l == 10 && m.contains("`bodi`")),
            "{p:?}"
        );
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == 12 && m.contains("did you mean `end`?")),
            "{p:?}"
        );
        // The dangling block id is found with or without schema problems.
        assert!(
            lines.iter().any(|(l, m)| *l == 15 && m.contains("`b7`")),
            "{p:?}"
        );
        let p = check(&GOOD.replace("block: b1", "block: b7"), None);
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].line, p[0].column), (15, 10));
    }

    #[test]
    fn syntax_errors_and_span_mismatches_are_located() {
        let p = check("format: [unclosed\n", None);
        assert_eq!(p.len(), 1);
        assert!(p[0].message.contains("syntax"));
        let p = check(
            &GOOD.replace("text: قال الوزير", "text: قال الوزيز"),
            Some("قال الوزير"),
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 18);
    }

    #[test]
    fn odd_yaml_is_reported_not_misread() {
        // An alias stands for its anchor's value: the key after it stays a key.
        let aliased = GOOD
            .replace(
                "  start: 0\n  end: 10\nsentences",
                "  start: &zero 0\n  end: 10\nsentences",
            )
            .replace("  block: b1\n  start: 0", "  block: b1\n  start: *zero");
        assert_eq!(check(&aliased, Some("قال الوزير")), vec![]);
        let p = check(&format!("{GOOD}---\nformat: x\n"), None);
        assert_eq!((p.len(), p[0].line), (1, 21), "{p:?}");
        assert!(p[0].message.contains("second YAML document"));
        for odd in [
            "",
            "[]",
            "just text",
            "? [a]\n: b\n",
            "format: !!str 1\n",
            "{a: *x}",
        ] {
            assert!(!check(odd, None).is_empty(), "{odd:?}");
        }
    }
}
