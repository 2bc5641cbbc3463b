//! Review: a separate stage over annotation files. A fact-checking desk
//! confirms, corrects or rejects the machine's claims and gives verdicts;
//! re-annotation merges the machine's new reading without losing that work.
//!
//! `merge.rs` keeps human work across re-annotation (re-anchoring with
//! `anchor.rs`), `queue.rs` orders claims by check-worthiness,
//! `commands.rs` is list/set/show, `interactive.rs` the terminal walk.

mod anchor;
pub mod commands;
pub mod interactive;
pub mod merge;
pub mod queue;

pub use merge::{Merged, merge};
