//! Agency records (work in progress: this extractor returns nothing yet).

use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::record::{Agency, Article};

/// Finds Agency records; built once from the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct AgencyExtractor {}

impl AgencyExtractor {
    pub(crate) fn new(_lexicon: &Lexicon) -> AgencyExtractor {
        AgencyExtractor {}
    }

    /// The Agency records of `doc`, given the records of the earlier stages in `article`.
    pub(crate) fn extract(&self, _doc: &Document, _article: &Article) -> Vec<Agency> {
        Vec::new()
    }
}
