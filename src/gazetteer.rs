//! The administrative-division gazetteer: GB/T 2260 codes, names, levels, parents
//! and short forms, from `data/divisions.tsv` (compiled in) plus any user files.
//! It answers "which divisions could this name be" and "what is the parent chain";
//! it does not decide which candidate a mention means (that is the extractor's job,
//! with the article's context).
//!
//! File format (UTF-8, tab-separated, `#` comments and a header line allowed):
//! `code  name  level  parent  short`, where `level` is province, prefecture,
//! county, township or zone, `parent` is the parent's code (empty for provinces) and
//! `short` is a comma-separated list of short forms (`海宁` for `海宁市`). A row whose
//! code is already known replaces the earlier row, so user files can correct names.

use crate::model::Level;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::path::Path;
use thiserror::Error;

/// The bundled national table.
const BUNDLED: &str = include_str!("../data/divisions.tsv");

#[derive(Debug, Error)]
pub enum GazetteerError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Row {
        path: String,
        line: usize,
        message: String,
    },
}

/// One division of the table.
#[derive(Debug, Clone)]
pub struct Division {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub parent: Option<usize>,
    pub shorts: Vec<String>,
}

/// How a surface form names a division.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameForm {
    Full,
    Short,
}

/// Index of a division in the gazetteer.
pub type DivisionIx = usize;

pub struct Gazetteer {
    divisions: Vec<Division>,
    by_code: HashMap<String, DivisionIx>,
    form_ix: HashMap<String, usize>,
    form_targets: Vec<Vec<(DivisionIx, NameForm)>>,
    matcher: AhoCorasick,
}

/// A gazetteer name found in text, by character offsets.
#[derive(Debug, Clone)]
pub struct NameHit {
    pub start: usize,
    pub end: usize,
    pub candidates: Vec<(DivisionIx, NameForm)>,
}

struct Row {
    path: String,
    line: usize,
    code: String,
    name: String,
    level: Level,
    parent: String,
    shorts: Vec<String>,
}

