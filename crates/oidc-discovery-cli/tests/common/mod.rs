//! What several of the CLI's tests need, written once: `oidc-discovery serve` as a process of
//! its own, a valid document to serve, the raw HTTP/1.1 answers of the small servers that
//! `check`'s URL tests talk to, and the errors of a JSON report.

#![allow(dead_code, reason = "each test binary uses a part")]

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_oidc-discovery");

/// How long `serve` may take to print that it is ready (or to stop), and to exit after a
/// signal: far longer than it ever takes, so that only a hang fails.
pub(crate) const PATIENCE: Duration = Duration::from_secs(60);

/// A `serve` process, killed on drop if it is still running. Its standard output and standard
/// error are read by threads, so it never waits on a full pipe.
pub(crate) struct Serve {
    child: Arc<Mutex<Child>>,
    /// The process id.
    pub(crate) pid: u32,
    /// What it printed on standard output up to and including `press Ctrl-C to stop`.
    pub(crate) stdout: String,
    /// The URLs it printed, in order.
    pub(crate) urls: Vec<String>,
    /// The connection policy it printed (its `limits:` line, without the label).
    pub(crate) limits: String,
    stderr: Option<JoinHandle<String>>,
}

/// A `serve` that stopped before it was ready (a refused document, a bad argument).
pub(crate) struct Stopped {
    pub(crate) status: ExitStatus,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Serve {
    /// `oidc-discovery serve ARGS…` (colour off), under `prlimit --nofile=LIMIT:LIMIT` when
    /// `file_limit` is given; returns once it prints `press Ctrl-C to stop`, or how it stopped.
    pub(crate) fn start(args: &[&str], file_limit: Option<u64>) -> Result<Self, Stopped> {
        let mut command = match file_limit {
            Some(limit) => {
                let mut command = Command::new("prlimit");
                command.arg(format!("--nofile={limit}:{limit}")).arg(BIN);
                command
            }
            None => Command::new(BIN),
        };
        let mut child = command
            .arg("serve")
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve starts (with a file limit: is util-linux prlimit installed?)");
        let mut stderr = child.stderr.take().expect("piped stderr");
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let lines = lines(child.stdout.take().expect("piped stdout"));
        let mut stdout = String::new();
        let mut ready = false;
        let deadline = Instant::now() + PATIENCE;
        while let Ok(line) = lines.recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            stdout.push_str(&line);
            if line.starts_with("press Ctrl-C") {
                ready = true;
                break;
            }
        }
        if !ready {
            let _ = child.kill();
            let status = child.wait().expect("waitable");
            return Err(Stopped {
                status,
                stdout,
                stderr: stderr.join().unwrap_or_default(),
            });
        }
        // What it prints later is read and dropped, so that its standard output stays open.
        std::thread::spawn(move || while lines.recv().is_ok() {});
        let urls = stdout
            .lines()
            .filter_map(|line| line.trim().strip_prefix("http://"))
            .map(|rest| format!("http://{rest}"))
            .collect();
        let limits = stdout
            .lines()
            .find_map(|line| line.trim().strip_prefix("limits: "))
            .unwrap_or_default()
            .to_owned();
        Ok(Self {
            pid: child.id(),
            child: Arc::new(Mutex::new(child)),
            stdout,
            urls,
            limits,
            stderr: Some(stderr),
        })
    }

    /// [`start`](Self::start), failing the test with what it printed when it stopped instead.
    pub(crate) fn running(args: &[&str], file_limit: Option<u64>) -> Self {
        Self::start(args, file_limit).unwrap_or_else(|stopped| {
            panic!(
                "serve stopped before it was ready ({}): {}",
                stopped.status, stopped.stderr
            )
        })
    }

    /// The address and path of its first URL.
    pub(crate) fn first(&self) -> (SocketAddr, String) {
        let url = self.urls[0].strip_prefix("http://").expect("an http URL");
        let (authority, path) = url.split_at(url.find('/').expect("a path"));
        (
            authority.parse().expect("a socket address"),
            path.to_owned(),
        )
    }

