//! What a schema cannot say about a file: that ids are unique and that every
//! reference names an item that exists.

use std::collections::HashMap;

use super::{Problem, at, scalar_type, short};
use crate::io::yaml::{Node, NodeValue};

/// The items of a list node; nothing for anything else (the schema reports it).
pub(super) fn items(node: Option<&Node>) -> &[Node] {
    match node.map(|n| &n.value) {
        Some(NodeValue::Seq(items)) => items,
        _ => &[],
    }
}

/// A field's scalar value, unless it is absent or null.
pub(super) fn scalar<'n>(node: &'n Node, key: &str) -> Option<(&'n str, &'n Node)> {
    let v = node.get(key)?;
    match &v.value {
        NodeValue::Scalar(s, q) if scalar_type(s, *q) != "null" => Some((s.as_str(), v)),
        _ => None,
    }
}

/// An offset as a number; anything else is the schema's to report.
pub(super) fn number(node: &Node) -> Option<usize> {
    match &node.value {
        NodeValue::Scalar(s, false) => s.parse().ok(),
        _ => None,
    }
}

pub(super) fn offset<'n>(node: &'n Node, key: &str) -> Option<(usize, &'n Node)> {
    let v = node.get(key)?;
    number(v).map(|n| (n, v))
}

pub(super) fn is_orphaned(claim: &Node) -> bool {
    scalar(claim, "orphaned").is_some_and(|(v, _)| v == "true")
}

/// The sections whose items have ids, and what one item is called.
const SECTIONS: [(&str, &str); 4] = [
    ("blocks", "block"),
    ("sentences", "sentence"),
    ("sources", "source"),
    ("claims", "claim"),
];

/// Ids and references, which a schema cannot express.
pub(super) fn check_model(root: &Node, out: &mut Vec<Problem>) {
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
}

/// Ids such as s2 and s10 in the order people count them.
pub(super) fn natural(id: &str) -> (String, usize) {
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (head, tail) = id.split_at(id.len() - digits);
    (head.to_string(), tail.parse().unwrap_or(0))
}
