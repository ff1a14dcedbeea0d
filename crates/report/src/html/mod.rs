//! The HTML report: one self-contained file — styles inline, the map as an
//! inline SVG, no script, no external resource — with a Content-Security-Policy
//! that forbids loading or running anything. Every string from the map is
//! escaped. Prints cleanly (A4/Letter) from any browser.
//!
//! - [`css`] — the stylesheet, its colours from the report's style;
//! - [`sections`] — one function per section of the report;
//! - [`compare`] — the before/after section.

mod compare;
mod css;
mod sections;

use std::fmt::Write;

use super::ReportOptions;
use recimap_core::Analysis;
use recimap_core::model::Map;
use recimap_render::xml::escape;
use sections::Report;

/// The Content-Security-Policy of the report: nothing may be loaded or run;
/// only the inline styles and the embedded fonts (`data:` URLs) apply.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

/// The report as one HTML document (see the module docs): the head, the
/// sections in reading order, the before/after section when there is one,
/// and a footer.
pub fn html(map: &Map, analysis: &Analysis, opts: &ReportOptions) -> String {
    let r = Report::new(map, analysis, opts);
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" content=\"Recimap\"/>\n<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n",
        escape(&r.title),
        font_faces(),
        css::stylesheet(&opts.style)
    );
    sections::title_block(&mut o, &r);
    sections::maturity(&mut o, &r);
    sections::scores(&mut o, &r);
    sections::the_map(&mut o, &r);
    sections::findings(&mut o, &r);
    sections::groups(&mut o, &r);
    sections::ambassadors(&mut o, &r);
    sections::questionnaire(&mut o, &r);
    if let Some(ba) = &opts.comparison {
        compare::before_after(&mut o, ba, &r);
    }
    let _ = write!(
        o,
        "<footer><span>Made with Recimap — everything stays on the laptop it was made on.</span><span>{}</span></footer>\n</body>\n</html>\n",
        opts.date.as_deref().map(escape).unwrap_or_default()
    );
    o
}

/// The bundled Inter Regular and SemiBold as `@font-face` rules with `data:`
/// URLs, so the report and its map look the same on every machine (the map's
/// label widths are measured with Inter SemiBold). Bold text is set in
/// SemiBold, the nearest heavier face, which keeps the file smaller.
fn font_faces() -> String {
    use base64::Engine;
    let face = |data: &[u8], weight: u16| {
        format!(
            "@font-face {{ font-family: \"Inter\"; font-weight: {weight}; font-style: normal; src: url(data:font/otf;base64,{}) format(\"opentype\"); }}\n",
            base64::engine::general_purpose::STANDARD.encode(data)
        )
    };
    face(recimap_render::fonts::INTER_REGULAR, 400)
        + &face(recimap_render::fonts::INTER_SEMIBOLD, 600)
}
