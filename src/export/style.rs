//! How the exported network looks and reads in every format: the colour, fill and
//! shapes of each node type, and the text helpers the writers share (XML escaping,
//! a person's posts as one string). They live in one place so that every tool, and
//! the browser page that copies the palette, shows the same network the same way.

use super::PgNode;

/// How a type is drawn, shared by all writers so every tool shows the same colours.
pub(crate) struct Style {
    /// Strong colour (Gephi, Cytoscape, borders), as RGB.
    pub rgb: (u8, u8, u8),
    /// Light tint for filled shapes with black text on them.
    pub fill: &'static str,
    pub dot_shape: &'static str,
    pub yed_shape: &'static str,
}

impl Style {
    pub fn hex(&self) -> String {
        let (r, g, b) = self.rgb;
        format!("#{r:02X}{g:02X}{b:02X}")
    }
}

pub(crate) fn style(ty: &str) -> Style {
    let (rgb, fill, dot_shape, yed_shape) = match ty {
        "Division" => ((0x4E, 0x79, 0xA7), "#C9D9EC", "house", "octagon"),
        "Agency" => ((0xE1, 0x57, 0x59), "#F6C9CA", "box", "rectangle"),
        "Company" => ((0xF2, 0x8E, 0x2B), "#FBD9B6", "component", "roundrectangle"),
        "Organization" => ((0x76, 0xB7, 0xB2), "#D3EAE8", "hexagon", "hexagon"),
        "Person" => ((0x59, 0xA1, 0x4F), "#CDE5C9", "ellipse", "ellipse"),
        "Initiative" => (
            (0xB0, 0x7A, 0xA1),
            "#E8D5E3",
            "parallelogram",
            "parallelogram",
        ),
        "Article" => ((0x9C, 0x75, 0x5F), "#E6D8CF", "note", "trapezoid"),
        _ => ((0x88, 0x88, 0x88), "#DDDDDD", "ellipse", "ellipse"),
    };
    Style {
        rgb,
        fill,
        dot_shape,
        yed_shape,
    }
}

/// Escapes text for XML attributes and content, and drops the control characters
/// XML 1.0 cannot carry at all (news text sometimes has stray ones).
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Roles as one string for formats without list values.
pub(crate) fn joined_roles(n: &PgNode) -> String {
    n.roles.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping_covers_markup_and_controls() {
        assert_eq!(
            xml_escape("a<b>&\"c'\u{1}\n"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;"
        );
    }
}
