//! Chinese names that nothing but their own characters vouches for: a surname
//! and one or two given-name characters where the segmenter's words begin and
//! end, scored by the name model (`namemodel`) and by what stands around them,
//! with the thresholds a name must reach. Only spans no rule and no tagged word
//! took are asked (the parent module's decision).

use super::super::lexicon::{
    ACTS_AFTER_NAME, AMBIGUOUS_SURNAMES, CLAUSE_ADVERBS, DESCRIPTORS, FORMAL_ACTS, KIN_TERMS,
    POSTS, SPEECH_VERBS, SPORTS_WORDS, THING_ENDS, TITLES_AFTER, is_surname_start,
};
use super::super::namemodel;
use super::super::{Cx, Mention, is_han};
use super::{CREDIT_WORDS, FUNCTION_CHARS, names_a_division, starts_with_any};
use crate::model::Span;
use crate::segment::{Pos, Token};

/// A name needs at least this score (see [`scored_name`]); one with a single
/// given-name character, which ordinary two-character words resemble, needs more.
const NAME_SCORE: f32 = 6.0;

/// How often the dictionary may have seen a three-character word it tags as a
/// name before the tag counts for nothing (see `known` in [`scored_name`]).
const FREQUENT_WORD: usize = 15;
const SHORT_NAME_SCORE: f32 = 7.0;

/// Above this mean log-odds of transliteration the span reads as foreign; in a
/// sentence about a match, above the second.
const FOREIGN_SCORE: f32 = 2.4;
const SPORTS_FOREIGN_SCORE: f32 = 1.8;

