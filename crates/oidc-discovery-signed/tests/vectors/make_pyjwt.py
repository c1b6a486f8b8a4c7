#!/usr/bin/env python3
"""Writes pyjwt.json: `signed_metadata` tokens made by an independent JOSE implementation.

PyJWT (with `cryptography`) signs the same metadata claims with every algorithm
oidc-discovery-signed supports; `tests/pyjwt.rs` verifies each token with the public JWK Set
(and the HMAC tokens with the shared secret) written next to them. The file is committed, so the
Rust tests never need Python; regenerate it with `cargo xtask vectors`, and check it with
`cargo xtask vectors --check` (also run by `tests/pyjwt.rs` when Python and PyJWT are there).

    pip install pyjwt cryptography
    python3 make_pyjwt.py            # rewrite pyjwt.json with the keys it already holds
    python3 make_pyjwt.py --new-keys # ... with freshly generated keys
    python3 make_pyjwt.py --check    # exit 1 when pyjwt.json is not what this script writes

The private keys are test keys, generated for this file and protecting nothing; they are kept
so that the file can be regenerated and checked. RSASSA-PSS and ECDSA signatures are randomized
(PyJWT has no deterministic mode), so `--check` compares those tokens' header and claims and
verifies their committed signatures with PyJWT instead of comparing bytes.
"""

import argparse
import base64
import json
import pathlib
import sys

import cryptography
import jwt
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm

OUT = pathlib.Path(__file__).with_name("pyjwt.json")

ISSUER = "https://as.example.com"

# The metadata members that are signed, then `iss` (RFC 8414 §2.1).
CLAIMS = {
    "issuer": ISSUER,
    "authorization_endpoint": "https://as.example.com/authorize",
    "token_endpoint": "https://as.example.com/token",
    "jwks_uri": "https://as.example.com/jwks.json",
    "response_types_supported": ["code"],
    "grant_types_supported": ["authorization_code", "refresh_token"],
    "code_challenge_methods_supported": ["S256"],
    "op_tos_uri#fr": "https://as.example.com/cgu",
    "iss": ISSUER,
}

# Every algorithm oidc-discovery-signed verifies, and the key that signs it. `Ed25519` is RFC
# 9864's fully-specified name for EdDSA with Ed25519, which PyJWT does not know by that name:
# it is registered under it with PyJWT's own EdDSA implementation (`FULLY_SPECIFIED`).
ALGORITHMS = [
    ("RS256", "rsa"),
    ("RS384", "rsa"),
    ("RS512", "rsa"),
    ("PS256", "rsa"),
    ("PS384", "rsa"),
    ("PS512", "rsa"),
    ("ES256", "p256"),
    ("ES384", "p384"),
    ("ES512", "p521"),
    ("EdDSA", "ed25519"),
    ("Ed25519", "ed25519"),
    ("HS256", "secret"),
    ("HS384", "secret"),
    ("HS512", "secret"),
]

# The algorithms whose signatures are a function of key and input.
DETERMINISTIC = {"RS256", "RS384", "RS512", "EdDSA", "Ed25519", "HS256", "HS384", "HS512"}


# PyJWT's JWS with `Ed25519` registered as a name for its EdDSA implementation.
FULLY_SPECIFIED = jwt.PyJWS()
FULLY_SPECIFIED.register_algorithm("Ed25519", OKPAlgorithm())


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_keys():
    """Fresh private keys, as private JWKs (and the HMAC secret, base64url)."""
    return {
        "rsa": json.loads(RSAAlgorithm.to_jwk(rsa.generate_private_key(65537, 2048))),
        "p256": json.loads(ECAlgorithm.to_jwk(ec.generate_private_key(ec.SECP256R1()))),
        "p384": json.loads(ECAlgorithm.to_jwk(ec.generate_private_key(ec.SECP384R1()))),
        "p521": json.loads(ECAlgorithm.to_jwk(ec.generate_private_key(ec.SECP521R1()))),
        "ed25519": json.loads(OKPAlgorithm.to_jwk(ed25519.Ed25519PrivateKey.generate())),
        "secret": b64(b"a shared secret of sixty-four bytes, made for the PyJWT vectors!!"),
    }


def private_key(keys, name):
    """The key object PyJWT signs with."""
    if name == "secret":
        return unb64(keys["secret"])
    jwk = json.dumps(keys[name])
    if name == "rsa":
        return RSAAlgorithm.from_jwk(jwk)
    if name == "ed25519":
        return OKPAlgorithm.from_jwk(jwk)
    return ECAlgorithm.from_jwk(jwk)


