//! `mtls_endpoint_aliases` (inventory §3.10). The alias URLs are checked in `urls`.

use super::Context;
use crate::pointer;
use crate::rules::{MTLS_ALIAS_NOT_ENDPOINT, MTLS_ALIAS_WITHOUT_ENDPOINT};

pub(crate) fn check(cx: &mut Context<'_>) {
    // Borrowed from the document (not the context), so nothing is copied.
    let metadata = cx.metadata;
    let Some(aliases) = &metadata.mtls_endpoint_aliases else {
        return;
    };
    for (name, _) in aliases.iter() {
        let at = || pointer::field("mtls_endpoint_aliases", name);
        // Endpoints a browser visits are not called directly, so an alias has no meaning.
        if matches!(name, "authorization_endpoint" | "end_session_endpoint")
            || !name.ends_with("_endpoint")
        {
            cx.emit(
                &MTLS_ALIAS_NOT_ENDPOINT,
                at,
                || format!("alias `{name}` does not name an endpoint a client calls directly; clients ignore it"),
            );
        } else if !metadata.has_member(name)
            || metadata
                .other
                .get(name)
                .is_some_and(oidc_discovery_metadata::RawJson::is_null)
        {
            cx.emit(&MTLS_ALIAS_WITHOUT_ENDPOINT, at, || {
                format!("alias `{name}` has no top-level `{name}` to stand in for")
            });
        }
    }
}
