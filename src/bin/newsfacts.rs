//! The `newsfacts` command: reads articles (files, directories, stdin, JSON Lines), runs the
//! library over them in parallel, and writes one JSON object per article in input order.

use clap::{Parser, Subcommand, ValueEnum};
use newsfacts::{Error, Extractor};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "newsfacts",
    version,
    about = "Extract agencies, officials, counts, quotes and actions from news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Every record kind (the default).
    Extract(InputArgs),
    /// Sentence segmentation only.
    Sentences(InputArgs),
    /// Every number mention with its value and kind.
    Numbers(InputArgs),
}

#[derive(clap::Args, Debug, Clone, Default)]
struct InputArgs {
    /// Article files (`.txt`) or directories of them; `-` or nothing reads standard input.
    paths: Vec<PathBuf>,
    /// Inputs are JSON Lines of `{"id": ..., "text": ...}`, one article per line.
    #[arg(long)]
    jsonl: bool,
    /// Print indented JSON instead of one line per article.
    #[arg(long)]
    pretty: bool,
    /// Offsets in spans: UTF-8 bytes (default) or Unicode chars (for Python/JS users).
    #[arg(long, value_enum, default_value_t = Offsets::Bytes)]
    offsets: Offsets,
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
}

#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Offsets {
    #[default]
    Bytes,
    Chars,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Extract,
    Sentences,
    Numbers,
}

/// One input article, or the reason it could not be read.
struct Item {
    id: String,
    text: Result<String, Error>,
}

/// How many articles are read, processed in parallel and written at a time.
const BATCH: usize = 256;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (mode, args) = match cli.command {
        None => (Mode::Extract, cli.input),
        Some(Command::Extract(a)) => (Mode::Extract, a),
        Some(Command::Sentences(a)) => (Mode::Sentences, a),
        Some(Command::Numbers(a)) => (Mode::Numbers, a),
    };
    if let Some(n) = args.threads {
        // A second global pool cannot be built; the error only says one exists already.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    match run(mode, &args) {
        Ok(summary) => {
            if summary.failed > 0 {
                eprintln!(
                    "newsfacts: {} articles written, {} inputs failed",
                    summary.written, summary.failed
                );
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("newsfacts: {e}");
            ExitCode::FAILURE
        }
    }
}

#[derive(Default)]
struct Summary {
    written: usize,
    failed: usize,
}

fn run(mode: Mode, args: &InputArgs) -> io::Result<Summary> {
    let extractor = Extractor::new();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    let mut batch = Vec::with_capacity(BATCH);
    let mut flush =
        |batch: &mut Vec<Item>, out: &mut BufWriter<io::StdoutLock>| -> io::Result<()> {
            let rendered: Vec<Result<String, String>> = batch
                .par_iter()
                .map(|item| match &item.text {
                    Ok(text) => Ok(render(&extractor, mode, args, &item.id, text)),
                    Err(e) => Err(e.to_string()),
                })
                .collect();
            for r in rendered {
                match r {
                    Ok(json) => {
                        out.write_all(json.as_bytes())?;
                        out.write_all(b"\n")?;
                        summary.written += 1;
                    }
                    Err(msg) => {
                        eprintln!("newsfacts: {msg}");
                        summary.failed += 1;
                    }
                }
            }
            batch.clear();
            out.flush()
        };
    let mut sink = |item: Item, out: &mut BufWriter<io::StdoutLock>| -> io::Result<()> {
        batch.push(item);
        if batch.len() >= BATCH {
            flush(&mut batch, out)?;
        }
        Ok(())
    };
    read_inputs(args, &mut |item| sink(item, &mut out))?;
    flush(&mut batch, &mut out)?;
    Ok(summary)
}

/// Feed every input article to `sink`, in input order.
fn read_inputs(args: &InputArgs, sink: &mut dyn FnMut(Item) -> io::Result<()>) -> io::Result<()> {
    let stdin_only = args.paths.is_empty() || args.paths.iter().all(|p| p.as_os_str() == "-");
    if stdin_only {
        if args.jsonl {
            return read_jsonl(io::stdin().lock(), "stdin", sink);
        }
        let mut bytes = Vec::new();
        let text = match io::stdin().lock().read_to_end(&mut bytes) {
            Ok(_) => decode(bytes, "stdin"),
            Err(e) => Err(Error::io(&e).with_input("stdin")),
        };
        return sink(Item {
            id: "stdin".into(),
            text,
        });
    }
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            let text = io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io(&e))
                .and_then(|_| decode(bytes, "stdin"));
            sink(Item {
                id: "stdin".into(),
                text,
            })?;
        } else if path.is_dir() {
            for file in text_files(path, args.jsonl)? {
                read_path(&file, args.jsonl, sink)?;
            }
        } else {
            read_path(path, args.jsonl, sink)?;
        }
    }
    Ok(())
}

