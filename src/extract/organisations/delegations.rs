//! Delegations named by whom they stand for: a place's or a country's
//! (`某省代表团` at a congress, `某国代表团` on a visit), the country's sports
//! or national delegation (`中国代表团`, `中国体育代表团`), which are
//! organisations, and the Party centre's (`中央代表团`) at a region's
//! anniversary, which is a government body. `各代表团` and other plain uses
//! name none.

use super::super::{Cx, Mention};
use crate::model::{EntityType, Span};

const DELEGATION: &str = "代表团";

/// What may stand between 中国 and 代表团 in the national delegation's name: a
/// field of at most two characters (`体育`).
const MAX_FIELD: usize = 2;

pub(super) fn delegations(cx: &mut Cx) {
    let n = cx.chars.len();
    let mut found = Vec::new();
    for at in 0..n {
        if !cx.starts_with(at, DELEGATION) {
            continue;
        }
        let e = at + DELEGATION.chars().count();
        // `中央代表团`: the Party centre's, a body of the state.
        if cx.ends_with_at(at, "中央") {
            found.push(delegation(cx, at - 2, e, EntityType::Agency, None));
            continue;
        }
        // A place or a country named right before (`某省代表团`, `某国代表团`).
        if let Some(d) = cx
            .mentions
            .iter()
            .find(|d| d.ty == EntityType::Division && d.span.end == at)
        {
            let div = d.div.clone();
            found.push(delegation(
                cx,
                d.span.start,
                e,
                EntityType::Organization,
                div,
            ));
            continue;
        }
        // `中国代表团`, `中国体育代表团`.
        if let Some(s) = (at.saturating_sub(2 + MAX_FIELD)..=at.saturating_sub(2)).find(|&s| {
            cx.starts_with(s, "中国") && (s + 2..at).all(|k| super::super::is_han(cx.chars[k]))
        }) {
            found.push(delegation(cx, s, e, EntityType::Organization, None));
        }
    }
    found.retain(|m: &Mention| {
        !cx.mentions
            .iter()
            .any(|o| o.ty != EntityType::Division && o.span.overlaps(m.span))
    });
    cx.mentions.extend(found);
}

fn delegation(
    cx: &Cx,
    s: usize,
    e: usize,
    ty: EntityType,
    div: Option<super::super::DivInfo>,
) -> Mention {
    let text = cx.slice(s, e);
    // One delegation of a place however the place is written (`某省` or its
    // short form), keyed by the place.
    let key = match &div {
        Some(d) => format!("{}/{DELEGATION}", d.key),
        None => super::super::names::normalise_name(&text),
    };
    let mut aliases = vec![text.clone()];
    if let Some(d) = &div {
        aliases.push(format!("{}{DELEGATION}", d.name));
    }
    aliases.sort();
    aliases.dedup();
    Mention {
        ty,
        span: Span::new(s, e),
        text: text.clone(),
        key,
        name: text,
        aliases,
        class: None,
        div,
        role: None,
        rule: if ty == EntityType::Agency {
            "agency:delegation"
        } else {
            "organization:delegation"
        },
        anaphoric: false,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    #[test]
    fn delegations_of_the_centre_a_place_and_the_country() {
        let ex = run(
            "中央代表团抵达。他参加十四届全国人大二次会议甘肃代表团审议。中国体育代表团成立，各代表团审议报告。",
        );
        let mut found: Vec<(EntityType, String)> = ex
            .mentions
            .iter()
            .filter(|m| m.rule.ends_with(":delegation"))
            .map(|m| (m.ty, m.name.clone()))
            .collect();
        found.sort_by(|a, b| a.1.cmp(&b.1));
        assert_eq!(
            found,
            [
                (EntityType::Organization, "中国体育代表团".to_string()),
                (EntityType::Agency, "中央代表团".to_string()),
                (EntityType::Organization, "甘肃代表团".to_string()),
            ]
        );
    }
}
