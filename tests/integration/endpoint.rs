//! `zhengqi serve` and `zhengqi query` under abuse: queries that join unbound
//! patterns (which Oxigraph alone cannot stop), answers too large to send,
//! clients that connect and say nothing, more queries than workers, and client
//! mistakes. Everything runs on loopback against a store built from
//! `data/samples` (about 8,000 facts: a three-way join over them has 5·10¹¹ rows),
//! with a plain HTTP client on `TcpStream`, so no outside tool is needed.
//!
//! Times are asserted only with generous bounds that tell "stopped" from "ran
//! on"; memory is read from `/proc` (VmRSS) for the server and its query
//! processes.

use super::root;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};
use zhengqi::gazetteer::Gazetteer;
use zhengqi::store::Store;

const BIN: &str = env!("CARGO_BIN_EXE_zhengqi");

/// Every row of three unbound patterns: a cross product the evaluator builds
/// without reading the store, so its own time checks never run; sorted, it is
/// also held in memory.
const JOIN_SORTED: &str = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a";
const JOIN_COUNT: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
/// Sixty-four million rows that start at once: an answer too large to send.
const HUGE: &str = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }";
const NORMAL: &str =
    "SELECT ?name WHERE { ?p a zq:Person ; skos:prefLabel ?name } ORDER BY ?name LIMIT 5";

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("zq-endpoint-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A store of the samples in `dir/store`.
fn sample_store(dir: &TempDir) -> PathBuf {
    let path = dir.0.join("store");
    let store = Store::open(&path).unwrap();
    crate::build_into(
        &store,
        &[root().join("data/samples")],
        &Gazetteer::bundled(),
        |e| panic!("unexpected read error: {e}"),
    )
    .unwrap();
    path
}

/// `zhengqi serve` on a free port, killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(store: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--store", store.to_str().unwrap()])
            .args(["--bind", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start zhengqi serve");
        let (tx, rx) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        // The first line names the address; the rest is drained so the server
        // never blocks on a full pipe.
        thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("zhengqi serve said nothing");
        let at = line.find("http://").expect("an address") + "http://".len();
        let end = line[at..].find('/').unwrap() + at;
        let addr = line[at..end].parse().unwrap();
        Server { child, addr }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer as read off the socket.
#[derive(Debug)]
struct Answer {
    status: u16,
    head: String,
    /// The body, de-chunked.
    body: Vec<u8>,
    /// Whether a chunked body ended with its last chunk (a cut answer does not).
    complete: bool,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// Sends `raw` and reads the whole answer (until the server closes).
fn send(addr: SocketAddr, raw: &[u8]) -> Answer {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    s.write_all(raw).unwrap();
    let mut data = Vec::new();
    // A reset after a cut answer still leaves what arrived.
    let _ = s.read_to_end(&mut data);
    parse(&data)
}

fn parse(data: &[u8]) -> Answer {
    let split = data
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no head in {:?}", String::from_utf8_lossy(data)));
    let head = String::from_utf8_lossy(&data[..split]).into_owned();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let raw = &data[split + 4..];
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    if !chunked {
        return Answer {
            status,
            head,
            body: raw.to_vec(),
            complete: true,
        };
    }
    let (mut body, mut at, mut complete) = (Vec::new(), 0, false);
    while let Some(eol) = raw[at..].windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(std::str::from_utf8(&raw[at..at + eol]).unwrap(), 16).unwrap();
        at += eol + 2;
        if size == 0 {
            complete = true;
            break;
        }
        if raw.len() < at + size {
            body.extend_from_slice(&raw[at..]);
            break;
        }
        body.extend_from_slice(&raw[at..at + size]);
        at += size + 2;
        if at > raw.len() {
            break;
        }
    }
    Answer {
        status,
        head,
        body,
        complete,
    }
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

fn get(addr: SocketAddr, target: &str, accept: &str) -> Answer {
    send(
        addr,
        format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nAccept: {accept}\r\n\r\n").as_bytes(),
    )
}

fn query(addr: SocketAddr, q: &str, accept: &str) -> Answer {
    get(addr, &format!("/query?query={}", encode(q)), accept)
}

fn rss(pid: u32) -> Option<u64> {
    zhengqi::store::isolate::resident_bytes(pid)
}

/// The processes whose parent is `pid`.
fn children(pid: u32) -> Vec<u32> {
    let want = format!("PPid:\t{pid}");
    std::fs::read_dir("/proc")
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
                .filter(|p| {
                    std::fs::read_to_string(format!("/proc/{p}/status"))
                        .is_ok_and(|s| s.lines().any(|l| l == want))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Samples the resident memory of `pid` and of its children until stopped; the
/// highest of each.
struct MemoryWatch {
    stop: Arc<AtomicBool>,
    server: Arc<AtomicU64>,
    child: Arc<AtomicU64>,
    thread: Option<thread::JoinHandle<()>>,
}

impl MemoryWatch {
    fn start(pid: u32) -> MemoryWatch {
        let stop = Arc::new(AtomicBool::new(false));
        let server = Arc::new(AtomicU64::new(0));
        let child = Arc::new(AtomicU64::new(0));
        let (s, sv, ch) = (stop.clone(), server.clone(), child.clone());
        let thread = thread::spawn(move || {
            while !s.load(Ordering::Relaxed) {
                sv.fetch_max(rss(pid).unwrap_or(0), Ordering::Relaxed);
                for c in children(pid) {
                    ch.fetch_max(rss(c).unwrap_or(0), Ordering::Relaxed);
                }
                thread::sleep(Duration::from_millis(20));
            }
        });
        MemoryWatch {
            stop,
            server,
            child,
            thread: Some(thread),
        }
    }

    /// The highest resident sizes seen: (server, any query process).
    fn finish(mut self) -> (u64, u64) {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.take().unwrap().join().unwrap();
        (
            self.server.load(Ordering::Relaxed),
            self.child.load(Ordering::Relaxed),
        )
    }
}

const MIB: u64 = 1 << 20;

/// The load test: abusive queries, a huge answer, idle and slow clients and
/// normal traffic at once. The abusive queries are stopped by their limits with
/// 503 (or cut, once their answer has started), normal queries and `/health`
/// keep answering, idle clients are dropped, and neither the server nor any
/// query process grows past its bound.
#[cfg(target_os = "linux")]
#[test]
fn endpoint_stops_abuse_and_keeps_answering() {
    let dir = TempDir::new("load");
    let store = sample_store(&dir);
    let server = Server::start(
        &store,
        &[
            "--timeout",
            "3",
            "--max-memory",
            "300MiB",
            "--max-response",
            "4MiB",
            "--workers",
            "5",
            "--queue",
            "8",
            "--io-timeout",
            "1",
        ],
    );
    let addr = server.addr;
    let watch = MemoryWatch::start(server.pid());
    let started = Instant::now();

    // Idle clients (connect, say nothing) and a slow one (half a head).
    let idle: Vec<_> = (0..6)
        .map(|i| {
            thread::spawn(move || {
                let mut s = TcpStream::connect(addr).unwrap();
                s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
                if i == 0 {
                    s.write_all(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")
                        .unwrap();
                }
                let t = Instant::now();
                let mut data = Vec::new();
                let _ = s.read_to_end(&mut data);
                (t.elapsed(), data)
            })
        })
        .collect();
    let abusive: Vec<_> = [JOIN_SORTED, JOIN_COUNT, JOIN_SORTED, HUGE]
        .into_iter()
        .map(|q| {
            thread::spawn(move || {
                let t = Instant::now();
                let a = query(addr, q, "text/tab-separated-values");
                (q, t.elapsed(), a)
            })
        })
        .collect();
    // Normal traffic while the abuse runs: every answer must come, and right.
    let mut normal_slowest = Duration::ZERO;
    let mut health_slowest = Duration::ZERO;
    let mut normal = 0;
    while started.elapsed() < Duration::from_secs(4) || normal < 10 {
        let t = Instant::now();
        let h = get(addr, "/health", "*/*");
        health_slowest = health_slowest.max(t.elapsed());
        assert_eq!((h.status, h.text().as_str()), (200, "ok\n"), "{h:?}");
        let t = Instant::now();
        let a = query(addr, NORMAL, "text/csv");
        normal_slowest = normal_slowest.max(t.elapsed());
        assert_eq!(a.status, 200, "{}", a.text());
        assert_eq!(a.text().lines().count(), 6, "{}", a.text());
        normal += 1;
    }
    for t in abusive {
        let (q, took, a) = t.join().unwrap();
        assert!(took < Duration::from_secs(30), "{q} ran on for {took:?}");
        if q == HUGE {
            // Its answer had started: it is cut at the limit, without the last
            // chunk, so the client knows it is incomplete.
            assert_eq!(a.status, 200, "{}", a.text());
            assert!(!a.complete, "a cut answer looked complete");
            let n = a.body.len() as u64;
            assert!((3 * MIB..=4 * MIB + 64 * 1024).contains(&n), "{n} bytes");
        } else {
            assert_eq!(a.status, 503, "{q}: {}", a.text());
            let text = a.text();
            assert!(
                text.contains("--timeout") || text.contains("--max-memory"),
                "{q}: {text}"
            );
        }
    }
    for t in idle {
        let (took, data) = t.join().unwrap();
        assert!(
            took < Duration::from_secs(20),
            "an idle client held on for {took:?}"
        );
        if !data.is_empty() {
            assert_eq!(parse(&data).status, 408);
        }
    }
    let after = query(addr, NORMAL, "text/csv");
    assert_eq!(after.status, 200);
    let (server_rss, child_rss) = watch.finish();
    // The server only relays answers: it stays small however large they are.
    assert!(
        server_rss < 200 * MIB,
        "server grew to {} MiB",
        server_rss / MIB
    );
    // A query process is killed within a poll of passing 300 MiB.
    assert!(
        child_rss < 450 * MIB,
        "a query process grew to {} MiB",
        child_rss / MIB
    );
    eprintln!(
        "load: {normal} normal queries, slowest {normal_slowest:?}; /health slowest {health_slowest:?}; server {} MiB, query processes at most {} MiB",
        server_rss / MIB,
        child_rss / MIB
    );
}

/// One worker, no queue: a second query while the first runs gets 503 with
/// Retry-After at once, `/health` stays fast, and the worker is free again once
/// the first query is stopped.
#[test]
fn endpoint_refuses_queries_past_its_workers_with_retry_after() {
    let dir = TempDir::new("busy");
    let store = sample_store(&dir);
    let server = Server::start(
        &store,
        &["--timeout", "2", "--workers", "1", "--queue", "0"],
    );
    let addr = server.addr;
    let start_long = || thread::spawn(move || query(addr, JOIN_COUNT, "*/*"));
    let mut long = start_long();
    let give_up = Instant::now() + Duration::from_secs(20);
    let busy = loop {
        assert!(
            Instant::now() < give_up,
            "the long query never took the worker"
        );
        if long.is_finished() {
            // A probe took the worker first and the long query was the one refused.
            let refused = long.join().unwrap();
            assert!(refused.text().contains("busy"), "{}", refused.text());
            long = start_long();
            continue;
        }
        let a = query(addr, "ASK {}", "*/*");
        if a.status == 503 {
            break a;
        }
        assert_eq!(a.status, 200, "{}", a.text());
    };
    assert_eq!(busy.header("Retry-After"), Some("2"), "{}", busy.head);
    assert!(busy.text().contains("busy"), "{}", busy.text());
    let t = Instant::now();
    assert_eq!(get(addr, "/health", "*/*").status, 200);
    assert!(
        t.elapsed() < Duration::from_secs(1),
        "/health waited {:?}",
        t.elapsed()
    );
    let stopped = long.join().unwrap();
    assert_eq!(stopped.status, 503);
    assert!(
        stopped.text().contains("took longer than 2s"),
        "{}",
        stopped.text()
    );
    assert_eq!(query(addr, "ASK {}", "*/*").status, 200);
}

/// Past `--connections` open connections, a new one gets 503 with Retry-After
/// at once instead of waiting behind idle clients; the idle ones are dropped
/// after `--io-timeout`, and the endpoint answers again.
#[test]
fn endpoint_refuses_connections_past_its_bound() {
    let dir = TempDir::new("connections");
    let store = sample_store(&dir);
    let server = Server::start(&store, &["--connections", "2", "--io-timeout", "2"]);
    let idle: Vec<TcpStream> = (0..2)
        .map(|_| TcpStream::connect(server.addr).unwrap())
        .collect();
    // The acceptor counts a connection once it has taken it: retry until both
    // idle ones are counted (bounded).
    let give_up = Instant::now() + Duration::from_secs(10);
    let refused = loop {
        let a = get(server.addr, "/health", "*/*");
        if a.status == 503 {
            break a;
        }
        assert!(Instant::now() < give_up, "never refused: {a:?}");
    };
    assert_eq!(refused.header("Retry-After"), Some("1"), "{}", refused.head);
    assert!(refused.text().contains("connections"), "{}", refused.text());
    let t = Instant::now();
    let back = loop {
        let a = get(server.addr, "/health", "*/*");
        if a.status == 200 {
            break a;
        }
        assert!(
            t.elapsed() < Duration::from_secs(15),
            "idle clients held on"
        );
        // Polls while the idle clients time out; a refusal comes back at once.
        thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(back.text(), "ok\n");
    drop(idle);
}

/// Answers longer than the first part stream in chunks and arrive whole; in
/// HTTP/1.0 they end with the connection.
#[test]
fn endpoint_streams_large_answers() {
    let dir = TempDir::new("stream");
    let store = sample_store(&dir);
    let facts = Store::open_read_only(&store)
        .unwrap()
        .triple_count()
        .unwrap();
    let server = Server::start(&store, &[]);
    let all = "SELECT * WHERE { ?s ?p ?o }";
    let a = query(server.addr, all, "application/sparql-results+json");
    assert_eq!(a.status, 200);
    assert_eq!(a.header("Transfer-Encoding"), Some("chunked"), "{}", a.head);
    assert!(a.complete);
    let v: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
    assert_eq!(v["results"]["bindings"].as_array().unwrap().len(), facts);
    let old = send(
        server.addr,
        format!(
            "GET /query?query={} HTTP/1.0\r\nAccept: text/csv\r\n\r\n",
            encode(all)
        )
        .as_bytes(),
    );
    assert_eq!(old.status, 200);
    assert!(old.header("Transfer-Encoding").is_none());
    assert_eq!(old.text().lines().count(), facts + 1);
    // A short answer comes whole, with its length.
    let short = query(server.addr, "ASK {}", "*/*");
    assert_eq!(
        short.header("Content-Length"),
        Some(short.body.len().to_string().as_str())
    );
}

/// What clients get wrong is a 4xx that says what to do.
#[test]
fn endpoint_answers_client_mistakes_with_4xx() {
    let dir = TempDir::new("mistakes");
    let store = sample_store(&dir);
    let server = Server::start(&store, &["--io-timeout", "1"]);
    let addr = server.addr;
    let service = query(
        addr,
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "*/*",
    );
    assert_eq!(service.status, 400, "{}", service.text());
    assert!(service.text().contains("SERVICE"), "{}", service.text());
    let syntax = query(addr, "SELECT WHERE {", "*/*");
    assert_eq!(syntax.status, 400);
    assert!(syntax.text().contains("syntax"));
    let update = query(addr, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "*/*");
    assert_eq!(update.status, 403);
    assert_eq!(send(addr, b"PUT /query HTTP/1.1\r\n\r\n").status, 405);
    let odd = send(
        addr,
        b"POST /query HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nASK {}",
    );
    assert_eq!(odd.status, 415);
    let big = send(
        addr,
        b"POST /query HTTP/1.1\r\nContent-Type: application/sparql-query\r\nContent-Length: 9999999\r\n\r\n",
    );
    assert_eq!(big.status, 413);
    let t = Instant::now();
    let slow = send(
        addr,
        b"POST /query HTTP/1.1\r\nContent-Length: 10\r\n\r\nASK",
    );
    assert_eq!(slow.status, 408);
    assert!(t.elapsed() < Duration::from_secs(10));
    assert_eq!(send(addr, b"GET / HTTP/3\r\n\r\n").status, 505);
    let form = send(
        addr,
        format!(
            "POST /query HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nExpect: 100-continue\r\n\r\n",
            "query=ASK+%7B%7D".len()
        )
        .as_bytes(),
    );
    // The client above never sent the body it announced: 100 Continue, then 408.
    assert!(
        form.head.starts_with("HTTP/1.1 100 Continue"),
        "{}",
        form.head
    );
}

/// `zhengqi query` stops the same joins at the same limits, and cuts an answer
/// past its size.
#[cfg(target_os = "linux")]
#[test]
fn query_command_stops_joins_at_its_limits() {
    let dir = TempDir::new("cli");
    let store = sample_store(&dir);
    let run = |q: &str, extra: &[&str]| {
        let t = Instant::now();
        let out = Command::new(BIN)
            .args([
                "query",
                "--store",
                store.to_str().unwrap(),
                "--format",
                "tsv",
            ])
            .args(extra)
            .arg(q)
            .output()
            .unwrap();
        (t.elapsed(), out)
    };
    let (took, out) = run(JOIN_COUNT, &["--timeout", "2"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("took longer than 2s"), "{err}");
    assert!(took < Duration::from_secs(30), "ran on for {took:?}");
    let (took, out) = run(JOIN_SORTED, &["--timeout", "20", "--max-memory", "200MiB"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("200 MiB of memory"), "{err}");
    assert!(took < Duration::from_secs(30), "ran on for {took:?}");
    let (_, out) = run(HUGE, &["--max-response", "1MiB"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--max-response"), "{err}");
    assert!(out.stdout.len() as u64 <= MIB, "{} bytes", out.stdout.len());
    let (_, out) = run("ASK {}", &[]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "true");
}
