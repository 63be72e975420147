//! The in-memory knowledge graph of one build step: linked entities as nodes,
//! relations as edges, each carrying the article and character span that support it.
//! The only module that uses petgraph. It stores what `link` decided; it does not
//! decide anything itself and knows nothing of RDF.

use crate::model::{EntityType, Level, Predicate, Span};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Opaque handle of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(NodeIndex);

/// Where a node was named.
#[derive(Debug, Clone)]
pub struct MentionRef {
    pub article: usize,
    pub span: Span,
    pub text: String,
    pub rule: &'static str,
}

/// What supports an edge.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub article: usize,
    pub span: Span,
    pub text: String,
    pub rule: &'static str,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub ty: EntityType,
    /// The stable part of the IRI: a division code, or the canonical name.
    pub key: String,
    /// Canonical name.
    pub name: String,
    /// Ontology subclass, when the extractor knows one (`County`, `Bank`, `Platform`).
    pub class: Option<&'static str>,
    pub level: Option<Level>,
    pub code: Option<String>,
    /// Other names, per article that used them.
    pub aliases: BTreeMap<usize, BTreeSet<String>>,
    /// Posts held, per article that stated them.
    pub roles: BTreeMap<usize, BTreeSet<String>>,
    pub mentions: Vec<MentionRef>,
}

impl Node {
    pub fn key_segment(&self) -> String {
        self.key.clone()
    }
}

#[derive(Debug, Clone)]
pub struct Edge {
    pub predicate: Predicate,
    pub evidence: Vec<Evidence>,
}

/// Metadata of an article, as the RDF mapping needs it.
#[derive(Debug, Clone)]
pub struct ArticleMeta {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub paper: Option<String>,
    pub source: String,
    pub doc_id: String,
    pub doc_title: Option<String>,
    pub page_number: Option<String>,
    pub page_name: Option<String>,
}

/// A description of a node to create or find.
pub struct NodeSpec<'a> {
    pub ty: EntityType,
    pub key: &'a str,
    pub name: &'a str,
    pub class: Option<&'static str>,
    pub level: Option<Level>,
    pub code: Option<&'a str>,
}

#[derive(Default)]
pub struct KnowledgeGraph {
    graph: DiGraph<Node, Edge>,
    index: HashMap<(EntityType, String), NodeIndex>,
    edges: HashMap<(NodeIndex, Predicate, NodeIndex), EdgeIndex>,
    pub articles: Vec<ArticleMeta>,
    article_nodes: Vec<BTreeSet<NodeIndex>>,
    /// Mentions and evidence already recorded (node or edge, article, span), so a
    /// repeat is found in constant time however often a name recurs.
    mentions_seen: HashSet<(NodeIndex, usize, Span)>,
    evidence_seen: HashSet<(EdgeIndex, usize, Span)>,
}

impl KnowledgeGraph {
    pub fn new() -> KnowledgeGraph {
        KnowledgeGraph::default()
    }

    pub fn add_article(&mut self, meta: ArticleMeta) -> usize {
        self.articles.push(meta);
        self.article_nodes.push(BTreeSet::new());
        self.articles.len() - 1
    }

    /// Finds the node with this type and key, or creates it; either way the node is
    /// recorded as belonging to `article`.
    pub fn upsert(&mut self, article: usize, spec: NodeSpec<'_>) -> NodeId {
        let k = (spec.ty, spec.key.to_string());
        let ix = match self.index.get(&k) {
            Some(&ix) => {
                let n = &mut self.graph[ix];
                if n.class.is_none() {
                    n.class = spec.class;
                }
                ix
            }
            None => {
                let ix = self.graph.add_node(Node {
                    ty: spec.ty,
                    key: spec.key.to_string(),
                    name: spec.name.to_string(),
                    class: spec.class,
                    level: spec.level,
                    code: spec.code.map(str::to_string),
                    aliases: BTreeMap::new(),
                    roles: BTreeMap::new(),
                    mentions: Vec::new(),
                });
                self.index.insert(k, ix);
                ix
            }
        };
        self.article_nodes[article].insert(ix);
        NodeId(ix)
    }

    pub fn find(&self, ty: EntityType, key: &str) -> Option<NodeId> {
        self.index.get(&(ty, key.to_string())).copied().map(NodeId)
    }

    pub fn add_alias(&mut self, id: NodeId, article: usize, alias: &str) {
        let alias = alias.trim();
        if alias.is_empty() {
            return;
        }
        self.graph[id.0]
            .aliases
            .entry(article)
            .or_default()
            .insert(alias.to_string());
    }

    pub fn add_role(&mut self, id: NodeId, article: usize, role: &str) {
        self.graph[id.0]
            .roles
            .entry(article)
            .or_default()
            .insert(role.to_string());
    }

    pub fn add_mention(&mut self, id: NodeId, mention: MentionRef) {
        if self
            .mentions_seen
            .insert((id.0, mention.article, mention.span))
        {
            self.graph[id.0].mentions.push(mention);
        }
    }

