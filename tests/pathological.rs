//! Inputs and surroundings no real article has, which a corpus run meets all
//! the same: a 50 MB article, a million characters with no punctuation,
//! 100,000 quotation marks, empty and binary files, file names that are not
//! UTF-8, an output directory that cannot be written, a full disk. Each must
//! end in linear time with a clear message naming the file, a non-zero exit
//! where something was not done, and no file half-written.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use isnad::io::input::{Article, article_from_bytes};
use isnad::model::Annotation;
use isnad::text::Text;

fn isnad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
}

fn temp(name: &str) -> PathBuf {
    common::fresh_dir("patho", name)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The seeds' bodies (headlines dropped), for building long articles out of
/// real sentences.
fn seed_bodies() -> String {
    common::seed_paths()
        .iter()
        .map(|p| {
            let t = std::fs::read_to_string(p).unwrap();
            t.split_once('\n').map(|(_, b)| b.to_string()).unwrap()
        })
        .collect()
}

fn article(raw: &str) -> Article {
    article_from_bytes("p", raw.as_bytes(), "p.txt").unwrap()
}

/// Annotate in process, check every span against the text, and return the
/// annotation with the time it took.
fn annotate_checked(raw: &str) -> (Annotation, Duration) {
    let pipeline = common::pipeline();
    let started = Instant::now();
    let ann = pipeline.annotate(&article(raw));
    let took = started.elapsed();
    let text = Text::new(raw);
    assert_eq!(ann.document.length, raw.chars().count());
    for s in &ann.sentences {
        assert_eq!(text.slice_chars(s.start, s.end), Some(s.text.as_str()));
    }
    for c in &ann.claims {
        assert_eq!(text.slice_chars(c.start, c.end), Some(c.text.as_str()));
        for l in &c.chain {
            if let Some(cue) = &l.cue {
                assert_eq!(
                    text.slice_chars(cue.start, cue.end),
                    Some(cue.text.as_str())
                );
            }
            if let Some(src) = &l.source {
                assert_eq!(
                    text.slice_chars(src.start, src.end),
                    Some(src.text.as_str())
                );
            }
        }
    }
    (ann, took)
}

/// The peak resident memory of a child, sampled until it exits (Linux only;
/// elsewhere 0).
fn run_measured(cmd: &mut Command) -> (Output, Duration, u64) {
    let started = Instant::now();
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    // The pipes are small: read them on threads so the child never blocks.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).ok();
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).ok();
        v
    });
    let status = loop {
        if let Ok(s) = std::fs::read_to_string(&status_file)
            && let Some(kb) = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let output = Output {
        status,
        stdout: out_t.join().unwrap(),
        stderr: err_t.join().unwrap(),
    };
    (output, started.elapsed(), peak_kb * 1024)
}

