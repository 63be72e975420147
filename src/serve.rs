//! The read-only SPARQL 1.1 Protocol endpoint and its browser page. It owns HTTP:
//! routing, form and query-string decoding, content negotiation, CORS, status codes,
//! the connection threads and the query workers' slots; SPARQL evaluation, time
//! limits and the refusal of updates stay in `store`, and the graph view reuses
//! `export`'s Cytoscape JSON. Split by concern: `http` (connections, requests,
//! whole and streamed answers), `sparql` (the protocol at `/query`, negotiation,
//! limits and slots); routing and the graph view stay here.
//!
//! Routes: `/` (the page), `/query` (GET `?query=`, POST `application/sparql-query`
//! or a form), `/update` (always 403), `/graph.json` (the page's network: `graph`)
//! and `/health`.

mod http;
mod sparql;

use crate::export::GraphIndex;
use crate::store::Store;
use crate::store::isolate::{DEFAULT_MAX_MEMORY, DEFAULT_MAX_RESPONSE, Launcher, Limits};
use http::{Request, Response};
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use thiserror::Error;

mod graph;

const INDEX_HTML: &str = include_str!("serve/index.html");

#[derive(Debug, Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {message}")]
    Bind { addr: String, message: String },
}

/// How the endpoint runs queries and how much it lets them and its clients take.
#[derive(Debug, Clone)]
pub struct Options {
    /// Time, memory and answer size of each query.
    pub limits: Limits,
    /// Queries running at once; each may use `limits.max_memory`.
    pub workers: usize,
    /// Queries that may wait for a worker; past that, 503 with Retry-After.
    pub queue: usize,
    /// Open connections at once; past that, 503 at once.
    pub connections: usize,
    /// How long a client may take to send its request, and to take each part
    /// of the answer.
    pub io_timeout: Duration,
    /// Starts the query process (this executable in its hidden query mode).
    /// Without one, or for a store in memory, queries run in this process,
    /// where only the time limit holds, and only where Oxigraph reads.
    pub launcher: Option<Launcher>,
}

impl Options {
    pub fn new(timeout: Duration) -> Options {
        Options {
            limits: Limits {
                timeout,
                max_memory: DEFAULT_MAX_MEMORY,
                max_response: DEFAULT_MAX_RESPONSE,
            },
            workers: 4,
            queue: 16,
            connections: 64,
            io_timeout: Duration::from_secs(10),
            launcher: None,
        }
    }
}

/// Serves `store` on `bind` until the process ends, under `options`.
pub fn serve(store: Store, bind: &str, options: Options) -> Result<(), ServeError> {
    // No triple count here: it scans the whole store (13 s on a year of news)
    // before the address is printed; `zhengqi stats` gives the figures.
    let endpoint = Endpoint::bind(store, bind, options)?;
    let addr = endpoint.addr();
    let o = &endpoint.state.options;
    // One line, printed once the socket listens (so a script may wait for it; with
    // port 0 it is the only way to learn the port).
    let isolation = if endpoint.state.launcher().is_some() {
        "each in a process of its own"
    } else {
        "in this process"
    };
    eprintln!(
        "zhengqi: serving a SPARQL endpoint at http://{addr}/query, browser view at http://{addr}/ (limits per query: {:?}, {} of memory, {} of answer; {} workers, {isolation})",
        o.limits.timeout,
        crate::store::bytes(o.limits.max_memory),
        crate::store::bytes(o.limits.max_response),
        o.workers,
    );
    endpoint.run()
}

struct State {
    store: Store,
    options: Options,
    slots: Arc<sparql::Slots>,
    /// The exported network, loaded on the first `/graph.json`: the store is
    /// read-only while served, so it never goes stale.
    graph: OnceLock<Arc<GraphIndex>>,
}

impl State {
    /// The query process, when there is one and the store is on disk.
    fn launcher(&self) -> Option<&Launcher> {
        self.store.dir().and(self.options.launcher.as_ref())
    }
}

