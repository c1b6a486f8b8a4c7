//! `server::serve` holds its connections to the policy: idle and slow clients are closed at their
//! deadlines, the connection cap holds while established clients are answered, clients that do
//! not read are closed, HTTP/2 prior knowledge is refused, and a shutdown ends in time whatever
//! the clients do. Every client talks to 127.0.0.1 only, with bounded counts and timeouts.

#![cfg(feature = "server")]

use std::convert::Infallible;
use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use oidc_discovery_http::ConnectionPolicy;
use tokio::sync::oneshot;

/// Time allowed on top of a deadline for the server to act on it (a loaded CI machine).
const SLACK: Duration = Duration::from_secs(2);

/// The body every request gets.
const BODY_LEN: usize = 16 * 1024;

/// How long the service takes to answer `/slow`.
const SLOW: Duration = Duration::from_secs(1);

/// `serve` of a service answering every request with `BODY_LEN` bytes (`/slow` after `SLOW`),
/// in a thread of its own.
struct Server {
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
    /// Receives once `serve` has returned.
    stopped: mpsc::Receiver<()>,
}

/// How long a test waits for `serve` to return after asking it to stop.
const STOP_LIMIT: Duration = Duration::from_secs(10);

impl Server {
    fn start(policy: ConnectionPolicy) -> Self {
        let (shutdown, signal) = oneshot::channel::<()>();
        let (bound, addr) = mpsc::channel();
        let (returned, stopped) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a tokio runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind 127.0.0.1:0");
                bound
                    .send(listener.local_addr().expect("a local address"))
                    .expect("the test waits");
                let service = hyper::service::service_fn(|request: http::Request<_>| async move {
                    if request.uri().path() == "/slow" {
                        tokio::time::sleep(SLOW).await;
                    }
                    Ok::<_, Infallible>(http::Response::new("x".repeat(BODY_LEN)))
                });
                oidc_discovery_http::server::serve(listener, service, &policy, async {
                    let _ = signal.await;
                })
                .await
                .expect("serve ends cleanly");
            });
            let _ = returned.send(());
        });
        Self {
            addr: addr.recv().expect("the server's address"),
            shutdown: Some(shutdown),
            thread: Some(thread),
            stopped,
        }
    }

    /// Asks the server to stop and waits (at most `STOP_LIMIT`) for `serve` to return; how
    /// long that took.
    fn stop(mut self) -> Duration {
        let started = Instant::now();
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if self.stopped.recv_timeout(STOP_LIMIT).is_ok() {
            if let Some(thread) = self.thread.take() {
                let _ = thread.join();
            }
        }
        started.elapsed()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        // A server that does not stop is left behind rather than hanging the test.
        if let Some(thread) = self.thread.take() {
            if self.stopped.recv_timeout(STOP_LIMIT).is_ok() {
                let _ = thread.join();
            }
        }
    }
}

fn policy(head: f64, idle: f64, shutdown: f64) -> ConnectionPolicy {
    let mut policy = ConnectionPolicy::default();
    policy.head_timeout = Duration::from_secs_f64(head);
    policy.idle_timeout = Duration::from_secs_f64(idle);
    policy.shutdown_timeout = Duration::from_secs_f64(shutdown);
    policy
}

fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(addr).expect("connect to the server");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a read timeout");
    stream
        .set_write_timeout(Some(Duration::from_secs(10)))
        .expect("a write timeout");
    stream
}

const GET: &[u8] = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

/// Sends a GET and reads its whole response (head and `BODY_LEN` bytes); the status line.
fn get(stream: &mut TcpStream) -> std::io::Result<String> {
    stream.write_all(GET)?;
    let mut received = Vec::new();
    let mut buf = [0; 8192];
    loop {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Err(ErrorKind::UnexpectedEof.into());
        }
        received.extend_from_slice(&buf[..n]);
        let end = received.windows(4).position(|w| w == b"\r\n\r\n");
        if let Some(end) = end.filter(|end| received.len() >= end + 4 + BODY_LEN) {
            let text = String::from_utf8_lossy(&received[..end]);
            return Ok(text.lines().next().unwrap_or_default().to_owned());
        }
    }
}

/// Waits (at most `limit`) until the server closes `stream`; how long it took from `since`,
/// or `None` if it is still open. Whatever the server sent before closing is discarded.
fn closed_after(stream: &mut TcpStream, since: Instant, limit: Duration) -> Option<Duration> {
    let mut buf = [0; 8192];
    loop {
        let left = limit.checked_sub(since.elapsed())?;
        stream
            .set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .expect("a read timeout");
        match stream.read(&mut buf) {
            Ok(0) => return Some(since.elapsed()),
            Ok(_) => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_reset) => return Some(since.elapsed()),
        }
    }
}

