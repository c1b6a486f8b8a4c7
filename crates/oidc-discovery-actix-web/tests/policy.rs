//! `oidc_discovery_actix_web::server` applies a `ConnectionPolicy`: idle connections, requests
//! sent slowly (the first on a connection or a later one) and clients that stop reading are
//! closed within the policy's deadlines, over real loopback connections.

mod common;

use std::io::{ErrorKind, Read as _, Write as _};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use oidc_discovery_http::{ConnectionPolicy, conformance};

/// How much later than its deadline a connection may be closed: the server's timers, and a
/// loaded machine.
const SLACK: Duration = Duration::from_secs(3);

fn policy() -> ConnectionPolicy {
    let mut policy = ConnectionPolicy::default();
    policy.head_timeout = Duration::from_secs(1);
    policy.idle_timeout = Duration::from_secs(2);
    policy.shutdown_timeout = Duration::from_secs(1);
    policy
}

const GET: &[u8] = b"GET /.well-known/openid-configuration HTTP/1.1\r\nHost: localhost\r\n\r\n";

/// Reads until the server closes the connection, within `limit`; returns how long it took and
/// what was read. Fails when the connection is still open after `limit`.
fn closed_within(stream: &mut TcpStream, limit: Duration) -> (Duration, Vec<u8>) {
    let started = Instant::now();
    let mut received = Vec::new();
    let mut buffer = [0; 8192];
    loop {
        let left = limit.saturating_sub(started.elapsed());
        assert!(
            !left.is_zero(),
            "the connection is still open after {limit:?}"
        );
        stream.set_read_timeout(Some(left)).expect("a read timeout");
        match stream.read(&mut buffer) {
            Ok(0) => return (started.elapsed(), received),
            Ok(read) => received.extend_from_slice(&buffer[..read]),
            Err(error) if error.kind() == ErrorKind::ConnectionReset => {
                return (started.elapsed(), received);
            }
            Err(error) if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(error) => panic!("reading from the server: {error}"),
        }
    }
}

fn connect(server: &common::Server) -> TcpStream {
    let stream = TcpStream::connect(server.addr).expect("the server accepts");
    stream
        .set_write_timeout(Some(Duration::from_secs(10)))
        .expect("a write timeout");
    stream
}

#[test]
fn an_idle_connection_is_closed_after_the_idle_timeout() {
    let policy = policy();
    let server = common::Server::with_policy(conformance::fixtures().remove(0), &policy);

    // Never sends anything: closed by the first request's deadline (actix's own, from the
    // connection's opening).
    let mut silent = connect(&server);
    let (elapsed, _) = closed_within(&mut silent, policy.idle_timeout + SLACK);
    eprintln!("a silent connection closed after {elapsed:?}");

    // Idle after a response: closed after the idle timeout.
    let mut idle = connect(&server);
    idle.write_all(GET).expect("a request");
    let mut buffer = [0; 16];
    idle.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a read timeout");
    idle.read_exact(&mut buffer).expect("a response");
    assert_eq!(&buffer[..12], b"HTTP/1.1 200");
    let (elapsed, _) = closed_within(&mut idle, policy.idle_timeout + SLACK);
    eprintln!("an idle keep-alive connection closed after {elapsed:?}");
}

