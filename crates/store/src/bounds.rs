//! What a project file may hold: the core's rules that no file can break
//! ([`recimap_core::model::blocks_saving`] over [`Map::problems`]), located
//! at the table and row that breaks them, plus what only a file needs —
//! bounds on text lengths and on counts, and canvas positions that are
//! points. The same rules refuse a save ([`unsaveable`]) and an open
//! (the `read` module), so Recimap never writes a file it would not open.
//!
//! The bounds are far above any real map (the product's largest is 10,000
//! units and 100,000 links) and exist so that a file made to hurt cannot
//! make us hold gigabytes in memory or print a megabyte-long name.

use recimap_core::model::{Map, UnitId, ValidationError, blocks_saving};

/// Names, ids, keys, labels, groups, leads, colours: at most this many
/// characters. The longest real department names are under 100.
pub const MAX_SHORT_TEXT: usize = 1_000;
/// Notes and questionnaire answers: at most this many characters (about
/// thirty printed pages).
pub const MAX_LONG_TEXT: usize = 100_000;
/// Units in one map (ten times the largest map the product supports).
pub const MAX_UNITS: usize = 100_000;
/// Links in one map (ten times the largest map the product supports).
pub const MAX_LINKS: usize = 1_000_000;
/// Ambassadors in one map.
pub const MAX_AMBASSADORS: usize = 100_000;
/// Questionnaire answers in one map (the workshop asks six questions).
pub const MAX_ANSWERS: usize = 1_000;
/// Findings hidden from the deck, in one map.
pub const MAX_HIDDEN_FINDINGS: usize = 100_000;
/// Snapshots in one file.
pub const MAX_SNAPSHOTS: usize = 1_000;
/// Units, links, ambassadors, answers and hidden findings over the map and
/// all its snapshots together: what bounds the memory a file can make us
/// use (about 200 bytes an item at most, so about a gigabyte), whatever the
/// counts of each map. Forty-five snapshots of the largest supported map.
pub const MAX_ITEMS: usize = 5_000_000;

/// A row of a project file, as messages name it.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Map,
    Unit(UnitId),
    /// The unit's position and colour (`unit_display`).
    Display(UnitId),
    Link(UnitId, UnitId),
    Ambassador(String),
    Answer(usize),
    HiddenFinding(usize),
}

impl Place {
    /// The table that holds the row.
    pub fn table(&self) -> &'static str {
        match self {
            Place::Map => "map",
            Place::Unit(_) => "units",
            Place::Display(_) => "unit_display",
            Place::Link(..) => "links",
            Place::Ambassador(_) => "ambassadors",
            Place::Answer(_) => "answers",
            Place::HiddenFinding(_) => "hidden_findings",
        }
    }

    /// The row, by its key (`fin → it`, `'fin'`, `3`).
    pub fn row(&self) -> String {
        match self {
            Place::Map => "1".into(),
            Place::Unit(id) | Place::Display(id) => quoted(&id.0),
            Place::Link(s, t) => format!("{} → {}", shown(&s.0), shown(&t.0)),
            Place::Ambassador(id) => quoted(id),
            Place::Answer(seq) | Place::HiddenFinding(seq) => seq.to_string(),
        }
    }

    /// `table links, row fin → it`.
    pub fn in_table(&self) -> String {
        format!("table {}, row {}", self.table(), self.row())
    }

    /// The same thing in the words of a map (`link fin → it`), for a
    /// snapshot's map, which is JSON and has no tables.
    pub fn in_map(&self) -> String {
        match self {
            Place::Map => "the map".into(),
            Place::Unit(id) => format!("unit {}", quoted(&id.0)),
            Place::Display(id) => format!("the position of unit {}", quoted(&id.0)),
            Place::Link(..) => format!("link {}", self.row()),
            Place::Ambassador(id) => format!("ambassador {}", quoted(id)),
            Place::Answer(seq) => format!("answer {seq}"),
            Place::HiddenFinding(seq) => format!("hidden finding {seq}"),
        }
    }
}

