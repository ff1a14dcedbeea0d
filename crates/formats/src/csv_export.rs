//! CSV export of a map's units and links in the layout the CSV importer
//! ([`super::csv::import_csv`]) reads, so that export → import gives back the
//! same units and links.
//!
//! `units.csv`: `id,name,kind,group,headcount,lead,notes`.
//! `links.csv`: `source,target,weight,frequency,why,listening,trust,notes` —
//! `weight` is the raw imported weight (empty for rated links), the four
//! ratings are whole numbers 0–5 or empty (unrated). Numbers are written in
//! the shortest form that reads back to the same value. Quoting is the csv
//! crate's (RFC 4180), so commas, quotes and line breaks in names survive.
//!
//! On the command line, `recimap export FILE --format csv -o DIR` writes
//! `DIR/units.csv` and `DIR/links.csv` (the folder is created if needed).

use recimap_core::model::Map;

/// The units table as CSV text.
pub fn units_csv(map: &Map) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing into a Vec cannot fail.
    let _ = w.write_record(["id", "name", "kind", "group", "headcount", "lead", "notes"]);
    for u in &map.units {
        let _ = w.write_record([
            u.id.as_str(),
            &u.name,
            u.kind.as_str(),
            u.group.as_deref().unwrap_or(""),
            &u.headcount.map(|h| h.to_string()).unwrap_or_default(),
            u.lead.as_deref().unwrap_or(""),
            &u.notes,
        ]);
    }
    into_string(w)
}

/// The links table as CSV text.
pub fn links_csv(map: &Map) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "source",
        "target",
        "weight",
        "frequency",
        "why",
        "listening",
        "trust",
        "notes",
    ]);
    let num = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
    for l in &map.links {
        let r = &l.ratings;
        let _ = w.write_record([
            l.source.as_str(),
            l.target.as_str(),
            &l.weight.map(|w| w.to_string()).unwrap_or_default(),
            &num(r.frequency),
            &num(r.why),
            &num(r.listening),
            &num(r.trust),
            &l.notes,
        ]);
    }
    into_string(w)
}

fn into_string(w: csv::Writer<Vec<u8>>) -> String {
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
