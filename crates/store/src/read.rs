//! Reading a [`Document`] out of an open project database whose schema has
//! been checked ([`crate::shape`]) and is at the current version.
//!
//! Nothing is trusted: every value is read by its SQLite type (text where text
//! belongs, a whole number where a number belongs — no silent conversion),
//! enumerations and ranges are checked as they are read, no table is read
//! past its bound ([`crate::bounds`]), and the loaded map and every snapshot
//! then go through the same rules as a save ([`bounds::problems`]: the core's
//! validation plus the file's bounds). Whatever is wrong is reported as
//! [`Fault::Invalid`] naming the table and the row (`table links, row fin →
//! it: rating 'frequency' is 9, the scale is 0–5`), never a panic. The
//! [`Deadline`] is checked between rows as SQLite checks it between steps.

use std::ops::RangeInclusive;
use std::path::Path;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row};

use super::bounds::{self, Place, quoted, shown};
use super::error::Fault;
use super::untrusted::{Deadline, MAX_VALUE_BYTES};
use super::{Document, Snapshot, StoreError};
use recimap_core::model::{
    Ambassador, AmbassadorRole, Answer, DimensionWeights, Link, Map, MaturityStage, Position,
    RATING_MAX, Ratings, Unit, UnitId, UnitKind,
};

/// How many problems one message lists.
const SHOWN_PROBLEMS: usize = 3;

/// How deep a snapshot's map JSON may nest arrays and objects. A map is 4
/// deep (map → units → unit → position); serde_json stops at 128 in the
/// fields it reads, but skips an unknown field's value without any limit.
const MAX_JSON_DEPTH: usize = 32;

/// Reads the whole document from `conn`; `path` is only used in messages.
pub fn load(conn: &Connection, path: &Path, deadline: &Deadline) -> Result<Document, StoreError> {
    let tables = Tables {
        conn,
        path,
        deadline,
    };
    let mut map = tables.map_row()?;
    map.units = tables.units()?;
    tables.orphan_display_rows()?;
    map.links = tables.links()?;
    map.ambassadors = tables.ambassadors()?;
    map.questionnaire = tables.answers()?;
    map.hidden_findings = tables.hidden_findings()?;
    tables.valid(&map)?;
    let snapshots = tables.snapshots(bounds::items(&map))?;
    Ok(Document { map, snapshots })
}

/// The tables of an open project database, read one function per table;
/// `path` names the file in messages.
struct Tables<'a> {
    conn: &'a Connection,
    path: &'a Path,
    deadline: &'a Deadline,
}

/// A value that is not what its column must hold: the message, relative to
/// the row (`rating 'why' holds the text 'high', …`).
type Bad = String;

