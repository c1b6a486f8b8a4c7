//! In-process serving benchmark of the axum adapter (`serve-axum`): a `GET` of the document
//! through the adapter's router, against a route of the same path whose handler returns the
//! same static bytes (`static-200`) or a bare `304` (`static-304`).
//!
//! Requests are built outside the timed loop; each is sent with `oneshot` on a clone of the
//! pre-built `Router`, on a current-thread tokio runtime. See `docs/benchmarks-serving.md`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use tower::ServiceExt as _;

mod common;

fn serve(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    let (cases, etag) = common::cases();
    let mut group = c.benchmark_group("serve-axum");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    for case in &cases {
        let response = runtime
            .block_on(
                case.app
                    .clone()
                    .oneshot(common::request(case.conditional, &etag)),
            )
            .expect("infallible");
        assert_eq!(response.status(), case.status, "{}", case.name);
        group.bench_function(case.name, |b| {
            b.iter_custom(|iters| {
                let requests: Vec<_> = (0..iters)
                    .map(|_| common::request(case.conditional, &etag))
                    .collect();
                runtime.block_on(async {
                    let start = Instant::now();
                    for request in requests {
                        black_box(case.app.clone().oneshot(request).await.expect("infallible"));
                    }
                    start.elapsed()
                })
            });
        });
    }
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    serve(&mut criterion);
    criterion.final_summary();
}
