//! The embedded triple store: the only module that uses Oxigraph. It owns the choice
//! of backend (Oxigraph's in-memory store, persisted by this module as an N-Quads
//! snapshot written to a temporary file, synced and renamed over the old one), the
//! writer lock, SPARQL evaluation and RDF serialisation. Callers hand it [`Quad`]s and
//! get back plain [`Term`]s, so no Oxigraph type leaks out.

use crate::rdf::{self, Quad, Term};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{
    BlankNode, GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad as OxQuad,
    Term as OxTerm,
};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};
use thiserror::Error;

const SNAPSHOT: &str = "store.nq";
const LOCK: &str = "lock";

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error(
        "{path}: the store is being written by another process (lock file {lock}); wait for it or remove the lock if that process is gone"
    )]
    Locked { path: String, lock: String },
    #[error("{path}: no store here (build one with `zhengqi build --store {path}`)")]
    Missing { path: String },
    #[error("{path}: broken snapshot: {message}")]
    Corrupt { path: String, message: String },
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    #[error("SPARQL evaluation failed: {0}")]
    Evaluation(String),
    #[error("query took longer than {0:?} and was stopped")]
    Timeout(Duration),
    #[error("updates are refused: this endpoint is read-only")]
    UpdateRefused,
    #[error("{0}")]
    Internal(String),
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
    pub fn keeps_graphs(self) -> bool {
        matches!(
            self,
            RdfSyntax::NQuads | RdfSyntax::TriG | RdfSyntax::JsonLd
        )
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

/// An open store. A store opened for writing holds the directory's lock file until
/// it is dropped.
pub struct Store {
    inner: oxigraph::store::Store,
    dir: Option<PathBuf>,
    lock: Option<PathBuf>,
    /// Whether a named graph changed since the default graph was last rebuilt.
    stale: AtomicBool,
}

impl Drop for Store {
    fn drop(&mut self) {
        if let Some(lock) = self.lock.take() {
            let _ = fs::remove_file(lock);
        }
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

impl Store {
    /// A store that lives only in memory (used by `eval` and the tests).
    pub fn memory() -> Result<Store, StoreError> {
        Ok(Store {
            inner: oxigraph::store::Store::new().map_err(internal)?,
            dir: None,
            lock: None,
            stale: AtomicBool::new(false),
        })
    }

    /// Opens (creating if needed) the store at `dir` for writing, taking its lock.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        fs::create_dir_all(dir).map_err(io_err(dir))?;
        let lock = dir.join(LOCK);
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&lock)
        {
            Ok(mut f) => {
                let _ = writeln!(f, "{}", std::process::id());
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(StoreError::Locked {
                    path: dir.display().to_string(),
                    lock: lock.display().to_string(),
                });
            }
            Err(e) => return Err(io_err(&lock)(e)),
        }
        let mut store = Store::memory()?;
        store.lock = Some(lock);
        store.dir = Some(dir.to_path_buf());
        store.load_snapshot(dir)?;
        Ok(store)
    }

    /// Opens an existing store for reading; it takes no lock and never writes.
    pub fn open_read_only(dir: &Path) -> Result<Store, StoreError> {
        if !dir.join(SNAPSHOT).exists() {
            return Err(StoreError::Missing {
                path: dir.display().to_string(),
            });
        }
        let store = Store::memory()?;
        store.load_snapshot(dir)?;
        Ok(store)
    }

    fn load_snapshot(&self, dir: &Path) -> Result<(), StoreError> {
        let path = dir.join(SNAPSHOT);
        if !path.exists() {
            return Ok(());
        }
        let file = fs::File::open(&path).map_err(io_err(&path))?;
        self.stale.store(true, Ordering::SeqCst);
        self.inner
            .load_from_reader(
                RdfParser::from_format(RdfFormat::NQuads),
                BufReader::new(file),
            )
            .map_err(|e| StoreError::Corrupt {
                path: path.display().to_string(),
                message: e.to_string(),
            })
    }

    /// Writes the snapshot: to a temporary file first, synced, then renamed over the
    /// old one, so a crash leaves either the old store or the new one, never half.
    pub fn save(&self) -> Result<(), StoreError> {
        let Some(dir) = &self.dir else { return Ok(()) };
        let tmp = dir.join(format!("{SNAPSHOT}.tmp"));
        let file = fs::File::create(&tmp).map_err(io_err(&tmp))?;
        let mut w = BufWriter::new(file);
        for quad in self.sorted_quads()? {
            writeln!(w, "{quad} .").map_err(io_err(&tmp))?;
        }
        let file = w.into_inner().map_err(|e| io_err(&tmp)(e.into_error()))?;
        file.sync_all().map_err(io_err(&tmp))?;
        let target = dir.join(SNAPSHOT);
        fs::rename(&tmp, &target).map_err(io_err(&target))?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    /// All quads of the named graphs in a stable order, so snapshots of equal
    /// stores are equal files. The default graph is derived from them and is not
    /// part of what is saved or exported with graphs.
    fn sorted_quads(&self) -> Result<Vec<OxQuad>, StoreError> {
        let mut quads: Vec<OxQuad> = self
            .inner
            .iter()
            .filter(|q| !q.as_ref().is_ok_and(|q| q.graph_name.is_default_graph()))
            .collect::<Result<_, _>>()
            .map_err(internal)?;
        quads.sort_by_cached_key(|q| q.to_string());
        Ok(quads)
    }

    /// Replaces the named graph `graph` with `quads` (their graph names are ignored).
    pub fn replace_graph(&self, graph: &str, quads: &[Quad]) -> Result<(), StoreError> {
        let g = NamedNode::new(graph).map_err(internal)?;
        self.stale.store(true, Ordering::SeqCst);
        let mut tx = self.inner.start_transaction().map_err(internal)?;
        tx.remove_named_graph(g.as_ref()).map_err(internal)?;
        for q in quads {
            let ox = to_ox(q, GraphName::NamedNode(g.clone()))?;
            tx.insert(ox.as_ref());
        }
        tx.commit().map_err(internal)
    }

    /// Loads Turtle text into a named graph, replacing it (used for the ontology).
    /// Blank nodes get labels from their order in the text, so loading the same
    /// text twice gives the same store.
    pub fn replace_graph_with_turtle(&self, graph: &str, turtle: &str) -> Result<(), StoreError> {
        let g = NamedNode::new(graph).map_err(internal)?;
        let mut labels: std::collections::HashMap<String, BlankNode> =
            std::collections::HashMap::new();
        let mut stable = |b: &BlankNode| -> BlankNode {
            let n = labels.len();
            labels
                .entry(b.as_str().to_string())
                .or_insert_with(|| BlankNode::new_unchecked(format!("o{n}")))
                .clone()
        };
        let mut quads = Vec::new();
        for q in RdfParser::from_format(RdfFormat::Turtle).for_slice(turtle.as_bytes()) {
            let q = q.map_err(internal)?;
            let subject: NamedOrBlankNode = match q.subject {
                NamedOrBlankNode::BlankNode(b) => stable(&b).into(),
                other => other,
            };
            let object: OxTerm = match q.object {
                OxTerm::BlankNode(b) => stable(&b).into(),
                other => other,
            };
            quads.push(OxQuad::new(
                subject,
                q.predicate,
                object,
                GraphName::NamedNode(g.clone()),
            ));
        }
        self.stale.store(true, Ordering::SeqCst);
        let mut tx = self.inner.start_transaction().map_err(internal)?;
        tx.remove_named_graph(g.as_ref()).map_err(internal)?;
        for q in &quads {
            tx.insert(q.as_ref());
        }
        tx.commit().map_err(internal)
    }

    /// Number of quads in the named graphs.
    pub fn len(&self) -> Result<usize, StoreError> {
        self.sync_default_graph()?;
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

    /// Number of distinct triples across all graphs.
    pub fn triple_count(&self) -> Result<usize, StoreError> {
        self.sync_default_graph()?;
        Ok(self.default_graph_len())
    }

    /// Rebuilds the default graph as the distinct union of the named graphs when
    /// one of them changed. Queries without FROM read the default graph: a union
    /// computed per query would see a fact once per article that states it, and
    /// joins over such duplicates grow with the corpus.
    fn sync_default_graph(&self) -> Result<(), StoreError> {
        if !self.stale.swap(false, Ordering::SeqCst) {
            return Ok(());
        }
        let mut tx = self.inner.start_transaction().map_err(internal)?;
        tx.clear_graph(GraphNameRef::DefaultGraph)
            .map_err(internal)?;
        let named: Vec<OxQuad> = self
            .inner
            .iter()
            .filter(|q| !q.as_ref().is_ok_and(|q| q.graph_name.is_default_graph()))
            .collect::<Result<_, _>>()
            .map_err(internal)?;
        for q in named {
            tx.insert(
                OxQuad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph).as_ref(),
            );
        }
        tx.commit().map_err(internal)
    }

    /// Distinct triples across all graphs, sorted so exports are stable.
    fn distinct_triples(&self) -> Result<Vec<oxigraph::model::Triple>, StoreError> {
        self.sync_default_graph()?;
        let mut v: Vec<oxigraph::model::Triple> = self
            .inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .map(|q| q.map(|q| oxigraph::model::Triple::new(q.subject, q.predicate, q.object)))
            .collect::<Result<_, _>>()
            .map_err(internal)?;
        v.sort_by_cached_key(|t| t.to_string());
        Ok(v)
    }

    fn prepare(
        &self,
        sparql: &str,
        timeout: Option<Duration>,
    ) -> Result<(QueryResults<'static>, Option<Deadline>), StoreError> {
        let token = CancellationToken::new();
        let mut evaluator = SparqlEvaluator::new();
        for (p, ns) in rdf::PREFIXES {
            evaluator = evaluator.with_prefix(p, ns).map_err(internal)?;
        }
        let prepared = evaluator
            .with_cancellation_token(token.clone())
            .parse_query(sparql)
            .map_err(|e| StoreError::Syntax(e.to_string()))?;
        // Facts live in one named graph per article; queries without FROM read the
        // default graph, which holds their distinct union.
        self.sync_default_graph()?;
        // The guard lives as long as the caller reads the results (evaluation is
        // lazy), and dropping it takes the deadline off the timer's queue.
        let deadline = timeout.map(|limit| Deadline::start(limit, token));
        let results = prepared
            .on_store(&self.inner)
            .execute()
            .map_err(|e| timed_out(&deadline, timeout, e.to_string()))?;
        Ok((results, deadline))
    }

    /// Runs a SPARQL query and collects the answer. `timeout` stops long queries.
    pub fn query(
        &self,
        sparql: &str,
        timeout: Option<Duration>,
    ) -> Result<QueryOutput, StoreError> {
        let (results, deadline) = self.prepare(sparql, timeout)?;
        let fail = |e: String| timed_out(&deadline, timeout, e);
        Ok(match results {
            QueryResults::Boolean(b) => QueryOutput::Boolean(b),
            QueryResults::Solutions(solutions) => {
                let variables: Vec<String> = solutions
                    .variables()
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect();
                let mut rows = Vec::new();
                for s in solutions {
                    let s = s.map_err(|e| fail(e.to_string()))?;
                    rows.push(
                        variables
                            .iter()
                            .map(|v| s.get(v.as_str()).map(from_ox))
                            .collect(),
                    );
                }
                QueryOutput::Solutions { variables, rows }
            }
            QueryResults::Graph(triples) => {
                let mut out = Vec::new();
                for t in triples {
                    let t = t.map_err(|e| fail(e.to_string()))?;
                    out.push([
                        from_ox(&t.subject.into()),
                        Term::Iri(t.predicate.as_str().to_string()),
                        from_ox(&t.object),
                    ]);
                }
                QueryOutput::Graph(out)
            }
        })
    }

    /// Runs a query and serialises the answer: SELECT/ASK in `results`, CONSTRUCT and
    /// DESCRIBE in `graph_syntax`.
    pub fn query_serialized(
        &self,
        sparql: &str,
        results: ResultsSyntax,
        graph_syntax: RdfSyntax,
        timeout: Option<Duration>,
    ) -> Result<Serialized, StoreError> {
        let (answer, deadline) = self.prepare(sparql, timeout)?;
        let fail = |e: String| timed_out(&deadline, timeout, e);
        match answer {
            QueryResults::Boolean(b) => Ok(Serialized {
                media_type: results.media_type(),
                body: QueryResultsSerializer::from_format(results.format())
                    .serialize_boolean_to_writer(Vec::new(), b)
                    .map_err(internal)?,
            }),
            QueryResults::Solutions(solutions) => {
                let mut w = QueryResultsSerializer::from_format(results.format())
                    .serialize_solutions_to_writer(Vec::new(), solutions.variables().to_vec())
                    .map_err(internal)?;
                for s in solutions {
                    let s = s.map_err(|e| fail(e.to_string()))?;
                    w.serialize(&s).map_err(internal)?;
                }
                Ok(Serialized {
                    media_type: results.media_type(),
                    body: w.finish().map_err(internal)?,
                })
            }
            QueryResults::Graph(triples) => {
                let mut w = prefixed(graph_syntax.format())?.for_writer(Vec::new());
                for t in triples {
                    let t = t.map_err(|e| fail(e.to_string()))?;
                    w.serialize_triple(t.as_ref()).map_err(internal)?;
                }
                Ok(Serialized {
                    media_type: graph_syntax.media_type(),
                    body: w.finish().map_err(internal)?,
                })
            }
        }
    }

    /// Refuses SPARQL updates with a clear error; the endpoint calls this when a
    /// request carries one, so the refusal is decided in one place.
    pub fn refuse_update(&self, _update: &str) -> Result<(), StoreError> {
        Err(StoreError::UpdateRefused)
    }

    /// Writes the whole store. Triple syntaxes get every fact of every graph once;
    /// quad syntaxes keep the graphs.
    pub fn export(&self, syntax: RdfSyntax, writer: impl Write) -> Result<(), StoreError> {
        let mut w = prefixed(syntax.format())?.for_writer(writer);
        if syntax.keeps_graphs() {
            for q in self.sorted_quads()? {
                w.serialize_quad(q.as_ref()).map_err(internal)?;
            }
        } else {
            for t in self.distinct_triples()? {
                w.serialize_triple(t.as_ref()).map_err(internal)?;
            }
        }
        w.finish().map_err(internal)?;
        Ok(())
    }

    /// Writes one graph (e.g. the ontology) in a triple syntax.
    pub fn export_graph(
        &self,
        graph: &str,
        syntax: RdfSyntax,
        writer: impl Write,
    ) -> Result<(), StoreError> {
        let g = NamedNode::new(graph).map_err(internal)?;
        let mut w = prefixed(syntax.format())?.for_writer(writer);
        let mut quads: Vec<OxQuad> = self
            .inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref())))
            .collect::<Result<_, _>>()
            .map_err(internal)?;
        quads.sort_by_cached_key(|q| q.to_string());
        for q in quads {
            w.serialize_triple(oxigraph::model::TripleRef::from(q.as_ref()))
                .map_err(internal)?;
        }
        w.finish().map_err(internal)?;
        Ok(())
    }

    /// Named graphs in the store, sorted.
    pub fn graphs(&self) -> Result<Vec<String>, StoreError> {
        let mut out: Vec<String> = self
            .inner
            .named_graphs()
            .map(|g| g.map(|g| g.to_string().trim_matches(['<', '>']).to_string()))
            .collect::<Result<_, _>>()
            .map_err(internal)?;
        out.sort();
        Ok(out)
    }
}

