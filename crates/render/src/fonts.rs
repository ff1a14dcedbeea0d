//! Fonts for the pictures: the bundled Inter faces (the UI's font; SIL OFL 1.1,
//! `src/render/fonts/LICENSE-Inter.txt`) so that PNG and PDF output does not
//! depend on what the machine has installed, plus the system fonts (fontdb)
//! for scripts Inter does not cover; and text measurement from Inter's
//! metrics, for wrapping labels and laying out report pages.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb::Database;

/// Inter Regular, SemiBold and Bold (OpenType/CFF, from Debian's `fonts-inter`).
pub const INTER_REGULAR: &[u8] = include_bytes!("fonts/Inter-Regular.otf");
pub const INTER_SEMIBOLD: &[u8] = include_bytes!("fonts/Inter-SemiBold.otf");
pub const INTER_BOLD: &[u8] = include_bytes!("fonts/Inter-Bold.otf");

/// The family name of the bundled faces.
pub const FAMILY: &str = "Inter";

/// The font database every rasterisation and PDF uses: the bundled Inter
/// faces, then the system fonts, with Inter as the generic sans-serif family.
/// Built once (loading system fonts takes tens of milliseconds).
pub fn database() -> Arc<Database> {
    static DB: OnceLock<Arc<Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = Database::new();
        for face in [INTER_REGULAR, INTER_SEMIBOLD, INTER_BOLD] {
            db.load_font_data(face.to_vec());
        }
        db.load_system_fonts();
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// A parsed bundled face for measuring.
fn face(weight: u16) -> &'static ttf_parser::Face<'static> {
    static FACES: OnceLock<[ttf_parser::Face<'static>; 3]> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        [INTER_REGULAR, INTER_SEMIBOLD, INTER_BOLD].map(|data| {
            // The bundled files are known-good: a parse failure is a build defect.
            ttf_parser::Face::parse(data, 0).expect("the bundled Inter font parses")
        })
    });
    match weight {
        0..=549 => &faces[0],
        550..=649 => &faces[1],
        _ => &faces[2],
    }
}

/// The advance width of `text` set in Inter at `size` and `weight`: the sum
/// of the glyphs' horizontal advances (no kerning, so a little wider than set
/// text, which errs on the safe side when wrapping). Characters Inter lacks
/// count as 0.6 em; a fallback font may set them a little differently.
pub fn text_width(text: &str, size: f64, weight: u16) -> f64 {
    let face = face(weight);
    let upem = f64::from(face.units_per_em());
    let units: f64 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(0.6 * upem, f64::from)
        })
        .sum();
    units / upem * size
}

/// `text` broken into lines no wider than `max_width` (at `size`/`weight`),
/// at spaces; a word wider than a line is cut between characters.
pub fn wrap(text: &str, size: f64, weight: u16, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size, weight) <= max_width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: cut it if it is still too wide.
        for c in word.chars() {
            line.push(c);
            if text_width(&line, size, weight) > max_width && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::take(&mut line));
                line.push(c);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_size_and_weight() {
        let w = text_width("Finance", 12.0, 400);
        assert!(w > 30.0 && w < 60.0, "{w}");
        assert!((text_width("Finance", 24.0, 400) - 2.0 * w).abs() < 1e-9);
        assert!(text_width("Finance", 12.0, 700) > w);
        assert_eq!(text_width("", 12.0, 400), 0.0);
    }

    #[test]
    fn wrapping_keeps_every_word_and_each_line_fits() {
        let text = "Business Applications and Supercalifragilisticexpialidocious Operations";
        let lines = wrap(text, 12.0, 600, 90.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(
            lines.iter().all(|l| text_width(l, 12.0, 600) <= 90.0),
            "{lines:?}"
        );
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        assert_eq!(wrap("Short", 12.0, 400, 90.0), vec!["Short"]);
        assert!(wrap("   ", 12.0, 400, 90.0).is_empty());
    }

    #[test]
    fn the_database_has_the_bundled_family() {
        let db = database();
        assert!(
            db.faces()
                .any(|f| f.families.iter().any(|(n, _)| n == FAMILY))
        );
    }
}
