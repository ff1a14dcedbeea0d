//! The `recimap` command line (clap): argument definitions and dispatch to the
//! core. Every failure comes back as an [`crate::Error`]; `main` prints it and
//! exits 2.
//!
//! Subcommands: `demo` and `analyze` live here; the project-file subcommands
//! (`new`, `import`, `export`, `snapshot`) are declared in [`project`] and
//! flattened in. The readable report is in [`report`].

pub mod project;
pub mod report;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use crate::error::Error;
use crate::formats::csv::{CsvOptions, import_csv};
use crate::formats::json::{map_to_json, read_map_json_bytes, write_map_json};
use crate::formats::{Sniffed, read_file, sniff};
use crate::model::Map;

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
    .map_err(CliError::Failed)
}

/// What went wrong on the command line.
#[derive(Debug)]
pub enum CliError {
    /// Bad arguments, or `--help`/`--version` (clap prints these itself).
    Usage(clap::Error),
    /// The command ran and failed.
    Failed(Error),
}

/// Writes to standard output. A closed pipe (`recimap analyze … | head`)
/// ends the program quietly instead of failing.
pub fn print(text: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Error::Io(format!("cannot write to standard output: {e}"))),
    }
}

/// A note for the user on standard error (the output stays clean for pipes).
pub fn note(text: &str) {
    eprintln!("recimap: {text}");
}

fn demo(output: Option<&Path>) -> Result<(), Error> {
    let map = crate::demo::demo_map();
    match output {
        None => print(&map_to_json(&map)),
        Some(path) => {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("recimap"))
            {
                return Err(Error::Io(format!(
                    "{}: `recimap demo` writes JSON — for a project file use `recimap new {} --demo`",
                    path.display(),
                    path.display()
                )));
            }
            write_map_json(&map, path)?;
            note(&format!("wrote the demo map to {}", path.display()));
            Ok(())
        }
    }
}

/// Loads the map `analyze` works on: from CSV, a project file or map JSON.
pub fn load_map(args: &AnalyzeArgs) -> Result<Map, Error> {
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
        return Err(Error::Io(
            "give a map file (recimap analyze MAP.json) or two CSV files (--units U.csv --links L.csv)"
                .into(),
        ));
    };
    let bytes = read_file(input)?;
    match sniff(&bytes) {
        Sniffed::Sqlite => project::open_map(input),
        // A .recimap that is not SQLite gets the project file's own diagnosis.
        _ if project::is_project_path(input) => project::open_map(input),
        _ => Ok(read_map_json_bytes(&bytes, &input.display().to_string())?),
    }
}

fn analyze(args: &AnalyzeArgs) -> Result<(), Error> {
    let map = load_map(args)?;
    let analysis = crate::analyze(&map);
    if args.json {
        let mut text = serde_json::to_string_pretty(&analysis)
            .map_err(|e| Error::Io(format!("cannot write the analysis as JSON: {e}")))?;
        text.push('\n');
        print(&text)
    } else {
        print(&report::render(&map, &analysis, args.findings))
    }
}
