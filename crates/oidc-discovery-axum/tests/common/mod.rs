//! The adapter behind `oidc_discovery_axum::serve` on a free loopback port, in a thread of its
//! own, for the tests that speak to it over TCP.

use std::net::SocketAddr;
use std::thread::JoinHandle;

use oidc_discovery_http::{ConnectionPolicy, Endpoint};
use tokio::sync::oneshot;

/// `oidc_discovery_axum::serve` of an application that mounts only the adapter's routes
/// (axum's default 404 elsewhere); shut down gracefully on drop.
pub(crate) struct Server {
    pub(crate) addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// The server under the default [`ConnectionPolicy`].
    #[allow(dead_code, reason = "not every test binary uses it")]
    pub(crate) fn start(endpoint: Endpoint) -> Self {
        Self::with_policy(endpoint, ConnectionPolicy::default())
    }

    /// The server under `policy`, through the adapter's `serve`.
    pub(crate) fn with_policy(endpoint: Endpoint, policy: ConnectionPolicy) -> Self {
        let (shutdown, signal) = oneshot::channel::<()>();
        let (bound, addr) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
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
                let app: axum::Router = oidc_discovery_axum::router(endpoint);
                oidc_discovery_axum::serve(listener, app, &policy, async {
                    let _ = signal.await;
                })
                .await
                .expect("the server runs");
            });
        });
        Self {
            addr: addr.recv().expect("the server's address"),
            shutdown: Some(shutdown),
            thread: Some(thread),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let joined = thread.join();
            if !std::thread::panicking() {
                joined.expect("the server stops cleanly");
            }
        }
    }
}
