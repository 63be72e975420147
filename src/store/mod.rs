//! The embedded triple store: the only module that uses Oxigraph. A store folder is
//! a plain Oxigraph database on its RocksDB backend (open it with Oxigraph's own
//! tools of the same major version) plus zhengqi's writer lock.
//!
//! Layout of the data (see ARCHITECTURE.md): every article has a named graph with
//! what it states and where (compact provenance: `zq:span` literals and shared
//! statement resources); the default graph holds each fact once, the distinct
//! union of the articles' facts together with the descriptions of the entities
//! they name, and never any provenance. Writing keeps the two in step: replacing
//! an article's graph adds its facts to the default graph and takes out the old
//! facts that no other graph still states, in one transaction. New articles go in
//! through Oxigraph's bulk loader in batches of whole articles, each batch one
//! atomic ingestion, so a build killed at any point leaves a readable store.
//!
//! Callers hand it plain [`Quad`]s and get back plain [`Term`]s, so no Oxigraph
//! type leaks out.

mod answer;
pub mod isolate;
mod loader;
mod lock;
mod query;
mod terms;
mod timer;

use crate::rdf::{self, GraphContent, Quad, Term};
pub use answer::{Limited, TooLarge};
pub use loader::Loader;
use lock::WriterLock;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use oxigraph::model::{
    BlankNode, GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode,
    NamedOrBlankNodeRef, Quad as OxQuad, Term as OxTerm, Triple,
};
use oxigraph::sparql::results::QueryResultsFormat;
use std::collections::{HashMap, HashSet};
use std::io;
use std::path::Path;
use std::time::Duration;
use terms::to_ox;
use thiserror::Error;

/// The file an earlier zhengqi (0.1) kept its whole store in, as N-Quads text.
const OLD_SNAPSHOT: &str = "store.nq";
/// A file RocksDB always writes into a database folder.
const ROCKSDB_MARKER: &str = "CURRENT";

/// How many quads of new articles are gathered before they go to the bulk loader
/// as one atomic batch: large enough for the loader to be efficient, small enough
/// to keep the build's memory flat.
const BATCH_QUADS: usize = 400_000;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error(
        "{path}: the store is being written by process {pid} (lock file {lock}); wait for it to finish"
    )]
    Locked {
        path: String,
        lock: String,
        pid: String,
    },
    #[error("{path}: no store here (build one with `zhengqi build --store {path}`)")]
    Missing { path: String },
    #[error(
        "{path}: this store was written by zhengqi 0.1 as a text snapshot ({OLD_SNAPSHOT}); this version keeps an Oxigraph database. Build it again from the same inputs into a new folder (`zhengqi build --store NEW INPUT...`), or move {OLD_SNAPSHOT} out of the folder and build into it"
    )]
    OldLayout { path: String },
    #[error("{path}: cannot open the database: {message}")]
    Open { path: String, message: String },
    #[error("RDF syntax error: {0}")]
    Parse(String),
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    #[error("SPARQL evaluation failed: {0}")]
    Evaluation(String),
    #[error("query took longer than {0:?} and was stopped (the time limit is --timeout)")]
    Timeout(Duration),
    #[error(
        "query used more than {} of memory and was stopped (the limit is --max-memory)",
        bytes(*.0)
    )]
    MemoryLimit(u64),
    #[error(
        "the answer passed {} and was cut (the limit is --max-response; add LIMIT or raise it)",
        bytes(*.0)
    )]
    ResponseLimit(u64),
    #[error("not supported: {0}")]
    Unsupported(String),
    #[error("cannot write the answer: {0}")]
    Output(String),
    #[error("the query process failed: {0}")]
    Worker(String),
    #[error("updates are refused: this endpoint is read-only")]
    UpdateRefused,
    #[error("{0}")]
    Internal(String),
}

/// A byte count for messages: whole MiB or GiB when it is one, else bytes.
pub fn bytes(n: u64) -> String {
    const MIB: u64 = 1 << 20;
    const GIB: u64 = 1 << 30;
    if n >= GIB && n.is_multiple_of(GIB) {
        format!("{} GiB", n / GIB)
    } else if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else {
        format!("{n} bytes")
    }
}

