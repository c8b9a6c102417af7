//! One test per number rule, each with a case that must not match.

use super::find;
use crate::record::NumberKind;

/// `(text, value, kind)` of every mention in `text`.
fn found(text: &str) -> Vec<(String, f64, NumberKind)> {
    find(text)
        .into_iter()
        .map(|n| (n.text, n.value.get(), n.kind))
        .collect()
}

/// The values of every mention in `text`.
fn values(text: &str) -> Vec<f64> {
    find(text).into_iter().map(|n| n.value.get()).collect()
}

/// The kind of the only mention whose text is `what`.
fn kind_of(text: &str, what: &str) -> NumberKind {
    find(text)
        .into_iter()
        .find(|n| n.text == what)
        .unwrap_or_else(|| panic!("{what:?} not found in {text:?}: {:?}", found(text)))
        .kind
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn assert_values(text: &str, want: &[f64]) {
    let got = values(text);
    assert!(
        got.len() == want.len() && got.iter().zip(want).all(|(a, b)| close(*a, *b)),
        "{text:?}: got {got:?}, want {want:?}"
    );
}

#[test]
fn figures_with_separators_and_decimals() {
    assert_values("1,234,567 people", &[1234567.0]);
    assert_values("It rose 3.5 points", &[3.5]);
    assert_values("1 234 567", &[1234567.0]);
    assert_values("12,34,567.89", &[1234567.89]);
    assert_values(".08", &[0.08]);
    // a list of figures is not one number
    assert_values("1, 234, 567", &[1.0, 234.0, 567.0]);
    assert_values("nrs. 22,24,26,31.", &[22.0, 24.0, 26.0, 31.0]);
    assert_values("423 0000", &[423.0, 0.0]);
}

#[test]
fn dotted_groups_are_separate_numbers() {
    assert_values("192.168.1.2", &[192.0, 168.0, 1.0, 2.0]);
    assert_values("192.", &[192.0]);
}

#[test]
fn number_words() {
    assert_values("thirty-four", &[34.0]);
    assert_values("one hundred and five", &[105.0]);
    assert_values("eleven related research institutes", &[11.0]);
    assert_values(
        "twenty-one trillion and three hundred",
        &[21_000_000_000_300.0],
    );
    assert_values("two hundred and two thousand", &[202_000.0]);
    assert_values("fifty - two", &[52.0]);
    // two numbers side by side stay two
    assert_values("three hundred and two hundred", &[300.0, 200.0]);
    assert_values("three-nought-four", &[3.0, 0.0, 4.0]);
}

#[test]
fn figures_with_scale_words_and_abbreviations() {
    assert_values("1.5 million people", &[1_500_000.0]);
    assert_values("3 billion", &[3e9]);
    assert_values("4 thousand 3 hundred and 21", &[4321.0]);
    assert_values("10k", &[10_000.0]);
    assert_values("1.2b", &[1.2e9]);
    assert_values("either 10 bln or 10 tln", &[1e10, 1e13]);
    assert_values("1e10", &[1e10]);
    // a unit glued to a figure is a word, not a number
    assert_values("the 180ml liquid", &[]);
    assert_values("1m isn't a number", &[]);
}

#[test]
fn dozens_and_couples() {
    assert_values("a dozen", &[12.0]);
    assert_values("half a dozen", &[6.0]);
    assert_values("three dozens", &[36.0]);
    let n = find("a couple of senators");
    assert_eq!((n[0].value.get(), n[0].approximate), (2.0, true));
    let n = find("dozens of people");
    assert!(n[0].approximate);
    // "couple" without "a ... of" is a noun
    assert_values("the couple left", &[]);
}

#[test]
fn fractions() {
    assert_eq!(
        kind_of("two-thirds of voters", "two-thirds"),
        NumberKind::Fraction
    );
    assert_values("two thirds", &[2.0 / 3.0]);
    assert_values("one and a half", &[1.5]);
    assert_values("3/4", &[0.75]);
    assert_values("2 1/4", &[2.25]);
    assert_values("one out of three", &[1.0 / 3.0]);
    assert_values("3 million and a half", &[3_500_000.0]);
    // "12 out of 10" is not a fraction
    assert_values("12 out of 10", &[12.0, 10.0]);
}

#[test]
fn ordinals_are_not_cardinals() {
    assert_eq!(kind_of("for the first time", "first"), NumberKind::Ordinal);
    assert_eq!(kind_of("the 21st century", "21st"), NumberKind::Ordinal);
    assert_eq!(
        kind_of("the twenty-first", "twenty-first"),
        NumberKind::Ordinal
    );
    // "a fourth state" is an ordinal, "a fifth of" a fraction
    assert_eq!(kind_of("a fifth of them", "a fifth"), NumberKind::Fraction);
    assert_eq!(kind_of("a fourth state", "fourth"), NumberKind::Ordinal);
}

#[test]
fn negative_numbers() {
    assert_values("-1", &[-1.0]);
    assert_values("The answer is minus one", &[-1.0]);
    // a hyphen inside a name is not a minus
    assert_values("SCP-173", &[173.0]);
}

#[test]
fn years_dates_and_times() {
    assert_eq!(
        kind_of("the 2022 Winter Olympics", "2022"),
        NumberKind::Year
    );
    assert_eq!(kind_of("Copyright 2024 Nexstar", "2024"), NumberKind::Year);
    assert_eq!(kind_of("in the 1990s", "1990s"), NumberKind::Year);
    assert_eq!(kind_of("on April 15, 2013, the", "15"), NumberKind::Date);
    assert_eq!(kind_of("on Feb. 23 they", "23"), NumberKind::Date);
    assert_eq!(kind_of("on 4 May", "4"), NumberKind::Date);
    assert_eq!(kind_of("on 5/17/2018", "17"), NumberKind::Date);
    assert_eq!(kind_of("Updated 2:17 p.m.", "17"), NumberKind::Time);
    assert_eq!(kind_of("at 10 a.m. Monday", "10"), NumberKind::Time);
    // a four-digit figure before a plural noun counts it
    assert_eq!(kind_of("sent 1500 troops", "1500"), NumberKind::Cardinal);
    // "may" in lower case is not a month
    assert_eq!(kind_of("they may 3 times", "3"), NumberKind::Measure);
}

#[test]
fn money_and_percentages() {
    let n = find("$25 million in aid");
    assert_eq!(
        (n[0].text.as_str(), n[0].value.get(), n[0].kind),
        ("25 million", 25e6, NumberKind::Money)
    );
    assert_eq!(kind_of("£5m", "5m"), NumberKind::Money);
    assert_eq!(kind_of("17.58 euros", "17.58"), NumberKind::Money);
    assert_eq!(kind_of("up 2 percent", "2"), NumberKind::Percent);
    assert_eq!(kind_of("up 2%", "2"), NumberKind::Percent);
    assert_eq!(
        kind_of("three percentage points", "three"),
        NumberKind::Percent
    );
    assert_eq!(kind_of("46 to 40 percent", "46"), NumberKind::Percent);
    // "5 people" is neither
    assert_eq!(kind_of("5 people", "5"), NumberKind::Cardinal);
}

#[test]
fn ages_measures_and_scores() {
    assert_eq!(kind_of("a 35-year-old man", "35"), NumberKind::Age);
    assert_eq!(kind_of("Matanov, 23, is", "23"), NumberKind::Age);
    assert_eq!(kind_of("aged 67", "67"), NumberKind::Age);
    assert_eq!(kind_of("5 miles away", "5"), NumberKind::Measure);
    assert_eq!(kind_of("a two-hour wait", "two"), NumberKind::Measure);
    assert_eq!(kind_of("for 17 months", "17"), NumberKind::Measure);
    assert_eq!(kind_of("won 3-1", "3"), NumberKind::Score);
    assert_eq!(
        kind_of("Donald Trump Jr., 38; Ivanka, 34;", "38"),
        NumberKind::Age
    );
    assert_eq!(
        kind_of("between the ages of 18 and 29", "29"),
        NumberKind::Age
    );
    // a comma after a place and a count is not an age
    assert_eq!(
        kind_of("In Georgia, 34 companies", "34"),
        NumberKind::Cardinal
    );
}

#[test]
fn identifiers_and_names() {
    assert_eq!(
        kind_of("under Section 230 rules", "230"),
        NumberKind::Identifier
    );
    assert_eq!(kind_of("call 555-1234 now", "1234"), NumberKind::Identifier);
    assert_eq!(
        kind_of("at 10 Downing Street", "10"),
        NumberKind::Identifier
    );
    assert_eq!(kind_of("the G20 summit", "20"), NumberKind::Name);
    assert_eq!(kind_of("COVID-19 cases", "19"), NumberKind::Name);
    assert_eq!(kind_of("since 9/11 the", "11"), NumberKind::Name);
    assert_eq!(kind_of("the Gang of Eight bill", "Eight"), NumberKind::Name);
    assert_eq!(kind_of("on BBC Radio 4 today", "4"), NumberKind::Name);
    // a title-case headline keeps its count
    assert_eq!(
        kind_of("Commerce Adds 34 Chinese Entities", "34"),
        NumberKind::Cardinal
    );
    assert_eq!(
        kind_of("Florida's 99 delegates", "99"),
        NumberKind::Cardinal
    );
}

#[test]
fn pronoun_one_is_not_a_number() {
    assert_values("The one you mentioned", &[]);
    assert_values("no one was hurt", &[]);
    assert_values("Let's try one last time", &[1.0]);
}

#[test]
fn spans_point_into_the_original_text() {
    let text = "“Eleven” people\u{a0}and 2\u{202f}000 more";
    for n in find(text) {
        assert_eq!(&text[n.span.range()], n.text);
    }
    assert_values(text, &[11.0, 2000.0]);
}
