//! The readable report that `recimap analyze` prints without `--json`:
//! headline organisation scores with a one-line meaning each, the groups with
//! their E-I indices, the top findings with their recommendations, the single
//! points of failure and the overall structure. Plain text, aligned columns,
//! wrapped at [`WIDTH`] columns; nothing here computes a figure.

use std::collections::HashMap;
use std::fmt::Write;

use textwrap::core::display_width;

use recimap_core::Analysis;
use recimap_core::explain::{GROUP_EI_MEANING, Table, groups_table};
use recimap_core::findings::Severity;
use recimap_core::model::{Map, UnitId};

/// The width the report wraps to.
pub const WIDTH: usize = 100;

/// How many unit names a list shows before "and N more".
const LIST_MAX: usize = 12;

/// The report for `map` and its `analysis`, listing at most `top` findings.
pub fn render(map: &Map, analysis: &Analysis, top: usize) -> String {
    let names: HashMap<&UnitId, &str> =
        map.units.iter().map(|u| (&u.id, u.name.as_str())).collect();
    let name = |id: &UnitId| -> String {
        match names.get(id) {
            Some(n) if *n != id.as_str() => format!("{n} ({id})"),
            _ => id.to_string(),
        }
    };
    let mut out = String::new();
    headline(&mut out, map, analysis);
    organisation(&mut out, analysis);
    groups(&mut out, analysis);
    findings(&mut out, analysis, top);
    weak_points(&mut out, analysis, &name);
    structure(&mut out, analysis, &name);
    out
}

fn headline(out: &mut String, map: &Map, analysis: &Analysis) {
    let title = match (map.title.trim(), map.organisation.trim()) {
        ("", "") => "Recimap analysis".to_owned(),
        (t, "") | ("", t) => t.to_owned(),
        (t, o) if t.contains(o) => t.to_owned(),
        (t, o) => format!("{t} — {o}"),
    };
    let o = &analysis.organisation;
    let _ = writeln!(out, "{title}");
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "{} · {} · {}\n",
        plural(o.units, "unit", "units"),
        plural(o.links, "link", "links"),
        plural(
            o.mutual_pairs,
            "two-way relationship",
            "two-way relationships"
        )
    );
}

fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(display_width(text));
    format!("{text}{}", " ".repeat(fill))
}

fn pad_left(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(display_width(text));
    format!("{}{text}", " ".repeat(fill))
}

fn organisation(out: &mut String, analysis: &Analysis) {
    let rows = recimap_core::explain::organisation_rows(&analysis.organisation);
    section(out, "ORGANISATION");
    let label_w = rows
        .iter()
        .map(|r| display_width(&r.label))
        .max()
        .unwrap_or(0);
    let value_w = rows
        .iter()
        .map(|r| display_width(&r.text))
        .max()
        .unwrap_or(0);
    let indent = " ".repeat(2 + label_w + 2 + value_w + 2);
    for r in rows {
        let first = format!(
            "  {}  {}  ",
            pad(&r.label, label_w),
            pad_left(&r.text, value_w)
        );
        wrap_into(out, &r.meaning, &first, &indent);
    }
    out.push('\n');
}

fn groups(out: &mut String, analysis: &Analysis) {
    if analysis.groups.is_empty() {
        return;
    }
    section(out, &format!("GROUPS ({GROUP_EI_MEANING})"));
    table(out, &groups_table(analysis));
    out.push('\n');
}

/// `t` in aligned columns, each as wide as its widest cell (in display
/// width), numbers aligned to the right; one space before each cell and one
/// after, two more at the start of a line.
fn table(out: &mut String, t: &Table) {
    let mut widths: Vec<usize> = t
        .columns
        .iter()
        .map(|c| display_width(&c.heading))
        .collect();
    for row in &t.rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(display_width(cell));
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut text = String::from(" ");
        for ((cell, w), column) in cells.iter().zip(&widths).zip(&t.columns) {
            text.push(' ');
            text.push_str(&if column.numeric {
                pad_left(cell, *w)
            } else {
                pad(cell, *w)
            });
            text.push(' ');
        }
        text.trim_end().to_owned()
    };
    let _ = writeln!(
        out,
        "{}",
        line(t.columns.iter().map(|c| c.heading.as_str()).collect())
    );
    for row in &t.rows {
        let _ = writeln!(out, "{}", line(row.iter().map(String::as_str).collect()));
    }
}

fn findings(out: &mut String, analysis: &Analysis, top: usize) {
    let total = analysis.findings.len();
    if total == 0 {
        section(out, "FINDINGS");
        let messages = recimap_core::vocabulary::messages();
        let text = if analysis.organisation.units == 0 {
            messages.empty_map
        } else {
            messages.no_findings
        };
        wrap_into(out, &text, "  ", "  ");
        out.push('\n');
        return;
    }
    let shown = total.min(top);
    let title = if shown < total {
        format!("FINDINGS ({shown} of {total}, most important first; --findings N for more)")
    } else {
        format!("FINDINGS ({total}, most important first)")
    };
    section(out, &title);
    let number_w = shown.to_string().len();
    for (i, f) in analysis.findings.iter().take(shown).enumerate() {
        let severity = match f.severity {
            Severity::High => "HIGH",
            Severity::Medium => "MEDIUM",
            Severity::Low => "LOW",
        };
        let first = format!("  {:>number_w$}. {} ", i + 1, pad(severity, 6));
        let indent = " ".repeat(display_width(&first));
        wrap_into(out, &f.message, &first, &indent);
        wrap_into(
            out,
            &f.recommendation,
            &format!("{indent}→ "),
            &format!("{indent}  "),
        );
    }
    out.push('\n');
}

