//! The project-file subcommands of `recimap` — `new`, `import`, `export`,
//! `snapshot` — and opening a `.recimap` file for `analyze` ([`open_map`]).
//!
//! [`ProjectCommand`] is flattened into the top-level subcommands of
//! [`super::Command`]; [`run`] executes one. Commands that change a project
//! file take its [`ProjectLock`] first, so they refuse to write under a
//! desktop app that has the file open, and save through [`store::save`]
//! (atomic). Every failure is an [`Error`] that `main` prints before exiting 2.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};

use super::{note, print};
use crate::compare::{Comparison, compare};
use crate::error::Error;
use crate::formats::csv::{CsvOptions, import_csv};
use crate::formats::{csv_export, gexf, graphml, project_json};
use crate::model::Map;
use crate::store::{self, Document, ProjectLock};

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
        paper: Option<crate::report::Paper>,
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
pub fn run(command: ProjectCommand) -> Result<(), Error> {
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
            let doc = if let Some(json) = json {
                project_json::read(&json)?
            } else {
                let (Some(units), Some(links)) = (units, links) else {
                    return Err(Error::Io(
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
                Document::new(import.map)
            };
            create(&output, &doc, force)?;
            note(&format!(
                "wrote {} ({} units, {} links, {} snapshots)",
                output.display(),
                doc.map.units.len(),
                doc.map.links.len(),
                doc.snapshots.len()
            ));
            Ok(())
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
            use crate::report::export::{self as pictures, Picture};
            let picture = match format {
                ExportFormat::Svg => Some(Picture::Svg),
                ExportFormat::Png => Some(Picture::Png),
                ExportFormat::Html => Some(Picture::Html),
                ExportFormat::Pdf => Some(Picture::Pdf),
                _ => None,
            };
            let Some(picture) = picture else {
                if scale.is_some()
                    || paper.is_some()
                    || compare.is_some()
                    || date.is_some()
                    || finding.is_some()
                {
                    return Err(Error::Io(
                        "--scale, --paper, --compare, --date and --finding are for --format svg, png, html and pdf"
                            .into(),
                    ));
                }
                return export(&file, format, output.as_deref());
            };
            let opts = pictures::ExportOptions {
                scale,
                paper,
                date: Some(date.unwrap_or_else(pictures::today)),
                compare: compare.map(|v| (v[0].clone(), v[1].clone())),
                finding,
            };
            if let Some(done) = pictures::run(&file, picture, &opts, output.as_deref())? {
                note(&done);
            }
            Ok(())
        }
        ProjectCommand::Snapshot { file, action } => snapshot(&file, action),
    }
}

/// The map stored in a `.recimap` project file.
pub fn open_map(path: &Path) -> Result<Map, Error> {
    Ok(store::open(path)?.map)
}

/// Whether the path names a project file (`.recimap`, any case).
pub fn is_project_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("recimap"))
}

fn new(file: &Path, demo: bool, title: Option<String>, force: bool) -> Result<(), Error> {
    let mut map = if demo {
        crate::demo::demo_map()
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
fn create(file: &Path, doc: &Document, force: bool) -> Result<(), Error> {
    if file.exists() && !force {
        return Err(Error::Io(format!(
            "{} already exists — choose another name, or add --force to replace it",
            file.display()
        )));
    }
    let _lock = ProjectLock::acquire(file)?;
    store::save(file, doc)?;
    Ok(())
}

fn export(file: &Path, format: ExportFormat, output: Option<&Path>) -> Result<(), Error> {
    let doc = store::open(file)?;
    let text = match format {
        ExportFormat::Json => project_json::to_json(&doc),
        ExportFormat::Graphml => graphml::to_graphml(&doc.map, &crate::analyze(&doc.map)),
        ExportFormat::Gexf => gexf::to_gexf(&doc.map, &crate::analyze(&doc.map)),
        // Pictures and reports go through `crate::report::export::run` (see `run`).
        ExportFormat::Svg | ExportFormat::Png | ExportFormat::Html | ExportFormat::Pdf => {
            return Err(Error::Export(format!(
                "internal: --format {format:?} is exported by the report module"
            )));
        }
        ExportFormat::Csv => {
            let Some(dir) = output else {
                return Err(Error::Io(
                    "--format csv writes two files: give a folder with -o DIR".into(),
                ));
            };
            if dir.is_file() {
                return Err(Error::Io(format!(
                    "{} is a file — for --format csv give a folder; it gets units.csv and links.csv",
                    dir.display()
                )));
            }
            let (u, l) = csv_export::write_csv_dir(&doc.map, dir)
                .map_err(|e| Error::Io(format!("{}: cannot write: {e}", dir.display())))?;
            note(&format!("wrote {} and {}", u.display(), l.display()));
            return Ok(());
        }
    };
    match output {
        None => print(&text),
        Some(out) => {
            std::fs::write(out, text)
                .map_err(|e| Error::Io(format!("{}: cannot write: {e}", out.display())))?;
            note(&format!("wrote {}", out.display()));
            Ok(())
        }
    }
}

fn snapshot(file: &Path, action: SnapshotAction) -> Result<(), Error> {
    match action {
        SnapshotAction::Add { label, at } => {
            if label.trim().is_empty() {
                return Err(Error::Io(
                    "give the snapshot a label, such as \"before workshop\"".into(),
                ));
            }
            let _lock = ProjectLock::acquire(file)?;
            let mut doc = store::open(file)?;
            let at = at.unwrap_or_else(store::now_rfc3339);
            let s = doc.add_snapshot(&label, &at)?;
            let line = format!("snapshot {} '{}' taken at {}", s.id, s.label, s.taken_at);
            store::save(file, &doc)?;
            note(&line);
            Ok(())
        }
        SnapshotAction::List { json } => {
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
        SnapshotAction::Diff { a, b, json } => {
            let doc = store::open(file)?;
            let pick = |w: &str| -> Result<(String, Map), Error> {
                if w.eq_ignore_ascii_case("current") {
                    return Ok(("the current map".into(), doc.map.clone()));
                }
                let s = doc.snapshot(w)?;
                Ok((format!("snapshot {} '{}'", s.id, s.label), s.map.clone()))
            };
            let (name_a, map_a) = pick(&a)?;
            let (name_b, map_b) = pick(&b)?;
            let c = compare(&map_a, &map_b);
            if json {
                let mut text = serde_json::to_string_pretty(&c).unwrap_or_default();
                text.push('\n');
                print(&text)
            } else {
                print(&render_comparison(&name_a, &name_b, &c))
            }
        }
        SnapshotAction::Restore { a } => {
            let _lock = ProjectLock::acquire(file)?;
            let mut doc = store::open(file)?;
            let label = doc.snapshot(&a)?.label.clone();
            let safety = doc.restore_snapshot(&a, &store::now_rfc3339())?;
            store::save(file, &doc)?;
            note(&format!(
                "restored '{label}'; the map it replaced is kept as snapshot {safety}"
            ));
            Ok(())
        }
    }
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
    let ids = |v: &[crate::model::UnitId]| {
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
