//! The SVG export read back by independent readers: usvg parses it and resvg
//! renders it; roxmltree (a strict XML parser) finds every unit's name as
//! text, and no markup smuggled in through hostile names. The two directions
//! of a relationship bend to opposite sides; a focus fades the rest; the UI
//! draws with the same rules.

use std::collections::HashMap;

use recimap_core::{Map, analyze};
use recimap_formats::csv::{CsvOptions, import_csv};
use recimap_formats::json::read_map_json_bytes;
use recimap_render::{Focus, Style, SvgOptions, fonts, svg};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

fn hostile() -> Map {
    let path = crate::fixtures().join("export/hostile.json");
    read_map_json_bytes(&std::fs::read(&path).unwrap(), &path.display().to_string()).unwrap()
}

/// Krackhardt's high-tech managers (advice): real data, raw weights, groups,
/// no saved positions.
fn krackhardt() -> Map {
    let dir = crate::fixtures().join("data/krackhardt_hightech");
    let opts = CsvOptions {
        relation: Some("advice".into()),
        undirected: false,
    };
    import_csv(&dir.join("nodes.csv"), &dir.join("edges.csv"), &opts)
        .unwrap()
        .map
}

fn render(map: &Map, opts: &SvgOptions) -> String {
    svg(map, &analyze(map), opts)
}

/// Parses with usvg (bundled + system fonts) and renders with resvg; returns
/// the share of pixels that are not white.
fn rasterise_share_inked(text: &str) -> f64 {
    let opts = usvg::Options {
        fontdb: fonts::database(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(text, &opts).expect("usvg parses the SVG");
    let size = tree.size().to_int_size();
    let mut pixmap = Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
    let px = pixmap.pixels();
    let inked = px
        .iter()
        .filter(|p| p.alpha() > 0 && (p.red() < 240 || p.green() < 240 || p.blue() < 240))
        .count();
    inked as f64 / px.len() as f64
}

/// The text of every unit group (`<g class="unit" data-id=…>`), lines joined
/// by spaces, by unit id.
fn unit_texts(doc: &roxmltree::Document) -> HashMap<String, String> {
    doc.descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("unit ")))
        .map(|g| {
            let lines: Vec<String> = g
                .descendants()
                .filter(|n| n.has_tag_name("tspan"))
                .map(|t| t.text().unwrap_or("").to_owned())
                .collect();
            (g.attribute("data-id").unwrap().to_owned(), lines.join(" "))
        })
        .collect()
}

#[test]
fn the_demo_map_parses_renders_and_names_every_unit_as_text() {
    let map = recimap_core::demo::demo_map();
    let text = render(&map, &SvgOptions::default());
    let share = rasterise_share_inked(&text);
    assert!(share > 0.05, "the picture is nearly blank: {share}");
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let texts = unit_texts(&doc);
    assert_eq!(texts.len(), map.units.len());
    for u in &map.units {
        assert_eq!(texts[u.id.as_str()], u.name, "unit {}", u.id);
    }
    // Every direction is drawn once, as a path with an arrowhead.
    let links = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("link"))
        .count();
    assert_eq!(links, map.links.len());
    assert!(text.contains(">Northwind Logistics — IT reciprocity map</text>"));
    assert_eq!(text, render(&map, &SvgOptions::default()), "deterministic");
}

#[test]
fn hostile_names_stay_text_and_add_no_markup() {
    let map = hostile();
    let text = render(&map, &SvgOptions::default());
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let svg_ns = "http://www.w3.org/2000/svg";
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        assert!(
            !["img", "script", "iframe", "foreignObject", "a", "style"].contains(&name),
            "a <{name}> element got in"
        );
        assert_eq!(n.tag_name().namespace(), Some(svg_ns), "<{name}>");
        for a in n.attributes() {
            assert!(!a.name().starts_with("on"), "event attribute {}", a.name());
        }
    }
    let texts = unit_texts(&doc);
    for u in &map.units {
        let want: String = u
            .name
            .chars()
            .map(|c| if c.is_control() { '\u{fffd}' } else { c })
            .collect();
        // wrapped lines are joined by spaces; a word longer than a line is cut
        let got = &texts[u.id.as_str()];
        assert_eq!(got.replace(' ', ""), want.replace(' ', ""), "unit {}", u.id);
    }
    // The user colour that is not a hex colour is not used.
    assert!(!text.contains("red\""), "{text}");
    assert!(rasterise_share_inked(&text) > 0.02);
}

/// `M x,y Q cx,cy x,y` → (start, control, end).
fn quad(d: &str) -> Option<[(f64, f64); 3]> {
    let d = d.strip_prefix('M')?;
    let (start, rest) = d.split_once('Q')?;
    let (control, end) = rest.split_once(' ')?;
    let pt = |s: &str| {
        let (x, y) = s.split_once(',')?;
        Some((x.parse().ok()?, y.parse().ok()?))
    };
    Some([pt(start)?, pt(control)?, pt(end)?])
}

