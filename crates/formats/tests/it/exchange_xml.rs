//! GraphML and GEXF exports hold the map's units, links, attributes and
//! scores: checked twice, independently —
//! 1. parsed here with quick-xml's reader (no code shared with the writer's
//!    attribute tables: expectations are built from the map and
//!    `recimap_core::analyze` directly);
//! 2. read back by NetworkX (`read_graphml`, `read_gexf`) through
//!    `tests/check_exports.py`, when python3 is available.

use std::collections::BTreeMap;
use std::path::Path;

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use recimap_core::model::Map;
use recimap_formats::{gexf, graphml};
use serde_json::{Value, json};

fn rich_map() -> Map {
    serde_json::from_str(include_str!(
        "../../../../tests/fixtures/store/rich_map.json"
    ))
    .unwrap()
}

fn maps() -> Vec<(&'static str, Map)> {
    vec![
        ("rich", rich_map()),
        ("demo", recimap_core::demo::demo_map()),
        ("empty", Map::default()),
    ]
}

/// What the exports must hold: `{graph, nodes: {id: attrs}, edges: [..]}`,
/// values typed as NetworkX reads them; absent values are left out.
fn expected(map: &Map) -> Value {
    let a = recimap_core::analyze(map);
    let mut nodes = serde_json::Map::new();
    for u in &map.units {
        let s = a.units.iter().find(|s| s.id == u.id).unwrap();
        let mut n = serde_json::Map::new();
        n.insert("name".into(), json!(u.name));
        n.insert("kind".into(), json!(u.kind.as_str()));
        if let Some(g) = &u.group {
            n.insert("group".into(), json!(g));
        }
        if let Some(h) = u.headcount {
            n.insert("headcount".into(), json!(h));
        }
        if let Some(l) = &u.lead {
            n.insert("lead".into(), json!(l));
        }
        if !u.notes.is_empty() {
            n.insert("notes".into(), json!(u.notes));
        }
        n.insert("strength_out".into(), json!(s.strength_out));
        n.insert("strength_in".into(), json!(s.strength_in));
        n.insert(
            "reciprocated_strength".into(),
            json!(s.reciprocated_strength),
        );
        n.insert("unreciprocated_out".into(), json!(s.unreciprocated_out));
        n.insert("unreciprocated_in".into(), json!(s.unreciprocated_in));
        if let Some(r) = s.reciprocity {
            n.insert("reciprocity".into(), json!(r));
        }
        n.insert("betweenness".into(), json!(s.betweenness));
        n.insert("community".into(), json!(s.community));
        n.insert("articulation_point".into(), json!(s.articulation_point));
        n.insert(
            "reciprocated_tech_tie".into(),
            json!(s.reciprocated_tech_tie),
        );
        nodes.insert(u.id.to_string(), Value::Object(n));
    }
    let mut edges = Vec::new();
    for l in &map.links {
        let mut e = serde_json::Map::new();
        e.insert("source".into(), json!(l.source));
        e.insert("target".into(), json!(l.target));
        if let Some(s) = l.strength(&map.dimension_weights) {
            e.insert("weight".into(), json!(s));
        }
        if let Some(w) = l.weight {
            e.insert("raw_weight".into(), json!(w));
        }
        for (k, v) in [
            ("frequency", l.ratings.frequency),
            ("why", l.ratings.why),
            ("listening", l.ratings.listening),
            ("trust", l.ratings.trust),
        ] {
            if let Some(v) = v {
                e.insert(k.into(), json!(v));
            }
        }
        let pair = a
            .pairs
            .iter()
            .find(|p| (p.a == l.source && p.b == l.target) || (p.b == l.source && p.a == l.target))
            .unwrap();
        e.insert("reciprocated".into(), json!(pair.reciprocated));
        if let Some(b) = pair.balance {
            e.insert("balance".into(), json!(b));
        }
        if !l.notes.is_empty() {
            e.insert("notes".into(), json!(l.notes));
        }
        edges.push(Value::Object(e));
    }
    let mut graph = serde_json::Map::new();
    for (k, v) in [("title", &map.title), ("organisation", &map.organisation)] {
        if !v.is_empty() {
            graph.insert(k.into(), json!(v));
        }
    }
    let o = &a.organisation;
    for (k, v) in [
        ("weighted_reciprocity", o.weighted_reciprocity),
        ("dyadic_reciprocity", o.dyadic_reciprocity),
        ("rho", o.rho),
        ("density", o.density),
        ("ei_index", o.ei_index),
        ("modularity", o.modularity),
    ] {
        if let Some(v) = v {
            graph.insert(k.into(), json!(v));
        }
    }
    json!({"graph": graph, "nodes": nodes, "edges": edges})
}

