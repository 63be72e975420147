//! Extraction snapshots: every bundled sample's mentions and relations, with the
//! rule behind each, are kept under `tests/snapshots/extract`. A change in
//! extraction shows up as a diff to review; run with `UPDATE_SNAPSHOTS=1` to accept
//! it, then read the diff before committing.

use crate::root;
use std::path::PathBuf;
use zhengqi::extract;
use zhengqi::gazetteer::Gazetteer;
use zhengqi::read::DocumentStream;

fn render(path: &PathBuf, gaz: &Gazetteer) -> String {
    let mut out = String::new();
    for doc in DocumentStream::new(std::slice::from_ref(path)) {
        let doc = doc.expect("bundled samples read");
        let texts: Vec<&str> = doc.articles.iter().map(|a| a.text.as_str()).collect();
        let ctx = extract::document_context(&texts, gaz);
        for a in &doc.articles {
            let ex = extract::extract(a, gaz, &ctx);
            out.push_str(&extract::explain(a, &ex));
        }
    }
    out
}

#[test]
fn extraction_matches_the_reviewed_snapshots() {
    let gaz = Gazetteer::bundled();
    let dir = root().join("tests/snapshots/extract");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut samples: Vec<PathBuf> = std::fs::read_dir(root().join("data/samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    samples.sort();
    let mut stale = Vec::new();
    for path in &samples {
        let got = render(path, &gaz);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let snap = dir.join(format!("{name}.snap"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&snap, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&snap).unwrap_or_default();
        if want != got {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "extraction changed for {stale:?}; review with UPDATE_SNAPSHOTS=1 cargo test and git diff tests/snapshots"
    );
}
