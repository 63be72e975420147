//! Conferences named by what is done with them (`某某发展大会在京召开`,
//! `在某某表彰大会上讲话`, `出席某某工作会议`): a 大会 or a 会议 is too
//! common a noun to name an event by itself, so its name counts only where the
//! sentence convenes it, and so does a gathering's (`某某座谈会`, `某某推进会`).
//! The name is the clause's subject before a verb of convening or its hosts
//! (`由…主办`), the words between 在 and 上, the object of a verb of attending,
//! or a name listed after another conference's.

use super::super::lexicon::{
    EVENT_NOUNS, EVENT_VERBS, GATHERING_NOUNS, GENERIC_PREFIXES, GROUP_OPENERS, HOST_VERBS,
    ORDINAL_MEETING_NOUNS,
};
use super::super::names::normalise_name;
use super::super::{Cx, Mention, is_han, is_stop};
use super::counted;
use crate::model::{EntityType, Span};
use crate::segment::Pos;

/// The nouns of a conference that needs a convening clause to be named; the
/// gathering nouns (`座谈会`, `推进会`) are read here too, since the events'
/// pass names them only right after a verb.
const NOUNS: [&str; 2] = ["大会", "会议"];

/// Verbs that convene a conference named before them.
const CONVENE: [&str; 6] = ["召开", "举行", "开幕", "闭幕", "举办", "落幕"];

/// Words after the name that place the speech in it (`在某某大会上`).
const AT_ENDS: [&str; 4] = ["上", "开幕式上", "闭幕式上", "期间"];

/// The longest name walked back from its noun, in characters.
const MAX_NAME: usize = 40;

/// The most characters a date and a place may take between a name and the
/// verb that convenes it (`某某大会21日上午在某地文化中心隆重举行`).
const MAX_BEFORE_VERB: usize = 24;

pub(super) fn find(cx: &Cx, found: &mut Vec<Mention>) {
    let n = cx.chars.len();
    let mut i = 0;
    while i < n {
        let Some(noun) = GATHERING_NOUNS
            .iter()
            .chain(NOUNS.iter())
            .find(|w| cx.starts_with(i, w))
        else {
            i += 1;
            continue;
        };
        let e = i + noun.chars().count();
        // `某某推进会议`: the gathering noun is the start of a 会议.
        if cx.chars.get(e) == Some(&'议') {
            i += 1;
            continue;
        }
        // `大会堂`, `会议室`: a building or a room, not the conference.
        if cx.chars.get(e).is_some_and(|&c| "堂室厅中".contains(c)) {
            i = e;
            continue;
        }
        let j = walk_back(cx, i);
        let clause_start =
            j == 0 || !is_han(cx.chars[j - 1]) || "，。；：！？".contains(cx.chars[j - 1]);
        let after_at =
            j > 0 && cx.chars[j - 1] == '在' && AT_ENDS.iter().any(|w| cx.starts_with(e, w));
        // A verb of attending may take its aspect (`召开了某某座谈会`).
        // A conference listed after another (`某某会晤和某某对话会`) is named as
        // that one is.
        let after_verb = EVENT_VERBS.iter().any(|v| {
            cx.ends_with_at(j, v) || j > 0 && cx.chars[j - 1] == '了' && cx.ends_with_at(j - 1, v)
        }) || j > 0
            && "与和及".contains(cx.chars[j - 1])
            && after_conference(cx, j - 1);
        let convened = clause_start && convened_after(cx, e);
        if !(after_at || after_verb || convened) {
            i = e;
            continue;
        }
        let core = cx.slice(j, i);
        let own = core.chars().filter(|&c| is_han(c)).count();
        let span = Span::new(j, e);
        // An edition of some body's session (`第二次全体会议`) says which
        // meeting, not whose: the words after the ordinal must name it.
        let after_ordinal = super::ordinal_end(cx, j)
            .filter(|&o| o <= i)
            .map_or(own, |o| {
                cx.slice(o, i).chars().filter(|&c| is_han(c)).count()
            });
        // A preposition or an adverb inside says a clause ran into the walk
        // (`会议向某部队传达…和会议`); fields join with 和 and 与, and 党的
        // opens the Party's work.
        // So does a person's name (`主席团常务主席某某宣布大会开幕`): the
        // people's passes run later, so the segmenter's tag tells.
        // A name's first word may be a place the tags read as a name
        // (`某某斯科国际安全会议`).
        let person = cx.tokens().iter().any(|t| {
            t.start > j
                && t.end <= i
                && matches!(t.pos, Pos::Person | Pos::ForeignPerson)
                && t.end - t.start >= 2
        });
        // A gathering's name holding a body the tags know, or a comrade
        // (`某某同志先进事迹报告会`), would hide the body or the person from the
        // later passes, which name them and leave the gathering unnamed.
        let gathering = !NOUNS.iter().any(|w| noun.ends_with(w));
        let hides = gathering
            && (core.contains("同志")
                || cx
                    .tokens()
                    .iter()
                    .any(|t| t.start >= j && t.end <= i && t.pos == Pos::Organization));
        let clause = person
            || hides
            || cx.tokens().iter().any(|t| {
                t.start >= j
                    && t.end <= i
                    && t.function
                    && !matches!(cx.slice(t.start, t.end).as_str(), "和" | "与" | "及")
                    && !(cx.slice(t.start, t.end) == "的"
                        && t.start > 0
                        && cx.chars[t.start - 1] == '党')
            });
        let generic = own < 4
            || after_ordinal < 3
            || clause
            || core.starts_with(['本', '该', '此', '这', '各', '每', '上', '那', '全'])
                && !core.starts_with("全国")
            || !NOUNS.contains(noun) && GENERIC_PREFIXES.iter().any(|g| core.starts_with(g))
            || own <= 4 && core.ends_with("代表")
            || ["几", "多个", "多次", "数次"]
                .iter()
                .any(|w| core.starts_with(w))
            || counted(&core);
        // Places, bodies and programmes may stand inside the name; a person,
        // a name running across its edge or an event another pass named
        // with the same noun (without its edition) may not.
        let crossed = cx.mentions.iter().chain(found.iter()).any(|m| {
            m.span.overlaps(span)
                && (m.ty == EntityType::Person
                    || m.span.start < j
                    || m.span.end > e
                    || m.ty == EntityType::Initiative && m.span.end == e)
        });
        if generic || crossed {
            i = e;
            continue;
        }
        let name = cx.slice(j, e);
        found.push(Mention {
            ty: EntityType::Initiative,
            span,
            text: name.clone(),
            key: normalise_name(&name),
            aliases: vec![name.clone()],
            name,
            class: Some("Campaign"),
            div: None,
            role: None,
            rule: "initiative:convened",
            anaphoric: false,
        });
        i = e;
    }
}

