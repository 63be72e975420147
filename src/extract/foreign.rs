//! Foreign names written in transliteration (the sounds of a name spelt with
//! characters such as 尔, 斯, 克): runs of the segmenter's words whose characters
//! the name model (`namemodel`) finds far likelier in transliterated names than
//! in ordinary words. Whether a run is a person, a team or neither is decided by
//! its context: a dot between parts, a role or title before it, a verb of speech
//! or a title after it make a person; a sentence about a match makes a team; a
//! run followed by 国, 人 or 省 is a place and is left alone.

use super::lexicon::{
    ACTS_AFTER_NAME, COUNTRIES, COUNTRY_INITIALS, COURTESY, DESCRIPTORS, LEAGUE_INITIALS,
    LEAGUE_TIERS, NOT_AFTER_TIER, PERSON_ROLES, POSTS, SPEECH_VERBS, SPORTS_WORDS, TITLES_AFTER,
};
use super::names::normalise_name;
use super::tagged::names_a_division;
use super::trim::token_at;
use super::{Cx, Mention, is_han, namemodel};
use crate::model::{EntityType, Span};
use crate::segment::{Pos, Token};

/// The mean log-odds of transliteration a run needs; a dotted name, whose dot
/// already says "foreign name", needs less.
const RUN_SCORE: f32 = 2.8;
const DOTTED_SCORE: f32 = 2.0;
/// No character of a run may score below this (an ordinary character inside a
/// run ends it).
const CHAR_FLOOR: f32 = 0.0;

fn dot(c: char) -> bool {
    matches!(c, '·' | '•' | '‧' | '・')
}

/// Whether every character of the token could be part of a transliteration.
fn foreign_token(cx: &Cx, t: &Token) -> bool {
    let chars = &cx.chars[t.start..t.end];
    // An ordinary word of the dictionary (`夫人`) is Chinese, not a sound.
    let ordinary = chars.len() >= 2 && matches!(t.pos, Pos::Other | Pos::Verb);
    !ordinary
        && chars.iter().all(|&c| is_han(c))
        && chars
            .iter()
            .all(|&c| namemodel::foreign_score(&[c]) >= CHAR_FLOOR)
}

/// Transliterated persons and teams the rules did not find. `free` says whether a
/// span is untouched by what was found before.
pub(super) fn find(cx: &Cx, tokens: &[Token], free: &dyn Fn(usize, usize) -> bool) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if !foreign_token(cx, &tokens[k]) {
            k += 1;
            continue;
        }
        // The run: foreign tokens, and a dot between two of them.
        let mut j = k + 1;
        let mut dotted = false;
        loop {
            match tokens.get(j) {
                Some(t) if foreign_token(cx, t) => j += 1,
                Some(t)
                    if t.end - t.start == 1
                        && dot(cx.chars[t.start])
                        && tokens.get(j + 1).is_some_and(|n| foreign_token(cx, n)) =>
                {
                    dotted = true;
                    j += 2;
                }
                _ => break,
            }
        }
        let (s, e) = (tokens[k].start, tokens[j - 1].end);
        k = j;
        if let Some(m) = classify(cx, tokens, s, e, dotted)
            && free(m.span.start, m.span.end)
        {
            out.push(m);
        }
    }
    out
}

/// The mean log-odds of transliteration a name right after a foreign title needs
/// (`某国总统某某`): the title already says a name follows, so single ordinary
/// characters inside it (`武`, `桑`) are let through.
const TITLED_SCORE: f32 = 1.0;

