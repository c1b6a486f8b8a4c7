//! `serve`: the provider side of the library, end to end — a document is validated, prepared
//! once by `oidc-discovery-http`, and mounted through one framework adapter.

use std::io::Write;
use std::net::TcpListener;

use oidc_discovery_http::{ConnectionPolicy, Endpoint};
use oidc_discovery_validate::{
    OAuth, Oidc, Options, Profile, ProfileKind, Report, Severity, Validated, visible,
};

use crate::Status;
use crate::args::{Bytes, Framework, Seconds, ServeArgs};
use crate::render::Paint;

pub(crate) fn run(
    args: &ServeArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    out_paint: Paint,
    err_paint: Paint,
) -> Status {
    let listener = match TcpListener::bind(args.listen) {
        Ok(listener) => listener,
        Err(error) => {
            let _ = writeln!(err, "error: cannot listen on {}: {error}", args.listen);
            return Status::Failure;
        }
    };
    let address = match listener.local_addr() {
        Ok(address) => address,
        Err(error) => {
            let _ = writeln!(err, "error: cannot read the listening address: {error}");
            return Status::Failure;
        }
    };

    let (source, text, jwks) = match &args.metadata {
        Some(path) => match crate::input::read_file(path) {
            Ok(bytes) => (path.display().to_string(), bytes, None),
            Err(error) => {
                let _ = writeln!(
                    err,
                    "error: cannot read {}: {}",
                    visible(&path.display().to_string()),
                    visible(&error)
                );
                return Status::Failure;
            }
        },
        None => {
            let issuer = format!("http://{address}");
            let document = oidc_discovery_http::example::document(&issuer);
            (
                "the embedded example provider".to_owned(),
                document.into_bytes(),
                Some(oidc_discovery_http::example::JWKS),
            )
        }
    };

    // How the source is named in this command's own lines (the report names it itself).
    let shown = visible(&source);
    let profile = Profile::for_json(&text);
    let checked = oidc_discovery_validate::validate_json(&text, profile, &Options::default());
    let report = checked.report.clone();
    let endpoint = match profile {
        Profile::Oidc => prepare::<Oidc>(checked, jwks),
        _ => prepare::<OAuth>(checked, jwks),
    };
    let endpoint = match endpoint {
        Ok(endpoint) => endpoint,
        Err(Refusal::Invalid) => {
            print_report(err, &report, &source, err_paint);
            let _ = writeln!(
                err,
                "{}",
                err_paint.error(&format!(
                    "refusing to serve {shown}: it has errors under the {profile} profile"
                ))
            );
            return Status::Invalid;
        }
        Err(Refusal::Prepare(error)) => {
            let _ = writeln!(err, "error: cannot prepare {shown}: {}", visible(&error));
            return Status::Failure;
        }
    };
    if report.count(Severity::Warning) > 0 {
        print_report(err, &report, &source, err_paint);
    }

    let _ = writeln!(
        out,
        "{} {shown} ({profile} profile) with {} on http://{address}",
        out_paint.bold("serving"),
        args.framework.name()
    );
    for route in endpoint.routes() {
        let _ = writeln!(out, "  http://{address}{}", visible(&route.path));
    }
    let policy = args.policy();
    let _ = writeln!(out, "  limits: {}", limits(&policy));
    let _ = writeln!(out, "press Ctrl-C to stop");
    let _ = out.flush();

    let result = match args.framework {
        Framework::Axum => serve_axum(listener, endpoint, &policy),
        Framework::ActixWeb => serve_actix(listener, endpoint, &policy),
        Framework::Warp => serve_warp(listener, endpoint, &policy),
    };
    match result {
        Ok(()) => {
            let _ = writeln!(err, "stopped");
            Status::Success
        }
        Err(error) => {
            let _ = writeln!(
                err,
                "error: the {} server failed: {error}",
                args.framework.name()
            );
            Status::Failure
        }
    }
}

enum Refusal {
    Invalid,
    Prepare(String),
}

fn prepare<P: ProfileKind>(
    checked: oidc_discovery_validate::Checked,
    jwks: Option<&str>,
) -> Result<Endpoint, Refusal> {
    let validated: Validated<P> = checked.into_validated().map_err(|_| Refusal::Invalid)?;
    let mut builder = Endpoint::builder(&validated);
    if let Some(jwks) = jwks {
        let jwks =
            serde_json::from_str(jwks).map_err(|error| Refusal::Prepare(error.to_string()))?;
        builder = builder.jwks(jwks);
    }
    builder
        .build()
        .map_err(|error| Refusal::Prepare(error.to_string()))
}

fn print_report(err: &mut dyn Write, report: &Report, source: &str, paint: Paint) {
    let _ = err.write_all(crate::render::text_report(report, source, None, paint).as_bytes());
}

/// The policy in effect, for the "serving" lines: the connection cap is the one in force
/// (fitted to the open-file limit).
fn limits(policy: &ConnectionPolicy) -> String {
    format!(
        "head {}, idle {}, {} connections, {} buffer, shutdown {}",
        Seconds(policy.head_timeout),
        Seconds(policy.idle_timeout),
        policy.connection_cap(),
        Bytes(policy.max_buffer),
        Seconds(policy.shutdown_timeout),
    )
}

/// Resolves on Ctrl-C (SIGINT) or, on unix, SIGTERM; a signal that cannot be watched is left
/// out (and if neither can, never).
async fn stop_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
}

fn serve_axum(
    listener: TcpListener,
    endpoint: Endpoint,
    policy: &ConnectionPolicy,
) -> std::io::Result<()> {
    runtime()?.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let app: axum::Router = oidc_discovery_axum::router(endpoint);
        oidc_discovery_axum::serve(listener, app, policy, stop_signal()).await
    })
}

fn serve_warp(
    listener: TcpListener,
    endpoint: Endpoint,
    policy: &ConnectionPolicy,
) -> std::io::Result<()> {
    runtime()?.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let filter = oidc_discovery_warp::filter(endpoint);
        oidc_discovery_warp::serve(listener, filter, policy, stop_signal()).await
    })
}

fn serve_actix(
    listener: TcpListener,
    endpoint: Endpoint,
    policy: &ConnectionPolicy,
) -> std::io::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        oidc_discovery_actix_web::server(listener, endpoint, policy, stop_signal())?.await
    })
}
