//! Blocks flowing down the pages of the PDF report: the cursor, lines and
//! paragraphs of text, section headings, tables whose heading row repeats on
//! every page they run onto, and the footer every page gets. Colours come from
//! the report's [`Style`].

use recimap_core::explain::Table;
use recimap_render::Style;
use recimap_render::fit;
use recimap_render::fonts::wrap;
use recimap_render::xml::{escape, num};

use super::Paper;

/// Left and right margin of a page.
pub(super) const MARGIN_X: f64 = 50.0;
/// Top margin of a page.
pub(super) const MARGIN_TOP: f64 = 50.0;
/// Bottom margin of a page, under which the footer sits.
const MARGIN_BOTTOM: f64 = 58.0;

/// Blocks flowing down pages.
pub(super) struct Flow<'s> {
    /// The colours of text, rules and panels.
    pub style: &'s Style,
    paper: (f64, f64),
    pages: Vec<String>,
    current: String,
    /// The left of the text column.
    pub x: f64,
    /// The cursor: where the next block starts.
    pub y: f64,
    /// The width of the text column.
    pub width: f64,
    /// Where the page's text ends.
    pub bottom: f64,
}

/// One column of a table on the page.
struct Cell {
    x: f64,
    width: f64,
    numeric: bool,
}

impl Cell {
    /// Where the cell's text is anchored: 6 in from its left, or from its
    /// right for a number.
    fn text_x(&self) -> f64 {
        if self.numeric {
            self.x + self.width - 6.0
        } else {
            self.x + 6.0
        }
    }

    fn anchor(&self) -> &'static str {
        if self.numeric {
            " text-anchor=\"end\""
        } else {
            ""
        }
    }
}