/// Typed value of an XML attribute text, as a reader would convert it.
fn typed(ty: &str, text: &str) -> Value {
    match ty {
        "int" | "integer" | "long" => json!(text.parse::<i64>().unwrap()),
        "double" | "float" => json!(text.parse::<f64>().unwrap()),
        "boolean" => json!(text.parse::<bool>().unwrap()),
        _ => json!(text),
    }
}

type Attrs = BTreeMap<String, Value>;

/// Resolves an XML entity or character reference name (`amp`, `#10`, `#x41`).
fn entity(name: &str) -> String {
    match name {
        "lt" => "<".into(),
        "gt" => ">".into(),
        "amp" => "&".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        n => {
            let code = match n.strip_prefix("#x") {
                Some(hex) => u32::from_str_radix(hex, 16).unwrap(),
                None => n.strip_prefix('#').unwrap().parse().unwrap(),
            };
            char::from_u32(code).unwrap().to_string()
        }
    }
}

/// Parses a GraphML document into (graph data, nodes, edges).
fn parse_graphml(text: &str) -> (Attrs, BTreeMap<String, Attrs>, Vec<Attrs>) {
    enum Ctx {
        Graph,
        Node(String, Attrs),
        Edge(Attrs),
    }
    let mut r = Reader::from_str(text);
    let mut keys: BTreeMap<String, (String, String)> = BTreeMap::new();
    let (mut graph, mut nodes, mut edges) = (Attrs::new(), BTreeMap::new(), Vec::new());
    let mut ctx = Ctx::Graph;
    let mut data: Option<(String, String)> = None; // (key, text so far)
    loop {
        match r.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let attr = |name: &str| {
                    e.try_get_attribute(name).unwrap().map(|a| {
                        a.normalized_value(XmlVersion::Explicit1_0)
                            .unwrap()
                            .into_owned()
                    })
                };
                match e.name().as_ref() {
                    b"key" => {
                        keys.insert(
                            attr("id").unwrap(),
                            (attr("attr.name").unwrap(), attr("attr.type").unwrap()),
                        );
                    }
                    b"node" => ctx = Ctx::Node(attr("id").unwrap(), Attrs::new()),
                    b"edge" => {
                        let mut a = Attrs::new();
                        a.insert("source".into(), json!(attr("source").unwrap()));
                        a.insert("target".into(), json!(attr("target").unwrap()));
                        ctx = Ctx::Edge(a);
                    }
                    b"data" => data = Some((attr("key").unwrap(), String::new())),
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some((_, buf)) = &mut data {
                    buf.push_str(&t.xml_content(XmlVersion::Explicit1_0).unwrap());
                }
            }
            Event::GeneralRef(g) => {
                if let Some((_, buf)) = &mut data {
                    buf.push_str(&entity(std::str::from_utf8(&g).unwrap()));
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"data" => {
                    let (key, value) = data.take().unwrap();
                    let (name, ty) = keys[&key].clone();
                    let target = match &mut ctx {
                        Ctx::Graph => &mut graph,
                        Ctx::Node(_, a) | Ctx::Edge(a) => a,
                    };
                    target.insert(name, typed(&ty, &value));
                }
                b"node" | b"edge" => match std::mem::replace(&mut ctx, Ctx::Graph) {
                    Ctx::Node(id, a) => {
                        nodes.insert(id, a);
                    }
                    Ctx::Edge(a) => edges.push(a),
                    Ctx::Graph => panic!("unbalanced node/edge"),
                },
                _ => {}
            },
            _ => {}
        }
    }
    (graph, nodes, edges)
}

/// Parses a GEXF document into (nodes with `label`, edges with `weight`).
fn parse_gexf(text: &str) -> (BTreeMap<String, Attrs>, Vec<Attrs>) {
    let mut r = Reader::from_str(text);
    let mut class = String::new();
    let mut defs: BTreeMap<(String, String), (String, String)> = BTreeMap::new();
    let (mut nodes, mut edges) = (BTreeMap::new(), Vec::new());
    let mut current: Option<(String, Option<String>, Attrs)> = None;
    loop {
        let ev = r.read_event().unwrap();
        let (e, empty) = match &ev {
            Event::Eof => break,
            Event::Start(e) => (e.clone(), false),
            Event::Empty(e) => (e.clone(), true),
            Event::End(e) => {
                match e.name().as_ref() {
                    b"node" => {
                        let (_, id, a) = current.take().unwrap();
                        nodes.insert(id.unwrap(), a);
                    }
                    b"edge" => edges.push(current.take().unwrap().2),
                    _ => {}
                }
                continue;
            }
            _ => continue,
        };
        let attr = |name: &str| {
            e.try_get_attribute(name).unwrap().map(|a| {
                a.normalized_value(XmlVersion::Explicit1_0)
                    .unwrap()
                    .into_owned()
            })
        };
        match e.name().as_ref() {
            b"attributes" => class = attr("class").unwrap(),
            b"attribute" => {
                defs.insert(
                    (class.clone(), attr("id").unwrap()),
                    (attr("title").unwrap(), attr("type").unwrap()),
                );
            }
            b"node" => {
                let mut a = Attrs::new();
                a.insert("name".into(), json!(attr("label").unwrap()));
                current = Some(("node".into(), attr("id"), a));
                if empty {
                    let (_, id, a) = current.take().unwrap();
                    nodes.insert(id.unwrap(), a);
                }
            }
            b"edge" => {
                let mut a = Attrs::new();
                a.insert("source".into(), json!(attr("source").unwrap()));
                a.insert("target".into(), json!(attr("target").unwrap()));
                if let Some(w) = attr("weight") {
                    a.insert("weight".into(), json!(w.parse::<f64>().unwrap()));
                }
                current = Some(("edge".into(), None, a));
                if empty {
                    edges.push(current.take().unwrap().2);
                }
            }
            b"attvalue" => {
                let (kind, _, a) = current.as_mut().unwrap();
                let (name, ty) = defs.get(&(kind.clone(), attr("for").unwrap())).unwrap();
                a.insert(name.clone(), typed(ty, &attr("value").unwrap()));
            }
            _ => {}
        }
    }
    (nodes, edges)
}

