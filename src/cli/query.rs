//! `zhengqi query`: one SPARQL query, answered as a table or in a standard syntax.

use super::{StoreArg, parse_duration, parse_size};
use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::time::Duration;
use zhengqi::rdf::Term;
use zhengqi::store::isolate::{Limits, Supervised};
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
    #[command(flatten)]
    answer: Output,
    /// Write the answer to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The answer's format and the query's limits (shared with `query-worker`).
#[derive(clap::Args)]
pub struct Output {
    /// Output: table, csv, tsv or json for SELECT and ASK; turtle, ntriples,
    /// jsonld or rdfxml for CONSTRUCT and DESCRIBE (table means turtle there).
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// Stop the query after this long: seconds (`30`, `2.5`) or with a unit
    /// (`500ms`, `2s`, `1m`).
    #[arg(long, default_value = "30", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Stop the query when it uses more memory than this: bytes or with a unit
    /// (`512MiB`, `2GiB`, `1G`).
    #[arg(long, default_value = "2GiB", value_parser = parse_size)]
    pub max_memory: u64,
    /// Cut the answer after this many bytes.
    #[arg(long, default_value = "256MiB", value_parser = parse_size)]
    pub max_response: u64,
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
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?,
        )),
        None => Box::new(std::io::stdout().lock()),
    };
    let code = isolated(&args.store, &args.answer, &text, &mut out)?;
    out.flush()?;
    Ok(code)
}

/// Runs the query in a child process (`query-worker`) and copies its answer to
/// `out`, killing it at the time, memory and size limits: Oxigraph alone
/// cannot stop a join that does not read the store (see `store::isolate`).
fn isolated(store: &StoreArg, o: &Output, text: &str, out: &mut dyn Write) -> Result<ExitCode> {
    let program = std::env::current_exe().context("cannot find this program to run the query")?;
    let format = o
        .format
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default();
    let mut command = Command::new(program);
    command
        .arg(super::worker::NAME)
        .arg("--store")
        .arg(&store.store)
        .args(["--raw-mode", "--format", &format, "--timeout"])
        .arg(o.timeout.as_secs_f64().to_string())
        .args(["--max-response", &o.max_response.to_string()])
        .args(["--max-memory", &o.max_memory.to_string()]);
    let limits = Limits {
        timeout: o.timeout,
        max_memory: o.max_memory,
        max_response: o.max_response,
    };
    let mut child = Supervised::start(command, text.as_bytes(), limits)?;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match child.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                if let Err(e) = out.write_all(&buf[..n]) {
                    child.kill();
                    return Err(e.into());
                }
            }
            Err(e) => {
                return Err(match child.finish() {
                    Err(stopped) => stopped.into(),
                    Ok(_) => e.into(),
                });
            }
        }
    }
    let status = child.finish()?;
    // The child has said why it failed on standard error already.
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(c) => ExitCode::from(c.clamp(1, 255) as u8),
        None => ExitCode::from(2),
    })
}

pub fn query_cmd(
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
    let mut out = LastByte { out, last: None };
    if let Some(r) = results {
        store.answer(text, r, graphs, Some(timeout), |_| Ok(&mut out))?;
        return out.end_line();
    }
    // CONSTRUCT and DESCRIBE stream in their syntax; SELECT and ASK become a
    // table, which needs every row for its widths. Which one it is shows when the
    // answer starts: a table stops the streaming answer before its first row.
    let mut table_wanted = false;
    let streamed = store.answer(text, ResultsSyntax::Json, graphs, Some(timeout), |media| {
        if media == graphs.media_type() {
            Ok(&mut out)
        } else {
            table_wanted = true;
            Err(zhengqi::store::StoreError::Output("a table".into()))
        }
    });
    if !table_wanted {
        streamed?;
        return out.end_line();
    }
    match store.query(text, Some(timeout))? {
        QueryOutput::Boolean(b) => writeln!(out, "{b}")?,
        QueryOutput::Solutions { variables, rows } => {
            write!(out, "{}", table(&variables, &rows))?;
        }
        QueryOutput::Graph(_) => bail!("the query answered with triples on its second run"),
    }
    Ok(())
}

/// Remembers the last byte written, so the answer can end with a line break.
struct LastByte<'a> {
    out: &'a mut dyn Write,
    last: Option<u8>,
}

impl LastByte<'_> {
    /// Every format ends with a line break, so a shell prompt starts on its own.
    fn end_line(&mut self) -> Result<()> {
        if self.last != Some(b'\n') {
            writeln!(self)?;
        }
        Ok(())
    }
}

impl Write for LastByte<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        if n > 0 {
            self.last = Some(buf[n - 1]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
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
