//! Tests of the edit operations, their undo and redo, and the history.

use std::time::{Duration, Instant};

use super::*;
use crate::model::{AmbassadorRole, Answer, Ratings, UnitKind};

/// [`History::apply`] now.
trait ApplyNow {
    fn apply_now(&mut self, map: &Map, edit: Edit) -> Result<Map, EditError>;
}

impl ApplyNow for History {
    fn apply_now(&mut self, map: &Map, edit: Edit) -> Result<Map, EditError> {
        self.apply(map, edit, Instant::now())
    }
}

fn id(s: &str) -> UnitId {
    UnitId::from(s)
}

fn rated(source: &str, target: &str, r: u8) -> Link {
    Link {
        ratings: Ratings {
            frequency: Some(r),
            why: Some(r),
            listening: None,
            trust: None,
        },
        ..Link::new(source, target)
    }
}

/// Finance, IT and Sales; fin ⇄ it, sales → it, one ambassador in Finance.
fn base() -> Map {
    let mut fin = Unit::new("fin", "Finance", UnitKind::Business);
    fin.position = Some(Position { x: 0.0, y: 0.0 });
    Map {
        title: "Test".into(),
        units: vec![
            fin,
            Unit::new("it", "IT", UnitKind::It),
            Unit::new("sales", "Sales", UnitKind::Business),
        ],
        links: vec![
            rated("fin", "it", 4),
            rated("it", "fin", 1),
            rated("sales", "it", 3),
        ],
        ambassadors: vec![Ambassador {
            id: "a1".into(),
            name: "Ann".into(),
            unit: id("fin"),
            role: AmbassadorRole::Driver,
        }],
        questionnaire: vec![Answer {
            question: "strategy".into(),
            answer: "No".into(),
        }],
        hidden_findings: vec!["k1".into()],
        ..Map::default()
    }
}

fn pos(x: f64, y: f64) -> Position {
    Position { x, y }
}

fn mv(unit: &str, x: f64, y: f64) -> Edit {
    Edit::MoveUnits {
        moves: vec![UnitMove {
            id: id(unit),
            position: pos(x, y),
        }],
    }
}