#[test]
fn an_idle_connection_is_closed_at_the_idle_deadline() {
    let server = Server::start(policy(30.0, 1.0, 1.0));
    let opened = Instant::now();
    let mut idle = connect(server.addr);
    let closed = closed_after(&mut idle, opened, Duration::from_secs(1) + SLACK)
        .expect("an idle connection is closed within idle_timeout + slack");
    assert!(
        closed >= Duration::from_millis(900),
        "closed early: {closed:?}"
    );
}

#[test]
fn the_idle_deadline_starts_again_after_each_response() {
    let server = Server::start(policy(30.0, 1.0, 1.0));
    let mut client = connect(server.addr);
    // Three requests 0.6 s apart: 1.8 s in all, more than the idle timeout, never idle for 1 s.
    for _ in 0..3 {
        std::thread::sleep(Duration::from_millis(600));
        assert_eq!(get(&mut client).expect("answered"), "HTTP/1.1 200 OK");
    }
    let answered = Instant::now();
    let closed = closed_after(&mut client, answered, Duration::from_secs(1) + SLACK)
        .expect("closed once idle for idle_timeout");
    assert!(
        closed >= Duration::from_millis(900),
        "closed early: {closed:?}"
    );
}

#[test]
fn a_slowloris_is_closed_at_the_head_deadline() {
    let server = Server::start(policy(1.0, 30.0, 1.0));
    let mut slow = connect(server.addr);
    slow.write_all(b"GET / HTTP/1.1\r\n")
        .expect("the request line");
    let started = Instant::now();
    // A header byte every 100 ms keeps the connection busy, never idle; 60 at most (6 s).
    let mut closed = None;
    for _ in 0..60 {
        std::thread::sleep(Duration::from_millis(100));
        if slow.write_all(b"X").is_err() {
            closed = Some(started.elapsed());
            break;
        }
        slow.set_nonblocking(true).expect("non-blocking");
        let mut buf = [0; 1024];
        let read = slow.read(&mut buf);
        slow.set_nonblocking(false).expect("blocking");
        match read {
            Ok(0) => closed = Some(started.elapsed()),
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            Ok(_) | Err(_) => closed = Some(started.elapsed()),
        }
        if closed.is_some() {
            break;
        }
    }
    let closed = closed.expect("a slowloris is closed");
    assert!(
        closed <= Duration::from_secs(1) + SLACK,
        "closed after {closed:?}, not within head_timeout + slack"
    );
    assert!(
        closed >= Duration::from_millis(900),
        "closed early: {closed:?}"
    );
}

#[test]
fn at_the_cap_established_clients_are_answered_and_new_ones_wait() {
    let mut capped = policy(30.0, 2.0, 1.0);
    capped.max_connections = 3;
    let server = Server::start(capped);
    let mut good = connect(server.addr);
    assert_eq!(get(&mut good).expect("answered"), "HTTP/1.1 200 OK");
    // Two idle connections fill the cap; a fourth waits in the listen queue.
    let _attackers: Vec<TcpStream> = (0..2).map(|_| connect(server.addr)).collect();
    std::thread::sleep(Duration::from_millis(200));
    let mut waiting = connect(server.addr);
    waiting.write_all(GET).expect("the request is queued");
    assert_eq!(
        get(&mut good).expect("answered at the cap"),
        "HTTP/1.1 200 OK"
    );
    waiting
        .set_read_timeout(Some(Duration::from_millis(500)))
        .expect("a read timeout");
    let mut buf = [0; 64];
    let early = waiting.read(&mut buf);
    assert!(
        matches!(&early, Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)),
        "a connection beyond the cap is not served while the cap is full: {early:?}"
    );
    // Once the idle attackers are closed (idle_timeout), the queued connection is served.
    waiting
        .set_read_timeout(Some(Duration::from_secs(2) + SLACK))
        .expect("a read timeout");
    let n = waiting.read(&mut buf).expect("served once a slot frees");
    assert!(buf[..n].starts_with(b"HTTP/1.1 200 OK"), "{:?}", &buf[..n]);
}

