//! Zones: development zones, free-trade zones and parks built on a division's
//! name (`某市经济技术开发区`, `某某片区`), and those named without one
//! (`某某合作区`), placed under the article's locality. Their written forms are
//! aliases of one another.

use super::super::lexicon::{
    GENERIC_ZONE_CORES, INNER_CUTS, NATIONAL_NEW_AREAS, STANDALONE_ZONES, TOWN_BREAKERS, ZONES,
};
use super::super::{Cx, DivInfo, is_han, is_stop};
use super::{cut_after_last, division_mention};
use crate::model::{EntityType, Level, Span};

/// Written forms of each zone kind, for aliases.
fn zone_forms(kind: &str) -> &'static [&'static str] {
    match kind {
        "开发区" => &["开发区", "经济开发区", "经济技术开发区", "经开区"],
        "高新区" => &["高新区", "高新技术产业开发区", "高新技术开发区"],
        "自贸区" => &["自贸区", "自贸试验区", "自由贸易试验区"],
        "科技园区" => &["科技园区", "科技园"],
        _ => &[],
    }
}

pub(super) fn find_zones(cx: &mut Cx) {
    let mut found = Vec::new();
    for m in cx.mentions.iter().filter(|m| m.ty == EntityType::Division) {
        let Some(parent) = m.div.clone() else {
            continue;
        };
        if parent.level.depth() > 2 {
            continue;
        }
        // A division right after this one is the real anchor (宜昌市夷陵区...).
        let e = m.span.end;
        // The official name of a free-trade zone puts its province in
        // brackets after the country (`中国（某省）自由贸易试验区`): the whole
        // name, brackets and all, is the zone.
        let bracketed = m.span.start >= 3
            && cx.chars[m.span.start - 3..m.span.start - 1] == ['中', '国']
            && matches!(cx.chars[m.span.start - 1], '（' | '(')
            && cx.chars.get(e).is_some_and(|&c| matches!(c, '）' | ')'));
        if bracketed
            && let Some(&(suffix, kind)) = ZONES.iter().find(|(s, _)| cx.starts_with(e + 1, s))
        {
            found.push((
                m.span.start - 3,
                e + 1 + suffix.chars().count(),
                parent.clone(),
                String::new(),
                kind,
                m.text.clone(),
            ));
            continue;
        }
        'mid: for mid in 0..=5 {
            if mid > 0 {
                let c = cx.chars.get(e + mid - 1).copied().unwrap_or(' ');
                // An agency's suffix ends the place (某市公安局开发区派出所).
                if !is_han(c) || is_stop(c) || "局委办院所厅队部".contains(c) {
                    break;
                }
            }
            for &(suffix, kind) in ZONES.iter() {
                if cx.starts_with(e + mid, suffix) {
                    if cx
                        .mentions
                        .iter()
                        .any(|o| o.span.start == e && o.ty == EntityType::Division && mid > 0)
                    {
                        break 'mid;
                    }
                    // A verb right after the place (`某省调研自贸区`) says what
                    // was done there: the zone is named without the place; a
                    // count (`某州一个工业园区`) speaks of some zone, not one
                    // by name.
                    if mid > 1
                        && "一两几多每各这那某".contains(cx.chars[e])
                        && "个批家座处片类".contains(cx.chars[e + 1])
                    {
                        break 'mid;
                    }
                    if mid > 0
                        && super::super::trim::token_at(cx.tokens(), e)
                            .is_some_and(|t| t.pos == crate::segment::Pos::Verb)
                    {
                        break 'mid;
                    }
                    let end = e + mid + suffix.chars().count();
                    let middle = cx.slice(e, e + mid);
                    found.push((
                        m.span.start,
                        end,
                        parent.clone(),
                        middle,
                        kind,
                        m.text.clone(),
                    ));
                    break 'mid;
                }
            }
        }
    }
    // `县经济开发区`, `市高新区`: a bare level word before a zone's kind is
    // the article's own county or city, when that is the level the article is
    // about (`位于县经济开发区的某公司` in a county's story).
    if let Some(local) = cx.locality.clone()
        && local.gaz.is_some()
    {
        for i in 0..cx.chars.len() {
            let level = cx.chars[i];
            if !"县市区".contains(level)
                || !local.name.ends_with(level)
                || i > 0 && is_han(cx.chars[i - 1]) && !is_stop(cx.chars[i - 1])
                || cx.covering(i, &[EntityType::Division]).is_some()
            {
                continue;
            }
            if let Some(&(suffix, kind)) = ZONES.iter().find(|(s, _)| cx.starts_with(i + 1, s)) {
                found.push((
                    i,
                    i + 1 + suffix.chars().count(),
                    local.clone(),
                    String::new(),
                    kind,
                    level.to_string(),
                ));
            }
        }
    }
    for (start, end, parent, middle, kind, written_parent) in found {
        let text = cx.slice(start, end);
        let parent_ix = parent.gaz;
        let code = parent.code.clone().unwrap_or_default();
        let key = format!("{code}-{middle}{kind}");
        let short = parent_ix
            .map(|ix| cx.gaz.short(ix).to_string())
            .unwrap_or_default();
        let mut aliases = vec![text.clone()];
        let mut forms: Vec<&str> = zone_forms(kind).to_vec();
        if forms.is_empty() {
            forms.push(kind);
        }
        for f in forms {
            for p in [&parent.name, &short, &written_parent] {
                if !p.is_empty() {
                    aliases.push(format!("{p}{middle}{f}"));
                }
            }
        }
        aliases.sort();
        aliases.dedup();
        // A free-trade zone's area named by its county alone (`某某片区`) keeps
        // the county's short form, as written.
        let name = if middle.is_empty() && kind == "片区" && !short.is_empty() {
            format!("{short}{kind}")
        } else {
            format!("{}{middle}{}", parent.name, kind)
        };
        let div = DivInfo {
            gaz: None,
            name: name.clone(),
            level: Level::Zone,
            parent: parent_ix,
            key: key.clone(),
            code: None,
            aliases: aliases.clone(),
        };
        cx.push(division_mention(
            Span::new(start, end),
            text,
            div,
            "division:zone",
        ));
    }
}

