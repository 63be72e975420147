//! Places nest inside a body's name: in `某市公安局某区分局某某派出所` each place
//! lies within the one before it. A short form read after a county or a city in
//! the same name that lies outside it (`某阳` of another province, where the
//! text means a subdistrict of that county) is no such division: it is dropped,
//! with every other mention of the same short form in the article.

use super::super::Cx;
use crate::model::EntityType;

pub(in super::super) fn drop_unnested(cx: &mut Cx) {
    let mut wrong: Vec<String> = Vec::new();
    for a in cx.mentions.iter().filter(|m| m.ty == EntityType::Agency) {
        let inside: Vec<&super::super::Mention> = cx
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Division && a.span.contains(m.span))
            .collect();
        for pair in inside.windows(2) {
            let (outer, inner) = (pair[0], pair[1]);
            let (Some(o), Some(i)) = (&outer.div, &inner.div) else {
                continue;
            };
            let (Some(og), Some(ig)) = (o.gaz, i.gaz) else {
                continue;
            };
            if inner.rule == "division:short-form"
                && outer.span.end <= inner.span.start
                && o.level.depth() >= i.level.depth()
                && og != ig
                && !cx.gaz.within(ig, og)
            {
                wrong.push(inner.text.clone());
            }
        }
    }
    if wrong.is_empty() {
        return;
    }
    cx.mentions.retain(|m| {
        !(m.ty == EntityType::Division
            && m.rule == "division:short-form"
            && wrong.contains(&m.text))
    });
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::run;
    use crate::model::EntityType;

    #[test]
    fn a_short_form_outside_the_place_before_it_is_no_division() {
        let ex = run("温州市公安局瑞安分局安阳派出所民警走访了安阳菜市场。");
        let places: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == EntityType::Division)
            .map(|m| m.name.as_str())
            .collect();
        assert!(!places.contains(&"安阳市"), "{places:?}");
        assert!(places.contains(&"瑞安市"), "{places:?}");
    }
}
