//! Counts on the reference article: exactly its six counts, none for its years and times.

use newsfacts::Extractor;

const ARTICLE: &str = include_str!("../fixtures/biotech-entity-list.txt");

#[test]
fn reference_article_has_exactly_its_six_counts() {
    let article = Extractor::new().extract(ARTICLE);
    let got: Vec<(f64, &str, Option<&str>)> = article
        .counts
        .iter()
        .map(|c| (c.value.get(), c.noun.as_str(), c.location.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (34.0, "entities", None),
            (11.0, "institutes", None),
            (3.0, "entities", Some("Georgia")),
            (1.0, "entities", Some("Malaysia")),
            (2.0, "entities", Some("Turkey")),
            (8.0, "companies", None),
        ]
    );
    let texts: Vec<&str> = article.counts.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts[0], "34 Chinese entities");
    assert_eq!(texts[1], "eleven related research institutes");
    assert_eq!(texts[5], "eight different Chinese technology companies");
    assert!(article.counts.iter().all(|c| !c.approximate));
}

#[test]
fn reference_article_years_and_times_are_not_counts() {
    let article = Extractor::new().extract(ARTICLE);
    for c in &article.counts {
        assert!(
            !["2022", "2024", "2:17", "17"].contains(&c.text.as_str()),
            "{c:?}"
        );
        assert_eq!(&ARTICLE[c.span.range()], c.text);
        assert!(article.sentences[c.sentence].span.start <= c.span.start);
        assert!(c.span.end <= article.sentences[c.sentence].span.end);
    }
}

#[test]
fn parts_link_to_the_total_they_break_down() {
    let article = Extractor::new().extract(ARTICLE);
    let parts: Vec<Option<usize>> = article.counts.iter().map(|c| c.part_of).collect();
    assert_eq!(parts, vec![None, None, Some(0), Some(0), Some(0), None]);
}
