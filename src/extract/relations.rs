//! Relations between the mentions of one article: partOf from the gazetteer chain,
//! locatedIn from the division in a name or the article's locality, launchedBy from
//! sentence patterns and the sentence's subject, participatesIn from use verbs,
//! worksFor from the organisation next to a post, author from the byline.

use super::lexicon::{
    CAUSATIVE, COMPANY_POSTS, CREATE_VERBS, FOLLOWING, POSTS, RESIDENTS, THE_COMPANY,
};
use super::{Cx, DivInfo, Mention, Object, division, is_han};
use crate::model::{EntityType, Predicate};

pub fn find(cx: &mut Cx) {
    part_of(cx);
    located_in(cx);
    launched_by(cx);
    participates_in(cx);
    works_for(cx);
    authors(cx);
}

fn part_of(cx: &mut Cx) {
    for i in 0..cx.mentions.len() {
        let m = &cx.mentions[i];
        if m.ty != EntityType::Division || m.anaphoric {
            continue;
        }
        let Some(d) = m.div.clone() else { continue };
        let parent = match (d.gaz, d.parent) {
            (Some(ix), _) => cx.gaz.get(ix).parent,
            (None, p) => p,
        };
        if let Some(p) = parent {
            let rule = if d.gaz.is_some() {
                "partOf:gazetteer"
            } else {
                "partOf:name-or-locality"
            };
            cx.relate(
                i,
                Predicate::PartOf,
                Object::Division(division::info(cx.gaz, p)),
                rule,
            );
        }
    }
}

fn located_in(cx: &mut Cx) {
    let visit = visit_place(cx);
    for i in 0..cx.mentions.len() {
        cx.spend(cx.mentions.len());
        let m = &cx.mentions[i];
        if m.anaphoric
            || !matches!(
                m.ty,
                EntityType::Agency | EntityType::Company | EntityType::Organization
            )
        {
            continue;
        }
        let rule = match m.ty {
            EntityType::Agency => "locatedIn:jurisdiction",
            _ if m.div.as_ref().is_some_and(|d| {
                cx.mentions.iter().any(|x| {
                    x.ty == EntityType::Division
                        && m.span.contains(x.span)
                        && x.div.as_ref() == Some(d)
                })
            }) =>
            {
                "locatedIn:place-in-name"
            }
            _ => "locatedIn:article-locality",
        };
        let organisation = m.ty == EntityType::Organization;
        let stated = stated_place(cx, i).or_else(|| {
            // `A、B等企业`: B shares the place stated for A.
            let prev = listed_before(cx, i)?;
            stated_place(cx, prev).map(|(d, _)| (d, "locatedIn:listed-with"))
        });
        // Organisations without a place in their name or their sentence are
        // only placed by a county section; a page-level guess would too often
        // be wrong.
        if organisation && rule == "locatedIn:article-locality" && stated.is_none() {
            continue;
        }
        // A firm the article's visit went to lies where the visit was, unless
        // its name or its sentence says otherwise.
        let visited = visit.clone().filter(|v| {
            m.ty == EntityType::Company
                && rule == "locatedIn:article-locality"
                && m.div.as_ref().is_none_or(|d| {
                    d.key == v.key
                        || matches!((v.gaz, d.gaz), (Some(a), Some(b)) if cx.gaz.within(a, b))
                })
                && !other_places_in_sentence(cx, i, v)
        });
        if let Some((d, rule)) = stated {
            cx.relate(i, Predicate::LocatedIn, Object::Division(d), rule);
        } else if let Some(v) = visited {
            cx.relate(
                i,
                Predicate::LocatedIn,
                Object::Division(v),
                "locatedIn:visit-place",
            );
        } else if let Some(d) = m.div.clone()
            && (rule != "locatedIn:article-locality"
                || place_in_paragraph(cx, i, &d) && !other_places_in_sentence(cx, i, &d))
        {
            cx.relate(i, Predicate::LocatedIn, Object::Division(d), rule);
        }
    }
}

