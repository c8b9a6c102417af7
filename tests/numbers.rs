//! The public number finder: values and kinds on news-like text, and invariants on any input.

use newsfacts::numbers::find;
use newsfacts::record::NumberKind;
use proptest::prelude::*;

#[test]
fn reference_article_numbers_have_their_kinds() {
    let text = include_str!("../fixtures/biotech-entity-list.txt");
    let numbers = find(text);
    let kind = |t: &str| numbers.iter().find(|n| n.text == t).map(|n| n.kind);
    assert_eq!(kind("34"), Some(NumberKind::Cardinal));
    assert_eq!(kind("eleven"), Some(NumberKind::Cardinal));
    assert_eq!(kind("2022"), Some(NumberKind::Year));
    assert_eq!(kind("2024"), Some(NumberKind::Year));
    assert_eq!(kind("17"), Some(NumberKind::Time));
    for n in &numbers {
        assert_eq!(&text[n.span.range()], n.text);
    }
}

#[test]
fn mixed_figures_and_words() {
    let values: Vec<f64> = find("It has 1.5 million users, a dozen offices and thirty-four staff.")
        .iter()
        .map(|n| n.value.get())
        .collect();
    assert_eq!(values, vec![1_500_000.0, 12.0, 34.0]);
}

#[test]
fn output_is_deterministic() {
    let text = "On May 4, 2016, 12 people and $5 million; 3/4 of them, the 2nd.";
    assert_eq!(find(text), find(text));
}

proptest! {
    #[test]
    fn any_text_gives_valid_spans(text in "\\PC{0,80}") {
        for n in find(&text) {
            prop_assert!(n.span.start <= n.span.end && n.span.end <= text.len());
            prop_assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
            prop_assert_eq!(&text[n.span.range()], n.text.as_str());
        }
    }

    #[test]
    fn number_like_text_gives_valid_spans(
        text in "([0-9]{1,4}|[ ,./:^+\\-]|one|a|half|dozen|and|million|k|e|th|s|out|of|\u{a0}|½|\\$|%|May|[A-Z]){0,30}"
    ) {
        for n in find(&text) {
            prop_assert!(n.span.start <= n.span.end && n.span.end <= text.len());
            prop_assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
            prop_assert!(n.value.get().is_finite() || n.value.get().is_nan() || n.value.get().is_infinite());
        }
    }
}
