//! The `.recimap` project file: one SQLite database per map (rusqlite,
//! bundled SQLite), used as an application file format.
//!
//! This module owns the file: its schema and migrations ([`schema`]), telling
//! our files from anything else before SQLite touches them ([`header`]),
//! reading ([`open`]) and safe, atomic writing ([`save`]), the one-writer lock
//! ([`ProjectLock`]) and the snapshots kept inside the file ([`Snapshot`]).
//! ARCHITECTURE.md, section "Project file", documents the tables.

pub mod bounds;
mod error;
pub mod header;
mod holder;
mod lock;
mod read;
pub mod schema;
mod shape;
pub mod untrusted;
mod write;

pub use error::{Fault, StoreError};
pub use holder::LockHolder;
pub use lock::{ProjectLock, lock_path};
pub use recimap_files::temp_path;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};

use std::path::{Path, PathBuf};

pub use recimap_core::{Document, Snapshot};
use rusqlite::Connection;

/// The current time as RFC 3339 in UTC, whole seconds (`2026-03-01T09:30:00Z`).
pub fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Opens a project file and reads its document.
///
/// A file we refuse is never changed: the header is checked before SQLite
/// opens it ([`header::inspect`]), and SQLite opens it read-only. Distinct
/// errors for a missing or unreadable file, a file that is not SQLite, an
/// SQLite database of another program, a truncated file, and a file from a
/// newer Recimap. The file is treated as untrusted ([`untrusted`]: SQLite's
/// defensive settings, tight limits, a deadline scaled with its size); its
/// schema must be exactly ours for its version (the `shape` module); `PRAGMA
/// quick_check` must pass; and everything read — the map and every snapshot —
/// is checked as it is read (the `read` module, [`bounds`]). A refusal is
/// [`StoreError::Corrupt`] with a [`Fault`] saying why.
///
/// A file from an older Recimap is checked against its own version's schema,
/// then upgraded: a copy of it is kept beside it first ([`backup_path`]),
/// then the upgraded document is saved over it atomically.
pub fn open(path: &Path) -> Result<Document, StoreError> {
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or_default();
    open_within(path, untrusted::Deadline::for_file(len))
}

/// [`open`] with a deadline of the caller's choosing (the tests prove that
/// the deadline stops a read with a short one).
#[doc(hidden)]
pub fn open_within(path: &Path, deadline: untrusted::Deadline) -> Result<Document, StoreError> {
    let header = header::inspect(path)?;
    let found = header.user_version;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.into(),
            found,
            supported: SCHEMA_VERSION,
            written_by: written_by(path, &deadline),
        });
    }
    if found == 0 {
        return Err(StoreError::Corrupt {
            path: path.into(),
            detail: "it carries the Recimap signature but no schema version".into(),
            fault: Fault::Damaged,
        });
    }
    let reading = |e| read::sqlite_error(path, &deadline, e);
    let conn = untrusted::open_read_only(path, &deadline).map_err(reading)?;
    shape::check(&conn, found, path, reading)?;
    integrity_check(&conn, path, &deadline)?;
    if found == SCHEMA_VERSION {
        return read::load(&conn, path, &deadline);
    }
    migrate(conn, path, found, &deadline)
}

/// Where the copy of a file from schema `version` is kept before upgrading:
/// `NAME.v1-backup.recimap` beside it (`NAME.v1-backup-2.recimap`, … if taken).
pub fn backup_path(path: &Path, version: u32) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project".into());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_else(|| "recimap".into());
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let candidate = path.with_file_name(format!("{stem}.v{version}-backup{suffix}.{ext}"));
        if !candidate.exists() {
            return candidate;
        }
        n += 1;
    }
}

