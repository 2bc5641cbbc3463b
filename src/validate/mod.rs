//! `isnad validate`: every problem of a hand-edited annotation file, each with
//! its line and column and what to do about it. The JSON Schema in `schema/`
//! is the one definition of the format; the `jsonschema` crate checks a file
//! against it (`schema`), then this module checks what a schema cannot: ids
//! and references (`model`), spans against the article (`spans`). All run
//! over the located YAML tree, so one problem never hides another: a file
//! with an unknown field still has its spans checked.

mod model;
mod schema;
mod spans;

use crate::io::yaml::{self, Node};
use crate::model::Annotation;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Every problem of one annotation file, in file order.
pub fn check(yaml_text: &str, article: Option<&str>) -> Vec<Problem> {
    let root = match yaml::parse_located(yaml_text) {
        Ok(root) => root,
        Err(e) => {
            return vec![Problem {
                line: e.line.unwrap_or(1),
                column: e.column.unwrap_or(1),
                message: e.message,
            }];
        }
    };
    let mut problems = Vec::new();
    if let Err(e) = schema::check(&root, schema::Part::File, &mut problems) {
        return vec![Problem {
            line: 1,
            column: 1,
            message: format!("built-in schema unreadable: {e}"),
        }];
    }
    model::check_model(&root, &mut problems);
    if let Some(article) = article {
        spans::Spans::new(article, &mut problems).check(&root);
    }
    // A safety net: whatever the checks above miss, the reader must not.
    if problems.is_empty()
        && let Err(e) = yaml::from_str::<Annotation>(yaml_text)
    {
        problems.push(Problem {
            line: e.line.unwrap_or(1),
            column: e.column.unwrap_or(1),
            message: e.message,
        });
    }
    problems.sort();
    problems.dedup();
    problems
}

/// The problems `validate` would find in a review block, each as
/// `field: what is wrong`: so that a review is checked before it is
/// written, by the same schema that checks the file afterwards.
pub fn check_review(review: &crate::model::Review) -> Vec<String> {
    let problem = |message: String| vec![message];
    let yaml_text = match yaml::to_string(review) {
        Ok(t) => t,
        Err(e) => return problem(format!("the review cannot be written: {e}")),
    };
    let root = match yaml::parse_located(&yaml_text) {
        Ok(root) => root,
        Err(e) => return problem(format!("the review cannot be read back: {}", e.message)),
    };
    let mut problems = Vec::new();
    if let Err(e) = schema::check(&root, schema::Part::Review, &mut problems) {
        return problem(format!("built-in schema unreadable: {e}"));
    }
    // In the order of the review's fields, not the order the schema checks them.
    problems.sort();
    problems.into_iter().map(|p| p.message).collect()
}

fn at(node: &Node, message: String) -> Problem {
    Problem {
        line: node.line,
        column: node.column,
        message,
    }
}

/// The JSON type of a YAML scalar as YAML's core schema reads it.
fn scalar_type(s: &str, quoted: bool) -> &'static str {
    if quoted {
        return "string";
    }
    match s {
        "" | "~" | "null" | "Null" | "NULL" => "null",
        "true" | "false" | "True" | "False" => "boolean",
        _ if s.parse::<i64>().is_ok() => "integer",
        _ if s.parse::<f64>().is_ok() => "number",
        _ => "string",
    }
}

/// A value short enough to quote in a message.
fn short(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "format: isnad/annotation/1
document:
  id: a
  sha256: 52a6eeada798dbcd93d59b65db57de0e7b218a91e31f021e41923d567f8d0c79
  length: 10
  title: null
  publisher: null
blocks:
- id: b1
  kind: body
  start: 0
  end: 10
sentences:
- id: s1
  block: b1
  start: 0
  end: 10
  text: قال الوزير
sources: []
claims: []
";

    #[test]
    fn a_good_file_has_no_problems() {
        assert_eq!(check(GOOD, Some("قال الوزير")), vec![]);
    }

    #[test]
    fn each_problem_points_at_its_line() {
        let bad = GOOD
            .replace("kind: body", "kind: bodi")
            .replace("  end: 10\nsentences", "  ned: 9\nsentences")
            .replace("block: b1", "block: b7");
        let p = check(&bad, None);
        let lines: Vec<(usize, &str)> = p.iter().map(|p| (p.line, p.message.as_str())).collect();
        assert!(
            lines.iter().any(|(l, m)| *l == 10 && m.contains("`bodi`")),
            "{p:?}"
        );
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == 12 && m.contains("did you mean `end`?")),
            "{p:?}"
        );
        // The dangling block id is found with or without schema problems.
        assert!(
            lines.iter().any(|(l, m)| *l == 15 && m.contains("`b7`")),
            "{p:?}"
        );
        let p = check(&GOOD.replace("block: b1", "block: b7"), None);
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].line, p[0].column), (15, 10));
    }

    #[test]
    fn scalars_are_typed_as_the_reader_types_them() {
        // A plain 2017 where text is due is the text 2017, as serde reads it.
        let plain = GOOD.replace("title: null", "title: 2017");
        assert_eq!(check(&plain, Some("قال الوزير")), vec![]);
        // JSON Schema counts 1.0 as an integer; the reader wants no point.
        let point = GOOD.replace(
            "  start: 0\n  end: 10\nsentences",
            "  start: 1.0\n  end: 10\nsentences",
        );
        let p = check(&point, None);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!((p[0].line, p[0].column), (11, 10));
        assert!(
            p[0].message.ends_with(
                "expected a whole number, found the number `1.0`; write it with the digits 0-9 only"
            ),
            "{p:?}"
        );
        let p = check(
            &GOOD.replace(
                "sources: []",
                "sources: [{id: s, name: n, kind: person, mentions: [[1]]}]",
            ),
            None,
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].message
                .contains("sources[0].mentions[0]: has 1 items; it must have exactly 2"),
            "{p:?}"
        );
    }

    #[test]
    fn syntax_errors_and_span_mismatches_are_located() {
        let p = check("format: [unclosed\n", None);
        assert_eq!(p.len(), 1);
        assert!(p[0].message.contains("syntax"));
        let p = check(
            &GOOD.replace("text: قال الوزير", "text: قال الوزيز"),
            Some("قال الوزير"),
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 18);
    }

    #[test]
    fn odd_yaml_is_reported_not_misread() {
        // An alias stands for its anchor's value: the key after it stays a key.
        let aliased = GOOD
            .replace(
                "  start: 0\n  end: 10\nsentences",
                "  start: &zero 0\n  end: 10\nsentences",
            )
            .replace("  block: b1\n  start: 0", "  block: b1\n  start: *zero");
        assert_eq!(check(&aliased, Some("قال الوزير")), vec![]);
        let p = check(&format!("{GOOD}---\nformat: x\n"), None);
        assert_eq!((p.len(), p[0].line), (1, 21), "{p:?}");
        assert!(p[0].message.contains("second YAML document"));
        for odd in [
            "",
            "[]",
            "just text",
            "? [a]\n: b\n",
            "format: !!str 1\n",
            "{a: *x}",
        ] {
            assert!(!check(odd, None).is_empty(), "{odd:?}");
        }
    }
}
