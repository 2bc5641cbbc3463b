//! The desk's pages, in Arabic and right to left: the queue, an article
//! with its claims, the review form, and the story (the comparison's
//! clusters). maud escapes every text it is given; nothing from a file is
//! ever written unescaped, and ids and Latin text sit in `<bdi>`.

use std::path::Path;

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};
use serde::Deserialize;

use super::desk::{Desk, Entry, REASONS, kind_bit};
use super::{AppState, valid_id};
use crate::compare::RelationKind;
use crate::io::{input::sha256_hex, store};
use crate::model::{
    Annotation, Basis, Claim, QuoteKind, Review, ReviewStatus, SourceKind, Stance, Verdict,
};

const PAGE: usize = 100;

pub fn status_label(s: ReviewStatus) -> &'static str {
    match s {
        ReviewStatus::Unreviewed => "غير مراجَع",
        ReviewStatus::Confirmed => "مؤكَّد",
        ReviewStatus::Corrected => "مصحَّح",
        ReviewStatus::Rejected => "مرفوض",
    }
}

pub fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::True => "صحيح",
        Verdict::MostlyTrue => "صحيح في معظمه",
        Verdict::Misleading => "مضلِّل",
        Verdict::False => "خاطئ",
        Verdict::Unverifiable => "لا يمكن التحقق منه",
        Verdict::NotChecked => "لم يُتحقَّق منه",
    }
}

fn kind_label(k: SourceKind) -> &'static str {
    match k {
        SourceKind::Outlet => "وسيلة إعلام",
        SourceKind::Person => "شخص",
        SourceKind::Official => "جهة رسمية",
        SourceKind::Anonymous => "مصدر مجهول",
        SourceKind::Group => "جماعة",
        SourceKind::Document => "وثيقة",
    }
}

fn basis_label(b: Basis) -> &'static str {
    match b {
        Basis::Attributed => "منسوب إلى مصدر",
        Basis::Editorial => "تحريري",
        Basis::Unsourced => "بلا مصدر",
    }
}

fn quote_label(q: QuoteKind) -> &'static str {
    match q {
        QuoteKind::Direct => "اقتباس مباشر",
        QuoteKind::Indirect => "نقل غير مباشر",
        QuoteKind::Mixed => "اقتباس مختلط",
    }
}

fn stance_label(s: Stance) -> &'static str {
    match s {
        Stance::Assert => "يؤكد",
        Stance::Deny => "ينفي",
        Stance::Allege => "يزعم",
        Stance::Admit => "يعترف",
        Stance::NoComment => "يمتنع عن التعليق",
    }
}

fn relation_label(r: RelationKind) -> &'static str {
    match r {
        RelationKind::Corroborates => "يؤيده",
        RelationKind::Conflicts => "يعارضه",
        RelationKind::Echo => "يردد المصدر نفسه",
        RelationKind::Updates => "يحدّث الرقم",
        RelationKind::Related => "ذو صلة",
    }
}

fn reason_label(r: &str) -> &'static str {
    match r {
        "numbers or dates" => "أرقام أو تواريخ",
        "named person" => "شخص مسمّى",
        "named organisation" => "جهة مسمّاة",
        "anonymous source" => "مصدر مجهول",
        "denial" => "نفي",
        "allegation" => "ادعاء",
        "conflicts with another article" => "يتعارض مع مقال آخر",
        _ => "",
    }
}

/// Keys of the review form, as in the terminal walk (`review/interactive.rs`).
pub const STATUS_KEYS: [(ReviewStatus, char); 4] = [
    (ReviewStatus::Unreviewed, 'z'),
    (ReviewStatus::Confirmed, 'c'),
    (ReviewStatus::Corrected, 'x'),
    (ReviewStatus::Rejected, 'r'),
];
pub const VERDICT_KEYS: [(Verdict, char); 6] = [
    (Verdict::True, 't'),
    (Verdict::MostlyTrue, 'm'),
    (Verdict::Misleading, 'l'),
    (Verdict::False, 'f'),
    (Verdict::Unverifiable, 'u'),
    (Verdict::NotChecked, 'n'),
];

/// The snake_case name of a model enum, as the YAML and the URLs spell it.
fn name<T: serde::Serialize>(v: &T) -> String {
    crate::review::commands::enum_name(v)
}

fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

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
fn layout(title: &str, token: &str, nav: &str, body: Markup) -> Response {
    let page = html! {
        (DOCTYPE)
        html lang="ar" dir="rtl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="isnad-token" content=(token);
                title { (title) " — إسناد" }
                link rel="stylesheet" href="/assets/desk.css";
                script src="/assets/desk.js" defer {}
            }
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

/// An error page with its status: the message in Arabic, then in English.
pub fn error(status: StatusCode, arabic: &str, english: &str) -> Response {
    error_back(status, arabic, english, None)
}

/// An error page with a link back to the page the form was on.
pub fn error_back(status: StatusCode, arabic: &str, english: &str, back: Option<&str>) -> Response {
    let page = html! {
        (DOCTYPE)
        html lang="ar" dir="rtl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "خطأ " (status.as_u16()) " — إسناد" }
                link rel="stylesheet" href="/assets/desk.css";
            }
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
