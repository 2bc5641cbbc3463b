//! The two-step compare for archives too large for one machine: step 1
//! writes each claim under its blocking keys, a shuffle groups the lines by
//! key, step 2 judges each group. On the sample corpus it must find every
//! relation the one-step compare finds, judged the same.

use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};

use isnad::compare::{Comparison, PairRelation};

fn isnad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
}

fn pair(r: &PairRelation) -> (String, String, String, String) {
    (
        r.a.doc.clone(),
        r.a.claim.clone(),
        r.b.doc.clone(),
        r.b.claim.clone(),
    )
}

#[test]
fn two_steps_find_every_one_step_relation_judged_alike() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = std::env::temp_dir().join(format!("isnad-two-step-{}", std::process::id()));
    let run = isnad()
        .args(["compare", &format!("{root}/annotations"), "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let one: Comparison =
        isnad::io::yaml::from_str(&std::fs::read_to_string(dir.join("comparison.yaml")).unwrap())
            .unwrap();

    // Step 1, then the shuffle: the lines of one key together.
    let keys = isnad()
        .args(["compare", "--keys", &format!("{root}/annotations")])
        .output()
        .unwrap();
    assert!(keys.status.success());
    let err = String::from_utf8_lossy(&keys.stderr);
    let claims = err
        .split("--claims ")
        .nth(1)
        .and_then(|s| s.trim_end_matches(['`', '\n']).parse::<usize>().ok())
        .unwrap_or_else(|| panic!("step 1 names the claim count: {err}"));
    let mut lines: Vec<&[u8]> = keys
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    // Each claim under several keys; every line a claim record.
    assert!(
        lines.len() > 5 * claims,
        "{} lines for {claims} claims",
        lines.len()
    );
    lines.sort();

    // Step 2 over the grouped lines on standard input.
    let mut step2 = isnad()
        .args(["compare", "--group", "--claims", &claims.to_string(), "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = step2.stdin.take().unwrap();
    let input = lines.join(&b'\n');
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = step2.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut two: HashMap<_, PairRelation> = HashMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let r: PairRelation = serde_json::from_str(line).unwrap();
        // A pair sharing several keys is judged in each group, identically.
        if let Some(seen) = two.get(&pair(&r)) {
            assert_eq!(seen, &r);
        }
        two.insert(pair(&r), r);
    }
    assert!(one.relations.len() > 100);
    for r in &one.relations {
        assert_eq!(
            two.get(&pair(r)),
            Some(r),
            "one-step relation missing or judged otherwise"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn step_two_refuses_lines_not_grouped_by_key() {
    let root = env!("CARGO_MANIFEST_DIR");
    let keys = isnad()
        .args(["compare", "--keys", &format!("{root}/annotations")])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&keys.stdout);
    let lines: Vec<&str> = text.lines().collect();
    // Step 1 writes a claim's keys together, so keys come back claim after claim.
    let mut step2 = isnad()
        .args(["compare", "--group", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = lines.join("\n");
    let mut stdin = step2.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = step2.wait_with_output().unwrap();
    let _ = writer.join();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("group the lines by key first"));
}
