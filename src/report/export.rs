//! `recimap export FILE --format svg|png|html|pdf -o OUT`: loads a project
//! file (or a map JSON file), renders the picture or report, and writes it.
//! The command line's argument parsing is in [`crate::cli::project`]; this
//! module does the rest so the app can call the same code ([`render`] and
//! [`write()`] on the open document; [`ExportOptions`] is also the IPC type).

use std::io::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};
#[cfg(feature = "ts")]
use ts_rs::TS;

use super::{BeforeAfter, Paper, ReportOptions, html, pdf};
use crate::compare::compare_analysed;
use crate::error::Error;
use crate::formats::json::read_map_json_bytes;
use crate::formats::{Sniffed, read_file, sniff};
use crate::model::Map;
use crate::render::{SvgOptions, png, svg};
use crate::store::{self, Document};

/// A picture or report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS), ts(export))]
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

/// How to export.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS), ts(export))]
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
    /// A before/after section from two snapshots (ids or labels; `current` is
    /// the map as it is now), for html and pdf.
    pub compare: Option<(String, String)>,
    /// For svg and png: focus the picture on this finding (numbered from 1 as
    /// `recimap analyze` lists them, hidden ones included), fading the rest,
    /// with its message under the title.
    pub finding: Option<usize>,
}

/// The PNG scales offered.
pub const SCALES: [u32; 3] = [1, 2, 4];

/// Loads what `recimap export` reads: a `.recimap` project file (SQLite), or
/// a map JSON file as `recimap demo` writes it (no snapshots).
pub fn load(file: &Path) -> Result<Document, Error> {
    let is_project = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("recimap"));
    if is_project {
        return Ok(store::open(file)?);
    }
    let bytes = read_file(file)?;
    match sniff(&bytes) {
        Sniffed::Sqlite => Ok(store::open(file)?),
        _ => Ok(Document::new(read_map_json_bytes(
            &bytes,
            &file.display().to_string(),
        )?)),
    }
}

/// Checks the options fit the format, with a message saying what to change.
pub fn check(format: Picture, opts: &ExportOptions) -> Result<(), Error> {
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
pub fn render(doc: &Document, format: Picture, opts: &ExportOptions) -> Result<Vec<u8>, Error> {
    check(format, opts)?;
    let map = &doc.map;
    let analysis = crate::analyze(map);
    let mut svg_opts = SvgOptions {
        date: opts.date.clone(),
        ..SvgOptions::default()
    };
    if let Some(n) = opts.finding {
        let shown: Vec<_> = analysis.findings.iter().collect();
        let Some(f) = n.checked_sub(1).and_then(|i| shown.get(i)) else {
            return Err(Error::Export(match shown.len() {
                0 => "--finding: this map has no findings to show".to_owned(),
                k => format!(
                    "--finding {n}: the map has {k} finding(s), numbered 1 to {k} as `recimap analyze` lists them"
                ),
            }));
        };
        svg_opts.focus = Some(crate::render::Focus::finding(f));
        svg_opts.note = Some(format!("Finding {n}: {}", f.message));
    }
    let report = || -> Result<ReportOptions, Error> {
        Ok(ReportOptions {
            date: opts.date.clone(),
            comparison: match &opts.compare {
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

/// The comparison of two states of the document: snapshot ids or labels, or
/// `current` for the map as it is now.
pub fn before_after(doc: &Document, a: &str, b: &str) -> Result<BeforeAfter, Error> {
    let pick = |w: &str| -> Result<(String, &Map), Error> {
        if w.trim().eq_ignore_ascii_case("current") {
            return Ok(("the current map".into(), &doc.map));
        }
        let s = doc.snapshot(w)?;
        Ok((
            format!("snapshot “{}” ({})", s.label, date_of(&s.taken_at)),
            &s.map,
        ))
    };
    let (before, map_a) = pick(a)?;
    let (after, map_b) = pick(b)?;
    let after_analysis = crate::analyze(map_b);
    Ok(BeforeAfter {
        before,
        after,
        comparison: compare_analysed(map_a, &crate::analyze(map_a), map_b, &after_analysis),
        after_map: map_b.clone(),
        after_analysis,
    })
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

/// Today's date (UTC), written out, for the CLI (the renderers never read the clock).
pub fn today() -> String {
    let now = time::OffsetDateTime::now_utc();
    long_date(now.date())
}

/// `recimap export … --format svg|png|html|pdf [-o OUT]`: renders and writes
/// the file; svg and html go to standard output without `-o`, png and pdf
/// (binary) need it. Returns the note to show the user, if any.
pub fn run(
    file: &Path,
    format: Picture,
    opts: &ExportOptions,
    output: Option<&Path>,
) -> Result<Option<String>, Error> {
    check(format, opts)?;
    if output.is_none() && matches!(format, Picture::Png | Picture::Pdf) {
        return Err(Error::Export(format!(
            "--format {} writes a binary file: give it with -o OUT.{}",
            format.name(),
            format.name()
        )));
    }
    let doc = load(file)?;
    match output {
        Some(out) => {
            let size = write(&doc, format, opts, out)?;
            Ok(Some(format!(
                "wrote {} ({} KB)",
                out.display(),
                size.div_ceil(1024)
            )))
        }
        None => {
            let bytes = render(&doc, format, opts)?;
            crate::cli::print(&String::from_utf8_lossy(&bytes))?;
            Ok(None)
        }
    }
}

/// Renders `doc` and writes it to `out`; returns the size in bytes. The
/// file is written beside `out` first and renamed over it, so an export that
/// fails (a full disk, say) never leaves half a picture where an older one
/// was.
pub fn write(
    doc: &Document,
    format: Picture,
    opts: &ExportOptions,
    out: &Path,
) -> Result<usize, Error> {
    let bytes = render(doc, format, opts)?;
    let cannot = |e: std::io::Error| Error::Io(format!("{}: cannot write: {e}", out.display()));
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let temp = out.with_file_name(format!(".{name}.recimap-export"));
    let written = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(&bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, out));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(cannot(e));
    }
    Ok(bytes.len())
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
            compare: compare.then(|| ("1".into(), "current".into())),
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
                    finding: Some(1),
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
