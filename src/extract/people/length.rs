//! Where a person's name ends: a surname from the lexicon and one or two
//! given-name characters, the length settled by what follows (a courtesy title, a
//! verb of speech, the segmenter's next word). After a post the common
//! three-character form is taken where nothing settles it, with the exceptions
//! this module owns: Tibetan names of two elements, married names with two
//! surnames, and everyday words that fill a name's place. Which posts, verbs and
//! credits call for a name is the parent module's.

use super::super::lexicon::{
    ACTS_AFTER_NAME, AFTER_NAME, AMBIGUOUS_SURNAMES, COURTESY, MONGOLIAN_ELEMENTS, SPEECH_VERBS,
    TIBETAN_SYLLABLES, is_surname_start,
};
use super::super::{Cx, is_han, is_stop};

/// The end of a name followed by a courtesy title, which settles its length
/// whatever follows (`某某某先生`); the surname alone (`张先生`) is not a name.
pub(super) fn courtesy_end(cx: &Cx, i: usize) -> Option<usize> {
    let s = is_surname_start(&cx.chars, i);
    if s == 0 {
        return None;
    }
    [i + s + 2, i + s + 1].into_iter().find(|&e| {
        (i + s..e).all(|k| cx.chars.get(k).is_some_and(|&c| is_han(c) && !is_stop(c)))
            && COURTESY.iter().any(|t| cx.starts_with(e, t))
    })
}

