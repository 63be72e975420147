//! Familiar forms of a name (`老王`, `小李`): a feature story names a person in
//! full once and then by 老 or 小 and the surname. Where exactly one person the
//! article names in full has that surname, the familiar form is that person;
//! otherwise it stays a person of its own.

use super::super::Cx;
use super::super::lexicon::is_surname_start;
use crate::model::EntityType;

pub fn find(cx: &mut Cx) {
    let full: Vec<(char, String, String)> = cx
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Person && !is_familiar(&m.name))
        .filter_map(|m| {
            let chars: Vec<char> = m.name.chars().collect();
            (chars.len() >= 2 && is_surname_start(&chars, 0) == 1)
                .then(|| (chars[0], m.key.clone(), m.name.clone()))
        })
        .collect();
    for m in cx.mentions.iter_mut() {
        if m.ty != EntityType::Person || !is_familiar(&m.name) {
            continue;
        }
        let Some(surname) = m.name.chars().nth(1) else {
            continue;
        };
        let mut same: Vec<&(char, String, String)> =
            full.iter().filter(|(s, _, _)| *s == surname).collect();
        same.sort_by(|a, b| a.1.cmp(&b.1));
        same.dedup_by(|a, b| a.1 == b.1);
        if let [(_, key, name)] = same[..] {
            m.aliases.push(m.name.clone());
            m.key = key.clone();
            m.name = name.clone();
        }
    }
}

/// Whether `name` is 老 or 小 and a surname.
fn is_familiar(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    chars.len() == 2 && matches!(chars[0], '老' | '小') && is_surname_start(&chars, 1) == 1
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn people(text: &str) -> Vec<(String, String)> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Person)
            .map(|m| (m.text.clone(), m.name.clone()))
            .collect()
    }

    #[test]
    fn a_familiar_form_is_the_one_person_of_that_surname() {
        let found = people("今年56岁的王秀芝是当地的养殖户。老王说，今年收成不错。");
        assert!(
            found.contains(&("老王".into(), "王秀芝".into())),
            "{found:?}"
        );
        // Two people of that surname leave it alone.
        let found = people("王秀芝是当地的养殖户，王德明是她的邻居。老王说，今年收成不错。");
        assert!(
            found
                .iter()
                .all(|(text, name)| text != "老王" || name == "老王"),
            "{found:?}"
        );
    }
}
