//! The attacks of `oidc_discovery_wire::attacks` against the adapter's server (`oidc_discovery_warp::serve`)
//! started with a short `ConnectionPolicy`: idle and slowloris connections are closed in time,
//! pipelining without reading stays under the memory bound (live heap counted by this binary's
//! global allocator), idle attackers beyond the connection cap do not starve a good client,
//! HTTP/2 prior knowledge is refused, and a graceful shutdown ends in time whatever a client
//! holds open. The tests themselves are written once, in `oidc_discovery_wire::attack_tests!`.

mod common;

#[global_allocator]
static ALLOCATOR: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

oidc_discovery_wire::attack_tests! {
    framework: "warp",
    allocator: ALLOCATOR,
    start: |endpoint, policy| {
        let server = common::Server::with_policy(endpoint, policy.clone());
        let addr = server.addr;
        (server, addr)
    },
}
