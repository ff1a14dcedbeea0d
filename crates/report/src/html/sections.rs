//! The sections of the HTML report, in reading order, each written by its
//! own function: the title block, the maturity stage, the organisation
//! scores, the map, the findings, the groups, the ambassadors, the workshop
//! questions. The before/after section is in [`super::compare`]. Every string
//! from the map is escaped here.

use std::collections::HashMap;
use std::fmt::Write;

use crate::{ReportOptions, title, visible_findings};
use recimap_core::Analysis;
use recimap_core::explain::{
    GROUP_EI_MEANING, GROUPS_EI_COLUMN, figure_label, groups_table, organisation_rows,
};
use recimap_core::findings::{Finding, Severity};
use recimap_core::model::{AmbassadorRole, Map, MaturityStage, QUESTIONS, UnitId};
use recimap_render::xml::{escape, num};
use recimap_render::{Style, SvgOptions, svg_element};

/// What every section is written from.
pub(super) struct Report<'a> {
    pub map: &'a Map,
    pub analysis: &'a Analysis,
    pub opts: &'a ReportOptions,
    pub style: &'a Style,
    /// The report's title ([`crate::title`]), not escaped.
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

    /// A unit's name, or its id when it is not on the map, escaped.
    pub fn name(&self, id: &UnitId) -> String {
        escape(self.names.get(id).copied().unwrap_or(id.as_str()))
    }
}

/// The eyebrow, the title and a line of facts (organisation, date, size of
/// the map).
pub(super) fn title_block(o: &mut String, r: &Report) {
    let map = r.map;
    let _ = write!(
        o,
        "<header class=\"top\">\n<p class=\"eyebrow\">IT–business reciprocity report</p>\n<h1>{}</h1>\n<p class=\"meta\">",
        escape(&r.title)
    );
    let mut meta = Vec::new();
    if !map.organisation.trim().is_empty() && !r.title.contains(map.organisation.trim()) {
        meta.push(escape(map.organisation.trim()));
    }
    if let Some(d) = r.opts.date.as_deref().filter(|d| !d.trim().is_empty()) {
        meta.push(escape(d.trim()));
    }
    let org = &r.analysis.organisation;
    meta.push(format!(
        "{} units, {} links, {} two-way relationships",
        org.units, org.links, org.mutual_pairs
    ));
    for m in meta {
        let _ = write!(o, "<span>{m}</span>");
    }
    o.push_str("</p>\n</header>\n");
}

/// Where the organisation stands, and the four stages side by side: passed
/// (`done`), current (`now`), not reached.
pub(super) fn maturity(o: &mut String, r: &Report) {
    o.push_str("<section id=\"maturity\">\n<h2>Maturity stage</h2>\n");
    match r.map.maturity {
        Some(stage) => {
            let _ = writeln!(
                o,
                "<p class=\"lead\">The organisation stands at <strong>{}</strong> (stage {} of 4).</p>",
                stage.label(),
                stage_number(stage)
            );
        }
        None => o.push_str("<p class=\"lead\">The maturity stage has not been set.</p>\n"),
    }
    o.push_str("<div class=\"stages\">");
    for (i, s) in MaturityStage::ALL.iter().enumerate() {
        let class = match r.map.maturity {
            Some(m) if m == *s => "stage now",
            Some(m) if m > *s => "stage done",
            _ => "stage",
        };
        let _ = write!(
            o,
            "<div class=\"{class}\"><b>Stage {}</b>{}</div>",
            i + 1,
            s.label()
        );
    }
    o.push_str("</div>\n</section>\n");
}

/// The organisation scores as cards: name, value, meaning.
pub(super) fn scores(o: &mut String, r: &Report) {
    o.push_str("<section id=\"scores\">\n<h2>Organisation scores</h2>\n<div class=\"kpis\">\n");
    for row in organisation_rows(&r.analysis.organisation) {
        let _ = writeln!(
            o,
            "<div class=\"kpi\" data-figure=\"{}\"><div class=\"label\">{}</div><div class=\"value\">{}</div><div class=\"meaning\">{}</div></div>",
            row.key,
            escape(&row.label),
            escape(&row.text),
            escape(&row.meaning)
        );
    }
    o.push_str("</div>\n</section>\n");
}

