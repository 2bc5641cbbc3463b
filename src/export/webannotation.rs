//! W3C Web Annotation (JSON-LD): one annotation per claim, one file per
//! article, `<id>.webannotation.jsonld` (a JSON array of annotations, the
//! shape annotation clients such as RecogitoJS load and annotation servers
//! accept one by one).
//!
//! The target is the article (`document.url`, else `urn:isnad:<id>`) with two
//! selectors: a TextQuoteSelector, which finds the claim again when the page
//! text differs from the annotated text, and a TextPositionSelector in code
//! points of the annotated text, as the specification counts. An orphaned
//! claim has no position and keeps only its quote. The bodies are
//! TextualBodies: the chain described, tags for quote kind, basis, stance,
//! sources and review status, the verdict as an assessment, the reviewer's
//! note as a comment.

use serde::Serialize;

use super::claimreview::verdict_name;
use super::{Doc, OutFile, Output, json_bytes, name_of, sorted_claims};
use crate::model::{Annotation, Basis, Claim, TextQuote, Verdict};
use crate::text::Text;

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

#[derive(Serialize)]
pub struct WebAnnotation {
    #[serde(rename = "@context")]
    pub context: &'static str,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<Agent>,
    pub generator: Agent,
    pub body: Vec<Body>,
    pub target: Target,
}

#[derive(Serialize)]
pub struct Agent {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'static str>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
}

#[derive(Serialize)]
pub struct Body {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub purpose: &'static str,
    pub value: String,
    pub format: &'static str,
}

#[derive(Serialize)]
pub struct Target {
    pub source: String,
    pub selector: Vec<Selector>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
pub enum Selector {
    TextQuoteSelector {
        exact: String,
        prefix: String,
        suffix: String,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

pub fn export(docs: &[Doc]) -> Output {
    let mut out = Output::default();
    for doc in docs {
        let text = Text::new(doc.text());
        let annotations: Vec<WebAnnotation> = sorted_claims(&doc.ann)
            .into_iter()
            .map(|c| annotation(&doc.ann, &text, c))
            .collect();
        out.files.push(OutFile {
            name: format!("{}.webannotation.jsonld", doc.ann.document.id),
            bytes: json_bytes(&annotations),
        });
    }
    out
}

pub fn annotation(ann: &Annotation, text: &Text, claim: &Claim) -> WebAnnotation {
    let doc = &ann.document;
    let review = claim.review.as_ref();
    let verdict = review
        .and_then(|r| r.verdict)
        .filter(|v| *v != Verdict::NotChecked);
    WebAnnotation {
        context: CONTEXT,
        id: format!("urn:isnad:{}:{}", doc.id, claim.id),
        kind: "Annotation",
        motivation: if verdict.is_some() {
            "assessing"
        } else {
            "describing"
        },
        creator: review
            .and_then(|r| r.reviewer.as_deref())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|name| Agent {
                id: None,
                kind: "Person",
                name: name.to_string(),
            }),
        generator: Agent {
            id: Some("urn:isnad"),
            kind: "Software",
            name: format!("isnad {}", env!("CARGO_PKG_VERSION")),
        },
        body: bodies(ann, claim),
        target: Target {
            source: doc
                .url
                .clone()
                .unwrap_or_else(|| format!("urn:isnad:{}", doc.id)),
            selector: selectors(text, claim),
        },
    }
}

fn selectors(text: &Text, claim: &Claim) -> Vec<Selector> {
    let quote = |q: TextQuote| Selector::TextQuoteSelector {
        exact: q.exact,
        prefix: q.prefix,
        suffix: q.suffix,
    };
    if claim.orphaned {
        // No place in this text: the quote recorded when it had one, if any.
        let q = claim.selector.clone().unwrap_or_else(|| TextQuote {
            exact: claim.text.clone(),
            prefix: String::new(),
            suffix: String::new(),
        });
        return vec![quote(q)];
    }
    // A recorded selector whose words are not the claim's is from an older
    // text; the one computed here fits the offsets exported beside it.
    let q = claim
        .selector
        .clone()
        .filter(|s| s.exact == claim.text)
        .unwrap_or_else(|| text.quote(claim.start, claim.end));
    vec![
        quote(q),
        Selector::TextPositionSelector {
            start: claim.start,
            end: claim.end,
        },
    ]
}

fn body(purpose: &'static str, value: String) -> Body {
    Body {
        kind: "TextualBody",
        purpose,
        value,
        format: "text/plain",
    }
}

fn bodies(ann: &Annotation, claim: &Claim) -> Vec<Body> {
    let mut v = vec![body("describing", describe_chain(ann, claim))];
    v.push(body("tagging", format!("quote:{}", name_of(&claim.quote))));
    v.push(body("tagging", format!("basis:{}", name_of(&claim.basis))));
    // The stance is the original speaker's: the innermost cue's.
    if let Some(cue) = claim.chain.iter().rev().find_map(|l| l.cue.as_ref()) {
        v.push(body("tagging", format!("stance:{}", name_of(&cue.stance))));
    }
    for link in &claim.chain {
        if let Some(name) = source_name(ann, link) {
            v.push(body("tagging", format!("source:{name}")));
        }
    }
    if let Some(r) = &claim.review {
        v.push(body("tagging", format!("review:{}", name_of(&r.status))));
        // "not_checked" is the absence of a verdict, not an assessment.
        if let Some(verdict) = r.verdict.filter(|v| *v != Verdict::NotChecked) {
            v.push(body("assessing", verdict_name(verdict).0.to_string()));
        }
        if let Some(note) = r.note.as_deref().filter(|n| !n.trim().is_empty()) {
            v.push(body("commenting", note.to_string()));
        }
    }
    v
}

fn source_name(ann: &Annotation, link: &crate::model::Link) -> Option<String> {
    link.reference
        .as_deref()
        .and_then(|r| ann.sources.iter().find(|s| s.id == r))
        .map(|s| s.name.clone())
        .or_else(|| link.source.as_ref().map(|s| s.text.clone()))
}

/// The chain in one line, outermost reporter first: who, what kind, by which
/// cue, with which stance.
fn describe_chain(ann: &Annotation, claim: &Claim) -> String {
    if claim.chain.is_empty() {
        let publisher = ann
            .document
            .publisher
            .as_deref()
            .or(ann.document.outlet.as_deref());
        let who = match publisher {
            Some(p) => format!("the publisher, {p}"),
            None => "the publisher".to_string(),
        };
        return match claim.basis {
            Basis::Editorial => format!("editorial: background given by {who}"),
            _ => format!("unsourced: no source is cited; {who} stands behind it"),
        };
    }
    let links: Vec<String> = claim
        .chain
        .iter()
        .map(|l| {
            let kind = l
                .reference
                .as_deref()
                .and_then(|r| ann.sources.iter().find(|s| s.id == r))
                .map(|s| format!(" [{}]", name_of(&s.kind)))
                .unwrap_or_default();
            let who = source_name(ann, l).unwrap_or_else(|| "(implicit speaker)".to_string());
            let cue = l
                .cue
                .as_ref()
                .map(|c| format!(" via \"{}\" ({})", c.text, name_of(&c.stance)))
                .unwrap_or_default();
            format!("{who}{kind}{cue}")
        })
        .collect();
    format!("chain: {}", links.join(" > "))
}
