//! The `recimap` binary: runs [`cli`] and turns every failure into
//! `recimap: <message>` on standard error and exit status 2. Never a panic
//! message or a backtrace: a panic hook reports any bug in one line.

use std::process::ExitCode;

mod cli;

use cli::{CliError, run};

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".to_owned());
        let first_line = what.lines().next().unwrap_or_default();
        eprintln!("recimap: internal error ({first_line}) — this is a bug, please report it");
        std::process::exit(2);
    }));
    match run(std::env::args_os()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Usage(e)) => {
            // --help and --version print to stdout and succeed; usage errors exit 2.
            if e.use_stderr() {
                let text = e.render().to_string();
                eprint!("recimap: {}", text.strip_prefix("error: ").unwrap_or(&text));
                ExitCode::from(2)
            } else {
                let _ = e.print();
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("recimap: {e}");
            ExitCode::from(2)
        }
    }
}
