//! The command line, declared with clap's derive API.

use std::ffi::OsString;

use clap::{Args, Parser, Subcommand, ValueEnum};
use oidc_discovery_validate::Profile;

/// Profiles and exit statuses, for the top-level `--help`.
const TOP_LEVEL_HELP: &str = "\
Profiles (check --profile):
  oauth  OAuth 2.0 Authorization Server Metadata (RFC 8414)
  oidc   OpenID Connect Discovery 1.0, an OpenID Provider (the default)
  fapi2  FAPI 2.0 Security Profile: RFC 8414 plus FAPI 2.0's requirements

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
    /// Print the two well-known metadata URLs of an issuer.
    WellKnown(WellKnownArgs),
    /// Serve a metadata document (the embedded example provider, or a file) over HTTP.
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

Routes:
  The OpenID Connect location (/.well-known/openid-configuration appended to the issuer's path),
  the RFC 8414 location (/.well-known/oauth-authorization-server inserted before it), and, for
  an issuer with a path, the RFC 8414 location with the openid-configuration suffix. They are
  printed at start.

Exit status:
  0  stopped cleanly (Ctrl-C)
  1  the document has errors (the report is printed)
  2  the tool could not do its job: bad arguments, an unreadable file, the address is in use"
)]
pub(crate) struct ServeArgs {
    /// The web framework to serve with.
    #[arg(long, value_enum, default_value = "axum")]
    pub(crate) framework: Framework,
    /// The address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub(crate) listen: std::net::SocketAddr,
    /// A metadata document to serve instead of the embedded example.
    #[arg(long, value_name = "FILE")]
    pub(crate) metadata: Option<std::path::PathBuf>,
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
    /// and for files the issuer match is skipped.
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
    long_about = "Print the two well-known metadata URLs of an issuer, built from its exact \
                  text: `openid-configuration` appended to the issuer (OpenID Connect \
                  Discovery 1.0 §4) and `oauth-authorization-server` inserted between the \
                  host and the path (RFC 8414 §3). One terminating `/` of the issuer is \
                  removed first.",
    after_long_help = "\
Formats:
  text  two labelled lines: `openid-configuration URL` and `oauth-authorization-server URL`
  json  {\"openid_configuration\": URL, \"oauth_authorization_server\": URL}

Only an https issuer, or an http issuer on a loopback host (localhost, 127.0.0.0/8, [::1]),
has well-known URLs. Anything else cannot be an issuer (another scheme, http on another host,
not an absolute URL, no host, a query or fragment, userinfo, a URL template such as
`{tenantid}`, a path ending in `//`, a `.` or `..` or `.well-known` segment, whitespace): that
is a broken input, not a failure of the tool, and the exit status is 1. The reason is printed
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
}

impl From<ProfileArg> for Profile {
    fn from(profile: ProfileArg) -> Self {
        match profile {
            ProfileArg::OAuth => Profile::OAuth,
            ProfileArg::Oidc => Profile::Oidc,
            ProfileArg::Fapi2 => Profile::Fapi2,
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
        for profile in [ProfileArg::OAuth, ProfileArg::Oidc, ProfileArg::Fapi2] {
            let name = profile.to_possible_value().unwrap().get_name().to_owned();
            assert_eq!(Profile::from(profile).as_str(), name);
            assert_eq!(name.parse::<Profile>().unwrap(), Profile::from(profile));
        }
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
        assert!(
            parse(&["serve"]).is_ok(),
            "every serve argument has a default"
        );
    }
}
