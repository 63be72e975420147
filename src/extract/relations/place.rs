//! locatedIn: the place a sentence states for a company or an organisation
//! (`位于X的Y`, `在X，…`), the place in its name, the place of the article's visit,
//! and the article's locality where the paragraph is about it; agencies by their
//! jurisdiction.

use super::super::lexicon::{COUNTRIES, PROVINCE_INITIALS};
use super::super::trim::NATIONAL_PREFIXES;
use super::super::{Cx, DivInfo, Object, is_han};
use crate::model::{EntityType, Predicate};

pub(super) fn located_in(cx: &mut Cx) {
    let visit = visit_place(cx);
    for i in 0..cx.mentions.len() {
        cx.spend(cx.mentions.len());
        let m = &cx.mentions[i];
        if m.anaphoric
            || !matches!(
                m.ty,
                EntityType::Agency | EntityType::Company | EntityType::Organization
            )
        {
            continue;
        }
        // A body stationed in a place (`某部驻某地办事处`, `外交部驻港特派员
        // 公署`) lies there, not where the body that sent it does.
        if let Some(d) = stationed_place(cx, i) {
            cx.relate(
                i,
                Predicate::LocatedIn,
                Object::Division(d),
                "locatedIn:stationed",
            );
            continue;
        }
        // A body whose name opens with a place but was not tied to it when
        // found (`某地立法会`, a unit after its institution) lies there all the
        // same.
        // The place the body was given when found may be the article's
        // locality: the name's own place wins unless the given one lies in it.
        let named = place_opening_name(cx, i);
        let own = match (&m.div, &named) {
            (Some(d), Some(n))
                if d == n
                    || n.gaz.is_some_and(|b| {
                        d.gaz
                            .or(d.parent)
                            .is_some_and(|a| a == b || cx.gaz.within(a, b))
                    }) =>
            {
                m.div.clone()
            }
            (_, Some(_)) => named.clone(),
            _ => m.div.clone(),
        };
        let bare = bare_local_bureau(m);
        let own = if bare { cx.locality.clone() } else { own };
        let rule = match m.ty {
            EntityType::Agency if bare => "locatedIn:article-locality",
            EntityType::Agency => "locatedIn:jurisdiction",
            _ if named.is_some() && own == named => "locatedIn:place-in-name",
            // `县工商联`, `县农商银行`: the bare level word stands for the place.
            _ if m.rule.ends_with(":bare-prefix") && m.div.is_some() => "locatedIn:place-in-name",
            _ if own.as_ref().is_some_and(|d| {
                cx.mentions.iter().any(|x| {
                    x.ty == EntityType::Division
                        && m.span.contains(x.span)
                        && x.div.as_ref() == Some(d)
                })
            }) =>
            {
                "locatedIn:place-in-name"
            }
            _ => "locatedIn:article-locality",
        };
        let organisation = m.ty == EntityType::Organization;
        let stated = stated_place(cx, i).or_else(|| {
            // `A、B等企业`: B shares the place stated for A, unless B's own
            // name holds a place the shared one does not lie in.
            let prev = listed_before(cx, i)?;
            stated_place(cx, prev)
                .filter(|(d, _)| {
                    rule != "locatedIn:place-in-name"
                        || own.as_ref().is_some_and(|own| {
                            let inside = |g| own.gaz.is_some_and(|o| g == o || cx.gaz.within(g, o));
                            d.gaz.map_or(d.parent.is_some_and(inside), inside)
                        })
                })
                .map(|(d, _)| (d, "locatedIn:listed-with"))
        });
        // Organisations without a place in their name or their sentence are
        // only placed by a county section; a page-level guess would too often
        // be wrong.
        if organisation && rule == "locatedIn:article-locality" && stated.is_none() {
            continue;
        }
        // A national firm (`中国某某集团`, `中某集团`) or a foreign one
        // (`某国某某公司`) is not where the article's story happens to be.
        let name = &m.name;
        let national = NATIONAL_PREFIXES.iter().any(|w| name.starts_with(w))
            || name.starts_with('中') && name.ends_with("集团") && name.chars().count() <= 5
            || COUNTRIES.iter().any(|c| name.starts_with(c));
        let guessed = national && rule == "locatedIn:article-locality";
        // Nor is it where a sentence that opens with a place finds it at work
        // (`在某市，中国某某集团…`): a national body's place is its own name's.
        let stated = stated.filter(|(_, r)| !(national && *r == "locatedIn:sentence-place"));
        // A firm the article's visit went to lies where the visit was, unless
        // its name or its sentence says otherwise.
        let visited = visit.clone().filter(|v| {
            m.ty == EntityType::Company
                && v.level.depth() >= 1
                && rule == "locatedIn:article-locality"
                && own.as_ref().is_none_or(|d| {
                    d.key == v.key
                        || matches!((v.gaz, d.gaz), (Some(a), Some(b)) if cx.gaz.within(a, b))
                })
                && !other_places_in_sentence(cx, i, v)
        });
        if let Some((d, rule)) = stated {
            cx.relate(i, Predicate::LocatedIn, Object::Division(d), rule);
        } else if let Some(v) = visited {
            cx.relate(
                i,
                Predicate::LocatedIn,
                Object::Division(v),
                "locatedIn:visit-place",
            );
        } else if let Some(d) = own.clone().map(|d| {
            if m.ty == EntityType::Agency {
                inner_place(cx, i, d)
            } else {
                d
            }
        }) && !guessed
            // A firm in a city's or a county's story is mostly that place's;
            // a province is too wide a story to place a firm by (a provincial
            // or a national firm working there).
            && (rule != "locatedIn:article-locality"
                || (cx.article.section_place.is_some() || d.level.depth() >= 1)
                    && place_in_paragraph(cx, i, &d)
                    && !other_places_in_sentence(cx, i, &d))
        {
            cx.relate(i, Predicate::LocatedIn, Object::Division(d), rule);
        }
    }
}

