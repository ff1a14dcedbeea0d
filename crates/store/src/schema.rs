//! The schema of the `.recimap` file: its `application_id`, its version
//! (`PRAGMA user_version`) and the migrations that bring an older file up to
//! date. ARCHITECTURE.md ("Project file") documents every table.
//!
//! Migrations only ever append: a released migration is never edited, because
//! files written with it exist on users' disks. `tests/store_migration.rs`
//! validates the list and migrates a checked-in version-1 file.

use rusqlite_migration::{M, Migrations};

/// `PRAGMA application_id` of every `.recimap` file: the ASCII bytes `RCMP`
/// (0x52434D50). It sits at offset 68 of the SQLite header, so `file(1)` and
/// any tool can tell a Recimap project from another SQLite database without
/// opening it.
pub const APPLICATION_ID: u32 = 0x5243_4D50;

/// Version 1: the first released schema.
const V1: &str = "
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE map (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    title            TEXT NOT NULL DEFAULT '',
    organisation     TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    maturity         TEXT CHECK (maturity IN ('digital_innovation_project',
                         'digital_innovation_unit', 'integrated_media',
                         'digitally_integrated_organisation')),
    weight_frequency REAL NOT NULL DEFAULT 1.0,
    weight_why       REAL NOT NULL DEFAULT 1.0,
    weight_listening REAL NOT NULL DEFAULT 1.0,
    weight_trust     REAL NOT NULL DEFAULT 1.0
);

CREATE TABLE units (
    id         TEXT PRIMARY KEY NOT NULL,
    seq        INTEGER NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('business', 'it', 'digital', 'external')),
    unit_group TEXT,
    headcount  INTEGER CHECK (headcount BETWEEN 0 AND 4294967295),
    lead       TEXT,
    notes      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE unit_display (
    unit_id TEXT PRIMARY KEY NOT NULL
            REFERENCES units(id) ON DELETE CASCADE ON UPDATE CASCADE,
    x       REAL,
    y       REAL,
    colour  TEXT,
    CHECK ((x IS NULL) = (y IS NULL))
);

CREATE TABLE links (
    source    TEXT NOT NULL REFERENCES units(id) ON DELETE CASCADE ON UPDATE CASCADE,
    target    TEXT NOT NULL REFERENCES units(id) ON DELETE CASCADE ON UPDATE CASCADE,
    seq       INTEGER NOT NULL UNIQUE,
    frequency INTEGER CHECK (frequency BETWEEN 0 AND 5),
    why       INTEGER CHECK (why BETWEEN 0 AND 5),
    listening INTEGER CHECK (listening BETWEEN 0 AND 5),
    trust     INTEGER CHECK (trust BETWEEN 0 AND 5),
    weight    REAL CHECK (weight >= 0),
    notes     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (source, target)
);

CREATE TABLE ambassadors (
    id      TEXT PRIMARY KEY NOT NULL,
    seq     INTEGER NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units(id) ON DELETE CASCADE ON UPDATE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('strategist', 'innovator', 'driver'))
);

CREATE TABLE answers (
    seq      INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    answer   TEXT NOT NULL
);

CREATE TABLE hidden_findings (
    seq         INTEGER PRIMARY KEY,
    finding_key TEXT NOT NULL
);

CREATE TABLE snapshots (
    id          INTEGER PRIMARY KEY,
    label       TEXT NOT NULL,
    taken_at    TEXT NOT NULL,
    map_version INTEGER NOT NULL,
    map_json    TEXT NOT NULL CHECK (json_valid(map_json))
);
";

/// Version 2: indexes on the foreign-key child columns that are not the first
/// column of a primary key. Without them SQLite scans the whole `links` or
/// `ambassadors` table for every unit deleted or renamed through a client
/// with `foreign_keys=ON` (see <https://sqlite.org/foreignkeys.html>, section 3).
const V2: &str = "
CREATE INDEX links_target ON links(target);
CREATE INDEX ambassadors_unit ON ambassadors(unit_id);
";

/// Every migration, oldest first; index `i` brings a file to version `i + 1`.
static MIGRATIONS: &[M<'static>] = &[M::up(V1), M::up(V2)];

/// The schema version this build writes, and the newest it can open.
pub const SCHEMA_VERSION: u32 = 2;

/// The migrations, for [`rusqlite_migration`] to apply or validate.
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// The migrations up to and including `version` — used by the tests to write
/// files as an older build would have.
pub fn migrations_up_to(version: u32) -> Migrations<'static> {
    let n = (version as usize).min(MIGRATIONS.len());
    Migrations::from_slice(&MIGRATIONS[..n])
}
