//! GraphML export (<http://graphml.graphdrawing.org/>) of a map with its
//! computed scores, for Gephi, yEd, Cytoscape and `networkx.read_graphml`.
//!
//! Nodes are units (id = our unit id) carrying the unit's attributes (name,
//! kind, group, head count, lead) and its scores from [`crate::analyze`]
//! (reciprocity, betweenness, community, reciprocated and unreciprocated
//! strength, …). Edges are links `source → target` (directed graph) carrying
//! `weight` (the direction's strength, what Gephi and networkx use as the edge
//! weight), the raw imported weight, the four ratings and the pair's
//! reciprocated strength and balance. Graph data: title, organisation and the
//! organisation scores. An undefined value (an unrated link's strength, the
//! reciprocity of a unit without links) is left out, as GraphML intends.
//!
//! The attribute tables here are shared with the GEXF export ([`super::gexf`]).
//! XML is written with quick-xml; [`xml_text`] and [`xml_attr`] add what its
//! escaping leaves to us: characters XML 1.0 forbids (control characters)
//! become U+FFFD, and line breaks and tabs in attribute values become
//! character references so that parsers do not normalise them to spaces.

use std::borrow::Cow;
use std::collections::HashMap;

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::name::QName;

use crate::analysis::{Analysis, PairScores, UnitScores};
use crate::model::{Link, Map, Unit, UnitId};

/// The XML type of an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum XType {
    Str,
    Int,
    Double,
    Bool,
}

/// An attribute value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    S(String),
    I(i64),
    D(f64),
    B(bool),
}

impl Val {
    pub(crate) fn text(&self) -> String {
        match self {
            Val::S(s) => s.clone(),
            Val::I(i) => i.to_string(),
            // Rust's shortest round-trip form; never an exponent.
            Val::D(d) => d.to_string(),
            Val::B(b) => b.to_string(),
        }
    }
}

/// Node attributes, in the order written.
pub(crate) const NODE_ATTRS: &[(&str, XType)] = &[
    ("name", XType::Str),
    ("kind", XType::Str),
    ("group", XType::Str),
    ("headcount", XType::Int),
    ("lead", XType::Str),
    ("notes", XType::Str),
    ("strength_out", XType::Double),
    ("strength_in", XType::Double),
    ("reciprocated_strength", XType::Double),
    ("unreciprocated_out", XType::Double),
    ("unreciprocated_in", XType::Double),
    ("reciprocity", XType::Double),
    ("betweenness", XType::Double),
    ("community", XType::Int),
    ("articulation_point", XType::Bool),
    ("reciprocated_tech_tie", XType::Bool),
];

/// The values of [`NODE_ATTRS`] for one unit.
pub(crate) fn node_values(u: &Unit, s: Option<&UnitScores>) -> Vec<Option<Val>> {
    let opt_s = |v: &Option<String>| v.clone().map(Val::S);
    let mut out = vec![
        Some(Val::S(u.name.clone())),
        Some(Val::S(u.kind.as_str().into())),
        opt_s(&u.group),
        u.headcount.map(|h| Val::I(i64::from(h))),
        opt_s(&u.lead),
        (!u.notes.is_empty()).then(|| Val::S(u.notes.clone())),
    ];
    match s {
        Some(s) => out.extend([
            Some(Val::D(s.strength_out)),
            Some(Val::D(s.strength_in)),
            Some(Val::D(s.reciprocated_strength)),
            Some(Val::D(s.unreciprocated_out)),
            Some(Val::D(s.unreciprocated_in)),
            s.reciprocity.map(Val::D),
            Some(Val::D(s.betweenness)),
            Some(Val::I(s.community as i64)),
            Some(Val::B(s.articulation_point)),
            Some(Val::B(s.reciprocated_tech_tie)),
        ]),
        None => out.extend(std::iter::repeat_n(None, NODE_ATTRS.len() - 6)),
    }
    out
}

/// Edge attributes, in the order written. `weight` is the strength.
pub(crate) const EDGE_ATTRS: &[(&str, XType)] = &[
    ("weight", XType::Double),
    ("raw_weight", XType::Double),
    ("frequency", XType::Int),
    ("why", XType::Int),
    ("listening", XType::Int),
    ("trust", XType::Int),
    ("reciprocated", XType::Double),
    ("balance", XType::Double),
    ("notes", XType::Str),
];

/// The values of [`EDGE_ATTRS`] for one link.
pub(crate) fn edge_values(map: &Map, l: &Link, pair: Option<&PairScores>) -> Vec<Option<Val>> {
    let r = &l.ratings;
    let rating = |v: Option<u8>| v.map(|v| Val::I(i64::from(v)));
    vec![
        l.strength(&map.dimension_weights).map(Val::D),
        l.weight.map(Val::D),
        rating(r.frequency),
        rating(r.why),
        rating(r.listening),
        rating(r.trust),
        pair.map(|p| Val::D(p.reciprocated)),
        pair.and_then(|p| p.balance).map(Val::D),
        (!l.notes.is_empty()).then(|| Val::S(l.notes.clone())),
    ]
}

/// Graph-level values: title, organisation and the organisation scores.
/// An empty text is left out (readers cannot tell `<data></data>` from nothing).
pub(crate) fn graph_values(map: &Map, a: &Analysis) -> Vec<(&'static str, XType, Option<Val>)> {
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

/// The analysis' unit scores and pair scores, keyed for lookup.
pub(crate) struct Lookup<'a> {
    pub units: HashMap<&'a UnitId, &'a UnitScores>,
    pub pairs: HashMap<(&'a UnitId, &'a UnitId), &'a PairScores>,
}

impl<'a> Lookup<'a> {
    pub(crate) fn new(a: &'a Analysis) -> Self {
        let mut pairs = HashMap::new();
        for p in &a.pairs {
            pairs.insert((&p.a, &p.b), p);
            pairs.insert((&p.b, &p.a), p);
        }
        Lookup {
            units: a.units.iter().map(|u| (&u.id, u)).collect(),
            pairs,
        }
    }
}

/// Replaces characters XML 1.0 does not allow, even escaped, by U+FFFD.
fn xml_chars(s: &str) -> Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
    if s.chars().any(bad) {
        Cow::Owned(
            s.chars()
                .map(|c| if bad(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// Escaped element text (`<`, `>`, `&`, and `\r`, which parsers would drop).
pub(crate) fn xml_text(s: &str) -> BytesText<'static> {
    let escaped = quick_xml::escape::escape(xml_chars(s)).replace('\r', "&#13;");
    BytesText::from_escaped(escaped)
}

/// An escaped attribute `key="value"`; line breaks and tabs are written as
/// character references so that they survive attribute-value normalisation.
pub(crate) fn xml_attr<'a>(key: &'a str, value: &str) -> Attribute<'a> {
    let escaped = quick_xml::escape::escape(xml_chars(value))
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;");
    Attribute {
        key: QName(key.as_bytes()),
        value: Cow::Owned(escaped.into_bytes()),
    }
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
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail; `write` only propagates io::Result.
    let _ = write(&mut w, map, analysis);
    let mut text = String::from_utf8(w.into_inner()).unwrap_or_default();
    text.push('\n');
    text
}

fn write(w: &mut Writer<Vec<u8>>, map: &Map, a: &Analysis) -> std::io::Result<()> {
    let look = Lookup::new(a);
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
                    for u in &map.units {
                        let values = node_values(u, look.units.get(&u.id).copied());
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
                    for (i, l) in map.links.iter().enumerate() {
                        let pair = look.pairs.get(&(&l.source, &l.target)).copied();
                        let values = edge_values(map, l, pair);
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
