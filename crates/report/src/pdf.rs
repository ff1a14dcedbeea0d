//! The PDF report: the same contents as the HTML report, laid out by our own
//! code as SVG pages (one SVG unit = one PDF point) with the bundled Inter
//! font, and turned into PDF by krilla/krilla-svg, which keeps text as real,
//! selectable and extractable text. A4 or Letter.
//!
//! The layout is a simple flow: blocks are stacked down the page and a block
//! that does not fit starts a new page; every page gets a footer with the
//! title and "page i of n".

use std::collections::HashMap;

use krilla::Document;
use krilla::geom::Size;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};

use super::{BeforeAfter, CHANGES_CAPTION, ReportOptions, title, visible_findings};
use crate::ReportError;
use recimap_core::Analysis;
use recimap_core::explain::{
    Column, GROUP_EI_MEANING, Table, figure_delta, figure_label, figure_value, groups_table,
    organisation_rows,
};
use recimap_core::model::{AmbassadorRole, Map, MaturityStage, QUESTIONS, UnitId};
use recimap_render::fonts::{text_width, wrap};
use recimap_render::xml::{escape, num};
use recimap_render::{Style, SvgOptions, draw, fit, parse};

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

const MARGIN_X: f64 = 50.0;
const MARGIN_TOP: f64 = 50.0;
const MARGIN_BOTTOM: f64 = 58.0;

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

