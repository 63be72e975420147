//! SPARQL evaluation with time limits, and serialisation of answers and of the
//! store's contents in the RDF syntaxes. Reads only; writing is `store`'s.

use super::answer::evaluation_error;
use super::terms::from_ox;
use super::timer::Deadline;
use super::{QueryOutput, RdfSyntax, ResultsSyntax, Serialized, Store, StoreError, internal};
use crate::rdf::{self, Term};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, Quad as OxQuad};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use std::io::Write;
use std::time::Duration;

impl Store {
    /// Distinct triples across all graphs, sorted so exports are stable.
    fn distinct_triples(&self) -> Result<Vec<oxigraph::model::Triple>, StoreError> {
        let mut v: Vec<oxigraph::model::Triple> = self
            .inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .map(|q| q.map(|q| oxigraph::model::Triple::new(q.subject, q.predicate, q.object)))
            .collect::<Result<_, _>>()
            .map_err(internal)?;
        v.sort_by_cached_key(|t| t.to_string());
        Ok(v)
    }

    pub(super) fn prepare(
        &self,
        sparql: &str,
        timeout: Option<Duration>,
    ) -> Result<(QueryResults<'static>, Option<Deadline>), StoreError> {
        let token = CancellationToken::new();
        let prepared = evaluator()?
            .with_cancellation_token(token.clone())
            .parse_query(sparql)
            .map_err(|e| StoreError::Syntax(e.to_string()))?;
        // Queries without FROM read the default graph: each fact once, however
        // many articles state it.
        // The guard lives as long as the caller reads the results (evaluation is
        // lazy), and dropping it takes the deadline off the timer's queue.
        let deadline = timeout.map(|limit| Deadline::start(limit, token));
        let results = prepared
            .on_store(&self.inner)
            .execute()
            .map_err(|e| evaluation_error(&deadline, timeout, e))?;
        Ok((results, deadline))
    }