/// The error for a failed evaluation: a timeout when the query's deadline has
/// passed (cancellation surfaces as an evaluation error), else the error itself.
fn timed_out(
    deadline: &Option<Deadline>,
    timeout: Option<Duration>,
    message: String,
) -> StoreError {
    match (deadline, timeout) {
        (Some(d), Some(limit)) if d.expired() => StoreError::Timeout(limit),
        _ => StoreError::Evaluation(message),
    }
}

/// Query time limits. One timer thread for the whole process sleeps until the
/// earliest deadline and cancels the queries whose limit has passed; a query that
/// ends first takes its deadline off the queue when its [`Deadline`] is dropped, so
/// nothing waits out the limit of a query that is already done.
struct Timer {
    queue: Mutex<TimerQueue>,
    wake: Condvar,
}

#[derive(Default)]
struct TimerQueue {
    /// (when, sequence number) → the token to cancel then.
    due: BTreeMap<(Instant, u64), CancellationToken>,
    next: u64,
}

impl Timer {
    fn get() -> &'static Timer {
        static TIMER: OnceLock<&'static Timer> = OnceLock::new();
        TIMER.get_or_init(|| {
            let timer: &'static Timer = Box::leak(Box::new(Timer {
                queue: Mutex::new(TimerQueue::default()),
                wake: Condvar::new(),
            }));
            std::thread::Builder::new()
                .name("zhengqi-query-timer".into())
                .spawn(move || timer.run())
                .expect("cannot start the query timer thread");
            timer
        })
    }

    /// A panic elsewhere while holding the lock leaves the queue consistent (every
    /// change is one map operation), so a poisoned lock is still used.
    fn lock(&self) -> MutexGuard<'_, TimerQueue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn run(&self) {
        let mut queue = self.lock();
        loop {
            let now = Instant::now();
            while let Some(entry) = queue.due.first_entry() {
                if entry.key().0 > now {
                    break;
                }
                entry.remove().cancel();
            }
            queue = match queue.due.keys().next() {
                Some(&(when, _)) => {
                    self.wake
                        .wait_timeout(queue, when.saturating_duration_since(now))
                        .unwrap_or_else(PoisonError::into_inner)
                        .0
                }
                None => self
                    .wake
                    .wait(queue)
                    .unwrap_or_else(PoisonError::into_inner),
            };
        }
    }
}

