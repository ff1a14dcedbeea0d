//! CSV import of a map from two spreadsheets: one of units, one of links.
//!
//! **Units file**: a header line, then one unit per row. Columns (any order,
//! case-insensitive, extra columns ignored): `id` (required), `name` or
//! `label`, and optionally `kind` (business, it, digital, external and the
//! spellings [`UnitKind::parse`] accepts), `group` (empty or `NA` = none),
//! `headcount`, `lead`, `notes`.
//!
//! **Links file**: `source` or `from`, `target` or `to` (unit ids), then a raw
//! `weight` and/or the rating columns `frequency`, `why`, `listening`, `trust`
//! (whole numbers 0–5, empty = unrated), optionally `relation` and `notes`.
//! A file with neither weights nor ratings gives every link weight 1.
//!
//! Rules: rows of another relation than the chosen one are skipped; a file
//! with several relations needs one chosen ([`CsvOptions::relation`]).
//! Duplicate rows of the same directed pair are merged — weights summed,
//! ratings averaged (rounded to whole numbers) — and counted. With
//! [`CsvOptions::undirected`] each row stands for both directions. Self-links
//! are skipped with a warning. The delimiter is sniffed from the header line
//! (`,`, `;` or tab, as spreadsheets in different locales write them); with
//! `;` or tab a decimal comma in weights is accepted. A UTF-8 BOM is skipped.
//!
//! Every problem is an [`ImportError`] naming the file, the line and what to do.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use super::{ImportError, Sniffed, read_file, sniff, utf8_text, wrong_kind};
use recimap_core::model::{Dimension, Link, Map, RATING_MAX, Ratings, Unit, UnitKind};

/// How to read a links file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Keep only rows whose `relation` column equals this (exact match first,
    /// then case-insensitive).
    pub relation: Option<String>,
    /// Each row is an undirected tie: add it in both directions.
    pub undirected: bool,
}

/// The result of an import: the map and what the importer did to get it.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvImport {
    pub map: Map,
    /// Rows that repeated a directed pair already seen and were merged into it.
    pub duplicates_merged: usize,
    /// Things the user should know (skipped self-links, defaults applied…).
    pub warnings: Vec<String>,
    /// The relation that was imported, when the links file has a relation column.
    pub relation: Option<String>,
}

/// Imports a map from a units CSV file and a links CSV file.
pub fn import_csv(units: &Path, links: &Path, opts: &CsvOptions) -> Result<CsvImport, ImportError> {
    let unit_bytes = read_file(units)?;
    let link_bytes = read_file(links)?;
    let mut import = import_csv_bytes(
        &unit_bytes,
        &units.display().to_string(),
        &link_bytes,
        &links.display().to_string(),
        opts,
    )?;
    import.map.title = title_for(units, import.relation.as_deref());
    Ok(import)
}

/// Imports a map from two readers; `units_name` and `links_name` are the names
/// used in messages.
pub fn import_csv_reader(
    mut units: impl Read,
    units_name: &str,
    mut links: impl Read,
    links_name: &str,
    opts: &CsvOptions,
) -> Result<CsvImport, ImportError> {
    let read = |r: &mut dyn Read, name: &str| {
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes).map_err(|e| ImportError::Io {
            file: name.to_owned(),
            message: format!("cannot be read: {e}"),
        })?;
        Ok::<_, ImportError>(bytes)
    };
    let unit_bytes = read(&mut units, units_name)?;
    let link_bytes = read(&mut links, links_name)?;
    import_csv_bytes(&unit_bytes, units_name, &link_bytes, links_name, opts)
}

/// Imports a map from the bytes of the two files (the core of the importer).
pub fn import_csv_bytes(
    units: &[u8],
    units_name: &str,
    links: &[u8],
    links_name: &str,
    opts: &CsvOptions,
) -> Result<CsvImport, ImportError> {
    let units_table = Table::parse(units, units_name)?;
    let links_table = Table::parse(links, links_name)?;
    let mut warnings = Vec::new();
    let units = read_units(&units_table, &mut warnings)?;
    let mut import = read_links(&links_table, units, opts, &mut warnings)?;
    import.warnings = warnings;
    import.map.title = units_name.to_owned();
    import.map.notes = format!(
        "Imported from {units_name} and {links_name}{}.",
        import
            .relation
            .as_deref()
            .map(|r| format!(" (relation {r})"))
            .unwrap_or_default()
    );
    let problems = import.map.problems();
    if !problems.is_empty() {
        return Err(ImportError::InvalidMap {
            file: links_name.to_owned(),
            problems,
        });
    }
    Ok(import)
}

