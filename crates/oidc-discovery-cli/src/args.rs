//! The command line, declared with clap's derive API.

use std::ffi::OsString;

use clap::{Args, Parser, Subcommand, ValueEnum};
use oidc_discovery_http::ConnectionPolicy;
use oidc_discovery_validate::Profile;

/// Profiles and exit statuses, for the top-level `--help`.
const TOP_LEVEL_HELP: &str = "\
Profiles (check --profile):
  oauth     OAuth 2.0 Authorization Server Metadata (RFC 8414)
  oidc      OpenID Connect Discovery 1.0, an OpenID Provider (the default)
  fapi2     FAPI 2.0 Security Profile: RFC 8414 plus FAPI 2.0's requirements
  resource  OAuth 2.0 Protected Resource Metadata (RFC 9728), a protected resource's document

Formats (--format): text for people (coloured on a terminal unless NO_COLOR is set), json for
programs. `oidc-discovery check --help` and `oidc-discovery well-known --help` say more.

Exit status:
  0  no errors (warnings and notes allowed)
  1  a document or its retrieval breaks at least one rule (invalid JSON, a value that is
     not a JSON object, a wrong HTTP status or content type), or an issuer is not usable
  2  the tool could not do its job: bad arguments, an unreadable file or directory, a URL
     that cannot be fetched at all (not a usable URL, no connection)";

/// Check OpenID Connect Discovery 1.0 and OAuth 2.0 Authorization Server Metadata
/// (RFC 8414) documents, and build the well-known URLs of an issuer.
#[derive(Debug, Parser)]
#[command(
    name = "oidc-discovery",
    version,
    propagate_version = true,
    after_help = TOP_LEVEL_HELP
)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check metadata documents against a profile and report every problem.
    Check(CheckArgs),
    /// Print the well-known metadata URLs of an issuer (and of the same URL as a protected
    /// resource).
    WellKnown(WellKnownArgs),
    /// Serve metadata documents over HTTP: the embedded example provider, or files (an
    /// authorization server's, protected resources').
    Serve(ServeArgs),
}

/// The web framework `serve` runs on (each through its `oidc-discovery-*` adapter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Framework {
    /// axum, through `oidc-discovery-axum`.
    Axum,
    /// actix-web, through `oidc-discovery-actix-web`.
    ActixWeb,
    /// warp, through `oidc-discovery-warp`.
    Warp,
}

impl Framework {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Axum => "axum",
            Self::ActixWeb => "actix-web",
            Self::Warp => "warp",
        }
    }
}

/// Arguments of `serve`.
#[derive(Debug, Args)]
#[command(
    long_about = "Serve a metadata document at every well-known location of its issuer, with \
                  the HTTP behaviour every adapter shares: GET, HEAD, conditional requests \
                  (ETag), CORS and 405 with Allow.",
    after_long_help = "\
Document:
  Without --metadata, an embedded example OpenID Provider is served, whose issuer is
  http://<listen address> (its endpoints live under that issuer, and its JWK Set is served at
  /jwks.json). Use a loopback address (the default): an http issuer anywhere else is an error.
  With --metadata FILE, that document is served. It is validated first, under `oidc` when it
  looks like an OpenID Provider's (it lists the `openid` scope, ID Token algorithms, subject
  types or a UserInfo endpoint) and `oauth` otherwise; serve refuses to start, printing the
  report, when it has errors.
  With --resource-metadata FILE (repeatable), each protected resource's metadata (RFC 9728) is
  served at its well-known location, next to the --metadata document if one is given. The
  embedded example is served only when neither flag is: with --resource-metadata alone, only
  the protected resources are served. Each is validated under the `resource` profile and
  refused, with its report, when it has errors; an http resource identifier on a loopback host
  is a warning (local development). Two documents whose locations share a path are refused.

Routes:
  The OpenID Connect location (/.well-known/openid-configuration appended to the issuer's path),
  the RFC 8414 location (/.well-known/oauth-authorization-server inserted before it), and, for
  an issuer with a path, the RFC 8414 location with the openid-configuration suffix; for each
  protected resource, /.well-known/oauth-protected-resource inserted before the resource
  identifier's path (RFC 9728 §3.1; the identifier's query, if any, is not compared). Every
  route is printed at start.

