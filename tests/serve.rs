//! `isnad serve`: the desk in the browser. Each test starts the binary on a
//! free port over a copy of the bundled annotations (the repository's files
//! are never touched) and talks HTTP to it over a plain TCP stream. The last
//! test drives a real headless Chromium through the DevTools protocol.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use isnad::io::store;
use isnad::model::{ReviewStatus, Verdict};

const BIN: &str = env!("CARGO_BIN_EXE_isnad");

/// A fresh directory with the sample annotations and their articles.
fn desk_dir(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("isnad-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("desk");
    std::fs::create_dir_all(&dir).unwrap();
    for (from, ext) in [("annotations", "yaml"), ("corpus/seeds", "txt")] {
        for e in std::fs::read_dir(from).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == ext) {
                std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    dir
}

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(dir: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .arg("serve")
            .arg(dir)
            .args(["--addr", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("isnad runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        if line.is_empty() {
            let mut err = String::new();
            child.stderr.take().unwrap().read_to_string(&mut err).ok();
            panic!("the server did not start: {err}");
        }
        let addr = line
            .trim()
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        Server { child, addr }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn get(&self, path: &str) -> Reply {
        http(&self.addr, "GET", path, &[], "")
    }

    fn post(&self, path: &str, headers: &[(&str, &str)], form: &[(&str, &str)]) -> Reply {
        let body = form
            .iter()
            .map(|(k, v)| format!("{k}={}", enc(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut h = vec![("Content-Type", "application/x-www-form-urlencoded")];
        h.extend_from_slice(headers);
        http(&self.addr, "POST", path, &h, &body)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[derive(Debug)]
struct Reply {
    status: u16,
    head: String,
    body: String,
}

/// One HTTP/1.1 request on its own connection, the path sent as given
/// (`..` and all), the answer read to the end.
fn http(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        req.push_str(&format!("Host: {addr}\r\n"));
    }
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).unwrap();
    // Read to the end, or to Content-Length: Chromium's DevTools server
    // keeps the connection open.
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        let n = s.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
        if let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if length.is_some_and(|len| raw.len() >= split + 4 + len) {
                break;
            }
        }
    }
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP answer");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut rest = raw[split + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(nl) = rest[at..].windows(2).position(|w| w == b"\r\n") {
            let size =
                usize::from_str_radix(String::from_utf8_lossy(&rest[at..at + nl]).trim(), 16)
                    .unwrap();
            if size == 0 {
                break;
            }
            out.extend_from_slice(&rest[at + nl + 2..at + nl + 2 + size]);
            at += nl + 2 + size + 2;
        }
        rest = out;
    }
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Reply {
        status,
        head,
        body: String::from_utf8(rest).unwrap(),
    }
}

/// The value of `attr="…"` after `anchor` in a page.
fn after(page: &str, anchor: &str, attr: &str) -> String {
    let from = page
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor} not in the page"));
    let rest = &page[from..];
    let key = format!("{attr}=\"");
    let at = rest.find(&key).unwrap() + key.len();
    rest[at..rest[at..].find('"').unwrap() + at].to_string()
}

fn token(page: &str) -> String {
    after(page, "name=\"isnad-token\"", "content")
}

/// The version token of one claim's form on an article page.
fn version(page: &str, claim: &str) -> String {
    let panel = &page[page
        .find(&format!("id=\"p-{claim}\""))
        .unwrap_or_else(|| panic!("no panel for {claim}"))..];
    after(panel, "name=\"version\"", "value")
}

const DOC: &str = "001_5e1e0c9eaa090675";

fn claims_of(dir: &Path, doc: &str) -> Vec<String> {
    store::load(&dir.join(format!("{doc}.yaml")))
        .unwrap()
        .claims
        .into_iter()
        .map(|c| c.id)
        .collect()
}

fn validate(dir: &Path) {
    let out = Command::new(BIN).arg("validate").arg(dir).output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn serve_concurrent_saves_to_different_claims_of_one_file_are_both_kept() {
    let dir = desk_dir("concurrent");
    let server = Arc::new(Server::start(&dir, &[]));
    let claims = claims_of(&dir, DOC);
    assert!(claims.len() >= 8);
    // Several rounds, each two checkers on two claims of one file at once.
    for round in 0..4 {
        let pair = [claims[2 * round].clone(), claims[2 * round + 1].clone()];
        let page = server.get(&format!("/article/{DOC}")).body;
        let tok = token(&page);
        let barrier = Arc::new(Barrier::new(2));
        let handles: Vec<_> = pair
            .iter()
            .enumerate()
            .map(|(n, claim)| {
                let (server, barrier) = (server.clone(), barrier.clone());
                let (claim, tok, ver) = (claim.clone(), tok.clone(), version(&page, claim));
                std::thread::spawn(move || {
                    barrier.wait();
                    server.post(
                        &format!("/article/{DOC}/claim/{claim}"),
                        &[],
                        &[
                            ("token", &tok),
                            ("version", &ver),
                            ("status", "confirmed"),
                            ("verdict", "true"),
                            ("note", &format!("checker {n}")),
                            ("reviewer", &format!("C{n}")),
                        ],
                    )
                })
            })
            .collect();
        for h in handles {
            let r = h.join().unwrap();
            assert_eq!(r.status, 303, "{}", r.body);
        }
    }
    let ann = store::load(&dir.join(format!("{DOC}.yaml"))).unwrap();
    for (i, c) in ann.claims.iter().enumerate().take(8) {
        let r = c
            .review
            .as_ref()
            .unwrap_or_else(|| panic!("claim {} lost its review", c.id));
        assert_eq!(r.status, ReviewStatus::Confirmed);
        assert_eq!(r.verdict, Some(Verdict::True));
        assert_eq!(
            r.note.as_deref(),
            Some(format!("checker {}", i % 2).as_str())
        );
    }
    validate(&dir);
}

#[test]
fn serve_two_saves_of_one_claim_from_one_page_one_is_refused_with_a_message() {
    let dir = desk_dir("conflict");
    let server = Arc::new(Server::start(&dir, &[]));
    let claim = claims_of(&dir, DOC)[0].clone();
    let page = server.get(&format!("/article/{DOC}?claim={claim}")).body;
    let (tok, ver) = (token(&page), version(&page, &claim));
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = ["false", "true"]
        .into_iter()
        .map(|verdict| {
            let (server, barrier) = (server.clone(), barrier.clone());
            let (claim, tok, ver) = (claim.clone(), tok.clone(), ver.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let r = server.post(
                    &format!("/article/{DOC}/claim/{claim}"),
                    &[],
                    &[
                        ("token", &tok),
                        ("version", &ver),
                        ("status", "confirmed"),
                        ("verdict", verdict),
                        ("note", verdict),
                    ],
                );
                (verdict, r)
            })
        })
        .collect();
    let mut results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    results.sort_by_key(|(_, r)| r.status);
    assert_eq!(
        results.iter().map(|(_, r)| r.status).collect::<Vec<_>>(),
        [303, 409],
        "{results:?}"
    );
    let refused = &results[1].1.body;
    assert!(
        refused.contains("Conflict") && refused.contains("تعارض"),
        "{refused}"
    );
    assert!(refused.contains("Nothing was saved"), "{refused}");
    let winner = results[0].0;
    let ann = store::load(&dir.join(format!("{DOC}.yaml"))).unwrap();
    let r = ann.claims[0].review.as_ref().unwrap();
    assert_eq!(
        r.note.as_deref(),
        Some(winner),
        "the file holds the save that was accepted"
    );
    // A page opened after the save carries the new version and may save.
    let page = server.get(&format!("/article/{DOC}?claim={claim}")).body;
    let r = server.post(
        &format!("/article/{DOC}/claim/{claim}"),
        &[],
        &[
            ("token", &token(&page)),
            ("version", &version(&page, &claim)),
            ("status", "rejected"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    validate(&dir);
}

#[test]
fn serve_refuses_path_traversal_and_files_outside_the_directory() {
    let dir = desk_dir("traversal");
    // A file beside the desk's directory that no request may reach.
    std::fs::write(dir.parent().unwrap().join("secret.txt"), "TOPSECRET").unwrap();
    std::fs::write(dir.parent().unwrap().join("secret.yaml"), "TOPSECRET: 1").unwrap();
    let server = Server::start(&dir, &[]);
    for path in [
        "/article/..%2F..%2Fetc%2Fpasswd",
        "/article/..%2Fsecret",
        "/article/%2E%2E%2Fsecret",
        "/article/%2Fetc%2Fpasswd",
        "/article/..",
        "/article/.hidden",
        "/article/secret",
        "/article/..%5Csecret",
        "/article/..%2Fsecret/claim/c-1",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/assets/..%2F..%2Fsecret.txt",
        "/assets/../../secret.txt",
        "/desk/../secret.txt",
        "/etc/passwd",
        "/secret.txt",
        "/001_5e1e0c9eaa090675.yaml",
        "/001_5e1e0c9eaa090675.txt",
    ] {
        let r = server.get(path);
        assert!(
            matches!(r.status, 400 | 404 | 405),
            "{path}: {} {}",
            r.status,
            r.body
        );
        assert!(
            !r.body.contains("TOPSECRET") && !r.body.contains("root:"),
            "{path}: {}",
            r.body
        );
    }
    // The same through a save: refused before any file is looked for.
    let page = server.get("/").body;
    let r = server.post(
        "/article/..%2Fsecret/claim/c-1",
        &[],
        &[("token", &token(&page)), ("status", "confirmed")],
    );
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(
        std::fs::read_to_string(dir.parent().unwrap().join("secret.yaml")).unwrap(),
        "TOPSECRET: 1"
    );
}

#[test]
fn serve_shows_html_in_articles_and_notes_as_text() {
    let dir = desk_dir("escape");
    let article = dir.join("999_script.txt");
    std::fs::write(
        &article,
        "عنوان <script>alert(1)</script> للتجربة\n\nقال المتحدث باسم الوزارة <b>أحمد</b> إن الحكومة <script>alert(2)</script> ستفتح 30 مدرسة جديدة <img src=x onerror=alert(3)> في العام المقبل.\n",
    )
    .unwrap();
    let out = Command::new(BIN)
        .arg("annotate")
        .arg(&article)
        .arg("--out")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let server = Server::start(&dir, &[]);
    let queue = server.get("/?status=all&article=999_script");
    assert_eq!(queue.status, 200);
    let page = server.get("/article/999_script");
    assert_eq!(page.status, 200);
    for body in [&queue.body, &page.body] {
        assert!(body.contains("&lt;script&gt;alert("), "{body}");
        assert!(!body.contains("<script>alert("), "{body}");
        assert!(!body.contains("<img src=x"), "{body}");
        assert!(!body.contains("<b>أحمد"), "{body}");
    }
    assert!(page.body.contains("&lt;b&gt;أحمد&lt;/b&gt;"));
    assert!(page.body.contains("&lt;img src=x onerror=alert(3)&gt;"));
    // A note with markup, saved and shown again: text too.
    let claim = claims_of(&dir, "999_script")
        .into_iter()
        .next()
        .expect("the article has a claim");
    let r = server.post(
        &format!("/article/999_script/claim/{claim}"),
        &[],
        &[
            ("token", &token(&page.body)),
            ("version", &version(&page.body, &claim)),
            ("status", "confirmed"),
            ("note", "<script>alert(4)</script>"),
            ("reviewer", "<i>x</i>"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let page = server
        .get(&format!("/article/999_script?claim={claim}"))
        .body;
    assert!(
        page.contains("&lt;script&gt;alert(4)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert(4)") && !page.contains("<i>x</i>"));
    // Every answer forbids inline scripts, should one ever slip through.
    assert!(
        server
            .get("/")
            .head
            .to_ascii_lowercase()
            .contains("content-security-policy: default-src 'none'; script-src 'self'")
    );
}

#[test]
fn serve_refuses_posts_without_the_token() {
    let dir = desk_dir("token");
    let server = Server::start(&dir, &[]);
    let claim = claims_of(&dir, DOC)[0].clone();
    let file = dir.join(format!("{DOC}.yaml"));
    let before = std::fs::read(&file).unwrap();
    let page = server.get(&format!("/article/{DOC}")).body;
    let (tok, ver) = (token(&page), version(&page, &claim));
    let path = format!("/article/{DOC}/claim/{claim}");
    let decision = [("version", ver.as_str()), ("status", "rejected")];
    // No token, a wrong one, the right one from another origin.
    let r = server.post(&path, &[], &decision);
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(r.body.contains("no token"), "{}", r.body);
    let mut wrong = decision.to_vec();
    wrong.push(("token", "0123456789abcdef0123456789abcdef"));
    assert_eq!(server.post(&path, &[], &wrong).status, 403);
    let mut right = decision.to_vec();
    right.push(("token", &tok));
    let r = server.post(&path, &[("Origin", "http://evil.example")], &right);
    assert_eq!(r.status, 403, "{}", r.body);
    let r = server.post(&path, &[("Sec-Fetch-Site", "cross-site")], &right);
    assert_eq!(r.status, 403, "{}", r.body);
    // A page under another host name (DNS rebinding) is not served at all.
    let r = http(&server.addr, "GET", "/", &[("Host", "evil.example")], "");
    assert_eq!(r.status, 403);
    assert!(!r.body.contains(&tok));
    // A body that is no form at all, without the token: 403 still.
    let r = http(
        &server.addr,
        "POST",
        &path,
        &[("Content-Type", "text/plain")],
        "x",
    );
    assert_eq!(r.status, 403, "{}", r.body);
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing was written");
    // The token as a header, from this very origin: saved.
    let origin = server.url("");
    let r = server.post(
        &path,
        &[("X-Isnad-Token", &tok), ("Origin", &origin)],
        &decision,
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let ann = store::load(&file).unwrap();
    assert_eq!(
        ann.claims[0].review.as_ref().map(|r| r.status),
        Some(ReviewStatus::Rejected)
    );
}

#[test]
fn serve_queue_is_in_the_order_of_review_list_and_filters() {
    let dir = desk_dir("queue");
    let server = Server::start(&dir, &[]);
    let out = Command::new(BIN)
        .args(["review", "list", "--limit", "100"])
        .arg(&dir)
        .output()
        .unwrap();
    let listed: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().nth(2).map(str::to_string))
        .filter(|id| id.starts_with("c-"))
        .collect();
    let page = server.get("/").body;
    let shown: Vec<String> = page
        .split("class=\"claimlink\" href=\"")
        .skip(1)
        .map(|s| {
            let url = &s[..s.find('"').unwrap()];
            let q = &url[url.find("claim=").unwrap() + 6..];
            q[..q.find('#').unwrap()].to_string()
        })
        .collect();
    assert_eq!(listed.len(), 100);
    assert_eq!(shown, listed);
    // Filters: only attributed claims with an anonymous source.
    let page = server.get("/?basis=attributed&kind=anonymous").body;
    let rows = page.matches("<tr data-basis=").count();
    assert!(rows > 0);
    assert_eq!(page.matches("<tr data-basis=\"attributed\"").count(), rows);
    let r = server.get("/?status=bogus");
    assert_eq!(r.status, 400);
    assert_eq!(server.get("/?page=0").status, 400);
}

// ---------------------------------------------------------------------------
// End to end, in Debian's headless Chromium through the DevTools protocol.

struct Browser {
    child: Child,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A DevTools session on one page: commands answered in turn, events kept.
struct Cdp {
    ws: tungstenite::WebSocket<TcpStream>,
    next: u64,
    pending: Vec<serde_json::Value>,
    log: Vec<serde_json::Value>,
}

impl Cdp {
    fn read(&mut self, waiting_for: &str) -> serde_json::Value {
        let msg = self
            .ws
            .read()
            .unwrap_or_else(|e| panic!("DevTools, waiting for {waiting_for}: {e}"));
        let text = msg.into_text().unwrap();
        let v: serde_json::Value = serde_json::from_str(text.as_str()).unwrap();
        if v.get("method").is_some() {
            self.log.push(v.clone());
            self.pending.push(v.clone());
        }
        v
    }

    fn call(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.next += 1;
        let id = self.next;
        let msg = serde_json::json!({"id": id, "method": method, "params": params});
        self.ws
            .send(tungstenite::Message::text(msg.to_string()))
            .unwrap();
        loop {
            let v = self.read(method);
            if v["id"] == id {
                assert!(v.get("error").is_none(), "{method}: {v}");
                return v["result"].clone();
            }
        }
    }

    fn wait(&mut self, event: &str) -> serde_json::Value {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(i) = self.pending.iter().position(|e| e["method"] == event) {
                return self.pending.remove(i);
            }
            assert!(Instant::now() < deadline, "no {event} in 30 s");
            self.read(event);
        }
    }

    /// Do something that loads a page, and wait until it has loaded.
    fn loads(&mut self, f: impl FnOnce(&mut Cdp)) {
        self.pending.clear();
        f(self);
        self.wait("Page.loadEventFired");
    }

    fn eval(&mut self, js: &str) -> serde_json::Value {
        let r = self.call(
            "Runtime.evaluate",
            serde_json::json!({"expression": js, "returnByValue": true, "awaitPromise": true}),
        );
        assert!(r.get("exceptionDetails").is_none(), "{js}: {r}");
        r["result"]["value"].clone()
    }

    fn key(&mut self, key: &str, code: &str, vk: u32, text: &str) {
        for kind in ["keyDown", "keyUp"] {
            let mut p = serde_json::json!({"type": kind, "key": key, "code": code, "windowsVirtualKeyCode": vk});
            if kind == "keyDown" && !text.is_empty() {
                p["text"] = text.into();
            }
            self.call("Input.dispatchKeyEvent", p);
        }
    }

    fn screenshot(&mut self) -> Vec<u8> {
        let r = self.call(
            "Page.captureScreenshot",
            serde_json::json!({"format": "png"}),
        );
        base64(r["data"].as_str().unwrap())
    }
}

fn base64(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = s
        .bytes()
        .filter(|&c| c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= u32::from(val(c)) << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    out
}

/// A screenshot shows a page, not a blank: decode it, and ask for many
/// colours and a spread of brightness.
fn assert_not_blank(png_bytes: &[u8], what: &str) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let px: Vec<f64> = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| {
            (f64::from(p[0])
                + f64::from(p[1.min(channels - 1)])
                + f64::from(p[2.min(channels - 1)]))
                / 3.0
        })
        .collect();
    let mean = px.iter().sum::<f64>() / px.len() as f64;
    let var = px.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / px.len() as f64;
    let colours: std::collections::HashSet<&[u8]> =
        buf[..info.buffer_size()].chunks(channels).collect();
    assert!(
        info.width >= 300 && var > 100.0 && colours.len() > 50,
        "{what}: a blank screenshot ({}x{}, variance {var:.0}, {} colours)",
        info.width,
        info.height,
        colours.len()
    );
}

#[test]
#[ignore = "needs chromium; .ci/run installs Debian's and runs it"]
fn serve_desk_end_to_end_in_headless_chromium() {
    let browser = common::chromium();
    let dir = desk_dir("chromium");
    let root = dir.parent().unwrap().to_path_buf();
    // The story page needs a comparison of the articles.
    let out = Command::new(BIN)
        .arg("compare")
        .arg(&dir)
        .arg("--out")
        .arg(root.join("cmp"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cmp = root.join("cmp/comparison.yaml");
    let server = Server::start(&dir, &["--comparison", cmp.to_str().unwrap()]);

    let profile = root.join("profile");
    let mut child = Command::new(browser)
        .args(common::HEADLESS_CHROMIUM)
        .args(["--remote-debugging-port=0", "--window-size=1280,900"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("about:blank")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium runs");
    let port_file = profile.join("DevToolsActivePort");
    let deadline = Instant::now() + Duration::from_secs(60);
    let port = loop {
        if let Some(p) = std::fs::read_to_string(&port_file)
            .ok()
            .and_then(|s| s.lines().next().and_then(|l| l.trim().parse::<u16>().ok()))
        {
            break p;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("chromium exited: {status}");
        }
        assert!(
            Instant::now() < deadline,
            "chromium did not open its DevTools port"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    let _browser = Browser { child };
    let devtools = format!("127.0.0.1:{port}");
    let list = http(&devtools, "GET", "/json/list", &[], "").body;
    let targets: serde_json::Value = serde_json::from_str(&list).unwrap();
    let ws_url = targets
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["type"] == "page")
        .and_then(|t| t["webSocketDebuggerUrl"].as_str())
        .expect("a page target")
        .to_string();
    let stream = TcpStream::connect(&devtools).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let (ws, _) = tungstenite::client(ws_url.as_str(), stream).expect("DevTools websocket");
    let mut cdp = Cdp {
        ws,
        next: 0,
        pending: Vec::new(),
        log: Vec::new(),
    };
    for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
        cdp.call(domain, serde_json::json!({}));
    }
    let laptop =
        serde_json::json!({"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false});
    cdp.call("Emulation.setDeviceMetricsOverride", laptop.clone());
    let shots = std::env::var_os("ISNAD_SCREENSHOTS").map(PathBuf::from);
    let keep = |name: &str, png: &[u8]| {
        assert_not_blank(png, name);
        if let Some(d) = &shots {
            std::fs::write(d.join(name), png).unwrap();
        }
    };

    // The queue, then filtered to attributed claims.
    let queue = server.url("/");
    cdp.loads(|c| {
        c.call("Page.navigate", serde_json::json!({"url": queue}));
    });
    let rows = cdp.eval("document.querySelectorAll('table.queue tbody tr').length");
    assert!(rows.as_u64().unwrap() > 20, "{rows}");
    keep("desk-queue.png", &cdp.screenshot());
    cdp.loads(|c| {
        c.eval("(() => { const s = document.querySelector('select[name=basis]'); s.value = 'attributed'; s.dispatchEvent(new Event('change')); })()");
    });
    assert!(
        cdp.eval("location.search")
            .as_str()
            .unwrap()
            .contains("basis=attributed")
    );
    let filtered = cdp
        .eval("[...document.querySelectorAll('table.queue tbody tr')].map(r => r.dataset.basis)");
    let filtered = filtered.as_array().unwrap();
    assert!(
        !filtered.is_empty() && filtered.iter().all(|b| b == "attributed"),
        "{filtered:?}"
    );

    // An article, from the first claim in the queue.
    cdp.loads(|c| {
        c.eval("document.querySelector('a.claimlink').click()");
    });
    let path = cdp.eval("location.pathname");
    let doc = path
        .as_str()
        .unwrap()
        .trim_start_matches("/article/")
        .to_string();
    let claim = cdp.eval("document.querySelector('section.panel:not([hidden])').dataset.c");
    let claim = claim.as_str().unwrap().to_string();
    assert!(
        cdp.eval("document.querySelectorAll('a.seg.claim').length")
            .as_u64()
            .unwrap()
            > 0
    );
    // Clicking another claim's text shows its panel without a reload.
    let other = cdp.eval(&format!(
        "(() => {{ const a = [...document.querySelectorAll('a.seg.claim')].find(a => a.dataset.c !== '{claim}'); if (!a) return null; a.click(); return a.dataset.c; }})()"
    ));
    if let Some(other) = other.as_str() {
        assert_eq!(
            cdp.eval("document.querySelector('section.panel:not([hidden])').dataset.c"),
            other
        );
        // Back to the first one with the keyboard's previous/next keys is
        // order-dependent; choose it by clicking again.
        cdp.eval(&format!(
            "document.querySelector('a.seg.claim[data-c=\"{claim}\"]').click()"
        ));
    }
    keep("desk-article.png", &cdp.screenshot());

    // The review, with the walk's keys: c (confirmed), l (misleading), Enter.
    let note = "نفي لاحقه تأكيد <b>أربعة</b> لقاءات";
    cdp.key("c", "KeyC", 67, "c");
    cdp.key("l", "KeyL", 76, "l");
    cdp.eval(&format!(
        "(() => {{ const f = document.querySelector('section.panel:not([hidden]) form.review'); f.note.value = {}; f.reviewer.value = 'Lina'; f.evidence.value = 'https://example.org/wh'; }})()",
        serde_json::to_string(note).unwrap()
    ));
    keep("desk-review.png", &cdp.screenshot());
    cdp.loads(|c| c.key("Enter", "Enter", 13, "\r"));
    let after_save = cdp.eval("location.href + ' ' + document.body.innerText");
    assert!(
        after_save.as_str().unwrap().contains("saved=1"),
        "{after_save}"
    );
    assert!(
        cdp.eval("!!document.querySelector('.flash')")
            .as_bool()
            .unwrap()
    );
    cdp.loads(|c| {
        c.call("Page.reload", serde_json::json!({}));
    });
    let form = "document.querySelector('section.panel:not([hidden]) form.review')";
    assert_eq!(cdp.eval(&format!("{form}.note.value")), note);
    assert_eq!(cdp.eval(&format!("{form}.status.value")), "confirmed");
    assert_eq!(cdp.eval(&format!("{form}.verdict.value")), "misleading");
    let ann = store::load(&dir.join(format!("{doc}.yaml"))).unwrap();
    let c = ann.claims.iter().find(|c| c.id == claim).unwrap();
    let r = c.review.as_ref().expect("the review is in the file");
    assert_eq!(r.status, ReviewStatus::Confirmed);
    assert_eq!(r.verdict, Some(Verdict::Misleading));
    assert_eq!(r.note.as_deref(), Some(note));
    assert_eq!(r.reviewer.as_deref(), Some("Lina"));
    assert_eq!(r.evidence, ["https://example.org/wh"]);
    validate(&dir);

    // The story, and the article on a phone.
    let story = server.url("/story");
    cdp.loads(|c| {
        c.call("Page.navigate", serde_json::json!({"url": story}));
    });
    assert!(
        cdp.eval("document.querySelectorAll('section.cluster').length")
            .as_u64()
            .unwrap()
            > 0
    );
    keep("desk-story.png", &cdp.screenshot());
    cdp.call(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true}),
    );
    let phone = server.url(&format!("/article/{doc}?claim={claim}"));
    cdp.loads(|c| {
        c.call("Page.navigate", serde_json::json!({"url": phone}));
    });
    assert!(
        cdp.eval("document.documentElement.scrollWidth <= window.innerWidth + 1")
            .as_bool()
            .unwrap(),
        "the article page scrolls sideways on a phone"
    );
    keep("desk-phone.png", &cdp.screenshot());

    // No script error, no console error, no refused resource (CSP).
    let errors: Vec<_> = cdp
        .log
        .iter()
        .filter(|e| {
            e["method"] == "Runtime.exceptionThrown"
                || (e["method"] == "Runtime.consoleAPICalled" && e["params"]["type"] == "error")
                || (e["method"] == "Log.entryAdded" && e["params"]["entry"]["level"] == "error")
        })
        .collect();
    assert!(errors.is_empty(), "errors in the page: {errors:?}");
    drop(server);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn serve_says_what_is_wrong_with_its_arguments() {
    let out = Command::new(BIN)
        .args(["serve", "annotations", "--addr", "localhost"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--addr localhost"));
    let out = Command::new(BIN)
        .args(["serve", "no-such-folder"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no-such-folder: no such file or directory")
    );
}
