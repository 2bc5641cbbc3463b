//! The annotation pipeline, read top-down:
//! input -> text (fold + offset map) -> segment -> attribution (cues, sources
//! and claims, resolution, chains) -> the annotation model.

use crate::attribution::Attributor;
use crate::io::input::Article;
use crate::lexicon::Lexicon;
use crate::model::{Annotation, Block, BlockKind, Document, FORMAT, Sentence};
use crate::segment::{Segmentation, Segmenter, Title};
use crate::text::{Folded, Text};

pub struct Pipeline {
    segmenter: Segmenter,
    attributor: Attributor,
}

impl Pipeline {
    pub fn new(lexicon: &Lexicon) -> Self {
        Pipeline {
            segmenter: Segmenter::new(lexicon),
            attributor: Attributor::new(lexicon),
        }
    }

    /// The pipeline with the built-in lexicon, extended (or replaced) by the
    /// user's lexicon file when one is given.
    pub fn load(lexicon: Option<&std::path::Path>) -> Result<Self, crate::lexicon::LexiconError> {
        Ok(Pipeline::new(&Lexicon::load(lexicon)?))
    }

    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    pub fn segment(&self, article: &Article) -> Segmentation {
        let title = match &article.title {
            Some(t) => Title::Known(t),
            None => Title::FirstLine,
        };
        self.segmenter.segment(&article.text, title)
    }

    pub fn annotate(&self, article: &Article) -> Annotation {
        self.annotate_stages(article, true)
    }

    /// The annotation with or without the attribution stage: the core
    /// (reading, folding, segmentation, the model) is the baseline
    /// attribution's cost is measured against.
    pub fn annotate_stages(&self, article: &Article, attribution: bool) -> Annotation {
        let text = Text::new(&article.text);
        let seg = self.segment(article);
        let blocks = model_blocks(&text, &seg);
        let sentences = model_sentences(&text, &seg, &blocks);
        let publisher = publisher(&article.text, &seg).or_else(|| article.outlet.clone());
        let title = article.title.clone().or_else(|| {
            seg.blocks
                .iter()
                .find(|b| b.kind == BlockKind::Headline)
                .map(|b| article.text[b.start..b.end].to_string())
        });
        let folded = Folded::new(&article.text);
        let found = if attribution {
            self.attributor
                .attribute(&text, &folded, &seg, &sentences, publisher.as_deref())
        } else {
            crate::attribution::Found {
                sources: Vec::new(),
                claims: Vec::new(),
                publisher_ref: None,
            }
        };
        Annotation {
            format: FORMAT.to_string(),
            document: Document {
                id: article.id.clone(),
                sha256: article.sha256.clone(),
                length: text.len_chars(),
                title,
                publisher,
                publisher_ref: found.publisher_ref,
                outlet: article.outlet.clone(),
                url: article.url.clone(),
                date: article.date.clone(),
            },
            blocks,
            sentences,
            sources: found.sources,
            claims: found.claims,
        }
    }
}

fn model_blocks(text: &Text, seg: &Segmentation) -> Vec<Block> {
    seg.blocks
        .iter()
        .enumerate()
        .map(|(i, b)| Block {
            id: format!("b{}", i + 1),
            kind: b.kind,
            start: text.char_at(b.start),
            end: text.char_at(b.end),
        })
        .collect()
}

fn model_sentences(text: &Text, seg: &Segmentation, blocks: &[Block]) -> Vec<Sentence> {
    seg.sentences
        .iter()
        .enumerate()
        .map(|(i, s)| Sentence {
            id: format!("s{}", i + 1),
            block: blocks[s.block].id.clone(),
            start: text.char_at(s.start),
            end: text.char_at(s.end),
            text: text.raw[s.start..s.end].to_string(),
            quotation: s.quotation,
        })
        .collect()
}

/// The publisher's name from a signature block, without its parentheses.
fn publisher(raw: &str, seg: &Segmentation) -> Option<String> {
    let b = seg.blocks.iter().find(|b| b.kind == BlockKind::Signature)?;
    let name = raw[b.start..b.end]
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '-' | '—'));
    (!name.is_empty()).then(|| name.to_string())
}
