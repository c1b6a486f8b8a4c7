//! Hostile requests over TCP against `oidc_discovery_axum::serve` (`oidc_discovery_wire`):
//! absurd `If-None-Match` values, unusual methods, odd paths and framing tricks get the core's
//! answers or hyper's refusals, never a 5xx, and nothing panics.

mod common;

use oidc_discovery_http::conformance;
use oidc_discovery_wire as wire;

#[test]
fn hostile_requests_get_the_contract_or_a_refusal() {
    for endpoint in conformance::fixtures() {
        let server = common::Server::start(endpoint.clone());
        let report = wire::abuse(server.addr, &endpoint);
        eprintln!("axum: {report:?}");
    }
}
