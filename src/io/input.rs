//! Reading articles: `.txt` files, JSONL (plain or gzipped), directories and
//! standard input. A bad input is reported with its file and line or byte, and
//! reading goes on with the next one.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::model::{Annotation, FORMAT};

/// One article as read, before any analysis.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub text: String,
    /// Hex SHA-256 of the text's bytes, as read.
    pub sha256: String,
    /// The title from metadata; plain-text articles take their first line.
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    /// Where it came from, for messages: `path` or `path:line`.
    pub origin: String,
}

/// One record of an input: an article to annotate, or an annotation already
/// made (a line of `isnad annotate --format jsonl`, told apart by its
/// `format` field), which the stages that read annotations take as it is.
#[derive(Debug)]
pub enum Record {
    Article(Article),
    Annotation {
        annotation: Box<Annotation>,
        /// `path:line`, for messages.
        origin: String,
    },
}

/// A problem with one input; the others are still read.
#[derive(Debug, Clone)]
pub struct InputError {
    pub origin: String,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

#[derive(Deserialize)]
struct JsonArticle {
    /// Only annotations have it: see `record_from_json`.
    format: Option<serde_json::Value>,
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    date: Option<String>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest.iter() {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

/// A file-name-safe article id.
pub fn safe_id(raw: &str) -> String {
    let id: String = raw
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    match id.trim_start_matches('.') {
        "" => "article".to_string(),
        s => s.to_string(),
    }
}

/// The article files a path names: itself, or every `.txt`, `.jsonl` and
/// `.jsonl.gz` under a directory, in sorted order.
pub fn expand(path: &Path) -> Result<Vec<PathBuf>, InputError> {
    if path.as_os_str() == "-" || !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut found = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| InputError {
            origin: dir.display().to_string(),
            message: format!("cannot list directory: {e}"),
        })?;
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if is_article_file(&p) {
                found.push(p);
            }
        }
    }
    found.sort();
    Ok(found)
}

fn is_article_file(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.ends_with(".txt") || name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
}

fn is_jsonl(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
}

/// Read every article of one input path, passing each article or error on as
/// soon as it is read, so that a large JSONL file streams in flat memory.
/// An annotation line is an error here: it says where annotations are read.
pub fn read_path(
    path: &Path,
    on_article: &mut dyn FnMut(Article),
    on_error: &mut dyn FnMut(InputError),
) {
    // Both callbacks report errors, in the order they are met.
    let on_error = std::cell::RefCell::new(on_error);
    read_records(
        path,
        &mut |r| match r {
            Record::Article(a) => on_article(a),
            Record::Annotation { origin, .. } => (on_error.borrow_mut())(InputError {
                origin,
                message: format!(
                    "an annotation (\"format\": \"{FORMAT}\"), not an article; give the articles, or give this file to `isnad compare`"
                ),
            }),
        },
        &mut |e| (on_error.borrow_mut())(e),
    );
}

/// Read every record of one input path: articles, and in JSONL also
/// annotation lines. Streamed as `read_path` is.
pub fn read_records(
    path: &Path,
    on_article: &mut dyn FnMut(Record),
    on_error: &mut dyn FnMut(InputError),
) {
    let origin = path.display().to_string();
    if path.as_os_str() == "-" {
        read_stdin(on_article, on_error);
        return;
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            on_error(InputError {
                origin,
                message: format!("cannot open: {e}; check the path and its permissions"),
            });
            return;
        }
    };
    if is_jsonl(path) {
        if origin.ends_with(".gz") {
            let gz = flate2::read::MultiGzDecoder::new(file);
            read_jsonl(BufReader::new(gz), &origin, on_article, on_error);
        } else {
            read_jsonl(BufReader::new(file), &origin, on_article, on_error);
        }
        return;
    }
    let mut bytes = Vec::new();
    if let Err(e) = BufReader::new(file).read_to_end(&mut bytes) {
        on_error(InputError {
            origin,
            message: format!("cannot read: {e}"),
        });
        return;
    }
    match article_from_bytes(&file_id(path), &bytes, &origin) {
        Ok(a) => on_article(Record::Article(a)),
        Err(e) => on_error(e),
    }
}

