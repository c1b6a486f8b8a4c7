//! `signed_metadata` shape (inventory §3.9, SIG-1..3). Verification is not done here.

use serde_json::Value;

use super::Context;
use crate::rules::{
    SIGNED_METADATA_ISS, SIGNED_METADATA_NESTED, SIGNED_METADATA_NOT_JWS, SIGNED_METADATA_UNSIGNED,
};

const POINTER: &str = "/signed_metadata";

/// Decodes unpadded base64url (RFC 7515 §2); `None` for anything else.
pub(crate) fn base64url(text: &str) -> Option<Vec<u8>> {
    fn value(byte: u8) -> Option<u32> {
        Some(u32::from(match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        }))
    }
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut bits = 0u32;
        for (i, &byte) in chunk.iter().enumerate() {
            bits |= value(byte)? << (18 - 6 * i);
        }
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

fn json_object(part: &str) -> Option<serde_json::Map<String, Value>> {
    match serde_json::from_slice(&base64url(part)?).ok()? {
        Value::Object(object) => Some(object),
        _ => None,
    }
}

pub(crate) fn check(cx: &mut Context<'_>) {
    let Some(jwt) = cx
        .metadata
        .signed_metadata
        .as_ref()
        .map(|jwt| jwt.as_str().to_owned())
    else {
        return;
    };
    let parts: Vec<&str> = jwt.split('.').collect();
    let [header, payload, signature] = parts.as_slice() else {
        cx.emit(
            &SIGNED_METADATA_NOT_JWS,
            POINTER,
            format!(
                "`signed_metadata` has {} dot-separated parts; a JWS in compact serialization has 3",
                parts.len()
            ),
        );
        return;
    };
    let (Some(header), Some(claims)) = (json_object(header), json_object(payload)) else {
        cx.emit(
            &SIGNED_METADATA_NOT_JWS,
            POINTER,
            "the header or the claims of `signed_metadata` are not base64url-encoded JSON objects",
        );
        return;
    };
    match header.get("alg") {
        Some(Value::String(alg)) if alg == "none" => cx.emit(
            &SIGNED_METADATA_UNSIGNED,
            POINTER,
            "`signed_metadata` is an unsecured JWT (`alg: none`); it must be signed or MACed",
        ),
        Some(Value::String(_)) if signature.is_empty() => cx.emit(
            &SIGNED_METADATA_UNSIGNED,
            POINTER,
            "`signed_metadata` has an empty signature part; it must be signed or MACed",
        ),
        Some(Value::String(_)) => {}
        Some(other) => cx.emit(
            &SIGNED_METADATA_UNSIGNED,
            POINTER,
            format!(
                "the `alg` of `signed_metadata` is {}, not an algorithm name",
                super::shape::kind(other)
            ),
        ),
        None => cx.emit(
            &SIGNED_METADATA_UNSIGNED,
            POINTER,
            "the header of `signed_metadata` has no `alg`",
        ),
    }
    if !claims.get("iss").is_some_and(Value::is_string) {
        cx.emit(
            &SIGNED_METADATA_ISS,
            POINTER,
            "`signed_metadata` has no `iss` claim naming the party that attests to it",
        );
    }
    if claims.contains_key("signed_metadata") {
        cx.emit(
            &SIGNED_METADATA_NESTED,
            POINTER,
            "`signed_metadata` contains a `signed_metadata` claim",
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64url_decodes_unpadded_text() {
        assert_eq!(super::base64url("").unwrap(), b"");
        assert_eq!(super::base64url("eyJ9").unwrap(), b"{\"}");
        assert_eq!(super::base64url("YQ").unwrap(), b"a");
        assert_eq!(super::base64url("YWI").unwrap(), b"ab");
        assert_eq!(super::base64url("YWJj").unwrap(), b"abc");
        assert_eq!(super::base64url("-_8").unwrap(), [0xfb, 0xff]);
        assert!(super::base64url("YQ==").is_none());
        assert!(super::base64url("Y").is_none());
        assert!(super::base64url("a+b/").is_none());
    }
}
