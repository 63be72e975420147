//! worksFor for a person found by the name's own rule, with no post in
//! the mention: a post or title written right before the name, a title
//! right after it, a body right before it in a list of speakers, or a
//! clause that calls the person one of a body's staff (`某某是某局干部`) or
//! has the person take up a post in it (`某某任某市委书记`), or a list of
//! names with a member word (`甲、乙等12位常委`, `领导小组成员甲、乙`).

use super::super::lexicon::{
    APPOINT_VERBS, COMPANY_POSTS, POST_BODIES, POSTS, STAFF_WORDS, TITLES_AFTER,
};
use super::super::{Cx, is_han, is_stop};
use crate::model::EntityType;

/// `某院议长某某`, `时任某省委书记的某某`: a post or title written right
/// before the name, or before a `的` that leads to it, with a body's name
/// right before the post. Found by the name's own rule, such a person has
/// no role, so without this the body named next to the post would be lost.
pub(super) fn post_of_body_before(cx: &Cx, i: usize) -> Option<(usize, &'static str)> {
    let start = cx.mentions[i].span.start;
    let (end, rule) = if start > 0 && cx.chars[start - 1] == '的' {
        (start - 1, "worksFor:post-of")
    } else {
        (start, "worksFor:post-before-name")
    };
    let post = POSTS
        .iter()
        .chain(COMPANY_POSTS.iter())
        .chain(TITLES_AFTER.iter().filter(|w| **w != "先生"))
        .filter(|p| cx.ends_with_at(end, p))
        .max_by_key(|p| p.chars().count())?;
    let post_start = end - post.chars().count();
    let j = body_ending_at(cx, post_start)?;
    Some((j, rule))
}

/// The organisation whose name ends at `at`, the longest when several do.
fn body_ending_at(cx: &Cx, at: usize) -> Option<usize> {
    (0..cx.mentions.len())
        .filter(|&j| {
            let o = &cx.mentions[j];
            matches!(
                o.ty,
                EntityType::Agency | EntityType::Company | EntityType::Organization
            ) && !o.anaphoric
                && o.span.end == at
        })
        .max_by_key(|&j| cx.mentions[j].span.len())
}

/// `某某委员长主持`: a title right after the name that names its national
/// body ([`POST_BODIES`]) is that body's post, when the article names the body.
pub(super) fn title_body_after_name(cx: &Cx, i: usize) -> Option<usize> {
    let end = cx.mentions[i].span.end;
    // A deputy holds the post of the same body (`某某副委员长`).
    let end = if cx.starts_with(end, "副") {
        end + 1
    } else {
        end
    };
    let row = POST_BODIES
        .iter()
        .find(|row| row[1..].iter().any(|p| cx.starts_with(end, p)))?;
    (0..cx.mentions.len())
        .find(|&j| cx.mentions[j].ty == EntityType::Agency && cx.mentions[j].name == row[0])
}

/// A name written right after a body's, with no post between, in a list of
/// speakers or guests (`会上，某某大学甲、某某集团乙等发了言`): the body the
/// person speaks for. Both ends must be the list's: punctuation or the start
/// of a clause before the body, a list mark or a clause's end after the name.
/// A roll of honour sets each line as body, space, names (`某乡某小学 某某`):
/// a space between them is the list's too, and the line's end closes it.
pub(super) fn body_before_name(cx: &Cx, i: usize) -> Option<usize> {
    let p = &cx.mentions[i];
    let after = cx.chars.get(p.span.end).copied();
    if !after.is_none_or(|c| "、，。；等\n".contains(c)) {
        return None;
    }
    let spaced = |end: usize| {
        end < p.span.start
            && p.span.start - end <= 2
            && (end..p.span.start).all(|k| " 　\u{a0}".contains(cx.chars[k]))
    };
    cx.mentions
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            matches!(o.ty, EntityType::Company | EntityType::Organization)
                && !o.anaphoric
                && (o.span.end == p.span.start || spaced(o.span.end))
                && (o.span
                    .start
                    .checked_sub(1)
                    .is_none_or(|k| "、，：:\n".contains(cx.chars[k]))
                    // On a roll of honour the body follows its address or
                    // another body of the same line (`某乡甲小学和乙小学 某某`).
                    || spaced(o.span.end)
                        && (cx.chars[o.span.start - 1] == '和'
                            || cx.mentions.iter().any(|d| {
                                d.ty == EntityType::Division && d.span.end == o.span.start
                            })))
        })
        .map(|(j, _)| j)
        .max_by_key(|&j| cx.mentions[j].span.len())
}

