//! Connections on a file we did not write ourselves in this process — any
//! `.recimap` a user opens, a recovery copy, the in-memory copy an older file
//! is migrated in. A project file arrives by e-mail: it may be damaged or made
//! to hurt. What SQLite's "Defense against the dark arts"
//! (<https://www.sqlite.org/security.html>) asks of an application reading
//! untrusted databases is done here, once, for every such connection:
//!
//! - `trusted_schema` off and `SQLITE_DBCONFIG_DEFENSIVE` on; views and
//!   triggers disabled outright (a Recimap file has neither: the schema check
//!   in the `shape` module refuses them with a clear message first, this is the
//!   second wall); `cell_size_check` on, memory-mapped I/O off, and
//!   `query_only` on the user's file;
//! - tight [`sqlite3_limit`](https://sqlite.org/c3ref/limit.html)s, chosen in
//!   [`LIMITS`] with room for the largest map the product supports (10,000
//!   units, 100,000 links);
//! - a [`Deadline`] on every statement, through SQLite's progress handler
//!   (and checked between rows on our side), scaled with the file's size.

use std::time::{Duration, Instant};

use rusqlite::config::DbConfig;
use rusqlite::limits::Limit;
use rusqlite::{Connection, OpenFlags};

/// The longest string or BLOB (and row) SQLite builds on these connections.
///
/// The largest value in a project file is a snapshot's map as JSON. The
/// product's largest map, 10,000 units and 100,000 rated links
/// (`recimap_core::analysis::synthetic_map(10_000, 100_000, 7)`), is 6.8 MB
/// of JSON; 32 MiB leaves almost five times that. Texts typed by users are
/// bounded far lower by [`crate::bounds`].
pub const MAX_VALUE_BYTES: i32 = 32 * 1024 * 1024;

/// The `sqlite3_limit`s of every connection on a user's file, each with why.
///
/// SQLite's defaults are far above what our statements need (1 GB strings,
/// 2,000 columns, expression depth 1,000, 250,000 VDBE ops, 10 attached
/// databases, 32,766 variables); the security page suggests the low values
/// used here where our own statements and schema fit under them.
pub const LIMITS: &[(Limit, i32, &str)] = &[
    (
        Limit::SQLITE_LIMIT_LENGTH,
        MAX_VALUE_BYTES,
        "a snapshot's map JSON of the largest supported map (6.8 MB), almost five times over",
    ),
    (
        Limit::SQLITE_LIMIT_SQL_LENGTH,
        100_000,
        "our statements and CREATE statements are under 2 KB; also bounds each statement of the file's schema SQLite parses",
    ),
    (
        Limit::SQLITE_LIMIT_COLUMN,
        100,
        "our widest table has 9 columns, our widest SELECT 10",
    ),
    (
        Limit::SQLITE_LIMIT_EXPR_DEPTH,
        10,
        "our deepest expression (the unit_display CHECK) is 3 deep",
    ),
    (
        Limit::SQLITE_LIMIT_COMPOUND_SELECT,
        3,
        "we use no compound SELECT",
    ),
    (
        Limit::SQLITE_LIMIT_VDBE_OP,
        25_000,
        "our largest statement compiles to under 200 operations; this bounds program size, not rows read",
    ),
    (
        Limit::SQLITE_LIMIT_FUNCTION_ARG,
        8,
        "our schema and statements call functions with one argument",
    ),
    (
        Limit::SQLITE_LIMIT_ATTACHED,
        0,
        "we never attach a database",
    ),
    (
        Limit::SQLITE_LIMIT_LIKE_PATTERN_LENGTH,
        50,
        "we use no LIKE or GLOB",
    ),
    (
        Limit::SQLITE_LIMIT_VARIABLE_NUMBER,
        10,
        "our statements bind at most one parameter",
    ),
    (
        Limit::SQLITE_LIMIT_TRIGGER_DEPTH,
        1,
        "a Recimap file has no trigger, and triggers are disabled anyway",
    ),
    (
        Limit::SQLITE_LIMIT_WORKER_THREADS,
        0,
        "no helper threads for sorting on someone else's data",
    ),
];

/// How many SQLite virtual-machine steps run between two looks at the clock:
/// about a microsecond of work, so an interrupted statement stops at once and
/// the clock costs nothing measurable.
const STEPS_PER_CHECK: i32 = 1_000;

/// The time allowed to open one file, from the moment we start.
///
/// `BASE + size / BYTES_PER_EXTRA_SECOND`, at most `MAX`: one second for a
/// workshop-sized file (the demo map's file is 80 KB and opens in about a
/// millisecond, so whatever such a file holds, the answer comes within about
/// a second), one more second per 4 MiB (the 10,000-unit / 100,000-link map
/// is an 8.5 MB file that opens in 0.2–0.3 s, release build on two shared
/// cores: its budget of 3.0 s leaves ten times that; with five snapshots of
/// it, 43 MB, 1.1–1.6 s against 11.2 s), and never more than a minute.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    at: Instant,
    budget: Duration,
    file_len: u64,
}

