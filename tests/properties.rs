//! Invariants of the library on any input: no panic, every span in bounds and on char
//! boundaries, text fields equal to the slice of their span, sentences ordered and
//! disjoint, and output that is byte-identical from run to run.
//!
//! Two generators: arbitrary Unicode strings, and "news-like" strings stitched from the
//! pieces the rules react to (titles, abbreviations, quotes, numbers, agencies, furniture,
//! odd whitespace and multibyte characters), so the deeper rules are reached too.

use newsfacts::Extractor;
use proptest::prelude::*;
use serde_json::Value;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// Cases per property: `PROPTEST_CASES` when set (explore with thousands), else 256.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// Pieces of news text that trigger the rules, plus hostile characters.
const PIECES: &[&str] = &[
    "Sen.",
    "Gov.",
    "Dr.",
    "Mr.",
    "U.S.",
    "U.N.",
    "Ore.",
    "Calif.",
    "p.m.",
    "Inc.",
    "Jan.",
    "J. Edgar",
    "No. 4",
    "3.5",
    "34",
    "1,234",
    "thirty-four",
    "a dozen",
    "1.5 million",
    "$5",
    "50%",
    "2022",
    "the Commerce Department",
    "Department of Commerce",
    "Commerce",
    "the FBI",
    "Congress",
    "the Senate",
    "Secretary",
    "Gina Raimondo",
    "Ron Wyden",
    "(D-Ore.)",
    "(R)",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "it",
    "they",
    "added",
    "imposed",
    "sanctions",
    "entities",
    "firms",
    "on",
    "to",
    "by",
    "was",
    "not",
    "did not",
    "the",
    "and",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "(",
    ")",
    "—",
    "–",
    "-",
    "...",
    "…",
    ".",
    ",",
    "?",
    "!",
    ":",
    ";",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "é",
    "Zoë",
    "東京",
    "🙂",
    "\u{301}",
    "Tags",
    "Copyright 2024 Nexstar Media Inc. All rights reserved.",
    "Updated 2:17 p.m.",
    "By Jane Doe",
    "WASHINGTON (AP) —",
    "Most Popular",
    "Load more",
];

/// A string stitched from [`PIECES`] and short random runs.
fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => "\\PC{0,6}",
    ];
    prop::collection::vec((piece, prop::bool::weighted(0.7)), 0..80).prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

/// Check every `{"text", "span"}` and every span under `value` against `text`.
fn check_spans(value: &Value, text: &str, path: &str, errors: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(span) = map.get("span") {
                let start = span["start"].as_u64().map(|v| v as usize);
                let end = span["end"].as_u64().map(|v| v as usize);
                match (start, end) {
                    (Some(s), Some(e)) if s <= e && e <= text.len() => {
                        if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                            errors.push(format!("{path}: span {s}..{e} not on char boundaries"));
                        } else if let Some(Value::String(t)) = map.get("text") {
                            // Quote content may leave out the marks and attribution of a
                            // quote split in two, so it is not always one slice.
                            let whole_slice = !path.ends_with("quotes[]");
                            if whole_slice && t != &text[s..e] {
                                errors.push(format!(
                                    "{path}: text {t:?} is not the slice {:?}",
                                    &text[s..e]
                                ));
                            }
                        }
                    }
                    _ => errors.push(format!("{path}: span {span} out of bounds")),
                }
            }
            for (k, v) in map {
                check_spans(v, text, &format!("{path}.{k}"), errors);
            }
        }
        Value::Array(items) => {
            for v in items {
                check_spans(v, text, &format!("{path}[]"), errors);
            }
        }
        _ => {}
    }
}