/// The state-level new areas, named without their province (`设立某某新区`):
/// the same zone as the one written after its province (`某省某某新区`), under
/// that province.
pub(super) fn find_new_areas(cx: &mut Cx) {
    let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
    for &(area, code) in NATIONAL_NEW_AREAS.iter() {
        let len = area.chars().count();
        for i in 0..cx.chars.len().saturating_sub(len - 1) {
            if cx.starts_with(i, area)
                && cx.covering(i, &[EntityType::Division]).is_none()
                && cx.covering(i + len - 1, &[EntityType::Division]).is_none()
            {
                found.push((i, i + len, code));
            }
        }
    }
    for (start, end, code) in found {
        let Some(province) = cx.gaz.by_code(code) else {
            continue;
        };
        let text = cx.slice(start, end);
        let name = format!("{}{text}", cx.gaz.get(province).name);
        let mut aliases = vec![
            text.clone(),
            name.clone(),
            format!("{}{text}", cx.gaz.short(province)),
        ];
        aliases.sort();
        aliases.dedup();
        let div = DivInfo {
            gaz: None,
            name,
            level: Level::Zone,
            parent: Some(province),
            key: format!("{code}-{text}"),
            code: None,
            aliases,
        };
        cx.push(division_mention(
            Span::new(start, end),
            text,
            div,
            "division:new-area",
        ));
    }
}

