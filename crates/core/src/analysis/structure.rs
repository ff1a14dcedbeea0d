//! Structure of the map's topology (every arc counts, whatever its strength):
//! weakly and strongly connected components, isolates, articulation points
//! and bridges, betweenness. Results are node indices in a fixed order.

use std::collections::{HashMap, VecDeque};

use petgraph::graph::NodeIndex;
use rustworkx_core::connectivity;

use super::graph::MapGraph;
use crate::model::{Map, UnitId};

/// Weakly connected components (ignoring direction), via
/// `rustworkx_core::connectivity::connected_components`: each sorted by node
/// index, largest first, ties by first node.
pub fn weak_components(g: &MapGraph) -> Vec<Vec<usize>> {
    let sets = connectivity::connected_components(&g.digraph);
    order_components(
        sets.into_iter()
            .map(|s| s.into_iter().map(NodeIndex::index).collect())
            .collect(),
    )
}

/// Strongly connected components (every unit reaches every other along the
/// arcs), via petgraph's Tarjan; same order as [`weak_components`].
pub fn strong_components(g: &MapGraph) -> Vec<Vec<usize>> {
    let sccs = petgraph::algo::tarjan_scc(&g.digraph);
    order_components(
        sccs.into_iter()
            .map(|c| c.into_iter().map(NodeIndex::index).collect())
            .collect(),
    )
}

fn order_components(mut components: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    for c in &mut components {
        c.sort_unstable();
    }
    components.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    components
}

/// Nodes with no arc at all (as `networkx.isolates`), ascending.
pub fn isolates(g: &MapGraph) -> Vec<usize> {
    (0..g.len())
        .filter(|&i| g.out[i].is_empty() && g.inc[i].is_empty())
        .collect()
}

/// Articulation points (cut vertices) and bridges (cut edges) of the simple
/// undirected graph (one edge per related pair, as
/// `networkx.articulation_points(G.to_undirected())`): removing one disconnects
/// units that were connected. Via `rustworkx_core::connectivity`. Points
/// ascending; bridges as `(a, b)` with `a < b`, ascending.
pub fn cut_points(g: &MapGraph) -> (Vec<usize>, Vec<(usize, usize)>) {
    let u = g.undirected();
    let mut points: Vec<usize> = connectivity::articulation_points(&u, None)
        .into_iter()
        .map(NodeIndex::index)
        .collect();
    points.sort_unstable();
    let mut bridges: Vec<(usize, usize)> = connectivity::bridges(&u)
        .into_iter()
        .map(|(a, b)| {
            let (a, b) = (a.index(), b.index());
            (a.min(b), a.max(b))
        })
        .collect();
    bridges.sort_unstable();
    (points, bridges)
}

/// Betweenness centrality of every node, by index: the share of shortest
/// directed paths between other pairs that pass through the node.
///
/// Definition (Freeman 1977, as `networkx.betweenness_centrality(G,
/// normalized=True)` on a digraph): `c_B(v) = 1/((n−1)(n−2)) · Σ_{s≠v≠t}
/// σ_st(v) / σ_st`, where `σ_st` counts the shortest paths from `s` to `t` and
/// `σ_st(v)` those through `v`; unweighted (every arc has length 1, whatever
/// its strength), directed; 0 for every node when `n ≤ 2`.
///
/// Computed with Brandes' algorithm (2001, "A faster algorithm for betweenness
/// centrality", J. Math. Sociol. 25:163–177): one breadth-first search per
/// source, dependencies accumulated backwards. Written here instead of calling
/// `rustworkx_core::centrality::betweenness_centrality` (which the tests use as
/// the oracle) because that function adds each source's contribution under a
/// lock in whatever order the threads finish, so the last bits of the sums
/// change from run to run on multi-threaded runs, and the analysis must be
/// identical byte for byte. Here the sources are cut into at most
/// [`BETWEENNESS_CHUNKS`] fixed chunks (a layout that depends on `n` only), each chunk's sums are computed on its own (in parallel with
/// rayon on maps of at least [`PARALLEL_UNITS`] units) and the chunks are
/// added in order: the same result on any number of threads.
pub fn betweenness(g: &MapGraph) -> Vec<f64> {
    let n = g.len();
    if n <= 2 {
        return vec![0.0; n];
    }
    // Compact adjacency: successors of v are succ[start[v]..start[v + 1]].
    let mut start = Vec::with_capacity(n + 1);
    let mut succ: Vec<u32> = Vec::with_capacity(g.arcs);
    start.push(0);
    for list in &g.out {
        succ.extend(list.iter().map(|&(j, _)| j as u32));
        start.push(succ.len());
    }
    // The layout depends on n only; at least MIN_CHUNK sources per chunk so
    // that small maps do not pay for many scratch buffers.
    let chunk_len = n.div_ceil(BETWEENNESS_CHUNKS).max(MIN_CHUNK);
    let chunk = |c: usize| -> Vec<f64> {
        let mut bc = vec![0.0; n];
        let mut work = Brandes::new(n);
        let sources = (c * chunk_len)..((c + 1) * chunk_len).min(n);
        for s in sources {
            work.accumulate(s, &start, &succ, &mut bc);
        }
        bc
    };
    let chunks = n.div_ceil(chunk_len);
    let partials: Vec<Vec<f64>> = if n >= PARALLEL_UNITS {
        use rayon::prelude::*;
        (0..chunks).into_par_iter().map(chunk).collect()
    } else {
        (0..chunks).map(chunk).collect()
    };
    let mut bc = vec![0.0; n];
    for partial in &partials {
        for (total, x) in bc.iter_mut().zip(partial) {
            *total += x;
        }
    }
    let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
    for x in &mut bc {
        *x *= scale;
    }
    bc
}

