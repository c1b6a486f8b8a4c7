//! `oidc-discovery serve` as a process under attack, for each framework: at an open-file limit
//! of 256 (util-linux `prlimit`), 400 idle connections held by attackers do not stop a good
//! client from being answered; and Ctrl-C (`SIGINT`) or `SIGTERM` stops the process in time,
//! with exit status 0 and `stopped`, while a client holds a half-sent request or an HTTP/2
//! preface open. The attacks are `oidc_discovery_wire::attacks`; the server is a process of its
//! own so that its file-descriptor limit is not the attackers'.

#![cfg(target_os = "linux")]

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use oidc_discovery_http::ConnectionPolicy;
use oidc_discovery_wire::attacks::{self, HeldOpen, SLACK, Target};

mod common;

/// The open-file limit of the starved server, and the idle connections its attackers hold.
const FILE_LIMIT: u64 = 256;
const ATTACKERS: usize = 400;

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

/// `serve --framework FRAMEWORK` on a free loopback port under `policy`, with the open-file
/// limit `file_limit` when given, and the target its first URL makes for the attacks.
fn serve(
    framework: &str,
    policy: ConnectionPolicy,
    file_limit: Option<u64>,
) -> (common::Serve, Target) {
    let flags = policy_flags(&policy);
    let mut args = vec!["--framework", framework, "--listen", "127.0.0.1:0"];
    args.extend(flags.iter().map(String::as_str));
    let serve = common::Serve::running(&args, file_limit);
    let (addr, path) = serve.first();
    (serve, Target::new(addr, path, policy))
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
    let (_serve, target) = serve(framework, policy, Some(FILE_LIMIT));
    let report = target.starvation(ATTACKERS);
    eprintln!("{framework}: {report:?}");
}

/// `signal` while a client holds `held` open: `serve` exits 0 within the shutdown deadline and
/// says `stopped`.
fn stopped_by(framework: &str, signal: &'static str) {
    for held in [HeldOpen::HalfSentRequest, HeldOpen::Http2Preface] {
        let (serve, target) = serve(framework, attacks::shutdown_policy(), None);
        let status = Arc::new(Mutex::new(None));
        let report = target.shutdown(held, serve.stopper(signal, &status));
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
