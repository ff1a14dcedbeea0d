//! The sections of the PDF report, in reading order, each laid out into the
//! [`Flow`] by its own function: the title block, the maturity stage, the
//! organisation scores, the findings, the map, the groups, the ambassadors,
//! the workshop questions. The before/after section is in
//! [`super::compare`].

use std::collections::HashMap;

use super::flow::{Flow, MARGIN_TOP, text_el};
use crate::{ReportOptions, title, visible_findings};
use recimap_core::Analysis;
use recimap_core::explain::{
    Column, FigureRow, GROUP_EI_MEANING, Table, figure_label, groups_table, organisation_rows,
};
use recimap_core::findings::Finding;
use recimap_core::model::{AmbassadorRole, Map, MaturityStage, QUESTIONS, UnitId};
use recimap_render::fonts::{text_width, wrap};
use recimap_render::xml::{escape, num};
use recimap_render::{Style, SvgOptions, draw};

/// What every section is written from.
pub(super) struct Report<'a> {
    pub map: &'a Map,
    pub analysis: &'a Analysis,
    pub opts: &'a ReportOptions,
    pub style: &'a Style,
    /// The report's title ([`crate::title`]).
    pub title: String,
    names: HashMap<&'a UnitId, &'a str>,
}

impl<'a> Report<'a> {
    pub fn new(map: &'a Map, analysis: &'a Analysis, opts: &'a ReportOptions) -> Self {
        Report {
            map,
            analysis,
            opts,
            style: &opts.style,
            title: title(map),
            names: map.units.iter().map(|u| (&u.id, u.name.as_str())).collect(),
        }
    }

    /// A unit's name, or its id when it is not on the map.
    pub fn name(&self, id: &UnitId) -> String {
        self.names
            .get(id)
            .copied()
            .unwrap_or(id.as_str())
            .to_owned()
    }
}

/// The eyebrow, the title, a line of facts (organisation, date, size of the
/// map) and an accent rule.
pub(super) fn title_block(f: &mut Flow, r: &Report) {
    let (map, style) = (r.map, r.style);
    f.text(
        "IT–BUSINESS RECIPROCITY REPORT",
        8.5,
        700,
        &style.accent,
        0.0,
    );
    f.y += 4.0;
    f.paragraph(&r.title, 22.0, 700, &style.ink, 0.0, 1.2);
    let org = &r.analysis.organisation;
    let mut meta = Vec::new();
    if !map.organisation.trim().is_empty() && !r.title.contains(map.organisation.trim()) {
        meta.push(map.organisation.trim().to_owned());
    }
    if let Some(d) = r.opts.date.as_deref().filter(|d| !d.trim().is_empty()) {
        meta.push(d.trim().to_owned());
    }
    meta.push(format!(
        "{} units, {} links, {} two-way relationships",
        org.units, org.links, org.mutual_pairs
    ));
    f.y += 2.0;
    f.lead(&meta.join("  ·  "));
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
}

/// Where the organisation stands, and the four stages side by side: passed,
/// current, not reached.
pub(super) fn maturity(f: &mut Flow, r: &Report) {
    f.heading("Maturity stage");
    let lead = match r.map.maturity {
        Some(s) => format!(
            "The organisation stands at {} (stage {} of 4).",
            s.label(),
            MaturityStage::ALL.iter().position(|x| *x == s).unwrap_or(0) + 1
        ),
        None => "The maturity stage has not been set.".to_owned(),
    };
    f.lead(&lead);
    f.y += 4.0;
    let gap = 5.0;
    let bw = (f.width - 3.0 * gap) / 4.0;
    let bh = 40.0;
    f.ensure(bh);
    for (i, s) in MaturityStage::ALL.iter().enumerate() {
        let bx = f.x + i as f64 * (bw + gap);
        let el = stage_box(r.style, r.map.maturity, i, *s, (bx, f.y), (bw, bh));
        f.push(el);
    }
    f.y += bh + 6.0;
}

/// The `i`-th stage `s` as a box at `at`, `size` big, coloured by where the
/// organisation stands (`now`).
fn stage_box(
    style: &Style,
    now: Option<MaturityStage>,
    i: usize,
    s: MaturityStage,
    (bx, y): (f64, f64),
    (bw, bh): (f64, f64),
) -> String {
    let (fill, stroke, ink, weight) = match now {
        Some(m) if m == s => (&style.accent, &style.accent, &style.ink_on_colour, 700),
        Some(m) if m > s => (
            &style.accent_pale,
            &style.accent_pale_border,
            &style.ink_soft,
            400,
        ),
        _ => (&style.panel, &style.rule, &style.ink_faint, 400),
    };
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
    el
}

/// The organisation scores as a grid of cards, three to a row.
pub(super) fn scores(f: &mut Flow, r: &Report) {
    f.heading("Organisation scores");
    let rows = organisation_rows(&r.analysis.organisation);
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
        for (i, (row, m)) in chunk.iter().zip(&meanings).enumerate() {
            let cx = f.x + i as f64 * (cw + 8.0);
            f.push(score_card(r.style, row, m, (cx, y), (cw, ch)));
        }
        f.y += ch + 8.0;
    }
}

