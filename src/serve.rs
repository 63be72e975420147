//! The read-only SPARQL 1.1 Protocol endpoint and its browser page. It owns HTTP:
//! routing, form and query-string decoding, content negotiation, CORS, status codes
//! and the worker threads; SPARQL evaluation, time limits and the refusal of updates
//! stay in `store`, and the graph view reuses `export`'s Cytoscape JSON.
//!
//! Routes: `/` (the page), `/query` (GET `?query=`, POST `application/sparql-query`
//! or a form), `/update` (always 403), `/graph.json` (the page's network: `graph`)
//! and `/health`.

use crate::export::GraphIndex;
use crate::store::{RdfSyntax, ResultsSyntax, Store, StoreError};
use std::io::Read;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::thread;
use std::time::Duration;
use thiserror::Error;
use tiny_http::{Header, Method, Request, Response, Server};

mod graph;

const INDEX_HTML: &str = include_str!("serve/index.html");
/// Queries block the thread that runs them, so a few workers keep `/health` and
/// short queries answering while one long query runs.
const WORKERS: usize = 4;
const MAX_BODY: u64 = 1 << 20;

#[derive(Debug, Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {message}")]
    Bind { addr: String, message: String },
    #[error("a worker thread panicked")]
    Worker,
}

/// Serves `store` on `bind` until the process ends. Every query is stopped after
/// `timeout`.
pub fn serve(store: Store, bind: &str, timeout: Duration) -> Result<(), ServeError> {
    let triples = store.triple_count().ok();
    let endpoint = Endpoint::bind(store, bind, timeout)?;
    let addr = endpoint
        .addr()
        .map_or_else(|| bind.to_string(), |a| a.to_string());
    // One line, printed once the socket listens (so a script may wait for it; with
    // port 0 it is the only way to learn the port).
    let size = triples.map_or_else(String::new, |n| format!("{n} triples; "));
    eprintln!(
        "zhengqi: serving {size}SPARQL endpoint at http://{addr}/query, browser view at http://{addr}/ (time limit {timeout:?})"
    );
    endpoint.run()
}

struct State {
    store: Store,
    timeout: Duration,
    /// The exported network, loaded on the first `/graph.json`: the store is
    /// read-only while served, so it never goes stale.
    graph: OnceLock<Arc<GraphIndex>>,
}

struct Endpoint {
    server: Arc<Server>,
    state: Arc<State>,
    stop: Arc<AtomicBool>,
}

impl Endpoint {
    fn bind(store: Store, bind: &str, timeout: Duration) -> Result<Endpoint, ServeError> {
        let server = Server::http(bind).map_err(|e| ServeError::Bind {
            addr: bind.to_string(),
            message: e.to_string(),
        })?;
        Ok(Endpoint {
            server: Arc::new(server),
            state: Arc::new(State {
                store,
                timeout,
                graph: OnceLock::new(),
            }),
            stop: Arc::new(AtomicBool::new(false)),
        })
    }

    fn addr(&self) -> Option<SocketAddr> {
        self.server.server_addr().to_ip()
    }

    /// Runs the workers until `stop` is set (only tests set it).
    fn run(self) -> Result<(), ServeError> {
        let workers: Vec<_> = (0..WORKERS)
            .map(|_| {
                let (server, state, stop) =
                    (self.server.clone(), self.state.clone(), self.stop.clone());
                thread::spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        // A timeout rather than `recv` so the stop flag is seen; accept
                        // errors (e.g. out of file descriptors) are transient: go on.
                        if let Ok(Some(rq)) = server.recv_timeout(Duration::from_millis(200)) {
                            handle(rq, &state);
                        }
                    }
                })
            })
            .collect();
        let mut result = Ok(());
        for w in workers {
            if w.join().is_err() {
                result = Err(ServeError::Worker);
            }
        }
        result
    }
}

