//! The one error type of the services, [`Error`], and its serialisable form
//! [`ErrorPayload`] `{code, message}` that crosses the IPC boundary. Each
//! library below has its own error enum with its causes kept; this type wraps
//! them, and [`Error::payload`] is the one place where an error becomes a
//! code and a message.

use std::path::PathBuf;

use recimap_core::document::SnapshotError;
use recimap_core::edit::EditError;
use recimap_formats::ImportError;
use recimap_render::RenderError;
use recimap_report::ReportError;
use recimap_store::{Fault, StoreError};
use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Report(#[from] ReportError),
    /// Export options that do not fit the format, or a finding that is not
    /// there: the message says what to change.
    #[error("{0}")]
    Export(String),
    /// A file could not be written or read; `what` says what was tried
    /// ("be written"), and the message says what to do about it.
    #[error("{}: cannot {what}: {}", path.display(), io_hint(source))]
    Io {
        path: PathBuf,
        what: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("this map has not been saved yet — use Save As to choose where to keep it")]
    NoPath,
    #[error("there is no recovered work to take — it may have been discarded already")]
    NoRecovery,
    /// The desktop window refused (closing it, for example).
    #[error("{0}")]
    Window(String),
}

impl Error {
    /// A file operation that failed.
    pub fn io(path: impl Into<PathBuf>, what: &'static str, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            what,
            source,
        }
    }

    /// A stable machine-readable code for the kind of error, which the UI
    /// matches on (`file_locked` offers "open anyway", for example).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Edit(EditError::Invalid(_)) => "invalid_map",
            Error::Edit(_) => "bad_edit",
            Error::Snapshot(SnapshotError::NoSnapshot { .. }) => "no_snapshot",
            Error::Snapshot(SnapshotError::BadTime(_)) => "bad_time",
            Error::Import(_) => "bad_input",
            Error::Store(e) => store_code(e),
            Error::Render(_) | Error::Report(_) | Error::Export(_) => "export_failed",
            Error::Io { .. } => "io",
            Error::NoPath => "no_path",
            Error::NoRecovery => "no_recovery",
            Error::Window(_) => "window",
        }
    }

    /// What the UI receives.
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_owned(),
            message: self.to_string(),
        }
    }
}

/// What an I/O failure means for the user, and what to do.
fn io_hint(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            "the folder does not exist — create it or choose another path".to_owned()
        }
        std::io::ErrorKind::PermissionDenied => {
            "permission denied — choose a folder you may write to".to_owned()
        }
        _ => e.to_string(),
    }
}

fn store_code(e: &StoreError) -> &'static str {
    match e {
        StoreError::NotFound { .. } => "file_not_found",
        StoreError::Unreadable { .. } => "file_unreadable",
        StoreError::NotSqlite { .. } => "not_sqlite",
        StoreError::NotRecimap { .. } => "not_recimap",
        StoreError::Truncated { .. } => "file_truncated",
        StoreError::Corrupt {
            fault: Fault::Hostile,
            ..
        } => "file_hostile",
        StoreError::Corrupt {
            fault: Fault::Invalid,
            ..
        } => "file_invalid",
        StoreError::Corrupt { .. } => "file_corrupt",
        StoreError::TooNew { .. } => "file_too_new",
        StoreError::Migration { .. } => "migration_failed",
        StoreError::Locked { .. } => "file_locked",
        StoreError::ReadOnlyFolder { .. } => "folder_read_only",
        StoreError::Unsaveable { .. } => "map_unsaveable",
        StoreError::Write { .. } => "save_failed",
    }
}

impl From<Error> for ErrorPayload {
    fn from(e: Error) -> Self {
        e.payload()
    }
}

/// What the UI receives when a command fails: a stable `code` to match on
/// and a `message` written for the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    /// A refused project file tells the UI why: damaged, not built like ours
    /// (hostile), or built like ours with a value that is not (invalid).
    #[test]
    fn each_fault_of_a_project_file_has_its_code() {
        for (fault, code) in [
            (Fault::Damaged, "file_corrupt"),
            (Fault::Hostile, "file_hostile"),
            (Fault::Invalid, "file_invalid"),
        ] {
            let e = Error::from(StoreError::Corrupt {
                path: "x.recimap".into(),
                detail: "…".into(),
                fault,
            });
            assert_eq!(e.payload().code, code);
        }
    }
}
