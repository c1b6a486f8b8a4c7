//! In-process serving benchmark of the warp adapter (`serve-warp`): a `GET` of the document
//! through the adapter's filter, against a route of the same path whose handler returns the
//! same static bytes (`static-200`) or a bare `304` (`static-304`).
//!
//! Each filter is turned once into the service `warp::serve` runs (`warp::service`); requests
//! are real `http::Request`s built outside the timed loop, sent with
//! `tower_service::Service::call` on a current-thread tokio runtime. See
//! `docs/benchmarks-serving.md`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion};
use http::StatusCode;
use tokio::runtime::Runtime;

mod common;

fn bench(
    group: &mut BenchmarkGroup<'_, WallTime>,
    runtime: &Runtime,
    fixture: &common::Fixture,
    name: &str,
    mut app: impl common::App,
    conditional: bool,
    status: StatusCode,
) {
    let response = runtime
        .block_on(app.call(fixture.request(conditional)))
        .unwrap_or_else(|never| match never {});
    assert_eq!(response.status(), status, "{name}");
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let requests: Vec<_> = (0..iters).map(|_| fixture.request(conditional)).collect();
            runtime.block_on(async {
                let start = Instant::now();
                for request in requests {
                    black_box(
                        app.call(request)
                            .await
                            .unwrap_or_else(|never| match never {}),
                    );
                }
                start.elapsed()
            })
        });
    });
}

fn serve(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    let fixture = common::Fixture::new();
    let mut group = c.benchmark_group("serve-warp");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    let (ok, not_modified) = (StatusCode::OK, StatusCode::NOT_MODIFIED);
    bench(
        &mut group,
        &runtime,
        &fixture,
        "static-200",
        fixture.static_200(),
        false,
        ok,
    );
    bench(
        &mut group,
        &runtime,
        &fixture,
        "adapter-200",
        fixture.adapter(),
        false,
        ok,
    );
    bench(
        &mut group,
        &runtime,
        &fixture,
        "static-304",
        fixture.static_304(),
        true,
        not_modified,
    );
    bench(
        &mut group,
        &runtime,
        &fixture,
        "adapter-304",
        fixture.adapter(),
        true,
        not_modified,
    );
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    serve(&mut criterion);
    criterion.final_summary();
}
