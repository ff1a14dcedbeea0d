//! Findings on hand-made maps (one per rule) and on the demo map: map in,
//! expected findings out.

use recimap_core::findings::{Finding, FindingKind, Severity};
use recimap_core::model::{Ambassador, AmbassadorRole, Link, Map, Ratings, Unit, UnitKind};
use recimap_core::{analyze, demo::demo_map};

/// A unit: `id:kind:group`, kind one of b/i/d/e, group optional.
fn unit(spec: &str) -> Unit {
    let mut parts = spec.split(':');
    let id = parts.next().unwrap();
    let kind = match parts.next().unwrap_or("b") {
        "i" => UnitKind::It,
        "d" => UnitKind::Digital,
        "e" => UnitKind::External,
        _ => UnitKind::Business,
    };
    let mut u = Unit::new(id, capitalise(id), kind);
    u.group = parts.next().map(str::to_owned);
    u
}

fn capitalise(id: &str) -> String {
    let mut c = id.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A link `a>b=r` rated `r` on every dimension.
fn link(spec: &str) -> Link {
    let (pair, rating) = spec.split_once('=').unwrap();
    let (a, b) = pair.split_once('>').unwrap();
    let r: u8 = rating.parse().unwrap();
    Link {
        ratings: Ratings {
            frequency: Some(r),
            why: Some(r),
            listening: Some(r),
            trust: Some(r),
        },
        ..Link::new(a, b)
    }
}

fn map(units: &[&str], links: &[&str]) -> Map {
    Map {
        units: units.iter().map(|s| unit(s)).collect(),
        links: links.iter().map(|s| link(s)).collect(),
        ..Map::default()
    }
}

fn findings(map: &Map) -> Vec<Finding> {
    assert_eq!(map.problems(), vec![], "test map must be valid");
    analyze(map).findings
}

/// A link `a>b` rated frequency, why, listening and trust (`None` = unrated).
fn rated(pair: &str, [frequency, why, listening, trust]: [Option<u8>; 4]) -> Link {
    let (a, b) = pair.split_once('>').unwrap();
    Link {
        ratings: Ratings {
            frequency,
            why,
            listening,
            trust,
        },
        ..Link::new(a, b)
    }
}

/// One rule's finding on a hand-made map: its key (kind and subjects), its
/// severity, words its message must and must not say, and a word of its
/// recommendation.
struct Case {
    name: &'static str,
    map: Map,
    key: &'static str,
    severity: Severity,
    says: &'static [&'static str],
    never_says: &'static [&'static str],
    advises: &'static str,
}

