//! [`Client`]: one verified retrieval.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use oidc_discovery_metadata::{DocumentKind, ProtectedResourceMetadata, ProviderMetadata};
use oidc_discovery_signed::{
    SignedMetadataError, Verifier, validate_json_verified, validate_resource_json_verified,
};
use oidc_discovery_validate::{Checked, IssuerMatchOptions, Options, Profile, Validated};
use url::Url;

use crate::{Discoverable, DiscoveryError, Expected, FetchError, Locate, ResourceSource, Source};

/// Whether redirects are followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Redirects {
    /// Never (the default): a 3xx is an error.
    #[default]
    None,
    /// Only to the same origin, over https (at most 5).
    SameOriginHttps,
}

/// How the client fetches.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Config {
    /// Time to establish a connection (default 10 s).
    pub connect_timeout: Duration,
    /// Time for the whole exchange, body included (default 30 s).
    pub timeout: Duration,
    /// The largest body accepted, enforced while reading (default 1 MiB).
    pub max_body_bytes: usize,
    /// Allow `http` on hosts that are not loopback hosts (default `false`).
    pub allow_insecure_http: bool,
    /// Redirect policy (default: none).
    pub redirects: Redirects,
    /// RFC 8414 §5: for an issuer with a path under `oidc`/`fapi2`, try the inserted location
    /// (`/.well-known/openid-configuration/{path}`) first and the appended one after a retrieval
    /// failure (default `false`).
    pub rfc8414_fallback: bool,
    /// Opt-in relaxations of the exact issuer comparison.
    pub issuer_match: IssuerMatchOptions,
    /// Require `signed_metadata` (RFC 8414 §2.1) verified by this verifier (default: `None`,
    /// signed metadata is ignored). When set, a document without it, or whose signature, `iss`
    /// or validity period does not verify, is refused ([`DiscoveryError::SignedMetadata`]), and
    /// the document returned is the merged one: signed values take precedence (RFC 8414 §2.1;
    /// RFC 9728 §2.2 for a protected resource's document, whose `resource` match then judges
    /// the signed value).
    pub signed_metadata: Option<Verifier>,
}

impl Config {
    /// Requires verified signed metadata (see [`signed_metadata`](Self::signed_metadata)).
    ///
    /// ```
    /// use oidc_discovery_client::Config;
    /// use oidc_discovery_signed::{IssuerPolicy, TrustedKeys, Verifier};
    ///
    /// let keys = TrustedKeys::from_jwks_json(r#"{"keys": [{"kty": "OKP", "crv": "Ed25519",
    ///     "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}"#)?;
    /// let config = Config::default()
    ///     .require_signed_metadata(Verifier::new(keys, IssuerPolicy::document_issuer()));
    /// assert!(config.signed_metadata.is_some());
    /// # Ok::<(), oidc_discovery_signed::KeyError>(())
    /// ```
    #[must_use]
    pub fn require_signed_metadata(mut self, verifier: Verifier) -> Self {
        self.signed_metadata = Some(verifier);
        self
    }
}

impl Config {
    /// The validation options for a document expected to name `expected_issuer` (`None`: its
    /// issuer is not compared), with the configured [relaxations](Self::issuer_match).
    #[must_use]
    pub fn options(&self, expected_issuer: Option<String>) -> Options {
        let mut options = Options::default();
        options.expected_issuer = expected_issuer;
        options.issuer_match = self.issuer_match;
        options
    }

    /// The validation options for a document that must state what `expected` says, with the
    /// configured [relaxations](Self::issuer_match) — and, for an issuer implied by a metadata
    /// URL, which cannot show a terminating `/`, the trailing-slash relaxation (reported as a
    /// note when it is needed).
    #[must_use]
    pub fn expecting(&self, expected: &Expected) -> Options {
        match expected {
            Expected::Issuer(issuer) => self.options(Some(issuer.clone())),
            Expected::IssuerOfUrl(issuer) => {
                let mut options = self.options(Some(issuer.clone()));
                options.issuer_match.ignore_trailing_slash = true;
                options
            }
            Expected::Resource(resource) => Options::expecting_resource(resource.clone()),
            Expected::RequestUrl(url) => Options::expecting_resource_from_challenge(url.clone()),
        }
    }