impl Tables<'_> {
    fn error(&self, fault: Fault, detail: String) -> StoreError {
        StoreError::Corrupt {
            path: self.path.into(),
            detail,
            fault,
        }
    }

    /// Values a map cannot have, at `where_` (`table links, row fin → it`).
    fn invalid(&self, where_: &str, what: &str) -> StoreError {
        self.error(Fault::Invalid, format!("{where_}: {what}"))
    }

    /// An SQLite error while reading: the deadline, a value over the length
    /// limit, or damage.
    fn sql(&self, e: rusqlite::Error) -> StoreError {
        sqlite_error(self.path, self.deadline, e)
    }

    /// [`Tables::sql`] for an error while stepping through `table`: a value
    /// over the length limit is named by its table.
    fn sql_in(&self, table: &str, e: rusqlite::Error) -> StoreError {
        match self.sql(e) {
            StoreError::Corrupt {
                path,
                detail,
                fault: Fault::Invalid,
            } => StoreError::Corrupt {
                path,
                detail: format!("table {table}: {detail}"),
                fault: Fault::Invalid,
            },
            other => other,
        }
    }

    /// Checked every few thousand rows, and between snapshots.
    fn in_time(&self, row: usize) -> Result<(), StoreError> {
        if row.is_multiple_of(4096) && self.deadline.passed() {
            return Err(self.error(Fault::Hostile, self.deadline.describe()));
        }
        Ok(())
    }

    /// Refuses `table` once it holds more than `max` rows.
    fn within(&self, table: &str, count: usize, max: usize) -> Result<(), StoreError> {
        if count > max {
            return Err(self.error(
                Fault::Invalid,
                format!("table {table} holds more than {max} rows, the most a project file has"),
            ));
        }
        self.in_time(count)
    }

    /// The map's problems ([`bounds::problems`]), at their tables and rows.
    fn valid(&self, map: &Map) -> Result<(), StoreError> {
        let problems = bounds::problems(map);
        if problems.is_empty() {
            return Ok(());
        }
        let shown: Vec<String> = problems
            .iter()
            .take(SHOWN_PROBLEMS)
            .map(|p| format!("{}: {}", p.place.in_table(), p.what))
            .collect();
        Err(self.error(Fault::Invalid, with_more(shown, problems.len())))
    }

    /// `map`: a map with the title, organisation, notes, maturity stage and
    /// dimension weights of its one row, and nothing else yet.
    fn map_row(&self) -> Result<Map, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, title, organisation, notes, maturity, weight_frequency, weight_why,
                        weight_listening, weight_trust FROM map LIMIT 2",
            )
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.sql(e))?;
        let Some(r) = rows.next().map_err(|e| self.sql_in("map", e))? else {
            return Err(self.invalid("table map", "it is empty; a project file has one row"));
        };
        let at = Place::Map.in_table();
        let bad = |what: Bad| self.invalid(&at, &what);
        let id = int(r, 0, "id", 1..=1, "1").map_err(bad)?;
        if id.is_none() {
            return Err(bad("id is empty; it is 1".into()));
        }
        let maturity = opt_text(r, 4, "maturity").map_err(bad)?;
        let map = Map {
            title: text(r, 1, "title").map_err(bad)?,
            organisation: text(r, 2, "organisation").map_err(bad)?,
            notes: text(r, 3, "notes").map_err(bad)?,
            maturity: match maturity {
                None => None,
                Some(s) => Some(parse_enum::<MaturityStage>(&s).ok_or_else(|| {
                    bad(format!(
                        "maturity is {}, not a stage Recimap knows",
                        quoted(&s)
                    ))
                })?),
            },
            dimension_weights: DimensionWeights {
                frequency: real(r, 5, "weight_frequency").map_err(bad)?,
                why: real(r, 6, "weight_why").map_err(bad)?,
                listening: real(r, 7, "weight_listening").map_err(bad)?,
                trust: real(r, 8, "weight_trust").map_err(bad)?,
            },
            ..Map::default()
        };
        if rows.next().map_err(|e| self.sql_in("map", e))?.is_some() {
            return Err(self.invalid(
                "table map",
                "it holds more than one row; a project file has one",
            ));
        }
        Ok(map)
    }

    /// `units` with their `unit_display` (position, colour), in map order.
    fn units(&self) -> Result<Vec<Unit>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT u.rowid, u.id, u.name, u.kind, u.unit_group, u.headcount, u.lead, u.notes,
                        d.x, d.y, d.colour
                 FROM units u LEFT JOIN unit_display d ON d.unit_id = u.id ORDER BY u.seq",
            )
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.sql(e))?;
        let mut units = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.sql_in("units", e))? {
            self.within("units", units.len() + 1, bounds::MAX_UNITS)?;
            let id = key(r, 1, "id", "units").map_err(|(at, what)| self.invalid(&at, &what))?;
            let unit_id = UnitId(id.clone());
            units.push(unit(r, id).map_err(|(display, what)| {
                let at = if display {
                    Place::Display(unit_id)
                } else {
                    Place::Unit(unit_id)
                };
                self.invalid(&at.in_table(), &what)
            })?);
        }
        Ok(units)
    }

    /// A `unit_display` row for a unit that is not in `units`: a file Recimap
    /// wrote never has one (the key references `units`).
    fn orphan_display_rows(&self) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT unit_id FROM unit_display WHERE unit_id NOT IN (SELECT id FROM units) LIMIT 1",
            )
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.sql(e))?;
        if let Some(r) = rows.next().map_err(|e| self.sql_in("unit_display", e))? {
            let row = match r.get_ref(0) {
                Ok(ValueRef::Text(t)) => quoted(&String::from_utf8_lossy(t)),
                Ok(v) => describe(v),
                Err(e) => return Err(self.sql(e)),
            };
            return Err(self.invalid(
                &format!("table unit_display, row {row}"),
                "the unit it places is not in table units",
            ));
        }
        Ok(())
    }

    /// `links`, in map order.
    fn links(&self) -> Result<Vec<Link>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT rowid, source, target, frequency, why, listening, trust, weight, notes
                 FROM links ORDER BY seq",
            )
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.sql(e))?;
        let mut links = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.sql_in("links", e))? {
            self.within("links", links.len() + 1, bounds::MAX_LINKS)?;
            let bad_key = |(at, what): (String, Bad)| self.invalid(&at, &what);
            let source = key(r, 1, "source", "links").map_err(bad_key)?;
            let target = key(r, 2, "target", "links").map_err(bad_key)?;
            let place = Place::Link(UnitId(source.clone()), UnitId(target.clone()));
            links.push(
                link(r, source, target).map_err(|what| self.invalid(&place.in_table(), &what))?,
            );
        }
        Ok(links)
    }

    /// `ambassadors`, in map order.
    fn ambassadors(&self) -> Result<Vec<Ambassador>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT rowid, id, name, unit_id, role FROM ambassadors ORDER BY seq")
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.sql(e))?;
        let mut ambassadors = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.sql_in("ambassadors", e))? {
            self.within(
                "ambassadors",
                ambassadors.len() + 1,
                bounds::MAX_AMBASSADORS,
            )?;
            let id =
                key(r, 1, "id", "ambassadors").map_err(|(at, what)| self.invalid(&at, &what))?;
            let at = Place::Ambassador(id.clone()).in_table();
            let bad = |what: Bad| self.invalid(&at, &what);
            let role = text(r, 4, "role").map_err(bad)?;
            ambassadors.push(Ambassador {
                name: text(r, 2, "name").map_err(bad)?,
                unit: UnitId(text(r, 3, "unit_id").map_err(bad)?),
                role: parse_enum::<AmbassadorRole>(&role).ok_or_else(|| {
                    bad(format!("role is {}, not one Recimap knows", quoted(&role)))
                })?,
                id,
            });
        }
        Ok(ambassadors)
    }

    /// `answers`: the workshop questionnaire, in map order.
    fn answers(&self) -> Result<Vec<Answer>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq, question, answer FROM answers ORDER BY seq")
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.sql(e))?;
        let mut answers = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.sql_in("answers", e))? {
            self.within("answers", answers.len() + 1, bounds::MAX_ANSWERS)?;
            let at = format!("table answers, row {}", seq(r));
            let bad = |what: Bad| self.invalid(&at, &what);
            answers.push(Answer {
                question: text(r, 1, "question").map_err(bad)?,
                answer: text(r, 2, "answer").map_err(bad)?,
            });
        }
        Ok(answers)
    }

    /// `hidden_findings`: the keys of the findings hidden from the deck, in map order.
    fn hidden_findings(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq, finding_key FROM hidden_findings ORDER BY seq")
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.sql(e))?;
        let mut keys = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.sql_in("hidden_findings", e))? {
            self.within(
                "hidden_findings",
                keys.len() + 1,
                bounds::MAX_HIDDEN_FINDINGS,
            )?;
            let at = format!("table hidden_findings, row {}", seq(r));
            keys.push(text(r, 1, "finding_key").map_err(|what| self.invalid(&at, &what))?);
        }
        Ok(keys)
    }

    /// `snapshots`, by id, each map read from its JSON and checked like the
    /// current map. `items` is what the current map already holds (see
    /// [`bounds::MAX_ITEMS`]).
    fn snapshots(&self, mut items: usize) -> Result<Vec<Snapshot>, StoreError> {
        let mut snapshots: Vec<Snapshot> = Vec::new();
        let mut stmt = self
            .conn
            .prepare("SELECT id, label, taken_at, map_version, map_json FROM snapshots ORDER BY id")
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.sql(e))?;
        while let Some(r) = rows.next().map_err(|e| self.sql_in("snapshots", e))? {
            self.within("snapshots", snapshots.len() + 1, bounds::MAX_SNAPSHOTS)?;
            if self.deadline.passed() {
                return Err(self.error(Fault::Hostile, self.deadline.describe()));
            }
            let snapshot = self.snapshot(r)?;
            if snapshots.iter().any(|s| s.id == snapshot.id) {
                return Err(self.invalid(
                    &format!("table snapshots, row {}", snapshot.id),
                    "another snapshot has the same id",
                ));
            }
            items += bounds::items(&snapshot.map);
            if items > bounds::MAX_ITEMS {
                return Err(self.error(
                    Fault::Invalid,
                    format!(
                        "the map and its snapshots hold more than {} units, links, ambassadors, answers and hidden findings together, the most a project file has",
                        bounds::MAX_ITEMS
                    ),
                ));
            }
            snapshots.push(snapshot);
        }
        Ok(snapshots)
    }

    /// One row of `snapshots`: its map must read and hold nothing a file cannot.
    fn snapshot(&self, r: &Row) -> Result<Snapshot, StoreError> {
        let id = match r.get_ref(0).map_err(|e| self.sql(e))? {
            ValueRef::Integer(id) => id,
            v => {
                return Err(self.invalid(
                    "table snapshots",
                    &format!("a row's id is {}, not a whole number", describe(v)),
                ));
            }
        };
        let mut at = format!("table snapshots, row {id}");
        let label = text(r, 1, "label").map_err(|what| self.invalid(&at, &what))?;
        at = format!("{at} ({})", quoted(&label));
        let bad = |what: Bad| self.invalid(&at, &what);
        let taken_at = text(r, 2, "taken_at").map_err(bad)?;
        for (column, value) in [("label", &label), ("taken_at", &taken_at)] {
            let n = value.chars().count();
            if n > bounds::MAX_SHORT_TEXT {
                return Err(bad(format!(
                    "{column} is {n} characters long, the limit is {}",
                    bounds::MAX_SHORT_TEXT
                )));
            }
        }
        let shape = i64::from(recimap_core::model::MAP_SHAPE_VERSION);
        let version = int(r, 3, "map_version", i64::MIN..=i64::MAX, "a version number")
            .map_err(bad)?
            .ok_or_else(|| bad("map_version is empty".into()))?;
        if version != shape {
            return Err(self.error(
                Fault::Invalid,
                format!(
                    "snapshot {id} holds a map in JSON version {version}, which this Recimap does not read (it reads version {shape})"
                ),
            ));
        }
        let json = text(r, 4, "map_json").map_err(bad)?;
        if json_depth_over(&json, MAX_JSON_DEPTH) {
            return Err(bad(format!(
                "its map JSON is nested more than {MAX_JSON_DEPTH} levels deep; a map is 4 deep"
            )));
        }
        let map: Map = serde_json::from_str(&json).map_err(|e| {
            bad(format!(
                "its map JSON does not read as a map: {}",
                shown(&e.to_string())
            ))
        })?;
        drop(json);
        let problems = bounds::problems(&map);
        if !problems.is_empty() {
            let shown: Vec<String> = problems
                .iter()
                .take(SHOWN_PROBLEMS)
                .map(|p| format!("in its map, {}: {}", p.place.in_map(), p.what))
                .collect();
            return Err(bad(with_more(shown, problems.len())));
        }
        Ok(Snapshot {
            id,
            label,
            taken_at,
            map,
        })
    }
}