/// Foreign names right after a title (`某国总统某某某`), to the next boundary:
/// punctuation, a stop character or a verb of speech. A person found there
/// already, but cut short by the segmenter (`某某` of `某某某某`), is
/// lengthened to the boundary; a name found nowhere is returned.
pub(super) fn titled(
    cx: &mut Cx,
    tokens: &[Token],
    free: &dyn Fn(usize, usize) -> bool,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let n = cx.chars.len();
    let mut starts = Vec::new();
    // A descriptor of trade or standing (`选手`, `护士`, `患者`) says a name
    // may follow, more weakly than a title: the name must sound foreign as a
    // run found alone does. A reporter's sign-off names a place (`记者某地报道`)
    // and tourists go somewhere (`游客赴某地`).
    let titles = TITLES_AFTER.iter().chain(POSTS.iter()).map(|t| (t, false));
    let descriptors = DESCRIPTORS
        .iter()
        .filter(|d| !["记者", "游客"].contains(d))
        .map(|t| (t, true));
    for (title, weak) in titles.chain(descriptors) {
        let len = title.chars().count();
        // The first character rules out most places cheaply; there are some
        // four hundred titles and descriptors to look for.
        let Some(first) = title.chars().next() else {
            continue;
        };
        for at in (0..n.saturating_sub(len))
            .filter(|&at| cx.chars[at] == first && cx.starts_with(at, title))
        {
            starts.push((at + len, country_before(cx, at), at, weak));
        }
    }
    starts.sort_unstable();
    starts.dedup_by(|a, b| {
        // One start, from two titles: a country before either vouches for it,
        // and the longer title is the post.
        a.0 == b.0 && {
            b.1 |= a.1;
            b.2 = b.2.min(a.2);
            b.3 &= a.3;
            true
        }
    });
    for (s, of_country, title_at, weak) in starts {
        // Whole words of the segmenter: a word the dictionary knows (`发表`,
        // `赠送`) ends the name, as do punctuation, stop characters and verbs
        // of speech.
        let Some(first) = tokens.binary_search_by_key(&s, |t| t.start).ok() else {
            continue;
        };
        let mut e = s;
        for t in &tokens[first..] {
            let c = cx.chars[t.start];
            // After a foreign country's title, a word the dictionary has seen
            // only a handful of times (`某马`, `加某`) is a name's syllables.
            // Only its first word of two characters counts so.
            let rare = of_country
                && t.start == s
                && t.end - t.start == 2
                && crate::segment::frequency(&cx.slice(t.start, t.end)) < 20
                && !ACTS_AFTER_NAME.iter().any(|w| cx.starts_with(t.start, w));
            let dictionary_word =
                t.end - t.start >= 2 && matches!(t.pos, Pos::Other | Pos::Verb) && !rare;
            // `某某和总理某某`: a conjunction is no part of the name.
            let joiner = t.end - t.start == 1 && "和同跟及与".contains(c);
            // A function word (`则`, `都`, `后`), a second post (`兼`), a
            // posting (`驻`) or a place the text goes on to (`某某北京`) ends it.
            let ends_name = e > s
                && (t.function && t.end - t.start == 1 && !dot(cx.chars[t.start - 1])
                    || t.end - t.start == 1 && "兼驻互作后时则都".contains(c)
                    || t.pos == Pos::Place && names_a_division(cx, t.start, t.end));
            if e - s >= 9
                || dictionary_word
                || joiner
                || ends_name
                || !(is_han(c) || dot(c))
                || super::is_stop(c)
                || SPEECH_VERBS.iter().any(|v| cx.starts_with(t.start, v))
                || TITLES_AFTER.iter().any(|w| cx.starts_with(t.start, w))
            {
                break;
            }
            // `某某利说`: a verb of speech the segmenter glued to the name's end.
            if let Some(k) =
                (t.start + 1..t.end).find(|&k| SPEECH_VERBS.iter().any(|v| cx.starts_with(k, v)))
            {
                e = k;
                break;
            }
            // `某某伊在`: so is a preposition or a copula, in a word the
            // dictionary does not know, a verb of leading or bringing
            // (`某某达率政府官员`, `某某携夫人`) and the 时 of a clause of time
            // (`会见某国总统某某梅时`).
            if t.pos == Pos::Unknown
                && t.end - t.start >= 2
                && "在是将也就已率携时以及与".contains(cx.chars[t.end - 1])
            {
                e = t.end - 1;
                break;
            }
            e = t.end;
        }
        let letters: Vec<char> = cx.chars[s..e]
            .iter()
            .copied()
            .filter(|&c| !dot(c))
            .collect();
        // Only a name that ends at the boundary is taken: a longer run is a
        // clause (`总统在会上…`), and the score decides whether it sounds foreign.
        // `同某某` opens with a preposition; `某国人某某` holds a nationality.
        // A foreign country's title (`某国外长某某`) says a name follows, however
        // it sounds (`某某伟` of a name written in Chinese characters) and
        // however short; the segmenter's words still end it.
        let shortest = if of_country { 2 } else { 3 };
        if !(shortest..=8).contains(&letters.len())
            || "同和与跟向对兼驻叫破".contains(letters[0])
            || cx.chars.get(e - 1).copied().is_some_and(dot)
            || letters.contains(&'人')
            || letters.last() == Some(&'等')
            || e - s > 8
            || !of_country && namemodel::foreign_score(&letters) < TITLED_SCORE
            || weak && namemodel::foreign_score(&letters) < DOTTED_SCORE
            || names_a_division(cx, s, e)
        {
            continue;
        }
        let name = cx.slice(s, e);
        if let Some(m) = cx.mentions.iter_mut().find(|m| {
            m.ty == EntityType::Person && m.span.start == s && m.span.end < e && !m.anaphoric
        }) {
            m.span = Span::new(s, e);
            m.text = name.clone();
            m.key = name.clone();
            m.aliases = vec![name.clone()];
            m.name = name;
            continue;
        }
        if free(s, e) {
            out.push(Mention {
                ty: EntityType::Person,
                span: Span::new(s, e),
                text: name.clone(),
                key: name.clone(),
                name: name.clone(),
                aliases: vec![name],
                class: None,
                div: None,
                // The post with the words before it back to the body that
                // holds it (`某国外交部` + `发言人`), which gives the employer.
                role: Some(cx.slice(super::people::role_start(cx, title_at), s)),
                rule: "person:titled-foreign",
                anaphoric: false,
            });
        }
    }
    out
}

