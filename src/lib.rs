//! # newsfacts
//!
//! Turns English news articles into typed, structured records in one fast, deterministic,
//! rule-based pass: the headline and sentences, page furniture, **agencies**, **officials**
//! (with titles, parties and states), **counts** ("34 Chinese entities"), **quotes** with
//! their speakers, and **actions** (who did what to whom). Every record carries a byte
//! [`Span`] into the original text.
//!
//! ```
//! let extractor = newsfacts::Extractor::new();
//! let article = extractor.extract("Sen. Ron Wyden (D-Ore.) spoke on Monday. The bill passed.");
//! assert_eq!(article.sentences.len(), 2);
//! println!("{}", serde_json::to_string(&article).unwrap());
//! ```
//!
//! The pipeline runs in this order, one module per stage: [`normalize`] and `clean`
//! (furniture, headline), `segment` (sentences), then the extractors in `extract/`
//! (agencies, officials, counts, quotes, actions), linked by `resolve`. Word lists live in
//! `src/lexicon/` as data files; extend them with [`ExtractorBuilder::add_list`].

mod clean;
mod document;
mod error;
mod extract;
mod lexicon;
pub mod normalize;
pub mod numbers;
mod pipeline;
pub mod record;
mod resolve;
mod segment;
mod span;

pub use document::{Document, SentenceSpan};
pub use error::{Error, ErrorKind};
pub use lexicon::ListKind;
pub use pipeline::{Extractor, ExtractorBuilder, QuoteUnits};
pub use record::Article;
pub use span::{CharOffsets, Span};

/// Decode bytes as UTF-8 text, with an error that says where the first bad byte is.
///
/// ```
/// assert!(newsfacts::decode(b"ok").is_ok());
/// assert!(newsfacts::decode(&[0xff, 0xfe]).is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(bytes).map_err(|e| Error::invalid_utf8(&e))
}

/// The README's examples, compiled and run as doc tests so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
