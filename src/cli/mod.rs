//! The subcommands, one module each: its flags (a clap `Args` struct) and its
//! `run`. What several commands share (the store flag, durations, RDF syntax
//! names) lives here.

pub mod build;
pub mod eval;
pub mod export;
pub mod query;
pub mod serve;
pub mod store;
pub mod worker;

use std::path::PathBuf;
use std::time::Duration;
use zhengqi::store::RdfSyntax;

/// Where the store is: the same flag, default and environment variable for every
/// command.
#[derive(clap::Args)]
pub struct StoreArg {
    /// The store folder (an Oxigraph RocksDB database). Defaults to
    /// $ZHENGQI_STORE, else ./zhengqi-store.
    #[arg(
        long,
        env = "ZHENGQI_STORE",
        default_value = "zhengqi-store",
        value_name = "PATH"
    )]
    pub store: PathBuf,
}

/// A time limit: plain seconds (fractions allowed) or a number with `ms`, `s` or `m`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let (number, scale) = if let Some(n) = t.strip_suffix("ms") {
        (n, 0.001)
    } else if let Some(n) = t.strip_suffix('s') {
        (n, 1.0)
    } else if let Some(n) = t.strip_suffix('m') {
        (n, 60.0)
    } else {
        (t, 1.0)
    };
    let value: f64 = number
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a duration (e.g. 30, 2.5, 500ms, 1m)"))?;
    let secs = value * scale;
    if !secs.is_finite() || secs <= 0.0 {
        return Err(format!("{text:?}: the time limit must be positive"));
    }
    Duration::try_from_secs_f64(secs).map_err(|e| format!("{text:?}: {e}"))
}

/// A size in bytes: a plain number, or with a unit (`K`, `M`, `G`, powers of
/// 1024, also written `KiB`, `MiB`, `GiB`, `KB`, `MB`, `GB`).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(format!("{text:?} is not a size (e.g. 1048576, 512MiB, 2G)")),
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a size (e.g. 1048576, 512MiB, 2G)"))?;
    let bytes = value * scale as f64;
    if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
        return Err(format!("{text:?}: the size must be at least one byte"));
    }
    Ok(bytes as u64)
}

pub fn default_inputs(inputs: Vec<PathBuf>) -> Vec<PathBuf> {
    if inputs.is_empty() {
        vec![PathBuf::from("data/samples")]
    } else {
        inputs
    }
}

pub fn rdf_syntax(name: &str) -> Option<RdfSyntax> {
    Some(match name.trim().to_ascii_lowercase().as_str() {
        "turtle" | "ttl" => RdfSyntax::Turtle,
        "ntriples" | "nt" => RdfSyntax::NTriples,
        "nquads" | "nq" => RdfSyntax::NQuads,
        "trig" => RdfSyntax::TriG,
        "rdfxml" | "xml" | "rdf" | "owl" => RdfSyntax::RdfXml,
        "jsonld" | "json-ld" => RdfSyntax::JsonLd,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_with_and_without_units() {
        assert_eq!(parse_duration("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("2.5"), Ok(Duration::from_millis(2500)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("2s"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("1m"), Ok(Duration::from_secs(60)));
        for bad in ["", "0", "-1", "fast", "1h", "NaN"] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn sizes_parse_with_and_without_units() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert_eq!(parse_size("256MiB"), Ok(256 << 20));
        assert_eq!(parse_size("1.5k"), Ok(1536));
        assert_eq!(parse_size("512 MB"), Ok(512 << 20));
        for bad in ["", "0", "-1", "lots", "5T"] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
    }
}
