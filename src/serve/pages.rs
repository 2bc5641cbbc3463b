//! The desk's pages, in Arabic and right to left: the queue, the story
//! (the comparison's clusters), error pages, and the layout around every
//! page (the article is `article.rs`). maud escapes every text it is given; nothing from a file is
//! ever written unescaped, and ids and Latin text sit in `<bdi>`.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};
use serde::Deserialize;

use super::AppState;
use super::desk::{Desk, Entry, REASONS, kind_bit};
use super::labels::*;
use crate::compare::RelationKind;
use crate::model::{Basis, ReviewStatus, SourceKind, Verdict};

const PAGE: usize = 100;

/// Percent-encoding for a path segment or a query value.
pub fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn claim_url(doc: &str, claim: &str) -> String {
    format!(
        "/article/{}?claim={}#p-{}",
        enc(doc),
        enc(claim),
        enc(claim)
    )
}

/// The page around `body`: the token every form posts back, the one
/// stylesheet and the one script, both served by isnad itself.
pub fn layout(title: &str, token: &str, nav: &str, body: Markup) -> Response {
    let page = html! {
        (DOCTYPE)
        html lang="ar" dir="rtl" {
            (head(title, Some(token)))
            body {
                header.top {
                    a.brand href="/" { "إسناد" }
                    nav {
                        a.active[nav == "queue"] href="/" { "قائمة المراجعة" }
                        a.active[nav == "story"] href="/story" { "القصة" }
                    }
                }
                main { (body) }
            }
        }
    };
    Html(page.into_string()).into_response()
}

/// A page's head: its title, the stylesheet, and, on pages with forms,
/// the token they post back and the script.
fn head(title: &str, token: Option<&str>) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            @if let Some(t) = token { meta name="isnad-token" content=(t); }
            title { (title) " — إسناد" }
            link rel="stylesheet" href="/assets/desk.css";
            @if token.is_some() { script src="/assets/desk.js" defer {} }
        }
    }
}

/// An error page with its status: the message in Arabic, then in English.
pub fn error(status: StatusCode, arabic: &str, english: &str) -> Response {
    error_back(status, arabic, english, None)
}

/// An error page with a link back to the page the form was on.
pub fn error_back(status: StatusCode, arabic: &str, english: &str, back: Option<&str>) -> Response {
    let page = html! {
        (DOCTYPE)
        html lang="ar" dir="rtl" {
            (head(&format!("خطأ {}", status.as_u16()), None))
            body {
                main.error {
                    h1 { "خطأ " (status.as_u16()) }
                    p.msg { (arabic) }
                    p.msg lang="en" dir="ltr" { (english) }
                    @if let Some(b) = back { p { a href=(b) { "العودة إلى الادعاء" } } }
                    p { a href="/" { "العودة إلى قائمة المراجعة" } }
                }
            }
        }
    };
    (status, Html(page.into_string())).into_response()
}

#[derive(Deserialize, Default)]
pub struct QueueQuery {
    status: Option<String>,
    verdict: Option<String>,
    kind: Option<String>,
    basis: Option<String>,
    article: Option<String>,
    page: Option<String>,
}

/// A filter value from the URL: absent or empty means no filter; a value
/// that names nothing is the reader's mistake, said as such.
fn filter<T: serde::de::DeserializeOwned>(
    v: &Option<String>,
    what: &str,
) -> Result<Option<T>, Response> {
    match v.as_deref() {
        None | Some("") | Some("any") => Ok(None),
        Some(s) => parse(s).map(Some).ok_or_else(|| {
            error(
                StatusCode::BAD_REQUEST,
                &format!("قيمة غير معروفة للمرشِّح {what}."),
                &format!("Unknown value for the filter {what}."),
            )
        }),
    }
}

/// The queue: every claim in the order of `review list`, open ones by default.
pub async fn queue(State(state): State<AppState>, Query(q): Query<QueueQuery>) -> Response {
    match render_queue(&state.read(), &state.token, &q) {
        Ok(r) | Err(r) => r,
    }
}

