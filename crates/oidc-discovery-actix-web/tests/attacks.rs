//! The attacks of `oidc_discovery_wire::attacks` against a real `HttpServer` started with a short
//! `ConnectionPolicy`: idle and slowloris connections are closed in time, pipelining without
//! reading stays under the memory bound (live heap counted by this binary's global allocator),
//! idle attackers beyond the connection cap do not starve a good client, HTTP/2 prior knowledge
//! is refused, and a graceful shutdown ends in time whatever a client holds open.

mod common;

use oidc_discovery_http::{ConnectionPolicy, conformance};
use oidc_discovery_wire::attacks::{self, HeldOpen, Target};

#[global_allocator]
static ALLOCATOR: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

const FRAMEWORK: &str = "actix-web";

fn start(policy: ConnectionPolicy) -> (common::Server, Target) {
    let endpoint = conformance::fixtures().remove(1);
    let path = endpoint.routes()[0].path.clone();
    let server = common::Server::with_policy(endpoint, &policy);
    let target = Target::new(server.addr, path, policy);
    (server, target)
}

#[test]
fn idle_connections_are_closed_in_time() {
    let (_server, target) = start(attacks::short_policy());
    eprintln!("{FRAMEWORK}: {:?}", target.idle());
}

#[test]
fn slowloris_is_closed_in_time() {
    let (_server, target) = start(attacks::short_policy());
    eprintln!("{FRAMEWORK}: {:?}", target.slowloris());
}

#[test]
fn pipelining_without_reading_stays_under_the_memory_bound() {
    let (_server, target) = start(attacks::short_policy());
    eprintln!(
        "{FRAMEWORK}: {:?}",
        target.pipelining(&|| ALLOCATOR.allocated())
    );
}

#[test]
fn idle_attackers_beyond_the_cap_do_not_starve_a_good_client() {
    let policy = attacks::short_policy();
    let attackers = policy.connection_cap() * 3 / 2;
    let (_server, target) = start(policy);
    eprintln!("{FRAMEWORK}: {:?}", target.starvation(attackers));
}

#[test]
fn http2_prior_knowledge_is_refused() {
    let (_server, target) = start(attacks::short_policy());
    eprintln!("{FRAMEWORK}: {:?}", target.http2_prior_knowledge());
}

fn shutdown_with(held: HeldOpen) {
    let (server, target) = start(attacks::shutdown_policy());
    eprintln!(
        "{FRAMEWORK}: {:?}",
        target.shutdown(held, move || drop(server))
    );
}

#[test]
fn shutdown_ends_in_time_with_a_half_sent_request() {
    shutdown_with(HeldOpen::HalfSentRequest);
}

#[test]
fn shutdown_ends_in_time_with_an_http2_preface() {
    shutdown_with(HeldOpen::Http2Preface);
}

#[test]
fn shutdown_ends_in_time_with_unread_responses() {
    shutdown_with(HeldOpen::UnreadResponses);
}
