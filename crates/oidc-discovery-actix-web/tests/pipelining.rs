//! Clients that pipeline thousands of requests and never read the responses: under
//! `oidc_discovery_actix_web::server`, the live heap stays within the policy's per-connection
//! buffer bound, counted by the global allocator of this test binary (which holds this one
//! test, so that nothing else allocates meanwhile).

mod common;

use std::io::{ErrorKind, Write as _};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use oidc_discovery_http::{ConnectionPolicy, conformance};

#[global_allocator]
static ALLOCATOR: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

/// Connections that pipeline without reading.
const CONNECTIONS: usize = 50;
/// Requests each of them sends.
const REQUESTS: usize = 10_000;
/// How long the clients keep writing (at most): long enough for the server to read and answer
/// everything it will, far too short for the idle timeout to close anything.
const ATTACK: Duration = Duration::from_secs(8);
/// How long the whole test may take, writing and waiting.
const SETTLE: Duration = Duration::from_secs(40);
/// How long a connection's writes may make no progress before the client takes it that the
/// server has stopped reading.
const STALLED: Duration = Duration::from_secs(2);

/// Memory a connection may hold beyond `max_buffer`: actix-http's read and write buffers (it
/// stops answering at 32 KiB of output) and the capacity they keep, the requests it has queued,
/// the connection's own state. About 160 KiB a connection is measured; without the bound, a
/// connection holds about 16 MB once actix has answered everything.
const PER_CONNECTION_OVERHEAD: usize = 256 * 1024;

#[test]
fn unread_pipelined_responses_stay_within_the_buffer_bound() {
    let endpoint = conformance::fixtures().remove(0);
    let policy = ConnectionPolicy::default();
    let server = common::Server::with_policy(endpoint, &policy);
    let request = b"GET /.well-known/openid-configuration HTTP/1.1\r\nHost: localhost\r\n\r\n";
    let batch = request.repeat(REQUESTS);
    let baseline = ALLOCATOR.allocated();
    let mut clients: Vec<(TcpStream, usize, Instant)> = (0..CONNECTIONS)
        .map(|_| {
            let stream = TcpStream::connect(server.addr).expect("the server accepts");
            stream.set_nonblocking(true).expect("a non-blocking socket");
            (stream, 0, Instant::now())
        })
        .collect();

    let started = Instant::now();
    let mut peak = 0;
    while started.elapsed() < ATTACK {
        let mut writing = false;
        for (stream, sent, progress) in &mut clients {
            if *sent == batch.len() || progress.elapsed() > STALLED {
                continue;
            }
            writing = true;
            match stream.write(&batch[*sent..]) {
                Ok(written) => {
                    *sent += written;
                    *progress = Instant::now();
                }
                Err(error) if error.kind() == ErrorKind::WouldBlock => {}
                Err(error) => panic!("the server closed a pipelining connection: {error}"),
            }
        }
        peak = peak.max(ALLOCATOR.allocated().saturating_sub(baseline));
        if !writing {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    // The server goes on answering what it has read, until its heap stops growing (or is
    // past the bound already).
    let bound = CONNECTIONS * (policy.max_buffer + PER_CONNECTION_OVERHEAD);
    let mut grew = Instant::now();
    while grew.elapsed() < STALLED && started.elapsed() < SETTLE && peak <= bound {
        let now = ALLOCATOR.allocated().saturating_sub(baseline);
        if now > peak {
            peak = now;
            grew = Instant::now();
        }
        std::thread::sleep(Duration::from_millis(5));
    }

    let sent: usize = clients.iter().map(|(_, sent, _)| sent).sum();
    eprintln!(
        "actix-web: {CONNECTIONS} connections pipelined {} of {} requests in {:?}; \
         peak live heap {} KiB (bound {} KiB)",
        sent / request.len(),
        CONNECTIONS * REQUESTS,
        started.elapsed(),
        peak / 1024,
        bound / 1024
    );
    assert!(
        peak <= bound,
        "the server held {} KiB for {CONNECTIONS} connections that do not read (bound {} KiB)",
        peak / 1024,
        bound / 1024
    );
    drop(clients);
}
