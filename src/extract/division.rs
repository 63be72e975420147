//! Divisions: gazetteer names (full and short forms, short county names only where
//! the context names their prefecture or province), development zones built on a
//! division name (`平湖经济技术开发区`, `桐乡市开发区`), and towns and subdistricts
//! the gazetteer lacks (`X镇`, `X街道`), placed under the article's locality.
//! Zones, with or without a division's name before them, are `division::zones`;
//! towns and the shorter forms zones and towns are met again by are
//! `division::towns`; which candidate a name means and what the article is about
//! are `division::context`.

use super::lexicon::{
    COUNTRIES, COUNTRY_INITIALS, COURTESY, LANDFORMS, MEDIA_WORDS, PLACE_NAME_HEADS, SCENIC_WORDS,
    SPEECH_VERBS, TOWN_BREAKERS, VERB_HEADS,
};
use super::{Cx, DivInfo, Mention, is_han, is_stop};

use crate::gazetteer::{DivisionIx, Gazetteer, NameForm};
use crate::model::{EntityType, Level, Span};

mod context;
mod nesting;
mod towns;
mod zones;

pub(super) use context::context_of;
use context::{choose, locality};
pub(super) use nesting::drop_unnested;
use towns::{find_repeats, find_towns, towns_over_short_forms};
use zones::{find_new_areas, find_standalone_zones, find_zones};

pub fn info(gaz: &Gazetteer, ix: DivisionIx) -> DivInfo {
    let d = gaz.get(ix);
    let mut aliases = vec![d.name.clone()];
    aliases.extend(d.shorts.iter().cloned());
    DivInfo {
        gaz: Some(ix),
        name: d.name.clone(),
        level: d.level,
        parent: d.parent,
        key: d.code.clone(),
        code: Some(d.code.clone()),
        aliases,
    }
}

