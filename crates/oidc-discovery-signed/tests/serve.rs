//! A provider signs its document, validates it and serves it with `oidc-discovery-http`: the
//! served body carries `signed_metadata` unchanged, and a consumer verifies what it receives.

use oidc_discovery_http::{Endpoint, Request, example};
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_signed::{
    Algorithm, IssuerPolicy, SignOptions, SigningKey, TrustedKeys, Verifier, embed,
};
use oidc_discovery_validate::{Oidc, Options, validate};

#[test]
fn a_served_document_carries_signed_metadata_unchanged() {
    let issuer = "https://id.example.com";
    let plain = ProviderMetadata::from_json_str(&example::document(issuer)).unwrap();
    let key = SigningKey::generate(Algorithm::ES256)
        .unwrap()
        .with_kid("metadata-1");
    let published = embed(&plain, &key, &SignOptions::new(issuer)).unwrap();
    let jwt = published.signed_metadata.clone().unwrap();

    let validated = validate::<Oidc>(published, &Options::expecting(issuer)).unwrap();
    let endpoint = Endpoint::new(&validated).unwrap();
    for route in endpoint.routes() {
        let response = endpoint.respond(&Request::get(route.path.clone())).unwrap();
        assert_eq!(response.status, 200, "{}", route.path);
        let served = ProviderMetadata::from_json_slice(&response.body).unwrap();
        assert_eq!(
            served.signed_metadata.as_ref(),
            Some(&jwt),
            "{}",
            route.path
        );
        let body: serde_json::Value = serde_json::from_slice(&response.body).unwrap();
        assert_eq!(body["signed_metadata"], jwt.as_str(), "byte for byte");

        let trusted = TrustedKeys::from_jwk(&key.public_jwk().unwrap()).unwrap();
        let verified = Verifier::new(trusted, IssuerPolicy::document_issuer())
            .verify(&served)
            .unwrap();
        assert_eq!(
            verified.metadata, served,
            "nothing differs: the merge changes nothing"
        );
        assert!(
            verified
                .signed_members()
                .any(|name| name == "token_endpoint")
        );
    }
}