/// Whether a foreign country is named right before the title at `at`, or a few
/// characters before with nothing but a body between (`某国国防部长`,
/// `某国总统新闻秘书`). China's own titles are left to the rules for Chinese
/// names.
fn country_before(cx: &Cx, at: usize) -> bool {
    (at.saturating_sub(6)..=at).any(|p| {
        let between = (p..at).all(|k| is_han(cx.chars[k]) && !super::is_stop(cx.chars[k]));
        let named = COUNTRIES
            .iter()
            .find(|c| cx.ends_with_at(p, c))
            .is_some_and(|c| !["中国", "中华人民共和国", "我国"].contains(c));
        let initial = p >= 1
            && COUNTRY_INITIALS.contains(cx.chars[p - 1])
            && (p < 2 || !is_han(cx.chars[p - 2]) || super::is_stop(cx.chars[p - 2]));
        between && (named || initial)
    })
}

/// National leagues named by a country's short form and a tier (`某甲`, `某超`),
/// where the character after does not make the tier part of another word and
/// the pair does not continue a word (the character before is no Han
/// character, a stop character, or the end of a league or team name).
pub(super) fn leagues(cx: &Cx, free: &dyn Fn(usize, usize) -> bool) -> Vec<Mention> {
    let mut out = Vec::new();
    let n = cx.chars.len();
    for i in 0..n.saturating_sub(1) {
        if !LEAGUE_INITIALS.contains(cx.chars[i])
            || !LEAGUE_TIERS.contains(cx.chars[i + 1])
            || cx
                .chars
                .get(i + 2)
                .is_some_and(|&c| NOT_AFTER_TIER.contains(c))
            || !free(i, i + 2)
        {
            continue;
        }
        // Another league word must be in the sentence unless the pair stands
        // alone (a headline, a list).
        let said = cx.slice(cx.sentence_start(i), cx.sentence_end(i));
        if !SPORTS_WORDS.iter().any(|w| said.contains(w)) && !said.contains("联赛") {
            let alone = (i == 0 || !is_han(cx.chars[i - 1]))
                && cx.chars.get(i + 2).is_none_or(|&c| !is_han(c));
            if !alone {
                continue;
            }
        }
        // `某甲联赛` is the league's full name.
        let e = if cx.starts_with(i + 2, "联赛") {
            i + 4
        } else {
            i + 2
        };
        let name = cx.slice(i, e);
        out.push(Mention {
            ty: EntityType::Organization,
            span: Span::new(i, e),
            text: name.clone(),
            key: normalise_name(&name),
            name: name.clone(),
            aliases: vec![name],
            class: None,
            div: None,
            role: None,
            rule: "organization:league",
            anaphoric: false,
        });
    }
    out
}

