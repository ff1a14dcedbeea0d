//! Hand-made edge cases of the analysis: tiny maps whose figures are worked
//! out by hand in the comments, checked table by table.

use recimap_core::analysis::{AnalysisOptions, UNHEARD_BALANCE};
use recimap_core::analyze_with;
use recimap_core::model::{Ambassador, AmbassadorRole, Link, Map, Ratings, Unit, UnitKind};
use recimap_core::{Analysis, analyze};

use UnitKind::{Business as B, Digital as D, It as I};

/// A map from `(id, kind, group)` units and `(source, target, weight)` links;
/// a `None` weight is a link with no rating and no weight (strength 0).
fn map(units: &[(&str, UnitKind, Option<&str>)], links: &[(&str, &str, Option<f64>)]) -> Map {
    Map {
        units: units
            .iter()
            .map(|&(id, kind, group)| {
                let mut u = Unit::new(id, id.to_uppercase(), kind);
                u.group = group.map(str::to_owned);
                u
            })
            .collect(),
        links: links
            .iter()
            .map(|&(s, t, w)| match w {
                Some(w) => Link::weighted(s, t, w),
                None => Link::new(s, t),
            })
            .collect(),
        ..Map::default()
    }
}

/// Business units with no group.
fn plain(ids: &[&'static str]) -> Vec<(&'static str, UnitKind, Option<&'static str>)> {
    ids.iter().map(|&id| (id, B, None)).collect()
}

fn ids(list: &[recimap_core::UnitId]) -> Vec<&str> {
    list.iter().map(|id| id.as_str()).collect()
}

fn near(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-12,
        (None, None) => true,
        _ => false,
    }
}

/// Organisation-level and structural expectations of one map.
struct Case {
    name: &'static str,
    map: Map,
    dyadic: Option<f64>,
    weighted: Option<f64>,
    density: Option<f64>,
    rho: Option<f64>,
    modularity: Option<f64>,
    weak: Vec<Vec<&'static str>>,
    strong: usize,
    isolates: Vec<&'static str>,
    articulation_points: Vec<&'static str>,
    bridges: Vec<(&'static str, &'static str)>,
}

