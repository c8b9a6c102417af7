//! The document model: the original text, its normalized copy, the headline, page furniture,
//! paragraphs and sentences, all as spans into the original.

use crate::clean::Cleaner;
use crate::normalize::Normalized;
use crate::record::Boilerplate;
use crate::segment::Segmenter;
use crate::span::Span;
use std::ops::Range;

/// One sentence of a [`Document`]: its span in the original and in the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Span in the original text.
    pub span: Span,
    /// Range in the normalized text ([`Document::norm`]).
    pub norm: Range<usize>,
    /// Paragraph index (the headline is paragraph 0 when present).
    pub paragraph: usize,
}

/// An article split into headline, furniture, paragraphs and sentences.
///
/// Owns nothing but offsets: the text is borrowed, so building one is cheap.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    text: &'t str,
    norm: Normalized,
    headline: Option<Span>,
    boilerplate: Vec<Boilerplate>,
    paragraphs: Vec<Span>,
    sentences: Vec<SentenceSpan>,
}

impl<'t> Document<'t> {
    /// Clean and segment `text`.
    pub(crate) fn parse(text: &'t str, cleaner: &Cleaner, segmenter: &Segmenter) -> Document<'t> {
        let norm = Normalized::new(text);
        let cleaned = cleaner.clean(norm.as_str(), segmenter);
        let mut doc = Document {
            text,
            headline: None,
            boilerplate: Vec::with_capacity(cleaned.boilerplate.len()),
            paragraphs: Vec::with_capacity(cleaned.paragraphs.len() + 1),
            sentences: Vec::new(),
            norm,
        };
        let mut furniture = cleaned.boilerplate;
        if let Some(h) = cleaned.headline {
            let span = doc.norm.to_orig(h.start, h.end);
            doc.headline = Some(span);
            doc.paragraphs.push(span);
            doc.sentences.push(SentenceSpan {
                span,
                norm: h,
                paragraph: 0,
            });
        }
        let mut ranges = Vec::new();
        for para in cleaned.paragraphs {
            let paragraph = doc.paragraphs.len();
            doc.paragraphs.push(doc.norm.to_orig(para.start, para.end));
            ranges.clear();
            segmenter.split_into(doc.norm.as_str(), para, &mut ranges);
            let several = ranges.len() > 1;
            for s in ranges.drain(..) {
                // Captions and prompts glued into a paragraph whose line breaks were lost.
                if several {
                    if let Some(kind) = cleaner.sentence_kind(&doc.norm.as_str()[s.clone()]) {
                        furniture.push((s, kind));
                        continue;
                    }
                }
                let span = doc.norm.to_orig(s.start, s.end);
                doc.sentences.push(SentenceSpan {
                    span,
                    norm: s,
                    paragraph,
                });
            }
        }
        if furniture.windows(2).any(|w| w[0].0.start > w[1].0.start) {
            furniture.sort_by_key(|(r, _)| (r.start, r.end));
        }
        for (range, kind) in furniture {
            let span = doc.norm.to_orig(range.start, range.end);
            doc.boilerplate.push(Boilerplate {
                text: text[span.range()].to_string(),
                span,
                kind,
            });
        }
        doc
    }

    /// The original text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The normalized text that extractors match on (see [`crate::normalize`]).
    pub fn norm(&self) -> &str {
        self.norm.as_str()
    }

    /// The original span of a normalized range.
    pub fn to_orig(&self, norm: Range<usize>) -> Span {
        self.norm.to_orig(norm.start, norm.end)
    }

    /// The normalized range of an original span.
    pub fn to_norm(&self, span: Span) -> Range<usize> {
        self.norm.to_norm(span)
    }

    /// The original text of a normalized range.
    pub fn orig_text(&self, norm: Range<usize>) -> &'t str {
        self.to_orig(norm).slice(self.text)
    }

    /// The headline span, when the first line reads as a title.
    pub fn headline(&self) -> Option<Span> {
        self.headline
    }

    /// Page furniture, in text order.
    pub fn boilerplate(&self) -> &[Boilerplate] {
        &self.boilerplate
    }

    /// Paragraph spans (the headline first, when present).
    pub fn paragraphs(&self) -> &[Span] {
        &self.paragraphs
    }

    /// Sentences in text order (the headline first, when present).
    pub fn sentences(&self) -> &[SentenceSpan] {
        &self.sentences
    }

    /// The normalized text of sentence `i`.
    pub fn sentence_norm(&self, i: usize) -> &str {
        self.sentences
            .get(i)
            .map_or("", |s| &self.norm()[s.norm.clone()])
    }

    /// Index of the sentence containing normalized offset `pos`.
    pub fn sentence_at_norm(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.norm.end <= pos);
        (i < self.sentences.len() && self.sentences[i].norm.start <= pos).then_some(i)
    }

    /// Index of the sentence containing original offset `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }
}
