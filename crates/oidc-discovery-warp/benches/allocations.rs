//! Heap allocations per request of the warp adapter against the static-bytes handler, counted
//! with `dhat` over 1000 requests per case (after 100 warm-up requests). Run with
//! `cargo bench -p oidc-discovery-warp --bench allocations`; see `docs/benchmarks-serving.md`.

use std::hint::black_box;

use http::StatusCode;
use tokio::runtime::Runtime;

mod common;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

const REQUESTS: u64 = 1000;

/// Allocated blocks and bytes over `REQUESTS` requests to `app`.
fn count(
    runtime: &Runtime,
    fixture: &common::Fixture,
    mut app: impl common::App,
    conditional: bool,
    status: StatusCode,
) -> (u64, u64) {
    runtime.block_on(async {
        for _ in 0..100 {
            let response = app
                .call(fixture.request(conditional))
                .await
                .unwrap_or_else(|never| match never {});
            assert_eq!(response.status(), status);
        }
        let requests: Vec<_> = (0..REQUESTS)
            .map(|_| fixture.request(conditional))
            .collect();
        let before = dhat::HeapStats::get();
        for request in requests {
            black_box(
                app.call(request)
                    .await
                    .unwrap_or_else(|never| match never {}),
            );
        }
        let after = dhat::HeapStats::get();
        (
            after.total_blocks - before.total_blocks,
            after.total_bytes - before.total_bytes,
        )
    })
}

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    let fixture = common::Fixture::new();
    let (ok, not_modified) = (StatusCode::OK, StatusCode::NOT_MODIFIED);
    let counts = [
        (
            "static-200",
            count(&runtime, &fixture, fixture.static_200(), false, ok),
        ),
        (
            "adapter-200",
            count(&runtime, &fixture, fixture.adapter(), false, ok),
        ),
        (
            "static-304",
            count(&runtime, &fixture, fixture.static_304(), true, not_modified),
        ),
        (
            "adapter-304",
            count(&runtime, &fixture, fixture.adapter(), true, not_modified),
        ),
    ];
    let counts: Vec<_> = counts
        .iter()
        .map(|(name, (b, s))| (*name, *b, *s))
        .collect();
    print_report("warp", &counts);
}

/// Prints allocations (blocks and bytes) per request for each case, and the adapter's excess
/// over the static handler for 200 and 304.
fn print_report(framework: &str, counts: &[(&str, u64, u64)]) {
    let per_request = |name: &str| {
        let (_, blocks, bytes) = counts
            .iter()
            .find(|(case, ..)| *case == name)
            .expect("every case is measured");
        (
            *blocks as f64 / REQUESTS as f64,
            *bytes as f64 / REQUESTS as f64,
        )
    };
    for status in ["200", "304"] {
        let (static_blocks, static_bytes) = per_request(&format!("static-{status}"));
        let (adapter_blocks, adapter_bytes) = per_request(&format!("adapter-{status}"));
        println!(
            "allocations {framework} {status}: static {static_blocks:.2}/req ({static_bytes:.0} B), \
             adapter {adapter_blocks:.2}/req ({adapter_bytes:.0} B), beyond the framework {:+.2}/req ({:+.0} B)",
            adapter_blocks - static_blocks,
            adapter_bytes - static_bytes,
        );
    }
}
