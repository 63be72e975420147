//! People: byline authors, names right after a post (`财务总监王某某`, with several
//! posts joined by `、`), and names before a verb of speech (`刘某某说`). A name is a
//! surname from the lexicon plus one or two given-name characters; the length is
//! decided by what follows.

use super::lexicon::*;
use super::tagged::CREDIT_WORDS;
use super::{Cx, Mention, is_han, is_stop};
use crate::model::{EntityType, Span};

pub(super) mod cues;
pub(super) mod familiar;
pub(super) mod peers;
pub(super) mod roles;

/// The end of a name followed by a courtesy title, which settles its length
/// whatever follows (`某某某先生`); the surname alone (`张先生`) is not a name.
fn courtesy_end(cx: &Cx, i: usize) -> Option<usize> {
    let s = is_surname_start(&cx.chars, i);
    if s == 0 {
        return None;
    }
    [i + s + 2, i + s + 1].into_iter().find(|&e| {
        (i + s..e).all(|k| cx.chars.get(k).is_some_and(|&c| is_han(c) && !is_stop(c)))
            && COURTESY.iter().any(|t| cx.starts_with(e, t))
    })
}

fn name_at(cx: &Cx, i: usize) -> Option<usize> {
    let s = is_surname_start(&cx.chars, i);
    if s == 0 {
        return None;
    }
    let ok_given = |k: usize| {
        cx.chars
            .get(k)
            .is_some_and(|&c| is_han(c) && !is_stop(c) && !"，。、".contains(c))
    };
    let boundary = |k: usize| match cx.chars.get(k) {
        None => true,
        Some(&c) => !is_han(c) || follows_name(cx, k),
    };
    // Two given characters unless the second is itself a following word.
    if ok_given(i + s) && ok_given(i + s + 1) && !follows_name(cx, i + s + 1) && boundary(i + s + 2)
    {
        return Some(i + s + 2);
    }
    if ok_given(i + s) && boundary(i + s + 1) {
        return Some(i + s + 1);
    }
    None
}

/// Whether the character at `k` starts a word that follows names (说, 表示, 介绍).
/// Characters that are also common in given names (强, 表, 指) count only with the
/// rest of their word after them: `李国强调` ends at 国, `李国强说` does not.
fn follows_name(cx: &Cx, k: usize) -> bool {
    let Some(&c) = cx.chars.get(k) else {
        return false;
    };
    if ACTS_AFTER_NAME.iter().any(|w| cx.starts_with(k, w)) {
        return true;
    }
    if !AFTER_NAME.contains(c) {
        return false;
    }
    let next = cx.chars.get(k + 1).copied().unwrap_or(' ');
    match c {
        '强' => next == '调',
        '表' => next == '示',
        '介' => next == '绍',
        '告' => next == '诉',
        '认' => next == '为',
        '指' => next == '出',
        '坦' => next == '言',
        '直' => "言呼".contains(next),
        '透' => next == '露',
        '感' => "慨叹谢".contains(next),
        '谈' => "到及".contains(next),
        '接' => "受着".contains(next),
        '希' => next == '望',
        '提' => "出到醒".contains(next),
        '负' => next == '责',
        '带' => "领着队".contains(next),
        '回' => "忆答应顾".contains(next),
        '笑' => "着道说".contains(next),
        _ => true,
    }
}

/// Whether the characters after a post open an ordinary word rather than a
/// name: the segmenter reads a shorter everyday word there (`总书记高兴地`), or a
/// conjunction stands alone there (`工作人员和来办事的群众`).
pub(super) fn ordinary_word_opens(cx: &Cx, s: usize, e: usize) -> bool {
    use crate::segment::Pos;
    let Some(t) = super::trim::token_at(cx.tokens(), s) else {
        return false;
    };
    let ordinary = matches!(t.pos, Pos::Other | Pos::Verb);
    let len = t.end - t.start;
    // A one-character adverb before a verb or a count (`某某总书记曾到`,
    // `曾两次`) is that adverb, though it is a surname too.
    let adverb = len == 1
        && t.function
        && super::trim::token_at(cx.tokens(), t.end).is_some_and(|n| {
            n.pos == Pos::Verb
                || cx
                    .chars
                    .get(n.start)
                    .is_some_and(|&c| super::tagged::is_numeral(c))
        });
    // A word of three characters or more that the dictionary knows as no
    // name and that fills the name's place (`曾多次`) is that word.
    // A rare word of the dictionary that the name's end closes cleanly
    // (`黄道` in a name `黄道某`) is more likely the segmenter's mistake.
    let rare_inside = t.end < e
        && t.pos == Pos::Other
        && crate::segment::frequency(&cx.slice(t.start, t.end)) < 300
        && cx.word_across(e).is_none();
    adverb
        || ordinary
            && (len >= 2 && t.end < e && !rare_inside
                || len >= 3 && t.end == e
                || len == 1 && "和与及同跟".contains(cx.chars[s]))
}

