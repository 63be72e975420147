//! Word segmentation with part-of-speech tags, from jieba-rs (its dictionary,
//! and its HMM for words the dictionary lacks): the statistical signal that
//! extraction uses where its rules are blind — names with no post or verb of
//! speech beside them, organisations named without a suffix the rules know, where
//! one word ends and the next begins. The only module that uses jieba-rs; it
//! proposes, and the extraction rules, the gazetteer and context decide.

use jieba_rs::Jieba;
use std::sync::OnceLock;

/// The word classes extraction looks at; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// A person's name in the dictionary (`nr`, `nrfg`).
    Person,
    /// A transliterated foreign name (`nrt`).
    ForeignPerson,
    /// A place name (`ns`).
    Place,
    /// An organisation's name (`nt`).
    Organization,
    /// Another proper noun (`nz`).
    Proper,
    /// A word the dictionary does not know, cut out by the HMM (tagged `x` when
    /// it is Han text).
    Unknown,
    /// A verb (`v`, `vn`, `vd`).
    Verb,
    Other,
}

/// One word: its character span in the text and its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub pos: Pos,
    /// A function word: a preposition, conjunction, adverb, pronoun or particle
    /// (`p`, `c`, `d`, `r`, `u`). Their class is `Other`; this says which of the
    /// ordinary words can never be part of a name (`然后`, `跟`, `随着`).
    pub function: bool,
    /// A two-character word the dictionary tags as a name but has seen hundreds
    /// of times (`陈述`, `荣誉`, `陆军`, `祝贺`): most such words are everyday
    /// words, and the names among them (famous ones) come with a title or a
    /// verb of speech.
    pub everyday: bool,
}

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

fn pos_of(tag: &str, word: &str) -> Pos {
    match tag {
        "nr" | "nrfg" => Pos::Person,
        "nrt" => Pos::ForeignPerson,
        "ns" => Pos::Place,
        "nt" => Pos::Organization,
        "nz" => Pos::Proper,
        "v" | "vn" | "vd" => Pos::Verb,
        "x" if word.chars().all(is_han) => Pos::Unknown,
        _ => Pos::Other,
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// How often the dictionary must have seen a two-character word for it to count
/// as common rather than a name: the brands' short forms in our real items sit
/// below 700, words such as 电器, 创业, 主力 and 绿色 above 1,000.
pub const COMMON_WORD: usize = 1000;

/// How often the dictionary must have seen a two-character word it tags as a
/// name for the word to count as an everyday word (`Token::everyday`).
const EVERYDAY_NAME_WORD: usize = 200;

/// How often the dictionary has seen `word` as a word of its own (0 when it does
/// not know it). A common word (`创业`, `法律`) is seen thousands of times; a
/// brand's short form (`某钢`) a few dozen: the count tells them apart where
/// their tags do not.
pub fn frequency(word: &str) -> usize {
    let jieba = jieba();
    if jieba.has_word(word) {
        jieba.suggest_freq(word)
    } else {
        0
    }
}

/// Whether a four-character word is two words the dictionary has seen at least
/// `min` times each (`国际贸易`, `提高觉悟`): a phrase the dictionary lists whole, whatever tag
/// it gives it, not a brand or a name.
pub fn common_pair(word: &str, min: usize) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let common = |w: &[char]| frequency(&w.iter().collect::<String>()) >= min;
    chars.len() == 4 && common(&chars[..2]) && common(&chars[2..])
}

/// Whether a word of class `tag` is a function word. Prepositions, conjunctions
/// and particles always are; the dictionary's adverbs and pronouns of more than
/// one character are only when it sees them often (`最终`, `这家`), because
/// rare ones are often parts of names it tags oddly (`高新` as an adverb).
fn is_function(tag: &str, word: &str) -> bool {
    match tag.as_bytes().first() {
        Some(b'p' | b'c' | b'u') => true,
        Some(b'd' | b'r') => word.chars().count() == 1 || frequency(word) >= COMMON_WORD,
        _ => false,
    }
}

/// The words of `text` with their classes, by character offsets, covering the
/// text from start to end.
pub fn tag(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = 0;
    for t in jieba().tag(text, true) {
        let len = t.word.chars().count();
        out.push(Token {
            start: at,
            end: at + len,
            pos: pos_of(t.tag, t.word),
            function: is_function(t.tag, t.word),
            everyday: t.tag == "nr" && len == 2 && frequency(t.word) >= EVERYDAY_NAME_WORD,
        });
        at += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_the_text_by_characters() {
        let text = "新华社北京3月5日电 国务院总理在人民大会堂发表讲话。Hello 2024";
        let tokens = tag(text);
        assert_eq!(tokens.first().map(|t| t.start), Some(0));
        assert_eq!(tokens.last().map(|t| t.end), Some(text.chars().count()));
        for w in tokens.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
    }

    #[test]
    fn tags_known_classes() {
        let text = "国务院";
        let tokens = tag(text);
        assert_eq!(tokens.len(), 1);
        assert_eq!(tokens[0].pos, Pos::Organization);
    }

    #[test]
    fn marks_function_words_but_not_rare_adverbs() {
        let words = |text: &str| -> Vec<(String, bool)> {
            let chars: Vec<char> = text.chars().collect();
            tag(text)
                .into_iter()
                .map(|t| (chars[t.start..t.end].iter().collect(), t.function))
                .collect()
        };
        let w = words("然后跟随着");
        assert!(w.iter().all(|(_, f)| *f), "{w:?}");
        assert!(!is_function("d", "高新"));
        assert!(is_function("d", "最终"));
        assert!(!is_function("n", "银行"));
    }
}
