//! Attacks on a server's connections, held to its [`ConnectionPolicy`]: what slow, idle, greedy
//! and foreign clients may cost a server, and how long they may hold it.
//!
//! A [`Target`] names a running server (its address, a path it serves with `200 OK`, and the
//! policy it was started with); each method runs one attack against it, bounded in connections
//! and in time, and returns a report of what it measured:
//!
//! | attack | the contract |
//! |---|---|
//! | [`idle`](Target::idle) | a connection that sends nothing (from its opening, or after one response) is closed within `idle_timeout` + [`SLACK`] |
//! | [`slowloris`](Target::slowloris) | a request head sent a byte every 200 ms is closed within `head_timeout` + [`SLACK`] of its first byte |
//! | [`pipelining`](Target::pipelining) | connections that pipeline thousands of requests and read nothing hold no more live heap than the policy's `max_buffer` allows; a good client is answered during and after |
//! | [`starvation`](Target::starvation) | with more idle connections held than the connection cap, a good client is answered within `idle_timeout` + [`SLACK`] |
//! | [`http2_prior_knowledge`](Target::http2_prior_knowledge) | the HTTP/2 preface gets an HTTP/1 `4xx`/`5xx` or a close within [`SLACK`], and the server keeps serving |
//! | [`shutdown`](Target::shutdown) | a graceful shutdown with a connection held open ([`HeldOpen`]) ends within `shutdown_timeout` + [`SLACK`] |
//!
//! A breach panics with a message that names the attack, the deadline or bound and the figure
//! measured. The attacks of one process run one at a time (they share a lock), so that one does
//! not delay another's server or disturb its heap measurement.

use std::fmt::Write as _;
use std::io::{self, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, mpsc};
use std::time::{Duration, Instant};

use oidc_discovery_http::ConnectionPolicy;

use crate::{Connection, count_panics, raw_request, settled};

/// What a deadline of the policy is allowed beyond itself before a test calls it missed: timers
/// fire late on a loaded machine, and a connection closed at the deadline is seen a little after
/// it. A server without the deadline misses it by far more.
pub const SLACK: Duration = Duration::from_secs(3);

/// Connections of each kind in [`Target::idle`], and in [`Target::slowloris`].
pub const SLOW_CONNECTIONS: usize = 4;
/// How often [`Target::slowloris`] sends the next byte of its request head.
pub const SLOWLORIS_INTERVAL: Duration = Duration::from_millis(200);
/// Connections of [`Target::pipelining`].
pub const PIPELINING_CONNECTIONS: usize = 50;
/// Requests each connection of [`Target::pipelining`] writes (about 700 KiB), unless the server
/// stops reading them first.
pub const PIPELINED_REQUESTS: usize = 10_000;
/// The live heap [`Target::pipelining`] allows each connection beyond twice the policy's
/// `max_buffer` (requests read ahead and responses not yet read): the connection's task, its
/// service and its parser state.
pub const CONNECTION_OVERHEAD: usize = 64 * 1024;
/// The live heap [`Target::pipelining`] allows beyond its connections' (the good client's
/// requests, the runtime's own growth).
pub const HEAP_ALLOWANCE: usize = 4 * 1024 * 1024;
/// How long [`Target::pipelining`] keeps writing while the server reads; once no connection
/// has taken a byte for [`STALL`], the server is pushing back and writing stops sooner.
pub const PIPELINING_TIME: Duration = Duration::from_secs(15);
/// How long no connection may take a byte before [`Target::pipelining`] stops writing.
pub const STALL: Duration = Duration::from_secs(1);

/// The HTTP/2 connection preface (RFC 9113 §3.4) and an empty SETTINGS frame: what a client
/// with prior knowledge of HTTP/2 sends first.
pub const HTTP2_PREFACE: &[u8] =
    b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00";

/// The most bytes read and kept from a connection that is waited on to close.
const MAX_KEPT: usize = 64 * 1024;

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The attacks' lock: one attack at a time in a process (see the module documentation).
fn one_at_a_time() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Short deadlines for attack tests, so that each attack takes seconds: a head deadline and an
/// idle deadline of 1 s, a shutdown deadline of 2 s, at most 64 connections (more than
/// [`PIPELINING_CONNECTIONS`]); the default `max_buffer`.
#[must_use]
pub fn short_policy() -> ConnectionPolicy {
    let mut policy = ConnectionPolicy::default();
    policy.head_timeout = Duration::from_secs(1);
    policy.idle_timeout = Duration::from_secs(1);
    policy.shutdown_timeout = Duration::from_secs(2);
    policy.max_connections = 64;
    policy
}

/// [`short_policy`] with head and idle deadlines of 60 s, for [`Target::shutdown`]: a held
/// connection is then ended by the shutdown deadline and nothing else.
#[must_use]
pub fn shutdown_policy() -> ConnectionPolicy {
    let mut policy = short_policy();
    policy.head_timeout = Duration::from_secs(60);
    policy.idle_timeout = Duration::from_secs(60);
    policy
}

/// A server under attack: where it listens, a path it answers with `200 OK`, and the policy it
/// was started with (whose deadlines the attacks hold it to).
#[derive(Debug, Clone)]
pub struct Target {
    addr: SocketAddr,
    path: String,
    policy: ConnectionPolicy,
}

/// How a connection ended while it was waited on.
#[derive(Debug)]
enum Ending {
    /// The server closed (or reset) it, `after` the start of the wait, having sent `received`.
    Closed { after: Duration, received: Vec<u8> },
    /// Still open when the wait ended, having sent `received`.
    Open { received: Vec<u8> },
}

