//! The central bank's branches (`人行某市中心支行`, `人民银行某市分行`,
//! `中国人民银行某市营业管理部`): government bodies keyed by their division and
//! branch, with every written form of the bank's name as an alias, not banks
//! that trade. The central bank itself and the banks that trade are the parent
//! module's.

use super::super::{Cx, DivInfo, Mention};
use super::most_specific;
use crate::model::{EntityType, Span};

/// `人行某市中心支行`, `人民银行某市分行`: an agency keyed by its division and branch.
pub(super) fn central_bank_branch(
    cx: &Cx,
    s: usize,
    e: usize,
    text: &str,
    divs: &[DivInfo],
) -> Option<Mention> {
    if !["中国人民银行", "人民银行", "人行"]
        .iter()
        .any(|h| text.starts_with(h))
    {
        return None;
    }
    let d = most_specific(cx, divs, true)?;
    let place_end = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Division && s <= m.span.start && m.span.end <= e)
        .map(|m| m.span.end)
        .max()?;
    let branch = cx.slice(place_end, e);
    if !["中心支行", "分行", "支行", "营业管理部"].contains(&branch.as_str()) {
        return None;
    }
    let mut aliases: Vec<String> = vec![text.to_string()];
    let mut places = vec![d.name.clone()];
    places.extend(d.aliases.iter().cloned());
    for h in ["中国人民银行", "人民银行", "人行"] {
        for p in &places {
            aliases.push(format!("{h}{p}{branch}"));
        }
    }
    aliases.sort();
    aliases.dedup();
    Some(Mention {
        ty: EntityType::Agency,
        span: Span::new(s, e),
        text: text.to_string(),
        key: format!("{}/人民银行{branch}", d.key),
        name: format!("中国人民银行{}{branch}", d.name),
        aliases,
        class: None,
        div: Some(d),
        role: None,
        rule: "agency:central-bank-branch",
        anaphoric: false,
    })
}
