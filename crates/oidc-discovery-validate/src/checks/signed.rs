//! `signed_metadata` shape (inventory §3.9, SIG-1..3; PR-SIG-1..3 for a protected resource's,
//! RFC 9728 §2.2), read with the one reader
//! ([`CompactJws`](crate::jws::CompactJws)) that verification uses too. Verification is not
//! done here.

use super::{Context, Judge};
use crate::jws::CompactJws;
use crate::rules::SIGNED_METADATA_NESTED;

const POINTER: &str = "/signed_metadata";

pub(crate) fn check<D: Judge>(cx: &mut Context<'_, D>) {
    let metadata = cx.metadata;
    let Some(jwt) = metadata.signed_metadata() else {
        return;
    };
    let jws = match CompactJws::read(jwt.as_str()) {
        Ok(jws) => jws,
        Err(error) => {
            cx.emit(error.rule(), POINTER, error.to_string());
            return;
        }
    };
    // Each judgment of the header and claims is reported on its own, so that one report shows
    // every problem of the token.
    for error in [jws.algorithm().err(), jws.kid().err(), jws.issuer().err()]
        .into_iter()
        .flatten()
    {
        cx.emit(error.rule(), POINTER, error.to_string());
    }
    if jws.has_nested_signed_metadata() {
        cx.emit(
            &SIGNED_METADATA_NESTED,
            POINTER,
            "`signed_metadata` contains a `signed_metadata` claim",
        );
    }
}
