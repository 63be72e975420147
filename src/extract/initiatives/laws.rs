//! Laws, treaties and regulations named without 《》: after a verb of law
//! (`颁布实施某某法`, `退出某某条约`), right before their bill (`关于某某法修订
//! 草案`), and anywhere the segmenter ends a word with 法 (`违反某某安全法`,
//! `宪法`), and decisions, opinions and notices written out without 《》
//! (`关于设立某某日的决定`). A treaty takes in the parties written before it
//! (`中国和某国引渡条约`). Each pass skips what a quoted or titled name already
//! covers.

use super::super::lexicon::{
    BARE_LAW_HEADS, BEFORE_LAW, COMMON_LAW_WORDS, DECISION_ENDINGS, LAW_ENDINGS, LAW_VERBS,
    OPINION_VERBS, SHORT_LAWS,
};
use super::super::names::normalise_name;
use super::super::{Cx, Mention, is_han, is_stop};
use super::{initiative, occurrences, quoted, words_back};
use crate::model::{EntityType, Span};
use crate::segment::Pos;

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
            // A treaty's bare head word after two characters is a kind
            // (`自贸协定`, `双边条约`), not a treaty by name.
            let bare_head = ["协定", "条约", "公约"].contains(&last.as_str()) && e - s < 5;
            if e - s < 4
                || bare_head
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

/// Where a treaty's full title starts when its parties are written before the
/// name or before its 关于: `中国—` (`中国—某国自由贸易协定`), or China and its
/// partner joined by 和 or 与 (`中国和某国引渡条约`, `中华人民共和国和某某共和国
/// 关于某某的条约`). The partner is at most ten Han characters with no stop
/// character; `s` itself when no party is written.
fn parties_before(cx: &Cx, s: usize) -> usize {
    let mut k = s;
    while k > 0 && s - k < 2 && "—－-–".contains(cx.chars[k - 1]) {
        k -= 1;
    }
    if k < s {
        return if cx.ends_with_at(k, "中国") {
            k - 2
        } else {
            s
        };
    }
    for p in (s.saturating_sub(19)..s.saturating_sub(2)).rev() {
        let Some(opener) = ["中华人民共和国", "中国"]
            .iter()
            .find(|o| cx.starts_with(p, o))
        else {
            continue;
        };
        let q = p + opener.chars().count();
        if !cx.chars.get(q).is_some_and(|&c| c == '和' || c == '与') {
            continue;
        }
        let partner = q + 1..s;
        if partner.len() <= 10
            && partner
                .clone()
                .all(|i| is_han(cx.chars[i]) && !is_stop(cx.chars[i]))
        {
            return p;
        }
    }
    s
}

