//! Towns and subdistricts the gazetteer lacks (`某某镇`, `某某街道`), walked back
//! from their level word and placed under the division written before them, a
//! county of the same paragraph or the article's locality; and the shorter forms
//! zones and towns are met again by (`某新区管委会` without its city, `某某派出所`
//! without 镇), including a county's short form that is a town's stem. Gazetteer
//! names are the parent module's, zones `division::zones`.

use super::super::lexicon::{
    AGENCY_SUFFIXES, NOT_TOWN_END, NOT_XIANG_END, TOWN_BODIES, TOWN_BREAKERS,
};
use super::super::{Cx, DivInfo, Mention, is_han, is_stop};
use super::{cut_after_last, division_mention};
use crate::model::{EntityType, Level, Span};
use crate::segment::Pos;

/// Whether the one-character level word at `i` is part of an everyday word of the
/// dictionary: one it opens (`乡间`, `镇上`, `镇定`), which speaks of the
/// countryside or of a town left unnamed, or an idiom it ends (`十里八乡`). Real
/// towns the dictionary knows are tagged as places, and only its own words count:
/// the segmenter's guesses glue the level word to the village after it
/// (`某某镇某村`), and a body (`镇政府`) or a post (`镇长`, or the first character of
/// a village's name read with 镇 as one) follows a town. `乡风` is missing from the
/// dictionary.
fn level_in_word(cx: &Cx, i: usize) -> bool {
    let tokens = cx.tokens();
    let everyday = |t: &crate::segment::Token, at_least: usize| {
        matches!(t.pos, Pos::Verb | Pos::Other)
            && crate::segment::frequency(&cx.slice(t.start, t.end)) >= at_least
    };
    cx.chars[i] == '乡' && cx.chars.get(i + 1) == Some(&'风')
        || tokens
            .get(tokens.partition_point(|t| t.end <= i))
            .is_some_and(|t| {
                let word = cx.slice(t.start, t.end);
                t.start == i
                    && t.end > i + 1
                    && everyday(t, 40)
                    && !["镇长", "乡长"].contains(&word.as_str())
                    || t.start < i && t.end == i + 1 && everyday(t, 10)
            })
}

/// Whether the segmenter reads a clause between a county and a town's level
/// word (`某县助力乡村`, `某县围绕城镇`): a verb or a function word, or a word
/// running back across the county's end.
fn clause_between(cx: &Cx, s: usize, i: usize) -> bool {
    cx.tokens()
        .iter()
        .any(|t| t.end > s && t.start < i && (t.function || t.pos == Pos::Verb || t.start < s))
}