/// One figure's card at `at`, `size` big: its name, its value, its meaning's
/// wrapped `lines`.
fn score_card(
    style: &Style,
    row: &FigureRow,
    lines: &[String],
    (cx, y): (f64, f64),
    (cw, ch): (f64, f64),
) -> String {
    let mut s = format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"{paper}\" stroke=\"{rule}\" stroke-width=\"0.8\"/><text x=\"{}\" y=\"{}\" font-size=\"7\" font-weight=\"700\" letter-spacing=\"0.4\" fill=\"{ink_soft}\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"18\" font-weight=\"700\" fill=\"{ink}\">{}</text>",
        num(cx),
        num(y),
        num(cw),
        num(ch),
        num(cx + 8.0),
        num(y + 13.0),
        escape(&row.label.to_uppercase()),
        num(cx + 8.0),
        num(y + 33.0),
        escape(&row.text),
        paper = escape(&style.paper),
        rule = escape(&style.rule),
        ink_soft = escape(&style.ink_soft),
        ink = escape(&style.ink),
    );
    for (k, line) in lines.iter().enumerate() {
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"7.8\" fill=\"{}\">{}</text>",
            num(cx + 8.0),
            num(y + 46.0 + k as f64 * 10.0),
            escape(&style.ink_soft),
            escape(line)
        ));
    }
    s
}

/// The findings the presenter did not hide, most important first, each as a
/// card.
pub(super) fn findings(f: &mut Flow, r: &Report) {
    let findings = visible_findings(r.map, r.analysis);
    f.heading(&format!(
        "Findings and recommendations ({})",
        findings.len()
    ));
    if findings.is_empty() {
        f.lead("Nothing stands out on this map.");
    }
    for (i, fd) in findings.iter().enumerate() {
        finding_card(f, r.style, i + 1, fd);
    }
}

/// Finding number `n` as a card: a stripe and a tag in its severity's
/// colour, its kind, its message, its recommendation, the figure behind it.
fn finding_card(f: &mut Flow, style: &Style, n: usize, fd: &Finding) {
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
        n,
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

/// The map on a page of its own, as large as the page allows, with its
/// caption.
pub(super) fn the_map(f: &mut Flow, r: &Report) {
    let drawing = draw(
        r.map,
        r.analysis,
        &SvgOptions {
            style: r.style.clone(),
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
    f.caption(
        "Each arrow is one direction of a relationship: how well one unit tells the other the why of its work. Two-way relationships are drawn as two curves; the colour shows how balanced the pair is, the width how strong each direction is.",
    );
}

/// The groups table ([`groups_table`]) under what the E-I index means; no
/// section when the map has no groups.
pub(super) fn groups(f: &mut Flow, r: &Report) {
    if r.analysis.groups.is_empty() {
        return;
    }
    let style = r.style;
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
        &groups_table(r.analysis),
        &[0.40, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10],
        &|_, _| &style.ink,
    );
}

/// The ambassadors as a table, then the departments without one and the
/// roles missing where there are some.
pub(super) fn ambassadors(f: &mut Flow, r: &Report) {
    let style = r.style;
    f.heading("IT ambassadors");
    if r.map.ambassadors.is_empty() {
        f.lead("No ambassadors are recorded yet.");
    } else {
        let rows: Vec<Vec<String>> = r
            .map
            .ambassadors
            .iter()
            .map(|a| vec![a.name.clone(), role_label(a.role).into(), r.name(&a.unit)])
            .collect();
        let t = Table {
            columns: columns(&["Ambassador", "Role", "Unit"], false),
            rows,
        };
        f.table(&t, &[0.38, 0.22, 0.40], &|_, _| &style.ink);
    }
    let cov = &r.analysis.coverage;
    if !cov.without_ambassador.is_empty() {
        f.y += 6.0;
        let list: Vec<String> = cov.without_ambassador.iter().map(|id| r.name(id)).collect();
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
                &format!("{}: {}", r.name(&m.unit), roles.join(", ")),
                9.5,
                400,
                &style.ink_soft,
                8.0,
                1.4,
            );
        }
    }
}

/// The workshop questions that have answers, each with its answer, then the
/// map's notes.
pub(super) fn questionnaire(f: &mut Flow, r: &Report) {
    let (map, style) = (r.map, r.style);
    f.heading("Workshop questions");
    let answered: Vec<_> = map
        .questionnaire
        .iter()
        .filter(|a| !a.answer.trim().is_empty())
        .collect();
    if answered.is_empty() {
        f.lead("No answers are recorded yet.");
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
}

/// Columns with these headings, all numeric but the first when `numbers`.
pub(super) fn columns(headings: &[&str], numbers: bool) -> Vec<Column> {
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