/// A law named anywhere in running text (`违反道路交通安全法`, `学习宪法`,
/// `实施外商投资法`): a word of the segmenter's that ends in 法, 法典 or is
/// 条例, walked back over its words to a function word, punctuation or a word
/// of what is done with a law, or a verb (`检查`, `支持`) unless 法 alone
/// follows it (`某某检疫法`). A name of one word is a law when it has three
/// characters and is no everyday word (`辩证法`), kind of law alone (`组织法`)
/// or person, or is one of the short laws (`宪法`); a name of several words
/// needs four characters at least.
pub(super) fn named_laws(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let tokens = cx.tokens();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for t in tokens {
        let word = cx.slice(t.start, t.end);
        // A treaty's bare head word (`协定`) ends a name like 条例 does.
        let head = ["条例", "协定", "条约", "公约"].contains(&word.as_str());
        let ends_law = word.ends_with('法') || word.ends_with("法典") || head;
        if !ends_law || COMMON_LAW_WORDS.iter().any(|w| word.ends_with(w)) {
            continue;
        }
        let e = t.end;
        let Some(mut s) = words_back(cx, e, |w| LAW_VERBS.contains(&w) || BEFORE_LAW.contains(&w))
        else {
            continue;
        };
        // `反不正当竞争法`: the one law whose name holds a function word.
        if s >= 2 && cx.slice(s - 2, s) == "反不" {
            s -= 2;
        }
        // A law listed among the laws a legislature passes (`通过了某某和某某法、
        // 某某维护建设税法、某某法`) runs from the list's mark to the next: its
        // verbs are its field's, and a 和 between two nouns joins fields of
        // one law.
        let listed_from = |s: usize| {
            s > 0 && cx.chars[s - 1] == '、'
                || LAW_VERBS
                    .iter()
                    .chain(["通过"].iter())
                    .any(|v| cx.ends_with_at(s, v) || cx.ends_with_at(s, &format!("{v}了")))
        };
        let list_end = cx.chars.get(e).is_none_or(|&c| "、；。，".contains(c));
        // A short law is whole by itself (`学习宪法、…`).
        let list_end = list_end && !SHORT_LAWS.contains(&word.as_str());
        if list_end && !listed_from(s) {
            // Back over the words the walk stopped at, to the list's mark.
            let mut p = s;
            let mut k = tokens.partition_point(|x| x.end <= s);
            while k > 0 && s - p < 8 && !listed_from(p) {
                let x = &tokens[k - 1];
                let word = cx.slice(x.start, x.end);
                let joins = ["和", "与"].contains(&word.as_str())
                    && k >= 2
                    && tokens[k - 2].end - tokens[k - 2].start >= 2
                    && tokens[k - 2].pos != Pos::Verb;
                // Another law before a conjunction is a law of its own
                // (`某某基本法和某某条例`).
                let law = word.ends_with('法') || word.ends_with("条例");
                if !(x.start..x.end).all(|j| is_han(cx.chars[j])) || x.function && !joins || law {
                    break;
                }
                p = x.start;
                k -= 1;
            }
            if listed_from(p) {
                s = p;
            }
        }
        let listed = list_end && listed_from(s);
        // The walk stops after the last verb before the law's own words
        // (`检查某某法`, `表示支持某某法`), unless the verb is the field of a
        // law's head word right after it (`某某养殖` + `保护法`).
        let first = tokens.partition_point(|x| x.start < s);
        for x in tokens[first..].iter().filter(|_| !listed) {
            if x.end >= e {
                break;
            }
            // So is a verb right before a bare 条例 or 法, which names the
            // field it rules (`某某投资条例`, `某某保障条例`).
            let field = x.end == t.start
                && (BARE_LAW_HEADS.contains(&word.as_str()) || head || word == "法");
            // `可` opens a word of the field (`可再生`), no act on the law.
            if x.pos == Pos::Verb && !field && cx.slice(x.start, x.end) != "可" {
                s = x.end;
            }
        }
        // A verb alone before a bare 条例 is what is done with rules
        // (`强化条例`, `使用条例`), no law's name.
        let verb_only = (head || word == "法")
            && tokens[first..]
                .iter()
                .take_while(|x| x.end <= t.start)
                .filter(|x| x.start >= s)
                .all(|x| x.pos == Pos::Verb);
        // `宪法和法律委员会`, `宪法法律委`: the field of a legislature's
        // committee, not the law.
        if verb_only
            || !law_word(cx, t, s)
            || ["法律委", "和法律委"].iter().any(|w| cx.starts_with(e, w))
            || names_a_body(cx, e)
        {
            continue;
        }
        let len = e - s;
        let fits = if s == t.start {
            // A dictionary word of four characters or more ending in a word of
            // law is a law's name (`某某管理法`); everyday ones ended the walk
            // above (`具体办法`).
            SHORT_LAWS.contains(&word.as_str())
                || len >= 4 && !head
                || len == 3
                    && t.pos != Pos::Person
                    && !head
                    && !BARE_LAW_HEADS.contains(&word.as_str())
        } else {
            // A treaty is named by its parties or its field, not by a kind
            // (`双边投资协定`, `国际条约`) or a count (`这份协定`, `39项引渡条约`).
            let text = cx.slice(s, e);
            let kind = [
                "双边", "多边", "两国", "国际", "这", "该", "个", "项", "份", "双赢", "平等",
            ]
            .iter()
            .any(|w| text.starts_with(w));
            (4..=16).contains(&len) && !(head && t.end - t.start == 2 && (kind || len < 5))
        };
        let s = if head { parties_before(cx, s) } else { s };
        let e = numbered_amendment(cx, e).unwrap_or(e);
        let span = Span::new(s, e);
        // A law may hold the place it is for (`某地基本法`), and a body only
        // when it is the body's own organic law (`某院组织法`); other bodies
        // before a law are mostly a longer name cut short (`某人大宪法和法律
        // 委员会`).
        let inside_law = |m: &Mention| {
            (m.ty == EntityType::Division || m.ty == EntityType::Agency && word == "组织法")
                && m.span.start >= s
                && m.span.end < e
        };
        if !fits
            || quoted(quotes, titles, s, e)
            || taken.iter().any(|&(a, b)| a < e && s < b)
            || found.iter().any(|m| m.span.overlaps(span))
            || cx
                .mentions
                .iter()
                .any(|m| m.span.overlaps(span) && !inside_law(m))
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
            "initiative:named-law",
        ));
    }
}

