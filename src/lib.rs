//! isnad (إسناد): who said it, through whom it reached the reader, and who
//! else says so, for Arabic news.
//!
//! The pipeline, from `main` down:
//! input -> text (fold + offset map) -> segment -> attribution (cues, sources
//! and claims, resolve, chains) -> YAML. Comparison and review are separate
//! stages that read the annotation model.

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
pub mod text;
pub mod validate;
