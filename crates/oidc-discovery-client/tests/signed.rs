//! `Config::require_signed_metadata`: the client verifies `signed_metadata` with the keys it
//! trusts and returns the merged document, or a typed error. Servers listen on loopback only.

// Only part of the scripted server is needed here.
#[allow(dead_code)]
#[path = "common/server.rs"]
mod server;

use oidc_discovery_client::{Client, Config, DiscoveryError, Source};
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_signed::{
    Algorithm, IssuerPolicy, SignOptions, SignedMetadataError, SigningKey, TrustedKeys, Verifier,
    embed,
};
use oidc_discovery_validate::{Oidc, Profile};
use server::{Request, Response, Server};

/// A document for `origin`, signed by `key` (unless `None`), whose plain `token_endpoint` was
/// then changed: the signed value must win.
fn document(origin: &str, key: Option<&SigningKey>) -> String {
    let plain = ProviderMetadata::from_json_str(
        &serde_json::json!({
            "issuer": origin,
            "authorization_endpoint": format!("{origin}/authorize"),
            "token_endpoint": format!("{origin}/token"),
            "jwks_uri": format!("{origin}/jwks.json"),
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["ES256"],
        })
        .to_string(),
    )
    .unwrap();
    let Some(key) = key else {
        return plain.to_json_string().unwrap();
    };
    let mut published = embed(&plain, key, &SignOptions::new(origin)).unwrap();
    published.token_endpoint = Some(format!("{origin}/stale-token").into());
    published.to_json_string().unwrap()
}

async fn provider(key: Option<SigningKey>) -> Server {
    Server::start(move |request: &Request| Response::json(document(&request.origin, key.as_ref())))
        .await
}

fn requiring(trusted: &SigningKey) -> Client {
    let keys = TrustedKeys::from_jwk(&trusted.public_jwk().unwrap()).unwrap();
    Client::with_config(
        Config::default()
            .require_signed_metadata(Verifier::new(keys, IssuerPolicy::document_issuer())),
    )
    .unwrap()
}

#[tokio::test]
async fn verified_signed_metadata_takes_precedence() {
    let key = SigningKey::generate(Algorithm::ES256).unwrap();
    let server = provider(Some(key.clone())).await;
    let source = Source::issuer(server.origin());
    let verified = requiring(&key).discover::<Oidc>(&source).await.unwrap();
    assert_eq!(
        verified.token_endpoint.as_ref().unwrap().as_str(),
        format!("{}/token", server.origin())
    );
    assert!(verified.report().has("signed-metadata-verified"));
    assert!(verified.report().has("signed-metadata-differs"));
    // A client that does not require it sees the plain value.
    let plain = Client::new()
        .unwrap()
        .discover::<Oidc>(&source)
        .await
        .unwrap();
    assert_eq!(
        plain.token_endpoint.as_ref().unwrap().as_str(),
        format!("{}/stale-token", server.origin())
    );
}

#[tokio::test]
async fn a_document_that_does_not_verify_is_refused() {
    let key = SigningKey::generate(Algorithm::ES256).unwrap();
    let stranger = SigningKey::generate(Algorithm::ES256).unwrap();
    let signed = provider(Some(key.clone())).await;
    let unsigned = provider(None).await;
    for (server, trusted, expected) in [
        (&signed, &stranger, "signed-metadata-signature"),
        (&unsigned, &key, "signed-metadata-missing"),
    ] {
        match requiring(trusted)
            .discover::<Oidc>(&Source::issuer(server.origin()))
            .await
        {
            Err(DiscoveryError::SignedMetadata { url, error }) => {
                assert_eq!(error.rule().id, expected, "{error}");
                assert!(url.starts_with(&server.origin()), "{url}");
                if expected == "signed-metadata-missing" {
                    assert_eq!(error, SignedMetadataError::Missing);
                }
            }
            other => panic!("expected a signed-metadata error, got {other:?}"),
        }
    }
}

