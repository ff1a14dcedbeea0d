//! `recimap export --format png`: the picture at the asked scale (twice the
//! SVG's size at `--scale 2`), and options that do not fit refused.

use std::process::Command;

/// Width and height of an SVG document from its root attributes.
fn svg_size(text: &str) -> (u32, u32) {
    let doc = roxmltree::Document::parse(text).unwrap();
    let n = |a: &str| {
        doc.root_element()
            .attribute(a)
            .unwrap()
            .parse::<u32>()
            .unwrap()
    };
    (n("width"), n("height"))
}

/// Width and height from a PNG's header (the IHDR chunk opens every PNG).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn the_cli_writes_png_at_the_asked_scale_and_refuses_bad_scales() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("demo.json");
    let out = dir.path().join("map.png");
    let bin = env!("CARGO_BIN_EXE_recimap");
    let ok = Command::new(bin)
        .args(["demo", "-o"])
        .arg(&map)
        .status()
        .unwrap();
    assert!(ok.success());
    let run = Command::new(bin)
        .arg("export")
        .arg(&map)
        .args([
            "--format",
            "png",
            "--scale",
            "2",
            "--date",
            "1 March 2026",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let svg = Command::new(bin)
        .arg("export")
        .arg(&map)
        .args(["--format", "svg", "--date", "1 March 2026"])
        .output()
        .unwrap();
    let (w, h) = svg_size(&String::from_utf8(svg.stdout).unwrap());
    assert_eq!(png_size(&std::fs::read(&out).unwrap()), (2 * w, 2 * h));

    for (args, says) in [
        (
            vec!["--format", "png", "--scale", "3"],
            "--scale must be 1, 2 or 4",
        ),
        (
            vec!["--format", "svg", "--scale", "2"],
            "--scale is for --format png",
        ),
        (
            vec!["--format", "png"],
            "writes a binary file: give it with -o",
        ),
        (
            vec!["--format", "svg", "--paper", "a4"],
            "--paper is for --format pdf",
        ),
    ] {
        let mut cmd = Command::new(bin);
        cmd.arg("export").arg(&map).args(&args);
        if args.len() > 2 {
            cmd.arg("-o").arg(dir.path().join("x.out"));
        }
        let run = cmd.output().unwrap();
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
}
