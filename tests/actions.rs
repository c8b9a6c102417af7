//! Action extraction cases as data (`fixtures/actions/cases.json`): each case is a text, the
//! acts expected in it (actor, verb, and optionally target, object, negation, rule) and the
//! verbs that must not appear. Every failing case is printed, not just the first.

use newsfacts::record::Action;
use newsfacts::{Extractor, ListKind};
use serde_json::Value;

const CASES: &str = include_str!("../fixtures/actions/cases.json");
const REFERENCE: &str = include_str!("../fixtures/biotech-entity-list.txt");

fn show(actions: &[Action]) -> String {
    actions
        .iter()
        .map(|a| {
            format!(
                "{} -{}-> {} / {} ({})",
                a.actor.as_ref().map_or("?", |x| x.name.as_str()),
                a.verb,
                a.target.as_ref().map_or("", |t| t.text.as_str()),
                a.object.as_ref().map_or("", |o| o.text.as_str()),
                a.rule
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Whether `action` has every field `want` names (names and phrases by containment).
fn matches(action: &Action, want: &Value) -> bool {
    let has = |key: &str, got: Option<&str>| match want.get(key).and_then(Value::as_str) {
        Some(w) => got.is_some_and(|g| g.contains(w)),
        None => true,
    };
    has("actor", action.actor.as_ref().map(|a| a.name.as_str()))
        && has("verb", Some(action.verb.as_str()))
        && has("target", action.target.as_ref().map(|t| t.text.as_str()))
        && has("object", action.object.as_ref().map(|o| o.text.as_str()))
        && has("rule", Some(action.rule.as_str()))
        && want
            .get("negated")
            .and_then(Value::as_bool)
            .is_none_or(|n| n == action.negated)
}

#[test]
fn action_cases() {
    let cases: Vec<Value> = serde_json::from_str(CASES).expect("cases.json parses");
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let text = case["text"].as_str().unwrap_or("");
        let actions = extractor.extract(text).actions;
        for want in case
            .get("expect")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !actions.iter().any(|a| matches(a, want)) {
                failures.push(format!("{name}: missing {want} in [{}]", show(&actions)));
            }
        }
        for verb in case
            .get("absent")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let verb = verb.as_str().unwrap_or("");
            if actions.iter().any(|a| a.verb == verb) {
                failures.push(format!("{name}: unexpected {verb} in [{}]", show(&actions)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn reference_article_acts() {
    let article = Extractor::new().extract(REFERENCE);
    let gold = [
        ("Biden administration", "blacklist"),
        ("Biden administration", "impose"),
        ("Commerce", "add"),
        ("Commerce", "impose"),
        ("Treasury", "impose"),
        ("Treasury", "accuse"),
        ("White House", "stage"),
        ("White House", "back"),
        ("Congress", "pass"),
        ("Wyden", "block"),
    ];
    let found = gold
        .iter()
        .filter(|(actor, verb)| {
            article.actions.iter().any(|a| {
                a.verb == *verb && a.actor.as_ref().is_some_and(|x| x.name.contains(actor))
            })
        })
        .count();
    assert!(found >= 8, "{found}/10: {}", show(&article.actions));
    assert!(article.actions.len() <= 12, "{}", show(&article.actions));
}

#[test]
fn spans_slice_the_original_and_counts_link() {
    let article = Extractor::new().extract(REFERENCE);
    for a in &article.actions {
        assert_eq!(&REFERENCE[a.span.range()], a.text);
        if let Some(actor) = &a.actor {
            assert_eq!(&REFERENCE[actor.span.range()], actor.text);
        }
        for p in a.target.iter().chain(a.object.iter()) {
            assert_eq!(&REFERENCE[p.span.range()], p.text);
        }
        if let Some(c) = a.count {
            let target = a.target.as_ref().expect("a count lies in a target");
            assert!(target.span.contains(article.counts[c].span));
        }
    }
    let add = article
        .actions
        .iter()
        .find(|a| a.verb == "add")
        .expect("add");
    assert!(add.count.is_some(), "34 Chinese entities links its count");
}

#[test]
fn users_extend_the_verb_lexicon() {
    let text = "Trade story\n\nThe Finance Ministry embargoed Acme Corp on Monday.";
    let extractor = Extractor::builder()
        .add_list(
            ListKind::ActionVerbs,
            "embargo\ttrade\tembargoes|embargoed|embargoed|embargoing\ttarget",
        )
        .build();
    let actions = extractor.extract(text).actions;
    assert!(
        actions
            .iter()
            .any(|a| a.verb == "embargo" && a.kind == "trade"),
        "{}",
        show(&actions)
    );
}

#[test]
fn odd_input_does_not_panic() {
    let extractor = Extractor::new();
    for text in [
        "",
        "by",
        "was blocked by",
        ", accusing",
        "\"\"\"",
        "The bill was blocked by (",
        "It it it imposed imposed on on",
        "Ünïcødé Ministry imposed sanctions on “Straße” firms — 34 of them.",
    ] {
        let article = extractor.extract(text);
        for a in &article.actions {
            assert!(text.is_char_boundary(a.span.start) && text.is_char_boundary(a.span.end));
        }
    }
}
