//! Names the rules miss, proposed by the segmenter (`crate::segment`): people
//! named with no post or verb of speech next to them (names the dictionary knows,
//! words the HMM cut out that start with a surname, transliterated names) and
//! organisations the dictionary knows whose last word no suffix rule lists
//! (`nt`). A proposal never overlaps what the rules found, needs evidence from
//! its neighbours (a post, a verb, a list of names), and takes its type from its
//! last word (`tagged/bodies`). The segmenter proposes; these rules decide.

use super::lexicon::{
    ACTS_AFTER_NAME, AMBIGUOUS_SURNAMES, COMPANY_SUFFIXES, COUNTRIES, COUNTRY_INITIALS,
    FAMILY_PLACE_ENDS, GEO_AFTER, KIN_TERMS, PERSON_ROLES, POSTS, SPEECH_VERBS, SPORTS_WORDS,
    SURNAMES, TITLES_AFTER, VERBS_BEFORE, is_surname_start,
};
mod bodies;

use super::trim::{self, token_at};
use super::{Cx, Mention, is_han};
use super::{foreign, namemodel};
use crate::model::{EntityType, Span};
use crate::segment::{self, Pos, Token};
use bodies::{bare_body, brand, organisation};

pub fn find(cx: &mut Cx) {
    let tokens = cx.tokens().to_vec();
    if tokens.last().map(|t| t.end) != Some(cx.chars.len()) {
        // The segmenter saw other text than the rules (it never should): propose
        // nothing rather than misplace spans.
        return;
    }
    trim::extend_to_known(cx, &tokens);
    trim::trim_verb_heads(cx, &tokens);
    trim::drop_generic_after_trim(cx, &tokens);
    foreign::join_dotted(cx, &tokens);
    trim::drop_split_words(cx, &tokens);
    let coverage = cx.coverage();
    let free = |s: usize, e: usize| (s..e).all(|k| coverage.get(k) == Some(&0));
    // Transliterated persons and teams first: a run of transliteration is
    // surer than a tagged word inside it.
    let mut found: Vec<Mention> = foreign::titled(cx, &tokens, &free);
    for m in foreign::find(cx, &tokens, &free) {
        if !found.iter().any(|f| f.span.overlaps(m.span)) {
            found.push(m);
        }
    }
    found.extend(foreign::leagues(cx, &free));
    for (k, t) in tokens.iter().enumerate() {
        match t.pos {
            Pos::Person | Pos::Unknown | Pos::ForeignPerson => {
                if let Some(m) = person(cx, &tokens, k)
                    && free(m.span.start, m.span.end)
                    && !found.iter().any(|f| f.span.overlaps(m.span))
                {
                    found.push(m);
                }
            }
            // The dictionary tags some leaders' names as places (`某国总统某某`):
            // a place word right after a title that is no place the gazetteer
            // or the list of countries knows is a name.
            Pos::Place
                if TITLES_AFTER.iter().any(|w| cx.ends_with_at(t.start, w))
                    && t.end - t.start >= 2
                    && !names_a_division(cx, t.start, t.end)
                    && !COUNTRIES.contains(&text(cx, t).as_str()) =>
            {
                let m = super::people::person(
                    text(cx, t),
                    None,
                    Span::new(t.start, t.end),
                    "person:tagged-foreign",
                );
                if free(m.span.start, m.span.end) && !found.iter().any(|f| f.span.overlaps(m.span))
                {
                    found.push(m);
                }
            }
            Pos::Organization => {
                if let Some(m) = organisation(cx, &tokens, k)
                    && free(m.span.start, m.span.end)
                    && !found.iter().any(|f| f.span.overlaps(m.span))
                {
                    found.push(m);
                }
            }
            Pos::Other => {
                if let Some(m) = bare_body(cx, &tokens, k)
                    && free(m.span.start, m.span.end)
                    && !found.iter().any(|f| f.span.overlaps(m.span))
                {
                    found.push(m);
                }
            }
            _ => {}
        }
    }
    // News agencies cited for a report (`某某社报道`, `某某社等2日报道`),
    // whatever the dictionary calls their word.
    for k in 0..tokens.len() {
        if let Some(m) = cited_agency(cx, &tokens, k)
            && free(m.span.start, m.span.end)
            && !found.iter().any(|f| f.span.overlaps(m.span))
        {
            found.push(m);
        }
    }
    // Brands before a trade word (`某某地产`), where nothing was found.
    for k in 0..tokens.len() {
        if let Some(m) = brand(cx, &tokens, k)
            && free(m.span.start, m.span.end)
            && !found.iter().any(|f| f.span.overlaps(m.span))
        {
            found.push(m);
        }
    }
    // Names nothing vouches for but their own characters, where no rule and no
    // tagged word found anything.
    let boundary = boundaries(&tokens, cx.chars.len());
    for k in 0..tokens.len() {
        if let Some(m) = scored_name(cx, &tokens, k, &boundary)
            && free(m.span.start, m.span.end)
            && !found.iter().any(|f| f.span.overlaps(m.span))
        {
            found.push(m);
        }
    }
    repeat_names(cx, &boundary, &free, &mut found);
    for m in &mut found {
        bodies::provincial_department(cx, m);
    }
    cx.mentions.extend(found);
    drop_non_people(cx);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// Names that look like people's but say a country or a side in talks: a
/// country (`阿富汗`), a country's initial and 方 (`某方表示`: that country's
/// side), or a country's initial and a title (`某首相`).
fn drop_non_people(cx: &mut Cx) {
    let keep: Vec<bool> = cx
        .mentions
        .iter()
        .map(|m| {
            if m.ty != EntityType::Person || m.rule == "person:byline" {
                return true;
            }
            let chars: Vec<char> = m.name.chars().collect();
            let initial = chars.first().is_some_and(|&c| COUNTRY_INITIALS.contains(c));
            let side = chars.len() == 2 && initial && chars[1] == '方';
            let titled = initial
                && TITLES_AFTER
                    .iter()
                    .any(|t| m.name[chars[0].len_utf8()..] == **t);
            // A word that fills a pair of quotes is a term or a nickname
            // (`“安全岛”`), not a person's name.
            let (s, e) = (m.span.start, m.span.end);
            let quoted = s > 0
                && matches!(cx.chars[s - 1], '“' | '‘' | '「')
                && cx
                    .chars
                    .get(e)
                    .is_some_and(|&c| matches!(c, '”' | '’' | '」'));
            // A name after a word that goes to a place (`首都某某`, `抵达某某`), or
            // after 在 and before a word of place or of meeting (`在某某附近`,
            // `在某某总理府`), is a place.
            let place = ["首都", "抵达", "前往", "飞抵", "城市", "港口"]
                .iter()
                .any(|w| cx.ends_with_at(s, w))
                || cx.ends_with_at(s, "在")
                    && [
                        "附近",
                        "举行",
                        "召开",
                        "总理府",
                        "总统府",
                        "郊区",
                        "市中心",
                        "街头",
                    ]
                    .iter()
                    .any(|w| cx.starts_with(e, w));
            !(side
                || titled
                || quoted
                || place
                || COUNTRIES.contains(&m.name.as_str())
                || common_word_name(cx, m))
        })
        .collect();
    let mut k = keep.iter();
    cx.mentions.retain(|_| *k.next().unwrap_or(&true));
}

/// Words the dictionary knows well that the name rules can take for a name: a
/// common word read as surname and given name (`居民来说`), a noun made with
/// a suffix of kind (`智能化`, which the dictionary itself tags as a name), a
/// lane or village named after a family (`某家巷`), a place before a zone
/// (`某某工业区`), and a word ending like a place or a building (`幼儿园`).
fn common_word_name(cx: &Cx, m: &Mention) -> bool {
    use crate::segment::{COMMON_WORD, frequency};
    let chars: Vec<char> = m.name.chars().collect();
    let (s, e) = (m.span.start, m.span.end);
    if e - s != chars.len() || m.rule == "person:byline" {
        return false;
    }
    let one_word = super::trim::token_at(cx.tokens(), s)
        .is_some_and(|t| t.end == e && matches!(t.pos, Pos::Other | Pos::Verb));
    // A frequent surname keeps its name even when the name is also a word.
    let rare_surname = !SURNAMES.chars().take(100).any(|c| c == chars[0]);
    let common = one_word && rare_surname && frequency(&m.name) >= COMMON_WORD;
    let kind_suffix = chars.len() == 3
        && "化性式型率度感观".contains(chars[2])
        // With a suffix of kind after it, a word seen a few hundred times is
        // enough (`智能化`).
        && frequency(&m.name[..m.name.len() - chars[2].len_utf8()]) >= COMMON_WORD / 4;
    let family_place = chars.len() == 3 && chars[1] == '家' && FAMILY_PLACE_ENDS.contains(chars[2]);
    let zone_after = ["工业区", "开发区", "工业园", "园区", "新区", "科学城"]
        .iter()
        .any(|z| cx.starts_with(e, z));
    // A word of the dictionary ending like a place or a building (`幼儿园`,
    // `某公岛`, `某和宫`), which it tags as a name, is that place, unless a
    // post says it is a name.
    let facility = chars.len() == 3
        && "园岛宫馆".contains(chars[2])
        && !m.rule.starts_with("person:post")
        && super::trim::token_at(cx.tokens(), s).is_some_and(|t| t.end == e);
    common || kind_suffix || family_place || zone_after || facility
}

/// Whether the text from `s` to `e` is a division's name, or its name without
/// the level word (`某田` for `某田县`).
pub(super) fn names_a_division(cx: &Cx, s: usize, e: usize) -> bool {
    let name = cx.slice(s, e);
    const LEVELS: [&str; 8] = ["县", "市", "区", "镇", "乡", "旗", "街道", "村"];
    !cx.gaz.lookup(&name).is_empty()
        || LEVELS
            .iter()
            .any(|l| !cx.gaz.lookup(&format!("{name}{l}")).is_empty())
        // A town the article names outside the gazetteer (`某某江镇`): its stem
        // alone is the place, or the river it is named after.
        || cx.mentions.iter().any(|m| {
            m.ty == EntityType::Division
                && m.text
                    .strip_prefix(name.as_str())
                    .is_some_and(|rest| LEVELS.contains(&rest))
        })
        // A river, a lake or a range named before a word for its banks or basin
        // (`某某江沿岸`).
        || GEO_AFTER.iter().any(|w| cx.starts_with(e, w))
}

pub(super) fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二两三四五六七八九十百千万几".contains(c)
}

