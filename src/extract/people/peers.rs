//! People named in a list beside other people: in `甲、乙、丙等参加会见`,
//! when two items are names other passes found, an item between or after them
//! that opens with a surname and is as short as a name is a name too, though
//! nothing but the list vouches for it (a name the character model scores low).

use super::super::lexicon::is_surname_start;
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
    loop {
        let Some(start) = (2..=4)
            .filter_map(|len| end.checked_sub(len))
            .find(|&s| han_run(s, end) && (s == 0 || !is_han(cx.chars[s - 1])))
        else {
            break;
        };
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
        han_run(start, e) && (e == n || !is_han(cx.chars[e]) || LIST_END.contains(cx.chars[e]))
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

/// Adds a Person for each unclaimed name-shaped item of a list in which two
/// items are already people.
pub fn find(cx: &mut Cx) {
    let mut added: Vec<(usize, usize)> = Vec::new();
    let seps: Vec<usize> = (0..cx.chars.len())
        .filter(|&p| cx.chars[p] == '、')
        .collect();
    for p in seps {
        let items = list_items(cx, p);
        let person_at = |s: usize, e: usize| {
            cx.mentions
                .iter()
                .any(|m| m.ty == EntityType::Person && m.span == Span::new(s, e))
        };
        if items.iter().filter(|&&(s, e)| person_at(s, e)).count() < 2 {
            continue;
        }
        for &(s, e) in &items {
            let sur = is_surname_start(&cx.chars, s);
            let claimed = cx
                .mentions
                .iter()
                .any(|m| m.span.start < e && s < m.span.end);
            // The dictionary's ordinary word in the item's place is that word.
            let ordinary = super::super::trim::token_at(cx.tokens(), s)
                .is_some_and(|t| t.end == e && matches!(t.pos, Pos::Other | Pos::Verb));
            if sur == 0
                || e - s < sur + 1
                || e - s > sur + 2
                || claimed
                || ordinary
                || names_a_division(cx, s, e)
                || added.contains(&(s, e))
            {
                continue;
            }
            added.push((s, e));
        }
    }
    for (s, e) in added {
        let name = cx.slice(s, e);
        cx.mentions.push(super::person(
            name,
            None,
            Span::new(s, e),
            "person:list-peer",
        ));
    }
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}
