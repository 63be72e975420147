//! Initiatives named without quotes or 《》: programmes right after a creation
//! verb (`组建某某产业招商专班`) and those listed before a shared noun, programmes
//! that start or run (`某某平台正式上线`), campaigns named between 在 and 中,
//! reforms after a verb of reform, the five-year plans by their number and rules
//! named by their count (laws are in `laws`). Each pass skips what a quoted or
//! titled name already covers.

use super::super::lexicon::{
    CARRIED_NOUNS, CARRY_VERBS, CREATION_VERBS, GENERIC_PREFIXES, PROGRAMME_NOUNS,
};

use super::super::names::normalise_name;
use super::super::{Cx, Mention, is_han, is_stop};
use super::{initiative, occurrences, quoted, words_back};
use crate::model::{EntityType, Span};

/// Whether the text before `e` ends with a count of articles (`二十条`,
/// `20条`): a package of rules named by how many it has (`某某改革20条`),
/// or a count of measures (`某某十项举措`, `某某20条措施`).
pub(super) fn counted_rules(cx: &Cx, e: usize) -> bool {
    let measures = ["措施", "举措"].iter().find(|w| cx.ends_with_at(e, w));
    let e = e - measures.map_or(0, |w| w.chars().count());
    let unit = |c: char| c == '条' || measures.is_some() && c == '项';
    e >= 2
        && unit(cx.chars[e - 1])
        && (cx.chars[e - 2].is_ascii_digit() || "一二三四五六七八九十百".contains(cx.chars[e - 2]))
}

/// `组建某某产业招商专班`, `搭建某某监督平台`: a phrase of at least six characters
/// right after a creation verb and ending in a programme noun, outside quotes.
pub(super) fn unquoted_programmes(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let n = cx.chars.len();
    let verbs = CREATION_VERBS
        .iter()
        .map(|v| (v, false))
        .chain(CARRY_VERBS.iter().map(|v| (v, true)));
    for (v, carry) in verbs {
        for at in occurrences(cx, v) {
            let mut s = at + v.chars().count();
            // `启动实施某某行动`, `发布实施某某计划`: a second verb of creation
            // follows the first.
            while let Some(next) = CREATION_VERBS.iter().find(|w| cx.starts_with(s, w)) {
                s += next.chars().count();
            }
            // `启动了某某行动方案`, `实施新一轮某某行动`: the aspect mark and a
            // round's count are no part of the name.
            // `实施好某某试点`: a verb's complement of doing it well is no
            // part of the name either.
            if cx.chars.get(s).is_some_and(|&c| c == '了' || c == '好') {
                s += 1;
            }
            let mut batch = false;
            for round in ["新一轮", "新一批", "一系列", "一批", "首批"] {
                if cx.starts_with(s, round) {
                    s += round.chars().count();
                    batch = round.ends_with('批') || round.ends_with('列');
                    break;
                }
            }
            let mut best = None;
            // `启动规模最大的某某普查`: a short modifier closed by 的 says which
            // one; the name is what follows it.
            let mut name_start = s;
            for e in s + 1..(s + 17).min(n) {
                let c = cx.chars[e - 1];
                if c == '的' && best.is_none() && e - 1 - s <= 8 && e - 1 > s {
                    name_start = e;
                    continue;
                }
                // Digits only in a count of articles (`某某改革20条`).
                let count = c.is_ascii_digit() && {
                    let mut k = e;
                    while cx.chars.get(k).is_some_and(|d| d.is_ascii_digit()) {
                        k += 1;
                    }
                    cx.chars.get(k) == Some(&'条')
                };
                if !(is_han(c) || count) || "的了和与及、".contains(c) {
                    break;
                }
                if e <= name_start {
                    continue;
                }
                // A verb of carrying on takes only nouns of a programme under
                // way (`推进某某行动`), not of a thing (`推进某某平台`).
                if let Some((_, class)) = PROGRAMME_NOUNS
                    .iter()
                    .find(|(w, _)| cx.ends_with_at(e, w) && (!carry || CARRIED_NOUNS.contains(w)))
                {
                    best = Some((e, *class));
                } else if counted_rules(cx, e) {
                    best = Some((e, "PolicyDocument"));
                }
            }
            let Some((e, class)) = best else {
                if !carry {
                    coordinated_programmes(cx, s, found, quotes, titles);
                }
                continue;
            };
            // A count of measures is named with what they are for, 的 and all
            // (`关心关爱某某的20条措施`): the count alone names nothing.
            if !(counted_rules(cx, e) && e - name_start < 6) {
                s = name_start;
            }
            // `建立了某省首份负面清单`: the place and the ordinal say which one
            // it was; the name is what follows them.
            let mut min_len = 6;
            if let Some(k) = (s..e.saturating_sub(3)).rev().find(|&k| {
                ["首份", "首个", "首张", "首批", "第一个", "第一份"]
                    .iter()
                    .any(|w| cx.starts_with(k, w))
            }) {
                s = k + if cx.chars[k] == '第' { 3 } else { 2 };
                // With its place and ordinal before it, a short name is a
                // name (`首份负面清单`).
                min_len = 4;
            }
            // A project is named by a proper noun of its own (a place, a river),
            // not by common words alone (`战略性新兴产业项目`, `百亿级重大产业项目`).
            let tokens = cx.tokens();
            let own_word = tokens
                .iter()
                .filter(|t| t.start >= s && t.end <= e)
                .any(|t| {
                    use crate::segment::Pos;
                    matches!(t.pos, Pos::Place | Pos::Proper)
                });
            // `推出一批某某项目`: a batch of projects, not one programme.
            if cx.ends_with_at(e, "项目") && (!own_word || batch) {
                continue;
            }
            let inside = |a: usize, b: usize| quoted(quotes, titles, a, b);
            let text = cx.slice(s, e);
            if e - s < min_len
                || described(&text)
                || inside(s, e)
                || found.iter().any(|m| m.span.overlaps(Span::new(s, e)))
                || cx
                    .covering(
                        s,
                        &[
                            EntityType::Agency,
                            EntityType::Company,
                            EntityType::Organization,
                        ],
                    )
                    .is_some()
            {
                continue;
            }
            let text = cx.slice(s, e);
            let mut m = initiative(
                cx,
                s,
                e,
                normalise_name(&text),
                vec![text.clone()],
                class,
                "initiative:unquoted-after-verb",
            );
            m.text = text;
            found.push(m);
        }
    }
}

