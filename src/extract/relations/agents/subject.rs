//! The agent one mention of an initiative proposes, with its rule and priority:
//! a body opening the name, an agent before a creation verb (`某局推出的“某某”`,
//! `“某某”是某局打造的`), a headline's `某县推出“某某”`, else the sentence's
//! subject (through a chain of places to the innermost, or the body the subject
//! has act). Also what counts as an agent: a body, or a place that is no part of
//! a longer name, no place phrase and no business's address; and a company that
//! creates the initiative itself, so that no body does. Choosing among the
//! proposals is the parent module's.

use crate::extract::lexicon::{
    CAUSATIVE, CREATE_VERBS, CREATION_VERBS, FOLLOWING, INITIATIVE_VERBS, JOIN_VERBS, POSTS,
};
use crate::extract::{Cx, Mention, is_han};
use crate::model::EntityType;

pub(super) fn is_agent(cx: &Cx, j: usize) -> bool {
    cx.spend(cx.mentions.len());
    let m = &cx.mentions[j];
    // A congress named in a deputy's title (`全国人大代表某某`) is where the
    // deputy sits; the deputy, not the congress, acts in the sentence.
    // A bureau named inside its unit's name (`某局某某分局`) is not the one
    // that acts: the unit is.
    if m.ty == EntityType::Agency {
        return m.rule != "agency:seat"
            && !(m.rule == "agency:host"
                && cx.mentions.iter().any(|o| {
                    o.ty == EntityType::Agency && o.span.contains(m.span) && o.span != m.span
                }));
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

/// Whether a verb of joining stands right before the initiative starting at
/// `qs` (`参与“某某”建设`): whoever acts there takes part in a programme
/// someone else runs. A verb before a list's first item joins every item
/// (`参与某某区建设和“某某”建设`).
pub(super) fn joined(cx: &Cx, qs: usize) -> bool {
    let before = cx.slice(qs.saturating_sub(3), qs);
    if JOIN_VERBS.iter().any(|v| before.contains(v)) {
        return true;
    }
    if qs == 0 || !"和、及与".contains(cx.chars[qs - 1]) {
        return false;
    }
    let floor = qs.saturating_sub(20);
    let from = (floor..qs - 1)
        .rev()
        .find(|&k| "，。；：！？,;:!?".contains(cx.chars[k]))
        .map_or(floor, |k| k + 1);
    let clause = cx.slice(from, qs - 1);
    JOIN_VERBS.iter().any(|v| clause.contains(v))
}

/// A body before a post (`某委主席某某`) says where a person works: the person,
/// not the body, is who acts in the sentence.
pub(super) fn before_post(cx: &Cx, m: &Mention) -> bool {
    // Only national bodies: a local official speaks for the body (`某县委书记
    // 说，我们推出…`), while a leader's titles only introduce the leader.
    m.div.is_none() && POSTS.iter().any(|p| cx.starts_with(m.span.end, p))
}

/// The agent of one initiative mention, with the rule's priority (lower is better).
pub(super) fn agent_of(cx: &Cx, i: usize) -> Option<(usize, u8, &'static str)> {
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
    // A leading group named after the campaign (`中央某某活动领导小组`) runs it.
    if let Some(j) = (0..n).find(|&j| {
        let o = &cx.mentions[j];
        o.ty == EntityType::Agency
            && !o.anaphoric
            && (o.name.ends_with("领导小组") || o.name.ends_with("领导小组办公室"))
            && m.name.chars().count() >= 4
            && o.name
                .replace(['“', '”', '‘', '’'], "")
                .contains(m.name.as_str())
    }) {
        return Some((j, 0, "launchedBy:campaign-group"));
    }
    // The name may open with a body the article names elsewhere, when the
    // initiative's mention took the body's characters for its own
    // (`落实某院某某行动计划`).
    if inner.is_none()
        && let Some(j) = (0..n)
            .filter(|&j| {
                let o = &cx.mentions[j];
                o.ty == EntityType::Agency
                    && !o.anaphoric
                    && is_agent(cx, j)
                    && o.name.chars().count() >= 2
                    && m.name.chars().count() >= o.name.chars().count() + 4
                    && m.name.starts_with(o.name.as_str())
            })
            .max_by_key(|&j| cx.mentions[j].name.chars().count())
    {
        return Some((j, 0, "launchedBy:name-prefix"));
    }
    // A headline states an agent only as `某县推出“某某码”`: an agent right before
    // a creation verb right before the name. It is the weakest evidence, used when
    // the body names no agent.
    if qs < cx.article.body_start {
        // An event's headline states its host as `某某召开某某座谈会`.
        let event = matches!(m.rule, "initiative:event" | "initiative:convened");
        return direct_creator(cx, qs)
            .or_else(|| event.then(|| headline_host(cx, qs)).flatten())
            .map(|j| (j, 4, "launchedBy:headline"));
    }
    // 2. X发放的“Y” / X推出的“Y”.
    if qs > 0 && cx.chars[qs - 1] == '的' {
        let cut = qs - 1;
        if let Some(v) = CREATE_VERBS.iter().find(|v| cx.ends_with_at(cut, v)) {
            // The maker stands close before its verb, in the same clause
            // (`某局近日发放的`); a clause away (`某会议，确定落实新修订的`)
            // the verb has a maker of its own the sentence does not name.
            let verb = cut - v.chars().count();
            let found = (0..n)
                .filter(|&j| {
                    let e = cx.mentions[j].span.end;
                    e <= verb
                        && verb - e <= 4
                        && (e..verb).all(|p| is_han(cx.chars[p]))
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
    // A host verb right before the event's name (`某市正在召开第某次某某大会`)
    // makes the sentence's subject its host.
    let mut host_verb_at = None;
    let hosted = cx.mentions[i].rule == "initiative:event" && {
        // Past an ordinal that dates the edition (`第七次`).
        let k = (qs.saturating_sub(8)..qs)
            .find(|&o| crate::extract::events::ordinal_end(cx, o) == Some(qs))
            .unwrap_or(qs);
        host_verb_at = ["召开", "举办", "举行", "主办", "承办"]
            .iter()
            .find(|v| cx.ends_with_at(k, v))
            .map(|v| k - v.chars().count());
        host_verb_at.is_some()
    };
    // A law right after the body that makes it (`某常委会制定颁布某某法`).
    if cx.mentions[i].rule == "initiative:named-law"
        && let Some(j) = direct_creator(cx, qs)
        && cx.mentions[j].ty == EntityType::Agency
    {
        return Some((j, 1, "launchedBy:x-verb-y"));
    }
    if matches!(
        cx.mentions[i].rule,
        "initiative:event"
            | "initiative:fair-short-form"
            | "initiative:named-law"
            | "initiative:campaign-head"
    ) && !hosted
    {
        return None;
    }
    // Nor does a programme named for the lands along it (`对“某某”沿线国家`).
    if cx.ends_with_at(qe, "沿线") {
        return None;
    }
    // Nor does a programme the subject works within (`某省在“某某”建设中`,
    // `在某某战略中`): it joins a larger one.
    if cx.ends_with_at(qs, "在") && (cx.starts_with(qe, "中") || cx.starts_with(qe, "建设中"))
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
            || crate::extract::trim::token_at(cx.tokens(), from)
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
    if joined(cx, qs) {
        return fallback;
    }
    // A name that opens with its place (`某市某某实施方案`) is that place's:
    // a body or a place of another province acting in the sentence (one
    // learning from it, or reporting on it) did not launch it.
    if let Some(p) = prefix_place
        && let (Some(own), Some(theirs)) = (
            cx.mentions[p].div.as_ref().and_then(|d| d.gaz),
            cx.mentions[subject].div.as_ref().and_then(|d| d.gaz),
        )
        && !cx.gaz.within(own, theirs)
        && !cx.gaz.within(theirs, own)
    {
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
    // An event's host is the subject written right before the host verb, with
    // at most an adverb between (`某市正在召开`, `某区将举办`), and not a
    // place the event happens in (`在某市举行`).
    // Bodies listed with the subject (`某部、某部和某省委联合举行`) hold
    // the event with it: the gap runs from the list's last.
    if let Some(v) = host_verb_at {
        let m = &cx.mentions[subject];
        let mut end = m.span.end;
        while cx.chars.get(end).is_some_and(|&c| "、和与及".contains(c))
            && let Some(&next) = candidates
                .iter()
                .find(|&&j| cx.mentions[j].span.start == end + 1)
        {
            end = cx.mentions[next].span.end;
        }
        let gap = v.saturating_sub(end);
        if end > v
            || gap > 2
            || !(end..v).all(|k| is_han(cx.chars[k]))
            || m.span.start > 0 && cx.chars[m.span.start - 1] == '在'
        {
            return fallback;
        }
    }
    Some((subject, 2, "launchedBy:sentence-subject"))
}

/// The agent written right before a creation verb that stands right before `qs`,
/// with at most one adverb between (同步, 近日, 正式).
fn direct_creator(cx: &Cx, qs: usize) -> Option<usize> {
    cx.spend(cx.mentions.len());
    let verb = CREATE_VERBS.iter().find(|v| cx.ends_with_at(qs, v))?;
    let mut at = qs - verb.chars().count();
    // Two verbs in a row make one act (`制定颁布`, `审议通过`).
    if let Some(first) = CREATE_VERBS
        .iter()
        .chain(["审议"].iter())
        .find(|v| cx.ends_with_at(at, v))
    {
        at -= first.chars().count();
    }
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

/// The body written right before a verb of hosting right before an event's
/// name at `qs` in a headline (`某某召开某某座谈会`), past an edition.
fn headline_host(cx: &Cx, qs: usize) -> Option<usize> {
    let k = (qs.saturating_sub(8)..qs)
        .find(|&o| crate::extract::events::ordinal_end(cx, o) == Some(qs))
        .unwrap_or(qs);
    let verb = ["召开", "举办", "举行", "主办"]
        .iter()
        .find(|v| cx.ends_with_at(k, v))?;
    let at = k - verb.chars().count();
    (0..cx.mentions.len())
        .filter(|&j| {
            cx.mentions[j].span.end == at
                && cx.mentions[j].ty == EntityType::Agency
                && is_agent(cx, j)
        })
        .min_by_key(|&j| cx.mentions[j].span.start)
}

/// Whether a company or organisation, with no agency after it, creates the
/// initiative at `i` in its clause (`某银行推出“某某贷”`).
pub(super) fn launched_by_company(cx: &Cx, i: usize) -> bool {
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