impl<'s> Flow<'s> {
    pub fn new(paper: Paper, style: &'s Style) -> Self {
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

    pub fn push(&mut self, svg: String) {
        self.current.push_str(&svg);
        self.current.push('\n');
    }

    pub fn new_page(&mut self) {
        if !self.current.is_empty() {
            self.pages.push(std::mem::take(&mut self.current));
        }
        self.y = MARGIN_TOP;
    }

    /// Starts a new page unless `h` more fits on this one.
    pub fn ensure(&mut self, h: f64) {
        if self.y + h > self.bottom && self.y > MARGIN_TOP {
            self.new_page();
        }
    }

    /// One line of text at the cursor, then moves down.
    pub fn text(&mut self, text: &str, size: f64, weight: u16, fill: &str, indent: f64) {
        self.ensure(size * 1.4);
        let line = fit(text, size, weight, self.width - indent);
        let el = text_el(self.x + indent, self.y + size, size, weight, fill, &line);
        self.push(el);
        self.y += size * 1.4;
    }

    /// Wrapped text, a new page whenever a line does not fit.
    pub fn paragraph(
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

    /// A lead paragraph: 10 pt, [`Style::ink_soft`].
    pub fn lead(&mut self, text: &str) {
        let style = self.style;
        self.paragraph(text, 10.0, 400, &style.ink_soft, 0.0, 1.4);
    }

    /// A caption under a picture: 8 pt, [`Style::ink_soft`].
    pub fn caption(&mut self, text: &str) {
        let style = self.style;
        self.paragraph(text, 8.0, 400, &style.ink_soft, 0.0, 1.4);
    }

    /// A section heading with a rule under it, kept with what follows.
    pub fn heading(&mut self, text: &str) {
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

    /// `table` with a heading row, repeated at the top of every page it runs
    /// onto; `widths` are shares of the text width; numeric columns are
    /// right-aligned. Long cells wrap. `tint(row, column)` gives each cell's
    /// text colour.
    pub fn table<'t>(
        &mut self,
        table: &Table,
        widths: &[f64],
        tint: &dyn Fn(usize, usize) -> &'t str,
    ) {
        let cells = self.cells(table, widths);
        self.ensure(40.0);
        self.table_heading(table, &cells);
        for (r, row) in table.rows.iter().enumerate() {
            let lines: Vec<Vec<String>> = row
                .iter()
                .zip(&cells)
                .map(|(text, cell)| wrap(text, 9.0, 400, cell.width - 12.0))
                .collect();
            let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f64;
            let h = 7.0 + n * 11.5;
            if self.y + h > self.bottom {
                self.new_page();
                self.table_heading(table, &cells);
            }
            self.table_row(&lines, &cells, h, &|i| tint(r, i));
        }
    }

    /// Where each column of `table` lies across the text column.
    fn cells(&self, table: &Table, widths: &[f64]) -> Vec<Cell> {
        let mut x = self.x;
        widths
            .iter()
            .zip(&table.columns)
            .map(|(w, c)| {
                let cell = Cell {
                    x,
                    width: w * self.width,
                    numeric: c.numeric,
                };
                x += w * self.width;
                cell
            })
            .collect()
    }

    /// A table's heading row: small capitals on a panel.
    fn table_heading(&mut self, table: &Table, cells: &[Cell]) {
        let mut s = format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"{}\"/>",
            num(self.x),
            num(self.y),
            num(self.width),
            escape(&self.style.panel)
        );
        for (c, cell) in table.columns.iter().zip(cells) {
            s.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"7\" font-weight=\"700\" letter-spacing=\"0.4\" fill=\"{}\"{}>{}</text>",
                num(cell.text_x()),
                num(self.y + 12.0),
                escape(&self.style.ink_soft),
                cell.anchor(),
                escape(&c.heading.to_uppercase())
            ));
        }
        self.push(s);
        self.y += 18.0;
    }

    /// One row `h` high: each cell's wrapped `lines` in its colour
    /// (`tint(column)`), and a rule under it.
    fn table_row<'t>(
        &mut self,
        lines: &[Vec<String>],
        cells: &[Cell],
        h: f64,
        tint: &dyn Fn(usize) -> &'t str,
    ) {
        let mut s = String::new();
        for (i, (lines, cell)) in lines.iter().zip(cells).enumerate() {
            for (k, line) in lines.iter().enumerate() {
                s.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"{}\"{}>{}</text>",
                    num(cell.text_x()),
                    num(self.y + 13.0 + k as f64 * 11.5),
                    escape(tint(i)),
                    cell.anchor(),
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

    /// Every page as an SVG document, with its footer: `title` and `date` on
    /// the left, "Page i of n" on the right.
    pub fn finish(mut self, title: &str, date: Option<&str>) -> Vec<String> {
        self.new_page();
        let (w, _) = self.paper;
        let left = match date {
            Some(d) if !d.trim().is_empty() => format!("{title} · {}", d.trim()),
            _ => title.to_owned(),
        };
        let left = fit(&left, 7.5, 400, w - 2.0 * MARGIN_X - 80.0);
        let n = self.pages.len();
        self.pages
            .iter()
            .enumerate()
            .map(|(i, body)| self.page(body, &left, i + 1, n))
            .collect()
    }

    /// Page `p` of `n`: its `body` on paper, and the footer.
    fn page(&self, body: &str, left: &str, p: usize, n: usize) -> String {
        let (w, h) = self.paper;
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"Inter\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"{paper}\"/>\n{body}<rect x=\"{x}\" y=\"{ry}\" width=\"{rw}\" height=\"0.6\" fill=\"{rule}\"/><text x=\"{x}\" y=\"{ty}\" font-size=\"7.5\" fill=\"{faint}\">{left}</text><text x=\"{xr}\" y=\"{ty}\" font-size=\"7.5\" fill=\"{faint}\" text-anchor=\"end\">Page {p} of {n}</text>\n</svg>\n",
            w = num(w),
            h = num(h),
            x = num(MARGIN_X),
            ry = num(h - MARGIN_BOTTOM + 22.0),
            rw = num(w - 2.0 * MARGIN_X),
            ty = num(h - MARGIN_BOTTOM + 34.0),
            xr = num(w - MARGIN_X),
            left = escape(left),
            paper = escape(&self.style.paper),
            rule = escape(&self.style.rule),
            faint = escape(&self.style.ink_faint),
        )
    }
}

/// One line of text at (`x`, `y`) on its baseline.
pub(super) fn text_el(x: f64, y: f64, size: f64, weight: u16, fill: &str, text: &str) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{weight}\" fill=\"{}\">{}</text>",
        num(x),
        num(y),
        num(size),
        escape(fill),
        escape(text)
    )
}
