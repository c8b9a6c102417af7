//! Official records (work in progress: this extractor returns nothing yet).

use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::record::{Article, Official};

/// Finds Official records; built once from the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct OfficialExtractor {}

impl OfficialExtractor {
    pub(crate) fn new(_lexicon: &Lexicon) -> OfficialExtractor {
        OfficialExtractor {}
    }

    /// The Official records of `doc`, given the records of the earlier stages in `article`.
    pub(crate) fn extract(&self, _doc: &Document, _article: &Article) -> Vec<Official> {
        Vec::new()
    }
}