/// The pages of the report, each an SVG document the size of the paper.
pub(crate) fn layout(
    map: &Map,
    analysis: &Analysis,
    opts: &ReportOptions,
    paper: Paper,
) -> Vec<String> {
    let style = &opts.style;
    let mut f = Flow::new(paper, style);
    let title = title(map);
    let names: HashMap<&UnitId, &str> =
        map.units.iter().map(|u| (&u.id, u.name.as_str())).collect();
    let name = |id: &UnitId| -> String { names.get(id).copied().unwrap_or(id.as_str()).to_owned() };

    // Title block.
    f.text(
        "IT–BUSINESS RECIPROCITY REPORT",
        8.5,
        700,
        &style.accent,
        0.0,
    );
    f.y += 4.0;
    f.paragraph(&title, 22.0, 700, &style.ink, 0.0, 1.2);
    let org = &analysis.organisation;
    let mut meta = Vec::new();
    if !map.organisation.trim().is_empty() && !title.contains(map.organisation.trim()) {
        meta.push(map.organisation.trim().to_owned());
    }
    if let Some(d) = opts.date.as_deref().filter(|d| !d.trim().is_empty()) {
        meta.push(d.trim().to_owned());
    }
    meta.push(format!(
        "{} units, {} links, {} two-way relationships",
        org.units, org.links, org.mutual_pairs
    ));
    f.y += 2.0;
    f.paragraph(&meta.join("  ·  "), 10.0, 400, &style.ink_soft, 0.0, 1.4);
    f.y += 6.0;
    let (x, w) = (f.x, f.width);
    f.push(format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"2.5\" fill=\"{}\"/>",
        num(x),
        num(f.y),
        num(w),
        escape(&style.accent)
    ));
    f.y += 16.0;

    // Maturity.
    f.heading("Maturity stage");
    let lead = match map.maturity {
        Some(s) => format!(
            "The organisation stands at {} (stage {} of 4).",
            s.label(),
            MaturityStage::ALL.iter().position(|x| *x == s).unwrap_or(0) + 1
        ),
        None => "The maturity stage has not been set.".to_owned(),
    };
    f.paragraph(&lead, 10.0, 400, &style.ink_soft, 0.0, 1.4);
    f.y += 4.0;
    let gap = 5.0;
    let bw = (f.width - 3.0 * gap) / 4.0;
    let bh = 40.0;
    f.ensure(bh);
    for (i, s) in MaturityStage::ALL.iter().enumerate() {
        let (fill, stroke, ink, weight) = match map.maturity {
            Some(m) if m == *s => (&style.accent, &style.accent, &style.ink_on_colour, 700),
            Some(m) if m > *s => (
                &style.accent_pale,
                &style.accent_pale_border,
                &style.ink_soft,
                400,
            ),
            _ => (&style.panel, &style.rule, &style.ink_faint, 400),
        };
        let bx = f.x + i as f64 * (bw + gap);
        let y = f.y;
        let mut el = format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{bh}\" rx=\"4\" fill=\"{}\" stroke=\"{}\" stroke-width=\"0.8\"/><text x=\"{}\" y=\"{}\" font-size=\"6.5\" font-weight=\"700\" letter-spacing=\"0.5\" fill=\"{}\">STAGE {}</text>",
            num(bx),
            num(y),
            num(bw),
            escape(fill),
            escape(stroke),
            num(bx + 7.0),
            num(y + 12.0),
            escape(ink),
            i + 1,
        );
        for (k, line) in wrap(s.label(), 8.5, weight, bw - 12.0)
            .iter()
            .take(2)
            .enumerate()
        {
            el.push_str(&text_el(
                bx + 7.0,
                y + 24.0 + k as f64 * 10.0,
                8.5,
                weight,
                ink,
                line,
            ));
        }
        f.push(el);
    }
    f.y += bh + 6.0;

    // Scores: a 3 × 2 grid of cards.
    f.heading("Organisation scores");
    let rows = organisation_rows(org);
    let cols = 3;
    let cw = (f.width - 2.0 * 8.0) / cols as f64;
    for chunk in rows.chunks(cols) {
        let meanings: Vec<Vec<String>> = chunk
            .iter()
            .map(|r| wrap(&r.meaning, 7.8, 400, cw - 16.0))
            .collect();
        let lines = meanings.iter().map(Vec::len).max().unwrap_or(1) as f64;
        let ch = 44.0 + lines * 10.0;
        f.ensure(ch);
        let y = f.y;
        for (i, (r, m)) in chunk.iter().zip(&meanings).enumerate() {
            let cx = f.x + i as f64 * (cw + 8.0);
            let mut s = format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"{paper}\" stroke=\"{rule}\" stroke-width=\"0.8\"/><text x=\"{}\" y=\"{}\" font-size=\"7\" font-weight=\"700\" letter-spacing=\"0.4\" fill=\"{ink_soft}\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"18\" font-weight=\"700\" fill=\"{ink}\">{}</text>",
                num(cx),
                num(y),
                num(cw),
                num(ch),
                num(cx + 8.0),
                num(y + 13.0),
                escape(&r.label.to_uppercase()),
                num(cx + 8.0),
                num(y + 33.0),
                escape(&r.text),
                paper = escape(&style.paper),
                rule = escape(&style.rule),
                ink_soft = escape(&style.ink_soft),
                ink = escape(&style.ink),
            );
            for (k, line) in m.iter().enumerate() {
                s.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"7.8\" fill=\"{}\">{}</text>",
                    num(cx + 8.0),
                    num(y + 46.0 + k as f64 * 10.0),
                    escape(&style.ink_soft),
                    escape(line)
                ));
            }
            f.push(s);
        }
        f.y += ch + 8.0;
    }

    // Findings.
    let findings = visible_findings(map, analysis);
    f.heading(&format!(
        "Findings and recommendations ({})",
        findings.len()
    ));
    if findings.is_empty() {
        f.paragraph(
            "Nothing stands out on this map.",
            10.0,
            400,
            &style.ink_soft,
            0.0,
            1.4,
        );
    }
    for (i, fd) in findings.iter().enumerate() {
        let inner = f.width - 34.0;
        let msg = wrap(&fd.message, 10.0, 600, inner);
        let rec = wrap(&format!("→ {}", fd.recommendation), 9.5, 400, inner);
        let h = 22.0 + msg.len() as f64 * 13.0 + rec.len() as f64 * 12.5 + 16.0;
        f.ensure(h + 8.0);
        let colour = escape(style.severity(fd.severity));
        let (x, y) = (f.x, f.y);
        let tag = fd.severity.label().to_uppercase();
        let tw = text_width(&tag, 7.0, 700) + 10.0;
        let mut s = format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"5\" fill=\"{paper}\" stroke=\"{rule}\" stroke-width=\"0.8\"/><rect x=\"{}\" y=\"{}\" width=\"3.5\" height=\"{}\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"700\" fill=\"{ink_faint}\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"11\" rx=\"2.5\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\" font-size=\"7\" font-weight=\"700\" letter-spacing=\"0.4\" fill=\"{on_colour}\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"8\" font-weight=\"600\" fill=\"{ink_faint}\">{}</text>",
            num(x),
            num(y),
            num(f.width),
            num(h),
            num(x),
            num(y),
            num(h),
            num(x + 10.0),
            num(y + 17.0),
            i + 1,
            num(x + 28.0),
            num(y + 8.0),
            num(tw),
            num(x + 33.0),
            num(y + 16.0),
            escape(&tag),
            num(x + 28.0 + tw + 6.0),
            num(y + 16.5),
            escape(fd.kind.label()),
            paper = escape(&style.paper),
            rule = escape(&style.rule),
            ink_faint = escape(&style.ink_faint),
            on_colour = escape(&style.ink_on_colour),
        );
        let mut ly = y + 22.0 + 10.0;
        for line in &msg {
            s.push_str(&text_el(x + 28.0, ly, 10.0, 600, &style.ink, line));
            ly += 13.0;
        }
        for line in &rec {
            s.push_str(&text_el(x + 28.0, ly, 9.5, 400, &style.ink_soft, line));
            ly += 12.5;
        }
        s.push_str(&text_el(
            x + 28.0,
            ly + 1.0,
            7.5,
            400,
            &style.ink_faint,
            &format!(
                "{} = {}",
                figure_label(&fd.figure.name),
                num(fd.figure.value)
            ),
        ));
        f.push(s);
        f.y += h + 8.0;
    }

    // The map, as large as the page allows.
    let drawing = draw(
        map,
        analysis,
        &SvgOptions {
            style: opts.style.clone(),
            header: false,
            background: None,
            ..SvgOptions::default()
        },
    );
    let max_h = f.bottom - MARGIN_TOP - 30.0;
    let k = (f.width / drawing.width).min(max_h / drawing.height);
    let mh = drawing.height * k;
    f.new_page();
    f.heading("The map");
    let (mx, my) = (f.x + (f.width - drawing.width * k) / 2.0, f.y);
    f.push(format!(
        "<g transform=\"translate({} {}) scale({})\">{}</g>",
        num(mx),
        num(my),
        k,
        drawing.body
    ));
    f.y += mh + 6.0;
    f.paragraph(
        "Each arrow is one direction of a relationship: how well one unit tells the other the why of its work. Two-way relationships are drawn as two curves; the colour shows how balanced the pair is, the width how strong each direction is.",
        8.0,
        400,
        &style.ink_soft,
        0.0,
        1.4,
    );

    // Groups.
    if !analysis.groups.is_empty() {
        f.heading("Groups");
        f.paragraph(
            &format!("{GROUP_EI_MEANING}."),
            9.0,
            400,
            &style.ink_soft,
            0.0,
            1.4,
        );
        f.y += 4.0;
        f.table(
            &groups_table(analysis),
            &[0.40, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10],
            &|_, _| &style.ink,
        );
    }

    // Ambassadors.
    f.heading("IT ambassadors");
    if map.ambassadors.is_empty() {
        f.paragraph(
            "No ambassadors are recorded yet.",
            10.0,
            400,
            &style.ink_soft,
            0.0,
            1.4,
        );
    } else {
        let rows: Vec<Vec<String>> = map
            .ambassadors
            .iter()
            .map(|a| vec![a.name.clone(), role_label(a.role).into(), name(&a.unit)])
            .collect();
        let t = Table {
            columns: columns(&["Ambassador", "Role", "Unit"], false),
            rows,
        };
        f.table(&t, &[0.38, 0.22, 0.40], &|_, _| &style.ink);
    }
    let cov = &analysis.coverage;
    if !cov.without_ambassador.is_empty() {
        f.y += 6.0;
        let list: Vec<String> = cov.without_ambassador.iter().map(&name).collect();
        f.paragraph(
            "Departments without an ambassador",
            9.5,
            700,
            &style.ink,
            0.0,
            1.4,
        );
        f.paragraph(&list.join(", "), 9.5, 400, &style.ink_soft, 0.0, 1.4);
    }
    if !cov.missing_roles.is_empty() {
        f.y += 6.0;
        f.paragraph("Missing roles", 9.5, 700, &style.ink, 0.0, 1.4);
        for m in &cov.missing_roles {
            let roles: Vec<&str> = m.roles.iter().map(|r| role_label(*r)).collect();
            f.paragraph(
                &format!("{}: {}", name(&m.unit), roles.join(", ")),
                9.5,
                400,
                &style.ink_soft,
                8.0,
                1.4,
            );
        }
    }

    // Questionnaire.
    f.heading("Workshop questions");
    let answered: Vec<_> = map
        .questionnaire
        .iter()
        .filter(|a| !a.answer.trim().is_empty())
        .collect();
    if answered.is_empty() {
        f.paragraph(
            "No answers are recorded yet.",
            10.0,
            400,
            &style.ink_soft,
            0.0,
            1.4,
        );
    }
    for a in answered {
        let q = QUESTIONS
            .iter()
            .find(|(k, _)| *k == a.question)
            .map_or(a.question.as_str(), |(_, q)| q);
        f.ensure(30.0);
        f.paragraph(q, 9.5, 700, &style.ink, 0.0, 1.4);
        f.paragraph(a.answer.trim(), 9.5, 400, &style.ink_soft, 0.0, 1.4);
        f.y += 5.0;
    }
    if !map.notes.trim().is_empty() {
        f.y += 4.0;
        f.paragraph("Notes", 9.5, 700, &style.ink, 0.0, 1.4);
        for para in map.notes.trim().lines() {
            f.paragraph(para, 9.5, 400, &style.ink_soft, 0.0, 1.4);
        }
    }

    if let Some(ba) = &opts.comparison {
        before_after(&mut f, ba, &opts.style, &name);
    }
    f.finish(&title, opts.date.as_deref())
}