/// Waits, reading, until the server closes `stream` or `until` passes.
fn wait_for_close(stream: &mut TcpStream, start: Instant, until: Instant) -> Ending {
    let mut received = Vec::new();
    let mut buffer = [0_u8; 16 * 1024];
    loop {
        let now = Instant::now();
        if now >= until {
            return Ending::Open { received };
        }
        let wait = (until - now).max(Duration::from_millis(1));
        if stream.set_read_timeout(Some(wait)).is_err() {
            return Ending::Closed {
                after: start.elapsed(),
                received,
            };
        }
        match stream.read(&mut buffer) {
            Ok(0) => {
                return Ending::Closed {
                    after: start.elapsed(),
                    received,
                };
            }
            Ok(n) => {
                let keep = n.min(MAX_KEPT.saturating_sub(received.len()));
                received.extend_from_slice(&buffer[..keep]);
            }
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::WouldBlock
                        | io::ErrorKind::TimedOut
                        | io::ErrorKind::Interrupted
                ) => {}
            Err(_) => {
                return Ending::Closed {
                    after: start.elapsed(),
                    received,
                };
            }
        }
    }
}

/// Reads `stream` until the server closes it or `limit` passes, counting the HTTP/1.1 status
/// lines on the way (across reads, keeping nothing else). Returns the count and whether the
/// connection was closed.
fn read_until_close(stream: &mut TcpStream, limit: Duration) -> (usize, bool) {
    const STATUS_LINE: &[u8] = b"HTTP/1.1 ";
    let until = Instant::now() + limit;
    let mut buffer = vec![0_u8; 64 * 1024];
    let mut carried = 0;
    let mut count = 0;
    loop {
        let now = Instant::now();
        if now >= until {
            return (count, false);
        }
        if stream.set_read_timeout(Some(until - now)).is_err() {
            return (count, true);
        }
        match stream.read(&mut buffer[carried..]) {
            Ok(0) => return (count, true),
            Ok(n) => {
                let filled = carried + n;
                count += buffer[..filled]
                    .windows(STATUS_LINE.len())
                    .filter(|window| *window == STATUS_LINE)
                    .count();
                // Keep the tail that could begin a status line cut by this read.
                carried = (STATUS_LINE.len() - 1).min(filled);
                buffer.copy_within(filled - carried..filled, 0);
            }
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::WouldBlock
                        | io::ErrorKind::TimedOut
                        | io::ErrorKind::Interrupted
                ) => {}
            Err(_) => return (count, true),
        }
    }
}

/// What a server sent on a connection it refused: nothing (`"closed"`), or an HTTP/1 response
/// with a `4xx` or `5xx` status (`"408"`). Anything else is described in the error.
fn refusal(received: &[u8]) -> Result<String, String> {
    if received.is_empty() {
        return Ok("closed".to_owned());
    }
    let status = received
        .strip_prefix(b"HTTP/1.")
        .and_then(|rest| rest.get(2..5))
        .and_then(|code| std::str::from_utf8(code).ok())
        .and_then(|code| code.parse::<u16>().ok());
    match status {
        Some(status @ 400..=599) => Ok(status.to_string()),
        Some(status) => Err(format!("an HTTP/1 response with status {status}")),
        // A frame header (RFC 9113 §4.1) of type SETTINGS (4) on stream 0.
        None if received.len() >= 9 && received[3] == 4 && received[5..9] == [0; 4] => Err(
            format!("an HTTP/2 SETTINGS frame ({} bytes)", received.len()),
        ),
        None => Err(format!(
            "{} byte(s) that are not an HTTP/1 response, beginning {}",
            received.len(),
            printable(&received[..received.len().min(40)])
        )),
    }
}

/// `bytes` as text, with every byte outside printable ASCII written `\xNN`.
fn printable(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    for &byte in bytes {
        if byte == b' ' || byte.is_ascii_graphic() {
            text.push(char::from(byte));
        } else {
            let _ = write!(text, "\\x{byte:02x}");
        }
    }
    text
}

/// How a group of connections was closed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Closings {
    /// Connections attacked.
    pub connections: usize,
    /// The first close, from the start of each connection's wait.
    pub first: Duration,
    /// The last close.
    pub last: Duration,
    /// How the server ended each connection: a status it sent before closing (`"408"`) or
    /// `"closed"`.
    pub answers: Vec<String>,
}

impl Closings {
    /// The closings of `endings`, or the breaches among them.
    fn of(endings: Vec<Result<Ending, String>>) -> Result<Self, Vec<String>> {
        let mut closings = Self {
            connections: endings.len(),
            first: Duration::MAX,
            ..Self::default()
        };
        let mut breaches = Vec::new();
        for (index, ending) in endings.into_iter().enumerate() {
            match ending {
                Ok(Ending::Closed { after, received }) => match refusal(&received) {
                    Ok(answer) => {
                        closings.first = closings.first.min(after);
                        closings.last = closings.last.max(after);
                        closings.answers.push(answer);
                    }
                    Err(what) => breaches.push(format!(
                        "connection {index} was closed after {after:?} having sent {what}"
                    )),
                },
                Ok(Ending::Open { received }) => breaches.push(format!(
                    "connection {index} is still open{}",
                    if received.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " (it was sent {})",
                            refusal(&received).unwrap_or_else(|what| what)
                        )
                    }
                )),
                Err(error) => breaches.push(format!("connection {index}: {error}")),
            }
        }
        if breaches.is_empty() {
            Ok(closings)
        } else {
            Err(breaches)
        }
    }
}

/// What [`Target::idle`] measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdleReport {
    /// `idle_timeout` + [`SLACK`].
    pub deadline: Duration,
    /// Connections opened with nothing sent, from their opening.
    pub fresh: Closings,
    /// Connections that sent nothing after one complete request and response, from the end of
    /// the response.
    pub after_response: Closings,
}

/// What [`Target::slowloris`] measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlowlorisReport {
    /// `head_timeout` + [`SLACK`].
    pub deadline: Duration,
    /// The connections (first [`SLOW_CONNECTIONS`] slow first requests, then as many slow
    /// second requests), from the first byte of their slow request head.
    pub closings: Closings,
    /// The most bytes of a request head one connection sent before it was closed.
    pub most_bytes_sent: usize,
}

