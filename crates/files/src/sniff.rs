//! What kind of file a user handed us, from its first bytes: the readers use
//! it to say "this is an Excel workbook, not CSV" instead of a parse error,
//! and the project file to say what a non-project file is instead.

/// What a file looks like from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Empty,
    /// An SQLite database, e.g. a `.recimap` project file.
    Sqlite,
    /// A ZIP container: an Excel (.xlsx) or OpenDocument spreadsheet, or a zip.
    Zip,
    /// An old-style Excel (.xls) or other OLE2 compound file.
    Ole,
    /// A PDF document.
    Pdf,
    /// Other bytes that are not text (NUL bytes near the start).
    Binary,
    /// Text that starts with `{` or `[`: JSON.
    Json,
    /// Text that starts with `<`: XML, GraphML, GEXF or HTML.
    Xml,
    /// Any other text.
    Text,
}

/// The UTF-8 byte order mark that Excel writes at the start of "CSV UTF-8" files.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Recognises the kind of a file from its first bytes (a leading UTF-8 BOM and
/// white space are skipped for the text kinds).
pub fn sniff(bytes: &[u8]) -> Sniffed {
    let head = &bytes[..bytes.len().min(1024)];
    if head.starts_with(b"SQLite format 3\0") {
        return Sniffed::Sqlite;
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Sniffed::Zip;
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Sniffed::Ole;
    }
    if head.starts_with(b"%PDF") {
        return Sniffed::Pdf;
    }
    if head.contains(&0) {
        return Sniffed::Binary;
    }
    let text = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        None => Sniffed::Empty,
        Some(b'{' | b'[') => Sniffed::Json,
        Some(b'<') => Sniffed::Xml,
        Some(_) => Sniffed::Text,
    }
}