/// Every invariant of one extraction.
fn check_article(text: &str) -> Result<(), TestCaseError> {
    let article = EXTRACTOR.extract_with_id("p", text);
    let json = serde_json::to_string(&article).expect("serializes");
    let again = serde_json::to_string(&EXTRACTOR.extract_with_id("p", text)).expect("serializes");
    prop_assert_eq!(&json, &again, "output is not deterministic");
    let value: Value = serde_json::from_str(&json).expect("valid JSON");
    let mut errors = Vec::new();
    check_spans(&value, text, "article", &mut errors);
    prop_assert!(errors.is_empty(), "{:#?}", errors);
    let mut last_end = 0;
    for s in &article.sentences {
        prop_assert!(s.span.start >= last_end, "sentences overlap or go back");
        prop_assert!(!s.span.is_empty(), "empty sentence");
        last_end = s.span.end;
    }
    prop_assert_eq!(EXTRACTOR.segment(text), article.sentences);
    for n in newsfacts::numbers::find(text) {
        prop_assert!(n.span.end <= text.len());
        prop_assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
        prop_assert_eq!(&n.text, &text[n.span.range()]);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_string_keeps_every_invariant(text in "\\PC{0,400}") {
        check_article(&text)?;
    }

    #[test]
    fn any_unicode_including_controls_keeps_every_invariant(text in any::<String>()) {
        check_article(&text)?;
    }

    #[test]
    fn news_like_text_keeps_every_invariant(text in news_like()) {
        check_article(&text)?;
    }
}

#[test]
fn edge_inputs_keep_every_invariant() {
    let long_word = "a".repeat(100_000);
    let dots = ".".repeat(10_000);
    let quotes = "\"".repeat(5_001);
    for text in [
        "",
        " ",
        "\n\n\n",
        ".",
        "“",
        "\u{feff}",
        "\u{301}a",
        long_word.as_str(),
        dots.as_str(),
        quotes.as_str(),
        "Sen.",
        "“Unclosed quote, he said",
        "” closing first “",
    ] {
        if let Err(e) = check_article(text) {
            panic!("{text:?}: {e}");
        }
    }
}

#[test]
fn the_reference_article_keeps_every_invariant() {
    let text = include_str!("../fixtures/biotech-entity-list.txt");
    if let Err(e) = check_article(text) {
        panic!("{e}");
    }
}

/// Best of three wall-clock timings of a full extraction of `text`, in seconds.
fn best_time(text: &str) -> f64 {
    (0..3)
        .map(|_| {
            let t = std::time::Instant::now();
            std::hint::black_box(EXTRACTOR.extract(text));
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Builds a text of about the given number of bytes.
type MakeText<'a> = dyn Fn(usize) -> String + 'a;

/// Cost must grow linearly with article length: four times the text may take at most about
/// four times as long (8x allowed for noise; quadratic code takes 16x). A timing check, so
/// not part of `cargo test`: `cargo test --release --test properties -- --ignored`.
#[test]
#[ignore]
fn extraction_time_is_linear_in_article_length() {
    let article = include_str!("../fixtures/biotech-entity-list.txt");
    let words = "the Commerce Department said Secretary Gina Raimondo added 34 Chinese entities to its list and Sen Ron Wyden of Oregon imposed sanctions on firms he told reporters that it would ";
    // the article's words drawn in a fixed pseudo-random order, without a sentence end: names,
    // titles and quotation marks everywhere, so every resolution step has many earlier
    // mentions to choose from
    let article_words: Vec<String> = article
        .split_whitespace()
        .map(|w| w.replace('.', ""))
        .collect();
    let scrambled = |bytes: usize| {
        let mut out = String::with_capacity(bytes + 64);
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        while out.len() < bytes {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            out.push_str(&article_words[(state >> 33) as usize % article_words.len()]);
            out.push(' ');
        }
        out
    };
    let repeated = |unit: String| move |bytes: usize| unit.repeat(bytes / unit.len() + 1);
    let cases: [(&str, Box<MakeText<'_>>); 3] = [
        (
            "repeated article",
            Box::new(repeated(format!("{article}\n\n"))),
        ),
        ("no punctuation", Box::new(repeated(words.to_string()))),
        ("scrambled article without periods", Box::new(scrambled)),
    ];
    let mut failures = Vec::new();
    for (name, make) in cases {
        let (small, large) = (make(200_000), make(800_000));
        let _ = best_time(&make(1_000)); // warm up
        let (ts, tl) = (best_time(&small), best_time(&large));
        let ratio = tl / ts;
        eprintln!("{name}: 200 KB {ts:.3}s, 800 KB {tl:.3}s, ratio {ratio:.1} (linear: 4)");
        if ratio > 8.0 {
            failures.push(format!("{name}: 4x the text took {ratio:.1}x the time"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
