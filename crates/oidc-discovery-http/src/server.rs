//! A serve loop for hyper services that applies a [`ConnectionPolicy`] (feature `server`).
//!
//! [`serve`] is the server behind `oidc_discovery_axum::serve`, `oidc_discovery_warp::serve` and
//! `oidc-discovery serve --framework axum|warp`. It runs any hyper service over HTTP/1.1 and
//! enforces every limit of the policy itself:
//!
//! * **Connection cap.** A permit of a semaphore of [`ConnectionPolicy::connection_cap`] permits
//!   is taken *before* `accept`: at the cap, new connections wait in the operating system's
//!   listen queue, and the established ones are still answered. An `accept` error (`EMFILE`,
//!   `ENFILE`, `ECONNABORTED`, …) never ends the server: it waits briefly and accepts again.
//! * **Deadlines, measured by the server, not by hyper.** hyper's own `header_read_timeout` is
//!   turned off: in hyper 1.12 its timer starts when the connection begins waiting for a request
//!   head (on open and after each response), so it is one deadline for idle and head together,
//!   and its meaning for idle keep-alive connections has changed between hyper 1.x releases. The
//!   connection's socket is wrapped instead (`Watched`), and the service too (`Counted`); both
//!   report to one `Activity` record, and a watchdog next to the connection closes it when the
//!   deadline of its phase passes:
//!   * *idle* — since the connection opened or the last response ended (or, while a response is
//!     being written, since the last write that made progress): the first byte of the next
//!     request must come within [`idle_timeout`](ConnectionPolicy::idle_timeout);
//!   * *head* — from that first byte, the head must be complete (the service called) within
//!     [`head_timeout`](ConnectionPolicy::head_timeout); a slowloris that sends a byte now and
//!     then does not extend it;
//!   * *busy* — from the service call to the end of the response body: no deadline (a service
//!     that takes long is the application's business, for instance a tower timeout layer);
//!   * in every phase, a write that makes no progress for `idle_timeout` (the client stopped
//!     reading its responses) closes the connection.
//! * **Buffers.** hyper's `max_buf_size` is [`max_buffer`](ConnectionPolicy::max_buffer) (at
//!   least hyper's minimum, [`ConnectionPolicy::MIN_BUFFER`]): it bounds the bytes read ahead
//!   (pipelined requests) and the response bytes queued for a client that does not read; hyper
//!   does not read the next request while a response is still being written.
//! * **HTTP/1.1 only.** HTTP/2 is not spoken, with or without prior knowledge: a connection that
//!   opens with the HTTP/2 preface (`PRI * HTTP/2.0`) is refused by hyper's HTTP/1 parser (an
//!   error answer or a close), at once, as actix-web refuses it. Discovery clients use HTTP/1.1;
//!   a deployment that wants HTTP/2 terminates it in a proxy in front.
//! * **Graceful shutdown.** When `shutdown` resolves, the listener is closed; connections that
//!   are idle or in the middle of a request head are closed at once; a connection with a
//!   response in flight (being made, or not yet taken by the client) finishes that response
//!   (keep-alive off) and closes. After
//!   [`shutdown_timeout`](ConnectionPolicy::shutdown_timeout), whatever the clients do, every
//!   remaining connection is dropped and `serve` returns.
//!
//! ```
//! use std::convert::Infallible;
//! use std::time::Duration;
//!
//! use oidc_discovery_http::ConnectionPolicy;
//! use oidc_discovery_http::server::serve;
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(async {
//! let service = hyper::service::service_fn(|_request| async {
//!     Ok::<_, Infallible>(http::Response::new(String::from("ok")))
//! });
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! let mut policy = ConnectionPolicy::default();
//! policy.idle_timeout = Duration::from_secs(5);
//! // Here the server stops at once; a real one waits for Ctrl-C (`tokio::signal::ctrl_c`).
//! serve(listener, service, &policy, async {}).await?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::future::Future;
use std::io;
use std::pin::{Pin, pin};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use hyper::body::{Body, Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper::service::Service;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::ConnectionPolicy;

/// How long the accept loop waits after `accept` fails before it accepts again.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// The boxed error a service or a body may fail with.
type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Serves `service` on `listener` under `policy` until `shutdown` resolves, then shuts down
/// gracefully (see the [module documentation](self) for what each limit does).
///
/// `service` is a hyper service, cloned for each connection; wrap a tower service (an axum
/// `Router`, `warp::service(filter)`) in `hyper_util::service::TowerToHyperService`. Every
/// connection runs on its own tokio task, so this needs a tokio runtime with the time and IO
/// drivers enabled.
///
/// # Errors
///
/// None today: an `accept` error is retried, a connection's error closes that connection only.
/// The `io::Result` leaves room for set-up errors.
pub async fn serve<S, B>(
    listener: TcpListener,
    service: S,
    policy: &ConnectionPolicy,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()>
where
    S: Service<http::Request<Incoming>, Response = http::Response<B>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<BoxError>,
{
    let limits = Limits::from(policy);
    let permits = Arc::new(Semaphore::new(policy.connection_cap()));
    let (stop, stopped) = watch::channel(false);
    let mut connections = JoinSet::new();
    let mut shutdown = pin!(shutdown);
    loop {
        while connections.try_join_next().is_some() {}
        // The permit first: at the cap, connections wait in the listen queue, not in memory.
        let permit = tokio::select! {
            () = &mut shutdown => break,
            permit = Arc::clone(&permits).acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_closed) => break,
            },
        };
        let accepted = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => accepted,
        };
        match accepted {
            Ok((stream, _peer)) => {
                connections.spawn(connection(
                    stream,
                    service.clone(),
                    limits,
                    stopped.clone(),
                    permit,
                ));
            }
            Err(_error) => {
                // Out of file descriptors, a connection reset before it was accepted, …: none
                // of them is the listener's end. Wait a little (the error may repeat at once)
                // and accept again.
                drop(permit);
                tokio::select! {
                    () = &mut shutdown => break,
                    () = tokio::time::sleep(ACCEPT_BACKOFF) => {}
                }
            }
        }
    }
    drop(listener);
    let _ = stop.send(true);
    let all_closed = async { while connections.join_next().await.is_some() {} };
    let _ = tokio::time::timeout(policy.shutdown_timeout, all_closed).await;
    connections.shutdown().await;
    Ok(())
}

/// The numbers of a policy one connection needs.
#[derive(Debug, Clone, Copy)]
struct Limits {
    head_timeout: Duration,
    idle_timeout: Duration,
    max_buffer: usize,
}

impl From<&ConnectionPolicy> for Limits {
    fn from(policy: &ConnectionPolicy) -> Self {
        Self {
            head_timeout: policy.head_timeout,
            idle_timeout: policy.idle_timeout,
            max_buffer: policy.max_buffer.max(ConnectionPolicy::MIN_BUFFER),
        }
    }
}

/// One connection, from accept to close: hyper's HTTP/1 connection, and the watchdog that
/// closes it at its deadline or when the server stops.
async fn connection<S, B>(
    stream: TcpStream,
    service: S,
    limits: Limits,
    mut stopped: watch::Receiver<bool>,
    _permit: OwnedSemaphorePermit,
) where
    S: Service<http::Request<Incoming>, Response = http::Response<B>> + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<BoxError>,
{
    let activity = Arc::new(Activity::new());
    let io = TokioIo::new(Watched {
        stream,
        activity: Arc::clone(&activity),
    });
    let service = Counted {
        inner: service,
        activity: Arc::clone(&activity),
    };
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        // The deadlines are the watchdog's (module documentation).
        .header_read_timeout(None)
        .max_buf_size(limits.max_buffer);
    let mut conn = pin!(builder.serve_connection(io, service));
    let mut stopping = false;
    loop {
        let deadline = activity.deadline(&limits);
        tokio::select! {
            // A connection error (a malformed request, an HTTP/2 preface, a reset) only ends
            // this connection; hyper has already answered what deserves an answer.
            _ = conn.as_mut() => return,
            () = sleep_until(deadline) => {
                if activity.deadline(&limits).is_some_and(|d| d <= Instant::now()) {
                    return;
                }
            }
            () = activity.changed.notified() => {}
            changed = stopped.changed(), if !stopping => {
                stopping = true;
                if changed.is_err() || !activity.responding() {
                    // Idle, or in the middle of a request head: closed at once.
                    return;
                }
                // A response in flight (being made, or written to a client that has not read
                // it all yet): finish it, then close (keep-alive off).
                conn.as_mut().graceful_shutdown();
            }
        }
    }
}

/// Sleeps until `deadline`, or forever without one.
async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}

