//! A second, independent check of mention detection: runs the extractor over
//! sentences labelled in the CLUENER2020 JSON Lines format
//! (`{"text": "...", "label": {TYPE: {STRING: [[start, end], ...]}}}`, character
//! offsets, `end` inclusive) and compares mention spans with the labels.
//!
//! Each sentence is read as its own plain article (a neutral headline line, then the
//! sentence as the only paragraph) through [`read::parse_text`], exactly as a file
//! would be, and extracted with the document context that article gives. Mention
//! spans index the article text by character; the sentence's offset in that text is
//! found and subtracted, so labels and mentions are compared in sentence characters.
//!
//! Label types map onto ours: `company` -> Company, `government` -> Agency, `name` ->
//! Person, `organization` -> Organization (which there also holds sports teams and
//! bands, but not newspapers, which CLUENER labels `book`), `position` -> the
//! post text a Person mention carries as its role (the
//! characters right before the name), `address` -> Division (loose: addresses are
//! wider than divisions). Other label types (book, game, movie, scene) are ignored,
//! and so are our Initiative mentions.
//!
//! Scores per type: exact-span precision, recall and F1, and overlap precision and
//! recall (a prediction counts when it shares a character with a label of the same
//! type, a label counts when some prediction of its type shares one), plus micro
//! totals over the four entity types and over all six rows.

use crate::extract;
use crate::gazetteer::Gazetteer;
use crate::model::{EntityType, Span};
use crate::read;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use thiserror::Error;

/// The headline each sentence is given, so the sentence is read as body text.
/// It names nothing.
const HEADLINE: &str = "简讯";

/// The rows of the report: a label type and what it is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Company,
    Agency,
    Person,
    Organization,
    /// A person's post: the role text of a Person mention.
    Position,
    /// Divisions against `address` labels (loose: addresses are wider).
    Division,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Company,
        Kind::Agency,
        Kind::Person,
        Kind::Organization,
        Kind::Position,
        Kind::Division,
    ];

    /// The four entity types whose labels mean the same as our types.
    pub const CORE: [Kind; 4] = [
        Kind::Company,
        Kind::Agency,
        Kind::Person,
        Kind::Organization,
    ];

    /// The CLUENER label type.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Company => "company",
            Kind::Agency => "government",
            Kind::Person => "name",
            Kind::Organization => "organization",
            Kind::Position => "position",
            Kind::Division => "address",
        }
    }

    /// Our name for the row.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Company => "Company",
            Kind::Agency => "Agency",
            Kind::Person => "Person",
            Kind::Organization => "Organization",
            Kind::Position => "Person.role",
            Kind::Division => "Division",
        }
    }

    /// True when the label type is wider than ours, so the figures are indicative.
    pub fn loose(self) -> bool {
        self == Kind::Division
    }

    pub fn from_label(label: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.label() == label)
    }

    fn of_entity(ty: EntityType) -> Option<Kind> {
        match ty {
            EntityType::Company => Some(Kind::Company),
            EntityType::Agency => Some(Kind::Agency),
            EntityType::Person => Some(Kind::Person),
            EntityType::Organization => Some(Kind::Organization),
            EntityType::Division => Some(Kind::Division),
            EntityType::Initiative | EntityType::Article => None,
        }
    }
}

/// Counts for one row (or a micro total).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub pred: usize,
    /// Predictions whose span equals a label's span.
    pub exact: usize,
    /// Predictions that share a character with a label of the same type.
    pub pred_overlapping: usize,
    /// Labels that share a character with a prediction of the same type.
    pub gold_overlapping: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Counts {
    pub fn exact_precision(&self) -> f64 {
        ratio(self.exact, self.pred)
    }
    pub fn exact_recall(&self) -> f64 {
        ratio(self.exact, self.gold)
    }
    pub fn exact_f1(&self) -> f64 {
        f1(self.exact_precision(), self.exact_recall())
    }
    pub fn overlap_precision(&self) -> f64 {
        ratio(self.pred_overlapping, self.pred)
    }
    pub fn overlap_recall(&self) -> f64 {
        ratio(self.gold_overlapping, self.gold)
    }
    pub fn overlap_f1(&self) -> f64 {
        f1(self.overlap_precision(), self.overlap_recall())
    }

    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.exact += o.exact;
        self.pred_overlapping += o.pred_overlapping;
        self.gold_overlapping += o.gold_overlapping;
    }
}

