//! Throughput of segmentation and full extraction over a realistic corpus. Reports MB/s;
//! checks the record count so a broken pipeline fails loudly.
//!
//! `segment` runs over real news text: the PolNeAR training articles when
//! `../shared/eval/quotes/polnear_train_quotes_simple.jsonl` is present (read at bench time,
//! never copied), otherwise every fixture (recursively) plus generated news-like text.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsfacts::Extractor;
use std::path::Path;

fn corpus() -> Vec<String> {
    let mut texts = Vec::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths {
        if p.extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read_to_string(&p).expect("fixture is UTF-8"));
        }
    }
    texts
}

/// Every `.txt` fixture under `dir`, recursively, in path order.
fn fixture_texts(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            fixture_texts(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push(t);
            }
        }
    }
}

/// Generated news-like articles: abbreviations, quotes, datelines, lists, furniture.
fn generated(n: usize) -> Vec<String> {
    let parts = [
        "WASHINGTON (AP) — Sen. Jane Holt (D-Calif.) said on Tuesday that the U.S. Army would \
         add 3.5 percent more troops by Jan. 5.",
        "“We will keep working,” Holt said. “The U.N. Security Council must act.”",
        "Acme Inc. reported a loss of $100.00 million at 2:17 p.m. Thursday. Shares fell.",
        "J. Edgar Hoover led the bureau. He died in 1972... Few mourned.",
        "The team ranked No. 4 in the country, officials said (citing a poll).",
        "Gov. Dan Marsh of Oregon and Dr. Ann Roe met Mr. Smith in Portland, Ore. The talks ended.",
    ];
    (0..n)
        .map(|i| {
            let mut t = format!("Headline number {i} about border talks\n\n");
            for k in 0..12 {
                t.push_str(parts[(i + k) % parts.len()]);
                t.push_str(if k % 3 == 2 { "\n\n" } else { " " });
            }
            t.push_str("\n\nUpdated 2:17 p.m.\n\nTags Border Senate\n\nMost Popular\n");
            t
        })
        .collect()
}

/// The segmentation corpus: PolNeAR texts when available, else fixtures plus generated text.
fn segment_corpus() -> (Vec<String>, &'static str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let polnear = root.join("../shared/eval/quotes/polnear_train_quotes_simple.jsonl");
    if let Ok(data) = std::fs::read_to_string(polnear) {
        let texts: Vec<String> = data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
            .collect();
        if !texts.is_empty() {
            return (texts, "polnear");
        }
    }
    let mut texts = Vec::new();
    fixture_texts(&root.join("fixtures"), &mut texts);
    texts.extend(generated(400));
    (texts, "fixtures+generated")
}

fn bench_segment(c: &mut Criterion) {
    let (texts, source) = segment_corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let extractor = Extractor::new();
    let sentences: usize = texts
        .iter()
        .map(|t| extractor.document(t).sentences().len())
        .sum();
    assert!(sentences > 0, "segmentation found no sentences");
    eprintln!(
        "segment corpus: {source}, {} texts, {:.2} MB, {sentences} sentences",
        texts.len(),
        bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    // Headline, furniture, paragraphs and sentence spans: what every extractor reads.
    group.bench_function("segment", |b| {
        b.iter(|| {
            let n: usize = texts
                .iter()
                .map(|t| extractor.document(t).sentences().len())
                .sum();
            assert_eq!(n, sentences);
        })
    });
    // The public `segment` API, which also copies each sentence's text into a record.
    group.bench_function("segment_records", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| extractor.segment(t).len()).sum();
            assert_eq!(n, sentences);
        })
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let extractor = Extractor::new();
    let sentences: usize = texts.iter().map(|t| extractor.segment(t).len()).sum();
    assert!(sentences > 0, "segmentation found no sentences");
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    // Full extraction, single-threaded; counts every record so a pipeline that silently
    // stops finding things fails the bench instead of looking faster.
    let records = |a: &newsfacts::Article| {
        a.sentences.len()
            + a.agencies.len()
            + a.officials.len()
            + a.counts.len()
            + a.quotes.len()
            + a.actions.len()
    };
    let expected: usize = texts.iter().map(|t| records(&extractor.extract(t))).sum();
    group.bench_function("extract", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| records(&extractor.extract(t))).sum();
            assert_eq!(n, expected);
        })
    });
    group.finish();
}

criterion_group!(benches, bench_segment, bench);
criterion_main!(benches);