/// Whether `s..e` is one two-character word the dictionary knows as an
/// everyday word, not a name (`文章指出`: the article says).
pub(super) fn everyday_word(cx: &Cx, s: usize, e: usize) -> bool {
    use crate::segment::Pos;
    e - s == 2
        && super::trim::token_at(cx.tokens(), s)
            .is_some_and(|t| t.end == e && matches!(t.pos, Pos::Other | Pos::Verb))
}

/// Whether the words before a verb of speech are no speaker: they open with an
/// everyday word of two or more characters (`强调指出`, `习惯地称作`,
/// `官兵们表示`), or name a document after 在 (`在贺信中说`).
fn no_speaker(cx: &Cx, s: usize, e: usize) -> bool {
    use crate::segment::Pos;
    super::trim::token_at(cx.tokens(), s).is_some_and(|t| {
        t.end - t.start >= 2 && matches!(t.pos, Pos::Other | Pos::Verb) || t.everyday
    }) || cx.ends_with_at(s, "在") && cx.chars[e - 1] == '中'
}

/// A name right after a post. The post already says a name follows, so when the
/// characters after the name do not settle its length, the common three-character
/// form is taken (`项目经理某某某刚刚…`) unless its last character usually follows
/// a name.
pub(super) fn name_after_post(cx: &Cx, i: usize) -> Option<usize> {
    let e = name_after_post_inner(cx, i)?;
    // A common word the segmenter reads whole in the name's place (`干部` after
    // `党员`) is that word, and so is one running from the post into the name
    // (`党员干部`).
    if cx.word_across(i).is_some_and(|t| {
        t.end - t.start >= 3
            && matches!(
                t.pos,
                crate::segment::Pos::Other | crate::segment::Pos::Verb
            )
    }) {
        return None;
    }
    let tokens = cx.tokens();
    let common = tokens
        .get(tokens.partition_point(|t| t.end <= i))
        .is_some_and(|t| {
            t.start == i
                && t.end == e
                && matches!(
                    t.pos,
                    crate::segment::Pos::Other | crate::segment::Pos::Verb
                )
                && crate::segment::frequency(&cx.slice(i, e)) >= crate::segment::COMMON_WORD
        });
    (!common).then_some(e)
}

