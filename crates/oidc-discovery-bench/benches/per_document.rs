//! Per-document timings, for the targets stated per document ("median over the corpus",
//! "faster than openidconnect on every document both can parse"), which would take criterion
//! too long to run for 84 documents × 4 functions.
//!
//! For each corpus document, each function runs in rounds of about 4 ms, the functions
//! interleaved round by round (so a burst of load from other processes hits all of them);
//! the result is the median over 7 rounds of the time per call. Written to
//! `<target>/oidc-discovery-bench/per_document.json` for `cargo xtask bench`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use oidc_discovery_bench::{corpus, output_dir};
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Options, Profile, validate_json};
use openidconnect::core::CoreProviderMetadata;
use serde_json::{Value, json};

const ROUNDS: usize = 7;
const ROUND: Duration = Duration::from_millis(4);

/// Calls per round so that a round takes about [`ROUND`].
fn calibrate(f: &dyn Fn()) -> u64 {
    let mut calls = 1_u64;
    loop {
        let start = Instant::now();
        for _ in 0..calls {
            f();
        }
        let elapsed = start.elapsed();
        if elapsed >= ROUND / 4 {
            let per_call = elapsed.as_nanos() as f64 / calls as f64;
            return ((ROUND.as_nanos() as f64 / per_call) as u64).max(1);
        }
        calls *= 2;
    }
}

/// The median over [`ROUNDS`] of nanoseconds per call, for each function, interleaved.
fn measure(functions: &[&dyn Fn()]) -> Vec<f64> {
    let calls: Vec<u64> = functions.iter().map(|f| calibrate(*f)).collect();
    let mut samples = vec![Vec::with_capacity(ROUNDS); functions.len()];
    for _ in 0..ROUNDS {
        for (i, f) in functions.iter().enumerate() {
            let start = Instant::now();
            for _ in 0..calls[i] {
                f();
            }
            samples[i].push(start.elapsed().as_nanos() as f64 / calls[i] as f64);
        }
    }
    samples
        .into_iter()
        .map(|mut s| {
            s.sort_by(f64::total_cmp);
            s[ROUNDS / 2]
        })
        .collect()
}

fn main() {
    // `cargo bench -- FILTER` passes FILTER to every bench target: run only when it would
    // match this one's name (or there is none).
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if !filters.is_empty() && !filters.iter().any(|f| "per_document".contains(f.as_str())) {
        return;
    }
    let options = Options::default();
    let mut rows = Vec::new();
    let documents = corpus();
    // The first document is measured twice and its first measurement dropped: a process's
    // first rounds run cold (caches, allocator, CPU clock), and the first row came out up to
    // 1.7× slower than the same document measured again.
    for (index, document) in documents.first().into_iter().chain(&documents).enumerate() {
        let bytes = document.bytes.as_slice();
        let value = || {
            black_box(serde_json::from_slice::<Value>(black_box(bytes)).ok());
        };
        let typed = || {
            black_box(ProviderMetadata::from_json_slice(black_box(bytes)).ok());
        };
        let parse_validate = || {
            black_box(validate_json(black_box(bytes), Profile::Oidc, &options));
        };
        let openidconnect = || {
            black_box(serde_json::from_slice::<CoreProviderMetadata>(black_box(bytes)).ok());
        };
        let oidc_error = serde_json::from_slice::<CoreProviderMetadata>(bytes)
            .err()
            .map(|e| e.to_string());
        let mut functions: Vec<&dyn Fn()> = vec![&value, &typed, &parse_validate];
        if oidc_error.is_none() {
            functions.push(&openidconnect);
        }
        let ns = measure(&functions);
        if index == 0 {
            continue;
        }
        eprintln!(
            "{:<60} {:>6} B  value {:>8.0} ns  typed {:>5.2}×  parse+validate {:>5.2}×  openidconnect {}",
            document.name,
            bytes.len(),
            ns[0],
            ns[1] / ns[0],
            ns[2] / ns[0],
            ns.get(3)
                .map_or_else(|| "-".to_owned(), |o| format!("{:.2}×", o / ns[0]))
        );
        rows.push(json!({
            "name": document.name,
            "bytes": bytes.len(),
            "value_ns": ns[0],
            "typed_ns": ns[1],
            "parse_validate_ns": ns[2],
            "openidconnect_ns": ns.get(3),
            "openidconnect_error": oidc_error,
        }));
    }
    let dir = output_dir();
    std::fs::create_dir_all(&dir).expect("create the output directory");
    let path = dir.join("per_document.json");
    let text = serde_json::to_string_pretty(&rows).expect("serialize");
    std::fs::write(&path, text).expect("write per_document.json");
    eprintln!("wrote {}", path.display());
}
