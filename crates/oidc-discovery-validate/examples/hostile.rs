//! Measures parsing and validating hostile documents: time per profile, problems, and the
//! process's peak resident memory, one case per child process (so that each peak is its own).
//!
//! ```sh
//! cargo run --release -p oidc-discovery-validate --example hostile
//! ```
//!
//! Prints the Markdown table of `docs/robustness.md` (Linux: the peak is `VmHWM` from
//! `/proc/self/status`).

use std::process::Command;
use std::time::{Duration, Instant};

use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Options, Profile, validate_json};

/// `{prefix}{item},{item},…{suffix}` with `n` items.
fn list(prefix: &str, item: &str, n: usize, suffix: &str) -> Vec<u8> {
    let mut text = String::with_capacity(prefix.len() + (item.len() + 1) * n + suffix.len());
    text.push_str(prefix);
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        text.push_str(item);
    }
    text.push_str(suffix);
    text.into_bytes()
}

/// Builds one document.
type Build = Box<dyn Fn() -> Vec<u8>>;

/// Each case: its name and the document.
fn cases() -> Vec<(&'static str, Build)> {
    const MIB: usize = 1024 * 1024;
    let name = || "n".repeat(64 * 1024);
    vec![
        ("100,000 `[`", Box::new(|| "[".repeat(100_000).into_bytes())),
        (
            "100,000 `[` in a member",
            Box::new(|| format!("{{\"x\":{}", "[".repeat(100_000)).into_bytes()),
        ),
        (
            "100,000 nested objects",
            Box::new(|| "{\"a\":".repeat(100_000).into_bytes()),
        ),
        (
            "`1e400` in a member",
            Box::new(|| b"{\"version\": 1e400}".to_vec()),
        ),
        (
            "a 400-digit integer",
            Box::new(|| format!("{{\"version\": {}}}", "9".repeat(400)).into_bytes()),
        ),
        (
            "a lone surrogate `\"\\ud800\"`",
            Box::new(|| br#"{"issuer": "\ud800"}"#.to_vec()),
        ),
        (
            "NUL bytes, raw and escaped",
            Box::new(|| b"{\"x\": \"\\u0000\", \"y\": \"a\x00\"}".to_vec()),
        ),
        (
            "invalid UTF-8",
            Box::new(|| b"{\"x\": \"\xc0\xaf\"}".to_vec()),
        ),
        (
            "two byte-order marks",
            Box::new(|| b"\xef\xbb\xbf\xef\xbb\xbf{}".to_vec()),
        ),
        (
            "a 64 KiB member name, twice",
            Box::new(move || {
                let name = name();
                format!("{{\"{name}\": 1, \"{name}\": 2}}").into_bytes()
            }),
        ),
        (
            "a 64 KiB issuer host",
            Box::new(move || {
                format!("{{\"issuer\": \"https://{}.example\"}}", name()).into_bytes()
            }),
        ),
        (
            "100,000 duplicate members",
            Box::new(|| list("{", "\"issuer\":\"https://a.example\"", 100_000, "}")),
        ),
        (
            "1,000,000 numbers in an unknown member",
            Box::new(|| list("{\"x\":[", "0", 1_000_000, "]}")),
        ),
        (
            "1,000,000 × `\"a\"` in `scopes_supported`",
            Box::new(|| list("{\"scopes_supported\":[", "\"a\"", 1_000_000, "]}")),
        ),
        (
            "1,000,000 numbers in `response_types_supported`",
            Box::new(|| list("{\"response_types_supported\":[", "1", 1_000_000, "]}")),
        ),
        (
            "1 MiB of numbers in `scopes_supported` (the client's and CLI's limit)",
            Box::new(|| list("{\"scopes_supported\":[", "1", MIB / 2 - 16, "]}")),
        ),
    ]
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
}

fn millis(duration: Duration) -> String {
    format!("{:.1}", duration.as_secs_f64() * 1000.0)
}

/// Runs one case and prints one table row.
fn measure(index: usize) {
    let (what, build) = &cases()[index];
    let bytes = build();
    let start = Instant::now();
    let parsed = ProviderMetadata::from_json_slice(&bytes);
    let parse = start.elapsed();
    let mut times = Vec::new();
    let mut outcome = String::new();
    for profile in Profile::PROVIDER {
        let start = Instant::now();
        let checked = validate_json(&bytes, profile, &Options::default());
        times.push(millis(start.elapsed()));
        if profile == Profile::Oidc {
            outcome = match &parsed {
                Err(error) => format!("`json-syntax`: {}", error.message()),
                Ok(_) => format!(
                    "{} problems, {} listed",
                    checked
                        .report
                        .problems
                        .iter()
                        .map(|p| p.count())
                        .sum::<usize>(),
                    checked.report.problems.len()
                ),
            };
        }
    }
    println!(
        "| {what} | {} | {} | {} | {outcome} | {} |",
        bytes.len(),
        millis(parse),
        times.join(" / "),
        peak_rss_kib().map_or_else(|| "?".to_owned(), |kib| format!("{} MiB", kib / 1024)),
    );
}

fn main() {
    if let Some(index) = std::env::args().nth(1).and_then(|arg| arg.parse().ok()) {
        measure(index);
        return;
    }
    println!(
        "| Document | Bytes | Parse (ms) | validate_json oauth / oidc / fapi2 (ms) | Outcome (oidc) | Peak RSS |"
    );
    println!("|---|---:|---:|---|---|---:|");
    let exe = std::env::current_exe().expect("the example's path");
    for index in 0..cases().len() {
        let status = Command::new(&exe)
            .arg(index.to_string())
            .status()
            .expect("the example runs itself");
        assert!(status.success(), "case {index} failed");
    }
}
