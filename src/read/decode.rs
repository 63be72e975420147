//! Decoding bytes to text: UTF-8 (with or without BOM) first, GB18030 (a superset of
//! GBK and GB2312) second. Binary data and empty files are refused, never guessed at.

use super::ReadError;
use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

/// Decodes a whole file. `path` is only used to name the file in errors.
pub fn decode(bytes: &[u8], path: &str) -> Result<String, ReadError> {
    // UTF-16 is recognised by its byte-order mark (Windows tools write one).
    for (bom, encoding) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let text = encoding
                .decode_without_bom_handling_and_without_replacement(rest)
                .ok_or_else(|| ReadError::Encoding {
                    path: path.to_string(),
                })?;
            return decode(text.as_bytes(), path);
        }
    }
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
    decode_line(bytes)
        .map(normalise_line_ends)
        .ok_or_else(|| ReadError::Encoding {
            path: path.to_string(),
        })
}

/// Old Mac files end lines with CR alone; such a file would otherwise be one
/// long line. CRLF and LF are left as they are (the layouts strip the CR).
fn normalise_line_ends(text: String) -> String {
    if text.contains('\r') && !text.contains("\r\n") && !text.contains('\n') {
        text.replace('\r', "\n")
    } else if text.contains('\r') {
        // Mixed endings: lone CRs become line breaks too.
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\r' && chars.peek() != Some(&'\n') {
                out.push('\n');
            } else {
                out.push(c);
            }
        }
        out
    } else {
        text
    }
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
    fn decodes_utf16_with_a_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("标题\r\n正文".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le, "x").unwrap(), "标题\r\n正文");
        let mut be = vec![0xFE, 0xFF];
        be.extend("政企".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be, "x").unwrap(), "政企");
    }

    #[test]
    fn cr_only_line_ends_become_lines() {
        assert_eq!(
            decode("标题\r正文\r".as_bytes(), "x").unwrap(),
            "标题\n正文\n"
        );
        assert_eq!(decode("a\r\nb\rc".as_bytes(), "x").unwrap(), "a\r\nb\nc");
    }

    #[test]
    fn refuses_invalid_bytes() {
        assert!(matches!(
            decode(b"\xff\xff\xff\xff", "x"),
            Err(ReadError::Encoding { .. })
        ));
        // A UTF-16 byte-order mark before an unpaired surrogate.
        assert!(matches!(
            decode(b"\xff\xfe\x00\xd8", "x"),
            Err(ReadError::Encoding { .. })
        ));
    }
}