/// The error for an SQLite failure on a user's file: the deadline, a value
/// over the length limit, or damage.
pub fn sqlite_error(path: &Path, deadline: &Deadline, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    let (fault, detail) = match e.sqlite_error_code() {
        Some(ErrorCode::OperationInterrupted) => (Fault::Hostile, deadline.describe()),
        _ if deadline.passed() => (Fault::Hostile, deadline.describe()),
        Some(ErrorCode::TooBig) => (
            Fault::Invalid,
            format!(
                "a value is larger than {} MiB, the most a project file holds",
                MAX_VALUE_BYTES / 1024 / 1024
            ),
        ),
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            return StoreError::Unreadable {
                path: path.into(),
                reason: e.to_string(),
            };
        }
        _ => (Fault::Damaged, e.to_string()),
    };
    StoreError::Corrupt {
        path: path.into(),
        detail,
        fault,
    }
}

/// Whether `json` nests arrays and objects more than `max` deep. Counts
/// brackets outside strings, nothing else: a scan, not a parser (serde_json
/// has no setting that bounds the depth of the values it skips, and parsing
/// into a `serde_json::Value` first would build the whole tree to measure it).
fn json_depth_over(json: &str, max: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in json.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// `problems` joined, with how many more there are.
fn with_more(mut shown: Vec<String>, total: usize) -> String {
    if total > shown.len() {
        shown.push(format!("and {} more", total - shown.len()));
    }
    shown.join("; ")
}

/// A value as a message shows it: `the text 'high'`, `the number 3.5`.
fn describe(v: ValueRef) -> String {
    match v {
        ValueRef::Null => "empty (NULL)".into(),
        ValueRef::Integer(i) => format!("the whole number {i}"),
        ValueRef::Real(f) => format!("the number {f}"),
        ValueRef::Text(t) => format!("the text {}", quoted(&String::from_utf8_lossy(t))),
        ValueRef::Blob(b) => format!("binary data ({} bytes)", b.len()),
    }
}

fn value<'r>(r: &'r Row, i: usize, column: &str) -> Result<ValueRef<'r>, Bad> {
    r.get_ref(i)
        .map_err(|e| format!("{column} cannot be read: {e}"))
}

