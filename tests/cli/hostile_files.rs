//! Hostile project files through the command line: `recimap analyze` on every
//! case of the hostile corpus (`tests/fixtures/store/hostile`, the same
//! cases the store's tests open) exits 2 with the refusal on one line, prints
//! nothing on standard output, never panics, answers quickly, and leaves the
//! file's bytes — and its folder — as they were. Tolerated cases analyse.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../../crates/store/tests/it/corpus.rs"]
mod corpus;

use corpus::Expect;

const BIN: &str = env!("CARGO_BIN_EXE_recimap");

/// Far above the two seconds an answer may take on the demo-sized file: only
/// there to fail instead of hanging. The timings are in BENCHMARKS.md.
const GUARD: Duration = Duration::from_secs(20);

/// `recimap analyze FILE`: exit status, standard output, standard error and
/// how long it took; killed (and `None`) past [`GUARD`].
fn analyze(path: &Path) -> Option<(Option<i32>, String, String, Duration)> {
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .arg("analyze")
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        out.read_to_string(&mut text).unwrap();
        text
    });
    let mut stderr = String::new();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            err.read_to_string(&mut stderr).unwrap();
            let stdout = reader.join().unwrap();
            return Some((status.code(), stdout, stderr, started.elapsed()));
        }
        if started.elapsed() > GUARD {
            child.kill().unwrap();
            child.wait().unwrap();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn analyze_refuses_every_hostile_file_at_once_and_leaves_it_alone() {
    let fixtures = crate::fixtures();
    let cases = corpus::cases(&fixtures);
    assert!(cases.len() >= 40, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for case in &cases {
        let dir = tempfile::tempdir().unwrap();
        let path = corpus::make(case, &fixtures, dir.path());
        let before = std::fs::read(&path).unwrap();
        let neighbours = corpus::neighbours(&path);
        let Some((code, stdout, stderr, took)) = analyze(&path) else {
            failures.push(format!("{}: no answer within {GUARD:?}", case.name));
            continue;
        };
        if took > slowest.0 {
            slowest = (took, case.name.clone());
        }
        let fail = |what: String| format!("{}: {what}", case.name);
        if case.expect == Expect::Opens {
            if code != Some(0) || !stdout.contains("Northwind Logistics") {
                failures.push(fail(format!("should analyse: {code:?} {stderr}")));
            }
        } else {
            if code != Some(2) {
                failures.push(fail(format!("exit {code:?}: {stderr}")));
            }
            if !stdout.is_empty() {
                failures.push(fail(format!("printed on stdout: {stdout}")));
            }
            if !stderr.starts_with("recimap: ") || stderr.trim_end().lines().count() != 1 {
                failures.push(fail(format!("not one line of error: {stderr}")));
            }
            for word in &case.words {
                if !stderr.contains(word.as_str()) {
                    failures.push(fail(format!("'{word}' not in: {stderr}")));
                }
            }
        }
        if stderr.contains("panicked") || stderr.contains("internal error") {
            failures.push(fail(format!("panicked: {stderr}")));
        }
        if std::fs::read(&path).unwrap() != before {
            failures.push(fail("the file changed".into()));
        }
        if corpus::neighbours(&path) != neighbours {
            failures.push(fail(format!(
                "files appeared beside it: {:?}",
                corpus::neighbours(&path)
            )));
        }
    }
    eprintln!(
        "recimap analyze on {} hostile files: slowest {:?} ({})",
        cases.len(),
        slowest.0,
        slowest.1
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