fn cases() -> Vec<Case> {
    vec![
        // Nothing at all: every ratio is undefined, every list empty.
        Case {
            name: "empty map",
            map: Map::default(),
            dyadic: None,
            weighted: None,
            density: None,
            rho: None,
            modularity: None,
            weak: vec![],
            strong: 0,
            isolates: vec![],
            articulation_points: vec![],
            bridges: vec![],
        },
        // One unit: density needs two units; the unit is an isolate and its own
        // component.
        Case {
            name: "one unit",
            map: map(&plain(&["a"]), &[]),
            dyadic: None,
            weighted: None,
            density: None,
            rho: None,
            modularity: None,
            weak: vec![vec!["a"]],
            strong: 1,
            isolates: vec!["a"],
            articulation_points: vec![],
            bridges: vec![],
        },
        // a → b → c: no arc returned (r = 0, r_w = 0); density 2/6 = 1/3;
        // ρ = (0 − 1/3)/(1 − 1/3) = −1/2; three strong components; b cuts.
        // Louvain on U (a–b 2, b–c 4, m = 6; degrees a 2, b 6, c 4): all
        // together Q = 6/6 − 1 = 0 beats {a},{b,c} (4/6 − (2/12)² − (10/12)²
        // = −0.056), {a,b},{c} (−0.222) and singletons (−56/144).
        Case {
            name: "all one-way",
            map: map(
                &plain(&["a", "b", "c"]),
                &[("a", "b", Some(2.0)), ("b", "c", Some(4.0))],
            ),
            dyadic: Some(0.0),
            weighted: Some(0.0),
            density: Some(1.0 / 3.0),
            rho: Some(-0.5),
            modularity: Some(0.0),
            weak: vec![vec!["a", "b", "c"]],
            strong: 3,
            isolates: vec![],
            articulation_points: vec!["b"],
            bridges: vec![("a", "b"), ("b", "c")],
        },
        // Triangle, every pair both ways; a→b 4, b→a 2, the rest 3.
        // r = 1; r_w = (2+2 + 3+3 + 3+3)/(4+2+3·4) = 16/18; complete, so ρ is
        // undefined (ā = 1); no cut vertex, no bridge; one community, Q = 0.
        Case {
            name: "all mutual",
            map: map(
                &plain(&["a", "b", "c"]),
                &[
                    ("a", "b", Some(4.0)),
                    ("b", "a", Some(2.0)),
                    ("b", "c", Some(3.0)),
                    ("c", "b", Some(3.0)),
                    ("c", "a", Some(3.0)),
                    ("a", "c", Some(3.0)),
                ],
            ),
            dyadic: Some(1.0),
            weighted: Some(16.0 / 18.0),
            density: Some(1.0),
            rho: None,
            modularity: Some(0.0),
            weak: vec![vec!["a", "b", "c"]],
            strong: 1,
            isolates: vec![],
            articulation_points: vec![],
            bridges: vec![],
        },
        // a ⇄ b, c ⇄ d (weight 1 each way) and a lone e.
        // density 4/20; r = 1, ρ = (1 − 0.2)/(1 − 0.2) = 1.
        // Communities {a,b},{c,d},{e}: m = 4, each pair L = 2, d = 4:
        // Q = 2·(2/4 − (4/8)²) = 0.5.
        Case {
            name: "disconnected",
            map: map(
                &plain(&["a", "b", "c", "d", "e"]),
                &[
                    ("a", "b", Some(1.0)),
                    ("b", "a", Some(1.0)),
                    ("c", "d", Some(1.0)),
                    ("d", "c", Some(1.0)),
                ],
            ),
            dyadic: Some(1.0),
            weighted: Some(1.0),
            density: Some(0.2),
            rho: Some(1.0),
            modularity: Some(0.5),
            weak: vec![vec!["a", "b"], vec!["c", "d"], vec!["e"]],
            strong: 3,
            isolates: vec!["e"],
            articulation_points: vec![],
            bridges: vec![("a", "b"), ("c", "d")],
        },
        // Unrated links are arcs of strength 0: a → b unrated, b → a rated 4.
        // r = 1 (both arcs exist), r_w = min(0,4)·2 / 4 = 0.
        Case {
            name: "one direction unrated",
            map: map(
                &plain(&["a", "b"]),
                &[("a", "b", None), ("b", "a", Some(4.0))],
            ),
            dyadic: Some(1.0),
            weighted: Some(0.0),
            density: Some(1.0),
            rho: None,
            modularity: Some(0.0),
            weak: vec![vec!["a", "b"]],
            strong: 1,
            isolates: vec![],
            articulation_points: vec![],
            bridges: vec![("a", "b")],
        },
        // Nothing rated at all: the topology is there, the strengths are not:
        // r_w and modularity are undefined, each unit is its own community.
        Case {
            name: "all unrated",
            map: map(
                &plain(&["a", "b", "c"]),
                &[("a", "b", None), ("b", "c", None)],
            ),
            dyadic: Some(0.0),
            weighted: None,
            density: Some(1.0 / 3.0),
            rho: Some(-0.5),
            modularity: None,
            weak: vec![vec!["a", "b", "c"]],
            strong: 3,
            isolates: vec![],
            articulation_points: vec!["b"],
            bridges: vec![("a", "b"), ("b", "c")],
        },
        // Links to a unit that is not on the map, and self-links, are skipped.
        Case {
            name: "unknown units and self-links skipped",
            map: map(
                &plain(&["a", "b"]),
                &[
                    ("a", "b", Some(1.0)),
                    ("a", "ghost", Some(5.0)),
                    ("a", "a", Some(5.0)),
                ],
            ),
            dyadic: Some(0.0),
            weighted: Some(0.0),
            density: Some(0.5),
            rho: Some(-1.0),
            modularity: Some(0.0),
            weak: vec![vec!["a", "b"]],
            strong: 2,
            isolates: vec![],
            articulation_points: vec![],
            bridges: vec![("a", "b")],
        },
    ]
}

