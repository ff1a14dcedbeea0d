//! The HTML report read back two ways: parsed strictly as XML (the report is
//! well-formed "polyglot" HTML) to check it loads nothing from outside and has
//! no script, and opened in headless Chromium (Debian's package, no network)
//! which must draw a non-blank page and build a DOM without any script, image
//! or frame, even from hostile names. The Chromium checks skip with a message
//! only when Chromium is not installed (CI installs it).

use std::path::Path;
use std::process::Command;

use recimap_core::compare::compare;
use recimap_core::{Map, analyze};
use recimap_report::{BeforeAfter, ReportOptions, html};

fn hostile() -> Map {
    let path = crate::fixtures().join("export/hostile.json");
    recimap_formats::json::read_map_json_bytes(
        &std::fs::read(&path).unwrap(),
        &path.display().to_string(),
    )
    .unwrap()
}

fn opts() -> ReportOptions {
    ReportOptions {
        date: Some("24 November 2026".into()),
        ..ReportOptions::default()
    }
}

/// Every way a document can pull something in or run something.
fn assert_self_contained(text: &str) {
    let doc = roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .expect("the report is well-formed");
    for n in doc.descendants().filter(|n| n.is_element()) {
        let tag = n.tag_name().name();
        assert!(
            ![
                "script",
                "img",
                "iframe",
                "object",
                "embed",
                "link",
                "image",
                "use",
                "a",
                "form",
                "foreignObject"
            ]
            .contains(&tag),
            "<{tag}> in the report"
        );
        for a in n.attributes() {
            let name = a.name();
            assert!(!name.starts_with("on"), "event handler {name} on <{tag}>");
            assert!(
                !["src", "href", "action", "srcset", "poster"].contains(&name),
                "{name} on <{tag}>"
            );
            if name != "xmlns" {
                assert!(
                    !a.value().contains("://"),
                    "{name}=\"{}\" on <{tag}>",
                    a.value()
                );
            }
            if name == "style" || name == "fill" {
                for url in a.value().split("url(").skip(1) {
                    assert!(url.starts_with('#'), "{name}: url({url}");
                }
            }
        }
        if tag == "style" {
            let css = n.text().unwrap_or("");
            assert!(!css.contains("@import"));
            for url in css.split("url(").skip(1) {
                assert!(
                    url.starts_with("data:font/otf;base64,"),
                    "url({})",
                    &url[..url.len().min(40)]
                );
            }
        }
        if tag == "meta" && n.attribute("http-equiv") == Some("Content-Security-Policy") {
            let csp = n.attribute("content").unwrap();
            assert!(csp.starts_with("default-src 'none';"), "{csp}");
            assert!(!csp.contains("script-src"), "{csp}");
        }
    }
    assert!(
        doc.descendants()
            .any(|n| n.attribute("http-equiv") == Some("Content-Security-Policy")),
        "a CSP meta tag"
    );
}

#[test]
fn the_report_has_every_section_and_loads_nothing() {
    let mut map = recimap_core::demo::demo_map();
    let analysis = analyze(&map);
    let hidden = analysis.findings[0].clone();
    map.hidden_findings = vec![hidden.key.clone()];
    let analysis = analyze(&map);
    let text = html(&map, &analysis, &opts());
    assert_self_contained(&text);
    for id in [
        "maturity",
        "scores",
        "map",
        "findings",
        "groups",
        "ambassadors",
        "questionnaire",
    ] {
        assert!(
            text.contains(&format!("<section id=\"{id}\">")),
            "section {id}"
        );
    }
    assert!(!text.contains("id=\"before-after\""));
    let escaped = |s: &str| {
        s.replace('&', "&amp;")
            .replace('\'', "&#39;")
            .replace('"', "&quot;")
    };
    for f in &analysis.findings {
        let shown = text.contains(&escaped(&f.message));
        assert_eq!(shown, f.key != hidden.key, "{}", f.message);
    }
    for a in &map.ambassadors {
        assert!(text.contains(&escaped(&a.name)), "{}", a.name);
    }
    for q in &map.questionnaire {
        assert!(text.contains(&escaped(&q.answer)), "{}", q.answer);
    }
    for g in &analysis.groups {
        assert!(
            text.contains(&format!("<td>{}</td>", escaped(&g.name))),
            "{}",
            g.name
        );
    }
    assert!(text.contains("Digital Innovation Unit"));
    assert!(text.contains("24 November 2026"));
    let headline = &recimap_core::vocabulary::headline()[0];
    assert!(
        text.contains(&escaped(&headline.meaning)),
        "{}",
        headline.meaning
    );
}