fn parse_rows(text: &str, path: &str) -> Result<Vec<Row>, GazetteerError> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') || (i == 0 && line.starts_with("code")) {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let err = |message: String| GazetteerError::Row {
            path: path.to_string(),
            line: i + 1,
            message,
        };
        if cols.len() < 3 {
            return Err(err(format!(
                "expected at least 3 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let level = Level::parse(cols[2].trim())
            .ok_or_else(|| err(format!("unknown level `{}`", cols[2])))?;
        let (code, name) = (cols[0].trim(), cols[1].trim());
        if code.is_empty() {
            return Err(err("empty code".into()));
        }
        // A name must hold at least two characters: a one-character name (or an
        // empty one) would match nearly everywhere in Chinese text.
        if name.chars().count() < 2 || name.chars().any(char::is_control) {
            return Err(err(format!(
                "name `{name}` is too short or holds control characters"
            )));
        }
        let shorts = cols
            .get(4)
            .map(|s| {
                s.split([',', '，'])
                    .map(str::trim)
                    .filter(|s| s.chars().count() >= 2)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        rows.push(Row {
            line: i + 1,
            path: path.to_string(),
            code: code.to_string(),
            name: name.to_string(),
            level,
            parent: cols
                .get(3)
                .map(|s| s.trim().to_string())
                .unwrap_or_default(),
            shorts,
        });
    }
    Ok(rows)
}

impl Gazetteer {
    /// The bundled table alone.
    pub fn bundled() -> Gazetteer {
        Gazetteer::with_files(&[]).expect("the bundled gazetteer parses")
    }

    /// The bundled table extended (and overridden) by user files.
    pub fn with_files(paths: &[&Path]) -> Result<Gazetteer, GazetteerError> {
        let mut rows = parse_rows(BUNDLED, "data/divisions.tsv")?;
        for p in paths {
            let shown = p.display().to_string();
            let text = std::fs::read_to_string(p).map_err(|source| GazetteerError::Io {
                path: shown.clone(),
                source,
            })?;
            rows.extend(parse_rows(&text, &shown)?);
        }
        Gazetteer::from_rows(rows)
    }

    fn from_rows(rows: Vec<Row>) -> Result<Gazetteer, GazetteerError> {
        let mut by_code: HashMap<String, DivisionIx> = HashMap::new();
        let mut divisions: Vec<Division> = Vec::new();
        let mut parents: Vec<String> = Vec::new();
        let mut origin: Vec<(String, usize)> = Vec::new();
        for row in rows {
            let here = (row.path.clone(), row.line);
            let d = Division {
                code: row.code.clone(),
                name: row.name,
                level: row.level,
                parent: None,
                shorts: row.shorts,
            };
            match by_code.get(&row.code) {
                Some(&ix) => {
                    divisions[ix] = d;
                    parents[ix] = row.parent;
                    origin[ix] = here;
                }
                None => {
                    by_code.insert(row.code, divisions.len());
                    divisions.push(d);
                    parents.push(row.parent);
                    origin.push(here);
                }
            }
        }
        for (ix, p) in parents.iter().enumerate() {
            divisions[ix].parent = by_code.get(p).copied();
        }
        // Every walk up the table must end: a row that is its own ancestor is
        // refused, naming the row that closes the loop.
        for start in 0..divisions.len() {
            let mut seen = vec![start];
            let mut cur = start;
            while let Some(p) = divisions[cur].parent {
                if seen.contains(&p) {
                    let (path, line) = origin[cur].clone();
                    return Err(GazetteerError::Row {
                        path,
                        line,
                        message: format!(
                            "parent {} makes {} its own ancestor",
                            divisions[p].code, divisions[start].code
                        ),
                    });
                }
                seen.push(p);
                cur = p;
            }
        }
        let mut form_ix: HashMap<String, usize> = HashMap::new();
        let mut forms: Vec<String> = Vec::new();
        let mut form_targets: Vec<Vec<(DivisionIx, NameForm)>> = Vec::new();
        let mut add = |form: &str, target: (DivisionIx, NameForm)| {
            let k = *form_ix.entry(form.to_string()).or_insert_with(|| {
                forms.push(form.to_string());
                form_targets.push(Vec::new());
                forms.len() - 1
            });
            if !form_targets[k].iter().any(|t| t.0 == target.0) {
                form_targets[k].push(target);
            }
        };
        for (ix, d) in divisions.iter().enumerate() {
            add(&d.name, (ix, NameForm::Full));
            for s in &d.shorts {
                add(s, (ix, NameForm::Short));
            }
        }
        // An autonomous county, banner or prefecture is commonly called by its
        // short form and its plain level word (`某某县` for `某某回族自治县`),
        // unless that is another division's full name.
        let full: std::collections::HashSet<&str> =
            divisions.iter().map(|d| d.name.as_str()).collect();
        for (ix, d) in divisions.iter().enumerate() {
            let Some(word) = ["自治县", "自治旗", "自治州"]
                .iter()
                .find(|w| d.name.ends_with(*w))
                .map(|w| w.chars().last().unwrap())
            else {
                continue;
            };
            for s in &d.shorts {
                let plain = format!("{s}{word}");
                // Written with its level word it is as sure as the full name.
                if !full.contains(plain.as_str()) {
                    add(&plain, (ix, NameForm::Full));
                }
            }
        }
        // Full names before short forms when one string is both.
        for t in &mut form_targets {
            t.sort_by_key(|&(ix, f)| (f == NameForm::Short, divisions[ix].level.depth(), ix));
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&forms)
            .expect("division names build an automaton");
        Ok(Gazetteer {
            divisions,
            by_code,
            form_ix,
            form_targets,
            matcher,
        })
    }

    pub fn get(&self, ix: DivisionIx) -> &Division {
        &self.divisions[ix]
    }

    pub fn by_code(&self, code: &str) -> Option<DivisionIx> {
        self.by_code.get(code).copied()
    }

    pub fn len(&self) -> usize {
        self.divisions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.divisions.is_empty()
    }

    /// Divisions a surface form may name, full names first.
    pub fn lookup(&self, form: &str) -> &[(DivisionIx, NameForm)] {
        match self.form_ix.get(form) {
            Some(&k) => &self.form_targets[k],
            None => &[],
        }
    }

    /// Every leftmost-longest occurrence of a known name in `text`, by character offsets.
    pub fn find(&self, text: &str) -> Vec<NameHit> {
        let mut char_at = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, c) in text.char_indices() {
            char_at[b] = n;
            n += 1;
            let _ = c;
        }
        char_at[text.len()] = n;
        self.matcher
            .find_iter(text)
            .map(|m| NameHit {
                start: char_at[m.start()],
                end: char_at[m.end()],
                candidates: self.form_targets[m.pattern().as_usize()].clone(),
            })
            .collect()
    }

    /// The division and its ancestors, nearest first.
    pub fn chain(&self, ix: DivisionIx) -> Vec<DivisionIx> {
        let mut out = vec![ix];
        let mut cur = ix;
        while let Some(p) = self.divisions[cur].parent {
            if out.contains(&p) {
                break;
            }
            out.push(p);
            cur = p;
        }
        out
    }

    /// True when `ancestor` is `ix` or one of its ancestors.
    pub fn within(&self, ix: DivisionIx, ancestor: DivisionIx) -> bool {
        self.chain(ix).contains(&ancestor)
    }

    /// The short form used for compounds: the first listed short form, or the name.
    pub fn short(&self, ix: DivisionIx) -> &str {
        let d = &self.divisions[ix];
        d.shorts.first().map(String::as_str).unwrap_or(&d.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_table_has_chains() {
        let g = Gazetteer::bundled();
        let ix = g.by_code("330481").expect("海宁市 is in the table");
        let names: Vec<&str> = g
            .chain(ix)
            .iter()
            .map(|&i| g.get(i).name.as_str())
            .collect();
        assert_eq!(names, ["海宁市", "嘉兴市", "浙江省"]);
    }

    #[test]
    fn finds_full_and_short_forms() {
        let g = Gazetteer::bundled();
        let hits = g.find("海宁与嘉兴市");
        assert_eq!(hits.len(), 2);
        assert_eq!((hits[0].start, hits[0].end), (0, 2));
        assert_eq!(hits[0].candidates[0].1, NameForm::Short);
        assert_eq!((hits[1].start, hits[1].end), (3, 6));
    }

    #[test]
    fn an_autonomous_county_by_its_short_form_and_level_word() {
        let rows = parse_rows(
            "code\tname\tlevel\tparent\tshort\n1\t甲省\tprovince\t\t甲\n2\t乙丙回族自治县\tcounty\t1\t乙丙\n",
            "t",
        )
        .unwrap();
        let g = Gazetteer::from_rows(rows).unwrap();
        let hits = g.find("来到乙丙县");
        assert_eq!((hits[0].start, hits[0].end), (2, 5));
        assert_eq!(g.get(hits[0].candidates[0].0).name, "乙丙回族自治县");
    }

    #[test]
    fn user_rows_override() {
        let rows = parse_rows("code\tname\tlevel\tparent\tshort\n1\t甲省\tprovince\t\t甲地\n2\t乙市\tprefecture\t1\t乙城\n", "t").unwrap();
        let g = Gazetteer::from_rows(rows).unwrap();
        assert_eq!(g.chain(1), vec![1, 0]);
        assert_eq!(g.lookup("乙城")[0], (1, NameForm::Short));
    }

    #[test]
    fn parent_cycles_and_empty_names_are_refused() {
        let cyc = "1\t甲省\tprovince\t2\n2\t乙市\tprefecture\t1\n";
        let e = Gazetteer::from_rows(parse_rows(cyc, "c.tsv").unwrap())
            .err()
            .unwrap();
        assert!(e.to_string().starts_with("c.tsv:"), "{e}");
        assert!(e.to_string().contains("own ancestor"), "{e}");
        let own = "7\t丙县\tcounty\t7\n";
        assert!(Gazetteer::from_rows(parse_rows(own, "o.tsv").unwrap()).is_err());
        for bad in ["1\t\tcounty\n", "1\t甲\tcounty\n", "\t甲县\tcounty\n"] {
            assert!(parse_rows(bad, "e.tsv").is_err(), "{bad:?}");
        }
    }

    #[test]
    fn bad_row_names_line() {
        let e = parse_rows("1\t甲\tplanet\n", "u.tsv").err().unwrap();
        assert_eq!(e.to_string(), "u.tsv:1: unknown level `planet`");
    }
}
