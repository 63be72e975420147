//! The build pipeline, stage by stage: read documents -> extract mentions -> link
//! entities -> build the graph -> map to RDF -> store.
//!
//! One thread reads documents in input order, worker threads turn each into RDF
//! (extract, link, graph, rdf: the costly part, so it runs on every core), and the
//! calling thread writes the results into the store in input order, so a build
//! is deterministic whatever the thread timing. Channels are bounded, so memory
//! stays flat however large the corpus.
//!
//! No input aborts a build. A document that cannot be read, an article that is
//! too long, a document whose id was already built in this run, and a panic
//! anywhere in extraction, linking or RDF mapping each become a [`Problem`] that
//! names the file and line; that document (or article) is skipped and the rest is
//! stored.

use crate::gazetteer::Gazetteer;
use crate::graph::KnowledgeGraph;
use crate::link;
use crate::model::{EntityType, Predicate};
use crate::rdf::{self, GraphContent};
use crate::read::{Document, DocumentStream, ReadError};
use crate::store::{Store, StoreError};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Mutex, Once, PoisonError};
use std::time::{Duration, Instant};

/// Articles longer than this many characters are not extracted: no real news
/// article comes near it, and some rules look back over the text, so a runaway
/// input (a whole book without headings) would take minutes.
pub const MAX_ARTICLE_CHARS: usize = 200_000;

/// How a build runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Worker threads for extraction; 0 means one per core.
    pub jobs: usize,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct Summary {
    pub documents_read: usize,
    pub documents_skipped: usize,
    pub articles: usize,
    pub articles_skipped: usize,
    pub entities: BTreeMap<EntityType, usize>,
    pub relations: BTreeMap<Predicate, usize>,
    /// Quads written into article graphs.
    pub quads: usize,
    pub elapsed: Duration,
}

/// Where a build stands, for a progress display.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub documents: usize,
    pub articles: usize,
    /// Bytes of text handled so far (UTF-8 of the articles' text).
    pub bytes: u64,
}

/// Something the build skipped, and why. Each names the file and line.
#[derive(Debug)]
pub enum Problem {
    /// The document could not be read or parsed.
    Unreadable(ReadError),
    /// Extraction, linking or the RDF mapping failed (a bug): the message is the
    /// panic's.
    Failed {
        source: String,
        line: usize,
        id: String,
        message: String,
    },
    /// An article needed more work than [`crate::extract::WORK_BUDGET`] allows
    /// (a text built to defeat the rules); its document is skipped.
    OverBudget {
        source: String,
        line: usize,
        id: String,
        mentions: usize,
    },
    /// One article was over [`MAX_ARTICLE_CHARS`].
    TooLong {
        source: String,
        line: usize,
        id: String,
        chars: usize,
    },
    /// The document's id was built already in this run.
    Duplicate {
        source: String,
        line: usize,
        id: String,
        first: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Unreadable(e) => write!(f, "{e}"),
            Problem::Failed {
                source,
                line,
                id,
                message,
            } => write!(
                f,
                "{source}:{line}: document {id}: internal error, document skipped: {message}"
            ),
            Problem::OverBudget {
                source,
                line,
                id,
                mentions,
            } => write!(
                f,
                "{source}:{line}: document {id}: an article names {mentions} things, too many to relate within the work budget; document skipped"
            ),
            Problem::TooLong {
                source,
                line,
                id,
                chars,
            } => write!(
                f,
                "{source}:{line}: article {id} has {chars} characters, more than the {MAX_ARTICLE_CHARS} an article may have; skipped (split it into articles with headings)"
            ),
            Problem::Duplicate {
                source,
                line,
                id,
                first,
            } => write!(
                f,
                "{source}:{line}: document id {id} was already read from {first} in this build; this one is skipped (give it an id of its own)"
            ),
        }
    }
}

/// What the build tells its caller as it goes.
pub enum Event<'a> {
    Skipped(&'a Problem),
    Progress(Progress),
}

/// One document turned into RDF by a worker.
struct Built {
    source: String,
    line: usize,
    id: String,
    articles: Vec<ArticleRdf>,
    too_long: Vec<Problem>,
    bytes: u64,
}

struct ArticleRdf {
    content: GraphContent,
    entities: Vec<(EntityType, String)>,
    relations: Vec<(EntityType, String, Predicate, EntityType, String)>,
}

enum Outcome {
    Built(Built),
    Problem(Problem, u64),
}

