//! Where a company's or an organisation's name starts, walked back from its
//! suffix: over places and bracketed places, up to punctuation, a function word
//! the segmenter reads alone or another name, then cut after a clause word, a
//! determiner, a kind of firm, a date, a sum or a count, and leading verbs. Which
//! suffixes open a name and what the name is typed as are the parent module's.

use super::super::lexicon::{BANK_PREFIXES, COUNTRIES, INNER_CUTS, LEADING_NOISE};
use super::super::{Cx, is_han, is_stop};
use crate::model::{EntityType, Level};
use crate::segment::Pos;

/// Walks left from a suffix at `k` to the start of the name.
pub(super) fn name_start(cx: &Cx, k: usize, floor: usize) -> usize {
    let mut s = k;
    let mut crossed = false;
    while s > floor && k - s < 24 {
        let c = cx.chars[s - 1];
        // A research body's fields may be joined (`某某与某某研究所`, `某某和
        // 某某研究院`): the conjunction is inside the name when a field of two
        // characters or more stands on each side and no name ends before it.
        // Past it, the name stops at the institution it belongs to.
        if crossed
            && cx
                .covering(s - 1, &[EntityType::Organization, EntityType::Company])
                .is_some()
        {
            break;
        }
        if (c == '与' || c == '和')
            && !crossed
            && cx.starts_with(k, "研究")
            && super::super::trim::fields_joined(cx, s)
        {
            crossed = true;
            s -= 1;
            continue;
        }
        if c == ')' || c == '）' {
            // Include a bracketed place: 某某电子(昆山)有限公司.
            let open = if c == ')' { '(' } else { '（' };
            match cx.chars[..s - 1]
                .iter()
                .rev()
                .take(8)
                .position(|&x| x == open)
            {
                Some(d) => {
                    s = s - 2 - d;
                    continue;
                }
                None => break,
            }
        }
        // A place inside the name is taken whole, even when one of its
        // characters is a function word elsewhere (成都, 都 being one).
        if let Some(d) = cx.covering(s - 1, &[EntityType::Division])
            && cx.mentions[d].span.start >= floor
            && k - cx.mentions[d].span.start < 24
            && is_han(c)
        {
            s = cx.mentions[d].span.start;
            continue;
        }
        // A function character inside a word of the segmenter's is part of
        // that word: 等 of `高等`, `中等` in a school's name, or any inside a
        // word the dictionary knows as a name (和 of a brand `某和`) or a word
        // it does not know at all, which its model for unseen words joined
        // (全 of a brand `某全`). So is one after the first character of an
        // ordinary noun (全 of `安全` in `某某安全某某中心`); a verb's
        // (`认为`) is not, nor 在 or 是 of a word the dictionary does not tag
        // as a verb or an adverb (`正在`, `就是`).
        let in_word = || {
            let tokens = cx.tokens();
            tokens
                .get(tokens.partition_point(|t| t.end < s))
                .is_some_and(|t| {
                    t.end - t.start >= 2
                        && !t.function
                        && t.start < s
                        && t.end <= k
                        && (c == '等'
                            || t.pos == Pos::Other && t.start + 1 < s && !"在是".contains(c)
                            || matches!(t.pos, Pos::Proper | Pos::Organization)
                            || t.pos == Pos::Unknown && unseen_name_word(cx, t))
                })
        };
        if !(is_han(c) || c.is_ascii_alphanumeric()) || is_stop(c) && !in_word() {
            break;
        }
        // A Party committee's school is named by the committee
        // (`中共某省委党校`): its name takes the committee whole.
        if let Some(a) = cx.covering(s - 1, &[EntityType::Agency, EntityType::Person]) {
            let m = &cx.mentions[a];
            if s == k
                && m.ty == EntityType::Agency
                && m.span.end == k
                && cx.starts_with(k, "党校")
                && m.text.ends_with('委')
                && m.rule == "agency:division-prefix"
                && m.span.start >= floor
            {
                s = m.span.start;
                if s >= floor + 2 && cx.ends_with_at(s, "中共") {
                    s -= 2;
                }
                continue;
            }
            break;
        }
        s -= 1;
    }
    // A name starts at its first place name (完成第一批宜昌银行 -> 宜昌银行), unless a
    // national prefix comes first; a bracketed place (某某电子(昆山)) does not count.
    let mut depth = 0;
    let mut cut = None;
    for j in s..k {
        match cx.chars[j] {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        if depth == 0
            && j > s
            && cx
                .mentions
                .iter()
                .any(|m| m.ty == EntityType::Division && m.span.start == j && m.span.end <= k)
        {
            let prefix = cx.slice(s, j);
            let national = super::super::trim::NATIONAL_PREFIXES
                .iter()
                .any(|p| prefix.starts_with(p))
                || BANK_PREFIXES.iter().any(|p| prefix.ends_with(p))
                // The Party's school is named with the Party (`中共某省委党校`).
                || prefix == "中共" && cx.starts_with(k, "党校");
            let joined = cx
                .mentions
                .iter()
                .any(|m| m.ty == EntityType::Division && m.span.end == j);
            if !national && !joined {
                cut = Some(j);
            }
            break;
        }
    }
    if let Some(j) = cut {
        s = j;
    }
    // A country inside opens the name (`某矿供应商某国某某公司`) when a name of
    // its own follows it; `某某美国公司`, a firm's branch in that country, keeps it.
    let bracketed = |j: usize| {
        cx.chars[s..j].iter().fold(0i32, |d, &c| match c {
            '(' | '（' => d + 1,
            ')' | '）' => d - 1,
            _ => d,
        }) > 0
    };
    if let Some(j) = (s + 1..k).find(|&j| {
        !bracketed(j)
            && COUNTRIES.iter().any(|c| {
                let n = c.chars().count();
                n >= 2 && cx.starts_with(j, c) && j + n + 2 <= k
            })
            && !COUNTRIES.iter().any(|c| cx.slice(s, j).ends_with(c))
    }) && !cx.mentions.iter().any(|m| {
        // `内蒙古` holds a country's name; so does a place ending right before.
        m.ty == EntityType::Division && m.span.start < j && j <= m.span.end
    }) {
        s = j;
    }
    // `某国企业某某公司`: the country's firms are the kind, the name follows.
    if let Some(c) = COUNTRIES.iter().find(|c| cx.starts_with(s, c)) {
        let after = s + c.chars().count();
        if cx.starts_with(after, "企业") && after + 4 < k {
            s = after + 2;
        }
    }
    for det in ["一家", "这家", "多家", "该"] {
        let rest = cx.slice(s, k);
        if let Some(p) = rest.find(det) {
            s += rest[..p].chars().count() + det.chars().count();
        }
    }
    // A name starts after the last word that cannot be inside one, unless
    // that word is only the start of a name the dictionary knows (`联合` of
    // `联合国`).
    let in_known_name = |at: usize, len: usize| {
        super::super::trim::token_at(cx.tokens(), at).is_some_and(|t| {
            t.start == at
                && t.end > at + len
                && matches!(t.pos, Pos::Organization | Pos::Place | Pos::Proper)
        })
    };
    let rest: Vec<char> = cx.chars[s..k].to_vec();
    let mut cut_at = 0;
    for w in INNER_CUTS.iter() {
        let wc: Vec<char> = w.chars().collect();
        for p in (0..rest.len().saturating_sub(wc.len() - 1)).rev() {
            if rest[p..p + wc.len()] == wc[..] && !in_known_name(s + p, wc.len()) {
                cut_at = cut_at.max(p + wc.len());
                break;
            }
        }
    }
    s += cut_at;
    s = after_kind_of_firm(cx, s, k);
    // A date, a sum or a count before the name is no part of it (`2010年某某公司`,
    // `5亿美元公司`, `80元和某公司`): the name starts after its unit.
    if let Some(p) = (s + 1..k).rev().find(|&p| {
        "年月日号元亿万个家名期".contains(cx.chars[p])
            && (cx.chars[p - 1].is_ascii_digit()
                || "零一二三四五六七八九十百千两余多".contains(cx.chars[p - 1]))
    }) {
        s = p + 1;
        for rest in ["间", "美元", "欧元", "日元", "港元", "人民币", "元"] {
            if cx.starts_with(s, rest) {
                s += rest.chars().count();
                break;
            }
        }
    }
    // A year run into the name (`2017某某电视台`) is no part of it.
    let digits = cx.chars[s..k]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits >= 4 && s + digits < k && is_han(cx.chars[s + digits]) {
        s += digits;
    }
    // Trim leading verbs, determiners and the function words the segmenter
    // reads alone (`自`, `从`), but never into a place the name opens with
    // (`和田市…`: 和 is a conjunction elsewhere).
    loop {
        if cx
            .mentions
            .iter()
            .any(|m| m.ty == EntityType::Division && m.span.start == s && m.span.end <= k)
        {
            break;
        }
        let rest = cx.slice(s, k);
        match LEADING_NOISE
            .iter()
            .find(|w| rest.starts_with(*w) && !in_known_name(s, w.chars().count()))
        {
            Some(w) => s += w.chars().count(),
            None => match super::super::trim::token_at(cx.tokens(), s) {
                Some(t) if t.function && t.end < k => s = t.end,
                _ => break,
            },
        }
    }
    s
}

/// `化工企业某某集团`, `中央企业某某集团`: a kind of firm before a name (a word
/// of the dictionary ending in 企业, or 企业 after an ordinary word) is no part
/// of it. A name before 企业 (`某某企业管理有限公司`, a place's `某地企业集团`)
/// is, and so is a 企业 that leaves less than two characters of name.
/// Where a name starts past a postal address before it: a chain of three places
/// or more (`某省某县某乡某村小学`, `某省某市某县某中学`) is where the school or firm
/// stands, and its name keeps only the last place above a town (`某县某中学`) or,
/// after a town, what follows it and the street (`某镇某路某州某学校`: `某州某学校`),
/// unless nothing of a name follows the town (`某乡小学`).
/// The place the name then starts after is still where it stands.
pub(super) fn past_address(cx: &Cx, start: usize, k: usize) -> usize {
    let mut chain: Vec<(usize, usize, Level)> = Vec::new();
    let mut at = start;
    while let Some(m) = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Division && m.span.start == at && m.span.end <= k)
        .max_by_key(|m| m.span.end)
    {
        let Some(level) = m.div.as_ref().map(|d| d.level) else {
            break;
        };
        chain.push((m.span.start, m.span.end, level));
        at = m.span.end;
        // A prefecture by its former level word (`某某地区`).
        if cx.starts_with(at, "地区") {
            at += 2;
        }
    }
    // Places written right before the name belong to the address too.
    let mut before: Vec<Level> = Vec::new();
    let mut back = start;
    while let Some(m) = cx.mentions.iter().find(|m| {
        m.ty == EntityType::Division
            && (m.span.end == back || m.span.end + 2 == back && cx.starts_with(m.span.end, "地区"))
    }) {
        let Some(level) = m.div.as_ref().map(|d| d.level) else {
            break;
        };
        before.push(level);
        back = m.span.start;
    }
    // An address narrows from place to place (`某省某市某县`); places side by
    // side at one level or going up (`某市某省某县商会`: a county's people in a
    // city) are a name's own.
    let levels: Vec<u8> = before
        .iter()
        .rev()
        .chain(chain.iter().map(|c| &c.2))
        .map(|l| l.depth())
        .collect();
    // The address ends where the places stop narrowing (`某乡某乡中心学校`: the
    // second is the school's own name).
    if levels.is_empty() {
        return start;
    }
    let narrowing = 1 + levels.windows(2).take_while(|w| w[0] < w[1]).count();
    let narrows = narrowing > before.len();
    chain.truncate(narrowing.saturating_sub(before.len()));
    let levels = &levels[..narrowing];
    let Some(&(last_start, last_end, level)) =
        chain.last().filter(|_| levels.len() >= 3 && narrows)
    else {
        return start;
    };
    // A town's own school keeps the town (`某省某县某乡小学`).
    let mut s = if level == Level::Township && k >= last_end + 2 {
        last_end
    } else {
        last_start
    };
    // A street between the town and a place that opens the name.
    if level == Level::Township
        && s == last_end
        && let Some(q) = (s + 2..=(s + 4).min(k)).find(|&q| {
            "路街".contains(cx.chars[q - 1])
                && (s..q).all(|j| is_han(cx.chars[j]))
                && cx
                    .mentions
                    .iter()
                    .any(|m| m.ty == EntityType::Division && m.span.start == q)
        })
    {
        s = q;
    }
    if k < s + 2 { start } else { s }
}