/// What [`Target::pipelining`] measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipeliningReport {
    /// Connections.
    pub connections: usize,
    /// Requests each connection would write if the server read them all.
    pub requests_per_connection: usize,
    /// Whole requests written, all connections together.
    pub requests_written: usize,
    /// Whether writing ended because the server stopped reading (rather than because every
    /// request was written, or the time ran out).
    pub pushed_back: bool,
    /// How long the connections were written to.
    pub writing: Duration,
    /// Live heap before the attack.
    pub baseline: usize,
    /// The largest growth of the live heap over the baseline while the connections were open.
    pub peak_growth: usize,
    /// The bound on that growth: each connection twice `max_buffer` and
    /// [`CONNECTION_OVERHEAD`], plus [`HEAP_ALLOWANCE`].
    pub bound: usize,
    /// The growth once the attackers had closed their connections.
    pub growth_after_close: usize,
    /// Connections the server had closed by itself when the attack ended.
    pub closed_by_server: usize,
    /// Good requests answered `200 OK` while the attack went on.
    pub answered_during: usize,
}

/// What [`Target::stops_reading`] measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopsReadingReport {
    /// Whole requests the client wrote before the server stopped taking them.
    pub requests_written: usize,
    /// Responses the client found once it read again, before the close.
    pub responses_read: usize,
    /// `idle_timeout` + [`SLACK`]: how long after its last write that made progress the client
    /// read again.
    pub silence: Duration,
}

/// What [`Target::starvation`] measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StarvationReport {
    /// Idle connections the attack tried to open.
    pub attackers: usize,
    /// Idle connections it held open (a connection beyond the listen queue is not made).
    pub held: usize,
    /// `idle_timeout` + [`SLACK`].
    pub deadline: Duration,
    /// How long the good client's request took to be answered, from its connection attempt.
    pub answered_after: Duration,
}

/// What [`Target::http2_prior_knowledge`] measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Http2Report {
    /// How the server refused: an HTTP/1 status (`"505"`) or `"closed"`.
    pub answer: String,
    /// How long after the preface.
    pub after: Duration,
}

/// What a client holds open while a server shuts down (see [`Target::shutdown`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeldOpen {
    /// A request head sent up to its last header line, without the empty line that ends it.
    HalfSentRequest,
    /// The HTTP/2 preface and a SETTINGS frame, as a client with prior knowledge of HTTP/2
    /// sends.
    Http2Preface,
    /// Pipelined requests whose responses the client does not read: the server cannot finish
    /// writing them.
    UnreadResponses,
}

impl HeldOpen {
    /// Every kind.
    pub const ALL: [Self; 3] = [
        Self::HalfSentRequest,
        Self::Http2Preface,
        Self::UnreadResponses,
    ];
}

impl std::fmt::Display for HeldOpen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::HalfSentRequest => "a half-sent request",
            Self::Http2Preface => "an HTTP/2 preface",
            Self::UnreadResponses => "unread pipelined responses",
        })
    }
}

/// What [`Target::shutdown`] measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShutdownReport {
    /// What the client held open.
    pub held: HeldOpen,
    /// `shutdown_timeout` + [`SLACK`].
    pub deadline: Duration,
    /// How long the shutdown took, from its start until the server had stopped.
    pub stopped_after: Duration,
}

impl Target {
    /// The server at `addr`, which answers `GET path` with `200 OK` and was started with
    /// `policy`.
    #[must_use]
    pub fn new(addr: SocketAddr, path: impl Into<String>, policy: ConnectionPolicy) -> Self {
        Self {
            addr,
            path: path.into(),
            policy,
        }
    }

    /// Connects within `timeout`.
    fn connect(&self, timeout: Duration) -> io::Result<TcpStream> {
        let stream = TcpStream::connect_timeout(&self.addr, timeout)?;
        stream.set_nodelay(true)?;
        stream.set_write_timeout(Some(SLACK))?;
        Ok(stream)
    }

    /// A good client: one `GET` of the path, answered `200 OK` within `deadline` of its
    /// connection attempt. Returns how long it took, or why it failed.
    fn good_request(&self, deadline: Duration) -> Result<Duration, String> {
        let start = Instant::now();
        let stream = self
            .connect(deadline)
            .map_err(|error| format!("could not connect within {deadline:?}: {error}"))?;
        let remaining = deadline.saturating_sub(start.elapsed());
        if remaining.is_zero() {
            return Err(format!("connected only after {:?}", start.elapsed()));
        }
        stream
            .set_read_timeout(Some(remaining))
            .map_err(|error| error.to_string())?;
        let mut connection = Connection {
            stream,
            buffer: Vec::new(),
        };
        connection
            .send(&raw_request("GET", &self.path, &[], true))
            .map_err(|error| format!("could not send its request: {error}"))?;
        let response = connection.read_response(false).map_err(|error| {
            format!(
                "no answer within {deadline:?} ({error}, after {:?})",
                start.elapsed()
            )
        })?;
        if response.status != http::StatusCode::OK {
            return Err(format!("answered {}, not 200 OK", response.status));
        }
        Ok(start.elapsed())
    }

    /// One keep-alive `GET` of the path on `stream`, answered `200 OK` within [`SLACK`]; the
    /// stream is handed back for the next request.
    fn one_request(&self, stream: TcpStream) -> Result<TcpStream, String> {
        stream
            .set_read_timeout(Some(SLACK))
            .map_err(|e| e.to_string())?;
        let mut connection = Connection {
            stream,
            buffer: Vec::new(),
        };
        connection
            .send(&raw_request("GET", &self.path, &[], false))
            .map_err(|e| e.to_string())?;
        let response = connection.read_response(false).map_err(|e| e.to_string())?;
        if response.status != http::StatusCode::OK {
            return Err(format!("answered {}, not 200 OK", response.status));
        }
        Ok(connection.stream)
    }