/// A text column: text, and valid UTF-8.
fn text(r: &Row, i: usize, column: &str) -> Result<String, Bad> {
    match value(r, i, column)? {
        ValueRef::Text(t) => {
            String::from_utf8(t.to_vec()).map_err(|_| format!("{column} is not valid UTF-8 text"))
        }
        v => Err(format!("{column} is {}, where text belongs", describe(v))),
    }
}

/// A text column that may be empty (NULL).
fn opt_text(r: &Row, i: usize, column: &str) -> Result<Option<String>, Bad> {
    match value(r, i, column)? {
        ValueRef::Null => Ok(None),
        _ => text(r, i, column).map(Some),
    }
}

/// A whole-number column that may be empty: a whole number in `range`
/// (`scale` says what belongs there in a message).
fn int(
    r: &Row,
    i: usize,
    column: &str,
    range: RangeInclusive<i64>,
    scale: &str,
) -> Result<Option<i64>, Bad> {
    match value(r, i, column)? {
        ValueRef::Null => Ok(None),
        ValueRef::Integer(n) if range.contains(&n) => Ok(Some(n)),
        ValueRef::Integer(n) => Err(format!("{column} is {n}, where {scale} belongs")),
        v => Err(format!(
            "{column} is {}, where {scale} belongs",
            describe(v)
        )),
    }
}

