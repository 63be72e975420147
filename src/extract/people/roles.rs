//! Bodies named only inside a person's post (`某某管委会主任某某`, `某某林业
//! 站原站长某某`): the words before the post are the body the person holds it
//! in. When no pass found that body (no place opens it, or it is a short form a
//! lexicon does not know), the post says it is one: an agency, organisation or
//! company by its suffix.

use super::super::lexicon::{
    AGENCY_SUFFIXES, COMPANY_SUFFIXES, GENERIC_PREFIXES, NOT_AGENCY_END, ORG_SUFFIXES, POST_TENSES,
    POSTS,
};
use super::super::names::{body_variants, match_body, normalise_name};
use super::super::{Cx, Mention, is_han, is_stop};
use crate::model::{EntityType, Span};

pub fn find(cx: &mut Cx) {
    let mut out: Vec<Mention> = Vec::new();
    for m in &cx.mentions {
        if m.ty != EntityType::Person || m.rule != "person:post-name" {
            continue;
        }
        let Some(role) = &m.role else { continue };
        // The role ends at the name, or at the space of a caption before it.
        let mut role_end = m.span.start;
        if role_end > 0 && [' ', '\u{3000}'].contains(&cx.chars[role_end - 1]) {
            role_end -= 1;
        }
        let role_len = role.chars().count();
        if role_len > role_end || cx.slice(role_end - role_len, role_end) != *role {
            continue;
        }
        let Some(post) = POSTS.iter().find(|p| role.ends_with(*p)) else {
            continue;
        };
        let mut end = role_end - post.chars().count();
        // Only the last post of a list (`某委常委、某某委书记`) is read here; the
        // posts before it were found with their bodies or not at all.
        let mut start = role_end - role_len;
        if let Some(k) = (start..end).rev().find(|&k| cx.chars[k] == '、') {
            start = k + 1;
        }
        for t in POST_TENSES.iter() {
            if cx.slice(start, end).ends_with(t) {
                end -= t.chars().count();
            }
            if cx.slice(start, end).starts_with(t) {
                start += t.chars().count();
            }
        }
        if end < start + 3 || !(start..end).all(|k| is_han(cx.chars[k])) {
            continue;
        }
        // The body must open where the role does: after punctuation, a list
        // mark or another name (`某人大常委会` + `法工委`), not inside a word the
        // role's length limit cut.
        let opens = start == 0
            || !is_han(cx.chars[start - 1])
            || is_stop(cx.chars[start - 1])
            || cx.mentions.iter().any(|o| o.span.end == start);
        let body = cx.slice(start, end);
        if !opens
            || POSTS
                .iter()
                .any(|p| p.chars().count() >= 2 && body.contains(p))
            || body.contains('兼')
            || GENERIC_PREFIXES.iter().any(|g| body.starts_with(g))
        {
            continue;
        }
        // The suffix needs a core of two characters or more (`办公室`,
        // `委员会` alone are any office, any committee).
        let suffixed = |list: &[&str]| {
            list.iter()
                .find(|s| body.ends_with(*s))
                .is_some_and(|s| body.chars().count() >= s.chars().count() + 2)
        };
        // An agency's name must read as one by the body grammar every pass
        // shares (`部` only after a Party department, `中心` after a field of
        // government): a firm's department (`某某公关部`) is none.
        let ty = if suffixed(&AGENCY_SUFFIXES) {
            if match_body(cx, start) != Some(end) {
                continue;
            }
            EntityType::Agency
        } else if suffixed(&ORG_SUFFIXES) {
            EntityType::Organization
        } else if suffixed(&COMPANY_SUFFIXES) {
            EntityType::Company
        } else {
            continue;
        };
        // What other passes found there stands; a clause (`某某表示要加强某委`)
        // is no body's name.
        let span = Span::new(start, end);
        if cx
            .mentions
            .iter()
            .chain(&out)
            .any(|o| o.ty != EntityType::Division && o.span.overlaps(span))
            || NOT_AGENCY_END.iter().any(|w| body.ends_with(w))
            || cx
                .tokens()
                .iter()
                .any(|t| t.function && t.start >= start && t.end <= end)
        {
            continue;
        }
        // `某市委常委、宣传部部长`: a department after the committee's
        // standing member's post is the committee's own.
        if let Some(department) = committee_department(cx, ty, span, &body) {
            out.push(department);
            continue;
        }
        out.push(role_body(cx, ty, span, body));
    }
    if out.is_empty() {
        return;
    }
    cx.mentions.extend(out);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// The department `body` of the Party committee named right before
/// `常委、` (`某市委常委、宣传部部长`), keyed as that committee's department
/// written in full is.
fn committee_department(cx: &Cx, ty: EntityType, span: Span, body: &str) -> Option<Mention> {
    if ty != EntityType::Agency
        || !body.ends_with('部')
        || span.start < 4
        || cx.slice(span.start - 3, span.start) != "常委、"
    {
        return None;
    }
    let c = cx.mentions.iter().find(|c| {
        c.ty == EntityType::Agency
            && !c.anaphoric
            && c.span.end == span.start - 3
            && c.name.ends_with('委')
            && c.div.is_some()
    })?;
    let name = format!("{}{body}", c.name);
    let mut aliases = vec![name.clone(), format!("{}{body}", c.text), body.to_string()];
    aliases.sort();
    aliases.dedup();
    Some(Mention {
        ty,
        span,
        text: body.to_string(),
        key: format!("{}{body}", c.key),
        name,
        aliases,
        class: Some("PartyBody"),
        div: c.div.clone(),
        role: None,
        rule: "agency:committee-department",
        anaphoric: false,
    })
}

/// The mention of a body read from a post. An agency's short form may stand for
/// different bodies in different articles, so its key is the article's own, as
/// for `agency:unplaced`; organisations and companies are keyed by name as
/// everywhere else.
fn role_body(cx: &Cx, ty: EntityType, span: Span, body: String) -> Mention {
    let (name, mut aliases, key, rule) = if ty == EntityType::Agency {
        let (canon, variants) = body_variants(&body);
        let key = format!("unplaced/{}/{canon}", cx.article.id);
        (canon, variants, key, "agency:role-body")
    } else {
        let rule = if ty == EntityType::Company {
            "company:role-body"
        } else {
            "organization:role-body"
        };
        (body.clone(), Vec::new(), normalise_name(&body), rule)
    };
    aliases.push(body.clone());
    aliases.sort();
    aliases.dedup();
    Mention {
        ty,
        span,
        text: body,
        key,
        name,
        aliases,
        class: None,
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

    #[test]
    fn a_body_named_only_in_a_post_is_one() {
        let ex = run("青禾山林区林业工作站原站长王某某、示例园区管委会主任李某某出席。");
        let bodies: Vec<(EntityType, String)> = ex
            .mentions
            .iter()
            .filter(|m| m.rule.ends_with(":role-body"))
            .map(|m| (m.ty, m.name.clone()))
            .collect();
        assert!(
            bodies.contains(&(EntityType::Agency, "示例园区管委会".to_string())),
            "{bodies:?}"
        );
    }

    #[test]
    fn a_department_after_a_committee_members_post_is_the_committees() {
        let ex = run("海宁市委常委、宣传部部长甘文亮出席。海宁市委宣传部发布通知。");
        let departments: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Agency && m.name.ends_with("宣传部"))
            .map(|m| m.key.as_str())
            .collect();
        assert_eq!(departments.len(), 2, "{departments:?}");
        assert_eq!(departments[0], departments[1]);
    }
}