pub(super) fn text(cx: &Cx, t: &Token) -> String {
    cx.slice(t.start, t.end)
}

fn starts_with_any(cx: &Cx, at: usize, words: &[&str]) -> Option<String> {
    words
        .iter()
        .filter(|w| cx.starts_with(at, w))
        .max_by_key(|w| w.chars().count())
        .map(|w| w.to_string())
}

/// A person's name at token `k`, with the evidence its neighbours give.
fn person(cx: &Cx, tokens: &[Token], k: usize) -> Option<Mention> {
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
    let foreign = !chinese;
    // A title after a name (`某某主席`) rarely says of which body: the post is
    // left out, so no employer is guessed from the sentence.
    let rule = if foreign {
        "person:tagged-foreign"
    } else {
        "person:tagged"
    };
    Some(super::people::person(
        cx.slice(s, e),
        None,
        Span::new(s, e),
        rule,
    ))
}

/// A news agency cited for a report: a word of three characters ending in 社
/// that is no kind of business (`合作社`, `旅行社`), right before `报道` or
/// `援引`, or before `等` and a date and `报道`.
fn cited_agency(cx: &Cx, tokens: &[Token], k: usize) -> Option<Mention> {
    let t = &tokens[k];
    let word = text(cx, t);
    if t.end - t.start != 3 || !word.ends_with('社') || t.function || t.pos == Pos::Verb {
        return None;
    }
    if COMPANY_SUFFIXES.iter().any(|s| word.ends_with(s))
        || ["旅行社", "出版社", "杂志社", "报社", "结社", "公社"]
            .iter()
            .any(|w| word.ends_with(w))
    {
        return None;
    }
    let after = cx.slice(t.end, (t.end + 8).min(cx.chars.len()));
    let cited = after.starts_with("报道")
        || after.starts_with("援引")
        || after.starts_with('等') && after.contains("报道");
    if !cited {
        return None;
    }
    Some(Mention {
        ty: EntityType::Organization,
        span: Span::new(t.start, t.end),
        text: word.clone(),
        key: super::names::normalise_name(&word),
        name: word.clone(),
        aliases: vec![word],
        class: None,
        div: None,
        role: None,
        rule: "organization:tagged-media",
        anaphoric: false,
    })
}

