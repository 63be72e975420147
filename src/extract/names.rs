//! Agencies named by their division (`[division | 市/县/区 | 该街道] + core +
//! suffix`), the bodies that hang off them (`驻某局纪检监察组`, `某区分局`), and
//! their anaphora (`该局`); the body grammar (`match_body`, `body_variants`) the
//! other body passes share, and the key normalisation of names. Companies and
//! organisations are `organisations`, initiatives `initiatives`.

use super::lexicon::*;
use super::{Cx, DivInfo, Mention, division, is_han, is_stop};
use crate::model::{EntityType, Level, Span};
use std::collections::{HashMap, HashSet};

fn opening(c: char) -> Option<char> {
    match c {
        '(' => Some(')'),
        '（' => Some('）'),
        _ => None,
    }
}

/// The canonical form of an agency body and all its written variants.
pub(super) fn body_variants(body: &str) -> (String, Vec<String>) {
    for row in BODY_VARIANTS.iter() {
        for v in row.iter() {
            if let Some(stem) = body.strip_suffix(v) {
                let canon = format!("{stem}{}", row[0]);
                let all = row.iter().map(|w| format!("{stem}{w}")).collect();
                return (canon, all);
            }
        }
    }
    (body.to_string(), vec![body.to_string()])
}

/// Matches an agency body at `p`: a core of at most 10 Han characters and a suffix.
/// Returns the end and the body text.
pub(super) fn match_body(cx: &Cx, p: usize) -> Option<usize> {
    for core_len in 0..=10 {
        if core_len > 0 {
            let c = *cx.chars.get(p + core_len - 1)?;
            if !is_han(c) || is_stop(c) {
                return None;
            }
            if cx
                .covering(p + core_len - 1, &[EntityType::Division])
                .is_some()
                && core_len == 1
            {
                return None;
            }
        }
        let core = cx.slice(p, p + core_len);
        if GENERIC_PREFIXES.iter().any(|g| core.starts_with(g)) {
            return None;
        }
        // An office inside a company (`某某有限公司办公室`) is no government body.
        if ["公司", "银行", "集团", "协会", "商会", "大学", "学院"]
            .iter()
            .any(|w| core.contains(w))
        {
            return None;
        }
        for &suffix in AGENCY_SUFFIXES.iter() {
            if !cx.starts_with(p + core_len, suffix) {
                continue;
            }
            // `区委宣传部`, `县委政法委`: a party department after the committee's
            // short form is the body meant.
            if suffix == "委" && core_len == 0 {
                let at = p + 1;
                if let Some(d) = PARTY_DEPARTMENTS
                    .iter()
                    .find(|d| cx.starts_with(at, &format!("{d}部")))
                {
                    return Some(at + d.chars().count() + 1);
                }
                if cx.starts_with(at, "政法委") {
                    return Some(at + 3);
                }
            }
            let ok = match suffix {
                "中心" => AGENCY_CENTRE_CORES.iter().any(|c| core.ends_with(c)),
                "部" => PARTY_DEPARTMENTS.iter().any(|c| core.ends_with(c)),
                // `某市住房和城乡建设委`: a field of government may be longer.
                "委" => core_len <= 4 || MINISTRY_CORES.contains(&core.as_str()),
                "办" => (1..=4).contains(&core_len),
                "部门" => core_len >= 2,
                // `某某人大代表` is a deputy, not the congress.
                "人大" => !cx.starts_with(p + core_len + 2, "代表"),
                "局" | "厅" | "分局" => core_len >= 1,
                _ => true,
            };
            if !ok {
                continue;
            }
            // `委` followed by `员会` is the longer suffix, handled by its own entry.
            return Some(p + core_len + suffix.chars().count());
        }
    }
    None
}

fn is_party(body: &str) -> bool {
    [
        "纪委",
        "监委",
        "纪工委",
        "纪检",
        "党委",
        "党工委",
        "组织部",
        "宣传部",
        "统战部",
        "政法委",
        "巡察",
        "巡视",
    ]
    .iter()
    .any(|w| body.contains(w))
        || body == "委"
}

