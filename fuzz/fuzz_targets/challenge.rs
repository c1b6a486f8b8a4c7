//! Arbitrary bytes as `WWW-Authenticate` field lines (split at line feeds; the first byte picks
//! strict or lenient mode): parse, find the metadata URL, read the Bearer parameters.
//!
//! Invariants: nothing panics; every error and warning points inside the input, names its
//! rule and an RFC, and holds no character a terminal obeys; a challenge read (with UTF-8
//! values) is written by `Display` as text that parses back to the same challenge; a
//! `resource_metadata` URL returned is absolute and https, or http on a loopback host.

#![no_main]

use libfuzzer_sys::fuzz_target;
use oidc_discovery_validate::challenge::{self, Diagnostic, Mode, ParseOptions};
use oidc_discovery_validate::is_hidden;

fn check(diagnostic: &Diagnostic, lines: usize) {
    assert!((1..=lines).contains(&diagnostic.line()), "{diagnostic}");
    assert!(diagnostic.column() >= 1, "{diagnostic}");
    let text = diagnostic.to_string();
    assert!(!text.chars().any(is_hidden), "{text}");
    assert!(
        text.contains(diagnostic.rule()) && text.contains("RFC"),
        "{text}"
    );
}

fuzz_target!(|bytes: &[u8]| {
    let Some((&mode, rest)) = bytes.split_first() else {
        return;
    };
    let mode = if mode & 1 == 0 {
        Mode::Strict
    } else {
        Mode::Lenient
    };
    let lines: Vec<&[u8]> = rest.split(|&b| b == b'\n').collect();
    let options = ParseOptions {
        mode,
        ..ParseOptions::default()
    };
    let parsed = challenge::parse_with(&lines, &options);
    for diagnostic in parsed.errors().chain(parsed.warnings()) {
        check(diagnostic, lines.len());
    }
    for scheme in ["Bearer", "DPoP"] {
        match parsed.resource_metadata_for(scheme) {
            Ok(Some(found)) => {
                let url = found.url();
                assert!(url.scheme() == "https" || url.scheme() == "http", "{url}");
                for warning in found.warnings() {
                    check(warning, lines.len());
                }
            }
            Ok(None) => {}
            Err(error) => check(&error, lines.len()),
        }
    }
    if let Some(bearer) = parsed.bearer_params() {
        for warning in bearer.warnings() {
            check(warning, lines.len());
        }
        let _ = (bearer.scopes(), bearer.error().map(|error| error.status()));
    }
    for read in parsed.challenges() {
        if read
            .params()
            .iter()
            .any(|param| param.value().as_bytes() != param.value_bytes())
        {
            continue; // not UTF-8: `Display` writes U+FFFD
        }
        let written = read.to_string();
        let again = challenge::parse([&written]);
        let back: Vec<_> = again.challenges().collect();
        assert_eq!(again.entries().len(), 1, "{written}");
        assert_eq!(back.len(), 1, "{written}");
        assert_eq!(back[0].scheme(), read.scheme(), "{written}");
        assert_eq!(back[0].token68(), read.token68(), "{written}");
        let params = |c: &challenge::Challenge| -> Vec<(String, Vec<u8>)> {
            c.params()
                .iter()
                .map(|param| (param.name().to_owned(), param.value_bytes().to_vec()))
                .collect()
        };
        assert_eq!(params(back[0]), params(read), "{written}");
    }
});
