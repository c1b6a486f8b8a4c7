//! Behaviour of the open value sets: known values, unknown values, serde, schemas, helpers.

use std::collections::hash_map::DefaultHasher;
use std::convert::Infallible;
use std::fmt::{self, Debug};
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use oidc_discovery_types::{
    AccessTokenType, ClaimType, ClientAuthMethod, ClientRegistrationType, Display as DisplayValue,
    GrantType, IntrospectionAuthMethod, JweAlg, JweEnc, JwsAlg, PkceMethod, Prompt, ResponseMode,
    SubjectType, TokenDeliveryMode,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// The inherent API that `open_enum!` generates, gathered into a trait for generic checks.
trait OpenEnum:
    'static
    + Sized
    + Clone
    + Debug
    + Eq
    + Hash
    + Ord
    + fmt::Display
    + FromStr<Err = Infallible>
    + for<'a> From<&'a str>
    + From<String>
    + AsRef<str>
    + Serialize
    + DeserializeOwned
    + schemars::JsonSchema
{
    fn known_list() -> &'static [Self];
    fn known_value(value: &str) -> Option<Self>;
    fn parse_value(value: &str) -> Self;
    fn text(&self) -> &str;
    fn is_known_value(&self) -> bool;
    fn cite(&self) -> Option<&'static str>;
}

macro_rules! impl_open_enum {
    ($($t:ty),+ $(,)?) => {$(
        impl OpenEnum for $t {
            fn known_list() -> &'static [Self] { <$t>::KNOWN }
            fn known_value(value: &str) -> Option<Self> { <$t>::known(value) }
            fn parse_value(value: &str) -> Self { <$t>::parse(value) }
            fn text(&self) -> &str { <$t>::as_str(self) }
            fn is_known_value(&self) -> bool { <$t>::is_known(self) }
            fn cite(&self) -> Option<&'static str> { <$t>::citation(self) }
        }
    )+};
}

impl_open_enum!(
    GrantType,
    ResponseMode,
    ClientAuthMethod,
    AccessTokenType,
    PkceMethod,
    SubjectType,
    ClaimType,
    DisplayValue,
    Prompt,
    TokenDeliveryMode,
    ClientRegistrationType,
    JwsAlg,
    JweAlg,
    JweEnc,
);

/// Runs a generic check for every open enum, with the expected wire values of each (in order).
macro_rules! for_each_enum {
    ($check:ident) => {
        $check::<ResponseMode>(&[
            "query",
            "fragment",
            "form_post",
            "query.jwt",
            "fragment.jwt",
            "form_post.jwt",
            "jwt",
            "direct_post",
            "direct_post.jwt",
            "dc_api",
            "dc_api.jwt",
        ]);
        $check::<ClientAuthMethod>(&[
            "none",
            "client_secret_post",
            "client_secret_basic",
            "client_secret_jwt",
            "private_key_jwt",
            "tls_client_auth",
            "self_signed_tls_client_auth",
            "attest_jwt_client_auth",
            "attest_jwt_client_auth_dpop",
        ]);
        $check::<AccessTokenType>(&["Bearer", "N_A", "PoP", "DPoP"]);
        $check::<PkceMethod>(&["plain", "S256"]);
        $check::<SubjectType>(&["public", "pairwise"]);
        $check::<ClaimType>(&["normal", "aggregated", "distributed"]);
        $check::<DisplayValue>(&["page", "popup", "touch", "wap"]);
        $check::<Prompt>(&["none", "login", "consent", "select_account", "create"]);
        $check::<TokenDeliveryMode>(&["poll", "ping", "push"]);
        $check::<ClientRegistrationType>(&["automatic", "explicit"]);
        $check::<JwsAlg>(&[
            "HS256",
            "HS384",
            "HS512",
            "RS256",
            "RS384",
            "RS512",
            "ES256",
            "ES384",
            "ES512",
            "PS256",
            "PS384",
            "PS512",
            "none",
            "EdDSA",
            "Ed25519",
            "Ed448",
            "ES256K",
            "ML-DSA-44",
            "ML-DSA-65",
            "ML-DSA-87",
        ]);
        $check::<JweAlg>(&[
            "RSA1_5",
            "RSA-OAEP",
            "RSA-OAEP-256",
            "RSA-OAEP-384",
            "RSA-OAEP-512",
            "A128KW",
            "A192KW",
            "A256KW",
            "dir",
            "ECDH-ES",
            "ECDH-ES+A128KW",
            "ECDH-ES+A192KW",
            "ECDH-ES+A256KW",
            "A128GCMKW",
            "A192GCMKW",
            "A256GCMKW",
            "PBES2-HS256+A128KW",
            "PBES2-HS384+A192KW",
            "PBES2-HS512+A256KW",
        ]);
        $check::<JweEnc>(&[
            "A128CBC-HS256",
            "A192CBC-HS384",
            "A256CBC-HS512",
            "A128GCM",
            "A192GCM",
            "A256GCM",
        ]);
        $check::<GrantType>(&[
            "authorization_code",
            "implicit",
            "password",
            "client_credentials",
            "refresh_token",
            "urn:ietf:params:oauth:grant-type:jwt-bearer",
            "urn:ietf:params:oauth:grant-type:saml2-bearer",
            "urn:ietf:params:oauth:grant-type:device_code",
            "urn:ietf:params:oauth:grant-type:token-exchange",
            "urn:openid:params:grant-type:ciba",
            "urn:ietf:params:oauth:grant-type:pre-authorized_code",
            "urn:ietf:params:oauth:grant-type:uma-ticket",
        ]);
    };
}

fn hash_of<T: Hash>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

fn type_name<T>() -> &'static str {
    std::any::type_name::<T>()
}