/// The end of a law's amendment numbered after its name (`某某法修正案（十一）`):
/// each is an act of its own, named with its number.
fn numbered_amendment(cx: &Cx, e: usize) -> Option<usize> {
    let open = e + "修正案".chars().count();
    if !cx.starts_with(e, "修正案") || !cx.chars.get(open).is_some_and(|&c| c == '（' || c == '(')
    {
        return None;
    }
    let digits = cx.chars[open + 1..]
        .iter()
        .take_while(|c| "一二三四五六七八九十".contains(**c))
        .count();
    let close = open + 1 + digits;
    (digits > 0 && cx.chars.get(close).is_some_and(|&c| c == '）' || c == ')')).then_some(close + 1)
}

/// Whether the segmenter's word `t`, ending a name that starts at `s`, can end
/// a law's name: 法 alone after a word of two characters or more (`某某投资` +
/// `法`), a word of three characters or more that is no idiom (`绳之以法`), or
/// a short law (`宪法`, `某某税法`). Names, foreign or unseen words ending in 法
/// (`某某斯塔法`, a place `某法`) and two-character words (`政法`, `战法`) end none.
fn law_word(cx: &Cx, t: &crate::segment::Token, s: usize) -> bool {
    let word = cx.slice(t.start, t.end);
    let len = t.end - t.start;
    // The dictionary tags some laws as names (`安全法`), but sees them more
    // often than a foreign leader's name ending in 法.
    // A proper noun of four characters or more ending in a constitution is one
    // (`某某特别行政区基本法`); other proper nouns ending in 法 are names.
    let charter = len >= 4 && (word.ends_with("宪法") || word.ends_with("基本法"));
    if matches!(t.pos, Pos::ForeignPerson | Pos::Unknown)
        || t.pos == Pos::Proper && !charter
        || t.pos == Pos::Person && (s == t.start || crate::segment::frequency(&word) < 30)
    {
        return false;
    }
    match len {
        // The word before 法 is the one that ends where it starts.
        // 法 alone is France or the start of a name (`法克里某某`) unless the
        // clause ends or a word of the law's life comes next.
        1 => {
            let tokens = cx.tokens();
            let k = tokens.partition_point(|p| p.end < t.start);
            let after = cx.chars.get(t.end).copied();
            let next_fits = after.is_none_or(|c| !is_han(c) || "的等和与及".contains(c))
                || [
                    "草案", "修正", "修订", "修改", "实施", "规定", "有关", "相关", "第",
                ]
                .iter()
                .any(|w| cx.starts_with(t.end, w));
            next_fits
                && tokens.get(k).is_some_and(|p| {
                    p.end == t.start
                        && p.start >= s
                        && p.end - p.start >= 2
                        && !p.function
                        && !cx.slice(p.start, p.end).contains(['之', '以', '于', '而'])
                })
        }
        2 => {
            SHORT_LAWS.contains(&word.as_str())
                || ["税法", "条例", "协定", "条约", "公约"].contains(&word.as_str())
        }
        _ => !word.contains(['之', '以', '于', '而']),
    }
}

