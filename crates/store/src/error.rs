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

    /// SQLite can read the file, but Recimap refuses it: `fault` says whether
    /// it is damaged, changed to do harm, or holds values a map cannot have.
    #[error("{}: {}", path.display(), fault.explain(detail))]
    Corrupt {
        path: PathBuf,
        detail: String,
        fault: Fault,
    },

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

/// Why a file that SQLite reads is refused ([`StoreError::Corrupt`]).
///
/// Suggested `ErrorPayload` codes: `file_corrupt` for [`Fault::Damaged`],
/// `file_hostile` for [`Fault::Hostile`], `file_invalid` for
/// [`Fault::Invalid`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Pages or records are broken (`PRAGMA quick_check` fails, the schema
    /// does not parse, a value cannot be read).
    Damaged,
    /// The database is not built the way Recimap builds its files (a view,
    /// trigger, index or table of its own, a changed column), or reading it
    /// did not finish within the deadline: changed outside Recimap, perhaps
    /// to do harm.
    Hostile,
    /// Built the way Recimap builds its files, but holding values a map
    /// cannot have (a rating of 9, a link to a missing unit, an id used
    /// twice, text of the wrong type or too long).
    Invalid,
}

impl Fault {
    /// The sentence of the error after the file's name.
    fn explain(self, detail: &str) -> String {
        match self {
            Fault::Damaged => format!(
                "the file is damaged ({detail}) — use an earlier copy (a backup, or the cloud service's version history)"
            ),
            Fault::Hostile => format!(
                "not opened: the file is not built like a Recimap project ({detail}); it was changed outside Recimap, perhaps to do harm — ask whoever sent it for a copy saved by Recimap, or use an earlier copy"
            ),
            Fault::Invalid => format!(
                "not opened: the file holds values a Recimap map cannot have ({detail}); it was edited outside Recimap or damaged — use an earlier copy, or ask whoever sent it for a copy saved by Recimap"
            ),
        }
    }
}

fn list(problems: &[String]) -> String {
    const SHOWN: usize = 10;
    let mut text: Vec<String> = problems.iter().take(SHOWN).cloned().collect();
    if problems.len() > SHOWN {
        text.push(format!("and {} more", problems.len() - SHOWN));
    }
    text.join("; ")
}
