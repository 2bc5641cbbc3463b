//! isnad (إسناد): who said it, through whom it reached the reader, and who
//! else says so, for Arabic news.
//!
//! The pipeline, from `main` (`cli`) down:
//! input (`io`) -> text (fold + offset map) -> segment -> attribution (per
//! sentence: cues, source phrases and content, nested reports folded into
//! chains; then across sentences: who each source is, resolved) -> the
//! annotation model (`model`) -> YAML (`io`). Comparison, review, export,
//! validate and eval are separate stages that read the annotation model;
//! `docs/architecture.md` has the module map.

pub mod annotate;
pub mod arabic;
pub mod attribution;
pub mod calendar;
pub mod cli;
pub mod compare;
pub mod eval;
pub mod export;
pub mod io;
pub mod lexicon;
pub mod model;
pub mod review;
pub mod segment;
pub mod serve;
pub mod text;
pub mod validate;