pub fn find(cx: &mut Cx) {
    let text: String = cx.chars.iter().collect();
    let hits = cx.gaz.find(&text);
    // The article's own full names join the document context first.
    let own = context_of(&[&text], cx.gaz);
    for a in own {
        if !cx.context.contains(&a) {
            cx.context.push(a);
        }
    }
    for hit in hits {
        let surface = cx.slice(hit.start, hit.end);
        // A short form followed by a street word is a street name (中山路), one
        // followed by 街道/镇/乡 names a town of that name, and a county's short
        // form followed by a word for water or land (江, 湖, 山, 畔) names a river,
        // a lake or a hill (`某塘江`), not the county. (A province's or a city's
        // short form before 港 or 山 is still that place: `某岛港`.)
        let short_only = hit.candidates.iter().all(|c| c.1 == NameForm::Short);
        let county_only = hit
            .candidates
            .iter()
            .all(|&(ix, _)| cx.gaz.get(ix).level.depth() >= 2);
        let below_province = hit
            .candidates
            .iter()
            .all(|&(ix, _)| cx.gaz.get(ix).level.depth() >= 1);
        // (`某某乡村旅游` is the county's countryside, not a township.)
        let countryside = cx.starts_with(hit.end, "乡村");
        if let Some(&next) = cx.chars.get(hit.end)
            && short_only
            && !countryside
            && ("路街巷弄镇乡".contains(next)
                || county_only && "江河湖海溪山岭峰港湾桥岛泉潭峡畔滩".contains(next))
        {
            continue;
        }
        // A place's name that opens a union of states' (`上海合作组织`) is
        // part of that name, not the place; the unions' pass reads it later.
        if super::unions::form_at(cx, hit.start).is_some_and(|e| e > hit.end) {
            continue;
        }
        // A prefecture's or a county's short form before a landform (`某某盆地`,
        // `某州湾`, `某龙雪山`) names the landform.
        if short_only && below_province && LANDFORMS.iter().any(|w| cx.starts_with(hit.end, w)) {
            continue;
        }
        // A county or city named after its mountain (`某山`, by its short
        // form) is the mountain in a sentence about sightseeing (`某省某山景区`).
        if short_only
            && surface.ends_with('山')
            && below_province
            && {
                let sentence = cx.slice(cx.sentence_start(hit.start), cx.sentence_end(hit.end));
                SCENIC_WORDS.iter().any(|w| sentence.contains(w))
            }
            // The mountain is written with its province before it (`某省某山`) or
            // a scenic word after it (`某山景区`); a bare city in a list of
            // cities whose visitors travel (`某山、某州等城市的游客`) is the city.
            && (SCENIC_WORDS.iter().any(|w| cx.starts_with(hit.end, w))
                || ["之巅", "山顶", "脚下"].iter().any(|w| cx.starts_with(hit.end, w))
                || cx.mentions.iter().any(|m| {
                    m.ty == EntityType::Division
                        && m.span.end == hit.start
                        && m.div.as_ref().is_some_and(|d| d.level.depth() == 0)
                }))
            // An article that names the place with its level means the place.
            && !hit
                .candidates
                .iter()
                .any(|&(ix, _)| text.contains(cx.gaz.get(ix).name.as_str()))
        {
            continue;
        }
        // A city's or a county's short form that the segmenter reads as part of
        // a longer word which is no place name (`壮大新产业`, `朝阳产业`) is
        // inside that word: two characters of an ordinary word, not the place.
        if short_only && county_only && inside_word(cx, hit.start, hit.end) {
            continue;
        }
        // A prefecture's short form ending a foreign place the segmenter reads
        // whole (`某某里达州`, `地中海` before 东) is the end of that name, not the
        // prefecture. (A province's after another word, `首都某京`, is still it.)
        if short_only
            && below_province
            && cx.word_across(hit.start).is_some_and(|t| {
                t.pos == crate::segment::Pos::Place
                    && t.start + 2 <= hit.start
                    && t.end <= hit.end
                    && cx.gaz.lookup(&cx.slice(t.start, hit.start)).is_empty()
            })
        {
            continue;
        }
        // A county whose full name has one character before its level (`某县`)
        // is read only where the segmenter keeps both apart from the words
        // around them: `建成县` ends a verb, `县级` and `县城` are other words.
        if !short_only
            && county_only
            && hit.end - hit.start == 2
            && (cx.word_across(hit.start).is_some()
                || cx
                    .word_across(hit.end)
                    .is_some_and(|t| t.pos != crate::segment::Pos::Place))
        {
            continue;
        }
        // A prefecture's or a county's short form that starts inside a word of
        // the segmenter's whose head is no place (`肯定` + `西…`, `入海口`,
        // `天山南北`, `大小兴安岭`) is the tail of that word, not the place.
        if short_only
            && below_province
            && cx.word_across(hit.start).is_some_and(|t| {
                t.start < hit.start && cx.gaz.lookup(&cx.slice(t.start, hit.start)).is_empty()
            })
        {
            continue;
        }
        // A short form that opens a longer place word of the segmenter's that
        // no division bears and that ends in no level word (`北海道`, a
        // reservoir, a bay) is the start of that place's name. A port is
        // named by its city, which it lies in (`某波港`), and a place written
        // with the place inside it (`某宁某阳`, `某港特区`) is both. A
        // province's short form heads too many such words of its own
        // (`某港市民`) to be read so.
        if short_only
            && below_province
            && cx.word_across(hit.end).is_some_and(|t| {
                t.start == hit.start
                    && t.end - t.start >= 3
                    && t.pos == crate::segment::Pos::Place
                    && cx.gaz.lookup(&cx.slice(t.start, t.end)).is_empty()
                    && cx.gaz.lookup(&cx.slice(hit.end, t.end)).is_empty()
                    && !"省市县区州旗盟镇乡港".contains(cx.chars[t.end - 1])
                    && !["特区", "地区", "境内", "一带"]
                        .iter()
                        .any(|w| cx.starts_with(hit.end, w))
            })
        {
            continue;
        }
        // So is a full name whose first character ends an ordinary word and
        // whose level word starts another (`沿海` + `城市`: no `海城市`).
        if !short_only
            && below_province
            && cx.word_across(hit.start).is_some_and(|t| {
                t.start < hit.start
                    && t.pos != crate::segment::Pos::Place
                    && crate::segment::frequency(&cx.slice(t.start, t.end)) >= 500
                    && cx.gaz.lookup(&cx.slice(t.start, hit.start)).is_empty()
            })
            && cx
                .word_across(hit.end - 1)
                .is_some_and(|t| t.end == hit.end && t.start > hit.start)
        {
            continue;
        }
        // A three-character full name the segmenter cuts across both its ends
        // is two other words' parts: its first character ends a word before
        // it and its last two make a frequent word (`浙西` + `山区`: no
        // `西山区`), or its level word opens a word after a frequent verb or
        // everyday word (`振兴` + `区域`: no `振兴区`). Names the dictionary
        // takes for people's (`某吉` + `市委`) are places still, and so are
        // names whose parent the article names (`某州除上城区`).
        let parent_named = || {
            hit.candidates.iter().any(|&(ix, _)| {
                cx.gaz.get(ix).parent.is_some_and(|p| {
                    let p = cx.gaz.get(p);
                    text.contains(p.name.as_str())
                        || p.shorts.iter().any(|s| text.contains(s.as_str()))
                })
            })
        };
        if !short_only && below_province && hit.end - hit.start == 3 {
            let tokens = cx.tokens();
            let token = |s: usize, e: usize| {
                tokens
                    .binary_search_by_key(&s, |t| t.start)
                    .ok()
                    .map(|k| &tokens[k])
                    .filter(|t| t.end == e)
            };
            let frequent = |t: &crate::segment::Token, at_least: usize| {
                crate::segment::frequency(&cx.slice(t.start, t.end)) >= at_least
            };
            let tail_word = cx
                .word_across(hit.start)
                .is_some_and(|t| t.end == hit.start + 1)
                && token(hit.start + 1, hit.end).is_some_and(|t| frequent(t, 1000));
            let level_opens = cx
                .word_across(hit.end)
                .is_some_and(|t| t.start == hit.end - 1)
                && token(hit.start, hit.end - 1).is_some_and(|t| {
                    matches!(
                        t.pos,
                        crate::segment::Pos::Verb | crate::segment::Pos::Other
                    ) && frequent(t, 500)
                });
            if (tail_word || level_opens) && !parent_named() {
                continue;
            }
        }
        // A prefecture's short form heads many words of its own (`某市大学`),
        // so only one straddling two ordinary words is dropped (`均衡水平`,
        // `重大理论`); a province's is left alone.
        let ordinary = |t: &crate::segment::Token| t.pos != crate::segment::Pos::Place;
        if short_only
            && below_province
            && cx.word_across(hit.start).is_some_and(ordinary)
            && cx.word_across(hit.end).is_some_and(ordinary)
        {
            continue;
        }
        // A short form the segmenter reads as the head of a place name one
        // character longer that no division has is a sight named after the
        // place (`某山陵`), not the place itself; a port or a level word after
        // it still names the place (`某某港`, `某某市`).
        if short_only
            && below_province
            && cx.tokens().iter().any(|t| {
                t.pos == crate::segment::Pos::Place
                    && t.start == hit.start
                    && t.end == hit.end + 1
                    && !"港省市县区州旗盟镇乡村".contains(cx.chars[hit.end])
                    && cx.gaz.lookup(&cx.slice(t.start, t.end)).is_empty()
            })
        {
            continue;
        }
        // Two countries are written by their initials with 中 (`中某关系`,
        // `某中两国`): where the article names a country with that initial, the
        // pair is those countries, not a city whose short form is spelt alike.
        if short_only && hit.end - hit.start == 2 && country_pair(cx, &text, hit.start) {
            continue;
        }
        // A place before 时间 names a time zone (`某京时间今天早上`), not a place
        // the article speaks of.
        if short_only && cx.starts_with(hit.end, "时间") {
            continue;
        }
        // A short form opening with 镇 or 乡 right after a name's characters is
        // most often that town's level and the word after it (`某山镇原党委`,
        // `某堡镇安置点`): it is the county only where its own level follows,
        // a larger division comes right before, or nothing of a name does.
        if short_only
            && matches!(cx.chars[hit.start], '镇' | '乡')
            && hit.start >= 2
            && (hit.start - 2..hit.start).all(|k| {
                is_han(cx.chars[k])
                    && !is_stop(cx.chars[k])
                    && !"住到往至位于向经据在赴和与及、".contains(cx.chars[k])
            })
            && !TOWN_BREAKERS.iter().any(|w| cx.ends_with_at(hit.start, w))
            && (2..=3.min(hit.start)).all(|n| {
                cx.gaz
                    .lookup(&cx.slice(hit.start - n, hit.start))
                    .is_empty()
            })
            && !cx
                .chars
                .get(hit.end)
                .is_some_and(|c| "县市区旗".contains(*c))
            && !cx
                .mentions
                .iter()
                .any(|m| m.ty == EntityType::Division && m.span.end == hit.start)
        {
            continue;
        }
        // A place heading a paper's or broadcaster's name (`某省日报讯`) is part of
        // that name, not a place the article speaks of.
        if MEDIA_WORDS.iter().any(|w| cx.starts_with(hit.end, w)) {
            continue;
        }
        // So is a short form before a word that makes one name with it
        // (`place_name_heads.txt`: a corps, a spirit, a peninsula).
        if short_only && PLACE_NAME_HEADS.iter().any(|w| cx.starts_with(hit.end, w)) {
            continue;
        }
        // A short form before a verb of speech is a given name (某卫东表示),
        // and so is one before a courtesy title (`某山先生`).
        if hit.candidates.iter().all(|c| c.1 == NameForm::Short)
            && (SPEECH_VERBS.iter().any(|v| cx.starts_with(hit.end, v))
                || COURTESY.iter().any(|v| cx.starts_with(hit.end, v)))
        {
            continue;
        }
        // A full name that starts with a verb of joint action (`巡察办会同县纪委`)
        // is that verb before a bare 县, unless its prefecture is in the context.
        if VERB_HEADS.iter().any(|v| surface.starts_with(v))
            && hit.candidates.iter().all(|&(ix, _)| {
                cx.gaz
                    .get(ix)
                    .parent
                    .is_none_or(|p| !cx.context.contains(&p))
            })
        {
            continue;
        }
        // A place written right after a larger one lies inside it (`某市某区`):
        // a short form that names no place there is the start of another name
        // (a park or a lake in that city), not a county of the same name elsewhere.
        let outer = cx
            .mentions
            .iter()
            .rev()
            .find(|m| m.ty == EntityType::Division && m.span.end == hit.start)
            .and_then(|m| m.div.as_ref().and_then(|d| d.gaz));
        let inside: Vec<(DivisionIx, NameForm)>;
        let candidates = match outer {
            Some(o) if short_only && below_province => {
                inside = hit
                    .candidates
                    .iter()
                    .filter(|&&(ix, _)| cx.gaz.chain(ix).contains(&o))
                    .copied()
                    .collect();
                if inside.is_empty() {
                    continue;
                }
                &inside[..]
            }
            _ => &hit.candidates[..],
        };
        let Some((ix, form)) = choose(cx, candidates, &surface) else {
            continue;
        };
        let mut d = info(cx.gaz, ix);
        // A county that has since become a city, written by its old name
        // (`某阳县` for `某阳市`): the old name is the mention, so that a town
        // written right after it finds its county, and it is one more alias.
        let mut end = hit.end;
        let mut surface = surface;
        if form == NameForm::Short
            && d.level == Level::County
            && cx.chars.get(hit.end) == Some(&'县')
            && !d.name.ends_with('县')
        {
            end += 1;
            surface.push('县');
            if !d.aliases.contains(&surface) {
                d.aliases.push(surface.clone());
            }
        }
        cx.push(division_mention(
            Span::new(hit.start, end),
            surface,
            d,
            if form == NameForm::Full {
                "division:gazetteer"
            } else {
                "division:short-form"
            },
        ));
    }
    cx.locality = locality(cx);
    find_zones(cx);
    find_new_areas(cx);
    find_standalone_zones(cx);
    find_towns(cx);
    find_repeats(cx);
    towns_over_short_forms(cx);
    merge_bracketed_equivalents(cx);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// Whether the two characters at `start` are 中 and a country's initial, and
/// the article names a country with that initial (`某拿马`).
fn country_pair(cx: &Cx, text: &str, start: usize) -> bool {
    let (a, b) = (cx.chars[start], cx.chars[start + 1]);
    let initial = match (a, b) {
        ('中', c) | (c, '中') if c != '中' => c,
        _ => return false,
    };
    COUNTRY_INITIALS.contains(initial)
        && COUNTRIES
            .iter()
            .any(|c| c.starts_with(initial) && c.chars().count() > 1 && text.contains(c))
}

/// Whether the segmenter puts either end of `start..end` inside a word that is
/// no place name. A place word may run on past the end (`某湖新城`), but one that
/// starts before the name must start with another division (`某市某湖`): a
/// transliterated foreign name the segmenter tags as a place does not.
fn inside_word(cx: &Cx, start: usize, end: usize) -> bool {
    let place = |t: &crate::segment::Token| t.pos == crate::segment::Pos::Place;
    cx.word_across(start)
        .is_some_and(|t| !place(t) || cx.gaz.lookup(&cx.slice(t.start, start)).is_empty())
        || cx.word_across(end).is_some_and(|t| {
            // The short form and its level word read as one word (`某阳县`, a
            // county's old name the segmenter does not know) is the place.
            let with_level =
                t.start == start && t.end == end + 1 && "县市区旗".contains(cx.chars[end]);
            !place(t) && !with_level
        })
}

/// `某新区(某区)`: a zone and the county it is governed as are one division; the
/// zone's mentions take the county's identity and keep their name as an alias.
fn merge_bracketed_equivalents(cx: &mut Cx) {
    let mut pairs: Vec<(String, super::DivInfo)> = Vec::new();
    for m in cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Division && m.rule == "division:zone")
    {
        let e = m.span.end;
        if !matches!(cx.chars.get(e), Some('(' | '（')) {
            continue;
        }
        let inner = cx
            .mentions
            .iter()
            .filter(|o| o.ty == EntityType::Division && o.span.start == e + 1)
            .filter(|o| matches!(cx.chars.get(o.span.end), Some(')' | '）')))
            .filter_map(|o| o.div.clone())
            .find(|d| d.gaz.is_some() && d.level == Level::County);
        if let Some(d) = inner {
            pairs.push((m.key.clone(), d));
        }
    }
    for (zone_key, county) in pairs {
        for m in cx.mentions.iter_mut().filter(|m| m.key == zone_key) {
            let mut d = county.clone();
            d.aliases.push(m.text.clone());
            d.aliases.extend(m.aliases.iter().cloned());
            d.aliases.sort();
            d.aliases.dedup();
            m.key = d.key.clone();
            m.name = d.name.clone();
            m.aliases = d.aliases.clone();
            m.div = Some(d);
        }
    }
}