impl Deadline {
    const BASE: Duration = Duration::from_secs(1);
    const BYTES_PER_EXTRA_SECOND: u64 = 4 * 1024 * 1024;
    const MAX: Duration = Duration::from_secs(60);

    /// The deadline for a file of `file_len` bytes, starting now.
    pub fn for_file(file_len: u64) -> Self {
        let extra = Duration::from_secs_f64(file_len as f64 / Self::BYTES_PER_EXTRA_SECOND as f64);
        Self::within((Self::BASE + extra).min(Self::MAX), file_len)
    }

    /// A deadline of `budget` from now (tests use a short one).
    pub fn within(budget: Duration, file_len: u64) -> Self {
        Deadline {
            at: Instant::now() + budget,
            budget,
            file_len,
        }
    }

    /// Whether the time is up.
    pub fn passed(&self) -> bool {
        Instant::now() >= self.at
    }

    /// What to tell the user when the time ran out.
    pub fn describe(&self) -> String {
        format!(
            "reading it did not finish within {:.1} s, far longer than a Recimap file of {} takes",
            self.budget.as_secs_f64(),
            human_size(self.file_len)
        )
    }
}

fn human_size(bytes: u64) -> String {
    const KB: f64 = 1000.0;
    let b = bytes as f64;
    if b < KB * KB {
        format!("{:.0} KB", (b / KB).max(1.0))
    } else if b < KB * KB * KB {
        format!("{:.1} MB", b / KB / KB)
    } else {
        format!("{:.1} GB", b / KB / KB / KB)
    }
}

/// Opens the user's file `path` read-only, with every defence of this module.
pub fn open_read_only(path: &std::path::Path, deadline: &Deadline) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    harden(&conn, deadline)?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(conn)
}

/// Applies the defences of this module to `conn`: the configuration flags,
/// the limits and the deadline. Used on the user's file and on the
/// in-memory copy an older file is migrated in.
pub fn harden(conn: &Connection, deadline: &Deadline) -> rusqlite::Result<()> {
    // Before anything reads the schema.
    for (flag, on) in [
        (DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true),
        (DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_ATTACH_CREATE, false),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_ATTACH_WRITE, false),
    ] {
        if conn.set_db_config(flag, on)? != on {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_MISUSE),
                Some(format!("SQLite refused to set {flag:?}")),
            ));
        }
    }
    for &(limit, value, _why) in LIMITS {
        conn.set_limit(limit, value)?;
    }
    let at = deadline.at;
    conn.progress_handler(STEPS_PER_CHECK, Some(move || Instant::now() >= at))?;
    conn.pragma_update(None, "cell_size_check", true)?;
    conn.pragma_update(None, "mmap_size", 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hardened(budget: Duration) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        harden(&conn, &Deadline::within(budget, 0)).unwrap();
        conn
    }

    #[test]
    fn an_endless_query_is_interrupted_at_the_deadline() {
        let conn = hardened(Duration::from_millis(200));
        let started = Instant::now();
        let err = conn
            .query_row(
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT max(n) FROM r",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap_err();
        assert_eq!(
            err.sqlite_error_code(),
            Some(rusqlite::ErrorCode::OperationInterrupted),
            "{err}"
        );
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn views_triggers_and_attach_are_off_and_limits_hold() {
        let conn = hardened(Duration::from_secs(5));
        conn.execute_batch("CREATE TABLE t (x); CREATE VIEW v AS SELECT x FROM t;")
            .unwrap();
        let err = conn.prepare("SELECT * FROM v").unwrap_err().to_string();
        assert!(err.contains("prohibited"), "{err}");
        conn.execute_batch(
            "CREATE TABLE log (x); CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (1); END;
             INSERT INTO t VALUES (1);",
        )
        .unwrap();
        let fired: i64 = conn
            .query_row("SELECT count(*) FROM log", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fired, 0, "triggers do not run");
        assert!(conn.execute_batch("ATTACH ':memory:' AS other").is_err());
        let deep = format!("SELECT {}1{}", "1 + (".repeat(20), ")".repeat(20));
        assert!(conn.prepare(&deep).is_err(), "expression depth is limited");
        let long = conn
            .query_row("SELECT length(zeroblob(?1))", [MAX_VALUE_BYTES + 1], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap_err();
        assert_eq!(
            long.sqlite_error_code(),
            Some(rusqlite::ErrorCode::TooBig),
            "{long}"
        );
        let trusted: i64 = conn
            .query_row("PRAGMA trusted_schema", [], |r| r.get(0))
            .unwrap();
        assert_eq!(trusted, 0);
    }

    #[test]
    fn the_deadline_grows_with_the_file() {
        assert_eq!(Deadline::for_file(48_000).budget.as_secs(), 1);
        let large = Deadline::for_file(8_511_488).budget.as_secs_f64();
        assert!((3.0..3.1).contains(&large), "{large}");
        assert_eq!(Deadline::for_file(u64::MAX).budget, Deadline::MAX);
        assert!(Deadline::for_file(48_000).describe().contains("48 KB"));
    }
}