#[test]
fn the_two_directions_of_a_relationship_bend_to_opposite_sides() {
    let map = recimap_core::demo::demo_map();
    let text = render(&map, &SvgOptions::default());
    let doc = roxmltree::Document::parse(&text).unwrap();
    let mut curves: HashMap<(String, String), [(f64, f64); 3]> = HashMap::new();
    let mut straight = 0;
    for g in doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("link"))
    {
        let key = (
            g.attribute("data-source").unwrap().to_owned(),
            g.attribute("data-target").unwrap().to_owned(),
        );
        let d = g
            .children()
            .find(|c| c.has_tag_name("path"))
            .and_then(|p| p.attribute("d"))
            .unwrap();
        match quad(d) {
            Some(q) => {
                curves.insert(key, q);
            }
            None => straight += 1,
        }
    }
    let pos: HashMap<&str, (f64, f64)> = map
        .units
        .iter()
        .map(|u| {
            let p = u.position.unwrap();
            (u.id.as_str(), (p.x, p.y))
        })
        .collect();
    let mut pairs = 0;
    for ((s, t), q) in &curves {
        let back = curves
            .get(&(t.clone(), s.clone()))
            .expect("a curved direction has its reverse");
        if s > t {
            continue;
        }
        pairs += 1;
        // the side of the line s→t each control point lies on
        let (a, b) = (pos[s.as_str()], pos[t.as_str()]);
        let side = |c: (f64, f64)| (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
        assert!(
            side(q[1]) * side(back[1]) < 0.0,
            "{s} ↔ {t}: both curves on one side"
        );
        let apart = ((q[1].0 - back[1].0).powi(2) + (q[1].1 - back[1].1).powi(2)).sqrt();
        assert!(
            apart >= Style::default().control_point_step,
            "{s} ↔ {t}: {apart}"
        );
    }
    let analysis = analyze(&map);
    assert_eq!(pairs, analysis.organisation.mutual_pairs);
    assert_eq!(straight, map.links.len() - 2 * pairs);
}

#[test]
fn a_focus_fades_everything_but_the_findings_units() {
    let map = recimap_core::demo::demo_map();
    let analysis = analyze(&map);
    let finding = &analysis.findings[0];
    let opts = SvgOptions {
        focus: Some(Focus::finding(finding)),
        ..SvgOptions::default()
    };
    let text = svg(&map, &analysis, &opts);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let faded = Style::default().faded_opacity.to_string();
    let mut seen = 0;
    for g in doc
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("unit ")))
    {
        seen += 1;
        let id = g.attribute("data-id").unwrap();
        let is_faded = g.attribute("opacity") == Some(faded.as_str());
        assert_eq!(
            is_faded,
            !finding.units.iter().any(|u| u.as_str() == id),
            "unit {id}"
        );
    }
    assert_eq!(seen, map.units.len());
    // A link is faded through its line's and arrowhead's own opacity (a group
    // opacity would make resvg draw each link through a layer of its own).
    let style = Style::default();
    let in_focus = |id: &str| finding.units.iter().any(|u| u.as_str() == id);
    let mut links = 0;
    for g in doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("link"))
    {
        links += 1;
        let (s, t) = (
            g.attribute("data-source").unwrap(),
            g.attribute("data-target").unwrap(),
        );
        let bright = finding
            .links
            .iter()
            .any(|(a, b)| a.as_str() == s && b.as_str() == t)
            || (in_focus(s) && in_focus(t));
        let expected = if bright {
            style.edge_opacity
        } else {
            style.edge_opacity * style.faded_opacity
        };
        assert_eq!(g.attribute("opacity"), None, "{s} → {t}");
        let shapes: Vec<_> = g.children().filter(|n| n.has_tag_name("path")).collect();
        let line: f64 = shapes[0]
            .attribute("stroke-opacity")
            .unwrap()
            .parse()
            .unwrap();
        let head: f64 = shapes[1]
            .attribute("fill-opacity")
            .unwrap()
            .parse()
            .unwrap();
        assert!(
            (line - expected).abs() < 1e-4 && (head - expected).abs() < 1e-4,
            "{s} → {t}: {line} {head}, expected {expected}"
        );
    }
    assert_eq!(links, map.links.len());
}

