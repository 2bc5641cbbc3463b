//! `isnad bench`: segment and annotate throughput in MB/s on the bundled
//! corpus and on any other corpus given. Articles are read into memory first
//! so that only the stages are timed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::annotate::Pipeline;
use crate::io::input::Article;
use crate::io::input::for_each_article;
use crate::io::yaml;
use crate::lexicon::Lexicon;

/// Repeat small corpora until this many bytes have been processed, so that
/// the timing is not noise.
const MIN_BYTES: usize = 50_000_000;

pub(super) fn run(seeds: &Path, corpora: &[PathBuf]) -> Result<ExitCode, String> {
    let pipeline = Pipeline::new(&Lexicon::builtin());
    println!("machine: {}", machine());
    println!(
        "{:<40} {:>8} {:>9} {:>12} {:>12} {:>10} {:>13}",
        "corpus", "articles", "MB", "segment MB/s", "segment Mc/s", "core MB/s", "annotate MB/s"
    );
    // A corpus that is not there is reported and the others measured; the
    // exit code says that something was skipped.
    let mut skipped = 0;
    let mut measured = 0;
    let mut inputs = Vec::new();
    for p in std::iter::once(seeds).chain(corpora.iter().map(PathBuf::as_path)) {
        if p.exists() {
            inputs.push(p.to_path_buf());
        } else {
            println!("{:<40} skipped: not present", p.display());
            skipped += 1;
        }
    }
    for input in inputs {
        let mut errors = Vec::new();
        let mut articles = Vec::new();
        for_each_article(std::slice::from_ref(&input), &mut errors, |a| {
            articles.push(a)
        });
        if articles.is_empty() {
            println!("{:<40} skipped: no articles", input.display());
            skipped += 1;
            continue;
        }
        measured += 1;
        let r = measure(&pipeline, &articles);
        println!(
            "{:<40} {:>8} {:>9.1} {:>12.1} {:>12.1} {:>10.1} {:>13.1}",
            input.display().to_string(),
            articles.len(),
            r.bytes as f64 / 1e6,
            r.segment_mbs,
            r.segment_mchars,
            r.core_mbs,
            r.annotate_mbs
        );
    }
    if measured == 0 {
        eprintln!(
            "isnad: nothing measured: no articles in {}{}; run from the repository (which holds corpus/seeds), or give --seeds DIR or --corpus FILE",
            seeds.display(),
            if corpora.is_empty() {
                ""
            } else {
                " or the --corpus files"
            }
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(if skipped == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

struct Rates {
    bytes: usize,
    segment_mbs: f64,
    segment_mchars: f64,
    /// Annotation without the attribution stage, YAML included.
    core_mbs: f64,
    annotate_mbs: f64,
}

fn measure(pipeline: &Pipeline, articles: &[Article]) -> Rates {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let chars: usize = articles.iter().map(|a| a.text.chars().count()).sum();
    let rounds = MIN_BYTES.div_ceil(bytes.max(1)).max(1);
    let mut sink = 0usize;
    let t = Instant::now();
    for _ in 0..rounds {
        for a in articles {
            sink += pipeline.segment(a).sentences.len();
        }
    }
    let seg_secs = t.elapsed().as_secs_f64().max(1e-9);
    let annotate_rounds = (rounds / 4).max(1);
    let mut annotate_at = |attribution: bool| {
        let t = Instant::now();
        for _ in 0..annotate_rounds {
            for a in articles {
                let ann = pipeline.annotate_stages(a, attribution);
                sink += yaml::to_string(&ann).map(|y| y.len()).unwrap_or(0);
            }
        }
        t.elapsed().as_secs_f64().max(1e-9)
    };
    let core_secs = annotate_at(false);
    let ann_secs = annotate_at(true);
    std::hint::black_box(sink);
    Rates {
        bytes,
        segment_mbs: (bytes * rounds) as f64 / 1e6 / seg_secs,
        segment_mchars: (chars * rounds) as f64 / 1e6 / seg_secs,
        core_mbs: (bytes * annotate_rounds) as f64 / 1e6 / core_secs,
        annotate_mbs: (bytes * annotate_rounds) as f64 / 1e6 / ann_secs,
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!("{cpu}, {cores} cores, one thread used")
}
