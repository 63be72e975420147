//! participatesIn: the companies and organisations that use, join or lend
//! through an initiative, each tied to the one its sentence names, else (for a
//! company, or a body whose clause says it joins) the one its paragraph names,
//! else (companies only) the article's topic; the other programmes of a list
//! alike. Hosts introduced by 由 take part in what they host. Bodies of many
//! nations or of a foreign one, news outlets and an initiative's launchers take
//! part in nothing, and no one takes part in a region's strategy or in a
//! meeting (`某某座谈会`, `某某工作会议`), which is attended. Who launches
//! it is the parent module's.

use super::super::hosts::hosts;
use super::resolve_anaphor;
use crate::extract::lexicon::{GATHERING_NOUNS, JOIN_VERBS};
use crate::extract::{Cx, Object};
use crate::model::{EntityType, Predicate};

/// Companies and organisations named in an article about a programme are, in this
/// genre, almost always there because they use it, join it or lend through it. So
/// each one is tied to the initiative its sentence names (nearest, the one after it
/// first), else the latest one its paragraph named, else the initiative the article
/// is about. Launchers of an initiative are never also its participants.
pub(in super::super) fn participates_in(cx: &mut Cx) {
    let n = cx.mentions.len();
    // Firms comply with laws and documents; they do not join them, so only
    // programmes, platforms, windows and products are taken part in.
    let initiatives: Vec<usize> = (0..n)
        .filter(|&j| cx.mentions[j].ty == EntityType::Initiative)
        .filter_map(|j| resolve_anaphor(cx, j))
        .filter(|&j| cx.mentions[j].class != Some("PolicyDocument"))
        // A region's strategy (`某某协同发展`) is the frame firms work in, named
        // beside them as often as not; it is no programme they join.
        .filter(|&j| cx.mentions[j].rule != "initiative:strategy")
        // A meeting someone convened (`某某座谈会`, `某某工作会议`) is attended,
        // not joined; those at it are no programme's users.
        .filter(|&j| {
            let m = &cx.mentions[j];
            m.rule != "initiative:convened"
                && !m.name.ends_with("会议")
                && !GATHERING_NOUNS.iter().any(|g| m.name.ends_with(g))
        })
        .collect();
    if initiatives.is_empty() {
        return;
    }
    let launchers: Vec<(String, String)> = cx
        .relations
        .iter()
        .filter(|r| r.predicate == Predicate::LaunchedBy)
        .filter_map(|r| match r.object {
            Object::Mention(o) => Some((
                cx.mentions[r.subject].key.clone(),
                cx.mentions[o].key.clone(),
            )),
            Object::Division(_) => None,
        })
        .collect();
    let topic = article_topic(cx, &initiatives);
    // Companies and organisations among an event's hosts (`由某协会主办的`)
    // take part in that event, whatever else their sentence names.
    let mut hosting = Vec::new();
    for &j in &initiatives {
        for h in hosts(cx, j) {
            if matches!(
                cx.mentions[h].ty,
                EntityType::Company | EntityType::Organization
            ) {
                hosting.push((h, j));
            }
        }
    }
    for &(h, j) in &hosting {
        cx.relate(
            h,
            Predicate::ParticipatesIn,
            Object::Mention(j),
            "participatesIn:host",
        );
    }
    for i in 0..n {
        cx.spend(n);
        let m = &cx.mentions[i];
        if !matches!(m.ty, EntityType::Company | EntityType::Organization)
            || hosting.iter().any(|&(h, _)| h == i)
            || m.anaphoric
            || m.rule == "organization:nested"
            // A news outlet reports on programmes; it does not take part in them.
            || m.rule == "organization:tagged-media"
            || m.class == Some("Newspaper")
        {
            continue;
        }
        // Bodies of many nations, and foreign ones, speak about programmes; they
        // do not join a country's own (`世界某某组织`, `某某理事会`, `某国某集团`).
        if international(&m.name) {
            continue;
        }
        // Inside an initiative's own name (《…公司…办法》) the company is not a user.
        if initiatives
            .iter()
            .any(|&j| cx.mentions[j].span.contains(m.span))
        {
            continue;
        }
        let (sent_s, sent_e) = (cx.sentence_start(m.span.start), cx.sentence_end(m.span.end));
        let para_s = cx.paragraph_start(m.span.start);
        let in_sentence = initiatives
            .iter()
            .copied()
            .filter(|&j| cx.mentions[j].span.start >= sent_s && cx.mentions[j].span.end <= sent_e)
            .min_by_key(|&j| {
                let o = cx.mentions[j].span;
                if o.start >= m.span.end {
                    (0, o.start - m.span.end)
                } else {
                    (1, m.span.start.saturating_sub(o.end))
                }
            });
        // Institutes and associations named near a programme are as often its
        // partners or commentators as its users, so one takes part in a
        // programme its paragraph names outside its sentence only when its own
        // clause says so (`某研究院参与了…`).
        let joins = || {
            let clause = cx.slice(m.span.end, sent_e);
            JOIN_VERBS.iter().any(|v| clause.contains(v))
        };
        let (target, rule) = if let Some(j) = in_sentence {
            (Some(j), "participatesIn:same-sentence")
        } else if m.ty != EntityType::Company && !joins() {
            (None, "")
        } else if let Some(j) = initiatives
            .iter()
            .copied()
            .filter(|&j| cx.mentions[j].span.start >= para_s && cx.mentions[j].span.end <= sent_s)
            .max_by_key(|&j| cx.mentions[j].span.start)
            .or_else(|| {
                // Else the first one the paragraph names after the sentence.
                let para_e = cx.paragraph_end(m.span.end);
                initiatives
                    .iter()
                    .copied()
                    .filter(|&j| {
                        cx.mentions[j].span.start >= sent_e && cx.mentions[j].span.end <= para_e
                    })
                    .min_by_key(|&j| cx.mentions[j].span.start)
            })
        {
            (Some(j), "participatesIn:paragraph")
        } else if m.ty == EntityType::Company {
            // Only companies fall back to the article's topic.
            (topic, "participatesIn:article-topic")
        } else {
            (None, "")
        };
        let Some(j) = target else { continue };
        let j = resolve_anaphor(cx, j).unwrap_or(j);
        let pair = (cx.mentions[j].key.clone(), cx.mentions[i].key.clone());
        if launchers.contains(&pair) {
            continue;
        }
        cx.relate(i, Predicate::ParticipatesIn, Object::Mention(j), rule);
        // The other programmes of a list (`“甲计划”、“乙计划”`) are taken part
        // in alike.
        for k in listed_with(cx, &initiatives, j) {
            let pair = (cx.mentions[k].key.clone(), cx.mentions[i].key.clone());
            if !launchers.contains(&pair) {
                cx.relate(i, Predicate::ParticipatesIn, Object::Mention(k), rule);
            }
        }
    }
}