fn cases() -> Vec<Case> {
    let mut with_ambassador = map(
        &["fin:b", "hr:b", "it:i"],
        &["fin>it=3", "it>fin=3", "hr>it=3", "it>hr=3"],
    );
    with_ambassador.ambassadors.push(Ambassador {
        id: "a1".into(),
        name: "Ann".into(),
        unit: "fin".into(),
        role: AmbassadorRole::Driver,
    });
    vec![
        Case {
            name: "IT does not answer what Finance tells it",
            map: map(&["fin:b", "it:i"], &["fin>it=5", "it>fin=1"]),
            key: "one_way_relationship:fin,it",
            severity: Severity::High,
            says: &["Fin → It is rated 5/5, but It → Fin only 1/5"],
            never_says: &[],
            advises: "",
        },
        Case {
            name: "nothing comes back between two departments",
            map: map(&["a:b", "b:b"], &["a>b=4"]),
            key: "one_way_relationship:a,b",
            severity: Severity::Medium,
            says: &["nothing comes back from B"],
            never_says: &[],
            advises: "",
        },
        Case {
            name: "a group that keeps to itself",
            map: map(
                &["a1:b:A", "a2:b:A", "a3:b:A", "b1:b:B"],
                &[
                    "a1>a2=3", "a2>a1=3", "a2>a3=3", "a3>a2=3", "a1>a3=3", "a3>a1=3", "a1>b1=3",
                ],
            ),
            key: "silo_group:a1,a2,a3",
            severity: Severity::High,
            says: &["6 of its ties stay inside the group and 1 go out"],
            never_says: &[],
            advises: "",
        },
        Case {
            name: "a group with no two-way tie to IT",
            map: map(
                &["ops:b:Ops", "wh:b:Ops", "it:i:Tech", "fin:b:Corp"],
                &[
                    "ops>wh=4",
                    "wh>ops=4",
                    "ops>it=3",
                    "fin>it=3",
                    "it>fin=3",
                    "fin>ops=3",
                    "ops>fin=3",
                ],
            ),
            key: "silo_group:ops,wh",
            severity: Severity::High,
            says: &[
                "Ops is a silo: none of Ops and Wh has a two-way relationship with IT or digital",
            ],
            never_says: &[],
            advises: "",
        },
        Case {
            name: "a department with only a one-way link to IT",
            map: map(
                &["sales:b", "fin:b", "it:i"],
                &[
                    "sales>it=3",
                    "fin>it=3",
                    "it>fin=3",
                    "sales>fin=3",
                    "fin>sales=3",
                ],
            ),
            key: "no_tech_tie:sales",
            severity: Severity::Medium,
            says: &["Sales has only one-way links (with It) with IT or digital"],
            never_says: &[],
            advises: "",
        },
        Case {
            name: "the middle of a chain cuts the ends off",
            map: map(
                &["a:b", "b:b", "c:b", "d:b"],
                &[
                    "a>b=3", "b>a=3", "b>c=3", "c>b=3", "c>d=3", "d>c=3", "b>d=3", "d>b=3",
                ],
            ),
            key: "single_point_of_failure:b",
            severity: Severity::Medium,
            says: &["B is the only bridge to A"],
            never_says: &[],
            advises: "",
        },
        Case {
            name: "a unit nobody has mapped yet",
            map: map(&["a:b", "b:b", "legal:b"], &["a>b=3", "b>a=3"]),
            key: "isolated_unit:legal",
            severity: Severity::Medium,
            says: &["Legal has no relationship on the map"],
            never_says: &[],
            advises: "",
        },
        Case {
            name: "departments without an ambassador",
            map: with_ambassador,
            key: "ambassador_gap:organisation",
            severity: Severity::Medium,
            says: &["1 of 2 departments have no IT ambassador: Hr."],
            never_says: &[],
            advises: "",
        },
        Case {
            name: "an ambassador without the other two roles",
            map: {
                let mut m = map(&["fin:b", "it:i"], &["fin>it=3", "it>fin=3"]);
                m.ambassadors.push(Ambassador {
                    id: "a".into(),
                    name: "A".into(),
                    unit: "fin".into(),
                    role: AmbassadorRole::Driver,
                });
                m
            },
            key: "ambassador_gap:organisation",
            severity: Severity::Low,
            says: &["Fin's ambassadors include no strategist or innovator."],
            never_says: &[],
            advises: "",
        },
        Case {
            name: "everything is one-way",
            map: map(&["a:b", "b:b", "c:b"], &["a>b=3", "b>c=3", "c>a=3"]),
            key: "low_reciprocity:organisation",
            severity: Severity::High,
            says: &["Only 0% of what units tell each other is returned"],
            never_says: &[],
            advises: "",
        },
        Case {
            name: "two halves that never meet",
            map: map(
                &["a:b", "b:b", "c:b", "d:b"],
                &["a>b=3", "b>a=3", "c>d=3", "d>c=3"],
            ),
            key: "disconnected_map:organisation",
            severity: Severity::High,
            says: &["The map falls into 2 separate parts"],
            never_says: &[],
            advises: "",
        },
        Case {
            // The desk listens well to Clinical Services (listening 5 on
            // Clinical → Desk) but explains nothing back (why 0 on
            // Desk → Clinical): the gap is the desk's why, not its ears.
            name: "the desk listens well but explains nothing back",
            map: Map {
                units: vec![unit("clinical:b"), unit("desk:i")],
                links: vec![
                    rated("clinical>desk", [None, Some(4), Some(5), None]),
                    rated("desk>clinical", [None, Some(0), Some(1), None]),
                ],
                ..Map::default()
            },
            key: "one_way_relationship:clinical,desk",
            severity: Severity::High,
            says: &[
                "Desk explains little of the why of its own work to Clinical (why 0/5)",
                "though it listens well (listening 5/5)",
                "Clinical in turn listens little to Desk (listening 1/5)",
            ],
            never_says: &[
                "tells without being heard",
                "Desk is rated as listening little",
            ],
            advises: "Ask Desk to brief Clinical on the why of its own priorities",
        },
        Case {
            name: "IT is rated as not listening to Finance",
            map: Map {
                units: vec![unit("fin:b"), unit("it:i")],
                links: vec![
                    rated("fin>it", [Some(4), Some(5), Some(0), Some(4)]),
                    rated("it>fin", [Some(2), Some(2), Some(1), Some(0)]),
                ],
                ..Map::default()
            },
            key: "one_way_relationship:fin,it",
            severity: Severity::High,
            says: &[
                "It is rated as listening little to Fin (listening 0/5)",
                "so Fin tells without being heard",
            ],
            never_says: &["explains little"],
            advises: "Run a listening session: It visits Fin",
        },
        Case {
            name: "a raw-weight imbalance blames nobody",
            map: Map {
                units: vec![unit("a:b"), unit("b:b")],
                links: vec![Link::weighted("a", "b", 5.0), Link::weighted("b", "a", 1.0)],
                ..Map::default()
            },
            key: "one_way_relationship:a,b",
            severity: Severity::Medium,
            says: &["A → B is rated 5, but B → A only 1: little comes back the other way."],
            never_says: &["without being heard", "explains little", "listens little"],
            advises: "Meet once to ask what B and A need from each other",
        },
        Case {
            name: "departments with none and departments missing roles, in one finding",
            map: {
                let mut m = map(
                    &["fin:b", "hr:b", "ops:b", "it:i"],
                    &[
                        "fin>it=3", "it>fin=3", "hr>it=3", "it>hr=3", "ops>it=3", "it>ops=3",
                    ],
                );
                m.ambassadors.push(Ambassador {
                    id: "a".into(),
                    name: "A".into(),
                    unit: "fin".into(),
                    role: AmbassadorRole::Driver,
                });
                m
            },
            key: "ambassador_gap:organisation",
            severity: Severity::High,
            says: &[
                "2 of 3 departments have no IT ambassador: Hr and Ops.",
                "Fin's ambassadors include no strategist or innovator.",
            ],
            never_says: &[],
            advises: "Name one ambassador in Hr",
        },
        Case {
            // IT carries a fifth of the shortest paths (21 %: c ↔ f go
            // through IT or through X), enough to flag, far from "most".
            name: "a bottleneck on a fifth of the paths is not most of the communication",
            map: map(
                &["a:b", "b:b", "c:b", "d:b", "e:b", "f:b", "x:b", "it:i"],
                &[
                    "a>b=3", "b>a=3", "b>c=3", "c>b=3", "a>c=3", "c>a=3", "d>e=3", "e>d=3",
                    "e>f=3", "f>e=3", "d>f=3", "f>d=3", "it>c=3", "c>it=3", "it>f=3", "f>it=3",
                    "c>x=3", "x>c=3", "x>f=3", "f>x=3",
                ],
            ),
            key: "tech_bottleneck:it",
            severity: Severity::Medium,
            says: &["It sits on 21% of the shortest paths between other units"],
            never_says: &["much of the organisation's communication"],
            advises: "",
        },
    ]
}