/// A number column: a whole number or a real number (NaN cannot be stored:
/// SQLite reads it back as NULL; infinities are left to the map's rules).
fn opt_real(r: &Row, i: usize, column: &str) -> Result<Option<f64>, Bad> {
    match value(r, i, column)? {
        ValueRef::Null => Ok(None),
        ValueRef::Integer(n) => Ok(Some(n as f64)),
        ValueRef::Real(f) => Ok(Some(f)),
        v => Err(format!(
            "{column} is {}, where a number belongs",
            describe(v)
        )),
    }
}

fn real(r: &Row, i: usize, column: &str) -> Result<f64, Bad> {
    opt_real(r, i, column)?.ok_or_else(|| format!("{column} is empty, where a number belongs"))
}

/// The key column of a row, as text; when it is not text, the row is named
/// by its rowid (column 0) in the error: `(where, what)`.
fn key(r: &Row, i: usize, column: &str, table: &str) -> Result<String, (String, Bad)> {
    text(r, i, column).map_err(|what| {
        let rowid = match r.get_ref(0) {
            Ok(ValueRef::Integer(n)) => n.to_string(),
            _ => "?".into(),
        };
        (format!("table {table}, the row with rowid {rowid}"), what)
    })
}

/// The `seq` of a row (column 0), as a message names the row.
fn seq(r: &Row) -> String {
    match r.get_ref(0) {
        Ok(ValueRef::Integer(n)) => n.to_string(),
        Ok(v) => describe(v),
        Err(_) => "?".into(),
    }
}

