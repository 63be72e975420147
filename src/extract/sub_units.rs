//! Offices inside a named body, written right after it (`某部某某局`,
//! `某局森林公安局`, `某政府某某事务局`): one agency named by both. The body's
//! mention grows over the office, and a bare office the dictionary proposed
//! there (`某某局` without its body) goes, since it is that body's.
//!
//! Units of an institution written right after it (`某某大学新闻学院`, `某某
//! 党校函授学院`) are named by both as well; the institution keeps its own
//! mention, since it is a body of its own that readers look for.

use super::lexicon::{POSTS, SPEECH_VERBS, SUB_UNIT_ENDINGS};
use super::{Cx, is_han, is_stop};
use crate::model::{EntityType, Span};
use crate::segment::Pos;

/// Characters after an office's name that show the name has ended: a
/// function word or a conjunction before the next clause or body.
const AFTER_NAME: &str = "还也已将在对向于等和与及、，。；：！？）”";

/// Last words of an institution whose units are written after its name.
const INSTITUTIONS: [&str; 4] = ["大学", "科学院", "党校", "研究院"];

pub fn find(cx: &mut Cx) {
    units_of_institutions(cx);
    let mut grown: Vec<(usize, usize)> = Vec::new();
    for (i, a) in cx.mentions.iter().enumerate() {
        // A bureau named beside its unit (`agency:host`) keeps its own name.
        if a.ty != EntityType::Agency || a.anaphoric || a.rule == "agency:host" {
            continue;
        }
        if let Some(q) = office_after(cx, a.span.end) {
            grown.push((i, q));
        }
    }
    if grown.is_empty() {
        return;
    }
    let mut gone = vec![false; cx.mentions.len()];
    for &(i, q) in &grown {
        let e = cx.mentions[i].span.end;
        let tail = cx.slice(e, q);
        for (j, m) in cx.mentions.iter().enumerate() {
            if j != i && m.ty != EntityType::Division && m.span.start >= e && m.span.end <= q {
                gone[j] = true;
            }
        }
        let a = &mut cx.mentions[i];
        a.span = Span::new(a.span.start, q);
        a.text.push_str(&tail);
        a.name.push_str(&tail);
        a.key.push_str(&tail);
        for alias in &mut a.aliases {
            alias.push_str(&tail);
        }
    }
    let mut k = 0;
    cx.mentions.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

/// `某某大学新闻学院`, `某某大学第四医院`: an organisation written right after
/// an institution's name, with nothing between, is its unit and is named by
/// both. The unit's span stays its own words.
fn units_of_institutions(cx: &mut Cx) {
    let n = cx.mentions.len();
    for j in 0..n {
        let unit = &cx.mentions[j];
        if unit.ty != EntityType::Organization || unit.anaphoric {
            continue;
        }
        let Some(i) = (0..n).find(|&i| {
            let inst = &cx.mentions[i];
            i != j
                && inst.ty == EntityType::Organization
                && !inst.anaphoric
                && inst.span.end == unit.span.start
                && INSTITUTIONS.iter().any(|w| inst.name.ends_with(w))
        }) else {
            continue;
        };
        let inst_name = cx.mentions[i].name.clone();
        let inst_text = cx.slice(cx.mentions[i].span.start, cx.mentions[i].span.end);
        // The unit is where its institution is, unless its own words say more.
        let inst_div = cx.mentions[i].div.clone();
        let unit = &mut cx.mentions[j];
        if unit.div.is_none() {
            unit.div = inst_div;
        }
        let name = format!("{inst_name}{}", unit.name);
        let written = format!("{inst_text}{}", unit.text);
        unit.aliases.retain(|a| *a != unit.name);
        unit.aliases.push(written);
        unit.aliases.push(name.clone());
        unit.aliases.sort();
        unit.aliases.dedup();
        unit.key = crate::extract::names::normalise_name(&name);
        unit.name = name;
    }
}

/// The end of an office's name that starts at `e`, right after its body: two
/// characters or more of a name, then an office's ending (`局`, `司`, `中心`),
/// made of whole words of the segmenter's with no person or place among them,
/// and followed by what ends a name (a post, a verb of speech, a function word
/// or punctuation).
fn office_after(cx: &Cx, e: usize) -> Option<usize> {
    let tokens = cx.tokens();
    let n = cx.chars.len();
    if e >= n
        || !is_han(cx.chars[e])
        || is_stop(cx.chars[e])
        || "和及与".contains(cx.chars[e])
        || !tokens.iter().any(|t| t.start == e)
    {
        return None;
    }
    for q in e + 2..=(e + 10).min(n) {
        let c = cx.chars[q - 1];
        if !is_han(c) || is_stop(c) && c != '及' {
            return None;
        }
        let tail = cx.slice(e, q);
        let Some(ending) = SUB_UNIT_ENDINGS.iter().find(|w| tail.ends_with(*w)) else {
            continue;
        };
        // An office of three characters or more is named by its ending alone
        // (`某省委办公室`, `某省委中心组`); a shorter one needs a name before it.
        let len = ending.chars().count();
        if tail.chars().count() < len + 2 && len < 3 {
            continue;
        }
        let k = tokens.partition_point(|t| t.end <= e);
        let inside: Vec<_> = tokens[k..].iter().take_while(|t| t.end <= q).collect();
        let Some(last) = inside.last().filter(|t| t.end == q) else {
            continue;
        };
        // A two-character word that ends like an office is another word
        // (`大局`, `公司`); a place, a person, a verb between words (`紧紧围绕
        // 中心`), or a national body's opening word (`已商国家某局`) starts
        // another phrase or another body.
        let ordinary_end = last.end - last.start == 2 && ending.chars().count() == 1;
        if ordinary_end
            || ["国家", "中国", "中央", "全国", "国务院"]
                .iter()
                .any(|w| tail.contains(w))
            || cx
                .mentions
                .iter()
                .any(|m| m.ty == EntityType::Division && m.span.start < q && m.span.end > e)
            || inside.iter().any(|t| {
                matches!(t.pos, Pos::Person | Pos::ForeignPerson | Pos::Place)
                    || t.pos == Pos::Verb && inside.len() > 1 && t.end + len <= q
                    || t.function && cx.slice(t.start, t.end) != "及"
            })
        {
            return None;
        }
        let rest = cx.slice(q, (q + 4).min(n));
        let next_is_verb = tokens
            .get(k + inside.len())
            .is_some_and(|t| t.start == q && t.pos == Pos::Verb);
        let ends = q == n
            || rest.starts_with(|c: char| AFTER_NAME.contains(c))
            || POSTS.iter().any(|p| rest.starts_with(p))
            || SPEECH_VERBS.iter().any(|v| rest.starts_with(v))
            || ["负责人", "副", "主要负责", "正处", "正厅", "正局", "正科"]
                .iter()
                .any(|w| rest.starts_with(w))
            || next_is_verb && *ending != "中心";
        return ends.then_some(q);
    }
    None
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
    fn a_unit_after_its_institution_is_named_by_both() {
        let ex = run("青禾大学新闻学院院长说，学院将扩招。");
        let orgs: Vec<_> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Organization)
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(orgs, ["青禾大学", "青禾大学新闻学院"]);
    }

    #[test]
    fn a_research_bodys_joined_fields_are_its_name() {
        let ex = run("青禾大学金融与证券研究所所长说。德国国际关系和战略研究所副主任说。");
        let orgs: Vec<_> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Organization)
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(
            orgs,
            [
                "青禾大学",
                "青禾大学金融与证券研究所",
                "德国国际关系和战略研究所"
            ]
        );
    }

    #[test]
    fn a_procuratorates_branch_is_its_office() {
        assert_eq!(
            agencies("海宁市人民检察院第二分院正处级检察员孔岩被查。"),
            ["海宁市人民检察院第二分院"]
        );
    }

    #[test]
    fn a_committees_study_group_is_its_office() {
        assert_eq!(
            agencies("浙江省委中心组学习会议精神。甘肃省委理论学习中心组举行集体学习。"),
            ["浙江省委中心组", "甘肃省委理论学习中心组"]
        );
    }

    #[test]
    fn an_office_after_a_national_body_is_one_agency() {
        assert_eq!(agencies("工信部材料产业局负责人说，"), ["工信部材料产业局"]);
        assert_eq!(
            agencies("国家林业局森林公安局还派出了督导组。"),
            ["国家林业局森林公安局"]
        );
        // A verb inside the office's name is left alone: `保护中心` may as
        // well be a clause.
        assert_eq!(
            agencies("国家林业局湿地保护中心还派出了人。"),
            ["国家林业局"]
        );
    }

    #[test]
    fn a_body_and_the_next_one_joined_by_a_conjunction_stay_two() {
        assert_eq!(
            agencies("工信部和国家统计局发布数据。"),
            ["工信部", "国家统计局"]
        );
    }

    #[test]
    fn a_centre_before_an_ordinary_noun_is_no_office() {
        assert_eq!(agencies("商务部部署中心工作。"), ["商务部"]);
    }
}
