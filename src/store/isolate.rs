//! Queries in a child process, so that their limits always hold.
//!
//! Oxigraph checks a query's cancellation token only when it reads the store, so a
//! hash join being built, a cross product or an ORDER BY over one runs on past its
//! time limit and grows without bound (measured: 9 GB in 15 s for an ORDER BY over
//! three unbound patterns, 10 s to stop a COUNT over them with a 3 s limit). No
//! thread can be stopped from outside, but a process can: the caller starts the
//! same program in a hidden mode that opens the store read-only (RocksDB allows
//! several read-only openers), runs one query and writes the answer to its standard
//! output; [`Supervised`] watches it and kills it when its time limit passes, when
//! its resident memory (`VmRSS` in `/proc/PID/status`, Linux only) passes the
//! memory limit, or when its output passes the byte limit.
//!
//! Two ways to talk to the child: raw (its standard output is the answer, for
//! `zhengqi query`) and framed ([`start_query`] and [`serve_query`], for the
//! endpoint), where the answer comes as a media type, data frames and an end or an
//! error, so the endpoint knows the status before it sends any byte.

use super::answer::{Limited, write_error};
use super::{RdfSyntax, ResultsSyntax, Store, StoreError};
use std::ffi::OsString;
use std::io::{self, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// 2 GiB: far above what a sensible query over a large store needs, far below
/// what takes a machine down.
pub const DEFAULT_MAX_MEMORY: u64 = 2 << 30;
/// 256 MiB: millions of rows; more is an export, not an answer.
pub const DEFAULT_MAX_RESPONSE: u64 = 256 << 20;
/// How often the watcher looks at the child: at the fastest growth measured
/// (about 600 MB/s) a check every 10 ms overshoots the memory limit by a few MB.
const POLL: Duration = Duration::from_millis(10);
/// Data frames carry at most this many bytes.
const FRAME: usize = 64 * 1024;

/// What one query may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub timeout: Duration,
    pub max_memory: u64,
    pub max_response: u64,
}

/// How to start the child: a program (normally this very executable) and the
/// arguments that put it in its query mode.
#[derive(Debug, Clone)]
pub struct Launcher {
    pub program: PathBuf,
    pub args: Vec<OsString>,
}

impl Launcher {
    fn command(&self) -> Command {
        let mut c = Command::new(&self.program);
        c.args(&self.args);
        c
    }
}

/// Why the watcher stopped a child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Time,
    Memory,
    Response,
}

struct Watch {
    child: Mutex<Child>,
    done: AtomicBool,
    stop: Mutex<Option<Stop>>,
}

impl Watch {
    fn kill(&self, why: Stop) {
        let mut stop = self.stop.lock().unwrap_or_else(PoisonError::into_inner);
        if stop.is_none() {
            *stop = Some(why);
        }
        drop(stop);
        // The child may have ended on its own already; then there is nothing to kill.
        let _ = self
            .child
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .kill();
    }

