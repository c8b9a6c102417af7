//! Data-driven extraction cases: every `fixtures/cases/*.json` file holds a list of cases,
//! each an input text with the records expected (`expect`) and those that must not appear
//! (`reject`). A record matches when every field the case gives equals the extracted one.
//! Adding a case needs no Rust code; the test prints every failing case, not just the first.

use newsfacts::Extractor;
use serde_json::{Map, Value};
use std::path::Path;

/// Fields a case may give per record kind, and where to find each in the output JSON.
fn field<'v>(record: &'v Value, key: &str) -> Option<&'v Value> {
    match key {
        // quote speakers and action actors compare by resolved name
        "speaker" => record.get("speaker").and_then(|s| s.get("name")),
        "actor" => record.get("actor").and_then(|a| a.get("name")),
        "target" | "object" => record.get(key).and_then(|p| p.get("text")),
        _ => record.get(key),
    }
}

fn matches(record: &Value, want: &Map<String, Value>) -> bool {
    want.iter().all(|(k, v)| match (field(record, k), v) {
        (Some(Value::Number(a)), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Some(got), want) => got == want,
        (None, Value::Null) => true,
        (None, _) => false,
    })
}

fn check_case(extractor: &Extractor, file: &str, case: &Value, failures: &mut Vec<String>) {
    let name = case.get("name").and_then(Value::as_str).unwrap_or("?");
    let text = case.get("text").and_then(Value::as_str).unwrap_or_default();
    let article = serde_json::to_value(extractor.extract(text)).expect("article serializes");
    for (section, expected) in [("expect", true), ("reject", false)] {
        let Some(kinds) = case.get(section).and_then(Value::as_object) else {
            continue;
        };
        for (kind, wants) in kinds {
            let got = article
                .get(kind)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for want in wants.as_array().into_iter().flatten() {
                let Some(want) = want.as_object() else {
                    continue;
                };
                let found = got.iter().any(|r| matches(r, want));
                if found != expected {
                    let verb = if expected { "missing" } else { "unwanted" };
                    failures.push(format!(
                        "{file} / {name}: {verb} {kind} {}\n    got: {}",
                        Value::Object(want.clone()),
                        serde_json::to_string(&got).unwrap_or_default()
                    ));
                }
            }
        }
    }
}

#[test]
fn extraction_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/cases")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    let mut n = 0;
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let file = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(path).expect("case file is UTF-8");
        let cases: Vec<Value> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        for case in &cases {
            n += 1;
            check_case(&extractor, &file, case, &mut failures);
        }
    }
    assert!(n > 0, "no cases found in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Names the user adds to the given-name list reach every stage, speaker resolution included.
#[test]
fn user_given_names_reach_speaker_resolution() {
    let text = "Quorvin Blatt spoke to reporters on Monday.\n\n\"It is over,\" he said.";
    let speaker = |e: &Extractor| {
        e.extract(text)
            .quotes
            .first()
            .and_then(|q| q.speaker.as_ref().map(|s| s.name.clone()))
    };
    let custom = Extractor::builder()
        .add_list(newsfacts::ListKind::FirstNames, "Quorvin\tM")
        .build();
    assert_eq!(speaker(&custom).as_deref(), Some("Quorvin Blatt"));
    assert_ne!(speaker(&Extractor::new()).as_deref(), Some("Quorvin Blatt"));
}