/// Whether a programme's phrase describes a class of programmes rather than
/// naming one. A verb's complement (`打造成`) or a count inside the phrase
/// (`第三个…项目`, `更多…项目`) makes it a description, and so does a word of
/// kind or rank (`各类`, `重大`, `十大`) or a list closed by 等.
fn described(text: &str) -> bool {
    let ranked = text
        .trim_start_matches(|c: char| "一二三四五六七八九十百千".contains(c))
        .starts_with('大')
        && !text.starts_with('大');
    // A rank close before the noun makes a class (`重大水利工程`); one that
    // opens a longer name is the programme's field (`重点项目审批服务专班`).
    let rank = ["重大", "重点"].iter().any(|w| {
        text.rfind(w)
            .is_some_and(|at| text[at + w.len()..].chars().count() <= 6)
    });
    text.starts_with(['成', '到', '出'])
        || [
            "个", "更多", "一批", "多项", "若干", "一些", "等", "各类", "各项", "相关", "有关",
        ]
        .iter()
        .any(|w| text.contains(w))
        || ranked
        || rank
}

/// `开展甲、乙制度试点`, `开展甲和乙行动`: programmes listed after a creation verb
/// that share the programme noun at the end of the list. The last item is named
/// as written; the others take the shared noun (with a word of kind before it,
/// such as 制度) as their own end.
fn coordinated_programmes(
    cx: &Cx,
    s: usize,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let n = cx.chars.len();
    let tokens = cx.tokens();
    // Where the list's items part: a conjunction the segmenter reads as a word
    // of its own, or 、.
    let mut cuts = Vec::new();
    let mut best = None;
    for e in s + 1..(s + 30).min(n) {
        let c = cx.chars[e - 1];
        let alone = super::super::trim::token_at(tokens, e - 1).is_some_and(|t| t.end == e);
        if c == '、' || "和与及".contains(c) && alone {
            cuts.push(e - 1);
            continue;
        }
        if !is_han(c) || is_stop(c) || "的了".contains(c) {
            break;
        }
        if !cuts.is_empty()
            && let Some((w, class)) = PROGRAMME_NOUNS.iter().find(|(w, _)| cx.ends_with_at(e, w))
            && tokens.binary_search_by_key(&e, |t| t.end).is_ok()
            && super::super::trim::token_at(tokens, e).is_none_or(|t| {
                t.function || t.pos == crate::segment::Pos::Verb || !is_han(cx.chars[e])
            })
        {
            best = Some((e, *w, *class));
        }
    }
    let Some((e, noun, class)) = best else { return };
    let cuts: Vec<usize> = cuts.into_iter().filter(|&c| c < e).collect();
    let Some(&last_cut) = cuts.last() else { return };
    let noun_start = e - noun.chars().count();
    if noun_start <= last_cut + 1 || quoted(quotes, titles, s, e) {
        return;
    }
    // The shared end: the programme noun, and a word of kind right before it.
    let head_start = ["制度", "专项", "综合", "改革"]
        .iter()
        .find(|w| cx.ends_with_at(noun_start, w))
        .map_or(noun_start, |w| noun_start - w.chars().count());
    let head = cx.slice(head_start, e);
    let mut items = Vec::new();
    let mut a = s;
    for &c in &cuts {
        items.push((a, c));
        a = c + 1;
    }
    items.push((a, e));
    let last = items.len() - 1;
    // Every item must be a phrase of its own: four characters or more (shorter
    // ones are mostly modifiers: `居家和社区养老服务`) and no function word
    // inside.
    let ok = items.iter().enumerate().all(|(k, &(a, b))| {
        let (end, min) = if k == last { (head_start, 2) } else { (b, 4) };
        end >= a + min
            && tokens
                .iter()
                .filter(|t| t.start >= a && t.end <= end)
                .all(|t| !t.function)
    });
    // A count in the last item (`甲和乙两个产业链专班`) says the items were
    // modifiers of one programme.
    if !ok || e - s < 7 || cx.slice(last_cut, e).contains('个') {
        return;
    }
    // Items joined only by 和, 与 or 及 mostly describe one programme's two
    // fields (`打击某某和某某专项行动`, `某某保护与发展项目`); only 、 parts
    // programmes of their own. The whole is named when it names one.
    if !cuts.iter().any(|&c| cx.chars[c] == '、') {
        let text = cx.slice(s, e);
        if e - s <= 24
            && noun != "项目"
            && !described(&text)
            && !found.iter().any(|m| m.span.overlaps(Span::new(s, e)))
        {
            let mut m = initiative(
                cx,
                s,
                e,
                normalise_name(&text),
                vec![text.clone()],
                class,
                "initiative:unquoted-joined",
            );
            m.text = text;
            found.push(m);
        }
        return;
    }
    // An item opening with a rank (`重大政策、重大工程项目`) speaks of a class.
    if items.iter().any(|&(a, b)| {
        let item = cx.slice(a, b);
        item.starts_with("重大") || item.starts_with("重点") || described(&item)
    }) {
        return;
    }
    for (k, &(a, b)) in items.iter().enumerate() {
        let text = cx.slice(a, b);
        let name = if k == last {
            text.clone()
        } else {
            format!("{text}{head}")
        };
        if found.iter().any(|m| m.span.overlaps(Span::new(a, b))) {
            continue;
        }
        let mut m = initiative(
            cx,
            a,
            b,
            normalise_name(&name),
            vec![name.clone()],
            class,
            "initiative:unquoted-list",
        );
        m.text = text;
        found.push(m);
    }
}

