//! Bodies named without a division of their own: national bodies (`国家某某局`,
//! `某某总局`, `国务院某某办`, a ministry named by its field, `某某部`, a
//! regulator, `某监会`), a country's ministries and armed forces (`某国某某部`,
//! `某国海军`, `某军`), a foreign state's government and bureaus (`某国政府`,
//! `某国某某局`), and bodies after a bare level word (`市某某委`) when the
//! article's place does not say which city or county is meant. These passes run
//! after the division-prefixed agencies and never take text another mention
//! holds; they add no relations.

use super::lexicon::{
    AGENCY_CENTRE_CORES, ARMED_FORCES, BEFORE_BODY, COUNTRIES, COUNTRY_INITIALS, MINISTRY_CORES,
    MISSIONS, NATIONAL_SHORT_FORMS, NATIONAL_VARIANTS, NOT_AGENCY_END, POSTS,
    SHENG_MINISTRY_STATES, STATE_BODIES, TASK_GROUPS, first_chars,
};
use super::names::{body_variants, match_body, resolve_bare};
use super::{Cx, Mention, is_han, is_stop};
use crate::model::{EntityType, Span};
use levels::{
    committee_after, inspection_after, level_body, session_end, standing_committee_after,
};
use std::sync::LazyLock;

pub(super) mod levels;

/// First characters of countries' names and of fields of government: most
/// characters open neither, and are passed over without trying each word.
static COUNTRY_FIRST: LazyLock<Vec<char>> = LazyLock::new(|| first_chars(&[&COUNTRIES]));
static FIELD_FIRST: LazyLock<Vec<char>> = LazyLock::new(|| first_chars(&[&MINISTRY_CORES]));

/// The country whose name starts at `i`, as its length in characters.
fn country_at(cx: &Cx, i: usize) -> usize {
    let Some(c) = cx.chars.get(i) else {
        return 0;
    };
    if COUNTRY_FIRST.binary_search(c).is_err() {
        return 0;
    }
    COUNTRIES
        .iter()
        .find(|c| cx.starts_with(i, c))
        .map_or(0, |c| c.chars().count())
}

/// Verbs of a clause that a central body's name never holds: the body is their
/// subject (`中央要求各地成立某某领导小组`, `国务院批准组成某某调查组`).
const CLAUSE_VERBS: [&str; 9] = [
    "要求", "决定", "成立", "设立", "组建", "部署", "提出", "强调", "批准",
];

/// Characters after `某军` that make it part of a longer word (`军事`, `军工`,
/// `军费`), not a country's army.
const NOT_AFTER_ARMY: &str = "事工用民火费备械衔训区歌旗装官医校营";

/// Whether a name may start at `i`: the text starts there, or the character
/// before is no part of a Han word, or a preposition or a word that stands
/// before bodies ends there.
fn boundary(cx: &Cx, i: usize) -> bool {
    i == 0
        || !is_han(cx.chars[i - 1])
        || is_stop(cx.chars[i - 1])
        || "从向经由据和同自".contains(cx.chars[i - 1])
        || BEFORE_BODY.iter().any(|w| cx.ends_with_at(i, w))
        // A ministry named by its field starts where the segmenter starts a
        // word after a word of its own (`按照某某部的规定`, `承办单位某某部`).
        // Before its head's post, a noun before it may be part of a longer
        // body's name (`某某中心宏观经济部部长`).
        || field_ministry_end(cx, i).is_some_and(|e| {
            let tokens = cx.tokens();
            tokens.binary_search_by_key(&i, |t| t.start).is_ok()
                && tokens
                    .binary_search_by_key(&i, |t| t.end)
                    .is_ok_and(|k| {
                        let t = &tokens[k];
                        t.end - t.start >= 2
                            && (t.function
                                || t.pos == crate::segment::Pos::Verb
                                || !(cx.starts_with(e, "部长") || cx.starts_with(e, "署长")))
                    })
        })
        // A verb or a function word the segmenter ends right there (`来自`),
        // before the state's own bodies (other words after a verb are mostly
        // clauses: `中央委员`, `全国改革大局`).
        || (cx.starts_with(i, "国家") || cx.starts_with(i, "国务院")) && {
            let tokens = cx.tokens();
            tokens
                .binary_search_by_key(&i, |t| t.end)
                .is_ok_and(|k| tokens[k].function || tokens[k].pos == crate::segment::Pos::Verb)
                && tokens.binary_search_by_key(&i, |t| t.start).is_ok()
        }
}

/// The end of a ministry named by its field at `p` (`水利部`, `审计署`): not
/// `某某部门`, not a post (`某某部长`) and not the verb `部署`.
fn field_ministry_end(cx: &Cx, p: usize) -> Option<usize> {
    if FIELD_FIRST.binary_search(cx.chars.get(p)?).is_err() {
        return None;
    }
    MINISTRY_CORES.iter().find_map(|core| {
        let q = p + core.chars().count();
        (cx.starts_with(p, core)
            && (cx.starts_with(q, "部") || cx.starts_with(q, "署"))
            && !cx
                .chars
                .get(q + 1)
                .is_some_and(|&c| "门长分队署".contains(c)))
        .then_some(q + 1)
    })
}

/// Whether a body's name ends in an ordinary word (`某国大局`, `国家开好局`)
/// rather than its core and suffix: not when a noun or a name of the
/// segmenter's runs into the ordinary word's first character (`国家安全局`
/// holds `安全`, not `全局`), unless that word is a verb (`重新部署`) or an
/// ordinary word that ends with the name (`开好局`).
fn ordinary_end(cx: &Cx, word: &str, e: usize) -> bool {
    NOT_AGENCY_END.iter().any(|w| {
        let k = w.chars().count();
        word.ends_with(w)
            && (word.chars().count() == k
                || cx.word_across(e - k).is_none_or(|t| {
                    t.function
                        || t.pos == crate::segment::Pos::Verb
                        || t.end == e && t.pos == crate::segment::Pos::Other
                }))
    })
}