/// Persons the rules found as one part of a dotted name (`某某·某某` where a
/// verb of speech follows the last part) take in the other parts.
pub(super) fn join_dotted(cx: &mut Cx, tokens: &[Token]) {
    for i in 0..cx.mentions.len() {
        let m = &cx.mentions[i];
        if m.ty != EntityType::Person || m.anaphoric {
            continue;
        }
        let (mut s, mut e) = (m.span.start, m.span.end);
        // Right next to the dot, a short word of the dictionary's is a part of
        // the name all the same (`某某·甘地女士`, `主任让·某某`): the dot says
        // so, when the name plainly ends or starts there (a mark, a stop
        // character, a courtesy title or a verb of speech after it; a mark or
        // a post before it).
        let short_word = |t: &Token| {
            t.end - t.start <= 3 && !t.function && (t.start..t.end).all(|k| is_han(cx.chars[k]))
        };
        let ends_at = |k: usize| {
            cx.chars
                .get(k)
                .is_none_or(|&c| !is_han(c) || super::is_stop(c))
                || COURTESY
                    .iter()
                    .chain(SPEECH_VERBS.iter())
                    .chain(ACTS_AFTER_NAME.iter())
                    .any(|w| cx.starts_with(k, w))
        };
        let starts_at = |k: usize| {
            k == 0
                || !is_han(cx.chars[k - 1])
                || POSTS
                    .iter()
                    .chain(TITLES_AFTER.iter())
                    .any(|w| cx.ends_with_at(k, w))
        };
        let part_after = |t: &Token| foreign_token(cx, t) || short_word(t) && ends_at(t.end);
        let part = |t: &Token| foreign_token(cx, t) || short_word(t) && starts_at(t.start);
        // Leftwards: a dot, then foreign tokens ending at it.
        while s >= 2 && dot(cx.chars[s - 1]) {
            let Some(k) = tokens.binary_search_by_key(&(s - 1), |t| t.end).ok() else {
                break;
            };
            let mut j = k;
            while j > 0 && foreign_token(cx, &tokens[j - 1]) && tokens[j - 1].end == tokens[j].start
            {
                j -= 1;
            }
            if !part(&tokens[k]) {
                break;
            }
            s = if foreign_token(cx, &tokens[k]) {
                tokens[j].start
            } else {
                tokens[k].start
            };
        }
        // Rightwards: a dot, then foreign tokens.
        while e + 1 < cx.chars.len() && dot(cx.chars[e]) {
            let Some(k) = tokens.binary_search_by_key(&(e + 1), |t| t.start).ok() else {
                break;
            };
            let mut j = k;
            if part_after(&tokens[k]) {
                j += 1;
            }
            while j < tokens.len() && foreign_token(cx, &tokens[j]) {
                j += 1;
            }
            if j == k {
                break;
            }
            e = tokens[j - 1].end;
        }
        if (s, e) == (m.span.start, m.span.end) {
            continue;
        }
        let name = cx.slice(s, e);
        let m = &mut cx.mentions[i];
        m.span = Span::new(s, e);
        m.text = name.clone();
        m.key = name.clone();
        m.aliases = vec![name.clone()];
        m.name = name;
    }
}