#[test]
fn each_rule_finds_what_it_should() {
    for case in cases() {
        let found = findings(&case.map);
        let keys: Vec<&str> = found.iter().map(|f| f.key.as_str()).collect();
        let Some(f) = found.iter().find(|f| f.key == case.key) else {
            panic!("{}: no finding {} among {keys:?}", case.name, case.key);
        };
        assert_eq!(f.severity, case.severity, "{}: {f:?}", case.name);
        for words in case.says {
            assert!(
                f.message.contains(words),
                "{}: {:?} should say {words:?}",
                case.name,
                f.message
            );
        }
        for words in case.never_says {
            assert!(
                !f.message.contains(words),
                "{}: {:?} should not say {words:?}",
                case.name,
                f.message
            );
        }
        assert!(
            f.recommendation.contains(case.advises) && !f.recommendation.is_empty(),
            "{}: {:?} should advise {:?}",
            case.name,
            f.recommendation,
            case.advises
        );
        for id in &f.units {
            assert!(
                case.map.unit(id).is_some(),
                "{}: finding names unknown unit {id}",
                case.name
            );
        }
    }
}

/// Doing the right thing never looks like getting worse: naming ambassadors
/// in departments that had none never raises the number of findings.
#[test]
fn naming_ambassadors_never_adds_findings() {
    let mut m = map(
        &["fin:b", "hr:b", "ops:b", "it:i"],
        &[
            "fin>it=3", "it>fin=3", "hr>it=3", "it>hr=3", "ops>it=3", "it>ops=3",
        ],
    );
    let mut counts = vec![findings(&m).len()];
    for (i, (unit, role)) in [
        ("fin", AmbassadorRole::Driver),
        ("hr", AmbassadorRole::Strategist),
        ("fin", AmbassadorRole::Innovator),
        ("ops", AmbassadorRole::Driver),
        ("fin", AmbassadorRole::Strategist),
    ]
    .into_iter()
    .enumerate()
    {
        m.ambassadors.push(Ambassador {
            id: format!("a{i}"),
            name: format!("Ambassador {i}"),
            unit: unit.into(),
            role,
        });
        counts.push(findings(&m).len());
    }
    assert!(
        counts.windows(2).all(|w| w[1] <= w[0]),
        "findings after each ambassador: {counts:?}"
    );
}

