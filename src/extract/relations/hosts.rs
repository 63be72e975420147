//! Who else runs an initiative besides the one agent `agents` picks: the hosts
//! a sentence introduces with 由 and a verb of hosting (`由某局和某协会主办的`),
//! the joint issuers opening a document's title (`《某中央 某院关于…》`), and the
//! bodies listed with a sentence's subject (`某办、某办印发`). Which predicate each
//! one gets is `agents`' to decide.

use super::super::lexicon::{HOST_VERBS, JOINT_VERBS};
use super::super::{Cx, is_han};
use crate::model::EntityType;

/// The hosts of initiative `i` introduced by 由 with a verb of hosting, before
/// the name (`由某局和某协会主办的第三届某某节`) or after it (`某某大赛由某公司
/// 承办`): every body, place, company or organisation listed between 由 and
/// the verb.
pub(super) fn hosts(cx: &Cx, i: usize) -> Vec<usize> {
    let m = &cx.mentions[i];
    let (qs, qe) = (m.span.start, m.span.end);
    // After the name: `某某节由…主办`, `，由…承办`, `将由…举办`.
    for lead in ["由", "将由", "，由", "是由", "均由"] {
        if cx.starts_with(qe, lead)
            && let Some((found, _)) = host_list(cx, qe + lead.chars().count())
        {
            return found;
        }
    }
    // In the next clause or sentence, through an anaphor for it (`某某论坛22日
    // 开幕，该活动由…主办`), when no other initiative is named between.
    let reach = cx.sentence_end(cx.sentence_end(qe) + 1);
    for k in qe..reach.min(cx.chars.len()) {
        if cx
            .mentions
            .iter()
            .any(|o| o.ty == EntityType::Initiative && o.span.start == k)
        {
            break;
        }
        let Some(d) = ["该", "本次", "此次", "本届"]
            .iter()
            .find(|d| cx.starts_with(k, d))
        else {
            continue;
        };
        let at = k + d.chars().count();
        if let Some(noun) = [
            "活动",
            "论坛",
            "大会",
            "会议",
            "展会",
            "博览会",
            "赛事",
            "比赛",
            "展览",
        ]
        .iter()
        .find(|w| cx.starts_with(at, w))
        {
            let by = at + noun.chars().count();
            for lead in ["由", "将由", "是由", "均由"] {
                if cx.starts_with(by, lead)
                    && let Some((found, _)) = host_list(cx, by + lead.chars().count())
                {
                    return found;
                }
            }
        }
    }
    // Before it: the last 由 of the sentence, a list, a verb, 的 and at most an
    // ordinal or a year (`第八届`, `2024`) before the name.
    let sent = cx.sentence_start(qs);
    let Some(by) = (sent..qs).rev().find(|&k| cx.chars[k] == '由') else {
        return Vec::new();
    };
    let Some((found, end)) = host_list(cx, by + 1) else {
        return Vec::new();
    };
    let gap = cx.slice(end, qs);
    let ok = gap.strip_prefix('的').is_some_and(|rest| {
        rest.chars().count() <= 8
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || "第一二三四五六七八九十百零〇届次年度首".contains(c))
    });
    if ok { found } else { Vec::new() }
}