#[test]
fn maps_without_positions_are_laid_out_apart_and_deterministically() {
    let map = krackhardt();
    assert!(map.units.iter().all(|u| u.position.is_none()));
    let text = render(&map, &SvgOptions::default());
    assert_eq!(text, render(&map, &SvgOptions::default()));
    let doc = roxmltree::Document::parse(&text).unwrap();
    let texts = unit_texts(&doc);
    for u in &map.units {
        assert_eq!(texts[u.id.as_str()], u.name);
    }
    // every unit at its own place, at least a unit's width from the others
    // (measured at the labels: centred under each unit, a fixed gap below it)
    let attr = |n: roxmltree::Node, tag: &str, a: &str| -> f64 {
        let child = n.children().find(|c| c.has_tag_name(tag)).unwrap();
        child.attribute(a).unwrap().parse().unwrap()
    };
    let centres: Vec<(f64, f64)> = doc
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("unit ")))
        .map(|g| (attr(g, "text", "x"), attr(g, "rect", "y")))
        .collect();
    assert_eq!(centres.len(), map.units.len());
    for i in 0..centres.len() {
        for j in 0..i {
            let d = ((centres[i].0 - centres[j].0).powi(2) + (centres[i].1 - centres[j].1).powi(2))
                .sqrt();
            assert!(d > Style::default().node_size, "units {i} and {j} overlap");
        }
    }
    assert!(rasterise_share_inked(&text) > 0.02);
    // raw weights: the legend says so
    assert!(text.contains("width: strength (weight)"));
}

#[test]
fn an_empty_map_is_a_valid_picture_that_says_so() {
    let text = render(&Map::default(), &SvgOptions::default());
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert!(
        doc.descendants()
            .any(|n| n.text() == Some("No units on this map yet."))
    );
    let opts = usvg::Options::default();
    usvg::Tree::from_str(&text, &opts).unwrap();
}

/// The hex colours, shapes and numbers the UI draws with today, read from
/// its sources; the core's [`Style`] must say the same.
/// The UI draws with the core's values (`RENDER_STYLE`, generated from
/// [`Style::default`] by `scripts/gen-bindings.sh`, whose `--check` CI runs):
/// its drawing modules read them, and none writes a style colour of its own.
#[test]
fn the_ui_draws_with_the_core_style() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let read =
        |p: &str| std::fs::read_to_string(root.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let s = Style::default();
    let mut colours: Vec<String> = vec![s.unrated_colour.clone()];
    colours.extend(s.kinds.iter().map(|k| k.border.clone()));
    colours.extend(s.badges.iter().map(|b| b.colour.clone()));
    colours.extend(s.hull_colours.iter().cloned());
    colours.extend(s.trends.iter().map(|t| t.colour.clone()));
    colours.extend(s.balance_stops.iter().map(|b| {
        let [r, g, b] = b.rgb;
        format!("#{r:02x}{g:02x}{b:02x}")
    }));
    // The colours of the text and chrome around a map. White is the UI's own
    // paper and text on colour too (its chrome, not the drawing), so it is
    // not looked for.
    let white = [&s.paper, &s.ink_on_colour];
    colours.extend(
        [
            &s.accent,
            &s.key_line,
            &s.ink,
            &s.ink_soft,
            &s.ink_faint,
            &s.rule,
            &s.panel,
            &s.desk,
            &s.accent_pale,
            &s.accent_pale_border,
            &s.better,
            &s.worse,
        ]
        .into_iter()
        .chain(s.severities.iter().map(|v| &v.colour))
        .filter(|c| !white.contains(c))
        .cloned(),
    );
    for file in [
        "ui/src/lib/cyStyle.ts",
        "ui/src/lib/graph.ts",
        "ui/src/lib/hull.ts",
        "ui/src/lib/overlay.ts",
        "ui/src/components/MapCanvas.svelte",
        "ui/src/components/Legend.svelte",
        "ui/src/components/UnitList.svelte",
    ] {
        let text = read(file).to_lowercase();
        for c in &colours {
            assert!(
                !text.contains(c.as_str()),
                "{file} writes the style colour {c} itself"
            );
        }
        let uses = text.contains("ipc/renderstyle")
            || text.contains("../lib/cystyle")
            || text.contains("../lib/overlay");
        assert!(uses, "{file} does not take its values from RENDER_STYLE");
    }
    for stop in &s.balance_stops {
        let [r, g, b] = stop.rgb;
        assert!(
            !read("ui/src/lib/graph.ts").contains(&format!("[{r}, {g}, {b}]")),
            "graph.ts writes the balance stop {stop:?} itself"
        );
    }
}

