//! The `newsfacts` command: reads articles (files, directories, stdin, JSON Lines), runs the
//! library over them in parallel, and writes one JSON object (or CSV rows) per article in
//! input order.
//!
//! Articles stream through in batches bounded in count and bytes, so memory stays flat
//! whatever the number of articles. A bad input is reported on stderr with its name or line
//! number and the run goes on; the exit status is 1 when any input failed.

mod input;
mod output;
mod progress;
mod table;

use clap::{Parser, Subcommand, ValueEnum};
use input::{Event, Inputs, Item};
use newsfacts::{Extractor, QuoteUnits};
use output::{Mode, Offsets, Renderer, Shape};
use progress::Progress;
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use table::Table;

#[derive(Parser, Debug)]
#[command(
    name = "newsfacts",
    version,
    about = "Extract agencies, officials, counts, quotes and actions from news articles",
    after_help = "Exit status: 0 when every input was processed, 1 when any input failed \
                  (each failure is reported on stderr), 2 on a usage error."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    input: InputArgs,
    /// What a quote record stands for (`extract` only; default: spans).
    #[arg(long, value_enum)]
    quote_units: Option<QuoteUnitsArg>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Every record kind (the default).
    Extract(ExtractArgs),
    /// Sentence segmentation only.
    Sentences(InputArgs),
    /// Every number mention with its value and kind.
    Numbers(InputArgs),
    /// Print the JSON Schema of the `extract` output.
    #[cfg(feature = "schema")]
    Schema,
}

#[derive(clap::Args, Debug, Clone, Default)]
struct InputArgs {
    /// Article files (`.txt`) or directories of them; `-` or nothing reads standard input.
    paths: Vec<PathBuf>,
    /// Inputs are JSON Lines of `{"id": ..., "text": ...}`, one article per line.
    #[arg(long)]
    jsonl: bool,
    /// Print indented JSON instead of one line per article.
    #[arg(long, conflicts_with = "table")]
    pretty: bool,
    /// Offsets in spans: UTF-8 bytes (default) or Unicode chars (for Python/JS users).
    #[arg(long, value_enum)]
    offsets: Option<Offsets>,
    /// Output format: JSON (default; one object per article) or CSV (one table, see --table).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// The CSV table to write: one flat row per record (implies --format csv).
    #[arg(long, value_enum)]
    table: Option<Table>,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// No progress bar and no closing summary; errors are still reported.
    #[arg(long, short)]
    quiet: bool,
}

/// The flags of `newsfacts extract`.
#[derive(clap::Args, Debug, Clone, Default)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// What a quote record stands for (default: spans).
    #[arg(long, value_enum)]
    quote_units: Option<QuoteUnitsArg>,
}

/// `--quote-units`: the library's [`QuoteUnits`].
#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
enum QuoteUnitsArg {
    /// One record per quoted span, partial quotes and each piece of a broken quote included.
    #[default]
    Spans,
    /// One record per direct attribution (PolNeAR): full quotes only, a broken quote once.
    Attributions,
}

impl From<QuoteUnitsArg> for QuoteUnits {
    fn from(arg: QuoteUnitsArg) -> QuoteUnits {
        match arg {
            QuoteUnitsArg::Spans => QuoteUnits::Spans,
            QuoteUnitsArg::Attributions => QuoteUnits::Attributions,
        }
    }
}

impl InputArgs {
    /// Flags given before the subcommand (`newsfacts --quiet extract`) combined with those
    /// after it; the latter win where both set a value.
    fn merge(self, sub: InputArgs) -> InputArgs {
        let mut paths = self.paths;
        paths.extend(sub.paths);
        InputArgs {
            paths,
            jsonl: self.jsonl || sub.jsonl,
            pretty: self.pretty || sub.pretty,
            offsets: sub.offsets.or(self.offsets),
            format: sub.format.or(self.format),
            table: sub.table.or(self.table),
            threads: sub.threads.or(self.threads),
            quiet: self.quiet || sub.quiet,
        }
    }
}

/// Output format.
#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Format {
    #[default]
    Json,
    Csv,
}