/// Every operation: the edit, and the map it must produce from [`base`].
fn cases() -> Vec<(Edit, Map)> {
    let b = base();
    let with = |f: &dyn Fn(&mut Map)| {
        let mut m = base();
        f(&mut m);
        m
    };
    let mut renamed = b.units[0].clone();
    renamed.name = "Finance & Control".into();
    renamed.kind = UnitKind::External;
    renamed.group = Some("Back office".into());
    renamed.headcount = Some(12);
    renamed.lead = Some("Kim".into());
    renamed.notes = "n".into();
    renamed.colour = Some("#ff0000".into());
    renamed.position = Some(pos(99.0, 99.0)); // ignored: update keeps the position
    let hr = Unit::new("hr", "HR", UnitKind::Business);
    let bob = Ambassador {
        id: "a2".into(),
        name: "Bob".into(),
        unit: id("sales"),
        role: AmbassadorRole::Innovator,
    };
    let weights = DimensionWeights {
        listening: 3.0,
        ..DimensionWeights::default()
    };
    vec![
        (
            Edit::AddUnit { unit: hr.clone() },
            with(&|m| m.units.push(hr.clone())),
        ),
        (
            Edit::UpdateUnit {
                unit: renamed.clone(),
            },
            with(&|m| {
                m.units[0] = Unit {
                    position: Some(pos(0.0, 0.0)),
                    ..renamed.clone()
                }
            }),
        ),
        (
            Edit::DeleteUnit { id: id("fin") },
            with(&|m| {
                m.units.remove(0);
                m.links = vec![rated("sales", "it", 3)];
                m.ambassadors.clear();
            }),
        ),
        (
            Edit::MoveUnits {
                moves: vec![
                    UnitMove {
                        id: id("fin"),
                        position: pos(10.0, -5.5),
                    },
                    UnitMove {
                        id: id("it"),
                        position: pos(3.0, 4.0),
                    },
                ],
            },
            with(&|m| {
                m.units[0].position = Some(pos(10.0, -5.5));
                m.units[1].position = Some(pos(3.0, 4.0));
            }),
        ),
        (
            Edit::SetLink {
                link: rated("it", "sales", 2),
            },
            with(&|m| m.links.push(rated("it", "sales", 2))),
        ),
        (
            Edit::SetLink {
                link: rated("it", "fin", 5),
            },
            with(&|m| m.links[1] = rated("it", "fin", 5)),
        ),
        (
            Edit::DeleteLink {
                source: id("fin"),
                target: id("it"),
            },
            with(&|m| {
                m.links.remove(0);
            }),
        ),
        (
            Edit::SetMapInfo {
                title: "Northwind".into(),
                organisation: "Northwind Ltd".into(),
                notes: "Workshop 1".into(),
                maturity: Some(MaturityStage::IntegratedMedia),
            },
            with(&|m| {
                m.title = "Northwind".into();
                m.organisation = "Northwind Ltd".into();
                m.notes = "Workshop 1".into();
                m.maturity = Some(MaturityStage::IntegratedMedia);
            }),
        ),
        (
            Edit::SetAnswer {
                question: "speed".into(),
                answer: "Too slow".into(),
            },
            with(&|m| {
                m.questionnaire.push(Answer {
                    question: "speed".into(),
                    answer: "Too slow".into(),
                })
            }),
        ),
        (
            Edit::SetAnswer {
                question: "strategy".into(),
                answer: "Yes, since 2024".into(),
            },
            with(&|m| m.questionnaire[0].answer = "Yes, since 2024".into()),
        ),
        (
            Edit::SetAnswer {
                question: "strategy".into(),
                answer: "  ".into(),
            },
            with(&|m| m.questionnaire.clear()),
        ),
        (
            Edit::AddAmbassador {
                ambassador: bob.clone(),
            },
            with(&|m| m.ambassadors.push(bob.clone())),
        ),
        (
            Edit::RemoveAmbassador { id: "a1".into() },
            with(&|m| m.ambassadors.clear()),
        ),
        (
            Edit::SetDimensionWeights { weights },
            with(&|m| m.dimension_weights = weights),
        ),
        (
            Edit::SetFindingHidden {
                key: "k2".into(),
                hidden: true,
            },
            with(&|m| m.hidden_findings.push("k2".into())),
        ),
        (
            Edit::SetFindingHidden {
                key: "k1".into(),
                hidden: true,
            },
            base(),
        ),
        (
            Edit::SetFindingHidden {
                key: "k1".into(),
                hidden: false,
            },
            with(&|m| m.hidden_findings.clear()),
        ),
    ]
}

#[test]
fn every_op_gives_the_expected_map_and_undoes_and_redoes_exactly() {
    for (edit, expected) in cases() {
        let before = base();
        let mut history = History::new();
        let after = history.apply_now(&before, edit.clone()).unwrap();
        assert_eq!(after, expected, "{edit:?}");
        assert_eq!(before, base(), "apply must not change its input");
        assert!(history.can_undo() && !history.can_redo());
        let undone = history.undo(&after).unwrap();
        assert_eq!(undone, before, "undo of {edit:?}");
        assert_eq!(history.revision(), 0);
        let redone = history.redo(&undone).unwrap();
        assert_eq!(redone, expected, "redo of {edit:?}");
        assert_eq!(apply(&before, &edit).unwrap(), expected);
    }
}

#[test]
fn a_sequence_of_edits_undoes_back_to_the_start() {
    let mut history = History::new();
    let mut map = base();
    let mut states = vec![map.clone()];
    for (edit, _) in cases() {
        // Each case is written against `base`; some no longer apply later
        // in the sequence (e.g. the unit was deleted) and must be refused.
        if let Ok(next) = history.apply_now(&map, edit) {
            map = next;
            states.push(map.clone());
        }
    }
    assert!(states.len() > 10, "most edits apply in sequence");
    while let Some(previous) = history.undo(&map) {
        states.pop();
        map = previous;
        assert_eq!(&map, states.last().unwrap());
    }
    assert_eq!(map, base());
}

