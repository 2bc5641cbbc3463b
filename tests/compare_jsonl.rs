//! `isnad compare` and `compare --keys` on annotation JSONL (the output of
//! `annotate --format jsonl`, plain, gzipped or on standard input): the same
//! result as on the YAML files of the same annotations; a bad line is named
//! and the others are still compared. And step 1 run per partition with the
//! archive's frequencies (`--frequencies`, `--df`) writes the same key lines
//! as step 1 over the whole set, which is what lets an engine run it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn isnad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-jsonl-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{:?}: {}",
        cmd,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn with_stdin(cmd: &mut Command, input: Vec<u8>) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

/// The bundled articles annotated twice: as YAML files, and as JSONL.
fn annotated(dir: &Path) -> (PathBuf, PathBuf) {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/seeds");
    let yaml = dir.join("yaml");
    run(isnad().args(["annotate", seeds, "--out"]).arg(&yaml));
    let jsonl = dir.join("ann.jsonl");
    let out = run(isnad().args(["annotate", "--format", "jsonl", seeds]));
    std::fs::write(&jsonl, &out.stdout).unwrap();
    (yaml, jsonl)
}

fn sorted_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(<[u8]>::to_vec)
        .collect();
    v.sort();
    v
}

#[test]
fn annotation_jsonl_compares_as_the_yaml_files_do() {
    let dir = scratch("same");
    let (yaml, jsonl) = annotated(&dir);
    let gz = dir.join("ann.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(&std::fs::read(&jsonl).unwrap()).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();

    let from_yaml = run(isnad().args(["compare", "--keys"]).arg(&yaml));
    assert!(from_yaml.stdout.len() > 1000);
    for input in [&jsonl, &gz] {
        let from = run(isnad().args(["compare", "--keys"]).arg(input));
        assert!(from.stdout == from_yaml.stdout, "{}", input.display());
        assert_eq!(from.stderr, from_yaml.stderr);
    }
    let stdin = with_stdin(
        isnad().args(["compare", "--keys", "-"]),
        std::fs::read(&jsonl).unwrap(),
    );
    assert!(stdin.status.success());
    assert!(stdin.stdout == from_yaml.stdout);
    let err = String::from_utf8_lossy(&stdin.stderr);
    assert!(
        err.contains("run `isnad compare --group --claims "),
        "{err}"
    );

    // One step: the same comparison.
    for (input, out) in [(&yaml, "one-yaml"), (&jsonl, "one-jsonl")] {
        run(isnad()
            .arg("compare")
            .arg(input)
            .arg("--out")
            .arg(dir.join(out)));
    }
    let a = std::fs::read(dir.join("one-yaml/comparison.yaml")).unwrap();
    let b = std::fs::read(dir.join("one-jsonl/comparison.yaml")).unwrap();
    assert!(a.len() > 1000 && a == b);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_bad_annotation_line_is_named_and_the_others_compared() {
    let dir = scratch("bad");
    let (yaml, jsonl) = annotated(&dir);
    let text = std::fs::read_to_string(&jsonl).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let bad = dir.join("bad.jsonl");
    let mut body = String::new();
    body.push_str(lines[0]);
    body.push_str("\n{\"format\": \"isnad/annotation/1\", \"document\": 3}\n");
    body.push_str("{\"format\": \"isnad/annotation/2\"}\n{broken\n");
    for l in &lines[1..] {
        body.push_str(l);
        body.push('\n');
    }
    // The same document again is counted once, as with YAML files.
    body.push_str(lines[0]);
    body.push('\n');
    std::fs::write(&bad, body).unwrap();
    let out = isnad()
        .args(["compare", "--keys"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let name = bad.display().to_string();
    for (line, says) in [
        (2, "not a valid annotation"),
        (3, "is not an isnad annotation"),
        (4, "malformed JSON"),
        (9, "is already among the inputs; counted once"),
    ] {
        assert!(err.contains(&format!("{name}:{line}: ")), "{line}: {err}");
        assert!(err.contains(says), "{says}: {err}");
    }
    let good = run(isnad().args(["compare", "--keys"]).arg(&yaml));
    assert!(out.stdout == good.stdout, "the good lines are all compared");

    // `annotate` given annotations says what they are.
    let out = isnad()
        .args(["annotate", "--format", "jsonl"])
        .arg(&jsonl)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(":1: an annotation"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn step_one_per_partition_with_the_archive_frequencies_writes_the_same_lines() {
    let dir = scratch("parts");
    let (_, jsonl) = annotated(&dir);
    let whole = run(isnad().args(["compare", "--keys"]).arg(&jsonl));
    let text = std::fs::read_to_string(&jsonl).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let parts: Vec<PathBuf> = [&lines[..2], &lines[2..]]
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let p = dir.join(format!("part{i}.jsonl"));
            std::fs::write(&p, part.join("\n") + "\n").unwrap();
            p
        })
        .collect();
    // Step 0 per partition, concatenated: counts of one key are summed.
    let mut table = Vec::new();
    for p in &parts {
        table.extend(run(isnad().args(["compare", "--frequencies"]).arg(p)).stdout);
    }
    let df = dir.join("df.tsv");
    std::fs::write(&df, &table).unwrap();
    let mut keyed = Vec::new();
    let mut claims = Vec::new();
    for p in &parts {
        let out = run(isnad().args(["compare", "--keys", "--df"]).arg(&df).arg(p));
        keyed.extend(out.stdout);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        claims.push(
            err.split("--claims ")
                .nth(1)
                .unwrap()
                .trim_end()
                .to_string(),
        );
    }
    assert_eq!(sorted_lines(&keyed), sorted_lines(&whole.stdout));
    // Every partition names the archive's claim count, as the whole does.
    let whole_err = String::from_utf8_lossy(&whole.stderr);
    let n = whole_err.split("--claims ").nth(1).unwrap().trim_end();
    assert!(claims.iter().all(|c| c == n), "{claims:?} {n}");
    // Without the table, a partition weighs words by itself: not the same.
    let alone = run(isnad().args(["compare", "--keys"]).arg(&parts[0]));
    let all: std::collections::HashSet<Vec<u8>> = sorted_lines(&whole.stdout).into_iter().collect();
    assert!(!sorted_lines(&alone.stdout).iter().all(|l| all.contains(l)));

    // A damaged table stops step 1 before any work.
    std::fs::write(&df, "n\t\t12\nw\tقال\tmany\n").unwrap();
    let out = isnad()
        .args(["compare", "--keys", "--df"])
        .arg(&df)
        .arg(&parts[0])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("df.tsv:2: not a line of"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn step_two_skips_a_bad_line_and_judges_the_rest() {
    let dir = scratch("group");
    let (_, jsonl) = annotated(&dir);
    let keys = run(isnad().args(["compare", "--keys"]).arg(&jsonl));
    let mut lines = sorted_lines(&keys.stdout);
    let err = String::from_utf8_lossy(&keys.stderr).to_string();
    let claims = err
        .split("--claims ")
        .nth(1)
        .unwrap()
        .trim_end_matches(['`', '\n']);
    let judge = |lines: &[Vec<u8>]| {
        with_stdin(
            isnad().args(["compare", "--group", "--claims", claims, "-"]),
            lines.join(&b'\n'),
        )
    };
    let good = judge(&lines);
    assert!(good.status.success());
    // A shuffle keeps the keys together but not the order of the lines
    // within a key: the verdicts must not depend on it.
    let key = |l: &Vec<u8>| serde_json::from_slice::<serde_json::Value>(l).unwrap()["key"].clone();
    let mut shuffled = lines.clone();
    shuffled.reverse();
    shuffled.sort_by_key(|l| key(l).as_str().unwrap().to_string());
    assert_ne!(shuffled, lines);
    let out = judge(&shuffled);
    assert_eq!(sorted_lines(&out.stdout), sorted_lines(&good.stdout));
    lines.insert(3, b"{\"key\": 3}".to_vec());
    let out = judge(&lines);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:4: not a line of"));
    assert_eq!(out.stdout, good.stdout);
    std::fs::remove_dir_all(&dir).ok();
}
