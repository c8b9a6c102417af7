//! Action records (work in progress: this extractor returns nothing yet).

use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::record::{Action, Article};

/// Finds Action records; built once from the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct ActionExtractor {}

impl ActionExtractor {
    pub(crate) fn new(_lexicon: &Lexicon) -> ActionExtractor {
        ActionExtractor {}
    }

    /// The Action records of `doc`, given the records of the earlier stages in `article`.
    pub(crate) fn extract(&self, _doc: &Document, _article: &Article) -> Vec<Action> {
        Vec::new()
    }
}