/// A title from the file name; generic names (`nodes.csv`, `units.csv`) use
/// the folder's name instead, as in `lazega_lawfirm (advice)`.
fn title_for(units: &Path, relation: Option<&str>) -> String {
    let stem = units
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let generic = matches!(stem.to_ascii_lowercase().as_str(), "nodes" | "units" | "");
    let base = if generic {
        units
            .canonicalize()
            .ok()
            .and_then(|p| {
                p.parent()?
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            })
            .unwrap_or(stem)
    } else {
        stem
    };
    match relation {
        Some(r) => format!("{base} ({r})"),
        None => base,
    }
}

/// A parsed CSV file: header names (trimmed, lower-case) and rows with their
/// line numbers.
struct Table<'a> {
    file: &'a str,
    header: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
    delimiter: u8,
}

impl<'a> Table<'a> {
    fn parse(bytes: &[u8], file: &'a str) -> Result<Table<'a>, ImportError> {
        let kind = sniff(bytes);
        if let Some(problem) = wrong_kind(kind, "a CSV file") {
            return Err(ImportError::at(file, None, problem));
        }
        match kind {
            Sniffed::Json => {
                return Err(ImportError::at(
                    file,
                    Some(1),
                    "this looks like JSON, not CSV — a map JSON file is read with \
                     `recimap analyze FILE.json`; for CSV give a table with a header line",
                ));
            }
            Sniffed::Xml => {
                return Err(ImportError::at(
                    file,
                    Some(1),
                    "this looks like XML or HTML (GraphML? a web page?), not CSV — \
                     give a table with a header line such as id,name",
                ));
            }
            _ => {}
        }
        let text = utf8_text(bytes, file)?;
        let delimiter = sniff_delimiter(text);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| csv_error(file, &e))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(file, &e))?;
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(|f| f.trim().is_empty()) {
                continue; // blank lines and rows of empty cells, as spreadsheets leave them
            }
            rows.push((line, record));
        }
        Ok(Table {
            file,
            header,
            rows,
            delimiter,
        })
    }

    /// The index of the first column with one of these names.
    fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.header.iter().position(|h| h == n))
    }

    /// The index of a required column, or an error saying which is missing.
    fn require(&self, names: &[&str], example: &str) -> Result<usize, ImportError> {
        self.column(names).ok_or_else(|| {
            let wanted = names
                .iter()
                .map(|n| format!("'{n}'"))
                .collect::<Vec<_>>()
                .join(" or ");
            let found = if self.header.len() == 1 && self.delimiter == b',' {
                format!(
                    "the first line has a single column '{}' — is the file comma-separated?",
                    self.header[0]
                )
            } else {
                format!("the columns are: {}", self.header.join(", "))
            };
            ImportError::at(
                self.file,
                Some(1),
                format!(
                    "missing column {wanted} — the first line must name the columns, e.g. {example}; {found}"
                ),
            )
        })
    }
}

fn csv_error(file: &str, e: &csv::Error) -> ImportError {
    let line = e.position().map(|p| p.line());
    let problem = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "the text is not UTF-8 — save the file with UTF-8 encoding".to_owned()
        }
        _ => format!("cannot be read as CSV: {e}"),
    };
    ImportError::at(file, line, problem)
}

