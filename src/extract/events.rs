//! Events, fairs and awards named without quotes (`某年某某博览会`, `出席某某
//! 峰会`, `第某届某某奖`), kept as initiatives of class Campaign. A name needs
//! an opening the text makes plain: a year, an ordinal (`第某届`, left out of
//! the name but kept as an alias), or a verb of attending or hosting right
//! before it. Runs after the quoted initiatives and never overlaps a mention.

mod convened;

use super::lexicon::{
    EVENT_NOUNS, EVENT_SCOPES, EVENT_VERBS, GATHERING_NOUNS, GENERIC_PREFIXES, MEETING_NOUNS,
    MEETING_SCOPES, ORDINAL_EVENT_NOUNS, ORDINAL_MEETING_NOUNS,
};
use super::names::normalise_name;
use super::{Cx, Mention, is_han, is_stop};
use crate::model::{EntityType, Span};

/// How far back from its noun an event's name may start.
const MAX_NAME: usize = 20;

fn is_year_at(cx: &Cx, k: usize) -> bool {
    k + 4 <= cx.chars.len()
        && cx.chars[k..k + 4].iter().all(|c| c.is_ascii_digit())
        && matches!(cx.chars[k], '1' | '2')
        && (k == 0 || !cx.chars[k - 1].is_ascii_digit())
        && cx.chars.get(k + 4).is_none_or(|c| !c.is_ascii_digit())
}

/// Whether an event's words hold a count of meetings rather than a name
/// (`举行八次某某会晤`, `2009年首次某某会晤`, `多场某某座谈会`), or only a count of the states
/// that meet (`三国领导人会议`).
fn counted(core: &str) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百两".contains(c);
    let rest = core.trim_start_matches(numeral);
    core.contains("首次")
        || core
            .strip_prefix(['多', '几', '数'])
            .is_some_and(|r| r.starts_with('场'))
        || rest.len() < core.len() && (rest.starts_with(['次', '届', '场']) || rest == "国")
}

/// The start of an ordinal (`第九次`) that ends right at `e`.
fn ordinal_ending_at(cx: &Cx, e: usize) -> Option<usize> {
    (e.saturating_sub(6)..e).find(|&k| ordinal_end(cx, k) == Some(e))
}

/// Whether the year at `y` dates an annual meeting whose noun starts at `i`
/// (`2015年年会`, `2015年会`).
fn dates_annual(cx: &Cx, y: usize, i: usize) -> bool {
    cx.starts_with(i, "年会") && (y + 4 == i || y + 5 == i && cx.chars[y + 4] == '年')
}

/// Where the host ends when an event's name at `j` opens with one the text
/// makes plain: a union of states (`UNIONS`, found only after events, which an
/// earlier pass may have read as a firm), an acronym (`某某C`), or an
/// organisation an earlier pass found there. A firm is no such host: its own
/// conference (`某某集团某地峰会`) is named only after a verb of attending.
fn host_at(cx: &Cx, coverage: &[u8], j: usize) -> Option<usize> {
    let body = 1u8 << EntityType::Organization as u8;
    let in_body = |k: usize| coverage.get(k).is_some_and(|&b| b & body != 0);
    if in_body(j) && (j == 0 || !in_body(j - 1)) {
        return (j..).find(|&k| !in_body(k));
    }
    let caps = cx.chars[j..]
        .iter()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    if caps >= 2 {
        return Some(j + caps);
    }
    super::unions::form_at(cx, j)
}

/// How many characters may stand between a host and its event's noun when
/// no verb or edition opens the name (`某某集团某地峰会`): a place or a
/// rank, not a clause (`某某集团财金渠道紧密围绕峰会`).
const MAX_AFTER_HOST: usize = 5;

/// The end of an ordinal (`第十届`, `第3次`) starting at `k`.
pub(super) fn ordinal_end(cx: &Cx, k: usize) -> Option<usize> {
    if cx.chars.get(k) != Some(&'第') {
        return None;
    }
    let mut j = k + 1;
    while cx
        .chars
        .get(j)
        .is_some_and(|&c| c.is_ascii_digit() || "一二三四五六七八九十百零〇两".contains(c))
    {
        j += 1;
    }
    (j > k + 1 && cx.chars.get(j).is_some_and(|&c| "届次期".contains(c))).then_some(j + 1)
}

