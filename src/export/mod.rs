//! Exports of the knowledge graph for graph tools: the property-graph view of the
//! store (entities as nodes, the direct relation triples as edges, article counts as
//! weights), the filter that cuts it down (types, a neighbourhood, one article) and
//! one writer per format (GraphML for yEd and networkx, GEXF for Gephi, DOT for
//! Graphviz, Cytoscape.js JSON, CSV for `neo4j-admin database import`).
//!
//! It reads the store only through SPARQL (`Store::query`), so it sees exactly what
//! any other client of the store sees. Mentions, statements and pages are provenance:
//! they feed the article counts but never become nodes.

mod csv;
pub mod cytoscape;
mod dot;
mod gexf;
mod graphml;

use crate::model::{EntityType, Predicate};
use crate::rdf::{self, Term};
use crate::store::{QueryOutput, Store, StoreError};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use thiserror::Error;

/// A node of the exported network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgNode {
    /// The entity's IRI.
    pub id: String,
    /// Canonical name (`skos:prefLabel`; an article's headline).
    pub label: String,
    /// One of the seven top-level type names (`Division` … `Article`).
    pub ty: String,
    pub level: Option<String>,
    pub code: Option<String>,
    /// Posts a person holds, sorted.
    pub roles: Vec<String>,
    /// Distinct articles that mention the node (1 for an article).
    pub article_count: usize,
}

/// An edge of the exported network: one direct relation triple.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgEdge {
    pub source: String,
    pub target: String,
    /// Local name of the zq: property (`partOf`, `worksFor`, …).
    pub predicate: String,
    /// Distinct articles with a statement for this edge (1 for `author`).
    pub article_count: usize,
}

/// Nodes sorted by id, edges by (source, predicate, target), so equal stores export
/// to equal files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PropertyGraph {
    pub nodes: Vec<PgNode>,
    pub edges: Vec<PgEdge>,
}

/// What to keep of the network. All conditions must hold for a node; an edge is kept
/// only when both its ends are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// Node types to keep (case-insensitive; empty keeps all).
    pub types: Vec<String>,
    /// Keep the neighbourhood of the nodes with this IRI or name (prefLabel or
    /// altLabel; exact matches first, substrings only when nothing matches exactly).
    pub around: Option<String>,
    /// Hops from `around`, following edges in either direction.
    pub depth: usize,
    /// Keep the nodes an article mentions and the edges its statements support; an
    /// article id such as `zjrb-20230417-13/2` or a full IRI.
    pub article: Option<String>,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            types: Vec::new(),
            around: None,
            depth: 1,
            article: None,
        }
    }
}

#[derive(Debug, Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{path}: {source}")]
    File {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error("unknown graph format {0:?} (expected graphml, gexf, dot, cytoscape or csv)")]
    UnknownFormat(String),
    #[error(
        "unknown node type {0:?} (expected Division, Agency, Company, Organization, Person, Initiative or Article)"
    )]
    UnknownType(String),
    #[error("no node is named {0:?} (tried IRIs, names and aliases, then parts of names)")]
    NoMatch(String),
    #[error("no article {0:?} in the store")]
    NoArticle(String),
    #[error(
        "csv export writes two files (nodes.csv and relationships.csv): give an output directory with -o"
    )]
    CsvNeedsOutput,
    #[error("unexpected answer from the store: {0}")]
    Unexpected(String),
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    GraphMl,
    Gexf,
    Dot,
    Cytoscape,
    Csv,
}

impl GraphFormat {
    pub const ALL: [GraphFormat; 5] = [
        GraphFormat::GraphMl,
        GraphFormat::Gexf,
        GraphFormat::Dot,
        GraphFormat::Cytoscape,
        GraphFormat::Csv,
    ];

    /// Parses a format name (case-insensitive; a few common aliases are accepted).
    pub fn parse(s: &str) -> Result<GraphFormat, ExportError> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "graphml" => GraphFormat::GraphMl,
            "gexf" => GraphFormat::Gexf,
            "dot" | "gv" | "graphviz" => GraphFormat::Dot,
            "cytoscape" | "cyjs" | "cytoscape.js" | "json" => GraphFormat::Cytoscape,
            "csv" | "neo4j" => GraphFormat::Csv,
            _ => return Err(ExportError::UnknownFormat(s.to_string())),
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            GraphFormat::GraphMl => "graphml",
            GraphFormat::Gexf => "gexf",
            GraphFormat::Dot => "dot",
            GraphFormat::Cytoscape => "cytoscape",
            GraphFormat::Csv => "csv",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            GraphFormat::GraphMl => "graphml",
            GraphFormat::Gexf => "gexf",
            GraphFormat::Dot => "dot",
            GraphFormat::Cytoscape => "cyjs",
            GraphFormat::Csv => "csv",
        }
    }
}

