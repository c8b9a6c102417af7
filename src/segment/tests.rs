//! Unit tests of the segmenter: one per rule, each with a negative case.

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
