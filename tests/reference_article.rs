//! The reference article end to end: headline, furniture, sentences.

use newsfacts::Extractor;

const ARTICLE: &str = include_str!("../fixtures/biotech-entity-list.txt");

#[test]
fn headline_comes_first_and_furniture_is_excluded() {
    let article = Extractor::new().extract(ARTICLE);
    let headline = article.headline.expect("headline");
    assert_eq!(
        headline.text,
        "Biden administration blacklists Chinese biotech firms over human rights abuses"
    );
    assert_eq!(article.sentences[0].text, headline.text);
    assert!(article
        .sentences
        .iter()
        .all(|s| !s.text.starts_with("Tags") && !s.text.contains("Copyright")));
    let kinds: Vec<_> = article
        .boilerplate
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert!(kinds.contains(&"Tags Gina Raimondo Ron Wyden"));
}

#[test]
fn spans_slice_the_original_text() {
    let article = Extractor::new().extract(ARTICLE);
    for s in &article.sentences {
        assert_eq!(&ARTICLE[s.span.range()], s.text);
    }
}
