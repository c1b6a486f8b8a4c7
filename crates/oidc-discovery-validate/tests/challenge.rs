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