#[test]
fn invalid_edits_are_refused_with_a_clear_error() {
    let fin = base().units[0].clone();
    let cases: Vec<(Edit, &str, &str)> = vec![
        (
            Edit::AddUnit { unit: fin.clone() },
            "bad_edit",
            "a unit with id 'fin' is already on the map",
        ),
        (
            Edit::AddUnit {
                unit: Unit::new("hr", " ", UnitKind::Business),
            },
            "invalid_map",
            "unit 'hr' has an empty name",
        ),
        (
            Edit::AddUnit {
                unit: Unit::new("", "HR", UnitKind::Business),
            },
            "invalid_map",
            "empty id",
        ),
        (
            Edit::UpdateUnit {
                unit: Unit::new("nope", "Nope", UnitKind::Business),
            },
            "bad_edit",
            "no unit 'nope'",
        ),
        (
            Edit::UpdateUnit {
                unit: Unit {
                    name: String::new(),
                    ..fin
                },
            },
            "invalid_map",
            "unit 'fin' has an empty name",
        ),
        (
            Edit::DeleteUnit { id: id("nope") },
            "bad_edit",
            "no unit 'nope'",
        ),
        (mv("nope", 1.0, 1.0), "bad_edit", "no unit 'nope'"),
        (mv("fin", f64::NAN, 1.0), "bad_edit", "not a finite number"),
        (
            Edit::SetLink {
                link: Link::new("fin", "fin"),
            },
            "invalid_map",
            "points at its own unit",
        ),
        (
            Edit::SetLink {
                link: Link::new("fin", "hr"),
            },
            "invalid_map",
            "'hr', which is not on the map",
        ),
        (
            Edit::SetLink {
                link: rated("fin", "sales", 6),
            },
            "invalid_map",
            "rated 6",
        ),
        (
            Edit::SetLink {
                link: Link::weighted("fin", "sales", -1.0),
            },
            "invalid_map",
            "weight -1",
        ),
        (
            Edit::DeleteLink {
                source: id("it"),
                target: id("sales"),
            },
            "bad_edit",
            "no link it → sales",
        ),
        (
            Edit::SetAnswer {
                question: " ".into(),
                answer: "x".into(),
            },
            "bad_edit",
            "needs a question key",
        ),
        (
            Edit::AddAmbassador {
                ambassador: Ambassador {
                    id: "a1".into(),
                    name: "Again".into(),
                    unit: id("it"),
                    role: AmbassadorRole::Strategist,
                },
            },
            "invalid_map",
            "ambassador id 'a1' is used twice",
        ),
        (
            Edit::AddAmbassador {
                ambassador: Ambassador {
                    id: "a9".into(),
                    name: "Ghost".into(),
                    unit: id("nope"),
                    role: AmbassadorRole::Strategist,
                },
            },
            "bad_edit",
            "no unit 'nope'",
        ),
        (
            Edit::RemoveAmbassador { id: "a9".into() },
            "bad_edit",
            "no ambassador 'a9'",
        ),
        (
            Edit::SetDimensionWeights {
                weights: DimensionWeights {
                    trust: f64::INFINITY,
                    ..DimensionWeights::default()
                },
            },
            "invalid_map",
            "dimension trust",
        ),
    ];
    for (edit, code, message) in cases {
        let mut history = History::new();
        let err = history.apply_now(&base(), edit.clone()).unwrap_err();
        let invalid = matches!(err, EditError::Invalid(_));
        assert_eq!(invalid, code == "invalid_map", "{edit:?}: {err:?}");
        assert!(
            err.to_string().contains(message),
            "{edit:?}: {err} should contain {message:?}"
        );
        assert!(!history.can_undo(), "a refused edit is not recorded");
        assert_eq!(history.revision(), 0);
    }
}

