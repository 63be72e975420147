//! The Youth League's committees: bodies the naming passes read as agencies
//! (`共青团某省委`, `团某委`, `共青团中央`) are the league's organisations, and a
//! body written right after `共青团` joins its name. Runs after every naming
//! pass, the dictionary's among them.

use super::super::Cx;
use crate::model::{EntityType, Span};

/// The Youth League's committees are the league's, not the state's or the Party's:
/// a body written right after `共青团` (`共青团某省委宣传部`) joins it, and it and
/// the short forms `团某委` and `共青团中央` are organisations.
pub(in super::super) fn youth_league(cx: &mut Cx) {
    const LEAGUE: &str = "共青团";
    for i in 0..cx.mentions.len() {
        let m = &cx.mentions[i];
        if m.ty != EntityType::Agency {
            continue;
        }
        let s = m.span.start;
        let joined = s >= 3 && cx.slice(s - 3, s) == LEAGUE;
        let short = m.text.starts_with(LEAGUE)
            || m.text.starts_with('团') && m.text.ends_with('委') && m.text.chars().count() == 3;
        if !joined && !short {
            continue;
        }
        let m = &mut cx.mentions[i];
        m.ty = EntityType::Organization;
        if joined {
            m.span = Span::new(s - 3, m.span.end);
            m.text = format!("{LEAGUE}{}", m.text);
            let name = format!("{LEAGUE}{}", m.name);
            m.aliases = m.aliases.iter().map(|a| format!("{LEAGUE}{a}")).collect();
            m.aliases.push(m.text.clone());
            m.aliases.sort();
            m.aliases.dedup();
            m.key = format!("{LEAGUE}/{}", m.key);
            m.name = name;
        }
    }
    // A name that took in the league word starts earlier: keep mentions in order.
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}
