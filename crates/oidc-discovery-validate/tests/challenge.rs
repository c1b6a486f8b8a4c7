//! The `WWW-Authenticate` challenge: the parse vectors of the specification inventory (§4.5),
//! the real challenges recorded with the corpus (§4.6), malformed input (one error per
//! challenge, the rest still read), limits, the Bearer helpers and the builder.

use oidc_discovery_validate::challenge::{
    self, BearerChallenge, BearerError, Body, Challenges, Limits, Mode, ParseOptions,
};

/// Every entry of a parse, one string each: `Scheme{name=value, …}` for parameters,
/// `Scheme[token68]`, `error CH-n` for an invalid challenge.
fn entries(parsed: &Challenges) -> Vec<String> {
    parsed
        .entries()
        .iter()
        .map(|entry| match entry {
            Ok(challenge) => match challenge.body() {
                Body::Token68(token) => format!("{}[{token}]", challenge.scheme()),
                Body::Params(params) => format!(
                    "{}{{{}}}",
                    challenge.scheme(),
                    params
                        .iter()
                        .map(|param| format!("{}={}", param.name(), param.value()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
            Err(error) => format!("error {}", error.rule()),
        })
        .collect()
}

/// What `resource_metadata()` (Bearer preferred) makes of a parse: the URL, `none`, or
/// `error CH-n`.
fn metadata(parsed: &Challenges) -> String {
    match parsed.resource_metadata() {
        Ok(Some(found)) => found.url().to_string(),
        Ok(None) => "none".to_owned(),
        Err(error) => format!("error {}", error.rule()),
    }
}

/// The rule ids of the parse's warnings and of the Bearer challenge's (scope, bare `Bearer`).
fn warnings(parsed: &Challenges) -> Vec<&'static str> {
    let mut rules: Vec<&'static str> = parsed.warnings().iter().map(|w| w.rule()).collect();
    if let Some(bearer) = parsed.bearer_params() {
        rules.extend(bearer.warnings().iter().map(|w| w.rule()));
    }
    rules
}

const PRM: &str = "https://a.example/.well-known/oauth-protected-resource";

struct Vector {
    name: &'static str,
    lines: &'static [&'static str],
    mode: Mode,
    entries: &'static [&'static str],
    metadata: &'static str,
    warnings: &'static [&'static str],
}

