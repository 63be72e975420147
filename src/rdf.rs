//! Mapping the knowledge graph to RDF through the project's ontology: IRIs, labels,
//! provenance and one named graph per article. Produces plain [`Quad`]s; it never
//! touches the store (that is `store`'s job) and never decides what an entity is
//! (that was `extract` and `link`).

use crate::graph::{KnowledgeGraph, Node};
use crate::model::EntityType;
use std::collections::BTreeSet;
use std::fmt;

pub const ZQ: &str = "https://zhengqi.dev/ns#";
pub const ID: &str = "https://zhengqi.dev/id/";
pub const GRAPH: &str = "https://zhengqi.dev/graph/";
pub const ONTOLOGY_GRAPH: &str = "https://zhengqi.dev/graph/ontology";
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
pub const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
pub const SKOS_PREF: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";
pub const SKOS_ALT: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
pub const DCT_TITLE: &str = "http://purl.org/dc/terms/title";
pub const DCT_DATE: &str = "http://purl.org/dc/terms/date";
pub const DCT_SOURCE: &str = "http://purl.org/dc/terms/source";
const RDF_NS: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";

/// The ontology, compiled in and loaded into its own named graph.
pub const ONTOLOGY: &str = include_str!("../ontology/zhengqi.ttl");

/// Prefixes used in serialisations and available in every query.
pub const PREFIXES: [(&str, &str); 9] = [
    ("zq", ZQ),
    ("id", ID),
    ("rdf", RDF_NS),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("prov", "http://www.w3.org/ns/prov#"),
];

/// An RDF term in plain data.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Term {
    Iri(String),
    Blank(String),
    Literal {
        value: String,
        lang: Option<String>,
        datatype: Option<String>,
    },
}

impl Term {
    pub fn literal(value: impl Into<String>) -> Term {
        Term::Literal {
            value: value.into(),
            lang: None,
            datatype: None,
        }
    }

    pub fn zh(value: impl Into<String>) -> Term {
        Term::Literal {
            value: value.into(),
            lang: Some("zh".into()),
            datatype: None,
        }
    }

    pub fn integer(n: usize) -> Term {
        Term::Literal {
            value: n.to_string(),
            lang: None,
            datatype: Some(XSD_INTEGER.into()),
        }
    }

    /// The IRI, or the lexical value of a literal.
    pub fn value(&self) -> &str {
        match self {
            Term::Iri(s) | Term::Blank(s) => s,
            Term::Literal { value, .. } => value,
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Iri(i) => write!(f, "<{i}>"),
            Term::Blank(b) => write!(f, "_:{b}"),
            Term::Literal { value, lang, .. } => match lang {
                Some(l) => write!(f, "{value:?}@{l}"),
                None => write!(f, "{value:?}"),
            },
        }
    }
}

/// A triple; the named graph is chosen by whoever stores it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quad {
    pub subject: Term,
    pub predicate: String,
    pub object: Term,
}

/// The term `zq:<local>`.
pub fn zq(local: &str) -> String {
    format!("{ZQ}{local}")
}

