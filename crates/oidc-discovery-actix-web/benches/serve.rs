//! In-process serving benchmark of the actix-web adapter (`serve-actix-web`): a `GET` of the
//! document through a `DiscoveryService`, against a route of the same path whose handler
//! returns the same static bytes (`static-200`) or a bare `304` (`static-304`).
//!
//! Each application is built once with `actix_web::test::init_service`; requests are built
//! outside the timed loop and sent with `test::call_service` in one actix system. See
//! `docs/benchmarks-serving.md`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use actix_web::test;
use criterion::Criterion;

mod common;

fn serve(c: &mut Criterion) {
    let system = actix_web::rt::System::new();
    let fixture = common::Fixture::new();
    let mut group = c.benchmark_group("serve-actix-web");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    for name in common::CASES {
        let app = system.block_on(fixture.app(name));
        let response = system.block_on(test::call_service(&app, fixture.request(name)));
        assert_eq!(response.status(), common::Fixture::status(name), "{name}");
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let requests: Vec<_> = (0..iters).map(|_| fixture.request(name)).collect();
                system.block_on(async {
                    let start = Instant::now();
                    for request in requests {
                        black_box(test::call_service(&app, request).await);
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
