//! Campaigns named without quotes by the word that ends every such name
//! (`某某主题教育`, `某某学习教育`, `某某专项斗争`; `campaign_heads.txt`), walked
//! back over the segmenter's words to punctuation, a function word, a verb
//! that starts or carries on a campaign, or another mention. Their names are
//! long (`学习贯彻某某思想主题教育`) and hold verbs of their own, so the walk
//! is longer than a law's and stops only at verbs of running a campaign.
//! Initiatives a state puts to the world (`全球某某倡议`) are named here too, by
//! their word of scope rather than a walk.

use super::super::lexicon::{
    CAMPAIGN_HEADS, CARRY_VERBS, CREATION_VERBS, EVENT_SCOPES, EVENT_VERBS, INNER_CUTS,
};
use super::super::names::normalise_name;
use super::super::{Cx, Mention, is_han};
use super::{initiative, occurrences, quoted};
use crate::model::{EntityType, Span};
use crate::segment::Pos;

/// How far back from its head a campaign's name may start.
const MAX_NAME: usize = 28;

pub(super) fn named_campaigns(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let tokens = cx.tokens();
    for head in CAMPAIGN_HEADS.iter() {
        for at in occurrences(cx, head) {
            let e = at + head.chars().count();
            let Some(s) = campaign_start(cx, tokens, at) else {
                continue;
            };
            // A programme noun after a verb names the campaign without the
            // `党的` it opens with, which stops that walk.
            if cx.starts_with(s, "党的") {
                found.retain(|m| !(m.span.end == e && m.span.start == s + 2));
            }
            // A name another pass found ending here (a programme after a
            // creation verb) stands.
            if found.iter().any(|m| m.span.start < e && m.span.end >= e) {
                continue;
            }
            let span = Span::new(s, e);
            let words = cx.slice(s, at);
            let generic = [
                "这",
                "此",
                "本",
                "该",
                "各",
                "相关",
                "有关",
                "一系列",
                "系列",
                "重大",
                "重要",
            ]
            .iter()
            .any(|w| words.starts_with(w))
                // A whole place's campaign (`全省主题教育`) is the campaign of
                // the moment named by its kind alone, and a verb of pressing
                // on (`深化学习教育`) is no part of a name.
                || ["全省", "全市", "全县", "全区", "全州", "全党", "全军"]
                    .iter()
                    .any(|w| words.starts_with(w))
                || ["深化", "抓实", "抓好", "扎实", "抓紧"]
                    .iter()
                    .any(|w| words == *w);
            if at - s < 2
                || generic
                || quoted(quotes, titles, s, e)
                || found.iter().any(|m| m.span.overlaps(span))
                || cx
                    .mentions
                    .iter()
                    .any(|m| m.span.overlaps(span) && m.ty != EntityType::Division)
            {
                continue;
            }
            let text = cx.slice(s, e);
            let mut m = initiative(
                cx,
                s,
                e,
                normalise_name(&text),
                vec![text.clone()],
                "Campaign",
                "initiative:campaign-head",
            );
            m.text = text;
            found.push(m);
        }
    }
}

/// `全球某某倡议`: an initiative a state puts to the world, named by a word of
/// scope (`event_scopes.txt`) where the segmenter starts a word, a field of
/// two to six characters and 倡议, with no function word, punctuation or other
/// mention between. A bare `全球倡议` or `中方倡议` names none.
pub(super) fn scoped_proposals(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let tokens = cx.tokens();
    for at in occurrences(cx, "倡议") {
        let e = at + 2;
        // `倡议书` is a letter, not the initiative.
        if cx.chars.get(e) == Some(&'书') {
            continue;
        }
        let start = (at.saturating_sub(8)..at).find_map(|k| {
            let scope = EVENT_SCOPES.iter().find(|w| cx.starts_with(k, w))?;
            let field = k + scope.chars().count();
            let clean = tokens
                .iter()
                .filter(|t| t.start < at && t.end > k)
                .all(|t| {
                    !t.function && t.start >= k && (t.start..t.end).all(|i| is_han(cx.chars[i]))
                });
            (at >= field + 2 && at <= field + 6 && clean).then_some(k)
        });
        let Some(s) = start else { continue };
        let span = Span::new(s, e);
        // A rank or a count before it (`重大国际合作倡议`) speaks of a kind.
        let ranked = ["重大", "重要", "一项", "这一", "该"]
            .iter()
            .any(|w| cx.ends_with_at(s, w));
        if ranked
            || quoted(quotes, titles, s, e)
            || found.iter().any(|m| m.span.overlaps(span))
            || cx
                .mentions
                .iter()
                .any(|m| m.span.overlaps(span) && m.ty != EntityType::Division)
        {
            continue;
        }
        let text = cx.slice(s, e);
        let mut m = initiative(
            cx,
            s,
            e,
            normalise_name(&text),
            vec![text.clone()],
            "Campaign",
            "initiative:scoped-proposal",
        );
        m.text = text;
        found.push(m);
    }
}

