//! A small HTTP/1.1 server on `std::net`, written for what the endpoint needs:
//! every connection has read and write time limits (tiny_http, used before, had
//! none, so an idle client held a thread for ever), the number of connections
//! is bounded (past it a client gets 503 at once), each request is read whole
//! within the time limit, and answers are either whole (with a length) or
//! streamed (chunked in HTTP/1.1). One request per connection: every answer
//! says `Connection: close`, which keeps a slow client from holding a thread
//! between requests.

use super::Reply;
use crate::store::isolate::{Frame, Frames};
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// Request heads larger than this are refused (431).
const MAX_HEAD: usize = 16 * 1024;
/// Request bodies larger than this are refused (413).
pub(super) const MAX_BODY: usize = 1 << 20;

/// A request, read whole.
#[derive(Debug)]
pub(super) struct Request {
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// HTTP/1.1 (chunked answers) rather than 1.0 (answers end with the connection).
    pub http11: bool,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// An answer: whole, or a head and a first part followed by the frames of a
/// query's answer.
pub(super) enum Response {
    Whole(Reply),
    Stream {
        head: Reply,
        frames: Frames,
        /// Held until the answer is written (a query worker's slot).
        hold: Box<dyn Send>,
    },
}

pub(super) type Handler = dyn Fn(&Request) -> Response + Send + Sync;

/// A listening socket and its limits.
pub(super) struct Server {
    listener: TcpListener,
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    connections: usize,
    io_timeout: Duration,
}

/// Stops a running [`Server`] (tests).
#[cfg(test)]
#[derive(Clone)]
pub(super) struct Stopper {
    stop: Arc<AtomicBool>,
    addr: SocketAddr,
}

#[cfg(test)]
impl Stopper {
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the acceptor, which is blocked in `accept`.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
    }
}

/// Gives a connection's place back when its thread ends, even by a panic.
struct Active(Arc<AtomicUsize>);

