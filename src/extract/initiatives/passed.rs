//! Documents a body passes or issues, named without title marks: those every
//! body of a kind issues under one name (`某省政府工作报告`), and those right after
//! the verb (`会议通过了某某规划布局方案`, `印发的某某建设规划`), and the
//! documents listed after the first (`某某分配方案、某某选举方案`). Each name
//! runs from the verb or the list's mark to a document's noun where the run of
//! the name ends.

use super::super::lexicon::STANDING_DOCUMENTS;
use super::super::names::normalise_name;
use super::super::{Cx, Mention, is_han};
use super::{initiative, occurrences, quoted};
use crate::model::EntityType;
use crate::model::Span;

/// Verbs of passing or issuing a document, longest first where one holds another.
const VERBS: [&str; 6] = ["审议通过", "表决通过", "讨论通过", "通过了", "印发", "批准"];

/// Nouns that end a document's name.
const NOUNS: [&str; 9] = [
    "方案", "规划", "纲要", "计划", "意见", "办法", "条例", "规定", "决议",
];

/// The fewest and most characters of a name.
const LEN: std::ops::RangeInclusive<usize> = 6..=30;

/// `某省政府工作报告`: a document of `standing_documents.txt` written without
/// title marks, where its name ends a word, with the place written right
/// before it as part of the name.
pub(super) fn standing_documents(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    for word in STANDING_DOCUMENTS.iter() {
        // A draft in title marks (`《某某报告（征求意见稿）》`) is the document
        // the story speaks of: its plain name is that draft, already found.
        if found
            .iter()
            .any(|m| m.name.starts_with(word) && m.name.chars().count() > word.chars().count())
        {
            continue;
        }
        for at in occurrences(cx, word) {
            let e = at + word.chars().count();
            if cx.word_across(e).is_some() || cx.word_across(at).is_some() {
                continue;
            }
            let s = cx
                .mentions
                .iter()
                .filter(|m| m.ty == EntityType::Division && !m.anaphoric && m.span.end == at)
                .map(|m| m.span.start)
                .min()
                .unwrap_or(at);
            let span = Span::new(s, e);
            if quoted(quotes, titles, s, e) || found.iter().any(|m| m.span.overlaps(span)) {
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
                "initiative:standing-document",
            );
            m.text = text;
            found.push(m);
        }
    }
}

/// `党的十九大报告`, `十八大报告`: the report to a numbered Party congress,
/// named by the congress's number; `党的` before it opens an alias.
pub(super) fn congress_reports(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    for at in occurrences(cx, "大报告") {
        let e = at + 3;
        let s = (0..at)
            .rev()
            .take_while(|&k| "一二三四五六七八九十".contains(cx.chars[k]))
            .last()
            .unwrap_or(at);
        if s == at || cx.word_across(e).is_some() {
            continue;
        }
        let full = if s >= 2 && cx.starts_with(s - 2, "党的") {
            s - 2
        } else {
            s
        };
        let span = Span::new(full, e);
        if quoted(quotes, titles, full, e) || found.iter().any(|m| m.span.overlaps(span)) {
            continue;
        }
        let text = cx.slice(s, e);
        let mut m = initiative(
            cx,
            full,
            e,
            normalise_name(&text),
            vec![text.clone(), format!("党的{text}")],
            "PolicyDocument",
            "initiative:congress-report",
        );
        m.text = cx.slice(full, e);
        found.push(m);
    }
}

