//! Any bytes → decode as UTF-8 → full extraction. Checks what the library promises on every
//! input: no panic, every span in bounds and on char boundaries, text fields equal to their
//! span's slice (quotes excepted: their content may leave out marks), sentences ordered and
//! disjoint, and the same output on a second run.
//!
//! `cargo fuzz run extract` (nightly), or `RUSTC_BOOTSTRAP=1 cargo fuzz run extract`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts::Extractor;
use serde_json::Value;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// Panics when a span under `value` is not a valid slice of `text`.
fn check(value: &Value, text: &str, in_quotes: bool) {
    match value {
        Value::Object(map) => {
            if let Some(span) = map.get("span") {
                let s = span["start"].as_u64().expect("span start") as usize;
                let e = span["end"].as_u64().expect("span end") as usize;
                assert!(s <= e && e <= text.len(), "span {s}..{e} out of bounds");
                assert!(
                    text.is_char_boundary(s) && text.is_char_boundary(e),
                    "span {s}..{e} not on char boundaries"
                );
                if let (Some(Value::String(t)), false) = (map.get("text"), in_quotes) {
                    assert_eq!(t, &text[s..e], "text is not its span's slice");
                }
            }
            for (k, v) in map {
                check(v, text, k == "quotes");
            }
        }
        Value::Array(items) => items.iter().for_each(|v| check(v, text, in_quotes)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = newsfacts::decode(data) else {
        return;
    };
    let article = EXTRACTOR.extract_with_id("fuzz", text);
    let json = serde_json::to_string(&article).expect("serializes");
    let value: Value = serde_json::from_str(&json).expect("valid JSON");
    check(&value, text, false);
    let mut last = 0;
    for s in &article.sentences {
        assert!(
            s.span.start >= last && !s.span.is_empty(),
            "sentences out of order"
        );
        last = s.span.end;
    }
    for n in newsfacts::numbers::find(text) {
        assert_eq!(n.text, &text[n.span.range()]);
    }
    let again =
        serde_json::to_string(&EXTRACTOR.extract_with_id("fuzz", text)).expect("serializes");
    assert_eq!(json, again, "not deterministic");
});
