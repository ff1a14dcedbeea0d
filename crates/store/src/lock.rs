//! [`ProjectLock`]: one writer per project file.
//!
//! Design (ARCHITECTURE.md, "Project file"): a lock file beside the document,
//! `.~lock.NAME.recimap#` (the LibreOffice convention, which Dropbox and
//! OneDrive treat as a temporary file and do not sync), holding who has the
//! file open as JSON, and held with an OS advisory lock (`flock` on Unix,
//! `LockFileEx` on Windows, through `fs4`).
//!
//! - The OS lock is released when the holder exits or crashes, so a lock left
//!   by a crash never blocks anyone: the next opener finds the file unlocked
//!   and takes it over.
//! - The document itself is not locked because a safe save renames a new file
//!   over it; a lock on the old inode would silently stop protecting the path.
//! - If the OS lock is free but the lock file names another computer (a shared
//!   network folder, where advisory locks may not reach across machines), the
//!   lock is refused and the holder named; [`ProjectLock::acquire_anyway`] is
//!   for the user who says "open it anyway".

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::StoreError;
use super::holder::LockHolder;

/// The lock on one project file; released (and its lock file removed) on drop.
#[derive(Debug)]
pub struct ProjectLock {
    file: Option<File>,
    lock_path: PathBuf,
    holder: LockHolder,
}

/// The lock file of `document`.
pub fn lock_path(document: &Path) -> PathBuf {
    let name = document
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    document.with_file_name(format!(".~lock.{name}#"))
}

impl ProjectLock {
    /// Takes the lock on `document` for editing, or says who holds it
    /// ([`StoreError::Locked`]). The document need not exist yet. In a folder
    /// where no lock file can be created the error is
    /// [`StoreError::ReadOnlyFolder`]: the caller may still open the file to
    /// view it, but nothing can be saved there.
    pub fn acquire(document: &Path) -> Result<ProjectLock, StoreError> {
        Self::take(document, false)
    }

    /// Like [`ProjectLock::acquire`], but overrides a lock file left by another
    /// computer whose holder cannot be checked. A holder on this computer that
    /// is still running is never overridden.
    pub fn acquire_anyway(document: &Path) -> Result<ProjectLock, StoreError> {
        Self::take(document, true)
    }

    /// Who holds this lock.
    pub fn holder(&self) -> &LockHolder {
        &self.holder
    }

    fn take(document: &Path, anyway: bool) -> Result<ProjectLock, StoreError> {
        let lock_path = lock_path(document);
        let fail = |e: std::io::Error| StoreError::Write {
            path: lock_path.clone(),
            reason: format!("cannot create the lock file: {e}"),
        };
        // Retry if the lock file is removed between our open and our lock
        // (its holder just closed it): we would hold a lock on a dead inode.
        for _ in 0..10 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock_path)
                .map_err(|e| match e.kind() {
                    std::io::ErrorKind::PermissionDenied
                    | std::io::ErrorKind::ReadOnlyFilesystem => StoreError::ReadOnlyFolder {
                        path: document.into(),
                        reason: e.to_string(),
                    },
                    _ => fail(e),
                })?;
            match fs4::FileExt::try_lock(&file) {
                Ok(()) => {}
                Err(fs4::TryLockError::WouldBlock) => {
                    return Err(StoreError::Locked {
                        path: document.into(),
                        holder: Box::new(read_holder(&mut file).unwrap_or_else(unknown_holder)),
                    });
                }
                Err(fs4::TryLockError::Error(e)) => return Err(fail(e)),
            }
            if !same_file(&file, &lock_path) {
                continue;
            }
            let me = LockHolder::me();
            if let Some(previous) = read_holder(&mut file).filter(|p| p.host != me.host && !anyway)
            {
                return Err(StoreError::Locked {
                    path: document.into(),
                    holder: Box::new(previous),
                });
            }
            let json = serde_json::to_vec(&me).unwrap_or_default();
            file.set_len(0).map_err(fail)?;
            file.rewind().map_err(fail)?;
            file.write_all(&json).map_err(fail)?;
            file.flush().map_err(fail)?;
            return Ok(ProjectLock {
                file: Some(file),
                lock_path,
                holder: me,
            });
        }
        Err(fail(std::io::Error::other(
            "the lock file keeps changing; another program is opening and closing it",
        )))
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Remove the file while still holding the lock, then release it.
        let _ = std::fs::remove_file(&self.lock_path);
        if let Some(file) = self.file.take() {
            let _ = fs4::FileExt::unlock(&file);
        }
    }
}

fn read_holder(file: &mut File) -> Option<LockHolder> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(64 * 1024).read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

fn unknown_holder() -> LockHolder {
    LockHolder {
        host: "this computer".into(),
        pid: 0,
        user: "someone".into(),
        program: "another program".into(),
        since: "an unknown time".into(),
    }
}

/// Whether the open `file` is still the file at `path`.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Windows does not let an open, locked file be deleted, so it cannot change.
#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}
