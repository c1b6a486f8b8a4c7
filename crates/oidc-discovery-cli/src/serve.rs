//! `serve`: the provider side of the library, end to end — a document is validated, prepared
//! once by `oidc-discovery-http`, and mounted through one framework adapter.

use std::io::Write;
use std::net::TcpListener;

use oidc_discovery_http::{ConnectionPolicy, Endpoint, EndpointBuilder};
use oidc_discovery_validate::{
    DocumentProfile, OAuth, Oidc, Options, Profile, Report, Resource, Severity, Validated, visible,
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

    // The documents, in the order they are served: the authorization server's (the file of
    // --metadata, or the embedded example when no document is given at all), then every
    // protected resource's.
    let mut sources: Vec<Source> = Vec::new();
    match &args.metadata {
        Some(path) => sources.push(Source::file(path, Profile::for_json)),
        None if args.resource_metadata.is_empty() => {
            let issuer = format!("http://{address}");
            sources.push(Source {
                name: "the embedded example provider".to_owned(),
                text: Ok(oidc_discovery_http::example::document(&issuer).into_bytes()),
                profile: Profile::Oidc,
                jwks: Some(oidc_discovery_http::example::JWKS),
            });
        }
        None => {}
    }
    for path in &args.resource_metadata {
        sources.push(Source::file(path, |_| Profile::Resource));
    }

    let mut builder: Option<EndpointBuilder> = None;
    let mut invalid = false;
    let mut served = Vec::new();
    for source in &sources {
        // How the source is named in this command's own lines (the report names it itself).
        let shown = visible(&source.name);
        let text = match &source.text {
            Ok(text) => text,
            Err(error) => {
                let _ = writeln!(err, "error: cannot read {shown}: {}", visible(error));
                return Status::Failure;
            }
        };
        let profile = source.profile;
        let options = Options::default();
        let (report, added) = match profile {
            Profile::Resource => {
                let checked = oidc_discovery_validate::validate_resource_json(text, &options);
                (
                    checked.report.clone(),
                    add::<Resource>(builder.take(), checked, None),
                )
            }
            Profile::Oidc => {
                let checked = oidc_discovery_validate::validate_json(text, profile, &options);
                let report = checked.report.clone();
                (report, add::<Oidc>(builder.take(), checked, source.jwks))
            }
            _ => {
                let checked = oidc_discovery_validate::validate_json(text, profile, &options);
                let report = checked.report.clone();
                (report, add::<OAuth>(builder.take(), checked, source.jwks))
            }
        };
        match added {
            Ok(added) => builder = Some(added),
            Err((kept, Refusal::Invalid)) => {
                builder = kept;
                invalid = true;
                print_report(err, &report, &source.name, err_paint);
                let _ = writeln!(
                    err,
                    "{}",
                    err_paint.error(&format!(
                        "refusing to serve {shown}: it has errors under the {profile} profile"
                    ))
                );
                continue;
            }
            Err((_, Refusal::Prepare(error))) => {
                let _ = writeln!(err, "error: cannot prepare {shown}: {}", visible(&error));
                return Status::Failure;
            }
        }
        if report.count(Severity::Warning) > 0 {
            print_report(err, &report, &source.name, err_paint);
        }
        served.push(format!("{shown} ({profile} profile)"));
    }
    if invalid {
        return Status::Invalid;
    }
    let endpoint = match builder.map(EndpointBuilder::build) {
        Some(Ok(endpoint)) => endpoint,
        Some(Err(error)) => {
            let _ = writeln!(err, "error: cannot serve: {}", visible(&error.to_string()));
            return Status::Failure;
        }
        None => {
            let _ = writeln!(err, "error: nothing to serve");
            return Status::Failure;
        }
    };

    let _ = writeln!(
        out,
        "{} {} with {} on http://{address}",
        out_paint.bold("serving"),
        served.join(", "),
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

/// A document to serve: where it comes from, its text, the profile it is judged by, and the
/// JWK Set served with it (the embedded example's).
struct Source {
    name: String,
    text: Result<Vec<u8>, String>,
    profile: Profile,
    jwks: Option<&'static str>,
}

impl Source {
    /// The file at `path`, judged by the profile `profile` picks from its text.
    fn file(path: &std::path::Path, profile: impl FnOnce(&[u8]) -> Profile) -> Self {
        let text = crate::input::read_file(path).map_err(|error| error.to_string());
        Self {
            name: path.display().to_string(),
            profile: text.as_deref().map_or(Profile::OAuth, profile),
            text,
            jwks: None,
        }
    }
}

enum Refusal {
    Invalid,
    Prepare(String),
}

/// Adds the checked document to the endpoint being built (or starts it); on a refusal, hands
/// the builder back.
fn add<P: DocumentProfile>(
    builder: Option<EndpointBuilder>,
    checked: oidc_discovery_validate::Checked<P::Document>,
    jwks: Option<&str>,
) -> Result<EndpointBuilder, (Option<EndpointBuilder>, Refusal)> {
    let validated: Validated<P> = match checked.into_validated() {
        Ok(validated) => validated,
        Err(_) => return Err((builder, Refusal::Invalid)),
    };
    let mut builder = match builder {
        Some(builder) => builder.document(&validated),
        None => Endpoint::builder(&validated),
    };
    if let Some(jwks) = jwks {
        let jwks = serde_json::from_str(jwks)
            .map_err(|error| (None, Refusal::Prepare(error.to_string())))?;
        builder = builder.jwks(jwks);
    }
    Ok(builder)
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
