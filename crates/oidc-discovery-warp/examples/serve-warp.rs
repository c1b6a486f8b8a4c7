//! Serves a discovery document with warp on `http://127.0.0.1:3002`.
//!
//! ```text
//! cargo run -p oidc-discovery-warp --example serve-warp
//! curl -si http://127.0.0.1:3002/.well-known/openid-configuration
//! ```

use oidc_discovery_http::Endpoint;
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
    warp::serve(oidc_discovery_warp::filter(endpoint))
        .run(([127, 0, 0, 1], 3002))
        .await;
    Ok(())
}