Connections:
  Every framework applies the same connection policy (the defaults are shown with each flag
  above). A client has --head-timeout from the first byte of a request to send its whole head,
  and a connection may wait --idle-timeout for its next request, after it opens or after a
  response, before it is closed; so is a connection whose client leaves responses unread that
  long. At most --max-connections are served at once (lowered to fit the open-file limit):
  beyond that, new connections wait until one closes, and established ones are still answered.
  One connection holds at most --max-buffer of pipelined requests and unread responses. On
  Ctrl-C or SIGTERM the server stops accepting, closes idle connections and half-sent requests,
  gives in-flight responses --shutdown-timeout, then closes everything and exits. Durations are
  written 10s, 1.5s or 500ms; sizes as bytes or with a KiB or MiB suffix (64KiB). axum and warp
  speak HTTP/1.1 only: HTTP/2 with prior knowledge is refused.

Exit status:
  0  stopped cleanly (Ctrl-C or SIGTERM)
  1  a document has errors (its report is printed)
  2  the tool could not do its job: bad arguments, an unreadable file, the address is in use"
)]
pub(crate) struct ServeArgs {
    /// The web framework to serve with.
    #[arg(long, value_enum, default_value = "axum")]
    pub(crate) framework: Framework,
    /// The address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub(crate) listen: std::net::SocketAddr,
    /// An authorization server's metadata document to serve instead of the embedded example.
    #[arg(long, value_name = "FILE")]
    pub(crate) metadata: Option<std::path::PathBuf>,
    /// A protected resource's metadata document (RFC 9728) to serve at its well-known
    /// location; repeat for several resources.
    #[arg(long = "resource-metadata", value_name = "FILE")]
    pub(crate) resource_metadata: Vec<std::path::PathBuf>,
    /// How long a client has, from the first byte of a request, to send the whole request head.
    #[arg(long, value_name = "DURATION", value_parser = parse_deadline,
          default_value_t = Seconds(ConnectionPolicy::default().head_timeout))]
    pub(crate) head_timeout: Seconds,
    /// How long a connection may wait for its next request (after it opens or after a
    /// response), and a client may leave a response unread, before it is closed.
    #[arg(long, value_name = "DURATION", value_parser = parse_deadline,
          default_value_t = Seconds(ConnectionPolicy::default().idle_timeout))]
    pub(crate) idle_timeout: Seconds,
    /// How long in-flight responses get to finish after Ctrl-C or SIGTERM before every
    /// connection is closed.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration,
          default_value_t = Seconds(ConnectionPolicy::default().shutdown_timeout))]
    pub(crate) shutdown_timeout: Seconds,
    /// How many connections are served at once (lowered to fit the open-file limit); beyond
    /// it, new connections wait until one closes.
    #[arg(long, value_name = "N", value_parser = parse_connections,
          default_value_t = ConnectionPolicy::default().max_connections)]
    pub(crate) max_connections: usize,
    /// How many bytes one connection may hold in buffers (pipelined requests, unread
    /// responses): bytes, or with a KiB or MiB suffix; at least 8KiB.
    #[arg(long, value_name = "BYTES", value_parser = parse_buffer,
          default_value_t = Bytes(ConnectionPolicy::default().max_buffer))]
    pub(crate) max_buffer: Bytes,
}

impl ServeArgs {
    /// The connection policy the flags describe, for every framework.
    pub(crate) fn policy(&self) -> ConnectionPolicy {
        let mut policy = ConnectionPolicy::default();
        policy.head_timeout = self.head_timeout.0;
        policy.idle_timeout = self.idle_timeout.0;
        policy.shutdown_timeout = self.shutdown_timeout.0;
        policy.max_connections = self.max_connections;
        policy.max_buffer = self.max_buffer.0;
        policy
    }
}

/// A duration on the command line: whole or decimal seconds (`10s`, `1.5s`) or whole
/// milliseconds (`500ms`). Displayed the way it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Seconds(pub(crate) std::time::Duration);

impl std::fmt::Display for Seconds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let millis = self.0.as_millis();
        if millis % 1000 == 0 {
            write!(f, "{}s", millis / 1000)
        } else if millis >= 1000 && millis % 100 == 0 {
            write!(f, "{}.{}s", millis / 1000, (millis % 1000) / 100)
        } else {
            write!(f, "{millis}ms")
        }
    }
}

/// A size in bytes on the command line: a number of bytes, or of KiB or MiB. Displayed with
/// the largest suffix that divides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bytes(pub(crate) usize);

impl std::fmt::Display for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const MIB: usize = 1024 * 1024;
        match self.0 {
            0 => write!(f, "0"),
            n if n % MIB == 0 => write!(f, "{}MiB", n / MIB),
            n if n % 1024 == 0 => write!(f, "{}KiB", n / 1024),
            n => write!(f, "{n}"),
        }
    }
}