fn classify(cx: &Cx, tokens: &[Token], s: usize, mut e: usize, dotted: bool) -> Option<Mention> {
    let letters: Vec<char> = cx.chars[s..e]
        .iter()
        .copied()
        .filter(|&c| !dot(c))
        .collect();
    if !(2..=10).contains(&letters.len()) {
        return None;
    }
    let needed = if dotted { DOTTED_SCORE } else { RUN_SCORE };
    if namemodel::foreign_score(&letters) < needed {
        return None;
    }
    // One word the dictionary knows as a place is a country or a city.
    if !dotted && token_at(tokens, s).is_some_and(|t| t.end == e && t.pos == Pos::Place) {
        return None;
    }
    // Divisions are often transliterations too (in Xinjiang, Tibet, Inner
    // Mongolia): a name the gazetteer knows is that place.
    if names_a_division(cx, s, e) {
        return None;
    }
    let after = cx.chars.get(e).copied();
    if after.is_some_and(|c| "国人省州市县语族籍裔岛湾河山湖港城区".contains(c)) {
        return None;
    }
    // `某国总统某某`: a title followed by a name makes this run the country.
    if let Some(title) = TITLES_AFTER
        .iter()
        .chain(PERSON_ROLES.iter())
        .filter(|w| cx.starts_with(e, w))
        .max_by_key(|w| w.chars().count())
    {
        let next = e + title.chars().count();
        if token_at(tokens, next).is_some_and(|t| foreign_token(cx, t) || t.pos == Pos::Person) {
            return None;
        }
    }
    // A regnal number belongs to the name (`某某二世`).
    if let Some(n) = ["一世", "二世", "三世", "四世", "五世", "六世"]
        .iter()
        .find(|w| cx.starts_with(e, w))
    {
        e += n.chars().count();
    }
    let before_word = |words: &[&str]| words.iter().any(|w| cx.ends_with_at(s, w));
    let after_word = |words: &[&str]| words.iter().any(|w| cx.starts_with(e, w));
    let person = dotted
        || before_word(&PERSON_ROLES)
        || before_word(&POSTS)
        || before_word(&TITLES_AFTER)
        || after_word(&SPEECH_VERBS)
        || after_word(&TITLES_AFTER)
        || after_word(&["女士", "夫人", "教练", "执教", "上任", "的球队", "的作品"]);
    let (name, ty, rule) = if person {
        (cx.slice(s, e), EntityType::Person, "person:transliterated")
    } else {
        let said = cx.slice(cx.sentence_start(s), cx.sentence_end(s));
        if !SPORTS_WORDS.iter().any(|w| said.contains(w)) {
            return None;
        }
        // `某某队` is the team's full name.
        if after == Some('队') {
            e += 1;
        }
        (
            cx.slice(s, e),
            EntityType::Organization,
            "organization:team",
        )
    };
    let key = match ty {
        EntityType::Person => name.clone(),
        _ => normalise_name(&name),
    };
    Some(Mention {
        ty,
        span: Span::new(s, e),
        text: name.clone(),
        key,
        name: name.clone(),
        aliases: vec![name],
        class: None,
        div: None,
        role: None,
        rule,
        anaphoric: false,
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn named(text: &str, ty: EntityType) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == ty)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_foreign_name_after_a_trade_or_standing_is_a_person() {
        let people = named(
            "标题\n护士妮娜·范转院治疗。货车司机阿米尔为了过河已经排了一天的队。",
            EntityType::Person,
        );
        assert!(people.contains(&"阿米尔".to_string()), "{people:?}");
        // A reporter's sign-off names a place, and what a player did is no name.
        let people = named(
            "标题\n本台记者顿涅茨克报道。肯尼亚选手破世界纪录。",
            EntityType::Person,
        );
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn a_minister_of_the_crown_is_titled() {
        let people = named("英国财政大臣奥斯伯特公布预算。", EntityType::Person);
        assert_eq!(people, ["奥斯伯特"]);
    }

    #[test]
    fn a_rare_word_after_a_foreign_countrys_title_is_a_name() {
        // An invented name whose first syllables are a rare dictionary word
        // (`加塞`); a verb of greeting after the title is none.
        let people = named("伊朗外长加塞诺在记者会上表示。", EntityType::Person);
        assert_eq!(people, ["加塞诺"]);
        assert!(named("荷兰首相致贺电。", EntityType::Person).is_empty());
    }

    #[test]
    fn a_dotted_name_takes_a_short_word_where_it_plainly_ends() {
        // An invented name whose last part is an ordinary word (`高山`).
        let people = named("转达对某党主席玛丽娅·高山女士的问候。", EntityType::Person);
        assert_eq!(people, ["玛丽娅·高山"]);
    }

    #[test]
    fn a_preposition_glued_to_a_titled_name_ends_it() {
        let people = named("某国国防部长格列诺伊在社交网站上表示。", EntityType::Person);
        assert_eq!(people, ["格列诺伊"]);
        // So is a word of time (`在会见某某时表示`).
        let people = named(
            "某国总理在会见某国总统格列诺伊时表示欢迎。",
            EntityType::Person,
        );
        assert_eq!(people, ["格列诺伊"]);
        // Also where the segmenter glues 时 to the name's last syllable.
        let people = named("总理在会见卢旺达总统萨比留斯时表示。", EntityType::Person);
        assert_eq!(people, ["萨比留斯"]);
        // So is a verb of leading.
        let people = named(
            "塔吉克斯坦总理格列佐达率政府官员到机场迎接。",
            EntityType::Person,
        );
        assert_eq!(people, ["格列佐达"]);
        // So is a conjunction before the rest of a list.
        let people = named("美国国务卿卡勒森及多位内阁成员出席。", EntityType::Person);
        assert_eq!(people, ["卡勒森"]);
    }

    #[test]
    fn a_dotted_transliteration_is_a_person() {
        // Invented names spelt with transliteration characters.
        let people = named("会上，卡尔·斯特雷介绍了情况。", EntityType::Person);
        assert!(people.contains(&"卡尔·斯特雷".to_string()), "{people:?}");
    }

    #[test]
    fn a_transliteration_in_a_match_report_is_a_team() {
        let orgs = named("本赛季主场，萨克森特vs克雷斯托。", EntityType::Organization);
        assert!(orgs.contains(&"萨克森特".to_string()), "{orgs:?}");
    }

    #[test]
    fn a_transliteration_before_a_country_word_is_left_alone() {
        let people = named("代表团访问了克雷斯托国。", EntityType::Person);
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn a_country_and_a_tier_in_a_sports_sentence_is_a_league() {
        let found = named(
            "本赛季意甲和英超的主场胜率都超过五成。",
            EntityType::Organization,
        );
        assert!(found.contains(&"意甲".to_string()), "{found:?}");
        assert!(found.contains(&"英超".to_string()), "{found:?}");
        assert!(named("中超市场份额增长。", EntityType::Organization).is_empty());
    }

    #[test]
    fn a_name_after_a_title_runs_to_the_next_word_or_mark() {
        let people = named(
            "开幕式上，某国总统卡洛维萨、某国总理武斯特奇发表致辞，某州州长诺维利说。",
            EntityType::Person,
        );
        assert!(people.contains(&"卡洛维萨".to_string()), "{people:?}");
        assert!(people.contains(&"武斯特奇".to_string()), "{people:?}");
        assert!(
            !people
                .iter()
                .any(|p| p.ends_with("发表") || p.ends_with('说')),
            "{people:?}"
        );
    }

    #[test]
    fn a_foreign_countrys_title_opens_a_name_however_it_sounds() {
        // Invented names: one in Chinese characters, one that sounds Chinese.
        let people = named("日本首相吉田雅彦7日重申立场。", EntityType::Person);
        assert!(people.contains(&"吉田雅彦".to_string()), "{people:?}");
        let people = named("俄国防部长绍里科视察了部队。", EntityType::Person);
        assert!(people.contains(&"绍里科".to_string()), "{people:?}");
        let people = named("伊朗外长阿卜杜拉希德会面时指出。", EntityType::Person);
        assert!(people.contains(&"阿卜杜拉希德".to_string()), "{people:?}");
        // A title with no name after it, or a place after it, names no one.
        assert!(named("美国总统表示关切。", EntityType::Person).is_empty());
        assert!(named("日本首相官邸发表声明。", EntityType::Person).is_empty());
    }
}
