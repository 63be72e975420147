//! Schools named by their place and number alone (`某市二中`, `某县实验一小`):
//! the short form local papers use for `某市第二中学`. Names that end in a full
//! school suffix (中学, 小学) are the parent module's.

use super::super::names::normalise_name;
use super::super::{Cx, Mention, is_han};
use crate::model::{EntityType, Span};

/// The digits and numerals a school's number is written with.
const NUMERALS: &str = "一二三四五六七八九十0123456789";

/// Finds `place + (实验) + number + 中|小` right after a division mention, when
/// what follows closes the name: no Han character, a list mark, 的, or a
/// word for the school's people (`二中学生`, `一小老师`). Anything else makes
/// another word (`三中全会`, `二中院`, `一中心`).
pub(super) fn numbered_schools(cx: &mut Cx) {
    let mut found = Vec::new();
    for d in cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Division && !m.anaphoric)
    {
        let mut k = d.span.end;
        if cx.starts_with(k, "实验") {
            k += 2;
        }
        let digits = cx.chars[k.min(cx.chars.len())..]
            .iter()
            .take_while(|&&c| NUMERALS.contains(c))
            .count();
        if !(1..=3).contains(&digits) {
            continue;
        }
        let at = k + digits;
        if !cx.chars.get(at).is_some_and(|&c| c == '中' || c == '小') {
            continue;
        }
        let end = at + 1;
        let closes = match cx.chars.get(end) {
            None => true,
            Some(&c) if !is_han(c) || "、和与及的".contains(c) => true,
            Some(_) => ["学生", "老师", "教师", "校长", "师生"]
                .iter()
                .any(|w| cx.starts_with(end, w)),
        };
        let taken = cx.mentions.iter().any(|o| {
            matches!(
                o.ty,
                EntityType::Agency | EntityType::Company | EntityType::Organization
            ) && o.span.overlaps(Span::new(d.span.start, end))
        });
        if closes && !taken {
            found.push((d.span.start, end, d.div.clone()));
        }
    }
    for (s, e, div) in found {
        let text = cx.slice(s, e);
        cx.mentions.push(Mention {
            ty: EntityType::Organization,
            span: Span::new(s, e),
            text: text.clone(),
            key: normalise_name(&text),
            name: text.clone(),
            aliases: vec![text],
            class: None,
            div,
            role: None,
            rule: "organization:numbered-school",
            anaphoric: false,
        });
    }
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
    fn a_place_and_a_number_name_a_school() {
        assert_eq!(
            organisations("杭州二中的学生和嘉兴一中老师参加了活动。"),
            ["杭州二中", "嘉兴一中"]
        );
        // Other words that start like a school's short form.
        assert!(organisations("嘉兴三中全会精神宣讲。").is_empty());
        assert!(organisations("杭州一中心城区建设。").is_empty());
    }
}
