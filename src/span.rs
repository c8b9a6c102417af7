//! Byte spans into the original article text, and conversion to character offsets at the edges.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of UTF-8 byte offsets into the original input text.
///
/// Spans always fall on char boundaries, so `&text[span.start..span.end]` is the mention.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// First byte of the mention.
    pub start: usize,
    /// One past the last byte of the mention.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end-exclusive).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The span as a range, for slicing.
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers in `text`, or `""` when it is out of bounds.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Converts byte offsets of one text to Unicode scalar (char) offsets, for users who index
/// strings by characters (Python, JavaScript).
///
/// Built once per text in O(n); each lookup is O(log n).
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offset of every char start, plus the text length.
    starts: Vec<usize>,
}

impl CharOffsets {
    /// Index the char boundaries of `text`.
    pub fn new(text: &str) -> CharOffsets {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharOffsets { starts }
    }

    /// The char offset of byte offset `byte` (rounded down to a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The span rewritten in char offsets.
    pub fn to_chars(&self, span: Span) -> Span {
        Span::new(self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalars_not_bytes() {
        let text = "“Hi,” he said.";
        let offs = CharOffsets::new(text);
        let he = text.find("he").unwrap();
        assert_eq!(offs.char_offset(he), 6);
        assert_eq!(offs.to_chars(Span::new(0, text.len())), Span::new(0, 14));
    }

    #[test]
    fn slice_out_of_bounds_is_empty() {
        assert_eq!(Span::new(3, 10).slice("abc"), "");
        assert_eq!(Span::new(0, 2).slice("abc"), "ab");
    }
}
