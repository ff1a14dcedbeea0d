//! Exports through the services: a picture focused on one finding, named by
//! its stable key.

use recimap_core::{Document, analyze};
use recimap_services::export::{ExportOptions, Picture, render as export};

#[test]
fn a_picture_of_one_finding_names_it_and_fades_the_rest() {
    let doc = Document::new(recimap_core::demo::demo_map());
    let analysis = analyze(&doc.map);
    let opts = |finding| ExportOptions {
        scale: None,
        paper: None,
        date: None,
        compare: None,
        finding,
    };
    let second = analysis.findings[1].key.clone();
    let bytes = export(&doc, Picture::Svg, &opts(Some(second))).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let doc_xml = roxmltree::Document::parse(&text).unwrap();
    let note: String = doc_xml
        .descendants()
        .filter(|n| n.attribute("class") == Some("note"))
        .map(|n| n.text().unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(note, format!("Finding 2: {}", analysis.findings[1].message));
    let faded = doc_xml
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("unit ")))
        .filter(|n| n.attribute("opacity").is_some())
        .count();
    assert_eq!(
        faded,
        doc.map.units.len() - analysis.findings[1].units.len()
    );
    let err = export(&doc, Picture::Svg, &opts(Some("silo_group:nowhere".into()))).unwrap_err();
    assert!(
        err.to_string().contains("no finding 'silo_group:nowhere'"),
        "{err}"
    );
}
