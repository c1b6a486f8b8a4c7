//! The rule registry: every rule, with its stable id, citation and severity per profile.
//!
//! Severities follow the specification's words: a broken MUST or REQUIRED is an error, a
//! SHOULD (or a practice that breaks clients) a warning, advice a note. Where the anchors
//! disagree, the rule's `rationale` records the decision. `docs/rules.md` is generated from
//! this table (`cargo xtask generate`).

use std::fmt;

use crate::{Profile, Severity};

/// One validation rule.
///
/// Rules are compared by id (which is unique in the registry), and a rule equals its id as a
/// string: `problem.rule == "issuer-https"`.
#[derive(Debug, Eq)]
#[non_exhaustive]
pub struct Rule {
    /// Stable kebab-case id (`issuer-https`), used in reports and JSON output.
    pub id: &'static str,
    /// The group the rule belongs to (its check is in `src/checks/<group>.rs`).
    pub group: RuleGroup,
    /// The ids in the specification inventory this rule implements (`ISS-2`).
    pub inventory: &'static [&'static str],
    /// One line: what the rule requires.
    pub summary: &'static str,
    /// The specification(s) and section(s).
    pub spec: &'static str,
    /// Severity under `oauth`, `oidc`, `fapi2`, `resource` (the order of
    /// [`Profile::ALL`]); `None` where the rule does not apply.
    pub severities: [Option<Severity>; 4],
    /// Why the rule has these severities, where that was a judgment call.
    pub rationale: Option<&'static str>,
    /// How many problems of this rule a report lists one by one before folding the rest
    /// into one ([`MAX_REPEATS`](crate::MAX_REPEATS), or fewer for a rule that says the same
    /// thing of every member it finds, such as `http-loopback`).
    pub max_repeats: usize,
}

impl Rule {
    /// The rule's severity under `profile`, or `None` when it does not apply there.
    #[must_use]
    pub fn severity(&self, profile: Profile) -> Option<Severity> {
        self.severities[profile.index()]
    }

    /// The rule with this id.
    #[must_use]
    pub fn find(id: &str) -> Option<&'static Rule> {
        RULES.iter().copied().find(|rule| rule.id == id)
    }
}

/// How the issuer rules cite RFC 9728, after the specifications of a provider's `issuer`: each
/// `authorization_servers` entry of a protected resource is an issuer identifier too (RFC 9728
/// §2).
const RESOURCE_ISSUER_SPEC: &str = "; RFC 9728 §2";

/// The part of `rule`'s citation that concerns a provider's document: its citation without the
/// RFC 9728 section an issuer rule adds for `authorization_servers` entries.
pub(crate) fn provider_spec(rule: &'static Rule) -> &'static str {
    rule.spec.trim_end_matches(RESOURCE_ISSUER_SPEC)
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other) || self.id == other.id
    }
}

impl PartialEq<str> for Rule {
    fn eq(&self, id: &str) -> bool {
        self.id == id
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)
    }
}

/// What a group of rules judges; each group's checks are one module of the validator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RuleGroup {
    /// The JSON text: syntax, top-level type, duplicate member names.
    Json,
    /// The JSON shape of the members: types, `null`, empty and repeated values, names.
    Shape,
    /// `issuer`, and its comparison with the expected issuer.
    Issuer,
    /// Endpoint and other URLs.
    Url,
    /// Required and recommended members.
    Presence,
    /// Algorithm lists.
    Algorithm,
    /// Response types.
    ResponseType,
    /// Consistency between members.
    CrossField,
    /// The `signed_metadata` member as a document shows it.
    SignedMetadata,
    /// Verifying `signed_metadata` with keys the consumer trusts.
    SignedMetadataVerification,
    /// Mutual-TLS endpoint aliases.
    Mtls,
    /// Values: language tags, registered values.
    Value,
    /// Retrieving a document over HTTP.
    Retrieval,
    /// The FAPI 2.0 Security Profile.
    Fapi2,
    /// Protected resources (RFC 9728): resource identifiers wherever a document holds one.
    Resource,
}

impl RuleGroup {
    /// Every group, in documentation order.
    pub const ALL: [Self; 15] = [
        Self::Json,
        Self::Shape,
        Self::Issuer,
        Self::Url,
        Self::Presence,
        Self::Algorithm,
        Self::ResponseType,
        Self::CrossField,
        Self::SignedMetadata,
        Self::SignedMetadataVerification,
        Self::Mtls,
        Self::Value,
        Self::Retrieval,
        Self::Fapi2,
        Self::Resource,
    ];

    /// The group's kebab-case name (`cross-field`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Shape => "shape",
            Self::Issuer => "issuer",
            Self::Url => "url",
            Self::Presence => "presence",
            Self::Algorithm => "algorithm",
            Self::ResponseType => "response-type",
            Self::CrossField => "cross-field",
            Self::SignedMetadata => "signed-metadata",
            Self::SignedMetadataVerification => "signed-metadata-verification",
            Self::Mtls => "mtls",
            Self::Value => "value",
            Self::Retrieval => "retrieval",
            Self::Fapi2 => "fapi2",
            Self::Resource => "resource",
        }
    }

    /// The group's heading in the documentation (`Consistency between members`).
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Json => "The JSON document",
            Self::Shape => "JSON shape of members",
            Self::Issuer => "Issuer",
            Self::Url => "Endpoint and other URLs",
            Self::Presence => "Required and recommended members",
            Self::Algorithm => "Algorithm lists",
            Self::ResponseType => "Response types",
            Self::CrossField => "Consistency between members",
            Self::SignedMetadata => "Signed metadata",
            Self::SignedMetadataVerification => "Verifying signed metadata",
            Self::Mtls => "Mutual-TLS endpoint aliases",
            Self::Value => "Values",
            Self::Retrieval => "Retrieval",
            Self::Fapi2 => "FAPI 2.0 Security Profile",
            Self::Resource => "Protected resources (RFC 9728)",
        }
    }

    /// Whether the group's rules judge a document by itself. Retrieval rules judge an HTTP
    /// exchange, and verification rules need keys the consumer trusts.
    #[must_use]
    pub fn judges_document(self) -> bool {
        !matches!(self, Self::Retrieval | Self::SignedMetadataVerification)
    }
}

