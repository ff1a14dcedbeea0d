//! Recimap's core: IT–business reciprocity mapping.
//!
//! The map of the domain, in the order data flows:
//!
//! - [`model`] — a [`Map`] of units and directed links, its validation and the
//!   strength of a direction from its ratings.
//! - [`analysis`] — pure, deterministic figures on petgraph graphs built from a
//!   map: reciprocity, components, cut points, betweenness, communities, E-I
//!   indices, ambassador coverage. Entry point: [`analyze`].
//! - [`findings`] — the figures turned into ranked, plain-language findings.
//! - [`demo`] — the embedded demo organisation.
//! - [`edit`] — the edit operations the app sends, and undo/redo.
//! - [`formats`] — exchange formats: map JSON, CSV import/export, GraphML, GEXF.
//! - [`store`] — the `.recimap` project file (SQLite) and its snapshots.
//! - [`compare`] — what got better or worse between two maps (snapshots).
//! - [`render`] — the drawing rules and the map as SVG and PNG.
//! - [`report`] — the HTML and PDF report of a map.
//! - [`session`] — the app's open document: file, lock, undo, recovery.
//! - [`error`] — the one error type that callers see.
//!
//! The `recimap` binary (`src/main.rs`, [`cli`]) and the desktop shell
//! (`src-tauri/`) are thin layers over these modules.

pub mod analysis;
pub mod cli;
pub mod compare;
pub mod demo;
pub mod edit;
pub mod error;
pub mod findings;
pub mod formats;
pub mod model;
pub mod render;
pub mod report;
pub mod session;
pub mod store;

pub use analysis::{Analysis, analyze};
pub use error::{Error, ErrorPayload, Result};
pub use model::{Ambassador, AmbassadorRole, Link, Map, Ratings, Unit, UnitId, UnitKind};
