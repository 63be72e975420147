//! `zhengqi serve`: the read-only SPARQL endpoint and the browser page.

use super::{StoreArg, parse_duration, parse_size};
use anyhow::{Context, Result};
use std::process::ExitCode;
use std::time::Duration;
use zhengqi::serve::Options;
use zhengqi::store::Store;
use zhengqi::store::isolate::Launcher;

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
    /// Memory one query may use (its process's resident size): bytes or with a
    /// unit (`512MiB`, `2GiB`, `1G`).
    #[arg(long, default_value = "2GiB", value_parser = parse_size)]
    max_memory: u64,
    /// Bytes one answer may have; a longer answer is cut.
    #[arg(long, default_value = "256MiB", value_parser = parse_size)]
    max_response: u64,
    /// Queries that run at once (each in a process of its own).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=256))]
    workers: u64,
    /// Queries that may wait for a worker; past that, 503 with Retry-After.
    #[arg(long, default_value_t = 16)]
    queue: usize,
    /// Open connections at once; past that, 503 at once.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    connections: u64,
    /// How long a client may take to send its request or to take each part of
    /// the answer.
    #[arg(long, default_value = "10", value_parser = parse_duration)]
    io_timeout: Duration,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = Store::open_read_only(&args.store.store)?;
    let program = std::env::current_exe().context("cannot find this program to run queries")?;
    let mut options = Options::new(args.timeout);
    options.limits.max_memory = args.max_memory;
    options.limits.max_response = args.max_response;
    options.workers = args.workers as usize;
    options.queue = args.queue;
    options.connections = args.connections as usize;
    options.io_timeout = args.io_timeout;
    options.launcher = Some(Launcher {
        program,
        args: vec![
            super::worker::NAME.into(),
            "--store".into(),
            args.store.store.clone().into_os_string(),
        ],
    });
    // serve() announces the address once it listens.
    zhengqi::serve::serve(store, &args.bind, options)?;
    Ok(ExitCode::SUCCESS)
}
