//! Routes built or run as projects, named without quotes by the word that ends
//! them (`route_heads.txt`: `某某铁路`, `某某高速`, `某某运河`, `某某大桥`,
//! `某某班列`). Such names open with places' short forms run together
//! (`某某` for two cities), which the segmenter does not know: its HMM cuts
//! them out as unknown words or tags them as places. That is the evidence: an
//! ordinary word before the head (`城际铁路`, `全国铁路`, `保持中高速`) names
//! no route, nor does a province's or a country's name (`某省铁路` is the
//! province's railways). A pair of provinces' one-character short forms the
//! dictionary knows (`京沪`) counts too.
//!
//! Strategies for a region of several places are named the same way
//! (`某某某协同发展`, `某某经济走廊`). Neither a route nor a strategy is
//! launched by the places it runs through.

use super::super::lexicon::{
    COUNTRIES, COUNTRY_INITIALS, PROVINCE_INITIALS, REGION_WORDS, ROUTE_HEADS, ROUTE_OPENERS,
    ROUTE_TAILS, STRATEGY_HEADS,
};
use super::super::{Cx, Mention, is_han, is_stop};
use super::{initiative, quoted};
use crate::model::EntityType;
use crate::segment::{Pos, frequency, tag};

/// Numerals: a word opening with one (`八横`) counts routes, and a name
/// never follows one (`某日起铁路…`).
const NUMERALS: &str = "一二三四五六七八九十百千万两几多";

/// The longest name the segmenter's word before a head may have.
const MAX_PREFIX: usize = 5;

pub(super) fn named_routes(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let tokens = cx.tokens();
    let mut routes: Vec<(usize, usize)> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let word = cx.slice(t.start, t.end);
        // The head is a word of its own (`某某/铁路`), or the end of a word the
        // dictionary knows as a name (`某某铁路`, `某某运河`).
        let Some(head) = ROUTE_HEADS.iter().find(|h| word.ends_with(*h)) else {
            continue;
        };
        let head_len = head.chars().count();
        let (s, prefix_end) = if word.chars().count() > head_len {
            let prefix = cx.slice(t.start, t.end - head_len);
            if !matches!(t.pos, Pos::Proper | Pos::Place) || ordinary_word(&prefix) {
                continue;
            }
            (t.start, t.end - head_len)
        } else {
            let Some(p) = k.checked_sub(1).map(|j| tokens[j]) else {
                continue;
            };
            if p.end != t.start || !unknown_or_named(cx, p) {
                continue;
            }
            (p.start, p.end)
        };
        let s = past_openers(cx, s, prefix_end);
        let e = t.end;
        if prefix_end - s < 2 || !named_prefix(cx, s, prefix_end) || quoted(quotes, titles, s, e) {
            continue;
        }
        if let Some(next) = tokens.get(k + 1)
            && next.start == e
        {
            let after = cx.slice(next.start, next.end);
            if ROUTE_TAILS.iter().any(|w| after.starts_with(w)) {
                continue;
            }
        }
        if found.iter().any(|m| m.span.start < e && s < m.span.end) {
            continue;
        }
        routes.push((s, e));
    }
    for (s, e) in routes {
        let name = cx.slice(s, e);
        found.push(initiative(
            cx,
            s,
            e,
            name.clone(),
            vec![name],
            "Campaign",
            "initiative:route",
        ));
    }
}

