//! Political parties, named by what they stand for before 党 (`party_words.txt`:
//! `人民党`, `人民革命党`, `巩固与发展党`, short forms such as `民进党`) and,
//! where written, the country or the people before that (`某国人民党`,
//! `某某工人党`). A party is an organisation. The country's ruling party is
//! read by other passes, so `共产党` alone or after 中国 is left to them;
//! `民主党派` and `党员` name no party.

use super::super::lexicon::{COUNTRIES, NOT_AFTER_PARTY, PARTY_WORDS};
use super::super::{Cx, Mention};
use crate::model::{EntityType, Span};
use crate::segment::Pos;

pub(super) fn parties(cx: &mut Cx) {
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for p in 0..cx.chars.len() {
        if cx.chars[p] != '党'
            || cx
                .chars
                .get(p + 1)
                .is_some_and(|&c| NOT_AFTER_PARTY.contains(c))
        {
            continue;
        }
        // Walk back over the words of the name, joined by 与 or 和 where the
        // name has one (`某某与某某党`).
        let mut s = p;
        let mut words = 0;
        loop {
            if let Some(w) = PARTY_WORDS.iter().find(|w| cx.ends_with_at(s, w)) {
                s -= w.chars().count();
                words += 1;
            } else if words > 0
                && s > 0
                && "与和".contains(cx.chars[s - 1])
                && let Some(w) = PARTY_WORDS.iter().find(|w| cx.ends_with_at(s - 1, w))
            {
                s -= 1 + w.chars().count();
                words += 1;
            } else {
                break;
            }
        }
        if words == 0 {
            continue;
        }
        // The country's name before, else a people's or a region's name the
        // segmenter tags as a place or does not know (`某某工人党`).
        let country = COUNTRIES
            .iter()
            .find(|c| cx.ends_with_at(s, c))
            .map(|c| c.chars().count())
            .or_else(|| {
                let tokens = cx.tokens();
                let k = tokens.partition_point(|t| t.end < s);
                tokens
                    .get(k)
                    .filter(|t| t.end == s && t.end - t.start >= 2)
                    .filter(|t| matches!(t.pos, Pos::Place | Pos::ForeignPerson | Pos::Unknown))
                    .map(|t| t.end - t.start)
            });
        let start = country.map_or(s, |k| s - k);
        let bare = cx.slice(s, p + 1);
        if bare == "共产党" && (country.is_none() || cx.slice(start, s) == "中国") {
            continue;
        }
        // A bare name starts a word of its own, not the end of another's, and
        // not with a verb (`巩固党的…`, `发展党的…` are acts on the party).
        let tokens = cx.tokens();
        let verb_first = tokens
            .get(tokens.partition_point(|t| t.end <= s))
            .is_some_and(|t| t.start == s && t.pos == Pos::Verb);
        if country.is_none() && (cx.word_across(s).is_some() || verb_first) {
            continue;
        }
        found.push((start, s, p + 1));
    }
    let mut parties = Vec::new();
    for &(start, s, e) in &found {
        let span = Span::new(start, e);
        if cx.mentions.iter().any(|m| {
            m.ty != EntityType::Division
                && m.span.overlaps(span)
                && !(m.span.start <= start && e <= m.span.end && m.span != span)
        }) {
            continue;
        }
        let text = cx.slice(start, e);
        let bare = cx.slice(s, e);
        // A bare name after the same party's full one in the article is that party.
        let full = found
            .iter()
            .find(|&&(fs, bs, fe)| fs < bs && cx.slice(bs, fe) == bare && fe <= start)
            .map(|&(fs, _, fe)| cx.slice(fs, fe));
        let name = full.unwrap_or_else(|| text.clone());
        let mut aliases = vec![text.clone(), bare];
        aliases.sort();
        aliases.dedup();
        parties.push(Mention {
            ty: EntityType::Organization,
            span,
            text,
            key: name.clone(),
            name,
            aliases,
            class: None,
            div: None,
            role: None,
            rule: "organization:party",
            anaphoric: false,
        });
    }
    cx.mentions.extend(parties);
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;

    fn parties(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .into_iter()
            .filter(|m| m.rule == "organization:party")
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn a_party_is_named_by_its_words_and_its_country() {
        assert_eq!(parties("柬埔寨人民党主席会见客人。"), ["柬埔寨人民党"]);
        assert_eq!(parties("老挝人民革命党总书记访华。"), ["老挝人民革命党"]);
        assert_eq!(
            parties("缅甸联邦巩固与发展党代表团访华。"),
            ["缅甸联邦巩固与发展党"]
        );
        assert_eq!(parties("民进党当局挑衅。"), ["民进党"]);
    }

    #[test]
    fn a_bare_name_after_the_full_one_is_the_same_party() {
        assert_eq!(
            parties("柬埔寨人民党举行大会。人民党领导人表示。"),
            ["柬埔寨人民党", "柬埔寨人民党"]
        );
    }

    #[test]
    fn the_ruling_party_and_other_words_with_dang_are_left() {
        assert!(parties("各民主党派中央负责人出席。").is_empty());
        assert!(parties("中国共产党成立一百周年。").is_empty());
        assert!(parties("他是一名共产党员。").is_empty());
        assert!(parties("巩固党的执政地位。").is_empty());
        assert!(parties("永葆共产党人政治本色。").is_empty());
    }
}
