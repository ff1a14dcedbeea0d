//! Recognising a file from its first 100 bytes, the SQLite database header
//! (<https://sqlite.org/fileformat.html>, section 1.3), before SQLite opens it:
//! is it SQLite at all, is it ours (`application_id`), which schema version
//! (`user_version`), is it shorter than its header says (truncated), and is
//! it in WAL journal mode (which SQLite cannot read without files beside it).
//!
//! Reading the header ourselves, rather than asking SQLite, means that a file
//! we refuse is never opened by SQLite at all, so it cannot be changed.

use std::io::Read;
use std::path::Path;

use super::StoreError;

/// The 16 bytes every SQLite 3 database starts with.
pub const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;

/// What the header of a Recimap file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// `PRAGMA user_version`: the schema version.
    pub user_version: u32,
    pub page_size: u32,
    /// Database size in pages, when the header's copy of it is valid.
    pub page_count: Option<u32>,
}

fn be32(bytes: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// Reads and checks the header of `path`: a distinct error for a missing,
/// unreadable, non-SQLite, foreign or truncated file.
pub fn inspect(path: &Path) -> Result<Header, StoreError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if meta.is_dir() {
        return Err(StoreError::Unreadable {
            path: path.into(),
            reason: "it is a folder, not a file".into(),
        });
    }
    let mut file = std::fs::File::open(path).map_err(|e| io_error(path, &e))?;
    let mut head = Vec::with_capacity(HEADER_LEN);
    (&mut file)
        .take(HEADER_LEN as u64)
        .read_to_end(&mut head)
        .map_err(|e| io_error(path, &e))?;
    let len = meta.len();
    check(path, &head, len)
}

/// The checks of [`inspect`] on the first bytes `head` of a file of `len` bytes.
pub fn check(path: &Path, head: &[u8], len: u64) -> Result<Header, StoreError> {
    if !head.is_empty() && head.len() < SQLITE_MAGIC.len() && SQLITE_MAGIC.starts_with(head) {
        return Err(StoreError::Truncated {
            path: path.into(),
            expected: HEADER_LEN as u64,
            actual: len,
        });
    }
    if !head.starts_with(SQLITE_MAGIC) {
        return Err(StoreError::NotSqlite {
            path: path.into(),
            what: describe_foreign(head),
        });
    }
    if head.len() < HEADER_LEN {
        return Err(StoreError::Truncated {
            path: path.into(),
            expected: HEADER_LEN as u64,
            actual: len,
        });
    }
    let application_id = be32(head, 68);
    if application_id != super::APPLICATION_ID {
        return Err(StoreError::NotRecimap {
            path: path.into(),
            application_id,
        });
    }
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65536,
        n => u32::from(n),
    };
    if !(512..=65536).contains(&page_size) || !page_size.is_power_of_two() {
        return Err(StoreError::Corrupt {
            path: path.into(),
            detail: format!("the header gives an impossible page size of {page_size} bytes"),
            fault: super::Fault::Damaged,
        });
    }
    // Bytes 18 and 19 are 2 in a database in WAL journal mode. Recimap never
    // writes one (its files keep journal mode DELETE), and SQLite cannot read
    // one, even read-only, without creating `-wal` and `-shm` files beside it
    // — a change next to the user's file that a cloud-sync client would
    // upload. Refused before SQLite sees it.
    if head[18] == 2 || head[19] == 2 {
        return Err(StoreError::Corrupt {
            path: path.into(),
            detail: "it is in SQLite's WAL journal mode, which a Recimap file never is; if you switched it on in an SQLite client, `PRAGMA journal_mode=DELETE` there turns it off".into(),
            fault: super::Fault::Hostile,
        });
    }
    // The in-header database size is valid only when it is non-zero and the
    // change counter (offset 24) equals version-valid-for (offset 92).
    let pages = be32(head, 28);
    let page_count = (pages != 0 && be32(head, 24) == be32(head, 92)).then_some(pages);
    let expected = page_count.map_or(0, |p| u64::from(p) * u64::from(page_size));
    if len < expected || len.checked_rem(u64::from(page_size)) != Some(0) {
        return Err(StoreError::Truncated {
            path: path.into(),
            expected: expected.max(len.next_multiple_of(u64::from(page_size))),
            actual: len,
        });
    }
    Ok(Header {
        user_version: be32(head, 60),
        page_size,
        page_count,
    })
}

/// A short description of what a non-SQLite file seems to be, with a hint.
fn describe_foreign(head: &[u8]) -> String {
    use recimap_files::{Sniffed, sniff};
    if head.is_empty() {
        return "the file is empty (0 bytes); if it was just synced or copied, wait or copy it again".into();
    }
    match sniff(head) {
        Sniffed::Json => {
            "it is a JSON file; bring it in with `recimap import --json FILE -o NEW.recimap`".into()
        }
        Sniffed::Xml => "it is an XML file (GraphML, GEXF or HTML?), which Recimap exports but does not open".into(),
        Sniffed::Zip => "it is a ZIP container (an Excel or OpenDocument file?); save the sheets as CSV and use `recimap import --units U.csv --links L.csv`".into(),
        Sniffed::Text => "it is a text file (CSV?); bring CSV in with `recimap import --units U.csv --links L.csv -o NEW.recimap`".into(),
        Sniffed::Empty => "the file holds only white space".into(),
        _ => "it does not start with the SQLite signature".into(),
    }
}

pub(crate) fn io_error(path: &Path, e: &std::io::Error) -> StoreError {
    match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound { path: path.into() },
        std::io::ErrorKind::PermissionDenied => StoreError::Unreadable {
            path: path.into(),
            reason: "permission denied".into(),
        },
        _ => StoreError::Unreadable {
            path: path.into(),
            reason: e.to_string(),
        },
    }
}