#[test]
fn an_edit_may_leave_an_existing_problem_but_not_add_one() {
    // A map read from an older file with a self-link still takes unrelated edits.
    let mut broken = base();
    broken.links.push(Link::new("it", "it"));
    let renamed = apply(
        &broken,
        &Edit::SetMapInfo {
            title: "Renamed".into(),
            organisation: String::new(),
            notes: String::new(),
            maturity: None,
        },
    )
    .unwrap();
    assert_eq!(renamed.title, "Renamed");
    let err = apply(
        &broken,
        &Edit::SetLink {
            link: Link::new("sales", "sales"),
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("sales → sales"), "{err}");
}

#[test]
fn moves_of_the_same_units_close_in_time_undo_as_one_step() {
    let t0 = Instant::now();
    let later = |ms: u64| t0 + Duration::from_millis(ms);
    // (moves with their times, number of undo steps, where fin ends after one undo)
    type Case = (Vec<(Edit, u64)>, usize, Option<Position>);
    let cases: Vec<Case> = vec![
        (
            vec![
                (mv("fin", 1.0, 1.0), 0),
                (mv("fin", 2.0, 2.0), 100),
                (mv("fin", 3.0, 3.0), 200),
            ],
            1,
            Some(pos(0.0, 0.0)),
        ),
        (
            vec![(mv("fin", 1.0, 1.0), 0), (mv("fin", 2.0, 2.0), 5_000)],
            2,
            Some(pos(1.0, 1.0)),
        ),
        (
            vec![(mv("fin", 1.0, 1.0), 0), (mv("it", 2.0, 2.0), 100)],
            2,
            Some(pos(1.0, 1.0)),
        ),
    ];
    for (moves, steps, fin_after_one_undo) in cases {
        let mut history = History::new();
        let mut map = base();
        for (edit, ms) in &moves {
            map = history.apply(&map, edit.clone(), later(*ms)).unwrap();
        }
        let once = history.undo(&map).unwrap();
        assert_eq!(once.units[0].position, fin_after_one_undo, "{moves:?}");
        let mut count = 1;
        let mut m = once;
        while let Some(prev) = history.undo(&m) {
            m = prev;
            count += 1;
        }
        assert_eq!(count, steps, "{moves:?}");
        assert_eq!(m, base());
    }
}

#[test]
fn history_keeps_at_most_cap_steps() {
    let mut history = History::new();
    let mut map = base();
    let total = History::CAP + 50;
    for i in 0..total {
        map = history
            .apply_now(
                &map,
                Edit::SetMapInfo {
                    title: format!("v{i}"),
                    organisation: String::new(),
                    notes: String::new(),
                    maturity: None,
                },
            )
            .unwrap();
    }
    let mut undone = 0;
    while let Some(prev) = history.undo(&map) {
        map = prev;
        undone += 1;
    }
    assert_eq!(undone, History::CAP);
    assert_eq!(map.title, format!("v{}", total - History::CAP - 1));
}

#[test]
fn revisions_tell_whether_the_map_is_back_where_it_was() {
    let mut history = History::new();
    let m0 = base();
    let saved = history.revision();
    let m1 = history.apply_now(&m0, mv("fin", 5.0, 5.0)).unwrap();
    assert_ne!(history.revision(), saved);
    let back = history.undo(&m1).unwrap();
    assert_eq!(history.revision(), saved);
    // A new edit after an undo drops the redo list and gets a new revision.
    let m2 = history
        .apply_now(
            &back,
            Edit::DeleteLink {
                source: id("sales"),
                target: id("it"),
            },
        )
        .unwrap();
    assert!(!history.can_redo());
    assert_ne!(history.revision(), saved);
    assert_eq!(
        history.undo_label().as_deref(),
        Some("delete link Sales → IT")
    );
    history.undo(&m2).unwrap();
    assert_eq!(history.revision(), saved);
    assert_eq!(
        history.redo_label().as_deref(),
        Some("delete link Sales → IT")
    );
}

#[test]
fn edits_read_from_the_ipc_json_shape() {
    let cases = [
        (
            r#"{"op":"add_unit","unit":{"id":"hr","name":"HR","kind":"business"}}"#,
            Edit::AddUnit {
                unit: Unit::new("hr", "HR", UnitKind::Business),
            },
        ),
        (
            r#"{"op":"move_units","moves":[{"id":"fin","position":{"x":1.5,"y":2}}]}"#,
            mv("fin", 1.5, 2.0),
        ),
        (
            r#"{"op":"delete_link","source":"fin","target":"it"}"#,
            Edit::DeleteLink {
                source: id("fin"),
                target: id("it"),
            },
        ),
        (
            r#"{"op":"set_finding_hidden","key":"k","hidden":true}"#,
            Edit::SetFindingHidden {
                key: "k".into(),
                hidden: true,
            },
        ),
    ];
    for (json, expected) in cases {
        let edit: Edit = serde_json::from_str(json).unwrap();
        assert_eq!(edit, expected);
        let back: Edit = serde_json::from_str(&serde_json::to_string(&edit).unwrap()).unwrap();
        assert_eq!(back, expected);
    }
    assert!(serde_json::from_str::<Edit>(r#"{"op":"explode"}"#).is_err());
}

#[test]
fn a_replaced_map_undoes_and_redoes_as_one_step_between_edits() {
    let mut history = History::new();
    let m0 = base();
    let m1 = history.apply_now(&m0, mv("fin", 5.0, 5.0)).unwrap();
    let mut other = base();
    other.title = "Snapshot".into();
    other.units.truncate(1);
    other.links.clear();
    other.ambassadors.clear();
    let m2 = history.replace(&m1, other.clone(), "restore snapshot 'S'");
    assert_eq!(m2, other);
    assert_eq!(
        history.undo_label().as_deref(),
        Some("restore snapshot 'S'")
    );
    let r2 = history.revision();
    // A move right after the replacement is a step of its own, not merged
    // with the move before it.
    let m3 = history.apply_now(&m2, mv("fin", 6.0, 6.0)).unwrap();

    let back2 = history.undo(&m3).unwrap();
    assert_eq!(back2, m2);
    assert_eq!(history.revision(), r2);
    let back1 = history.undo(&back2).unwrap();
    assert_eq!(back1, m1, "undo gives the replaced map back exactly");
    assert_eq!(
        history.redo_label().as_deref(),
        Some("restore snapshot 'S'")
    );
    let back0 = history.undo(&back1).unwrap();
    assert_eq!(back0, m0, "the edits before the replacement still undo");
    assert!(!history.can_undo());

    let fwd1 = history.redo(&back0).unwrap();
    assert_eq!(fwd1, m1);
    let fwd2 = history.redo(&fwd1).unwrap();
    assert_eq!(fwd2, other, "redo replaces the map again");
    assert_eq!(history.revision(), r2);
    let fwd3 = history.redo(&fwd2).unwrap();
    assert_eq!(fwd3, m3);

    // Undoing the replacement and editing drops its redo.
    let at2 = history.undo(&fwd3).unwrap();
    let at1 = history.undo(&at2).unwrap();
    history
        .apply_now(&at1, Edit::RemoveAmbassador { id: "a1".into() })
        .unwrap();
    assert!(!history.can_redo());
    assert_ne!(history.revision(), r2);
}

/// Undo labels name units by their names and say what changed.
#[test]
fn labels_name_units_and_say_what_changed() {
    let map = base();
    let renamed = Unit::new("fin", "Finance & Treasury", UnitKind::Business);
    let mut regrouped = Unit::new("sales", "Sales", UnitKind::Business);
    regrouped.group = Some("Commercial".into());
    let cases = [
        (
            Edit::UpdateUnit { unit: renamed },
            "rename unit 'Finance' to 'Finance & Treasury'",
        ),
        (
            Edit::UpdateUnit { unit: regrouped },
            "change the group of 'Sales'",
        ),
        (Edit::DeleteUnit { id: id("sales") }, "delete unit 'Sales'"),
        (mv("fin", 1.0, 2.0), "move 'Finance'"),
        (
            Edit::SetLink {
                link: rated("it", "sales", 2),
            },
            "add link IT → Sales",
        ),
        (
            Edit::SetLink {
                link: rated("fin", "it", 2),
            },
            "rate Finance → IT",
        ),
        (
            Edit::SetMapInfo {
                title: "Renamed".into(),
                organisation: String::new(),
                notes: String::new(),
                maturity: None,
            },
            "rename the map",
        ),
        (
            Edit::SetMapInfo {
                title: "Test".into(),
                organisation: String::new(),
                notes: String::new(),
                maturity: Some(MaturityStage::IntegratedMedia),
            },
            "set the maturity stage",
        ),
        (
            Edit::RemoveAmbassador { id: "a1".into() },
            "remove ambassador 'Ann'",
        ),
    ];
    for (edit, expected) in cases {
        let mut history = History::new();
        history.apply_now(&map, edit.clone()).unwrap();
        assert_eq!(history.undo_label().as_deref(), Some(expected), "{edit:?}");
    }
}
