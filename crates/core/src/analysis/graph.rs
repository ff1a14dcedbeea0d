//! The graph the analysis runs on, built once from a [`Map`]: a petgraph
//! directed graph whose node `i` is the map's `i`-th unit, plus sorted
//! adjacency lists for the figures that look up the reverse of an arc.
//!
//! Rules (each figure's docs rely on them):
//! - node order is map order; [`MapGraph::ids`] maps an index back to a
//!   [`UnitId`] (graph indices never leave the analysis);
//! - an arc `i → j` is weighted by [`crate::model::Link::strength`]; a link that
//!   is neither rated nor weighted is still an arc, with strength 0 (it exists
//!   in the topology: reciprocity, components, betweenness count it);
//! - links naming a unit that is not on the map, and self-links, are skipped;
//! - two links of the same direction (only possible in an invalid map) are
//!   merged by summing their strengths, as the CSV import merges duplicate rows.

use petgraph::graph::{DiGraph, NodeIndex, UnGraph};
use rustworkx_core::dictmap::{DictMap, InitWithHasher};

use crate::model::{Map, UnitId};

/// A map as a weighted directed graph.
#[derive(Debug, Clone)]
pub struct MapGraph {
    /// Unit ids by node index (map order).
    pub ids: Vec<UnitId>,
    /// The directed graph; node weights are map indices, arc weights strengths.
    pub digraph: DiGraph<usize, f64>,
    /// `out[i]`: `(j, w_ij)` sorted by `j`.
    pub out: Vec<Vec<(usize, f64)>>,
    /// `inc[j]`: `(i, w_ij)` sorted by `i`.
    pub inc: Vec<Vec<(usize, f64)>>,
    /// Number of distinct arcs.
    pub arcs: usize,
}

impl MapGraph {
    /// Builds the graph of a map (see the module docs for the rules).
    pub fn new(map: &Map) -> MapGraph {
        let n = map.units.len();
        // Id lookups only (never iterated, so its random hash seed cannot leak
        // into the output); foldhash is several times faster than SipHash here.
        let mut index: DictMap<&str, usize> = DictMap::with_capacity(n);
        for (i, u) in map.units.iter().enumerate() {
            // With duplicate ids (an invalid map) the first unit wins.
            index.entry(u.id.as_str()).or_insert(i);
        }
        let mut out: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        for link in &map.links {
            let (Some(&i), Some(&j)) = (
                index.get(link.source.as_str()),
                index.get(link.target.as_str()),
            ) else {
                continue;
            };
            if i == j {
                continue;
            }
            let w = link.strength(&map.dimension_weights).unwrap_or(0.0);
            // Non-finite or negative weights (invalid map) count as 0 rather than
            // poisoning every sum.
            let w = if w.is_finite() && w >= 0.0 { w } else { 0.0 };
            out[i].push((j, w));
        }
        let mut arcs = 0;
        for list in &mut out {
            merge_by_neighbour(list);
            arcs += list.len();
        }
        let mut inc: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        for (i, list) in out.iter().enumerate() {
            for &(j, w) in list {
                inc[j].push((i, w)); // i ascending, so already sorted
            }
        }
        let mut digraph = DiGraph::with_capacity(n, arcs);
        for i in 0..n {
            digraph.add_node(i);
        }
        for (i, list) in out.iter().enumerate() {
            for &(j, w) in list {
                digraph.add_edge(NodeIndex::new(i), NodeIndex::new(j), w);
            }
        }
        MapGraph {
            ids: map.units.iter().map(|u| u.id.clone()).collect(),
            digraph,
            out,
            inc,
            arcs,
        }
    }

    /// Number of nodes (units).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Strength of the arc `i → j`, if there is one.
    pub fn weight(&self, i: usize, j: usize) -> Option<f64> {
        let list = &self.out[i];
        list.binary_search_by_key(&j, |&(k, _)| k)
            .ok()
            .map(|p| list[p].1)
    }

    /// Every arc `(i, j, w_ij)`, by source then target.
    pub fn arcs(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        self.out
            .iter()
            .enumerate()
            .flat_map(|(i, list)| list.iter().map(move |&(j, w)| (i, j, w)))
    }

    /// The neighbours of `i` in the simple undirected graph (see
    /// [`MapGraph::undirected`]): `(j, w_ij + w_ji)` for every `j` related to
    /// `i` in either direction (a missing direction counts 0), by `j`.
    pub fn undirected_neighbours(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let (out, inc) = (&self.out[i], &self.inc[i]);
        let (mut a, mut b) = (0, 0);
        // Both lists are sorted by neighbour: merge them.
        std::iter::from_fn(move || match (out.get(a), inc.get(b)) {
            (Some(&(j, w)), Some(&(k, v))) if j == k => {
                (a, b) = (a + 1, b + 1);
                Some((j, w + v))
            }
            (Some(&(j, w)), Some(&(k, _))) if j < k => {
                a += 1;
                Some((j, w))
            }
            (Some(&(j, w)), None) => {
                a += 1;
                Some((j, w))
            }
            (_, Some(&(k, v))) => {
                b += 1;
                Some((k, v))
            }
            (None, None) => None,
        })
    }

    /// The simple undirected graph: one edge per related pair `{i, j}` (`i < j`),
    /// whatever the directions, weighted `w_ij + w_ji` (missing direction = 0).
    pub fn undirected(&self) -> UnGraph<usize, f64> {
        let n = self.len();
        let mut g = UnGraph::with_capacity(n, self.arcs);
        for i in 0..n {
            g.add_node(i);
        }
        for i in 0..n {
            for (j, w) in self.undirected_neighbours(i).filter(|&(j, _)| i < j) {
                g.add_edge(NodeIndex::new(i), NodeIndex::new(j), w);
            }
        }
        g
    }
}

/// Sorts `(neighbour, weight)` entries by neighbour and merges the entries of
/// one neighbour into one, adding their weights in list order.
pub(crate) fn merge_by_neighbour(list: &mut Vec<(usize, f64)>) {
    list.sort_by_key(|&(j, _)| j);
    list.dedup_by(|later, first| {
        if later.0 == first.0 {
            first.1 += later.1;
            true
        } else {
            false
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Unit, UnitKind};

    #[test]
    fn undirected_neighbours_add_both_directions_by_neighbour() {
        let map = Map {
            units: ["a", "b", "c", "d"]
                .map(|id| Unit::new(id, id, UnitKind::Business))
                .into(),
            links: vec![
                Link::weighted("d", "a", 4.0),
                Link::weighted("a", "c", 1.0),
                Link::weighted("b", "a", 3.0),
                Link::weighted("a", "b", 2.0),
            ],
            ..Map::default()
        };
        let g = MapGraph::new(&map);
        let of = |i: usize| g.undirected_neighbours(i).collect::<Vec<_>>();
        assert_eq!(of(0), [(1, 5.0), (2, 1.0), (3, 4.0)]);
        assert_eq!(of(1), [(0, 5.0)]);
        assert_eq!(of(3), [(0, 4.0)]);
        let u = g.undirected();
        let mut edges: Vec<(usize, usize, f64)> = u
            .edge_indices()
            .map(|e| {
                let (a, b) = u.edge_endpoints(e).unwrap();
                (a.index(), b.index(), u[e])
            })
            .collect();
        edges.sort_by(|x, y| x.partial_cmp(y).unwrap());
        assert_eq!(edges, [(0, 1, 5.0), (0, 2, 1.0), (0, 3, 4.0)]);
    }
}
