//! Every message the tool itself writes about a source it could not check or an option it
//! could not use reads as English, in both formats, through the library the binary runs.

use std::path::PathBuf;

use oidc_discovery_cli::{Io, Status, run};

struct Run {
    status: Status,
    out: String,
    err: String,
}

fn check(args: &[&str], stdin: &[u8]) -> Run {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run(
        ["oidc-discovery", "check"].iter().chain(args),
        &mut Io {
            stdin: &mut &stdin[..],
            stdout: &mut out,
            stderr: &mut err,
            colour_stdout: false,
            colour_stderr: false,
        },
    );
    Run {
        status,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}

fn scratch(name: &str) -> PathBuf {
    let directory = std::env::temp_dir().join(format!(
        "oidc-discovery-cli-messages-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).unwrap();
    directory
}

/// What a Rust value printed with `{:?}` would leave in a message.
fn assert_english(text: &str) {
    for debug in ["Some(", "None", "\\\"", "\\\\", "Error {", "Os {", "kind:"] {
        assert!(!text.contains(debug), "{debug} in {text}");
    }
}

#[test]
fn messages_about_sources_and_options_read_as_english() {
    let directory = scratch("all");
    let empty = directory.join("empty");
    std::fs::create_dir(&empty).unwrap();
    let no_keys = directory.join("no-keys.json");
    std::fs::write(&no_keys, r#"{"keys": []}"#).unwrap();
    let (empty, no_keys) = (empty.to_str().unwrap(), no_keys.to_str().unwrap());
    let missing = "/nonexistent/provider.json";
    let large = vec![b' '; 1024 * 1024 + 1];
    // A port nothing listens on: bound, then released.
    let refused = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port())
    };
    let cases: [(&[&str], &[u8], &str); 7] = [
        (&[missing], b"", "cannot check /nonexistent/provider.json: "),
        (
            &["-", "-"],
            b"{}",
            "cannot check standard input: standard input can be checked only once per call",
        ),
        (&[empty], b"", "the directory has no *.json file"),
        (
            &["-"],
            &large,
            "cannot check standard input: it is larger than 1024 KiB",
        ),
        (&["https://"], b"", "cannot check https://: "),
        (
            &[refused.as_str()],
            b"",
            "cannot connect to http://127.0.0.1:",
        ),
        (
            &["--trust-jwks", no_keys, "-"],
            b"{}",
            "cannot use the trusted JWK Set",
        ),
    ];
    for (args, stdin, expected) in cases {
        for format in ["text", "json"] {
            let run = check(&[&["--format", format][..], args].concat(), stdin);
            assert_eq!(run.status, Status::Failure, "{args:?}: {}", run.err);
            assert!(run.err.contains(expected), "{args:?}: {}", run.err);
            assert!(run.err.starts_with("error: "), "{args:?}: {}", run.err);
            assert_english(&run.err);
            assert_english(&run.out);
        }
    }
    let run = check(&["--trust-jwks", "/nonexistent/keys.json", "-"], b"{}");
    assert_eq!(run.status, Status::Failure);
    assert!(
        run.err
            .starts_with("error: cannot use the trusted JWK Set /nonexistent/keys.json: "),
        "{}",
        run.err
    );
    assert_english(&run.err);
    std::fs::remove_dir_all(directory).unwrap();
}