/// Whether the words right after a law's name make it the field of a body
/// (`某法咨询委员会`, `某法研究会`): a body's suffix of two characters or
/// more within the next eight characters of the phrase.
fn names_a_body(cx: &Cx, e: usize) -> bool {
    use super::super::lexicon::{AGENCY_SUFFIXES, ORG_SUFFIXES};
    let run = cx.chars[e..]
        .iter()
        .take(8)
        .take_while(|&&c| is_han(c) && !is_stop(c))
        .count();
    let phrase = cx.slice(e, e + run);
    AGENCY_SUFFIXES
        .iter()
        .chain(ORG_SUFFIXES.iter())
        .any(|s| s.chars().count() >= 2 && phrase.contains(s))
}

/// A decision, opinion or notice written out without 《》 (`作出关于设立某某日的
/// 决定`, `某某常委会关于修改《某某法》的决定草案`, `发布关于某某的指导意见`):
/// from the last 关于 before `的` and a document's last word, at most eighty
/// characters with no clause break outside
/// 《》. The body written right before 关于 issues it and opens an alias; a
/// bill's words after it are no part of the name.
pub(super) fn unquoted_decisions(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    for ending in DECISION_ENDINGS.iter() {
        let word = format!("的{ending}");
        for at in occurrences(cx, &word) {
            let e = at + word.chars().count();
            // A word running on past the ending makes another word
            // (`的通知书`, `的决定性`).
            if cx.word_across(e).is_some() {
                continue;
            }
            // Walk back to the nearest 关于, over 《》 whole.
            let mut k = at;
            let mut depth = 0i32;
            let mut start = None;
            while k > 0 && at - k < 80 {
                k -= 1;
                match cx.chars[k] {
                    '》' => depth += 1,
                    '《' => depth -= 1,
                    c if depth == 0 && "，。；：！？\n".contains(c) => break,
                    _ => {}
                }
                if depth == 0 && cx.starts_with(k, "关于") {
                    start = Some(k);
                    break;
                }
            }
            let Some(s) = start else { continue };
            // A treaty is named by its parties; without them (`两国关于某某的
            // 协定`) the words describe it.
            let s = if ["条约", "协定"].contains(ending) {
                let p = parties_before(cx, s);
                if p == s {
                    continue;
                }
                p
            } else {
                s
            };
            // `征求关于某某的意见`: views asked for, not a document.
            let before = cx.slice(s.saturating_sub(8), s);
            if *ending == "意见" && OPINION_VERBS.iter().any(|v| before.contains(v)) {
                continue;
            }
            let span = Span::new(s, e);
            // A title inside (`关于修改《某某法》的决定`) is part of the name; one
            // around it means the decision is already named.
            let around = quotes
                .iter()
                .chain(titles.iter())
                .any(|&(qs, qe)| qs < e && s < qe && !(s <= qs && qe <= e));
            if e - s < 8
                || around
                || found
                    .iter()
                    .any(|m| m.span.overlaps(span) && !span.contains(m.span))
            {
                continue;
            }
            let text = cx.slice(s, e);
            let mut aliases = vec![text.clone()];
            // The issuing body right before 关于 opens the full title.
            if let Some(body) = cx
                .mentions
                .iter()
                .find(|m| m.ty == EntityType::Agency && m.span.end == s && !m.anaphoric)
            {
                aliases.push(format!("{}{text}", cx.slice(body.span.start, s)));
                aliases.push(format!("{}{text}", body.name));
            }
            found.push(initiative(
                cx,
                s,
                e,
                normalise_name(&text),
                aliases,
                "PolicyDocument",
                "initiative:unquoted-decision",
            ));
        }
    }
}
