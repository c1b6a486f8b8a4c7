//! What the fetch tests read from a refused discovery.

use oidc_discovery_client::DiscoveryError;
use oidc_discovery_validate::Report;

/// The report of a `DiscoveryError::Invalid`.
pub(crate) fn invalid_report(result: Result<impl std::fmt::Debug, DiscoveryError>) -> Report {
    match result {
        Err(DiscoveryError::Invalid { report, .. }) => *report,
        other => panic!("expected DiscoveryError::Invalid, got {other:?}"),
    }
}
