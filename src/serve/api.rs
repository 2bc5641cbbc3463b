//! Saving a review from the browser: through `review::commands::apply` and
//! the store's atomic save, one claim at a time, one file at a time.

use std::path::Path;

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::AppState;
use super::article::{lookup, version};
use super::pages::{claim_url, enc, error, error_back};
use crate::io::store;
use crate::model::{Annotation, ReviewStatus, Verdict};
use crate::review::commands::{self, Decision};

/// The review form. Every field is optional here so that a form with a
/// field missing gets a message, not the framework's rejection.
#[derive(Deserialize)]
pub struct SaveForm {
    token: Option<String>,
    version: Option<String>,
    status: Option<String>,
    verdict: Option<String>,
    note: Option<String>,
    evidence: Option<String>,
    reviewer: Option<String>,
}

/// Equal without telling, by the time taken, how much of a guess was right.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn forbidden(english: &str) -> Response {
    error(
        StatusCode::FORBIDDEN,
        "رُفض الطلب: لا يُقبل الحفظ إلا من صفحة فتحها هذا الخادم.",
        english,
    )
}

/// A POST must come from a page this server issued: its token (form field
/// or `X-Isnad-Token` header) and, when the browser says where it comes
/// from, this very origin.
fn check_origin(
    state: &AppState,
    headers: &HeaderMap,
    form_token: Option<&str>,
) -> Result<(), Response> {
    let token = headers
        .get("x-isnad-token")
        .and_then(|v| v.to_str().ok())
        .or(form_token);
    match token {
        None => {
            return Err(forbidden(
                "Refused: no token. Save from a page of this desk (reload it if the server was restarted).",
            ));
        }
        Some(t) if !same(t, &state.token) => {
            return Err(forbidden(
                "Refused: wrong token. The server was restarted or the form came from elsewhere; reload the page.",
            ));
        }
        Some(_) => {}
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok())
        && host.is_none_or(|h| origin != format!("http://{h}"))
    {
        return Err(forbidden(&format!(
            "Refused: the request comes from another origin ({origin}, not http://{}).",
            host.unwrap_or("")
        )));
    }
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|s| s == "cross-site")
    {
        return Err(forbidden("Refused: the request comes from another site."));
    }
    Ok(())
}

pub async fn save(
    State(state): State<AppState>,
    UrlPath((id, claim)): UrlPath<(String, String)>,
    headers: HeaderMap,
    form: Result<Form<SaveForm>, FormRejection>,
) -> Response {
    let form = match form {
        Ok(Form(f)) => f,
        Err(e) => {
            // Without a valid token nothing else is said about the request.
            if let Err(r) = check_origin(&state, &headers, None) {
                return r;
            }
            return error(
                StatusCode::BAD_REQUEST,
                "نموذج غير صالح.",
                &format!("Not a review form: {e}"),
            );
        }
    };
    if let Err(r) = check_origin(&state, &headers, form.token.as_deref()) {
        return r;
    }
    let (doc, file) = match lookup(&state.read(), &id) {
        Ok(x) => x,
        Err(r) => return r,
    };
    if !super::valid_id(&claim) {
        return error(
            StatusCode::BAD_REQUEST,
            "معرّف ادعاء غير صالح.",
            "Not a claim id.",
        );
    }
    let Some(lock) = state.locks.get(doc).cloned() else {
        return error(
            StatusCode::NOT_FOUND,
            "لا مقال بهذا المعرّف.",
            "No such article.",
        );
    };
    // Saves to one file take turns; each reads the file afresh under the
    // lock, so a save to another claim of the file is never lost.
    let guard = lock.lock_owned().await;
    let c = claim.clone();
    let done = tokio::task::spawn_blocking(move || {
        let _guard = guard;
        save_claim(&file, &c, form)
    })
    .await;
    let back = claim_url(&id, &claim);
    match done {
        Ok(Ok(ann)) => {
            state.write().refresh(doc, &ann);
            Redirect::to(&format!(
                "/article/{}?claim={}&saved=1#p-{}",
                enc(&id),
                enc(&claim),
                enc(&claim)
            ))
            .into_response()
        }
        Ok(Err((status, arabic, english))) => error_back(status, &arabic, &english, Some(&back)),
        Err(e) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "تعذّر الحفظ.",
            &format!("The save failed: {e}"),
        ),
    }
}

type Refusal = (StatusCode, String, String);

fn refuse(status: StatusCode, arabic: &str, english: String) -> Refusal {
    (status, arabic.to_string(), english)
}

/// Read the file, check that the claim's review is the one the form was
/// made from, apply the form, write the file atomically.
fn save_claim(file: &Path, claim: &str, form: SaveForm) -> Result<Annotation, Refusal> {
    let mut ann = store::load(file).map_err(|e| {
        refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "تعذّرت قراءة ملف التوصيف؛ لم يُحفظ شيء.",
            e.to_string(),
        )
    })?;
    let Some(c) = ann.claims.iter_mut().find(|c| c.id == claim) else {
        return Err(refuse(
            StatusCode::NOT_FOUND,
            "هذا الادعاء لم يعد في الملف (ربما أعيد التوصيف)؛ لم يُحفظ شيء.",
            format!(
                "{}: no claim {claim} any more (re-annotated?); nothing written",
                file.display()
            ),
        ));
    };
    let now = version(c.review.as_ref());
    if form.version.as_deref() != Some(now.as_str()) {
        return Err(refuse(
            StatusCode::CONFLICT,
            "تعارض: غيّر شخص آخر مراجعة هذا الادعاء بعد أن فُتحت هذه الصفحة. لم يُحفظ شيء؛ أعد تحميل الادعاء لترى المراجعة الحالية ثم أعد قرارك.",
            format!(
                "Conflict: the review of claim {claim} changed after this page was opened (it is now: {}). Nothing was saved; reload the claim to see the current review, then decide again.",
                commands::describe_review(c.review.as_ref())
            ),
        ));
    }
    let bad = |what: &str| {
        refuse(
            StatusCode::BAD_REQUEST,
            "قيمة غير صالحة في النموذج؛ لم يُحفظ شيء.",
            format!("claim {claim}: {what}; nothing written"),
        )
    };
    let status: ReviewStatus = form
        .status
        .as_deref()
        .and_then(parse)
        .ok_or_else(|| bad("give a status: unreviewed, confirmed, corrected or rejected"))?;
    let verdict: Option<Verdict> = match form.verdict.as_deref().unwrap_or("") {
        "" => None,
        v => Some(parse(v).ok_or_else(|| bad("unknown verdict"))?),
    };
    let text = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let evidence: Vec<String> = form
        .evidence
        .as_deref()
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    // The form shows the whole review: what it leaves empty is removed,
    // where `review set` would keep it.
    if let Some(r) = c.review.as_mut() {
        r.verdict = None;
        r.note = None;
        r.reviewer = None;
        r.evidence.clear();
    }
    commands::apply(
        c,
        Decision {
            status: Some(status),
            verdict,
            note: text(form.note),
            reviewer: text(form.reviewer),
            evidence,
            at: None,
        },
    )
    .map_err(|e| bad(&e))?;
    store::save(file, &ann).map_err(|e| {
        refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "تعذّرت كتابة الملف؛ لم يُحفظ شيء.",
            e.to_string(),
        )
    })?;
    Ok(ann)
}

fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}
