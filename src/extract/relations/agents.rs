//! launchedBy and participatesIn: who runs an initiative (the body whose
//! meeting passes it, the agent before a creation verb, the sentence's
//! subject, the paragraph's body, a place that launches through its innermost
//! division) and which companies and organisations use or join it.
//!
//! This module decides launchedBy for each initiative: its hosts, else the
//! meeting's body, else the strongest agent any of its mentions proposes, else
//! the paragraph's body or the section's locality. What one mention proposes
//! is `agents::subject`; participatesIn is `agents::participants`.

use super::super::{Cx, Object};
use super::hosts::{co_issuers, hosts, listed_agencies};
use crate::model::{EntityType, Predicate};

mod participants;
mod subject;

pub(super) use participants::participates_in;
use subject::{agent_of, before_post, is_agent, joined, launched_by_company};

pub(super) fn launched_by(cx: &mut Cx) {
    let body = cx.article.body_start;
    // Rules named by their count, and a Party congress's report, are the Party
    // centre's or a level's; the bodies that enforce or study them in a story
    // did not issue them. A route (`某某铁路`) is
    // built by many and runs through places that did not launch it; a region's
    // strategy (`某某协同发展`) is the country's, not its places'. A book is
    // its author's, and the bodies that publish or study it did not launch it.
    let mut keys: Vec<String> = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Initiative)
        .filter(|m| {
            ![
                "initiative:numbered-rules",
                "initiative:congress-report",
                "initiative:route",
                "initiative:strategy",
                "initiative:book",
            ]
            .contains(&m.rule)
        })
        .map(|m| m.key.clone())
        .collect();
    keys.sort();
    keys.dedup();
    let meeting = meeting_body(cx);
    for key in keys {
        cx.spend(cx.mentions.len());
        // Hosts introduced by 由 (`由某局和某协会主办的`) say outright who runs
        // it: each body or place among them launches it.
        let hosted = (0..cx.mentions.len())
            .filter(|&i| cx.mentions[i].ty == EntityType::Initiative && cx.mentions[i].key == key)
            .find_map(|i| {
                let agents: Vec<usize> = hosts(cx, i)
                    .into_iter()
                    .filter(|&j| is_agent(cx, j))
                    .collect();
                (!agents.is_empty()).then_some((i, agents))
            });
        if let Some((i, agents)) = hosted {
            for j in agents {
                cx.relate(
                    i,
                    Predicate::LaunchedBy,
                    Object::Mention(j),
                    "launchedBy:host",
                );
            }
            continue;
        }
        // What a meeting passes (`会议审议通过《某某条例》`) is the meeting's
        // body's, whoever else the sentence names.
        if let Some(b) = meeting
            && let Some(i) = (0..cx.mentions.len()).find(|&i| {
                cx.mentions[i].ty == EntityType::Initiative
                    && cx.mentions[i].key == key
                    && passed_at_meeting(cx, cx.mentions[i].span.start)
                    && !inside_initiative(cx, i)
            })
        {
            cx.relate(
                i,
                Predicate::LaunchedBy,
                Object::Mention(b),
                "launchedBy:meeting",
            );
            continue;
        }
        // Every body mention of the initiative proposes an agent; the strongest rule
        // wins, earlier mentions breaking ties. Headlines state no agents.
        let best = (0..cx.mentions.len())
            .filter(|&i| cx.mentions[i].ty == EntityType::Initiative && cx.mentions[i].key == key)
            .filter_map(|i| agent_of(cx, i).map(|(j, pri, rule)| (pri, i, j, rule)))
            .min_by_key(|&(pri, i, _, _)| (pri, i));
        if let Some((_, i, j, rule)) = best {
            cx.relate(i, Predicate::LaunchedBy, Object::Mention(j), rule);
            // Joint issuers (`《某中央 某院关于…》`) each launch it.
            if rule == "launchedBy:name-prefix" {
                for k in co_issuers(cx, i, j) {
                    cx.relate(i, Predicate::LaunchedBy, Object::Mention(k), rule);
                }
            }
            // So do bodies listed with the subject (`某办、某办印发`, `某局和某局
            //联合出台`).
            if matches!(
                rule,
                "launchedBy:sentence-subject" | "launchedBy:headline" | "launchedBy:x-verb-de-y"
            ) {
                for k in listed_agencies(cx, j, cx.mentions[i].span.start) {
                    cx.relate(i, Predicate::LaunchedBy, Object::Mention(k), rule);
                }
            }
            continue;
        }
        // A law named in running text is mostly cited, not made, in the
        // paragraph, and an event is mostly attended or reported on there (a
        // ministry briefs on a summit it does not host): only the rules above
        // say who made them.
        if cx
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Initiative && m.key == key)
            .all(|m| {
                matches!(
                    m.rule,
                    "initiative:named-law" | "initiative:campaign-head" | "initiative:event"
                )
            })
        {
            continue;
        }
        let by_company = (0..cx.mentions.len())
            .filter(|&i| cx.mentions[i].ty == EntityType::Initiative && cx.mentions[i].key == key)
            .any(|i| launched_by_company(cx, i));
        if by_company {
            continue;
        }
        // 5. The body named last before the initiative in its paragraph: the
        // paragraph is usually about what that body does.
        let in_paragraph = (0..cx.mentions.len())
            .filter(|&i| {
                cx.mentions[i].ty == EntityType::Initiative
                    && cx.mentions[i].key == key
                    && cx.mentions[i].span.start >= body
                    && !inside_initiative(cx, i)
                    && !joined(cx, cx.mentions[i].span.start)
            })
            .find_map(|i| {
                let para = cx.paragraph_start(cx.mentions[i].span.start);
                (0..cx.mentions.len())
                    .filter(|&j| {
                        let m = &cx.mentions[j];
                        m.ty == EntityType::Agency
                            && is_agent(cx, j)
                            && m.span.start >= para
                            && m.span.end <= cx.mentions[i].span.start
                            && !before_post(cx, m)
                            && !inside_initiative(cx, j)
                    })
                    .max_by_key(|&j| cx.mentions[j].span.end)
                    .map(|j| (i, j))
            });
        if let Some((i, j)) = in_paragraph {
            let j = resolve_anaphor(cx, j).unwrap_or(j);
            cx.relate(
                i,
                Predicate::LaunchedBy,
                Object::Mention(j),
                "launchedBy:paragraph-body",
            );
            continue;
        }
        // 6. The article's locality, when the article is a county's section.
        let first = (0..cx.mentions.len()).find(|&i| {
            cx.mentions[i].ty == EntityType::Initiative
                && cx.mentions[i].key == key
                && cx.mentions[i].span.start >= body
        });
        if let (Some(i), Some(loc)) = (first, cx.locality.clone().filter(|l| l.level.depth() == 2))
            && cx.article.section_place.is_some()
        {
            cx.relate(
                i,
                Predicate::LaunchedBy,
                Object::Division(loc),
                "launchedBy:section-locality",
            );
        }
    }
}

