//! Reciprocity figures: of the organisation, of each relationship (pair) and
//! of each unit. All strengths are the arc weights of [`MapGraph`] (an unrated
//! link is an arc of strength 0).

use super::graph::MapGraph;

/// A relationship whose balance is below this is one-sided: the side with the
/// higher outgoing strength "tells without being heard" ([`PairFigures::unheard`]).
/// 0.5 means one direction is less than half as strong as the other (for
/// example 2/5 against 5/5); a missing direction gives balance 0.
pub const UNHEARD_BALANCE: f64 = 0.5;

/// Whole-map reciprocity figures.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganisationFigures {
    pub links: usize,
    pub mutual_pairs: usize,
    pub total_strength: f64,
    pub weighted_reciprocity: Option<f64>,
    pub dyadic_reciprocity: Option<f64>,
    pub rho: Option<f64>,
    pub density: Option<f64>,
}

/// Organisation-wide figures.
///
/// - `mutual_pairs`: pairs `{i, j}` with both arcs `i → j` and `j → i`.
/// - `total_strength`: `Σ w_ij` over all arcs.
/// - `weighted_reciprocity` `r_w = Σ_{i≠j} min(w_ij, w_ji) / Σ_{i≠j} w_ij`
///   (Squartini, Picciolo, Ruzzenenti & Garlaschelli 2013, "Reciprocity of
///   weighted networks", Sci. Rep. 3:2729); `None` when `Σ w_ij = 0`.
/// - `dyadic_reciprocity` `r = L↔ / L`, the share of arcs whose reverse exists
///   (as `networkx.overall_reciprocity`); `None` with no arcs.
/// - `density` `ā = L / (n (n − 1))` (as `networkx.density` of a digraph);
///   `None` with fewer than two units.
/// - `rho` `ρ = (r − ā) / (1 − ā)` (Garlaschelli & Loffredo 2004, "Patterns of
///   link reciprocity in directed networks", PRL 93:268701): reciprocity above
///   (> 0) or below (< 0) what a random graph of the same density shows;
///   `None` when `r` or `ā` is undefined or the map is complete (`ā = 1`).
pub fn organisation(g: &MapGraph) -> OrganisationFigures {
    let n = g.len();
    let (mut total, mut reciprocated, mut mutual_arcs) = (0.0, 0.0, 0usize);
    for (i, j, w) in g.arcs() {
        total += w;
        if let Some(back) = g.weight(j, i) {
            mutual_arcs += 1;
            reciprocated += w.min(back);
        }
    }
    let links = g.arcs;
    let dyadic = (links > 0).then(|| mutual_arcs as f64 / links as f64);
    let density = (n >= 2).then(|| links as f64 / (n as f64 * (n as f64 - 1.0)));
    let rho = match (dyadic, density) {
        (Some(r), Some(a)) if a < 1.0 => Some((r - a) / (1.0 - a)),
        _ => None,
    };
    OrganisationFigures {
        links,
        mutual_pairs: mutual_arcs / 2,
        total_strength: total,
        weighted_reciprocity: (total > 0.0).then(|| reciprocated / total),
        dyadic_reciprocity: dyadic,
        rho,
        density,
    }
}

/// Figures of one unit (node `i`).
#[derive(Debug, Clone, PartialEq)]
pub struct UnitFigures {
    /// `s_out = Σ_j w_ij`.
    pub strength_out: f64,
    /// `s_in = Σ_j w_ji`.
    pub strength_in: f64,
    /// `s↔ = Σ_j min(w_ij, w_ji)`, the reciprocated strength (Squartini et al. 2013).
    pub reciprocated: f64,
    /// `s→ = s_out − s↔`, strength sent and not returned (Squartini et al. 2013).
    pub unreciprocated_out: f64,
    /// `s← = s_in − s↔`, strength received and not returned (Squartini et al. 2013).
    pub unreciprocated_in: f64,
    /// `2 |succ(i) ∩ pred(i)| / (|succ(i)| + |pred(i)|)`, the share of the unit's
    /// arcs that are reciprocated (as `networkx.reciprocity(G, i)`); `None`
    /// for a unit with no arcs.
    pub reciprocity: Option<f64>,
}

/// [`UnitFigures`] of every node, by index.
pub fn units(g: &MapGraph) -> Vec<UnitFigures> {
    (0..g.len())
        .map(|i| {
            let strength_out: f64 = g.out[i].iter().map(|&(_, w)| w).sum();
            let strength_in: f64 = g.inc[i].iter().map(|&(_, w)| w).sum();
            let (mut reciprocated, mut mutual) = (0.0, 0usize);
            for &(j, w) in &g.out[i] {
                if let Some(back) = g.weight(j, i) {
                    reciprocated += w.min(back);
                    mutual += 1;
                }
            }
            let degree = g.out[i].len() + g.inc[i].len();
            UnitFigures {
                strength_out,
                strength_in,
                reciprocated,
                // max(0) only absorbs rounding: reciprocated ≤ s_out term by term.
                unreciprocated_out: (strength_out - reciprocated).max(0.0),
                unreciprocated_in: (strength_in - reciprocated).max(0.0),
                reciprocity: (degree > 0).then(|| 2.0 * mutual as f64 / degree as f64),
            }
        })
        .collect()
}

/// Figures of one relationship between nodes `a < b`.
#[derive(Debug, Clone, PartialEq)]
pub struct PairFigures {
    pub a: usize,
    pub b: usize,
    /// Strength of `a → b`, `None` without that arc.
    pub a_to_b: Option<f64>,
    pub b_to_a: Option<f64>,
    /// `min(w_ab, w_ba)`, a missing direction counting 0.
    pub reciprocated: f64,
    /// `min(w_ab, w_ba) / max(w_ab, w_ba)` in [0, 1]: 1 is perfectly balanced,
    /// 0 one-way; `None` when both strengths are 0.
    pub balance: Option<f64>,
    /// The node that tells without being heard: when the balance is below
    /// [`UNHEARD_BALANCE`], the side whose outgoing strength is higher.
    pub unheard: Option<usize>,
}

/// Every related pair (an arc in at least one direction), ordered by `(a, b)`.
pub fn pairs(g: &MapGraph) -> Vec<PairFigures> {
    let mut pairs = Vec::new();
    for (i, j, w) in g.arcs() {
        let back = g.weight(j, i);
        if i > j && back.is_some() {
            continue; // met as (j, i) already
        }
        let (a, b, a_to_b, b_to_a) = if i < j {
            (i, j, Some(w), back)
        } else {
            (j, i, None, Some(w))
        };
        let (x, y) = (a_to_b.unwrap_or(0.0), b_to_a.unwrap_or(0.0));
        let (lo, hi) = (x.min(y), x.max(y));
        let balance = (hi > 0.0).then(|| lo / hi);
        let unheard = match balance {
            Some(bal) if bal < UNHEARD_BALANCE => Some(if x > y { a } else { b }),
            _ => None,
        };
        pairs.push(PairFigures {
            a,
            b,
            a_to_b,
            b_to_a,
            reciprocated: lo,
            balance,
            unheard,
        });
    }
    pairs.sort_by_key(|p| (p.a, p.b));
    pairs
}