impl fmt::Display for RuleGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

const E: Option<Severity> = Some(Severity::Error);
const W: Option<Severity> = Some(Severity::Warning);
const I: Option<Severity> = Some(Severity::Info);
const N: Option<Severity> = None;

macro_rules! rules {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident = $id:literal, $group:ident, [$($inv:literal),*], [$oauth:ident, $oidc:ident, $fapi2:ident, $resource:ident],
        $spec:literal, $summary:literal $(, rationale: $rationale:literal)?
        $(, max_repeats: $max_repeats:literal)?;
    )+) => {
        $(
            $(#[doc = $doc])*
            #[doc = concat!("`", $id, "`: ", $summary)]
            pub static $name: Rule = Rule {
                id: $id,
                group: RuleGroup::$group,
                inventory: &[$($inv),*],
                summary: $summary,
                spec: $spec,
                severities: [$oauth, $oidc, $fapi2, $resource],
                rationale: rules!(@rationale $($rationale)?),
                max_repeats: rules!(@max_repeats $($max_repeats)?),
            };
        )+

        /// Every rule, in documentation order.
        pub static RULES: &[&Rule] = &[$(&$name),+];
    };
    (@rationale) => { None };
    (@rationale $rationale:literal) => { Some($rationale) };
    (@max_repeats) => { crate::MAX_REPEATS };
    (@max_repeats $max_repeats:literal) => { $max_repeats };
}

