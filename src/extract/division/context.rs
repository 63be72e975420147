//! What an article is about, by its divisions: the document's context (the
//! divisions its full names point to, with their ancestors), which candidate a
//! gazetteer hit means in that context, and the article's locality (its section's
//! place, else the division its headline or body names most). Finding the names
//! is the parent module's.

use super::super::lexicon::{COMMON_WORD_DISTRICTS, VERB_HEADS};
use super::super::{Cx, DivInfo};
use super::info;
use crate::gazetteer::{DivisionIx, Gazetteer, NameForm};
use crate::model::EntityType;
use std::collections::HashMap;

fn context_score(gaz: &Gazetteer, ix: DivisionIx, ctx: &[DivisionIx]) -> usize {
    gaz.chain(ix)
        .iter()
        .skip(1)
        .filter(|a| ctx.contains(a))
        .count()
}

/// Towns repeat across the country and two-character districts (城区, 矿区) are
/// common words, so their full names count only with their county or city in the
/// context, and never put it there themselves.
fn needs_context(gaz: &Gazetteer, ix: DivisionIx) -> bool {
    let d = gaz.get(ix);
    d.level.depth() >= 3
        || (d.name.chars().count() <= 2 && d.name.ends_with('区'))
        || COMMON_WORD_DISTRICTS.contains(&d.name.as_str())
}

pub(in super::super) fn context_of(texts: &[&str], gaz: &Gazetteer) -> Vec<DivisionIx> {
    let mut ctx = Vec::new();
    for t in texts {
        for hit in gaz.find(t) {
            // A name that several divisions share (和平区, 朝阳区) says nothing
            // about where we are: which one it is, the context decides.
            if hit
                .candidates
                .iter()
                .filter(|c| c.1 == NameForm::Full)
                .count()
                > 1
            {
                continue;
            }
            // A short form that several divisions share (朝阳 for a city in one
            // province and a district in another) says only what all of them
            // have in common: no more than the ancestors they share.
            let shared: Option<Vec<DivisionIx>> = (hit.candidates.len() > 1).then(|| {
                let mut common = gaz.chain(hit.candidates[0].0);
                for &(ix, _) in &hit.candidates[1..] {
                    let chain = gaz.chain(ix);
                    common.retain(|a| chain.contains(a));
                }
                common
            });
            for &(ix, form) in &hit.candidates {
                let d = gaz.get(ix);
                let name = &gaz.get(ix).name;
                if needs_context(gaz, ix) || VERB_HEADS.iter().any(|v| name.starts_with(v)) {
                    continue;
                }
                if form == NameForm::Full || d.level.depth() <= 1 {
                    for a in gaz.chain(ix) {
                        let vague = form == NameForm::Short
                            && shared.as_ref().is_some_and(|s| !s.contains(&a));
                        if !vague && !ctx.contains(&a) {
                            ctx.push(a);
                        }
                    }
                }
            }
        }
    }
    ctx.sort();
    ctx
}

/// Picks the division a hit means, or none when a short form has no support.
pub(super) fn choose(
    cx: &Cx,
    candidates: &[(DivisionIx, NameForm)],
    text: &str,
) -> Option<(DivisionIx, NameForm)> {
    let gaz = cx.gaz;
    let full: Vec<_> = candidates
        .iter()
        .filter(|c| c.1 == NameForm::Full)
        .collect();
    if !full.is_empty() {
        let needs_context = |ix: DivisionIx| needs_context(gaz, ix);
        return full
            .iter()
            .filter(|c| {
                !needs_context(c.0) || gaz.get(c.0).parent.is_some_and(|p| cx.context.contains(&p))
            })
            .max_by_key(|c| (context_score(gaz, c.0, &cx.context), std::cmp::Reverse(c.0)))
            .map(|c| **c);
    }
    // A section's place name counts on its own only when nothing else in the
    // document says where we are; otherwise it must fit that context like any
    // other short form (a street section on a city page is no county elsewhere).
    let section = cx.article.section_place.as_deref() == Some(text) && cx.context.is_empty();
    candidates
        .iter()
        .filter(|&&(ix, _)| {
            let d = gaz.get(ix);
            d.level.depth() <= 1 || section || context_score(gaz, ix, &cx.context) > 0
        })
        .max_by_key(|c| {
            (
                context_score(gaz, c.0, &cx.context),
                std::cmp::Reverse(gaz.get(c.0).level.depth()),
                std::cmp::Reverse(c.0),
            )
        })
        .copied()
}

/// The division an article is about: its section's place, else the county-level
/// division it names most, else the most named prefecture or province.
pub(super) fn locality(cx: &Cx) -> Option<DivInfo> {
    if let Some(place) = &cx.article.section_place {
        let cands = cx.gaz.lookup(place);
        if let Some((ix, _)) = choose(cx, cands, place) {
            return Some(info(cx.gaz, ix));
        }
    }
    // A headline that names a place says what the article is about; a district
    // named often in the body of a city-wide article must not narrow it.
    let body = cx.article.body_start;
    if let Some(d) = cx
        .mentions
        .iter()
        .filter(|m| m.span.end <= body && m.ty == EntityType::Division)
        .filter_map(|m| m.div.clone())
        .filter(|d| d.gaz.is_some())
        .max_by_key(|d| d.level.depth())
    {
        return Some(d);
    }
    let mut counts: HashMap<DivisionIx, (usize, usize)> = HashMap::new();
    for (order, m) in cx.mentions.iter().enumerate() {
        if let Some(ix) = m.div.as_ref().and_then(|d| d.gaz) {
            let e = counts.entry(ix).or_insert((0, order));
            e.0 += 1;
        }
    }
    for depth in [2u8, 1, 0] {
        let best = counts
            .iter()
            .filter(|(ix, _)| cx.gaz.get(**ix).level.depth() == depth)
            .max_by_key(|(ix, (n, first))| {
                (*n, std::cmp::Reverse(*first), std::cmp::Reverse(**ix))
            });
        if let Some((&ix, _)) = best {
            return Some(info(cx.gaz, ix));
        }
    }
    None
}
