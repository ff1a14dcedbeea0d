//! Communities: Louvain modularity optimisation and the modularity of a
//! partition, on the undirected weighted graph `U` of a map.
//!
//! `U` has one edge per related pair `{u, v}` weighted `w_uv + w_vu` (the two
//! directions' strengths added), as in the reference figures
//! (`nx.community.louvain_communities(U, weight="weight", resolution=1, seed=42)`).
//!
//! Louvain is written here rather than taken from a crate: neither petgraph
//! 0.8 nor rustworkx-core 0.18 has modularity-based community detection, and
//! the standalone crates that do bring their own graph types; what we need
//! (weighted, seeded, deterministic) is short. The implementation follows
//! Blondel, Guillaume, Lambiotte & Lefebvre (2008), "Fast unfolding of
//! communities in large networks", J. Stat. Mech. P10008: local moving of
//! single nodes to the neighbouring community with the largest modularity
//! gain until no move helps, then aggregation of each community into a node,
//! level after level until a level no longer improves modularity.
//! Deterministic: nodes are visited in an order shuffled by a ChaCha8 generator
//! with the fixed seed [`LOUVAIN_SEED`], and ties between equal gains go to the
//! community met first.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::graph::{MapGraph, merge_by_neighbour};

/// The resolution γ of modularity (1 = the classic Newman–Girvan modularity).
pub const RESOLUTION: f64 = 1.0;

/// Seed of the node-order shuffle of Louvain (fixed: same map, same communities).
pub const LOUVAIN_SEED: u64 = 42;

/// Louvain is greedy and its result depends on the visiting order. On maps
/// with at most [`SMALL_MAP_ARCS`] arcs (every workshop map) it runs with
/// [`SMALL_MAP_RUNS`] seeds `LOUVAIN_SEED, LOUVAIN_SEED + 1, …` and keeps the
/// partition of highest modularity (the first on ties): still deterministic,
/// a little closer to the optimum, and still well under a millisecond for a
/// 50-unit map. Larger maps run once.
pub const SMALL_MAP_RUNS: u64 = 8;

/// See [`SMALL_MAP_RUNS`].
pub const SMALL_MAP_ARCS: usize = 10_000;

/// A level stops the algorithm when it raises modularity by less than this
/// (the threshold networkx uses).
const LEVEL_THRESHOLD: f64 = 1e-7;

/// Cap on local-moving passes per level (guards against float ping-pong).
const MAX_PASSES: usize = 1000;

/// Modularity of a partition of the map's undirected weighted graph `U`.
///
/// Definition (Newman 2006, as `networkx.community.modularity(U, communities,
/// weight="weight")`): `Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]`, where `m` is the
/// total edge weight of `U`, `L_c` the weight of the edges inside community `c`
/// and `d_c` the summed weighted degree of its nodes; γ = [`RESOLUTION`].
/// In terms of the directed map: `m = Σ w_ij` over all arcs, `L_c` sums the arcs
/// inside `c`, and a node's degree in `U` is `s_out + s_in`.
///
/// `partition[i]` is the community label of node `i` (any labels). `None`
/// when the map has no strength at all (`m = 0`).
pub fn modularity(graph: &MapGraph, partition: &[usize]) -> Option<f64> {
    assert_eq!(
        partition.len(),
        graph.len(),
        "one community label per unit is needed"
    );
    let m: f64 = graph.arcs().map(|(_, _, w)| w).sum();
    if m <= 0.0 {
        return None;
    }
    let labels = partition.iter().copied().max().map_or(0, |l| l + 1);
    let mut inside = vec![0.0; labels];
    let mut degree = vec![0.0; labels];
    for (i, j, w) in graph.arcs() {
        if partition[i] == partition[j] {
            inside[partition[i]] += w;
        }
        degree[partition[i]] += w;
        degree[partition[j]] += w;
    }
    let q = inside
        .iter()
        .zip(&degree)
        .map(|(l, d)| l / m - RESOLUTION * (d / (2.0 * m)).powi(2))
        .sum();
    Some(q)
}

