//! `oidc-discovery check -` on arbitrary standard input: the CLI library's `run`, exactly as the
//! binary calls it, under every profile, in JSON and in text, with and without colour.
//!
//! Invariants: nothing panics; the exit status is 0 or 1 (a document, however broken, is
//! readable); the JSON report is one line of JSON whose `valid` agrees with the exit status and
//! whose `source` is `-`; the text report ends with the summary line naming standard input and
//! agrees with the exit status; nothing goes to standard error. Excerpts at positions near the
//! parser's, which the parser itself never reports, are built or refused, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use oidc_discovery_cli::{Io, Status, run, source_excerpt};
use oidc_discovery_metadata::ProviderMetadata;

/// Runs `oidc-discovery check --profile PROFILE --format FORMAT -` on `stdin`.
fn check(profile: &str, format: &str, stdin: &[u8], colour: bool) -> (Status, String) {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let status = run(
        ["oidc-discovery", "check", "--profile", profile, "--format", format, "-"],
        &mut Io {
            stdin: &mut &stdin[..],
            stdout: &mut stdout,
            stderr: &mut stderr,
            colour_stdout: colour,
            colour_stderr: colour,
        },
    );
    assert!(stderr.is_empty(), "{}", String::from_utf8_lossy(&stderr));
    (status, String::from_utf8(stdout).expect("the output is UTF-8"))
}

fuzz_target!(|bytes: &[u8]| {
    if bytes.len() > 1024 * 1024 {
        return;
    }
    for profile in ["oauth", "oidc", "fapi2"] {
        let (status, json) = check(profile, "json", bytes, false);
        assert!(matches!(status, Status::Success | Status::Invalid), "{status:?}");
        assert!(
            json.ends_with('\n') && json.matches('\n').count() == 1,
            "{json}"
        );
        let value: serde_json::Value = serde_json::from_str(&json).expect("the JSON report parses");
        assert_eq!(value["valid"], status == Status::Success);
        assert_eq!(value["source"], "-");
        assert_eq!(value["profile"], profile);

        for colour in [false, true] {
            let (text_status, text) = check(profile, "text", bytes, colour);
            assert_eq!(text_status, status);
            assert!(text.ends_with("— standard input\n"), "{text}");
        }
    }
    // Excerpts around the reported position, and at the corners of the input.
    if let Err(error) = ProviderMetadata::from_json_slice(bytes) {
        let (line, column) = (error.line(), error.column());
        for (line, column) in [
            (line, column),
            (line, column.saturating_sub(1)),
            (line, column + 1),
            (line, column + 200),
            (line + 1, column),
            (1, bytes.len()),
            (1, bytes.len() + 1),
            (usize::MAX, usize::MAX),
        ] {
            let _ = source_excerpt(bytes, line, column);
        }
    }
});