    fn stopped(&self) -> Option<Stop> {
        *self.stop.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A child process under watch; reading it reads its standard output.
pub struct Supervised {
    watch: Arc<Watch>,
    stdout: ChildStdout,
    limits: Limits,
    read: u64,
    watcher: Option<JoinHandle<()>>,
}

impl Supervised {
    /// Starts `command` with `input` on its standard input and watches it under
    /// `limits`. Its standard error is left as the command has it.
    pub fn start(
        mut command: Command,
        input: &[u8],
        limits: Limits,
    ) -> Result<Supervised, StoreError> {
        let started = Instant::now();
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| StoreError::Worker(format!("cannot start the query process: {e}")))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let stdin = child.stdin.take().expect("stdin is piped");
        let watch = Arc::new(Watch {
            child: Mutex::new(child),
            done: AtomicBool::new(false),
            stop: Mutex::new(None),
        });
        // The input goes from a thread of its own: the child reads all of it
        // before it writes, but a child that dies early must not block us.
        let input = input.to_vec();
        thread::spawn(move || {
            let mut stdin = stdin;
            let _ = stdin.write_all(&input);
        });
        let w = watch.clone();
        let deadline = started.checked_add(limits.timeout);
        let watcher = thread::Builder::new()
            .name("zhengqi-query-watch".into())
            .spawn(move || {
                let pid = w.child.lock().unwrap_or_else(PoisonError::into_inner).id();
                while !w.done.load(Ordering::Acquire) {
                    // Reaping happens in `finish`; here only whether it still runs.
                    let running = w
                        .child
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .try_wait()
                        .is_ok_and(|s| s.is_none());
                    if !running {
                        break;
                    }
                    if deadline.is_some_and(|d| Instant::now() >= d) {
                        w.kill(Stop::Time);
                        break;
                    }
                    if resident_bytes(pid).is_some_and(|rss| rss > limits.max_memory) {
                        w.kill(Stop::Memory);
                        break;
                    }
                    thread::sleep(POLL);
                }
            })
            .map_err(|e| StoreError::Worker(format!("cannot start a watcher thread: {e}")))?;
        Ok(Supervised {
            watch,
            stdout,
            limits,
            read: 0,
            watcher: Some(watcher),
        })
    }

    /// The limit the watcher stopped the child for, if it did.
    pub fn stopped(&self) -> Option<StoreError> {
        self.watch.stopped().map(|s| self.error(s))
    }

    fn error(&self, stop: Stop) -> StoreError {
        match stop {
            Stop::Time => StoreError::Timeout(self.limits.timeout),
            Stop::Memory => StoreError::MemoryLimit(self.limits.max_memory),
            Stop::Response => StoreError::ResponseLimit(self.limits.max_response),
        }
    }

    /// Waits for the child to end: its exit status, or the limit it was stopped for.
    pub fn finish(mut self) -> Result<ExitStatus, StoreError> {
        // Polled rather than `wait`ed, so the watcher can still take the lock and
        // kill a child that closed its output but runs on.
        let status = loop {
            let polled = self
                .watch
                .child
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .try_wait();
            match polled {
                Ok(Some(status)) => break Ok(status),
                Ok(None) => thread::sleep(POLL),
                Err(e) => break Err(StoreError::Worker(e.to_string())),
            }
        };
        self.end_watch();
        match self.stopped() {
            Some(e) => Err(e),
            None => status,
        }
    }

    /// Stops the child now (the reader went away).
    pub fn kill(&self) {
        let _ = self
            .watch
            .child
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .kill();
    }

    fn end_watch(&mut self) {
        self.watch.done.store(true, Ordering::Release);
        if let Some(w) = self.watcher.take() {
            let _ = w.join();
        }
    }
}

impl Read for Supervised {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.stdout.read(buf)?;
        self.read += n as u64;
        if self.read > self.limits.max_response {
            self.watch.kill(Stop::Response);
            return Err(io::Error::other(super::TooLarge(self.limits.max_response)));
        }
        if n == 0
            && let Some(stop) = self.watch.stopped()
        {
            // Killed: the output ends early, and the reader must not take it
            // for a whole answer.
            return Err(io::Error::other(self.error(stop).to_string()));
        }
        Ok(n)
    }
}

impl Drop for Supervised {
    fn drop(&mut self) {
        let mut child = self
            .watch
            .child
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if child.try_wait().is_ok_and(|s| s.is_none()) {
            let _ = child.kill();
        }
        let _ = child.wait();
        drop(child);
        self.end_watch();
    }
}

/// The resident memory of process `pid`, from `/proc` (Linux); `None` elsewhere
/// or when the process is gone.
pub fn resident_bytes(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}

/// Ends this process once the one that started it is gone (a child nobody
/// watches must not run on). Called by the child; its limits are the parent's
/// to enforce.
#[cfg(unix)]
pub fn exit_with_parent() {
    let parent = std::os::unix::process::parent_id();
    thread::spawn(move || {
        loop {
            if std::os::unix::process::parent_id() != parent {
                std::process::exit(3);
            }
            thread::sleep(Duration::from_millis(100));
        }
    });
}

/// Elsewhere a child cannot tell; its parent still kills it at its limits.
#[cfg(not(unix))]
pub fn exit_with_parent() {}

/// One piece of an answer as the endpoint receives it.
#[derive(Debug)]
pub enum Frame {
    /// The answer's media type: evaluation has started and has not failed yet.
    Start(String),
    Data(Vec<u8>),
    /// The answer is complete.
    End,
    Failed(StoreError),
}

/// A query for the framed mode.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryRequest {
    pub query: String,
    pub results: ResultsSyntax,
    pub graph: RdfSyntax,
    pub limits: Limits,
}

fn results_name(r: ResultsSyntax) -> &'static str {
    match r {
        ResultsSyntax::Json => "json",
        ResultsSyntax::Xml => "xml",
        ResultsSyntax::Csv => "csv",
        ResultsSyntax::Tsv => "tsv",
    }
}

