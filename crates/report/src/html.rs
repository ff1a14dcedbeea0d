//! The HTML report: one self-contained file — styles inline, the map as an
//! inline SVG, no script, no external resource — with a Content-Security-Policy
//! that forbids loading or running anything. Every string from the map is
//! escaped. Prints cleanly (A4/Letter) from any browser.

use std::collections::HashMap;
use std::fmt::Write;

use super::{BeforeAfter, CHANGES_CAPTION, ReportOptions, title, visible_findings};
use recimap_core::Analysis;
use recimap_core::compare::Verdict;
use recimap_core::explain::{
    GROUP_EI_MEANING, GROUPS_EI_COLUMN, figure_delta, figure_label, figure_value, groups_table,
    organisation_rows,
};
use recimap_core::findings::Severity;
use recimap_core::model::{AmbassadorRole, Map, MaturityStage, QUESTIONS, UnitId};
use recimap_render::style::is_css_hex;
use recimap_render::xml::{escape, num};
use recimap_render::{Style, SvgOptions, svg_element};

/// The Content-Security-Policy of the report: nothing may be loaded or run;
/// only the inline styles and the embedded fonts (`data:` URLs) apply.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

/// The report's stylesheet, with a `$(name)` for each colour of the
/// [`Style`] it takes ([`stylesheet`]).
const CSS: &str = r#"
:root { --ink:$(ink); --ink-2:$(ink_soft); --ink-3:$(ink_faint); --line:$(rule); --soft:$(panel); --accent:$(accent); }
* { box-sizing: border-box; }
html { background: $(desk); }
body { margin: 0 auto; max-width: 1040px; background: $(paper); color: var(--ink);
  font: 15px/1.5 "Inter", "Segoe UI", system-ui, -apple-system, "Noto Sans", "DejaVu Sans", sans-serif; padding: 48px 56px 40px; }
header.top { border-bottom: 3px solid var(--accent); padding-bottom: 18px; margin-bottom: 28px; }
.eyebrow { text-transform: uppercase; letter-spacing: .12em; font-size: 12px; font-weight: 700; color: var(--accent); margin: 0 0 6px; }
h1 { font-size: 30px; line-height: 1.2; margin: 0 0 6px; letter-spacing: -.01em; }
.meta { color: var(--ink-2); margin: 0; }
.meta span + span::before { content: "·"; margin: 0 .55em; color: var(--ink-3); }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h2 .count { color: var(--ink-3); font-weight: 500; }
p.lead { color: var(--ink-2); margin: 0 0 14px; }
.stages { display: grid; grid-template-columns: repeat(4, 1fr); gap: 6px; margin: 8px 0 4px; }
.stage { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; font-size: 13px; color: var(--ink-3); background: var(--soft); }
.stage b { display: block; font-size: 11px; letter-spacing: .08em; text-transform: uppercase; }
.stage.done { color: var(--ink-2); background: $(accent_pale); border-color: $(accent_pale_border); }
.stage.now { color: $(ink_on_colour); background: var(--accent); border-color: var(--accent); font-weight: 600; }
.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
.kpi { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; break-inside: avoid; }
.kpi .label { font-size: 12px; font-weight: 700; color: var(--ink-2); text-transform: uppercase; letter-spacing: .05em; }
.kpi .value { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; margin: 2px 0; }
.kpi .meaning { font-size: 13px; color: var(--ink-2); line-height: 1.4; }
figure.map { margin: 0; border: 1px solid var(--line); border-radius: 10px; padding: 8px; }
figure.map svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 13px; color: var(--ink-2); padding: 6px 6px 2px; }
ol.findings { list-style: none; padding: 0; margin: 0; counter-reset: f; }
ol.findings li { counter-increment: f; border: 1px solid var(--line); border-left: 5px solid var(--sev); border-radius: 8px;
  padding: 12px 16px 12px 52px; margin: 0 0 10px; position: relative; break-inside: avoid; }
