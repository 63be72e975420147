//! The full network read from the store and the filter that cuts it down: the five
//! queries that load entities, names, mentions and relations (`GraphIndex::load`),
//! the resolution of a name to nodes, neighbourhoods, and the selection by type,
//! neighbourhood and article. It reads the store only through SPARQL, so it sees
//! what any other client sees; writing the result is the writers' business.

use super::{ExportError, Filter, PgEdge, PgNode, PropertyGraph};
use crate::model::{EntityType, Predicate};
use crate::rdf::{self, Term};
use crate::store::{QueryOutput, Store};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// The full network with what filtering needs besides it (aliases, which articles
/// mention each node, which articles support each edge). The endpoint loads it once
/// and filters it per request, since its store never changes while it serves.
#[derive(Debug, Clone, Default)]
pub struct GraphIndex {
    nodes: BTreeMap<String, PgNode>,
    /// Alternative names per node.
    alt: BTreeMap<String, BTreeSet<String>>,
    /// Articles that mention each node.
    mentioned: BTreeMap<String, BTreeSet<String>>,
    /// (source, predicate, target) → articles with a statement for it.
    edges: BTreeMap<(String, String, String), BTreeSet<String>>,
}

/// The seven top-level type names, in the order used to break ties.
fn top_types() -> impl Iterator<Item = &'static str> {
    EntityType::ALL.into_iter().map(EntityType::name)
}

/// Canonical spelling of a type name given by a user (`person` → `Person`).
pub fn parse_type(name: &str) -> Result<&'static str, ExportError> {
    top_types()
        .find(|t| t.eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| ExportError::UnknownType(name.to_string()))
}

fn values(iris: impl Iterator<Item = String>) -> String {
    iris.map(|i| format!("<{i}>")).collect::<Vec<_>>().join(" ")
}

fn select_rows(store: &Store, sparql: &str) -> Result<Vec<Vec<Option<Term>>>, ExportError> {
    match store.query(sparql, None)? {
        QueryOutput::Solutions { rows, .. } => Ok(rows),
        other => Err(ExportError::Unexpected(format!(
            "expected solutions, got {other:?}"
        ))),
    }
}

fn cell(row: &[Option<Term>], i: usize) -> Option<&str> {
    row.get(i).and_then(Option::as_ref).map(Term::value)
}

/// The last path segment of an IRI, a label of last resort.
fn local_name(iri: &str) -> &str {
    iri.rsplit(['/', '#']).next().unwrap_or(iri)
}

