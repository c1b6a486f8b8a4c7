//! A fixed amount of work per function, for counting instructions with an instruction-level
//! profiler (timings on a shared machine are noise; instruction counts are not):
//!
//! ```text
//! cargo build --release -p oidc-discovery-bench --example instructions
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/instructions typed 10 [DOCUMENT]
//! ```
//!
//! The first argument is the function: `none` (only reads the corpus), `value`
//! (`serde_json::Value`), `typed` (`ProviderMetadata`), `validate` (parse and validate under
//! the `oidc` profile) or `openidconnect` (`CoreProviderMetadata`); the second how many times
//! each corpus document is processed; the optional third which documents: `all` (the default:
//! every corpus document that is a JSON object), `openidconnect` (those `openidconnect`
//! parses), or the file name of one document. The instructions of a function are the count of
//! a run minus the count of the `none` run with the same arguments.

use std::hint::black_box;

use oidc_discovery_bench::corpus;
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Options, Profile, validate_json};
use openidconnect::core::CoreProviderMetadata;
use serde_json::Value;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let function = args.first().map_or("typed", String::as_str);
    let times: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(10);
    let only = args.get(2).map_or("all", String::as_str);
    let options = Options::default();
    let documents: Vec<Vec<u8>> = corpus()
        .into_iter()
        .filter(|document| match only {
            "all" => true,
            "openidconnect" => {
                serde_json::from_slice::<CoreProviderMetadata>(&document.bytes).is_ok()
            }
            name => document.name.ends_with(name),
        })
        .map(|document| document.bytes)
        .collect();
    assert!(!documents.is_empty(), "no corpus document matches");
    for _ in 0..times {
        for bytes in &documents {
            let bytes = black_box(bytes.as_slice());
            match function {
                "none" => {}
                "value" => {
                    black_box(serde_json::from_slice::<Value>(bytes).ok());
                }
                "typed" => {
                    black_box(ProviderMetadata::from_json_slice(bytes).ok());
                }
                "validate" => {
                    black_box(validate_json(bytes, Profile::Oidc, &options));
                }
                "openidconnect" => {
                    black_box(serde_json::from_slice::<CoreProviderMetadata>(bytes).ok());
                }
                other => panic!("unknown function `{other}`"),
            }
        }
    }
    eprintln!("{function}: {} documents × {times}", documents.len());
}