/// Upgrades the file open on `conn` (already checked against the schema of
/// version `found`) in memory, reads it, and only then keeps a copy of the
/// original and saves the upgraded document over it.
fn migrate(
    conn: Connection,
    path: &Path,
    found: u32,
    deadline: &untrusted::Deadline,
) -> Result<Document, StoreError> {
    let failed = |backup: Option<PathBuf>, reason: String| StoreError::Migration {
        path: path.into(),
        found,
        supported: SCHEMA_VERSION,
        backup,
        reason,
    };
    // Upgrade a copy in memory; the file is touched only once that worked.
    let mut mem = Connection::open_in_memory().map_err(|e| failed(None, e.to_string()))?;
    untrusted::harden(&mem, deadline).map_err(|e| failed(None, e.to_string()))?;
    {
        let backup = rusqlite::backup::Backup::new(&conn, &mut mem)
            .map_err(|e| failed(None, e.to_string()))?;
        backup
            .run_to_completion(1024, std::time::Duration::ZERO, None)
            .map_err(|e| read::sqlite_error(path, deadline, e))?;
    }
    drop(conn);
    mem.pragma_update(None, "foreign_keys", true)
        .map_err(|e| failed(None, e.to_string()))?;
    schema::migrations().to_latest(&mut mem).map_err(|e| {
        if deadline.passed() {
            StoreError::Corrupt {
                path: path.into(),
                detail: deadline.describe(),
                fault: Fault::Hostile,
            }
        } else {
            failed(None, e.to_string())
        }
    })?;
    let doc = read::load(&mem, path, deadline)?;
    let copy = backup_path(path, found);
    std::fs::copy(path, &copy).map_err(|e| {
        failed(
            None,
            format!("could not keep a copy at {}: {e}", copy.display()),
        )
    })?;
    save(path, &doc).map_err(|e| failed(Some(copy.clone()), e.to_string()))?;
    Ok(doc)
}

/// Saves `doc` to `path` atomically (see the `write` module): the file on disk
/// is the old document or the new one whatever happens, and no side files
/// are left next to it. Refuses a map the schema cannot hold faithfully
/// ([`StoreError::Unsaveable`]) without touching the file.
pub fn save(path: &Path, doc: &Document) -> Result<(), StoreError> {
    // The check and the build of the database are independent: run them on
    // both cores, and throw the build away if the check finds a problem.
    let (problems, built) = rayon::join(|| bounds::unsaveable(doc), || write::to_database(doc));
    if !problems.is_empty() {
        return Err(StoreError::Unsaveable { problems });
    }
    let conn = built.map_err(|reason| StoreError::Write {
        path: path.into(),
        reason,
    })?;
    write::replace_file(&conn, path)
}

/// Saves `doc` as a build with schema `version` would have written it (the
/// migrations up to `version`, then the rows). For tests that need files
/// from older releases; the tables written must exist in that version.
#[doc(hidden)]
pub fn save_as_version(path: &Path, doc: &Document, version: u32) -> Result<(), StoreError> {
    let fail = |reason: String| StoreError::Write {
        path: path.into(),
        reason,
    };
    let mut conn = Connection::open_in_memory().map_err(|e| fail(e.to_string()))?;
    schema::migrations_up_to(version)
        .to_latest(&mut conn)
        .map_err(|e| fail(e.to_string()))?;
    conn.pragma_update(None, "application_id", APPLICATION_ID as i32)
        .map_err(|e| fail(e.to_string()))?;
    write::write_document(&conn, doc).map_err(|e| fail(e.to_string()))?;
    conn.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'schema_version'",
        [version.to_string()],
    )
    .map_err(|e| fail(e.to_string()))?;
    write::replace_file(&conn, path)
}

/// `PRAGMA quick_check`: reads every page and checks the b-trees (SQLite
/// consults the progress handler while it runs, so the deadline holds).
fn integrity_check(
    conn: &Connection,
    path: &Path,
    deadline: &untrusted::Deadline,
) -> Result<(), StoreError> {
    let reading = |e| read::sqlite_error(path, deadline, e);
    let mut stmt = conn.prepare("PRAGMA quick_check(5)").map_err(reading)?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(reading)?;
    if rows.len() == 1 && rows[0] == "ok" {
        Ok(())
    } else {
        Err(StoreError::Corrupt {
            path: path.into(),
            detail: rows
                .iter()
                .map(|r| bounds::clipped(r, 200))
                .collect::<Vec<_>>()
                .join("; "),
            fault: Fault::Damaged,
        })
    }
}

/// The release that wrote a newer file, from its `meta` table: best-effort,
/// on a hardened connection (a newer schema may have moved it, and the file
/// is no more trusted for being newer), at most a short text.
fn written_by(path: &Path, deadline: &untrusted::Deadline) -> Option<String> {
    let conn = untrusted::open_read_only(path, deadline).ok()?;
    let release: String = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'written_by' AND typeof(value) = 'text' AND length(value) <= 40",
            [],
            |r| r.get(0),
        )
        .ok()?;
    Some(bounds::shown(&release))
}