/// A query's time limit: its token is cancelled when the limit passes, unless the
/// guard was dropped first.
struct Deadline {
    key: (Instant, u64),
    token: CancellationToken,
}

impl Deadline {
    fn start(limit: Duration, token: CancellationToken) -> Deadline {
        let timer = Timer::get();
        // A limit too large to represent is no limit worth tracking precisely.
        let when = Instant::now()
            .checked_add(limit)
            .unwrap_or_else(|| Instant::now() + Duration::from_secs(86_400 * 365));
        let mut queue = timer.lock();
        let key = (when, queue.next);
        queue.next += 1;
        queue.due.insert(key, token.clone());
        // Only a new earliest deadline changes how long the timer must sleep.
        if queue.due.keys().next() == Some(&key) {
            timer.wake.notify_one();
        }
        Deadline { key, token }
    }

    /// Whether the limit passed (and the query was cancelled).
    fn expired(&self) -> bool {
        self.token.is_cancelled()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        Timer::get().lock().due.remove(&self.key);
    }
}

fn prefixed(format: RdfFormat) -> Result<RdfSerializer, StoreError> {
    let mut s = RdfSerializer::from_format(format);
    for (p, ns) in rdf::PREFIXES {
        s = s.with_prefix(p, ns).map_err(internal)?;
    }
    Ok(s)
}

