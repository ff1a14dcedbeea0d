//! Writing a [`Document`]: into a fresh database, then safely onto disk.
//!
//! Safe save: the document is written into an in-memory database, which the
//! SQLite backup API copies page by page into one complete file beside the
//! target (`.NAME.recimap-saving`). That copy is fsynced, renamed over the target
//! (an atomic replace on POSIX and on NTFS), and the folder is fsynced so the
//! rename itself is durable. Whenever the process dies, the target is either
//! the old file or the new one, never a mixture, and no journal or WAL file
//! ever sits next to the user's document (a cloud-sync client could upload it
//! alone and split the database). `tests/crash_save.rs` kills saves at random.
//!
//! The backup API rather than `VACUUM INTO`: both write a complete copy, but
//! `VACUUM INTO` rebuilds every table and index row by row; on a
//! 100,000-link database the copy took 0.10–0.36 s that way and 0.02–0.11 s
//! with the backup API, which copies the freshly built pages as they are
//! (the file is about 6 % larger). Foreign keys are
//! not enforced while the rows are inserted: [`crate::bounds::unsaveable`] has already
//! checked every reference, and the tests run `PRAGMA foreign_key_check` on
//! saved files.

use std::path::Path;

use recimap_files::WriteError;

use rusqlite::{Connection, params};

use super::{Document, Snapshot, StoreError, schema};
use recimap_core::model::{Ambassador, Answer, Link, Map, Unit};

/// A new in-memory database holding `doc` at the current schema version.
///
/// The schema's own indexes (those made by `CREATE INDEX`; not the automatic
/// ones of keys and `UNIQUE`) are dropped before the rows go in and made
/// again from their stored SQL afterwards: SQLite builds an index from the
/// finished table by sorting, which is quicker than growing it row by row
/// (the build of the 100,000-link map took about 13 % less). Recreating
/// them from the text in `sqlite_schema` keeps the schema exactly what the
/// migrations made; `tests/store_migration.rs` compares the two.
pub fn to_database(doc: &Document) -> Result<Connection, String> {
    let text = |e: rusqlite::Error| e.to_string();
    let mut conn = Connection::open_in_memory().map_err(text)?;
    schema::migrations()
        .to_latest(&mut conn)
        .map_err(|e| e.to_string())?;
    conn.pragma_update(None, "application_id", schema::APPLICATION_ID as i32)
        .map_err(text)?;
    let tx = conn.transaction().map_err(text)?;
    let indexes: Vec<(String, String)> = tx
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid")
        .and_then(|mut stmt| {
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        })
        .map_err(text)?;
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))
            .map_err(text)?;
    }
    write_document(&tx, doc).map_err(text)?;
    for (_, sql) in &indexes {
        tx.execute_batch(sql).map_err(text)?;
    }
    tx.commit().map_err(text)?;
    Ok(conn)
}

/// Writes every row of `doc` into an empty database at the current schema,
/// one function per table.
pub fn write_document(conn: &Connection, doc: &Document) -> Result<(), rusqlite::Error> {
    let map = &doc.map;
    write_meta(conn)?;
    write_map_row(conn, map)?;
    write_units(conn, &map.units)?;
    write_links(conn, &map.links)?;
    write_ambassadors(conn, &map.ambassadors)?;
    write_answers(conn, &map.questionnaire)?;
    write_hidden_findings(conn, &map.hidden_findings)?;
    write_snapshots(conn, &doc.snapshots)
}

/// `meta`: which Recimap wrote the file, and the schema version.
fn write_meta(conn: &Connection) -> Result<(), rusqlite::Error> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('written_by', ?1), ('schema_version', ?2)",
        params![
            env!("CARGO_PKG_VERSION"),
            schema::SCHEMA_VERSION.to_string()
        ],
    )?;
    Ok(())
}

/// `map`: the one row of the map's details and dimension weights.
fn write_map_row(conn: &Connection, map: &Map) -> Result<(), rusqlite::Error> {
    let w = &map.dimension_weights;
    conn.execute(
        "INSERT INTO map (id, title, organisation, notes, maturity, weight_frequency,
                          weight_why, weight_listening, weight_trust)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            map.title,
            map.organisation,
            map.notes,
            map.maturity.map(enum_name),
            w.frequency,
            w.why,
            w.listening,
            w.trust
        ],
    )?;
    Ok(())
}

