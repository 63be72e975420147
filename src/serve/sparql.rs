//! The SPARQL 1.1 Protocol at `/query`: where the query and the update come from
//! (GET, POST, forms), content negotiation, the status for each error, and the
//! query workers. Each query holds one of a fixed number of worker slots while it
//! runs; a bounded number may wait for one, the rest get 503 with Retry-After at
//! once. Queries run in a child process (see `store::isolate`) that is killed at
//! its limits; its answer is streamed: the first [`FIRST_PART`] bytes are gathered
//! so that short answers and early failures get a whole answer with their true
//! status, and longer answers go on in chunks as they are serialised.
//!
//! Status codes: 400 for syntax errors, unknown formats and what is not offered
//! (`SERVICE`, unknown functions, dataset parameters); 403 for updates; 415 for
//! other body types; 503 when a query passes its time, memory or answer limit
//! (the message names the limit and its flag) and, with Retry-After, when every
//! worker is busy and the queue is full; 500 when the query process fails.

use super::http::{Request, Response};
use super::{Reply, State, decode_form, param};
use crate::store::isolate::{self, Frame, FrameSender, Frames, QueryRequest};
use crate::store::{Limited, RdfSyntax, ResultsSyntax, StoreError};
use std::io::Write;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

/// Bytes of an answer gathered before its head is sent.
const FIRST_PART: usize = 64 * 1024;

/// The query workers: at most `workers` queries run at once, at most `queue`
/// wait for a turn.
pub(super) struct Slots {
    state: Mutex<SlotState>,
    freed: Condvar,
    workers: usize,
    queue: usize,
}

#[derive(Default)]
struct SlotState {
    running: usize,
    waiting: usize,
}

/// A worker's turn; dropping it lets the next query in.
pub(super) struct Slot(Arc<Slots>);

impl Drop for Slot {
    fn drop(&mut self) {
        let mut s = self.0.lock();
        s.running -= 1;
        drop(s);
        self.0.freed.notify_one();
    }
}

impl Slots {
    pub fn new(workers: usize, queue: usize) -> Slots {
        Slots {
            state: Mutex::new(SlotState::default()),
            freed: Condvar::new(),
            workers: workers.max(1),
            queue,
        }
    }

    /// Counters change in single steps, so a lock poisoned by a panic elsewhere
    /// still holds consistent numbers.
    fn lock(&self) -> std::sync::MutexGuard<'_, SlotState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A turn, waiting at most `wait`; the refusal says why.
    pub fn acquire(self: &Arc<Self>, wait: Duration) -> Result<Slot, String> {
        let mut s = self.lock();
        if s.running < self.workers {
            s.running += 1;
            return Ok(Slot(self.clone()));
        }
        if s.waiting >= self.queue {
            return Err(format!(
                "all {} query workers are busy and {} queries are waiting",
                self.workers, s.waiting
            ));
        }
        s.waiting += 1;
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            s = self
                .freed
                .wait_timeout(s, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
            if s.running < self.workers {
                s.waiting -= 1;
                s.running += 1;
                return Ok(Slot(self.clone()));
            }
            if Instant::now() >= deadline {
                s.waiting -= 1;
                return Err(format!(
                    "no query worker became free within {wait:?} (all {} are busy)",
                    self.workers
                ));
            }
        }
    }
}

pub(super) fn refuse(state: &State, update: &str) -> Reply {
    match state.store.refuse_update(update) {
        Err(e) => Reply::text(403, e.to_string()),
        // Only if the store ever starts accepting updates; this endpoint still won't.
        Ok(()) => Reply::text(403, "updates are refused: this endpoint is read-only"),
    }
}

/// The media type of a Content-Type header, without parameters, lower-cased.
fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

pub(super) fn sparql(rq: &Request, state: &Arc<State>) -> Response {
    match start(rq, state) {
        Ok(r) => r,
        Err(reply) => Response::Whole(reply),
    }
}

