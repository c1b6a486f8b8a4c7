//! A scripted raw-TCP HTTP/1.1 server on loopback, for testing the client against servers that
//! misbehave in ways a real framework would not let us: lying `Content-Length`, bodies cut off,
//! bytes trickled, no answer at all.
//!
//! Each connection reads one request head, asks the test's handler for a [`Script`], writes it,
//! and closes the connection (every response says `Connection: close`, so the client never
//! reuses a connection the server is about to close). The server counts requests, records
//! their paths and heads, counts the body bytes it managed to hand to the kernel, and records
//! how each connection ended.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpSocket, TcpStream};
use tokio::sync::Notify;

/// What the handler sees of a request.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    /// The request target (`/.well-known/openid-configuration`).
    pub(crate) path: String,
    /// `http://127.0.0.1:PORT`.
    pub(crate) origin: String,
}

/// How the body is delimited on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Framing {
    /// An honest `Content-Length`.
    Length,
    /// `Content-Length` with this (possibly false) value.
    DeclaredLength(u64),
    /// `Transfer-Encoding: chunked`.
    Chunked,
    /// Neither: the body ends when the connection closes.
    UntilClose,
}

/// The body to send.
#[derive(Debug, Clone)]
pub(crate) enum Body {
    /// These bytes.
    Bytes(Vec<u8>),
    /// This many filler bytes (`a`), generated while writing.
    Filler(usize),
}

impl Body {
    fn len(&self) -> usize {
        match self {
            Self::Bytes(bytes) => bytes.len(),
            Self::Filler(length) => *length,
        }
    }
}

/// A scripted response.
#[derive(Debug, Clone)]
pub(crate) struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Body,
    framing: Framing,
    /// Write the body one byte at a time, pausing this long before each.
    trickle: Option<Duration>,
    /// Close the connection after this many body bytes.
    cut_after: Option<usize>,
    /// Write the head (status line and headers) one byte at a time, pausing this long before
    /// each.
    trickle_head: Option<Duration>,
    /// After the body, keep the connection open (reading until the client closes it) instead
    /// of closing it.
    hold_open: bool,
}

impl Response {
    /// `status` with an empty body and no `Content-Type`.
    pub(crate) fn status(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Body::Bytes(Vec::new()),
            framing: Framing::Length,
            trickle: None,
            cut_after: None,
            trickle_head: None,
            hold_open: false,
        }
    }

    /// `200` with `body` as `application/json`.
    pub(crate) fn json(body: impl Into<Vec<u8>>) -> Self {
        Self::status(200)
            .header("Content-Type", "application/json")
            .body(body)
    }

    /// `200` with `length` filler bytes as `application/json`.
    pub(crate) fn filler(length: usize) -> Self {
        Self {
            body: Body::Filler(length),
            ..Self::status(200).header("Content-Type", "application/json")
        }
    }

    /// `status` with a `Location`.
    pub(crate) fn redirect(status: u16, location: &str) -> Self {
        Self::status(status).header("Location", location)
    }

    /// Adds a header.
    pub(crate) fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Replaces the body.
    pub(crate) fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = Body::Bytes(body.into());
        self
    }

    /// Sets the framing.
    pub(crate) fn framing(mut self, framing: Framing) -> Self {
        self.framing = framing;
        self
    }

    /// Trickles the body.
    pub(crate) fn trickle(mut self, pause: Duration) -> Self {
        self.trickle = Some(pause);
        self
    }

    /// Closes the connection after `bytes` body bytes.
    pub(crate) fn cut_after(mut self, bytes: usize) -> Self {
        self.cut_after = Some(bytes);
        self
    }

    /// Trickles the head (slowloris).
    pub(crate) fn trickle_head(mut self, pause: Duration) -> Self {
        self.trickle_head = Some(pause);
        self
    }

    /// Keeps the connection open after the body.
    pub(crate) fn hold_open(mut self) -> Self {
        self.hold_open = true;
        self
    }
}

