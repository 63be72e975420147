//! Agencies named by their division (`[division | 市/县/区 | 该街道] + core +
//! suffix`), the bodies that hang off them (`驻某局纪检监察组`, `某区分局`), and
//! their anaphora (`该局`); the body grammar (`match_body`, `body_variants`) the
//! other body passes share, and the key normalisation of names. Companies and
//! organisations are `organisations`, initiatives `initiatives`.
//!
//! The passes are here; the body grammar is `names::body`, where a name may start
//! `names::anchors`, and what extends a body `names::extension`.

mod anchors;
mod body;
mod extension;
pub(super) mod villages;

pub(super) use anchors::resolve_bare;
pub(super) use body::{body_variants, match_body, task_named};

use super::lexicon::{AGENCY_SUFFIXES, CREATION_VERBS, LEVEL_BODIES, NOT_AGENCY_END, POST_TENSES};
use super::{Cx, DivInfo, Mention, is_han, is_stop};
use crate::model::{EntityType, Span};
use anchors::{Anchor, anchors};
use body::{is_party, opening};
use extension::extension_after;

pub fn find_agencies(cx: &mut Cx) {
    let mut new: Vec<Mention> = Vec::new();
    // Keys of agencies also reachable through a bracketed division.
    let mut alt_keys: Vec<(String, String)> = Vec::new();
    let all = anchors(cx);
    for (k, a) in all.iter().enumerate() {
        // `某省和某市纪委监委`, `甲、乙、丙省政府`: places listed one after
        // another share one body named after the last; each earlier place's
        // body is named here, its span the place alone.
        let mut shared = None;
        let mut prev = a;
        for b in &all[k + 1..] {
            let listed = cx
                .chars
                .get(prev.end)
                .is_some_and(|&c| "和与及、".contains(c))
                && b.start == prev.end + 1
                && !b.anaphoric
                && !a.anaphoric;
            if !listed {
                break;
            }
            // A body's name never opens with a conjunction (`某省和某市党委`
            // is two places before one body).
            if let Some(e) = match_body(cx, b.end).filter(|_| !"和与及".contains(cx.chars[b.end]))
            {
                shared = Some((after_count(cx, b.end, e), e));
                break;
            }
            // A conjunction closes the list (`甲、乙和丙某局`); after it, a
            // place without the body is a list's item of its own (`某省和某市、
            // 某组委会`).
            if cx.chars[prev.end] != '、' {
                break;
            }
            prev = b;
        }
        // `某区设立行政审批局`: a body a place sets up, named right after the
        // verb, is that place's body; its mention is the body's own words.
        let direct = match shared {
            Some(found) => Some(found),
            None => match_body(cx, a.end).map(|e| (after_count(cx, a.end, e), e)),
        };
        let created = match direct {
            None if !a.anaphoric => created_body(cx, a.end),
            _ => None,
        };
        let Some((body_start, mut end)) = direct.or(created) else {
            continue;
        };
        let mut body = cx.slice(body_start, end);
        // `某乡原党委`, `某县原县委`, `某县原扶贫办`: a tense word before the
        // body says when a post was held there; the body is the same one.
        if let Some(rest) = POST_TENSES
            .iter()
            .filter(|t| t.chars().count() == 1)
            .find_map(|t| body.strip_prefix(*t))
            .filter(|rest| {
                rest.chars().count() >= 2
                    && (AGENCY_SUFFIXES.contains(rest)
                        || body.starts_with('原')
                            && AGENCY_SUFFIXES.iter().any(|s| rest.ends_with(s)))
            })
        {
            // The place's level word repeated (`某县原县委`) is the place's own.
            let level = a.div.name.chars().last();
            body = match rest.strip_prefix(|c| Some(c) == level) {
                Some(r) if AGENCY_SUFFIXES.contains(&r) => r.to_string(),
                _ => rest.to_string(),
            };
        }
        // An autonomous place's level written again before its body
        // (`某某自治区自治区党委`) is the place's own.
        if let Some(level) = ["自治区", "自治州", "自治县"]
            .iter()
            .find(|l| a.div.name.ends_with(*l))
            && let Some(rest) = body.strip_prefix(level)
            && AGENCY_SUFFIXES.contains(&rest)
        {
            body = rest.to_string();
        }
        // A hall (`某地某中心展览厅`, `服务大厅`) is a room, not a body; only the
        // general office (`办公厅`) is one.
        if body.ends_with('厅')
            && NOT_AGENCY_END
                .iter()
                .any(|w| w.ends_with('厅') && *w != "办公厅" && body.ends_with(w))
        {
            continue;
        }
        // A committee of mediators or arbitrators (`某市某某人民调解委员会`,
        // `某市仲裁委员会`) is a public institution, not a government body: the
        // organisations' pass names it.
        if ["调解委员会", "仲裁委员会"]
            .iter()
            .any(|w| body.ends_with(w))
        {
            continue;
        }
        // Nor is a clause that ends in an ordinary word like an office's
        // (`某省要增强大局`, `某省加快打造新发展格局`).
        if NOT_AGENCY_END
            .iter()
            .any(|w| !w.ends_with('厅') && body.ends_with(w))
        {
            continue;
        }
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
        // Where the body's own name ends when a unit of it follows
        // (`某县公安局` of `某县公安局禁毒大队`).
        let mut unit_of = None;
        if let Some((ext_end, ext, host)) = extension_after(cx, end, &a.div) {
            extension = ext;
            if host.is_none()
                && cx
                    .chars
                    .get(end.wrapping_sub(1))
                    .is_some_and(|&c| "局厅".contains(c))
            {
                unit_of = Some(end);
            }
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
        } else if created.is_some() {
            (format!("{}{}", cx.slice(a.start, a.end), body), end)
        } else {
            (cx.slice(a.start, end), end)
        };
        let (mut canon_body, mut variants) = body_variants(&body);
        // `某某特区政府`: 特区 repeats the region's own level word; the body is
        // the region's government (`某某特别行政区政府`).
        if a.div.name.ends_with("特别行政区")
            && let Some(rest) = canon_body.strip_prefix("特区").map(str::to_string)
            && !rest.is_empty()
        {
            variants.push(rest.clone());
            canon_body = rest;
        }
        // A province's police (`某省警方`, `某省公安机关`) is its department; a
        // municipality's is a bureau.
        if canon_body == "公安局"
            && body != "公安局"
            && a.div.level == crate::model::Level::Province
            && !a.div.name.ends_with('市')
        {
            canon_body = "公安厅".to_string();
        }
        // A unit of a bureau (`某县公安局禁毒大队`, `某市公安局某某分局`) is
        // named by both; the bureau is a body of its own that readers look for.
        if let Some(body_end) = unit_of
            && !a.anaphoric
            && created.is_none()
            && shared.is_none()
        {
            let text = cx.slice(a.start, body_end);
            let name = format!("{}{canon_body}", a.div.name);
            let mut aliases = vec![text.clone(), name.clone()];
            aliases.extend(variants.iter().map(|v| format!("{}{v}", a.div.name)));
            aliases.sort();
            aliases.dedup();
            new.push(Mention {
                ty: EntityType::Agency,
                span: Span::new(a.start, body_end),
                text,
                key: format!("{}/{canon_body}", a.div.key),
                name,
                aliases,
                class: None,
                div: Some(a.div.clone()),
                role: None,
                rule: "agency:host",
                anaphoric: false,
            });
        }
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
            span: Span::new(
                if created.is_some() {
                    body_start
                } else {
                    a.start
                },
                span_end,
            ),
            text,
            key,
            name: format!("{}{}", a.div.name, canon_body),
            aliases,
            class,
            div: Some(a.div.clone()),
            role: None,
            rule: if a.anaphoric {
                "agency:anaphora"
            } else if created.is_some() {
                "agency:created"
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
    // `中共某省委`: the Party's name before a committee is one more way of
    // writing it.
    for m in &mut kept {
        if cx.ends_with_at(m.span.start, "中共") {
            for form in [format!("中共{}", m.text), format!("中共{}", m.name)] {
                if !m.aliases.contains(&form) {
                    m.aliases.push(form);
                }
            }
        }
    }
    cx.mentions.extend(kept);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// The body a place sets up (`设立`, `组建`, `成立了`) right after the place:
/// its start and end. Only a body with a field before its suffix counts
/// (`行政审批局`), so that a bare `中心` or `办` after the verb is no body.
/// Where a body's own name starts after a count of the places listed before
/// it (`甲、乙、丙三省纪委`: each province's 纪委): past the count and its level
/// words, when a body's name is left.
fn after_count(cx: &Cx, start: usize, end: usize) -> usize {
    let mut q = start;
    while q < end && super::tagged::is_numeral(cx.chars[q]) {
        q += 1;
    }
    if q == start {
        return start;
    }
    let levels = (q..end)
        .take_while(|&k| "省市区县地个".contains(cx.chars[k]))
        .count();
    if levels == 0 || q + levels + 2 > end {
        return start;
    }
    q + levels
}

fn created_body(cx: &Cx, at: usize) -> Option<(usize, usize)> {
    let verb = CREATION_VERBS.iter().find(|v| cx.starts_with(at, v))?;
    let mut s = at + verb.chars().count();
    if cx.chars.get(s) == Some(&'了') {
        s += 1;
    }
    let e = match_body(cx, s)?;
    let body = cx.slice(s, e);
    let core_len = AGENCY_SUFFIXES
        .iter()
        .find(|x| body.ends_with(*x))
        .map_or(0, |x| e - s - x.chars().count());
    // `建立了省内首家某某中心`: a count or a scope before the body makes it a
    // description, not a name.
    let described = ["首", "一家", "一个", "内"]
        .iter()
        .any(|w| body.chars().take(core_len).collect::<String>().contains(w));
    (core_len >= 2 && !described && !NOT_AGENCY_END.iter().any(|w| body.ends_with(w)))
        .then_some((s, e))
}

/// `某省党委、政府和纪委`, `某市党委政府`: bodies every level has, listed after
/// one place's body with the place left out, are that place's.
fn listed_bodies(cx: &Cx, anchors: &[Anchor], mut end: usize, div: &DivInfo) -> Vec<Mention> {
    let mut out = Vec::new();
    // `省委省政府`, `市委、市政府`: the division's level word may open the next
    // body again, with or without a mark between.
    let level = div.name.chars().last().filter(|c| "省市县区".contains(*c));
    loop {
        let mark = cx.chars.get(end).is_some_and(|&c| "、和与及".contains(c));
        let after_mark = end + usize::from(mark);
        let repeated = level.is_some() && cx.chars.get(after_mark) == level.as_ref();
        // `某市党委政府`: the government follows the Party committee with
        // nothing between, as one phrase names the two.
        let paired = !mark
            && end >= 2
            && cx.slice(end - 2, end) == "党委"
            && (cx.starts_with(end, "政府") || cx.starts_with(end, "人民政府"));
        if !mark && !repeated && !paired {
            break;
        }
        let (start, at) = (after_mark, after_mark + usize::from(repeated));
        if anchors.iter().any(|b| b.start == at || b.start == start) {
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
            span: Span::new(start, e),
            text: cx.slice(start, e),
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
    fn a_governments_general_office_is_one_body() {
        let ex = run("衡阳以市政府办公厅的名义印发方案，湘潭县政府办发出通知。");
        let mut agencies: Vec<String> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.text.clone())
            .collect();
        agencies.sort();
        assert_eq!(agencies, ["市政府办公厅", "湘潭县政府办"]);
    }

    #[test]
    fn a_ministry_by_its_short_field_and_a_commission_by_its_short_form() {
        assert_eq!(
            agencies("根据中宣部、环保部、卫生计生委要求。"),
            ["中宣部", "环保部", "卫生计生委"]
        );
        // Environmental departments in general are no ministry.
        assert!(agencies("各地环保部门加强监管。").is_empty());
    }

    #[test]
    fn a_bureau_is_named_beside_its_unit() {
        assert_eq!(
            agencies("湖南省华容县公安局禁毒大队民警出警。"),
            ["华容县公安局禁毒大队", "华容县公安局"]
        );
        // A government's general office is the government's.
        assert_eq!(agencies("湘潭县政府办发出通知。").len(), 1);
    }

    #[test]
    fn a_members_post_ends_no_body() {
        assert!(agencies("他任重庆市总工会副委员长。").is_empty());
        assert!(agencies("吉林委员代表发言。").is_empty());
        assert_eq!(agencies("吉林省委员会召开会议。"), ["吉林省委员会"]);
    }

    #[test]
    fn places_listed_before_one_body_each_name_it() {
        let mut found = agencies("会上，河北、黑龙江、河南省政府负责人发言。");
        found.sort();
        assert_eq!(found, ["河北省政府", "河南省政府", "黑龙江省政府"]);
        // A count of the places is no part of the body's name.
        let mut found = agencies("会上，江苏、四川、云南三省纪委书记发言。");
        found.sort();
        assert_eq!(
            found,
            ["云南省纪委监委", "四川省纪委监委", "江苏省纪委监委"]
        );
        // So is a count of places of any level (`三地`).
        let mut found = agencies("上海、江苏、浙江三地人大常委会通过决定。");
        found.sort();
        assert_eq!(
            found,
            ["上海市人大常委会", "江苏省人大常委会", "浙江省人大常委会"]
        );
        // A conjunction closes the list: the place after it and the body are
        // items of their own, and no body opens with the conjunction.
        let mut found = agencies("江苏省、河南省和深圳市党委负责人发言。");
        found.sort();
        assert_eq!(found, ["江苏省党委", "河南省党委", "深圳市党委"]);
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
        // The Party committee and the government named as one phrase.
        let mut found = agencies("嘉兴市党委政府高度重视。");
        found.sort();
        assert_eq!(found, ["嘉兴市党委", "嘉兴市政府"]);
    }

    #[test]
    fn a_special_regions_government_by_its_short_form() {
        assert_eq!(agencies("香港特区政府发布公告。"), ["香港特别行政区政府"]);
        // The bare level word, once the article has named the region.
        assert_eq!(
            agencies("在澳门，特区政府高度重视。"),
            ["澳门特别行政区政府"]
        );
        assert_eq!(
            agencies("香港各界支持特区政府依法施政。"),
            ["香港特别行政区政府"]
        );
    }

    #[test]
    fn a_cut_word_that_opens_a_known_name_is_kept() {
        let orgs: Vec<String> = run("中国代表在联合国人权理事会发言。")
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Organization)
            .map(|m| m.name.clone())
            .collect();
        assert_eq!(orgs, ["联合国人权理事会"]);
    }

    #[test]
    fn an_attached_school_or_hospital_is_named_with_its_parent() {
        let orgs: Vec<String> = run("甲乙医科大学附属第一医院的医生赶到。")
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Organization)
            .map(|m| m.name.clone())
            .collect();
        assert_eq!(orgs, ["甲乙医科大学附属第一医院"]);
    }

    #[test]
    fn a_clause_ending_like_an_office_is_no_body() {
        assert!(agencies("四川要增强大局意识，牢固树立上游意识。").is_empty());
        assert!(agencies("广东省加快打造新发展格局的战略支点。").is_empty());
        // Nor is a clause with a person's act or a preposition in it.
        assert!(agencies("他在湖州市主持召开乡镇人大工作座谈会。").is_empty());
        assert_eq!(
            agencies("香港记者向中央人民政府驻港联络办公室申请。"),
            ["中央人民政府驻港联络办公室"]
        );
        assert!(agencies("他考察了北京冬奥会筹办工作。").is_empty());
    }

    /// The names of the agencies found in `text`, for the tests of every submodule.
    pub(super) fn agencies(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn short_forms_of_headquarters_and_offices_are_bodies() {
        assert_eq!(
            agencies("广东省防总启动应急响应，喀什地区行署召开会议，武定县督导组进驻。"),
            ["广东省防总", "喀什地区行署", "武定县督导组"]
        );
    }

    #[test]
    fn a_clause_between_a_place_and_a_suffix_names_no_body() {
        // A word that never sits inside a name, or a post before a conjunction.
        assert!(
            agencies("河北省会同有关部门办公室")
                .iter()
                .all(|a| !a.contains("会同"))
        );
        assert!(
            agencies("某区区长和市场监管局")
                .iter()
                .all(|a| !a.contains("区长"))
        );
        // A commission's general office is a body of its own.
        assert_eq!(
            agencies("浙江省委全面深化改革委员会办公室印发方案。"),
            ["浙江省委全面深化改革委员会办公室"]
        );
        // The fields of organising and joint work do sit inside names.
        assert_eq!(agencies("中共中央组织部发布通知。"), ["中共中央组织部"]);
    }

    #[test]
    fn a_body_a_place_sets_up_is_that_places() {
        assert_eq!(
            agencies("其中，南湖区设立行政审批局，集中审批职责。"),
            ["南湖区行政审批局"]
        );
        // A description before the body is no name.
        assert!(
            agencies("今年，嘉兴建立了省内首家公共资源交易中心。")
                .iter()
                .all(|a| !a.contains("首家"))
        );
    }

    #[test]
    fn a_tense_word_before_a_body_is_left_out() {
        assert_eq!(agencies("嘉善县原党委书记到场。"), ["嘉善县党委"]);
        assert_eq!(agencies("嘉善县原扶贫办主任到场。"), ["嘉善县扶贫办"]);
        assert_eq!(agencies("嘉善县原县委书记到场。"), ["嘉善县委"]);
        // An autonomous region's level written again is its own.
        assert_eq!(
            agencies("新疆维吾尔自治区自治区党委召开会议。"),
            ["新疆维吾尔自治区党委"]
        );
        // 前 of a name is no tense (`某地前海管理局`).
        assert_eq!(agencies("深圳前海管理局发布通知。"), ["深圳市前海管理局"]);
    }

    #[test]
    fn a_situation_is_no_bureau() {
        assert!(agencies("某某特别行政区当前局势十分严峻。").is_empty());
        assert!(agencies("嘉兴市当前局面总体平稳。").is_empty());
    }

    #[test]
    fn a_party_committees_standing_committee_and_commissions() {
        assert_eq!(agencies("中共嘉兴市委常委会召开会议。"), ["嘉兴市委常委会"]);
        assert_eq!(
            agencies("嘉兴市委某某工作委员会成立。"),
            ["嘉兴市委某某工作委员会"]
        );
        // A post after the committee is no commission.
        assert_eq!(agencies("嘉兴市委书记说。"), ["嘉兴市委"]);
        // The Party's name before it is one more way of writing it.
        let ex = run("中共嘉兴市委常委会召开会议。");
        let m = ex
            .mentions
            .iter()
            .find(|m| m.ty == EntityType::Agency)
            .unwrap();
        assert!(
            m.aliases.contains(&"中共嘉兴市委常委会".to_string()),
            "{m:?}"
        );
    }

    #[test]
    fn observatories_and_affairs_centres_are_bodies() {
        assert_eq!(agencies("嘉兴市气象台发布预警。"), ["嘉兴市气象台"]);
        assert_eq!(
            agencies("嘉兴市不动产登记事务中心工作人员说。"),
            ["嘉兴市不动产登记事务中心"]
        );
    }

    #[test]
    fn housing_fund_medical_insurance_and_public_opinion_centres_are_bodies() {
        assert_eq!(
            agencies("嘉兴市住房公积金管理中心发布数据。海宁市医保中心工作人员说。"),
            ["嘉兴市住房公积金管理中心", "海宁市医保中心"]
        );
        assert_eq!(
            agencies("兰考县社情民意服务中心接到电话。"),
            ["兰考县社情民意服务中心"]
        );
        assert_eq!(
            agencies("海宁市许村镇为民服务中心很忙。"),
            ["许村镇为民服务中心"]
        );
    }
}