/// What kind of disagreement an [`Example`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    /// A label no prediction of its type touches.
    FalseNegative,
    /// A prediction no label of its type touches.
    FalsePositive,
    /// A label touched by a prediction of its type, but with other bounds.
    Boundary,
}

/// One disagreement, for a developer to read (`ner-check --verbose`).
#[derive(Debug, Clone)]
pub struct Example {
    pub kind: Kind,
    pub miss: Miss,
    /// Line of the JSONL file (1-based).
    pub line: usize,
    pub sentence: String,
    /// The label's span (false negative, boundary) or the prediction's.
    pub span: Span,
    /// Predictions overlapping a label (any type), or labels overlapping a
    /// prediction (any label type), as `Type:text`.
    pub around: Vec<String>,
    /// The extraction rule of a false positive.
    pub rule: Option<&'static str>,
}

/// The result of a check.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sentences: usize,
    /// Sentences the reader did not keep whole as body text (a byline becomes the
    /// article's authors, whose names still count where they stand).
    pub unaligned: usize,
    /// Lines (1-based) of those sentences.
    pub unaligned_lines: Vec<usize>,
    /// Labels whose string is not the text at their offsets (skipped).
    pub bad_labels: usize,
    pub rows: BTreeMap<Kind, Counts>,
    pub examples: Vec<Example>,
}

impl Report {
    pub fn row(&self, kind: Kind) -> Counts {
        self.rows.get(&kind).copied().unwrap_or_default()
    }

    /// Micro total over `kinds`.
    pub fn micro(&self, kinds: &[Kind]) -> Counts {
        let mut c = Counts::default();
        for k in kinds {
            c.add(&self.row(*k));
        }
        c
    }

    /// The table: per type gold and predicted counts, exact and overlap P/R/F1,
    /// then micro totals.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "sentences {}  (not kept whole by the reader: {}; labels not matching their text: {})",
            self.sentences, self.unaligned, self.bad_labels
        );
        let _ = writeln!(
            out,
            "{:<14} {:<16} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
            "type", "label", "gold", "pred", "exP", "exR", "exF1", "ovP", "ovR", "ovF1"
        );
        let line = |out: &mut String, name: &str, label: &str, c: Counts| {
            let _ = writeln!(
                out,
                "{:<14} {:<16} {:>5} {:>5} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3}",
                name,
                label,
                c.gold,
                c.pred,
                c.exact_precision(),
                c.exact_recall(),
                c.exact_f1(),
                c.overlap_precision(),
                c.overlap_recall(),
                c.overlap_f1()
            );
        };
        for k in Kind::ALL {
            let label = if k.loose() {
                format!("{} (loose)", k.label())
            } else {
                k.label().to_string()
            };
            line(&mut out, k.name(), &label, self.row(k));
        }
        line(&mut out, "MICRO core", "4 types", self.micro(&Kind::CORE));
        line(&mut out, "MICRO all", "6 rows", self.micro(&Kind::ALL));
        out
    }

    /// Up to `n` false negatives, false positives and boundary disagreements per type.
    pub fn examples_text(&self, n: usize) -> String {
        let mut out = String::new();
        if !self.unaligned_lines.is_empty() {
            let lines: Vec<String> = self.unaligned_lines.iter().map(|l| l.to_string()).collect();
            let _ = writeln!(
                out,
                "\nnot kept whole by the reader: lines {}",
                lines.join(", ")
            );
        }
        for k in Kind::ALL {
            for (miss, title) in [
                (Miss::FalseNegative, "false negatives (label untouched)"),
                (Miss::FalsePositive, "false positives (no label touched)"),
                (Miss::Boundary, "boundary (touched, other bounds)"),
            ] {
                let all: Vec<&Example> = self
                    .examples
                    .iter()
                    .filter(|e| e.kind == k && e.miss == miss)
                    .collect();
                if all.is_empty() {
                    continue;
                }
                let _ = writeln!(out, "\n== {} {} ({} in all)", k.name(), title, all.len());
                for e in all.into_iter().take(n) {
                    let chars: Vec<char> = e.sentence.chars().collect();
                    let s = e.span.start.min(chars.len());
                    let t = e.span.end.min(chars.len());
                    let marked: String = chars[..s]
                        .iter()
                        .chain(['['].iter())
                        .chain(chars[s..t].iter())
                        .chain([']'].iter())
                        .chain(chars[t..].iter())
                        .collect();
                    let rule = e.rule.map(|r| format!(" ({r})")).unwrap_or_default();
                    let around = if e.around.is_empty() {
                        String::new()
                    } else {
                        format!("  ~ {}", e.around.join(" "))
                    };
                    let _ = writeln!(out, "  {:>5}{rule}: {marked}{around}", e.line);
                }
            }
        }
        out
    }
}