struct Endpoint {
    server: http::Server,
    state: Arc<State>,
}

impl Endpoint {
    fn bind(store: Store, bind: &str, options: Options) -> Result<Endpoint, ServeError> {
        let server =
            http::Server::bind(bind, options.connections, options.io_timeout).map_err(|e| {
                ServeError::Bind {
                    addr: bind.to_string(),
                    message: e.to_string(),
                }
            })?;
        Ok(Endpoint {
            server,
            state: Arc::new(State {
                store,
                slots: Arc::new(sparql::Slots::new(options.workers, options.queue)),
                options,
                graph: OnceLock::new(),
            }),
        })
    }

    fn addr(&self) -> SocketAddr {
        self.server.addr()
    }

    /// Accepts connections until stopped (only tests stop it).
    fn run(self) -> Result<(), ServeError> {
        let state = self.state;
        self.server
            .run(Arc::new(move |rq: &Request| route(rq, &state)));
        Ok(())
    }
}

/// A whole answer: status, media type, body and extra headers.
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
}

fn route(rq: &Request, state: &Arc<State>) -> Response {
    let (path, query_string) = (rq.path.as_str(), rq.query.as_str());
    let method = rq.method.as_str();
    if method == "OPTIONS" {
        // CORS preflight: allow what the protocol uses, and whatever headers the
        // page asks for (query editors add their own, e.g. X-Requested-With).
        let asked = rq
            .header("Access-Control-Request-Headers")
            .map(str::trim)
            .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_graphic() || c == ' '));
        let allowed = asked.map_or_else(|| "Content-Type, Accept".to_string(), str::to_string);
        return Response::Whole(
            Reply::new(204, "text/plain", "")
                .with("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                .with("Access-Control-Allow-Headers", allowed)
                .with("Access-Control-Max-Age", "86400")
                .with("Allow", "GET, POST, OPTIONS"),
        );
    }
    let readable = matches!(method, "GET" | "HEAD");
    Response::Whole(match path {
        "/" | "/index.html" if readable => Reply::new(200, "text/html; charset=utf-8", INDEX_HTML),
        // Answered on the connection's own thread, never waiting for a query
        // worker, so it stays fast while every worker is busy.
        "/health" if readable => Reply::text(200, "ok"),
        "/graph.json" if readable => graph::graph_json(query_string, state),
        "/update" => sparql::refuse(state, ""),
        "/query" | "/sparql" => return sparql::sparql(rq, state),
        "/" | "/index.html" | "/health" | "/graph.json" => {
            Reply::text(405, "method not allowed").with("Allow", "GET, OPTIONS")
        }
        _ => Reply::text(404, format!("not found: {path} (try / or /query)")),
    })
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
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
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::thread;

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
        let endpoint = Endpoint::bind(
            sample_store(),
            "127.0.0.1:0",
            Options::new(Duration::from_secs(10)),
        )
        .unwrap();
        let addr = endpoint.addr();
        let stop = endpoint.server.stopper();
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

        stop.stop();
        running.join().unwrap().unwrap();
    }

    #[test]
    fn long_queries_time_out_with_503() {
        let endpoint = Endpoint::bind(
            sample_store(),
            "127.0.0.1:0",
            Options::new(Duration::from_millis(300)),
        )
        .unwrap();
        let addr = endpoint.addr();
        let stop = endpoint.server.stopper();
        let running = thread::spawn(move || endpoint.run());
        // Dozens of ontology terms share `rdfs:isDefinedBy <…/ns>`, so this join has
        // billions of rows; it reads the store on every step, where cancellation is
        // checked (a plain cross product would be counted without stopping).
        let q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?p ?o . ?c ?p ?o . ?d ?p ?o . ?e ?p ?o }";
        let (status, _, body) = get(addr, &format!("/query?query={}", encode(q)), "*/*");
        assert_eq!(status, 503, "{}", String::from_utf8_lossy(&body));
        stop.stop();
        running.join().unwrap().unwrap();
    }
}
