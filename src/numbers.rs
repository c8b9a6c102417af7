//! Number mentions: figures and number words with their values and kinds
//! ("34", "1,234", "thirty-four", "1.5 million", "a dozen"), and the kinds that are not
//! counts (years, times, money, percentages, ages, names such as "G20").

use crate::normalize::Normalized;
use crate::record::{NumberKind, NumberMention, Value};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A number found in normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumberMatch {
    pub range: Range<usize>,
    pub value: f64,
    pub kind: NumberKind,
    pub approximate: bool,
}

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\b").expect("valid regex")
});

/// Every number mention in `norm[range]`, in text order.
pub(crate) fn scan(norm: &str, range: Range<usize>) -> Vec<NumberMatch> {
    let hay = &norm[range.clone()];
    FIGURE
        .find_iter(hay)
        .filter_map(|m| {
            let value: f64 = m.as_str().replace(',', "").parse().ok()?;
            Some(NumberMatch {
                range: range.start + m.start()..range.start + m.end(),
                value,
                kind: NumberKind::Cardinal,
                approximate: false,
            })
        })
        .collect()
}

/// Every number mention in `text`, with spans into `text`.
///
/// ```
/// let numbers = newsfacts::numbers::find("It added 34 Chinese entities.");
/// assert_eq!(numbers[0].value.get(), 34.0);
/// assert_eq!(numbers[0].text, "34");
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
