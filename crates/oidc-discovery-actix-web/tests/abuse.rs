//! Hostile requests over TCP against a real `HttpServer`, and against the adapter's own
//! `server` under the default `ConnectionPolicy` (`oidc_discovery_wire`): absurd `If-None-Match` values, unusual methods,
//! odd paths and framing tricks get the core's answers or actix's refusals, never a 5xx, and
//! nothing panics.

mod common;

use oidc_discovery_http::{ConnectionPolicy, conformance};
use oidc_discovery_wire as wire;

#[test]
fn hostile_requests_get_the_contract_or_a_refusal() {
    for endpoint in conformance::fixtures() {
        let server = common::Server::start(endpoint.clone());
        let report = wire::abuse(server.addr, &endpoint);
        eprintln!("actix-web: {report:?}");
        drop(server);
        let server = common::Server::with_policy(endpoint.clone(), &ConnectionPolicy::default());
        let report = wire::abuse(server.addr, &endpoint);
        eprintln!("actix-web under the policy: {report:?}");
    }
}
