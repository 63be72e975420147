//! Prints the segmenter's words and classes for each line of standard input:
//! `echo 句子 | cargo run --release --example tags`. For developers looking at
//! what the statistical signal proposes. With `ZQ_FREQ` set, each word also
//! shows how often the dictionary has seen it (`segment::frequency`).

use std::io::BufRead;

fn main() {
    let freq = std::env::var_os("ZQ_FREQ").is_some();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let chars: Vec<char> = line.chars().collect();
        let words: Vec<String> = zhengqi::segment::tag(&line)
            .into_iter()
            .map(|t| {
                let w: String = chars[t.start..t.end].iter().collect();
                let count = if freq {
                    format!(":{}", zhengqi::segment::frequency(&w))
                } else {
                    String::new()
                };
                format!(
                    "{w}/{:?}{}{count}",
                    t.pos,
                    if t.function { "*" } else { "" }
                )
            })
            .collect();
        println!("{}", words.join(" "));
    }
}