/// The body whose meeting the article reports: the first body named right
/// before its meeting (`某院常务会议`, `某常委会第四次会议`, `第七十次委员长会议`).
fn meeting_body(cx: &Cx) -> Option<usize> {
    const MEETINGS: [&str; 4] = ["常务会议", "全体会议", "委员长会议", "会议"];
    (0..cx.mentions.len()).find(|&j| {
        let m = &cx.mentions[j];
        let e = m.span.end;
        let e = super::super::events::ordinal_end(cx, e).unwrap_or(e);
        m.ty == EntityType::Agency && MEETINGS.iter().any(|w| cx.starts_with(e, w))
    })
}

/// Whether the sentence holding `at` opens with the meeting passing something
/// before `at` (`会议审议通过`, `会议表决通过了`, `会议批准`).
fn passed_at_meeting(cx: &Cx, at: usize) -> bool {
    let s = cx.sentence_start(at);
    // Another body passing it (`会议指出，落实某常委会通过的某某法`) is no
    // act of the meeting's.
    cx.starts_with(s, "会议")
        && (s + 2..at).any(|k| {
            (cx.starts_with(k, "通过") || cx.starts_with(k, "批准"))
                && cx.chars.get(k + 2) != Some(&'的')
                && !cx
                    .mentions
                    .iter()
                    .any(|m| m.ty == EntityType::Agency && m.span.start > s + 2 && m.span.end <= k)
        })
}

/// Whether mention `j` lies inside an initiative's name (`关于授权某院…的决定`):
/// a body named there is what the initiative is about, not who runs another.
fn inside_initiative(cx: &Cx, j: usize) -> bool {
    let m = &cx.mentions[j];
    cx.mentions.iter().enumerate().any(|(k, o)| {
        k != j
            && o.ty == EntityType::Initiative
            && o.span.start <= m.span.start
            && m.span.end <= o.span.end
            && o.span != m.span
    })
}

/// The named mention an anaphoric one (该平台) stands for: the first mention with
/// the same type and key. A named mention stands for itself.
fn resolve_anaphor(cx: &Cx, j: usize) -> Option<usize> {
    cx.spend(cx.mentions.len());
    let m = &cx.mentions[j];
    if !m.anaphoric {
        return Some(j);
    }
    cx.mentions
        .iter()
        .position(|o| !o.anaphoric && o.ty == m.ty && o.key == m.key)
}

