//! launchedBy and participatesIn: who runs an initiative (the agent before a
//! creation verb, the sentence's subject, the paragraph's body, a place that
//! launches through its innermost division) and which companies and
//! organisations use or join it.

use super::super::lexicon::{
    CAUSATIVE, CREATE_VERBS, CREATION_VERBS, FOLLOWING, INITIATIVE_VERBS, JOIN_VERBS, POSTS,
};
use super::super::{Cx, Mention, Object, is_han};
use super::hosts::{co_issuers, hosts, listed_agencies};
use crate::model::{EntityType, Predicate};

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
    // the rules above, which say who made it, place it. Nor is the body that
    // runs its round of a national campaign (`某省开展某某主题教育`) the one
    // that launched it.
    if matches!(
        cx.mentions[i].rule,
        "initiative:event"
            | "initiative:fair-short-form"
            | "initiative:named-law"
            | "initiative:campaign-head"
    ) {
        return None;
    }
    // A reform named without quotes after `深化` or `推进` is mostly a national
    // one that the subject carries on (`某市深化某某结构性改革`), not its own.
    // Nor does a programme named for the lands along it (`对“某某”沿线国家`).
    if cx.mentions[i].rule == "initiative:reform"
        && ["深化", "推进"].iter().any(|v| cx.ends_with_at(qs, v))
        || cx.ends_with_at(qe, "沿线")
    {
        return None;
    }
    // 4. The sentence's subject: the first agency or division before the name that
    // is not a place phrase (`在某街道，…`), unless the clause says the subject only
    // follows the programme. When the subject has another body do the work
    // (`某纪委督促某局开展…`), the body made to act is the agent.
    // A clause after a semicolon with no agent of its own shares the subject of
    // the clause before (`某区出台十条政策；深化“某某”改革`).
    let shares_subject = |from: usize| {
        !(0..n).any(|j| {
            let m = &cx.mentions[j];
            m.span.start >= from && m.span.end <= qs && is_agent(cx, j)
        })
    };
    // Only a clause that opens with a verb has no subject of its own, and a name
    // that opens with its own place keeps that place.
    let opens_with_verb = |from: usize| {
        INITIATIVE_VERBS.iter().any(|v| cx.starts_with(from, v))
            || super::super::trim::token_at(cx.tokens(), from)
                .is_some_and(|t| t.pos == crate::segment::Pos::Verb)
    };
    let mut sent = sent;
    for _ in 0..3 {
        if sent > 0
            && prefix_place.is_none()
            && matches!(cx.chars[sent - 1], '；' | ';')
            && opens_with_verb(sent)
            && shares_subject(sent)
        {
            sent = cx.sentence_start(sent - 1);
        } else {
            break;
        }
    }
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
    // whose body it is or where the work happens. A body that only says where
    // something is set up (`某区在区行政服务中心设立…窗口`) is a place too.
    let set_up_in = |j: usize| {
        let m = &cx.mentions[j];
        m.span.start > 0
            && cx.chars[m.span.start - 1] == '在'
            && CREATION_VERBS.iter().any(|v| cx.starts_with(m.span.end, v))
    };
    let Some(subject) = candidates.iter().copied().min_by_key(|&j| {
        (
            cx.mentions[j].ty != EntityType::Agency || set_up_in(j),
            cx.mentions[j].span.start,
        )
    }) else {
        return fallback;
    };
    // `某省某市实施…`, `某市的某区建立…`: a chain of places names the innermost one.
    let mut subject = subject;
    while cx.mentions[subject].ty == EntityType::Division
        && let Some(next) = candidates.iter().copied().find(|&j| {
            let end = cx.mentions[subject].span.end;
            cx.mentions[j].ty == EntityType::Division
                && (cx.mentions[j].span.start == end
                    || cx.mentions[j].span.start == end + 1
                        && cx.chars[end] == '的'
                        && inside(cx, j, subject))
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

/// Whether division mention `j` lies inside division mention `k` by the gazetteer.
fn inside(cx: &Cx, j: usize, k: usize) -> bool {
    let (Some(a), Some(b)) = (
        cx.mentions[j].div.as_ref().and_then(|d| d.gaz),
        cx.mentions[k].div.as_ref().and_then(|d| d.gaz),
    ) else {
        return false;
    };
    a != b && cx.gaz.chain(a).contains(&b)
}

/// A mention inside a place phrase: `在某街道，`, `在某区各镇`, a clause opened by 在.
fn is_locative(cx: &Cx, j: usize) -> bool {
    let m = &cx.mentions[j];
    if m.ty == EntityType::Agency {
        return false;
    }
    // A place that only says where a company or an organisation is
    // (`某镇某村的某某合作社推出…`, or a place inside the firm's name) is no agent.
    let (s, e) = (m.span.start, m.span.end);
    let names_a_business = cx.mentions.iter().any(|o| {
        if !matches!(o.ty, EntityType::Company | EntityType::Organization) {
            return false;
        }
        if o.span.start <= s && e <= o.span.end && o.span != m.span {
            return true;
        }
        if o.span.start < e || o.span.start > e + 5 {
            return false;
        }
        let between = cx.slice(e, o.span.start);
        let between = between.strip_suffix('的').unwrap_or(&between);
        between.is_empty()
            || between.chars().all(is_han) && (between.ends_with('村') || between.ends_with("社区"))
    });
    if names_a_business {
        return true;
    }
    let mut k = m.span.start;
    while k > 0 && !"，,。；;！？\n".contains(cx.chars[k - 1]) {
        k -= 1;
    }
    cx.starts_with(k, "在") || cx.starts_with(k, "　　在") || cx.starts_with(k, "  在")
}

pub(super) fn launched_by(cx: &mut Cx) {
    let body = cx.article.body_start;
    // Rules named by their count are the Party centre's or a level's; the bodies
    // that enforce them in a story did not issue them.
    let mut keys: Vec<String> = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Initiative && m.rule != "initiative:numbered-rules")
        .map(|m| m.key.clone())
        .collect();
    keys.sort();
    keys.dedup();
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
        // paragraph: only the rules above say who made it.
        if cx
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Initiative && m.key == key)
            .all(|m| matches!(m.rule, "initiative:named-law" | "initiative:campaign-head"))
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
pub(super) fn participates_in(cx: &mut Cx) {
    let n = cx.mentions.len();
    // Firms comply with laws and documents; they do not join them, so only
    // programmes, platforms, windows and products are taken part in.
    let initiatives: Vec<usize> = (0..n)
        .filter(|&j| cx.mentions[j].ty == EntityType::Initiative)
        .filter_map(|j| resolve_anaphor(cx, j))
        .filter(|&j| cx.mentions[j].class != Some("PolicyDocument"))
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

/// Whether a body's name says it belongs to many nations or to a foreign one.
fn international(name: &str) -> bool {
    use super::super::lexicon::{COUNTRIES, MULTILATERAL_OPENERS};
    MULTILATERAL_OPENERS.iter().any(|w| name.starts_with(w))
        || ["组织", "理事会"].iter().any(|w| name.ends_with(w))
        || COUNTRIES
            .iter()
            .any(|c| name.starts_with(c) && super::super::trim::foreign_country(c))
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

    fn participants(text: &str) -> Vec<String> {
        let ex = run(text);
        ex.relations
            .iter()
            .filter(|r| r.predicate == Predicate::ParticipatesIn)
            .map(|r| ex.mentions[r.subject].name.clone())
            .collect()
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
