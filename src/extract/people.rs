//! People: byline authors, names right after a post (`财务总监王某某`, with several
//! posts joined by `、`), and names before a verb of speech (`刘某某说`). A name is a
//! surname from the lexicon plus one or two given-name characters; the length is
//! decided by what follows (`people::length`). Contributors credited in running
//! text are `people::credits`.

use super::lexicon::*;
use super::{Cx, Mention, is_han, is_stop};
use crate::model::{EntityType, Span};

mod credits;
pub(super) mod cues;
pub(super) mod familiar;
mod length;
pub(super) mod peers;
pub(super) mod places;
pub(super) mod roles;

pub(super) use credits::credits;
use length::{courtesy_end, everyday_word, name_after_post, name_at, ordinary_word_opens};

/// Whether the words before a verb of speech are no speaker: they open with an
/// everyday word of two or more characters (`强调指出`, `习惯地称作`,
/// `官兵们表示`), or name a document after 在 (`在贺信中说`).
/// Whether the segmenter reads `s..e` as a name: it opens with a word tagged
/// as a name or unknown to the dictionary, and no word runs across its end
/// (`某战书出席`, but not `党中央出席` or `余人参加`).
fn segmenter_reads_a_name(cx: &Cx, s: usize, e: usize) -> bool {
    use crate::segment::Pos;
    // A count (`五百余人`), a place after a preposition (`在某斯科`) or a
    // unit's or an elder's word (`某舟队`, `某老`) fills the name's place.
    let before = s.checked_sub(1).map(|k| cx.chars[k]);
    if before.is_some_and(|c| {
        c.is_ascii_digit() || super::tagged::is_numeral(c) || "在到赴于至抵往从".contains(c)
    }) || cx.chars[e - 1] == '老'
        || e - s == 3 && "队团组部局处会社".contains(cx.chars[e - 1])
    {
        return false;
    }
    let tokens = cx.tokens();
    let k = tokens.partition_point(|t| t.end <= s);
    tokens.get(k).is_some_and(|t| {
        t.start == s && t.end <= e && matches!(t.pos, Pos::Person | Pos::Unknown) && !t.everyday
    }) && tokens[k..]
        .iter()
        .take_while(|t| t.start < e)
        .all(|t| t.end <= e)
        && !everyday_word(cx, s, e)
}

fn no_speaker(cx: &Cx, s: usize, e: usize) -> bool {
    use crate::segment::Pos;
    // A famous name that is also an everyday word of the dictionary's (a word
    // for the sea, a season) is a name only with a verb of formal statement
    // or `同志` after it; an everyday word is seldom the subject of one.
    let stated = FORMAL_ACTS.iter().any(|v| cx.starts_with(e, v));
    // A pronoun is no given name (`但他强调`: a conjunction and `he`), and a
    // measure word after a demonstrative or a number counts people
    // (`这位网友说`).
    let pronoun = (s + 1..e).any(|k| "他她它们您我你咱".contains(cx.chars[k]));
    let counted = "位名个些".contains(cx.chars[s])
        && s > 0
        && ("这那每该哪几".contains(cx.chars[s - 1]) || super::tagged::is_numeral(cx.chars[s - 1]));
    if pronoun || counted {
        return true;
    }
    super::trim::token_at(cx.tokens(), s).is_some_and(|t| {
        t.end - t.start >= 2 && matches!(t.pos, Pos::Other | Pos::Verb)
            || t.everyday && !(stated && t.end == e)
    }) || cx.ends_with_at(s, "在") && cx.chars[e - 1] == '中'
}

/// Whether a comma at `end` opens an apposition that gives the post of the
/// name before it (`某某某，某某培训服务中心负责人，…`): at most twenty plain
/// characters closed by a post (not a descriptor) and a comma or a full stop.
fn post_in_apposition(cx: &Cx, end: usize) -> bool {
    if cx.chars.get(end) != Some(&'，') {
        return false;
    }
    let start = end + 1;
    let Some(close) = (start..(start + 21).min(cx.chars.len()))
        .find(|&k| !is_han(cx.chars[k]) || "的是在".contains(cx.chars[k]))
    else {
        return false;
    };
    close > start + 2
        && "，。；".contains(cx.chars[close])
        && POSTS
            .iter()
            .any(|p| cx.ends_with_at(close, p) && close - p.chars().count() > start)
}

