//! The `zhengqi` command line: declarative flags (clap) and a thin dispatch onto the
//! library. Exit codes: 0 success, 1 some documents failed but the rest was stored,
//! 2 usage or fatal error.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;
use zhengqi::eval;
use zhengqi::export::{self, Filter, GraphFormat};
use zhengqi::gazetteer::Gazetteer;
use zhengqi::pipeline;
use zhengqi::rdf::Term;
use zhengqi::store::{QueryOutput, RdfSyntax, ResultsSyntax, Store};

/// zhengqi (政企): Chinese local-government and business news in, knowledge graph out.
///
/// Reads newspaper page records, plain articles and JSON Lines corpora, extracts
/// divisions, agencies, companies, organisations, people and initiatives, links them
/// into one node per real thing, and stores the graph as RDF in an embedded store
/// you can query with SPARQL and export for Gephi, Cytoscape, yEd and Graphviz.
#[derive(Parser)]
#[command(name = "zhengqi", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read documents, extract and link entities, write them into the store.
    ///
    /// Each article's facts go into a named graph of its own, so building the same
    /// article again replaces them: the same input twice gives an identical store.
    Build {
        /// Files or folders (walked recursively; .txt .md .jsonl .ndjson), `-` for stdin.
        /// Without inputs, the bundled samples in data/samples are read.
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        /// Extra divisions, TSV: code, name, level, parent code, short forms.
        #[arg(long)]
        gazetteer: Vec<PathBuf>,
        /// A folder of word lists that extend the bundled ones (files named as in
        /// data/lexicon, e.g. posts.txt; see data/lexicon/README.md).
        #[arg(long, value_name = "DIR")]
        lexicon: Option<PathBuf>,
        /// Extraction threads; 0 means one per core.
        #[arg(long, short = 'j', default_value_t = 0)]
        jobs: usize,
        /// No progress bar (it is shown only when standard error is a terminal).
        #[arg(long, short = 'q')]
        quiet: bool,
    },
    /// Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the store.
    ///
    /// Prefixes zq:, id:, rdf:, rdfs:, skos:, dcterms:, xsd:, owl:, prov: are
    /// predeclared. The default graph is the union of all articles' graphs.
    Query {
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
    },
    /// What the store holds: articles, entities per type, relations per
    /// predicate, graphs, size on disk, when it was last written.
    Stats {
        #[command(flatten)]
        store: StoreArg,
    },
    /// List the articles in the store, or remove some (`--remove ID`, repeatable):
    /// an article's graph goes, with the facts no other article states.
    Articles {
        #[command(flatten)]
        store: StoreArg,
        /// Article ids to remove, as listed (e.g. zjrb-20230417-13/2).
        #[arg(long, value_name = "ID")]
        remove: Vec<String>,
    },
    /// Add an RDF file (Turtle, N-Triples, N-Quads, TriG, RDF/XML) to the store.
    ///
    /// Triples go into the named graph https://zhengqi.dev/graph/load/<file stem>
    /// (replaced if it was loaded before), so your own ontology extension or
    /// another dataset sits beside the articles; N-Quads and TriG keep their
    /// graphs. Loading uses Oxigraph's bulk loader.
    Load {
        /// The RDF file; the syntax comes from its extension unless --format says.
        file: PathBuf,
        #[command(flatten)]
        store: StoreArg,
        /// turtle, ntriples, nquads, trig or rdfxml.
        #[arg(long)]
        format: Option<String>,
    },
    /// Write the store as RDF or as a network file for graph tools.
    Export {
        #[command(flatten)]
        store: StoreArg,
        /// turtle, ntriples, nquads, trig, rdfxml, jsonld, graphml, gexf, dot, cytoscape, csv
        #[arg(long, default_value = "turtle")]
        format: String,
        /// Output file (a folder for csv). Standard output if absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Keep only these entity types (graph formats), e.g. --type Agency --type Initiative.
        #[arg(long = "type")]
        types: Vec<String>,
        /// Keep the neighbourhood of the entity with this name (graph formats).
        #[arg(long)]
        around: Option<String>,
        /// Neighbourhood radius for --around.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Keep what one article supports (article id such as zjrb-20230417-13/2).
        #[arg(long)]
        article: Option<String>,
    },
    /// Score extraction against gold annotations (shared/gold/FORMAT.md).
    Eval {
        /// A gold JSON file or a folder of them.
        #[arg(long)]
        gold: PathBuf,
        /// Documents to build; by default those the gold files name, looked up
        /// beside the given inputs.
        inputs: Vec<PathBuf>,
        /// List every false positive and false negative.
        #[arg(short, long)]
        verbose: bool,
    },
    /// Check mention detection on CLUENER-style labelled sentences (JSON Lines).
    ///
    /// Each sentence is read as its own plain article; mention spans are compared
    /// with the labels (company, government, name, organization, position, address)
    /// and exact-span and overlap P/R/F1 are printed per type.
    NerCheck {
        /// The JSON Lines file, e.g. ../shared/ner/cluener2020/dev.jsonl.
        path: PathBuf,
        /// Also list up to N false negatives, false positives and boundary
        /// disagreements per type.
        #[arg(long, value_name = "N")]
        verbose: Option<usize>,
    },
    /// Serve a read-only SPARQL endpoint and a graph browser.
    Serve {
        #[command(flatten)]
        store: StoreArg,
        /// Address to listen on; port 0 picks a free port (the address is printed).
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: String,
        /// Per-query time limit: seconds (`30`, `2.5`) or with a unit (`500ms`, `2s`, `1m`).
        #[arg(long, default_value = "30", value_parser = parse_duration)]
        timeout: Duration,
    },
}

