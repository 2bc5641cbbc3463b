//! Attribution: cues, sources and claims, resolution across sentences, chains.

use crate::lexicon::Lexicon;
use crate::model::{Claim, Sentence, Source};
use crate::segment::Segmentation;
use crate::text::{Folded, Text};

pub struct Attributor {}

/// What attribution finds in one article.
pub struct Found {
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub publisher_ref: Option<String>,
}

impl Attributor {
    pub fn new(_lex: &Lexicon) -> Self {
        Attributor {}
    }

    pub fn attribute(
        &self,
        _text: &Text,
        _folded: &Folded,
        _seg: &Segmentation,
        _sentences: &[Sentence],
        _publisher: Option<&str>,
    ) -> Found {
        Found { sources: vec![], claims: vec![], publisher_ref: None }
    }
}
