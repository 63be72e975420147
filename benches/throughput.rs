//! Throughput benchmark: prints figures, asserts nothing. `cargo bench` runs it.
//!
//! Input: the bundled samples (`data/samples`) and the shared sample page
//! (`../shared/corpus`), copied N times under new file names (and, in JSON Lines,
//! new record ids) into a temporary folder until they hold about
//! `ZHENGQI_BENCH_MB` megabytes of text (default 10). Stages:
//!
//! - `build (end to end)`: `pipeline::build` into an on-disk store, as `zhengqi build`
//!   does, then the snapshot save;
//! - `read+extract+link`: reading, mention extraction and linking into per-document
//!   graphs;
//! - `RDF mapping` and `Oxigraph load`: the article quads, and loading them into an
//!   in-memory store (one transaction per article graph);
//! - each query in `queries/*.rq` plus two over the whole store, on a store of one
//!   copy of the sources and on the full one (`ZHENGQI_BENCH_QUERY_TIMEOUT` seconds
//!   at most per run, default 10; a query that takes longer is reported, not fatal);
//! - each export: the RDF syntaxes and the network formats.
//!
//! Peak memory is VmHWM from /proc/self/status, reset before each stage through
//! /proc/self/clear_refs where the kernel allows it.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use zhengqi::export::{self, Filter, GraphFormat};
use zhengqi::gazetteer::Gazetteer;
use zhengqi::graph::KnowledgeGraph;
use zhengqi::link;
use zhengqi::pipeline;
use zhengqi::rdf;
use zhengqi::read::DocumentStream;
use zhengqi::store::{QueryOutput, RdfSyntax, Store};

struct Row {
    stage: String,
    secs: f64,
    /// Documents and characters the stage covers (the whole corpus, or none for
    /// a query).
    per: Option<(usize, usize)>,
    note: String,
    peak_kib: Option<u64>,
}

