//! Exports of an open document to a file, for the command line and the app
//! alike: pictures and reports ([`Picture`]: SVG, PNG, HTML, PDF) and the
//! exchange formats ([`Exchange`]: project JSON, CSV, GraphML, GEXF). Every
//! file is written atomically ([`recimap_files::write_atomically`]), so a
//! failed export never leaves half a file where an older one was.
//! [`ExportOptions`] is also the IPC request of the app's Export menu.

use std::path::{Path, PathBuf};

use recimap_core::compare::compare_analysed;
use recimap_core::findings::Finding;
use recimap_core::{Document, MapState, analyze};
use recimap_formats::{csv_export, gexf, graphml, project_json};
use recimap_render::{Focus, SvgOptions, png, svg};
use recimap_report::{BeforeAfter, Paper, ReportOptions, html, pdf};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A picture or report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Picture {
    Svg,
    Png,
    Html,
    Pdf,
}

impl Picture {
    pub fn name(self) -> &'static str {
        match self {
            Picture::Svg => "svg",
            Picture::Png => "png",
            Picture::Html => "html",
            Picture::Pdf => "pdf",
        }
    }
}

/// How to export a picture or report.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ExportOptions {
    /// PNG pixels per canvas unit: 1, 2 or 4.
    pub scale: Option<u32>,
    /// PDF paper size.
    pub paper: Option<Paper>,
    /// The date printed on the picture or report; `None` for none. Not part
    /// of the IPC request: the app prints today's date.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub date: Option<String>,
    /// For html and pdf: a before/after section from the first state of the
    /// document to the second.
    pub compare: Option<(MapState, MapState)>,
    /// For svg and png: focus the picture on the finding with this key,
    /// fading the rest, with its message under the title.
    pub finding: Option<String>,
}

/// The PNG scales offered.
pub const SCALES: [u32; 3] = [1, 2, 4];

/// Checks the options fit the format, with a message saying what to change.
pub fn check(format: Picture, opts: &ExportOptions) -> Result<()> {
    let bad = |m: String| Err(Error::Export(m));
    if let Some(s) = opts.scale {
        if format != Picture::Png {
            return bad(format!(
                "--scale is for --format png; {} has no pixel size",
                format.name()
            ));
        }
        if !SCALES.contains(&s) {
            return bad(format!("--scale must be 1, 2 or 4, not {s}"));
        }
    }
    if opts.paper.is_some() && format != Picture::Pdf {
        return bad(format!(
            "--paper is for --format pdf, not {}",
            format.name()
        ));
    }
    if opts.finding.is_some() && !matches!(format, Picture::Svg | Picture::Png) {
        return bad(format!(
            "--finding focuses a picture: use it with --format svg or png, not {}",
            format.name()
        ));
    }
    if opts.compare.is_some() && !matches!(format, Picture::Html | Picture::Pdf) {
        return bad(format!(
            "--compare adds a before/after section to a report: use it with --format html or pdf, not {}",
            format.name()
        ));
    }
    Ok(())
}

/// Renders `doc` in `format`.
pub fn render(doc: &Document, format: Picture, opts: &ExportOptions) -> Result<Vec<u8>> {
    check(format, opts)?;
    let map = &doc.map;
    let analysis = analyze(map);
    let mut svg_opts = SvgOptions {
        date: opts.date.clone(),
        ..SvgOptions::default()
    };
    if let Some(key) = &opts.finding {
        let (n, f) = finding(&analysis.findings, key)?;
        svg_opts.focus = Some(Focus::finding(f));
        svg_opts.note = Some(format!("Finding {n}: {}", f.message));
    }
    let report = || -> Result<ReportOptions> {
        Ok(ReportOptions {
            date: opts.date.clone(),
            comparison: match opts.compare {
                Some((a, b)) => Some(before_after(doc, a, b)?),
                None => None,
            },
            ..ReportOptions::default()
        })
    };
    Ok(match format {
        Picture::Svg => svg(map, &analysis, &svg_opts).into_bytes(),
        Picture::Png => png(map, &analysis, &svg_opts, opts.scale.unwrap_or(1))?,
        Picture::Html => html(map, &analysis, &report()?).into_bytes(),
        Picture::Pdf => pdf(map, &analysis, &report()?, opts.paper.unwrap_or(Paper::A4))?,
    })
}

/// The finding with `key` and its number as `recimap analyze` lists them
/// (from 1, hidden ones included).
fn finding<'a>(findings: &'a [Finding], key: &str) -> Result<(usize, &'a Finding)> {
    findings
        .iter()
        .enumerate()
        .find(|(_, f)| f.key == key)
        .map(|(i, f)| (i + 1, f))
        .ok_or_else(|| {
            Error::Export(format!(
                "the map has no finding '{key}' (any more) — pick one from the findings shown"
            ))
        })
}