    /// Judges a document's JSON text under `profile` with `options`, as this configuration
    /// says: validated ([`validate_json`](oidc_discovery_validate::validate_json)), and — when
    /// signed metadata is [required](Self::require_signed_metadata) — with its
    /// `signed_metadata` verified too
    /// ([`validate_json_verified`](oidc_discovery_signed::validate_json_verified)). Wherever
    /// the text comes from (a file, standard input, a retrieval), this is the one place where
    /// that choice is made.
    #[must_use]
    pub fn judge(&self, json: &[u8], profile: Profile, options: &Options) -> Judged {
        if profile.document_kind() == DocumentKind::ProtectedResource {
            // The report of a protected resource's document, judged as `judge_resource` does
            // (so that required signed metadata is verified whichever call judges it).
            let judged = self.judge_resource(json, options);
            return Judged {
                checked: Checked {
                    metadata: None,
                    report: judged.checked.report,
                },
                signed_metadata_error: judged.signed_metadata_error,
            };
        }
        match &self.signed_metadata {
            None => Judged {
                checked: oidc_discovery_validate::validate_json(json, profile, options),
                signed_metadata_error: None,
            },
            Some(verifier) => {
                let result = validate_json_verified(json, profile, options, verifier);
                Judged {
                    checked: result.checked,
                    signed_metadata_error: result.verification.and_then(Result::err),
                }
            }
        }
    }

    /// [`judge`](Self::judge) for a protected resource's document (RFC 9728), under the
    /// `resource` profile: validated
    /// ([`validate_resource_json`](oidc_discovery_validate::validate_resource_json)), and — when
    /// signed metadata is required — verified
    /// ([`validate_resource_json_verified`](oidc_discovery_signed::validate_resource_json_verified)).
    #[must_use]
    pub fn judge_resource(
        &self,
        json: &[u8],
        options: &Options,
    ) -> Judged<ProtectedResourceMetadata> {
        match &self.signed_metadata {
            None => Judged {
                checked: oidc_discovery_validate::validate_resource_json(json, options),
                signed_metadata_error: None,
            },
            Some(verifier) => {
                let result = validate_resource_json_verified(json, options, verifier);
                Judged {
                    checked: result.checked,
                    signed_metadata_error: result.verification.and_then(Result::err),
                }
            }
        }
    }
}

/// A document judged by [`Config::judge`] (a provider's) or [`Discoverable::judge`] (the
/// profile's kind of document, `D`).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Judged<D = ProviderMetadata> {
    /// The document (the merged one when signed metadata verified: signed values take
    /// precedence) and its report, which includes any signed-metadata failure as an error.
    pub checked: Checked<D>,
    /// Why `signed_metadata` did not verify, when it is required and did not.
    pub signed_metadata_error: Option<SignedMetadataError>,
}

/// A document retrieved and judged by [`Client::check`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Checkup<D = ProviderMetadata> {
    /// What was retrieved: from where, the body, `max-age`.
    pub retrieved: Retrieved,
    /// The document and its report.
    pub judged: Judged<D>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body_bytes: 1024 * 1024,
            allow_insecure_http: false,
            redirects: Redirects::None,
            rfc8414_fallback: false,
            issuer_match: IssuerMatchOptions::default(),
            signed_metadata: None,
        }
    }
}

/// A retrieved (not yet validated) document.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Retrieved {
    /// The URL it was finally fetched from.
    pub url: String,
    /// What the document must state about itself: the identifier the URL was built from, or
    /// the one it implies.
    pub expected: Expected,
    /// The body.
    pub body: Bytes,
    /// `Cache-Control: max-age` (`Some(ZERO)` for `no-store`/`no-cache`).
    pub max_age: Option<Duration>,
}

/// Fetches and verifies documents. Cheap to clone (the connection pool is shared).
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    config: Config,
}

const MAX_REDIRECTS: usize = 5;

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(address)) => address.is_loopback(),
        Some(url::Host::Ipv6(address)) => address.is_loopback(),
        None => false,
    }
}

/// `max-age` from a `Cache-Control` value.
fn max_age(value: &str) -> Option<Duration> {
    let mut result = None;
    for directive in value.split(',').map(str::trim) {
        let lower = directive.to_ascii_lowercase();
        if lower == "no-store" || lower == "no-cache" {
            return Some(Duration::ZERO);
        }
        if let Some(seconds) = lower.strip_prefix("max-age=") {
            result = seconds
                .trim_matches('"')
                .parse()
                .ok()
                .map(Duration::from_secs);
        }
    }
    result
}