fn before_after(f: &mut Flow, ba: &BeforeAfter, style: &Style, name: &dyn Fn(&UnitId) -> String) {
    let c = &ba.comparison;
    f.new_page();
    f.heading("Before and after");
    f.paragraph(
        &format!("From {} to {}.", ba.before, ba.after),
        10.0,
        400,
        &style.ink_soft,
        0.0,
        1.4,
    );
    f.y += 4.0;
    // The after map, coloured by change, in at most half the page.
    let drawing = draw(
        &ba.after_map,
        &ba.after_analysis,
        &ba.picture_options(style),
    );
    let max_h = (f.bottom - MARGIN_TOP) * 0.5;
    let k = (f.width / drawing.width).min(max_h / drawing.height);
    f.push(format!(
        "<g transform=\"translate({} {}) scale({})\">{}</g>",
        num(f.x + (f.width - drawing.width * k) / 2.0),
        num(f.y),
        k,
        drawing.body
    ));
    f.y += drawing.height * k + 6.0;
    f.paragraph(CHANGES_CAPTION, 8.0, 400, &style.ink_soft, 0.0, 1.4);
    f.y += 6.0;
    let rows: Vec<Vec<String>> = c
        .organisation
        .iter()
        .map(|fc| {
            vec![
                figure_label(&fc.name),
                figure_value(&fc.name, fc.before),
                figure_value(&fc.name, fc.after),
                figure_delta(&fc.name, fc.delta),
            ]
        })
        .collect();
    // improvements green, setbacks red, unjudged figures grey
    let tint = |r: usize, col: usize| -> &str {
        match col {
            3 => style.verdict(c.organisation[r].verdict),
            _ => &style.ink,
        }
    };
    let t = Table {
        columns: columns(&["Figure", "Before", "After", "Change"], true),
        rows,
    };
    f.table(&t, &[0.46, 0.18, 0.18, 0.18], &tint);
    for (heading, colour, list) in [
        ("Better", &style.better, &c.better),
        ("Worse", &style.worse, &c.worse),
    ] {
        f.y += 8.0;
        f.ensure(30.0);
        f.paragraph(
            &format!("{heading} ({})", list.len()),
            10.5,
            700,
            colour,
            0.0,
            1.4,
        );
        if list.is_empty() {
            f.paragraph("None.", 9.5, 400, &style.ink_faint, 0.0, 1.4);
        }
        for ch in list {
            f.paragraph(&format!("• {}", ch.message), 9.5, 400, &style.ink, 8.0, 1.4);
        }
    }
    for (label, ids) in [
        ("Units added", &c.units_added),
        ("Units removed", &c.units_removed),
    ] {
        if !ids.is_empty() {
            f.y += 6.0;
            let list: Vec<String> = ids.iter().map(name).collect();
            f.paragraph(
                &format!("{label}: {}", list.join(", ")),
                9.5,
                400,
                &style.ink,
                0.0,
                1.4,
            );
        }
    }
}