/// Where a conference's name before `at` starts: back over Han characters,
/// digits, dashes and quoted words, to punctuation, a stop character that
/// opens no field (`与`, `和` join two fields inside a name) and stands as a
/// word of its own, or a verb of attending.
fn walk_back(cx: &Cx, at: usize) -> usize {
    let mut j = at;
    while j > 0 && at - j < MAX_NAME {
        if EVENT_VERBS
            .iter()
            .chain(GROUP_OPENERS.iter())
            .any(|v| cx.ends_with_at(j, v))
        {
            break;
        }
        let c = cx.chars[j - 1];
        // Another conference ends before the conjunction (`某某座谈会和某某座谈会`).
        if "与和及".contains(c) && after_conference(cx, j - 1) {
            break;
        }
        let inner_join = "与和".contains(c) && j - 1 > 0 && is_han(cx.chars[j - 2]);
        let quoted = "“”".contains(c);
        // A stop character inside one of the segmenter's words (`全国`) is
        // the word's.
        let in_word = cx.word_across(j - 1).is_some() || cx.word_across(j).is_some();
        if !(is_han(c) || c.is_ascii_digit() || "—－-".contains(c) || quoted)
            || is_stop(c) && !inner_join && !in_word
        {
            break;
        }
        j -= 1;
    }
    // A quote closed inside the walk and opened before it is no part of the
    // name (`“…反思”纪念某某座谈会`).
    if let Some(k) = (j..at).find(|&k| cx.chars[k] == '”')
        && !cx.chars[j..k].contains(&'“')
    {
        j = k + 1;
    }
    j
}

/// Whether a conference's noun ends at `at` (`会晤`, `座谈会`).
fn after_conference(cx: &Cx, at: usize) -> bool {
    GATHERING_NOUNS
        .iter()
        .chain(NOUNS.iter())
        .chain(EVENT_NOUNS.iter())
        .chain(ORDINAL_MEETING_NOUNS.iter())
        .any(|w| cx.ends_with_at(at, w))
}

