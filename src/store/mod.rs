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
//! Callers hand it plain [`Quad`](crate::rdf::Quad)s and get back plain [`Term`]s,
//! so no Oxigraph type leaks out. Opening a store is `open`, writing it `write`
//! and `loader`, reading it `query` and `answer`.

mod answer;
pub mod isolate;
mod loader;
mod lock;
mod open;
mod query;
mod terms;
mod timer;
mod write;

use crate::rdf::{self, Term};
pub use answer::{Limited, TooLarge};
pub use loader::Loader;
use lock::WriterLock;
use open::OLD_SNAPSHOT;
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::GraphNameRef;
use oxigraph::sparql::results::QueryResultsFormat;
use std::io;
use std::time::Duration;
use thiserror::Error;

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

/// Fixtures shared by the tests of the submodules.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::Quad;

    /// A label for an entity: the smallest fact a test can store.
    pub(super) fn quad(s: &str, o: &str) -> Quad {
        Quad {
            subject: Term::Iri(format!("https://zhengqi.dev/id/{s}")),
            predicate: rdf::RDFS_LABEL.to_string(),
            object: Term::literal(o),
        }
    }
}
