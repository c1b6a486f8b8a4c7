//! Properties of the value sets, over generated strings: every string round-trips through every
//! open enum, known spellings always give known variants, and response types compare as token
//! sets whatever their spelling.

use std::collections::BTreeSet;
use std::hash::{BuildHasher, Hash, RandomState};

use oidc_discovery_types::{
    AccessTokenType, ClaimType, ClientAuthMethod, ClientRegistrationType, Display, GrantType,
    IntrospectionAuthMethod, JweAlg, JweEnc, JwsAlg, LanguageTag, PkceMethod, Prompt, ResponseMode,
    ResponseType, ResponseTypeToken, SubjectType, TokenDeliveryMode,
};
use proptest::prelude::*;
use serde_json::Value;

/// Every known wire value of every value set (so that a value known to one set is tried as an
/// unknown value of the others).
fn all_known() -> Vec<String> {
    fn strings<T: AsRef<str>>(known: &[T]) -> impl Iterator<Item = String> + '_ {
        known.iter().map(|value| value.as_ref().to_owned())
    }
    let mut all: Vec<String> = strings(GrantType::KNOWN)
        .chain(strings(ResponseMode::KNOWN))
        .chain(strings(ClientAuthMethod::KNOWN))
        .chain(strings(AccessTokenType::KNOWN))
        .chain(strings(PkceMethod::KNOWN))
        .chain(strings(SubjectType::KNOWN))
        .chain(strings(ClaimType::KNOWN))
        .chain(strings(Display::KNOWN))
        .chain(strings(Prompt::KNOWN))
        .chain(strings(TokenDeliveryMode::KNOWN))
        .chain(strings(ClientRegistrationType::KNOWN))
        .chain(strings(JwsAlg::KNOWN))
        .chain(strings(JweAlg::KNOWN))
        .chain(strings(JweEnc::KNOWN))
        .chain(strings(ResponseTypeToken::KNOWN))
        .collect();
    all.sort();
    all.dedup();
    all
}

/// Strings as providers write them: known values, near misses of known values (case, spaces,
/// prefixes), vendor-style identifiers, and arbitrary Unicode.
fn value_string() -> impl Strategy<Value = String> {
    let known = prop::sample::select(all_known());
    prop_oneof![
        3 => known.clone(),
        2 => (known.clone(), 0..6_u8).prop_map(|(value, how)| match how {
            0 => value.to_uppercase(),
            1 => value.to_lowercase(),
            2 => format!(" {value}"),
            3 => format!("{value} "),
            4 => format!("urn:example:{value}"),
            _ => format!("{value}\u{0}"),
        }),
        2 => "[a-zA-Z0-9_:.+/-]{0,24}",
        2 => any::<String>(),
    ]
}

/// Checks the open-enum contract of `$t` for one string.
macro_rules! open_enum_round_trip {
    ($value:expr, $($t:ty),+ $(,)?) => {{
        let value: &str = $value;
        $(
            let parsed = <$t>::from(value);
            // Display, as_str, serde: byte for byte.
            prop_assert_eq!(parsed.as_str(), value, "{}", stringify!($t));
            prop_assert_eq!(parsed.to_string(), value);
            prop_assert_eq!(serde_json::to_value(&parsed).unwrap(), Value::from(value));
            // Every way in gives the same value.
            prop_assert_eq!(&<$t>::from(value.to_owned()), &parsed);
            prop_assert_eq!(&value.parse::<$t>().unwrap(), &parsed);
            let deserialized: $t = serde_json::from_value(Value::from(value)).unwrap();
            prop_assert_eq!(&deserialized, &parsed);
            let text = serde_json::to_string(value).unwrap();
            let borrowed: $t = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(&borrowed, &parsed);
            // Known exactly when the spelling is one of the known values; then it is that
            // variant, so there is no `Unknown` holding a known spelling.
            let known = <$t>::KNOWN.iter().find(|k| k.as_str() == value);
            prop_assert_eq!(parsed.is_known(), known.is_some(), "{} {:?}", stringify!($t), value);
            if let Some(known) = known {
                prop_assert_eq!(&parsed, known);
                prop_assert!(parsed.citation().is_some());
            } else {
                prop_assert_eq!(parsed.citation(), None);
            }
        )+
    }};
}

proptest! {
    #[test]
    fn every_string_round_trips_through_every_open_enum(value in value_string()) {
        open_enum_round_trip!(
            &value,
            GrantType,
            ResponseMode,
            ClientAuthMethod,
            AccessTokenType,
            PkceMethod,
            SubjectType,
            ClaimType,
            Display,
            Prompt,
            TokenDeliveryMode,
            ClientRegistrationType,
            JwsAlg,
            JweAlg,
            JweEnc,
            ResponseTypeToken,
        );
    }

    #[test]
    fn every_string_round_trips_through_the_other_value_types(value in value_string()) {
        // Introspection methods: a client authentication method or an access token type.
        let method = IntrospectionAuthMethod::from(value.as_str());
        prop_assert_eq!(method.as_str(), value.as_str());
        prop_assert_eq!(serde_json::to_value(&method).unwrap(), Value::from(value.as_str()));
        let known = ClientAuthMethod::known(&value).is_some()
            || AccessTokenType::known(&value).is_some();
        prop_assert_eq!(method.is_known(), known);
        prop_assert_eq!(&IntrospectionAuthMethod::from(value.clone()), &method);

        // Response types and language tags keep their spelling.
        let response_type = ResponseType::from(value.as_str());
        prop_assert_eq!(response_type.as_str(), value.as_str());
        prop_assert_eq!(response_type.to_string(), value.as_str());
        let deserialized: ResponseType = serde_json::from_value(Value::from(value.as_str())).unwrap();
        prop_assert_eq!(deserialized.as_str(), value.as_str());
        prop_assert_eq!(&ResponseType::from(value.clone()), &response_type);
        let tag = LanguageTag::new(value.as_str());
        prop_assert_eq!(tag.as_str(), value.as_str());
        prop_assert_eq!(serde_json::to_value(&tag).unwrap(), Value::from(value.as_str()));
    }
}