ol.findings li::before { content: counter(f); position: absolute; left: 14px; top: 11px; font-weight: 700; font-size: 18px; color: var(--ink-3); }
.sev-high { --sev: $(severity_high); } .sev-medium { --sev: $(severity_medium); } .sev-low { --sev: $(severity_low); }
.tag { display: inline-block; font-size: 11px; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; border-radius: 4px; padding: 1px 7px; margin-right: 6px; color: $(ink_on_colour); background: var(--sev); }
.kind { font-size: 12px; color: var(--ink-3); font-weight: 600; }
.message { margin: 6px 0 4px; font-weight: 600; }
.rec { margin: 0; color: var(--ink-2); }
.rec::before { content: "→ "; color: var(--accent); font-weight: 700; }
.figure { font-size: 12px; color: var(--ink-3); margin-top: 4px; font-variant-numeric: tabular-nums; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--ink-2); background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
.bar { position: relative; width: 120px; height: 10px; background: var(--soft); border: 1px solid var(--line); border-radius: 5px; display: inline-block; vertical-align: middle; }
.bar i { position: absolute; top: 0; bottom: 0; border-radius: 4px; }
.bar::after { content: ""; position: absolute; left: 50%; top: -3px; bottom: -3px; border-left: 1px solid var(--ink-3); }
.chips { margin: 6px 0 0; }
.chip { display: inline-block; border: 1px solid var(--line); background: var(--soft); border-radius: 999px; padding: 1px 10px; margin: 0 6px 6px 0; font-size: 13px; }
dl.qa dt { font-weight: 600; margin-top: 12px; }
dl.qa dd { margin: 2px 0 0; color: var(--ink-2); }
.up { color: $(better); } .down { color: $(worse); } .flat { color: var(--ink-3); }
ul.changes { margin: 6px 0 0; padding-left: 20px; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
.notes { white-space: pre-wrap; color: var(--ink-2); }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--ink-3); font-size: 12px; display: flex; justify-content: space-between; }
.muted { color: var(--ink-3); }
@media print {
  html { background: $(paper); }
  body { padding: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  figure.map { break-inside: avoid; }
}
@page { margin: 16mm 14mm; }
"#;

/// [`CSS`] with the colours of `style`, each in its shortest hex form
/// ([`css_colour`]).
fn stylesheet(style: &Style) -> String {
    let colours: [(&str, &str); 16] = [
        ("ink", &style.ink),
        ("ink_soft", &style.ink_soft),
        ("ink_faint", &style.ink_faint),
        ("ink_on_colour", &style.ink_on_colour),
        ("rule", &style.rule),
        ("panel", &style.panel),
        ("paper", &style.paper),
        ("desk", &style.desk),
        ("accent", &style.accent),
        ("accent_pale", &style.accent_pale),
        ("accent_pale_border", &style.accent_pale_border),
        ("severity_high", style.severity(Severity::High)),
        ("severity_medium", style.severity(Severity::Medium)),
        ("severity_low", style.severity(Severity::Low)),
        ("better", &style.better),
        ("worse", &style.worse),
    ];
    let mut css = CSS.to_owned();
    for (name, colour) in colours {
        css = css.replace(&format!("$({name})"), &css_colour(colour));
    }
    css
}

/// A style colour as the stylesheet writes it: `#rrggbb` as `#rgb` when each
/// channel's two digits are the same (`#ffffff` is `#fff`). Only CSS hex
/// colours are taken, so no value from a style can end the `<style>`
/// element; anything else is written as `transparent`.
fn css_colour(c: &str) -> String {
    if !is_css_hex(c) {
        return "transparent".to_owned();
    }
    let b = c.as_bytes();
    if b.len() == 7 && b[1] == b[2] && b[3] == b[4] && b[5] == b[6] {
        format!("#{}{}{}", b[1] as char, b[3] as char, b[5] as char)
    } else {
        c.to_owned()
    }
}

/// The report as one HTML document (see the module docs).
pub fn html(map: &Map, analysis: &Analysis, opts: &ReportOptions) -> String {
    let names: HashMap<&UnitId, &str> =
        map.units.iter().map(|u| (&u.id, u.name.as_str())).collect();
    let name = |id: &UnitId| -> String { escape(names.get(id).copied().unwrap_or(id.as_str())) };
    let title = title(map);
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" content=\"Recimap\"/>\n<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n",
        escape(&title),
        font_faces(),
        stylesheet(&opts.style)
    );

    // Title block.
    let _ = write!(
        o,
        "<header class=\"top\">\n<p class=\"eyebrow\">IT–business reciprocity report</p>\n<h1>{}</h1>\n<p class=\"meta\">",
        escape(&title)
    );
    let mut meta = Vec::new();
    if !map.organisation.trim().is_empty() && !title.contains(map.organisation.trim()) {
        meta.push(escape(map.organisation.trim()));
    }
    if let Some(d) = opts.date.as_deref().filter(|d| !d.trim().is_empty()) {
        meta.push(escape(d.trim()));
    }
    let org = &analysis.organisation;
    meta.push(format!(
        "{} units, {} links, {} two-way relationships",
        org.units, org.links, org.mutual_pairs
    ));
    for m in meta {
        let _ = write!(o, "<span>{m}</span>");
    }
    o.push_str("</p>\n</header>\n");

    // Maturity.
    o.push_str("<section id=\"maturity\">\n<h2>Maturity stage</h2>\n");
    match map.maturity {
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
        let class = match map.maturity {
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

    // Scores.
    o.push_str("<section id=\"scores\">\n<h2>Organisation scores</h2>\n<div class=\"kpis\">\n");
    for r in organisation_rows(org) {
        let _ = writeln!(
            o,
            "<div class=\"kpi\" data-figure=\"{}\"><div class=\"label\">{}</div><div class=\"value\">{}</div><div class=\"meaning\">{}</div></div>",
            r.key,
            escape(&r.label),
            escape(&r.text),
            escape(&r.meaning)
        );
    }
    o.push_str("</div>\n</section>\n");

    // Map.
    let svg_opts = SvgOptions {
        style: opts.style.clone(),
        header: false,
        ..SvgOptions::default()
    };
    let _ = write!(
        o,
        "<section id=\"map\">\n<h2>The map</h2>\n<figure class=\"map\">\n{}<figcaption>Each arrow is one direction of a relationship: how well one unit tells the other the why of its work. Two-way relationships are drawn as two curves; the colour shows how balanced the pair is, the width how strong each direction is.</figcaption>\n</figure>\n</section>\n",
        svg_element(map, analysis, &svg_opts, "")
    );

    // Findings.
    let findings = visible_findings(map, analysis);
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
        o.push_str("</ol>\n");
    }
    o.push_str("</section>\n");

    // Groups.
    if !analysis.groups.is_empty() {
        let _ = write!(
            o,
            "<section id=\"groups\">\n<h2>Groups</h2>\n<p class=\"lead\">{}.</p>\n",
            escape(GROUP_EI_MEANING)
        );
        o.push_str(&groups(analysis, &opts.style));
        o.push_str("</section>\n");
    }

    // Ambassadors.
    o.push_str("<section id=\"ambassadors\">\n<h2>IT ambassadors</h2>\n");
    if map.ambassadors.is_empty() {
        o.push_str("<p class=\"lead\">No ambassadors are recorded yet.</p>\n");
    } else {
        o.push_str("<table>\n<thead><tr><th>Ambassador</th><th>Role</th><th>Unit</th></tr></thead>\n<tbody>\n");
        for a in &map.ambassadors {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&a.name),
                role_label(a.role),
                name(&a.unit)
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    let cov = &analysis.coverage;
    if !cov.without_ambassador.is_empty() {
        let _ = write!(
            o,
            "<p><strong>Departments without an ambassador</strong></p><div class=\"chips\">"
        );
        for id in &cov.without_ambassador {
            let _ = write!(o, "<span class=\"chip\">{}</span>", name(id));
        }
        o.push_str("</div>\n");
    }
    if !cov.missing_roles.is_empty() {
        o.push_str("<p><strong>Missing roles</strong></p><ul class=\"changes\">");
        for m in &cov.missing_roles {
            let roles: Vec<&str> = m.roles.iter().map(|r| role_label(*r)).collect();
            let _ = write!(o, "<li>{}: {}</li>", name(&m.unit), roles.join(", "));
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</section>\n");

    // Questionnaire.
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

    if let Some(ba) = &opts.comparison {
        o.push_str(&before_after(ba, &opts.style, &name));
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

/// The groups table ([`groups_table`]), with a bar of each group's E-I index
/// ([`ei_bar`]) in a column of its own after the index.
fn groups(analysis: &Analysis, style: &Style) -> String {
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

fn before_after(ba: &BeforeAfter, style: &Style, name: &dyn Fn(&UnitId) -> String) -> String {
    let c = &ba.comparison;
    let mut o = format!(
        "<section id=\"before-after\">\n<h2>Before and after</h2>\n<p class=\"lead\">From {} to {}.</p>\n<figure class=\"map\">\n{}<figcaption>{}</figcaption>\n</figure>\n<table>\n<thead><tr><th>Figure</th><th class=\"num\">Before</th><th class=\"num\">After</th><th class=\"num\">Change</th></tr></thead>\n<tbody>\n",
        escape(&ba.before),
        escape(&ba.after),
        svg_element(
            &ba.after_map,
            &ba.after_analysis,
            &ba.picture_options(style),
            ""
        ),
        escape(CHANGES_CAPTION)
    );
    for f in &c.organisation {
        let class = match f.verdict {
            Verdict::Better => "up",
            Verdict::Worse => "down",
            Verdict::Same | Verdict::Unjudged => "flat",
        };
        let delta = figure_delta(&f.name, f.delta);
        let v = |x: Option<f64>| figure_value(&f.name, x);
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num {class}\">{delta}</td></tr>",
            escape(&figure_label(&f.name)),
            v(f.before),
            v(f.after)
        );
    }
    o.push_str("</tbody>\n</table>\n<div class=\"cols\">\n");
    for (heading, class, list) in [("Better", "up", &c.better), ("Worse", "down", &c.worse)] {
        let _ = write!(
            o,
            "<div><h3 class=\"{class}\">{heading} ({})</h3>",
            list.len()
        );
        if list.is_empty() {
            o.push_str("<p class=\"muted\">None.</p>");
        } else {
            o.push_str("<ul class=\"changes\">");
            for ch in list {
                let _ = write!(o, "<li>{}</li>", escape(&ch.message));
            }
            o.push_str("</ul>");
        }
        o.push_str("</div>\n");
    }
    o.push_str("</div>\n");
    let units = |ids: &[UnitId]| ids.iter().map(name).collect::<Vec<_>>().join(", ");
    if !c.units_added.is_empty() {
        let _ = writeln!(
            o,
            "<p><strong>Units added:</strong> {}</p>",
            units(&c.units_added)
        );
    }
    if !c.units_removed.is_empty() {
        let _ = writeln!(
            o,
            "<p><strong>Units removed:</strong> {}</p>",
            units(&c.units_removed)
        );
    }
    o.push_str("</section>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheet_takes_every_colour_from_the_style() {
        let css = stylesheet(&Style::default());
        assert!(!css.contains("$("), "a colour is left unfilled:\n{css}");
        let dark = Style {
            ink: "#000000".into(),
            paper: "#123456".into(),
            ..Style::default()
        };
        let css = stylesheet(&dark);
        assert!(css.contains("--ink:#000;") && css.contains("background: #123456;"));
    }

    #[test]
    fn only_hex_colours_reach_the_stylesheet() {
        assert_eq!(css_colour("#ffffff"), "#fff");
        assert_eq!(css_colour("#1f2933"), "#1f2933");
        assert_eq!(css_colour("#abc"), "#abc");
        assert_eq!(css_colour("red;}</style><script>"), "transparent");
    }
}
