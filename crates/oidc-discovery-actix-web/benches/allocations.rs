//! Heap allocations per request of the actix-web adapter against the static-bytes handler,
//! counted with `dhat` over 1000 requests per case (after 100 warm-up requests). Run with
//! `cargo bench -p oidc-discovery-actix-web --bench allocations`; see
//! `docs/benchmarks-serving.md`.

use std::hint::black_box;

use actix_web::test;

mod common;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

const REQUESTS: u64 = 1000;

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let system = actix_web::rt::System::new();
    let fixture = common::Fixture::new();
    let mut counts = Vec::new();
    for name in common::CASES {
        let (blocks, bytes) = system.block_on(async {
            let app = fixture.app(name).await;
            for _ in 0..100 {
                let response = test::call_service(&app, fixture.request(name)).await;
                assert_eq!(response.status(), common::Fixture::status(name), "{name}");
            }
            let requests: Vec<_> = (0..REQUESTS).map(|_| fixture.request(name)).collect();
            let before = dhat::HeapStats::get();
            for request in requests {
                black_box(test::call_service(&app, request).await);
            }
            let after = dhat::HeapStats::get();
            (
                after.total_blocks - before.total_blocks,
                after.total_bytes - before.total_bytes,
            )
        });
        counts.push((name, blocks, bytes));
    }
    print_report("actix-web", &counts);
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
