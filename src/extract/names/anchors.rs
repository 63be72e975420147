//! Where an agency's name starts: the divisions found before it (the innermost of
//! a chain, with a bracketed second division), bare level words (`市`, `县`, `省`)
//! resolved against the paragraph or the article's locality, bare towns, regions
//! and zone kinds that stand for the one named last, and anaphoric prefixes
//! (`该街道`). Each start is an anchor that the body grammar may follow.

use super::body::opening;
use crate::extract::lexicon::BEFORE_BODY;
use crate::extract::{Cx, DivInfo, Mention, division, is_han, is_stop};
use crate::model::{EntityType, Level};
use std::collections::{HashMap, HashSet};

/// Resolves a bare prefix (`市`, `县`, `区`, `省`) against the article's locality.
pub(in crate::extract) fn resolve_bare(cx: &Cx, c: char) -> Option<DivInfo> {
    let loc = cx.locality.as_ref()?;
    let chain = cx.gaz.chain(loc.gaz?);
    for ix in chain {
        let d = cx.gaz.get(ix);
        let fits = match c {
            '省' => d.level == Level::Province,
            '市' => d.name.ends_with('市') && d.level != Level::Province,
            '县' => d.name.ends_with('县'),
            '区' => d.name.ends_with('区') && d.level == Level::County,
            '旗' => d.name.ends_with('旗'),
            _ => false,
        };
        if fits {
            return Some(division::info(cx.gaz, ix));
        }
    }
    None
}

/// A bare level word (`省`, `市`, `县`) in a paragraph that has just named a place
/// of that level (`在某省，省委…`): that place, before the article's locality.
fn recent_of_level(cx: &Cx, i: usize, c: char) -> Option<DivInfo> {
    let para = cx.paragraph_start(i);
    let m = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Division && m.span.end <= i && m.span.start >= para)
        .rfind(|m| m.div.as_ref().is_some_and(|d| d.gaz.is_some()))?;
    let d = m.div.as_ref()?;
    // Not districts: a city's page often names other districts in passing, and
    // there the article's own district is the better reading. A district's
    // body listed right after another of the same district is the exception
    // (`某区委组织部、区委宣传部`).
    let listed = i >= 1 && "、和及与".contains(cx.chars[i - 1]) && m.span.end + 12 >= i;
    let fits = match c {
        '省' => d.level == Level::Province && d.name.ends_with('省'),
        '市' => d.name.ends_with('市'),
        '县' => d.name.ends_with('县'),
        '区' => listed && d.name.ends_with('区') && d.level == Level::County,
        _ => false,
    };
    fits.then(|| d.clone())
}

/// A place an agency's name may start from: the characters it covers, the
/// division it stands for, a bracketed second division, and whether it was a bare
/// level word or an anaphoric prefix rather than a division's name.
pub(super) struct Anchor {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) div: DivInfo,
    pub(super) alt: Option<DivInfo>,
    pub(super) bare: bool,
    pub(super) anaphoric: bool,
}

