//! The desktop app's commands without a window: each test starts a [`Desktop`] on
//! temporary folders, calls what the Tauri commands call, and checks the
//! state the UI would receive and the files left on disk.

use std::path::{Path, PathBuf};

use recimap_core::MapState;
use recimap_core::demo::demo_map;
use recimap_core::edit::{Edit, UnitMove};
use recimap_core::model::{Link, Position, Ratings, Unit, UnitId, UnitKind};
use recimap_services::desktop::{Desktop, Dirs, file_argument};
use tempfile::TempDir;

struct Env {
    tmp: TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            tmp: tempfile::tempdir().unwrap(),
        }
    }
    fn dirs(&self) -> Dirs {
        Dirs {
            data: self.tmp.path().join("data"),
            config: self.tmp.path().join("config"),
        }
    }
    fn file(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }
    fn start(&self, file: Option<&Path>) -> Desktop {
        let (shell, problem) = Desktop::start(self.dirs(), file);
        assert!(problem.is_none(), "{problem:?}");
        shell
    }
}

fn add_hr() -> Edit {
    Edit::AddUnit {
        unit: Unit::new("hr-new", "People & Culture", UnitKind::Business),
    }
}

fn first_two(shell: &Desktop) -> (UnitId, UnitId) {
    let units = &shell.session().map().units;
    (units[0].id.clone(), units[1].id.clone())
}

#[test]
fn starts_on_the_demo_map_untitled_and_clean() {
    let env = Env::new();
    let shell = env.start(None);
    let state = shell.state();
    assert_eq!(state.map, demo_map());
    assert_eq!(state.file_name, "Untitled");
    assert_eq!(state.path, None);
    assert!(!state.dirty && !state.can_undo && !state.can_redo);
    assert_eq!(state.analysis.units.len(), state.map.units.len());
    assert_eq!(shell.window_title(), "Untitled — Recimap");
}

#[test]
fn an_edit_changes_map_analysis_title_and_undo_restores_them() {
    let env = Env::new();
    let mut shell = env.start(None);
    let before = shell.state();
    let after = shell.apply_edit(add_hr()).unwrap();
    assert_eq!(after.map.units.len(), before.map.units.len() + 1);
    assert_eq!(
        after.analysis.organisation.units,
        before.analysis.organisation.units + 1,
        "the analysis is recomputed after the edit"
    );
    assert!(after.dirty && after.can_undo && !after.can_redo);
    assert_eq!(
        after.undo_label.as_deref(),
        Some("add unit 'People & Culture'")
    );
    assert_eq!(shell.window_title(), "Untitled • — Recimap");

    let undone = shell.undo();
    assert_eq!(undone.map, before.map);
    assert_eq!(undone.analysis, before.analysis);
    assert!(!undone.dirty && !undone.can_undo && undone.can_redo);
    let redone = shell.redo();
    assert_eq!(redone.map, after.map);
    // Undo with nothing to undo leaves the state as it is.
    let mut fresh = env.start(None);
    assert_eq!(fresh.undo(), fresh.state());
}

#[test]
fn a_rated_link_shows_in_the_pair_scores() {
    let env = Env::new();
    let mut shell = env.start(None);
    shell.apply_edit(add_hr()).unwrap();
    let (it, _) = first_two(&shell);
    let ratings = Ratings {
        frequency: Some(4),
        why: Some(2),
        listening: None,
        trust: None,
    };
    let state = shell
        .apply_edit(Edit::SetLink {
            link: Link {
                ratings,
                ..Link::new("hr-new", it.as_str())
            },
        })
        .unwrap();
    let pair = state
        .analysis
        .pairs
        .iter()
        .find(|p| {
            (p.a.as_str(), p.b.as_str()) == (it.as_str(), "hr-new")
                || (p.a.as_str(), p.b.as_str()) == ("hr-new", it.as_str())
        })
        .expect("the new relationship has pair scores");
    let hr_to_it = if pair.a.as_str() == "hr-new" {
        pair.a_to_b
    } else {
        pair.b_to_a
    };
    assert_eq!(hr_to_it, Some(3.0), "mean of 4 and 2");
    assert_eq!(pair.reciprocated, 0.0, "one-way so far");
}

