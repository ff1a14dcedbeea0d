//! Untrusted project files: every case of the hostile corpus
//! (`tests/fixtures/store/hostile`, read by `corpus.rs`) is refused by
//! `store::open` with its fault and message, or opens if it is tolerated;
//! never a panic, never a change to the file or a file beside it. Also: the
//! deadline stops a read, what a save refuses an open refuses and the other
//! way round, and the corpus covers every class of the issue.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use recimap_core::Document;
use recimap_core::model::{Answer, Link, Unit, UnitKind};
use recimap_store::untrusted::Deadline;
use recimap_store::{self as store, Fault, StoreError, bounds};

use crate::corpus::{self, Expect};

/// Far above the two seconds a refusal may take: only there to fail instead
/// of hanging (the timings themselves are measured in BENCHMARKS.md).
const GUARD: Duration = Duration::from_secs(10);

/// Whether `result` is what `expect` says.
fn matches(expect: Expect, result: &Result<Document, StoreError>) -> bool {
    match (expect, result) {
        (Expect::Opens, Ok(_)) => true,
        (Expect::TooNew, Err(StoreError::TooNew { .. })) => true,
        (Expect::Hostile, Err(StoreError::Corrupt { fault, .. })) => *fault == Fault::Hostile,
        (Expect::Invalid, Err(StoreError::Corrupt { fault, .. })) => *fault == Fault::Invalid,
        (Expect::Damaged, Err(StoreError::Corrupt { fault, .. })) => *fault == Fault::Damaged,
        _ => false,
    }
}

#[test]
fn every_hostile_file_is_refused_with_its_reason_and_left_alone() {
    let fixtures = crate::fixtures();
    let cases = corpus::cases(&fixtures);
    let mut failures = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for case in &cases {
        let dir = tempfile::tempdir().unwrap();
        let path = corpus::make(case, &fixtures, dir.path());
        let before = std::fs::read(&path).unwrap();
        let neighbours = corpus::neighbours(&path);
        let started = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| store::open(&path)));
        let took = started.elapsed();
        if took > slowest.0 {
            slowest = (took, case.name.clone());
        }
        let Ok(result) = result else {
            failures.push(format!("{}: panicked", case.name));
            continue;
        };
        let message = match &result {
            Ok(_) => String::new(),
            Err(e) => e.to_string(),
        };
        if !matches(case.expect, &result) {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                case.name,
                case.expect,
                result.as_ref().map(|_| "a document")
            ));
        }
        for word in &case.words {
            if !message.contains(word.as_str()) {
                failures.push(format!("{}: '{word}' not in: {message}", case.name));
            }
        }
        if let Ok(doc) = &result
            && case.base == corpus::Base::Current
            && *doc != corpus::base_document()
        {
            failures.push(format!("{}: opened to another document", case.name));
        }
        if std::fs::read(&path).unwrap() != before {
            failures.push(format!("{}: the file changed", case.name));
        }
        if corpus::neighbours(&path) != neighbours {
            failures.push(format!(
                "{}: files appeared beside it: {:?}",
                case.name,
                corpus::neighbours(&path)
            ));
        }
        if took > GUARD {
            failures.push(format!("{}: took {took:?}", case.name));
        }
    }
    eprintln!(
        "{} hostile files; the slowest answer took {:?} ({})",
        cases.len(),
        slowest.0,
        slowest.1
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every class of hostile file the issue names has at least one case, and
/// every case is a class: the corpus cannot quietly shrink.
#[test]
fn the_corpus_covers_every_class() {
    let cases = corpus::cases(&crate::fixtures());
    let names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    for needed in [
        "hanging-view",
        "trigger",
        "extra-index",
        "column-type",
        "missing-column",
        "extra-table",
        "rating-out-of-range",
        "rating-wrong-type",
        "weight-infinite",
        "name-too-long",
        "notes-too-long",
        "snapshot-deep-json",
        "snapshot-huge-json",
        "snapshot-link-missing-unit",
        "duplicate-ids-dropped-key",
        "duplicate-ids-key-restored",
        "v1-trigger",
        "v1-rating-out-of-range",
    ] {
        assert!(names.contains(&needed), "no case {needed}");
    }
    for expect in [
        Expect::Hostile,
        Expect::Invalid,
        Expect::Damaged,
        Expect::TooNew,
        Expect::Opens,
    ] {
        assert!(cases.iter().any(|c| c.expect == expect), "{expect:?}");
    }
}

/// The deadline is wired to every step of an open: with no time at all, even
/// a good file is refused, as too slow — never a hang, never a half-read map.
#[test]
fn the_deadline_stops_a_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("good.recimap");
    store::save(&path, &corpus::base_document()).unwrap();
    let err = store::open_within(&path, Deadline::within(Duration::ZERO, 1))
        .expect_err("no time, no document");
    match &err {
        StoreError::Corrupt {
            fault: Fault::Hostile,
            detail,
            ..
        } => assert!(detail.contains("did not finish within 0.0 s"), "{detail}"),
        other => panic!("{other:?}"),
    }
    // With the time a file of its size gets, it opens.
    assert_eq!(store::open(&path).unwrap(), corpus::base_document());
}

