//! Peak heap of parsing the 1 MiB synthetic document, relative to its size, counted by dhat's
//! global allocator (this binary only).
//!
//! dhat's peak (`max_bytes`) only grows, so each case runs in a child process of this binary
//! (`OIDC_DISCOVERY_BENCH_MEMORY_CASE`) that prints its peak. The document is made before the
//! profiler starts, so the peak counts what the measured call allocates, not the input.
//! Written to `<target>/oidc-discovery-bench/memory.json` for `cargo xtask bench`.

use std::hint::black_box;
use std::process::Command;

use oidc_discovery_bench::{output_dir, synthetic_document};
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Options, Profile, validate_json};
use serde_json::{Value, json};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

const CASE: &str = "OIDC_DISCOVERY_BENCH_MEMORY_CASE";
const CASES: [&str; 3] = ["value", "typed", "parse_validate"];
const SIZE: usize = 1 << 20;

/// In a child: runs one case and prints the peak heap in bytes.
fn child(case: &str) {
    let document = synthetic_document(SIZE);
    let options = Options::default();
    let profiler = dhat::Profiler::builder().testing().build();
    match case {
        "value" => drop(black_box(serde_json::from_slice::<Value>(&document))),
        "typed" => drop(black_box(ProviderMetadata::from_json_slice(&document))),
        "parse_validate" => drop(black_box(validate_json(&document, Profile::Oidc, &options))),
        other => panic!("unknown case {other}"),
    }
    let peak = dhat::HeapStats::get().max_bytes;
    drop(profiler);
    println!("{peak}");
}

fn main() {
    if let Ok(case) = std::env::var(CASE) {
        child(&case);
        return;
    }
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if !filters.is_empty() && !filters.iter().any(|f| "memory".contains(f.as_str())) {
        return;
    }
    let size = synthetic_document(SIZE).len();
    let exe = std::env::current_exe().expect("current executable");
    let mut result = serde_json::Map::new();
    result.insert("document_bytes".to_owned(), json!(size));
    for case in CASES {
        let output = Command::new(&exe)
            .env(CASE, case)
            .output()
            .expect("run the child");
        assert!(
            output.status.success(),
            "{case}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let peak: u64 = String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .expect("peak bytes");
        eprintln!(
            "memory/{case}: peak heap {peak} B for a {size} B document = {:.2}× its size",
            peak as f64 / size as f64
        );
        result.insert(format!("{case}_peak_bytes"), json!(peak));
    }
    let dir = output_dir();
    std::fs::create_dir_all(&dir).expect("create the output directory");
    let path = dir.join("memory.json");
    let text = serde_json::to_string_pretty(&result).expect("serialize");
    std::fs::write(&path, text).expect("write memory.json");
    eprintln!("wrote {}", path.display());
}
