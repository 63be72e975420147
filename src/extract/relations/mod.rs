//! Relations between the mentions of one article: partOf from the gazetteer chain,
//! locatedIn from the division in a name or the article's locality, launchedBy from
//! sentence patterns and the sentence's subject, participatesIn from use verbs,
//! worksFor from the organisation next to a post, author from the byline.
//!
//! Each predicate has its module: `place` (locatedIn), `agents` (launchedBy and
//! participatesIn, with `hosts` for the other bodies that run an initiative),
//! `employ` (worksFor, with `unposted` for a name found without a post), `biography` (worksFor from an official's CV); partOf and author, which need no more than the gazetteer
//! and the byline, are here.

mod agents;
mod biography;
mod employ;
mod hosts;
mod place;
mod unposted;

use super::{Cx, Object, division};
use crate::model::{EntityType, Predicate};

pub fn find(cx: &mut Cx) {
    part_of(cx);
    place::located_in(cx);
    agents::launched_by(cx);
    agents::participates_in(cx);
    employ::works_for(cx);
    biography::works_for(cx);
    authors(cx);
}

fn part_of(cx: &mut Cx) {
    for i in 0..cx.mentions.len() {
        let m = &cx.mentions[i];
        if m.ty != EntityType::Division || m.anaphoric {
            continue;
        }
        let Some(d) = m.div.clone() else { continue };
        let parent = match (d.gaz, d.parent) {
            (Some(ix), _) => cx.gaz.get(ix).parent,
            (None, p) => p,
        };
        if let Some(p) = parent {
            let rule = if d.gaz.is_some() {
                "partOf:gazetteer"
            } else {
                "partOf:name-or-locality"
            };
            cx.relate(
                i,
                Predicate::PartOf,
                Object::Division(division::info(cx.gaz, p)),
                rule,
            );
        }
    }
}

fn authors(cx: &mut Cx) {
    for i in 0..cx.mentions.len() {
        if cx.mentions[i].rule == "person:byline" {
            // The article is the subject; `link` turns this into Article author Person.
            cx.relate(i, Predicate::Author, Object::Mention(i), "author:byline");
        }
    }
}
