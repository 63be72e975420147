//! Bodies of foreign cities and regions named by their place (`某某警方`,
//! `某某市警察局`, `某某市政府`, `某某大区政府`): the place is made of words
//! the segmenter tags as places or transliterations, or of characters the name
//! model finds in transliterations, which no division of ours and no country
//! names (the earlier passes cover those), so the body is keyed as a foreign
//! one. A country's
//! own government and ministries are the national bodies' pass's.

use super::lexicon::COUNTRIES;
use super::{Cx, Mention, is_han, namemodel};
use crate::model::{EntityType, Span};
use crate::segment::Pos;

/// Level words a foreign place may carry before its body (`某某市警察局`).
const LEVELS: [&str; 7] = ["大区", "市", "州", "县", "都", "省", "区"];

/// Bodies a foreign city or region names by itself, longest first.
const BODIES: [&str; 6] = ["警察总局", "警察局", "警方", "警局", "政府", "议会"];

/// The mean log-odds of transliteration a place the segmenter did not tag as
/// one needs (`莫斯科`, tagged as a person's name).
const PLACE_SCORE: f32 = 2.8;

pub fn find(cx: &mut Cx) {
    let coverage = cx.coverage();
    let tokens = cx.tokens().to_vec();
    let n = cx.chars.len();
    let mut found = Vec::new();
    for at in 0..n {
        let Some(body) = BODIES.iter().find(|b| cx.starts_with(at, b)) else {
            continue;
        };
        let end = at + body.chars().count();
        let level = LEVELS
            .iter()
            .find(|l| cx.ends_with_at(at, l))
            .map_or(0, |l| l.chars().count());
        // A government needs its place's level (`某某市政府`): a bare place
        // before 政府 is mostly a country's, which the national pass names.
        if level == 0 && (*body == "政府" || *body == "议会") {
            continue;
        }
        let place_end = at - level;
        // The place: the segmenter's words right before, each a place, a
        // transliteration or a name's word made of transliteration characters.
        let mut k = tokens.partition_point(|t| t.end <= place_end);
        if tokens.get(k).is_some_and(|t| t.start < place_end) {
            continue;
        }
        let mut s = place_end;
        let mut tagged = true;
        while k > 0 && place_end - s < 8 {
            let t = &tokens[k - 1];
            let plain = (t.start..t.end).all(|j| is_han(cx.chars[j]));
            let ordinary = matches!(t.pos, Pos::Other | Pos::Verb) || t.function;
            if t.end != s || !plain || ordinary {
                break;
            }
            tagged &= matches!(t.pos, Pos::Place | Pos::ForeignPerson);
            s = t.start;
            k -= 1;
        }
        // The country before its city (`某国某某警方`) is no part of the
        // city's body's name.
        if let Some(c) = COUNTRIES
            .iter()
            .filter(|c| cx.starts_with(s, c) && s + c.chars().count() < place_end)
            .max_by_key(|c| c.chars().count())
        {
            s += c.chars().count();
        }
        let place = cx.slice(s, place_end);
        // A count of countries or places (`两国警方`) is no place.
        let counted = place.starts_with(['两', '三', '各', '多', '诸', '本', '该', '我']);
        let sounds = namemodel::foreign_score(&cx.chars[s..place_end]) >= PLACE_SCORE;
        if place_end - s < 2
            || counted
            || !(tagged || sounds)
            || COUNTRIES.contains(&place.as_str())
            || (s..end).any(|k| coverage[k] != 0)
        {
            continue;
        }
        found.push((s, end));
    }
    found.dedup();
    for (s, e) in found {
        let text = cx.slice(s, e);
        cx.mentions.push(Mention {
            ty: EntityType::Agency,
            span: Span::new(s, e),
            key: format!("foreign/{text}"),
            name: text.clone(),
            aliases: vec![text.clone()],
            text,
            class: None,
            div: None,
            role: None,
            rule: "agency:foreign-place",
            anaphoric: false,
        });
    }
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn agencies(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_foreign_citys_police_and_government_are_its_own() {
        assert_eq!(agencies("莫斯科警方说，嫌犯已被捕。"), ["莫斯科警方"]);
        assert_eq!(agencies("曼彻斯特市政府举行欢迎宴会。"), ["曼彻斯特市政府"]);
        assert_eq!(agencies("英国伦敦警方表示。"), ["伦敦警方"]);
        assert!(agencies("两国警方加强合作。").is_empty());
        // A division of ours keeps its own body.
        assert_eq!(agencies("北京警方通报了案情。"), ["北京市公安局"]);
    }
}
