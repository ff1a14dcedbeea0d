//! The corpus of hostile project files, `tests/fixtures/store/hostile/*.sql`
//! (its README describes the format): each case is SQL that turns a good
//! file into a damaged or hostile one, with what opening it must give.
//! Shared by the store's tests and the CLI's (`tests/cli/hostile_files.rs`
//! includes this file).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use recimap_core::Document;
use rusqlite::Connection;

/// What opening a case must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Hostile,
    Invalid,
    Damaged,
    TooNew,
    Opens,
}

/// One hostile file, as its `.sql` file describes it.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub base: Base,
    pub expect: Expect,
    /// The `ErrorPayload` code the app is to get (`-` for none).
    pub code: String,
    /// Words the message must contain.
    pub words: Vec<String>,
    /// SQL to run, one connection per step.
    pub steps: Vec<String>,
}

/// The good file a case starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// The demo map with two snapshots, saved by this build.
    Current,
    /// `tests/fixtures/store/v1.recimap`, written by the first release.
    V1,
}

/// Every case in `fixtures/store/hostile`, by name.
pub fn cases(fixtures: &Path) -> Vec<Case> {
    let dir = fixtures.join("store/hostile");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    paths.sort();
    paths.iter().map(|p| parse(p)).collect()
}

fn parse(path: &Path) -> Case {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let name = name.as_str();
    let (mut base, mut expect, mut code, mut words) = (Base::Current, None, None, Vec::new());
    let mut steps = vec![String::new()];
    for line in text.lines() {
        let header = line.strip_prefix("-- ").and_then(|l| l.split_once(": "));
        match header {
            Some(("base", "v1")) => base = Base::V1,
            Some(("base", "v2")) => base = Base::Current,
            Some(("fault", f)) => {
                expect = Some(match f {
                    "hostile" => Expect::Hostile,
                    "invalid" => Expect::Invalid,
                    "damaged" => Expect::Damaged,
                    "too_new" => Expect::TooNew,
                    "opens" => Expect::Opens,
                    other => panic!("{name}: unknown fault {other}"),
                })
            }
            Some(("code", c)) => code = Some(c.to_owned()),
            Some(("expect", "-")) => {}
            Some(("expect", w)) => words.push(w.to_owned()),
            _ if line.trim() == "-- reconnect" => steps.push(String::new()),
            _ => {
                let step = steps.last_mut().unwrap();
                step.push_str(line);
                step.push('\n');
            }
        }
    }
    let expect = expect.unwrap_or_else(|| panic!("{name}: no '-- fault:' line"));
    assert!(
        expect == Expect::Opens || !words.is_empty(),
        "{name}: no '-- expect:' line"
    );
    Case {
        name: name.to_owned(),
        base,
        expect,
        code: code.unwrap_or_else(|| panic!("{name}: no '-- code:' line")),
        words,
        steps,
    }
}

/// The document of [`Base::Current`]: the demo map with snapshots 1
/// "before workshop" and 2 "after workshop".
pub fn base_document() -> Document {
    let mut doc = Document::new(recimap_core::demo::demo_map());
    doc.add_snapshot("before workshop", "2026-03-01T09:30:00Z")
        .unwrap();
    doc.map.units[0].name.push_str(" (renamed)");
    doc.add_snapshot("after workshop", "2026-03-02T17:00:00Z")
        .unwrap();
    doc
}

/// Makes the file of `case` in `dir` and returns its path.
pub fn make(case: &Case, fixtures: &Path, dir: &Path) -> PathBuf {
    let path = dir.join(format!("{}.recimap", case.name));
    match case.base {
        Base::Current => recimap_store::save(&path, &base_document()).unwrap(),
        Base::V1 => {
            std::fs::copy(fixtures.join("store/v1.recimap"), &path).unwrap();
        }
    }
    for (i, step) in case.steps.iter().enumerate() {
        if step.trim().is_empty() {
            continue;
        }
        let conn = Connection::open(&path).unwrap();
        // Let the SQL write what Recimap never would.
        conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;")
            .unwrap();
        conn.execute_batch(step)
            .unwrap_or_else(|e| panic!("{} (step {}): {e}", case.name, i + 1));
    }
    path
}

/// The files beside `path` (backups, journals, WAL files): opening must
/// leave none.
pub fn neighbours(path: &Path) -> Vec<String> {
    let own = path.file_name().unwrap().to_owned();
    let mut names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| *n != own)
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