/// Strategies for a region of several places, named by the places' short forms
/// run together and the word that ends every such name (`strategy_heads.txt`:
/// `某某某协同发展`, `某某经济走廊`, `某某地区双城经济圈`). The places are
/// provinces' or countries' one-character short forms (`某某某`), or words the
/// segmenter tags as places or does not know; ordinary words (`区域协同发展`,
/// `城乡一体化`) name none.
pub(super) fn named_strategies(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let tokens = cx.tokens();
    let mut strategies: Vec<Mention> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let Some(&(head, ends)) = STRATEGY_HEADS.iter().find(|(h, _)| {
            let e = t.start + h.chars().count();
            cx.starts_with(t.start, h)
                && tokens[k..]
                    .iter()
                    .take_while(|w| w.start < e)
                    .any(|w| w.end == e)
        }) else {
            continue;
        };
        let mut s = t.start;
        let mut places = 0;
        for p in tokens[..k].iter().rev().take(4) {
            if p.end != s {
                break;
            }
            let text = cx.slice(p.start, p.end);
            if initials(&text)
                || match p.pos {
                    Pos::Place => true,
                    Pos::Unknown | Pos::Person | Pos::ForeignPerson | Pos::Proper => {
                        p.end - p.start >= 2 && frequency(&text) < RARE_PLACE
                    }
                    _ => false,
                }
            {
                places += 1;
            } else if !REGION_WORDS.contains(&text.as_str()) {
                break;
            }
            s = p.start;
        }
        let s = past_openers(cx, s, t.start);
        let e = t.start + head.chars().count();
        if places == 0 || t.start - s < 2 || !named_prefix(cx, s, t.start) {
            continue;
        }
        if quoted(quotes, titles, s, e)
            || found.iter().any(|m| m.span.start < e && s < m.span.end)
            || cx
                .mentions
                .iter()
                .any(|m| m.ty != EntityType::Division && m.span.start < e && s < m.span.end)
        {
            continue;
        }
        let text = cx.slice(s, e);
        let name = if ends == "-" {
            text.clone()
        } else {
            let cut = head.chars().count() - ends.chars().count();
            text.chars().take(text.chars().count() - cut).collect()
        };
        let mut aliases = vec![name.clone(), text];
        // `某某一体化发展` is also written `某某一体化`: one strategy, named by
        // its longer form so that both mentions link to one node.
        let mut name = name;
        for (long, short) in [("一体化发展", "一体化"), ("经济带发展", "经济带")] {
            if let Some(stem) = name.strip_suffix(long) {
                aliases.push(format!("{stem}{short}"));
            } else if let Some(stem) = name.strip_suffix(short) {
                aliases.push(name.clone());
                name = format!("{stem}{long}");
            }
        }
        strategies.push(initiative(
            cx,
            s,
            e,
            name,
            aliases,
            "Campaign",
            "initiative:strategy",
        ));
    }
    found.extend(strategies);
}

/// Where a name found from `s` starts once the prepositions and conjunctions
/// the segmenter glues to a word it does not know are cut off (`自某某高铁`,
/// `和某某高速`, `以某某经济带发展`); `e` when nothing is left.
fn past_openers(cx: &Cx, s: usize, e: usize) -> usize {
    (s..e)
        .find(|&i| !is_stop(cx.chars[i]) && !ROUTE_OPENERS.contains(cx.chars[i]))
        .unwrap_or(e)
}

/// Whether a word is made of provinces' or countries' one-character short
/// forms only (`某某某` for three provinces).
fn initials(text: &str) -> bool {
    text.chars().all(|c| {
        c == '中'
            || COUNTRY_INITIALS.contains(c)
            || PROVINCE_INITIALS.iter().any(|(i, _)| i.starts_with(c))
    })
}

/// How often the dictionary may have seen a place's name before a head for it
/// to open a route's name: names made for a route (`某某` for two regions) are
/// rare, while a region's or a city's (`某洲铁路`) is the region's railways.
const RARE_PLACE: usize = 300;

/// Whether the segmenter's word before a head may open a route's name: a word
/// it does not know, a rare word it tags as a name, a pair of provinces' short
/// forms, or a code (`G60`).
fn unknown_or_named(cx: &Cx, p: crate::segment::Token) -> bool {
    let text = cx.slice(p.start, p.end);
    let len = p.end - p.start;
    if !(2..=MAX_PREFIX).contains(&len) {
        return false;
    }
    let code = text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.chars().skip(1).all(|c| c.is_ascii_digit());
    let initials = len == 2
        && text
            .chars()
            .all(|c| PROVINCE_INITIALS.iter().any(|(i, _)| i.starts_with(c)));
    let named = match p.pos {
        Pos::Unknown => !p.everyday,
        Pos::Place | Pos::Proper | Pos::ForeignPerson => frequency(&text) < RARE_PLACE,
        _ => false,
    };
    code || initials || named
}