pub(super) fn find_towns(cx: &mut Cx) {
    let mut found = Vec::new();
    let n = cx.chars.len();
    let mut i = 0;
    while i < n {
        let suffix_len = if cx.starts_with(i, "街道") {
            2
        } else if cx.chars[i] == '镇' || cx.chars[i] == '乡' {
            1
        } else {
            i += 1;
            continue;
        };
        let after = cx.chars.get(i + suffix_len).copied().unwrap_or(' ');
        // `街道上`, `街道两旁`: the street, where things happen, not a subdistrict.
        if suffix_len == 2 && "上里两边旁".contains(after) {
            i += 2;
            continue;
        }
        // `某某镇镇长`, `某某乡乡政府`: the level again opens the town's post or
        // body.
        let own_body = ["长", "党委", "政府", "人民政府", "纪委", "人大"]
            .iter()
            .any(|w| cx.starts_with(i + 2, w))
            && after == cx.chars[i];
        // A county or a city written two or three characters before says a
        // town's name lies between, whatever word the level makes with them
        // (`某县某水乡`, `某市某集镇`, `某区某台乡`): the name is all of them.
        let county_before = (2..=3).find(|&k| {
            suffix_len == 1
                && i >= k
                && (i - k..i).all(|p| is_han(cx.chars[p]) && !"的了和与及在是".contains(cx.chars[p]))
                // Not the level of a short form (`某某县某乡` read as `某某`),
                // nor a feature town or an old one (`某某小镇`, `某某古镇`).
                && !"县市区州旗盟省".contains(cx.chars[i - k])
                && !"小古".contains(cx.chars[i - 1])
                // Nor a clause (`某县助力乡村`, `某县每年到镇`, `某县围绕城镇`):
                // no verb, function word or everyday word of the segmenter's
                // may stand in the name.
                && !clause_between(cx, i - k, i)
                && cx.mentions.iter().any(|m| {
                    m.ty == EntityType::Division
                        && m.span.end == i - k
                        && m.div.as_ref().is_some_and(|d| {
                            d.gaz.is_some() && matches!(d.level, Level::County | Level::Prefecture)
                        })
                })
        });
        // Only a village after a town needs no word of its own (`某县某镇某村`).
        if suffix_len == 1
            && "村镇乡土亲愁贤里".contains(after)
            && !own_body
            && (county_before.is_none() || after != '村' || cx.chars[i] == '乡')
        {
            i += 1;
            continue;
        }
        if suffix_len == 1 && !own_body && county_before.is_none() && level_in_word(cx, i) {
            i += 1;
            continue;
        }
        if cx.covering(i, &[EntityType::Division]).is_some() {
            i += suffix_len;
            continue;
        }
        // Walk back over the name: Han characters that are not function words and
        // not part of an earlier division name.
        let mut s = i;
        while s > 0 && i - s < 4 {
            let c = cx.chars[s - 1];
            if !is_han(c) || is_stop(c) || "住到往至位于向经据".contains(c) {
                break;
            }
            // A year (`2014年某某乡`) dates what follows; it is no part of a name.
            if c == '年' && s >= 2 && cx.chars[s - 2].is_ascii_digit() {
                break;
            }
            // A verb of going before a name of two characters (`来某某乡`).
            if "来去赴回任".contains(c) && i - s >= 2 {
                break;
            }
            // `这个县某某镇`: a level word before a name of two characters or
            // more is the county's, not the town's.
            if "县市区省州旗".contains(c) && i - s >= 2 {
                break;
            }
            if cx.covering(s - 1, &[EntityType::Division]).is_some() {
                break;
            }
            // A body's suffix right before ends the name: the town's name
            // follows the body that works in it (`某县公安局某镇派出所`).
            if i > s && AGENCY_SUFFIXES.iter().any(|w| cx.ends_with_at(s, w)) {
                break;
            }
            s -= 1;
        }
        // A town of a longer name (a transliterated one, `某县某某某某某乡`, or
        // an ethnic township, `某县某某某某某族乡`) runs on past the walk's
        // reach to its county, written right before it.
        let mut reached_county = false;
        if i - s >= 3
            && let Some(county_end) = cx
                .mentions
                .iter()
                .filter(|m| {
                    m.ty == EntityType::Division
                        && m.div.as_ref().is_some_and(|d| d.level == Level::County)
                        && m.span.end < s
                        && i - m.span.end <= 9
                })
                .map(|m| m.span.end)
                .max()
            // Nor may a particle or another level stand between (`某县的某村地处…`).
            && (county_end..s).all(|k| is_han(cx.chars[k]) && !"的了村镇乡县区市".contains(cx.chars[k]))
            // Sounds spelt with a function or a verb's character (`某那某`,
            // `某提某`) are the name's; a verb or a function word of two
            // characters is a clause's.
            && !is_stop(cx.chars[county_end])
            && !cx.tokens().iter().any(|t| {
                t.start >= county_end
                    && t.start < i
                    && t.end - t.start >= 2
                    && (t.pos == Pos::Verb
                        || t.function
                        // An everyday word (`产业`) describes the place; a
                        // long name is made of sounds and names.
                        || t.pos == Pos::Other
                            && crate::segment::frequency(&cx.slice(t.start, t.end))
                                >= crate::segment::COMMON_WORD)
            })
        {
            s = county_end;
            reached_county = true;
        }
        // A verb inside the walked-back core ends the name (`督促街道落实` speaks of
        // the subdistrict office, not a subdistrict named 督促).
        s += cut_after_last(&cx.slice(s, i), TOWN_BREAKERS.iter());
        // A breaker that starts before the walk's reach and ends inside it
        // (`担任过某某镇`: the walk took in `过`) ends the name there too.
        if let Some(p) = (s + 1..i)
            .rev()
            .find(|&p| TOWN_BREAKERS.iter().any(|w| cx.ends_with_at(p, w)))
        {
            s = p;
        }
        // A name never starts inside a word: `震中某某山镇`, `到达某某镇` (the
        // walk stopped at 到 and kept 达) start where the word ends.
        let tokens = cx.tokens();
        if let Some(t) = tokens.get(tokens.partition_point(|t| t.end <= s))
            && t.start < s
            && t.end + 2 <= i
            && t.pos != Pos::Unknown
        {
            s = t.end;
        }
        // The segmenter reading the town whole, level and all (`某溪镇`), after a
        // frequent ordinary word (`家乡`, `回到`) starts the name there.
        let k = tokens.partition_point(|t| t.end < i + suffix_len);
        if let Some(t) = tokens
            .get(k)
            .filter(|t| t.end == i + suffix_len && t.start > s && t.start + 2 <= i)
            && k > 0
            && {
                let w = &tokens[k - 1];
                w.start >= s
                    && w.end == t.start
                    && w.end - w.start >= 2
                    && matches!(w.pos, Pos::Other | Pos::Verb)
                    && crate::segment::frequency(&cx.slice(w.start, w.end)) >= 1000
            }
        {
            s = t.start;
        }
        // A function word the segmenter reads inside the walk (`当过`, `刚刚`, the
        // `着` of `冲刷着`) ends what came before it: the name starts after. So
        // does a verb of two characters with a name of two after it (`抵达某某镇`,
        // `发现某某镇`); one that ends at the level word is the name's own.
        if let Some(t) = tokens
            .iter()
            .skip(tokens.partition_point(|t| t.end <= s))
            .take_while(|t| t.end <= i)
            .filter(|t| {
                // One function character is a name's own (`某河则乡`) unless it
                // is a particle (`着`, `了`).
                let particle = t.end - t.start >= 2 || "着了过的地得".contains(cx.chars[t.start]);
                t.start >= s
                    && (t.function && particle
                        || t.pos == Pos::Verb && t.end - t.start >= 2 && t.end + 2 <= i)
            })
            .last()
        {
            s = t.end;
        }
        // A conjunction the segmenter reads alone ends the name (`某村和城东街道`);
        // inside a word it is part of the name (`和平镇`).
        if let Some(p) = (s..i).rev().find(|&p| {
            "和与及或".contains(cx.chars[p])
                && super::super::trim::token_at(cx.tokens(), p).is_some_and(|t| t.end == p + 1)
        }) {
            s = p + 1;
        }
        if let Some(k) = county_before {
            s = i - k;
        }
        // `封锁街道`, `画面显示街道`, `质量镇`, `选择五个镇`: a frequent word
        // that is no place before the level word speaks of streets or of towns
        // in general, unless a division right before says a town follows
        // (`某区解放街道`).
        let common_word = tokens
            .get(tokens.partition_point(|t| t.end < i))
            .is_some_and(|t| {
                t.end == i
                    && t.start >= s
                    && t.end - t.start >= 2
                    && matches!(
                        t.pos,
                        crate::segment::Pos::Verb
                            | crate::segment::Pos::Other
                            | crate::segment::Pos::Person
                    )
                    && crate::segment::frequency(&cx.slice(t.start, t.end)) >= 1000
            })
            && !cx
                .mentions
                .iter()
                .any(|m| m.ty == EntityType::Division && m.span.end == s);
        let core = cx.slice(s, i);
        let core_len = i - s;
        let last = if i > 0 { cx.chars[i - 1] } else { ' ' };
        let not_town_end = if suffix_len == 1 && cx.chars[i] == '乡' {
            NOT_XIANG_END.as_str()
        } else {
            ""
        };
        let tail = cx.slice(i + suffix_len, i + suffix_len + 2);
        // `镇级` is a rank (`所谓镇级公园`), not the end of a town's name.
        let generic_after = ["相关", "有关", "部门", "干部", "层面", "一级"]
            .contains(&tail.as_str())
            || tail.starts_with('级');
        // A name the segmenter reads whole as a place, level and all
        // (`某市镇`), is a town whatever its last character.
        let place_word = super::super::trim::token_at(tokens, s)
            .is_some_and(|t| t.start == s && t.end == i + suffix_len && t.pos == Pos::Place);
        // A county or a city of the gazetteer written right before says a town
        // follows, whatever its last character (`某县某市镇`, `某区某集镇`).
        let after_division = !clause_between(cx, s, i)
            && cx.mentions.iter().any(|m| {
                m.ty == EntityType::Division
                    && m.span.end == s
                    && m.div.as_ref().is_some_and(|d| {
                        d.gaz.is_some() && matches!(d.level, Level::County | Level::Prefecture)
                    })
            });
        let named = reached_county || after_division && !"小古".contains(last);
        // `某某镇镇长`: the first 镇 ended the town's name.
        if core_len >= 2
            && !generic_after
            && !common_word
            && !core.ends_with(['镇', '乡'])
            && (place_word || named || suffix_len != 1 || !NOT_TOWN_END.contains(last))
            && (named || !not_town_end.contains(last))
            && (reached_county || !core.starts_with(['一', '两', '多', '几', '个']))
        {
            // Parent: a division written right before, or before a `的`
            // (`某区的某镇`), else the article's locality.
            let before = cx
                .mentions
                .iter()
                .filter(|m| {
                    m.ty == EntityType::Division
                        && (m.span.end == s || m.span.end + 1 == s && cx.chars[s - 1] == '的')
                })
                .filter_map(|m| m.div.clone())
                .next_back();
            // A county or district named earlier in the same paragraph, inside the
            // article's locality, is the nearer parent for a town written alone.
            let para = {
                let mut k = s;
                while k > 0 && cx.chars[k - 1] != '\n' {
                    k -= 1;
                }
                k
            };
            let counties: Vec<DivInfo> = cx
                .mentions
                .iter()
                .filter(|m| m.ty == EntityType::Division && m.span.start >= para && m.span.end <= s)
                .filter_map(|m| m.div.clone())
                .filter(|d| d.level == Level::County && d.gaz.is_some())
                .collect();
            // The last one its own sentence names first (`在某区，…前往甲镇`);
            // else one inside the article's locality; else the last county
            // named, which is nearer than the article's locality.
            let sentence = (para..s)
                .rev()
                .find(|&k| "。！？；".contains(cx.chars[k]))
                .map_or(para, |k| k + 1);
            let in_sentence = cx
                .mentions
                .iter()
                .filter(|m| {
                    m.ty == EntityType::Division && m.span.start >= sentence && m.span.end <= s
                })
                .filter_map(|m| m.div.clone())
                .rfind(|d| d.level == Level::County && d.gaz.is_some());
            let in_paragraph = in_sentence.or_else(|| {
                counties
                    .iter()
                    .rfind(
                        |d| match (d.gaz, cx.locality.as_ref().and_then(|l| l.gaz)) {
                            (Some(di), Some(li)) => di == li || cx.gaz.within(di, li),
                            _ => false,
                        },
                    )
                    .or_else(|| counties.last())
                    .cloned()
            });
            let written = before.filter(|d| d.gaz.is_some() && d.level.depth() <= 2);
            let firm = written.is_some();
            let parent = written
                .or(in_paragraph)
                .or_else(|| cx.locality.clone().filter(|d| d.level.depth() >= 1));
            found.push((s, i + suffix_len, parent, firm));
        }
        i += suffix_len;
    }
    // A town named once after its place (`某市的某镇`) is the same town when
    // named alone later: it keeps the place its first mention wrote. A town
    // named where no place was known yet takes the place a later mention
    // found for it (the county its paragraph names).
    let written: Vec<(String, Option<DivInfo>)> = found
        .iter()
        .filter(|f| f.3)
        .map(|f| (cx.slice(f.0, f.1), f.2.clone()))
        .collect();
    let placed: Vec<(String, Option<DivInfo>)> = found
        .iter()
        .filter(|f| f.2.is_some())
        .map(|f| (cx.slice(f.0, f.1), f.2.clone()))
        .collect();
    for f in found.iter_mut().filter(|f| !f.3) {
        let text = cx.slice(f.0, f.1);
        if let Some((_, p)) = written.iter().find(|(t, _)| *t == text) {
            f.2 = p.clone();
        } else if f.2.is_none()
            && let Some((_, p)) = placed.iter().find(|(t, _)| *t == text)
        {
            f.2 = p.clone();
        }
    }
    for (start, end, parent, _) in found {
        let text = cx.slice(start, end);
        let code = parent
            .as_ref()
            .and_then(|p| p.code.clone())
            .unwrap_or_default();
        let key = format!("{code}-{text}");
        let stem: String = text
            .trim_end_matches("街道")
            .trim_end_matches(['镇', '乡'])
            .to_string();
        let mut aliases = vec![text.clone()];
        if stem.chars().count() >= 2 {
            aliases.push(stem);
        }
        let div = DivInfo {
            gaz: None,
            name: text.clone(),
            level: Level::Township,
            parent: parent.as_ref().and_then(|p| p.gaz),
            key: key.clone(),
            code: None,
            aliases: aliases.clone(),
        };
        cx.push(division_mention(
            Span::new(start, end),
            text.clone(),
            div,
            "division:town-pattern",
        ));
    }
}

