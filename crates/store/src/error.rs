//! [`StoreError`]: everything that can go wrong opening, saving or locking a
//! project file, each with a message that says what happened and what to do.

use std::path::PathBuf;

/// A problem with a `.recimap` file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: no such file — check the path", path.display())]
    NotFound { path: PathBuf },

    #[error("{}: cannot be read ({reason}) — check that the file exists and that you may read it", path.display())]
    Unreadable { path: PathBuf, reason: String },

    #[error("{}: not a Recimap project file — {what}", path.display())]
    NotSqlite { path: PathBuf, what: String },

    #[error(
        "{}: an SQLite database, but not a Recimap project file (application id {application_id:#010x}, a Recimap file has {:#010x}) — open it with the program that made it",
        path.display(),
        super::APPLICATION_ID
    )]
    NotRecimap { path: PathBuf, application_id: u32 },

    #[error(
        "{}: the file is truncated: it holds {actual} bytes but its header says {expected} — it was cut short while being copied or synced; use an earlier copy (a backup, or the cloud service's version history)",
        path.display()
    )]
    Truncated {
        path: PathBuf,
        expected: u64,
        actual: u64,
    },

    #[error(
        "{}: the file is damaged ({detail}) — use an earlier copy (a backup, or the cloud service's version history)",
        path.display()
    )]
    Corrupt { path: PathBuf, detail: String },

    #[error(
        "{}: written by a newer Recimap{} in file format version {found}; this Recimap ({}) reads versions up to {supported} — install Recimap {} or newer to open it",
        path.display(),
        written_by.as_deref().map(|w| format!(" ({w})")).unwrap_or_default(),
        env!("CARGO_PKG_VERSION"),
        written_by.as_deref().unwrap_or("a version that reads it")
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
        /// The Recimap release that wrote the file, if the file says.
        written_by: Option<String>,
    },

    #[error(
        "{}: file format version {found} could not be upgraded to version {supported} ({reason}); the file was not changed{}",
        path.display(),
        backup.as_ref().map(|b| format!(" and a copy is at {}", b.display())).unwrap_or_default()
    )]
    Migration {
        path: PathBuf,
        found: u32,
        supported: u32,
        backup: Option<PathBuf>,
        reason: String,
    },

    #[error(
        "{}: the folder is read-only ({reason}) — the map can be viewed but not saved there; save it elsewhere with Save As",
        path.display()
    )]
    ReadOnlyFolder { path: PathBuf, reason: String },

    #[error("{}: {holder} — close it there first, or open a copy", path.display())]
    Locked {
        path: PathBuf,
        holder: Box<super::holder::LockHolder>,
    },

    #[error(
        "the map cannot be saved: {} — fix {} first",
        list(problems),
        if problems.len() == 1 { "it" } else { "them" }
    )]
    Unsaveable { problems: Vec<String> },

    #[error("{}: could not save ({reason}); the file on disk was not changed — check free space and that the folder is writable", path.display())]
    Write { path: PathBuf, reason: String },
}

fn list(problems: &[String]) -> String {
    const SHOWN: usize = 10;
    let mut text: Vec<String> = problems.iter().take(SHOWN).cloned().collect();
    if problems.len() > SHOWN {
        text.push(format!("and {} more", problems.len() - SHOWN));
    }
    text.join("; ")
}