fn start(rq: &Request, state: &Arc<State>) -> Result<Response, Reply> {
    let url_params = decode_form(&rq.query);
    let (query, update) = match rq.method.as_str() {
        "GET" | "HEAD" => (
            param(&url_params, "query").map(str::to_string),
            param(&url_params, "update").map(str::to_string),
        ),
        "POST" => {
            let ctype = media_type(rq.header("Content-Type").unwrap_or(""));
            let body = String::from_utf8(rq.body.clone())
                .map_err(|_| Reply::text(400, "the request body is not UTF-8"))?;
            match ctype.as_str() {
                "application/sparql-query" => (Some(body), None),
                "application/sparql-update" => (None, Some(body)),
                "application/x-www-form-urlencoded" => {
                    let form = decode_form(&body);
                    (
                        param(&form, "query").map(str::to_string),
                        param(&form, "update").map(str::to_string),
                    )
                }
                other => {
                    return Err(Reply::text(
                        415,
                        format!(
                            "unsupported Content-Type {other:?}: use application/sparql-query or application/x-www-form-urlencoded"
                        ),
                    ));
                }
            }
        }
        _ => {
            return Err(Reply::text(405, "method not allowed").with("Allow", "GET, POST, OPTIONS"));
        }
    };
    if let Some(u) = update {
        return Err(refuse(state, &u));
    }
    let Some(query) = query.filter(|q| !q.trim().is_empty()) else {
        return Err(Reply::text(
            400,
            "missing query: send ?query=… or POST application/sparql-query",
        ));
    };
    if ["default-graph-uri", "named-graph-uri"]
        .iter()
        .any(|p| param(&url_params, p).is_some())
    {
        return Err(Reply::text(
            400,
            "default-graph-uri and named-graph-uri are not supported: use FROM / FROM NAMED in the query (without them the default graph is the union of all graphs)",
        ));
    }
    let (results, graph) = match param(&url_params, "format") {
        Some(f) => match format_param(f) {
            Some(choice) => choice,
            None => return Err(Reply::text(400, format!("unknown format {f:?}"))),
        },
        None => negotiate(rq.header("Accept")),
    };
    // Parsing is cheap: a malformed query is answered here, without a worker.
    state
        .store
        .check_query(&query)
        .map_err(|e| failure(state, &query, e))?;
    let limits = state.options.limits;
    let slot = state.slots.acquire(limits.timeout).map_err(|why| {
        Reply::text(
            503,
            format!("the endpoint is busy: {why}; try again shortly"),
        )
        .with("Retry-After", "2")
    })?;
    let mut frames = match state.launcher() {
        Some(launcher) => isolate::start_query(
            launcher,
            &QueryRequest {
                query: query.clone(),
                results,
                graph,
                limits,
            },
        )
        .map_err(|e| failure(state, &query, e))?,
        None => in_process(state, query.clone(), results, graph),
    };
    let media = match frames.next_frame() {
        Frame::Start(m) => m,
        Frame::Failed(e) => return Err(failure(state, &query, e)),
        Frame::Data(_) | Frame::End => {
            return Err(failure(
                state,
                &query,
                StoreError::Worker("the answer came without its media type".into()),
            ));
        }
    };
    let mut first = Vec::new();
    while first.len() < FIRST_PART {
        match frames.next_frame() {
            Frame::Data(d) => first.extend_from_slice(&d),
            Frame::Start(_) => {}
            Frame::End => {
                return Ok(Response::Whole(
                    Reply::new(200, &with_charset(&media), first).with("Vary", "Accept"),
                ));
            }
            Frame::Failed(e) => return Err(failure(state, &query, e)),
        }
    }
    Ok(Response::Stream {
        head: Reply::new(200, &with_charset(&media), first).with("Vary", "Accept"),
        frames,
        hold: Box::new(slot),
    })
}

/// Runs a query on a thread of this process (stores in memory), sending its
/// answer as frames.
fn in_process(
    state: &Arc<State>,
    query: String,
    results: ResultsSyntax,
    graph: RdfSyntax,
) -> Frames {
    let (tx, rx) = sync_channel(2);
    let state = state.clone();
    thread::spawn(move || {
        let limits = state.options.limits;
        let gone = |_| StoreError::Output("the client went away".into());
        let result = state
            .store
            .answer(&query, results, graph, Some(limits.timeout), |media| {
                tx.send(Frame::Start(media.to_string())).map_err(gone)?;
                Ok(Limited::new(
                    FrameSender::new(tx.clone()),
                    limits.max_response,
                ))
            });
        let last = match result
            .and_then(|mut w| w.flush().map_err(|e| StoreError::Output(e.to_string())))
        {
            Ok(()) => Frame::End,
            Err(e) => Frame::Failed(e),
        };
        let _ = tx.send(last);
    });
    Frames::from_channel(rx)
}

/// The answer to a query that failed before its answer began.
fn failure(state: &State, query: &str, e: StoreError) -> Reply {
    match e {
        // Someone sent an update as `query=`: say why it fails, not how it misparses.
        StoreError::Syntax(_) if looks_like_update(query) => refuse(state, query),
        e => Reply::text(status_of(&e), e.to_string()),
    }
}

