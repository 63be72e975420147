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

/// Non-ASCII characters that may not appear unescaped in an IRI path: all but
/// RFC 3987's `ucschar` ranges, so C1 controls, private use, U+FFFD and the
/// non-characters are percent-encoded.
fn is_iri_unsafe(c: char) -> bool {
    let u = c as u32;
    let ucschar = matches!(u,
        0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF)
        || (u >= 0x10000 && (u & 0xFFFF) <= 0xFFFD && u < 0xF0000)
        || (0xE1000..=0xEFFFD).contains(&u);
    !ucschar
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

/// Predicates of the provenance quads: kept in an article's graph only, never
/// copied into the default graph, because they say where the article says
/// something rather than what is so.
pub fn is_provenance(subject: &str, predicate: &str) -> bool {
    predicate == SPAN || subject.starts_with(STATEMENT_NS)
}

/// Predicates of an entity's description (type, names, code, level): the same in
/// every article that mentions the entity, so they live in the default graph once
/// and stay there while any article graph still says `zq:mentionedIn` of it.
pub const DESCRIPTION_PREDICATES: [&str; 5] = [
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_PREF,
    "https://zhengqi.dev/ns#divisionCode",
    "https://zhengqi.dev/ns#level",
];

/// The link from an entity to an article that names it; an entity whose
/// description is in the default graph has at least one in some article graph.
pub const MENTIONED_IN: &str = "https://zhengqi.dev/ns#mentionedIn";
pub const SPAN: &str = "https://zhengqi.dev/ns#span";
pub const STATEMENT_NS: &str = "https://zhengqi.dev/id/statement/";

/// One article in RDF: the quads of its named graph (what it states, and where)
/// and the descriptions of the entities it names, which belong to the default
/// graph only.
#[derive(Debug, Clone, Default)]
pub struct GraphContent {
    pub graph: String,
    pub quads: Vec<Quad>,
    pub described: Vec<Quad>,
}

/// The RDF of one article. Its named graph holds the article's own description,
/// the links to each entity it names (`zq:mentions`, `zq:mentionedIn`), the names
/// and posts it gives them, the relations it supports, and compact provenance: one
/// `zq:span` literal per mention on the entity, and per supported relation one
/// statement resource (shared by every article that supports it) with its spans
/// and evidence text. Entity descriptions go to [`GraphContent::described`].
pub fn article_quads(kg: &KnowledgeGraph, article_ix: usize) -> GraphContent {
    let meta = &kg.articles[article_ix];
    let mut e = Emitter { out: Vec::new() };
    let mut d = Emitter { out: Vec::new() };
    let a = article_iri(&meta.id);
    e.add(&a, RDF_TYPE, Term::Iri(zq("Article")));
    e.add(&a, DCT_TITLE, Term::zh(&meta.title));
    if let Some(date) = &meta.date {
        e.add(&a, DCT_DATE, Term::literal(date));
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
        if node.ty == EntityType::Article {
            // The article's own node: its names are facts of this article alone.
            e.add(&iri, RDFS_LABEL, Term::zh(&node.name));
            e.add(&iri, SKOS_PREF, Term::zh(&node.name));
            for alt in node.aliases.get(&article_ix).into_iter().flatten() {
                if *alt != node.name {
                    e.add(&iri, SKOS_ALT, Term::zh(alt));
                }
            }
            continue;
        }
        d.add(&iri, RDF_TYPE, Term::Iri(zq(node.ty.name())));
        if let Some(class) = node.class {
            d.add(&iri, RDF_TYPE, Term::Iri(zq(class)));
        }
        d.add(&iri, RDFS_LABEL, Term::zh(&node.name));
        d.add(&iri, SKOS_PREF, Term::zh(&node.name));
        if let Some(code) = &node.code {
            d.add(&iri, &zq("divisionCode"), Term::literal(code));
        }
        if let Some(level) = node.level {
            d.add(&iri, &zq("level"), Term::literal(level.name()));
        }
        let mut alts: BTreeSet<&str> = BTreeSet::new();
        if let Some(set) = node.aliases.get(&article_ix) {
            alts.extend(set.iter().map(String::as_str));
        }
        for alt in alts.into_iter().filter(|a| *a != node.name) {
            e.add(&iri, SKOS_ALT, Term::zh(alt));
        }
        if let Some(roles) = node.roles.get(&article_ix) {
            for r in roles {
                e.add(&iri, &zq("role"), Term::zh(r));
            }
        }
        e.add(&iri, MENTIONED_IN, Term::Iri(a.clone()));
        e.add(&a, &zq("mentions"), Term::Iri(iri.clone()));
        for m in node.mentions.iter().filter(|m| m.article == article_ix) {
            e.add(&iri, SPAN, span_literal(m.span.start, m.span.end));
        }
    }
    for (s, p, o, edge) in kg.edges_of_article(article_ix) {
        let (si, oi) = (entity_iri(kg.node(s)), entity_iri(kg.node(o)));
        e.add(&si, &zq(p.name()), Term::Iri(oi.clone()));
        let evidence: Vec<_> = edge
            .evidence
            .iter()
            .filter(|ev| ev.article == article_ix)
            .collect();
        if evidence.is_empty() {
            continue;
        }
        // One resource per distinct (subject, predicate, object), the same in every
        // article that supports the relation; each article's graph adds its spans.
        let st = format!("{STATEMENT_NS}{}", short_hash(&[&si, p.name(), &oi]));
        e.add(&st, RDF_TYPE, Term::Iri(zq("Statement")));
        e.add(&st, &format!("{RDF_NS}subject"), Term::Iri(si.clone()));
        e.add(&st, &format!("{RDF_NS}predicate"), Term::Iri(zq(p.name())));
        e.add(&st, &format!("{RDF_NS}object"), Term::Iri(oi.clone()));
        for ev in evidence {
            e.add(&st, SPAN, span_literal(ev.span.start, ev.span.end));
            e.add(&st, &zq("text"), Term::zh(&ev.text));
        }
    }
    e.out.sort();
    e.out.dedup();
    d.out.sort();
    d.out.dedup();
    GraphContent {
        graph: article_graph(&meta.id),
        quads: e.out,
        described: d.out,
    }
}

/// A character span as one literal, `start-end` (0-based, end exclusive, counted in
/// Unicode scalar values of the article text).
fn span_literal(start: usize, end: usize) -> Term {
    Term::literal(format!("{start}-{end}"))
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
    fn segments_escape_what_the_iri_grammar_forbids() {
        for (c, escaped) in [
            ('\u{FFFD}', "%EF%BF%BD"),
            ('\u{85}', "%C2%85"),
            ('\u{E000}', "%EE%80%80"),
            ('\u{FDD0}', "%EF%B7%90"),
            ('\u{1FFFF}', "%F0%9F%BF%BF"),
            ('\u{3000}', "%E3%80%80"),
        ] {
            assert_eq!(iri_segment(&c.to_string()), escaped, "{c:?}");
        }
        // Every code point either stays or is escaped into a valid IRI.
        for u in (0..0x11_0000).step_by(97) {
            if let Some(c) = char::from_u32(u) {
                let iri = format!("{ID}x/{}", iri_segment(&format!("a{c}b")));
                assert!(
                    oxiri_like_valid(&iri),
                    "U+{u:04X} gives an invalid IRI {iri}"
                );
            }
        }
    }

    /// The characters left in an escaped IRI are unreserved ASCII, `%`, `/`, `:`
    /// or ucschar: enough for the IRI grammar's path.
    fn oxiri_like_valid(iri: &str) -> bool {
        iri.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || "-._~%/:".contains(c)
                || (c as u32 > 0x7f && !is_iri_unsafe(c) && !c.is_whitespace())
        })
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
