//! `mtls` rules: mutual-TLS endpoint aliases.

use crate::common::*;

/// Cases that trigger the group's rules, and near misses.
#[allow(clippy::too_many_lines)]
pub(crate) fn cases() -> Vec<Case> {
    vec![
        fires(
            "alias of the authorization endpoint",
            FAPI2,
            "mtls-alias-not-endpoint",
            "/mtls_endpoint_aliases/authorization_endpoint",
            |d| {
                d["mtls_endpoint_aliases"]["authorization_endpoint"] =
                    json!("https://mtls.fapi.example.com/authorize");
            },
        ),
        fires(
            "alias of jwks_uri",
            OAUTH,
            "mtls-alias-not-endpoint",
            "/mtls_endpoint_aliases/jwks_uri",
            |d| {
                set(
                    d,
                    "mtls_endpoint_aliases",
                    json!({"jwks_uri": "https://mtls.as.example.com/jwks"}),
                );
            },
        ),
        spares(
            "alias of the token endpoint",
            FAPI2,
            "mtls-alias-not-endpoint",
            |d| {
                d["mtls_endpoint_aliases"]["token_endpoint"] =
                    json!("https://mtls.fapi.example.com/token2");
            },
        ),
        fires(
            "alias without its top-level endpoint",
            FAPI2,
            "mtls-alias-without-endpoint",
            "/mtls_endpoint_aliases/device_authorization_endpoint",
            |d| {
                d["mtls_endpoint_aliases"]["device_authorization_endpoint"] =
                    json!("https://mtls.fapi.example.com/device");
            },
        ),
        fires(
            "alias of an unknown endpoint without a top-level member",
            OAUTH,
            "mtls-alias-without-endpoint",
            "/mtls_endpoint_aliases/x_custom_endpoint",
            |d| {
                set(
                    d,
                    "mtls_endpoint_aliases",
                    json!({"x_custom_endpoint": "https://mtls.as.example.com/custom"}),
                );
            },
        ),
        spares(
            "alias with its top-level endpoint",
            FAPI2,
            "mtls-alias-without-endpoint",
            |d| {
                set(
                    d,
                    "device_authorization_endpoint",
                    json!("https://fapi.example.com/device"),
                );
                d["mtls_endpoint_aliases"]["device_authorization_endpoint"] =
                    json!("https://mtls.fapi.example.com/device");
            },
        ),
    ]
}

#[test]
fn mtls_alias_of_a_null_endpoint_has_no_endpoint() {
    let mut doc = fapi2_base();
    set(&mut doc, "device_authorization_endpoint", Value::Null);
    doc["mtls_endpoint_aliases"]["device_authorization_endpoint"] =
        json!("https://mtls.fapi.example.com/device");
    let report = report_of(&doc, FAPI2);
    assert!(
        find(
            &report,
            "mtls-alias-without-endpoint",
            "/mtls_endpoint_aliases/device_authorization_endpoint"
        )
        .is_some(),
        "{report}"
    );
}
