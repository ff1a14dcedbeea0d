//! The `recimap` command line (clap): argument definitions and dispatch to the
//! services and the core. Every failure comes back as a [`CliError`]; `main`
//! prints it and exits 2.
//!
//! Subcommands: `demo` and `analyze` live here; the project-file subcommands
//! (`new`, `import`, `export`, `snapshot`) are declared in [`project`] and
//! flattened in. The readable report is in [`report`].

pub mod project;
pub mod report;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use recimap_core::model::Map;
use recimap_formats::csv::{CsvOptions, import_csv};
use recimap_formats::json::map_to_json;
use recimap_services::Error;
use recimap_services::open::is_project_path;

/// Recimap: map how IT and the business tell each other the why of their
/// work, score every two-way relationship and find the silos.
#[derive(Debug, Parser)]
#[command(name = "recimap", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the embedded demo map (a fictional 19-unit organisation) as JSON.
    Demo {
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE.json")]
        output: Option<PathBuf>,
    },
    /// Analyse a map: organisation scores, groups, findings and single points
    /// of failure; everything as JSON with --json.
    #[command(after_help = "Examples:\n  \
        recimap analyze map.json\n  \
        recimap analyze project.recimap --json\n  \
        recimap analyze --units nodes.csv --links edges.csv --relation advice")]
    Analyze(AnalyzeArgs),
    #[command(flatten)]
    Project(project::ProjectCommand),
}

/// Where `analyze` takes its map from, and how it prints.
#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("source").required(true).args(["input", "units"])
))]
pub struct AnalyzeArgs {
    /// A map JSON file (as `recimap demo` writes) or a .recimap project file.
    #[arg(value_name = "INPUT", conflicts_with_all = ["units", "links"])]
    pub input: Option<PathBuf>,
    /// Units CSV: id, name or label, and optionally kind, group, headcount, lead.
    #[arg(long, value_name = "UNITS.csv", requires = "links")]
    pub units: Option<PathBuf>,
    /// Links CSV: source/from, target/to, then weight or the ratings
    /// frequency, why, listening, trust (0–5), optionally relation.
    #[arg(long, value_name = "LINKS.csv", requires = "units")]
    pub links: Option<PathBuf>,
    /// Only the links of this relation (for links files with a relation column).
    #[arg(long, value_name = "NAME", requires = "links")]
    pub relation: Option<String>,
    /// Each CSV row is an undirected tie: count it in both directions.
    #[arg(long, requires = "links")]
    pub undirected: bool,
    /// Print the whole analysis as JSON instead of the readable report.
    #[arg(long)]
    pub json: bool,
    /// How many findings the readable report lists.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub findings: usize,
}

/// Parses the arguments and runs the command. Clap's own errors (usage,
/// `--help`, `--version`) are returned as `clap::Error` for `main` to print.
pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<(), CliError> {
    let cli = Cli::try_parse_from(args).map_err(CliError::Usage)?;
    match cli.command {
        Command::Demo { output } => demo(output.as_deref()),
        Command::Analyze(args) => analyze(&args),
        Command::Project(command) => project::run(command),
    }
}

/// What went wrong on the command line.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad arguments, or `--help`/`--version` (clap prints these itself).
    #[error(transparent)]
    Usage(clap::Error),
    /// Arguments clap accepted that do not go together; the message says
    /// what to give instead.
    #[error("{0}")]
    Refused(String),
    /// The command ran and failed.
    #[error(transparent)]
    Failed(#[from] Error),
}

impl From<recimap_formats::ImportError> for CliError {
    fn from(e: recimap_formats::ImportError) -> Self {
        CliError::Failed(e.into())
    }
}

impl From<recimap_store::StoreError> for CliError {
    fn from(e: recimap_store::StoreError) -> Self {
        CliError::Failed(e.into())
    }
}

impl From<recimap_core::document::SnapshotError> for CliError {
    fn from(e: recimap_core::document::SnapshotError) -> Self {
        CliError::Failed(e.into())
    }
}

/// Writes to standard output. A closed pipe (`recimap analyze … | head`)
/// ends the program quietly instead of failing.
pub fn print(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(CliError::Refused(format!(
            "cannot write to standard output: {e}"
        ))),
    }
}

/// A note for the user on standard error (the output stays clean for pipes).
pub fn note(text: &str) {
    eprintln!("recimap: {text}");
}

fn demo(output: Option<&Path>) -> Result<(), CliError> {
    let map = recimap_core::demo::demo_map();
    match output {
        None => print(&map_to_json(&map)),
        Some(path) => {
            if is_project_path(path) {
                return Err(CliError::Refused(format!(
                    "{}: `recimap demo` writes JSON — for a project file use `recimap new {} --demo`",
                    path.display(),
                    path.display()
                )));
            }
            recimap_services::export::write_file(path, map_to_json(&map).as_bytes())?;
            note(&format!("wrote the demo map to {}", path.display()));
            Ok(())
        }
    }
}

/// Loads the map `analyze` works on: from CSV, a project file or map JSON.
pub fn load_map(args: &AnalyzeArgs) -> Result<Map, CliError> {
    if let (Some(units), Some(links)) = (&args.units, &args.links) {
        let opts = CsvOptions {
            relation: args.relation.clone(),
            undirected: args.undirected,
        };
        let import = import_csv(units, links, &opts)?;
        if import.duplicates_merged > 0 {
            note(&format!(
                "merged {} duplicate row(s) of the same direction (weights summed)",
                import.duplicates_merged
            ));
        }
        for warning in &import.warnings {
            note(warning);
        }
        return Ok(import.map);
    }
    let Some(input) = &args.input else {
        return Err(CliError::Refused(
            "give a map file (recimap analyze MAP.json) or two CSV files (--units U.csv --links L.csv)"
                .into(),
        ));
    };
    Ok(recimap_services::open::document(input)?.map)
}

fn analyze(args: &AnalyzeArgs) -> Result<(), CliError> {
    let map = load_map(args)?;
    let analysis = recimap_core::analyze(&map);
    if args.json {
        let mut text = serde_json::to_string_pretty(&analysis)
            .map_err(|e| CliError::Refused(format!("cannot write the analysis as JSON: {e}")))?;
        text.push('\n');
        print(&text)
    } else {
        print(&report::render(&map, &analysis, args.findings))
    }
}