/// `,` unless the header line has more `;` or tabs (European Excel, TSV).
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.chars().filter(|x| *x == c).count();
    let (commas, semis, tabs) = (count(','), count(';'), count('\t'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

/// A trimmed cell; `None` when the row is short.
fn cell(record: &csv::StringRecord, column: Option<usize>) -> &str {
    column.and_then(|c| record.get(c)).map_or("", str::trim)
}

/// Empty or `NA` cells mean "no value".
fn is_missing(value: &str) -> bool {
    value.is_empty() || value.eq_ignore_ascii_case("na") || value.eq_ignore_ascii_case("n/a")
}

/// Lines for a warning: the first ten, then a count.
fn lines_list(lines: &[u64]) -> String {
    let mut shown: Vec<String> = lines.iter().take(10).map(u64::to_string).collect();
    if lines.len() > 10 {
        shown.push(format!("and {} more", lines.len() - 10));
    }
    shown.join(", ")
}

fn read_units(table: &Table, warnings: &mut Vec<String>) -> Result<Vec<Unit>, ImportError> {
    let file = table.file;
    let id_col = table.require(&["id"], "id,name,kind,group")?;
    let name_col = table.column(&["name", "label"]);
    let kind_col = table.column(&["kind", "type"]);
    let group_col = table.column(&["group"]);
    let headcount_col = table.column(&["headcount"]);
    let lead_col = table.column(&["lead"]);
    let notes_col = table.column(&["notes"]);
    if name_col.is_none() {
        warnings.push(format!(
            "{file} has no 'name' or 'label' column: units are named by their id"
        ));
    }
    let mut units = Vec::with_capacity(table.rows.len());
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut unnamed = Vec::new();
    for (line, record) in &table.rows {
        let at = |problem: String| ImportError::at(file, Some(*line), problem);
        let id = cell(record, Some(id_col));
        if id.is_empty() {
            return Err(at(
                "the id is empty — give every unit a short unique id".into()
            ));
        }
        if let Some(first) = seen.insert(id.to_owned(), *line) {
            return Err(at(format!(
                "unit id '{id}' is already used on line {first} — unit ids must be unique"
            )));
        }
        let mut name = cell(record, name_col).to_owned();
        if name.is_empty() {
            if name_col.is_some() {
                unnamed.push(*line);
            }
            name = id.to_owned();
        }
        let kind_text = cell(record, kind_col);
        let kind = UnitKind::parse(kind_text).ok_or_else(|| {
            at(format!(
                "kind '{kind_text}' is not known — use business, it, digital or external"
            ))
        })?;
        let group = Some(cell(record, group_col))
            .filter(|g| !is_missing(g))
            .map(str::to_owned);
        let headcount_text = cell(record, headcount_col);
        let headcount = if is_missing(headcount_text) {
            None
        } else {
            Some(headcount_text.parse::<u32>().map_err(|_| {
                at(format!(
                    "headcount '{headcount_text}' is not a whole number ≥ 0 — write a number of people or leave it empty"
                ))
            })?)
        };
        let lead = Some(cell(record, lead_col))
            .filter(|l| !l.is_empty())
            .map(str::to_owned);
        let mut unit = Unit::new(id, name, kind);
        unit.group = group;
        unit.headcount = headcount;
        unit.lead = lead;
        unit.notes = cell(record, notes_col).to_owned();
        units.push(unit);
    }
    if !unnamed.is_empty() {
        warnings.push(format!(
            "{file}: {} unit(s) have no name and are named by their id (lines {})",
            unnamed.len(),
            lines_list(&unnamed)
        ));
    }
    if units.is_empty() {
        warnings.push(format!("{file} has a header line but no units"));
    }
    Ok(units)
}

/// Chooses the relation to import: the one asked for, or the only one present.
fn choose_relation(
    table: &Table,
    column: Option<usize>,
    wanted: Option<&str>,
) -> Result<Option<String>, ImportError> {
    let file = table.file;
    let Some(column) = column else {
        return match wanted {
            Some(r) => Err(ImportError::at(
                file,
                Some(1),
                format!(
                    "--relation {r} was given, but the file has no 'relation' column — leave out --relation"
                ),
            )),
            None => Ok(None),
        };
    };
    let mut present: Vec<String> = Vec::new();
    for (_, record) in &table.rows {
        let r = cell(record, Some(column));
        if !r.is_empty() && !present.iter().any(|p| p == r) {
            present.push(r.to_owned());
        }
    }
    match wanted {
        Some(w) => {
            if present.iter().any(|p| p == w) {
                return Ok(Some(w.to_owned()));
            }
            let folded: Vec<&String> = present
                .iter()
                .filter(|p| p.eq_ignore_ascii_case(w))
                .collect();
            match folded.as_slice() {
                [only] => Ok(Some((*only).clone())),
                _ => Err(ImportError::at(
                    file,
                    None,
                    if present.is_empty() {
                        format!("no row has relation '{w}' — the relation column is empty")
                    } else {
                        format!(
                            "no row has relation '{w}' — the relations in the file are: {}",
                            present.join(", ")
                        )
                    },
                )),
            }
        }
        None if present.len() > 1 => Err(ImportError::AmbiguousRelation {
            file: file.to_owned(),
            relations: present,
        }),
        None => Ok(present.into_iter().next()),
    }
}

fn parse_weight(text: &str, delimiter: u8) -> Option<f64> {
    let parsed = text.parse::<f64>().ok().or_else(|| {
        // A decimal comma ("2,5") is only unambiguous when ',' is not the delimiter.
        (delimiter != b',' && text.matches(',').count() == 1)
            .then(|| text.replace(',', ".").parse::<f64>().ok())
            .flatten()
    })?;
    (parsed.is_finite() && parsed >= 0.0).then_some(parsed)
}

/// Ratings summed over merged duplicate rows: `(sum, count)` per dimension.
type RatingSums = [(u32, u32); 4];

/// Reads the links of the chosen relation (module docs: the rules), merging
/// repeated directions; `units` are the units already read, which every link
/// must name.
fn read_links(
    table: &Table,
    units: Vec<Unit>,
    opts: &CsvOptions,
    warnings: &mut Vec<String>,
) -> Result<CsvImport, ImportError> {
    let file = table.file;
    let columns = LinkColumns::find(table)?;
    let relation = choose_relation(table, columns.relation, opts.relation.as_deref())?;
    if columns.unweighted() {
        warnings.push(format!(
            "{file} has no 'weight' or rating columns: every link weighs 1"
        ));
    }

    let index: HashMap<&str, usize> = units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
    let mut merged_links = MergedLinks::default();
    let mut duplicates_merged = 0;
    let mut self_links = Vec::new();

    for (line, record) in &table.rows {
        let at = |problem: String| ImportError::at(file, Some(*line), problem);
        if let Some(r) = &relation
            && cell(record, columns.relation) != r
        {
            continue;
        }
        let [s, t] = columns.ends(record, &index).map_err(at)?;
        if s == t {
            self_links.push(*line);
            continue;
        }
        let row = columns.values(record, table.delimiter).map_err(at)?;
        let mut directions = vec![(s, t)];
        if opts.undirected {
            directions.push((t, s));
        }
        let mut merged = false;
        for (a, b) in directions {
            merged |= merged_links.add(&units, a, b, &row).map_err(at)?;
        }
        if merged {
            duplicates_merged += 1;
        }
    }
    let rated_duplicates = merged_links.rated_duplicates;
    let links = merged_links.finish();
    if !self_links.is_empty() {
        warnings.push(format!(
            "{file}: skipped {} self-link(s), a unit linked to itself (lines {})",
            self_links.len(),
            lines_list(&self_links)
        ));
    }
    if rated_duplicates > 0 {
        warnings.push(format!(
            "{file}: {rated_duplicates} repeated rated row(s) of the same direction were merged by averaging their ratings"
        ));
    }
    Ok(CsvImport {
        map: Map {
            units,
            links,
            ..Map::default()
        },
        duplicates_merged,
        warnings: Vec::new(),
        relation,
    })
}

/// Where the columns of a links file are.
struct LinkColumns {
    source: usize,
    target: usize,
    weight: Option<usize>,
    ratings: Vec<(Dimension, usize)>,
    relation: Option<usize>,
    notes: Option<usize>,
}

/// The values of one row of a links file, read from its cells.
struct LinkRow<'r> {
    weight: Option<f64>,
    ratings: Ratings,
    notes: &'r str,
}

impl LinkColumns {
    /// The columns of `table`; `source`/`from` and `target`/`to` are required.
    fn find(table: &Table) -> Result<LinkColumns, ImportError> {
        Ok(LinkColumns {
            source: table.require(&["source", "from"], "source,target,weight")?,
            target: table.require(&["target", "to"], "source,target,weight")?,
            weight: table.column(&["weight"]),
            ratings: Dimension::ALL
                .iter()
                .filter_map(|d| table.column(&[d.as_str()]).map(|c| (*d, c)))
                .collect(),
            relation: table.column(&["relation"]),
            notes: table.column(&["notes"]),
        })
    }

    /// A file with neither weights nor ratings: every link weighs 1.
    fn unweighted(&self) -> bool {
        self.weight.is_none() && self.ratings.is_empty()
    }

    /// The indices in the units (`index`) of the row's source and target, or
    /// what is wrong with them.
    fn ends(
        &self,
        record: &csv::StringRecord,
        index: &HashMap<&str, usize>,
    ) -> Result<[usize; 2], String> {
        let mut ends = [0usize; 2];
        for (slot, (col, what)) in [(self.source, "source"), (self.target, "target")]
            .into_iter()
            .enumerate()
        {
            let id = cell(record, Some(col));
            if id.is_empty() {
                return Err(format!(
                    "the {what} is empty — every link names two unit ids"
                ));
            }
            ends[slot] = *index.get(id).ok_or_else(|| {
                format!(
                    "{what} '{id}' is not a unit id in the units file — add the unit there or fix the id"
                )
            })?;
        }
        Ok(ends)
    }

    /// The row's weight, ratings and notes, or what is wrong with them.
    fn values<'r>(
        &self,
        record: &'r csv::StringRecord,
        delimiter: u8,
    ) -> Result<LinkRow<'r>, String> {
        let weight_text = cell(record, self.weight);
        let weight = if self.unweighted() {
            Some(1.0)
        } else if is_missing(weight_text) {
            None
        } else {
            Some(parse_weight(weight_text, delimiter).ok_or_else(|| {
                format!(
                    "weight '{weight_text}' is not a number ≥ 0 — write a number such as 1 or 2.5, or leave it empty"
                )
            })?)
        };
        let mut ratings = Ratings::default();
        for (d, col) in &self.ratings {
            let text = cell(record, Some(*col));
            if is_missing(text) {
                continue;
            }
            let value = text
                .parse::<u8>()
                .ok()
                .filter(|v| *v <= RATING_MAX)
                .ok_or_else(|| {
                    format!(
                        "{} rating '{text}' is not a whole number 0–{RATING_MAX} — fix it or leave it empty (unrated)",
                        d.as_str()
                    )
                })?;
            ratings.set(*d, Some(value));
        }
        Ok(LinkRow {
            weight,
            ratings,
            notes: cell(record, self.notes),
        })
    }
}