/// A list of hosts starting at `at` and the end of the verb of hosting that
/// closes it: mentions joined by 、, 和, 与, 及, with an optional `等` and a
/// word for their kind (`等单位`) before the verb.
fn host_list(cx: &Cx, at: usize) -> Option<(Vec<usize>, usize)> {
    let mut pos = at;
    let mut found = Vec::new();
    let guides = |at: usize| {
        ["指导", "支持"].iter().any(|w| cx.starts_with(at, w))
            && cx.chars.get(at + 2).is_some_and(|&c| c == '，' || c == ',')
    };
    loop {
        let j = (0..cx.mentions.len())
            .filter(|&j| {
                let o = &cx.mentions[j];
                o.span.start == pos
                    && o.span.end > pos
                    && matches!(
                        o.ty,
                        EntityType::Agency
                            | EntityType::Division
                            | EntityType::Company
                            | EntityType::Organization
                    )
            })
            .max_by_key(|&j| cx.mentions[j].span.end);
        // A mention the list goes on from is a host; one followed by more of
        // a name (`某县青联`, its place alone found) opens a host no pass named.
        let closes = |at: usize| {
            cx.chars.get(at).is_some_and(|&c| "、和与及等".contains(c))
                || cx.starts_with(at, "以及")
                || HOST_VERBS.iter().any(|v| cx.starts_with(at, v))
                || guides(at)
        };
        // A bracket after a host gives its other name (`某部（某署）`).
        let past_bracket = |e: usize| {
            if cx.chars.get(e).is_some_and(|&c| c == '（' || c == '(') {
                (e + 1..(e + 16).min(cx.chars.len()))
                    .find(|&k| cx.chars[k] == '）' || cx.chars[k] == ')')
                    .map_or(e, |k| k + 1)
            } else {
                e
            }
        };
        match j.filter(|&j| closes(past_bracket(cx.mentions[j].span.end))) {
            Some(j) => {
                found.push(j);
                pos = past_bracket(cx.mentions[j].span.end);
            }
            // A host no pass named is passed over: its words run to the next
            // mark of the list or to the verb, and must be a name's (Han only).
            None => {
                let stop = (pos..(pos + 16).min(cx.chars.len())).find(|&k| {
                    "、和与及".contains(cx.chars[k])
                        || HOST_VERBS.iter().any(|v| cx.starts_with(k, v))
                })?;
                if stop == pos || !cx.chars[pos..stop].iter().all(|&c| is_han(c)) {
                    return None;
                }
                pos = stop;
            }
        }
        if cx.starts_with(pos, "以及") {
            pos += 2;
            continue;
        }
        // Bodies that guide or support it (`由甲、乙指导，丙主办`) do not host
        // it: the hosts are the ones listed after them.
        if guides(pos) {
            found.clear();
            pos += 3;
            continue;
        }
        if cx.chars.get(pos).is_some_and(|&c| "、和与及".contains(c)) {
            pos += 1;
            continue;
        }
        if cx.chars.get(pos) == Some(&'等') {
            pos += 1;
            let kind_end = (pos..(pos + 5).min(cx.chars.len()))
                .find(|&k| HOST_VERBS.iter().any(|v| cx.starts_with(k, v)))?;
            if !cx.chars[pos..kind_end].iter().all(|&c| is_han(c)) {
                return None;
            }
            pos = kind_end;
        }
        let verb = HOST_VERBS.iter().find(|v| cx.starts_with(pos, v))?;
        return Some((found, pos + verb.chars().count()));
    }
}

/// The agencies listed right after agency `j`, before `limit`: joined by 、,
/// 和, 与, 及 or a space (`某办 某办印发`), or by a verb of joint work
/// (`某局联合某局推出`, `会同`, `携手`), each named in full.
pub(super) fn listed_agencies(cx: &Cx, j: usize, limit: usize) -> Vec<usize> {
    let mut out = Vec::new();
    if cx.mentions[j].ty != EntityType::Agency {
        return out;
    }
    let mut end = cx.mentions[j].span.end;
    let joiner = |at: usize| {
        if cx.chars.get(at).is_some_and(|&c| "、和与及 　".contains(c)) {
            Some(1)
        } else {
            JOINT_VERBS
                .iter()
                .find(|w| cx.starts_with(at, w))
                .map(|w| w.chars().count())
        }
    };
    while let Some(len) = joiner(end) {
        let Some(k) = (0..cx.mentions.len())
            .filter(|&k| {
                let o = &cx.mentions[k];
                o.ty == EntityType::Agency
                    && !o.anaphoric
                    && o.span.start == end + len
                    && o.span.end <= limit
            })
            .max_by_key(|&k| cx.mentions[k].span.end)
        else {
            break;
        };
        if cx.mentions[k].key != cx.mentions[j].key {
            out.push(k);
        }
        end = cx.mentions[k].span.end;
    }
    out
}

/// The other agencies that open the name of initiative `i` with agency `j`,
/// before its 关于: the joint issuers of a document.
pub(super) fn co_issuers(cx: &Cx, i: usize, j: usize) -> Vec<usize> {
    let m = &cx.mentions[i];
    let Some(about) = (m.span.start..m.span.end).find(|&k| cx.starts_with(k, "关于")) else {
        return Vec::new();
    };
    (0..cx.mentions.len())
        .filter(|&k| {
            let o = &cx.mentions[k];
            k != j
                && o.ty == EntityType::Agency
                && !o.anaphoric
                && m.span.contains(o.span)
                && o.span.end <= about
                && o.key != cx.mentions[j].key
        })
        .collect()
}