fn internal(e: impl std::fmt::Display) -> StoreError {
    StoreError::Internal(e.to_string())
}

/// RDF syntaxes the store writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdfSyntax {
    Turtle,
    NTriples,
    NQuads,
    TriG,
    RdfXml,
    JsonLd,
}

impl RdfSyntax {
    fn format(self) -> RdfFormat {
        match self {
            RdfSyntax::Turtle => RdfFormat::Turtle,
            RdfSyntax::NTriples => RdfFormat::NTriples,
            RdfSyntax::NQuads => RdfFormat::NQuads,
            RdfSyntax::TriG => RdfFormat::TriG,
            RdfSyntax::RdfXml => RdfFormat::RdfXml,
            RdfSyntax::JsonLd => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }

    /// Whether the syntax keeps named graphs.
    /// JSON-LD writes the default graph at the top level, as standard readers
    /// (rdflib's `Graph`) expect; N-Quads and TriG keep the article graphs.
    pub fn keeps_graphs(self) -> bool {
        matches!(self, RdfSyntax::NQuads | RdfSyntax::TriG)
    }

    pub fn media_type(self) -> &'static str {
        self.format().media_type()
    }
}

/// SPARQL result formats (W3C JSON, XML, CSV, TSV).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsSyntax {
    Json,
    Xml,
    Csv,
    Tsv,
}

impl ResultsSyntax {
    fn format(self) -> QueryResultsFormat {
        match self {
            ResultsSyntax::Json => QueryResultsFormat::Json,
            ResultsSyntax::Xml => QueryResultsFormat::Xml,
            ResultsSyntax::Csv => QueryResultsFormat::Csv,
            ResultsSyntax::Tsv => QueryResultsFormat::Tsv,
        }
    }

    pub fn media_type(self) -> &'static str {
        self.format().media_type()
    }
}

/// The answer to a query, in plain terms.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryOutput {
    Solutions {
        variables: Vec<String>,
        rows: Vec<Vec<Option<Term>>>,
    },
    Boolean(bool),
    Graph(Vec<[Term; 3]>),
}

/// A serialised query answer: bytes and their media type.
pub struct Serialized {
    pub media_type: &'static str,
    pub body: Vec<u8>,
}

/// An open store. A store opened for writing holds the folder's lock until it is
/// dropped.
pub struct Store {
    inner: oxigraph::store::Store,
    _lock: Option<WriterLock>,
    /// The folder of an on-disk store.
    dir: Option<std::path::PathBuf>,
}

/// What `zhengqi stats` reports.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub articles: usize,
    /// Entities per type (local name of the class), sorted.
    pub entities: Vec<(String, usize)>,
    /// Relation triples per predicate, sorted.
    pub relations: Vec<(String, usize)>,
    pub graphs: usize,
    /// Triples of the default graph.
    pub facts: usize,
    pub bytes: u64,
    pub modified: Option<std::time::SystemTime>,
}

/// Whether `text` is a SPARQL update rather than a query (so the caller can say
/// that the store is read-only instead of reporting a syntax error).
pub fn is_update(text: &str) -> bool {
    use oxigraph::sparql::SparqlEvaluator;
    let mut evaluator = SparqlEvaluator::new();
    for (p, ns) in rdf::PREFIXES {
        if let Ok(e) = evaluator.clone().with_prefix(p, ns) {
            evaluator = e;
        }
    }
    evaluator.clone().parse_query(text).is_err() && evaluator.parse_update(text).is_ok()
}

impl Store {
    /// A store that lives only in memory (used by `eval` and the tests).
    pub fn memory() -> Result<Store, StoreError> {
        Ok(Store {
            inner: oxigraph::store::Store::new().map_err(internal)?,
            _lock: None,
            dir: None,
        })
    }

