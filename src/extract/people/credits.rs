//! Reporters, editors and other contributors credited in running text
//! (`（记者某某某某实习生某某）`, `视频编辑：某某`, `每经记者某某某某发自上海`):
//! after a credit word that opens a bracket, a line or a dateline, each name is a
//! surname and one or two characters, ending where the next name, another credit
//! word, a place or the end of the credit begins. Names the byline gives are the
//! parent module's, and so is a reporter whose name runs on into a sentence.

use super::super::lexicon::is_surname_start;
use super::super::tagged::CREDIT_WORDS;
use super::super::{Cx, is_han};
use super::length::follows_name;
use super::person;
use crate::model::{EntityType, Span};

/// Reporters and other contributors credited in running text, their names
/// written one after another with no separator: `（记者某某某某实习生某某）`,
/// `本报记者某某某北京报道`, `每经记者某某某某发自上海`. After a credit word
/// each name is a surname and one or two characters, the length chosen so that
/// the next name, another credit word, a place or the end of the credit
/// follows. Names the byline already gives are left to it.
pub(in super::super) fn credits(cx: &mut Cx) {
    let n = cx.chars.len();
    let coverage = cx.coverage();
    let division = 1u8 << EntityType::Division as u8;
    let bylined: Vec<String> = cx.article.authors.iter().map(|a| a.name.clone()).collect();
    let credit_at = |i: usize| {
        CREDIT_WORDS
            .iter()
            .filter(|w| cx.starts_with(i, w))
            .map(|w| w.chars().count())
            .max()
    };
    // Where a name ends: the end of the text, a character that is no part of
    // a Han word, a credit word, a place, or the words that close a credit.
    let ends_credit = |j: usize| {
        j >= n
            || !is_han(cx.chars[j])
            || credit_at(j).is_some()
            || coverage[j] & division != 0
            || ["报道", "发自", "摄影", "摄", "报"]
                .iter()
                .any(|w| cx.starts_with(j, w))
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(len) = credit_at(i) else {
            i += 1;
            continue;
        };
        // A credit opens a bracket, a line or a dateline (`某报讯`, `本报`), with
        // what is credited before it (`视频编辑`, `责任编辑`).
        let opener = |at: usize| at == 0 || "（(【[ \u{3000}\n讯".contains(cx.chars[at - 1]);
        let qualified = ["视频", "文字", "责任", "图片", "美术"]
            .iter()
            .any(|w| cx.ends_with_at(i, w) && opener(i - w.chars().count()));
        let opens = opener(i)
            || qualified
            || ["本报", "本刊", "每经", "特约"]
                .iter()
                .any(|w| cx.ends_with_at(i, w));
        if !opens {
            i += len;
            continue;
        }
        let mut k = i + len;
        // `编辑：某某`: a colon or a space between the credit and the name.
        let colon = cx.chars.get(k).is_some_and(|c| "：:".contains(*c));
        if cx.chars.get(k).is_some_and(|c| "：: \u{3000}".contains(*c)) {
            k += 1;
        }
        // After a colon, two or three characters standing alone up to the
        // credit's end are the name, whatever its surname (`文字编辑：某某`
        // with a surname too rare for the list).
        let alone = (k..n.min(k + 4))
            .take_while(|&x| is_han(cx.chars[x]) && coverage[x] == 0)
            .count();
        if colon
            && (2..=3).contains(&alone)
            && is_surname_start(&cx.chars, k) == 0
            && cx
                .chars
                .get(k + alone)
                .is_none_or(|c| " \u{3000}）)】]\n".contains(*c))
        {
            let name = cx.slice(k, k + alone);
            if !bylined.contains(&name) {
                found.push(person(name, None, Span::new(k, k + alone), "person:credit"));
            }
            i = k + alone;
            continue;
        }
        let mut names = 0;
        let before = found.len();
        let mut spoke = false;
        while k < n && names < 6 {
            if let Some(l) = credit_at(k) {
                k += l;
                continue;
            }
            let sur = is_surname_start(&cx.chars, k);
            if sur == 0 || coverage[k] & division != 0 {
                break;
            }
            let fits = |g: usize, next: &dyn Fn(usize) -> bool| {
                let j = k + sur + g;
                j <= n && (k..j).all(|x| is_han(cx.chars[x]) && coverage[x] == 0) && next(j)
            };
            // The end of the credit decides first (`某某实习生`: 实 opens the
            // credit word, though it could end a name), then the next surname.
            let next_name = |j: usize| is_surname_start(&cx.chars, j) > 0;
            // A verb of speech after a name makes the reporter the subject of
            // running text (`记者某某说`): the name ends there, and so does the credit.
            let speech = |j: usize| follows_name(cx, j);
            let said = [2, 1].into_iter().find(|&g| fits(g, &speech));
            spoke = said.is_some();
            let Some(g) = said
                .or_else(|| [2, 1].into_iter().find(|&g| fits(g, &ends_credit)))
                .or_else(|| [2, 1].into_iter().find(|&g| fits(g, &next_name)))
            else {
                break;
            };
            let e = k + sur + g;
            let name = cx.slice(k, e);
            if !bylined.contains(&name) {
                found.push(person(name, None, Span::new(k, e), "person:credit"));
            }
            names += 1;
            k = e;
            if spoke || e >= n || !is_han(cx.chars[e]) {
                break;
            }
        }
        // Names that run on into words that close no credit were running text
        // (`记者某某某了解到`), not a credit: other passes read that name whole.
        if !spoke && !ends_credit(k) {
            found.truncate(before);
        }
        i = k.max(i + len);
    }
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn credited(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Person && m.rule == "person:credit")
            .map(|m| m.name.clone())
            .collect()
    }

    fn people(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Person)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn after_a_colon_a_name_standing_alone_needs_no_known_surname() {
        assert_eq!(
            credited("（视频编辑：王青涛 文字编辑：见丽蕊）"),
            ["王青涛", "见丽蕊"]
        );
    }

    #[test]
    fn names_run_together_after_a_credit_word_are_split_at_the_next_name() {
        assert_eq!(
            credited("晨报讯（记者杨莉通讯员王媛）信用卡欠款，银行多次催要。"),
            ["杨莉", "王媛"]
        );
        assert_eq!(
            credited("早报讯（记者孟梅实习生夏冬梅）央行表示。"),
            ["孟梅", "夏冬梅"]
        );
        assert_eq!(credited("每经记者曹晟源胡琼发自上海"), ["曹晟源", "胡琼"]);
    }

    #[test]
    fn a_reporter_in_running_text_is_one_name_or_none() {
        // A reporter who speaks is read once, as a credit or as a descriptor
        // and a name.
        assert_eq!(people("记者王明说，这里很好。"), ["王明"]);
        assert_eq!(people("记者王小明了解到，这里很好。"), ["王小明"]);
        assert!(credited("记者王小明晚上赶到现场。").is_empty());
    }

    #[test]
    fn a_credit_word_inside_a_sentence_is_no_credit() {
        assert!(credited("他接受记者采访时说，记者张三也在场。").is_empty());
    }

    #[test]
    fn an_editors_credit_with_what_is_credited_and_a_colon() {
        assert_eq!(
            credited("工作取得新进展。（视频编辑：王青山 文字编辑：李红梅）"),
            ["王青山", "李红梅"]
        );
        // A job in running text is no credit.
        assert!(credited("他是一名视频编辑，今年三十岁。").is_empty());
    }
}
