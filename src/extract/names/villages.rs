//! The committees and Party branches of villages and neighbourhoods
//! (`某某村村委会`, `某某村党支部`, `某某社区居委会`): villages are no divisions
//! of the gazetteer's, so no place opens these bodies' names, and the body
//! grammar never sees them. The village's name is walked back from `村` or
//! `社区` over the characters of a name, up to a place, a verb or a function
//! word; generic villages (`全村`, `该村`) and everyday words that end in the
//! level word (`农村`, `乡村`) name none.

use super::super::{Cx, Mention, is_han, is_stop};
use super::normalise_name;
use crate::model::{EntityType, Span};
use crate::segment::Pos;

/// Bodies after a village's or a neighbourhood's name, longest first.
const VILLAGE_BODIES: [&str; 6] = ["村民委员会", "村委会", "党总支", "党支部", "党委", "村委"];
const COMMUNITY_BODIES: [&str; 5] = ["居民委员会", "居委会", "党总支", "党支部", "党委"];

/// Characters that open a generic village rather than a name (`全村`, `该村`).
const GENERIC_OPENERS: &str = "全该本各每此这那一两几多个邻外近";

pub(in super::super) fn find(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut found = Vec::new();
    let mut k = 0;
    while k < n {
        // The level word, and where the body after it starts.
        let (level_len, bodies): (usize, &[&str]) = if cx.starts_with(k, "社区") {
            (2, &COMMUNITY_BODIES)
        } else if cx.chars[k] == '村' {
            (1, &VILLAGE_BODIES)
        } else {
            k += 1;
            continue;
        };
        let at = k + level_len;
        // `某某村委会`: the village's 村 is the first of its committee's.
        let (body_start, body) = match bodies.iter().find(|b| cx.starts_with(at, b)) {
            Some(b) => (at, *b),
            None => match ["村委会", "村民委员会"]
                .iter()
                .find(|b| level_len == 1 && cx.starts_with(k, b))
            {
                Some(b) => (k, *b),
                None => {
                    k += 1;
                    continue;
                }
            },
        };
        let end = body_start + body.chars().count();
        let Some(start) = name_start(cx, k) else {
            k += 1;
            continue;
        };
        let span = Span::new(start, end);
        if cx
            .mentions
            .iter()
            .any(|m| m.span.overlaps(span) && m.ty != EntityType::Division)
        {
            k = end;
            continue;
        }
        let text = cx.slice(start, end);
        // The place written right before the village places the body; the
        // article's place only keeps two villages of one name apart, since the
        // village may lie anywhere the article goes.
        let div = cx
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Division && m.span.end == start)
            .max_by_key(|m| m.span.len())
            .and_then(|m| m.div.clone());
        let scope = div
            .as_ref()
            .or(cx.locality.as_ref())
            .map_or_else(|| format!("unplaced/{}", cx.article.id), |d| d.key.clone());
        found.push(Mention {
            ty: EntityType::Agency,
            span,
            text: text.clone(),
            key: format!("{scope}/{}", normalise_name(&text)),
            name: text.clone(),
            aliases: vec![text],
            class: body.contains('党').then_some("PartyBody"),
            div,
            role: None,
            rule: "agency:village",
            anaphoric: false,
        });
        k = end;
    }
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// Where the name of the village or neighbourhood whose level word is at `k`
/// starts: two to four characters of a name before it, after a place, a verb
/// or a function word of the segmenter's, punctuation or the text's start.
fn name_start(cx: &Cx, k: usize) -> Option<usize> {
    let tokens = cx.tokens();
    // An everyday word that ends in the level word (`农村`, `乡村`, `山村`).
    if let Some(t) = tokens.get(tokens.partition_point(|t| t.end <= k))
        && t.start < k
        && t.end == k + 1
        && crate::segment::frequency(&cx.slice(t.start, t.end)) >= 500
    {
        return None;
    }
    // A frequent word right before the level word is no village's name
    // (`利用村委会`, `当上村委会`): names are rare words or unknown ones, and a
    // character as common as `上` or `在` stands alone only as a word of its own.
    if let Ok(j) = tokens.binary_search_by_key(&k, |t| t.end)
        && matches!(tokens[j].pos, Pos::Other | Pos::Verb)
    {
        let frequency = crate::segment::frequency(&cx.slice(tokens[j].start, k));
        let single = tokens[j].end - tokens[j].start == 1;
        if !single && frequency >= 100 || single && frequency >= 100_000 {
            return None;
        }
    }
    let mut s = k;
    while s > 0 && k - s < 4 {
        let c = cx.chars[s - 1];
        // A date ends here too (`某年某某村`).
        if !is_han(c) || is_stop(c) || "年月日".contains(c) {
            break;
        }
        // A place ends here: the village's name starts after it.
        if cx
            .mentions
            .iter()
            .any(|m| m.ty == EntityType::Division && m.span.end == s)
        {
            break;
        }
        // A verb or a function word of the segmenter's ends here (`当选村
        // 党支部`, `利用村委会`: no village at all when it ends at the level word).
        if let Ok(j) = tokens.binary_search_by_key(&s, |t| t.end)
            && (tokens[j].function || tokens[j].pos == Pos::Verb)
        {
            break;
        }
        s -= 1;
    }
    (k - s >= 2 && !GENERIC_OPENERS.contains(cx.chars[s])).then_some(s)
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
    fn a_villages_committee_and_party_branch_are_agencies() {
        assert_eq!(agencies("青湾村村委会主任蔡福想路过。"), ["青湾村村委会"]);
        assert_eq!(agencies("游客走进下姜村党支部。"), ["下姜村党支部"]);
        assert_eq!(agencies("甘家社区居委会组织活动。"), ["甘家社区居委会"]);
        // Generic villages and the countryside name none.
        assert!(agencies("全村党支部和农村党委都要行动。").is_empty());
        assert!(agencies("王家元当上村委会主任后。").is_empty());
    }
}