/// Most articles processed together; with the batches read ahead, this bounds what is in
/// memory at once.
const BATCH_ITEMS: usize = 256;
/// Most bytes of article text in one batch (a single larger article still makes a batch).
const BATCH_BYTES: usize = 4 << 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let top = cli.input;
    let mut quote_units = cli.quote_units;
    let (mode, args) = match cli.command {
        None => (Mode::Extract, top),
        Some(Command::Extract(a)) => {
            quote_units = a.quote_units.or(quote_units);
            (Mode::Extract, top.merge(a.input))
        }
        Some(Command::Sentences(a)) => (Mode::Sentences, top.merge(a)),
        Some(Command::Numbers(a)) => (Mode::Numbers, top.merge(a)),
        #[cfg(feature = "schema")]
        Some(Command::Schema) => {
            println!("{}", newsfacts_schema());
            return ExitCode::SUCCESS;
        }
    };
    if quote_units.is_some() && mode != Mode::Extract {
        eprintln!("newsfacts: --quote-units goes with `newsfacts extract`");
        return ExitCode::from(2);
    }
    let shape = match shape_of(mode, &args) {
        Ok(s) => s,
        Err(msg) => {
            eprintln!("newsfacts: {msg}");
            return ExitCode::from(2);
        }
    };
    if let Some(n) = args.threads.filter(|&n| n > 0) {
        // Only fails when a global pool exists already, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let extractor = Extractor::builder()
        .quote_units(quote_units.unwrap_or_default().into())
        .build();
    let mut run = Run::new(extractor, mode, shape, &args);
    let result = run.execute(&args);
    run.progress.finish();
    match result {
        Ok(()) => {}
        // The reader of our output went away (`| head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsfacts: error: {e}");
            return ExitCode::FAILURE;
        }
    }
    if !args.quiet {
        eprintln!("{}", run.summary.line());
    }
    if run.summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The output shape the flags ask for, or a usage error.
fn shape_of(mode: Mode, args: &InputArgs) -> Result<Shape, String> {
    if args.pretty && args.table.is_some() {
        return Err("--pretty is for JSON output, not CSV tables".into());
    }
    let table = match (args.format.unwrap_or_default(), args.table) {
        (Format::Json, None) => {
            return Ok(if args.pretty {
                Shape::Pretty
            } else {
                Shape::JsonLines
            })
        }
        (_, Some(t)) => t,
        (Format::Csv, None) => {
            return Err(
                "--format csv needs --table (agencies, officials, counts, quotes, \
                        actions, sentences or numbers)"
                    .into(),
            )
        }
    };
    let fits = match mode {
        Mode::Extract => true,
        Mode::Sentences => table == Table::Sentences,
        Mode::Numbers => table == Table::Numbers,
    };
    if !fits {
        return Err(format!(
            "--table {} does not go with this subcommand; use `newsfacts extract`",
            table
                .to_possible_value()
                .map_or_else(String::new, |v| v.get_name().to_string())
        ));
    }
    Ok(Shape::Csv(table))
}

/// The JSON Schema of the `extract` output, pretty-printed.
#[cfg(feature = "schema")]
fn newsfacts_schema() -> String {
    serde_json::to_string_pretty(&schemars::schema_for!(newsfacts::Article)).unwrap_or_default()
}

/// Counts for the closing summary.
#[derive(Default)]
struct Summary {
    written: usize,
    failed: usize,
    skipped: usize,
    empty: usize,
}

impl Summary {
    /// "newsfacts: 840 articles, 2 failed" (+ skipped files and empty articles when any).
    fn line(&self) -> String {
        let mut s = format!(
            "newsfacts: {} article{}, {} failed",
            self.written,
            if self.written == 1 { "" } else { "s" },
            self.failed
        );
        if self.empty > 0 {
            s += &format!(", {} empty", self.empty);
        }
        if self.skipped > 0 {
            s += &format!(", {} skipped", self.skipped);
        }
        s
    }
}

/// What became of one item.
enum Outcome {
    /// The bytes to write; `empty` when the article had no text.
    Written { bytes: Vec<u8>, empty: bool },
    /// The message to report.
    Failed(String),
}

/// Input events grouped for parallel processing.
type Batch = Vec<Event>;

/// Batches a reader may run ahead of the workers (bounds memory to a few batches).
const BATCHES_AHEAD: usize = 2;

/// One run of the command: the output, the progress display, the counts.
struct Run<'a> {
    extractor: Extractor,
    mode: Mode,
    shape: Shape,
    offsets: Offsets,
    out: BufWriter<io::StdoutLock<'a>>,
    progress: Progress,
    summary: Summary,
    bytes_done: u64,
}

