//! The Arabic language layer that segmentation, attribution and comparison
//! share: tokens over the folded text (`tokens`) and the affix rules and
//! closed word lists they read from `src/lexicon/` (`morphology`).

pub mod morphology;
pub mod tokens;