impl GraphIndex {
    /// Reads entities, labels, mentions, relations and their statements, in five
    /// queries whose answers are joined here (one big join in SPARQL would repeat
    /// every label once per article and relation).
    pub fn load(store: &Store) -> Result<GraphIndex, ExportError> {
        let zq = rdf::ZQ;
        let tops = values(top_types().map(rdf::zq));
        // Subclasses come from the ontology graph; instances also carry their
        // top-level type, so a store without the ontology still exports.
        let mut up: BTreeMap<String, &'static str> = top_types().map(|t| (rdf::zq(t), t)).collect();
        for row in select_rows(
            store,
            &format!(
                "SELECT DISTINCT ?c ?top WHERE {{ VALUES ?top {{ {tops} }} ?c rdfs:subClassOf+ ?top }}"
            ),
        )? {
            if let (Some(c), Some(top)) = (cell(&row, 0), cell(&row, 1))
                && let Some(t) = top_types().find(|t| rdf::zq(t) == top)
            {
                up.entry(c.to_string()).or_insert(t);
            }
        }
        let rank = |t: &str| top_types().position(|x| x == t).unwrap_or(usize::MAX);
        let mut types: BTreeMap<String, &'static str> = BTreeMap::new();
        for row in select_rows(
            store,
            // Mentions and statements are most of the store; leave them out early.
            &format!(
                "SELECT DISTINCT ?n ?c WHERE {{ ?n a ?c . FILTER(isIRI(?n) && STRSTARTS(STR(?c), \"{zq}\") \
                 && ?c NOT IN (zq:Mention, zq:Statement, zq:Page)) }}"
            ),
        )? {
            let (Some(n), Some(c)) = (cell(&row, 0), cell(&row, 1)) else {
                continue;
            };
            if let Some(&t) = up.get(c) {
                // A node typed twice (relinked between builds) gets the first type in
                // the fixed order, so the choice does not depend on query order.
                let slot = types.entry(n.to_string()).or_insert(t);
                if rank(t) < rank(slot) {
                    *slot = t;
                }
            }
        }

        let mut index = GraphIndex::default();
        let mut pref: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        let mut title: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        let mut label: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        let mut level: BTreeMap<&str, String> = BTreeMap::new();
        let mut code: BTreeMap<&str, String> = BTreeMap::new();
        let mut roles: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        let props = [
            rdf::SKOS_PREF.to_string(),
            rdf::SKOS_ALT.to_string(),
            rdf::DCT_TITLE.to_string(),
            rdf::RDFS_LABEL.to_string(),
            rdf::zq("divisionCode"),
            rdf::zq("level"),
            rdf::zq("role"),
        ];
        let rows = select_rows(
            store,
            &format!(
                "SELECT DISTINCT ?n ?p ?v WHERE {{ VALUES ?p {{ {} }} ?n ?p ?v . FILTER(isIRI(?n)) }}",
                values(props.iter().cloned())
            ),
        )?;
        for row in &rows {
            let (Some(n), Some(p), Some(v)) = (cell(row, 0), cell(row, 1), cell(row, 2)) else {
                continue;
            };
            let Some((n, _)) = types.get_key_value(n) else {
                continue;
            };
            let n = n.as_str();
            let v = v.to_string();
            match p {
                _ if p == props[0] => {
                    pref.entry(n).or_default().insert(v);
                }
                _ if p == props[1] => {
                    index.alt.entry(n.to_string()).or_default().insert(v);
                }
                _ if p == props[2] => {
                    title.entry(n).or_default().insert(v);
                }
                _ if p == props[3] => {
                    label.entry(n).or_default().insert(v);
                }
                // Functional in the ontology; the smallest wins if a store disagrees.
                _ if p == props[4] => keep_min(code.entry(n).or_insert_with(|| v.clone()), v),
                _ if p == props[5] => keep_min(level.entry(n).or_insert_with(|| v.clone()), v),
                _ => {
                    roles.entry(n).or_default().insert(v);
                }
            }
        }

        for row in select_rows(
            store,
            "SELECT DISTINCT ?n ?a WHERE { ?n zq:mentionedIn ?a . FILTER(isIRI(?n)) }",
        )? {
            if let (Some(n), Some(a)) = (cell(&row, 0), cell(&row, 1))
                && types.contains_key(n)
            {
                index
                    .mentioned
                    .entry(n.to_string())
                    .or_default()
                    .insert(a.to_string());
            }
        }

        for (id, &ty) in &types {
            let n = id.as_str();
            let first = |m: &BTreeMap<&str, BTreeSet<String>>| {
                m.get(n).and_then(|s| s.iter().next().cloned())
            };
            let name = first(&pref)
                .or_else(|| first(&title))
                .or_else(|| first(&label))
                .unwrap_or_else(|| local_name(n).to_string());
            let article_count = if ty == EntityType::Article.name() {
                1
            } else {
                index.mentioned.get(n).map_or(0, BTreeSet::len)
            };
            index.nodes.insert(
                id.clone(),
                PgNode {
                    id: id.clone(),
                    label: name,
                    ty: ty.to_string(),
                    level: level.get(n).cloned(),
                    code: code.get(n).cloned(),
                    roles: roles
                        .get(n)
                        .map(|r| r.iter().cloned().collect())
                        .unwrap_or_default(),
                    article_count,
                },
            );
        }

        let preds: BTreeMap<String, &'static str> = Predicate::ALL
            .into_iter()
            .map(Predicate::name)
            .chain(["supervises"])
            .map(|p| (rdf::zq(p), p))
            .collect();
        let pvalues = values(preds.keys().cloned());
        // Edges are the direct triples; statements only say which articles support
        // them. A statement never creates an edge: one whose triple is missing (or
        // that mixes two relations' ends) would otherwise add edges nobody asserted.
        let key = |row: &[Option<Term>]| -> Option<(String, String, String)> {
            let (s, p, o) = (cell(row, 0)?, cell(row, 1)?, cell(row, 2)?);
            let p = preds.get(p)?;
            Some((s.to_string(), p.to_string(), o.to_string()))
        };
        for row in select_rows(
            store,
            &format!("SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {pvalues} }} ?s ?p ?o }}"),
        )? {
            if let Some(k) = key(&row)
                && index.nodes.contains_key(&k.0)
                && index.nodes.contains_key(&k.2)
            {
                index.edges.entry(k).or_default();
            }
        }
        for row in select_rows(
            store,
            // The articles behind a relation are those whose graphs state it.
            &format!(
                "SELECT DISTINCT ?s ?p ?o ?a WHERE {{ VALUES ?p {{ {pvalues} }} \
                 GRAPH ?g {{ ?s ?p ?o . ?a a zq:Article }} }}"
            ),
        )? {
            if let (Some(k), Some(a)) = (key(&row), cell(&row, 3))
                && let Some(articles) = index.edges.get_mut(&k)
            {
                articles.insert(a.to_string());
            }
        }
        Ok(index)
    }

