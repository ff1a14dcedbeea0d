//! The attribute columns of the GraphML and GEXF exports ([`super::graphml`],
//! [`super::gexf`]), in one place: the unit and link attributes with their
//! XML types ([`NODE_ATTRS`], [`EDGE_ATTRS`]), every unit's and link's values
//! for them ([`unit_rows`], [`link_rows`]), and the XML escaping both writers
//! need beyond quick-xml's: characters XML 1.0 forbids (control characters)
//! become U+FFFD, and line breaks and tabs in attribute values become
//! character references so that parsers do not normalise them to spaces.

use std::borrow::Cow;
use std::collections::HashMap;

use quick_xml::Writer;
use quick_xml::events::BytesText;
use quick_xml::events::attributes::Attribute;
use quick_xml::name::QName;

use recimap_core::Analysis;
use recimap_core::analysis::{PairScores, UnitScores};
use recimap_core::model::{Link, Map, Unit, UnitId};

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
fn node_values(u: &Unit, s: Option<&UnitScores>) -> Vec<Option<Val>> {
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
fn edge_values(map: &Map, l: &Link, pair: Option<&PairScores>) -> Vec<Option<Val>> {
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

/// Every unit of the map, in map order, with its [`NODE_ATTRS`] values.
pub(crate) fn unit_rows<'a>(
    map: &'a Map,
    a: &'a Analysis,
) -> impl Iterator<Item = (&'a Unit, Vec<Option<Val>>)> {
    let scores: HashMap<&UnitId, &UnitScores> = a.units.iter().map(|u| (&u.id, u)).collect();
    map.units
        .iter()
        .map(move |u| (u, node_values(u, scores.get(&u.id).copied())))
}

/// Every link of the map, in map order, with its [`EDGE_ATTRS`] values.
pub(crate) fn link_rows<'a>(
    map: &'a Map,
    a: &'a Analysis,
) -> impl Iterator<Item = (&'a Link, Vec<Option<Val>>)> {
    let mut pairs: HashMap<(&UnitId, &UnitId), &PairScores> = HashMap::new();
    for p in &a.pairs {
        pairs.insert((&p.a, &p.b), p);
        pairs.insert((&p.b, &p.a), p);
    }
    map.links.iter().map(move |l| {
        let pair = pairs.get(&(&l.source, &l.target)).copied();
        (l, edge_values(map, l, pair))
    })
}

/// The indented XML document that `write` writes, as text ending in a line
/// break.
pub(crate) fn document(write: impl FnOnce(&mut Writer<Vec<u8>>) -> std::io::Result<()>) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail; `write` only propagates io::Result.
    let _ = write(&mut w);
    let mut text = String::from_utf8(w.into_inner()).unwrap_or_default();
    text.push('\n');
    text
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