#[test]
fn a_refused_edit_returns_a_clear_error_and_changes_nothing() {
    let env = Env::new();
    let mut shell = env.start(None);
    let before = shell.state();
    let (a, _) = first_two(&shell);
    let cases = [
        (
            Edit::AddUnit {
                unit: Unit::new(a.as_str(), "Twin", UnitKind::It),
            },
            "bad_edit",
            "already on the map",
        ),
        (
            Edit::SetLink {
                link: Link::new(a.as_str(), a.as_str()),
            },
            "invalid_map",
            "points at its own unit",
        ),
        (
            Edit::MoveUnits {
                moves: vec![UnitMove {
                    id: UnitId::from("ghost"),
                    position: Position { x: 0.0, y: 0.0 },
                }],
            },
            "bad_edit",
            "no unit 'ghost'",
        ),
    ];
    for (edit, code, message) in cases {
        let err = shell.apply_edit(edit).unwrap_err().payload();
        assert_eq!(err.code, code);
        assert!(err.message.contains(message), "{}", err.message);
        assert_eq!(shell.state(), before);
    }
}

#[test]
fn save_then_start_again_on_the_file_finds_the_map_as_saved() {
    let env = Env::new();
    let file = env.file("northwind.recimap");
    let saved_map = {
        let mut shell = env.start(None);
        let err = shell.save_file(None).unwrap_err().payload();
        assert_eq!(err.code, "no_path", "{}", err.message);
        shell.apply_edit(add_hr()).unwrap();
        let state = shell.save_file(Some(&file)).unwrap();
        assert!(!state.dirty);
        assert_eq!(state.file_name, "northwind.recimap");
        assert_eq!(state.path.as_deref(), Some(file.to_str().unwrap()));
        assert_eq!(shell.window_title(), "northwind.recimap — Recimap");
        assert_eq!(
            shell.recent_files(),
            vec![file.to_string_lossy().into_owned()]
        );
        // Saving again to the current path works while the file is open here.
        shell
            .apply_edit(Edit::DeleteUnit {
                id: "hr-new".into(),
            })
            .unwrap();
        shell.undo();
        assert!(
            !shell.state().dirty,
            "undo back to the saved state is clean"
        );
        shell.save_file(None).unwrap();
        shell.state().map
    };
    let shell = env.start(Some(&file));
    let state = shell.state();
    assert_eq!(state.map, saved_map);
    assert!(!state.dirty);
    assert!(state.map.units.iter().any(|u| u.name == "People & Culture"));
    assert_eq!(
        shell.recent_files(),
        vec![file.to_string_lossy().into_owned()],
        "the recent-files list survives the restart"
    );
}

#[test]
fn a_second_writer_is_refused_and_a_bad_file_leaves_the_document_open() {
    let env = Env::new();
    let file = env.file("shared.recimap");
    let mut first = env.start(None);
    first.save_file(Some(&file)).unwrap();

    let (second, problem) = Desktop::start(env.dirs(), Some(&file));
    let problem = problem
        .expect("the file is locked by the first shell")
        .payload();
    assert_eq!(problem.code, "file_locked", "{}", problem.message);
    assert_eq!(second.state().map, demo_map(), "the demo stays open");

    let junk = env.file("notes.recimap");
    std::fs::write(&junk, "these are my meeting notes, not a map").unwrap();
    let before = first.state();
    let err = first.open_file(&junk).unwrap_err().payload();
    assert_eq!(err.code, "not_sqlite", "{}", err.message);
    assert!(err.message.contains("notes.recimap"), "{}", err.message);
    assert_eq!(first.state(), before);
    assert_eq!(
        std::fs::read_to_string(&junk).unwrap(),
        "these are my meeting notes, not a map",
        "a refused file is never changed"
    );
}

