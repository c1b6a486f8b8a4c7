//! A discovery server that applies a [`ConnectionPolicy`]: [`server`], and the connection
//! wrapper ([`Guarded`]) that bounds what actix-http's HTTP/1.1 dispatcher would otherwise
//! leave unbounded.

use std::future::Future;
use std::io;
use std::net::TcpListener;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use actix_http::{HttpService, Response, h1};
use actix_server::Server;
use actix_service::{IntoServiceFactory as _, ServiceFactoryExt as _, fn_service, map_config};
use actix_web::App;
use actix_web::dev::AppConfig;
use oidc_discovery_http::{ConnectionPolicy, Endpoint};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::{Instant, Sleep};

use crate::DiscoveryService;

/// The most request bytes a connection reads between two attempts to send its output.
///
/// actix-http answers every request it has read before it sends anything: bytes read at once
/// become as many responses at once. A small read keeps that burst small (a few tens of
/// requests); the connection still reads again as soon as its output is sent.
const READ_CHUNK: usize = 4096;

/// An actix-web server of `endpoint` on `listener`, with the limits of `policy` applied to
/// every connection; nothing else is served (actix-web's `404` elsewhere).
///
/// The server speaks HTTP/1.1 (and 1.0); an HTTP/2 request is refused, with the connection.
/// It runs one worker per available CPU (actix-web's default), in the actix-web runtime
/// ([`actix_web::rt::System`]) of the caller. Await the returned [`Server`] to run it. It stops
/// gracefully when `shutdown` resolves (typically on Ctrl-C or `SIGTERM`; the future replaces
/// actix-server's own signal handlers, which stop at once on Ctrl-C, dropping responses in
/// flight), or when its [`handle`](Server::handle) is told to.
///
/// How each limit is applied:
///
/// | [`ConnectionPolicy`] | here |
/// |---|---|
/// | [`head_timeout`](ConnectionPolicy::head_timeout) | actix's `client_request_timeout`, which covers a connection's first request from the moment it opens (`408`); and, for every request, a connection on which a request has begun to arrive but no response has started within the timeout is closed |
/// | [`idle_timeout`](ConnectionPolicy::idle_timeout) | actix's `keep_alive`; and a connection that receives nothing, or whose responses make no progress towards the client, for that long after its last response is closed |
/// | [`connection_cap`](ConnectionPolicy::connection_cap) | actix's `max_connections`, which is per worker: the cap divided by the number of workers (at most as many workers as the cap) |
/// | [`max_buffer`](ConnectionPolicy::max_buffer) | a connection reads no request while any of its output waits for the socket (the client is not reading), and at most `max_buffer` bytes of requests (4 KiB at a time) while its output is being sent; actix-web alone would keep reading, and answering into memory |
/// | [`shutdown_timeout`](ConnectionPolicy::shutdown_timeout) | actix's `shutdown_timeout`, in whole seconds, rounded up |
///
/// When `shutdown` resolves, the server stops accepting, closes idle and half-sent connections,
/// lets responses being sent finish, and waits for the connections, checking once a second,
/// until they are all closed or the shutdown timeout has passed; then it closes the rest. A
/// stop takes about a second with idle clients, and at most the shutdown timeout rounded up to
/// a whole second, plus a second, plus the 300 ms actix-server waits before it stops the
/// runtime, whatever the clients do. A stop through the
/// [`handle`](actix_web::dev::ServerHandle::stop) does not close idle connections early.
///
/// # Errors
///
/// An error when the listener cannot be made non-blocking or its address cannot be read.
///
/// # Examples
///
/// ```no_run
/// # fn endpoint() -> oidc_discovery_http::Endpoint { oidc_discovery_http::conformance::fixtures().remove(0) }
/// use oidc_discovery_http::ConnectionPolicy;
///
/// let listener = std::net::TcpListener::bind("127.0.0.1:8080")?;
/// actix_web::rt::System::new().block_on(async {
///     let ctrl_c = async {
///         let _ = actix_web::rt::signal::ctrl_c().await;
///     };
///     let policy = ConnectionPolicy::default();
///     let server = oidc_discovery_actix_web::server(listener, endpoint(), &policy, ctrl_c)?;
///     // `server.handle()` stops it from elsewhere too.
///     server.await
/// })?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn server(
    listener: TcpListener,
    endpoint: impl Into<Arc<Endpoint>>,
    policy: &ConnectionPolicy,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<Server> {
    let endpoint = endpoint.into();
    let addr = listener.local_addr()?;
    let cap = policy.connection_cap();
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(cap);
    let limits = Limits::new(policy);
    let (stopping, stop) = tokio::sync::watch::channel(false);
    let head_timeout = policy.head_timeout;
    let idle_timeout = policy.idle_timeout;
    Server::build()
        .workers(workers)
        .max_concurrent_connections(cap / workers)
        .shutdown_timeout(whole_seconds(policy.shutdown_timeout))
        .shutdown_signal(async move {
            shutdown.await;
            // Idle and half-sent connections close now (see `Guarded`); the send fails only
            // when no connection is open.
            let _ = stopping.send(true);
        })
        .listen("oidc-discovery", listener, move || {
            let endpoint = Arc::clone(&endpoint);
            let app = App::new()
                .service(DiscoveryService::new(endpoint))
                .into_factory()
                .map_err(|error| Response::from(error.error_response()));
            let http: h1::H1Service<Guarded<TcpStream>, _, _> = HttpService::build()
                .keep_alive(idle_timeout)
                .client_request_timeout(head_timeout)
                .local_addr(addr)
                .h1(map_config(app, |()| AppConfig::default()));
            let stop = stop.clone();
            fn_service(move |stream: TcpStream| {
                let peer = stream.peer_addr().ok();
                let guarded = Guarded::new(stream, limits, stop.clone());
                std::future::ready(Ok((guarded, peer)))
            })
            .and_then(http)
        })
        .map(actix_server::ServerBuilder::run)
}

