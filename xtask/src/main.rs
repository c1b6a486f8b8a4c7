//! Project automation for oidc-discovery.

fn main() {}
