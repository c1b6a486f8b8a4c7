//! Everything the tool reads from a file or standard input goes through one bounded reader:
//! documents (`check FILE`, `check -`, `serve --metadata`) and key sets (`check --trust-jwks`)
//! alike, with the same limit and the same message when a source is larger.

use std::io::Read;
use std::path::Path;

/// The most bytes the tool reads from any file or from standard input: the client's default
/// body limit for URL sources (1 MiB), so that a document is accepted or refused alike however
/// it arrives. Real documents and JWK Sets are a few KiB; without a limit, `check /dev/zero`,
/// `--trust-jwks /dev/zero` or an endless pipe would exhaust memory.
pub(crate) fn max_input_bytes() -> usize {
    oidc_discovery_client::Config::default().max_body_bytes
}

/// Reads everything from `reader`, refusing more than [`max_input_bytes`] without reading more
/// than one byte past the limit.
pub(crate) fn read_bounded(reader: &mut dyn Read) -> Result<Vec<u8>, String> {
    let limit = max_input_bytes();
    let mut bytes = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| error.to_string())?;
    if bytes.len() > limit {
        return Err(format!(
            "it is larger than {} KiB, the most this tool reads from a file or standard input \
             (the same limit as for URLs; real documents and key sets are a few KiB)",
            limit / 1024
        ));
    }
    Ok(bytes)
}

/// Reads the file at `path` (see [`read_bounded`]).
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let mut file = std::fs::File::open(path).map_err(|error| error.to_string())?;
    read_bounded(&mut file)
}

/// Reads the file at `path` as UTF-8 text (see [`read_bounded`]).
pub(crate) fn read_text_file(path: &Path) -> Result<String, String> {
    String::from_utf8(read_file(path)?).map_err(|error| {
        format!(
            "it is not UTF-8 text (invalid byte at offset {})",
            error.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_the_limit_is_not_read() {
        let limit = max_input_bytes();
        assert_eq!(limit, 1024 * 1024);
        // Exactly the limit is read; one byte more is refused, without reading the rest.
        let at_limit = vec![b' '; limit];
        assert_eq!(read_bounded(&mut at_limit.as_slice()).unwrap().len(), limit);
        let mut endless = std::io::repeat(b'[');
        let error = read_bounded(&mut endless).unwrap_err();
        assert!(error.starts_with("it is larger than 1024 KiB"), "{error}");
        let error = read_file(Path::new("/dev/zero")).unwrap_err();
        assert!(error.starts_with("it is larger than 1024 KiB"), "{error}");
    }

    #[test]
    fn text_is_utf8() {
        let path = std::env::temp_dir().join(format!(
            "oidc-discovery-cli-{}-latin1.json",
            std::process::id()
        ));
        std::fs::write(&path, b"{\"k\": \"\xe9\"}").unwrap();
        let error = read_text_file(&path).unwrap_err();
        assert_eq!(error, "it is not UTF-8 text (invalid byte at offset 7)");
        std::fs::remove_file(path).unwrap();
    }
}
