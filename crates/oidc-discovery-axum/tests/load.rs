//! 10,000 requests over 64 keep-alive connections to `oidc_discovery_axum::serve`: every answer
//! right, and no growth of the live heap, counted by the global allocator of this test binary
//! (which holds this one test, so that nothing else allocates meanwhile).

mod common;

use oidc_discovery_http::conformance;
use oidc_discovery_wire as wire;

#[global_allocator]
static ALLOCATOR: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

#[test]
fn serving_under_load_does_not_grow_memory() {
    let endpoint = conformance::fixtures().remove(1);
    let server = common::Server::start(endpoint.clone());
    let report = wire::load_without_leaks(server.addr, &endpoint, &|| ALLOCATOR.allocated());
    eprintln!("axum: {report:?}");
}