/// Member words after a list of names (`甲、乙等12位常委`) or before it
/// (`领导小组成员甲、乙`), with the endings of the body's name each stands
/// for: the members are of the nearest body so named before the list.
const MEMBER_WORDS: [(&str, &[&str]); 3] = [
    ("常委", &["常委会", "常务委员会"]),
    ("成员", &["小组", "委员会", "工作组"]),
    ("委员", &["委员会"]),
];

/// `某委员会……甲、乙、丙等12位常委作发言`, `某领导小组……领导小组成员甲、乙参加`:
/// names listed with a member word after `等` (and a count) or after a bare
/// tail of a body's name and `成员` are members of the nearest body before
/// the list whose name ends as the member word says. Only names joined by
/// `、` make the list, so a clause between names breaks it.
pub(super) fn listed_member(cx: &Cx, i: usize) -> Option<usize> {
    let is_person = |k: usize| cx.mentions[k].ty == EntityType::Person;
    let joined = |a: usize, b: usize| {
        cx.mentions[a].span.end + 1 == cx.mentions[b].span.start
            && cx.chars[cx.mentions[a].span.end] == '、'
    };
    let persons: Vec<usize> = (0..cx.mentions.len()).filter(|&k| is_person(k)).collect();
    let at = persons.iter().position(|&k| k == i)?;
    let mut first = at;
    while first > 0 && joined(persons[first - 1], persons[first]) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < persons.len() && joined(persons[last], persons[last + 1]) {
        last += 1;
    }
    let (list_start, list_end) = (
        cx.mentions[persons[first]].span.start,
        cx.mentions[persons[last]].span.end,
    );
    // After the list: `等`, an optional count of people, the member word.
    let mut k = list_end;
    let after = if cx.chars.get(k) == Some(&'等') {
        k += 1;
        while cx
            .chars
            .get(k)
            .is_some_and(|&c| c.is_ascii_digit() || "一二三四五六七八九十几".contains(c))
        {
            k += 1;
        }
        if k > list_end + 1 && cx.chars.get(k).is_some_and(|&c| c == '位' || c == '名') {
            k += 1;
        }
        MEMBER_WORDS.iter().find(|(w, _)| cx.starts_with(k, w))
    } else {
        None
    };
    // Before the list: the bare tail of a body's name and `成员`.
    let before = || {
        let tail_end = list_start.checked_sub(2)?;
        if !cx.starts_with(tail_end, "成员") {
            return None;
        }
        let (_, endings) = MEMBER_WORDS.iter().find(|(w, _)| *w == "成员")?;
        let tail = endings.iter().find(|e| cx.ends_with_at(tail_end, e))?;
        Some((tail_end - tail.chars().count(), *endings))
    };
    let (limit, endings): (usize, &[&str]) = match (after, before()) {
        (Some((_, endings)), _) => (list_start, endings),
        (None, Some((tail_start, endings))) => (tail_start, endings),
        _ => return None,
    };
    (0..cx.mentions.len())
        .filter(|&j| {
            let b = &cx.mentions[j];
            b.ty == EntityType::Agency
                && !b.anaphoric
                && b.span.end <= limit
                && endings.iter().any(|e| b.name.ends_with(e))
        })
        .max_by_key(|&j| cx.mentions[j].span.end)
}