/// Verbs after a programme's name that say it starts or runs.
const STARTS: [&str; 9] = [
    "启动",
    "上线",
    "运行",
    "开通",
    "落地",
    "投入使用",
    "揭牌",
    "建成",
    "开始",
];
/// Words that may stand between the name and such a verb.
const BEFORE_START: [&str; 9] = [
    "即将", "正式", "已经", "日前", "近日", "全面", "已", "将", "也",
];

/// `某某监管平台正式上线`, `，某某流动平台即将启动`: a programme that is the
/// subject of a verb of starting or running, named by a whole clause opening
/// (punctuation or the text's start before it) and ending in a programme noun.
/// Six to sixteen characters, no function word, no determiner, no verb first;
/// a place that opens the name is also left out of one alias.
pub(super) fn programmes_that_start(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    use crate::segment::Pos;
    let tokens = cx.tokens();
    for v in STARTS {
        for at in occurrences(cx, v) {
            let mut e = at;
            while let Some(w) = BEFORE_START.iter().find(|w| cx.ends_with_at(e, w)) {
                e -= w.chars().count();
            }
            let Some((noun, class)) = PROGRAMME_NOUNS.iter().find(|(w, _)| cx.ends_with_at(e, w))
            else {
                continue;
            };
            // A project is named by a proper noun of its own; the rule for
            // projects after a creation verb judges that.
            if *noun == "项目" {
                continue;
            }
            // Back over the segmenter's words, not characters: a character
            // that often stands before names (`在` of `在线`) may be inside one.
            let Some(mut s) = words_back(cx, e, |_| false) else {
                continue;
            };
            let opens = s == 0 || "，。；：！？\n".contains(cx.chars[s - 1]);
            if !opens || e - s < 6 || e - s > 16 {
                continue;
            }
            // `全国首个某某平台`: the place and the ordinal say which one; the
            // name is what follows them.
            if let Some((k, w)) = (s..e.saturating_sub(4)).rev().find_map(|k| {
                ["首个", "首份", "首批", "首家"]
                    .iter()
                    .find(|w| cx.starts_with(k, w))
                    .map(|w| (k, *w))
            }) {
                s = k + w.chars().count();
            }
            let inside: Vec<_> = tokens.iter().filter(|t| t.start < e && t.end > s).collect();
            let first = cx.slice(s, inside.first().map_or(s, |t| t.end.min(e)));
            if inside
                .first()
                .is_none_or(|t| t.start != s || t.pos == Pos::Verb)
                || inside.iter().any(|t| t.function)
                || GENERIC_PREFIXES.contains(&first.as_str())
                || first.starts_with(['这', '该', '此', '各', '本', '每'])
                || found.iter().any(|m| m.span.overlaps(Span::new(s, e)))
                || quoted(quotes, titles, s, e)
                || cx
                    .covering(
                        s,
                        &[
                            EntityType::Agency,
                            EntityType::Company,
                            EntityType::Organization,
                            EntityType::Person,
                        ],
                    )
                    .is_some()
            {
                continue;
            }
            let text = cx.slice(s, e);
            let mut aliases = vec![text.clone()];
            if let Some(place) = cx
                .mentions
                .iter()
                .find(|m| m.ty == EntityType::Division && m.span.start == s && m.span.end + 4 <= e)
            {
                aliases.push(cx.slice(place.span.end, e));
            }
            let mut m = initiative(
                cx,
                s,
                e,
                normalise_name(&text),
                aliases,
                class,
                "initiative:starts",
            );
            m.text = text;
            found.push(m);
        }
    }
}