/// The longest duration a flag takes: a day.
const MAX_DURATION: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Parses `10s`, `1.5s` or `500ms` (at most a day).
fn parse_duration(text: &str) -> Result<Seconds, String> {
    let invalid = || {
        format!(
            "`{text}` is not a duration: write seconds or milliseconds, such as 10s, 1.5s or 500ms"
        )
    };
    let (number, millis_per_unit) = if let Some(number) = text.strip_suffix("ms") {
        (number, 1)
    } else if let Some(number) = text.strip_suffix('s') {
        (number, 1000)
    } else {
        return Err(invalid());
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || number.ends_with('.') {
        return Err(invalid());
    }
    if millis_per_unit == 1 && !fraction.is_empty() {
        return Err(format!(
            "`{text}` is not a duration: milliseconds are whole numbers (write 1.5s, not 1500.5ms)"
        ));
    }
    if fraction.len() > 3 {
        return Err(format!(
            "`{text}` is more precise than a millisecond: write at most three decimals"
        ));
    }
    let too_long = || format!("`{text}` is too long: durations are at most a day (86400s)");
    let whole: u64 = whole.parse().map_err(|_| too_long())?;
    let fraction_millis: u64 = format!("{fraction:0<3}").parse().unwrap_or(0);
    let millis = whole
        .checked_mul(millis_per_unit)
        .and_then(|m| {
            m.checked_add(if millis_per_unit == 1 {
                0
            } else {
                fraction_millis
            })
        })
        .ok_or_else(too_long)?;
    let duration = std::time::Duration::from_millis(millis);
    if duration > MAX_DURATION {
        return Err(too_long());
    }
    Ok(Seconds(duration))
}

/// A duration that is a deadline for clients: more than zero (a zero deadline would close
/// every connection before its first request).
fn parse_deadline(text: &str) -> Result<Seconds, String> {
    let duration = parse_duration(text)?;
    if duration.0.is_zero() {
        return Err(format!(
            "`{text}` would close every connection at once: give a duration above zero"
        ));
    }
    Ok(duration)
}

/// Parses a connection cap: a whole number, at least 1.
fn parse_connections(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("`0` connections would serve no one: give at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(_) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => Ok(usize::MAX),
        Err(_) => Err(format!(
            "`{text}` is not a number of connections: give a whole number, such as 1024"
        )),
    }
}

/// Parses a number of bytes, `64KiB` or `1MiB` (at least `ConnectionPolicy::MIN_BUFFER`).
fn parse_buffer(text: &str) -> Result<Bytes, String> {
    let (number, unit) = if let Some(number) = text.strip_suffix("KiB") {
        (number, 1024)
    } else if let Some(number) = text.strip_suffix("MiB") {
        (number, 1024 * 1024)
    } else {
        (text.strip_suffix('B').unwrap_or(text), 1)
    };
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "`{text}` is not a size: write a number of bytes, or of KiB or MiB, such as 65536 or 64KiB"
        ));
    }
    let too_large = || format!("`{text}` is too large: at most 1024MiB");
    let bytes = number
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .filter(|&n| n <= 1024 * 1024 * 1024)
        .ok_or_else(too_large)?;
    if bytes < ConnectionPolicy::MIN_BUFFER {
        return Err(format!(
            "`{text}` is too small: a connection needs at least {} to hold a request head",
            Bytes(ConnectionPolicy::MIN_BUFFER)
        ));
    }
    Ok(Bytes(bytes))
}

/// Arguments of `check`.
#[derive(Debug, Args)]
#[command(
    long_about = "Check metadata documents against a profile and report every problem: \
                  errors (rules the specifications require), warnings (what they recommend \
                  against, or what breaks clients) and notes.",
    after_long_help = "\
Sources:
  FILE         a metadata document
  DIRECTORY    every *.json file in it, sorted by name (not recursive)
  -            standard input (at most once)
  A file or standard input is read up to 1 MiB, the limit for URL sources too; a larger one
  is a source that cannot be read (exit status 2).
  https://...  a URL, fetched (see URL sources below)