#[test]
fn organisation_and_structure_of_edge_cases() {
    for case in cases() {
        let a = analyze(&case.map);
        let o = &a.organisation;
        let name = case.name;
        assert_eq!(o.units, case.map.units.len(), "{name}");
        assert!(
            near(o.dyadic_reciprocity, case.dyadic),
            "{name}: r {:?}",
            o.dyadic_reciprocity
        );
        assert!(
            near(o.weighted_reciprocity, case.weighted),
            "{name}: r_w {:?}",
            o.weighted_reciprocity
        );
        assert!(
            near(o.density, case.density),
            "{name}: density {:?}",
            o.density
        );
        assert!(near(o.rho, case.rho), "{name}: rho {:?}", o.rho);
        assert!(
            near(o.modularity, case.modularity),
            "{name}: Q {:?}",
            o.modularity
        );
        let weak: Vec<Vec<&str>> = a.components.weak.iter().map(|c| ids(c)).collect();
        assert_eq!(weak, case.weak, "{name}: weak components");
        assert_eq!(
            a.components.strong.len(),
            case.strong,
            "{name}: strong components"
        );
        assert_eq!(ids(&a.isolates), case.isolates, "{name}: isolates");
        assert_eq!(
            ids(&a.articulation_points),
            case.articulation_points,
            "{name}: cut points"
        );
        let bridges: Vec<(&str, &str)> = a
            .bridges
            .iter()
            .map(|(x, y)| (x.as_str(), y.as_str()))
            .collect();
        assert_eq!(bridges, case.bridges, "{name}: bridges");
        // Every unit is in exactly one community, and `community` indexes it.
        for u in &a.units {
            assert!(
                a.communities[u.community].contains(&u.id),
                "{name}: {}",
                u.id
            );
        }
        let members: usize = a.communities.iter().map(Vec::len).sum();
        assert_eq!(members, case.map.units.len(), "{name}: community members");
    }
}

/// Unit figures: `(case, unit, s_out, s_in, s↔, s→, s←, reciprocity, betweenness)`.
#[test]
fn unit_figures_by_hand() {
    let one_way = &cases()[2].map; // a →2 b →4 c
    let mutual = &cases()[3].map; // triangle, a→b 4, b→a 2, rest 3
    let unrated = &cases()[5].map; // a → b unrated, b → a 4
    type Row<'a> = (&'a Map, &'a str, f64, f64, f64, f64, f64, Option<f64>, f64);
    let rows: Vec<Row> = vec![
        // a: one arc out, none back: reciprocity 2·0/1 = 0.
        (one_way, "a", 2.0, 0.0, 0.0, 2.0, 0.0, Some(0.0), 0.0),
        // b carries the only path a → c: 1 path / ((3−1)(3−2)) = 0.5.
        (one_way, "b", 4.0, 2.0, 0.0, 4.0, 2.0, Some(0.0), 0.5),
        (one_way, "c", 0.0, 4.0, 0.0, 0.0, 4.0, Some(0.0), 0.0),
        // a: out 4+3, in 2+3, reciprocated min(4,2) + min(3,3) = 5.
        (mutual, "a", 7.0, 5.0, 5.0, 2.0, 0.0, Some(1.0), 0.0),
        (mutual, "b", 5.0, 7.0, 5.0, 0.0, 2.0, Some(1.0), 0.0),
        (unrated, "a", 0.0, 4.0, 0.0, 0.0, 4.0, Some(1.0), 0.0),
        (unrated, "b", 4.0, 0.0, 0.0, 4.0, 0.0, Some(1.0), 0.0),
    ];
    for (m, id, out, inn, rec, uout, uin, recip, btw) in rows {
        let a = analyze(m);
        let u = a.units.iter().find(|u| u.id.as_str() == id).unwrap();
        let got = (
            u.strength_out,
            u.strength_in,
            u.reciprocated_strength,
            u.unreciprocated_out,
            u.unreciprocated_in,
            u.reciprocity,
            u.betweenness,
        );
        assert_eq!(got, (out, inn, rec, uout, uin, recip, btw), "unit {id}");
    }
    let lone = analyze(&cases()[1].map);
    assert_eq!(lone.units[0].reciprocity, None, "a unit with no arcs");
}