#[test]
fn a_50_megabyte_article_is_annotated_in_linear_time_and_bounded_memory() {
    let dir = temp("big");
    let body = seed_bodies();
    let mut raw = String::from("مقال طويل جدا من المقالات المكررة\n");
    while raw.len() < 50_000_000 {
        raw.push_str(&body);
    }
    let input = dir.join("big.txt");
    std::fs::write(&input, &raw).unwrap();
    let out = dir.join("out");
    let (run, took, peak) =
        run_measured(isnad().arg("annotate").arg(&input).arg("--out").arg(&out));
    assert!(run.status.success(), "{}", stderr(&run));
    eprintln!(
        "50 MB article: {:.1} s, peak memory {} MB",
        took.as_secs_f64(),
        peak / 1_000_000
    );
    // Generous bounds for a busy 2-core machine; about 15 s and 1.5 GB here.
    // A quadratic step anywhere would take hours.
    assert!(took < Duration::from_secs(120), "took {took:?}");
    assert!(peak < 6_000_000_000, "peak memory {peak} bytes");
    assert_eq!(names(&out), ["big.yaml"]);
    // The output is a complete annotation of this text: its header, and a
    // last claim that is the text's last sentence (written, not cut off).
    let yaml = std::fs::read_to_string(out.join("big.yaml")).unwrap();
    let head = format!(
        "format: isnad/annotation/1\ndocument:\n  id: big\n  sha256: {}\n  length: {}\n",
        isnad::io::input::sha256_hex(raw.as_bytes()),
        raw.chars().count()
    );
    assert!(yaml.starts_with(&head), "{}", &yaml[..300.min(yaml.len())]);
    let last_sentence = raw.trim_end().lines().last().unwrap();
    assert!(
        yaml.contains(last_sentence.trim()),
        "the last sentence is missing"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_million_characters_without_punctuation() {
    let words = [
        "قال",
        "الوزير",
        "إن",
        "المفاوضات",
        "مستمرة",
        "مع",
        "الجانب",
        "الآخر",
    ];
    let mut line = String::new();
    let mut i = 0;
    while line.chars().count() < 1_000_000 {
        line.push_str(words[i % words.len()]);
        line.push(' ');
        i += 1;
    }
    // As a body paragraph, and as the first line, which is the headline.
    for raw in [format!("عنوان الخبر\n{line}"), line.clone()] {
        let (ann, took) = annotate_checked(&raw);
        eprintln!(
            "1M characters, no punctuation: {:.2} s, {} sentences, {} claims",
            took.as_secs_f64(),
            ann.sentences.len(),
            ann.claims.len()
        );
        assert!(took < Duration::from_secs(30), "took {took:?}");
        // Cut into bounded sentences that still cover the whole line.
        assert!(ann.sentences.len() > 100);
        let longest = ann.sentences.iter().map(|s| s.text.len()).max().unwrap();
        assert!(longest <= 2 * isnad::segment::MAX_SENTENCE, "{longest}");
        let covered: usize = ann.sentences.iter().map(|s| s.end - s.start).sum();
        assert!(covered + ann.sentences.len() + 20 >= raw.chars().count());
    }
    // No space at all: cut between characters.
    let solid = format!("عنوان\n{}", "ب".repeat(1_000_000));
    let (ann, took) = annotate_checked(&solid);
    assert!(took < Duration::from_secs(30), "took {took:?}");
    assert!(ann.sentences.len() > 100);
}

#[test]
fn a_hundred_thousand_quotation_marks() {
    let cases = [
        ("bare", "\"".repeat(100_000)),
        ("after a cue", "قال \"".repeat(100_000)),
        ("guillemets", "«".repeat(50_000) + &"»".repeat(50_000)),
        ("mixed", "“نص” «قال» \"".repeat(33_334)),
        ("dense sentences", "قال \"كلام.\" ".repeat(50_000)),
    ];
    for (what, body) in cases {
        let raw = format!("عنوان\n{body}");
        let (ann, took) = annotate_checked(&raw);
        eprintln!(
            "100,000 quotation marks ({what}): {:.2} s, {} claims",
            took.as_secs_f64(),
            ann.claims.len()
        );
        assert!(took < Duration::from_secs(20), "{what}: took {took:?}");
        let yaml = isnad::io::yaml::to_string(&ann).unwrap();
        assert!(yaml.starts_with("format: isnad/annotation/1\n"));
    }
}

#[test]
fn an_empty_file_is_reported_and_the_others_annotated() {
    let dir = temp("empty");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a_empty.txt"), "").unwrap();
    std::fs::write(input.join("b_blank.txt"), " \n\t\n\u{00A0}\n").unwrap();
    std::fs::copy(&common::seed_paths()[0], input.join("c_good.txt")).unwrap();
    let out = dir.join("out");
    let run = common::annotate_to(&input, &out);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("a_empty.txt: empty article"), "{err}");
    assert!(err.contains("b_blank.txt: empty article"), "{err}");
    assert_eq!(names(&out), ["c_good.yaml"]);

    // Empty standard input.
    let run = isnad()
        .args(["annotate", "-"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains("<stdin>: empty article"),
        "{}",
        stderr(&run)
    );
    assert!(run.stdout.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn binary_files_are_reported_by_byte_and_the_others_annotated() {
    let dir = temp("binary");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(&common::seed_paths()[0], input.join("a.txt")).unwrap();
    // A PNG: invalid UTF-8 at its first byte.
    std::fs::write(
        input.join("b.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    )
    .unwrap();
    // An ELF executable: valid UTF-8 up to a NUL.
    std::fs::write(
        input.join("c.txt"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
    )
    .unwrap();
    // UTF-16 with a byte-order mark, a common export from Windows tools.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("قال".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(input.join("d.txt"), utf16).unwrap();
    // Arabic text with a NUL in the middle.
    let mut e = "قال الوزير".as_bytes().to_vec();
    e.push(0);
    e.extend("إن".as_bytes());
    std::fs::write(input.join("e.txt"), e).unwrap();
    let out = dir.join("out");
    let run = common::annotate_to(&input, &out);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("b.txt: invalid UTF-8 at byte 0"), "{err}");
    assert!(
        err.contains("c.txt: binary data (a NUL byte at byte 7)"),
        "{err}"
    );
    assert!(err.contains("d.txt: UTF-16 text; convert"), "{err}");
    assert!(
        err.contains("e.txt: binary data (a NUL byte at byte 19)"),
        "{err}"
    );
    assert!(err.contains("4 input errors"), "{err}");
    assert_eq!(names(&out), ["a.yaml"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = temp("names");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let good = input.join(OsStr::from_bytes(b"\xd9\x85\xff\xfe-good.txt"));
    let seed = std::fs::read(&common::seed_paths()[0]).unwrap();
    if std::fs::write(&good, &seed).is_err() {
        // Some file systems (not Linux's usual ones) refuse such names.
        println!("SKIPPED: this file system does not store non-UTF-8 names");
        return;
    }
    std::fs::write(input.join(OsStr::from_bytes(b"\xc0bad.txt")), b"\xff\xff").unwrap();
    // Differs from the first only in its undecodable bytes.
    let twin = input.join(OsStr::from_bytes(b"\xd9\x85\xfe\xff-good.txt"));
    std::fs::write(&twin, &seed).unwrap();
    let id = |stem: &[u8]| format!("م__-good-{}.yaml", &isnad::io::input::sha256_hex(stem)[..8]);
    let (good_yaml, twin_yaml) = (id(b"\xd9\x85\xff\xfe-good"), id(b"\xd9\x85\xfe\xff-good"));
    let out = dir.join("out");
    for arg in [input.clone(), good.clone()] {
        let _ = std::fs::remove_dir_all(&out);
        let run = common::annotate_to(&arg, &out);
        let err = stderr(&run);
        // The id keeps the readable part of the name, and a hash of its
        // bytes tells the two apart.
        if arg == input {
            let mut both = vec![good_yaml.clone(), twin_yaml.clone()];
            both.sort();
            assert_eq!(names(&out), both, "{err}");
        } else {
            assert_eq!(names(&out), std::slice::from_ref(&good_yaml), "{err}");
        }
        let yaml = std::fs::read_to_string(out.join(&good_yaml)).unwrap();
        let text = String::from_utf8(seed.clone()).unwrap();
        assert_eq!(isnad::validate::check(&yaml, Some(&text)), vec![]);
        if arg == input {
            // The bad file is named, its undecodable bytes shown as U+FFFD.
            assert_eq!(run.status.code(), Some(1), "{err}");
            assert!(
                err.contains("\u{FFFD}bad.txt: invalid UTF-8 at byte 0"),
                "{err}"
            );
        } else {
            assert!(run.status.success(), "{err}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A tmpfs mounted for one test and unmounted when dropped. Mounting needs
/// root with CAP_SYS_ADMIN (as the CI here has); elsewhere `None`.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, options: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Whether file permissions hold for this process: root's are not enforced.
fn permissions_enforced(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let _ = std::fs::create_dir(&probe);
    set_mode(&probe, 0o555);
    let enforced = std::fs::write(probe.join("x"), "x").is_err();
    set_mode(&probe, 0o755);
    let _ = std::fs::remove_dir_all(&probe);
    enforced
}

#[cfg(unix)]
fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) {}

#[test]
fn a_read_only_output_directory_is_a_clear_error() {
    let dir = temp("readonly");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    // Root ignores permissions, so a read-only file system is the way to get
    // one there; a non-root user gets a directory without write permission.
    let mount = Tmpfs::mount(&out, "ro,size=64k");
    let how = if mount.is_some() {
        "a read-only tmpfs"
    } else if permissions_enforced(&dir) {
        set_mode(&out, 0o555);
        "a directory without write permission"
    } else {
        println!(
            "SKIPPED (read-only part): root without mount; only --out under a file is checked"
        );
        ""
    };
    let seeds = common::seed_paths();
    if !how.is_empty() {
        let run = isnad()
            .arg("annotate")
            .args(&seeds[..2])
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        let err = stderr(&run);
        assert_eq!(run.status.code(), Some(1), "{how}: {err}");
        let first = out.join(format!("{}.yaml", common::stem(&seeds[0])));
        assert!(
            err.contains(&format!("{}: ", first.display()))
                && err.contains("the output directory is not writable"),
            "{how}: {err}"
        );
        assert!(err.contains("2 write errors"), "{err}");
        assert_eq!(names(&out), Vec::<String>::new(), "{how}");
    }
    drop(mount);
    set_mode(&out, 0o755);

    // --out under a regular file: fails before any article is read.
    let file = dir.join("a-file");
    std::fs::write(&file, "x").unwrap();
    let run = isnad()
        .arg("annotate")
        .arg(&seeds[0])
        .arg("--out")
        .arg(file.join("out"))
        .output()
        .unwrap();
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(
        err.contains("a-file/out: cannot create output directory"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_full_disk_leaves_the_old_file_and_no_temporary() {
    let seed = &common::seed_paths()[0];
    let id = common::stem(seed);
    // An earlier run's output, which this run would replace.
    let old = std::fs::read_to_string(common::root().join(format!("annotations/{id}.yaml")))
        .unwrap()
        + "# an earlier run\n";

    // A real full disk: a small tmpfs, filled up.
    let dir = temp("full");
    let out = dir.join("out");
    match Tmpfs::mount(&out, "size=64k") {
        Some(_mount) => {
            std::fs::write(out.join(format!("{id}.yaml")), &old).unwrap();
            let filler = vec![b'x'; 1 << 20];
            assert!(std::fs::write(out.join("filler"), &filler).is_err());
            let run = common::annotate_to(seed, &out);
            let err = stderr(&run);
            assert_eq!(run.status.code(), Some(1), "{err}");
            assert!(
                err.contains(&format!("{id}.yaml: ")) && err.contains("the disk is full"),
                "{err}"
            );
            assert_eq!(
                std::fs::read_to_string(out.join(format!("{id}.yaml"))).unwrap(),
                old
            );
            assert_eq!(names(&out), [format!("{id}.yaml"), "filler".to_string()]);

            // A JSONL file streamed onto the full disk: the old one stays.
            let _ = std::fs::remove_file(out.join("filler"));
            std::fs::write(out.join("all.jsonl"), "{\"old\": true}\n").unwrap();
            assert!(std::fs::write(out.join("filler"), &filler).is_err());
            let run = isnad()
                .args(["annotate", "--format", "jsonl", "--out"])
                .arg(out.join("all.jsonl"))
                .args(common::seed_paths())
                .output()
                .unwrap();
            let err = stderr(&run);
            assert_eq!(run.status.code(), Some(1), "{err}");
            assert!(err.contains("the disk is full"), "{err}");
            assert_eq!(
                std::fs::read_to_string(out.join("all.jsonl")).unwrap(),
                "{\"old\": true}\n"
            );
            assert_eq!(
                names(&out),
                [
                    format!("{id}.yaml"),
                    "all.jsonl".to_string(),
                    "filler".to_string()
                ]
            );
        }
        None => println!(
            "SKIPPED (tmpfs part): cannot mount here; output.rs's unit test injects the error"
        ),
    }

    // Standard output and a JSONL file on a full device.
    if Path::new("/dev/full").exists() {
        let run = isnad()
            .arg("annotate")
            .arg(seed)
            .stdout(
                std::fs::File::options()
                    .write(true)
                    .open("/dev/full")
                    .unwrap(),
            )
            .output()
            .unwrap();
        let err = stderr(&run);
        assert!(!run.status.success(), "{err}");
        assert!(err.contains("No space left on device"), "{err}");
        let run = isnad()
            .args(["annotate", "--format", "jsonl", "--out", "/dev/full"])
            .arg(seed)
            .output()
            .unwrap();
        let err = stderr(&run);
        assert!(!run.status.success(), "{err}");
        assert!(err.contains("No space left on device"), "{err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_sentence_repeated_20000_times_keeps_distinct_ids_in_linear_time() {
    let raw = format!("عنوان\n{}", "قال الوزير إن الاجتماع انتهى. ".repeat(20_000));
    let (ann, took) = annotate_checked(&raw);
    eprintln!("one sentence 20,000 times: {:.2} s", took.as_secs_f64());
    assert!(took < Duration::from_secs(20), "took {took:?}");
    assert_eq!(ann.claims.len(), 20_000);
    let base = &ann.claims[0].id;
    assert_eq!(ann.claims[1].id, format!("{base}-2"));
    assert_eq!(ann.claims[19_999].id, format!("{base}-20000"));
    let ids: std::collections::HashSet<_> = ann.claims.iter().map(|c| &c.id).collect();
    assert_eq!(ids.len(), 20_000);
}

/// A hand-edited file can be anything: deep nesting is a problem reported
/// with its place, not a stack overflow (the YAML parser used to recurse
/// once per level of a block sequence such as "- - - - x").
#[test]
fn deeply_nested_yaml_is_a_problem_not_a_crash() {
    let seed = std::fs::read_to_string(&common::seed_paths()[0]).unwrap();
    let cases = [
        format!("{}x\n", "- ".repeat(50_000)),
        "[".repeat(100_000),
        format!("a: {}", "{b: ".repeat(100_000)),
        (1..3000)
            .map(|i| format!("{}b:\n", " ".repeat(i)))
            .collect(),
    ];
    for yaml in &cases {
        let problems = isnad::validate::check(yaml, Some(&seed));
        assert!(!problems.is_empty());
        assert!(problems[0].line >= 1 && problems[0].column >= 1);
    }
    let problems = isnad::validate::check(&cases[0], None);
    assert!(
        problems[0].message.contains("nested more than 64 levels"),
        "{problems:?}"
    );
}

/// Found by fuzzing `annotate`: libyaml writes U+2028, U+2029 and U+0085 as
/// line breaks, yaml_rust2 read them as characters, so `isnad validate`
/// called our own output a syntax error. The fuzzer's input, and the three
/// characters in the places they break.
#[test]
fn line_and_paragraph_separators_in_the_text_still_validate() {
    let fuzzed = std::fs::read_to_string(
        common::root().join("tests/fixtures/fuzz-annotate-paragraph-separator.txt"),
    )
    .unwrap();
    let mut texts = vec![fuzzed];
    for sep in ['\u{2028}', '\u{2029}', '\u{85}'] {
        texts.push(format!(
            "عنوان{sep}الخبر\nقال الوزير: \"{sep}، إلا أن الاجتماع انتهى{sep}\" وأضاف أن{sep}\n\n{sep}  الأمر انتهى."
        ));
    }
    for raw in &texts {
        let (ann, _) = annotate_checked(raw);
        let yaml = isnad::io::yaml::to_string(&ann).unwrap();
        assert_eq!(isnad::validate::check(&yaml, Some(raw)), vec![], "{yaml}");
    }
}
