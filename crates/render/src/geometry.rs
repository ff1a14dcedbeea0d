//! Plane geometry for drawing a map: where a line leaves a unit's outline,
//! the outlines themselves as SVG paths, and the soft hull around a group.
//! Pure functions on points, tested here.

use super::style::NodeShape;
use super::xml::num;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pt {
    pub x: f64,
    pub y: f64,
}

impl Pt {
    pub fn new(x: f64, y: f64) -> Self {
        Pt { x, y }
    }
    pub fn add(self, o: Pt) -> Pt {
        Pt::new(self.x + o.x, self.y + o.y)
    }
    pub fn sub(self, o: Pt) -> Pt {
        Pt::new(self.x - o.x, self.y - o.y)
    }
    pub fn scale(self, k: f64) -> Pt {
        Pt::new(self.x * k, self.y * k)
    }
    pub fn len(self) -> f64 {
        self.x.hypot(self.y)
    }
    /// The unit vector in this direction (zero stays zero).
    pub fn unit(self) -> Pt {
        let l = self.len();
        if l > 0.0 { self.scale(1.0 / l) } else { self }
    }
    /// Rotated a quarter turn (x, y) → (−y, x).
    pub fn perp(self) -> Pt {
        Pt::new(-self.y, self.x)
    }
}

/// The outline's corners for polygonal shapes, on a unit box (−1…1), in
/// drawing order; `None` for the ellipse. Cytoscape.js stretches its shapes to
/// the node's box: the hexagon has a corner at top and bottom, the diamond
/// touches the middle of each side.
fn corners(shape: NodeShape) -> Option<&'static [(f64, f64)]> {
    match shape {
        NodeShape::Ellipse => None,
        NodeShape::RoundRectangle => Some(&[(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]),
        NodeShape::Hexagon => Some(&[
            (0.0, -1.0),
            (1.0, -0.5),
            (1.0, 0.5),
            (0.0, 1.0),
            (-1.0, 0.5),
            (-1.0, -0.5),
        ]),
        NodeShape::RoundDiamond => Some(&[(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)]),
    }
}

/// Distance from the centre of a shape of half-size `half` to its outline in
/// direction `dir` (any length, not zero).
pub fn boundary_distance(shape: NodeShape, half: f64, dir: Pt) -> f64 {
    let u = dir.unit();
    let Some(c) = corners(shape) else {
        return half;
    };
    // The ray t·u meets edge p→q where t·u = p + s·(q − p), 0 ≤ s ≤ 1.
    let mut best = f64::INFINITY;
    for i in 0..c.len() {
        let p = Pt::new(c[i].0 * half, c[i].1 * half);
        let q = Pt::new(c[(i + 1) % c.len()].0 * half, c[(i + 1) % c.len()].1 * half);
        let e = q.sub(p);
        let den = u.x * e.y - u.y * e.x;
        if den.abs() < 1e-12 {
            continue;
        }
        let t = (p.x * e.y - p.y * e.x) / den;
        let s = (p.x * u.y - p.y * u.x) / den;
        if t > 0.0 && (-1e-9..=1.0 + 1e-9).contains(&s) {
            best = best.min(t);
        }
    }
    if best.is_finite() { best } else { half }
}

/// The SVG path of a shape of half-size `half` centred at `c`. Rounded shapes
/// have their corners cut by `radius` and joined by a quadratic curve through
/// the corner (Cytoscape.js rounds by at most 8 px).
pub fn shape_path(shape: NodeShape, c: Pt, half: f64) -> String {
    let Some(corners) = corners(shape) else {
        // two arcs make a circle
        return format!(
            "M{},{}a{h},{h} 0 1,0 {d},0a{h},{h} 0 1,0 -{d},0Z",
            num(c.x - half),
            num(c.y),
            h = num(half),
            d = num(2.0 * half)
        );
    };
    let radius = match shape {
        NodeShape::RoundRectangle => (half / 2.0).min(8.0),
        NodeShape::RoundDiamond => (half / 3.0).min(8.0),
        _ => 0.0,
    };
    let pts: Vec<Pt> = corners
        .iter()
        .map(|&(x, y)| Pt::new(c.x + x * half, c.y + y * half))
        .collect();
    if radius == 0.0 {
        let mut d = String::new();
        for (i, p) in pts.iter().enumerate() {
            d.push_str(&format!(
                "{}{},{}",
                if i == 0 { 'M' } else { 'L' },
                num(p.x),
                num(p.y)
            ));
        }
        d.push('Z');
        return d;
    }
    let n = pts.len();
    let mut d = String::new();
    for i in 0..n {
        let (prev, p, next) = (pts[(i + n - 1) % n], pts[i], pts[(i + 1) % n]);
        let a = p.add(prev.sub(p).unit().scale(radius));
        let b = p.add(next.sub(p).unit().scale(radius));
        d.push_str(&format!(
            "{}{},{}Q{},{} {},{}",
            if i == 0 { 'M' } else { 'L' },
            num(a.x),
            num(a.y),
            num(p.x),
            num(p.y),
            num(b.x),
            num(b.y)
        ));
    }
    d.push('Z');
    d
}

