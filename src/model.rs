//! Shared vocabulary of the pipeline: entity types, division levels, predicates and
//! character spans. Every stage speaks in these terms, so they live apart from all of
//! them and depend on nothing.

use serde::Serialize;
use std::fmt;

/// The seven kinds of things the graph holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EntityType {
    Division,
    Agency,
    Company,
    Organization,
    Person,
    Initiative,
    Article,
}

impl EntityType {
    pub const ALL: [EntityType; 7] = [
        EntityType::Division,
        EntityType::Agency,
        EntityType::Company,
        EntityType::Organization,
        EntityType::Person,
        EntityType::Initiative,
        EntityType::Article,
    ];

    /// The local name of the ontology class, which is also the gold type name.
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Division => "Division",
            EntityType::Agency => "Agency",
            EntityType::Company => "Company",
            EntityType::Organization => "Organization",
            EntityType::Person => "Person",
            EntityType::Initiative => "Initiative",
            EntityType::Article => "Article",
        }
    }

    /// The lower-case segment used in entity IRIs.
    pub fn slug(self) -> &'static str {
        match self {
            EntityType::Division => "division",
            EntityType::Agency => "agency",
            EntityType::Company => "company",
            EntityType::Organization => "organization",
            EntityType::Person => "person",
            EntityType::Initiative => "initiative",
            EntityType::Article => "article",
        }
    }

    pub fn from_name(name: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.name() == name)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Administrative level of a division, from province down to town and zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Level {
    Province,
    Prefecture,
    County,
    Township,
    Zone,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::Prefecture => "prefecture",
            Level::County => "county",
            Level::Township => "township",
            Level::Zone => "zone",
        }
    }

    /// The ontology subclass of `Division` for this level.
    pub fn class(self) -> &'static str {
        match self {
            Level::Province => "Province",
            Level::Prefecture => "Prefecture",
            Level::County => "County",
            Level::Township => "Township",
            Level::Zone => "DevelopmentZone",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "province" => Level::Province,
            "prefecture" => Level::Prefecture,
            "county" => Level::County,
            "township" => Level::Township,
            "zone" => Level::Zone,
            _ => return None,
        })
    }

    /// A rank that grows as the level gets smaller; zones rank with towns.
    pub fn depth(self) -> u8 {
        match self {
            Level::Province => 0,
            Level::Prefecture => 1,
            Level::County => 2,
            Level::Township | Level::Zone => 3,
        }
    }
}

/// The relations the graph states between entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Predicate {
    PartOf,
    LocatedIn,
    LaunchedBy,
    ParticipatesIn,
    WorksFor,
    Author,
    SubOrganizationOf,
}

impl Predicate {
    pub const ALL: [Predicate; 7] = [
        Predicate::PartOf,
        Predicate::LocatedIn,
        Predicate::LaunchedBy,
        Predicate::ParticipatesIn,
        Predicate::WorksFor,
        Predicate::Author,
        Predicate::SubOrganizationOf,
    ];

    /// The local name of the ontology property.
    pub fn name(self) -> &'static str {
        match self {
            Predicate::PartOf => "partOf",
            Predicate::LocatedIn => "locatedIn",
            Predicate::LaunchedBy => "launchedBy",
            Predicate::ParticipatesIn => "participatesIn",
            Predicate::WorksFor => "worksFor",
            Predicate::Author => "author",
            Predicate::SubOrganizationOf => "subOrganizationOf",
        }
    }

    pub fn from_name(name: &str) -> Option<Predicate> {
        Predicate::ALL.into_iter().find(|p| p.name() == name)
    }
}

impl fmt::Display for Predicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A half-open range of character (Unicode scalar) offsets into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}
