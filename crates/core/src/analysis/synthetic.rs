//! A synthetic organisation of any size, for benchmarks (analysis, project
//! file) and stress tests: the same arguments always give the same map.
//!
//! Shape: units `u0 … u{n−1}` spread over `⌈n/50⌉` groups `g0 …` (about 50
//! units each, like departments); about 5 % are IT, 3 % digital, 2 % external,
//! the rest business. Links carry raw weights 1–5 (like e-mail or survey
//! counts). About 80 % of links stay inside the source's group (silos) and
//! about 30 % of links are answered by the reverse direction, so every figure
//! has something to find.

use std::collections::HashSet;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::model::{Link, Map, Unit, UnitKind};

/// Units per group in a synthetic map.
const GROUP_SIZE: usize = 50;

/// A synthetic map with `units` units and `links` distinct links (no
/// self-links), generated from `seed` (module docs). `links` is capped at
/// `units·(units−1)`, the most a map can hold.
pub fn synthetic_map(units: usize, links: usize, seed: u64) -> Map {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let groups = units.div_ceil(GROUP_SIZE).max(1);
    let unit_list: Vec<Unit> = (0..units)
        .map(|i| {
            let kind = match rng.random_range(0..100) {
                0..5 => UnitKind::It,
                5..8 => UnitKind::Digital,
                8..10 => UnitKind::External,
                _ => UnitKind::Business,
            };
            let mut unit = Unit::new(format!("u{i}"), format!("Unit {i}"), kind);
            unit.group = Some(format!("g{}", i % groups));
            unit
        })
        .collect();
    let max_links = units.saturating_mul(units.saturating_sub(1));
    let target = links.min(max_links);
    let mut seen: HashSet<(usize, usize)> = HashSet::with_capacity(target);
    let mut link_list: Vec<Link> = Vec::with_capacity(target);
    let mut push = |i: usize, j: usize, rng: &mut ChaCha8Rng, list: &mut Vec<Link>| {
        if i != j && list.len() < target && seen.insert((i, j)) {
            let w = f64::from(rng.random_range(1..=5u8));
            list.push(Link::weighted(format!("u{i}"), format!("u{j}"), w));
            true
        } else {
            false
        }
    };
    // Dense small maps fall back to a sweep, so the loop always ends.
    let mut attempts = 0usize;
    while link_list.len() < target && attempts < target.saturating_mul(20) {
        attempts += 1;
        let i = rng.random_range(0..units);
        let j = if rng.random_range(0..100) < 80 {
            // Same group: units i mod groups, i mod groups + groups, …
            let members = (units - i % groups).div_ceil(groups);
            i % groups + groups * rng.random_range(0..members)
        } else {
            rng.random_range(0..units)
        };
        if push(i, j, &mut rng, &mut link_list) && rng.random_range(0..100) < 30 {
            push(j, i, &mut rng, &mut link_list);
        }
    }
    'sweep: for i in 0..units {
        for j in 0..units {
            if link_list.len() >= target {
                break 'sweep;
            }
            push(i, j, &mut rng, &mut link_list);
        }
    }
    Map {
        title: format!("Synthetic organisation ({units} units, {target} links, seed {seed})"),
        organisation: "Synthetic".to_owned(),
        units: unit_list,
        links: link_list,
        ..Map::default()
    }
}
