//! `oidc-discovery well-known`: the two well-known metadata URLs of an issuer.

use std::io::{self, Write};

use oidc_discovery_validate::well_known::{WellKnownUrls, well_known_urls};

use crate::Status;
use crate::args::{Format, WellKnownArgs};
use crate::render::Paint;

/// The URLs as text: two labelled lines.
fn text(urls: &WellKnownUrls) -> String {
    format!(
        "openid-configuration        {}\noauth-authorization-server  {}\n",
        urls.openid_configuration, urls.oauth_authorization_server
    )
}

/// The URLs as one JSON object, with its newline.
fn json(urls: &WellKnownUrls) -> String {
    let mut line = serde_json::to_string(urls).expect("two strings serialize");
    line.push('\n');
    line
}

/// Runs `well-known`: the URLs on `out`, or why the issuer is not usable on `err` (status 1:
/// a broken input, not a failure of the tool).
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
        Err(error) => {
            writeln!(err, "{} {error}", err_paint.error_label()).map(|()| Status::Invalid)
        }
    };
    written.unwrap_or_else(|error: io::Error| {
        if error.kind() != io::ErrorKind::BrokenPipe {
            let _ = writeln!(err, "{} cannot write: {error}", err_paint.error_label());
        }
        Status::Failure
    })
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
    fn text_is_two_labelled_lines() {
        let (status, out, err) = run_on("https://example.com/issuer1", Format::Text);
        assert_eq!(status, Status::Success);
        assert_eq!(
            out,
            "openid-configuration        https://example.com/issuer1/.well-known/openid-configuration\n\
             oauth-authorization-server  https://example.com/.well-known/oauth-authorization-server/issuer1\n"
        );
        assert!(err.is_empty());
    }

    #[test]
    fn json_is_one_object() {
        let (_, out, _) = run_on("https://example.com/", Format::Json);
        assert_eq!(
            out,
            "{\"openid_configuration\":\"https://example.com/.well-known/openid-configuration\",\
             \"oauth_authorization_server\":\"https://example.com/.well-known/oauth-authorization-server\"}\n"
        );
    }

    #[test]
    fn an_unusable_issuer_is_status_1_with_the_reason() {
        let (status, out, err) = run_on("https://a.example/?x", Format::Json);
        assert_eq!(status, Status::Invalid);
        assert!(out.is_empty());
        assert!(
            err.starts_with("error: issuer \"https://a.example/?x\""),
            "{err}"
        );
    }
}