/// A name proposed here once is a name wherever else the article writes it
/// (where a word begins and ends, and nothing else was found there).
fn repeat_names(
    cx: &Cx,
    boundary: &[bool],
    free: &dyn Fn(usize, usize) -> bool,
    found: &mut Vec<Mention>,
) {
    let names: std::collections::BTreeMap<Vec<char>, Mention> = found
        .iter()
        .filter(|m| {
            (m.ty == EntityType::Person || m.rule == "organization:team")
                && m.span.end - m.span.start >= 2
        })
        .map(|m| (cx.chars[m.span.start..m.span.end].to_vec(), m.clone()))
        .collect();
    for (name, first) in names {
        let n = name.len();
        let mut k = 0;
        while k + n <= cx.chars.len() {
            let span = Span::new(k, k + n);
            if cx.chars[k..k + n] == name[..]
                && boundary[k]
                && boundary[k + n]
                && free(k, k + n)
                && !found.iter().any(|f| f.span.overlaps(span))
            {
                let mut again = first.clone();
                again.span = span;
                found.push(again);
                k += n;
            } else {
                k += 1;
            }
        }
    }
}

/// Where the segmenter's words begin or end, by character offset.
fn boundaries(tokens: &[Token], len: usize) -> Vec<bool> {
    let mut out = vec![false; len + 1];
    for t in tokens {
        out[t.start] = true;
        out[t.end] = true;
    }
    out
}

