//! Named bodies: agencies (`[division | 市/县/区 | 该街道] + core + suffix`),
//! companies and organisations (legal and institutional suffixes, walked back to
//! the start of the name), and initiatives (“…” with a cue noun or verb, 《…》
//! policy documents).

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
            if let Some(div) = resolve_bare(cx, c) {
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
                // `该局` must end there: `该局长` is a post, not the body.
                || cx.chars.get(end).is_some_and(|&c| {
                    is_han(c) && !is_stop(c) && !"还将已在对把为与和通推联".contains(c)
                })
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

/// Walks left from a suffix at `k` to the start of the name.
fn name_start(cx: &Cx, k: usize, floor: usize) -> usize {
    let mut s = k;
    while s > floor && k - s < 24 {
        let c = cx.chars[s - 1];
        if c == ')' || c == '）' {
            // Include a bracketed place: 某某电子(昆山)有限公司.
            let open = if c == ')' { '(' } else { '（' };
            match cx.chars[..s - 1]
                .iter()
                .rev()
                .take(8)
                .position(|&x| x == open)
            {
                Some(d) => {
                    s = s - 2 - d;
                    continue;
                }
                None => break,
            }
        }
        // A place inside the name is taken whole, even when one of its
        // characters is a function word elsewhere (成都, 都 being one).
        if let Some(d) = cx.covering(s - 1, &[EntityType::Division])
            && cx.mentions[d].span.start >= floor
            && k - cx.mentions[d].span.start < 24
            && is_han(c)
        {
            s = cx.mentions[d].span.start;
            continue;
        }
        if !(is_han(c) || c.is_ascii_alphanumeric()) || is_stop(c) {
            break;
        }
        if cx
            .covering(s - 1, &[EntityType::Agency, EntityType::Person])
            .is_some()
        {
            break;
        }
        s -= 1;
    }
    // A name starts at its first place name (完成第一批宜昌银行 -> 宜昌银行), unless a
    // national prefix comes first; a bracketed place (某某电子(昆山)) does not count.
    let mut depth = 0;
    let mut cut = None;
    for j in s..k {
        match cx.chars[j] {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        if depth == 0
            && j > s
            && cx
                .mentions
                .iter()
                .any(|m| m.ty == EntityType::Division && m.span.start == j && m.span.end <= k)
        {
            let prefix = cx.slice(s, j);
            let national = ["中国", "中华", "国家", "全国"]
                .iter()
                .any(|p| prefix.starts_with(p))
                || BANK_PREFIXES.iter().any(|p| prefix.ends_with(p));
            let joined = cx
                .mentions
                .iter()
                .any(|m| m.ty == EntityType::Division && m.span.end == j);
            if !national && !joined {
                cut = Some(j);
            }
            break;
        }
    }
    if let Some(j) = cut {
        s = j;
    }
    for det in ["一家", "这家", "多家", "该"] {
        let rest = cx.slice(s, k);
        if let Some(p) = rest.find(det) {
            s += rest[..p].chars().count() + det.chars().count();
        }
    }
    // A name starts after the last word that cannot be inside one.
    let rest: Vec<char> = cx.chars[s..k].to_vec();
    let mut cut_at = 0;
    for w in INNER_CUTS.iter() {
        let wc: Vec<char> = w.chars().collect();
        for p in (0..rest.len().saturating_sub(wc.len() - 1)).rev() {
            if rest[p..p + wc.len()] == wc[..] {
                cut_at = cut_at.max(p + wc.len());
                break;
            }
        }
    }
    s += cut_at;
    // Trim leading verbs and determiners.
    loop {
        let rest = cx.slice(s, k);
        match LEADING_NOISE.iter().find(|w| rest.starts_with(*w)) {
            Some(w) => s += w.chars().count(),
            None => break,
        }
    }
    s
}

pub fn find_organisations(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut found: Vec<(usize, usize, EntityType, &'static str)> = Vec::new();
    let mut i = 0;
    // Most characters open no suffix: they are passed over with one search.
    let openers = {
        let mut v = super::national::first_chars(&COMPANY_SUFFIXES);
        v.extend(super::national::first_chars(&ORG_SUFFIXES));
        v.sort_unstable();
        v.dedup();
        v
    };
    while i < n {
        if openers.binary_search(&cx.chars[i]).is_err() {
            i += 1;
            continue;
        }
        let mut matched = None;
        for &s in COMPANY_SUFFIXES.iter() {
            if cx.starts_with(i, s) {
                matched = Some((s, EntityType::Company));
                break;
            }
        }
        if matched.is_none() {
            for &s in ORG_SUFFIXES.iter() {
                if cx.starts_with(i, s) {
                    matched = Some((s, EntityType::Organization));
                    break;
                }
            }
        }
        let Some((suffix, ty)) = matched else {
            i += 1;
            continue;
        };
        // `小学生`, `大学生`: a school's suffix before 生 is a pupil, not the school.
        if suffix.ends_with('学') && cx.chars.get(i + suffix.chars().count()) == Some(&'生') {
            i += suffix.chars().count();
            continue;
        }
        // `银行业协会`: a bank suffix before 业 names the trade, not a bank.
        if ty == EntityType::Company
            && suffix.ends_with('行')
            && cx.chars.get(i + suffix.chars().count()) == Some(&'业')
        {
            i += suffix.chars().count();
            continue;
        }
        let end = i + suffix.chars().count();
        // A longer suffix may follow (研究院 then a place and 创新中心 is handled by nesting).
        if cx.covering(i, &[EntityType::Agency]).is_some() {
            i = end;
            continue;
        }
        // A name never reaches back into the name found before it
        // (`某公司参加协会` is not one organisation).
        let floor = found
            .iter()
            .map(|f| f.1)
            .filter(|&e| e <= i)
            .max()
            .unwrap_or(0);
        let start = name_start(cx, i, floor);
        let core = cx.slice(start, i);
        let core_len = i - start;
        let branch_of_previous = BRANCH_SUFFIXES.contains(&suffix)
            && found.last().is_some_and(|f| {
                f.1 == start && (f.3.ends_with('行') || f.3 == "集团" || f.3 == "公司")
            });
        // `县工商联`: a bare prefix before a body named by its place.
        let bare_place_named = core_len == 1
            && "省市县区".contains(cx.chars[start])
            && PLACE_NAMED_ORGS.contains(&suffix);
        let generic = (core_len < 2 && !branch_of_previous && !bare_place_named)
            || GENERIC_PREFIXES.iter().any(|g| core.starts_with(g))
            || GENERIC_CORES.contains(&core.as_str());
        // A centre or branch an institution keeps in a place, written right after
        // it (`某研究院某地创新中心`), is one name; nested_parents adds the parent.
        let place_unit_of_previous = ty == EntityType::Organization
            && found
                .last()
                .is_some_and(|f| f.1 == start && f.2 == EntityType::Organization)
            && cx
                .mentions
                .iter()
                .any(|m| m.ty == EntityType::Division && m.span.start == start);
        if place_unit_of_previous && let Some(last) = found.last_mut() {
            *last = (last.0, end, ty, suffix);
        } else if !generic {
            found.push((start, end, ty, suffix));
        }
        i = end;
    }
    // Bank abbreviations (农行宜昌分行 is caught by 分行; a bare 农行 is a bank too).
    for (s, e, ty, suffix) in merge_adjacent(cx, found) {
        let text = cx.slice(s, e);
        let divs: Vec<DivInfo> = cx
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Division && s <= m.span.start && m.span.end <= e)
            .filter_map(|m| m.div.clone())
            .collect();
        // A name that is only a place plus suffix is a real name for banks
        // (城市商业银行), but a generic phrase otherwise.
        let place_only = divs.iter().any(|d| {
            text == format!("{}{}", d.name, suffix)
                || d.aliases.iter().any(|a| text == format!("{a}{suffix}"))
        });
        // Some bodies are named by their place alone (某区工商联, 某县科协).
        let place_named = PLACE_NAMED_ORGS.contains(&suffix);
        if place_named
            && e - s == suffix.chars().count() + 1
            && let Some(d) = resolve_bare(cx, cx.chars[s])
        {
            let name = format!("{}{suffix}", d.name);
            cx.mentions.push(Mention {
                ty,
                span: Span::new(s, e),
                text: text.clone(),
                key: normalise_name(&name),
                name: name.clone(),
                aliases: vec![name, text.clone()],
                class: None,
                div: Some(d),
                role: None,
                rule: "organization:bare-prefix",
                anaphoric: false,
            });
            continue;
        }
        if place_only && !place_named && !suffix.contains("银行") && !suffix.contains('行') {
            continue;
        }
        // The central bank's branches are government bodies, not banks for business.
        if let Some(m) = central_bank_branch(cx, s, e, &text, &divs) {
            cx.mentions.push(m);
            continue;
        }
        let mut aliases = vec![text.clone()];
        if ty == EntityType::Company {
            aliases.extend(brand_forms(&text, &divs));
        }
        // Nested: 研究院 + place + 创新中心 makes an alias of the place part.
        let class = if suffix.contains('行') {
            Some("Bank")
        } else {
            None
        };
        aliases.sort();
        aliases.dedup();
        cx.mentions.push(Mention {
            ty,
            span: Span::new(s, e),
            text: text.clone(),
            key: normalise_name(&text),
            name: text,
            aliases,
            class,
            div: most_specific(cx, &divs),
            role: None,
            rule: if ty == EntityType::Company {
                "company:suffix"
            } else {
                "organization:suffix"
            },
            anaphoric: false,
        });
    }
    nested_parents(cx);
    brand_projects(cx);
    short_repeats(cx);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// Later mentions of a company by its short form (`某某精密财务负责人`, after the
/// full `某某精密模具有限公司`): each brand form of three or more characters found
/// again outside other names is a mention of the same company.
fn short_repeats(cx: &mut Cx) {
    let mut forms: Vec<(Vec<char>, Mention)> = Vec::new();
    for m in cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Company && m.rule == "company:suffix")
    {
        for a in &m.aliases {
            let n = a.chars().count();
            if n >= 3 && n < m.text.chars().count() && !GENERIC_CORES.contains(&a.as_str()) {
                forms.push((a.chars().collect(), m.clone()));
            }
        }
    }
    // Longest forms first, so `某某精密` wins over `某某` at the same place.
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let mut added: Vec<Mention> = Vec::new();
    for (form, template) in &forms {
        let n = form.len();
        for at in 0..cx.chars.len().saturating_sub(n - 1) {
            if cx.chars[at..at + n] != form[..] {
                continue;
            }
            let span = Span::new(at, at + n);
            let covered = cx
                .mentions
                .iter()
                .chain(added.iter())
                .any(|m| m.ty != EntityType::Division && m.span.overlaps(span));
            // The form must stand alone, not start a longer word.
            let next_is_suffix = COMPANY_SUFFIXES.iter().any(|s| cx.starts_with(at + n, s));
            if covered || next_is_suffix {
                continue;
            }
            let mut m = template.clone();
            m.span = span;
            m.text = form.iter().collect();
            m.rule = "company:short-repeat";
            added.push(m);
        }
    }
    cx.mentions.extend(added);
}

/// Companies named only by their brand before a project or plant
/// (`某某新能源汽车零部件工厂`, `“某某饮品项目”`). The brand is two to four
/// characters, ended by an industry word; the longer forms up to each industry
/// word are aliases.
fn brand_projects(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut out = Vec::new();
    for k in 0..n {
        let Some(kw) = ["工厂", "项目", "基地", "生产线"]
            .iter()
            .find(|w| cx.starts_with(k, w))
        else {
            continue;
        };
        if cx
            .covering(
                k.saturating_sub(1),
                &[
                    EntityType::Company,
                    EntityType::Organization,
                    EntityType::Agency,
                ],
            )
            .is_some()
        {
            continue;
        }
        let floor = cx
            .mentions
            .iter()
            .filter(|m| m.span.end <= k)
            .map(|m| m.span.end)
            .max()
            .unwrap_or(0);
        let s = name_start(cx, k, floor);
        let core: Vec<char> = cx.chars[s..k].to_vec();
        let core_s: String = core.iter().collect();
        if core.len() < 3
            || NOT_BRAND.iter().any(|w| core_s.starts_with(w))
            || "一二两三四五六七八九十几多每个条家项".contains(core[0])
            || core[..2].iter().any(|c| "个条家项座期批".contains(*c))
        {
            continue;
        }
        if !core.iter().all(|&c| is_han(c)) {
            continue;
        }
        if cx
            .mentions
            .iter()
            .any(|m| m.ty == EntityType::Division && m.span.start == s)
        {
            continue;
        }
        let quoted =
            s > 0 && cx.chars[s - 1] == '“' && cx.chars.get(k + kw.chars().count()) == Some(&'”');
        // Where each industry word starts, scanning from the brand's end.
        let word_at = |p: usize| {
            INDUSTRY_WORDS
                .iter()
                .filter(|w| core_s.chars().skip(p).collect::<String>().starts_with(*w))
                .map(|w| w.chars().count())
                .max()
        };
        let brand_len = (2..=4).find(|&b| b < core.len() && word_at(b).is_some());
        let brand_len = match brand_len {
            Some(b) => b,
            None if quoted => 3.min(core.len()),
            None => continue,
        };
        let brand: String = core[..brand_len].iter().collect();
        if GENERIC_CORES.contains(&brand.as_str()) {
            continue;
        }
        let mut aliases = vec![brand.clone()];
        let mut p = brand_len;
        while p < core.len() {
            match word_at(p) {
                Some(l) => {
                    p += l;
                    aliases.push(core[..p].iter().collect());
                }
                None => break,
            }
        }
        aliases.sort();
        aliases.dedup();
        out.push(Mention {
            ty: EntityType::Company,
            span: Span::new(s, k + kw.chars().count()),
            text: cx.slice(s, k + kw.chars().count()),
            key: normalise_name(&brand),
            name: brand,
            aliases,
            class: None,
            div: cx.locality.clone(),
            role: None,
            rule: "company:brand-project",
            anaphoric: false,
        });
    }
    cx.mentions.extend(out);
}

/// `人行某市中心支行`, `人民银行某市分行`: an agency keyed by its division and branch.
fn central_bank_branch(
    cx: &Cx,
    s: usize,
    e: usize,
    text: &str,
    divs: &[DivInfo],
) -> Option<Mention> {
    if !["中国人民银行", "人民银行", "人行"]
        .iter()
        .any(|h| text.starts_with(h))
    {
        return None;
    }
    let d = most_specific(cx, divs)?;
    let place_end = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Division && s <= m.span.start && m.span.end <= e)
        .map(|m| m.span.end)
        .max()?;
    let branch = cx.slice(place_end, e);
    if !["中心支行", "分行", "支行", "营业管理部"].contains(&branch.as_str()) {
        return None;
    }
    let mut aliases: Vec<String> = vec![text.to_string()];
    let mut places = vec![d.name.clone()];
    places.extend(d.aliases.iter().cloned());
    for h in ["中国人民银行", "人民银行", "人行"] {
        for p in &places {
            aliases.push(format!("{h}{p}{branch}"));
        }
    }
    aliases.sort();
    aliases.dedup();
    Some(Mention {
        ty: EntityType::Agency,
        span: Span::new(s, e),
        text: text.to_string(),
        key: format!("{}/人民银行{branch}", d.key),
        name: format!("中国人民银行{}{branch}", d.name),
        aliases,
        class: None,
        div: Some(d),
        role: None,
        rule: "agency:central-bank-branch",
        anaphoric: false,
    })
}

/// Overlapping candidates keep the longest.
fn merge_adjacent(
    _cx: &Cx,
    mut found: Vec<(usize, usize, EntityType, &'static str)>,
) -> Vec<(usize, usize, EntityType, &'static str)> {
    found.sort_by_key(|f| (f.0, std::cmp::Reverse(f.1)));
    let mut out: Vec<(usize, usize, EntityType, &'static str)> = Vec::new();
    for f in found {
        // A branch right after its bank (`某某银行某地分行`) is one name.
        if let Some(last) = out.last_mut()
            && f.0 == last.1
            && BRANCH_SUFFIXES.contains(&f.3)
            && (last.3.ends_with('行') || last.3 == "集团" || last.3 == "公司")
        {
            *last = (last.0, f.1, f.2, f.3);
            continue;
        }
        if let Some(last) = out.last_mut()
            && f.0 < last.1
        {
            if f.1 > last.1 {
                // The later candidate extends the earlier one: 研究院…创新中心.
                *last = (last.0, f.1, f.2, f.3);
            }
            continue;
        }
        out.push(f);
    }
    out
}

/// For an organisation name holding another organisation's name and then a place
/// (`X研究院昆山创新中心`), adds the inner organisation and the place-led alias.
fn nested_parents(cx: &mut Cx) {
    let mut extra = Vec::new();
    for m in cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Organization)
    {
        for &suffix in ORG_SUFFIXES.iter() {
            let chars: Vec<char> = m.text.chars().collect();
            let sl = suffix.chars().count();
            for k in 1..chars.len().saturating_sub(sl) {
                let piece: String = chars[k..k + sl].iter().collect();
                if piece != suffix || k + sl >= chars.len() {
                    continue;
                }
                let at = m.span.start + k + sl;
                let next_is_place = cx
                    .mentions
                    .iter()
                    .any(|d| d.ty == EntityType::Division && d.span.start == at);
                if next_is_place {
                    let inner: String = chars[..k + sl].iter().collect();
                    let tail: String = chars[k + sl..].iter().collect();
                    extra.push((m.span.start, at, inner, m.key.clone(), tail));
                }
            }
        }
    }
    for (s, e, inner, outer_key, tail) in extra {
        if let Some(o) = cx.mentions.iter_mut().find(|m| m.key == outer_key) {
            o.aliases.push(tail);
        }
        cx.mentions.push(Mention {
            ty: EntityType::Organization,
            span: Span::new(s, e),
            text: inner.clone(),
            key: normalise_name(&inner),
            name: inner.clone(),
            aliases: vec![inner],
            class: None,
            div: None,
            role: None,
            rule: "organization:nested",
            anaphoric: false,
        });
    }
}

/// Short brand forms of a company name: without the leading place and the legal
/// suffix (`恒锐精密` from `安徽恒锐精密科技有限公司`).
fn brand_forms(name: &str, divs: &[DivInfo]) -> Vec<String> {
    let mut core = name.to_string();
    for d in divs {
        for a in std::iter::once(&d.name).chain(d.aliases.iter()) {
            if let Some(rest) = core.strip_prefix(a.as_str()) {
                core = rest.to_string();
                break;
            }
        }
    }
    for s in [
        "股份有限公司",
        "有限责任公司",
        "有限公司",
        "集团公司",
        "公司",
    ] {
        if let Some(rest) = core.strip_suffix(s) {
            core = rest.to_string();
            break;
        }
    }
    // A bracketed place inside the name is dropped for the brand.
    if let Some(p) = core.find(['(', '（']) {
        core.truncate(p);
    }
    let mut out = Vec::new();
    let n = core.chars().count();
    if n >= 2 && core != name {
        out.push(core.clone());
    }
    // Each industry word stripped from the end gives a shorter brand
    // (`某某精密模具` -> `某某精密` -> `某某`), down to two characters.
    let mut rest = core.clone();
    while let Some(w) = INDUSTRY_WORDS
        .iter()
        .filter(|w| rest.ends_with(*w) && rest.chars().count() >= w.chars().count() + 2)
        .max_by_key(|w| w.chars().count())
    {
        rest.truncate(rest.len() - w.len());
        out.push(rest.clone());
    }
    out
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

fn most_specific(cx: &Cx, divs: &[DivInfo]) -> Option<DivInfo> {
    // A province in a company's name (浙江某某有限公司) says little about where it
    // is, so the article's county, when inside that province, is the better
    // place. A prefecture in the name is kept as written: narrowing it to the
    // article's county would be a guess, and a wrong guess costs twice.
    let named = divs.iter().max_by_key(|d| d.level.depth()).cloned();
    match (named, cx.locality.clone()) {
        (Some(n), Some(l)) if n.level.depth() == 0 => match (l.gaz, n.gaz) {
            (Some(li), Some(ni)) if cx.gaz.within(li, ni) => Some(l),
            _ => Some(n),
        },
        (Some(n), _) => Some(n),
        (None, l) => l,
    }
}

/// Initiative mentions: “…” with evidence, and 《…》 policy documents.
pub fn find_initiatives(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut titles: Vec<(usize, usize)> = Vec::new();
    let mut found: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < n {
        if cx.chars[i] == '《'
            && let Some(len) = cx.chars[i + 1..].iter().take(60).position(|&c| c == '》')
        {
            let (s, e) = (i + 1, i + 1 + len);
            titles.push((i, e + 1));
            let inner = cx.slice(s, e);
            let before = cx.slice(i.saturating_sub(3), i);
            let doc_like = DOCUMENT_WORDS.iter().any(|w| inner.contains(w))
                || ["制定", "出台", "印发", "发布", "实施", "贯彻"]
                    .iter()
                    .any(|v| before.contains(v));
            let paper = inner.ends_with('报') || inner.ends_with("杂志") || inner.ends_with('网');
            if doc_like && !paper && len >= 2 {
                let plain = normalise_name(&inner);
                let mut aliases = vec![inner.clone(), plain.clone()];
                // An inner quoted name is another way to say it.
                if let (Some(a), Some(b)) = (inner.find('“'), inner.find('”'))
                    && a < b
                {
                    aliases.push(inner[a + '“'.len_utf8()..b].to_string());
                }
                found.push(initiative(
                    cx,
                    i,
                    e + 1,
                    plain,
                    aliases,
                    "PolicyDocument",
                    "initiative:title",
                ));
            }
            i = e + 1;
            continue;
        }
        i += 1;
    }
    // Quoted names.
    let mut quotes: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if cx.chars[i] == '“'
            && let Some(len) = cx.chars[i + 1..].iter().take(40).position(|&c| c == '”')
        {
            quotes.push((i, i + len + 2));
            // Look inside for single-quoted names.
            let inner_quoted = cx.chars[i + 1..i + 1 + len].contains(&'‘');
            i += if inner_quoted { 1 } else { len + 2 };
            continue;
        }
        // Single quotes nest inside a quotation (`“……‘项目一链办’……”`).
        if cx.chars[i] == '‘'
            && let Some(len) = cx.chars[i + 1..].iter().take(30).position(|&c| c == '’')
        {
            quotes.push((i, i + len + 2));
            i += len + 2;
            continue;
        }
        i += 1;
    }
    for (qi, &(qs, qe)) in quotes.iter().enumerate() {
        if titles.iter().any(|&(s, e)| s <= qs && qe <= e) {
            continue;
        }
        let inner = cx.slice(qs + 1, qe - 1);
        let len = inner.chars().count();
        if !(3..=24).contains(&len)
            || inner.contains(['，', ',', '。', '！', '？', '：', '；'])
            || inner.ends_with('化')
        {
            continue;
        }
        // A cue noun after the quote (possibly after other quotes in a list), or at
        // the end of the quoted name itself.
        let mut cue = cue_after(cx, qe);
        let mut k = qi;
        while cue.is_none() && k + 1 < quotes.len() {
            let (ns, ne) = quotes[k + 1];
            // A single quote inside the quotation before it is not the next item
            // of a list: the list goes on only with quotes that start after it.
            if ns < quotes[k].1 {
                break;
            }
            let gap = cx.slice(quotes[k].1, ns);
            if gap.is_empty() || gap == "、" || gap == "和" || gap == "及" {
                cue = cue_after(cx, ne).map(|(_, c, class)| (qe, c, class));
                k += 1;
            } else {
                break;
            }
        }
        // Single quotes inside speech are mostly figures of speech (‘加油站’), so
        // only a cue after them or a verb before them makes them names.
        let single = cx.chars[qs] == '‘';
        let inner_cue = INITIATIVE_CUES
            .iter()
            .find(|(c, _)| inner.ends_with(c) && inner.chars().count() > c.chars().count() + 1)
            .filter(|_| !single);
        let before = cx.slice(qs.saturating_sub(4), qs);
        // A strong creation verb a few modifiers back in the same clause counts too.
        let clause_start = (qs.saturating_sub(10)..qs)
            .rev()
            .find(|&k| !is_han(cx.chars[k]) || "的了是".contains(cx.chars[k]))
            .map_or(qs.saturating_sub(10), |k| k + 1);
        let clause = cx.slice(clause_start, qs);
        let verb = INITIATIVE_VERBS.iter().any(|v| before.ends_with(v))
            || CREATION_VERBS.iter().any(|v| clause.contains(v));
        let digits_first = inner.starts_with(|c: char| c.is_ascii_digit());
        let (class, full_end, cue_text) = match (cue, inner_cue) {
            (Some((end, c, class)), _) => (class, end, Some(c)),
            (None, Some((_, class))) => (*class, qe, None),
            (None, None) if verb && !digits_first && cx.chars.get(qe) != Some(&'的') => {
                ("Campaign", qe, None)
            }
            _ => continue,
        };
        let plain = normalise_name(&inner);
        let mut aliases = vec![plain.clone()];
        if let Some(c) = cue_text
            && full_end > qe
        {
            let tail = cx.slice(qe, full_end);
            aliases.push(format!("{plain}{tail}"));
            aliases.push(format!("“{inner}”{tail}"));
            let _ = c;
        }
        let mut m = initiative(
            cx,
            qs,
            full_end.max(qe),
            plain,
            aliases,
            class,
            "initiative:quote",
        );
        if cue_text.is_none() && inner_cue.is_none() {
            m.rule = "initiative:quote-after-verb";
        }
        found.push(m);
    }
    unquoted_programmes(cx, &mut found, &quotes, &titles);
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// `组建某某产业招商专班`, `搭建某某监督平台`: a phrase of at least seven characters
/// right after a creation verb and ending in a programme noun, outside quotes.
fn unquoted_programmes(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let n = cx.chars.len();
    for v in CREATION_VERBS.iter() {
        let vc: Vec<char> = v.chars().collect();
        for at in 0..n.saturating_sub(vc.len()) {
            if cx.chars[at..at + vc.len()] != vc[..] {
                continue;
            }
            let s = at + vc.len();
            let mut best = None;
            for e in s + 1..(s + 14).min(n) {
                let c = cx.chars[e - 1];
                if !is_han(c) || "的了和与及、".contains(c) {
                    break;
                }
                if let Some((_, class)) =
                    PROGRAMME_NOUNS.iter().find(|(w, _)| cx.ends_with_at(e, w))
                {
                    best = Some((e, *class));
                }
            }
            let Some((e, class)) = best else { continue };
            let inside = |a: usize, b: usize| {
                quotes
                    .iter()
                    .chain(titles.iter())
                    .any(|&(qs, qe)| qs < b && a < qe)
            };
            if e - s < 7
                || inside(s, e)
                || found.iter().any(|m| m.span.overlaps(Span::new(s, e)))
                || cx
                    .covering(
                        s,
                        &[
                            EntityType::Agency,
                            EntityType::Company,
                            EntityType::Organization,
                        ],
                    )
                    .is_some()
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
                class,
                "initiative:unquoted-after-verb",
            );
            m.text = text;
            found.push(m);
        }
    }
}

/// A cue noun within six modifier characters after position `at`.
fn cue_after(cx: &Cx, at: usize) -> Option<(usize, &'static str, &'static str)> {
    for gap in 0..=6 {
        if gap > 0 {
            let c = *cx.chars.get(at + gap - 1)?;
            if !is_han(c) || is_stop(c) {
                return None;
            }
        }
        for &(cue, class) in INITIATIVE_CUES.iter() {
            // Single-character cues only right after the quote.
            if cue.chars().count() == 1 && gap > 0 {
                continue;
            }
            if cx.starts_with(at + gap, cue) {
                return Some((at + gap + cue.chars().count(), cue, class));
            }
        }
    }
    None
}

fn initiative(
    cx: &Cx,
    s: usize,
    e: usize,
    name: String,
    mut aliases: Vec<String>,
    class: &'static str,
    rule: &'static str,
) -> Mention {
    aliases.retain(|a| !a.is_empty());
    aliases.sort();
    aliases.dedup();
    Mention {
        ty: EntityType::Initiative,
        span: Span::new(s, e),
        text: cx.slice(s, e),
        key: name.clone(),
        name,
        aliases,
        class: Some(class),
        div: None,
        role: None,
        rule,
        anaphoric: false,
    }
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
