//! Reading a [`Document`] out of an open project database (already at the
//! current schema version). Values a hand-edited file could hold but the model
//! cannot (a rating of 300, an unknown kind) are reported as a damaged file
//! naming the table and row, never a panic.

use std::path::Path;

use rusqlite::{Connection, Row};

use super::{Document, Snapshot, StoreError};
use recimap_core::model::{
    Ambassador, AmbassadorRole, Answer, DimensionWeights, Link, Map, MaturityStage, Position,
    Ratings, Unit, UnitId, UnitKind,
};

/// Reads the whole document from `conn`; `path` is only used in messages.
pub fn load(conn: &Connection, path: &Path) -> Result<Document, StoreError> {
    let tables = Tables { conn, path };
    let mut map = tables.map_row()?;
    map.units = tables.units()?;
    map.links = tables.links()?;
    map.ambassadors = tables.ambassadors()?;
    map.questionnaire = tables.answers()?;
    map.hidden_findings = tables.hidden_findings()?;
    let snapshots = tables.snapshots()?;
    Ok(Document { map, snapshots })
}

/// The tables of an open project database, read one function per table;
/// `path` names the file in messages.
struct Tables<'a> {
    conn: &'a Connection,
    path: &'a Path,
}

impl Tables<'_> {
    /// The file is damaged: `detail` says where.
    fn corrupt(&self, detail: String) -> StoreError {
        StoreError::Corrupt {
            path: self.path.into(),
            detail,
        }
    }

    /// An SQLite error while reading, reported as a damaged file.
    fn sql(&self, e: rusqlite::Error) -> StoreError {
        self.corrupt(e.to_string())
    }

    /// `map`: a map with the title, organisation, notes, maturity stage and
    /// dimension weights of the one row, and nothing else yet.
    fn map_row(&self) -> Result<Map, StoreError> {
        let head = self
            .conn
            .query_row(
                "SELECT title, organisation, notes, maturity, weight_frequency, weight_why,
                        weight_listening, weight_trust FROM map WHERE id = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        DimensionWeights {
                            frequency: r.get(4)?,
                            why: r.get(5)?,
                            listening: r.get(6)?,
                            trust: r.get(7)?,
                        },
                    ))
                },
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => {
                    self.corrupt("the map table is empty".into())
                }
                e => self.sql(e),
            })?;
        let mut map = Map::default();
        (map.title, map.organisation, map.notes) = (head.0, head.1, head.2);
        map.maturity = match head.3 {
            None => None,
            Some(s) => Some(parse_enum::<MaturityStage>(&s).ok_or_else(|| {
                self.corrupt(format!(
                    "the map's maturity stage '{s}' is not one Recimap knows"
                ))
            })?),
        };
        map.dimension_weights = head.4;
        Ok(map)
    }

    /// `units` with their `unit_display` (position, colour), in map order.
    fn units(&self) -> Result<Vec<Unit>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT u.id, u.name, u.kind, u.unit_group, u.headcount, u.lead, u.notes,
                        d.x, d.y, d.colour
                 FROM units u LEFT JOIN unit_display d ON d.unit_id = u.id ORDER BY u.seq",
            )
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.sql(e))?;
        let mut units = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            units.push(unit(r).map_err(|e| self.corrupt(format!("units: {e}")))?);
        }
        Ok(units)
    }

    /// `links`, in map order.
    fn links(&self) -> Result<Vec<Link>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT source, target, frequency, why, listening, trust, weight, notes
                 FROM links ORDER BY seq",
            )
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.sql(e))?;
        let mut links = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            links.push(link(r).map_err(|e| self.corrupt(format!("links: {e}")))?);
        }
        Ok(links)
    }

    /// `ambassadors`, in map order.
    fn ambassadors(&self) -> Result<Vec<Ambassador>, StoreError> {
        let sql = |e| self.sql(e);
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, unit_id, role FROM ambassadors ORDER BY seq")
            .map_err(sql)?;
        let mut rows = stmt.query([]).map_err(sql)?;
        let mut ambassadors = Vec::new();
        while let Some(r) = rows.next().map_err(sql)? {
            let role: String = r.get(3).map_err(sql)?;
            ambassadors.push(Ambassador {
                id: r.get(0).map_err(sql)?,
                name: r.get(1).map_err(sql)?,
                unit: UnitId(r.get(2).map_err(sql)?),
                role: parse_enum::<AmbassadorRole>(&role)
                    .ok_or_else(|| self.corrupt(format!("ambassadors: unknown role '{role}'")))?,
            });
        }
        Ok(ambassadors)
    }

    /// `answers`: the workshop questionnaire, in map order.
    fn answers(&self) -> Result<Vec<Answer>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT question, answer FROM answers ORDER BY seq")
            .map_err(|e| self.sql(e))?;
        stmt.query_map([], |r| {
            Ok(Answer {
                question: r.get(0)?,
                answer: r.get(1)?,
            })
        })
        .map_err(|e| self.sql(e))?
        .collect::<Result<_, _>>()
        .map_err(|e| self.sql(e))
    }

    /// `hidden_findings`: the keys of the findings hidden from the deck, in map order.
    fn hidden_findings(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT finding_key FROM hidden_findings ORDER BY seq")
            .map_err(|e| self.sql(e))?;
        stmt.query_map([], |r| r.get(0))
            .map_err(|e| self.sql(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.sql(e))
    }

    /// `snapshots`, by id; a snapshot whose map is in another JSON shape
    /// version, or does not read, makes the file damaged.
    fn snapshots(&self) -> Result<Vec<Snapshot>, StoreError> {
        let sql = |e| self.sql(e);
        let mut snapshots = Vec::new();
        let mut stmt = self
            .conn
            .prepare("SELECT id, label, taken_at, map_version, map_json FROM snapshots ORDER BY id")
            .map_err(sql)?;
        let mut rows = stmt.query([]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            let id: i64 = r.get(0).map_err(sql)?;
            let version: i64 = r.get(3).map_err(sql)?;
            if version != i64::from(recimap_core::model::MAP_SHAPE_VERSION) {
                return Err(self.corrupt(format!(
                    "snapshot {id} holds a map in JSON version {version}, which this Recimap does not read"
                )));
            }
            let json: String = r.get(4).map_err(sql)?;
            let map = serde_json::from_str(&json)
                .map_err(|e| self.corrupt(format!("snapshot {id}: its map does not read: {e}")))?;
            snapshots.push(Snapshot {
                id,
                label: r.get(1).map_err(sql)?,
                taken_at: r.get(2).map_err(sql)?,
                map,
            });
        }
        Ok(snapshots)
    }
}