/// Standard input: JSONL is streamed line by line, so a whole archive piped
/// through isnad needs no more memory than one article; anything else is one
/// plain-text article.
fn read_stdin(on_article: &mut dyn FnMut(Record), on_error: &mut dyn FnMut(InputError)) {
    let failed = |e: std::io::Error| InputError {
        origin: "<stdin>".into(),
        message: format!("cannot read standard input: {e}"),
    };
    let mut reader = BufReader::with_capacity(1 << 16, std::io::stdin().lock());
    // The first buffer tells whether the first record opens with `{`.
    let first = match reader.fill_buf() {
        Ok(buf) => buf.iter().copied().find(|b| !b.is_ascii_whitespace()),
        Err(e) => return on_error(failed(e)),
    };
    if first == Some(b'{') {
        return read_jsonl(reader, "<stdin>", on_article, on_error);
    }
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return on_error(failed(e));
    }
    match article_from_bytes("stdin", &bytes, "<stdin>") {
        Ok(a) => on_article(Record::Article(a)),
        Err(e) => on_error(e),
    }
}

/// A plain-text article's id: its file name without the extension. A name
/// that is not UTF-8 keeps its readable part and gets a short hash of its
/// bytes, so that two names differing only in undecodable bytes do not
/// become one id (and one output file).
fn file_id(path: &Path) -> String {
    let Some(stem) = path.file_stem() else {
        return "article".into();
    };
    if let Some(s) = stem.to_str() {
        return safe_id(s);
    }
    #[cfg(unix)]
    let raw = std::os::unix::ffi::OsStrExt::as_bytes(stem).to_vec();
    #[cfg(not(unix))]
    let raw = stem.to_string_lossy().as_bytes().to_vec();
    let hash = sha256_hex(&raw);
    format!("{}-{}", safe_id(&stem.to_string_lossy()), &hash[..8])
}

/// A plain-text article from raw bytes.
pub fn article_from_bytes(id: &str, bytes: &[u8], origin: &str) -> Result<Article, InputError> {
    let err = |message: String| InputError {
        origin: origin.to_string(),
        message,
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(err(
            "UTF-16 text; convert the file to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)".into(),
        ));
    }
    // A NUL byte is valid UTF-8 but never part of an article: the file is
    // binary (an image, a PDF, an archive), and reading on would annotate
    // noise. Whichever of the two problems comes first is the one reported.
    let utf8_end = std::str::from_utf8(bytes).err().map(|e| e.valid_up_to());
    if let Some(at) = bytes
        .iter()
        .position(|&b| b == 0)
        .filter(|&n| utf8_end.is_none_or(|u| n < u))
    {
        return Err(err(format!(
            "binary data (a NUL byte at byte {at}), not a text article; give a UTF-8 text file"
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| InputError {
        origin: origin.to_string(),
        message: format!(
            "invalid UTF-8 at byte {}; convert the file to UTF-8 (e.g. iconv -f CP1256 -t UTF-8)",
            e.valid_up_to()
        ),
    })?;
    if text.trim().is_empty() {
        return Err(InputError {
            origin: origin.to_string(),
            message: "empty article: the file has no text".into(),
        });
    }
    Ok(Article {
        id: id.to_string(),
        sha256: sha256_hex(bytes),
        text: text.to_string(),
        title: None,
        outlet: None,
        url: None,
        date: None,
        origin: origin.to_string(),
    })
}

fn read_jsonl(
    reader: impl BufRead,
    origin: &str,
    on_article: &mut dyn FnMut(Record),
    on_error: &mut dyn FnMut(InputError),
) {
    let mut reader = reader;
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                on_error(InputError {
                    origin: format!("{origin}:{}", line_no + 1),
                    message: format!("cannot read: {e}"),
                });
                break;
            }
        }
        line_no += 1;
        let here = format!("{origin}:{line_no}");
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match record_from_json(&buf, &here) {
            Ok(r) => on_article(r),
            Err(e) => on_error(e),
        }
    }
}

