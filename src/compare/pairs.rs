//! Pairs of claim texts for `isnad relate`: CSV, TSV or JSONL with columns
//! `s1,s2` (and `stance` when labelled, as in the ANS corpus), and the
//! labelled benchmark: macro-F1 and the confusion matrix.

use super::relate::{AnalysedClaim, Params, Relation, relate_claims};
use super::{RelateLexicon, word_diff};

/// One pair, with its gold label when the file has a `stance` column
/// (agree, disagree, other).
pub struct Pair {
    pub s1: String,
    pub s2: String,
    pub gold: Option<Relation>,
}

/// A file of pairs that cannot be read: where, and why.
#[derive(Debug)]
pub struct PairsError {
    pub file: String,
    /// The line the bad record starts on, when one is to blame.
    pub line: Option<u64>,
    pub message: String,
}

impl std::fmt::Display for PairsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(n) => write!(f, "{}:{n}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for PairsError {}

impl From<PairsError> for String {
    fn from(e: PairsError) -> String {
        e.to_string()
    }
}

fn label(s: &str) -> Result<Option<Relation>, String> {
    Ok(Some(match s.trim() {
        "agree" | "corroborates" => Relation::Corroborates,
        "disagree" | "conflicts" => Relation::Conflicts,
        "other" | "unrelated" | "unrelated_" | "discuss" => Relation::Unrelated,
        "" => return Ok(None),
        s => {
            return Err(format!(
                "unknown stance {s:?}: use agree, disagree or other"
            ));
        }
    }))
}

/// Read pairs from a file's text; `name` decides the format (.jsonl, .tsv, else CSV).
pub fn read_pairs(name: &str, src: &str) -> Result<Vec<Pair>, PairsError> {
    let fail = |line: Option<u64>, message: String| PairsError {
        file: name.to_string(),
        line,
        message,
    };
    if name.ends_with(".jsonl") {
        let mut out = Vec::new();
        for (n, line) in src
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| fail(Some(n as u64 + 1), e.to_string()))?;
            let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            out.push(Pair {
                s1: field("s1"),
                s2: field("s2"),
                gold: label(&field("stance")).map_err(|e| fail(Some(n as u64 + 1), e))?,
            });
        }
        return Ok(out);
    }
    // TSV has no quoting: a quote is text, as in the tab-separated dumps
    // people make by hand. CSV is RFC 4180, and ANS is CSV.
    let tsv = name.ends_with(".tsv");
    let mut records = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if tsv { b'\t' } else { b',' })
        .quoting(!tsv)
        .from_reader(src.as_bytes())
        .into_records()
        .map(|r| -> Result<(u64, csv::StringRecord), PairsError> {
            let r = r.map_err(|e| fail(None, e.to_string()))?;
            let line = r.position().map_or(0, csv::Position::line);
            Ok((line, r))
        })
        .filter(|r| !matches!(r, Ok((_, r)) if r.iter().all(|f| f.trim().is_empty())));
    let header = records
        .next()
        .ok_or_else(|| fail(None, "empty file".into()))??
        .1;
    let col = |c: &str| header.iter().position(|h| h.trim() == c);
    let (Some(c1), Some(c2)) = (col("s1"), col("s2")) else {
        return Err(fail(
            None,
            "the first row must name the columns s1 and s2".into(),
        ));
    };
    let cs = col("stance");
    let mut out = Vec::new();
    for r in records {
        let (line, r) = r?;
        let get = |i: usize| r.get(i).unwrap_or("");
        out.push(Pair {
            s1: get(c1).to_string(),
            s2: get(c2).to_string(),
            gold: match cs {
                Some(i) => label(get(i)).map_err(|e| fail(Some(line), e))?,
                None => None,
            },
        });
    }
    Ok(out)
}

/// The JSON line `isnad relate` prints for one pair.
pub fn judge(a: &str, b: &str, lex: &RelateLexicon) -> serde_json::Value {
    let (ca, cb) = (
        AnalysedClaim::analyze(a, lex),
        AnalysedClaim::analyze(b, lex),
    );
    let j = relate_claims(&ca, &cb, lex, None, &Params::default());
    serde_json::json!({
        "relation": format!("{:?}", j.relation).to_lowercase(),
        "kind": j.kind.map(|k| format!("{k:?}").to_lowercase()),
        "score": (j.score * 1000.0).round() / 1000.0,
        "rule": j.rule,
        "shared": j.shared,
        "evidence": j.evidence,
        "diff": word_diff(a, b),
    })
}

const LABELS: [Relation; 3] = [
    Relation::Corroborates,
    Relation::Conflicts,
    Relation::Unrelated,
];

/// Macro-F1 and the confusion matrix (rows gold, columns predicted) of
/// labelled pairs.
pub fn benchmark(pairs: &[Pair], lex: &RelateLexicon) -> (f64, [[u32; 3]; 3]) {
    let mut m = [[0u32; 3]; 3];
    for p in pairs {
        let Some(gold) = p.gold else { continue };
        let (a, b) = (
            AnalysedClaim::analyze(&p.s1, lex),
            AnalysedClaim::analyze(&p.s2, lex),
        );
        let pred = relate_claims(&a, &b, lex, None, &Params::default()).relation;
        let gi = LABELS.iter().position(|l| *l == gold).unwrap_or(2);
        let pi = LABELS.iter().position(|l| *l == pred).unwrap_or(2);
        m[gi][pi] += 1;
    }
    let f1 = |k: usize| {
        let tp = m[k][k] as f64;
        let pred: f64 = (0..3).map(|g| m[g][k] as f64).sum();
        let gold: f64 = m[k].iter().map(|&x| x as f64).sum();
        if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (pred + gold)
        }
    };
    ((f1(0) + f1(1) + f1(2)) / 3.0, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(name: &str, src: &str) -> Vec<(String, String, Option<Relation>)> {
        read_pairs(name, src)
            .unwrap()
            .into_iter()
            .map(|p| (p.s1, p.s2, p.gold))
            .collect()
    }

    #[test]
    fn csv_fields_may_hold_commas_quotes_and_newlines() {
        let src = "\u{FEFF}s1,s2,stance\r\n\"أ، ب, ج\",\"قال \"\"لا\"\"\nثم مضى\",agree\r\n\r\nد,هـ,disagree\nو\n";
        assert_eq!(
            texts("x.csv", src),
            [
                (
                    "أ، ب, ج".into(),
                    "قال \"لا\"\nثم مضى".into(),
                    Some(Relation::Corroborates)
                ),
                ("د".into(), "هـ".into(), Some(Relation::Conflicts)),
                ("و".into(), String::new(), None),
            ]
        );
    }

    #[test]
    fn tsv_has_no_quoting_and_skips_blank_lines() {
        let src = "stance\ts2\ts1\n  \nother\t\"ب\"\tأ\n";
        assert_eq!(
            texts("x.tsv", src),
            [("أ".into(), "\"ب\"".into(), Some(Relation::Unrelated))]
        );
    }

    #[test]
    fn errors_name_the_file_and_the_line() {
        let err = |src| read_pairs("x.csv", src).err().unwrap().to_string();
        assert_eq!(err(""), "x.csv: empty file");
        assert_eq!(
            err("a,b\n1,2\n"),
            "x.csv: the first row must name the columns s1 and s2"
        );
        assert_eq!(
            err("s1,s2,stance\n\"a\nb\",c,agree\nd,e,maybe\n"),
            "x.csv:4: unknown stance \"maybe\": use agree, disagree or other"
        );
    }
}