fn unit(r: &Row) -> Result<Unit, String> {
    let id: String = r.get(0).map_err(|e| e.to_string())?;
    let at = |e: rusqlite::Error| format!("unit '{id}': {e}");
    let kind: String = r.get(2).map_err(at)?;
    let headcount: Option<i64> = r.get(4).map_err(at)?;
    let x: Option<f64> = r.get(7).map_err(at)?;
    let y: Option<f64> = r.get(8).map_err(at)?;
    Ok(Unit {
        name: r.get(1).map_err(at)?,
        kind: parse_enum::<UnitKind>(&kind)
            .ok_or_else(|| format!("unit '{id}': unknown kind '{kind}'"))?,
        group: r.get(3).map_err(at)?,
        headcount: headcount
            .map(u32::try_from)
            .transpose()
            .map_err(|_| format!("unit '{id}': head count out of range"))?,
        lead: r.get(5).map_err(at)?,
        notes: r.get(6).map_err(at)?,
        position: match (x, y) {
            (Some(x), Some(y)) => Some(Position { x, y }),
            _ => None,
        },
        colour: r.get(9).map_err(at)?,
        id: UnitId(id),
    })
}

fn link(r: &Row) -> Result<Link, String> {
    let source: String = r.get(0).map_err(|e| e.to_string())?;
    let target: String = r.get(1).map_err(|e| e.to_string())?;
    let at = |e: rusqlite::Error| format!("link {source} → {target}: {e}");
    let rating = |i: usize| -> Result<Option<u8>, String> {
        let v: Option<i64> = r.get(i).map_err(at)?;
        v.map(u8::try_from)
            .transpose()
            .map_err(|_| format!("link {source} → {target}: rating out of range"))
    };
    let ratings = Ratings {
        frequency: rating(2)?,
        why: rating(3)?,
        listening: rating(4)?,
        trust: rating(5)?,
    };
    Ok(Link {
        ratings,
        weight: r.get(6).map_err(at)?,
        notes: r.get(7).map_err(at)?,
        source: UnitId(source),
        target: UnitId(target),
    })
}

/// Parses the snake_case/lowercase serde name of a unit enum.
fn parse_enum<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}
