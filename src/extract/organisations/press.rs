//! Newspapers named by their title (`《某某日报》`) or written without 《》
//! (`人民日报`-like names: one or two of the segmenter's words before a
//! newspaper's last word). A paper is an organisation of the class
//! `Newspaper`; which words end a paper's name is data (`newspaper_endings.txt`).

use super::super::lexicon::{COUNTRIES, NEWSPAPER_ENDINGS, PRESS_ACTS};
use super::super::names::normalise_name;
use super::super::{Cx, Mention, is_han};
use crate::model::{EntityType, Span};
use crate::segment::Pos;

/// Words that run on from a newspaper's last character into an ordinary word
/// (`及时报告`, `早报到`, `协商报送`): the paper's name never does.
const RUNS_ON: &str = "告到道送名刊纸社";

/// Finds newspapers and pushes them as organisations, unless a body already
/// covers the span.
pub(super) fn newspapers(cx: &mut Cx) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    let n = cx.chars.len();
    for i in 0..n {
        for ending in NEWSPAPER_ENDINGS.iter() {
            if !cx.starts_with(i, ending) {
                continue;
            }
            let end = i + ending.chars().count();
            if let Some(s) = titled(cx, i, end).or_else(|| bare(cx, i, end)) {
                found.push((s, end));
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    for (s, e) in found {
        let taken = cx.mentions.iter().any(|m| {
            matches!(
                m.ty,
                EntityType::Agency
                    | EntityType::Company
                    | EntityType::Organization
                    | EntityType::Initiative
            ) && m.span.overlaps(Span::new(s, e))
        });
        if taken {
            continue;
        }
        let text = cx.slice(s, e);
        cx.mentions.push(Mention {
            ty: EntityType::Organization,
            span: Span::new(s, e),
            text: text.clone(),
            key: normalise_name(&text),
            name: text.clone(),
            aliases: vec![text],
            class: Some("Newspaper"),
            div: None,
            role: None,
            rule: "organization:newspaper",
            anaphoric: false,
        });
    }
}

/// `某国《某某》11日报道`, `某国《某某》发表社论`: a title in 《》 right after a
/// foreign country's name, with what the press does a few characters after
/// it, is that country's paper, magazine or broadcaster, whatever its name
/// ends with. A document of that country's (`某国《某某法》`) is followed by
/// no such word.
pub(super) fn foreign_press(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut found = Vec::new();
    for open in 0..n {
        if cx.chars[open] != '《' || !COUNTRIES.iter().any(|c| cx.ends_with_at(open, c)) {
            continue;
        }
        let s = open + 1;
        let Some(close) = (s..(s + 12).min(n)).find(|&k| cx.chars[k] == '》') else {
            continue;
        };
        if close - s < 2 || !(s..close).all(|k| is_han(cx.chars[k])) {
            continue;
        }
        let acts = (close + 1..(close + 9).min(n))
            .take_while(|&k| !"，。；：、“”《》\n".contains(cx.chars[k]))
            .any(|k| PRESS_ACTS.iter().any(|w| cx.starts_with(k, w)));
        if acts {
            found.push((s, close));
        }
    }
    for (s, e) in found {
        // The title may have been read as a document: the press it is.
        cx.mentions
            .retain(|m| !(m.ty == EntityType::Initiative && m.span == Span::new(s, e)));
        if cx.mentions.iter().any(|m| {
            m.ty != EntityType::Division
                && m.ty != EntityType::Person
                && m.span.overlaps(Span::new(s, e))
        }) {
            continue;
        }
        let text = cx.slice(s, e);
        cx.mentions.push(Mention {
            ty: EntityType::Organization,
            span: Span::new(s, e),
            text: text.clone(),
            key: normalise_name(&text),
            name: text.clone(),
            aliases: vec![text],
            class: Some("Newspaper"),
            div: None,
            role: None,
            rule: "organization:foreign-press",
            anaphoric: false,
        });
    }
}

/// `《某某日报》`: the whole title, when the ending closes it.
fn titled(cx: &Cx, ending_start: usize, end: usize) -> Option<usize> {
    if cx.chars.get(end) != Some(&'》') {
        return None;
    }
    let open = (ending_start.saturating_sub(12)..ending_start)
        .rev()
        .find(|&k| cx.chars[k] == '《')?;
    let s = open + 1;
    (s < ending_start && (s..ending_start).all(|k| is_han(cx.chars[k]))).then_some(s)
}

/// A paper named without 《》: one or two ordinary or name words of the
/// segmenter (no verb, no function word) of two to six characters before the
/// ending, which starts a word of its own or ends the segmenter's word for the
/// whole name.
fn bare(cx: &Cx, ending_start: usize, end: usize) -> Option<usize> {
    if cx.chars.get(end).is_some_and(|&c| RUNS_ON.contains(c)) {
        return None;
    }
    let tokens = cx.tokens();
    // A word running across the ending's start (`及时` + `报告`) reads the
    // characters otherwise, unless it is the whole name (`某某日报` as one word).
    if let Some(t) = cx.word_across(ending_start)
        && t.end != end
    {
        return None;
    }
    if cx.word_across(end).is_some() {
        return None;
    }
    let mut s = ending_start;
    if let Some(t) = cx.word_across(ending_start) {
        s = t.start;
    } else {
        let mut k = tokens.partition_point(|t| t.end <= ending_start);
        let mut words = 0;
        while k > 0 && words < 2 {
            let t = &tokens[k - 1];
            let ok = t.end == s
                && !t.function
                && t.pos != Pos::Verb
                && t.end - t.start >= 2
                && (t.start..t.end).all(|j| is_han(cx.chars[j]))
                && ending_start - t.start <= 6;
            if !ok {
                break;
            }
            s = t.start;
            words += 1;
            k -= 1;
        }
    }
    // A count or a pointer before the ending (`一份都市报`, `这份晚报`) speaks
    // of some paper, not of one by name.
    let pointer = "一二三两几每各这那该某本此份";
    (ending_start - s >= 2 && !pointer.contains(cx.chars[s])).then_some(s)
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn organisations(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Organization)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_countrys_title_before_what_the_press_does_is_its_press() {
        let found = organisations("英国《某某报》11号报道，会议推迟。日本《晨星》发表社论。");
        assert!(found.contains(&"晨星".to_string()), "{found:?}");
        // A document of a country's is no paper.
        assert!(organisations("美国《某某授权法案》规定了预算。").is_empty());
    }

    #[test]
    fn a_newspaper_is_named_by_its_title_or_its_words() {
        assert_eq!(
            organisations("《南湖日报》刊发评论。据科技导报报道，新品发布。"),
            ["南湖日报", "科技导报"]
        );
        // Words that run on past a paper's last character are none.
        assert!(organisations("有关情况要及时报告上级。").is_empty());
        assert!(organisations("新生提前报到。").is_empty());
        assert!(organisations("他订了一份都市报。").is_empty());
    }
}
