//! probe
use oidc_discovery_metadata::*;
use serde_json::Value;

#[test]
fn probe() {
    for num in ["1", "-1", "1.0", "18446744073709551615", "18446744073709551616", "-9223372036854775809", "123456789012345678901234567890", "1234567890123456789012345678901234567890", "-1234567890123456789012345678901234567890", "0.1000000000000000000000001", "1e400", "-0", "1E2"] {
        for tmpl in ["{{\"a\":{}}}", "{{\"issuer\":{}}}", "{{\"scopes_supported\":[\"x\",{}]}}", "{{\"claims_parameter_supported\":{}}}", "{{\"jwks\":{{\"k\":{}}}}}", "{{\"mtls_endpoint_aliases\":{{\"k\":{}}}}}", "{{\"op_tos_uri#fr\":{}}}"] {
            let text = tmpl.replace("{}", num).replace("{{", "{").replace("}}", "}");
            let input: Result<Value, _> = serde_json::from_str(&text);
            let Ok(input) = input else { println!("{text}: Value rejects"); continue };
            let t = ProviderMetadata::from_json_str(&text).map(|m| m.to_json_string().unwrap());
            let fv = serde_json::from_value::<ProviderMetadata>(input.clone()).map(|m| m.to_json_string().unwrap());
            let tv_ok = t.as_ref().map(|s| serde_json::from_str::<Value>(s).unwrap() == input);
            let fv_ok = fv.as_ref().map(|s| serde_json::from_str::<Value>(s).unwrap() == input);
            if !(matches!(tv_ok, Ok(true)) && matches!(fv_ok, Ok(true))) || t.as_ref().ok() != fv.as_ref().ok() {
                println!("{text}: text={t:?} ({tv_ok:?}) from_value={fv:?} ({fv_ok:?}) input_ser={}", serde_json::to_string(&input).unwrap());
            }
        }
    }
}
