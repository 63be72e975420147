//! Organising committees of events (`某某冬奥组委`, `某某运会组委会`,
//! `某某博览会组织委员会`): the naming passes read them as a place's agency or
//! stop at the event's name, but a committee set up to run one event is an
//! organisation, named whole. Runs after events, so that an event's name can
//! head its committee.

use super::super::names::normalise_name;
use super::super::{Cx, Mention};
use crate::model::{EntityType, Span};

/// The words that end an organising committee's name, longest first.
const COMMITTEE_WORDS: [&str; 4] = ["组织委员会", "组委会", "筹委会", "组委"];

/// The committee word at `at` and its length.
fn committee_at(cx: &Cx, at: usize) -> Option<usize> {
    COMMITTEE_WORDS
        .iter()
        .find(|w| cx.starts_with(at, w))
        .map(|w| w.chars().count())
        // `组委` before `员` is a member's post (`组委员`), no committee.
        .filter(|&len| !(len == 2 && cx.chars.get(at + 2) == Some(&'员')))
}

pub(in super::super) fn organising_committees(cx: &mut Cx) {
    let mut added = Vec::new();
    for i in 0..cx.mentions.len() {
        let m = &cx.mentions[i];
        // A place's body that ends in the committee's word, or stops inside
        // it (`某地某运会组委` before `会`), is the committee.
        if m.ty == EntityType::Agency && !m.anaphoric {
            let Some(k) = (m.span.start..m.span.end).find(|&k| committee_at(cx, k).is_some())
            else {
                continue;
            };
            let end = k + committee_at(cx, k).unwrap_or(0);
            if end < m.span.end || k == m.span.start {
                continue;
            }
            let text = cx.slice(m.span.start, end);
            let m = &mut cx.mentions[i];
            m.ty = EntityType::Organization;
            m.span = Span::new(m.span.start, end);
            m.aliases = vec![text.clone(), m.name.clone()];
            m.aliases.sort();
            m.aliases.dedup();
            m.key = normalise_name(&text);
            m.name = text.clone();
            m.text = text;
            m.class = None;
            m.rule = "organization:organising-committee";
            continue;
        }
        // An event's committee written right after the event's name.
        if m.ty == EntityType::Initiative
            && m.rule == "initiative:event"
            && let Some(len) = committee_at(cx, m.span.end)
        {
            let end = m.span.end + len;
            let text = cx.slice(m.span.start, end);
            added.push(Mention {
                ty: EntityType::Organization,
                span: Span::new(m.span.start, end),
                key: normalise_name(&text),
                name: text.clone(),
                aliases: vec![text.clone()],
                text,
                class: None,
                div: m.div.clone(),
                role: None,
                rule: "organization:organising-committee",
                anaphoric: false,
            });
        }
    }
    cx.mentions.extend(added);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn organisations(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Organization)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn an_events_organising_committee_is_an_organisation() {
        assert_eq!(organisations("北京冬奥组委发布消息。"), ["北京冬奥组委"]);
        assert_eq!(
            organisations("杭州亚运会组委会表示。"),
            ["杭州亚运会组委会"]
        );
        assert!(
            organisations("第五届中国国际航空航天博览会组委会介绍。")
                .contains(&"中国国际航空航天博览会组委会".to_string())
        );
    }
}
