//! Parsing a known value does not allocate; parsing an unknown value does.
//!
//! A single test in its own binary, because the counting allocator sees every thread.

use std::hint::black_box;

use oidc_discovery_types::{
    AccessTokenType, ClaimType, ClientAuthMethod, ClientRegistrationType, Display, GrantType,
    IntrospectionAuthMethod, JweAlg, JweEnc, JwsAlg, PkceMethod, Prompt, ResponseMode,
    ResponseType, SubjectType, TokenDeliveryMode,
};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn total_blocks() -> u64 {
    dhat::HeapStats::get().total_blocks
}

/// Every known value of each open enum as `(text, JSON string)`, built before measuring.
macro_rules! samples {
    ($($t:ty),+ $(,)?) => {{
        let mut samples: Vec<(&'static str, &'static str, String)> = Vec::new();
        $(
            for value in <$t>::KNOWN {
                samples.push((stringify!($t), value.as_str(), format!("\"{}\"", value.as_str())));
            }
        )+
        samples
    }};
}

/// Parses `text` and the pre-built JSON string `json` as the type named `ty`, and checks both
/// are known; used inside the measured region, so it must not allocate when the checks pass.
macro_rules! parse_known {
    ($ty:expr, $text:expr, $json:expr, $($t:ident),+ $(,)?) => {
        match $ty {
            $(stringify!($t) => {
                let parsed = black_box($t::from(black_box($text)));
                assert!(parsed.is_known() && parsed.as_str() == $text);
                let deserialized = black_box(serde_json::from_str::<$t>(black_box($json)).unwrap());
                assert!(deserialized.is_known() && deserialized.as_str() == $text);
            })+
            _ => unreachable!(),
        }
    };
}

#[test]
fn parsing_known_values_does_not_allocate() {
    let _profiler = dhat::Profiler::builder().testing().build();

    let samples = samples!(
        GrantType,
        ResponseMode,
        ClientAuthMethod,
        AccessTokenType,
        PkceMethod,
        SubjectType,
        ClaimType,
        Display,
        Prompt,
        TokenDeliveryMode,
        ClientRegistrationType,
        JwsAlg,
        JweAlg,
        JweEnc,
    );
    let introspection: Vec<(&str, String)> = ClientAuthMethod::KNOWN
        .iter()
        .map(ClientAuthMethod::as_str)
        .chain(AccessTokenType::KNOWN.iter().map(AccessTokenType::as_str))
        .map(|v| (v, format!("\"{v}\"")))
        .collect();
    // Registered response types, in canonical and in other token orders.
    let response_types: Vec<(&str, String)> = [
        "code",
        "id_token",
        "code id_token",
        "id_token token",
        "token id_token",
        "id_token code",
        "code id_token token",
        "token code id_token",
        "vp_token id_token",
    ]
    .into_iter()
    .map(|v| (v, format!("\"{v}\"")))
    .collect();
    assert!(samples.len() > 100);

    let before = total_blocks();
    for (ty, text, json) in &samples {
        parse_known!(
            *ty,
            *text,
            json.as_str(),
            GrantType,
            ResponseMode,
            ClientAuthMethod,
            AccessTokenType,
            PkceMethod,
            SubjectType,
            ClaimType,
            Display,
            Prompt,
            TokenDeliveryMode,
            ClientRegistrationType,
            JwsAlg,
            JweAlg,
            JweEnc,
        );
    }
    for (text, json) in &introspection {
        let parsed = black_box(IntrospectionAuthMethod::from(black_box(*text)));
        assert!(parsed.is_known());
        let deserialized: IntrospectionAuthMethod =
            black_box(serde_json::from_str(black_box(json)).unwrap());
        assert!(deserialized.is_known() && deserialized.as_str() == *text);
    }
    for (text, json) in &response_types {
        let parsed = black_box(ResponseType::from(black_box(*text)));
        assert!(parsed.is_registered() && parsed.as_str() == *text);
        let deserialized: ResponseType = black_box(serde_json::from_str(black_box(json)).unwrap());
        assert!(deserialized.is_registered() && deserialized.as_str() == *text);
    }
    let after = total_blocks();
    assert_eq!(
        after,
        before,
        "parsing known values allocated {} blocks",
        after - before
    );

    // The measurement can fail: an unknown value allocates its text.
    for unknown in ["XC20P", "A128CBC+HS256", "windows_client_authentication"] {
        let before = total_blocks();
        black_box(JweEnc::from(black_box(unknown)));
        black_box(ClientAuthMethod::from(black_box(unknown)));
        black_box(IntrospectionAuthMethod::from(black_box(unknown)));
        let parsed: JwsAlg = serde_json::from_str(black_box("\"XC20P\"")).unwrap();
        black_box(parsed);
        assert!(
            total_blocks() >= before + 4,
            "unknown values should allocate"
        );
    }
    let before = total_blocks();
    black_box(ResponseType::from(black_box("code device_code")));
    assert!(
        total_blocks() > before,
        "unknown response types should allocate"
    );
}
