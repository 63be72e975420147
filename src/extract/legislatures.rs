//! Foreign legislatures named by their country: a country's name or its
//! one-character short form, at most four characters of the state's style
//! (`伊斯兰`, `联邦`), and a word of a legislature (`legislatures.txt`), with a
//! chamber after it when one follows (`某国联邦议会人民院`). They are
//! government bodies. A special administrative region's 立法会 is its
//! legislature too. This pass adds mentions and touches none found before it.

use super::lexicon::{COUNTRIES, COUNTRY_INITIALS, LEGISLATURES, first_chars};
use super::{Cx, Mention, is_han, is_stop};
use crate::model::{EntityType, Span};
use std::sync::LazyLock;

/// The first characters of countries' names: most characters open none, and
/// are passed over with one search.
static COUNTRY_FIRST: LazyLock<Vec<char>> = LazyLock::new(|| first_chars(&[&COUNTRIES]));

/// How many characters of a state's style may stand between its name and the
/// legislature (`伊斯兰` of `某国伊斯兰议会`).
const MAX_STYLE: usize = 4;

pub fn find(cx: &mut Cx) {
    let n = cx.chars.len();
    // Most articles name no legislature: nothing to look for then.
    let text = &cx.article.text;
    if !LEGISLATURES.iter().any(|w| text.contains(w))
        && !text.contains("立法会")
        && !text.contains("行政会议")
    {
        return;
    }
    let mut found: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(p) = country_end(cx, i) else {
            i += 1;
            continue;
        };
        let Some(e) = (p..=(p + MAX_STYLE).min(n))
            .take_while(|&k| {
                k == p
                    || cx
                        .chars
                        .get(k - 1)
                        .is_some_and(|&c| is_han(c) && !is_stop(c))
            })
            .filter(|&k| style(cx, p, k))
            .find_map(|k| legislature_at(cx, k))
        else {
            i = p;
            continue;
        };
        // A chamber of the legislature written right after it.
        let e = legislature_at(cx, e).unwrap_or(e);
        push(cx, &mut found, i, e);
        i = e;
    }
    region_bodies(cx, &mut found);
    found.retain(|m| {
        !cx.mentions
            .iter()
            .any(|o| o.ty != EntityType::Division && o.span.overlaps(m.span))
    });
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// Whether `p..k` may be a state's style between its name and its legislature:
/// whole words of the segmenter's, none a verb or a function word, and no
/// other country's name among them (`某国会见某国议员` is a clause).
fn style(cx: &Cx, p: usize, k: usize) -> bool {
    if p == k {
        return true;
    }
    let tokens = cx.tokens();
    let inside: Vec<_> = tokens.iter().filter(|t| t.end > p && t.start < k).collect();
    inside.first().is_some_and(|t| t.start == p)
        && inside.last().is_some_and(|t| t.end == k)
        && inside
            .iter()
            .all(|t| !t.function && t.pos != crate::segment::Pos::Verb)
        && !(p..k).any(|j| COUNTRIES.iter().any(|c| cx.starts_with(j, c)))
}

/// The end of a country's name or short form starting at `i`.
fn country_end(cx: &Cx, i: usize) -> Option<usize> {
    let c = cx.chars[i];
    if COUNTRY_FIRST.binary_search(&c).is_err() && !COUNTRY_INITIALS.contains(c) {
        return None;
    }
    if let Some(c) = COUNTRIES.iter().find(|c| cx.starts_with(i, c)) {
        // China's own legislature is named by the national bodies' pass.
        if *c == "中国" || *c == "中华人民共和国" {
            return None;
        }
        return Some(i + c.chars().count());
    }
    // A one-character short form only right before the legislature
    // (`美国会`): elsewhere the character is mostly an ordinary one.
    // `1月6日国会`: 日 after a count of days is the day, not Japan.
    let day = cx.chars[i] == '日'
        && i > 0
        && (cx.chars[i - 1].is_ascii_digit()
            || "一二三四五六七八九十今昨明当次同每".contains(cx.chars[i - 1]));
    (COUNTRY_INITIALS.contains(cx.chars[i])
        && !day
        && (i == 0 || !is_han(cx.chars[i - 1]) || is_stop(cx.chars[i - 1]))
        && legislature_at(cx, i + 1).is_some())
    .then_some(i + 1)
}

/// The end of a legislature's word starting at `k`.
fn legislature_at(cx: &Cx, k: usize) -> Option<usize> {
    LEGISLATURES
        .iter()
        .find(|w| cx.starts_with(k, w))
        .map(|w| k + w.chars().count())
        // `国会山`, `议会制`: a word running on is another word, whether the
        // segmenter joins it or not.
        .filter(|&e| {
            cx.word_across(e).is_none_or(|t| t.start >= e)
                && !cx.chars.get(e).is_some_and(|&c| "山制厅".contains(c))
        })
}