/// What the server does with a request.
#[derive(Debug, Clone)]
pub(crate) enum Script {
    /// Answer.
    Respond(Response),
    /// Never answer, and keep the connection open (until the test's runtime ends).
    Hang,
}

impl From<Response> for Script {
    fn from(response: Response) -> Self {
        Self::Respond(response)
    }
}

/// How a connection ended, from the server's side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Everything scripted was written.
    Completed,
    /// A write failed (the client had closed the connection) after this many body bytes.
    WriteFailed { body_bytes: usize },
    /// The connection was closed before a whole request head arrived.
    NoRequest,
}

#[derive(Default)]
struct State {
    requests: AtomicUsize,
    paths: Mutex<Vec<String>>,
    heads: Mutex<Vec<String>>,
    body_bytes: AtomicUsize,
    outcomes: Mutex<Vec<Outcome>>,
    ended: Notify,
}

/// A running server; it stops with the test's runtime.
pub(crate) struct Server {
    addr: SocketAddr,
    state: Arc<State>,
}

type Handler = dyn Fn(&Request) -> Script + Send + Sync;

impl Server {
    /// Starts a server on `127.0.0.1:0` answering every request with `handler`.
    pub(crate) async fn start<S: Into<Script>>(
        handler: impl Fn(&Request) -> S + Send + Sync + 'static,
    ) -> Self {
        // A small send buffer (inherited by accepted sockets), so that what the server has
        // "written" is close to what the client has actually received: the kernel would
        // otherwise absorb megabytes of a body the client never reads.
        let socket = TcpSocket::new_v4().expect("a socket");
        socket
            .set_send_buffer_size(64 * 1024)
            .expect("a send buffer size");
        socket
            .bind(SocketAddr::from(([127, 0, 0, 1], 0)))
            .expect("bind");
        let listener = socket.listen(64).expect("listen");
        let addr = listener.local_addr().expect("local address");
        let state = Arc::new(State::default());
        let handler: Arc<Handler> = Arc::new(move |request: &Request| handler(request).into());
        let shared = Arc::clone(&state);
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let state = Arc::clone(&shared);
                let handler = Arc::clone(&handler);
                tokio::spawn(async move {
                    let outcome = serve(stream, addr, &state, &*handler).await;
                    state.outcomes.lock().unwrap().push(outcome);
                    state.ended.notify_waiters();
                });
            }
        });
        Self { addr, state }
    }

    /// Starts a server that always answers with `script`.
    pub(crate) async fn always(script: impl Into<Script>) -> Self {
        let script = script.into();
        Self::start(move |_| script.clone()).await
    }

    /// `http://127.0.0.1:PORT`.
    pub(crate) fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    /// The number of request heads received.
    pub(crate) fn requests(&self) -> usize {
        self.state.requests.load(Ordering::SeqCst)
    }

    /// The paths requested, in order.
    pub(crate) fn paths(&self) -> Vec<String> {
        self.state.paths.lock().unwrap().clone()
    }

    /// The request heads received, in order.
    pub(crate) fn heads(&self) -> Vec<String> {
        self.state.heads.lock().unwrap().clone()
    }

    /// Body bytes written so far (handed to the kernel: they may never have been read).
    pub(crate) fn body_bytes_written(&self) -> usize {
        self.state.body_bytes.load(Ordering::SeqCst)
    }

    /// Waits (at most `within`) until `count` connections have ended, and returns how they
    /// ended; panics on time-out.
    pub(crate) async fn outcomes(&self, count: usize, within: Duration) -> Vec<Outcome> {
        let wait = async {
            loop {
                let ended = self.state.ended.notified();
                {
                    let outcomes = self.state.outcomes.lock().unwrap();
                    if outcomes.len() >= count {
                        return outcomes.clone();
                    }
                }
                ended.await;
            }
        };
        tokio::time::timeout(within, wait)
            .await
            .unwrap_or_else(|_| {
                panic!(
                    "{count} connection(s) did not end within {within:?}: {:?}",
                    self.state.outcomes.lock().unwrap()
                )
            })
    }
}