/// Reads `inputs` and writes every article's graph into `store`, replacing what an
/// earlier build stored for the same articles. `on_event` hears about each
/// problem and, now and then, the progress.
pub fn build(
    store: &Store,
    inputs: &[PathBuf],
    gaz: &Gazetteer,
    options: &Options,
    on_event: impl FnMut(Event<'_>),
) -> Result<Summary, StoreError> {
    build_from(store, DocumentStream::new(inputs), gaz, options, on_event)
}

/// The documents of `inputs`, or only the one with id `id` when given (how
/// `eval` picks one record of a JSON Lines corpus).
pub fn select(
    inputs: &[PathBuf],
    id: Option<&str>,
) -> impl Iterator<Item = Result<Document, ReadError>> + Send + use<> {
    let id = id.map(str::to_string);
    DocumentStream::new(inputs).filter(move |d| match (&id, d) {
        (Some(id), Ok(doc)) => &doc.id == id,
        (Some(_), Err(_)) => false,
        (None, _) => true,
    })
}

/// The total size in bytes of the files under `inputs` that a build reads (for a
/// progress display; stdin counts nothing).
pub fn input_size(inputs: &[PathBuf]) -> u64 {
    crate::read::input_files(inputs)
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// [`build`] over any stream of documents.
pub fn build_from(
    store: &Store,
    documents: impl Iterator<Item = Result<Document, ReadError>> + Send,
    gaz: &Gazetteer,
    options: &Options,
    mut on_event: impl FnMut(Event<'_>),
) -> Result<Summary, StoreError> {
    let started = Instant::now();
    install_panic_capture();
    store.replace_graph_with_turtle(rdf::ONTOLOGY_GRAPH, rdf::ONTOLOGY)?;
    let jobs = match options.jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let (doc_tx, doc_rx) = sync_channel::<(usize, Document)>(jobs * 4);
    let doc_rx = Mutex::new(doc_rx);
    std::thread::scope(|scope| {
        let (out_tx, out_rx) = sync_channel::<(usize, Outcome)>(jobs * 8);
        let reader_out = out_tx.clone();
        scope.spawn(move || read_all(documents, doc_tx, reader_out));
        let doc_rx = &doc_rx;
        for _ in 0..jobs {
            let out_tx = out_tx.clone();
            scope.spawn(move || work(doc_rx, out_tx, gaz));
        }
        drop(out_tx);
        // The receiver moves into `write_all`, so an error there drops it and the
        // other threads stop at their next send.
        write_all(store, out_rx, &mut on_event, started)
    })
}

fn read_all(
    documents: impl Iterator<Item = Result<Document, ReadError>>,
    docs: SyncSender<(usize, Document)>,
    out: SyncSender<(usize, Outcome)>,
) {
    for (seq, item) in documents.enumerate() {
        let sent = match item {
            Ok(doc) => docs.send((seq, doc)).is_ok(),
            Err(e) => out
                .send((seq, Outcome::Problem(Problem::Unreadable(e), 0)))
                .is_ok(),
        };
        if !sent {
            return;
        }
    }
}

fn work(
    docs: &Mutex<Receiver<(usize, Document)>>,
    out: SyncSender<(usize, Outcome)>,
    gaz: &Gazetteer,
) {
    loop {
        let next = docs.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok((seq, doc)) = next else { return };
        let outcome = to_rdf(doc, gaz);
        if out.send((seq, outcome)).is_err() {
            return;
        }
    }
}

/// Extract, link, graph and RDF for one document, with panics caught.
fn to_rdf(mut doc: Document, gaz: &Gazetteer) -> Outcome {
    let bytes: u64 = doc.articles.iter().map(|a| a.text.len() as u64).sum();
    let mut too_long = Vec::new();
    doc.articles.retain(|a| {
        let chars = a.text.chars().count();
        if chars > MAX_ARTICLE_CHARS {
            too_long.push(Problem::TooLong {
                source: doc.source.clone(),
                line: a.line,
                id: a.id.clone(),
                chars,
            });
            false
        } else {
            true
        }
    });
    let (source, line, id) = (doc.source.clone(), doc.line, doc.id.clone());
    CAPTURE.with(|c| *c.borrow_mut() = Some(String::new()));
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        #[cfg(test)]
        if doc.id.starts_with("inject-panic") {
            panic!("injected for a test");
        }
        let mut kg = KnowledgeGraph::new();
        let articles = link::link_document(&doc, gaz, &mut kg);
        articles
            .into_iter()
            .map(|a| article_rdf(&kg, a))
            .collect::<Vec<_>>()
    }));
    let captured = CAPTURE.with(|c| c.borrow_mut().take());
    match result {
        Ok(articles) => Outcome::Built(Built {
            source,
            line,
            id,
            articles,
            too_long,
            bytes,
        }),
        Err(payload)
            if payload
                .downcast_ref::<crate::extract::OverBudget>()
                .is_some() =>
        {
            let mentions = payload
                .downcast_ref::<crate::extract::OverBudget>()
                .map_or(0, |o| o.mentions);
            Outcome::Problem(
                Problem::OverBudget {
                    source,
                    line,
                    id,
                    mentions,
                },
                bytes,
            )
        }
        Err(payload) => {
            let message = captured
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| panic_text(payload.as_ref()));
            Outcome::Problem(
                Problem::Failed {
                    source,
                    line,
                    id,
                    message,
                },
                bytes,
            )
        }
    }
}