fn name_after_post_inner(cx: &Cx, i: usize) -> Option<usize> {
    // A Tibetan name of two elements (`某某某某`), with no surname: four
    // characters where the rules below would stop at three.
    let element = |k: usize| {
        k + 2 <= cx.chars.len() && TIBETAN_SYLLABLES.contains(&cx.slice(k, k + 2).as_str())
    };
    if element(i) && element(i + 2) {
        return Some(i + 4);
    }
    let s = is_surname_start(&cx.chars, i);
    // A 和 that ends a list item (`某凤和、`) joins nothing: it is the name's
    // own third character.
    if s > 0
        && cx.chars.get(i + s + 1) == Some(&'和')
        && cx
            .chars
            .get(i + s + 2)
            .is_some_and(|&c| "、，。；".contains(c))
    {
        return Some(i + s + 2);
    }
    // A married woman's name in Hong Kong and Macao puts her husband's surname
    // before her own (`某某月娥`): two surnames, two given characters, then the
    // name's end.
    let single =
        |k: usize| is_surname_start(&cx.chars, k) == 1 && !AMBIGUOUS_SURNAMES.contains(cx.chars[k]);
    let plain = |k: usize| {
        cx.chars
            .get(k)
            .is_some_and(|&c| is_han(c) && !is_stop(c) && !follows_name(cx, k))
    };
    // The given name is no everyday word (`某某刚刚`), the first surname ends
    // no word before it (`长官` + `某某某`), and the name ends where a list,
    // a verb of speech or an official's act begins.
    let everyday_given = super::trim::token_at(cx.tokens(), i + 2).is_some_and(|t| {
        t.start == i + 2
            && t.end == i + 4
            && matches!(
                t.pos,
                crate::segment::Pos::Other | crate::segment::Pos::Verb
            )
    });
    let ends = cx.chars.get(i + 4).is_none_or(|&c| {
        !is_han(c)
            || "和与及".contains(c)
            || ACTS_AFTER_NAME
                .iter()
                .chain(SPEECH_VERBS.iter())
                .any(|w| cx.starts_with(i + 4, w))
    });
    if single(i)
        && single(i + 1)
        && plain(i + 2)
        && plain(i + 3)
        && !everyday_given
        && cx.word_across(i).is_none()
        && ends
    {
        return Some(i + 4);
    }
    if let Some(e) = name_at(cx, i) {
        return Some(e);
    }
    if s == 0 {
        return None;
    }
    // A character that only follows names as part of a word (强 of 强调) is a
    // given name's character elsewhere (`某克强作出`).
    let given = |k: usize| {
        cx.chars
            .get(k)
            .is_some_and(|&c| is_han(c) && !is_stop(c) && !follows_name(cx, k))
    };
    // The segmenter closes a three-character name where a verb or a function
    // word begins right after it (`某某某看来`, `某某某正忙着`): after a post,
    // that boundary settles the length even for a surname that opens everyday
    // words. An everyday word running past the name (`高兴地说`) leaves no
    // boundary there.
    if closed_by_segmenter(cx, i, s) {
        return Some(i + s + 2);
    }
    // Surnames that also begin everyday words (全程, 和谐, 高效) need the stricter
    // test above.
    if s == 1 && AMBIGUOUS_SURNAMES.contains(cx.chars[i]) {
        return None;
    }
    // A post inside a longer word (`党员` in `党员干部`) is none.
    if !given(i + s) || cx.word_across(i).is_some() {
        return None;
    }
    // Nor is a "name" that opens an ordinary word of four characters or more
    // (`班子成员` after `常委`): a personal name is shorter than the word.
    let tokens = cx.tokens();
    if let Some(t) = tokens.get(tokens.partition_point(|t| t.end <= i))
        && t.start == i
        && t.end - t.start >= 4
        && !matches!(
            t.pos,
            crate::segment::Pos::Person
                | crate::segment::Pos::ForeignPerson
                | crate::segment::Pos::Unknown
        )
    {
        return None;
    }
    // A third character that opens a word running on past it (`某某违规`,
    // `某某借助`) is that word's: the name is the two before it. Only a word the
    // dictionary sees often: a rare one (`胜算` in `某某胜算了一笔账`) is
    // more likely the segmenter's mistake than the name's end.
    let three = i + s + 2;
    if let Some(t) = cx.word_across(three)
        && t.start == three - 1
        && !matches!(
            t.pos,
            crate::segment::Pos::Person | crate::segment::Pos::Unknown
        )
        && crate::segment::frequency(&cx.slice(t.start, t.end)) >= 300
    {
        return (!everyday_word(cx, i, three - 1)).then_some(three - 1);
    }
    given(i + s + 1).then_some(three)
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

/// Whether a surname of `s` characters at `i` and two given characters end
/// where the segmenter starts a verb of two characters or more, or a function
/// word, with no word running across the name's start or end and no ordinary
/// word of the dictionary inside it.
fn closed_by_segmenter(cx: &Cx, i: usize, s: usize) -> bool {
    use crate::segment::Pos;
    let e = i + s + 2;
    let tokens = cx.tokens();
    let plain = |k: usize| cx.chars.get(k).is_some_and(|&c| is_han(c) && !is_stop(c));
    if s == 0
        || !(i + s..e).all(plain)
        || follows_name(cx, e - 1)
        || cx.word_across(i).is_some()
        || cx.word_across(e).is_some()
    {
        return false;
    }
    let next = super::trim::token_at(tokens, e).is_some_and(|t| {
        t.pos == Pos::Verb && t.end - t.start >= 2 || t.function && t.end - t.start >= 1
    });
    // Inside the name, only names, unknown words and single characters.
    let inside = tokens[tokens.partition_point(|t| t.end <= i)..]
        .iter()
        .take_while(|t| t.start < e)
        .all(|t| {
            t.end - t.start == 1
                || matches!(t.pos, Pos::Person | Pos::Proper | Pos::Unknown)
                    && crate::segment::frequency(&cx.slice(t.start, t.end))
                        < crate::segment::COMMON_WORD
        });
    next && inside
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
                    cx.chars
                        .get(e)
                        .is_some_and(|c| AFTER_NAME.contains(*c) || "正刚便则忙".contains(*c))
                        || cx.chars.get(e).is_some_and(|c| "，。；".contains(*c))
                            && e - after >= 3
                            && !everyday_word(cx, after + 1, e)
                        || cx
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
                            // (`某吉市民`), by their level word or whole.
                            && !"省市县区旗镇乡".contains(cx.chars[t.end - 1])
                            && !covered(t.start, &[EntityType::Division])
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
        if prev_ok
            && let Some(end) = courtesy_end(cx, i).or_else(|| name_at(cx, i))
            && (SPEECH_VERBS.iter().any(|v| cx.starts_with(end, v))
                || COURTESY.iter().any(|t| cx.starts_with(end, t))
                || post_in_apposition(cx, end))
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
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// Reporters and other contributors credited in running text, their names
/// written one after another with no separator: `（记者某某某某实习生某某）`,
/// `本报记者某某某北京报道`, `每经记者某某某某发自上海`. After a credit word
/// each name is a surname and one or two characters, the length chosen so that
/// the next name, another credit word, a place or the end of the credit
/// follows. Names the byline already gives are left to it.
pub fn credits(cx: &mut Cx) {
    let n = cx.chars.len();
    let coverage = cx.coverage();
    let division = 1u8 << EntityType::Division as u8;
    let bylined: Vec<String> = cx.article.authors.iter().map(|a| a.name.clone()).collect();
    let credit_at = |i: usize| {
        CREDIT_WORDS
            .iter()
            .filter(|w| cx.starts_with(i, w))
            .map(|w| w.chars().count())
            .max()
    };
    // Where a name ends: the end of the text, a character that is no part of
    // a Han word, a credit word, a place, or the words that close a credit.
    let ends_credit = |j: usize| {
        j >= n
            || !is_han(cx.chars[j])
            || credit_at(j).is_some()
            || coverage[j] & division != 0
            || ["报道", "发自", "摄影", "摄", "报"]
                .iter()
                .any(|w| cx.starts_with(j, w))
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(len) = credit_at(i) else {
            i += 1;
            continue;
        };
        // A credit opens a bracket, a line or a dateline (`某报讯`, `本报`), with
        // what is credited before it (`视频编辑`, `责任编辑`).
        let opener = |at: usize| at == 0 || "（(【[ \u{3000}\n讯".contains(cx.chars[at - 1]);
        let qualified = ["视频", "文字", "责任", "图片", "美术"]
            .iter()
            .any(|w| cx.ends_with_at(i, w) && opener(i - w.chars().count()));
        let opens = opener(i)
            || qualified
            || ["本报", "本刊", "每经", "特约"]
                .iter()
                .any(|w| cx.ends_with_at(i, w));
        if !opens {
            i += len;
            continue;
        }
        let mut k = i + len;
        // `编辑：某某`: a colon or a space between the credit and the name.
        if cx.chars.get(k).is_some_and(|c| "：: \u{3000}".contains(*c)) {
            k += 1;
        }
        let mut names = 0;
        let before = found.len();
        let mut spoke = false;
        while k < n && names < 6 {
            if let Some(l) = credit_at(k) {
                k += l;
                continue;
            }
            let sur = is_surname_start(&cx.chars, k);
            if sur == 0 || coverage[k] & division != 0 {
                break;
            }
            let fits = |g: usize, next: &dyn Fn(usize) -> bool| {
                let j = k + sur + g;
                j <= n && (k..j).all(|x| is_han(cx.chars[x]) && coverage[x] == 0) && next(j)
            };
            // The end of the credit decides first (`某某实习生`: 实 opens the
            // credit word, though it could end a name), then the next surname.
            let next_name = |j: usize| is_surname_start(&cx.chars, j) > 0;
            // A verb of speech after a name makes the reporter the subject of
            // running text (`记者某某说`): the name ends there, and so does the credit.
            let speech = |j: usize| follows_name(cx, j);
            let said = [2, 1].into_iter().find(|&g| fits(g, &speech));
            spoke = said.is_some();
            let Some(g) = said
                .or_else(|| [2, 1].into_iter().find(|&g| fits(g, &ends_credit)))
                .or_else(|| [2, 1].into_iter().find(|&g| fits(g, &next_name)))
            else {
                break;
            };
            let e = k + sur + g;
            let name = cx.slice(k, e);
            if !bylined.contains(&name) {
                found.push(person(name, None, Span::new(k, e), "person:credit"));
            }
            names += 1;
            k = e;
            if spoke || e >= n || !is_han(cx.chars[e]) {
                break;
            }
        }
        // Names that run on into words that close no credit were running text
        // (`记者某某某了解到`), not a credit: other passes read that name whole.
        if !spoke && !ends_credit(k) {
            found.truncate(before);
        }
        i = k.max(i + len);
    }
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

    fn credited(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Person && m.rule == "person:credit")
            .map(|m| m.name.clone())
            .collect()
    }

    fn people(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Person)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_married_name_with_two_surnames_and_a_made_speech() {
        // Two surnames and two given characters (`陈李美华`); `作的` after a
        // name is the verb of the report, not a third given character.
        assert_eq!(people("行政长官陈李美华表示欢迎。"), ["陈李美华"]);
        assert_eq!(people("会议听取了副主任委员孔建作的报告。"), ["孔建"]);
        // An everyday word after two surnames is no given name.
        assert_eq!(people("负责人孔桑刚刚又接了一笔订单。"), ["孔桑"]);
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
    fn the_segmenter_closes_a_name_after_a_post() {
        // A surname that opens everyday words (高) takes two given characters
        // when a verb starts right after them; an everyday word running past
        // the name (`高兴地`) is no name.
        assert_eq!(
            people("在示例市委书记高远华看来，这盘棋要下好。"),
            ["高远华"]
        );
        assert!(people("总书记高兴地同大家交谈。").is_empty());
        // A rare word of the dictionary at the name's start (`黄道`) is the
        // segmenter's mistake when the name ends cleanly.
        assert_eq!(people("县残联副理事长黄道远正忙着走访。"), ["黄道远"]);
    }

    #[test]
    fn a_name_ending_in_he_before_a_list_mark() {
        // `和` before `、` is the name's own character, not a conjunction.
        assert_eq!(
            people("国务委员孔建和、罗立新、苏启明出席会议。"),
            ["孔建和", "罗立新", "苏启明"]
        );
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
    fn a_common_word_in_a_names_place_after_a_post_is_that_word() {
        assert!(people("村里少数党员干部对要求置若罔闻。").is_empty());
        assert!(people("广大党员干部积极行动。").is_empty());
        assert_eq!(people("某省防汛指挥部总指挥刘晓东部署工作。"), ["刘晓东"]);
    }

    #[test]
    fn a_tibetan_name_of_two_elements_after_a_post_is_one_name() {
        let found = people("某县县长次仁多吉、副县长王建国出席。次仁多吉表示，要抓好落实。");
        assert!(found.contains(&"次仁多吉".to_string()), "{found:?}");
        assert!(!found.contains(&"次仁多".to_string()), "{found:?}");
    }

    #[test]
    fn names_run_together_after_a_credit_word_are_split_at_the_next_name() {
        assert_eq!(
            credited("晨报讯（记者杨莉通讯员王媛）信用卡欠款，银行多次催要。"),
            ["杨莉", "王媛"]
        );
        assert_eq!(
            credited("早报讯（记者孟梅实习生夏冬梅）央行表示。"),
            ["孟梅", "夏冬梅"]
        );
        assert_eq!(credited("每经记者曹晟源胡琼发自上海"), ["曹晟源", "胡琼"]);
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
    fn a_reporter_in_running_text_is_one_name_or_none() {
        // A reporter who speaks is read once, as a credit or as a descriptor
        // and a name.
        assert_eq!(people("记者王明说，这里很好。"), ["王明"]);
        assert_eq!(people("记者王小明了解到，这里很好。"), ["王小明"]);
        assert!(credited("记者王小明晚上赶到现场。").is_empty());
    }

    #[test]
    fn a_credit_word_inside_a_sentence_is_no_credit() {
        assert!(credited("他接受记者采访时说，记者张三也在场。").is_empty());
    }

    #[test]
    fn a_given_name_may_end_in_a_character_that_opens_a_verb_of_speech() {
        let ex = run("会议召开。某部部长张建强作出重要批示。");
        let p = ex
            .mentions
            .iter()
            .find(|m| m.ty == EntityType::Person)
            .expect("a person");
        assert_eq!((p.name.as_str(), p.rule), ("张建强", "person:post-name"));
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

    #[test]
    fn an_editors_credit_with_what_is_credited_and_a_colon() {
        assert_eq!(
            credited("工作取得新进展。（视频编辑：王青山 文字编辑：李红梅）"),
            ["王青山", "李红梅"]
        );
        // A job in running text is no credit.
        assert!(credited("他是一名视频编辑，今年三十岁。").is_empty());
    }
}
