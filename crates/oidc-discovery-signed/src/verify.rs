//! Consumer side: verify `signed_metadata`, then merge its values over the plain ones.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use oidc_discovery_metadata::{Metadata, ProviderMetadata};
use oidc_discovery_validate::pointer;
use oidc_discovery_validate::rules::{SIGNED_METADATA_DIFFERS, SIGNED_METADATA_VERIFIED};
use oidc_discovery_validate::{Problem, Profile};
use serde_json::{Map, Value};

use oidc_discovery_validate::jws::CompactJws;

use crate::{Algorithm, SignedMetadataError, TrustedKeys};

type Custom = Arc<dyn Fn(&str) -> bool + Send + Sync>;

/// Which attesting parties (`iss`) the consumer trusts. How that is decided is application or
/// federation policy (RFC 8414 §2.1); these are the usual ones.
#[derive(Clone)]
pub struct IssuerPolicy(Policy);

#[derive(Clone)]
enum Policy {
    Exact(BTreeSet<String>),
    DocumentIssuer,
    Custom(Custom),
}

impl fmt::Debug for IssuerPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Policy::Exact(set) => f.debug_tuple("IssuerPolicy::exact").field(set).finish(),
            Policy::DocumentIssuer => f.write_str("IssuerPolicy::document_issuer"),
            Policy::Custom(_) => f.write_str("IssuerPolicy::custom(..)"),
        }
    }
}

impl IssuerPolicy {
    /// Trust exactly these `iss` values (compared code point by code point).
    #[must_use]
    pub fn exact<I, S>(issuers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self(Policy::Exact(issuers.into_iter().map(Into::into).collect()))
    }

    /// Trust the document's own identifier (the publisher attests to its own metadata): `iss`
    /// must equal the plain `issuer` member exactly — for protected resource metadata, the
    /// plain `resource` member (RFC 9728 §7.9: unsigned metadata is issued by the resource
    /// itself).
    #[must_use]
    pub fn document_issuer() -> Self {
        Self(Policy::DocumentIssuer)
    }

    /// Trust the `iss` values for which `trusted` returns `true`.
    #[must_use]
    pub fn custom(trusted: impl Fn(&str) -> bool + Send + Sync + 'static) -> Self {
        Self(Policy::Custom(Arc::new(trusted)))
    }

    /// Whether `iss` is trusted for a document whose plain identifier (`issuer`, or
    /// `resource` for protected resource metadata) is `document_issuer`.
    #[must_use]
    pub fn trusts(&self, iss: &str, document_issuer: Option<&str>) -> bool {
        match &self.0 {
            Policy::Exact(set) => set.contains(iss),
            Policy::DocumentIssuer => document_issuer == Some(iss),
            Policy::Custom(trusted) => trusted(iss),
        }
    }
}

/// How a signed member compares with the plain member of the same name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PlainValue {
    /// The plain member has the same JSON value.
    Same,
    /// The plain member has another value; the signed one took precedence.
    Differs,
    /// There is no plain member of that name; the signed one was added.
    Absent,
}

/// A member whose value came from the verified signature.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SignedMember {
    /// The member name (`token_endpoint`, `op_tos_uri#fr`, …).
    pub name: String,
    /// How the plain member compared.
    pub plain: PlainValue,
}

/// Metadata whose `signed_metadata` was verified: the merged document (signed values take
/// precedence, RFC 8414 §2.1, RFC 9728 §2.2) and where its values came from. `D` is the
/// document type: [`ProviderMetadata`] or
/// [`ProtectedResourceMetadata`](oidc_discovery_metadata::ProtectedResourceMetadata).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct VerifiedMetadata<D = ProviderMetadata> {
    /// The merged document: the plain members, overridden and extended by the signed ones.
    /// `signed_metadata` itself is kept as received.
    pub metadata: D,
    /// The members that came from the signature, sorted by name.
    pub signed: Vec<SignedMember>,
    /// The attesting party (`iss`).
    pub issuer: String,
    /// The algorithm of the signature.
    pub algorithm: Algorithm,
    /// The `kid` of the header, if any.
    pub kid: Option<String>,
    /// The `exp` claim (seconds since the epoch), if any.
    pub expires_at: Option<f64>,
}