/// A Chinese name that nothing but its characters vouches for: a surname and one
/// or two given-name characters starting at token `k`, ending where a word ends.
/// The score adds the name model's log-odds (`namemodel`) for the surname and the
/// given name, and what the context says: punctuation or a credit word before
/// it, punctuation, a verb of speech or a post after it; a dictionary word inside
/// the span counts against it (names are mostly words the dictionary lacks).
pub(super) fn scored_name(
    cx: &Cx,
    tokens: &[Token],
    k: usize,
    boundary: &[bool],
) -> Option<Mention> {
    let s = tokens[k].start;
    let sur = is_surname_start(&cx.chars, s);
    if sur == 0 {
        return None;
    }
    let prev = s.checked_sub(1).map(|i| cx.chars[i]);
    // A word for what a person is (`维修员`, `老板`, `村民`) right before a
    // span says a name may follow, though less surely than a credit.
    let described = DESCRIPTORS.iter().any(|w| cx.ends_with_at(s, w));
    let before = if CREDIT_WORDS.iter().any(|w| cx.ends_with_at(s, w)) {
        2.0
    } else if described {
        1.5
    } else if prev.is_none_or(|c| !is_han(c)) || prev.is_some_and(|c| "、和与及".contains(c)) {
        1.0
    } else {
        0.0
    };
    // A surname that is also a common word (`于`, `和`, `向`) opens a name only
    // after punctuation or a credit word, not inside a clause.
    if sur == 1 && AMBIGUOUS_SURNAMES.contains(cx.chars[s]) && (before == 0.0 || described) {
        return None;
    }
    // Nor after punctuation when the segmenter reads it as a word of its own
    // before a name it knows (`由` + `某某`): the name is that word.
    if sur == 1
        && AMBIGUOUS_SURNAMES.contains(cx.chars[s])
        && tokens[k].end == s + 1
        && tokens[k].function
        && tokens
            .get(k + 1)
            .is_some_and(|t| matches!(t.pos, Pos::Person | Pos::ForeignPerson))
    {
        return None;
    }
    // Inside a title in 《》 a name is part of the title; a word that opens
    // with a county's short form (`某塘江`) is a place's.
    if cx.in_book_title(s) || s + 2 <= cx.chars.len() && names_a_division(cx, s, s + 2) {
        return None;
    }
    // A sentence about a match: names like transliterations are teams (asked
    // only of candidates that look foreign at all).
    let sports = || {
        let said = cx.slice(cx.sentence_start(s), cx.sentence_end(s));
        SPORTS_WORDS.iter().any(|w| said.contains(w))
    };
    let mut best: Option<(f32, usize)> = None;
    for given in [2, 1] {
        let e = s + sur + given;
        if e > cx.chars.len() || !boundary[e] || !(s..e).all(|i| is_han(cx.chars[i])) {
            continue;
        }
        let inside: Vec<&Token> = tokens[k..].iter().take_while(|t| t.start < e).collect();
        // One dictionary word that is not a name is that word; so is a span
        // whose surname is the start of such a word, unless that word is the
        // compound surname itself.
        // Not when a verb of formal statement or office follows a clause's
        // first word (`某某出席`): an everyday word seldom does that.
        let formal = FORMAL_ACTS.iter().any(|v| cx.starts_with(e, v))
            && prev.is_none_or(|c| !is_han(c) || "、和与及".contains(c));
        if let [only] = inside[..]
            && (!matches!(only.pos, Pos::Person | Pos::Unknown) || only.everyday)
            && !(formal && only.start == s && only.end == e && e - s == 2)
        {
            continue;
        }
        if let Some(first) = inside.first()
            && first.end - first.start > sur
            && !matches!(first.pos, Pos::Person | Pos::Unknown)
        {
            continue;
        }
        // A function word after a two-character name (`某某也`, `某某的`) is not
        // its third character; nor is anything after `某`, which stands for a
        // withheld given name (`徐某曾在`). A doubled character (`殷殷嘱托`) is
        // a word of manner, not a surname and a given name.
        // A 和 that ends a list item (`某凤和、`) joins nothing: it is the
        // name's own character.
        let ends_item =
            cx.chars[e - 1] == '和' && cx.chars.get(e).is_some_and(|&c| "、，。；".contains(c));
        // Nor is the first character of an official's act written out after
        // the name (`某某发了言`).
        let opens_act = ACTS_AFTER_NAME
            .iter()
            .chain(SPEECH_VERBS.iter())
            .any(|v| v.chars().count() >= 2 && cx.starts_with(e - 1, v));
        if given == 2
            && (FUNCTION_CHARS.contains(cx.chars[e - 1]) && !ends_item
                || cx.chars[s + sur] == '某'
                || opens_act)
            || sur == 1 && cx.chars[s] == cx.chars[s + 1]
        {
            continue;
        }
        let words = inside
            .iter()
            .filter(|t| t.end - t.start >= 2 && !matches!(t.pos, Pos::Person | Pos::Unknown))
            .count() as f32;
        let after = cx.chars.get(e).copied();
        // A name does not run on into a place or a body (`张家港市`, `王村`), nor
        // end like a village (`某家沟`), a building or a body (`某某馆`), a bridge
        // or a gorge (`某沟桥`, `某家峡`), or a side in talks (`某方`). A post that starts with a place word (`某某省长`,
        // `某某市长`) is a title after the name, not a place it runs into.
        let post_after = starts_with_any(cx, e, &POSTS).is_some();
        if (after.is_some_and(|c| "市县区省镇乡村路街州庄寺山湖河江桥".contains(c))
            || cx.starts_with(e, "社区"))
            && !post_after
            || "堡沟里屯坡湾岭峪洼营寨坪垸集馆院所厅站局部会社团校厂店场队处室组方宫堂府寺庙祠园阁楼亭殿洞村镇乡郡桥峡塔"
                .contains(cx.chars[e - 1])
        {
            continue;
        }
        // A transliteration that happens to start like a surname (clubs,
        // places, brands) is not a Chinese name.
        let foreign = namemodel::foreign_score(&cx.chars[s..e]);
        if foreign >= FOREIGN_SCORE || foreign >= SPORTS_FOREIGN_SCORE && sports() {
            continue;
        }
        // `某总`, `某阿姨`: a surname and a form of address.
        if KIN_TERMS.iter().any(|w| cx.slice(s + sur, e) == *w) {
            continue;
        }
        // An official's act after the name (`某某陪同`, `某某出席`) says
        // "person" as a verb of speech does.
        // Only for a name that opens its clause or a list item (not `在某地会见`)
        // and holds no function word (`曾因`).
        // An adverb or a list's end may stand between (`某某一同调研`,
        // `甲、乙等参加`).
        let act_at = |at: usize| ACTS_AFTER_NAME.iter().any(|v| cx.starts_with(at, v));
        let acts = (act_at(e)
            || CLAUSE_ADVERBS
                .iter()
                .chain(["等", "也"].iter())
                .any(|w| cx.starts_with(e, w) && act_at(e + w.chars().count())))
            && prev.is_none_or(|c| !is_han(c) || "、和与及".contains(c))
            && !inside.iter().any(|t| t.function);
        let follows = if SPEECH_VERBS.iter().any(|v| cx.starts_with(e, v))
            || acts
            || starts_with_any(cx, e, &TITLES_AFTER).is_some()
            || starts_with_any(cx, e, &POSTS).is_some()
        {
            2.0
        } else if after.is_none_or(|c| !is_han(c)) || after.is_some_and(|c| "、和与及".contains(c))
        {
            1.0
        } else {
            0.0
        };
        let surname = if sur == 2 {
            3.0
        } else {
            namemodel::surname_score(cx.chars[s])
        };
        // The dictionary's own names: a three-character word it tags as a name
        // is most often one.
        // Not when the word is the dictionary's mistake: a doubled ending
        // (`金灿灿`), a first two characters that make a frequent word of
        // their own (`银杏树`, `范围广`), or a frequent word that ends like a
        // place or a thing (`thing_ends.txt`: a city, a kind of rain): the
        // dictionary's own names of living people are rare words.
        let mistaken = e - s == 3
            && (cx.chars[s + 1] == cx.chars[s + 2]
                || crate::segment::frequency(&cx.slice(s, s + 2)) >= 400
                || THING_ENDS.contains(cx.chars[e - 1])
                    && crate::segment::frequency(&cx.slice(s, e)) >= FREQUENT_WORD);
        let known = match inside[..] {
            [only] if only.pos == Pos::Person && !mistaken => {
                if e - s >= 3 {
                    2.5
                } else {
                    1.0
                }
            }
            _ => 0.0,
        };
        // A speaker's label at the start of a line (`某某：`).
        let speaker = if prev.is_none_or(|c| c == '\n') && matches!(after, Some('：' | ':')) {
            1.5
        } else {
            0.0
        };
        let score = surname + namemodel::given_score(&cx.chars[s + sur..e]) - 2.0 * words
            + known
            + speaker
            + before
            + follows;
        let needed = if given == 1 {
            SHORT_NAME_SCORE
        } else {
            NAME_SCORE
        };
        // A division's name or short form (`古田`) is that place.
        if score >= needed && best.is_none_or(|(b, _)| score > b) && !names_a_division(cx, s, e) {
            best = Some((score, e));
        }
    }
    let (_, e) = best?;
    Some(super::super::people::person(
        cx.slice(s, e),
        None,
        Span::new(s, e),
        "person:scored",
    ))
}