/// Percent-encodes what may not appear in an IRI path segment, keeping CJK readable.
pub fn iri_segment(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '~' => out.push(c),
            c if (c as u32) > 0x7f && !c.is_whitespace() && !is_iri_unsafe(c) => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

/// Non-ASCII characters that are not allowed unescaped in IRIs (RFC 3987 ucschar
/// excludes the private use and non-character ranges, and full-width forms are
/// kept but normalised brackets are ASCII and escaped above).
fn is_iri_unsafe(c: char) -> bool {
    let u = c as u32;
    (0xE000..=0xF8FF).contains(&u) || (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

/// The IRI of a node.
pub fn entity_iri(node: &Node) -> String {
    format!("{ID}{}/{}", node.ty.slug(), path_iri(&node.key_segment()))
}

pub fn article_graph(article_id: &str) -> String {
    format!("{GRAPH}article/{}", path_iri(article_id))
}

pub fn article_iri(article_id: &str) -> String {
    format!("{ID}article/{}", path_iri(article_id))
}

pub fn page_iri(doc_id: &str) -> String {
    format!("{ID}page/{}", iri_segment(doc_id))
}

fn path_iri(id: &str) -> String {
    id.split('/').map(iri_segment).collect::<Vec<_>>().join("/")
}

struct Emitter {
    out: Vec<Quad>,
}

impl Emitter {
    fn add(&mut self, s: &str, p: &str, o: Term) {
        self.out.push(Quad {
            subject: Term::Iri(s.to_string()),
            predicate: p.to_string(),
            object: o,
        });
    }
}

/// The quads of one article's named graph: the article itself, every entity it
/// mentions with the names it uses, the relations it supports, and the mentions
/// and statements that trace each back to a character span.
pub fn article_quads(kg: &KnowledgeGraph, article_ix: usize) -> Vec<Quad> {
    let meta = &kg.articles[article_ix];
    let mut e = Emitter { out: Vec::new() };
    let a = article_iri(&meta.id);
    e.add(&a, RDF_TYPE, Term::Iri(zq("Article")));
    e.add(&a, DCT_TITLE, Term::zh(&meta.title));
    if let Some(d) = &meta.date {
        e.add(&a, DCT_DATE, Term::literal(d));
    }
    if let Some(p) = &meta.paper {
        e.add(&a, &zq("paper"), Term::zh(p));
    }
    e.add(&a, &zq("sourceFile"), Term::literal(&meta.source));
    let page = page_iri(&meta.doc_id);
    e.add(&a, &zq("onPage"), Term::Iri(page.clone()));
    e.add(&page, RDF_TYPE, Term::Iri(zq("Page")));
    if let Some(t) = &meta.doc_title {
        e.add(&page, DCT_TITLE, Term::zh(t));
    }
    if let Some(n) = &meta.page_number {
        e.add(&page, &zq("pageNumber"), Term::literal(n));
    }
    if let Some(n) = &meta.page_name {
        e.add(&page, &zq("pageName"), Term::zh(n));
    }
    for ix in kg.nodes_of_article(article_ix) {
        let node = kg.node(ix);
        let iri = entity_iri(node);
        e.add(&iri, RDF_TYPE, Term::Iri(zq(node.ty.name())));
        if let Some(class) = node.class {
            e.add(&iri, RDF_TYPE, Term::Iri(zq(class)));
        }
        e.add(&iri, RDFS_LABEL, Term::zh(&node.name));
        e.add(&iri, SKOS_PREF, Term::zh(&node.name));
        let mut alts: BTreeSet<&str> = BTreeSet::new();
        if let Some(set) = node.aliases.get(&article_ix) {
            alts.extend(set.iter().map(String::as_str));
        }
        for alt in alts.into_iter().filter(|a| *a != node.name) {
            e.add(&iri, SKOS_ALT, Term::zh(alt));
        }
        if let Some(code) = &node.code {
            e.add(&iri, &zq("divisionCode"), Term::literal(code));
        }
        if let Some(level) = node.level {
            e.add(&iri, &zq("level"), Term::literal(level.name()));
        }
        if let Some(roles) = node.roles.get(&article_ix) {
            for r in roles {
                e.add(&iri, &zq("role"), Term::zh(r));
            }
        }
        if node.ty != EntityType::Article {
            e.add(&iri, &zq("mentionedIn"), Term::Iri(a.clone()));
            e.add(&a, &zq("mentions"), Term::Iri(iri.clone()));
        }
        for m in node.mentions.iter().filter(|m| m.article == article_ix) {
            // The entity's hash keeps two entities named by one span (rare, but a
            // nested name can do it) from sharing a mention resource.
            let m_iri = format!(
                "{a}/mention/{}-{}-{}",
                m.span.start,
                m.span.end,
                short_hash(&[&iri])
            );
            e.add(&iri, &zq("hasMention"), Term::Iri(m_iri.clone()));
            e.add(&m_iri, RDF_TYPE, Term::Iri(zq("Mention")));
            e.add(&m_iri, &zq("inArticle"), Term::Iri(a.clone()));
            e.add(&m_iri, &zq("start"), Term::integer(m.span.start));
            e.add(&m_iri, &zq("end"), Term::integer(m.span.end));
            e.add(&m_iri, &zq("text"), Term::zh(&m.text));
            e.add(&m_iri, &zq("rule"), Term::literal(m.rule));
        }
    }
    for (s, p, o, edge) in kg.edges_of_article(article_ix) {
        let (si, oi) = (entity_iri(kg.node(s)), entity_iri(kg.node(o)));
        e.add(&si, &zq(p.name()), Term::Iri(oi.clone()));
        for ev in edge.evidence.iter().filter(|ev| ev.article == article_ix) {
            // One span can support several statements with the same predicate
            // (a partOf chain, a list of participants), so the IRI carries a hash
            // of both ends to keep each statement's subject and object its own.
            let st = format!(
                "{a}/statement/{}-{}-{}-{}",
                p.name(),
                ev.span.start,
                ev.span.end,
                short_hash(&[&si, &oi])
            );
            e.add(&st, RDF_TYPE, Term::Iri(zq("Statement")));
            e.add(&st, &format!("{RDF_NS}subject"), Term::Iri(si.clone()));
            e.add(&st, &format!("{RDF_NS}predicate"), Term::Iri(zq(p.name())));
            e.add(&st, &format!("{RDF_NS}object"), Term::Iri(oi.clone()));
            e.add(&st, &zq("inArticle"), Term::Iri(a.clone()));
            e.add(&st, &zq("start"), Term::integer(ev.span.start));
            e.add(&st, &zq("end"), Term::integer(ev.span.end));
            e.add(&st, &zq("text"), Term::zh(&ev.text));
            e.add(&st, &zq("rule"), Term::literal(ev.rule));
        }
    }
    e.out.sort();
    e.out.dedup();
    e.out
}

/// A stable 64-bit FNV-1a hash of the given strings, in hex. Stable across runs and
/// platforms, unlike `std`'s hasher, because IRIs built from it must not change.
fn short_hash(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_keep_cjk_and_escape_the_rest() {
        assert_eq!(iri_segment("海宁市"), "海宁市");
        assert_eq!(iri_segment("a b/c"), "a%20b%2Fc");
        assert_eq!(iri_segment("“芜湖+”"), "“芜湖%2B”");
    }

    #[test]
    fn statement_hashes_differ_by_ends_and_are_stable() {
        let a = short_hash(&["s1", "o"]);
        assert_eq!(a, short_hash(&["s1", "o"]));
        assert_ne!(a, short_hash(&["s2", "o"]));
        // The separator keeps ("ab","c") and ("a","bc") apart.
        assert_ne!(short_hash(&["ab", "c"]), short_hash(&["a", "bc"]));
        assert_eq!(a.len(), 16);
    }
}
