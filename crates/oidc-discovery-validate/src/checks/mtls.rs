//! `mtls_endpoint_aliases` (inventory §3.10). The alias URLs are checked in `urls`.

use super::Context;
use crate::pointer;
use crate::rules::{MTLS_ALIAS_NOT_ENDPOINT, MTLS_ALIAS_WITHOUT_ENDPOINT};

pub(crate) fn check(cx: &mut Context<'_>) {
    let Some(aliases) = cx.metadata.mtls_endpoint_aliases.clone() else {
        return;
    };
    for (name, _) in aliases.iter() {
        let at = pointer::field("mtls_endpoint_aliases", name);
        if name == "authorization_endpoint" || !name.ends_with("_endpoint") {
            cx.emit(
                &MTLS_ALIAS_NOT_ENDPOINT,
                at,
                format!("alias `{name}` does not name an endpoint a client calls directly; clients ignore it"),
            );
        } else if !cx.metadata.has_member(name) {
            cx.emit(
                &MTLS_ALIAS_WITHOUT_ENDPOINT,
                at,
                format!("alias `{name}` has no top-level `{name}` to stand in for"),
            );
        }
    }
}
