//! Ports named by their city (`某某港`, `某甲某乙港`): the port is the business
//! that runs it, a company in that city. A city whose own name ends in 港 is
//! that city, and 港 opening another word (`港澳`, `港口`, `港区`) names no port.

use super::super::names::normalise_name;
use super::super::{Cx, Mention};
use crate::model::{EntityType, Span};

/// Characters after 港 that make it the first of another word: Hong Kong and
/// Macao (`港澳`), Taiwan (`港台`), its people, shares and money, a port's area,
/// a harbour town or a bay.
const NOT_PORT_AFTER: &str = "澳台人股元币区口务城湾籍资企";

/// Where a city's name (a division's full or short form, two to four
/// characters, below a province or a municipality) ends at `e`, if one does:
/// its start.
fn city_before(cx: &Cx, e: usize) -> Option<usize> {
    (2..=4usize)
        .rev()
        .filter(|&n| n <= e)
        .map(|n| e - n)
        .find(|&s| {
            cx.gaz.lookup(&cx.slice(s, e)).iter().any(|&(ix, _)| {
                // A province's name names no port, but a municipality's does
                // (`某海港`).
                let d = cx.gaz.get(ix);
                d.level.depth() >= 1 || d.name.ends_with('市')
            })
        })
}

/// `某某港`: a port right after the name of a prefecture or a county, and
/// after two such names run together (`某甲某乙港`, a port of two cities).
/// The article must name the first city as a place of its own.
pub(super) fn ports(cx: &mut Cx) {
    let mut found: Vec<Mention> = Vec::new();
    for end in (2..cx.chars.len()).filter(|&k| cx.chars[k] == '港') {
        if cx
            .chars
            .get(end + 1)
            .is_some_and(|c| NOT_PORT_AFTER.contains(*c))
        {
            continue;
        }
        let Some(last) = city_before(cx, end) else {
            continue;
        };
        let start = city_before(cx, last).unwrap_or(last);
        let Some(city) = cx
            .mentions
            .iter()
            .find(|m| m.ty == EntityType::Division && m.span.start == start && m.span.end <= end)
        else {
            continue;
        };
        let text = cx.slice(start, end + 1);
        // 港 may open a district's name (`某市港某区`).
        if !cx.gaz.lookup(&text).is_empty()
            || cx
                .mentions
                .iter()
                .any(|m| m.ty == EntityType::Division && m.span.start == end)
            || !cx.gaz.lookup(&cx.slice(last, end + 1)).is_empty()
            || cx
                .mentions
                .iter()
                .any(|o| o.ty != EntityType::Division && o.span.start <= end && end < o.span.end)
        {
            continue;
        }
        found.push(Mention {
            ty: EntityType::Company,
            span: Span::new(start, end + 1),
            key: normalise_name(&text),
            name: text.clone(),
            aliases: vec![text.clone()],
            text,
            class: None,
            div: city.div.clone(),
            role: None,
            rule: "company:port",
            anaphoric: false,
        });
    }
    cx.mentions.extend(found);
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn companies(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Company)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_port_named_by_its_city_is_a_company() {
        assert_eq!(companies("青岛港的集装箱吞吐量创新高。"), ["青岛港"]);
        assert_eq!(companies("货物从宁波舟山港发往欧洲。"), ["宁波舟山港"]);
    }

    #[test]
    fn a_city_named_with_its_port_and_hong_kong_words_are_no_port() {
        assert!(companies("连云港的企业加快发展。").is_empty());
        assert!(companies("深圳港澳合作不断深化。").is_empty());
        assert!(companies("天津港口物流发展迅速。").is_empty());
    }
}
