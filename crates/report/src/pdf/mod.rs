//! The PDF report: the same contents as the HTML report, laid out by our own
//! code as SVG pages (one SVG unit = one PDF point) with the bundled Inter
//! font, and turned into PDF by krilla/krilla-svg, which keeps text as real,
//! selectable and extractable text. A4 or Letter.
//!
//! The layout is a simple flow: blocks are stacked down the page and a block
//! that does not fit starts a new page; every page gets a footer with the
//! title and "page i of n".
//!
//! - [`flow`] — the flow: cursor, text, headings, tables, page footers;
//! - [`sections`] — one function per section of the report;
//! - [`compare`] — the before/after section.

mod compare;
mod flow;
mod sections;

use krilla::Document;
use krilla::geom::Size;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};

use super::{ReportOptions, title};
use crate::ReportError;
use flow::Flow;
use recimap_core::Analysis;
use recimap_core::model::Map;
use recimap_render::parse;
use sections::Report;

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// ISO 216 A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in PDF points (1/72 in): A4 is 595.28 × 841.89,
    /// Letter 612 × 792.
    pub fn size(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0 / 25.4 * 72.0, 297.0 / 25.4 * 72.0),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// Parses `a4` or `letter` (any case).
    pub fn parse(s: &str) -> Option<Paper> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" => Some(Paper::Letter),
            _ => None,
        }
    }
}

/// The report as PDF bytes on `paper`.
pub fn pdf(
    map: &Map,
    analysis: &Analysis,
    opts: &ReportOptions,
    paper: Paper,
) -> Result<Vec<u8>, ReportError> {
    let pages = layout(map, analysis, opts, paper);
    let (w, h) = paper.size();
    let size = Size::from_wh(w as f32, h as f32).ok_or(ReportError::PaperSize)?;
    let mut document = Document::new();
    for svg in &pages {
        let tree = parse(svg)?;
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        surface
            .draw_svg(&tree, size, SvgSettings::default())
            .ok_or(ReportError::Page)?;
        surface.finish();
        page.finish();
    }
    let mut metadata = Metadata::new()
        .title(title(map))
        .creator("Recimap".into())
        .producer("Recimap (krilla)".into());
    if !map.organisation.trim().is_empty() {
        metadata = metadata.description(format!(
            "IT–business reciprocity report — {}",
            map.organisation.trim()
        ));
    }
    document.set_metadata(metadata);
    document
        .finish()
        .map_err(|e| ReportError::Pdf(format!("{e:?}")))
}

/// The pages of the report, each an SVG document the size of the paper: the
/// sections in reading order, then the before/after section when there is one.
pub(crate) fn layout(
    map: &Map,
    analysis: &Analysis,
    opts: &ReportOptions,
    paper: Paper,
) -> Vec<String> {
    let r = Report::new(map, analysis, opts);
    let mut f = Flow::new(paper, &opts.style);
    sections::title_block(&mut f, &r);
    sections::maturity(&mut f, &r);
    sections::scores(&mut f, &r);
    sections::findings(&mut f, &r);
    sections::the_map(&mut f, &r);
    sections::groups(&mut f, &r);
    sections::ambassadors(&mut f, &r);
    sections::questionnaire(&mut f, &r);
    if let Some(ba) = &opts.comparison {
        compare::before_after(&mut f, ba, &r);
    }
    f.finish(&r.title, opts.date.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_sizes_are_in_points() {
        let (w, h) = Paper::A4.size();
        assert!((w - 595.28).abs() < 0.01 && (h - 841.89).abs() < 0.01);
        assert_eq!(Paper::Letter.size(), (612.0, 792.0));
        assert_eq!(Paper::parse(" Letter"), Some(Paper::Letter));
        assert_eq!(Paper::parse("a3"), None);
    }

    #[test]
    fn every_page_keeps_its_text_inside_the_paper() {
        let map = recimap_core::demo::demo_map();
        let analysis = recimap_core::analyze(&map);
        let pages = layout(&map, &analysis, &ReportOptions::default(), Paper::Letter);
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for (i, p) in pages.iter().enumerate() {
            let tree = parse(p).unwrap();
            let b = tree.root().abs_bounding_box();
            assert!(
                b.left() >= 0.0
                    && b.top() >= 0.0
                    && f64::from(b.right()) <= 612.0
                    && f64::from(b.bottom()) <= 792.0,
                "page {}: {b:?}",
                i + 1
            );
        }
    }
}