/// The end of a foreign state's department named by its field at `p`
/// (`安全部门`, `民事保护部门`): two to six characters of the segmenter's
/// nouns before `部门`, with no generic word (`有关`, `相关`, `各`) and no
/// verb or function word among them.
fn field_department_end(cx: &Cx, p: usize) -> Option<usize> {
    let n = cx.chars.len();
    let q = (p + 2..=(p + 6).min(n)).find(|&q| cx.starts_with(q, "部门"))?;
    let core = cx.slice(p, q);
    if ["有关", "相关", "其他", "其它", "各", "主管", "职能", "政府"]
        .iter()
        .any(|g| core.starts_with(g))
        || !(p..q).all(|k| is_han(cx.chars[k]) && !is_stop(cx.chars[k]))
    {
        return None;
    }
    let tokens = cx.tokens();
    let clean = tokens
        .iter()
        .filter(|t| t.end > p && t.start < q)
        .all(|t| t.start >= p && !t.function && t.pos != crate::segment::Pos::Verb);
    clean.then_some(q + 2)
}

/// What names a national or foreign body at `i`, if anything: its end, and how
/// many of its first characters name the country (0 for none).
fn body_at(cx: &Cx, i: usize) -> Option<(usize, usize)> {
    let n = cx.chars.len();
    // A national body by a short form of its own (`中办`, `国资委`), unless a
    // word goes on after it (`国办发` still names the office).
    if let Some(w) = NATIONAL_SHORT_FORMS.iter().find(|w| cx.starts_with(i, w)) {
        return Some((i + w.chars().count(), 0));
    }
    let country = country_at(cx, i);
    let lead = if cx.starts_with(i, "国务院") {
        3
    } else if cx.starts_with(i, "国家") {
        2
    } else {
        country
    };
    let p = i + lead;
    // A country's mission abroad (`某国驻某地大使馆`, `某国驻某市总领馆`).
    if country > 0 && cx.starts_with(p, "驻") {
        for k in p + 2..=(p + 9).min(n) {
            if !is_han(cx.chars[k - 1]) || is_stop(cx.chars[k - 1]) {
                break;
            }
            if let Some(w) = MISSIONS.iter().find(|w| cx.starts_with(k, w)) {
                return Some((k + w.chars().count(), country));
            }
        }
    }
    // A foreign state's central government (`某国中央政府`) is its own.
    if country > 0 && cx.starts_with(p, "中央政府") {
        return Some((p + 4, country));
    }
    // The State Council is the national level of `人民政府` and is named alone.
    let state_council = country == 0 && lead == 3;
    // The national level of a body that every level has (`全国政协`,
    // `中央纪委`, `中共中央办公厅`), named like `省委`, `市政协` with the
    // country's level words in place of a division.
    if lead == 0
        && let Some(level) = ["中共中央", "全国", "中央"]
            .iter()
            .find(|w| cx.starts_with(i, w))
        && let Some(e) = match_body(cx, i + level.chars().count())
        && level_body(cx, level, i + level.chars().count(), e)
    {
        let e = committee_after(cx, e)
            .or_else(|| standing_committee_after(cx, e))
            .unwrap_or(e);
        return Some((inspection_after(cx, e).unwrap_or(e), 0));
    }
    // The advisory conference by its full name with its term
    // (`政协第十四届全国委员会`, and its standing committee after it).
    if lead == 0 && cx.starts_with(i, "政协") {
        let p = session_end(cx, i + 2).unwrap_or(i + 2);
        if cx.starts_with(p, "全国委员会") {
            let e = p + 5;
            return Some((standing_committee_after(cx, e).unwrap_or(e), 0));
        }
    }
    // The Party centre's commissions and offices (`中央某某委员会`,
    // `中央和国家机关工委`, `中共中央某某领导小组`), and the country's
    // (`全国某某工作领导小组`).
    if lead == 0
        && let Some(level) = ["中共中央", "中央", "全国"]
            .iter()
            .find(|w| cx.starts_with(i, w))
    {
        let p = i + level.chars().count();
        // No clause may run into the name (`中央要求各地成立某某领导小组`).
        let clause = CLAUSE_VERBS;
        for core_len in 2..=10 {
            let q = p + core_len;
            // A stop character inside a word of the segmenter's (`应对`) is
            // part of the subject.
            let name_char = |k: usize| {
                let c = cx.chars[k];
                is_han(c) && (!is_stop(c) || "全和与及".contains(c) || cx.word_across(k).is_some())
            };
            if q > n || !(p..q).all(name_char) || clause.iter().any(|w| cx.slice(p, q).contains(w))
            {
                break;
            }
            if let Some(suf) = ["委员会", "工委", "办公室"]
                .iter()
                .chain(TASK_GROUPS.iter())
                .find(|s| cx.starts_with(q, s))
                .filter(|s| !TASK_GROUPS.contains(s) || super::names::task_named(&cx.slice(p, q)))
            {
                let e = q + suf.chars().count();
                // A task group's office (`某某领导小组办公室`) is the office.
                let e = if TASK_GROUPS.contains(suf) && cx.starts_with(e, "办公室") {
                    e + 3
                } else {
                    e
                };
                return Some((e, 0));
            }
        }
    }
    // The State Council's general office (`国务院办公厅`).
    if lead == 3 && cx.starts_with(p, "办公厅") {
        return Some((p + 3, 0));
    }
    // A group the State Council or the Party centre sends (`国务院督查组`,
    // `中央宣讲团`).
    if let Some(level) = ["国务院", "中央"].iter().find(|w| cx.starts_with(i, w))
        && (country == 0 || lead == 3)
    {
        let q = i + level.chars().count();
        if let Some(g) = TASK_GROUPS.iter().find(|g| cx.starts_with(q, g)) {
            return Some((q + g.chars().count(), 0));
        }
    }
    // A foreign state's government (`某国政府`), which no division of ours
    // names, and its army (`某国政府军`). A state's one-character initial
    // (`某政府`) is too often the end of another word.
    let foreign = country > 1
        && lead == country
        && !cx.starts_with(i, "中国")
        && !cx.starts_with(i, "中华人民共和国");
    if foreign && cx.starts_with(p, "政府") {
        let army = cx.chars.get(p + 2) == Some(&'军')
            && !cx
                .chars
                .get(p + 3)
                .is_some_and(|&c| NOT_AFTER_ARMY.contains(c));
        return Some((p + if army { 3 } else { 2 }, country));
    }
    // A foreign state's own bodies that no level of ours has (`某国内阁`,
    // `某国总统府`, `某国央行`, `某国警方`). A head's office where someone
    // is or goes (`在某国总统府会见`, `这里是某国总统府`) is the building.
    if foreign
        && let Some(w) = STATE_BODIES.iter().find(|w| cx.starts_with(p, w))
        && !(w.ends_with('府')
            && ["在", "是", "到", "抵达", "于"]
                .iter()
                .any(|v| cx.ends_with_at(i, v)))
    {
        return Some((p + w.chars().count(), country));
    }
    // A foreign state's department named by its field (`某国安全部门`,
    // `某国公共卫生部门`): a word or two of the segmenter's, none of them a
    // clause's or a generic one's (`某国有关部门`).
    if foreign && let Some(e) = field_department_end(cx, p) {
        return Some((e, country));
    }
    // `国家某某委`, `某某总局`, `国务院某某办`, and a foreign state's bureaus
    // (`某国某某局`, `某国气象厅`, `某国国家某某局`), named like ours.
    let national = ["委员会", "总局", "办公室", "指挥部", "委", "局", "署", "办"];
    let task_groups: Vec<&str> = ["办公室", "委员会", "办"]
        .into_iter()
        .chain(TASK_GROUPS.iter().copied())
        .collect();
    let foreign_national = foreign && cx.starts_with(p, "国家");
    // Japan's and North Korea's ministries end in 省 (`某国外务省`), where
    // other states' provinces do.
    let ministry_sheng = foreign && SHENG_MINISTRY_STATES.contains(&cx.slice(i, p).as_str());
    // The lead's length says 国务院 or 国家 only when no country starts there
    // (`匈牙利` is three characters too).
    let suffixes: &[&str] = match lead {
        3 if country == 0 => &task_groups,
        2 if country == 0 => &national,
        _ if foreign_national => &national,
        _ if ministry_sheng => &["总局", "委员会", "办公室", "局", "厅", "署", "省"],
        _ if foreign => &["总局", "总署", "委员会", "办公室", "局", "厅", "署"],
        _ => &["总局", "总署"],
    };
    let start = if foreign_national { p + 2 } else { p };
    for core_len in 1..=8 {
        let q = start + core_len;
        if q > n {
            break;
        }
        let c = cx.chars[q - 1];
        // A foreign body's name joins nothing (`某国某军和海警局` is two). A
        // stop character inside a word of the segmenter's is the name's
        // (`国务院食品安全委员会`).
        if !is_han(c)
            || is_stop(c) && (cx.word_across(q - 1).is_none() || "和与及或同跟".contains(c))
            || foreign && "和与及".contains(c)
            // `原由某某总局承担`: the preposition opens the body's clause.
            || lead == 0 && country == 0 && c == '由'
        {
            break;
        }
        // A state's centre that does a government's work (`某国疾控中心`,
        // `国家某某中心` with such a field), as a place's does.
        if (lead > 0 || country > 0)
            && cx.starts_with(q, "中心")
            && AGENCY_CENTRE_CORES
                .iter()
                .any(|c| cx.ends_with_at(q, c) && q - c.chars().count() >= start)
        {
            return Some((q + 2, country));
        }
        if let Some(suf) = suffixes.iter().find(|s| cx.starts_with(q, s)) {
            // A longer core holds the clause too, so none after it names a body.
            let core = cx.slice(start, q);
            if CLAUSE_VERBS.iter().any(|v| core.contains(v)) {
                break;
            }
            if TASK_GROUPS.contains(suf) && !super::names::task_named(&cx.slice(start, q)) {
                continue;
            }
            let mut e = q + suf.chars().count();
            // A headquarters' office (`国家某某总指挥部办公室`) is the office.
            if *suf == "指挥部" && cx.starts_with(e, "办公室") {
                e += 3;
            }
            // `办` opens longer words too (`办公厅`, `办理`, `办法`).
            if *suf == "办" && cx.chars.get(e).is_some_and(|c| "公理法事".contains(*c)) {
                continue;
            }
            // `签署`, `部署`: a verb, not an office. A foreign state's bureau
            // ends where the segmenter ends a word, or inside a word only its
            // guesswork glued together (`某某局测得`), never inside a word of
            // its dictionary (not `某国北部局地`, `某国媒体发表署名`).
            let word = cx.slice(i, e);
            // Nor may its last character make a frequent word with the next
            // (`某国紧张局势`, `某国国内政治局面`).
            let word_ends = !foreign
                || super::trim::token_at(cx.tokens(), e - 1)
                    .is_none_or(|t| t.end == e || t.pos == crate::segment::Pos::Unknown)
                    && (e + 1 > cx.chars.len()
                        || crate::segment::frequency(&cx.slice(e - 1, e + 1)) < 100);
            if (lead > 0 || e - i >= 4) && word_ends && !ordinary_end(cx, &word, e) {
                return Some((e, country));
            }
        }
    }
    if let Some(e) = field_ministry_end(cx, p) {
        return Some((e, country));
    }
    // A field that opens with the state's own word (`国家安全部`).
    if lead == 2
        && country == 0
        && let Some(e) = field_ministry_end(cx, i)
    {
        return Some((e, 0));
    }
    // A regulator by its short name (`某监会`).
    for core_len in 1..=2 {
        let q = p + core_len;
        if (p..q).all(|k| cx.chars.get(k).is_some_and(|&c| is_han(c) && !is_stop(c)))
            && cx.starts_with(q, "监会")
        {
            return Some((q + 2, country));
        }
    }
    // A country's armed forces (`某国海军`, `某军`).
    if country > 0
        && let Some(w) = ARMED_FORCES.iter().find(|w| cx.starts_with(p, w))
    {
        return Some((p + w.chars().count(), country));
    }
    if lead == 0
        && COUNTRY_INITIALS.contains(cx.chars[i])
        && cx.chars.get(i + 1) == Some(&'军')
        // `某日军方`: 日 after a date is the day, not Japan.
        && !(cx.chars[i] == '日' && i > 0 && (cx.chars[i - 1].is_ascii_digit() || "一二三四五六七八九十今昨明当次同每".contains(cx.chars[i - 1])))
    {
        let e = if cx.starts_with(i + 1, "军方") {
            i + 3
        } else {
            i + 2
        };
        if !cx
            .chars
            .get(e)
            .is_some_and(|&c| e == i + 2 && NOT_AFTER_ARMY.contains(c))
        {
            return Some((e, 0));
        }
    }
    state_council.then_some((p, 0))
}

