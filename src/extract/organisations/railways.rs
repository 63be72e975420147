//! The national railway's regional groups named by their city (`中国铁路某某局`,
//! `国铁某某局`): companies, one per city whichever form the text uses, and the
//! same group as its registered name (`中国铁路某某局集团有限公司`).

use super::super::names::normalise_name;
use super::super::{Cx, Mention};
use crate::model::{EntityType, Span};

/// The words that open a regional railway group's name before its city.
const OPENERS: [&str; 2] = ["中国铁路", "国铁"];

/// `中国铁路某某局`, `国铁某某局`: the railway group of the city named between
/// the opener and 局. A name the suffix rules already took whole
/// (`…局集团有限公司`) gains the short forms as aliases instead.
pub(super) fn railway_groups(cx: &mut Cx) {
    let mut found: Vec<Mention> = Vec::new();
    for opener in OPENERS {
        let len = opener.chars().count();
        for at in super::super::initiatives::occurrences(cx, opener) {
            let city_start = at + len;
            let Some(city) = cx
                .mentions
                .iter()
                .filter(|m| m.ty == EntityType::Division && m.span.start == city_start)
                .max_by_key(|m| m.span.end)
                .map(|m| (m.span.end, m.div.clone()))
            else {
                continue;
            };
            let (end, div) = city;
            if cx.chars.get(end) != Some(&'局') {
                continue;
            }
            let city_text = cx.slice(city_start, end);
            let full = format!("中国铁路{city_text}局集团有限公司");
            let aliases: Vec<String> = {
                let mut a = vec![
                    format!("中国铁路{city_text}局"),
                    format!("国铁{city_text}局"),
                    format!("中国铁路{city_text}局集团公司"),
                    full.clone(),
                ];
                a.sort();
                a
            };
            let span = Span::new(at, end + 1);
            if let Some(m) = cx
                .mentions
                .iter_mut()
                .find(|m| m.ty == EntityType::Company && m.span.start == at && m.span.end > end)
            {
                m.aliases.extend(aliases);
                m.aliases.sort();
                m.aliases.dedup();
                m.key = normalise_name(&full);
                continue;
            }
            found.push(Mention {
                ty: EntityType::Company,
                span,
                text: cx.slice(at, end + 1),
                key: normalise_name(&full),
                name: full,
                aliases,
                class: None,
                div,
                role: None,
                rule: "company:railway-group",
                anaphoric: false,
            });
        }
    }
    cx.mentions.extend(found);
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    #[test]
    fn a_railway_group_is_one_company_whichever_form_names_it() {
        let ex = run("中国铁路南昌局集团有限公司开行列车。国铁南昌局加开动车。");
        let keys: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Company)
            .map(|m| m.key.as_str())
            .collect();
        assert_eq!(keys.len(), 2, "{keys:?}");
        assert_eq!(keys[0], keys[1]);
        // A bureau of another kind is no railway group.
        assert!(
            run("国铁路网布局更加完善。")
                .mentions
                .iter()
                .all(|m| m.ty != EntityType::Company)
        );
    }
}
