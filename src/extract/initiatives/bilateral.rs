//! Agreements, plans and dialogues two states name by their initials
//! (`中某自由贸易协定`, `中某全面合作计划`, `中某战略与经济对话`): the pair of
//! initials says which one is meant, so the phrase is a name without quotes.

use super::super::lexicon::COUNTRY_INITIALS;
use super::super::names::normalise_name;
use super::super::{Cx, Mention, is_han};
use super::{initiative, quoted};
use crate::segment::Pos;

/// The words that close such a name, with the subclass they imply. A longer
/// word goes before a shorter one it ends with.
const ENDINGS: [(&str, &str); 4] = [
    ("协定", "PolicyDocument"),
    ("协议", "PolicyDocument"),
    ("计划", "PolicyDocument"),
    ("对话", "Mechanism"),
];

/// The longest name, initials and ending included.
const LONGEST: usize = 16;

/// Words inside the run that make it a clause about the pair, not a name
/// (`中某双方可以通过…对话`, `中某合作是…交流对话`).
const CLAUSE: [&str; 4] = ["双方", "两国", "可以", "通过"];

/// `中某自由贸易协定`: 中 and another state's initial where a word starts, a
/// run of Han characters with no function word (but 与 or 和 joining two
/// fields), one-character verb or word of clause, and an ending of [`ENDINGS`] where a word ends.
pub(super) fn bilateral_names(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let n = cx.chars.len();
    let tokens = cx.tokens();
    for s in 0..n.saturating_sub(4) {
        if cx.chars[s] != '中'
            || !COUNTRY_INITIALS.contains(cx.chars[s + 1])
            || cx.word_across(s).is_some()
        {
            continue;
        }
        let limit = (s + LONGEST).min(n);
        let Some((e, class)) = (s + 4..=limit)
            .take_while(|&e| is_han(cx.chars[e - 1]) && !"，、。".contains(cx.chars[e - 1]))
            .find_map(|e| {
                ENDINGS
                    .iter()
                    .find(|(w, _)| cx.ends_with_at(e, w))
                    .filter(|_| cx.word_across(e).is_none())
                    .map(|(_, class)| (e, *class))
            })
        else {
            continue;
        };
        let text = cx.slice(s, e);
        let clause = CLAUSE.iter().any(|w| text.contains(w))
            || tokens
                .iter()
                .filter(|t| t.start >= s + 2 && t.end <= e)
                .any(|t| {
                    // Two fields joined (`战略与经济`, `社会和人文`) stay in the name.
                    let joins = t.end - t.start == 1 && "与和".contains(cx.chars[t.start]);
                    t.function && !joins || t.pos == Pos::Verb && t.end - t.start == 1
                });
        if clause
            || quoted(quotes, titles, s, e)
            || found.iter().any(|m| m.span.start < e && s < m.span.end)
            || cx
                .mentions
                .iter()
                .any(|m| m.span.start < e && s < m.span.end)
        {
            continue;
        }
        let mut m = initiative(
            cx,
            s,
            e,
            normalise_name(&text),
            vec![text.clone()],
            class,
            "initiative:bilateral",
        );
        m.text = text;
        found.push(m);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn bilateral(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Initiative && m.rule == "initiative:bilateral")
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_pair_of_initials_names_an_agreement_or_a_dialogue() {
        assert_eq!(
            bilateral("标题\n双方要尽早实施中澳自由贸易协定，推进合作。"),
            ["中澳自由贸易协定"]
        );
        assert_eq!(
            bilateral("标题\n中美战略与经济对话在北京举行。"),
            ["中美战略与经济对话"]
        );
    }

    #[test]
    fn a_clause_about_the_pair_is_no_name() {
        assert!(bilateral("标题\n中澳双方可以通过外交和战略对话解决分歧。").is_empty());
        assert!(bilateral("标题\n中德合作是两大文明的交流对话。").is_empty());
    }
}
