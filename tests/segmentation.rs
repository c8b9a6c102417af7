//! Sentence segmentation end to end: news cases from `fixtures/segment/`, the reference
//! article, and property tests (any input: no panic, spans in bounds, on char boundaries,
//! ordered and non-overlapping).

use newsfacts::Extractor;
use proptest::prelude::*;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn sentences(text: &str) -> Vec<String> {
    EXTRACTOR
        .segment(text)
        .into_iter()
        .map(|s| s.text)
        .collect()
}

#[test]
fn news_cases_split_as_a_reader_would() {
    let text = include_str!("../fixtures/segment/news-cases.txt");
    let want = [
        "The measure was blocked by Sen. Ron Wyden (D-Ore.) on Thursday.",
        "It passed a day later.",
        "Gov. Gavin Newsom of Calif. signed it.",
        "Dr. Jane Roe and Mr. John Doe testified.",
        "He moved to the U.S.",
        "He has lived there since.",
        "She served in the U.S. Army for a decade.",
        "The U.N. Security Council met at 3 p.m. Thursday.",
        "Nobody spoke.",
        "Acme Inc. reported a loss in Jan. 2024.",
        "Shares fell 3.5 percent.",
        "J. Edgar Hoover led the bureau for decades.",
        "“We will keep working,” she said.",
        "“We will.”",
        "He left.",
        "The team ranked No. 4 in the country.",
        "It ended with a question...",
        "Nobody answered.",
    ];
    assert_eq!(sentences(text), want);
}

#[test]
fn reference_article_has_headline_first_and_thirteen_sentences() {
    let text = include_str!("../fixtures/biotech-entity-list.txt");
    let got = sentences(text);
    assert_eq!(got.len(), 13, "{got:#?}");
    assert_eq!(
        got[0],
        "Biden administration blacklists Chinese biotech firms over human rights abuses"
    );
    assert!(got[2].contains("meaning that U.S. companies cannot export"));
    assert_eq!(
        got[12],
        "The bill was blocked by Sen. Ron Wyden (D-Ore.) this week in an effort to extend the \
         expiring child tax credit, but passed by unanimous consent on Thursday."
    );
}

#[test]
fn paragraphs_are_hard_boundaries() {
    let got =
        sentences("Title of a story here\n\nHe said it was the U.S.\n\nArmy officials agreed.");
    assert_eq!(
        got[1..],
        ["He said it was the U.S.", "Army officials agreed."]
    );
}

#[test]
fn builder_abbreviations_apply() {
    let ex = Extractor::builder()
        .add_list(newsfacts::ListKind::Abbreviations, "Supt\ttitle")
        .build();
    assert_eq!(ex.segment("Supt. Jane Doe arrived. She spoke.").len(), 2);
}

/// Check the invariants of every span the document reports.
fn check_spans(text: &str) {
    let doc = EXTRACTOR.document(text);
    let mut last_end = 0;
    for s in doc.sentences() {
        let span = s.span;
        assert!(span.start < span.end, "empty sentence {span:?}");
        assert!(span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(span.start >= last_end, "overlap or disorder at {span:?}");
        assert_eq!(
            doc.norm().get(s.norm.clone()).map(str::len),
            Some(s.norm.len())
        );
        last_end = span.end;
    }
    let mut last_start = 0;
    for b in doc.boilerplate() {
        let span = b.span;
        assert!(span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(span.start >= last_start, "boilerplate out of order");
        assert_eq!(&text[span.range()], b.text);
        last_start = span.start;
    }
    // Non-dateline furniture never overlaps a sentence.
    for b in doc.boilerplate() {
        if b.kind != newsfacts::record::BoilerplateKind::Dateline {
            assert!(doc.sentences().iter().all(|s| !s.span.overlaps(b.span)));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string_gives_valid_spans(text in any::<String>()) {
        check_spans(&text);
    }

    #[test]
    fn newsy_strings_give_valid_spans(
        text in proptest::collection::vec(
            prop_oneof![
                Just("Sen."), Just("U.S."), Just(" "), Just("\n"), Just("\n\n"), Just("."),
                Just("..."), Just(". . ."), Just("“"), Just("”"), Just("\""), Just("("), Just(")"),
                Just("1."), Just("a)"), Just("•"), Just("…"), Just("He"), Just("the"), Just("p.m."),
                Just("WASHINGTON (AP) —"), Just("FILE - "), Just("Tags"), Just("\u{a0}"), Just("é"),
                Just("involvementAn"), Just("!"), Just("?"), Just("J."), Just("3.5"), Just("'"),
            ],
            0..60,
        ).prop_map(|v| v.concat())
    ) {
        check_spans(&text);
    }
}