/// Whether a verb of convening follows the name ending at `e`, after at most a
/// date, a time of day and a place introduced by 在, with no punctuation; or
/// its hosts do (`某某大会由某部、某委主办`).
fn convened_after(cx: &Cx, e: usize) -> bool {
    if cx.chars.get(e) == Some(&'由') {
        let end = cx.sentence_end(e);
        let hosted = cx.slice(e, end);
        if HOST_VERBS.iter().any(|v| hosted.contains(v)) {
            return true;
        }
    }
    (e..(e + MAX_BEFORE_VERB).min(cx.chars.len()))
        .take_while(|&k| is_han(cx.chars[k]) || cx.chars[k].is_ascii_digit())
        .find(|&k| CONVENE.iter().any(|v| cx.starts_with(k, v)))
        .is_some_and(|k| {
            let between = cx.slice(e, k);
            between.is_empty()
                || between.starts_with('在')
                || between.starts_with(|c: char| c.is_ascii_digit())
                || ["今天", "昨天", "近日", "日前", "当天", "今日", "隆重"]
                    .iter()
                    .any(|w| between.starts_with(w))
        })
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn events(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Initiative)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_conference_is_named_where_the_sentence_convenes_it() {
        let found = events("全国某某发展大会5月17日在京召开。");
        assert!(found.contains(&"全国某某发展大会".to_string()), "{found:?}");
        let found = events("某某在全国某某总结表彰大会上发表重要讲话。");
        assert!(
            found.contains(&"全国某某总结表彰大会".to_string()),
            "{found:?}"
        );
        let found = events("某某发展工作会议10日在北京召开。");
        assert!(found.contains(&"某某发展工作会议".to_string()), "{found:?}");
    }

    #[test]
    fn a_gathering_is_named_where_the_sentence_convenes_it() {
        let found = events("宁夏还召开了示例地区脱贫攻坚座谈会，研究政策。");
        assert_eq!(found, ["示例地区脱贫攻坚座谈会"]);
        let found = events("他在纪念示例精神发表20周年座谈会上讲话。");
        assert_eq!(found, ["纪念示例精神发表20周年座谈会"]);
        // Two conferences joined by a conjunction are two names.
        let found = events("他出席甲乙国家领导人第九次会晤和丙丁国家对话会。");
        assert!(found.contains(&"丙丁国家对话会".to_string()), "{found:?}");
        assert!(found.iter().all(|f| !f.contains('和')), "{found:?}");
        // A 推进会 running into 议 is a 会议's start.
        let found = events("示例发展工作推进会议在京召开。");
        assert_eq!(found, ["示例发展工作推进会议"]);
        // A quote closed inside the walk opened before it.
        let found = events("某馆主办的“铭记·反思”纪念某某胜利70周年座谈会今天在北京举行。");
        assert_eq!(found, ["纪念某某胜利70周年座谈会"]);
    }

    #[test]
    fn a_conference_no_clause_convenes_or_a_short_one_is_no_name() {
        assert!(events("代表们认为，这次大会开得很成功。").is_empty());
        assert!(events("某某发展大会的代表们参观了展览。").is_empty());
        assert!(events("会议在京召开。").is_empty());
        assert!(events("人民大会堂举行了招待会。").is_empty());
        assert!(
            events("某某委员会第二次全体会议在京举行。")
                .iter()
                .all(|e| e.contains("委员会"))
        );
        let found = events("大会主席团常务主席李建国宣布大会开幕。");
        assert!(found.is_empty(), "{found:?}");
        let found = events("会议决定十三届全国人大常委会第二十八次会议在京举行。");
        assert!(found.iter().all(|e| !e.starts_with("决定")), "{found:?}");
        // A body's assembly of delegates, counted meetings, or meetings of
        // every body of a kind.
        assert!(events("村里召开了村民代表大会。").is_empty());
        assert!(events("他们召开了多个基层座谈会。").is_empty());
        assert!(events("他主持召开部分省市负责人座谈会。").is_empty());
        // A gathering named for a comrade leaves the comrade to the people.
        assert!(events("会上举行了李建华同志先进事迹报告会。").is_empty());
        let found = events("他召开电视电话会议向一线部队传达指示和会议精神。");
        assert!(found.iter().all(|e| !e.contains("传达")), "{found:?}");
    }
}