impl<D> VerifiedMetadata<D> {
    /// The names of the members that came from the signature.
    pub fn signed_members(&self) -> impl Iterator<Item = &str> + '_ {
        self.signed.iter().map(|member| member.name.as_str())
    }

    /// The signed members whose plain value differed or was absent.
    pub fn differing_members(&self) -> impl Iterator<Item = &SignedMember> + '_ {
        self.signed
            .iter()
            .filter(|member| member.plain != PlainValue::Same)
    }

    /// The outcome as report problems: a `signed-metadata-verified` note naming the signed
    /// members, and a `signed-metadata-differs` warning for each plain member that differs.
    #[must_use]
    pub fn problems(&self, profile: Profile) -> Vec<Problem> {
        let mut problems = Vec::new();
        let names: Vec<&str> = self.signed_members().collect();
        problems.extend(Problem::new(
            &SIGNED_METADATA_VERIFIED,
            profile,
            "/signed_metadata",
            format!(
                "`signed_metadata` verified ({}{}, attested by \"{}\"); {} signed member(s) take precedence: {}",
                self.algorithm,
                self.kid
                    .as_deref()
                    .map(|kid| format!(", kid \"{kid}\""))
                    .unwrap_or_default(),
                self.issuer,
                names.len(),
                if names.is_empty() {
                    "none".to_owned()
                } else {
                    names.join(", ")
                }
            ),
        ));
        for member in self.differing_members() {
            if member.plain == PlainValue::Differs {
                problems.extend(Problem::new(
                    &SIGNED_METADATA_DIFFERS,
                    profile,
                    pointer::member(&member.name),
                    format!(
                        "the plain `{}` differs from its signed value, which takes precedence",
                        member.name
                    ),
                ));
            }
        }
        problems
    }
}

/// Verifies `signed_metadata` against the keys and the issuer policy a consumer trusts.
///
/// The steps, each failure typed ([`SignedMetadataError`], with its registry rule):
///
/// 1. the value is a JWS in compact serialization (SIG-1) whose header and claims are JSON
///    objects, signed (`alg` is not `none`, SIG-2) with an algorithm this crate supports and no
///    `crit` header parameter;
/// 2. a trusted key fits the header (`alg`, `kid`) and the signature verifies with it; an
///    `HS*` token only with a shared secret trusted explicitly;
/// 3. `iss` is present (SIG-2) and trusted by the [`IssuerPolicy`] (SIG-6);
/// 4. `exp` and `nbf`, when present, hold at the time of verification, with a leeway (60 s
///    by default);
/// 5. the claims have no nested `signed_metadata` (SIG-3).
///
/// Only then are the claims merged (SIG-5): every claim except the registered JWT claims
/// ([`JWT_CLAIMS`](crate::JWT_CLAIMS)) becomes a member, replacing the plain one. Unverified
/// claims are never merged (SIG-6).
///
/// ```
/// # #[cfg(feature = "sign")]
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use oidc_discovery_metadata::{Metadata, ProviderMetadata};
/// use oidc_discovery_signed::{
///     Algorithm, IssuerPolicy, PlainValue, SignOptions, SigningKey, TrustedKeys, Verifier, embed,
/// };
///
/// // The provider signs its metadata...
/// let key = SigningKey::generate(Algorithm::ES256)?.with_kid("meta-1");
/// let metadata = ProviderMetadata {
///     issuer: Some("https://as.example.com".into()),
///     token_endpoint: Some("https://as.example.com/token".into()),
///     ..Default::default()
/// };
/// let mut published = embed(&metadata, &key, &SignOptions::new("https://as.example.com"))?;
/// // ...and someone on the way rewrites a plain member.
/// published.token_endpoint = Some("https://evil.example/token".into());
///
/// // The consumer trusts the provider's key (obtained out of band) and its own issuer.
/// let trusted = TrustedKeys::from_jwk(&key.public_jwk().unwrap())?;
/// let verifier = Verifier::new(trusted, IssuerPolicy::document_issuer());
/// let verified = verifier.verify(&published)?;
/// let endpoint = verified.metadata.token_endpoint.as_ref().unwrap();
/// assert_eq!(endpoint.as_str(), "https://as.example.com/token"); // the signed value wins
/// let changed: Vec<&str> = verified.differing_members().map(|m| m.name.as_str()).collect();
/// assert_eq!(changed, ["token_endpoint"]);
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "sign"))]
/// # fn main() {}
/// ```
#[derive(Clone, Debug)]
pub struct Verifier {
    keys: TrustedKeys,
    issuers: IssuerPolicy,
    leeway: Duration,
    now: Option<SystemTime>,
}