/// Pair figures: `(links, a→b, b→a, reciprocated, balance, unheard)`.
#[test]
fn pair_figures_by_hand() {
    type Row = (
        Vec<(&'static str, &'static str, Option<f64>)>,
        Option<f64>,
        Option<f64>,
        f64,
        Option<f64>,
        Option<&'static str>,
    );
    let rows: Vec<Row> = vec![
        // One-way: balance 0, the teller a is unheard.
        (
            vec![("a", "b", Some(3.0))],
            Some(3.0),
            None,
            0.0,
            Some(0.0),
            Some("a"),
        ),
        // Only b → a, still reported as the pair (a, b) in map order.
        (
            vec![("b", "a", Some(3.0))],
            None,
            Some(3.0),
            0.0,
            Some(0.0),
            Some("b"),
        ),
        // 2 vs 5: balance 0.4 < 0.5; b tells more than it hears back.
        (
            vec![("a", "b", Some(2.0)), ("b", "a", Some(5.0))],
            Some(2.0),
            Some(5.0),
            2.0,
            Some(0.4),
            Some("b"),
        ),
        // Exactly at the threshold: balanced enough, nobody unheard.
        (
            vec![("a", "b", Some(4.0)), ("b", "a", Some(2.0))],
            Some(4.0),
            Some(2.0),
            2.0,
            Some(0.5),
            None,
        ),
        // Both directions unrated: strengths 0, balance undefined.
        (
            vec![("a", "b", None), ("b", "a", None)],
            Some(0.0),
            Some(0.0),
            0.0,
            None,
            None,
        ),
    ];
    assert_eq!(
        UNHEARD_BALANCE, 0.5,
        "the rows above assume the documented threshold"
    );
    for (links, ab, ba, rec, balance, unheard) in rows {
        let a = analyze(&map(&plain(&["a", "b"]), &links));
        assert_eq!(a.pairs.len(), 1, "{links:?}");
        let p = &a.pairs[0];
        assert_eq!((p.a.as_str(), p.b.as_str()), ("a", "b"));
        assert_eq!(
            (
                p.a_to_b,
                p.b_to_a,
                p.reciprocated,
                p.balance,
                p.unheard.as_ref().map(|u| u.as_str())
            ),
            (ab, ba, rec, balance, unheard),
            "{links:?}"
        );
    }
}

/// Groups: missing, empty and "NA" groups are no group; their ties are ignored.
#[test]
fn groups_missing_or_na_are_ignored() {
    // a, b in X; c in Y; d no group; e "NA"; f "".
    // Arcs: a→b (X internal), a→c (X→Y), c→d, d→a, e→a, f→c (ignored).
    let m = map(
        &[
            ("a", B, Some("X")),
            ("b", B, Some("X")),
            ("c", B, Some("Y")),
            ("d", B, None),
            ("e", B, Some("NA")),
            ("f", B, Some("  ")),
        ],
        &[
            ("a", "b", Some(1.0)),
            ("a", "c", Some(3.0)),
            ("c", "d", Some(1.0)),
            ("d", "a", Some(1.0)),
            ("e", "a", Some(1.0)),
            ("f", "c", Some(1.0)),
        ],
    );
    let a = analyze(&m);
    // Network: E = 1 (a→c), I = 1 (a→b): EI 0; weighted (3 − 1)/(3 + 1) = 0.5.
    assert_eq!(a.organisation.ei_index, Some(0.0));
    assert_eq!(a.organisation.ei_weighted, Some(0.5));
    let names: Vec<&str> = a.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["X", "Y"]);
    let x = &a.groups[0];
    assert_eq!(ids(&x.units), ["a", "b"]);
    assert_eq!(
        (
            x.internal_ties,
            x.external_ties,
            x.external_out,
            x.external_in
        ),
        (1, 1, 1, 0)
    );
    // EI_X = (1 − 1)/2 = 0; out (1 − 1)/2 = 0; in (0 − 1)/1 = −1.
    assert_eq!(
        (x.ei_index, x.ei_out, x.ei_in),
        (Some(0.0), Some(0.0), Some(-1.0))
    );
    let y = &a.groups[1];
    // Y: no internal tie, one arc in: EI 1, EI_out undefined (0/0), EI_in 1.
    assert_eq!((y.internal_ties, y.external_ties), (0, 1));
    assert_eq!(
        (y.ei_index, y.ei_out, y.ei_in),
        (Some(1.0), None, Some(1.0))
    );
    // The units' group is reported as the analysis sees it.
    let groups: Vec<Option<&str>> = a.units.iter().map(|u| u.group.as_deref()).collect();
    assert_eq!(groups, [Some("X"), Some("X"), Some("Y"), None, None, None]);

    // No group at all: no network E-I, no groups.
    let none = analyze(&map(&plain(&["a", "b"]), &[("a", "b", Some(1.0))]));
    assert_eq!((none.organisation.ei_index, none.groups.len()), (None, 0));
}

