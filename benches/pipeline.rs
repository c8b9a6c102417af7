//! Throughput of segmentation and full extraction over a realistic corpus: every fixture
//! article, repeated. Reports MB/s; checks the record count so a broken pipeline fails loudly.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsfacts::Extractor;

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

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let extractor = Extractor::new();
    let sentences: usize = texts.iter().map(|t| extractor.segment(t).len()).sum();
    assert!(sentences > 0, "segmentation found no sentences");
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| extractor.segment(t).len()).sum();
            assert_eq!(n, sentences);
        })
    });
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

criterion_group!(benches, bench);
criterion_main!(benches);