#[cfg(test)]
mod tests {
    use crate::extract::Object;
    use crate::extract::tests::run;
    use crate::model::Predicate;

    fn launchers(text: &str) -> Vec<(String, String)> {
        let ex = run(text);
        let mut by: Vec<(String, String)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LaunchedBy)
            .map(|r| {
                let object = match &r.object {
                    Object::Mention(o) => ex.mentions[*o].name.clone(),
                    Object::Division(d) => d.name.clone(),
                };
                (ex.mentions[r.subject].name.clone(), object)
            })
            .collect();
        by.sort();
        by
    }

    #[test]
    fn a_body_the_article_names_opens_the_name_of_what_it_launched() {
        let found = launchers("国务院日前召开会议。教育部要求各地落实国务院甲乙丙丁行动计划。");
        assert!(
            found.contains(&("国务院甲乙丙丁行动计划".into(), "国务院".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_leading_group_named_after_a_campaign_runs_it() {
        let found =
            launchers("中央“青禾先锋”主题教育领导小组印发通知。各地深入开展“青禾先锋”主题教育。");
        assert!(
            found.contains(&(
                "青禾先锋主题教育".into(),
                "中央“青禾先锋”主题教育领导小组".into()
            )),
            "{found:?}"
        );
    }

    #[test]
    fn a_place_that_joins_a_programme_does_not_launch_it() {
        let found = launchers("嘉兴市人民政府积极参与“甲乙丙丁”建设。");
        assert!(found.is_empty(), "{found:?}");
        // So does a body that supports or joins in building one.
        let found = launchers("海关总署大力支持“甲乙丙丁”建设。");
        assert!(found.is_empty(), "{found:?}");
        let found = launchers("嘉兴市主动融入“甲乙丙丁”建设。");
        assert!(found.is_empty(), "{found:?}");
        // The verb before a list's first item joins its later items too.
        let found = launchers("嘉兴市人民政府积极参与长三角建设和“甲乙丙丁”建设。");
        assert!(found.is_empty(), "{found:?}");
        // So does one that works within it.
        let found = launchers("海南省在“甲乙丙丁”建设中，加快推进开放。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_body_studying_a_congress_report_did_not_make_it() {
        let found = launchers("标题\n中央宣讲团在吉林宣讲十九大报告。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn what_another_body_passed_is_not_the_meetings() {
        let found = launchers(
            "标题\n国务院总理主持召开国务院常务会议。\n会议指出，全面落实全国人大常委会通过的新修订的甲乙管理法。",
        );
        assert!(
            !found.contains(&("甲乙管理法".into(), "国务院".into())),
            "{found:?}"
        );
        // Nor is what a verb a clause away made (`确定落实新修订的`).
        let found = launchers(
            "标题\n国务院总理主持召开国务院常务会议，确定落实新修订的甲乙管理法的配套措施。\n会议指出，落实全国人大常委会通过的新修订的甲乙管理法。",
        );
        assert!(
            found.contains(&("甲乙管理法".into(), "全国人大常委会".into())),
            "{found:?}"
        );
    }

    #[test]
    fn what_a_body_decided_on_is_launched_by_it() {
        let found = launchers("开展“甲乙合一”是国务院部署的重点改革。");
        assert!(
            found.contains(&("甲乙合一".into(), "国务院".into())),
            "{found:?}"
        );
    }

    #[test]
    fn what_a_meeting_passes_is_its_bodys() {
        let found = launchers(
            "国务院总理主持召开国务院常务会议，听取国务院办公厅关于督查情况的汇报，\
             审议通过《甲乙管理条例（草案）》。\n会议审议通过《丙丁管理办法》。",
        );
        assert!(
            found.contains(&("丙丁管理办法".to_string(), "国务院".to_string())),
            "{found:?}"
        );
        // A body named inside another initiative's name is what that one is
        // about, not who runs the next.
        let found = launchers(
            "会议表决通过了关于授权国务院在某地暂时调整有关法律规定的决定。\
             近日，某地启动“甲乙工程”。",
        );
        assert!(
            !found.iter().any(|(s, o)| s == "甲乙工程" && o == "国务院"),
            "{found:?}"
        );
    }

    #[test]
    fn an_event_is_not_launched_by_the_body_a_paragraph_names_before_it() {
        // The ministry that briefs on the summit does not host it.
        let found = launchers("外交部介绍了情况。本月举行的二十国集团领导人会议将讨论反腐合作。");
        assert!(found.iter().all(|(s, _)| !s.contains("会议")), "{found:?}");
    }

    #[test]
    fn a_document_named_after_its_place_is_not_another_provinces() {
        assert_eq!(
            launchers("天津市学习借鉴《上海市甲乙实施方案》。"),
            [("上海市甲乙实施方案".to_string(), "上海市".to_string())]
        );
    }

    #[test]
    fn the_subject_right_before_a_host_verb_hosts_the_event() {
        assert_eq!(
            launchers("这两天，成都正在召开第七次示例产业功能区大会，研究产业生态圈。"),
            [("示例产业功能区大会".to_string(), "成都市".to_string())]
        );
        // A place the event happens in hosts nothing.
        assert!(launchers("主席在北京同两国领导人举行示例视频峰会。").is_empty());
    }

    #[test]
    fn a_headline_names_the_host_of_its_event() {
        assert_eq!(
            launchers("全国政协召开示例协商座谈会\n示例协商座谈会23日在京召开。"),
            [("示例协商座谈会".to_string(), "全国政协".to_string())]
        );
    }

    #[test]
    fn a_law_right_after_the_body_that_makes_it_is_its() {
        assert_eq!(
            launchers("标题\n全国人大常委会制定颁布示例安全法后，特区政府坚决执行。"),
            [("示例安全法".to_string(), "全国人大常委会".to_string())]
        );
    }

    #[test]
    fn bodies_listed_before_a_host_verb_each_host_the_event() {
        let found = launchers("标题\n中宣部、环保部和山东省委联合举行示例事迹报告会。");
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn the_hosts_after_the_guides_and_after_an_anaphor() {
        let found = launchers(
            "标题\n首届示例阅读大会由中央宣传部（国家新闻出版署）、北京市委指导，\
             中宣部出版局、北京市委宣传部主办。",
        );
        assert_eq!(
            found,
            [
                ("首届示例阅读大会".to_string(), "中宣部出版局".to_string()),
                ("首届示例阅读大会".to_string(), "北京市委宣传部".to_string()),
            ]
        );
        let found = launchers(
            "标题\n第十五届示例科技论坛22日开幕，该活动由国务院台办、北京市政府联合主办。",
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_body_where_something_is_set_up_is_no_agent() {
        assert_eq!(
            launchers("今年以来，瓯海区聚焦营商环境，在区行政服务中心设立“示例反映”窗口。"),
            [("示例反映".to_string(), "瓯海区".to_string())]
        );
    }

    #[test]
    fn a_body_joined_by_a_verb_of_joint_work_launches_too() {
        assert_eq!(
            launchers("瓯海区行政审批局联合区税务局推出“示例一件事”集成服务。"),
            [
                ("示例一件事".to_string(), "瓯海区税务局".to_string()),
                ("示例一件事".to_string(), "瓯海区行政审批局".to_string()),
            ]
        );
    }

    #[test]
    fn a_chain_of_places_launches_through_its_innermost() {
        let ex = run("浙江嘉兴实施示例企业梯度培育计划，推动产业升级。");
        let by: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LaunchedBy)
            .map(|r| match &r.object {
                Object::Mention(o) => ex.mentions[*o].name.clone(),
                Object::Division(d) => d.name.clone(),
            })
            .collect();
        assert_eq!(by, ["嘉兴市"]);
    }

    #[test]
    fn a_clause_after_a_semicolon_shares_the_subject_before() {
        let ex = run("今年，嘉兴出台十条示例政策；深化“示例一次办”改革，成效明显。");
        let by: Vec<(String, String)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LaunchedBy)
            .map(|r| {
                let object = match &r.object {
                    Object::Mention(o) => ex.mentions[*o].name.clone(),
                    Object::Division(d) => d.name.clone(),
                };
                (ex.mentions[r.subject].name.clone(), object)
            })
            .collect();
        assert!(
            by.contains(&("示例一次办".to_string(), "嘉兴市".to_string())),
            "{by:?}"
        );
    }

    #[test]
    fn bodies_listed_with_the_subject_each_launch_it() {
        let ex = run("嘉兴市发改委、嘉兴市财政局印发《示例企业扶持办法》，明确支持方向。");
        let mut by: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LaunchedBy)
            .map(|r| match &r.object {
                Object::Mention(o) => ex.mentions[*o].name.clone(),
                Object::Division(d) => d.name.clone(),
            })
            .collect();
        by.sort();
        assert_eq!(by, ["嘉兴市发改委", "嘉兴市财政局"]);
    }

    #[test]
    fn a_place_of_a_place_launches_through_the_inner_one() {
        let ex = run("去年底，嘉兴的南湖区建立了示例首份“企业服务清单”。");
        let by: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LaunchedBy)
            .map(|r| match &r.object {
                Object::Mention(o) => ex.mentions[*o].name.clone(),
                Object::Division(d) => d.name.clone(),
            })
            .collect();
        assert_eq!(by, ["南湖区"]);
    }
}