/// Zones named without a division before them: the name walked back from the
/// kind, placed under the article's locality.
pub(super) fn find_standalone_zones(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(kind) = STANDALONE_ZONES.iter().find(|k| cx.starts_with(i, k)) else {
            i += 1;
            continue;
        };
        let end = i + kind.chars().count();
        if cx.covering(i, &[EntityType::Division]).is_some()
            || cx.covering(end - 1, &[EntityType::Division]).is_some()
        {
            i = end;
            continue;
        }
        let mut s = i;
        while s > 0 && i - s < 6 {
            let c = cx.chars[s - 1];
            if !is_han(c)
                || is_stop(c)
                || "局委办院所厅队部".contains(c)
                || cx.covering(s - 1, &[EntityType::Division]).is_some()
            {
                break;
            }
            s -= 1;
        }
        // A function character that opens a word running into the name
        // (`全` of `全面`) is that word's: the name starts with the word,
        // whose frequency then says whether it is a policy's kind of zone.
        if let Some(t) = cx.word_across(s)
            && t.start < s
            && s - t.start == 1
        {
            s = t.start;
        }
        s += cut_after_last(
            &cx.slice(s, i),
            TOWN_BREAKERS.iter().chain(INNER_CUTS.iter()),
        );
        // A verb opening the walked-back name is no part of it (`调研某某合作区`,
        // `了解某某示范区`), nor is a measure word (`4个自贸试验区`). A verb
        // inside the name is (`某某合作特别试验区`).
        let tokens = cx.tokens();
        loop {
            let k = tokens.partition_point(|t| t.end <= s);
            match tokens.get(k) {
                Some(t) if t.end <= i && t.pos == crate::segment::Pos::Verb => s = t.end,
                _ => break,
            }
        }
        if cx.chars.get(s).is_some_and(|&c| "个些各".contains(c)) {
            i = end;
            continue;
        }
        // A measure word after a count (`53项深化某某区改革举措`) counts what
        // follows; no zone's name starts with it.
        if s > 0
            && (cx.chars[s - 1].is_ascii_digit()
                || super::super::tagged::is_numeral(cx.chars[s - 1]))
            && cx.chars.get(s).is_some_and(|&c| "项个家条批座".contains(c))
        {
            i = end;
            continue;
        }
        let core = cx.slice(s, i);
        // `四个老工业区`, `两大开发区`: a count, not a name.
        let generic = GENERIC_ZONE_CORES.iter().any(|g| core.contains(g))
            || core.chars().any(|c| {
                super::super::tagged::is_numeral(c)
                    || "个大老新各该".contains(c) && core.starts_with(c)
            });
        // A zone named without a place opens with a name of its own (`某某湖`,
        // `某桥`), which the dictionary lacks or knows as a place; one opening
        // with a frequent word or a set phrase (`生态文明先行示范区`,
        // `共同富裕示范区`) is a policy's kind of zone, not a place.
        let ordinary_opening = tokens
            .get(tokens.partition_point(|t| t.end <= s))
            .is_some_and(|t| {
                t.start == s
                    && matches!(
                        t.pos,
                        crate::segment::Pos::Other
                            | crate::segment::Pos::Verb
                            | crate::segment::Pos::Proper
                    )
                    && (t.end - t.start >= 4
                        || t.end - t.start >= 2
                            && crate::segment::frequency(&cx.slice(t.start, t.end)) >= 100)
            });
        if i - s >= 2 && !generic && !ordinary_opening {
            found.push((s, end));
        }
        i = end;
    }
    for (start, end) in found {
        let text = cx.slice(start, end);
        // The zone the article names with its place (`某市某某开发区`) is the
        // one meant when named alone.
        if let Some(div) = cx
            .mentions
            .iter()
            .filter_map(|m| m.div.as_ref())
            .find(|d| {
                // Only the place's name may stand before (`某市某某开发区`).
                d.level == Level::Zone
                    && d.gaz.is_none()
                    && d.parent.is_some_and(|p| {
                        let place = cx.gaz.get(p);
                        [place.name.as_str(), cx.gaz.short(p)]
                            .iter()
                            .any(|w| d.name.strip_prefix(w) == Some(text.as_str()))
                    })
            })
            .cloned()
        {
            cx.push(division_mention(
                Span::new(start, end),
                text,
                div,
                "division:zone-standalone",
            ));
            continue;
        }
        let parent = cx.locality.clone().filter(|d| d.level.depth() >= 1);
        let code = parent
            .as_ref()
            .and_then(|p| p.code.clone())
            .unwrap_or_default();
        let key = format!("{code}-{text}");
        let div = DivInfo {
            gaz: None,
            name: text.clone(),
            level: Level::Zone,
            parent: parent.as_ref().and_then(|p| p.gaz),
            key: key.clone(),
            code: None,
            aliases: vec![text.clone()],
        };
        cx.push(division_mention(
            Span::new(start, end),
            text.clone(),
            div,
            "division:zone-standalone",
        ));
    }
}
