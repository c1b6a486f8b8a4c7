//! The peak heap of `check` (text and JSON) and of `serve --metadata` on the largest documents
//! the tool accepts (1 MiB) stays far below 64 MiB, whatever the document holds: half a
//! million problems, a value repeated 262,000 times, a megabyte-long string or line.
//!
//! A single test in its own binary, because the counting allocator sees every thread. Each
//! case runs `oidc_discovery_cli::run` in process under a profiler of its own.

use std::path::PathBuf;

use oidc_discovery_cli::{Io, Status, run};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

const MIB: usize = 1024 * 1024;

/// The most heap a case may use at its peak: the process adds its code, stacks and the
/// allocator's own overhead (about 10 MiB for `serve`) and stays under 64 MiB resident.
const ALLOWED: usize = 32 * MIB;

/// `{prefix}{item},{item}…{suffix}`, just under 1 MiB.
fn document(prefix: &str, item: &str, suffix: &str) -> Vec<u8> {
    let mut text = String::with_capacity(MIB);
    text.push_str(prefix);
    text.push_str(item);
    while text.len() + 1 + item.len() + suffix.len() <= MIB {
        text.push(',');
        text.push_str(item);
    }
    text.push_str(suffix);
    text.into_bytes()
}

/// Runs the command line in process with its output in memory, and returns the status, the
/// size of the output and the peak heap of the run.
fn measure(args: &[&str]) -> (Status, usize, usize) {
    let profiler = dhat::Profiler::builder().testing().build();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let status = run(
        std::iter::once("oidc-discovery").chain(args.iter().copied()),
        &mut Io {
            stdin: &mut &b""[..],
            stdout: &mut stdout,
            stderr: &mut stderr,
            colour_stdout: false,
            colour_stderr: false,
        },
    );
    let peak = dhat::HeapStats::get().max_bytes;
    drop(profiler);
    (status, stdout.len() + stderr.len(), peak)
}

#[test]
fn check_and_serve_stay_small_on_the_largest_documents() {
    let valid = r#"{"issuer": "https://a.example", "authorization_endpoint": "https://a.example/a",
        "token_endpoint": "https://a.example/t", "jwks_uri": "https://a.example/j",
        "response_types_supported": ["code"], "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["ES256"], "#;
    // (what, document, the most output allowed: a few KiB, unless the document has a value
    // that long for a message to quote).
    let unregistered = {
        let mut text = String::from(r#"{"grant_types_supported": ["g0""#);
        let mut index = 1;
        while text.len() < MIB - 16 {
            text.push_str(&format!(r#","g{index}""#));
            index += 1;
        }
        text.push_str("]}");
        text.into_bytes()
    };
    let cases: [(&str, Vec<u8>, usize); 5] = [
        (
            "524,000 numbers in response_types_supported",
            document(r#"{"response_types_supported": ["#, "1", "]}"),
            16 * 1024,
        ),
        (
            "a valid document repeating one value 262,000 times",
            document(&format!(r#"{valid}"claims_supported": ["#), r#""a""#, "]}"),
            16 * 1024,
        ),
        (
            "a 1 MiB issuer, quoted by its problems",
            format!(
                r#"{{"issuer": "http://a.example/{}"}}"#,
                "a".repeat(MIB - 64)
            )
            .into_bytes(),
            MIB + 16 * 1024,
        ),
        (
            "1 MiB of `[` on one line (a syntax error with an excerpt)",
            format!(r#"{{"x": {}"#, "[".repeat(MIB - 16)).into_bytes(),
            16 * 1024,
        ),
        (
            "100,000 distinct unregistered values",
            unregistered,
            16 * 1024,
        ),
    ];
    let path: PathBuf = std::env::temp_dir().join(format!(
        "oidc-discovery-cli-memory-{}.json",
        std::process::id()
    ));
    let file = path.to_str().unwrap();
    let mut failures = Vec::new();
    for (what, bytes, most_output) in cases {
        assert!(bytes.len() <= MIB, "{what}: {} bytes", bytes.len());
        std::fs::write(&path, &bytes).unwrap();
        drop(bytes);
        for args in [
            vec!["check", file],
            vec!["check", "--format", "json", file],
            vec!["check", "--profile", "fapi2", "--format", "json", file],
            // Refused or served: either way the document is read, validated and reported
            // (a valid one is then served; that is measured as a process in `bounds.rs`).
            vec!["serve", "--listen", "127.0.0.1:0", "--metadata", file],
        ] {
            if args[0] == "serve" && what.starts_with("a valid") {
                continue;
            }
            let (status, output, peak) = measure(&args);
            eprintln!(
                "{what}: {args:?}: {status:?}, {output} bytes of output, peak heap {peak} bytes"
            );
            assert_ne!(
                status,
                Status::Failure,
                "{what}: {args:?}: the tool could not run"
            );
            if peak > ALLOWED {
                failures.push(format!("{what}: {args:?}: peak heap {peak} bytes"));
            }
            if output > most_output {
                failures.push(format!("{what}: {args:?}: {output} bytes of output"));
            }
        }
    }
    let _ = std::fs::remove_file(&path);
    assert!(
        failures.is_empty(),
        "more than {ALLOWED} bytes: {failures:#?}"
    );
}