URL sources:
  A URL that contains /.well-known/ is fetched as given, and the expected issuer is the one
  it implies (https://a.example/t/.well-known/openid-configuration implies https://a.example/t;
  since such a URL cannot show whether the issuer ends in `/`, an issuer that differs only by
  that `/` is accepted, with an issuer-match-relaxed note). Any other URL is an issuer: its
  well-known URL is built for the profile, RFC 8414 style for oauth
  (https://a.example/.well-known/oauth-authorization-server/t) and OpenID Connect style for
  oidc and fapi2 (https://a.example/t/.well-known/openid-configuration), and the document
  must name exactly that issuer. --issuer, when given, replaces the expected issuer (compared
  exactly, unless --allow-trailing-slash or --allow-tenant-template relaxes the comparison).
  The request is a GET with Accept: application/json. https is required, except on loopback
  hosts (localhost, 127.0.0.0/8, [::1]), where http is allowed. Redirects are not followed.
  The answer must be 200 with Content-Type application/json, a body of at most 1 MiB, within
  10 s to connect and 30 s in all. A retrieval that breaks one of these rules is reported like
  a document problem (retrieval-insecure, retrieval-redirect, retrieval-status,
  retrieval-content-type, retrieval-too-large, retrieval-timeout, retrieval-interrupted;
  exit status 1); a URL that is not usable, or a connection that cannot be made at all (DNS,
  refused, TLS handshake), is a source that cannot be read (exit status 2).

Protected resources (--profile resource):
  The document is a protected resource's metadata (RFC 9728). A URL that contains
  /.well-known/ is fetched as given, and the expected resource is the identifier it implies
  (https://mcp.example.com/.well-known/oauth-protected-resource/mcp implies
  https://mcp.example.com/mcp). Any other URL is the resource identifier: its metadata URL is
  built by inserting /.well-known/oauth-protected-resource between the host and the path
  (RFC 9728 §3.1), and `resource` must be identical to the URL as given. Identical means
  code point for code point: a trailing `/`, letter case or a default port make another
  identifier (resource-mismatch, exit status 1). Retrieval is checked as above. A file or
  standard input has no URL to compare with, so its `resource` is not compared; --issuer,
  --allow-trailing-slash and --allow-tenant-template compare issuers and are refused with
  this profile (exit status 2).

Formats:
  text  for people: problems grouped into errors, warnings and notes, each with its JSON
        pointer, message, rule id and specification section, then a summary line per
        source (and an overall one for several sources). Coloured only when standard
        output is a terminal and NO_COLOR is not set.
  json  one JSON object per source, on one line:
          {\"valid\": bool, \"profile\": \"oidc\", \"source\": \"...\",
           \"problems\": [{\"rule\", \"severity\", \"pointer\", \"message\", \"spec\"}]}
        `valid` is true exactly when no problem has severity \"error\"; `source` is the
        argument as given (\"-\" for standard input; DIRECTORY/NAME.json for a file found
        in a directory; a URL as typed, not the well-known URL built from it). Several sources give JSON Lines, one object per readable source;
        a source that cannot be read prints a message on standard error instead.

Issuer relaxations:
  --allow-trailing-slash   an issuer that differs from the expected one only by one
                           terminating `/` is accepted, with an issuer-match-relaxed note
  --allow-tenant-template  a document whose issuer is a `{tenantid}` template (Microsoft
                           Entra's multi-tenant documents) is accepted when the expected
                           issuer fills that path segment with a tenant, with an
                           issuer-match-relaxed note

Signed metadata (--trust-jwks FILE):
  Every document must carry `signed_metadata`, a JWT signed with a key of the JWK Set in
  FILE (its signature keys: `use` sig or absent; symmetric keys are never trusted) whose
  `iss` is the document's `issuer`; `exp` and `nbf`, when present, must hold (60 s leeway).
  Then the signed values take precedence and the merged document is the one checked. A
  failure is an error (signed-metadata-missing, signed-metadata-signature,
  signed-metadata-trusted-iss, signed-metadata-validity, ...); success is a note
  (signed-metadata-verified) naming the signed members, with a warning
  (signed-metadata-differs) for each plain member that differs from its signed value. A
  FILE that cannot be read or has no usable key is a failure of the tool (exit status 2).

Exit status:
  0  no errors in any source (warnings and notes allowed)
  1  some document or its retrieval breaks at least one rule (invalid JSON, a value that
     is not a JSON object, a wrong HTTP status or content type, an issuer mismatch)
  2  the tool could not do its job: bad arguments, a source that cannot be read (a missing
     file, a file or standard input over 1 MiB, a URL that is not usable or cannot be
     connected to), a --trust-jwks FILE that cannot be read or has no usable key; this
     wins over 1"
)]
pub(crate) struct CheckArgs {
    /// The profile to check against.
    #[arg(long, value_enum, default_value_t = ProfileArg::Oidc)]
    pub(crate) profile: ProfileArg,

    /// The issuer every document must name (compared exactly, but for the --allow-* relaxations;
    /// `issuer-mismatch` otherwise). Without it, a URL source's issuer is derived from the URL,
    /// and for files the issuer match is skipped. Not with --profile resource.
    #[arg(long, value_name = "ISSUER")]
    pub(crate) issuer: Option<String>,

    /// Accept an issuer that differs from the expected one only by one terminating `/`, with an
    /// `issuer-match-relaxed` note.
    #[arg(long)]
    pub(crate) allow_trailing_slash: bool,

    /// Accept a document whose issuer is a `{tenantid}` template when the expected issuer fills
    /// it with a tenant, with an `issuer-match-relaxed` note.
    #[arg(long)]
    pub(crate) allow_tenant_template: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,

    /// Require `signed_metadata` (RFC 8414 §2.1) and verify it with the keys of this JWK Set;
    /// the attesting party (`iss`) must be the document's issuer.
    #[arg(long, value_name = "FILE")]
    pub(crate) trust_jwks: Option<std::path::PathBuf>,

    /// Files, directories (their *.json files), `-` for standard input, or http(s) URLs.
    #[arg(value_name = "SOURCE", required = true, num_args = 1..)]
    pub(crate) sources: Vec<OsString>,
}

/// Arguments of `well-known`.
#[derive(Debug, Args)]
#[command(
    long_about = "Print the well-known metadata URLs of an issuer, built from its exact \
                  text: `openid-configuration` appended to the issuer (OpenID Connect \
                  Discovery 1.0 §4) and `oauth-authorization-server` inserted between the \
                  host and the path (RFC 8414 §3); and the protected-resource metadata URL of \
                  the same text read as a resource identifier, `oauth-protected-resource` \
                  inserted between the host and the path (RFC 9728 §3.1). One terminating `/` \
                  of the path is removed first.",
    after_long_help = "\
Formats:
  text  three labelled lines: `openid-configuration URL`, `oauth-authorization-server URL`
        and `oauth-protected-resource URL`
  json  {\"openid_configuration\": URL, \"oauth_authorization_server\": URL,
         \"oauth_protected_resource\": URL}

Only an https issuer, or an http issuer on a loopback host (localhost, 127.0.0.0/8, [::1]),
has well-known URLs. Anything else cannot be an issuer (another scheme, http on another host,
not an absolute URL, no host, a query or fragment, userinfo, a URL template such as
`{tenantid}`, a path ending in `//`, a `.` or `..` or `.well-known` segment, whitespace): that
is a broken input, not a failure of the tool, and the exit status is 1 (a resource identifier
with a query, which RFC 9728 allows but an issuer cannot have, is refused too). The reason is printed
with the rule it breaks, as `check` names rules (issuer-https, issuer-not-url,
issuer-template, issuer-query-fragment, issuer-well-known): in text, one line on standard
error; in json, one object on standard output,
{\"valid\": false, \"issuer\": ISSUER, \"problems\": [PROBLEM]}, PROBLEM as in `check`.

Exit status:
  0  the URLs were printed
  1  the input cannot be an issuer
  2  bad arguments"
)]
pub(crate) struct WellKnownArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,

    /// The issuer identifier, e.g. `https://example.com/tenant1`.
    #[arg(value_name = "ISSUER")]
    pub(crate) issuer: String,
}

/// A validation profile, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ProfileArg {
    /// OAuth 2.0 Authorization Server Metadata (RFC 8414)
    #[value(name = "oauth")]
    OAuth,
    /// OpenID Connect Discovery 1.0: an OpenID Provider
    #[value(name = "oidc")]
    Oidc,
    /// FAPI 2.0 Security Profile: RFC 8414 plus PAR, PKCE S256, `iss` in responses, strong
    /// client authentication, restricted algorithms, sender-constrained tokens
    #[value(name = "fapi2")]
    Fapi2,
    /// OAuth 2.0 Protected Resource Metadata (RFC 9728): the document of a protected resource
    #[value(name = "resource")]
    Resource,
}

impl From<ProfileArg> for Profile {
    fn from(profile: ProfileArg) -> Self {
        match profile {
            ProfileArg::OAuth => Profile::OAuth,
            ProfileArg::Oidc => Profile::Oidc,
            ProfileArg::Fapi2 => Profile::Fapi2,
            ProfileArg::Resource => Profile::Resource,
        }
    }
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// For people
    Text,
    /// For programs
    Json,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("oidc-discovery").chain(args.iter().copied()))
    }

    #[test]
    fn the_command_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn check_defaults() {
        let Command::Check(args) = parse(&["check", "a.json"]).unwrap().command else {
            panic!("not check");
        };
        assert_eq!(args.profile, ProfileArg::Oidc);
        assert_eq!(args.format, Format::Text);
        assert_eq!(args.issuer, None);
        assert_eq!(args.trust_jwks, None);
        assert!(!args.allow_trailing_slash && !args.allow_tenant_template);
        assert_eq!(args.sources, vec![OsString::from("a.json")]);
    }

    #[test]
    fn check_takes_several_sources_and_every_option() {
        let cli = parse(&[
            "check",
            "--profile",
            "fapi2",
            "--issuer",
            "https://a.example",
            "--format",
            "json",
            "--trust-jwks",
            "keys.json",
            "--allow-trailing-slash",
            "--allow-tenant-template",
            "a.json",
            "-",
            "dir",
        ])
        .unwrap();
        let Command::Check(args) = cli.command else {
            panic!("not check");
        };
        assert_eq!(Profile::from(args.profile), Profile::Fapi2);
        assert_eq!(args.format, Format::Json);
        assert_eq!(args.issuer.as_deref(), Some("https://a.example"));
        assert_eq!(args.trust_jwks, Some("keys.json".into()));
        assert!(args.allow_trailing_slash && args.allow_tenant_template);
        assert_eq!(args.sources.len(), 3);
    }

    #[test]
    fn profile_names_match_the_library() {
        for profile in [
            ProfileArg::OAuth,
            ProfileArg::Oidc,
            ProfileArg::Fapi2,
            ProfileArg::Resource,
        ] {
            let name = profile.to_possible_value().unwrap().get_name().to_owned();
            assert_eq!(Profile::from(profile).as_str(), name);
            assert_eq!(name.parse::<Profile>().unwrap(), Profile::from(profile));
        }
    }

    #[test]
    fn connection_values_read_back_as_they_are_shown() {
        use std::time::Duration;
        for (text, millis) in [
            ("10s", 10_000),
            ("1.5s", 1_500),
            ("0.25s", 250),
            ("500ms", 500),
        ] {
            let parsed = parse_duration(text).unwrap();
            assert_eq!(parsed, Seconds(Duration::from_millis(millis)), "{text}");
            assert_eq!(parse_duration(&parsed.to_string()), Ok(parsed), "{text}");
        }
        assert_eq!(Seconds(Duration::from_millis(1_250)).to_string(), "1250ms");
        for (text, bytes) in [
            ("64KiB", 65_536),
            ("1MiB", 1 << 20),
            ("10000", 10_000),
            ("9000B", 9_000),
        ] {
            let parsed = parse_buffer(text).unwrap();
            assert_eq!(parsed, Bytes(bytes), "{text}");
            assert_eq!(parse_buffer(&parsed.to_string()), Ok(parsed), "{text}");
        }
        let Command::Serve(serve) = parse(&["serve"]).unwrap().command else {
            panic!("not serve");
        };
        assert_eq!(serve.policy(), ConnectionPolicy::default());
    }

    #[test]
    fn usage_errors() {
        assert!(parse(&["check"]).is_err());
        assert!(parse(&["check", "--profile", "saml", "a.json"]).is_err());
        assert!(parse(&["check", "--format", "yaml", "a.json"]).is_err());
        assert!(
            parse(&["check", "--trust-jwks", "a.json"]).is_err(),
            "no source"
        );
        assert!(parse(&["well-known"]).is_err());
        assert!(parse(&["serve", "--framework", "rocket"]).is_err());
        assert!(parse(&["serve", "--listen", "not-an-address"]).is_err());
        assert!(parse(&["serve", "--metadata"]).is_err());
        assert!(parse(&["serve", "--resource-metadata"]).is_err());
        let Command::Serve(serve) = parse(&[
            "serve",
            "--resource-metadata",
            "a.json",
            "--resource-metadata",
            "b.json",
        ])
        .unwrap()
        .command
        else {
            panic!("not serve");
        };
        assert_eq!(
            serve.resource_metadata,
            [std::path::PathBuf::from("a.json"), "b.json".into()]
        );
        assert_eq!(serve.metadata, None);
        assert!(
            parse(&["serve"]).is_ok(),
            "every serve argument has a default"
        );
    }
}
