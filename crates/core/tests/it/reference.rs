//! Every figure of the analysis against independent reference figures
//! (NetworkX 3.6.1 and igraph 1.0.0) on eight real networks, for every relation.
//!
//! Fixtures: `tests/fixtures/data/<name>/{nodes.csv,edges.csv}` and
//! `tests/fixtures/data/reference/<name>.json`, copied from the shared data set; the
//! reference file's `conventions` field defines each figure. Tolerance 1e-6
//! (the reference rounds to 6 decimals); Louvain modularity must reach the
//! NetworkX value − 0.02 (partitions depend on the implementation, the level
//! must not).
//!
//! Undirected relations (padgett_florentine, zachary_karate) are imported
//! symmetrised: each row becomes the two arcs `u → v` and `v → u` with the same
//! weight. The directed figures then equal the undirected references:
//! - density: `2m / (n(n−1))` arcs over ordered pairs = `m / (n(n−1)/2)`;
//! - betweenness: every undirected shortest path is a directed one both ways,
//!   so each unordered pair `{s, t}` is counted twice (`s→t` and `t→s`), and the
//!   directed normaliser `1/((n−1)(n−2))` times 2 is the undirected `2/((n−1)(n−2))`;
//! - components, isolates, articulation points: the underlying undirected
//!   graph is the same graph;
//! - modularity: `U` has weight `2w` on every edge, and modularity is invariant
//!   under scaling all weights;
//! - E-I: every tie is counted twice (once per arc) on both sides of the ratio,
//!   so EI and EI_weighted are unchanged while the counts double.

use crate::fixtures;
use std::collections::{BTreeMap, BTreeSet};

use recimap_core::Analysis;
use recimap_core::analysis::{MapGraph, modularity};
use recimap_formats::csv::{CsvOptions, import_csv};
use serde_json::Value;

const TOL: f64 = 1e-6;
/// How far below NetworkX's Louvain modularity ours may land.
const MODULARITY_SLACK: f64 = 0.02;

/// The datasets with both CSVs and a reference file, by name.
fn datasets() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("data"))
        .expect("tests/fixtures/data is missing")
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("nodes.csv").is_file())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Collects every mismatch of one dataset/relation, so one run shows them all.
struct Check {
    context: String,
    failures: Vec<String>,
}

impl Check {
    fn close(&mut self, what: &str, ours: Option<f64>, reference: &Value) {
        let expected = reference.as_f64();
        match (ours, expected) {
            (Some(a), Some(b)) if (a - b).abs() <= TOL => {}
            (None, None) => {}
            _ => self.failures.push(format!(
                "{}: {what}: ours {ours:?}, reference {reference}",
                self.context
            )),
        }
    }

    fn count(&mut self, what: &str, ours: usize, reference: &Value) {
        if Some(ours as u64) != reference.as_u64() {
            self.failures.push(format!(
                "{}: {what}: ours {ours}, reference {reference}",
                self.context
            ));
        }
    }

    fn that(&mut self, ok: bool, what: String) {
        if !ok {
            self.failures.push(format!("{}: {what}", self.context));
        }
    }
}