/// The links read so far, one per directed pair: a repeated direction is
/// merged into the first — weights summed, notes joined with "; ", ratings
/// summed here and averaged by [`MergedLinks::finish`].
#[derive(Default)]
struct MergedLinks {
    links: Vec<Link>,
    /// The ratings of each link's rows, summed.
    sums: Vec<RatingSums>,
    /// The index in `links` of each directed pair of unit indices.
    by_pair: HashMap<(usize, usize), usize>,
    /// Rows with ratings that repeated a direction.
    rated_duplicates: usize,
}

impl MergedLinks {
    /// Adds the direction `a → b` (indices into `units`) with the values of
    /// `row`; `true` if it repeated a direction and was merged. Fails when the
    /// summed weights overflow.
    fn add(&mut self, units: &[Unit], a: usize, b: usize, row: &LinkRow) -> Result<bool, String> {
        let Some(&i) = self.by_pair.get(&(a, b)) else {
            self.by_pair.insert((a, b), self.links.len());
            let mut link = Link::new(units[a].id.as_str(), units[b].id.as_str());
            link.weight = row.weight;
            link.notes = row.notes.to_owned();
            let mut sum = RatingSums::default();
            add_ratings(&mut sum, &row.ratings);
            self.sums.push(sum);
            self.links.push(link);
            return Ok(false);
        };
        let link = &mut self.links[i];
        link.weight = match (link.weight, row.weight) {
            (Some(x), Some(y)) if (x + y).is_finite() => Some(x + y),
            (Some(_), Some(_)) => {
                return Err(format!(
                    "the weights of {} → {} add up to more than the largest number \
                     Recimap can hold — use smaller units for the weights",
                    units[a].id, units[b].id
                ));
            }
            (x, y) => x.or(y),
        };
        if !row.ratings.is_unrated() {
            self.rated_duplicates += 1;
        }
        add_ratings(&mut self.sums[i], &row.ratings);
        if !row.notes.is_empty() {
            if !link.notes.is_empty() {
                link.notes.push_str("; ");
            }
            link.notes.push_str(row.notes);
        }
        Ok(true)
    }

    /// The links, each rated with the mean of its rows' ratings per dimension.
    fn finish(mut self) -> Vec<Link> {
        for (link, sum) in self.links.iter_mut().zip(&self.sums) {
            for (d, (total, count)) in Dimension::ALL.into_iter().zip(sum) {
                if *count > 0 {
                    // Mean rounded half up, in integers: ⌊(2·sum + count) / (2·count)⌋.
                    let mean = (2 * total + count) / (2 * count);
                    link.ratings.set(d, Some(mean as u8));
                }
            }
        }
        self.links
    }
}

fn add_ratings(sum: &mut RatingSums, ratings: &Ratings) {
    for (d, (total, count)) in Dimension::ALL.into_iter().zip(sum.iter_mut()) {
        if let Some(r) = ratings.get(d) {
            *total += u32::from(r);
            *count += 1;
        }
    }
}