/// Louvain communities of the map's `U` (module docs): each community a list
/// of node indices in ascending order; communities largest first, ties by
/// their first node. Every node is in exactly one community; with no strength
/// at all every node is its own community.
pub fn louvain(graph: &MapGraph) -> Vec<Vec<usize>> {
    let base = Weighted::from_map_graph(graph);
    let runs = if graph.arcs <= SMALL_MAP_ARCS {
        SMALL_MAP_RUNS
    } else {
        1
    };
    let mut best: Option<(f64, Vec<usize>)> = None;
    for seed in LOUVAIN_SEED..LOUVAIN_SEED + runs {
        let membership = louvain_run(&base, seed);
        let q = if base.total > 0.0 {
            base.modularity(&membership)
        } else {
            0.0
        };
        if best.as_ref().is_none_or(|(best_q, _)| q > *best_q) {
            best = Some((q, membership));
        }
    }
    let membership = best.map(|(_, m)| m).unwrap_or_default();
    let count = membership.iter().copied().max().map_or(0, |c| c + 1);
    let mut communities: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, &c) in membership.iter().enumerate() {
        communities[c].push(i);
    }
    communities.retain(|c| !c.is_empty());
    communities.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    communities
}

/// One multi-level Louvain run with the given shuffle seed: the community
/// label of each node of `base`.
fn louvain_run(base: &Weighted, seed: u64) -> Vec<usize> {
    let n = base.n();
    // membership[i] = community of original node i at the current level.
    let mut membership: Vec<usize> = (0..n).collect();
    let mut aggregated: Option<Weighted> = None;
    if base.total > 0.0 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut q = base.modularity(&(0..n).collect::<Vec<_>>());
        loop {
            let g = aggregated.as_ref().unwrap_or(base);
            let level = g.local_moving(&mut rng);
            let communities = level.iter().copied().max().map_or(0, |c| c + 1);
            if communities == g.n() {
                break;
            }
            let new_q = g.modularity(&level);
            for c in &mut membership {
                *c = level[*c];
            }
            if new_q - q <= LEVEL_THRESHOLD {
                break;
            }
            q = new_q;
            aggregated = Some(g.aggregate(&level, communities));
        }
    }
    membership
}

/// An undirected weighted graph in compressed adjacency form, with self-loops
/// kept apart (they appear when communities are aggregated).
struct Weighted {
    /// `start[i]..start[i + 1]` indexes `adj` for node `i`.
    start: Vec<usize>,
    /// `(neighbour, weight)`, each edge stored at both ends, no self-loops.
    adj: Vec<(usize, f64)>,
    /// Weight of the self-loop of each node (counted once).
    self_loop: Vec<f64>,
    /// Weighted degree `k_i` (a self-loop counts twice).
    degree: Vec<f64>,
    /// `2m = Σ k_i`.
    total: f64,
}

impl Weighted {
    fn n(&self) -> usize {
        self.self_loop.len()
    }

    /// `U` of the map: the graph's undirected neighbours, without the pairs
    /// whose two directions have no strength at all.
    fn from_map_graph(graph: &MapGraph) -> Weighted {
        let lists = (0..graph.len())
            .map(|i| {
                graph
                    .undirected_neighbours(i)
                    .filter(|&(_, w)| w > 0.0)
                    .collect()
            })
            .collect();
        Weighted::from_lists(lists, vec![0.0; graph.len()])
    }

    fn from_lists(lists: Vec<Vec<(usize, f64)>>, self_loop: Vec<f64>) -> Weighted {
        let mut start = Vec::with_capacity(lists.len() + 1);
        let mut adj = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        let mut degree = Vec::with_capacity(lists.len());
        start.push(0);
        for (i, list) in lists.into_iter().enumerate() {
            let k: f64 = list.iter().map(|&(_, w)| w).sum::<f64>() + 2.0 * self_loop[i];
            degree.push(k);
            adj.extend(list);
            start.push(adj.len());
        }
        let total = degree.iter().sum();
        Weighted {
            start,
            adj,
            self_loop,
            degree,
            total,
        }
    }