#[derive(Debug, Error)]
pub enum NerCheckError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Parse {
        path: String,
        line: usize,
        message: String,
    },
}

#[derive(Deserialize)]
struct Record {
    text: String,
    #[serde(default)]
    label: BTreeMap<String, BTreeMap<String, Vec<(usize, usize)>>>,
}

/// Runs the check on a CLUENER-style JSON Lines file.
pub fn check(path: &Path, gaz: &Gazetteer) -> Result<Report, NerCheckError> {
    let text = std::fs::read_to_string(path).map_err(|source| NerCheckError::Io {
        path: path.display().to_string(),
        source,
    })?;
    check_str(&text, &path.display().to_string(), gaz)
}

/// Runs the check on the contents of a CLUENER-style JSON Lines file; `path` only
/// names it in errors.
pub fn check_str(jsonl: &str, path: &str, gaz: &Gazetteer) -> Result<Report, NerCheckError> {
    let mut report = Report::default();
    for k in Kind::ALL {
        report.rows.insert(k, Counts::default());
    }
    for (i, line) in jsonl.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        let rec: Record = serde_json::from_str(line).map_err(|e| NerCheckError::Parse {
            path: path.to_string(),
            line: line_no,
            message: e.to_string(),
        })?;
        check_sentence(&rec, line_no, gaz, &mut report);
    }
    Ok(report)
}

/// Labelled or predicted spans per kind, in sentence characters.
type Spans = BTreeMap<Kind, BTreeSet<Span>>;

fn check_sentence(rec: &Record, line_no: usize, gaz: &Gazetteer, report: &mut Report) {
    report.sentences += 1;
    let chars: Vec<char> = rec.text.chars().collect();
    // Labels: CLUENER offsets are characters with an inclusive end.
    let mut gold: Spans = BTreeMap::new();
    let mut other_labels: Vec<(String, Span)> = Vec::new();
    for (label, entities) in &rec.label {
        let kind = Kind::from_label(label);
        for (string, spans) in entities {
            for &(s, e) in spans {
                let span = Span::new(s, e + 1);
                let ok = e >= s
                    && span.end <= chars.len()
                    && chars[s..span.end].iter().copied().eq(string.chars());
                if !ok {
                    report.bad_labels += 1;
                    continue;
                }
                other_labels.push((label.clone(), span));
                if let Some(k) = kind {
                    gold.entry(k).or_default().insert(span);
                }
            }
        }
    }
    let Predicted {
        spans: pred,
        rules,
        all: predicted,
        aligned,
    } = predict(&rec.text, gaz);
    if !aligned {
        report.unaligned += 1;
        report.unaligned_lines.push(line_no);
    }
    let describe_pred = |span: Span| -> Vec<String> {
        predicted
            .iter()
            .filter(|(_, s)| s.overlaps(span))
            .map(|(name, s)| format!("{name}:{}", slice(&chars, *s)))
            .collect()
    };
    let describe_gold = |span: Span| -> Vec<String> {
        other_labels
            .iter()
            .filter(|(_, s)| s.overlaps(span))
            .map(|(label, s)| format!("{label}:{}", slice(&chars, *s)))
            .collect()
    };
    let empty = BTreeSet::new();
    for k in Kind::ALL {
        let g = gold.get(&k).unwrap_or(&empty);
        let p = pred.get(&k).unwrap_or(&empty);
        let row = report.rows.entry(k).or_default();
        row.gold += g.len();
        row.pred += p.len();
        row.exact += p.intersection(g).count();
        for ps in p {
            if g.iter().any(|gs| gs.overlaps(*ps)) {
                row.pred_overlapping += 1;
            } else {
                report.examples.push(Example {
                    kind: k,
                    miss: Miss::FalsePositive,
                    line: line_no,
                    sentence: rec.text.clone(),
                    span: *ps,
                    around: describe_gold(*ps),
                    rule: rules.get(&(k, *ps)).copied(),
                });
            }
        }
        for gs in g {
            let touching: Vec<&Span> = p.iter().filter(|ps| ps.overlaps(*gs)).collect();
            if touching.is_empty() {
                report.examples.push(Example {
                    kind: k,
                    miss: Miss::FalseNegative,
                    line: line_no,
                    sentence: rec.text.clone(),
                    span: *gs,
                    around: describe_pred(*gs),
                    rule: None,
                });
            } else {
                row.gold_overlapping += 1;
                if !p.contains(gs) {
                    report.examples.push(Example {
                        kind: k,
                        miss: Miss::Boundary,
                        line: line_no,
                        sentence: rec.text.clone(),
                        span: *gs,
                        around: describe_pred(*gs),
                        rule: None,
                    });
                }
            }
        }
    }
}