/// Where the article's visit took place: `某某在某省某市就某事进行调研` in the
/// headline or the first paragraph of the body, as the innermost division of the
/// run of places after 在, with a verb of visiting later in the same sentence;
/// the most specific when the headline and the body both say.
/// Reports of a leader's or an inspector's visit name the firms visited without
/// their place.
fn visit_place(cx: &Cx) -> Option<DivInfo> {
    let body = cx.article.body_start;
    let first_end = cx.chars[body.min(cx.chars.len())..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(cx.chars.len(), |k| body + k);
    let divisions = |at: usize| {
        cx.mentions
            .iter()
            .filter(move |d| d.ty == EntityType::Division && !d.anaphoric && d.span.start == at)
            .max_by_key(|d| d.span.end)
    };
    let mut best: Option<DivInfo> = None;
    for i in 0..first_end {
        if cx.chars[i] != '在' {
            continue;
        }
        let mut at = i + 1;
        let mut place = None;
        while let Some(d) = divisions(at) {
            place = d.div.clone().filter(|d| d.gaz.is_some()).or(place);
            at = d.span.end;
        }
        let Some(place) = place else { continue };
        let said = cx.slice(at, cx.sentence_end(at).min(at + 40));
        if ["调研", "考察", "视察", "检查", "走访", "察看"]
            .iter()
            .any(|v| said.contains(v))
            && best
                .as_ref()
                .is_none_or(|b| place.level.depth() > b.level.depth())
        {
            best = Some(place);
        }
    }
    best
}

/// The company or organisation listed right before this one (`A、B`), if any.
/// Whether the paragraph of mention `i`, or the headline, names the division `d`
/// or a place inside it: the article's place is only a company's place when
/// the company's paragraph is about that place, which holds in a county's page
/// and not in a national round-up.
fn place_in_paragraph(cx: &Cx, i: usize, d: &DivInfo) -> bool {
    let at = cx.mentions[i].span.start;
    let start = cx.paragraph_start(at);
    let end = cx.chars[at..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(cx.chars.len(), |k| at + k);
    cx.mentions.iter().any(|x| {
        x.ty == EntityType::Division
            && (x.span.start >= start && x.span.end <= end || x.span.end <= cx.article.body_start)
            && x.div.as_ref().is_some_and(|xd| {
                xd.key == d.key
                    || matches!((xd.gaz, d.gaz), (Some(a), Some(b)) if cx.gaz.within(a, b))
            })
    })
}

/// Whether the sentence of mention `i` names a county or a town that is neither
/// `d` nor inside it nor around it: then the article's place is one of several
/// the sentence speaks of, and giving it to the company would be a guess.
fn other_places_in_sentence(cx: &Cx, i: usize, d: &DivInfo) -> bool {
    let at = cx.mentions[i].span.start;
    let (start, end) = (cx.sentence_start(at), cx.sentence_end(at));
    cx.mentions.iter().any(|x| {
        x.ty == EntityType::Division
            && x.span.start >= start
            && x.span.end <= end
            && x.div.as_ref().is_some_and(|xd| {
                // Zones the gazetteer does not know cannot be placed: not counted.
                xd.gaz.is_some()
                    && xd.level.depth() >= 2
                    && xd.key != d.key
                    && !matches!((xd.gaz, d.gaz), (Some(a), Some(b)) if cx.gaz.within(a, b) || cx.gaz.within(b, a))
            })
    })
}

fn listed_before(cx: &Cx, i: usize) -> Option<usize> {
    cx.spend(cx.mentions.len());
    let s = cx.mentions[i].span.start;
    if s == 0 || !matches!(cx.chars[s - 1], '、' | '和' | '及') {
        return None;
    }
    cx.mentions.iter().position(|o| {
        matches!(o.ty, EntityType::Company | EntityType::Organization)
            && !o.anaphoric
            && o.span.end == s - 1
    })
}

/// The place a sentence gives a company or organisation: `位于X的Y`, `X的Y`, `Y位于X`,
/// or `这家企业位于X` after Y. Agencies are placed by their jurisdiction instead.
fn stated_place(cx: &Cx, i: usize) -> Option<(DivInfo, &'static str)> {
    cx.spend(cx.mentions.len());
    let m = &cx.mentions[i];
    if m.ty == EntityType::Agency {
        return None;
    }
    let division_ending_at = |end: usize| {
        cx.mentions
            .iter()
            .filter(|d| d.ty == EntityType::Division && !d.anaphoric && d.span.end == end)
            .min_by_key(|d| d.span.start)
            .and_then(|d| d.div.clone())
    };
    // The innermost division of a chain starting here (`某区某镇` gives the town).
    let division_starting_at = |start: usize| {
        let mut at = start;
        let mut found = None;
        while let Some(d) = cx
            .mentions
            .iter()
            .filter(|d| d.ty == EntityType::Division && !d.anaphoric && d.span.start == at)
            .max_by_key(|d| d.span.end)
        {
            found = d.div.clone();
            at = d.span.end;
        }
        found
    };
    // `X的Y` and `X内的Y`, with X a town, subdistrict or zone, or any division that
    // opens its clause (a county before 的 mid-clause is too often the subject of a
    // longer phrase).
    let s = m.span.start;
    for link in ["的", "内的", "境内的", "辖区的"] {
        let l = link.chars().count();
        if s > l
            && cx.ends_with_at(s, link)
            && let Some(dm) = cx
                .mentions
                .iter()
                .filter(|d| d.ty == EntityType::Division && !d.anaphoric && d.span.end == s - l)
                .min_by_key(|d| d.span.start)
            && let Some(d) = dm.div.clone()
        {
            let opens_clause = dm.span.start == 0
                || !is_han(cx.chars[dm.span.start - 1])
                || ["位于", "来自", "地处"]
                    .iter()
                    .any(|w| cx.ends_with_at(dm.span.start, w));
            if d.level.depth() >= 3 || opens_clause {
                return Some((d, "locatedIn:place-de-name"));
            }
        }
    }
    // `在X，Y…`, `走进…X，Y…`: a clause that places the sentence, right before Y.
    if s >= 2 && matches!(cx.chars[s - 1], '，' | ',') {
        let mut k = s - 1;
        while k > 0 && !"，,。；;！？\n".contains(cx.chars[k - 1]) {
            k -= 1;
        }
        let clause = cx
            .slice(k, s - 1)
            .trim_start_matches(['　', ' '])
            .to_string();
        if ["在", "走进", "来到", "位于", "地处"]
            .iter()
            .any(|w| clause.starts_with(w))
            && let Some(d) = division_ending_at(s - 1)
            && d.level.depth() >= 2
        {
            return Some((d, "locatedIn:place-clause"));
        }
    }
    // `在X，某某来到Y、Z…`: a sentence that opens by placing itself places what
    // it names, when nothing but the place stands in that opening clause.
    let ss = cx.sentence_start(s);
    let opening = cx.slice(ss, s);
    let place_in_name = cx
        .mentions
        .iter()
        .any(|x| x.ty == EntityType::Division && m.span.contains(x.span));
    if !place_in_name
        && let Some(comma) = opening.find('，')
        && let Some(rest) = opening[..comma]
            .trim_start_matches(['　', ' '])
            .strip_prefix('在')
        && !rest.is_empty()
    {
        let comma_at = ss + opening[..comma].chars().count();
        let place_start = comma_at - rest.chars().count();
        if let Some(d) = division_starting_at(place_start)
            && cx.mentions.iter().any(|x| {
                x.ty == EntityType::Division
                    && x.span.start >= place_start
                    && x.span.end == comma_at
            })
            && d.level.depth() >= 1
        {
            return Some((d, "locatedIn:sentence-place"));
        }
    }
    // `Y位于X`, `Y地处X`, `Y落户X`.
    let e = m.span.end;
    for verb in ["位于", "地处", "落户", "坐落于", "扎根"] {
        if cx.starts_with(e, verb)
            && let Some(d) = division_starting_at(e + verb.chars().count())
        {
            return Some((d, "locatedIn:name-is-at"));
        }
    }
    // `这家企业位于X` in the next sentences, before another company is named.
    let next = cx.sentence_end(e) + 1;
    let limit = cx.sentence_end(next) + 1;
    let later_company = cx.mentions.iter().any(|o| {
        matches!(o.ty, EntityType::Company | EntityType::Organization)
            && o.span.start >= e
            && o.span.start < limit
    });
    if !later_company {
        let text = cx.slice(e, limit.min(cx.chars.len()));
        for lead in [
            "这家企业位于",
            "该企业位于",
            "该公司位于",
            "企业位于",
            "公司位于",
        ] {
            if let Some(p) = text.find(lead) {
                let at = e + text[..p].chars().count() + lead.chars().count();
                if let Some(d) = division_starting_at(at) {
                    return Some((d, "locatedIn:the-company-is-at"));
                }
            }
        }
    }
    None
}

fn is_agent(cx: &Cx, j: usize) -> bool {
    cx.spend(cx.mentions.len());
    let m = &cx.mentions[j];
    if m.ty == EntityType::Agency {
        return true;
    }
    // A division counts when it is not part of a longer name.
    m.ty == EntityType::Division
        && !cx.mentions.iter().any(|o| {
            o.ty != EntityType::Division
                && o.ty != EntityType::Person
                && !o.anaphoric
                && o.span.contains(m.span)
                && o.span != m.span
        })
        && !cx
            .mentions
            .iter()
            .any(|o| o.ty == EntityType::Division && o.span.contains(m.span) && o.span != m.span)
}

/// A body before a post (`某委主席某某`) says where a person works: the person,
/// not the body, is who acts in the sentence.
fn before_post(cx: &Cx, m: &Mention) -> bool {
    // Only national bodies: a local official speaks for the body (`某县委书记
    // 说，我们推出…`), while a leader's titles only introduce the leader.
    m.div.is_none() && POSTS.iter().any(|p| cx.starts_with(m.span.end, p))
}

/// The agent of one initiative mention, with the rule's priority (lower is better).
fn agent_of(cx: &Cx, i: usize) -> Option<(usize, u8, &'static str)> {
    cx.spend(cx.mentions.len());
    let m = &cx.mentions[i];
    let (qs, qe) = (m.span.start, m.span.end);
    let sent = cx.sentence_start(qs);
    let n = cx.mentions.len();
    // 1. The name starts with an agency or division (《秀洲区…分局关于…》).
    let inner = (0..n)
        .filter(|&j| {
            j != i
                && (cx.mentions[j].span.start == qs + 1 || cx.mentions[j].span.start == qs)
                && m.span.contains(cx.mentions[j].span)
                && matches!(cx.mentions[j].ty, EntityType::Agency | EntityType::Division)
        })
        .max_by_key(|&j| {
            (
                cx.mentions[j].ty == EntityType::Agency,
                cx.mentions[j].span.end,
            )
        });
    // An agency opening the name is the agent; a place opening it (`“某县清风”`)
    // only says where, so a body acting in the sentence is preferred to it.
    let prefix_place = match inner {
        Some(j) if cx.mentions[j].ty == EntityType::Agency => {
            return Some((j, 0, "launchedBy:name-prefix"));
        }
        other => other,
    };
    // A headline states an agent only as `某县推出“某某码”`: an agent right before
    // a creation verb right before the name. It is the weakest evidence, used when
    // the body names no agent.
    if qs < cx.article.body_start {
        return direct_creator(cx, qs).map(|j| (j, 4, "launchedBy:headline"));
    }
    // 2. X发放的“Y” / X推出的“Y”.
    if qs > 0 && cx.chars[qs - 1] == '的' {
        let cut = qs - 1;
        if CREATE_VERBS.iter().any(|v| cx.ends_with_at(cut, v)) {
            let found = (0..n)
                .filter(|&j| {
                    cx.mentions[j].span.end <= cut
                        && cx.mentions[j].span.start >= sent
                        && is_agent(cx, j)
                })
                .max_by_key(|&j| cx.mentions[j].span.end);
            if let Some(j) = found {
                return Some((j, 1, "launchedBy:x-verb-de-y"));
            }
        }
    }
    // 3. “Y”是X…打造的.
    if cx.chars.get(qe) == Some(&'是') {
        let end = cx.sentence_end(qe);
        let tail = cx.slice(qe, end);
        if CREATE_VERBS
            .iter()
            .any(|v| tail.contains(&format!("{v}的")))
        {
            let found = (0..n)
                .filter(|&j| {
                    cx.mentions[j].span.start > qe
                        && cx.mentions[j].span.end <= end
                        && is_agent(cx, j)
                })
                .min_by_key(|&j| cx.mentions[j].span.start);
            if let Some(j) = found {
                return Some((j, 1, "launchedBy:y-is-x-made"));
            }
        }
    }
    // A company or bank that creates it (`某银行某支行推出“某某贷”`) runs it itself;
    // no government body earlier in the sentence does.
    if launched_by_company(cx, i) {
        return None;
    }
    // An event's host is seldom the sentence's subject (`某某出席某某峰会`): only
    // the rules above, which say who made it, place it.
    if cx.mentions[i].rule == "initiative:event" {
        return None;
    }
    // 4. The sentence's subject: the first agency or division before the name that
    // is not a place phrase (`在某街道，…`), unless the clause says the subject only
    // follows the programme. When the subject has another body do the work
    // (`某纪委督促某局开展…`), the body made to act is the agent.
    let candidates: Vec<usize> = (0..n)
        .filter(|&j| {
            let m = &cx.mentions[j];
            let in_clause = m.span.start >= sent && m.span.end <= qs;
            let named_agent = is_agent(cx, j) && !is_locative(cx, j) && !m.anaphoric;
            let agency_anaphor = m.anaphoric && m.ty == EntityType::Agency;
            in_clause && (named_agent || agency_anaphor) && !before_post(cx, m)
        })
        .collect();
    let fallback = prefix_place.map(|j| (j, 3, "launchedBy:name-prefix"));
    // A body named in the clause beats a place: the place usually only says
    // whose body it is or where the work happens.
    let Some(subject) = candidates.iter().copied().min_by_key(|&j| {
        (
            cx.mentions[j].ty != EntityType::Agency,
            cx.mentions[j].span.start,
        )
    }) else {
        return fallback;
    };
    // `某省某市实施…`: a chain of places names the innermost one.
    let mut subject = subject;
    while cx.mentions[subject].ty == EntityType::Division
        && let Some(next) = candidates.iter().copied().find(|&j| {
            cx.mentions[j].ty == EntityType::Division
                && cx.mentions[j].span.start == cx.mentions[subject].span.end
        })
    {
        subject = next;
    }
    let between = cx.slice(cx.mentions[subject].span.end, qs);
    if FOLLOWING.iter().any(|w| between.contains(w)) {
        return fallback;
    }
    let made_to_act = candidates
        .iter()
        .copied()
        .filter(|&j| cx.mentions[j].ty == EntityType::Agency && j != subject)
        .filter(|&j| {
            CAUSATIVE
                .iter()
                .any(|v| cx.ends_with_at(cx.mentions[j].span.start, v))
        })
        .max_by_key(|&j| cx.mentions[j].span.start);
    if let Some(j) = made_to_act {
        return Some((j, 2, "launchedBy:made-to-act"));
    }
    Some((subject, 2, "launchedBy:sentence-subject"))
}

/// The agent written right before a creation verb that stands right before `qs`,
/// with at most one adverb between (同步, 近日, 正式).
fn direct_creator(cx: &Cx, qs: usize) -> Option<usize> {
    cx.spend(cx.mentions.len());
    let verb = CREATE_VERBS.iter().find(|v| cx.ends_with_at(qs, v))?;
    let mut at = qs - verb.chars().count();
    for adverb in [
        "同步", "近日", "正式", "率先", "还", "也", "又", "已", "再", "先后",
    ] {
        if cx.ends_with_at(at, adverb) {
            at -= adverb.chars().count();
            break;
        }
    }
    (0..cx.mentions.len())
        .filter(|&j| cx.mentions[j].span.end == at && is_agent(cx, j))
        .min_by_key(|&j| cx.mentions[j].span.start)
}

/// Whether a company or organisation, with no agency after it, creates the
/// initiative at `i` in its clause (`某银行推出“某某贷”`).
fn launched_by_company(cx: &Cx, i: usize) -> bool {
    cx.spend(cx.mentions.len());
    let qs = cx.mentions[i].span.start;
    let sent = cx.sentence_start(qs);
    let Some(c) = cx
        .mentions
        .iter()
        .filter(|m| {
            matches!(m.ty, EntityType::Company | EntityType::Organization)
                && !m.anaphoric
                && m.span.start >= sent
                && m.span.end <= qs
        })
        .max_by_key(|m| m.span.end)
    else {
        return false;
    };
    // The company must open its clause: `某局联合某银行推出` is the bureau's.
    let mut clause = c.span.start;
    while clause > sent && !"，,；;".contains(cx.chars[clause - 1]) {
        clause -= 1;
    }
    let agency_in_clause = cx.mentions.iter().any(|m| {
        m.ty == EntityType::Agency && m.span.start >= clause && m.span.end <= qs && m.span != c.span
    });
    // `…，联合某银行推出` continues the clause of whoever leads it.
    let partner = ["联合", "会同", "携手", "协同", "与", "和"]
        .iter()
        .any(|w| cx.ends_with_at(c.span.start, w));
    let between = cx.slice(c.span.end, qs);
    !agency_in_clause
        && !partner
        && between.chars().count() <= 8
        && CREATE_VERBS.iter().any(|v| between.contains(v))
}

/// A mention inside a place phrase: `在某街道，`, `在某区各镇`, a clause opened by 在.
fn is_locative(cx: &Cx, j: usize) -> bool {
    let m = &cx.mentions[j];
    if m.ty == EntityType::Agency {
        return false;
    }
    let mut k = m.span.start;
    while k > 0 && !"，,。；;！？\n".contains(cx.chars[k - 1]) {
        k -= 1;
    }
    cx.starts_with(k, "在") || cx.starts_with(k, "　　在") || cx.starts_with(k, "  在")
}

fn launched_by(cx: &mut Cx) {
    let body = cx.article.body_start;
    let mut keys: Vec<String> = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Initiative)
        .map(|m| m.key.clone())
        .collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        cx.spend(cx.mentions.len());
        // Every body mention of the initiative proposes an agent; the strongest rule
        // wins, earlier mentions breaking ties. Headlines state no agents.
        let best = (0..cx.mentions.len())
            .filter(|&i| cx.mentions[i].ty == EntityType::Initiative && cx.mentions[i].key == key)
            .filter_map(|i| agent_of(cx, i).map(|(j, pri, rule)| (pri, i, j, rule)))
            .min_by_key(|&(pri, i, _, _)| (pri, i));
        if let Some((_, i, j, rule)) = best {
            cx.relate(i, Predicate::LaunchedBy, Object::Mention(j), rule);
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
            })
            .find_map(|i| {
                let para = cx.paragraph_start(cx.mentions[i].span.start);
                (0..cx.mentions.len())
                    .filter(|&j| {
                        let m = &cx.mentions[j];
                        m.ty == EntityType::Agency
                            && m.span.start >= para
                            && m.span.end <= cx.mentions[i].span.start
                            && !before_post(cx, m)
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

/// Companies and organisations named in an article about a programme are, in this
/// genre, almost always there because they use it, join it or lend through it. So
/// each one is tied to the initiative its sentence names (nearest, the one after it
/// first), else the latest one its paragraph named, else the initiative the article
/// is about. Launchers of an initiative are never also its participants.
fn participates_in(cx: &mut Cx) {
    let n = cx.mentions.len();
    let initiatives: Vec<usize> = (0..n)
        .filter(|&j| cx.mentions[j].ty == EntityType::Initiative)
        .filter_map(|j| resolve_anaphor(cx, j))
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
    for i in 0..n {
        cx.spend(n);
        let m = &cx.mentions[i];
        if !matches!(m.ty, EntityType::Company | EntityType::Organization)
            || m.anaphoric
            || m.rule == "organization:nested"
            // A news outlet reports on programmes; it does not take part in them.
            || m.rule == "organization:tagged-media"
        {
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
        let (target, rule) = if let Some(j) = in_sentence {
            (Some(j), "participatesIn:same-sentence")
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
            // Institutes and associations in such articles are as often partners
            // of the government as users of its programme, so only companies fall
            // back to the article's topic.
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
    }
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

fn works_for(cx: &mut Cx) {
    let n = cx.mentions.len();
    for i in 0..n {
        cx.spend(n);
        let m = &cx.mentions[i];
        if m.ty != EntityType::Person || m.rule == "person:byline" {
            continue;
        }
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
        let Some(role) = m.role.clone() else { continue };
        // A villager, a pupil or a tourist works for no body the text names.
        if RESIDENTS.iter().any(|w| role.ends_with(w)) {
            continue;
        }
        let role_start = m.span.start - role.chars().count();
        let org_types = [
            EntityType::Agency,
            EntityType::Company,
            EntityType::Organization,
        ];
        // The organisation named right before the post, or one the post's first
        // words belong to (`某某党委` + `党委书记`).
        let person_start = m.span.start;
        let adjacent = (0..n)
            .filter(|&j| {
                let o = &cx.mentions[j];
                org_types.contains(&o.ty)
                    && o.span.start < role_start
                    && o.span.end >= role_start
                    && o.span.end <= person_start
            })
            .max_by_key(|&j| cx.mentions[j].span.end);
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
        let person_between = |o: &Mention| {
            cx.mentions.iter().any(|p| {
                p.ty == EntityType::Person
                    && !p.anaphoric
                    && p.span.start >= o.span.end
                    && p.span.end <= role_start
            })
        };
        let nearest = |from: usize| {
            for ty in wanted {
                let found = (0..n)
                    .filter(|&j| {
                        let o = &cx.mentions[j];
                        o.ty == *ty && o.span.end <= role_start && o.span.start >= from
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
        let target = adjacent
            .map(|j| (j, "worksFor:adjacent"))
            .or_else(|| the_company.map(|j| (j, "worksFor:the-company")))
            .or_else(|| nearest(sent).map(|j| (j, "worksFor:same-sentence")))
            .or_else(|| nearest(prev_sent).map(|j| (j, "worksFor:previous-sentence")))
            .or_else(|| {
                if company_post {
                    None
                } else {
                    nearest(0).map(|j| (j, "worksFor:article"))
                }
            });
        if let Some((j, rule)) = target {
            cx.relate(i, Predicate::WorksFor, Object::Mention(j), rule);
            if rule == "worksFor:adjacent" {
                for k in post_chain(cx, j) {
                    cx.relate(
                        i,
                        Predicate::WorksFor,
                        Object::Mention(k),
                        "worksFor:post-chain",
                    );
                }
            }
        }
    }
}

/// The bodies of the posts listed before a body and its post (`某委常委、某政协
/// 主席某某`): each is a body followed by a post and `、`, walked back from the
/// body `j`, up to four.
fn post_chain(cx: &Cx, j: usize) -> Vec<usize> {
    let bodies = [
        EntityType::Agency,
        EntityType::Company,
        EntityType::Organization,
    ];
    let mut out = Vec::new();
    let mut at = cx.mentions[j].span.start;
    while out.len() < 4 && at > 0 && cx.chars[at - 1] == '、' {
        let post_end = at - 1;
        let Some(post) = POSTS.iter().find(|p| cx.ends_with_at(post_end, p)) else {
            break;
        };
        let post_start = post_end - post.chars().count();
        let Some(k) = (0..cx.mentions.len()).find(|&k| {
            let o = &cx.mentions[k];
            bodies.contains(&o.ty) && !o.anaphoric && o.span.end == post_start
        }) else {
            break;
        };
        out.push(k);
        at = cx.mentions[k].span.start;
    }
    out
}

fn authors(cx: &mut Cx) {
    let _: Option<DivInfo> = None;
    for i in 0..cx.mentions.len() {
        if cx.mentions[i].rule == "person:byline" {
            // The article is the subject; `link` turns this into Article author Person.
            cx.relate(i, Predicate::Author, Object::Mention(i), "author:byline");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Object;
    use crate::extract::tests::run;
    use crate::model::Predicate;

    #[test]
    fn a_sentence_naming_another_county_gives_no_guess_from_the_article() {
        // The article is about 海宁市; the sentence also names 桐乡市, so the
        // company's place is not guessed from the article.
        let ex = run("海宁市召开会议。海宁市和桐乡市的庚辛公司签约。");
        let placed = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .any(|r| r.rule == "locatedIn:article-locality");
        assert!(!placed, "{:?}", ex.relations);
    }

    #[test]
    fn a_company_from_a_place_is_located_there() {
        let ex = run("海宁市召开会议。会上，来自桐乡的庚辛公司介绍了经验。");
        let places: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .filter_map(|r| match &r.object {
                Object::Division(d) => Some(d.name.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(places, ["桐乡市"]);
    }

    #[test]
    fn a_sentence_that_opens_with_a_place_places_what_it_names() {
        let ex =
            run("王某某在浙江调研。在绍兴，他来到庚辛纺织技术创新中心、庚辛电子股份有限公司。");
        let places: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .filter_map(|r| match &r.object {
                Object::Division(d) => Some(d.name.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(places, ["绍兴市", "绍兴市"]);
    }

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
}
