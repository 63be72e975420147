//! The subcommands, one module each: its flags (a clap `Args` struct) and its
//! `run`. What several commands share (the store flag, durations, RDF syntax
//! names) lives here.

pub mod build;
pub mod eval;
pub mod export;
pub mod query;
pub mod serve;
pub mod store;

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
}