/// Columns with these headings, all numeric but the first when `numbers`.
fn columns(headings: &[&str], numbers: bool) -> Vec<Column> {
    headings
        .iter()
        .enumerate()
        .map(|(i, h)| Column {
            heading: (*h).to_owned(),
            numeric: numbers && i > 0,
        })
        .collect()
}

fn role_label(role: AmbassadorRole) -> &'static str {
    match role {
        AmbassadorRole::Strategist => "Strategist",
        AmbassadorRole::Innovator => "Innovator",
        AmbassadorRole::Driver => "Driver",
    }
}

fn text_el(x: f64, y: f64, size: f64, weight: u16, fill: &str, text: &str) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{weight}\" fill=\"{}\">{}</text>",
        num(x),
        num(y),
        num(size),
        escape(fill),
        escape(text)
    )
}

/// Blocks flowing down pages.
struct Flow<'s> {
    /// The colours of text, rules and panels.
    style: &'s Style,
    paper: (f64, f64),
    pages: Vec<String>,
    current: String,
    x: f64,
    y: f64,
    width: f64,
    bottom: f64,
}

impl<'s> Flow<'s> {
    fn new(paper: Paper, style: &'s Style) -> Self {
        let (w, h) = paper.size();
        Flow {
            style,
            paper: (w, h),
            pages: Vec::new(),
            current: String::new(),
            x: MARGIN_X,
            y: MARGIN_TOP,
            width: w - 2.0 * MARGIN_X,
            bottom: h - MARGIN_BOTTOM,
        }
    }

