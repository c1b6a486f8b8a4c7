//! The adapter's router inside an application: merged or nested into a router with its own
//! routes and state, and issuer paths that look like axum route syntax.

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use axum::routing::get;
use oidc_discovery_http::Endpoint;
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{OAuth, Options, validate};
use tower::ServiceExt as _;

fn endpoint(issuer: &str, options: &Options) -> Endpoint {
    let json = serde_json_like(issuer);
    let metadata = ProviderMetadata::from_json_str(&json).expect("parses");
    let validated = validate::<OAuth>(metadata, options).expect("valid");
    Endpoint::new(&validated).expect("an endpoint")
}

fn serde_json_like(issuer: &str) -> String {
    format!(
        r#"{{
            "issuer": "{issuer}",
            "authorization_endpoint": "https://as.example.com/authorize",
            "token_endpoint": "https://as.example.com/token",
            "response_types_supported": ["code"]
        }}"#
    )
}

async fn send(app: &Router, method: Method, path: &str) -> (StatusCode, HeaderMap, String) {
    let response = app
        .clone()
        .oneshot(
            Request::builder()
                .method(method)
                .uri(path)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    (
        parts.status,
        parts.headers,
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

#[derive(Clone)]
struct AppState {
    greeting: &'static str,
}

fn app() -> Router {
    let state = AppState { greeting: "hello" };
    let routes: Router<AppState> = Router::new()
        .route(
            "/",
            get(|State(state): State<AppState>| async move { state.greeting }),
        )
        .route("/.well-known/other", get(|| async { "other" }))
        .merge(oidc_discovery_axum::router(endpoint(
            "https://as.example.com/tenants/a",
            &Options::default(),
        )));
    routes.with_state(state)
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(future)
}

#[test]
fn merges_into_an_app_with_state_and_other_routes() {
    block_on(async {
        let app = app();
        assert_eq!(send(&app, Method::GET, "/").await.2, "hello");
        assert_eq!(
            send(&app, Method::GET, "/.well-known/other").await.2,
            "other"
        );
        for path in [
            "/tenants/a/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server/tenants/a",
            "/.well-known/openid-configuration/tenants/a",
        ] {
            let (status, headers, body) = send(&app, Method::GET, path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert_eq!(headers[header::CONTENT_TYPE], "application/json");
            assert!(body.contains(r#""issuer":"https://as.example.com/tenants/a""#));
        }
        // Not the adapter's: the application's default fallback answers.
        for path in [
            "/.well-known/openid-configuration",
            "/tenants/a/.well-known/openid-configuration/",
            "/.well-known/oauth-authorization-server",
        ] {
            assert_eq!(
                send(&app, Method::GET, path).await.0,
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        // The core's 405, not axum's.
        let (status, headers, _) = send(
            &app,
            Method::DELETE,
            "/.well-known/oauth-authorization-server/tenants/a",
        )
        .await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(headers[header::ALLOW], "GET, HEAD, OPTIONS");
        // The app's own routes keep axum's method routing.
        assert_eq!(
            send(&app, Method::DELETE, "/").await.0,
            StatusCode::METHOD_NOT_ALLOWED
        );
    });
}

#[test]
fn the_application_fallback_answers_other_paths() {
    block_on(async {
        let app: Router = Router::new()
            .merge(oidc_discovery_axum::router(endpoint(
                "https://as.example.com",
                &Options::default(),
            )))
            .fallback(|| async { (StatusCode::IM_A_TEAPOT, "fallback") });
        assert_eq!(
            send(&app, Method::GET, "/.well-known/openid-configuration")
                .await
                .0,
            StatusCode::OK
        );
        assert_eq!(
            send(&app, Method::GET, "/.well-known/jwks.json").await.0,
            StatusCode::IM_A_TEAPOT
        );
    });
}

#[test]
#[should_panic(expected = "conflict with previously registered route")]
fn merging_over_an_existing_route_panics() {
    let _app: Router = Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(|| async { "mine" }),
        )
        .merge(oidc_discovery_axum::router(endpoint(
            "https://as.example.com",
            &Options::default(),
        )));
}

#[test]
fn nests_under_a_prefix() {
    block_on(async {
        let app: Router = Router::new().nest(
            "/auth",
            oidc_discovery_axum::router(endpoint("https://as.example.com", &Options::default())),
        );
        assert_eq!(
            send(&app, Method::GET, "/auth/.well-known/openid-configuration")
                .await
                .0,
            StatusCode::OK
        );
    });
}

#[test]
fn paths_that_look_like_route_syntax_are_literal() {
    block_on(async {
        // Validation rejects `{` and `}` in the issuer and URLs, so the adapter's escaping of
        // axum's capture syntax is only unit-tested; `:` and `*` segments are valid paths.
        // 0.7-style capture syntax, matched literally.
        let colon = endpoint("https://as.example.com/:tenant/*rest", &Options::default());
        let app: Router = Router::new()
            .without_v07_checks()
            .route("/", get(|| async { "root" }))
            .merge(oidc_discovery_axum::router(colon));
        assert_eq!(
            send(
                &app,
                Method::GET,
                "/:tenant/*rest/.well-known/openid-configuration"
            )
            .await
            .0,
            StatusCode::OK
        );
        assert_eq!(
            send(&app, Method::GET, "/x/y/.well-known/openid-configuration")
                .await
                .0,
            StatusCode::NOT_FOUND
        );
    });
}

#[test]
#[should_panic(expected = "Path segments must not start with `:`")]
fn merging_v07_looking_paths_needs_the_app_opt_out() {
    let _app: Router = Router::new().merge(oidc_discovery_axum::router(endpoint(
        "https://as.example.com/:tenant",
        &Options::default(),
    )));
}
