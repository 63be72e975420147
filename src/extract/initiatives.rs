//! Initiatives named in quotes and titles: a quoted name with evidence (a cue
//! noun after it, a creation verb before it), 《…》 policy documents, and
//! unquoted programmes right after a creation verb (`组建某某产业招商专班`).
//! Events named without quotes are `events`; who runs an initiative is
//! `relations`.

use super::lexicon::{
    COMMON_LAW_WORDS, CREATION_VERBS, DOCUMENT_WORDS, GENERIC_PREFIXES, INITIATIVE_CUES,
    INITIATIVE_VERBS, LAW_ENDINGS, LAW_VERBS, PROGRAMME_NOUNS, REFORM_VERBS,
};
use super::names::normalise_name;
use super::{Cx, Mention, is_han, is_stop};
use crate::model::{EntityType, Span};

/// Initiative mentions: “…” with evidence, and 《…》 policy documents.
pub fn find(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut titles: Vec<(usize, usize)> = Vec::new();
    let mut found: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < n {
        if cx.chars[i] == '《'
            && let Some(len) = cx.chars[i + 1..].iter().take(60).position(|&c| c == '》')
        {
            let (s, e) = (i + 1, i + 1 + len);
            titles.push((i, e + 1));
            let inner = cx.slice(s, e);
            let before = cx.slice(i.saturating_sub(3), i);
            let doc_like = DOCUMENT_WORDS.iter().any(|w| inner.contains(w))
                || [
                    "制定", "出台", "印发", "发布", "实施", "贯彻", "签署", "签订", "修订", "颁布",
                    "退出", "遵守",
                ]
                .iter()
                .any(|v| before.contains(v));
            let paper = inner.ends_with('报') || inner.ends_with("杂志") || inner.ends_with('网');
            if doc_like && !paper && len >= 2 {
                let plain = normalise_name(&inner);
                let mut aliases = vec![inner.clone(), plain.clone()];
                // An inner quoted name is another way to say it.
                if let (Some(a), Some(b)) = (inner.find('“'), inner.find('”'))
                    && a < b
                {
                    aliases.push(inner[a + '“'.len_utf8()..b].to_string());
                }
                found.push(initiative(
                    cx,
                    i,
                    e + 1,
                    plain,
                    aliases,
                    "PolicyDocument",
                    "initiative:title",
                ));
            }
            i = e + 1;
            continue;
        }
        i += 1;
    }
    // Quoted names.
    let mut quotes: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if cx.chars[i] == '“'
            && let Some(len) = cx.chars[i + 1..].iter().take(40).position(|&c| c == '”')
        {
            quotes.push((i, i + len + 2));
            // Look inside for single-quoted names.
            let inner_quoted = cx.chars[i + 1..i + 1 + len].contains(&'‘');
            i += if inner_quoted { 1 } else { len + 2 };
            continue;
        }
        // Single quotes nest inside a quotation (`“……‘项目一链办’……”`).
        if cx.chars[i] == '‘'
            && let Some(len) = cx.chars[i + 1..].iter().take(30).position(|&c| c == '’')
        {
            quotes.push((i, i + len + 2));
            i += len + 2;
            continue;
        }
        i += 1;
    }
    for (qi, &(qs, qe)) in quotes.iter().enumerate() {
        if titles.iter().any(|&(s, e)| s <= qs && qe <= e) {
            continue;
        }
        let inner = cx.slice(qs + 1, qe - 1);
        let len = inner.chars().count();
        // Two characters (`“某改”工程`) make a name only with a cue after them.
        let two_with_cue = len == 2
            && cue_after(cx, qe).is_some()
            && crate::segment::frequency(&inner) < crate::segment::COMMON_WORD;
        if !((3..=24).contains(&len) || two_with_cue)
            || inner.contains(['，', ',', '。', '！', '？', '：', '；'])
            || inner.ends_with('化')
        {
            continue;
        }
        // A cue noun after the quote (possibly after other quotes in a list), or at
        // the end of the quoted name itself.
        let mut cue = cue_after(cx, qe);
        let mut k = qi;
        while cue.is_none() && k + 1 < quotes.len() {
            let (ns, ne) = quotes[k + 1];
            // A single quote inside the quotation before it is not the next item
            // of a list: the list goes on only with quotes that start after it.
            if ns < quotes[k].1 {
                break;
            }
            let gap = cx.slice(quotes[k].1, ns);
            if gap.is_empty() || gap == "、" || gap == "和" || gap == "及" {
                cue = cue_after(cx, ne).map(|(_, c, class)| (qe, c, class));
                k += 1;
            } else {
                break;
            }
        }
        // Single quotes inside speech are mostly figures of speech (‘加油站’), so
        // only a cue after them or a verb before them makes them names.
        let single = cx.chars[qs] == '‘';
        // A quoted name ending in 项目 is a firm's project (`“某某饮品项目”`,
        // which `organisations` reads as its brand's), not a programme.
        let inner_cue = INITIATIVE_CUES
            .iter()
            .find(|(c, _)| inner.ends_with(c) && inner.chars().count() > c.chars().count() + 1)
            .filter(|(c, _)| !single && *c != "项目");
        let before = cx.slice(qs.saturating_sub(4), qs);
        // A strong creation verb a few modifiers back in the same clause counts too.
        let clause_start = (qs.saturating_sub(10)..qs)
            .rev()
            .find(|&k| !is_han(cx.chars[k]) || "的了是".contains(cx.chars[k]))
            .map_or(qs.saturating_sub(10), |k| k + 1);
        let clause = cx.slice(clause_start, qs);
        let verb = INITIATIVE_VERBS.iter().any(|v| before.ends_with(v))
            || CREATION_VERBS.iter().any(|v| clause.contains(v));
        let digits_first = inner.starts_with(|c: char| c.is_ascii_digit());
        // A name quoted more than once in the article is a name even where a
        // description follows it (`共建“某某”的重大项目`); once found, such
        // mentions add nothing but a place to guess its launcher from.
        let recurs = quotes
            .iter()
            .filter(|&&(s, e)| cx.slice(s + 1, e - 1) == inner)
            .count()
            > 1
            && !found.iter().any(|m| m.name == normalise_name(&inner));
        let (class, full_end, cue_text) = match (cue, inner_cue) {
            (Some((end, c, class)), _) => (class, end, Some(c)),
            (None, Some((_, class))) => (*class, qe, None),
            (None, None)
                // A slogan of clauses (`“某某受理、某某审批”`) is no name
                // without a cue; a list of single words (`“引、投、贷”`) may be.
                if verb
                    && !digits_first
                    && !(inner.contains('、')
                        && inner.split('、').all(|part| part.chars().count() >= 4))
                    && len >= 3
                    && (recurs || cx.chars.get(qe) != Some(&'的')) =>
            {
                ("Campaign", qe, None)
            }
            _ => continue,
        };
        let plain = normalise_name(&inner);
        let mut aliases = vec![plain.clone()];
        if let Some(c) = cue_text
            && full_end > qe
        {
            let tail = cx.slice(qe, full_end);
            aliases.push(format!("{plain}{tail}"));
            aliases.push(format!("“{inner}”{tail}"));
            let _ = c;
        }
        let mut m = initiative(
            cx,
            qs,
            full_end.max(qe),
            plain,
            aliases,
            class,
            "initiative:quote",
        );
        if cue_text.is_none() && inner_cue.is_none() {
            m.rule = "initiative:quote-after-verb";
        }
        found.push(m);
    }
    unquoted_programmes(cx, &mut found, &quotes, &titles);
    unquoted_laws(cx, &mut found, &quotes, &titles);
    unquoted_reforms(cx, &mut found, &quotes, &titles);
    five_year_plans(cx, &mut found);
    numbered_rules(cx, &mut found);
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// `组建某某产业招商专班`, `搭建某某监督平台`: a phrase of at least seven characters
/// right after a creation verb and ending in a programme noun, outside quotes.
fn unquoted_programmes(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let n = cx.chars.len();
    for v in CREATION_VERBS.iter() {
        for at in occurrences(cx, v) {
            let mut s = at + v.chars().count();
            // `启动实施某某行动`, `发布实施某某计划`: a second verb of creation
            // follows the first.
            while let Some(next) = CREATION_VERBS.iter().find(|w| cx.starts_with(s, w)) {
                s += next.chars().count();
            }
            // `启动了某某行动方案`, `实施新一轮某某行动`: the aspect mark and a
            // round's count are no part of the name.
            if cx.chars.get(s) == Some(&'了') {
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
            for e in s + 1..(s + 17).min(n) {
                let c = cx.chars[e - 1];
                if !is_han(c) || "的了和与及、".contains(c) {
                    break;
                }
                if let Some((_, class)) =
                    PROGRAMME_NOUNS.iter().find(|(w, _)| cx.ends_with_at(e, w))
                {
                    best = Some((e, *class));
                }
            }
            let Some((e, class)) = best else {
                coordinated_programmes(cx, s, found, quotes, titles);
                continue;
            };
            // `建立了某省首份负面清单`: the place and the ordinal say which one
            // it was; the name is what follows them.
            let mut min_len = 7;
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
            let inside = |a: usize, b: usize| {
                quotes
                    .iter()
                    .chain(titles.iter())
                    .any(|&(qs, qe)| qs < b && a < qe)
            };
            // A verb's complement (`实施好`, `打造成`) or a count inside the
            // phrase (`第三个…项目`, `更多…项目`) makes it a description.
            let text = cx.slice(s, e);
            let described = "好成到出".contains(cx.chars[s])
                || ["个", "更多", "一批", "多项", "若干", "一些"]
                    .iter()
                    .any(|w| text.contains(w));
            if e - s < min_len
                || described
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
        let alone = super::trim::token_at(tokens, e - 1).is_some_and(|t| t.end == e);
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
            && super::trim::token_at(tokens, e).is_none_or(|t| {
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
    if noun_start <= last_cut + 1
        || quotes
            .iter()
            .chain(titles.iter())
            .any(|&(qs, qe)| qs < e && s < qe)
    {
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

/// The national five-year plans by their number (`“十三五”`, `十四五规划`):
/// quoted, or before 规划 or 时期. One node per plan, named by its number.
fn five_year_plans(cx: &Cx, found: &mut Vec<Mention>) {
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
fn numbered_rules(cx: &Cx, found: &mut Vec<Mention>) {
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

/// `深化某某结构性改革`, `探索某某采购改革`: a name of five to fourteen Han
/// characters before 改革, right after a verb of reform, with no word in it
/// that ends a clause. Generic reforms (`全面深化改革`, `相关改革`) name none.
fn unquoted_reforms(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    for v in REFORM_VERBS.iter() {
        for at in occurrences(cx, v) {
            let s = at + v.chars().count();
            let Some(len) = (5..=14).find(|&l| cx.starts_with(s + l, "改革")) else {
                continue;
            };
            let e = s + len + 2;
            let core = cx.slice(s, s + len);
            // Function characters end the clause; others (`供给`) are words.
            if !(s..s + len).all(|k| is_han(cx.chars[k]) && !"的了在是对把被从向将".contains(cx.chars[k]))
                || core.contains(['和', '与', '及', '等'])
                || GENERIC_PREFIXES.iter().any(|g| core.starts_with(g))
                || quotes
                    .iter()
                    .chain(titles.iter())
                    .any(|&(qs, qe)| qs < e && s < qe)
                || found.iter().any(|m| m.span.overlaps(Span::new(s, e)))
                // A company read inside the reform (`某某集团采购改革`) yields to it;
                // anything reaching past its ends does not.
                || cx.mentions.iter().any(|m| {
                    m.span.overlaps(Span::new(s, e))
                        && m.ty != EntityType::Division
                        && !(s <= m.span.start && m.span.end <= e)
                })
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
                "Campaign",
                "initiative:reform",
            );
            m.text = text;
            found.push(m);
        }
    }
}

/// `颁布实施某某法`, `退出某某条约`: a name of four to fourteen characters
/// right after a verb of law (an optional 了 between), ending in a word of law
/// where the segmenter ends a word and the clause goes on no further.
fn unquoted_laws(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let n = cx.chars.len();
    let tokens = cx.tokens();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for v in LAW_VERBS.iter() {
        for at in occurrences(cx, v) {
            // Further verbs and modifiers before the name are no part of it
            // (`贯彻落实好某某法`, `修订现行某某法`).
            let mut s = at + v.chars().count();
            while let Some(w) = LAW_VERBS
                .iter()
                .copied()
                .chain([
                    "了", "好", "并", "通过", "相关", "有关", "现行", "新", "该", "本",
                ])
                .find(|w| cx.starts_with(s, w))
            {
                s += w.chars().count();
            }
            let Some(e) = (s + 1..=(s + 14).min(n))
                .take_while(|&e| {
                    let c = cx.chars[e - 1];
                    is_han(c) && !is_stop(c) && !"的了和与及、".contains(c)
                })
                .find(|&e| {
                    LAW_ENDINGS.iter().any(|w| cx.ends_with_at(e, w))
                        && tokens.binary_search_by_key(&e, |t| t.end).is_ok()
                        && cx
                            .chars
                            .get(e)
                            .is_none_or(|&c| !is_han(c) || "的和与及".contains(c))
                })
            else {
                continue;
            };
            let span = Span::new(s, e);
            let last = tokens
                .iter()
                .rfind(|t| t.end == e)
                .map(|t| cx.slice(t.start, t.end))
                .unwrap_or_default();
            let inside = quotes
                .iter()
                .chain(titles.iter())
                .any(|&(qs, qe)| qs < e && s < qe);
            if e - s < 4
                || COMMON_LAW_WORDS
                    .iter()
                    .any(|w| last.ends_with(w) || cx.ends_with_at(e, w))
                || inside
                || taken.iter().any(|&(a, b)| a < e && s < b)
                || found.iter().any(|m| m.span.overlaps(span))
                || cx.mentions.iter().any(|m| m.span.overlaps(span))
            {
                continue;
            }
            taken.push((s, e));
            let text = cx.slice(s, e);
            found.push(initiative(
                cx,
                s,
                e,
                normalise_name(&text),
                vec![text.clone()],
                "PolicyDocument",
                "initiative:unquoted-law",
            ));
        }
    }
}

/// Where `word` starts in the text, in order.
fn occurrences(cx: &Cx, word: &str) -> Vec<usize> {
    let w: Vec<char> = word.chars().collect();
    if w.is_empty() || w.len() > cx.chars.len() {
        return Vec::new();
    }
    cx.chars
        .windows(w.len())
        .enumerate()
        .filter(|(_, c)| *c == &w[..])
        .map(|(at, _)| at)
        .collect()
}

/// A cue noun within six modifier characters after position `at`.
fn cue_after(cx: &Cx, at: usize) -> Option<(usize, &'static str, &'static str)> {
    for gap in 0..=6 {
        if gap > 0 {
            let c = *cx.chars.get(at + gap - 1)?;
            if !is_han(c) || is_stop(c) {
                return None;
            }
        }
        for &(cue, class) in INITIATIVE_CUES.iter() {
            // Single-character cues only right after the quote.
            if cue.chars().count() == 1 && gap > 0 {
                continue;
            }
            if cx.starts_with(at + gap, cue) {
                return Some((at + gap + cue.chars().count(), cue, class));
            }
        }
    }
    None
}

fn initiative(
    cx: &Cx,
    s: usize,
    e: usize,
    name: String,
    mut aliases: Vec<String>,
    class: &'static str,
    rule: &'static str,
) -> Mention {
    aliases.retain(|a| !a.is_empty());
    aliases.sort();
    aliases.dedup();
    Mention {
        ty: EntityType::Initiative,
        span: Span::new(s, e),
        text: cx.slice(s, e),
        key: name.clone(),
        name,
        aliases,
        class: Some(class),
        div: None,
        role: None,
        rule,
        anaphoric: false,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn initiatives(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Initiative)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn an_unquoted_law_after_a_verb_of_law_is_a_document() {
        assert_eq!(initiatives("会议审议通过了滩涂养护法。"), ["滩涂养护法"]);
        assert_eq!(
            initiatives("贯彻落实好现行滩涂养护条例，"),
            ["滩涂养护条例"]
        );
        assert!(initiatives("制定了新的考核办法。").is_empty());
        assert!(initiatives("要依法实施行政执法。").is_empty());
    }

    #[test]
    fn a_named_reform_after_a_verb_of_reform_is_an_initiative() {
        assert_eq!(
            initiatives("成都持续深化供给侧结构性改革。"),
            ["供给侧结构性改革"]
        );
        assert_eq!(
            initiatives("某市探索药品集中采购改革，三年来成效显著。"),
            ["药品集中采购改革"]
        );
        assert!(initiatives("要全面深化改革。").is_empty());
        assert!(initiatives("推进相关领域改革。").is_empty());
    }

    #[test]
    fn programmes_listed_before_a_shared_noun_each_take_it() {
        assert_eq!(
            initiatives("某省今年将开展科技保险补贴、人才贷款贴息制度试点。"),
            ["科技保险补贴制度试点", "人才贷款贴息制度试点"]
        );
        // Short items are modifiers, and a count says so too.
        assert!(initiatives("某地开展居家和社区养老服务改革试点。").is_empty());
        assert!(initiatives("某区组建新能源汽车和智能装备两个产业链招商专班。").is_empty());
    }

    #[test]
    fn a_project_needs_a_proper_name_and_an_ordinal_is_no_part_of_a_name() {
        assert_eq!(
            initiatives("某省实施黄河滩区综合治理项目，关停污染企业。"),
            ["黄河滩区综合治理项目"]
        );
        assert!(initiatives("深圳市推出了一批战略性新兴产业项目。").is_empty());
        assert!(initiatives("某市组织实施好基层服务项目。").is_empty());
        assert_eq!(initiatives("某区建立了广东省首份负面清单。"), ["负面清单"]);
    }

    #[test]
    fn five_year_plans_by_their_number() {
        assert_eq!(initiatives("“十四五”时期，某省将加快发展。"), ["十四五"]);
        assert_eq!(initiatives("某市编制十三五规划纲要。"), ["十三五"]);
        assert!(initiatives("十五年来，某村变了样。").is_empty());
    }

    #[test]
    fn rules_named_by_their_count() {
        assert_eq!(initiatives("严格落实中央八项规定精神。"), ["中央八项规定"]);
        assert!(initiatives("这项规定很严。").is_empty());
    }
}
