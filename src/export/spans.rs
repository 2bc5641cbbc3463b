//! The standoff view of one annotation that brat and Label Studio share:
//! typed spans (cue, source, claim) with attributes, and the relations
//! between them. A cue or source span that several claims share is one
//! span, so that a tool shows it once.

use std::collections::BTreeMap;

use crate::model::{Annotation, Link};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Cue,
    Source,
    Claim,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Cue, Kind::Source, Kind::Claim];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Cue => "Cue",
            Kind::Source => "Source",
            Kind::Claim => "Claim",
        }
    }
}

/// Relation types. `Speaker` is not named `Source` like the span type:
/// INCEpTION turns brat types into layers, and a span and a relation layer
/// of one name collide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RelKind {
    /// A cue and the source it names.
    Speaker,
    /// A cue (or, with no cue, its source) and the claim it reports.
    Content,
    /// One link's source and the next link's: who cites whom, outermost first.
    Cites,
}

impl RelKind {
    pub const ALL: [RelKind; 3] = [RelKind::Speaker, RelKind::Content, RelKind::Cites];

    pub fn label(self) -> &'static str {
        match self {
            RelKind::Speaker => "Speaker",
            RelKind::Content => "Content",
            RelKind::Cites => "Cites",
        }
    }

    /// The kinds of span each end may be.
    pub fn args(self) -> (&'static [Kind], &'static [Kind]) {
        match self {
            RelKind::Speaker => (&[Kind::Cue], &[Kind::Source]),
            RelKind::Content => (&[Kind::Cue, Kind::Source], &[Kind::Claim]),
            RelKind::Cites => (&[Kind::Source], &[Kind::Source]),
        }
    }
}

/// Attributes: name, the span kind it belongs to, and its values.
pub const ATTRIBUTES: &[(&str, Kind, &[&str])] = &[
    (
        "Stance",
        Kind::Cue,
        &["assert", "deny", "allege", "admit", "no_comment"],
    ),
    (
        "CueKind",
        Kind::Cue,
        &[
            "verb",
            "preposition",
            "participle",
            "nominal",
            "colon",
            "no_comment",
            "addressee",
        ],
    ),
    (
        "SourceKind",
        Kind::Source,
        &[
            "outlet",
            "person",
            "official",
            "anonymous",
            "group",
            "document",
        ],
    ),
    ("Quote", Kind::Claim, &["direct", "indirect", "mixed"]),
    (
        "Basis",
        Kind::Claim,
        &["attributed", "editorial", "unsourced"],
    ),
    ("Review", Kind::Claim, &crate::model::REVIEW_STATUSES),
    ("Verdict", Kind::Claim, &crate::model::VERDICTS),
];

#[derive(Debug, Clone)]
pub struct Span {
    pub kind: Kind,
    /// Code points over the original text, half-open.
    pub start: usize,
    pub end: usize,
    /// Attribute name to value; the first claim that sets one wins.
    pub attrs: BTreeMap<&'static str, String>,
    /// What the span stands for in the annotation file (claim id, source id
    /// and name), for a person to find it there again.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Relation {
    pub kind: RelKind,
    pub from: usize,
    pub to: usize,
}

#[derive(Debug, Default)]
pub struct Graph {
    /// In text order: start, end, kind.
    pub spans: Vec<Span>,
    /// Sorted, no duplicates; `from` and `to` index `spans`.
    pub relations: Vec<Relation>,
}

