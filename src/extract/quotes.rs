//! Quote records (work in progress: this extractor returns nothing yet).

use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::record::{Article, Quote};

/// Finds Quote records; built once from the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct QuoteExtractor {}

impl QuoteExtractor {
    pub(crate) fn new(_lexicon: &Lexicon) -> QuoteExtractor {
        QuoteExtractor {}
    }

    /// The Quote records of `doc`, given the records of the earlier stages in `article`.
    pub(crate) fn extract(&self, _doc: &Document, _article: &Article) -> Vec<Quote> {
        Vec::new()
    }
}