/// `某某是某公司职工`, `某某是某局的一名干部`: a person said to be one of a
/// body's staff works for it. The body follows 是 (or 为) right after the name,
/// or after a comma and a word of time (`某某，生前是…`), and a word for its
/// staff closes the clause, after at most a short unit or descriptor
/// (`某局电务段职工`, `某所的驻区民警`). A verb of taking up a post says the
/// same with a post after the body (`某某任中共某市委书记`, `某某现任某局局长`).
pub(super) fn staff_of(cx: &Cx, i: usize) -> Option<(usize, &'static str)> {
    let p = &cx.mentions[i];
    if cx.chars.get(p.span.end) == Some(&'的') {
        return post_held(cx, p.span.end + 1);
    }
    let mut at = p.span.end;
    if cx.chars.get(at).is_some_and(|&c| c == '，' || c == ',') {
        at += 1;
        if let Some(w) = ["生前", "现在", "目前", "曾经", "原来", "原", "现", "曾"]
            .iter()
            .find(|w| cx.starts_with(at, w))
        {
            at += w.chars().count();
        }
    }
    // Without a comma, an adverb of time may still stand before a verb of
    // office (`某某现任`, `某某曾担任`, `某某在担任`).
    if at == p.span.end
        && let Some(w) = [
            "现在", "曾经", "先后", "在", "现", "曾", "后", "又", "还", "也",
        ]
        .iter()
        .find(|w| cx.starts_with(at, w))
        && APPOINT_VERBS
            .iter()
            .any(|v| cx.starts_with(at + w.chars().count(), v))
    {
        at += w.chars().count();
    }
    // A verb of taking up a post (`某某任某市委书记`) says it as `是` does; the
    // Party's name may stand before its committee (`任中共某市委书记`).
    let mut rule = "worksFor:is-staff";
    if let Some(v) = APPOINT_VERBS
        .iter()
        .filter(|v| cx.starts_with(at, v))
        .max_by_key(|v| v.chars().count())
    {
        rule = "worksFor:appointed";
        at += v.chars().count() - 1;
        // `担任过`, `任了`: the aspect mark says when, not where.
        if cx
            .chars
            .get(at + 1)
            .is_some_and(|&c| c == '过' || c == '了')
        {
            at += 1;
        }
        if cx.starts_with(at + 1, "中共") {
            at += 2;
        }
    } else if !["是", "为", "系"].iter().any(|w| cx.starts_with(at, w)) {
        return None;
    }
    // The body's place may be written before its name, as divisions of their
    // own (`某某是某省某市某乡党委书记`).
    while let Some(d) = cx
        .mentions
        .iter()
        .filter(|d| d.ty == EntityType::Division && d.span.start == at + 1)
        .max_by_key(|d| d.span.end)
    {
        if cx.mentions.iter().any(|o| {
            matches!(
                o.ty,
                EntityType::Agency | EntityType::Company | EntityType::Organization
            ) && o.span.start == at + 1
        }) {
            break;
        }
        at = d.span.end - 1;
    }
    let j = (0..cx.mentions.len())
        .filter(|&j| {
            let o = &cx.mentions[j];
            matches!(
                o.ty,
                EntityType::Agency | EntityType::Company | EntityType::Organization
            ) && !o.anaphoric
                && o.span.start == at + 1
        })
        .max_by_key(|&j| cx.mentions[j].span.end)?;
    let mut k = cx.mentions[j].span.end;
    if cx.chars.get(k) == Some(&'的') {
        k += 1;
    }
    for w in ["一名", "一位", "一个"] {
        if cx.starts_with(k, w) {
            k += w.chars().count();
            break;
        }
    }
    // A unit of the body may stand between, closed by 的 (`某台新闻中心的
    // 记者`, `某报行业新闻部的副主任`).
    if k == cx.mentions[j].span.end
        && let Some(de) = (k + 2..(k + 8).min(cx.chars.len()))
            .take_while(|&p| is_han(cx.chars[p - 1]) && !is_stop(cx.chars[p - 1]))
            .find(|&p| cx.chars[p] == '的')
    {
        let mut s = de + 1;
        for w in ["一名", "一位"] {
            if cx.starts_with(s, w) {
                s += w.chars().count();
                break;
            }
        }
        if STAFF_WORDS
            .iter()
            .chain(POSTS.iter())
            .any(|w| cx.starts_with(s, w))
        {
            return Some((j, rule));
        }
    }
    // A short unit or descriptor may stand before the staff word, in plain
    // characters with no clause break.
    (k..=k + 4)
        .take_while(|&s| {
            s == k
                || cx
                    .chars
                    .get(s - 1)
                    .is_some_and(|&c| is_han(c) && !is_stop(c))
        })
        .any(|s| {
            STAFF_WORDS
                .iter()
                .chain(POSTS.iter())
                .any(|w| cx.starts_with(s, w))
        })
        .then_some((j, rule))
}

/// `免去某某的某部部长职务`: a post held by the person before the `的`, named
/// by the body starting at `at` and a post right after it, is the person's
/// when `职务` closes it (a post in an act of appointing or removing).
fn post_held(cx: &Cx, at: usize) -> Option<(usize, &'static str)> {
    let j = (0..cx.mentions.len())
        .filter(|&j| {
            let o = &cx.mentions[j];
            matches!(
                o.ty,
                EntityType::Agency | EntityType::Company | EntityType::Organization
            ) && !o.anaphoric
                && o.span.start == at
        })
        .max_by_key(|&j| cx.mentions[j].span.end)?;
    let k = cx.mentions[j].span.end;
    POSTS
        .iter()
        .filter(|w| cx.starts_with(k, w))
        .any(|w| cx.starts_with(k + w.chars().count(), "职务"))
        .then_some((j, "worksFor:post-held"))
}

#[cfg(test)]
mod tests {
    use crate::extract::relations::employ::tests::pairs;

