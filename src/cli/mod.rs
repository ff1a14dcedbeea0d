//! The `recimap` command line (clap): argument definitions and dispatch to the
//! core. Every failure comes back as an [`crate::Error`]; `main` prints it and
//! exits 2.
