//! The schema half of validation. The located YAML tree is read as JSON the
//! way YAML's core schema types its scalars, checked by the `jsonschema`
//! crate against `schema/annotation.schema.json`, and each error is told back
//! at the line and column of its node, in words for a person editing YAML
//! rather than the crate's words for a JSON document.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use jsonschema::error::ValidationErrorKind as Kind;
use jsonschema::{ValidationError, Validator};
use serde_json::Value as Json;

use super::{Problem, at, scalar_type, short};
use crate::io::yaml::{Node, NodeValue};

const SCHEMA: &str = include_str!("../../schema/annotation.schema.json");

/// What a tree is checked as: a whole file, or one claim's review.
#[derive(Clone, Copy)]
pub(super) enum Part {
    File,
    Review,
}

struct Compiled {
    /// The schema as JSON, for what an error leaves out: the order of a
    /// `type` list, the known fields, a pattern's description.
    schema: Json,
    file: Validator,
    review: Validator,
}

/// Compiled once: a `validate` over a directory checks many files.
static COMPILED: LazyLock<Result<Compiled, String>> = LazyLock::new(|| {
    let schema: Json = serde_json::from_str(SCHEMA).map_err(|e| e.to_string())?;
    let file = jsonschema::validator_for(&schema).map_err(|e| e.to_string())?;
    // The same document with the review as its root, so that its errors
    // carry the same schema paths as in a whole file.
    let mut review = schema.clone();
    if let Json::Object(o) = &mut review {
        o.retain(|k, _| matches!(k.as_str(), "$schema" | "$id" | "$defs"));
        o.insert("$ref".into(), Json::from("#/$defs/review"));
    }
    let review = jsonschema::validator_for(&review).map_err(|e| e.to_string())?;
    Ok(Compiled {
        schema,
        file,
        review,
    })
});

/// Passes at most: a pass only retypes the plain scalars that an error
/// showed are due as another type, so two suffice for the annotation schema.
const MAX_PASSES: usize = 4;

/// Check `root` against the schema; `Err` when the built-in schema itself is
/// unusable.
pub(super) fn check(root: &Node, part: Part, out: &mut Vec<Problem>) -> Result<(), String> {
    let compiled = COMPILED.as_ref().map_err(Clone::clone)?;
    let validator = match part {
        Part::File => &compiled.file,
        Part::Review => &compiled.review,
    };
    let mut json = to_json(root, "", out);
    let mut errors = Vec::new();
    for _ in 0..MAX_PASSES {
        errors = validator
            .iter_errors(&json)
            .map(ValidationError::to_owned)
            .collect();
        let mut due = Vec::new();
        retype(&errors, root, &compiled.schema, &mut due);
        if due.is_empty() {
            break;
        }
        for (pointer, value) in due {
            if let Some(v) = json.pointer_mut(&pointer) {
                *v = value;
            }
        }
    }
    Report {
        root,
        schema: &compiled.schema,
        out,
    }
    .all(&errors);
    Ok(())
}

/// A map key as validation names it; a key that is itself a list or a
/// mapping has no name a person could type.
fn key_of(k: &Node) -> &str {
    k.as_str().unwrap_or("")
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

/// The tree as JSON. A repeated key is reported here and its second value
/// left out, as JSON cannot hold both.
fn to_json(node: &Node, path: &str, out: &mut Vec<Problem>) -> Json {
    match &node.value {
        NodeValue::Scalar(s, quoted) => scalar_json(s, *quoted),
        NodeValue::Seq(items) => Json::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, n)| to_json(n, &format!("{path}[{i}]"), out))
                .collect(),
        ),
        NodeValue::Map(entries) => {
            let mut map = serde_json::Map::new();
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for (k, v) in entries {
                let key = key_of(k);
                let child = join(path, key);
                if let Some(first) = seen.get(key) {
                    out.push(at(
                        k,
                        format!(
                            "{child}: duplicate key: `{key}` is already given on line {first}; keep one of the two"
                        ),
                    ));
                    continue;
                }
                seen.insert(key, k.line);
                map.insert(key.to_string(), to_json(v, &child, out));
            }
            Json::Object(map)
        }
    }
}

fn scalar_json(s: &str, quoted: bool) -> Json {
    match scalar_type(s, quoted) {
        "null" => Json::Null,
        // True and False are booleans to the reader only where one is due:
        // an enum such as the verdict's holds `true` but not `True`.
        "boolean" if s == "true" || s == "false" => Json::Bool(s == "true"),
        "integer" => s
            .parse::<i64>()
            .map_or_else(|_| Json::String(s.to_string()), Json::from),
        // 1.0, 1e3 or a number past i64 is no offset, though JSON Schema
        // would count 1.0 as an integer: as text it fails `integer` and is
        // what the reader makes of it where text is due.
        _ => Json::String(s.to_string()),
    }
}