#[test]
fn a_request_sent_slowly_is_cut_off_after_the_head_timeout() {
    let policy = policy();
    let server = common::Server::with_policy(conformance::fixtures().remove(0), &policy);
    let trickle = |stream: &mut TcpStream| {
        // A byte every 200 ms: never idle, never done.
        let started = Instant::now();
        for byte in GET.iter().take(GET.len() - 1) {
            if started.elapsed() > policy.head_timeout + SLACK
                || stream.write_all(&[*byte]).is_err()
            {
                break;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    };

    // The first request on a connection.
    let mut first = connect(&server);
    let started = Instant::now();
    trickle(&mut first);
    let (_, received) = closed_within(&mut first, policy.head_timeout + SLACK);
    let elapsed = started.elapsed();
    eprintln!("a slow first request cut off after {elapsed:?}");
    assert!(
        elapsed < policy.head_timeout + SLACK,
        "cut off after {elapsed:?}"
    );
    assert!(
        received.is_empty() || received.starts_with(b"HTTP/1.1 408"),
        "{}",
        String::from_utf8_lossy(&received)
    );

    // A later request: actix-web's own deadline covers only the first.
    let mut later = connect(&server);
    later.write_all(GET).expect("a request");
    let mut buffer = [0; 16];
    later
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a read timeout");
    later.read_exact(&mut buffer).expect("a response");
    let mut rest = vec![0; 65536];
    later
        .set_read_timeout(Some(Duration::from_millis(300)))
        .expect("a read timeout");
    let _ = later.read(&mut rest);
    let started = Instant::now();
    trickle(&mut later);
    closed_within(&mut later, policy.head_timeout + SLACK);
    let elapsed = started.elapsed();
    eprintln!("a slow later request cut off after {elapsed:?}");
    assert!(
        elapsed < policy.head_timeout + SLACK,
        "cut off after {elapsed:?}"
    );
}

#[test]
fn a_client_that_stops_reading_is_closed_after_the_idle_timeout() {
    let policy = policy();
    let server = common::Server::with_policy(conformance::fixtures().remove(0), &policy);
    let mut stream = connect(&server);
    stream.set_nonblocking(true).expect("a non-blocking socket");

    // Pipeline until the server stops taking requests: its responses fill the socket buffers
    // and it stops reading.
    const REQUESTS: usize = 400_000;
    let batch = GET.repeat(REQUESTS);
    let mut sent = 0;
    let mut progress = Instant::now();
    while sent < batch.len() && progress.elapsed() < Duration::from_millis(500) {
        match stream.write(&batch[sent..]) {
            Ok(written) => {
                sent += written;
                progress = Instant::now();
            }
            Err(error) if error.kind() == ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(error) => panic!("the server closed the connection while it read: {error}"),
        }
    }
    assert!(
        sent < batch.len(),
        "the server took all {REQUESTS} requests without pushing back"
    );

    // Not reading for longer than the idle timeout: the server gives up on the connection.
    std::thread::sleep(policy.idle_timeout + SLACK);
    stream.set_nonblocking(false).expect("a blocking socket");
    let (_, received) = closed_within(&mut stream, Duration::from_secs(30));
    let answered = received
        .windows(12)
        .filter(|window| window == b"HTTP/1.1 200")
        .count();
    eprintln!(
        "a client that stopped reading: {} requests sent, {answered} answered before the close",
        sent / GET.len()
    );
    assert!(
        answered < sent / GET.len(),
        "every request sent was answered: the connection was not closed while the client \
         did not read"
    );
}

#[test]
fn a_stop_closes_idle_and_half_sent_connections_at_once() {
    let mut policy = policy();
    policy.head_timeout = Duration::from_secs(60);
    policy.idle_timeout = Duration::from_secs(60);
    policy.shutdown_timeout = Duration::from_secs(20);
    let server = common::Server::with_policy(conformance::fixtures().remove(0), &policy);

    let mut idle = connect(&server);
    idle.write_all(GET).expect("a request");
    let mut buffer = [0; 16];
    idle.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a read timeout");
    idle.read_exact(&mut buffer).expect("a response");
    let mut half_sent = connect(&server);
    half_sent
        .write_all(&GET[..GET.len() / 2])
        .expect("half a request");
    std::thread::sleep(Duration::from_millis(300));

    let started = Instant::now();
    drop(server);
    let elapsed = started.elapsed();
    eprintln!("stopped after {elapsed:?} with an idle and a half-sent connection");
    // actix-server checks its connections once a second.
    assert!(
        elapsed < Duration::from_secs(1) + SLACK,
        "the stop waited {elapsed:?} for connections with nothing in flight"
    );
    for stream in [&mut idle, &mut half_sent] {
        closed_within(stream, SLACK);
    }
}
