//! The commands that look after the store itself: `stats`, `articles` and `load`.

use super::{StoreArg, rdf_syntax};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zhengqi::store::Store;

#[derive(clap::Args)]
pub struct StatsArgs {
    #[command(flatten)]
    store: StoreArg,
}

#[derive(clap::Args)]
pub struct ArticlesArgs {
    #[command(flatten)]
    store: StoreArg,
    /// Article ids to remove, as listed (e.g. zjrb-20230417-13/2).
    #[arg(long, value_name = "ID")]
    remove: Vec<String>,
}

#[derive(clap::Args)]
pub struct LoadArgs {
    /// The RDF file; the syntax comes from its extension unless --format says.
    file: PathBuf,
    #[command(flatten)]
    store: StoreArg,
    /// turtle, ntriples, nquads, trig or rdfxml.
    #[arg(long)]
    format: Option<String>,
}

pub fn stats(args: StatsArgs) -> Result<ExitCode> {
    stats_cmd(&args.store.store)
}

pub fn articles(args: ArticlesArgs) -> Result<ExitCode> {
    articles_cmd(&args.store.store, &args.remove)
}

pub fn load(args: LoadArgs) -> Result<ExitCode> {
    load_cmd(&args.file, &args.store.store, args.format.as_deref())
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
