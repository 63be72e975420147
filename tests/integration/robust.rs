//! No input aborts a build: the real corpus goes in whole, generated inputs
//! (random bytes and news-like token soup) never make a stage fail, and each
//! failure class found on real corpora has a regression check here, through the
//! library or the `zhengqi` binary.

use super::{build_into, root, shared};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use zhengqi::gazetteer::Gazetteer;
use zhengqi::pipeline::{self, Problem};
use zhengqi::store::{QueryOutput, Store};

struct Temp(PathBuf);

impl Temp {
    fn new(name: &str) -> Temp {
        let dir = std::env::temp_dir().join(format!("zq-robust-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Temp(dir)
    }
    fn join(&self, p: &str) -> PathBuf {
        self.0.join(p)
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhengqi"))
}

fn problems_of(store: &Store, inputs: &[PathBuf]) -> (pipeline::Summary, Vec<String>) {
    let mut problems = Vec::new();
    let summary = build_into(store, inputs, &Gazetteer::bundled(), |p| {
        problems.push(p.to_string())
    })
    .unwrap();
    (summary, problems)
}

fn ask(store: &Store, q: &str) -> bool {
    match store.query(q, None).unwrap() {
        QueryOutput::Boolean(b) => b,
        other => panic!("not a boolean: {other:?}"),
    }
}

/// Every item of the real evening-news corpus builds, with no problem at all,
/// into an on-disk store that opens again afterwards.
#[test]
fn every_item_of_the_real_corpus_builds() {
    let corpus = shared().join("corpus/xwlb/xwlb-2012-2024.jsonl");
    let dir = Temp::new("xwlb");
    let path = dir.join("store");
    let mut failed = Vec::new();
    let summary = {
        let store = Store::open(&path).unwrap();
        build_into(&store, &[corpus], &Gazetteer::bundled(), |p| {
            failed.push(p.to_string())
        })
        .unwrap()
    };
    assert!(
        failed.is_empty(),
        "{} items failed: {:#?}",
        failed.len(),
        &failed[..failed.len().min(10)]
    );
    assert_eq!(summary.documents_read, 16_000);
    assert_eq!(summary.articles, 16_000);
    let store = Store::open_read_only(&path).unwrap();
    assert!(ask(
        &store,
        "ASK { ?d a zq:Division ; zq:divisionCode \"110000\" }"
    ));
    assert!(
        !ask(&store, "ASK { ?s zq:span ?x }"),
        "provenance leaked into the default graph"
    );
    assert!(ask(&store, "ASK { GRAPH ?g { ?s zq:span ?x } }"));
}

/// A tiny deterministic generator (xorshift), so the smoke run is the same on
/// every machine and a failure can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces of news text and of the layouts, with the characters that broke
/// things before: nested quotes, brackets, odd code points, bylines, JSON.
const SOUP: &[&str] = &[
    "海宁",
    "海宁市",
    "嘉兴市",
    "浙江省",
    "杭州",
    "经济开发区",
    "高新区",
    "街道",
    "镇",
    "乡",
    "市场监管局",
    "县委",
    "纪委监委",
    "人民政府",
    "办公室",
    "有限公司",
    "集团",
    "银行",
    "支行",
    "协会",
    "研究院",
    "“",
    "”",
    "‘",
    "’",
    "《",
    "》",
    "（",
    "）",
    "(",
    ")",
    "【",
    "】",
    "「",
    "」",
    "，",
    "。",
    "、",
    "：",
    "；",
    "！",
    "？",
    "…",
    "——",
    "·",
    "\n",
    "\r\n",
    "\r",
    "　　",
    " ",
    "本报记者 ",
    "记者 ",
    "通讯员 ",
    "张伟",
    "李",
    "负责人",
    "局长",
    "推出",
    "启动",
    "发布",
    "最多跑一次",
    "一网通办",
    "平台",
    "专窗",
    "工程",
    "行动",
    "计划",
    "贷",
    "实施方案",
    "关于",
    "的通知",
    "他说：",
    "近日，",
    "2023年",
    "12345",
    "e",
    "A",
    "\u{FFFD}",
    "\u{85}",
    "\u{E000}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{0}",
    "\u{1F600}",
    "\u{FDD0}",
    "%",
    "<",
    ">",
    "\"",
    "\\",
    "{\"title\":\"",
    "\",\"text\":\"",
    "\"}\n",
    "{",
    "}",
    "##",
    "#",
    "版:",
    "00013版:",
    "\t",
];

fn soup(rng: &mut Rng) -> Vec<u8> {
    let n = 1 + rng.below(300);
    let mut s = String::new();
    if rng.below(3) == 0 {
        s.push_str("标题\n\n");
    }
    for _ in 0..n {
        s.push_str(SOUP[rng.below(SOUP.len())]);
    }
    s.into_bytes()
}

fn noise(rng: &mut Rng) -> Vec<u8> {
    let n = rng.below(600);
    (0..n).map(|_| rng.next() as u8).collect()
}

/// The stable smoke run of the fuzz target (`fuzz/` has the libFuzzer one): bytes
/// and token soup through read, extract, link, RDF and the store. Set
/// `ZHENGQI_FUZZ_RUNS` for a longer run.
#[test]
fn generated_inputs_never_fail_a_stage() {
    let runs: usize = std::env::var("ZHENGQI_FUZZ_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500);
    let gaz = Gazetteer::bundled();
    let mut rng = Rng(0x5eed_2026_1201);
    for run in 0..runs {
        let seed = rng.0;
        let bytes = if run % 4 == 0 {
            noise(&mut rng)
        } else {
            soup(&mut rng)
        };
        if let Err(e) = pipeline::check_bytes(&bytes, &gaz) {
            panic!(
                "run {run} (seed {seed:#x}) failed: {e}\ninput: {:?}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }
}

/// Odd code points in names, ids and file names become valid IRIs.
#[test]
fn odd_code_points_in_names_ids_and_file_names_are_stored() {
    let dir = Temp::new("odd");
    let name = "odd\u{FFFD}\u{85}\u{E000} name.txt";
    std::fs::write(
        dir.join(name),
        "海宁市推出“企\u{FFFD}业\u{85}服务\u{E000}专窗”\n\n　　海宁市市场监管局推出“企\u{FFFD}业\u{85}服务\u{E000}专窗”。\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("ids.jsonl"),
        "{\"id\":\"a\u{FFFD}b\u{85}c\u{E000} d/e%f\",\"title\":\"海宁\",\"text\":\"海宁市推出“\u{FDD0}平台”。\"}\n",
    )
    .unwrap();
    let store_dir = dir.join("store");
    let store = Store::open(&store_dir).unwrap();
    let (summary, problems) = problems_of(&store, &[dir.join(name), dir.join("ids.jsonl")]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(summary.articles, 2);
}

/// A title line of many megabytes is no title: its article is reported as too
/// long, the rest is stored and the store opens afterwards. A long title that
/// still fits is cut in labels (the full line stays in the text).
#[test]
fn a_huge_title_line_leaves_a_working_store() {
    let dir = Temp::new("huge");
    let huge = "海宁".repeat(8 * 1024 * 1024);
    let long = "嘉兴".repeat(300);
    std::fs::write(
        dir.join("big.jsonl"),
        format!("{{\"id\":\"big\",\"title\":\"{huge}\",\"text\":\"正文。\"}}\n{{\"id\":\"long\",\"title\":\"{long}\",\"text\":\"嘉兴市推出新举措。\"}}\n"),
    )
    .unwrap();
    let store_dir = dir.join("store");
    {
        let store = Store::open(&store_dir).unwrap();
        let (summary, problems) = problems_of(&store, &[dir.join("big.jsonl")]);
        assert_eq!(summary.documents_read, 2);
        assert_eq!(summary.articles, 1);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("big.jsonl:1: article big/0 has"),
            "{problems:?}"
        );
    }
    let store = Store::open_read_only(&store_dir).unwrap();
    assert!(ask(
        &store,
        "ASK { ?a dcterms:title ?t FILTER(STRLEN(?t) = 201 && STRSTARTS(?t, \"嘉兴嘉兴\")) }"
    ));
}

/// A folder that links back to itself is walked once and the loop is reported.
#[cfg(unix)]
#[test]
fn a_symlink_loop_ends() {
    let dir = Temp::new("loop");
    std::fs::create_dir_all(dir.join("in/sub")).unwrap();
    std::fs::write(
        dir.join("in/sub/a.txt"),
        "海宁市推出新举措\n\n　　海宁市推出新举措。\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.join("in"), dir.join("in/sub/back")).unwrap();
    let store = Store::memory().unwrap();
    let (summary, problems) = problems_of(&store, &[dir.join("in")]);
    assert_eq!(summary.documents_read, 1);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("walked already"), "{problems:?}");
}

/// Files of one name in different folders are different documents.
#[test]
fn same_file_names_in_different_folders_stay_apart() {
    let dir = Temp::new("stems");
    for month in ["01", "02"] {
        std::fs::create_dir_all(dir.join(&format!("in/{month}"))).unwrap();
        std::fs::write(
            dir.join(&format!("in/{month}/page.txt")),
            format!("海宁市{month}月新举措\n\n　　海宁市推出新举措。\n"),
        )
        .unwrap();
    }
    let store = Store::memory().unwrap();
    let (summary, problems) = problems_of(&store, &[dir.join("in")]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(summary.articles, 2);
    assert!(
        store
            .has_graph(&zhengqi::rdf::article_graph("01/page/0"))
            .unwrap()
            || store
                .has_graph(&zhengqi::rdf::article_graph("01/page/1"))
                .unwrap()
    );
}

/// UTF-16 with a byte-order mark, CR-only line ends and gzip are read.
#[test]
fn utf16_cr_only_and_gzip_files_are_read() {
    use std::io::Write;
    let dir = Temp::new("enc");
    let text = "海宁市推出新举措\r\r　　海宁市市场监管局推出“企业服务专窗”。\r";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(dir.join("u16.txt"), utf16).unwrap();
    std::fs::write(dir.join("cr.txt"), text).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"{\"id\":\"g1\",\"title\":\"\xe6\xb5\xb7\xe5\xae\x81\",\"text\":\"\xe6\xb5\xb7\xe5\xae\x81\xe5\xb8\x82\"}\n")
        .unwrap();
    std::fs::write(dir.join("c.jsonl.gz"), gz.finish().unwrap()).unwrap();
    let store = Store::memory().unwrap();
    let inputs = [
        dir.join("u16.txt"),
        dir.join("cr.txt"),
        dir.join("c.jsonl.gz"),
    ];
    let (summary, problems) = problems_of(&store, &inputs);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(summary.articles, 3);
    assert!(ask(
        &store,
        "ASK { ?a dcterms:title \"海宁市推出新举措\"@zh }"
    ));
    assert!(ask(&store, "ASK { ?x a zq:Agency }"));
}

fn sample_build(store: &Path) {
    let out = bin()
        .args(["build", "--quiet", "--store"])
        .arg(store)
        .arg(root().join("data/samples"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A build killed at any point leaves the earlier store readable, and the next
/// build takes over the dead process's lock.
#[test]
fn a_killed_build_leaves_the_store_readable() {
    let dir = Temp::new("kill");
    let store = dir.join("store");
    sample_build(&store);
    let count = || {
        let out = bin()
            .args(["query", "--format", "csv", "--store"])
            .arg(&store)
            .arg("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a zq:Article }")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let before = count();
    for wait in [300, 1500] {
        let mut child = bin()
            .args(["build", "--quiet", "--store"])
            .arg(&store)
            .arg(shared().join("corpus/xwlb/xwlb-2012-2024.jsonl"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(wait));
        child.kill().unwrap();
        child.wait().unwrap();
        // Readable, and what was there before is still there.
        let now = count();
        let n = |s: &str| s.lines().nth(1).unwrap().trim().parse::<usize>().unwrap();
        assert!(n(&now) >= n(&before), "{before} then {now}");
    }
    // The lock of the killed build is stale: a new build takes it over.
    sample_build(&store);
}

/// `zhengqi query ... | head -1` ends quietly when the reader goes away.
#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = Temp::new("pipe");
    let store = dir.join("store");
    sample_build(&store);
    let mut child = bin()
        .args(["query", "--store"])
        .arg(&store)
        .arg("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit {:?}: {err}", out.status.code());
    assert!(!err.contains("panicked"), "{err}");
}

/// A problem with a document names the file and line and sets exit code 1; what
/// was stored stays.
#[test]
fn a_bad_line_is_named_and_the_rest_is_stored() {
    let dir = Temp::new("badline");
    std::fs::write(
        dir.join("c.jsonl"),
        "{\"id\":\"a\",\"title\":\"海宁\",\"text\":\"海宁市推出新举措。\"}\n{not json\n{\"id\":\"b\",\"title\":\"嘉兴\",\"text\":\"嘉兴市推出新举措。\"}\n",
    )
    .unwrap();
    let out = bin()
        .args(["build", "--quiet", "--store"])
        .arg(dir.join("store"))
        .arg(dir.join("c.jsonl"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("c.jsonl:2:"), "{err}");
    let store = Store::open_read_only(&dir.join("store")).unwrap();
    assert!(
        store
            .has_graph(&zhengqi::rdf::article_graph("b/0"))
            .unwrap()
    );
}

/// A gazetteer row that loops or has no name is refused with its line.
#[test]
fn bad_gazetteer_rows_are_refused() {
    let dir = Temp::new("gaz");
    std::fs::write(
        dir.join("g.tsv"),
        "900001\t甲新区\tcounty\t900002\n900002\t乙新市\tprefecture\t900001\n",
    )
    .unwrap();
    let out = bin()
        .args(["build", "--quiet", "--store"])
        .arg(dir.join("store"))
        .arg("--gazetteer")
        .arg(dir.join("g.tsv"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("g.tsv:") && err.contains("own ancestor"),
        "{err}"
    );
}

/// Problems in a folder are counted, not fatal.
#[test]
fn problem_kinds_render_with_file_and_line() {
    let p = Problem::TooLong {
        source: "a.txt".into(),
        line: 3,
        id: "a/0".into(),
        chars: 9,
    };
    assert!(
        p.to_string()
            .starts_with("a.txt:3: article a/0 has 9 characters")
    );
}

/// Texts dense with names (the rules used to be quadratic in them, and worse)
/// end: built, or reported as over the work budget, never a failure. How long
/// they take is for the benchmark, not asserted here.
#[test]
fn name_dense_texts_end_with_a_result_or_a_report() {
    let dir = Temp::new("dense");
    let cases = [
        "海宁市".repeat(30_000),
        "海宁市、嘉兴市桐乡市，".repeat(6_000),
        "“海宁‘最多跑一次’改革”和“嘉兴市”平台，".repeat(3_000),
        "局长张伟说，".repeat(10_000),
    ];
    for (k, body) in cases.iter().enumerate() {
        let path = dir.join(&format!("d{k}.txt"));
        std::fs::write(&path, format!("标题\n\n　　{body}\n")).unwrap();
        let store = Store::memory().unwrap();
        let mut problems = Vec::new();
        build_into(&store, &[path], &Gazetteer::bundled(), |p| {
            problems.push(p.to_string())
        })
        .unwrap();
        for p in &problems {
            assert!(p.contains("work budget"), "case {k}: {p}");
        }
    }
}
