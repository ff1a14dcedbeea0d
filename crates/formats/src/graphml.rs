//! GraphML export (<http://graphml.graphdrawing.org/>) of a map with its
//! computed scores, for Gephi, yEd, Cytoscape and `networkx.read_graphml`.
//!
//! Nodes are units (id = our unit id) carrying the unit's attributes (name,
//! kind, group, head count, lead) and its scores from [`recimap_core::analyze`]
//! (reciprocity, betweenness, community, reciprocated and unreciprocated
//! strength, …). Edges are links `source → target` (directed graph) carrying
//! `weight` (the direction's strength, what Gephi and networkx use as the edge
//! weight), the raw imported weight, the four ratings and the pair's
//! reciprocated strength and balance. Graph data: title, organisation and the
//! organisation scores. An undefined value (an unrated link's strength, the
//! reciprocity of a unit without links) is left out, as GraphML intends.
//!
//! The attribute columns and their values come from `formats::attributes`,
//! shared with the GEXF export; XML is written with quick-xml.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, Event};

use super::attributes::{
    EDGE_ATTRS, NODE_ATTRS, Val, XType, document, link_rows, unit_rows, xml_attr, xml_text,
};
use recimap_core::Analysis;
use recimap_core::model::Map;

/// Graph-level values: title, organisation and the organisation scores.
/// An empty text is left out (readers cannot tell `<data></data>` from nothing).
fn graph_values(map: &Map, a: &Analysis) -> Vec<(&'static str, XType, Option<Val>)> {
    let o = &a.organisation;
    let text = |s: &String| (!s.is_empty()).then(|| Val::S(s.clone()));
    vec![
        ("title", XType::Str, text(&map.title)),
        ("organisation", XType::Str, text(&map.organisation)),
        (
            "weighted_reciprocity",
            XType::Double,
            o.weighted_reciprocity.map(Val::D),
        ),
        (
            "dyadic_reciprocity",
            XType::Double,
            o.dyadic_reciprocity.map(Val::D),
        ),
        ("rho", XType::Double, o.rho.map(Val::D)),
        ("density", XType::Double, o.density.map(Val::D)),
        ("ei_index", XType::Double, o.ei_index.map(Val::D)),
        ("modularity", XType::Double, o.modularity.map(Val::D)),
    ]
}

fn graphml_type(t: XType) -> &'static str {
    match t {
        XType::Str => "string",
        XType::Int => "int",
        XType::Double => "double",
        XType::Bool => "boolean",
    }
}

/// The map and its analysis as a GraphML document.
pub fn to_graphml(map: &Map, analysis: &Analysis) -> String {
    document(|w| write(w, map, analysis))
}

fn write(w: &mut Writer<Vec<u8>>, map: &Map, a: &Analysis) -> std::io::Result<()> {
    let graph = graph_values(map, a);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("graphml")
        .with_attributes([
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ])
        .write_inner_content(|w| {
            for (name, ty, _) in &graph {
                key(w, &format!("g_{name}"), "graph", name, *ty)?;
            }
            for (name, ty) in NODE_ATTRS {
                key(w, &format!("n_{name}"), "node", name, *ty)?;
            }
            for (name, ty) in EDGE_ATTRS {
                key(w, &format!("e_{name}"), "edge", name, *ty)?;
            }
            w.create_element("graph")
                .with_attributes([("id", "G"), ("edgedefault", "directed")])
                .write_inner_content(|w| {
                    for (name, _, value) in &graph {
                        if let Some(v) = value {
                            data(w, &format!("g_{name}"), v)?;
                        }
                    }
                    for (u, values) in unit_rows(map, a) {
                        w.create_element("node")
                            .with_attribute(xml_attr("id", u.id.as_str()))
                            .write_inner_content(|w| {
                                for ((name, _), v) in NODE_ATTRS.iter().zip(&values) {
                                    if let Some(v) = v {
                                        data(w, &format!("n_{name}"), v)?;
                                    }
                                }
                                Ok(())
                            })?;
                    }
                    for (i, (l, values)) in link_rows(map, a).enumerate() {
                        w.create_element("edge")
                            .with_attribute(xml_attr("id", &format!("e{i}")))
                            .with_attribute(xml_attr("source", l.source.as_str()))
                            .with_attribute(xml_attr("target", l.target.as_str()))
                            .write_inner_content(|w| {
                                for ((name, _), v) in EDGE_ATTRS.iter().zip(&values) {
                                    if let Some(v) = v {
                                        data(w, &format!("e_{name}"), v)?;
                                    }
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn key(
    w: &mut Writer<Vec<u8>>,
    id: &str,
    for_: &str,
    name: &str,
    ty: XType,
) -> std::io::Result<()> {
    w.create_element("key")
        .with_attribute(xml_attr("id", id))
        .with_attribute(xml_attr("for", for_))
        .with_attribute(xml_attr("attr.name", name))
        .with_attribute(xml_attr("attr.type", graphml_type(ty)))
        .write_empty()?;
    Ok(())
}

fn data(w: &mut Writer<Vec<u8>>, key: &str, v: &Val) -> std::io::Result<()> {
    w.create_element("data")
        .with_attribute(xml_attr("key", key))
        .write_text_content(xml_text(&v.text()))?;
    Ok(())
}
