//! The integration tests of `recimap-services`, in one binary: the desktop
//! app's commands without a window (documents, undo, saving, locks, recovery,
//! snapshots, exports) and exports through the services.

mod desktop;
mod export;
