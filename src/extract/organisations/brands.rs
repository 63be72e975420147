//! Companies named by their brand: the short forms of a company name
//! (`某某精密` from `某地某某精密模具有限公司`), those forms met again later in
//! the article, and brands standing alone before a project or plant
//! (`某某新能源汽车零部件工厂`), quoted brands before a kind of business
//! (`“某某”民宿`) and brands introduced by what they are
//! (`某某是一家…企业`). Names walked back from a legal suffix are the parent
//! module's; this one only derives and finds brand forms.

use super::super::lexicon::*;
use super::super::names::normalise_name;
use super::super::{Cx, DivInfo, Mention, is_han, is_stop};
use super::start::name_start;
use crate::model::{EntityType, Span};
use crate::segment::Pos;

/// Later mentions of a company by its short form (`某某精密财务负责人`, after the
/// full `某某精密模具有限公司`): each brand form of three or more characters found
/// again outside other names is a mention of the same company.
pub(super) fn short_repeats(cx: &mut Cx) {
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
            if covered || next_is_suffix || ordinary_words(cx, span) {
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

/// Whether `span` is a country or only words the segmenter knows as ordinary
/// (`金融服务`, `出租车`): a trade or a place, not a brand standing alone.
fn ordinary_words(cx: &Cx, span: Span) -> bool {
    if COUNTRIES.contains(&cx.slice(span.start, span.end).as_str()) {
        return true;
    }
    let tokens = cx.tokens();
    let inside = &tokens[tokens.partition_point(|t| t.end <= span.start)..];
    inside.first().is_some_and(|t| t.start == span.start)
        && inside
            .iter()
            .take_while(|t| t.start < span.end)
            .all(|t| matches!(t.pos, Pos::Other | Pos::Verb) && t.end - t.start >= 2)
}

/// Companies named only by their brand before a project or plant
/// (`某某新能源汽车零部件工厂`, `“某某饮品项目”`). The brand is two to four
/// characters, ended by an industry word; the longer forms up to each industry
/// word are aliases. A base (`某某新能源基地`) is mostly a place's or a
/// trade's, not a firm's, so it names none.
pub(super) fn brand_projects(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut out = Vec::new();
    for k in 0..n {
        let Some(kw) = ["工厂", "项目", "生产线"]
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
        // A brand holding an industry word (`锂离子` before `动力电池`) is part
        // of the trade's name, not a firm's.
        if GENERIC_CORES.contains(&brand.as_str())
            || (0..brand_len).any(|p| word_at(p).is_some_and(|l| p + l <= brand_len))
        {
            continue;
        }
        // The segmenter decides what a brand can be: it starts where a word
        // starts (not `球航空` out of `全球航空`), and it is not a run of
        // ordinary words (`化学品`, `传动系统`) or a region (`东南沿海`).
        let tokens = cx.tokens();
        let first = tokens.partition_point(|t| t.end <= s);
        let in_brand = tokens[first..]
            .iter()
            .take_while(|t| t.start < s + brand_len);
        if tokens.get(first).is_none_or(|t| t.start != s)
            || in_brand
                .clone()
                .all(|t| matches!(t.pos, Pos::Other | Pos::Verb | Pos::Place))
        {
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

/// Short brand forms of a company name: without the leading place and the legal
/// suffix (`恒锐精密` from `安徽恒锐精密科技有限公司`).
pub(super) fn brand_forms(name: &str, divs: &[DivInfo]) -> Vec<String> {
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

/// Businesses named by a quoted brand and the kind of business after it
/// (`“某某”民宿`, `“某某”农家乐`, `“某某”超市`): the suffix rules cannot walk back
/// over the quote, so the quoted name is read here. The whole is the name and the
/// brand alone an alias.
pub(super) fn quoted_businesses(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut added = Vec::new();
    let mut i = 0;
    while i < n {
        if cx.chars[i] != '“' {
            i += 1;
            continue;
        }
        let Some(len) = cx.chars[i + 1..].iter().take(14).position(|&c| c == '”') else {
            i += 1;
            continue;
        };
        let (qs, qe) = (i, i + len + 2);
        i = qe;
        let inner = cx.slice(qs + 1, qe - 1);
        let ok = (2..=12).contains(&len)
            && inner
                .chars()
                .all(|c| is_han(c) || c.is_ascii_alphanumeric() || c == '·');
        let Some(suffix) = COMPANY_SUFFIXES.iter().find(|s| cx.starts_with(qe, s)) else {
            continue;
        };
        let end = qe + suffix.chars().count();
        // `“某某”民宿集聚区`, `“某某”超市行业`: the business kind starts a longer word.
        let runs_on = cx
            .chars
            .get(end)
            .is_some_and(|&c| "区园群带业村街集".contains(c));
        if !ok || runs_on || cx.covering(qs, &[EntityType::Company]).is_some() {
            continue;
        }
        let name = format!("{inner}{suffix}");
        added.push(Mention {
            ty: EntityType::Company,
            span: Span::new(qs, end),
            text: cx.slice(qs, end),
            key: normalise_name(&name),
            aliases: vec![inner.clone(), name.clone()],
            name,
            class: None,
            div: None,
            role: None,
            rule: "company:quoted-brand",
            anaphoric: false,
        });
    }
    cx.mentions.extend(added);
}

/// Firms introduced by what they are (`某某是一家专注于某某的高新技术企业`):
/// the words before `是一家`, back to the clause's start, name a company when
/// the clause closes with a word for a firm. Pronouns (`这是一家`) and
/// names already read are left alone.
pub(super) fn described_firms(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut added = Vec::new();
    let mut at = 0;
    while let Some(p) = (at..n.saturating_sub(3)).find(|&k| cx.starts_with(k, "是一家")) {
        at = p + 3;
        let close = (at..(at + 30).min(n)).find(|&k| "，。；！？\n".contains(cx.chars[k]));
        let Some(close) = close else { continue };
        let firm = ["企业", "公司", "集团", "工厂", "合作社"]
            .iter()
            .any(|w| cx.ends_with_at(close, w));
        if !firm {
            continue;
        }
        // The name runs back from 是 over plain characters to the clause's start.
        let mut s = p;
        while s > 0 && p - s < 10 && {
            let c = cx.chars[s - 1];
            (is_han(c) || c.is_ascii_alphanumeric()) && !is_stop(c)
        } {
            s -= 1;
        }
        let clause_start = s == 0 || "，。；：！？\n　 ".contains(cx.chars[s - 1]);
        // A time word or a pronoun is no name (`如今是一家`, `这是一家`).
        let name = cx.slice(s, p);
        if !clause_start
            || name.chars().count() < 2
            || [
                "这", "那", "它", "该", "其", "如今", "现在", "目前", "已经", "曾经", "也", "还",
            ]
            .iter()
            .any(|w| name.starts_with(w) || name.ends_with(w))
            || cx
                .covering(
                    s,
                    &[
                        EntityType::Company,
                        EntityType::Organization,
                        EntityType::Person,
                        EntityType::Agency,
                    ],
                )
                .is_some()
            || cx
                .covering(
                    p - 1,
                    &[
                        EntityType::Company,
                        EntityType::Organization,
                        EntityType::Person,
                    ],
                )
                .is_some()
        {
            continue;
        }
        added.push(Mention {
            ty: EntityType::Company,
            span: Span::new(s, p),
            text: name.clone(),
            key: normalise_name(&name),
            aliases: vec![name.clone()],
            name,
            class: None,
            div: None,
            role: None,
            rule: "company:described",
            anaphoric: false,
        });
    }
    cx.mentions.extend(added);
}
