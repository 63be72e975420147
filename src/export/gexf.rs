//! GEXF 1.3 for Gephi: declared node and edge attributes, a `viz:color` per type and
//! a `viz:size` growing with the article count. Edge weights are article counts (at
//! least 1, since Gephi treats weight as strength and 0 would hide the edge).

use super::{PropertyGraph, joined_roles, style, xml_escape as esc};
use std::io::{self, Write};

pub fn write(g: &PropertyGraph, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">"#
    )?;
    // No xsi:schemaLocation (the RELAX NG form of the schema rejects foreign
    // attributes) and no lastmodifieddate (two exports of one store would differ).
    writeln!(w, "  <meta>")?;
    writeln!(w, "    <creator>zhengqi</creator>")?;
    writeln!(
        w,
        "    <description>政企知识图谱 (zhengqi knowledge graph)</description>"
    )?;
    writeln!(w, "  </meta>")?;
    writeln!(w, r#"  <graph defaultedgetype="directed" mode="static">"#)?;
    writeln!(w, r#"    <attributes class="node">"#)?;
    for (id, ty) in [
        ("type", "string"),
        ("level", "string"),
        ("code", "string"),
        ("roles", "string"),
        ("article_count", "integer"),
    ] {
        writeln!(
            w,
            r#"      <attribute id="{id}" title="{id}" type="{ty}"/>"#
        )?;
    }
    writeln!(w, "    </attributes>")?;
    writeln!(w, r#"    <attributes class="edge">"#)?;
    writeln!(
        w,
        r#"      <attribute id="predicate" title="predicate" type="string"/>"#
    )?;
    writeln!(
        w,
        r#"      <attribute id="article_count" title="article_count" type="integer"/>"#
    )?;
    writeln!(w, "    </attributes>")?;

    writeln!(w, r#"    <nodes count="{}">"#, g.nodes.len())?;
    for n in &g.nodes {
        writeln!(
            w,
            r#"      <node id="{}" label="{}">"#,
            esc(&n.id),
            esc(&n.label)
        )?;
        writeln!(w, "        <attvalues>")?;
        let mut value =
            |k: &str, v: &str| writeln!(w, r#"          <attvalue for="{k}" value="{}"/>"#, esc(v));
        value("type", &n.ty)?;
        if let Some(l) = &n.level {
            value("level", l)?;
        }
        if let Some(c) = &n.code {
            value("code", c)?;
        }
        if !n.roles.is_empty() {
            value("roles", &joined_roles(n))?;
        }
        value("article_count", &n.article_count.to_string())?;
        writeln!(w, "        </attvalues>")?;
        let (r, gr, b) = style(&n.ty).rgb;
        writeln!(
            w,
            r#"        <viz:color r="{r}" g="{gr}" b="{b}" a="1.0"/>"#
        )?;
        writeln!(
            w,
            r#"        <viz:size value="{:.1}"/>"#,
            8.0 + 4.0 * (n.article_count as f64).sqrt()
        )?;
        writeln!(w, "      </node>")?;
    }
    writeln!(w, "    </nodes>")?;
    writeln!(w, r#"    <edges count="{}">"#, g.edges.len())?;
    for (i, e) in g.edges.iter().enumerate() {
        writeln!(
            w,
            r#"      <edge id="{i}" source="{}" target="{}" label="{}" weight="{}">"#,
            esc(&e.source),
            esc(&e.target),
            esc(&e.predicate),
            e.article_count.max(1)
        )?;
        writeln!(w, "        <attvalues>")?;
        writeln!(
            w,
            r#"          <attvalue for="predicate" value="{}"/>"#,
            esc(&e.predicate)
        )?;
        writeln!(
            w,
            r#"          <attvalue for="article_count" value="{}"/>"#,
            e.article_count
        )?;
        writeln!(w, "        </attvalues>")?;
        writeln!(w, "      </edge>")?;
    }
    writeln!(w, "    </edges>")?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</gexf>")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn declares_version_colours_and_escapes() {
        let mut out = Vec::new();
        write(&sample(), &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains(r#"xmlns:viz="http://gexf.net/1.3/viz""#));
        assert!(s.contains(r#"version="1.3""#));
        assert!(s.contains(r#"label="海宁市&quot;市场&quot;监管局 &amp; &lt;分局&gt;""#));
        assert!(s.contains(r#"<viz:color r="78" g="121" b="167" a="1.0"/>"#));
        assert!(s.contains(r#"<nodes count="3">"#));
        assert!(s.contains(r#"weight="2""#));
    }
}