    /// Runs a SPARQL query and collects the answer. `timeout` stops long queries.
    pub fn query(
        &self,
        sparql: &str,
        timeout: Option<Duration>,
    ) -> Result<QueryOutput, StoreError> {
        let (results, deadline) = self.prepare(sparql, timeout)?;
        let fail = |e| evaluation_error(&deadline, timeout, e);
        // Rows are checked against the limit too (see `answer`).
        let alive = || match (&deadline, timeout) {
            (Some(d), Some(limit)) if d.expired() => Err(StoreError::Timeout(limit)),
            _ => Ok(()),
        };
        Ok(match results {
            QueryResults::Boolean(b) => QueryOutput::Boolean(b),
            QueryResults::Solutions(solutions) => {
                let variables: Vec<String> = in_query_order(sparql, solutions.variables())
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect();
                let mut rows = Vec::new();
                for s in solutions {
                    let s = s.map_err(fail)?;
                    alive()?;
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
                    let t = t.map_err(fail)?;
                    alive()?;
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

    /// Runs a query and serialises the whole answer into memory: SELECT/ASK in
    /// `results`, CONSTRUCT and DESCRIBE in `graph_syntax`. [`Store::answer`]
    /// writes it as it comes instead.
    pub fn query_serialized(
        &self,
        sparql: &str,
        results: ResultsSyntax,
        graph_syntax: RdfSyntax,
        timeout: Option<Duration>,
    ) -> Result<Serialized, StoreError> {
        let mut media_type = "";
        let body = self.answer(sparql, results, graph_syntax, timeout, |m| {
            media_type = m;
            Ok(Vec::new())
        })?;
        Ok(Serialized { media_type, body })
    }

    /// Refuses SPARQL updates with a clear error; the endpoint calls this when a
    /// request carries one, so the refusal is decided in one place.
    pub fn refuse_update(&self, _update: &str) -> Result<(), StoreError> {
        Err(StoreError::UpdateRefused)
    }

    /// All quads of the named graphs in a stable order, so exports of equal stores
    /// are equal files. The default graph is derived from them and is not part of
    /// what is exported with graphs.
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

    /// Writes the whole store. Triple syntaxes get every fact of every graph once;
    /// quad syntaxes keep the graphs.
    pub fn export(&self, syntax: RdfSyntax, mut writer: impl Write) -> Result<(), StoreError> {
        if syntax == RdfSyntax::JsonLd {
            // Oxigraph writes a bare array of node objects; wrapped with a
            // context of the project's prefixes it is a JSON-LD document that
            // readers take as the default graph, and users can compact.
            let mut body = Vec::new();
            let mut w = prefixed(syntax.format())?.for_writer(&mut body);
            for t in self.distinct_triples()? {
                w.serialize_triple(t.as_ref()).map_err(internal)?;
            }
            w.finish().map_err(internal)?;
            let context: serde_json::Map<String, serde_json::Value> = rdf::PREFIXES
                .iter()
                .map(|(p, ns)| (p.to_string(), serde_json::Value::String(ns.to_string())))
                .collect();
            let io = |e: std::io::Error| internal(e);
            write!(
                writer,
                "{{\"@context\":{},\"@graph\":",
                serde_json::Value::Object(context)
            )
            .map_err(io)?;
            let body = if body.trim_ascii().is_empty() {
                b"[]".to_vec()
            } else {
                body
            };
            writer.write_all(&body).map_err(io)?;
            writer.write_all(b"}\n").map_err(io)?;
            return Ok(());
        }
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

    /// What the store holds, counted with SPARQL over the default graph (each
    /// fact once) and the named graphs.
    pub fn stats(&self) -> Result<super::Stats, StoreError> {
        let count = |q: &str| -> Result<Vec<(String, usize)>, StoreError> {
            match self.query(q, None)? {
                QueryOutput::Solutions { rows, .. } => Ok(rows
                    .into_iter()
                    .filter_map(|r| {
                        let n = r.get(1)?.as_ref()?.value().parse().ok()?;
                        let k = r.first()?.as_ref()?.value().to_string();
                        Some((k, n))
                    })
                    .collect()),
                _ => Ok(Vec::new()),
            }
        };
        let local = |iri: &str| iri.rsplit(['#', '/']).next().unwrap_or(iri).to_string();
        let types = "SELECT ?k (COUNT(?e) AS ?n) WHERE { VALUES ?k { zq:Division zq:Agency zq:Company zq:Organization zq:Person zq:Initiative zq:Article } ?e a ?k } GROUP BY ?k ORDER BY ?k";
        let preds = "SELECT ?k (COUNT(*) AS ?n) WHERE { VALUES ?k { zq:partOf zq:locatedIn zq:launchedBy zq:participatesIn zq:worksFor zq:author zq:subOrganizationOf zq:supervises } ?s ?k ?o } GROUP BY ?k ORDER BY ?k";
        let entities: Vec<(String, usize)> = count(types)?
            .into_iter()
            .map(|(k, n)| (local(&k), n))
            .collect();
        let relations = count(preds)?
            .into_iter()
            .map(|(k, n)| (local(&k), n))
            .collect();
        let articles = entities
            .iter()
            .find(|(k, _)| k == "Article")
            .map_or(0, |(_, n)| *n);
        Ok(super::Stats {
            articles,
            entities,
            relations,
            graphs: self.inner.named_graphs().count(),
            facts: self.triple_count()?,
            bytes: self.dir.as_deref().map_or(0, dir_bytes),
            modified: self.dir.as_deref().and_then(last_modified),
        })
    }

    /// Every article: its id (as `build` and `articles --remove` name it) and
    /// headline, sorted by id.
    pub fn articles(&self) -> Result<Vec<(String, String)>, StoreError> {
        let q = "SELECT ?a ?t WHERE { ?a a zq:Article ; dcterms:title ?t } ORDER BY ?a";
        let prefix = crate::rdf::ID.to_string() + "article/";
        Ok(match self.query(q, None)? {
            QueryOutput::Solutions { rows, .. } => rows
                .into_iter()
                .filter_map(|r| {
                    let iri = r.first()?.as_ref()?.value().to_string();
                    let id = iri.strip_prefix(&prefix)?.to_string();
                    let id = percent_decode(&id);
                    Some((id, r.get(1)?.as_ref()?.value().to_string()))
                })
                .collect(),
            _ => Vec::new(),
        })
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

/// A SPARQL parser and evaluator that knows the project's prefixes.
pub(super) fn evaluator() -> Result<SparqlEvaluator, StoreError> {
    let mut evaluator = SparqlEvaluator::new();
    for (p, ns) in rdf::PREFIXES {
        evaluator = evaluator.with_prefix(p, ns).map_err(internal)?;
    }
    Ok(evaluator)
}

pub(super) fn prefixed(format: RdfFormat) -> Result<RdfSerializer, StoreError> {
    let mut s = RdfSerializer::from_format(format);
    for (p, ns) in rdf::PREFIXES {
        s = s.with_prefix(p, ns).map_err(internal)?;
    }
    Ok(s)
}

/// The columns of a `SELECT *` in the order their variables first appear in
/// the query, as a reader of the query expects; other queries keep the order of
/// their projection.
pub(super) fn in_query_order(
    sparql: &str,
    variables: &[oxigraph::sparql::Variable],
) -> Vec<oxigraph::sparql::Variable> {
    let upper = sparql.to_uppercase();
    let star = upper
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| matches!(w[0], "SELECT" | "DISTINCT" | "REDUCED") && w[1] == "*")
        || upper.contains("SELECT*");
    if !star {
        return variables.to_vec();
    }
    let mut order: Vec<String> = Vec::new();
    let chars: Vec<char> = sparql.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if (chars[i] == '?' || chars[i] == '$')
            && chars
                .get(i + 1)
                .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            let name: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_')
                .collect();
            i += 1 + name.chars().count();
            if !order.contains(&name) {
                order.push(name);
            }
        } else {
            i += 1;
        }
    }
    let mut out = variables.to_vec();
    out.sort_by_key(|v| {
        order
            .iter()
            .position(|n| n == v.as_str())
            .unwrap_or(usize::MAX)
    });
    out
}

/// Undoes the percent-encoding of IRI segments (`%2F` and the like).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(hex) = std::str::from_utf8(&bytes[i + 1..i + 3])
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn dir_bytes(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn last_modified(dir: &std::path::Path) -> Option<std::time::SystemTime> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok()?.modified().ok())
        .max()
}

#[cfg(test)]
mod tests {
    use super::super::tests::quad;
    use super::*;
    use oxigraph::sparql::Variable;

    #[test]
    fn select_star_keeps_the_order_of_the_query() {
        let vars = [Variable::new_unchecked("a"), Variable::new_unchecked("z")];
        let got = in_query_order("SELECT * WHERE { ?z ?p ?a }", &vars);
        assert_eq!(
            got,
            [Variable::new_unchecked("z"), Variable::new_unchecked("a")]
        );
        // A projection keeps its own order.
        let got = in_query_order("SELECT ?a ?z WHERE { ?z ?p ?a }", &vars);
        assert_eq!(got, vars);
    }

    #[test]
    fn percent_escapes_decode_and_bad_ones_stay() {
        assert_eq!(percent_decode("a%2Fb"), "a/b");
        assert_eq!(percent_decode("%E6%B5%B7"), "海");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%海"), "%海");
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
}
