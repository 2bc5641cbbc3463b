//! `isnad validate`: every problem of each annotation file on its own line,
//! `file:line:column: message`, with the article found for its spans.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::io::store::{self, ArticleLookup, document_id};
use crate::io::yaml;
use crate::validate::{Problem, check};

pub(super) fn run(
    files: &[PathBuf],
    text: Option<&Path>,
    corpora: &[PathBuf],
) -> Result<ExitCode, String> {
    if let Some(p) = text
        && !p.exists()
    {
        return Err(format!(
            "cannot read the article {}: no such file or directory",
            p.display()
        ));
    }
    let articles = ArticleLookup::new(text, corpora);
    // A directory stands for the annotation files in it ("isnad validate
    // annotations/"); one with none is a problem, not a success.
    let mut bad = 0;
    let mut listed = Vec::new();
    for p in files {
        if p.is_dir() {
            let found = store::yaml_files(p)?;
            if found.is_empty() {
                eprintln!(
                    "isnad: {}: no .yaml annotation files in this directory; nothing to check",
                    p.display()
                );
                bad += 1;
            }
            listed.extend(found);
        } else {
            listed.push(p.clone());
        }
    }
    let files = &listed;
    for file in files {
        let stdin = file.as_os_str() == "-";
        let read = if stdin {
            std::io::read_to_string(std::io::stdin().lock())
        } else {
            std::fs::read_to_string(file)
        };
        let name = if stdin {
            "<stdin>".to_string()
        } else {
            file.display().to_string()
        };
        let problems = match read {
            Ok(yaml_text) => {
                let (id, sha256) = document_id(&yaml_text);
                let article = articles.find(file, id.as_deref(), sha256.as_deref());
                // A file that does not parse has no spans to check anyway.
                if article.is_none() && yaml::parse_located(&yaml_text).is_ok() {
                    eprintln!(
                        "isnad: {name}: article not found ({}), so spans were not checked: give it with --text FILE_OR_DIR or --corpus FILE.jsonl",
                        articles.looked_in(id.as_deref().unwrap_or("<id>"))
                    );
                }
                check(&yaml_text, article.as_ref().map(|(_, t)| t.as_str()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => vec![Problem {
                line: 1,
                column: 1,
                message: "no such file or directory".into(),
            }],
            Err(e) => vec![Problem {
                line: 1,
                column: 1,
                message: format!("cannot read the file: {e}"),
            }],
        };
        for p in &problems {
            println!("{name}:{}:{}: {}", p.line, p.column, p.message);
        }
        if problems.is_empty() {
            println!("{name}: ok");
        } else {
            bad += 1;
        }
    }
    eprintln!("isnad: {} files checked, {bad} with problems", files.len());
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