/// One place in the tree: its node, the node a missing field is reported
/// at (the key whose value lacks it, or the list item), and its path as
/// messages write it (`claims[2].review`).
struct Place<'n> {
    node: &'n Node,
    anchor: &'n Node,
    path: String,
}

/// The node at a JSON pointer, walked by the tree, so that a key such as
/// `0` is taken for a key in a mapping and for an index only in a list.
fn locate<'n>(root: &'n Node, pointer: &str) -> Option<Place<'n>> {
    let mut place = Place {
        node: root,
        anchor: root,
        path: String::new(),
    };
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        match &place.node.value {
            NodeValue::Map(entries) => {
                let (k, v) = entries.iter().find(|(k, _)| key_of(k) == segment)?;
                place.path = join(&place.path, &segment);
                place.anchor = k;
                place.node = v;
            }
            NodeValue::Seq(items) => {
                let i: usize = segment.parse().ok()?;
                let item = items.get(i)?;
                place.path = format!("{}[{i}]", place.path);
                place.anchor = item;
                place.node = item;
            }
            NodeValue::Scalar(..) => return None,
        }
    }
    Some(place)
}

/// The schema object whose keyword an error names.
fn keyword_parent<'s>(schema: &'s Json, e: &ValidationError) -> &'s Json {
    let path = e.schema_path().as_str();
    let parent = path.rfind('/').map_or("", |i| &path[..i]);
    schema.pointer(parent).unwrap_or(&Json::Null)
}

/// A schema with its `$ref` followed.
fn resolve<'s>(schema: &'s Json, sub: &'s Json) -> &'s Json {
    match sub.get("$ref").and_then(Json::as_str) {
        Some(r) => schema
            .pointer(r.trim_start_matches('#'))
            .unwrap_or(&Json::Null),
        None => sub,
    }
}

/// The types a `type` keyword allows, in the schema's order.
fn allowed_types(parent: &Json) -> Vec<&str> {
    match parent.get("type") {
        Some(Json::String(s)) => vec![s.as_str()],
        Some(Json::Array(a)) => a.iter().filter_map(Json::as_str).collect(),
        _ => vec![],
    }
}

