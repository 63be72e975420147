//! People named in a list beside other people: in `甲、乙、丙等参加会见`,
//! when two items are names other passes found, an item between or after them
//! that opens with a surname and is as short as a name is a name too, though
//! nothing but the list vouches for it (a name the character model scores low).

use super::super::lexicon::{AMBIGUOUS_SURNAMES, EVENT_VERBS, POSTS, is_surname_start};
use super::super::tagged::names_a_division;
use super::super::{Cx, is_han};
use crate::model::{EntityType, Span};
use crate::segment::Pos;

/// Characters that close the last item of a list of people.
const LIST_END: &str = "等和与及，。；";

/// The items of the list of names around each `、`: spans between separators,
/// each two to four Chinese characters long. The first item runs back to the
/// clause's start, the last to a character of `LIST_END`.
fn list_items(cx: &Cx, p: usize) -> Vec<(usize, usize)> {
    let n = cx.chars.len();
    let han_run = |from: usize, to: usize| (from..to).all(|i| is_han(cx.chars[i]));
    let mut items = Vec::new();
    // Back over the items before the separator.
    let mut end = p;
    while let Some(start) = (2..=4)
        .filter_map(|len| end.checked_sub(len))
        .find(|&s| han_run(s, end) && (s == 0 || !is_han(cx.chars[s - 1])))
    {
        items.insert(0, (start, end));
        if start > 0 && cx.chars[start - 1] == '、' {
            end = start - 1;
        } else {
            break;
        }
    }
    // Forward over the items after it.
    let mut start = p + 1;
    while let Some(e) = (start + 2..=(start + 4).min(n)).find(|&e| {
        han_run(start, e)
            && (e == n
                || !is_han(cx.chars[e])
                || LIST_END.contains(cx.chars[e])
                || attends_at(cx, e))
    }) {
        items.push((start, e));
        if cx.chars.get(e) == Some(&'、') {
            start = e + 1;
        } else {
            break;
        }
    }
    items
}

/// Whether a verb of attending or going along starts at `e`, closing a list of
/// the people who did (`甲、乙参加`, `甲、乙陪同`).
fn attends_at(cx: &Cx, e: usize) -> bool {
    EVENT_VERBS
        .iter()
        .chain(["陪同", "会见", "一同", "分别"].iter())
        .any(|v| cx.starts_with(e, v))
}

/// Whether the dictionary reads an ordinary word in the item's place: that word.
fn ordinary(cx: &Cx, s: usize, e: usize) -> bool {
    super::super::trim::token_at(cx.tokens(), s)
        .is_some_and(|t| t.end == e && matches!(t.pos, Pos::Other | Pos::Verb))
}

/// A name right after a body's in a list of speakers or guests (`会上，某某大学
/// 甲、某某集团乙等发言`): the body opens a list item and the name, a surname and
/// one or two characters, closes it.
fn after_bodies(cx: &Cx, added: &mut Vec<(usize, usize, &'static str)>) {
    for m in &cx.mentions {
        if !matches!(
            m.ty,
            EntityType::Company | EntityType::Organization | EntityType::Agency
        ) || m.anaphoric
            || !m
                .span
                .start
                .checked_sub(1)
                .is_some_and(|k| "、，：\n".contains(cx.chars[k]))
        {
            continue;
        }
        let s = m.span.end;
        let sur = is_surname_start(&cx.chars, s);
        if sur != 1 || AMBIGUOUS_SURNAMES.contains(cx.chars[s]) {
            continue;
        }
        for e in [s + 3, s + 2] {
            let closes = cx.chars.get(e).is_some_and(|&c| "、等".contains(c));
            if closes
                && (s..e).all(|i| is_han(cx.chars[i]))
                && !ordinary(cx, s, e)
                && !POSTS.iter().any(|p| cx.slice(s, e).ends_with(p))
                && !cx
                    .mentions
                    .iter()
                    .any(|o| o.span.start < e && s < o.span.end)
                && !names_a_division(cx, s, e)
                && !added.iter().any(|a| (a.0, a.1) == (s, e))
            {
                added.push((s, e, "person:after-body"));
                break;
            }
        }
    }
}

/// Adds a Person for each unclaimed name-shaped item of a list in which two
/// items are already people, and for a name closing a list item after a body.
pub fn find(cx: &mut Cx) {
    let mut added: Vec<(usize, usize, &'static str)> = Vec::new();
    after_bodies(cx, &mut added);
    let seps: Vec<usize> = (0..cx.chars.len())
        .filter(|&p| cx.chars[p] == '、')
        .collect();
    // Every separator of one list gives the same items: each list is read once.
    let mut read_to = 0;
    for p in seps {
        if p < read_to {
            continue;
        }
        let items = list_items(cx, p);
        read_to = items.last().map_or(p, |&(_, e)| e);
        let person_at = |s: usize, e: usize| {
            cx.mentions
                .iter()
                .any(|m| m.ty == EntityType::Person && m.span == Span::new(s, e))
        };
        // One name found is enough when the list closes as a list of people
        // does (`甲、乙参加会见`, `甲、乙等出席`) and the item is one word the
        // segmenter made up or calls a name.
        let found = items.iter().filter(|&&(s, e)| person_at(s, e)).count();
        let closes = items
            .last()
            .is_some_and(|&(_, e)| cx.chars.get(e) == Some(&'等') || attends_at(cx, e));
        let one_word = |s: usize, e: usize| {
            super::super::trim::token_at(cx.tokens(), s)
                .is_some_and(|t| t.end == e && matches!(t.pos, Pos::Unknown | Pos::Person))
        };
        if found < 1 || found < 2 && !closes {
            continue;
        }
        for &(s, e) in &items {
            if found < 2 && !one_word(s, e) {
                continue;
            }
            let sur = is_surname_start(&cx.chars, s);
            let claimed = cx
                .mentions
                .iter()
                .any(|m| m.span.start < e && s < m.span.end);
            if sur == 0
                || e - s < sur + 1
                || e - s > sur + 2
                || claimed
                || ordinary(cx, s, e)
                || names_a_division(cx, s, e)
                || added.iter().any(|a| (a.0, a.1) == (s, e))
            {
                continue;
            }
            added.push((s, e, "person:list-peer"));
        }
    }
    for (s, e, rule) in added {
        let name = cx.slice(s, e);
        cx.mentions
            .push(super::person(name, None, Span::new(s, e), rule));
    }
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn people(text: &str) -> Vec<String> {
        let mut names: Vec<String> = run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Person)
            .map(|m| m.name.clone())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_list_closed_by_a_verb_of_attending_vouches_for_its_names() {
        // The dictionary knows neither name as such; one is found alone, the
        // other only beside it in a list of those who attended.
        let found = people("会见时，王毅、秦刚等参加。");
        assert!(found.contains(&"秦刚".to_string()), "{found:?}");
    }

    #[test]
    fn a_list_of_things_vouches_for_nothing() {
        assert!(people("会上展示了钢铁、水泥等产品。").is_empty());
    }
}
