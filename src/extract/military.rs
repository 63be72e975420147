//! Units of China's armed forces named by their frame rather than by a list:
//! a place's command (`某某警备区`, `某省军区`, `某某军分区`), an armed-police
//! corps (`武警某某总队`), an army group (`陆军第某集团军`), a theatre command
//! and its services (`东部战区`, `东部战区海军`) and a garrison (`驻港部队`).
//! They are government bodies, so they are agencies. The words are data
//! (`military_units.txt`, `province_initials.txt`); this pass only reads the
//! frames. It adds mentions and touches none found before it.

use super::lexicon::{MILITARY_UNITS, PROVINCE_INITIALS};
use super::{Cx, DivInfo, Mention};
use crate::model::{EntityType, Level, Span};

/// The five theatre commands are named by a direction and 部战区.
const DIRECTIONS: &str = "东南西北中";

/// The army's own name, which opens the full form of every unit.
const ARMY: &str = "中国人民解放军";

pub fn find(cx: &mut Cx) {
    let mut found = Vec::new();
    places(cx, &mut found);
    armed_police(cx, &mut found);
    army_groups(cx, &mut found);
    theatres(cx, &mut found);
    garrisons(cx, &mut found);
    // A name that ends inside a unit ends at a suffix read too early (`第某集团`
    // of `第某集团军`, `某某和陆军第某集团`); a name that holds the unit is
    // longer (`某某军区总医院`), and the unit yields to it.
    let cut_short = |o: &Mention, m: &Mention| {
        o.ty != EntityType::Division
            && (o.span.end > m.span.start
                && o.span.end < m.span.end
                && o.span.start <= m.span.start
                || m.span.contains(o.span) && o.span != m.span)
    };
    cx.mentions
        .retain(|o| !found.iter().any(|m| cut_short(o, m)));
    for m in found {
        let clear = !cx
            .mentions
            .iter()
            .any(|o| o.ty != EntityType::Division && o.span.overlaps(m.span));
        if clear {
            cx.mentions.push(m);
        }
    }
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// A unit placed in a division and linked across articles by the division's
/// code and its kind.
fn unit(
    s: usize,
    e: usize,
    text: String,
    name: String,
    aliases: Vec<String>,
    div: Option<DivInfo>,
    key: String,
) -> Mention {
    Mention {
        ty: EntityType::Agency,
        span: Span::new(s, e),
        text,
        key,
        name,
        aliases,
        class: None,
        div,
        role: None,
        rule: "agency:military",
        anaphoric: false,
    }
}

/// The division a province-level or prefecture-level mention names, as the
/// gazetteer knows it: a unit is named after no other.
fn placed(d: &Mention) -> Option<&DivInfo> {
    d.div.as_ref().filter(|i| {
        d.ty == EntityType::Division
            && i.gaz.is_some()
            && matches!(i.level, Level::Province | Level::Prefecture)
    })
}

/// The short form a unit is named by (`天津` of 天津市), or the full name when
/// the gazetteer gives none.
fn short_of(cx: &Cx, info: &DivInfo) -> String {
    info.gaz
        .map(|ix| cx.gaz.short(ix).to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| info.name.clone())
}

/// `某某警备区`, `某省军区`, `某某军分区`: a place's command. A province's
/// command keeps 省 (`某省军区`), every other one is named by the place's short
/// form; both forms are aliases.
fn places(cx: &Cx, found: &mut Vec<Mention>) {
    for d in cx.mentions.iter().filter(|d| d.ty == EntityType::Division) {
        let Some(info) = placed(d) else {
            continue;
        };
        let at = d.span.end;
        // `某省军区`: the place's mention may stop before 省, which then opens
        // the word.
        let (at, with_province) = if cx.starts_with(at, "省军区") {
            (at + 1, true)
        } else {
            (at, cx.slice(d.span.start, at).ends_with('省'))
        };
        let Some((word, _)) = MILITARY_UNITS
            .iter()
            .find(|(w, kind)| *kind == "place" && cx.starts_with(at, w))
        else {
            continue;
        };
        // A province's command is its 省军区, written with 省; a short form
        // before 军区 names one of the old great regions (`某某军区`).
        let short = short_of(cx, info);
        let e = at + word.chars().count();
        let name = if with_province {
            format!("{}{word}", info.name)
        } else {
            format!("{short}{word}")
        };
        let aliases = vec![
            cx.slice(d.span.start, e),
            format!("{short}{word}"),
            format!("{}{word}", info.name),
        ];
        let key = format!("{}/{word}", info.key);
        found.push(unit(
            d.span.start,
            e,
            cx.slice(d.span.start, e),
            name,
            aliases,
            Some(info.clone()),
            key,
        ));
    }
}

/// `武警某某总队`: the armed police's corps of a province, named by its short
/// form, or a detachment of a city (`武警某某支队`).
fn armed_police(cx: &Cx, found: &mut Vec<Mention>) {
    for d in cx.mentions.iter().filter(|d| d.ty == EntityType::Division) {
        let s = d.span.start;
        if s < 2 || cx.slice(s - 2, s) != "武警" {
            continue;
        }
        let Some(info) = placed(d) else {
            continue;
        };
        let Some((word, _)) = MILITARY_UNITS
            .iter()
            .find(|(w, kind)| *kind == "police" && cx.starts_with(d.span.end, w))
        else {
            continue;
        };
        let e = d.span.end + word.chars().count();
        let short = short_of(cx, info);
        let aliases = vec![
            cx.slice(s - 2, e),
            format!("武警{}{word}", info.name),
            format!("中国人民武装警察部队{}{word}", info.name),
        ];
        let key = format!("{}/武警{word}", info.key);
        found.push(unit(
            s - 2,
            e,
            cx.slice(s - 2, e),
            format!("武警{short}{word}"),
            aliases,
            Some(info.clone()),
            key,
        ));
    }
    // `武警第一机动总队`: a mobile corps is numbered, not placed.
    for at in 0..cx.chars.len() {
        if !cx.starts_with(at, "武警第") {
            continue;
        }
        let digits = numeral_run(cx, at + 3);
        if digits > 0 && cx.starts_with(at + 3 + digits, "机动总队") {
            let e = at + 3 + digits + 4;
            let text = cx.slice(at, e);
            let full = format!("中国人民武装警察部队{}", cx.slice(at + 2, e));
            found.push(unit(
                at,
                e,
                text.clone(),
                text.clone(),
                vec![text.clone(), full],
                None,
                format!("national/{text}"),
            ));
        }
    }
}

/// How many numerals, Arabic or Chinese, start at `at`.
fn numeral_run(cx: &Cx, at: usize) -> usize {
    cx.chars[at.min(cx.chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十〇零".contains(**c))
        .count()
}

/// `陆军第某集团军`, `第某集团军`: an army group, named by its number.
fn army_groups(cx: &Cx, found: &mut Vec<Mention>) {
    for at in 0..cx.chars.len() {
        if cx.chars[at] != '第' {
            continue;
        }
        let digits = numeral_run(cx, at + 1);
        if digits == 0 || !cx.starts_with(at + 1 + digits, "集团军") {
            continue;
        }
        let e = at + 1 + digits + 3;
        let s = if at >= 2 && cx.slice(at - 2, at) == "陆军" {
            at - 2
        } else {
            at
        };
        let bare = cx.slice(at, e);
        let aliases = vec![
            cx.slice(s, e),
            bare.clone(),
            format!("陆军{bare}"),
            format!("{ARMY}陆军{bare}"),
        ];
        found.push(unit(
            s,
            e,
            cx.slice(s, e),
            bare.clone(),
            aliases,
            None,
            format!("national/{bare}"),
        ));
    }
}

/// `东部战区`, `东部战区海军`: a theatre command and its services.
fn theatres(cx: &Cx, found: &mut Vec<Mention>) {
    for at in 0..cx.chars.len() {
        if !DIRECTIONS.contains(cx.chars[at]) || !cx.starts_with(at + 1, "部战区") {
            continue;
        }
        let mut e = at + 4;
        if let Some((w, _)) = MILITARY_UNITS
            .iter()
            .find(|(w, kind)| *kind == "service" && cx.starts_with(e, w))
        {
            e += w.chars().count();
        }
        let name = cx.slice(at, e);
        let aliases = vec![name.clone(), format!("{ARMY}{name}")];
        found.push(unit(
            at,
            e,
            name.clone(),
            name.clone(),
            aliases,
            None,
            format!("national/{name}"),
        ));
    }
}

/// `驻港部队`, `中国人民解放军驻某某部队`: the garrison of a special
/// administrative region, by its one-character short form or its name. It is
/// located there.
fn garrisons(cx: &Cx, found: &mut Vec<Mention>) {
    for at in 0..cx.chars.len() {
        if cx.chars[at] != '驻' {
            continue;
        }
        // The region: a one-character short form, or a province's mention.
        let by_initial = cx.chars.get(at + 1).and_then(|c| {
            PROVINCE_INITIALS
                .iter()
                .find(|(i, _)| i.starts_with(*c))
                .and_then(|(_, code)| cx.gaz.by_code(code))
                .map(|ix| (at + 2, super::division::info(cx.gaz, ix)))
        });
        let by_name = || {
            cx.mentions
                .iter()
                .find(|d| {
                    d.ty == EntityType::Division
                        && d.span.start == at + 1
                        && d.div
                            .as_ref()
                            .is_some_and(|i| i.level == Level::Province && i.gaz.is_some())
                })
                .map(|d| (d.span.end, d.div.clone().expect("checked above")))
        };
        let Some((p, info)) = by_initial
            .filter(|(p, _)| cx.starts_with(*p, "部队"))
            .or_else(by_name)
        else {
            continue;
        };
        // Troops stationed in a province (`驻京部队`) are many units; only a
        // special administrative region's garrison is one body.
        if !cx.starts_with(p, "部队") || !info.name.ends_with("特别行政区") {
            continue;
        }
        let e = p + 2;
        let s = if at >= 7 && cx.slice(at - 7, at) == ARMY {
            at - 7
        } else {
            at
        };
        let short = short_of(cx, &info);
        let name = format!("驻{short}部队");
        let aliases = vec![
            cx.slice(s, e),
            cx.slice(at, e),
            name.clone(),
            format!("{ARMY}{name}"),
        ];
        let key = format!("{}/驻军", info.key);
        found.push(unit(s, e, cx.slice(s, e), name, aliases, Some(info), key));
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::{EntityType, Predicate};

    fn agencies(body: &str) -> Vec<String> {
        let ex = run(body);
        let mut v: Vec<String> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.name.clone())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_place_command_keeps_its_place() {
        let ex = run("天津警备区和浙江省军区派出官兵。");
        let names: Vec<_> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.name.as_str())
            .collect();
        assert!(names.contains(&"天津警备区"), "{names:?}");
        assert!(names.contains(&"浙江省军区"), "{names:?}");
        assert!(
            ex.relations
                .iter()
                .any(|r| r.predicate == Predicate::LocatedIn)
        );
    }

    #[test]
    fn armed_police_corps_and_army_groups() {
        let names = agencies("武警甘肃总队、武警第九机动总队和陆军第99集团军某旅参加演练。");
        assert!(names.contains(&"武警甘肃总队".to_string()), "{names:?}");
        assert!(names.contains(&"武警第九机动总队".to_string()), "{names:?}");
        assert!(names.contains(&"第99集团军".to_string()), "{names:?}");
    }

    #[test]
    fn theatre_services_and_garrisons() {
        let names = agencies("东部战区海军和驻港部队举行联合演练。");
        assert!(names.contains(&"东部战区海军".to_string()), "{names:?}");
        assert!(names.contains(&"驻香港部队".to_string()), "{names:?}");
    }

    #[test]
    fn a_joint_security_area_is_no_command() {
        assert!(agencies("板门店共同警备区的武装已解除。").is_empty());
    }
}