/// Where the store is: the same flag, default and environment variable for every
/// command.
#[derive(clap::Args)]
struct StoreArg {
    /// The store folder (an Oxigraph RocksDB database). Defaults to
    /// $ZHENGQI_STORE, else ./zhengqi-store.
    #[arg(
        long,
        env = "ZHENGQI_STORE",
        default_value = "zhengqi-store",
        value_name = "PATH"
    )]
    store: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum TableFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Turtle,
    Ntriples,
    Jsonld,
    Rdfxml,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that went away (`zhengqi query ... | head`) is not an error:
        // the output it wanted was written.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zhengqi: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.to_string().contains("Broken pipe")
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build {
            inputs,
            store,
            gazetteer,
            lexicon,
            jobs,
            quiet,
        } => {
            if let Some(dir) = &lexicon {
                zhengqi::extract::extend_lexicons(dir)?;
            }
            build(inputs, &store.store, &gazetteer, jobs, quiet)
        }
        Command::Query {
            query,
            file,
            store,
            format,
            timeout,
            output,
        } => {
            let text = match (query, file) {
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
            let store = Store::open_read_only(&store.store)?;
            let mut out: Box<dyn Write> = match &output {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .with_context(|| format!("{}: cannot create", p.display()))?,
                )),
                None => Box::new(std::io::stdout().lock()),
            };
            query_cmd(&store, &text, format, timeout, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats { store } => stats_cmd(&store.store),
        Command::Articles { store, remove } => articles_cmd(&store.store, &remove),
        Command::Export {
            store,
            format,
            output,
            types,
            around,
            depth,
            article,
        } => {
            let store = Store::open_read_only(&store.store)?;
            export_cmd(
                &store,
                &format,
                output.as_deref(),
                Filter {
                    types,
                    around,
                    depth,
                    article,
                },
            )
        }
        Command::Eval {
            gold,
            inputs,
            verbose,
        } => eval_cmd(&gold, inputs, verbose),
        Command::Load {
            file,
            store,
            format,
        } => load_cmd(&file, &store.store, format.as_deref()),
        Command::NerCheck { path, verbose } => {
            let report = zhengqi::nercheck::check(&path, &Gazetteer::bundled())?;
            print!("{}", report.table());
            if let Some(n) = verbose {
                print!("{}", report.examples_text(n));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            store,
            bind,
            timeout,
        } => {
            let store = Store::open_read_only(&store.store)?;
            // serve() announces the address once it listens.
            zhengqi::serve::serve(store, &bind, timeout)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A time limit: plain seconds (fractions allowed) or a number with `ms`, `s` or `m`.
fn parse_duration(text: &str) -> Result<Duration, String> {
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

fn default_inputs(inputs: Vec<PathBuf>) -> Vec<PathBuf> {
    if inputs.is_empty() {
        vec![PathBuf::from("data/samples")]
    } else {
        inputs
    }
}

fn build(
    inputs: Vec<PathBuf>,
    store_path: &Path,
    gazetteer: &[PathBuf],
    jobs: usize,
    quiet: bool,
) -> Result<ExitCode> {
    let gaz = load_gazetteer(gazetteer)?;
    let store = Store::open(store_path)?;
    let inputs = default_inputs(inputs);
    let bar = progress_bar(&inputs, quiet);
    let mut problems = 0usize;
    let summary = pipeline::build(
        &store,
        &inputs,
        &gaz,
        &pipeline::Options { jobs },
        |event| match event {
            pipeline::Event::Skipped(p) => {
                problems += 1;
                let line = format!("zhengqi: skipped: {p}");
                match &bar {
                    Some(bar) => bar.suspend(|| eprintln!("{line}")),
                    None => eprintln!("{line}"),
                }
            }
            pipeline::Event::Progress(p) => {
                if let Some(bar) = &bar {
                    bar.set_position(p.bytes);
                    bar.set_message(format!(
                        "{} documents, {} articles",
                        p.documents, p.articles
                    ));
                }
            }
        },
    )?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    drop(store);
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "documents: {} read, {} skipped; articles: {} ({} skipped)",
        summary.documents_read,
        summary.documents_skipped,
        summary.articles,
        summary.articles_skipped
    )?;
    writeln!(out, "entities:")?;
    for (t, n) in &summary.entities {
        writeln!(out, "  {:<14} {n}", t.name())?;
    }
    writeln!(out, "relations:")?;
    for (p, n) in &summary.relations {
        writeln!(out, "  {:<16} {n}", p.name())?;
    }
    writeln!(out, "quads written to article graphs: {}", summary.quads)?;
    writeln!(out, "store: {}", store_path.display())?;
    writeln!(out, "time: {:.2}s", summary.elapsed.as_secs_f64())?;
    Ok(if problems > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress bar on standard error when it is a terminal (and not `--quiet`):
/// bytes of text against the inputs' total size, with the rate and time left.
fn progress_bar(inputs: &[PathBuf], quiet: bool) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let total = pipeline::input_size(inputs);
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}

fn load_gazetteer(files: &[PathBuf]) -> Result<Gazetteer> {
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    Ok(Gazetteer::with_files(&refs)?)
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

fn stats_cmd(path: &Path) -> Result<ExitCode> {
    let store = Store::open_read_only(path)?;
    let stats = store.stats()?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "store: {}", path.display())?;
    writeln!(out, "articles: {}", stats.articles)?;
    writeln!(out, "entities:")?;
    for (t, n) in &stats.entities {
        writeln!(out, "  {t:<14} {n}")?;
    }
    writeln!(out, "relations:")?;
    for (p, n) in &stats.relations {
        writeln!(out, "  {p:<16} {n}")?;
    }
    writeln!(out, "named graphs: {}", stats.graphs)?;
    writeln!(out, "distinct facts (default graph): {}", stats.facts)?;
    writeln!(
        out,
        "size on disk: {:.1} MiB",
        stats.bytes as f64 / 1048576.0
    )?;
    if let Some(t) = stats.modified {
        let secs = t
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        writeln!(out, "last written: {} (Unix time {secs})", age(t))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// How long ago `t` was, in words.
fn age(t: std::time::SystemTime) -> String {
    let secs = t.elapsed().map(|d| d.as_secs()).unwrap_or(0);
    match secs {
        s if s < 120 => format!("{s} seconds ago"),
        s if s < 7200 => format!("{} minutes ago", s / 60),
        s if s < 172_800 => format!("{} hours ago", s / 3600),
        s => format!("{} days ago", s / 86_400),
    }
}

fn articles_cmd(path: &Path, remove: &[String]) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if remove.is_empty() {
        let store = Store::open_read_only(path)?;
        for (id, title) in store.articles()? {
            writeln!(out, "{id}\t{title}")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let store = Store::open(path)?;
    let mut missing = 0;
    for id in remove {
        if store.remove_graph(&zhengqi::rdf::article_graph(id))? {
            writeln!(out, "removed {id}")?;
        } else {
            eprintln!("zhengqi: no article {id} in {}", path.display());
            missing += 1;
        }
    }
    Ok(if missing > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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

fn rdf_syntax(name: &str) -> Option<RdfSyntax> {
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

fn load_cmd(file: &Path, store_path: &Path, format: Option<&str>) -> Result<ExitCode> {
    let name = match format {
        Some(f) => f.to_string(),
        None => file
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let syntax = rdf_syntax(&name).with_context(|| {
        format!(
            "{}: cannot tell the RDF syntax from `{name}`; give --format (turtle, ntriples, nquads, trig, rdfxml)",
            file.display()
        )
    })?;
    let reader =
        std::fs::File::open(file).with_context(|| format!("{}: cannot read", file.display()))?;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "data".into());
    let graph = format!(
        "{}load/{}",
        zhengqi::rdf::GRAPH,
        zhengqi::rdf::iri_segment(&stem)
    );
    let store = Store::open(store_path)?;
    let n = store
        .load_rdf(std::io::BufReader::new(reader), syntax, &graph)
        .with_context(|| file.display().to_string())?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{n} quads loaded from {} into <{graph}>",
        file.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn export_cmd(
    store: &Store,
    format: &str,
    output: Option<&Path>,
    filter: Filter,
) -> Result<ExitCode> {
    let format = format.trim().to_ascii_lowercase();
    let rdf = rdf_syntax(&format);
    if let Some(syntax) = rdf {
        if filter != Filter::default() {
            bail!(
                "--type, --around, --depth and --article apply to the network formats (graphml, gexf, dot, cytoscape, csv); `{format}` always writes the whole store"
            );
        }
        match output {
            Some(p) => {
                let f = std::fs::File::create(p)
                    .with_context(|| format!("{}: cannot create", p.display()))?;
                let mut w = std::io::BufWriter::new(f);
                store.export(syntax, &mut w)?;
                // A full disk shows here, not silently when the writer is dropped.
                w.flush()
                    .with_context(|| format!("{}: cannot write", p.display()))?;
            }
            None => store.export(syntax, std::io::stdout().lock())?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    let graph = GraphFormat::parse(&format).with_context(|| {
        format!("unknown export format `{format}` (turtle, ntriples, nquads, trig, rdfxml, jsonld, graphml, gexf, dot, cytoscape, csv)")
    })?;
    export::write_graph(store, graph, &filter, output)?;
    Ok(ExitCode::SUCCESS)
}

fn eval_cmd(gold: &Path, inputs: Vec<PathBuf>, verbose: bool) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let gold_files: Vec<PathBuf> = if gold.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(gold)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        v.sort();
        v
    } else {
        vec![gold.to_path_buf()]
    };
    let gaz = Gazetteer::bundled();
    let inputs = default_inputs(inputs);
    let mut total = eval::Report::default();
    let mut failed = false;
    for g in &gold_files {
        let gold = eval::load_gold(g)?;
        // The document the gold annotates: an input with that file name, or one
        // inside an input folder; `file.jsonl#id` names one record of a corpus.
        let (file, item) = match gold.document.split_once('#') {
            Some((f, id)) => (f.to_string(), Some(id.to_string())),
            None => (gold.document.clone(), None),
        };
        let doc = inputs.iter().find_map(|i| {
            if i.file_name().is_some_and(|n| n == file.as_str()) {
                Some(i.clone())
            } else if i.is_dir() && i.join(&file).exists() {
                Some(i.join(&file))
            } else {
                None
            }
        });
        let Some(doc) = doc else {
            if gold_files.len() == 1 {
                bail!(
                    "{}: document {} not found among the inputs",
                    g.display(),
                    gold.document
                );
            }
            continue;
        };
        let store = Store::memory()?;
        pipeline::build_from(
            &store,
            pipeline::select(std::slice::from_ref(&doc), item.as_deref()),
            &gaz,
            &pipeline::Options::default(),
            |event| {
                if let pipeline::Event::Skipped(p) = event {
                    eprintln!("zhengqi: skipped: {p}");
                    failed = true;
                }
            },
        )?;
        let report = eval::score(&store, &gold)?;
        let (e, r) = (report.entity_total(), report.relation_total());
        writeln!(
            out,
            "{:<28} entities P {:.3} R {:.3} F1 {:.3} | relations P {:.3} R {:.3} F1 {:.3}",
            gold.document,
            e.precision(),
            e.recall(),
            e.f1(),
            r.precision(),
            r.recall(),
            r.f1()
        )?;
        if verbose {
            for err in &report.errors {
                writeln!(out, "    {err}")?;
            }
        }
        total.merge(report);
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<16} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7}",
        "", "tp", "fp", "fn", "P", "R", "F1"
    )?;
    for (name, c) in total.entities.iter().chain(total.relations.iter()) {
        writeln!(
            out,
            "{:<16} {:>5} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}",
            name,
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall(),
            c.f1()
        )?;
    }
    let (e, r) = (total.entity_total(), total.relation_total());
    writeln!(
        out,
        "{:<16} {:>5} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}",
        "ENTITIES",
        e.tp,
        e.fp,
        e.fn_,
        e.precision(),
        e.recall(),
        e.f1()
    )?;
    writeln!(
        out,
        "{:<16} {:>5} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}",
        "RELATIONS",
        r.tp,
        r.fp,
        r.fn_,
        r.precision(),
        r.recall(),
        r.f1()
    )?;
    writeln!(out, "entity F1 {:.3}", e.f1())?;
    writeln!(out, "relation F1 {:.3}", r.f1())?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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
