//! Exports of the knowledge graph for graph tools: the property-graph view of the
//! store (entities as nodes, the direct relation triples as edges, article counts as
//! weights), the filter that cuts it down (types, a neighbourhood, one article) and
//! one writer per format (GraphML for yEd and networkx, GEXF for Gephi, DOT for
//! Graphviz, Cytoscape.js JSON, CSV for `neo4j-admin database import`).
//!
//! It reads the store only through SPARQL (`Store::query`), so it sees exactly what
//! any other client of the store sees. Mentions, statements and pages are provenance:
//! they feed the article counts but never become nodes.
//!
//! The network is read and filtered in `index`; every writer draws it the same way
//! through `style`, so the formats stay interchangeable.

mod csv;
pub mod cytoscape;
mod dot;
mod gexf;
mod graphml;
mod index;
mod style;

pub use index::{GraphIndex, parse_type};
pub(crate) use style::{joined_roles, style, xml_escape};

use crate::store::{Store, StoreError};
use std::collections::BTreeSet;
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::rdf::{self, Quad, Term};

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
