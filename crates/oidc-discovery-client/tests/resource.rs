//! Protected-resource metadata (RFC 9728) through the client's one retrieval, against scripted
//! servers on loopback: each provenance of the metadata URL (an identifier, a challenge, a
//! metadata URL given directly) with the `resource` it must state (RFC 9728 §3.3), every kind of
//! mismatch, the retrieval checks (redirects, content type, status), and the cache.
//!
//! No test uses the internet: every server listens on `127.0.0.1`, and the only other hosts are
//! `.invalid` ones (RFC 6761) or are never connected to.

#[path = "common/report.rs"]
mod report;
#[path = "common/server.rs"]
#[allow(
    dead_code,
    reason = "the fetch tests use the misbehaviours this file does not"
)]
mod server;

use std::sync::Arc;
use std::time::Duration;

use oidc_discovery_client::{
    Cache, Client, Config, DiscoveryError, Expected, FetchError, Locate, ResourceSource,
};
use oidc_discovery_validate::{Profile, Report, Resource, Severity};
use report::invalid_report;
use server::{Request, Response, Server};

const PRM: &str = "/.well-known/oauth-protected-resource";
/// What validation names a `resource` that is not the one expected (RFC 9728 §3.3).
const MISMATCH: &str = "resource-mismatch";

/// A protected-resource metadata document stating `resource`, valid under `resource`.
fn document(resource: &str) -> String {
    serde_json::json!({
        "resource": resource,
        "authorization_servers": ["https://as.example.com"],
        "scopes_supported": ["files:read"],
        "bearer_methods_supported": ["header"],
    })
    .to_string()
}

/// A server answering `document(resource(origin))` at `path` (the request target, query
/// included), and 404 elsewhere.
async fn serving(
    path: &'static str,
    resource: impl Fn(&str) -> String + Send + Sync + 'static,
) -> Server {
    Server::start(move |request: &Request| {
        if request.path == path {
            Response::json(document(&resource(&request.origin)))
        } else {
            Response::status(404)
        }
    })
    .await
}

fn client() -> Client {
    Client::new().expect("a client")
}

