//! The article page: the text with every claim, cue and source marked,
//! and per claim its chain, its relations in the comparison and the review
//! form.

use std::path::Path;

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};
use serde::Deserialize;

use super::desk::Desk;
use super::labels::*;
use super::pages::{claim_url, enc, error, layout};
use super::{AppState, valid_id};
use crate::io::{input::sha256_hex, store};
use crate::model::{Annotation, Claim, Review, ReviewStatus, SourceKind};

#[derive(Deserialize, Default)]
pub struct ArticleQuery {
    claim: Option<String>,
    saved: Option<String>,
}

/// The annotation of a document id from the URL: looked up among the files
/// the desk read, never taken as a path.
pub fn lookup(desk: &Desk, id: &str) -> Result<(usize, std::path::PathBuf), Response> {
    if !valid_id(id) {
        return Err(error(
            StatusCode::BAD_REQUEST,
            "معرّف مقال غير صالح.",
            "Not a document id: ids are letters, digits, '-', '_' and '.', never a path.",
        ));
    }
    match desk.by_id.get(id) {
        Some(&i) => Ok((i, desk.docs[i].file.clone())),
        None => Err(error(
            StatusCode::NOT_FOUND,
            "لا مقال بهذا المعرّف في المجلد.",
            "No article of that id in the folder.",
        )),
    }
}

pub async fn article(
    State(state): State<AppState>,
    UrlPath(id): UrlPath<String>,
    Query(q): Query<ArticleQuery>,
) -> Response {
    let (doc, file) = match lookup(&state.read(), &id) {
        Ok(x) => x,
        Err(r) => return r,
    };
    // Always the file as it is now: another checker, or `review set`, may
    // have written it since the desk was read.
    let read = tokio::task::spawn_blocking(move || {
        let ann = store::load(&file)?;
        let text = article_chars(&file, &ann);
        Ok::<_, store::StoreError>((ann, text))
    })
    .await;
    let (ann, text) = match read {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "تعذّرت قراءة ملف التوصيف.",
                &e.to_string(),
            );
        }
        Err(e) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "تعذّرت قراءة ملف التوصيف.",
                &e.to_string(),
            );
        }
    };
    state.write().refresh(doc, &ann);
    let desk = state.read();
    let selected = q
        .claim
        .as_deref()
        .filter(|c| ann.claims.iter().any(|x| x.id == *c))
        .or(ann.claims.first().map(|c| c.id.as_str()));
    let body = html! {
        h1.title { (ann.document.title.as_deref().unwrap_or(&ann.document.id)) }
        p.meta {
            "المعرّف: " bdi { (ann.document.id) }
            @if let Some(p) = &ann.document.publisher { " — الناشر: " bdi { (p) } }
            @if let Some(o) = &ann.document.outlet { " — " bdi { (o) } }
            @if let Some(d) = &ann.document.date { " — " bdi { (d) } }
            " — الادعاءات: " bdi { (ann.claims.len()) }
        }
        @if q.saved.is_some() { p.flash role="status" { "حُفظت المراجعة في الملف." } }
        div.reading {
            article.text id="text" { (marked_text(&ann, &text, selected)) }
            aside.panels {
                @if ann.claims.is_empty() { p.muted { "لا ادعاءات في هذا المقال." } }
                @for c in &ann.claims {
                    (claim_panel(&desk, &ann, c, Some(c.id.as_str()) == selected, &state.token))
                }
            }
        }
    };
    layout(
        ann.document.title.as_deref().unwrap_or(&ann.document.id),
        &state.token,
        "article",
        body,
    )
}

/// The article's text by code point: the article itself when the store
/// finds it and it is the one annotated (its SHA-256 is the file's), else
/// what the annotation's sentences hold, with gaps where it holds nothing
/// (datelines, signatures: a corpus article has no file to read).
fn article_chars(file: &Path, ann: &Annotation) -> Vec<Option<char>> {
    let id = Some(ann.document.id.as_str()).filter(|id| valid_id(id));
    if let Some((_, text)) = store::find_article(file, id, None)
        && sha256_hex(text.as_bytes()) == ann.document.sha256
    {
        return text.chars().map(Some).collect();
    }
    let mut chars: Vec<Option<char>> = vec![None; ann.document.length];
    for s in &ann.sentences {
        for (i, ch) in s.text.chars().enumerate() {
            if let Some(slot) = chars.get_mut(s.start + i) {
                *slot = Some(ch);
            }
        }
    }
    chars
}

/// What each code point of the text belongs to.
#[derive(Clone, Copy, PartialEq, Default)]
struct Mark {
    /// The claim (index) whose text, cue or source this is.
    owner: Option<usize>,
    claim: bool,
    cue: bool,
    source: bool,
}