/// Counts what is written, keeps nothing.
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn status_kib(field: &str) -> Option<u64> {
    let s = fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the peak resident set size (Linux 4.0+); false where not allowed.
fn reset_peak() -> bool {
    fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn machine() -> String {
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let mem = status_kib_file("/proc/meminfo", "MemTotal:")
        .map(|k| format!("{:.0} GiB", k as f64 / 1024.0 / 1024.0))
        .unwrap_or_else(|| "? GiB".into());
    format!("{cpu}, {cores} cores, {mem} RAM")
}

fn status_kib_file(path: &str, field: &str) -> Option<u64> {
    let s = fs::read_to_string(path).ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The source files: every sample plus the shared page when it is there.
fn sources(root: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(root.join("data/samples"))
        .expect("data/samples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x == "txt" || x == "md" || x == "jsonl")
        })
        .collect();
    let page = root.join("../shared/corpus/zjrb-20230417-13.txt");
    if page.exists() {
        v.push(page);
    }
    v.sort();
    v
}

/// Writes `copies` copies of the sources into `dir` under new names, giving JSON
/// Lines records new ids; returns the number of characters written.
fn replicate(sources: &[(PathBuf, String)], copies: usize, dir: &Path) -> usize {
    let mut chars = 0;
    for c in 0..copies {
        for (path, text) in sources {
            let name = path.file_name().unwrap().to_string_lossy();
            let target = dir.join(format!("c{c:04}-{name}"));
            let body = if path.extension().is_some_and(|x| x == "jsonl") {
                let mut out = String::new();
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    let mut v: serde_json::Value = serde_json::from_str(line).expect("sample JSON");
                    if let Some(id) = v.get("id").and_then(|i| i.as_str()).map(str::to_string) {
                        v["id"] = serde_json::Value::String(format!("{id}-c{c:04}"));
                    }
                    out.push_str(&v.to_string());
                    out.push('\n');
                }
                out
            } else {
                text.clone()
            };
            chars += body.chars().count();
            fs::write(&target, body).expect("write copy");
        }
    }
    chars
}

/// Mean time of one query, the runs made and the answer size: repeated until a
/// second has passed (at least 3 runs, at most 200); an error or a query slower
/// than `limit` stops it.
fn bench_query(store: &Store, q: &str, limit: Duration) -> Result<(f64, usize, usize), String> {
    let mut runs = 0;
    let mut total = Duration::ZERO;
    let mut answer = 0;
    while runs < 3 || (total < Duration::from_secs(1) && runs < 200) {
        let t = Instant::now();
        answer = match store.query(q, Some(limit)).map_err(|e| e.to_string())? {
            QueryOutput::Solutions { rows, .. } => rows.len(),
            QueryOutput::Boolean(b) => b as usize,
            QueryOutput::Graph(t) => t.len(),
        };
        total += t.elapsed();
        runs += 1;
    }
    Ok((total.as_secs_f64() / runs as f64, runs, answer))
}

fn time<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let out = f();
    (out, t.elapsed().as_secs_f64())
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target_mb: f64 = std::env::var("ZHENGQI_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10.0);
    let srcs: Vec<(PathBuf, String)> = sources(&root)
        .into_iter()
        .map(|p| {
            let t = fs::read_to_string(&p).expect("read sample");
            (p, t)
        })
        .collect();
    let set_bytes: usize = srcs.iter().map(|(_, t)| t.len()).sum();
    let copies = ((target_mb * 1e6) / set_bytes as f64).ceil().max(1.0) as usize;
    let tmp = std::env::temp_dir().join(format!("zhengqi-bench-{}", std::process::id()));
    let corpus = tmp.join("corpus");
    fs::create_dir_all(&corpus).expect("temp dir");
    let chars = replicate(&srcs, copies, &corpus);
    let bytes: u64 = fs::read_dir(&corpus)
        .unwrap()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    let gaz = Gazetteer::bundled();
    let inputs = vec![corpus.clone()];
    let mut rows: Vec<Row> = Vec::new();
    let can_reset = reset_peak();

    // 1. End to end, as `zhengqi build` runs: streaming, on-disk store, snapshot.
    reset_peak();
    let store_dir = tmp.join("store");
    let (summary, secs) = time(|| {
        let store = Store::open(&store_dir).expect("open store");
        let s =
            pipeline::build(&store, &inputs, &gaz, |e| panic!("read error: {e}")).expect("build");
        (s, store)
    });
    let (summary, disk_store) = summary;
    let docs = summary.documents_read;
    rows.push(Row {
        stage: "build (end to end)".into(),
        secs,
        per: Some((docs, chars)),
        note: format!("{} articles, {} triples", summary.articles, summary.triples),
        peak_kib: status_kib("VmHWM:"),
    });
    let ((), secs) = time(|| disk_store.save().expect("save"));
    let snapshot = fs::metadata(store_dir.join("store.nq"))
        .map(|m| m.len())
        .unwrap_or(0);
    rows.push(Row {
        stage: "  snapshot save".into(),
        secs,
        per: Some((docs, chars)),
        note: format!("{:.1} MB N-Quads", snapshot as f64 / 1e6),
        peak_kib: status_kib("VmHWM:"),
    });
    drop(disk_store);

    // 2. Read + extract + link, kept for the next stages.
    reset_peak();
    let (graphs, secs) = time(|| {
        let mut out: Vec<(KnowledgeGraph, Vec<usize>)> = Vec::new();
        for doc in DocumentStream::new(&inputs) {
            let doc = doc.expect("read");
            let mut kg = KnowledgeGraph::new();
            let arts = link::link_document(&doc, &gaz, &mut kg);
            out.push((kg, arts));
        }
        out
    });
    let articles: usize = graphs.iter().map(|(_, a)| a.len()).sum();
    rows.push(Row {
        stage: "read+extract+link".into(),
        secs,
        per: Some((graphs.len(), chars)),
        note: format!("{articles} articles"),
        peak_kib: status_kib("VmHWM:"),
    });

    // 3. RDF mapping, then the Oxigraph load.
    reset_peak();
    let (quads, secs) = time(|| {
        let mut out = Vec::new();
        for (kg, arts) in &graphs {
            for &a in arts {
                out.push((
                    rdf::article_graph(&kg.articles[a].id),
                    rdf::article_quads(kg, a),
                ));
            }
        }
        out
    });
    let nquads: usize = quads.iter().map(|(_, q)| q.len()).sum();
    rows.push(Row {
        stage: "RDF mapping".into(),
        secs,
        per: Some((docs, chars)),
        note: format!("{nquads} quads"),
        peak_kib: status_kib("VmHWM:"),
    });
    reset_peak();
    let (store, secs) = time(|| {
        let store = Store::memory().expect("memory store");
        store
            .replace_graph_with_turtle(rdf::ONTOLOGY_GRAPH, rdf::ONTOLOGY)
            .expect("ontology");
        for (g, q) in &quads {
            store.replace_graph(g, q).expect("load");
        }
        store
    });
    rows.push(Row {
        stage: "Oxigraph load".into(),
        secs,
        per: Some((docs, chars)),
        note: format!("{} quads in store", store.len().unwrap_or(0)),
        peak_kib: status_kib("VmHWM:"),
    });
    drop(quads);
    drop(graphs);
    reset_peak();
    let (triples, secs) = time(|| store.triple_count().expect("count"));
    rows.push(Row {
        stage: "  distinct triple count (build summary)".into(),
        secs,
        per: Some((docs, chars)),
        note: format!("{triples} triples"),
        peak_kib: status_kib("VmHWM:"),
    });

    // 4. Queries: the bundled ones and two that touch the whole store.
    let mut queries: Vec<(String, String)> = fs::read_dir(root.join("queries"))
        .expect("queries/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rq"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).expect("read query"),
            )
        })
        .collect();
    queries.sort();
    queries.push((
        "(entities per type)".into(),
        "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?t } GROUP BY ?t ORDER BY ?t".into(),
    ));
    queries.push((
        "(people with posts)".into(),
        "SELECT ?name ?role WHERE { ?p a zq:Person ; skos:prefLabel ?name ; zq:role ?role } \
         ORDER BY ?name LIMIT 1000"
            .into(),
    ));
    // The same queries on one copy of the sources, for scale.
    let small = Store::memory().expect("memory store");
    let originals: Vec<PathBuf> = srcs.iter().map(|(p, _)| p.clone()).collect();
    pipeline::build(&small, &originals, &gaz, |e| panic!("read error: {e}")).expect("build");
    let limit = Duration::from_secs(
        std::env::var("ZHENGQI_BENCH_QUERY_TIMEOUT")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(10),
    );
    for (label, st) in [("1 copy", &small), ("all copies", &store)] {
        for (name, q) in &queries {
            reset_peak();
            let stage = format!("query {name} [{label}]");
            let (secs, note) = match bench_query(st, q, limit) {
                Ok((secs, runs, answer)) => (
                    secs,
                    format!("{answer} rows, {:.1} queries/s ({runs} runs)", 1.0 / secs),
                ),
                Err(e) => (limit.as_secs_f64(), format!("FAILED: {e}")),
            };
            rows.push(Row {
                stage,
                secs,
                per: None,
                note,
                peak_kib: status_kib("VmHWM:"),
            });
        }
    }
    drop(small);

    // 5. Exports.
    let out_dir = tmp.join("export");
    fs::create_dir_all(&out_dir).expect("export dir");
    for (name, syntax) in [
        ("turtle", RdfSyntax::Turtle),
        ("ntriples", RdfSyntax::NTriples),
        ("nquads", RdfSyntax::NQuads),
        ("trig", RdfSyntax::TriG),
        ("rdfxml", RdfSyntax::RdfXml),
        ("jsonld", RdfSyntax::JsonLd),
    ] {
        reset_peak();
        let mut w = Counter(0);
        let ((), secs) = time(|| store.export(syntax, &mut w).expect("export"));
        rows.push(Row {
            stage: format!("export {name}"),
            secs,
            per: Some((docs, chars)),
            note: format!("{:.1} MB", w.0 as f64 / 1e6),
            peak_kib: status_kib("VmHWM:"),
        });
    }
    for format in GraphFormat::ALL {
        reset_peak();
        let target = if format == GraphFormat::Csv {
            out_dir.join("csv")
        } else {
            out_dir.join(format!("graph.{}", format.extension()))
        };
        if format == GraphFormat::Csv {
            fs::create_dir_all(&target).expect("csv dir");
        }
        let ((), secs) = time(|| {
            export::write_graph(&store, format, &Filter::default(), Some(&target))
                .expect("graph export")
        });
        let size: u64 = if target.is_dir() {
            fs::read_dir(&target)
                .unwrap()
                .filter_map(|e| e.ok()?.metadata().ok())
                .map(|m| m.len())
                .sum()
        } else {
            fs::metadata(&target).map(|m| m.len()).unwrap_or(0)
        };
        rows.push(Row {
            stage: format!("export {}", format.name()),
            secs,
            per: Some((docs, chars)),
            note: format!("{:.1} MB", size as f64 / 1e6),
            peak_kib: status_kib("VmHWM:"),
        });
    }
    drop(store);
    let _ = fs::remove_dir_all(&tmp);

    // The table.
    println!();
    println!("zhengqi throughput — {}", machine());
    println!(
        "input: {} sources x {copies} copies = {docs} documents, {} articles, {:.1} MB ({:.2} M characters)",
        srcs.len(),
        summary.articles,
        bytes as f64 / 1e6,
        chars as f64 / 1e6
    );
    println!();
    println!(
        "{:<44} {:>9} {:>9} {:>12} {:>9}  note",
        "stage", "time s", "docs/s", "chars/s", "peak MiB"
    );
    for r in &rows {
        let (dps, cps) = match r.per {
            Some((d, c)) => (
                format!("{:.0}", d as f64 / r.secs),
                format!("{:.0}", c as f64 / r.secs),
            ),
            None => ("-".into(), "-".into()),
        };
        let peak = r
            .peak_kib
            .filter(|_| can_reset)
            .map(|k| format!("{:.0}", mib(k)))
            .unwrap_or_else(|| "-".into());
        println!(
            "{:<44} {:>9.3} {:>9} {:>12} {:>9}  {}",
            r.stage, r.secs, dps, cps, peak, r.note
        );
    }
    println!();
    let max = rows.iter().filter_map(|r| r.peak_kib).max();
    match (max, can_reset) {
        (Some(k), true) => println!("peak memory (VmHWM, highest stage): {:.0} MiB", mib(k)),
        _ => match status_kib("VmHWM:") {
            Some(k) => println!("peak memory (VmHWM) of the whole run: {:.0} MiB", mib(k)),
            None => println!("peak memory: /proc/self/status not available"),
        },
    }
}