rules! {
    // ── The JSON document ─────────────────────────────────────────────────────────────────
    JSON_SYNTAX = "json-syntax", Json, ["ARR-1", "PR-ARR-1"], [E, E, E, E],
        "RFC 8259 §2; OpenID Connect Discovery 1.0 §4.2; RFC 8414 §3.2; RFC 9728 §3.2",
        "The document is valid JSON (UTF-8, RFC 8259).";
    JSON_NOT_OBJECT = "json-not-object", Json, ["ARR-1", "PR-ARR-1"], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §4.2; RFC 8414 §3.2; RFC 9728 §3.2",
        "The document is a single JSON object.";
    DUPLICATE_MEMBER = "duplicate-member", Json, ["ARR-6", "PR-ARR-7"], [E, E, E, E],
        "RFC 8259 §4",
        "No member name occurs twice in one object.",
        rationale: "RFC 8259 only says names SHOULD be unique, but parsers disagree on which duplicate wins (first, last, error), so a duplicate `issuer` lets two parties read two different documents. Every profile treats it as an error.";

    // ── JSON shape of the members ─────────────────────────────────────────────────────────
    MEMBER_TYPE = "member-type", Shape, ["ARR-2", "ARR-4", "PR-ARR-2", "PR-ARR-4", "PR-AS-1"], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2; RFC 9728 §2 (member definitions)",
        "Each known member has the JSON type its specification gives it (string, boolean, array of strings, object).";
    MEMBER_NULL = "member-null", Shape, ["ARR-5", "PR-ARR-6"], [W, W, W, W],
        "OpenID Connect Discovery 1.0 §4.2; RFC 8414 §3.2",
        "Members are omitted rather than set to `null`.",
        rationale: "Neither specification addresses `null`. A null member carries no value, so clients treat it as absent; it is a warning, not an error, because no requirement is broken — but omitting it is what both specifications' examples do.";
    EMPTY_ARRAY = "empty-array", Shape, ["ARR-3", "PR-ARR-3", "PR-AS-4"], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §4.2; RFC 8414 §3.2; RFC 9728 §3.2",
        "Members with zero elements are omitted, not sent as `[]` (except a protected resource's `bearer_methods_supported`, where `[]` means that no bearer method is supported, RFC 9728 §2).",
        rationale: "The specifications say claims (RFC 9728: parameters) with zero elements MUST be omitted. An empty list is ambiguous (does `token_endpoint_auth_methods_supported: []` mean no method, or the default `client_secret_basic`?), which is why it is an error even though real providers (Azure AD B2C, Bluesky) publish some.";
    DUPLICATE_VALUE = "duplicate-value", Shape, ["ARR-7", "PR-ARR-11", "PR-AS-5"], [W, W, W, W],
        "RFC 8414 §2 (lists of values)",
        "A list does not repeat a value.",
        rationale: "Not addressed by the specifications; harmless to most clients, but always a publishing mistake.";
    MEMBER_NAME_CASE = "member-name-case", Shape, ["EXT-2"], [W, W, W, W],
        "RFC 8414 §7.1.1; OpenID Connect Discovery 1.0 §3",
        "A member name that differs from a known one only in letter case, or by control characters (C0, DEL, C1), is a different, unknown member.",
        rationale: "Member names are case-sensitive, so `Response_modes_supported` is silently ignored by every client; that is almost always a mistake worth a warning. A name such as `issuer\\u0000` is another member to a JSON parser, but a consumer that handles strings as C strings reads it as `issuer`.";
    WITHDRAWN_MEMBER = "withdrawn-member", Shape, [], [I, I, I, N],
        "IANA OAuth Authorization Server Metadata registry",
        "The member name was withdrawn from the registry (`homepage_uri`, `request_authentication_*`).";

    // ── Issuer ────────────────────────────────────────────────────────────────────────────
    ISSUER_MISSING = "issuer-missing", Issuer, ["ISS-1", "REQ-1"], [E, E, E, N],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2",
        "`issuer` is present and a string.";
    ISSUER_NOT_URL = "issuer-not-url", Issuer, ["ISS-2", "ISS-4", "PR-AS-2"], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2; RFC 9728 §2",
        "`issuer` (and each `authorization_servers` entry of a protected resource) is an absolute URL with a host.";
    ISSUER_TEMPLATE = "issuer-template", Issuer, ["ISS-2", "ISS-5", "PR-AS-2"], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §3, §4.3; RFC 3986 §2; RFC 9728 §2",
        "`issuer` (and each `authorization_servers` entry of a protected resource) is an identifier, not a template such as Microsoft Entra's `{tenantid}`.",
        rationale: "A template issuer never equals the `iss` of a token or the issuer a client started from, and `{` `}` are not URL characters. The validator accepts it only when the caller opts in to tenant-template matching and the concrete issuer matches (reported as a note).";
    ISSUER_HTTPS = "issuer-https", Issuer, ["ISS-2", "PR-AS-2"], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2; RFC 9728 §2",
        "`issuer` (and each `authorization_servers` entry of a protected resource) uses the https scheme.";
    ISSUER_QUERY_FRAGMENT = "issuer-query-fragment", Issuer, ["ISS-3", "PR-AS-2"], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2; RFC 9728 §2",
        "`issuer` (and each `authorization_servers` entry of a protected resource) has no query and no fragment (an empty `?` or `#` counts).";
    ISSUER_USERINFO = "issuer-userinfo", Issuer, ["ISS-8", "PR-AS-2"], [W, W, E, W],
        "RFC 3986 §3.2.1; RFC 9700 §4.14; RFC 9728 §2",
        "`issuer` (and each `authorization_servers` entry of a protected resource) has no user information (`user:pass@`).",
        rationale: "Not addressed by either specification; credentials in an identifier are never intended and are deprecated by RFC 3986. FAPI 2.0 treats anything unexpected in the issuer as an error.";
    ISSUER_WELL_KNOWN = "issuer-well-known", Issuer, ["WK-1", "WK-2", "PR-AS-2"], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §4; RFC 8414 §3; RFC 9728 §2",
        "`issuer` (and each `authorization_servers` entry of a protected resource) gives the well-known metadata URLs: no user information, no path ending in `//`, no `.`, `..` or `.well-known` path segment.",
        rationale: "Clients find the document at a URL built from the issuer's text, and this library builds it the same way to fetch and to serve. An issuer the constructions refuse (user information, which RFC 3986 deprecates, or a path that URL parsers rewrite) cannot be discovered, so a document naming it must not validate. Reported only when no other `issuer` error already explains the refusal.";
    ISSUER_MISMATCH = "issuer-mismatch", Issuer, ["VAL-1", "VAL-4"], [E, E, E, N],
        "OpenID Connect Discovery 1.0 §4.3; RFC 8414 §3.3",
        "`issuer` is identical (code point by code point) to the issuer the document was requested for.",
        rationale: "Exact comparison, as both specifications require. Trailing-slash and `{tenantid}` relaxations exist only as explicit options, and a match that needed one is reported as a note (`issuer-match-relaxed`).";
    ISSUER_MATCH_RELAXED = "issuer-match-relaxed", Issuer, ["VAL-4"], [I, I, I, N],
        "OpenID Connect Discovery 1.0 §4.3; RFC 8414 §3.3",
        "The issuer matched only through an opt-in relaxation (trailing slash, tenant template).";

    // ── Endpoint and other URLs ───────────────────────────────────────────────────────────
    URL_NOT_ABSOLUTE = "url-not-absolute", Url, ["URL-10", "PR-URL-3"], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2; RFC 9728 §2",
        "Every URL member holds an absolute URL.";
    ENDPOINT_HTTPS = "endpoint-https", Url, ["URL-1", "URL-2", "URL-4", "URL-5", "URL-6", "URL-7", "PR-URL-1"], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §3; RFC 6749 §3.1, §3.2; RFC 8414 §2; RFC 7009 §2; RFC 9126 §2; OpenID Connect Session Management 1.0 §3.3; OpenID Connect RP-Initiated Logout 1.0 §2.1; OpenID Federation 1.0 §5.1.3, §5.2.1; RFC 9728 §2",
        "Endpoints whose specification requires TLS use https (each problem cites the specification of its member).";
    ENDPOINT_TLS = "endpoint-tls", Url, ["URL-8", "MTLS-4"], [W, W, E, N],
        "RFC 7662 §4; RFC 8628 §3.1; OpenID Connect CIBA Core 1.0 §7; RFC 8705 §5",
        "Other endpoints that carry credentials or tokens use https.",
        rationale: "Their specifications require TLS in prose rather than in the metadata definition, so this is a warning for `oauth` and `oidc` and an error for `fapi2`, which requires TLS everywhere.";
    HTTP_LOOPBACK = "http-loopback", Url, ["URL-11"], [W, W, E, W],
        "RFC 8252 §8.3; OpenID Connect Discovery 1.0 §3",
        "An `http` URL on a loopback host (`localhost`, `127.0.0.0/8`, `[::1]`) is for local development only.",
        rationale: "No specification sanctions http, but a provider running on a developer's machine is normal; `oauth` and `oidc` warn instead of failing. `fapi2` does not allow it.",
        max_repeats: 1;
    ENDPOINT_FRAGMENT = "endpoint-fragment", Url, ["URL-3", "URL-7"], [E, E, E, N],
        "RFC 6749 §3.1, §3.2; RFC 7009 §2; OpenID Federation 1.0 §5.1.3",
        "The authorization, token, revocation and federation registration endpoints have no fragment.";
    DOCUMENTATION_HTTP = "documentation-http", Url, ["URL-9", "PR-URL-3"], [I, I, I, I],
        "RFC 8414 §2; RFC 9728 §2",
        "Documentation and policy URLs may use http, but https is better.";

    // ── Required members ──────────────────────────────────────────────────────────────────
    RESPONSE_TYPES_MISSING = "response-types-missing", Presence, ["REQ-1"], [E, E, E, N],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2",
        "`response_types_supported` is present.";
    AUTHORIZATION_ENDPOINT_MISSING = "authorization-endpoint-missing", Presence, ["REQ-2", "REQ-4"], [E, E, E, N],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2",
        "`authorization_endpoint` is present (under RFC 8414: unless no supported grant type uses it).";
    TOKEN_ENDPOINT_MISSING = "token-endpoint-missing", Presence, ["REQ-3"], [E, E, E, N],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2",
        "`token_endpoint` is present unless only the implicit grant is supported.";
    JWKS_URI_MISSING = "jwks-uri-missing", Presence, ["REQ-2"], [N, E, W, N],
        "OpenID Connect Discovery 1.0 §3; FAPI 2.0 Security Profile §5.3.2.1",
        "`jwks_uri` is present.",
        rationale: "REQUIRED by OpenID Connect; OPTIONAL in RFC 8414. Under `fapi2` clients need the keys for signed responses and ID Tokens in practice, so its absence is a warning.";
    SUBJECT_TYPES_MISSING = "subject-types-missing", Presence, ["REQ-2"], [N, E, N, N],
        "OpenID Connect Discovery 1.0 §3",
        "`subject_types_supported` is present.";
    ID_TOKEN_ALGS_MISSING = "id-token-signing-algs-missing", Presence, ["REQ-2"], [N, E, N, N],
        "OpenID Connect Discovery 1.0 §3",
        "`id_token_signing_alg_values_supported` is present.";
    AUTH_SIGNING_ALGS_MISSING = "auth-signing-algs-missing", Presence, ["REQ-5"], [E, W, E, N],
        "RFC 8414 §2",
        "`*_endpoint_auth_signing_alg_values_supported` is present when `private_key_jwt` or `client_secret_jwt` is listed for that endpoint.",
        rationale: "RFC 8414 §2 says MUST; OpenID Connect Discovery §3 states no such requirement, and Azure AD omits the list (MAS had to drop this check), so under `oidc` it is a warning.";
    RECOMMENDED_MEMBER_MISSING = "recommended-member-missing", Presence, [], [I, I, N, I],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2; RFC 9728 §2",
        "RECOMMENDED members are present (`scopes_supported`; for OpenID providers also `userinfo_endpoint`, `registration_endpoint`, `claims_supported`, which only OpenID Connect Discovery recommends; for protected resources `scopes_supported` and `resource_name`). Each problem cites the specification that recommends its member.";
    CIBA_INCOMPLETE = "ciba-incomplete", Presence, ["REQ-7"], [E, E, E, N],
        "OpenID Connect CIBA Core 1.0 §4",
        "A provider that publishes CIBA members publishes `backchannel_authentication_endpoint` and `backchannel_token_delivery_modes_supported`, and lists the CIBA grant when `poll` or `ping` is offered.";
    FEDERATION_REGISTRATION_MISSING = "federation-registration-endpoint-missing", Presence, ["REQ-9"], [E, E, E, N],
        "OpenID Federation 1.0 §5.1.3",
        "`federation_registration_endpoint` is present when `explicit` registration is supported.";
    SCOPES_WITHOUT_OPENID = "scopes-without-openid", Presence, ["REQ-11"], [N, W, N, N],
        "OpenID Connect Discovery 1.0 §3",
        "`scopes_supported`, when present, lists `openid`.",
        rationale: "An OpenID Provider MUST support `openid`, but the list may be partial, so a list without it is a warning, not an error (MAS rejects it, the conformance suite fails it).";
    PKCE_NOT_ADVERTISED = "pkce-not-advertised", Presence, ["REQ-12"], [I, I, N, N],
        "RFC 9700 §2.1.1; RFC 8414 §2",
        "`code_challenge_methods_supported` is published, so clients can detect PKCE support.";

    // ── Algorithm lists ───────────────────────────────────────────────────────────────────
    ID_TOKEN_RS256 = "id-token-rs256", Algorithm, ["ALG-1"], [N, W, N, N],
        "OpenID Connect Discovery 1.0 §3; OpenID Connect Core 1.0 §15.1",
        "`id_token_signing_alg_values_supported` includes `RS256`.",
        rationale: "Discovery says MUST, but Core §15.1 relaxes it, FAPI profiles forbid RS256, and the OpenID conformance suite's RP-side check was judged overly zealous (MAS PR #698). A warning keeps PS256/ES256-only providers usable.";
    ID_TOKEN_NONE = "id-token-alg-none", Algorithm, ["ALG-2"], [N, W, N, N],
        "OpenID Connect Discovery 1.0 §3",
        "`none` for ID Tokens is only usable when no response type returns an ID Token from the authorization endpoint.";
    AUTH_SIGNING_ALG_NONE = "auth-signing-alg-none", Algorithm, ["ALG-3"], [E, E, E, N],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2",
        "`none` is not listed for JWT client authentication at the token, revocation or introspection endpoint.";
    AUTH_SIGNING_RS256 = "auth-signing-rs256", Algorithm, ["ALG-4"], [I, I, N, N],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2",
        "`token_endpoint_auth_signing_alg_values_supported` should include `RS256`.";
    REQUEST_OBJECT_ALGS = "request-object-algs", Algorithm, ["ALG-5"], [N, I, N, N],
        "OpenID Connect Discovery 1.0 §3",
        "Servers should support `none` and `RS256` for request objects.";
    DPOP_ALG_ASYMMETRIC = "dpop-alg-asymmetric", Algorithm, ["ALG-6", "PR-ARR-10"], [E, E, E, E],
        "RFC 9449 §4.2, §5.1",
        "`dpop_signing_alg_values_supported` lists only asymmetric algorithms (no `none`, no `HS*`).";
    JARM_ALG_NONE = "jarm-alg-none", Algorithm, ["ALG-7"], [E, E, E, N],
        "JARM §2.4, §3",
        "`authorization_signing_alg_values_supported` does not list `none`.";
    RESOURCE_SIGNING_ALG_NONE = "resource-signing-alg-none", Algorithm, ["PR-ARR-9"], [N, N, N, E],
        "RFC 9728 §2",
        "`resource_signing_alg_values_supported` does not list `none`.";
    ALG_WRONG_FAMILY = "alg-wrong-family", Algorithm, ["ALG-8"], [E, E, E, E],
        "RFC 7518 §3, §4, §5; IANA JOSE registry",
        "Signing lists hold JWS `alg` values, encryption lists JWE `alg` values, `enc` lists JWE `enc` values.";
    ALG_PROHIBITED = "alg-prohibited", Algorithm, ["ALG-9"], [E, E, E, E],
        "IANA JOSE registry (JWK-only entries are Prohibited)",
        "No Prohibited registry entry (`RS1`, `HS1`, `A128CBC`, `A128CTR`, …) is used as an algorithm.";
    ALG_DEPRECATED = "alg-deprecated", Algorithm, ["ALG-9"], [W, W, W, W],
        "RFC 9864 §4",
        "Deprecated algorithms (`EdDSA`, superseded by `Ed25519` and `Ed448`) are not listed.",
        rationale: "RFC 9864 deprecates the polymorphic `EdDSA`, but existing verifiers accept it and FAPI 2.0 §5.4.1 still names it (with Ed25519), so it is a warning in every profile.";
    ENC_WITHOUT_ALG = "encryption-enc-without-alg", Algorithm, ["ALG-10"], [W, W, W, N],
        "OpenID Connect Discovery 1.0 §3 (derived)",
        "An `*_encryption_enc_values_supported` list comes with its `*_encryption_alg_values_supported` list.";

    // ── Response types ────────────────────────────────────────────────────────────────────
    RESPONSE_TYPE_MALFORMED = "response-type-malformed", ResponseType, [], [E, E, E, N],
        "RFC 6749 §3.1.1, §8.4; OAuth 2.0 Multiple Response Type Encoding Practices §1.2",
        "A response type is one or more names separated by single spaces, each at most once, each made of letters, digits and `_` (RFC 6749 §8.4).",
        rationale: "Empty values, doubled spaces and repeated tokens are not addressed by any specification, and a character outside the response-name grammar (a tab, a hyphen) breaks it; no client can know what they mean, so they are errors.";
    RESPONSE_TYPE_UNKNOWN_TOKEN = "response-type-unknown-token", ResponseType, [], [W, W, E, N],
        "RFC 6749 §3.1.1, §8.4; IANA OAuth Authorization Endpoint Response Types",
        "Response type tokens are registered (`code`, `token`, `id_token`, `none`, `vp_token`).",
        rationale: "Extension response types are allowed (RFC 6749 §8.4), but unregistered tokens are usually a mistake, such as `codeid_token` from whitespace-stripped JSON: a warning. FAPI 2.0 allows only `code`.";
    RESPONSE_TYPE_NONE_COMBINED = "response-type-none-combined", ResponseType, [], [W, W, W, N],
        "OAuth 2.0 Multiple Response Type Encoding Practices §4",
        "`none` is not combined with other tokens.";

    // ── Cross-field consistency ───────────────────────────────────────────────────────────
    RESPONSE_TYPE_GRANT = "response-type-grant", CrossField, ["XF-1"], [W, W, W, N],
        "RFC 6749 §4.1.1, §4.2.1; OpenID Connect Core 1.0 §3.2, §3.3",
        "Each response type's grant (`code` → `authorization_code`, `token`/`id_token` → `implicit`) is among the grant types.";
    JARM_ALGS_MISSING = "jarm-algs-missing", CrossField, ["XF-2"], [W, W, W, N],
        "JARM §4",
        "A server offering JARM response modes publishes `authorization_signing_alg_values_supported`.";
    PAR_REQUIRED_WITHOUT_ENDPOINT = "par-required-without-endpoint", CrossField, ["XF-3"], [E, E, E, N],
        "RFC 9126 §5",
        "`require_pushed_authorization_requests: true` comes with `pushed_authorization_request_endpoint`.";
    SIGNED_REQUEST_OBJECT_ALGS = "signed-request-object-algs", CrossField, ["XF-5"], [W, W, W, N],
        "RFC 9101 §10.5",
        "`require_signed_request_object: true` comes with a `request_object_signing_alg_values_supported` that has an algorithm other than `none`.";
    LOGOUT_SESSION_WITHOUT_LOGOUT = "logout-session-without-logout", CrossField, ["XF-7"], [W, W, W, N],
        "OpenID Connect Back-Channel Logout 1.0 §2.1; OpenID Connect Front-Channel Logout 1.0 §3",
        "`*_logout_session_supported: true` comes with `*_logout_supported: true`.";
    CIBA_MEMBER_WITHOUT_ENDPOINT = "ciba-member-without-endpoint", CrossField, ["XF-8"], [W, W, W, N],
        "OpenID Connect CIBA Core 1.0 §4",
        "CIBA options are published only with `backchannel_authentication_endpoint`.";
    CIMD_AUTH_METHODS = "cimd-auth-methods", CrossField, ["MCP-CIMD-13"], [W, W, W, N],
        "draft-ietf-oauth-client-id-metadata-document-00 §4.1, §5; RFC 8414 §2",
        "A server with `client_id_metadata_document_supported: true` offers at its token endpoint an authentication method that a client identified by a metadata document may use: one that is not based on a shared secret (not only `client_secret_basic`, `client_secret_post`, `client_secret_jwt`).",
        rationale: "A client whose `client_id` is a metadata document MUST NOT use a shared-secret method (CIMD §4.1: no secret can be established), and an absent `token_endpoint_auth_methods_supported` means `client_secret_basic` only (RFC 8414 §2). A server that offers nothing else advertises a way of registering that no client can complete at the token endpoint. No sentence requires the server to offer `none` or `private_key_jwt`, so this is a warning, not an error.";

    // ── Signed metadata ───────────────────────────────────────────────────────────────────
    SIGNED_METADATA_NOT_JWS = "signed-metadata-not-jws", SignedMetadata, ["SIG-1", "PR-SIG-1"], [E, E, E, E],
        "RFC 8414 §2.1; RFC 7515 §7.1; RFC 9728 §2.2",
        "`signed_metadata` is one JWT in JWS compact serialization whose header and claims are JSON objects.";
    SIGNED_METADATA_UNSIGNED = "signed-metadata-unsigned", SignedMetadata, ["SIG-2", "PR-SIG-2"], [E, E, E, E],
        "RFC 8414 §2.1; RFC 9728 §2.2",
        "`signed_metadata` is signed or MACed (its `alg` is not `none`).";
    SIGNED_METADATA_ISS = "signed-metadata-iss", SignedMetadata, ["SIG-2", "PR-SIG-2"], [E, E, E, E],
        "RFC 8414 §2.1; RFC 9728 §2.2",
        "`signed_metadata` has an `iss` claim naming the attesting party.";
    SIGNED_METADATA_NESTED = "signed-metadata-nested", SignedMetadata, ["SIG-3", "PR-SIG-3"], [W, W, W, W],
        "RFC 8414 §2.1; RFC 9728 §2.2",
        "`signed_metadata` does not contain a `signed_metadata` claim.";

    // ── Verifying signed metadata (needs keys the caller trusts) ──────────────────────────
    SIGNED_METADATA_MISSING = "signed-metadata-missing", SignedMetadataVerification, ["SIG-4"], [E, E, E, E],
        "RFC 8414 §2.1; RFC 9728 §2.2",
        "When the consumer requires verified signed metadata, the document has `signed_metadata`.",
        rationale: "RFC 8414 makes `signed_metadata` OPTIONAL and lets consumers ignore it (SIG-4). This rule is checked only when the caller requires signed metadata (it gives trusted keys, as `oidc-discovery check --trust-jwks` does); then a document without it cannot be verified.";
    SIGNED_METADATA_SIGNATURE = "signed-metadata-signature", SignedMetadataVerification, ["SIG-2", "SIG-6"], [E, E, E, E],
        "RFC 8414 §2.1; RFC 7515 §4.1.11, §5.2; RFC 7518 §3; RFC 9728 §2.2",
        "`signed_metadata` verifies with a key the consumer trusts: a supported algorithm, a key of the right type (with the `kid` and `alg` the key names, if any), no critical header parameter that is not understood; HMAC only with a shared secret trusted explicitly.",
        rationale: "How the consumer obtains and trusts keys is outside RFC 8414 (SIG-6). Keys are never taken from the token itself (`jwk`, `jku`, `x5u`, `x5c`), and an HMAC is never checked with a public key, which closes the algorithm-confusion attacks on JWS.";
    SIGNED_METADATA_TRUSTED_ISS = "signed-metadata-trusted-iss", SignedMetadataVerification, ["SIG-6"], [E, E, E, E],
        "RFC 8414 §2.1; RFC 9728 §2.2",
        "The `iss` of `signed_metadata` is a party the consumer trusts to attest to the metadata.";
    SIGNED_METADATA_VALIDITY = "signed-metadata-validity", SignedMetadataVerification, [], [E, E, E, E],
        "RFC 7519 §4.1.4, §4.1.5",
        "A verified `signed_metadata` is within its validity period: not after `exp`, not before `nbf` (both optional, with a small leeway), and those claims are NumericDates.";
    SIGNED_METADATA_NESTED_CLAIM = "signed-metadata-nested-claim", SignedMetadataVerification, ["SIG-3"], [E, E, E, E],
        "RFC 8414 §2.1; RFC 9728 §2.2",
        "Verification refuses a `signed_metadata` whose claims contain a `signed_metadata` claim.",
        rationale: "RFC 8414 only says the claim SHOULD NOT appear, so the document check (`signed-metadata-nested`) is a warning; but nested signed metadata leaves unclear which level's values take precedence, so verification refuses it rather than guess.";
    SIGNED_METADATA_DIFFERS = "signed-metadata-differs", SignedMetadataVerification, ["SIG-5"], [W, W, W, W],
        "RFC 8414 §2.1; RFC 9728 §2.2",
        "A verified signed value equals the plain member of the same name (or the plain member is absent).",
        rationale: "The signed value takes precedence (SIG-5), so a consumer that verifies sees another document than one that ignores `signed_metadata` (SIG-4); a plain value that differs is almost always stale.";
    SIGNED_METADATA_VERIFIED = "signed-metadata-verified", SignedMetadataVerification, ["SIG-5"], [I, I, I, I],
        "RFC 8414 §2.1; RFC 9728 §2.2",
        "`signed_metadata` was verified; its values take precedence over the plain members (the note lists them).";

    // ── mTLS endpoint aliases ─────────────────────────────────────────────────────────────
    MTLS_ALIAS_NOT_ENDPOINT = "mtls-alias-not-endpoint", Mtls, ["MTLS-1", "MTLS-3"], [W, W, E, N],
        "RFC 8705 §5",
        "Each alias names an endpoint a client calls directly (not `authorization_endpoint`, not a non-endpoint member).",
        rationale: "RFC 8705 §5 says such aliases have no meaning and are ignored; a warning, but an error under `fapi2`, where clients depend on the aliases.";
    MTLS_ALIAS_WITHOUT_ENDPOINT = "mtls-alias-without-endpoint", Mtls, ["MTLS-1"], [W, W, E, N],
        "RFC 8705 §5",
        "Each alias has a top-level endpoint of the same name.",
        rationale: "An alias is an alternative for a published endpoint; one without its endpoint (IdentityServer's `device_authorization_endpoint`) confuses clients. The OpenID conformance suite fails it; we warn outside `fapi2`.";

    // ── Values ────────────────────────────────────────────────────────────────────────────
    LOCALE_SYNTAX = "locale-syntax", Value, ["ARR-8", "PR-L10N-5"], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2; RFC 9728 §2.1; RFC 5646 §2.1",
        "Locale lists and member-name tags hold well-formed BCP 47 language tags.",
        rationale: "A value that breaks the syntax its member defines is an error, as a malformed URL or response type is: a client cannot match a malformed tag against the user's languages.";
    SCOPE_SYNTAX = "scope-syntax", Value, [], [E, E, E, E],
        "RFC 6749 §3.3; RFC 8414 §2; RFC 9728 §2",
        "Each `scopes_supported` entry is a scope token: one or more printable ASCII characters other than space, `\"` and `\\`.",
        rationale: "A scope value outside the scope-token grammar cannot be requested (the `scope` parameter separates tokens with spaces), so it is an error like any other broken syntax.";
    BEARER_METHOD_UNKNOWN = "bearer-method-unknown", Value, ["PR-ARR-8"], [N, N, N, W],
        "RFC 9728 §2; RFC 6750 §2",
        "Each `bearer_methods_supported` entry is a method of RFC 6750 §2: `header`, `body` or `query`.",
        rationale: "RFC 9728 §2 draws the values from RFC 6750 §2 and sets up no registry for others; an unknown value (Slack's `form`, for the form-encoded body RFC 6750 calls `body`) is not an error — clients ignore it — but it tells them nothing, so it is a warning.";
    VALUE_UNREGISTERED = "value-unregistered", Value, ["EXT-3"], [I, I, I, I],
        "OpenID Connect Discovery 1.0 §3; RFC 8414 §2 (extensible registries)",
        "A value is not in its registry; clients may not understand it.";

    // ── Retrieval (fetching a document over HTTP) ───────────────────────────────────────────
    RETRIEVAL_INSECURE = "retrieval-insecure", Retrieval, ["WK-3", "VAL-3"], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §7.1; RFC 8414 §3, §6.1",
        "The metadata is fetched over https (http only from a loopback host).";
    RETRIEVAL_STATUS = "retrieval-status", Retrieval, [], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §4.2; RFC 8414 §3.2",
        "A successful metadata response has status 200 OK.";
    RETRIEVAL_REDIRECT = "retrieval-redirect", Retrieval, [], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §4.2; RFC 8414 §3.2",
        "The metadata is served at its well-known URL, not through a redirect (a redirect is followed only when allowed, to the same https origin).",
        rationale: "Neither specification allows a redirect for the metadata request, and following one to another origin lets that origin answer for the issuer; clients may opt in to same-origin https redirects.";
    RETRIEVAL_CONTENT_TYPE = "retrieval-content-type", Retrieval, [], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §4.2; RFC 8414 §3.2",
        "The response's Content-Type is `application/json` (parameters such as charset allowed).";
    RETRIEVAL_TOO_LARGE = "retrieval-too-large", Retrieval, [], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §4.2 (no limit is specified)",
        "The response body stays within the client's size limit (1 MiB by default).",
        rationale: "No specification sets a limit; real documents are at most a few KiB, so a body over the limit is refused while it is read, keeping memory bounded.";
    RETRIEVAL_TIMEOUT = "retrieval-timeout", Retrieval, [], [E, E, E, E],
        "OpenID Connect Discovery 1.0 §4 (no limit is specified)",
        "The server answers within the client's time limits (10 s to connect, 30 s in all by default).";
    RETRIEVAL_INTERRUPTED = "retrieval-interrupted", Retrieval, [], [E, E, E, E],
        "RFC 9112 §6",
        "The response arrives whole (the connection is not closed mid-body).";

    // ── FAPI 2.0 Security Profile ─────────────────────────────────────────────────────────
    FAPI2_PAR = "fapi2-par", Fapi2, [], [N, N, E, N],
        "FAPI 2.0 Security Profile §5.3.2.1, §5.3.2.2; RFC 9126 §5",
        "The server publishes `pushed_authorization_request_endpoint` and `require_pushed_authorization_requests: true`.";
    FAPI2_PKCE_S256 = "fapi2-pkce-s256", Fapi2, [], [N, N, E, N],
        "FAPI 2.0 Security Profile §5.3.2.2; RFC 7636 §4.2",
        "`code_challenge_methods_supported` includes `S256`.";
    FAPI2_ISS_PARAMETER = "fapi2-iss-parameter", Fapi2, [], [N, N, E, N],
        "FAPI 2.0 Security Profile §5.3.2.2; RFC 9207 §3",
        "`authorization_response_iss_parameter_supported` is `true`.";
    FAPI2_CLIENT_AUTH = "fapi2-client-auth", Fapi2, [], [N, N, E, N],
        "FAPI 2.0 Security Profile §5.3.2.1",
        "Client authentication is `private_key_jwt` or mutual TLS, and only those are offered at the token endpoint.";
    FAPI2_ALGORITHMS = "fapi2-algorithms", Fapi2, [], [N, N, E, N],
        "FAPI 2.0 Security Profile §5.4.1",
        "Signing algorithm lists hold only `PS256`, `ES256`, `Ed25519` (or `EdDSA` with Ed25519).";
    FAPI2_SENDER_CONSTRAINED = "fapi2-sender-constrained", Fapi2, [], [N, N, E, N],
        "FAPI 2.0 Security Profile §5.3.2.1; RFC 9449; RFC 8705 §3",
        "Access tokens are sender-constrained: DPoP (`dpop_signing_alg_values_supported`) or mTLS (`tls_client_certificate_bound_access_tokens: true`).";
    FAPI2_RESPONSE_TYPES = "fapi2-response-types", Fapi2, [], [N, N, E, N],
        "FAPI 2.0 Security Profile §5.3.2.2",
        "The only response type is `code`.";
    FAPI2_GRANT_TYPES = "fapi2-grant-types", Fapi2, [], [N, N, E, N],
        "FAPI 2.0 Security Profile §5.3.2.2; RFC 9700 §2.1.2, §2.4",
        "Neither the implicit nor the password grant is offered.";

    // ── Protected resources (RFC 9728) ────────────────────────────────────────────────────
    RESOURCE_MISSING = "resource-missing", Resource, ["PR-RES-1"], [N, N, N, E],
        "RFC 9728 §2",
        "`resource` is present and a string.";
    RESOURCE_NOT_URL = "resource-not-url", Resource, ["PR-RES-2", "PR-XC-2"], [E, E, E, E],
        "RFC 9728 §1.2, §4",
        "A resource identifier (a protected resource's `resource`, each entry of an authorization server's `protected_resources`) is an absolute URL with a host.";
    RESOURCE_HTTPS = "resource-https", Resource, ["PR-RES-2", "PR-XC-2"], [E, E, E, E],
        "RFC 9728 §1.2, §4",
        "A resource identifier uses the https scheme (http on a loopback host is `http-loopback`).";
    RESOURCE_FRAGMENT = "resource-fragment", Resource, ["PR-RES-3", "PR-XC-2"], [E, E, E, E],
        "RFC 9728 §1.2, §4; RFC 8707 §2",
        "A resource identifier has no fragment (an empty `#` counts).";
    RESOURCE_QUERY = "resource-query", Resource, ["PR-RES-4"], [I, I, I, I],
        "RFC 9728 §1.2; RFC 8707 §2",
        "A resource identifier has no query component, unless the deployment needs one.",
        rationale: "RFC 8707 §2 says the identifier SHOULD NOT include a query but recognizes cases where one is a useful and necessary part of it, and RFC 9728 §3 builds the metadata URL of an identifier with a query; the specifications accept it, so it is a note.";
    RESOURCE_USERINFO = "resource-userinfo", Resource, ["PR-RES-5"], [W, W, W, W],
        "RFC 9728 §1.2; RFC 3986 §3.2.1",
        "A resource identifier has no user information (`user:pass@`).",
        rationale: "Not addressed by RFC 9728 or RFC 8707; credentials in an identifier are never intended and RFC 3986 deprecates them, and clients compare identifiers exactly, so one carrying `user@` matches nothing they hold. A warning, as for the issuer.";
    RESOURCE_MISMATCH = "resource-mismatch", Resource, ["PR-VAL-1", "PR-VAL-2", "PR-VAL-3", "PR-SEC-3"], [N, N, N, E],
        "RFC 9728 §3.3, §7.3",
        "`resource` is identical (code point by code point) to the resource the client expected: the identifier it built the metadata URL from, or the URL of the request whose `WWW-Authenticate` challenge pointed to the metadata.",
        rationale: "RFC 9728 §3.3 says the client MUST NOT use metadata whose `resource` differs, which is what stops one resource impersonating another (§7.3). Exact comparison, with no normalization of case, default port, trailing slash or percent-encoding (RFC 9728 §6); checked only when the caller says what it expected.";
}

