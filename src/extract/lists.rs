//! Names listed before a class noun: in `来到甲、乙、丙等企业` each item is a
//! company even when it has no suffix of its own (a brand, a short name). The
//! list's separators say where the middle items begin and end; the first item
//! begins after the segmenter's last verb or function word before it. Items
//! other passes already found keep their reading; a lone word that no pass
//! vouches for needs a name-like word the segmenter does not know as ordinary.

use super::lexicon::{COUNTRIES, COUNTRY_INITIALS, INDUSTRY_WORDS, LIST_CLASSES};
use super::names::normalise_name;
use super::tagged::FUNCTION_CHARS;
use super::trim::{covered_by_division, token_at};
use super::{Cx, Mention, is_han, is_stop};
use crate::model::{EntityType, Span};
use crate::segment::{Pos, Token};

/// The longest modifier between 等 and the class noun (`等海内外主要笔记本电脑厂商`).
const MAX_GAP: usize = 12;
/// The longest item read as one name.
const MAX_ITEM: usize = 10;
/// The longest first item, whose start only the segmenter's words mark.
const MAX_FIRST: usize = 8;

/// Adds a Company or Organization mention for each item of a list closed by
/// `等` and a class noun.
pub fn find(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut found: Vec<Mention> = Vec::new();
    for p in 1..n {
        if cx.chars[p] != '等' {
            continue;
        }
        let Some(ty) = class_after(cx, p + 1) else {
            continue;
        };
        let items = items_before(cx, p);
        // One item that reads as a name vouches for the others of its list
        // (`甲、乙、丙等企业`, where the segmenter knows 乙 as a verb).
        let strong = items.iter().filter(|&&(s, e)| name_like(cx, s, e)).count();
        // A list of three or more firms needs one such item only: the
        // segmenter reads many brands as verbs (`某碁`, `某想`).
        let vouched = items.len() >= 2 && strong >= 2.max(items.len().div_ceil(2))
            || items.len() >= 3 && strong >= 1 && ty == EntityType::Company;
        for (s, e) in items {
            if let Some(m) = item_mention(cx, s, e, ty, vouched) {
                found.push(m);
            }
        }
    }
    if found.is_empty() {
        return;
    }
    // A word the dictionary tags as a name (`某某康`) is a listed firm here.
    cx.mentions
        .retain(|m| m.ty != EntityType::Person || !found.iter().any(|f| f.span == m.span));
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// The type a class noun a few modifiers after `at` gives the list before it.
/// Modifiers of kind (`行业`, `领域`) or of place (`城市的`) make the items
/// trades or places, not names; a noun that goes on into a person (`企业家`,
/// `企业主`) makes them people.
fn class_after(cx: &Cx, at: usize) -> Option<EntityType> {
    for gap in 0..=MAX_GAP {
        if gap > 0 {
            let c = *cx.chars.get(at + gap - 1)?;
            if !(is_han(c) || c.is_ascii_digit()) || c == '的' {
                return None;
            }
        }
        let modifiers = cx.slice(at, at + gap);
        // A verb or a function word after 等 (`某某资金等加强对企业的服务`)
        // starts a clause of its own: the noun after it classes nothing.
        let tokens = cx.tokens();
        if gap > 0
            && tokens[tokens.partition_point(|t| t.end <= at)..]
                .iter()
                .take_while(|t| t.end <= at + gap)
                .any(|t| t.function || t.pos == Pos::Verb)
        {
            return None;
        }
        if [
            "行业", "产业", "领域", "地区", "城市", "国家", "方面", "类", "和", "及", "与", "或",
            "部委", "部门", "单位", "机构", "配套",
        ]
        .iter()
        .any(|w| modifiers.contains(w))
        {
            return None;
        }
        // A count of people or households (`等36人`, `等四名`) lists people.
        let counted = modifiers.chars().collect::<Vec<_>>().windows(2).any(|w| {
            (w[0].is_ascii_digit() || "一二两三四五六七八九十百千多几数".contains(w[0]))
                && "人名位户".contains(w[1])
        });
        if counted {
            return None;
        }
        if let Some((noun, ty)) = LIST_CLASSES
            .iter()
            .find(|(w, _)| cx.starts_with(at + gap, w))
        {
            let start = at + gap;
            let end = start + noun.chars().count();
            // The noun used as a verb (`联合组织实施`) closes no list.
            let verb =
                token_at(cx.tokens(), start).is_some_and(|t| t.pos == Pos::Verb && t.end == end);
            if verb
                || cx.chars.get(end).is_some_and(|c| "家主界".contains(*c))
                || ["代表", "负责人", "高管", "员工", "职工", "人员", "领导"]
                    .iter()
                    .any(|w| cx.starts_with(end, w))
            {
                return None;
            }
            return Some(if *ty == "Company" {
                EntityType::Company
            } else {
                EntityType::Organization
            });
        }
    }
    None
}

/// The items of the list that ends at `p` (the 等), as spans, last first.
fn items_before(cx: &Cx, p: usize) -> Vec<(usize, usize)> {
    // A word the segmenter knows with 等 in it (`中等`, `高等`) means 等
    // closes no list.
    if cx.word_across(p).is_some_and(|t| t.pos != Pos::Unknown) {
        return Vec::new();
    }
    let mut items = Vec::new();
    let mut end = p;
    loop {
        // The middle items run back to the separator before them.
        // (Twice the longest item: `甲和乙` is split after.)
        let start = (end.saturating_sub(2 * MAX_ITEM + 2)..end)
            .rev()
            .find(|&k| cx.chars[k] == '、' || !item_char(cx.chars[k]))
            .map(|k| k + 1);
        match start {
            Some(s) if s > 0 && cx.chars[s - 1] == '、' && s < end => {
                items.push((s, end));
                end = s - 1;
            }
            _ => break,
        }
    }
    // The first item: the segmenter's words back from the separator, up to a
    // verb, a one-character function word or punctuation.
    let tokens = cx.tokens();
    let mut k = tokens.partition_point(|t| t.end <= end);
    let mut s = end;
    // The segmenter may join the item's last character with 等 (`城等`).
    if let Some(t) = tokens.get(k)
        && t.start < end
        && (t.start..end).all(|i| item_char(cx.chars[i]))
    {
        s = t.start;
    }
    while k > 0 {
        let t = &tokens[k - 1];
        if t.end != s || !first_item_word(cx, t) || end - t.start > MAX_FIRST {
            break;
        }
        s = t.start;
        k -= 1;
    }
    if s < end {
        items.push((s, end));
    }
    // `甲和乙等`: a conjunction splits the last item in two.
    let mut split = Vec::new();
    for (s, e) in items {
        match (s + 1..e.saturating_sub(1)).find(|&k| {
            "和及与".contains(cx.chars[k]) && token_at(tokens, k).is_some_and(|t| t.end == k + 1)
        }) {
            Some(k) => split.extend([(s, k), (k + 1, e)]),
            None => split.push((s, e)),
        }
    }
    split
}

/// A one-character word that joins or places words rather than naming.
fn function_char(c: char) -> bool {
    is_stop(c) || FUNCTION_CHARS.contains(c) || "到给让使及或用以可其该此各每这那之于而".contains(c)
}

fn item_char(c: char) -> bool {
    is_han(c) || c.is_ascii_alphanumeric()
}

/// A word that can be part of the first item: no verb, no one-character
/// function word (`了`, `到`), nothing but Han text and letters.
fn first_item_word(cx: &Cx, t: &Token) -> bool {
    let len = t.end - t.start;
    (t.start..t.end).all(|k| item_char(cx.chars[k]))
        && t.pos != Pos::Verb
        && !["以及", "包括", "其中", "还有", "特别", "尤其", "等等"]
            .contains(&cx.slice(t.start, t.end).as_str())
        && (len >= 2 || !function_char(cx.chars[t.start]))
}

/// Whether `s..e` holds a word the segmenter does not know as ordinary: an
/// unknown word, a proper noun, a name, or a place name that names no division.
fn name_like(cx: &Cx, s: usize, e: usize) -> bool {
    let words: Vec<&Token> = cx
        .tokens()
        .iter()
        .skip_while(|t| t.end <= s)
        .take_while(|t| t.start < e)
        .collect();
    // A country or place and one short word (`某国石油`, `某地电信`) is how
    // state and regional firms are named in a list of firms.
    if let [place, word] = words[..]
        && place.start == s
        && word.end == e
        && place.pos == Pos::Place
        && word.end - word.start == 2
        && matches!(word.pos, Pos::Other | Pos::Verb)
    {
        return true;
    }
    cx.tokens()
        .iter()
        .skip_while(|t| t.end <= s)
        .take_while(|t| t.start < e)
        .any(|t| match t.pos {
            Pos::Unknown | Pos::Proper | Pos::Organization | Pos::Person | Pos::ForeignPerson => {
                true
            }
            // A word the dictionary lacks is often cut into single characters.
            Pos::Other => t.end - t.start == 1 && !function_char(cx.chars[t.start]),
            Pos::Place => {
                !covered_by_division(cx, t)
                    && !COUNTRIES.contains(&cx.slice(t.start, t.end).as_str())
            }
            _ => false,
        })
}

/// Whether `name` is industry words alone (`锂电储能`, `多晶硅`): a trade in a
/// list of trades, not a firm.
fn made_of_industry_words(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    let mut reach = vec![false; chars.len() + 1];
    reach[0] = true;
    for i in 0..chars.len() {
        if !reach[i] {
            continue;
        }
        for w in INDUSTRY_WORDS.iter() {
            let wc: Vec<char> = w.chars().collect();
            if chars[i..].starts_with(&wc) {
                reach[i + wc.len()] = true;
            }
        }
    }
    reach[chars.len()]
}

/// The mention for one item, unless another pass reads it already or it looks
/// like a trade rather than a name.
fn item_mention(cx: &Cx, s: usize, e: usize, ty: EntityType, vouched: bool) -> Option<Mention> {
    if !(2..=MAX_ITEM).contains(&(e - s)) {
        return None;
    }
    let span = Span::new(s, e);
    // A place opening the item is part of its name (`某地皮革城`); a place
    // that is the whole item is that place.
    let inner_place =
        |m: &Mention| m.ty == EntityType::Division && m.span.start == s && m.span.end < e;
    if cx.mentions.iter().any(|m| {
        m.span.overlaps(span) && !(m.ty == EntityType::Person && m.span == span) && !inner_place(m)
    }) {
        return None;
    }
    let name = cx.slice(s, e);
    // A trade (`装备制造`) or a kind of firm is no name. A name holds a word the
    // dictionary does not know as ordinary, or is long enough to be a firm's
    // full short name (`某国信息通信科技`).
    let tokens: Vec<&Token> = cx
        .tokens()
        .iter()
        .skip_while(|t| t.end <= s)
        .take_while(|t| t.start < e)
        .collect();
    let ordinary = |t: &&Token| matches!(t.pos, Pos::Other | Pos::Verb) && t.end - t.start >= 2;
    // Ordinary words joined (`轨道交通`, `外贸综合服务`) make a trade unless a
    // place opens them (`某国信息通信科技`); one ordinary word is a name only in
    // a list of names.
    let compound_trade = tokens.len() >= 2
        && tokens.iter().all(ordinary)
        && !tokens
            .first()
            .is_some_and(|t| t.pos == Pos::Place || covered_by_division(cx, t));
    let single_word = tokens.len() == 1 && tokens.iter().all(ordinary);
    if COUNTRIES.contains(&name.as_str())
        || name.chars().all(|c| COUNTRY_INITIALS.contains(c))
        || compound_trade
        || single_word && !vouched
        || !(name_like(cx, s, e) || vouched || e - s >= 6)
        || INDUSTRY_WORDS.iter().any(|w| {
            name.strip_suffix(w)
                .is_none_or(|rest| !name_like(cx, s, s + rest.chars().count()))
                && name.ends_with(w)
        })
        || made_of_industry_words(&name)
        || LIST_CLASSES.iter().any(|(w, _)| name.contains(w))
        || name.ends_with(['业', '类', '品', '型'])
        || name.contains('等')
        // A short word for a kind of workplace (`砂石厂`) names none.
        || e - s <= 3 && name.ends_with(['厂', '站', '所', '店', '场', '队'])
    {
        return None;
    }
    let rule = if ty == EntityType::Company {
        "company:listed"
    } else {
        "organization:listed"
    };
    Some(Mention {
        ty,
        span,
        text: name.clone(),
        key: normalise_name(&name),
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

    fn listed(text: &str) -> Vec<String> {
        let ex = run(text);
        let mut names: Vec<String> = ex
            .mentions
            .iter()
            .filter(|m| m.rule == "company:listed" || m.rule == "organization:listed")
            .map(|m| m.name.clone())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn each_item_of_a_list_before_a_class_noun_is_a_name() {
        let names = listed("他先后来到韬睿科技、昕晟光电和珩燚存储等企业，了解生产情况。");
        assert_eq!(names, ["昕晟光电", "珩燚存储", "韬睿科技"]);
        // Three firms need one name-like item: the segmenter reads brands as verbs.
        let names = listed("标题\n引来了惠普、宏碁、联想等企业。");
        assert_eq!(names.len(), 3, "{names:?}");
        // A platform of a trade is a firm (`某某约车、某某专车等网约车平台`).
        let names = listed("标题\n将对青禾约车、甘棠专车、柏舟出行等网约车平台开展检查。");
        assert_eq!(names.len(), 3, "{names:?}");
    }

    #[test]
    fn trades_places_and_people_are_no_listed_names() {
        assert!(listed("电子信息、装备制造等产业的龙头企业纷纷落户。").is_empty());
        assert!(listed("这条街聚集了多晶硅、光伏制造、锂电储能等10多家企业。").is_empty());
        assert!(listed("运用好再贷款、降准资金等加强对中小微企业的服务。").is_empty());
        assert!(listed("北京、上海等城市的企业参加了活动。").is_empty());
        assert!(listed("张三、李四等企业家出席。").is_empty());
    }

    #[test]
    fn a_listed_item_keeps_the_type_another_pass_found() {
        let ex = run("记者走访了某某市人民医院、某某科技有限公司等单位和企业。");
        assert!(
            !ex.mentions
                .iter()
                .any(|m| m.ty == EntityType::Company && m.rule == "company:listed")
        );
    }
}