fn article_rdf(kg: &KnowledgeGraph, a: usize) -> ArticleRdf {
    let content = rdf::article_quads(kg, a);
    let entities = kg
        .nodes_of_article(a)
        .into_iter()
        .map(|id| {
            let n = kg.node(id);
            (n.ty, n.key.clone())
        })
        .collect();
    let relations = kg
        .edges_of_article(a)
        .into_iter()
        .map(|(s, p, o, _)| {
            let (s, o) = (kg.node(s), kg.node(o));
            (s.ty, s.key.clone(), p, o.ty, o.key.clone())
        })
        .collect();
    ArticleRdf {
        content,
        entities,
        relations,
    }
}

/// The writer: takes outcomes in input order and stores them.
fn write_all(
    store: &Store,
    outcomes: Receiver<(usize, Outcome)>,
    on_event: &mut impl FnMut(Event<'_>),
    started: Instant,
) -> Result<Summary, StoreError> {
    let mut summary = Summary::default();
    let mut progress = Progress::default();
    let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
    let mut next = 0;
    let mut loader = store.loader();
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    let mut seen_entities: HashSet<(EntityType, String)> = HashSet::new();
    let mut seen_relations: HashSet<(EntityType, String, Predicate, EntityType, String)> =
        HashSet::new();
    let mut last_report = Instant::now();
    for (seq, outcome) in outcomes {
        pending.insert(seq, outcome);
        while let Some(outcome) = pending.remove(&next) {
            next += 1;
            progress.documents += 1;
            match outcome {
                Outcome::Problem(p, bytes) => {
                    progress.bytes += bytes;
                    summary.documents_skipped += 1;
                    on_event(Event::Skipped(&p));
                }
                Outcome::Built(doc) => {
                    progress.bytes += doc.bytes;
                    let here = format!("{}:{}", doc.source, doc.line);
                    if let Some(first) = seen_ids.get(&doc.id) {
                        summary.documents_skipped += 1;
                        on_event(Event::Skipped(&Problem::Duplicate {
                            source: doc.source,
                            line: doc.line,
                            id: doc.id,
                            first: first.clone(),
                        }));
                        continue;
                    }
                    seen_ids.insert(doc.id.clone(), here);
                    summary.documents_read += 1;
                    for p in &doc.too_long {
                        summary.articles_skipped += 1;
                        on_event(Event::Skipped(p));
                    }
                    for a in doc.articles {
                        summary.articles += 1;
                        progress.articles += 1;
                        summary.quads += a.content.quads.len();
                        loader.put(&a.content)?;
                        for e in a.entities {
                            if !seen_entities.contains(&e) {
                                *summary.entities.entry(e.0).or_insert(0) += 1;
                                seen_entities.insert(e);
                            }
                        }
                        for r in a.relations {
                            if !seen_relations.contains(&r) {
                                *summary.relations.entry(r.2).or_insert(0) += 1;
                                seen_relations.insert(r);
                            }
                        }
                    }
                }
            }
            if last_report.elapsed() >= Duration::from_millis(100) {
                last_report = Instant::now();
                on_event(Event::Progress(progress));
            }
        }
    }
    loader.finish()?;
    on_event(Event::Progress(progress));
    summary.elapsed = started.elapsed();
    Ok(summary)
}

thread_local! {
    /// Set while a worker runs a document: a panic on this thread is recorded
    /// here (message and place) instead of being printed, and reported as the
    /// document's problem.
    static CAPTURE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs, once per process, a panic hook that records panics of threads
/// running a document and hands every other panic to the hook it replaced.
fn install_panic_capture() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let captured = CAPTURE.with(|c| {
                let mut c = c.borrow_mut();
                match c.as_mut() {
                    Some(slot) => {
                        let place = info
                            .location()
                            .map(|l| format!(" at {}:{}", l.file(), l.line()))
                            .unwrap_or_default();
                        *slot = format!("{}{place}", panic_text(info.payload()));
                        true
                    }
                    None => false,
                }
            });
            if !captured {
                previous(info);
            }
        }));
    });
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