    /// A closure that sends `signal` (`INT`, `TERM`) and returns once the process has exited
    /// (or after [`PATIENCE`]), keeping its exit status in `status`.
    pub(crate) fn stopper(
        &self,
        signal: &'static str,
        status: &Arc<Mutex<Option<ExitStatus>>>,
    ) -> impl FnOnce() + Send + 'static {
        let (child, pid, status) = (self.child.clone(), self.pid, status.clone());
        move || {
            let sent = Command::new("kill")
                .args([&format!("-{signal}"), &pid.to_string()])
                .status()
                .expect("kill runs");
            assert!(sent.success(), "kill -{signal} {pid}");
            let start = Instant::now();
            while start.elapsed() < PATIENCE {
                let exited = child
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .try_wait()
                    .expect("waitable");
                if let Some(exit) = exited {
                    *status.lock().unwrap_or_else(PoisonError::into_inner) = Some(exit);
                    return;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }

    /// Sends `signal` (`INT`, `TERM`) and returns the exit status, or `None` when the process
    /// is still running after [`PATIENCE`].
    pub(crate) fn signal(&self, signal: &'static str) -> Option<ExitStatus> {
        let status = Arc::new(Mutex::new(None));
        self.stopper(signal, &status)();
        *status.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Standard error, once the process has ended (it is killed if it has not).
    pub(crate) fn stderr(mut self) -> String {
        {
            let mut child = self.child.lock().unwrap_or_else(PoisonError::into_inner);
            let _ = child.kill();
            let _ = child.wait();
        }
        self.stderr
            .take()
            .and_then(|stderr| stderr.join().ok())
            .unwrap_or_default()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let mut child = self.child.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = child.kill();
        let _ = child.wait();
    }
}

/// The lines of `stream` exactly as written (line feed kept, nothing stripped: a test of what
/// reaches the terminal sees every byte), read by a thread of their own.
fn lines(stream: impl Read + Send + 'static) -> Receiver<String> {
    let (send, receive) = channel();
    std::thread::spawn(move || {
        let mut stream = BufReader::new(stream);
        loop {
            let mut line = Vec::new();
            match stream.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    if send
                        .send(String::from_utf8_lossy(&line).into_owned())
                        .is_err()
                    {
                        break;
                    }
                }
            }
        }
    });
    receive
}

/// A whole HTTP/1.1 response that closes the connection; header values are written as given (a
/// server can send any bytes).
pub(crate) fn response(status: &str, headers: &[(&str, &str)], body: &str) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    out.push_str(body);
    out.into_bytes()
}

/// A valid OpenID Provider document naming `issuer` (its endpoints stay on https), with
/// `extra` members set over it.
pub(crate) fn document(issuer: &str, extra: &[(&str, serde_json::Value)]) -> String {
    let mut document = serde_json::json!({
        "issuer": issuer,
        "authorization_endpoint": "https://id.example.com/authorize",
        "token_endpoint": "https://id.example.com/token",
        "jwks_uri": "https://id.example.com/jwks.json",
        "scopes_supported": ["openid"],
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"]
    });
    for (name, value) in extra {
        document[*name] = value.clone();
    }
    document.to_string()
}

/// A valid protected-resource metadata document (RFC 9728) stating `resource`, with `extra`
/// members set over it.
pub(crate) fn resource_document(resource: &str, extra: &[(&str, serde_json::Value)]) -> String {
    let mut document = serde_json::json!({
        "resource": resource,
        "resource_name": "Example MCP server",
        "authorization_servers": ["https://as.example.com"],
        "scopes_supported": ["files:read"],
        "bearer_methods_supported": ["header"]
    });
    for (name, value) in extra {
        document[*name] = value.clone();
    }
    document.to_string()
}

/// The errors of a JSON report, as `(rule, pointer)`.
pub(crate) fn errors(report: &serde_json::Value) -> Vec<(&str, &str)> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|problem| problem["severity"] == "error")
        .map(|problem| {
            (
                problem["rule"].as_str().unwrap(),
                problem["pointer"].as_str().unwrap(),
            )
        })
        .collect()
}
