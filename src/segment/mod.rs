//! Sentence segmentation for news: abbreviation-aware ("Sen.", "U.S.", "p.m.", "(D-Ore.)"),
//! quote- and parenthesis-aware, with paragraphs as hard boundaries.

use crate::lexicon::{Lexicon, ListKind};
use std::collections::HashSet;
use std::ops::Range;

/// Splits paragraphs into sentences; built once from the abbreviation list.
#[derive(Debug, Clone)]
pub struct Segmenter {
    abbreviations: HashSet<String>,
}

impl Segmenter {
    /// A segmenter knowing the abbreviations of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Segmenter {
        let abbreviations = lexicon
            .lines(ListKind::Abbreviations)
            .map(|l| l.trim().to_string())
            .collect();
        Segmenter { abbreviations }
    }

    /// Sentence ranges (trimmed) of `text[range]`, which should be one paragraph.
    pub fn split(&self, text: &str, range: Range<usize>) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut start = range.start;
        let mut i = range.start;
        while i < range.end {
            let b = bytes[i];
            if matches!(b, b'.' | b'!' | b'?') {
                let mut end = i + 1;
                while end < range.end
                    && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')')
                {
                    end += 1;
                }
                let next = text[end..range.end].trim_start();
                let gap = range.end - end - next.len();
                let starts_sentence = next
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '"');
                if gap > 0
                    && starts_sentence
                    && !(b == b'.' && self.is_abbreviation(text, start, i))
                {
                    push_trimmed(text, start..end, &mut out);
                    start = end;
                }
                i = end;
            } else {
                i += 1;
            }
        }
        push_trimmed(text, start..range.end, &mut out);
        out
    }

    /// True when the period at `dot` ends an abbreviation or an initial.
    fn is_abbreviation(&self, text: &str, floor: usize, dot: usize) -> bool {
        let word_start = text[floor..dot]
            .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
            .map_or(floor, |p| floor + p + 1);
        let word = &text[word_start..dot];
        let word = word.rsplit('-').next().unwrap_or(word);
        word.chars().count() == 1 && word.chars().all(char::is_uppercase)
            || self.abbreviations.contains(word)
    }
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push(r.start + lead..r.start + lead + t.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let seg = Segmenter::new(&Lexicon::default());
        seg.split(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn titles_and_states_do_not_end_sentences() {
        assert_eq!(
            split("The bill was blocked by Sen. Ron Wyden (D-Ore.) this week. It passed."),
            vec![
                "The bill was blocked by Sen. Ron Wyden (D-Ore.) this week.",
                "It passed."
            ]
        );
    }
}
