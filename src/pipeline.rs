//! The [`Extractor`] and its builder: runs the stages in order over one article.

use crate::clean::Cleaner;
use crate::document::Document;
use crate::extract::names::NameModel;
use crate::extract::{
    actions::ActionExtractor, agencies::AgencyExtractor, counts::CountExtractor,
    officials::OfficialExtractor, quotes, quotes::QuoteExtractor,
};
use crate::lexicon::{Lexicon, ListKind};
use crate::record::{Article, Headline, Sentence, SCHEMA_VERSION};
use crate::resolve::Entities;
use std::sync::Arc;

/// Extracts records from news articles. Cheap to clone, `Send + Sync`: build one, share it.
///
/// ```
/// let extractor = newsfacts::Extractor::new();
/// let article = extractor.extract("Officials met on Monday. They agreed.");
/// assert_eq!(article.sentences.len(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    inner: Arc<Stages>,
}

/// The compiled stages, built once.
#[derive(Debug)]
struct Stages {
    cleaner: Cleaner,
    segmenter: crate::segment::Segmenter,
    agencies: AgencyExtractor,
    officials: OfficialExtractor,
    counts: CountExtractor,
    quotes: QuoteExtractor,
    actions: ActionExtractor,
    /// Given names, honorifics and the other person-name lists, shared by the stages.
    names: Arc<NameModel>,
    /// Which quotes the article reports.
    quote_units: QuoteUnits,
}

/// What one [`Quote`](crate::record::Quote) record stands for. Two annotation conventions
/// exist, so the unit is a choice; set it with [`ExtractorBuilder::quote_units`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum QuoteUnits {
    /// One record per contiguous quoted span: partial quotes woven into the reporter's
    /// sentence included, and each piece of a quote broken by "he said". The project's
    /// contract and the default.
    #[default]
    Spans,
    /// One record per direct attribution (PolNeAR, textacy's `direct_quotations`): full
    /// quotations only, a quote broken by "he said" reported once, by its first piece.
    /// Keeps the quotes with `partial == false` and `continues == None`.
    Attributions,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the built-in word lists.
    pub fn new() -> Extractor {
        ExtractorBuilder::new().build()
    }

    /// A builder to extend the word lists.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Split `text` into a [`Document`]: headline, furniture, paragraphs and sentences.
    pub fn document<'t>(&self, text: &'t str) -> Document<'t> {
        Document::parse(text, &self.inner.cleaner, &self.inner.segmenter)
    }

    /// The sentences of `text` (headline first, furniture excluded), without running the
    /// extractors.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        sentences_of(&self.document(text))
    }

    /// Run every stage over `text`. The article's `id` is empty; see [`Extractor::extract_with_id`].
    pub fn extract(&self, text: &str) -> Article {
        self.extract_with_id("", text)
    }

    /// Run every stage over `text`, naming the article `id`.
    pub fn extract_with_id(&self, id: &str, text: &str) -> Article {
        let doc = self.document(text);
        let stages = &*self.inner;
        let mut article = Article {
            schema_version: SCHEMA_VERSION,
            id: id.to_string(),
            headline: doc.headline().map(|span| Headline {
                text: text[span.range()].to_string(),
                span,
            }),
            sentences: sentences_of(&doc),
            boilerplate: doc.boilerplate().to_vec(),
            ..Article::default()
        };
        article.agencies = stages.agencies.extract(&doc, &article);
        // Word tokens and person names of every sentence, read by officials and the index.
        let sentence_names = stages.names.sentences(&doc);
        article.officials = stages.officials.extract(&doc, &article, &sentence_names);
        article.counts = stages.counts.extract(&doc, &article);
        // One index of every agency, official and person mention serves both stages that
        // resolve speakers and actors.
        let entities =
            Entities::with_names(&doc, &article, Arc::clone(&stages.names), &sentence_names);
        article.quotes = stages.quotes.extract(&doc, &article, &entities);
        article.actions = stages.actions.extract(&doc, &article, &entities);
        // Last, so that every stage above saw every quoted span.
        if stages.quote_units == QuoteUnits::Attributions {
            quotes::keep_attributions(&mut article.quotes);
        }
        article
    }
}

fn sentences_of(doc: &Document) -> Vec<Sentence> {
    doc.sentences()
        .iter()
        .map(|s| Sentence {
            text: s.span.slice(doc.text()).to_string(),
            span: s.span,
            paragraph: s.paragraph,
        })
        .collect()
}

/// Configures an [`Extractor`]: adds entries to its word lists, chooses the quote unit.
///
/// ```
/// use newsfacts::{Extractor, ListKind};
/// let extractor = Extractor::builder()
///     .add_list(ListKind::Abbreviations, "Supt")
///     .build();
/// assert_eq!(extractor.segment("Supt. Jane Doe arrived. She spoke.").len(), 2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    lexicon: Lexicon,
    quote_units: QuoteUnits,
}

impl ExtractorBuilder {
    /// A builder with the built-in word lists.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Add entries to a word list, in that list's line format (see [`ListKind`]).
    pub fn add_list(mut self, kind: ListKind, lines: &str) -> ExtractorBuilder {
        self.lexicon.add(kind, lines);
        self
    }

    /// What a quote record stands for (default [`QuoteUnits::Spans`]).
    ///
    /// ```
    /// use newsfacts::{Extractor, QuoteUnits};
    /// let text = "Clinton called the plan \"dangerously wrong\" on Monday.";
    /// assert_eq!(Extractor::new().extract(text).quotes.len(), 1);
    /// let extractor = Extractor::builder().quote_units(QuoteUnits::Attributions).build();
    /// assert!(extractor.extract(text).quotes.is_empty());
    /// ```
    pub fn quote_units(mut self, units: QuoteUnits) -> ExtractorBuilder {
        self.quote_units = units;
        self
    }

    /// Compile the word lists and rules into an [`Extractor`].
    pub fn build(&self) -> Extractor {
        let lex = &self.lexicon;
        let names = Arc::new(NameModel::new(lex));
        Extractor {
            inner: Arc::new(Stages {
                cleaner: Cleaner::new(lex),
                segmenter: crate::segment::Segmenter::new(lex),
                agencies: AgencyExtractor::new(lex, Arc::clone(&names)),
                officials: OfficialExtractor::new(lex, Arc::clone(&names)),
                counts: CountExtractor::new(lex),
                quotes: QuoteExtractor::new(lex),
                actions: ActionExtractor::new(lex),
                names,
                quote_units: self.quote_units,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_sync_clone() {
        fn assert_traits<T: Send + Sync + Clone + 'static>() {}
        assert_traits::<Extractor>();
    }
}