pub(super) fn name_at(cx: &Cx, i: usize) -> Option<usize> {
    let s = is_surname_start(&cx.chars, i);
    if s == 0 {
        return None;
    }
    if let Some(e) = withheld_end(cx, i) {
        return Some(e);
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
    // A second given character that opens a common word running past it
    // (`某某参与`: 与 would otherwise close the name) is that word's. 等 after a
    // name ends a list, whatever word it makes with the name's end (`某和平等`).
    let opens_word = cx.chars.get(i + s + 2) != Some(&'等')
        && cx.word_across(i + s + 2).is_some_and(|t| {
            t.start == i + s + 1
                && matches!(
                    t.pos,
                    crate::segment::Pos::Other | crate::segment::Pos::Verb
                )
                && crate::segment::frequency(&cx.slice(t.start, t.end)) >= 300
        });
    // Two given characters unless the second is itself a following word.
    if ok_given(i + s)
        && ok_given(i + s + 1)
        && !follows_name(cx, i + s + 1)
        && boundary(i + s + 2)
        && !opens_word
    {
        return Some(i + s + 2);
    }
    if ok_given(i + s) && boundary(i + s + 1) {
        return Some(i + s + 1);
    }
    None
}

/// The end of a name whose given name is withheld (`张某`, `王某某`): `某`
/// stands for the given name, so nothing after it is the name's
/// (`某公司总经理陈某批准逮捕`).
fn withheld_end(cx: &Cx, i: usize) -> Option<usize> {
    let s = is_surname_start(&cx.chars, i);
    let k = i + s;
    if s == 0 || cx.chars.get(k) != Some(&'某') {
        return None;
    }
    // One given character may be kept (`高某芳`) when the name ends after it.
    let kept = cx
        .chars
        .get(k + 1)
        .is_some_and(|&c| is_han(c) && !is_stop(c))
        && !follows_name(cx, k + 1)
        && cx
            .chars
            .get(k + 2)
            .is_none_or(|&c| !is_han(c) || is_stop(c) || follows_name(cx, k + 2));
    Some(if cx.chars.get(k + 1) == Some(&'某') || kept {
        k + 2
    } else {
        k + 1
    })
}

/// Whether the character at `k` starts a word that follows names (说, 表示, 介绍).
/// Characters that are also common in given names (强, 表, 指) count only with the
/// rest of their word after them: `李国强调` ends at 国, `李国强说` does not.
pub(super) fn follows_name(cx: &Cx, k: usize) -> bool {
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
    let Some(t) = super::super::trim::token_at(cx.tokens(), s) else {
        return false;
    };
    let ordinary = matches!(t.pos, Pos::Other | Pos::Verb);
    let len = t.end - t.start;
    // A one-character adverb before a verb or a count (`某某总书记曾到`,
    // `曾两次`) is that adverb, though it is a surname too.
    let adverb = len == 1
        && t.function
        && super::super::trim::token_at(cx.tokens(), t.end).is_some_and(|n| {
            n.pos == Pos::Verb
                || cx
                    .chars
                    .get(n.start)
                    .is_some_and(|&c| super::super::tagged::is_numeral(c))
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
        && super::super::trim::token_at(cx.tokens(), s)
            .is_some_and(|t| t.end == e && matches!(t.pos, Pos::Other | Pos::Verb))
}

/// A name right after a post. The post already says a name follows, so when the
/// characters after the name do not settle its length, the common three-character
/// form is taken (`项目经理某某某刚刚…`) unless its last character usually follows
/// a name.
pub(super) fn name_after_post(cx: &Cx, i: usize) -> Option<usize> {
    let mut e = name_after_post_inner(cx, i)?;
    if let Some(w) = withheld_end(cx, i) {
        e = w;
    }
    // A third character that opens a common word running past the name
    // (`某某决定`, `某某牵着`, `某某批准`) is that word's, as in [`name_at`].
    let s = is_surname_start(&cx.chars, i);
    if s > 0
        && e == i + s + 2
        && cx.chars.get(e) != Some(&'等')
        && cx.word_across(e).is_some_and(|t| {
            t.start == e - 1
                && matches!(
                    t.pos,
                    crate::segment::Pos::Other | crate::segment::Pos::Verb
                )
                && crate::segment::frequency(&cx.slice(t.start, t.end)) >= 300
        })
    {
        e -= 1;
    }
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
                // A name the dictionary knows as an ordinary word of some
                // currency (`商讨`, `宿舍` after a post) is that word.
                && crate::segment::frequency(&cx.slice(i, e)) >= 200
        });
    (!common).then_some(e)
}

fn name_after_post_inner(cx: &Cx, i: usize) -> Option<usize> {
    // A Tibetan or a Mongolian name of two elements (`某某某某`, `某某某某某`),
    // with no surname: four or five characters where the rules below would
    // stop at three.
    let element = |k: usize| -> Option<usize> {
        let fits = |len: usize| {
            k + len <= cx.chars.len() && {
                let w = cx.slice(k, k + len);
                len == 2 && TIBETAN_SYLLABLES.contains(&w.as_str())
                    || MONGOLIAN_ELEMENTS.contains(&w.as_str())
            }
        };
        [3, 2].into_iter().find(|&len| fits(len)).map(|len| k + len)
    };
    if let Some(mid) = element(i)
        && let Some(end) = element(mid)
    {
        return Some(end);
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
    let everyday_given = super::super::trim::token_at(cx.tokens(), i + 2).is_some_and(|t| {
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
    // A word of three characters the segmenter's model for unseen words made
    // after a post, opening with a plain surname, is a name even when its
    // middle character is a function word elsewhere (`某以某`).
    if s == 1
        && !AMBIGUOUS_SURNAMES.contains(cx.chars[i])
        && let Some(t) = super::super::trim::token_at(cx.tokens(), i)
        && t.start == i
        && t.end == i + 3
        && t.pos == crate::segment::Pos::Unknown
        && (i..t.end).all(|k| is_han(cx.chars[k]))
        && is_stop(cx.chars[i + 1])
        && !is_stop(cx.chars[i + 2])
    {
        return Some(t.end);
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
    // A verb the dictionary knows less often counts too where the segmenter
    // reads the two characters before it as one name (`某帅` + `涉嫌`).
    let three = i + s + 2;
    let name_word = |e: usize| {
        super::super::trim::token_at(cx.tokens(), i).is_some_and(|n| {
            n.start == i
                && n.end == e
                && matches!(
                    n.pos,
                    crate::segment::Pos::Person | crate::segment::Pos::Unknown
                )
        })
    };
    if let Some(t) = cx.word_across(three)
        && t.start == three - 1
        && !matches!(
            t.pos,
            crate::segment::Pos::Person | crate::segment::Pos::Unknown
        )
        && {
            let f = crate::segment::frequency(&cx.slice(t.start, t.end));
            f >= 300
                || matches!(
                    t.pos,
                    crate::segment::Pos::Verb | crate::segment::Pos::Other
                ) && f >= 200
                    && name_word(three - 1)
        }
    {
        return (!everyday_word(cx, i, three - 1)).then_some(three - 1);
    }
    given(i + s + 1).then_some(three)
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
    let next = super::super::trim::token_at(tokens, e).is_some_and(|t| {
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
    fn a_withheld_given_name_ends_the_name() {
        assert_eq!(people("检察院对公司总经理陈某批准逮捕。"), ["陈某"]);
        assert_eq!(people("涉案公司董事长王某某已到案。"), ["王某某"]);
        // One kept given character stays the name's.
        assert_eq!(people("涉案公司董事长高某芳（女）已到案。"), ["高某芳"]);
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
    fn a_common_word_in_a_names_place_after_a_post_is_that_word() {
        assert!(people("村里少数党员干部对要求置若罔闻。").is_empty());
        assert!(people("广大党员干部积极行动。").is_empty());
        assert_eq!(people("某省防汛指挥部总指挥刘晓东部署工作。"), ["刘晓东"]);
    }

    #[test]
    fn a_two_character_name_before_a_verb_the_segmenter_reads_whole_ends_there() {
        assert_eq!(people("村党支部原书记章航涉嫌贪污集体资金。"), ["章航"]);
    }

    #[test]
    fn a_name_ends_where_a_common_word_opens_with_its_last_character() {
        // `参与` and `专程` run past a two-character name; 等 closes a list
        // whatever word it makes (`和平等`).
        assert_eq!(
            people(
                "某街道党工委书记孔岩参与赌博问题。自治区主席罗飚专程赶到病房。某市法院院长孔和平等出席。"
            ),
            ["孔岩", "罗飚", "孔和平"]
        );
    }

    #[test]
    fn a_tibetan_name_of_two_elements_after_a_post_is_one_name() {
        let found = people("某县县长次仁多吉、副县长王建国出席。次仁多吉表示，要抓好落实。");
        assert!(found.contains(&"次仁多吉".to_string()), "{found:?}");
        assert!(!found.contains(&"次仁多".to_string()), "{found:?}");
    }

    #[test]
    fn a_mongolian_name_of_two_elements_after_a_post_is_one_name() {
        let found = people("某委员会主任委员巴音朝鲁作说明。某嘎查牧民恩和巴特尔家里很热闹。");
        assert!(found.contains(&"巴音朝鲁".to_string()), "{found:?}");
        assert!(found.contains(&"恩和巴特尔".to_string()), "{found:?}");
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
}
