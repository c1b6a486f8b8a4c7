//! `ResponseType`: set semantics, spelling kept, malformed values kept and reported.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeSet, HashSet};
use std::hash::{Hash, Hasher};

use oidc_discovery_types::{ResponseType, ResponseTypeMalformation, ResponseTypeToken};

fn hash_of(value: &ResponseType) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[test]
fn token_order_does_not_matter_for_equality_or_hashing() {
    let cases = [
        ("code id_token", "id_token code"),
        ("id_token token", "token id_token"),
        ("code id_token token", "token id_token code"),
        ("code id_token token", "id_token code token"),
        ("vp_token id_token", "id_token vp_token"),
        ("code device_code", "device_code code"),
        ("a b c", "c a b"),
    ];
    for (left, right) in cases {
        let (l, r) = (ResponseType::from(left), ResponseType::from(right));
        assert_eq!(l, r, "{left} vs {right}");
        assert_eq!(hash_of(&l), hash_of(&r), "{left} vs {right}");
        assert_eq!(l.cmp(&r), std::cmp::Ordering::Equal);
        assert_eq!(l.canonical(), r.canonical());
        // …and each keeps its own spelling.
        assert_eq!(l.as_str(), left);
        assert_eq!(r.to_string(), right);
    }
    let set: HashSet<ResponseType> = ["code id_token", "id_token code", "code"]
        .into_iter()
        .map(ResponseType::from)
        .collect();
    assert_eq!(set.len(), 2);
    let ordered: BTreeSet<ResponseType> = ["token id_token", "id_token token"]
        .into_iter()
        .map(ResponseType::from)
        .collect();
    assert_eq!(ordered.len(), 1);
}

#[test]
fn different_sets_differ() {
    let distinct = [
        "code",
        "token",
        "id_token",
        "none",
        "code token",
        "code id_token",
        "id_token token",
        "code id_token token",
        "vp_token",
        "vp_token id_token",
        "code device_code",
        "device_code",
        "Code",
        "",
        "codeid_token",
    ];
    for (i, a) in distinct.iter().enumerate() {
        for (j, b) in distinct.iter().enumerate() {
            let equal = ResponseType::from(*a) == ResponseType::from(*b);
            assert_eq!(equal, i == j, "{a:?} vs {b:?}");
        }
    }
}

#[test]
fn constants_match_parsed_values_and_are_registered() {
    let constants = [
        (ResponseType::CODE, "code"),
        (ResponseType::TOKEN, "token"),
        (ResponseType::ID_TOKEN, "id_token"),
        (ResponseType::NONE, "none"),
        (ResponseType::CODE_TOKEN, "code token"),
        (ResponseType::CODE_ID_TOKEN, "code id_token"),
        (ResponseType::ID_TOKEN_TOKEN, "id_token token"),
        (ResponseType::CODE_ID_TOKEN_TOKEN, "code id_token token"),
        (ResponseType::VP_TOKEN, "vp_token"),
        (ResponseType::VP_TOKEN_ID_TOKEN, "vp_token id_token"),
    ];
    for (constant, spelling) in constants {
        assert_eq!(constant, ResponseType::from(spelling));
        assert_eq!(constant.as_str(), spelling);
        assert_eq!(
            constant.canonical(),
            spelling,
            "registered spellings are canonical"
        );
        assert!(constant.is_registered(), "{spelling}");
        assert_eq!(constant.malformation(), None);
    }
    for unregistered in [
        "code none",
        "token vp_token",
        "code device_code",
        "codeid_token",
    ] {
        assert!(
            !ResponseType::from(unregistered).is_registered(),
            "{unregistered}"
        );
    }
}

#[test]
fn canonical_form_orders_known_tokens_then_sorted_unknown_ones() {
    let cases = [
        ("token id_token code", "code id_token token"),
        ("token code", "code token"),
        ("id_token vp_token", "vp_token id_token"),
        ("zeta code alpha", "code alpha zeta"),
        ("code  id_token", "code id_token"),
        ("code code", "code"),
        (" none", "none"),
        ("", ""),
    ];
    for (input, canonical) in cases {
        assert_eq!(
            ResponseType::from(input).canonical(),
            canonical,
            "{input:?}"
        );
    }
}

#[test]
fn tokens_and_predicates() {
    let rt = ResponseType::from("token device_code id_token code");
    let tokens: Vec<&str> = rt.tokens().map(ResponseTypeToken::as_str).collect();
    assert_eq!(tokens, ["code", "id_token", "token", "device_code"]);
    assert_eq!(rt.len(), 4);
    assert!(rt.has_code() && rt.has_id_token() && rt.has_token() && !rt.has_none());
    assert!(rt.contains(&ResponseTypeToken::IdToken));
    assert!(rt.contains(&ResponseTypeToken::from("device_code")));
    assert!(!rt.contains(&ResponseTypeToken::from("vp_token")));
    assert_eq!(
        rt.unknown_tokens(),
        [ResponseTypeToken::from("device_code")]
    );
    assert!(ResponseType::NONE.has_none());
    assert_eq!(ResponseType::NONE.len(), 1);
    assert!(ResponseType::from("").is_empty());
}

#[test]
fn malformed_values_are_kept_and_reported() {
    let cases = [
        ("", Some(ResponseTypeMalformation::Empty)),
        ("   ", Some(ResponseTypeMalformation::Empty)),
        ("code  id_token", Some(ResponseTypeMalformation::EmptyToken)),
        (" code", Some(ResponseTypeMalformation::EmptyToken)),
        ("code ", Some(ResponseTypeMalformation::EmptyToken)),
        (
            "code code",
            Some(ResponseTypeMalformation::RepeatedToken("code".into())),
        ),
        (
            "x y x",
            Some(ResponseTypeMalformation::RepeatedToken("x".into())),
        ),
        ("code id_token", None),
        ("codeid_token", None), // a single unknown token: unknown, not malformed
    ];
    for (input, expected) in cases {
        let rt = ResponseType::from(input);
        assert_eq!(rt.malformation(), expected, "{input:?}");
        assert_eq!(rt.as_str(), input, "kept verbatim");
        assert_eq!(
            serde_json::to_string(&rt).unwrap(),
            serde_json::to_string(input).unwrap()
        );
    }
    // "code code" is the set {code} for comparisons; its spelling still survives.
    assert_eq!(ResponseType::from("code code"), ResponseType::CODE);
    assert_ne!(ResponseType::from(""), ResponseType::NONE);
}

#[test]
fn serde_round_trip_keeps_spelling() {
    for spelling in [
        "token id_token",
        "code",
        "code  id_token",
        "a\u{e9} b",
        "token\tcode",
    ] {
        let json = serde_json::to_string(spelling).unwrap();
        let parsed: ResponseType = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed.as_str(), spelling);
        assert_eq!(serde_json::to_string(&parsed).unwrap(), json);
        // Owned-string path (escapes force serde_json to hand over a fresh string).
        let owned = ResponseType::from(spelling.to_owned());
        assert_eq!(owned, parsed);
        assert_eq!(owned.as_str(), spelling);
    }
    // A tab is not a separator (RFC 6749 §3.1.1 says space-delimited).
    assert_eq!(ResponseType::from("token\tcode").len(), 1);
    let escaped: ResponseType = serde_json::from_str(r#""code\u0020id_token""#).unwrap();
    assert_eq!(escaped, ResponseType::CODE_ID_TOKEN);
    assert!(serde_json::from_str::<ResponseType>("5").is_err());
}
