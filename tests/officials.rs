//! Official records end to end: the reference article's three officials with titles, agency
//! links, party and state; roles in organisations; and people who are not officials.

use newsfacts::Extractor;

const ARTICLE: &str = include_str!("../fixtures/biotech-entity-list.txt");

#[test]
fn reference_article_has_three_officials() {
    let article = Extractor::new().extract(ARTICLE);
    let got: Vec<(&str, Option<&str>)> = article
        .officials
        .iter()
        .map(|o| (o.name.as_str(), o.title.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Gina Raimondo", Some("Commerce Secretary")),
            (
                "Brian Nelson",
                Some("undersecretary for terrorism and financial intelligence")
            ),
            ("Ron Wyden", Some("Sen.")),
        ]
    );
    let agency_name = |id: &Option<String>| {
        article
            .agencies
            .iter()
            .find(|a| Some(&a.id) == id.as_ref())
            .map(|a| a.name.as_str())
    };
    assert_eq!(
        agency_name(&article.officials[0].agency),
        Some("Department of Commerce")
    );
    assert_eq!(
        agency_name(&article.officials[1].agency),
        Some("Department of the Treasury")
    );
    assert_eq!(agency_name(&article.officials[2].agency), Some("Congress"));
    assert_eq!(article.officials[2].party.as_deref(), Some("D"));
    assert_eq!(article.officials[2].state.as_deref(), Some("Ore."));
}

#[test]
fn tags_line_yields_no_official() {
    let article = Extractor::new().extract(ARTICLE);
    let tags = ARTICLE.find("Tags Gina").unwrap_or(0);
    assert!(article
        .officials
        .iter()
        .all(|o| o.mentions.iter().all(|m| m.span.start < tags)));
}

#[test]
fn later_mentions_join_the_record() {
    let a = Extractor::new().extract(
        "Prime Minister Tony Blair arrived on Monday. Mr. Blair said little. Later Blair left.",
    );
    assert_eq!(a.officials.len(), 1);
    assert_eq!(a.officials[0].mentions.len(), 3);
}

#[test]
fn party_state_forms() {
    let a =
        Extractor::new().extract("Rep. Jim McDermott (D-Wash.) and Sen. Ted Cruz (R-Texas) spoke.");
    let ps: Vec<(Option<&str>, Option<&str>)> = a
        .officials
        .iter()
        .map(|o| (o.party.as_deref(), o.state.as_deref()))
        .collect();
    assert_eq!(ps, [(Some("D"), Some("Wash.")), (Some("R"), Some("Texas"))]);
}

#[test]
fn organisation_roles_keep_the_organisation() {
    let a = Extractor::new().extract("Wells Fargo's chief executive John Stumpf resigned.");
    assert_eq!(a.officials.len(), 1);
    assert_eq!(a.officials[0].title.as_deref(), Some("chief executive"));
    assert_eq!(a.officials[0].org.as_deref(), Some("Wells Fargo"));
}

#[test]
fn people_without_a_role_are_not_officials() {
    let a = Extractor::new().extract("Donald Trump met Hillary Clinton in New York on Monday.");
    assert!(a.officials.is_empty());
}