fn render_queue(desk: &Desk, token: &str, q: &QueueQuery) -> Result<Response, Response> {
    // Like `review list`: the open claims unless asked for others.
    let status_all = q.status.as_deref() == Some("all");
    let status: Option<ReviewStatus> = match q.status.as_deref() {
        None | Some("") => Some(ReviewStatus::Unreviewed),
        Some("all") => None,
        _ => filter(&q.status, "status")?,
    };
    let verdict_none = q.verdict.as_deref() == Some("none");
    let verdict: Option<Verdict> = if verdict_none {
        None
    } else {
        filter(&q.verdict, "verdict")?
    };
    let kind: Option<SourceKind> = filter(&q.kind, "kind")?;
    let basis: Option<Basis> = filter(&q.basis, "basis")?;
    let article = q.article.as_deref().filter(|a| !a.is_empty());
    let page: usize = match q.page.as_deref() {
        None | Some("") => 1,
        Some(p) => p.parse().ok().filter(|&p| p >= 1).ok_or_else(|| {
            error(
                StatusCode::BAD_REQUEST,
                "رقم الصفحة غير صالح.",
                "The page number is not a positive number.",
            )
        })?,
    };
    let mut counts = [0usize; 4];
    let mut rows: Vec<Entry> = Vec::new();
    let mut matched = 0usize;
    for &e in &desk.entries {
        let (d, c) = desk.claim(e);
        if article.is_some_and(|a| a != d.id)
            || kind.is_some_and(|k| c.kinds & kind_bit(k) == 0)
            || basis.is_some_and(|b| b != c.basis)
            || (verdict_none && c.verdict.is_some())
            || verdict.is_some_and(|v| c.verdict != Some(v))
        {
            continue;
        }
        // Counts per status over the other filters, so that each tells
        // what choosing it would show.
        counts[c.status as usize] += 1;
        if status.is_some_and(|s| s != c.status) {
            continue;
        }
        matched += 1;
        if matched > (page - 1) * PAGE && matched <= page * PAGE {
            rows.push(e);
        }
    }
    let pages = matched.div_ceil(PAGE).max(1);
    let link = |p: usize| {
        let mut s = String::from("/?");
        for (k, v) in [
            ("status", &q.status),
            ("verdict", &q.verdict),
            ("kind", &q.kind),
            ("basis", &q.basis),
            ("article", &q.article),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                s.push_str(&format!("{k}={}&", enc(v)));
            }
        }
        s.push_str(&format!("page={p}"));
        s
    };
    let sel = |v: &Option<String>, x: &str| v.as_deref() == Some(x);
    let body = html! {
        h1 { "قائمة المراجعة" }
        p.counts {
            @for s in [ReviewStatus::Unreviewed, ReviewStatus::Confirmed, ReviewStatus::Corrected, ReviewStatus::Rejected] {
                span class={"count st-" (name(&s))} { (status_label(s)) ": " bdi { (counts[s as usize]) } }
            }
            span.count { "الملفات: " bdi { (desk.docs.len()) } }
        }
        @if !desk.unreadable.is_empty() {
            details.warn {
                summary { "ملفات تعذّرت قراءتها: " bdi { (desk.unreadable.len()) } }
                ul { @for u in &desk.unreadable { li dir="ltr" { bdi { (u) } } } }
            }
        }
        form.filters method="get" action="/" id="filters" {
            label { "الحالة "
                select name="status" data-autosubmit {
                    option value="" selected[!status_all && q.status.as_deref().unwrap_or("").is_empty()] { "غير مراجَعة (الافتراضي)" }
                    option value="all" selected[status_all] { "الكل" }
                    @for s in [ReviewStatus::Confirmed, ReviewStatus::Corrected, ReviewStatus::Rejected] {
                        option value=(name(&s)) selected[sel(&q.status, &name(&s))] { (status_label(s)) }
                    }
                }
            }
            label { "الحكم "
                select name="verdict" data-autosubmit {
                    option value="" { "أي حكم" }
                    option value="none" selected[verdict_none] { "بلا حكم" }
                    @for (v, _) in VERDICT_KEYS {
                        option value=(name(&v)) selected[sel(&q.verdict, &name(&v))] { (verdict_label(v)) }
                    }
                }
            }
            label { "نوع المصدر "
                select name="kind" data-autosubmit {
                    option value="" { "أي نوع" }
                    @for k in [SourceKind::Outlet, SourceKind::Person, SourceKind::Official, SourceKind::Anonymous, SourceKind::Group, SourceKind::Document] {
                        option value=(name(&k)) selected[sel(&q.kind, &name(&k))] { (kind_label(k)) }
                    }
                }
            }
            label { "الإسناد "
                select name="basis" data-autosubmit {
                    option value="" { "الكل" }
                    @for b in [Basis::Attributed, Basis::Unsourced, Basis::Editorial] {
                        option value=(name(&b)) selected[sel(&q.basis, &name(&b))] { (basis_label(b)) }
                    }
                }
            }
            label { "المقال "
                input type="text" name="article" value=(q.article.as_deref().unwrap_or("")) placeholder="معرّف المقال" dir="ltr" list="articles";
            }
            @if desk.docs.len() <= 500 {
                datalist id="articles" { @for d in &desk.docs { option value=(d.id) { (d.title.as_deref().unwrap_or("")) } } }
            }
            button type="submit" { "تصفية" }
        }
        p.summary {
            "ادعاءات مطابقة: " bdi { (matched) }
            @if pages > 1 { " — الصفحة " bdi { (page) } " من " bdi { (pages) } }
        }
        table.queue {
            thead { tr {
                th { "#" } th { "الأهمية" } th { "الادعاء" } th { "المصدر" } th { "الحالة" } th { "المقال" } th.why { "لماذا" }
            } }
            tbody {
                @for (n, e) in rows.iter().enumerate() {
                    @let (d, c) = desk.claim(*e);
                    tr data-basis=(name(&c.basis)) data-status=(name(&c.status)) {
                        td.rank { bdi { ((page - 1) * PAGE + n + 1) } }
                        td.score { bdi { (c.score) } }
                        td.text {
                            a.claimlink href=(claim_url(&d.id, &c.id)) { (c.snippet) }
                            " " small.id { bdi { (c.id) } }
                        }
                        td.src { @if let Some(s) = &c.source { bdi { (s) } } @else { span.muted { (basis_label(c.basis)) } } }
                        td.st { span class={"badge st-" (name(&c.status))} { (status_label(c.status)) }
                            @if let Some(v) = c.verdict { " " span.badge.verdict { (verdict_label(v)) } } }
                        td.art { a href=(format!("/article/{}", enc(&d.id))) { (d.title.as_deref().unwrap_or("")) } " " small.id { bdi { (d.id) } } }
                        td.why { @for (i, r) in REASONS.iter().enumerate() { @if c.reasons & (1 << i) != 0 { span.reason { (reason_label(r)) } } } }
                    }
                }
            }
        }
        @if rows.is_empty() { p.muted { "لا ادعاءات تطابق هذه المرشِّحات." } }
        @if pages > 1 {
            nav.pager {
                @if page > 1 { a rel="prev" href=(link(page - 1)) { "→ السابقة" } }
                @if page < pages { a rel="next" href=(link(page + 1)) { "التالية ←" } }
            }
        }
    };
    Ok(layout("قائمة المراجعة", token, "queue", body))
}

