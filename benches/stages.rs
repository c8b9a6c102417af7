//! Where the time goes: the stages reachable through the public API, each single-threaded
//! over the same corpus, so their MB/s can be compared with the full `extract`.
//!
//! - `document`: normalization, cleaning (headline, furniture) and segmentation;
//! - `numbers`: every number mention;
//! - `extract`: everything (document + agencies, officials, counts, quotes, actions);
//! - `serialize`: the JSON writing the CLI adds on top.
//!
//! The corpus is the fixture articles, or the `text` of every line of the JSON Lines file
//! named by `NEWSFACTS_BENCH_CORPUS` (e.g. the PolNeAR texts) when that is set.
//! `NEWSFACTS_BENCH_CORPUS=../shared/eval/quotes/polnear_train_quotes_simple.jsonl cargo bench --bench stages`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsfacts::Extractor;
use std::time::Duration;

/// The benchmark corpus (see the module docs).
fn corpus() -> Vec<String> {
    if let Some(path) = std::env::var_os("NEWSFACTS_BENCH_CORPUS") {
        let data = std::fs::read_to_string(&path).expect("NEWSFACTS_BENCH_CORPUS is readable");
        return data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect();
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture is UTF-8"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    assert!(!texts.is_empty(), "empty benchmark corpus");
    let bytes: usize = texts.iter().map(String::len).sum();
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("stages");
    group
        .throughput(Throughput::Bytes(bytes as u64))
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("document", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| extractor.document(t).sentences().len())
                .sum::<usize>()
        })
    });
    group.bench_function("numbers", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| newsfacts::numbers::find(t).len())
                .sum::<usize>()
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| extractor.extract(t).sentences.len())
                .sum::<usize>()
        })
    });
    let articles: Vec<_> = texts.iter().map(|t| extractor.extract(t)).collect();
    group.bench_function("serialize", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| serde_json::to_vec(a).map_or(0, |v| v.len()))
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