/// One JSONL line: an annotation when it has a `format` field (every
/// annotation has one, no article does), else an article. The line is
/// parsed once as an article, which skips the fields an article does not
/// have; only an annotation line is parsed again, as the whole model.
fn record_from_json(line: &[u8], here: &str) -> Result<Record, InputError> {
    let err = |message: String| InputError {
        origin: here.to_string(),
        message,
    };
    let (text, j) = parse_line(line, here)?;
    let Some(format) = j.format.clone() else {
        return article_from(j, here).map(Record::Article);
    };
    if format.as_str() != Some(FORMAT) {
        return Err(err(format!(
            "\"format\": {format} is not an isnad annotation ({FORMAT}); give lines written by `isnad annotate --format jsonl`, or articles without a \"format\" field"
        )));
    }
    let annotation: Annotation = serde_json::from_str(text).map_err(|e| {
        err(format!(
            "not a valid annotation at column {}: {e}; re-annotate the article with `isnad annotate --format jsonl`",
            e.column()
        ))
    })?;
    Ok(Record::Annotation {
        annotation: Box::new(annotation),
        origin: here.to_string(),
    })
}

fn parse_line<'a>(line: &'a [u8], here: &str) -> Result<(&'a str, JsonArticle), InputError> {
    let err = |message: String| InputError {
        origin: here.to_string(),
        message,
    };
    let line = std::str::from_utf8(line).map_err(|e| {
        err(format!(
            "invalid UTF-8 at byte {} of the line; re-encode the file as UTF-8",
            e.valid_up_to()
        ))
    })?;
    let j: JsonArticle = serde_json::from_str(line).map_err(|e| {
        err(format!(
            "malformed JSON at column {}: {e}; each line must be one object like {{\"id\": ..., \"text\": ...}}",
            e.column()
        ))
    })?;
    Ok((line, j))
}

fn article_from(j: JsonArticle, here: &str) -> Result<Article, InputError> {
    let err = |message: String| InputError {
        origin: here.to_string(),
        message,
    };
    let id = match j.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err(err("missing \"id\": give every line a non-empty id".into())),
    };
    let text = j
        .text
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| err(format!("article {id} has no \"text\"")))?;
    Ok(Article {
        id: safe_id(&id),
        sha256: sha256_hex(text.as_bytes()),
        text,
        title: j.title,
        outlet: j.outlet,
        url: j.url,
        date: j.date,
        origin: here.to_string(),
    })
}

/// Read every article of every input, reporting bad inputs on stderr.
pub fn for_each_article(inputs: &[PathBuf], errors: &mut Vec<InputError>, f: impl FnMut(Article)) {
    for_each(inputs, errors, read_path, f);
}

/// Read every record (article or annotation line) of every input,
/// reporting bad inputs on stderr.
pub fn for_each_record(inputs: &[PathBuf], errors: &mut Vec<InputError>, f: impl FnMut(Record)) {
    for_each(inputs, errors, read_records, f);
}

type Reader<R> = fn(&Path, &mut dyn FnMut(R), &mut dyn FnMut(InputError));

