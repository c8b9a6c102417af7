//! Cost must be linear in article length: one "article" of 100 KB, 1 MB and 10 MB, built
//! two ways: the reference article repeated (paragraphs, quotes, names: every rule fires),
//! and a single line of words with no punctuation and no line break (the worst case for
//! sentence and clause scanning). Equal MB/s across the three sizes means linear time.
//!
//! `cargo bench --bench scale`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsfacts::Extractor;
use std::time::Duration;

const REFERENCE: &str = include_str!("../fixtures/biotech-entity-list.txt");

/// Words cycled to fill the unpunctuated line: names, titles and verbs the rules look at.
const WORDS: &[&str] = &[
    "the",
    "Commerce",
    "Department",
    "said",
    "Secretary",
    "Gina",
    "Raimondo",
    "added",
    "34",
    "Chinese",
    "entities",
    "to",
    "its",
    "list",
    "and",
    "Sen",
    "Ron",
    "Wyden",
    "of",
    "Oregon",
    "imposed",
    "sanctions",
    "on",
    "firms",
    "he",
    "told",
    "reporters",
    "that",
    "it",
    "would",
];

/// `text` repeated (whole copies, blank line between) up to about `size` bytes.
fn repeated_article(size: usize) -> String {
    let mut s = String::with_capacity(size + REFERENCE.len());
    while s.len() < size {
        s.push_str(REFERENCE);
        s.push_str("\n\n");
    }
    s
}

/// One line of words, no punctuation, no newline, about `size` bytes.
fn unpunctuated_line(size: usize) -> String {
    let mut s = String::with_capacity(size + 16);
    for w in WORDS.iter().cycle() {
        if s.len() >= size {
            break;
        }
        s.push_str(w);
        s.push(' ');
    }
    s
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::new();
    for (name, make) in [
        ("repeated-article", repeated_article as fn(usize) -> String),
        ("no-punctuation-line", unpunctuated_line),
    ] {
        let mut group = c.benchmark_group(format!("scale/{name}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(5));
        for size in [100_000, 1_000_000, 10_000_000] {
            let text = make(size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
                b.iter(|| extractor.extract(text).sentences.len())
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
