//! Cytoscape.js JSON (`{"elements": {"nodes": […], "edges": […]}}`), which
//! cytoscape.js loads with `cy.add` / `cy.json` and Cytoscape desktop imports as
//! `.cyjs`. Desktop shows `name`, cytoscape.js styles usually read `label`: both are
//! given. The endpoint's browser view reads this same JSON.

use super::{PropertyGraph, style};
use crate::model::EntityType;
use serde_json::{Map, Value, json};
use std::io::{self, Write};

/// The graph as a JSON value (the endpoint adds its own fields to `data`).
pub fn to_value(g: &PropertyGraph) -> Value {
    let nodes: Vec<Value> = g
        .nodes
        .iter()
        .map(|n| {
            let mut d = Map::new();
            d.insert("id".into(), json!(n.id));
            d.insert("label".into(), json!(n.label));
            d.insert("name".into(), json!(n.label));
            // networkx's `cytoscape_graph` keys nodes by `value`.
            d.insert("value".into(), json!(n.id));
            d.insert("type".into(), json!(n.ty));
            if let Some(l) = &n.level {
                d.insert("level".into(), json!(l));
            }
            if let Some(c) = &n.code {
                d.insert("code".into(), json!(c));
            }
            d.insert("roles".into(), json!(n.roles));
            d.insert("article_count".into(), json!(n.article_count));
            d.insert("color".into(), json!(style(&n.ty).hex()));
            json!({ "data": d })
        })
        .collect();
    let edges: Vec<Value> = g
        .edges
        .iter()
        .map(|e| {
            // IRIs never contain '|' (it is percent-encoded), so this id is unique
            // and stays the same across requests, which lets the browser merge views.
            let id = format!("{}|{}|{}", e.source, e.predicate, e.target);
            json!({ "data": {
                "id": id,
                "source": e.source,
                "target": e.target,
                "predicate": e.predicate,
                "interaction": e.predicate,
                "label": e.predicate,
                "article_count": e.article_count,
            }})
        })
        .collect();
    json!({
        "data": { "name": "zhengqi" },
        "directed": true,
        "multigraph": false,
        "elements": { "nodes": nodes, "edges": edges },
    })
}

/// Cytoscape's shape for each type, close to the other exports' shapes.
fn cytoscape_shape(ty: &str) -> &'static str {
    match ty {
        "Division" => "octagon",
        "Agency" => "rectangle",
        "Company" => "round-rectangle",
        "Organization" => "hexagon",
        "Person" => "ellipse",
        "Initiative" => "rhomboid",
        "Article" => "tag",
        _ => "ellipse",
    }
}

/// A style for Cytoscape desktop (File → Import → Styles from File) and
/// cytoscape.js (`style:` option): types to colours and shapes, names as labels,
/// edges labelled with their predicate and as wide as their article count.
pub fn style_value() -> Value {
    let mut rules = vec![
        json!({ "selector": "node", "css": {
            "label": "data(name)", "font-size": 12, "text-valign": "center",
            "text-halign": "center", "width": 40, "height": 40,
            "border-width": 1, "border-color": "#333333" } }),
        json!({ "selector": "edge", "css": {
            "label": "data(interaction)", "font-size": 9, "curve-style": "bezier",
            "target-arrow-shape": "triangle", "line-color": "#999999",
            "target-arrow-color": "#999999",
            "width": "mapData(article_count, 1, 20, 1, 6)" } }),
    ];
    for ty in EntityType::ALL.map(EntityType::name) {
        rules.push(json!({ "selector": format!("node[type = '{ty}']"), "css": {
            "background-color": style(ty).hex(), "shape": cytoscape_shape(ty) } }));
    }
    json!([{
        "format_version": "1.0",
        "generated_by": "zhengqi",
        "target_cytoscapejs_version": "~2.1",
        "title": "zhengqi",
        "style": rules,
    }])
}

pub fn write(g: &PropertyGraph, w: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &to_value(g))?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn the_style_maps_every_type_to_a_colour_and_shape() {
        let v = style_value();
        let rules = v[0]["style"].as_array().unwrap();
        for ty in EntityType::ALL.map(EntityType::name) {
            let rule = rules
                .iter()
                .find(|r| r["selector"] == format!("node[type = '{ty}']"))
                .unwrap_or_else(|| panic!("no rule for {ty}"));
            assert!(
                rule["css"]["background-color"]
                    .as_str()
                    .unwrap()
                    .starts_with('#')
            );
            assert!(rule["css"]["shape"].is_string());
        }
        assert_eq!(v[0]["title"], "zhengqi");
    }

    #[test]
    fn elements_carry_data() {
        let v = to_value(&sample());
        let nodes = v["elements"]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), 3);
        assert_eq!(nodes[1]["data"]["label"], "海宁市");
        assert_eq!(nodes[1]["data"]["code"], "330481");
        assert_eq!(nodes[1]["data"]["article_count"], 3);
        assert!(nodes[0]["data"].get("level").is_none());
        let e = &v["elements"]["edges"][1]["data"];
        assert_eq!(e["predicate"], "worksFor");
        assert_eq!(e["source"], "https://zhengqi.dev/id/person/张三");
        let mut out = Vec::new();
        write(&sample(), &mut out).unwrap();
        let back: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(back, v);
    }
}
