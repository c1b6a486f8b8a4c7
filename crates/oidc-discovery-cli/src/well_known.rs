//! `oidc-discovery well-known`: the well-known metadata URLs of an issuer, and the
//! protected-resource metadata URL of the same text.
//!
//! Which inputs have well-known URLs, and the rule a refused one breaks, are decided by
//! `oidc_discovery_validate::well_known::well_known_urls`; this module only renders.

use std::io::{self, Write};

use oidc_discovery_validate::well_known::{WellKnownError, WellKnownUrls, well_known_urls};
use oidc_discovery_validate::{Problem, visible};
use serde::Serialize;

use crate::Status;
use crate::args::{Format, WellKnownArgs};
use crate::render::{self, Paint};

/// The URLs as text: three labelled lines, [made visible](visible) (an issuer may hold
/// bidirectional or invisible characters that a URL keeps).
fn text(urls: &WellKnownUrls) -> String {
    format!(
        "openid-configuration        {}\n\
         oauth-authorization-server  {}\n\
         oauth-protected-resource    {}\n",
        visible(&urls.openid_configuration),
        visible(&urls.oauth_authorization_server),
        visible(&urls.oauth_protected_resource)
    )
}

/// The URLs as one JSON object, with its newline.
fn json(urls: &WellKnownUrls) -> String {
    render::json_line(urls)
}

/// A refused issuer in JSON: `check`'s problem objects, for the issuer instead of a source.
#[derive(Serialize)]
struct JsonRefusal<'a> {
    valid: bool,
    issuer: &'a str,
    problems: &'a [Problem],
}

/// Runs `well-known`: the URLs on `out`; or, for an input that cannot be an issuer, the rule it
/// breaks (status 1: a broken input, not a failure of the tool) — as a message on `err` in text,
/// as a JSON object on `out` in JSON.
pub(crate) fn run(
    args: &WellKnownArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    err_paint: Paint,
) -> Status {
    let written = match well_known_urls(&args.issuer) {
        Ok(urls) => {
            let shown = match args.format {
                Format::Text => text(&urls),
                Format::Json => json(&urls),
            };
            out.write_all(shown.as_bytes())
                .and_then(|()| out.flush())
                .map(|()| Status::Success)
        }
        Err(error) => refusal(args, &error, out, err, err_paint).map(|()| Status::Invalid),
    };
    written.unwrap_or_else(|error: io::Error| {
        if error.kind() != io::ErrorKind::BrokenPipe {
            let _ = writeln!(err, "{} cannot write: {error}", err_paint.error_label());
        }
        Status::Failure
    })
}

/// Writes why the issuer was refused, with the rule it breaks.
fn refusal(
    args: &WellKnownArgs,
    error: &WellKnownError,
    out: &mut dyn Write,
    err: &mut dyn Write,
    err_paint: Paint,
) -> io::Result<()> {
    let problem = error.problem();
    match (args.format, &problem) {
        (Format::Json, Some(problem)) => {
            let line = render::json_line(&JsonRefusal {
                valid: false,
                issuer: &args.issuer,
                problems: std::slice::from_ref(problem),
            });
            out.write_all(line.as_bytes())?;
            out.flush()
        }
        (_, Some(problem)) => writeln!(
            err,
            "{} {}  {}",
            err_paint.error_label(),
            problem.message,
            err_paint.dim(&format!("[{} · {}]", problem.rule, problem.spec)),
        ),
        (_, None) => writeln!(
            err,
            "{} {}",
            err_paint.error_label(),
            visible(&error.to_string())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(issuer: &str, format: Format) -> (Status, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let args = WellKnownArgs {
            format,
            issuer: issuer.to_owned(),
        };
        let status = run(&args, &mut out, &mut err, Paint::PLAIN);
        (
            status,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    #[test]
    fn text_is_three_labelled_lines() {
        let (status, out, err) = run_on("https://example.com/issuer1", Format::Text);
        assert_eq!(status, Status::Success);
        assert_eq!(
            out,
            "openid-configuration        https://example.com/issuer1/.well-known/openid-configuration\n\
             oauth-authorization-server  https://example.com/.well-known/oauth-authorization-server/issuer1\n\
             oauth-protected-resource    https://example.com/.well-known/oauth-protected-resource/issuer1\n"
        );
        assert!(err.is_empty());
    }

    #[test]
    fn json_is_one_object() {
        let (_, out, _) = run_on("https://example.com/", Format::Json);
        assert_eq!(
            out,
            "{\"openid_configuration\":\"https://example.com/.well-known/openid-configuration\",\
             \"oauth_authorization_server\":\"https://example.com/.well-known/oauth-authorization-server\",\
             \"oauth_protected_resource\":\"https://example.com/.well-known/oauth-protected-resource\"}\n"
        );
    }

    #[test]
    fn an_unusable_issuer_is_status_1_with_the_reason_and_rule() {
        let (status, out, err) = run_on("https://a.example/?x", Format::Text);
        assert_eq!(status, Status::Invalid);
        assert!(out.is_empty());
        assert!(
            err.starts_with("error: issuer \"https://a.example/?x\" has a query component"),
            "{err}"
        );
        assert!(
            err.ends_with(
                "  [issuer-query-fragment · OpenID Connect Discovery 1.0 §3; RFC 8414 §2]\n"
            ),
            "{err}"
        );
    }

    #[test]
    fn a_refusal_in_json_is_one_object_on_standard_output() {
        let (status, out, err) = run_on("ftp://example.com", Format::Json);
        assert_eq!(status, Status::Invalid);
        assert!(err.is_empty(), "{err}");
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["valid"], false);
        assert_eq!(value["issuer"], "ftp://example.com");
        assert_eq!(value["problems"][0]["rule"], "issuer-https");
        assert_eq!(value["problems"][0]["severity"], "error");
        assert_eq!(out.lines().count(), 1);
    }
}
