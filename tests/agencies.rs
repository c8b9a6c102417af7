//! Agency records end to end: the reference article's six bodies, short forms, acronyms,
//! patterns for unknown bodies, and the things that are not agencies.

use newsfacts::{Extractor, ListKind};

const ARTICLE: &str = include_str!("../fixtures/biotech-entity-list.txt");

fn agencies(text: &str) -> Vec<(String, Vec<String>)> {
    Extractor::new()
        .extract(text)
        .agencies
        .into_iter()
        .map(|a| (a.name, a.mentions.into_iter().map(|m| m.text).collect()))
        .collect()
}

fn names(text: &str) -> Vec<String> {
    agencies(text).into_iter().map(|a| a.0).collect()
}

#[test]
fn reference_article_has_six_agencies() {
    let article = Extractor::new().extract(ARTICLE);
    let names: Vec<&str> = article.agencies.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Biden administration",
            "Department of Commerce",
            "Academy of Military Medical Sciences",
            "Department of the Treasury",
            "White House",
            "Congress",
        ]
    );
    let commerce = &article.agencies[1];
    let texts: Vec<&str> = commerce.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(texts.contains(&"The Commerce Department") && texts.contains(&"Commerce"));
    for a in &article.agencies {
        for m in &a.mentions {
            assert_eq!(&ARTICLE[m.span.range()], m.text);
        }
    }
    // nothing from the furniture after the body
    let end = ARTICLE.find("Updated 2:17").unwrap_or(ARTICLE.len());
    assert!(article
        .agencies
        .iter()
        .all(|a| a.mentions.iter().all(|m| m.span.end <= end)));
}

#[test]
fn acronym_defined_in_parentheses() {
    let a = agencies(
        "The Securities and Exchange Commission (SEC) fined the bank. The SEC said it would appeal.",
    );
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].0, "Securities and Exchange Commission");
    assert_eq!(a[0].1.len(), 3);
}

#[test]
fn uk_eu_and_un_bodies() {
    assert_eq!(
        names("Downing Street said the Home Office and the European Commission agreed at the UN."),
        [
            "Downing Street",
            "Home Office",
            "European Commission",
            "United Nations"
        ]
    );
}

#[test]
fn ambiguous_short_forms_need_context() {
    assert!(names("She moved to the State of Maine to study Energy policy.").is_empty());
    assert!(names("The U.S. Chamber of Commerce objected.").is_empty());
    assert_eq!(
        names("The State Department said no. State also denied the report."),
        ["Department of State"]
    );
}

#[test]
fn companies_parties_media_and_countries_are_not_agencies() {
    assert!(names("Wells Fargo, Apple and the New York Times reported results.").is_empty());
    assert!(names("The Republican Party and the Democratic National Committee met.").is_empty());
    assert!(names("Russia and China disagreed with France.").is_empty());
}

#[test]
fn users_extend_the_gazetteer() {
    let ex = Extractor::builder()
        .add_list(
            ListKind::Agencies,
            "Ruritanian Office of Widgets\tWidget Office\tROW\tagency",
        )
        .build();
    let a = ex.extract("The Widget Office said ROW would act.");
    assert_eq!(a.agencies.len(), 1);
    assert_eq!(a.agencies[0].name, "Ruritanian Office of Widgets");
    assert_eq!(a.agencies[0].mentions.len(), 2);
}
