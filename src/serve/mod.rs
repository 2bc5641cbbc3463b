//! `isnad serve DIR`: the fact-check desk in the browser, a local web
//! application over a folder of annotation files. It is a layer over the
//! review module: the queue is `review list`'s, and a review saved in the
//! browser is written by `review::commands::apply` and `store::save`, as
//! `review set` writes it.
//!
//! `desk.rs` holds the folder's summary in memory, `pages.rs` renders the
//! queue, story and error pages and `article.rs` the article with its
//! claims (maud, so every text is escaped), `labels.rs` holds the Arabic
//! words, `api.rs` saves reviews, and `assets/` is the one stylesheet and
//! the one script.

// An error here is a whole page, returned once per request: boxing it
// would only add noise.
#![allow(clippy::result_large_err)]

mod api;
mod article;
mod desk;
mod labels;
mod pages;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, RwLock};
use std::time::Instant;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use desk::Desk;

/// What every request handler shares.
struct Shared {
    desk: RwLock<Desk>,
    /// One lock per annotation file (by document index): saves to one file
    /// take turns, so each re-reads what the previous one wrote.
    locks: Vec<Arc<tokio::sync::Mutex<()>>>,
    /// Issued with every page and required on every POST, so that another
    /// site open in the same browser cannot post reviews.
    token: String,
    /// The Host headers this server answers to when bound to loopback, so
    /// that a DNS name rebound to 127.0.0.1 cannot read the pages.
    hosts: Option<Vec<String>>,
}

type AppState = Arc<Shared>;

impl Shared {
    /// The desk for reading; a handler that panicked while holding it left
    /// nothing half-written (summaries are replaced whole), so go on.
    fn read(&self) -> std::sync::RwLockReadGuard<'_, Desk> {
        self.desk.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Desk> {
        self.desk.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// A fresh random token from the operating system.
fn new_token() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| format!("no random token: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Serve the desk for `dir` at `addr` until interrupted.
pub fn run(dir: &Path, addr: &str, comparison: Option<&Path>) -> Result<(), String> {
    let addr: SocketAddr = addr.parse().map_err(|e| {
        format!("--addr {addr}: not an address and port such as 127.0.0.1:8080 ({e})")
    })?;
    if !dir.is_dir() {
        return Err(format!(
            "{}: not a directory of annotation files",
            dir.display()
        ));
    }
    let started = Instant::now();
    let desk = Desk::load(dir, comparison)?;
    let claims: usize = desk.docs.iter().map(|d| d.claims.len()).sum();
    eprintln!(
        "isnad serve: {} annotation files, {claims} claims read in {:.1} s{}",
        desk.docs.len(),
        started.elapsed().as_secs_f64(),
        match desk.unreadable.len() {
            0 => String::new(),
            n => format!("; {n} files could not be read (listed on the queue page)"),
        }
    );
    for e in &desk.unreadable {
        eprintln!("isnad: {e}");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let bound = listener
            .local_addr()
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let local = bound.ip().is_loopback();
        let hosts = local.then(|| {
            let port = bound.port();
            vec![
                format!("127.0.0.1:{port}"),
                format!("localhost:{port}"),
                format!("[::1]:{port}"),
            ]
        });
        let state = Arc::new(Shared {
            locks: (0..desk.docs.len())
                .map(|_| Arc::new(tokio::sync::Mutex::new(())))
                .collect(),
            desk: RwLock::new(desk),
            token: new_token()?,
            hosts,
        });
        // The first line on standard output is the address: scripts and
        // tests that ask for port 0 read it there.
        println!("http://{bound}/");
        if local {
            eprintln!(
                "isnad serve: the desk for {} is at http://{bound}/ (local only: other machines cannot open it); Ctrl-C stops it",
                dir.display()
            );
        } else {
            eprintln!(
                "isnad serve: the desk for {} is at http://{bound}/ and OTHER MACHINES CAN OPEN IT: anyone who reaches this address reads the articles and, with a page from it, records reviews; Ctrl-C stops it",
                dir.display()
            );
        }
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| format!("the server stopped: {e}"))
    })
}

fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::queue))
        .route("/article/{id}", get(article::article))
        .route(
            "/article/{id}/claim/{claim}",
            axum::routing::post(api::save),
        )
        .route("/story", get(pages::story))
        .route("/assets/desk.css", get(css))
        .route("/assets/desk.js", get(js))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .with_state(state)
}

const CSS: &str = include_str!("assets/desk.css");
const JS: &str = include_str!("assets/desk.js");

async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS).into_response()
}

async fn js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        JS,
    )
        .into_response()
}

async fn not_found() -> Response {
    pages::error(
        StatusCode::NOT_FOUND,
        "لا توجد صفحة بهذا العنوان.",
        "No such page.",
    )
}

/// Every request: the Host must be this server's (against DNS rebinding),
/// and every answer forbids scripts, styles and frames from anywhere else.
async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if let Some(hosts) = &state.hosts {
        let host = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        if !hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
            return pages::error(
                StatusCode::FORBIDDEN,
                "هذا الخادم لا يجيب إلا على عنوانه المحلي.",
                "This server answers only to its local address (the Host header names another).",
            );
        }
    }
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Not "no-referrer": under it a browser sends `Origin: null` with a
    // form, and the save's origin check could not tell this page from any.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// A document id as it may appear in a URL: the characters `annotate`
/// gives ids, never a path (no `/`, `\`, `..`, nor a leading dot).
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && !id.starts_with('.')
        && !id.contains("..")
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}