/// `在某某学习教育中`, `在第二批某某实践活动中`: a campaign the sentence's
/// actors work within, named between 在 and 中 and ended by a programme noun.
/// Six characters at least (`在专项行动中` names none), no determiner
/// (`在这次某某行动中`), and 的 only in `党的`, which such national campaigns open
/// with.
pub(super) fn campaigns_in_progress(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let n = cx.chars.len();
    for at in occurrences(cx, "在") {
        let mut s = at + 1;
        // An ordinal batch (`第二批`) says which round, not which campaign.
        if cx.chars.get(s) == Some(&'第') {
            let digits = (s + 1..n)
                .take_while(|&k| "一二三四五六七八九十".contains(cx.chars[k]))
                .count();
            if digits > 0 && cx.chars.get(s + 1 + digits) == Some(&'批') {
                s += digits + 2;
            }
        }
        let Some(e) = (s + 6..(s + 20).min(n)).find(|&e| cx.chars[e] == '中') else {
            continue;
        };
        let text = cx.slice(s, e);
        let body = text.strip_prefix("党的").unwrap_or(&text);
        let Some((noun, class)) = PROGRAMME_NOUNS.iter().find(|(w, _)| text.ends_with(w)) else {
            continue;
        };
        // The campaign's own words come first: not a body or a place acting
        // (`某组织维和行动`), not a verb (`打击某某行动`), and not one everyday
        // word (`教育实践活动`).
        use crate::segment::Pos;
        let body_start = e - body.chars().count();
        let core_end = e - noun.chars().count();
        let first = super::super::trim::token_at(cx.tokens(), body_start);
        let own_words = first.is_some_and(|t| {
            let everyday = t.end == core_end
                && crate::segment::frequency(&cx.slice(t.start, t.end))
                    >= crate::segment::COMMON_WORD;
            !matches!(t.pos, Pos::Organization | Pos::Place | Pos::Verb) && !everyday
        });
        if !own_words
            || !body.chars().all(|c| is_han(c) && !is_stop(c))
            || ["这", "此", "本", "该", "各"]
                .iter()
                .any(|w| text.starts_with(w))
            || quoted(quotes, titles, s, e)
            || found.iter().any(|m| m.span.overlaps(Span::new(s, e)))
        {
            continue;
        }
        let mut m = initiative(
            cx,
            s,
            e,
            normalise_name(&text),
            vec![text.clone()],
            class,
            "initiative:in-campaign",
        );
        m.text = text;
        found.push(m);
    }
}