/// Runs the whole build (read, extract, link, graph, RDF, store) on `bytes` as one
/// input file, into a store in memory, and says what went wrong: an internal
/// error (a panic) in any stage, or a store that refused what it was given. Bad
/// input is not wrong: it must only be reported. The fuzz targets call this.
pub fn check_bytes(bytes: &[u8], gaz: &Gazetteer) -> Result<usize, String> {
    let store = Store::memory().map_err(|e| e.to_string())?;
    let mut failure = None;
    let summary = build_from(
        &store,
        DocumentStream::from_bytes(bytes.to_vec(), "fuzz-input", "fuzz"),
        gaz,
        &Options { jobs: 1 },
        |event| {
            if let Event::Skipped(p @ Problem::Failed { .. }) = event {
                failure = Some(p.to_string());
            }
        },
    )
    .map_err(|e| format!("the store refused the build: {e}"))?;
    match failure {
        Some(f) => Err(f),
        None => Ok(summary.articles),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jsonl(ids: &[&str]) -> Vec<u8> {
        ids.iter()
            .map(|id| format!("{{\"id\":\"{id}\",\"title\":\"海宁市推出新举措\",\"text\":\"海宁市市场监管局推出“企业服务专窗”。\"}}\n"))
            .collect::<String>()
            .into_bytes()
    }

    /// Builds `bytes` (as file `c.jsonl`) into a fresh store in memory, with the
    /// given threads; returns the summary and the problems reported.
    fn build_bytes(bytes: Vec<u8>, jobs: usize) -> (Summary, Vec<String>) {
        let store = Store::memory().unwrap();
        let mut problems = Vec::new();
        let summary = build_from(
            &store,
            DocumentStream::from_bytes(bytes, "c.jsonl", "c"),
            &Gazetteer::bundled(),
            &Options { jobs },
            |e| {
                if let Event::Skipped(p) = e {
                    problems.push(p.to_string());
                }
            },
        )
        .unwrap();
        (summary, problems)
    }

    #[test]
    fn a_panicking_document_is_reported_and_the_rest_is_stored() {
        let store = Store::memory().unwrap();
        let mut problems = Vec::new();
        let summary = build_from(
            &store,
            DocumentStream::from_bytes(jsonl(&["a", "inject-panic", "b"]), "c.jsonl", "c"),
            &Gazetteer::bundled(),
            &Options { jobs: 2 },
            |e| {
                if let Event::Skipped(p) = e {
                    problems.push(p.to_string());
                }
            },
        )
        .unwrap();
        assert_eq!(summary.articles, 2);
        assert_eq!(summary.documents_skipped, 1);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("c.jsonl:2: document inject-panic: internal error")
                && problems[0].contains("injected for a test"),
            "{}",
            problems[0]
        );
        assert!(store.has_graph(&rdf::article_graph("b/0")).unwrap());
    }

    #[test]
    fn a_repeated_id_is_reported_not_merged() {
        let (summary, problems) = build_bytes(jsonl(&["a", "a"]), 0);
        assert_eq!(summary.articles, 1);
        assert_eq!(
            problems,
            [
                "c.jsonl:2: document id a was already read from c.jsonl:1 in this build; this one is skipped (give it an id of its own)"
            ]
        );
    }

    #[test]
    fn an_overlong_article_is_skipped_with_its_size() {
        let text = "海宁".repeat(MAX_ARTICLE_CHARS);
        let line = format!("{{\"id\":\"big\",\"title\":\"t\",\"text\":\"{text}\"}}\n");
        let (_, problems) = build_bytes(line.into_bytes(), 0);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].contains("article big/0 has 400002 characters"),
            "{}",
            problems[0]
        );
    }
}
