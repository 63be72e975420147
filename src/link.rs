//! Linking: turns the mentions of each article into graph nodes, one per real thing.
//! Divisions link by code, other entities by type and normalised key; agencies of
//! one division whose bodies differ only in form (`自然资源部门`, `自然资源分局`)
//! merge; anaphors (`该街道纪委`) join their antecedent; every name seen becomes an
//! alias. Owns the decision "same thing or not"; it does not find mentions.

use crate::extract::{self, DivInfo, Extraction, Mention, Object};
use crate::gazetteer::Gazetteer;
use crate::graph::{ArticleMeta, Evidence, KnowledgeGraph, MentionRef, NodeId, NodeSpec};
use crate::model::{EntityType, Predicate, Span};
use crate::read::Document;
use std::collections::HashMap;

/// Adds one document's articles to the graph; returns their article indexes.
pub fn link_document(doc: &Document, gaz: &Gazetteer, kg: &mut KnowledgeGraph) -> Vec<usize> {
    let texts: Vec<&str> = doc.articles.iter().map(|a| a.text.as_str()).collect();
    let ctx = extract::document_context(&texts, gaz);
    let extractions: Vec<Extraction> = doc
        .articles
        .iter()
        .map(|a| extract::extract(a, gaz, &ctx))
        .collect();
    // Agencies named by domain only (`X部门`) merge into a body of the same division
    // and domain named anywhere in the document.
    let agencies: Vec<(String, String)> = extractions
        .iter()
        .flat_map(|e| e.mentions.iter())
        .filter(|m| m.ty == EntityType::Agency && !m.key.ends_with("部门"))
        .map(|m| (m.key.clone(), m.name.clone()))
        .collect();
    let extractions = join_short_forms(extractions, gaz);
    // People share names, so a person is one node per name within a place (or, for
    // reporters, within a paper): the same name in two counties is usually two
    // people. Within one document a name is one person, placed where it first
    // appears.
    let paper = doc.paper.clone().unwrap_or_else(|| "press".to_string());
    let mut person_scopes: HashMap<(bool, String), String> = HashMap::new();
    for ex in &extractions {
        let place = ex
            .locality
            .as_ref()
            .map_or_else(|| "cn".to_string(), |d| d.key.clone());
        for m in ex.mentions.iter().filter(|m| m.ty == EntityType::Person) {
            let byline = m.rule == "person:byline";
            let scope = if byline { paper.clone() } else { place.clone() };
            person_scopes
                .entry((byline, m.key.clone()))
                .or_insert(scope);
        }
    }
    // A reporter named again in the text (a dateline, a photo credit) is the
    // reporter.
    let reporters: Vec<(String, String)> = person_scopes
        .iter()
        .filter(|((byline, _), _)| *byline)
        .map(|((_, name), scope)| (name.clone(), scope.clone()))
        .collect();
    for (name, scope) in reporters {
        person_scopes.insert((false, name), scope);
    }
    let mut out = Vec::new();
    for (article, ex) in doc.articles.iter().zip(extractions) {
        let ix = kg.add_article(ArticleMeta {
            id: article.id.clone(),
            title: article.title.clone(),
            date: doc.date.clone(),
            paper: doc.paper.clone(),
            source: format!("{}:{}", doc.source, article.line),
            doc_id: doc.id.clone(),
            doc_title: doc.title.clone(),
            page_number: doc.page_number.clone(),
            page_name: doc.page_name.clone(),
        });
        let art = kg.upsert(
            ix,
            NodeSpec {
                ty: EntityType::Article,
                key: &article.id,
                name: &article.title,
                class: None,
                level: None,
                code: None,
            },
        );
        for t in &article.alt_titles {
            kg.add_alias(art, ix, t);
        }
        let mut mentions = ex.mentions;
        for m in mentions.iter_mut().filter(|m| m.ty == EntityType::Person) {
            if let Some(scope) = person_scopes.get(&(m.rule == "person:byline", m.key.clone())) {
                m.key = format!("{scope}/{}", m.key);
            }
        }
        for m in &mut mentions {
            if m.ty == EntityType::Agency
                && let Some(domain) = m.key.strip_suffix("部门")
                && let Some((k, name)) = agencies
                    .iter()
                    .find(|(k, _)| k.starts_with(domain) && k.len() > domain.len())
            {
                m.aliases.push(m.text.clone());
                m.key = k.clone();
                m.name = name.clone();
            }
        }
        let nodes: Vec<NodeId> = mentions
            .iter()
            .map(|m| add_mention(kg, gaz, ix, m))
            .collect();
        for r in &ex.relations {
            let subject = nodes[r.subject];
            let text = mentions[r.subject].text.clone();
            let evidence = Evidence {
                article: ix,
                span: r.span,
                text,
                rule: r.rule,
            };
            if r.predicate == Predicate::Author {
                kg.relate(art, Predicate::Author, subject, evidence);
                continue;
            }
            let object = match &r.object {
                Object::Mention(j) => nodes[*j],
                Object::Division(d) => division_node(kg, gaz, ix, d, r.span),
            };
            kg.relate(subject, r.predicate, object, evidence);
        }
        out.push(ix);
    }
    out
}

