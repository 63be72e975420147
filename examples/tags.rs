//! Prints the segmenter's words and classes for each line of standard input:
//! `echo 句子 | cargo run --release --example tags`. For developers looking at
//! what the statistical signal proposes.

use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let chars: Vec<char> = line.chars().collect();
        let words: Vec<String> = zhengqi::segment::tag(&line)
            .into_iter()
            .map(|t| {
                let w: String = chars[t.start..t.end].iter().collect();
                format!("{w}/{:?}{}", t.pos, if t.function { "*" } else { "" })
            })
            .collect();
        println!("{}", words.join(" "));
    }
}