fn slice(chars: &[char], s: Span) -> String {
    chars[s.start.min(chars.len())..s.end.min(chars.len())]
        .iter()
        .collect()
}

/// What the extractor found in one sentence, in sentence characters.
#[derive(Default)]
struct Predicted {
    spans: Spans,
    /// The rule behind each span.
    rules: BTreeMap<(Kind, Span), &'static str>,
    /// Every prediction as (type name, span), for describing disagreements.
    all: Vec<(&'static str, Span)>,
    /// False when the reader did not keep the sentence whole as article text (a
    /// sentence that is a byline becomes the article's authors).
    aligned: bool,
}

impl Predicted {
    fn add(&mut self, kind: Kind, span: Span, name: &'static str, rule: &'static str) {
        self.all.push((name, span));
        self.spans.entry(kind).or_default().insert(span);
        self.rules.entry((kind, span)).or_insert(rule);
    }
}

fn predict(sentence: &str, gaz: &Gazetteer) -> Predicted {
    let mut out = Predicted::default();
    let file = format!("{HEADLINE}\n\u{3000}\u{3000}{sentence}\n");
    let Ok(doc) = read::parse_text(&file, "ner-check", "ner-check") else {
        return out;
    };
    let want: Vec<char> = sentence.chars().collect();
    // Byline authors: their evidence span is the headline, so they count where
    // their name stands in the sentence (whether the reader kept it as text or not).
    for a in doc.articles.iter().flat_map(|a| a.authors.iter()) {
        let name: Vec<char> = a.name.chars().collect();
        if let Some(at) = find(&want, &name, 0) {
            let span = Span::new(at, at + name.len());
            out.add(Kind::Person, span, "Person", "person:byline");
            let role: Vec<char> = a.role.chars().collect();
            if !role.is_empty() && at >= role.len() && want[at - role.len()..at] == role[..] {
                let r = Span::new(at - role.len(), at);
                out.add(Kind::Position, r, "Person.role", "person:byline");
            }
        }
    }
    let texts: Vec<&str> = doc.articles.iter().map(|a| a.text.as_str()).collect();
    let ctx = extract::document_context(&texts, gaz);
    let found = doc.articles.iter().find_map(|a| {
        let text: Vec<char> = a.text.chars().collect();
        let base = if text.get(a.body_start..a.body_start + want.len()) == Some(&want[..]) {
            Some(a.body_start)
        } else {
            find(&text, &want, 0)
        };
        base.map(|b| (a, text, b))
    });
    let Some((article, text, base)) = found else {
        return out;
    };
    out.aligned = true;
    let ex = extract::extract(article, gaz, &ctx);
    let inside = |s: Span| s.start >= base && s.end <= base + want.len() && !s.is_empty();
    let local = |s: Span| Span::new(s.start - base, s.end - base);
    for m in &ex.mentions {
        // Byline authors (counted above) carry the headline as their span.
        if !inside(m.span) || m.rule == "person:byline" {
            continue;
        }
        let span = local(m.span);
        // CLUENER labels a newspaper `book`, a type it does not compare.
        let kind = Kind::of_entity(m.ty).filter(|_| m.class != Some("Newspaper"));
        match kind {
            Some(k) => out.add(k, span, m.ty.name(), m.rule),
            None => out.all.push((m.ty.name(), span)),
        }
        // The post a person holds: the role text right before the name.
        if m.ty == EntityType::Person
            && let Some(role) = &m.role
        {
            let n = role.chars().count();
            if n > 0 && m.span.start >= n {
                let r = Span::new(m.span.start - n, m.span.start);
                if inside(r) && text[r.start..r.end].iter().copied().eq(role.chars()) {
                    out.add(Kind::Position, local(r), "Person.role", m.rule);
                }
            }
        }
    }
    out
}

/// First position at or after `from` where `needle` occurs in `hay`.
fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == needle[..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lines: &[&str]) -> Report {
        check_str(&lines.join("\n"), "t.jsonl", &Gazetteer::bundled()).unwrap()
    }

