//! Project-file benchmarks (criterion; `cargo bench --bench store`, not run in CI):
//! saving and opening the embedded demo map and a synthetic 10,000-unit /
//! 100,000-link map (`recimap_core::analysis::synthetic_map`, seed 7, the same map
//! as the analysis benchmarks), opening + analysing it, and the file size per
//! 1,000 links (printed before the timings). Targets: save < 1 s, open +
//! analyse < 1 s for the large map.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::Criterion;
use recimap_core::Document;
use recimap_core::analysis::{AnalysisOptions, synthetic_map};
use recimap_core::analyze_with;
use recimap_store as store;

fn size_report(name: &str, path: &Path, doc: &Document) {
    let bytes = std::fs::metadata(path).unwrap().len();
    let links = doc.map.links.len().max(1);
    eprintln!(
        "{name}: {} units, {} links → {bytes} bytes ({:.1} KiB per 1,000 links)",
        doc.map.units.len(),
        links,
        bytes as f64 / 1024.0 / (links as f64 / 1000.0)
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let demo = Document::new(recimap_core::demo::demo_map());
    let large = Document::new(synthetic_map(10_000, 100_000, 7));
    let demo_path = dir.path().join("demo.recimap");
    let large_path = dir.path().join("large.recimap");
    store::save(&demo_path, &demo).unwrap();
    store::save(&large_path, &large).unwrap();
    size_report("demo", &demo_path, &demo);
    size_report("synthetic", &large_path, &large);

    let mut c = Criterion::default()
        .configure_from_args()
        .warm_up_time(Duration::from_secs(1));
    c.bench_function("store/save demo", |b| {
        b.iter(|| store::save(&demo_path, black_box(&demo)).unwrap())
    });
    c.bench_function("store/open demo", |b| {
        b.iter(|| black_box(store::open(&demo_path).unwrap()))
    });
    let mut g = c.benchmark_group("store 10k units 100k links");
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    g.bench_function("save", |b| {
        b.iter(|| store::save(&large_path, black_box(&large)).unwrap())
    });
    g.bench_function("open", |b| {
        b.iter(|| black_box(store::open(&large_path).unwrap()))
    });
    let no_betweenness = AnalysisOptions { betweenness: false };
    g.bench_function("open + analyse (no betweenness)", |b| {
        b.iter(|| {
            let doc = store::open(&large_path).unwrap();
            black_box(analyze_with(&doc.map, &no_betweenness))
        })
    });
    g.finish();
    c.final_summary();
}
