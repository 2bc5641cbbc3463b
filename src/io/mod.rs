//! Plumbing under every stage: reading articles (`input`), running a stage
//! over a corpus (`corpus`), the YAML dialect (`yaml`), atomic writes
//! (`output`), and finding and loading annotation files (`store`).

pub mod corpus;
pub mod input;
pub mod output;
pub mod store;
pub mod yaml;