    /// Panics unless a good client is answered within [`SLACK`].
    fn assert_serving(&self, attack: &str, when: &str) {
        if let Err(error) = self.good_request(SLACK) {
            panic!("{attack}: {when}, a good request of {}: {error}", self.path);
        }
    }

    /// Idle connections: [`SLOW_CONNECTIONS`] opened with nothing sent, and as many that send
    /// nothing after one complete request and response, must each be closed within
    /// `idle_timeout` + [`SLACK`] (the server may send a `4xx` such as `408` first).
    ///
    /// # Panics
    ///
    /// When a connection is still open at the deadline, or the server sends anything but a
    /// refusal, or a good client is not answered afterwards.
    #[must_use]
    pub fn idle(&self) -> IdleReport {
        const ATTACK: &str = "idle connections";
        let _one = one_at_a_time();
        let panics = count_panics();
        let deadline = self.policy.idle_timeout + SLACK;
        let (fresh, after_response) = std::thread::scope(|scope| {
            let fresh: Vec<_> = (0..SLOW_CONNECTIONS)
                .map(|_| {
                    scope.spawn(move || {
                        let mut stream = self.connect(SLACK).map_err(|e| e.to_string())?;
                        let start = Instant::now();
                        Ok(wait_for_close(&mut stream, start, start + deadline))
                    })
                })
                .collect();
            let after: Vec<_> = (0..SLOW_CONNECTIONS)
                .map(|_| {
                    scope.spawn(move || {
                        let stream = self.connect(SLACK).map_err(|e| e.to_string())?;
                        let mut stream = self
                            .one_request(stream)
                            .map_err(|e| format!("its request: {e}"))?;
                        let start = Instant::now();
                        Ok(wait_for_close(&mut stream, start, start + deadline))
                    })
                })
                .collect();
            let join = |handles: Vec<std::thread::ScopedJoinHandle<'_, _>>| {
                handles
                    .into_iter()
                    .map(|handle| handle.join().expect("an attacking thread"))
                    .collect::<Vec<_>>()
            };
            (join(fresh), join(after))
        });
        let report = |closings: Vec<_>, what: &str| {
            Closings::of(closings).unwrap_or_else(|breaches| {
                panic!(
                    "{ATTACK}: {what} must be closed within {deadline:?} (idle_timeout {:?} + \
                     {SLACK:?}): {}",
                    self.policy.idle_timeout,
                    breaches.join("; ")
                )
            })
        };
        let report = IdleReport {
            deadline,
            fresh: report(fresh, "connections opened with nothing sent"),
            after_response: report(
                after_response,
                "connections that send nothing after a response",
            ),
        };
        self.assert_serving(ATTACK, "afterwards");
        crate::assert_no_new_panics(panics, ATTACK);
        report
    }

    /// Slowloris: [`SLOW_CONNECTIONS`] connections each send a request head one byte every
    /// [`SLOWLORIS_INTERVAL`], never finishing it, and as many do the same with their second
    /// request, after one complete request and response (a server whose own deadline covers
    /// only a connection's first request misses those); each must be closed within
    /// `head_timeout` + [`SLACK`] of the slow head's first byte (the server may send a `4xx`
    /// first).
    ///
    /// # Panics
    ///
    /// When a connection is still open at the deadline, the server sends anything but a
    /// refusal, or a good client is not answered afterwards.
    #[must_use]
    pub fn slowloris(&self) -> SlowlorisReport {
        const ATTACK: &str = "slowloris";
        let _one = one_at_a_time();
        let panics = count_panics();
        let deadline = self.policy.head_timeout + SLACK;
        let results: Vec<(Result<Ending, String>, usize)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..2 * SLOW_CONNECTIONS)
                .map(|index| {
                    let later = index >= SLOW_CONNECTIONS;
                    scope.spawn(move || self.trickle(index, later, deadline))
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().expect("an attacking thread"))
                .collect()
        });
        let most_bytes_sent = results.iter().map(|(_, sent)| *sent).max().unwrap_or(0);
        let closings = Closings::of(results.into_iter().map(|(ending, _)| ending).collect())
            .unwrap_or_else(|breaches| {
                panic!(
                    "{ATTACK}: a request head sent a byte every {SLOWLORIS_INTERVAL:?} must be \
                     closed within {deadline:?} of its first byte (head_timeout {:?} + \
                     {SLACK:?}): {} ({most_bytes_sent} bytes sent)",
                    self.policy.head_timeout,
                    breaches.join("; ")
                )
            });
        self.assert_serving(ATTACK, "afterwards");
        crate::assert_no_new_panics(panics, ATTACK);
        SlowlorisReport {
            deadline,
            closings,
            most_bytes_sent,
        }
    }

    /// One slowloris connection: the bytes of an endless request head, one every
    /// [`SLOWLORIS_INTERVAL`], until the server closes the connection or `deadline` passes;
    /// `later`: after one complete request and its response.
    fn trickle(
        &self,
        index: usize,
        later: bool,
        deadline: Duration,
    ) -> (Result<Ending, String>, usize) {
        let mut stream = match self.connect(SLACK) {
            Ok(stream) => stream,
            Err(error) => return (Err(error.to_string()), 0),
        };
        if later {
            match self.one_request(stream) {
                Ok(answered) => stream = answered,
                Err(error) => return (Err(format!("its first request: {error}")), 0),
            }
        }
        // A head that never ends: the request line, `Host`, then one header whose value grows.
        let mut head = format!(
            "GET {} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow-{index}: ",
            self.path
        )
        .into_bytes()
        .into_iter()
        .chain(std::iter::repeat(b'a'));
        let start = Instant::now();
        let mut sent = 0;
        loop {
            let byte = head.next().unwrap_or(b'a');
            if stream.write_all(&[byte]).is_err() {
                // Closed (or reset) by the server; what it sent, if anything, is still readable.
                let ending = wait_for_close(&mut stream, start, Instant::now());
                let received = match ending {
                    Ending::Closed { received, .. } | Ending::Open { received } => received,
                };
                return (
                    Ok(Ending::Closed {
                        after: start.elapsed(),
                        received,
                    }),
                    sent,
                );
            }
            sent += 1;
            let next = (start + SLOWLORIS_INTERVAL * u32::try_from(sent).unwrap_or(u32::MAX))
                .min(start + deadline);
            match wait_for_close(&mut stream, start, next) {
                Ending::Open { received } if next >= start + deadline => {
                    return (Ok(Ending::Open { received }), sent);
                }
                Ending::Open { received } if !received.is_empty() => {
                    // A refusal whose close is still to come: wait for it.
                    let rest = wait_for_close(&mut stream, start, start + deadline);
                    return (
                        Ok(match rest {
                            Ending::Closed { after, received: r } => Ending::Closed {
                                after,
                                received: [received, r].concat(),
                            },
                            Ending::Open { received: r } => Ending::Open {
                                received: [received, r].concat(),
                            },
                        }),
                        sent,
                    );
                }
                Ending::Open { .. } => {}
                closed @ Ending::Closed { .. } => return (Ok(closed), sent),
            }
        }
    }

    /// A client that stops reading: one connection pipelines `GET`s without reading until the
    /// server stops taking them (its responses fill the socket buffers), then stays silent until
    /// `idle_timeout` + [`SLACK`] after its last write that made progress. By then the server must have given up on the connection:
    /// when the client reads again it finds the responses already sent and then the close
    /// (within [`SLACK`]), never the answers to the rest of its requests.
    ///
    /// # Panics
    ///
    /// When the server takes every request without pushing back, when the connection is still
    /// open after the silence, or when every request written was answered; or when a good
    /// client is not answered afterwards.
    #[must_use]
    pub fn stops_reading(&self) -> StopsReadingReport {
        const ATTACK: &str = "a client that stops reading";
        /// Far more than the socket buffers of both ends hold.
        const REQUESTS: usize = 400_000;
        let _one = one_at_a_time();
        let panics = count_panics();
        let request = raw_request("GET", &self.path, &[], false);
        let batch = request.repeat(REQUESTS);
        let mut stream = self
            .connect(SLACK)
            .unwrap_or_else(|error| panic!("{ATTACK}: could not connect: {error}"));
        stream.set_nonblocking(true).expect("a non-blocking socket");
        let mut sent = 0;
        let mut progress = Instant::now();
        let writing = Instant::now();
        while sent < batch.len()
            && progress.elapsed() < STALL
            && writing.elapsed() < PIPELINING_TIME
        {
            match stream.write(&batch[sent..]) {
                Ok(written) => {
                    sent += written;
                    progress = Instant::now();
                }
                Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                // Closed by the server: it gave up on the client already.
                Err(_) => break,
            }
        }
        let requests_written = sent / request.len();
        assert!(
            sent < batch.len(),
            "{ATTACK}: the server took all {REQUESTS} pipelined requests without pushing back"
        );
        let silence = self.policy.idle_timeout + SLACK;
        std::thread::sleep(silence.saturating_sub(progress.elapsed()));
        stream.set_nonblocking(false).expect("a blocking socket");
        let (responses_read, closed) = read_until_close(&mut stream, SLACK);
        assert!(
            closed,
            "{ATTACK}: the connection is still open {silence:?} (idle_timeout {:?} + {SLACK:?}) \
             after the client stopped reading, and {SLACK:?} after it read again \
             ({responses_read} responses read, {requests_written} requests written)",
            self.policy.idle_timeout
        );
        assert!(
            responses_read < requests_written,
            "{ATTACK}: all {requests_written} requests written were answered: the server kept \
             the connection while the client did not read"
        );
        self.assert_serving(ATTACK, "afterwards");
        crate::assert_no_new_panics(panics, ATTACK);
        StopsReadingReport {
            requests_written,
            responses_read,
            silence,
        }
    }

    /// Pipelining without reading: [`PIPELINING_CONNECTIONS`] connections each write up to
    /// [`PIPELINED_REQUESTS`] pipelined `GET`s and read nothing, for at most
    /// [`PIPELINING_TIME`] (less when the server stops reading: no byte taken for [`STALL`]).
    ///
    /// The policy's connection cap must exceed [`PIPELINING_CONNECTIONS`] (as
    /// [`short_policy`]'s does): every attacking connection is then served at once, and the
    /// good client is not kept waiting behind them (that is [`starvation`](Self::starvation)).
    /// The live heap, sampled throughout through `live_bytes` (see
    /// [`load_without_leaks`](crate::load_without_leaks)), must not grow beyond the bound of
    /// [`PipeliningReport::bound`]; a good client must be answered within [`SLACK`] while the
    /// attack goes on and afterwards; once the attackers close their connections the heap must
    /// come back within [`HEAP_ALLOWANCE`] of where it was. The attack stops as soon as the
    /// bound is crossed.
    ///
    /// # Panics
    ///
    /// On any of those breaches, with the figures.
    #[must_use]
    pub fn pipelining(&self, live_bytes: &dyn Fn() -> usize) -> PipeliningReport {
        const ATTACK: &str = "pipelining without reading";
        let _one = one_at_a_time();
        let panics = count_panics();
        assert!(
            self.policy.connection_cap() > PIPELINING_CONNECTIONS,
            "{ATTACK}: the policy's connection cap ({}) must exceed the attack's \
             {PIPELINING_CONNECTIONS} connections, so that every connection is served and a good \
             client finds a free one",
            self.policy.connection_cap()
        );
        let bound = PIPELINING_CONNECTIONS * (2 * self.policy.max_buffer + CONNECTION_OVERHEAD)
            + HEAP_ALLOWANCE;
        // A hundred requests per write (about 7 KiB).
        let request = raw_request("GET", &self.path, &[], false);
        let batch = request.repeat(100);
        let total = request.len() * PIPELINED_REQUESTS;

        let baseline = settled(live_bytes);
        let mut connections: Vec<(TcpStream, usize)> = (0..PIPELINING_CONNECTIONS)
            .map(|index| {
                let stream = self
                    .connect(SLACK)
                    .unwrap_or_else(|error| panic!("{ATTACK}: connection {index}: {error}"));
                stream.set_nonblocking(true).expect("a non-blocking socket");
                (stream, 0)
            })
            .collect();

        let writing = AtomicBool::new(true);
        let start = Instant::now();
        let mut peak_growth = 0;
        let mut pushed_back = false;
        let mut closed_while_writing = vec![false; connections.len()];
        let (answered_during, over_bound) = std::thread::scope(|scope| {
            // The good client, every 250 ms while the attack writes.
            let good = scope.spawn(|| {
                let mut answered = 0;
                while writing.load(Ordering::SeqCst) {
                    if let Err(error) = self.good_request(SLACK) {
                        return Err(format!(
                            "while {answered} good request(s) had been answered: {error}"
                        ));
                    }
                    answered += 1;
                    std::thread::sleep(Duration::from_millis(250));
                }
                Ok(answered)
            });
            let mut last_progress = Instant::now();
            let mut over_bound = None;
            while start.elapsed() < PIPELINING_TIME {
                let mut progress = false;
                let mut unfinished = false;
                for ((stream, written), closed) in
                    connections.iter_mut().zip(closed_while_writing.iter_mut())
                {
                    while *written < total && !*closed {
                        unfinished = true;
                        let from = *written % batch.len();
                        let until = batch.len().min(from + (total - *written));
                        match stream.write(&batch[from..until]) {
                            Ok(0) => *closed = true,
                            Ok(n) => {
                                *written += n;
                                progress = true;
                            }
                            Err(error) if error.kind() == io::ErrorKind::WouldBlock => break,
                            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                            Err(_) => *closed = true,
                        }
                    }
                }
                let growth = live_bytes().saturating_sub(baseline);
                peak_growth = peak_growth.max(growth);
                if growth > bound {
                    over_bound = Some(start.elapsed());
                    break;
                }
                if !unfinished {
                    break;
                }
                if progress {
                    last_progress = Instant::now();
                } else if last_progress.elapsed() >= STALL {
                    pushed_back = true;
                    break;
                } else {
                    std::thread::sleep(Duration::from_millis(5));
                }
            }
            // Still holding every connection, unread: sample a little longer (the server may
            // still be answering what it read), then let the good client stop.
            if over_bound.is_none() {
                let hold = Instant::now();
                while hold.elapsed() < Duration::from_millis(500) {
                    let growth = live_bytes().saturating_sub(baseline);
                    peak_growth = peak_growth.max(growth);
                    if growth > bound {
                        over_bound = Some(start.elapsed());
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
            }
            writing.store(false, Ordering::SeqCst);
            (good.join().expect("the good client's thread"), over_bound)
        });
        let writing_time = start.elapsed();
        let requests_written = connections
            .iter()
            .map(|(_, written)| written / request.len())
            .sum();
        let closed_by_server = connections
            .iter()
            .zip(&closed_while_writing)
            .filter(|((stream, _), closed)| **closed || closed_now(stream))
            .count();
        drop(connections);
        let growth_after_close = settled(live_bytes).saturating_sub(baseline);
        let report = PipeliningReport {
            connections: PIPELINING_CONNECTIONS,
            requests_per_connection: PIPELINED_REQUESTS,
            requests_written,
            pushed_back,
            writing: writing_time,
            baseline,
            peak_growth,
            bound,
            growth_after_close,
            closed_by_server,
            answered_during: *answered_during.as_ref().unwrap_or(&0),
        };
        if let Some(when) = over_bound {
            panic!(
                "{ATTACK}: the live heap grew by {} bytes ({} MiB) within {when:?}, beyond the \
                 bound of {bound} bytes ({PIPELINING_CONNECTIONS} connections × (2 × max_buffer \
                 {} + {CONNECTION_OVERHEAD}) + {HEAP_ALLOWANCE}); {requests_written} requests \
                 written; {report:?}",
                peak_growth,
                peak_growth >> 20,
                self.policy.max_buffer
            );
        }
        if let Err(error) = answered_during {
            panic!(
                "{ATTACK}: during the attack, a good client was not answered {error}; {report:?}"
            );
        }
        assert!(
            report.answered_during > 0,
            "{ATTACK}: no good request was made during the attack; {report:?}"
        );
        assert!(
            growth_after_close < HEAP_ALLOWANCE,
            "{ATTACK}: once the attackers closed their connections, the live heap was still \
             {growth_after_close} bytes above where it was; {report:?}"
        );
        self.assert_serving(ATTACK, "afterwards");
        crate::assert_no_new_panics(panics, ATTACK);
        report
    }

    /// Starvation: `attackers` connections opened and left idle (up to the first that cannot be
    /// made within 1.5 s, when the server's listen queue stays full, and for at most [`SLACK`]),
    /// more than the connection cap;
    /// a good client that connects next must be answered `200 OK` within `idle_timeout` +
    /// [`SLACK`] — the server must neither run out of file descriptors nor keep idle connections
    /// past their deadline.
    ///
    /// # Panics
    ///
    /// When the good client is not answered in time.
    #[must_use]
    pub fn starvation(&self, attackers: usize) -> StarvationReport {
        const ATTACK: &str = "starvation by idle connections";
        let _one = one_at_a_time();
        let panics = count_panics();
        let deadline = self.policy.idle_timeout + SLACK;
        // A server still starting leaves its connections in the listen queue, which would end
        // the attack early: it begins once the server answers.
        self.assert_serving(ATTACK, "before the attack");
        // Each connection is given long enough for one retransmission of its SYN (the kernel
        // drops it while the listen queue is full, and sends it again after a second); the
        // attack stops at the first that cannot be made, or after SLACK.
        let mut held = Vec::with_capacity(attackers);
        let connecting = Instant::now();
        while held.len() < attackers {
            let remaining = SLACK.saturating_sub(connecting.elapsed());
            if remaining.is_zero() {
                break;
            }
            match self.connect(remaining.min(Duration::from_millis(1500))) {
                Ok(stream) => held.push(stream),
                Err(_) => break,
            }
        }
        let answered_after = self.good_request(deadline).unwrap_or_else(|error| {
            panic!(
                "{ATTACK}: with {} of {attackers} idle connections held (max_connections {}), \
                 a good request of {} must be answered within {deadline:?} (idle_timeout {:?} + \
                 {SLACK:?}): {error}",
                held.len(),
                self.policy.max_connections,
                self.path,
                self.policy.idle_timeout,
            )
        });
        let report = StarvationReport {
            attackers,
            held: held.len(),
            deadline,
            answered_after,
        };
        drop(held);
        crate::assert_no_new_panics(panics, ATTACK);
        report
    }

    /// HTTP/2 with prior knowledge: [`HTTP2_PREFACE`] must get an HTTP/1 `4xx` or `5xx`, or a
    /// close, within [`SLACK`] (the servers speak HTTP/1.1 only), and a good client must be
    /// answered afterwards.
    ///
    /// # Panics
    ///
    /// When the server answers in HTTP/2 (or anything but an HTTP/1 refusal), holds the
    /// connection open, or stops serving.
    #[must_use]
    pub fn http2_prior_knowledge(&self) -> Http2Report {
        const ATTACK: &str = "HTTP/2 with prior knowledge";
        let _one = one_at_a_time();
        let panics = count_panics();
        let mut stream = self
            .connect(SLACK)
            .unwrap_or_else(|error| panic!("{ATTACK}: connect: {error}"));
        stream
            .write_all(HTTP2_PREFACE)
            .unwrap_or_else(|error| panic!("{ATTACK}: send the preface: {error}"));
        let start = Instant::now();
        // A status line is enough: a refusal need not close the connection.
        let mut received = Vec::new();
        let mut buffer = [0_u8; 4096];
        let outcome = loop {
            let remaining = SLACK.saturating_sub(start.elapsed());
            if remaining.is_zero() {
                break Err(format!(
                    "the connection is still open {SLACK:?} after the preface{}",
                    if received.is_empty() {
                        ", with nothing sent".to_owned()
                    } else {
                        format!(
                            ", having sent {}",
                            refusal(&received).unwrap_or_else(|what| what)
                        )
                    }
                ));
            }
            stream
                .set_read_timeout(Some(remaining))
                .expect("a read timeout");
            match stream.read(&mut buffer) {
                Ok(0) => break refusal(&received),
                Ok(n) => {
                    received.extend_from_slice(&buffer[..n]);
                    if !b"HTTP/1.".starts_with(&received[..received.len().min(7)]) {
                        break Err(format!(
                            "it was answered with {}",
                            refusal(&received).unwrap_or_else(|what| what)
                        ));
                    }
                    if received.len() >= 12 {
                        break refusal(&received);
                    }
                }
                Err(error)
                    if matches!(
                        error.kind(),
                        io::ErrorKind::WouldBlock
                            | io::ErrorKind::TimedOut
                            | io::ErrorKind::Interrupted
                    ) => {}
                Err(_) => break refusal(&received),
            }
        };
        let after = start.elapsed();
        let answer = outcome.unwrap_or_else(|error| {
            panic!(
                "{ATTACK}: the preface must be refused (an HTTP/1 4xx or 5xx, or a close) \
                 within {SLACK:?}: {error}"
            )
        });
        drop(stream);
        self.assert_serving(ATTACK, "afterwards");
        crate::assert_no_new_panics(panics, ATTACK);
        Http2Report { answer, after }
    }

    /// Shutdown while a client holds a connection open: opens the connection, sends what
    /// `held` says, then calls `stop`, which must trigger the server's graceful shutdown and
    /// return once the server has stopped (a test's `drop(server)`, or a signal to a process
    /// and a wait for its exit). `stop` must return within `shutdown_timeout` + [`SLACK`], and
    /// the held connection must then be closed.
    ///
    /// Use a policy whose head and idle deadlines are longer than the shutdown deadline (such
    /// as [`shutdown_policy`]), so that only the shutdown deadline can end the held connection
    /// in time.
    ///
    /// # Panics
    ///
    /// When `stop` has not returned by the deadline (it is left running), panics, or the held
    /// connection is still open afterwards.
    #[must_use]
    pub fn shutdown(&self, held: HeldOpen, stop: impl FnOnce() + Send + 'static) -> ShutdownReport {
        let attack = format!("shutdown with {held} held open");
        let _one = one_at_a_time();
        let deadline = self.policy.shutdown_timeout + SLACK;
        let mut stream = self
            .connect(SLACK)
            .unwrap_or_else(|error| panic!("{attack}: connect: {error}"));
        match held {
            HeldOpen::HalfSentRequest => {
                let mut head = raw_request("GET", &self.path, &[], false);
                head.truncate(head.len() - 2);
                stream.write_all(&head)
            }
            HeldOpen::Http2Preface => stream.write_all(HTTP2_PREFACE),
            HeldOpen::UnreadResponses => {
                // Pipelined requests until the server stops taking them (or 10,000 of them).
                let request = raw_request("GET", &self.path, &[], false);
                stream.set_nonblocking(true).expect("a non-blocking socket");
                let mut written = 0;
                let mut last_progress = Instant::now();
                while written < 10_000 * request.len() && last_progress.elapsed() < STALL / 2 {
                    match stream.write(&request[written % request.len()..]) {
                        Ok(n) => {
                            written += n;
                            last_progress = Instant::now();
                        }
                        Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                            std::thread::sleep(Duration::from_millis(5));
                        }
                        Err(error) => panic!("{attack}: the server stopped reading: {error}"),
                    }
                }
                stream.set_nonblocking(false)
            }
        }
        .unwrap_or_else(|error| panic!("{attack}: send: {error}"));
        // Let the server read what was sent before the shutdown begins.
        std::thread::sleep(Duration::from_millis(300));

        let (stopped, wait) = mpsc::channel();
        let start = Instant::now();
        std::thread::spawn(move || {
            stop();
            let _ = stopped.send(());
        });
        let stopped_after = match wait.recv_timeout(deadline) {
            Ok(()) => start.elapsed(),
            Err(mpsc::RecvTimeoutError::Timeout) => panic!(
                "{attack}: the server had not stopped {deadline:?} after its shutdown began \
                 (shutdown_timeout {:?} + {SLACK:?})",
                self.policy.shutdown_timeout
            ),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                panic!(
                    "{attack}: the shutdown panicked after {:?}",
                    start.elapsed()
                )
            }
        };
        let closed_by = Instant::now() + SLACK;
        if let Ending::Open { .. } = wait_for_close(&mut stream, start, closed_by) {
            panic!(
                "{attack}: the held connection is still open {SLACK:?} after the server stopped"
            );
        }
        ShutdownReport {
            held,
            deadline,
            stopped_after,
        }
    }
}

