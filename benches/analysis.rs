//! Analysis benchmarks (criterion; `cargo bench --bench analysis`, not run in CI).
//!
//! - the embedded demo map, full analysis (target < 100 µs);
//! - polblogs (1,490 units, 19,022 links), full analysis;
//! - a synthetic 10,000-unit / 100,000-link map (seed 7): the analysis without
//!   betweenness (compare igraph: Louvain ≈ 0.3 s + reciprocity, components and
//!   articulation points ≈ 0.01 s), each family of figures on its own, and
//!   exact betweenness (compare igraph ≈ 24 s).
//!
//! Before running, the synthetic map is written as CSV to
//! `target/bench-data/synthetic_10000_100000/{nodes,edges}.csv` so that
//! `scripts/bench_reference.py` can time igraph and NetworkX on the same graph.
//! `RECIMAP_BENCH_EXPORT_ONLY=1 cargo bench --bench analysis` only writes them.

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;
use recimap_core::analysis::{
    self, AnalysisOptions, MapGraph, communities, structure, synthetic_map,
};
use recimap_core::model::Map;
use recimap_core::{analyze, analyze_with};
use recimap_formats::csv::{CsvOptions, import_csv};

/// Size and seed of the synthetic map (the igraph script reads the export).
const UNITS: usize = 10_000;
const LINKS: usize = 100_000;
const SEED: u64 = 7;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Writes `map` as `nodes.csv` (`id,label,group`) and `edges.csv`
/// (`source,target,weight`) into `dir`.
fn export(map: &Map, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut nodes = std::io::BufWriter::new(std::fs::File::create(dir.join("nodes.csv"))?);
    writeln!(nodes, "id,label,group")?;
    for u in &map.units {
        writeln!(
            nodes,
            "{},{},{}",
            u.id,
            u.name,
            u.group.as_deref().unwrap_or("")
        )?;
    }
    let mut edges = std::io::BufWriter::new(std::fs::File::create(dir.join("edges.csv"))?);
    writeln!(edges, "source,target,weight")?;
    for l in &map.links {
        writeln!(
            edges,
            "{},{},{}",
            l.source,
            l.target,
            l.weight.unwrap_or(0.0)
        )?;
    }
    Ok(())
}

fn polblogs() -> Map {
    let data = root().join("tests/fixtures/data/polblogs");
    import_csv(
        &data.join("nodes.csv"),
        &data.join("edges.csv"),
        &CsvOptions::default(),
    )
    .expect("polblogs fixture loads")
    .map
}

fn small_maps(c: &mut Criterion) {
    let demo = recimap_core::demo::demo_map();
    c.bench_function("demo map: full analysis", |b| {
        b.iter(|| analyze(black_box(&demo)))
    });
    let blogs = polblogs();
    let mut group = c.benchmark_group("polblogs");
    group.sample_size(20);
    group.bench_function("full analysis", |b| b.iter(|| analyze(black_box(&blogs))));
    group.bench_function("analysis without betweenness", |b| {
        b.iter(|| analyze_with(black_box(&blogs), &AnalysisOptions { betweenness: false }))
    });
    group.finish();
}

fn synthetic(c: &mut Criterion) {
    let map = synthetic_map(UNITS, LINKS, SEED);
    let no_betweenness = AnalysisOptions { betweenness: false };
    let mut group = c.benchmark_group("synthetic 10k units 100k links");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("analysis without betweenness", |b| {
        b.iter(|| analyze_with(black_box(&map), &no_betweenness))
    });
    let g = MapGraph::new(&map);
    group.bench_function("build graph", |b| b.iter(|| MapGraph::new(black_box(&map))));
    group.bench_function("louvain", |b| {
        b.iter(|| communities::louvain(black_box(&g)))
    });
    group.bench_function("reciprocity (organisation, units, pairs)", |b| {
        b.iter(|| {
            (
                analysis::reciprocity::organisation(&g),
                analysis::reciprocity::units(&g),
                analysis::reciprocity::pairs(&g),
            )
        })
    });
    group.bench_function("components, isolates, cut points", |b| {
        b.iter(|| {
            (
                structure::weak_components(&g),
                structure::strong_components(&g),
                structure::isolates(&g),
                structure::cut_points(&g),
            )
        })
    });
    group.bench_function(
        "reciprocity, components, articulation points (igraph's set)",
        |b| {
            b.iter(|| {
                (
                    analysis::reciprocity::organisation(&g),
                    structure::weak_components(&g),
                    structure::strong_components(&g),
                    structure::cut_points(&g),
                )
            })
        },
    );
    group.bench_function("E-I index", |b| b.iter(|| analysis::groups::ei(&map, &g)));
    group.bench_function("findings", |b| {
        let a = analyze_with(&map, &no_betweenness);
        b.iter(|| recimap_core::findings::find(black_box(&map), black_box(&a)))
    });
    group.finish();

    let mut group = c.benchmark_group("synthetic 10k units 100k links, betweenness");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(60));
    group.bench_function("exact betweenness", |b| {
        b.iter(|| structure::betweenness(black_box(&g)))
    });
    group.finish();
}

criterion::criterion_group!(benches, small_maps, synthetic);

fn main() {
    let dir = root().join(format!("target/bench-data/synthetic_{UNITS}_{LINKS}"));
    let synthetic = synthetic_map(UNITS, LINKS, SEED);
    export(&synthetic, &dir).expect("write the synthetic CSV");
    eprintln!("synthetic map written to {}", dir.display());
    // Our Louvain modularity on the benchmark graphs, for the comparison table.
    let quick = AnalysisOptions { betweenness: false };
    let q = |m: &Map| analyze_with(m, &quick).organisation.modularity;
    let summary = format!(
        "{{\"synthetic\": {:?}, \"polblogs\": {:?}}}\n",
        q(&synthetic).unwrap_or(f64::NAN),
        q(&polblogs()).unwrap_or(f64::NAN)
    );
    std::fs::write(
        root().join("target/bench-data/recimap_modularity.json"),
        summary,
    )
    .expect("write the modularity summary");
    if std::env::var_os("RECIMAP_BENCH_EXPORT_ONLY").is_some() {
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