/// A version-1 file that is migrated still gets the deadline: with none, it
/// is refused and neither changed nor copied.
#[test]
fn the_deadline_holds_during_a_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.recimap");
    std::fs::copy(crate::fixtures().join("store/v1.recimap"), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = store::open_within(&path, Deadline::within(Duration::ZERO, 1)).unwrap_err();
    assert!(err.to_string().contains("did not finish"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(corpus::neighbours(&path), Vec::<String>::new());
}

/// The bounds refuse a save as they refuse an open, so Recimap never writes
/// a file it will not open; a map right at the bounds saves and opens.
#[test]
fn what_an_open_refuses_a_save_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bounds.recimap");
    let mut doc = corpus::base_document();
    doc.map.units[0].name = "N".repeat(bounds::MAX_SHORT_TEXT);
    doc.map.links[0].notes = "x".repeat(bounds::MAX_LONG_TEXT);
    doc.map.questionnaire = (0..bounds::MAX_ANSWERS)
        .map(|i| Answer {
            question: format!("q{i}"),
            answer: "a".into(),
        })
        .collect();
    store::save(&path, &doc).unwrap();
    assert_eq!(store::open(&path).unwrap(), doc);

    type Edit = Box<dyn Fn(&mut Document)>;
    let cases: Vec<(&str, Edit)> = vec![
        (
            "name is 1001 characters long, the limit is 1000",
            Box::new(|d| d.map.units[0].name.push('N')),
        ),
        (
            "notes is 100001 characters long, the limit is 100000",
            Box::new(|d| d.map.links[0].notes.push('x')),
        ),
        (
            "it has 1001 questionnaire answers; a project file holds at most 1000",
            Box::new(|d| {
                d.map.questionnaire.push(Answer {
                    question: "q".into(),
                    answer: "a".into(),
                })
            }),
        ),
        (
            "snapshot 'before workshop': unit 'exec': name is 1001 characters long",
            Box::new(|d| d.snapshots[0].map.units[0].name = "N".repeat(1001)),
        ),
    ];
    let before = std::fs::read(&path).unwrap();
    for (expected, edit) in cases {
        let mut d = doc.clone();
        edit(&mut d);
        let err = store::save(&path, &d).unwrap_err();
        assert!(matches!(err, StoreError::Unsaveable { .. }), "{err}");
        assert!(err.to_string().contains(expected), "{expected}: {err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}

/// An unfinished map (a unit without a name yet, a self-link) is not a
/// hostile one: it saves and opens, as before.
#[test]
fn an_unfinished_map_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.recimap");
    let mut doc = corpus::base_document();
    doc.map.units.push(Unit::new("new", "", UnitKind::Business));
    doc.map.links.push(Link::new("new", "new"));
    store::save(&path, &doc).unwrap();
    assert_eq!(store::open(&path).unwrap(), doc);
}

/// Writes every case of the corpus into `fuzz/corpus/project_file`, the
/// fuzzer's seeds (not checked in: together they are megabytes), each behind
/// the fuzz target's first byte: 1 (a valid header forced, version 2) or 3
/// (version 1). Run with
/// `cargo test -p recimap-store --test it -- --ignored write_fuzz_seeds`.
#[test]
#[ignore = "writes the fuzzer's seed corpus"]
fn write_fuzz_seeds() {
    let fixtures = crate::fixtures();
    let out = fixtures.join("../../fuzz/corpus/project_file");
    std::fs::create_dir_all(&out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let seed = |name: &str, file: &std::path::Path, version: u32| {
        let mut bytes = vec![if version == 1 { 3u8 } else { 1 }];
        bytes.extend(std::fs::read(file).unwrap());
        std::fs::write(out.join(name), bytes).unwrap();
    };
    for case in corpus::cases(&fixtures) {
        let path = corpus::make(&case, &fixtures, dir.path());
        if std::fs::metadata(&path).unwrap().len() < 1 << 20 {
            let version = if case.base == corpus::Base::V1 { 1 } else { 2 };
            seed(&case.name, &path, version);
        }
    }
    let demo = dir.path().join("demo.recimap");
    store::save(&demo, &Document::new(recimap_core::demo::demo_map())).unwrap();
    seed("demo", &demo, 2);
    let empty = dir.path().join("empty.recimap");
    store::save(&empty, &Document::default()).unwrap();
    seed("empty", &empty, 2);
    seed("v1", &fixtures.join("store/v1.recimap"), 1);
}
