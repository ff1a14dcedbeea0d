//! Where each unit is drawn: at its saved canvas position, or — for units not
//! laid out yet — at a deterministic fallback place, so an imported map with
//! no positions still renders the same way every time.

use super::geometry::Pt;
use recimap_core::model::Map;

/// Room each unit gets along the fallback circle, in canvas units.
pub const CIRCLE_SPACING: f64 = 140.0;
/// Smallest radius of the fallback circle.
pub const MIN_RADIUS: f64 = 120.0;
/// Up to this many units the no-position fallback is a circle; above it a
/// disc (a circle's size grows with the number of units, a disc's with its
/// square root).
pub const CIRCLE_MAX: usize = 40;
/// Grid spacing for units without a position on a map where others have one.
pub const GRID: (f64, f64) = (160.0, 120.0);

/// The drawing position of every unit, in map order.
///
/// - A unit with a saved position is drawn there.
/// - If no unit has a position, all are placed on one circle, clockwise from
///   the top, ordered by group (groups by name, units without a group last,
///   map order within a group), so groups sit together; the radius gives each
///   unit [`CIRCLE_SPACING`] of arc. Above [`CIRCLE_MAX`] units each group
///   fills a disc instead (Vogel's sunflower spiral: the k-th unit at radius
///   `c·√k`, angle `k · 137.5°`, each unit getting about [`CIRCLE_SPACING`]²
///   of area), and the discs are set in rows, so the picture grows with √n.
/// - If some units have positions, the others are placed in a grid below
///   them, in the same group order.
pub fn positions(map: &Map) -> Vec<Pt> {
    let mut out: Vec<Option<Pt>> = map
        .units
        .iter()
        .map(|u| {
            u.position
                .filter(|p| p.x.is_finite() && p.y.is_finite())
                .map(|p| Pt::new(p.x, p.y))
        })
        .collect();
    let mut missing: Vec<usize> = (0..out.len()).filter(|&i| out[i].is_none()).collect();
    if missing.is_empty() {
        return out.into_iter().flatten().collect();
    }
    missing.sort_by(|&a, &b| {
        let (ga, gb) = (&map.units[a].group, &map.units[b].group);
        ga.is_none()
            .cmp(&gb.is_none())
            .then_with(|| ga.cmp(gb))
            .then(a.cmp(&b))
    });
    let placed: Vec<Pt> = out.iter().flatten().copied().collect();
    if placed.is_empty() && missing.len() > CIRCLE_MAX {
        // One sunflower disc per group (in the group order), the discs set
        // left to right in rows about as wide as the whole would be tall.
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for &i in &missing {
            match groups.last_mut() {
                Some(g) if map.units[g[0]].group == map.units[i].group => g.push(i),
                _ => groups.push(vec![i]),
            }
        }
        let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
        let c = CIRCLE_SPACING / std::f64::consts::PI.sqrt();
        let radius = |n: usize| c * (n as f64).sqrt() + CIRCLE_SPACING / 2.0;
        let area: f64 = groups.iter().map(|g| (2.0 * radius(g.len())).powi(2)).sum();
        let row_width = area.sqrt() * 1.2;
        let (mut x, mut y, mut row_h) = (0.0_f64, 0.0_f64, 0.0_f64);
        for g in &groups {
            let r = radius(g.len());
            if x > 0.0 && x + 2.0 * r > row_width {
                x = 0.0;
                y += row_h + CIRCLE_SPACING / 2.0;
                row_h = 0.0;
            }
            let centre = Pt::new(x + r, y + r);
            for (k, &i) in g.iter().enumerate() {
                let rk = c * (k as f64 + 0.5).sqrt();
                let a = k as f64 * golden;
                out[i] = Some(centre.add(Pt::new(rk * a.cos(), rk * a.sin())));
            }
            x += 2.0 * r + CIRCLE_SPACING / 2.0;
            row_h = row_h.max(2.0 * r);
        }
    } else if placed.is_empty() {
        let n = missing.len() as f64;
        let radius = (n * CIRCLE_SPACING / std::f64::consts::TAU).max(MIN_RADIUS);
        for (k, &i) in missing.iter().enumerate() {
            let a = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * k as f64 / n;
            out[i] = Some(if missing.len() == 1 {
                Pt::new(0.0, 0.0)
            } else {
                Pt::new(radius * a.cos(), radius * a.sin())
            });
        }
    } else {
        let min_x = placed.iter().map(|p| p.x).fold(f64::INFINITY, f64::min);
        let max_x = placed.iter().map(|p| p.x).fold(f64::NEG_INFINITY, f64::max);
        let max_y = placed.iter().map(|p| p.y).fold(f64::NEG_INFINITY, f64::max);
        let columns = (((max_x - min_x) / GRID.0).floor() as usize + 1)
            .max((missing.len() as f64).sqrt().ceil() as usize);
        for (k, &i) in missing.iter().enumerate() {
            out[i] = Some(Pt::new(
                min_x + (k % columns) as f64 * GRID.0,
                max_y + GRID.1 * (1.5 + (k / columns) as f64),
            ));
        }
    }
    out.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use recimap_core::model::{Position, Unit, UnitKind};

    fn unit(id: &str, group: Option<&str>, pos: Option<(f64, f64)>) -> Unit {
        let mut u = Unit::new(id, id, UnitKind::Business);
        u.group = group.map(String::from);
        u.position = pos.map(|(x, y)| Position { x, y });
        u
    }

    #[test]
    fn saved_positions_are_kept_and_the_rest_go_below() {
        let map = Map {
            units: vec![
                unit("a", None, Some((0.0, 0.0))),
                unit("b", None, None),
                unit("c", None, Some((400.0, 100.0))),
            ],
            ..Map::default()
        };
        let p = positions(&map);
        assert_eq!(p[0], Pt::new(0.0, 0.0));
        assert_eq!(p[2], Pt::new(400.0, 100.0));
        assert!(p[1].y > 100.0, "{:?}", p[1]);
    }

    #[test]
    fn many_units_without_positions_fill_discs_that_grow_with_the_root() {
        let map = |n: usize| Map {
            units: (0..n).map(|i| unit(&format!("u{i}"), None, None)).collect(),
            ..Map::default()
        };
        let extent = |n: usize| {
            positions(&map(n))
                .iter()
                .map(|p| p.x.max(p.y))
                .fold(0.0, f64::max)
        };
        // four times the units, about twice the radius
        let (r1, r4) = (extent(400), extent(1600));
        assert!((r4 / r1 - 2.0).abs() < 0.1, "{r1} {r4}");
        let p = positions(&map(200));
        let closest = (0..p.len())
            .flat_map(|i| (0..i).map(move |j| (i, j)))
            .map(|(i, j)| p[i].sub(p[j]).len())
            .fold(f64::INFINITY, f64::min);
        assert!(closest > 60.0, "units {closest} apart");
        // groups get discs of their own: the members of a group are closer to
        // their group's centre than to the other group's
        let mut two = map(100);
        for (i, u) in two.units.iter_mut().enumerate() {
            u.group = Some(if i % 2 == 0 { "A" } else { "B" }.into());
        }
        let p = positions(&two);
        let centre = |g: usize| {
            let m: Vec<Pt> = (0..100).filter(|i| i % 2 == g).map(|i| p[i]).collect();
            m.iter()
                .fold(Pt::new(0.0, 0.0), |a, q| a.add(*q))
                .scale(1.0 / m.len() as f64)
        };
        let (ca, cb) = (centre(0), centre(1));
        for (i, q) in p.iter().enumerate() {
            let (own, other) = if i % 2 == 0 { (ca, cb) } else { (cb, ca) };
            assert!(q.sub(own).len() < q.sub(other).len(), "unit {i}");
        }
    }

    #[test]
    fn without_positions_units_sit_on_a_circle_grouped_and_apart() {
        let map = Map {
            units: vec![
                unit("x", Some("B"), None),
                unit("y", Some("A"), None),
                unit("z", None, None),
                unit("w", Some("A"), None),
            ],
            ..Map::default()
        };
        let p = positions(&map);
        assert_eq!(p, positions(&map), "deterministic");
        let r = p[0].len();
        assert!(p.iter().all(|q| (q.len() - r).abs() < 1e-9), "one circle");
        // group A first from the top: y then w, then B (x), then no group (z)
        assert!((p[1].x).abs() < 1e-9 && p[1].y < 0.0, "{:?}", p[1]);
        for i in 0..4 {
            for j in 0..i {
                assert!(p[i].sub(p[j]).len() > 100.0);
            }
        }
    }
}