/// A name needs at least this score (see [`scored_name`]); one with a single
/// given-name character, which ordinary two-character words resemble, needs more.
const NAME_SCORE: f32 = 6.0;
const SHORT_NAME_SCORE: f32 = 7.0;
/// Characters that end a clause word rather than a name.
pub(super) const FUNCTION_CHARS: &str = "的也却在都了和与是就还又才将被把对从向说为等便";

/// Above this mean log-odds of transliteration the span reads as foreign; in a
/// sentence about a match, above the second.
const FOREIGN_SCORE: f32 = 2.4;
const SPORTS_FOREIGN_SCORE: f32 = 1.8;

/// Whether `at` lies inside a title in 《》 (looking back to the nearest bracket).
/// Words before a name in a byline or a credit.
pub(super) const CREDIT_WORDS: [&str; 7] =
    ["记者", "编辑", "通讯员", "摄影", "实习生", "撰稿", "主持人"];

/// A Chinese name that nothing but its characters vouches for: a surname and one
/// or two given-name characters starting at token `k`, ending where a word ends.
/// The score adds the name model's log-odds (`namemodel`) for the surname and the
/// given name, and what the context says: punctuation or a credit word before
/// it, punctuation, a verb of speech or a post after it; a dictionary word inside
/// the span counts against it (names are mostly words the dictionary lacks).
fn scored_name(cx: &Cx, tokens: &[Token], k: usize, boundary: &[bool]) -> Option<Mention> {
    let s = tokens[k].start;
    let sur = is_surname_start(&cx.chars, s);
    if sur == 0 {
        return None;
    }
    let prev = s.checked_sub(1).map(|i| cx.chars[i]);
    let before = if CREDIT_WORDS.iter().any(|w| cx.ends_with_at(s, w)) {
        2.0
    } else if prev.is_none_or(|c| !is_han(c)) || prev.is_some_and(|c| "、和与及".contains(c)) {
        1.0
    } else {
        0.0
    };
    // A surname that is also a common word (`于`, `和`, `向`) opens a name only
    // after punctuation or a credit word, not inside a clause.
    if sur == 1 && AMBIGUOUS_SURNAMES.contains(cx.chars[s]) && before == 0.0 {
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
        if let [only] = inside[..]
            && (!matches!(only.pos, Pos::Person | Pos::Unknown) || only.everyday)
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
        if given == 2
            && (FUNCTION_CHARS.contains(cx.chars[e - 1]) && !ends_item || cx.chars[s + sur] == '某')
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
        // end like a village (`某家沟`), a building or a body (`某某馆`), or a side
        // in talks (`某方`). A post that starts with a place word (`某某省长`,
        // `某某市长`) is a title after the name, not a place it runs into.
        let post_after = starts_with_any(cx, e, &POSTS).is_some();
        if (after.is_some_and(|c| "市县区省镇乡村路街州庄寺山湖河江桥".contains(c))
            || cx.starts_with(e, "社区"))
            && !post_after
            || "堡沟里屯坡湾岭峪洼营寨坪垸集馆院所厅站局部会社团校厂店场队处室组方宫堂府寺庙祠园阁楼亭殿洞村镇乡郡"
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
        let acts = ACTS_AFTER_NAME.iter().any(|v| cx.starts_with(e, v))
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
        // (`金灿灿`) or a first two characters that make a frequent word of
        // their own (`银杏树`, `范围广`).
        let mistaken = e - s == 3
            && (cx.chars[s + 1] == cx.chars[s + 2]
                || crate::segment::frequency(&cx.slice(s, s + 2)) >= 400);
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
    Some(super::people::person(
        cx.slice(s, e),
        None,
        Span::new(s, e),
        "person:scored",
    ))
}

#[cfg(test)]
mod tests {
    use crate::extract::Extraction;
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn named(ex: &Extraction, ty: EntityType) -> Vec<String> {
        ex.mentions
            .iter()
            .filter(|m| m.ty == ty)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_clause_before_a_suffix_is_cut_and_counts_of_places_name_no_firm() {
        // A known name and its verb are the clause's subject (`某某到…考察`).
        let ex = run("刘晓东到甲乙集团考察，了解生产情况。");
        assert_eq!(named(&ex, EntityType::Company), ["甲乙集团"]);
        assert!(named(&ex, EntityType::Person).contains(&"刘晓东".to_string()));
        // So are a known name, an adverb of sequence and a verb.
        let ex = run("刘晓东先后到青禾农业科技有限公司考察。");
        assert_eq!(named(&ex, EntityType::Company), ["青禾农业科技有限公司"]);
        // A count of places speaks of many firms.
        let ex = run("灾后，广西三地保险公司已赔付两千万元。");
        assert!(named(&ex, EntityType::Company).is_empty(), "{ex:?}");
    }

    #[test]
    fn rivers_and_town_stems_are_no_people() {
        let ex = run("走进富春江镇，富春江沿岸的企业纷纷参与。");
        assert!(named(&ex, EntityType::Person).is_empty(), "{ex:?}");
    }

    #[test]
    fn the_dictionarys_mistaken_names_are_no_people() {
        // Trees and frequent words the dictionary tags as names.
        let ex = run("荒山上种满了桂花树。学校里种下一棵银杏树。\n影响范围广、研究多渠道资金。");
        assert!(named(&ex, EntityType::Person).is_empty(), "{ex:?}");
    }

    #[test]
    fn function_words_around_a_name_are_not_its_characters() {
        let ex = run("会议结束。由王海涛主持讨论。随后赵晶便带着药箱出发。");
        let people = named(&ex, EntityType::Person);
        assert!(!people.iter().any(|p| p.starts_with('由')), "{people:?}");
        assert!(!people.contains(&"赵晶便".to_string()), "{people:?}");
        // Nor is the start of a long ordinary word after a post (`班子成员`).
        let ex = run("省委常委班子成员要带头改进作风。");
        assert!(named(&ex, EntityType::Person).is_empty(), "{ex:?}");
    }

    #[test]
    fn a_word_ending_like_a_building_is_no_person() {
        let ex = run("受降雪影响，全市中小学、幼儿园停课。");
        assert!(named(&ex, EntityType::Person).is_empty(), "{ex:?}");
    }

    #[test]
    fn a_known_name_with_a_title_after_it_is_a_person() {
        let ex = run("严春明总理指出，要加强合作。");
        assert!(named(&ex, EntityType::Person).contains(&"严春明".to_string()));
    }

    #[test]
    fn a_post_that_starts_with_a_place_word_is_a_title_after_the_name() {
        let ex = run("会上，韩立彬省长指出，要加强合作。");
        assert_eq!(named(&ex, EntityType::Person), ["韩立彬"]);
        // A name still does not run on into a place that is no post.
        let ex = run("会上，韩立彬市场监管所长说。");
        assert!(!named(&ex, EntityType::Person).contains(&"韩立彬市".to_string()));
    }

    #[test]
    fn a_kind_of_business_a_count_or_a_clause_names_no_company() {
        for text in [
            "村里成立了特色农业合作社，带动农户增收。",
            "目前，某某市11家合作社已经入网。",
            "黑市中他专门出售客户银行卡信息。",
        ] {
            let ex = run(text);
            assert!(named(&ex, EntityType::Company).is_empty(), "{text}");
        }
        let ex = run("村里成立了新韩银行分理处。");
        assert!(named(&ex, EntityType::Company).contains(&"新韩银行".to_string()));
    }

    #[test]
    fn premises_need_a_name_of_their_own() {
        for text in [
            "他住进一家快捷酒店。",
            "牛羊都赶到了周边牧场。",
            "市民陆续离开商场。",
            "一线大城市一类商场客流回升。",
        ] {
            let ex = run(text);
            assert!(named(&ex, EntityType::Company).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_central_bank_is_a_government_body_and_a_conjunction_opens_no_bank() {
        let ex = run("中国人民银行将发行票据。");
        assert!(named(&ex, EntityType::Company).is_empty());
        assert_eq!(named(&ex, EntityType::Agency), ["中国人民银行"]);
        let ex = run("条件有变。但通远银行指出，条件有变。");
        assert_eq!(named(&ex, EntityType::Company), ["通远银行"]);
    }

    #[test]
    fn a_clause_word_inside_a_company_span_ends_the_clause_before_the_name() {
        let ex = run("中方愿同欧洲复兴开发银行加强合作。");
        assert_eq!(
            named(&ex, EntityType::Company),
            ["欧洲复兴开发银行".to_string()]
        );
    }

    #[test]
    fn bodies_the_dictionary_knows_are_typed_by_their_last_word() {
        let ex = run("外交部发言人在例行记者会上回答提问。");
        assert!(
            named(&ex, EntityType::Agency).contains(&"外交部".to_string()),
            "{:?}",
            ex.mentions
        );
    }

    #[test]
    fn everyday_words_quoted_terms_and_places_are_no_people() {
        let people = |text: &str| named(&run(text), EntityType::Person);
        // Words the dictionary tags as names but sees hundreds of times.
        assert!(people("10名被告人做了最后陈述，审判长宣布休庭。").is_empty());
        assert!(people("国家主席致信祝贺\n").is_empty());
        // A word that fills the quotes is a term.
        assert!(people("街头警务站成了百姓的“安全岛”。").is_empty());
        // Words of kind after common words (`获得感、幸福感、安全感`).
        assert!(people("让人民更有获得感、幸福感、安全感。").is_empty());
        // A city after a word of place.
        assert!(people("国王在卡塔尔首都多哈强调，应尽快停火。").is_empty());
        // A verb of speech after an everyday word names no speaker.
        assert!(people("会议分析了形势，强调指出，要稳中求进。").is_empty());
        assert!(people("总书记在贺信中指出，要再接再厉。").is_empty());
    }

    #[test]
    fn a_suffix_inside_a_word_or_after_a_verb_names_no_organisation() {
        let orgs = |text: &str| named(&run(text), EntityType::Organization);
        assert!(orgs("要建立“小病在基层、大病到医院”的格局。").is_empty());
        assert!(orgs("他听取学院教育教学情况汇报。").is_empty());
        // A news agency cited for a report is one, whatever its tag; a kind
        // of business before 报道 is none.
        assert_eq!(orgs("而路透社报道说，计划推迟。"), ["路透社"]);
        assert!(orgs("旅行社报道了团费。").is_empty());
        // A kind of institution the dictionary tags names none.
        assert!(orgs("老人到卫生院看病，又去了美术馆。").is_empty());
        assert_eq!(
            orgs("他们正在建设国家智能传感创新中心。"),
            ["国家智能传感创新中心"]
        );
    }

    #[test]
    fn colleges_are_named_by_their_place_and_schools_by_a_name_of_their_own() {
        let orgs = |text: &str| named(&run(text), EntityType::Organization);
        assert_eq!(orgs("总书记来到泰顺学院考察调研。"), ["泰顺学院"]);
        assert_eq!(orgs("她是辛集市青石湾学校的教师。"), ["辛集市青石湾学校"]);
        // Hospitals are named by their place too; a hospital without one is
        // a description.
        assert_eq!(orgs("伤者被送往嘉兴医院救治。"), ["嘉兴医院"]);
        assert!(orgs("伤者被送往当地医院救治。").is_empty());
        // A place whose name opens with a conjunction keeps it (`和田`).
        assert_eq!(orgs("她在和田地区人民医院工作。"), ["和田地区人民医院"]);
        // Railway bureaus are enterprises, named by their city.
        let ex = run("上海铁路局加开列车。");
        assert_eq!(named(&ex, EntityType::Company), ["上海铁路局"]);
        assert!(named(&ex, EntityType::Agency).is_empty());
        assert!(orgs("他勉励学校全面贯彻教育方针。").is_empty());
    }

    #[test]
    fn trades_before_a_legal_form_and_function_words_inside_brands() {
        let companies = |text: &str| named(&run(text), EntityType::Company);
        assert_eq!(
            companies("某某装饰设计有限公司提出申诉。"),
            ["某某装饰设计有限公司"]
        );
        assert_eq!(
            companies("某某重工集团有限公司副总经理到会。"),
            ["某某重工集团有限公司"]
        );
        // A count of schools or a region before a base names none.
        let orgs = |text: &str| named(&run(text), EntityType::Organization);
        assert!(orgs("全省300多所学校参加。").is_empty());
        assert!(companies("某省是我国东南沿海电子信息产业基地。").is_empty());
    }

    #[test]
    fn a_name_opening_with_two_places_is_also_written_without_the_first() {
        let ex = run("她是河北省辛集市青石湾学校的教师。");
        let m = ex
            .mentions
            .iter()
            .find(|m| m.ty == EntityType::Organization)
            .expect("an organisation");
        assert!(m.aliases.contains(&"辛集市青石湾学校".to_string()), "{m:?}");
    }
}