/// One thing a file cannot hold: where, what (relative to the row), and the
/// sentence a save shows (the core's own message for the core's rules).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub place: Place,
    pub what: String,
    pub sentence: String,
}

impl Problem {
    fn ours(place: Place, what: String) -> Self {
        let sentence = format!("{}: {what}", place.in_map());
        Problem {
            place,
            what,
            sentence,
        }
    }
}

/// A user's text as a message shows it: at most 40 characters, control
/// characters escaped, in quotes.
pub fn quoted(s: &str) -> String {
    format!("'{}'", shown(s))
}

/// A user's text as a message shows it, unquoted (see [`quoted`]).
pub fn shown(s: &str) -> String {
    clipped(s, 40)
}

/// `s` with control characters escaped and cut after `max` characters (`…`).
pub fn clipped(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars().take(max) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if s.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// Everything in `map` that a project file cannot hold, in the order of the
/// map's lists: counts first, then the core's rules, then text lengths and
/// positions.
pub fn problems(map: &Map) -> Vec<Problem> {
    let mut problems = count_problems(map);
    problems.extend(
        map.problems()
            .into_iter()
            .filter(blocks_saving)
            .map(|p| locate(&p)),
    );
    text_problems(map, &mut problems);
    for u in &map.units {
        if let Some(p) = u.position.filter(|p| !p.x.is_finite() || !p.y.is_finite()) {
            problems.push(Problem {
                place: Place::Display(u.id.clone()),
                what: format!(
                    "the position ({}, {}) is not a point on the canvas",
                    p.x, p.y
                ),
                sentence: format!(
                    "unit '{}' is placed at ({}, {}), which is not a point on the canvas — move it",
                    shown(&u.id.0),
                    p.x,
                    p.y
                ),
            });
        }
    }
    problems
}

/// The units, links, ambassadors, answers and hidden findings of `map`.
pub fn items(map: &Map) -> usize {
    map.units.len()
        + map.links.len()
        + map.ambassadors.len()
        + map.questionnaire.len()
        + map.hidden_findings.len()
}

/// The list lengths of `map` over their bounds.
fn count_problems(map: &Map) -> Vec<Problem> {
    [
        ("units", map.units.len(), MAX_UNITS),
        ("links", map.links.len(), MAX_LINKS),
        ("ambassadors", map.ambassadors.len(), MAX_AMBASSADORS),
        (
            "questionnaire answers",
            map.questionnaire.len(),
            MAX_ANSWERS,
        ),
        (
            "hidden findings",
            map.hidden_findings.len(),
            MAX_HIDDEN_FINDINGS,
        ),
    ]
    .into_iter()
    .filter(|(_, n, max)| n > max)
    .map(|(what, n, max)| {
        Problem::ours(
            Place::Map,
            format!("it has {n} {what}; a project file holds at most {max}"),
        )
    })
    .collect()
}

/// A core validation problem at its row, in a row's words.
fn locate(problem: &ValidationError) -> Problem {
    use ValidationError as V;
    let (place, what) = match problem {
        V::DuplicateUnit(id) => (
            Place::Unit(id.clone()),
            "another unit has the same id".to_owned(),
        ),
        V::UnknownUnit { from, to, missing } => (
            Place::Link(from.clone(), to.clone()),
            format!("unit {} is not on the map", quoted(&missing.0)),
        ),
        V::DuplicateLink { from, to } => (
            Place::Link(from.clone(), to.clone()),
            "another link has the same direction".to_owned(),
        ),
        V::RatingOutOfRange {
            from,
            to,
            dimension,
            value,
            max,
        } => (
            Place::Link(from.clone(), to.clone()),
            format!("rating '{dimension}' is {value}, the scale is 0–{max}"),
        ),
        V::BadWeight { from, to, weight } => (
            Place::Link(from.clone(), to.clone()),
            format!("weight is {weight}, a weight is a finite number ≥ 0"),
        ),
        V::BadDimensionWeight { dimension, weight } => (
            Place::Map,
            format!("weight_{dimension} is {weight}, a dimension weight is a finite number ≥ 0"),
        ),
        V::DuplicateAmbassador(id) => (
            Place::Ambassador(id.clone()),
            "another ambassador has the same id".to_owned(),
        ),
        V::AmbassadorUnknownUnit { name, unit } => (
            Place::Ambassador(name.clone()),
            format!("unit {} is not on the map", quoted(&unit.0)),
        ),
        other => (Place::Map, other.to_string()),
    };
    Problem {
        place,
        what,
        sentence: problem.to_string(),
    }
}

/// Texts longer than their bound.
fn text_problems(map: &Map, out: &mut Vec<Problem>) {
    let mut check = |place: &dyn Fn() -> Place, column: &str, text: &str, max: usize| {
        // Cheap first: a text of at most `max` bytes has at most `max` characters.
        if text.len() > max {
            let n = text.chars().count();
            if n > max {
                out.push(Problem::ours(
                    place(),
                    format!("{column} is {n} characters long, the limit is {max}"),
                ));
            }
        }
    };
    let (short, long) = (MAX_SHORT_TEXT, MAX_LONG_TEXT);
    check(&|| Place::Map, "title", &map.title, short);
    check(&|| Place::Map, "organisation", &map.organisation, short);
    check(&|| Place::Map, "notes", &map.notes, long);
    for u in &map.units {
        let at = || Place::Unit(u.id.clone());
        check(&at, "id", &u.id.0, short);
        check(&at, "name", &u.name, short);
        check(&at, "unit_group", u.group.as_deref().unwrap_or(""), short);
        check(&at, "lead", u.lead.as_deref().unwrap_or(""), short);
        check(&at, "notes", &u.notes, long);
        let display = || Place::Display(u.id.clone());
        check(&display, "colour", u.colour.as_deref().unwrap_or(""), short);
    }
    for l in &map.links {
        let at = || Place::Link(l.source.clone(), l.target.clone());
        check(&at, "notes", &l.notes, long);
    }
    for a in &map.ambassadors {
        let at = || Place::Ambassador(a.id.clone());
        check(&at, "id", &a.id, short);
        check(&at, "name", &a.name, short);
    }
    for (seq, a) in map.questionnaire.iter().enumerate() {
        let at = || Place::Answer(seq);
        check(&at, "question", &a.question, short);
        check(&at, "answer", &a.answer, long);
    }
    for (seq, key) in map.hidden_findings.iter().enumerate() {
        check(&|| Place::HiddenFinding(seq), "finding_key", key, short);
    }
}

/// What stops `doc` from being saved, as the save reports it: the map's
/// problems, each snapshot's, and the document's own bounds (how many
/// snapshots, how many items in all, snapshot labels and times).
pub fn unsaveable(doc: &recimap_core::Document) -> Vec<String> {
    let mut out: Vec<String> = problems(&doc.map).into_iter().map(|p| p.sentence).collect();
    if doc.snapshots.len() > MAX_SNAPSHOTS {
        out.push(format!(
            "the map has {} snapshots; a project file holds at most {MAX_SNAPSHOTS} — delete old ones",
            doc.snapshots.len()
        ));
    }
    let mut total = items(&doc.map);
    for s in &doc.snapshots {
        total += items(&s.map);
        let name = quoted(&s.label);
        for (what, text) in [("label", &s.label), ("time", &s.taken_at)] {
            if text.chars().count() > MAX_SHORT_TEXT {
                out.push(format!(
                    "snapshot {name}: its {what} is longer than {MAX_SHORT_TEXT} characters"
                ));
            }
        }
        out.extend(
            problems(&s.map)
                .into_iter()
                .map(|p| format!("snapshot {name}: {}", p.sentence)),
        );
    }
    if total > MAX_ITEMS {
        out.push(format!(
            "the map and its snapshots hold {total} units, links, ambassadors, answers and hidden findings together; a project file holds at most {MAX_ITEMS} — delete old snapshots"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_in_messages_is_short_and_escaped() {
        assert_eq!(quoted("fin"), "'fin'");
        assert_eq!(shown("a\nb\u{7}"), "a\\nb\\u{7}");
        let long = "x".repeat(100);
        assert_eq!(shown(&long), format!("{}…", "x".repeat(40)));
    }
}