    #[test]
    fn a_post_removed_from_a_person_is_the_persons() {
        let found = pairs("会议决定免去甘文亮的交通运输部部长职务。");
        assert!(
            found.contains(&("甘文亮".into(), "交通运输部".into())),
            "{found:?}"
        );
        // Without `职务` the `的` may lead anywhere.
        let found = pairs("甘文亮的交通运输部部长朋友来了。");
        assert!(
            !found.contains(&("甘文亮".into(), "交通运输部".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_deputys_title_after_the_name_is_a_post_of_the_same_body() {
        let found = pairs("全国人大常委会举行会议。王建国委员长出席。甘文亮副委员长主持会议。");
        for name in ["王建国", "甘文亮"] {
            assert!(
                found.contains(&(name.into(), "全国人大常委会".into())),
                "{found:?}"
            );
        }
    }

    #[test]
    fn names_listed_with_a_member_word_are_members_of_the_body_before() {
        let found = pairs("全国政协常委会会议举行。\n王建国、甘文亮、李明华等12位常委作大会发言。");
        for name in ["王建国", "甘文亮", "李明华"] {
            assert!(
                found.contains(&(name.into(), "全国政协常委会".into())),
                "{found:?}"
            );
        }
        let found = pairs("中央某某工作领导小组召开会议。领导小组成员王建国、甘文亮参加。");
        assert!(
            found
                .iter()
                .filter(|(_, b)| b.ends_with("领导小组"))
                .count()
                == 2,
            "{found:?}"
        );
        // Without a member word the list works for no body.
        let found = pairs("全国政协常委会会议举行。王建国、甘文亮等人作大会发言。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_members_title_after_the_name_is_a_post_of_the_body_the_article_names() {
        let found = pairs("全国政协十四届常委会第二次会议举行。王海涛常委建议，加强创新。");
        assert!(
            found.contains(&("王海涛".into(), "全国政协常委会".into())),
            "{found:?}"
        );
        // Without the body in the article, the title names no employer.
        assert!(pairs("王海涛常委建议，加强创新。").is_empty());
    }

    #[test]
    fn a_verb_of_taking_up_a_post_before_a_body_and_a_post() {
        let found = pairs("1931年，王海涛任中共哈尔滨市委书记。");
        assert!(
            found.contains(&("王海涛".into(), "哈尔滨市委".into())),
            "{found:?}"
        );
        let found = pairs("刘晓东现任龙泉市发改局局长。");
        assert!(
            found.contains(&("刘晓东".into(), "龙泉市发改局".into())),
            "{found:?}"
        );
        // No post after the body, no employer.
        assert!(pairs("刘晓东任龙泉市发改局的顾问团讲话。").is_empty());
    }

    #[test]
    fn a_name_right_after_a_body_in_a_list_of_speakers_works_there() {
        let found = pairs("会上，甲乙大学刘晓东、丙丁集团王海涛等发了言。");
        assert!(
            found.contains(&("刘晓东".into(), "甲乙大学".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("王海涛".into(), "丙丁集团".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_after_a_school_and_a_space_on_a_roll_of_honour_works_there() {
        let found = pairs("获奖的是：\n浙江省海宁市袁花镇丁戊小学 刘晓东\n");
        assert!(
            found.contains(&("刘晓东".into(), "丁戊小学".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_person_said_to_be_a_bodys_staff_works_there() {
        let found = pairs("王建华是嘉兴市供电公司职工，过去的一年很忙。");
        assert_eq!(found, [("王建华".into(), "嘉兴市供电公司".into())]);
        // After a comma and a word of time, and with a unit or a descriptor
        // before the staff word.
        let found = pairs("李国平，生前是嘉兴市公安局南湖分局的一名社区民警。");
        assert_eq!(found, [("李国平".into(), "嘉兴市公安局南湖分局".into())]);
        let found = pairs("王建华是嘉兴市供电公司变电站职工。");
        assert_eq!(found, [("王建华".into(), "嘉兴市供电公司".into())]);
        // A post closes the clause as well, and the body's place may come
        // first as divisions of their own.
        let found = pairs("王建华是浙江省嘉兴市七星镇党委书记。");
        assert_eq!(found, [("王建华".into(), "七星镇党委".into())]);
        // A policeman is one of the bureau's staff.
        let found = pairs("王建华是嘉兴市公安局的一名交通警察。");
        assert_eq!(found, [("王建华".into(), "嘉兴市公安局".into())]);
        // An aspect mark after the verb of office.
        let found = pairs("来这里之前，王建华还担任过七星镇派出所所长。");
        assert_eq!(found, [("王建华".into(), "七星镇派出所".into())]);
    }

    #[test]
    fn a_post_right_before_a_name_found_by_its_own_rule_is_the_bodys() {
        let found = pairs("刘晓东会见芬兰议会议长卡尔森。");
        assert!(
            found.contains(&("卡尔森".into(), "芬兰议会".into())),
            "{found:?}"
        );
        // A post and `的` before the name (`时任某某书记的某某`).
        let found = pairs("1990年，时任嘉兴市委书记的王建国来到村里。");
        assert!(
            found.contains(&("王建国".into(), "嘉兴市委".into())),
            "{found:?}"
        );
    }
}
