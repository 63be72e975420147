//! Corpus benchmark: prints figures, asserts nothing. `cargo bench --bench corpus`.
//!
//! Input: the real evening-news corpus `../shared/corpus/xwlb/xwlb-2012-2024.jsonl`
//! at 1×, 2× and 4× (copies with renamed ids, so every item is a new article).
//! `ZHENGQI_BENCH_SCALES=1,2` picks the scales. For each scale, through the
//! `zhengqi` binary as a user runs it:
//!
//! - `build`: wall time and peak memory (VmHWM of the process) of a fresh build;
//! - `open + ASK {}`: a new process opening the store for one query;
//! - each README query (`queries/*.rq`) on the full store;
//! - `add one article`: building one more article into the full store;
//! - `floor`: the store's own quads (N-Quads export) loaded into a fresh store by
//!   Oxigraph's bulk loader alone (`zhengqi load`), the cost of storage with no
//!   extraction.
//!
//! Then, in process on the 1× corpus, where a build's time goes: read, extract +
//! link, RDF mapping.

use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use zhengqi::gazetteer::Gazetteer;
use zhengqi::graph::KnowledgeGraph;
use zhengqi::link;
use zhengqi::rdf;
use zhengqi::read::DocumentStream;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhengqi"))
}

/// Runs a command to its end, polling its peak resident memory (VmHWM) meanwhile.
fn run_measured(mut cmd: Command) -> (f64, u64, bool) {
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start zhengqi");
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(s) = fs::read_to_string(&status_path)
            && let Some(kib) = s
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse::<u64>().ok())
        {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            return (
                started.elapsed().as_secs_f64(),
                peak,
                status.success() || status.code() == Some(1),
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn replicate(corpus: &Path, copies: usize, out: &Path) -> u64 {
    let mut w = BufWriter::new(fs::File::create(out).unwrap());
    let mut bytes = 0;
    for k in 0..copies {
        let r = BufReader::new(fs::File::open(corpus).unwrap());
        for line in r.lines() {
            let line = line.unwrap();
            let mut v: serde_json::Value = serde_json::from_str(&line).unwrap();
            if k > 0 {
                let id = v["id"].as_str().unwrap().to_string();
                v["id"] = serde_json::Value::String(format!("{id}-{k}"));
            }
            let s = v.to_string();
            bytes += s.len() as u64 + 1;
            writeln!(w, "{s}").unwrap();
        }
    }
    bytes
}

fn dir_size(p: &Path) -> u64 {
    fs::read_dir(p)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| {
                    let m = e.metadata().unwrap();
                    if m.is_dir() {
                        dir_size(&e.path())
                    } else {
                        m.len()
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

fn query_secs(store: &Path, args: &[&str]) -> f64 {
    let mut cmd = bin();
    cmd.args(["query", "--store"]).arg(store).args(args);
    let (secs, _, ok) = run_measured(cmd);
    if !ok {
        eprintln!("query {args:?} failed");
    }
    secs
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus/xwlb/xwlb-2012-2024.jsonl");
    if !corpus.exists() {
        eprintln!("{} is missing; nothing to measure", corpus.display());
        return;
    }
    let scales: Vec<usize> = std::env::var("ZHENGQI_BENCH_SCALES")
        .unwrap_or_else(|_| "1,2,4".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let tmp = std::env::temp_dir().join(format!("zq-bench-{}", std::process::id()));
    fs::create_dir_all(&tmp).unwrap();
    let chars: usize = BufReader::new(fs::File::open(&corpus).unwrap())
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l.unwrap()).unwrap();
            v["text"].as_str().unwrap_or("").chars().count()
                + v["title"].as_str().unwrap_or("").chars().count()
        })
        .sum();
    println!(
        "corpus: {} (16,000 items, {:.2} M characters); machine: {} cores",
        corpus.display(),
        chars as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!();
    println!(
        "| scale | build s | peak MiB | store MiB | open+ASK s | queries s | add one s | floor load s | floor peak MiB |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let one = tmp.join("one.txt");
    fs::write(
        &one,
        "嘉兴市秀洲区推出“企业服务直通车”\n\n　　本报讯 近日，嘉兴市秀洲区市场监管局推出“企业服务直通车”，为辖区企业提供上门服务。\n",
    )
    .unwrap();
    for &k in &scales {
        let input = tmp.join(format!("x{k}.jsonl"));
        replicate(&corpus, k, &input);
        let store = tmp.join(format!("store{k}"));
        let _ = fs::remove_dir_all(&store);
        let mut cmd = bin();
        cmd.args(["build", "--quiet", "--store"])
            .arg(&store)
            .arg(&input);
        let (build_s, build_peak, ok) = run_measured(cmd);
        if !ok {
            eprintln!("build at {k}x failed");
        }
        let ask = query_secs(&store, &["ASK {}"]);
        let mut queries = Vec::new();
        let mut rq: Vec<PathBuf> = fs::read_dir(root.join("queries"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "rq"))
            .collect();
        rq.sort();
        for q in &rq {
            let s = query_secs(&store, &["-f", q.to_str().unwrap()]);
            queries.push(format!(
                "{} {:.2}",
                q.file_stem().unwrap().to_string_lossy(),
                s
            ));
        }
        let mut cmd = bin();
        cmd.args(["build", "--quiet", "--store"])
            .arg(&store)
            .arg(&one);
        let (add_s, _, _) = run_measured(cmd);
        let size = dir_size(&store);
        // The floor: the same quads through the bulk loader alone.
        let nq = tmp.join("dump.nq");
        let status = bin()
            .args(["export", "--format", "nquads", "--store"])
            .arg(&store)
            .arg("-o")
            .arg(&nq)
            .status()
            .unwrap();
        let (floor_s, floor_peak) = if status.success() {
            let floor = tmp.join(format!("floor{k}"));
            let _ = fs::remove_dir_all(&floor);
            let mut cmd = bin();
            cmd.args(["load", "--store"]).arg(&floor).arg(&nq);
            let (s, p, _) = run_measured(cmd);
            let _ = fs::remove_dir_all(&floor);
            (s, p)
        } else {
            (f64::NAN, 0)
        };
        let _ = fs::remove_file(&nq);
        println!(
            "| {k}× | {build_s:.1} | {:.0} | {:.0} | {ask:.3} | {} | {add_s:.2} | {floor_s:.1} | {:.0} |",
            build_peak as f64 / 1024.0,
            size as f64 / 1048576.0,
            queries.join(", "),
            floor_peak as f64 / 1024.0,
        );
        let _ = fs::remove_dir_all(&store);
        let _ = fs::remove_file(&input);
    }

    // Where the time goes, in process, one thread, on the 1× corpus.
    let gaz = Gazetteer::bundled();
    let t = Instant::now();
    let docs: Vec<_> = DocumentStream::new(std::slice::from_ref(&corpus))
        .filter_map(Result::ok)
        .collect();
    let read_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let graphs: Vec<(KnowledgeGraph, Vec<usize>)> = docs
        .iter()
        .map(|d| {
            let mut kg = KnowledgeGraph::new();
            let a = link::link_document(d, &gaz, &mut kg);
            (kg, a)
        })
        .collect();
    let extract_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut quads = 0;
    let mut described = 0;
    for (kg, arts) in &graphs {
        for &a in arts {
            let c = rdf::article_quads(kg, a);
            quads += c.quads.len();
            described += c.described.len();
        }
    }
    let rdf_s = t.elapsed().as_secs_f64();
    println!();
    println!(
        "one thread, 1×: read {read_s:.2} s, extract + link {extract_s:.2} s ({:.2} M chars/s), RDF {rdf_s:.2} s; {quads} article-graph quads ({:.0} per article), {described} description quads",
        chars as f64 / extract_s / 1e6,
        quads as f64 / docs.len().max(1) as f64
    );
    let _ = fs::remove_dir_all(&tmp);
}
