//! Hand-written fixture tests that try to break the lossless parsing of `ProviderMetadata`.
//!
//! "Round trip" means: the JSON value read from the input equals the JSON value read from the
//! serialized output (member order aside), through every writer and both serde entry points.

use std::collections::BTreeSet;

use oidc_discovery_metadata::{
    ClientAuthMethod, GrantType, Issuer, JsonKind, JsonObject, JsonType, JweEnc, JwsAlg, Localized,
    MEMBERS, MtlsEndpointAliases, ParseError, ParseErrorKind, ProviderMetadata, RawJson, RawObject,
    ResponseMode, ResponseType, SubjectType, UrlString,
};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The JSON value of a test input (a leading BOM is skipped, as `from_json_str` does).
#[track_caller]
fn value_of(text: &str) -> Value {
    serde_json::from_str(text.trim_start_matches('\u{feff}')).expect("test input is JSON")
}

#[track_caller]
fn parse(text: &str) -> ProviderMetadata {
    ProviderMetadata::from_json_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[track_caller]
fn parse_err(text: &str) -> ParseError {
    match ProviderMetadata::from_json_str(text) {
        Ok(md) => panic!("{text:?} parsed: {md:?}"),
        Err(error) => error,
    }
}

/// Parses `text`, checks every lossless property (text and serde `Value` paths), and returns
/// the document.
#[track_caller]
fn round_trip(text: &str) -> ProviderMetadata {
    let md = text_round_trip(text);
    let input = value_of(text);
    assert_eq!(serde_json::to_value(&md).expect("to_value"), input);
    let from_value: ProviderMetadata =
        serde_json::from_value(input.clone()).expect("from_value accepts what from_json_str does");
    assert_eq!(
        serde_json::to_value(&from_value).unwrap(),
        input,
        "from_value of {text}"
    );
    md
}

/// The text half of [`round_trip`].
#[track_caller]
fn text_round_trip(text: &str) -> ProviderMetadata {
    let input = value_of(text);
    let md = parse(text);

    let compact = md.to_json_string().expect("serializes");
    assert_eq!(value_of(&compact), input, "compact output of {text}");
    let pretty = md.to_json_string_pretty().expect("serializes pretty");
    assert_eq!(value_of(&pretty), input, "pretty output of {text}");
    assert_eq!(
        md.to_json_vec().expect("serializes to bytes"),
        compact.as_bytes()
    );

    // Both text entry points agree, and `FromStr` too.
    assert_eq!(
        ProviderMetadata::from_json_slice(text.as_bytes()).as_ref(),
        Ok(&md)
    );
    assert_eq!(text.parse::<ProviderMetadata>().as_ref(), Ok(&md));

    // The output is a fixed point: reading it gives the same document and the same text.
    let again = parse(&compact);
    assert_eq!(again, md, "reparse of {compact}");
    assert_eq!(again.to_json_string().unwrap(), compact);
    md
}

/// Whether every typed field is empty (only `other` may hold something).
fn typed_is_empty(md: &ProviderMetadata) -> bool {
    ProviderMetadata {
        other: RawObject::new(),
        ..md.clone()
    } == ProviderMetadata::default()
}

/// The JSON names that typed fields hold.
fn typed_names(md: &ProviderMetadata) -> BTreeSet<String> {
    let typed_only = ProviderMetadata {
        other: RawObject::new(),
        ..md.clone()
    };
    match serde_json::to_value(&typed_only).unwrap() {
        Value::Object(map) => map.keys().cloned().collect(),
        other => panic!("not an object: {other}"),
    }
}

fn other_names(md: &ProviderMetadata) -> BTreeSet<String> {
    md.other.keys().cloned().collect()
}

fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|name| (*name).to_owned()).collect()
}

/// `other` as a `Value` (for documents whose numbers a `Value` holds).
fn other_value(md: &ProviderMetadata) -> Value {
    serde_json::to_value(&md.other).expect("numbers within f64")
}

fn mistyped(md: &ProviderMetadata) -> Vec<(String, Value, JsonType)> {
    md.mistyped_members()
        .map(|(name, value, ty)| (name.to_owned(), value.to_value().unwrap(), ty))
        .collect()
}

fn unknown(md: &ProviderMetadata) -> Vec<String> {
    md.unknown_members()
        .map(|(name, _)| name.to_owned())
        .collect()
}

fn url(value: Option<&UrlString>) -> Option<&str> {
    value.map(UrlString::as_str)
}

fn strs<T: AsRef<str>>(values: Option<&Vec<T>>) -> Option<Vec<&str>> {
    values.map(|values| values.iter().map(AsRef::as_ref).collect())
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const FIXTURES: [&str; 4] = [
    "federation-op.json",
    "fapi-bank.json",
    "vendor-heavy.json",
    "verifiable-credentials-as.json",
];

// ---------------------------------------------------------------------------------------------
// 1. Language tags
// ---------------------------------------------------------------------------------------------

#[test]
fn tagged_members_are_typed_and_round_trip() {
    let text = r#"{
        "op_policy_uri": "https://a.example/policy",
        "op_policy_uri#ja": "https://a.example/ja/policy",
        "op_tos_uri#en-US": "https://a.example/en-US/tos",
        "op_tos_uri#en-us": "https://a.example/en-us/tos",
        "organization_name#de": "Beispiel GmbH",
        "keywords#fr": ["identité", "fédération"],
        "service_documentation#x-private": "https://a.example/x",
        "policy_uri#zh-Hant-TW": "https://a.example/zh/policy",
        "description#not a tag!": "kept: tags are never validated"
    }"#;
    let md = round_trip(text);
    assert!(md.other.is_empty(), "{:?}", md.other);

    assert_eq!(
        url(md.op_policy_uri.value()),
        Some("https://a.example/policy")
    );
    assert_eq!(
        url(md.op_policy_uri.get("ja")),
        Some("https://a.example/ja/policy")
    );
    assert_eq!(md.op_policy_uri.len(), 2);

    // Two spellings of one tag are two distinct members; both are kept, in input order.
    assert!(md.op_tos_uri.value().is_none());
    let tos: Vec<(&str, &str)> = md
        .op_tos_uri
        .tagged()
        .map(|(tag, url)| (tag.as_str(), url.as_str()))
        .collect();
    assert_eq!(
        tos,
        [
            ("en-US", "https://a.example/en-US/tos"),
            ("en-us", "https://a.example/en-us/tos")
        ]
    );
    assert!(md.has_member("op_tos_uri#en-US") && md.has_member("op_tos_uri#en-us"));
    assert!(!md.has_member("op_tos_uri#EN-US"), "has_member is exact");
    assert!(
        !md.has_member("op_tos_uri"),
        "tagged-only: no untagged member"
    );

    assert_eq!(
        md.organization_name.get("DE").map(String::as_str),
        Some("Beispiel GmbH")
    );
    assert_eq!(
        md.keywords.get("fr").cloned(),
        Some(vec!["identité".to_owned(), "fédération".to_owned()])
    );
    assert_eq!(
        url(md.service_documentation.get("X-PRIVATE")),
        Some("https://a.example/x")
    );
    assert_eq!(
        md.description.get("not a tag!").map(String::as_str),
        Some("kept: tags are never validated")
    );
}

#[test]
fn tag_lookup_is_case_insensitive_and_falls_back() {
    let md = round_trip(
        r#"{
            "op_tos_uri": "https://a.example/tos",
            "op_tos_uri#fr": "https://a.example/fr/cgu",
            "op_tos_uri#de-CH": "https://a.example/de-ch/agb",
            "op_tos_uri#ZH-hant": "https://a.example/zh/tos",
            "logo_uri#sv": "https://a.example/sv.png"
        }"#,
    );
    let tos = &md.op_tos_uri;
    for (tag, expected) in [
        ("fr", Some("https://a.example/fr/cgu")),
        ("FR", Some("https://a.example/fr/cgu")),
        ("Fr", Some("https://a.example/fr/cgu")),
        ("de-ch", Some("https://a.example/de-ch/agb")),
        ("zh-Hant", Some("https://a.example/zh/tos")),
        ("de", None),
        ("fr-CA", None),
        ("", None),
    ] {
        assert_eq!(url(tos.get(tag)), expected, "get({tag:?})");
    }
    for (prefs, expected) in [
        (&["fr-CA"][..], "https://a.example/fr/cgu"),
        (&["de-CH-1996"][..], "https://a.example/de-ch/agb"),
        (&["ja", "FR"][..], "https://a.example/fr/cgu"),
        (&["zh-Hant-TW-x-a"][..], "https://a.example/zh/tos"),
        (&["ja"][..], "https://a.example/tos"),
        (&["de"][..], "https://a.example/tos"),
        (&[][..], "https://a.example/tos"),
        (&["", "-", "--", "a-", "-b"][..], "https://a.example/tos"),
    ] {
        assert_eq!(url(tos.lookup(prefs)), Some(expected), "lookup({prefs:?})");
    }
    // Tagged-only member: lookup finds the tag, and nothing without it.
    assert_eq!(
        url(md.logo_uri.lookup(&["sv-FI"])),
        Some("https://a.example/sv.png")
    );
    assert_eq!(url(md.logo_uri.lookup(&["en"])), None);
    assert!(md.logo_uri.value().is_none());
    assert!(!md.logo_uri.is_empty() && md.logo_uri.len() == 1);
}

#[test]
fn tagged_names_of_non_localizable_members_and_empty_tags_are_unknown() {
    let md = round_trip(
        r##"{
            "issuer": "https://a.example",
            "issuer#en": "https://a.example/en",
            "token_endpoint#fr": "https://a.example/fr/token",
            "scopes_supported#de": ["openid"],
            "op_tos_uri#": "https://a.example/empty-tag",
            "#": 1,
            "#fr": 2,
            "op_tos_uri#fr": "https://a.example/fr"
        }"##,
    );
    assert_eq!(
        md.issuer.as_ref().map(Issuer::as_str),
        Some("https://a.example")
    );
    assert_eq!(url(md.op_tos_uri.get("fr")), Some("https://a.example/fr"));
    assert_eq!(
        other_names(&md),
        names(&[
            "issuer#en",
            "token_endpoint#fr",
            "scopes_supported#de",
            "op_tos_uri#",
            "#",
            "#fr"
        ])
    );
    assert_eq!(unknown(&md).len(), 6, "all are unknown names");
    assert!(mistyped(&md).is_empty());
    assert!(md.has_member("issuer#en") && md.has_member("op_tos_uri#"));
}

