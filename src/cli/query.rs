//! `zhengqi query`: one SPARQL query, answered as a table or in a standard syntax.

use super::{StoreArg, parse_duration};
use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;
use zhengqi::rdf::Term;
use zhengqi::store::{QueryOutput, RdfSyntax, ResultsSyntax, Store};

#[derive(clap::Args)]
pub struct Args {
    /// The query text (or use -f).
    query: Option<String>,
    /// Read the query from a file; `-` reads standard input.
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    file: Option<PathBuf>,
    #[command(flatten)]
    store: StoreArg,
    /// Output: table, csv, tsv or json for SELECT and ASK; turtle, ntriples,
    /// jsonld or rdfxml for CONSTRUCT and DESCRIBE (table means turtle there).
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    format: TableFormat,
    /// Stop the query after this long: seconds (`30`, `2.5`) or with a unit
    /// (`500ms`, `2s`, `1m`).
    #[arg(long, default_value = "30", value_parser = parse_duration)]
    timeout: Duration,
    /// Write the answer to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum TableFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Turtle,
    Ntriples,
    Jsonld,
    Rdfxml,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let text = match (args.query, args.file) {
        (Some(q), None) => q,
        (None, Some(f)) if f.as_os_str() == "-" => {
            let mut q = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut q)
                .context("standard input: cannot read the query")?;
            q
        }
        (None, Some(f)) => std::fs::read_to_string(&f)
            .with_context(|| format!("{}: cannot read query", f.display()))?,
        _ => bail!("give a query or -f FILE, not both or neither"),
    };
    if zhengqi::store::is_update(&text) {
        bail!(
            "this is a SPARQL update; the store is read-only here. Change it with `zhengqi build` (articles), `zhengqi load` (RDF files) or `zhengqi articles --remove ID`"
        );
    }
    let store = Store::open_read_only(&args.store.store)?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?,
        )),
        None => Box::new(std::io::stdout().lock()),
    };
    query_cmd(&store, &text, args.format, args.timeout, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn query_cmd(
    store: &Store,
    text: &str,
    format: TableFormat,
    timeout: Duration,
    out: &mut dyn Write,
) -> Result<()> {
    let (results, graphs) = match format {
        TableFormat::Table => (None, RdfSyntax::Turtle),
        TableFormat::Csv => (Some(ResultsSyntax::Csv), RdfSyntax::Turtle),
        TableFormat::Tsv => (Some(ResultsSyntax::Tsv), RdfSyntax::Turtle),
        TableFormat::Json => (Some(ResultsSyntax::Json), RdfSyntax::JsonLd),
        TableFormat::Turtle => (None, RdfSyntax::Turtle),
        TableFormat::Ntriples => (None, RdfSyntax::NTriples),
        TableFormat::Jsonld => (None, RdfSyntax::JsonLd),
        TableFormat::Rdfxml => (None, RdfSyntax::RdfXml),
    };
    if let Some(r) = results {
        let s = store.query_serialized(text, r, graphs, Some(timeout))?;
        out.write_all(&s.body)?;
        // Every format ends with a line break, so a shell prompt starts on its own.
        if !s.body.ends_with(b"\n") {
            writeln!(out)?;
        }
        return Ok(());
    }
    match store.query(text, Some(timeout))? {
        QueryOutput::Boolean(b) => writeln!(out, "{b}")?,
        QueryOutput::Solutions { variables, rows } => {
            write!(out, "{}", table(&variables, &rows))?;
        }
        QueryOutput::Graph(_) => {
            let s = store.query_serialized(text, ResultsSyntax::Json, graphs, Some(timeout))?;
            out.write_all(&s.body)?;
            if !s.body.ends_with(b"\n") {
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// Renders solutions as an aligned table; CJK characters count two columns.
fn table(vars: &[String], rows: &[Vec<Option<Term>>]) -> String {
    use unicode_width::UnicodeWidthStr;
    let cell = |t: &Option<Term>| match t {
        None => String::new(),
        Some(Term::Iri(i)) => shorten(i),
        Some(t) => t.value().to_string(),
    };
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(cell).collect()).collect();
    let mut widths: Vec<usize> = vars.iter().map(|v| v.width() + 1).collect();
    for r in &cells {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.width());
        }
    }
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
    let mut out = String::new();
    let head: Vec<String> = vars
        .iter()
        .enumerate()
        .map(|(i, v)| pad(&format!("?{v}"), widths[i]))
        .collect();
    out.push_str(head.join(" | ").trim_end());
    out.push('\n');
    out.push_str(
        &widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-"),
    );
    out.push('\n');
    for r in &cells {
        let line: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(i, c)| pad(c, widths[i]))
            .collect();
        out.push_str(line.join(" | ").trim_end());
        out.push('\n');
    }
    out.push_str(&format!("({} rows)\n", rows.len()));
    out
}

fn shorten(iri: &str) -> String {
    for (p, ns) in zhengqi::rdf::PREFIXES {
        if let Some(rest) = iri.strip_prefix(ns) {
            return format!("{p}:{rest}");
        }
    }
    format!("<{iri}>")
}
