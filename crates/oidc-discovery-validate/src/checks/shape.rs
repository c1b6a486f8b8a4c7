//! The JSON shape of members: types, `null`, empty arrays, repeated values, misspelled names.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};

use oidc_discovery_metadata::{
    DocumentKind, JsonKind, JsonType, MemberInfo, MemberView, Metadata, StrList,
};

use super::Context;
use crate::pointer;
use crate::rules::{
    DUPLICATE_VALUE, EMPTY_ARRAY, MEMBER_NAME_CASE, MEMBER_NULL, MEMBER_TYPE, WITHDRAWN_MEMBER,
};

const WITHDRAWN: [&str; 3] = [
    "homepage_uri",
    "request_authentication_methods_supported",
    "request_authentication_signing_alg_values_supported",
];

pub(crate) fn check<D: Metadata>(cx: &mut Context<'_, D>) {
    mistyped(cx);
    lists(cx);
    names(cx);
}

/// Known members kept in `other` because their JSON type is wrong.
fn mistyped<D: Metadata>(cx: &mut Context<'_, D>) {
    // Borrowed from the document (not the context), so nothing is copied.
    let metadata = cx.metadata;
    for (name, value, expected) in metadata.mistyped_members() {
        if value.is_null() {
            cx.emit(
                &MEMBER_NULL,
                pointer::member(name),
                format!("`{name}` is null; omit the member instead (clients treat it as absent)"),
            );
            continue;
        }
        // Point at the offending elements or fields when the container type is right.
        match (value.kind(), expected) {
            (JsonKind::Array, JsonType::StringArray) => {
                for (index, item) in value
                    .items()
                    .unwrap_or_default()
                    .into_iter()
                    .enumerate()
                    .map(|(index, item)| (index, JsonKind::of(item)))
                    .filter(|(_, item)| *item != JsonKind::String)
                {
                    cx.emit(
                        &MEMBER_TYPE,
                        || pointer::element(name, index),
                        || format!("`{name}[{index}]` is {item}; `{name}` is an array of strings"),
                    );
                }
            }
            (JsonKind::Object, JsonType::Object) if name == "mtls_endpoint_aliases" => {
                for (key, field) in value
                    .fields()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(key, field)| (key, JsonKind::of(field)))
                    .filter(|(_, field)| *field != JsonKind::String)
                {
                    cx.emit(
                        &MEMBER_TYPE,
                        || pointer::field(name, &key),
                        || format!("alias `{key}` is {field}; aliases are URL strings"),
                    );
                }
            }
            (JsonKind::Object, JsonType::Object) => cx.emit(
                // The only object a typed member refuses: one holding a number that a 64-bit
                // float cannot hold.
                &MEMBER_TYPE,
                pointer::member(name),
                format!(
                    "`{name}` holds a number beyond the range of a 64-bit floating-point \
                     number, which JSON parsers reject or turn into infinity"
                ),
            ),
            (kind, _) => cx.emit(
                &MEMBER_TYPE,
                pointer::member(name),
                format!("`{name}` is {kind}; it must be {}", article(expected)),
            ),
        }
    }
}

fn article(expected: JsonType) -> String {
    match expected {
        JsonType::Object => "an object".to_owned(),
        JsonType::StringArray => "an array of strings".to_owned(),
        other => format!("a {other}"),
    }
}

/// Empty arrays and repeated values in typed lists.
fn lists<D: Metadata>(cx: &mut Context<'_, D>) {
    // The items borrow the document (not the context), so nothing is copied, and one list is
    // held at a time.
    let metadata = cx.metadata;
    metadata.for_each_member(|member| {
        let name = member.json_name();
        if let MemberView::List { items, .. } = member.value {
            list(cx, &name, items);
        }
    });
}

fn list<D: Metadata>(cx: &mut Context<'_, D>, name: &str, items: StrList<'_>) {
    if items.is_empty() {
        if D::KIND == DocumentKind::ProtectedResource && name == "bearer_methods_supported" {
            // The one member where an empty array means something: no bearer method is
            // supported (RFC 9728 §2, an exception to §3.2).
            return;
        }
        cx.emit(
            &EMPTY_ARRAY,
            pointer::member(name),
            format!("`{name}` is an empty array; a member with zero elements must be omitted"),
        );
        return;
    }
    if name == "response_types_supported" {
        return; // compared as token sets in `response_types`
    }
    if !repeats_anything(items) {
        return;
    }
    let mut first_index: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        match first_index.entry(item) {
            Entry::Occupied(first) => cx.emit(
                &DUPLICATE_VALUE,
                || pointer::element(name, index),
                || {
                    format!(
                        "`{item}` is listed twice in `{name}` (at {} and {index})",
                        first.get()
                    )
                },
            ),
            Entry::Vacant(slot) => {
                slot.insert(index);
            }
        }
    }
}

/// Lists up to this long are searched for repeats by comparing every pair of fingerprints
/// (a few loads per item), which costs less than hashing every item.
const PAIRWISE_UP_TO: usize = 32;