#[test]
fn an_empty_map_has_no_findings() {
    assert!(findings(&Map::default()).is_empty());
}

#[test]
fn a_balanced_map_has_no_relationship_or_silo_findings() {
    let m = map(
        &["a:b:X", "b:b:Y", "it:i:T"],
        &["a>b=3", "b>a=3", "a>it=4", "it>a=4", "b>it=4", "it>b=4"],
    );
    let found = findings(&m);
    let kinds: Vec<FindingKind> = found.iter().map(|f| f.kind).collect();
    for kind in [
        FindingKind::OneWayRelationship,
        FindingKind::SiloGroup,
        FindingKind::NoTechTie,
        FindingKind::LowReciprocity,
        FindingKind::IsolatedUnit,
        FindingKind::DisconnectedMap,
    ] {
        assert!(!kinds.contains(&kind), "unexpected {kind:?} in {found:#?}");
    }
}

#[test]
fn findings_are_ranked_by_severity_and_stable() {
    let demo = demo_map();
    let first = analyze(&demo).findings;
    assert_eq!(first, analyze(&demo).findings);
    assert!(
        first.windows(2).all(|w| w[0].severity <= w[1].severity),
        "not ranked: {first:#?}"
    );
    let keys: std::collections::HashSet<&str> = first.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys.len(), first.len(), "finding keys must be unique");
}

#[test]
fn the_demo_map_shows_what_it_was_built_to_show() {
    let found = analyze(&demo_map()).findings;
    let keys: Vec<&str> = found.iter().map(|f| f.key.as_str()).collect();
    for expected in [
        "one_way_relationship:fin,it_apps",
        "one_way_relationship:ops,it_desk",
        "silo_group:ops,wh",
        "digital_in_one_silo:digital,mkt",
        "isolated_unit:legal",
        "single_point_of_failure:ops",
        "no_tech_tie:sales",
    ] {
        assert!(
            keys.contains(&expected),
            "demo map lacks {expected}; it has {keys:#?}"
        );
    }
    assert_eq!(found[0].severity, Severity::High);
    assert!(
        found.len() <= 30,
        "{} findings is too many to present",
        found.len()
    );
}
