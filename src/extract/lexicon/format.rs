//! The format of a list file and the merging of a user's entries: the four shapes a
//! file's lines can take, where a new entry goes in a list whose first fitting entry
//! wins, the parsing of a file into rows with their line numbers, and the merge that
//! drops repeats and refuses contradictions. Both the bundled lists and a user's
//! files go through it, so they can never be read two ways.

use super::LexiconError;
use std::path::{Path, PathBuf};

/// How the lines of a list file are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// One word per line.
    Words,
    /// Characters, several to a line, each an entry of its own.
    Chars,
    /// Two tab-separated columns: a word and what it implies.
    Pairs,
    /// Two or more tab-separated columns: forms of one thing, the first canonical.
    Groups,
}

/// Where a user's entry goes in a bundled list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    /// Order does not matter, or a new entry has no better place than the end:
    /// appended.
    Any,
    /// The first entry that fits wins, so entries run longest first: a user's entry
    /// goes in front of the first shorter one, or it could never win against a
    /// shorter entry it begins or ends with.
    FirstFits,
}

/// One bundled list: its file name without `.txt`, its text, and how to read and
/// extend it.
pub(super) struct Spec {
    pub(super) name: &'static str,
    pub(super) text: &'static str,
    pub(super) shape: Shape,
    pub(super) order: Order,
    /// The values the second column of a pair list may take; empty means any.
    pub(super) values: &'static [&'static str],
}

impl Spec {
    /// The file the bundled list was compiled from, for messages.
    pub(super) fn path(&self) -> PathBuf {
        Path::new("data/lexicon").join(format!("{}.txt", self.name))
    }
}

/// One entry: a single word or character, a pair, or a group of forms.
pub(super) type Row = Vec<&'static str>;

/// A type a list parses into; its shape follows from the type, so a static and the
/// way its file is read can never disagree.
pub(super) trait FromRows {
    const SHAPE: Shape;
    fn from_rows(rows: Vec<Row>) -> Self;
}

impl FromRows for Vec<&'static str> {
    const SHAPE: Shape = Shape::Words;
    fn from_rows(rows: Vec<Row>) -> Self {
        rows.into_iter().map(|r| r[0]).collect()
    }
}

impl FromRows for String {
    const SHAPE: Shape = Shape::Chars;
    fn from_rows(rows: Vec<Row>) -> Self {
        rows.into_iter().map(|r| r[0]).collect()
    }
}

impl FromRows for Vec<(&'static str, &'static str)> {
    const SHAPE: Shape = Shape::Pairs;
    fn from_rows(rows: Vec<Row>) -> Self {
        rows.into_iter().map(|r| (r[0], r[1])).collect()
    }
}

impl FromRows for Vec<Vec<&'static str>> {
    const SHAPE: Shape = Shape::Groups;
    fn from_rows(rows: Vec<Row>) -> Self {
        rows
    }
}

/// Parses a list file into its rows, each with its line number. Lines and columns are
/// trimmed of spaces; blank lines and lines starting with `#` are skipped; a
/// byte-order mark is ignored.
pub(super) fn parse(
    spec: &Spec,
    path: &Path,
    text: &'static str,
) -> Result<Vec<(usize, Row)>, LexiconError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        // Tabs separate columns, so only other spaces are trimmed: a trailing tab
        // means an empty last column, which is reported rather than ignored.
        let line = line.trim_matches(|c: char| c.is_whitespace() && c != '\t');
        if spec.shape == Shape::Chars {
            // Every character is an entry of its own; spaces only lay them out.
            for (at, c) in line.char_indices().filter(|(_, c)| !c.is_whitespace()) {
                out.push((line_no, vec![&line[at..at + c.len_utf8()]]));
            }
            continue;
        }
        let columns: Row = line.split('\t').map(str::trim).collect();
        let (expected, fits) = match spec.shape {
            Shape::Words => ("1", columns.len() == 1),
            Shape::Pairs => ("2", columns.len() == 2),
            _ => ("2 or more", columns.len() >= 2),
        };
        if !fits {
            return Err(LexiconError::Columns {
                path: path.to_path_buf(),
                line: line_no,
                expected,
                found: columns.len(),
            });
        }
        if let Some(k) = columns.iter().position(|c| c.is_empty()) {
            return Err(LexiconError::EmptyColumn {
                path: path.to_path_buf(),
                line: line_no,
                column: k + 1,
            });
        }
        if !spec.values.is_empty() && !spec.values.contains(&columns[1]) {
            return Err(LexiconError::UnknownValue {
                path: path.to_path_buf(),
                line: line_no,
                value: columns[1].to_string(),
                known: spec.values.join(", "),
            });
        }
        out.push((line_no, columns));
    }
    Ok(out)
}