/// The post given in brackets right after a name (`某某（某省副省长，…）`,
/// `某某（某局局长）`), as announcements of appointments and sanctions write
/// it: at most twenty-four plain characters after the opening bracket, closed
/// by a post and the bracket, a comma or a `、` before the next post. Returns
/// the post phrase.
fn post_in_brackets(cx: &Cx, end: usize) -> Option<String> {
    if !matches!(cx.chars.get(end), Some('（' | '(')) {
        return None;
    }
    let start = end + 1;
    let close = (start..(start + 25).min(cx.chars.len())).find(|&k| !is_han(cx.chars[k]))?;
    (close > start + 2
        && "，）)、；".contains(cx.chars[close])
        && POSTS
            .iter()
            .any(|p| cx.ends_with_at(close, p) && close - p.chars().count() > start))
    .then(|| cx.slice(start, close))
}

pub fn find(cx: &mut Cx) {
    let mut found: Vec<Mention> = Vec::new();
    let article = cx.article;
    // Bylines: the authors' span is the headline, the article they wrote.
    let title_len = article.title.chars().count();
    for a in &article.authors {
        found.push(person(
            a.name.clone(),
            Some(a.role.clone()),
            Span::new(0, title_len),
            "person:byline",
        ));
    }
    let n = cx.chars.len();
    // This pass adds its people at the end, so what covers each character is
    // known up front.
    let coverage = cx.coverage();
    let covered = |at: usize, types: &[EntityType]| {
        coverage
            .get(at)
            .is_some_and(|&b| types.iter().any(|&t| b & (1 << t as u8) != 0))
    };
    let posts_at = longest_posts(&cx.chars);
    let mut i = 0;
    while i < n {
        if covered(i, &[EntityType::Initiative]) {
            i += 1;
            continue;
        }
        // The longest post or descriptor starting here (`党组书记` over `书记`).
        // `赛区长沙`, `某区长丰街道`: a post whose last character opens a place
        // is no post.
        let posts_at_here = posts_at
            .get(&i)
            .filter(|&&(_, len)| !covered(i + len - 1, &[EntityType::Division]));
        if let Some(&(post, post_len)) = posts_at_here {
            let post_end = i + post_len;
            // A caption (`某地 学生家长 某某`, `某局副局长 某某：…`): a space
            // between the post and a name that ends the line or opens what the
            // person says. The line says the name is one, so a descriptor needs
            // no more evidence there.
            let caption = cx
                .chars
                .get(post_end)
                .is_some_and(|&c| c == ' ' || c == '\u{3000}')
                && name_after_post(cx, post_end + 1)
                    .is_some_and(|e| cx.chars.get(e).is_none_or(|&c| "\n：:".contains(c)));
            let after = if caption { post_end + 1 } else { post_end };
            let end = if DESCRIPTORS.contains(&post) && !caption {
                // A descriptor is often just a noun before another noun, so the
                // name needs a verb right after it or a second mention.
                // A name that closes an apposition (`某校教师某某，`) is one too
                // when the dictionary reads no everyday word there.
                name_after_post(cx, after).filter(|&e| {
                    let name: Vec<char> = cx.chars[after..e].to_vec();
                    cx.chars.get(e).is_some_and(|c| {
                        AFTER_NAME.contains(*c) || "正刚便则忙因将曾把被让所家以来".contains(*c)
                    }) || cx.chars.get(e).is_some_and(|c| "，。；".contains(*c))
                        && e - after >= 3
                        && !everyday_word(cx, after + 1, e)
                        // A second mention vouches for no everyday word of two
                        // characters (`游客高峰`, met again as `客流高峰`).
                        || !(e - after == 2
                            && crate::segment::frequency(&cx.slice(after, e))
                                >= crate::segment::COMMON_WORD)
                            && cx
                                .chars
                                .windows(name.len())
                                .enumerate()
                                .any(|(k, w)| k != after && w == &name[..])
                })
            } else {
                name_after_post(cx, after)
            };
            // A transliterated name runs on past three characters when the
            // segmenter reads a longer name there (`某国总理某某某某`).
            let end = end.map(|e| match cx.word_across(e) {
                Some(t) if t.end <= after + 5 && t.pos == crate::segment::Pos::Person => t.end,
                _ => e,
            });
            // `某某总书记曾到`: a name right before the post is the one who
            // holds it, so what follows is no second name.
            let named_before = i > 0
                && cx
                    .tokens()
                    .get(cx.tokens().partition_point(|t| t.end < i))
                    .is_some_and(|t| {
                        t.end == i
                            && t.pos == crate::segment::Pos::Person
                            && t.end - t.start >= 2
                            // The dictionary tags some counties as names
                            // (`某吉市民`), by their level word or whole, and
                            // some departments (`某省委宣传部` + `部长`).
                            && !"省市县区旗镇乡部局委厅办署".contains(cx.chars[t.end - 1])
                            && !covered(
                                t.start,
                                &[
                                    EntityType::Division,
                                    EntityType::Agency,
                                    EntityType::Organization,
                                    EntityType::Company,
                                ],
                            )
                    });
            if let Some(end) = end.filter(|&e| !named_before && !ordinary_word_opens(cx, after, e))
            {
                let role_start = role_start(cx, i);
                let role = cx.slice(role_start, post_end);
                let name = cx.slice(after, end);
                found.push(person(
                    name,
                    Some(role.clone()),
                    Span::new(after, end),
                    "person:post-name",
                ));
                // `某某委员甲、乙、丙等`: the names listed after the first hold
                // the same post.
                let mut end = end;
                while cx.chars.get(end) == Some(&'、')
                    && let Some(e) = name_at(cx, end + 1)
                    && e >= end + 3
                {
                    found.push(person(
                        cx.slice(end + 1, e),
                        Some(role.clone()),
                        Span::new(end + 1, e),
                        "person:post-list",
                    ));
                    end = e;
                }
                i = end;
                continue;
            }
            i = after;
            continue;
        }
        // Name before a speech verb or a courtesy title (某某先生), after a boundary.
        let prev_ok = i == 0 || !is_han(cx.chars[i - 1]) || is_stop(cx.chars[i - 1]);
        // A roll of honour (`某县某乡小学 某某` on a line of its own): a name
        // after a body and a space that ends its line is a person of that body.
        if matches!(cx.chars[i], ' ' | '\u{3000}')
            && i > 0
            && covered(
                i - 1,
                &[
                    EntityType::Agency,
                    EntityType::Company,
                    EntityType::Organization,
                ],
            )
            && let Some(end) = name_after_post(cx, i + 1)
            && cx.chars.get(end).is_none_or(|&c| c == '\n')
        {
            found.push(person(
                cx.slice(i + 1, end),
                None,
                Span::new(i + 1, end),
                "person:roll",
            ));
            i = end;
            continue;
        }
        // A name with its post in brackets after it holds that post.
        if prev_ok
            && let Some(end) = name_at(cx, i)
            && let Some(role) = post_in_brackets(cx, end)
            && !covered(
                i,
                &[
                    EntityType::Division,
                    EntityType::Agency,
                    EntityType::Company,
                    EntityType::Organization,
                ],
            )
        {
            found.push(person(
                cx.slice(i, end),
                Some(role),
                Span::new(i, end),
                "person:bracketed-post",
            ));
            i = end;
            continue;
        }
        if prev_ok
            && let Some(end) = courtesy_end(cx, i).or_else(|| name_at(cx, i))
            && (SPEECH_VERBS.iter().any(|v| cx.starts_with(end, v))
                // An ethnic group before a courtesy title (`某族老师`) is who
                // the person is, not their name.
                || COURTESY.iter().any(|t| cx.starts_with(end, t)) && cx.chars[end - 1] != '族'
                || post_in_apposition(cx, end)
                // An official's act (`某某出席`, `某某致辞`) after a clause's
                // start, when the name is no everyday word of the dictionary's.
                || ACTS_AFTER_NAME.iter().any(|v| cx.starts_with(end, v))
                    && segmenter_reads_a_name(cx, i, end))
            && !no_speaker(cx, i, end)
            && !covered(
                i,
                &[
                    EntityType::Division,
                    EntityType::Agency,
                    EntityType::Company,
                    EntityType::Organization,
                ],
            )
        {
            found.push(person(
                cx.slice(i, end),
                None,
                Span::new(i, end),
                "person:speech",
            ));
            i = end;
            continue;
        }
        i += 1;
    }
    // Later bare mentions of a name already found (王某某表示).
    let mut seen_names = std::collections::HashSet::new();
    let known: Vec<String> = found
        .iter()
        .map(|m| m.name.clone())
        .filter(|name| seen_names.insert(name.clone()))
        .collect();
    let mut starts: std::collections::HashSet<usize> = found
        .iter()
        .filter(|m| !m.anaphoric)
        .map(|m| m.span.start)
        .collect();
    for name in known {
        let chars: Vec<char> = name.chars().collect();
        let mut k = 0;
        while k + chars.len() <= n {
            if cx.chars[k..k + chars.len()] == chars[..]
                && !starts.contains(&k)
                && !covered(
                    k,
                    &[
                        EntityType::Company,
                        EntityType::Organization,
                        EntityType::Agency,
                        EntityType::Initiative,
                    ],
                )
            {
                starts.insert(k);
                found.push(person(
                    name.clone(),
                    None,
                    Span::new(k, k + chars.len()),
                    "person:repeat",
                ));
            }
            k += 1;
        }
    }
    // A city's short form inside a name found here (`李桂林`: 桂林) is part of
    // the name, not a place.
    cx.mentions.retain(|d| {
        d.ty != EntityType::Division
            || d.rule != "division:short-form"
            || !found.iter().any(|p| {
                // A byline's author carries the headline as its span.
                !p.anaphoric
                    && p.span.end - p.span.start == p.name.chars().count()
                    && p.span.start < d.span.start
                    && d.span.end <= p.span.end
            })
    });
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// The longest post or descriptor starting at each character that starts one,
/// with its length in characters: one pass of an automaton over the text instead
/// of every word tried at every character.
fn longest_posts(chars: &[char]) -> std::collections::HashMap<usize, (&'static str, usize)> {
    use aho_corasick::AhoCorasick;
    use std::sync::OnceLock;
    static WORDS: OnceLock<(AhoCorasick, Vec<&'static str>)> = OnceLock::new();
    let (matcher, words) = WORDS.get_or_init(|| {
        let words: Vec<&'static str> = POSTS.iter().chain(DESCRIPTORS.iter()).copied().collect();
        let matcher = AhoCorasick::new(&words).expect("post words build an automaton");
        (matcher, words)
    });
    let text: String = chars.iter().collect();
    let mut char_at = vec![0usize; text.len() + 1];
    for (k, (b, _)) in text.char_indices().enumerate() {
        char_at[b] = k;
    }
    let mut out: std::collections::HashMap<usize, (&'static str, usize)> =
        std::collections::HashMap::new();
    for m in matcher.find_overlapping_iter(&text) {
        let word = words[m.pattern().as_usize()];
        let len = word.chars().count();
        let entry = out.entry(char_at[m.start()]).or_insert((word, len));
        if len > entry.1 {
            *entry = (word, len);
        }
    }
    out
}

/// Start of the post phrase ending at `post_start`: earlier posts joined by `、` and
/// modifiers back to punctuation or the end of an organisation's name.
pub(super) fn role_start(cx: &Cx, post_start: usize) -> usize {
    let mut s = post_start;
    while s > 0 && post_start - s < 12 {
        let c = cx.chars[s - 1];
        // A list of posts (`某委常委、某委书记`) goes on past `、`; a list of
        // things (`某物、某国总理`) does not.
        if c == '、' {
            if !POSTS.iter().any(|p| cx.ends_with_at(s - 1, p)) {
                break;
            }
            s -= 1;
            continue;
        }
        // `某某书记某某和某某主席`: a conjunction ends the role; the words before
        // it are another person's.
        if !is_han(c) || is_stop(c) || "和同".contains(c) {
            break;
        }
        if cx
            .covering(
                s - 1,
                &[
                    EntityType::Agency,
                    EntityType::Company,
                    EntityType::Organization,
                    EntityType::Division,
                    EntityType::Initiative,
                ],
            )
            .is_some()
        {
            break;
        }
        s -= 1;
    }
    while s < post_start && cx.chars[s] == '、' {
        s += 1;
    }
    s
}

/// Transliterated names written in parts (`某某·某某`, `某某－某某`): a
/// person found up to a separator takes the parts after it, each a run of
/// the segmenter's name-like words (made-up words, names, places) up to the
/// first ordinary word. The first part alone stays an alias.
pub fn join_transliterations(cx: &mut Cx) {
    use crate::segment::Pos;
    let n = cx.chars.len();
    for i in 0..cx.mentions.len() {
        let m = &cx.mentions[i];
        if m.ty != EntityType::Person || m.anaphoric {
            continue;
        }
        let mut e = m.span.end;
        while e + 1 < n && "·•－-".contains(cx.chars[e]) && is_han(cx.chars[e + 1]) {
            let tokens = cx.tokens();
            let mut k = e + 1;
            while let Some(t) = super::trim::token_at(tokens, k) {
                // A Chinese name after the first word of a part starts
                // another person (`某·某致某某某`).
                let name_like = matches!(
                    t.pos,
                    Pos::Unknown | Pos::Place | Pos::ForeignPerson | Pos::Proper
                ) || t.pos == Pos::Person && k == e + 1;
                if !name_like || t.end - e > 9 {
                    break;
                }
                k = t.end;
            }
            if k == e + 1 {
                break;
            }
            e = k;
        }
        if e == cx.mentions[i].span.end {
            continue;
        }
        let full = cx.slice(cx.mentions[i].span.start, e);
        let first = cx.mentions[i].name.clone();
        let m = &mut cx.mentions[i];
        m.span = Span::new(m.span.start, e);
        m.text = full.clone();
        m.key = full.clone();
        m.name = full.clone();
        m.aliases = vec![full, first];
    }
}

/// A word the dictionary proposed as a name whose first character ends a name
/// found elsewhere in the article (`某尔多安都表示`: 安 of the name, 都 the
/// adverb after it) is that name's end and a word after it. Runs once the
/// dictionary's proposals and the transliterations are in, so that the longer
/// name is known.
pub fn drop_name_tails(cx: &mut Cx) {
    let names: Vec<String> = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Person && m.name.chars().count() >= 3)
        .map(|m| m.name.clone())
        .collect();
    let chars = &cx.chars;
    cx.mentions.retain(|m| {
        !(matches!(m.rule, "person:tagged" | "person:tagged-foreign")
            && names.iter().any(|name| {
                let n: Vec<char> = name.chars().collect();
                let end = m.span.start + 1;
                end >= n.len() && chars[end - n.len()..end] == n[..]
            }))
    });
}

/// A three-character name written once, whose first two characters are a
/// name the article gives more often on its own (`某坚决定回乡` beside
/// `在某坚的带领下`), is that shorter name and the word after it: the third
/// character opens the next word (`决定`), not the name.
pub fn shorten_to_known(cx: &mut Cx) {
    let text: String = cx.chars.iter().collect();
    let short: Vec<String> = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Person && m.name.chars().count() == 2)
        .filter(|m| m.name.chars().all(is_han))
        .map(|m| m.name.clone())
        .collect();
    for m in cx.mentions.iter_mut() {
        if m.ty != EntityType::Person
            || matches!(m.rule, "person:byline" | "person:credit")
            || m.text != m.name
            || m.name.chars().count() != 3
            || !m.name.chars().all(is_han)
        {
            continue;
        }
        // In a list of names (`甲、乙乙、丙丙丙`) two- and three-character
        // names stand side by side as written.
        let listed = |k: Option<usize>| k.and_then(|k| cx.chars.get(k)) == Some(&'、');
        if listed(m.span.start.checked_sub(1)) || listed(Some(m.span.end)) {
            continue;
        }
        let first_two: String = m.name.chars().take(2).collect();
        if !short.contains(&first_two)
            || text.matches(m.name.as_str()).count() != 1
            || text.matches(first_two.as_str()).count() < 2
        {
            continue;
        }
        m.span = Span::new(m.span.start, m.span.end - 1);
        m.text = first_two.clone();
        m.key = first_two.clone();
        m.name = first_two.clone();
        m.aliases = vec![first_two];
    }
}

pub(super) fn person(
    name: String,
    role: Option<String>,
    span: Span,
    rule: &'static str,
) -> Mention {
    Mention {
        ty: EntityType::Person,
        span,
        text: name.clone(),
        key: name.clone(),
        name: name.clone(),
        aliases: vec![name],
        class: None,
        div: None,
        role,
        rule,
        anaphoric: false,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn people(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Person)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_name_written_once_with_a_verbs_first_character_is_the_shorter_name() {
        let found = people("村委会主任王建用自己的一生践行誓言。在王建的带领下，村里变了样。");
        assert!(found.iter().all(|n| n == "王建"), "{found:?}");
        // A three-character name written twice is its own.
        let found = people("村委会主任王建国说，王建国也来了。在王建的带领下。");
        assert!(found.contains(&"王建国".to_string()), "{found:?}");
        // So is one in a list of names.
        let found = people("获奖者有甘文亮、王建国、李明华。王建、刘立群也来了。");
        assert!(found.contains(&"王建国".to_string()), "{found:?}");
    }

    #[test]
    fn a_department_the_dictionary_takes_for_a_name_holds_the_post_after_it() {
        let ex = run("海宁市委常委、宣传部部长甘文亮出席会议。");
        let p = ex.mentions.iter().find(|m| m.ty == EntityType::Person);
        assert_eq!(p.map(|p| p.rule), Some("person:post-name"));
        let ex = run("浙江省委宣传部部长甘文亮出席会议。");
        let p = ex.mentions.iter().find(|m| m.ty == EntityType::Person);
        assert_eq!(
            p.map(|p| (p.name.as_str(), p.rule)),
            Some(("甘文亮", "person:post-name"))
        );
    }

    #[test]
    fn a_teacher_is_named_before_the_courtesy_title_but_an_ethnic_group_is_no_name() {
        assert_eq!(people("这也是甘路老师第四次获奖。"), ["甘路"]);
        assert!(people("学校里的黎族老师很多。").is_empty());
    }

    #[test]
    fn a_commander_and_a_chief_of_staff_are_posts() {
        let found = people("驻地部队司令员甘文亮、参谋长刘立群也到机场迎接。");
        assert!(found.contains(&"甘文亮".to_string()), "{found:?}");
        assert!(found.contains(&"刘立群".to_string()), "{found:?}");
    }

    #[test]
    fn a_pronoun_or_a_count_of_people_before_a_verb_of_speech_is_no_name() {
        assert!(people("会议没有结论，但他强调必须有人负责。").is_empty());
        assert!(people("会议结束后，这位网友说，办证太难。").is_empty());
    }

    #[test]
    fn an_everyday_word_speaks_only_with_a_formal_statement() {
        // `陈述` is a word the dictionary has seen hundreds of times, and a name.
        assert_eq!(people("会议结束。\n陈述强调，要抓好落实。"), ["陈述"]);
        assert_eq!(people("会议结束。\n陈述同志简历"), ["陈述"]);
        assert!(people("会议结束。\n陈述说明了情况。").is_empty());
    }

    #[test]
    fn a_name_after_a_body_on_a_line_of_its_own_is_a_person() {
        let ex = run("获奖名单如下：\n某某县青松乡小学 卓玛拉姆\n某某县特殊教育学校 甘文亮\n");
        let names: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Person)
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(names, ["卓玛拉姆", "甘文亮"]);
        // Not when the line goes on after the name.
        assert!(people("某某县特殊教育学校 甘文亮等人参加。").is_empty());
    }

    #[test]
    fn an_unseen_name_after_a_post_may_hold_a_function_character() {
        // `以` is a function word elsewhere; the segmenter reads the three
        // characters as one unseen word.
        assert_eq!(people("集团董事长甘以诚在会上介绍。"), ["甘以诚"]);
    }

    #[test]
    fn a_descriptor_then_a_name_then_a_linking_word_is_a_person() {
        assert_eq!(people("货车司机甘文亮因道路中断滞留。"), ["甘文亮"]);
        // The person's home, a means (`以`) or a coming (`来自`) follow a name too.
        assert_eq!(people("村民甘文亮家因为养鸡产生污水。"), ["甘文亮"]);
        assert_eq!(people("被告人甘文亮以诈骗罪被判刑。"), ["甘文亮"]);
        assert_eq!(people("乡村教师甘文亮来自偏远山区。"), ["甘文亮"]);
        // An everyday word met twice is no name (`游客高峰`).
        assert!(people("景区迎来客流高峰。面对游客高峰，景区启动预案。").is_empty());
    }

    #[test]
    fn a_word_opening_with_a_known_names_last_character_is_no_name() {
        // `安都`: the name's end and the adverb after it.
        assert_eq!(
            people("某国总统卡尔多安出席。两国元首和卡尔多安都表示希望停火。"),
            ["卡尔多安"]
        );
        // A city's short form inside a name is the name's.
        let ex = run("林农李桂林家养鸡。李桂林说，收入翻了一番。");
        assert!(ex.mentions.iter().all(|m| m.ty != EntityType::Division));
    }

    #[test]
    fn a_name_the_segmenter_reads_before_an_officials_act_is_a_person() {
        assert_eq!(people("会上，章航致辞。"), ["章航"]);
        // A count or a place after a preposition fills a name's place.
        assert!(people("会上，500余人参加活动。").is_empty());
        assert!(people("代表团在莫斯科出席会议。").is_empty());
    }

    #[test]
    fn a_post_in_apposition_after_a_name_makes_it_a_person() {
        assert_eq!(
            people("罗青云，示例拉面产业培训服务中心负责人，今年要培训一万人。"),
            ["罗青云"]
        );
        // A descriptor is no post.
        assert!(people("罗青云，示例村村民，今年种了十亩地。").is_empty());
    }

    #[test]
    fn a_name_closing_a_list_item_after_a_body() {
        // `某某集团甲、`: the body's speaker; a post after the body is none.
        let names = people("座谈会上，青禾集团马云飞、蓝海大学刘明忠等发言。");
        assert!(names.contains(&"马云飞".to_string()), "{names:?}");
        assert!(people("座谈会上，青禾集团常委、董事发言。").is_empty());
    }

    #[test]
    fn a_list_of_people_vouches_for_its_items() {
        // 栗 scores low as a surname; the list around it says it is one.
        assert_eq!(
            people("会上，王启明、栗书亭、杨建国等参加会见。"),
            ["王启明", "栗书亭", "杨建国"]
        );
        // One name is not enough: `王启明、质量安全` is no list of people.
        assert_eq!(people("会上，王启明、栗书亭发言。").len(), 1);
    }

    #[test]
    fn a_descriptor_after_a_place_the_dictionary_tags_as_a_name_still_opens_a_name() {
        assert_eq!(people("延吉市民方建军在社区住了十年。"), ["方建军"]);
        assert_eq!(people("维修员张威在现场抢修。"), ["张威"]);
        // A word of three characters in the name's place is that word.
        assert!(people("总书记曾多次强调这一点。").is_empty());
    }

    #[test]
    fn a_transliterated_name_takes_its_parts_after_a_separator() {
        assert_eq!(
            people("某国候任总理萨利姆·阿卜杜勒－哈迪和内阁成员宣誓。"),
            ["萨利姆·阿卜杜勒－哈迪"]
        );
    }

    #[test]
    fn a_post_whose_last_character_opens_a_place_is_no_post() {
        let ex = run("全省最重要的城市赛区长沙赛区昨天开赛。");
        assert!(
            !ex.mentions.iter().any(|m| m.ty == EntityType::Person),
            "{:?}",
            ex.mentions
        );
    }

    #[test]
    fn an_officials_act_after_a_name_that_opens_its_clause_says_person() {
        assert_eq!(people("工作取得新进展。\n肖杰陪同。"), ["肖杰"]);
        assert_eq!(
            people("严春明、王立、肖杰参加。"),
            ["严春明", "王立", "肖杰"]
        );
        // Not after a preposition of place, nor with a function word inside.
        assert!(people("总理在索契会见了客人。").is_empty());
        assert!(people("另据报道，曾因发表言论被起诉。").is_empty());
        // A phrase the dictionary happens to tag as a name.
        assert!(people("各地因地制宜，多渠道筹集资金。").is_empty());
    }
}