    /// Number of nodes before filtering.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// The nodes whose IRI is `name`, else whose name or alias is `name`, else whose
    /// name or alias contains it.
    fn resolve(&self, name: &str) -> BTreeSet<&str> {
        let name = name.trim();
        if let Some((id, _)) = self.nodes.get_key_value(name) {
            return BTreeSet::from([id.as_str()]);
        }
        let names = |id: &str, n: &PgNode| -> Vec<String> {
            let mut v = vec![n.label.clone()];
            v.extend(self.alt.get(id).into_iter().flatten().cloned());
            v
        };
        let exact: BTreeSet<&str> = self
            .nodes
            .iter()
            .filter(|(id, n)| names(id, n).iter().any(|l| l == name))
            .map(|(id, _)| id.as_str())
            .collect();
        if !exact.is_empty() || name.is_empty() {
            return exact;
        }
        self.nodes
            .iter()
            .filter(|(id, n)| names(id, n).iter().any(|l| l.contains(name)))
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// Applies a filter; the result is sorted.
    pub fn select(&self, filter: &Filter) -> Result<PropertyGraph, ExportError> {
        let mut types: BTreeSet<&str> = BTreeSet::new();
        for t in filter.types.iter().flat_map(|t| t.split(',')) {
            if !t.trim().is_empty() {
                types.insert(parse_type(t)?);
            }
        }
        let article = match &filter.article {
            None => None,
            Some(a) => {
                let a = a.trim();
                let iri = if a.starts_with("http://") || a.starts_with("https://") {
                    a.to_string()
                } else {
                    rdf::article_iri(a)
                };
                let known = self.nodes.contains_key(&iri)
                    || self.mentioned.values().any(|s| s.contains(&iri));
                if !known {
                    return Err(ExportError::NoArticle(a.to_string()));
                }
                Some(iri)
            }
        };
        let near = match &filter.around {
            None => None,
            Some(name) => {
                let seeds = self.resolve(name);
                if seeds.is_empty() {
                    return Err(ExportError::NoMatch(name.clone()));
                }
                Some(self.neighbourhood(seeds, filter.depth))
            }
        };
        let keep = |n: &PgNode| {
            (types.is_empty() || types.contains(n.ty.as_str()))
                && near.as_ref().is_none_or(|s| s.contains(n.id.as_str()))
                && article.as_ref().is_none_or(|a| {
                    &n.id == a || self.mentioned.get(&n.id).is_some_and(|m| m.contains(a))
                })
        };
        let nodes: Vec<PgNode> = self.nodes.values().filter(|n| keep(n)).cloned().collect();
        let kept: BTreeSet<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
        let edges = self
            .edges
            .iter()
            .filter(|((s, _, o), arts)| {
                kept.contains(s.as_str())
                    && kept.contains(o.as_str())
                    && article.as_ref().is_none_or(|a| arts.contains(a) || s == a)
            })
            .map(|((s, p, o), arts)| PgEdge {
                source: s.clone(),
                target: o.clone(),
                predicate: p.clone(),
                article_count: if p == Predicate::Author.name() {
                    1
                } else {
                    arts.len()
                },
            })
            .collect();
        Ok(PropertyGraph { nodes, edges })
    }

    /// Nodes within `depth` hops of `seeds`, edges taken in either direction and
    /// through nodes of any type (the type filter applies afterwards, so "people near
    /// 海宁市" finds people linked through agencies).
    fn neighbourhood<'a>(&'a self, seeds: BTreeSet<&'a str>, depth: usize) -> BTreeSet<&'a str> {
        let mut adj: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (s, _, o) in self.edges.keys() {
            adj.entry(s).or_default().push(o);
            adj.entry(o).or_default().push(s);
        }
        let mut seen = seeds.clone();
        let mut queue: VecDeque<(&str, usize)> = seeds.into_iter().map(|s| (s, 0)).collect();
        while let Some((n, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            for &m in adj.get(n).into_iter().flatten() {
                if seen.insert(m) {
                    queue.push_back((m, d + 1));
                }
            }
        }
        seen
    }
}

fn keep_min(slot: &mut String, v: String) {
    if v < *slot {
        *slot = v;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample_store;
    use super::*;

    fn labels(g: &PropertyGraph) -> Vec<&str> {
        g.nodes.iter().map(|n| n.label.as_str()).collect()
    }

    #[test]
    fn reads_nodes_edges_and_counts_from_the_store() {
        let store = sample_store();
        let g = PropertyGraph::from_store(&store, &Filter::default()).unwrap();
        // Sorted by IRI: agency, article×2, division, person×2.
        assert_eq!(
            labels(&g),
            [
                "海宁市市场监督管理局",
                "海宁优化营商环境",
                "市场监管新举措",
                "海宁市",
                "张三",
                "李记者"
            ]
        );
        let hn = &g.nodes[3];
        assert_eq!(hn.ty, "Division", "County maps up to Division");
        assert_eq!(hn.level.as_deref(), Some("county"));
        assert_eq!(hn.code.as_deref(), Some("330481"));
        assert_eq!(hn.article_count, 2);
        assert_eq!(g.nodes[1].ty, "Article");
        assert_eq!(g.nodes[1].article_count, 1);
        assert_eq!(g.nodes[4].roles, ["局长"]);
        let edges: Vec<(&str, usize)> = g
            .edges
            .iter()
            .map(|e| (e.predicate.as_str(), e.article_count))
            .collect();
        assert_eq!(edges, [("locatedIn", 2), ("author", 1), ("worksFor", 1)]);
        let again = PropertyGraph::from_store(&store, &Filter::default()).unwrap();
        assert_eq!(g, again);
    }

    #[test]
    fn filters_by_type_neighbourhood_and_article() {
        let store = sample_store();
        let index = GraphIndex::load(&store).unwrap();
        let people = index
            .select(&Filter {
                types: vec!["person".into()],
                ..Filter::default()
            })
            .unwrap();
        assert_eq!(labels(&people), ["张三", "李记者"]);
        assert!(people.edges.is_empty());

        // An alias matches exactly; depth 1 from 海宁市 reaches only the agency.
        let near = index
            .select(&Filter {
                around: Some("海宁".into()),
                ..Filter::default()
            })
            .unwrap();
        assert_eq!(labels(&near), ["海宁市市场监督管理局", "海宁市"]);
        assert_eq!(near.edges.len(), 1);
        let far = index
            .select(&Filter {
                around: Some("海宁".into()),
                depth: 2,
                types: vec!["Person".into(), "Division".into()],
                ..Filter::default()
            })
            .unwrap();
        assert_eq!(labels(&far), ["海宁市", "张三"]);
        // Substring match when nothing matches exactly.
        let sub = index
            .select(&Filter {
                around: Some("监督管理".into()),
                depth: 0,
                ..Filter::default()
            })
            .unwrap();
        assert_eq!(labels(&sub), ["海宁市市场监督管理局"]);
        assert!(matches!(
            index.select(&Filter {
                around: Some("杭州".into()),
                ..Filter::default()
            }),
            Err(ExportError::NoMatch(_))
        ));

        let one = index
            .select(&Filter {
                article: Some("zjrb-1/1".into()),
                ..Filter::default()
            })
            .unwrap();
        assert_eq!(
            labels(&one),
            [
                "海宁市市场监督管理局",
                "海宁优化营商环境",
                "海宁市",
                "李记者"
            ]
        );
        let preds: Vec<(&str, usize)> = one
            .edges
            .iter()
            .map(|e| (e.predicate.as_str(), e.article_count))
            .collect();
        assert_eq!(preds, [("locatedIn", 2), ("author", 1)]);
        assert!(matches!(
            index.select(&Filter {
                article: Some("nope/9".into()),
                ..Filter::default()
            }),
            Err(ExportError::NoArticle(_))
        ));
        assert!(matches!(
            index.select(&Filter {
                types: vec!["Town".into()],
                ..Filter::default()
            }),
            Err(ExportError::UnknownType(_))
        ));
    }
}