/// Renders `doc` and writes it to `out`; returns the size in bytes.
pub fn write(doc: &Document, format: Picture, opts: &ExportOptions, out: &Path) -> Result<usize> {
    let bytes = render(doc, format, opts)?;
    write_file(out, &bytes)?;
    Ok(bytes.len())
}

/// The comparison of two states of the document, named for the reader
/// ("snapshot “Before” (1 March 2026)", "the current map").
pub fn before_after(doc: &Document, a: MapState, b: MapState) -> Result<BeforeAfter> {
    let name = |state: MapState| -> Result<String> {
        Ok(match state {
            MapState::Current => "the current map".to_owned(),
            MapState::Snapshot(id) => {
                let s = doc.snapshot(id)?;
                format!("snapshot “{}” ({})", s.label, date_of(&s.taken_at))
            }
        })
    };
    let (map_a, map_b) = (doc.map_at(a)?, doc.map_at(b)?);
    let after_analysis = analyze(map_b);
    Ok(BeforeAfter {
        before: name(a)?,
        after: name(b)?,
        comparison: compare_analysed(map_a, &analyze(map_a), map_b, &after_analysis),
        after_map: map_b.clone(),
        after_analysis,
    })
}

/// An exchange format: the whole document or the map with its scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Exchange {
    /// The versioned project JSON (map and snapshots; full fidelity).
    Json,
    /// GraphML with unit attributes and scores.
    Graphml,
    /// GEXF 1.2 with unit attributes and scores.
    Gexf,
}

/// The document in an exchange format, as text.
pub fn exchange(doc: &Document, format: Exchange) -> String {
    match format {
        Exchange::Json => project_json::to_json(doc),
        Exchange::Graphml => graphml::to_graphml(&doc.map, &analyze(&doc.map)),
        Exchange::Gexf => gexf::to_gexf(&doc.map, &analyze(&doc.map)),
    }
}

/// Writes `units.csv` and `links.csv` of the map into the folder `dir`
/// (created if missing) and returns their paths.
pub fn write_csv_dir(doc: &Document, dir: &Path) -> Result<(PathBuf, PathBuf)> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "be created", e))?;
    let units = dir.join("units.csv");
    let links = dir.join("links.csv");
    write_file(&units, csv_export::units_csv(&doc.map).as_bytes())?;
    write_file(&links, csv_export::links_csv(&doc.map).as_bytes())?;
    Ok((units, links))
}

/// Writes `bytes` to `path` atomically.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    recimap_files::write_bytes(path, bytes).map_err(|e| Error::io(path, "be written", e))
}

/// The date part of an RFC 3339 time, written out ("1 March 2026"); the text
/// as it is when it does not parse.
pub fn date_of(rfc3339: &str) -> String {
    time::OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339)
        .map(|t| long_date(t.date()))
        .unwrap_or_else(|_| rfc3339.to_owned())
}

/// "24 November 2026".
pub fn long_date(d: time::Date) -> String {
    format!("{} {} {}", d.day(), d.month(), d.year())
}

/// Today's date (UTC), written out (the renderers never read the clock).
pub fn today() -> String {
    long_date(time::OffsetDateTime::now_utc().date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_that_do_not_fit_the_format_are_refused() {
        let o = |scale, paper, compare: bool| ExportOptions {
            scale,
            paper,
            date: None,
            compare: compare.then_some((MapState::Snapshot(1), MapState::Current)),
            finding: None,
        };
        assert!(check(Picture::Png, &o(Some(2), None, false)).is_ok());
        assert!(check(Picture::Png, &o(Some(3), None, false)).is_err());
        assert!(check(Picture::Svg, &o(Some(2), None, false)).is_err());
        assert!(check(Picture::Pdf, &o(None, Some(Paper::Letter), true)).is_ok());
        assert!(check(Picture::Html, &o(None, Some(Paper::A4), false)).is_err());
        assert!(check(Picture::Png, &o(None, None, true)).is_err());
        let focus = |format| {
            check(
                format,
                &ExportOptions {
                    finding: Some("isolated_unit:x".into()),
                    ..o(None, None, false)
                },
            )
        };
        assert!(focus(Picture::Png).is_ok() && focus(Picture::Svg).is_ok());
        assert!(focus(Picture::Pdf).is_err());
    }

    #[test]
    fn dates_are_written_out() {
        assert_eq!(date_of("2026-03-01T09:30:00Z"), "1 March 2026");
        assert_eq!(date_of("not a date"), "not a date");
    }
}
