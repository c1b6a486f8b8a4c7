//! The filter combined with an application's own routes through `.or(...)`.

use oidc_discovery_http::Endpoint;
use oidc_discovery_http::conformance;
use warp::{Filter, Reply};

fn endpoint() -> Endpoint {
    conformance::fixtures().remove(0)
}

#[tokio::test(flavor = "current_thread")]
async fn the_filter_combines_with_other_routes() {
    let endpoint = endpoint();
    let served = endpoint.routes()[0].path.clone();
    let health = warp::path!("health").and(warp::get()).map(|| "ok");
    let greeting = warp::path!("hello" / String).map(|name| format!("hello, {name}"));

    let first = oidc_discovery_warp::filter(endpoint.clone())
        .or(health)
        .or(greeting)
        .map(Reply::into_response);
    let last = health
        .or(greeting)
        .or(oidc_discovery_warp::filter(endpoint.clone()))
        .map(Reply::into_response);

    for (order, app) in [
        ("adapter first", first.boxed()),
        ("adapter last", last.boxed()),
    ] {
        // The other routes still work.
        let response = warp::test::request().path("/health").reply(&app).await;
        assert_eq!(response.status(), 200, "{order}");
        assert_eq!(response.body(), "ok", "{order}");
        let response = warp::test::request().path("/hello/warp").reply(&app).await;
        assert_eq!(response.body(), "hello, warp", "{order}");

        // The document is served, and a query string does not change the path.
        let response = warp::test::request().path(&served).reply(&app).await;
        assert_eq!(response.status(), 200, "{order}");
        assert_eq!(response.body(), endpoint.metadata().body(), "{order}");
        let response = warp::test::request()
            .path(&format!("{served}?x=1"))
            .reply(&app)
            .await;
        assert_eq!(response.status(), 200, "{order}");

        // An unserved method on a served path: the core's 405, with `Allow`, even though
        // `health` rejects the same request with warp's own 405.
        for method in ["POST", "DELETE"] {
            let response = warp::test::request()
                .method(method)
                .path(&served)
                .reply(&app)
                .await;
            assert_eq!(response.status(), 405, "{order} {method}");
            assert_eq!(response.headers()["allow"], "GET, HEAD, OPTIONS", "{order}");
        }

        // Paths nobody serves: warp's 404.
        let response = warp::test::request()
            .path("/.well-known/other")
            .reply(&app)
            .await;
        assert_eq!(response.status(), 404, "{order}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn warp_method_filters_would_lose_allow() {
    // Why the adapter dispatches on the method itself: a `warp::get()` route answers other
    // methods with a 405 that has no `Allow` (RFC 9110 §15.5.6 requires one).
    let get_only = warp::path!("health").and(warp::get()).map(|| "ok");
    let response = warp::test::request()
        .method("POST")
        .path("/health")
        .reply(&get_only)
        .await;
    assert_eq!(response.status(), 405);
    assert!(!response.headers().contains_key("allow"));
}
