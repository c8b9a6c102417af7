//! Number mentions: figures and number words with their values and kinds
//! ("34", "1,234", "thirty-four", "1.5 million", "a dozen", "two thirds"), and the kinds that
//! are not counts (years, dates, times, money, percentages, ages, identifiers, names such as
//! "G20", measures, scores).
//!
//! One pass tokenizes the text (`tokens`); the grammar (`grammar`) reads values off the
//! tokens; `kinds` decides each number's kind from the words around it. Every word list
//! lives in the lexicon's data files (`number_words.tsv`, `number_cues.tsv`, `units.txt`).

mod grammar;
pub(crate) mod kinds;
pub(crate) mod tables;
pub(crate) mod tokens;

use crate::lexicon::Lexicon;
use crate::normalize::Normalized;
use crate::record::{NumberKind, NumberMention, Value};
use std::ops::Range;
use std::sync::LazyLock;
use tables::Tables;
use tokens::Tok;

/// A number found in normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumberMatch {
    /// Byte range in the scanned text.
    pub range: Range<usize>,
    /// Token range in the scan's token list.
    pub toks: Range<usize>,
    pub value: f64,
    pub kind: NumberKind,
    /// A vague figure ("dozens", "a couple of").
    pub approximate: bool,
    /// Written at least partly in words.
    pub spelled: bool,
}

/// The tokens of a scanned range and the numbers found in them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scan {
    pub toks: Vec<Tok>,
    pub numbers: Vec<NumberMatch>,
}

/// Finds number mentions; compiled once from the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct NumberScanner {
    pub(crate) tables: Tables,
}

/// The scanner over the built-in word lists, for [`find`].
static DEFAULT: LazyLock<NumberScanner> = LazyLock::new(|| NumberScanner::new(&Lexicon::default()));

impl NumberScanner {
    /// Compile the number tables from the lexicon.
    pub(crate) fn new(lexicon: &Lexicon) -> NumberScanner {
        NumberScanner {
            tables: Tables::new(lexicon),
        }
    }

    /// Every number in `text[range]`, in text order, with its tokens. The range start is
    /// taken as a sentence start.
    pub(crate) fn scan(&self, text: &str, range: Range<usize>) -> Scan {
        if !self.tables.may_hold_number(text, range.clone()) {
            return Scan::default();
        }
        let toks = tokens::tokenize(text, range.clone());
        let parser = grammar::Parser::new(text, &toks, &self.tables);
        let mut numbers = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !parser.may_start_at(i) {
                i += 1;
                continue;
            }
            i = match parser.parse_at(i, &mut numbers) {
                Some(next) if next > i => next,
                _ => i + 1,
            };
        }
        kinds::combine_rates(&parser, &mut numbers);
        for n in &mut numbers {
            kinds::classify(&parser, range.start, n);
        }
        kinds::spread_ranges(&parser, &mut numbers);
        Scan { toks, numbers }
    }
}

/// Every number mention in `norm[range]`, in text order.
pub(crate) fn scan(norm: &str, range: Range<usize>) -> Vec<NumberMatch> {
    DEFAULT.scan(norm, range).numbers
}

/// Every number mention in `text`, with spans into `text`: cardinals, fractions, ordinals,
/// and numbers of the kinds that are not counts (years, money, ...), each with its kind.
/// A figure glued to a unit ("180ml") is a word, not a number mention.
///
/// ```
/// use newsfacts::record::NumberKind;
/// let numbers = newsfacts::numbers::find("It added 34 Chinese entities and eleven institutes.");
/// assert_eq!(numbers[0].value.get(), 34.0);
/// assert_eq!(numbers[0].text, "34");
/// assert_eq!(numbers[1].value.get(), 11.0);
/// let numbers = newsfacts::numbers::find("Updated 2:17 p.m. in 2024");
/// assert!(numbers.iter().all(|n| n.kind != NumberKind::Cardinal));
/// ```
pub fn find(text: &str) -> Vec<NumberMention> {
    let norm = Normalized::new(text);
    scan(norm.as_str(), 0..norm.as_str().len())
        .into_iter()
        .map(|m| {
            let span = norm.to_orig(m.range.start, m.range.end);
            NumberMention {
                text: text[span.range()].to_string(),
                span,
                value: Value(m.value),
                kind: m.kind,
                approximate: m.approximate,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