pub(super) fn passed_documents(
    cx: &Cx,
    found: &mut Vec<Mention>,
    quotes: &[(usize, usize)],
    titles: &[(usize, usize)],
) {
    let mut starts: Vec<usize> = Vec::new();
    for v in VERBS {
        for at in occurrences(cx, v) {
            let mut s = at + v.chars().count();
            // The aspect mark, and the 的 that makes the verb the name's
            // clause (`印发的某某规划`), are no part of the name.
            if cx.chars.get(s).is_some_and(|&c| c == '了' || c == '的') {
                s += 1;
            }
            starts.push(s);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    for mut s in starts {
        // One document, then each one listed after it.
        while let Some(e) = name_end(cx, s) {
            let span = Span::new(s, e);
            let len = e - s;
            if !LEN.contains(&len)
                || quoted(quotes, titles, s, e)
                || found.iter().any(|m| m.span.overlaps(span))
            {
                break;
            }
            let text = cx.slice(s, e);
            let mut m = initiative(
                cx,
                s,
                e,
                normalise_name(&text),
                vec![text.clone()],
                "PolicyDocument",
                "initiative:passed",
            );
            m.text = text;
            found.push(m);
            if cx.chars.get(e) != Some(&'、') {
                break;
            }
            s = e + 1;
        }
    }
}

/// Where a document's name starting at `s` ends: the run of Han characters,
/// digits and inner quotes or brackets up to a mark, 的 or a conjunction, when
/// it ends with a document's noun.
fn name_end(cx: &Cx, s: usize) -> Option<usize> {
    let n = cx.chars.len();
    let mut e = s;
    while e < n && e - s <= *LEN.end() {
        let c = cx.chars[e];
        let inner = c.is_ascii_digit() || "“”（）—-".contains(c);
        if !(is_han(c) || inner) || "的和与及等".contains(c) {
            break;
        }
        e += 1;
    }
    // `在某某规划中`: the locative closes the phrase, not the name.
    if e > s + 1 && cx.chars[e - 1] == '中' && NOUNS.iter().any(|w| cx.ends_with_at(e - 1, w)) {
        e -= 1;
    }
    // A bracket or a quote left open is no part of a name.
    let text = cx.slice(s, e);
    let balanced = text.matches('（').count() == text.matches('）').count()
        && text.matches('“').count() == text.matches('”').count();
    (e > s && balanced && NOUNS.iter().any(|w| cx.ends_with_at(e, w))).then_some(e)
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn passed(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Initiative && m.rule == "initiative:passed")
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_document_every_government_issues_is_named_by_its_kind() {
        let standing = |text: &str| -> Vec<String> {
            run(text)
                .mentions
                .iter()
                .filter(|m| m.rule == "initiative:standing-document")
                .map(|m| m.name.clone())
                .collect()
        };
        assert_eq!(
            standing("标题\n代表们审议政府工作报告。这写入了福建省政府工作报告。"),
            ["政府工作报告", "福建省政府工作报告"]
        );
        // In title marks it is the title's; inside a longer word it is none.
        assert!(standing("标题\n代表们审议《政府工作报告》。").is_empty());
        // A draft in title marks is the document the story speaks of.
        assert!(
            standing(
                "标题\n座谈会听取对《政府工作报告（征求意见稿）》的意见。政府工作报告起草组出席。"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_party_congress_report_is_named_by_its_number() {
        let reports: Vec<(String, Vec<String>)> =
            run("标题\n党的二十大报告提出新要求。他说，十九大报告是纲领。")
                .mentions
                .iter()
                .filter(|m| m.rule == "initiative:congress-report")
                .map(|m| (m.name.clone(), m.aliases.clone()))
                .collect();
        assert_eq!(reports.len(), 2, "{reports:?}");
        assert_eq!(reports[0].0, "二十大报告");
        assert!(reports[0].1.contains(&"党的二十大报告".to_string()));
        assert_eq!(reports[1].0, "十九大报告");
    }

    #[test]
    fn documents_a_body_passes_or_issues_and_those_listed_after() {
        assert_eq!(
            passed("标题\n会议通过了示例产业规划布局方案，要求安全优先。"),
            ["示例产业规划布局方案"]
        );
        assert_eq!(
            passed("标题\n会议表决通过了甲乙代表名额分配方案、丙丁代表协商选举方案。"),
            ["甲乙代表名额分配方案", "丙丁代表协商选举方案"]
        );
        assert_eq!(
            passed("标题\n在国务院印发的社会养老服务体系（2011-2015年）建设规划中，目标明确。"),
            ["社会养老服务体系(2011-2015年)建设规划"]
        );
    }

    #[test]
    fn a_run_that_goes_on_past_the_noun_or_is_short_names_none() {
        assert!(passed("标题\n会议通过了工作方案。").is_empty());
        assert!(passed("标题\n他通过了示例资格考试的审核。").is_empty());
        assert!(passed("标题\n会议审议通过了示例规划实施情况的报告。").is_empty());
    }
}