fn status_of(e: &StoreError) -> u16 {
    match e {
        StoreError::Syntax(_) | StoreError::Unsupported(_) => 400,
        StoreError::UpdateRefused => 403,
        StoreError::Timeout(_) | StoreError::MemoryLimit(_) | StoreError::ResponseLimit(_) => 503,
        _ => 500,
    }
}

/// Text media types get an explicit charset so browsers do not guess (once: some
/// of the store's media types already carry one).
fn with_charset(media_type: &str) -> String {
    if media_type.starts_with("text/") && !media_type.to_ascii_lowercase().contains("charset=") {
        format!("{media_type}; charset=utf-8")
    } else {
        media_type.to_string()
    }
}

/// Whether a text that failed to parse as a query starts like a SPARQL update.
fn looks_like_update(text: &str) -> bool {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.starts_with('#') {
            rest = rest.split_once('\n').map_or("", |(_, r)| r);
            continue;
        }
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_uppercase();
        match word.as_str() {
            // Skip a prologue declaration: PREFIX p: <iri> or BASE <iri>.
            "PREFIX" | "BASE" => {
                rest = rest.split_once('>').map_or("", |(_, r)| r);
            }
            "INSERT" | "DELETE" | "LOAD" | "CLEAR" | "CREATE" | "DROP" | "COPY" | "MOVE"
            | "ADD" | "WITH" => return true,
            _ => return false,
        }
    }
}

/// The `format` parameter some endpoints accept, for links that cannot set Accept.
fn format_param(f: &str) -> Option<(ResultsSyntax, RdfSyntax)> {
    let (mut r, mut g) = (ResultsSyntax::Json, RdfSyntax::Turtle);
    match f.to_ascii_lowercase().as_str() {
        "json" => {}
        "xml" => (r, g) = (ResultsSyntax::Xml, RdfSyntax::RdfXml),
        "csv" => r = ResultsSyntax::Csv,
        "tsv" => r = ResultsSyntax::Tsv,
        "turtle" | "ttl" => {}
        "ntriples" | "nt" => g = RdfSyntax::NTriples,
        "rdfxml" | "rdf" => g = RdfSyntax::RdfXml,
        "jsonld" => g = RdfSyntax::JsonLd,
        _ => return None,
    }
    Some((r, g))
}

/// In order of preference; generic aliases last so `text/*` means CSV, not XML.
const RESULT_TYPES: [(&str, ResultsSyntax); 7] = [
    ("application/sparql-results+json", ResultsSyntax::Json),
    ("application/sparql-results+xml", ResultsSyntax::Xml),
    ("text/csv", ResultsSyntax::Csv),
    ("text/tab-separated-values", ResultsSyntax::Tsv),
    ("application/json", ResultsSyntax::Json),
    ("application/xml", ResultsSyntax::Xml),
    ("text/xml", ResultsSyntax::Xml),
];

const GRAPH_TYPES: [(&str, RdfSyntax); 6] = [
    ("text/turtle", RdfSyntax::Turtle),
    ("application/x-turtle", RdfSyntax::Turtle),
    ("application/n-triples", RdfSyntax::NTriples),
    ("application/rdf+xml", RdfSyntax::RdfXml),
    ("application/ld+json", RdfSyntax::JsonLd),
    ("application/xml", RdfSyntax::RdfXml),
];

