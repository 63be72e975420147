//! `zhengqi export`: the store as RDF, or as a network for graph tools.

use super::{StoreArg, rdf_syntax};
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zhengqi::export::{self, Filter, GraphFormat};
use zhengqi::store::Store;

#[derive(clap::Args)]
pub struct Args {
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
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = Store::open_read_only(&args.store.store)?;
    export_cmd(
        &store,
        &args.format,
        args.output.as_deref(),
        Filter {
            types: args.types,
            around: args.around,
            depth: args.depth,
            article: args.article,
        },
    )
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
