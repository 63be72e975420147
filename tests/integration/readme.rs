//! The README's examples are true when run as written: the store is built as its
//! set-up steps say (the bundled samples, then the shared sample page), and each
//! ```` ``` ```` block that starts with `$ zhengqi query` is run and its output
//! compared with the block.

use super::{root, shared};
use std::process::Command;

fn zhengqi(store: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_zhengqi"));
    c.env("ZHENGQI_STORE", store).current_dir(root());
    c
}

/// The blocks of `$ zhengqi query …` examples: the command's arguments and the
/// output shown under it.
fn examples(readme: &str) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```" {
            continue;
        }
        let mut block: Vec<&str> = Vec::new();
        for l in lines.by_ref() {
            if l.trim() == "```" {
                break;
            }
            block.push(l);
        }
        if let Some(cmd) = block
            .first()
            .and_then(|l| l.strip_prefix("$ zhengqi query "))
        {
            let args = cmd.split_whitespace().map(str::to_string).collect();
            let mut shown = block[1..].join("\n");
            shown.push('\n');
            out.push((args, shown));
        }
    }
    out
}

#[test]
fn readme_query_examples_match_a_fresh_run() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let examples = examples(&readme);
    assert!(examples.len() >= 2, "the README lost its query examples");
    let dir = std::env::temp_dir().join(format!("zq-readme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = dir.join("store");
    for input in [
        root().join("data/samples"),
        shared().join("corpus/zjrb-20230417-13.txt"),
    ] {
        let out = zhengqi(&store)
            .args(["build", "-q"])
            .arg(input)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for (args, shown) in examples {
        let out = zhengqi(&store).arg("query").args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            got,
            shown,
            "`zhengqi query {}` printed something else",
            args.join(" ")
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