    fn push(&mut self, svg: String) {
        self.current.push_str(&svg);
        self.current.push('\n');
    }

    fn new_page(&mut self) {
        if !self.current.is_empty() {
            self.pages.push(std::mem::take(&mut self.current));
        }
        self.y = MARGIN_TOP;
    }

    /// Starts a new page unless `h` more fits on this one.
    fn ensure(&mut self, h: f64) {
        if self.y + h > self.bottom && self.y > MARGIN_TOP {
            self.new_page();
        }
    }

    /// One line of text at the cursor, then moves down.
    fn text(&mut self, text: &str, size: f64, weight: u16, fill: &str, indent: f64) {
        self.ensure(size * 1.4);
        let line = fit(text, size, weight, self.width - indent);
        let el = text_el(self.x + indent, self.y + size, size, weight, fill, &line);
        self.push(el);
        self.y += size * 1.4;
    }

    /// Wrapped text, a new page whenever a line does not fit.
    fn paragraph(
        &mut self,
        text: &str,
        size: f64,
        weight: u16,
        fill: &str,
        indent: f64,
        leading: f64,
    ) {
        for line in wrap(text, size, weight, self.width - indent) {
            self.ensure(size * leading);
            let el = text_el(self.x + indent, self.y + size, size, weight, fill, &line);
            self.push(el);
            self.y += size * leading;
        }
    }

