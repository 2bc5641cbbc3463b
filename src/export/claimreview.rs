//! schema.org ClaimReview (JSON-LD), as Google's fact-check markup and the
//! Fact Check Tools API read it.
//!
//! One file per article, `<id>.claimreview.jsonld`: a JSON array with one
//! ClaimReview per claim that has a verdict. A fact-check publisher puts the
//! reviews of one article's claims on one page, in one
//! `<script type="application/ld+json">` block (the API's "ClaimReview
//! markup page" holds the same list); an article with no verdict gets no file.
//!
//! The review's `url` (the page that publishes the fact-check) is not in the
//! annotation file; the publisher adds it when the page exists.

use serde::Serialize;

use super::{Doc, OutFile, Output, json_bytes, sorted_claims};
use crate::model::{Annotation, Claim, Review, ReviewStatus, SourceKind, Stance, Verdict};

#[derive(Serialize)]
pub struct ClaimReview {
    #[serde(rename = "@context")]
    pub context: &'static str,
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// Where the review came from: the annotation's document and claim ids.
    pub identifier: String,
    #[serde(rename = "claimReviewed")]
    pub claim_reviewed: String,
    #[serde(rename = "itemReviewed")]
    pub item_reviewed: ItemReviewed,
    #[serde(rename = "reviewRating")]
    pub review_rating: Rating,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Agent>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    #[serde(rename = "inLanguage")]
    pub in_language: &'static str,
}

#[derive(Serialize)]
pub struct ItemReviewed {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Agent>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appearance: Option<Appearance>,
}

#[derive(Serialize)]
pub struct Agent {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
}

#[derive(Serialize)]
pub struct Appearance {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Agent>,
}

#[derive(Serialize)]
pub struct Rating {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(rename = "alternateName")]
    pub alternate_name: &'static str,
    #[serde(rename = "ratingValue", skip_serializing_if = "Option::is_none")]
    pub rating_value: Option<u8>,
    #[serde(rename = "bestRating", skip_serializing_if = "Option::is_none")]
    pub best_rating: Option<u8>,
    #[serde(rename = "worstRating", skip_serializing_if = "Option::is_none")]
    pub worst_rating: Option<u8>,
}

/// The verdict as a reader reads it, and its place on a 1 (false) to 5
/// (true) scale; "unverifiable" has no place on it.
pub fn verdict_name(v: Verdict) -> (&'static str, Option<u8>) {
    match v {
        Verdict::True => ("True", Some(5)),
        Verdict::MostlyTrue => ("Mostly true", Some(4)),
        Verdict::Misleading => ("Misleading", Some(2)),
        Verdict::False => ("False", Some(1)),
        Verdict::Unverifiable => ("Unverifiable", None),
        Verdict::NotChecked => ("Not checked", None),
    }
}

pub fn export(docs: &[Doc]) -> Output {
    let mut out = Output::default();
    for doc in docs {
        let reviews: Vec<ClaimReview> = sorted_claims(&doc.ann)
            .into_iter()
            .filter_map(|c| review(&doc.ann, c, &mut out.notes))
            .collect();
        if !reviews.is_empty() {
            out.files.push(OutFile {
                name: format!("{}.claimreview.jsonld", doc.ann.document.id),
                bytes: json_bytes(&reviews),
            });
        }
    }
    out
}

/// The ClaimReview of one claim, when a fact-checker has published a verdict
/// on it. "not_checked" says there is no verdict yet, and a claim the
/// reviewer rejected (not a claim, or attributed wrongly) would be published
/// with a wrong author: both are left out, the second with a note.
pub fn review(ann: &Annotation, claim: &Claim, notes: &mut Vec<String>) -> Option<ClaimReview> {
    let r: &Review = claim.review.as_ref()?;
    let verdict = r.verdict.filter(|v| *v != Verdict::NotChecked)?;
    let doc = &ann.document;
    if r.status == ReviewStatus::Rejected {
        notes.push(format!(
            "{}: claim {} has a verdict but was rejected by its reviewer; no ClaimReview",
            doc.id, claim.id
        ));
        return None;
    }
    let (name, value) = verdict_name(verdict);
    let date = r.reviewed_at.as_deref().and_then(|d| {
        let day = iso_day(d);
        if day.is_none() {
            notes.push(format!(
                "{}: claim {}: reviewed_at {d:?} is not an ISO date (YYYY-MM-DD); datePublished left out",
                doc.id, claim.id
            ));
        }
        day
    });
    let publisher = doc.publisher.clone().or_else(|| doc.outlet.clone());
    Some(ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        identifier: format!("urn:isnad:{}:{}", doc.id, claim.id),
        claim_reviewed: claim_as_said(ann, claim),
        item_reviewed: ItemReviewed {
            kind: "Claim",
            author: claim_author(ann, claim),
            date_published: doc.date.as_deref().and_then(iso_day),
            appearance: doc.url.clone().map(|url| Appearance {
                kind: "CreativeWork",
                url,
                headline: doc.title.clone(),
                publisher: publisher.map(|name| Agent {
                    kind: "Organization",
                    name,
                }),
            }),
        },
        review_rating: Rating {
            kind: "Rating",
            alternate_name: name,
            rating_value: value,
            best_rating: value.map(|_| 5),
            worst_rating: value.map(|_| 1),
        },
        author: r
            .reviewer
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|name| Agent {
                kind: "Person",
                name: name.to_string(),
            }),
        date_published: date,
        in_language: "ar",
    })
}