/// The text by blocks, each claim a link to its panel, cues and sources marked.
fn marked_text(ann: &Annotation, text: &[Option<char>], selected: Option<&str>) -> Markup {
    let n = text.len();
    let mut marks = vec![Mark::default(); n];
    let mut set = |start: usize, end: usize, ci: usize, f: &dyn Fn(&mut Mark)| {
        for m in marks.iter_mut().take(end.min(n)).skip(start) {
            if m.owner.is_none() || m.owner == Some(ci) {
                m.owner = Some(ci);
                f(m);
            }
        }
    };
    for (ci, c) in ann.claims.iter().enumerate().filter(|(_, c)| !c.orphaned) {
        set(c.start, c.end, ci, &|m| m.claim = true);
        for l in &c.chain {
            if let Some(q) = &l.cue {
                set(q.start, q.end, ci, &|m| m.cue = true);
            }
            if let Some(s) = &l.source {
                set(s.start, s.end, ci, &|m| m.source = true);
            }
        }
    }
    let blocks: Vec<(usize, usize, &str)> = if ann.blocks.is_empty() {
        vec![(0, n, "body")]
    } else {
        ann.blocks
            .iter()
            .map(|b| {
                (
                    b.start.min(n),
                    b.end.min(n),
                    if b.kind == crate::model::BlockKind::Headline {
                        "headline"
                    } else {
                        "body"
                    },
                )
            })
            .collect()
    };
    html! {
        @for (start, end, kind) in blocks {
            @let runs = runs(&marks, text, start, end);
            @if !runs.is_empty() {
                p class=(kind) {
                    @for (m, s) in runs {
                        @if let Some(ci) = m.owner {
                            @let c = &ann.claims[ci];
                            a class=(seg_class(&m, c, selected))
                                href=(format!("?claim={}#p-{}", enc(&c.id), enc(&c.id))) data-c=(c.id) { (s) }
                        } @else {
                            (s)
                        }
                    }
                }
            }
        }
    }
}

/// The classes of a stretch of text: what it is, whose, and that claim's status.
fn seg_class(m: &Mark, c: &Claim, selected: Option<&str>) -> String {
    let mut class = String::from("seg");
    for (on, name) in [
        (m.claim, " claim"),
        (m.cue, " cue"),
        (m.source, " src"),
        (selected == Some(c.id.as_str()), " sel"),
    ] {
        if on {
            class.push_str(name);
        }
    }
    class.push_str(" st-");
    class.push_str(
        &c.review
            .as_ref()
            .map_or("unreviewed".to_string(), |r| name(&r.status)),
    );
    class
}

/// The stretches of one block with one mark each; unknown code points (a
/// text rebuilt from sentences) become one space.
fn runs(marks: &[Mark], text: &[Option<char>], start: usize, end: usize) -> Vec<(Mark, String)> {
    let mut out: Vec<(Mark, String)> = Vec::new();
    for i in start..end {
        let (m, ch) = match text[i] {
            Some(ch) => (marks[i], ch),
            None => (Mark::default(), ' '),
        };
        match out.last_mut() {
            Some((lm, s)) if *lm == m => {
                if !(ch == ' ' && text[i].is_none() && s.ends_with(' ')) {
                    s.push(ch);
                }
            }
            _ => out.push((m, ch.to_string())),
        }
    }
    if out.iter().all(|(_, s)| s.trim().is_empty()) {
        out.clear();
    }
    out
}

/// A version of a claim's review as the page shows it: a save made from
/// that page is refused when the review has changed since.
pub fn version(review: Option<&Review>) -> String {
    let json = serde_json::to_string(&review).unwrap_or_default();
    sha256_hex(json.as_bytes())[..16].to_string()
}

fn source_name(ann: &Annotation, l: &crate::model::Link) -> (String, Option<SourceKind>) {
    let resolved = l
        .reference
        .as_deref()
        .and_then(|r| ann.sources.iter().find(|s| s.id == r));
    match (resolved, &l.source) {
        (Some(s), _) => (s.name.clone(), Some(s.kind)),
        (None, Some(span)) => (span.text.clone(), None),
        (None, None) => ("(ضمني)".to_string(), None),
    }
}