#[test]
fn unsaved_work_is_recovered_after_a_crash() {
    let env = Env::new();
    {
        let mut shell = env.start(None);
        shell.apply_edit(add_hr()).unwrap();
        let stale = shell.generation();
        shell
            .apply_edit(Edit::DeleteUnit {
                id: "hr-new".into(),
            })
            .unwrap();
        assert!(
            !shell.autosave(stale).unwrap(),
            "a newer change has its own autosave"
        );
        shell.undo();
        assert!(shell.autosave(shell.generation()).unwrap());
        // The process dies here: no save, no clean exit.
    }
    let mut shell = env.start(None);
    assert!(shell.recovery_offered());
    // The new run's own autosave does not touch the copy on offer.
    shell.apply_edit(add_hr()).unwrap();
    shell.autosave(shell.generation()).unwrap();
    let recovered = shell.take_recovery().unwrap().expect("work to recover");
    assert!(recovered.dirty, "recovered work is unsaved work");
    assert!(
        recovered
            .map
            .units
            .iter()
            .any(|u| u.id.as_str() == "hr-new")
    );
    assert_eq!(recovered.map.units.len(), demo_map().units.len() + 1);
    assert_eq!(shell.take_recovery().unwrap(), None, "taken once");
}

#[test]
fn no_recovery_is_offered_after_a_save_a_clean_exit_or_a_discard() {
    type Ending = fn(&mut Desktop, &Path);
    let endings: [(&str, Ending); 3] = [
        ("save", |s, f| {
            s.save_file(Some(f)).unwrap();
        }),
        ("close without saving", |s, _| {
            assert!(s.must_ask_before_closing());
            s.confirm_close();
            assert!(!s.must_ask_before_closing());
            s.exiting();
        }),
        ("new map", |s, _| {
            s.new_map();
        }),
    ];
    for (name, end) in endings {
        let env = Env::new();
        {
            let mut shell = env.start(None);
            shell.apply_edit(add_hr()).unwrap();
            shell.autosave(shell.generation()).unwrap();
            end(&mut shell, &env.file("m.recimap"));
        }
        let mut shell = env.start(None);
        assert!(!shell.recovery_offered(), "{name}");
        assert_eq!(shell.take_recovery().unwrap(), None, "{name}");
    }
    // Discarding an offered copy.
    let env = Env::new();
    {
        let mut shell = env.start(None);
        shell.apply_edit(add_hr()).unwrap();
        shell.autosave(shell.generation()).unwrap();
    }
    let mut shell = env.start(None);
    assert!(shell.recovery_offered());
    shell.discard_recovery().unwrap();
    assert!(!shell.recovery_offered());
}

#[test]
fn snapshots_are_kept_restored_and_compared() {
    let env = Env::new();
    let file = env.file("s.recimap");
    let mut shell = env.start(None);
    shell.save_file(Some(&file)).unwrap();
    let state = shell.add_snapshot("before workshop").unwrap();
    assert!(
        state.dirty,
        "a new snapshot is unsaved until the file is saved"
    );
    let before_id = shell.list_snapshots()[0].id;
    assert_eq!(shell.list_snapshots()[0].label, "before workshop");

    shell.apply_edit(add_hr()).unwrap();
    let view = shell
        .compare_snapshots(MapState::Snapshot(before_id), MapState::Current)
        .unwrap();
    let cmp = &view.comparison;
    assert_eq!(cmp.units_added, vec![UnitId::from("hr-new")]);
    assert!(cmp.units_removed.is_empty());
    assert_eq!(view.after, "the current map");
    assert!(view.before.contains("before workshop"), "{}", view.before);
    assert_eq!(
        &view.map,
        &shell.state().map,
        "the after map is the one drawn"
    );
    assert_eq!(view.analysis, shell.state().analysis);

    let restored = shell.restore_snapshot(before_id).unwrap();
    assert_eq!(restored.map, demo_map());
    assert!(restored.dirty);
    let labels: Vec<String> = shell
        .list_snapshots()
        .into_iter()
        .map(|s| s.label)
        .collect();
    assert_eq!(labels.len(), 2, "the replaced map is kept: {labels:?}");
    // The restore is one undoable step.
    assert_eq!(
        restored.undo_label.as_deref(),
        Some("restore snapshot 'before workshop'")
    );
    let undone = shell.undo();
    assert!(
        undone.map.unit(&UnitId::from("hr-new")).is_some(),
        "undo brings back the map from before the restore"
    );
    assert_eq!(shell.redo().map, demo_map());
    let err = shell.restore_snapshot(999).unwrap_err().payload();
    assert_eq!(err.code, "no_snapshot", "{}", err.message);

    shell.save_file(None).unwrap();
    drop(shell);
    let reopened = env.start(Some(&file));
    assert_eq!(reopened.list_snapshots().len(), 2);
}