fn graph_name(g: RdfSyntax) -> &'static str {
    match g {
        RdfSyntax::Turtle => "turtle",
        RdfSyntax::NTriples => "ntriples",
        RdfSyntax::NQuads => "nquads",
        RdfSyntax::TriG => "trig",
        RdfSyntax::RdfXml => "rdfxml",
        RdfSyntax::JsonLd => "jsonld",
    }
}

impl QueryRequest {
    fn encode(&self) -> Vec<u8> {
        serde_json::json!({
            "query": self.query,
            "results": results_name(self.results),
            "graph": graph_name(self.graph),
            "timeout_ms": self.limits.timeout.as_millis() as u64,
            "max_memory": self.limits.max_memory,
            "max_response": self.limits.max_response,
        })
        .to_string()
        .into_bytes()
    }

    fn decode(bytes: &[u8]) -> Result<QueryRequest, StoreError> {
        let bad =
            |what: &str| StoreError::Worker(format!("bad request to the query process: {what}"));
        let v: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| bad(&e.to_string()))?;
        let s = |k: &str| v[k].as_str().ok_or_else(|| bad(k));
        let n = |k: &str| v[k].as_u64().ok_or_else(|| bad(k));
        let results = [
            ResultsSyntax::Json,
            ResultsSyntax::Xml,
            ResultsSyntax::Csv,
            ResultsSyntax::Tsv,
        ]
        .into_iter()
        .find(|r| results_name(*r) == s("results").unwrap_or(""))
        .ok_or_else(|| bad("results"))?;
        let graph = [
            RdfSyntax::Turtle,
            RdfSyntax::NTriples,
            RdfSyntax::NQuads,
            RdfSyntax::TriG,
            RdfSyntax::RdfXml,
            RdfSyntax::JsonLd,
        ]
        .into_iter()
        .find(|g| graph_name(*g) == s("graph").unwrap_or(""))
        .ok_or_else(|| bad("graph"))?;
        Ok(QueryRequest {
            query: s("query")?.to_string(),
            results,
            graph,
            limits: Limits {
                timeout: Duration::from_millis(n("timeout_ms")?),
                max_memory: n("max_memory")?,
                max_response: n("max_response")?,
            },
        })
    }
}

/// An error as it crosses from the child to the parent.
fn error_to_wire(e: &StoreError) -> Vec<u8> {
    let (kind, n) = match e {
        StoreError::Syntax(_) => ("syntax", 0),
        StoreError::Unsupported(_) => ("unsupported", 0),
        StoreError::UpdateRefused => ("update", 0),
        StoreError::Timeout(d) => ("timeout", d.as_millis() as u64),
        StoreError::MemoryLimit(b) => ("memory", *b),
        StoreError::ResponseLimit(b) => ("response", *b),
        StoreError::Evaluation(_) => ("evaluation", 0),
        _ => ("other", 0),
    };
    // The variants that wrap a message keep it without their prefix.
    let message = match e {
        StoreError::Syntax(m)
        | StoreError::Unsupported(m)
        | StoreError::Evaluation(m)
        | StoreError::Worker(m) => m.clone(),
        e => e.to_string(),
    };
    serde_json::json!({ "kind": kind, "n": n, "message": message })
        .to_string()
        .into_bytes()
}

fn error_from_wire(bytes: &[u8]) -> StoreError {
    let v: serde_json::Value = serde_json::from_slice(bytes).unwrap_or_default();
    let message = v["message"].as_str().unwrap_or("").to_string();
    let n = v["n"].as_u64().unwrap_or(0);
    match v["kind"].as_str().unwrap_or("") {
        "syntax" => StoreError::Syntax(message),
        "unsupported" => StoreError::Unsupported(message),
        "update" => StoreError::UpdateRefused,
        "timeout" => StoreError::Timeout(Duration::from_millis(n)),
        "memory" => StoreError::MemoryLimit(n),
        "response" => StoreError::ResponseLimit(n),
        "evaluation" => StoreError::Evaluation(message),
        _ => StoreError::Worker(message),
    }
}

fn write_frame(out: &mut impl Write, kind: u8, data: &[u8]) -> io::Result<()> {
    out.write_all(&[kind])?;
    out.write_all(&(data.len() as u32).to_be_bytes())?;
    out.write_all(data)
}