#[test]
fn the_before_after_section_shows_the_changes() {
    let before = recimap_core::demo::demo_map();
    let mut after = before.clone();
    after
        .links
        .retain(|l| !(l.source.as_str() == "sales" && l.target.as_str() == "exec"));
    let c = compare(&before, &after);
    assert!(!c.worse.is_empty());
    let o = ReportOptions {
        comparison: Some(BeforeAfter {
            before: "snapshot “March”".into(),
            after: "the current map".into(),
            comparison: c.clone(),
            after_map: after.clone(),
            after_analysis: analyze(&after),
        }),
        ..opts()
    };
    let text = html(&after, &analyze(&after), &o);
    assert_self_contained(&text);
    assert!(text.contains("<section id=\"before-after\">"));
    assert!(text.contains("From snapshot “March” to the current map."));
    // The section draws the map after, the removed direction dashed where it was.
    let section = &text[text.find("<section id=\"before-after\">").unwrap()..];
    assert!(
        section.contains("data-source=\"sales\" data-target=\"exec\" data-trend=\"gone\""),
        "the gone direction is drawn"
    );
    assert_eq!(
        section.matches("data-trend=\"same\"").count(),
        after.links.len(),
        "every other direction is unchanged"
    );
    for ch in &c.worse {
        assert!(
            text.contains(&ch.message.replace('&', "&amp;")),
            "{}",
            ch.message
        );
    }
}

fn chromium() -> Option<&'static str> {
    if let Some(bin) = ["chromium", "chromium-browser"].into_iter().find(|bin| {
        Command::new(bin)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) {
        return Some(bin);
    }
    recimap_testkit::missing("chromium is not installed (apt install chromium)");
    None
}

/// Runs headless Chromium on `page` with no network and a throwaway profile.
fn headless(bin: &str, page: &Path, extra: &[&str]) -> std::process::Output {
    let profile = tempfile::tempdir().unwrap();
    Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            // no network at all: every host resolves nowhere
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap()
}

#[test]
fn chromium_draws_the_report_and_builds_no_script_from_hostile_names() {
    let Some(bin) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (name, map) in [
        ("demo", recimap_core::demo::demo_map()),
        ("hostile", hostile()),
    ] {
        let page = dir.path().join(format!("{name}.html"));
        let text = html(&map, &analyze(&map), &opts());
        assert_self_contained(&text);
        std::fs::write(&page, &text).unwrap();

        let shot = dir.path().join(format!("{name}.png"));
        let out = headless(
            bin,
            &page,
            &[
                "--window-size=1100,1600",
                &format!("--screenshot={}", shot.display()),
            ],
        );
        assert!(
            shot.exists(),
            "no screenshot: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (1100, 1600));
        let channels = info.color_type.samples();
        let px: Vec<&[u8]> = buf[..info.buffer_size()].chunks_exact(channels).collect();
        let colours: std::collections::HashSet<&[u8]> = px.iter().copied().collect();
        let inked = px
            .iter()
            .filter(|p| p[0] < 200 || p[1] < 200 || p[2] < 200)
            .count();
        assert!(colours.len() > 100, "{name}: {} colours", colours.len());
        assert!(inked as f64 / px.len() as f64 > 0.01, "{name}: blank page");

        let out = headless(bin, &page, &["--dump-dom"]);
        let dom = String::from_utf8_lossy(&out.stdout);
        assert!(
            dom.contains("<h1>"),
            "{name}: no DOM: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for tag in ["<script", "<img", "<iframe", "<a ", "<link"] {
            assert!(!dom.contains(tag), "{name}: {tag} in the DOM");
        }
        if name == "hostile" {
            assert!(dom.contains("&lt;img src=x onerror=alert(1)&gt;"), "{dom}");
            assert!(dom.contains("&lt;script&gt;alert('pwned')&lt;/script&gt;"));
        }
    }
}
