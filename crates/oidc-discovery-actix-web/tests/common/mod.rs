//! The adapter behind a real `HttpServer` on a free loopback port, in a thread of its own, for
//! the tests that speak to it over TCP.

use std::net::{SocketAddr, TcpListener};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::sync::oneshot;

use actix_web::dev::ServerHandle;
use actix_web::{App, HttpServer};
use oidc_discovery_actix_web::DiscoveryService;
use oidc_discovery_http::{ConnectionPolicy, Endpoint};

/// A real server of an application that mounts only the adapter (actix's default 404
/// elsewhere): an `HttpServer` with one worker ([`Server::start`]), or the adapter's own
/// [`server`](oidc_discovery_actix_web::server) under a policy ([`Server::with_policy`]);
/// stopped gracefully on drop (for the latter, by its `shutdown` future, as a signal stops
/// `oidc-discovery serve`).
pub(crate) struct Server {
    pub(crate) addr: SocketAddr,
    handle: ServerHandle,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<std::io::Result<()>>>,
}

impl Server {
    #[allow(dead_code, reason = "not every test binary uses it")]
    pub(crate) fn start(endpoint: Endpoint) -> Self {
        let service = DiscoveryService::new(endpoint);
        Self::run(move |listener| {
            // Keep-alive well beyond actix's 5 s default: on a loaded machine, a load test's
            // connection may wait its turn longer than that between two requests.
            Ok(HttpServer::new(move || App::new().service(service.clone()))
                .workers(1)
                .keep_alive(Duration::from_secs(60))
                .listen(listener)?
                .run())
        })
    }

    /// The adapter served by [`oidc_discovery_actix_web::server`], under `policy`.
    #[allow(dead_code, reason = "not every test binary uses it")]
    pub(crate) fn with_policy(endpoint: Endpoint, policy: &ConnectionPolicy) -> Self {
        let policy = policy.clone();
        let (stop, stopped) = oneshot::channel::<()>();
        let mut server = Self::run(move |listener| {
            let shutdown = async move {
                let _ = stopped.await;
            };
            oidc_discovery_actix_web::server(listener, endpoint, &policy, shutdown)
        });
        server.stop = Some(stop);
        server
    }

    /// Runs the server `start` makes on a free loopback port, in a thread with an actix
    /// runtime of its own.
    fn run(
        start: impl FnOnce(TcpListener) -> std::io::Result<actix_web::dev::Server> + Send + 'static,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let listener = TcpListener::bind(("127.0.0.1", 0))?;
                let addr = listener.local_addr()?;
                let server = start(listener)?;
                sender
                    .send((addr, server.handle()))
                    .expect("the test waits");
                server.await
            })
        });
        let (addr, handle) = receiver.recv().expect("the server starts");
        Self {
            addr,
            handle,
            stop: None,
            thread: Some(thread),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        match self.stop.take() {
            Some(stop) => {
                let _ = stop.send(());
            }
            None => actix_web::rt::System::new().block_on(self.handle.stop(true)),
        }
        if let Some(thread) = self.thread.take() {
            let joined = thread.join();
            if !std::thread::panicking() {
                joined
                    .expect("the server thread")
                    .expect("the server stops cleanly");
            }
        }
    }
}
