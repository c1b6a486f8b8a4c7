//! Properties of parsing and serialization over generated documents (see
//! `oidc_discovery_corpus::generate`): every document round-trips losslessly, member order does
//! not matter, and every member lands in exactly one place.

use std::collections::BTreeSet;

use oidc_discovery_corpus::generate::{self, Members};
use oidc_discovery_metadata::{MEMBERS, MemberInfo, ProviderMetadata};
use proptest::prelude::*;
use serde_json::Value;

/// The member a JSON name is typed as, if any: an exact member name, or `name#tag` (non-empty
/// tag) of a human-readable one.
fn typed_as(name: &str) -> Option<&'static MemberInfo> {
    if let Some(info) = MemberInfo::find(name) {
        return Some(info);
    }
    let (base, tag) = name.split_once('#')?;
    MEMBERS
        .iter()
        .find(|info| info.name == base && info.localizable && !tag.is_empty())
}

/// A document with its members in generation order and in a shuffled order.
fn shuffled_document() -> impl Strategy<Value = (Members, Members)> {
    generate::document()
        .prop_flat_map(|members| (Just(members.clone()), Just(members).prop_shuffle()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Parse → serialize gives back the same JSON value, and parse → serialize → parse gives
    /// back the same document; serializing is deterministic.
    #[test]
    fn documents_round_trip_losslessly(members in generate::document()) {
        let value = generate::to_value(&members);
        let text = generate::to_json(&members);
        let metadata = ProviderMetadata::from_json_str(&text).unwrap();

        let written = metadata.to_json_string().unwrap();
        prop_assert_eq!(&serde_json::from_str::<Value>(&written).unwrap(), &value);
        prop_assert_eq!(&serde_json::to_value(&metadata).unwrap(), &value);
        prop_assert_eq!(&serde_json::from_slice::<Value>(&metadata.to_json_vec().unwrap()).unwrap(), &value);
        let pretty = metadata.to_json_string_pretty().unwrap();
        prop_assert_eq!(&serde_json::from_str::<Value>(&pretty).unwrap(), &value);

        let reparsed = ProviderMetadata::from_json_str(&written).unwrap();
        prop_assert_eq!(&reparsed, &metadata);
        prop_assert_eq!(reparsed.to_json_string().unwrap(), written.clone());
        // The other ways in agree.
        prop_assert_eq!(&ProviderMetadata::from_json_slice(text.as_bytes()).unwrap(), &metadata);
        prop_assert_eq!(&serde_json::from_value::<ProviderMetadata>(value.clone()).unwrap(), &metadata);
        prop_assert_eq!(&ProviderMetadata::from_json_str(&pretty).unwrap(), &metadata);
    }

    /// Member order carries no meaning (RFC 8259 §4): any order gives the same document, the
    /// same JSON value and the same bytes (tagged variants are written in the order of their
    /// tags, not as received).
    #[test]
    fn member_order_does_not_matter((members, shuffled) in shuffled_document()) {
        let a = ProviderMetadata::from_json_str(&generate::to_json(&members)).unwrap();
        let b = ProviderMetadata::from_json_str(&generate::to_json(&shuffled)).unwrap();
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(serde_json::to_value(&a).unwrap(), serde_json::to_value(&b).unwrap());
        prop_assert_eq!(a.to_json_string().unwrap(), b.to_json_string().unwrap());
    }

    /// Parsing while noting repeats gives the same document as a plain parse, and notes a
    /// repeated name (once, however often it repeats), and nothing else.
    #[test]
    fn noting_repeats_finds_exactly_the_repeated_names(
        members in generate::document(),
        extra in generate::json(1),
        index in any::<prop::sample::Index>(),
        times in 0_usize..3,
    ) {
        let mut text_members = members.clone();
        let mut expected = Vec::new();
        if !members.is_empty() {
            let (name, _) = &members[index.index(members.len())];
            for _ in 0..times {
                text_members.insert(0, (name.clone(), extra.clone()));
            }
            if times > 0 {
                expected.push(name.clone());
            }
        }
        let text = generate::to_json(&text_members);
        let plain = ProviderMetadata::from_json_slice(text.as_bytes()).unwrap();
        let (noted, repeated) =
            ProviderMetadata::from_json_slice_noting_repeats(text.as_bytes()).unwrap();
        prop_assert_eq!(noted, plain);
        prop_assert_eq!(repeated, expected);
    }

    /// Every member of the input is either a typed member or in `other`, never both, never
    /// lost; `other` holds exactly the unknown names and the known members of the wrong type.
    #[test]
    fn every_member_lands_in_exactly_one_place(members in generate::document()) {
        let metadata = ProviderMetadata::from_json_str(&generate::to_json(&members)).unwrap();

        let mut typed = BTreeSet::new();
        metadata.for_each_member(|member| {
            typed.insert(member.json_name().into_owned());
        });
        let other: BTreeSet<String> = metadata.other.keys().cloned().collect();
        let input: BTreeSet<String> = members.iter().map(|(name, _)| name.clone()).collect();
        prop_assert!(typed.is_disjoint(&other), "{:?}", typed.intersection(&other).collect::<Vec<_>>());
        prop_assert_eq!(&typed.union(&other).cloned().collect::<BTreeSet<_>>(), &input);

        let unknown: BTreeSet<&str> = metadata.unknown_members().map(|(name, _)| name).collect();
        let mistyped: BTreeSet<&str> = metadata.mistyped_members().map(|(name, ..)| name).collect();
        for (name, value) in &members {
            prop_assert!(metadata.has_member(name), "{}", name);
            match typed_as(name) {
                None => {
                    prop_assert!(unknown.contains(name.as_str()), "{}", name);
                    let kept = metadata.other.get(name).map(|raw| raw.to_value().unwrap());
                    prop_assert_eq!(kept.as_ref(), Some(value));
                }
                Some(info) => {
                    prop_assert!(!unknown.contains(name.as_str()), "{}", name);
                    if !info.json_type.matches(value) {
                        // Wrongly typed: kept verbatim, reported with the expected type.
                        prop_assert!(mistyped.contains(name.as_str()), "{} = {}", name, value);
                        let kept = metadata.other.get(name).map(|raw| raw.to_value().unwrap());
                        prop_assert_eq!(kept.as_ref(), Some(value));
                    }
                    if typed.contains(name) {
                        prop_assert!(info.json_type.matches(value), "{} = {}", name, value);
                    }
                }
            }
        }
    }

    /// A leading byte-order mark is ignored.
    #[test]
    fn a_byte_order_mark_changes_nothing(members in generate::document()) {
        let text = generate::to_json(&members);
        let with_bom = format!("\u{feff}{text}");
        prop_assert_eq!(
            ProviderMetadata::from_json_str(&with_bom).unwrap(),
            ProviderMetadata::from_json_str(&text).unwrap()
        );
        prop_assert_eq!(
            ProviderMetadata::from_json_slice(with_bom.as_bytes()).unwrap(),
            ProviderMetadata::from_json_slice(text.as_bytes()).unwrap()
        );
    }

    /// Anything that is not a JSON object is refused with a position inside the input (or
    /// just past its end), never accepted and never a panic.
    #[test]
    fn non_objects_are_refused_with_a_position(value in generate::json(2), junk in any::<String>()) {
        for text in [serde_json::to_string(&value).unwrap(), junk] {
            let parsed = ProviderMetadata::from_json_str(&text);
            let is_object = serde_json::from_str::<Value>(&text).is_ok_and(|v| v.is_object());
            prop_assert_eq!(parsed.is_ok(), is_object, "{:?}", text);
            if let Err(error) = parsed {
                let lines = text.split('\n').count();
                prop_assert!(error.line() >= 1 && error.line() <= lines, "{} in {:?}", error, text);
                let line = text.split('\n').nth(error.line() - 1).unwrap_or_default();
                prop_assert!(error.column() <= line.len() + 1, "{} in {:?}", error, text);
            }
        }
    }
}
