//! `/graph.json`, the network the browser page draws: `export`'s Cytoscape JSON for
//! a cut of the graph, chosen by query parameters, with counts the page shows.
//!
//! Parameters: `around` (an IRI, name or alias) and `depth` (hops, at most
//! [`MAX_DEPTH`]), `type` (repeatable), `article`, then one of two views of what
//! they select:
//!
//! - `view=all` (the default): every selected node, cut to the `limit` most
//!   mentioned (default [`GRAPH_LIMIT`], at most [`GRAPH_LIMIT_MAX`]).
//! - `view=overview`: the `per_type` best-ranked nodes of each type (default
//!   [`PER_TYPE`], at most [`PER_TYPE_MAX`], so never more than seven times that),
//!   ranked by the number of articles that mention them, then by their number of
//!   relations, then by IRI. A cut by mentions alone fills a large store's view with
//!   divisions and agencies and leaves out most people and initiatives; taking each
//!   type's best keeps every kind of node in sight, and the page fetches the rest
//!   around a node when it is clicked.
//!
//! Besides the elements, `data` carries `view`, `truncated`, `matched_nodes` (selected
//! before the cut), `total_nodes` (in the store), `type_totals` (selected nodes per
//! type) and, in the overview, `per_type`. Errors are `{"error": text, "kind": code}`
//! with a stable `kind` the page turns into its own words.

use super::{Reply, State, decode_form, param};
use crate::export::{self, ExportError, Filter, GraphIndex, PropertyGraph};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use thiserror::Error;

/// The browser view stays responsive up to about this many nodes.
const GRAPH_LIMIT: usize = 500;
const GRAPH_LIMIT_MAX: usize = 5000;
const MAX_DEPTH: usize = 6;
/// Nodes of each type in the overview: seven types make at most 210 nodes, which
/// the page's layout settles quickly.
const PER_TYPE: usize = 30;
/// With seven types, at most 700 nodes: above that the page's quadratic layout
/// stutters.
const PER_TYPE_MAX: usize = 100;

/// Why a request for the graph was refused.
#[derive(Debug, Error)]
pub(crate) enum GraphRequestError {
    #[error("{name} must be a number, not {value:?}")]
    NotANumber { name: String, value: String },
    #[error("unknown view {0:?} (expected all or overview)")]
    UnknownView(String),
    #[error(transparent)]
    Export(#[from] ExportError),
}

impl GraphRequestError {
    /// A stable name for the page, which words its messages itself.
    fn kind(&self) -> &'static str {
        match self {
            GraphRequestError::NotANumber { .. } => "bad_number",
            GraphRequestError::UnknownView(_) => "unknown_view",
            GraphRequestError::Export(ExportError::NoMatch(_)) => "no_match",
            GraphRequestError::Export(ExportError::NoArticle(_)) => "no_article",
            GraphRequestError::Export(ExportError::UnknownType(_)) => "unknown_type",
            GraphRequestError::Export(_) => "internal",
        }
    }

    fn status(&self) -> u16 {
        match self.kind() {
            "no_match" | "no_article" => 404,
            "internal" => 500,
            _ => 400,
        }
    }
}

/// Which cut of the selection to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum View {
    /// The `limit` most mentioned nodes.
    All { limit: usize },
    /// The `per_type` best-ranked nodes of each type.
    Overview { per_type: usize },
}

/// The request's parameters, parsed and bounded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GraphRequest {
    pub filter: Filter,
    pub view: View,
}