/// An answer before it becomes a tiny_http response.
#[derive(Debug)]
struct Reply {
    status: u16,
    content_type: String,
    body: Vec<u8>,
    headers: Vec<(&'static str, String)>,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            content_type: content_type.to_string(),
            body: body.into(),
            headers: Vec::new(),
        }
    }

    fn text(status: u16, message: impl Into<String>) -> Reply {
        let mut m = message.into();
        m.push('\n');
        Reply::new(status, "text/plain; charset=utf-8", m)
    }

    fn json(status: u16, value: &serde_json::Value) -> Reply {
        Reply::new(status, "application/json", value.to_string())
    }

    fn with(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }

    fn into_response(self) -> Response<std::io::Cursor<Vec<u8>>> {
        let header = |k: &str, v: &str| Header::from_bytes(k.as_bytes(), v.as_bytes()).ok();
        let mut r = Response::from_data(self.body).with_status_code(self.status);
        // Browsers on other origins (notebooks, YASGUI) may query this endpoint.
        let cors = [("Access-Control-Allow-Origin", "*")];
        let mut all: Vec<(&str, &str)> = vec![("Content-Type", self.content_type.as_str())];
        all.extend(cors);
        all.extend(self.headers.iter().map(|(k, v)| (*k, v.as_str())));
        for (k, v) in all {
            if let Some(h) = header(k, v) {
                r.add_header(h);
            }
        }
        r
    }
}

fn handle(mut rq: Request, state: &State) {
    let reply = route(&mut rq, state);
    // The client may have gone; nothing useful to do about it.
    let _ = rq.respond(reply.into_response());
}

fn route(rq: &mut Request, state: &State) -> Reply {
    let url = rq.url().to_string();
    let (path, query_string) = url.split_once('?').unwrap_or((url.as_str(), ""));
    let method = rq.method().clone();
    if method == Method::Options {
        // CORS preflight: allow what the protocol uses, and whatever headers the
        // page asks for (query editors add their own, e.g. X-Requested-With).
        let asked = header(rq, "Access-Control-Request-Headers")
            .map(str::trim)
            .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_graphic() || c == ' '));
        let allowed = asked.map_or_else(|| "Content-Type, Accept".to_string(), str::to_string);
        return Reply::new(204, "text/plain", "")
            .with("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            .with("Access-Control-Allow-Headers", allowed)
            .with("Access-Control-Max-Age", "86400")
            .with("Allow", "GET, POST, OPTIONS");
    }
    let readable = matches!(method, Method::Get | Method::Head);
    match path {
        "/" | "/index.html" if readable => Reply::new(200, "text/html; charset=utf-8", INDEX_HTML),
        "/health" if readable => Reply::text(200, "ok"),
        "/graph.json" if readable => graph::graph_json(query_string, state),
        "/update" => refuse(state, ""),
        "/query" | "/sparql" => sparql(rq, &method, query_string, state),
        "/" | "/index.html" | "/health" | "/graph.json" => {
            Reply::text(405, "method not allowed").with("Allow", "GET, OPTIONS")
        }
        _ => Reply::text(404, format!("not found: {path} (try / or /query)")),
    }
}

fn refuse(state: &State, update: &str) -> Reply {
    match state.store.refuse_update(update) {
        Err(e) => Reply::text(403, e.to_string()),
        // Only if the store ever starts accepting updates; this endpoint still won't.
        Ok(()) => Reply::text(403, "updates are refused: this endpoint is read-only"),
    }
}

fn header<'a>(rq: &'a Request, name: &'static str) -> Option<&'a str> {
    rq.headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
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

fn read_body(rq: &mut Request) -> Result<String, Reply> {
    let mut body = Vec::new();
    rq.as_reader()
        .take(MAX_BODY + 1)
        .read_to_end(&mut body)
        .map_err(|e| Reply::text(400, format!("cannot read the request body: {e}")))?;
    if body.len() as u64 > MAX_BODY {
        return Err(Reply::text(413, "request body larger than 1 MiB"));
    }
    String::from_utf8(body).map_err(|_| Reply::text(400, "the request body is not UTF-8"))
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn sparql(rq: &mut Request, method: &Method, query_string: &str, state: &State) -> Reply {
    let url_params = decode_form(query_string);
    let (query, update) = match method {
        Method::Get | Method::Head => (
            param(&url_params, "query").map(str::to_string),
            param(&url_params, "update").map(str::to_string),
        ),
        Method::Post => {
            let ctype = media_type(header(rq, "Content-Type").unwrap_or(""));
            let body = match read_body(rq) {
                Ok(b) => b,
                Err(reply) => return reply,
            };
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
                    return Reply::text(
                        415,
                        format!(
                            "unsupported Content-Type {other:?}: use application/sparql-query or application/x-www-form-urlencoded"
                        ),
                    );
                }
            }
        }
        _ => return Reply::text(405, "method not allowed").with("Allow", "GET, POST, OPTIONS"),
    };
    if let Some(u) = update {
        return refuse(state, &u);
    }
    let Some(query) = query.filter(|q| !q.trim().is_empty()) else {
        return Reply::text(
            400,
            "missing query: send ?query=… or POST application/sparql-query",
        );
    };
    if ["default-graph-uri", "named-graph-uri"]
        .iter()
        .any(|p| param(&url_params, p).is_some())
    {
        return Reply::text(
            400,
            "default-graph-uri and named-graph-uri are not supported: use FROM / FROM NAMED in the query (without them the default graph is the union of all graphs)",
        );
    }
    let (results, graph) = match param(&url_params, "format") {
        Some(f) => match format_param(f) {
            Some(choice) => choice,
            None => return Reply::text(400, format!("unknown format {f:?}")),
        },
        None => negotiate(header(rq, "Accept")),
    };
    match state
        .store
        .query_serialized(&query, results, graph, Some(state.timeout))
    {
        Ok(s) => Reply::new(200, &with_charset(s.media_type), s.body).with("Vary", "Accept"),
        // Someone sent an update as `query=`: say why it fails, not how it misparses.
        Err(StoreError::Syntax(_)) if looks_like_update(&query) => refuse(state, &query),
        Err(e) => Reply::text(status_of(&e), e.to_string()),
    }
}

