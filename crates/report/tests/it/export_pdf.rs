//! The PDF report read back by poppler-utils, an independent PDF reader:
//! `pdfinfo` for the page size (A4 or Letter) and `pdftotext` for the text —
//! every shown finding's message is there as text, a hidden one is not, and
//! the before/after section appears when asked for. Without poppler-utils
//! the tests skip with a note, except under `CI=true`, where they fail.

use std::path::Path;
use std::process::Command;

use recimap_core::compare::compare;
use recimap_core::{Map, analyze};
use recimap_report::{BeforeAfter, Paper, ReportOptions, pdf};

fn poppler() -> bool {
    recimap_testkit::outside_tool("pdfinfo", &["-v"], "apt install poppler-utils")
        && recimap_testkit::outside_tool("pdftotext", &["-v"], "apt install poppler-utils")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn pdfinfo(p: &Path) -> String {
    let out = Command::new("pdfinfo").arg(p).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The document's text, whitespace collapsed to single spaces.
fn pdftotext(p: &Path) -> String {
    let out = Command::new("pdftotext").arg(p).arg("-").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    collapse(&String::from_utf8(out.stdout).unwrap())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `n` words of a text.
fn start(s: &str, n: usize) -> String {
    s.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
}

fn opts() -> ReportOptions {
    ReportOptions {
        date: Some("24 November 2026".into()),
        ..ReportOptions::default()
    }
}

#[test]
fn a4_and_letter_have_their_page_size_and_the_findings_as_text() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut map = recimap_core::demo::demo_map();
    let analysis = analyze(&map);
    let hidden = analysis.findings[1].clone();
    map.hidden_findings = vec![hidden.key.clone()];
    let analysis = analyze(&map);
    for (paper, size) in [
        (Paper::A4, "595.276 x 841.89 pts (A4)"),
        (Paper::Letter, "612 x 792 pts (letter)"),
    ] {
        let bytes = pdf(&map, &analysis, &opts(), paper).unwrap();
        let p = write(dir.path(), &format!("{paper:?}.pdf"), &bytes);
        let info = pdfinfo(&p);
        assert!(info.contains(size), "{paper:?}: {info}");
        assert!(
            info.contains("Title:           Northwind Logistics — IT reciprocity map"),
            "{info}"
        );
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert!(pages >= 3, "{pages} pages");
        let text = pdftotext(&p);
        for f in &analysis.findings {
            if f.key == hidden.key {
                assert!(
                    !text.contains(&collapse(&f.message)),
                    "the hidden finding is left out"
                );
            } else {
                assert!(
                    text.contains(&start(&f.message, 8)),
                    "{paper:?} lacks: {}",
                    f.message
                );
                assert!(
                    text.contains(&start(&f.recommendation, 6)),
                    "{}",
                    f.recommendation
                );
            }
        }
        for u in &map.units {
            assert!(
                text.contains(&u.name),
                "{} (map labels are text too)",
                u.name
            );
        }
        assert!(text.contains("Digital Innovation Unit"));
        assert!(text.contains("24 November 2026"));
        assert!(text.contains(&format!("Page {pages} of {pages}")));
    }
}

#[test]
fn the_before_after_section_lists_what_changed() {
    if !poppler() {
        return;
    }
    let before = recimap_core::demo::demo_map();
    let mut after = before.clone();
    // IT Service Desk now answers Operations, which it did not before
    assert!(before.link(&"it_desk".into(), &"ops".into()).is_none());
    let mut reply = recimap_core::Link::new("it_desk", "ops");
    reply.ratings.frequency = Some(3);
    reply.ratings.why = Some(4);
    after.links.push(reply);
    let c = compare(&before, &after);
    assert!(!c.better.is_empty(), "the fixture change is an improvement");
    let opts = ReportOptions {
        comparison: Some(BeforeAfter {
            before: "snapshot “before workshop”".into(),
            after: "the current map".into(),
            comparison: c.clone(),
            after_map: after.clone(),
            after_analysis: analyze(&after),
        }),
        ..opts()
    };
    let bytes = pdf(&after, &analyze(&after), &opts, Paper::A4).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = pdftotext(&write(dir.path(), "ba.pdf", &bytes));
    assert!(text.contains("Before and after"));
    assert!(text.contains("From snapshot “before workshop” to the current map."));
    assert!(
        collapse(&text).contains(&collapse(
            "The map after, each direction coloured by how its strength changed"
        )),
        "the before/after picture and its caption"
    );
    for ch in &c.better {
        assert!(text.contains(&start(&ch.message, 4)), "{}", ch.message);
    }
}

#[test]
fn hostile_names_are_text_in_the_pdf() {
    if !poppler() {
        return;
    }
    let path = crate::fixtures().join("export/hostile.json");
    let map: Map = recimap_formats::json::read_map_json_bytes(
        &std::fs::read(&path).unwrap(),
        &path.display().to_string(),
    )
    .unwrap();
    let bytes = pdf(&map, &analyze(&map), &opts(), Paper::Letter).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = pdftotext(&write(dir.path(), "h.pdf", &bytes));
    assert!(
        text.contains("<script>alert('title')</script> Hostile & odd names"),
        "{text}"
    );
    assert!(text.contains("<img src=x onerror=alert(1)>"));
}
