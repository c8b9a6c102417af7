//! Cleaning end to end on scraped-looking fixtures (`fixtures/clean/`): headline, furniture
//! kinds, datelines kept in their sentence, glued headlines and lost paragraph breaks.

use newsfacts::record::BoilerplateKind::{self, *};
use newsfacts::Extractor;

fn furniture(text: &str) -> Vec<(String, BoilerplateKind)> {
    Extractor::new()
        .document(text)
        .boilerplate()
        .iter()
        .map(|b| (b.text.clone(), b.kind))
        .collect()
}

#[test]
fn wire_story_furniture_has_kinds() {
    let text = include_str!("../fixtures/clean/wire-story.txt");
    let got = furniture(text);
    let want: Vec<(String, BoilerplateKind)> = [
        ("By Maria Lopez and Tom Reed, Associated Press", Byline),
        ("Updated 9:41 p.m.", Timestamp),
        ("WASHINGTON (AP) —", Dateline),
        (
            "FILE - Sen. Jane Holt speaks during a hearing in Washington, March 3, 2023.",
            Caption,
        ),
        ("Follow Maria Lopez on Twitter @mlopez.", Social),
        ("Sign up for our politics newsletter", Subscribe),
        ("Share this article", Social),
        (
            "Copyright 2024 The Associated Press. All rights reserved.",
            Copyright,
        ),
        ("Most Read", Navigation),
        ("Load more", Navigation),
    ]
    .into_iter()
    .map(|(t, k)| (t.to_string(), k))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn wire_story_sentences_keep_the_dateline_and_drop_furniture() {
    let text = include_str!("../fixtures/clean/wire-story.txt");
    let article = Extractor::new().extract(text);
    let sentences: Vec<&str> = article.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        sentences,
        [
            "Senate panel advances border bill after late-night talks",
            "WASHINGTON (AP) — A Senate committee on Tuesday advanced a border security bill after a late-night session, sending the measure to the full chamber.",
            "Sen. Jane Holt (D-Calif.) said the vote was \"a start, not a finish.\"",
            "“We will keep working,” Holt said.",
            "“The U.S. Border Patrol needs the money.”",
            "She left the hearing at 10 p.m. Tuesday.",
            "The bill now goes to the floor, where Gov. Dan Marsh of Oregon and other state leaders have urged a quick vote.",
        ]
    );
    let dateline = article
        .boilerplate
        .iter()
        .find(|b| b.kind == Dateline)
        .expect("dateline");
    assert!(article.sentences[1].span.contains(dateline.span));
    assert_eq!(article.headline.expect("headline").span.start, 0);
}

#[test]
fn glued_scrape_recovers_headline_breaks_and_caption() {
    let text = include_str!("../fixtures/clean/glued-scrape.txt");
    let article = Extractor::new().extract(text);
    assert_eq!(
        article.headline.expect("headline").text,
        "City Council Approves New Transit Plan After Long Debate"
    );
    let sentences: Vec<&str> = article.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        sentences[1..],
        [
            "DENVER — The Denver City Council on Monday approved a transit plan that will add three bus lines by 2026.",
            "Council member Ana Ruiz said the plan was overdue.",
            "Funding questions",
            "The plan relies on a sales tax that voters approved last year.",
            "Officials said the first line would open in the spring.",
        ]
    );
    let kinds: Vec<BoilerplateKind> = article.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [Dateline, Caption]);
}

#[test]
fn reference_article_furniture() {
    let text = include_str!("../fixtures/biotech-entity-list.txt");
    let got = furniture(text);
    let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    for want in [
        "Updated 2:17 p.m.",
        "Tags Gina Raimondo Ron Wyden",
        "Main Area Top ↴",
        "Testing Homepage Widget",
        "Most Popular",
        "Load more",
        "Video",
        "See all Video",
    ] {
        assert!(texts.contains(&want), "missing {want}: {texts:?}");
    }
    assert!(got
        .iter()
        .any(|(t, k)| *k == Copyright && t.starts_with("Copyright 2024 Nexstar Media Inc.")));
}