/// The registered JWT claim names (RFC 7519 §4.1). They are claims of the token, not metadata
/// members: a document with a member of one of these names cannot be signed, and verification
/// does not merge them.
pub const JWT_CLAIMS: [&str; 7] = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"];

/// The leeway for `exp` and `nbf` unless set otherwise.
pub const DEFAULT_LEEWAY: Duration = Duration::from_secs(60);

/// A NumericDate claim, if present.
fn time_claim(
    claims: &Map<String, Value>,
    name: &'static str,
) -> Result<Option<f64>, SignedMetadataError> {
    match claims.get(name) {
        None => Ok(None),
        Some(Value::Number(number)) => number
            .as_f64()
            .filter(|seconds| seconds.is_finite())
            .map(Some)
            .ok_or(SignedMetadataError::InvalidTimeClaim(name)),
        Some(_) => Err(SignedMetadataError::InvalidTimeClaim(name)),
    }
}

impl Verifier {
    /// A verifier trusting `keys` for the attesting parties `issuers`, with the default
    /// leeway and the system clock.
    #[must_use]
    pub fn new(keys: TrustedKeys, issuers: IssuerPolicy) -> Self {
        Self {
            keys,
            issuers,
            leeway: DEFAULT_LEEWAY,
            now: None,
        }
    }

    /// The leeway for `exp` and `nbf` (clock skew between signer and verifier).
    #[must_use]
    pub fn with_leeway(mut self, leeway: Duration) -> Self {
        self.leeway = leeway;
        self
    }

    /// Verifies as at `now` instead of the system clock (for tests, and for re-checking a
    /// document as it was at a given time).
    #[must_use]
    pub fn at(mut self, now: SystemTime) -> Self {
        self.now = Some(now);
        self
    }

    /// The trusted keys.
    #[must_use]
    pub fn keys(&self) -> &TrustedKeys {
        &self.keys
    }

    /// Verifies the `signed_metadata` of `metadata` and returns the merged document.
    ///
    /// # Errors
    ///
    /// The [`SignedMetadataError`] of the first step that fails (see the type's
    /// documentation); [`Missing`](SignedMetadataError::Missing) when there is no
    /// `signed_metadata`.
    pub fn verify<D: Metadata>(
        &self,
        metadata: &D,
    ) -> Result<VerifiedMetadata<D>, SignedMetadataError> {
        let Some(jwt) = metadata.signed_metadata() else {
            return Err(match metadata.other().get("signed_metadata") {
                None => SignedMetadataError::Missing,
                Some(other) if other.is_null() => SignedMetadataError::Missing,
                Some(other) => SignedMetadataError::NotAString(other.kind().described()),
            });
        };
        let jws = CompactJws::read(jwt.as_str())?;
        let (algorithm, kid) = self.check_signature(&jws)?;
        let iss = jws.issuer()?.to_owned();
        let claims = jws.into_claims();
        if !self.issuers.trusts(&iss, metadata.identifier()) {
            return Err(SignedMetadataError::UntrustedIssuer(iss));
        }
        let expires_at = self.check_time(&claims)?;
        if claims.contains_key("signed_metadata") {
            return Err(SignedMetadataError::Nested);
        }
        let (merged, signed) = merge(metadata, claims)?;
        Ok(VerifiedMetadata {
            metadata: merged,
            signed,
            issuer: iss,
            algorithm,
            kid,
            expires_at,
        })
    }