/// Zones and towns are first found with their parent written before them
/// (`某市某新区`, `某某街道`); later the text drops the parent (`某新区管委会`) or the
/// suffix (`某某派出所`). Those shorter forms are mentions of the same division.
pub(super) fn find_repeats(cx: &mut Cx) {
    let mut forms: Vec<(Vec<char>, Mention)> = Vec::new();
    for m in cx.mentions.iter().filter(|m| m.ty == EntityType::Division) {
        let Some(d) = &m.div else { continue };
        match m.rule {
            "division:zone" => {
                // The zone without its parent, when the rest is still a name.
                if let Some(parent) = d.parent {
                    let pd = cx.gaz.get(parent);
                    for pre in std::iter::once(pd.name.as_str())
                        .chain(pd.shorts.iter().map(|x| x.as_str()))
                    {
                        if let Some(rest) = m.text.strip_prefix(pre)
                            && rest.chars().count() >= 4
                        {
                            forms.push((rest.chars().collect(), m.clone()));
                        }
                    }
                }
            }
            "division:town-pattern" => {
                let stem = m
                    .text
                    .trim_end_matches("街道")
                    .trim_end_matches(['镇', '乡']);
                if stem.chars().count() >= 2 {
                    forms.push((stem.chars().collect(), m.clone()));
                }
            }
            _ => {}
        }
    }
    let mut added = Vec::new();
    for (form, template) in &forms {
        let is_stem = template.rule == "division:town-pattern";
        let n = form.len();
        for at in 0..cx.chars.len().saturating_sub(n - 1) {
            if cx.chars[at..at + n] != form[..]
                || cx.covering(at, &[EntityType::Division]).is_some()
            {
                continue;
            }
            // A town's stem stands for the town only before a body of its own
            // (某某派出所, 某某纪委); elsewhere two characters are too often a word.
            if is_stem
                && !TOWN_BODIES.iter().any(|b| cx.starts_with(at + n, b))
                && !(n >= 3
                    && cx
                        .chars
                        .get(at + n)
                        .is_some_and(|c| !is_han(*c) || is_stop(*c)))
            {
                continue;
            }
            if added
                .iter()
                .any(|m: &Mention| m.span.overlaps(Span::new(at, at + n)))
            {
                continue;
            }
            let mut m = template.clone();
            m.span = Span::new(at, at + n);
            m.text = form.iter().collect();
            m.rule = "division:repeat";
            added.push(m);
        }
    }
    cx.mentions.extend(added);
}

