//! The one error type of the core, [`Error`], and its serialisable form
//! [`ErrorPayload`] `{code, message}` that crosses the IPC boundary.
//!
//! Each module owns its own error enum; this type wraps them so callers (the
//! CLI, the desktop shell) have one thing to match on and one way to show it.

use serde::Serialize;

use crate::model::ValidationError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Import(#[from] crate::formats::ImportError),
    #[error("{0}")]
    Io(String),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Edit(#[from] crate::edit::EditError),
    /// A picture or report could not be made (SVG, PNG, HTML, PDF).
    #[error("{0}")]
    Export(String),
}

impl Error {
    /// A stable machine-readable code for the kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid_map",
            Error::Import(_) => "bad_input",
            Error::Io(_) => "io",
            Error::Store(e) => e.code(),
            Error::Edit(_) => "bad_edit",
            Error::Export(_) => "export_failed",
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_owned(),
            message: self.to_string(),
        }
    }
}

/// What the UI receives when a command fails.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
