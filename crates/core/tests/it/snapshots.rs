//! Snapshots of a document (take, find, restore) and the comparison of two
//! maps: which relationships and scores got better or worse.

use recimap_core::compare::{DirectionStatus, Subject, Trend, Verdict, compare};
use recimap_core::model::{Map, UnitId};
use recimap_core::{Document, MapState};

use crate::fixture_map;

/// Three units; IT → Finance rated 1 on the why (tests/fixtures/compare).
fn before() -> Map {
    fixture_map("compare/before.json")
}

/// The same map after a workshop: IT → Finance at 3, IT ↔ Operations gone,
/// HR added and tied to IT.
fn after() -> Map {
    fixture_map("compare/after.json")
}

fn id(s: &str) -> UnitId {
    UnitId::new(s)
}

#[test]
fn compare_reports_directions_relationships_and_units() {
    let c = compare(&before(), &after());
    #[allow(clippy::type_complexity)]
    let dirs: Vec<(
        &str,
        &str,
        DirectionStatus,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Trend,
    )> = c
        .directions
        .iter()
        .map(|d| {
            (
                d.source.as_str(),
                d.target.as_str(),
                d.status,
                d.before,
                d.after,
                d.delta,
                d.trend,
            )
        })
        .collect();
    use DirectionStatus::*;
    use Trend::*;
    assert_eq!(
        dirs,
        [
            (
                "fin",
                "it",
                Unchanged,
                Some(4.0),
                Some(4.0),
                Some(0.0),
                Same
            ),
            (
                "it",
                "fin",
                Changed,
                Some(1.0),
                Some(3.0),
                Some(2.0),
                Stronger
            ),
            ("hr", "it", Added, None, Some(2.0), None, New),
            ("it", "hr", Added, None, Some(2.0), None, New),
            ("ops", "it", Removed, Some(3.0), None, None, Gone),
        ]
    );
    // The other way round, IT's answer to Finance got weaker.
    let back = compare(&after(), &before());
    let it_fin = back
        .directions
        .iter()
        .find(|d| d.source.as_str() == "it" && d.target.as_str() == "fin")
        .unwrap();
    assert_eq!((it_fin.delta, it_fin.trend), (Some(-2.0), Weaker));
    assert_eq!(c.relationships_added, [(id("hr"), id("it"))]);
    assert_eq!(c.relationships_removed, [(id("it"), id("ops"))]);
    assert_eq!(c.units_added, [id("hr")]);
    assert!(c.units_removed.is_empty());

    // Weighted reciprocity Σ min(w_ij, w_ji) / Σ w_ij, by hand:
    // before 2·min(4,1) / (4+1+3) = 2/8; after (2·3 + 2·2) / (4+3+2+2) = 10/11.
    let wr = c
        .organisation
        .iter()
        .find(|f| f.name == "weighted_reciprocity")
        .unwrap();
    assert!((wr.before.unwrap() - 0.25).abs() < 1e-12);
    assert!((wr.after.unwrap() - 10.0 / 11.0).abs() < 1e-12);
    assert_eq!(wr.verdict, Verdict::Better);
    let wr_back = back
        .organisation
        .iter()
        .find(|f| f.name == "weighted_reciprocity");
    assert_eq!(
        wr_back.map(|f| f.verdict),
        Some(Verdict::Worse),
        "and worse the other way round"
    );

    let better: Vec<(&Subject, &str)> = c
        .better
        .iter()
        .map(|x| (&x.subject, x.figure.as_str()))
        .collect();
    assert!(better.contains(&(&Subject::Organisation, "weighted_reciprocity")));
    assert!(better.contains(&(
        &Subject::Direction {
            source: id("it"),
            target: id("fin")
        },
        "strength"
    )));
    assert!(better.contains(&(
        &Subject::Relationship {
            a: id("fin"),
            b: id("it")
        },
        "balance"
    )));
    assert!(better.contains(&(
        &Subject::Relationship {
            a: id("hr"),
            b: id("it")
        },
        "relationship"
    )));
    let worse: Vec<(&Subject, &str)> = c
        .worse
        .iter()
        .map(|x| (&x.subject, x.figure.as_str()))
        .collect();
    assert!(worse.contains(&(
        &Subject::Relationship {
            a: id("it"),
            b: id("ops")
        },
        "relationship"
    )));
    // Finance's tie to IT is balanced better: 1/4 → 3/4.
    let balance = c.better.iter().find(|x| x.figure == "balance").unwrap();
    assert_eq!((balance.before, balance.after), (Some(0.25), Some(0.75)));
    assert_eq!(balance.message, "Finance ↔ IT: balance 0.25 → 0.75");
    // Nothing is both better and worse, and the organisation comes first.
    assert_eq!(c.better[0].subject, Subject::Organisation);
}