/// The one error of a report: its rule id and pointer.
fn errors(report: &Report) -> Vec<(&str, &str)> {
    report
        .problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(|problem| (problem.rule.id, problem.pointer.as_str()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Each provenance
// ---------------------------------------------------------------------------------------------

/// From an identifier, the URL is built (RFC 9728 §3.1: inserted before the path, the query
/// kept) and `resource` must be the identifier (PR-VAL-1).
#[tokio::test]
async fn an_identifier_builds_the_url_and_must_be_the_resource() {
    for (path, suffix) in [
        ("/.well-known/oauth-protected-resource/mcp", "/mcp"),
        ("/.well-known/oauth-protected-resource", ""),
        (
            "/.well-known/oauth-protected-resource/v1?tenant=7",
            "/v1?tenant=7",
        ),
    ] {
        let server = serving(path, move |origin| format!("{origin}{suffix}")).await;
        let identifier = format!("{}{suffix}", server.origin());
        let validated = client()
            .discover::<Resource>(&ResourceSource::identifier(&identifier))
            .await
            .unwrap_or_else(|error| panic!("{identifier}: {error}"));
        assert_eq!(validated.resource().as_str(), identifier);
        assert_eq!(server.paths(), [path]);
        let head = server.heads().remove(0).to_ascii_lowercase();
        assert!(
            head.starts_with(&format!("get {path} http/1.1\r\n")),
            "{head}"
        );
        assert!(head.contains("\r\naccept: application/json\r\n"), "{head}");
    }
}

/// From a challenge, the `resource_metadata` URL is fetched as given (any path, RFC 9728 §5.1)
/// and `resource` must be the URL of the request that got the challenge (PR-VAL-2).
#[tokio::test]
async fn a_challenge_names_the_url_and_the_request_url_is_the_resource() {
    let server = serving("/metadata/prm.json", |origin| format!("{origin}/mcp")).await;
    let request_url = server.url("/mcp");
    let header = format!(
        "Bearer realm=\"mcp\", resource_metadata=\"{}\"",
        server.url("/metadata/prm.json")
    );
    let source =
        ResourceSource::from_challenge(&request_url, [r#"Basic realm="legacy""#, header.as_str()])
            .unwrap()
            .expect("the challenge names the metadata");
    assert_eq!(
        source,
        ResourceSource::Challenge {
            request_url: request_url.clone(),
            metadata_url: server.url("/metadata/prm.json"),
        }
    );
    let validated = client().discover::<Resource>(&source).await.unwrap();
    assert_eq!(validated.resource().as_str(), request_url);
    assert_eq!(server.paths(), ["/metadata/prm.json"]);
}

/// A challenge without `resource_metadata` names no source (the caller falls back to the
/// identifier); one whose value cannot be fetched is refused with its rule.
#[test]
fn a_challenge_without_a_usable_metadata_url_names_no_source() {
    for lines in [
        vec![r#"Bearer realm="mcp""#],
        vec![r#"Basic realm="x""#],
        vec!["Bearer xresource_metadata=\"https://evil.example/\""],
        vec![],
    ] {
        assert_eq!(
            ResourceSource::from_challenge("https://mcp.example.com/mcp", &lines),
            Ok(None),
            "{lines:?}"
        );
    }
    for value in [
        "/.well-known/oauth-protected-resource",
        "http://mcp.example.com/.well-known/oauth-protected-resource",
    ] {
        let line = format!("Bearer resource_metadata=\"{value}\"");
        let error =
            ResourceSource::from_challenge("https://mcp.example.com/mcp", [line]).expect_err(value);
        assert_eq!(error.rule(), "CH-RM-4", "{value}: {error}");
    }
}

/// A metadata URL given directly is fetched as given; `resource` must be the identifier it
/// implies, spelled without the terminating `/` that RFC 9728 §3.1 removes (the other spelling
/// builds the same URL, but nothing says it is the resource's).
#[tokio::test]
async fn a_metadata_url_implies_the_resource() {
    for (suffix, valid) in [("/mcp", true), ("/mcp/", false)] {
        let server = serving("/.well-known/oauth-protected-resource/mcp", move |origin| {
            format!("{origin}{suffix}")
        })
        .await;
        let url = server.url("/.well-known/oauth-protected-resource/mcp");
        let source = ResourceSource::from_url(&url);
        assert_eq!(source, ResourceSource::metadata_url(&url));
        let result = client().discover::<Resource>(&source).await;
        if valid {
            let validated = result.unwrap_or_else(|error| panic!("{suffix}: {error}"));
            assert_eq!(validated.resource().as_str(), server.url(suffix));
        } else {
            let report = invalid_report(result);
            assert_eq!(errors(&report), [(MISMATCH, "/resource")], "{report:?}");
        }
        assert_eq!(
            server.paths(),
            ["/.well-known/oauth-protected-resource/mcp"]
        );
    }
}

/// What each provenance expects, as the retrieval reports it.
#[test]
fn each_provenance_says_what_the_document_must_state() {
    let config = Config::default();
    let plan = |source: ResourceSource| source.plan(&config, Profile::Resource).unwrap();
    assert_eq!(
        plan(ResourceSource::from_url("https://mcp.example.com/mcp")),
        (
            vec!["https://mcp.example.com/.well-known/oauth-protected-resource/mcp".to_owned()],
            Expected::Resource("https://mcp.example.com/mcp".into())
        )
    );
    assert_eq!(
        plan(ResourceSource::Challenge {
            request_url: "https://mcp.example.com/mcp".into(),
            metadata_url: "https://meta.example.com/prm".into(),
        }),
        (
            vec!["https://meta.example.com/prm".to_owned()],
            Expected::RequestUrl("https://mcp.example.com/mcp".into())
        )
    );
    assert_eq!(
        plan(ResourceSource::from_url(
            "https://mcp.example.com/.well-known/oauth-protected-resource"
        )),
        (
            vec!["https://mcp.example.com/.well-known/oauth-protected-resource".to_owned()],
            Expected::Resource("https://mcp.example.com".into())
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Mismatches: identity is code-point equality (RFC 9728 §3.3, §6), nothing normalized
// ---------------------------------------------------------------------------------------------

/// Each case: the source (built from the server's origin), the `resource` the server states.
/// Every one is a mismatch.
#[tokio::test]
async fn every_difference_is_a_mismatch() {
    type Case = (&'static str, fn(&str) -> ResourceSource, fn(&str) -> String);
    let cases: [Case; 10] = [
        (
            "identifier, trailing slash",
            |origin| ResourceSource::identifier(format!("{origin}/mcp")),
            |origin| format!("{origin}/mcp/"),
        ),
        (
            "identifier, root with a slash",
            |origin| ResourceSource::identifier(origin),
            |origin| format!("{origin}/"),
        ),
        (
            "identifier, case of the path",
            |origin| ResourceSource::identifier(format!("{origin}/mcp")),
            |origin| format!("{origin}/MCP"),
        ),
        (
            "identifier, case of the scheme",
            |origin| ResourceSource::identifier(format!("{origin}/mcp")),
            |origin| format!("{}/mcp", origin.replace("http:", "HTTP:")),
        ),
        (
            "identifier, another host name for the same address",
            |origin| ResourceSource::identifier(format!("{origin}/mcp")),
            |origin| format!("{}/mcp", origin.replace("127.0.0.1", "localhost")),
        ),
        (
            "challenge, default port",
            |origin| ResourceSource::Challenge {
                request_url: "https://mcp.example.com/mcp".into(),
                metadata_url: format!("{origin}{PRM}/mcp"),
            },
            |_| "https://mcp.example.com:443/mcp".into(),
        ),
        (
            "challenge, case of the host",
            |origin| ResourceSource::Challenge {
                request_url: "https://mcp.example.com/mcp".into(),
                metadata_url: format!("{origin}{PRM}/mcp"),
            },
            |_| "https://MCP.example.com/mcp".into(),
        ),
        (
            "challenge, the origin only",
            |origin| ResourceSource::Challenge {
                request_url: "https://mcp.example.com/mcp".into(),
                metadata_url: format!("{origin}{PRM}/mcp"),
            },
            |_| "https://mcp.example.com".into(),
        ),
        (
            "challenge, the identifier the metadata URL implies, not the request URL",
            |origin| ResourceSource::Challenge {
                request_url: "https://mcp.example.com/mcp".into(),
                metadata_url: format!("{origin}{PRM}/mcp"),
            },
            |origin| format!("{origin}/mcp"),
        ),
        (
            "metadata URL, a second slash",
            |origin| ResourceSource::metadata_url(format!("{origin}{PRM}/mcp")),
            |origin| format!("{origin}/mcp//"),
        ),
    ];
    for (name, source, resource) in cases {
        let server = Server::start(move |request: &Request| {
            Response::json(document(&resource(&request.origin)))
        })
        .await;
        let source = source(&server.origin());
        let report = invalid_report(client().discover::<Resource>(&source).await);
        assert_eq!(
            errors(&report),
            [(MISMATCH, "/resource")],
            "{name}: {report:?}"
        );

        // `check` reports the same instead of refusing.
        let checkup = client()
            .check(&source, Profile::Resource, None)
            .await
            .unwrap();
        assert_eq!(checkup.judged.checked.report, report, "{name}");
    }
}

/// An identifier given to `check` replaces the source's expectation, compared exactly.
#[tokio::test]
async fn an_expected_identifier_given_to_check_replaces_the_sources() {
    let server = serving("/.well-known/oauth-protected-resource/mcp", |_| {
        "https://mcp.example.com/mcp".into()
    })
    .await;
    let source = ResourceSource::identifier(server.url("/mcp"));
    for (expected, valid) in [
        (None, false),
        (Some("https://mcp.example.com/mcp"), true),
        (Some("https://mcp.example.com/mcp/"), false),
    ] {
        let checkup = client()
            .check(&source, Profile::Resource, expected)
            .await
            .unwrap();
        let report = &checkup.judged.checked.report;
        assert_eq!(report.is_valid(), valid, "{expected:?}: {report:?}");
        assert_eq!(report.has(MISMATCH), !valid, "{expected:?}: {report:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// The retrieval checks
// ---------------------------------------------------------------------------------------------

/// A failed retrieval is the typed error of the one retrieval, mapped to its rule; a redirect
/// is never followed, wherever the metadata URL came from.
#[tokio::test]
async fn a_failed_retrieval_breaks_its_retrieval_rule() {
    let cases: [(Response, &str); 5] = [
        (Response::redirect(302, "/elsewhere"), "retrieval-redirect"),
        (
            Response::redirect(
                301,
                "https://other.invalid/.well-known/oauth-protected-resource",
            ),
            "retrieval-redirect",
        ),
        (
            Response::status(200)
                .header("Content-Type", "text/html")
                .body(document("https://mcp.example.com")),
            "retrieval-content-type",
        ),
        (
            Response::status(200).body(document("https://mcp.example.com")),
            "retrieval-content-type",
        ),
        (Response::status(404), "retrieval-status"),
    ];
    for (response, rule) in cases {
        let server = Server::start(move |request: &Request| {
            if request.path == "/elsewhere" {
                Response::json(document(&request.origin))
            } else {
                response.clone()
            }
        })
        .await;
        let sources = [
            ResourceSource::identifier(server.origin()),
            ResourceSource::Challenge {
                request_url: server.origin(),
                metadata_url: server.url("/prm"),
            },
            ResourceSource::metadata_url(server.url(PRM)),
        ];
        for source in &sources {
            let error = match client().discover::<Resource>(source).await {
                Err(DiscoveryError::Fetch(error)) => error,
                other => panic!("{rule} {source:?}: {other:?}"),
            };
            assert_eq!(error.rule().map(|rule| rule.id), Some(rule), "{error}");
            let report = error.to_report(Profile::Resource).unwrap();
            assert_eq!(report.profile, Profile::Resource);
            assert!(report.has(rule), "{report:?}");
        }
        assert_eq!(server.paths().len(), 3, "{rule}: a redirect was followed");
    }
}

/// http off loopback is refused before any connection; an identifier that cannot build a URL
/// is not a document problem (no rule: the tool could not do its job).
#[tokio::test]
async fn unusable_sources_are_refused_before_any_request() {
    let error = client()
        .retrieve(
            &ResourceSource::identifier("http://rs.invalid/mcp"),
            Profile::Resource,
        )
        .await
        .unwrap_err();
    assert!(matches!(error, FetchError::Insecure { .. }), "{error:?}");
    assert_eq!(error.rule().map(|rule| rule.id), Some("retrieval-insecure"));
    for source in [
        ResourceSource::identifier("https://rs.invalid/mcp#fragment"),
        ResourceSource::identifier("rs.invalid/mcp"),
        ResourceSource::metadata_url("https://rs.invalid/mcp"),
    ] {
        let error = client()
            .retrieve(&source, Profile::Resource)
            .await
            .unwrap_err();
        assert!(
            matches!(error, FetchError::InvalidUrl(_)),
            "{source:?}: {error:?}"
        );
        assert!(error.rule().is_none(), "{source:?}: {error}");
    }
}

// ---------------------------------------------------------------------------------------------
// The cache
// ---------------------------------------------------------------------------------------------

/// The cache keeps protected-resource metadata like a provider's: fresh for its `max-age`, a
/// forced refresh fetches again, and a failure is not cached.
#[tokio::test]
async fn the_cache_keeps_protected_resource_metadata() {
    let failures = Arc::new(std::sync::atomic::AtomicUsize::new(1));
    let failing = Arc::clone(&failures);
    let server = Server::start(move |request: &Request| {
        use std::sync::atomic::Ordering;
        if failing
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok()
        {
            return Response::status(500);
        }
        Response::json(document(&format!("{}/mcp", request.origin)))
            .header("Cache-Control", "max-age=600")
    })
    .await;
    let cache = Cache::<Resource>::new(client(), ResourceSource::identifier(server.url("/mcp")));
    match cache.get().await {
        Err(DiscoveryError::Fetch(FetchError::Status { status: 500, .. })) => {}
        other => panic!("{other:?}"),
    }
    assert!(cache.current().is_none(), "a failure was cached");
    let first = cache.get().await.unwrap();
    assert_eq!(first.resource().as_str(), server.url("/mcp"));
    assert_eq!(server.requests(), 2);
    for _ in 0..3 {
        assert!(Arc::ptr_eq(&cache.get().await.unwrap(), &first));
    }
    assert_eq!(server.requests(), 2, "a fresh document was fetched again");
    let forced = tokio::time::timeout(Duration::from_secs(5), cache.refresh_now())
        .await
        .unwrap()
        .unwrap();
    assert!(!Arc::ptr_eq(&forced, &first));
    assert_eq!(server.requests(), 3);
}
