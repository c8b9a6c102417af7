//! Quotes end to end: the reference article, short fixtures in `fixtures/quotes/`, and a
//! property test that no input (unbalanced marks included) panics or yields a bad span.

use newsfacts::record::Quote;
use newsfacts::Extractor;
use proptest::prelude::*;
use std::sync::LazyLock;

const REFERENCE: &str = include_str!("../fixtures/biotech-entity-list.txt");

/// One extractor for every test: building one compiles every word list.
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn quotes(text: &str) -> Vec<Quote> {
    EXTRACTOR.extract(text).quotes
}

fn speaker(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().map(|s| s.name.as_str())
}

fn check_spans(text: &str, qs: &[Quote]) {
    for q in qs {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        assert_eq!(&text[q.span.range()], q.text);
        if let Some(s) = &q.speaker {
            assert_eq!(&text[s.span.range()], s.text);
        }
    }
}

#[test]
fn reference_article_has_four_quotes_with_their_speakers() {
    let qs = quotes(REFERENCE);
    check_spans(REFERENCE, &qs);
    assert_eq!(qs.len(), 4, "{qs:#?}");
    assert!(qs[0].text.starts_with("Unfortunately, the PRC"));
    assert!(qs[0].text.ends_with("minority groups,"));
    assert_eq!(speaker(&qs[0]), Some("Gina Raimondo"));
    assert_eq!(qs[0].cue.as_deref(), Some("say"));
    assert!(qs[1].text.starts_with("We cannot allow"));
    assert_eq!(speaker(&qs[1]), Some("Gina Raimondo"));
    assert_eq!(qs[1].continues, Some(0));
    assert_eq!(qs[2].text, "actively supporting");
    assert!(qs[2].partial);
    let treasury = qs[2].speaker.as_ref().expect("Treasury speaker");
    assert!(treasury.text.contains("Treasury"), "{treasury:?}");
    assert!(treasury.name.contains("Treasury"), "{treasury:?}");
    assert!(qs[3].text.starts_with("Today’s action highlights"));
    assert_eq!(speaker(&qs[3]), Some("Brian Nelson"));
}

#[test]
fn press_briefing_fixture() {
    let text = include_str!("../fixtures/quotes/press-briefing.txt");
    let qs = quotes(text);
    check_spans(text, &qs);
    let find = |start: &str| {
        qs.iter()
            .find(|q| q.text.starts_with(start))
            .unwrap_or_else(|| panic!("no quote starting {start:?} in {qs:#?}"))
    };
    assert_eq!(speaker(find("We have heard")), Some("Maria Delgado"));
    assert_eq!(speaker(find("Nobody wants")), Some("Maria Delgado"));
    assert_eq!(find("Nobody wants").rule, "continued");
    assert_eq!(speaker(find("a fully independent")), Some("Maria Delgado"));
    assert_eq!(speaker(find("a good first step")), Some("Peter Hale"));
    let hale = find("The residents deserve");
    assert_eq!(speaker(hale), Some("Peter Hale"));
    assert_eq!(hale.speaker.as_ref().map(|s| s.text.as_str()), Some("he"));
    assert_eq!(hale.cue.as_deref(), Some("tell"));
    assert_eq!(speaker(find("rushed from day one.")), Some("Ann Moss"));
    let dept = find("The department will review");
    assert!(dept
        .speaker
        .as_ref()
        .is_some_and(|s| s.text.contains("spokesman")));
}

#[test]
fn multi_paragraph_fixture() {
    let text = include_str!("../fixtures/quotes/multi-paragraph.txt");
    let qs = quotes(text);
    check_spans(text, &qs);
    let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts.len(), 4, "{qs:#?}");
    assert!(texts[0].starts_with("First, we will fix"));
    assert!(texts[1].starts_with("Second, we will fund"));
    assert!(texts[2].ends_with("a single tax."));
    assert_eq!(texts[3], "We will find the savings.");
    assert_eq!(qs[1].continues, Some(0));
    assert_eq!(qs[2].continues, Some(1));
    for q in &qs {
        assert_eq!(speaker(q), Some("Linda Park"), "{q:?}");
    }
}

#[test]
fn unbalanced_marks_recover_locally() {
    let text = include_str!("../fixtures/quotes/unbalanced.txt");
    let qs = quotes(text);
    check_spans(text, &qs);
    let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "This vote is illegal,",
            "We followed every rule,",
            "sham.",
            "We'll see,"
        ]
    );
    assert_eq!(speaker(&qs[0]), Some("Tom Reyes"));
    assert_eq!(speaker(&qs[1]), Some("the clerk"));
    assert_eq!(speaker(&qs[3]), Some("Tom Reyes"));
}

#[test]
fn titles_nicknames_scare_quotes_and_apostrophes_are_not_quotes() {
    let text = include_str!("../fixtures/quotes/not-quotes.txt");
    assert!(quotes(text).is_empty(), "{:#?}", quotes(text));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_text_gives_valid_spans(s in "[\"'“”‘’`a-zA-Z ,.:\n]{0,200}") {
        let qs = quotes(&s);
        check_spans(&s, &qs);
    }

    #[test]
    fn quote_soup_gives_valid_spans(parts in proptest::collection::vec(
        prop_oneof![
            Just("\""), Just("“"), Just("”"), Just("'"), Just("‘"), Just("’"), Just("''"),
            Just(" he said"), Just(", said Jane Doe"), Just(". "), Just("\n\n"), Just("word"),
            Just("Mr. Smith"), Just(":"), Just("é"), Just("—"),
        ],
        0..60,
    )) {
        let s: String = parts.concat();
        let qs = quotes(&s);
        check_spans(&s, &qs);
    }
}
