//! The `newsfacts` binary end to end: input modes, bad inputs mixed with good ones, exit
//! codes, `--pretty`, `--offsets chars`, CSV tables, and byte-identical output across
//! thread counts.

#![cfg(feature = "cli")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const REFERENCE: &str = include_str!("../fixtures/biotech-entity-list.txt");

/// What one run of the binary gave back.
struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Output {
    /// The JSON objects of the output, one per line.
    fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
            .collect()
    }

    /// The `id` of each output object, in order.
    fn ids(&self) -> Vec<String> {
        self.json_lines()
            .iter()
            .map(|v| v["id"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}

/// Run the binary with `args`, feeding `stdin` (bytes) to it.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(args)
        .env_remove("CI")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut pipe = child.stdin.take().expect("stdin pipe");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The binary may exit before reading everything (usage errors); that is fine.
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("binary finishes");
    writer.join().expect("stdin writer");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A fresh, empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// One JSON Lines input line.
fn jsonl_line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string() + "\n"
}

#[test]
fn a_file_gives_one_json_line_named_by_its_stem() {
    let out = run(&["extract", "fixtures/biotech-entity-list.txt"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.json_lines();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "biotech-entity-list");
    assert_eq!(lines[0]["schema_version"], 1);
    assert!(!lines[0]["sentences"].as_array().unwrap().is_empty());
    assert!(out.stderr.contains("1 article, 0 failed"), "{}", out.stderr);
}

#[test]
fn extract_is_the_default_subcommand() {
    let with = run(&["extract", "fixtures/biotech-entity-list.txt"], b"");
    let without = run(&["fixtures/biotech-entity-list.txt"], b"");
    assert_eq!(with.stdout, without.stdout);
}

#[test]
fn a_directory_is_read_recursively_in_name_order_and_other_files_are_reported() {
    let dir = scratch("dir");
    std::fs::create_dir_all(dir.join("b-sub")).unwrap();
    std::fs::write(dir.join("c.txt"), "Third one. Done.").unwrap();
    std::fs::write(dir.join("a.txt"), "First one. Done.").unwrap();
    std::fs::write(dir.join("b-sub/b.txt"), "Second one. Done.").unwrap();
    std::fs::write(dir.join("photo.jpg"), [0xff, 0xd8, 0xff, 0x00]).unwrap();
    std::fs::write(dir.join(".hidden.txt"), "not read").unwrap();
    let out = run(&["sentences", path_str(&dir)], b"");
    assert_eq!(
        out.code, 0,
        "skipped files are not failures: {}",
        out.stderr
    );
    assert_eq!(out.ids(), ["a", "b", "c"]);
    assert!(out.stderr.contains("photo.jpg"), "{}", out.stderr);
    assert!(out.stderr.contains("1 skipped"), "{}", out.stderr);
    assert!(!out.stderr.contains("hidden"), "{}", out.stderr);
}

#[test]
fn standard_input_is_one_article_named_stdin() {
    for args in [&["extract"][..], &["extract", "-"][..]] {
        let out = run(args, b"Officials met on Monday. They agreed.");
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(out.ids(), ["stdin"]);
        assert_eq!(
            out.json_lines()[0]["sentences"].as_array().unwrap().len(),
            2
        );
    }
}

#[test]
fn jsonl_from_a_file_and_from_stdin_keeps_ids_and_order() {
    let dir = scratch("jsonl");
    let input = jsonl_line("x", "One. Two.") + &jsonl_line("y", "Three.");
    let file = dir.join("batch.jsonl");
    std::fs::write(&file, &input).unwrap();
    let from_file = run(&["sentences", "--jsonl", path_str(&file)], b"");
    let from_stdin = run(&["sentences", "--jsonl"], input.as_bytes());
    let from_dash = run(&["sentences", "--jsonl", "-"], input.as_bytes());
    for out in [&from_file, &from_stdin, &from_dash] {
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(out.ids(), ["x", "y"]);
    }
    assert_eq!(from_file.stdout, from_stdin.stdout);
}

#[test]
fn order_is_kept_across_batches() {
    let input: String = (0..700)
        .map(|i| jsonl_line(&format!("a{i}"), &"Word after word. ".repeat(i % 13 + 1)))
        .collect();
    let out = run(&["sentences", "--jsonl"], input.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let want: Vec<String> = (0..700).map(|i| format!("a{i}")).collect();
    assert_eq!(out.ids(), want);
}

#[test]
fn bad_files_are_reported_by_name_and_good_ones_still_written() {
    let dir = scratch("bad-files");
    std::fs::write(dir.join("1-good.txt"), "The agency acted. It said so.").unwrap();
    std::fs::write(dir.join("2-latin1.txt"), b"Caf\xe9 owners met.").unwrap();
    std::fs::write(dir.join("3-empty.txt"), "").unwrap();
    std::fs::write(dir.join("4-binary.txt"), b"PK\x03\x04\x00\x00").unwrap();
    std::fs::write(dir.join("5-good.txt"), "Another one. Done.").unwrap();
    let missing = dir.join("missing.txt");
    let out = run(&["extract", path_str(&dir), path_str(&missing)], b"");
    assert_eq!(out.code, 1, "failures give exit status 1");
    assert_eq!(out.ids(), ["1-good", "3-empty", "5-good"]);
    for name in ["2-latin1.txt", "4-binary.txt", "missing.txt", "3-empty.txt"] {
        assert!(
            out.stderr.contains(name),
            "{name} not reported: {}",
            out.stderr
        );
    }
    assert!(out.stderr.contains("not valid UTF-8"), "{}", out.stderr);
    let summary = out.stderr.lines().last().unwrap_or_default();
    assert_eq!(summary, "newsfacts: 3 articles, 3 failed, 1 empty");
}

#[test]
fn malformed_jsonl_lines_are_reported_with_their_line_number() {
    let input = jsonl_line("a", "Good one.")
        + "{\"id\": \"b\", \"text\": \n"
        + "{\"id\": \"c\"}\n"
        + "\n"
        + &jsonl_line("d", "Good two.")
        + "[1, 2]\n";
    let out = run(&["extract", "--jsonl"], input.as_bytes());
    assert_eq!(out.code, 1);
    assert_eq!(out.ids(), ["a", "d"]);
    for line in ["line 2", "line 3", "line 6"] {
        assert!(out.stderr.contains(line), "{line}: {}", out.stderr);
    }
    assert!(
        out.stderr.contains("2 articles, 3 failed"),
        "{}",
        out.stderr
    );
}

#[test]
fn invalid_utf8_on_stdin_fails_cleanly() {
    let out = run(&["extract"], b"abc \xff\xfe def");
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("stdin: not valid UTF-8"),
        "{}",
        out.stderr
    );
    let jsonl = run(
        &["extract", "--jsonl"],
        b"{\"id\":\"a\",\"text\":\"\xff\"}\n",
    );
    assert_eq!(jsonl.code, 1);
    assert!(jsonl.stderr.contains("line 1"), "{}", jsonl.stderr);
}

#[test]
fn empty_input_gives_an_empty_record() {
    let out = run(&["extract"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v = &out.json_lines()[0];
    assert_eq!(v["id"], "stdin");
    assert!(v["headline"].is_null());
    for key in [
        "sentences",
        "agencies",
        "officials",
        "counts",
        "quotes",
        "actions",
    ] {
        assert_eq!(v[key], serde_json::json!([]), "{key}");
    }
    assert!(out.stderr.contains("empty article"), "{}", out.stderr);
}

#[test]
fn no_jsonl_input_at_all_writes_nothing_and_succeeds() {
    let out = run(&["extract", "--jsonl"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("0 articles, 0 failed"),
        "{}",
        out.stderr
    );
}

#[test]
fn pretty_prints_indented_json_with_the_same_content() {
    let plain = run(&["extract", "fixtures/biotech-entity-list.txt"], b"");
    let pretty = run(
        &["extract", "--pretty", "fixtures/biotech-entity-list.txt"],
        b"",
    );
    assert_eq!(pretty.code, 0);
    assert!(pretty.stdout.lines().count() > 10);
    assert!(pretty
        .stdout
        .contains("\n  \"id\": \"biotech-entity-list\""));
    let reparsed: serde_json::Value = serde_json::from_str(&pretty.stdout).unwrap();
    assert_eq!(reparsed, plain.json_lines()[0]);
}

#[test]
fn offsets_chars_index_unicode_scalars() {
    let text = "“Tariffs hurt,” said Zoë Müller. The café closed — again.";
    let input = jsonl_line("u", text);
    let bytes = run(&["sentences", "--jsonl"], input.as_bytes());
    let chars = run(
        &["sentences", "--jsonl", "--offsets", "chars"],
        input.as_bytes(),
    );
    let chars_of: Vec<char> = text.chars().collect();
    let byte_sents = bytes.json_lines()[0]["sentences"].clone();
    let char_sents = chars.json_lines()[0]["sentences"].clone();
    assert_eq!(byte_sents.as_array().unwrap().len(), 2);
    for (b, c) in byte_sents
        .as_array()
        .unwrap()
        .iter()
        .zip(char_sents.as_array().unwrap())
    {
        let (bs, be) = (
            b["span"]["start"].as_u64().unwrap() as usize,
            b["span"]["end"].as_u64().unwrap() as usize,
        );
        let (cs, ce) = (
            c["span"]["start"].as_u64().unwrap() as usize,
            c["span"]["end"].as_u64().unwrap() as usize,
        );
        let by_chars: String = chars_of[cs..ce].iter().collect();
        assert_eq!(by_chars, c["text"].as_str().unwrap());
        assert_eq!(&text[bs..be], b["text"].as_str().unwrap());
        assert!(ce < be, "multibyte chars make char offsets smaller");
    }
    let full = run(
        &["extract", "--jsonl", "--offsets", "chars"],
        input.as_bytes(),
    );
    assert_eq!(full.code, 0);
    let csv = run(
        &[
            "extract",
            "--jsonl",
            "--offsets",
            "chars",
            "--table",
            "sentences",
        ],
        input.as_bytes(),
    );
    let last = csv.stdout.lines().last().unwrap_or_default();
    assert!(
        last.ends_with(&format!(",{}", chars_of.len())),
        "{}",
        csv.stdout
    );
}

/// Parse CSV output into its header and rows, checking every row is as wide as the header.
fn csv_table(out: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| {
            r.expect("well-formed CSV row")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect();
    for row in &rows {
        assert_eq!(row.len(), header.len());
    }
    (header, rows)
}

#[test]
fn csv_tables_have_a_header_and_one_row_per_record() {
    let input = jsonl_line("ref", REFERENCE) + &jsonl_line("small", "Hello, \"world\". Bye.");
    for table in [
        "agencies",
        "officials",
        "counts",
        "quotes",
        "actions",
        "sentences",
    ] {
        let out = run(
            &["extract", "--jsonl", "--format", "csv", "--table", table],
            input.as_bytes(),
        );
        assert_eq!(out.code, 0, "{table}: {}", out.stderr);
        let (header, rows) = csv_table(&out.stdout);
        assert_eq!(header[0], "article_id", "{table}");
        assert!(header.iter().any(|h| h == "span_start") && header.iter().any(|h| h == "span_end"));
        for row in &rows {
            assert!(row[0] == "ref" || row[0] == "small", "{table}: {row:?}");
        }
    }
    let out = run(
        &["extract", "--jsonl", "--table", "sentences"],
        input.as_bytes(),
    );
    let (header, rows) = csv_table(&out.stdout);
    let text = header.iter().position(|h| h == "text").unwrap();
    let start = header.iter().position(|h| h == "span_start").unwrap();
    let end = header.iter().position(|h| h == "span_end").unwrap();
    let small: Vec<_> = rows.iter().filter(|r| r[0] == "small").collect();
    assert_eq!(small[0][text], "Hello, \"world\".");
    let (s, e): (usize, usize) = (
        small[0][start].parse().unwrap(),
        small[0][end].parse().unwrap(),
    );
    assert_eq!(&"Hello, \"world\". Bye."[s..e], small[0][text]);
    let numbers = run(&["numbers", "--table", "numbers"], b"It cost 34 dollars.");
    let (header, rows) = csv_table(&numbers.stdout);
    assert_eq!(header[0], "article_id");
    assert!(!rows.is_empty());
}

#[test]
fn an_empty_csv_table_still_has_its_header() {
    let out = run(&["extract", "--table", "quotes"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out
        .stdout
        .starts_with("article_id,quote,text,span_start,span_end"));
    assert_eq!(out.stdout.lines().count(), 1);
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(run(&["extract", "--format", "csv"], b"").code, 2);
    assert_eq!(run(&["sentences", "--table", "quotes"], b"").code, 2);
    assert_eq!(run(&["extract", "--offsets", "words"], b"").code, 2);
    assert_eq!(
        run(&["extract", "--pretty", "--table", "quotes"], b"").code,
        2
    );
    assert_eq!(
        run(&["--pretty", "extract", "--table", "quotes"], b"").code,
        2
    );
}

#[test]
fn quote_units_choose_spans_or_attributions() {
    let text = b"Clinton called the plan \"dangerously wrong\" on Monday. \
                 \"We will win,\" Jane Doe said. \"And we will win big.\"";
    let quotes = |args: &[&str]| {
        let out = run(args, text);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let v = &out.json_lines()[0]["quotes"];
        v.as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let text = q["text"].as_str().unwrap().to_string();
                (
                    text,
                    q["partial"].as_bool().unwrap(),
                    q["continues"].as_u64(),
                )
            })
            .collect::<Vec<_>>()
    };
    let spans = quotes(&["extract", "-q"]);
    assert_eq!(spans, quotes(&["extract", "-q", "--quote-units", "spans"]));
    let partial: Vec<_> = spans.iter().map(|q| (q.1, q.2)).collect();
    assert_eq!(partial, [(true, None), (false, None), (false, Some(1))]);
    let one = vec![("We will win,".to_string(), false, None)];
    assert_eq!(
        quotes(&["extract", "-q", "--quote-units", "attributions"]),
        one
    );
    // Before the subcommand, or with none (extract is the default), it counts too.
    assert_eq!(quotes(&["--quote-units", "attributions", "-q"]), one);
    assert_eq!(
        quotes(&["--quote-units", "attributions", "extract", "-q"]),
        one
    );
    assert_eq!(run(&["extract", "--quote-units", "sentences"], b"").code, 2);
    assert_eq!(
        run(&["--quote-units", "attributions", "sentences"], b"").code,
        2
    );
}

#[test]
fn flags_before_the_subcommand_count_too() {
    let before = run(
        &["--quiet", "--offsets", "chars", "sentences"],
        "“Zoë.”".as_bytes(),
    );
    let after = run(
        &["sentences", "--quiet", "--offsets", "chars"],
        "“Zoë.”".as_bytes(),
    );
    assert_eq!(before.stdout, after.stdout);
    assert!(before.stdout.contains("\"end\":6"), "{}", before.stdout);
    assert!(before.stderr.is_empty(), "{}", before.stderr);
}

#[test]
fn output_is_byte_identical_across_thread_counts() {
    let mut input = String::new();
    for i in 0..300 {
        let body = match i % 4 {
            0 => REFERENCE.to_string(),
            1 => format!("Sen. Jane Doe (D-Ore.) said {i} agencies met. “We will act,” she said."),
            2 => "A line with no punctuation at all ".repeat(i % 50 + 1),
            _ => format!("WASHINGTON (AP) — The U.S. Commerce Department added {i} firms on Jan. 5.\n\nTags Trade"),
        };
        input += &jsonl_line(&format!("doc-{i}"), &body);
    }
    let one = run(&["extract", "--jsonl", "--threads", "1"], input.as_bytes());
    let two = run(&["extract", "--jsonl", "--threads", "2"], input.as_bytes());
    let again = run(&["extract", "--jsonl", "--threads", "2"], input.as_bytes());
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(one.json_lines().len(), 300);
    assert!(one.stdout == two.stdout, "threads 1 and 2 differ");
    assert!(two.stdout == again.stdout, "two runs differ");
}

#[test]
fn quiet_suppresses_the_summary_but_not_errors() {
    let out = run(&["extract", "--quiet", "/no/such/file.txt"], b"");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("/no/such/file.txt"));
    assert!(!out.stderr.contains("articles"), "{}", out.stderr);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]

    /// Any bytes on stdin, as one article or as JSON Lines: a clean exit (0, or 1 for a
    /// reported bad input), JSON on stdout, no panic.
    #[test]
    fn any_bytes_on_stdin_never_crash_the_cli(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2000),
        jsonl in proptest::prelude::any::<bool>(),
    ) {
        let args: &[&str] = if jsonl { &["extract", "--jsonl"] } else { &["extract"] };
        let out = run(args, &bytes);
        proptest::prop_assert!(out.code == 0 || out.code == 1, "exit {}: {}", out.code, out.stderr);
        proptest::prop_assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        proptest::prop_assert!(!out.stderr.contains("internal error"), "{}", out.stderr);
        for line in out.stdout.lines() {
            proptest::prop_assert!(serde_json::from_str::<serde_json::Value>(line).is_ok());
        }
    }
}

/// The JSON Schema shipped in `schema/` must be the one generated from the record types, so
/// it cannot go stale; every field the output has must be described in it.
#[cfg(feature = "schema")]
#[test]
fn the_shipped_json_schema_is_the_generated_one() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/article.schema.json");
    let shipped = std::fs::read_to_string(path).expect("schema/article.schema.json exists");
    let out = run(&["schema"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout == shipped,
        "schema/article.schema.json is stale; regenerate it with\n  \
         cargo run -- schema > schema/article.schema.json"
    );
    let schema: serde_json::Value = serde_json::from_str(&shipped).expect("schema is JSON");
    let article =
        run(&["extract", "fixtures/biotech-entity-list.txt"], b"").json_lines()[0].clone();
    for key in article.as_object().expect("article object").keys() {
        assert!(
            schema["properties"].get(key).is_some(),
            "output field {key:?} missing from the schema"
        );
    }
}

/// Check every `{"text", "span"}` object under `v` against the text indexed by chars.
fn check_char_spans(v: &serde_json::Value, chars: &[char], in_quotes: bool, seen: &mut usize) {
    match v {
        serde_json::Value::Object(map) => {
            if let (Some(serde_json::Value::String(t)), Some(span), false) =
                (map.get("text"), map.get("span"), in_quotes)
            {
                let s = span["start"].as_u64().unwrap() as usize;
                let e = span["end"].as_u64().unwrap() as usize;
                assert!(s <= e && e <= chars.len(), "{span}");
                assert_eq!(&chars[s..e].iter().collect::<String>(), t);
                *seen += 1;
            }
            for (k, x) in map {
                check_char_spans(x, chars, k == "quotes", seen);
            }
        }
        serde_json::Value::Array(items) => {
            for x in items {
                check_char_spans(x, chars, in_quotes, seen);
            }
        }
        _ => {}
    }
}

#[test]
fn offsets_chars_rewrite_every_span_of_every_record() {
    let out = run(
        &[
            "extract",
            "--offsets",
            "chars",
            "fixtures/biotech-entity-list.txt",
        ],
        b"",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let chars: Vec<char> = REFERENCE.chars().collect();
    assert!(
        chars.len() < REFERENCE.len(),
        "the fixture has multibyte chars"
    );
    let mut seen = 0;
    check_char_spans(&out.json_lines()[0], &chars, false, &mut seen);
    assert!(seen > 20, "only {seen} spans checked");
}