/// Whether the server has closed `stream` (a non-blocking socket): the end of the stream or a
/// reset is readable. Bytes waiting to be read mean it has not (yet).
fn closed_now(stream: &TcpStream) -> bool {
    let mut byte = [0_u8; 1];
    match stream.peek(&mut byte) {
        Ok(0) => true,
        Ok(_) => false,
        Err(error) => error.kind() != io::ErrorKind::WouldBlock,
    }
}

/// The attack tests of one adapter, written once: expands to one `#[test]` per attack, each
/// starting the adapter's server under the attack's policy with `start` and attacking it.
///
/// `start` is an expression of type `fn(Endpoint, &ConnectionPolicy) -> (S, SocketAddr)`: it
/// starts the adapter's real server for the endpoint under the policy and returns a guard that
/// stops the server gracefully when dropped, and the server's address. `allocator` is the test
/// binary's counting global allocator (`cap::Cap`), read by the pipelining attack. Each
/// adapter's `tests/attacks.rs` is one call (not a doc test: it needs the test's own server):
///
/// ```text
/// oidc_discovery_wire::attack_tests! {
///     framework: "axum",
///     allocator: ALLOCATOR,
///     start: |endpoint, policy| {
///         let server = common::Server::with_policy(endpoint, policy.clone());
///         let addr = server.addr;
///         (server, addr)
///     },
/// }
/// ```
#[macro_export]
macro_rules! attack_tests {
    (framework: $framework:literal, allocator: $allocator:path, start: $start:expr $(,)?) => {
        fn start_under(
            policy: ::oidc_discovery_http::ConnectionPolicy,
        ) -> (impl Send + 'static, $crate::attacks::Target) {
            let endpoint = ::oidc_discovery_http::conformance::fixtures().remove(1);
            let path = endpoint.routes()[0].path.clone();
            let start: fn(
                ::oidc_discovery_http::Endpoint,
                &::oidc_discovery_http::ConnectionPolicy,
            ) -> (_, ::std::net::SocketAddr) = $start;
            let (server, addr) = start(endpoint, &policy);
            (server, $crate::attacks::Target::new(addr, path, policy))
        }

        #[test]
        fn idle_connections_are_closed_in_time() {
            let (_server, target) = start_under($crate::attacks::short_policy());
            eprintln!("{}: {:?}", $framework, target.idle());
        }

        #[test]
        fn slowloris_is_closed_in_time() {
            let (_server, target) = start_under($crate::attacks::short_policy());
            eprintln!("{}: {:?}", $framework, target.slowloris());
        }

        #[test]
        fn pipelining_without_reading_stays_under_the_memory_bound() {
            let (_server, target) = start_under($crate::attacks::short_policy());
            eprintln!(
                "{}: {:?}",
                $framework,
                target.pipelining(&|| $allocator.allocated())
            );
        }

        #[test]
        fn a_client_that_stops_reading_is_closed_in_time() {
            let (_server, target) = start_under($crate::attacks::short_policy());
            eprintln!("{}: {:?}", $framework, target.stops_reading());
        }

        #[test]
        fn idle_attackers_beyond_the_cap_do_not_starve_a_good_client() {
            let policy = $crate::attacks::short_policy();
            let attackers = policy.connection_cap() * 3 / 2;
            let (_server, target) = start_under(policy);
            eprintln!("{}: {:?}", $framework, target.starvation(attackers));
        }

        #[test]
        fn http2_prior_knowledge_is_refused() {
            let (_server, target) = start_under($crate::attacks::short_policy());
            eprintln!("{}: {:?}", $framework, target.http2_prior_knowledge());
        }

        fn shutdown_with(held: $crate::attacks::HeldOpen) {
            let (server, target) = start_under($crate::attacks::shutdown_policy());
            eprintln!(
                "{}: {:?}",
                $framework,
                target.shutdown(held, move || drop(server))
            );
        }

        #[test]
        fn shutdown_ends_in_time_with_a_half_sent_request() {
            shutdown_with($crate::attacks::HeldOpen::HalfSentRequest);
        }

        #[test]
        fn shutdown_ends_in_time_with_an_http2_preface() {
            shutdown_with($crate::attacks::HeldOpen::Http2Preface);
        }

        #[test]
        fn shutdown_ends_in_time_with_unread_responses() {
            shutdown_with($crate::attacks::HeldOpen::UnreadResponses);
        }
    };
}