/// Within one document, later and shorter ways of naming a company or an
/// initiative join the full name: a brand before 项目 (`某某工厂`) joins the company
/// whose name gives that brand, and `“直通车”` joins `“某某直通车”` when that is
/// the only initiative it ends. Ambiguous short forms stay apart.
fn join_short_forms(mut extractions: Vec<Extraction>, gaz: &Gazetteer) -> Vec<Extraction> {
    // A prefix that is one place's name or short form, whole (`某港`).
    let place = |prefix: &str| {
        let hits = gaz.find(prefix);
        hits.len() == 1 && hits[0].start == 0 && hits[0].end == prefix.chars().count()
    };
    let full: Vec<(EntityType, String, String, Vec<String>)> = extractions
        .iter()
        .flat_map(|e| e.mentions.iter())
        .filter(|m| !m.anaphoric && m.rule != "company:brand-project")
        .filter(|m| {
            matches!(
                m.ty,
                EntityType::Company | EntityType::Organization | EntityType::Initiative
            )
        })
        .map(|m| (m.ty, m.key.clone(), m.name.clone(), m.aliases.clone()))
        .collect();
    for ex in &mut extractions {
        for m in &mut ex.mentions {
            let targets: Vec<&(EntityType, String, String, Vec<String>)> = match m.ty {
                EntityType::Company if m.rule == "company:brand-project" => full
                    .iter()
                    .filter(|(ty, _, _, aliases)| {
                        *ty == EntityType::Company && aliases.contains(&m.name)
                    })
                    .collect(),
                // A full legal name written without its leading place
                // (`某某科技有限公司` after `成都某某科技有限公司`); a short one
                // (`某和集团` after `某港某和集团`) only when what it lacks is
                // a place's name.
                EntityType::Company | EntityType::Organization if m.key.chars().count() >= 4 => {
                    let long = m.key.chars().count() >= 6;
                    full.iter()
                        .filter(|(ty, key, _, _)| {
                            *ty == m.ty
                                && key.len() > m.key.len()
                                && key.ends_with(m.key.as_str())
                                && key.chars().count() - m.key.chars().count() <= 4
                                && (long || place(&key[..key.len() - m.key.len()]))
                        })
                        .collect()
                }
                EntityType::Initiative if m.key.chars().count() >= 2 => full
                    .iter()
                    .filter(|(ty, key, _, _)| {
                        *ty == EntityType::Initiative
                            && key.len() > m.key.len()
                            && key.ends_with(m.key.as_str())
                    })
                    .collect(),
                _ => continue,
            };
            let mut keys: Vec<&String> = targets.iter().map(|t| &t.1).collect();
            keys.sort();
            keys.dedup();
            if keys.len() == 1 {
                let t = targets[0];
                m.aliases.push(m.name.clone());
                m.key = t.1.clone();
                m.name = t.2.clone();
            }
        }
    }
    join_swapped_parties(join_abbreviations(extractions))
}

/// Within one document, a pact named with its parties the other way round
/// (`某中投资协定` beside `中某投资协定`) is the one named first.
fn join_swapped_parties(mut extractions: Vec<Extraction>) -> Vec<Extraction> {
    // The first name of each initiative in document order.
    let mut first: Vec<(String, String)> = Vec::new();
    for m in extractions.iter().flat_map(|e| e.mentions.iter()) {
        if m.ty == EntityType::Initiative && !first.iter().any(|(n, _)| *n == m.name) {
            first.push((m.name.clone(), m.key.clone()));
        }
    }
    let position = |name: &str| first.iter().position(|(n, _)| n == name);
    for m in extractions
        .iter_mut()
        .flat_map(|e| e.mentions.iter_mut())
        .filter(|m| m.ty == EntityType::Initiative)
    {
        let Some(swapped) = extract::swapped_parties(&m.name) else {
            continue;
        };
        if let (Some(other), Some(own)) = (position(&swapped), position(&m.name))
            && other < own
        {
            m.aliases.push(m.name.clone());
            m.key = first[other].1.clone();
            m.name = swapped;
        }
    }
    extractions
}