/// Negative lists named by their field (`外商投资准入负面清单`,
/// `跨境服务贸易负面清单`): the segmenter's words before `负面清单` back to a
/// verb (`缩减`, `实施`), a function word or punctuation, past an edition's
/// word (`新版`). A list named by nothing more is a kind.
pub(super) fn negative_lists(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    use crate::segment::Pos;
    let tokens = cx.tokens();
    for at in occurrences(cx, "负面清单") {
        let e = at + 4;
        let Some(mut s) = words_back(cx, at, |w| ["新版", "首张", "全国统一"].contains(&w))
        else {
            continue;
        };
        // A body named before is who issued it (`国务院日前…`); a place is the
        // list's own (`某省跨境服务贸易负面清单`).
        if let Some(after) = cx
            .mentions
            .iter()
            .filter(|m| m.ty != EntityType::Division && m.span.start >= s && m.span.end <= at)
            .map(|m| m.span.end)
            .max()
        {
            s = after;
        }
        // Verbs that took the list in (`修订完成`, `缩减`) and a time before
        // them (`日前`) end at its field.
        while let Some(t) = super::super::trim::token_at(tokens, s)
            && t.end <= at
            && (t.pos == Pos::Verb
                || ["日前", "近日", "目前", "今年", "去年", "全面"]
                    .contains(&cx.slice(t.start, t.end).as_str()))
        {
            s = t.end;
        }
        let span = Span::new(s, e);
        // `准入前国民待遇加负面清单`: a way of managing investment, of which
        // the list is one part.
        if at < s + 2
            || cx.chars[at - 1] == '加'
            || quoted(quotes, titles, s, e)
            || found.iter().any(|m| m.span.overlaps(span))
            || cx.mentions.iter().any(|m| m.span.overlaps(span))
        {
            continue;
        }
        let text = cx.slice(s, e);
        let mut m = initiative(
            cx,
            s,
            e,
            normalise_name(&text),
            vec![text.clone()],
            "PolicyDocument",
            "initiative:negative-list",
        );
        m.text = text;
        found.push(m);
    }
}

/// The national five-year plans by their number (`“十三五”`, `十四五规划`):
/// quoted, or before 规划 or 时期. One node per plan, named by its number.
pub(super) fn five_year_plans(cx: &Cx, found: &mut Vec<Mention>) {
    let digits = "一二三四五六七八九";
    for i in 0..cx.chars.len().saturating_sub(2) {
        let plan =
            cx.chars[i] == '十' && digits.contains(cx.chars[i + 1]) && cx.chars[i + 2] == '五';
        if !plan {
            continue;
        }
        let (s, e) = (i, i + 3);
        let quoted = i > 0 && cx.chars[i - 1] == '“' && cx.chars.get(e) == Some(&'”');
        let named = ["规划", "时期", "期间", "计划"]
            .iter()
            .any(|w| cx.starts_with(e + usize::from(quoted), w));
        let (s, e) = if quoted { (s - 1, e + 1) } else { (s, e) };
        if !(quoted || named) || found.iter().any(|m| m.span.overlaps(Span::new(s, e))) {
            continue;
        }
        let name = cx.slice(i, i + 3);
        found.push(initiative(
            cx,
            s,
            e,
            name.clone(),
            vec![name.clone(), format!("{name}规划")],
            "PolicyDocument",
            "initiative:five-year-plan",
        ));
    }
}

/// Rules named by their count (`中央八项规定`, `某项规定精神`): a numeral and
/// 项规定, with the issuing level before it when the text gives one. Every
/// mention of the same count is one node, named as fully as the text names it.
pub(super) fn numbered_rules(cx: &Cx, found: &mut Vec<Mention>) {
    let digits = "一二三四五六七八九十";
    for i in 0..cx.chars.len() {
        if !digits.contains(cx.chars[i]) || !cx.starts_with(i + 1, "项规定") {
            continue;
        }
        // `十二项规定`: the count starts at the first numeral.
        if i > 0 && digits.contains(cx.chars[i - 1]) {
            continue;
        }
        let e = i + 4;
        let s = if i >= 2 && cx.slice(i - 2, i) == "中央" {
            i - 2
        } else {
            i
        };
        if found.iter().any(|m| m.span.overlaps(Span::new(s, e))) {
            continue;
        }
        let short = cx.slice(i, e);
        let name = cx.slice(s, e);
        let mut m = initiative(
            cx,
            s,
            e,
            name.clone(),
            vec![name.clone(), short.clone(), format!("{name}精神")],
            "PolicyDocument",
            "initiative:numbered-rules",
        );
        m.key = short;
        found.push(m);
    }
}
