//! The national level's own bodies after their level word: which bodies a
//! level word opens (`全国政协`, not `全国改革开放大局`), the committees of the
//! legislature and the advisory conference named after them, their terms and
//! the congress's inspection teams. `national` calls these while it walks a
//! name; they read the text and add no mentions.

use super::super::lexicon::{NOT_AGENCY_END, POSTS};
use super::super::{Cx, is_han, is_stop};

/// The end of a congress's inspection team right after its body, named by the
/// law it inspects or not (`某常委会某某法执法检查组`, `某常委会执法检查组`).
pub(super) fn inspection_after(cx: &Cx, e: usize) -> Option<usize> {
    const TEAM: &str = "执法检查组";
    let team = TEAM.chars().count();
    if cx.starts_with(e, TEAM) {
        return Some(e + team);
    }
    (e + 2..=(e + 20).min(cx.chars.len()))
        .take_while(|&k| is_han(cx.chars[k - 1]) && !"，。、".contains(cx.chars[k - 1]))
        .find(|&k| cx.chars[k - 1] == '法' && cx.starts_with(k, TEAM))
        .map(|k| k + team)
}

/// Whether `p..e`, a body after the country's level word `level`, names one:
/// the national government is `中央政府` or `中央人民政府` (not
/// `中央层面政府`), no bureau is named by `全国` (the country's are `国家某某局`,
/// so `全国改革开放大局` is none), and
/// no word of the segmenter's starting in a body ending in 委 runs on past it
/// (`中央委托`; `全国人大常委会`, one word from the level on, is fine, and so
/// is a word that runs on into a post: `中共中央` + `军委主席`).
pub(super) fn level_body(cx: &Cx, level: &str, p: usize, e: usize) -> bool {
    let body = cx.slice(p, e);
    let government = body
        .strip_suffix("政府")
        .is_none_or(|core| core.is_empty() || core == "人民");
    let country_wide = level == "全国";
    // An everyday word that ends like a body ends no body at any level
    // (`中共中央统筹国内国际两个大局`).
    government
        && !NOT_AGENCY_END
            .iter()
            .any(|w| *w != "办公厅" && body.ends_with(w))
        // The country's courts, halls and departments are all of them, no one
        // body (`全国法院`, `全国工商部门`, `全国上下四级法院`, `全国地方政协`).
        && !(country_wide
            && (["局", "厅", "部门", "法院", "检察院"]
                .iter()
                .any(|w| body.ends_with(w))
                || ["地方", "上下", "各级"].iter().any(|w| body.contains(w))))
        && !(body.ends_with('委')
            && cx.word_across(e).is_some_and(|t| {
                t.start >= p && !(t.start == p && POSTS.contains(&cx.slice(e, t.end).as_str()))
            }))
}

/// The end of a committee of the legislature or the advisory conference named
/// right after it (`全国人大` + `某某和某某委员会`, `全国人大常委会` +
/// `某某工作委员会`): the committee is the body.
pub(super) fn committee_after(cx: &Cx, e: usize) -> Option<usize> {
    let body = cx.slice(e.saturating_sub(7), e);
    if !["人大", "人大常委会", "政协"]
        .iter()
        .any(|b| body.ends_with(b))
    {
        return None;
    }
    (e + 1..=(e + 12).min(cx.chars.len())).find_map(|q| {
        let c = cx.chars[q - 1];
        // A session (`十三届一次会议`) is no committee's name.
        if !is_han(c) || is_stop(c) && !"和与".contains(c) || "届议".contains(c) {
            return Some(None);
        }
        cx.starts_with(q, "委员会").then_some(Some(q + 3))
    })?
}

/// The length of a term (`第十四届`, `十四届`) at the start of `chars`.
pub(in crate::extract) fn term_len(chars: &[char]) -> Option<usize> {
    let p = usize::from(chars.first() == Some(&'第'));
    let q = p + chars[p..]
        .iter()
        .take_while(|c| "一二三四五六七八九十".contains(**c))
        .count();
    (q > p && chars.get(q) == Some(&'届')).then_some(q + 1)
}

/// The end of a term starting at `k`.
pub(super) fn session_end(cx: &Cx, k: usize) -> Option<usize> {
    term_len(&cx.chars[k.min(cx.chars.len())..]).map(|len| k + len)
}

/// The end of the advisory conference's standing committee named right after
/// the conference, with or without its term (`全国政协` + `十四届常委会`,
/// `政协第某届全国委员会` + `常务委员会`): the standing committee is the body.
pub(super) fn standing_committee_after(cx: &Cx, e: usize) -> Option<usize> {
    if !cx.ends_with_at(e, "政协") && !cx.ends_with_at(e, "全国委员会") {
        return None;
    }
    let p = session_end(cx, e).unwrap_or(e);
    ["常委会", "常务委员会"]
        .iter()
        .find(|w| cx.starts_with(p, w))
        .map(|w| p + w.chars().count())
}
