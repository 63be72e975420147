//! People the segmenter's dictionary proposes: a name it tags at one word, a
//! word its model for unseen words cut out that starts with a surname, or a
//! transliteration, each kept only with the evidence its neighbours give (a
//! title or post after it, a verb of speech, a verb that takes a person, a list
//! of names, a clause that says who it is). Where the proposal may go is the
//! parent module's.

use super::super::lexicon::{
    COUNTRIES, PERSON_ROLES, POSTS, SPEECH_VERBS, TITLES_AFTER, VERBS_BEFORE, is_surname_start,
};
use super::super::trim::token_at;
use super::super::{Cx, Mention, is_han};
use super::starts_with_any;
use crate::model::Span;
use crate::segment::{self, Pos, Token};

/// A person's name at token `k`, with the evidence its neighbours give.
pub(super) fn person(cx: &Cx, tokens: &[Token], k: usize) -> Option<Mention> {
    let t = tokens[k];
    let (s, mut e) = (t.start, t.end);
    let len = e - s;
    if !(2..=4).contains(&len) || !(s..e).all(|i| is_han(cx.chars[i])) {
        return None;
    }
    // Two common words the dictionary happens to tag as a name (`提高觉悟`),
    // or a word ending in a post's first character (`原副` before `主任`),
    // name no one.
    // A transliteration's halves are rarely words the dictionary has seen a
    // hundred times; a phrase's are.
    if segment::common_pair(&cx.slice(s, e), 100) || "副正".contains(cx.chars[e - 1]) {
        return None;
    }
    // `某方` in an article about a country that starts with that character
    // (`马方`, with `马来西亚` named) is that side in talks, not a name.
    if len == 2 && cx.chars[e - 1] == '方' && {
        let text: String = cx.chars.iter().collect();
        COUNTRIES
            .iter()
            .any(|c| c.chars().count() >= 2 && c.starts_with(cx.chars[s]) && text.contains(c))
    } {
        return None;
    }
    // A name the dictionary tags, or one the HMM cut out, that starts with a
    // surname is read as Chinese; a transliteration, or a tagged name without a
    // surname, as foreign.
    let sur = is_surname_start(&cx.chars, s);
    let chinese = t.pos != Pos::ForeignPerson && sur > 0 && (1..=2).contains(&(len - sur));
    if !chinese && t.pos == Pos::Unknown {
        return None;
    }
    // A three-character "transliteration" whose last two characters are an
    // everyday word the dictionary knows well (`多渠道`) is a phrase.
    if !chinese && len == 3 {
        let tail = cx.slice(s + 1, e);
        let everyday = segment::tag(&tail)
            .first()
            .is_some_and(|w| w.end == 2 && matches!(w.pos, Pos::Other | Pos::Verb));
        if everyday && segment::frequency(&tail) >= 1000 {
            return None;
        }
    }
    if !chinese {
        // `某某·某`: a dotted name joins the name after the dot.
        if cx.chars.get(e) == Some(&'·')
            && let Some(next) = tokens.get(k + 2)
            && next.start == e + 1
            && matches!(next.pos, Pos::ForeignPerson | Pos::Person | Pos::Unknown)
        {
            e = next.end;
        }
        // A transliteration cut in pieces is more often a club or a place.
        if tokens
            .get(k + 1)
            .is_some_and(|n| n.start == e && n.pos == Pos::ForeignPerson)
            || k > 0 && tokens[k - 1].pos == Pos::ForeignPerson && tokens[k - 1].end == s
        {
            return None;
        }
    }
    // What follows: a title or post (with the role it gives), a verb, a speech
    // verb; what precedes: a verb that takes a person, or a list.
    let title = starts_with_any(cx, e, &TITLES_AFTER).or_else(|| starts_with_any(cx, e, &POSTS));
    // `向某主席`: a preposition the model for unseen words glued to a surname
    // before a title is no name; the person is named by surname and title.
    if t.pos == Pos::Unknown
        && len == 2
        && title.is_some()
        && "向对给与同和跟把被让为".contains(cx.chars[s])
    {
        return None;
    }
    // `某国总理某某`: a title followed by a name makes this word the country.
    if let Some(t) = &title {
        let after_title = e + t.chars().count();
        if tokens.iter().any(|n| {
            n.start == after_title
                && matches!(n.pos, Pos::ForeignPerson | Pos::Person | Pos::Unknown)
        }) {
            return None;
        }
    }
    let next = token_at(tokens, e);
    let prev = if s > 0 {
        cx.chars.get(s - 1).copied()
    } else {
        None
    };
    let speech_after = SPEECH_VERBS.iter().any(|v| cx.starts_with(e, v));
    // A verb after the word says "person" only when the word opens its clause
    // (the subject), not inside a phrase (`办理许可证需要`).
    let opens_clause = prev.is_none_or(|c| !is_han(c));
    let verb_after = speech_after || opens_clause && next.is_some_and(|n| n.pos == Pos::Verb);
    let verb_before = VERBS_BEFORE.iter().any(|v| cx.ends_with_at(s, v));
    let after = cx.chars.get(e).copied();
    let listed = prev.is_some_and(|c| "、和与同及".contains(c))
        && after.is_some_and(|c| "、和与及，。".contains(c));
    // `某国总统某某`, `某国前总理某某`: a title right before a foreign name.
    let title_before = TITLES_AFTER.iter().any(|w| cx.ends_with_at(s, w));
    // `某某是某地一家公司的负责人`: a clause that opens with the word and says
    // who it is, by a post or a role, introduces a person.
    let introduced = opens_clause && cx.starts_with(e, "是") && {
        let clause_end = (e + 1..cx.chars.len().min(e + 30))
            .find(|&k| "，。；！？\n".contains(cx.chars[k]))
            .unwrap_or(cx.chars.len().min(e + 30));
        let clause = cx.slice(e + 1, clause_end);
        ["一名", "一位", "负责人"]
            .iter()
            .any(|w| clause.contains(w))
            || POSTS.iter().any(|p| clause.ends_with(p))
            || PERSON_ROLES.iter().any(|r| clause.ends_with(r))
    };
    let evidence = if !chinese {
        // Foreign names and countries look alike in lists: a list is no evidence.
        // Nor is a verb: the dictionary's foreign names are as often towns
        // abroad (`在某某拉迪`) or everyday words (`拓宽`, `冬闲`), so only a
        // title or a verb of speech says a person is meant.
        title.is_some() || speech_after || title_before
    } else if t.everyday {
        // An everyday word the dictionary also lists as a name (`祝贺`, `陈述`)
        // is a name only with a title or a verb of speech right after it.
        title.is_some() || speech_after
    } else if t.pos == Pos::Unknown || e - s == 2 {
        // Words the HMM made up, and two-character words, are often not names:
        // they need a title, a verb of speech or a verb that takes a person.
        title.is_some() || speech_after || verb_before || introduced
    } else {
        title.is_some() || verb_after || verb_before || listed
    };
    if !evidence {
        return None;
    }
    // A dictionary word tagged as a name whose "given name" is a word of its
    // own (`原以为`: 以为) is that word after a one-character one, unless a
    // title or a verb that takes a person vouches for it.
    if chinese
        && t.pos == Pos::Person
        && title.is_none()
        && !verb_before
        && let [only] = segment::tag(&cx.slice(s + sur, e))[..]
        && !matches!(only.pos, Pos::Unknown | Pos::Person | Pos::ForeignPerson)
    {
        return None;
    }
    // A name does not run on into a place or a body (`张家港市`, `王村`); a
    // post that starts with a place word (`某某省长`) is a title, not a place.
    if after.is_some_and(|c| "市县区省镇乡村路街州庄".contains(c)) && title.is_none() {
        return None;
    }
    // `某某任副委员长`: a made-up word of a surname, one given character and
    // 任 before a post is the name and the verb of taking the post.
    if chinese
        && t.pos == Pos::Unknown
        && len == sur + 2
        && cx.chars[e - 1] == '任'
        && title.is_some()
    {
        e -= 1;
    }
    let foreign = !chinese;
    // A title after a name (`某某主席`) rarely says of which body: the post is
    // left out, so no employer is guessed from the sentence.
    let rule = if foreign {
        "person:tagged-foreign"
    } else {
        "person:tagged"
    };
    Some(super::super::people::person(
        cx.slice(s, e),
        None,
        Span::new(s, e),
        rule,
    ))
}
