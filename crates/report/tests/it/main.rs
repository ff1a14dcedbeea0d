//! The integration tests of `recimap-report`, in one binary: the HTML
//! report self-contained and drawn by Chromium without building any script
//! from hostile names; the PDF read back by poppler with its text.

mod export_html;
mod export_pdf;

pub use recimap_testkit::fixtures;
