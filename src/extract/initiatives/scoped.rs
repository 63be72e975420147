//! Programmes, platforms and works named without quotes and without a verb
//! before them, when a word of national scope or a place opens the name
//! (`全国某某大数据平台`, `某市某某搬迁改造工程`, `某地国家级某某示范区`): the
//! scope says which one is meant, so the phrase is a name and not a kind.

use super::super::lexicon::{
    CARRY_VERBS, CLAUSE_WORDS, CREATION_VERBS, EVENT_SCOPES, GENERIC_PREFIXES, INITIATIVE_VERBS,
    SCOPED_NOUNS,
};
use super::super::names::normalise_name;
use super::super::{Cx, Mention, is_han};
use super::{initiative, quoted, words_back};
use crate::model::{EntityType, Span};
use crate::segment::Pos;

/// Words of national scope that open such a name, besides a place.
const SCOPES: [&str; 3] = ["全国", "国家", "中国"];

/// Words that make the run a clause about the place, not a name
/// (`某市作为全国某某试点`, `某省正在打造某某平台`), or a rank or a count of
/// the kind (`某省最大某某工程`, `某地两家示范区`).
const NOT_IN_NAME: [&str; 14] = [
    "作为", "成为", "进入", "正在", "先行", "继续", "今年", "联手", "加快", "首个", "首家", "首批",
    "最大", "大型",
];

/// Words that make a place's `工程` a kind of works, not one (`某市民生工程`).
const GENERIC_WORKS: [&str; 14] = [
    "民生", "民心", "惠民", "形象", "系统", "基础", "配套", "主体", "建设", "德政", "面子", "样板",
    "扶贫", "水利",
];

/// The fewest and most characters between the scope and the noun.
const CORE: std::ops::RangeInclusive<usize> = 4..=14;

