//! The review workflow end to end, as a fact-checking desk runs it: annotate,
//! review through `isnad review set`, hand-edit the YAML, change the
//! article, annotate again — and nothing a person did is lost.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use isnad::model::{Annotation, Claim, ReviewStatus, Verdict};

fn isnad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .env_remove("ISNAD_REVIEWER")
        .output()
        .expect("isnad runs")
}

fn ok(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    err
}

fn temp(name: &str) -> PathBuf {
    common::fresh_dir("review", name)
}

fn load(path: &Path) -> Annotation {
    isnad::io::yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A desk's working copy: the sample articles and their annotations.
struct Desk {
    dir: PathBuf,
    articles: PathBuf,
    notes: PathBuf,
}

impl Desk {
    fn new(name: &str) -> Desk {
        let dir = temp(name);
        let (articles, notes) = (dir.join("articles"), dir.join("annotations"));
        std::fs::create_dir_all(&articles).unwrap();
        for p in common::seed_paths() {
            std::fs::copy(&p, articles.join(p.file_name().unwrap())).unwrap();
        }
        ok(&isnad(&[
            "annotate",
            articles.to_str().unwrap(),
            "--out",
            notes.to_str().unwrap(),
        ]));
        Desk {
            dir,
            articles,
            notes,
        }
    }

    fn yaml(&self, doc: &str) -> PathBuf {
        self.notes.join(format!("{doc}.yaml"))
    }

    fn article(&self, doc: &str) -> PathBuf {
        self.articles.join(format!("{doc}.txt"))
    }

    fn annotate(&self) -> String {
        ok(&isnad(&[
            "annotate",
            self.articles.to_str().unwrap(),
            "--out",
            self.notes.to_str().unwrap(),
        ]))
    }

    fn validate(&self, doc: &str) {
        let out = isnad(&[
            "validate",
            "--text",
            self.article(doc).to_str().unwrap(),
            self.yaml(doc).to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }

    /// The claim whose text holds `words`.
    fn claim(&self, doc: &str, words: &str) -> Claim {
        load(&self.yaml(doc))
            .claims
            .into_iter()
            .find(|c| c.text.contains(words))
            .unwrap_or_else(|| panic!("{doc}: no claim with {words}"))
    }

    fn edit_article(&self, doc: &str, f: impl FnOnce(String) -> String) {
        let p = self.article(doc);
        std::fs::write(&p, f(std::fs::read_to_string(&p).unwrap())).unwrap();
    }
}

impl Drop for Desk {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

const WAPO: &str = "000_fae4c3888565c1cb";
const REUTERS: &str = "001_5e1e0c9eaa090675";

fn article_text(desk: &Desk, doc: &str) -> Vec<char> {
    std::fs::read_to_string(desk.article(doc))
        .unwrap()
        .chars()
        .collect()
}

fn holds(text: &[char], c: &Claim) -> bool {
    text.get(c.start..c.end)
        .is_some_and(|s| s.iter().collect::<String>() == c.text)
}

#[test]
fn reviews_and_hand_edits_survive_a_changed_article() {
    let desk = Desk::new("cycle");
    // 1–2: three reviews through the command line.
    let contacts = desk.claim(REUTERS, "6 اتصالات هاتفية");
    let denial = desk.claim(REUTERS, "في بادئ الأمر إجراء أي اتصالات");
    let meeting = desk.claim(WAPO, "مسؤولا روسيا رفيع المستوى");
    let reviews = [
        (REUTERS, &contacts, "confirmed", "true"),
        (REUTERS, &denial, "corrected", "false"),
        (WAPO, &meeting, "confirmed", "mostly_true"),
    ];
    for (doc, c, status, verdict) in &reviews {
        let out = isnad(&[
            "review",
            "set",
            desk.notes.to_str().unwrap(),
            &c.id,
            "--status",
            status,
            "--verdict",
            verdict,
            "--reviewer",
            "لينا",
            "--note",
            "تم التحقق من مصدرين",
            "--at",
            "2026-11-25T10:00:00Z",
        ]);
        ok(&out);
        assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("{doc}.yaml")));
    }
    // 3: a hand edit of a source's name.
    let yaml = std::fs::read_to_string(desk.yaml(REUTERS)).unwrap();
    assert!(yaml.contains("  name: Reuters\n"));
    std::fs::write(
        desk.yaml(REUTERS),
        yaml.replacen("  name: Reuters\n", "  name: وكالة رويترز للأنباء\n", 1),
    )
    .unwrap();
    // 4: a sentence inserted at the top of both articles.
    let added = "تحديث: أضيفت إلى هذا التقرير معلومات جديدة صباح اليوم.\n";
    for doc in [REUTERS, WAPO] {
        desk.edit_article(doc, |t| format!("{added}{t}"));
    }
    // 5: annotate again.
    desk.annotate();

    let shift = added.chars().count();
    for (doc, before, status, verdict) in &reviews {
        let head: String = before.text.chars().take(30).collect();
        let after = desk.claim(doc, &head);
        let r = after.review.as_ref().expect("the review survives");
        assert_eq!(isnad::review::commands::enum_name(&r.status), *status);
        assert_eq!(isnad::review::commands::enum_name(&r.verdict), *verdict);
        assert_eq!(r.reviewer.as_deref(), Some("لينا"));
        assert_eq!(r.note.as_deref(), Some("تم التحقق من مصدرين"));
        assert_eq!(after.id, before.id);
        assert_eq!(after.text, before.text);
        assert_eq!(
            (after.start, after.end),
            (before.start + shift, before.end + shift)
        );
        assert!(holds(&article_text(&desk, doc), &after));
        for link in &after.chain {
            if let Some(cue) = &link.cue {
                let text = article_text(&desk, doc);
                assert_eq!(
                    text[cue.start..cue.end].iter().collect::<String>(),
                    cue.text
                );
            }
        }
    }
    let ann = load(&desk.yaml(REUTERS));
    let reuters = ann
        .sources
        .iter()
        .find(|s| s.name == "وكالة رويترز للأنباء")
        .expect("the hand-edited name survives");
    assert!(!ann.sources.iter().any(|s| s.name == "Reuters"));
    let text = article_text(&desk, REUTERS);
    assert!(reuters.mentions.iter().all(|m| {
        text[m[0]..m[1]]
            .iter()
            .collect::<String>()
            .contains("رويترز")
    }));
    // The machine's own findings are still there, unreviewed.
    assert!(ann.claims.iter().filter(|c| c.review.is_none()).count() > 10);
    for doc in [REUTERS, WAPO] {
        desk.validate(doc);
    }
    // Re-running changes nothing: the merge is a fixed point.
    let before = std::fs::read_to_string(desk.yaml(REUTERS)).unwrap();
    desk.annotate();
    assert_eq!(std::fs::read_to_string(desk.yaml(REUTERS)).unwrap(), before);
}

#[test]
fn a_reviewed_claim_that_left_the_article_is_kept_as_orphaned() {
    let desk = Desk::new("orphan");
    let denial = desk.claim(REUTERS, "في بادئ الأمر إجراء أي اتصالات");
    let contacts = desk.claim(REUTERS, "6 اتصالات هاتفية");
    for c in [&denial, &contacts] {
        ok(&isnad(&[
            "review",
            "set",
            desk.yaml(REUTERS).to_str().unwrap(),
            &c.id,
            "--status",
            "confirmed",
        ]));
    }
    desk.edit_article(REUTERS, |t| {
        // The denial's paragraph goes; a typo inside the other claim is corrected.
        let t = t.replace("لم يتم الكشف عنها من قبل", "لم يُكشف عنها من قبل");
        let at = t.find("في بادئ الأمر إجراء أي اتصالات").unwrap();
        let (a, b) = (
            t[..at].rfind('\n').unwrap(),
            at + t[at..].find('\n').unwrap(),
        );
        format!("{}{}", &t[..a], &t[b..])
    });
    let notes = desk.annotate();
    assert!(
        notes.contains(&format!(
            "claim {}: its text is no longer in the article",
            denial.id
        )),
        "{notes}"
    );
    assert!(
        notes.contains(&format!("claim {}: its words changed", contacts.id)),
        "{notes}"
    );
    let ann = load(&desk.yaml(REUTERS));
    let orphan = ann.claims.iter().find(|c| c.id == denial.id).unwrap();
    assert!(orphan.orphaned);
    assert_eq!(
        orphan.review.as_ref().unwrap().status,
        ReviewStatus::Confirmed
    );
    let moved = ann.claims.iter().find(|c| c.id == contacts.id).unwrap();
    assert!(!moved.orphaned);
    assert!(moved.text.contains("لم يُكشف عنها"));
    assert!(holds(&article_text(&desk, REUTERS), moved));
    desk.validate(REUTERS);
}

#[test]
fn a_disagreement_with_a_review_is_reported_and_the_review_kept() {
    let desk = Desk::new("disagree");
    let denial = desk.claim(REUTERS, "في بادئ الأمر إجراء أي اتصالات");
    ok(&isnad(&[
        "review",
        "set",
        desk.notes.to_str().unwrap(),
        &denial.id,
        "--status",
        "corrected",
    ]));
    // The reviewer narrows the claim by hand; the machine still reads the wider span.
    let yaml = std::fs::read_to_string(desk.yaml(REUTERS)).unwrap();
    let narrowed = "إجراء أي اتصالات مع المسئولين الروس";
    let wide = &denial.text;
    let offset = wide.chars().count() - wide[wide.find(narrowed).unwrap()..].chars().count();
    let edited = yaml
        .replacen(
            &format!(
                "start: {}\n  end: {}\n  text: {wide}\n",
                denial.start, denial.end
            ),
            &format!(
                "start: {}\n  end: {}\n  text: {narrowed}\n",
                denial.start + offset,
                denial.start + offset + narrowed.chars().count()
            ),
            1,
        )
        .replacen(
            &format!("exact: {wide}\n"),
            &format!("exact: {narrowed}\n"),
            1,
        );
    assert_ne!(edited, yaml, "the claim's span is in the file as written");
    std::fs::write(desk.yaml(REUTERS), &edited).unwrap();
    let notes = desk.annotate();
    assert!(
        notes.contains(&format!("claim {}: corrected by a reviewer", denial.id))
            && notes.contains("the machine now reads"),
        "{notes}"
    );
    let kept = desk.claim(REUTERS, narrowed);
    assert_eq!(kept.text, narrowed);
    assert_eq!(kept.id, denial.id);
    desk.validate(REUTERS);
}

#[test]
fn the_queue_puts_contested_and_checkable_claims_first() {
    let desk = Desk::new("queue");
    let out = isnad(&[
        "review",
        "list",
        desk.notes.to_str().unwrap(),
        "--limit",
        "5",
    ]);
    let table = String::from_utf8_lossy(&out.stdout);
    ok(&out);
    let rows: Vec<&str> = table.lines().skip(1).take(5).collect();
    assert_eq!(rows.len(), 5, "{table}");
    // The top claims have something to check: numbers, a denial, an anonymous source.
    for row in &rows {
        assert!(
            row.contains("numbers or dates") || row.contains("denial") || row.contains("anonymous"),
            "{row}"
        );
    }
    let scores: Vec<u32> = rows
        .iter()
        .map(|r| r.split_whitespace().nth(1).unwrap().parse().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // A decided claim leaves the queue.
    let top = rows[0].split_whitespace().nth(2).unwrap();
    ok(&isnad(&[
        "review",
        "set",
        desk.notes.to_str().unwrap(),
        top,
        "--status",
        "rejected",
    ]));
    let again = isnad(&["review", "list", desk.notes.to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&again.stdout).contains(top));
}

#[test]
fn set_refuses_a_verdict_without_a_status_and_an_unknown_claim() {
    let desk = Desk::new("refuse");
    let c = desk.claim(REUTERS, "6 اتصالات هاتفية");
    let before = std::fs::read_to_string(desk.yaml(REUTERS)).unwrap();
    let out = isnad(&[
        "review",
        "set",
        desk.yaml(REUTERS).to_str().unwrap(),
        &c.id,
        "--verdict",
        "false",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("give --status"));
    let out = isnad(&[
        "review",
        "set",
        desk.notes.to_str().unwrap(),
        "c-00000000",
        "--status",
        "confirmed",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no claim c-00000000"));
    let out = isnad(&[
        "review",
        "set",
        desk.notes.to_str().unwrap(),
        &c.id,
        "--status",
        "approved",
    ]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read_to_string(desk.yaml(REUTERS)).unwrap(), before);
}

#[test]
fn show_prints_the_claim_in_its_sentence_with_its_chain() {
    let desk = Desk::new("show");
    let c = desk.claim(WAPO, "مسؤولا روسيا رفيع المستوى");
    let out = isnad(&["review", "show", desk.notes.to_str().unwrap(), &c.id]);
    let text = String::from_utf8_lossy(&out.stdout);
    ok(&out);
    assert!(
        text.contains("نقلا عن أحد مصادرها في روسيا، أن ⟦مسؤولا روسيا"),
        "{text}"
    );
    assert!(
        text.contains("1. نيويورك تايمز") || text.contains("1. New York Times"),
        "{text}"
    );
    assert!(text.contains("(anonymous)"), "{text}");
    assert!(text.contains("review: unreviewed"), "{text}");
}

/// The interactive walk, driven through a real terminal in tmux.
#[test]
#[ignore = "needs tmux for a real terminal; .ci/run installs it and runs it"]
fn the_interactive_walk_records_single_key_answers() {
    assert!(
        Command::new("tmux").arg("-V").output().is_ok(),
        "tmux is not installed"
    );
    let desk = Desk::new("tty");
    let session = format!("isnad-review-{}", std::process::id());
    let cmd = format!(
        "{} review {} --reviewer Lina; sleep 30",
        env!("CARGO_BIN_EXE_isnad"),
        desk.yaml(REUTERS).display()
    );
    let tmux = |args: &[&str]| Command::new("tmux").args(args).output().unwrap();
    tmux(&[
        "new-session",
        "-d",
        "-s",
        &session,
        "-x",
        "200",
        "-y",
        "50",
        &cmd,
    ]);
    let screen = || {
        String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", &session]).stdout).into_owned()
    };
    let wait_for = |what: &str| {
        for _ in 0..100 {
            if screen().contains(what) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("no {what:?} on screen:\n{}", screen());
    };
    wait_for("[c] confirm");
    // First claim: confirmed, false. Second: skipped. Third: rejected. Then quit.
    for keys in ["c", "f", "s", "r", "q"] {
        tmux(&["send-keys", "-t", &session, keys]);
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    wait_for("2 claims reviewed");
    tmux(&["kill-session", "-t", &session]);
    let ann = load(&desk.yaml(REUTERS));
    let decided: Vec<_> = ann
        .claims
        .iter()
        .filter_map(|c| c.review.as_ref())
        .collect();
    assert_eq!(decided.len(), 2);
    assert!(decided.iter().any(|r| r.status == ReviewStatus::Confirmed
        && r.verdict == Some(Verdict::False)
        && r.reviewer.as_deref() == Some("Lina")));
    assert!(decided.iter().any(|r| r.status == ReviewStatus::Rejected));
}

#[test]
fn set_accepts_only_what_validate_accepts_and_writes_nothing_else() {
    let desk = Desk::new("values");
    let c = desk.claim(REUTERS, "6 اتصالات هاتفية");
    let file = desk.yaml(REUTERS);
    let before = std::fs::read_to_string(&file).unwrap();
    let set = |extra: &[&str]| {
        let mut args = vec![
            "review",
            "set",
            file.to_str().unwrap(),
            &c.id,
            "--status",
            "confirmed",
        ];
        args.extend_from_slice(extra);
        isnad(&args)
    };
    for (extra, says) in [
        (&["--at", "yesterday"][..], "--at: `yesterday` is not"),
        (&["--at", "25/11/2026"], "ISO 8601"),
        (
            &["--evidence", "notaurl"],
            "--evidence: `notaurl` is not a URL",
        ),
        (
            &[
                "--evidence",
                "https://example.org/a",
                "--evidence",
                "www.x.org",
            ],
            "http://",
        ),
    ] {
        let out = set(extra);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{extra:?}: {err}");
        assert!(err.contains(says), "{extra:?}: {err}");
        assert!(err.contains("nothing written"), "{err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), before, "{extra:?}");
    }
    // What it accepts, validate accepts.
    for extra in [
        &["--at", "2026-11-25"][..],
        &[
            "--at",
            "2026-11-25T10:00:00Z",
            "--evidence",
            "https://example.org/wh",
        ],
        &["--at", "2026-11-25 10:00+03:00"],
    ] {
        ok(&set(extra));
        desk.validate(REUTERS);
    }
}

#[test]
fn set_names_a_missing_or_unparsable_file() {
    let desk = Desk::new("files");
    let c = desk.claim(REUTERS, "6 اتصالات هاتفية");
    let set = |path: &Path, claim: &str| {
        isnad(&[
            "review",
            "set",
            path.to_str().unwrap(),
            claim,
            "--status",
            "confirmed",
        ])
    };
    let out = set(&desk.dir.join("nonexistent.yaml"), &c.id);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("nonexistent.yaml: no such file"), "{err}");
    assert!(!err.contains("no claim"), "{err}");
    // The file holding the claim no longer parses (a hand edit in progress).
    let file = desk.yaml(REUTERS);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("claims:", "claims: [", 1)).unwrap();
    let out = set(&file, &c.id);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("does not parse"), "{err}");
    let out = set(&desk.notes, &c.id);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("could not be read") && err.contains(REUTERS),
        "{err}"
    );
    assert!(err.contains("does not parse"), "{err}");
}

#[cfg(unix)]
#[test]
fn set_keeps_the_file_mode_and_writes_through_a_symlink() {
    use std::os::unix::fs::PermissionsExt;
    let desk = Desk::new("mode");
    let c = desk.claim(REUTERS, "6 اتصالات هاتفية");
    let file = desk.yaml(REUTERS);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o660)).unwrap();
    ok(&isnad(&[
        "review",
        "set",
        desk.notes.to_str().unwrap(),
        &c.id,
        "--status",
        "confirmed",
    ]));
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o660);
    let reviewed = |p: &Path| {
        load(p)
            .claims
            .iter()
            .find(|x| x.id == c.id)
            .and_then(|x| x.review.as_ref())
            .map(|r| r.status)
    };
    assert_eq!(reviewed(&file), Some(ReviewStatus::Confirmed));
    // A desk that links its working copy to the shared file.
    let link = desk.dir.join("mine.yaml");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    ok(&isnad(&[
        "review",
        "set",
        link.to_str().unwrap(),
        &c.id,
        "--status",
        "rejected",
    ]));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(reviewed(&file), Some(ReviewStatus::Rejected));
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o660
    );
}

/// Without `--at`, a review is stamped with the current UTC second, in the
/// shape `date -u` prints.
#[test]
fn a_review_without_at_is_stamped_now_in_utc() {
    let desk = Desk::new("stamp");
    let c = desk.claim(REUTERS, "6 اتصالات هاتفية");
    let file = desk.yaml(REUTERS);
    let utc = || {
        let out = Command::new("date")
            .args(["-u", "+%Y-%m-%dT%H:%M:%SZ"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    let before = utc();
    ok(&isnad(&[
        "review",
        "set",
        file.to_str().unwrap(),
        &c.id,
        "--status",
        "confirmed",
    ]));
    let after = utc();
    let ann = load(&file);
    let at = ann
        .claims
        .iter()
        .find(|x| x.id == c.id)
        .and_then(|x| x.review.as_ref())
        .and_then(|r| r.reviewed_at.clone())
        .unwrap();
    assert_eq!(at.len(), "2026-11-25T10:00:00Z".len(), "{at}");
    // Same shape, so the strings order as the times do.
    assert!(before <= at && at <= after, "{before} <= {at} <= {after}");
}
