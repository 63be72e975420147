//! Decoding bytes to text: UTF-8 (with or without BOM) first, GB18030 (a superset of
//! GBK and GB2312) second. Binary data and empty files are refused, never guessed at.

use super::ReadError;
use encoding_rs::GB18030;

/// Decodes a whole file. `path` is only used to name the file in errors.
pub fn decode(bytes: &[u8], path: &str) -> Result<String, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty {
            path: path.to_string(),
        });
    }
    if looks_binary(bytes) {
        return Err(ReadError::Binary {
            path: path.to_string(),
        });
    }
    decode_line(bytes).ok_or_else(|| ReadError::Encoding {
        path: path.to_string(),
    })
}

/// Decodes one piece of text without the checks for emptiness; `None` when it is
/// neither valid UTF-8 nor valid GB18030.
pub fn decode_line(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Some(s.to_string());
    }
    GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
}

/// Text files do not hold NUL bytes or many other control bytes; both UTF-8 and
/// GB18030 leave those byte values alone, so their presence means binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
        .count();
    controls > 0 && (sample.contains(&0) || controls * 100 > sample.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_bom() {
        assert_eq!(decode("\u{feff}政企".as_bytes(), "x").unwrap(), "政企");
    }

    #[test]
    fn decodes_gb18030() {
        let (bytes, _, _) = GB18030.encode("海宁市营商环境");
        assert_eq!(decode(&bytes, "x").unwrap(), "海宁市营商环境");
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert!(matches!(
            decode(b"\x00\x01PK", "x"),
            Err(ReadError::Binary { .. })
        ));
        assert!(matches!(decode(b"  \n", "x"), Err(ReadError::Empty { .. })));
    }

    #[test]
    fn refuses_invalid_bytes() {
        assert!(matches!(
            decode(b"\xff\xfe\xff\xff", "x"),
            Err(ReadError::Encoding { .. })
        ));
    }
}
