//! The adapter inside an application with other routes, in-process.

use actix_web::http::{Method, StatusCode, header};
use actix_web::{App, HttpResponse, test, web};
use oidc_discovery_actix_web::DiscoveryService;
use oidc_discovery_http::conformance;

#[test]
fn coexists_with_the_application_routes() {
    let endpoint = conformance::fixtures().remove(0);
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(
            App::new()
                .route("/", web::get().to(|| async { "home" }))
                .service(DiscoveryService::new(endpoint))
                .route("/.well-known/other", web::get().to(|| async { "other" }))
                .service(web::scope("/api").route("/ping", web::get().to(|| async { "pong" })))
                // An application resource that only allows GET, after the service: the
                // service's paths never reach it.
                .route(
                    "/.well-known/openid-configuration",
                    web::get().to(|| async { "shadowed" }),
                )
                .default_service(web::to(|| async { HttpResponse::ImATeapot().finish() })),
        )
        .await;

        for (path, body) in [
            ("/", "home"),
            ("/.well-known/other", "other"),
            ("/api/ping", "pong"),
        ] {
            let request = test::TestRequest::get().uri(path).to_request();
            assert_eq!(
                test::call_and_read_body(&app, request).await,
                body,
                "{path}"
            );
        }

        // Not served by the adapter: the application's default service.
        for path in ["/nowhere", "/.well-known/openid-configuration/extra"] {
            let request = test::TestRequest::get().uri(path).to_request();
            let response = test::call_service(&app, request).await;
            assert_eq!(response.status(), StatusCode::IM_A_TEAPOT, "{path}");
        }
        // The adapter compares the raw path, as the core does: an encoded variant is not one of
        // its paths, and reaches the application's route for the decoded path.
        let request = test::TestRequest::get()
            .uri("/.well-known/openid%2Dconfiguration")
            .to_request();
        assert_eq!(test::call_and_read_body(&app, request).await, "shadowed");

        let request = test::TestRequest::get()
            .uri("/.well-known/openid-configuration?x=1")
            .to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers().get(header::CONTENT_TYPE).unwrap(),
            "application/json"
        );

        // Every method reaches the core, also those the application routes elsewhere.
        let request = test::TestRequest::default()
            .method(Method::DELETE)
            .uri("/.well-known/openid-configuration")
            .to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(
            response.headers().get(header::ALLOW).unwrap(),
            "GET, HEAD, OPTIONS"
        );
    });
}

/// Two issuers in one application, one of them in a scope: its paths are absolute, and only
/// those under the scope's prefix reach it.
#[test]
fn several_endpoints_and_scopes() {
    let mut fixtures = conformance::fixtures();
    let with_path = fixtures.remove(1);
    let plain = fixtures.remove(0);
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(
            App::new()
                .service(web::scope("/tenants").service(DiscoveryService::new(with_path)))
                .service(DiscoveryService::from(plain)),
        )
        .await;
        for (path, issuer) in [
            (
                "/tenants/a/.well-known/openid-configuration",
                "https://as.example.com/tenants/a",
            ),
            ("/tenants/a/keys", ""),
            (
                "/.well-known/openid-configuration",
                "https://id.example.com",
            ),
        ] {
            let request = test::TestRequest::get().uri(path).to_request();
            let response = test::call_service(&app, request).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            let body = test::read_body(response).await;
            let expected = format!(r#""issuer":"{issuer}""#);
            assert!(
                issuer.is_empty() || std::str::from_utf8(&body).unwrap().contains(&expected),
                "{path}: {body:?}"
            );
        }
        let request = test::TestRequest::get()
            .uri("/.well-known/oauth-authorization-server/tenants/a")
            .to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    });
}
