//! GraphML for yEd and networkx: plain `attr.name` keys carry the data, and yEd's
//! `nodegraphics`/`edgegraphics` keys carry a labelled, coloured shape per node
//! (without them yEd shows empty boxes). Nodes start on a grid grouped by type so
//! the file opens readable before any layout is run.

use super::{PropertyGraph, joined_roles, style, xml_escape as esc};
use std::collections::BTreeMap;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

const FONT: &str = "Noto Sans CJK SC";

pub fn write(g: &PropertyGraph, w: &mut dyn Write) -> io::Result<()> {
    writeln!(
        w,
        r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>"#
    )?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">"#
    )?;
    for (id, name, ty) in [
        ("d0", "iri", "string"),
        ("d1", "label", "string"),
        ("d2", "type", "string"),
        ("d3", "level", "string"),
        ("d4", "code", "string"),
        ("d5", "roles", "string"),
        ("d6", "article_count", "int"),
    ] {
        writeln!(
            w,
            r#"  <key id="{id}" for="node" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(
        w,
        r#"  <key id="d7" for="node" yfiles.type="nodegraphics"/>"#
    )?;
    writeln!(
        w,
        r#"  <key id="d8" for="edge" attr.name="predicate" attr.type="string"/>"#
    )?;
    writeln!(
        w,
        r#"  <key id="d9" for="edge" attr.name="article_count" attr.type="int"/>"#
    )?;
    writeln!(
        w,
        r#"  <key id="d10" for="edge" yfiles.type="edgegraphics"/>"#
    )?;
    writeln!(w, r#"  <graph id="G" edgedefault="directed">"#)?;

    // GraphML ids are XML name tokens, which IRIs are not; the IRI goes in `iri`.
    let index: BTreeMap<&str, usize> = g
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let positions = grid(g);
    for (i, n) in g.nodes.iter().enumerate() {
        writeln!(w, r#"    <node id="n{i}">"#)?;
        let mut data =
            |key: &str, v: &str| writeln!(w, r#"      <data key="{key}">{}</data>"#, esc(v));
        data("d0", &n.id)?;
        data("d1", &n.label)?;
        data("d2", &n.ty)?;
        if let Some(l) = &n.level {
            data("d3", l)?;
        }
        if let Some(c) = &n.code {
            data("d4", c)?;
        }
        if !n.roles.is_empty() {
            data("d5", &joined_roles(n))?;
        }
        data("d6", &n.article_count.to_string())?;
        let s = style(&n.ty);
        let width = n.label.width() as f64 * 6.5 + 24.0;
        let (x, y) = positions[i];
        writeln!(w, r#"      <data key="d7">"#)?;
        writeln!(w, r#"        <y:ShapeNode>"#)?;
        writeln!(
            w,
            r#"          <y:Geometry height="30.0" width="{width:.1}" x="{x:.1}" y="{y:.1}"/>"#
        )?;
        writeln!(
            w,
            r#"          <y:Fill color="{}" transparent="false"/>"#,
            s.fill
        )?;
        writeln!(
            w,
            r#"          <y:BorderStyle color="{}" type="line" width="1.5"/>"#,
            s.hex()
        )?;
        writeln!(
            w,
            r##"          <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="{FONT}" fontSize="12" fontStyle="plain" modelName="internal" modelPosition="c" textColor="#000000" visible="true">{}</y:NodeLabel>"##,
            esc(&n.label)
        )?;
        writeln!(w, r#"          <y:Shape type="{}"/>"#, s.yed_shape)?;
        writeln!(w, r#"        </y:ShapeNode>"#)?;
        writeln!(w, r#"      </data>"#)?;
        writeln!(w, r#"    </node>"#)?;
    }
    for (i, e) in g.edges.iter().enumerate() {
        let (Some(s), Some(t)) = (index.get(e.source.as_str()), index.get(e.target.as_str()))
        else {
            continue;
        };
        writeln!(w, r#"    <edge id="e{i}" source="n{s}" target="n{t}">"#)?;
        writeln!(w, r#"      <data key="d8">{}</data>"#, esc(&e.predicate))?;
        writeln!(w, r#"      <data key="d9">{}</data>"#, e.article_count)?;
        writeln!(w, r#"      <data key="d10">"#)?;
        writeln!(w, r#"        <y:PolyLineEdge>"#)?;
        writeln!(
            w,
            r##"          <y:LineStyle color="#808080" type="line" width="{:.1}"/>"##,
            1.0 + (e.article_count as f64).ln_1p()
        )?;
        writeln!(
            w,
            r#"          <y:Arrows source="none" target="standard"/>"#
        )?;
        writeln!(
            w,
            r##"          <y:EdgeLabel alignment="center" fontFamily="{FONT}" fontSize="10" fontStyle="plain" textColor="#555555" visible="true">{}</y:EdgeLabel>"##,
            esc(&e.predicate)
        )?;
        writeln!(w, r#"          <y:BendStyle smoothed="false"/>"#)?;
        writeln!(w, r#"        </y:PolyLineEdge>"#)?;
        writeln!(w, r#"      </data>"#)?;
        writeln!(w, r#"    </edge>"#)?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")?;
    Ok(())
}

/// Starting positions: one band of rows per type, in the fixed type order.
fn grid(g: &PropertyGraph) -> Vec<(f64, f64)> {
    const COLS: usize = 12;
    let mut by_type: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let rank = |t: &str| {
        crate::model::EntityType::ALL
            .iter()
            .position(|x| x.name() == t)
            .unwrap_or(usize::MAX)
    };
    for (i, n) in g.nodes.iter().enumerate() {
        by_type.entry(rank(&n.ty)).or_default().push(i);
    }
    let mut pos = vec![(0.0, 0.0); g.nodes.len()];
    let mut row = 0usize;
    for members in by_type.values() {
        for (k, &i) in members.iter().enumerate() {
            pos[i] = ((k % COLS) as f64 * 180.0, (row + k / COLS) as f64 * 70.0);
        }
        row += members.len().div_ceil(COLS) + 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn escapes_labels_and_refers_to_nodes_by_index() {
        let mut out = Vec::new();
        write(&sample(), &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(
            s.contains(r#"<data key="d1">海宁市&quot;市场&quot;监管局 &amp; &lt;分局&gt;</data>"#)
        );
        assert!(s.contains(r#"<edge id="e1" source="n2" target="n0">"#));
        assert!(s.contains(r#"<data key="d5">局长, 党组书记; 副市长&#10;(兼)</data>"#));
        assert!(s.contains(r#"<y:Shape type="octagon"/>"#));
        assert_eq!(s.matches("<y:NodeLabel").count(), 3);
    }
}
