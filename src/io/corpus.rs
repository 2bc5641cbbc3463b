//! Running a stage over a whole corpus: articles are read as a stream and
//! handled in batches on every core, and results come back in input order,
//! so output stays deterministic and memory stays flat whatever the corpus
//! size. Progress goes to standard error: a bar at a terminal, a summary
//! line otherwise.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::io::input::{Article, InputError};

/// Enough articles to keep every core busy, few enough to keep memory small.
const BATCH_ARTICLES: usize = 512;
const BATCH_BYTES: usize = 16 << 20;

/// Read every article of every input, apply `work` to each on all cores,
/// and hand the results to `sink` in input order. Bad inputs are reported
/// on stderr and collected in `errors`; the others go on.
pub fn run<T: Send>(
    inputs: &[PathBuf],
    errors: &mut Vec<InputError>,
    progress: &mut Progress,
    work: impl Fn(&Article) -> T + Sync,
    mut sink: impl FnMut(Article, T),
) {
    let mut batch: Vec<Article> = Vec::new();
    let mut batch_bytes = 0;
    let mut flush = |batch: &mut Vec<Article>, progress: &mut Progress| {
        let done: Vec<T> = batch.par_iter().map(&work).collect();
        for (article, out) in batch.drain(..).zip(done) {
            progress.advance(article.text.len());
            sink(article, out);
        }
    };
    crate::io::input::for_each_article(inputs, errors, |article| {
        batch_bytes += article.text.len();
        batch.push(article);
        if batch.len() >= BATCH_ARTICLES || batch_bytes >= BATCH_BYTES {
            flush(&mut batch, progress);
            batch_bytes = 0;
        }
    });
    flush(&mut batch, progress);
}

/// Articles and bytes done, shown as a bar when stderr is a terminal.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    pub articles: usize,
    pub bytes: usize,
}

impl Progress {
    /// `total` is the input size in bytes when it is known (plain files),
    /// for an ETA; compressed input and standard input show a spinner.
    pub fn new(total: Option<u64>) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = match total {
                Some(n) => ProgressBar::new(n).with_style(
                    ProgressStyle::with_template(
                        "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} · {msg}",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
                ),
                None => ProgressBar::new_spinner().with_style(
                    ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec} · {msg}")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                ),
            };
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            articles: 0,
            bytes: 0,
        }
    }

    fn advance(&mut self, bytes: usize) {
        self.articles += 1;
        self.bytes += bytes;
        if let Some(bar) = &self.bar {
            bar.inc(bytes as u64);
            if self.articles.is_multiple_of(64) {
                bar.set_message(format!("{} articles", self.articles));
            }
        }
    }

    pub fn seconds(&self) -> f64 {
        self.started.elapsed().as_secs_f64().max(1e-9)
    }

    pub fn megabytes_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.seconds()
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The input size in bytes when every input is a plain file or directory.
pub fn known_size(inputs: &[PathBuf]) -> Option<u64> {
    let mut total = 0;
    for p in inputs {
        if p.as_os_str() == "-" {
            return None;
        }
        for f in crate::io::input::expand(p).ok()? {
            if f.extension().is_some_and(|x| x == "gz") {
                return None;
            }
            total += std::fs::metadata(&f).ok()?.len();
        }
    }
    Some(total)
}

/// The articles of JSONL corpora (plain or gzipped), by document id: where
/// `validate` and `export` find the text of annotations made from a corpus
/// (`isnad annotate corpus.jsonl.gz --out DIR`), whose ids are the corpus's
/// ids made file-safe. A corpus that repeats an id keeps every version, and
/// the one whose SHA-256 the annotation records is chosen.
#[derive(Default)]
pub struct ArticleIndex {
    /// id → the versions of the article's text, in corpus order.
    by_id: rustc_hash::FxHashMap<String, Vec<String>>,
    /// The corpus files, for messages.
    pub files: Vec<PathBuf>,
}

impl ArticleIndex {
    /// Read every corpus; a bad line is reported (and skipped) through
    /// `on_error`, as `annotate` reports it.
    pub fn load(
        corpora: &[PathBuf],
        on_error: &mut dyn FnMut(crate::io::input::InputError),
    ) -> ArticleIndex {
        let mut index = ArticleIndex {
            files: corpora.to_vec(),
            ..ArticleIndex::default()
        };
        for path in corpora {
            crate::io::input::read_path(
                path,
                &mut |a| {
                    let versions = index.by_id.entry(a.id).or_default();
                    if !versions.contains(&a.text) {
                        versions.push(a.text);
                    }
                },
                on_error,
            );
        }
        index
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The text of document `id`: the version whose SHA-256 is `sha256`
    /// when there are several, else the first.
    pub fn get(&self, id: &str, sha256: Option<&str>) -> Option<&str> {
        let versions = self.by_id.get(id)?;
        let matching = sha256.and_then(|h| {
            versions
                .iter()
                .find(|t| crate::io::input::sha256_hex(t.as_bytes()) == h)
        });
        matching.or(versions.first()).map(String::as_str)
    }

    /// How to name where an article came from in a message.
    pub fn describe(&self) -> String {
        self.files
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Whether a path names a JSONL corpus rather than an article or a directory.
pub fn is_corpus_file(p: &std::path::Path) -> bool {
    let name = p.to_string_lossy();
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
}
