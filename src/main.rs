//! The `zhengqi` command line: declarative flags (clap) and a thin dispatch onto the
//! library. Exit codes: 0 success, 1 some documents failed but the rest was stored,
//! 2 usage or fatal error.

mod cli;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::process::ExitCode;

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
    Build(cli::build::Args),
    /// Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the store.
    ///
    /// Prefixes zq:, id:, rdf:, rdfs:, skos:, dcterms:, xsd:, owl:, prov: are
    /// predeclared. The default graph is the union of all articles' graphs.
    Query(cli::query::Args),
    /// What the store holds: articles, entities per type, relations per
    /// predicate, graphs, size on disk, when it was last written.
    Stats(cli::store::StatsArgs),
    /// List the articles in the store, or remove some (`--remove ID`, repeatable):
    /// an article's graph goes, with the facts no other article states.
    Articles(cli::store::ArticlesArgs),
    /// Add an RDF file (Turtle, N-Triples, N-Quads, TriG, RDF/XML) to the store.
    ///
    /// Triples go into the named graph https://zhengqi.dev/graph/load/<file stem>
    /// (replaced if it was loaded before), so your own ontology extension or
    /// another dataset sits beside the articles; N-Quads and TriG keep their
    /// graphs. Loading uses Oxigraph's bulk loader.
    Load(cli::store::LoadArgs),
    /// Write the store as RDF or as a network file for graph tools.
    Export(cli::export::Args),
    /// Score extraction against gold annotations (shared/gold/FORMAT.md).
    Eval(cli::eval::EvalArgs),
    /// Check mention detection on CLUENER-style labelled sentences (JSON Lines).
    ///
    /// Each sentence is read as its own plain article; mention spans are compared
    /// with the labels (company, government, name, organization, position, address)
    /// and exact-span and overlap P/R/F1 are printed per type.
    NerCheck(cli::eval::NerCheckArgs),
    /// Serve a read-only SPARQL endpoint and a graph browser.
    Serve(cli::serve::Args),
    /// Runs one query for `serve` or `query`, which watch it (internal).
    #[command(name = "query-worker", hide = true)]
    QueryWorker(cli::worker::Args),
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
        Command::Build(args) => cli::build::run(args),
        Command::Query(args) => cli::query::run(args),
        Command::Stats(args) => cli::store::stats(args),
        Command::Articles(args) => cli::store::articles(args),
        Command::Load(args) => cli::store::load(args),
        Command::Export(args) => cli::export::run(args),
        Command::Eval(args) => cli::eval::eval(args),
        Command::NerCheck(args) => cli::eval::ner_check(args),
        Command::Serve(args) => cli::serve::run(args),
        Command::QueryWorker(args) => cli::worker::run(args),
    }
}