/// A unit from its row; an error says whether it is in the display columns.
fn unit(r: &Row, id: String) -> Result<Unit, (bool, Bad)> {
    let own = |what: Bad| (false, what);
    let display = |what: Bad| (true, what);
    let kind = text(r, 3, "kind").map_err(own)?;
    let headcount = int(
        r,
        5,
        "headcount",
        0..=i64::from(u32::MAX),
        "a head count ≥ 0 or nothing",
    )
    .map_err(own)?;
    let x = opt_real(r, 8, "x").map_err(display)?;
    let y = opt_real(r, 9, "y").map_err(display)?;
    let position = match (x, y) {
        (Some(x), Some(y)) => Some(Position { x, y }),
        (None, None) => None,
        _ => {
            return Err(display(
                "only one of x and y is given; a position has both or neither".into(),
            ));
        }
    };
    Ok(Unit {
        name: text(r, 2, "name").map_err(own)?,
        kind: parse_enum::<UnitKind>(&kind).ok_or_else(|| {
            own(format!(
                "kind is {}, not one of business, it, digital, external",
                quoted(&kind)
            ))
        })?,
        group: opt_text(r, 4, "unit_group").map_err(own)?,
        headcount: headcount.map(|n| n as u32),
        lead: opt_text(r, 6, "lead").map_err(own)?,
        notes: text(r, 7, "notes").map_err(own)?,
        position,
        colour: opt_text(r, 10, "colour").map_err(display)?,
        id: UnitId(id),
    })
}

/// A link from its row (columns 3–8).
fn link(r: &Row, source: String, target: String) -> Result<Link, Bad> {
    let max = i64::from(RATING_MAX);
    let rating = |i: usize, dimension: &str| -> Result<Option<u8>, Bad> {
        match value(r, i, dimension)? {
            ValueRef::Null => Ok(None),
            ValueRef::Integer(n) if (0..=max).contains(&n) => Ok(Some(n as u8)),
            ValueRef::Integer(n) => Err(format!(
                "rating '{dimension}' is {n}, the scale is 0–{RATING_MAX}"
            )),
            v => Err(format!(
                "rating '{dimension}' is {}, where a whole number 0–{RATING_MAX} or nothing belongs",
                describe(v)
            )),
        }
    };
    let ratings = Ratings {
        frequency: rating(3, "frequency")?,
        why: rating(4, "why")?,
        listening: rating(5, "listening")?,
        trust: rating(6, "trust")?,
    };
    Ok(Link {
        ratings,
        weight: opt_real(r, 7, "weight")?,
        notes: text(r, 8, "notes")?,
        source: UnitId(source),
        target: UnitId(target),
    })
}

/// Parses the snake_case/lowercase serde name of a unit enum.
fn parse_enum<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}

#[cfg(test)]
mod tests {
    use super::json_depth_over;

    #[test]
    fn json_depth_counts_brackets_outside_strings() {
        assert!(!json_depth_over(r#"{"units":[{"position":{"x":1}}]}"#, 4));
        assert!(json_depth_over(r#"{"units":[{"position":{"x":[1]}}]}"#, 4));
        assert!(!json_depth_over(r#"{"name":"[[[[[[{{{{\"[[[["}"#, 1));
        assert!(json_depth_over(&"[".repeat(5000), 32));
    }
}
