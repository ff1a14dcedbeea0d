//! Exchange formats: reading and writing maps as JSON and CSV, exporting
//! GraphML and GEXF. Every reader reports bad input with the file, the line and
//! the problem, and never panics.

/// A problem with an input file.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// `file:line: problem`
    #[error("{file}{}: {problem}", line.map(|l| format!(" line {l}")).unwrap_or_default())]
    Bad {
        file: String,
        line: Option<u64>,
        problem: String,
    },
}