pub fn find(cx: &mut Cx) {
    let n = cx.chars.len();
    let coverage = cx.coverage();
    let mut found: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < n {
        let ordinal_only = ORDINAL_EVENT_NOUNS.iter().find(|w| cx.starts_with(i, w));
        let meeting = MEETING_NOUNS.iter().find(|w| cx.starts_with(i, w));
        // `某某领导人第九次会晤`: a bare meeting right after its edition.
        let edition_meeting = ORDINAL_MEETING_NOUNS
            .iter()
            .find(|w| cx.starts_with(i, w) && ordinal_ending_at(cx, i).is_some());
        let gathering = GATHERING_NOUNS.iter().find(|w| cx.starts_with(i, w));
        let Some(noun) = EVENT_NOUNS
            .iter()
            .find(|w| cx.starts_with(i, w))
            .or(gathering)
            .or(ordinal_only)
            .or(meeting)
            .or(edition_meeting)
        else {
            i += 1;
            continue;
        };
        let e = i + noun.chars().count();
        // Walk back over the name: Han characters, digits and dashes, to a
        // stop character, punctuation or a verb of attending.
        let mut j = i;
        let mut after_verb = false;
        while j > 0 && i - j < MAX_NAME {
            if EVENT_VERBS.iter().any(|v| cx.ends_with_at(j, v)) {
                after_verb = true;
                break;
            }
            let c = cx.chars[j - 1];
            // 全 opening a word of scope right before an event's noun
            // (`第某届全国运动会`) is the name's, though it is a stop character
            // elsewhere.
            let scope_opener = c == '全'
                && j + 1 == i
                && "国省".contains(cx.chars[j])
                && EVENT_NOUNS.contains(noun);
            // Capitals belong to a union's or a series' acronym (`某某C部长级会议`).
            if is_stop(c) && !scope_opener
                || !(is_han(c)
                    || c.is_ascii_digit()
                    || c.is_ascii_uppercase()
                    || "—－-·".contains(c))
            {
                break;
            }
            // `某某交易会和某某博览会`: another event ends before the conjunction.
            if "和与及".contains(c)
                && EVENT_NOUNS
                    .iter()
                    .chain(GATHERING_NOUNS.iter())
                    .chain(ORDINAL_MEETING_NOUNS.iter())
                    .any(|w| cx.ends_with_at(j - 1, w))
            {
                break;
            }
            j -= 1;
        }
        let year = (j..i).find(|&k| is_year_at(cx, k));
        let ordinal = (j..i).find_map(|k| ordinal_end(cx, k).map(|o| (k, o)));
        // A word of scope where the segmenter starts a word (`中国某某交易会`),
        // with a name of its own before the noun.
        let tokens = cx.tokens();
        let scope = (j..i).find(|&k| {
            i >= k + 4
                && EVENT_SCOPES.iter().any(|w| cx.starts_with(k, w))
                && tokens.binary_search_by_key(&k, |t| t.start).is_ok()
        });
        // A work conference opens with its national scope, whatever comes
        // before (`2018年中央经济工作会议` is `中央经济工作会议`); the walk may
        // have stopped inside the scope, whose 全 is a stop character.
        let meeting_scope = (j.saturating_sub(1)..i).find(|&k| {
            i >= k + 4
                && MEETING_SCOPES.iter().any(|w| cx.starts_with(k, w))
                && tokens.binary_search_by_key(&k, |t| t.start).is_ok()
        });
        let is_meeting = meeting.is_some_and(|m| m == noun);
        // A host or a series named before the edition (`某某组织第二十二次领导人
        // 非正式会议`, `某某论坛2015年年会`) is part of the name. It needs a verb of
        // attending or a host the text makes plain before it, except before a
        // year: a year run into an annual meeting dates the host's own.
        // A forum named after a union is mostly a standing body of its own
        // (`某盟地区论坛`), which the organisations' passes find.
        let opens = *noun != "论坛"
            && host_at(cx, &coverage, j).is_some_and(|h| h <= i && i - h <= MAX_AFTER_HOST);
        let host = after_verb || opens;
        let named_before = |k: usize| {
            cx.chars[j..k]
                .iter()
                .filter(|&&c| is_han(c) || c.is_ascii_uppercase())
                .count()
                >= 2
        };
        // Where the walk stopped at a conjunction (`某某与某某委员会2015年年会`),
        // the host's name runs on before it.
        let clean_stop = j == 0 || !is_han(cx.chars[j - 1]) || cx.chars[j - 1] == '在';
        let edition_inside = match (year, ordinal) {
            (Some(y), _)
                if y > j && dates_annual(cx, y, i) && named_before(y) && (host || clean_stop) =>
            {
                Some(j)
            }
            (_, Some((k, _)))
                if k > j && host && named_before(k) && !ORDINAL_EVENT_NOUNS.contains(noun) =>
            {
                Some(j)
            }
            _ => None,
        };
        let start = match (year, ordinal, scope) {
            _ if edition_inside.is_some() => edition_inside,
            _ if is_meeting => meeting_scope,
            // A year written right before the name (`2019某某发展大会`, no 年)
            // dates an edition as an ordinal does.
            _ if ordinal_only.is_some() && !EVENT_NOUNS.contains(noun) => ordinal
                .map(|(_, o)| o)
                .or(year.filter(|&y| y + 4 < i && cx.chars[y + 4] != '年'))
                .filter(|&o| o + 3 <= i),
            (Some(y), _, _) => Some(y),
            (None, Some((_, o)), _) => Some(o),
            (None, None, _) if after_verb => Some(j),
            (None, None, Some(k)) => Some(k),
            // A union's or an acronym's own summit or fair (`某某集团某地峰会`).
            (None, None, None) if opens => Some(j),
            _ => None,
        };
        let Some(s) = start.filter(|&s| s < i) else {
            i = e;
            continue;
        };
        let core = cx.slice(s, i);
        let named = core
            .chars()
            .filter(|&c| is_han(c) || c.is_ascii_uppercase())
            .count();
        let is_gathering = gathering.is_some_and(|g| g == noun);
        let generic = named < 2
            || is_gathering
                && core
                    .chars()
                    .filter(|&c| is_han(c) || c.is_ascii_alphanumeric())
                    .count()
                    < 4
            || GENERIC_PREFIXES.iter().any(|g| core.starts_with(g)) && !is_meeting
            || core.starts_with(['本', '该', '此', '这', '各', '每', '首'])
            || counted(&core);
        // A place inside the name is the event's (`第某届某市国际电影节`), and so
        // is a group of states, a body of members or a firm after a verb of
        // attending (`出席某某集团某地峰会`, a firm's own conference); any other
        // mention inside it is a name of its own.
        let mut inside = 1u8 << EntityType::Division as u8;
        if after_verb || edition_inside.is_some() || opens && s == j {
            inside |= 1u8 << EntityType::Organization as u8 | 1u8 << EntityType::Company as u8;
        }
        if generic || coverage[s..e].iter().any(|&b| b & !inside != 0) {
            i = e;
            continue;
        }
        let name = cx.slice(s, e);
        let mut aliases = vec![name.clone()];
        let mut key = normalise_name(&name);
        if let Some((k, o)) = ordinal
            && o == s
        {
            aliases.push(cx.slice(k, e));
            // A word of scope before the edition (`全国第某届某某运动会`) is the
            // event's too, with the edition and without it.
            let scope = cx.slice(k.saturating_sub(2), k);
            if k >= 2 && EVENT_SCOPES.contains(&scope.as_str()) {
                aliases.push(format!("{scope}{}", cx.slice(k, e)));
                aliases.push(format!("{scope}{}", cx.slice(o, e)));
            }
        }
        // An edition inside the name (`某某组织第二十二次领导人非正式会议`) is
        // the same series as the name without it, which the text may use too.
        if let Some((k, o)) = ordinal
            && k > s
            && year.is_none()
        {
            let series = cx.slice(s, k) + &cx.slice(o, e);
            key = normalise_name(&series);
            aliases.push(series);
        }
        // The series found before its edition (`某某论坛` in `某某论坛2015年年会`)
        // is the edition's host, not an event of its own.
        if edition_inside.is_some() {
            found.retain(|m| !(s <= m.span.start && m.span.end <= e));
        }
        aliases.sort();
        aliases.dedup();
        found.push(Mention {
            ty: EntityType::Initiative,
            span: Span::new(s, e),
            text: name.clone(),
            key,
            name,
            aliases,
            class: Some("Campaign"),
            div: None,
            role: None,
            rule: "initiative:event",
            anaphoric: false,
        });
        i = e;
    }
    abbreviated_fairs(cx, &mut found);
    convened::find(cx, &mut found);
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// Fairs named by their three-character short form (`某博会`, `某交会`, `某贸会`,
/// `某洽会`), which the segmenter may read as an organisation: events, each
/// one node by the short form. A word running on after it (`某交会谈`,
/// `某博会议`) makes it none.
fn abbreviated_fairs(cx: &mut Cx, found: &mut Vec<Mention>) {
    let n = cx.chars.len();
    let mut taken: Vec<Span> = Vec::new();
    for i in 1..n.saturating_sub(1) {
        if cx.chars[i + 1] != '会' || !"博交贸洽".contains(cx.chars[i]) {
            continue;
        }
        let (s, e) = (i - 1, i + 2);
        let span = Span::new(s, e);
        let runs_on = cx
            .chars
            .get(e)
            .is_some_and(|&c| "谈议见晤长员签同所场堂".contains(c));
        let opens = s == 0 || !is_han(cx.chars[s - 1]) || {
            // Only where a word starts: a list, a verb of hosting, or a
            // modifier before it (`本届`, `首届`).
            let t = super::trim::token_at(cx.tokens(), s);
            t.is_some_and(|t| t.start == s)
        };
        if !is_han(cx.chars[s])
            || runs_on
            || !opens
            || crate::segment::frequency(&cx.slice(s, e)) >= crate::segment::COMMON_WORD
            || found.iter().any(|m| m.span.overlaps(span))
            || taken.iter().any(|t| t.overlaps(span))
            || cx.mentions.iter().any(|m| {
                m.span.overlaps(span) && !(m.ty == EntityType::Organization && m.span == span)
            })
        {
            continue;
        }
        taken.push(span);
        let short = cx.slice(s, e);
        // The fair's full name, when the article gives it (`某某茶叶博览会` for
        // `茶博会`): the short form's characters in order, ending in 会.
        let full = found
            .iter()
            .filter(|m| m.rule == "initiative:event" && m.name.ends_with('会'))
            .find(|m| {
                let mut rest = m.name.chars();
                short.chars().all(|c| rest.any(|x| x == c))
            })
            .map(|m| (m.key.clone(), m.name.clone()));
        let (key, name) = full.unwrap_or_else(|| (normalise_name(&short), short.clone()));
        found.push(Mention {
            ty: EntityType::Initiative,
            span,
            text: short.clone(),
            key,
            aliases: vec![short],
            name,
            class: Some("Campaign"),
            div: None,
            role: None,
            rule: "initiative:fair-short-form",
            anaphoric: false,
        });
    }
    cx.mentions
        .retain(|m| !(m.ty == EntityType::Organization && taken.contains(&m.span)));
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn events(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| {
                m.ty == EntityType::Initiative
                    && matches!(m.rule, "initiative:event" | "initiative:fair-short-form")
            })
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_leaders_meeting_after_an_ordinal_and_not_a_count_of_states() {
        assert_eq!(
            events("出席第十六次中国-某某领导人会议。"),
            ["中国-某某领导人会议"]
        );
        assert!(events("尽早举行三国领导人会议。").is_empty());
    }

    #[test]
    fn a_year_right_before_a_congress_dates_an_edition() {
        assert_eq!(
            events("2021世界甲乙产业大会在武汉开幕。"),
            ["2021世界甲乙产业大会"]
        );
        // With 年 it dates a routine meeting.
        assert!(events("2021年甲乙工作大会召开。").is_empty());
    }

    #[test]
    fn an_event_opened_by_a_year_an_ordinal_or_a_verb_is_named() {
        assert_eq!(
            events("2019示例农产品博览会昨日开幕。"),
            ["2019示例农产品博览会"]
        );
        assert_eq!(events("今天第十届示例图书奖揭晓。"), ["示例图书奖"]);
        assert_eq!(events("他出席示例工商峰会并致辞。"), ["示例工商峰会"]);
        assert_eq!(
            events("中国示例商品交易会和中国示例消费品博览会相继举办。"),
            ["中国示例商品交易会", "中国示例消费品博览会"]
        );
    }

    #[test]
    fn a_national_edition_keeps_its_scope() {
        assert_eq!(events("第十四届全国运动会今天开幕。"), ["全国运动会"]);
        let ex = run("他作为全国第九届示例运动会的火炬手参加活动。");
        let event = ex
            .mentions
            .iter()
            .find(|m| m.ty == crate::model::EntityType::Initiative)
            .expect("the event");
        assert!(
            event.aliases.contains(&"全国示例运动会".to_string()),
            "{:?}",
            event.aliases
        );
    }

    #[test]
    fn after_a_verb_of_attending_an_event_may_hold_its_host() {
        let found = events("他将出席示例集团杭州峰会并致辞。");
        assert_eq!(found, ["示例集团杭州峰会"]);
        // Without a verb of attending the group is a name of its own.
        assert!(events("示例集团杭州峰会召开。").is_empty());
    }

    #[test]
    fn an_event_may_hold_its_place() {
        assert_eq!(events("第八届杭州国际电影节今天开幕。"), ["杭州国际电影节"]);
        // A standing work conference opens with its national scope; a city's
        // is routine business.
        assert_eq!(events("2018年中央经济工作会议强调。"), ["中央经济工作会议"]);
        assert_eq!(events("贯彻全国宗教工作会议精神。"), ["全国宗教工作会议"]);
        assert!(events("召开全市安全生产工作会议。").is_empty());
    }

    #[test]
    fn a_talk_or_a_rally_needs_three_characters_of_name() {
        assert_eq!(
            events("他主持召开示例山区发展工作座谈会。"),
            ["示例山区发展工作座谈会"]
        );
        assert_eq!(
            events("出席甘文亮先进事迹报告会。"),
            ["甘文亮先进事迹报告会"]
        );
        // A kind of meeting, or a count of them, is no name.
        assert!(events("召开企业座谈会。").is_empty());
        assert!(events("他参加工作座谈会。").is_empty());
        assert!(events("举行多场示例座谈会。").is_empty());
        // A quoted name runs on to the noun (`“某某”圆桌对话会`).
        let ex = run("举行第五次“2+3”圆桌对话会。");
        assert!(
            ex.mentions
                .iter()
                .any(|m| m.ty == EntityType::Initiative && m.name == "2+3圆桌对话会"),
            "{:?}",
            ex.mentions
        );
    }

    #[test]
    fn a_generic_event_is_not_named() {
        assert!(events("本届博览会吸引了客商。").is_empty());
        assert!(events("论坛期间，双方签约。").is_empty());
        // A count of meetings names none of them.
        assert!(events("双方已举行八次领导人会晤。").is_empty());
        assert_eq!(events("他出席示例国家领导人会晤。"), ["示例国家领导人会晤"]);
    }

    #[test]
    fn a_union_or_an_acronym_opens_its_own_summit() {
        assert_eq!(
            events("即将举行的二十国集团某地峰会上。"),
            ["二十国集团某地峰会"]
        );
        assert_eq!(events("本月举行的ABC部长级会议。"), ["ABC部长级会议"]);
        // A clause between the union and the noun names nothing, and a forum
        // named after a union is a body of its own.
        assert!(events("二十国集团财金渠道紧密围绕峰会主题。").is_empty());
        assert!(events("东盟地区论坛举行。").is_empty());
    }

    #[test]
    fn an_edition_inside_the_name_keeps_its_host() {
        let ex = run("他出席甲乙组织第二十次领导人非正式会议，甲乙组织领导人非正式会议发表宣言。");
        let found: Vec<(&str, &str)> = ex
            .mentions
            .iter()
            .filter(|m| m.rule == "initiative:event")
            .map(|m| (m.name.as_str(), m.key.as_str()))
            .collect();
        assert_eq!(found[0].0, "甲乙组织第二十次领导人非正式会议");
        assert!(found.iter().all(|e| e.1 == found[0].1), "{found:?}");
        assert_eq!(
            events("他将主持二十国集团领导人第九次会晤。"),
            ["二十国集团领导人第九次会晤"]
        );
        // A year run into an annual meeting dates the host's own.
        assert_eq!(events("他出席甲乙论坛2015年年会。"), ["甲乙论坛2015年年会"]);
        assert!(events("甲与乙委员会2015年年会开幕。").is_empty());
    }

    #[test]
    fn fairs_by_their_short_form_are_the_fair_the_article_names() {
        let ex = run("第五届中国国际茶叶博览会今天闭幕，本届茶博会成交额创新高。");
        let keys: std::collections::BTreeSet<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Initiative)
            .map(|m| m.key.as_str())
            .collect();
        assert_eq!(keys.len(), 1, "{:?}", ex.mentions);
        assert_eq!(events("坚持举办茶博会、农交会。"), ["茶博会", "农交会"]);
        // A word running on after the short form is another word.
        assert!(events("双方举行外交会谈。").is_empty());
    }
}