#[test]
fn a_client_that_does_not_read_its_pipelined_responses_is_closed() {
    let server = Server::start(policy(30.0, 1.0, 1.0));
    let mut greedy = connect(server.addr);
    greedy
        .set_write_timeout(Some(Duration::from_millis(200)))
        .expect("a write timeout");
    let batch = GET.repeat(100);
    let started = Instant::now();
    let limit = Duration::from_secs(10);
    // Pipeline GETs (100 per write, then one per write, 109,000 at most) without reading a
    // single response, until the server stops reading, then until it closes the connection.
    let mut closed = None;
    for sent in 0..10_000 {
        if started.elapsed() > limit {
            break;
        }
        // Once the buffers may be full, one small write every 100 ms, to notice the close.
        let write = if sent < 1000 {
            greedy.write(&batch)
        } else {
            std::thread::sleep(Duration::from_millis(100));
            greedy.write(GET)
        };
        match write {
            Ok(_) => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_reset) => {
                closed = Some(started.elapsed());
                break;
            }
        }
    }
    let closed = closed.expect("a client that reads nothing is closed");
    // The client's writes fill both sides' buffers first; then the server's writes block for
    // idle_timeout.
    assert!(closed <= limit, "closed after {closed:?}");
}

#[test]
fn http2_prior_knowledge_is_refused() {
    let server = Server::start(policy(30.0, 30.0, 1.0));
    let mut h2 = connect(server.addr);
    let sent = Instant::now();
    h2.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\x04\0\0\0\0\0")
        .expect("the preface");
    let mut answer = Vec::new();
    let mut buf = [0; 1024];
    loop {
        match h2.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
        }
    }
    assert!(sent.elapsed() < SLACK, "refused after {:?}", sent.elapsed());
    assert!(
        answer.is_empty() || answer.starts_with(b"HTTP/1.1 "),
        "not an HTTP/2 answer: {:?}",
        String::from_utf8_lossy(&answer)
    );
}

#[test]
fn shutdown_ends_in_time_whatever_the_clients_do() {
    // Long head and idle deadlines: only the shutdown can close these connections.
    let server = Server::start(policy(60.0, 60.0, 1.0));
    let mut half = connect(server.addr);
    half.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .expect("half a request");
    let mut h2 = connect(server.addr);
    h2.write_all(b"PRI * HTTP/2.0\r\n")
        .expect("half an HTTP/2 preface");
    let mut idle = connect(server.addr);
    let mut answered = connect(server.addr);
    assert_eq!(get(&mut answered).expect("answered"), "HTTP/1.1 200 OK");
    let greedy = connect(server.addr);
    greedy
        .set_write_timeout(Some(Duration::from_millis(200)))
        .expect("a write timeout");
    let batch = GET.repeat(100);
    for _ in 0..200 {
        if (&greedy).write(&batch).is_err() {
            break;
        }
    }
    std::thread::sleep(Duration::from_millis(200));
    let stopped = Instant::now();
    let took = server.stop();
    assert!(
        took <= Duration::from_secs(1) + SLACK,
        "serve returned after {took:?}, not within shutdown_timeout + slack"
    );
    for (name, stream) in [("half-sent", &mut half), ("idle", &mut idle)] {
        let closed = closed_after(stream, stopped, Duration::from_secs(1) + SLACK);
        assert!(closed.is_some(), "the {name} connection is closed");
    }
    assert!(closed_after(&mut h2, stopped, Duration::from_secs(1) + SLACK).is_some());
}

#[test]
fn shutdown_closes_idle_and_half_sent_connections_at_once() {
    // A long shutdown deadline: connections with nothing in flight do not wait for it.
    let server = Server::start(policy(60.0, 60.0, 30.0));
    let mut half = connect(server.addr);
    half.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .expect("half a request");
    let mut idle = connect(server.addr);
    assert_eq!(get(&mut idle).expect("answered"), "HTTP/1.1 200 OK");
    std::thread::sleep(Duration::from_millis(200));
    let took = server.stop();
    assert!(took <= SLACK, "serve returned after {took:?}");
}

#[test]
fn shutdown_lets_a_response_in_flight_finish() {
    let server = Server::start(policy(60.0, 60.0, 5.0));
    let mut slow = connect(server.addr);
    // The service takes `SLOW` to answer this one; the server is asked to stop meanwhile.
    slow.write_all(b"GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .expect("a request");
    std::thread::sleep(Duration::from_millis(200));
    let stopper = std::thread::spawn(move || server.stop());
    let mut received = Vec::new();
    slow.read_to_end(&mut received)
        .expect("the response, then the close");
    let took = stopper.join().expect("the stopping thread");
    assert_eq!(
        whole_responses(&received),
        Some(1),
        "one whole response: {} bytes",
        received.len()
    );
    assert!(
        took >= SLOW - Duration::from_millis(300) && took <= SLOW + SLACK,
        "serve returned after {took:?}, once the response was written"
    );
}

/// How many whole responses (a head and `BODY_LEN` bytes each) `bytes` holds, if nothing else.
fn whole_responses(mut bytes: &[u8]) -> Option<usize> {
    let mut count = 0;
    while !bytes.is_empty() {
        let head = bytes.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
        bytes = bytes.get(head + BODY_LEN..)?;
        count += 1;
    }
    Some(count)
}
