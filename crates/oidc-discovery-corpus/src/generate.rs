//! Generated metadata documents for property tests (feature `generate`).
//!
//! [`document`] generates documents that look like real ones and then go wrong the ways real
//! ones do: an issuer with endpoints under it, arrays of known and unknown values of the right
//! value set, language-tagged human-readable members, vendor extension members with nested
//! JSON and numbers, and known members of the wrong JSON type (`null`, a string where an array
//! belongs, an array holding a number). Every member of the library's member table can appear.
//!
//! Documents are lists of distinct `(name, value)` pairs, so that a test can write them in any
//! member order ([`to_json`]); [`to_value`] gives the JSON object.

use oidc_discovery_metadata::{
    AccessTokenType, ClaimType, ClientAuthMethod, ClientRegistrationType, Display, GrantType,
    JsonType, JweAlg, JweEnc, JwsAlg, MEMBERS, MemberInfo, PkceMethod, Prompt, ResponseMode,
    SubjectType, TokenDeliveryMode,
};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// A generated document: distinct member names with their values, in generation order.
pub type Members = Vec<(String, Value)>;

/// The JSON object of `members`.
#[must_use]
pub fn to_value(members: &Members) -> Value {
    Value::Object(
        members
            .iter()
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect::<Map<String, Value>>(),
    )
}

/// The JSON text of `members`, written in the order given (serde_json's own maps are sorted, so
/// this is how a test controls member order).
///
/// # Panics
///
/// Never: names and values are plain JSON.
#[must_use]
pub fn to_json(members: &[(String, Value)]) -> String {
    let mut text = String::from("{");
    for (index, (name, value)) in members.iter().enumerate() {
        if index > 0 {
            text.push(',');
        }
        text.push_str(&serde_json::to_string(name).expect("a string serializes"));
        text.push(':');
        text.push_str(&serde_json::to_string(value).expect("a value serializes"));
    }
    text.push('}');
    text
}

/// Documents: an issuer, a random selection of every known member (well typed most of the
/// time), tagged variants, and extension members.
pub fn document() -> impl Strategy<Value = Members> {
    issuer().prop_flat_map(|issuer| {
        let known: Vec<BoxedStrategy<Option<(String, Value)>>> = MEMBERS
            .iter()
            .map(|info| {
                let weight = if info.name == "issuer" { 0.9 } else { 0.3 };
                prop::option::weighted(weight, member(info, issuer.clone())).boxed()
            })
            .collect();
        let localizable: Vec<&'static MemberInfo> =
            MEMBERS.iter().filter(|info| info.localizable).collect();
        let tagged = prop::collection::vec(
            (prop::sample::select(localizable), language_tag()).prop_flat_map(
                move |(info, tag)| {
                    let name = format!("{}#{tag}", info.name);
                    member_value(info, issuer.clone()).prop_map(move |value| (name.clone(), value))
                },
            ),
            0..4,
        );
        let extensions = prop::collection::vec((extension_name(), json(3)), 0..6);
        (known, tagged, extensions).prop_map(|(known, tagged, extensions)| {
            let mut members: Members = Vec::new();
            for (name, value) in known.into_iter().flatten().chain(tagged).chain(extensions) {
                // Later members replace earlier ones of the same name, as in a JSON object.
                members.retain(|(existing, _)| *existing != name);
                members.push((name, value));
            }
            members
        })
    })
}

/// Issuers: mostly `https` with a host and an optional path, sometimes the odd ones real
/// documents have (http on loopback, a trailing slash, an Entra template, an empty string).
pub fn issuer() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (
            prop::sample::select(vec!["https", "https", "https", "http"]),
            host(),
            prop::option::of(prop::sample::select(vec![443_u16, 8080, 8443, 9031])),
            prop::collection::vec(segment(), 0..3),
            prop::bool::weighted(0.2),
        )
            .prop_map(|(scheme, host, port, path, slash)| {
                let mut url = format!("{scheme}://{host}");
                if let Some(port) = port {
                    url.push_str(&format!(":{port}"));
                }
                for segment in path {
                    url.push('/');
                    url.push_str(&segment);
                }
                if slash {
                    url.push('/');
                }
                url
            }),
        1 => prop::sample::select(vec![
            "https://login.microsoftonline.com/{tenantid}/v2.0",
            "http://localhost:8080",
            "https://a.example?x=1",
            "https://a.example#f",
            "",
            "accounts.example.com",
        ])
        .prop_map(str::to_owned),
    ]
}