/// `duration` in whole seconds, rounded up: actix-server counts its shutdown timeout in
/// seconds.
fn whole_seconds(duration: Duration) -> u64 {
    duration.as_secs() + u64::from(duration.subsec_nanos() > 0)
}

/// The per-connection limits of a [`ConnectionPolicy`], as [`Guarded`] applies them.
#[derive(Debug, Clone, Copy)]
struct Limits {
    head_timeout: Duration,
    idle_timeout: Duration,
    max_buffer: usize,
}

impl Limits {
    fn new(policy: &ConnectionPolicy) -> Self {
        Self {
            head_timeout: policy.head_timeout,
            idle_timeout: policy.idle_timeout,
            max_buffer: policy.max_buffer.max(1),
        }
    }
}

/// A connection as the HTTP/1.1 dispatcher of actix-http sees it, with the limits it lacks.
///
/// actix-http reads as long as the client sends (up to 128 KiB ahead), answers every complete
/// request it has read into its write buffer, and only then tries to send: a client that
/// pipelines requests and never reads the responses makes that buffer grow without end (about
/// 16 MB per connection for 10,000 pipelined requests). The wrapper learns how much output is
/// waiting from the dispatcher's writes (it always writes the whole of what remains), and:
///
/// * reads nothing while output waits for the socket (the client is not reading it), and
///   otherwise at most `max_buffer` bytes of requests since the output was last sent in full,
///   and at most [`READ_CHUNK`] bytes between two attempts to send: what actix holds is then
///   one burst of responses (it stops answering at 32 KiB of output) and the requests of one
///   read;
/// * keeps one deadline: `idle_timeout` after the connection opens or after the socket last
///   took output (waiting for the next request, or for a client that does not read),
///   `head_timeout` after the first byte of a request that no output has followed (a request
///   sent slowly, the first or a later one). Past it, the connection fails with
///   [`io::ErrorKind::TimedOut`], and actix closes it;
/// * once the server stops, ends the requests (reads end of file) as soon as no output waits:
///   actix then finishes what it has read and closes the connection, so that idle and
///   half-sent connections do not hold a graceful stop until its timeout.
struct Guarded<T> {
    io: T,
    limits: Limits,
    /// Output the dispatcher has tried to send and the socket has not taken.
    unsent: usize,
    /// Bytes read since the dispatcher's output was last sent in full: requests it holds, or
    /// has answered into output that is still waiting.
    read_ahead: usize,
    /// Bytes read since the dispatcher last tried to send.
    burst: usize,
    /// Whether a request has begun to arrive since the last output was sent.
    in_request: bool,
    deadline: Pin<Box<Sleep>>,
    /// Resolves when the server stops.
    stop: Pin<Box<dyn Future<Output = ()>>>,
    /// The dispatcher's waker while reading is held back; woken when it may read again.
    reader: Option<Waker>,
}

