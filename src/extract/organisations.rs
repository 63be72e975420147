//! Companies and organisations: names walked back from a company or
//! organisation suffix (`某某科技有限公司`, `某某研究院`), bank branches and the
//! central bank's branches, brands and their short forms met again later
//! (`某某精密`), a place's centre inside an institute's name, brands
//! before a project (`某某项目`) and schools by place and number (`某市二中`). Agencies are `names`; names the segmenter
//! proposes are `tagged`.
//! Where a name walked back from its suffix starts is `organisations::start`;
//! the central bank's branches are `organisations::central_bank`; the Youth
//! League's committees are `organisations::league`; delegations are
//! `organisations::delegations`; the railway's regional groups are
//! `organisations::railways`.

use super::lexicon::*;
use super::names::{normalise_name, resolve_bare};
use super::{Cx, DivInfo, Mention, is_han};
use crate::model::{EntityType, Span};
use crate::segment::Pos;

mod brands;
mod central_bank;
mod committees;
mod delegations;
mod league;
mod parties;
mod ports;
mod press;
mod railways;
mod schools;
mod start;
use brands::{brand_forms, brand_projects, described_firms, quoted_businesses, short_repeats};
use central_bank::central_bank_branch;
pub(super) use committees::organising_committees;
pub(super) use league::youth_league;
use start::{name_start, past_address};

/// Whether `s..e` is one or two verbs the segmenter reads whole (`收治医院`,
/// `勉励学校`): what is done at such a place, not its name.
fn verbs_only(cx: &Cx, s: usize, e: usize) -> bool {
    let tokens = cx.tokens();
    let first = tokens.partition_point(|t| t.end <= s);
    let inside: Vec<_> = tokens[first..].iter().take_while(|t| t.start < e).collect();
    !inside.is_empty()
        && inside.len() <= 2
        && inside[0].start == s
        && inside.last().is_some_and(|t| t.end == e)
        && inside.iter().all(|t| t.pos == Pos::Verb)
}