/// What the source said, for `claimReviewed`. Most claims are the source's
/// own proposition, their text. A denied claim is not: "نفى البيت الأبيض
/// إجراء أي اتصالات" rated Misleading rates the denial, and the bare
/// proposition "إجراء أي اتصالات" under the White House's name would say
/// the opposite of what it said. So a claim whose speaker (the last link)
/// denies it is given in the article's words from the cue or the speaker,
/// whichever comes first, to the end of the claim, when they lie in the
/// claim's sentence; else as "cue speaker: claim".
pub fn claim_as_said(ann: &Annotation, claim: &Claim) -> String {
    let Some(last) = claim.chain.last() else {
        return claim.text.clone();
    };
    let Some(cue) = last.cue.as_ref().filter(|c| c.stance == Stance::Deny) else {
        return claim.text.clone();
    };
    let mut start = claim.start.min(cue.start);
    let mut end = claim.end.max(cue.end);
    if let Some(s) = &last.source {
        start = start.min(s.start);
        end = end.max(s.end);
    }
    let in_sentence = ann
        .sentences
        .iter()
        .find(|s| s.start <= start && end <= s.end)
        .and_then(|s| {
            let words = s.text_between(start, end);
            // The sentence's text is the article's: trust it only when it
            // reads the claim where the claim says it is.
            (words.chars().count() == end - start && words.contains(claim.text.as_str()))
                .then_some(words)
        });
    in_sentence.unwrap_or_else(|| match &last.source {
        Some(s) => format!("{} {}: {}", cue.text, s.text, claim.text),
        None => format!("{}: {}", cue.text, claim.text),
    })
}

/// Who first made the claim: the source at the end of the chain (the
/// outermost links only relay it). A claim with no chain is the publisher's
/// own. A last link with no name (an implicit speaker) names no author:
/// an earlier link would be a relay, not the author.
pub fn claim_author(ann: &Annotation, claim: &Claim) -> Option<Agent> {
    let Some(last) = claim.chain.last() else {
        let publisher = ann
            .document
            .publisher
            .as_ref()
            .or(ann.document.outlet.as_ref())?;
        return Some(Agent {
            kind: "Organization",
            name: publisher.clone(),
        });
    };
    let resolved = last
        .reference
        .as_deref()
        .and_then(|r| ann.sources.iter().find(|s| s.id == r));
    let (name, kind) = match (resolved, &last.source) {
        (Some(s), _) => (s.name.clone(), Some(s.kind)),
        (None, Some(span)) => (span.text.clone(), None),
        (None, None) => return None,
    };
    let kind = match kind {
        Some(
            SourceKind::Outlet | SourceKind::Official | SourceKind::Group | SourceKind::Document,
        ) => "Organization",
        // An unresolved speaker is most often a person named in passing.
        Some(SourceKind::Person | SourceKind::Anonymous) | None => "Person",
    };
    Some(Agent { kind, name })
}

/// The YYYY-MM-DD day of an ISO date or date-time.
fn iso_day(s: &str) -> Option<String> {
    let day = s.trim().get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10);
    let rest = &s.trim()[10..];
    (ok && (rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')))
        .then(|| day.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_days_are_taken_from_dates_and_date_times() {
        assert_eq!(iso_day("2026-11-25").as_deref(), Some("2026-11-25"));
        assert_eq!(
            iso_day("2026-11-25T10:00:00Z").as_deref(),
            Some("2026-11-25")
        );
        assert_eq!(iso_day("25/11/2026"), None);
        assert_eq!(iso_day("2026-11-2"), None);
        assert_eq!(iso_day("2026-11-25x"), None);
        assert_eq!(iso_day("٢٠٢٦-١١-٢٥"), None);
    }
}
