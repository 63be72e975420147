//! `zhengqi serve`: the read-only SPARQL endpoint and the browser page.

use super::{StoreArg, parse_duration};
use anyhow::Result;
use std::process::ExitCode;
use std::time::Duration;
use zhengqi::store::Store;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: StoreArg,
    /// Address to listen on; port 0 picks a free port (the address is printed).
    #[arg(long, default_value = "127.0.0.1:7878")]
    bind: String,
    /// Per-query time limit: seconds (`30`, `2.5`) or with a unit (`500ms`, `2s`, `1m`).
    #[arg(long, default_value = "30", value_parser = parse_duration)]
    timeout: Duration,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = Store::open_read_only(&args.store.store)?;
    // serve() announces the address once it listens.
    zhengqi::serve::serve(store, &args.bind, args.timeout)?;
    Ok(ExitCode::SUCCESS)
}