/// Every anchor of the article, in the order found.
pub(super) fn anchors(cx: &Cx) -> Vec<Anchor> {
    let mut out = Vec::new();
    let divs: Vec<&Mention> = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Division)
        .collect();
    // Indexes by position, so that a text dense with place names stays linear.
    let starts: HashSet<usize> = divs.iter().map(|o| o.span.start).collect();
    let mut first_start_ending: HashMap<usize, usize> = HashMap::new();
    let mut by_span: HashMap<(usize, usize), &Mention> = HashMap::new();
    for o in &divs {
        let e = first_start_ending.entry(o.span.end).or_insert(o.span.start);
        *e = (*e).min(o.span.start);
        by_span.entry((o.span.start, o.span.end)).or_insert(o);
    }
    for m in &divs {
        // Use the innermost division of a chain such as 宜昌市夷陵区, and a zone over
        // the division inside it.
        if starts.contains(&m.span.end) {
            continue;
        }
        // A longer division ending where this one ends contains it.
        if first_start_ending
            .get(&m.span.end)
            .is_some_and(|&s| s < m.span.start)
        {
            continue;
        }
        let chain_start = first_start_ending
            .get(&m.span.start)
            .copied()
            .unwrap_or(m.span.start);
        let mut end = m.span.end;
        let mut alt = None;
        // A bracketed second division: 某市开发区(某某街道)纪委.
        if let Some(close) = cx.chars.get(end).copied().and_then(opening)
            && let Some(len) = cx.chars[end + 1..]
                .iter()
                .take(10)
                .position(|&c| c == close)
        {
            let inner_s = end + 1;
            let inner_e = end + 1 + len;
            if let Some(d) = by_span.get(&(inner_s, inner_e)) {
                alt = d.div.clone();
                end = inner_e + 1;
            }
        }
        if let Some(div) = m.div.clone() {
            out.push(Anchor {
                start: chain_start,
                end,
                div,
                alt,
                bare: false,
                anaphoric: false,
            });
        }
    }
    // Bare prefixes and anaphoric prefixes (该街道).
    let n = cx.chars.len();
    let coverage = cx.coverage();
    for (i, &covered) in coverage.iter().enumerate().take(n) {
        if covered & (1 << EntityType::Division as u8) != 0 {
            continue;
        }
        let c = cx.chars[i];
        let boundary = i == 0
            || !is_han(cx.chars[i - 1])
            || is_stop(cx.chars[i - 1])
            || "由对向同经据驻和与及".contains(cx.chars[i - 1])
            || BEFORE_BODY.iter().any(|w| cx.ends_with_at(i, w));
        // A bare 镇/乡/街道 before a body: the town named last (`在某某镇，镇纪委…`).
        if boundary
            && let Some(word) = ["街道", "镇", "乡"].iter().find(|w| cx.starts_with(i, w))
            && !cx.starts_with(i, "乡镇")
            && !cx.starts_with(i, "镇街")
            && !cx
                .chars
                .get(i + word.chars().count())
                .is_some_and(|c| "村和、与及两级".contains(*c))
        {
            let end = i + word.chars().count();
            let town = cx
                .mentions
                .iter()
                .filter(|m| m.ty == EntityType::Division && m.span.end <= i)
                .rfind(|m| m.div.as_ref().is_some_and(|d| d.level == Level::Township))
                .and_then(|m| m.div.clone());
            if let Some(div) = town {
                out.push(Anchor {
                    start: i,
                    end,
                    div,
                    alt: None,
                    bare: true,
                    anaphoric: false,
                });
            }
        }
        if "省市县区旗".contains(c) && boundary {
            // Words that open with a level word (`市场`, `区域`) are none, nor
            // is a rank (`省级`).
            let opens_word = |k: usize| {
                ["区域", "市场", "县域", "市民"]
                    .iter()
                    .any(|w| cx.starts_with(k, w))
                    || cx.chars.get(k + 1) == Some(&'级')
            };
            if opens_word(i) {
                continue;
            }
            // A run of level words (`各省区市党委`, `市县两级`) names the levels,
            // not one place.
            let level_word = |k: usize| {
                cx.chars.get(k).is_some_and(|&c| "省市县区旗".contains(c)) && !opens_word(k)
            };
            if level_word(i + 1) || i > 0 && level_word(i - 1) && coverage[i - 1] == 0 {
                continue;
            }
            if let Some(div) = recent_of_level(cx, i, c).or_else(|| resolve_bare(cx, c)) {
                out.push(Anchor {
                    start: i,
                    end: i + 1,
                    div,
                    alt: None,
                    bare: true,
                    anaphoric: false,
                });
            }
        }
        // `在某自治区，由自治区某某委牵头`: the region named last in the paragraph;
        // a special administrative region (`特别行政区政府`, `特区政府`) is the
        // one the article named last, wherever.
        // `支持特区政府`: a special region's government needs no boundary
        // before it (an economic zone's `经济特区` is no such region).
        let region_government = (cx.starts_with(i, "特区政府")
            || cx.starts_with(i, "特别行政区政府"))
            && !cx.ends_with_at(i, "经济");
        if (boundary || region_government)
            && let Some((word, ending)) = [
                ("自治区", "自治区"),
                ("自治州", "自治州"),
                ("特别行政区", "特别行政区"),
                ("特区", "特别行政区"),
            ]
            .iter()
            .find(|(w, _)| cx.starts_with(i, w))
            // A special region's bare level word names only its government
            // here; longer bodies after it are read with its name.
            && (*ending != "特别行政区" || cx.starts_with(i + word.chars().count(), "政府"))
            && let Some(div) = cx
                .mentions
                .iter()
                .filter(|m| {
                    m.ty == EntityType::Division
                        && m.span.end <= i
                        && (m.span.start >= cx.paragraph_start(i) || *ending == "特别行政区")
                })
                .rev()
                .find_map(|m| m.div.clone().filter(|d| d.name.ends_with(ending)))
                // Otherwise the region the article is about, when its locality
                // lies in one (`自治区党委` in a later paragraph).
                .or_else(|| {
                    let loc = cx.locality.as_ref()?.gaz?;
                    cx.gaz
                        .chain(loc)
                        .into_iter()
                        .find(|&ix| cx.gaz.get(ix).name.ends_with(ending))
                        .map(|ix| division::info(cx.gaz, ix))
                })
        {
            out.push(Anchor {
                start: i,
                end: i + word.chars().count(),
                div,
                alt: None,
                bare: true,
                anaphoric: false,
            });
        }
        // A zone's bare kind before its own body (`开发区管委会` after the zone was
        // named): the most recent zone of that kind.
        if let Some(kind) = [
            "开发区",
            "经开区",
            "高新区",
            "投资区",
            "新区",
            "园区",
            "产业园",
        ]
        .iter()
        .find(|k| cx.starts_with(i, k))
            && (i == 0 || !is_han(cx.chars[i - 1]) || is_stop(cx.chars[i - 1]))
        {
            let end = i + kind.chars().count();
            let zone = cx
                .mentions
                .iter()
                .filter(|m| m.ty == EntityType::Division && m.span.end <= i)
                .filter(|m| m.div.as_ref().is_some_and(|d| d.level == Level::Zone))
                .rfind(|m| m.text.ends_with(kind.chars().last().unwrap_or('区')));
            if let Some(d) = zone.and_then(|z| z.div.clone()) {
                out.push(Anchor {
                    start: i,
                    end,
                    div: d,
                    alt: None,
                    bare: true,
                    anaphoric: false,
                });
            }
        }
        if c == '该' {
            for (word, level) in [
                ("街道", Level::Township),
                ("镇", Level::Township),
                ("乡", Level::Township),
                ("开发区", Level::Zone),
                ("区", Level::County),
                ("县", Level::County),
                ("市", Level::County),
            ] {
                if cx.starts_with(i + 1, word) {
                    let antecedent = cx
                        .mentions
                        .iter()
                        .filter(|m| m.ty == EntityType::Division && m.span.end <= i)
                        .rfind(|m| {
                            m.div.as_ref().is_some_and(|d| {
                                d.level == level
                                    || (level == Level::Township && d.level == Level::Zone)
                            })
                        });
                    if let Some(a) = antecedent.and_then(|a| a.div.clone()) {
                        out.push(Anchor {
                            start: i,
                            end: i + 1 + word.chars().count(),
                            div: a,
                            alt: None,
                            bare: true,
                            anaphoric: true,
                        });
                    }
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::agencies;

    #[test]
    fn a_bare_district_listed_after_a_districts_body_is_that_district() {
        assert_eq!(
            agencies("鹿城区委组织部、区委宣传部联合开展活动。"),
            ["鹿城区委组织部", "鹿城区委宣传部"]
        );
    }

    #[test]
    fn a_bare_level_word_after_a_place_of_that_level_is_that_place() {
        assert_eq!(
            agencies("在内蒙古，由自治区发展改革委牵头，成立专班。"),
            ["内蒙古自治区发改委"]
        );
        // After a conjunction or `其中` too, but not as a rank.
        assert_eq!(
            agencies("在内蒙古，他看望了委员和自治区政协干部，其中省级团委也派人参加。"),
            ["内蒙古自治区政协"]
        );
        // In a later paragraph, the region the article is about.
        assert_eq!(
            agencies("拉萨市举办活动。\n自治区党委高度认可。"),
            ["西藏自治区党委"]
        );
    }

    #[test]
    fn a_places_police_is_its_public_security_bureau() {
        assert_eq!(agencies("沈阳警方抓获嫌疑人。"), ["沈阳市公安局"]);
        assert_eq!(agencies("山东省公安机关破获案件。"), ["山东省公安厅"]);
        assert!(agencies("全国公安机关开展行动。").is_empty());
    }

    #[test]
    fn a_run_of_level_words_names_levels_not_a_place() {
        let found = agencies("新疆维吾尔自治区召开会议。各省区市党委常委班子召开生活会。");
        assert!(!found.iter().any(|a| a.contains("区市党委")), "{found:?}");
        // `市场` after a province is no run of levels.
        assert_eq!(
            agencies("某省：黑龙江。省市场监管局推出新举措。"),
            ["黑龙江省市场监管局"]
        );
    }
}
