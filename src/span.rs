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

/// Ranges sorted by start with the furthest end each prefix reaches, so that the ranges
/// overlapping a query are found by binary search even when some nest. Keeps "does this
/// mention overlap one of those" checks linear over long articles.
#[derive(Debug, Clone, Default)]
pub(crate) struct RangeIndex {
    sorted: Vec<std::ops::Range<usize>>,
    /// `reach[i]` = the largest end among `sorted[..=i]` (never decreasing).
    reach: Vec<usize>,
}

impl RangeIndex {
    /// Index `ranges` (any order).
    pub(crate) fn new(mut ranges: Vec<std::ops::Range<usize>>) -> RangeIndex {
        ranges.sort_by_key(|r| (r.start, r.end));
        let reach = ranges
            .iter()
            .scan(0, |far, r| {
                *far = r.end.max(*far);
                Some(*far)
            })
            .collect();
        RangeIndex {
            sorted: ranges,
            reach,
        }
    }

    /// The indexed ranges that may overlap `range`: all that do, and perhaps a few nested
    /// ones just before it (callers test each one).
    pub(crate) fn near(&self, range: &std::ops::Range<usize>) -> &[std::ops::Range<usize>] {
        let from = self.reach.partition_point(|&end| end <= range.start);
        let to = from + self.sorted[from..].partition_point(|r| r.start < range.end);
        &self.sorted[from..to]
    }

    /// True when one indexed range shares a byte with `range`.
    pub(crate) fn overlaps(&self, range: &std::ops::Range<usize>) -> bool {
        self.near(range)
            .iter()
            .any(|r| r.start < range.end && range.start < r.end)
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
    fn range_index_finds_overlaps_among_nested_ranges() {
        let idx = RangeIndex::new(vec![10..12, 0..100, 20..25, 40..41]);
        assert!(idx.overlaps(&(50..60)), "inside the long range");
        assert!(idx.overlaps(&(24..30)));
        assert!(!RangeIndex::new(vec![0..5, 10..12]).overlaps(&(5..10)));
        assert!(!RangeIndex::default().overlaps(&(0..1)));
        let near = RangeIndex::new(vec![0..5, 10..12, 30..40]);
        assert_eq!(near.near(&(11..31)), &[10..12, 30..40]);
    }

    #[test]
    fn slice_out_of_bounds_is_empty() {
        assert_eq!(Span::new(3, 10).slice("abc"), "");
        assert_eq!(Span::new(0, 2).slice("abc"), "ab");
    }
}