impl GraphRequest {
    pub(crate) fn parse(params: &[(String, String)]) -> Result<GraphRequest, GraphRequestError> {
        // Numbers past their bound are lowered to it rather than refused, so a link
        // asking for too much still shows something.
        let number = |name: &str, default: usize, max: usize| -> Result<usize, GraphRequestError> {
            match param(params, name).map(str::trim).filter(|v| !v.is_empty()) {
                None => Ok(default),
                Some(v) => v.parse::<usize>().map(|n| n.min(max)).map_err(|_| {
                    GraphRequestError::NotANumber {
                        name: name.to_string(),
                        value: v.to_string(),
                    }
                }),
            }
        };
        let nonempty = |name: &str| {
            param(params, name)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let view = match nonempty("view").as_deref() {
            None | Some("all") => View::All {
                limit: number("limit", GRAPH_LIMIT, GRAPH_LIMIT_MAX)?,
            },
            Some("overview") => View::Overview {
                // At least one of each type, or the overview would be empty.
                per_type: number("per_type", PER_TYPE, PER_TYPE_MAX)?.max(1),
            },
            Some(other) => return Err(GraphRequestError::UnknownView(other.to_string())),
        };
        let filter = Filter {
            types: params
                .iter()
                .filter(|(k, v)| k == "type" && !v.trim().is_empty())
                .map(|(_, v)| v.clone())
                .collect(),
            around: nonempty("around"),
            depth: number("depth", 1, MAX_DEPTH)?,
            article: nonempty("article"),
        };
        Ok(GraphRequest { filter, view })
    }
}

/// Nodes per type, by type name.
fn type_counts(g: &PropertyGraph) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for n in &g.nodes {
        *counts.entry(n.ty.clone()).or_default() += 1;
    }
    counts
}

/// Keeps the `per_type` best-ranked nodes of each type and the edges between kept
/// nodes; returns whether any node was left out. Within a type, nodes rank by the
/// articles that mention them, then by their relations in `g` (so among equally
/// mentioned nodes the connected ones come first and the view shows structure),
/// then by IRI, so the cut is the same on every request. Node and edge order is
/// kept.
pub(crate) fn overview(g: &mut PropertyGraph, per_type: usize) -> bool {
    let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &g.edges {
        *degree.entry(e.source.as_str()).or_default() += 1;
        *degree.entry(e.target.as_str()).or_default() += 1;
    }
    let mut by_type: BTreeMap<&str, Vec<&export::PgNode>> = BTreeMap::new();
    for n in &g.nodes {
        by_type.entry(n.ty.as_str()).or_default().push(n);
    }
    let mut keep: BTreeSet<String> = BTreeSet::new();
    for nodes in by_type.values_mut() {
        let degree_of = |id: &str| degree.get(id).copied().unwrap_or(0);
        nodes.sort_by(|a, b| {
            b.article_count
                .cmp(&a.article_count)
                .then_with(|| degree_of(&b.id).cmp(&degree_of(&a.id)))
                .then_with(|| a.id.cmp(&b.id))
        });
        keep.extend(nodes.iter().take(per_type).map(|n| n.id.clone()));
    }
    if keep.len() == g.nodes.len() {
        return false;
    }
    g.nodes.retain(|n| keep.contains(&n.id));
    g.edges
        .retain(|e| keep.contains(&e.source) && keep.contains(&e.target));
    true
}

/// The JSON answer for a parsed request.
pub(crate) fn answer(
    index: &GraphIndex,
    request: &GraphRequest,
) -> Result<serde_json::Value, GraphRequestError> {
    let mut graph = index.select(&request.filter)?;
    let matched = graph.nodes.len();
    let totals = type_counts(&graph);
    let (view, truncated) = match request.view {
        View::All { limit } => ("all", graph.truncate(limit)),
        View::Overview { per_type } => ("overview", overview(&mut graph, per_type)),
    };
    let mut value = export::cytoscape::to_value(&graph);
    let data = &mut value["data"];
    data["view"] = view.into();
    if let View::Overview { per_type } = request.view {
        data["per_type"] = per_type.into();
    }
    data["truncated"] = truncated.into();
    data["matched_nodes"] = matched.into();
    data["total_nodes"] = index.node_count().into();
    data["type_totals"] = serde_json::json!(totals);
    Ok(value)
}

fn refusal(e: &GraphRequestError) -> Reply {
    Reply::json(
        e.status(),
        &serde_json::json!({ "error": e.to_string(), "kind": e.kind() }),
    )
}