/// Whether `m` is a local bureau named by its field alone (`民政局`, `环保局`,
/// `水利厅`), with no place of its own: it is the bureau of the place its
/// sentence or its story is about.
fn bare_local_bureau(m: &super::super::Mention) -> bool {
    m.ty == EntityType::Agency
        && m.div.is_none()
        && matches!(m.rule, "organization:tagged" | "agency:tagged-bare")
        && (3..=4).contains(&m.name.chars().count())
        && m.name.ends_with(['局', '厅'])
        && !m.name.starts_with(['国', '中'])
}

/// The place body `i`'s name says it is stationed in: the division named right
/// after a 驻 inside the name (`某某驻香港特别行政区某某公署`), or a
/// province's one-character short form there (`驻港`, `驻京`) when a name goes
/// on after it.
fn stationed_place(cx: &Cx, i: usize) -> Option<DivInfo> {
    let m = &cx.mentions[i];
    let at = (m.span.start + 1..m.span.end.saturating_sub(2)).find(|&k| cx.chars[k] == '驻')?;
    let named = cx.mentions.iter().find(|d| {
        d.ty == EntityType::Division
            && !d.anaphoric
            && d.span.start == at + 1
            && d.span.end < m.span.end
            && d.div.as_ref().is_some_and(|v| v.gaz.is_some())
    });
    if let Some(d) = named {
        return d.div.clone();
    }
    // Two short forms in a row (`驻港澳`) name two places, so neither.
    let initial = |k: usize| {
        PROVINCE_INITIALS
            .iter()
            .find(|(s, _)| s.starts_with(cx.chars[k]))
            .map(|(_, code)| *code)
    };
    // A country's name may open with a province's short form (`驻苏丹`).
    let country = COUNTRIES.iter().any(|c| cx.starts_with(at + 1, c));
    let code = initial(at + 1).filter(|_| !country)?;
    if at + 2 >= m.span.end || initial(at + 2).is_some() {
        return None;
    }
    let ix = cx.gaz.by_code(code)?;
    Some(super::super::division::info(cx.gaz, ix))
}