fn for_each<R>(
    inputs: &[PathBuf],
    errors: &mut Vec<InputError>,
    read: Reader<R>,
    mut f: impl FnMut(R),
) {
    for path in inputs {
        let files = match expand(path) {
            Ok(files) if files.is_empty() => {
                let e = InputError {
                    origin: path.display().to_string(),
                    message: "no articles (.txt, .jsonl or .jsonl.gz files) in this directory; nothing to do".into(),
                };
                eprintln!("isnad: {e}");
                errors.push(e);
                continue;
            }
            Ok(files) => files,
            Err(e) => {
                eprintln!("isnad: {e}");
                errors.push(e);
                continue;
            }
        };
        for file in files {
            read(&file, &mut |a| f(a), &mut |e| {
                eprintln!("isnad: {e}");
                errors.push(e);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(bytes: &[u8]) -> (Vec<Article>, Vec<InputError>) {
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        read_jsonl(
            BufReader::new(bytes),
            "t.jsonl",
            &mut |r| match r {
                Record::Article(a) => ok.push(a),
                Record::Annotation { origin, .. } => panic!("{origin}: not an article"),
            },
            &mut |e| bad.push(e),
        );
        (ok, bad)
    }

    #[test]
    fn annotation_lines_are_told_by_their_format() {
        let ann = crate::annotate::Pipeline::load(None)
            .expect("built-in lexicon")
            .annotate(&Article {
                id: "a1".into(),
                text: "قال الوزير إن الاجتماع تأجل.".into(),
                sha256: String::new(),
                title: None,
                outlet: None,
                url: None,
                date: None,
                origin: "t".into(),
            });
        let line = serde_json::to_string(&ann).expect("serializable");
        let data = format!(
            "{line}\n{{\"format\": \"isnad/other/9\", \"id\": \"x\"}}\n{{\"format\": \"{FORMAT}\", \"document\": 3}}\n{{\"id\": \"b\", \"text\": \"نص\"}}\n"
        );
        let (mut anns, mut arts, mut bad) = (Vec::new(), Vec::new(), Vec::new());
        read_jsonl(
            BufReader::new(data.as_bytes()),
            "t.jsonl",
            &mut |r| match r {
                Record::Article(a) => arts.push(a.id),
                Record::Annotation { annotation, origin } => {
                    anns.push((annotation.document.id.clone(), origin))
                }
            },
            &mut |e| bad.push(e.to_string()),
        );
        assert_eq!(anns, [("a1".to_string(), "t.jsonl:1".to_string())]);
        assert_eq!(arts, ["b"]);
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert!(
            bad[0].starts_with("t.jsonl:2: \"format\": \"isnad/other/9\""),
            "{}",
            bad[0]
        );
        assert!(
            bad[1].starts_with("t.jsonl:3: not a valid annotation"),
            "{}",
            bad[1]
        );
    }

    #[test]
    fn malformed_jsonl_lines_are_reported_and_skipped() {
        let data = "{\"id\": \"a1\", \"text\": \"قال الوزير\"}\n{broken\n\n{\"id\": 7, \"text\": \"نص\", \"title\": \"ع\"}\n{\"text\": \"x\"}\n";
        let (ok, bad) = collect(data.as_bytes());
        assert_eq!(
            ok.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["a1", "7"]
        );
        assert_eq!(ok[1].title.as_deref(), Some("ع"));
        assert_eq!(bad.len(), 2);
        assert_eq!(bad[0].origin, "t.jsonl:2");
        assert_eq!(bad[1].origin, "t.jsonl:5");
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let mut bytes = "قال".as_bytes().to_vec();
        bytes.push(0xFF);
        let e = article_from_bytes("x", &bytes, "x.txt").unwrap_err();
        assert!(e.message.contains("byte 6"), "{}", e.message);
        assert!(article_from_bytes("x", b"  \n", "x.txt").is_err());
    }

    #[test]
    fn binary_and_utf16_files_are_named_as_such() {
        let e = article_from_bytes("x", b"\x7fELF\x02\x01\x01\0\0", "x.bin").unwrap_err();
        assert!(e.message.contains("NUL byte at byte 7"), "{}", e.message);
        let e = article_from_bytes("x", &[0xFF, 0xFE, 0x42, 0x06], "x.txt").unwrap_err();
        assert!(e.message.starts_with("UTF-16"), "{}", e.message);
        // Invalid UTF-8 before any NUL is reported as such.
        let e = article_from_bytes("x", b"ab\xffc\0", "x.txt").unwrap_err();
        assert!(
            e.message.contains("invalid UTF-8 at byte 2"),
            "{}",
            e.message
        );
    }

    #[test]
    fn ids_are_safe_file_names() {
        assert_eq!(safe_id("../etc/passwd"), "_etc_passwd");
        assert_eq!(safe_id("aawsat-00547aa58e"), "aawsat-00547aa58e");
    }
}
