//! Answers written as they are evaluated: a query's solutions or triples go
//! through the serialiser into any writer row by row, so an answer is never held
//! whole, and the time limit is checked at every row as well as at every read of
//! the store (where Oxigraph checks it).

use super::timer::Deadline;
use super::{RdfSyntax, ResultsSyntax, Store, StoreError, query};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{QueryEvaluationError, QueryResults};
use std::io::{self, Write};
use std::time::Duration;

/// The error a writer returns when an answer passes its byte limit; the store
/// turns it into [`StoreError::ResponseLimit`].
#[derive(Debug)]
pub struct TooLarge(pub u64);

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the answer passed {} bytes", self.0)
    }
}

impl std::error::Error for TooLarge {}

/// A writer that refuses to write more than `limit` bytes in all.
pub struct Limited<W> {
    inner: W,
    written: u64,
    limit: u64,
}

impl<W: Write> Limited<W> {
    pub fn new(inner: W, limit: u64) -> Limited<W> {
        Limited {
            inner,
            written: 0,
            limit,
        }
    }

    pub fn into_inner(self) -> W {
        self.inner
    }
}

impl<W: Write> Write for Limited<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.written + buf.len() as u64 > self.limit {
            return Err(io::Error::other(TooLarge(self.limit)));
        }
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The error for a failed write: a byte limit, or the reader went away.
pub(super) fn write_error(e: io::Error) -> StoreError {
    match e.get_ref().and_then(|i| i.downcast_ref::<TooLarge>()) {
        Some(TooLarge(limit)) => StoreError::ResponseLimit(*limit),
        None => StoreError::Output(e.to_string()),
    }
}

/// The error for a failed evaluation: a timeout when the query's deadline has
/// passed (cancellation surfaces as an evaluation error), a client's mistake when
/// the query asks for what this store does not offer (federation with `SERVICE`,
/// unknown functions), else the evaluation error itself.
pub(super) fn evaluation_error(
    deadline: &Option<Deadline>,
    timeout: Option<Duration>,
    e: QueryEvaluationError,
) -> StoreError {
    match (deadline, timeout) {
        (Some(d), Some(limit)) if d.expired() => return StoreError::Timeout(limit),
        _ => {}
    }
    match e {
        QueryEvaluationError::Service(_)
        | QueryEvaluationError::UnboundService
        | QueryEvaluationError::InvalidServiceName(_)
        | QueryEvaluationError::UnsupportedService(_) => StoreError::Unsupported(format!(
            "{e}: this endpoint does not federate (SERVICE is not offered)"
        )),
        QueryEvaluationError::UnsupportedCustomFunction(_)
        | QueryEvaluationError::UnsupportedCustomFunctionArity { .. } => {
            StoreError::Unsupported(e.to_string())
        }
        e => StoreError::Evaluation(e.to_string()),
    }
}