/// What a connection is doing, as far as its deadlines are concerned.
#[derive(Debug, Clone, Copy)]
enum Phase {
    /// Waiting for the first byte of a request, since this instant.
    Idle(Instant),
    /// Reading a request head whose first byte came at this instant.
    Head(Instant),
    /// Serving requests: the service was called and its response body is not finished.
    Busy(usize),
}

/// One connection's activity, written by its socket ([`Watched`]) and its service
/// ([`Counted`]), read by its watchdog.
#[derive(Debug)]
struct Activity {
    state: Mutex<State>,
    /// Woken when a deadline may have moved earlier (a phase change, a write that blocks).
    changed: Notify,
}

#[derive(Debug)]
struct State {
    phase: Phase,
    /// Since when a write has been waiting for the client to read.
    write_blocked: Option<Instant>,
}

impl Activity {
    fn new() -> Self {
        Self {
            state: Mutex::new(State {
                phase: Phase::Idle(Instant::now()),
                write_blocked: None,
            }),
            changed: Notify::new(),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while the lock is held cannot leave the state inconsistent (plain values).
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// When the connection must be closed, if nothing else happens.
    fn deadline(&self, limits: &Limits) -> Option<Instant> {
        let state = self.state();
        let phase = match state.phase {
            Phase::Idle(since) => Some(since + limits.idle_timeout),
            Phase::Head(since) => Some(since + limits.head_timeout),
            Phase::Busy(_) => None,
        };
        let write = state.write_blocked.map(|since| since + limits.idle_timeout);
        match (phase, write) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Whether a response is in flight: being made by the service, or written and not yet
    /// taken by the client.
    fn responding(&self) -> bool {
        let state = self.state();
        matches!(state.phase, Phase::Busy(_)) || state.write_blocked.is_some()
    }

    /// Bytes were read: the first byte of a request starts its head deadline.
    fn on_read(&self) {
        let mut state = self.state();
        if let Phase::Idle(_) = state.phase {
            state.phase = Phase::Head(Instant::now());
            drop(state);
            self.changed.notify_one();
        }
    }

    /// A write made progress, or could not.
    fn on_write(&self, progress: bool) {
        let mut state = self.state();
        if progress {
            state.write_blocked = None;
            if let Phase::Idle(_) = state.phase {
                state.phase = Phase::Idle(Instant::now());
            }
        } else if state.write_blocked.is_none() {
            state.write_blocked = Some(Instant::now());
            drop(state);
            self.changed.notify_one();
        }
    }

    /// The service was called: a request head is complete.
    fn begin(self: &Arc<Self>) -> InFlight {
        let mut state = self.state();
        state.phase = match state.phase {
            Phase::Busy(n) => Phase::Busy(n + 1),
            Phase::Idle(_) | Phase::Head(_) => Phase::Busy(1),
        };
        InFlight(Arc::clone(self))
    }
}

/// A request being served; dropped when its response body is finished (or dropped).
#[derive(Debug)]
struct InFlight(Arc<Activity>);

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut state = self.0.state();
        state.phase = match state.phase {
            Phase::Busy(n) if n > 1 => Phase::Busy(n - 1),
            _ => Phase::Idle(Instant::now()),
        };
        drop(state);
        self.0.changed.notify_one();
    }
}

/// The connection's socket, reporting reads and writes to its [`Activity`].
#[derive(Debug)]
struct Watched {
    stream: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let result = ready!(Pin::new(&mut self.stream).poll_read(cx, buf));
        if result.is_ok() && buf.filled().len() > before {
            self.activity.on_read();
        }
        Poll::Ready(result)
    }
}