/// Within one document, a body named by an abbreviation the text never declares
/// (`人社部` after `人力资源社会保障部`, `俄国防部` after `俄罗斯国防部`) is the
/// body it abbreviates, when it abbreviates only one.
fn join_abbreviations(mut extractions: Vec<Extraction>) -> Vec<Extraction> {
    let bodies = |ty: EntityType| {
        matches!(
            ty,
            EntityType::Agency | EntityType::Organization | EntityType::Company
        )
    };
    let full: Vec<(EntityType, String, String, Vec<String>)> = extractions
        .iter()
        .flat_map(|e| e.mentions.iter())
        .filter(|m| !m.anaphoric && bodies(m.ty))
        .map(|m| (m.ty, m.key.clone(), m.name.clone(), m.aliases.clone()))
        .collect();
    for m in extractions
        .iter_mut()
        .flat_map(|e| e.mentions.iter_mut())
        .filter(|m| !m.anaphoric && bodies(m.ty))
    {
        // Only a longer form with the same first character can be abbreviated
        // by this one; the cheap test keeps the pairs of a long article few.
        let first = m.name.chars().next();
        // A national body also goes without its `国家` (`发改委` for `国家发改委`),
        // and a Party body without the Party's `中共` (`中央纪委` for `中共中央纪委`).
        let could = |form: &String| {
            form.len() > m.name.len()
                && (form.chars().next() == first && extract::abbreviates(&m.name, form)
                    || m.ty == EntityType::Agency
                        && m.name.chars().count() >= 3
                        && ["国家", "中共"]
                            .iter()
                            .any(|p| form.strip_prefix(p) == Some(m.name.as_str())))
        };
        // A body found with no place (`某乡政府` where the text named no place
        // for it) is the placed body of the same name the document names.
        let unplaced = m.key.starts_with("unplaced/");
        let mut targets: Vec<&(EntityType, String, String, Vec<String>)> = full
            .iter()
            .filter(|(ty, key, name, aliases)| {
                *ty == m.ty
                    && *key != m.key
                    && (std::iter::once(name).chain(aliases).any(could)
                        || unplaced && !key.starts_with("unplaced/") && *name == m.name)
            })
            .collect();
        targets.sort_by(|a, b| a.1.cmp(&b.1));
        targets.dedup_by(|a, b| a.1 == b.1);
        if let [t] = targets[..] {
            m.aliases.push(m.name.clone());
            m.key = t.1.clone();
            m.name = t.2.clone();
        }
    }
    extractions
}

fn division_node(
    kg: &mut KnowledgeGraph,
    gaz: &Gazetteer,
    article: usize,
    d: &DivInfo,
    span: Span,
) -> NodeId {
    let id = kg.upsert(
        article,
        NodeSpec {
            ty: EntityType::Division,
            key: &d.key,
            name: &d.name,
            class: Some(d.level.class()),
            level: Some(d.level),
            code: d.code.as_deref(),
        },
    );
    // The whole parent chain up to the province, so every division reaches its
    // province through partOf.
    let mut child = id;
    let start = match d.gaz {
        Some(ix) => gaz.get(ix).parent,
        None => d.parent,
    };
    let mut cur = start;
    while let Some(p) = cur {
        let info = extract_info(gaz, p);
        let pid = kg.upsert(
            article,
            NodeSpec {
                ty: EntityType::Division,
                key: &info.key,
                name: &info.name,
                class: Some(info.level.class()),
                level: Some(info.level),
                code: info.code.as_deref(),
            },
        );
        if !kg.has_edge(child, Predicate::PartOf, pid) {
            kg.relate(
                child,
                Predicate::PartOf,
                pid,
                Evidence {
                    article,
                    span,
                    text: kg.node(child).name.clone(),
                    rule: "partOf:gazetteer-chain",
                },
            );
        }
        child = pid;
        cur = gaz.get(p).parent;
    }
    id
}

fn extract_info(gaz: &Gazetteer, ix: usize) -> DivInfo {
    let d = gaz.get(ix);
    DivInfo {
        gaz: Some(ix),
        name: d.name.clone(),
        level: d.level,
        parent: d.parent,
        key: d.code.clone(),
        code: Some(d.code.clone()),
        aliases: Vec::new(),
    }
}

