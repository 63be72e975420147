//! Writing many graphs at once: new ones through Oxigraph's bulk loader in
//! batches, written by a thread of their own; ones already stored through
//! [`Store::replace_content`].

use super::terms::to_ox;
use super::write::{BATCH_QUADS, default_quad, is_fact, named};
use super::{Store, StoreError, internal};
use crate::rdf::GraphContent;
use oxigraph::model::{GraphName, Quad as OxQuad};
use std::collections::HashSet;

/// Writes many graphs: a graph the store already has is replaced at once, in its
/// own transaction; new graphs are gathered and handed to Oxigraph's bulk loader
/// in batches of whole graphs, each batch one atomic ingestion. Batches are
/// written by a thread of their own while the next one gathers, so extraction
/// does not wait for storage (at most one batch gathering, one queued and one
/// being written). Dropping a loader without [`Loader::finish`] loses only the
/// batches not yet written.
pub struct Loader<'a> {
    store: &'a Store,
    batch: Vec<OxQuad>,
    /// Graphs in batches that may not be committed yet.
    pending: HashSet<String>,
    writer: Option<BatchWriter>,
}

struct BatchWriter {
    send: std::sync::mpsc::SyncSender<Vec<OxQuad>>,
    done: std::thread::JoinHandle<Result<(), String>>,
}

fn write_batch(store: &oxigraph::store::Store, batch: Vec<OxQuad>) -> Result<(), String> {
    let mut loader = store
        .bulk_loader()
        .with_num_threads(1)
        .with_max_memory_size_in_megabytes(512);
    loader.load_quads(batch).map_err(|e| e.to_string())?;
    loader.commit().map_err(|e| e.to_string())
}

impl<'a> Loader<'a> {
    pub(super) fn new(store: &'a Store) -> Loader<'a> {
        Loader {
            store,
            batch: Vec::new(),
            pending: HashSet::new(),
            writer: None,
        }
    }

    pub fn put(&mut self, content: &GraphContent) -> Result<(), StoreError> {
        // A graph met again, or one already stored, is replaced in a transaction
        // that must see every earlier batch committed.
        if self.pending.contains(&content.graph) {
            self.sync()?;
        }
        if self.store.has_graph(&content.graph)? {
            self.sync()?;
            return self.store.replace_content(content);
        }
        let g = GraphName::NamedNode(named(&content.graph)?);
        for q in &content.quads {
            let q = to_ox(q, g.clone())?;
            if is_fact(&q) {
                self.batch.push(default_quad(&q));
            }
            self.batch.push(q);
        }
        for q in &content.described {
            self.batch.push(to_ox(q, GraphName::DefaultGraph)?);
        }
        self.pending.insert(content.graph.clone());
        if self.batch.len() >= BATCH_QUADS {
            self.flush()?;
        }
        Ok(())
    }

    /// Hands the gathered batch to the writing thread.
    pub fn flush(&mut self) -> Result<(), StoreError> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        if self.writer.is_none() {
            let store = self.store.inner.clone();
            let (send, receive) = std::sync::mpsc::sync_channel::<Vec<OxQuad>>(1);
            let done = std::thread::Builder::new()
                .name("zhengqi-store-writer".into())
                .spawn(move || {
                    for batch in receive {
                        write_batch(&store, batch)?;
                    }
                    Ok(())
                })
                .map_err(|e| internal(format!("cannot start the store's writing thread: {e}")))?;
            self.writer = Some(BatchWriter { send, done });
        }
        let Some(writer) = &self.writer else {
            return Ok(());
        };
        if writer.send.send(batch).is_err() {
            // The thread stopped on an error: sync reports it.
            return self.sync();
        }
        Ok(())
    }

    /// Writes everything gathered and waits until it is committed.
    pub fn sync(&mut self) -> Result<(), StoreError> {
        self.flush()?;
        if let Some(w) = self.writer.take() {
            drop(w.send);
            w.done
                .join()
                .map_err(|_| internal("the store's writing thread failed"))?
                .map_err(internal)?;
        }
        self.pending.clear();
        Ok(())
    }

    pub fn finish(mut self) -> Result<(), StoreError> {
        self.sync()
    }
}
