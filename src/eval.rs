//! Scoring against gold annotations, exactly as `shared/gold/FORMAT.md` describes:
//! entities and relations are read back from the RDF (through SPARQL, with the
//! ontology's subclass and subproperty closure), names are normalised (NFKC, no
//! white space, no quote marks, lower-case Latin), and precision, recall and F1 are
//! reported per type, per predicate and micro-averaged.

use crate::model::{EntityType, Predicate};
use crate::store::{QueryOutput, Store, StoreError};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Error)]
pub enum EvalError {
    #[error("{path}: {message}")]
    Gold { path: String, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Deserialize)]
pub struct Gold {
    pub document: String,
    pub entities: Vec<GoldEntity>,
    pub relations: Vec<GoldRelation>,
}

#[derive(Debug, Deserialize)]
pub struct GoldEntity {
    #[serde(rename = "type")]
    pub ty: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Deserialize)]
pub struct GoldRelation {
    pub subject: String,
    pub predicate: String,
    pub object: OneOrMany,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn all(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

pub fn load_gold(path: &Path) -> Result<Gold, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::Gold {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    serde_json::from_str(&text).map_err(|e| EvalError::Gold {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}

/// Name normalisation of the scoring rules.
pub fn normalise(s: &str) -> String {
    s.nfkc()
        .filter(|c| !c.is_whitespace() && !"“”‘’\"'《》「」".contains(*c))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Counts for one type or predicate.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    /// True positives counted on the gold side (recall); differs from `tp` only for
    /// `partOf`, which is judged on the transitive closure.
    pub found: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.found + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.found += o.found;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The result of scoring one or more documents.
#[derive(Debug, Default)]
pub struct Report {
    pub entities: BTreeMap<String, Counts>,
    pub relations: BTreeMap<String, Counts>,
    /// Every false positive and false negative, for `--verbose`.
    pub errors: Vec<String>,
}

impl Report {
    pub fn entity_total(&self) -> Counts {
        let mut c = Counts::default();
        self.entities.values().for_each(|x| c.add(x));
        c
    }
    pub fn relation_total(&self) -> Counts {
        let mut c = Counts::default();
        self.relations.values().for_each(|x| c.add(x));
        c
    }
    pub fn merge(&mut self, other: Report) {
        for (k, v) in other.entities {
            self.entities.entry(k).or_default().add(&v);
        }
        for (k, v) in other.relations {
            self.relations.entry(k).or_default().add(&v);
        }
        self.errors.extend(other.errors);
    }
}

struct OutEntity {
    iri: String,
    ty: String,
    names: Vec<String>,
}

const SEVEN: [&str; 7] = [
    "Division",
    "Agency",
    "Company",
    "Organization",
    "Person",
    "Initiative",
    "Article",
];
const SIX: [&str; 6] = [
    "partOf",
    "locatedIn",
    "launchedBy",
    "participatesIn",
    "worksFor",
    "author",
];

fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

fn rows(out: QueryOutput) -> Vec<Vec<String>> {
    match out {
        QueryOutput::Solutions { rows, .. } => rows
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .map(|t| t.map(|t| t.value().to_string()).unwrap_or_default())
                    .collect()
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Reads the scored view of a store: entities with types and names, and relations.
/// A relation as read back: subject IRI, predicate local name, object IRI.
type Triple = (String, String, String);

fn read_output(store: &Store) -> Result<(Vec<OutEntity>, Vec<Triple>), StoreError> {
    // Types: a class with one of the seven local names, or a subclass of one.
    let types = rows(store.query(
        "SELECT DISTINCT ?e ?top WHERE { ?e a ?c . ?c rdfs:subClassOf* ?top . \
         FILTER(isIRI(?top)) }",
        None,
    )?);
    let mut ty_of: BTreeMap<String, String> = BTreeMap::new();
    for r in types {
        let l = local(&r[1]);
        if SEVEN.contains(&l) {
            ty_of.entry(r[0].clone()).or_insert_with(|| l.to_string());
        }
    }
    let names = rows(store.query(
        "SELECT ?e ?n WHERE { ?e rdfs:label|skos:prefLabel|skos:altLabel ?n }",
        None,
    )?);
    let mut names_of: HashMap<String, Vec<String>> = HashMap::new();
    for r in names {
        names_of
            .entry(r[0].clone())
            .or_default()
            .push(normalise(&r[1]));
    }
    let entities = ty_of
        .into_iter()
        .map(|(iri, ty)| OutEntity {
            names: names_of.remove(&iri).unwrap_or_default(),
            iri,
            ty,
        })
        .collect::<Vec<_>>();
    let rels = rows(store.query(
        "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?q ?o . ?q rdfs:subPropertyOf* ?p . FILTER(isIRI(?o)) }",
        None,
    )?);
    let keep: HashSet<&str> = entities.iter().map(|e| e.iri.as_str()).collect();
    let mut relations: Vec<Triple> = rels
        .into_iter()
        .filter(|r| {
            SIX.contains(&local(&r[1]))
                && keep.contains(r[0].as_str())
                && keep.contains(r[2].as_str())
        })
        .map(|r| (r[0].clone(), local(&r[1]).to_string(), r[2].clone()))
        .collect();
    relations.sort();
    relations.dedup();
    Ok((entities, relations))
}

/// Scores the store's content against one gold file.
pub fn score(store: &Store, gold: &Gold) -> Result<Report, StoreError> {
    let (entities, relations) = read_output(store)?;
    let mut report = Report::default();
    for t in SEVEN {
        report.entities.insert(t.to_string(), Counts::default());
    }
    for p in SIX {
        report.relations.insert(p.to_string(), Counts::default());
    }
    let gnames: Vec<HashSet<String>> = gold
        .entities
        .iter()
        .map(|g| {
            std::iter::once(&g.name)
                .chain(g.aliases.iter())
                .map(|n| normalise(n))
                .collect()
        })
        .collect();
    // Which gold entities each output entity matches.
    let mut matches: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut taken = vec![false; gold.entities.len()];
    for e in &entities {
        let hit: Vec<usize> = (0..gold.entities.len())
            .filter(|&g| {
                gold.entities[g].ty == e.ty && e.names.iter().any(|n| gnames[g].contains(n))
            })
            .collect();
        let c = report.entities.entry(e.ty.clone()).or_default();
        let required: Vec<usize> = hit
            .iter()
            .copied()
            .filter(|&g| !gold.entities[g].optional)
            .collect();
        if hit.is_empty() {
            c.fp += 1;
            report.errors.push(format!(
                "FP entity {} {}",
                e.ty,
                e.names.first().cloned().unwrap_or_default()
            ));
        } else if !required.is_empty() {
            match required.iter().find(|&&g| !taken[g]) {
                Some(&g) => {
                    taken[g] = true;
                    c.tp += 1;
                    c.found += 1;
                }
                None => {
                    c.fp += 1;
                    report.errors.push(format!(
                        "FP duplicate {} {}",
                        e.ty, gold.entities[required[0]].name
                    ));
                }
            }
        }
        matches.insert(e.iri.as_str(), hit);
    }
    for (g, ge) in gold.entities.iter().enumerate() {
        if !ge.optional && !taken[g] {
            report.entities.entry(ge.ty.clone()).or_default().fn_ += 1;
            report
                .errors
                .push(format!("FN entity {} {}", ge.ty, ge.name));
        }
    }
    // Gold lookups by name.
    let by_name = |name: &str| -> Vec<usize> {
        let n = normalise(name);
        (0..gold.entities.len())
            .filter(|&g| normalise(&gold.entities[g].name) == n)
            .collect()
    };
    let mut parent: HashMap<usize, Vec<usize>> = HashMap::new();
    for r in gold.relations.iter().filter(|r| r.predicate == "partOf") {
        for s in by_name(&r.subject) {
            for o in r.object.all() {
                parent.entry(s).or_default().extend(by_name(o));
            }
        }
    }
    let ancestors = |g: usize| -> HashSet<usize> {
        let mut out = HashSet::new();
        let mut stack = vec![g];
        while let Some(x) = stack.pop() {
            for &p in parent.get(&x).into_iter().flatten() {
                if out.insert(p) {
                    stack.push(p);
                }
            }
        }
        out
    };
    let optional = |g: usize| gold.entities[g].optional;
    let mut seen: HashSet<(usize, String, usize)> = HashSet::new();
    let mut out_pairs: HashSet<(usize, String, usize)> = HashSet::new();
    for (s, p, o) in &relations {
        let (ms, mo) = (&matches[s.as_str()], &matches[o.as_str()]);
        let c = report.relations.entry(p.clone()).or_default();
        if ms.is_empty() || mo.is_empty() {
            c.fp += 1;
            report.errors.push(format!(
                "FP relation {s} {p} {o} (an end matches no gold entity)"
            ));
            continue;
        }
        // Every matched pair feeds the partOf chains used for recall, including links
        // through optional (unnamed) ancestors.
        for &a in ms {
            for &b in mo {
                out_pairs.insert((a, p.clone(), b));
            }
        }
        if ms.iter().any(|&g| optional(g)) && ms.iter().all(|&g| optional(g))
            || mo.iter().all(|&g| optional(g))
        {
            continue;
        }
        let mut verdict = None;
        'outer: for &a in ms.iter().filter(|&&g| !optional(g)) {
            for &b in mo.iter().filter(|&&g| !optional(g)) {
                if p == "partOf" {
                    if ancestors(a).contains(&b) {
                        verdict = Some((a, b, true));
                        break 'outer;
                    }
                    continue;
                }
                for (ri, r) in gold.relations.iter().enumerate() {
                    if r.predicate != *p || !by_name(&r.subject).contains(&a) {
                        continue;
                    }
                    let accepted: Vec<usize> =
                        r.object.all().into_iter().flat_map(by_name).collect();
                    if accepted.contains(&b) {
                        verdict = Some((ri, b, !r.optional));
                        break 'outer;
                    }
                    if p == "locatedIn" && accepted.iter().any(|&acc| ancestors(acc).contains(&b)) {
                        verdict = Some((usize::MAX, b, false));
                        break 'outer;
                    }
                }
            }
        }
        match verdict {
            Some((ri, b, true)) => {
                if seen.insert((ri, p.clone(), b)) {
                    c.tp += 1;
                }
            }
            Some((_, _, false)) => {}
            None => {
                c.fp += 1;
                report.errors.push(format!("FP relation {s} {p} {o}"));
            }
        }
    }
    // Recall: each gold relation is found when some output triple links its ends;
    // for partOf, when the output's own partOf chain reaches the object.
    let out_partof: HashMap<usize, Vec<usize>> = out_pairs
        .iter()
        .filter(|(_, p, _)| p == "partOf")
        .fold(HashMap::new(), |mut m, (a, _, b)| {
            m.entry(*a).or_default().push(*b);
            m
        });
    let reaches = |a: usize, b: usize| {
        let mut stack = vec![a];
        let mut seen = HashSet::new();
        while let Some(x) = stack.pop() {
            if x == b && x != a {
                return true;
            }
            for &y in out_partof.get(&x).into_iter().flatten() {
                if seen.insert(y) {
                    stack.push(y);
                }
            }
        }
        false
    };
    // partOf recall, as FORMAT.md defines it: each gold division must reach its
    // nearest non-optional gold ancestors through the output's own partOf chain,
    // passing through optional ancestors where the gold hierarchy does.
    let is_division = |g: usize| gold.entities[g].ty == "Division";
    for g in (0..gold.entities.len()).filter(|&g| is_division(g) && !optional(g)) {
        let mut nearest = Vec::new();
        let mut stack: Vec<usize> = parent.get(&g).cloned().unwrap_or_default();
        let mut visited = HashSet::new();
        while let Some(x) = stack.pop() {
            if !visited.insert(x) {
                continue;
            }
            if optional(x) {
                stack.extend(parent.get(&x).into_iter().flatten().copied());
            } else {
                nearest.push(x);
            }
        }
        if nearest.is_empty() {
            continue;
        }
        let c = report.relations.entry("partOf".to_string()).or_default();
        if nearest.iter().any(|&a| reaches(g, a)) {
            c.found += 1;
        } else {
            c.fn_ += 1;
            let names: Vec<&str> = nearest
                .iter()
                .map(|&a| gold.entities[a].name.as_str())
                .collect();
            report.errors.push(format!(
                "FN relation {} partOf {}",
                gold.entities[g].name,
                names.join("|")
            ));
        }
    }
    for r in gold
        .relations
        .iter()
        .filter(|r| !r.optional && r.predicate != "partOf")
    {
        let subjects = by_name(&r.subject);
        let objects: Vec<usize> = r.object.all().into_iter().flat_map(by_name).collect();
        if subjects.iter().any(|&s| optional(s)) || objects.iter().all(|&o| optional(o)) {
            continue;
        }
        let found = if r.predicate == "partOf" {
            subjects
                .iter()
                .any(|&s| objects.iter().any(|&o| reaches(s, o)))
        } else {
            subjects.iter().any(|&s| {
                objects
                    .iter()
                    .any(|&o| out_pairs.contains(&(s, r.predicate.clone(), o)))
            })
        };
        let c = report.relations.entry(r.predicate.clone()).or_default();
        if found {
            c.found += 1;
        } else {
            c.fn_ += 1;
            report.errors.push(format!(
                "FN relation {} {} {}",
                r.subject,
                r.predicate,
                r.object.all().join("|")
            ));
        }
    }
    let _ = (EntityType::ALL, Predicate::ALL);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf;

    /// A store holding the ontology and the given Turtle body (made-up places).
    fn store_with(body: &str) -> Store {
        let store = Store::memory().unwrap();
        store
            .replace_graph_with_turtle(rdf::ONTOLOGY_GRAPH, rdf::ONTOLOGY)
            .unwrap();
        let ttl = format!(
            "@prefix zq: <https://zhengqi.dev/ns#> .\n\
             @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
             @prefix d: <https://zhengqi.dev/id/division/> .\n{body}"
        );
        store
            .replace_graph_with_turtle("https://zhengqi.dev/graph/t", &ttl)
            .unwrap();
        store
    }

    fn gold(json: &str) -> Gold {
        serde_json::from_str(json).unwrap()
    }

    const GOLD: &str = r#"{"document": "t", "entities": [
        {"type": "Division", "name": "甲县", "level": "county"},
        {"type": "Division", "name": "乙市", "level": "prefecture", "optional": true},
        {"type": "Division", "name": "丙省", "level": "province"}],
      "relations": [
        {"subject": "甲县", "predicate": "partOf", "object": "乙市"},
        {"subject": "乙市", "predicate": "partOf", "object": "丙省"}]}"#;

    #[test]
    fn part_of_reaches_the_nearest_named_ancestor_through_an_optional_one() {
        let store = store_with(
            "d:1 a zq:Division ; skos:prefLabel \"甲县\" ; zq:partOf d:2 .\n\
             d:2 a zq:Division ; skos:prefLabel \"乙市\" ; zq:partOf d:3 .\n\
             d:3 a zq:Division ; skos:prefLabel \"丙省\" .\n",
        );
        let r = score(&store, &gold(GOLD)).unwrap();
        let p = r.relations["partOf"];
        assert_eq!((p.found, p.fn_, p.fp), (1, 0, 0), "{:?}", r.errors);
    }

    #[test]
    fn part_of_is_missed_when_the_chain_stops_short() {
        let store = store_with(
            "d:1 a zq:Division ; skos:prefLabel \"甲县\" ; zq:partOf d:2 .\n\
             d:2 a zq:Division ; skos:prefLabel \"乙市\" .\n\
             d:3 a zq:Division ; skos:prefLabel \"丙省\" .\n",
        );
        let r = score(&store, &gold(GOLD)).unwrap();
        assert_eq!(r.relations["partOf"].fn_, 1, "{:?}", r.errors);
    }
}
