//! Property tests of the analysis on random maps: ranges of every ratio,
//! determinism, and invariance under renaming and reordering units and links.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use recimap_core::Analysis;
use recimap_core::analyze;
use recimap_core::model::{Ambassador, AmbassadorRole, Link, Map, Ratings, Unit, UnitId, UnitKind};

/// A direction's data: unrated, rated on one or two dimensions, or a raw weight.
fn arb_link_data() -> impl Strategy<Value = (Ratings, Option<f64>)> {
    prop_oneof![
        Just((Ratings::default(), None)),
        (0..=5u8, proptest::option::of(0..=5u8)).prop_map(|(f, l)| (
            Ratings {
                frequency: Some(f),
                listening: l,
                ..Ratings::default()
            },
            None
        )),
        (0.0..10.0f64).prop_map(|w| (Ratings::default(), Some(w))),
        Just((Ratings::default(), Some(0.0))),
    ]
}

/// A valid random map of up to 12 units: random kinds, groups (some missing
/// or "NA"), links (no self-links or duplicates) and ambassadors.
fn arb_map() -> impl Strategy<Value = Map> {
    (0usize..12)
        .prop_flat_map(|n| {
            let m = n.max(1);
            (
                proptest::collection::vec((0..4usize, 0..5usize), n),
                proptest::collection::vec((0..m, 0..m, arb_link_data()), 0..=(n * n)),
                proptest::collection::vec((0..m, 0..3usize), 0..=n),
            )
        })
        .prop_map(|(units, links, ambassadors)| {
            let groups = [None, Some("Sales"), Some("Ops"), Some("NA"), Some("")];
            let units: Vec<Unit> = units
                .iter()
                .enumerate()
                .map(|(i, &(kind, group))| {
                    let mut u =
                        Unit::new(format!("u{i}"), format!("Unit {i}"), UnitKind::ALL[kind]);
                    u.group = groups[group].map(str::to_owned);
                    u
                })
                .collect();
            let mut seen = BTreeSet::new();
            let mut link_list = Vec::new();
            for (i, j, (ratings, weight)) in links {
                if i != j && i < units.len() && j < units.len() && seen.insert((i, j)) {
                    let mut l = Link::new(format!("u{i}"), format!("u{j}"));
                    l.ratings = ratings;
                    l.weight = weight;
                    link_list.push(l);
                }
            }
            let ambassadors = ambassadors
                .iter()
                .enumerate()
                .filter(|&(_, &(u, _))| u < units.len())
                .map(|(k, &(u, role))| Ambassador {
                    id: format!("a{k}"),
                    name: format!("Person {k}"),
                    unit: UnitId(format!("u{u}")),
                    role: AmbassadorRole::ALL[role],
                })
                .collect();
            let map = Map {
                units,
                links: link_list,
                ambassadors,
                ..Map::default()
            };
            debug_assert_eq!(map.problems(), vec![]);
            map
        })
}

/// A map and a permutation of its units and of its links.
fn arb_map_and_shuffles() -> impl Strategy<Value = (Map, Vec<usize>, Vec<usize>)> {
    arb_map().prop_flat_map(|map| {
        let units: Vec<usize> = (0..map.units.len()).collect();
        let links: Vec<usize> = (0..map.links.len()).collect();
        (
            Just(map),
            Just(units).prop_shuffle(),
            Just(links).prop_shuffle(),
        )
    })
}

/// The map with unit `k` renamed `x{k}` everywhere, units in the order
/// `unit_order`, links in the order `link_order`.
fn relabel(map: &Map, unit_order: &[usize], link_order: &[usize]) -> Map {
    let new_id = |id: &UnitId| UnitId(id.0.replacen('u', "x", 1));
    let mut out = map.clone();
    out.units = unit_order
        .iter()
        .map(|&k| {
            let mut u = map.units[k].clone();
            u.id = new_id(&u.id);
            u
        })
        .collect();
    out.links = link_order
        .iter()
        .map(|&k| {
            let mut l = map.links[k].clone();
            l.source = new_id(&l.source);
            l.target = new_id(&l.target);
            l
        })
        .collect();
    for a in &mut out.ambassadors {
        a.unit = new_id(&a.unit);
    }
    out
}