impl Watched {
    fn report(&self, written: &Poll<io::Result<usize>>) {
        match written {
            Poll::Ready(Ok(n)) if *n > 0 => self.activity.on_write(true),
            Poll::Pending => self.activity.on_write(false),
            Poll::Ready(_) => {}
        }
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.stream).poll_write(cx, buf);
        self.report(&written);
        written
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        self.report(&written);
        written
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// The service, counting the requests in flight on its connection: from the call (the head is
/// complete) to the end of the response body.
#[derive(Debug)]
struct Counted<S> {
    inner: S,
    activity: Arc<Activity>,
}

impl<S, B> Service<http::Request<Incoming>> for Counted<S>
where
    S: Service<http::Request<Incoming>, Response = http::Response<B>>,
{
    type Response = http::Response<CountedBody<B>>;
    type Error = S::Error;
    type Future = CountedFuture<S::Future>;

    fn call(&self, request: http::Request<Incoming>) -> Self::Future {
        let in_flight = self.activity.begin();
        CountedFuture {
            inner: self.inner.call(request),
            in_flight: Some(in_flight),
        }
    }
}

pin_project_lite::pin_project! {
    /// The service's response future; hands the request's [`InFlight`] to the response body.
    #[derive(Debug)]
    struct CountedFuture<F> {
        #[pin]
        inner: F,
        in_flight: Option<InFlight>,
    }
}

impl<F, B, E> Future for CountedFuture<F>
where
    F: Future<Output = Result<http::Response<B>, E>>,
{
    type Output = Result<http::Response<CountedBody<B>>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let response = ready!(this.inner.poll(cx))?;
        let in_flight = this.in_flight.take();
        Poll::Ready(Ok(response.map(|inner| CountedBody { inner, in_flight })))
    }
}

pin_project_lite::pin_project! {
    /// A response body that ends its request's [`InFlight`] when it ends or is dropped.
    #[derive(Debug)]
    struct CountedBody<B> {
        #[pin]
        inner: B,
        in_flight: Option<InFlight>,
    }
}

impl<B: Body> Body for CountedBody<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = self.project();
        let frame = ready!(this.inner.poll_frame(cx));
        if !matches!(frame, Some(Ok(_))) {
            this.in_flight.take();
        }
        Poll::Ready(frame)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
