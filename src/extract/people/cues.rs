//! Names after a cue that only a person takes: an age (`今年66岁的某某`,
//! `77岁的独居老人某某`), a home (`家住某地的某某`) or a name being given
//! (`这位老人叫某某。`). Feature stories introduce ordinary people this way,
//! with no post and often no verb of speech. An appointment names the person
//! and the post after the name (`任命某某为某部部长`, `免去某某的某部部长职务`).
//! Runs after the post pass and never takes text another mention holds.

use super::super::lexicon::{COURTESY, DESCRIPTORS, KIN_TERMS, POSTS, SURNAMES};
use super::super::{Cx, is_han};
use super::length::{everyday_word, name_after_post, ordinary_word_opens};
use super::person;
use crate::model::Span;

/// How far a home (`家住…的`) may run before its 的.
const MAX_HOME: usize = 16;

/// The longest post an appointment gives after the name.
const MAX_POST: usize = 30;

pub fn find(cx: &mut Cx) {
    let coverage = cx.coverage();
    let mut found = Vec::new();
    let n = cx.chars.len();
    for i in 0..n {
        let Some((after, cue)) = opening(cx, i) else {
            continue;
        };
        // A name the segmenter cuts out whole after the cue (`某某某朗`, or
        // `某某某` before `老人`) ends where it ends: the cue vouches for it.
        let cut_at = |after: usize| {
            let age = cue == Cue::Age;
            super::super::trim::token_at(cx.tokens(), after)
                .filter(|t| {
                    age && t.start == after
                        && matches!(
                            t.pos,
                            crate::segment::Pos::Person | crate::segment::Pos::Unknown
                        )
                        && (3..=4).contains(&(t.end - t.start))
                        && (t.start..t.end).all(|k| is_han(cx.chars[k]))
                        && SURNAMES.contains(cx.chars[after])
                })
                .map(|t| t.end)
        };
        // A descriptor between the cue and the name (`老人`, `独居老人`, `村民`),
        // unless the name comes first (`某某某老人`).
        let after = if cut_at(after).is_some() {
            after
        } else {
            descriptor_end(cx, after).unwrap_or(after)
        };
        let cut = cut_at(after);
        let Some(mut e) = cut.or_else(|| name_after_post(cx, after)) else {
            continue;
        };
        // A transliteration the surname opened (`某尔巴` of `某尔巴科夫`) runs
        // over the segmenter's foreign syllables that follow.
        let foreign = |t: &crate::segment::Token| t.pos == crate::segment::Pos::ForeignPerson;
        while let Some(t) = cx
            .tokens()
            .iter()
            .find(|t| t.start < e + 1 && t.end > e && t.start >= after)
            .filter(|t| foreign(t))
        {
            e = t.end;
        }
        // A name given (`叫某某`) ends its clause; the others go on into what the
        // person does, so only an ordinary word there is ruled out.
        if cue == Cue::Called && cx.chars.get(e).is_some_and(|c| is_han(*c)) {
            continue;
        }
        // An appointment's name is followed by its post: `为` and the post
        // (`任命某某为某部部长`), or `的` and the post and `职务` (`免去某某的
        // 某部部长职务`). Without one it is some other verb's object.
        let role = match cue {
            Cue::Appointed => match appointed_post(cx, e) {
                Some(role) => Some(role),
                None => continue,
            },
            _ => None,
        };
        // A surname and a form of address (`某大爷`, `某女士`) names no one in
        // full; a word of the dictionary's that is no name (`牧羊人`) is that word.
        // So is one it tags as a name whose first two characters make a
        // frequent word of their own (`牧羊人`).
        let whole_word = super::super::trim::token_at(cx.tokens(), after).is_some_and(|t| {
            t.end == e
                && (!matches!(
                    t.pos,
                    crate::segment::Pos::Person | crate::segment::Pos::Unknown
                ) || e - after == 3
                    && crate::segment::frequency(&cx.slice(after, after + 2)) >= 100)
        });
        if coverage[after..e].iter().any(|&b| b != 0)
            || ordinary_word_opens(cx, after, e)
            || everyday_word(cx, after, e)
            || whole_word
            || KIN_TERMS.iter().any(|w| cx.slice(after + 1, e) == *w)
            || COURTESY.iter().any(|w| cx.slice(after + 1, e) == *w)
        {
            continue;
        }
        let rule = if role.is_some() {
            "person:appointed"
        } else {
            "person:cue"
        };
        found.push(person(cx.slice(after, e), role, Span::new(after, e), rule));
    }
    found.dedup_by(|a, b| a.span == b.span);
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    Age,
    Home,
    Called,
    Appointed,
}

/// The post after an appointed person's name ending at `e`: after `为` up to
/// the clause's end, or after `的` up to `职务`. It must end with a post.
fn appointed_post(cx: &Cx, e: usize) -> Option<String> {
    // A note in brackets may stand between (`某某(女)为`, `某某（兼）为`).
    let e = if cx.chars.get(e).is_some_and(|&c| c == '(' || c == '（') {
        (e + 1..(e + 6).min(cx.chars.len())).find(|&k| cx.chars[k] == ')' || cx.chars[k] == '）')?
            + 1
    } else {
        e
    };
    let marker = *cx.chars.get(e)?;
    let from = e + 1;
    let limit = (from + MAX_POST).min(cx.chars.len());
    let end = match marker {
        '为' => (from..limit).find(|&k| "，。；、：！？\n".contains(cx.chars[k]))?,
        '的' => (from..limit).find(|&k| cx.starts_with(k, "职务"))?,
        _ => return None,
    };
    let post = cx.slice(from, end);
    (end > from + 1 && POSTS.iter().any(|p| post.ends_with(p))).then_some(post)
}

