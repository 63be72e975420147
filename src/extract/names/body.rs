//! The body grammar of agencies: a core and a suffix from the lexicon
//! (`match_body`), the written variants of one body and its canonical form
//! (`body_variants`), which bodies are Party bodies, and the brackets a body's name
//! may hold. Every pass that names a government body shares it, so that a body is
//! read the same way whoever finds it.

use crate::extract::lexicon::{
    ACTS_AFTER_NAME, AGENCY_CENTRE_CORES, AGENCY_SUFFIXES, BODY_VARIANTS, CREATION_VERBS,
    GENERIC_PREFIXES, INNER_CUTS, MINISTRY_CORES, NATIONAL_VARIANTS, PARTY_DEPARTMENTS, POSTS,
    SPEECH_VERBS, TASK_GROUPS,
};
use crate::extract::{Cx, is_han, is_stop};
use crate::model::EntityType;

/// The closing bracket of an opening one, for the bracketed parts of names
/// (`某市开发区(某某街道)`, `纪委(监察办)`).
pub(super) fn opening(c: char) -> Option<char> {
    match c {
        '(' => Some(')'),
        '（' => Some('）'),
        _ => None,
    }
}

/// The canonical form of an agency body and all its written variants.
pub(in crate::extract) fn body_variants(body: &str) -> (String, Vec<String>) {
    // A central body's forms match whole (`党中央`), never as an ending, and
    // its term is no part of its name (`全国政协十四届常委会`).
    let termless = without_term(body);
    if let Some(row) = NATIONAL_VARIANTS
        .iter()
        .find(|r| r.contains(&termless.as_str()))
    {
        return (
            row[0].to_string(),
            row.iter().map(|w| w.to_string()).collect(),
        );
    }
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

/// A body's name without the term written inside it (`第十四届`, `十四届`).
fn without_term(body: &str) -> String {
    let chars: Vec<char> = body.chars().collect();
    (0..chars.len())
        .find_map(|k| super::super::national::levels::term_len(&chars[k..]).map(|len| (k, k + len)))
        .map_or_else(
            || body.to_string(),
            |(s, e)| chars[..s].iter().chain(&chars[e..]).collect(),
        )
}

/// Matches an agency body at `p`: a core of at most 10 Han characters and a suffix.
/// Returns the end and the body text.
pub(in crate::extract) fn match_body(cx: &Cx, p: usize) -> Option<usize> {
    // A conjunction right after the place joins it to others (`某省和有关部门`,
    // `某州和县公安局`): what follows is no body of that place's. A place
    // that opens with the character (`和平区`) is a mention of its own.
    if cx.chars.get(p).is_some_and(|c| "和与及或".contains(*c))
        && cx.covering(p, &[EntityType::Division]).is_none()
    {
        return None;
    }
    for core_len in 0..=10 {
        if core_len > 0 {
            let c = *cx.chars.get(p + core_len - 1)?;
            // 为 of `为民` (`某镇为民服务中心`) is a word's, not a clause's,
            // and so is 全 ending a noun of the segmenter's that starts in
            // the core (`安全` of `某市安全生产监管局`).
            let for_people = c == '为' && cx.starts_with(p + core_len - 1, "为民");
            let in_word = c == '全'
                && cx.word_across(p + core_len - 1).is_some_and(|t| {
                    t.start >= p && !t.function && t.pos != crate::segment::Pos::Verb
                });
            if !is_han(c) || is_stop(c) && !for_people && !in_word {
                return None;
            }
            // A conjunction before a name the segmenter reads as an
            // organisation's joins two bodies (`某军区和武警某总队`), not two
            // fields of one (`住房和城乡建设局`).
            if "和与及".contains(c) && {
                let tokens = cx.tokens();
                tokens
                    .binary_search_by_key(&(p + core_len), |t| t.start)
                    .is_ok_and(|k| tokens[k].pos == crate::segment::Pos::Organization)
            } {
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
        // `某区设立某某局`: a clause between the place and the body, which the
        // place does not name.
        if GENERIC_PREFIXES.iter().any(|g| core.starts_with(g))
            || CREATION_VERBS.iter().any(|v| core.starts_with(v))
        {
            return None;
        }
        // `省内首家某某中心`: a rank among its kind describes a body, it does
        // not name one.
        if ["首家", "首个", "首批"].iter().any(|w| core.contains(w)) {
            return None;
        }
        // An office inside a company (`某某有限公司办公室`) is no government body.
        if ["公司", "银行", "集团", "协会", "商会", "大学", "学院"]
            .iter()
            .any(|w| core.contains(w))
        {
            return None;
        }
        // `某会副委员长`, `某地委员代表`: a member's post starts here, and no
        // body's name runs on past it.
        if cx.starts_with(p + core_len, "委员") && !cx.starts_with(p + core_len, "委员会") {
            return None;
        }
        for &suffix in AGENCY_SUFFIXES.iter() {
            if !cx.starts_with(p + core_len, suffix) {
                continue;
            }
            // `区委宣传部`, `县委政法委`: a party department after the committee's
            // short form is the body meant, and after its full one too
            // (`某自治区党委宣传部`).
            if (suffix == "委" || suffix == "党委") && core_len == 0 {
                let at = p + suffix.chars().count();
                if let Some(d) = PARTY_DEPARTMENTS
                    .iter()
                    .find(|d| cx.starts_with(at, &format!("{d}部")))
                {
                    return Some(at + d.chars().count() + 1);
                }
                if cx.starts_with(at, "政法委") {
                    return Some(at + 3);
                }
                if let Some(e) = party_office_end(cx, at) {
                    return Some(e);
                }
                // `某省委常委会`: the committee's standing committee; `某省委某某
                // 工作委员会`: one of its commissions.
                if cx.starts_with(at, "常委会") {
                    return Some(at + 3);
                }
                if let Some(e) = (at + 2..=(at + 10).min(cx.chars.len().saturating_sub(3)))
                    .take_while(|&k| is_han(cx.chars[k - 1]) && !is_stop(cx.chars[k - 1]))
                    .find(|&k| cx.starts_with(k, "委员会"))
                    && !clause_in_core(cx, at, e)
                {
                    return Some(e + 3);
                }
            }
            let ok = match suffix {
                "中心" => AGENCY_CENTRE_CORES.iter().any(|c| core.ends_with(c)),
                "部" => PARTY_DEPARTMENTS.iter().any(|c| core.ends_with(c)),
                // `某市住房和城乡建设委`: a field of government may be longer.
                // `某某医院政委` is a post: the political commissar.
                "委" => {
                    !core.ends_with('政')
                        && (core_len <= 4 || MINISTRY_CORES.contains(&core.as_str()))
                }
                "办" => (1..=4).contains(&core_len),
                "部门" => core_len >= 2,
                // `某某人大代表` is a deputy, not the congress.
                "人大" => !cx.starts_with(p + core_len + 2, "代表"),
                // `局势`, `局面`: a situation, not a bureau.
                "局" if cx
                    .chars
                    .get(p + core_len + 1)
                    .is_some_and(|c| "势面限".contains(*c)) =>
                {
                    false
                }
                "局" | "厅" | "分局" => core_len >= 1,
                // A task group is named by its task (`某市某某工作领导小组`), not by
                // a count or a verb of sending (`两级`, `派出`).
                s if TASK_GROUPS.contains(&s) => task_named(&core),
                _ => true,
            };
            if !ok {
                continue;
            }
            // A clause is no core: a person's act or words (`某市主持召开…人大`,
            // `某地局势表明…政府`) or a preposition (`某地记者向…政府`).
            if core_len >= 2 && clause_in_core(cx, p, p + core_len) {
                return None;
            }
            // `委` followed by `员会` is the longer suffix, handled by its own entry.
            let e = p + core_len + suffix.chars().count();
            // A task group's office (`某某领导小组办公室`) is the office.
            if TASK_GROUPS.contains(&suffix) && cx.starts_with(e, "办公室") {
                return Some(e + 3);
            }
            return Some(e);
        }
    }
    None
}

/// The end of one of a Party committee's offices named by its work and `办`
/// right after the committee's short form (`某市委农办`, `某县委网信办`,
/// `某区委军民融合办`). The office ends a word of the segmenter's; a frequent
/// word it ends is a verb (`主办`, `督办`, `承办`), and so is a clause
/// (`某市委要求办`).
fn party_office_end(cx: &Cx, at: usize) -> Option<usize> {
    let k = (at + 1..=(at + 5).min(cx.chars.len().saturating_sub(1)))
        .take_while(|&k| is_han(cx.chars[k - 1]) && !is_stop(cx.chars[k - 1]))
        .find(|&k| cx.chars[k] == '办')?;
    if cx.chars.get(k + 1).is_some_and(|c| "公理法事".contains(*c)) || clause_in_core(cx, at, k)
    {
        return None;
    }
    let tokens = cx.tokens();
    let t = &tokens[tokens.binary_search_by_key(&(k + 1), |t| t.end).ok()?];
    let verb = t.end - t.start >= 2 && crate::segment::frequency(&cx.slice(t.start, t.end)) >= 50;
    (t.start >= at && !verb).then_some(k + 1)
}

/// Whether a task group's core names a task: two characters or more, with no
/// count (`两个`, `两级`) and no verb of sending (`派出`).
pub(in crate::extract) fn task_named(core: &str) -> bool {
    core.chars().count() >= 2 && !core.contains(['两', '个', '派', '各', '级'])
}

/// Whether the core `s..e` holds a clause rather than a field of government: a
/// verb that people, not bodies, do (`主持`, `表明`, `筹办`), a function word
/// other than the conjunctions that join fields (`住房和城乡建设`), or a count.
fn clause_in_core(cx: &Cx, s: usize, e: usize) -> bool {
    let core = cx.slice(s, e);
    // So is a word that never sits inside a name (`某省会同某某办公室`,
    // `某省委成立某某委员会`), but the fields of organising and joint work
    // (`组织部`, `联合指挥部`), and a person's post before a conjunction
    // (`某区区长和某局`).
    let post_then_and = POSTS.iter().any(|w| {
        w.chars().count() >= 2
            && core
                .find(w)
                .is_some_and(|at| core[at + w.len()..].contains(['和', '与', '及']))
    });
    // A count of bodies, times or countries (`几十家`, `第一次`, `两国`), a rank
    // (`省级政府`) and the bodies of every term (`历届`) are no field.
    let c: Vec<char> = core.chars().collect();
    let counted = core.contains("历届")
        || ["省", "市", "县", "区", "乡", "镇", "地", "村"]
            .iter()
            .any(|l| core == format!("{l}级"))
        || c.windows(2).any(|w| {
            (w[0].is_ascii_digit() || "一二两三四五六七八九十百几多".contains(w[0]))
                && "家次批个国".contains(w[1])
        });
    post_then_and
        || counted
        || ACTS_AFTER_NAME
            .iter()
            .chain(SPEECH_VERBS.iter())
            .chain(INNER_CUTS.iter().filter(|w| !["组织", "联合"].contains(w)))
            .any(|w| w.chars().count() >= 2 && core.contains(w))
        || cx
            .tokens()
            .iter()
            .filter(|t| t.start >= s && t.end <= e && t.function)
            .any(|t| !"和与及".contains(&cx.slice(t.start, t.end)) || level_after(cx, t.end))
        // A region's own government written after other words (`某地中小企业感谢
        // 特区政府`, `两个特区政府`) is named by 特区, not by the place before.
        || cx
            .tokens()
            .iter()
            .any(|t| t.start > s && t.start < e && cx.slice(t.start, t.end).starts_with("特区"))
}

/// Whether a level word opens the word after a conjunction in a core
/// (`某地当前形势和特区政府`, `…和市政府`): the body after it is that level's
/// own, named apart from what comes before. Fields joined by 和 open with a
/// field (`住房和城乡建设`, `工商和市场监管`).
fn level_after(cx: &Cx, at: usize) -> bool {
    crate::extract::trim::token_at(cx.tokens(), at).is_some_and(|t| {
        let word = cx.slice(t.start, t.end);
        ["省", "市", "县", "区", "州"].contains(&word.as_str()) || word.starts_with("特区")
    })
}

/// Whether a body is a Party body (committees, discipline inspection, Party
/// departments), which the graph gives a class of its own.
pub(super) fn is_party(body: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::tests::agencies;

    #[test]
    fn a_party_department_after_the_committees_short_form_is_the_body() {
        let found = agencies("西湖区委宣传部、区委组织部联合举办活动。");
        assert!(found.contains(&"西湖区委宣传部".to_string()), "{found:?}");
        assert!(found.contains(&"西湖区委组织部".to_string()), "{found:?}");
    }

    #[test]
    fn a_department_after_the_full_committee_a_stop_character_in_a_word_and_no_joined_bodies() {
        let found = agencies("新疆维吾尔自治区党委宣传部部长甘文亮出席。");
        assert!(
            found.contains(&"新疆维吾尔自治区党委宣传部".to_string()),
            "{found:?}"
        );
        let found = agencies("湖南省安全生产监督管理局局长甘文亮出席。");
        assert!(
            found.contains(&"湖南省安全生产监督管理局".to_string()),
            "{found:?}"
        );
        let found = agencies("新疆军区和武警新疆总队出动官兵。");
        assert!(!found.iter().any(|a| a.contains('和')), "{found:?}");
        let found = agencies("常州市住房和城乡建设局发布通知。");
        assert_eq!(found, ["常州市住建局"]);
    }

    #[test]
    fn a_count_or_every_term_in_the_core_names_no_body() {
        let found = agencies("常州市几十家办事机构进驻中心。厦门市历届市委坚持治理。");
        assert!(
            found
                .iter()
                .all(|a| !a.contains("几十家") && !a.contains("历届")),
            "{found:?}"
        );
        let found = agencies("推动市场准入和两国政府合作。一些省级政府出台措施。");
        assert!(found.is_empty(), "{found:?}");
        // A court's own rank is its name's.
        let found = agencies("湖北省咸宁市中级人民法院审理此案。");
        assert!(
            found.contains(&"咸宁市中级人民法院".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_political_commissar_is_no_committee() {
        let found = agencies("标题\n南京总医院政委王建国看望伤员。");
        assert!(found.iter().all(|a| !a.ends_with("政委")), "{found:?}");
    }

    #[test]
    fn a_centre_for_disease_control_is_a_places_agency() {
        let found = agencies("杭州市疾控中心发布健康提示。");
        assert!(found.contains(&"杭州市疾控中心".to_string()), "{found:?}");
    }

    #[test]
    fn a_townships_service_station_is_its_agency() {
        let found = agencies("渝水区南安乡畜牧兽医站违规收费。");
        assert!(found.contains(&"南安乡畜牧兽医站".to_string()), "{found:?}");
    }

    #[test]
    fn a_party_office_named_by_its_work_after_the_committees_short_form() {
        let found = agencies("西湖区委网信办、区委编办联合发文。");
        assert!(found.contains(&"西湖区委网信办".to_string()), "{found:?}");
        assert!(found.contains(&"西湖区委编办".to_string()), "{found:?}");
        // A verb that ends with 办 is no office.
        let found = agencies("西湖区委主办的活动，区委督办的事项。");
        assert!(!found.iter().any(|a| a.ends_with('办')), "{found:?}");
    }

    #[test]
    fn a_level_word_after_a_conjunction_starts_a_body_of_its_own() {
        let found = agencies("他介绍了香港当前形势和特区政府工作情况。");
        assert!(!found.iter().any(|a| a.contains("形势")), "{found:?}");
        let found = agencies("杭州市住房和城乡建设局表示。");
        // Fields joined by 和 stay one body (its canonical short form).
        assert_eq!(found, ["杭州市住建局"]);
        // A place joined to others is no body's (`某省和有关部门`).
        assert!(agencies("江苏省和有关部门要落实责任。").is_empty());
    }
}
