//! Count records (work in progress: this extractor returns nothing yet).

use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::record::{Article, Count};

/// Finds Count records; built once from the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct CountExtractor {}

impl CountExtractor {
    pub(crate) fn new(_lexicon: &Lexicon) -> CountExtractor {
        CountExtractor {}
    }

    /// The Count records of `doc`, given the records of the earlier stages in `article`.
    pub(crate) fn extract(&self, _doc: &Document, _article: &Article) -> Vec<Count> {
        Vec::new()
    }
}