impl Drop for Active {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Server {
    pub fn bind(addr: &str, connections: usize, io_timeout: Duration) -> io::Result<Server> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        Ok(Server {
            listener,
            addr,
            stop: Arc::new(AtomicBool::new(false)),
            connections,
            io_timeout,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    #[cfg(test)]
    pub fn stopper(&self) -> Stopper {
        Stopper {
            stop: self.stop.clone(),
            addr: self.addr,
        }
    }

    /// Accepts connections until stopped, each on a thread of its own, at most
    /// `connections` at a time.
    pub fn run(self, handler: Arc<Handler>) {
        let active = Arc::new(AtomicUsize::new(0));
        for stream in self.listener.incoming() {
            if self.stop.load(Ordering::SeqCst) {
                break;
            }
            let mut stream = match stream {
                Ok(s) => s,
                Err(_) => {
                    // Out of file descriptors and the like pass; do not spin.
                    thread::sleep(Duration::from_millis(50));
                    continue;
                }
            };
            if active.fetch_add(1, Ordering::SeqCst) >= self.connections {
                active.fetch_sub(1, Ordering::SeqCst);
                busy(&mut stream, "too many open connections");
                continue;
            }
            let place = Active(active.clone());
            let handler = handler.clone();
            let io_timeout = self.io_timeout;
            let spawned = thread::Builder::new()
                .name("zhengqi-http".into())
                .spawn(move || {
                    let _place = place;
                    connection(stream, &*handler, io_timeout);
                });
            if spawned.is_err() {
                // The stream went with the closure; the client sees it close.
                eprintln!("zhengqi: cannot start a connection thread");
            }
        }
    }
}

/// A 503 written from the acceptor: short, so it fits the socket's buffer and
/// never blocks.
fn busy(stream: &mut TcpStream, why: &str) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let reply = Reply::text(
        503,
        format!("the server is busy ({why}); try again shortly"),
    )
    .with("Retry-After", "1");
    let _ = write_whole(stream, &reply, false);
    let _ = stream.shutdown(Shutdown::Both);
}

fn connection(mut stream: TcpStream, handler: &Handler, io_timeout: Duration) {
    let _ = stream.set_read_timeout(Some(io_timeout));
    let _ = stream.set_write_timeout(Some(io_timeout));
    let _ = stream.set_nodelay(true);
    let request = match read_request(&mut stream, io_timeout) {
        Ok(Some(r)) => r,
        Ok(None) => return,
        Err(reply) => {
            let _ = write_whole(&mut stream, &reply, false);
            let _ = stream.shutdown(Shutdown::Both);
            return;
        }
    };
    let head_only = request.method == "HEAD";
    match handler(&request) {
        Response::Whole(reply) => {
            let _ = write_whole(&mut stream, &reply, head_only);
        }
        Response::Stream { head, frames, hold } => {
            if let Err(e) = write_stream(&mut stream, head, frames, head_only, request.http11) {
                eprintln!("zhengqi: an answer to {} was cut: {e}", peer(&stream));
            }
            drop(hold);
        }
    }
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Write);
}

fn peer(stream: &TcpStream) -> String {
    stream
        .peer_addr()
        .map_or_else(|_| "a client".to_string(), |a| a.to_string())
}

/// Reads one request: its head within [`MAX_HEAD`] bytes and its body within
/// [`MAX_BODY`], all of it within `limit`. `Ok(None)` when the client closed
/// without sending anything.
fn read_request(stream: &mut TcpStream, limit: Duration) -> Result<Option<Request>, Reply> {
    let started = Instant::now();
    let late = || Reply::text(408, "the request did not arrive in time");
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = find(&buf, b"\r\n\r\n") {
            break at;
        }
        if buf.len() > MAX_HEAD {
            return Err(Reply::text(431, "request head larger than 16 KiB"));
        }
        if started.elapsed() > limit {
            return Err(late());
        }
        match stream.read(&mut chunk) {
            Ok(0) if buf.is_empty() => return Ok(None),
            Ok(0) => return Err(Reply::text(400, "the request ended inside its head")),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if is_timeout(&e) => return Err(late()),
            Err(_) => return Ok(None),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut rest = buf[head_end + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let bad = |m: &str| Reply::text(400, m.to_string());
    let request_line = lines.next().unwrap_or("");
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("malformed request line"));
    };
    if !version.starts_with("HTTP/1.") {
        return Err(Reply::text(
            505,
            "only HTTP/1.0 and HTTP/1.1 are spoken here",
        ));
    }
    let mut headers = Vec::new();
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            return Err(bad("malformed header line"));
        };
        headers.push((k.trim().to_string(), v.trim().to_string()));
    }
    // A proxy may send the absolute form `http://host/path`.
    let target = match target.split_once("://") {
        Some((_, after)) => after.find('/').map_or("/", |i| &after[i..]),
        None => target,
    };
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut request = Request {
        method: method.to_string(),
        path: path.to_string(),
        query: query.to_string(),
        headers,
        body: Vec::new(),
        http11: version == "HTTP/1.1",
    };
    if request.header("Transfer-Encoding").is_some() {
        return Err(Reply::text(
            411,
            "chunked request bodies are not accepted: send Content-Length",
        ));
    }
    let length = match request.header("Content-Length") {
        None => 0,
        Some(v) => v
            .parse::<usize>()
            .map_err(|_| bad("Content-Length is not a number"))?,
    };
    if length > MAX_BODY {
        return Err(Reply::text(413, "request body larger than 1 MiB"));
    }
    if length > rest.len()
        && request
            .header("Expect")
            .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"))
    {
        let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    }
    while rest.len() < length {
        if started.elapsed() > limit {
            return Err(late());
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Err(bad("the request body ended early")),
            Ok(n) => rest.extend_from_slice(&chunk[..n]),
            Err(e) if is_timeout(&e) => return Err(late()),
            Err(_) => return Ok(None),
        }
    }
    rest.truncate(length);
    request.body = rest;
    Ok(Some(request))
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// The status line and headers; `length` is `None` for a streamed body.
fn head_bytes(reply: &Reply, length: Option<usize>, chunked: bool) -> Vec<u8> {
    let mut h = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\n",
        reply.status,
        reason(reply.status),
        reply.content_type
    );
    match length {
        Some(n) => h.push_str(&format!("Content-Length: {n}\r\n")),
        None if chunked => h.push_str("Transfer-Encoding: chunked\r\n"),
        None => {}
    }
    // Browsers on other origins (notebooks, YASGUI) may query this endpoint.
    h.push_str("Access-Control-Allow-Origin: *\r\nConnection: close\r\n");
    for (k, v) in &reply.headers {
        // Header values come from this program, but never let one end the head.
        let v: String = v.chars().filter(|c| *c != '\r' && *c != '\n').collect();
        h.push_str(&format!("{k}: {v}\r\n"));
    }
    h.push_str("\r\n");
    h.into_bytes()
}

fn write_whole(stream: &mut impl Write, reply: &Reply, head_only: bool) -> io::Result<()> {
    let mut out = head_bytes(reply, Some(reply.body.len()), false);
    if !head_only {
        out.extend_from_slice(&reply.body);
    }
    stream.write_all(&out)
}

