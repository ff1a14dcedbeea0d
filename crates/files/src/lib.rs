//! Files as Recimap handles them, below every crate that reads or writes one:
//!
//! - [`sniff`] — what kind of file a user handed us, from its first bytes;
//! - [`write_atomically`] / [`write_bytes`] — the one way the program writes
//!   a file (project files, JSON, CSV, pictures, reports): into a temporary
//!   file beside the target, synced, then renamed over it, so that whatever
//!   kills the process, the target holds the old content or the new, never a
//!   mixture.

mod atomic;
mod sniff;

pub use atomic::{WriteError, temp_path, write_atomically, write_bytes};
pub use sniff::{Sniffed, UTF8_BOM, sniff};
