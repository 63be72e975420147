//! Initiatives named in quotes and titles: a quoted name with evidence (a cue
//! noun after it, a creation verb before it), 《…》 policy documents, and
//! the names written without either (`initiatives::unquoted`: programmes after a
//! creation verb, laws, reforms, five-year plans, rules named by their count).
//! Routes built as projects (`某某铁路`, `某某班列`) are `routes`. Events
//! named without quotes are `events`; who runs an initiative is
//! `relations`.

use super::lexicon::{
    APPOSITIVE_CUES, CAMPAIGN_HEADS, CREATION_VERBS, DOCUMENT_WORDS, EVENT_NOUNS, GATHERING_NOUNS,
    INITIATIVE_CUES, INITIATIVE_VERBS,
};
mod bilateral;
mod campaigns;
mod laws;
mod passed;
mod routes;
mod scoped;
mod unquoted;

use super::names::normalise_name;
use super::{Cx, Mention, is_han, is_stop};
use crate::model::{EntityType, Span};
use bilateral::bilateral_names;
use campaigns::{named_campaigns, scoped_proposals};
use laws::{laws_before_a_bill, named_laws, unquoted_decisions, unquoted_laws};
use passed::{congress_reports, passed_documents, standing_documents};
use routes::{named_routes, named_strategies};
use scoped::scoped_programmes;
use unquoted::{
    campaigns_in_progress, counted_rules, five_year_plans, negative_lists, numbered_rules,
    programmes_that_start, unquoted_programmes,
};

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
            // A draft in title marks is always a document, whatever its kind
            // (`《某区行政区域图（草案）》`).
            let document = DOCUMENT_WORDS.iter().any(|w| inner.contains(w))
                || inner.contains("草案")
                || [
                    "制定", "出台", "印发", "发布", "实施", "贯彻", "签署", "签订", "修订", "颁布",
                    "退出", "遵守",
                ]
                .iter()
                .any(|v| before.contains(v));
            let book = !document && published(cx, e + 1);
            let doc_like = document || book;
            // A paper's name ends in 报, but a communiqué or a bulletin is a
            // document (`《某某联合新闻公报》`, `《某某情况通报》`).
            let paper = (inner.ends_with('报')
                && !["公报", "通报", "年报", "简报"]
                    .iter()
                    .any(|w| inner.ends_with(w)))
                || inner.ends_with("杂志")
                || inner.ends_with('网');
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
                    if book {
                        "initiative:book"
                    } else {
                        "initiative:title"
                    },
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
        // A quoted name before an event or a plan (`“某某”高峰论坛`,
        // `“某某”规划纲要`) only says what the event or plan is about: the
        // whole is the thing named, another one than the quoted name.
        if cx.chars[qs] == '“'
            && len >= 2
            && let Some(end) = named_after_quote(cx, qe)
        {
            let full = cx.slice(qs, end);
            let plain = normalise_name(&full);
            let class = if cx.ends_with_at(end, "纲要") {
                "PolicyDocument"
            } else {
                "Campaign"
            };
            // A campaign is also called by its quoted words alone (`“某某”专项
            // 行动` is `某某`); an event or a plan on them is another thing.
            let mut aliases = vec![plain.clone(), full];
            if CAMPAIGN_HEADS.iter().any(|h| cx.ends_with_at(end, h)) {
                aliases.push(normalise_name(&inner));
            }
            found.push(initiative(
                cx,
                qs,
                end,
                plain,
                aliases,
                class,
                "initiative:quote-head",
            ));
            // A meeting on a campaign (`“某某”学习教育工作座谈会`) names the
            // campaign too, with its head right after the quote.
            if let Some(head) = CAMPAIGN_HEADS.iter().find(|h| cx.starts_with(qe, h))
                && qe + head.chars().count() < end
            {
                let campaign_end = qe + head.chars().count();
                let full = cx.slice(qs, campaign_end);
                let plain = normalise_name(&full);
                found.push(initiative(
                    cx,
                    qs,
                    campaign_end,
                    plain.clone(),
                    vec![plain, full, normalise_name(&inner)],
                    "Campaign",
                    "initiative:quote-head",
                ));
            }
            continue;
        }
        // Two characters (`“某改”工程`) make a name only with a cue after them.
        let two_with_cue = len == 2
            && cue_after(cx, qe).is_some()
            && crate::segment::frequency(&inner) < crate::segment::COMMON_WORD;
        if !((3..=24).contains(&len) || two_with_cue)
            || inner.contains(['，', ',', '。', '！', '？', '：', '；'])
            || inner.ends_with('化')
            // A manner or a quality (`“一站式”`, `“互助式”`, `“破坏性”`,
            // `“宝塔型”`) describes a programme, it names none; a ceremony
            // or a model (`仪式`, `模式`) may be named.
            || inner.ends_with(['式', '性', '型'])
                && !inner.ends_with("仪式")
                && !inner.ends_with("模式")
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
        // A kind written right before the quote (`电商平台“某某通”`) names it
        // as one of the kind, unless the quote is a clause (`部分项目“先上车、
        // 后补票”`, `行动“已经开始”`): a list, a space or a function word inside.
        let clause_inside = inner.contains(['、', ' '])
            || cx
                .tokens()
                .iter()
                .any(|t| t.start > qs && t.end < qe && t.function);
        // After a kind, a quote opening with a verb is what the thing does
        // (`窗口“开门迎客”`).
        let opens_with_verb = cx
            .tokens()
            .iter()
            .find(|t| t.start == qs + 1)
            .is_some_and(|t| t.pos == crate::segment::Pos::Verb);
        let cue_before = APPOSITIVE_CUES
            .iter()
            .find(|w| cx.ends_with_at(qs, w))
            .and_then(|w| INITIATIVE_CUES.iter().find(|(c, _)| c == w))
            .filter(|_| !single && !clause_inside && !opens_with_verb);
        // An event named whole inside the quote (`“某某购物节”`) is named.
        let inner_event = EVENT_NOUNS
            .iter()
            .find(|w| w.chars().count() >= 2 && inner.ends_with(*w) && len > w.chars().count() + 1)
            .map(|&w| (w, "Campaign"))
            .filter(|_| !single && !clause_inside);
        let (class, full_end, cue_text) = match (cue, inner_cue.or(cue_before).or(inner_event.as_ref())) {
            (Some((end, c, class)), _) => (class, end, Some(c)),
            (None, Some((_, class))) => (*class, qe, None),
            // A package of rules named by its count (`“某某十条”`).
            (None, None) if len >= 4 && counted_rules(cx, qe - 1) => ("PolicyDocument", qe, None),
            (None, None)
                // A slogan of clauses (`“某某受理、某某审批”`) is no name
                // without a cue; a list of single words (`“引、投、贷”`) may be.
                if verb
                    && !digits_first
                    && !(inner.contains('、')
                        && inner.split('、').all(|part| part.chars().count() >= 4))
                    && len >= 3
                    && (recurs || cx.chars.get(qe) != Some(&'的'))
                    // `“某某”式的`: a manner; `打造更多“某某”`: a kind of which
                    // there are many.
                    && !cx.starts_with(qe, "式")
                    && !["更多", "一批", "一大批", "一个个", "众多", "各类"]
                        .iter()
                        .any(|w| cx.ends_with_at(qs, w)) =>
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
    headline_as_document(cx, &mut found);
    unquoted_programmes(cx, &mut found, &quotes, &titles);
    unquoted_laws(cx, &mut found, &quotes, &titles);
    laws_before_a_bill(cx, &mut found, &quotes, &titles);
    unquoted_decisions(cx, &mut found, &quotes, &titles);
    named_laws(cx, &mut found, &quotes, &titles);
    passed_documents(cx, &mut found, &quotes, &titles);
    standing_documents(cx, &mut found, &quotes, &titles);
    congress_reports(cx, &mut found, &quotes, &titles);
    campaigns_in_progress(cx, &mut found, &quotes, &titles);
    named_campaigns(cx, &mut found, &quotes, &titles);
    scoped_proposals(cx, &mut found, &quotes, &titles);
    named_routes(cx, &mut found, &quotes, &titles);
    named_strategies(cx, &mut found, &quotes, &titles);
    programmes_that_start(cx, &mut found, &quotes, &titles);
    scoped_programmes(cx, &mut found, &quotes, &titles);
    bilateral_names(cx, &mut found, &quotes, &titles);
    negative_lists(cx, &mut found, &quotes, &titles);
    five_year_plans(cx, &mut found);
    numbered_rules(cx, &mut found);
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// The end of an event or plan noun within six modifier characters after a
/// closing quote at `at` (`高峰论坛`, `国际合作论坛`, `工作座谈会`, `规划纲要`,
/// a campaign's `主题教育`).
fn named_after_quote(cx: &Cx, at: usize) -> Option<usize> {
    after_modifiers(cx, at, |p, _| {
        EVENT_NOUNS
            .iter()
            .chain(GATHERING_NOUNS.iter())
            .copied()
            .chain(["规划纲要", "纲要"])
            .chain(CAMPAIGN_HEADS.iter().copied())
            .find(|w| w.chars().count() >= 2 && cx.starts_with(p, w))
            .map(|w| p + w.chars().count())
    })
}

/// Whether the title closed at `at` is a book or a collection of writings
/// the sentence has published (`《某某论述摘编》出版发行`, `《某某》一书`,
/// `《甲》《乙》等四部著作`): the words after it, or after the run of titles
/// it opens, hold 出版 (not `出版社`), 一书, 著作 or 单行本 before any mark.
fn published(cx: &Cx, at: usize) -> bool {
    let n = cx.chars.len();
    let mut k = at;
    // Skip the titles listed after this one (`《甲》、《乙》和《丙》`).
    loop {
        let mut j = k;
        if j < n && "、和及与".contains(cx.chars[j]) {
            j += 1;
        }
        if j < n
            && cx.chars[j] == '《'
            && let Some(len) = cx.chars[j + 1..].iter().take(60).position(|&c| c == '》')
        {
            k = j + len + 2;
            continue;
        }
        break;
    }
    let end = (k..n.min(k + 12))
        .find(|&j| "，。；：！？、\n《“".contains(cx.chars[j]))
        .unwrap_or(n.min(k + 12));
    let after = cx.slice(k, end);
    after.contains("一书")
        || after.contains("著作")
        || after.contains("单行本")
        || after
            .match_indices("出版")
            .any(|(b, _)| !after[b..].starts_with("出版社"))
}

/// Whether `s..e` overlaps a quoted name or a title in 《》.
fn quoted(quotes: &[(usize, usize)], titles: &[(usize, usize)], s: usize, e: usize) -> bool {
    quotes
        .iter()
        .chain(titles.iter())
        .any(|&(qs, qe)| qs < e && s < qe)
}

/// Where a name ending at `e` starts, walking back over the segmenter's words
/// (at most 16 characters) to punctuation, a function word or a word `stop`
/// accepts; `None` when no word ends at `e`.
fn words_back(cx: &Cx, e: usize, stop: impl Fn(&str) -> bool) -> Option<usize> {
    let tokens = cx.tokens();
    let mut k = tokens.partition_point(|t| t.end < e);
    if tokens.get(k).is_none_or(|t| t.end != e) {
        return None;
    }
    let mut s = e;
    loop {
        let t = tokens[k];
        if t.function
            || e - t.start > 16
            || !(t.start..t.end).all(|i| is_han(cx.chars[i]))
            || stop(&cx.slice(t.start, t.end))
        {
            return Some(s);
        }
        s = t.start;
        if k == 0 {
            return Some(s);
        }
        k -= 1;
    }
}

/// The first hit of `found` at `at` or after up to six modifier characters
/// (Han characters that are no function words); `found` gets the position
/// and the number of modifiers passed.
fn after_modifiers<T>(cx: &Cx, at: usize, found: impl Fn(usize, usize) -> Option<T>) -> Option<T> {
    for gap in 0..=6 {
        if gap > 0 {
            let c = *cx.chars.get(at + gap - 1)?;
            if !is_han(c) || is_stop(c) {
                return None;
            }
        }
        if let Some(hit) = found(at + gap, gap) {
            return Some(hit);
        }
    }
    None
}

/// An initiative the headline names and the text names again without the cue
/// that found it in the headline (`我国首次发布某某指数` over `某局联合发布了…
/// 某某指数`): every occurrence in the text of a name of six characters or
/// more (shorter ones are mostly slogans, `最后一公里`) is the same initiative, where no other mention covers it and the
/// segmenter reads no word across either end. Without this, the clause that
/// says who launched it would name an initiative no pass found there. Names
/// the text finds itself are left alone: repeating a strategy's name
/// (`某某一路`) would make every subject that mentions it its launcher.
pub fn repeats(cx: &mut Cx) {
    let Some(headline_end) = cx.chars.iter().position(|&c| c == '\n') else {
        return;
    };
    let mut seen: Vec<String> = Vec::new();
    let mut found: Vec<Mention> = Vec::new();
    let named: Vec<Mention> = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Initiative && !m.anaphoric)
        .cloned()
        .collect();
    for m in &named {
        let in_text = named
            .iter()
            .any(|o| o.name == m.name && o.span.start > headline_end);
        if m.span.end > headline_end
            || in_text
            || m.name.chars().count() < 6
            || seen.contains(&m.name)
        {
            continue;
        }
        seen.push(m.name.clone());
        let len = m.name.chars().count();
        for at in occurrences(cx, &m.name) {
            let span = Span::new(at, at + len);
            if cx
                .mentions
                .iter()
                .chain(&found)
                .any(|o| o.span.overlaps(span))
                || cx.word_across(at).is_some()
                || cx.word_across(at + len).is_some()
                || cx.in_book_title(at)
            {
                continue;
            }
            found.push(Mention {
                span,
                text: cx.slice(at, at + len),
                rule: "initiative:repeat",
                ..m.clone()
            });
        }
    }
    cx.mentions.extend(found);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// Where `word` starts in the text, in order.
pub(super) fn occurrences(cx: &Cx, word: &str) -> Vec<usize> {
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
    after_modifiers(cx, at, |p, gap| {
        INITIATIVE_CUES
            .iter()
            // Single-character cues only right after the quote.
            .filter(|(cue, _)| gap == 0 || cue.chars().count() > 1)
            .find(|(cue, _)| cx.starts_with(p, cue))
            .map(|&(cue, class)| (p + cue.chars().count(), cue, class))
    })
}

/// The end of a headline that is itself a document's title: issuers, 关于, and a
/// document word at the end (`某中央 某院关于某某工作的意见`), as when a paper
/// prints a document in full under its title.
pub(super) fn headline_document(cx: &Cx) -> Option<usize> {
    let end = cx.article.body_start.checked_sub(1)?;
    let mut e = end;
    for tail in ["（全文）", "(全文)"] {
        if cx.ends_with_at(e, tail) {
            e -= tail.chars().count();
        }
    }
    let about = (1..e).find(|&k| cx.starts_with(k, "关于"))?;
    let ends_as_document = DOCUMENT_WORDS
        .iter()
        .any(|w| w.chars().count() >= 2 && cx.ends_with_at(e, w));
    let plain = cx.chars[..e]
        .iter()
        .all(|&c| !"《》“”：:，,。？！".contains(c));
    (ends_as_document && plain && about <= 24 && e <= 80).then_some(e)
}

/// A headline that is a document's title names that document.
fn headline_as_document(cx: &Cx, found: &mut Vec<Mention>) {
    let Some(e) = headline_document(cx) else {
        return;
    };
    let text = cx.slice(0, e);
    let plain = normalise_name(&text);
    found.push(initiative(
        cx,
        0,
        e,
        plain.clone(),
        vec![plain, text],
        "PolicyDocument",
        "initiative:headline-document",
    ));
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
    fn a_campaign_after_its_quote_keeps_its_head_and_a_meeting_on_it_names_it() {
        let found = run("标题\n各地开展“青禾三做”学习教育工作座谈会30日召开。");
        let campaign = found
            .mentions
            .iter()
            .find(|m| m.ty == EntityType::Initiative && m.name == "青禾三做学习教育")
            .expect("the campaign inside the meeting's name");
        assert!(campaign.aliases.contains(&"青禾三做".to_string()));
        assert!(
            initiatives("标题\n公安部部署“卡勒森2022”专项行动。")
                .contains(&"卡勒森2022专项行动".to_string())
        );
    }

    #[test]
    fn quoted_workshops_hotlines_tax_halls_and_kitchens_are_service_windows() {
        let found = initiatives(
            "社区开办“青禾助残工坊”。省里开设了“青禾民意快线”。区税务局的“青禾云办税厅”里人不多。“青禾中央厨房”正式运营。",
        );
        for want in [
            "青禾助残工坊",
            "青禾民意快线",
            "青禾云办税厅",
            "青禾中央厨房",
        ] {
            assert!(found.contains(&want.to_string()), "{want} in {found:?}");
        }
    }

    #[test]
    fn a_kind_written_before_a_quote_names_it() {
        let found =
            initiatives("标题\n这时，电商平台“青禾通”找上门来。街道组织了活动“网上才艺汇”。");
        assert!(found.contains(&"青禾通".to_string()), "{found:?}");
        assert!(found.contains(&"网上才艺汇".to_string()), "{found:?}");
        // So does an event's noun at the quote's end, or a campaign's after it.
        let found =
            initiatives("标题\n上海“五五购物节”累计消费金额已达173亿元。当地推行“三清洁”运动。");
        assert!(found.contains(&"五五购物节".to_string()), "{found:?}");
        assert!(found.iter().any(|f| f.starts_with("三清洁")), "{found:?}");
        let found = initiatives(
            "标题\n部分项目“先上车、后补票”。地面行动“实际上已经开始”。服务窗口“开门迎客”，企业很高兴。",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_headlines_initiative_named_again_in_the_text_is_the_same() {
        let gaz = crate::gazetteer::Gazetteer::bundled();
        let doc = crate::read::parse_text(
            "我国首次发布绿色发展指数\n\n　　国家统计局、环境保护部会同有关部门联合发布了2016年我国各地区的绿色发展指数，这是首次发布。\n",
            "t.txt",
            "t",
        )
        .unwrap();
        let ctx = crate::extract::document_context(&[doc.articles[0].text.as_str()], &gaz);
        let ex = crate::extract::extract(&doc.articles[0], &gaz, &ctx);
        let repeats = ex
            .mentions
            .iter()
            .filter(|m| m.rule == "initiative:repeat")
            .count();
        assert_eq!(repeats, 1, "{:?}", ex.mentions);
        assert!(
            ex.relations
                .iter()
                .any(|r| r.predicate == crate::model::Predicate::LaunchedBy),
            "{:?}",
            ex.relations
        );
    }

    #[test]
    fn a_quoted_manner_or_quality_names_no_programme() {
        assert!(initiatives("中心推行“互助式”养老服务。").is_empty());
        assert!(initiatives("窗口提供“一站式”服务。").is_empty());
        assert_eq!(initiatives("窗口提供“甲乙通”服务。"), ["甲乙通"]);
        assert!(initiatives("全市正在实施“精耕细作”式的治理。").is_empty());
        assert!(initiatives("要培育打造更多“隐形冠军”。").is_empty());
    }

    #[test]
    fn a_headline_that_is_a_documents_title_names_it_and_its_issuers() {
        use crate::extract::{document_context, explain, extract};
        let gaz = crate::gazetteer::Gazetteer::bundled();
        let text = "中共中央 国务院关于做好某某工作的意见\n\n　　某某工作关系全局。\n";
        let doc = crate::read::parse_text(text, "t.txt", "t").unwrap();
        let texts: Vec<&str> = doc.articles.iter().map(|a| a.text.as_str()).collect();
        let ex = extract(&doc.articles[0], &gaz, &document_context(&texts, &gaz));
        let listing = explain(&doc.articles[0], &ex);
        for line in [
            "中共中央国务院关于做好某某工作的意见 launchedBy 中共中央",
            "中共中央国务院关于做好某某工作的意见 launchedBy 国务院",
        ] {
            assert!(listing.contains(line), "{listing}");
        }
        // Inside 《》, the same issuers open the title.
        let ex = run("会议传达了《中共中央、国务院关于做好某某工作的意见》。");
        let issuers = ex
            .relations
            .iter()
            .filter(|r| r.predicate == crate::model::Predicate::LaunchedBy)
            .count();
        assert_eq!(issuers, 2, "{ex:?}");
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
    fn a_law_listed_among_those_passed_runs_from_mark_to_mark() {
        let found = initiatives("会议经表决，通过了城市维护建设税法、契税法。");
        assert!(found.contains(&"城市维护建设税法".to_string()), "{found:?}");
        let found = initiatives("会议经表决，通过了期货和衍生品法、新修订的职业教育法。");
        assert!(found.contains(&"期货和衍生品法".to_string()), "{found:?}");
        // A short law is whole, and a law before a conjunction is its own.
        let found = initiatives("要尊重宪法、维护宪法、运用宪法。");
        assert!(found.iter().all(|l| l == "宪法"), "{found:?}");
        let found = initiatives("根据某某基本法和某某选举条例，他当选。");
        assert!(found.contains(&"某某选举条例".to_string()), "{found:?}");
    }

    #[test]
    fn a_law_named_anywhere_is_a_document() {
        assert_eq!(
            initiatives("一些企业违反滩涂养殖保护法，受到处罚。"),
            ["滩涂养殖保护法"]
        );
        assert_eq!(initiatives("各地要遵守宪法。"), ["宪法"]);
        // A numbered amendment is an act of its own.
        assert_eq!(
            initiatives("会议表决通过刑法修正案（十二）。"),
            ["刑法修正案(十二)"]
        );
        // Everyday words, kinds of law, idioms and a committee's field name no law.
        assert!(initiatives("这种做法值得推广，要把罪犯绳之以法。").is_empty());
        assert!(initiatives("会议讨论了组织法的作用。").is_empty());
        assert!(initiatives("他是宪法和法律委员会委员。").is_empty());
        assert!(initiatives("双方祝贺中法建交。").is_empty());
        // A verb right before a bare 条例 names its field; a verb alone does not.
        assert_eq!(
            initiatives("会议通过城镇住房保障条例。"),
            ["城镇住房保障条例"]
        );
        assert!(initiatives("要进一步强化条例的执行。").is_empty());
        // Idioms of upholding and commemorating a law are no part of its name.
        assert_eq!(initiatives("要充分发挥基本法的作用。"), ["基本法"]);
        assert_eq!(initiatives("全面准确贯彻落实基本法。"), ["基本法"]);
    }

    #[test]
    fn a_reform_without_quotes_is_a_kind_not_a_name() {
        // Unquoted reforms were mostly kinds (`深化自贸试验区改革`): on the
        // real items four were found for fourteen false.
        assert!(initiatives("成都持续深化供给侧结构性改革。").is_empty());
        assert!(initiatives("要全面深化改革。").is_empty());
        assert!(initiatives("推进相关领域改革。").is_empty());
    }

    #[test]
    fn programmes_joined_by_a_conjunction_are_one_and_ranked_lists_none() {
        assert_eq!(
            initiatives("某地开展农村垃圾分类和资源化利用示范试点。"),
            ["农村垃圾分类和资源化利用示范试点"]
        );
        assert!(initiatives("研究推出一批重大政策、重大改革举措、重大工程项目。").is_empty());
    }

    #[test]
    fn a_treaty_keeps_the_parties_written_before_it() {
        assert_eq!(
            initiatives(
                "会议决定批准中国和甲乙国引渡条约，审议中华人民共和国和丙丁共和国关于刑事司法协助的条约。"
            ),
            [
                "中国和甲乙国引渡条约",
                "中华人民共和国和丙丁共和国关于刑事司法协助的条约"
            ]
        );
        // Without its parties, a treaty `关于…的` is described, not named.
        assert!(initiatives("两国关于互免签证的协定已经生效。").is_empty());
        // Nor is one counted (`39项`).
        assert!(initiatives("中国已对外缔结39项引渡条约。").is_empty());
        // Completing it is no part of its name.
        assert_eq!(
            initiatives("标题\n双方宣布如期完成中欧投资协定谈判。"),
            ["中欧投资协定"]
        );
    }

    #[test]
    fn a_joint_statement_in_title_marks_is_a_document() {
        assert_eq!(
            initiatives("两国元首共同签署并发表了《中华人民共和国和甲乙共和国联合声明》。"),
            ["中华人民共和国和甲乙共和国联合声明"]
        );
    }

    #[test]
    fn a_communique_or_a_draft_in_title_marks_is_a_document() {
        assert_eq!(
            initiatives("双方共同发表了《中甲联合新闻公报》。会议通过《某区行政区域图（草案）》。"),
            ["中甲联合新闻公报", "某区行政区域图(草案)"]
        );
        // A paper is none, an express paper too.
        assert!(initiatives("据《某某日报》报道，当地开展了活动。").is_empty());
        // A selection a quoted name heads is a campaign.
        assert_eq!(initiatives("公司参加了“青禾之星”评选。"), ["青禾之星"]);
        // A book the sentence publishes, alone or in a run of titles.
        assert_eq!(
            initiatives("《甘文亮论乡村工作》出版发行。"),
            ["甘文亮论乡村工作"]
        );
        assert_eq!(
            initiatives("《论青禾》《青禾讲故事》等两部著作近日出版。"),
            ["论青禾", "青禾讲故事"]
        );
        assert!(initiatives("《青禾》特种邮票今天发行。").is_empty());
        assert!(initiatives("据《青禾》记者报道，青禾出版社举办了活动。").is_empty());
        assert!(initiatives("据《某某快报》报道，当地开展了活动。").is_empty());
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
    fn a_plan_being_drafted_is_named_after_the_verb() {
        assert_eq!(
            initiatives("某市正在编制老城整体保护规划，同步推进工作。"),
            ["老城整体保护规划"]
        );
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
    fn a_quoted_name_before_an_event_or_a_plan_names_the_whole() {
        let found = initiatives("会议期间举办“甲乙丙丁”国际合作论坛，并审议“十六五”规划纲要。");
        assert!(
            found.contains(&"甲乙丙丁国际合作论坛".to_string()),
            "{found:?}"
        );
        assert!(found.contains(&"十六五规划纲要".to_string()), "{found:?}");
        assert!(!found.contains(&"甲乙丙丁".to_string()), "{found:?}");
    }

    #[test]
    fn packages_named_by_their_count_and_more_programme_nouns() {
        let found = initiatives("某市出台深化园区改革20条。去年出台的“民营十条”效果明显。");
        assert!(found.contains(&"深化园区改革20条".to_string()), "{found:?}");
        assert!(found.contains(&"民营十条".to_string()), "{found:?}");
        let found = initiatives("某省启动实施林果振兴行动，并设立山区发展事业基金。");
        assert!(found.contains(&"林果振兴行动".to_string()), "{found:?}");
        assert!(found.contains(&"山区发展事业基金".to_string()), "{found:?}");
        let found = initiatives("某省发布青禾流域生态修复实施方案。");
        assert!(
            found.contains(&"青禾流域生态修复实施方案".to_string()),
            "{found:?}"
        );
        // A year is no count of articles.
        assert!(
            !initiatives("某市出台2023年5条措施。")
                .iter()
                .any(|i| i.contains("2023"))
        );
    }

    #[test]
    fn a_negative_list_is_named_by_its_field() {
        assert_eq!(
            initiatives("国务院日前修订完成青禾投资准入负面清单。"),
            ["青禾投资准入负面清单"]
        );
        // A way of managing investment holds the list; the list alone is a kind.
        assert!(initiatives("落实准入前国民待遇加负面清单管理制度。").is_empty());
        assert!(initiatives("今年将缩减负面清单。").is_empty());
    }

    #[test]
    fn a_count_of_measures_names_them_with_what_they_are_for() {
        let found = initiatives("该市出台优化营商环境十项举措。某省出台了关心青禾企业的20条措施。");
        assert!(
            found.contains(&"优化营商环境十项举措".to_string()),
            "{found:?}"
        );
        assert!(
            found.contains(&"关心青禾企业的20条措施".to_string()),
            "{found:?}"
        );
        // Ten of something else are no measures.
        assert!(initiatives("该市出台优化营商环境十项。").is_empty());
    }

    #[test]
    fn a_quoted_slogan_before_a_campaigns_noun_names_the_campaign() {
        assert_eq!(
            initiatives("深入开展“守初心、担使命”主题教育。"),
            ["守初心、担使命主题教育"]
        );
    }

    #[test]
    fn a_decision_written_out_without_title_marks() {
        assert_eq!(
            initiatives("常委会作出关于设立示例纪念日的决定，将每年9月定为纪念日。"),
            ["关于设立示例纪念日的决定"]
        );
        // The last 关于 opens the name; the bill's words after it are not part.
        let found = initiatives("会议审议了关于提请审议关于修改《示例法》的决定草案的议案。");
        assert!(
            found.contains(&"关于修改示例法的决定".to_string()),
            "{found:?}"
        );
        // Opinions and notices are documents too, unless the opinions are
        // asked for.
        assert_eq!(
            initiatives("某委发布了关于加强示例服务工作的指导意见。"),
            ["关于加强示例服务工作的指导意见"]
        );
        assert!(initiatives("会议征求关于示例工作的意见。").is_empty());
    }

    #[test]
    fn a_treaty_being_negotiated_is_no_name() {
        // `商签` is what is done with a treaty, and `自贸协定` alone a kind.
        assert!(initiatives("两国愿同对方早日商签自贸协定。").is_empty());
    }

    #[test]
    fn a_law_named_before_its_bill() {
        let mut found =
            initiatives("会议审议了关于山林防火法修订草案的报告、关于国务院组织法修正草案的议案。");
        found.sort();
        assert_eq!(found, ["国务院组织法", "山林防火法"]);
        // A common word ending in 法 names no law.
        assert!(initiatives("关于处理办法草案的说明。").is_empty());
    }

    #[test]
    fn a_programme_that_starts_is_named_by_its_clause() {
        assert_eq!(
            initiatives("近日，全省农产品质量追溯监管平台正式上线。"),
            ["全省农产品质量追溯监管平台"]
        );
        // Not after a word that is no name's start, nor a short one.
        assert!(initiatives("他说，这个服务平台即将启动。").is_empty());
        assert!(initiatives("今年，新的平台正式上线。").is_empty());
    }

    #[test]
    fn a_short_modifier_closed_by_de_is_no_part_of_the_name() {
        let found = initiatives("今年，某部启动规模最大的山地林木资源普查。");
        assert_eq!(found, ["山地林木资源普查"]);
        // What follows the modifier must still be long enough to be a name.
        assert!(initiatives("某市推出新的服务平台。").is_empty());
    }

    #[test]
    fn a_campaign_named_between_zai_and_zhong() {
        let found = initiatives("在第二批党的某某路线学习教育中，各地查摆问题。");
        assert!(
            found.contains(&"党的某某路线学习教育".to_string()),
            "{found:?}"
        );
        // One everyday word before the programme noun names no campaign.
        assert!(initiatives("在教育实践活动中，各地查摆问题。").is_empty());
        assert!(initiatives("在这次专项整治行动中查处案件。").is_empty());
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

    #[test]
    fn programmes_carried_on_and_done_well() {
        assert_eq!(
            initiatives("深入推进示例产业提升行动。"),
            ["示例产业提升行动"]
        );
        assert_eq!(
            initiatives("实施好示例服务扩大开放综合试点。"),
            ["示例服务扩大开放综合试点"]
        );
        // A verb of carrying on takes no platform, and a class is no name.
        assert!(initiatives("推进示例数据共享平台。").is_empty());
        assert!(initiatives("推进十大示例治理工程。").is_empty());
        assert!(initiatives("推进示例治理等重点工程。").is_empty());
    }

    #[test]
    fn laws_named_by_one_word_or_before_their_life() {
        assert_eq!(initiatives("依据土地管理法等法律。"), ["土地管理法"]);
        assert_eq!(
            initiatives("检查示例产业促进法实施情况。"),
            ["示例产业促进法"]
        );
        // 法 alone before a name is a country or a name's first character.
        assert!(initiatives("双方谴责法方的做法。").is_empty());
    }
}