// ---------------------------------------------------------------------------------------------
// Known values
// ---------------------------------------------------------------------------------------------

fn check_known_list<T: OpenEnum>(expected: &[&str]) {
    let known: Vec<&str> = T::known_list().iter().map(T::text).collect();
    assert_eq!(known, expected, "{}::KNOWN", type_name::<T>());
}

#[test]
fn known_lists_match_the_specifications() {
    for_each_enum!(check_known_list);
}

fn check_known_round_trip<T: OpenEnum>(expected: &[&str]) {
    let name = type_name::<T>();
    for (i, &value) in expected.iter().enumerate() {
        let parsed = T::parse_value(value);
        assert!(parsed.is_known_value(), "{name}: {value:?} should be known");
        assert_eq!(parsed, T::known_list()[i], "{name}: {value:?}");
        assert_eq!(parsed.text(), value, "{name}: as_str");
        assert_eq!(parsed.as_ref(), value, "{name}: as_ref");
        assert_eq!(parsed.to_string(), value, "{name}: to_string");
        assert_eq!(format!("{parsed}"), value, "{name}: Display");
        assert_eq!(
            T::known_value(value),
            Some(parsed.clone()),
            "{name}: known()"
        );
        assert_eq!(T::from(value), parsed, "{name}: From<&str>");
        assert_eq!(T::from(value.to_owned()), parsed, "{name}: From<String>");
        assert_eq!(value.parse::<T>(), Ok(parsed.clone()), "{name}: FromStr");

        let citation = parsed
            .cite()
            .unwrap_or_else(|| panic!("{name}: {value:?} has no citation"));
        assert!(
            !citation.trim().is_empty(),
            "{name}: {value:?} has an empty citation"
        );

        // serde: serialized as the bare string; deserialized from borrowed and owned strings.
        let serialized = serde_json::to_value(&parsed).unwrap();
        assert_eq!(
            serialized,
            Value::String(value.to_owned()),
            "{name}: serialize"
        );
        let text = serde_json::to_string(&parsed).unwrap();
        assert_eq!(
            serde_json::from_str::<T>(&text).unwrap(),
            parsed,
            "{name}: from_str"
        );
        assert_eq!(
            serde_json::from_value::<T>(serialized).unwrap(),
            parsed,
            "{name}: from_value"
        );
    }
    // The variants are pairwise distinct, and so are their wire values.
    for (i, a) in T::known_list().iter().enumerate() {
        for b in &T::known_list()[i + 1..] {
            assert_ne!(a, b, "{name}: duplicate variant");
            assert_ne!(a.text(), b.text(), "{name}: duplicate wire value");
        }
    }
}

#[test]
fn known_values_parse_display_and_round_trip() {
    for_each_enum!(check_known_round_trip);
}

