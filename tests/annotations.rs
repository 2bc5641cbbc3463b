//! The bundled annotation files: fresh, schema-valid, and clean under
//! `isnad validate`.

mod common;

use isnad::io::yaml;

fn annotation_path(stem: &str) -> std::path::PathBuf {
    common::root().join(format!("annotations/{stem}.yaml"))
}

#[test]
fn annotations_are_not_stale() {
    for path in common::seed_paths() {
        let stem = common::stem(&path);
        let fresh = yaml::to_string(&common::annotate(&path)).unwrap();
        let kept = std::fs::read_to_string(annotation_path(&stem)).unwrap_or_default();
        assert!(
            fresh == kept,
            "annotations/{stem}.yaml is stale: run `cargo run --release -- annotate corpus/seeds --out annotations` and review the diff"
        );
    }
}

#[test]
fn annotations_are_valid_against_the_json_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("schema/annotation.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let mut checked = 0;
    for entry in std::fs::read_dir(common::root().join("annotations")).unwrap() {
        let path = entry.unwrap().path();
        let value: serde_json::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        checked += 1;
    }
    assert_eq!(checked, 5);
}

#[test]
fn annotations_pass_isnad_validate_with_their_articles() {
    for path in common::seed_paths() {
        let stem = common::stem(&path);
        let text = std::fs::read_to_string(&path).unwrap();
        let file = std::fs::read_to_string(annotation_path(&stem)).unwrap();
        assert_eq!(isnad::validate::check(&file, Some(&text)), vec![], "{stem}");
    }
}

#[test]
fn validate_finds_a_span_that_no_longer_matches() {
    let path = &common::seed_paths()[0];
    let text = std::fs::read_to_string(path).unwrap();
    let file = std::fs::read_to_string(annotation_path(&common::stem(path))).unwrap();
    let edited = file.replacen("text: كشفت صحيفة", "text: كتبت صحيفة", 1);
    assert_ne!(edited, file);
    let problems = isnad::validate::check(&edited, Some(&text));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("does not match the article"));
    let line = edited
        .lines()
        .position(|l| l.contains("text: كتبت صحيفة"))
        .unwrap()
        + 1;
    assert_eq!(problems[0].line, line);
}