    /// Steps 1 and 2: the header, then the signature with a key that fits it.
    fn check_signature(
        &self,
        jws: &CompactJws<'_>,
    ) -> Result<(Algorithm, Option<String>), SignedMetadataError> {
        let alg = jws.algorithm()?;
        let algorithm = Algorithm::from_name(alg)
            .ok_or_else(|| SignedMetadataError::UnsupportedAlgorithm(alg.to_owned()))?;
        if let Some(crit) = jws.header().get("crit") {
            let names = match crit {
                Value::Array(names) => names
                    .iter()
                    .map(|name| {
                        name.as_str()
                            .map_or_else(|| name.to_string(), str::to_owned)
                    })
                    .collect(),
                other => vec![other.to_string()],
            };
            return Err(SignedMetadataError::CriticalHeader(names));
        }
        let kid = jws.kid()?.map(str::to_owned);
        if algorithm.is_hmac() && !self.keys.has_shared_secret() {
            return Err(SignedMetadataError::HmacNotTrusted(algorithm));
        }
        let candidates: Vec<_> = self
            .keys
            .keys
            .iter()
            .filter(|key| key.fits(algorithm, kid.as_deref()))
            .collect();
        if candidates.is_empty() {
            return Err(SignedMetadataError::NoMatchingKey {
                alg: algorithm,
                kid,
            });
        }
        let message = jws.signing_input().as_bytes();
        if candidates
            .iter()
            .any(|key| key.key.verify(algorithm, message, jws.signature()))
        {
            Ok((algorithm, kid))
        } else {
            Err(SignedMetadataError::BadSignature {
                alg: algorithm,
                kid,
                tried: candidates.len(),
            })
        }
    }

    /// Step 4: `exp` and `nbf`. Returns `exp`.
    fn check_time(&self, claims: &Map<String, Value>) -> Result<Option<f64>, SignedMetadataError> {
        let exp = time_claim(claims, "exp")?;
        let nbf = time_claim(claims, "nbf")?;
        time_claim(claims, "iat")?;
        let now = self.now.unwrap_or_else(SystemTime::now);
        // Seconds since the epoch, as a float to compare with fractional NumericDates; before
        // the epoch is negative.
        let now_seconds = match now.duration_since(UNIX_EPOCH) {
            Ok(after) => after.as_secs_f64(),
            Err(before) => -before.duration().as_secs_f64(),
        };
        let whole = |seconds: f64| seconds.max(0.0).floor() as u64;
        let leeway = self.leeway.as_secs_f64();
        if let Some(exp) = exp {
            // RFC 7519 §4.1.4: the current time MUST be before `exp`.
            if now_seconds >= exp + leeway {
                return Err(SignedMetadataError::Expired {
                    exp,
                    now: whole(now_seconds),
                });
            }
        }
        if let Some(nbf) = nbf {
            // RFC 7519 §4.1.5: the current time MUST be after or equal to `nbf`.
            if now_seconds < nbf - leeway {
                return Err(SignedMetadataError::NotYetValid {
                    nbf,
                    now: whole(now_seconds),
                });
            }
        }
        Ok(exp)
    }
}

/// The plain document with the verified claims (less the registered JWT claims) over it.
fn merge<D: Metadata>(
    metadata: &D,
    claims: Map<String, Value>,
) -> Result<(D, Vec<SignedMember>), SignedMetadataError> {
    let unusable = |error: &dyn fmt::Display| SignedMetadataError::Unmergeable(error.to_string());
    let Value::Object(mut document) =
        serde_json::to_value(metadata).map_err(|error| unusable(&error))?
    else {
        return Err(unusable(&"the document is not an object"));
    };
    let mut signed = Vec::new();
    for (name, value) in claims {
        if JWT_CLAIMS.contains(&name.as_str()) {
            continue;
        }
        let plain = match document.get(&name) {
            None => PlainValue::Absent,
            Some(plain) if *plain == value => PlainValue::Same,
            Some(_) => PlainValue::Differs,
        };
        signed.push(SignedMember {
            name: name.clone(),
            plain,
        });
        document.insert(name, value);
    }
    signed.sort_by(|a, b| a.name.cmp(&b.name));
    let merged: D =
        serde_json::from_value(Value::Object(document)).map_err(|error| unusable(&error))?;
    Ok((merged, signed))
}
