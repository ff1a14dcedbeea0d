//! The integration tests of `recimap-formats`, in one binary: the CSV
//! importer on good and bad files, and GraphML and GEXF read back by an
//! independent XML parser and by NetworkX.

mod exchange_xml;
mod formats_csv;

pub use recimap_testkit::fixtures;
