// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's DMA-BUF renderer keeps GPU-sized buffers for compositing;
    // without a GPU (virtual machines, Xvfb, many laptops' fallback paths) it
    // takes about 180 MiB more (PSS of all app processes, BENCHMARKS.md) for
    // no visible gain, and it is a known source of blank windows on some
    // drivers. Use the shared-memory renderer unless the user chose otherwise
    // (`WEBKIT_DISABLE_DMABUF_RENDERER=0` brings DMA-BUF back).
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY: the first statement of main, before any other thread exists.
        unsafe { std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1") };
    }
    recimap_app::run();
}
