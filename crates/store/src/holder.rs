//! [`LockHolder`]: who holds a project file open, as the lock file records
//! it and as a refusal names it ("already open in recimap 0.1.0 … by sam on
//! colleagues-laptop since …").

use serde::{Deserialize, Serialize};

/// Who holds a project file open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct LockHolder {
    pub host: String,
    pub pid: u32,
    pub user: String,
    /// The program holding it (`recimap 0.1.0`).
    pub program: String,
    /// When it was opened (RFC 3339, UTC).
    pub since: String,
}

impl std::fmt::Display for LockHolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "already open in {} (process {}) by {} on {} since {}",
            self.program, self.pid, self.user, self.host, self.since
        )
    }
}

impl LockHolder {
    pub(crate) fn me() -> Self {
        LockHolder {
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            pid: std::process::id(),
            user: std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_else(|_| "someone".into()),
            program: format!("recimap {}", env!("CARGO_PKG_VERSION")),
            since: super::now_rfc3339(),
        }
    }
}
