//! The before/after section of the PDF report, on a page of its own: the map
//! after, each direction coloured by how it changed; the organisation figures
//! before and after with their change (improvements in [`Style::better`],
//! setbacks in [`Style::worse`], the rest in [`Style::ink_faint`]); the
//! changes for the better and for the worse; the units added and removed.

use super::flow::{Flow, MARGIN_TOP};
use super::sections::{Report, columns};
use crate::{BeforeAfter, CHANGES_CAPTION};
use recimap_core::compare::Comparison;
use recimap_core::explain::{Table, figure_delta, figure_label, figure_value};
use recimap_render::xml::num;
use recimap_render::{Style, draw};

/// The whole section.
pub(super) fn before_after(f: &mut Flow, ba: &BeforeAfter, r: &Report) {
    let c = &ba.comparison;
    f.new_page();
    f.heading("Before and after");
    f.lead(&format!("From {} to {}.", ba.before, ba.after));
    f.y += 4.0;
    picture(f, ba, r.style);
    f.caption(CHANGES_CAPTION);
    f.y += 6.0;
    figures(f, c, r.style);
    changes(f, c, r.style);
    units(f, c, r);
}

/// The after map, coloured by change, in at most half the page.
fn picture(f: &mut Flow, ba: &BeforeAfter, style: &Style) {
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
}

/// The organisation figures before and after, and how each changed.
fn figures(f: &mut Flow, c: &Comparison, style: &Style) {
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
}

/// What changed for the better, then for the worse, one bullet each.
fn changes(f: &mut Flow, c: &Comparison, style: &Style) {
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
}

/// The units added and the units removed, by name, when there are any.
fn units(f: &mut Flow, c: &Comparison, r: &Report) {
    for (label, ids) in [
        ("Units added", &c.units_added),
        ("Units removed", &c.units_removed),
    ] {
        if !ids.is_empty() {
            f.y += 6.0;
            let list: Vec<String> = ids.iter().map(|id| r.name(id)).collect();
            f.paragraph(
                &format!("{label}: {}", list.join(", ")),
                9.5,
                400,
                &r.style.ink,
                0.0,
                1.4,
            );
        }
    }
}