/// A special administrative region's legislature and executive council:
/// after the region's name (`某特别行政区立法会`, `某特区第六届立法会`), or
/// alone (`第七届立法会选举`, `特区行政会议`) in a story of the region, the
/// last one named before or the article's own. Each is named by the region's
/// full name, whichever form the text writes.
fn region_bodies(cx: &Cx, found: &mut Vec<Mention>) {
    const BODIES: [&str; 2] = ["立法会", "行政会议"];
    let regions: Vec<(usize, usize, String)> = cx
        .mentions
        .iter()
        .filter(|d| d.ty == EntityType::Division)
        .filter_map(|d| {
            let div = d.div.as_ref()?;
            div.name
                .ends_with("特别行政区")
                .then(|| (d.span.start, d.span.end, div.name.clone()))
        })
        .collect();
    let own = cx
        .locality
        .as_ref()
        .map(|l| l.name.clone())
        .filter(|n| n.ends_with("特别行政区"));
    for i in 0..cx.chars.len() {
        let Some(body) = BODIES.iter().find(|b| cx.starts_with(i, b)) else {
            continue;
        };
        // Back over the edition (`第七届`) and the region's short word (`特区`).
        let mut s = (i.saturating_sub(6)..i)
            .find(|&k| super::events::ordinal_end(cx, k) == Some(i))
            .unwrap_or(i);
        if cx.ends_with_at(s, "特区") {
            s -= 2;
        }
        let named = regions.iter().find(|r| r.1 == s);
        let region = match named {
            Some(r) => Some(r.2.clone()),
            None => regions
                .iter()
                .rfind(|r| r.1 <= s)
                .map(|r| r.2.clone())
                .or_else(|| own.clone()),
        };
        let Some(region) = region else { continue };
        // Alone, the body must open a word of its own (`冲击立法会`), not end
        // another (`某国立法会`, which the countries' pass reads).
        if named.is_none() && s == i && i > 0 && is_han(cx.chars[i - 1]) {
            let tokens = cx.tokens();
            if tokens.binary_search_by_key(&i, |t| t.start).is_err() {
                continue;
            }
        }
        let start = named.map_or(s, |r| r.0);
        let end = i + body.chars().count();
        if found.iter().any(|m| m.span.overlaps(Span::new(start, end))) {
            continue;
        }
        let text = cx.slice(start, end);
        let name = format!("{region}{body}");
        found.push(Mention {
            ty: EntityType::Agency,
            span: Span::new(start, end),
            text: text.clone(),
            key: format!("national/{name}"),
            aliases: vec![text, name.clone()],
            name,
            class: None,
            div: None,
            role: None,
            rule: "agency:legislature",
            anaphoric: false,
        });
    }
}

fn push(cx: &Cx, found: &mut Vec<Mention>, s: usize, e: usize) {
    if found.iter().any(|m| m.span.overlaps(Span::new(s, e))) {
        return;
    }
    let text = cx.slice(s, e);
    found.push(Mention {
        ty: EntityType::Agency,
        span: Span::new(s, e),
        text: text.clone(),
        key: format!("national/{text}"),
        name: text.clone(),
        aliases: vec![text],
        class: None,
        div: None,
        role: None,
        rule: "agency:legislature",
        anaphoric: false,
    });
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn agencies(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency && m.rule == "agency:legislature")
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_countrys_legislature_and_its_chamber() {
        assert_eq!(
            agencies("会见伊朗伊斯兰议会议长。缅甸联邦议会人民院副议长出席。"),
            ["伊朗伊斯兰议会", "缅甸联邦议会人民院"]
        );
    }

    #[test]
    fn a_regions_legislature_and_council_by_its_full_name() {
        assert_eq!(
            agencies(
                "香港特区政府宣布推迟第七届立法会选举。特区行政会议成员表示，\
                 行政长官会同行政会议已作决定。澳门特区第六届立法会选举顺利。"
            ),
            [
                "香港特别行政区立法会",
                "香港特别行政区行政会议",
                "香港特别行政区行政会议",
                "澳门特别行政区立法会",
            ]
        );
    }

    #[test]
    fn a_word_running_on_from_the_legislature_is_another() {
        assert!(agencies("游客参观美国国会山。").is_empty());
        assert!(agencies("德国会见美国议员团。").is_empty());
        assert!(agencies("自1月6日国会遭冲击后。").is_empty());
    }
}
