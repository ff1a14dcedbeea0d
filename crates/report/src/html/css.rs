//! The report's stylesheet: the rules as a template, and the colours filled
//! in from the report's [`Style`], so that no colour is written twice.

use recimap_core::findings::Severity;
use recimap_render::Style;
use recimap_render::style::is_css_hex;

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
pub(super) fn stylesheet(style: &Style) -> String {
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
