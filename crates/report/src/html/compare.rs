//! The before/after section of the HTML report: the map after, each
//! direction coloured by how it changed; the organisation figures before and
//! after with their change (`up`, `down`, `flat`); the changes for the better
//! and for the worse side by side; the units added and removed.

use std::fmt::Write;

use super::sections::Report;
use crate::{BeforeAfter, CHANGES_CAPTION};
use recimap_core::compare::{Comparison, Verdict};
use recimap_core::explain::{figure_delta, figure_label, figure_value};
use recimap_core::model::UnitId;
use recimap_render::svg_element;
use recimap_render::xml::escape;

/// The whole section.
pub(super) fn before_after(o: &mut String, ba: &BeforeAfter, r: &Report) {
    let c = &ba.comparison;
    let _ = write!(
        o,
        "<section id=\"before-after\">\n<h2>Before and after</h2>\n<p class=\"lead\">From {} to {}.</p>\n<figure class=\"map\">\n{}<figcaption>{}</figcaption>\n</figure>\n",
        escape(&ba.before),
        escape(&ba.after),
        svg_element(
            &ba.after_map,
            &ba.after_analysis,
            &ba.picture_options(r.style),
            ""
        ),
        escape(CHANGES_CAPTION)
    );
    figures(o, c);
    changes(o, c);
    units(o, c, r);
    o.push_str("</section>\n");
}

/// The organisation figures before and after, and how each changed.
fn figures(o: &mut String, c: &Comparison) {
    o.push_str("<table>\n<thead><tr><th>Figure</th><th class=\"num\">Before</th><th class=\"num\">After</th><th class=\"num\">Change</th></tr></thead>\n<tbody>\n");
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
    o.push_str("</tbody>\n</table>\n");
}

/// What changed for the better and for the worse, in two columns.
fn changes(o: &mut String, c: &Comparison) {
    o.push_str("<div class=\"cols\">\n");
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
}

/// The units added and the units removed, by name, when there are any.
fn units(o: &mut String, c: &Comparison, r: &Report) {
    let names = |ids: &[UnitId]| {
        ids.iter()
            .map(|id| r.name(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (label, ids) in [
        ("Units added", &c.units_added),
        ("Units removed", &c.units_removed),
    ] {
        if !ids.is_empty() {
            let _ = writeln!(o, "<p><strong>{label}:</strong> {}</p>", names(ids));
        }
    }
}