pub(super) fn graph_json(query_string: &str, state: &State) -> Reply {
    let request = match GraphRequest::parse(&decode_form(query_string)) {
        Ok(r) => r,
        Err(e) => return refusal(&e),
    };
    let index = match state.graph.get() {
        Some(i) => i.clone(),
        None => match GraphIndex::load(&state.store) {
            // Two first requests may both load; either copy is the same.
            Ok(i) => state.graph.get_or_init(|| Arc::new(i)).clone(),
            Err(e) => return refusal(&e.into()),
        },
    };
    match answer(&index, &request) {
        Ok(value) => Reply::json(200, &value).with("Cache-Control", "no-cache"),
        Err(e) => refusal(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::sample_store;
    use crate::export::{PgEdge, PgNode};

    const TYPES: [&str; 7] = [
        "Division",
        "Agency",
        "Company",
        "Organization",
        "Person",
        "Initiative",
        "Article",
    ];

    fn params(q: &str) -> Vec<(String, String)> {
        decode_form(q)
    }

    /// A graph much like a large store's: many well-mentioned divisions and
    /// agencies, people and initiatives mentioned less, and edges of every kind.
    fn big() -> PropertyGraph {
        let mut nodes = Vec::new();
        for (t, ty) in TYPES.iter().enumerate() {
            // Divisions and agencies are many and mentioned often; the rest rarely.
            let (count, weight) = if t < 2 { (300, 50) } else { (40, 2) };
            for i in 0..count {
                nodes.push(PgNode {
                    id: format!("https://zhengqi.dev/id/{}/{i:03}", ty.to_lowercase()),
                    label: format!("{ty}{i}"),
                    ty: ty.to_string(),
                    level: None,
                    code: None,
                    roles: vec![],
                    article_count: if *ty == "Article" {
                        1
                    } else {
                        weight + (i * 7) % 5
                    },
                });
            }
        }
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        let mut edges = Vec::new();
        for (i, n) in nodes.iter().enumerate() {
            let m = &nodes[(i * 31 + 17) % nodes.len()];
            if m.id != n.id {
                edges.push(PgEdge {
                    source: n.id.clone(),
                    target: m.id.clone(),
                    predicate: "locatedIn".into(),
                    article_count: 1,
                });
            }
        }
        edges.sort_by(|a, b| {
            (&a.source, &a.predicate, &a.target).cmp(&(&b.source, &b.predicate, &b.target))
        });
        PropertyGraph { nodes, edges }
    }

    #[test]
    fn overview_keeps_each_types_best_and_only_their_edges() {
        let full = big();
        let mut g = full.clone();
        assert!(overview(&mut g, 10));
        // Balanced: ten of each type, though a cut by mentions would keep only
        // divisions and agencies.
        let counts = type_counts(&g);
        assert_eq!(counts.len(), 7, "{counts:?}");
        assert!(counts.values().all(|&c| c == 10), "{counts:?}");
        let mut by_mentions = full.clone();
        by_mentions.truncate(70);
        assert_eq!(type_counts(&by_mentions).len(), 2);
        // Each type's kept nodes are mentioned at least as often as its dropped ones.
        for ty in TYPES {
            let kept_min = g
                .nodes
                .iter()
                .filter(|n| n.ty == ty)
                .map(|n| n.article_count)
                .min();
            let kept: BTreeSet<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
            let dropped_max = full
                .nodes
                .iter()
                .filter(|n| n.ty == ty && !kept.contains(n.id.as_str()))
                .map(|n| n.article_count)
                .max();
            assert!(kept_min >= dropped_max, "{ty}");
        }
        // Edges only between kept nodes, and every such edge of the full graph.
        let kept: BTreeSet<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
        assert!(
            g.edges
                .iter()
                .all(|e| kept.contains(e.source.as_str()) && kept.contains(e.target.as_str()))
        );
        let between = full
            .edges
            .iter()
            .filter(|e| kept.contains(e.source.as_str()) && kept.contains(e.target.as_str()))
            .count();
        assert_eq!(g.edges.len(), between);
        // Still sorted as the writers expect.
        assert!(g.nodes.windows(2).all(|w| w[0].id < w[1].id));
    }

    #[test]
    fn overview_is_deterministic_and_bounded() {
        let full = big();
        let mut a = full.clone();
        overview(&mut a, 25);
        // The same cut from the same nodes in another order.
        let mut shuffled = full.clone();
        shuffled.nodes.reverse();
        shuffled.edges.reverse();
        overview(&mut shuffled, 25);
        shuffled.nodes.sort_by(|x, y| x.id.cmp(&y.id));
        assert_eq!(
            a.nodes.iter().map(|n| &n.id).collect::<Vec<_>>(),
            shuffled.nodes.iter().map(|n| &n.id).collect::<Vec<_>>()
        );
        for per_type in [1, 3, 40, 1000] {
            let mut g = full.clone();
            overview(&mut g, per_type);
            assert!(g.nodes.len() <= 7 * per_type);
        }
        // Nothing to cut: nothing changes, and it says so.
        let mut all = full.clone();
        assert!(!overview(&mut all, 300));
        assert_eq!(all, full);
    }

    #[test]
    fn overview_ranks_ties_by_relations_then_iri() {
        let node = |id: &str| PgNode {
            id: id.to_string(),
            label: id.to_string(),
            ty: "Initiative".into(),
            level: None,
            code: None,
            roles: vec![],
            article_count: 1,
        };
        let mut g = PropertyGraph {
            nodes: ["a", "b", "c", "d"].map(node).to_vec(),
            edges: vec![PgEdge {
                source: "c".into(),
                target: "d".into(),
                predicate: "partOf".into(),
                article_count: 1,
            }],
        };
        overview(&mut g, 2);
        let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["c", "d"]);
        assert_eq!(g.edges.len(), 1);
        let mut g = PropertyGraph {
            nodes: ["b", "a", "c"].map(node).to_vec(),
            edges: vec![],
        };
        overview(&mut g, 2);
        let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"], "order kept, ties by IRI");
    }

    #[test]
    fn requests_parse_with_bounds() {
        let r = GraphRequest::parse(&params("view=overview")).unwrap();
        assert_eq!(r.view, View::Overview { per_type: PER_TYPE });
        let r = GraphRequest::parse(&params("view=overview&per_type=100000")).unwrap();
        assert_eq!(
            r.view,
            View::Overview {
                per_type: PER_TYPE_MAX
            }
        );
        let r = GraphRequest::parse(&params("view=overview&per_type=0")).unwrap();
        assert_eq!(r.view, View::Overview { per_type: 1 });
        let r = GraphRequest::parse(&params("limit=9999999&depth=99&type=Person&type=")).unwrap();
        assert_eq!(
            r.view,
            View::All {
                limit: GRAPH_LIMIT_MAX
            }
        );
        assert_eq!(r.filter.depth, MAX_DEPTH);
        assert_eq!(r.filter.types, ["Person"]);
        let e = GraphRequest::parse(&params("view=overview&per_type=many")).unwrap_err();
        assert_eq!((e.kind(), e.status()), ("bad_number", 400));
        let e = GraphRequest::parse(&params("view=hairball")).unwrap_err();
        assert_eq!((e.kind(), e.status()), ("unknown_view", 400));
    }

    #[test]
    fn answers_carry_the_view_and_counts() {
        let index = GraphIndex::load(&sample_store()).unwrap();
        let ask = |q: &str| answer(&index, &GraphRequest::parse(&params(q)).unwrap());
        let v = ask("view=overview&per_type=1").unwrap();
        assert_eq!(v["data"]["view"], "overview");
        assert_eq!(v["data"]["per_type"], 1);
        assert_eq!(v["data"]["truncated"], true);
        assert_eq!(v["data"]["matched_nodes"], 6);
        assert_eq!(v["data"]["total_nodes"], 6);
        assert_eq!(
            v["data"]["type_totals"],
            serde_json::json!({"Agency": 1, "Article": 2, "Division": 1, "Person": 2})
        );
        let labels: Vec<&str> = v["elements"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["data"]["label"].as_str().unwrap())
            .collect();
        // One per type: the article with an author (a relation breaks the tie) and,
        // of two people each with one mention and one relation, the first by IRI.
        assert_eq!(
            labels,
            ["海宁市市场监督管理局", "海宁优化营商环境", "海宁市", "张三"]
        );
        let all = ask("").unwrap();
        assert_eq!(all["data"]["view"], "all");
        assert_eq!(all["data"]["truncated"], false);
        assert_eq!(all["elements"]["nodes"].as_array().unwrap().len(), 6);
        let e = ask("around=nobody").unwrap_err();
        assert_eq!((e.kind(), e.status()), ("no_match", 404));
        let e = ask("type=Town").unwrap_err();
        assert_eq!((e.kind(), e.status()), ("unknown_type", 400));
        let e = ask("article=nope/1").unwrap_err();
        assert_eq!((e.kind(), e.status()), ("no_article", 404));
    }
}
