//! Serves a discovery document for the issuer `http://127.0.0.1:3000`:
//! `cargo run -p oidc-discovery-axum --example serve-axum`.

use oidc_discovery_http::{ConnectionPolicy, Endpoint};
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Oidc, Options, validate};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let metadata = ProviderMetadata::from_json_str(
        r#"{
            "issuer": "http://127.0.0.1:3000",
            "authorization_endpoint": "http://127.0.0.1:3000/authorize",
            "token_endpoint": "http://127.0.0.1:3000/token",
            "jwks_uri": "http://127.0.0.1:3000/jwks.json",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"]
        }"#,
    )?;
    // Serve the (here empty) JWK Set at the path of `jwks_uri` too.
    let endpoint = Endpoint::builder(&validate::<Oidc>(metadata, &Options::default())?)
        .jwks(serde_json::json!({ "keys": [] }))
        .build()?;
    for route in endpoint.routes() {
        println!("serving http://127.0.0.1:3000{}", route.path);
    }
    let app: axum::Router = oidc_discovery_axum::router(endpoint);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    // Head and idle deadlines, a connection cap, a buffer bound; Ctrl-C stops it in time.
    let policy = ConnectionPolicy::default();
    oidc_discovery_axum::serve(listener, app, &policy, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}