/// Where a name may start after a cue that ends at or after `i`, if one does.
fn opening(cx: &Cx, i: usize) -> Option<(usize, Cue)> {
    // `66岁的`, `六十六岁的`: a count of years before 岁的.
    if cx.starts_with(i, "岁的")
        && i > 0
        && cx.chars[i - 1].is_ascii_digit() | "一二三四五六七八九十".contains(cx.chars[i - 1])
    {
        return Some((i + 2, Cue::Age));
    }
    // `年过七旬的`, `90后的`: an age in decades or a generation.
    if (cx.starts_with(i, "旬的") && i > 0 && "一二三四五六七八九十".contains(cx.chars[i - 1]))
        || (cx.starts_with(i, "后的")
            && i >= 2
            && cx.chars[i - 1] == '0'
            && cx.chars[i - 2].is_ascii_digit())
    {
        return Some((i + 2, Cue::Age));
    }
    if cx.starts_with(i, "家住") {
        let limit = (i + 2 + MAX_HOME).min(cx.chars.len());
        let de = (i + 2..limit)
            .take_while(|&k| is_han(cx.chars[k]))
            .find(|&k| cx.chars[k] == '的')?;
        return Some((de + 1, Cue::Home));
    }
    // `任命某某为…`, `免去某某的…职务`: the post is checked after the name.
    if cx.starts_with(i, "任命") || cx.starts_with(i, "免去") {
        return Some((i + 2, Cue::Appointed));
    }
    // `名叫某某`, `老人叫某某`: not `叫好`, `叫停` (the name must end the clause).
    if cx.starts_with(i, "名叫") {
        return Some((i + 2, Cue::Called));
    }
    if cx.chars[i] == '叫'
        && i > 0
        && ["人", "者", "的", "位", "个"]
            .iter()
            .any(|w| cx.ends_with_at(i, w))
    {
        return Some((i + 1, Cue::Called));
    }
    None
}

/// The end of a descriptor of a person at `i` (`老人`, `独居老人`, `牧民`).
fn descriptor_end(cx: &Cx, i: usize) -> Option<usize> {
    (1..=4).rev().find_map(|len| {
        let e = i + len + 1;
        (e <= cx.chars.len())
            .then(|| cx.slice(i, e))
            .filter(|w| DESCRIPTORS.iter().any(|d| w.ends_with(d)))
            .map(|_| e)
    })
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
    fn an_appointment_names_the_person_and_the_post_after_the_name() {
        let ex = run("会议决定任命甘文亮(女)为甲乙部部长；免去林志远的丙丁局局长职务。");
        let posts: Vec<(&str, Option<&str>)> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Person)
            .map(|m| (m.name.as_str(), m.role.as_deref()))
            .collect();
        assert_eq!(
            posts,
            [
                ("甘文亮", Some("甲乙部部长")),
                ("林志远", Some("丙丁局局长"))
            ]
        );
        // Without a post after it, the verb's object is no one.
        assert!(people("任命程序合法有效。").is_empty());
    }

    #[test]
    fn a_transliteration_after_a_cue_runs_to_its_end() {
        // Invented names whose first character is also a surname.
        assert_eq!(
            people("36岁的穆罕达德还是个新人。25岁的市民谢尔巴诺夫与人发生口角。"),
            ["穆罕达德", "谢尔巴诺夫"]
        );
    }

    #[test]
    fn an_age_a_home_or_a_name_given_opens_a_name() {
        assert_eq!(people("张庄社区66岁的邱德功正在享受生活。"), ["邱德功"]);
        assert_eq!(people("77岁的独居老人徐生荣戴上了手环。"), ["徐生荣"]);
        assert_eq!(
            people("家住北京市西城区的祖明远在群里发布消息。"),
            ["祖明远"]
        );
        assert_eq!(people("居间调解的这位老人叫杨光泽。"), ["杨光泽"]);
        // The name the segmenter cuts whole, before a descriptor or a noun.
        assert_eq!(people("今年84岁的韩淑君老人说。"), ["韩淑君"]);
        assert_eq!(people("19岁的肖加泽朗是我们的同学。"), ["肖加泽朗"]);
        // A generation and an age in decades are ages too.
        assert_eq!(people("90后的陈钇任，是村里的干部。"), ["陈钇任"]);
        assert_eq!(people("年过七旬的熊火根老人说。"), ["熊火根"]);
    }

    #[test]
    fn an_age_before_no_name_says_nothing() {
        assert!(people("今年66岁的老人正在享受生活。").is_empty());
        assert!(people("这位老人叫好不绝。").is_empty());
        assert!(people("他们37岁的时候开始创业。").is_empty());
        assert!(people("今年70岁的李大爷正在散步。").is_empty());
        assert!(people("今年70岁的宗先生正在散步。").is_empty());
        assert!(people("今年50岁的牧羊人赶着羊群。").is_empty());
    }
}