/// Where a campaign's name ending in a head at `at` starts: the start of the
/// last run of the segmenter's words before it that holds no punctuation, no
/// function word (but `党的`, which national campaigns open with), no verb of
/// running a campaign, no word that never sits inside a name (`今年`, `首批`)
/// and no other mention but a place.
fn campaign_start(cx: &Cx, tokens: &[crate::segment::Token], at: usize) -> Option<usize> {
    let mut k = tokens.partition_point(|t| t.end <= at);
    if tokens.get(k).is_none_or(|t| t.start != at) {
        return None;
    }
    let mut s = at;
    // Two rarer verbs of two characters right before the head, each with its
    // own object (`扫黑除恶`, `禁毒防艾`), are the campaign's four-character aim,
    // not a verb taking the campaign as its object (`确保`, `推动`).
    let runs_word = |w: &str| {
        CREATION_VERBS
            .iter()
            .chain(CARRY_VERBS.iter())
            .chain(EVENT_VERBS.iter())
            .chain(INNER_CUTS.iter())
            .any(|v| w.ends_with(v))
    };
    if k >= 2
        && tokens[k - 2..k].iter().all(|t| {
            t.pos == Pos::Verb
                && t.end - t.start == 2
                && !runs_word(&cx.slice(t.start, t.end))
                // Everyday verbs (`深入`, `把握`) take the campaign instead.
                && crate::segment::frequency(&cx.slice(t.start, t.end)) < crate::segment::COMMON_WORD
        })
        && tokens[k - 2].end == tokens[k - 1].start
        && tokens[k - 1].end == at
    {
        k -= 2;
        s = tokens[k].start;
    }
    while k > 0 {
        k -= 1;
        let t = &tokens[k];
        let word = cx.slice(t.start, t.end);
        if word == "的" && t.start >= 1 && cx.chars[t.start - 1] == '党' {
            return Some(t.start - 1);
        }
        let runs = runs_word(&word);
        let other_mention = cx
            .mentions
            .iter()
            .any(|m| m.ty != EntityType::Division && m.span.start < t.end && t.start < m.span.end);
        // A verb is the campaign's own (`学习贯彻某某思想`, `打击某某犯罪`)
        // when words of its object stand between it and the head; one right
        // before the head or a short word takes the campaign as its object
        // (`确保某某主题教育`, `推动党史学习教育`).
        let object = tokens[k + 1..]
            .iter()
            .take_while(|x| x.end <= at)
            .filter(|x| x.pos != Pos::Verb)
            .count();
        if t.function
            || t.pos == Pos::Verb && object < 2
            || runs
            || other_mention
            || at - t.start > MAX_NAME
            || !(t.start..t.end).all(|i| is_han(cx.chars[i]))
        {
            break;
        }
        s = t.start;
    }
    // A count or a batch before the name says how many or which round
    // (`2021年某某专项行动`, `三项某某行动`, `第二批某某活动`).
    if let Some(batch) = (s..at).rfind(|&j| cx.chars[j] == '批')
        && (s..batch).any(|j| cx.chars[j] == '第')
    {
        s = batch + 1;
    }
    // A place before the name says where it runs (`某省党史学习教育`).
    while let Some(place) = cx
        .mentions
        .iter()
        .find(|m| m.ty == EntityType::Division && m.span.start <= s && m.span.end > s)
    {
        s = place.span.end;
    }
    while s < at && "年项个批".contains(cx.chars[s]) {
        s += 1;
    }
    // The country's scope (`全国某某专项斗争`) is no part of the name.
    if cx.starts_with(s, "全国") && s + 2 < at {
        s += 2;
    }
    (s < at).then_some(s)
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn campaigns(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Initiative)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_proposal_to_the_world_is_named_by_its_scope_and_field() {
        assert_eq!(
            campaigns("中方提出全球甲乙倡议，这是重大国际合作倡议。"),
            ["全球甲乙倡议"]
        );
    }

    #[test]
    fn a_campaign_is_walked_back_from_its_head() {
        assert_eq!(campaigns("各地深入开展党史学习教育。"), ["党史学习教育"]);
        assert_eq!(
            campaigns("全面开展党的群众路线教育实践活动。"),
            ["党的群众路线教育实践活动"]
        );
    }

    #[test]
    fn a_verb_taking_the_campaign_or_a_round_names_none() {
        assert!(campaigns("要确保主题教育取得实效。").is_empty());
        assert!(campaigns("部署开展第二批主题教育。").is_empty());
    }

    #[test]
    fn a_whole_places_campaign_or_a_verb_of_pressing_on_names_none() {
        assert!(campaigns("他指出，深化学习教育要联系实际。").is_empty());
        assert!(campaigns("启动全省主题教育。").is_empty());
    }

    #[test]
    fn two_verbs_with_their_objects_before_the_head_are_the_campaigns_aim() {
        assert_eq!(
            campaigns("各地深入开展扫黑除恶专项斗争。"),
            ["扫黑除恶专项斗争"]
        );
        assert_eq!(
            campaigns("全国扫黑除恶专项斗争取得成效。"),
            ["扫黑除恶专项斗争"]
        );
    }
}
