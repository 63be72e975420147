//! `zhengqi build`: documents in, the store written, a summary out.

use super::{StoreArg, default_inputs};
use anyhow::Result;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zhengqi::gazetteer::Gazetteer;
use zhengqi::pipeline;
use zhengqi::store::Store;

#[derive(clap::Args)]
pub struct Args {
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
}

pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(dir) = &args.lexicon {
        zhengqi::extract::extend_lexicons(dir)?;
    }
    build(
        args.inputs,
        &args.store.store,
        &args.gazetteer,
        args.jobs,
        args.quiet,
    )
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

pub fn load_gazetteer(files: &[PathBuf]) -> Result<Gazetteer> {
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    Ok(Gazetteer::with_files(&refs)?)
}