/// Whether a word is one the dictionary knows as an ordinary word
/// (`电气化` in `电气化铁路`).
fn ordinary_word(text: &str) -> bool {
    let words = tag(text);
    words.len() == 1 && matches!(words[0].pos, Pos::Other | Pos::Verb) && frequency(text) > 0
}

/// Whether the text before a head names one route: Han characters (or a code)
/// that follow no number, and not a division's or a country's name, whose
/// railways it would be.
fn named_prefix(cx: &Cx, s: usize, e: usize) -> bool {
    let text = cx.slice(s, e);
    let han = (s..e).all(|i| is_han(cx.chars[i]));
    let code = cx.chars[s].is_ascii_uppercase();
    let numeral = |c: char| c.is_ascii_digit() || NUMERALS.contains(c);
    if (!han && !code) || numeral(cx.chars[s]) || s > 0 && numeral(cx.chars[s - 1]) {
        return false;
    }
    let division = !cx.gaz.lookup(&text).is_empty();
    let country = COUNTRIES.iter().any(|c| *c == text);
    !division && !country
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn routes(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .into_iter()
            .filter(|m| m.ty == EntityType::Initiative && m.rule == "initiative:route")
            .map(|m| m.name)
            .collect()
    }

    fn routes_and(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .into_iter()
            .filter(|m| m.rule == "initiative:strategy")
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn a_route_is_named_by_places_short_forms_run_together() {
        assert_eq!(routes("新建的湖杭高铁年底通车。"), ["湖杭高铁"]);
        assert_eq!(routes("沪杭甬高速改扩建工程开工。"), ["沪杭甬高速"]);
        assert_eq!(routes("京沪高铁运营十年。"), ["京沪高铁"]);
        assert_eq!(routes("中欧班列开行突破万列。"), ["中欧班列"]);
        assert_eq!(routes("G60高速公路拓宽。"), ["G60高速公路"]);
    }

    #[test]
    fn an_ordinary_word_or_a_provinces_name_names_no_route() {
        assert!(routes("全国铁路发送旅客一亿人次。").is_empty());
        assert!(routes("城际铁路加快建设。").is_empty());
        assert!(routes("经济保持中高速增长。").is_empty());
        assert!(routes("新疆铁路建设加快。").is_empty());
        assert!(routes("中国高铁走向世界。").is_empty());
        assert!(routes("郑州铁路发送旅客。").is_empty());
        assert!(routes("非洲铁路网络。").is_empty());
    }

    #[test]
    fn a_preposition_glued_to_the_name_is_cut_off_and_no_place_launches_it() {
        let ex = run("连接荣乌高速和京雄高速，河北省推进京雄高速建设。");
        let names: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.rule == "initiative:route")
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(names, ["荣乌高速", "京雄高速", "京雄高速"]);
        assert!(
            !ex.relations
                .iter()
                .any(|r| r.predicate == crate::model::Predicate::LaunchedBy)
        );
    }

    #[test]
    fn a_regions_strategy_is_named_by_its_places_and_its_head() {
        assert_eq!(routes_and("推动京津冀协同发展。"), ["京津冀协同发展"]);
        assert_eq!(routes_and("推进粤港澳大湾区建设。"), ["粤港澳大湾区建设"]);
        assert_eq!(routes_and("建设中巴经济走廊。"), ["中巴经济走廊"]);
        assert_eq!(
            routes_and("双方推进缅中柬经济走廊建设。"),
            ["缅中柬经济走廊"]
        );
        assert_eq!(
            routes_and("加快建设青禾科技创新走廊。"),
            ["青禾科技创新走廊"]
        );
        assert_eq!(routes_and("共建西部陆海新通道。"), ["西部陆海新通道"]);
        assert!(routes_and("推动区域协同发展。").is_empty());
        assert!(routes_and("城乡一体化发展。").is_empty());
    }

    #[test]
    fn a_bureau_or_the_sense_of_speed_after_the_head_names_no_route() {
        assert!(routes("湖杭铁路局发布公告。").is_empty());
        assert!(routes("湖杭高速发展。").is_empty());
    }
}