/// The standoff graph of one annotation. Orphaned claims have no place in the
/// text and are left out (with a note); empty spans mark nothing and are
/// skipped.
pub fn graph(ann: &Annotation, notes: &mut Vec<String>) -> Graph {
    let mut builder = Builder::default();
    for claim in super::sorted_claims(ann) {
        if claim.orphaned {
            notes.push(format!(
                "{}: claim {} is orphaned (not found in the article) and is left out",
                ann.document.id, claim.id
            ));
            continue;
        }
        let claim_span = builder.claim(claim.start, claim.end, &claim.id);
        if let Some(i) = claim_span {
            let a = &mut builder.spans[i].attrs;
            a.insert("Quote", super::name_of(&claim.quote));
            a.insert("Basis", super::name_of(&claim.basis));
            if let Some(r) = &claim.review {
                a.insert("Review", super::name_of(&r.status));
                if let Some(v) = &r.verdict {
                    a.insert("Verdict", super::name_of(v));
                }
            }
        }
        let mut previous_source = None;
        for link in &claim.chain {
            let (cue, source) = builder.link(ann, link);
            if let (Some(c), Some(s)) = (cue, source) {
                builder.relate(RelKind::Speaker, c, s);
            }
            if let (Some(reporter), Some(claim)) = (cue.or(source), claim_span) {
                builder.relate(RelKind::Content, reporter, claim);
            }
            if let (Some(outer), Some(inner)) = (previous_source, source) {
                builder.relate(RelKind::Cites, outer, inner);
            }
            previous_source = source.or(previous_source);
        }
    }
    builder.finish()
}

#[derive(Default)]
struct Builder {
    spans: Vec<Span>,
    /// Cue and source spans by place, so that a shared span is one span.
    shared: BTreeMap<(Kind, usize, usize), usize>,
    relations: Vec<Relation>,
}

impl Builder {
    fn add(&mut self, kind: Kind, start: usize, end: usize, note: Option<String>) -> Option<usize> {
        if start >= end {
            return None;
        }
        if kind != Kind::Claim
            && let Some(&i) = self.shared.get(&(kind, start, end))
        {
            return Some(i);
        }
        self.spans.push(Span {
            kind,
            start,
            end,
            attrs: BTreeMap::new(),
            note,
        });
        let i = self.spans.len() - 1;
        if kind != Kind::Claim {
            self.shared.insert((kind, start, end), i);
        }
        Some(i)
    }

    fn claim(&mut self, start: usize, end: usize, id: &str) -> Option<usize> {
        self.add(Kind::Claim, start, end, Some(id.to_string()))
    }

    fn link(&mut self, ann: &Annotation, link: &Link) -> (Option<usize>, Option<usize>) {
        let cue = link.cue.as_ref().and_then(|c| {
            let i = self.add(Kind::Cue, c.start, c.end, None)?;
            let a = &mut self.spans[i].attrs;
            a.entry("Stance")
                .or_insert_with(|| super::name_of(&c.stance));
            a.entry("CueKind")
                .or_insert_with(|| super::name_of(&c.kind));
            Some(i)
        });
        let resolved = link
            .reference
            .as_deref()
            .and_then(|r| ann.sources.iter().find(|s| s.id == r));
        let source = link.source.as_ref().and_then(|s| {
            let note = resolved.map(|r| format!("{} {}", r.id, r.name));
            let i = self.add(Kind::Source, s.start, s.end, note)?;
            if let Some(r) = resolved {
                self.spans[i]
                    .attrs
                    .entry("SourceKind")
                    .or_insert_with(|| super::name_of(&r.kind));
            }
            Some(i)
        });
        (cue, source)
    }

    fn relate(&mut self, kind: RelKind, from: usize, to: usize) {
        if from != to {
            self.relations.push(Relation { kind, from, to });
        }
    }

    /// Spans in text order, relations renumbered and sorted.
    fn finish(self) -> Graph {
        let mut order: Vec<usize> = (0..self.spans.len()).collect();
        order.sort_by_key(|&i| {
            let s = &self.spans[i];
            (s.start, s.end, s.kind, s.note.clone())
        });
        let mut new_index = vec![0; self.spans.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut relations: Vec<Relation> = self
            .relations
            .into_iter()
            .map(|r| Relation {
                kind: r.kind,
                from: new_index[r.from],
                to: new_index[r.to],
            })
            .collect();
        relations.sort();
        relations.dedup();
        let mut spans: Vec<Option<Span>> = self.spans.into_iter().map(Some).collect();
        let spans = order.iter().filter_map(|&i| spans[i].take()).collect();
        Graph { spans, relations }
    }
}
