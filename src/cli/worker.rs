//! `zhengqi query-worker` (hidden): one query in a process of its own, started
//! by `serve` (framed answer) and by `query` (raw answer) so that the parent can
//! kill it at its time, memory and size limits; see `zhengqi::store::isolate`.

use super::StoreArg;
use anyhow::Result;
use std::io::Write;
use std::process::ExitCode;
use zhengqi::store::{Limited, Store, isolate};

/// The subcommand's name, as the parents start it.
pub const NAME: &str = "query-worker";

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: StoreArg,
    #[command(flatten)]
    raw: super::query::Output,
    /// Answer as `zhengqi query` would (the query on standard input, the answer
    /// raw on standard output, in `--format`) instead of in frames.
    #[arg(long)]
    raw_mode: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    isolate::exit_with_parent();
    let store = Store::open_read_only(&args.store.store)?;
    if !args.raw_mode {
        isolate::serve_query(&store, std::io::stdin().lock(), std::io::stdout().lock())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)?;
    let o = &args.raw;
    let mut out = Limited::new(
        std::io::BufWriter::new(std::io::stdout().lock()),
        o.max_response,
    );
    super::query::query_cmd(&store, &text, o.format, o.timeout, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
