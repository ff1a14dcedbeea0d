// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's DMA-BUF renderer keeps GPU-sized buffers for compositing;
    // without a GPU (virtual machines, Xvfb, many laptops' fallback paths) it
    // roughly doubles the web process's memory (measured: PSS of all app
    // processes 451 → ~270 MiB, BENCHMARKS.md) for no visible gain, and it is
    // a known source of blank windows on some drivers. Use the shared-memory
    // path unless the user chose otherwise. Set before any thread starts.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY: first statement of main, before any other thread exists.
        unsafe { std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1") };
    }
    recimap_app::run();
}
