//! Mention extraction: finds, in one article, the spans that name divisions,
//! agencies, companies, organisations, people and initiatives, and the relations
//! the sentences state between them. Rules are general (gazetteer, suffix grammars,
//! surname and post lexicons, quote and title cues); every mention records the rule
//! that produced it. This module reads an [`Article`] and the [`Gazetteer`]; it does
//! not merge entities across articles (that is `link`) and builds no graph.

mod division;
mod events;
mod foreign;
mod foreign_bodies;
mod initiatives;
mod legislatures;
mod lexicon;
mod lists;
mod military;
mod namemodel;
mod names;
mod national;
mod organisations;
mod people;
mod relations;
mod short_forms;
mod sub_units;
mod tagged;
mod task_groups;
mod trim;
mod unions;

pub use lexicon::{LexiconError, extend_from as extend_lexicons};
pub use short_forms::{abbreviates, swapped_parties};

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

/// How much work the rules may do on one article, counted in mentions examined.
/// Real articles stay far below it (the 16,000 items of the evening-news corpus
/// peak at 137,000, under 0.2% of it); a text built to defeat the rules (tens of thousands of names in
/// one paragraph) would otherwise take minutes. Past it, extraction stops with
/// [`OverBudget`], which the build reports as a problem with the article.
pub const WORK_BUDGET: u64 = 100_000_000;

/// The panic payload that ends extraction of an article over [`WORK_BUDGET`].
#[derive(Debug, Clone, Copy)]
pub struct OverBudget {
    pub mentions: usize,
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
    /// Work done so far, against [`WORK_BUDGET`].
    pub work: std::cell::Cell<u64>,
    /// The segmenter's words, computed once when a pass first asks.
    tokens: std::cell::OnceCell<Vec<crate::segment::Token>>,
}