fn after_kind_of_firm(cx: &Cx, s: usize, k: usize) -> usize {
    let tokens = cx.tokens();
    let Some(p) = (s..k.saturating_sub(3))
        .rev()
        .find(|&p| cx.starts_with(p, "企业"))
    else {
        return s;
    };
    let j = tokens.partition_point(|t| t.end < p + 2);
    let Some(t) = tokens.get(j).filter(|t| t.end == p + 2) else {
        return s;
    };
    let ordinary = |t: &crate::segment::Token| matches!(t.pos, Pos::Other | Pos::Verb);
    let kind = if t.end - t.start >= 3 {
        ordinary(t)
    } else {
        t.start == p && j > 0 && tokens[j - 1].end == p && ordinary(&tokens[j - 1])
    };
    if kind { p + 2 } else { s }
}

/// Whether a word the segmenter's model for unseen words made may be part of a
/// name: not one opening with a function character (`由某某`, `以某某`), nor a
/// count of points (`三是`).
fn unseen_name_word(cx: &Cx, t: &crate::segment::Token) -> bool {
    let first = cx.chars[t.start];
    let count_of_points = t.end - t.start == 2
        && "一二三四五六七八九十".contains(first)
        && cx.chars[t.start + 1] == '是';
    // A particle or preposition the model glued to a word's end (`某点半在`)
    // makes a clause's words, not a name's.
    let last = cx.chars[t.end - 1];
    !is_stop(first) && !count_of_points && !"在了的把被".contains(last)
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn companies(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Company)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_clauses_words_glued_by_the_model_open_no_name() {
        assert!(companies("我们五点半在饭店出发。").is_empty());
        assert!(companies("组委会也不再另租酒店作办公场所。").is_empty());
    }

    #[test]
    fn a_kind_of_firm_before_a_name_is_no_part_of_it() {
        assert_eq!(
            companies("中央企业青禾集团与省属国有企业蓝海集团重组。"),
            ["青禾集团", "蓝海集团"]
        );
        // A name before 企业 keeps it.
        assert_eq!(companies("宁波企业集团发布年报。"), ["宁波企业集团"]);
    }

    #[test]
    fn a_function_character_inside_a_noun_is_inside_the_name() {
        let orgs: Vec<String> = run("国家甲乙安全风险评估中心发布报告。")
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Organization)
            .map(|m| m.name.clone())
            .collect();
        assert_eq!(orgs, ["国家甲乙安全风险评估中心"]);
        // The 在 of an adverb opens no name.
        assert!(
            run("他正在医院接受治疗。")
                .mentions
                .iter()
                .all(|m| m.ty != EntityType::Organization)
        );
    }
}
