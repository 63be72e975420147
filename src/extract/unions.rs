//! Unions of states (`某盟`, `某某合作组织`, `某国集团`) named by any of their
//! written forms, from a list of public facts (`data/lexicon/unions.txt`) like
//! the gazetteer of divisions: the segmenter tags most of them as abbreviations or
//! places, never as organisations, so no other pass finds them. A union's own
//! council or commission right after its name (`某盟委员会`) is that body. Runs
//! after events, so that a union may sit inside a summit's name, and takes the
//! place of a division read inside its name (`上海` in `上海合作组织`).

use super::lexicon::{UNION_BODIES, UNIONS, first_chars};
use super::names::normalise_name;
use super::{Cx, Mention};
use crate::model::{EntityType, Span};

/// The first characters of the unions' forms: most places open none, and
/// need no look at the list.
static FIRST: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    let rows: Vec<&[&str]> = UNIONS.iter().map(|r| r.as_slice()).collect();
    first_chars(&rows)
});

/// The unions' forms of two characters or more by their first character, with
/// their length: common characters open some (`国`, `世`, `联`), and the passes
/// that ask at every such character look only at the forms it opens.
static BY_FIRST: std::sync::LazyLock<std::collections::HashMap<char, Vec<(&'static str, usize)>>> =
    std::sync::LazyLock::new(|| {
        let mut map: std::collections::HashMap<char, Vec<(&'static str, usize)>> =
            std::collections::HashMap::new();
        for form in UNIONS.iter().flatten() {
            let len = form.chars().count();
            if let Some(c) = form.chars().next()
                && len >= 2
            {
                map.entry(c).or_default().push((form, len));
            }
        }
        map
    });

/// The end of the longest union's form of two characters or more that starts
/// at `k`, for the passes that run before this one and must not read a union's
/// name as something else (a place, an event's host).
pub(super) fn form_at(cx: &Cx, k: usize) -> Option<usize> {
    if FIRST.binary_search(cx.chars.get(k)?).is_err() {
        return None;
    }
    BY_FIRST
        .get(&cx.chars[k])?
        .iter()
        .filter(|(form, _)| cx.starts_with(k, form))
        .map(|(_, len)| k + len)
        .max()
}

/// Whether `m` is a firm found by its suffix that ends where a union's name of
/// four characters or more ends and starts before it.
fn walked_over(m: &Mention, union: Span) -> bool {
    m.rule == "company:suffix"
        && m.span.end == union.end
        && m.span.start < union.start
        && union.end - union.start >= 4
}

pub fn find(cx: &mut Cx) {
    let mut found: Vec<Mention> = Vec::new();
    // One pass finds where any form may start; each form is tried there only.
    let starts: Vec<usize> = (0..cx.chars.len())
        .filter(|&k| FIRST.binary_search(&cx.chars[k]).is_ok())
        .collect();
    if starts.is_empty() {
        return;
    }
    for forms in UNIONS.iter() {
        for form in forms {
            let len = form.chars().count();
            for &k in starts.iter().filter(|&&k| cx.starts_with(k, form)) {
                let e = k + len;
                let body = UNION_BODIES.iter().find(|b| cx.starts_with(e, b));
                let end = e + body.map_or(0, |b| b.chars().count());
                // The segmenter must not read the name as part of a longer word
                // (`东盟` is no union inside a word that runs across it).
                if cx.word_across(k).is_some()
                    || cx.word_across(end).is_some()
                    || body.is_none() && cx.word_across(e).is_some()
                {
                    continue;
                }
                let span = Span::new(k, end);
                // A longer name around it is a name of its own (`某某国家开发
                // 银行`); a name inside it or the same words read another way
                // (`某国集团` walked back from 集团 as a firm) give way, and so
                // does a firm walked back from the union's last word over the
                // words before it (`机制和某某投资银行`, `在京同某某银行`).
                let taken = |m: &Mention| {
                    m.span.overlaps(span)
                        && !span.contains(m.span)
                        && (m.ty != EntityType::Initiative || !m.span.contains(span))
                        && !walked_over(m, span)
                };
                if cx.mentions.iter().any(taken) || found.iter().any(|m| m.span.overlaps(span)) {
                    continue;
                }
                let (name, aliases) = match body {
                    Some(b) => {
                        let text = cx.slice(k, end);
                        let canonical = format!("{}{b}", forms[0]);
                        (canonical.clone(), vec![canonical, text])
                    }
                    None => (
                        forms[0].to_string(),
                        forms.iter().map(|f| f.to_string()).collect(),
                    ),
                };
                found.push(Mention {
                    ty: EntityType::Organization,
                    span,
                    text: cx.slice(k, end),
                    key: normalise_name(&name),
                    name,
                    aliases,
                    class: None,
                    div: None,
                    role: None,
                    rule: "organization:union",
                    anaphoric: false,
                });
            }
        }
    }
    if found.is_empty() {
        return;
    }
    cx.mentions.retain(|m| {
        m.ty == EntityType::Initiative
            || !found
                .iter()
                .any(|u| u.span.contains(m.span) || walked_over(m, u.span))
    });
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn unions(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Organization)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_union_is_named_by_any_of_its_forms() {
        assert_eq!(unions("中国同欧盟加强合作。"), ["欧盟"]);
        assert_eq!(unions("东南亚国家联盟各国外长出席。"), ["东盟"]);
    }

    #[test]
    fn the_united_nations_and_its_agencies_are_unions_of_states() {
        assert_eq!(unions("世卫组织发布报告。"), ["世界卫生组织"]);
        assert_eq!(unions("安理会通过决议。"), ["联合国安理会"]);
        assert_eq!(unions("亚投行批准贷款。"), ["亚洲基础设施投资银行"]);
        // The words before a union's name are no part of a firm's.
        assert_eq!(
            unions("双方在机制和亚洲基础设施投资银行框架内合作。"),
            ["亚洲基础设施投资银行"]
        );
    }

    #[test]
    fn a_union_holds_no_city_and_its_council_is_a_body() {
        let ex = run("上海合作组织成员国元首理事会举行。");
        assert!(ex.mentions.iter().all(|m| m.ty != EntityType::Division));
        assert_eq!(unions("欧盟委员会发布报告。"), ["欧盟委员会"]);
    }
}