fn weak_points(out: &mut String, analysis: &Analysis, name: &dyn Fn(&UnitId) -> String) {
    section(out, "SINGLE POINTS OF FAILURE");
    let points = if analysis.articulation_points.is_empty() {
        "none".to_owned()
    } else {
        list(analysis.articulation_points.iter().map(name).collect())
    };
    wrap_into(out, &points, "  Units whose loss splits the map: ", "    ");
    let bridges = if analysis.bridges.is_empty() {
        "none".to_owned()
    } else {
        list(
            analysis
                .bridges
                .iter()
                .map(|(a, b)| format!("{} — {}", name(a), name(b)))
                .collect(),
        )
    };
    wrap_into(out, &bridges, "  Ties whose loss splits the map:  ", "    ");
    out.push('\n');
}

fn structure(out: &mut String, analysis: &Analysis, name: &dyn Fn(&UnitId) -> String) {
    section(out, "STRUCTURE");
    let c = &analysis.components;
    let parts = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let _ = writeln!(
        out,
        "  {}; {} (groups of units that all reach each other)",
        parts(c.weak.len(), "connected part"),
        parts(c.strong.len(), "strongly connected part")
    );
    let sizes: Vec<String> = analysis
        .communities
        .iter()
        .map(|m| m.len().to_string())
        .collect();
    if !sizes.is_empty() {
        wrap_into(
            out,
            &format!("sizes {}", list(sizes.clone())),
            &format!(
                "  {} communit{}: ",
                sizes.len(),
                if sizes.len() == 1 { "y" } else { "ies" }
            ),
            "    ",
        );
    }
    let isolates = if analysis.isolates.is_empty() {
        "none".to_owned()
    } else {
        list(analysis.isolates.iter().map(name).collect())
    };
    wrap_into(out, &isolates, "  Units with no link: ", "    ");
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "{title}");
}

/// Items joined by commas, at most [`LIST_MAX`] of them.
fn list(items: Vec<String>) -> String {
    let n = items.len();
    let mut shown: Vec<String> = items.into_iter().take(LIST_MAX).collect();
    if n > LIST_MAX {
        shown.push(format!("and {} more", n - LIST_MAX));
    }
    shown.join(", ")
}

/// Appends `text` wrapped at [`WIDTH`], the first line after `first`, the
/// others after `rest`.
fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest);
    for line in textwrap::wrap(text, options) {
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use recimap_core::model::{Link, Unit, UnitKind};

    fn map() -> Map {
        let mut units = vec![
            Unit::new("z1", "Zürich Büro", UnitKind::Business),
            Unit::new("z2", "Zürich IT", UnitKind::It),
            Unit::new("b1", "Boston", UnitKind::Business),
            Unit::new("lone", "Lone", UnitKind::External),
        ];
        for (u, g) in units.iter_mut().zip(["Zürich", "Zürich", "Boston"]) {
            u.group = Some(g.to_owned());
        }
        Map {
            title: "Two offices".into(),
            units,
            links: vec![
                Link::weighted("z1", "z2", 2.0),
                Link::weighted("z2", "z1", 1.0),
                Link::weighted("b1", "z2", 1.0),
            ],
            ..Map::default()
        }
    }

    #[test]
    fn group_columns_align_whatever_the_characters_in_the_names() {
        let map = map();
        let text = render(&map, &recimap_core::analyze(&map), 10);
        let table: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("GROUPS"))
            .skip(1)
            .take_while(|l| !l.is_empty())
            .collect();
        assert_eq!(table.len(), 3, "header + 2 groups:\n{text}");
        let widths: Vec<usize> = table.iter().map(|l| display_width(l)).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{table:#?}");
        assert!(
            table[1].trim_start().starts_with("Boston"),
            "groups keep the analysis order"
        );
    }

    #[test]
    fn findings_are_cut_to_the_requested_number_and_units_named_with_ids() {
        let map = map();
        let analysis = recimap_core::analyze(&map);
        assert!(analysis.findings.len() >= 2, "the fixture map has findings");
        let text = render(&map, &analysis, 1);
        assert!(
            text.contains(&format!("FINDINGS (1 of {}", analysis.findings.len())),
            "{text}"
        );
        assert!(
            text.contains("\n  1. ") && !text.contains("\n  2. "),
            "{text}"
        );
        assert!(text.contains("Units with no link: Lone (lone)"), "{text}");
        assert!(text.lines().all(|l| display_width(l) <= WIDTH), "{text}");
    }

    #[test]
    fn undefined_figures_print_as_n_a() {
        let map = Map::default();
        let text = render(&map, &recimap_core::analyze(&map), 10);
        assert!(text.starts_with("Recimap analysis\n0 units"), "{text}");
        let reciprocity = text
            .lines()
            .find(|l| l.trim_start().starts_with("Reciprocity "))
            .unwrap();
        assert!(reciprocity.contains("n/a"), "{reciprocity}");
        assert!(!text.contains("NaN"), "{text}");
    }
}
