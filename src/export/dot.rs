//! DOT for Graphviz: Chinese labels need a CJK font named on graph, nodes and edges
//! (Graphviz's default Times has no Han glyphs and draws boxes); each type gets its
//! own shape and fill, and edges are labelled with their predicate.

use super::{PropertyGraph, joined_roles, style};
use std::io::{self, Write};

const FONT: &str = "Noto Sans CJK SC";

/// A double-quoted DOT string. Backslashes are doubled because Graphviz reads
/// `\n`, `\l`, `\N` … inside labels as escapes; newlines become `\n` line breaks.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn write(g: &PropertyGraph, w: &mut dyn Write) -> io::Result<()> {
    let font = quote(FONT);
    writeln!(w, "digraph zhengqi {{")?;
    writeln!(
        w,
        "  graph [charset=\"UTF-8\", fontname={font}, overlap=false, splines=true, rankdir=LR];"
    )?;
    writeln!(
        w,
        "  node [fontname={font}, fontsize=11, style=\"filled\", penwidth=1.2];"
    )?;
    writeln!(
        w,
        "  edge [fontname={font}, fontsize=9, color=\"#808080\", fontcolor=\"#555555\"];"
    )?;
    for n in &g.nodes {
        let s = style(&n.ty);
        let mut tip = vec![n.ty.clone()];
        tip.extend(n.level.clone());
        tip.extend(n.code.clone());
        if !n.roles.is_empty() {
            tip.push(joined_roles(n));
        }
        tip.push(format!("articles: {}", n.article_count));
        writeln!(
            w,
            "  {} [label={}, shape={}, fillcolor={}, color={}, tooltip={}];",
            quote(&n.id),
            quote(&n.label),
            s.dot_shape,
            quote(s.fill),
            quote(&s.hex()),
            quote(&tip.join(" · "))
        )?;
    }
    for e in &g.edges {
        writeln!(
            w,
            "  {} -> {} [label={}, penwidth={:.1}];",
            quote(&e.source),
            quote(&e.target),
            quote(&e.predicate),
            1.0 + (e.article_count as f64).ln_1p()
        )?;
    }
    writeln!(w, "}}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(quote("一\r\n二"), r#""一\n二""#);
        let mut out = Vec::new();
        write(&sample(), &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains(r#"label="海宁市\"市场\"监管局 & <分局>""#));
        assert!(s.contains(r#"fontname="Noto Sans CJK SC""#));
        assert!(s.contains(r#"[label="worksFor""#));
        assert!(s.contains("shape=house"));
        assert_eq!(s.matches(" -> ").count(), 2);
    }
}
