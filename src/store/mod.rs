//! The `.recimap` project file: one SQLite database per map.
