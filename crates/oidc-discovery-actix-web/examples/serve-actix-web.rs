//! Serves a discovery document on `http://127.0.0.1:3001`.
//!
//! ```sh
//! cargo run -p oidc-discovery-actix-web --example serve-actix-web
//! curl -si http://127.0.0.1:3001/.well-known/openid-configuration
//! ```

use actix_web::{App, HttpServer};
use oidc_discovery_actix_web::DiscoveryService;
use oidc_discovery_http::Endpoint;
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Oidc, Options, validate};

const ISSUER: &str = "http://127.0.0.1:3001";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let metadata = ProviderMetadata::from_json_str(&format!(
        r#"{{
            "issuer": "{ISSUER}",
            "authorization_endpoint": "{ISSUER}/authorize",
            "token_endpoint": "{ISSUER}/token",
            "jwks_uri": "{ISSUER}/jwks.json",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"]
        }}"#
    ))?;
    // Serve the (here empty) JWK Set at the path of `jwks_uri` too.
    let endpoint = Endpoint::builder(&validate::<Oidc>(metadata, &Options::expecting(ISSUER))?)
        .jwks(serde_json::json!({ "keys": [] }))
        .build()?;
    for route in endpoint.routes() {
        println!("serving {ISSUER}{}", route.path);
    }

    let service = DiscoveryService::new(endpoint);
    actix_web::rt::System::new().block_on(
        HttpServer::new(move || App::new().service(service.clone()))
            .bind(("127.0.0.1", 3001))?
            .run(),
    )?;
    Ok(())
}