/// Merges a user's rows into a list. An entry the list has is dropped; a pair whose
/// word the list has with another value, or a group sharing a form with a group of
/// another canonical form, is an error, since the first row would always win and
/// the user's line would silently do nothing. A group whose canonical form opens a
/// row adds its other forms to that row.
pub(super) fn merge(
    spec: &Spec,
    rows: &mut Vec<Row>,
    path: &Path,
    added: Vec<(usize, Row)>,
) -> Result<(), LexiconError> {
    let conflict = |line: usize, message: String| LexiconError::Conflict {
        path: path.to_path_buf(),
        line,
        message,
    };
    for (line, row) in added {
        match spec.shape {
            Shape::Words | Shape::Chars => {
                if rows.contains(&row) {
                    continue;
                }
            }
            Shape::Pairs => {
                if let Some(old) = rows.iter().find(|r| r[0] == row[0]) {
                    if old[1] == row[1] {
                        continue;
                    }
                    return Err(conflict(
                        line,
                        format!("`{}` is already listed with `{}`", row[0], old[1]),
                    ));
                }
            }
            Shape::Groups => {
                let own = rows.iter().position(|r| r[0] == row[0]);
                for form in &row {
                    if let Some(other) = rows
                        .iter()
                        .enumerate()
                        .find(|(k, r)| Some(*k) != own && r.contains(form))
                    {
                        return Err(conflict(
                            line,
                            format!(
                                "`{form}` is already a form of `{}`; to add forms to that body, start the line with `{}`",
                                other.1[0], other.1[0]
                            ),
                        ));
                    }
                }
                // The forms go into the body's row, or a new row, each form once.
                let k = own.unwrap_or_else(|| {
                    rows.push(Vec::new());
                    rows.len() - 1
                });
                for form in row {
                    if !rows[k].contains(&form) {
                        rows[k].push(form);
                    }
                }
                continue;
            }
        }
        let at = match spec.order {
            Order::Any => rows.len(),
            Order::FirstFits => {
                let n = row[0].chars().count();
                rows.iter()
                    .position(|r| r[0].chars().count() < n)
                    .unwrap_or(rows.len())
            }
        };
        rows.insert(at, row);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{test_spec, words};
    use super::*;
    use crate::extract::lexicon::INITIATIVE_CLASSES;

    #[test]
    fn parser_skips_comments_blank_lines_and_spaces() {
        let spec = test_spec(Shape::Words, Order::Any, &[]);
        let text = "\u{feff}# a header\r\n\r\n书记\r\n  # an indented comment\n 局长 \n\n";
        let rows = parse(&spec, Path::new("t.txt"), text).unwrap();
        assert_eq!(rows, vec![(3, vec!["书记"]), (5, vec!["局长"])]);
    }

    #[test]
    fn parser_reads_characters_one_by_one() {
        let spec = test_spec(Shape::Chars, Order::Any, &[]);
        let rows = parse(&spec, Path::new("t.txt"), "# c\n王李 张\n刘\n").unwrap();
        let chars: Vec<&str> = rows.iter().map(|(_, r)| r[0]).collect();
        assert_eq!(chars, ["王", "李", "张", "刘"]);
        assert_eq!(rows[3].0, 3);
    }

    #[test]
    fn parser_reads_pairs_and_groups() {
        let pairs = test_spec(Shape::Pairs, Order::Any, INITIATIVE_CLASSES);
        let rows = parse(
            &pairs,
            Path::new("p.txt"),
            "# x\n行动\tCampaign\n码 \t Platform\n",
        )
        .unwrap();
        assert_eq!(
            rows,
            vec![(2, vec!["行动", "Campaign"]), (3, vec!["码", "Platform"])]
        );
        let groups = test_spec(Shape::Groups, Order::Any, &[]);
        let rows = parse(&groups, Path::new("g.txt"), "甲局\t甲管理局\t甲\n").unwrap();
        assert_eq!(rows, vec![(1, vec!["甲局", "甲管理局", "甲"])]);
    }

    #[test]
    fn parser_reports_a_bad_line_with_file_and_line() {
        let pairs = test_spec(Shape::Pairs, Order::Any, INITIATIVE_CLASSES);
        let path = Path::new("user/initiative_cues.txt");
        let err = parse(&pairs, path, "# x\n行动\tCampaign\n\n工程\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "user/initiative_cues.txt:4: expected 2 tab-separated column(s), found 1"
        );
        let err = parse(&pairs, path, "行动\tCampaign\tPlatform\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("user/initiative_cues.txt:1: expected 2")
        );
        let err = parse(&pairs, path, "行动\t\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "user/initiative_cues.txt:1: column 2 is empty"
        );
        let err = parse(&pairs, path, "行动\tcampaign\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("user/initiative_cues.txt:1: `campaign` is not one of")
        );
        let words = test_spec(Shape::Words, Order::Any, &[]);
        let err = parse(&words, Path::new("posts.txt"), "书记\n局长\t处长\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("posts.txt:2: expected 1 tab-separated")
        );
        let groups = test_spec(Shape::Groups, Order::Any, &[]);
        let err = parse(&groups, Path::new("g.txt"), "甲局\n").unwrap_err();
        assert!(err.to_string().starts_with("g.txt:1: expected 2 or more"));
    }

    #[test]
    fn merge_drops_duplicates_and_keeps_longest_first() {
        let spec = test_spec(Shape::Words, Order::FirstFits, &[]);
        let mut rows: Vec<Row> = vec![vec!["管理委员会"], vec!["委员会"], vec!["局"]];
        let added = vec![
            (1, vec!["局"]),
            (2, vec!["管理局"]),
            (3, vec!["监督管理局"]),
        ];
        merge(&spec, &mut rows, Path::new("t.txt"), added).unwrap();
        assert_eq!(
            words(&rows),
            ["管理委员会", "监督管理局", "委员会", "管理局", "局"]
        );
        let spec = test_spec(Shape::Words, Order::Any, &[]);
        let mut rows: Vec<Row> = vec![vec!["说"], vec!["表示"]];
        let added = vec![(1, vec!["指出"]), (2, vec!["说"]), (3, vec!["指出"])];
        merge(&spec, &mut rows, Path::new("t.txt"), added).unwrap();
        assert_eq!(words(&rows), ["说", "表示", "指出"]);
    }

    #[test]
    fn merge_refuses_a_contradicting_pair() {
        let spec = test_spec(Shape::Pairs, Order::FirstFits, INITIATIVE_CLASSES);
        let mut rows: Vec<Row> = vec![vec!["行动", "Campaign"], vec!["码", "Platform"]];
        let added = vec![
            (2, vec!["码", "Platform"]),
            (3, vec!["专线", "ServiceWindow"]),
        ];
        merge(&spec, &mut rows, Path::new("p.txt"), added).unwrap();
        assert_eq!(words(&rows), ["行动", "专线", "码"]);
        let err = merge(
            &spec,
            &mut rows,
            Path::new("p.txt"),
            vec![(7, vec!["行动", "Platform"])],
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.txt:7: `行动` is already listed with `Campaign`"
        );
    }

    #[test]
    fn merge_adds_forms_to_a_body_or_a_new_body() {
        let spec = test_spec(Shape::Groups, Order::Any, &[]);
        let mut rows: Vec<Row> = vec![vec!["甲局", "甲管理局"], vec!["乙局", "乙管理局"]];
        let added = vec![
            (1, vec!["甲局", "甲管理局", "甲办"]),
            (2, vec!["丙局", "丙管理局", "丙管理局"]),
        ];
        merge(&spec, &mut rows, Path::new("g.txt"), added).unwrap();
        assert_eq!(
            rows,
            vec![
                vec!["甲局", "甲管理局", "甲办"],
                vec!["乙局", "乙管理局"],
                vec!["丙局", "丙管理局"],
            ]
        );
        let err = merge(
            &spec,
            &mut rows,
            Path::new("g.txt"),
            vec![(4, vec!["丁局", "乙管理局"])],
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("g.txt:4: `乙管理局` is already a form of `乙局`")
        );
    }
}