/// Picks the result syntax (for SELECT/ASK) and the RDF syntax (for CONSTRUCT and
/// DESCRIBE) from an Accept header, separately, since the endpoint only knows the
/// query's form after parsing it. Each media range's quality applies to the types it
/// matches, the most specific range winning (RFC 9110 §12.5.1); ties go to the
/// order above; nothing acceptable falls back to JSON and Turtle rather than 406, so
/// a browser's `text/html,…` still gets an answer.
fn negotiate(accept: Option<&str>) -> (ResultsSyntax, RdfSyntax) {
    let ranges: Vec<(String, f32)> = accept
        .unwrap_or("")
        .split(',')
        .filter_map(|part| {
            let mut bits = part.split(';');
            let range = bits.next()?.trim().to_ascii_lowercase();
            if range.is_empty() {
                return None;
            }
            let q = bits
                .filter_map(|b| b.trim().strip_prefix("q=").or(b.trim().strip_prefix("Q=")))
                .find_map(|v| v.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((range, q))
        })
        .collect();
    let quality = |media: &str| -> f32 {
        let kind = media.split('/').next().unwrap_or("");
        let mut best: Option<(u8, f32)> = None;
        for (range, q) in &ranges {
            let specificity = if range == media {
                3
            } else if range.strip_suffix("/*") == Some(kind) {
                2
            } else if range == "*/*" {
                1
            } else {
                continue;
            };
            if best.is_none_or(|(s, _)| specificity > s) {
                best = Some((specificity, *q));
            }
        }
        best.map_or(0.0, |(_, q)| q)
    };
    fn pick<T: Copy>(options: &[(&str, T)], quality: &dyn Fn(&str) -> f32) -> Option<T> {
        let mut best: Option<(f32, T)> = None;
        for &(media, value) in options {
            let q = quality(media);
            if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
                best = Some((q, value));
            }
        }
        best.map(|(_, v)| v)
    }
    (
        pick(&RESULT_TYPES, &quality).unwrap_or(ResultsSyntax::Json),
        pick(&GRAPH_TYPES, &quality).unwrap_or(RdfSyntax::Turtle),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_bound_running_and_waiting_queries() {
        let slots = Arc::new(Slots::new(1, 1));
        let first = slots.acquire(Duration::ZERO).unwrap();
        // One may wait: it gets the slot once the first is done.
        let s = slots.clone();
        let waiter = thread::spawn(move || s.acquire(Duration::from_secs(30)).map(|_| ()));
        while slots.lock().waiting == 0 {
            thread::yield_now();
        }
        // The queue is full: refused at once, saying why.
        let full = slots.acquire(Duration::from_secs(30)).err().unwrap();
        assert!(full.contains("busy"), "{full}");
        drop(first);
        assert!(waiter.join().unwrap().is_ok());
        // A wait that outlasts its limit is refused too.
        let held = slots.acquire(Duration::ZERO).unwrap();
        let late = Arc::new(Slots::new(1, 4));
        let _busy = late.acquire(Duration::ZERO).unwrap();
        let timed_out = late.acquire(Duration::from_millis(20)).err().unwrap();
        assert!(timed_out.contains("within"), "{timed_out}");
        assert_eq!(late.lock().waiting, 0);
        drop(held);
        assert_eq!(slots.lock().running, 0);
    }

    #[test]
    fn accept_negotiation() {
        use RdfSyntax as G;
        use ResultsSyntax as R;
        assert_eq!(negotiate(None), (R::Json, G::Turtle));
        assert_eq!(
            negotiate(Some("application/sparql-results+xml")),
            (R::Xml, G::Turtle)
        );
        assert_eq!(
            negotiate(Some("text/csv;q=0.5, text/tab-separated-values")),
            (R::Tsv, G::Turtle)
        );
        assert_eq!(
            negotiate(Some("text/*;q=0.9, application/rdf+xml")),
            (R::Csv, G::RdfXml)
        );
        // A browser's header: */* reaches the first choice of each list.
        assert_eq!(
            negotiate(Some(
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
            )),
            (R::Xml, G::RdfXml)
        );
        // A more specific range overrides a broad one, even to refuse.
        assert_eq!(
            negotiate(Some("*/*, application/sparql-results+json;q=0")),
            (R::Xml, G::Turtle)
        );
        assert_eq!(negotiate(Some("text/*, text/csv;q=0")), (R::Tsv, G::Turtle));
        assert_eq!(
            negotiate(Some("application/n-triples, text/turtle;q=0.5")),
            (R::Json, G::NTriples)
        );
        assert_eq!(negotiate(Some("image/png")), (R::Json, G::Turtle));
    }

    #[test]
    fn charset_is_added_once() {
        assert_eq!(with_charset("text/turtle"), "text/turtle; charset=utf-8");
        assert_eq!(
            with_charset("text/csv; charset=utf-8"),
            "text/csv; charset=utf-8"
        );
        assert_eq!(
            with_charset(ResultsSyntax::Tsv.media_type())
                .matches("charset")
                .count(),
            1
        );
        assert_eq!(
            with_charset("application/sparql-results+json"),
            "application/sparql-results+json"
        );
    }

    #[test]
    fn update_detection() {
        assert!(looks_like_update("INSERT DATA { <a> <b> <c> }"));
        assert!(looks_like_update(
            "# comment\nPREFIX ex: <http://ex/>\n delete where { ?s ?p ?o }"
        ));
        assert!(!looks_like_update("SELECT * WHERE { ?s ?p ?o }"));
        assert!(!looks_like_update("PREFIX ex: <http://ex/> ASK {}"));
    }
}
