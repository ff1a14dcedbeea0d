//! The schema check: before a row is read, a user's file must be built
//! exactly as Recimap builds its files at the file's schema version.
//!
//! Every object in the file's `sqlite_schema` — its type, name, table and
//! CREATE statement — is compared with what the migrations up to that version
//! ([`schema::migrations_up_to`]) create in a fresh in-memory database. So
//! every table is a table with our columns and constraints, and there is no
//! view, trigger or index in place of ours or beside them: SQLite runs
//! nothing of the file's own making when we read it. A file made by an older
//! release is checked against that release's schema before it is migrated.
//!
//! Tolerated: the statistics tables `sqlite_stat1` and `sqlite_stat4` that
//! `ANALYZE` writes, with exactly the definition SQLite gives them. Any SQLite
//! client may run `ANALYZE` on a project file (ARCHITECTURE.md invites
//! reading it with one), SQLite itself loads them with the schema (before
//! this check could refuse them), and they only steer the query planner —
//! with our few whole-table reads and the [`crate::untrusted::Deadline`], a
//! misleading statistic costs at most some time within the deadline. Saving
//! writes a new file without them.

use std::path::Path;

use rusqlite::Connection;

use super::{StoreError, error::Fault, schema};

/// `ANALYZE`'s tables, as SQLite creates them (`analyze.c`).
const STAT_TABLES: &[(&str, &str)] = &[
    ("sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)"),
    (
        "sqlite_stat4",
        "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
    ),
];

/// More objects than this in a file's schema and it is refused unread (ours
/// has 14 at version 2).
const MAX_OBJECTS: usize = 100;

/// One row of `sqlite_schema`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Object {
    kind: String,
    name: String,
    table: String,
    sql: Option<String>,
}

impl Object {
    /// `table 'units'`, `index 'links_target' on table 'links'`.
    fn describe(&self) -> String {
        let on = if self.kind == "table" || self.kind == "view" {
            String::new()
        } else {
            format!(" on table {}", super::bounds::quoted(&self.table))
        };
        format!("{} {}{on}", self.kind, super::bounds::quoted(&self.name))
    }

    /// [`Object::describe`] with its article: `an index 'x' on table 'units'`.
    fn a(&self) -> String {
        format!("{} {}", a_or_an(&self.kind), self.describe())
    }
}

/// Checks that the file open on `conn` has exactly the schema of `version`.
/// `conn` is a hardened connection ([`crate::untrusted`]); `path` names the
/// file in messages.
pub fn check(
    conn: &Connection,
    version: u32,
    path: &Path,
    reading: impl Fn(rusqlite::Error) -> StoreError,
) -> Result<(), StoreError> {
    let hostile = |detail: String| StoreError::Corrupt {
        path: path.into(),
        detail,
        fault: Fault::Hostile,
    };
    let expected = expected(version).map_err(|e| StoreError::Corrupt {
        path: path.into(),
        detail: format!("the schema of version {version} could not be built: {e}"),
        fault: Fault::Damaged,
    })?;
    let found = objects(conn).map_err(&reading)?;
    if found.len() > MAX_OBJECTS {
        return Err(hostile(format!(
            "its schema holds more than {MAX_OBJECTS} tables, indexes, views and triggers; a Recimap file has {}",
            expected.len()
        )));
    }
    // (rank, text): what matters most first — something of the file's own
    // making in place of ours, then columns, then what is missing or extra.
    let mut differences: Vec<(u8, String)> = Vec::new();
    for want in &expected {
        match found.iter().find(|o| o.name == want.name) {
            None => differences.push((3, format!("{} is missing", want.describe()))),
            Some(got) if got.kind != want.kind => differences.push((
                0,
                format!(
                    "{} is {} where a Recimap file has {}",
                    super::bounds::quoted(&got.name),
                    article(&got.kind),
                    article(&want.kind)
                ),
            )),
            Some(got) if got.table != want.table || got.sql != want.sql => {
                differences.push(if want.kind == "table" {
                    table_difference(conn, want, version)
                } else {
                    (
                        4,
                        format!("{} is not defined as Recimap defines it", want.describe()),
                    )
                })
            }
            Some(_) => {}
        }
    }
    for got in &found {
        let ours = expected.iter().any(|o| o.name == got.name);
        let statistics = STAT_TABLES.iter().any(|(name, sql)| {
            got.name == *name && got.kind == "table" && got.sql.as_deref() == Some(sql)
        });
        if !ours && !statistics {
            let rank = if got.kind == "view" || got.kind == "trigger" {
                1
            } else {
                4
            };
            differences.push((
                rank,
                format!("it holds {}, which no Recimap file has", got.a()),
            ));
        }
    }
    if differences.is_empty() {
        return Ok(());
    }
    differences.sort_by_key(|(rank, _)| *rank);
    let mut differences: Vec<String> = differences.into_iter().map(|(_, text)| text).collect();
    let more = differences.len().saturating_sub(3);
    differences.truncate(3);
    if more > 0 {
        differences.push(format!("and {more} more differences"));
    }
    Err(hostile(differences.join("; ")))
}

