//! The `issuer` member (inventory §3.1) and its match with the expected issuer (§3.3).

use super::urls::is_loopback;
use super::{Context, absence};
use crate::issuer::match_issuer;
use crate::rules::{
    HTTP_LOOPBACK, ISSUER_HTTPS, ISSUER_MATCH_RELAXED, ISSUER_MISMATCH, ISSUER_MISSING,
    ISSUER_NOT_URL, ISSUER_QUERY_FRAGMENT, ISSUER_TEMPLATE, ISSUER_USERINFO,
};

const POINTER: &str = "/issuer";

pub(crate) fn check(cx: &mut Context<'_>) {
    let Some(issuer) = cx
        .metadata
        .issuer
        .as_ref()
        .map(|issuer| issuer.as_str().to_owned())
    else {
        let why = absence(cx.metadata, "issuer");
        cx.emit(
            &ISSUER_MISSING,
            POINTER,
            format!("`issuer` is {why}; it is required"),
        );
        return;
    };

    let mut relaxed_template = false;
    if let Some(expected) = cx.options.expected_issuer.clone() {
        match match_issuer(&expected, &issuer, &cx.options.issuer_match) {
            Ok(matched) => {
                if let Some(relaxation) = matched.relaxation {
                    relaxed_template = relaxation.tenant().is_some();
                    cx.emit(
                        &ISSUER_MATCH_RELAXED,
                        POINTER,
                        format!(
                            "`issuer` \"{issuer}\" matches \"{expected}\" only because {relaxation}"
                        ),
                    );
                }
            }
            Err(mismatch) => cx.emit(&ISSUER_MISMATCH, POINTER, mismatch.to_string()),
        }
    }

    if issuer.contains('{') || issuer.contains('}') {
        if !relaxed_template {
            cx.emit(
                &ISSUER_TEMPLATE,
                POINTER,
                format!(
                    "`issuer` \"{issuer}\" is a template, not an identifier: no token's `iss` can equal it"
                ),
            );
        }
        return;
    }

    let url = match url::Url::parse(&issuer) {
        Ok(url) if url.host_str().is_some_and(|host| !host.is_empty()) => url,
        Ok(_) => {
            cx.emit(
                &ISSUER_NOT_URL,
                POINTER,
                format!("`issuer` \"{issuer}\" has no host"),
            );
            return;
        }
        Err(error) => {
            cx.emit(
                &ISSUER_NOT_URL,
                POINTER,
                format!("`issuer` \"{issuer}\" is not an absolute URL ({error})"),
            );
            return;
        }
    };
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => cx.emit(
            &HTTP_LOOPBACK,
            POINTER,
            format!("`issuer` \"{issuer}\" uses http on a loopback host: fine for local development only"),
        ),
        scheme => cx.emit(
            &ISSUER_HTTPS,
            POINTER,
            format!("`issuer` \"{issuer}\" uses the {scheme} scheme; it must use https"),
        ),
    }
    if issuer.contains('?') || issuer.contains('#') {
        cx.emit(
            &ISSUER_QUERY_FRAGMENT,
            POINTER,
            format!("`issuer` \"{issuer}\" has a query or fragment component"),
        );
    }
    if !url.username().is_empty() || url.password().is_some() {
        cx.emit(
            &ISSUER_USERINFO,
            POINTER,
            format!("`issuer` \"{issuer}\" carries user information (`user@`)"),
        );
    }
}
