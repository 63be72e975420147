//! The build pipeline, stage by stage: read documents -> extract mentions -> link
//! entities -> build the graph -> map to RDF -> store. Documents stream through one
//! at a time, so memory stays flat however large the corpus; a document that cannot
//! be read is reported and skipped, and what was stored before it stays stored.

use crate::gazetteer::Gazetteer;
use crate::graph::KnowledgeGraph;
use crate::link;
use crate::model::{EntityType, Predicate};
use crate::rdf;
use crate::read::{DocumentStream, ReadError};
use crate::store::{Store, StoreError};
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What a build did.
#[derive(Debug, Default)]
pub struct Summary {
    pub documents_read: usize,
    pub documents_skipped: usize,
    pub articles: usize,
    pub entities: BTreeMap<EntityType, usize>,
    pub relations: BTreeMap<Predicate, usize>,
    pub triples: usize,
    pub elapsed: Duration,
}

/// Reads `inputs` and writes every article's graph into `store`, replacing what an
/// earlier build stored for the same articles. `on_error` hears about each document
/// that was skipped.
pub fn build(
    store: &Store,
    inputs: &[PathBuf],
    gaz: &Gazetteer,
    mut on_error: impl FnMut(&ReadError),
) -> Result<Summary, StoreError> {
    let started = Instant::now();
    let mut summary = Summary::default();
    store.replace_graph_with_turtle(rdf::ONTOLOGY_GRAPH, rdf::ONTOLOGY)?;
    let mut seen_entities: HashSet<(EntityType, String)> = HashSet::new();
    let mut seen_relations: HashSet<(EntityType, String, Predicate, EntityType, String)> =
        HashSet::new();
    for item in DocumentStream::new(inputs) {
        let doc = match item {
            Ok(doc) => doc,
            Err(e) => {
                summary.documents_skipped += 1;
                on_error(&e);
                continue;
            }
        };
        summary.documents_read += 1;
        let mut kg = KnowledgeGraph::new();
        let articles = link::link_document(&doc, gaz, &mut kg);
        for a in articles {
            summary.articles += 1;
            let quads = rdf::article_quads(&kg, a);
            store.replace_graph(&rdf::article_graph(&kg.articles[a].id), &quads)?;
            for id in kg.nodes_of_article(a) {
                let n = kg.node(id);
                if seen_entities.insert((n.ty, n.key.clone())) {
                    *summary.entities.entry(n.ty).or_insert(0) += 1;
                }
            }
            for (s, p, o, _) in kg.edges_of_article(a) {
                let (s, o) = (kg.node(s), kg.node(o));
                if seen_relations.insert((s.ty, s.key.clone(), p, o.ty, o.key.clone())) {
                    *summary.relations.entry(p).or_insert(0) += 1;
                }
            }
        }
    }
    summary.triples = store.triple_count()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}
