//! The recent-files list: paths of the last documents opened or saved, most
//! recent first, kept as a JSON array in the app's config folder.

use std::path::{Path, PathBuf};

/// How many files the list keeps.
pub const KEEP: usize = 10;

/// The recent-files list and the JSON file it lives in.
#[derive(Debug, Clone)]
pub struct RecentFiles {
    file: PathBuf,
    paths: Vec<String>,
}

impl RecentFiles {
    /// Reads the list from `file`; a missing or unreadable list is empty
    /// (losing the recent list must never stop the app from starting).
    pub fn load(file: PathBuf) -> RecentFiles {
        let paths = std::fs::read(&file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Vec<String>>(&bytes).ok())
            .unwrap_or_default();
        RecentFiles { file, paths }
    }

    /// Puts `path` first and writes the list back.
    pub fn add(&mut self, path: &Path) -> std::io::Result<()> {
        let path = path.to_string_lossy().into_owned();
        self.paths.retain(|p| *p != path);
        self.paths.insert(0, path);
        self.paths.truncate(KEEP);
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_vec_pretty(&self.paths).map_err(std::io::Error::other)?;
        recimap_files::write_bytes(&self.file, &json)
    }

    /// The files on the list that still exist, most recent first.
    pub fn existing(&self) -> Vec<String> {
        self.paths
            .iter()
            .filter(|p| Path::new(p).is_file())
            .cloned()
            .collect()
    }
}