const VECTORS: &[Vector] = &[
    Vector {
        name: "1 one Bearer challenge",
        lines: &[
            r#"Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="files:read""#,
        ],
        mode: Mode::Strict,
        entries: &[
            "Bearer{resource_metadata=https://mcp.example.com/.well-known/oauth-protected-resource/mcp, scope=files:read}",
        ],
        metadata: "https://mcp.example.com/.well-known/oauth-protected-resource/mcp",
        warnings: &[],
    },
    Vector {
        name: "2 two field lines",
        lines: &[
            r#"Basic realm="legacy""#,
            r#"Bearer resource_metadata="https://a.example/.well-known/oauth-protected-resource""#,
        ],
        mode: Mode::Strict,
        entries: &[
            "Basic{realm=legacy}",
            "Bearer{resource_metadata=https://a.example/.well-known/oauth-protected-resource}",
        ],
        metadata: PRM,
        warnings: &[],
    },
    Vector {
        name: "3 two challenges in one line",
        lines: &[
            r#"Basic realm="simple", Bearer realm="x", resource_metadata="https://a.example/.well-known/oauth-protected-resource""#,
        ],
        mode: Mode::Strict,
        entries: &[
            "Basic{realm=simple}",
            "Bearer{realm=x, resource_metadata=https://a.example/.well-known/oauth-protected-resource}",
        ],
        metadata: PRM,
        warnings: &[],
    },
    Vector {
        name: "4 resource_metadata on DPoP",
        lines: &[
            r#"DPoP algs="ES256 PS256", resource_metadata="https://a.example/.well-known/oauth-protected-resource""#,
        ],
        mode: Mode::Strict,
        entries: &[
            "DPoP{algs=ES256 PS256, resource_metadata=https://a.example/.well-known/oauth-protected-resource}",
        ],
        metadata: PRM,
        warnings: &[],
    },
    Vector {
        name: "5 quoted-pair escapes",
        lines: &[
            r#"Bearer error="invalid_token", error_description="quote \" and backslash \\ here""#,
        ],
        mode: Mode::Strict,
        entries: &[
            r#"Bearer{error=invalid_token, error_description=quote " and backslash \ here}"#,
        ],
        metadata: "none",
        // RFC 6750 §3 allows neither '"' nor '\' in error_description.
        warnings: &["CH-B-6"],
    },
    Vector {
        name: "6 case-insensitive names, BWS around =",
        lines: &[
            r#"bearer RESOURCE_METADATA = "https://a.example/.well-known/oauth-protected-resource""#,
        ],
        mode: Mode::Strict,
        entries: &[
            "bearer{RESOURCE_METADATA=https://a.example/.well-known/oauth-protected-resource}",
        ],
        metadata: PRM,
        warnings: &[],
    },
    Vector {
        name: "7 unquoted URL, strict",
        lines: &[
            "Bearer resource_metadata=https://mcp.stripe.com/.well-known/oauth-protected-resource",
        ],
        mode: Mode::Strict,
        entries: &["error CH-RM-3"],
        metadata: "none",
        warnings: &[],
    },
    Vector {
        name: "7 unquoted URL, lenient",
        lines: &[
            "Bearer resource_metadata=https://mcp.stripe.com/.well-known/oauth-protected-resource",
        ],
        mode: Mode::Lenient,
        entries: &[
            "Bearer{resource_metadata=https://mcp.stripe.com/.well-known/oauth-protected-resource}",
        ],
        metadata: "https://mcp.stripe.com/.well-known/oauth-protected-resource",
        warnings: &["CH-RM-3"],
    },
    Vector {
        name: "8 duplicate parameter",
        lines: &[r#"Bearer realm="a", realm="b""#],
        mode: Mode::Strict,
        entries: &["error CH-6"],
        metadata: "none",
        warnings: &[],
    },
    Vector {
        name: "9 token68 with padding, then Bearer",
        lines: &[r#"Negotiate YII=, Bearer resource_metadata="https://a.example/x""#],
        mode: Mode::Strict,
        entries: &[
            "Negotiate[YII=]",
            "Bearer{resource_metadata=https://a.example/x}",
        ],
        metadata: "https://a.example/x",
        warnings: &[],
    },
    Vector {
        name: "10 bare Bearer",
        lines: &["Bearer"],
        mode: Mode::Strict,
        entries: &["Bearer{}"],
        metadata: "none",
        warnings: &["CH-B-2"],
    },
    Vector {
        name: "11 empty list element",
        lines: &[r#"Bearer realm="x", , scope="a b""#],
        mode: Mode::Strict,
        entries: &["Bearer{realm=x, scope=a b}"],
        metadata: "none",
        warnings: &[],
    },
    Vector {
        name: "12 look-alike name",
        lines: &[r#"Bearer xresource_metadata="https://evil.example/""#],
        mode: Mode::Strict,
        entries: &["Bearer{xresource_metadata=https://evil.example/}"],
        metadata: "none",
        warnings: &[],
    },
    Vector {
        name: "13 name inside a quoted value",
        lines: &[
            r#"Bearer error_description="see resource_metadata=\"https://evil.example\"", resource_metadata="https://good.example/.well-known/oauth-protected-resource""#,
        ],
        mode: Mode::Strict,
        entries: &[
            r#"Bearer{error_description=see resource_metadata="https://evil.example", resource_metadata=https://good.example/.well-known/oauth-protected-resource}"#,
        ],
        metadata: "https://good.example/.well-known/oauth-protected-resource",
        warnings: &["CH-B-6"],
    },
    Vector {
        name: "14 relative URL",
        lines: &[r#"Bearer resource_metadata="/.well-known/oauth-protected-resource""#],
        mode: Mode::Strict,
        entries: &["Bearer{resource_metadata=/.well-known/oauth-protected-resource}"],
        metadata: "error CH-RM-4",
        warnings: &[],
    },
    Vector {
        name: "15 http URL",
        lines: &[
            r#"Bearer resource_metadata="http://a.example/.well-known/oauth-protected-resource""#,
        ],
        mode: Mode::Strict,
        entries: &[
            "Bearer{resource_metadata=http://a.example/.well-known/oauth-protected-resource}",
        ],
        metadata: "error CH-RM-4",
        warnings: &[],
    },
    Vector {
        name: "16 double space in scope",
        lines: &[r#"Bearer scope="files:read  files:write""#],
        mode: Mode::Strict,
        entries: &["Bearer{scope=files:read  files:write}"],
        metadata: "none",
        warnings: &["CH-B-5"],
    },
    Vector {
        name: "17 Cloudflare-hosted shape",
        lines: &[
            r#"Bearer realm="OAuth", resource_metadata="https://mcp.notion.com/.well-known/oauth-protected-resource/mcp", error="invalid_token""#,
        ],
        mode: Mode::Strict,
        entries: &[
            "Bearer{realm=OAuth, resource_metadata=https://mcp.notion.com/.well-known/oauth-protected-resource/mcp, error=invalid_token}",
        ],
        metadata: "https://mcp.notion.com/.well-known/oauth-protected-resource/mcp",
        warnings: &[],
    },
];

fn options(mode: Mode) -> ParseOptions {
    ParseOptions {
        mode,
        ..ParseOptions::default()
    }
}

#[test]
fn inventory_vectors() {
    for vector in VECTORS {
        let parsed = challenge::parse_with(vector.lines.iter(), &options(vector.mode));
        assert_eq!(entries(&parsed), vector.entries, "{}", vector.name);
        assert_eq!(metadata(&parsed), vector.metadata, "{}", vector.name);
        assert_eq!(warnings(&parsed), vector.warnings, "{}", vector.name);
    }
}

#[test]
fn vector_scopes_split_on_one_or_more_spaces() {
    let parsed = challenge::parse([r#"Bearer scope="files:read  files:write""#]);
    let bearer = parsed.bearer_params().expect("a Bearer challenge");
    assert_eq!(bearer.scopes(), ["files:read", "files:write"]);
    let parsed = challenge::parse([r#"Bearer realm="x", , scope="a b""#]);
    assert_eq!(parsed.bearer_params().unwrap().scopes(), ["a", "b"]);
}

/// Malformed input: one case per mutation, each with the entries that remain.
#[test]
fn malformed_challenges_fail_alone() {
    let cases: &[(&str, &[&str], Mode, &[&str])] = &[
        (
            "unterminated quoted-string",
            &[r#"Bearer realm="x"#],
            Mode::Strict,
            &["error CH-5"],
        ),
        (
            "broken first line, valid second",
            &["Foo <>", r#"Bearer realm="x""#],
            Mode::Strict,
            &["error CH-2", "Bearer{realm=x}"],
        ),
        (
            "broken challenge between valid ones",
            &[r#"Basic realm="a", Foo b=<c>, d="e", Bearer realm="x""#],
            Mode::Strict,
            &["Basic{realm=a}", "error CH-4", "Bearer{realm=x}"],
        ),
        (
            "duplicate, case-insensitive",
            &[r#"Bearer scope="a", SCOPE="b", Basic realm="y""#],
            Mode::Strict,
            &["error CH-6", "Basic{realm=y}"],
        ),
        (
            "token68 and a parameter",
            &[r#"Negotiate abc, realm="x""#],
            Mode::Strict,
            &["error CH-7"],
        ),
        (
            "a parameter before any scheme",
            &[r#"realm="x", Bearer scope="a""#],
            Mode::Strict,
            &["error CH-2", "Bearer{scope=a}"],
        ),
        (
            "HTAB after the scheme, strict",
            &["Bearer\trealm=\"x\""],
            Mode::Strict,
            &["error CH-9"],
        ),
        (
            "HTAB after the scheme, lenient",
            &["Bearer\trealm=\"x\""],
            Mode::Lenient,
            &["Bearer{realm=x}"],
        ),
        (
            "control character outside a quoted-string",
            &["Bearer realm=\"x\",\u{1}, Basic"],
            Mode::Strict,
            &["error CH-14", "Basic{}"],
        ),
        (
            "control character inside a quoted-string",
            &["Bearer realm=\"a\u{7}b\", Basic"],
            Mode::Strict,
            &["error CH-5", "Basic{}"],
        ),
        (
            "missing comma between parameters",
            &[r#"Bearer realm="x" scope="y""#],
            Mode::Strict,
            &["error CH-2"],
        ),
        (
            "empty parameter value",
            &["Bearer realm=\"x\", scope=, Basic"],
            Mode::Strict,
            &["error CH-4", "Basic{}"],
        ),
        (
            "a token68 that looks like a parameter without a value",
            &["Bearer realm=, Basic"],
            Mode::Strict,
            &["Bearer[realm=]", "Basic{}"],
        ),
        (
            "empty field line",
            &["", "Bearer", " , "],
            Mode::Strict,
            &["Bearer{}"],
        ),
        (
            "obs-text inside a quoted-string",
            &["Bearer realm=\"caf\u{e9}\""],
            Mode::Strict,
            &["Bearer{realm=caf\u{e9}}"],
        ),
        (
            "unquoted URL of another parameter, lenient",
            &["Bearer error_uri=https://a.example/e, Basic"],
            Mode::Lenient,
            &["Bearer{error_uri=https://a.example/e}", "Basic{}"],
        ),
    ];
    for (name, lines, mode, expected) in cases {
        let parsed = challenge::parse_with(lines.iter(), &options(*mode));
        assert_eq!(entries(&parsed), *expected, "{name}");
    }
}

#[test]
fn lenient_mode_warns_for_what_it_accepts() {
    let parsed = challenge::parse_with(["Bearer\trealm=\"x\""], &options(Mode::Lenient));
    let rules: Vec<_> = parsed.warnings().iter().map(|w| w.rule()).collect();
    assert_eq!(rules, ["CH-9"]);
}

#[test]
fn realm_as_token_is_a_warning() {
    let parsed = challenge::parse(["Basic realm=simple"]);
    assert_eq!(entries(&parsed), ["Basic{realm=simple}"]);
    let rules: Vec<_> = parsed.warnings().iter().map(|w| w.rule()).collect();
    assert_eq!(rules, ["CH-13"]);
}

#[test]
fn messages_name_rule_section_and_place_in_english() {
    let parsed = challenge::parse(["Basic realm=\"a\"", r#"Bearer realm="a", realm="b""#]);
    let error = parsed.errors().next().expect("an error");
    assert_eq!(
        error.to_string(),
        "WWW-Authenticate field line 2, column 19: the Bearer challenge has parameter \"realm\" \
         twice; a parameter occurs at most once in a challenge, so the challenge is ambiguous \
         and ignored (CH-6, RFC 9110 §11.2)"
    );
    assert_eq!(error.spec(), "RFC 9110 §11.2");
    assert_eq!((error.line(), error.column()), (2, 19));
    // Control characters are named, never written raw…
    let parsed = challenge::parse(["Bearer realm=\"a\u{1b}[2K\""]);
    let message = parsed.errors().next().unwrap().to_string();
    assert!(message.contains("U+001B"), "{message}");
    assert!(!message.contains('\u{1b}'), "{message}");
    // …and values quoted in a message have them escaped (here a C1 control, which obs-text
    // lets through a quoted-string).
    let parsed = challenge::parse(["Bearer resource_metadata=\"/x\u{9b}2K\""]);
    let message = parsed.resource_metadata().unwrap_err().to_string();
    assert!(message.contains("/x\\u{9b}2K"), "{message}");
    assert!(!message.contains('\u{9b}'), "{message}");
}

#[test]
fn limits_bound_the_work() {
    let limits = Limits {
        max_lines: 2,
        max_length: 64,
        max_challenges: 2,
        max_params: 2,
    };
    let bounded = |lines: &[&str]| {
        challenge::parse_with(
            lines.iter(),
            &ParseOptions {
                limits,
                ..ParseOptions::default()
            },
        )
    };
    let cases: &[(&str, &[&str], &[&str])] = &[
        ("within", &["A, B a=1", "b=2"], &["A{}", "B{a=1, b=2}"]),
        ("lines", &["A", "B", "C"], &["A{}", "B{}", "error CH-14"]),
        (
            "challenges",
            &["A, B, C, D"],
            &["A{}", "B{}", "error CH-14"],
        ),
        (
            "parameters",
            &["A a=1, b=2, c=3, B"],
            &["error CH-14", "B{}"],
        ),
        (
            "length",
            &[
                "A",
                "B x=\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
            ],
            &["A{}", "error CH-14"],
        ),
    ];
    for (name, lines, expected) in cases {
        assert_eq!(entries(&bounded(lines)), *expected, "{name}");
    }
}

#[test]
fn resource_metadata_prefers_the_scheme_asked_for_and_reports_conflicts() {
    let parsed = challenge::parse([
        r#"DPoP algs="ES256", resource_metadata="https://d.example/.well-known/oauth-protected-resource""#,
        r#"Bearer resource_metadata="https://b.example/.well-known/oauth-protected-resource""#,
    ]);
    let bearer = parsed.resource_metadata().unwrap().unwrap();
    assert_eq!(
        bearer.url().as_str(),
        "https://b.example/.well-known/oauth-protected-resource"
    );
    assert_eq!(bearer.scheme(), "Bearer");
    let rules: Vec<_> = bearer.warnings().iter().map(|w| w.rule()).collect();
    assert_eq!(rules, ["CH-RM-5"]);
    let dpop = parsed.resource_metadata_for("dpop").unwrap().unwrap();
    assert_eq!(
        dpop.url().as_str(),
        "https://d.example/.well-known/oauth-protected-resource"
    );
    // The same URL on both: no conflict.
    let parsed = challenge::parse([format!(
        "DPoP resource_metadata=\"{PRM}\", Bearer resource_metadata=\"{PRM}\""
    )]);
    assert!(
        parsed
            .resource_metadata()
            .unwrap()
            .unwrap()
            .warnings()
            .is_empty()
    );
}

#[test]
fn resource_metadata_allows_http_on_loopback_with_a_warning() {
    let cases = [
        (
            "http://127.0.0.1:8080/.well-known/oauth-protected-resource",
            true,
        ),
        (
            "http://localhost/.well-known/oauth-protected-resource",
            true,
        ),
        ("http://[::1]/.well-known/oauth-protected-resource", true),
        (
            "http://10.0.0.1/.well-known/oauth-protected-resource",
            false,
        ),
        ("ftp://127.0.0.1/x", false),
    ];
    for (url, accepted) in cases {
        let parsed = challenge::parse([format!("Bearer resource_metadata=\"{url}\"")]);
        match parsed.resource_metadata() {
            Ok(Some(found)) => {
                assert!(accepted, "{url}");
                let rules: Vec<_> = found.warnings().iter().map(|w| w.rule()).collect();
                assert_eq!(rules, ["CH-RM-4"], "{url}");
            }
            Err(error) => {
                assert!(!accepted, "{url}");
                assert_eq!(error.rule(), "CH-RM-4", "{url}");
            }
            Ok(None) => panic!("{url}: no resource_metadata found"),
        }
    }
}

#[test]
fn recorded_real_challenges() {
    let cases: &[(&str, &str)] = &[
        (
            r#"Bearer realm="OAuth", resource_metadata="https://mcp.sentry.dev/.well-known/oauth-protected-resource/mcp""#,
            "https://mcp.sentry.dev/.well-known/oauth-protected-resource/mcp",
        ),
        (
            r#"Bearer error="invalid_request", error_description="No access token was provided in this request", resource_metadata="https://api.githubcopilot.com/.well-known/oauth-protected-resource/mcp/""#,
            "https://api.githubcopilot.com/.well-known/oauth-protected-resource/mcp/",
        ),
        (
            r#"Bearer resource_metadata="https://mcp.atlassian.com/.well-known/oauth-protected-resource/v1/mcp/authv2", error="invalid_token", error_description="Missing or invalid access token""#,
            "https://mcp.atlassian.com/.well-known/oauth-protected-resource/v1/mcp/authv2",
        ),
        (
            r#"Bearer error="invalid_token", error_description="No authorization provided", resource_metadata="https://mcp.vercel.com/.well-known/oauth-protected-resource""#,
            "https://mcp.vercel.com/.well-known/oauth-protected-resource",
        ),
        (
            r#"Bearer resource_metadata="https://mcp.anduin.app/.well-known/oauth-protected-resource", scope="...""#,
            "https://mcp.anduin.app/.well-known/oauth-protected-resource",
        ),
    ];
    for (line, url) in cases {
        let parsed = challenge::parse([line]);
        assert_eq!(parsed.errors().count(), 0, "{line}");
        assert_eq!(metadata(&parsed), *url, "{line}");
    }
}

#[test]
fn bearer_error_codes_and_statuses() {
    let cases = [
        ("invalid_request", BearerError::InvalidRequest, Some(400)),
        ("invalid_token", BearerError::InvalidToken, Some(401)),
        (
            "insufficient_scope",
            BearerError::InsufficientScope,
            Some(403),
        ),
    ];
    for (code, error, status) in cases {
        let parsed = challenge::parse([format!("Bearer error=\"{code}\"")]);
        let bearer = parsed.bearer_params().unwrap();
        assert_eq!(bearer.error(), Some(error.clone()), "{code}");
        assert_eq!(error.status(), status, "{code}");
        assert_eq!(error.as_str(), code);
    }
    let parsed = challenge::parse([r#"Bearer error="use_dpop_nonce""#]);
    let error = parsed.bearer_params().unwrap().error().unwrap();
    assert_eq!((error.as_str(), error.status()), ("use_dpop_nonce", None));
    assert_eq!(
        challenge::parse([r#"Bearer realm="x""#])
            .bearer_params()
            .unwrap()
            .error(),
        None
    );
}

#[test]
fn builder_writes_quoted_parameters_in_a_fixed_order() {
    let value = BearerChallenge::new()
        .scope(["files:read", "files:write"])
        .unwrap()
        .resource_metadata("https://mcp.example.com/.well-known/oauth-protected-resource/mcp")
        .unwrap()
        .realm(r#"say "hi" \ bye"#)
        .unwrap()
        .to_string();
    assert_eq!(
        value,
        r#"Bearer realm="say \"hi\" \\ bye", resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="files:read files:write""#
    );
    let value = BearerChallenge::new()
        .error(BearerError::InsufficientScope)
        .unwrap()
        .error_description("needs files:write")
        .unwrap()
        .error_uri("https://docs.example/errors#scope")
        .unwrap()
        .param("max_age", "300")
        .unwrap()
        .to_string();
    assert_eq!(
        value,
        r#"Bearer error="insufficient_scope", error_description="needs files:write", error_uri="https://docs.example/errors#scope", max_age="300""#
    );
    // No error information unless asked (RFC 6750 §3).
    assert_eq!(
        BearerChallenge::new().realm("r").unwrap().to_string(),
        r#"Bearer realm="r""#
    );
}

#[test]
fn builder_refuses_what_cannot_be_sent() {
    let refused: &[(&str, Result<BearerChallenge, challenge::BuildError>, &str)] = &[
        ("realm LF", BearerChallenge::new().realm("a\nb"), "CH-14"),
        (
            "realm non-ASCII",
            BearerChallenge::new().realm("café"),
            "CH-14",
        ),
        (
            "realm DEL",
            BearerChallenge::new().realm("a\u{7f}"),
            "CH-14",
        ),
        (
            "description quote",
            BearerChallenge::new().error_description("say \"x\""),
            "CH-B-6",
        ),
        (
            "description backslash",
            BearerChallenge::new().error_description("a\\b"),
            "CH-B-6",
        ),
        (
            "description tab",
            BearerChallenge::new().error_description("a\tb"),
            "CH-B-6",
        ),
        (
            "error code quote",
            BearerChallenge::new().error(BearerError::new("a\"b")),
            "CH-B-6",
        ),
        (
            "error code empty",
            BearerChallenge::new().error(BearerError::new("")),
            "CH-B-6",
        ),
        (
            "scope space",
            BearerChallenge::new().scope(["a b"]),
            "CH-B-5",
        ),
        ("scope empty", BearerChallenge::new().scope([""]), "CH-B-5"),
        (
            "scope quote",
            BearerChallenge::new().scope(["a\""]),
            "CH-B-5",
        ),
        (
            "relative metadata URL",
            BearerChallenge::new().resource_metadata("/x"),
            "CH-RM-4",
        ),
        (
            "http metadata URL",
            BearerChallenge::new().resource_metadata("http://a.example/x"),
            "CH-RM-4",
        ),
        (
            "error_uri space",
            BearerChallenge::new().error_uri("https://a/ b"),
            "CH-B-6",
        ),
        (
            "extension name",
            BearerChallenge::new().param("a b", "c"),
            "CH-2",
        ),
        (
            "extension own name",
            BearerChallenge::new().param("Realm", "c"),
            "CH-B-3",
        ),
    ];
    for (name, result, rule) in refused {
        match result {
            Ok(built) => panic!("{name}: built {built}"),
            Err(error) => {
                assert_eq!(error.rule(), *rule, "{name}");
                let message = error.to_string();
                assert!(
                    message.contains(rule) && message.contains("RFC"),
                    "{name}: {message}"
                );
            }
        }
    }
    // Duplicates among extension parameters, too.
    let twice = BearerChallenge::new()
        .param("max_age", "1")
        .unwrap()
        .param("MAX_AGE", "2");
    assert_eq!(twice.unwrap_err().rule(), "CH-6");
    // http on a loopback host is accepted, as when the challenge is read.
    assert!(
        BearerChallenge::new()
            .resource_metadata("http://127.0.0.1:8080/.well-known/oauth-protected-resource")
            .is_ok()
    );
}

#[test]
fn builder_output_parses_back() {
    let built = BearerChallenge::new()
        .realm(r#"a "quoted" \ realm"#)
        .unwrap()
        .resource_metadata(PRM)
        .unwrap()
        .scope(["a", "b:c"])
        .unwrap()
        .error(BearerError::InvalidToken)
        .unwrap()
        .error_description("expired")
        .unwrap();
    let parsed = challenge::parse([built.to_string()]);
    assert_eq!(
        entries(&parsed),
        [format!(
            r#"Bearer{{realm=a "quoted" \ realm, resource_metadata={PRM}, scope=a b:c, error=invalid_token, error_description=expired}}"#
        )]
    );
    assert_eq!(metadata(&parsed), PRM);
    assert!(parsed.warnings().is_empty());
}

/// Properties over generated input: well-formed lists in every spelling the grammar allows
/// parse to what was written; whatever the bytes, parsing neither panics nor reports a place
/// outside the input or a character a terminal obeys, and a challenge read is written back to
/// an equal one; anything the builder produces parses back to its parameters.
mod properties {
    use oidc_discovery_validate::challenge::{
        self, BearerChallenge, BearerError, Body, Challenges, Diagnostic, Mode, ParseOptions,
    };
    use oidc_discovery_validate::is_hidden;
    use proptest::prelude::*;

    /// A challenge as the properties compare it: scheme, then the token68 or the parameters
    /// (name, value octets).
    #[derive(Debug, Clone, PartialEq)]
    enum Shape {
        Token68(String),
        Params(Vec<(String, Vec<u8>)>),
    }

    fn shape(parsed: &Challenges) -> Vec<Result<(String, Shape), &'static str>> {
        parsed
            .entries()
            .iter()
            .map(|entry| match entry {
                Ok(challenge) => Ok((
                    challenge.scheme().to_owned(),
                    match challenge.body() {
                        Body::Token68(token) => Shape::Token68(token.clone()),
                        Body::Params(params) => Shape::Params(
                            params
                                .iter()
                                .map(|p| (p.name().to_owned(), p.value_bytes().to_vec()))
                                .collect(),
                        ),
                    },
                )),
                Err(error) => Err(error.rule()),
            })
            .collect()
    }

    const TOKEN: &str = "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,8}";

    /// A parameter value and how it is written: a token, or a quoted-string whose `"` and
    /// `\` (and, at random, other characters) are quoted-pairs.
    fn value() -> impl Strategy<Value = (Vec<u8>, String)> {
        prop_oneof![
            TOKEN.prop_map(|token| (token.clone().into_bytes(), token)),
            ("[\\t -~é€]{0,16}", any::<u64>()).prop_map(|(text, escapes)| {
                let mut written = String::from("\"");
                for (index, c) in text.chars().enumerate() {
                    let escape = matches!(c, '"' | '\\') || (escapes >> (index % 64)) & 1 == 1;
                    if escape {
                        written.push('\\');
                    }
                    written.push(c);
                }
                written.push('"');
                (text.into_bytes(), written)
            }),
        ]
    }

    /// Whitespace where RFC 9110 allows it (BWS, OWS).
    fn ows() -> impl Strategy<Value = String> {
        "[ \\t]{0,2}"
    }

    /// One challenge: its shape and its list elements as written (the first holds the scheme).
    fn challenge() -> impl Strategy<Value = (String, Shape, Vec<String>)> {
        let params = prop::collection::vec((TOKEN, value(), ows(), ows()), 0..5);
        let token68 = "[A-Za-z0-9._~+/-]{1,12}={0,2}";
        (
            TOKEN,
            " {1,3}",
            prop_oneof![token68.prop_map(Err), params.prop_map(Ok)],
        )
            .prop_map(|(scheme, gap, body)| match body {
                Err(token68) => {
                    let element = format!("{scheme}{gap}{token68}");
                    (scheme, Shape::Token68(token68), vec![element])
                }
                Ok(params) => {
                    let mut seen: Vec<String> = Vec::new();
                    let mut shape = Vec::new();
                    let mut elements = Vec::new();
                    for (name, (octets, written), before, after) in params {
                        if seen.iter().any(|s| s.eq_ignore_ascii_case(&name)) {
                            continue;
                        }
                        seen.push(name.clone());
                        elements.push(format!("{name}{before}={after}{written}"));
                        shape.push((name, octets));
                    }
                    match elements.first_mut() {
                        Some(first) => *first = format!("{scheme}{gap}{first}"),
                        None => elements.push(scheme.clone()),
                    }
                    (scheme, Shape::Params(shape), elements)
                }
            })
    }

    /// A list of challenges, written with OWS around commas, empty elements, and field-line
    /// breaks between any two elements.
    fn list() -> impl Strategy<Value = (Vec<(String, Shape)>, Vec<String>)> {
        (
            prop::collection::vec(challenge(), 0..5),
            prop::collection::vec((ows(), 0..3_usize, any::<bool>()), 32),
        )
            .prop_map(|(challenges, separators)| {
                let mut lines = vec![String::new()];
                let elements = challenges.iter().flat_map(|(_, _, elements)| elements);
                for (index, element) in elements.enumerate() {
                    let (space, empties, line_break) = &separators[index % separators.len()];
                    if index > 0 {
                        if *line_break {
                            lines.push(String::new());
                        } else {
                            let line = lines.last_mut().unwrap();
                            line.push_str(space);
                            line.push(',');
                            line.push_str(&", ".repeat(*empties));
                            line.push_str(space);
                        }
                    }
                    lines.last_mut().unwrap().push_str(element);
                }
                let shapes = challenges
                    .into_iter()
                    .map(|(scheme, shape, _)| (scheme, shape))
                    .collect();
                (shapes, lines)
            })
    }

    fn check_diagnostic(diagnostic: &Diagnostic, lines: usize) -> Result<(), TestCaseError> {
        prop_assert!((1..=lines).contains(&diagnostic.line()), "{diagnostic}");
        prop_assert!(diagnostic.column() >= 1, "{diagnostic}");
        let text = diagnostic.to_string();
        prop_assert!(!text.chars().any(is_hidden), "{text}");
        prop_assert!(
            text.contains(diagnostic.rule()) && text.contains("RFC"),
            "{text}"
        );
        Ok(())
    }

    /// Bytes that are mostly the grammar's own characters.
    fn noise() -> impl Strategy<Value = Vec<Vec<u8>>> {
        let byte = prop_oneof![
            3 => prop::sample::select(b"Bearer realm=\"\\, \t=abc/:YII~".to_vec()),
            1 => any::<u8>(),
        ];
        prop::collection::vec(prop::collection::vec(byte, 0..48), 0..4)
    }

    fn token_name() -> impl Strategy<Value = String> {
        TOKEN.prop_filter("not a parameter with its own setter", |name| {
            ![
                "realm",
                "resource_metadata",
                "scope",
                "error",
                "error_description",
                "error_uri",
            ]
            .iter()
            .any(|own| own.eq_ignore_ascii_case(name))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn every_spelling_of_a_list_parses_to_what_was_written((expected, lines) in list()) {
            let parsed = challenge::parse(&lines);
            let expected: Vec<Result<(String, Shape), &'static str>> =
                expected.into_iter().map(Ok).collect();
            prop_assert_eq!(shape(&parsed), expected, "{:?}", lines);
        }

        #[test]
        fn any_bytes_parse_without_panic_and_read_challenges_write_back(
            lines in noise(),
            lenient in any::<bool>(),
        ) {
            let mode = if lenient { Mode::Lenient } else { Mode::Strict };
            let options = ParseOptions { mode, ..ParseOptions::default() };
            let parsed = challenge::parse_with(&lines, &options);
            for diagnostic in parsed.errors().chain(parsed.warnings()) {
                check_diagnostic(diagnostic, lines.len())?;
            }
            for scheme in ["Bearer", "DPoP"] {
                match parsed.resource_metadata_for(scheme) {
                    Ok(Some(found)) => {
                        for warning in found.warnings() {
                            check_diagnostic(warning, lines.len())?;
                        }
                    }
                    Ok(None) => {}
                    Err(error) => check_diagnostic(&error, lines.len())?,
                }
            }
            if let Some(bearer) = parsed.bearer_params() {
                for warning in bearer.warnings() {
                    check_diagnostic(warning, lines.len())?;
                }
                let _ = (bearer.scopes(), bearer.error());
            }
            for read in parsed.challenges() {
                if read.params().iter().any(|p| p.value().as_bytes() != p.value_bytes()) {
                    continue; // not UTF-8: `Display` writes U+FFFD
                }
                let again = challenge::parse([read.to_string()]);
                let back: Vec<_> = again.challenges().collect();
                prop_assert_eq!(again.errors().count(), 0, "{}", read);
                prop_assert_eq!(back.len(), 1, "{}", read);
                prop_assert_eq!(back[0].scheme(), read.scheme());
                prop_assert_eq!(back[0].token68(), read.token68());
                let names = |c: &challenge::Challenge| -> Vec<(String, Vec<u8>)> {
                    c.params().iter().map(|p| (p.name().to_owned(), p.value_bytes().to_vec())).collect()
                };
                prop_assert_eq!(names(back[0]), names(read));
            }
        }

        #[test]
        fn what_the_builder_writes_parses_back(
            realm in prop::option::of("[ -~]{0,16}"),
            metadata in prop::option::of(("[a-z]{1,8}", "(/[a-z0-9._~-]{1,6}){0,3}")),
            scopes in prop::collection::vec(r"[!#-\[\]-~]{1,8}", 0..4),
            error in prop::option::of(prop_oneof![
                Just("invalid_request".to_owned()),
                Just("invalid_token".to_owned()),
                Just("insufficient_scope".to_owned()),
                r"[ !#-\[\]-~]{1,10}",
            ]),
            description in prop::option::of(r"[ !#-\[\]-~]{1,20}"),
            uri in prop::option::of("https://[a-z]{1,6}\\.example/[a-z0-9%#?=&]{0,8}"),
            others in prop::collection::vec((token_name(), "[ -~]{0,10}"), 0..3),
        ) {
            let mut built = BearerChallenge::new();
            let mut expected: Vec<(String, String)> = Vec::new();
            if let Some(realm) = realm {
                built = built.realm(&realm).unwrap();
                expected.push(("realm".into(), realm));
            }
            let url = metadata.map(|(host, path)| {
                format!("https://{host}.example/.well-known/oauth-protected-resource{path}")
            });
            if let Some(url) = &url {
                built = built.resource_metadata(url).unwrap();
                expected.push(("resource_metadata".into(), url.clone()));
            }
            if !scopes.is_empty() {
                built = built.scope(&scopes).unwrap();
                expected.push(("scope".into(), scopes.join(" ")));
            }
            if let Some(error) = error {
                built = built.error(BearerError::new(&error)).unwrap();
                expected.push(("error".into(), error));
            }
            if let Some(description) = description {
                built = built.error_description(&description).unwrap();
                expected.push(("error_description".into(), description));
            }
            if let Some(uri) = uri {
                built = built.error_uri(&uri).unwrap();
                expected.push(("error_uri".into(), uri));
            }
            for (name, value) in others {
                if expected.iter().any(|(other, _)| other.eq_ignore_ascii_case(&name)) {
                    continue;
                }
                built = built.param(&name, &value).unwrap();
                expected.push((name, value));
            }
            let written = built.to_string();
            let parsed = challenge::parse([&written]);
            let read: Vec<(String, String)> = parsed
                .challenges()
                .flat_map(|c| c.params().iter().map(|p| (p.name().to_owned(), p.value().to_owned())))
                .collect();
            prop_assert_eq!(parsed.entries().len(), 1, "{}", written);
            prop_assert_eq!(&read, &expected, "{}", written);
            prop_assert!(parsed.warnings().is_empty(), "{}", written);
            let bearer = parsed.bearer_params().unwrap();
            prop_assert_eq!(bearer.warnings().is_empty(), !expected.is_empty(), "{}", written);
            let found = parsed.resource_metadata().unwrap().map(|found| found.url().to_string());
            let url = url.map(|url| url::Url::parse(&url).unwrap().to_string());
            prop_assert_eq!(found, url, "{}", written);
        }
    }
}
