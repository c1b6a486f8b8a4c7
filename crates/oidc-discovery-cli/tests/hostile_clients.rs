//! `oidc-discovery serve` as a process under attack, for each framework: at an open-file limit
//! of 256 (util-linux `prlimit`), 400 idle connections held by attackers do not stop a good
//! client from being answered; and Ctrl-C (`SIGINT`) or `SIGTERM` stops the process in time,
//! with exit status 0 and `stopped`, while a client holds a half-sent request or an HTTP/2
//! preface open. The attacks are `oidc_discovery_wire::attacks`; the server is a process of its
//! own so that its file-descriptor limit is not the attackers'.

#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use oidc_discovery_http::ConnectionPolicy;
use oidc_discovery_wire::attacks::{self, HeldOpen, SLACK, Target};

const BIN: &str = env!("CARGO_BIN_EXE_oidc-discovery");

/// The open-file limit of the starved server, and the idle connections its attackers hold.
const FILE_LIMIT: u64 = 256;
const ATTACKERS: usize = 400;

/// `serve` running in a process of its own, killed on drop if it is still running.
struct Serve {
    child: Arc<Mutex<Child>>,
    pid: u32,
    addr: SocketAddr,
    path: String,
    policy: ConnectionPolicy,
    stderr: Option<std::thread::JoinHandle<String>>,
}

/// `serve`'s flags for `policy`.
fn policy_flags(policy: &ConnectionPolicy) -> Vec<String> {
    let ms = |duration: Duration| format!("{}ms", duration.as_millis());
    vec![
        "--head-timeout".to_owned(),
        ms(policy.head_timeout),
        "--idle-timeout".to_owned(),
        ms(policy.idle_timeout),
        "--shutdown-timeout".to_owned(),
        ms(policy.shutdown_timeout),
        "--max-connections".to_owned(),
        policy.max_connections.to_string(),
        "--max-buffer".to_owned(),
        policy.max_buffer.to_string(),
    ]
}

impl Serve {
    /// `serve --framework FRAMEWORK` on a free loopback port under `policy`, with the open-file
    /// limit `file_limit` (through `prlimit`) when given; returns once it is listening.
    fn start(framework: &str, policy: ConnectionPolicy, file_limit: Option<u64>) -> Self {
        let mut command = match file_limit {
            Some(limit) => {
                let mut command = Command::new("prlimit");
                command.arg(format!("--nofile={limit}:{limit}")).arg(BIN);
                command
            }
            None => Command::new(BIN),
        };
        let mut child = command
            .args(["serve", "--framework", framework, "--listen", "127.0.0.1:0"])
            .args(policy_flags(&policy))
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve starts (is util-linux prlimit installed?)");
        let mut stderr = child.stderr.take().expect("piped stderr");
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut url = None;
        let mut line = String::new();
        loop {
            line.clear();
            if stdout.read_line(&mut line).expect("readable stdout") == 0 {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "{framework}: serve stopped before it was ready: {}",
                    stderr.join().unwrap_or_default()
                );
            }
            if line.starts_with("press Ctrl-C") {
                break;
            }
            if let Some(rest) = line.trim().strip_prefix("http://") {
                url.get_or_insert_with(|| rest.to_owned());
            }
        }
        // Nothing more is read from standard output, but it stays open.
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        let url = url.expect("serve prints its URLs");
        let (authority, path) = url.split_at(url.find('/').expect("a path"));
        Self {
            pid: child.id(),
            child: Arc::new(Mutex::new(child)),
            addr: authority.parse().expect("a socket address"),
            path: path.to_owned(),
            policy,
            stderr: Some(stderr),
        }
    }

    fn target(&self) -> Target {
        Target::new(self.addr, self.path.clone(), self.policy.clone())
    }

    /// A closure that sends `signal` (`INT`, `TERM`) and returns once the process has exited
    /// (or after a minute), keeping its exit status in `status`.
    fn stopper(
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
            while start.elapsed() < Duration::from_secs(60) {
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

    /// Standard error, once the process has ended (it is killed if it has not).
    fn stderr(mut self) -> String {
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

/// Idle attackers hold [`ATTACKERS`] connections to a server whose open-file limit is
/// [`FILE_LIMIT`]: a good client must still be answered within the idle deadline (the server
/// caps its connections below the limit and closes idle ones).
fn starved_at_a_low_file_limit(framework: &str) {
    // The attackers' sockets are this process's: make room for them.
    rlimit::increase_nofile_limit(4096).expect("the open-file limit can be raised");
    // The default connection cap, so that the cap in force is the one fitted to the limit.
    let mut policy = attacks::short_policy();
    policy.max_connections = ConnectionPolicy::default().max_connections;
    let serve = Serve::start(framework, policy, Some(FILE_LIMIT));
    let report = serve.target().starvation(ATTACKERS);
    eprintln!("{framework}: {report:?}");
}

/// `signal` while a client holds `held` open: `serve` exits 0 within the shutdown deadline and
/// says `stopped`.
fn stopped_by(framework: &str, signal: &'static str) {
    for held in [HeldOpen::HalfSentRequest, HeldOpen::Http2Preface] {
        let serve = Serve::start(framework, attacks::shutdown_policy(), None);
        let status = Arc::new(Mutex::new(None));
        let report = serve
            .target()
            .shutdown(held, serve.stopper(signal, &status));
        let status = status.lock().unwrap_or_else(PoisonError::into_inner).take();
        let stderr = serve.stderr();
        let exit = status.map_or_else(|| "still running".to_owned(), |status| status.to_string());
        assert_eq!(
            status.and_then(|status| status.code()),
            Some(0),
            "{framework}: SIG{signal} with {held} held open: {exit}; stderr: {stderr}"
        );
        assert!(
            stderr.lines().any(|line| line == "stopped"),
            "{framework}: SIG{signal} with {held} held open: no `stopped` in {stderr}"
        );
        eprintln!("{framework}: SIG{signal}: {report:?} (deadline {SLACK:?} past the policy's)");
    }
}

macro_rules! per_framework {
    ($($module:ident: $framework:literal),*) => {$(
        mod $module {
            #[test]
            fn a_good_client_is_answered_while_400_idle_connections_starve_a_256_file_limit() {
                super::starved_at_a_low_file_limit($framework);
            }

            #[test]
            fn ctrl_c_stops_serve_in_time_whatever_a_client_holds_open() {
                super::stopped_by($framework, "INT");
            }

            #[test]
            fn sigterm_stops_serve_in_time_whatever_a_client_holds_open() {
                super::stopped_by($framework, "TERM");
            }
        }
    )*};
}

per_framework!(axum: "axum", actix_web: "actix-web", warp: "warp");