/// Inventory rules that are not checks on a document, and where they are handled instead.
pub static NOT_DOCUMENT_CHECKS: &[(&str, &str)] = &[
    (
        "ISS-5, ISS-6",
        "The issuer must equal the `iss` of ID Tokens and the Federation Entity Identifier: checked when tokens or entity statements are validated, not in the document.",
    ),
    (
        "ISS-7, STR-1",
        "Keep the issuer and all strings exactly as received: a property of the model (`Issuer` and `UrlString` never normalize), not a rule.",
    ),
    (
        "WK-1 – WK-6",
        "Building well-known URLs (appended and inserted forms, suffixes, the RFC 8414 §5 fallback): `oidc_discovery_validate::well_known`.",
    ),
    (
        "VAL-2, VAL-3",
        "Refusing a failed document and checking TLS certificates are the fetching client's duties.",
    ),
    (
        "REQ-6, REQ-8",
        "Whether a provider supports Session Management, RP-Initiated Logout or `prompt=create` cannot be seen from the document.",
    ),
    (
        "REQ-10",
        "Dynamic OpenID Provider requirements apply only when the caller asserts the provider is dynamic; no profile does so yet.",
    ),
    (
        "XF-4, XF-6, XF-9, XF-10",
        "Explicitly not conflicts (XF-4), informational only (XF-6), registration-time (XF-9), or needing another document (XF-10).",
    ),
    (
        "SIG-4 – SIG-6",
        "Verifying `signed_metadata` and applying its precedence needs keys the caller trusts: `oidc-discovery-signed` does it (the `signed-metadata-verification` rules), for `oidc-discovery check --trust-jwks` and the client's `require_signed_metadata`.",
    ),
    (
        "MTLS-2, MTLS-5",
        "Which URL a client uses for mutual TLS (`ProviderMetadata::mtls_endpoint`) and client-side metadata.",
    ),
    (
        "EXT-1, EXT-3",
        "Unknown members and values are tolerated and kept by the parser; unregistered values get a note (`value-unregistered`).",
    ),
    (
        "L10N-1 – L10N-4",
        "Language-tagged members are modelled by `Localized<T>`; their tags are checked by `locale-syntax`.",
    ),
    (
        "JWKS-1 – JWKS-6",
        "Rules on the JWK Set behind `jwks_uri` apply when it is fetched, not to the metadata document.",
    ),
    (
        "PR-RES-6, PR-VAL-3",
        "A protected resource's `resource` is kept exactly as received (`UrlString`) and compared code point by code point (`resource-mismatch`): a property of the model and of the comparison.",
    ),
    (
        "PR-RES-7, PR-VAL-6",
        "The MCP canonical server URI and the MCP root fallback are an MCP client's policy, not RFC 9728 rules of the document.",
    ),
    (
        "PR-WK-1 – PR-WK-7",
        "Building a protected resource's metadata URL (RFC 9728 §3.1) and its inverse: `oidc_discovery_validate::well_known`.",
    ),
    (
        "PR-VAL-4, PR-VAL-5, PR-VAL-7, PR-VAL-8, PR-SEC-1 – PR-SEC-10",
        "TLS, redirects, refetching after a challenge, SSRF and the choice of authorization server are the fetching client's duties.",
    ),
    (
        "PR-AS-3, PR-AS-6 – PR-AS-8, PR-XC-1, PR-XC-3, PR-XC-4",
        "Partial lists, choosing an authorization server, that its metadata names the listed issuer (RFC 8414 §3.3), the MCP requirement of one entry, and the cross-check of `protected_resources` with `authorization_servers` need another document or an application profile.",
    ),
    (
        "PR-URL-2",
        "Keys at a protected resource's `jwks_uri` are judged when the JWK Set is fetched.",
    ),
    (
        "PR-SIG-4 – PR-SIG-8",
        "Verifying a protected resource's `signed_metadata` and letting its values win is `oidc-discovery-signed`'s job (the `signed-metadata-verification` rules).",
    ),
    (
        "PR-L10N-1 – PR-L10N-4, PR-L10N-6, PR-ARR-5",
        "Language-tagged members are modelled by `Localized<T>` (a tagged value has its member's type, `member-type`); unknown members are kept and ignored.",
    ),
    (
        "FEAT-1 – FEAT-7",
        "Rules for clients using a feature (the `iss` response parameter, DPoP proofs, PAR audiences, …), not for the document.",
    ),
];