/// A response-type token: a known one, or an unknown one (never empty, never with a space).
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec!["code", "id_token", "token", "none", "vp_token"])
            .prop_map(str::to_owned),
        1 => "[a-z_:]{1,12}",
        1 => "[^ ]{1,6}",
    ]
}

/// The set the specification sees in a response type: its distinct non-empty tokens.
fn token_set(value: &str) -> BTreeSet<&str> {
    value.split(' ').filter(|token| !token.is_empty()).collect()
}

fn hash_of(value: &impl Hash, state: &RandomState) -> u64 {
    state.hash_one(value)
}

proptest! {
    #[test]
    fn response_types_ignore_token_order(
        (tokens, shuffled) in prop::collection::vec(token(), 1..6)
            .prop_flat_map(|tokens| (Just(tokens.clone()), Just(tokens).prop_shuffle())),
    ) {
        let a = ResponseType::from(tokens.join(" "));
        let b = ResponseType::from(shuffled.join(" "));
        let state = RandomState::new();
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(hash_of(&a, &state), hash_of(&b, &state));
        prop_assert_eq!(a.cmp(&b), std::cmp::Ordering::Equal);
        prop_assert_eq!(a.canonical(), b.canonical());
        // Each keeps its own spelling.
        prop_assert_eq!(a.as_str(), tokens.join(" "));
        prop_assert_eq!(b.as_str(), shuffled.join(" "));
        // The canonical spelling is the same set, and is canonical itself.
        let canonical = ResponseType::from(a.canonical().as_ref());
        prop_assert_eq!(&canonical, &a);
        let respelled = canonical.canonical();
        prop_assert_eq!(respelled.as_ref(), canonical.as_str());
        // Only a character outside the response-name grammar (RFC 6749 §8.4) makes it
        // malformed.
        let outside = tokens
            .iter()
            .flat_map(|token| token.chars())
            .any(|c| c != '_' && !c.is_ascii_alphanumeric());
        prop_assert_eq!(canonical.malformation().is_some(), outside);
        // Distinct tokens, counted and found.
        let distinct: BTreeSet<&str> = tokens.iter().map(String::as_str).collect();
        prop_assert_eq!(a.len(), distinct.len());
        for token in &distinct {
            prop_assert!(a.contains(&ResponseTypeToken::from(*token)), "{}", token);
        }
    }

    #[test]
    fn response_type_equality_is_token_set_equality(
        left in prop::collection::vec(token(), 0..5),
        right in prop::collection::vec(token(), 0..5),
        separators in prop::collection::vec(prop::sample::select(vec![" ", "  "]), 4),
    ) {
        // Join with single or doubled spaces: malformed spellings compare by their tokens too.
        let join = |tokens: &[String]| {
            let mut out = String::new();
            for (i, token) in tokens.iter().enumerate() {
                if i > 0 {
                    out.push_str(separators[i % separators.len()]);
                }
                out.push_str(token);
            }
            out
        };
        let (left, right) = (join(&left), join(&right));
        let (a, b) = (ResponseType::from(left.as_str()), ResponseType::from(right.as_str()));
        let same_set = token_set(&left) == token_set(&right);
        prop_assert_eq!(a == b, same_set, "{:?} vs {:?}", left, right);
        prop_assert_eq!(a.cmp(&b) == std::cmp::Ordering::Equal, same_set);
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        if same_set {
            let state = RandomState::new();
            prop_assert_eq!(hash_of(&a, &state), hash_of(&b, &state));
        }
    }

    #[test]
    fn any_string_is_a_response_type_with_a_consistent_set(value in any::<String>()) {
        let parsed = ResponseType::from(value.as_str());
        prop_assert_eq!(parsed.as_str(), value.as_str());
        prop_assert_eq!(parsed.len(), token_set(&value).len());
        prop_assert_eq!(parsed.is_empty(), token_set(&value).is_empty());
        let reparsed = ResponseType::from(parsed.canonical().as_ref());
        prop_assert_eq!(&reparsed, &parsed);
    }

    #[test]
    fn language_tags_compare_and_hash_ignoring_ascii_case(
        tag in "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}",
        flips in prop::collection::vec(any::<bool>(), 32),
    ) {
        let flipped: String = tag
            .chars()
            .zip(flips.iter().cycle())
            .map(|(c, flip)| if *flip { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect();
        let (a, b) = (LanguageTag::new(tag.as_str()), LanguageTag::new(flipped.as_str()));
        let state = RandomState::new();
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(hash_of(&a, &state), hash_of(&b, &state));
        prop_assert_eq!(a.is_well_formed(), b.is_well_formed());
        prop_assert_eq!(b.as_str(), flipped.as_str());
    }
}