impl Client {
    /// A client with the default [`Config`].
    ///
    /// # Errors
    ///
    /// When the TLS stack cannot be set up.
    pub fn new() -> Result<Self, FetchError> {
        Self::with_config(Config::default())
    }

    /// A client with `config`.
    ///
    /// # Errors
    ///
    /// When the TLS stack cannot be set up.
    pub fn with_config(config: Config) -> Result<Self, FetchError> {
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .redirect(reqwest::redirect::Policy::none())
            // No decompression, even when another crate of the application turns on one of
            // reqwest's decompression features (features are unified): a compressed body is
            // not JSON, and inflating it would let a small response become a large one.
            .no_gzip()
            .no_brotli()
            .no_deflate()
            .no_zstd()
            .user_agent(concat!("oidc-discovery/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|error| FetchError::Setup {
                reason: root_cause(&error),
            })?;
        Ok(Self { http, config })
    }

    /// The configuration.
    #[must_use]
    pub fn config(&self) -> &Config {
        &self.config
    }

    fn check_scheme(&self, url: &Url) -> Result<(), FetchError> {
        match url.scheme() {
            "https" => Ok(()),
            "http" if is_loopback(url) || self.config.allow_insecure_http => Ok(()),
            "http" => Err(FetchError::Insecure {
                url: url.to_string(),
            }),
            other => Err(FetchError::InvalidUrl(format!(
                "{url} has the scheme {other}; only https (and http on loopback) can be fetched"
            ))),
        }
    }

    /// The failure of a request, before the status and headers have arrived.
    fn classify(&self, error: &reqwest::Error, url: &str) -> FetchError {
        if error.is_timeout() {
            let after = if error.is_connect() {
                self.config.connect_timeout
            } else {
                self.config.timeout
            };
            FetchError::Timeout {
                url: url.to_owned(),
                after,
            }
        } else if error.is_connect() {
            FetchError::Connect {
                url: url.to_owned(),
                reason: root_cause(error),
            }
        } else {
            FetchError::Interrupted {
                url: url.to_owned(),
                reason: root_cause(error),
            }
        }
    }

