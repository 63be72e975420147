//! Laws, treaties and regulations named without 《》: after a verb of law
//! (`颁布实施某某法`, `退出某某条约`) and right before their bill (`关于某某法修订
//! 草案`). Each pass skips what a quoted or titled name already covers.

use super::super::lexicon::{COMMON_LAW_WORDS, LAW_ENDINGS, LAW_VERBS};
use super::super::names::normalise_name;
use super::super::{Cx, Mention, is_han, is_stop};
use super::{initiative, occurrences, quoted, words_back};
use crate::model::{EntityType, Span};

/// `颁布实施某某法`, `退出某某条约`: a name of four to fourteen characters
/// right after a verb of law (an optional 了 between), ending in a word of law
/// where the segmenter ends a word and the clause goes on no further.
pub(super) fn unquoted_laws(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let n = cx.chars.len();
    let tokens = cx.tokens();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for v in LAW_VERBS.iter() {
        for at in occurrences(cx, v) {
            // Further verbs and modifiers before the name are no part of it
            // (`贯彻落实好某某法`, `修订现行某某法`).
            let mut s = at + v.chars().count();
            while let Some(w) = LAW_VERBS
                .iter()
                .copied()
                .chain([
                    "了", "好", "并", "通过", "相关", "有关", "现行", "新", "该", "本",
                ])
                .find(|w| cx.starts_with(s, w))
            {
                s += w.chars().count();
            }
            let Some(e) = (s + 1..=(s + 14).min(n))
                .take_while(|&e| {
                    let c = cx.chars[e - 1];
                    is_han(c) && !is_stop(c) && !"的了和与及、".contains(c)
                })
                .find(|&e| {
                    LAW_ENDINGS.iter().any(|w| cx.ends_with_at(e, w))
                        && tokens.binary_search_by_key(&e, |t| t.end).is_ok()
                        && cx
                            .chars
                            .get(e)
                            .is_none_or(|&c| !is_han(c) || "的和与及".contains(c))
                })
            else {
                continue;
            };
            let span = Span::new(s, e);
            let last = tokens
                .iter()
                .rfind(|t| t.end == e)
                .map(|t| cx.slice(t.start, t.end))
                .unwrap_or_default();
            let inside = quoted(quotes, titles, s, e);
            if e - s < 4
                || COMMON_LAW_WORDS
                    .iter()
                    .any(|w| last.ends_with(w) || cx.ends_with_at(e, w))
                || inside
                || taken.iter().any(|&(a, b)| a < e && s < b)
                || found.iter().any(|m| m.span.overlaps(span))
                || cx.mentions.iter().any(|m| m.span.overlaps(span))
            {
                continue;
            }
            taken.push((s, e));
            let text = cx.slice(s, e);
            found.push(initiative(
                cx,
                s,
                e,
                normalise_name(&text),
                vec![text.clone()],
                "PolicyDocument",
                "initiative:unquoted-law",
            ));
        }
    }
}

/// `关于某某法修订草案`, `对某某法草案进行审议`: a law named right before its
/// bill, walked back over the segmenter's words to a function word, a verb of
/// law or punctuation.
pub(super) fn laws_before_a_bill(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let tokens = cx.tokens();
    for bill in ["修订草案", "修正草案", "草案", "修正案"] {
        for e in occurrences(cx, bill) {
            if !LAW_ENDINGS.iter().any(|w| cx.ends_with_at(e, w)) {
                continue;
            }
            // Verbs of the legislature's work end the walk too; verbs inside a
            // law's name (`保障`, `促进`) do not.
            let Some(s) = words_back(cx, e, |word| {
                LAW_VERBS.contains(&word)
                    || ["提出", "提请", "举行", "表决", "公布", "起草", "进行"].contains(&word)
            }) else {
                continue;
            };
            let span = Span::new(s, e);
            let last = tokens
                .iter()
                .rfind(|t| t.end == e)
                .map(|t| cx.slice(t.start, t.end))
                .unwrap_or_default();
            // A law may hold the body or place it is for (`国务院组织法`); a
            // common word ending in 法 is only one when the segmenter reads it
            // whole (`公司法` holds `司法`).
            let inside_law = |m: &Mention| {
                matches!(m.ty, EntityType::Agency | EntityType::Division)
                    && m.span.start >= s
                    && m.span.end < e
            };
            if e - s < 3
                || COMMON_LAW_WORDS.contains(&last.as_str())
                || quoted(quotes, titles, s, e)
                || found.iter().any(|m| m.span.overlaps(span))
                || cx
                    .mentions
                    .iter()
                    .any(|m| m.span.overlaps(span) && !inside_law(m))
            {
                continue;
            }
            let text = cx.slice(s, e);
            found.push(initiative(
                cx,
                s,
                e,
                normalise_name(&text),
                vec![text.clone()],
                "PolicyDocument",
                "initiative:law-before-bill",
            ));
        }
    }
}
