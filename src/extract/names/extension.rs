//! What follows an agency's name and extends it: a stationed discipline group and
//! the host body named inside it, numbered inspection and stationed groups, a
//! government's general office, a bureau's units, and branches and stations in a
//! division, a zone or a sub-bureau. The extension joins the agency's name, so a
//! branch is a body of its own and not its parent.

use super::body::{body_variants, match_body};
use crate::extract::{Cx, DivInfo, Mention, is_han, is_stop};
use crate::model::{EntityType, Span};

const ORDINALS: &str = "一二三四五六七八九十";

/// What follows an agency's name and extends it: a stationed group (`驻某局纪检监察组`,
/// returning the host body too), a numbered or plain inspection or stationed group
/// (`第二巡察组`, `巡察办`), or a branch in a division (`某区分局`, `某开发区派出所`).
/// Returns the new end, the text added to the body, and the host mention.
pub(super) fn extension_after(
    cx: &Cx,
    end: usize,
    div: &DivInfo,
) -> Option<(usize, String, Option<Mention>)> {
    // 驻 + [市/县/区 | division] + body + 纪检监察组.
    if cx.chars.get(end) == Some(&'驻') {
        let p = end + 1;
        let (host_div, body_at) = match cx.chars.get(p) {
            Some(c) if "市县区省".contains(*c) => (div.clone(), p + 1),
            _ => {
                let d = cx
                    .mentions
                    .iter()
                    .filter(|m| m.ty == EntityType::Division && m.span.start == p)
                    .max_by_key(|m| m.span.end)?;
                (d.div.clone()?, d.span.end)
            }
        };
        let host_end = match_body(cx, body_at)?;
        for group in ["纪检监察组", "纪检组", "监察组"] {
            if cx.starts_with(host_end, group) {
                let host_body = cx.slice(body_at, host_end);
                let (canon, variants) = body_variants(&host_body);
                let host_text = cx.slice(p, host_end);
                let mut aliases: Vec<String> = variants
                    .iter()
                    .map(|v| format!("{}{v}", host_div.name))
                    .collect();
                aliases.push(host_text.clone());
                let host = Mention {
                    ty: EntityType::Agency,
                    span: Span::new(p, host_end),
                    text: host_text,
                    key: format!("{}/{canon}", host_div.key),
                    name: format!("{}{canon}", host_div.name),
                    aliases,
                    class: None,
                    div: Some(host_div.clone()),
                    role: None,
                    rule: "agency:host",
                    anaphoric: false,
                };
                let g_end = host_end + group.chars().count();
                return Some((g_end, format!("驻{canon}纪检监察组"), Some(host)));
            }
        }
        return None;
    }
    // [第N] + group.
    let mut p = end;
    let mut ordinal = String::new();
    if cx.chars.get(p) == Some(&'第') {
        let mut q = p + 1;
        while cx.chars.get(q).is_some_and(|c| ORDINALS.contains(*c)) {
            q += 1;
        }
        if q > p + 1 {
            ordinal = cx.slice(p, q);
            p = q;
        }
    }
    for group in [
        "派驻纪检监察组",
        "纪检监察组",
        "巡察组",
        "巡视组",
        "巡察办",
        "巡视办",
        "派驻组",
    ] {
        // Inspection groups and offices stand alone (`县委巡察办`); a stationed group
        // needs its number (`第三派驻纪检监察组`) to be more than a description.
        let named = !ordinal.is_empty() || group.starts_with('巡');
        if named && cx.starts_with(p, group) {
            let e = p + group.chars().count();
            return Some((e, format!("{ordinal}{group}"), None));
        }
    }
    // The general office of a commission or a leading group (`某省委某某委员会
    // 办公室`): a body of its own.
    if (cx.ends_with_at(end, "委员会") || cx.ends_with_at(end, "领导小组"))
        && cx.starts_with(end, "办公室")
    {
        return Some((end + 3, "办公室".to_string(), None));
    }
    // The general office of a government (`某省政府办公厅`, `某县政府办公室`,
    // `某县政府办`).
    if cx.ends_with_at(end, "政府") {
        for office in ["办公厅", "办公室", "办"] {
            if cx.starts_with(end, office)
                && !cx.starts_with(end, "办理")
                && !cx.starts_with(end, "办事")
            {
                return Some((end + office.chars().count(), office.to_string(), None));
            }
        }
        // A department of the government that the dictionary knows as a body
        // (`某特区政府卫生署`): it is the government's, not a body of its own.
        let tokens = cx.tokens();
        if let Some(t) = tokens
            .get(tokens.partition_point(|t| t.start < end))
            .filter(|t| t.start == end && t.end - t.start >= 3)
            .filter(|t| t.pos == crate::segment::Pos::Organization)
            && cx.chars[t.end - 1] != '会'
            && "署局厅委办".contains(cx.chars[t.end - 1])
        {
            return Some((t.end, cx.slice(end, t.end), None));
        }
    }
    // A unit of a bureau: 某局交警大队, 某厅经侦总队.
    if cx.ends_with_at(end, "局") || cx.ends_with_at(end, "厅") {
        for gap in 0..=4 {
            if (end..end + gap).any(|k| cx.chars.get(k).is_none_or(|&c| !is_han(c) || is_stop(c))) {
                break;
            }
            for unit in ["总队", "支队", "大队", "中队"] {
                if cx.starts_with(end + gap, unit) {
                    let e = end + gap + unit.chars().count();
                    return Some((e, cx.slice(end, e), None));
                }
            }
        }
    }
    // A branch in a zone named by its kind alone (某市公安局经开区派出所).
    if cx.ends_with_at(end, "局") {
        for kind in ["经开区", "开发区", "高新区", "园区"] {
            if cx.starts_with(end, kind) {
                let after = end + kind.chars().count();
                for branch in ["分局", "派出所", "大队", "中队", "所"] {
                    if cx.starts_with(after, branch) {
                        let e = after + branch.chars().count();
                        return Some((e, cx.slice(end, e), None));
                    }
                }
            }
        }
    }
    // A sub-bureau named by a short place name, and a station under it:
    // 某市公安局某某分局, 某市公安局某某分局某某派出所; a county's police
    // bureau keeps its stations itself (某县公安局某某派出所).
    if cx.ends_with_at(end, "局") {
        let han_run = |from: usize, n: usize| {
            (from..from + n).all(|k| cx.chars.get(k).is_some_and(|&c| is_han(c) && !is_stop(c)))
        };
        for gap in 1..=4 {
            if !han_run(end, gap) {
                break;
            }
            if gap >= 2 && cx.ends_with_at(end, "公安局") && cx.starts_with(end + gap, "派出所")
            {
                let e = end + gap + 3;
                return Some((e, cx.slice(end, e), None));
            }
            if cx.starts_with(end + gap, "分局") {
                let mut e = end + gap + 2;
                for gap2 in 1..=5 {
                    if !han_run(e, gap2) {
                        break;
                    }
                    if cx.starts_with(e + gap2, "派出所") {
                        e = e + gap2 + 3;
                        break;
                    }
                }
                return Some((e, cx.slice(end, e), None));
            }
        }
    }
    // A branch in a division or zone: 某市公安局某区分局, 某局某开发区派出所.
    if cx.chars.get(end.wrapping_sub(1)) == Some(&'局')
        && let Some(d) = cx
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Division && m.span.start == end)
            .max_by_key(|m| m.span.end)
    {
        for branch in ["分局", "派出所", "大队", "中队", "税务所", "司法所", "所"] {
            if cx.starts_with(d.span.end, branch) {
                let e = d.span.end + branch.chars().count();
                return Some((e, cx.slice(end, e), None));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::agencies;

    #[test]
    fn a_station_under_a_sub_bureau_named_by_a_short_place_name_is_one_body() {
        let found = agencies("杭州市公安局西湖分局文新派出所民警介绍了情况。");
        // The city's bureau is named beside its station.
        assert_eq!(found, ["杭州市公安局西湖分局文新派出所", "杭州市公安局"]);
        let found = agencies("浙江省安吉县公安局青禾派出所民警走访企业。");
        assert!(
            found.iter().any(|a| a.ends_with("公安局青禾派出所")),
            "{found:?}"
        );
    }
}
