//! Names of places read as people's: a village or a neighbourhood's name the
//! article also writes with its level word (`某庄` beside `某庄村`, `某庄社区`),
//! a name that ends in the level word itself (`某庄村`), and the home a visitor
//! enters written onto the name (`走进村民某某某家`). Runs after every pass that
//! names people.

use super::super::Cx;
use crate::model::{EntityType, Span};

/// Level words that make a name a place's.
const LEVELS: [&str; 5] = ["村", "社区", "镇", "乡", "街道"];

pub fn drop_place_names(cx: &mut Cx) {
    let text: String = cx.chars.iter().collect();
    cx.mentions.retain(|m| {
        if m.ty != EntityType::Person || m.anaphoric {
            return true;
        }
        let name = m.name.as_str();
        // Only three characters: a Tibetan name may end in 村 (`某某江村`).
        let ends_in_level = name.chars().count() == 3 && LEVELS.iter().any(|l| name.ends_with(l));
        let a_place = name.chars().count() == 2
            && LEVELS.iter().any(|l| text.contains(&format!("{name}{l}")));
        !(ends_in_level || a_place)
    });
    // `走进村民某某某家`: the home is no part of the name.
    for m in cx.mentions.iter_mut() {
        let chars: Vec<char> = m.name.chars().collect();
        if m.ty == EntityType::Person
            && m.rule == "person:post-name"
            && chars.len() == 4
            && chars[3] == '家'
            && super::super::lexicon::SURNAMES.contains(chars[0])
        {
            let name: String = chars[..3].iter().collect();
            m.span = Span::new(m.span.start, m.span.end - 1);
            m.text = name.clone();
            m.key = m.key.replacen(&m.name, &name, 1);
            m.aliases = vec![name.clone()];
            m.name = name;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn people(text: &str) -> Vec<String> {
        run(text)
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Person)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_villages_name_is_no_persons() {
        let found = people("标题\n尹集镇李庄社区的村民说。李庄90%的农户都搬了家，李庄村紧邻景区。");
        assert!(found.iter().all(|n| !n.starts_with("李庄")), "{found:?}");
    }

    #[test]
    fn a_site_named_after_a_family_is_no_persons() {
        // The tagged pass's family places (`某家滩`, `某家坦`).
        let found = people("标题\n以江淮之间凌家滩遗址的发现为代表。南源村吴家坦教学点 潘立华\n");
        assert_eq!(found, ["潘立华"]);
    }

    #[test]
    fn the_home_a_visitor_enters_is_no_part_of_the_name() {
        let found = people("标题\n总书记走进青禾村村民马海明家，询问粮食够不够吃。");
        assert_eq!(found, ["马海明"]);
    }
}
