//! Cytoscape.js JSON (`{"elements": {"nodes": […], "edges": […]}}`), which
//! cytoscape.js loads with `cy.add` / `cy.json` and Cytoscape desktop imports as
//! `.cyjs`. Desktop shows `name`, cytoscape.js styles usually read `label`: both are
//! given. The endpoint's browser view reads this same JSON.

use super::{PropertyGraph, style};
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

pub fn write(g: &PropertyGraph, w: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &to_value(g))?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

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
