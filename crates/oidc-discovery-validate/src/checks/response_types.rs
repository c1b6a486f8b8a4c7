//! Response type syntax and registered tokens.

use oidc_discovery_metadata::{ResponseTypeMalformation, ResponseTypeToken};

use super::Context;
use crate::pointer;
use crate::rules::{
    DUPLICATE_VALUE, RESPONSE_TYPE_MALFORMED, RESPONSE_TYPE_NONE_COMBINED,
    RESPONSE_TYPE_UNKNOWN_TOKEN,
};

const MEMBER: &str = "response_types_supported";

/// If `token` is known tokens glued together (`codeid_token`), the spaced-out form.
fn unglued(token: &str) -> Option<String> {
    const KNOWN: [&str; 5] = ["code", "id_token", "token", "none", "vp_token"];
    fn split(rest: &str, parts: &mut Vec<&'static str>) -> bool {
        if rest.is_empty() {
            return parts.len() > 1;
        }
        for known in KNOWN {
            if let Some(tail) = rest.strip_prefix(known) {
                parts.push(known);
                if split(tail, parts) {
                    return true;
                }
                parts.pop();
            }
        }
        false
    }
    let mut parts = Vec::new();
    split(token, &mut parts).then(|| parts.join(" "))
}

pub(crate) fn check(cx: &mut Context<'_>) {
    let metadata = cx.metadata;
    let Some(types) = metadata.response_types_supported.as_ref() else {
        return;
    };
    // The first index of each set of tokens: by looking back in a short list (most are), with a
    // map in a long one (hashing agrees with set equality).
    let mut first_index: Option<
        std::collections::HashMap<&oidc_discovery_metadata::ResponseType, usize>,
    > = (types.len() > 32).then(|| std::collections::HashMap::with_capacity(types.len()));
    for (index, response_type) in types.iter().enumerate() {
        // Built only for a problem.
        let at = || pointer::element(MEMBER, index);
        let spelled = response_type.as_str();
        if let Some(malformation) = response_type.malformation() {
            cx.emit(&RESPONSE_TYPE_MALFORMED, at, || {
                let detail = match &malformation {
                    ResponseTypeMalformation::Empty => "it is empty".to_owned(),
                    other => other.to_string(),
                };
                format!("response type \"{spelled}\" is malformed: {detail}")
            });
        }
        for token in response_type.unknown_tokens() {
            cx.emit(&RESPONSE_TYPE_UNKNOWN_TOKEN, at, || {
                let hint = unglued(token.as_str())
                    .map(|spaced| format!(" (it looks like \"{spaced}\" with its spaces removed)"))
                    .unwrap_or_default();
                format!("`{token}` in response type \"{spelled}\" is not a registered response type token{hint}")
            });
        }
        if response_type.contains(&ResponseTypeToken::None) && response_type.len() > 1 {
            cx.emit(&RESPONSE_TYPE_NONE_COMBINED, at, || {
                format!("response type \"{spelled}\" combines `none` with other tokens")
            });
        }
        let first = match &mut first_index {
            Some(map) => {
                let first = map.get(response_type).copied();
                map.entry(response_type).or_insert(index);
                first
            }
            None => types[..index]
                .iter()
                .position(|earlier| earlier == response_type),
        };
        if let Some(first) = first {
            cx.emit(&DUPLICATE_VALUE, at, || {
                let same = if types[first].as_str() == spelled {
                    String::new()
                } else {
                    format!(" (\"{}\" is the same set of tokens)", types[first].as_str())
                };
                format!("response type \"{spelled}\" is listed twice in `{MEMBER}` (at {first} and {index}){same}")
            });
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn glued_tokens_are_recognized() {
        assert_eq!(
            super::unglued("codeid_token").as_deref(),
            Some("code id_token")
        );
        assert_eq!(
            super::unglued("codeid_tokentoken").as_deref(),
            Some("code id_token token")
        );
        assert_eq!(
            super::unglued("id_tokentoken").as_deref(),
            Some("id_token token")
        );
        assert_eq!(super::unglued("code"), None);
        assert_eq!(super::unglued("device_code"), None);
    }
}
