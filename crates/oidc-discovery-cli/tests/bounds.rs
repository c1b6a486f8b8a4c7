//! What the tool reads and keeps is bounded: every file it reads (documents, `--metadata`,
//! `--trust-jwks`) stops at the same limit with the same message and exit status, and `serve`
//! runs a valid document of the largest size accepted in little memory.

use std::path::PathBuf;

use oidc_discovery_cli::{Io, Status, run};

mod common;

/// What every source larger than the limit is told, whatever flag names it.
const TOO_LARGE: &str = "it is larger than 1024 KiB, the most this tool reads from a file or \
                         standard input (the same limit as for URLs; real documents and key \
                         sets are a few KiB)";

/// Runs the command line in process: status, standard output, standard error.
fn cli(args: &[&str]) -> (Status, String, String) {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let status = run(
        std::iter::once("oidc-discovery").chain(args.iter().copied()),
        &mut Io {
            stdin: &mut &b"{}"[..],
            stdout: &mut stdout,
            stderr: &mut stderr,
            colour_stdout: false,
            colour_stderr: false,
        },
    );
    (
        status,
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

/// A scratch file of `bytes`, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, bytes: &[u8]) -> Self {
        let path = std::env::temp_dir().join(format!(
            "oidc-discovery-cli-bounds-{}-{name}",
            std::process::id()
        ));
        std::fs::write(&path, bytes).unwrap();
        Self(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A file of 2 MiB, and `/dev/zero` (endless): each flag that reads a file refuses both with
/// the same message and exit status 2, having read no more than the limit.
#[test]
fn every_file_the_tool_reads_is_bounded_alike() {
    // Valid JSON of 2 MiB, so that only its size can be refused.
    let mut large = br#"{"keys": [], "x": ""#.to_vec();
    large.resize(2 * 1024 * 1024, b'a');
    large.extend_from_slice(b"\"}");
    let large = Scratch::new("large.json", &large);
    let document = Scratch::new("document.json", b"{}");
    for file in [large.path(), "/dev/zero"] {
        for (args, says) in [
            (
                vec!["check", "--trust-jwks", file, document.path()],
                format!("error: cannot use the trusted JWK Set {file}: {TOO_LARGE}\n"),
            ),
            (
                vec!["serve", "--listen", "127.0.0.1:0", "--metadata", file],
                format!("error: cannot read {file}: {TOO_LARGE}\n"),
            ),
            (
                vec!["check", file],
                format!("error: cannot check {file}: {TOO_LARGE}\n"),
            ),
        ] {
            let (status, stdout, stderr) = cli(&args);
            assert_eq!(status, Status::Failure, "{args:?}: {stderr}");
            assert_eq!(status.code(), 2);
            assert_eq!(stderr, says, "{args:?}");
            assert!(stdout.is_empty(), "{args:?}: {stdout}");
        }
    }
}

/// The resident memory at its peak (`VmHWM`) of a process, in KiB.
fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|line| line.starts_with("VmHWM:"))
        .expect("a VmHWM line");
    line.trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .unwrap()
}

/// `serve --metadata` with a valid document of the largest size accepted, whose one list
/// repeats a value 262,000 times (a `duplicate-value` warning each): the server starts with its
/// report of a few lines and a peak resident size under 64 MiB.
#[test]
fn serving_the_largest_document_takes_little_memory() {
    let mut text = String::from(
        r#"{"issuer": "https://a.example", "authorization_endpoint": "https://a.example/a",
        "token_endpoint": "https://a.example/t", "jwks_uri": "https://a.example/j",
        "response_types_supported": ["code"], "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["ES256"], "claims_supported": ["sub""#,
    );
    while text.len() < 1024 * 1024 - 8 {
        text.push_str(r#","a""#);
    }
    text.push_str("]}");
    let document = Scratch::new("repeated.json", text.as_bytes());
    let serve = common::Serve::start(
        &["--listen", "127.0.0.1:0", "--metadata", document.path()],
        None,
    );
    let (peak, stderr) = match serve {
        Ok(serve) => (Some(peak_rss_kib(serve.pid)), serve.stderr()),
        Err(stopped) => (None, stopped.stderr),
    };
    assert!(peak.is_some(), "serve did not start: {stderr}");
    let peak = peak.unwrap();
    eprintln!("serve --metadata (1 MiB, 262,000 repeats): peak RSS {peak} KiB");
    assert!(peak < 64 * 1024, "peak RSS {peak} KiB");
    // The report: every warning counted, a few lines printed.
    assert!(stderr.contains("… and 262,"), "{stderr}");
    assert!(stderr.lines().count() < 20, "{stderr}");
}