/// Sources are split into at most this many chunks (see [`betweenness`]).
pub const BETWEENNESS_CHUNKS: usize = 64;

/// The fewest sources in a chunk.
const MIN_CHUNK: usize = 32;

/// Betweenness runs on all cores from this many units on (below, one thread
/// is faster than waking the pool).
pub const PARALLEL_UNITS: usize = 200;

/// Scratch space of one Brandes search, reused across sources.
struct Brandes {
    /// Per node, kept together so each arc touches one cache line.
    state: Vec<NodeState>,
    /// Nodes in the order the search reached them (non-decreasing distance).
    order: Vec<u32>,
    /// The arcs `v → w` on shortest paths (`dist(w) = dist(v) + 1`), grouped
    /// by `v` in search order: `dag[dag_start[k]..dag_start[k + 1]]` are the
    /// `w` of the `k`-th node reached. The backward pass reads only these.
    dag: Vec<u32>,
    dag_start: Vec<usize>,
}

#[derive(Clone, Copy)]
struct NodeState {
    /// Distance from the source; `u32::MAX` = not reached.
    dist: u32,
    /// σ_sv: number of shortest paths from the source.
    sigma: f64,
    /// (1 + δ(v)) / σ_sv, set once δ(v) is known, so the backward pass
    /// multiplies instead of dividing on every arc.
    coef: f64,
}

const UNREACHED: NodeState = NodeState {
    dist: u32::MAX,
    sigma: 0.0,
    coef: 0.0,
};

impl Brandes {
    fn new(n: usize) -> Brandes {
        Brandes {
            state: vec![UNREACHED; n],
            order: Vec::with_capacity(n),
            dag: Vec::new(),
            dag_start: Vec::with_capacity(n + 1),
        }
    }

    /// Adds the dependencies of source `s` to `bc`.
    fn accumulate(&mut self, s: usize, start: &[usize], succ: &[u32], bc: &mut [f64]) {
        let Brandes {
            state,
            order,
            dag,
            dag_start,
        } = self;
        state[s].dist = 0;
        state[s].sigma = 1.0;
        order.push(s as u32);
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            dag_start.push(dag.len());
            let (next, sigma_v) = (state[v].dist + 1, state[v].sigma);
            for &w in &succ[start[v]..start[v + 1]] {
                let node = &mut state[w as usize];
                if node.dist == u32::MAX {
                    node.dist = next;
                    order.push(w);
                }
                if node.dist == next {
                    node.sigma += sigma_v;
                    dag.push(w);
                }
            }
        }
        dag_start.push(dag.len());
        // Backwards, farthest first: δ(v) = σ_sv · Σ_w (1 + δ(w)) / σ_sw over
        // the successors w one step farther (those on shortest paths).
        for (k, &v) in order.iter().enumerate().rev() {
            let v = v as usize;
            let sum: f64 = dag[dag_start[k]..dag_start[k + 1]]
                .iter()
                .map(|&w| state[w as usize].coef)
                .sum();
            let delta = state[v].sigma * sum;
            state[v].coef = (1.0 + delta) / state[v].sigma;
            if v != s {
                bc[v] += delta;
            }
        }
        for &v in order.iter() {
            state[v as usize] = UNREACHED;
        }
        order.clear();
        dag.clear();
        dag_start.clear();
    }
}

