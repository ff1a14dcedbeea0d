//! Crash safety of [`recimap_store::save`]: a child process saves two
//! different documents in turn, as fast as it can, and is killed with SIGKILL
//! at a random moment, 200 times (seeded). After every kill the file must
//! open and hold exactly one of the two documents — never a mixture, never a
//! damaged file. The test also checks that kills really landed in the middle
//! of saves (a temporary copy was left behind) and that both documents were
//! seen, so it cannot pass without exercising the crash.
//!
//! The child is this same test binary running the ignored test
//! `child_save_loop` (selected by name, with the file in an environment
//! variable), so no extra binary is needed.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use recimap_core::Document;
use recimap_core::model::{Link, Map, Ratings, Unit, UnitKind};
use recimap_store as store;

const CHILD_ENV: &str = "RECIMAP_CRASH_SAVE_FILE";
const ITERATIONS: usize = 200;

/// A document of `units` units and about `links` rated links, from `seed`.
fn document(units: usize, links: usize, seed: u64, label: &str) -> Document {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut map = Map {
        title: format!("crash test {label}"),
        ..Map::default()
    };
    for i in 0..units {
        let mut u = Unit::new(
            format!("u{i}"),
            format!("Unit {i} {label}"),
            UnitKind::ALL[i % 4],
        );
        u.group = Some(format!("g{}", i % 7));
        map.units.push(u);
    }
    let mut seen = std::collections::HashSet::new();
    while map.links.len() < links {
        let (a, b) = (rng.random_range(0..units), rng.random_range(0..units));
        if a == b || !seen.insert((a, b)) {
            continue;
        }
        let mut l = Link::new(format!("u{a}"), format!("u{b}"));
        l.ratings = Ratings {
            frequency: Some(rng.random_range(0..=5)),
            why: Some(rng.random_range(0..=5)),
            listening: None,
            trust: Some(rng.random_range(0..=5)),
        };
        map.links.push(l);
    }
    let mut doc = Document::new(map);
    doc.add_snapshot(label, "2026-01-01T00:00:00Z").unwrap();
    doc
}

fn documents() -> (Document, Document) {
    (document(250, 1500, 1, "A"), document(280, 1700, 2, "B"))
}

/// The child: saves A and B in turn until killed.
#[test]
#[ignore = "helper: run as a child process by killed_saves_leave_the_old_or_the_new_document"]
fn child_save_loop() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let path = PathBuf::from(path);
    let (a, b) = documents();
    println!("RECIMAP-CHILD-READY");
    loop {
        store::save(&path, &a).unwrap();
        store::save(&path, &b).unwrap();
    }
}

fn spawn_child(path: &Path) -> std::process::Child {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "crash_save::child_save_loop",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the child's signal on a thread, so a child that never starts
    // fails the test instead of hanging it.
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let ready = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .any(|line| line.contains("RECIMAP-CHILD-READY"));
        let _ = tx.send(ready);
    });
    if rx.recv_timeout(Duration::from_secs(60)) != Ok(true) {
        let _ = child.kill();
        let _ = child.wait();
        panic!("the child process did not start");
    }
    child
}

#[test]
fn killed_saves_leave_the_old_or_the_new_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.recimap");
    let (a, b) = documents();
    // Calibrate: how long one save takes here.
    let t = Instant::now();
    store::save(&path, &a).unwrap();
    let save_time = t.elapsed().max(Duration::from_millis(1));

    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let (mut seen_a, mut seen_b, mut mid_save) = (0, 0, 0);
    for i in 0..ITERATIONS {
        let mut child = spawn_child(&path);
        // Kill somewhere within the first few saves.
        let wait = save_time.mul_f64(rng.random_range(0.0..5.0));
        std::thread::sleep(wait);
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        if store::temp_path(&path).exists() {
            mid_save += 1;
        }
        let doc = store::open(&path)
            .unwrap_or_else(|e| panic!("iteration {i}: the file does not open after a kill: {e}"));
        if doc == a {
            seen_a += 1;
        } else if doc == b {
            seen_b += 1;
        } else {
            panic!("iteration {i}: the file holds neither document");
        }
    }
    eprintln!(
        "{ITERATIONS} kills (save ≈ {save_time:?}): {seen_a} × A, {seen_b} × B, {mid_save} killed mid-save"
    );
    assert!(mid_save > 0, "no kill landed during a save");
    assert!(seen_a > 0 && seen_b > 0, "only one document was ever seen");
    // The next save still works and tidies up.
    store::save(&path, &b).unwrap();
    assert_eq!(store::open(&path).unwrap(), b);
    assert!(!store::temp_path(&path).exists());
}