/// Convex hull (Andrew's monotone chain), counter-clockwise in a y-up frame,
/// no repeated point.
pub fn convex_hull(points: &[Pt]) -> Vec<Pt> {
    let mut pts = points.to_vec();
    pts.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    pts.dedup();
    if pts.len() <= 2 {
        return pts;
    }
    let cross = |o: Pt, a: Pt, b: Pt| (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    let mut lower: Vec<Pt> = Vec::new();
    for &p in &pts {
        while lower.len() >= 2 && cross(lower[lower.len() - 2], lower[lower.len() - 1], p) <= 0.0 {
            lower.pop();
        }
        lower.push(p);
    }
    let mut upper: Vec<Pt> = Vec::new();
    for &p in pts.iter().rev() {
        while upper.len() >= 2 && cross(upper[upper.len() - 2], upper[upper.len() - 1], p) <= 0.0 {
            upper.pop();
        }
        upper.push(p);
    }
    upper.pop();
    lower.pop();
    lower.extend(upper);
    lower
}

/// The soft hull around circles of radius `pad` at each point, as the UI draws
/// it (`ui/src/lib/hull.ts`): the convex hull of 12 points on each circle,
/// corners rounded by quadratic curves through the edge midpoints. Returns the
/// path and the hull's corner points (for bounds); empty for no points.
pub fn hull_path(points: &[Pt], pad: f64) -> (String, Vec<Pt>) {
    if points.is_empty() {
        return (String::new(), Vec::new());
    }
    let mut ring = Vec::with_capacity(points.len() * 12);
    for p in points {
        for i in 0..12 {
            let a = f64::from(i) * std::f64::consts::PI / 6.0;
            ring.push(Pt::new(p.x + pad * a.cos(), p.y + pad * a.sin()));
        }
    }
    let h = convex_hull(&ring);
    let n = h.len();
    let mid = |a: Pt, b: Pt| Pt::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
    let start = mid(h[n - 1], h[0]);
    let mut d = format!("M{},{}", num(start.x), num(start.y));
    for i in 0..n {
        let m = mid(h[i], h[(i + 1) % n]);
        d.push_str(&format!(
            " Q{},{} {},{}",
            num(h[i].x),
            num(h[i].y),
            num(m.x),
            num(m.y)
        ));
    }
    d.push_str(" Z");
    (d, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_leave_each_outline_on_its_edge() {
        let right = Pt::new(1.0, 0.0);
        let diag = Pt::new(1.0, 1.0);
        assert_eq!(boundary_distance(NodeShape::Ellipse, 21.0, diag), 21.0);
        assert!((boundary_distance(NodeShape::RoundRectangle, 21.0, right) - 21.0).abs() < 1e-9);
        assert!(
            (boundary_distance(NodeShape::RoundRectangle, 21.0, diag) - 21.0 * 2f64.sqrt()).abs()
                < 1e-9
        );
        // the diamond's edge crosses the diagonal at (h/2, h/2)
        assert!(
            (boundary_distance(NodeShape::RoundDiamond, 20.0, diag) - 10.0 * 2f64.sqrt()).abs()
                < 1e-9
        );
        assert!(
            (boundary_distance(NodeShape::Hexagon, 20.0, Pt::new(0.0, -1.0)) - 20.0).abs() < 1e-9
        );
        assert!((boundary_distance(NodeShape::Hexagon, 20.0, right) - 20.0).abs() < 1e-9);
    }

    #[test]
    fn the_hull_encloses_every_padded_point() {
        let pts = [
            Pt::new(0.0, 0.0),
            Pt::new(100.0, 0.0),
            Pt::new(50.0, 80.0),
            Pt::new(50.0, 20.0),
        ];
        let (d, corners) = hull_path(&pts, 10.0);
        assert!(d.starts_with('M') && d.ends_with('Z'));
        let (min_x, max_x) = corners
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.x), b.max(p.x)));
        assert!((min_x + 10.0).abs() < 1e-9 && (max_x - 110.0).abs() < 1e-9);
        assert_eq!(
            convex_hull(&pts).len(),
            3,
            "the inner point is not on the hull"
        );
        assert_eq!(hull_path(&[], 10.0).0, "");
    }

    #[test]
    fn shapes_are_closed_paths() {
        for shape in [
            NodeShape::Ellipse,
            NodeShape::RoundRectangle,
            NodeShape::Hexagon,
            NodeShape::RoundDiamond,
        ] {
            let d = shape_path(shape, Pt::new(10.0, 10.0), 21.0);
            assert!(d.starts_with('M') && d.ends_with('Z'), "{shape:?}: {d}");
        }
    }
}