/// `units`, in map order (`seq`), and `unit_display` for the units with a
/// position or a colour.
fn write_units(conn: &Connection, units: &[Unit]) -> Result<(), rusqlite::Error> {
    let mut unit = conn.prepare(
        "INSERT INTO units (id, seq, name, kind, unit_group, headcount, lead, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut display =
        conn.prepare("INSERT INTO unit_display (unit_id, x, y, colour) VALUES (?1, ?2, ?3, ?4)")?;
    for (seq, u) in units.iter().enumerate() {
        unit.execute(params![
            u.id.0,
            seq as i64,
            u.name,
            u.kind.as_str(),
            u.group,
            u.headcount,
            u.lead,
            u.notes
        ])?;
        if u.position.is_some() || u.colour.is_some() {
            display.execute(params![
                u.id.0,
                u.position.map(|p| p.x),
                u.position.map(|p| p.y),
                u.colour
            ])?;
        }
    }
    Ok(())
}

/// `links`, in map order.
fn write_links(conn: &Connection, links: &[Link]) -> Result<(), rusqlite::Error> {
    let mut link = conn.prepare(
        "INSERT INTO links (source, target, seq, frequency, why, listening, trust, weight, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (seq, l) in links.iter().enumerate() {
        let r = &l.ratings;
        link.execute(params![
            l.source.0,
            l.target.0,
            seq as i64,
            r.frequency,
            r.why,
            r.listening,
            r.trust,
            l.weight,
            l.notes
        ])?;
    }
    Ok(())
}

/// `ambassadors`, in map order.
fn write_ambassadors(conn: &Connection, ambassadors: &[Ambassador]) -> Result<(), rusqlite::Error> {
    let mut amb = conn.prepare(
        "INSERT INTO ambassadors (id, seq, name, unit_id, role) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (seq, a) in ambassadors.iter().enumerate() {
        amb.execute(params![a.id, seq as i64, a.name, a.unit.0, a.role.as_str()])?;
    }
    Ok(())
}

/// `answers`: the workshop questionnaire, in map order.
fn write_answers(conn: &Connection, questionnaire: &[Answer]) -> Result<(), rusqlite::Error> {
    let mut answer =
        conn.prepare("INSERT INTO answers (seq, question, answer) VALUES (?1, ?2, ?3)")?;
    for (seq, a) in questionnaire.iter().enumerate() {
        answer.execute(params![seq as i64, a.question, a.answer])?;
    }
    Ok(())
}

/// `hidden_findings`: the keys of the findings hidden from the deck, in map order.
fn write_hidden_findings(conn: &Connection, keys: &[String]) -> Result<(), rusqlite::Error> {
    let mut hidden =
        conn.prepare("INSERT INTO hidden_findings (seq, finding_key) VALUES (?1, ?2)")?;
    for (seq, key) in keys.iter().enumerate() {
        hidden.execute(params![seq as i64, key])?;
    }
    Ok(())
}

/// `snapshots`: each kept map as JSON, tagged with its shape version.
fn write_snapshots(conn: &Connection, snapshots: &[Snapshot]) -> Result<(), rusqlite::Error> {
    let mut snap = conn.prepare(
        "INSERT INTO snapshots (id, label, taken_at, map_version, map_json)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for s in snapshots {
        let json = serde_json::to_string(&s.map)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        snap.execute(params![
            s.id,
            s.label,
            s.taken_at,
            recimap_core::model::MAP_SHAPE_VERSION,
            json
        ])?;
    }
    Ok(())
}

/// The serde name of a unit enum (`"integrated_media"`).
fn enum_name<T: serde::Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Copies the database `conn` into `target` atomically (module docs).
pub fn replace_file(conn: &Connection, target: &Path) -> Result<(), StoreError> {
    let copy = |temp: &Path| -> rusqlite::Result<()> {
        let mut dest = Connection::open(temp)?;
        // The copy is private until renamed, and synced by the writer: no
        // journal beside it, no syncs of SQLite's own making.
        dest.pragma_update(None, "journal_mode", "OFF")?;
        dest.pragma_update(None, "synchronous", "OFF")?;
        rusqlite::backup::Backup::new(conn, &mut dest)?.run_to_completion(
            i32::MAX,
            std::time::Duration::ZERO,
            None,
        )
    };
    recimap_files::write_atomically(target, copy).map_err(|e| StoreError::Write {
        path: target.into(),
        reason: match e {
            WriteError::Content(e) => e.to_string(),
            WriteError::Io { source, .. } => source.to_string(),
        },
    })
}
