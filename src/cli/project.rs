//! The project-file subcommands of `recimap` — `new`, `import`, `export`,
//! `snapshot`.
//!
//! [`ProjectCommand`] is flattened into the top-level subcommands of
//! [`super::Command`]; [`run`] executes one. Commands that change a project
//! file take its [`ProjectLock`] first, so they refuse to write under a
//! desktop app that has the file open, and save through [`store::save`]
//! (atomic). Every failure is a [`CliError`] that `main` prints before exiting 2.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};

use recimap_core::compare::{Comparison, compare};
use recimap_core::model::Map;
use recimap_core::{Document, MapState};
use recimap_formats::csv::{CsvOptions, import_csv};
use recimap_formats::project_json;
use recimap_report::Paper;
use recimap_services::export::{self as exports, Exchange, ExportOptions, Picture};
use recimap_store::{self as store, ProjectLock};

use super::{CliError, note, print};

/// The project-file subcommands.
#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Create a project file: an empty map, or the demo map with --demo.
    New {
        /// The project file to create (FILE.recimap).
        #[arg(value_name = "FILE.recimap")]
        file: PathBuf,
        /// Start from the embedded demo organisation.
        #[arg(long)]
        demo: bool,
        /// Title of the new map (default: the file name).
        #[arg(long)]
        title: Option<String>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Create a project file from CSV (--units and --links) or from JSON (--json).
    #[command(group(clap::ArgGroup::new("source").required(true).args(["units", "json"])))]
    Import {
        /// Units CSV: id, name or label, and optionally kind, group, headcount, lead, notes.
        #[arg(long, value_name = "UNITS.csv", requires = "links")]
        units: Option<PathBuf>,
        /// Links CSV: source, target, then weight or the ratings frequency, why,
        /// listening, trust (0–5), optionally relation and notes.
        #[arg(long, value_name = "LINKS.csv", requires = "units")]
        links: Option<PathBuf>,
        /// Only the links of this relation.
        #[arg(long, value_name = "NAME", requires = "links")]
        relation: Option<String>,
        /// Each CSV row is an undirected tie: count it in both directions.
        #[arg(long, requires = "links")]
        undirected: bool,
        /// A project JSON file (`recimap export --format json`) or a map JSON file (`recimap demo`).
        #[arg(long, value_name = "MAP.json", conflicts_with_all = ["units", "links"])]
        json: Option<PathBuf>,
        /// The project file to write.
        #[arg(short, long, value_name = "FILE.recimap")]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Export a project file as project JSON, CSV, GraphML or GEXF (with the
    /// scores), or the map as an SVG or PNG picture, or an HTML or PDF report.
    #[command(after_help = "Examples:\n  \
        recimap export map.recimap --format png --scale 2 -o map.png\n  \
        recimap export map.recimap --format pdf --paper letter -o report.pdf\n  \
        recimap export map.recimap --format html --compare \"before workshop\" current -o report.html")]
    Export {
        /// A .recimap project file (svg, png, html and pdf also take a map JSON file).
        #[arg(value_name = "FILE.recimap")]
        file: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Where to write. For csv: a folder, which gets units.csv and links.csv.
        /// For png and pdf: a file (required). For the other formats: a file, or
        /// standard output when left out.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// PNG only: pixels per canvas unit, 1, 2 or 4 (default 1).
        #[arg(long, value_name = "1|2|4")]
        scale: Option<u32>,
        /// PDF only: the paper size (default a4).
        #[arg(long, value_enum)]
        paper: Option<PaperArg>,
        /// HTML and PDF: add a before/after section comparing two snapshots
        /// (ids or labels; `current` is the map as it is now).
        #[arg(long, num_args = 2, value_names = ["SNAP_A", "SNAP_B"])]
        compare: Option<Vec<String>>,
        /// The date printed on the picture or report (default today).
        #[arg(long, value_name = "TEXT")]
        date: Option<String>,
        /// SVG and PNG: focus the picture on finding N (as `recimap analyze`
        /// numbers them), fading the rest.
        #[arg(long, value_name = "N")]
        finding: Option<usize>,
    },
    /// Keep, list, compare and restore snapshots of the map inside a project file.
    Snapshot {
        #[arg(value_name = "FILE.recimap")]
        file: PathBuf,
        #[command(subcommand)]
        action: SnapshotAction,
    },
}