/// The map as an inline SVG with its legend, and its caption.
pub(super) fn the_map(o: &mut String, r: &Report) {
    let svg_opts = SvgOptions {
        style: r.style.clone(),
        header: false,
        ..SvgOptions::default()
    };
    let _ = write!(
        o,
        "<section id=\"map\">\n<h2>The map</h2>\n<figure class=\"map\">\n{}<figcaption>Each arrow is one direction of a relationship: how well one unit tells the other the why of its work. Two-way relationships are drawn as two curves; the colour shows how balanced the pair is, the width how strong each direction is.</figcaption>\n</figure>\n</section>\n",
        svg_element(r.map, r.analysis, &svg_opts, "")
    );
}

/// The findings the presenter did not hide, most important first.
pub(super) fn findings(o: &mut String, r: &Report) {
    let findings = visible_findings(r.map, r.analysis);
    let _ = writeln!(
        o,
        "<section id=\"findings\">\n<h2>Findings and recommendations <span class=\"count\">({})</span></h2>",
        findings.len()
    );
    if findings.is_empty() {
        o.push_str("<p class=\"lead\">Nothing stands out on this map.</p>\n");
    } else {
        o.push_str("<p class=\"lead\">Most important first. Each finding ends with one small, concrete next step.</p>\n<ol class=\"findings\">\n");
        for f in &findings {
            finding(o, f);
        }
        o.push_str("</ol>\n");
    }
    o.push_str("</section>\n");
}

/// One finding as a list item marked with its severity: its kind, message,
/// recommendation and the figure behind it.
fn finding(o: &mut String, f: &Finding) {
    let sev = match f.severity {
        Severity::High => "high",
        Severity::Medium => "medium",
        Severity::Low => "low",
    };
    let _ = writeln!(
        o,
        "<li class=\"finding sev-{sev}\" data-key=\"{}\"><span class=\"tag\">{}</span><span class=\"kind\">{}</span><p class=\"message\">{}</p><p class=\"rec\">{}</p><div class=\"figure\">{} = {}</div></li>",
        escape(&f.key),
        f.severity.label(),
        f.kind.label(),
        escape(&f.message),
        escape(&f.recommendation),
        escape(&figure_label(&f.figure.name)),
        num(f.figure.value)
    );
}

/// The groups table under what the E-I index means; no section when the map
/// has no groups.
pub(super) fn groups(o: &mut String, r: &Report) {
    if r.analysis.groups.is_empty() {
        return;
    }
    let _ = write!(
        o,
        "<section id=\"groups\">\n<h2>Groups</h2>\n<p class=\"lead\">{}.</p>\n",
        escape(GROUP_EI_MEANING)
    );
    o.push_str(&groups_html(r.analysis, r.style));
    o.push_str("</section>\n");
}