#[test]
fn mistyped_tagged_member_goes_to_other_and_leaves_the_rest_typed() {
    let md = round_trip(
        r#"{
            "op_tos_uri": "https://a.example/tos",
            "op_tos_uri#fr": 5,
            "op_tos_uri#de": "https://a.example/de/agb",
            "keywords#ja": "not-an-array",
            "keywords": ["a"],
            "organization_name#sv": null
        }"#,
    );
    assert_eq!(url(md.op_tos_uri.value()), Some("https://a.example/tos"));
    assert_eq!(url(md.op_tos_uri.get("fr")), None);
    assert_eq!(
        url(md.op_tos_uri.get("de")),
        Some("https://a.example/de/agb")
    );
    assert!(md.organization_name.is_empty());
    assert_eq!(
        mistyped(&md),
        [
            (
                "keywords#ja".to_owned(),
                json!("not-an-array"),
                JsonType::StringArray
            ),
            ("op_tos_uri#fr".to_owned(), json!(5), JsonType::String),
            (
                "organization_name#sv".to_owned(),
                Value::Null,
                JsonType::String
            ),
        ]
    );
    assert!(unknown(&md).is_empty());
    assert!(
        md.has_member("organization_name#sv"),
        "null counts as present"
    );
}

#[test]
fn duplicate_names_last_occurrence_wins() {
    // (input, typed issuer, other)
    let cases: &[(&str, Option<&str>, Value)] = &[
        (
            r#"{"issuer": 5, "issuer": "https://x"}"#,
            Some("https://x"),
            json!({}),
        ),
        (
            r#"{"issuer": "https://x", "issuer": 5}"#,
            None,
            json!({"issuer": 5}),
        ),
        (
            r#"{"issuer": "https://x", "issuer": null, "issuer": "https://y"}"#,
            Some("https://y"),
            json!({}),
        ),
        (
            r#"{"issuer": "https://x", "issuer": "https://y"}"#,
            Some("https://y"),
            json!({}),
        ),
        (
            r#"{"issuer": [], "issuer": {}}"#,
            None,
            json!({"issuer": {}}),
        ),
        (r#"{"x": 1, "x": [2]}"#, None, json!({"x": [2]})),
    ];
    for (text, issuer, other) in cases {
        let md = round_trip(text);
        assert_eq!(md.issuer.as_ref().map(Issuer::as_str), *issuer, "{text}");
        assert_eq!(other_value(&md), *other, "{text}");
    }

    // Tagged and untagged variants of localized members, and arrays.
    let md = round_trip(
        r#"{
            "op_tos_uri#fr": "https://a.example/1", "op_tos_uri#fr": 7,
            "op_tos_uri#de": 7, "op_tos_uri#de": "https://a.example/2",
            "op_tos_uri": "https://a.example/3", "op_tos_uri": false,
            "keywords": ["a", 1], "keywords": ["b"],
            "scopes_supported": ["a"], "scopes_supported": "a b"
        }"#,
    );
    assert_eq!(url(md.op_tos_uri.get("fr")), None);
    assert_eq!(url(md.op_tos_uri.get("de")), Some("https://a.example/2"));
    assert_eq!(url(md.op_tos_uri.value()), None);
    assert_eq!(md.keywords.value().cloned(), Some(vec!["b".to_owned()]));
    assert!(md.scopes_supported.is_none());
    assert_eq!(
        other_value(&md),
        json!({"op_tos_uri#fr": 7, "op_tos_uri": false, "scopes_supported": "a b"})
    );
}

// ---------------------------------------------------------------------------------------------
// 2. mtls_endpoint_aliases
// ---------------------------------------------------------------------------------------------

#[test]
fn mtls_aliases_typed_and_unknown_names() {
    let md = round_trip(
        r#"{
            "token_endpoint": "https://as.example/token",
            "revocation_endpoint": "https://as.example/revoke",
            "userinfo_endpoint": "https://as.example/userinfo",
            "jwks_uri": "https://as.example/jwks",
            "mtls_endpoint_aliases": {
                "token_endpoint": "https://mtls.as.example/token",
                "pushed_authorization_request_endpoint": "https://mtls.as.example/par",
                "end_session_endpoint": "https://mtls.as.example/logout",
                "x-custom": "https://mtls.as.example/custom",
                "other": "https://mtls.as.example/named-other",
                "": "https://mtls.as.example/empty-name"
            }
        }"#,
    );
    assert!(md.other.is_empty());
    let aliases = md.mtls_endpoint_aliases.as_ref().expect("typed");
    assert_eq!(
        url(aliases.token_endpoint.as_ref()),
        Some("https://mtls.as.example/token")
    );
    assert_eq!(
        url(aliases.pushed_authorization_request_endpoint.as_ref()),
        Some("https://mtls.as.example/par")
    );
    assert!(aliases.revocation_endpoint.is_none());
    let others: Vec<&str> = aliases.other.keys().map(String::as_str).collect();
    assert_eq!(others, ["", "end_session_endpoint", "other", "x-custom"]);
    assert_eq!(aliases.len(), 6);

    // Precedence (RFC 8705 §5): alias, else the top-level member.
    assert_eq!(
        url(md.mtls_endpoint("token_endpoint")),
        Some("https://mtls.as.example/token")
    );
    assert_eq!(
        url(md.mtls_endpoint("revocation_endpoint")),
        Some("https://as.example/revoke")
    );
    assert_eq!(
        url(md.mtls_endpoint("userinfo_endpoint")),
        Some("https://as.example/userinfo")
    );
    assert_eq!(
        url(md.mtls_endpoint("pushed_authorization_request_endpoint")),
        Some("https://mtls.as.example/par"),
        "alias without a top-level member"
    );
    assert_eq!(url(md.mtls_endpoint("introspection_endpoint")), None);
    // Surprising but documented: aliases under non-endpoint names are returned too, while
    // top-level non-endpoint members are never fallen back to.
    assert_eq!(
        url(md.mtls_endpoint("x-custom")),
        Some("https://mtls.as.example/custom")
    );
    assert_eq!(url(md.mtls_endpoint("jwks_uri")), None);
}