pub fn find(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut found: Vec<(usize, usize, EntityType, &'static str)> = Vec::new();
    let mut i = 0;
    // Most characters open no suffix: they are passed over with one search.
    let openers = first_chars(&[&COMPANY_SUFFIXES, &ORG_SUFFIXES]);
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
        // `小学生`, `大学生`: a school's suffix before 生 is a pupil, not the school;
        // before 习 it is a kind of study (`来一场大学习`, `集中学习`).
        if suffix.ends_with('学')
            && cx
                .chars
                .get(i + suffix.chars().count())
                .is_some_and(|&c| c == '生' || c == '习')
        {
            i += suffix.chars().count();
            continue;
        }
        // `某某厂村`, `某某厂乡`: a village or a town named after a works, not the
        // works; `某某工厂` is a plant of a firm (`某某旗舰工厂项目`), which
        // `brand_projects` reads.
        // The segmenter's word must end with 厂 (`厂房`, `厂长` are other words).
        if suffix == "厂"
            && (cx
                .chars
                .get(i + 1)
                .is_some_and(|&c| "村区镇乡街路".contains(c))
                || i > 0 && cx.chars[i - 1] == '工'
                || {
                    let tokens = cx.tokens();
                    tokens
                        .get(tokens.partition_point(|t| t.end <= i))
                        .is_some_and(|t| t.end > i + 1)
                })
        {
            i += 1;
            continue;
        }
        // `银行业协会`, `银行间`, `银行卡`: a bank suffix before 业, 间 or 卡
        // names the trade, the market or the card, not a bank; `商行政` is
        // `商` and `行政`.
        if ty == EntityType::Company
            && suffix.ends_with('行')
            && cx
                .chars
                .get(i + suffix.chars().count())
                .is_some_and(|&c| "业间卡政".contains(c))
        {
            i += suffix.chars().count();
            continue;
        }
        let end = i + suffix.chars().count();
        // A 会 that opens a word running on (`某某联会见`: 会见) ends no body,
        // nor does one before 议, whatever the segmenter joined it to
        // (`某某协商会议`).
        if suffix.ends_with('会')
            && (cx.word_across(end).is_some_and(|t| t.start == end - 1)
                || cx.chars.get(end) == Some(&'议'))
        {
            i = end;
            continue;
        }
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
        // `某某银行股份有限公司`: a legal form right after a bank's or a group's
        // name is part of that name.
        if ty == EntityType::Company
            && ["股份有限公司", "有限责任公司", "有限公司"].contains(&suffix)
            && let Some(last) = found.last_mut()
            && last.1 == i
            && last.2 == EntityType::Company
        {
            last.1 = end;
            i = end;
            continue;
        }
        let mut start = past_address(cx, name_start(cx, i, floor), i);
        // A one-character verb or function word opening the walk (`像某某中学`,
        // `在某某医院`) is the clause's, not the name's.
        if let Some(t) = crate::extract::trim::token_at(cx.tokens(), start)
            && t.start == start
            && t.end == start + 1
            && t.end < i
            && (t.pos == Pos::Verb || t.function)
            && cx.covering(start, &[EntityType::Division]).is_none()
        {
            start += 1;
        }
        let core = cx.slice(start, i);
        let core_len = i - start;
        let branch_of_previous = BRANCH_SUFFIXES.contains(&suffix)
            && found.last().is_some_and(|f| {
                f.1 == start && (f.3.ends_with('行') || f.3 == "集团" || f.3 == "公司")
            });
        // `县工商联`: a bare prefix before a body named by its place.
        let bare_place_named = core_len >= 1
            && "省市县区".contains(cx.chars[start])
            && PLACE_NAMED_ORGS.contains(&cx.slice(start + 1, end).as_str());
        // A verb right before a common noun ends a clause when a person or an
        // adverb of manner comes before it, or nothing does (`某某勉励学校`,
        // `大肆贿赂医院`, `闻讯赶到医院`): the noun names no one. A verb
        // after a field names the field (`某某贸易促进协会`).
        let tokens = cx.tokens();
        let k = tokens.partition_point(|t| t.end < i);
        let verb_before = tokens.get(k).is_some_and(|t| {
            t.end == i
                && t.start >= start
                && t.pos == crate::segment::Pos::Verb
                && (t.start == start
                    || k.checked_sub(1)
                        .and_then(|j| tokens.get(j))
                        .is_some_and(|p| {
                            matches!(
                                p.pos,
                                crate::segment::Pos::Person | crate::segment::Pos::ForeignPerson
                            ) || CLAUSE_ADVERBS.contains(&cx.slice(p.start, p.end).as_str())
                        }))
        });
        // A kind after a place (`某地三甲医院`) is as generic as the kind alone,
        // when the kind is all there is between them.
        let after_place = cx
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Division && m.span.start == start && m.span.end < i)
            .map(|m| m.span.end)
            .max()
            .unwrap_or(start);
        // `学校` is a common noun after most short words (`过去学校`); a school's
        // name before it is longer.
        let generic = (core_len < 2 && !branch_of_previous && !bare_place_named)
            || suffix == "学校"
                && (core_len < 3
                    || crate::extract::trim::token_at(cx.tokens(), i - 1)
                        .is_some_and(|t| t.pos == crate::segment::Pos::Verb))
            || ["医院", "学会", "协会", "学校"].contains(&suffix) && verb_before
            // `才学会`, `已学会`: the verb 学会 after an adverb.
            || suffix == "学会" && i > 0 && "才就已刚也都还要没".contains(cx.chars[i - 1])
            || GENERIC_PREFIXES.iter().any(|g| core.starts_with(g))
            || after_place > start && GENERIC_PREFIXES.contains(&cx.slice(after_place, i).as_str())
            || GENERIC_CORES.contains(&core.as_str())
            || ty == EntityType::Organization && verbs_only(cx, start, i)
            || ty == EntityType::Organization && {
                let name = cx.slice(start, end);
                INSTITUTION_KINDS.iter().any(|k| name.ends_with(k))
            };
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
        // A museum counts only with its place in its name (`某省博物馆`): a
        // museum named otherwise is as often a sight as a body.
        if suffix == "博物馆" && divs.is_empty() {
            continue;
        }
        // `总会` is also the adverb "always" (`某某中总会`, `里面总会`): a
        // general association is named by a place or a field of two
        // characters or more before it, never by a locative.
        if suffix == "总会" && (e - s < 4 || "中里面上下时后前内外间".contains(cx.chars[e - 3]))
        {
            continue;
        }
        // Some bodies are named by their place alone (某区工商联, 某县科协).
        let place_named = PLACE_NAMED_ORGS.contains(&suffix);
        if PLACE_NAMED_ORGS.contains(&cx.slice(s + 1, e).as_str())
            && let Some(d) = resolve_bare(cx, cx.chars[s])
        {
            let name = format!("{}{}", d.name, cx.slice(s + 1, e));
            cx.mentions.push(Mention {
                ty,
                span: Span::new(s, e),
                text: text.clone(),
                key: normalise_name(&name),
                name: name.clone(),
                aliases: vec![name, text.clone()],
                class: (ty == EntityType::Company).then_some("Bank"),
                div: Some(d),
                role: None,
                rule: if ty == EntityType::Company {
                    "company:bare-prefix"
                } else {
                    "organization:bare-prefix"
                },
                anaphoric: false,
            });
            continue;
        }
        // Universities, colleges, hospitals and railway bureaus are named by
        // their place as well (`某地大学`, `某地学院`, `某地医院`).
        // So are a place's Party school and its museum (`某省博物馆`).
        // A longer suffix ending in one (`职业技术学院`) is named so too.
        // So is its arbitration committee (`某市仲裁委员会`).
        let college = ["大学", "学院", "医院", "铁路局", "党校", "博物馆", "仲裁委员会"]
            .contains(&suffix)
            || suffix.ends_with("学院")
            || suffix.ends_with("大学")
            // A town's school is named by the town (`某乡小学`).
            || (suffix.ends_with('学') || suffix.ends_with("学校"))
                && divs.iter().any(|d| d.level == crate::model::Level::Township);
        if place_only
            && !place_named
            && !college
            && !suffix.contains("银行")
            && !suffix.contains('行')
        {
            continue;
        }
        // The central bank's branches are government bodies, not banks for business.
        if let Some(m) = central_bank_branch(cx, s, e, &text, &divs) {
            cx.mentions.push(m);
            continue;
        }
        // `国家` and a firm's bureau alone (`国家某某局`) name the state's
        // regulator of the trade, not a firm: a firm has a name or a place of
        // its own before the suffix. (`国家银行` is the state's banks.)
        if ty == EntityType::Company
            && suffix.ends_with('局')
            && text.strip_suffix(suffix) == Some("国家")
        {
            cx.mentions.push(Mention {
                ty: EntityType::Agency,
                span: Span::new(s, e),
                text: text.clone(),
                key: format!("national/{text}"),
                aliases: vec![text.clone()],
                name: text,
                class: None,
                div: None,
                role: None,
                rule: "agency:national-regulator",
                anaphoric: false,
            });
            continue;
        }
        // The central bank is a government body, not a bank that trades.
        if CENTRAL_BANK.contains(&text.as_str()) {
            cx.mentions.push(central_bank(Span::new(s, e), text));
            continue;
        }
        // A bank owned by many states (`世界银行`, `亚洲开发银行`) is an
        // international organisation, not a company that trades.
        let ty = if ty == EntityType::Company
            && suffix.ends_with('行')
            && MULTILATERAL_OPENERS.iter().any(|w| text.starts_with(w))
        {
            EntityType::Organization
        } else {
            ty
        };
        let mut aliases = vec![text.clone()];
        if ty == EntityType::Company {
            aliases.extend(brand_forms(&text, &divs));
        }
        // `某省某市某某学校` is also written without its province: the name
        // still opens with a place, so it names the same body.
        let leading = |at: usize| {
            cx.mentions
                .iter()
                .find(|m| m.ty == EntityType::Division && m.span.start == at && m.span.end < e)
                .map(|m| m.span.end)
        };
        if let Some(first_end) = leading(s)
            && let Some(second_end) = leading(first_end)
        {
            aliases.push(cx.slice(first_end, e));
            // With a name of its own after both places (`某省某市某某历史博物馆`),
            // it is written without either, too.
            let own = cx.chars[second_end..e - suffix.chars().count()]
                .iter()
                .filter(|&&c| is_han(c))
                .count();
            if own >= 3 && leading(second_end).is_none() {
                aliases.push(cx.slice(second_end, e));
            }
        }
        // Nested: 研究院 + place + 创新中心 makes an alias of the place part.
        let class = if ty == EntityType::Company && suffix.contains('行') {
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
            // Only a hospital, a university or a school named by its province
            // (`某省人民医院`, `某省医科大学`) serves the province from within
            // it; an institute or a practice with a province in its name
            // (`某省某某研究院`, `某省某某律师事务所`) is mostly where the story is.
            div: most_specific(
                cx,
                &divs,
                !["医院", "大学", "学院", "学校"]
                    .iter()
                    .any(|w| suffix.ends_with(w)),
            ),
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
    quoted_businesses(cx);
    described_firms(cx);
    schools::numbered_schools(cx);
    press::newspapers(cx);
    press::foreign_press(cx);
    delegations::delegations(cx);
    parties::parties(cx);
    railways::railway_groups(cx);
    ports::ports(cx);
    short_repeats(cx);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// The names of the central bank, a government body and no bank that trades.
const CENTRAL_BANK: [&str; 3] = ["中国人民银行", "人民银行", "中央银行"];

/// The central bank's mention over `span`, written `text` there.
fn central_bank(span: Span, text: String) -> Mention {
    let name = "中国人民银行".to_string();
    Mention {
        ty: EntityType::Agency,
        span,
        key: format!("national/{name}"),
        aliases: vec![text.clone(), "人民银行".to_string(), "央行".to_string()],
        text,
        name,
        class: None,
        div: None,
        role: None,
        rule: "agency:central-bank",
        anaphoric: false,
    }
}

/// A firm's name that a later trim cut down to the central bank's
/// (`某某登记和人民银行` is `人民银行`) is the central bank.
pub(super) fn central_bank_after_trim(cx: &mut Cx) {
    for m in cx.mentions.iter_mut() {
        if m.ty == EntityType::Company && CENTRAL_BANK.contains(&m.text.as_str()) {
            *m = central_bank(m.span, m.text.clone());
        }
    }
}

/// Overlapping candidates keep the longest.
fn merge_adjacent(
    cx: &Cx,
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
        // A school or a hospital attached to another (`某某大学附属医院`,
        // `某某大学第一附属医院`, `某某中学附属小学`) is named with it.
        let attached = |at: usize| {
            cx.starts_with(at, "附属")
                || cx.starts_with(at, "附设")
                || cx.chars.get(at) == Some(&'第') && cx.starts_with(at + 2, "附属")
        };
        if let Some(last) = out.last_mut()
            && f.0 == last.1
            && f.2 == EntityType::Organization
            && attached(f.0)
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

fn most_specific(cx: &Cx, divs: &[DivInfo], narrow: bool) -> Option<DivInfo> {
    // A province in a company's name (浙江某某有限公司) says little about where it
    // is, so the article's county, when inside that province, is the better
    // place. A prefecture in the name is kept as written: narrowing it to the
    // article's county would be a guess, and a wrong guess costs twice.
    // A municipality under the state (`北京某某集团`) is a city as well as a
    // province: its name is kept as a prefecture's is. Some organisations named
    // by their province (`某省人民医院`) serve the province and stand in it,
    // wherever the article's story is: they are not narrowed (`narrow`).
    let municipality = |d: &DivInfo| {
        d.code
            .as_deref()
            .is_some_and(|c| ["110000", "120000", "310000", "500000"].contains(&c))
    };
    let named = divs.iter().max_by_key(|d| d.level.depth()).cloned();
    match (named, cx.locality.clone()) {
        (Some(n), Some(l)) if n.level.depth() == 0 && !municipality(&n) && narrow => {
            match (l.gaz, n.gaz) {
                (Some(li), Some(ni)) if cx.gaz.within(li, ni) => Some(l),
                _ => Some(n),
            }
        }
        (Some(n), _) => Some(n),
        (None, l) => l,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn organisations(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Organization)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_hospital_named_by_its_rank_or_kind_is_no_name() {
        assert!(
            organisations(
                "标题\n他们建设出一流医院，成为数字化医院和先进医院，帮助县区医院和受援医院。"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_centre_named_by_its_kind_of_work_is_no_name() {
        assert!(
            organisations("建设区域创新中心和国际科技创新中心。他们在自然科学实验室工作。")
                .is_empty()
        );
    }

    #[test]
    fn the_local_one_of_a_kind_is_no_name() {
        assert!(organisations("他加入了当地书法家协会，还去当地上级医院看病。").is_empty());
    }

    #[test]
    fn a_fire_brigades_corps_and_a_management_station_are_agencies() {
        let agencies = |text: &str| -> Vec<String> {
            run(text)
                .mentions
                .iter()
                .filter(|m| m.ty == EntityType::Agency)
                .map(|m| m.name.clone())
                .collect()
        };
        assert_eq!(
            agencies("浙江省消防救援总队已出发。"),
            ["浙江省消防救援总队"]
        );
        assert_eq!(
            agencies("嘉兴市道路运输管理所发布通知。"),
            ["嘉兴市道路运输管理所"]
        );
    }

    #[test]
    fn the_states_bureau_of_a_trade_is_its_regulator() {
        let ex = run("国家铁路局发布通知。");
        assert_eq!(ex.mentions[0].ty, EntityType::Agency);
        assert_eq!(ex.mentions[0].rule, "agency:national-regulator");
        // 会 before 议 ends no body.
        assert!(organisations("甲乙政治协商会议开幕。").is_empty());
    }

    #[test]
    fn public_centres_of_a_trade_are_organisations() {
        assert_eq!(
            organisations("甘肃省农业技术推广中心的专家说。"),
            ["甘肃省农业技术推广中心"]
        );
        assert_eq!(
            organisations("宁德市医患纠纷调解处置中心介入。杭州市环境监测中心发布数据。"),
            ["宁德市医患纠纷调解处置中心", "杭州市环境监测中心"]
        );
    }

    #[test]
    fn a_kind_of_school_or_hospital_names_no_body() {
        assert!(organisations("杭州市西湖区中小学将推迟开学。").is_empty());
        assert!(organisations("新建一批公办幼儿园和农村义务教育学校。").is_empty());
        assert!(organisations("患者转入当地综合性医院。").is_empty());
        // A school of its own name is found as before.
        assert_eq!(
            organisations("他在杭州市甲乙小学任教。"),
            ["杭州市甲乙小学"]
        );
    }

    #[test]
    fn museums_clinics_and_news_agencies_are_organisations() {
        assert_eq!(organisations("他来到云南省博物馆参观。"), ["云南省博物馆"]);
        // A general association, but not the adverb spelt alike.
        assert_eq!(organisations("海宁市慈善总会捐款。"), ["海宁市慈善总会"]);
        assert!(organisations("历史进程中总会有曲折。").is_empty());
        // Libraries, cultural centres and galleries are bodies too.
        assert_eq!(
            organisations("互助县文化馆和东海县公共图书馆开展活动。"),
            ["互助县文化馆", "东海县公共图书馆"]
        );
        assert_eq!(
            organisations("医生下沉到了宋古乡卫生院。"),
            ["宋古乡卫生院"]
        );
        assert_eq!(organisations("甲乙丙电讯社报道。"), ["甲乙丙电讯社"]);
        // Named after both its places, it is written without them too.
        let ex = run("在辽宁省沈阳市甲乙丙历史博物馆举行。");
        let museum = ex
            .mentions
            .iter()
            .find(|m| m.ty == EntityType::Organization)
            .expect("the museum");
        assert!(
            museum.aliases.iter().any(|a| a == "甲乙丙历史博物馆"),
            "{museum:?}"
        );
    }

    fn companies(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Company)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_cooperative_named_by_what_it_raises_is_a_kind() {
        assert_eq!(
            companies(
                "标题\n村里成立了养猪合作社，还有养蚕合作社和大力发展奶牛养殖合作社。\
                 牧禾农机专业合作社和青禾蔬菜种植专业合作社也来了。"
            ),
            ["牧禾农机专业合作社", "青禾蔬菜种植专业合作社"]
        );
    }

    #[test]
    fn a_rural_credit_cooperative_is_a_company() {
        assert_eq!(companies("岷县农村信用社发放贷款。"), ["岷县农村信用社"]);
        assert_eq!(
            companies("龙泉市农村信用合作联社推出新产品。"),
            ["龙泉市农村信用合作联社"]
        );
    }

    #[test]
    fn a_count_of_people_is_no_name_but_an_ordinal_is() {
        assert!(companies("他成为这家只有46人小公司的首席科学家。").is_empty());
        assert!(organisations("来自贵州的50位小学教师参加培训。").is_empty());
        assert_eq!(
            organisations("病人转到嘉兴市第二人民医院。"),
            ["嘉兴市第二人民医院"]
        );
        // A numbered army group is no company, even before 工兵团.
        assert!(companies("第14集团军工兵团派出救援人员。").is_empty());
    }

    #[test]
    fn a_college_named_by_its_city_alone_is_a_name() {
        assert_eq!(
            organisations("金华职业技术学院举行毕业典礼。"),
            ["金华职业技术学院"]
        );
    }

    #[test]
    fn a_firm_named_by_a_municipality_stays_in_the_city() {
        // A province's name is narrowed to the article's county; a
        // municipality's is kept, as a prefecture's is.
        let ex = run("门头沟区多处积水。北京青禾排水集团出动抢险队伍。");
        let firm = ex
            .mentions
            .iter()
            .find(|m| m.ty == EntityType::Company)
            .expect("a firm");
        assert_eq!(firm.div.as_ref().map(|d| d.name.as_str()), Some("北京市"));
    }

    #[test]
    fn memorial_and_exhibition_halls_are_organisations() {
        assert_eq!(
            organisations("他们参观了某某战役纪念馆。"),
            ["某某战役纪念馆"]
        );
        assert!(organisations("他开办了一家私人陈列馆。").is_empty());
    }

    #[test]
    fn a_brand_before_its_trade_is_a_firm_and_a_trade_word_no_brand() {
        let found = companies("园区引进了韬睿新能源汽车零部件工厂项目。");
        assert!(
            found.iter().all(|c| c == "韬睿") && !found.is_empty(),
            "{found:?}"
        );
        assert!(companies("他们加入了锂离子动力电池关键材料研发项目。").is_empty());
    }

    #[test]
    fn a_postal_address_before_a_school_is_no_part_of_its_name() {
        assert_eq!(
            organisations("四川省巴中市通江县碧溪乡石竹村小学的老师说。"),
            ["石竹村小学"]
        );
        // The town's own school keeps the town; a county's keeps the county.
        assert_eq!(
            organisations("西藏自治区林芝市墨脱县帮辛乡小学的老师说。"),
            ["帮辛乡小学"]
        );
        assert_eq!(
            organisations("四川省巴中市通江县第二中学的老师说。"),
            ["通江县第二中学"]
        );
        // Places that do not narrow are a name's own (`某市某省某县商会`), and
        // the address ends where they stop narrowing.
        assert_eq!(
            organisations("深圳市广西横州商会成立。"),
            ["深圳市广西横州商会"]
        );
        assert_eq!(
            organisations("安徽省黄山市歙县上丰乡上丰中心学校的老师说。"),
            ["上丰中心学校"]
        );
        // Two places are a name's own (`某市某区实验小学`).
        assert_eq!(
            organisations("杭州市西湖区实验小学的老师说。"),
            ["杭州市西湖区实验小学"]
        );
    }

    #[test]
    fn a_firm_described_by_what_it_is() {
        assert_eq!(
            companies("青禾智造是一家专注工业软件的高新技术企业，去年营收过亿。"),
            ["青禾智造"]
        );
        assert!(companies("这是一家专注工业软件的企业。").is_empty());
        assert!(companies("如今是一家上市公司。").is_empty());
    }

    #[test]
    fn quoted_brands_banks_named_by_place_and_legal_forms_after_a_bank() {
        assert_eq!(
            companies("“青禾居”民宿主人说，民宿集聚区已成规模。"),
            ["青禾居民宿"]
        );
        assert!(companies("“青禾”民宿集聚区建成。").is_empty());
        // A homestay is named like a place; a region's homestays are a kind.
        assert_eq!(companies("游客住进了云江民宿。"), ["云江民宿"]);
        assert!(companies("京郊民宿很受欢迎。").is_empty());
        // So is a market, after its part of town; a kind of market is none.
        assert_eq!(companies("他来到城东农贸市场。"), ["城东农贸市场"]);
        assert!(companies("他来到周边农贸市场。").is_empty());
        let found = companies("浙江安吉青禾银行股份有限公司支持小微企业。");
        assert_eq!(found, ["浙江安吉青禾银行股份有限公司"]);
    }

    #[test]
    fn a_party_committees_school_is_named_by_the_committee() {
        let found = organisations("他在中共嘉兴市委党校学习。");
        assert_eq!(found, ["中共嘉兴市委党校"]);
    }

    #[test]
    fn mediation_and_arbitration_committees_are_organisations() {
        assert_eq!(
            organisations("嘉兴市医疗纠纷人民调解委员会介入。海宁仲裁委员会受理案件。"),
            ["嘉兴市医疗纠纷人民调解委员会", "海宁仲裁委员会"]
        );
        // A village's committee of mediators is a kind, and its tail no name.
        assert!(organisations("村民调解委员会的成员说。").is_empty());
    }

    #[test]
    fn care_homes_and_theatres_are_organisations() {
        assert_eq!(
            organisations("老人住进了青禾颐养养老院。嘉兴京剧院的演员演出新戏。"),
            ["青禾颐养养老院", "嘉兴京剧院"]
        );
    }

    #[test]
    fn party_schools_and_a_hospital_attached_by_its_ordinal() {
        assert_eq!(
            organisations("学员在青禾市委党校学习，患者转入青禾大学第一附属医院。"),
            ["青禾市委党校", "青禾大学第一附属医院"]
        );
    }

    #[test]
    fn a_common_noun_after_a_verb_or_a_kind_names_no_one() {
        assert!(organisations("他勉励学校师生努力学习。").is_empty());
        assert!(organisations("涉案人员大肆贿赂医院工作人员。").is_empty());
        assert!(organisations("孩子五岁时才学会说话。").is_empty());
        assert!(organisations("患者被送往嘉兴三甲医院救治。").is_empty());
        assert!(organisations("患者被送往定点医院救治。").is_empty());
        assert_eq!(
            organisations("嘉兴市第一医院派出医生。"),
            ["嘉兴市第一医院"]
        );
    }

    #[test]
    fn a_broadcaster_is_an_organisation_named_by_its_country() {
        assert_eq!(
            organisations("据美国广播公司报道，当地发生枪击。"),
            ["美国广播公司"]
        );
        assert!(companies("据美国广播公司报道，当地发生枪击。").is_empty());
        // A country's firms are still none.
        assert!(companies("美国公司纷纷裁员。").is_empty());
        // Nor China's own, a country's big ones or a rank among the biggest.
        assert!(companies("支持有实力的中国公司赴外投资。").is_empty());
        assert!(companies("我们支持美国大公司来华投资。").is_empty());
        assert!(companies("已有8家世界500强公司落户。").is_empty());
    }
}