/// The groups table ([`groups_table`]), with a bar of each group's E-I index
/// ([`ei_bar`]) in a column of its own after the index.
fn groups_html(analysis: &Analysis, style: &Style) -> String {
    let t = groups_table(analysis);
    let class = |numeric: bool| if numeric { " class=\"num\"" } else { "" };
    let mut o = String::from("<table>\n<thead><tr>");
    for (i, c) in t.columns.iter().enumerate() {
        let _ = write!(o, "<th{}>{}</th>", class(c.numeric), escape(&c.heading));
        if i == GROUPS_EI_COLUMN {
            o.push_str("<th></th>");
        }
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for (row, g) in t.rows.iter().zip(&analysis.groups) {
        o.push_str("<tr>");
        for (i, (cell, c)) in row.iter().zip(&t.columns).enumerate() {
            let _ = write!(o, "<td{}>{}</td>", class(c.numeric), escape(cell));
            if i == GROUPS_EI_COLUMN {
                let _ = write!(o, "<td>{}</td>", ei_bar(g.ei_index, style));
            }
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table>\n");
    o
}

/// A small diverging bar for an E-I index: from the middle to the left for
/// negative values, in the colour of a one-way pair (the balance scale at 0),
/// to the right for positive ones, in the colour of a balanced pair (the
/// balance scale at 1).
fn ei_bar(v: Option<f64>, style: &Style) -> String {
    let Some(v) = v.filter(|v| v.is_finite()) else {
        return String::new();
    };
    let v = v.clamp(-1.0, 1.0);
    let (left, width, colour) = if v < 0.0 {
        (50.0 + v * 50.0, -v * 50.0, style.balance_colour(Some(0.0)))
    } else {
        (50.0, v * 50.0, style.balance_colour(Some(1.0)))
    };
    format!(
        "<span class=\"bar\" aria-hidden=\"true\"><i style=\"left:{}%;width:{}%;background:{colour}\"></i></span>",
        num(left),
        num(width)
    )
}

/// The ambassadors as a table, then the departments without one (as chips)
/// and the roles missing where there are some.
pub(super) fn ambassadors(o: &mut String, r: &Report) {
    o.push_str("<section id=\"ambassadors\">\n<h2>IT ambassadors</h2>\n");
    if r.map.ambassadors.is_empty() {
        o.push_str("<p class=\"lead\">No ambassadors are recorded yet.</p>\n");
    } else {
        o.push_str("<table>\n<thead><tr><th>Ambassador</th><th>Role</th><th>Unit</th></tr></thead>\n<tbody>\n");
        for a in &r.map.ambassadors {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&a.name),
                role_label(a.role),
                r.name(&a.unit)
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    let cov = &r.analysis.coverage;
    if !cov.without_ambassador.is_empty() {
        o.push_str(
            "<p><strong>Departments without an ambassador</strong></p><div class=\"chips\">",
        );
        for id in &cov.without_ambassador {
            let _ = write!(o, "<span class=\"chip\">{}</span>", r.name(id));
        }
        o.push_str("</div>\n");
    }
    if !cov.missing_roles.is_empty() {
        o.push_str("<p><strong>Missing roles</strong></p><ul class=\"changes\">");
        for m in &cov.missing_roles {
            let roles: Vec<&str> = m.roles.iter().map(|r| role_label(*r)).collect();
            let _ = write!(o, "<li>{}: {}</li>", r.name(&m.unit), roles.join(", "));
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</section>\n");
}

/// The workshop questions that have answers, each with its answer, then the
/// map's notes.
pub(super) fn questionnaire(o: &mut String, r: &Report) {
    let map = r.map;
    o.push_str("<section id=\"questionnaire\">\n<h2>Workshop questions</h2>\n");
    if map.questionnaire.iter().all(|a| a.answer.trim().is_empty()) {
        o.push_str("<p class=\"lead\">No answers are recorded yet.</p>\n");
    } else {
        o.push_str("<dl class=\"qa\">\n");
        for a in map
            .questionnaire
            .iter()
            .filter(|a| !a.answer.trim().is_empty())
        {
            let q = QUESTIONS
                .iter()
                .find(|(k, _)| *k == a.question)
                .map_or(a.question.as_str(), |(_, q)| q);
            let _ = writeln!(o, "<dt>{}</dt><dd>{}</dd>", escape(q), escape(&a.answer));
        }
        o.push_str("</dl>\n");
    }
    if !map.notes.trim().is_empty() {
        let _ = writeln!(
            o,
            "<h3>Notes</h3>\n<p class=\"notes\">{}</p>",
            escape(map.notes.trim())
        );
    }
    o.push_str("</section>\n");
}

fn stage_number(stage: MaturityStage) -> usize {
    MaturityStage::ALL
        .iter()
        .position(|s| *s == stage)
        .map_or(0, |i| i + 1)
}

fn role_label(role: AmbassadorRole) -> &'static str {
    match role {
        AmbassadorRole::Strategist => "Strategist",
        AmbassadorRole::Innovator => "Innovator",
        AmbassadorRole::Driver => "Driver",
    }
}
