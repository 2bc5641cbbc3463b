//! `isnad export`, each format read back by an independent reader: the JSON
//! parsed and its structure checked, every offset sliced out of the article
//! again (code points for Web Annotation and brat, UTF-16 for Label Studio).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use isnad::model::{Annotation, Origin, Review, ReviewStatus, Verdict};
use serde_json::Value;

fn isnad() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_isnad"));
    // Articles are looked for in corpus/seeds, relative to the working directory.
    c.current_dir(common::root());
    c
}

fn temp(name: &str) -> PathBuf {
    common::fresh_dir("export", name)
}

fn export(format: &str, inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    isnad()
        .args(["export", "--format", format])
        .args(inputs)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

fn exported_ok(format: &str, inputs: &[&Path], out: &Path, extra: &[&str]) {
    let run = export(format, inputs, out, extra);
    assert!(
        run.status.success(),
        "{format}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn read_yaml(path: &Path) -> Annotation {
    isnad::io::yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn write_yaml(path: &Path, ann: &Annotation) {
    std::fs::write(path, isnad::io::yaml::to_string(ann).unwrap()).unwrap();
}

fn cp_slice(text: &str, start: usize, end: usize) -> String {
    assert!(
        start <= end && end <= text.chars().count(),
        "{start}..{end}"
    );
    text.chars().skip(start).take(end - start).collect()
}

fn cp_index(text: &str, needle: &str) -> usize {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in text"));
    text[..byte].chars().count()
}

const EMOJI_ARTICLE: &str = "وزير الخارجية يتحدث عن المحادثات\n😀 قال وزير الخارجية إن \"المحادثات ستستمر\".\nوأضاف الوزير أن الجولة المقبلة ستعقد في القاهرة.\n";
const CRLF_ARTICLE: &str = "عنوان الخبر عن الاجتماع\r\nقال المتحدث باسم الحكومة إن الاجتماع انتهى.\r\nوأكد مصدر مطلع أن المفاوضات ستستأنف الأسبوع المقبل.\r\n";

/// Small articles annotated by the binary: one with an emoji before its
/// claims (UTF-16 and code points differ after it), with a hand-added claim
/// across a line break; one with CRLF line ends. The .txt lie beside the
/// .yaml, where export finds them.
fn small_articles(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("emoji.txt"), EMOJI_ARTICLE).unwrap();
    std::fs::write(input.join("crlf.txt"), CRLF_ARTICLE).unwrap();
    let ann = dir.join("ann");
    let run = common::annotate_to(&input, &ann);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::write(ann.join("emoji.txt"), EMOJI_ARTICLE).unwrap();
    std::fs::write(ann.join("crlf.txt"), CRLF_ARTICLE).unwrap();

    let path = ann.join("emoji.yaml");
    let mut a = read_yaml(&path);
    let quoted = a
        .claims
        .iter()
        .find(|c| c.text == "المحادثات ستستمر")
        .expect("the quotation after the emoji is a claim")
        .clone();
    let mut across = quoted.clone();
    across.id = "c-across-lines".into();
    across.start = cp_index(EMOJI_ARTICLE, "المحادثات ستستمر");
    across.end = cp_index(EMOJI_ARTICLE, " الجولة");
    across.text = cp_slice(EMOJI_ARTICLE, across.start, across.end);
    assert!(across.text.contains('\n'));
    across.selector = None;
    across.origin = Origin::Human;
    across.review = Some(Review {
        status: ReviewStatus::Corrected,
        verdict: Some(Verdict::Misleading),
        note: Some("يجمع جملتين".into()),
        reviewer: Some("Rana".into()),
        reviewed_at: Some("2026-11-26".into()),
        evidence: vec![],
    });
    a.claims.push(across);
    write_yaml(&path, &a);

    // A claim re-annotation could not find again: its offsets are stale.
    let path = ann.join("crlf.yaml");
    let mut a = read_yaml(&path);
    let mut gone = a.claims[0].clone();
    gone.id = "c-orphan".into();
    (gone.start, gone.end) = (500, 520);
    gone.text = "جملة حذفت من المقال".into();
    gone.selector = None;
    gone.orphaned = true;
    a.claims.push(gone);
    write_yaml(&path, &a);
    ann
}

/// The seed annotations in a temporary directory, three claims given a
/// verdict (two in one article, one in another), one confirmed without a
/// verdict and one "not_checked"; the first article gets a URL.
/// Returns the directory and the reviewed claims' ids with their verdicts.
fn reviewed_seeds(dir: &Path) -> (PathBuf, BTreeMap<String, &'static str>) {
    let out = dir.join("seeds");
    std::fs::create_dir_all(&out).unwrap();
    let mut want = BTreeMap::new();
    for (n, entry) in std::fs::read_dir(common::root().join("annotations"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .enumerate()
    {
        let mut a = read_yaml(&entry);
        let review = |verdict, at: &str| Review {
            status: ReviewStatus::Confirmed,
            verdict,
            note: None,
            reviewer: Some("فريق التحقق".into()),
            reviewed_at: Some(at.into()),
            evidence: vec![],
        };
        let chained: Vec<usize> = (0..a.claims.len())
            .filter(|&i| a.claims[i].chain.len() >= 2)
            .collect();
        if n == 0 {
            a.document.url = Some("https://example.org/news/1".into());
            let (i, j) = (chained[0], chained[1]);
            a.claims[i].review = Some(review(Some(Verdict::False), "2026-11-25T10:00:00Z"));
            a.claims[j].review = Some(review(Some(Verdict::MostlyTrue), "2026-11-25"));
            want.insert(a.claims[i].id.clone(), "False");
            want.insert(a.claims[j].id.clone(), "Mostly true");
            let k = (0..a.claims.len()).find(|k| ![i, j].contains(k)).unwrap();
            a.claims[k].review = Some(review(None, "2026-11-25"));
        }
        if n == 1 {
            let i = chained[0];
            a.claims[i].review = Some(review(Some(Verdict::Unverifiable), "2026-11-24"));
            want.insert(a.claims[i].id.clone(), "Unverifiable");
            let k = (0..a.claims.len()).find(|&k| k != i).unwrap();
            a.claims[k].review = Some(review(Some(Verdict::NotChecked), "2026-11-24"));
        }
        write_yaml(&out.join(entry.file_name().unwrap()), &a);
    }
    (out, want)
}

#[test]
fn claimreview_names_the_source_at_the_end_of_the_chain() {
    let dir = temp("claimreview");
    let (seeds, want) = reviewed_seeds(&dir);
    let out = dir.join("out");
    exported_ok("claimreview", &[&seeds], &out, &[]);

    let mut files: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        2,
        "one file per article with a verdict: {files:?}"
    );
    let mut seen = BTreeMap::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let id = name.strip_suffix(".claimreview.jsonld").expect(&name);
        let ann = read_yaml(&seeds.join(format!("{id}.yaml")));
        let reviews: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        for r in reviews.as_array().expect("a JSON array") {
            assert_eq!(r["@context"], "https://schema.org");
            assert_eq!(r["@type"], "ClaimReview");
            let claim_id = r["identifier"]
                .as_str()
                .unwrap()
                .rsplit(':')
                .next()
                .unwrap();
            let claim = ann.claims.iter().find(|c| c.id == claim_id).unwrap();
            // A denial is reviewed as a denial (below); the rest as said.
            if claim
                .chain
                .last()
                .and_then(|l| l.cue.as_ref())
                .map(|c| c.stance)
                != Some(isnad::model::Stance::Deny)
            {
                assert_eq!(r["claimReviewed"], claim.text.as_str());
            }

            let rating = &r["reviewRating"];
            assert_eq!(rating["@type"], "Rating");
            let verdict = rating["alternateName"].as_str().unwrap();
            seen.insert(claim_id.to_string(), verdict.to_string());
            match verdict {
                "False" => assert_eq!(rating["ratingValue"], 1),
                "Mostly true" => assert_eq!(rating["ratingValue"], 4),
                _ => assert!(rating.get("ratingValue").is_none(), "{rating}"),
            }

            let item = &r["itemReviewed"];
            assert_eq!(item["@type"], "Claim");
            let last = claim.chain.last().unwrap();
            let source = ann
                .sources
                .iter()
                .find(|s| Some(&s.id) == last.reference.as_ref())
                .expect("the last link resolves");
            assert_eq!(item["author"]["name"], source.name.as_str(), "{claim_id}");
            let kind = match source.kind {
                isnad::model::SourceKind::Person | isnad::model::SourceKind::Anonymous => "Person",
                _ => "Organization",
            };
            assert_eq!(item["author"]["@type"], kind);
            match &ann.document.url {
                Some(url) => {
                    assert_eq!(item["appearance"]["url"], url.as_str());
                    assert_eq!(item["appearance"]["@type"], "CreativeWork");
                }
                None => assert!(item.get("appearance").is_none(), "{item}"),
            }

            assert_eq!(r["author"]["@type"], "Person");
            assert_eq!(r["author"]["name"], "فريق التحقق");
            let day = r["datePublished"].as_str().unwrap();
            assert!(["2026-11-25", "2026-11-24"].contains(&day), "{day}");
        }
    }
    let want: BTreeMap<String, String> =
        want.into_iter().map(|(k, v)| (k, v.to_string())).collect();
    assert_eq!(seen, want, "exactly the claims with a verdict");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn web_annotation_selectors_read_the_article() {
    let dir = temp("webannotation");
    let small = small_articles(&dir);
    let seeds = common::root().join("annotations");
    let out = dir.join("out");
    exported_ok("webannotation", &[&seeds, &small], &out, &[]);

    let mut articles = 0;
    let mut positions = 0;
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let id = name.strip_suffix(".webannotation.jsonld").expect(&name);
        let text = if id == "emoji" {
            EMOJI_ARTICLE.to_string()
        } else if id == "crlf" {
            CRLF_ARTICLE.to_string()
        } else {
            std::fs::read_to_string(common::root().join(format!("corpus/seeds/{id}.txt"))).unwrap()
        };
        articles += 1;
        let list: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let list = list.as_array().expect("a JSON array");
        assert!(!list.is_empty());
        let mut ids = BTreeSet::new();
        for a in list {
            assert_eq!(a["@context"], "http://www.w3.org/ns/anno.jsonld");
            assert_eq!(a["type"], "Annotation");
            assert!(
                ids.insert(a["id"].as_str().unwrap().to_string()),
                "unique ids"
            );
            assert!(["describing", "assessing"].contains(&a["motivation"].as_str().unwrap()));
            for b in a["body"].as_array().unwrap() {
                assert_eq!(b["type"], "TextualBody");
                assert!(b["value"].as_str().is_some_and(|v| !v.is_empty()));
                let purpose = b["purpose"].as_str().unwrap();
                assert!(
                    ["describing", "tagging", "assessing", "commenting"].contains(&purpose),
                    "{purpose}"
                );
            }
            let target = &a["target"];
            assert_eq!(target["source"], format!("urn:isnad:{id}").as_str());
            let selectors = target["selector"].as_array().unwrap();
            let quote = selectors
                .iter()
                .find(|s| s["type"] == "TextQuoteSelector")
                .expect("a TextQuoteSelector");
            let exact = quote["exact"].as_str().unwrap();
            let prefix = quote["prefix"].as_str().unwrap();
            let suffix = quote["suffix"].as_str().unwrap();
            let Some(pos) = selectors
                .iter()
                .find(|s| s["type"] == "TextPositionSelector")
            else {
                // Only a claim with no place in the text goes without one.
                assert_eq!(a["id"], "urn:isnad:crlf:c-orphan");
                assert_eq!((selectors.len(), exact), (1, "جملة حذفت من المقال"));
                continue;
            };
            let (start, end) = (
                pos["start"].as_u64().unwrap() as usize,
                pos["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(cp_slice(&text, start, end), exact, "{}", a["id"]);
            assert!(cp_slice(&text, 0, start).ends_with(prefix));
            assert!(cp_slice(&text, end, text.chars().count()).starts_with(suffix));
            assert!(prefix.chars().count() <= 32 && suffix.chars().count() <= 32);
            positions += 1;
        }
        if id == "emoji" {
            let across = list
                .iter()
                .find(|a| a["id"] == "urn:isnad:emoji:c-across-lines")
                .unwrap();
            assert_eq!(across["motivation"], "assessing");
            let bodies = across["body"].as_array().unwrap();
            assert!(
                bodies
                    .iter()
                    .any(|b| b["purpose"] == "assessing" && b["value"] == "Misleading")
            );
            assert!(bodies.iter().any(|b| b["purpose"] == "commenting"));
            assert_eq!(across["creator"]["name"], "Rana");
        }
    }
    assert_eq!(articles, 7);
    assert!(positions > 100, "{positions}");
    std::fs::remove_dir_all(&dir).ok();
}

/// One `.ann` line of a text-bound annotation: id, type, fragments, text.
struct TextBound {
    id: String,
    kind: String,
    fragments: Vec<(usize, usize)>,
    text: String,
}

/// The spans, relations (type, Arg1, Arg2) and attributes (name, target,
/// value) of a `.ann` file.
type Standoff = (
    Vec<TextBound>,
    Vec<(String, String, String)>,
    Vec<Vec<String>>,
);

fn parse_ann(ann: &str) -> Standoff {
    let (mut spans, mut relations, mut attributes) = (vec![], vec![], vec![]);
    for line in ann.lines() {
        let fields: Vec<&str> = line.splitn(3, '\t').collect();
        match line.chars().next() {
            Some('T') => {
                let (kind, offsets) = fields[1].split_once(' ').unwrap();
                let fragments = offsets
                    .split(';')
                    .map(|f| {
                        let (s, e) = f.split_once(' ').unwrap();
                        (s.parse().unwrap(), e.parse().unwrap())
                    })
                    .collect();
                spans.push(TextBound {
                    id: fields[0].into(),
                    kind: kind.into(),
                    fragments,
                    text: fields[2].into(),
                });
            }
            Some('R') => {
                let parts: Vec<&str> = fields[1].split(' ').collect();
                assert_eq!(parts.len(), 3, "{line}");
                let arg = |p: &str, role: &str| p.strip_prefix(role).unwrap().to_string();
                relations.push((
                    parts[0].to_string(),
                    arg(parts[1], "Arg1:"),
                    arg(parts[2], "Arg2:"),
                ));
            }
            Some('A') => attributes.push(fields[1].split(' ').map(str::to_string).collect()),
            Some('#') => assert!(fields[1].starts_with("AnnotatorNotes T"), "{line}"),
            _ => panic!("unexpected .ann line {line:?}"),
        }
    }
    (spans, relations, attributes)
}

#[test]
fn brat_spans_round_trip_in_code_points() {
    let dir = temp("brat");
    let small = small_articles(&dir);
    let seeds = common::root().join("annotations");
    let out = dir.join("out");
    exported_ok("brat", &[&seeds, &small], &out, &[]);

    let conf = std::fs::read_to_string(out.join("annotation.conf")).unwrap();
    let declared = |section: &str| -> BTreeSet<String> {
        let body = conf.split(&format!("[{section}]\n")).nth(1).unwrap();
        body.lines()
            .take_while(|l| !l.starts_with('['))
            .filter(|l| !l.is_empty() && !l.starts_with('<') && !l.starts_with('#'))
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect()
    };
    let (entities, relation_types, attribute_types) = (
        declared("entities"),
        declared("relations"),
        declared("attributes"),
    );
    assert_eq!(
        entities,
        ["Claim", "Cue", "Source"].map(String::from).into()
    );

    let mut discontinuous = 0;
    let mut emoji_checked = false;
    let mut files = 0;
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "ann") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(path.with_extension("txt")).unwrap();
        assert!(!text.contains('\r'), "line ends as brat reads them");
        let (spans, relations, attributes) = parse_ann(&std::fs::read_to_string(&path).unwrap());
        assert!(!spans.is_empty());
        let ids: BTreeMap<&str, &str> = spans
            .iter()
            .map(|t| (t.id.as_str(), t.kind.as_str()))
            .collect();
        assert_eq!(ids.len(), spans.len(), "unique T ids");
        for t in &spans {
            assert!(entities.contains(&t.kind), "{}", t.kind);
            let pieces: Vec<String> = t
                .fragments
                .iter()
                .map(|&(s, e)| cp_slice(&text, s, e))
                .collect();
            for p in &pieces {
                assert!(!p.contains('\n') && !p.is_empty(), "{p:?}");
            }
            assert_eq!(pieces.join(" "), t.text, "{} in {}", t.id, path.display());
            discontinuous += usize::from(t.fragments.len() > 1);
        }
        for (kind, a, b) in &relations {
            assert!(relation_types.contains(kind), "{kind}");
            assert!(ids.contains_key(a.as_str()) && ids.contains_key(b.as_str()));
            assert_ne!(a, b);
        }
        for a in &attributes {
            assert!(attribute_types.contains(&a[0]), "{a:?}");
            assert!(ids.contains_key(a[1].as_str()), "{a:?}");
            let line = conf
                .lines()
                .find(|l| l.starts_with(&format!("{}\t", a[0])))
                .unwrap();
            assert!(
                line.split("Value:")
                    .nth(1)
                    .unwrap()
                    .split('|')
                    .any(|v| v == a[2]),
                "{a:?}"
            );
        }
        if path.file_stem().unwrap() == "emoji" {
            // The claim after the emoji: code points, not UTF-16 units.
            let claim = spans.iter().find(|t| t.text == "المحادثات ستستمر").unwrap();
            assert_eq!(claim.fragments, vec![(57, 73)]);
            let across = spans.iter().find(|t| t.fragments.len() == 2).unwrap();
            assert_eq!(across.kind, "Claim");
            assert_eq!(across.text, "المحادثات ستستمر\". وأضاف الوزير أن");
            emoji_checked = true;
        }
        if path.file_stem().unwrap() == "crlf" {
            // Every line end was two code points in the article, one here.
            let claim = spans.iter().find(|t| t.text == "الاجتماع انتهى").unwrap();
            assert_eq!(claim.fragments, vec![(52, 66)]);
        }
    }
    assert_eq!(files, 7);
    assert!(emoji_checked);
    assert_eq!(discontinuous, 1);
    std::fs::remove_dir_all(&dir).ok();
}

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    assert!(start <= end && end <= units.len(), "{start}..{end}");
    String::from_utf16(&units[start..end]).expect("offsets on character boundaries")
}

#[test]
fn label_studio_offsets_are_utf16_units() {
    let dir = temp("labelstudio");
    let small = small_articles(&dir);
    let seeds = common::root().join("annotations");
    let out = dir.join("out");
    exported_ok("labelstudio", &[&seeds, &small], &out, &[]);

    let config = std::fs::read_to_string(out.join("labelstudio.xml")).unwrap();
    let tasks: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("labelstudio.json")).unwrap())
            .unwrap();
    let tasks = tasks.as_array().expect("a JSON array of tasks");
    assert_eq!(tasks.len(), 7);
    let mut emoji_checked = false;
    for task in tasks {
        let text = task["data"]["text"].as_str().unwrap();
        let predictions = task["predictions"].as_array().unwrap();
        assert_eq!(predictions.len(), 1);
        assert_eq!(
            predictions[0]["model_version"],
            format!("isnad {}", env!("CARGO_PKG_VERSION")).as_str()
        );
        let result = predictions[0]["result"].as_array().unwrap();
        let mut regions = BTreeSet::new();
        for r in result.iter().filter(|r| r["type"] != "relation") {
            let from = r["from_name"].as_str().unwrap();
            assert!(config.contains(&format!("name=\"{from}\"")), "{from}");
            assert_eq!(r["to_name"], "text");
            let v = &r["value"];
            let (start, end) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
            assert_eq!(
                utf16_slice(text, start as usize, end as usize),
                v["text"].as_str().unwrap()
            );
            match r["type"].as_str().unwrap() {
                "labels" => {
                    let label = v["labels"][0].as_str().unwrap();
                    assert!(
                        config.contains(&format!("<Label value=\"{label}\"")),
                        "{label}"
                    );
                    regions.insert(r["id"].as_str().unwrap());
                }
                "choices" => {
                    let choice = v["choices"][0].as_str().unwrap();
                    assert!(config.contains(&format!("<Choice value=\"{choice}\"")));
                }
                other => panic!("result type {other}"),
            }
        }
        for r in result.iter().filter(|r| r["type"] == "relation") {
            assert!(regions.contains(r["from_id"].as_str().unwrap()));
            assert!(regions.contains(r["to_id"].as_str().unwrap()));
            let label = r["labels"][0].as_str().unwrap();
            assert!(config.contains(&format!("<Relation value=\"{label}\"")));
        }
        if task["data"]["document"] == "emoji" {
            // The emoji is two UTF-16 units: the claim's code points 57..73 are units 58..74.
            let claim = result
                .iter()
                .find(|r| r["value"]["text"] == "المحادثات ستستمر" && r["type"] == "labels")
                .unwrap();
            assert_eq!(
                (
                    claim["value"]["start"].as_u64(),
                    claim["value"]["end"].as_u64()
                ),
                (Some(58), Some(74))
            );
            emoji_checked = true;
        }
    }
    assert!(emoji_checked);
    std::fs::remove_dir_all(&dir).ok();
}

fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn exports_are_byte_identical_whatever_the_input_order() {
    let dir = temp("deterministic");
    let (seeds, _) = reviewed_seeds(&dir);
    let small = small_articles(&dir);
    let mut one_by_one: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    one_by_one.sort();
    one_by_one.reverse();
    for format in ["claimreview", "webannotation", "brat", "labelstudio"] {
        let (a, b) = (
            dir.join(format!("{format}-a")),
            dir.join(format!("{format}-b")),
        );
        exported_ok(format, &[&seeds, &small], &a, &[]);
        let mut reversed: Vec<&Path> = vec![&small];
        reversed.extend(one_by_one.iter().map(PathBuf::as_path));
        exported_ok(format, &reversed, &b, &[]);
        let (fa, fb) = (files_of(&a), files_of(&b));
        assert!(!fa.is_empty(), "{format}");
        assert_eq!(fa, fb, "{format}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_files_are_reported_and_the_others_exported() {
    let dir = temp("bad");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let good = common::root().join("annotations/000_fae4c3888565c1cb.yaml");
    std::fs::copy(&good, input.join("000_fae4c3888565c1cb.yaml")).unwrap();
    std::fs::write(
        input.join("broken.yaml"),
        "format: isnad/annotation/1\ndocument: [\n",
    )
    .unwrap();
    // An article nobody has: its text cannot be found.
    let mut orphan = read_yaml(&good);
    orphan.document.id = "no_such_article".into();
    write_yaml(&input.join("no_such_article.yaml"), &orphan);
    // A text beside the file that is not the annotated one.
    let mut shifted = read_yaml(&good);
    shifted.document.id = "shifted".into();
    write_yaml(&input.join("shifted.yaml"), &shifted);
    let seed_text =
        std::fs::read_to_string(common::root().join("corpus/seeds/000_fae4c3888565c1cb.txt"))
            .unwrap();
    std::fs::write(input.join("shifted.txt"), format!("سطر زائد\n{seed_text}")).unwrap();

    let out = dir.join("out");
    let run = export("brat", &[&input], &out, &[]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "{err}");
    assert!(
        err.contains("broken.yaml: does not parse as an annotation file")
            && err.contains("isnad validate"),
        "{err}"
    );
    assert!(
        err.contains("no_such_article.yaml: the article text is needed")
            && err.contains("--text DIR"),
        "{err}"
    );
    assert!(
        err.contains("shifted.yaml: claim") && err.contains("another version of the article"),
        "{err}"
    );
    let written: BTreeSet<String> = files_of(&out).into_keys().collect();
    assert_eq!(
        written,
        [
            "000_fae4c3888565c1cb.ann",
            "000_fae4c3888565c1cb.txt",
            "annotation.conf"
        ]
        .map(String::from)
        .into()
    );

    // The same file named through --text is found.
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::write(texts.join("no_such_article.txt"), &seed_text).unwrap();
    let out2 = dir.join("out2");
    exported_ok(
        "labelstudio",
        &[&input.join("no_such_article.yaml")],
        &out2,
        &["--text", texts.to_str().unwrap()],
    );
    // ClaimReview needs no article text: only the unparsable file is an error.
    let run = export("claimreview", &[&input], &dir.join("out3"), &[]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(err.contains("1 input errors"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

/// "نفى البيت الأبيض … إجراء أي اتصالات", rated Misleading, must not be
/// published as the bare proposition under the White House's name.
#[test]
fn claimreview_of_a_denied_claim_states_the_denial() {
    let dir = temp("denial");
    let seeds = dir.join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    let name = "001_5e1e0c9eaa090675.yaml";
    let mut a = read_yaml(&common::root().join("annotations").join(name));
    let mut reviewed = Vec::new();
    for c in a.claims.iter_mut() {
        let denied = c
            .chain
            .last()
            .and_then(|l| l.cue.as_ref())
            .map(|q| q.stance)
            == Some(isnad::model::Stance::Deny);
        if denied {
            c.review = Some(Review {
                status: ReviewStatus::Confirmed,
                verdict: Some(Verdict::Misleading),
                note: None,
                reviewer: Some("Lina".into()),
                reviewed_at: Some("2026-11-25".into()),
                evidence: vec![],
            });
            reviewed.push(c.clone());
        }
    }
    assert!(reviewed.len() >= 2, "the article holds denials");
    write_yaml(&seeds.join(name), &a);
    let out = dir.join("out");
    exported_ok("claimreview", &[&seeds], &out, &[]);
    let file = out.join("001_5e1e0c9eaa090675.claimreview.jsonld");
    let reviews: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let said: BTreeMap<String, String> = reviews
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let id = r["identifier"]
                .as_str()
                .unwrap()
                .rsplit(':')
                .next()
                .unwrap();
            (
                id.to_string(),
                r["claimReviewed"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let white_house = &said["c-6aa692a8"];
    assert!(
        white_house.starts_with("نفى البيت الأبيض")
            && white_house.ends_with("إجراء أي اتصالات مع المسئولين الروس خلال حملة 2016"),
        "{white_house}"
    );
    for c in &reviewed {
        let text = &said[&c.id];
        let cue = &c.chain.last().unwrap().cue.as_ref().unwrap().text;
        assert!(
            text.contains(cue.as_str()) && text.contains(&c.text),
            "{text}"
        );
        assert_ne!(text, &c.text, "{}: the denial is stated", c.id);
    }
    std::fs::remove_dir_all(&dir).ok();
}