impl<T> Guarded<T> {
    fn new(io: T, limits: Limits, mut stop: tokio::sync::watch::Receiver<bool>) -> Self {
        Self {
            io,
            limits,
            unsent: 0,
            read_ahead: 0,
            burst: 0,
            in_request: false,
            deadline: Box::pin(tokio::time::sleep(limits.idle_timeout)),
            stop: Box::pin(async move {
                // An error: the server is gone.
                let _ = stop.wait_for(|stopping| *stopping).await;
            }),
            reader: None,
        }
    }

    /// How many bytes may be read now: none while output waits for the socket, and otherwise
    /// up to `max_buffer` since the output was last sent in full, a [`READ_CHUNK`] at a time.
    fn room(&self) -> usize {
        if self.unsent > 0 {
            return 0;
        }
        let held = self.read_ahead;
        let burst = READ_CHUNK.saturating_sub(self.burst);
        self.limits.max_buffer.saturating_sub(held).min(burst)
    }

    /// An error once the deadline has passed; otherwise the task is woken when it passes.
    fn check_deadline(&mut self, cx: &mut Context<'_>) -> io::Result<()> {
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) if self.in_request => Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the request head did not arrive in time",
            )),
            Poll::Ready(()) => Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the connection was idle for too long",
            )),
            Poll::Pending => Ok(()),
        }
    }

    /// The dispatcher is sending its output, of which `unsent` bytes remain; `progress` when
    /// the socket took some.
    fn sending(&mut self, unsent: usize, progress: bool) {
        self.unsent = unsent;
        self.burst = 0;
        if unsent == 0 {
            self.read_ahead = 0;
        }
        if progress {
            self.in_request = false;
            let deadline = Instant::now() + self.limits.idle_timeout;
            self.deadline.as_mut().reset(deadline);
        }
        if self.room() > 0 {
            if let Some(reader) = self.reader.take() {
                reader.wake();
            }
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Guarded<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        this.check_deadline(cx)?;
        if this.unsent == 0 && this.stop.as_mut().poll(cx).is_ready() {
            // The server stops: the end of the requests, once no output waits.
            return Poll::Ready(Ok(()));
        }
        let room = this.room().min(buf.remaining());
        if room == 0 && buf.remaining() > 0 {
            this.reader = Some(cx.waker().clone());
            return Poll::Pending;
        }
        let mut limited = ReadBuf::new(buf.initialize_unfilled_to(room));
        std::task::ready!(Pin::new(&mut this.io).poll_read(cx, &mut limited))?;
        let read = limited.filled().len();
        buf.advance(read);
        if read > 0 {
            this.read_ahead += read;
            this.burst += read;
            if !this.in_request {
                this.in_request = true;
                let deadline = Instant::now() + this.limits.head_timeout;
                this.deadline.as_mut().reset(deadline);
            }
        }
        Poll::Ready(Ok(()))
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Guarded<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        match Pin::new(&mut this.io).poll_write(cx, buf) {
            Poll::Ready(Ok(written)) => {
                this.sending(buf.len() - written, written > 0);
                Poll::Ready(Ok(written))
            }
            Poll::Ready(Err(error)) => Poll::Ready(Err(error)),
            Poll::Pending => {
                this.sending(buf.len(), false);
                this.check_deadline(cx)?;
                Poll::Pending
            }
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        // The dispatcher flushes once its whole output has been written.
        let this = &mut *self;
        this.sending(0, false);
        Pin::new(&mut this.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        this.check_deadline(cx)?;
        Pin::new(&mut this.io).poll_shutdown(cx)
    }
}