fn add_mention(kg: &mut KnowledgeGraph, gaz: &Gazetteer, article: usize, m: &Mention) -> NodeId {
    let id = match (&m.ty, &m.div) {
        (EntityType::Division, Some(d)) => division_node(kg, gaz, article, d, m.span),
        _ => kg.upsert(
            article,
            NodeSpec {
                ty: m.ty,
                key: &m.key,
                name: &m.name,
                class: m.class,
                level: None,
                code: None,
            },
        ),
    };
    if !m.anaphoric {
        if m.rule != "person:byline" {
            kg.add_alias(id, article, &m.text);
        }
        for a in &m.aliases {
            kg.add_alias(id, article, a);
        }
    }
    if let Some(r) = &m.role {
        kg.add_role(id, article, r);
    }
    if m.rule != "person:byline" {
        kg.add_mention(
            id,
            MentionRef {
                article,
                span: m.span,
                text: m.text.clone(),
                rule: m.rule,
            },
        );
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The companies the document names, one per node.
    fn companies(text: &str) -> Vec<String> {
        nodes(text, EntityType::Company)
    }

    /// The entities of one type the document names, one per node.
    fn nodes(text: &str, ty: EntityType) -> Vec<String> {
        let doc = crate::read::parse_text(&format!("标题\n\n　　{text}\n"), "t.txt", "t").unwrap();
        let gaz = Gazetteer::bundled();
        let mut kg = KnowledgeGraph::new();
        let mut names: Vec<String> = link_document(&doc, &gaz, &mut kg)
            .into_iter()
            .flat_map(|a| kg.nodes_of_article(a))
            .map(|id| kg.node(id))
            .filter(|n| n.ty == ty)
            .map(|n| n.name.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    #[test]
    fn a_short_name_without_its_leading_place_is_the_same_company() {
        assert_eq!(
            companies("香港华茂集团发表声明。华茂集团表示支持。"),
            ["香港华茂集团"]
        );
        // What a short name lacks must be a place's name.
        assert_eq!(companies("大华茂集团发表声明。华茂集团表示支持。").len(), 2);
    }

    #[test]
    fn a_pact_named_with_its_parties_the_other_way_round_is_the_same() {
        assert_eq!(
            nodes(
                "双方宣布完成中欧投资协定谈判。欧方表示，欧中投资协定将带来机遇。",
                EntityType::Initiative
            ),
            ["中欧投资协定"]
        );
    }

    #[test]
    fn a_body_found_without_a_place_is_the_placed_body_of_its_name() {
        let text = "这是今年3月1日，暗访人员在郴州马头岭乡政府看到的情景。\n　　这名工作人员躲进了旁边的一栋大楼，再没回到办公室。经过调查，这名工作人员是马头岭乡政府纪委书记甘某，最终他被免除一切职务。";
        let doc = crate::read::parse_text(&format!("标题\n\n　　{text}\n"), "t.txt", "t").unwrap();
        let gaz = Gazetteer::bundled();
        let mut kg = KnowledgeGraph::new();
        let mut ids: Vec<NodeId> = link_document(&doc, &gaz, &mut kg)
            .into_iter()
            .flat_map(|a| kg.nodes_of_article(a))
            .filter(|&id| kg.node(id).ty == EntityType::Agency)
            .collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 1);
    }

    #[test]
    fn a_zone_named_alone_is_the_one_named_with_its_place() {
        let doc = crate::read::parse_text(
            "【重温嘱托看变化】湖北：“光”“水”之变 重塑发展新方式\n\n　　日前，工信部批复了全国新一批制造业创新中心，武汉东湖新技术开发区信息光电子创新中心位列其中。东湖新技术开发区被誉为“中国光谷”。2013年王建国在湖北武汉主持召开部分省市负责人座谈会，并专程来到这里。\n",
            "t.txt",
            "t",
        )
        .unwrap();
        let gaz = Gazetteer::bundled();
        let mut kg = KnowledgeGraph::new();
        let mut ids: Vec<NodeId> = link_document(&doc, &gaz, &mut kg)
            .into_iter()
            .flat_map(|a| kg.nodes_of_article(a))
            .filter(|&id| {
                let n = kg.node(id);
                n.ty == EntityType::Division && n.name.contains("东湖")
            })
            .collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 1);
    }

    #[test]
    fn a_national_body_without_its_guojia_is_the_same() {
        assert_eq!(
            nodes(
                "国家发展改革委发布数据。发改委表示，投资增长。",
                EntityType::Agency
            ),
            ["国家发改委"]
        );
        assert_eq!(
            nodes(
                "中共中央纪委发布通报。中央纪委表示，要严肃查处。",
                EntityType::Agency
            )
            .len(),
            1
        );
    }

    #[test]
    fn an_undeclared_abbreviation_is_the_body_it_abbreviates() {
        assert_eq!(
            nodes(
                "人力资源社会保障部发布数据。人社部表示，就业形势稳定。",
                EntityType::Agency
            ),
            ["人力资源社会保障部"]
        );
        // A body's name of its own stays apart.
        assert_eq!(
            nodes(
                "福建省国防动员委员会召开会议。福建省委作出部署。",
                EntityType::Agency
            )
            .len(),
            2
        );
    }
}
