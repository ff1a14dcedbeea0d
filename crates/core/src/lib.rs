//! Recimap's pure core: IT–business reciprocity mapping without files,
//! databases, drawing or windows. Everything here is a function of its
//! arguments; `Cargo.toml` lists no file format, SQLite, clap, drawing or
//! Tauri crate, so none can creep in.
//!
//! The modules, in the order data flows:
//!
//! - [`model`] — a [`Map`] of units and directed links, its validation and the
//!   strength of a direction from its ratings.
//! - [`document`] — a map with its snapshots, as a project file holds it.
//! - [`analysis`] — the figures: pure, deterministic functions on petgraph
//!   graphs built from a map (reciprocity, components, cut points,
//!   betweenness, communities, E-I indices, ambassador coverage).
//! - [`findings`] — the assessment after the figures: ranked, plain-language
//!   findings and the badges drawn beside units.
//! - [`assess`] — [`analyze`]: the figures, then the findings, as one
//!   [`Analysis`].
//! - [`vocabulary`] — every word the surfaces show: labels, explanations,
//!   thresholds; [`terms`] — the figures' names and meanings, which it
//!   includes; [`explain`] — figures written out for the reports.
//! - [`compare`] — what got better or worse between two maps (snapshots).
//! - [`edit`] — the edit operations the app sends, and undo/redo.
//! - [`demo`] — the embedded demo organisation.

pub mod analysis;
pub mod assess;
pub mod compare;
pub mod demo;
pub mod document;
pub mod edit;
pub mod explain;
pub mod findings;
pub mod model;
pub mod terms;
pub mod vocabulary;

pub use assess::{Analysis, analyze, analyze_with};
pub use document::{Document, MapState, Snapshot};
pub use model::{Ambassador, AmbassadorRole, Link, Map, Ratings, Unit, UnitId, UnitKind};
