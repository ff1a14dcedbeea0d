//! The embedded demo organisation.