/// Whether `at`, inside a title in 《》, is where the title names its issuer: right
/// after the opening mark or after an issuer already found and a separator
/// (`《某中央 某院关于…》`), in a title that goes on with 关于.
fn issuer_slot(cx: &Cx, at: usize, found: &[(usize, usize, usize)]) -> bool {
    // A headline that is a document's title has its issuers first.
    if let Some(e) = super::initiatives::headline_document(cx)
        && at < e
    {
        let after_issuer = at >= 2
            && " 　、和".contains(cx.chars[at - 1])
            && found.iter().any(|&(_, fe, _)| fe == at - 1);
        return at == 0 || after_issuer;
    }
    let Some(open) = (0..at).rev().find(|&k| cx.chars[k] == '《') else {
        return false;
    };
    let after_open = open + 1 == at;
    let after_issuer = at >= 2
        && " 　、和".contains(cx.chars[at - 1])
        && found.iter().any(|&(s, e, _)| e == at - 1 && s > open);
    let close = (at..cx.chars.len().min(at + 80)).find(|&k| cx.chars[k] == '》');
    (after_open || after_issuer) && close.is_some_and(|c| cx.slice(at, c).contains("关于"))
}

/// National and foreign bodies. Found only after a boundary so that `国家级`
/// and the like stay words.
pub fn find(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let coverage = cx.coverage();
    let agency = 1 << EntityType::Agency as u8;
    let division = 1 << EntityType::Division as u8;
    let mut i = 0;
    while i < n {
        // A country's name is a start of its own (`日前某国军方`), except 中国,
        // which ends many words (`发展中国家`).
        let country_start = || match country_at(cx, i) {
            0 => false,
            2 => !cx.starts_with(i, "中国"),
            _ => true,
        };
        // Joint issuers are written without a mark between them
        // (`中共中央办公厅国务院办公厅`): a state body starts where one ends.
        let after_body = || found.last().is_some_and(|f| f.1 == i) && cx.starts_with(i, "国务院");
        if coverage[i] & agency != 0
            || !is_han(cx.chars[i])
            || !(boundary(cx, i) || country_start() || after_body())
            || cx.in_book_title(i) && !issuer_slot(cx, i, &found)
        {
            i += 1;
            continue;
        }
        // A preposition is no part of the name (`据某监会统计`): the body
        // starts after it when it is a body from there too.
        if i + 1 < n
            && "据在由对向从被将把让".contains(cx.chars[i])
            && body_at(cx, i + 1).is_some_and(|(e, _)| Some(e) == body_at(cx, i).map(|b| b.0))
        {
            i += 1;
            continue;
        }
        // So is a function word, a verb or a demonstrative the segmenter reads
        // as a word of its own (`根据某某总局`, `来自某某局`, `此某某总局`).
        if let Some(t) = super::trim::token_at(cx.tokens(), i)
            && t.end < n
            && (t.function || t.pos == crate::segment::Pos::Verb || "此该这".contains(cx.chars[i]))
            && body_at(cx, t.end).is_some_and(|(e, _)| Some(e) == body_at(cx, i).map(|b| b.0))
        {
            i = t.end;
            continue;
        }
        match body_at(cx, i) {
            // A Chinese division may hold the country's name (`中国`), never
            // the body after it.
            // The State Council's offices for a region hold its name
            // (`国务院台湾事务办公室`).
            Some((e, country))
                if coverage[i..e]
                    .iter()
                    .enumerate()
                    .all(|(k, b)| b & division == 0 || k < country)
                    || cx.starts_with(i, "国务院") && cx.ends_with_at(e, "事务办公室") =>
            {
                // A commission's or a leading group's general office is a body
                // of its own (`某某委员会办公室`, `某某军委办公厅`).
                let e = if (cx.ends_with_at(e, "委员会") || cx.ends_with_at(e, "领导小组"))
                    && cx.starts_with(e, "办公室")
                    || (cx.ends_with_at(e, "委")
                        || cx.ends_with_at(e, "常委会")
                        || cx.ends_with_at(e, "政协"))
                        && cx.starts_with(e, "办公厅")
                {
                    e + 3
                } else {
                    e
                };
                let e = resident_office_end(cx, e).unwrap_or(e);
                found.push((i, e, country));
                i = e;
            }
            // The central bodies the segmenter finds in running text
            // (`中共中央`) are found here only as a title's issuer.
            _ => match NATIONAL_VARIANTS
                .iter()
                .flatten()
                .filter(|f| cx.starts_with(i, f))
                .map(|f| f.chars().count())
                .max()
            {
                Some(len) if cx.in_book_title(i) || issuer_slot(cx, i, &found) => {
                    found.push((i, i + len, 0));
                    i += len;
                }
                _ => i += 1,
            },
        }
    }
    // A deputy to the national congress (`全国人大代表某某`) holds a seat in
    // it: the congress is named there, though the segmenter reads `人大代表`
    // as one word. Such a mention names where the deputy sits, not who acts
    // in the sentence, so it launches nothing (`agency:seat`).
    let mut seats = Vec::new();
    for body in ["全国人民代表大会", "全国人大"] {
        let len = body.chars().count();
        for s in 0..n.saturating_sub(len + 1) {
            let e = s + len;
            if cx.starts_with(s, body)
                && cx.starts_with(e, "代表")
                && !cx.starts_with(e, "代表大会")
                && !found.iter().any(|&(fs, fe, _)| fs < e && s < fe)
                && coverage[s..e].iter().all(|&b| b & agency == 0)
            {
                found.push((s, e, 0));
                seats.push(s);
            }
        }
    }
    // `国家某某总局某市监管分局`: the national name heads a local body's name, and
    // is no separate mention there.
    found.retain(|&(s, e, _)| {
        let head: String = cx.chars[s..e].iter().collect();
        let Some(local) = cx
            .mentions
            .iter_mut()
            .find(|m| m.ty == EntityType::Agency && !m.anaphoric && m.span.start == e)
        else {
            return true;
        };
        local.span = Span::new(s, local.span.end);
        local.text = format!("{head}{}", local.text);
        local.aliases.push(local.text.clone());
        false
    });
    // A resident office's name holds the region's own bodies' words
    // (`某地联络办公室`), which an earlier pass may have named alone.
    for &(s, e, _) in &found {
        if (s..e).any(|k| cx.chars[k] == '驻')
            && ["公署", "办公室", "联络办"]
                .iter()
                .any(|w| cx.ends_with_at(e, w))
        {
            cx.mentions
                .retain(|m| !(m.ty == EntityType::Agency && s < m.span.start && m.span.end <= e));
        }
        // So does a State Council office for a region (`国务院某某事务办公室`):
        // the region inside names neither a place nor a local office.
        if cx.slice(s, e).starts_with("国务院") && cx.ends_with_at(e, "事务办公室") {
            cx.mentions.retain(|m| {
                !(matches!(m.ty, EntityType::Agency | EntityType::Division)
                    && s < m.span.start
                    && m.span.end <= e)
            });
        }
    }
    for (s, e, country) in found {
        let text = cx.slice(s, e);
        // `全国公安机关`: all the country's police, no body in particular (the
        // national one is a ministry). A foreign state's police are its body
        // (`某国警方`).
        if (text.ends_with("公安机关") || text.ends_with("警方"))
            && (country == 0 || text.starts_with("中国"))
        {
            continue;
        }
        // China's own bodies are named without the country (`中国某监会` is
        // `某监会`); a foreign country's keep it.
        // A mission abroad keeps it (`中国驻某国大使馆`).
        let own = ["中华人民共和国", "中国"]
            .iter()
            .any(|c| text.starts_with(c) && c.chars().count() == country)
            && cx.chars[s + country] != '驻';
        let body = if own {
            cx.slice(s + country, e)
        } else {
            text.clone()
        };
        // A foreign state's police keep their word (`某国警方` is no 公安局).
        let (canon, variants) = if country > 0 && !own && body.ends_with("警方") {
            (body.clone(), Vec::new())
        } else {
            body_variants(&body)
        };
        let mut aliases = variants;
        aliases.push(text.clone());
        aliases.push(body);
        aliases.sort();
        aliases.dedup();
        cx.mentions.push(Mention {
            ty: EntityType::Agency,
            span: Span::new(s, e),
            text,
            key: format!("national/{canon}"),
            name: canon,
            aliases,
            class: None,
            div: None,
            role: None,
            rule: if seats.contains(&s) {
                "agency:seat"
            } else {
                "agency:national"
            },
            anaphoric: false,
        });
    }
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// The end of a central body's office resident in a region, written right after
/// the body (`某部驻某地特派员公署`, `中央政府驻某地联络办公室`): one body,
/// with the region inside its name.
fn resident_office_end(cx: &Cx, e: usize) -> Option<usize> {
    const OFFICES: [&str; 4] = ["联络办公室", "特派员公署", "国家安全公署", "联络办"];
    if cx.chars.get(e) != Some(&'驻') {
        return None;
    }
    (e + 2..(e + 16).min(cx.chars.len()))
        .take_while(|&k| is_han(cx.chars[k - 1]))
        .find_map(|k| {
            OFFICES
                .iter()
                .find(|o| cx.starts_with(k, o))
                .map(|o| k + o.chars().count())
        })
}

/// `市某某委`, `区某某办` where the article's place does not say which city or
/// district is meant (a single sentence, an article about no one place): the
/// body is an agency of this article alone, keyed by the article so that two
/// articles' `市某某委` never merge, and placed nowhere.
pub fn find_unplaced(cx: &mut Cx) {
    let n = cx.chars.len();
    let coverage = cx.coverage();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < n {
        let c = cx.chars[i];
        if !"省市区县".contains(c)
            || coverage[i] != 0
            || coverage[i + 1] != 0
            || !boundary(cx, i)
            || resolve_bare(cx, c).is_some()
        {
            i += 1;
            continue;
        }
        let Some(e) = match_body(cx, i + 1) else {
            i += 1;
            continue;
        };
        // `区人大代表`, `市政协委员`: a post held in the body, not the body.
        // After another level word (`市、县人民政府`) the body is every one of
        // those levels', not one.
        if e > n
            || i >= 2
                && "、和及与".contains(cx.chars[i - 1])
                && "省市县区乡镇".contains(cx.chars[i - 2])
            || coverage[i..e].iter().any(|&b| b != 0)
            || ["代表", "委员"].iter().any(|w| cx.starts_with(e, w))
            || cx.chars[e - 1] == '委' && cx.chars.get(e) == Some(&'员')
            || POSTS.iter().any(|p| cx.starts_with(i + 1, p))
            || NOT_AGENCY_END.iter().any(|w| cx.ends_with_at(e, w))
        {
            i += 1;
            continue;
        }
        // A series' tag in 【】 (`【县委书记风采】`) names a kind of post, not
        // a body of the story's.
        let tagged_series = (i.saturating_sub(12)..i)
            .rev()
            .take_while(|&k| cx.chars[k] != '】')
            .any(|k| cx.chars[k] == '【')
            && (e..(e + 16).min(n)).any(|k| cx.chars[k] == '】');
        if tagged_series {
            i += 1;
            continue;
        }
        let text = cx.slice(i, e);
        let (canon, mut aliases) = body_variants(&text);
        aliases.push(text.clone());
        aliases.sort();
        aliases.dedup();
        out.push(Mention {
            ty: EntityType::Agency,
            span: Span::new(i, e),
            text,
            key: format!("unplaced/{}/{canon}", cx.article.id),
            name: canon,
            aliases,
            class: None,
            div: None,
            role: None,
            rule: "agency:unplaced",
            anaphoric: false,
        });
        i = e;
    }
    cx.mentions.extend(out);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
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
    fn a_series_tag_names_no_unplaced_body() {
        assert!(agencies("【县委书记风采】某某：干事创业就要敢担当").is_empty());
    }

    #[test]
    fn a_state_council_office_for_a_region_is_one_national_body() {
        let ex = run("国务院台湾事务办公室发言人表示。全国政协办公厅发布通知。");
        let names: Vec<&str> = ex.mentions.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(names, ["国务院台湾事务办公室", "全国政协办公厅"]);
    }

    #[test]
    fn joint_issuers_written_as_one_word_are_two_bodies() {
        assert_eq!(
            agencies("中共中央国务院日前印发意见。"),
            ["中共中央", "国务院"]
        );
        assert_eq!(
            agencies("中共中央办公厅国务院办公厅印发通知。"),
            ["中共中央办公厅", "国务院办公厅"]
        );
    }

    #[test]
    fn a_foreign_central_government_is_the_countrys() {
        assert_eq!(agencies("也门中央政府对局势表示关切。"), ["也门中央政府"]);
    }

    #[test]
    fn a_countrys_interior_ministry_is_its_own() {
        assert_eq!(agencies("乌克兰内务部称，局势稳定。"), ["乌克兰内务部"]);
    }

    #[test]
    fn a_congress_inspection_team_is_a_body_of_its_own() {
        let found = agencies("全国人大常委会执法检查组在某省检查。");
        assert_eq!(found, ["全国人大常委会执法检查组"]);
        let found = agencies("全国人大常委会水污染防治法执法检查组召开会议。");
        assert_eq!(found, ["全国人大常委会水污染防治法执法检查组"]);
    }

    #[test]
    fn a_foreign_states_government_and_bureaus_are_agencies() {
        let found = agencies("某国媒体报道，利比里亚政府10号表示，将加强防控。");
        assert!(found.contains(&"利比里亚政府".to_string()), "{found:?}");
        let found = agencies("叙利亚政府军随后控制了该镇。");
        assert!(found.contains(&"叙利亚政府军".to_string()), "{found:?}");
        let found = agencies("日本气象厅22号发布消息，美国国家气象局也发布预警。");
        assert!(found.contains(&"日本气象厅".to_string()), "{found:?}");
        assert!(found.contains(&"美国国家气象局".to_string()), "{found:?}");
        let found = agencies("美国地质勘探局测得地震震级为7.5级。");
        assert!(found.contains(&"美国地质勘探局".to_string()), "{found:?}");
        // A state's three-character name is no State Council (`某国愿办好`),
        // a bureau ends where a word ends, and a name joins nothing.
        assert!(agencies("匈牙利愿办好今年的峰会。").is_empty());
        assert!(agencies("日本北部局地有暴雪。").is_empty());
        assert!(agencies("伊朗紧张局势持续。").is_empty());
        let found = agencies("德国总理默克尔和欧盟委员会通话。");
        assert!(!found.iter().any(|a| a.starts_with("德国")), "{found:?}");
    }

    #[test]
    fn the_party_centres_military_commission_before_its_chairmans_post() {
        let found = agencies("中共中央总书记、中共中央军委主席甘文亮主持会议。");
        assert!(found.contains(&"中共中央军委".to_string()), "{found:?}");
        assert!(agencies("中央委托某部门办理。").is_empty());
        assert!(agencies("全国优秀县委书记表彰会议召开。").is_empty());
    }

    #[test]
    fn a_foreign_states_own_bodies_departments_and_ministries_in_sheng() {
        let found = agencies("美国国家安全局定期分享情报。");
        assert_eq!(found, ["美国国家安全局"]);
        for (text, body) in [
            ("日本内阁通过了法案。", "日本内阁"),
            ("韩国总统府表示欢迎。", "韩国总统府"),
            ("据韩国总统府透露，会谈将在下月举行。", "韩国总统府"),
            ("俄罗斯央行当天宣布停止购汇。", "俄罗斯央行"),
            ("比利时警方逮捕了一名男子。", "比利时警方"),
            ("黎巴嫩公共卫生部门说。", "黎巴嫩公共卫生部门"),
            ("日本财务省承认了。", "日本财务省"),
            ("伊拉克安全部队展开行动。", "伊拉克安全部队"),
        ] {
            assert_eq!(agencies(text), [body], "{text}");
        }
        // A generic department names none, nor a province of a state whose
        // ministries are no 省.
        assert!(agencies("美国有关部门表示。").is_empty());
        assert!(agencies("双方在新加坡总统府会见。").is_empty());
        assert!(
            !agencies("越南老街省发生洪灾。")
                .iter()
                .any(|a| a.contains("老街省"))
        );
        assert!(agencies("美国正在重新部署兵力。").is_empty());
        assert!(agencies("俄罗斯等国外交部门表示。").is_empty());
        assert!(agencies("要为国家开好局。").is_empty());
    }

    #[test]
    fn a_level_word_before_no_body_names_none() {
        let agencies = |text: &str| -> Vec<String> {
            run(text)
                .mentions
                .iter()
                .filter(|m| m.ty == crate::model::EntityType::Agency)
                .map(|m| m.name.clone())
                .collect()
        };
        assert!(agencies("为全国改革开放大局作出贡献。").is_empty());
        assert!(agencies("中央层面政府核准的投资项目减少。").is_empty());
        assert!(agencies("1987年，中央委托我们开展调研。").is_empty());
        assert!(agencies("中国非政府组织首次参加。").is_empty());
        assert_eq!(agencies("中央政府大力支持。"), ["中央政府"]);
    }

    #[test]
    fn the_written_forms_of_a_central_body_are_one_body() {
        let ex =
            run("中共中央印发通知。党中央高度重视。全国人民代表大会常务委员会和全国人大常委会。");
        let keys = |form: &str| -> Vec<String> {
            ex.mentions
                .iter()
                .filter(|m| m.ty == EntityType::Agency && m.text == form)
                .map(|m| m.key.clone())
                .collect()
        };
        assert_eq!(keys("党中央"), keys("中共中央"));
        assert!(!keys("党中央").is_empty());
        assert_eq!(keys("全国人民代表大会常务委员会"), keys("全国人大常委会"));
        // The advisory conference by its system's name is its national committee.
        let ex = run("全国政协召开会议。人民政协要发挥作用。");
        let keys: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.key.as_str())
            .collect();
        assert_eq!(keys.len(), 2, "{keys:?}");
        assert_eq!(keys[0], keys[1]);
        let ex = run("中共中央政治局召开会议。中央政治局委员出席。");
        let names: Vec<&str> = ex.mentions.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["中共中央政治局", "中共中央政治局"]);
        let ex = run("中办、国办印发意见。中共中央办公厅、国务院办公厅近日印发通知。");
        let names: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "中共中央办公厅",
                "国务院办公厅",
                "中共中央办公厅",
                "国务院办公厅"
            ]
        );
    }

    #[test]
    fn the_countrys_leading_groups_offices_and_bodies_after_a_meeting_verb() {
        assert_eq!(
            agencies("他主持召开全国某某工作领导小组全体会议。"),
            ["全国某某工作领导小组"]
        );
        assert_eq!(agencies("记者从国家某灾办了解到。"), ["国家某灾办"]);
        assert_eq!(
            agencies("国家某某总指挥部办公室发出通知。"),
            ["国家某某总指挥部办公室"]
        );
        assert_eq!(
            agencies("他主持召开中央某某委员会会议。"),
            ["中央某某委员会"]
        );
        // `办` before 理 is a verb.
        assert!(agencies("国家某某办理了手续。").is_empty());
        assert_eq!(agencies("国务院办公厅印发通知。"), ["国务院办公厅"]);
        // After a verb the segmenter reads alone, the state's bodies still open.
        assert_eq!(agencies("来自国家发改委的数据显示。"), ["国家发改委"]);
        assert_eq!(
            agencies("全国人大山林和草原委员会主任委员作报告。"),
            ["全国人大山林和草原委员会"]
        );
        assert_eq!(
            agencies("全国政协十三届一次会议选举产生常务委员会。"),
            ["全国政协"]
        );
        // A function word or a verb read as a word of its own opens no name.
        assert_eq!(
            agencies("根据国家工商总局统计，新增企业。"),
            ["国家工商总局"]
        );
        // The standing committee after the conference, with or without the
        // term, and the conference by its full name with its term: one body
        // each, the term left out of the canonical name.
        let ex = run(
            "全国政协十四届常委会第三次会议闭幕。政协第十四届全国委员会常务委员会举行会议。政协第十四届全国委员会第二次会议开幕。",
        );
        let names: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(names, ["全国政协常委会", "全国政协常委会", "全国政协"]);
        assert_eq!(
            agencies("国家山林防灭火指挥部召开会议。"),
            ["国家山林防灭火指挥部"]
        );
    }

    #[test]
    fn a_ministry_after_the_preposition_zi() {
        // `自某部“某某”行动启动以来`: 自 opens the clause, the body follows.
        assert_eq!(
            agencies("自公安部“示例2015”专项行动启动至今，已抓获7人。"),
            ["公安部"]
        );
    }

    #[test]
    fn a_regulator_after_the_preposition_you() {
        assert_eq!(
            agencies("原由甲乙监管总局承担的登记职责，改由人民银行承担。"),
            ["甲乙监管总局", "人民银行"]
        );
        // Nor is the central bank a firm when a list's conjunction is cut off it.
        let ex =
            crate::extract::tests::run("原由甲乙监管总局承担的抵押登记和人民银行承担的质押登记。");
        assert!(
            ex.mentions
                .iter()
                .filter(|m| m.text == "人民银行")
                .all(|m| m.ty == crate::model::EntityType::Agency),
            "{:?}",
            ex.mentions
        );
    }

    #[test]
    fn a_central_bodys_office_in_a_region_and_a_commissions_general_office() {
        assert_eq!(
            agencies("中央政府驻澳门联络办公室主任出席。外交部驻港特派员公署发言人表示。"),
            ["中央政府驻澳门联络办公室", "外交部驻港特派员公署"]
        );
        assert_eq!(
            agencies("中央军委办公厅印发通知。全国人大常委会办公厅举行座谈会。"),
            ["中央军委办公厅", "全国人大常委会办公厅"]
        );
    }

    #[test]
    fn ministries_by_field_and_regulators() {
        let found = agencies("交通运输部、水利部和审计署派员参加，银监会随后发文。");
        for want in ["交通运输部", "水利部", "审计署", "银监会"] {
            assert!(found.iter().any(|f| f == want), "{want} in {found:?}");
        }
        // A department in general and a post are not a ministry.
        assert!(agencies("相关水利部门负责人表示。").is_empty());
        assert!(agencies("他曾任教育部长。").is_empty());
    }

    #[test]
    fn a_ministry_by_field_after_a_word_of_its_own() {
        // The segmenter starts a word there, after a preposition or a noun.
        assert_eq!(
            agencies("按照住房城乡建设部的规定执行。"),
            ["住房城乡建设部"]
        );
        assert_eq!(agencies("提案承办单位农业农村部作了交流。"), ["农业农村部"]);
        // A field that opens with the state's own word.
        assert_eq!(agencies("国家安全部发布消息。"), ["国家安全部"]);
        // Before its head's post, the noun before it may be part of a longer name.
        assert!(agencies("某某中心宏观经济部部长表示。").is_empty());
        // `部署` is a verb.
        assert!(agencies("做好国家安全部署。").is_empty());
    }

    #[test]
    fn a_states_centre_doing_a_governments_work_is_its_agency() {
        assert_eq!(agencies("美国疾控中心主任表示。"), ["美国疾控中心"]);
        assert_eq!(agencies("国家疾控中心专家表示。"), ["国家疾控中心"]);
        // A centre of research is no office.
        assert!(agencies("美国战略与国际研究中心发布报告。").is_empty());
    }

    #[test]
    fn a_clause_after_the_state_council_is_no_part_of_a_bodys_name() {
        assert_eq!(agencies("国务院成立教育督导委员会。"), ["国务院"]);
        assert_eq!(agencies("国务院安委会办公室通报。"), ["国务院安委会办公室"]);
    }

    #[test]
    fn armed_forces_of_a_country() {
        let found = agencies("美国海军和日军都参加了演习，美军事专家称。");
        assert!(found.contains(&"美国海军".to_string()), "{found:?}");
        assert!(found.contains(&"日军".to_string()), "{found:?}");
        assert!(!found.iter().any(|f| f.starts_with("美军")), "{found:?}");
        // 日 after a date is the day.
        assert!(agencies("17日军方宣布").is_empty());
    }

    #[test]
    fn a_bare_level_word_with_no_place_is_this_articles_body() {
        let ex = run("市住建委相关负责人昨天表示，区人大代表也到场。");
        let bodies: Vec<_> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .collect();
        assert_eq!(bodies.len(), 1, "{bodies:?}");
        assert_eq!(bodies[0].text, "市住建委");
        assert!(bodies[0].key.starts_with("unplaced/"));
        assert!(bodies[0].div.is_none());
        // Several levels' bodies at once are no one body.
        let ex = run("落实市、县人民政府责任，资金由省、市、县政府安排。");
        assert!(
            !ex.mentions.iter().any(|m| m.ty == EntityType::Agency),
            "{:?}",
            ex.mentions
        );
    }

    #[test]
    fn a_state_council_commission_may_hold_a_stop_character_inside_a_word() {
        let ex = run("张某某主持召开国务院食品安全委员会全体会议。");
        let bodies: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(bodies, ["国务院食品安全委员会"]);
    }

    #[test]
    fn the_national_level_of_a_body_and_its_people() {
        let ex = run("全国政协副主席王某某、国务院副总理张某某和中央军委主席李某某出席。");
        let bodies: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(bodies, ["全国政协", "国务院", "中央军委"]);
        let works: Vec<(String, String)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == crate::model::Predicate::WorksFor)
            .filter_map(|r| match r.object {
                crate::extract::Object::Mention(o) => Some((
                    ex.mentions[r.subject].text.clone(),
                    ex.mentions[o].text.clone(),
                )),
                _ => None,
            })
            .collect();
        for want in [
            ("王某某", "全国政协"),
            ("张某某", "国务院"),
            ("李某某", "中央军委"),
        ] {
            assert!(
                works.contains(&(want.0.to_string(), want.1.to_string())),
                "{want:?} in {works:?}"
            );
        }
    }

    #[test]
    fn groups_set_up_for_one_task_are_bodies() {
        assert_eq!(
            agencies("国务院某某工作领导小组印发通知。"),
            ["国务院某某工作领导小组"]
        );
        assert_eq!(agencies("国务院督查组在当地了解到。"), ["国务院督查组"]);
        assert_eq!(
            agencies("中央应对某某工作领导小组召开会议。"),
            ["中央应对某某工作领导小组"]
        );
        assert_eq!(agencies("中央某某督察组进驻。"), ["中央某某督察组"]);
        assert_eq!(
            agencies("据中央某某工作领导小组办公室介绍。"),
            ["中央某某工作领导小组办公室"]
        );
        // A count or a verb of sending is no task.
        assert_eq!(agencies("国务院派出督查组。"), ["国务院"]);
        assert_eq!(agencies("国务院两个调查组到达。"), ["国务院"]);
    }

    #[test]
    fn a_countrys_mission_abroad_is_its_body() {
        assert_eq!(
            agencies("中国驻某某使馆提醒公民注意安全。"),
            ["中国驻某某使馆"]
        );
        assert_eq!(agencies("法国驻某某大使馆发表声明。"), ["法国驻某某大使馆"]);
        assert_eq!(
            agencies("中国驻某某总领事馆发布消息。"),
            ["中国驻某某总领事馆"]
        );
    }

    #[test]
    fn a_deputy_to_the_national_congress_works_for_it() {
        let ex = run("全国人大代表王某某建议加强监管。");
        let congress = ex
            .mentions
            .iter()
            .position(|m| m.rule == "agency:seat")
            .expect("the congress is named");
        assert!(ex.relations.iter().any(|r| {
            r.predicate == crate::model::Predicate::WorksFor
                && matches!(r.object, crate::extract::Object::Mention(o) if o == congress)
        }));
        assert!(
            run("县人民代表大会代表出席。")
                .mentions
                .iter()
                .all(|m| m.rule != "agency:seat")
        );
    }
}
