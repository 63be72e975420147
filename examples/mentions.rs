//! Developer view of extraction: prints every mention and relation of the given
//! documents with the rule that produced it, so a miss can be traced to its rule.
//!
//! `cargo run --release --example mentions -- FILE...`

use std::path::PathBuf;
use zhengqi::extract;
use zhengqi::gazetteer::Gazetteer;
use zhengqi::read::DocumentStream;

fn main() {
    let inputs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let gaz = Gazetteer::bundled();
    for doc in DocumentStream::new(&inputs) {
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        let texts: Vec<&str> = doc.articles.iter().map(|a| a.text.as_str()).collect();
        let ctx = extract::document_context(&texts, &gaz);
        for a in &doc.articles {
            let ex = extract::extract(a, &gaz, &ctx);
            print!("{}", extract::explain(a, &ex));
        }
    }
}