fn host() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-z][a-z0-9-]{0,8}(\\.[a-z]{2,6}){1,2}",
        1 => Just("127.0.0.1".to_owned()),
        1 => Just("[::1]".to_owned()),
        1 => Just("LOGIN.Example.COM".to_owned()),
    ]
}

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z0-9_~-]{1,10}",
        1 => prop::sample::select(vec!["v2.0", "oauth2", "realms", "a%20b", "straße"])
            .prop_map(str::to_owned),
    ]
}

/// An endpoint URL under `issuer` most of the time, otherwise one of the odd values real
/// documents carry.
fn endpoint(issuer: String) -> impl Strategy<Value = String> {
    let base = issuer.trim_end_matches('/').to_owned();
    prop_oneof![
        8 => prop::collection::vec(segment(), 1..3)
            .prop_map(move |path| format!("{base}/{}", path.join("/"))),
        1 => prop::sample::select(vec![
            "http://other.example/token",
            "https://other.example/cb#frag",
            "",
            "not a url",
            "urn:ietf:params:oauth:grant-type:jwt-bearer",
            "https://{tenant}.example/authorize",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Language tags as providers write them, well-formed or not.
fn language_tag() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "fr", "en-US", "en-us", "de-CH-1996", "ja-Kana-JP", "zh-Hant", "x-private", "i-klingon",
        ])
        .prop_map(str::to_owned),
        1 => "[a-zA-Z0-9_-]{1,12}",
    ]
}

/// The known values of the value set a string-array member holds, by the member's name.
fn values_for(name: &str) -> Vec<String> {
    fn strings<T: AsRef<str>>(known: &[T]) -> Vec<String> {
        known
            .iter()
            .map(|value| value.as_ref().to_owned())
            .collect()
    }
    let words = |list: &[&str]| list.iter().map(|word| (*word).to_owned()).collect();
    if name.contains("signing_alg") {
        strings(JwsAlg::KNOWN)
    } else if name.contains("encryption_alg") {
        strings(JweAlg::KNOWN)
    } else if name.contains("encryption_enc") {
        strings(JweEnc::KNOWN)
    } else if name.contains("auth_methods") {
        let mut methods = strings(ClientAuthMethod::KNOWN);
        if name.starts_with("introspection") {
            methods.extend(strings(AccessTokenType::KNOWN));
        }
        methods
    } else {
        match name {
            "response_types_supported" => words(&[
                "code",
                "id_token",
                "token",
                "none",
                "code id_token",
                "id_token token",
                "token id_token",
                "code id_token token",
                "vp_token",
                "code  id_token",
                "",
            ]),
            "response_modes_supported" => strings(ResponseMode::KNOWN),
            "grant_types_supported" => strings(GrantType::KNOWN),
            "code_challenge_methods_supported" => strings(PkceMethod::KNOWN),
            "subject_types_supported" => strings(SubjectType::KNOWN),
            "claim_types_supported" => strings(ClaimType::KNOWN),
            "display_values_supported" => strings(Display::KNOWN),
            "prompt_values_supported" => strings(Prompt::KNOWN),
            "backchannel_token_delivery_modes_supported" => strings(TokenDeliveryMode::KNOWN),
            "client_registration_types_supported" => strings(ClientRegistrationType::KNOWN),
            "ui_locales_supported" | "claims_locales_supported" => {
                words(&["en", "en-US", "fr-CA", "de", "ja", "en_US", "x"])
            }
            "scopes_supported" => words(&["openid", "profile", "email", "offline_access", "api"]),
            "claims_supported" => words(&["sub", "iss", "name", "email", "email_verified"]),
            _ => words(&["a", "b", "urn:example:value"]),
        }
    }
}

/// Whether a string member holds a URL.
fn is_url_member(name: &str) -> bool {
    name == "issuer"
        || name.ends_with("_endpoint")
        || name.ends_with("_uri")
        || name.ends_with("_iframe")
        || name == "protected_resources"
}