#[test]
fn comparing_a_map_with_itself_finds_no_change() {
    let m = recimap_core::demo::demo_map();
    let c = compare(&m, &m);
    assert!(c.better.is_empty() && c.worse.is_empty());
    assert!(c.relationships_added.is_empty() && c.relationships_removed.is_empty());
    assert!(
        c.directions
            .iter()
            .all(|d| d.status == DirectionStatus::Unchanged)
    );
    // Reversed, better and worse swap.
    let (ab, ba) = (compare(&before(), &after()), compare(&after(), &before()));
    assert_eq!(ab.better.len(), ba.worse.len());
    assert_eq!(ab.worse.len(), ba.better.len());
}

#[test]
fn snapshots_are_kept_listed_found_and_restored() {
    let mut doc = Document::new(before());
    doc.add_snapshot("before workshop", "2026-03-01T09:00:00Z")
        .unwrap();
    doc.map = after();
    doc.add_snapshot("after workshop", "2026-03-01T17:00:00Z")
        .unwrap();
    let find = |wanted: &str| doc.map_at(doc.find_state(wanted).unwrap()).unwrap();
    assert_eq!(find("1"), &before());
    assert_eq!(find("After Workshop"), &after());
    assert_eq!(find("current"), &after());
    assert_eq!(doc.find_state(" CURRENT "), Ok(MapState::Current));
    let err = doc.find_state("march").unwrap_err();
    assert_eq!(
        err.to_string(),
        "no snapshot 'march' in this file — it has: 1 'before workshop', 2 'after workshop'"
    );
    doc.map.title = "edited since".into();
    let safety = doc.restore_snapshot(1, "2026-03-02T08:00:00Z").unwrap();
    assert_eq!(doc.map, before());
    assert_eq!(safety, 3);
    let kept = doc.snapshot(3).unwrap();
    assert_eq!(kept.label, "before restoring 'before workshop'");
    assert_eq!(kept.map.title, "edited since");
}

/// A change too small to matter (balance 0.938 → 0.933) is not judged worse,
/// nor better: it is below `NOTICEABLE`. A change of one hundredth is.
#[test]
fn a_change_below_a_hundredth_is_not_judged() {
    use recimap_core::compare::NOTICEABLE;
    use recimap_core::model::{Link, Unit, UnitKind};
    let pair = |back: f64| Map {
        units: vec![
            Unit::new("a", "A", UnitKind::Business),
            Unit::new("b", "B", UnitKind::It),
        ],
        links: vec![
            Link::weighted("a", "b", 1.0),
            Link::weighted("b", "a", back),
        ],
        ..Map::default()
    };
    let tiny = compare(&pair(0.938), &pair(0.933));
    assert!(tiny.worse.is_empty() && tiny.better.is_empty(), "{tiny:#?}");
    let real = compare(&pair(0.94), &pair(0.94 - NOTICEABLE - 1e-6));
    assert!(
        real.worse
            .iter()
            .any(|c| c.message == "A ↔ B: balance 0.94 → 0.93"),
        "{:#?}",
        real.worse
    );
}
