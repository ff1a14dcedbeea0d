//! The project-file subcommands of `recimap` (`new`, `import`, `export`,
//! `snapshot`) and opening a `.recimap` file for `analyze`.
//!
//! Owned by the project-file (store) work: this first version only declares
//! the place. [`ProjectCommand`] is flattened into the top-level subcommands
//! of [`super::Command`]; [`run`] executes one; [`open_map`] is what
//! `recimap analyze FILE.recimap` calls when the file starts with the SQLite
//! header.

use std::path::Path;

use clap::Subcommand;

use crate::error::Error;
use crate::model::Map;

/// The project-file subcommands (to be filled in by the store work).
#[derive(Debug, Subcommand)]
pub enum ProjectCommand {}

/// Runs one project-file subcommand.
pub fn run(command: ProjectCommand) -> Result<(), Error> {
    match command {}
}

/// The map stored in a `.recimap` project file.
pub fn open_map(path: &Path) -> Result<Map, Error> {
    Err(Error::Io(format!(
        "{}: this is a .recimap project file, which this build of recimap cannot open yet",
        path.display()
    )))
}
