//! Test fixtures: the example keys and signatures published in RFC 7515 Appendix A and
//! RFC 8037 Appendix A. They are printed in public standards and protect nothing; they show
//! that this crate interoperates with the examples every JOSE implementation checks.
//!
//! Shared by the crate's unit tests (`src/crypto.rs`, `src/signer.rs`) and its integration tests.

#![allow(dead_code, unreachable_pub)]

/// The claims of the three RFC 7515 examples:
/// `{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}`.
pub const RFC7515_CLAIMS: &str = concat!(
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt",
    "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
);

/// RFC 7515 A.1: the HMAC key (`k`, 64 octets) and the header `{"typ":"JWT",\r\n "alg":"HS256"}`.
pub const HS256_K: &str = concat!(
    "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-",
    "EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"
);
pub const HS256_HEADER: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9";
pub const HS256_SIGNATURE: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

/// RFC 7515 A.2: the RSA key (2048 bits) and the header `{"alg":"RS256"}`.
pub const RS256_N: &str = concat!(
    "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp",
    "-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-",
    "pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-",
    "bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xs",
    "mtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-",
    "DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ"
);
pub const RS256_E: &str = "AQAB";
pub const RS256_D: &str = concat!(
    "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_G",
    "Q5sLKMgvfTeXZx9SE-7YwVol2NXOoAJe46sui395IW_GO-",
    "pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn",
    "439X0M_V51gfpRLI9JYanrC4D4qAdGcopV_0ZHHzQlBjudU2QvXt4ehNYTCBr6XC",
    "LQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLhBOneufuBiB4c",
    "S98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ"
);
pub const RS256_P: &str = concat!(
    "4BzEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdiYrqBds",
    "s1l58BQ3KhooKeQTa9AB0Hw_Py5PJdTJNPY8cQn7ouZ2KKDcmnPGBY5t7yLc1QlQ",
    "5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc"
);
pub const RS256_Q: &str = concat!(
    "uQPEfgmVtjL0Uyyx88GZFF1fOunH3-",
    "7cepKmtH4pxhtCoHqpWmT8YAmZxaewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQeZD_",
    "YwD66t62wDmpe_HlB-TnBA-",
    "njbglfIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc"
);
pub const RS256_HEADER: &str = "eyJhbGciOiJSUzI1NiJ9";
pub const RS256_SIGNATURE: &str = concat!(
    "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7",
    "AAuHIm4Bh-",
    "0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB",
    "--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_e",
    "SN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh",
    "6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_Ioy",
    "pGlUPQGe77Rw"
);

/// RFC 7515 A.3: the P-256 public key and the header `{"alg":"ES256"}`.
pub const ES256_X: &str = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
pub const ES256_Y: &str = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
pub const ES256_D: &str = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI";
pub const ES256_HEADER: &str = "eyJhbGciOiJFUzI1NiJ9";
pub const ES256_SIGNATURE: &str = concat!(
    "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-",
    "F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
);

/// RFC 8037 A.1–A.4: the Ed25519 key and the JWS of the text `Example of Ed25519 signing`
/// (not JSON) with the header `{"alg":"EdDSA"}`.
pub const ED25519_D: &str = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
pub const ED25519_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
pub const EDDSA_HEADER: &str = "eyJhbGciOiJFZERTQSJ9";
pub const EDDSA_PAYLOAD: &str = "RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
pub const EDDSA_SIGNATURE: &str = concat!(
    "hgyY0il_MGCjP0JzlnLWG1PPOt7-",
    "09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
);