/// The division of the gazetteer whose name opens body `i`'s name
/// (`某地立法会`), or the one that opens the institution written right before
/// a unit of it (`某省某大学` + `第一医院`). The institution's own place is
/// not taken: when its name holds none, it is the article's locality.
fn place_opening_name(cx: &Cx, i: usize) -> Option<DivInfo> {
    let m = &cx.mentions[i];
    let opening = |start: usize, end: usize| {
        cx.mentions
            .iter()
            .filter(|d| {
                d.ty == EntityType::Division
                    && !d.anaphoric
                    && d.span.start == start
                    && d.span.end < end
                    && d.div.as_ref().is_some_and(|v| v.gaz.is_some())
            })
            .max_by_key(|d| d.span.end)
            .and_then(|d| d.div.clone())
    };
    opening(m.span.start, m.span.end).or_else(|| {
        let institution = cx.mentions.iter().find(|o| {
            o.ty == EntityType::Organization
                && !o.anaphoric
                && o.span.end == m.span.start
                && m.name.starts_with(o.name.as_str())
        })?;
        opening(institution.span.start, institution.span.end)
    })
}

/// The most specific place named inside agency `i`'s name that lies within
/// its division `d` (`某市公安局某区分局某街道派出所` is the subdistrict's
/// station), else `d`. A town outside the gazetteer lies within `d` when its
/// parent is `d` or inside it.
fn inner_place(cx: &Cx, i: usize, d: DivInfo) -> DivInfo {
    let m = &cx.mentions[i];
    let inside = |x: &DivInfo| {
        let parent_in =
            |p: crate::gazetteer::DivisionIx| d.gaz.is_some_and(|a| p == a || cx.gaz.within(p, a));
        x.level.depth() > d.level.depth()
            && match x.gaz {
                Some(g) => d.gaz.is_some_and(|a| cx.gaz.within(g, a)),
                None => x.parent.is_some_and(parent_in),
            }
    };
    cx.mentions
        .iter()
        .filter(|x| x.ty == EntityType::Division && !x.anaphoric && m.span.contains(x.span))
        .filter_map(|x| x.div.clone())
        .filter(inside)
        .max_by_key(|x| x.level.depth())
        .unwrap_or(d)
}