/// The initiatives listed together with `j`, one mark (`、`, `和`, `及`, `与`)
/// apart, before and after it.
fn listed_with(cx: &Cx, initiatives: &[usize], j: usize) -> Vec<usize> {
    let joined = |a: usize, b: usize| {
        let (x, y) = (cx.mentions[a].span, cx.mentions[b].span);
        y.start == x.end + 1 && cx.chars.get(x.end).is_some_and(|&c| "、和及与".contains(c))
    };
    let mut out = Vec::new();
    let mut cur = j;
    while let Some(&k) = initiatives
        .iter()
        .find(|&&k| joined(cur, k) && !out.contains(&k))
    {
        out.push(k);
        cur = k;
    }
    let mut cur = j;
    while let Some(&k) = initiatives
        .iter()
        .find(|&&k| joined(k, cur) && !out.contains(&k))
    {
        out.push(k);
        cur = k;
    }
    out
}

/// Whether a body's name says it belongs to many nations or to a foreign one.
fn international(name: &str) -> bool {
    use crate::extract::lexicon::{COUNTRIES, MULTILATERAL_OPENERS};
    MULTILATERAL_OPENERS.iter().any(|w| name.starts_with(w))
        || ["组织", "理事会"].iter().any(|w| name.ends_with(w))
        // A union of states is named by its region and 盟 alone (`某盟`).
        || (name.chars().count() == 2 && name.ends_with('盟'))
        || COUNTRIES
            .iter()
            .any(|c| name.starts_with(c) && crate::extract::trim::foreign_country(c))
}