/// `Client::check` reports instead of refusing: a document that does not verify comes back
/// with its report (the failure as an error) and the typed reason; `Config::judge` gives the
/// same judgement of the same text without a network.
#[tokio::test]
async fn check_reports_what_discover_refuses() {
    let key = SigningKey::generate(Algorithm::ES256).unwrap();
    let stranger = SigningKey::generate(Algorithm::ES256).unwrap();
    let server = provider(Some(key.clone())).await;
    let source = Source::issuer(server.origin());
    for (trusted, valid, rule) in [
        (&key, true, "signed-metadata-verified"),
        (&stranger, false, "signed-metadata-signature"),
    ] {
        let client = requiring(trusted);
        let checkup = client.check(&source, Profile::Oidc, None).await.unwrap();
        let report = &checkup.judged.checked.report;
        assert_eq!(report.is_valid(), valid, "{report:?}");
        assert!(report.has(rule), "{report:?}");
        assert_eq!(checkup.judged.signed_metadata_error.is_none(), valid);
        let options = client.options_for(&checkup.retrieved);
        let again = client
            .config()
            .judge(&checkup.retrieved.body, Profile::Oidc, &options);
        assert_eq!(again.checked.report, *report);
    }
}

/// A protected resource's document for `{origin}/mcp`, signed by `key` (RFC 9728 §2.2), whose
/// plain `authorization_servers` was then changed: the signed value must win.
fn resource_document(origin: &str, key: Option<&SigningKey>) -> String {
    let resource = format!("{origin}/mcp");
    let plain = oidc_discovery_metadata::ProtectedResourceMetadata::from_json_str(
        &serde_json::json!({
            "resource": resource,
            "authorization_servers": [origin],
        })
        .to_string(),
    )
    .unwrap();
    let Some(key) = key else {
        return plain.to_json_string().unwrap();
    };
    let mut published = embed(&plain, key, &SignOptions::new(&resource)).unwrap();
    published.authorization_servers = Some(vec!["https://evil.example".into()]);
    published.to_json_string().unwrap()
}

#[tokio::test]
async fn a_protected_resource_signed_metadata_is_verified_when_required() {
    use oidc_discovery_client::ResourceSource;
    use oidc_discovery_validate::{Options, Resource};

    let key = SigningKey::generate(Algorithm::ES256).unwrap();
    let stranger = SigningKey::generate(Algorithm::ES256).unwrap();
    let server = Server::start({
        let key = key.clone();
        move |request: &Request| Response::json(resource_document(&request.origin, Some(&key)))
    })
    .await;
    let source = ResourceSource::identifier(format!("{}/mcp", server.origin()));

    let verified = requiring(&key).discover::<Resource>(&source).await.unwrap();
    let servers = verified.authorization_servers.as_deref().unwrap();
    assert_eq!(servers[0].as_str(), server.origin());
    assert!(verified.report().has("signed-metadata-differs"));

    match requiring(&stranger).discover::<Resource>(&source).await {
        Err(DiscoveryError::SignedMetadata { error, .. }) => {
            assert_eq!(error.rule().id, "signed-metadata-signature", "{error}");
        }
        other => panic!("expected a signed-metadata error, got {other:?}"),
    }

    // Judging the text directly, under the resource profile, verifies it too: an unsigned
    // document is refused, whichever entry point judges it.
    let unsigned = resource_document("https://mcp.example.com", None);
    let config = Config::default().require_signed_metadata(Verifier::new(
        TrustedKeys::from_jwk(&key.public_jwk().unwrap()).unwrap(),
        IssuerPolicy::document_issuer(),
    ));
    let options = Options::expecting_resource("https://mcp.example.com/mcp");
    let judged = config.judge_resource(unsigned.as_bytes(), &options);
    assert_eq!(
        judged.signed_metadata_error,
        Some(SignedMetadataError::Missing)
    );
    let judged = config.judge(unsigned.as_bytes(), Profile::Resource, &options);
    assert!(judged.checked.report.has("signed-metadata-missing"));
}