/// A cheap summary of a string (its length and up to 8 bytes from each end): equal strings
/// have equal fingerprints, and most different ones differ.
fn fingerprint(item: &str) -> u64 {
    let bytes = item.as_bytes();
    let n = bytes.len().min(8);
    let mut head = [0_u8; 8];
    let mut tail = [0_u8; 8];
    head[..n].copy_from_slice(&bytes[..n]);
    tail[..n].copy_from_slice(&bytes[bytes.len() - n..]);
    u64::from_le_bytes(head)
        ^ u64::from_le_bytes(tail).rotate_left(29)
        ^ (bytes.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Whether any item of `items` repeats (or, for long lists, two items' hashes collide, which
/// the caller then tells apart). Most lists repeat nothing, and this is all that runs for them.
fn repeats_anything(items: StrList<'_>) -> bool {
    if items.len() <= PAIRWISE_UP_TO {
        let mut seen = [(0_u64, ""); PAIRWISE_UP_TO];
        for (index, item) in items.iter().enumerate() {
            let print = fingerprint(item);
            if seen[..index]
                .iter()
                .any(|&(other_print, other)| other_print == print && other == item)
            {
                return true;
            }
            seen[index] = (print, item);
        }
        return false;
    }
    // A set of the items' 64-bit hashes: 8 bytes per item, a third of a map from each item to
    // its index. The hashes are keyed (`RandomState`), so a document cannot choose colliding
    // items, and the set does not hash them again.
    let hasher = RandomState::new();
    let mut hashes: HashSet<u64, BuildHasherDefault<Prehashed>> =
        HashSet::with_capacity_and_hasher(items.len(), BuildHasherDefault::default());
    !items
        .iter()
        .all(|item| hashes.insert(hasher.hash_one(item)))
}

/// A hasher for values that already are keyed hashes: it passes the `u64` through.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64`s are hashed with this hasher (`write_u64`); fold anything else in.
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

/// The registered member `name` turns into when a consumer stops at its first NUL or drops its
/// control characters (C0, DEL, C1), letter case aside; `None` for a name without control
/// characters.
fn control_twin(members: &'static [MemberInfo], name: &str) -> Option<&'static str> {
    if !name.chars().any(char::is_control) {
        return None;
    }
    let truncated = name.split('\0').next().unwrap_or(name);
    let stripped: String = name.chars().filter(|c| !c.is_control()).collect();
    members
        .iter()
        .find(|member| {
            member.name == truncated
                || member.name.eq_ignore_ascii_case(&stripped)
                || member
                    .name
                    .eq_ignore_ascii_case(stripped.split('#').next().unwrap_or(""))
        })
        .map(|member| member.name)
}

/// Unknown member names that look like known ones, and withdrawn names.
fn names<D: Metadata>(cx: &mut Context<'_, D>) {
    let metadata = cx.metadata;
    for (name, _) in metadata.unknown_members() {
        if WITHDRAWN.contains(&name) {
            cx.emit(
                &WITHDRAWN_MEMBER,
                pointer::member(name),
                format!("`{name}` was withdrawn from the metadata registry; clients ignore it"),
            );
            continue;
        }
        let base = name.split('#').next().unwrap_or(name);
        if let Some(known) = D::MEMBERS
            .iter()
            .find(|member| member.name != base && member.name.eq_ignore_ascii_case(base))
        {
            cx.emit(
                &MEMBER_NAME_CASE,
                pointer::member(name),
                format!(
                    "`{name}` is not `{}`: member names are case-sensitive, so clients ignore it",
                    known.name
                ),
            );
        } else if let Some(known) = control_twin(D::MEMBERS, name) {
            cx.emit(
                &MEMBER_NAME_CASE,
                pointer::member(name),
                format!(
                    "`{name}` is not `{known}` but differs from it by control characters: JSON parsers read another member, while a consumer that handles names as C strings or drops control characters reads it as `{known}`"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use oidc_discovery_metadata::{MemberView, ProviderMetadata};

    use super::repeats_anything;

    /// Whether `claims_supported` with these items repeats anything, as `list` sees it.
    fn repeats(items: &[String]) -> bool {
        let metadata = ProviderMetadata::from_json_str(
            &serde_json::json!({ "claims_supported": items }).to_string(),
        )
        .unwrap();
        let mut found = None;
        metadata.for_each_member(|member| {
            if let MemberView::List { items, .. } = member.value {
                found = Some(repeats_anything(items));
            }
        });
        found.unwrap()
    }

    /// Both ways of searching (pairs of fingerprints, hashes) find a repeat wherever it is,
    /// including between items that share their first and last 8 bytes, and find none where
    /// there is none.
    #[test]
    fn repeats_are_found_in_lists_of_every_length() {
        for len in 0_usize..70 {
            let items: Vec<String> = (0..len)
                .map(|i| format!("same-prefix-{i:03}-same-suffix"))
                .collect();
            assert!(!repeats(&items), "{len} distinct items");
            for (first, second) in [(0, len), (len / 2, len), (len.saturating_sub(1), len)] {
                if first >= len {
                    continue;
                }
                let mut repeated = items.clone();
                repeated.insert(second, items[first].clone());
                assert!(
                    repeats(&repeated),
                    "{len} items, item {first} again at {second}"
                );
            }
        }
    }
}