#[derive(Deserialize, Default)]
pub struct StoryQuery {
    page: Option<String>,
}

/// The comparison's clusters: one statement each, with the articles that
/// carry it and how many independent origins stand behind it.
pub async fn story(State(state): State<AppState>, Query(q): Query<StoryQuery>) -> Response {
    let desk = state.read();
    let Some(c) = &desk.comparison else {
        let body = html! {
            h1 { "القصة" }
            p { "لا مقارنة في هذا المجلد. شغّل " code dir="ltr" { "isnad compare DIR --out OUT" }
                " ثم ضع " code dir="ltr" { "OUT/comparison.yaml" } " في المجلد، أو شغّل الخادم مع "
                code dir="ltr" { "--comparison OUT/comparison.yaml" } "." }
        };
        return layout("القصة", &state.token, "story", body);
    };
    let page: usize = match q.page.as_deref().map(str::parse::<usize>) {
        None => 1,
        Some(Ok(p)) if p >= 1 => p,
        Some(_) => {
            return error(
                StatusCode::BAD_REQUEST,
                "رقم الصفحة غير صالح.",
                "The page number is not a positive number.",
            );
        }
    };
    let pages = c.clusters.len().div_ceil(PAGE).max(1);
    let count = |k: RelationKind| c.relations.iter().filter(|r| r.relation == k).count();
    let body = html! {
        h1 { "القصة" }
        p.counts {
            span.count { "المقالات: " bdi { (c.documents.len()) } }
            span.count { "المجموعات: " bdi { (c.clusters.len()) } }
            @for k in [RelationKind::Conflicts, RelationKind::Corroborates, RelationKind::Echo, RelationKind::Updates] {
                span class={"count rel-" (name(&k))} { (relation_label(k)) ": " bdi { (count(k)) } }
            }
        }
        @for cl in c.clusters.iter().skip((page - 1) * PAGE).take(PAGE) {
            section.cluster {
                h2 { "مجموعة " small.id { bdi { (cl.id) } } }
                p.muted {
                    "مصادر أصلية مستقلة: " bdi { (cl.independent_origins) }
                    @if cl.contradicting_origins > 0 { " — مصادر معارِضة: " bdi { (cl.contradicting_origins) } }
                }
                ul {
                    @for r in &cl.claims {
                        li {
                            @if let Some((d, cinfo)) = desk.find(&r.doc, &r.claim) {
                                a href=(claim_url(&r.doc, &r.claim)) { (cinfo.snippet) }
                                " " span class={"badge st-" (name(&cinfo.status))} { (status_label(cinfo.status)) }
                                " " small { (d.title.as_deref().unwrap_or("")) " " bdi.id { (d.id) } }
                            } @else {
                                bdi { (r.doc) " / " (r.claim) } " " span.muted { "(ليس في المجلد)" }
                            }
                        }
                    }
                }
            }
        }
        @if pages > 1 {
            nav.pager {
                @if page > 1 { a rel="prev" href=(format!("/story?page={}", page - 1)) { "→ السابقة" } }
                @if page < pages { a rel="next" href=(format!("/story?page={}", page + 1)) { "التالية ←" } }
            }
        }
    };
    layout("القصة", &state.token, "story", body)
}