/// Plain scalars that the reader takes as another type than YAML's core
/// schema gives them, by pointer, with their value as the reader reads them:
/// 2017 or true where text is due is that text, and True where a boolean is
/// due is true.
fn retype(errors: &[ValidationError], root: &Node, schema: &Json, due: &mut Vec<(String, Json)>) {
    for e in errors {
        match e.kind() {
            Kind::Type { .. } => {
                let pointer = e.instance_path().as_str();
                let Some(Place {
                    node:
                        Node {
                            value: NodeValue::Scalar(s, false),
                            ..
                        },
                    ..
                }) = locate(root, pointer)
                else {
                    continue;
                };
                let allowed = allowed_types(keyword_parent(schema, e));
                let value = match scalar_type(s, false) {
                    "integer" | "boolean" if allowed.contains(&"string") => Json::String(s.clone()),
                    "boolean" if allowed.contains(&"boolean") => Json::Bool(s == "True"),
                    _ => continue,
                };
                due.push((pointer.to_string(), value));
            }
            Kind::OneOfNotValid { context } | Kind::AnyOf { context } => {
                for option in context {
                    retype(option, root, schema, due);
                }
            }
            _ => {}
        }
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

/// The crate's errors as problems.
struct Report<'a> {
    root: &'a Node,
    schema: &'a Json,
    out: &'a mut Vec<Problem>,
}

impl<'a> Report<'a> {
    fn all(&mut self, errors: &[ValidationError]) {
        // A required field that an unknown key is taken for a misspelling of
        // is not missing too: the unknown key is the one problem.
        let mut guessed: HashSet<(String, &'a str)> = HashSet::new();
        for e in errors {
            if let Kind::AdditionalProperties { unexpected } = e.kind() {
                let known = self.known_fields(e);
                for key in unexpected {
                    if let Some(g) = closest(key, &known) {
                        guessed.insert((e.instance_path().as_str().to_string(), g));
                    }
                }
            }
        }
        for e in errors {
            self.one(e, &guessed);
        }
    }

    fn known_fields(&self, e: &ValidationError) -> Vec<&'a str> {
        let schema: &'a Json = self.schema;
        keyword_parent(schema, e)
            .get("properties")
            .and_then(Json::as_object)
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    fn one(&mut self, e: &ValidationError, guessed: &HashSet<(String, &'a str)>) {
        let pointer = e.instance_path().as_str();
        // The JSON mirrors the tree, so every error's node is found; were one
        // not, the problem is still told, at the top of the file.
        let place = locate(self.root, pointer).unwrap_or(Place {
            node: self.root,
            anchor: self.root,
            path: pointer.to_string(),
        });
        let node = place.node;
        let here = here(&place.path);
        let parent = keyword_parent(self.schema, e);
        let message = match e.kind() {
            Kind::AdditionalProperties { unexpected } => {
                let known = self.known_fields(e);
                for key in unexpected {
                    let k = match &node.value {
                        NodeValue::Map(entries) => entries
                            .iter()
                            .find(|(k, _)| key_of(k) == key)
                            .map_or(node, |(k, _)| k),
                        _ => node,
                    };
                    let hint = match closest(key, &known) {
                        Some(g) => format!("did you mean `{g}`?"),
                        None => format!("remove it; the known fields are {}", known.join(", ")),
                    };
                    self.out.push(at(
                        k,
                        format!("{here}: unknown field `{}`; {hint}", short(key)),
                    ));
                }
                return;
            }
            Kind::Required { property } => {
                let r = property.as_str().unwrap_or_default();
                if guessed.contains(&(pointer.to_string(), r)) {
                    return;
                }
                let values: Vec<&str> = parent
                    .get("properties")
                    .and_then(|p| p.get(r))
                    .map(|s| resolve(self.schema, s))
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
                    place.anchor,
                    format!("{here}: missing required field `{r}`; {add}"),
                ));
                return;
            }
            Kind::OneOfNotValid { context } => {
                // The option of the node's own shape says best what is
                // wrong; an option of another shape fails on the node itself.
                let shaped = context.iter().find(|option| {
                    !option.iter().any(|o| {
                        matches!(o.kind(), Kind::Type { .. })
                            && o.instance_path().as_str() == pointer
                    })
                });
                if let Some(option) = shaped {
                    self.all(option);
                    return;
                }
                let want: Vec<&str> = context
                    .iter()
                    .flat_map(|option| option.iter())
                    .filter(|o| matches!(o.kind(), Kind::Type { .. }))
                    .filter_map(|o| keyword_parent(self.schema, o).get("type"))
                    .filter_map(Json::as_str)
                    .map(type_phrase)
                    .collect();
                format!(
                    "{here}: expected {}, found {}",
                    want.join(" or "),
                    found(node)
                )
            }
            Kind::Type { .. } => {
                let allowed = allowed_types(parent);
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
                format!(
                    "{here}: expected {}, found {}{hint}",
                    want.join(" or "),
                    found(node)
                )
            }
            Kind::Constant { expected_value } => match expected_value.as_str() {
                Some(c) => format!("{here}: must be `{c}`, found {}", found(node)),
                None => format!("{here}: must be {expected_value}, found {}", found(node)),
            },
            Kind::Enum { options } => {
                let names: Vec<&str> = options
                    .as_array()
                    .map(|a| a.iter().filter_map(Json::as_str).collect())
                    .unwrap_or_default();
                match node.as_str() {
                    // `verdict: "true"` is the verdict true, quoted or not.
                    Some(v) if names.contains(&v) => return,
                    Some(v) => {
                        let hint = closest(v, &names)
                            .map(|k| format!("; did you mean `{k}`?"))
                            .unwrap_or_default();
                        format!(
                            "{here}: unknown value `{}`{hint} (expected one of: {})",
                            short(v),
                            names.join(", ")
                        )
                    }
                    None => format!(
                        "{here}: expected one of {}, found {}",
                        names.join(", "),
                        found(node)
                    ),
                }
            }
            Kind::MinItems { .. } | Kind::MaxItems { .. } => {
                let n = match &node.value {
                    NodeValue::Seq(items) => items.len(),
                    _ => 0,
                };
                let min = parent.get("minItems").and_then(Json::as_u64);
                let max = parent.get("maxItems").and_then(Json::as_u64);
                let want = match (min, max) {
                    (Some(a), Some(b)) if a == b => format!("exactly {a}"),
                    (Some(a), Some(b)) => format!("{a} to {b}"),
                    (Some(a), None) => format!("at least {a}"),
                    (None, Some(b)) => format!("at most {b}"),
                    (None, None) => String::new(),
                };
                format!("{here}: has {n} items; it must have {want}")
            }
            Kind::Minimum { limit } => format!(
                "{here}: must be at least {limit}, found {}",
                node.as_str().unwrap_or_default()
            ),
            Kind::MinLength { .. } => format!("{here}: must not be empty"),
            Kind::Pattern { pattern } => {
                // The schema's description says, in words, what the pattern wants.
                let want = parent
                    .get("description")
                    .and_then(Json::as_str)
                    .map(|d| {
                        let d = d.trim_end_matches('.');
                        let mut c = d.chars();
                        c.next()
                            .map(|f| f.to_lowercase().chain(c).collect())
                            .unwrap_or_default()
                    })
                    .unwrap_or_else(|| format!("text matching {pattern}"));
                format!(
                    "{here}: `{}` is not {want}",
                    short(node.as_str().unwrap_or_default())
                )
            }
            // Keywords the annotation schema does not use: the crate's words.
            _ => format!("{here}: {}", e.masked()),
        };
        self.out.push(at(node, message));
    }
}
