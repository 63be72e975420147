//! worksFor from an official's curriculum vitae (`某某同志简历`): each line
//! that opens with its years (`1993－1998年　某省委常委、副省长`) names the bodies
//! the person served in then. The CV's person is the one its title names.
//! Study is no service: a body the line says the person studied at
//! (`某党校某某班学习`) is left out.

use super::super::{Cx, Object};
use crate::model::{EntityType, Predicate};

/// How far into a line its years may run before `年`.
const MAX_YEARS: usize = 15;

pub(super) fn works_for(cx: &mut Cx) {
    let body = cx.article.body_start;
    let title = cx.slice(0, body);
    if !title.trim_end().ends_with("简历") {
        return;
    }
    let Some(person) = cx
        .mentions
        .iter()
        .position(|m| m.ty == EntityType::Person && m.span.end <= body)
    else {
        return;
    };
    let n = cx.chars.len();
    let mut found = Vec::new();
    let mut start = body;
    while start < n {
        let end = cx.paragraph_end(start);
        let s = (start..end)
            .find(|&k| !cx.chars[k].is_whitespace())
            .unwrap_or(end);
        // Years run into 年 or into a dash (`2017－　某某`, still in office).
        let dated = s + 5 <= end
            && cx.chars[s..s + 4].iter().all(|c| c.is_ascii_digit())
            && ("－-—–".contains(cx.chars[s + 4])
                || (s..end.min(s + MAX_YEARS)).any(|k| cx.chars[k] == '年'));
        if dated {
            for (j, m) in cx.mentions.iter().enumerate() {
                let body_type = matches!(
                    m.ty,
                    EntityType::Agency | EntityType::Company | EntityType::Organization
                );
                if body_type && !m.anaphoric && m.span.start >= s && m.span.end <= end {
                    // The clause after the body says what the person did there.
                    let clause_end = (m.span.end..end)
                        .find(|&k| "，、；）)".contains(cx.chars[k]))
                        .unwrap_or(end);
                    if !cx.slice(m.span.end, clause_end).contains("学习") {
                        found.push(j);
                    }
                }
            }
        }
        start = end + 1;
    }
    for j in found {
        cx.relate(
            person,
            Predicate::WorksFor,
            Object::Mention(j),
            "worksFor:biography",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Object, document_context, extract};
    use crate::gazetteer::Gazetteer;
    use crate::model::Predicate;
    use crate::read::parse_text;

    #[test]
    fn each_dated_line_of_a_cv_names_a_body_served_in() {
        let text = "甘文亮同志简历\n\n甘文亮，男，汉族，1960年3月生。\n\
             1984－1990年　安徽省计委科员\n\
             1990－1995年　中央党校理论班学习\n\
             1995－　浙江省委常委、杭州市委书记\n";
        let gaz = Gazetteer::bundled();
        let doc = parse_text(text, "t.txt", "t").unwrap();
        let ctx = document_context(&[doc.articles[0].text.as_str()], &gaz);
        let ex = extract(&doc.articles[0], &gaz, &ctx);
        let bodies: Vec<&str> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::WorksFor)
            .filter(|r| ex.mentions[r.subject].name == "甘文亮")
            .filter_map(|r| match &r.object {
                Object::Mention(o) => Some(ex.mentions[*o].name.as_str()),
                Object::Division(_) => None,
            })
            .collect();
        assert!(bodies.contains(&"安徽省计委"), "{bodies:?}");
        assert!(bodies.contains(&"杭州市委"), "{bodies:?}");
        assert!(!bodies.contains(&"中央党校"), "{bodies:?}");
    }
}
