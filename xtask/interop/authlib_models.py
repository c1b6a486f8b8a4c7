"""Authlib's metadata models against `oidc-discovery serve`, for `cargo xtask interop`.

Authlib does not fetch metadata itself (its web integrations do, without validating it), so
each document is fetched here with the standard library and given to a model's `validate()`:
`authlib.oauth2.rfc8414.AuthorizationServerMetadata` (with RFC 9207's extension class) for the
RFC 8414 location, `authlib.oidc.discovery.OpenIDProviderMetadata` (with RP-Initiated Logout's
and RFC 9207's extension classes) for the OpenID location; both for the example provider (an
http loopback issuer) and for a document with an https issuer. Authlib's RFC 9728 model is
used when the installed Authlib has one. One JSON line per check on standard output; the
configuration is the file named by the first argument (see common.mjs).
"""

import importlib
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

import authlib
from authlib.oauth2 import rfc8414, rfc9207
from authlib.oidc import discovery, rpinitiated

CLIENT = "authlib"
REQUEST_SECONDS = 10


def fetch(url):
    """The JSON object served at `url`, and the request as one line for the detail."""
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_SECONDS) as response:
            body = response.read()
            seen = f"GET {urllib.parse.urlsplit(url).path} → {response.status} {response.headers.get('Content-Type')}"
    except urllib.error.HTTPError as error:
        raise ValueError(f"GET {url} → {error.code}") from error
    return json.loads(body), seen


def line(check, framework, accepted, detail):
    print(
        json.dumps(
            {
                "client": CLIENT,
                "version": authlib.__version__,
                "check": check,
                "framework": framework["name"],
                "accepted": accepted,
                "detail": detail,
            }
        ),
        flush=True,
    )


def run(check, framework, needs, validate):
    """One check: `validate(server)` returns the detail when the model accepts the document."""
    server = framework.get(needs)
    if server is None:
        why = (framework.get("errors") or {}).get(needs, f"no {needs} server")
        line(check, framework, False, f"not run: {why}")
        return
    try:
        line(check, framework, True, validate(server))
    except Exception as error:  # noqa: BLE001 - every refusal is a result
        line(check, framework, False, f"{type(error).__name__}: {error}")


def authorization_server(server):
    document, seen = fetch(server["url"] + "/.well-known/oauth-authorization-server")
    rfc8414.AuthorizationServerMetadata(document).validate(
        metadata_classes=[rfc9207.AuthorizationServerMetadata]
    )
    return f"issuer {document['issuer']} — {seen}"


def openid_provider(server):
    document, seen = fetch(server["url"] + "/.well-known/openid-configuration")
    discovery.OpenIDProviderMetadata(document).validate(
        metadata_classes=[
            rpinitiated.OpenIDProviderMetadata,
            rfc9207.AuthorizationServerMetadata,
        ]
    )
    return f"issuer {document['issuer']} — {seen}"


def resource_model():
    """Authlib's RFC 9728 model class, or None when this Authlib has none."""
    try:
        module = importlib.import_module("authlib.oauth2.rfc9728")
    except ImportError:
        return None
    return getattr(module, "ProtectedResourceMetadata", None)


def protected_resource(model):
    def validate(server):
        resource = urllib.parse.urlsplit(server["resource"])
        document, seen = fetch(
            server["url"] + "/.well-known/oauth-protected-resource" + resource.path
        )
        model(document).validate()
        return f"resource {document['resource']} — {seen}"

    return validate


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        config = json.load(file)
    model = resource_model()
    for framework in config["frameworks"]:
        run("provider metadata, RFC 8414 location", framework, "example", authorization_server)
        run("provider metadata, OpenID location", framework, "example", openid_provider)
        run("provider metadata, https issuer, RFC 8414 location", framework, "https", authorization_server)
        run("provider metadata, https issuer, OpenID location", framework, "https", openid_provider)
        if model is None:
            line(
                "protected-resource metadata",
                framework,
                None,
                f"not applicable: Authlib {authlib.__version__} has no RFC 9728 model",
            )
        else:
            run("protected-resource metadata", framework, "resource", protected_resource(model))


if __name__ == "__main__":
    main()