/// The article files of a directory, recursively, sorted for a stable order.
fn text_files(dir: &Path, jsonl: bool) -> io::Result<Vec<PathBuf>> {
    let wanted = if jsonl { "jsonl" } else { "txt" };
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("newsfacts: {}: cannot read directory: {e}", d.display());
                continue;
            }
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == wanted) {
                files.push(p);
            } else {
                eprintln!("newsfacts: {}: skipped (not a .{wanted} file)", p.display());
            }
        }
    }
    files.sort();
    Ok(files)
}

fn read_path(
    path: &Path,
    jsonl: bool,
    sink: &mut dyn FnMut(Item) -> io::Result<()>,
) -> io::Result<()> {
    let name = path.display().to_string();
    if jsonl {
        return match std::fs::File::open(path) {
            Ok(f) => read_jsonl(io::BufReader::new(f), &name, sink),
            Err(e) => sink(Item {
                id: name.clone(),
                text: Err(Error::io(&e).with_input(name)),
            }),
        };
    }
    let id = path
        .file_stem()
        .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
    let text = match std::fs::read(path) {
        Ok(bytes) => decode(bytes, &name),
        Err(e) => Err(Error::io(&e).with_input(name)),
    };
    sink(Item { id, text })
}

fn decode(bytes: Vec<u8>, name: &str) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| Error::invalid_utf8(&e.utf8_error()).with_input(name))
}

#[derive(serde::Deserialize)]
struct JsonArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
}

/// Read `{"id", "text"}` lines; a bad line becomes a failed item, the others go on.
fn read_jsonl(
    mut reader: impl BufRead,
    name: &str,
    sink: &mut dyn FnMut(Item) -> io::Result<()>,
) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            return Ok(());
        }
        line_no += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let fallback = format!("{name}:{line_no}");
        let item = match serde_json::from_slice::<JsonArticle>(&buf) {
            Ok(a) => {
                let id = match a.id {
                    Some(serde_json::Value::String(s)) => s,
                    Some(v) if !v.is_null() => v.to_string(),
                    _ => fallback,
                };
                Item {
                    id,
                    text: Ok(a.text),
                }
            }
            Err(e) => Item {
                id: fallback,
                text: Err(Error::bad_json_line(line_no, e.to_string()).with_input(name)),
            },
        };
        sink(item)?;
    }
}

#[derive(Serialize)]
struct SentencesOut<'a> {
    id: &'a str,
    sentences: Vec<newsfacts::record::Sentence>,
}

#[derive(Serialize)]
struct NumbersOut<'a> {
    id: &'a str,
    numbers: Vec<newsfacts::record::NumberMention>,
}

/// The JSON line (or indented JSON) for one article.
fn render(extractor: &Extractor, mode: Mode, args: &InputArgs, id: &str, text: &str) -> String {
    let value = match mode {
        Mode::Extract => serde_json::to_value(extractor.extract_with_id(id, text)),
        Mode::Sentences => serde_json::to_value(SentencesOut {
            id,
            sentences: extractor.segment(text),
        }),
        Mode::Numbers => serde_json::to_value(NumbersOut {
            id,
            numbers: newsfacts::numbers::find(text),
        }),
    };
    let mut value = value.unwrap_or(serde_json::Value::Null);
    if args.offsets == Offsets::Chars {
        let offsets = newsfacts::CharOffsets::new(text);
        rewrite_spans(&mut value, &offsets);
    }
    let json = if args.pretty {
        serde_json::to_string_pretty(&value)
    } else {
        serde_json::to_string(&value)
    };
    json.unwrap_or_default()
}

/// Rewrite every `{"start", "end"}` span object from byte to char offsets.
fn rewrite_spans(value: &mut serde_json::Value, offsets: &newsfacts::CharOffsets) {
    match value {
        serde_json::Value::Object(map) => {
            if map.len() == 2 {
                if let (Some(s), Some(e)) = (
                    map.get("start").and_then(|v| v.as_u64()),
                    map.get("end").and_then(|v| v.as_u64()),
                ) {
                    let span = offsets.to_chars(newsfacts::Span::new(s as usize, e as usize));
                    map.insert("start".into(), span.start.into());
                    map.insert("end".into(), span.end.into());
                    return;
                }
            }
            map.values_mut().for_each(|v| rewrite_spans(v, offsets));
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| rewrite_spans(v, offsets)),
        _ => {}
    }
}
