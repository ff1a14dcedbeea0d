//! GEXF 1.2 export (<https://gexf.net/>) of a map with its computed scores,
//! for Gephi and `networkx.read_gexf`.
//!
//! Same content as the GraphML export ([`super::graphml`]), from the same
//! attribute columns (`formats::attributes`): nodes are units (`label` = the unit's name) with their
//! attributes and scores as `attvalues`, edges are the directed links with
//! `weight` = the direction's strength (left out when unrated) and the raw
//! weight, ratings, reciprocated strength and balance as `attvalues`. The
//! title and organisation go into `<meta>`. GEXF 1.2draft is the newest
//! version `networkx.read_gexf` reads; Gephi reads it too.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, Event};

use super::attributes::{
    EDGE_ATTRS, NODE_ATTRS, Val, XType, document, link_rows, unit_rows, xml_attr, xml_text,
};
use recimap_core::Analysis;
use recimap_core::model::Map;

fn gexf_type(t: XType) -> &'static str {
    match t {
        XType::Str => "string",
        XType::Int => "integer",
        XType::Double => "double",
        XType::Bool => "boolean",
    }
}

/// The node attributes written as `attvalues` (the name is the node's label).
fn node_attrs() -> impl Iterator<Item = (usize, &'static (&'static str, XType))> {
    NODE_ATTRS
        .iter()
        .enumerate()
        .filter(|(_, (n, _))| *n != "name")
}

/// The edge attributes written as `attvalues` (the strength is the edge's weight).
fn edge_attrs() -> impl Iterator<Item = (usize, &'static (&'static str, XType))> {
    EDGE_ATTRS
        .iter()
        .enumerate()
        .filter(|(_, (n, _))| *n != "weight")
}

/// The map and its analysis as a GEXF document.
pub fn to_gexf(map: &Map, analysis: &Analysis) -> String {
    document(|w| write(w, map, analysis))
}

fn write(w: &mut Writer<Vec<u8>>, map: &Map, a: &Analysis) -> std::io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("gexf")
        .with_attributes([
            ("xmlns", "http://www.gexf.net/1.2draft"),
            ("version", "1.2"),
        ])
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator")
                    .write_text_content(xml_text(&format!(
                        "Recimap {}",
                        env!("CARGO_PKG_VERSION")
                    )))?;
                let mut description = map.title.clone();
                if !map.organisation.is_empty() && !map.title.contains(&map.organisation) {
                    description = format!("{description} — {}", map.organisation);
                }
                w.create_element("description")
                    .write_text_content(xml_text(&description))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attributes([("defaultedgetype", "directed"), ("mode", "static")])
                .write_inner_content(|w| {
                    attributes(w, "node", node_attrs())?;
                    attributes(w, "edge", edge_attrs())?;
                    w.create_element("nodes").write_inner_content(|w| {
                        for (u, values) in unit_rows(map, a) {
                            w.create_element("node")
                                .with_attribute(xml_attr("id", u.id.as_str()))
                                .with_attribute(xml_attr("label", &u.name))
                                .write_inner_content(|w| {
                                    attvalues(w, node_attrs().map(|(i, _)| (i, &values[i])))
                                })?;
                        }
                        Ok(())
                    })?;
                    w.create_element("edges").write_inner_content(|w| {
                        for (i, (l, values)) in link_rows(map, a).enumerate() {
                            let mut e = w
                                .create_element("edge")
                                .with_attribute(xml_attr("id", &i.to_string()))
                                .with_attribute(xml_attr("source", l.source.as_str()))
                                .with_attribute(xml_attr("target", l.target.as_str()));
                            if let Some(weight) = &values[0] {
                                e = e.with_attribute(xml_attr("weight", &weight.text()));
                            }
                            e.write_inner_content(|w| {
                                attvalues(w, edge_attrs().map(|(i, _)| (i, &values[i])))
                            })?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn attributes<'a>(
    w: &mut Writer<Vec<u8>>,
    class: &str,
    attrs: impl Iterator<Item = (usize, &'a (&'a str, XType))>,
) -> std::io::Result<()> {
    w.create_element("attributes")
        .with_attribute(xml_attr("class", class))
        .write_inner_content(|w| {
            for (i, (name, ty)) in attrs {
                w.create_element("attribute")
                    .with_attribute(xml_attr("id", &i.to_string()))
                    .with_attribute(xml_attr("title", name))
                    .with_attribute(xml_attr("type", gexf_type(*ty)))
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

fn attvalues<'v>(
    w: &mut Writer<Vec<u8>>,
    values: impl Iterator<Item = (usize, &'v Option<Val>)>,
) -> std::io::Result<()> {
    let present: Vec<(usize, &Val)> = values
        .filter_map(|(i, v)| v.as_ref().map(|v| (i, v)))
        .collect();
    if present.is_empty() {
        return Ok(());
    }
    w.create_element("attvalues").write_inner_content(|w| {
        for (i, v) in present {
            w.create_element("attvalue")
                .with_attribute(xml_attr("for", &i.to_string()))
                .with_attribute(xml_attr("value", &v.text()))
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}