impl Cx<'_> {
    /// The segmenter's words over the whole text (see [`crate::segment::tag`]).
    pub fn tokens(&self) -> &[crate::segment::Token] {
        self.tokens
            .get_or_init(|| crate::segment::tag(&self.article.text))
    }

    /// The segmenter's word that runs across character offset `at` (starts
    /// before it and ends after it), if a word boundary does not fall there.
    pub fn word_across(&self, at: usize) -> Option<&crate::segment::Token> {
        let tokens = self.tokens();
        let k = tokens.partition_point(|t| t.end <= at);
        tokens.get(k).filter(|t| t.start < at && at < t.end)
    }

    /// Counts `units` of work; past the budget, extraction of this article stops
    /// (a panic with [`OverBudget`], which the build reports).
    pub fn spend(&self, units: usize) {
        let work = self.work.get() + units as u64;
        self.work.set(work);
        if work > WORK_BUDGET {
            std::panic::panic_any(OverBudget {
                mentions: self.mentions.len(),
            });
        }
    }

    /// The text between two character offsets; empty when the range is empty
    /// or reversed, so a rule that computes a bad range finds nothing instead of
    /// failing the document.
    pub fn slice(&self, s: usize, e: usize) -> String {
        let e = e.min(self.chars.len());
        let s = s.min(e);
        self.chars[s..e].iter().collect()
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

    /// For each character, a bit per entity type (`1 << type as u8`) whose
    /// mentions cover it, counted as [`Cx::covering`] counts them. A pass that
    /// asks at every character and adds no mentions meanwhile builds this once
    /// instead of scanning the mentions each time.
    pub fn coverage(&self) -> Vec<u8> {
        let mut mask = vec![0u8; self.chars.len()];
        for m in &self.mentions {
            if m.anaphoric || m.rule == "person:byline" {
                continue;
            }
            let end = m.span.end.min(mask.len());
            for b in &mut mask[m.span.start.min(end)..end] {
                *b |= 1 << m.ty as u8;
            }
        }
        mask
    }

    /// Whether `at` is inside a title in 《》 (a book, a game, a document), where
    /// a name is part of the title.
    pub fn in_book_title(&self, at: usize) -> bool {
        let from = at.saturating_sub(30);
        self.chars[from..at.min(self.chars.len())]
            .iter()
            .rev()
            .find(|&&c| c == '《' || c == '》')
            .is_some_and(|&c| c == '《')
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

    pub fn paragraph_end(&self, at: usize) -> usize {
        let mut i = at.min(self.chars.len());
        while i < self.chars.len() && self.chars[i] != '\n' {
            i += 1;
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
        work: std::cell::Cell::new(0),
        tokens: std::cell::OnceCell::new(),
    };
    division::find(&mut cx);
    names::find_agencies(&mut cx);
    division::drop_unnested(&mut cx);
    national::find(&mut cx);
    national::find_unplaced(&mut cx);
    foreign_bodies::find(&mut cx);
    names::villages::find(&mut cx);
    legislatures::find(&mut cx);
    organisations::find(&mut cx);
    // After organisations, whose names may hold a unit (`某某军区总医院`).
    military::find(&mut cx);
    // After organisations, so that `该行` can reach a central-bank branch.
    names::body_anaphora(&mut cx);
    initiatives::find(&mut cx);
    events::find(&mut cx);
    // After initiatives, so that a campaign a group is named by is named too.
    task_groups::find(&mut cx);
    organisations::organising_committees(&mut cx);
    unions::find(&mut cx);
    people::find(&mut cx);
    people::credits(&mut cx);
    tagged::find(&mut cx);
    // After the tagged pass, whose bare offices (`某某局`) an office written
    // after its body takes over.
    sub_units::find(&mut cx);
    people::join_transliterations(&mut cx);
    people::drop_name_tails(&mut cx);
    people::shorten_to_known(&mut cx);
    people::cues::find(&mut cx);
    people::peers::find(&mut cx);
    people::familiar::find(&mut cx);
    // After every pass that names bodies, so that only a post's body no pass
    // found is read from the post.
    people::roles::find(&mut cx);
    people::places::drop_place_names(&mut cx);
    lists::find(&mut cx);
    // After every pass that names bodies, the dictionary's among them.
    organisations::youth_league(&mut cx);
    // After every pass that names things, so that the short form's mentions exist.
    short_forms::find(&mut cx);
    // After every pass that names initiatives, with their short forms.
    initiatives::repeats(&mut cx);
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

/// A plain listing of one article's mentions and relations, each with the rule that
/// produced it: what `examples/mentions.rs` prints and the extraction snapshots hold.
pub fn explain(article: &Article, ex: &Extraction) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "article {}", article.title);
    for a in &article.authors {
        let _ = writeln!(out, "  author {} ({})", a.name, a.role);
    }
    if let Some(l) = &ex.locality {
        let _ = writeln!(out, "  locality {}", l.name);
    }
    for m in &ex.mentions {
        let _ = writeln!(
            out,
            "  {:?} {}..{} {} => {} [{}]{}{}",
            m.ty,
            m.span.start,
            m.span.end,
            m.text,
            m.name,
            m.rule,
            m.role
                .as_ref()
                .map(|r| format!(" role={r}"))
                .unwrap_or_default(),
            if m.anaphoric { " anaphor" } else { "" }
        );
    }
    for r in &ex.relations {
        let object = match &r.object {
            Object::Mention(j) => ex.mentions[*j].name.clone(),
            Object::Division(d) => d.name.clone(),
        };
        let _ = writeln!(
            out,
            "  {} {} {} [{}]",
            ex.mentions[r.subject].name,
            r.predicate.name(),
            object,
            r.rule
        );
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    //! Rule-level checks on made-up sentences; the snapshots under
    //! `tests/data/extract` cover whole articles.
    use super::*;
    use crate::read::parse_text;

    /// Extraction of one made-up paragraph under a placeholder headline.
    pub(crate) fn run(body: &str) -> Extraction {
        let gaz = Gazetteer::bundled();
        let doc = parse_text(&format!("标题\n\n　　{body}\n"), "t.txt", "t").unwrap();
        let texts: Vec<&str> = doc.articles.iter().map(|a| a.text.as_str()).collect();
        let ctx = document_context(&texts, &gaz);
        extract(&doc.articles[0], &gaz, &ctx)
    }

    /// A quotation holding a single-quoted name used to panic: the quote list
    /// held both, overlapping, and the list rule sliced backwards.
    #[test]
    fn a_quote_inside_a_quotation_is_not_a_list() {
        for body in [
            "他说：“这是‘最多跑一次’改革”。",
            "“‘一网通办’”和“‘一窗受理’”平台",
            "“‘’”、“‘”",
        ] {
            run(body);
        }
    }

    fn names(ex: &Extraction, ty: EntityType) -> Vec<String> {
        let mut v: Vec<String> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == ty && !m.anaphoric)
            .map(|m| m.name.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    fn has(ex: &Extraction, s: &str, p: Predicate, o: &str) -> bool {
        ex.relations.iter().any(|r| {
            let object = match &r.object {
                Object::Mention(j) => &ex.mentions[*j].name,
                Object::Division(d) => &d.name,
            };
            ex.mentions[r.subject].name == s && r.predicate == p && object == o
        })
    }

    #[test]
    fn a_department_after_a_government_joins_its_name() {
        let ex = run("香港特区政府卫生署表示，已采取预防措施。");
        assert_eq!(names(&ex, EntityType::Agency), ["香港特别行政区政府卫生署"]);
    }

    #[test]
    fn a_post_that_names_its_body_works_there() {
        let ex = run("国务院召开常务会议。国务委员孔建和、罗立新出席会议。");
        assert!(has(&ex, "孔建和", Predicate::WorksFor, "国务院"), "{ex:?}");
        assert!(has(&ex, "罗立新", Predicate::WorksFor, "国务院"), "{ex:?}");
    }

    #[test]
    fn stationed_group_and_its_host_body() {
        let ex = run("绵阳市纪委监委驻市商务局纪检监察组督促落实。");
        let agencies = names(&ex, EntityType::Agency);
        assert!(
            agencies.contains(&"绵阳市纪委监委驻商务局纪检监察组".to_string()),
            "{agencies:?}"
        );
        assert!(
            agencies.contains(&"绵阳市商务局".to_string()),
            "{agencies:?}"
        );
    }

    #[test]
    fn numbered_inspection_group_joins_the_party_committee() {
        let ex = run("临沭县委第三巡察组进驻园区。");
        assert!(names(&ex, EntityType::Agency).contains(&"临沭县委第三巡察组".to_string()));
    }

    #[test]
    fn central_bank_branch_is_an_agency_and_bank_branch_one_company() {
        let ex = run("人行衡阳市中心支行和湘南商业银行衡阳分行共同推出“衡信贷”。");
        let agencies = names(&ex, EntityType::Agency);
        assert!(
            agencies
                .iter()
                .any(|a| a.contains("人民银行衡阳市中心支行")),
            "{agencies:?}"
        );
        assert_eq!(names(&ex, EntityType::Company), ["湘南商业银行衡阳分行"]);
    }

    #[test]
    fn names_stop_at_verbs_and_generic_cores_are_dropped() {
        let ex = run("企业首次获得银行授信，首批合作银行已经确定，行业协会积极响应。");
        assert!(names(&ex, EntityType::Company).is_empty());
        assert!(names(&ex, EntityType::Organization).is_empty());
        // Kinds of hospital, a verb of going back and a criminal gang name none.
        let ex =
            run("城市三级医院对口支援县级医院和基层医院。两人回到公司后，依法严惩涉恶犯罪集团。");
        assert!(names(&ex, EntityType::Company).is_empty(), "{ex:?}");
        assert!(names(&ex, EntityType::Organization).is_empty(), "{ex:?}");
    }

    #[test]
    fn a_group_the_state_names_for_itself_is_a_firm() {
        let ex = run("国家铁路集团作了书面汇报，国家管网集团紧急调遣人员。");
        assert_eq!(
            names(&ex, EntityType::Company),
            ["国家管网集团", "国家铁路集团"]
        );
    }

    #[test]
    fn an_unseen_brand_keeps_its_function_character() {
        // The segmenter's model for unseen words joins `众全`; `全` alone is a
        // function word that would otherwise end the walk back.
        let ex = run("在众全食品公司，他察看原材料检测。");
        assert_eq!(names(&ex, EntityType::Company), ["众全食品公司"]);
        // A count of points is not a brand.
        let ex = run("三是鼓励学会发挥作用。");
        assert!(names(&ex, EntityType::Organization).is_empty());
    }

    #[test]
    fn federations_and_a_meeting_of_a_council() {
        let ex = run("青禾教育工作者联会、青禾友好协进会代表出席。联盟首届理事会议在京召开。");
        assert_eq!(
            names(&ex, EntityType::Organization),
            ["青禾友好协进会", "青禾教育工作者联会"]
        );
    }

    #[test]
    fn the_congress_is_an_agency_and_the_institution_none() {
        let ex = run("国务院向全国人民代表大会报告工作。坚持和完善人民代表大会制度。");
        assert!(names(&ex, EntityType::Organization).is_empty(), "{ex:?}");
        assert_eq!(names(&ex, EntityType::Agency).len(), 2, "{ex:?}");
    }

    #[test]
    fn the_youth_leagues_committees_are_organisations() {
        let ex = run("他曾任共青团安徽省委宣传部干事。团省委书记王刚出席。");
        assert!(names(&ex, EntityType::Agency).is_empty(), "{ex:?}");
        assert_eq!(
            names(&ex, EntityType::Organization),
            ["共青团安徽省委宣传部", "团省委"]
        );
    }

    #[test]
    fn brand_before_a_plant_is_a_company() {
        let ex = run("位于衡阳市的拓岚新能源电池工厂正式投产。");
        let m = ex
            .mentions
            .iter()
            .find(|m| m.rule == "company:brand-project")
            .expect("brand mention");
        assert_eq!(m.name, "拓岚");
        assert!(m.aliases.contains(&"拓岚新能源电池".to_string()));
        // A base is a place's or a trade's.
        let ex = run("当地建成准东新能源基地。");
        assert!(
            !ex.mentions
                .iter()
                .any(|m| m.rule == "company:brand-project")
        );
    }

    #[test]
    fn verbs_do_not_start_town_names() {
        let ex = run("县纪委第一时间督促街道整改，毛笔之乡名声在外。");
        assert!(
            names(&ex, EntityType::Division)
                .iter()
                .all(|d| !d.contains("督促") && !d.ends_with("之乡"))
        );
    }

    #[test]
    fn company_placed_where_the_sentence_says() {
        let ex = run(
            "衡阳市蒸湘区的联城街道有家湘衡精工机械有限公司，位于联城街道的湘衡精工机械有限公司扩产。",
        );
        assert!(has(
            &ex,
            "湘衡精工机械有限公司",
            Predicate::LocatedIn,
            "联城街道"
        ));
    }

    #[test]
    fn participants_tie_to_the_initiative_of_their_sentence() {
        let ex = run("衡阳市地方金融监管局推出“衡信贷”，湘衡精工机械有限公司获得贷款500万元。");
        assert!(has(
            &ex,
            "湘衡精工机械有限公司",
            Predicate::ParticipatesIn,
            "衡信贷"
        ));
        assert!(!has(
            &ex,
            "衡阳市地方金融监管局",
            Predicate::ParticipatesIn,
            "衡信贷"
        ));
    }

    #[test]
    fn the_body_made_to_act_launches() {
        let ex = run("衡阳市纪委督促衡阳市住建局开展“清风工地”行动。");
        assert!(
            has(&ex, "清风工地", Predicate::LaunchedBy, "衡阳市住建局"),
            "{}",
            ex.relations.len()
        );
    }

    #[test]
    fn unquoted_programme_after_a_creation_verb() {
        let ex = run("衡阳市商务局组建纺织服装产业招商专班。");
        assert!(names(&ex, EntityType::Initiative).contains(&"纺织服装产业招商专班".to_string()));
    }
}