/// How many characters of `walked` come before the end of the last of `words` in
/// it (0 when none occurs): a name walked back from its suffix starts there.
fn cut_after_last<'a>(walked: &str, words: impl Iterator<Item = &'a &'a str>) -> usize {
    words
        .filter_map(|w| {
            walked
                .rfind(*w)
                .map(|p| walked[..p].chars().count() + w.chars().count())
        })
        .max()
        .unwrap_or(0)
}

/// A division mention whose key, canonical name and aliases are those of `div`.
fn division_mention(span: Span, text: String, div: DivInfo, rule: &'static str) -> Mention {
    Mention {
        ty: EntityType::Division,
        span,
        text,
        key: div.key.clone(),
        name: div.name.clone(),
        aliases: div.aliases.clone(),
        class: Some(div.level.class()),
        div: Some(div),
        role: None,
        rule,
        anaphoric: false,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn divisions(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Division)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_state_level_new_area_is_named_without_its_province() {
        assert_eq!(
            divisions("中共中央、国务院宣布设立雄安新区。"),
            ["河北省雄安新区"]
        );
        // It is the same zone as the one written after its province.
        let ex = run("河北雄安新区挂牌。雄安新区建设全面展开。");
        let keys: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Division && m.text.contains("雄安"))
            .map(|m| m.key.as_str())
            .collect();
        assert_eq!(keys.len(), 2, "{keys:?}");
        assert_eq!(keys[0], keys[1]);
    }

    #[test]
    fn a_place_opening_a_unions_name_is_no_place() {
        let ex = run("上海合作组织成员国政府首脑理事会举行会议。");
        assert!(
            ex.mentions
                .iter()
                .all(|m| !matches!(m.ty, EntityType::Division | EntityType::Agency)),
            "{:?}",
            ex.mentions
        );
    }

    #[test]
    fn a_short_form_opening_a_longer_place_word_is_that_place() {
        // A foreign region the dictionary knows whole.
        assert!(divisions("连日来，北海道地区有400多辆列车停运。").is_empty());
        // A place written together with the one inside it is both.
        assert_eq!(
            divisions("在辽宁沈阳，企业反映问题。"),
            ["辽宁省", "沈阳市"]
        );
        // A short form before a word that makes one name with it.
        assert!(divisions("各省区市和新疆生产建设兵团党委。弘扬上海精神。").is_empty());
        assert!(divisions("从丹江口水库取水，在贡嘎机场降落。").is_empty());
    }

    #[test]
    fn a_full_name_cut_across_by_two_other_words_is_no_place() {
        assert!(divisions("演练在浙西山区举行。").is_empty());
        assert!(divisions("合作振兴区域经济。").is_empty());
        // With its parent named, the district is meant.
        assert_eq!(divisions("昆明市西山区举行活动。"), ["昆明市", "西山区"]);
    }

    #[test]
    fn a_county_by_its_old_name_read_as_one_word_is_the_place() {
        // The segmenter reads `田阳县` (now a district) as one unknown word.
        assert_eq!(
            divisions("百色市召开会议。田阳县委也召开会议。"),
            ["百色市", "田阳区"]
        );
    }

    #[test]
    fn a_one_character_county_inside_other_words_is_none() {
        // `建成` + `县`, `提高` + `县城`, `和` + `县级`: words the segmenter
        // keeps, not counties whose names are one character and 县.
        assert!(divisions("建成县、镇级森林公园四十个。").is_empty());
        assert!(divisions("提高县城承载能力。").is_empty());
        assert!(divisions("选举全国人民代表大会和县级以上人大代表。").is_empty());
        // A rank after 镇 is no town: `所谓镇级公园`.
        assert!(divisions("所谓镇级森林公园由当地管理。").is_empty());
        // `以城带乡`: the city leads the countryside.
        assert!(divisions("坚持以城带乡，推动发展。").is_empty());
    }

    #[test]
    fn a_prefectures_short_form_straddling_two_words_is_none() {
        assert!(divisions("这是一系列重大理论和实践问题。").is_empty());
        assert!(divisions("全市新增医保定点机构。").is_empty());
        assert_eq!(divisions("总书记来到大理考察。"), ["大理白族自治州"]);
    }

    #[test]
    fn a_zone_named_without_a_place_starts_with_the_word_its_first_character_ends() {
        // `全面创新改革试验区`: 全 opens 全面, a frequent word, so the zone
        // is a policy's kind, not a place (and never `面创新改革试验区`).
        assert!(divisions("国务院批复设立全面创新改革试验区。").is_empty());
        // Nor one counted by a measure word.
        assert!(divisions("提出53项深化自贸试验区改革创新举措。").is_empty());
    }

    #[test]
    fn a_count_after_a_place_names_no_zone() {
        // `某州一个工业园区` speaks of some park; `某地两江新区` is one by name.
        assert_eq!(divisions("嘉兴市一个工业园区今年投产。"), ["嘉兴市"]);
        assert_eq!(divisions("嘉兴市两江新区今年投产。").len(), 2);
    }

    #[test]
    fn a_short_form_starting_inside_a_word_is_none() {
        // `入海口`, `天山南北`: the short form is the tail of a word whose head
        // is no place.
        assert!(divisions("这里是长江入海口。").is_empty());
        assert!(divisions("在天山南北汇聚力量。").is_empty());
        assert_eq!(divisions("总书记来到海口考察。"), ["海口市"]);
        // A full name straddling two ordinary words is none either.
        assert!(divisions("连接东部沿海城市和中西部地区。").is_empty());
        assert_eq!(
            divisions("杭州除上城区、拱墅区外解除管控。"),
            ["杭州市", "上城区", "拱墅区"]
        );
    }

    #[test]
    fn a_town_the_segmenter_reads_whole_keeps_a_last_character_towns_rarely_end_with() {
        // 市 rarely ends a town's name (`城市镇` is no town), but the
        // segmenter reads `新市镇` as one place.
        assert_eq!(
            divisions("在德清县新市镇，民宿很多。"),
            ["德清县", "新市镇"]
        );
    }

    #[test]
    fn a_bare_level_before_a_zone_is_the_articles_county() {
        assert_eq!(
            divisions("德清县推进改革。位于县经济开发区的企业很多。"),
            ["德清县", "德清县开发区"]
        );
    }

    #[test]
    fn a_short_form_before_a_landform_is_the_landform() {
        // 杭州 is the short form of 杭州市; 杭州湾 is the bay.
        assert!(divisions("在杭州湾的交汇处，企业加快发展。").is_empty());
    }

    #[test]
    fn a_mountain_named_like_its_city_is_the_mountain_where_visitors_go() {
        // 黄山 is the short form of 黄山市, named after the mountain.
        assert_eq!(divisions("安徽黄山景区的游客量增长。"), ["安徽省"]);
        assert_eq!(divisions("黄山市的游客量增长。"), ["黄山市"]);
        // A city in a list of cities whose visitors travel stays the city.
        assert_eq!(
            divisions("吸引了黄山、杭州等城市的游客。"),
            ["黄山市", "杭州市"]
        );
    }

    #[test]
    fn a_countys_short_form_before_a_water_word_is_a_river_not_the_county() {
        // 钱塘 is the short form of 钱塘区; 钱塘江 is the river.
        assert!(divisions("沿着钱塘江两岸，企业加快发展。").is_empty());
        assert_eq!(divisions("杭州市钱塘的企业加快发展。").len(), 2);
    }

    #[test]
    fn a_citys_short_form_before_a_port_is_still_the_city() {
        assert!(!divisions("宁波港的吞吐量创新高。").is_empty());
    }

    #[test]
    fn a_pair_of_country_initials_is_no_city() {
        // 巴中 is a prefecture, but `巴中友谊` in an article naming a country
        // that starts with 巴 is that country and China.
        assert!(
            divisions("巴基斯坦总理表示，巴中友谊坚如磐石。")
                .iter()
                .all(|d| d != "巴中市")
        );
        assert!(divisions("巴中经济开发区加快建设。").contains(&"巴中市".to_string()));
    }

    #[test]
    fn a_prefectures_short_form_ending_a_foreign_place_is_none() {
        // The segmenter reads `佛罗里达州` whole; 达州 inside it is no city.
        assert!(divisions("佛罗里达州新增病例。").is_empty());
        assert!(divisions("位于地中海东部的舰船。").is_empty());
    }

    #[test]
    fn a_place_before_shi_jian_is_a_time_zone() {
        assert!(divisions("北京时间今天早上，那里发生地震。").is_empty());
    }

    #[test]
    fn a_short_form_opening_with_a_towns_level_is_that_town() {
        // `某山镇原党委书记`: 镇原 is the town's level and the word after it.
        let found = divisions("福建省南平市延平区青岚镇原党委书记受到处分。");
        assert!(found.contains(&"青岚镇".to_string()), "{found:?}");
        assert!(!found.contains(&"镇原县".to_string()), "{found:?}");
        // After a province or with its own level it is still the county.
        assert!(divisions("吉林镇赉的湿地。").contains(&"镇赉县".to_string()));
    }

    #[test]
    fn a_county_written_by_its_old_name_is_the_place_before_a_town() {
        // A sight named after a place and a courtesy name spelt like one.
        let ex = run("根据中山先生遗愿，陵墓迁葬于此。中山陵祭堂前游客很多。");
        assert!(
            !ex.mentions.iter().any(|m| m.ty == EntityType::Division),
            "{:?}",
            ex.mentions
        );
        let ex = run("湖南省祁阳县青岚镇赵家村的村民说。");
        let county = ex.mentions.iter().find(|m| m.name == "祁阳市").unwrap();
        assert_eq!(county.text, "祁阳县");
        let town = ex.mentions.iter().find(|m| m.name == "青岚镇").unwrap();
        assert_eq!(
            town.div.as_ref().and_then(|d| d.parent),
            county.div.as_ref().and_then(|d| d.gaz)
        );
    }

    #[test]
    fn a_policys_kind_of_zone_is_no_place() {
        assert!(divisions("推进共同富裕示范区建设。").is_empty());
        assert!(divisions("建设生态文明先行示范区。").is_empty());
        assert_eq!(divisions("金桥开发区的企业说。"), ["金桥开发区"]);
    }

    #[test]
    fn a_free_trade_zones_official_name_brackets_its_province() {
        let ex = run("他来到中国（福建）自由贸易试验区调研。");
        let zone = ex
            .mentions
            .iter()
            .find(|m| m.text == "中国（福建）自由贸易试验区")
            .expect("the bracketed name is the zone");
        // It is the same zone as the one written without brackets.
        let plain = run("福建自贸区很大。");
        let plain = plain
            .mentions
            .iter()
            .find(|m| m.text == "福建自贸区")
            .unwrap();
        assert_eq!(zone.key, plain.key);
    }
}