    /// Opens (creating if needed) the store at `dir` for writing, taking its lock.
    /// A lock left by a process that no longer runs is taken over.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.display().to_string(),
            source,
        })?;
        refuse_old_layout(dir)?;
        let lock = WriterLock::acquire(dir)?;
        let inner = open_database(dir, false)?;
        Ok(Store {
            inner,
            _lock: Some(lock),
            dir: Some(dir.to_path_buf()),
        })
    }

    /// Opens an existing store for reading; it takes no lock and never writes.
    /// Nothing is loaded: queries read the database where it lies.
    pub fn open_read_only(dir: &Path) -> Result<Store, StoreError> {
        refuse_old_layout(dir)?;
        if !dir.join(ROCKSDB_MARKER).exists() {
            return Err(StoreError::Missing {
                path: dir.display().to_string(),
            });
        }
        // Reading a RocksDB database while another process writes it is undefined
        // behaviour in Oxigraph, so a running build keeps readers out.
        if let Some(pid) = WriterLock::holder(dir) {
            return Err(StoreError::Locked {
                path: dir.display().to_string(),
                lock: WriterLock::path(dir).display().to_string(),
                pid,
            });
        }
        let inner = open_database(dir, true)?;
        Ok(Store {
            inner,
            _lock: None,
            dir: Some(dir.to_path_buf()),
        })
    }

    /// The folder of an on-disk store; `None` for a store in memory.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Whether the store has a named graph `graph`.
    pub fn has_graph(&self, graph: &str) -> Result<bool, StoreError> {
        let g = named(graph)?;
        self.inner
            .contains_named_graph(NamedOrBlankNodeRef::from(g.as_ref()))
            .map_err(internal)
    }

    /// Replaces the named graph `graph` with `quads` (their graph names are
    /// ignored); every quad counts as a fact unless it is provenance.
    pub fn replace_graph(&self, graph: &str, quads: &[Quad]) -> Result<(), StoreError> {
        self.replace_content(&GraphContent {
            graph: graph.to_string(),
            quads: quads.to_vec(),
            described: Vec::new(),
        })
    }

    /// Removes a named graph and the facts only it stated. Returns whether it was
    /// there.
    pub fn remove_graph(&self, graph: &str) -> Result<bool, StoreError> {
        let was = self.has_graph(graph)?;
        if was {
            self.replace_graph(graph, &[])?;
        }
        Ok(was)
    }

    /// Replaces one graph and keeps the default graph in step, in one
    /// transaction: the new facts and descriptions are added, and the old facts
    /// no other graph states, and the descriptions of entities no graph names any
    /// more, are taken out. Cost grows with the size of this graph, not the store.
    pub fn replace_content(&self, content: &GraphContent) -> Result<(), StoreError> {
        let g = named(&content.graph)?;
        let gname = GraphName::NamedNode(g.clone());
        let old: Vec<OxQuad> = self
            .inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref())))
            .collect::<Result<_, _>>()
            .map_err(internal)?;
        let new: Vec<OxQuad> = content
            .quads
            .iter()
            .map(|q| to_ox(q, gname.clone()))
            .collect::<Result<_, _>>()?;
        let described: Vec<OxQuad> = content
            .described
            .iter()
            .map(|q| to_ox(q, GraphName::DefaultGraph))
            .collect::<Result<_, _>>()?;
        let new_facts: HashSet<Triple> = new.iter().filter(|q| is_fact(q)).map(triple).collect();
        let new_named: HashSet<&NamedOrBlankNode> = new
            .iter()
            .filter(|q| q.predicate.as_str() == rdf::MENTIONED_IN)
            .map(|q| &q.subject)
            .collect();

        // Decide what leaves the default graph before writing: reads see the
        // committed store, where this graph still holds its old quads, so
        // "stated elsewhere" looks at every other named graph.
        let mut gone: Vec<OxQuad> = Vec::new();
        for q in old.iter().filter(|q| is_fact(q)) {
            let t = triple(q);
            if !new_facts.contains(&t) && !self.stated_elsewhere(&t, &g)? {
                gone.push(OxQuad::new(
                    t.subject,
                    t.predicate,
                    t.object,
                    GraphName::DefaultGraph,
                ));
            }
        }
        for q in old
            .iter()
            .filter(|q| q.predicate.as_str() == rdf::MENTIONED_IN)
        {
            if new_named.contains(&q.subject) || self.named_elsewhere(&q.subject, &g)? {
                continue;
            }
            for d in self.inner.quads_for_pattern(
                Some(q.subject.as_ref()),
                None,
                None,
                Some(GraphNameRef::DefaultGraph),
            ) {
                let d = d.map_err(internal)?;
                if rdf::DESCRIPTION_PREDICATES.contains(&d.predicate.as_str()) {
                    gone.push(d);
                }
            }
        }

        let mut tx = self.inner.start_transaction().map_err(internal)?;
        tx.remove_named_graph(NamedOrBlankNodeRef::from(g.as_ref()))
            .map_err(internal)?;
        for q in &gone {
            tx.remove(q.as_ref());
        }
        for q in &new {
            tx.insert(q.as_ref());
            if is_fact(q) {
                tx.insert(default_quad(q).as_ref());
            }
        }
        for q in &described {
            tx.insert(q.as_ref());
        }
        tx.commit().map_err(internal)
    }

    /// Whether a named graph other than `except` states the triple.
    fn stated_elsewhere(&self, t: &Triple, except: &NamedNode) -> Result<bool, StoreError> {
        for q in self.inner.quads_for_pattern(
            Some(t.subject.as_ref()),
            Some(t.predicate.as_ref()),
            Some(t.object.as_ref()),
            None,
        ) {
            let q = q.map_err(internal)?;
            if is_other_graph(&q.graph_name, except) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Whether a named graph other than `except` names the entity.
    fn named_elsewhere(
        &self,
        entity: &NamedOrBlankNode,
        except: &NamedNode,
    ) -> Result<bool, StoreError> {
        let p = NamedNodeRef::new_unchecked(rdf::MENTIONED_IN);
        for q in self
            .inner
            .quads_for_pattern(Some(entity.as_ref()), Some(p), None, None)
        {
            let q = q.map_err(internal)?;
            if is_other_graph(&q.graph_name, except) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Loads Turtle text into a named graph, replacing it (used for the ontology).
    /// Blank nodes get labels from their order in the text, so loading the same
    /// text twice gives the same store.
    pub fn replace_graph_with_turtle(&self, graph: &str, turtle: &str) -> Result<(), StoreError> {
        let mut labels: HashMap<String, String> = HashMap::new();
        let mut stable = |b: &BlankNode| -> rdf::Term {
            let n = labels.len();
            rdf::Term::Blank(
                labels
                    .entry(b.as_str().to_string())
                    .or_insert_with(|| format!("o{n}"))
                    .clone(),
            )
        };
        let mut quads = Vec::new();
        for q in RdfParser::from_format(RdfFormat::Turtle).for_slice(turtle.as_bytes()) {
            let q = q.map_err(internal)?;
            let subject = match &q.subject {
                NamedOrBlankNode::BlankNode(b) => stable(b),
                NamedOrBlankNode::NamedNode(n) => rdf::Term::Iri(n.as_str().to_string()),
            };
            let object = match &q.object {
                OxTerm::BlankNode(b) => stable(b),
                other => terms::from_ox(other),
            };
            quads.push(Quad {
                subject,
                predicate: q.predicate.as_str().to_string(),
                object,
            });
        }
        self.replace_graph(graph, &quads)
    }

    /// Adds RDF from `reader` to the store with Oxigraph's bulk loader, in
    /// atomic batches. Triples (and the default graph of quad syntaxes) go into
    /// the named graph `graph`, replaced if it was there; the named graphs of
    /// N-Quads and TriG are kept, so a store's own export loads back as it was.
    /// Facts reach the default graph as a build's do. Returns the quads read.
    pub fn load_rdf(
        &self,
        reader: impl io::Read,
        syntax: RdfSyntax,
        graph: &str,
    ) -> Result<usize, StoreError> {
        let target = named(graph)?;
        self.remove_graph(graph)?;
        let mut batch: Vec<OxQuad> = Vec::new();
        let mut count = 0;
        let flush = |batch: &mut Vec<OxQuad>| -> Result<(), StoreError> {
            let mut loader = self
                .inner
                .bulk_loader()
                .with_num_threads(1)
                .with_max_memory_size_in_megabytes(512);
            loader.load_quads(std::mem::take(batch)).map_err(internal)?;
            loader.commit().map_err(internal)
        };
        for q in RdfParser::from_format(syntax.format()).for_reader(reader) {
            let mut q = q.map_err(|e| StoreError::Parse(e.to_string()))?;
            if q.graph_name.is_default_graph() {
                q.graph_name = GraphName::NamedNode(target.clone());
            }
            if is_fact(&q) {
                batch.push(default_quad(&q));
            }
            batch.push(q);
            count += 1;
            if batch.len() >= BATCH_QUADS {
                flush(&mut batch)?;
            }
        }
        flush(&mut batch)?;
        Ok(count)
    }

    /// A writer for many graphs at once: see [`Loader`].
    pub fn loader(&self) -> Loader<'_> {
        Loader::new(self)
    }

    /// Number of quads in the named graphs.
    pub fn len(&self) -> Result<usize, StoreError> {
        let all = self.inner.len().map_err(internal)?;
        Ok(all - self.default_graph_len())
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        self.inner.is_empty().map_err(internal)
    }

    fn default_graph_len(&self) -> usize {
        self.inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .count()
    }

    /// Number of distinct facts: the triples of the default graph.
    pub fn triple_count(&self) -> Result<usize, StoreError> {
        Ok(self.default_graph_len())
    }
}

#[cfg(feature = "rocksdb")]
fn open_database(dir: &Path, read_only: bool) -> Result<oxigraph::store::Store, StoreError> {
    let opened = if read_only {
        oxigraph::store::Store::open_read_only(dir)
    } else {
        oxigraph::store::Store::open(dir)
    };
    opened.map_err(|e| StoreError::Open {
        path: dir.display().to_string(),
        message: e.to_string(),
    })
}

#[cfg(not(feature = "rocksdb"))]
fn open_database(dir: &Path, _read_only: bool) -> Result<oxigraph::store::Store, StoreError> {
    Err(StoreError::Open {
        path: dir.display().to_string(),
        message: "this zhengqi was built without the `rocksdb` feature, so it has no on-disk store"
            .into(),
    })
}

fn refuse_old_layout(dir: &Path) -> Result<(), StoreError> {
    if dir.join(OLD_SNAPSHOT).exists() && !dir.join(ROCKSDB_MARKER).exists() {
        return Err(StoreError::OldLayout {
            path: dir.display().to_string(),
        });
    }
    Ok(())
}

fn named(iri: &str) -> Result<NamedNode, StoreError> {
    NamedNode::new(iri).map_err(|e| internal(format!("bad graph name <{iri}>: {e}")))
}

fn is_fact(q: &OxQuad) -> bool {
    let subject = match &q.subject {
        NamedOrBlankNode::NamedNode(n) => n.as_str(),
        _ => "",
    };
    !rdf::is_provenance(subject, q.predicate.as_str())
}

fn triple(q: &OxQuad) -> Triple {
    Triple::new(q.subject.clone(), q.predicate.clone(), q.object.clone())
}

fn default_quad(q: &OxQuad) -> OxQuad {
    OxQuad::new(
        q.subject.clone(),
        q.predicate.clone(),
        q.object.clone(),
        GraphName::DefaultGraph,
    )
}

fn is_other_graph(g: &GraphName, except: &NamedNode) -> bool {
    match g {
        GraphName::DefaultGraph => false,
        GraphName::NamedNode(n) => n != except,
        GraphName::BlankNode(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn quad(s: &str, o: &str) -> Quad {
        Quad {
            subject: Term::Iri(format!("https://zhengqi.dev/id/{s}")),
            predicate: rdf::RDFS_LABEL.to_string(),
            object: Term::literal(o),
        }
    }

    #[test]
    fn replace_graph_replaces() {
        let store = Store::memory().unwrap();
        let g = "https://zhengqi.dev/graph/a";
        store
            .replace_graph(g, &[quad("x", "一"), quad("y", "二")])
            .unwrap();
        store.replace_graph(g, &[quad("x", "一")]).unwrap();
        assert_eq!(store.len().unwrap(), 1);
    }

    #[test]
    fn queries_see_all_graphs_and_report_syntax_errors() {
        let store = Store::memory().unwrap();
        store
            .replace_graph("https://zhengqi.dev/graph/a", &[quad("x", "一")])
            .unwrap();
        store
            .replace_graph("https://zhengqi.dev/graph/b", &[quad("y", "二")])
            .unwrap();
        match store
            .query("SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l", None)
            .unwrap()
        {
            QueryOutput::Solutions { rows, .. } => assert_eq!(rows.len(), 2),
            other => panic!("unexpected {other:?}"),
        }
        let err = store.query("SELECT WHERE {", None).unwrap_err();
        assert!(matches!(err, StoreError::Syntax(_)));
    }

    #[test]
    fn a_fact_stated_by_many_articles_is_seen_once_and_kept_current() {
        let store = Store::memory().unwrap();
        for g in ["a", "b", "c"] {
            store
                .replace_graph(
                    &format!("https://zhengqi.dev/graph/{g}"),
                    &[quad("x", "一")],
                )
                .unwrap();
        }
        let count = |store: &Store| match store
            .query("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", None)
            .unwrap()
        {
            QueryOutput::Solutions { rows, .. } => rows.len(),
            other => panic!("unexpected {other:?}"),
        };
        assert_eq!(count(&store), 1);
        assert_eq!(store.triple_count().unwrap(), 1);
        assert_eq!(store.len().unwrap(), 3);
        // Replacing graphs after a query rebuilds the merged view.
        store
            .replace_graph("https://zhengqi.dev/graph/a", &[quad("y", "二")])
            .unwrap();
        assert_eq!(count(&store), 2);
        for g in ["b", "c"] {
            store
                .replace_graph(&format!("https://zhengqi.dev/graph/{g}"), &[])
                .unwrap();
        }
        assert_eq!(count(&store), 1);
    }

    /// The old limit slept in a thread per query for the whole limit; a busy
    /// endpoint piled them up. Now hundreds of limited queries add no threads.
    #[cfg(target_os = "linux")]
    #[test]
    fn limited_queries_do_not_pile_up_threads() {
        fn threads() -> usize {
            std::fs::read_to_string("/proc/self/status")
                .unwrap()
                .lines()
                .find_map(|l| l.strip_prefix("Threads:"))
                .and_then(|n| n.trim().parse().ok())
                .unwrap()
        }
        let store = Store::memory().unwrap();
        store
            .replace_graph("https://zhengqi.dev/graph/a", &[quad("x", "一")])
            .unwrap();
        // Starts the timer thread before counting.
        store
            .query("ASK {}", Some(Duration::from_secs(60)))
            .unwrap();
        let before = threads();
        for _ in 0..300 {
            store
                .query("SELECT * WHERE { ?s ?p ?o }", Some(Duration::from_secs(60)))
                .unwrap();
        }
        // Other tests run alongside and start a few threads of their own.
        let after = threads();
        assert!(
            after < before + 100,
            "{before} threads before 300 limited queries, {after} after"
        );
    }

    #[test]
    fn a_query_over_its_limit_is_stopped() {
        let store = Store::memory().unwrap();
        store
            .replace_graph_with_turtle(rdf::ONTOLOGY_GRAPH, rdf::ONTOLOGY)
            .unwrap();
        // Dozens of ontology terms share `rdfs:isDefinedBy <…/ns>`: billions of rows.
        let q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?p ?o . ?c ?p ?o . ?d ?p ?o . ?e ?p ?o }";
        let limit = Duration::from_millis(100);
        assert!(matches!(
            store.query(q, Some(limit)),
            Err(StoreError::Timeout(l)) if l == limit
        ));
        assert!(matches!(
            store.query_serialized(q, ResultsSyntax::Json, RdfSyntax::Turtle, Some(limit)),
            Err(StoreError::Timeout(_))
        ));
        // Quick queries under a limit are untouched.
        assert!(matches!(
            store.query("ASK { ?s ?p ?o }", Some(limit)),
            Ok(QueryOutput::Boolean(true))
        ));
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("zq-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_database_round_trip_with_its_lock() {
        let dir = temp("round");
        {
            let store = Store::open(&dir).unwrap();
            assert!(matches!(Store::open(&dir), Err(StoreError::Locked { .. })));
            assert!(matches!(
                Store::open_read_only(&dir),
                Err(StoreError::Locked { .. })
            ));
            store
                .replace_graph("https://zhengqi.dev/graph/a", &[quad("x", "一")])
                .unwrap();
        }
        let again = Store::open_read_only(&dir).unwrap();
        assert_eq!(again.len().unwrap(), 1);
        assert_eq!(again.triple_count().unwrap(), 1);
        drop(again);
        // A writer again, after the reader: the lock was released.
        let w = Store::open(&dir).unwrap();
        assert!(w.remove_graph("https://zhengqi.dev/graph/a").unwrap());
        assert_eq!(w.triple_count().unwrap(), 0);
        drop(w);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_store_and_an_old_snapshot_are_explained() {
        let dir = temp("old");
        assert!(matches!(
            Store::open_read_only(&dir),
            Err(StoreError::Missing { .. })
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(OLD_SNAPSHOT), "").unwrap();
        for r in [Store::open_read_only(&dir).err(), Store::open(&dir).err()] {
            let msg = r.expect("an old layout must be refused").to_string();
            assert!(msg.contains("zhengqi build --store NEW"), "{msg}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn ent(name: &str, article: &str) -> GraphContent {
        let e = format!("https://zhengqi.dev/id/company/{name}");
        let a = format!("https://zhengqi.dev/id/article/{article}");
        GraphContent {
            graph: format!("https://zhengqi.dev/graph/article/{article}"),
            quads: vec![
                Quad {
                    subject: Term::Iri(e.clone()),
                    predicate: rdf::MENTIONED_IN.into(),
                    object: Term::Iri(a),
                },
                Quad {
                    subject: Term::Iri(e.clone()),
                    predicate: rdf::SPAN.into(),
                    object: Term::literal("0-2"),
                },
            ],
            described: vec![Quad {
                subject: Term::Iri(e),
                predicate: rdf::SKOS_PREF.into(),
                object: Term::zh(name),
            }],
        }
    }

    fn labels(store: &Store) -> Vec<String> {
        match store
            .query("SELECT ?l WHERE { ?s skos:prefLabel ?l } ORDER BY ?l", None)
            .unwrap()
        {
            QueryOutput::Solutions { rows, .. } => rows
                .into_iter()
                .map(|r| r[0].as_ref().unwrap().value().to_string())
                .collect(),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn descriptions_stay_while_some_article_names_the_entity() {
        let store = Store::memory().unwrap();
        let mut loader = store.loader();
        loader.put(&ent("甲", "p/1")).unwrap();
        loader.put(&ent("甲", "p/2")).unwrap();
        loader.put(&ent("乙", "p/3")).unwrap();
        loader.finish().unwrap();
        assert_eq!(labels(&store), ["乙", "甲"]);
        // Provenance stays in the article graphs.
        match store.query("ASK { ?s zq:span ?x }", None).unwrap() {
            QueryOutput::Boolean(b) => assert!(!b, "a span reached the default graph"),
            other => panic!("unexpected {other:?}"),
        }
        store
            .remove_graph("https://zhengqi.dev/graph/article/p/1")
            .unwrap();
        assert_eq!(labels(&store), ["乙", "甲"]);
        store
            .remove_graph("https://zhengqi.dev/graph/article/p/2")
            .unwrap();
        assert_eq!(labels(&store), ["乙"]);
        // Replacing through the loader goes the transactional way.
        let mut loader = store.loader();
        let mut renamed = ent("丙", "p/3");
        renamed.graph = ent("乙", "p/3").graph;
        loader.put(&renamed).unwrap();
        loader.finish().unwrap();
        assert_eq!(labels(&store), ["丙"]);
    }
}