impl Store {
    /// Runs a query and writes its serialised answer: SELECT and ASK in
    /// `results`, CONSTRUCT and DESCRIBE in `graph_syntax`. `open` is called once
    /// the answer's media type is known and returns the writer for the bytes; rows
    /// are serialised as they come, and `timeout` is checked at each one.
    pub fn answer<W: Write>(
        &self,
        sparql: &str,
        results: ResultsSyntax,
        graph_syntax: RdfSyntax,
        timeout: Option<Duration>,
        open: impl FnOnce(&'static str) -> Result<W, StoreError>,
    ) -> Result<W, StoreError> {
        let (answer, deadline) = self.prepare(sparql, timeout)?;
        let fail = |e: QueryEvaluationError| evaluation_error(&deadline, timeout, e);
        // The time limit is checked at every row too: a join that does not read
        // the store between rows (a cross product) would otherwise never see it.
        let alive = || match (&deadline, timeout) {
            (Some(d), Some(limit)) if d.expired() => Err(StoreError::Timeout(limit)),
            _ => Ok(()),
        };
        match answer {
            QueryResults::Boolean(b) => {
                let w = open(results.media_type())?;
                QueryResultsSerializer::from_format(results.format())
                    .serialize_boolean_to_writer(w, b)
                    .map_err(write_error)
            }
            QueryResults::Solutions(solutions) => {
                let variables = query::in_query_order(sparql, solutions.variables());
                let w = open(results.media_type())?;
                let mut w = QueryResultsSerializer::from_format(results.format())
                    .serialize_solutions_to_writer(w, variables)
                    .map_err(write_error)?;
                for s in solutions {
                    let s = s.map_err(fail)?;
                    alive()?;
                    w.serialize(&s).map_err(write_error)?;
                }
                w.finish().map_err(write_error)
            }
            QueryResults::Graph(triples) => {
                let w = open(graph_syntax.media_type())?;
                let mut w = query::prefixed(graph_syntax.format())?.for_writer(w);
                for t in triples {
                    let t = t.map_err(fail)?;
                    alive()?;
                    w.serialize_triple(t.as_ref()).map_err(write_error)?;
                }
                w.finish().map_err(write_error)
            }
        }
    }

    /// Checks that `sparql` parses as a query, without running it.
    pub fn check_query(&self, sparql: &str) -> Result<(), StoreError> {
        query::evaluator()?
            .parse_query(sparql)
            .map(|_| ())
            .map_err(|e| StoreError::Syntax(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf;

    fn ontology_store() -> Store {
        let store = Store::memory().unwrap();
        store
            .replace_graph_with_turtle(rdf::ONTOLOGY_GRAPH, rdf::ONTOLOGY)
            .unwrap();
        store
    }

    #[test]
    fn answers_stream_into_the_writer_with_their_media_type() {
        let store = ontology_store();
        let mut seen = None;
        let body = store
            .answer(
                "SELECT ?c WHERE { ?c a owl:Class } ORDER BY ?c LIMIT 2",
                ResultsSyntax::Csv,
                RdfSyntax::Turtle,
                None,
                |media| {
                    seen = Some(media);
                    Ok(Vec::new())
                },
            )
            .unwrap();
        assert_eq!(seen, Some(ResultsSyntax::Csv.media_type()));
        assert_eq!(String::from_utf8(body).unwrap().lines().count(), 3);
    }

    #[test]
    fn a_byte_limit_stops_the_answer() {
        let store = ontology_store();
        let err = store
            .answer(
                "SELECT * WHERE { ?s ?p ?o }",
                ResultsSyntax::Json,
                RdfSyntax::Turtle,
                None,
                |_| Ok(Limited::new(Vec::new(), 1000)),
            )
            .err()
            .unwrap();
        assert!(matches!(err, StoreError::ResponseLimit(1000)), "{err}");
    }

    #[test]
    fn a_cross_product_is_stopped_while_it_is_written() {
        let store = ontology_store();
        // A cross product reads the store only when its outer side moves on, so
        // the check at each written row is what stops it.
        let limit = Duration::from_millis(200);
        let started = std::time::Instant::now();
        let err = store
            .answer(
                "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                ResultsSyntax::Tsv,
                RdfSyntax::Turtle,
                Some(limit),
                |_| Ok(io::sink()),
            )
            .err()
            .unwrap();
        assert!(matches!(err, StoreError::Timeout(l) if l == limit), "{err}");
        assert!(started.elapsed() < Duration::from_secs(20));
    }

    #[test]
    fn service_is_a_client_error() {
        let store = ontology_store();
        let err = store
            .answer(
                "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                ResultsSyntax::Json,
                RdfSyntax::Turtle,
                None,
                |_| Ok(Vec::new()),
            )
            .err()
            .unwrap();
        assert!(matches!(err, StoreError::Unsupported(_)), "{err}");
        assert!(err.to_string().contains("SERVICE"), "{err}");
    }
}