fn in_unit_interval(x: Option<f64>) -> bool {
    x.is_none_or(|x| (0.0..=1.0).contains(&x))
}

fn in_ei_range(x: Option<f64>) -> bool {
    x.is_none_or(|x| (-1.0..=1.0).contains(&x))
}

/// An order-free, id-normalised view of an analysis (ids mapped back with
/// `old`), with every float rounded so that summation order cannot matter.
/// Communities are left out: Louvain is greedy and, like every Louvain
/// implementation, may settle differently when the nodes come in another
/// order (relabelling alone keeps them, see the test).
fn canonical(a: &Analysis, old: &dyn Fn(&UnitId) -> String) -> String {
    let r = |x: f64| format!("{:.9}", x);
    let ro = |x: Option<f64>| x.map_or("none".to_owned(), r);
    let set = |ids: &[UnitId]| ids.iter().map(old).collect::<BTreeSet<_>>();
    let o = &a.organisation;
    let mut lines = vec![format!(
        "org {} {} {} {} {} {} {} {} {} {}",
        o.units,
        o.links,
        o.mutual_pairs,
        r(o.total_strength),
        ro(o.weighted_reciprocity),
        ro(o.dyadic_reciprocity),
        ro(o.rho),
        ro(o.density),
        ro(o.ei_index),
        ro(o.ei_weighted)
    )];
    let comps = |cs: &[Vec<UnitId>]| cs.iter().map(|c| set(c)).collect::<BTreeSet<_>>();
    lines.push(format!("weak {:?}", comps(&a.components.weak)));
    lines.push(format!("strong {:?}", comps(&a.components.strong)));
    lines.push(format!("isolates {:?}", set(&a.isolates)));
    lines.push(format!("cut {:?}", set(&a.articulation_points)));
    let bridges: BTreeSet<BTreeSet<String>> = a
        .bridges
        .iter()
        .map(|(x, y)| [old(x), old(y)].into_iter().collect())
        .collect();
    lines.push(format!("bridges {bridges:?}"));
    let mut units = BTreeMap::new();
    for u in &a.units {
        units.insert(
            old(&u.id),
            format!(
                "{} {:?} {:?} {} {} {} {} {} {} {} {} {}",
                u.name,
                u.kind,
                u.group,
                r(u.strength_out),
                r(u.strength_in),
                r(u.reciprocated_strength),
                r(u.unreciprocated_out),
                r(u.unreciprocated_in),
                ro(u.reciprocity),
                r(u.betweenness),
                u.articulation_point,
                u.reciprocated_tech_tie
            ),
        );
    }
    lines.push(format!("units {units:?}"));
    let mut pairs = BTreeMap::new();
    for p in &a.pairs {
        let (a_id, b_id) = (old(&p.a), old(&p.b));
        // Orient every pair by old id so both orders compare equal.
        let (x, y, xy, yx) = if a_id < b_id {
            (a_id, b_id, p.a_to_b, p.b_to_a)
        } else {
            (b_id, a_id, p.b_to_a, p.a_to_b)
        };
        pairs.insert(
            (x, y),
            format!(
                "{} {} {} {} {:?}",
                ro(xy),
                ro(yx),
                r(p.reciprocated),
                ro(p.balance),
                p.unheard.as_ref().map(old)
            ),
        );
    }
    lines.push(format!("pairs {pairs:?}"));
    for g in &a.groups {
        lines.push(format!(
            "group {} {:?} {} {} {} {} {} {} {} {}",
            g.name,
            set(&g.units),
            g.internal_ties,
            g.external_out,
            g.external_in,
            g.external_ties,
            ro(g.ei_index),
            ro(g.ei_weighted),
            ro(g.ei_out),
            ro(g.ei_in)
        ));
    }
    lines.push(format!(
        "no ambassador {:?}",
        set(&a.coverage.without_ambassador)
    ));
    let missing: BTreeMap<String, _> = a
        .coverage
        .missing_roles
        .iter()
        .map(|m| (old(&m.unit), m.roles.clone()))
        .collect();
    lines.push(format!("missing roles {missing:?}"));
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_ratio_stays_in_its_range(map in arb_map()) {
        let a = analyze(&map);
        let o = &a.organisation;
        prop_assert!(in_unit_interval(o.weighted_reciprocity));
        prop_assert!(in_unit_interval(o.dyadic_reciprocity));
        prop_assert!(in_unit_interval(o.density));
        prop_assert!(o.rho.is_none_or(|r| r <= 1.0 + 1e-12 && r.is_finite()));
        prop_assert!(in_ei_range(o.ei_index) && in_ei_range(o.ei_weighted));
        // Modularity lies in [−1/2, 1].
        prop_assert!(o.modularity.is_none_or(|q| (-0.5..=1.0).contains(&q)));
        prop_assert_eq!(o.mutual_pairs * 2 <= o.links, true);
        for u in &a.units {
            prop_assert!(in_unit_interval(u.reciprocity), "{:?}", u);
            prop_assert!(u.unreciprocated_out >= 0.0 && u.unreciprocated_in >= 0.0, "{:?}", u);
            prop_assert!(u.reciprocated_strength <= u.strength_out.min(u.strength_in) + 1e-9);
            prop_assert!((0.0..=1.0).contains(&u.betweenness), "{:?}", u);
            prop_assert!(u.community < a.communities.len());
        }
        for p in &a.pairs {
            prop_assert!(in_unit_interval(p.balance), "{:?}", p);
            prop_assert!(p.reciprocated >= 0.0);
            prop_assert!(p.a_to_b.is_some() || p.b_to_a.is_some());
        }
        for g in &a.groups {
            for x in [g.ei_index, g.ei_weighted, g.ei_out, g.ei_in] {
                prop_assert!(in_ei_range(x), "{:?}", g);
            }
            prop_assert_eq!(g.external_ties, g.external_out + g.external_in);
        }
        // The whole result is finite JSON: no NaN or infinity slipped through.
        let json = serde_json::to_string(&a).unwrap();
        prop_assert!(!json.contains("NaN") && !json.contains("inf"));
    }

    #[test]
    fn analysis_is_deterministic(map in arb_map()) {
        let first = serde_json::to_string(&analyze(&map)).unwrap();
        let second = serde_json::to_string(&analyze(&map.clone())).unwrap();
        prop_assert_eq!(first, second);
    }

    #[test]
    fn renaming_units_changes_nothing((map, _, _) in arb_map_and_shuffles()) {
        let identity_units: Vec<usize> = (0..map.units.len()).collect();
        let identity_links: Vec<usize> = (0..map.links.len()).collect();
        let renamed = relabel(&map, &identity_units, &identity_links);
        let (a, b) = (analyze(&map), analyze(&renamed));
        let back = |id: &UnitId| id.0.replacen('x', "u", 1);
        let same = |id: &UnitId| id.0.clone();
        prop_assert_eq!(canonical(&a, &same), canonical(&b, &back));
        // Same order, so Louvain visits the same nodes: same communities too.
        let ca: Vec<Vec<String>> = a.communities.iter().map(|c| c.iter().map(same).collect()).collect();
        let cb: Vec<Vec<String>> = b.communities.iter().map(|c| c.iter().map(back).collect()).collect();
        prop_assert_eq!(ca, cb);
        prop_assert_eq!(a.organisation.modularity, b.organisation.modularity);
    }

    #[test]
    fn reordering_units_and_links_changes_no_figure(
        (map, unit_order, link_order) in arb_map_and_shuffles()
    ) {
        let shuffled = relabel(&map, &unit_order, &link_order);
        let (a, b) = (analyze(&map), analyze(&shuffled));
        let back = |id: &UnitId| id.0.replacen('x', "u", 1);
        let same = |id: &UnitId| id.0.clone();
        prop_assert_eq!(canonical(&a, &same), canonical(&b, &back));
    }
}