/// `a view`, `an index`.
fn article(kind: &str) -> String {
    format!("{} {kind}", a_or_an(kind))
}

fn a_or_an(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The rows of `sqlite_schema`, at most [`MAX_OBJECTS`] + 1 of them (enough
/// to know there are too many).
fn objects(conn: &Connection) -> rusqlite::Result<Vec<Object>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name LIMIT {}",
        MAX_OBJECTS + 1
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok(Object {
            kind: r.get(0)?,
            name: r.get(1)?,
            table: r.get(2)?,
            sql: r.get(3)?,
        })
    })?;
    rows.collect()
}

/// What the migrations up to `version` create, in a fresh in-memory database.
fn expected(version: u32) -> Result<Vec<Object>, String> {
    objects(&fresh(version)?).map_err(|e| e.to_string())
}

/// A new in-memory database at schema `version`.
fn fresh(version: u32) -> Result<Connection, String> {
    let mut conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
    schema::migrations_up_to(version)
        .to_latest(&mut conn)
        .map_err(|e| e.to_string())?;
    Ok(conn)
}

/// How the table `want` of the file on `conn` differs from ours: which
/// column is missing, extra or of another type (rank 2); otherwise its
/// constraints (rank 5).
fn table_difference(conn: &Connection, want: &Object, version: u32) -> (u8, String) {
    let name = super::bounds::quoted(&want.name);
    let ours = expected_columns(&want.name, version).unwrap_or_default();
    let theirs = columns(conn, &want.name).unwrap_or_default();
    for (column, kind) in &ours {
        match theirs.iter().find(|(c, _)| c == column) {
            None => return (2, format!("table {name} has no column {column}")),
            Some((_, k)) if k != kind => {
                return (
                    2,
                    format!(
                        "column {column} of table {name} is declared {}, Recimap declares it {kind}",
                        if k.is_empty() { "without a type" } else { k }
                    ),
                );
            }
            Some(_) => {}
        }
    }
    if let Some((column, _)) = theirs
        .iter()
        .find(|(c, _)| !ours.iter().any(|(o, _)| o == c))
    {
        return (
            2,
            format!(
                "table {name} has a column {}, which Recimap's has not",
                super::bounds::quoted(column)
            ),
        );
    }
    (
        5,
        format!("table {name} has other keys or constraints than Recimap's"),
    )
}

/// The columns of `table` and their declared types, hidden ones included.
fn columns(conn: &Connection, table: &str) -> rusqlite::Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare("SELECT name, type FROM pragma_table_xinfo(?1) ORDER BY cid")?;
    let rows = stmt.query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

fn expected_columns(table: &str, version: u32) -> Result<Vec<(String, String)>, String> {
    columns(&fresh(version)?, table).map_err(|e| e.to_string())
}