    /// A section heading with a rule under it, kept with what follows.
    fn heading(&mut self, text: &str) {
        self.ensure(80.0);
        if self.y > MARGIN_TOP {
            self.y += 12.0;
        }
        let el = text_el(self.x, self.y + 13.0, 13.0, 700, &self.style.ink, text);
        self.push(el);
        let rule = format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"0.8\" fill=\"{}\"/>",
            num(self.x),
            num(self.y + 19.0),
            num(self.width),
            escape(&self.style.rule)
        );
        self.push(rule);
        self.y += 28.0;
    }

    /// A table with a header row; `widths` are shares of the text width;
    /// numeric columns are right-aligned. Long cells wrap.
    /// `tint(row, column)` gives each cell's text colour.
    fn table<'t>(&mut self, table: &Table, widths: &[f64], tint: &dyn Fn(usize, usize) -> &'t str) {
        let cols: Vec<(f64, f64)> = {
            let mut x = self.x;
            widths
                .iter()
                .map(|w| {
                    let c = (x, w * self.width);
                    x += w * self.width;
                    c
                })
                .collect()
        };
        let cell_x = |i: usize, right: bool| {
            if right {
                cols[i].0 + cols[i].1 - 6.0
            } else {
                cols[i].0 + 6.0
            }
        };
        let draw_header = |f: &mut Flow| {
            let mut s = format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"{}\"/>",
                num(f.x),
                num(f.y),
                num(f.width),
                escape(&f.style.panel)
            );
            for (i, c) in table.columns.iter().enumerate() {
                let right = c.numeric;
                s.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"7\" font-weight=\"700\" letter-spacing=\"0.4\" fill=\"{}\"{}>{}</text>",
                    num(cell_x(i, right)),
                    num(f.y + 12.0),
                    escape(&f.style.ink_soft),
                    if right { " text-anchor=\"end\"" } else { "" },
                    escape(&c.heading.to_uppercase())
                ));
            }
            f.push(s);
            f.y += 18.0;
        };
        self.ensure(40.0);
        draw_header(self);
        for (r, row) in table.rows.iter().enumerate() {
            let cells: Vec<Vec<String>> = row
                .iter()
                .enumerate()
                .map(|(i, c)| wrap(c, 9.0, 400, cols[i].1 - 12.0))
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f64;
            let h = 7.0 + lines * 11.5;
            if self.y + h > self.bottom {
                self.new_page();
                draw_header(self);
            }
            let mut s = String::new();
            for (i, lines) in cells.iter().enumerate() {
                let right = table.columns[i].numeric;
                for (k, line) in lines.iter().enumerate() {
                    s.push_str(&format!(
                        "<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"{}\"{}>{}</text>",
                        num(cell_x(i, right)),
                        num(self.y + 13.0 + k as f64 * 11.5),
                        escape(tint(r, i)),
                        if right { " text-anchor=\"end\"" } else { "" },
                        escape(line)
                    ));
                }
            }
            s.push_str(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"0.6\" fill=\"{}\"/>",
                num(self.x),
                num(self.y + h),
                num(self.width),
                escape(&self.style.rule)
            ));
            self.push(s);
            self.y += h;
        }
    }

    /// Every page as an SVG document, with its footer.
    fn finish(mut self, title: &str, date: Option<&str>) -> Vec<String> {
        self.new_page();
        let n = self.pages.len();
        let (w, h) = self.paper;
        let left = match date {
            Some(d) if !d.trim().is_empty() => format!("{title} · {}", d.trim()),
            _ => title.to_owned(),
        };
        let left = fit(&left, 7.5, 400, w - 2.0 * MARGIN_X - 80.0);
        self.pages
            .iter()
            .enumerate()
            .map(|(i, body)| {
                format!(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"Inter\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"{paper}\"/>\n{body}<rect x=\"{x}\" y=\"{ry}\" width=\"{rw}\" height=\"0.6\" fill=\"{rule}\"/><text x=\"{x}\" y=\"{ty}\" font-size=\"7.5\" fill=\"{faint}\">{left}</text><text x=\"{xr}\" y=\"{ty}\" font-size=\"7.5\" fill=\"{faint}\" text-anchor=\"end\">Page {p} of {n}</text>\n</svg>\n",
                    w = num(w),
                    h = num(h),
                    x = num(MARGIN_X),
                    ry = num(h - MARGIN_BOTTOM + 22.0),
                    rw = num(w - 2.0 * MARGIN_X),
                    ty = num(h - MARGIN_BOTTOM + 34.0),
                    xr = num(w - MARGIN_X),
                    left = escape(&left),
                    p = i + 1,
                    paper = escape(&self.style.paper),
                    rule = escape(&self.style.rule),
                    faint = escape(&self.style.ink_faint),
                )
            })
            .collect()
    }
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