fn to_ox_term(t: &Term) -> Result<OxTerm, StoreError> {
    Ok(match t {
        Term::Iri(i) => NamedNode::new(i.as_str())
            .map_err(|e| internal(format!("bad IRI <{i}>: {e}")))?
            .into(),
        Term::Blank(b) => BlankNode::new(b.as_str()).map_err(internal)?.into(),
        Term::Literal {
            value,
            lang: Some(l),
            ..
        } => Literal::new_language_tagged_literal(value.as_str(), l.as_str())
            .map_err(internal)?
            .into(),
        Term::Literal {
            value,
            datatype: Some(d),
            ..
        } => Literal::new_typed_literal(
            value.as_str(),
            NamedNode::new(d.as_str()).map_err(internal)?,
        )
        .into(),
        Term::Literal { value, .. } => Literal::new_simple_literal(value.as_str()).into(),
    })
}

fn to_ox(q: &Quad, graph: GraphName) -> Result<OxQuad, StoreError> {
    let subject: NamedOrBlankNode = match to_ox_term(&q.subject)? {
        OxTerm::NamedNode(n) => n.into(),
        OxTerm::BlankNode(b) => b.into(),
        other => return Err(internal(format!("literal subject {other}"))),
    };
    let predicate = NamedNode::new(q.predicate.as_str()).map_err(internal)?;
    Ok(OxQuad::new(
        subject,
        predicate,
        to_ox_term(&q.object)?,
        graph,
    ))
}