fn check_relation(
    name: &str,
    relation: &str,
    reference: &Value,
    failures: &mut Vec<String>,
) -> Analysis {
    let directed = reference["directed"].as_bool().unwrap();
    let data = fixtures().join("data").join(name);
    let import = import_csv(
        &data.join("nodes.csv"),
        &data.join("edges.csv"),
        &CsvOptions {
            relation: Some(relation.to_owned()),
            undirected: !directed,
        },
    )
    .unwrap_or_else(|e| panic!("{name}/{relation}: import failed: {e}"));
    let map = import.map;
    let a = recimap_core::analyze(&map);
    let mut c = Check {
        context: format!("{name}/{relation}"),
        failures: Vec::new(),
    };
    // Arcs per reference edge: 1 when directed, 2 when symmetrised.
    let k = if directed { 1 } else { 2 };
    let org = &a.organisation;

    c.count("units", org.units, &reference["n_nodes"]);
    c.count("links", org.links / k, &reference["n_edges"]);
    c.close(
        "total weight",
        Some(org.total_strength / k as f64),
        &reference["total_weight"],
    );
    c.close("density", org.density, &reference["density"]);
    c.count(
        "duplicate rows merged",
        import.duplicates_merged / k,
        &reference["duplicate_rows_merged"],
    );

    if directed {
        c.close(
            "dyadic reciprocity",
            org.dyadic_reciprocity,
            &reference["overall_reciprocity"],
        );
        c.close(
            "weighted reciprocity",
            org.weighted_reciprocity,
            &reference["weighted_reciprocity"],
        );
        c.count("mutual dyads", org.mutual_pairs, &reference["mutual_dyads"]);
        c.count(
            "weak components",
            a.components.weak.len(),
            &reference["weakly_connected_components"],
        );
        c.count(
            "strong components",
            a.components.strong.len(),
            &reference["strongly_connected_components"],
        );
        c.count(
            "largest SCC",
            a.components.strong.first().map_or(0, Vec::len),
            &reference["largest_scc_size"],
        );
        let node_rec = reference["node_reciprocity"].as_object().unwrap();
        c.count(
            "node reciprocity entries",
            a.units.len(),
            &node_rec.len().into(),
        );
        for u in &a.units {
            c.close(
                &format!("reciprocity of {}", u.id),
                u.reciprocity,
                &node_rec[u.id.as_str()],
            );
        }
    }
    c.count(
        "undirected components",
        a.components.weak.len(),
        &reference["connected_components_undirected"],
    );
    c.count("isolates", a.isolates.len(), &reference["isolated_nodes"]);

    let ours: BTreeSet<&str> = a.articulation_points.iter().map(|id| id.as_str()).collect();
    let theirs: BTreeSet<&str> = reference["articulation_points_undirected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    c.that(
        ours == theirs,
        format!("articulation points: ours {ours:?}, reference {theirs:?}"),
    );
    // Articulation points are reported in map order.
    let positions: Vec<usize> = a
        .articulation_points
        .iter()
        .map(|id| map.units.iter().position(|u| &u.id == id).unwrap())
        .collect();
    c.that(
        positions.is_sorted(),
        "articulation points not in map order".into(),
    );

    // Betweenness: each listed unit has the listed value, and our five largest
    // values are the reference's five.
    let top5 = reference["betweenness_top5"].as_array().unwrap();
    let by_id: BTreeMap<&str, f64> = a
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.betweenness))
        .collect();
    for entry in top5 {
        let id = entry[0].as_str().unwrap();
        c.close(
            &format!("betweenness of {id}"),
            by_id.get(id).copied(),
            &entry[1],
        );
    }
    let mut values: Vec<f64> = a.units.iter().map(|u| u.betweenness).collect();
    values.sort_by(|x, y| y.total_cmp(x));
    for (rank, entry) in top5.iter().enumerate() {
        c.close(
            &format!("betweenness rank {}", rank + 1),
            values.get(rank).copied(),
            &entry[1],
        );
    }

    // Louvain: at least NetworkX's modularity − slack, and the reported value is
    // the modularity of the reported communities.
    let nx_q = reference["louvain"]["modularity"].as_f64().unwrap();
    let q = org
        .modularity
        .expect("modularity is defined on a map with links");
    println!(
        "{name}/{relation}: Louvain modularity ours {q:.6}, NetworkX {nx_q:.6}, igraph {}",
        reference["igraph_multilevel"]["modularity"]
    );
    c.that(
        q >= nx_q - MODULARITY_SLACK,
        format!("Louvain modularity {q:.6} is below NetworkX's {nx_q:.6} − {MODULARITY_SLACK}"),
    );
    let graph = MapGraph::new(&map);
    let partition: Vec<usize> = a.units.iter().map(|u| u.community).collect();
    c.close(
        "modularity of the reported partition",
        modularity(&graph, &partition),
        &Value::from(q),
    );
    let members: usize = a.communities.iter().map(Vec::len).sum();
    c.that(
        members == map.units.len(),
        format!("communities hold {members} units of {}", map.units.len()),
    );

    // The modularity function on the group partition.
    if let Some(expected) = reference.get("group_partition_modularity") {
        let mut labels: BTreeMap<Option<&str>, usize> = BTreeMap::new();
        let partition: Vec<usize> = map
            .units
            .iter()
            .map(|u| {
                let next = labels.len();
                *labels.entry(u.group.as_deref()).or_insert(next)
            })
            .collect();
        c.close(
            "group partition modularity",
            modularity(&graph, &partition),
            expected,
        );
    }

    // E-I, network and groups.
    if let Some(ei) = reference.get("ei_index").filter(|v| !v.is_null()) {
        let net = &ei["network"];
        c.close("network EI", org.ei_index, &net["EI"]);
        c.close("network EI weighted", org.ei_weighted, &net["EI_weighted"]);
        let (internal, external): (usize, usize) = a.groups.iter().fold((0, 0), |(i, e), g| {
            (i + g.internal_ties, e + g.external_out)
        });
        c.count("network I", internal / k, &net["I"]);
        c.count("network E", external / k, &net["E"]);
        let groups = ei["groups"].as_object().unwrap();
        c.count("groups", a.groups.len(), &groups.len().into());
        for g in &a.groups {
            let Some(r) = groups.get(&g.name) else {
                c.that(false, format!("group {} is not in the reference", g.name));
                continue;
            };
            let what = |f: &str| format!("group {} {f}", g.name);
            c.count(&what("units"), g.units.len(), &r["n_nodes"]);
            c.count(
                &what("internal ties"),
                g.internal_ties / k,
                &r["internal_ties"],
            );
            c.count(
                &what("external ties"),
                g.external_ties / k,
                &r["external_ties"],
            );
            c.close(&what("EI"), g.ei_index, &r["EI"]);
            c.close(&what("EI weighted"), g.ei_weighted, &r["EI_weighted"]);
            if directed {
                c.count(&what("external out"), g.external_out, &r["external_out"]);
                c.count(&what("external in"), g.external_in, &r["external_in"]);
                c.close(&what("EI out"), g.ei_out, &r["EI_out"]);
                c.close(&what("EI in"), g.ei_in, &r["EI_in"]);
            }
        }
    }
    failures.append(&mut c.failures);
    a
}

#[test]
fn every_dataset_and_relation_matches_the_reference() {
    let names = datasets();
    assert_eq!(
        names.len(),
        8,
        "expected the eight datasets, found {names:?}"
    );
    let mut failures = Vec::new();
    let mut checked = Vec::new();
    for name in &names {
        let path = fixtures()
            .join("data/reference")
            .join(format!("{name}.json"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let reference: Value = serde_json::from_str(&text).unwrap();
        for (relation, figures) in reference["relations"].as_object().unwrap() {
            check_relation(name, relation, figures, &mut failures);
            checked.push(format!("{name}/{relation}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // 3 + 3 + 3 + 2 + 1 + 1 + 10 + 1 relations.
    assert_eq!(checked.len(), 24, "{checked:?}");
}