fn write_chunk(stream: &mut impl Write, data: &[u8], chunked: bool) -> io::Result<()> {
    if data.is_empty() {
        return Ok(());
    }
    if chunked {
        let mut out = format!("{:X}\r\n", data.len()).into_bytes();
        out.extend_from_slice(data);
        out.extend_from_slice(b"\r\n");
        stream.write_all(&out)
    } else {
        stream.write_all(data)
    }
}

/// Writes a streamed answer. A failure after the head has gone cannot change the
/// status, so the answer is cut: in HTTP/1.1 without its last chunk, which every
/// client reports as an incomplete transfer.
fn write_stream(
    stream: &mut impl Write,
    head: Reply,
    mut frames: Frames,
    head_only: bool,
    chunked: bool,
) -> Result<(), String> {
    let io = |e: io::Error| format!("the client stopped reading ({e})");
    stream
        .write_all(&head_bytes(&head, None, chunked))
        .map_err(io)?;
    if head_only {
        return Ok(());
    }
    write_chunk(stream, &head.body, chunked).map_err(io)?;
    loop {
        match frames.next_frame() {
            Frame::Data(d) => write_chunk(stream, &d, chunked).map_err(io)?,
            Frame::End => break,
            Frame::Start(_) => {}
            Frame::Failed(e) => return Err(e.to_string()),
        }
    }
    if chunked {
        stream.write_all(b"0\r\n\r\n").map_err(io)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: &[u8]) -> Result<Option<Request>, Reply> {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        client.write_all(raw).unwrap();
        client.shutdown(Shutdown::Write).unwrap();
        let (mut server, _) = listener.accept().unwrap();
        server
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        read_request(&mut server, Duration::from_secs(5))
    }

    #[test]
    fn requests_are_read_with_their_bodies() {
        let r = parse(b"POST /query?a=1 HTTP/1.1\r\nHost: x\r\ncontent-length: 5\r\n\r\nhello")
            .unwrap()
            .unwrap();
        assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/query"));
        assert_eq!(r.query, "a=1");
        assert_eq!(r.body, b"hello");
        assert_eq!(r.header("Content-Length"), Some("5"));
        assert!(r.http11);
        let r = parse(b"GET http://example.org/health HTTP/1.0\r\n\r\n")
            .unwrap()
            .unwrap();
        assert_eq!(r.path, "/health");
        assert!(!r.http11);
        assert!(parse(b"").unwrap().is_none());
    }

    #[test]
    fn bad_requests_get_their_status() {
        let status = |raw: &[u8]| parse(raw).err().map(|r| r.status);
        assert_eq!(status(b"GET /\r\n\r\n"), Some(400));
        assert_eq!(status(b"GET / HTTP/2.0\r\n\r\n"), Some(505));
        assert_eq!(
            status(b"POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n"),
            Some(413)
        );
        assert_eq!(
            status(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"),
            Some(411)
        );
        let mut huge = b"GET / HTTP/1.1\r\nX: ".to_vec();
        huge.extend(std::iter::repeat_n(b'a', MAX_HEAD + 10));
        assert_eq!(status(&huge), Some(431));
        assert_eq!(
            status(b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc"),
            Some(400)
        );
    }

    #[test]
    fn a_silent_client_gets_408_once_the_time_limit_passes() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        client.write_all(b"GET / HTTP/1.1\r\n").unwrap();
        let (mut server, _) = listener.accept().unwrap();
        let limit = Duration::from_millis(200);
        server.set_read_timeout(Some(limit)).unwrap();
        let started = Instant::now();
        assert_eq!(
            read_request(&mut server, limit).err().map(|r| r.status),
            Some(408)
        );
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn streamed_answers_are_chunked_and_end_with_the_last_chunk() {
        let (tx, rx) = std::sync::mpsc::sync_channel(4);
        tx.send(Frame::Data(b"world".to_vec())).unwrap();
        tx.send(Frame::End).unwrap();
        let mut out = Vec::new();
        let head = Reply::new(200, "text/csv", "hello ");
        write_stream(&mut out, head, Frames::from_channel(rx), false, true).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Transfer-Encoding: chunked"), "{text}");
        assert!(
            text.ends_with("\r\n\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n"),
            "{text}"
        );

        // A failure after the head cuts the answer: no last chunk.
        let (tx, rx) = std::sync::mpsc::sync_channel(4);
        tx.send(Frame::Data(b"x".to_vec())).unwrap();
        tx.send(Frame::Failed(crate::store::StoreError::ResponseLimit(1)))
            .unwrap();
        let mut out = Vec::new();
        let head = Reply::new(200, "text/csv", "");
        let err = write_stream(&mut out, head, Frames::from_channel(rx), false, true).unwrap_err();
        assert!(err.contains("max-response"), "{err}");
        assert!(!String::from_utf8(out).unwrap().ends_with("0\r\n\r\n"));
    }
}