impl FromStr for GraphFormat {
    type Err = ExportError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        GraphFormat::parse(s)
    }
}

impl std::fmt::Display for GraphFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Reads the network from `store`, filters it and writes it in `format` to `out`
/// (standard output when `None`). CSV needs `out`: a directory that receives
/// `nodes.csv` and `relationships.csv`, or a file prefix (`out/kg.csv` gives
/// `out/kg.nodes.csv` and `out/kg.relationships.csv`).
pub fn write_graph(
    store: &Store,
    format: GraphFormat,
    filter: &Filter,
    out: Option<&Path>,
) -> Result<(), ExportError> {
    // Checked first so a missing -o fails before any query runs.
    if format == GraphFormat::Csv && out.is_none() {
        return Err(ExportError::CsvNeedsOutput);
    }
    let graph = PropertyGraph::from_store(store, filter)?;
    match out {
        Some(path) if format == GraphFormat::Csv => csv::write_files(&graph, path).map(|_| ()),
        Some(path) => {
            let file_err = |source| ExportError::File {
                path: path.display().to_string(),
                source,
            };
            let mut w = BufWriter::new(fs::File::create(path).map_err(file_err)?);
            graph.write(format, &mut w)?;
            w.flush().map_err(file_err)?;
            // Cytoscape desktop takes its look from a style file of its own:
            // written beside the network as `<stem>.style.json`.
            if format == GraphFormat::Cytoscape {
                let style_path = path.with_extension("style.json");
                let style_err = |source| ExportError::File {
                    path: style_path.display().to_string(),
                    source,
                };
                let mut s = BufWriter::new(fs::File::create(&style_path).map_err(style_err)?);
                serde_json::to_writer_pretty(&mut s, &cytoscape::style_value())
                    .map_err(|e| style_err(e.into()))?;
                writeln!(s).map_err(style_err)?;
                s.flush().map_err(style_err)?;
            }
            Ok(())
        }
        None => {
            let stdout = io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            match graph.write(format, &mut w).and_then(|()| Ok(w.flush()?)) {
                // `zhengqi export … | head` closing the pipe early is not a failure.
                Err(ExportError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
    }
}

impl PropertyGraph {
    /// Reads the whole network from the store and applies `filter`.
    pub fn from_store(store: &Store, filter: &Filter) -> Result<PropertyGraph, ExportError> {
        GraphIndex::load(store)?.select(filter)
    }

    /// Writes the graph in one of the single-stream formats (CSV needs two files:
    /// use [`write_graph`] or [`PropertyGraph::write_csv`]).
    pub fn write(&self, format: GraphFormat, w: &mut dyn Write) -> Result<(), ExportError> {
        match format {
            GraphFormat::GraphMl => graphml::write(self, w)?,
            GraphFormat::Gexf => gexf::write(self, w)?,
            GraphFormat::Dot => dot::write(self, w)?,
            GraphFormat::Cytoscape => cytoscape::write(self, w)?,
            GraphFormat::Csv => return Err(ExportError::CsvNeedsOutput),
        }
        Ok(())
    }

    /// Writes the two Neo4j import files into a directory or next to a prefix and
    /// returns their paths (nodes first).
    pub fn write_csv(&self, out: &Path) -> Result<(PathBuf, PathBuf), ExportError> {
        csv::write_files(self, out)
    }

    /// Keeps the `max` nodes mentioned in most articles (ties by id) and the edges
    /// between them; the browser view uses it to stay responsive on large stores.
    pub fn truncate(&mut self, max: usize) -> bool {
        if self.nodes.len() <= max {
            return false;
        }
        let mut ranked: Vec<&PgNode> = self.nodes.iter().collect();
        ranked.sort_by(|a, b| b.article_count.cmp(&a.article_count).then(a.id.cmp(&b.id)));
        let keep: BTreeSet<String> = ranked[..max].iter().map(|n| n.id.clone()).collect();
        self.nodes.retain(|n| keep.contains(&n.id));
        self.edges
            .retain(|e| keep.contains(&e.source) && keep.contains(&e.target));
        true
    }
}

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
pub(crate) mod tests {
    use super::*;
    use crate::rdf::Quad;

    /// A small graph with awkward text: quotes, ampersands, commas, a newline.
    pub fn sample() -> PropertyGraph {
        let id = |s: &str| format!("https://zhengqi.dev/id/{s}");
        PropertyGraph {
            nodes: vec![
                PgNode {
                    id: id("agency/海宁市\"市场\"监管局"),
                    label: "海宁市\"市场\"监管局 & <分局>".into(),
                    ty: "Agency".into(),
                    level: None,
                    code: None,
                    roles: vec![],
                    article_count: 2,
                },
                PgNode {
                    id: id("division/330481"),
                    label: "海宁市".into(),
                    ty: "Division".into(),
                    level: Some("county".into()),
                    code: Some("330481".into()),
                    roles: vec![],
                    article_count: 3,
                },
                PgNode {
                    id: id("person/张三"),
                    label: "张三".into(),
                    ty: "Person".into(),
                    level: None,
                    code: None,
                    roles: vec!["局长, 党组书记".into(), "副市长\n(兼)".into()],
                    article_count: 1,
                },
            ],
            edges: vec![
                PgEdge {
                    source: id("agency/海宁市\"市场\"监管局"),
                    target: id("division/330481"),
                    predicate: "locatedIn".into(),
                    article_count: 2,
                },
                PgEdge {
                    source: id("person/张三"),
                    target: id("agency/海宁市\"市场\"监管局"),
                    predicate: "worksFor".into(),
                    article_count: 1,
                },
            ],
        }
    }

    #[test]
    fn formats_parse() {
        for f in GraphFormat::ALL {
            assert_eq!(GraphFormat::parse(f.name()).unwrap(), f);
        }
        assert_eq!(GraphFormat::parse("GraphML").unwrap(), GraphFormat::GraphMl);
        assert!(matches!(
            GraphFormat::parse("svg"),
            Err(ExportError::UnknownFormat(_))
        ));
    }

    #[test]
    fn xml_escaping_covers_markup_and_controls() {
        assert_eq!(
            xml_escape("a<b>&\"c'\u{1}\n"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;"
        );
    }

    #[test]
    fn truncate_keeps_the_most_mentioned() {
        let mut g = sample();
        assert!(g.truncate(2));
        let ids: Vec<&str> = g.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(ids, ["海宁市\"市场\"监管局 & <分局>", "海宁市"]);
        assert_eq!(g.edges.len(), 1);
        assert!(!g.truncate(5));
    }

    #[test]
    fn every_writer_is_deterministic() {
        let g = sample();
        for f in GraphFormat::ALL {
            if f == GraphFormat::Csv {
                continue;
            }
            let (mut a, mut b) = (Vec::new(), Vec::new());
            g.write(f, &mut a).unwrap();
            g.write(f, &mut b).unwrap();
            assert_eq!(a, b, "{f}");
            assert!(String::from_utf8(a).unwrap().contains("海宁市"), "{f}");
        }
        assert!(matches!(
            g.write(GraphFormat::Csv, &mut Vec::new()),
            Err(ExportError::CsvNeedsOutput)
        ));
    }

    fn iri(s: &str) -> Term {
        Term::Iri(format!("https://zhengqi.dev/id/{s}"))
    }

    fn q(s: Term, p: &str, o: Term) -> Quad {
        Quad {
            subject: s,
            predicate: p.to_string(),
            object: o,
        }
    }

    /// Two articles: the first names 海宁市 (a County) and its market regulator, which
    /// is located in it, with a reporter in the byline; the second names the
    /// regulator again and a person who works for it.
    pub fn sample_store() -> Store {
        let store = Store::memory().unwrap();
        store
            .replace_graph_with_turtle(rdf::ONTOLOGY_GRAPH, rdf::ONTOLOGY)
            .unwrap();
        let ty = rdf::RDF_TYPE;
        let zq = rdf::zq;
        let (a1, a2) = (iri("article/zjrb-1/1"), iri("article/zjrb-2/1"));
        let (hn, ju, zs, rep) = (
            iri("division/330481"),
            iri("agency/海宁市市场监督管理局"),
            iri("person/张三"),
            iri("person/李记者"),
        );
        let stmt = |n: &str, a: &Term, s: &Term, p: &str, o: &Term| {
            let st = Term::Iri(format!("{}/statement/{n}", a.value()));
            vec![
                q(st.clone(), ty, Term::Iri(zq("Statement"))),
                q(
                    st.clone(),
                    "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject",
                    s.clone(),
                ),
                q(
                    st.clone(),
                    "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate",
                    Term::Iri(zq(p)),
                ),
                q(
                    st.clone(),
                    "http://www.w3.org/1999/02/22-rdf-syntax-ns#object",
                    o.clone(),
                ),
                q(st, &zq("inArticle"), a.clone()),
            ]
        };
        let mut g1 = vec![
            q(a1.clone(), ty, Term::Iri(zq("Article"))),
            q(a1.clone(), rdf::DCT_TITLE, Term::zh("海宁优化营商环境")),
            q(a1.clone(), &zq("author"), rep.clone()),
            q(rep.clone(), ty, Term::Iri(zq("Person"))),
            q(rep.clone(), rdf::SKOS_PREF, Term::zh("李记者")),
            q(rep.clone(), &zq("mentionedIn"), a1.clone()),
            q(hn.clone(), ty, Term::Iri(zq("County"))),
            q(hn.clone(), rdf::SKOS_PREF, Term::zh("海宁市")),
            q(hn.clone(), rdf::SKOS_ALT, Term::zh("海宁")),
            q(hn.clone(), &zq("divisionCode"), Term::literal("330481")),
            q(hn.clone(), &zq("level"), Term::literal("county")),
            q(hn.clone(), &zq("mentionedIn"), a1.clone()),
            q(ju.clone(), ty, Term::Iri(zq("Agency"))),
            q(ju.clone(), rdf::SKOS_PREF, Term::zh("海宁市市场监督管理局")),
            q(ju.clone(), &zq("mentionedIn"), a1.clone()),
            q(ju.clone(), &zq("locatedIn"), hn.clone()),
        ];
        g1.extend(stmt("locatedIn-0-5", &a1, &ju, "locatedIn", &hn));
        g1.extend(stmt("author-0-3", &a1, &a1, "author", &rep));
        let mut g2 = vec![
            q(a2.clone(), ty, Term::Iri(zq("Article"))),
            q(a2.clone(), rdf::DCT_TITLE, Term::zh("市场监管新举措")),
            q(ju.clone(), ty, Term::Iri(zq("Agency"))),
            q(ju.clone(), rdf::SKOS_PREF, Term::zh("海宁市市场监督管理局")),
            q(ju.clone(), rdf::SKOS_ALT, Term::zh("市市场监管局")),
            q(ju.clone(), &zq("mentionedIn"), a2.clone()),
            q(ju.clone(), &zq("locatedIn"), hn.clone()),
            q(hn.clone(), ty, Term::Iri(zq("Division"))),
            q(hn.clone(), rdf::SKOS_PREF, Term::zh("海宁市")),
            q(hn.clone(), &zq("mentionedIn"), a2.clone()),
            q(zs.clone(), ty, Term::Iri(zq("Person"))),
            q(zs.clone(), rdf::SKOS_PREF, Term::zh("张三")),
            q(zs.clone(), &zq("role"), Term::zh("局长")),
            q(zs.clone(), &zq("mentionedIn"), a2.clone()),
            q(zs.clone(), &zq("worksFor"), ju.clone()),
        ];
        g2.extend(stmt("locatedIn-9-20", &a2, &ju, "locatedIn", &hn));
        g2.extend(stmt("worksFor-30-40", &a2, &zs, "worksFor", &ju));
        // A statement without its triple (as when two relations' statements collide
        // on one IRI): it must not become an edge.
        g2.extend(stmt("partOf-0-2", &a2, &hn, "partOf", &hn));
        store
            .replace_graph("https://zhengqi.dev/graph/article/zjrb-1/1", &g1)
            .unwrap();
        store
            .replace_graph("https://zhengqi.dev/graph/article/zjrb-2/1", &g2)
            .unwrap();
        store
    }

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

    #[test]
    fn write_graph_needs_a_directory_for_csv_and_writes_files() {
        let store = sample_store();
        assert!(matches!(
            write_graph(&store, GraphFormat::Csv, &Filter::default(), None),
            Err(ExportError::CsvNeedsOutput)
        ));
        let dir = std::env::temp_dir().join(format!("zq-export-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        write_graph(&store, GraphFormat::Csv, &Filter::default(), Some(&dir)).unwrap();
        let nodes = fs::read_to_string(dir.join("nodes.csv")).unwrap();
        assert!(
            nodes.starts_with("id:ID,name,:LABEL,level,code,roles:string[],articleCount:int\n")
        );
        assert_eq!(nodes.lines().count(), 7);
        let rels = fs::read_to_string(dir.join("relationships.csv")).unwrap();
        assert_eq!(rels.lines().count(), 4);
        let gexf = dir.join("kg.gexf");
        write_graph(&store, GraphFormat::Gexf, &Filter::default(), Some(&gexf)).unwrap();
        assert!(fs::read_to_string(&gexf).unwrap().contains("海宁市"));
        let _ = fs::remove_dir_all(&dir);
    }
}
