//! `isnad validate`: every problem of a hand-edited annotation file, each with
//! its line and column. The JSON Schema in `schema/` is the one definition of
//! the format; this module checks a file against it, then checks what a
//! schema cannot: spans against the article, ids and references.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value as Json;

use crate::model::Annotation;
use crate::text::Text;
use crate::yaml::{self, Node, NodeValue};

const SCHEMA: &str = include_str!("../schema/annotation.schema.json");

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

pub fn run(files: &[PathBuf], text: Option<&Path>) -> Result<ExitCode, String> {
    let mut bad = 0;
    for file in files {
        let problems = match std::fs::read_to_string(file) {
            Ok(yaml_text) => {
                let article = find_article(file, None, text);
                check(&yaml_text, article.as_ref().map(|(_, t)| t.as_str()))
            }
            Err(e) => vec![Problem {
                line: 1,
                column: 1,
                message: format!("cannot read the file: {e}"),
            }],
        };
        for p in &problems {
            println!("{}:{}:{}: {}", file.display(), p.line, p.column, p.message);
        }
        if problems.is_empty() {
            println!("{}: ok", file.display());
        } else {
            bad += 1;
        }
    }
    eprintln!("isnad: {} files checked, {bad} with problems", files.len());
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The article an annotation file describes: `explicit` (the article itself,
/// or a directory of articles), else a `.txt` beside the file or in
/// `corpus/seeds`. A file is looked for under the document id first, then
/// under the annotation file's own name.
pub fn find_article(
    file: &Path,
    id: Option<&str>,
    explicit: Option<&Path>,
) -> Option<(PathBuf, String)> {
    let mut names: Vec<String> = id.map(str::to_string).into_iter().collect();
    if let Some(stem) = file.file_stem().map(|s| s.to_string_lossy().into_owned())
        && !names.contains(&stem)
    {
        names.push(stem);
    }
    let dirs = match explicit {
        Some(p) if !p.is_dir() => {
            return std::fs::read_to_string(p)
                .ok()
                .map(|t| (p.to_path_buf(), t));
        }
        Some(dir) => vec![dir.to_path_buf()],
        None => vec![
            file.parent().unwrap_or(Path::new(".")).to_path_buf(),
            PathBuf::from("corpus/seeds"),
        ],
    };
    dirs.iter()
        .flat_map(|d| names.iter().map(move |n| d.join(format!("{n}.txt"))))
        .find_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
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
    .check(&root, &schema, "");
    if problems.is_empty() {
        match yaml::from_str::<Annotation>(yaml_text) {
            Ok(ann) => check_model(&ann, &root, article, &mut problems),
            Err(e) => problems.push(Problem {
                line: e.line.unwrap_or(1),
                column: e.column.unwrap_or(1),
                message: e.message,
            }),
        }
    }
    problems.sort();
    problems.dedup();
    problems
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

/// The subset of JSON Schema 2020-12 that the annotation schema uses.
struct SchemaCheck<'a> {
    defs: &'a Json,
    out: &'a mut Vec<Problem>,
}

impl SchemaCheck<'_> {
    fn check(&mut self, node: &Node, schema: &Json, path: &str) {
        if let Some(r) = schema.get("$ref").and_then(Json::as_str) {
            let name = r.trim_start_matches("#/$defs/");
            let def = self.defs.get(name).cloned().unwrap_or(Json::Null);
            self.check(node, &def, path);
        }
        let here = if path.is_empty() { "the file" } else { path };
        if let Some(options) = schema.get("oneOf").and_then(Json::as_array) {
            let fits: Vec<usize> = options
                .iter()
                .enumerate()
                .filter(|(_, o)| self.quietly_fits(node, o))
                .map(|(i, _)| i)
                .collect();
            if fits.is_empty() {
                // Report against the option of the node's own shape, if any.
                let shaped = options
                    .iter()
                    .find(|o| node_type(node) == "object" && o.get("$ref").is_some());
                match shaped {
                    Some(o) => self.check(node, o, path),
                    None => self
                        .out
                        .push(at(node, format!("{here}: has the wrong shape"))),
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
                self.out.push(at(
                    node,
                    format!("{here}: expected {}, found {ty}", allowed.join(" or ")),
                ));
                return;
            }
        }
        if let Some(c) = schema.get("const")
            && node.as_str() != c.as_str()
        {
            self.out.push(at(node, format!("{here}: must be {c}")));
        }
        if let Some(values) = schema.get("enum").and_then(Json::as_array) {
            let v = node.as_str().unwrap_or("");
            if !values.iter().any(|x| x.as_str() == Some(v)) {
                let names: Vec<&str> = values.iter().filter_map(Json::as_str).collect();
                self.out.push(at(
                    node,
                    format!(
                        "{here}: unknown value {v:?}; expected one of {}",
                        names.join(", ")
                    ),
                ));
            }
        }
        match &node.value {
            NodeValue::Map(entries) => self.check_map(node, entries, schema, path),
            NodeValue::Seq(items) => self.check_seq(node, items, schema, path),
            NodeValue::Scalar(s, _) => self.check_scalar(node, s, schema, here),
        }
    }

    fn quietly_fits(&mut self, node: &Node, schema: &Json) -> bool {
        let mut scratch = Vec::new();
        SchemaCheck {
            defs: self.defs,
            out: &mut scratch,
        }
        .check(node, schema, "");
        scratch.is_empty()
    }

    fn check_map(&mut self, node: &Node, entries: &[(Node, Node)], schema: &Json, path: &str) {
        let props = schema.get("properties").and_then(Json::as_object);
        let closed = schema.get("additionalProperties") == Some(&Json::Bool(false));
        let mut seen = HashSet::new();
        for (k, v) in entries {
            let key = k.as_str().unwrap_or("");
            let child = if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            };
            if !seen.insert(key) {
                self.out.push(at(k, format!("{child}: duplicate key")));
            }
            match props.and_then(|p| p.get(key)) {
                Some(sub) => self.check(v, sub, &child),
                None if closed => {
                    let known: Vec<&str> = props
                        .map(|p| p.keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    let hint = closest(key, &known)
                        .map(|k| format!(" (did you mean {k:?}?)"))
                        .unwrap_or_default();
                    self.out.push(at(
                        k,
                        format!(
                            "{child}: unknown field{hint}; known fields: {}",
                            known.join(", ")
                        ),
                    ));
                }
                None => {}
            }
        }
        if let Some(req) = schema.get("required").and_then(Json::as_array) {
            for r in req.iter().filter_map(Json::as_str) {
                if !seen.contains(r) {
                    let here = if path.is_empty() { "the file" } else { path };
                    self.out
                        .push(at(node, format!("{here}: missing required field {r:?}")));
                }
            }
        }
    }

    fn check_seq(&mut self, node: &Node, items: &[Node], schema: &Json, path: &str) {
        let n = items.len() as u64;
        let here = if path.is_empty() { "the file" } else { path };
        if schema
            .get("minItems")
            .and_then(Json::as_u64)
            .is_some_and(|m| n < m)
            || schema
                .get("maxItems")
                .and_then(Json::as_u64)
                .is_some_and(|m| n > m)
        {
            self.out
                .push(at(node, format!("{here}: wrong number of items ({n})")));
        }
        let prefix = schema.get("prefixItems").and_then(Json::as_array);
        for (i, item) in items.iter().enumerate() {
            let child = format!("{path}[{i}]");
            let sub = prefix
                .and_then(|p| p.get(i))
                .or_else(|| schema.get("items"));
            if let Some(sub) = sub {
                self.check(item, sub, &child);
            }
        }
    }

    fn check_scalar(&mut self, node: &Node, s: &str, schema: &Json, here: &str) {
        if let Some(min) = schema.get("minimum").and_then(Json::as_i64)
            && s.parse::<i64>().is_ok_and(|v| v < min)
        {
            self.out
                .push(at(node, format!("{here}: must be at least {min}")));
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
            self.out
                .push(at(node, format!("{here}: {s:?} does not match {p}")));
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

/// Walk to a node by keys and indices: `&["claims", "3", "text"]`.
fn node_at<'n>(root: &'n Node, path: &[&str]) -> &'n Node {
    let mut node = root;
    for step in path {
        let next = match &node.value {
            NodeValue::Map(_) => node.get(step),
            NodeValue::Seq(items) => step.parse::<usize>().ok().and_then(|i| items.get(i)),
            NodeValue::Scalar(..) => None,
        };
        match next {
            Some(n) => node = n,
            None => break,
        }
    }
    node
}

/// Checks the schema cannot express: spans, ids, references.
fn check_model(ann: &Annotation, root: &Node, article: Option<&str>, out: &mut Vec<Problem>) {
    let sections: [(&str, Vec<&str>); 4] = [
        ("blocks", ann.blocks.iter().map(|b| b.id.as_str()).collect()),
        (
            "sentences",
            ann.sentences.iter().map(|s| s.id.as_str()).collect(),
        ),
        (
            "sources",
            ann.sources.iter().map(|s| s.id.as_str()).collect(),
        ),
        ("claims", ann.claims.iter().map(|c| c.id.as_str()).collect()),
    ];
    let mut seen = HashSet::new();
    for (section, ids) in &sections {
        for (i, id) in ids.iter().enumerate() {
            if !seen.insert(*id) {
                let node = node_at(root, &[section, &i.to_string(), "id"]);
                out.push(at(node, format!("duplicate id {id:?}")));
            }
        }
    }
    let blocks: HashSet<&str> = ann.blocks.iter().map(|b| b.id.as_str()).collect();
    let sentences: HashSet<&str> = ann.sentences.iter().map(|s| s.id.as_str()).collect();
    let sources: HashSet<&str> = ann.sources.iter().map(|s| s.id.as_str()).collect();
    let dangling =
        |set: &HashSet<&str>, id: &str, what: &str, path: &[&str], out: &mut Vec<Problem>| {
            if !set.contains(id) {
                out.push(at(
                    node_at(root, path),
                    format!("{id:?} names no {what}; fix the reference or add the {what}"),
                ));
            }
        };
    if let Some(r) = &ann.document.publisher_ref {
        dangling(&sources, r, "source", &["document", "publisher_ref"], out);
    }
    for (i, s) in ann.sentences.iter().enumerate() {
        dangling(
            &blocks,
            &s.block,
            "block",
            &["sentences", &i.to_string(), "block"],
            out,
        );
    }
    for (i, c) in ann.claims.iter().enumerate() {
        let ci = i.to_string();
        dangling(
            &sentences,
            &c.sentence,
            "sentence",
            &["claims", &ci, "sentence"],
            out,
        );
        for (j, l) in c.chain.iter().enumerate() {
            if let Some(r) = &l.reference {
                dangling(
                    &sources,
                    r,
                    "source",
                    &["claims", &ci, "chain", &j.to_string(), "ref"],
                    out,
                );
            }
        }
    }
    if let Some(article) = article {
        check_spans(ann, root, article, out);
    }
}

fn check_spans(ann: &Annotation, root: &Node, article: &str, out: &mut Vec<Problem>) {
    let text = Text::new(article);
    if ann.document.length != text.len_chars() {
        out.push(at(
            node_at(root, &["document", "length"]),
            format!(
                "the article has {} code points, not {}: is this the right text, or did it change? re-run isnad annotate",
                text.len_chars(),
                ann.document.length
            ),
        ));
        return;
    }
    let mut span = |start: usize, end: usize, expected: Option<&str>, path: &[&str]| {
        let problem = match (text.slice_chars(start, end), expected) {
            (None, _) => Some(format!("span [{start}, {end}) lies outside the article")),
            (Some(real), Some(exp)) if real != exp => Some(format!(
                "text does not match the article at [{start}, {end}): the article has {real:?}"
            )),
            _ => None,
        };
        if let Some(m) = problem {
            out.push(at(node_at(root, path), m));
        }
    };
    for (i, b) in ann.blocks.iter().enumerate() {
        span(b.start, b.end, None, &["blocks", &i.to_string(), "start"]);
    }
    for (i, s) in ann.sentences.iter().enumerate() {
        span(
            s.start,
            s.end,
            Some(&s.text),
            &["sentences", &i.to_string(), "text"],
        );
    }
    for (i, s) in ann.sources.iter().enumerate() {
        for (j, m) in s.mentions.iter().enumerate() {
            span(
                m[0],
                m[1],
                None,
                &["sources", &i.to_string(), "mentions", &j.to_string()],
            );
        }
    }
    for (i, c) in ann.claims.iter().enumerate() {
        let ci = i.to_string();
        span(c.start, c.end, Some(&c.text), &["claims", &ci, "text"]);
        for (j, l) in c.chain.iter().enumerate() {
            let lj = j.to_string();
            if let Some(cue) = &l.cue {
                span(
                    cue.start,
                    cue.end,
                    Some(&cue.text),
                    &["claims", &ci, "chain", &lj, "cue", "text"],
                );
            }
            if let Some(s) = &l.source {
                span(
                    s.start,
                    s.end,
                    Some(&s.text),
                    &["claims", &ci, "chain", &lj, "source", "text"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "format: isnad/annotation/1
document:
  id: a
  sha256: 0000000000000000000000000000000000000000000000000000000000000000
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
            lines
                .iter()
                .any(|(l, m)| *l == 10 && m.contains("\"bodi\"")),
            "{p:?}"
        );
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == 12 && m.contains("did you mean \"end\"")),
            "{p:?}"
        );
        // The dangling block id is found once the schema is satisfied.
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
}
