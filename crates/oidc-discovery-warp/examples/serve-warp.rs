//! Serves a discovery document with warp on `http://127.0.0.1:3002`.
//!
//! ```text
//! cargo run -p oidc-discovery-warp --example serve-warp
//! curl -si http://127.0.0.1:3002/.well-known/openid-configuration
//! ```

use oidc_discovery_http::{ConnectionPolicy, Endpoint};
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{OAuth, Options, validate};

const ISSUER: &str = "http://127.0.0.1:3002";

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let metadata = ProviderMetadata::from_json_str(&format!(
        r#"{{
            "issuer": "{ISSUER}",
            "authorization_endpoint": "{ISSUER}/authorize",
            "token_endpoint": "{ISSUER}/token",
            "response_types_supported": ["code"]
        }}"#
    ))?;
    let endpoint = Endpoint::new(&validate::<OAuth>(metadata, &Options::default())?)?;
    for route in endpoint.routes() {
        println!("serving {ISSUER}{}", route.path);
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3002").await?;
    // Head and idle deadlines, a connection cap, a buffer bound; Ctrl-C stops it in time.
    let policy = ConnectionPolicy::default();
    oidc_discovery_warp::serve(
        listener,
        oidc_discovery_warp::filter(endpoint),
        &policy,
        async {
            let _ = tokio::signal::ctrl_c().await;
        },
    )
    .await?;
    Ok(())
}