/// Writes data frames of up to [`FRAME`] bytes.
struct FrameWriter<W: Write> {
    out: W,
    buf: Vec<u8>,
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= FRAME {
            self.flush()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            write_frame(&mut self.out, b'D', &self.buf)?;
            self.buf.clear();
        }
        self.out.flush()
    }
}

/// The child's side of the framed mode: reads one [`QueryRequest`] from `input`
/// and writes the answer to `output` as frames, its own errors included. The
/// child should call [`exit_with_parent`] first.
pub fn serve_query(store: &Store, input: impl Read, output: impl Write) -> io::Result<()> {
    let mut raw = Vec::new();
    input.take(16 << 20).read_to_end(&mut raw)?;
    let mut out = io::BufWriter::new(output);
    let request = match QueryRequest::decode(&raw) {
        Ok(r) => r,
        Err(e) => {
            write_frame(&mut out, b'E', &error_to_wire(&e))?;
            return out.flush();
        }
    };
    let r = &request;
    let result = store.answer(
        &r.query,
        r.results,
        r.graph,
        Some(r.limits.timeout),
        |media| {
            write_frame(&mut out, b'S', media.as_bytes()).map_err(write_error)?;
            Ok(Limited::new(
                FrameWriter {
                    out: &mut out,
                    buf: Vec::new(),
                },
                r.limits.max_response,
            ))
        },
    );
    match result.and_then(|mut w| w.flush().map_err(write_error)) {
        Ok(()) => write_frame(&mut out, b'Z', b"")?,
        Err(e) => write_frame(&mut out, b'E', &error_to_wire(&e))?,
    }
    out.flush()
}

/// The parent's side of the framed mode: the answer to one query, frame by frame.
pub struct Frames {
    source: Source,
    finished: bool,
}

enum Source {
    Child(Box<BufReader<Supervised>>),
    Channel(Receiver<Frame>),
}

impl Frames {
    /// Frames sent by a thread in this process (stores in memory, which no child
    /// can open); only the time limit at reads and rows holds for them.
    pub fn from_channel(rx: Receiver<Frame>) -> Frames {
        Frames {
            source: Source::Channel(rx),
            finished: false,
        }
    }

    /// The next frame; after an `End` or a `Failed`, always `End`.
    pub fn next_frame(&mut self) -> Frame {
        if self.finished {
            return Frame::End;
        }
        let frame = match &mut self.source {
            Source::Channel(rx) => rx.recv().unwrap_or_else(|_| {
                Frame::Failed(StoreError::Worker("the query thread ended".into()))
            }),
            Source::Child(child) => read_frame(child),
        };
        if matches!(frame, Frame::End | Frame::Failed(_)) {
            self.finished = true;
        }
        frame
    }
}

fn read_frame(child: &mut BufReader<Supervised>) -> Frame {
    let mut head = [0u8; 5];
    if let Err(e) = child.read_exact(&mut head) {
        return Frame::Failed(child_failure(child, e));
    }
    let len = u32::from_be_bytes([head[1], head[2], head[3], head[4]]) as usize;
    if len > 4 * FRAME {
        return Frame::Failed(StoreError::Worker(format!("a frame of {len} bytes")));
    }
    let mut data = vec![0u8; len];
    if let Err(e) = child.read_exact(&mut data) {
        return Frame::Failed(child_failure(child, e));
    }
    match head[0] {
        b'S' => Frame::Start(String::from_utf8_lossy(&data).into_owned()),
        b'D' => Frame::Data(data),
        b'Z' => Frame::End,
        b'E' => Frame::Failed(error_from_wire(&data)),
        k => Frame::Failed(StoreError::Worker(format!("unknown frame {k}"))),
    }
}

/// Why the child's output ended early: a limit it was stopped for, or a crash.
fn child_failure(child: &mut BufReader<Supervised>, e: io::Error) -> StoreError {
    if let Some(stop) = child.get_ref().stopped() {
        return stop;
    }
    if let Some(limit) = too_large(&e) {
        return StoreError::ResponseLimit(limit);
    }
    // Give the watcher a moment to record a kill that raced with the read.
    thread::sleep(POLL * 2);
    child
        .get_ref()
        .stopped()
        .unwrap_or_else(|| StoreError::Worker(format!("the query process ended early ({e})")))
}

fn too_large(e: &io::Error) -> Option<u64> {
    e.get_ref()
        .and_then(|i| i.downcast_ref::<super::TooLarge>())
        .map(|t| t.0)
}

