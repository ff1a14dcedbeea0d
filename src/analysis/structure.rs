//! Structure of the map's topology (every arc counts, whatever its strength):
//! weakly and strongly connected components, isolates, articulation points
//! and bridges, betweenness. Results are node indices in a fixed order.

use petgraph::graph::NodeIndex;
use rustworkx_core::connectivity;

use super::graph::MapGraph;

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
/// Definition (Freeman 1977; computed with Brandes' algorithm 2001, as
/// `networkx.betweenness_centrality(G, normalized=True)` on a digraph):
/// `c_B(v) = 1/((n−1)(n−2)) · Σ_{s≠v≠t} σ_st(v) / σ_st`, unweighted (every arc
/// has length 1, whatever its strength), directed; 0 for every node when
/// `n ≤ 2`.
pub fn betweenness(g: &MapGraph) -> Vec<f64> {
    if g.len() <= 2 {
        return vec![0.0; g.len()];
    }
    rustworkx_core::centrality::betweenness_centrality(&g.digraph, false, true, 50)
        .into_iter()
        .map(|b| b.unwrap_or(0.0))
        .collect()
}
