//! Bad project files: each case gives its own clear message and exit status 2
//! from the CLI, and the file's bytes are unchanged afterwards. Also the
//! one-writer lock.

use std::path::{Path, PathBuf};
use std::process::Command;

use recimap_core::Document;
use recimap_store::{self as store, ProjectLock, StoreError};

/// What the app receives for a store error.
fn payload(e: StoreError) -> recimap_services::ErrorPayload {
    recimap_services::Error::from(e).payload()
}

const BIN: &str = env!("CARGO_BIN_EXE_recimap");

fn good_file(dir: &Path) -> PathBuf {
    let path = dir.join("good.recimap");
    store::save(&path, &Document::new(recimap_core::demo::demo_map())).unwrap();
    path
}

/// Runs `recimap analyze FILE` and `recimap export FILE --format json`:
/// both must exit 2 with `expected` in the message and leave the bytes alone.
fn refuses(path: &Path, expected: &str, code: &str) {
    let before = std::fs::read(path).ok();
    for args in [
        vec!["analyze".as_ref(), path.as_os_str()],
        vec![
            "export".as_ref(),
            path.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ],
    ] {
        let out = Command::new(BIN).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{args:?}: expected '{expected}' in: {stderr}"
        );
        assert!(out.stdout.is_empty());
        assert!(!stderr.contains("panicked"));
        assert_eq!(std::fs::read(path).ok(), before, "the file must not change");
    }
    let err = store::open(path).unwrap_err();
    let err = payload(err);
    assert_eq!(err.code, code, "{}", err.message);
    assert_eq!(std::fs::read(path).ok(), before);
    // No backup, journal or temporary file appeared beside it.
    let dir = path.parent().unwrap();
    let extra: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.contains("backup")
                || n.contains("journal")
                || n.contains("saving")
                || n.contains("-wal")
        })
        .collect();
    assert!(extra.is_empty(), "{extra:?}");
}

#[test]
fn not_sqlite_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.recimap");
    std::fs::write(&text, "id,name\nit,IT\n").unwrap();
    refuses(
        &text,
        "not a Recimap project file — it is a text file",
        "not_sqlite",
    );
    let png = dir.path().join("picture.recimap");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    refuses(
        &png,
        "does not start with the SQLite signature",
        "not_sqlite",
    );
    let empty = dir.path().join("empty.recimap");
    std::fs::write(&empty, b"").unwrap();
    refuses(&empty, "the file is empty", "not_sqlite");
}

#[test]
fn sqlite_of_another_program() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.recimap");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA application_id = 42;",
        )
        .unwrap();
    }
    refuses(
        &path,
        "an SQLite database, but not a Recimap project file (application id 0x0000002a",
        "not_recimap",
    );
}

#[test]
fn truncated() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(good_file(dir.path())).unwrap();
    for (name, len) in [
        ("half.recimap", good.len() / 2),
        ("header.recimap", 60),
        ("magic.recimap", 10),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &good[..len]).unwrap();
        refuses(&path, "the file is truncated", "file_truncated");
    }
}

#[test]
fn corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(good_file(dir.path())).unwrap();
    // Overwrite the second page (a b-tree page of the schema's tables) with noise.
    for (i, b) in bytes[4096..8192].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    let path = dir.path().join("damaged.recimap");
    std::fs::write(&path, &bytes).unwrap();
    refuses(&path, "the file is damaged", "file_corrupt");
}

#[test]
fn written_by_a_newer_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = good_file(dir.path());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 7; UPDATE meta SET value = '9.4.0' WHERE key = 'written_by';",
        )
        .unwrap();
    }
    let expected = format!(
        "written by a newer Recimap (9.4.0) in file format version 7; this Recimap ({}) reads versions up to {} — install Recimap 9.4.0 or newer",
        env!("CARGO_PKG_VERSION"),
        store::SCHEMA_VERSION
    );
    refuses(&path, &expected, "file_too_new");
}

#[test]
fn unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder.recimap");
    std::fs::create_dir(&folder).unwrap();
    let out = Command::new(BIN)
        .arg("export")
        .arg(&folder)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("cannot be read (it is a folder, not a file)")
    );
    assert_eq!(
        payload(store::open(&folder).unwrap_err()).code,
        "file_unreadable"
    );

    let missing = dir.path().join("missing.recimap");
    let err = payload(store::open(&missing).unwrap_err());
    assert_eq!(err.code, "file_not_found", "{}", err.message);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = good_file(dir.path());
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::File::open(&path).is_err() {
            // Not root: permissions apply.
            let err = payload(store::open(&path).unwrap_err());
            assert_eq!(err.code, "file_unreadable", "{}", err.message);
            assert!(err.message.contains("permission denied"), "{}", err.message);
        } else {
            eprintln!("running as root: permission bits do not stop reading; checked folders only");
        }
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
}

#[test]
fn a_second_writer_is_told_who_has_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = good_file(dir.path());
    let lock = ProjectLock::acquire(&path).unwrap();
    let lock_file = store::lock_path(&path);
    assert!(lock_file.exists());

    match ProjectLock::acquire(&path) {
        Err(StoreError::Locked { holder, .. }) => assert_eq!(holder.pid, std::process::id()),
        other => panic!("expected Locked, got {other:?}"),
    }
    // The CLI refuses to change a file the app has open.
    let before = std::fs::read(&path).unwrap();
    let out = Command::new(BIN)
        .arg("snapshot")
        .arg(&path)
        .args(["add", "x"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains(&format!(
            "already open in recimap {} (process {}",
            env!("CARGO_PKG_VERSION"),
            std::process::id()
        )),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Reading is fine while it is locked.
    assert!(store::open(&path).is_ok());

    drop(lock);
    assert!(!lock_file.exists(), "the lock file goes with the lock");
    let again = ProjectLock::acquire(&path).unwrap();
    drop(again);
}

#[test]
fn a_lock_left_by_a_crash_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = good_file(dir.path());
    let host = gethostname_for_test();
    let stale = format!(
        r#"{{"host":"{host}","pid":999999,"user":"x","program":"recimap 0.0.1","since":"2020-01-01T00:00:00Z"}}"#
    );
    std::fs::write(store::lock_path(&path), stale).unwrap();
    let lock = ProjectLock::acquire(&path).unwrap();
    assert_eq!(lock.holder().pid, std::process::id());
}

#[test]
fn a_lock_file_from_another_computer_is_respected_unless_overridden() {
    let dir = tempfile::tempdir().unwrap();
    let path = good_file(dir.path());
    let other = r#"{"host":"colleagues-laptop","pid":4242,"user":"sam","program":"recimap 0.1.0","since":"2026-03-01T09:00:00Z"}"#;
    std::fs::write(store::lock_path(&path), other).unwrap();
    let err = payload(ProjectLock::acquire(&path).unwrap_err());
    assert_eq!(err.code, "file_locked");
    assert!(
        err.message
            .contains("by sam on colleagues-laptop since 2026-03-01T09:00:00Z"),
        "{}",
        err.message
    );
    let lock = ProjectLock::acquire_anyway(&path).unwrap();
    assert_eq!(lock.holder().pid, std::process::id());
}

fn gethostname_for_test() -> String {
    // The lock records the host it runs on; take it from a lock we hold.
    let dir = tempfile::tempdir().unwrap();
    let lock = ProjectLock::acquire(&dir.path().join("probe.recimap")).unwrap();
    lock.holder().host.clone()
}