/// One known member: usually its specified JSON type, sometimes another.
fn member(info: &'static MemberInfo, issuer: String) -> impl Strategy<Value = (String, Value)> {
    let name = info.name.to_owned();
    let value = if info.name == "issuer" {
        prop_oneof![9 => Just(Value::String(issuer)), 1 => wrong_type(info.json_type)].boxed()
    } else {
        member_value(info, issuer).boxed()
    };
    value.prop_map(move |value| (name.clone(), value))
}

/// A value for a member: well typed (7 in 8) or of another JSON type.
fn member_value(info: &'static MemberInfo, issuer: String) -> BoxedStrategy<Value> {
    prop_oneof![7 => typed_value(info, issuer), 1 => wrong_type(info.json_type)].boxed()
}

fn typed_value(info: &'static MemberInfo, issuer: String) -> BoxedStrategy<Value> {
    let name = info.name;
    match info.json_type {
        JsonType::Boolean => any::<bool>().prop_map(Value::Bool).boxed(),
        JsonType::String if is_url_member(name) => endpoint(issuer).prop_map(Value::String).boxed(),
        JsonType::String if name == "signed_metadata" => {
            "eyJ[a-zA-Z0-9_-]{4,20}\\.[a-zA-Z0-9_-]{4,20}\\.[a-zA-Z0-9_-]{0,20}"
                .prop_map(Value::String)
                .boxed()
        }
        JsonType::String => any::<String>().prop_map(Value::String).boxed(),
        JsonType::StringArray if is_url_member(name) => {
            prop::collection::vec(endpoint(issuer).prop_map(Value::String), 0..3)
                .prop_map(Value::Array)
                .boxed()
        }
        JsonType::StringArray => {
            let value = prop_oneof![
                5 => prop::sample::select(values_for(name)),
                1 => "[a-zA-Z0-9_:.+-]{1,16}",
                1 => any::<String>(),
            ];
            prop::collection::vec(value.prop_map(Value::String), 0..6)
                .prop_map(Value::Array)
                .boxed()
        }
        JsonType::Object if name == "mtls_endpoint_aliases" => {
            let alias = prop_oneof![
                4 => prop::sample::select(vec![
                    "token_endpoint",
                    "revocation_endpoint",
                    "introspection_endpoint",
                    "userinfo_endpoint",
                    "pushed_authorization_request_endpoint",
                ])
                .prop_map(str::to_owned),
                1 => "[a-z_]{1,20}",
            ];
            prop::collection::btree_map(alias, endpoint(issuer).prop_map(Value::String), 0..4)
                .prop_map(|aliases| Value::Object(aliases.into_iter().collect()))
                .boxed()
        }
        // `jwks`, `vp_formats_supported`, and any object member added later.
        _ => prop::collection::btree_map("[a-z_]{1,8}", json(2), 0..4)
            .prop_map(|object| Value::Object(object.into_iter().collect()))
            .boxed(),
    }
}

/// A JSON value whose type is not `expected` (for arrays of strings: also an array holding a
/// non-string).
fn wrong_type(expected: JsonType) -> BoxedStrategy<Value> {
    json(2)
        .prop_union(
            prop::collection::vec(json(1), 1..3)
                .prop_map(|mut items| {
                    items.push(Value::from(5));
                    Value::Array(items)
                })
                .boxed(),
        )
        .prop_filter("a value of another JSON type", move |value| {
            !expected.matches(value)
        })
        .boxed()
}

/// Names of extension members: vendor names, case twins and tagged names of known members,
/// and arbitrary text.
fn extension_name() -> impl Strategy<Value = String> {
    let known: Vec<&'static str> = MEMBERS.iter().map(|info| info.name).collect();
    prop_oneof![
        3 => prop::sample::select(vec![
            "mfa_challenge_endpoint",
            "frontchannel_logout_supported",
            "x-vendor-extension",
            "version",
            "op_tos_uri#",
            "issuer#en",
            "",
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(known.clone()).prop_map(|name| {
            let mut chars = name.chars();
            chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        }),
        1 => prop::sample::select(known).prop_map(|name| format!("{name}#")),
        2 => "[a-z_]{1,20}",
        1 => any::<String>(),
    ]
}

/// Any JSON value, nested up to `depth` levels: numbers of every kind serde_json keeps exactly
/// (64-bit integers, finite doubles), strings with any character.
pub fn json(depth: u32) -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(depth, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..4)
                .prop_map(|object| Value::Object(object.into_iter().collect())),
        ]
    })
    .boxed()
}
