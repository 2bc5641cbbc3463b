//! Annotation files on disk: listing them, loading and saving them, and
//! finding the article each one describes. Every command goes through here,
//! so a file that does not parse is reported the same way everywhere.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::io::output::atomic_write;
use crate::io::{corpus, input, yaml};
use crate::model::Annotation;

/// Why an annotation file could not be listed, read, parsed or written.
#[derive(Debug)]
pub enum StoreError {
    Missing(PathBuf),
    Unreadable(PathBuf, std::io::Error),
    /// The file is there but is no annotation file (the parser's message).
    NotAnnotation(PathBuf, String),
    Unwritable(PathBuf, String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Missing(p) => write!(f, "{}: no such file or directory", p.display()),
            StoreError::Unreadable(p, e) => write!(f, "{}: cannot read: {e}", p.display()),
            StoreError::NotAnnotation(p, e) => write!(
                f,
                "{}: does not parse as an annotation file: {e}; run `isnad validate {}` to see every problem",
                p.display(),
                p.display()
            ),
            StoreError::Unwritable(p, e) => write!(f, "{}: cannot write: {e}", p.display()),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<StoreError> for String {
    fn from(e: StoreError) -> String {
        e.to_string()
    }
}

fn read_error(path: &Path, e: std::io::Error) -> StoreError {
    match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::Missing(path.to_path_buf()),
        _ => StoreError::Unreadable(path.to_path_buf(), e),
    }
}

/// The `.yaml` files of a directory, sorted.
pub fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| read_error(dir, e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    v.sort();
    Ok(v)
}

/// The annotation files of the paths given: files as they are, directories
/// for the `.yaml` files they hold.
pub fn annotation_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, StoreError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            out.extend(yaml_files(p)?);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// One annotation file, parsed.
pub fn load(path: &Path) -> Result<Annotation, StoreError> {
    let text = std::fs::read_to_string(path).map_err(|e| read_error(path, e))?;
    yaml::from_str(&text).map_err(|e| StoreError::NotAnnotation(path.to_path_buf(), e.to_string()))
}

/// Write an annotation file atomically.
pub fn save(path: &Path, ann: &Annotation) -> Result<(), StoreError> {
    let body = yaml::to_string(ann)
        .map_err(|e| StoreError::Unwritable(path.to_path_buf(), e.to_string()))?;
    write(path, &body)
}

/// Write atomically, and leave an unchanged file untouched, so that its
/// time stamp tells the truth.
pub fn write_if_changed(path: &Path, body: &str) -> Result<(), StoreError> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == body) {
        return Ok(());
    }
    write(path, body)
}

fn write(path: &Path, body: &str) -> Result<(), StoreError> {
    atomic_write(path, body.as_bytes())
        .map_err(|e| StoreError::Unwritable(path.to_path_buf(), e.to_string()))
}

/// The article an annotation file describes: `explicit` (the article itself,
/// or a directory of articles), else a `.txt` named after the document id
/// or the file, beside the file or in a `corpus/seeds` of the file's
/// directory, of any directory above it, or of the working directory.
pub fn find_article(
    file: &Path,
    id: Option<&str>,
    explicit: Option<&Path>,
) -> Option<(PathBuf, String)> {
    let mut names: Vec<String> = id.map(str::to_string).into_iter().collect();
    if let Some(stem) = file.file_stem().map(|s| s.to_string_lossy().into_owned())
        && !names.contains(&stem)
    {
        names.push(stem);
    }
    let dirs = match explicit {
        Some(p) if !p.is_dir() => {
            return std::fs::read_to_string(p)
                .ok()
                .map(|t| (p.to_path_buf(), t));
        }
        Some(dir) => vec![dir.to_path_buf()],
        None => {
            let dir = file
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let mut dirs = vec![dir.to_path_buf()];
            let absolute = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
            dirs.extend(absolute.ancestors().map(|a| a.join("corpus/seeds")));
            dirs.push(PathBuf::from("corpus/seeds"));
            dirs
        }
    };
    dirs.iter()
        .flat_map(|d| names.iter().map(move |n| d.join(format!("{n}.txt"))))
        .find_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
}

/// `document.id`, when it can name a file (a hand-edited id must not lead
/// the search out of the directories above), and `document.sha256`.
pub fn document_id(yaml_text: &str) -> (Option<String>, Option<String>) {
    let Ok(root) = yaml::parse_located(yaml_text) else {
        return (None, None);
    };
    let document = root.get("document");
    let field = |key: &str| {
        document
            .and_then(|d| d.get(key))
            .and_then(|n| n.as_str())
            .map(str::to_string)
    };
    let id = field("id")
        .filter(|id| !id.is_empty() && !id.starts_with('.') && !id.contains(['/', '\\']));
    (id, field("sha256"))
}

/// Where the article of an annotation file is found: a JSONL corpus by
/// document id (`--corpus`, or a `.jsonl`/`.jsonl.gz` given as `--text`),
/// else `find_article`.
pub struct ArticleLookup {
    text: Option<PathBuf>,
    corpus: Option<corpus::ArticleIndex>,
}

impl ArticleLookup {
    /// Loads the corpora now. A corpus line that is no article (no text,
    /// malformed JSON) cannot be what an annotation file was made from:
    /// `annotate` reported it; here one note says how many were skipped,
    /// and a file whose article is missing is reported in its turn.
    pub fn new(text: Option<&Path>, corpora: &[PathBuf]) -> ArticleLookup {
        let mut corpora = corpora.to_vec();
        let text = match text {
            Some(p) if corpus::is_corpus_file(p) && !p.is_dir() => {
                corpora.push(p.to_path_buf());
                None
            }
            other => other.map(Path::to_path_buf),
        };
        let mut skipped: Vec<input::InputError> = Vec::new();
        let corpus = (!corpora.is_empty())
            .then(|| corpus::ArticleIndex::load(&corpora, &mut |e| skipped.push(e)));
        if let Some(first) = skipped.first() {
            eprintln!(
                "isnad: note: {} lines of the corpus hold no article and were skipped (the first: {first})",
                skipped.len()
            );
        }
        ArticleLookup { text, corpus }
    }

    /// The article and where it was found (`corpus.jsonl.gz#id` for a corpus).
    pub fn find(
        &self,
        file: &Path,
        id: Option<&str>,
        sha256: Option<&str>,
    ) -> Option<(PathBuf, String)> {
        if let (Some(corpus), Some(id)) = (&self.corpus, id)
            && let Some(text) = corpus.get(id, sha256)
        {
            return Some((
                PathBuf::from(format!("{}#{id}", corpus.describe())),
                text.to_string(),
            ));
        }
        find_article(file, id, self.text.as_deref())
    }

    /// Where the article of document `id` was looked for, for a message.
    pub fn looked_in(&self, id: &str) -> String {
        let mut places = Vec::new();
        if let Some(c) = &self.corpus {
            places.push(format!("id {id} in {}", c.describe()));
        }
        places.push(match &self.text {
            Some(p) if p.is_dir() => format!("{}", p.join(format!("{id}.txt")).display()),
            Some(p) => format!("{}", p.display()),
            None => format!("{id}.txt beside the file or in corpus/seeds"),
        });
        places.join(", then ")
    }
}