/// Who would be cut off if one unit stopped talking: for an articulation
/// point `c`, the units that lose every path (ignoring direction) to the
/// largest part of their component that remains once `c` is removed. A
/// breadth-first search from each of `c`'s neighbours; the largest part
/// (the first one found among equals) stays, the others are cut off.
/// Built once per map ([`CutOff::new`]), asked per unit ([`CutOff::of`]).
#[derive(Debug)]
pub struct CutOff<'a> {
    map: &'a Map,
    index: HashMap<&'a UnitId, usize>,
    /// Undirected neighbours of each unit, in the order of `map.links`.
    neighbours: Vec<Vec<usize>>,
}

impl<'a> CutOff<'a> {
    pub fn new(map: &'a Map) -> Self {
        let index: HashMap<&UnitId, usize> = map
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (&u.id, i))
            .collect();
        let mut neighbours = vec![Vec::new(); map.units.len()];
        for l in &map.links {
            if let (Some(&s), Some(&t)) = (index.get(&l.source), index.get(&l.target)) {
                neighbours[s].push(t);
                neighbours[t].push(s);
            }
        }
        CutOff {
            map,
            index,
            neighbours,
        }
    }

    /// The units cut off when `unit` is removed, in map order; empty when it
    /// is not on the map or cuts nothing off.
    pub fn of(&self, unit: &UnitId) -> Vec<UnitId> {
        let Some(&cut) = self.index.get(unit) else {
            return Vec::new();
        };
        cut_off_units(&self.neighbours, cut)
            .into_iter()
            .map(|i| self.map.units[i].id.clone())
            .collect()
    }
}

fn cut_off_units(neighbours: &[Vec<usize>], cut: usize) -> Vec<usize> {
    let mut part = vec![usize::MAX; neighbours.len()];
    part[cut] = 0;
    let mut parts: Vec<Vec<usize>> = Vec::new();
    for &start in &neighbours[cut] {
        if part[start] != usize::MAX {
            continue;
        }
        let id = parts.len() + 1;
        let mut members = vec![start];
        part[start] = id;
        let mut queue = VecDeque::from([start]);
        while let Some(v) = queue.pop_front() {
            for &w in &neighbours[v] {
                if part[w] == usize::MAX {
                    part[w] = id;
                    members.push(w);
                    queue.push_back(w);
                }
            }
        }
        parts.push(members);
    }
    if parts.len() < 2 {
        return Vec::new();
    }
    let largest = (0..parts.len())
        .max_by_key(|&i| (parts[i].len(), std::cmp::Reverse(i)))
        .unwrap_or(0);
    let mut cut_off: Vec<usize> = parts
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i != largest)
        .flat_map(|(_, p)| p)
        .collect();
    cut_off.sort_unstable();
    cut_off
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::synthetic_map;

    /// Our Brandes against rustworkx-core's on synthetic maps of several
    /// shapes, sparse to dense, below and above the parallel threshold.
    #[test]
    fn betweenness_matches_rustworkx() {
        for (units, links, seed) in [
            (3, 2, 1),
            (12, 30, 2),
            (60, 150, 3),
            (300, 1500, 4),
            (250, 20000, 5),
        ] {
            let g = MapGraph::new(&synthetic_map(units, links, seed));
            let ours = betweenness(&g);
            let oracle =
                rustworkx_core::centrality::betweenness_centrality(&g.digraph, false, true, 50);
            for (i, (a, b)) in ours.iter().zip(&oracle).enumerate() {
                let b = b.unwrap();
                assert!(
                    (a - b).abs() < 1e-12,
                    "{units}/{links} node {i}: ours {a}, rustworkx {b}"
                );
            }
        }
    }

    #[test]
    fn betweenness_is_the_same_on_any_thread_count() {
        let g = MapGraph::new(&synthetic_map(400, 4000, 9));
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let many = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let a = one.install(|| betweenness(&g));
        let b = many.install(|| betweenness(&g));
        assert_eq!(a, b);
    }

    #[test]
    fn the_unit_cut_off_is_the_smaller_side() {
        // 0 - 1 - 2 - 3, and 1 - 4: removing 1 leaves {0}, {2, 3}, {4}
        let neighbours = vec![vec![1], vec![0, 2, 4], vec![1, 3], vec![2], vec![1]];
        assert_eq!(cut_off_units(&neighbours, 1), vec![0, 4]);
        assert_eq!(cut_off_units(&neighbours, 2), vec![3]);
        assert_eq!(cut_off_units(&neighbours, 3), Vec::<usize>::new());
    }
}
