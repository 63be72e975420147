//! Writing: a graph replaced, removed or loaded from RDF text, with the default graph
//! kept in step (a fact leaves it only when no other graph states it, an entity's
//! description only when no graph names it), and the checks of what counts as a fact.
//! Many graphs at once go through [`Loader`], which shares these checks.

use super::terms::{self, to_ox};
use super::{Loader, RdfSyntax, Store, StoreError, internal};
use crate::rdf::{self, GraphContent, Quad};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{
    BlankNode, GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode,
    NamedOrBlankNodeRef, Quad as OxQuad, Term as OxTerm, Triple,
};
use std::collections::{HashMap, HashSet};
use std::io;

/// How many quads of new articles are gathered before they go to the bulk loader
/// as one atomic batch: large enough for the loader to be efficient, small enough
/// to keep the build's memory flat.
pub(super) const BATCH_QUADS: usize = 400_000;

impl Store {
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
}

pub(super) fn named(iri: &str) -> Result<NamedNode, StoreError> {
    NamedNode::new(iri).map_err(|e| internal(format!("bad graph name <{iri}>: {e}")))
}

pub(super) fn is_fact(q: &OxQuad) -> bool {
    let subject = match &q.subject {
        NamedOrBlankNode::NamedNode(n) => n.as_str(),
        _ => "",
    };
    !rdf::is_provenance(subject, q.predicate.as_str())
}

fn triple(q: &OxQuad) -> Triple {
    Triple::new(q.subject.clone(), q.predicate.clone(), q.object.clone())
}

pub(super) fn default_quad(q: &OxQuad) -> OxQuad {
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
    use super::super::tests::quad;
    use super::*;
    use crate::rdf::Term;
    use crate::store::QueryOutput;

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