/// Starts `launcher` in framed mode on `request` and returns its answer's frames.
pub fn start_query(launcher: &Launcher, request: &QueryRequest) -> Result<Frames, StoreError> {
    // The parent's byte limit is a backstop above the child's own: frame heads
    // add a few bytes per 64 KiB.
    let mut limits = request.limits;
    limits.max_response = limits.max_response + limits.max_response / 1024 + 4096;
    let child = Supervised::start(launcher.command(), &request.encode(), limits)?;
    Ok(Frames {
        source: Source::Child(Box::new(BufReader::with_capacity(FRAME + 5, child))),
        finished: false,
    })
}

/// A writer that sends what it is given as data frames down a channel: the
/// in-process counterpart of the child's standard output.
pub struct FrameSender {
    tx: SyncSender<Frame>,
    buf: Vec<u8>,
}

impl FrameSender {
    pub fn new(tx: SyncSender<Frame>) -> FrameSender {
        FrameSender {
            tx,
            buf: Vec::new(),
        }
    }
}

impl Write for FrameSender {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= FRAME {
            self.flush()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            self.tx
                .send(Frame::Data(std::mem::take(&mut self.buf)))
                .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the reader went away"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_and_errors_cross_intact() {
        let r = QueryRequest {
            query: "SELECT * WHERE { ?s ?p \"海宁\" }".into(),
            results: ResultsSyntax::Tsv,
            graph: RdfSyntax::NTriples,
            limits: Limits {
                timeout: Duration::from_millis(1500),
                max_memory: 1 << 30,
                max_response: 1 << 20,
            },
        };
        assert_eq!(QueryRequest::decode(&r.encode()).unwrap(), r);
        for e in [
            StoreError::Syntax("x".into()),
            StoreError::Unsupported("SERVICE".into()),
            StoreError::Timeout(Duration::from_millis(200)),
            StoreError::MemoryLimit(1 << 30),
            StoreError::ResponseLimit(1 << 20),
            StoreError::Evaluation("y".into()),
        ] {
            assert_eq!(
                error_from_wire(&error_to_wire(&e)).to_string(),
                e.to_string()
            );
        }
    }

    #[test]
    fn frames_round_trip_through_a_pipe_of_bytes() {
        let store = Store::memory().unwrap();
        let request = QueryRequest {
            query: "ASK {}".into(),
            results: ResultsSyntax::Json,
            graph: RdfSyntax::Turtle,
            limits: Limits {
                timeout: Duration::from_secs(5),
                max_memory: DEFAULT_MAX_MEMORY,
                max_response: DEFAULT_MAX_RESPONSE,
            },
        };
        let mut out = Vec::new();
        serve_query(&store, request.encode().as_slice(), &mut out).unwrap();
        assert_eq!(out[0], b'S');
        assert!(out.ends_with(&[b'Z', 0, 0, 0, 0]));
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("\"boolean\":true"), "{text}");
    }

    /// `sh` stands in for the query process: the watcher kills it at the time
    /// limit and at the memory limit, and the byte limit cuts its output.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_watcher_enforces_every_limit() {
        let limits = Limits {
            timeout: Duration::from_millis(300),
            max_memory: DEFAULT_MAX_MEMORY,
            max_response: 1 << 20,
        };
        let sh = |script: &str| {
            let mut c = Command::new("sh");
            c.args(["-c", script]);
            c
        };
        let started = Instant::now();
        let mut s = Supervised::start(sh("exec sleep 30"), b"", limits).unwrap();
        let mut sink = Vec::new();
        assert!(s.read_to_end(&mut sink).is_err());
        assert!(matches!(s.finish(), Err(StoreError::Timeout(_))));
        assert!(started.elapsed() < Duration::from_secs(10));

        let mut s = Supervised::start(sh("exec yes"), b"", limits).unwrap();
        let err = s.read_to_end(&mut sink).unwrap_err();
        assert!(too_large(&err).is_some(), "{err}");
        assert!(matches!(s.finish(), Err(StoreError::ResponseLimit(_))));

        let small = Limits {
            max_memory: 1,
            timeout: Duration::from_secs(30),
            ..limits
        };
        let mut s = Supervised::start(sh("exec sleep 30"), b"", small).unwrap();
        let _ = s.read_to_end(&mut Vec::new());
        assert!(matches!(s.finish(), Err(StoreError::MemoryLimit(1))));

        let mut s = Supervised::start(sh("cat"), b"echoed", limits).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        assert_eq!(out, "echoed");
        assert!(s.finish().unwrap().success());
    }
}
