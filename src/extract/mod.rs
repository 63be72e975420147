//! Mention extraction: finds, in one article, the spans that name divisions,
//! agencies, companies, organisations, people and initiatives, and the relations
//! the sentences state between them. Rules are general (gazetteer, suffix grammars,
//! surname and post lexicons, quote and title cues); every mention records the rule
//! that produced it. This module reads an [`Article`] and the [`Gazetteer`]; it does
//! not merge entities across articles (that is `link`) and builds no graph.

mod division;
mod lexicon;
mod names;
mod people;
mod relations;

use crate::gazetteer::{DivisionIx, Gazetteer};
use crate::model::{EntityType, Level, Predicate, Span};
use crate::read::Article;

/// A division as a mention refers to it: a gazetteer entry, or a town or zone the
/// gazetteer lacks, placed under a gazetteer parent.
#[derive(Debug, Clone, PartialEq)]
pub struct DivInfo {
    pub gaz: Option<DivisionIx>,
    pub name: String,
    pub level: Level,
    pub parent: Option<DivisionIx>,
    /// Stable key: the division code, or the parent code and the name.
    pub key: String,
    pub code: Option<String>,
    pub aliases: Vec<String>,
}

/// One span of text naming an entity.
#[derive(Debug, Clone)]
pub struct Mention {
    pub ty: EntityType,
    pub span: Span,
    pub text: String,
    /// Linking key within the type (IRI segment).
    pub key: String,
    /// Canonical name.
    pub name: String,
    pub aliases: Vec<String>,
    pub class: Option<&'static str>,
    /// For a division, the division itself; for others, the division named in or
    /// implied by the name (an agency's jurisdiction, a company's place).
    pub div: Option<DivInfo>,
    pub role: Option<String>,
    pub rule: &'static str,
    /// Anaphoric mentions (`该街道纪委`) only add provenance to their antecedent.
    pub anaphoric: bool,
}

/// The object of a relation: another mention, or a division known from context.
#[derive(Debug, Clone)]
pub enum Object {
    Mention(usize),
    Division(DivInfo),
}

#[derive(Debug, Clone)]
pub struct RelationMention {
    pub subject: usize,
    pub predicate: Predicate,
    pub object: Object,
    pub span: Span,
    pub rule: &'static str,
}

/// Everything found in one article.
#[derive(Debug, Default)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    pub relations: Vec<RelationMention>,
    /// The division the article is about (section place or most named county).
    pub locality: Option<DivInfo>,
}

/// Working state while one article is read.
pub(crate) struct Cx<'a> {
    pub chars: Vec<char>,
    pub gaz: &'a Gazetteer,
    pub article: &'a Article,
    pub mentions: Vec<Mention>,
    pub relations: Vec<RelationMention>,
    pub context: Vec<DivisionIx>,
    pub locality: Option<DivInfo>,
}

impl Cx<'_> {
    pub fn slice(&self, s: usize, e: usize) -> String {
        self.chars[s.min(self.chars.len())..e.min(self.chars.len())]
            .iter()
            .collect()
    }

    pub fn starts_with(&self, at: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, c)| self.chars.get(at + k) == Some(&c))
    }

    pub fn ends_with_at(&self, end: usize, word: &str) -> bool {
        let n = word.chars().count();
        end >= n && self.starts_with(end - n, word)
    }

    /// Index of the mention (of the given types) covering `at`, if any.
    pub fn covering(&self, at: usize, types: &[EntityType]) -> Option<usize> {
        self.mentions.iter().position(|m| {
            !m.anaphoric
                && m.rule != "person:byline"
                && types.contains(&m.ty)
                && m.span.start <= at
                && at < m.span.end
        })
    }

    /// Start of the sentence holding `at` (after 。！？；or a line break).
    pub fn sentence_start(&self, at: usize) -> usize {
        let mut i = at.min(self.chars.len());
        while i > 0 && !is_sentence_end(self.chars[i - 1]) {
            i -= 1;
        }
        i
    }

    pub fn sentence_end(&self, at: usize) -> usize {
        let mut i = at;
        while i < self.chars.len() && !is_sentence_end(self.chars[i]) {
            i += 1;
        }
        i
    }

    pub fn paragraph_start(&self, at: usize) -> usize {
        let mut i = at.min(self.chars.len());
        while i > 0 && self.chars[i - 1] != '\n' {
            i -= 1;
        }
        i
    }

    pub fn push(&mut self, m: Mention) -> usize {
        self.mentions.push(m);
        self.mentions.len() - 1
    }

    pub fn relate(
        &mut self,
        subject: usize,
        predicate: Predicate,
        object: Object,
        rule: &'static str,
    ) {
        let span = self.mentions[subject].span;
        self.relations.push(RelationMention {
            subject,
            predicate,
            object,
            span,
            rule,
        });
    }
}

pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c) || c == '〇'
}

pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n' | '…')
}

pub fn is_stop(c: char) -> bool {
    lexicon::STOP_CHARS.contains(c)
}

/// Extracts mentions and relations from one article. `doc_context` holds the
/// divisions named anywhere in the same document, which decides what short
/// county names mean.
pub fn extract(article: &Article, gaz: &Gazetteer, doc_context: &[DivisionIx]) -> Extraction {
    let mut cx = Cx {
        chars: article.text.chars().collect(),
        gaz,
        article,
        mentions: Vec::new(),
        relations: Vec::new(),
        context: doc_context.to_vec(),
        locality: None,
    };
    division::find(&mut cx);
    names::find_agencies(&mut cx);
    names::find_national_agencies(&mut cx);
    names::find_organisations(&mut cx);
    names::find_initiatives(&mut cx);
    people::find(&mut cx);
    relations::find(&mut cx);
    Extraction {
        mentions: cx.mentions,
        relations: cx.relations,
        locality: cx.locality,
    }
}

/// Divisions that full names in a text point to, with their ancestors: the context
/// a whole document gives its articles.
pub fn document_context(texts: &[&str], gaz: &Gazetteer) -> Vec<DivisionIx> {
    division::context_of(texts, gaz)
}