/// Resolves a bare prefix (`市`, `县`, `区`, `省`) against the article's locality.
pub(super) fn resolve_bare(cx: &Cx, c: char) -> Option<DivInfo> {
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
    let d = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Division && m.span.end <= i && m.span.start >= para)
        .filter_map(|m| m.div.as_ref())
        .rfind(|d| d.gaz.is_some())?;
    // Not districts: a city's page often names other districts in passing, and
    // there the article's own district is the better reading.
    let fits = match c {
        '省' => d.level == Level::Province && d.name.ends_with('省'),
        '市' => d.name.ends_with('市'),
        '县' => d.name.ends_with('县'),
        _ => false,
    };
    fits.then(|| d.clone())
}

struct Anchor {
    start: usize,
    end: usize,
    div: DivInfo,
    alt: Option<DivInfo>,
    bare: bool,
    anaphoric: bool,
}

fn anchors(cx: &Cx) -> Vec<Anchor> {
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
            || "由对向同经据驻".contains(cx.chars[i - 1])
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
            if cx.starts_with(i, "区域")
                || cx.starts_with(i, "市场")
                || cx.starts_with(i, "县域")
                || cx.starts_with(i, "市民")
            {
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
        // `在某自治区，由自治区某某委牵头`: the region named last in the paragraph.
        if boundary
            && let Some(word) = ["自治区", "自治州"].iter().find(|w| cx.starts_with(i, w))
            && let Some(div) = cx
                .mentions
                .iter()
                .filter(|m| {
                    m.ty == EntityType::Division
                        && m.span.end <= i
                        && m.span.start >= cx.paragraph_start(i)
                })
                .rev()
                .find_map(|m| m.div.clone().filter(|d| d.name.ends_with(word)))
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

pub fn find_agencies(cx: &mut Cx) {
    let mut new: Vec<Mention> = Vec::new();
    // Keys of agencies also reachable through a bracketed division.
    let mut alt_keys: Vec<(String, String)> = Vec::new();
    let all = anchors(cx);
    for (k, a) in all.iter().enumerate() {
        // `某省和某市纪委监委`: two places share one body named after the second;
        // the first place's body is named here, its span the first place alone.
        let shared = cx
            .chars
            .get(a.end)
            .filter(|&&c| "和与及、".contains(c))
            .and_then(|_| all.get(k + 1))
            .filter(|b| b.start == a.end + 1 && !b.anaphoric && !a.anaphoric)
            .and_then(|b| match_body(cx, b.end).map(|e| (b.end, e)));
        let (body_start, mut end) = match shared {
            Some(found) => found,
            None => match match_body(cx, a.end) {
                Some(e) => (a.end, e),
                None => continue,
            },
        };
        let body = cx.slice(body_start, end);
        // `(监察办)` after a discipline body belongs to it.
        if let Some(close) = cx.chars.get(end).copied().and_then(opening)
            && let Some(len) = cx.chars[end + 1..].iter().take(6).position(|&c| c == close)
        {
            let inner = cx.slice(end + 1, end + 1 + len);
            if inner.ends_with('办') || inner.ends_with('室') || inner.ends_with('组') {
                end = end + 2 + len;
            }
        }
        // Bodies that hang off this one: `驻某局纪检监察组`, `第二巡察组`, `巡察办`,
        // `某区分局`. The extension joins the name; a stationed group's host body
        // is an agency of its own.
        let mut extension = String::new();
        if let Some((ext_end, ext, host)) = extension_after(cx, end, &a.div) {
            extension = ext;
            end = ext_end;
            if let Some(h) = host {
                new.push(h);
            }
        }
        let (text, span_end) = if shared.is_some() {
            (
                format!("{}{}", cx.slice(a.start, a.end), cx.slice(body_start, end)),
                a.end,
            )
        } else {
            (cx.slice(a.start, end), end)
        };
        let (canon_body, variants) = body_variants(&body);
        let canon_body = format!("{canon_body}{extension}");
        let variants: Vec<String> = variants
            .into_iter()
            .map(|v| format!("{v}{extension}"))
            .collect();
        let key = format!("{}/{}", a.div.key, canon_body);
        let mut aliases = vec![text.clone()];
        let short = a.div.gaz.map(|ix| cx.gaz.short(ix).to_string());
        if !a.anaphoric {
            let mut prefixes = vec![a.div.name.clone()];
            prefixes.extend(short.clone());
            prefixes.extend(
                a.div
                    .aliases
                    .iter()
                    .filter(|x| x.chars().count() >= 2)
                    .cloned(),
            );
            for p in prefixes {
                for v in &variants {
                    aliases.push(format!("{p}{v}"));
                }
            }
            if let Some(alt) = &a.alt {
                for v in &variants {
                    aliases.push(format!("{}{v}", alt.name));
                }
                alt_keys.push((format!("{}/{}", alt.key, canon_body), key.clone()));
            }
        } else {
            aliases.clear();
        }
        aliases.sort();
        aliases.dedup();
        aliases.truncate(24);
        let class = if body.contains("法院") {
            Some("Court")
        } else if body.contains("检察院") {
            Some("Procuratorate")
        } else if is_party(&body) {
            Some("PartyBody")
        } else {
            None
        };
        new.push(Mention {
            ty: EntityType::Agency,
            span: Span::new(a.start, span_end),
            text,
            key,
            name: format!("{}{}", a.div.name, canon_body),
            aliases,
            class,
            div: Some(a.div.clone()),
            role: None,
            rule: if a.anaphoric {
                "agency:anaphora"
            } else if a.bare {
                "agency:bare-prefix"
            } else {
                "agency:division-prefix"
            },
            anaphoric: a.anaphoric,
        });
        if shared.is_none() && extension.is_empty() && !a.anaphoric {
            new.extend(listed_bodies(cx, &all, span_end, &a.div));
        }
    }
    // Anaphoric mentions take the key of the body reached through a bracketed division.
    for m in &mut new {
        if let Some((_, k)) = alt_keys.iter().find(|(alt, _)| *alt == m.key) {
            m.key = k.clone();
        }
    }
    // Keep the longest agency at each start; drop agencies inside longer ones,
    // except the host body named inside a stationed group's name.
    new.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mention> = Vec::new();
    // Sorted by start, a mention overlaps a kept one exactly when it starts
    // before the furthest end kept so far: one comparison instead of a scan, so
    // a text dense with names stays linear.
    let mut furthest = 0;
    for m in new {
        let overlaps = if m.span.start < m.span.end {
            m.span.start < furthest
        } else {
            kept.iter().any(|k| k.span.overlaps(m.span))
        };
        if m.rule != "agency:host" && overlaps {
            continue;
        }
        furthest = furthest.max(m.span.end);
        kept.push(m);
    }
    cx.mentions.extend(kept);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// `某省党委、政府和纪委`: bodies every level has, listed after one place's body
/// with the place left out, are that place's.
fn listed_bodies(cx: &Cx, anchors: &[Anchor], mut end: usize, div: &DivInfo) -> Vec<Mention> {
    let mut out = Vec::new();
    while cx.chars.get(end).is_some_and(|&c| "、和与及".contains(c)) {
        let at = end + 1;
        if anchors.iter().any(|b| b.start == at) {
            break;
        }
        let Some(body) = LEVEL_BODIES.iter().find(|w| cx.starts_with(at, w)) else {
            break;
        };
        let e = at + body.chars().count();
        // The body word must end where the segmenter ends a word: `政府部门`
        // is no listed body.
        if cx.word_across(e).is_some() {
            break;
        }
        let (canon, variants) = body_variants(body);
        let mut aliases: Vec<String> = variants
            .iter()
            .map(|v| format!("{}{v}", div.name))
            .collect();
        if let Some(ix) = div.gaz {
            let short = cx.gaz.short(ix);
            aliases.extend(variants.iter().map(|v| format!("{short}{v}")));
        }
        aliases.sort();
        aliases.dedup();
        out.push(Mention {
            ty: EntityType::Agency,
            span: Span::new(at, e),
            text: body.to_string(),
            key: format!("{}/{}", div.key, canon),
            name: format!("{}{}", div.name, canon),
            aliases,
            class: is_party(body).then_some("PartyBody"),
            div: Some(div.clone()),
            role: None,
            rule: "agency:listed-body",
            anaphoric: false,
        });
        end = e;
    }
    out
}

/// `该局`, `该中心`, `该委`: the agency named last whose name ends that way.
pub fn body_anaphora(cx: &mut Cx) {
    let mut out = Vec::new();
    // A bare `管委会` after a boundary is the zone committee named last.
    for i in 0..cx.chars.len() {
        if cx.starts_with(i, "管委会")
            && (i == 0 || !is_han(cx.chars[i - 1]) || is_stop(cx.chars[i - 1]))
            && cx.covering(i, &[EntityType::Agency]).is_none()
            && let Some(a) = cx
                .mentions
                .iter()
                .filter(|m| m.ty == EntityType::Agency && !m.anaphoric && m.span.end <= i)
                .rfind(|m| m.name.ends_with("管委会"))
        {
            let mut m = a.clone();
            m.span = Span::new(i, i + 3);
            m.text = "管委会".to_string();
            m.aliases.clear();
            m.rule = "agency:anaphora";
            m.anaphoric = true;
            out.push(m);
        }
    }
    for i in 0..cx.chars.len() {
        if cx.chars[i] != '该' {
            continue;
        }
        for body in [
            "局",
            "委",
            "中心",
            "办",
            "所",
            "院",
            "组",
            "分局",
            "管委会",
            "行",
        ] {
            let end = i + 1 + body.chars().count();
            if !cx.starts_with(i + 1, body)
                // `该局长`, `该委员` are posts and `该行业`, `该办法` other
                // nouns: a word running on past the body (or `应该` ending
                // inside it) says so. Any other word after it (`该局发布`)
                // leaves it the body.
                || cx.chars.get(end) == Some(&'长')
                || cx.word_across(end).is_some()
                || cx.word_across(i + 1).is_some_and(|t| t.start < i)
                || cx.covering(i, &[EntityType::Agency]).is_some()
            {
                continue;
            }
            let antecedent = cx
                .mentions
                .iter()
                .filter(|m| m.ty == EntityType::Agency && !m.anaphoric && m.span.end <= i)
                .rfind(|m| m.name.ends_with(body))
                // `该行` is the bank named last: an agency only when that bank is
                // the central bank's branch, not a commercial one.
                .filter(|a| {
                    body != "行"
                        || !cx.mentions.iter().any(|m| {
                            m.ty == EntityType::Company
                                && m.span.start > a.span.start
                                && m.span.end <= i
                                && m.name.ends_with('行')
                        })
                });
            if let Some(a) = antecedent {
                let mut m = a.clone();
                m.span = Span::new(i, end);
                m.text = cx.slice(i, end);
                m.aliases.clear();
                m.rule = "agency:anaphora";
                m.anaphoric = true;
                out.push(m);
            }
            break;
        }
    }
    cx.mentions.extend(out);
}

const ORDINALS: &str = "一二三四五六七八九十";

/// What follows an agency's name and extends it: a stationed group (`驻某局纪检监察组`,
/// returning the host body too), a numbered or plain inspection or stationed group
/// (`第二巡察组`, `巡察办`), or a branch in a division (`某区分局`, `某开发区派出所`).
/// Returns the new end, the text added to the body, and the host mention.
fn extension_after(cx: &Cx, end: usize, div: &DivInfo) -> Option<(usize, String, Option<Mention>)> {
    // 驻 + [市/县/区 | division] + body + 纪检监察组.
    if cx.chars.get(end) == Some(&'驻') {
        let p = end + 1;
        let (host_div, body_at) = match cx.chars.get(p) {
            Some(c) if "市县区省".contains(*c) => (div.clone(), p + 1),
            _ => {
                let d = cx
                    .mentions
                    .iter()
                    .filter(|m| m.ty == EntityType::Division && m.span.start == p)
                    .max_by_key(|m| m.span.end)?;
                (d.div.clone()?, d.span.end)
            }
        };
        let host_end = match_body(cx, body_at)?;
        for group in ["纪检监察组", "纪检组", "监察组"] {
            if cx.starts_with(host_end, group) {
                let host_body = cx.slice(body_at, host_end);
                let (canon, variants) = body_variants(&host_body);
                let host_text = cx.slice(p, host_end);
                let mut aliases: Vec<String> = variants
                    .iter()
                    .map(|v| format!("{}{v}", host_div.name))
                    .collect();
                aliases.push(host_text.clone());
                let host = Mention {
                    ty: EntityType::Agency,
                    span: Span::new(p, host_end),
                    text: host_text,
                    key: format!("{}/{canon}", host_div.key),
                    name: format!("{}{canon}", host_div.name),
                    aliases,
                    class: None,
                    div: Some(host_div.clone()),
                    role: None,
                    rule: "agency:host",
                    anaphoric: false,
                };
                let g_end = host_end + group.chars().count();
                return Some((g_end, format!("驻{canon}纪检监察组"), Some(host)));
            }
        }
        return None;
    }
    // [第N] + group.
    let mut p = end;
    let mut ordinal = String::new();
    if cx.chars.get(p) == Some(&'第') {
        let mut q = p + 1;
        while cx.chars.get(q).is_some_and(|c| ORDINALS.contains(*c)) {
            q += 1;
        }
        if q > p + 1 {
            ordinal = cx.slice(p, q);
            p = q;
        }
    }
    for group in [
        "派驻纪检监察组",
        "纪检监察组",
        "巡察组",
        "巡视组",
        "巡察办",
        "巡视办",
        "派驻组",
    ] {
        // Inspection groups and offices stand alone (`县委巡察办`); a stationed group
        // needs its number (`第三派驻纪检监察组`) to be more than a description.
        let named = !ordinal.is_empty() || group.starts_with('巡');
        if named && cx.starts_with(p, group) {
            let e = p + group.chars().count();
            return Some((e, format!("{ordinal}{group}"), None));
        }
    }
    // The general office of a government (`某县政府办公室`, `某县政府办`).
    if cx.ends_with_at(end, "政府") {
        for office in ["办公室", "办"] {
            if cx.starts_with(end, office)
                && !cx.starts_with(end, "办理")
                && !cx.starts_with(end, "办事")
            {
                return Some((end + office.chars().count(), office.to_string(), None));
            }
        }
    }
    // A unit of a bureau: 某局交警大队, 某厅经侦总队.
    if cx.ends_with_at(end, "局") || cx.ends_with_at(end, "厅") {
        for gap in 0..=4 {
            if (end..end + gap).any(|k| cx.chars.get(k).is_none_or(|&c| !is_han(c) || is_stop(c))) {
                break;
            }
            for unit in ["总队", "支队", "大队", "中队"] {
                if cx.starts_with(end + gap, unit) {
                    let e = end + gap + unit.chars().count();
                    return Some((e, cx.slice(end, e), None));
                }
            }
        }
    }
    // A branch in a zone named by its kind alone (某市公安局经开区派出所).
    if cx.ends_with_at(end, "局") {
        for kind in ["经开区", "开发区", "高新区", "园区"] {
            if cx.starts_with(end, kind) {
                let after = end + kind.chars().count();
                for branch in ["分局", "派出所", "大队", "中队", "所"] {
                    if cx.starts_with(after, branch) {
                        let e = after + branch.chars().count();
                        return Some((e, cx.slice(end, e), None));
                    }
                }
            }
        }
    }
    // A sub-bureau named by a short place name, and a station under it:
    // 某市公安局某某分局, 某市公安局某某分局某某派出所.
    if cx.ends_with_at(end, "局") {
        let han_run = |from: usize, n: usize| {
            (from..from + n).all(|k| cx.chars.get(k).is_some_and(|&c| is_han(c) && !is_stop(c)))
        };
        for gap in 1..=4 {
            if !han_run(end, gap) {
                break;
            }
            if cx.starts_with(end + gap, "分局") {
                let mut e = end + gap + 2;
                for gap2 in 1..=5 {
                    if !han_run(e, gap2) {
                        break;
                    }
                    if cx.starts_with(e + gap2, "派出所") {
                        e = e + gap2 + 3;
                        break;
                    }
                }
                return Some((e, cx.slice(end, e), None));
            }
        }
    }
    // A branch in a division or zone: 某市公安局某区分局, 某局某开发区派出所.
    if cx.chars.get(end.wrapping_sub(1)) == Some(&'局')
        && let Some(d) = cx
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Division && m.span.start == end)
            .max_by_key(|m| m.span.end)
    {
        for branch in ["分局", "派出所", "大队", "中队", "税务所", "司法所", "所"] {
            if cx.starts_with(d.span.end, branch) {
                let e = d.span.end + branch.chars().count();
                return Some((e, cx.slice(end, e), None));
            }
        }
    }
    None
}

/// NFKC-like normalisation for keys: full-width brackets to ASCII, no spaces.
pub fn normalise_name(s: &str) -> String {
    // A dash is written single or double (`某——某`, `某—某`): one key for both.
    let s = s.replace("——", "—");
    s.chars()
        .filter(|c| !c.is_whitespace() && !"“”‘’\"'《》「」".contains(*c))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '＋' => '+',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    #[test]
    fn two_places_sharing_one_body_name_two_agencies() {
        let ex = run("调研期间，他来到湖南省和衡阳市纪委监委看望干部。");
        let mut agencies: Vec<String> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.name.clone())
            .collect();
        agencies.sort();
        assert_eq!(agencies, ["湖南省纪委监委", "衡阳市纪委监委"]);
    }

    #[test]
    fn bodies_listed_after_one_places_body_are_that_places() {
        let mut found = agencies("内蒙古自治区党委、政府和纪委高度重视。");
        found.sort();
        assert_eq!(
            found,
            [
                "内蒙古自治区党委",
                "内蒙古自治区政府",
                "内蒙古自治区纪委监委"
            ]
        );
        assert_eq!(
            agencies("嘉兴市公安局和政府部门联合行动。"),
            ["嘉兴市公安局"]
        );
    }

    #[test]
    fn a_bare_level_word_after_a_place_of_that_level_is_that_place() {
        assert_eq!(
            agencies("在内蒙古，由自治区发展改革委牵头，成立专班。"),
            ["内蒙古自治区发改委"]
        );
    }

    fn agencies(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_party_department_after_the_committees_short_form_is_the_body() {
        let found = agencies("西湖区委宣传部、区委组织部联合举办活动。");
        assert!(found.contains(&"西湖区委宣传部".to_string()), "{found:?}");
        assert!(found.contains(&"西湖区委组织部".to_string()), "{found:?}");
    }

    #[test]
    fn a_station_under_a_sub_bureau_named_by_a_short_place_name_is_one_body() {
        let found = agencies("杭州市公安局西湖分局文新派出所民警介绍了情况。");
        assert_eq!(found, ["杭州市公安局西湖分局文新派出所"]);
    }
}