    fn neighbours(&self, i: usize) -> &[(usize, f64)] {
        &self.adj[self.start[i]..self.start[i + 1]]
    }

    /// Modularity of `community[i]` labels on this graph (same formula as
    /// [`modularity`], with `2m = total`).
    fn modularity(&self, community: &[usize]) -> f64 {
        let labels = community.iter().copied().max().map_or(0, |c| c + 1);
        let mut inside = vec![0.0; labels];
        let mut degree = vec![0.0; labels];
        for i in 0..self.n() {
            let c = community[i];
            degree[c] += self.degree[i];
            inside[c] += 2.0 * self.self_loop[i];
            for &(j, w) in self.neighbours(i) {
                if community[j] == c {
                    inside[c] += w; // each internal edge is met from both ends
                }
            }
        }
        let m2 = self.total;
        inside
            .iter()
            .zip(&degree)
            .map(|(l, d)| l / m2 - RESOLUTION * (d / m2).powi(2))
            .sum()
    }

    /// One level of local moving; returns each node's community, renumbered
    /// 0.. in order of first appearance by node index.
    fn local_moving(&self, rng: &mut ChaCha8Rng) -> Vec<usize> {
        let n = self.n();
        let m2 = self.total;
        let mut community: Vec<usize> = (0..n).collect();
        let mut tot: Vec<f64> = self.degree.clone();
        // Fisher–Yates with our own loop so the order does not depend on how a
        // rand version implements `shuffle`.
        let mut order: Vec<usize> = (0..n).collect();
        for k in (1..n).rev() {
            let r = rng.random_range(0..=k);
            order.swap(k, r);
        }
        let mut link_to = vec![0.0; n];
        let mut is_touched = vec![false; n];
        let mut touched: Vec<usize> = Vec::new();
        for _ in 0..MAX_PASSES {
            let mut moved = false;
            for &i in &order {
                let k_i = self.degree[i];
                let own = community[i];
                for &(j, w) in self.neighbours(i) {
                    let c = community[j];
                    if !is_touched[c] {
                        is_touched[c] = true;
                        touched.push(c);
                    }
                    link_to[c] += w;
                }
                tot[own] -= k_i;
                let gain = |c: usize, link: f64| link - RESOLUTION * tot[c] * k_i / m2;
                let mut best = own;
                let mut best_gain = gain(own, link_to[own]);
                for &c in &touched {
                    let g = gain(c, link_to[c]);
                    if g > best_gain {
                        best = c;
                        best_gain = g;
                    }
                }
                tot[best] += k_i;
                if best != own {
                    community[i] = best;
                    moved = true;
                }
                for &c in &touched {
                    link_to[c] = 0.0;
                    is_touched[c] = false;
                }
                touched.clear();
            }
            if !moved {
                break;
            }
        }
        renumber(&mut community);
        community
    }

    /// The graph whose nodes are the communities of `community`.
    fn aggregate(&self, community: &[usize], count: usize) -> Weighted {
        let mut self_loop = vec![0.0; count];
        let mut lists: Vec<Vec<(usize, f64)>> = vec![Vec::new(); count];
        for i in 0..self.n() {
            let c = community[i];
            self_loop[c] += self.self_loop[i];
            for &(j, w) in self.neighbours(i) {
                let d = community[j];
                if d == c {
                    self_loop[c] += w / 2.0; // met from both ends
                } else {
                    lists[c].push((d, w));
                }
            }
        }
        lists.iter_mut().for_each(merge_by_neighbour);
        Weighted::from_lists(lists, self_loop)
    }
}

/// Relabels communities 0.. in order of first appearance.
fn renumber(community: &mut [usize]) {
    let mut new_label = vec![usize::MAX; community.len()];
    let mut next = 0;
    for c in community.iter_mut() {
        if new_label[*c] == usize::MAX {
            new_label[*c] = next;
            next += 1;
        }
        *c = new_label[*c];
    }
}
