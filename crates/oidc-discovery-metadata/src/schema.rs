//! JSON Schema (draft 2020-12) of metadata documents, generated from the types.
//!
//! [`document`] describes what [`ProviderMetadata`] types: every known member with its JSON
//! type and description, `null` allowed (the parser keeps it), any other member allowed.
//! [`oauth_profile`] and [`oidc_profile`] add the members each specification requires.
//! [`resource_document`] and [`resource_profile`] do the same for
//! [`ProtectedResourceMetadata`] (RFC 9728 §2). `cargo xtask schema` writes all five to
//! `docs/schema/`.

use serde_json::{Value, json};

use crate::{MemberInfo, Metadata, ProtectedResourceMetadata, ProviderMetadata};

/// One member's schema, as generated from its Rust type.
pub(crate) struct MemberSchema {
    pub(crate) info: &'static MemberInfo,
    pub(crate) schema: schemars::Schema,
}

/// The documentation text of a member, as plain Markdown: rustdoc links such as
/// ``[`effective_grant_types`](Self::effective_grant_types)`` become plain code spans.
fn description(info: &MemberInfo) -> String {
    let text = info
        .doc
        .lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.trim();
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find(']').and_then(|close| {
            if !after[close + 1..].starts_with('(') {
                return None;
            }
            let target_end = after[close + 2..].find(')')?;
            let target = &after[close + 2..close + 2 + target_end];
            target
                .contains("::")
                .then_some((&after[..close], close + 2 + target_end + 1))
        });
        match link {
            Some((label, consumed)) => {
                out.push_str(&rest[..open]);
                out.push_str(label);
                rest = &after[consumed..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The schema of a document type from its members' schemas (what the member tables'
/// `JsonSchema` implementations call): every member nullable, tagged variants of
/// human-readable members as `patternProperties` (`tags` names the specification that allows
/// them), any other member allowed.
pub(crate) fn document_schema(
    members: Vec<MemberSchema>,
    title: &str,
    description: &str,
    tags: &str,
) -> schemars::Schema {
    let mut properties = serde_json::Map::new();
    let mut patterns = serde_json::Map::new();
    for member in members {
        let nullable = json!({
            "description": self::description(member.info),
            "anyOf": [member.schema, { "type": "null" }],
        });
        if member.info.localizable {
            let mut tagged = nullable.clone();
            tagged["description"] = Value::String(format!(
                "A language-tagged variant of `{}` ({tags}).",
                member.info.name
            ));
            patterns.insert(format!("^{}#.+$", member.info.name), tagged);
        }
        properties.insert(member.info.name.to_owned(), nullable);
    }
    schemars::json_schema!({
        "title": title,
        "description": description,
        "type": "object",
        "properties": properties,
        "patternProperties": patterns,
        "additionalProperties": true
    })
}

/// The schema of any document of type `D` (no profile's required members).
fn root<D: Metadata + schemars::JsonSchema>() -> Value {
    schemars::SchemaGenerator::default()
        .into_root_schema_for::<D>()
        .to_value()
}

/// The schema of any authorization server metadata document (no profile's required members).
#[must_use]
pub fn document() -> Value {
    root::<ProviderMetadata>()
}

/// The schema of any protected resource metadata document (RFC 9728 §2), with no member
/// required.
#[must_use]
pub fn resource_document() -> Value {
    root::<ProtectedResourceMetadata>()
}

/// The protected resource metadata schema plus the member RFC 9728 §2 requires: `resource`.
#[must_use]
pub fn resource_profile() -> Value {
    require(
        resource_document(),
        "Protected resource metadata (RFC 9728)",
        "An OAuth 2.0 protected resource metadata document with the member RFC 9728 §2 requires.",
        &["resource"],
    )
}

/// Adds required, non-null members (and conditional requirements) to the document schema.
fn with_requirements(
    title: &str,
    description: &str,
    required: &[&str],
    conditions: Value,
) -> Value {
    let mut schema = require(document(), title, description, required);
    schema["allOf"] = conditions;
    schema
}

/// `schema` with a new title and description, and `required` members that are not `null`.
fn require(mut schema: Value, title: &str, description: &str, required: &[&str]) -> Value {
    schema["title"] = Value::String(title.to_owned());
    schema["description"] = Value::String(description.to_owned());
    schema["required"] = json!(required);
    for name in required {
        let property = schema["properties"][*name].take();
        schema["properties"][*name] = json!({
            "allOf": [property, { "not": { "type": "null" } }]
        });
    }
    schema
}

/// "Only the implicit grant": `grant_types_supported` is exactly `["implicit"]`.
fn only_implicit() -> Value {
    json!({
        "required": ["grant_types_supported"],
        "properties": { "grant_types_supported": { "const": ["implicit"] } }
    })
}

/// The document schema plus the members RFC 8414 §2 requires: `issuer`,
/// `response_types_supported`, `authorization_endpoint` unless no supported grant type uses it,
/// and `token_endpoint` unless only the implicit grant is supported.
#[must_use]
pub fn oauth_profile() -> Value {
    with_requirements(
        "Authorization server metadata (RFC 8414)",
        "An OAuth 2.0 authorization server metadata document with the members RFC 8414 §2 requires.",
        &["issuer", "response_types_supported"],
        json!([
            {
                "if": {
                    "required": ["grant_types_supported"],
                    "properties": { "grant_types_supported": {
                        "not": { "contains": { "enum": ["authorization_code", "implicit"] } }
                    } }
                },
                "else": { "required": ["authorization_endpoint"] }
            },
            { "if": only_implicit(), "else": { "required": ["token_endpoint"] } }
        ]),
    )
}

/// The document schema plus the members OpenID Connect Discovery 1.0 §3 requires: `issuer`,
/// `authorization_endpoint`, `jwks_uri`, `response_types_supported`,
/// `subject_types_supported`, `id_token_signing_alg_values_supported`, and `token_endpoint`
/// unless only the implicit flow is supported.
#[must_use]
pub fn oidc_profile() -> Value {
    with_requirements(
        "OpenID Provider metadata (OpenID Connect Discovery 1.0)",
        "An OpenID Provider metadata document with the members OpenID Connect Discovery 1.0 §3 requires.",
        &[
            "issuer",
            "authorization_endpoint",
            "jwks_uri",
            "response_types_supported",
            "subject_types_supported",
            "id_token_signing_alg_values_supported",
        ],
        json!([{ "if": only_implicit(), "else": { "required": ["token_endpoint"] } }]),
    )
}