/// Reads one request head (up to 64 KiB).
async fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut buffer = [0_u8; 4096];
    while !head.windows(4).any(|window| window == b"\r\n\r\n") {
        let read = stream.read(&mut buffer).await.ok()?;
        if read == 0 || head.len() > 64 * 1024 {
            return None;
        }
        head.extend_from_slice(&buffer[..read]);
    }
    Some(String::from_utf8_lossy(&head).into_owned())
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Whatever",
    }
}

async fn serve(
    mut stream: TcpStream,
    addr: SocketAddr,
    state: &State,
    handler: &Handler,
) -> Outcome {
    let Some(head) = read_head(&mut stream).await else {
        return Outcome::NoRequest;
    };
    let path = head
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    state.requests.fetch_add(1, Ordering::SeqCst);
    state.paths.lock().unwrap().push(path.clone());
    state.heads.lock().unwrap().push(head);
    let request = Request {
        path,
        origin: format!("http://{addr}"),
    };
    let response = match handler(&request) {
        Script::Respond(response) => response,
        Script::Hang => {
            // Keep the connection open, reading (and discarding) whatever comes, until the
            // client closes it or the runtime ends.
            let mut sink = [0_u8; 1024];
            while matches!(stream.read(&mut sink).await, Ok(read) if read > 0) {}
            return Outcome::Completed;
        }
    };
    write_response(&mut stream, &response, state).await
}

async fn write_response(stream: &mut TcpStream, response: &Response, state: &State) -> Outcome {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nConnection: close\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    match response.framing {
        Framing::Length => head.push_str(&format!("Content-Length: {}\r\n", response.body.len())),
        Framing::DeclaredLength(length) => head.push_str(&format!("Content-Length: {length}\r\n")),
        Framing::Chunked => head.push_str("Transfer-Encoding: chunked\r\n"),
        Framing::UntilClose => {}
    }
    head.push_str("\r\n");
    if let Some(pause) = response.trickle_head {
        for byte in head.as_bytes() {
            tokio::time::sleep(pause).await;
            if stream.write_all(&[*byte]).await.is_err() {
                return Outcome::WriteFailed { body_bytes: 0 };
            }
        }
    } else if stream.write_all(head.as_bytes()).await.is_err() {
        return Outcome::WriteFailed { body_bytes: 0 };
    }

    let total = response.body.len();
    let limit = response.cut_after.map_or(total, |cut| cut.min(total));
    let piece = if response.trickle.is_some() {
        1
    } else {
        64 * 1024
    };
    let filler = vec![b'a'; piece];
    let mut sent = 0;
    while sent < limit {
        let length = piece.min(limit - sent);
        let data = match &response.body {
            Body::Bytes(bytes) => &bytes[sent..sent + length],
            Body::Filler(_) => &filler[..length],
        };
        if let Some(pause) = response.trickle {
            tokio::time::sleep(pause).await;
        }
        let written = if response.framing == Framing::Chunked {
            let mut chunk = format!("{length:x}\r\n").into_bytes();
            chunk.extend_from_slice(data);
            chunk.extend_from_slice(b"\r\n");
            stream.write_all(&chunk).await
        } else {
            stream.write_all(data).await
        };
        if written.is_err() {
            return Outcome::WriteFailed { body_bytes: sent };
        }
        sent += length;
        state.body_bytes.fetch_add(length, Ordering::SeqCst);
    }
    if response.cut_after.is_none()
        && response.framing == Framing::Chunked
        && stream.write_all(b"0\r\n\r\n").await.is_err()
    {
        return Outcome::WriteFailed { body_bytes: sent };
    }
    if stream.flush().await.is_err() {
        return Outcome::WriteFailed { body_bytes: sent };
    }
    if response.hold_open {
        let mut sink = [0_u8; 1024];
        while matches!(stream.read(&mut sink).await, Ok(read) if read > 0) {}
        return Outcome::Completed;
    }
    // Half-close, then wait for the client to close its side, so that an error the client
    // detects (a reset) cannot be confused with our close.
    let _ = stream.shutdown().await;
    Outcome::Completed
}