#[test]
fn hostile_unit_names_are_kept_as_plain_text() {
    let env = Env::new();
    let file = env.file("hostile.recimap");
    let names = [
        "<img src=x onerror=alert(1)>",
        "</script><script>alert(2)</script>",
    ];
    {
        let mut shell = env.start(None);
        for (i, name) in names.iter().enumerate() {
            shell
                .apply_edit(Edit::AddUnit {
                    unit: Unit::new(format!("h{i}"), *name, UnitKind::External),
                })
                .unwrap();
        }
        shell.save_file(Some(&file)).unwrap();
    }
    let shell = env.start(Some(&file));
    let state = shell.state();
    for name in names {
        assert!(state.map.units.iter().any(|u| u.name == name), "{name}");
        assert!(
            state.analysis.units.iter().any(|u| u.name == name),
            "{name}"
        );
    }
}

#[test]
fn the_file_argument_is_the_first_non_option_after_the_program() {
    let cases: [(&[&str], Option<&str>); 5] = [
        (&["recimap-app"], None),
        (&["recimap-app", "map.recimap"], Some("map.recimap")),
        (
            &["recimap-app", "--flag", "a b.recimap"],
            Some("a b.recimap"),
        ),
        (&["recimap-app", "-v"], None),
        (
            &["/usr/bin/recimap-app", "", "x.recimap"],
            Some("x.recimap"),
        ),
    ];
    for (args, expected) in cases {
        let args = args.iter().map(|s| s.to_string());
        assert_eq!(file_argument(args), expected.map(PathBuf::from));
    }
}

#[test]
fn the_open_map_is_exported_in_every_format_with_its_unsaved_changes() {
    use recimap_services::export::{ExportOptions, Picture};
    let env = Env::new();
    let mut shell = env.start(None);
    shell.apply_edit(add_hr()).unwrap();
    let date = "1 December 2026".to_owned();
    let export = |name: &str, format, options| {
        let path = env.file(name);
        let size = shell.export(&path, format, options, date.clone()).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(bytes.len() as u64, size, "{name}");
        bytes
    };
    let png = export(
        "map.png",
        Picture::Png,
        ExportOptions {
            scale: Some(2),
            ..ExportOptions::default()
        },
    );
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let svg = String::from_utf8(export("map.svg", Picture::Svg, ExportOptions::default())).unwrap();
    assert!(svg.contains("Culture"), "the unsaved unit is drawn");
    assert!(svg.contains("1 December 2026"), "dated as asked");
    let html = String::from_utf8(export(
        "report.html",
        Picture::Html,
        ExportOptions::default(),
    ))
    .unwrap();
    assert!(html.contains("People &amp; Culture") && html.starts_with("<!DOCTYPE html>"));
    let pdf = export("report.pdf", Picture::Pdf, ExportOptions::default());
    assert_eq!(&pdf[..5], b"%PDF-");
    assert!(
        std::fs::read_dir(env.tmp.path()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with("recimap-export")),
        "no temporary file is left beside the exports"
    );

    // A request that does not fit the format is refused, and nothing is written.
    let err = shell
        .export(
            &env.file("bad.svg"),
            Picture::Svg,
            ExportOptions {
                scale: Some(2),
                ..ExportOptions::default()
            },
            date.clone(),
        )
        .unwrap_err()
        .payload();
    assert_eq!(err.code, "export_failed", "{}", err.message);
    assert!(!env.file("bad.svg").exists());
    // A folder that does not exist is an I/O error that names the file.
    let missing = env.file("no-such-folder").join("map.png");
    let err = shell
        .export(&missing, Picture::Png, ExportOptions::default(), date)
        .unwrap_err()
        .payload();
    assert_eq!(err.code, "io", "{}", err.message);
    assert!(err.message.contains("map.png"), "{}", err.message);
}
