//! The Arabic language layer that segmentation, attribution and comparison
//! share: tokens over the folded text (`tokens`), the affix rules they read
//! from `src/lexicon/morphology.yaml` (`morphology`) and the punctuation
//! sets they read from `src/lexicon/punctuation.yaml` (`punctuation`).

pub mod morphology;
pub mod punctuation;
pub mod tokens;
