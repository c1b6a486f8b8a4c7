//! The servers of the loopback load test (`cargo xtask load`): one framework, serving the
//! embedded example document either through its adapter or through a handler of the same
//! framework that returns the same bytes, on one worker thread.
//!
//! ```text
//! load-server axum|actix-web|warp adapter|static-200|static-304 ADDRESS
//! ```
//!
//! It prints `listening on ADDRESS etag ETAG` once it accepts connections, then serves until killed.
//! The static handlers are each framework's ordinary `GET` route for
//! `/.well-known/openid-configuration`: `static-200` answers with the prepared bytes and
//! `Content-Type: application/json`, `static-304` with a bare `304` and the `ETag`,
//! unconditionally (the cheapest possible answer to a revalidation).

use std::net::TcpListener;
use std::process::ExitCode;
use std::sync::Arc;

use oidc_discovery_http::Endpoint;
use oidc_discovery_metadata::ProviderMetadata;
use oidc_discovery_validate::{Oidc, Options, validate};

/// The path served by the static handlers.
const PATH: &str = "/.well-known/openid-configuration";

/// What the static handlers answer with: the adapter's bytes and `ETag`, and whether they
/// answer `304`.
#[derive(Clone)]
struct Static {
    body: bytes::Bytes,
    etag: http::HeaderValue,
    not_modified: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [framework, handler, address] = args.as_slice() else {
        eprintln!("usage: load-server axum|actix-web|warp adapter|static-200|static-304 ADDRESS");
        return ExitCode::from(2);
    };
    let listener = match TcpListener::bind(address) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("error: cannot listen on {address}: {error}");
            return ExitCode::from(2);
        }
    };
    let endpoint = endpoint(&format!(
        "http://{}",
        listener.local_addr().expect("a bound address")
    ));
    let adapter = handler == "adapter";
    let fixed = Static {
        body: endpoint.metadata().body().clone(),
        etag: endpoint.metadata().etag().clone(),
        not_modified: handler == "static-304",
    };
    if !adapter && !fixed.not_modified && handler != "static-200" {
        eprintln!("error: the handler is `adapter`, `static-200` or `static-304`, not {handler:?}");
        return ExitCode::from(2);
    }
    println!(
        "listening on {} etag {}",
        listener.local_addr().expect("a bound address"),
        fixed.etag.to_str().expect("an ASCII ETag")
    );
    let result = match framework.as_str() {
        "axum" => axum_server(listener, endpoint, fixed, adapter),
        "actix-web" => actix_server(listener, endpoint, fixed, adapter),
        "warp" => warp_server(listener, endpoint, fixed, adapter),
        _ => {
            eprintln!("error: unknown framework {framework:?}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The example provider document of `oidc-discovery serve`, for `issuer`.
fn endpoint(issuer: &str) -> Endpoint {
    let metadata = ProviderMetadata::from_json_str(&oidc_discovery_http::example::document(issuer))
        .expect("the example parses");
    let validated = validate::<Oidc>(metadata, &Options::default()).expect("the example is valid");
    Endpoint::new(&validated).expect("the example is servable")
}

/// A tokio runtime with one worker thread, for axum and warp.
fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
}

fn axum_server(
    listener: TcpListener,
    endpoint: Endpoint,
    fixed: Static,
    adapter: bool,
) -> std::io::Result<()> {
    use axum::http::StatusCode;
    use axum::http::header::{CONTENT_TYPE, ETAG};
    use axum::response::IntoResponse as _;

    let app = if adapter {
        oidc_discovery_axum::router(endpoint)
    } else {
        axum::Router::new().route(
            PATH,
            axum::routing::get(move || {
                let fixed = fixed.clone();
                async move {
                    if fixed.not_modified {
                        (StatusCode::NOT_MODIFIED, [(ETAG, fixed.etag)]).into_response()
                    } else {
                        ([(CONTENT_TYPE, "application/json")], fixed.body).into_response()
                    }
                }
            }),
        )
    };
    runtime()?.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, app).await
    })
}

fn warp_server(
    listener: TcpListener,
    endpoint: Endpoint,
    fixed: Static,
    adapter: bool,
) -> std::io::Result<()> {
    use warp::Filter as _;

    runtime()?.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        if adapter {
            warp::serve(oidc_discovery_warp::filter(endpoint))
                .incoming(listener)
                .run()
                .await;
        } else {
            let route = warp::get()
                .and(warp::path(".well-known"))
                .and(warp::path("openid-configuration"))
                .and(warp::path::end())
                .map(move || {
                    let mut response = if fixed.not_modified {
                        let mut response = http::Response::new(bytes::Bytes::new());
                        *response.status_mut() = http::StatusCode::NOT_MODIFIED;
                        response
                            .headers_mut()
                            .insert(http::header::ETAG, fixed.etag.clone());
                        response
                    } else {
                        http::Response::new(fixed.body.clone())
                    };
                    if response.status() == http::StatusCode::OK {
                        response.headers_mut().insert(
                            http::header::CONTENT_TYPE,
                            http::HeaderValue::from_static("application/json"),
                        );
                    }
                    response
                });
            warp::serve(route).incoming(listener).run().await;
        }
        Ok(())
    })
}

fn actix_server(
    listener: TcpListener,
    endpoint: Endpoint,
    fixed: Static,
    adapter: bool,
) -> std::io::Result<()> {
    use actix_web::http::header::{CONTENT_TYPE, ETAG};
    use actix_web::{App, HttpResponse, HttpServer, web};

    let endpoint = Arc::new(endpoint);
    actix_web::rt::System::new().block_on(async move {
        HttpServer::new(move || {
            let app = App::new();
            if adapter {
                app.service(oidc_discovery_actix_web::DiscoveryService::new(Arc::clone(
                    &endpoint,
                )))
            } else {
                let fixed = fixed.clone();
                app.route(
                    PATH,
                    web::get().to(move || {
                        let response = if fixed.not_modified {
                            HttpResponse::NotModified()
                                .insert_header((ETAG, fixed.etag.as_bytes()))
                                .finish()
                        } else {
                            HttpResponse::Ok()
                                .insert_header((CONTENT_TYPE, "application/json"))
                                .body(fixed.body.clone())
                        };
                        std::future::ready(response)
                    }),
                )
            }
        })
        .workers(1)
        .listen(listener)?
        .run()
        .await
    })
}
