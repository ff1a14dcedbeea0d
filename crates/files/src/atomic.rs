//! Atomic replacement of a file. The content goes into a temporary file
//! beside the target (`.NAME-saving`, a fixed name), which is synced,
//! given the old file's permissions, and renamed over the target (an atomic
//! replace on POSIX and NTFS); then the folder is synced so the rename itself
//! is durable. The target is therefore always the old file or the new one.
//!
//! Written here rather than with `tempfile` or `atomic-write-file`: those
//! pick a random temporary name, so a process killed mid-write leaves a new
//! stray file each time. A fixed name beside the target means a killed write
//! leaves at most one known side file, which the next write replaces — and
//! the writer of a project file (SQLite's backup API) needs a path to open,
//! not a handle.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// What went wrong writing `path`; the target is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum WriteError<E: std::error::Error + 'static> {
    /// Filling the temporary file failed.
    #[error(transparent)]
    Content(E),
    /// The file system refused: creating, syncing or renaming the file.
    #[error("{}: cannot write ({source}) — check free space and that the folder is writable", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The temporary file written beside `target`: `.NAME-saving`.
pub fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    target.with_file_name(format!(".{name}-saving"))
}

/// Writes `target` atomically: `fill` writes the content to the path it is
/// given (an empty file beside the target, see [`temp_path`]); then that file
/// is synced and renamed over `target`. On any error the temporary file is
/// removed and `target` is left as it was.
pub fn write_atomically<E: std::error::Error + 'static>(
    target: &Path,
    fill: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), WriteError<E>> {
    let temp = temp_path(target);
    let io = |source: std::io::Error| WriteError::Io {
        path: target.to_path_buf(),
        source,
    };
    // A copy left by a write that was killed: start from an empty file.
    std::fs::File::create(&temp).map_err(io)?;
    let result = fill(&temp)
        .map_err(WriteError::Content)
        .and_then(|()| commit(&temp, target).map_err(io));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Writes `bytes` to `target` atomically (see [`write_atomically`]).
pub fn write_bytes(target: &Path, bytes: &[u8]) -> Result<(), std::io::Error> {
    write_atomically(target, |temp| {
        std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(temp)?
            .write_all(bytes)
    })
    .map_err(|e| match e {
        WriteError::Content(e) => e,
        WriteError::Io { source, .. } => source,
    })
}

/// Syncs `temp`, gives it the permissions of the file it replaces, renames
/// it over `target` and syncs the folder.
fn commit(temp: &Path, target: &Path) -> std::io::Result<()> {
    if let Ok(old) = std::fs::metadata(target) {
        let _ = std::fs::set_permissions(temp, old.permissions());
    }
    std::fs::File::open(temp)?.sync_all()?;
    std::fs::rename(temp, target)?;
    sync_dir(target);
    Ok(())
}

/// Makes a rename in the folder of `path` durable (a no-op where folders
/// cannot be opened, such as Windows, whose rename is already journaled).
fn sync_dir(path: &Path) {
    #[cfg(unix)]
    {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_replaces_the_file_and_leaves_no_side_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("map.svg");
        std::fs::write(&target, "old").unwrap();
        write_bytes(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_side_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("map.recimap");
        std::fs::write(&target, "old").unwrap();
        let err = write_atomically(&target, |temp| {
            std::fs::write(temp, "half")?;
            Err(std::io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(matches!(err, WriteError::Content(_)), "{err}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert!(!temp_path(&target).exists());
    }

    #[test]
    fn a_folder_that_does_not_exist_is_an_io_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("missing").join("out.png");
        let err = write_bytes(&target, b"x").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
    }
}