/// What `recimap export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The versioned project JSON (map and snapshots; full fidelity).
    Json,
    /// units.csv and links.csv in the import layout.
    Csv,
    /// GraphML with unit attributes and scores (Gephi, yEd, networkx).
    Graphml,
    /// GEXF 1.2 with unit attributes and scores (Gephi, networkx).
    Gexf,
    /// The map as a vector picture (text stays text).
    Svg,
    /// The map as a picture, 1×, 2× or 4× (--scale).
    Png,
    /// A self-contained report page: map, scores, findings, groups, ambassadors.
    Html,
    /// The same report as PDF, A4 or Letter (--paper).
    Pdf,
}

/// `--paper`: the report's paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO 216 A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(p: PaperArg) -> Paper {
        match p {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }
    }
}

/// `recimap snapshot FILE …`
#[derive(Debug, Subcommand)]
pub enum SnapshotAction {
    /// Keep the current map as a snapshot called LABEL.
    Add {
        label: String,
        /// The time to record (RFC 3339); default now.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// List the snapshots.
    List {
        #[arg(long)]
        json: bool,
    },
    /// What got better or worse from A to B (ids or labels; `current` is the map as it is now).
    Diff {
        a: String,
        b: String,
        /// The whole comparison as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Make snapshot A the current map (the map it replaces is kept as a snapshot first).
    Restore { a: String },
}

/// Runs one project-file subcommand.
pub fn run(command: ProjectCommand) -> Result<(), CliError> {
    match command {
        ProjectCommand::New {
            file,
            demo,
            title,
            force,
        } => new(&file, demo, title, force),
        ProjectCommand::Import {
            units,
            links,
            relation,
            undirected,
            json,
            output,
            force,
        } => {
            let doc = match json {
                Some(json) => project_json::read(&json)?,
                None => csv_document(units, links, relation, undirected)?,
            };
            import(&output, &doc, force)
        }
        ProjectCommand::Export {
            file,
            format,
            output,
            scale,
            paper,
            compare,
            date,
            finding,
        } => {
            let args = PictureArgs {
                scale,
                paper: paper.map(Paper::from),
                date,
                compare,
                finding,
            };
            export_any(&file, format, args, output.as_deref())
        }
        ProjectCommand::Snapshot { file, action } => snapshot(&file, action),
    }
}

/// The document `recimap import --units U.csv --links L.csv` makes: the CSV
/// map, no snapshots. Notes merged rows and the importer's warnings.
fn csv_document(
    units: Option<PathBuf>,
    links: Option<PathBuf>,
    relation: Option<String>,
    undirected: bool,
) -> Result<Document, CliError> {
    let (Some(units), Some(links)) = (units, links) else {
        return Err(CliError::Refused(
            "give --units U.csv and --links L.csv, or --json MAP.json".into(),
        ));
    };
    let import = import_csv(
        &units,
        &links,
        &CsvOptions {
            relation,
            undirected,
        },
    )?;
    if import.duplicates_merged > 0 {
        note(&format!(
            "merged {} duplicate row(s) of the same direction",
            import.duplicates_merged
        ));
    }
    for w in &import.warnings {
        note(w);
    }
    Ok(Document::new(import.map))
}

/// `recimap import`: writes the imported document as a new project file and
/// says what it holds.
fn import(output: &Path, doc: &Document, force: bool) -> Result<(), CliError> {
    create(output, doc, force)?;
    note(&format!(
        "wrote {} ({} units, {} links, {} snapshots)",
        output.display(),
        doc.map.units.len(),
        doc.map.links.len(),
        doc.snapshots.len()
    ));
    Ok(())
}

/// `recimap export`: pictures and reports through [`export_picture`] (the
/// date defaults to today), exchange formats through [`export`], which take
/// none of the picture options.
fn export_any(
    file: &Path,
    format: ExportFormat,
    args: PictureArgs,
    output: Option<&Path>,
) -> Result<(), CliError> {
    let picture = match format {
        ExportFormat::Svg => Some(Picture::Svg),
        ExportFormat::Png => Some(Picture::Png),
        ExportFormat::Html => Some(Picture::Html),
        ExportFormat::Pdf => Some(Picture::Pdf),
        _ => None,
    };
    let Some(picture) = picture else {
        if args.scale.is_some()
            || args.paper.is_some()
            || args.compare.is_some()
            || args.date.is_some()
            || args.finding.is_some()
        {
            return Err(CliError::Refused(
                "--scale, --paper, --compare, --date and --finding are for --format svg, png, html and pdf"
                    .into(),
            ));
        }
        return export(file, format, output);
    };
    let args = PictureArgs {
        date: Some(args.date.unwrap_or_else(exports::today)),
        ..args
    };
    export_picture(file, picture, &args, output)
}

fn new(file: &Path, demo: bool, title: Option<String>, force: bool) -> Result<(), CliError> {
    let mut map = if demo {
        recimap_core::demo::demo_map()
    } else {
        Map::default()
    };
    if let Some(t) = title {
        map.title = t;
    } else if !demo {
        map.title = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    let doc = Document::new(map);
    create(file, &doc, force)?;
    note(&format!("created {}", file.display()));
    Ok(())
}

/// Writes a new project file, refusing to replace one unless `force`.
fn create(file: &Path, doc: &Document, force: bool) -> Result<(), CliError> {
    if file.exists() && !force {
        return Err(CliError::Refused(format!(
            "{} already exists — choose another name, or add --force to replace it",
            file.display()
        )));
    }
    let _lock = ProjectLock::acquire(file)?;
    store::save(file, doc)?;
    Ok(())
}

/// The picture options of `recimap export` as the user gave them.
struct PictureArgs {
    scale: Option<u32>,
    paper: Option<Paper>,
    date: Option<String>,
    /// Two snapshots as typed: ids, labels or `current`.
    compare: Option<Vec<String>>,
    /// A finding as `recimap analyze` numbers them, from 1.
    finding: Option<usize>,
}

/// `recimap export … --format svg|png|html|pdf [-o OUT]`: renders and writes
/// the file; svg and html go to standard output without `-o`, png and pdf
/// (binary) need it.
fn export_picture(
    file: &Path,
    format: Picture,
    args: &PictureArgs,
    output: Option<&Path>,
) -> Result<(), CliError> {
    let mut opts = ExportOptions {
        scale: args.scale,
        paper: args.paper,
        date: args.date.clone(),
        compare: None,
        // Checked before the file is read: a placeholder key stands for the number.
        finding: args.finding.map(|_| String::new()),
    };
    exports::check(format, &opts)?;
    if output.is_none() && matches!(format, Picture::Png | Picture::Pdf) {
        return Err(CliError::Refused(format!(
            "--format {} writes a binary file: give it with -o OUT.{}",
            format.name(),
            format.name()
        )));
    }
    let doc = recimap_services::open::document(file)?;
    if let Some(names) = &args.compare {
        opts.compare = Some((doc.find_state(&names[0])?, doc.find_state(&names[1])?));
    }
    if let Some(n) = args.finding {
        opts.finding = Some(finding_key(&doc, n)?);
    }
    match output {
        Some(out) => {
            let size = exports::write(&doc, format, &opts, out)?;
            note(&format!(
                "wrote {} ({} KB)",
                out.display(),
                size.div_ceil(1024)
            ));
            Ok(())
        }
        None => {
            let bytes = exports::render(&doc, format, &opts)?;
            print(&String::from_utf8_lossy(&bytes))
        }
    }
}

/// The key of finding `n` as `recimap analyze` numbers them (from 1, hidden
/// ones included).
fn finding_key(doc: &Document, n: usize) -> Result<String, CliError> {
    let analysis = recimap_core::analyze(&doc.map);
    let findings = &analysis.findings;
    match n.checked_sub(1).and_then(|i| findings.get(i)) {
        Some(f) => Ok(f.key.clone()),
        None => Err(CliError::Refused(match findings.len() {
            0 => "--finding: this map has no findings to show".to_owned(),
            k => format!(
                "--finding {n}: the map has {k} finding(s), numbered 1 to {k} as `recimap analyze` lists them"
            ),
        })),
    }
}

fn export(file: &Path, format: ExportFormat, output: Option<&Path>) -> Result<(), CliError> {
    let doc = store::open(file)?;
    let exchange = match format {
        ExportFormat::Json => Exchange::Json,
        ExportFormat::Graphml => Exchange::Graphml,
        ExportFormat::Gexf => Exchange::Gexf,
        ExportFormat::Svg | ExportFormat::Png | ExportFormat::Html | ExportFormat::Pdf => {
            unreachable!("pictures and reports go through export_picture")
        }
        ExportFormat::Csv => {
            let Some(dir) = output else {
                return Err(CliError::Refused(
                    "--format csv writes two files: give a folder with -o DIR".into(),
                ));
            };
            if dir.is_file() {
                return Err(CliError::Refused(format!(
                    "{} is a file — for --format csv give a folder; it gets units.csv and links.csv",
                    dir.display()
                )));
            }
            let (u, l) = exports::write_csv_dir(&doc, dir)?;
            note(&format!("wrote {} and {}", u.display(), l.display()));
            return Ok(());
        }
    };
    let text = exports::exchange(&doc, exchange);
    match output {
        None => print(&text),
        Some(out) => {
            exports::write_file(out, text.as_bytes())?;
            note(&format!("wrote {}", out.display()));
            Ok(())
        }
    }
}

/// `recimap snapshot FILE …`: one function per action.
fn snapshot(file: &Path, action: SnapshotAction) -> Result<(), CliError> {
    match action {
        SnapshotAction::Add { label, at } => snapshot_add(file, &label, at),
        SnapshotAction::List { json } => snapshot_list(file, json),
        SnapshotAction::Diff { a, b, json } => snapshot_diff(file, &a, &b, json),
        SnapshotAction::Restore { a } => snapshot_restore(file, &a),
    }
}

/// `snapshot add LABEL [--at TIME]`: keeps the current map, at `at` or now.
fn snapshot_add(file: &Path, label: &str, at: Option<String>) -> Result<(), CliError> {
    if label.trim().is_empty() {
        return Err(CliError::Refused(
            "give the snapshot a label, such as \"before workshop\"".into(),
        ));
    }
    let _lock = ProjectLock::acquire(file)?;
    let mut doc = store::open(file)?;
    let at = at.unwrap_or_else(store::now_rfc3339);
    let s = doc.add_snapshot(label, &at)?;
    let line = format!("snapshot {} '{}' taken at {}", s.id, s.label, s.taken_at);
    store::save(file, &doc)?;
    note(&line);
    Ok(())
}

/// `snapshot list [--json]`: a table of the snapshots, or the same as JSON.
fn snapshot_list(file: &Path, json: bool) -> Result<(), CliError> {
    let doc = store::open(file)?;
    if json {
        #[derive(serde::Serialize)]
        struct Row<'a> {
            id: i64,
            label: &'a str,
            taken_at: &'a str,
            units: usize,
            links: usize,
        }
        let rows: Vec<Row> = doc
            .snapshots
            .iter()
            .map(|s| Row {
                id: s.id,
                label: &s.label,
                taken_at: &s.taken_at,
                units: s.map.units.len(),
                links: s.map.links.len(),
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&rows).unwrap_or_default();
        text.push('\n');
        return print(&text);
    }
    if doc.snapshots.is_empty() {
        return print(&format!(
            "{} has no snapshots — keep one with `recimap snapshot {} add LABEL`\n",
            file.display(),
            file.display()
        ));
    }
    let mut text = format!(
        "{:>4}  {:<20}  {:>5}  {:>5}  label\n",
        "id", "taken at", "units", "links"
    );
    for s in &doc.snapshots {
        text.push_str(&format!(
            "{:>4}  {:<20}  {:>5}  {:>5}  {}\n",
            s.id,
            s.taken_at,
            s.map.units.len(),
            s.map.links.len(),
            s.label
        ));
    }
    print(&text)
}

/// `snapshot diff A B [--json]`: the comparison of two states (ids, labels
/// or `current`), readable or as JSON.
fn snapshot_diff(file: &Path, a: &str, b: &str, json: bool) -> Result<(), CliError> {
    let doc = store::open(file)?;
    let pick = |w: &str| -> Result<(String, Map), CliError> {
        Ok(match doc.find_state(w)? {
            MapState::Current => ("the current map".into(), doc.map.clone()),
            MapState::Snapshot(id) => {
                let s = doc.snapshot(id)?;
                (format!("snapshot {} '{}'", s.id, s.label), s.map.clone())
            }
        })
    };
    let (name_a, map_a) = pick(a)?;
    let (name_b, map_b) = pick(b)?;
    let c = compare(&map_a, &map_b);
    if json {
        let mut text = serde_json::to_string_pretty(&c).unwrap_or_default();
        text.push('\n');
        print(&text)
    } else {
        print(&render_comparison(&name_a, &name_b, &c))
    }
}

/// `snapshot restore A`: makes snapshot A the current map, keeping the map
/// it replaces as a new snapshot first.
fn snapshot_restore(file: &Path, a: &str) -> Result<(), CliError> {
    let _lock = ProjectLock::acquire(file)?;
    let mut doc = store::open(file)?;
    let id = match doc.find_state(a)? {
        MapState::Snapshot(id) => id,
        MapState::Current => {
            return Err(CliError::Refused(
                "`current` is the map as it is: name a snapshot to restore".into(),
            ));
        }
    };
    let label = doc.snapshot(id)?.label.clone();
    let safety = doc.restore_snapshot(id, &store::now_rfc3339())?;
    store::save(file, &doc)?;
    note(&format!(
        "restored '{label}'; the map it replaced is kept as snapshot {safety}"
    ));
    Ok(())
}

/// The readable form of a comparison.
pub fn render_comparison(a: &str, b: &str, c: &Comparison) -> String {
    let mut out = format!("From {a} to {b}\n\n");
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            out.push_str(&format!("{title}\n"));
            for l in lines {
                out.push_str(&format!("  {l}\n"));
            }
            out.push('\n');
        }
    };
    section(
        &format!("Better ({})", c.better.len()),
        c.better
            .iter()
            .map(|x| format!("+ {}", x.message))
            .collect(),
    );
    section(
        &format!("Worse ({})", c.worse.len()),
        c.worse.iter().map(|x| format!("- {}", x.message)).collect(),
    );
    let ids = |v: &[recimap_core::model::UnitId]| {
        v.iter()
            .map(|u| u.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut other = Vec::new();
    if !c.units_added.is_empty() {
        other.push(format!("units added: {}", ids(&c.units_added)));
    }
    if !c.units_removed.is_empty() {
        other.push(format!("units removed: {}", ids(&c.units_removed)));
    }
    section("Units", other);
    if c.better.is_empty()
        && c.worse.is_empty()
        && c.units_added.is_empty()
        && c.units_removed.is_empty()
    {
        out.push_str("No change.\n");
    }
    out
}