    /// Fetches one URL with every check of retrieval (scheme, redirects, status, content type,
    /// size, time). Returns the final URL, the body and `max-age`.
    ///
    /// # Errors
    ///
    /// The [`FetchError`] of the first check that fails.
    pub async fn fetch(&self, url: &str) -> Result<(String, Bytes, Option<Duration>), FetchError> {
        let mut current = Url::parse(url)
            .map_err(|error| FetchError::InvalidUrl(format!("{url} is not a URL: {error}")))?;
        for _ in 0..=MAX_REDIRECTS {
            self.check_scheme(&current)?;
            let shown = current.to_string();
            let mut response = self
                .http
                .get(current.clone())
                .header(reqwest::header::ACCEPT, "application/json")
                .send()
                .await
                .map_err(|error| self.classify(&error, &shown))?;
            let status = response.status();
            // Only these are redirects; any other 3xx (a 304 we never asked for, 300) is a
            // status that is not 200.
            if matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308) {
                let location = response
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|value| value.to_str().ok())
                    .map(str::to_owned);
                if self.config.redirects == Redirects::SameOriginHttps {
                    if let Some(target) = location.as_deref().and_then(|l| current.join(l).ok()) {
                        if target.scheme() == "https" && target.origin() == current.origin() {
                            current = target;
                            continue;
                        }
                    }
                    return Err(FetchError::Redirect {
                        url: shown,
                        status: status.as_u16(),
                        location,
                        policy: " (only same-origin https redirects are allowed)",
                    });
                }
                return Err(FetchError::Redirect {
                    url: shown,
                    status: status.as_u16(),
                    location,
                    policy: "",
                });
            }
            if status != reqwest::StatusCode::OK {
                return Err(FetchError::Status {
                    url: shown,
                    status: status.as_u16(),
                });
            }
            let content_type = response
                .headers()
                .get(reqwest::header::CONTENT_TYPE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
            let essence = content_type.as_deref().map(|value| {
                value
                    .split(';')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_ascii_lowercase()
            });
            if essence.as_deref() != Some("application/json") {
                return Err(FetchError::ContentType {
                    url: shown,
                    content_type,
                });
            }
            let limit = self.config.max_body_bytes;
            if response
                .content_length()
                .is_some_and(|length| length > limit as u64)
            {
                return Err(FetchError::TooLarge { url: shown, limit });
            }
            let max_age = response
                .headers()
                .get(reqwest::header::CACHE_CONTROL)
                .and_then(|value| value.to_str().ok())
                .and_then(max_age);
            let mut body = BytesMut::new();
            while let Some(chunk) = response.chunk().await.map_err(|error| {
                // The server has answered; running out of time now is a body that did not
                // arrive whole in time, not a server that did not answer.
                if error.is_timeout() {
                    FetchError::BodyTimeout {
                        url: shown.clone(),
                        after: self.config.timeout,
                        received: body.len(),
                    }
                } else {
                    self.classify(&error, &shown)
                }
            })? {
                if body.len() + chunk.len() > limit {
                    return Err(FetchError::TooLarge { url: shown, limit });
                }
                body.extend_from_slice(&chunk);
            }
            return Ok((shown, body.freeze(), max_age));
        }
        Err(FetchError::TooManyRedirects {
            url: url.to_owned(),
            limit: MAX_REDIRECTS,
        })
    }

    /// Retrieves the document of `source` for `profile` (building the well-known URL for an
    /// issuer, with the RFC 8414 §5 fallback when configured), without validating it.
    ///
    /// # Errors
    ///
    /// The [`FetchError`] of the last URL tried.
    pub async fn retrieve<S: Locate>(
        &self,
        source: &S,
        profile: Profile,
    ) -> Result<Retrieved, FetchError> {
        let (urls, expected) = source.plan(&self.config, profile)?;
        let mut last = None;
        for url in urls {
            match self.fetch(&url).await {
                Ok((url, body, max_age)) => {
                    return Ok(Retrieved {
                        url,
                        expected,
                        body,
                        max_age,
                    });
                }
                Err(error @ (FetchError::InvalidUrl(_) | FetchError::Insecure { .. })) => {
                    return Err(error);
                }
                Err(error) => last = Some(error),
            }
        }
        Err(last.unwrap_or_else(|| FetchError::InvalidUrl("no URL to fetch".to_owned())))
    }

    /// The validation options for a retrieved document: what it must state
    /// ([`Config::expecting`] its [`expected`](Retrieved::expected)).
    #[must_use]
    pub fn options_for(&self, retrieved: &Retrieved) -> Options {
        self.config.expecting(&retrieved.expected)
    }

    /// Retrieves the document of `source` and judges it under `profile`: the one call behind
    /// [`discover`](Self::discover) and a tool's report. The document is validated against
    /// what the source expects ([`Locate::plan`], [`options_for`](Self::options_for)) or, when
    /// `expected` is given, against that identifier in its place
    /// ([`Expected::replaced_by`]: compared exactly, but for the configured relaxations); when signed
    /// metadata is [required](Config::require_signed_metadata), it is verified too (see
    /// [`Config::judge`]).
    ///
    /// A document that breaks rules is not an error here: its report says so. The document is
    /// read as a provider's ([`Config::judge`]); under [`Profile::Resource`] the report is a
    /// protected resource's and [`Checked::metadata`] is `None`
    /// ([`discover::<Resource>`](Self::discover) returns the document).
    ///
    /// # Errors
    ///
    /// The [`FetchError`] of retrieval: one that breaks a rule becomes a report with
    /// [`FetchError::to_report`]; one that does not ([`FetchError::rule`] is `None`) means the
    /// document could not be asked for at all.
    pub async fn check<S: Locate>(
        &self,
        source: &S,
        profile: Profile,
        expected: Option<&str>,
    ) -> Result<Checkup, FetchError> {
        let (retrieved, options) = self.retrieve_expecting(source, profile, expected).await?;
        let judged = self.config.judge(&retrieved.body, profile, &options);
        Ok(Checkup { retrieved, judged })
    }

    /// [`retrieve`](Self::retrieve), and the validation options for what was retrieved: what
    /// the source expects, or `expected` in its place.
    async fn retrieve_expecting<S: Locate>(
        &self,
        source: &S,
        profile: Profile,
        expected: Option<&str>,
    ) -> Result<(Retrieved, Options), FetchError> {
        let retrieved = self.retrieve(source, profile).await?;
        let options = match expected {
            Some(identifier) => self
                .config
                .expecting(&retrieved.expected.replaced_by(identifier)),
            None => self.options_for(&retrieved),
        };
        Ok((retrieved, options))
    }

    /// Retrieves and judges the document a URL names, the way the command line takes URLs: one
    /// that contains `/.well-known/` is a metadata URL, fetched as given; any other is the
    /// identifier whose well-known URL is built — an issuer under a provider profile
    /// ([`Source::from_url`]), a resource identifier under a profile that judges a protected
    /// resource's document ([`ResourceSource::from_url`]). Otherwise as [`check`](Self::check).
    ///
    /// # Errors
    ///
    /// As [`check`](Self::check).
    pub async fn check_url(
        &self,
        url: &str,
        profile: Profile,
        expected: Option<&str>,
    ) -> Result<Checkup, FetchError> {
        if profile.document_kind() == DocumentKind::ProtectedResource {
            self.check(&ResourceSource::from_url(url), profile, expected)
                .await
        } else {
            self.check(&Source::from_url(url), profile, expected).await
        }
    }

    /// Retrieves, parses and validates the document of `source` under `P`, returning it with
    /// its `max-age`. The kind of source is the profile's ([`Discoverable::Source`]).
    ///
    /// # Errors
    ///
    /// [`DiscoveryError::Fetch`] when retrieval fails, [`DiscoveryError::Invalid`] when the
    /// document breaks a rule of `P` (including an issuer mismatch), and — when signed
    /// metadata is [required](Config::require_signed_metadata) —
    /// [`DiscoveryError::SignedMetadata`] when it is missing or does not verify. The merged
    /// document (signed values take precedence) is the one validated and returned.
    pub async fn discover_with_max_age<P: Discoverable>(
        &self,
        source: &P::Source,
    ) -> Result<(Validated<P>, Option<Duration>), DiscoveryError> {
        let (retrieved, options) = self.retrieve_expecting(source, P::PROFILE, None).await?;
        let judged = P::judge(&self.config, &retrieved.body, &options);
        if let Some(error) = judged.signed_metadata_error {
            return Err(DiscoveryError::SignedMetadata {
                url: retrieved.url,
                error,
            });
        }
        let validated =
            judged
                .checked
                .into_validated::<P>()
                .map_err(|report| DiscoveryError::Invalid {
                    url: retrieved.url,
                    report: Box::new(report),
                })?;
        Ok((validated, retrieved.max_age))
    }

    /// Retrieves, parses and validates the document of `source` under `P`.
    ///
    /// # Errors
    ///
    /// As [`discover_with_max_age`](Self::discover_with_max_age).
    pub async fn discover<P: Discoverable>(
        &self,
        source: &P::Source,
    ) -> Result<Validated<P>, DiscoveryError> {
        self.discover_with_max_age(source)
            .await
            .map(|(validated, _)| validated)
    }
}

/// The innermost cause of an error, for a readable message.
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    cause.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age_is_read_from_cache_control() {
        for (value, expected) in [
            ("public, max-age=3600", Some(3600)),
            ("max-age=60, must-revalidate", Some(60)),
            ("MAX-AGE=5", Some(5)),
            ("no-store", Some(0)),
            ("private, no-cache", Some(0)),
            ("public", None),
            ("max-age=abc", None),
        ] {
            assert_eq!(max_age(value), expected.map(Duration::from_secs), "{value}");
        }
    }

    #[test]
    fn insecure_and_unusable_urls_are_refused_before_any_request() {
        let client = Client::new().unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        for (url, insecure) in [
            (
                "http://as.example.com/.well-known/openid-configuration",
                true,
            ),
            ("ftp://as.example.com/x", false),
            ("not a url", false),
        ] {
            let error = runtime.block_on(client.fetch(url)).unwrap_err();
            assert_eq!(
                matches!(error, FetchError::Insecure { .. }),
                insecure,
                "{url}: {error}"
            );
            assert!(
                matches!(
                    error,
                    FetchError::Insecure { .. } | FetchError::InvalidUrl(_)
                ),
                "{url}: {error}"
            );
        }
    }
}