#[test]
fn mtls_aliases_with_non_string_values_go_to_other_whole() {
    for alias_value in [
        "5",
        "null",
        "true",
        "[\"https://x\"]",
        "{\"u\": \"https://x\"}",
    ] {
        let text = format!(
            r#"{{"token_endpoint": "https://as.example/token",
                "mtls_endpoint_aliases": {{"token_endpoint": "https://mtls/token", "revocation_endpoint": {alias_value}}}}}"#
        );
        let md = round_trip(&text);
        assert!(md.mtls_endpoint_aliases.is_none(), "{text}");
        assert_eq!(
            md.other["mtls_endpoint_aliases"],
            json!({"token_endpoint": "https://mtls/token", "revocation_endpoint": value_of(alias_value)})
        );
        assert_eq!(
            mistyped(&md)
                .into_iter()
                .map(|(n, _, t)| (n, t))
                .collect::<Vec<_>>(),
            [("mtls_endpoint_aliases".to_owned(), JsonType::Object)]
        );
        // A mistyped alias object is not used.
        assert_eq!(
            url(md.mtls_endpoint("token_endpoint")),
            Some("https://as.example/token")
        );
    }
    for whole in ["[]", "\"https://mtls\"", "null", "false", "0"] {
        let md = round_trip(&format!(r#"{{"mtls_endpoint_aliases": {whole}}}"#));
        assert!(md.mtls_endpoint_aliases.is_none());
        assert_eq!(md.other["mtls_endpoint_aliases"], value_of(whole));
    }
}

#[test]
fn mtls_aliases_empty_object_is_typed_and_empty() {
    let md = round_trip(r#"{"mtls_endpoint_aliases": {}}"#);
    let aliases = md.mtls_endpoint_aliases.as_ref().expect("typed");
    assert!(aliases.is_empty());
    assert_eq!(aliases.len(), 0);
    assert!(md.other.is_empty());
    assert_eq!(
        md.to_json_string().unwrap(),
        r#"{"mtls_endpoint_aliases":{}}"#
    );
    assert!(md.has_member("mtls_endpoint_aliases"));
    // Duplicate alias names inside the object: last wins, as for `Value`.
    let md = round_trip(
        r#"{"mtls_endpoint_aliases": {"token_endpoint": 1, "token_endpoint": "https://m"}}"#,
    );
    assert_eq!(
        url(md
            .mtls_endpoint_aliases
            .as_ref()
            .unwrap()
            .token_endpoint
            .as_ref()),
        Some("https://m")
    );
}

// ---------------------------------------------------------------------------------------------
// 3. null / absent / empty
// ---------------------------------------------------------------------------------------------

#[test]
fn null_absent_and_empty_are_distinguishable() {
    // (member, an empty-but-well-typed value)
    let cases = [
        ("issuer", r#""""#),
        ("token_endpoint", r#""""#),
        ("scopes_supported", "[]"),
        ("response_types_supported", "[]"),
        ("claims_parameter_supported", "false"),
        ("jwks", "{}"),
        ("vp_formats_supported", "{}"),
        ("mtls_endpoint_aliases", "{}"),
        ("op_tos_uri", r#""""#),
        ("organization_name", r#""""#),
        ("keywords", "[]"),
        ("keywords#fr", "[]"),
        ("signed_metadata", r#""""#),
    ];
    for (name, empty) in cases {
        let absent = round_trip("{}");
        let null = round_trip(&format!(r#"{{"{name}": null}}"#));
        let empty_md = round_trip(&format!(r#"{{"{name}": {empty}}}"#));

        assert!(!absent.has_member(name), "{name}");
        assert!(null.has_member(name), "{name}: null is present");
        assert!(empty_md.has_member(name), "{name}: {empty} is present");

        assert!(typed_is_empty(&null), "{name}: null is not typed");
        assert_eq!(null.other[name].as_str(), "null", "{name}");
        assert_eq!(
            mistyped(&null)
                .into_iter()
                .map(|(n, v, _)| (n, v))
                .collect::<Vec<_>>(),
            [(name.to_owned(), Value::Null)]
        );

        assert!(empty_md.other.is_empty(), "{name}: {empty} is typed");
        assert_eq!(typed_names(&empty_md), names(&[name]));

        let outputs: BTreeSet<String> = [&absent, &null, &empty_md]
            .iter()
            .map(|md| md.to_json_string().unwrap())
            .collect();
        assert_eq!(
            outputs.len(),
            3,
            "{name}: three different outputs {outputs:?}"
        );
        assert_ne!(absent, null);
        assert_ne!(null, empty_md);
        assert_ne!(absent, empty_md);
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Numbers
// ---------------------------------------------------------------------------------------------

#[test]
fn numbers_keep_their_spelling() {
    let md = round_trip(
        r#"{
            "version": 1.0,
            "max": 18446744073709551615,
            "min": -9223372036854775808,
            "i64max": 9223372036854775807,
            "zero": 0,
            "small": 1e-7,
            "exp": 1E2,
            "frac": 0.1,
            "neg": -2.5,
            "issuer": 1.0,
            "scopes_supported": ["openid", 2.0, 18446744073709551615]
        }"#,
    );
    let out = md.to_json_string().unwrap();
    for kept in [
        r#""version":1.0"#,
        r#""issuer":1.0"#,
        r#""max":18446744073709551615"#,
        r#""min":-9223372036854775808"#,
        r#""i64max":9223372036854775807"#,
        r#""small":1e-7"#,
        r#""exp":1E2"#,
        r#""scopes_supported":["openid", 2.0, 18446744073709551615]"#,
    ] {
        assert!(out.contains(kept), "{kept} in {out}");
    }
    assert_eq!(md.other["max"].to_value().unwrap().as_u64(), Some(u64::MAX));
    assert_eq!(md.other["min"].to_value().unwrap().as_i64(), Some(i64::MIN));
    assert_eq!(md.other["max"].kind(), JsonKind::Number);
    assert!(md.issuer.is_none() && md.scopes_supported.is_none());
}

/// Every number is written back exactly as it was read, wherever it is: in an unknown member,
/// nested in one, in a known member of the wrong type (nested too), in a typed object member
/// that cannot hold it, in a tagged name.
#[test]
fn numbers_are_written_back_digit_for_digit() {
    let numbers = [
        "18446744073709551617", // 2^64 + 1
        "-9223372036854775809", // -2^63 - 1
        "1e400",                // beyond f64
        "-1e400",
        "1E+400",
        "1.0", // not `1`
        "1",
        "-0",
        "0.1e-400",                         // below f64
        "123456789012345678901234567890.5", // beyond f64 precision
        "0.1000000000000000000000000000001",
        "123456789012345678901234567890",
    ];
    let places = [
        r#"{"x":N}"#,
        r#"{"x":[1,{"y":[N,{"z":N}]}]}"#,
        r#"{"x":{"deep":{"deeper":[N]}}}"#,
        r#"{"issuer":N}"#,
        r#"{"issuer":[N]}"#,
        r#"{"claims_parameter_supported":{"a":N}}"#,
        r#"{"scopes_supported":["openid",N,[N]]}"#,
        r#"{"op_tos_uri#fr":N}"#,
        r#"{"mtls_endpoint_aliases":{"token_endpoint":N}}"#,
        r#"{"jwks":[N]}"#,
        r#"{"issuer":"https://a.example","token_endpoint":{"n":N},"x":N}"#,
    ];
    for number in numbers {
        for place in places {
            let text = place.replace('N', number);
            let md = parse(&text);
            assert_eq!(md.to_json_string().unwrap(), text);
            assert_eq!(md.to_json_vec().unwrap(), text.as_bytes());
            let (from_slice, repeated) =
                ProviderMetadata::from_json_slice_noting_repeats(text.as_bytes()).unwrap();
            assert!(repeated.is_empty());
            assert_eq!(from_slice.to_json_string().unwrap(), text);
            // Through a reader too (values owned, not borrowed).
            let from_reader: ProviderMetadata = serde_json::from_reader(text.as_bytes()).unwrap();
            assert_eq!(from_reader.to_json_string().unwrap(), text);
            // A known member holding it is reported as mistyped, with the type expected.
            for (name, value, _) in md.mistyped_members() {
                assert!(value.as_str().contains(number), "{name} in {text}");
            }
        }
    }
    // A number beyond f64 inside an object member that holds `Value`s keeps the member as
    // written, in `other`.
    let md = parse(r#"{"jwks":{"keys":[{"n":1e400}]}}"#);
    assert!(md.jwks.is_none());
    assert_eq!(md.other["jwks"].as_str(), r#"{"keys":[{"n":1e400}]}"#);
    assert_eq!(md.mistyped_members().count(), 1);
    assert_eq!(
        md.to_json_string().unwrap(),
        r#"{"jwks":{"keys":[{"n":1e400}]}}"#
    );
}

#[test]
fn numbers_beyond_f64_range_are_kept_but_are_not_values() {
    let md = parse(r#"{"a": 1e400, "issuer": -1e400, "scopes_supported": ["x", 1e400]}"#);
    assert_eq!(
        md.to_json_string().unwrap(),
        r#"{"a":1e400,"issuer":-1e400,"scopes_supported":["x", 1e400]}"#
    );
    assert!(md.other["a"].to_value().is_err());
    assert_eq!(md.other["issuer"].kind(), JsonKind::Number);
    let items = md.other["scopes_supported"].items().unwrap();
    let kinds: Vec<JsonKind> = items.into_iter().map(JsonKind::of).collect();
    assert_eq!(kinds, [JsonKind::String, JsonKind::Number]);
    // Below the range is not an error for serde_json either: `0.0` as a `Value`.
    assert_eq!(parse(r#"{"a": 1e-400}"#).other["a"], json!(0.0));
}

#[test]
fn negative_zero() {
    let text = r#"{"a": -0, "issuer": -0, "scopes_supported": ["x", -0]}"#;
    let md = round_trip(text);
    assert_eq!(
        md.to_json_string().unwrap(),
        r#"{"a":-0,"issuer":-0,"scopes_supported":["x", -0]}"#
    );
}

#[test]
fn raw_json_equality_is_json_value_equality() {
    let spaced = RawJson::from_json(" [1, {\"b\": 2, \"a\": 1}] ").unwrap();
    let compact = RawJson::from_json(r#"[1,{"a":1,"b":2}]"#).unwrap();
    assert_eq!(spaced.as_str(), r#"[1, {"b": 2, "a": 1}]"#);
    assert_eq!(spaced, compact);
    assert_eq!(spaced, json!([1, {"a": 1, "b": 2}]));
    assert_eq!(RawJson::from(json!([1, {"a": 1, "b": 2}])), compact);
    assert_ne!(RawJson::from_json("1").unwrap(), json!(2));
    let huge = RawJson::from_json("1e400").unwrap();
    assert_eq!(huge, RawJson::from_json("1e400").unwrap());
    assert_ne!(huge, RawJson::from_json("1E400").unwrap());
    assert!(RawJson::from_json("1 2").is_err());
    assert!(RawJson::from_json("").is_err());
    assert_eq!(format!("{huge} {huge:?}"), "1e400 1e400");
    assert!(spaced.fields().is_none());
    assert_eq!(compact.items().map(|items| items.len()), Some(2));
    let object = RawJson::from_json(r#"{"b": 1e400, "a": "x"}"#).unwrap();
    let fields = object.fields().unwrap();
    assert_eq!(fields.keys().collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(fields["b"].get(), "1e400");
    assert!(object.items().is_none());
}

/// Deserializing from a `Value` (`serde_json::from_value`) works like from text, for numbers
/// beyond 64 bits in mistyped members too.
#[test]
fn from_value_accepts_big_integers_in_mistyped_members() {
    for text in [
        r#"{"issuer": 18446744073709551616}"#,
        r#"{"issuer": -9223372036854775809}"#,
        r#"{"claims_parameter_supported": 123456789012345678901234567890}"#,
        r#"{"scopes_supported": ["x", 123456789012345678901234567890]}"#,
        r#"{"op_tos_uri#fr": 18446744073709551616}"#,
    ] {
        let input = value_of(text);
        let md: Result<ProviderMetadata, _> = serde_json::from_value(input.clone());
        let md = md.unwrap_or_else(|e| panic!("from_value({text}): {e}"));
        assert_eq!(serde_json::to_value(&md).unwrap(), input, "{text}");
        assert_eq!(md, parse(text), "{text}");
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Unicode
// ---------------------------------------------------------------------------------------------

#[test]
fn unicode_escapes_and_names() {
    let md = round_trip(
        r#"{
            "issuer": "https://caf\u00e9.example",
            "organization_name": "Caf\u00e9 \ud83d\ude00 Ltd",
            "organization_name#fr": "Café 😀",
            "token_endpoint": "https:\/\/a.example\/token",
            "display_name": "No\u00a0break",
            "description": "tab\tnew\nline \"quoted\" back\\slash \u0000 nul \u001f",
            "issu\u0065r_copy": 1,
            "op_tos_uri\u0023de": "https://a.example/de",
            "nombre_de_la_organización": "ñ",
            "名前": "値",
            "😀": "😀",
            "\u00e9": "e-acute via escape"
        }"#,
    );
    assert_eq!(md.issuer.as_ref().unwrap().as_str(), "https://café.example");
    assert_eq!(md.organization_name.value().unwrap(), "Café 😀 Ltd");
    assert_eq!(md.organization_name.get("fr").unwrap(), "Café 😀");
    assert_eq!(
        url(md.token_endpoint.as_ref()),
        Some("https://a.example/token")
    );
    assert_eq!(md.display_name.value().unwrap(), "No\u{a0}break");
    assert_eq!(
        md.description.value().unwrap(),
        "tab\tnew\nline \"quoted\" back\\slash \u{0} nul \u{1f}"
    );
    assert_eq!(
        url(md.op_tos_uri.get("de")),
        Some("https://a.example/de"),
        "escaped `#`"
    );
    assert_eq!(
        other_names(&md),
        names(&[
            "issuer_copy",
            "nombre_de_la_organización",
            "名前",
            "😀",
            "é"
        ])
    );
    let out = md.to_json_string().unwrap();
    assert!(
        out.contains(r#""token_endpoint":"https://a.example/token""#),
        "{out}"
    );
}

#[test]
fn escaped_known_member_names_are_recognized() {
    let md = round_trip(
        r#"{"\u0069ssuer": "https://a.example", "response_types_supp\u006frted": ["code"]}"#,
    );
    assert!(md.other.is_empty());
    assert_eq!(md.issuer.as_ref().unwrap().as_str(), "https://a.example");
    assert_eq!(
        md.response_types_supported.as_deref(),
        Some(&[ResponseType::CODE][..])
    );
}

#[test]
fn lone_surrogates_are_syntax_errors_with_a_position() {
    for (text, column) in [
        (r#"{"a": "\ud800"}"#, 14),
        (r#"{"a": "\udc00"}"#, 13),
        (r#"{"issuer": "\ud83dx"}"#, 19),
        (r#"{"\ud800": 1}"#, 9),
    ] {
        let error = parse_err(text);
        assert_eq!(error.kind(), ParseErrorKind::Syntax, "{text}");
        assert_eq!(
            (error.line(), error.column()),
            (1, column),
            "{text}: {error}"
        );
    }
}

#[test]
fn invalid_utf8_in_slices_is_a_syntax_error() {
    for (bytes, column) in [
        (&b"{\"a\":\"\xff\"}"[..], 7),
        (b"{\"issuer\":\"\xc3\"}", 12),
        (b"{\"\xed\xa0\x80\":1}", 3), // an encoded surrogate (CESU-8)
        (b"{\"a\":1}\xff", 8),
        (b"\xff{}", 1),
    ] {
        let error = ProviderMetadata::from_json_slice(bytes).unwrap_err();
        assert_eq!(error.kind(), ParseErrorKind::Syntax, "{bytes:?}");
        assert_eq!(
            (error.line(), error.column()),
            (1, column),
            "{bytes:?}: {error}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Case twins
// ---------------------------------------------------------------------------------------------

#[test]
fn case_twins_are_distinct_members() {
    let md = round_trip(
        r#"{
            "response_modes_supported": ["query"],
            "Response_modes_supported": ["query", "web_message"],
            "RESPONSE_MODES_SUPPORTED": "fragment",
            "ISSUER": "https://upper.example",
            "Issuer": null,
            "issuer": "https://lower.example",
            "OP_TOS_URI#fr": "https://a.example/fr"
        }"#,
    );
    assert_eq!(
        md.response_modes_supported.as_deref(),
        Some(&[ResponseMode::Query][..])
    );
    assert_eq!(
        md.issuer.as_ref().unwrap().as_str(),
        "https://lower.example"
    );
    assert_eq!(
        unknown(&md),
        [
            "ISSUER",
            "Issuer",
            "OP_TOS_URI#fr",
            "RESPONSE_MODES_SUPPORTED",
            "Response_modes_supported"
        ]
    );
    assert!(
        mistyped(&md).is_empty(),
        "case variants are unknown, not mistyped"
    );
    assert!(md.has_member("ISSUER") && md.has_member("issuer"));
    assert!(!md.has_member("iSSUER"));
}

// ---------------------------------------------------------------------------------------------
// 7. Wrong JSON types, one row per case
// ---------------------------------------------------------------------------------------------

#[test]
fn mistyped_members_are_kept_verbatim() {
    use JsonType::{Boolean, Object, String as Str, StringArray};
    let rows: &[(&str, &str, JsonType)] = &[
        // string members
        ("issuer", "5", Str),
        ("issuer", "-1.5", Str),
        ("issuer", "true", Str),
        ("issuer", "false", Str),
        ("issuer", r#"["https://a.example"]"#, Str),
        ("issuer", "[]", Str),
        ("issuer", r#"{"url": "https://a.example"}"#, Str),
        ("issuer", "{}", Str),
        ("issuer", "null", Str),
        ("token_endpoint", "0", Str),
        ("signed_metadata", r#"{"alg": "none"}"#, Str),
        ("op_tos_uri", r#"["https://a.example"]"#, Str),
        ("organization_name", "42", Str),
        ("organization_name#de", "true", Str),
        // array members
        ("scopes_supported", r#""openid profile""#, StringArray),
        ("scopes_supported", r#""""#, StringArray),
        ("scopes_supported", r#"["openid", 5]"#, StringArray),
        ("scopes_supported", "[5]", StringArray),
        ("scopes_supported", r#"["openid", null]"#, StringArray),
        ("scopes_supported", "[null]", StringArray),
        ("scopes_supported", r#"[["openid"]]"#, StringArray),
        (
            "scopes_supported",
            r#"["a", ["b", ["c"]], "d"]"#,
            StringArray,
        ),
        ("scopes_supported", r#"["a", {"b": 1}]"#, StringArray),
        ("scopes_supported", r#"["a", true, "b"]"#, StringArray),
        ("scopes_supported", "{}", StringArray),
        ("scopes_supported", "true", StringArray),
        ("scopes_supported", "null", StringArray),
        (
            "response_types_supported",
            r#"["code", ["id_token"]]"#,
            StringArray,
        ),
        (
            "grant_types_supported",
            r#""authorization_code""#,
            StringArray,
        ),
        (
            "id_token_signing_alg_values_supported",
            r#"["RS256", 256]"#,
            StringArray,
        ),
        ("ui_locales_supported", r#""en fr""#, StringArray),
        (
            "protected_resources",
            r#"[{"resource": "https://rs"}]"#,
            StringArray,
        ),
        ("keywords", r#""one, two""#, StringArray),
        ("keywords#fr", r#"["un", 2]"#, StringArray),
        // boolean members
        ("claims_parameter_supported", r#""true""#, Boolean),
        ("claims_parameter_supported", r#""false""#, Boolean),
        ("claims_parameter_supported", "1", Boolean),
        ("claims_parameter_supported", "0", Boolean),
        ("claims_parameter_supported", "null", Boolean),
        ("claims_parameter_supported", "[true]", Boolean),
        ("claims_parameter_supported", "{}", Boolean),
        ("request_uri_parameter_supported", r#""yes""#, Boolean),
        (
            "pre-authorized_grant_anonymous_access_supported",
            "1.0",
            Boolean,
        ),
        // object members
        ("jwks", "[]", Object),
        ("jwks", r#"[{"kty": "RSA"}]"#, Object),
        ("jwks", r#""https://a.example/jwks""#, Object),
        ("jwks", "null", Object),
        ("jwks", "7", Object),
        ("vp_formats_supported", r#"["jwt_vc"]"#, Object),
        ("mtls_endpoint_aliases", r#""https://mtls""#, Object),
        (
            "mtls_endpoint_aliases",
            r#"[{"token_endpoint": "https://mtls"}]"#,
            Object,
        ),
    ];
    for (name, raw, expected_type) in rows {
        let text = format!(r#"{{"{name}": {raw}, "issuer#x": "kept"}}"#);
        let md = round_trip(&text);
        let raw_value = value_of(raw);
        assert!(typed_is_empty(&md), "{text}: typed field must stay empty");
        assert_eq!(md.other[*name], raw_value, "{text}");
        assert_eq!(
            mistyped(&md),
            [((*name).to_owned(), raw_value.clone(), *expected_type)],
            "{text}"
        );
        assert!(!expected_type.matches(&raw_value), "{text}");
        assert_eq!(unknown(&md), ["issuer#x"], "{text}");
        assert!(md.has_member(name));
        // The exact text of the mistyped value survives.
        assert!(
            md.to_json_string()
                .unwrap()
                .contains(&format!(r#""{name}":{raw}"#)),
            "{text}"
        );
    }
}

#[test]
fn well_typed_values_of_every_kind_are_typed() {
    for (name, raw) in [
        ("issuer", r#""https://a.example""#),
        ("scopes_supported", r#"["openid"]"#),
        ("claims_parameter_supported", "true"),
        ("jwks", r#"{"keys": []}"#),
        (
            "vp_formats_supported",
            r#"{"jwt_vc_json": {"alg": ["ES256"]}}"#,
        ),
        (
            "mtls_endpoint_aliases",
            r#"{"token_endpoint": "https://mtls"}"#,
        ),
        ("keywords#fr", r#"["un"]"#),
    ] {
        let md = round_trip(&format!(r#"{{"{name}": {raw}}}"#));
        assert!(md.other.is_empty(), "{name}");
        assert_eq!(typed_names(&md), names(&[name]));
        let info = MEMBERS
            .iter()
            .find(|m| m.name == name.split('#').next().unwrap())
            .unwrap();
        assert!(info.json_type.matches(&value_of(raw)), "{name}");
    }
}

#[test]
fn the_member_registry_is_consistent() {
    assert_eq!(MEMBERS.len(), 98);
    let localizable: BTreeSet<&str> = MEMBERS
        .iter()
        .filter(|m| m.localizable)
        .map(|m| m.name)
        .collect();
    assert_eq!(
        localizable,
        [
            "service_documentation",
            "op_policy_uri",
            "op_tos_uri",
            "organization_name",
            "display_name",
            "description",
            "keywords",
            "logo_uri",
            "information_uri",
            "organization_uri",
            "policy_uri"
        ]
        .into_iter()
        .collect()
    );
    // Every member with null goes to other and is reported mistyped with its registry type;
    // every member with a well-typed value is typed.
    for info in MEMBERS {
        let md = round_trip(&format!(r#"{{"{}": null}}"#, info.name));
        assert_eq!(
            mistyped(&md),
            [(info.name.to_owned(), Value::Null, info.json_type)]
        );
        let sample = match info.json_type {
            JsonType::String => json!("s"),
            JsonType::Boolean => json!(true),
            JsonType::StringArray => json!(["s"]),
            JsonType::Object => json!({"token_endpoint": "s"}),
            _ => unreachable!("unexpected JsonType"),
        };
        let md = round_trip(&json!({ info.name: sample }).to_string());
        assert!(md.other.is_empty(), "{}", info.name);
        assert!(md.has_member(info.name));
        if info.localizable {
            let tagged = format!("{}#fr", info.name);
            let md = round_trip(&json!({ tagged.clone(): sample }).to_string());
            assert!(md.other.is_empty(), "{tagged}");
            assert!(md.has_member(&tagged));
        } else {
            let tagged = format!("{}#fr", info.name);
            let md = round_trip(&json!({ tagged.clone(): sample }).to_string());
            assert_eq!(unknown(&md), [tagged]);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 8. Response types and open enums
// ---------------------------------------------------------------------------------------------

#[test]
fn response_type_spellings_survive() {
    let md = round_trip(
        r#"{"response_types_supported": ["token id_token", "id_token token", "code id_token",
            "id_token code", "", "code  id_token", "code code", " code", "code ", "vp_token device_code",
            "CODE"]}"#,
    );
    let types = md.response_types_supported.as_deref().unwrap();
    let spellings: Vec<&str> = types.iter().map(ResponseType::as_str).collect();
    assert_eq!(
        spellings,
        [
            "token id_token",
            "id_token token",
            "code id_token",
            "id_token code",
            "",
            "code  id_token",
            "code code",
            " code",
            "code ",
            "vp_token device_code",
            "CODE"
        ]
    );
    assert_eq!(types[0], ResponseType::ID_TOKEN_TOKEN);
    assert_eq!(types[0], types[1]);
    assert_eq!(types[2], ResponseType::CODE_ID_TOKEN);
    assert!(types[4].malformation().is_some());
    assert!(types[5].malformation().is_some());
    assert!(types[6].malformation().is_some());
    assert_eq!(types[6], ResponseType::CODE, "set semantics");
    assert_ne!(types[10], ResponseType::CODE, "tokens are case-sensitive");

    // A mistyped element later in the array: the typed prefix is rebuilt from its spelling.
    let md = round_trip(r#"{"response_types_supported": ["token id_token", "code  id_token", 1]}"#);
    assert_eq!(
        md.other["response_types_supported"],
        json!(["token id_token", "code  id_token", 1])
    );
}

#[test]
fn open_enum_values_are_kept_verbatim() {
    let md = round_trip(
        r#"{
            "grant_types_supported": ["authorization_code", "device_code", "urn:x:grant", "AUTHORIZATION_CODE"],
            "id_token_signing_alg_values_supported": ["RS256", "rs256", "none", ""],
            "id_token_encryption_enc_values_supported": ["A128CBC+HS256", "A128CBC-HS256"],
            "token_endpoint_auth_methods_supported": ["windows_client_authentication", "client_secret_basic"],
            "subject_types_supported": ["public", "Public"],
            "response_modes_supported": ["form_post", "fragment.jwt", "query.JWT"]
        }"#,
    );
    let grants = md.grant_types_supported.as_deref().unwrap();
    assert_eq!(grants[0], GrantType::AuthorizationCode);
    assert!(!grants[1].is_known() && !grants[3].is_known());
    assert_eq!(grants[3].as_str(), "AUTHORIZATION_CODE");
    let algs = md.id_token_signing_alg_values_supported.as_deref().unwrap();
    assert_eq!(algs[0], JwsAlg::Rs256);
    assert!(!algs[1].is_known());
    assert_eq!(algs[3].as_str(), "");
    let encs = md
        .id_token_encryption_enc_values_supported
        .as_deref()
        .unwrap();
    assert!(!encs[0].is_known());
    assert_eq!(encs[1], JweEnc::A128CbcHs256);
    assert_eq!(
        md.token_endpoint_auth_methods_supported.as_deref().unwrap()[1],
        ClientAuthMethod::ClientSecretBasic
    );
    assert_eq!(
        md.subject_types_supported.as_deref().unwrap()[0],
        SubjectType::Public
    );
    assert!(!md.subject_types_supported.as_deref().unwrap()[1].is_known());
}

// ---------------------------------------------------------------------------------------------
// 9. Errors
// ---------------------------------------------------------------------------------------------

#[test]
fn syntax_errors_have_kind_and_position() {
    use ParseErrorKind::{Syntax, UnexpectedEnd};
    let cases: &[(&str, ParseErrorKind, usize, usize)] = &[
        ("{", UnexpectedEnd, 1, 1),
        ("", UnexpectedEnd, 1, 0),
        ("   ", UnexpectedEnd, 1, 3),
        ("\n\n", UnexpectedEnd, 3, 0),
        (r#"{"a":}"#, Syntax, 1, 6),
        (r#"{"a":1,}"#, Syntax, 1, 8),
        (r#"{"a":NaN}"#, Syntax, 1, 6),
        (r#"{"a":Infinity}"#, Syntax, 1, 6),
        ("NaN", Syntax, 1, 1),
        (r#"{} x"#, Syntax, 1, 4),
        (r#"{"a":1} {}"#, Syntax, 1, 9),
        (r#"{'a':1}"#, Syntax, 1, 2),
        (r#"{"a":01}"#, Syntax, 1, 7),
        (r#"{"a":+1}"#, Syntax, 1, 6),
        ("/*c*/{}", Syntax, 1, 1),
        ("{\"a\":\"\u{1}\"}", Syntax, 1, 7),
        // Multi-line inputs: exact line and byte column.
        ("{\n  \"issuer\": \"https://a.example\",\n}", Syntax, 3, 1),
        ("{\n  \"a\": 1,\n  \"b\": }", Syntax, 3, 8),
        ("{\n  \"a\": [1, 2,\n  ]\n}", Syntax, 3, 3),
        ("{\n  \"a\": \"x\"\n  \"b\": 1\n}", Syntax, 3, 3),
        ("{\n  \"a\": [\n", UnexpectedEnd, 3, 0),
        ("{\r\n  \"a\": nul\r\n}", Syntax, 2, 11),
        ("{\n\t\"é\": \"ü\" x", Syntax, 2, 13),
        ("{\"a\":1}\n\n  x", Syntax, 3, 3),
        ("{\"é\": x}", Syntax, 1, 8),
    ];
    for (text, kind, line, column) in cases {
        let error = parse_err(text);
        assert_eq!(
            (error.kind(), error.line(), error.column()),
            (*kind, *line, *column),
            "{text:?}: {error}"
        );
        // The slice entry point reports the same, and so does serde_json itself.
        let slice_error = ProviderMetadata::from_json_slice(text.as_bytes()).unwrap_err();
        assert_eq!(slice_error, error);
        let json_error = serde_json::from_str::<Value>(text).unwrap_err();
        assert_eq!(
            (json_error.line(), json_error.column()),
            (*line, *column),
            "{text:?}"
        );
        assert!(!error.message().contains(" at line "), "{error:?}");
        assert_eq!(
            error.to_string(),
            format!("{} at line {line} column {column}", error.message())
        );
    }
}

#[test]
fn non_objects_are_not_an_object() {
    // (input, line, column) — the position of the value's first byte.
    for (text, line, column) in [
        ("\"x\"", 1, 1),
        ("5", 1, 1),
        ("-12.5e3", 1, 1),
        ("null", 1, 1),
        ("true", 1, 1),
        ("false", 1, 1),
        ("\n  \"issuer\"", 2, 3),
        ("[]", 1, 1),
        (" \t[{}]", 1, 3),
        ("\r\n[\"issuer\"]", 2, 1),
    ] {
        let error = parse_err(text);
        assert_eq!(error.kind(), ParseErrorKind::NotAnObject, "{text:?}");
        assert_eq!(
            (error.line(), error.column()),
            (line, column),
            "{text:?}: {error}"
        );
    }
    for text in ["[]", "[{}]", "[\"issuer\"]", "\n[]"] {
        assert_eq!(
            parse_err(text).kind(),
            ParseErrorKind::NotAnObject,
            "{text:?}"
        );
    }
    // The serde path: a non-object `Value` is an error, never a panic.
    for value in [json!([]), json!("x"), json!(5), Value::Null, json!(true)] {
        assert!(serde_json::from_value::<ProviderMetadata>(value).is_err());
    }
}

/// `ParseError::column` is documented as 1-based (0 only for empty input), but for a top-level
/// array serde_json reports the position *before* the `[` (it has not consumed it yet).
#[test]
fn not_an_object_array_column_is_one_based() {
    for (text, line, column) in [("[]", 1, 1), ("  []", 1, 3), ("\n\n  [1]", 3, 3)] {
        let error = parse_err(text);
        assert_eq!(
            (error.line(), error.column()),
            (line, column),
            "{text:?}: {error}"
        );
    }
}

/// `ParseErrorKind::NotAnObject` is documented as "the input is valid JSON but not a JSON
/// object", yet serde_json reports the type mismatch before it reads the rest of the value.
#[test]
fn invalid_json_is_not_reported_as_not_an_object() {
    use ParseErrorKind::{Syntax, UnexpectedEnd};
    let deep = "[".repeat(200);
    for (text, kind) in [
        ("[", UnexpectedEnd),
        ("[1,", UnexpectedEnd),
        ("\"abc", UnexpectedEnd),
        ("[} x", Syntax),
        ("5x", Syntax),
        ("[] x", Syntax),
        ("truex", Syntax),
        ("nul", UnexpectedEnd),
        ("[\"\\ud800\"]", Syntax),
        ("[\"\\udc00\"]", Syntax),
        ("[\"\u{1}\"]", Syntax),
        ("{\"a\": 1} x", Syntax),
        (deep.as_str(), Syntax),
    ] {
        let error = parse_err(text);
        let json_error = serde_json::from_str::<Value>(text).expect_err("not JSON");
        assert_eq!(error.kind(), kind, "{text:?} is not valid JSON: {error}");
        assert_eq!(
            (error.line(), error.column()),
            (json_error.line(), json_error.column()),
            "{text:?}: {error} vs {json_error}"
        );
        let with_bom = parse_err(&format!("\u{feff}{text}"));
        assert_eq!(with_bom.kind(), kind);
        assert_eq!(with_bom.column(), error.column() + 3, "{text:?}");
    }
    // Bytes that are not UTF-8 inside a string of a non-object.
    for bytes in [&b"[\"\xff\"]"[..], b"\"\xc3\"", b"{\"a\":1}\xff"] {
        let error = ProviderMetadata::from_json_slice(bytes).unwrap_err();
        let json_error = serde_json::from_slice::<Value>(bytes).expect_err("not JSON");
        assert_eq!(error.kind(), Syntax, "{bytes:?}: {error}");
        assert_eq!(
            (error.line(), error.column()),
            (json_error.line(), json_error.column()),
            "{bytes:?}"
        );
    }
}

#[test]
fn byte_order_mark() {
    let text = "\u{feff}{\"issuer\": \"https://a.example\"}";
    let md = round_trip(text);
    assert_eq!(md.issuer.as_ref().unwrap().as_str(), "https://a.example");
    assert_eq!(
        ProviderMetadata::from_json_slice(text.as_bytes()).unwrap(),
        md
    );
    // The BOM is not written back.
    assert_eq!(
        md.to_json_string().unwrap(),
        r#"{"issuer":"https://a.example"}"#
    );

    // Columns on line 1 count the BOM's three bytes; later lines are unaffected.
    for (text, kind, line, column) in [
        ("\u{feff}{\"a\":}", ParseErrorKind::Syntax, 1, 9),
        ("\u{feff}{\n\"a\":}", ParseErrorKind::Syntax, 2, 5),
        ("\u{feff}\u{feff}{}", ParseErrorKind::Syntax, 1, 4),
        ("\u{feff}{", ParseErrorKind::UnexpectedEnd, 1, 4),
        ("\u{feff}", ParseErrorKind::UnexpectedEnd, 1, 3),
        ("\u{feff}5", ParseErrorKind::NotAnObject, 1, 4),
        (" \u{feff}{}", ParseErrorKind::Syntax, 1, 2),
    ] {
        let error = parse_err(text);
        assert_eq!(
            (error.kind(), error.line(), error.column()),
            (kind, line, column),
            "{text:?}: {error}"
        );
        let slice_error = ProviderMetadata::from_json_slice(text.as_bytes()).unwrap_err();
        assert_eq!(slice_error, error, "{text:?}");
    }
    // `serde_json::from_str` itself does not skip a BOM.
    assert!(serde_json::from_str::<ProviderMetadata>(text).is_err());
}

#[test]
fn truncated_documents_are_unexpected_end_and_never_panic() {
    for name in FIXTURES {
        let text = fixture(name);
        let bytes = text.trim_end().as_bytes();
        for end in 0..bytes.len() {
            let prefix = &bytes[..end];
            let error = ProviderMetadata::from_json_slice(prefix)
                .expect_err("a proper prefix of an object is not JSON");
            assert_eq!(
                error.kind(),
                ParseErrorKind::UnexpectedEnd,
                "{name}[..{end}]: {error}"
            );
            if let Ok(prefix) = std::str::from_utf8(prefix) {
                assert_eq!(ProviderMetadata::from_json_str(prefix).unwrap_err(), error);
            }
        }
    }
}

/// Deterministic mutation fuzzing against `serde_json::Value` as the oracle: an input parses
/// exactly when it is a JSON object, errors sit where serde_json puts them, and whatever parses
/// round-trips.
#[test]
fn mutated_fixtures_agree_with_serde_json_value() {
    const INSERTS: &[&[u8]] = &[
        b"{",
        b"}",
        b"[",
        b"]",
        b",",
        b":",
        b"\"",
        b"\\",
        b"null",
        b"-0",
        b"1e400",
        b"1.0",
        b"\"#fr\"",
        b"#",
        b"\\u00e9",
        b"\\ud800",
        b"\xff",
        b"\xc3\xa9",
        b" ",
        b"\n",
        b"true",
        b"[]",
        b"{}",
        b"\"issuer\":5,",
        b"\"op_tos_uri#x\":[],",
    ];
    let mut seed: u64 = 0x5eed_1234_abcd_0001;
    let mut next = move |bound: usize| -> usize {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % bound.max(1)
    };
    let mut parsed = 0;
    for name in FIXTURES {
        let original = fixture(name).into_bytes();
        for _ in 0..1500 {
            let mut bytes = original.clone();
            for _ in 0..=next(3) {
                let at = next(bytes.len() + 1);
                match next(3) {
                    0 => {
                        let len = next(8).min(bytes.len() - at.min(bytes.len()));
                        bytes.drain(at..at + len);
                    }
                    1 => {
                        let insert = INSERTS[next(INSERTS.len())];
                        bytes.splice(at..at, insert.iter().copied());
                    }
                    _ => {
                        let from = next(bytes.len());
                        let len = next(16).min(bytes.len() - from);
                        let copy: Vec<u8> = bytes[from..from + len].to_vec();
                        bytes.splice(at..at, copy);
                    }
                }
            }
            if bytes.starts_with(b"\xef\xbb\xbf") {
                continue;
            }
            let oracle = serde_json::from_slice::<Value>(&bytes);
            let result = ProviderMetadata::from_json_slice(&bytes);
            let shown = String::from_utf8_lossy(&bytes);
            match (&oracle, &result) {
                (Ok(Value::Object(_)), Ok(md)) => {
                    parsed += 1;
                    let out = md.to_json_string().expect("serializes");
                    assert_eq!(value_of(&out), *oracle.as_ref().unwrap(), "{shown}");
                    assert_eq!(serde_json::to_value(md).unwrap(), *oracle.as_ref().unwrap());
                }
                (Ok(Value::Object(_)), Err(error)) => panic!("{shown}: rejected: {error}"),
                (Ok(other), Ok(_)) => panic!("{shown}: accepted a non-object {other}"),
                (Ok(_), Err(error)) => {
                    assert_eq!(error.kind(), ParseErrorKind::NotAnObject, "{shown}");
                }
                // A number beyond `f64` (a mutation can make one: `1e3` → `1e3333`) stops a
                // `Value` parse but is kept here; the document may still be invalid further on.
                (Err(json_error), _)
                    if json_error.to_string().starts_with("number out of range") =>
                {
                    if let Err(error) = &result {
                        assert_ne!(error.kind(), ParseErrorKind::NotAnObject, "{shown}");
                        assert!(error.line() >= json_error.line(), "{shown}: {error}");
                    }
                }
                (Err(json_error), Err(error)) => {
                    assert_ne!(error.kind(), ParseErrorKind::NotAnObject, "{shown}");
                    assert_eq!(
                        (error.line(), error.column()),
                        (json_error.line(), json_error.column()),
                        "{shown}: {error} vs {json_error}"
                    );
                }
                (Err(json_error), Ok(_)) => panic!("{shown}: accepted invalid JSON: {json_error}"),
            }
        }
    }
    assert!(
        parsed > 100,
        "the mutations keep enough documents valid ({parsed})"
    );
}

// ---------------------------------------------------------------------------------------------
// 10. Serialization conflicts
// ---------------------------------------------------------------------------------------------

#[test]
fn typed_and_other_conflicts_refuse_to_serialize() {
    let mut md = parse(r#"{"issuer": "https://a.example"}"#);
    md.other
        .insert("issuer".to_owned(), json!("https://b.example").into());
    let error = md.to_json_string().unwrap_err().to_string();
    assert!(error.contains("`issuer`"), "{error}");
    assert!(md.to_json_vec().is_err());
    assert!(md.to_json_string_pretty().is_err());
    assert!(serde_json::to_value(&md).is_err());
    // Even when `other` holds the same value, or a null.
    md.other.insert("issuer".to_owned(), Value::Null.into());
    assert!(md.to_json_string().is_err());

    let mut md = parse(r#"{"op_tos_uri#fr": "https://a.example/fr"}"#);
    md.other
        .insert("op_tos_uri#fr".to_owned(), RawJson::from_json("5").unwrap());
    let error = md.to_json_string().unwrap_err().to_string();
    assert!(error.contains("`op_tos_uri#fr`"), "{error}");

    let mut md = ProviderMetadata {
        keywords: Localized::new(vec!["a".to_owned()]),
        ..Default::default()
    };
    md.other.insert("keywords".to_owned(), json!("a").into());
    assert!(
        md.to_json_string()
            .unwrap_err()
            .to_string()
            .contains("`keywords`")
    );
}

#[test]
fn names_that_do_not_collide_serialize() {
    let mut md =
        parse(r#"{"issuer": "https://a.example", "op_tos_uri#fr": "https://a.example/fr"}"#);
    for name in [
        "Issuer",
        "issuer#en",
        "op_tos_uri#FR",
        "op_tos_uri#",
        "op_tos_uri",
        "x",
    ] {
        md.other.insert(name.to_owned(), json!(name).into());
    }
    let out = md.to_json_string().expect("no conflict");
    let value = value_of(&out);
    assert_eq!(value["op_tos_uri#FR"], json!("op_tos_uri#FR"));
    assert_eq!(value["op_tos_uri#fr"], json!("https://a.example/fr"));
    assert_eq!(value.as_object().unwrap().len(), 8);
}

// ---------------------------------------------------------------------------------------------
// 11. Building in code, defaults
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_document_writes_no_defaults() {
    let md = ProviderMetadata::default();
    assert_eq!(md.to_json_string().unwrap(), "{}");
    assert_eq!(md.to_json_string_pretty().unwrap(), "{}");
    assert_eq!(round_trip("{}"), md);
    assert_eq!(round_trip(" \n\t{ }\r\n"), md);
    assert!(md.effective_request_uri_parameter_supported());
    assert!(!md.effective_request_parameter_supported());
    assert!(!md.effective_claims_parameter_supported());
    assert!(!md.effective_require_pushed_authorization_requests());
    assert_eq!(
        md.effective_grant_types(),
        [GrantType::AuthorizationCode, GrantType::Implicit]
    );
    assert_eq!(
        md.effective_response_modes(),
        [ResponseMode::Query, ResponseMode::Fragment]
    );
    assert_eq!(
        md.effective_token_endpoint_auth_methods(),
        [ClientAuthMethod::ClientSecretBasic]
    );
    assert_eq!(
        md.effective_client_id_prefixes().collect::<Vec<_>>(),
        ["pre-registered"]
    );
    assert!(!md.supports_pkce());
    assert!(md.mistyped_members().next().is_none());
    assert_eq!(format!("{md:?}"), "ProviderMetadata");

    // Effective values never leak into the output, even after reading them.
    let md = parse(r#"{"request_uri_parameter_supported": "true", "grant_types_supported": null}"#);
    assert!(
        md.effective_request_uri_parameter_supported(),
        "mistyped counts as absent"
    );
    assert_eq!(md.effective_grant_types().len(), 2);
    assert_eq!(
        value_of(&md.to_json_string().unwrap()),
        json!({"request_uri_parameter_supported": "true", "grant_types_supported": null})
    );
    // Explicit values override the defaults; `[]` is not absent.
    let md = parse(r#"{"request_uri_parameter_supported": false, "grant_types_supported": []}"#);
    assert!(!md.effective_request_uri_parameter_supported());
    assert!(md.effective_grant_types().is_empty());
}

#[test]
fn built_in_code_round_trips() {
    let mut tos = Localized::new(UrlString::from("https://id.example.com/tos"));
    tos.insert("fr", UrlString::from("https://id.example.com/fr/cgu"));
    tos.insert("en-GB", UrlString::from("https://id.example.com/en-gb/tos"));
    let mut aliases = MtlsEndpointAliases {
        token_endpoint: Some("https://mtls.id.example.com/token".into()),
        ..Default::default()
    };
    aliases.insert("x-custom", "https://mtls.id.example.com/custom".into());
    let mut other = RawObject::new();
    other.insert(
        "x-vendor".to_owned(),
        json!({"version": 1.0, "big": u64::MAX}).into(),
    );
    other.insert("end_session_endpoint".to_owned(), Value::Null.into());

    let md = ProviderMetadata {
        issuer: Some(Issuer::from("https://id.example.com")),
        authorization_endpoint: Some("https://id.example.com/authorize".into()),
        token_endpoint: Some("https://id.example.com/token".into()),
        response_types_supported: Some(vec![
            ResponseType::CODE,
            ResponseType::from("token id_token"),
        ]),
        grant_types_supported: Some(vec![
            GrantType::AuthorizationCode,
            GrantType::from("urn:example:magic-link"),
        ]),
        scopes_supported: Some(vec![]),
        claims_parameter_supported: Some(false),
        op_tos_uri: tos,
        keywords: Localized::new(vec!["é".to_owned()]),
        mtls_endpoint_aliases: Some(aliases),
        jwks: Some(JsonObject::new()),
        other,
        ..Default::default()
    };
    let out = md.to_json_string().unwrap();
    assert!(
        out.starts_with(r#"{"issuer":"https://id.example.com","#),
        "{out}"
    );
    assert!(!out.contains("request_uri_parameter_supported"));
    let back = round_trip(&out);
    assert_eq!(back, md);
    assert!(back.has_member("end_session_endpoint") && back.end_session_endpoint.is_none());
    assert_eq!(
        value_of(&out)["mtls_endpoint_aliases"],
        json!({"token_endpoint": "https://mtls.id.example.com/token", "x-custom": "https://mtls.id.example.com/custom"})
    );
    let pretty = md.to_json_string_pretty().unwrap();
    assert_eq!(ProviderMetadata::from_json_str(&pretty).unwrap(), md);
}

// ---------------------------------------------------------------------------------------------
// 12. Deep nesting
// ---------------------------------------------------------------------------------------------

fn nested_arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn deep_nesting_round_trips_up_to_serde_json_limit() {
    let md = round_trip(&format!(r#"{{"x": {}}}"#, nested_arrays(100)));
    assert_eq!(unknown(&md), ["x"]);
    let md = round_trip(&format!(
        r#"{{"scopes_supported": ["a", {}]}}"#,
        nested_arrays(100)
    ));
    assert!(md.scopes_supported.is_none());
    let deep_object = format!("{}1{}", r#"{"a":"#.repeat(100), "}".repeat(100));
    round_trip(&format!(
        r#"{{"issuer": {deep_object}, "jwks": {deep_object}}}"#
    ));

    // serde_json's recursion limit is 128 levels, the top-level object included; every member
    // kind accepts exactly what `serde_json::Value` accepts.
    for template in [
        r#"{"x": D}"#,
        r#"{"issuer": D}"#,
        r#"{"scopes_supported": D}"#,
        r#"{"scopes_supported": ["a", D]}"#,
        r#"{"claims_parameter_supported": D}"#,
        r#"{"jwks": {"k": D}}"#,
        r#"{"mtls_endpoint_aliases": {"k": D}}"#,
        r#"{"keywords#fr": D}"#,
    ] {
        for depth in [120, 125, 126, 127, 128, 129] {
            let text = template.replace('D', &nested_arrays(depth));
            let oracle = serde_json::from_str::<Value>(&text);
            match ProviderMetadata::from_json_str(&text) {
                Ok(md) => {
                    assert!(oracle.is_ok(), "{template} depth {depth}");
                    assert_eq!(serde_json::to_value(&md).unwrap(), oracle.unwrap());
                }
                Err(error) => {
                    let json_error = oracle.expect_err("both reject");
                    assert_eq!(error.kind(), ParseErrorKind::Syntax);
                    assert_eq!(error.message(), "recursion limit exceeded");
                    assert_eq!(error.column(), json_error.column());
                }
            }
        }
    }
}

#[test]
fn very_deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [200, 10_000, 1_000_000] {
        for text in [
            format!(r#"{{"x": {}}}"#, nested_arrays(depth)),
            format!(r#"{{"issuer": {}}}"#, "[".repeat(depth)),
            format!(r#"{{"scopes_supported": ["a", {}"#, "{\"a\":".repeat(depth)),
        ] {
            let error = parse_err(&text);
            assert_eq!(error.kind(), ParseErrorKind::Syntax, "depth {depth}");
            assert_eq!(error.message(), "recursion limit exceeded");
            assert_eq!(error.line(), 1);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 13. serde Value paths
// ---------------------------------------------------------------------------------------------

#[test]
fn serde_value_paths_agree_with_the_text_path() {
    for name in FIXTURES {
        let text = fixture(name);
        let input = value_of(&text);
        let from_text = parse(&text);
        let from_value: ProviderMetadata = serde_json::from_value(input.clone()).expect(name);

        assert_eq!(serde_json::to_value(&from_text).unwrap(), input, "{name}");
        assert_eq!(serde_json::to_value(&from_value).unwrap(), input, "{name}");
        assert_eq!(from_value.other, from_text.other, "{name}");
        assert_eq!(typed_names(&from_value), typed_names(&from_text), "{name}");
        assert_eq!(mistyped(&from_value), mistyped(&from_text), "{name}");
        // Plain (non-localized) typed members are equal field by field.
        assert_eq!(from_value.issuer, from_text.issuer);
        assert_eq!(
            from_value.response_types_supported,
            from_text.response_types_supported
        );
        assert_eq!(
            from_value.mtls_endpoint_aliases,
            from_text.mtls_endpoint_aliases
        );
        assert_eq!(from_value.jwks, from_text.jwks);
        // Localized members hold the same tags (order aside).
        let tags = |md: &ProviderMetadata| -> BTreeSet<(String, String)> {
            md.op_tos_uri
                .tagged()
                .map(|(t, v)| (t.as_str().to_owned(), v.as_str().to_owned()))
                .collect()
        };
        assert_eq!(tags(&from_value), tags(&from_text), "{name}");
        // And back through text.
        let text_again = serde_json::to_string(&from_value).unwrap();
        assert_eq!(value_of(&text_again), input);
    }
}

/// `ProviderMetadata: PartialEq` should say whether two documents are the same document.
/// Localized variants are compared as a `Vec` in input order, so the same document read from
/// text and from a `serde_json::Value` (whose map is sorted by name) compares unequal.
#[test]
fn equality_does_not_depend_on_the_order_of_tagged_members() {
    let text =
        r#"{"op_tos_uri#fr": "https://a.example/fr", "op_tos_uri#de": "https://a.example/de"}"#;
    let from_text = parse(text);
    let from_value: ProviderMetadata = serde_json::from_value(value_of(text)).unwrap();
    assert_eq!(
        serde_json::to_value(&from_text).unwrap(),
        serde_json::to_value(&from_value).unwrap()
    );
    assert_eq!(
        from_value, from_text,
        "same document, different member order"
    );
}

/// The converse: `LanguageTag` compares ASCII-case-insensitively, so two documents whose JSON
/// differs (`op_tos_uri#en-US` vs `op_tos_uri#en-us`) compare equal.
#[test]
fn documents_differing_in_tag_case_are_not_equal() {
    let upper = parse(r#"{"op_tos_uri#en-US": "https://a.example/tos"}"#);
    let lower = parse(r#"{"op_tos_uri#en-us": "https://a.example/tos"}"#);
    assert_ne!(
        upper.to_json_string().unwrap(),
        lower.to_json_string().unwrap()
    );
    assert_ne!(
        upper, lower,
        "different member names must not compare equal"
    );
}

// ---------------------------------------------------------------------------------------------
// Larger fixtures
// ---------------------------------------------------------------------------------------------

#[test]
fn federation_fixture() {
    let text = fixture("federation-op.json");
    let md = round_trip(&text);
    let input = value_of(&text);
    assert_eq!(
        other_names(&md),
        names(&[
            "request_authentication_methods_supported",
            "request_authentication_signing_alg_values_supported",
            "keywords#de",
            "op_tos_uri#",
            "issuer#en",
        ])
    );
    assert_eq!(
        mistyped(&md),
        [(
            "keywords#de".to_owned(),
            json!("föderation"),
            JsonType::StringArray
        )]
    );
    let all: BTreeSet<String> = input.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        typed_names(&md),
        all.difference(&other_names(&md)).cloned().collect()
    );
    assert_eq!(typed_names(&md).len(), 46);

    assert_eq!(
        md.organization_name.value().unwrap(),
        "Example Federation Operator"
    );
    let org_tags: Vec<&str> = md
        .organization_name
        .tagged()
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(org_tags, ["sv", "ja-Kana-JP", "de"], "input order");
    assert_eq!(
        md.organization_name.lookup(&["ja-kana-jp"]).unwrap(),
        "エグザンプル"
    );
    assert_eq!(
        md.organization_name.lookup(&["ja"]).unwrap(),
        "Example Federation Operator"
    );
    assert!(md.description.value().is_none());
    assert_eq!(
        md.description.lookup(&["en-AU"]).unwrap(),
        "An OpenID Provider in the example federation."
    );
    assert_eq!(md.keywords.get("FR").unwrap(), &["fédération", "recherche"]);
    assert!(md.keywords.get("de").is_none());
    assert_eq!(md.op_tos_uri.len(), 4);
    assert_eq!(
        url(md.op_tos_uri.get("en-us")),
        Some("https://op.federation.example.org/en-US/tos"),
        "case-insensitive get finds the first spelling received"
    );
    assert_eq!(
        strs(md.client_registration_types_supported.as_ref()),
        Some(vec!["automatic", "explicit"])
    );
    let aliases = md.mtls_endpoint_aliases.as_ref().unwrap();
    assert_eq!(aliases.len(), 4);
    assert!(
        aliases
            .other
            .contains_key("federation_registration_endpoint")
    );
    assert_eq!(
        url(md.mtls_endpoint("userinfo_endpoint")),
        Some("https://mtls.op.federation.example.org/userinfo")
    );
    assert_eq!(
        url(md.mtls_endpoint("introspection_endpoint")),
        Some("https://mtls.op.federation.example.org/introspect")
    );
    assert!(!md.effective_request_uri_parameter_supported());
    assert!(md.effective_request_parameter_supported());
    assert_eq!(
        md.jwks.as_ref().unwrap()["keys"][0]["kid"],
        json!("fed-2024-1")
    );
}

#[test]
fn fapi_fixture() {
    let text = fixture("fapi-bank.json");
    let md = round_trip(&text);
    use JsonType::{Boolean, String as Str, StringArray};
    assert_eq!(
        mistyped(&md),
        [
            (
                "authorization_encryption_alg_values_supported".to_owned(),
                Value::Null,
                StringArray
            ),
            ("check_session_iframe".to_owned(), Value::Null, Str),
            ("end_session_endpoint".to_owned(), Value::Null, Str),
            ("op_policy_uri".to_owned(), Value::Null, Str),
            ("op_tos_uri#fr".to_owned(), json!(5), Str),
            (
                "request_parameter_supported".to_owned(),
                json!("true"),
                Boolean
            ),
            (
                "require_request_uri_registration".to_owned(),
                Value::Null,
                Boolean
            ),
            ("userinfo_endpoint".to_owned(), Value::Null, Str),
        ]
    );
    assert_eq!(unknown(&md), ["version"]);
    assert_eq!(typed_names(&md).len(), 46 - 9);
    for name in [
        "userinfo_endpoint",
        "end_session_endpoint",
        "op_policy_uri",
        "version",
    ] {
        assert!(md.has_member(name), "{name}");
    }
    assert!(md.userinfo_endpoint.is_none() && md.end_session_endpoint.is_none());
    assert!(md.op_policy_uri.is_empty());
    assert_eq!(
        url(md.op_tos_uri.value()),
        Some("https://bank.example/legal/tos")
    );
    assert_eq!(md.op_tos_uri.len(), 1);
    assert_eq!(
        md.id_token_encryption_alg_values_supported.as_deref(),
        Some(&[][..])
    );
    assert_eq!(md.request_parameter_supported, None);
    assert!(!md.effective_request_parameter_supported());
    assert!(!md.effective_require_request_uri_registration());
    assert!(md.effective_require_pushed_authorization_requests());
    assert!(md.supports_pkce());
    assert_eq!(
        url(md.mtls_endpoint("token_endpoint")),
        Some("https://mtls.fapi.bank.example/as/token")
    );
    assert_eq!(
        url(md.mtls_endpoint("registration_endpoint")),
        Some("https://fapi.bank.example/as/register")
    );
    assert_eq!(
        url(md.mtls_endpoint("userinfo_endpoint")),
        None,
        "null endpoint, no alias"
    );
    assert!(
        md.grant_types_supported
            .as_ref()
            .unwrap()
            .contains(&GrantType::Ciba)
    );
    let jwt = md.signed_metadata.as_ref().unwrap();
    assert!(jwt.compact_parts().is_some());
    let response_modes = strs(md.response_modes_supported.as_ref()).unwrap();
    assert_eq!(response_modes, ["query", "jwt", "query.jwt"]);
}

#[test]
fn vendor_heavy_fixture() {
    let text = fixture("vendor-heavy.json");
    let md = round_trip(&text);
    use JsonType::{Boolean, Object, String as Str, StringArray};
    assert_eq!(
        mistyped(&md),
        [
            ("backchannel_logout_supported".to_owned(), json!(1), Boolean),
            (
                "display_values_supported".to_owned(),
                json!(["page", "popup", ["touch"]]),
                StringArray
            ),
            (
                "frontchannel_logout_supported".to_owned(),
                json!("true"),
                Boolean
            ),
            (
                "introspection_endpoint".to_owned(),
                json!(["https://login.vendor.example/introspect"]),
                Str
            ),
            (
                "jwks".to_owned(),
                json!("https://login.vendor.example/jwks-should-be-an-object"),
                Object
            ),
            (
                "mtls_endpoint_aliases".to_owned(),
                json!({"token_endpoint": "https://mtls.login.vendor.example/token", "port": 8443}),
                Object
            ),
            (
                "prompt_values_supported".to_owned(),
                json!(["none", "login", null]),
                StringArray
            ),
            (
                "ui_locales_supported".to_owned(),
                json!("en-US fr-FR"),
                StringArray
            ),
        ]
    );
    assert_eq!(
        unknown(&md),
        [
            "ISSUER",
            "Issuer",
            "Response_modes_supported",
            "cloud_graph_host_name",
            "cloud_instance_name",
            "configuración_regional",
            "http_logout_supported",
            "kerberos_endpoint",
            "msgraph_host",
            "rbac_url",
            "tenant_region_scope",
            "x-vendor-build",
            "x-vendor-config-version",
            "x-vendor-nested",
            "x-vendor-offset",
            "x-vendor-ratio",
            "ключ",
            "🔑",
        ]
    );
    assert_eq!(
        typed_names(&md),
        names(&[
            "issuer",
            "authorization_endpoint",
            "token_endpoint",
            "device_authorization_endpoint",
            "jwks_uri",
            "response_modes_supported",
            "response_types_supported",
            "grant_types_supported",
            "scopes_supported",
            "subject_types_supported",
            "id_token_signing_alg_values_supported",
            "id_token_encryption_enc_values_supported",
            "token_endpoint_auth_methods_supported",
            "claims_supported",
            "end_session_endpoint",
        ])
    );
    assert_eq!(
        md.issuer.as_ref().unwrap().as_str(),
        "https://login.vendor.example/{tenantid}/v2.0"
    );
    assert_eq!(
        url(md.end_session_endpoint.as_ref()),
        Some("https://login.vendor.example/common/oauth2/v2.0/logout")
    );
    assert_eq!(md.other["🔑"], json!("\u{a0}spaced\u{a0}"));
    assert_eq!(md.other["x-vendor-build"].as_str(), u64::MAX.to_string());
    assert_eq!(md.other["x-vendor-offset"].as_str(), i64::MIN.to_string());
    let out = md.to_json_string().unwrap();
    assert!(out.contains(r#""x-vendor-config-version":1.0"#), "{out}");
    assert!(
        out.contains(r#""x-vendor-build":18446744073709551615"#),
        "{out}"
    );
    assert_eq!(
        strs(md.response_types_supported.as_ref()).unwrap(),
        [
            "code",
            "id_token",
            "code id_token",
            "id_token token",
            "token id_token",
            "code  id_token",
            "code code",
            ""
        ]
    );
    assert_eq!(
        strs(md.grant_types_supported.as_ref()).unwrap()[2..],
        [
            "device_code",
            "windows_client_authentication",
            "urn:okta:params:oauth:grant-type:otp"
        ]
    );
    assert_eq!(md.claims_supported.as_ref().unwrap()[5], "éèê");
    // The mistyped alias object is not consulted.
    assert_eq!(
        url(md.mtls_endpoint("token_endpoint")),
        Some("https://login.vendor.example/common/oauth2/v2.0/token")
    );
    assert!(!md.effective_frontchannel_logout_supported());
}

#[test]
fn verifiable_credentials_fixture_is_fully_typed() {
    let text = fixture("verifiable-credentials-as.json");
    let md = round_trip(&text);
    assert!(md.other.is_empty(), "{:?}", md.other);
    assert_eq!(typed_names(&md).len(), 43);
    assert_eq!(
        md.response_types_supported.as_deref().unwrap()[2],
        ResponseType::VP_TOKEN_ID_TOKEN
    );
    assert_eq!(
        md.effective_client_id_prefixes().collect::<Vec<_>>(),
        ["redirect_uri", "x509_san_dns", "decentralized_identifier"]
    );
    assert_eq!(md.attachments_supported.as_deref(), Some(&[][..]));
    assert_eq!(
        md.vp_formats_supported.as_ref().unwrap()["mso_mdoc"]["issuerauth_alg_values"],
        json!([-7, -9])
    );
    assert_eq!(
        md.pre_authorized_grant_anonymous_access_supported,
        Some(false)
    );
    assert_eq!(
        url(md.op_policy_uri.lookup(&["de-AT"])),
        Some("https://wallet-as.example.eu/de/datenschutz")
    );
    assert_eq!(
        url(md.op_policy_uri.lookup(&["it"])),
        Some("https://wallet-as.example.eu/privacy")
    );
    assert!(md.mistyped_members().next().is_none());
}
