//! Leading groups named by their task (`中央某某工作领导小组`,
//! `推动某某发展领导小组`, `第某届某某会工作领导小组`): the name is walked back
//! from 领导小组 over the words of its subject to the clause before it. The
//! bodies' own grammar (`match_body`) needs a place or a national lead word
//! before the subject and a short subject; these groups are named by long
//! subjects, often with neither.

use super::lexicon::{GROUP_OPENERS, TASK_GROUPS};
use super::names::{body_variants, task_named};
use super::{Cx, Mention, is_han};
use crate::model::{EntityType, Span};
use crate::segment::Pos;

/// The longest subject walked back over, in characters.
const MAX_SUBJECT: usize = 24;

/// Words that open a group of the Party centre or the state: the name starts
/// at the first of them (`十九届中央某某领导小组` is the centre's group).
const LEADS: [&str; 4] = ["中央", "国务院", "全国", "国家"];

pub fn find(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        if !cx.starts_with(i, "领导小组") {
            i += 1;
            continue;
        }
        let mut e = i + 4;
        if cx.starts_with(e, "办公室") {
            e += 3;
        }
        if let Some(s) = subject_start(cx, i)
            && !cx.in_book_title(i)
            // The state's own lead body may open the name (`国务院某某领导小组`).
            && (s..e).all(|k| {
                cx.covering(k, &[EntityType::Agency]).is_none_or(|a| {
                    let m = &cx.mentions[a];
                    m.span.start == s && LEADS.contains(&m.text.as_str())
                })
            })
        {
            found.push((s, e));
        }
        i += 4;
    }
    for (s, e) in found {
        let text = cx.slice(s, e);
        let (name, mut aliases) = body_variants(&text);
        aliases.push(text.clone());
        aliases.sort();
        aliases.dedup();
        let national = LEADS.iter().any(|w| name.starts_with(w));
        cx.mentions.push(Mention {
            ty: EntityType::Agency,
            span: Span::new(s, e),
            key: if national {
                format!("national/{name}")
            } else {
                format!("group/{name}")
            },
            text,
            name,
            aliases,
            class: None,
            div: None,
            role: None,
            rule: "agency:task-group",
            anaphoric: false,
        });
    }
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// Where the subject before the group word at `at` starts, if it names one:
/// the segmenter's words are taken back over Han characters, digits and a
/// quoted phrase, up to a clause's verb, a function word (`党的` is a name's),
/// a mention of a person, or punctuation. A count of levels (`两级`, `各级`)
/// says the groups of many bodies are meant, not one.
fn subject_start(cx: &Cx, at: usize) -> Option<usize> {
    let tokens = cx.tokens();
    let mut k = tokens.partition_point(|t| t.end <= at);
    let mut s = at;
    while k > 0 && at - s < MAX_SUBJECT {
        let t = &tokens[k - 1];
        let word = cx.slice(t.start, t.end);
        // A quoted phrase inside the name (`中央“某某”主题教育领导小组`).
        if word == "”" {
            let open = (s.saturating_sub(16)..s)
                .rev()
                .find(|&j| cx.chars[j] == '“')?;
            s = open;
            k = tokens.partition_point(|t| t.end <= open);
            continue;
        }
        let plain = (t.start..t.end).all(|j| is_han(cx.chars[j]) || cx.chars[j].is_ascii_digit());
        let party_of = word == "的" && t.start > 0 && cx.chars[t.start - 1] == '党';
        // Regions listed and closed by 等 are one field (`振兴某某地区等老工业
        // 基地`): the walk goes on past 等 after a region's word.
        let listed_regions = word == "等"
            && s < at
            && ["地区", "省", "市", "区"]
                .iter()
                .any(|w| cx.ends_with_at(t.start, w));
        // Every level's groups, or some, are no one group (`两级`, `各级`).
        if !task_named(&cx.slice(t.start, at.max(t.start + 2))) {
            return None;
        }
        if !plain
            || t.function && !party_of && !listed_regions && !["和", "与"].contains(&word.as_str())
            || GROUP_OPENERS.contains(&word.as_str())
            || cx.covering(t.start, &[EntityType::Person]).is_some()
        {
            break;
        }
        s = t.start;
        k -= 1;
    }
    // A conjunction opens no name.
    while s < at && "和与".contains(cx.chars[s]) {
        s += 1;
    }
    // The centre's or the state's lead word starts the name, past a term or
    // a date before it (`十九届中央…`, `去年7月中央…`); after other words
    // (`深化国家某某改革…`) it is the subject's.
    if let Some(lead) = (s..at)
        .filter(|&j| LEADS.iter().any(|w| cx.starts_with(j, w)))
        .find(|&j| tokens.binary_search_by_key(&j, |t| t.start).is_ok())
        && (lead == s || "届次年月日号".contains(cx.chars[lead - 1]))
    {
        s = lead;
    }
    // A date before the name is no part of it.
    while let Some(t) = tokens.iter().find(|t| t.start == s && t.end < at) {
        let word = cx.slice(t.start, t.end);
        if word.ends_with(['年', '月', '日', '号']) || word.chars().all(|c| c.is_ascii_digit())
        {
            s = t.end;
        } else {
            break;
        }
    }
    // A group of one edition of an event (`第某届某某会工作领导小组`) keeps
    // its ordinal.
    if s > 0 && cx.chars[s - 1] == '届' {
        let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百".contains(c);
        let mut j = s - 1;
        while j > 0 && numeral(cx.chars[j - 1]) {
            j -= 1;
        }
        if j < s - 1 && j > 0 && cx.chars[j - 1] == '第' {
            s = j - 1;
        }
    }
    let subject = cx.slice(s, at);
    // A bare kind of work (`工作领导小组`) names no one group, and verbs alone
    // (`要抓紧研究提出领导小组…`) are a clause about one named before.
    let own = subject.trim_end_matches("工作");
    let named = tokens
        .iter()
        .filter(|t| t.start >= s && t.end <= at)
        .any(|t| t.pos != Pos::Verb && !t.function && t.end - t.start >= 2);
    (named && own.chars().count() >= 3 && !TASK_GROUPS.iter().any(|g| subject.ends_with(g)))
        .then_some(s)
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn agencies(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.text.clone())
            .collect()
    }

    #[test]
    fn a_leading_group_is_named_by_its_task() {
        // The campaign in the group's name is still named.
        let ex = run("中央党的群众路线教育实践活动领导小组印发通知。");
        assert!(
            ex.mentions
                .iter()
                .any(|m| m.ty == EntityType::Initiative && m.text == "党的群众路线教育实践活动"),
            "{:?}",
            ex.mentions
        );
        let found = agencies("某某主持召开推动某某经济带发展领导小组会议。");
        assert!(
            found.contains(&"推动某某经济带发展领导小组".to_string()),
            "{found:?}"
        );
        let found = agencies("自去年7月中央深化改革领导小组通过方案以来。");
        assert!(
            found.contains(&"中央深化改革领导小组".to_string()),
            "{found:?}"
        );
        let found = agencies("中央已经成立了深化国家监察体制改革试点工作领导小组。");
        assert!(
            found.contains(&"深化国家监察体制改革试点工作领导小组".to_string()),
            "{found:?}"
        );
        let found = agencies("国务院副总理、第24届冬奥会工作领导小组组长某某出席。");
        assert!(
            found.contains(&"第24届冬奥会工作领导小组".to_string()),
            "{found:?}"
        );
        let found = agencies("近日，中央党的群众路线教育实践活动领导小组办公室印发通知。");
        assert!(
            found.contains(&"中央党的群众路线教育实践活动领导小组办公室".to_string()),
            "{found:?}"
        );
        let found = agencies("中央“不忘初心、牢记使命”主题教育领导小组印发意见。");
        assert!(
            found.contains(&"中央“不忘初心、牢记使命”主题教育领导小组".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn the_states_group_for_regions_listed_with_deng_is_one_name() {
        let found = agencies("国务院振兴西部地区等山区领导小组组长甘文亮主持会议。");
        assert!(
            found.contains(&"国务院振兴西部地区等山区领导小组".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_kind_of_group_or_every_levels_group_is_no_name() {
        assert!(agencies("各级教育实践活动领导小组要抓好落实。").is_empty());
        assert!(agencies("要成立工作领导小组。").is_empty());
        assert!(agencies("经过市、省两级扶贫开发领导小组核查。").is_empty());
        let found = agencies("某省会同某某协同发展领导小组办公室印发方案。");
        assert!(found.iter().all(|a| !a.contains("会同")), "{found:?}");
        assert!(agencies("并同领导小组形成联系机制。要抓紧研究提出领导小组工作要点。").is_empty());
    }
}