fn as_attrs(v: &Value) -> Attrs {
    v.as_object().unwrap().clone().into_iter().collect()
}

#[test]
fn graphml_parses_back_to_the_map_and_its_scores() {
    for (name, map) in maps() {
        let a = recimap_core::analyze(&map);
        let text = graphml::to_graphml(&map, &a);
        let want = expected(&map);
        let (graph, nodes, edges) = parse_graphml(&text);
        assert_eq!(graph, as_attrs(&want["graph"]), "{name}: graph data");
        let want_nodes: BTreeMap<String, Attrs> = want["nodes"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), as_attrs(v)))
            .collect();
        assert_eq!(nodes, want_nodes, "{name}: nodes");
        let want_edges: Vec<Attrs> = want["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(as_attrs)
            .collect();
        assert_eq!(edges, want_edges, "{name}: edges");
    }
}

#[test]
fn gexf_parses_back_to_the_map_and_its_scores() {
    for (name, map) in maps() {
        let a = recimap_core::analyze(&map);
        let text = gexf::to_gexf(&map, &a);
        let want = expected(&map);
        let (nodes, edges) = parse_gexf(&text);
        let want_nodes: BTreeMap<String, Attrs> = want["nodes"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), as_attrs(v)))
            .collect();
        assert_eq!(nodes, want_nodes, "{name}: nodes");
        let want_edges: Vec<Attrs> = want["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(as_attrs)
            .collect();
        assert_eq!(edges, want_edges, "{name}: edges");
    }
}

#[test]
fn hostile_text_is_escaped_not_markup() {
    let map = rich_map();
    let a = recimap_core::analyze(&map);
    for text in [graphml::to_graphml(&map, &a), gexf::to_gexf(&map, &a)] {
        assert!(!text.contains("<img"), "a unit name became markup");
        assert!(!text.contains("<script"), "a lead became markup");
        assert!(text.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }
    // A control character, which XML 1.0 forbids, is replaced, not written.
    let mut m = map.clone();
    m.units[0].name = "bell\u{7}".into();
    let text = graphml::to_graphml(&m, &recimap_core::analyze(&m));
    assert!(!text.contains('\u{7}'));
    assert!(text.contains("bell\u{FFFD}"));
}

/// NetworkX reads both exports back with the same nodes, edges, attributes
/// and scores (`tests/check_exports.py`; exit 1 = mismatch). When python3 is
/// missing or the venv cannot be set up (exit 3) the test skips with a note,
/// except under `CI=true`, where it fails.
#[test]
fn networkx_reads_the_exports_back() {
    let python = ["python3", "python"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok()
    });
    let Some(python) = python else {
        recimap_testkit::missing("python3 is not installed (apt install python3-venv)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check_exports.py");
    for (name, map) in maps().into_iter().filter(|(n, _)| *n != "empty") {
        let a = recimap_core::analyze(&map);
        let exp = dir.path().join(format!("{name}.json"));
        let gml = dir.path().join(format!("{name}.graphml"));
        let gx = dir.path().join(format!("{name}.gexf"));
        std::fs::write(&exp, serde_json::to_string_pretty(&expected(&map)).unwrap()).unwrap();
        std::fs::write(&gml, graphml::to_graphml(&map, &a)).unwrap();
        std::fs::write(&gx, gexf::to_gexf(&map, &a)).unwrap();
        let out = std::process::Command::new(python)
            .arg(&script)
            .args([&exp, &gml, &gx])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => eprintln!("{name}: {stdout}"),
            Some(3) => {
                recimap_testkit::missing(&format!("NetworkX could not be set up: {stderr}"));
                return;
            }
            _ => panic!("{name}: NetworkX disagrees:\n{stdout}\n{stderr}"),
        }
    }
}