/// Before: Finance tells IT (4), IT answers 1, Operations tells IT (3), HR
/// tells IT (2). After: IT answers 3, IT → HR is new, HR → IT got weaker
/// (1), and Operations → IT is gone (Operations is still on the map).
fn before_and_after() -> (Map, Map) {
    use recimap_core::model::{Link, Ratings, Unit, UnitKind};
    let why = |s: &str, t: &str, r: u8| Link {
        ratings: Ratings {
            why: Some(r),
            ..Ratings::default()
        },
        ..Link::new(s, t)
    };
    let units = vec![
        Unit::new("it", "IT", UnitKind::It),
        Unit::new("fin", "Finance", UnitKind::Business),
        Unit::new("ops", "Operations", UnitKind::Business),
        Unit::new("hr", "HR", UnitKind::Business),
    ];
    let before = Map {
        units: units.clone(),
        links: vec![
            why("fin", "it", 4),
            why("it", "fin", 1),
            why("ops", "it", 3),
            why("hr", "it", 2),
        ],
        ..Map::default()
    };
    let after = Map {
        units,
        links: vec![
            why("fin", "it", 4),
            why("it", "fin", 3),
            why("hr", "it", 1),
            why("it", "hr", 2),
        ],
        ..Map::default()
    };
    (before, after)
}

#[test]
fn a_before_after_picture_colours_each_direction_by_its_change() {
    let (before, after) = before_and_after();
    let c = recimap_core::compare::compare(&before, &after);
    let style = Style::default();
    let text = render(
        &after,
        &SvgOptions {
            changes: Some(c.directions.clone()),
            ..SvgOptions::default()
        },
    );
    let doc = roxmltree::Document::parse(&text).unwrap();
    let links: Vec<(String, String, String, String, bool)> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("link"))
        .map(|g| {
            let line = g.children().find(|n| n.has_tag_name("path")).unwrap();
            (
                format!(
                    "{}→{}",
                    g.attribute("data-source").unwrap(),
                    g.attribute("data-target").unwrap()
                ),
                g.attribute("data-trend").unwrap().to_owned(),
                line.attribute("stroke").unwrap().to_owned(),
                g.children()
                    .find(|n| n.has_tag_name("title"))
                    .and_then(|t| t.text())
                    .unwrap_or("")
                    .to_owned(),
                line.attribute("stroke-dasharray").is_some(),
            )
        })
        .collect();
    let colour = |t| style.trend(t).colour.clone();
    use recimap_core::compare::Trend::*;
    let want = [
        (
            "fin→it",
            "same",
            colour(Same),
            "Finance → IT: unchanged, strength 4 → 4",
            false,
        ),
        (
            "it→fin",
            "stronger",
            colour(Stronger),
            "IT → Finance: stronger, strength 1 → 3",
            false,
        ),
        (
            "hr→it",
            "weaker",
            colour(Weaker),
            "HR → IT: weaker, strength 2 → 1",
            false,
        ),
        (
            "it→hr",
            "new",
            colour(New),
            "IT → HR: new, strength – → 2",
            false,
        ),
        (
            "ops→it",
            "gone",
            colour(Gone),
            "Operations → IT: gone, strength 3 → –",
            true,
        ),
    ];
    let want: Vec<(String, String, String, String, bool)> = want
        .into_iter()
        .map(|(a, b, c, d, e)| (a.to_owned(), b.to_owned(), c, d.to_owned(), e))
        .collect();
    assert_eq!(links, want);
    // The key says what the colours mean, and there is no balance scale.
    let legend: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        legend.contains(&"RELATIONSHIPS, BEFORE → AFTER"),
        "{legend:?}"
    );
    for t in recimap_core::compare::Trend::ALL {
        assert!(legend.contains(&style.trend(t).label.as_str()), "{t:?}");
    }
    assert!(!text.contains("rm-balance"));
    assert!(rasterise_share_inked(&text) > 0.01);
}

#[test]
fn a_group_name_sits_over_the_top_of_its_hull() {
    // Finance's group laid out along an arc, highest at its right-hand end:
    // the name goes over that end, not over the empty middle of the arc.
    let mut map = recimap_core::demo::demo_map();
    let group = map.units[0].group.clone().unwrap();
    let arc = [
        (900.0, -400.0),
        (700.0, -250.0),
        (500.0, -200.0),
        (300.0, -190.0),
    ];
    let members: Vec<usize> = (0..map.units.len())
        .filter(|&i| map.units[i].group.as_ref() == Some(&group))
        .collect();
    assert!(
        members.len() >= 2,
        "the demo's first group has several units"
    );
    for (k, &i) in members.iter().enumerate() {
        let (x, y) = arc[k % arc.len()];
        map.units[i].position = Some(recimap_core::model::Position {
            x,
            y: y + k as f64 / 10.0,
        });
    }
    let text = render(&map, &SvgOptions::default());
    let doc = roxmltree::Document::parse(&text).unwrap();
    let label = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("hull-label") && n.text() == Some(group.as_str()))
        .expect("the group's hull is labelled");
    let x: f64 = label.attribute("x").unwrap().parse().unwrap();
    let y: f64 = label.attribute("y").unwrap().parse().unwrap();
    assert!(
        (x - 900.0).abs() < 0.01,
        "over the top end of the arc, not at x = {x}"
    );
    assert!(
        y < -400.0 - Style::default().node_size / 2.0,
        "above the top unit, not at y = {y}"
    );
}