fn status_of(e: &StoreError) -> u16 {
    match e {
        StoreError::Syntax(_) => 400,
        StoreError::UpdateRefused => 403,
        StoreError::Timeout(_) => 503,
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

/// Decodes `application/x-www-form-urlencoded` text (also used for query strings):
/// `+` is a space, `%XX` a byte; malformed escapes are kept as written, and bytes
/// that are not UTF-8 become U+FFFD.
fn decode_form(s: &str) -> Vec<(String, String)> {
    fn decode(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    let hex = bytes
                        .get(i + 1..i + 3)
                        .and_then(|h| std::str::from_utf8(h).ok())
                        .and_then(|h| u8::from_str_radix(h, 16).ok());
                    match hex {
                        Some(b) => {
                            out.push(b);
                            i += 2;
                        }
                        None => out.push(b'%'),
                    }
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::sample_store;
    use std::io::Write;
    use std::net::TcpStream;

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
    fn form_decoding() {
        let f = decode_form(
            "query=SELECT+*+WHERE+%7B%3Fs+%3Fp+%3Fo%7D&name=%E6%B5%B7%E5%AE%81&flag&bad=%zz%4",
        );
        assert_eq!(
            f,
            [
                ("query".to_string(), "SELECT * WHERE {?s ?p ?o}".to_string()),
                ("name".to_string(), "海宁".to_string()),
                ("flag".to_string(), String::new()),
                ("bad".to_string(), "%zz%4".to_string()),
            ]
        );
        assert_eq!(decode_form("a=%FF")[0].1, "\u{FFFD}");
        assert!(decode_form("").is_empty());
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

    /// A minimal HTTP/1.0 client (1.0 so the server closes the connection and never
    /// chunks), returning status, headers and body.
    fn http(addr: SocketAddr, request: &str, body: &[u8]) -> (u16, String, Vec<u8>) {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(request.replace('\n', "\r\n").as_bytes())
            .unwrap();
        s.write_all(body).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a header block");
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap();
        (status, head, raw[split + 4..].to_vec())
    }

    fn get(addr: SocketAddr, target: &str, accept: &str) -> (u16, String, Vec<u8>) {
        http(
            addr,
            &format!("GET {target} HTTP/1.0\nHost: localhost\nAccept: {accept}\n\n"),
            b"",
        )
    }

    fn post(addr: SocketAddr, target: &str, ctype: &str, body: &str) -> (u16, String, Vec<u8>) {
        http(
            addr,
            &format!(
                "POST {target} HTTP/1.0\nHost: localhost\nContent-Type: {ctype}\nContent-Length: {}\n\n",
                body.len()
            ),
            body.as_bytes(),
        )
    }

    fn encode(s: &str) -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_string(),
                b => format!("%{b:02X}"),
            })
            .collect()
    }

    #[test]
    fn end_to_end() {
        let endpoint =
            Endpoint::bind(sample_store(), "127.0.0.1:0", Duration::from_secs(10)).unwrap();
        let addr = endpoint.addr().unwrap();
        let stop = endpoint.stop.clone();
        let running = thread::spawn(move || endpoint.run());

        let (status, head, body) = get(addr, "/health", "*/*");
        assert_eq!((status, body.as_slice()), (200, b"ok\n".as_slice()));
        assert!(head.contains("Access-Control-Allow-Origin: *"));

        let q = "SELECT ?name WHERE { ?p a zq:Person ; skos:prefLabel ?name } ORDER BY ?name";
        let (status, head, body) = get(
            addr,
            &format!("/query?query={}", encode(q)),
            "application/sparql-results+json",
        );
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
        assert!(head.contains("application/sparql-results+json"));
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        let names: Vec<&str> = json["results"]["bindings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["name"]["value"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["张三", "李记者"]);

        let (status, head, body) = post(addr, "/query", "application/sparql-query", q);
        assert_eq!(status, 200);
        let (_, _, csv) = get(addr, &format!("/query?query={}", encode(q)), "text/csv");
        assert_eq!(
            String::from_utf8(csv).unwrap(),
            "name\r\n张三\r\n李记者\r\n"
        );
        assert!(head.contains("json") && !body.is_empty());

        let construct = "CONSTRUCT { ?s zq:partOf ?o } WHERE { ?s zq:locatedIn ?o }";
        let (status, head, body) = post(
            addr,
            "/query",
            "application/x-www-form-urlencoded",
            &format!("query={}", encode(construct)),
        );
        assert_eq!(status, 200);
        assert!(head.contains("text/turtle"));
        assert!(String::from_utf8(body).unwrap().contains("zq:partOf"));

        let update = "INSERT DATA { <http://a> <http://b> <http://c> }";
        for (status, _, body) in [
            post(
                addr,
                "/query",
                "application/x-www-form-urlencoded",
                &format!("update={}", encode(update)),
            ),
            post(addr, "/query", "application/sparql-update", update),
            post(addr, "/update", "application/sparql-update", update),
            get(addr, &format!("/query?query={}", encode(update)), "*/*"),
        ] {
            assert_eq!(status, 403);
            assert!(String::from_utf8(body).unwrap().contains("read-only"));
        }

        let (status, _, body) = get(addr, "/query?query=SELECT+WHERE+%7B", "*/*");
        assert_eq!(status, 400);
        assert!(String::from_utf8(body).unwrap().contains("syntax"));

        let (status, head, _) = http(
            addr,
            "OPTIONS /query HTTP/1.0\nOrigin: http://example.org\nAccess-Control-Request-Method: POST\n\n",
            b"",
        );
        assert_eq!(status, 204);
        assert!(head.contains("Access-Control-Allow-Origin: *"));
        assert!(head.contains("Access-Control-Allow-Methods"));

        let (status, _, body) = get(
            addr,
            &format!("/graph.json?around={}&depth=1", encode("海宁市")),
            "*/*",
        );
        assert_eq!(status, 200);
        let g: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(g["elements"]["nodes"].as_array().unwrap().len(), 2);
        assert_eq!(g["elements"]["edges"][0]["data"]["predicate"], "locatedIn");
        let (status, _, _) = get(addr, "/graph.json?around=nobody", "*/*");
        assert_eq!(status, 404);

        let (status, head, body) = get(addr, "/", "text/html");
        assert_eq!(status, 200);
        assert!(head.contains("text/html"));
        assert!(String::from_utf8(body).unwrap().contains("<canvas"));
        assert_eq!(get(addr, "/nothing", "*/*").0, 404);

        stop.store(true, Ordering::Relaxed);
        running.join().unwrap().unwrap();
    }

    #[test]
    fn long_queries_time_out_with_503() {
        let endpoint =
            Endpoint::bind(sample_store(), "127.0.0.1:0", Duration::from_millis(300)).unwrap();
        let addr = endpoint.addr().unwrap();
        let stop = endpoint.stop.clone();
        let running = thread::spawn(move || endpoint.run());
        // Dozens of ontology terms share `rdfs:isDefinedBy <…/ns>`, so this join has
        // billions of rows; it reads the store on every step, where cancellation is
        // checked (a plain cross product would be counted without stopping).
        let q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?p ?o . ?c ?p ?o . ?d ?p ?o . ?e ?p ?o }";
        let (status, _, body) = get(addr, &format!("/query?query={}", encode(q)), "*/*");
        assert_eq!(status, 503, "{}", String::from_utf8_lossy(&body));
        stop.store(true, Ordering::Relaxed);
        running.join().unwrap().unwrap();
    }
}
