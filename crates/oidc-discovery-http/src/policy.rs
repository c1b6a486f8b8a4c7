//! How a server treats its connections: the numbers that keep slow, idle and greedy clients from
//! starving a discovery endpoint.
//!
//! A discovery document is small and answered from memory, so the cost a client can impose is
//! almost all in the connection: a file descriptor, a task and buffers held for as long as the
//! client keeps it open. [`ConnectionPolicy`] names the limits that bound that cost. It is
//! framework-free: each adapter applies it in its framework's own terms (the adapters' docs
//! say how), and `oidc-discovery serve` applies it to all three.
//!
//! | limit | default | what it stops |
//! |---|---|---|
//! | [`head_timeout`](ConnectionPolicy::head_timeout) | 10 s | a request head sent slowly (slowloris): from its first byte, the whole head must arrive in time |
//! | [`idle_timeout`](ConnectionPolicy::idle_timeout) | 15 s | a connection that sends nothing: after it opens or after a response, the next request must start in time |
//! | [`max_connections`](ConnectionPolicy::max_connections) | 1,024, lowered to fit the file-descriptor limit | running out of file descriptors; beyond the cap, new connections wait in the listen queue and established ones are still answered |
//! | [`max_buffer`](ConnectionPolicy::max_buffer) | 64 KiB | memory held per connection by pipelined requests read ahead and responses the client does not read |
//! | [`shutdown_timeout`](ConnectionPolicy::shutdown_timeout) | 10 s | a shutdown held open by clients: after Ctrl-C or SIGTERM, in-flight responses get this long, then every connection is closed |

use std::time::Duration;

/// The limits a server puts on each connection and on all of them together.
///
/// Start from [`ConnectionPolicy::default`] and change what you need:
///
/// ```
/// use std::time::Duration;
/// use oidc_discovery_http::ConnectionPolicy;
///
/// let mut policy = ConnectionPolicy::default();
/// policy.idle_timeout = Duration::from_secs(5);
/// assert_eq!(policy.head_timeout, Duration::from_secs(10));
/// assert!(policy.connection_cap() <= policy.max_connections);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConnectionPolicy {
    /// How long a client has, from the first byte of a request, to send the whole request head
    /// (request line and headers). A connection past it is closed.
    pub head_timeout: Duration,
    /// How long a connection may wait for its next request, after it opens or after a response
    /// was written, before that request's first byte. A connection past it is closed.
    pub idle_timeout: Duration,
    /// How many connections are served at once. New connections beyond it are not accepted
    /// until one closes; they wait in the operating system's listen queue. See
    /// [`connection_cap`](Self::connection_cap) for the number actually used.
    pub max_connections: usize,
    /// How many bytes one connection may hold in the server's buffers: requests pipelined ahead
    /// of their turn, and responses written but not yet read by the client. Reading stops while
    /// it is reached.
    pub max_buffer: usize,
    /// How long a graceful shutdown waits for in-flight responses before it closes every
    /// connection and returns.
    pub shutdown_timeout: Duration,
}

impl ConnectionPolicy {
    /// File descriptors kept out of the connection cap for the process's own use (the listener,
    /// standard streams, the runtime's own descriptors, files it may read).
    pub const RESERVED_FILE_DESCRIPTORS: u64 = 32;

    /// The smallest [`max_buffer`](Self::max_buffer) a server can work with: 8 KiB, the
    /// smallest buffer hyper accepts (a request head must fit in it). A smaller value is
    /// raised to it.
    pub const MIN_BUFFER: usize = 8 * 1024;

    /// The connection cap in force: [`max_connections`](Self::max_connections), lowered where
    /// needed so that the connections fit the process's soft limit on open files (`RLIMIT_NOFILE`)
    /// with [`RESERVED_FILE_DESCRIPTORS`](Self::RESERVED_FILE_DESCRIPTORS) to spare — a server
    /// that accepts until `accept` fails with `EMFILE` can no longer answer anyone. Never below 1.
    pub fn connection_cap(&self) -> usize {
        let cap = self.max_connections.max(1);
        match open_file_limit() {
            Some(limit) => {
                let fit = limit.saturating_sub(Self::RESERVED_FILE_DESCRIPTORS).max(1);
                cap.min(usize::try_from(fit).unwrap_or(usize::MAX))
            }
            None => cap,
        }
    }
}

impl Default for ConnectionPolicy {
    fn default() -> Self {
        Self {
            head_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(15),
            max_connections: 1024,
            max_buffer: 64 * 1024,
            shutdown_timeout: Duration::from_secs(10),
        }
    }
}

/// The soft limit on open files, where the platform has one.
#[cfg(unix)]
fn open_file_limit() -> Option<u64> {
    let (soft, _hard) = rlimit::getrlimit(rlimit::Resource::NOFILE).ok()?;
    (soft != rlimit::INFINITY).then_some(soft)
}

#[cfg(not(unix))]
fn open_file_limit() -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_fits_the_file_descriptor_limit() {
        let policy = ConnectionPolicy {
            max_connections: usize::MAX,
            ..ConnectionPolicy::default()
        };
        let cap = policy.connection_cap();
        if let Some(limit) = open_file_limit() {
            assert_eq!(
                cap as u64,
                limit
                    .saturating_sub(ConnectionPolicy::RESERVED_FILE_DESCRIPTORS)
                    .max(1)
            );
        }
        let small = ConnectionPolicy {
            max_connections: 3,
            ..ConnectionPolicy::default()
        };
        assert_eq!(small.connection_cap(), 3);
        let zero = ConnectionPolicy {
            max_connections: 0,
            ..ConnectionPolicy::default()
        };
        assert_eq!(zero.connection_cap(), 1);
    }
}
