//! What the `recimap` command line and the desktop app share, over the
//! libraries below:
//!
//! - [`session`] — the open document: file, lock, undo, recovery copy;
//! - [`desktop`] — the desktop app's state and commands, without a window;
//! - [`recent`] — the recent-files list;
//! - [`open`] — opening any file a user may hand over;
//! - [`export`] — pictures, reports and exchange formats written to a file;
//! - [`error`] — the one error type, and the one place it becomes the
//!   [`ErrorPayload`] that crosses the IPC boundary.

pub mod desktop;
pub mod error;
pub mod export;
pub mod open;
pub mod recent;
pub mod session;

pub use error::{Error, ErrorPayload, Result};