    #[test]
    fn offsets_are_characters_with_inclusive_end() {
        // Made-up sentence; the company name starts after multi-byte characters.
        let r = run(&[
            r#"{"text": "据悉，示例市某某科技有限公司昨天开业。", "label": {"company": {"示例市某某科技有限公司": [[3, 13]]}}}"#,
        ]);
        assert_eq!(r.bad_labels, 0);
        assert_eq!(r.unaligned, 0);
        let c = r.row(Kind::Company);
        assert_eq!(c.gold, 1);
        assert_eq!(c.pred, 1, "{:?}", r.examples);
        assert_eq!(c.exact, 1, "{:?}", r.examples);
    }

    #[test]
    fn labels_not_matching_their_text_are_skipped() {
        let r = run(&[r#"{"text": "一句话。", "label": {"name": {"某人": [[0, 1]]}}}"#]);
        assert_eq!(r.bad_labels, 1);
        assert_eq!(r.row(Kind::Person).gold, 0);
    }

    #[test]
    fn post_before_a_name_counts_as_position() {
        let r = run(&[
            r#"{"text": "公司董事长王某某表示，将扩大投资。", "label": {"position": {"董事长": [[2, 4]]}, "name": {"王某某": [[5, 7]]}}}"#,
        ]);
        let (p, pos) = (r.row(Kind::Person), r.row(Kind::Position));
        assert_eq!((p.gold, p.gold_overlapping), (1, 1), "{:?}", r.examples);
        assert_eq!((pos.gold, pos.gold_overlapping), (1, 1), "{:?}", r.examples);
    }

    #[test]
    fn overlap_and_exact_are_counted_apart() {
        let mut c = Counts {
            gold: 4,
            pred: 2,
            exact: 1,
            pred_overlapping: 2,
            gold_overlapping: 2,
        };
        assert!((c.exact_precision() - 0.5).abs() < 1e-9);
        assert!((c.exact_recall() - 0.25).abs() < 1e-9);
        assert!((c.overlap_precision() - 1.0).abs() < 1e-9);
        assert!((c.overlap_recall() - 0.5).abs() < 1e-9);
        c.add(&Counts::default());
        assert_eq!(c.gold, 4);
        assert_eq!(Counts::default().exact_f1(), 0.0);
    }

    #[test]
    fn the_table_has_every_row() {
        let r = run(&[r#"{"text": "今天天气很好。", "label": {}}"#]);
        let t = r.table();
        for k in Kind::ALL {
            assert!(t.contains(k.name()), "{t}");
        }
        assert!(t.contains("MICRO core"));
    }
}