fn check_serde_rejects_non_strings<T: OpenEnum>(_: &[&str]) {
    for json in ["1", "null", "true", "[]", "{}", r#"["S256"]"#] {
        assert!(
            serde_json::from_str::<T>(json).is_err(),
            "{}: accepted {json}",
            type_name::<T>()
        );
    }
}

#[test]
fn serde_accepts_only_strings() {
    for_each_enum!(check_serde_rejects_non_strings);
}

#[test]
fn escaped_json_strings_are_unescaped_before_matching() {
    // "RS256" with escapes: serde_json hands over an unescaped copy, which must still match.
    let alg: JwsAlg = serde_json::from_str(r#""RS\u0032\u00356""#).unwrap();
    assert_eq!(alg, JwsAlg::Rs256);
    let mode: ResponseMode = serde_json::from_str(r#""form_post\u002ejwt""#).unwrap();
    assert_eq!(mode, ResponseMode::FormPostJwt);
}

// ---------------------------------------------------------------------------------------------
// Unknown values
// ---------------------------------------------------------------------------------------------

fn assert_unknown<T: OpenEnum>(value: &str) {
    let name = type_name::<T>();
    let shown: String = value.chars().take(40).collect();
    let parsed = T::parse_value(value);
    assert!(
        !parsed.is_known_value(),
        "{name}: {shown:?} should be unknown"
    );
    assert_eq!(parsed.text(), value, "{name}: {shown:?} as_str");
    assert_eq!(parsed.to_string(), value, "{name}: {shown:?} to_string");
    assert_eq!(parsed.cite(), None, "{name}: {shown:?} citation");
    assert_eq!(T::known_value(value), None, "{name}: {shown:?} known()");
    assert_eq!(
        T::from(value.to_owned()),
        parsed,
        "{name}: {shown:?} From<String>"
    );
    assert_eq!(
        value.parse::<T>(),
        Ok(parsed.clone()),
        "{name}: {shown:?} FromStr"
    );
    for known in T::known_list() {
        assert_ne!(&parsed, known, "{name}: {shown:?} equals {known:?}");
    }

    // serde keeps the value byte for byte, through the borrowed and the owned path.
    let serialized = serde_json::to_value(&parsed).unwrap();
    assert_eq!(
        serialized,
        Value::String(value.to_owned()),
        "{name}: {shown:?} serialize"
    );
    let text = serde_json::to_string(&parsed).unwrap();
    let back: T = serde_json::from_str(&text).unwrap();
    assert_eq!(back, parsed, "{name}: {shown:?} from_str");
    assert_eq!(back.text(), value);
    let back: T = serde_json::from_value(serialized).unwrap();
    assert_eq!(back.text(), value, "{name}: {shown:?} from_value");

    // From<String> keeps the String's allocation for unknown values.
    if !value.is_empty() {
        let owned = value.to_owned();
        let ptr = owned.as_ptr();
        assert_eq!(
            T::from(owned).text().as_ptr(),
            ptr,
            "{name}: {shown:?} reallocated"
        );
    }
}

/// Near misses of every known value (case, whitespace, NUL, a suffix) plus odd strings.
fn check_unknown_near_misses<T: OpenEnum>(expected: &[&str]) {
    for known in T::known_list() {
        let k = known.text();
        let mut candidates = vec![
            format!(" {k}"),
            format!("{k} "),
            format!("{k}\n"),
            format!("{k}\0"),
            format!("{k}x"),
            format!("\"{k}\""),
            k[..k.len() - 1].to_owned(),
        ];
        candidates.extend([k.to_uppercase(), k.to_lowercase()]);
        // Some near misses are other known values ("ES256K" minus its last byte is "ES256").
        for candidate in candidates
            .iter()
            .filter(|c| !expected.contains(&c.as_str()))
        {
            assert_unknown::<T>(candidate);
        }
    }
    for odd in [
        "",
        " ",
        "unknown",
        "é",
        "ＲＳ２５６",
        "😀 ¿qué?",
        "\u{feff}none",
    ] {
        assert_unknown::<T>(odd);
    }
    assert_unknown::<T>(&"A".repeat(10 * 1024));
    assert_unknown::<T>(&"é".repeat(5 * 1024));
}

#[test]
fn near_misses_of_known_values_stay_unknown() {
    for_each_enum!(check_unknown_near_misses);
}

#[test]
fn real_world_unknown_values_are_kept_verbatim() {
    assert_unknown::<PkceMethod>("S256 ");
    assert_unknown::<PkceMethod>("s256");
    assert_unknown::<PkceMethod>("SHA256");
    assert_unknown::<JweEnc>("A128CBC+HS256");
    assert_unknown::<JweEnc>("A256CBC+HS512");
    assert_unknown::<JweEnc>("XC20P");
    assert_unknown::<JweAlg>("RSA-OAEP+A128KW");
    assert_unknown::<JwsAlg>("RS1");
    assert_unknown::<JwsAlg>("HS1");
    assert_unknown::<JwsAlg>("ES256k");
    assert_unknown::<JwsAlg>("ML-DSA-44 ");
    assert_unknown::<ClientAuthMethod>("windows_client_authentication");
    assert_unknown::<ClientAuthMethod>("Bearer");
    assert_unknown::<GrantType>("device_code");
    assert_unknown::<ResponseMode>("okta_post_message");
    assert_unknown::<ResponseMode>("web_message");
    assert_unknown::<ResponseMode>("form_post.JWT");
    assert_unknown::<Prompt>("select-account");
    assert_unknown::<DisplayValue>("mobile");
    assert_unknown::<AccessTokenType>("bearer");
    assert_unknown::<AccessTokenType>("N/A");
    assert_unknown::<AccessTokenType>("private_key_jwt");

    let enc = JweEnc::from("A128CBC+HS256");
    assert_ne!(enc, JweEnc::A128CbcHs256);
    let pkce = PkceMethod::from("s256");
    assert_ne!(pkce, PkceMethod::S256);
    assert_eq!(serde_json::to_string(&pkce).unwrap(), r#""s256""#);
}

#[test]
fn unknown_values_compare_and_hash_by_text() {
    let a = JwsAlg::from("XC20P");
    let b: JwsAlg = serde_json::from_str(r#""XC20P""#).unwrap();
    assert_eq!(a, b);
    assert_eq!(hash_of(&a), hash_of(&b));
    assert_ne!(a, JwsAlg::from("xc20p"));
    assert!(a == "XC20P");
    assert!(JwsAlg::Rs256 == "RS256");
}

// ---------------------------------------------------------------------------------------------
// IntrospectionAuthMethod
// ---------------------------------------------------------------------------------------------

#[test]
fn introspection_known_values_land_in_the_right_set() {
    assert!(matches!(
        IntrospectionAuthMethod::from("Bearer"),
        IntrospectionAuthMethod::AccessToken(AccessTokenType::Bearer)
    ));
    assert!(matches!(
        IntrospectionAuthMethod::from("private_key_jwt"),
        IntrospectionAuthMethod::ClientAuth(ClientAuthMethod::PrivateKeyJwt)
    ));
    assert!(matches!(
        IntrospectionAuthMethod::from("none"),
        IntrospectionAuthMethod::ClientAuth(ClientAuthMethod::None)
    ));

    for method in ClientAuthMethod::KNOWN {
        let value = method.as_str();
        let parsed = IntrospectionAuthMethod::from(value);
        assert_eq!(parsed, IntrospectionAuthMethod::ClientAuth(method.clone()));
        assert!(matches!(&parsed, IntrospectionAuthMethod::ClientAuth(m) if m == method));
        check_introspection_round_trip(value, true);
    }
    for token_type in AccessTokenType::KNOWN {
        let value = token_type.as_str();
        let parsed = IntrospectionAuthMethod::from(value);
        assert!(matches!(&parsed, IntrospectionAuthMethod::AccessToken(t) if t == token_type));
        check_introspection_round_trip(value, true);
    }
}

#[test]
fn introspection_registries_are_disjoint() {
    // RFC 8414 §7.2 relies on it; a value in both lists would be ambiguous.
    for method in ClientAuthMethod::KNOWN {
        assert!(
            AccessTokenType::known(method.as_str()).is_none(),
            "{method:?}"
        );
    }
}

fn check_introspection_round_trip(value: &str, known: bool) {
    let parsed = IntrospectionAuthMethod::parse(value);
    assert_eq!(parsed.is_known(), known, "{value:?}");
    assert_eq!(parsed.as_str(), value);
    assert_eq!(parsed.as_ref(), value);
    assert_eq!(parsed.to_string(), value);
    assert_eq!(IntrospectionAuthMethod::from(value.to_owned()), parsed);
    assert_eq!(value.parse::<IntrospectionAuthMethod>(), Ok(parsed.clone()));
    assert_eq!(serde_json::to_value(&parsed).unwrap(), json!(value));
    let text = serde_json::to_string(&parsed).unwrap();
    let back: IntrospectionAuthMethod = serde_json::from_str(&text).unwrap();
    assert_eq!(back.as_str(), value);
    let back: IntrospectionAuthMethod = serde_json::from_value(json!(value)).unwrap();
    assert_eq!(back.as_str(), value);
    assert_eq!(back, parsed);
    assert_eq!(hash_of(&back), hash_of(&parsed));
}

#[test]
fn introspection_unknown_values_are_unknown_client_auth_methods() {
    let long = "x".repeat(10 * 1024);
    for value in [
        "bearer",
        "BEARER",
        "dpop",
        "",
        "windows_client_authentication",
        "é",
        long.as_str(),
    ] {
        let parsed = IntrospectionAuthMethod::from(value);
        assert!(
            matches!(&parsed, IntrospectionAuthMethod::ClientAuth(ClientAuthMethod::Unknown(u)) if u.as_str() == value),
            "{parsed:?}"
        );
        check_introspection_round_trip(value, false);
        assert_ne!(parsed, IntrospectionAuthMethod::from("Bearer"));
    }
    let owned = String::from("x-custom-auth");
    let ptr = owned.as_ptr();
    assert_eq!(IntrospectionAuthMethod::from(owned).as_str().as_ptr(), ptr);
    assert!(serde_json::from_str::<IntrospectionAuthMethod>("42").is_err());
}

#[test]
fn introspection_equality_hash_and_order_follow_the_text() {
    let values = [
        "private_key_jwt",
        "Bearer",
        "bearer",
        "DPoP",
        "none",
        "N_A",
        "urn:example:auth",
        "client_secret_basic",
    ];
    let parsed: Vec<IntrospectionAuthMethod> = values.iter().map(|v| v.parse().unwrap()).collect();
    for (a, va) in parsed.iter().zip(values) {
        for (b, vb) in parsed.iter().zip(values) {
            assert_eq!(a == b, va == vb, "{va:?} == {vb:?}");
            assert_eq!(a.cmp(b), va.cmp(vb), "{va:?} cmp {vb:?}");
            assert_eq!(a.partial_cmp(b), Some(va.cmp(vb)));
            if a == b {
                assert_eq!(hash_of(a), hash_of(b));
            }
        }
    }
    let mut sorted = parsed.clone();
    sorted.sort();
    let mut expected = values.to_vec();
    expected.sort_unstable();
    assert_eq!(
        sorted
            .iter()
            .map(IntrospectionAuthMethod::as_str)
            .collect::<Vec<_>>(),
        expected
    );

    // Built from either inner enum, a value equals its parsed form.
    assert_eq!(
        IntrospectionAuthMethod::from(AccessTokenType::DPoP),
        IntrospectionAuthMethod::from("DPoP")
    );
    assert_eq!(
        IntrospectionAuthMethod::from(ClientAuthMethod::from("urn:example:auth")),
        IntrospectionAuthMethod::from("urn:example:auth")
    );
}

// ---------------------------------------------------------------------------------------------
// JSON Schema
// ---------------------------------------------------------------------------------------------

/// The schema is `{"type": "string", "anyOf": [{"enum": [known…]}, {<any other string>}]}`.
fn check_open_schema(schema: &Value, expected: &[&str], name: &str) {
    assert_eq!(schema["type"], "string", "{name}: {schema:#}");
    let description = schema["description"].as_str().unwrap_or_default();
    assert!(!description.trim().is_empty(), "{name}: no description");
    // Nothing at the top level restricts the string itself.
    for keyword in [
        "enum",
        "const",
        "pattern",
        "oneOf",
        "allOf",
        "not",
        "maxLength",
    ] {
        assert!(schema.get(keyword).is_none(), "{name}: top-level {keyword}");
    }
    let any_of = schema["anyOf"].as_array().expect("anyOf");
    assert_eq!(any_of.len(), 2, "{name}: {schema:#}");
    assert_eq!(any_of[0]["enum"], json!(expected), "{name}: known values");
    // The second branch has no constraint at all: it accepts every other string.
    let other = any_of[1].as_object().expect("object");
    assert!(
        other.keys().all(|k| k == "description"),
        "{name}: {other:?}"
    );
}

fn check_schema<T: OpenEnum>(expected: &[&str]) {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    check_open_schema(&schema, expected, type_name::<T>());
}

#[test]
fn schemas_list_the_known_values_and_allow_others() {
    for_each_enum!(check_schema);
}

#[test]
fn jws_alg_schema_contains_every_known_value() {
    let schema = serde_json::to_value(schemars::schema_for!(JwsAlg)).unwrap();
    let listed = schema["anyOf"][0]["enum"].as_array().unwrap();
    for alg in JwsAlg::KNOWN {
        assert!(listed.contains(&json!(alg.as_str())), "{alg:?}");
    }
    assert!(!listed.contains(&json!("XC20P")));
}

#[test]
fn introspection_schema_lists_both_sets() {
    let schema = serde_json::to_value(schemars::schema_for!(IntrospectionAuthMethod)).unwrap();
    let expected: Vec<&str> = ClientAuthMethod::KNOWN
        .iter()
        .map(ClientAuthMethod::as_str)
        .chain(AccessTokenType::KNOWN.iter().map(AccessTokenType::as_str))
        .collect();
    check_open_schema(&schema, &expected, "IntrospectionAuthMethod");
}

// ---------------------------------------------------------------------------------------------
// Helper methods
// ---------------------------------------------------------------------------------------------

/// Checks `predicate` against every known value (true exactly for `expected_true`) and a few
/// unknown ones (always false).
fn check_predicate<T: OpenEnum>(what: &str, predicate: fn(&T) -> bool, expected_true: &[&str]) {
    for value in T::known_list() {
        assert_eq!(
            predicate(value),
            expected_true.contains(&value.text()),
            "{}::{what}({:?})",
            type_name::<T>(),
            value.text()
        );
    }
    for expected in expected_true {
        assert!(
            T::known_value(expected).is_some(),
            "{expected:?} is not known"
        );
        for near_miss in [
            expected.to_lowercase(),
            expected.to_uppercase(),
            format!("{expected} "),
        ] {
            if T::known_value(&near_miss).is_none() {
                assert!(
                    !predicate(&T::parse_value(&near_miss)),
                    "{what}({near_miss:?})"
                );
            }
        }
    }
}

#[test]
fn jws_alg_helpers() {
    check_predicate(
        "is_symmetric",
        JwsAlg::is_symmetric,
        &["HS256", "HS384", "HS512"],
    );
    check_predicate("is_none", JwsAlg::is_none, &["none"]);
    check_predicate("is_deprecated", JwsAlg::is_deprecated, &["EdDSA"]);
    assert!(!JwsAlg::from("HS1").is_symmetric());
    assert!(!JwsAlg::from("None").is_none());
}

#[test]
fn client_auth_helpers() {
    check_predicate(
        "requires_signing_alg_values",
        ClientAuthMethod::requires_signing_alg_values,
        &["client_secret_jwt", "private_key_jwt"],
    );
    check_predicate(
        "is_mtls",
        ClientAuthMethod::is_mtls,
        &["tls_client_auth", "self_signed_tls_client_auth"],
    );
}

#[test]
fn response_mode_helpers() {
    check_predicate(
        "is_jarm",
        ResponseMode::is_jarm,
        &["query.jwt", "fragment.jwt", "form_post.jwt", "jwt"],
    );
    assert!(!ResponseMode::from("web_message.jwt").is_jarm());
}

#[test]
fn display_value_set_is_not_the_display_trait() {
    // `Display` the value set lives alongside `std::fmt::Display` the trait.
    fn show(value: &impl fmt::Display) -> String {
        value.to_string()
    }
    assert_eq!(show(&DisplayValue::Popup), "popup");
    assert_eq!(show(&oidc_discovery_types::Display::from("wap")), "wap");
}