def public_jwk(keys, name, alg, kid):
    """The public JWK for one algorithm (`use`, `alg` and `kid` set), as a consumer trusts it."""
    key = private_key(keys, name)
    if name == "rsa":
        jwk = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
    elif name == "ed25519":
        jwk = json.loads(OKPAlgorithm.to_jwk(key.public_key()))
    else:
        jwk = json.loads(ECAlgorithm.to_jwk(key.public_key()))
    jwk.update({"use": "sig", "alg": alg, "kid": kid})
    return jwk


def sign(keys, alg, name, kid):
    key = private_key(keys, name)
    if alg == "Ed25519":
        # The claims serialized as PyJWT's `jwt.encode` does.
        payload = json.dumps(CLAIMS, separators=(",", ":")).encode()
        return FULLY_SPECIFIED.encode(payload, key, algorithm=alg, headers={"kid": kid})
    return jwt.encode(CLAIMS, key, algorithm=alg, headers={"kid": kid})


def build(keys):
    jwks = []
    tokens = []
    for alg, name in ALGORITHMS:
        kid = f"pyjwt-{alg}"
        if name != "secret":
            jwks.append(public_jwk(keys, name, alg, kid))
        tokens.append({"alg": alg, "kid": kid, "jwt": sign(keys, alg, name, kid)})
    return {
        "about": "Generated by make_pyjwt.py (cargo xtask vectors); do not edit. Test keys only.",
        "generator": {"pyjwt": jwt.__version__, "cryptography": cryptography.__version__},
        "issuer": ISSUER,
        "claims": CLAIMS,
        "shared_secret": keys["secret"],
        "jwks": {"keys": jwks},
        "tokens": tokens,
        "private_keys": keys,
    }


def render(document):
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def verify_committed(document, token):
    """Verifies a committed token with PyJWT, as a consumer would."""
    alg = token["alg"]
    name = dict(ALGORITHMS)[alg]
    if name == "secret":
        key = unb64(document["shared_secret"])
    else:
        jwk = next(k for k in document["jwks"]["keys"] if k["kid"] == token["kid"])
        key = jwt.PyJWK(jwk, "EdDSA" if alg == "Ed25519" else alg).key
    if alg == "Ed25519":
        FULLY_SPECIFIED.decode(token["jwt"], key, algorithms=[alg])
        return
    jwt.decode(token["jwt"], key, algorithms=[alg], options={"verify_aud": False})


def check(committed_text):
    """The differences between the committed file and what this script writes now."""
    committed = json.loads(committed_text)
    fresh = build(committed["private_keys"])
    problems = []
    for field in fresh:
        if field in ("generator", "tokens"):
            continue
        if committed.get(field) != fresh[field]:
            problems.append(f"`{field}` differs")
    if [(t["alg"], t["kid"]) for t in committed.get("tokens", [])] != [
        (t["alg"], t["kid"]) for t in fresh["tokens"]
    ]:
        problems.append("the list of tokens differs")
        return problems
    for old, new in zip(committed["tokens"], fresh["tokens"]):
        if old["alg"] in DETERMINISTIC:
            if old["jwt"] != new["jwt"]:
                problems.append(f"the {old['alg']} token differs")
            continue
        if old["jwt"].rsplit(".", 1)[0] != new["jwt"].rsplit(".", 1)[0]:
            problems.append(f"the header or claims of the {old['alg']} token differ")
        try:
            verify_committed(committed, old)
        except Exception as error:  # noqa: BLE001 - any failure is the answer
            problems.append(f"the committed {old['alg']} token does not verify: {error}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="check pyjwt.json, write nothing")
    mode.add_argument("--new-keys", action="store_true", help="generate new test keys")
    args = parser.parse_args()
    if args.check:
        if not OUT.exists():
            print(f"{OUT} is missing; run `cargo xtask vectors`", file=sys.stderr)
            return 1
        problems = check(OUT.read_text())
        if problems:
            for problem in problems:
                print(f"{OUT.name}: {problem}", file=sys.stderr)
            print("pyjwt.json is stale: run `cargo xtask vectors`", file=sys.stderr)
            return 1
        print(f"{OUT.name} is what make_pyjwt.py writes")
        return 0
    if OUT.exists() and not args.new_keys:
        committed = json.loads(OUT.read_text())
        document = build(committed["private_keys"])
        # A randomized signature of an unchanged header and claims is kept, so that running the
        # script again changes nothing.
        kept = {t["alg"]: t for t in committed.get("tokens", [])}
        for index, token in enumerate(document["tokens"]):
            old = kept.get(token["alg"])
            if old and old["jwt"].rsplit(".", 1)[0] == token["jwt"].rsplit(".", 1)[0]:
                document["tokens"][index] = old
    else:
        document = build(new_keys())
    OUT.write_text(render(document))
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
