//! worksFor: the body next to a person's post, the bodies of a list of posts,
//! the company a person's sentence names.

use super::super::lexicon::{
    CABINET_POSTS, COMPANY_POSTS, COUNTRIES, GOVERNMENT_HEADS, MINISTER_SHORT_POSTS, POST_BODIES,
    POST_TENSES, POSTS, RESIDENTS, THE_COMPANY,
};
use super::super::{Cx, Mention, Object};
use super::unposted;
use crate::model::{EntityType, Predicate};

pub(super) fn works_for(cx: &mut Cx) {
    let n = cx.mentions.len();
    for i in 0..n {
        cx.spend(n);
        let m = &cx.mentions[i];
        if m.ty != EntityType::Person || m.rule == "person:byline" {
            continue;
        }
        // A foreign official named by a title (`某国总统某某`) works for a body
        // only when it is written right before the post: bodies further off
        // are mostly the host's or a third state's.
        let near = m.rule != "person:titled-foreign";
        // A name listed after another one's post works where the first does.
        if m.rule == "person:post-list" {
            let head = (0..i).rev().find(|&j| {
                cx.mentions[j].ty == EntityType::Person && cx.mentions[j].rule == "person:post-name"
            });
            let employers: Vec<(Object, &'static str)> = head
                .map(|h| {
                    cx.relations
                        .iter()
                        .filter(|r| r.subject == h && r.predicate == Predicate::WorksFor)
                        .map(|r| (r.object.clone(), r.rule))
                        .collect()
                })
                .unwrap_or_default();
            for (object, rule) in employers {
                cx.relate(i, Predicate::WorksFor, object, rule);
            }
            continue;
        }
        // `以某某同志为总书记的党中央`: the leader the phrase names heads the
        // Party centre, whatever post the article gives elsewhere.
        if let Some(j) = led_centre(cx, i) {
            cx.relate(
                i,
                Predicate::WorksFor,
                Object::Mention(j),
                "worksFor:led-centre",
            );
        }
        let m = &cx.mentions[i];
        let Some(role) = m.role.clone() else {
            if let Some((j, rule)) = unposted::post_of_body_before(cx, i) {
                cx.relate(i, Predicate::WorksFor, Object::Mention(j), rule);
                relate_post_chain(cx, i, cx.mentions[j].span.start);
            } else if let Some(j) = unposted::body_before_name(cx, i) {
                cx.relate(
                    i,
                    Predicate::WorksFor,
                    Object::Mention(j),
                    "worksFor:body-before-name",
                );
            } else if let Some((j, rule)) = unposted::staff_of(cx, i) {
                cx.relate(i, Predicate::WorksFor, Object::Mention(j), rule);
            } else if let Some(j) = unposted::title_body_after_name(cx, i) {
                cx.relate(
                    i,
                    Predicate::WorksFor,
                    Object::Mention(j),
                    "worksFor:title-after-name",
                );
            } else if let Some(j) = unposted::listed_member(cx, i) {
                cx.relate(
                    i,
                    Predicate::WorksFor,
                    Object::Mention(j),
                    "worksFor:listed-member",
                );
            }
            continue;
        };
        // A villager, a pupil or a tourist works for no body the text names.
        if RESIDENTS.iter().any(|w| role.ends_with(w)) {
            continue;
        }
        // `某国国防部长某某`: the ministry the title runs into works for it when
        // the article names that ministry (`某国国防部`) as a body.
        // A short title stands for its ministry (`某国外长`: `某国外交部`),
        // with its country: alone it may be any country's minister.
        let short = || {
            MINISTER_SHORT_POSTS.iter().find_map(|(post, ministry)| {
                role.strip_suffix(post)
                    .filter(|b| !b.is_empty())
                    .map(|b| format!("{b}{ministry}"))
            })
        };
        if let Some(body) = role
            .strip_suffix("部长")
            .map(|b| format!("{b}部"))
            .or_else(short)
            && let Some(j) = (0..n).find(|&j| {
                let b = &cx.mentions[j];
                b.ty == EntityType::Agency
                    && !b.anaphoric
                    && (b.name == body || b.aliases.contains(&body))
            })
        {
            cx.relate(
                i,
                Predicate::WorksFor,
                Object::Mention(j),
                "worksFor:minister-of",
            );
            continue;
        }
        // A post is written before the name, or after it in brackets
        // (`某某（某局局长）`) or after an appointment's `为` or `的`
        // (`任命某某为某局局长`); `person_start` is where the post ends.
        let (role_start, person_start) =
            if matches!(m.rule, "person:bracketed-post" | "person:appointed") {
                // The post starts a bracket or a note past the name
                // (`某某(女)为某部部长`).
                let len = role.chars().count();
                let open = (m.span.end + 1..m.span.end + 8)
                    .find(|&k| cx.starts_with(k, &role))
                    .unwrap_or(m.span.end + 1);
                (open, open + len)
            } else {
                (m.span.start - role.chars().count(), m.span.start)
            };
        let org_types = [
            EntityType::Agency,
            EntityType::Company,
            EntityType::Organization,
        ];
        // The organisation named right before the post, or one the post's first
        // words belong to (`某某党委` + `党委书记`).
        let adjacent = (0..n)
            .filter(|&j| {
                let o = &cx.mentions[j];
                // The role may hold the body's whole name (`某组织总干事`).
                org_types.contains(&o.ty)
                    && o.span.start <= role_start
                    && o.span.end >= role_start
                    && o.span.end <= person_start
            })
            .max_by_key(|&j| cx.mentions[j].span.end);
        // In a list of posts (`某局常委、某处书记某某`) the body named right before
        // the last post is the nearest; the chain reaches the ones before it.
        let last_in_list = (0..n)
            .filter(|&j| {
                let o = &cx.mentions[j];
                org_types.contains(&o.ty)
                    && o.span.start > role_start
                    && o.span.end < person_start
                    && cx.chars.get(o.span.start - 1) == Some(&'、')
                    && POSTS.contains(&cx.slice(o.span.end, person_start).as_str())
            })
            .max_by_key(|&j| cx.mentions[j].span.end);
        // The role may run back past the body (`某处会见某党中央总书记某某`):
        // a body that ends right where the post does is the post's.
        let adjacent = last_in_list.or(adjacent).or_else(|| {
            unposted::post_of_body_before(cx, i)
                .filter(|&(_, rule)| rule == "worksFor:post-before-name")
                .map(|(j, _)| j)
        });
        let company_post = COMPANY_POSTS.iter().any(|p| role.ends_with(p));
        let wanted: &[EntityType] = if company_post {
            &[
                EntityType::Company,
                EntityType::Organization,
                EntityType::Agency,
            ]
        } else {
            &[
                EntityType::Agency,
                EntityType::Organization,
                EntityType::Company,
            ]
        };
        // Another person named between a body and this post holds the body's
        // post (`某党委书记甲…国家主席乙`): the body is not this person's.
        // Names of one list after the body (`某局副局长甲、乙、原局长丙`) are
        // this person's colleagues, not holders of the body's post, when the
        // post is that body's own (局长 of a 局); another post (`某会副委员长
        // 甲、国务委员乙`) belongs elsewhere.
        let mut core = role.as_str();
        for t in POST_TENSES.iter() {
            core = core.strip_prefix(*t).unwrap_or(core);
        }
        let core = core.trim_start_matches('副');
        let person_between = |o: &Mention| {
            let between = cx.slice(o.span.end, role_start);
            let own_post =
                o.name.chars().last().is_some() && o.name.chars().last() == core.chars().next();
            let one_list = own_post && !between.contains(['，', ',', '。', '；', ';', '：', ':']);
            cx.mentions.iter().any(|p| {
                p.ty == EntityType::Person
                    && !p.anaphoric
                    && p.span.start >= o.span.end
                    && p.span.end <= role_start
                    && !(one_list && cx.chars.get(p.span.end) == Some(&'、'))
            })
        };
        // A union of states employs only those whose post is written right
        // after its name: a leader near it speaks for a member state.
        let nearest = |from: usize| {
            for ty in wanted {
                let found = (0..n)
                    .filter(|&j| {
                        let o = &cx.mentions[j];
                        o.ty == *ty
                            && o.span.end <= role_start
                            && o.span.start >= from
                            && o.rule != "organization:union"
                    })
                    .max_by_key(|&j| cx.mentions[j].span.end);
                if let Some(j) = found {
                    return (!person_between(&cx.mentions[j])).then_some(j);
                }
            }
            None
        };
        let sent = cx.sentence_start(role_start);
        let prev_sent = cx.sentence_start(sent.saturating_sub(1));
        // `该公司总经理` / `公司技术总监`: the company named last before.
        // A post that opens with 公司/企业 is at a company whatever the post; one
        // that opens with 行 is at a bank. The bank and the firm are told apart by
        // the name's last character.
        let at_bank = role.starts_with('行') || role.starts_with("该行");
        let names_a_body = ["中心", "局", "委", "办", "院", "所", "会"]
            .iter()
            .any(|w| role.contains(w));
        let the_company = (THE_COMPANY.iter().any(|w| role.starts_with(w)) && !names_a_body)
            .then(|| {
                (0..n)
                    .filter(|&j| {
                        let o = &cx.mentions[j];
                        o.ty == EntityType::Company
                            && !o.anaphoric
                            && o.span.end <= role_start
                            && o.name.ends_with('行') == at_bank
                    })
                    .max_by_key(|&j| cx.mentions[j].span.end)
            })
            .flatten();
        // A post that names its national body (`国务委员`) belongs to that body
        // wherever the article names it.
        let post_body = POST_BODIES
            .iter()
            .find(|row| row[1..].iter().any(|p| role.ends_with(p)))
            .and_then(|row| {
                (0..n).find(|&j| {
                    cx.mentions[j].ty == EntityType::Agency && cx.mentions[j].name == row[0]
                })
            });
        // A deputy's post names no body of work (`十九大代表某某`): the body
        // the sentence goes on to give as the deputy's (`是某台的记者`) is it.
        // A Party congress's deputy (`十九大代表`) sits in no body the text
        // names, so no body further off is the deputy's either.
        // A deputy to a congress sits in it and works where the sentence says
        // (`全国人大代表某某是某局的工人`).
        let deputy_staff = role
            .ends_with("代表")
            .then(|| unposted::staff_of(cx, i))
            .flatten()
            .filter(|&(j, _)| Some(j) != adjacent);
        if adjacent.is_none() && role.ends_with("代表") {
            if let Some((j, rule)) = deputy_staff {
                cx.relate(i, Predicate::WorksFor, Object::Mention(j), rule);
                continue;
            }
            if !role.ends_with("人大代表") {
                continue;
            }
        }
        // A place's head (`某市副市长`) works for its government, not for
        // whichever body was named last: with no government named, the post
        // says no more.
        let near = near && !GOVERNMENT_HEADS.iter().any(|p| role.ends_with(*p));
        let target = adjacent
            .map(|j| (j, "worksFor:adjacent"))
            .or_else(|| {
                government_of_head(cx, &role, role_start, person_start)
                    .map(|j| (j, "worksFor:government-head"))
            })
            .or_else(|| post_body.map(|j| (j, "worksFor:post-body")))
            .or_else(|| the_company.map(|j| (j, "worksFor:the-company")))
            .or_else(|| {
                near.then(|| nearest(sent))
                    .flatten()
                    .map(|j| (j, "worksFor:same-sentence"))
            })
            .or_else(|| {
                near.then(|| nearest(prev_sent))
                    .flatten()
                    .map(|j| (j, "worksFor:previous-sentence"))
            })
            .or_else(|| {
                if company_post || !near {
                    None
                } else {
                    nearest(0).map(|j| (j, "worksFor:article"))
                }
            });
        // A list of posts whose last body the text does not name as one
        // (`某党中央政治局常委、国务院副总理、某某工作领导小组组长某某`) still
        // gives the bodies of the posts before it.
        if adjacent.is_none() {
            let last_mark = (sent..person_start)
                .rev()
                .take(24)
                .take_while(|&k| !"，,。；;：:！!？?\n（）()“”《》".contains(cx.chars[k]))
                .find(|&k| cx.chars[k] == '、')
                // The list is this person's only when no other name stands
                // between it and the post (`某某总书记、国家主席甲在乙陪同下`).
                .filter(|&k| {
                    !cx.mentions.iter().any(|p| {
                        p.ty == EntityType::Person && p.span.start > k && p.span.end <= person_start
                    })
                });
            if let Some(k) = last_mark {
                relate_post_chain(cx, i, k + 1);
            }
        }
        if let Some((j, rule)) = deputy_staff {
            cx.relate(i, Predicate::WorksFor, Object::Mention(j), rule);
        }
        if let Some((j, rule)) = target {
            cx.relate(i, Predicate::WorksFor, Object::Mention(j), rule);
            if rule == "worksFor:adjacent" {
                // A unit of an institution written right after it (`某某大学
                // 某某学院`, `某某协会某某委员会`) is that institution's: the
                // person works for both.
                let unit = &cx.mentions[j];
                if (unit.ty == EntityType::Organization || unit.rule == "organization:tagged")
                    && let Some(k) = (0..n).find(|&k| {
                        let o = &cx.mentions[k];
                        o.ty == EntityType::Organization
                            && !o.anaphoric
                            && o.span.end == unit.span.start
                            && o.name.ends_with(['学', '会', '院'])
                    })
                {
                    cx.relate(
                        i,
                        Predicate::WorksFor,
                        Object::Mention(k),
                        "worksFor:institution-of-unit",
                    );
                }
                relate_post_chain(cx, i, cx.mentions[j].span.start);
            }
        }
    }
}

/// The government a head of government works for (`某省省长`, `某特别行政区行政
/// 长官`): the government of the place written before the post or inside it, when
/// the article names that government (`某省人民政府`, `特区政府`). The post names
/// no body, so without this the nearest body in the sentence, often one the
/// person only visits, would be taken. A foreign cabinet post's government is
/// `cabinet_government`'s.
fn government_of_head(
    cx: &Cx,
    role: &str,
    role_start: usize,
    person_start: usize,
) -> Option<usize> {
    let Some(post) = GOVERNMENT_HEADS.iter().find(|p| role.ends_with(*p)) else {
        return cabinet_government(cx, role);
    };
    let post_start = person_start - post.chars().count();
    let governments = || {
        (0..cx.mentions.len()).filter(|&j| {
            let o = &cx.mentions[j];
            o.ty == EntityType::Agency && o.name.ends_with("政府") && o.div.is_some()
        })
    };
    // The place ends where the role starts or inside it (`某省长`: the place's
    // short form and the post share no character).
    let place = cx
        .mentions
        .iter()
        .filter(|d| {
            d.ty == EntityType::Division
                && d.span.end >= role_start
                && d.span.end <= post_start + 1
                && d.span.start < post_start
        })
        .max_by_key(|d| d.span.end)
        .and_then(|d| d.div.as_ref());
    if let Some(place) = place {
        return governments().find(|&j| {
            cx.mentions[j]
                .div
                .as_ref()
                .is_some_and(|g| g.key == place.key)
        });
    }
    // A chief executive named without the region (`行政长官某某和特区政府`)
    // heads the one region's government the article names.
    if *post == "行政长官" {
        let mut found = governments().filter(|&j| cx.mentions[j].name.ends_with("特别行政区政府"));
        let first = found.next()?;
        let key = &cx.mentions[first].key;
        return found.all(|j| &cx.mentions[j].key == key).then_some(first);
    }
    None
}

/// The Party centre person `i` leads in the set phrase
/// `以某某同志为总书记的党中央` (or `为核心的`): the body mention right after it.
fn led_centre(cx: &Cx, i: usize) -> Option<usize> {
    let m = &cx.mentions[i];
    let s = m.span.start;
    if s == 0 || cx.chars[s - 1] != '以' {
        return None;
    }
    let at = ["同志为总书记的", "同志为核心的", "为总书记的", "为核心的"]
        .iter()
        .find(|w| cx.starts_with(m.span.end, w))
        .map(|w| m.span.end + w.chars().count())?;
    cx.mentions.iter().position(|b| {
        b.ty == EntityType::Agency
            && !b.anaphoric
            && b.span.start == at
            && ["中共中央", "党中央"].contains(&b.name.as_str())
    })
}

/// The government of the foreign state whose cabinet post `role` ends with
/// (`某国总理`, `某国财政大臣`), when the article names it (`某国政府`): the
/// country is written right before the post or before a field of at most
/// four characters (`某国财政`).
fn cabinet_government(cx: &Cx, role: &str) -> Option<usize> {
    let post = CABINET_POSTS.iter().find(|p| role.ends_with(*p))?;
    let head: Vec<char> = role.strip_suffix(post)?.chars().collect();
    let country = (0..=4.min(head.len())).find_map(|field| {
        let before: String = head[..head.len() - field].iter().collect();
        let field_ok = head[head.len() - field..]
            .iter()
            .all(|&c| super::super::is_han(c) && !super::super::is_stop(c));
        COUNTRIES
            .iter()
            .filter(|c| before.ends_with(*c))
            .max_by_key(|c| c.chars().count())
            .filter(|_| field_ok)
    })?;
    let government = format!("{country}政府");
    (0..cx.mentions.len()).find(|&j| {
        let o = &cx.mentions[j];
        o.ty == EntityType::Agency && !o.anaphoric && o.name == government
    })
}

/// Person `i` works for each body of the list of posts before `at`.
fn relate_post_chain(cx: &mut Cx, i: usize, at: usize) {
    for k in post_chain(cx, at) {
        cx.relate(
            i,
            Predicate::WorksFor,
            Object::Mention(k),
            "worksFor:post-chain",
        );
    }
}

/// The bodies of the posts listed before a body and its post (`某委常委、某政协
/// 主席某某`): each is a body followed by a post and `、`, walked back from the
/// body's name starting at `at`, up to four.
fn post_chain(cx: &Cx, at: usize) -> Vec<usize> {
    let bodies = [
        EntityType::Agency,
        EntityType::Company,
        EntityType::Organization,
    ];
    let mut out = Vec::new();
    let mut at = at;
    while out.len() < 4 && at > 0 && cx.chars[at - 1] == '、' {
        let post_end = at - 1;
        let posts: Vec<&str> = POSTS
            .iter()
            .copied()
            .filter(|p| cx.ends_with_at(post_end, p))
            .collect();
        let Some(post) = posts.first() else {
            break;
        };
        // A former post (`某委原副主任、`) says the same of the body.
        let start_of = |post: &str| {
            let s = post_end - post.chars().count();
            if s > 0 && cx.chars[s - 1] == '原' {
                s - 1
            } else {
                s
            }
        };
        let body_ending = |s: usize| {
            (0..cx.mentions.len()).find(|&k| {
                let o = &cx.mentions[k];
                bodies.contains(&o.ty) && !o.anaphoric && o.span.end == s
            })
        };
        let post_start = start_of(post);
        // The longest post may take the body's last characters (`全国人大代表`
        // read as `人大代表`): a shorter post, or a deputy's bare `代表`, that
        // leaves the body whole wins.
        let deputy = post.ends_with("代表").then(|| post_end - 2);
        let Some(k) = posts
            .iter()
            .map(|p| start_of(p))
            .chain(deputy)
            .find_map(body_ending)
        else {
            // A state post that names no body (`国家主席`) is passed over: the
            // posts before it still belong to the person.
            if post_start >= 3
                && cx.ends_with_at(post_start, "国家")
                && cx.chars[post_start - 3] == '、'
            {
                at = post_start - 2;
                continue;
            }
            break;
        };
        out.push(k);
        at = cx.mentions[k].span.start;
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use crate::extract::Object;
    use crate::extract::tests::run;
    use crate::model::Predicate;

    #[test]
    fn each_body_in_a_list_of_posts_employs_the_person() {
        let ex = run("浙江省委常委、杭州市委书记王某某出席会议。");
        let bodies: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::WorksFor)
            .filter_map(|r| match r.object {
                Object::Mention(o) => Some(ex.mentions[o].text.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(bodies.len(), 2, "{bodies:?}");
        let ex = run("某某省常德市人大常委会原副主任、石门县委原书记王某某被通报。");
        let n = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::WorksFor)
            .count();
        assert_eq!(n, 2);
        // A deputy's post first in the list names the congress.
        let found = pairs("标题\n这是全国人大代表、嘉兴市农业技术推广中心副主任甘文亮的成绩单。");
        assert!(
            found.contains(&("甘文亮".into(), "全国人大".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_spouse_works_for_no_body_the_sentence_names() {
        assert!(employers("甲乙集团举行开业仪式，董事长的妻子王丽说，她很高兴。").is_empty());
    }

    #[test]
    fn a_post_in_brackets_after_the_name_names_the_employer() {
        let ex =
            run("会议决定，对甘文亮（青松市市场监管局局长）、苏明（原某某县委书记）进行问责。");
        let people: Vec<(String, Option<String>)> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == crate::model::EntityType::Person)
            .map(|m| (m.name.clone(), m.role.clone()))
            .collect();
        assert_eq!(
            people,
            [
                ("甘文亮".into(), Some("青松市市场监管局局长".into())),
                ("苏明".into(), Some("原某某县委书记".into()))
            ]
        );
        assert_eq!(
            employers("对甘文亮（嘉兴市市场监管局局长）进行问责。"),
            ["嘉兴市市场监管局"]
        );
        // Brackets that hold no post name no person.
        assert!(
            run("甘文亮（音）到访。")
                .mentions
                .iter()
                .all(|m| m.ty != crate::model::EntityType::Person)
        );
    }

    #[test]
    fn a_unit_written_right_after_its_institution_is_the_institutions_too() {
        let found = employers("清华大学公共管理学院院长江小涓认为。");
        assert_eq!(found, ["清华大学", "清华大学公共管理学院"]);
    }

    fn employers(text: &str) -> Vec<String> {
        let ex = run(text);
        let mut out: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::WorksFor)
            .filter_map(|r| match r.object {
                Object::Mention(o) => Some(ex.mentions[o].name.clone()),
                _ => None,
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_legislator_works_for_the_legislature_named_before_the_post() {
        assert_eq!(
            employers("全国人大代表、香港特区立法会议员甘文亮表示支持。"),
            ["全国人大", "香港特别行政区立法会"]
        );
    }

    #[test]
    fn a_foreign_minister_works_for_the_ministry_the_article_names() {
        // The title runs into the ministry (`某国国防部` + `长`).
        assert_eq!(
            employers("俄罗斯国防部长卡列夫表示，俄罗斯国防部将继续行动。"),
            ["俄罗斯国防部"]
        );
        // A short title stands for its ministry (`外长`: `外交部`).
        assert_eq!(
            employers("俄罗斯外交部发表声明。俄罗斯外长卡列夫当天表示反对。"),
            ["俄罗斯外交部"]
        );
        // Without its country it is no ministry the article names.
        assert!(employers("外交部发言人表示欢迎。外长卡列夫当天表示反对。").is_empty());
    }

    #[test]
    fn a_state_post_without_a_body_does_not_end_the_list_of_posts() {
        assert_eq!(
            employers("中共中央总书记、国家主席、中央军委主席王某某前往展馆。"),
            ["中共中央", "中央军委"]
        );
    }

    #[test]
    fn a_head_of_government_works_for_the_government_the_article_names() {
        // Not the forum the sentence names: the post heads the place's government.
        assert_eq!(
            employers("出席示例论坛的香港特别行政区行政长官王某某介绍了特区政府的工作。"),
            ["香港特别行政区政府"]
        );
        // With no government named, the post says nothing more, not even the
        // body named last.
        assert!(employers("海宁市人社局发布通知。海宁市副市长甘文亮在会上指出。").is_empty());
        // With no government named, the post says nothing more.
        assert!(
            !employers("出席示例论坛的香港特别行政区行政长官王某某致辞。")
                .contains(&"香港特别行政区政府".to_string())
        );
    }

    #[test]
    fn the_leader_of_the_party_centre_in_the_set_phrase_works_for_it() {
        assert_eq!(
            employers("各族人民紧密团结在以甘文亮同志为总书记的党中央周围。"),
            ["党中央"]
        );
        assert!(employers("甘文亮同志是党中央的好干部。").is_empty());
    }

    #[test]
    fn a_foreign_cabinet_member_works_for_the_states_government_the_article_names() {
        assert_eq!(
            employers("英国财政大臣卡勒森当天表示，英国政府将继续支持。"),
            ["英国政府"]
        );
        assert_eq!(
            employers("泰国政府发表声明。泰国总理格列诺伊当天出席会议。"),
            ["泰国政府"]
        );
        // A head of state is more than the government.
        assert!(employers("美国政府发表声明。美国总统卡勒森当天出席会议。").is_empty());
    }

    #[test]
    fn the_body_before_the_last_post_of_a_list_is_the_nearest() {
        assert_eq!(
            employers("中共中央政治局常委、中央书记处书记王某某参观展览。"),
            ["中共中央政治局", "中央书记处"]
        );
    }

    #[test]
    fn a_party_congress_deputy_works_where_the_sentence_says() {
        let text = "十九大代表甘文亮是青禾书局有限公司总经理。十九大代表王建国是一名记者。";
        assert_eq!(
            pairs(text),
            [("甘文亮".to_string(), "青禾书局有限公司".to_string())]
        );
    }

    #[test]
    fn a_deputy_works_for_the_unit_of_a_body_the_sentence_gives() {
        let found = pairs(
            "标题\n十九大代表甘文亮是青禾广播电视台新闻中心的记者。\
             全国人大代表王建国是黑龙江省青禾林业局的工人。",
        );
        for pair in [
            ("甘文亮", "青禾广播电视台"),
            ("王建国", "黑龙江省青禾林业局"),
            ("王建国", "全国人大"),
        ] {
            assert!(
                found.contains(&(pair.0.to_string(), pair.1.to_string())),
                "{found:?}"
            );
        }
    }

    #[test]
    fn a_defendant_works_for_no_court() {
        let text = "案件在绛县人民法院一审宣判，被告人林志远被判处有期徒刑。";
        let ex = run(text);
        assert!(
            ex.mentions.iter().any(|m| m.name == "林志远"),
            "{:?}",
            ex.mentions
        );
        assert!(pairs(text).is_empty());
    }

    pub(in crate::extract::relations) fn pairs(text: &str) -> Vec<(String, String)> {
        let ex = run(text);
        ex.relations
            .iter()
            .filter(|r| r.predicate == Predicate::WorksFor)
            .filter_map(|r| match r.object {
                Object::Mention(o) => Some((
                    ex.mentions[r.subject].name.clone(),
                    ex.mentions[o].name.clone(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn colleagues_listed_after_a_bodys_post_work_there_too() {
        let found = pairs("给予青川县林业局副局长罗小勇、付文、原局长鲁定安党内警告处分。");
        assert!(
            found.contains(&("鲁定安".into(), "青川县林业局".into())),
            "{found:?}"
        );
        // Another body's post in the list is not this body's.
        let found = pairs("嘉兴市人大常委会副主任王建国、国务委员李明华等出席。");
        assert!(
            !found.contains(&("李明华".into(), "嘉兴市人大常委会".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_list_of_posts_gives_its_bodies_when_the_last_one_is_not_named() {
        let found =
            pairs("浙江省委常委、省政府副省长、甲乙与丙丁国际合作委员会主席王建国出席会议。");
        assert!(
            found.contains(&("王建国".into(), "浙江省委".into())),
            "{found:?}"
        );
        // Another name between the list and the post ends the list.
        let found = pairs("浙江省委书记、秘书长王建国在秘书长李明华陪同下考察。");
        assert!(!found.iter().any(|(p, _)| p == "李明华"), "{found:?}");
    }

    #[test]
    fn a_spokesperson_and_an_instructor_work_for_the_body_before_them() {
        let found = pairs("国务院某某事务办公室发言人杨立今天发表谈话。");
        assert!(
            found.contains(&("杨立".into(), "国务院某某事务办公室".into())),
            "{found:?}"
        );
        let found = pairs("嘉兴市公安局新闻发言人张立明表示，案件已告破。");
        assert!(
            found.contains(&("张立明".into(), "嘉兴市公安局".into())),
            "{found:?}"
        );
    }
}
