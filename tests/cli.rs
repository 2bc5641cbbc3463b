//! The command line as a user meets it: bad inputs are reported and the
//! others still processed; a person's edits are never overwritten.

mod common;

use std::process::Command;

fn isnad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
}

fn temp(name: &str) -> std::path::PathBuf {
    common::fresh_dir("cli", name)
}

#[test]
fn a_bad_input_is_reported_and_the_others_annotated() {
    let dir = temp("bad");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(common::seed_paths()[0].clone(), input.join("a.txt")).unwrap();
    let mut broken = "قال الوزير إن".as_bytes().to_vec();
    broken.extend([0xFF, 0xFE]);
    std::fs::write(input.join("b.txt"), &broken).unwrap();
    std::fs::write(input.join("c.txt"), "  \n").unwrap();
    std::fs::write(
        input.join("d.jsonl"),
        "{\"id\": \"x1\", \"text\": \"قال الوزير إن الاجتماع انتهى.\"}\nnot json\n",
    )
    .unwrap();
    let out = dir.join("out");
    let run = common::annotate_to(&input, &out);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(err.contains("b.txt: invalid UTF-8 at byte 24"), "{err}");
    assert!(err.contains("c.txt: empty article"), "{err}");
    assert!(err.contains("d.jsonl:2: malformed JSON"), "{err}");
    assert!(out.join("a.yaml").exists() && out.join("x1.yaml").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn re_annotating_keeps_human_edits_and_a_file_that_does_not_parse() {
    let dir = temp("human");
    let seed = &common::seed_paths()[0];
    let path = dir.join(format!("{}.yaml", common::stem(seed)));
    let fresh = isnad::io::yaml::to_string(&common::annotate(seed)).unwrap();
    let edited = fresh.replacen("  kind: outlet\n", "  kind: outlet\n  origin: human\n", 1);
    assert_ne!(edited, fresh);
    std::fs::write(&path, &edited).unwrap();
    let annotate = || common::annotate_to(seed, &dir);
    let run = annotate();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let kept = std::fs::read_to_string(&path).unwrap();
    let parse = |t: &str| isnad::io::yaml::from_str::<isnad::model::Annotation>(t).unwrap();
    assert!(parse(&kept) == parse(&edited), "the human edit is kept");
    let edited = kept;

    let half_edited = edited.replacen("claims:\n", "claims:\n  - id: [\n", 1);
    std::fs::write(&path, &half_edited).unwrap();
    let run = annotate();
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("does not parse"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), half_edited);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn segment_prints_one_sentence_per_line_from_standard_input() {
    use std::io::Write;
    let mut child = isnad()
        .args(["segment", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("عنوان الخبر\nنشر غوتشيفر 2.0 الوثائق. وقال د. محمد إن الأمر انتهى.\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "عنوان الخبر\n\nنشر غوتشيفر 2.0 الوثائق.\nوقال د. محمد إن الأمر انتهى.\n\n"
    );
}

/// Every core works, and the output is the same bytes in the same order as
/// on one thread, so annotation files in git diff cleanly.
#[test]
fn parallel_output_is_the_same_as_on_one_thread() {
    let dir = temp("threads");
    let mut jsonl = String::new();
    for round in 0..60 {
        for seed in common::seed_paths() {
            let text = std::fs::read_to_string(&seed).unwrap();
            let line =
                serde_json::json!({"id": format!("{}-{round}", common::stem(&seed)), "text": text});
            jsonl.push_str(&line.to_string());
            jsonl.push('\n');
        }
    }
    let input = dir.join("corpus.jsonl");
    std::fs::write(&input, jsonl).unwrap();
    let run = |threads: &str| {
        let out = isnad()
            .env("RAYON_NUM_THREADS", threads)
            .arg("annotate")
            .arg("--format")
            .arg("jsonl")
            .arg(&input)
            .output()
            .unwrap();
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(err.contains("annotated 300 articles"), "{err}");
        assert!(err.contains(&format!("on {threads} threads")), "{err}");
        out.stdout
    };
    let one = run("1");
    assert_eq!(one, run("4"));
    let ids: Vec<String> = String::from_utf8_lossy(&one)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["document"]["id"].to_string()
        })
        .collect();
    assert_eq!(ids.len(), 300);
    assert!(
        ids[0].contains("-0") && ids[299].contains("-59"),
        "input order kept"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn validate_reads_a_directory_of_annotations() {
    let run = isnad()
        .arg("validate")
        .arg(common::root().join("annotations"))
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&run.stdout);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{out}{err}");
    assert_eq!(
        out.lines().filter(|l| l.ends_with(": ok")).count(),
        5,
        "{out}"
    );
    assert!(err.contains("5 files checked, 0 with problems"), "{err}");
}

#[test]
fn every_argument_has_help_and_review_set_lists_its_values() {
    // Walk every command, nested ones too.
    let mut stack = vec![isnad::cli::command()];
    let mut undocumented = Vec::new();
    while let Some(cmd) = stack.pop() {
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if id != "help" && id != "version" && arg.get_help().is_none() {
                undocumented.push(format!("{} {id}", cmd.get_name()));
            }
        }
        if cmd.get_about().is_none() {
            undocumented.push(format!("command {}", cmd.get_name()));
        }
        stack.extend(cmd.get_subcommands().cloned());
    }
    assert!(undocumented.is_empty(), "no help text: {undocumented:?}");
    let run = isnad().args(["review", "set", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&run.stdout);
    for value in [
        "unreviewed",
        "confirmed",
        "corrected",
        "rejected",
        "mostly_true",
        "misleading",
        "unverifiable",
        "not_checked",
    ] {
        assert!(help.contains(value), "{value} missing from:\n{help}");
    }
}

#[test]
fn completions_and_man_pages_come_from_the_command_definitions() {
    let run = isnad().args(["completions", "bash"]).output().unwrap();
    assert!(run.status.success());
    let script = String::from_utf8_lossy(&run.stdout);
    assert!(
        script.contains("isnad") && script.contains("--evidence"),
        "{script}"
    );
    let run = isnad().args(["man"]).output().unwrap();
    let page = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success() && page.contains(".TH isnad 1"),
        "{page}"
    );
    let dir = temp("man");
    let run = isnad().args(["man", "--out"]).arg(&dir).output().unwrap();
    assert!(run.status.success());
    let set = std::fs::read_to_string(dir.join("isnad-review-set.1")).unwrap();
    assert!(
        set.contains("mostly_true") && set.contains("evidence"),
        "{set}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs `isnad ARGS` in `dir`; (exit code, stderr then stdout).
fn run_in(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let run = isnad().args(args).current_dir(dir).output().unwrap();
    (
        run.status.code(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&run.stderr),
            String::from_utf8_lossy(&run.stdout)
        ),
    )
}

#[test]
fn a_command_given_nothing_to_do_says_so_and_fails() {
    let dir = temp("nothing");
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    for args in [
        &["validate", "empty"][..],
        &["compare", "empty", "--out", "o"],
        &["annotate", "empty", "--out", "o"],
        &["segment", "empty"],
        &["export", "--format", "brat", "empty", "--out", "o"],
        &["review", "list", "empty"],
        // Outside the repository there is no corpus/seeds to measure.
        &["bench"],
    ] {
        let (code, err) = run_in(&dir, args);
        assert_eq!(code, Some(1), "{args:?}: {err}");
        assert!(
            err.contains("nothing") || err.contains("no .yaml annotation files"),
            "{args:?}: {err}"
        );
    }
    assert!(!dir.join("o/comparison.yaml").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_missing_path_exits_1_in_every_command() {
    let dir = temp("missing");
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    for args in [
        &["annotate", "nope.txt", "--out", "o"][..],
        &["annotate", "--lexicon", "nope.yaml", "-"],
        &["segment", "nope.txt"],
        &["validate", "nope.yaml"],
        &["validate", "--text", "nope.txt", "nope.yaml"],
        &["export", "--format", "brat", "nope.yaml", "--out", "o"],
        &["compare", "nope.yaml", "--out", "o"],
        &["compare", "--group", "nope.jsonl"],
        &["relate", "nope.csv"],
        &["eval", "--gold", "nope", "--pred", "empty"],
        &["review", "list", "nope.yaml"],
        &["review", "set", "nope.yaml", "c-1", "--status", "confirmed"],
        &["review", "show", "nope", "c-1"],
        &["bench", "--seeds", "nope"],
    ] {
        let (code, err) = run_in(&dir, args);
        assert_eq!(code, Some(1), "{args:?}: {err}");
        assert!(err.contains("nope"), "{args:?} names the path: {err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_errors_are_found_before_any_work() {
    let dir = temp("usage");
    let seeds = common::root().join("corpus/seeds");
    let started = std::time::Instant::now();
    let (code, err) = run_in(
        &dir,
        &["annotate", "--format", "gold", seeds.to_str().unwrap()],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--out"), "{err}");
    assert!(!err.contains("annotated"), "no work was done: {err}");
    assert!(started.elapsed().as_secs() < 5);
    // An --out that cannot be a directory (under a regular file).
    std::fs::write(dir.join("file"), "x").unwrap();
    let notes = common::root().join("annotations");
    let notes = notes.to_str().unwrap();
    for args in [
        &["export", "--format", "brat", notes, "--out", "file/x"][..],
        &["compare", notes, "--out", "file/x"],
    ] {
        let (code, err) = run_in(&dir, args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains("file/x: cannot create"), "{args:?}: {err}");
        assert!(
            !err.contains("exported") && !err.contains("compared"),
            "{err}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn validate_dash_reads_standard_input() {
    use std::io::Write;
    let yaml = std::fs::read(common::root().join("annotations/004_6b51f63e2d89280f.yaml")).unwrap();
    let check = |body: &[u8]| {
        let mut child = isnad()
            .args(["validate", "-"])
            .current_dir(common::root())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(body).unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    // The article is found by document.id in corpus/seeds, so spans are checked.
    let (code, out) = check(&yaml);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("<stdin>: ok"), "{out}");
    let broken = String::from_utf8(yaml)
        .unwrap()
        .replacen("  start: 140\n", "  start: 141\n", 1);
    let (code, out) = check(broken.as_bytes());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("<stdin>:"), "{out}");
}

#[test]
fn eval_refuses_a_gold_made_from_another_version_of_the_article() {
    let dir = temp("eval-sha");
    let (gold, pred, articles) = (dir.join("gold"), dir.join("pred"), dir.join("a"));
    for d in [&gold, &pred, &articles] {
        std::fs::create_dir_all(d).unwrap();
    }
    let id = "004_6b51f63e2d89280f";
    let name = format!("{id}.yaml");
    std::fs::copy(
        common::root().join("tests/gold/seeds").join(&name),
        gold.join(&name),
    )
    .unwrap();
    let seed = common::root().join(format!("corpus/seeds/{id}.txt"));
    let text = std::fs::read_to_string(&seed).unwrap();
    let eval = || {
        isnad()
            .args(["eval", "--gold"])
            .arg(&gold)
            .arg("--pred")
            .arg(&pred)
            .output()
            .unwrap()
    };
    // The same article: scored.
    std::fs::write(articles.join(format!("{id}.txt")), &text).unwrap();
    assert!(common::annotate_to(&articles, &pred).status.success());
    let run = eval();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // A sentence added at the top: every gold offset is now off.
    std::fs::write(
        articles.join(format!("{id}.txt")),
        format!(
            "{}\nقال المتحدث إن الاجتماع انتهى.\n{}",
            text.lines().next().unwrap(),
            text
        ),
    )
    .unwrap();
    std::fs::remove_dir_all(&pred).unwrap();
    assert!(common::annotate_to(&articles, &pred).status.success());
    let run = eval();
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains(&name) && err.contains("sha256"), "{err}");
    assert!(err.contains("1 gold files refused"), "{err}");
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(
        !out.contains("MISS"),
        "nothing scored against the wrong text: {out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_reader_that_stops_early_is_no_panic() {
    for args in [["completions", "bash"], ["completions", "zsh"]] {
        // A pipe whose reader is gone before anything is written: every
        // write fails with a broken pipe, as under `isnad … | head -1`.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = isnad()
            .args(args)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.status.success(), "{args:?}: {stderr}");
    }
}