/// The initiative an article is about: the one its headline names, else the one
/// its body names most often (at least twice), earliest on ties.
fn article_topic(cx: &Cx, initiatives: &[usize]) -> Option<usize> {
    cx.spend(cx.mentions.len());
    let body = cx.article.body_start;
    if let Some(&j) = initiatives
        .iter()
        .find(|&&j| cx.mentions[j].span.start < body)
    {
        return Some(j);
    }
    let mut best: Option<(usize, usize)> = None;
    for &j in initiatives {
        let key = &cx.mentions[j].key;
        let count = initiatives
            .iter()
            .filter(|&&o| &cx.mentions[o].key == key)
            .count();
        if count >= 2 && best.is_none_or(|(c, _)| count > c) {
            best = Some((count, j));
        }
    }
    best.map(|(_, j)| j)
}

#[cfg(test)]
mod tests {
    use crate::extract::Object;
    use crate::extract::tests::run;
    use crate::model::Predicate;

    fn participants(text: &str) -> Vec<String> {
        let ex = run(text);
        ex.relations
            .iter()
            .filter(|r| r.predicate == Predicate::ParticipatesIn)
            .map(|r| ex.mentions[r.subject].name.clone())
            .collect()
    }

    #[test]
    fn those_at_a_convened_meeting_join_no_programme() {
        let text = "海宁市召开民营企业发展座谈会，青禾纺织有限公司负责人参加。";
        assert!(participants(text).is_empty(), "{:?}", participants(text));
    }

    #[test]
    fn bodies_of_many_nations_take_no_part() {
        // A body of many nations speaks about a programme; it does not join it.
        assert!(participants("双方愿在亚洲茶叶理事会等框架内推进“示例之路”建设合作。").is_empty());
        let text = "某市推出“示例贷”。青禾农业研究院参与了产品设计。";
        assert_eq!(participants(text), ["青禾农业研究院"]);
    }

    #[test]
    fn an_organisation_takes_part_across_sentences_only_by_a_verb_of_joining() {
        let text = "某市推出“示例贷”。青禾农业研究院发布了年度报告。";
        assert!(participants(text).is_empty());
        let text = "某市推出“示例贷”。青禾农业科技有限公司获得了首笔贷款。";
        assert_eq!(participants(text), ["青禾农业科技有限公司"]);
    }

    #[test]
    fn hosts_introduced_by_you_launch_or_take_part() {
        let text = "由嘉兴市商务局和嘉兴市电子商务协会联合主办的第三届示例直播电商节昨天开幕。";
        let ex = run(text);
        let by: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LaunchedBy)
            .map(|r| match &r.object {
                Object::Mention(o) => ex.mentions[*o].text.clone(),
                Object::Division(d) => d.name.clone(),
            })
            .collect();
        assert_eq!(by, ["嘉兴市商务局"]);
        assert_eq!(participants(text), ["嘉兴市电子商务协会"]);
        // After the name, with a host no pass names passed over.
        let text = "“示例杯”创业大赛由嘉善县人社局和嘉善县青联共同主办。";
        let ex = run(text);
        assert!(
            ex.relations
                .iter()
                .any(|r| r.predicate == Predicate::LaunchedBy && r.rule == "launchedBy:host")
        );
    }
}