    /// States `s p o` with its evidence; a second statement of the same triple adds
    /// evidence rather than an edge.
    pub fn relate(&mut self, s: NodeId, p: Predicate, o: NodeId, evidence: Evidence) {
        if s == o {
            return;
        }
        let ix = match self.edges.get(&(s.0, p, o.0)) {
            Some(&ix) => ix,
            None => {
                let ix = self.graph.add_edge(
                    s.0,
                    o.0,
                    Edge {
                        predicate: p,
                        evidence: Vec::new(),
                    },
                );
                self.edges.insert((s.0, p, o.0), ix);
                ix
            }
        };
        if self
            .evidence_seen
            .insert((ix, evidence.article, evidence.span))
        {
            self.graph[ix].evidence.push(evidence);
        }
    }

    pub fn has_edge(&self, s: NodeId, p: Predicate, o: NodeId) -> bool {
        self.edges.contains_key(&(s.0, p, o.0))
    }

    /// Objects of `s p ?o`, in creation order.
    pub fn objects(&self, s: NodeId, p: Predicate) -> Vec<NodeId> {
        let mut out: Vec<NodeId> = self
            .graph
            .edges(s.0)
            .filter(|e| e.weight().predicate == p)
            .map(|e| NodeId(e.target()))
            .collect();
        out.sort();
        out
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.graph[id.0]
    }

    pub fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.graph[id.0]
    }

    /// Nodes an article names or implies, in a stable order.
    pub fn nodes_of_article(&self, article: usize) -> Vec<NodeId> {
        let mut v: Vec<NodeId> = self.article_nodes[article]
            .iter()
            .map(|&i| NodeId(i))
            .collect();
        v.sort_by(|a, b| {
            let (x, y) = (self.node(*a), self.node(*b));
            (x.ty, &x.key).cmp(&(y.ty, &y.key))
        });
        v
    }

    /// Edges with evidence from an article, in a stable order.
    pub fn edges_of_article(&self, article: usize) -> Vec<(NodeId, Predicate, NodeId, &Edge)> {
        let mut v: Vec<(NodeId, Predicate, NodeId, &Edge)> = self
            .graph
            .edge_references()
            .filter(|e| e.weight().evidence.iter().any(|ev| ev.article == article))
            .map(|e| {
                (
                    NodeId(e.source()),
                    e.weight().predicate,
                    NodeId(e.target()),
                    e.weight(),
                )
            })
            .collect();
        v.sort_by(|a, b| {
            let key = |t: &(NodeId, Predicate, NodeId, &Edge)| {
                let (s, o) = (self.node(t.0), self.node(t.2));
                (s.ty, s.key.clone(), t.1, o.ty, o.key.clone())
            };
            key(a).cmp(&key(b))
        });
        v
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Nodes per type.
    pub fn count_by_type(&self) -> BTreeMap<EntityType, usize> {
        let mut m = BTreeMap::new();
        for n in self.graph.node_weights() {
            *m.entry(n.ty).or_insert(0) += 1;
        }
        m
    }

    /// Edges per predicate.
    pub fn count_by_predicate(&self) -> BTreeMap<Predicate, usize> {
        let mut m = BTreeMap::new();
        for e in self.graph.edge_weights() {
            *m.entry(e.predicate).or_insert(0) += 1;
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: &str) -> ArticleMeta {
        ArticleMeta {
            id: id.into(),
            title: "t".into(),
            date: None,
            paper: None,
            source: "s".into(),
            doc_id: "d".into(),
            doc_title: None,
            page_number: None,
            page_name: None,
        }
    }

    fn spec(key: &str) -> NodeSpec<'_> {
        NodeSpec {
            ty: EntityType::Company,
            key,
            name: key,
            class: None,
            level: None,
            code: None,
        }
    }

    #[test]
    fn upsert_merges_by_type_and_key() {
        let mut g = KnowledgeGraph::new();
        let a = g.add_article(meta("a"));
        let b = g.add_article(meta("b"));
        let x = g.upsert(a, spec("甲公司"));
        let y = g.upsert(b, spec("甲公司"));
        assert_eq!(x, y);
        assert_eq!(g.node_count(), 1);
        assert_eq!(g.nodes_of_article(b), vec![x]);
    }

    #[test]
    fn relate_collects_evidence_once_per_span() {
        let mut g = KnowledgeGraph::new();
        let a = g.add_article(meta("a"));
        let x = g.upsert(a, spec("甲"));
        let y = g.upsert(a, spec("乙"));
        let ev = Evidence {
            article: a,
            span: Span::new(0, 2),
            text: "甲乙".into(),
            rule: "test",
        };
        g.relate(x, Predicate::LocatedIn, y, ev.clone());
        g.relate(x, Predicate::LocatedIn, y, ev);
        let edges = g.edges_of_article(a);
        assert_eq!(edges.len(), 1);
        assert_eq!(edges[0].3.evidence.len(), 1);
        assert_eq!(g.objects(x, Predicate::LocatedIn), vec![y]);
    }
}
