//! `response-type` rules.

use crate::common::*;

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        fires(
            "double space between tokens",
            OIDC,
            "response-type-malformed",
            "/response_types_supported/1",
            |d| {
                set(
                    d,
                    "response_types_supported",
                    json!(["code", "code  id_token"]),
                )
            },
        ),
        fires(
            "empty response type",
            OAUTH,
            "response-type-malformed",
            "/response_types_supported/1",
            |d| set(d, "response_types_supported", json!(["code", ""])),
        ),
        fires(
            "repeated token",
            OAUTH,
            "response-type-malformed",
            "/response_types_supported/0",
            |d| set(d, "response_types_supported", json!(["code code"])),
        ),
        fires(
            "leading space",
            OIDC,
            "response-type-malformed",
            "/response_types_supported/0",
            |d| set(d, "response_types_supported", json!([" code"])),
        ),
        fires(
            "tab between tokens",
            OIDC,
            "response-type-malformed",
            "/response_types_supported/1",
            |d| {
                set(
                    d,
                    "response_types_supported",
                    json!(["code", "code\tid_token"]),
                )
            },
        ),
        fires(
            "hyphen in a response name",
            OAUTH,
            "response-type-malformed",
            "/response_types_supported/1",
            |d| set(d, "response_types_supported", json!(["code", "code-x"])),
        ),
        spares(
            "underscores and digits in an extension response name",
            OAUTH,
            "response-type-malformed",
            |d| set(d, "response_types_supported", json!(["code", "x_type2"])),
        ),
        spares(
            "single spaces between tokens",
            OIDC,
            "response-type-malformed",
            |d| {
                set(
                    d,
                    "response_types_supported",
                    json!(["code", "code id_token"]),
                );
            },
        ),
        fires(
            "glued tokens",
            OIDC,
            "response-type-unknown-token",
            "/response_types_supported/1",
            |d| {
                set(
                    d,
                    "response_types_supported",
                    json!(["code", "codeid_token"]),
                )
            },
        ),
        fires(
            "extension token under FAPI 2.0",
            FAPI2,
            "response-type-unknown-token",
            "/response_types_supported/0",
            |d| set(d, "response_types_supported", json!(["code device"])),
        ),
        spares("spaced tokens", OIDC, "response-type-unknown-token", |d| {
            set(
                d,
                "response_types_supported",
                json!(["code", "code id_token"]),
            );
        }),
        spares(
            "registered vp_token",
            OAUTH,
            "response-type-unknown-token",
            |d| {
                set(d, "response_types_supported", json!(["code", "vp_token"]));
            },
        ),
        fires(
            "none combined with code",
            OAUTH,
            "response-type-none-combined",
            "/response_types_supported/1",
            |d| set(d, "response_types_supported", json!(["code", "none code"])),
        ),
        spares("none alone", OAUTH, "response-type-none-combined", |d| {
            set(d, "response_types_supported", json!(["code", "none"]));
        }),
    ]
}