/// `全国某某服务平台`, `某市某某改造工程`: a run of the segmenter's words with no
/// function word or punctuation, opened by a word of national scope or a
/// place where the segmenter starts a word, holding four to fourteen
/// characters of its own and ending in a noun of `scoped_nouns.txt` where a
/// word of the segmenter's ends. Another mention inside it (but a place or a
/// body that runs it) or a quote across it keeps it out.
pub(super) fn scoped_programmes(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let tokens = cx.tokens();
    let n = cx.chars.len();
    let place = 1u8 << EntityType::Division as u8;
    let body = 1u8 << EntityType::Agency as u8;
    let coverage = cx.coverage();
    for t in tokens {
        let e = t.end;
        let Some((noun, class)) = SCOPED_NOUNS.iter().find(|(w, _)| cx.ends_with_at(e, w)) else {
            continue;
        };
        // The noun must close the word (`工程师`, `规划局` are other words) and
        // the name (`某某平台公司` is a firm's).
        if e < n && is_han(cx.chars[e]) && "局院所处部委办公司厅站".contains(cx.chars[e])
        {
            continue;
        }
        let noun_start = e - noun.chars().count();
        let Some(floor) = words_back(cx, e, |_| false) else {
            continue;
        };
        // The earliest opening in the run: a scope word or a place, each at a
        // word's start, with enough of a name between it and the noun.
        let opening = (floor..noun_start).find_map(|k| {
            let starts_word = tokens.binary_search_by_key(&k, |t| t.start).is_ok();
            if !starts_word {
                return None;
            }
            let scope = SCOPES
                .iter()
                .chain(EVENT_SCOPES.iter().filter(|w| w.starts_with('全')))
                .find(|w| cx.starts_with(k, w))
                .map(|w| k + w.chars().count());
            let scope_end = scope.or_else(|| {
                cx.mentions
                    .iter()
                    .filter(|m| m.ty == EntityType::Division && m.span.start == k)
                    .map(|m| m.span.end)
                    .max()
            })?;
            // A place's works may be named by one word of what it does
            // (`某市防洪工程`, `某地棚改工程`).
            let len = noun_start.saturating_sub(scope_end);
            let works = scope.is_none()
                && *noun == "工程"
                && len >= 2
                && tokens
                    .binary_search_by_key(&scope_end, |t| t.start)
                    .is_ok_and(|j| tokens[j].end == noun_start || tokens[j].end == e)
                && !GENERIC_WORKS.contains(&cx.slice(scope_end, noun_start).as_str());
            (CORE.contains(&len) || works).then_some((k, scope_end))
        });
        let Some((s, scope_end)) = opening else {
            continue;
        };
        let core = cx.slice(scope_end, noun_start);
        let span = Span::new(s, e);
        // A verb right after the place, a verb of running a programme or a
        // word of clause anywhere in the run, or a count, makes it a clause.
        let inner: Vec<_> = tokens
            .iter()
            .filter(|t| t.start >= scope_end && t.end <= noun_start)
            .collect();
        let clause = inner.first().is_some_and(|t| t.pos == Pos::Verb)
            || inner.iter().any(|t| {
                let w = cx.slice(t.start, t.end);
                CREATION_VERBS.contains(&w.as_str())
                    || CARRY_VERBS.contains(&w.as_str())
                    || INITIATIVE_VERBS.contains(&w.as_str())
                    || CLAUSE_WORDS.contains(&w.as_str())
                    || NOT_IN_NAME.contains(&w.as_str())
                    || t.end - t.start <= 2
                        && "一二三四五六七八九十两几多数".contains(cx.chars[t.start])
            });
        // A kind after the scope or a rank inside the run (`全国重点工程`,
        // `国家级试点`, `某省水网骨干工程`) names no one.
        let kind = GENERIC_PREFIXES.iter().any(|g| core.starts_with(g))
            || core.starts_with(['级', '重', '首', '各', '该', '这', '有', '其', '一', '第'])
            || ["重大", "重点", "重要", "骨干", "节点"]
                .iter()
                .any(|w| core.contains(w));
        // A body may open the name (`某局某某平台`), not stand inside it.
        let body_inside = (scope_end..e).any(|k| coverage[k] & body != 0)
            && !cx.mentions.iter().any(|m| {
                m.ty == EntityType::Agency && m.span.start == s && m.span.end >= scope_end
            });
        if kind
            || clause
            || body_inside
            || quoted(quotes, titles, s, e)
            || found.iter().any(|m| m.span.overlaps(span))
            || coverage[s..e].iter().any(|&b| b & !(place | body) != 0)
        {
            continue;
        }
        let text = cx.slice(s, e);
        let mut aliases = vec![text.clone()];
        // Named after its place, it is written without the place too.
        if scope_end > s && !SCOPES.iter().any(|w| cx.starts_with(s, w)) {
            aliases.push(cx.slice(scope_end, e));
        }
        let mut m = initiative(
            cx,
            s,
            e,
            normalise_name(&text),
            aliases,
            class,
            "initiative:scoped",
        );
        m.text = text;
        found.push(m);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn scoped(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Initiative && m.rule == "initiative:scoped")
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_platform_or_a_works_opened_by_a_scope_or_a_place_is_named() {
        assert_eq!(
            scoped("毕业生可登录全国大学生就业服务平台查阅岗位信息。"),
            ["全国大学生就业服务平台"]
        );
        assert_eq!(
            scoped("按照乌海市煤矿棚户区搬迁改造工程的相关政策，居民搬进新居。"),
            ["乌海市煤矿棚户区搬迁改造工程"]
        );
    }

    #[test]
    fn a_places_works_named_by_one_word_of_what_it_does() {
        assert_eq!(
            scoped("标题\n李克强来到南昌防洪工程工地。在考察赣州棚改工程时，他说要加快。"),
            ["南昌防洪工程", "赣州棚改工程"]
        );
        assert!(scoped("标题\n这是杭州民生工程。").is_empty());
    }

    #[test]
    fn a_kind_after_the_scope_names_no_one() {
        assert!(scoped("这是全国重点工程。").is_empty());
        assert!(scoped("杭州市各类服务平台已经上线。").is_empty());
        assert!(scoped("全国试点启动。").is_empty());
        // Nor does a clause about the place.
        assert!(scoped("温州成为全国工商登记改革试点。").is_empty());
        assert!(scoped("重庆正在打造内陆开放大平台。").is_empty());
    }
}