/// A short county form that is also the stem of a town the article names
/// (`白云` after `白云街道`) means the town: the article has told us which.
pub(super) fn towns_over_short_forms(cx: &mut Cx) {
    let towns: Vec<Mention> = cx
        .mentions
        .iter()
        .filter(|m| m.rule == "division:town-pattern")
        .cloned()
        .collect();
    for m in cx
        .mentions
        .iter_mut()
        .filter(|m| m.rule == "division:short-form")
    {
        let Some(t) = towns.iter().find(|t| {
            t.text
                .trim_end_matches("街道")
                .trim_end_matches(['镇', '乡'])
                == m.text
        }) else {
            continue;
        };
        let span = m.span;
        let text = m.text.clone();
        *m = t.clone();
        m.span = span;
        m.text = text;
        m.rule = "division:repeat";
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
    fn a_function_word_or_a_verb_inside_the_walk_ends_a_town_name() {
        assert!(divisions("研发者就是吴坚当过乡党委书记的人。").is_empty());
        assert!(divisions("洪水汹涌地冲刷着街道。").is_empty());
        assert!(divisions("各成员国街道上奔驰的汽车很多。").is_empty());
        assert!(
            divisions("唐嘎乡去年刚刚整乡搬迁。")
                .iter()
                .all(|d| d == "唐嘎乡")
        );
        assert!(divisions("纵向延伸到36个街镇。").is_empty());
        assert!(
            divisions("三个区县中选择五个镇作为先行启动区。")
                .iter()
                .all(|d| !d.contains("个"))
        );
        assert_eq!(divisions("记者抵达太平镇采访。"), ["太平镇"]);
        // One function character may be the name's own.
        assert_eq!(divisions("他来自岔河则乡。"), ["岔河则乡"]);
    }

    #[test]
    fn a_programme_for_towns_of_an_industry_names_no_town() {
        assert!(divisions("全国建设了1300多个农业产业强镇。").is_empty());
    }

    #[test]
    fn a_conjunction_read_alone_ends_a_town_name() {
        let found = divisions("某县甲村和城东街道的干部。");
        assert!(found.contains(&"城东街道".to_string()), "{found:?}");
        assert!(!found.iter().any(|d| d.contains('和')), "{found:?}");
    }

    #[test]
    fn a_town_the_segmenter_reads_whole_after_an_ordinary_word_starts_there() {
        assert_eq!(divisions("他回到家乡泥溪镇创业。"), ["泥溪镇"]);
    }

    #[test]
    fn a_verb_that_ends_just_inside_the_walk_ends_a_towns_name() {
        assert_eq!(divisions("他担任过青石坳镇派出所所长。"), ["青石坳镇"]);
        assert_eq!(divisions("他到过青石坳镇。"), ["青石坳镇"]);
    }

    #[test]
    fn a_bodys_suffix_before_a_town_ends_its_name() {
        // The town's own station follows the county bureau: 局 is no part of
        // the town's name, and one character left is too short for one.
        assert!(
            !divisions("龙游县公安局湖镇派出所")
                .iter()
                .any(|d| d.contains('局'))
        );
    }

    #[test]
    fn a_county_named_earlier_in_the_paragraph_holds_a_town_outside_the_locality() {
        let ex =
            run("阳朔县遭遇暴雨，阳朔县多地受灾。\n永州市的道县也受灾严重，青岚镇一个村被淹。");
        let county = ex.mentions.iter().find(|m| m.name == "道县").unwrap();
        let town = ex.mentions.iter().find(|m| m.name == "青岚镇").unwrap();
        assert_eq!(
            town.div.as_ref().and_then(|d| d.parent),
            county.div.as_ref().and_then(|d| d.gaz)
        );
    }

    #[test]
    fn a_county_before_a_de_holds_the_town_after_it() {
        let ex = run("标题\n阳朔县遭遇暴雨。玉林市的青岚镇受灾严重。\n今年，青岚镇引进企业。");
        let county = ex.mentions.iter().find(|m| m.name == "玉林市").unwrap();
        // Named alone later, the town keeps the place its first mention wrote.
        for town in ex.mentions.iter().filter(|m| m.name == "青岚镇") {
            assert_eq!(
                town.div.as_ref().and_then(|d| d.parent),
                county.div.as_ref().and_then(|d| d.gaz)
            );
        }
    }

    #[test]
    fn a_town_named_where_no_place_is_known_takes_the_one_found_for_it() {
        let ex = run(
            "离北京很远 但心很近\n王建国在云南昆明会见了怒江州贡山独龙族怒族自治县七名代表。在遥远的青岚乡，乡亲们很感动。\n几名代表返回青岚乡。",
        );
        let keys: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.name == "青岚乡")
            .map(|m| m.key.as_str())
            .collect();
        assert_eq!(keys.len(), 2, "{keys:?}");
        assert_eq!(keys[0], keys[1]);
    }

    #[test]
    fn a_county_its_sentence_names_holds_a_town_before_the_localitys() {
        let ex =
            run("标题\n阳朔县遭遇暴雨。在阳朔县，积水已退。在永福县，救援力量前往青岚镇、白石镇。");
        let county = ex.mentions.iter().find(|m| m.name == "永福县").unwrap();
        for name in ["青岚镇", "白石镇"] {
            let town = ex.mentions.iter().find(|m| m.name == name).unwrap();
            assert_eq!(
                town.div.as_ref().and_then(|d| d.parent),
                county.div.as_ref().and_then(|d| d.gaz),
                "{name}"
            );
        }
    }

    #[test]
    fn streets_a_town_level_twice_and_a_verb_of_going_are_no_town() {
        assert!(divisions("年轻人打砸商店橱窗，封锁街道并呼喊口号。").is_empty());
        assert_eq!(divisions("青石坳镇镇长说。"), ["青石坳镇"]);
        assert_eq!(divisions("来青石乡之前，他在县里工作。"), ["青石乡"]);
        // A division right before says a subdistrict follows.
        assert!(divisions("嘉兴市南湖区解放街道的居民说。").contains(&"解放街道".to_string()));
    }

    #[test]
    fn towns_in_general_and_words_opened_by_the_level_are_no_town() {
        // A count, a common word, the countryside's ways and a town left
        // unnamed.
        assert!(divisions("他们选择五个镇作为试点。").is_empty());
        assert!(divisions("房子的质量镇党委很重视。").is_empty());
        assert!(divisions("推进移风易俗，建设文明乡风。").is_empty());
        assert!(divisions("他被安排在附近镇上的一所学校。").is_empty());
        assert!(divisions("他的手艺在十里八乡出了名。").is_empty());
        // Nor are a poor township, a chartered town or a trip to the town.
        assert!(divisions("这里过去是个特困乡。").is_empty());
        assert!(divisions("全省有两千多个建制镇。").is_empty());
        assert!(divisions("甘文亮去镇城建局查找资料。").is_empty());
    }

    #[test]
    fn a_towns_name_starts_where_a_word_before_it_ends() {
        assert_eq!(divisions("救援队到达青石坳镇展开救援。"), ["青石坳镇"]);
        // The village after the town does not take its level word.
        assert_eq!(divisions("青石坳镇长教村的村民说。"), ["青石坳镇"]);
        // A year before the name dates it.
        assert_eq!(divisions("2014年青石坳乡的收入翻番。"), ["青石坳乡"]);
    }

    #[test]
    fn a_town_right_after_its_county_whatever_word_the_level_makes() {
        assert_eq!(
            divisions("标题\n来凤县漫水乡为民服务中心。乐清市柳市镇后横村。铜山区张集镇水口村。"),
            ["来凤县", "漫水乡", "乐清市", "柳市镇", "铜山区", "张集镇"]
        );
        // A clause after the county is none.
        assert_eq!(
            divisions("标题\n来凤县助力乡村振兴。来凤县围绕城镇建设。"),
            ["来凤县", "来凤县"]
        );
    }

    #[test]
    fn a_long_town_name_runs_back_to_its_county() {
        let found = divisions("震中位于乌什县甘那提苏柯尔克孜族乡境内。");
        assert!(
            found.contains(&"甘那提苏柯尔克孜族乡".to_string()),
            "{found:?}"
        );
        let found = divisions("他走访了巴楚县多来提巴格乡的村民。");
        assert!(found.contains(&"多来提巴格乡".to_string()), "{found:?}");
        // A clause between the county and the level word is no name.
        let found = divisions("巴楚县更多财力投入城镇建设。");
        assert_eq!(found, ["巴楚县"]);
        let found = divisions("仁怀市是白酒产业重镇。");
        assert_eq!(found, ["仁怀市"]);
        let found = divisions("巴楚县的某多村地处偏远山乡。");
        assert!(found.iter().all(|d| !d.contains("地处")), "{found:?}");
    }
}