impl Run<'_> {
    fn new(extractor: Extractor, mode: Mode, shape: Shape, args: &InputArgs) -> Run<'static> {
        let total = Inputs {
            paths: &args.paths,
            jsonl: args.jsonl,
        }
        .total_bytes();
        Run {
            extractor,
            mode,
            shape,
            offsets: args.offsets.unwrap_or_default(),
            out: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
            progress: Progress::new(args.quiet, total),
            summary: Summary::default(),
            bytes_done: 0,
        }
    }

    /// Read every input on a reader thread, batch by batch (bounded in items and bytes),
    /// while this thread has each batch processed in parallel and writes it in order.
    fn execute(&mut self, args: &InputArgs) -> io::Result<()> {
        if let Shape::Csv(table) = self.shape {
            self.out.write_all(&table.header_line())?;
        }
        let inputs = Inputs {
            paths: &args.paths,
            jsonl: args.jsonl,
        };
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(BATCHES_AHEAD);
        std::thread::scope(|scope| {
            let reader = scope.spawn(move || read_batches(&inputs, &tx));
            let mut written = Ok(());
            for batch in rx.iter() {
                written = self.write_batch(batch);
                if written.is_err() {
                    break;
                }
            }
            // Dropping the receiver makes a reader still running stop at its next batch.
            drop(rx);
            let read = reader
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("the input reader stopped unexpectedly")));
            written?;
            // A reader stopped by a closed receiver only echoes the write error above.
            read
        })?;
        self.out.flush()
    }

    /// Process one batch in parallel, then write and report it in input order.
    fn write_batch(&mut self, batch: Batch) -> io::Result<()> {
        let renderer = Renderer {
            extractor: &self.extractor,
            mode: self.mode,
            shape: self.shape,
            offsets: self.offsets,
        };
        let outcomes: Vec<Option<Outcome>> = batch
            .par_iter()
            .with_max_len(1)
            .map(|event| match event {
                Event::Item(item) => Some(process(&renderer, item)),
                Event::Skipped { .. } => None,
            })
            .collect();
        for (event, outcome) in batch.into_iter().zip(outcomes) {
            let item = match event {
                Event::Skipped { origin, reason } => {
                    self.summary.skipped += 1;
                    self.progress
                        .message(&format!("newsfacts: skipped: {origin}: {reason}"));
                    continue;
                }
                Event::Item(item) => item,
            };
            self.bytes_done += item.bytes;
            match outcome {
                Some(Outcome::Written { bytes, empty }) => {
                    if empty {
                        self.summary.empty += 1;
                        self.progress.message(&format!(
                            "newsfacts: warning: {}: empty article (id {:?}), empty record written",
                            item.origin, item.id
                        ));
                    }
                    self.out.write_all(&bytes)?;
                    self.summary.written += 1;
                }
                Some(Outcome::Failed(msg)) => {
                    self.summary.failed += 1;
                    self.progress.message(&format!("newsfacts: error: {msg}"));
                }
                None => {}
            }
        }
        self.out.flush()?;
        self.progress
            .update(self.summary.written + self.summary.failed, self.bytes_done);
        Ok(())
    }
}

/// Read every input event and send it on in batches of at most [`BATCH_ITEMS`] items or
/// [`BATCH_BYTES`] bytes of text. Stops with an error when the receiver is gone.
fn read_batches(inputs: &Inputs, tx: &std::sync::mpsc::SyncSender<Batch>) -> io::Result<()> {
    let closed = || io::Error::new(io::ErrorKind::BrokenPipe, "output closed");
    let mut batch = Batch::with_capacity(BATCH_ITEMS);
    let mut items = 0;
    let mut bytes = 0;
    inputs.read(&mut |event| {
        if let Event::Item(item) = &event {
            items += 1;
            bytes += item.body.as_ref().map_or(0, String::len);
        }
        batch.push(event);
        if items >= BATCH_ITEMS || bytes >= BATCH_BYTES {
            let full = std::mem::replace(&mut batch, Batch::with_capacity(BATCH_ITEMS));
            tx.send(full).map_err(|_| closed())?;
            (items, bytes) = (0, 0);
        }
        Ok(())
    })?;
    if !batch.is_empty() {
        tx.send(batch).map_err(|_| closed())?;
    }
    Ok(())
}

/// Run the library over one item; a panic in the library fails that item only.
fn process(renderer: &Renderer, item: &Item) -> Outcome {
    let text = match &item.body {
        Ok(text) => text,
        Err(msg) => return Outcome::Failed(msg.clone()),
    };
    match catch_unwind(AssertUnwindSafe(|| renderer.render(&item.id, text))) {
        Ok(bytes) => Outcome::Written {
            bytes,
            empty: text.trim().is_empty(),
        },
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Outcome::Failed(format!(
                "{}: internal error (please report it with this input): {why}",
                item.origin
            ))
        }
    }
}