/// A reciprocated tie to IT or digital needs strength both ways.
#[test]
fn reciprocated_tech_ties() {
    let m = map(
        &[
            ("fin", B, None),
            ("hr", B, None),
            ("ops", B, None),
            ("it", I, None),
            ("dig", D, None),
        ],
        &[
            ("fin", "it", Some(3.0)), // fin ⇄ it: reciprocated
            ("it", "fin", Some(1.0)),
            ("hr", "it", Some(4.0)), // hr → it only
            ("ops", "dig", None),    // ops ⇄ dig, one direction unrated
            ("dig", "ops", Some(5.0)),
            ("it", "dig", Some(2.0)), // it ⇄ dig: both are technology
            ("dig", "it", Some(2.0)),
        ],
    );
    let a = analyze(&m);
    let tie: Vec<(&str, bool)> = a
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.reciprocated_tech_tie))
        .collect();
    assert_eq!(
        tie,
        [
            ("fin", true),
            ("hr", false),
            ("ops", false),
            ("it", true),
            ("dig", true)
        ]
    );
}

#[test]
fn ambassador_coverage() {
    let mut m = map(
        &[
            ("fin", B, None),
            ("hr", B, None),
            ("it", I, None),
            ("ops", B, None),
        ],
        &[],
    );
    let amb = |id: &str, unit: &str, role| Ambassador {
        id: id.into(),
        name: id.to_uppercase(),
        unit: unit.into(),
        role,
    };
    m.ambassadors = vec![
        amb("a1", "hr", AmbassadorRole::Driver),
        amb("a2", "it", AmbassadorRole::Strategist),
        amb("a3", "it", AmbassadorRole::Innovator),
        amb("a4", "it", AmbassadorRole::Driver),
        amb("a5", "ops", AmbassadorRole::Innovator),
        amb("a6", "ops", AmbassadorRole::Innovator),
    ];
    let c = analyze(&m).figures.coverage;
    // Only business units count as uncovered; IT has none and is not listed.
    assert_eq!(ids(&c.without_ambassador), ["fin"]);
    let missing: Vec<(&str, Vec<AmbassadorRole>)> = c
        .missing_roles
        .iter()
        .map(|r| (r.unit.as_str(), r.roles.clone()))
        .collect();
    use AmbassadorRole::*;
    assert_eq!(
        missing,
        [
            ("hr", vec![Strategist, Innovator]),
            ("ops", vec![Strategist, Driver])
        ]
    );
}

#[test]
fn ratings_give_the_strength_of_a_direction() {
    // fin → it rated (4, 2) → strength 3; it → fin rated 1 → strength 1.
    let mut m = map(
        &plain(&["fin", "it"]),
        &[("fin", "it", None), ("it", "fin", None)],
    );
    m.links[0].ratings = Ratings {
        frequency: Some(4),
        why: Some(2),
        ..Ratings::default()
    };
    m.links[1].ratings = Ratings {
        listening: Some(1),
        ..Ratings::default()
    };
    let a = analyze(&m);
    let p = &a.pairs[0];
    assert_eq!(
        (p.a_to_b, p.b_to_a, p.balance),
        (Some(3.0), Some(1.0), Some(1.0 / 3.0))
    );
    assert_eq!(p.unheard.as_ref().map(|u| u.as_str()), Some("fin"));
    // r_w = 2·min(3, 1) / (3 + 1) = 0.5.
    assert_eq!(a.organisation.weighted_reciprocity, Some(0.5));
}

#[test]
fn betweenness_can_be_skipped() {
    let m = &cases()[2].map; // b has betweenness 0.5
    let full = analyze(m);
    let quick: Analysis = analyze_with(m, &AnalysisOptions { betweenness: false });
    assert!(full.betweenness_computed && !quick.betweenness_computed);
    assert!(quick.units.iter().all(|u| u.betweenness == 0.0));
    assert_eq!(full.units[1].betweenness, 0.5);
    // Everything else is the same.
    let strip = |mut a: Analysis| {
        a.betweenness_computed = false;
        a.findings.clear();
        for u in &mut a.units {
            u.betweenness = 0.0;
        }
        a
    };
    assert_eq!(strip(full), strip(quick));
}