/// One claim: its chain from publisher to origin, its relations in the
/// comparison, and the review form.
fn claim_panel(desk: &Desk, ann: &Annotation, c: &Claim, shown: bool, token: &str) -> Markup {
    let review = c.review.as_ref();
    let status = review.map_or(ReviewStatus::Unreviewed, |r| r.status);
    let related = desk.related(&ann.document.id, &c.id);
    html! {
        section.panel id={"p-" (c.id)} hidden[!shown] data-c=(c.id) {
            h2 { "الادعاء " small.id { bdi { (c.id) } } }
            blockquote.claimtext { (c.text) }
            @if c.orphaned { p.warn { "تغيّر نص المقال ولم يعد هذا النص فيه." } }
            p.facts {
                span.badge { (basis_label(c.basis)) } " "
                span.badge { (quote_label(c.quote)) } " "
                span class={"badge st-" (name(&status))} { (status_label(status)) }
                @if let Some(v) = review.and_then(|r| r.verdict) { " " span.badge.verdict { (verdict_label(v)) } }
            }
            h3 { "سلسلة الإسناد" }
            ol.chain {
                li.link.publisher {
                    span.who { bdi { (ann.document.publisher.as_deref().or(ann.document.outlet.as_deref()).unwrap_or("الناشر")) } }
                    span.role { "الناشر" }
                }
                @for l in &c.chain {
                    @let (who, kind) = source_name(ann, l);
                    li.link {
                        @if let Some(q) = &l.cue {
                            span.cue { "«" (q.text) "» — " (stance_label(q.stance)) }
                        }
                        span.who { bdi { (who) } }
                        @if let Some(k) = kind { span.role { (kind_label(k)) } }
                    }
                }
                @if c.chain.is_empty() { li.link.none { "لا مصدر مذكور: الناشر يتحمّل الادعاء" } }
            }
            @if !related.is_empty() {
                h3 { "ادعاءات ذات صلة في المقارنة" }
                ul.related {
                    @for (rel, doc, claim) in &related {
                        li class={"rel-" (name(rel))} {
                            span.badge { (relation_label(*rel)) } " "
                            @if let Some((d, other)) = desk.find(doc, claim) {
                                a href=(claim_url(doc, claim)) { (other.snippet) }
                                " " small { (d.title.as_deref().unwrap_or("")) }
                            } @else {
                                bdi { (doc) " / " (claim) }
                            }
                        }
                    }
                }
            }
            (review_form(ann, c, token))
        }
    }
}

fn review_form(ann: &Annotation, c: &Claim, token: &str) -> Markup {
    let review = c.review.as_ref();
    let status = review.map_or(ReviewStatus::Unreviewed, |r| r.status);
    let verdict = review.and_then(|r| r.verdict);
    let action = format!("/article/{}/claim/{}", enc(&ann.document.id), enc(&c.id));
    html! {
        form.review method="post" action=(action) data-c=(c.id) {
            input type="hidden" name="token" value=(token);
            input type="hidden" name="version" value=(version(review));
            fieldset.status {
                legend { "الحالة" }
                @for (s, k) in STATUS_KEYS {
                    label { input type="radio" name="status" value=(name(&s)) checked[s == status] data-key=(k);
                        " " (status_label(s)) " " kbd { (k) } }
                }
            }
            fieldset.verdict {
                legend { "الحكم" }
                label { input type="radio" name="verdict" value="" checked[verdict.is_none()] data-key="0"; " بلا حكم " kbd { "0" } }
                @for (v, k) in VERDICT_KEYS {
                    label { input type="radio" name="verdict" value=(name(&v)) checked[verdict == Some(v)] data-key=(k);
                        " " (verdict_label(v)) " " kbd { (k) } }
                }
            }
            label.block { "ملاحظة"
                textarea name="note" rows="3" { (review.and_then(|r| r.note.as_deref()).unwrap_or("")) }
            }
            label.block { "روابط الأدلة (رابط في كل سطر)"
                textarea name="evidence" rows="2" dir="ltr" { (review.map(|r| r.evidence.join("\n")).unwrap_or_default()) }
            }
            label.block { "المراجِع"
                input type="text" name="reviewer" value=(review.and_then(|r| r.reviewer.as_deref()).unwrap_or("")) dir="auto";
            }
            @if let Some(at) = review.and_then(|r| r.reviewed_at.as_deref()) {
                p.muted { "آخر مراجعة: " bdi { (at) } }
            }
            button type="submit" { "حفظ المراجعة" }
            p.keys.muted {
                "اختصارات: " kbd{"c"} " مؤكَّد، " kbd{"x"} " مصحَّح، " kbd{"r"} " مرفوض، " kbd{"z"} " غير مراجَع؛ "
                "الحكم " kbd{"t"} kbd{"m"} kbd{"l"} kbd{"f"} kbd{"u"} kbd{"n"} kbd{"0"} "؛ "
                kbd{"Enter"} " حفظ، " kbd{"j"} "/" kbd{"s"} " الادعاء التالي، " kbd{"k"} " السابق، " kbd{"Esc"} " خروج من حقل."
            }
        }
    }
}