fn from_ox(t: &OxTerm) -> Term {
    match t {
        OxTerm::NamedNode(n) => Term::Iri(n.as_str().to_string()),
        OxTerm::BlankNode(b) => Term::Blank(b.as_str().to_string()),
        OxTerm::Literal(l) => {
            let datatype = l.datatype().as_str();
            Term::Literal {
                value: l.value().to_string(),
                lang: l.language().map(str::to_string),
                datatype: (datatype != "http://www.w3.org/2001/XMLSchema#string"
                    && l.language().is_none())
                .then(|| datatype.to_string()),
            }
        }
        #[allow(unreachable_patterns)]
        other => Term::Literal {
            value: other.to_string(),
            lang: None,
            datatype: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn pending(key: &(Instant, u64)) -> bool {
        Timer::get().lock().due.contains_key(key)
    }

    #[test]
    fn a_deadline_cancels_once_its_limit_passes() {
        let token = CancellationToken::new();
        let d = Deadline::start(Duration::from_millis(1), token.clone());
        // Waits for the timer (bounded, so a broken timer fails instead of hanging).
        let give_up = Instant::now() + Duration::from_secs(30);
        while !token.is_cancelled() && Instant::now() < give_up {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(d.expired(), "the timer never cancelled the query");
        assert!(!pending(&d.key), "a fired deadline stays queued");
    }

    #[test]
    fn a_finished_query_leaves_no_deadline_behind() {
        let token = CancellationToken::new();
        let d = Deadline::start(Duration::from_secs(3600), token.clone());
        let key = d.key;
        assert!(pending(&key));
        drop(d);
        assert!(!pending(&key));
        assert!(!token.is_cancelled());
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

    #[test]
    fn snapshot_round_trip_and_lock() {
        let dir = std::env::temp_dir().join(format!("zq-store-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        {
            let store = Store::open(&dir).unwrap();
            assert!(matches!(Store::open(&dir), Err(StoreError::Locked { .. })));
            store
                .replace_graph("https://zhengqi.dev/graph/a", &[quad("x", "一")])
                .unwrap();
            store.save().unwrap();
        }
        let again = Store::open_read_only(&dir).unwrap();
        assert_eq!(again.len().unwrap(), 1);
        let _ = fs::remove_dir_all(&dir);
    }
}
