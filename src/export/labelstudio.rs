//! Label Studio: `labelstudio.json`, a JSON array of tasks (one per article)
//! with isnad's spans as predictions for annotators to correct, and
//! `labelstudio.xml`, the labeling config that shows them.
//!
//! Label Studio counts text offsets in UTF-16 code units, as JavaScript
//! strings do: an emoji (outside the Basic Multilingual Plane) is two units
//! but one code point, so every offset is converted, not copied.

use std::fmt::Write as _;

use serde::Serialize;

use super::spans::{self, ATTRIBUTES, Kind, RelKind};
use super::{Doc, OutFile, Output, json_bytes};

#[derive(Serialize)]
pub struct Task {
    pub data: Data,
    pub predictions: Vec<Prediction>,
}

#[derive(Serialize)]
pub struct Data {
    pub text: String,
    pub document: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Serialize)]
pub struct Prediction {
    pub model_version: String,
    pub result: Vec<ResultItem>,
}

#[derive(Serialize)]
#[serde(untagged)]
pub enum ResultItem {
    Region {
        id: String,
        from_name: String,
        to_name: &'static str,
        #[serde(rename = "type")]
        kind: &'static str,
        value: Value,
    },
    Relation {
        from_id: String,
        to_id: String,
        #[serde(rename = "type")]
        kind: &'static str,
        direction: &'static str,
        labels: Vec<&'static str>,
    },
}

#[derive(Serialize)]
pub struct Value {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<String>>,
}

/// The `<Labels>` tag and the `<Text>` tag of the config.
const LABELS: &str = "label";
const TEXT: &str = "text";

/// The per-region `<Choices>` name of an attribute (`CueKind` → `cue_kind`).
fn choices_name(attr: &str) -> String {
    let mut s = String::new();
    for (i, c) in attr.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            s.push('_');
        }
        s.push(c.to_ascii_lowercase());
    }
    s
}

pub fn export(docs: &[Doc]) -> Output {
    let mut out = Output::default();
    if docs.is_empty() {
        return out;
    }
    let tasks: Vec<Task> = docs.iter().map(|d| task(d, &mut out.notes)).collect();
    out.files.push(OutFile {
        name: "labelstudio.json".into(),
        bytes: json_bytes(&tasks),
    });
    out.files.push(OutFile {
        name: "labelstudio.xml".into(),
        bytes: config().into_bytes(),
    });
    out
}

/// The UTF-16 offset of every code-point offset of `text`, its end included.
pub fn utf16_offsets(text: &str) -> Vec<usize> {
    let mut v = Vec::with_capacity(text.len() + 1);
    let mut units = 0;
    for c in text.chars() {
        v.push(units);
        units += c.len_utf16();
    }
    v.push(units);
    v
}

pub fn task(doc: &Doc, notes: &mut Vec<String>) -> Task {
    let raw = doc.text();
    let text = crate::text::Text::new(raw);
    let u16 = utf16_offsets(raw);
    let at = |cp: usize| u16.get(cp).copied().unwrap_or(u16.len().saturating_sub(1));
    let graph = spans::graph(&doc.ann, notes);
    let id = |i: usize| format!("T{}", i + 1);
    let mut result = Vec::new();
    for (i, span) in graph.spans.iter().enumerate() {
        let value = |labels, choices| Value {
            start: at(span.start),
            end: at(span.end),
            text: text
                .slice_chars(span.start, span.end)
                .unwrap_or_default()
                .to_string(),
            labels,
            choices,
        };
        result.push(ResultItem::Region {
            id: id(i),
            from_name: LABELS.to_string(),
            to_name: TEXT,
            kind: "labels",
            value: value(Some(vec![span.kind.label()]), None),
        });
        // A per-region choice is a result of its own with the region's id.
        for (name, v) in &span.attrs {
            result.push(ResultItem::Region {
                id: id(i),
                from_name: choices_name(name),
                to_name: TEXT,
                kind: "choices",
                value: value(None, Some(vec![v.clone()])),
            });
        }
    }
    for r in &graph.relations {
        result.push(ResultItem::Relation {
            from_id: id(r.from),
            to_id: id(r.to),
            kind: "relation",
            direction: "right",
            labels: vec![r.kind.label()],
        });
    }
    let d = &doc.ann.document;
    Task {
        data: Data {
            text: raw.to_string(),
            document: d.id.clone(),
            title: d.title.clone(),
            url: d.url.clone(),
        },
        predictions: vec![Prediction {
            model_version: format!("isnad {}", env!("CARGO_PKG_VERSION")),
            result,
        }],
    }
}

/// The labeling config: the three span labels, the relation labels, the
/// text right to left, and one per-region choice list for each attribute,
/// shown when a region of its kind is selected.
pub fn config() -> String {
    let mut s = format!("<View>\n  <Labels name=\"{LABELS}\" toName=\"{TEXT}\">\n");
    for (k, colour) in Kind::ALL.iter().zip(["#f4a261", "#2a9d8f", "#8ab17d"]) {
        let _ = writeln!(
            s,
            "    <Label value=\"{}\" background=\"{colour}\"/>",
            k.label()
        );
    }
    s.push_str("  </Labels>\n  <Relations>\n");
    for r in RelKind::ALL {
        let _ = writeln!(s, "    <Relation value=\"{}\"/>", r.label());
    }
    s.push_str("  </Relations>\n");
    s.push_str("  <View style=\"direction: rtl; text-align: right\">\n");
    let _ = writeln!(
        s,
        "    <Text name=\"{TEXT}\" value=\"${TEXT}\"/>\n  </View>"
    );
    for (name, kind, values) in ATTRIBUTES {
        let _ = writeln!(
            s,
            "  <View visibleWhen=\"region-selected\" whenTagName=\"{LABELS}\" whenLabelValue=\"{}\">",
            kind.label()
        );
        let _ = writeln!(s, "    <Header value=\"{name}\" size=\"6\"/>");
        let _ = writeln!(
            s,
            "    <Choices name=\"{}\" toName=\"{TEXT}\" perRegion=\"true\" showInline=\"true\">",
            choices_name(name)
        );
        for v in *values {
            let _ = writeln!(s, "      <Choice value=\"{v}\"/>");
        }
        s.push_str("    </Choices>\n  </View>\n");
    }
    s.push_str("</View>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_utf16_units() {
        assert_eq!(utf16_offsets("a😀ب"), vec![0, 1, 3, 4]);
    }

    #[test]
    fn choice_names_are_snake_case() {
        assert_eq!(choices_name("CueKind"), "cue_kind");
        assert_eq!(choices_name("Stance"), "stance");
    }
}