/// Where the article's visit took place: `某某在某省某市就某事进行调研` in the
/// headline or the first paragraph of the body, as the innermost division of the
/// run of places after 在, with a verb of visiting later in the same sentence;
/// the most specific when the headline and the body both say.
/// Reports of a leader's or an inspector's visit name the firms visited without
/// their place.
fn visit_place(cx: &Cx) -> Option<DivInfo> {
    let body = cx.article.body_start;
    let first_end = cx.chars[body.min(cx.chars.len())..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(cx.chars.len(), |k| body + k);
    let divisions = |at: usize| {
        cx.mentions
            .iter()
            .filter(move |d| d.ty == EntityType::Division && !d.anaphoric && d.span.start == at)
            .max_by_key(|d| d.span.end)
    };
    let mut best: Option<DivInfo> = None;
    for i in 0..first_end {
        if cx.chars[i] != '在' {
            continue;
        }
        let mut at = i + 1;
        let mut place = None;
        while let Some(d) = divisions(at) {
            place = d.div.clone().filter(|d| d.gaz.is_some()).or(place);
            at = d.span.end;
        }
        let Some(place) = place else { continue };
        let said = cx.slice(at, cx.sentence_end(at).min(at + 40));
        if ["调研", "考察", "视察", "检查", "走访", "察看"]
            .iter()
            .any(|v| said.contains(v))
            && best
                .as_ref()
                .is_none_or(|b| place.level.depth() > b.level.depth())
        {
            best = Some(place);
        }
    }
    best
}

/// Whether the paragraph of mention `i`, or the headline, names the division `d`
/// or a place inside it: the article's place is only a company's place when
/// the company's paragraph is about that place, which holds in a county's page
/// and not in a national round-up.
fn place_in_paragraph(cx: &Cx, i: usize, d: &DivInfo) -> bool {
    let at = cx.mentions[i].span.start;
    let start = cx.paragraph_start(at);
    let end = cx.chars[at..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(cx.chars.len(), |k| at + k);
    cx.mentions.iter().any(|x| {
        x.ty == EntityType::Division
            && (x.span.start >= start && x.span.end <= end || x.span.end <= cx.article.body_start)
            && x.div.as_ref().is_some_and(|xd| {
                xd.key == d.key
                    || matches!((xd.gaz, d.gaz), (Some(a), Some(b)) if cx.gaz.within(a, b))
            })
    })
}

/// Whether the sentence of mention `i` names a county or a town that is neither
/// `d` nor inside it nor around it: then the article's place is one of several
/// the sentence speaks of, and giving it to the company would be a guess.
fn other_places_in_sentence(cx: &Cx, i: usize, d: &DivInfo) -> bool {
    let at = cx.mentions[i].span.start;
    let (start, end) = (cx.sentence_start(at), cx.sentence_end(at));
    cx.mentions.iter().any(|x| {
        x.ty == EntityType::Division
            && x.span.start >= start
            && x.span.end <= end
            && x.div.as_ref().is_some_and(|xd| {
                // Zones the gazetteer does not know cannot be placed: not counted.
                xd.gaz.is_some()
                    && xd.level.depth() >= 2
                    && xd.key != d.key
                    && !matches!((xd.gaz, d.gaz), (Some(a), Some(b)) if cx.gaz.within(a, b) || cx.gaz.within(b, a))
            })
    })
}

/// The company or organisation listed right before this one (`A、B`), if any.
fn listed_before(cx: &Cx, i: usize) -> Option<usize> {
    cx.spend(cx.mentions.len());
    let s = cx.mentions[i].span.start;
    if s == 0 || !matches!(cx.chars[s - 1], '、' | '和' | '及') {
        return None;
    }
    cx.mentions.iter().position(|o| {
        matches!(o.ty, EntityType::Company | EntityType::Organization)
            && !o.anaphoric
            && o.span.end == s - 1
    })
}

/// The place a sentence gives a company or organisation: `位于X的Y`, `X的Y`, `Y位于X`,
/// or `这家企业位于X` after Y. Agencies are placed by their jurisdiction instead.
fn stated_place(cx: &Cx, i: usize) -> Option<(DivInfo, &'static str)> {
    cx.spend(cx.mentions.len());
    let m = &cx.mentions[i];
    if m.ty == EntityType::Agency && !bare_local_bureau(m) {
        return None;
    }
    let division_ending_at = |end: usize| {
        cx.mentions
            .iter()
            .filter(|d| d.ty == EntityType::Division && !d.anaphoric && d.span.end == end)
            .min_by_key(|d| d.span.start)
            .and_then(|d| d.div.clone())
    };
    // The innermost division of a chain starting here (`某区某镇` gives the town).
    let division_starting_at = |start: usize| {
        let mut at = start;
        let mut found = None;
        while let Some(d) = cx
            .mentions
            .iter()
            .filter(|d| d.ty == EntityType::Division && !d.anaphoric && d.span.start == at)
            .max_by_key(|d| d.span.end)
        {
            found = d.div.clone();
            at = d.span.end;
        }
        found
    };
    // A postal address written right before the name (`某县某乡某小学`,
    // `某镇某路某学校`): the school or firm stands in its last place, when that
    // is a town or ends a chain of places. (A place the name keeps is its own,
    // and is in the name instead.)
    let s = m.span.start;
    let street = (1..=4)
        .filter(|&l| s > l)
        .find(|&l| {
            "路街巷".contains(cx.chars[s - 1])
                && (s - l..s).all(|j| is_han(cx.chars[j]))
                && division_ending_at(s - l).is_some()
        })
        .unwrap_or(0);
    if let Some(dm) = cx
        .mentions
        .iter()
        .filter(|d| d.ty == EntityType::Division && !d.anaphoric && d.span.end == s - street)
        .min_by_key(|d| d.span.start)
        && let Some(d) = dm.div.clone()
        && !cx
            .mentions
            .iter()
            .any(|x| x.ty == EntityType::Division && m.span.contains(x.span))
        && (d.level.depth() >= 3
            || cx
                .mentions
                .iter()
                .any(|o| o.ty == EntityType::Division && o.span.end == dm.span.start))
    {
        return Some((d, "locatedIn:address"));
    }
    // `X的Y` and `X内的Y`, with X a town, subdistrict or zone, or any division that
    // opens its clause (a county before 的 mid-clause is too often the subject of a
    // longer phrase).
    for link in ["的", "内的", "境内的", "辖区的"] {
        let l = link.chars().count();
        if s > l
            && cx.ends_with_at(s, link)
            && let Some(dm) = cx
                .mentions
                .iter()
                .filter(|d| d.ty == EntityType::Division && !d.anaphoric && d.span.end == s - l)
                .min_by_key(|d| d.span.start)
            && let Some(d) = dm.div.clone()
        {
            // A chain of places (`某市某区的`) opens the clause where its first
            // place does.
            let mut start = dm.span.start;
            while let Some(outer) = cx
                .mentions
                .iter()
                .find(|o| o.ty == EntityType::Division && !o.anaphoric && o.span.end == start)
            {
                start = outer.span.start;
            }
            let opens_clause = start == 0
                || !is_han(cx.chars[start - 1])
                || [
                    "位于",
                    "来自",
                    "地处",
                    "落户于",
                    "落户在",
                    "坐落于",
                    "地处于",
                ]
                .iter()
                .any(|w| cx.ends_with_at(start, w));
            if d.level.depth() >= 3 || opens_clause {
                return Some((d, "locatedIn:place-de-name"));
            }
        }
    }
    // `在X，Y…`, `走进…X，Y…`: a clause that places the sentence, right before Y.
    if s >= 2 && matches!(cx.chars[s - 1], '，' | ',') {
        let mut k = s - 1;
        while k > 0 && !"，,。；;！？\n".contains(cx.chars[k - 1]) {
            k -= 1;
        }
        let clause = cx
            .slice(k, s - 1)
            .trim_start_matches(['　', ' '])
            .to_string();
        if ["在", "走进", "来到", "位于", "地处"]
            .iter()
            .any(|w| clause.starts_with(w))
            && let Some(d) = division_ending_at(s - 1)
            && d.level.depth() >= 2
        {
            return Some((d, "locatedIn:place-clause"));
        }
    }
    // `在X，某某来到Y、Z…`: a sentence that opens by placing itself places what
    // it names, when nothing but the place stands in that opening clause.
    let ss = cx.sentence_start(s);
    let opening = cx.slice(ss, s);
    // A place inside the name keeps it, unless the name's place is a province
    // and the sentence's place lies within it (`在某市，…来到某省某某中心`: the
    // centre is in that city). A city's branch (`某行某市分行`) keeps its city.
    let names_in_name: Vec<&DivInfo> = cx
        .mentions
        .iter()
        .filter(|x| x.ty == EntityType::Division && m.span.contains(x.span))
        .filter_map(|x| x.div.as_ref())
        .collect();
    let within_name = |d: &DivInfo| {
        names_in_name.iter().all(|n| {
            n.key != d.key
                && n.level.depth() == 0
                && n.gaz
                    .is_some_and(|g| d.gaz.is_some_and(|dg| cx.gaz.chain(dg).contains(&g)))
        })
    };
    if let Some(comma) = opening.find('，')
        && let Some(rest) = opening[..comma]
            .trim_start_matches(['　', ' '])
            .strip_prefix('在')
        && !rest.is_empty()
    {
        let comma_at = ss + opening[..comma].chars().count();
        let place_start = comma_at - rest.chars().count();
        if let Some(d) = division_starting_at(place_start)
            && cx.mentions.iter().any(|x| {
                x.ty == EntityType::Division
                    && x.span.start >= place_start
                    && x.span.end == comma_at
            })
            && d.level.depth() >= 1
            && within_name(&d)
        {
            return Some((d, "locatedIn:sentence-place"));
        }
    }
    // `某市成立某某中心`: a place that sets up a body right before its name.
    for verb in super::super::lexicon::CREATION_VERBS.iter() {
        let l = verb.chars().count();
        let at = if cx.ends_with_at(s, &format!("{verb}了")) {
            s - l - 1
        } else if cx.ends_with_at(s, verb) {
            s - l
        } else {
            continue;
        };
        if let Some(d) = division_ending_at(at)
            && within_name(&d)
        {
            return Some((d, "locatedIn:set-up-by-place"));
        }
    }
    // `Y位于X`, `Y地处X`, `Y落户X`.
    let e = m.span.end;
    for verb in ["位于", "地处", "落户", "坐落于", "扎根"] {
        if cx.starts_with(e, verb)
            && let Some(d) = division_starting_at(e + verb.chars().count())
        {
            return Some((d, "locatedIn:name-is-at"));
        }
    }
    // `这家企业位于X` in the next sentences, before another company is named.
    let next = cx.sentence_end(e) + 1;
    let limit = cx.sentence_end(next) + 1;
    let later_company = cx.mentions.iter().any(|o| {
        matches!(o.ty, EntityType::Company | EntityType::Organization)
            && o.span.start >= e
            && o.span.start < limit
    });
    if !later_company {
        let text = cx.slice(e, limit.min(cx.chars.len()));
        for lead in [
            "这家企业位于",
            "该企业位于",
            "该公司位于",
            "企业位于",
            "公司位于",
        ] {
            if let Some(p) = text.find(lead) {
                let at = e + text[..p].chars().count() + lead.chars().count();
                if let Some(d) = division_starting_at(at) {
                    return Some((d, "locatedIn:the-company-is-at"));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::extract::Object;
    use crate::extract::tests::run;
    use crate::model::Predicate;

    #[test]
    fn a_unit_written_after_its_institution_lies_where_the_institutions_name_says() {
        // The article's locality is 云南省; the hospital's name says 浙江.
        let ex = run("云南省召开会议。浙江甲乙大学第四医院放疗科主任王建国说，很好。");
        let places: Vec<(String, String)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .filter_map(|r| match &r.object {
                Object::Division(d) => Some((ex.mentions[r.subject].name.clone(), d.name.clone())),
                _ => None,
            })
            .collect();
        assert!(
            places.contains(&("浙江甲乙大学第四医院".into(), "浙江省".into())),
            "{places:?}"
        );
        assert!(!places.iter().any(|(_, d)| d == "云南省"), "{places:?}");
    }

    #[test]
    fn a_body_settled_in_a_place_lies_there() {
        let ex = run("标题\n浙江推进创新。落户于深圳的甘棠高等理工研究院是飞行器的主人。");
        let placed = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .any(|r| matches!(&r.object, Object::Division(d) if d.name == "深圳市"));
        assert!(placed);
    }

    #[test]
    fn a_bureau_named_by_its_field_alone_is_the_bureau_of_its_sentences_place() {
        let ex = run("标题\n江西推进生态建设。在上饶市，环保局对大气和水实时监控。");
        let places: Vec<(String, String)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .filter_map(|r| match &r.object {
                Object::Division(d) => Some((ex.mentions[r.subject].name.clone(), d.name.clone())),
                _ => None,
            })
            .collect();
        assert!(
            places.contains(&("环保局".into(), "上饶市".into())),
            "{places:?}"
        );
    }

    #[test]
    fn a_sentence_naming_another_county_gives_no_guess_from_the_article() {
        // The article is about 海宁市; the sentence also names 桐乡市, so the
        // company's place is not guessed from the article.
        let ex = run("海宁市召开会议。海宁市和桐乡市的庚辛公司签约。");
        let placed = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .any(|r| r.rule == "locatedIn:article-locality");
        assert!(!placed, "{:?}", ex.relations);
    }

    #[test]
    fn an_agency_lies_in_the_innermost_place_its_name_gives() {
        let ex = run("温州市公安局鹿城分局五马派出所推出新举措。");
        let places: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .filter_map(|r| match &r.object {
                Object::Division(d) => Some(d.name.clone()),
                _ => None,
            })
            .collect();
        // The station lies in its district; the city's bureau named inside its
        // name is an agency of its own, in the city.
        assert_eq!(places, ["鹿城区", "温州市"]);
    }

    #[test]
    fn a_school_after_its_postal_address_stands_in_the_addresss_last_place() {
        let ex = run("获奖的是：浙江省嘉兴市海宁市袁花镇丁戊小学 某某。");
        let placed: Vec<(String, &str)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .filter_map(|r| match &r.object {
                Object::Division(d) => Some((d.name.clone(), r.rule)),
                _ => None,
            })
            .collect();
        assert_eq!(placed, [("袁花镇".to_string(), "locatedIn:address")]);
    }

    #[test]
    fn a_company_from_a_place_is_located_there() {
        let ex = run("海宁市召开会议。会上，来自桐乡的庚辛公司介绍了经验。");
        let places: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .filter_map(|r| match &r.object {
                Object::Division(d) => Some(d.name.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(places, ["桐乡市"]);
    }

    #[test]
    fn a_national_body_is_not_where_a_sentence_finds_it_at_work() {
        let ex = run("在绍兴，中国庚辛研究院和庚辛电子股份有限公司签约。");
        let placed: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .map(|r| ex.mentions[r.subject].name.clone())
            .collect();
        assert_eq!(placed, ["庚辛电子股份有限公司"]);
    }

    #[test]
    fn a_body_stationed_in_a_place_lies_there() {
        let found = places(
            "中央人民政府驻香港特别行政区联络办公室举行活动。外交部驻港特派员公署发言人表示反对。",
        );
        assert_eq!(
            found,
            [
                (
                    "中央人民政府驻香港特别行政区联络办公室".into(),
                    "香港特别行政区".into()
                ),
                ("外交部驻港特派员公署".into(), "香港特别行政区".into())
            ]
        );
        // A country whose name opens with a province's short form is no
        // province.
        assert!(places("美国驻苏丹大使馆发表声明。").is_empty());
    }

    #[test]
    fn a_sentence_that_opens_with_a_place_places_what_it_names() {
        let ex =
            run("王某某在浙江调研。在绍兴，他来到庚辛纺织技术创新中心、庚辛电子股份有限公司。");
        let places: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .filter_map(|r| match &r.object {
                Object::Division(d) => Some(d.name.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(places, ["绍兴市", "绍兴市"]);
    }

    #[test]
    fn firms_a_visit_went_to_lie_where_the_visit_was() {
        let ex = run("王某某在湖北省武汉市就复工复产进行调研。他来到韬睿科技、昕晟光电等企业。");
        let placed: Vec<(String, &str)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .filter_map(|r| match &r.object {
                Object::Division(d) => Some((d.name.clone(), r.rule)),
                _ => None,
            })
            .collect();
        assert!(!placed.is_empty(), "{:?}", ex.relations);
        assert!(
            placed
                .iter()
                .all(|(d, rule)| d == "武汉市" && *rule == "locatedIn:visit-place"),
            "{placed:?}"
        );
    }

    fn places(text: &str) -> Vec<(String, String)> {
        let ex = run(text);
        ex.relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .filter_map(|r| match &r.object {
                Object::Division(d) => Some((ex.mentions[r.subject].name.clone(), d.name.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_firm_named_with_its_place_keeps_it_in_a_list_and_a_chain_opens_a_clause() {
        let found = places("杭州的青禾科技有限公司和温州正远阀门有限公司参展。");
        assert!(
            found.contains(&("温州正远阀门有限公司".into(), "温州市".into())),
            "{found:?}"
        );
        let found = places("会上，绍兴越城区的青禾纺织有限公司表示将加大投入。");
        assert_eq!(found, [("青禾纺织有限公司".into(), "越城区".into())]);
    }

    #[test]
    fn a_place_that_sets_up_a_body_holds_it() {
        let found = places("今年，嘉兴成立示例成果转化中心，面向企业开放。");
        assert_eq!(found, [("示例成果转化中心".into(), "嘉兴市".into())]);
    }

    #[test]
    fn the_sentences_place_inside_the_names_place_is_the_finer_one() {
        let found = places("在嘉兴，他来到浙江省示例技术创新中心调研。");
        assert_eq!(found, [("浙江省示例技术创新中心".into(), "嘉兴市".into())]);
    }
}
