//! CSV for `neo4j-admin database import`: a node file and a relationship file with
//! Neo4j's typed headers (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`,
//! `articleCount:int`, `roles:string[]`), fields quoted as RFC 4180 says. IRIs are
//! the node ids; a person's posts are a string array, joined with `;` (the
//! importer's default array delimiter), a `;` inside a post written full-width.

use super::{ExportError, PgNode, PropertyGraph};
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Quotes a field when it holds a comma, a quote or a line break, doubling quotes.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn row(w: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    writeln!(w, "{}", line.join(","))
}

pub fn write_nodes(g: &PropertyGraph, w: &mut dyn Write) -> io::Result<()> {
    writeln!(
        w,
        "id:ID,name,:LABEL,level,code,roles:string[],articleCount:int"
    )?;
    for n in &g.nodes {
        let PgNode {
            id,
            label,
            ty,
            level,
            code,
            roles,
            article_count,
        } = n;
        row(
            w,
            &[
                id,
                label,
                ty,
                level.as_deref().unwrap_or(""),
                code.as_deref().unwrap_or(""),
                &roles
                    .iter()
                    .map(|r| r.replace(';', "；"))
                    .collect::<Vec<_>>()
                    .join(";"),
                &article_count.to_string(),
            ],
        )?;
    }
    Ok(())
}

pub fn write_relationships(g: &PropertyGraph, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, ":START_ID,:END_ID,:TYPE,articleCount:int")?;
    for e in &g.edges {
        row(
            w,
            &[
                &e.source,
                &e.target,
                &relationship_type(&e.predicate),
                &e.article_count.to_string(),
            ],
        )?;
    }
    Ok(())
}

/// Neo4j's convention for relationship types: the predicate in UPPER_SNAKE_CASE
/// (`worksFor` → `WORKS_FOR`, `partOf` → `PART_OF`).
pub fn relationship_type(predicate: &str) -> String {
    let mut out = String::new();
    for (i, c) in predicate.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_uppercase());
    }
    out
}

/// Where the two files go: into `out` when it is a directory (or names none yet and
/// has no extension), else next to it as `<stem>.nodes.csv` and
/// `<stem>.relationships.csv`.
fn targets(out: &Path) -> (PathBuf, PathBuf) {
    if out.is_dir() || out.extension().is_none() {
        (out.join("nodes.csv"), out.join("relationships.csv"))
    } else {
        let stem = out.file_stem().unwrap_or_default().to_string_lossy();
        (
            out.with_file_name(format!("{stem}.nodes.csv")),
            out.with_file_name(format!("{stem}.relationships.csv")),
        )
    }
}

pub fn write_files(g: &PropertyGraph, out: &Path) -> Result<(PathBuf, PathBuf), ExportError> {
    let (nodes, rels) = targets(out);
    let err = |p: &Path| {
        let path = p.display().to_string();
        move |source| ExportError::File { path, source }
    };
    if let Some(dir) = nodes.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(err(dir))?;
    }
    type Writer = fn(&PropertyGraph, &mut dyn Write) -> io::Result<()>;
    for (path, write) in [
        (&nodes, write_nodes as Writer),
        (&rels, write_relationships),
    ] {
        let mut w = BufWriter::new(fs::File::create(path).map_err(err(path))?);
        write(g, &mut w)
            .and_then(|()| w.flush())
            .map_err(err(path))?;
    }
    Ok((nodes, rels))
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn rfc4180_quoting() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn node_and_relationship_files() {
        let g = sample();
        let mut n = Vec::new();
        write_nodes(&g, &mut n).unwrap();
        let n = String::from_utf8(n).unwrap();
        let lines: Vec<&str> = n.split('\n').collect();
        assert_eq!(
            lines[0],
            "id:ID,name,:LABEL,level,code,roles:string[],articleCount:int"
        );
        assert_eq!(
            lines[1],
            "\"https://zhengqi.dev/id/agency/海宁市\"\"市场\"\"监管局\",\"海宁市\"\"市场\"\"监管局 & <分局>\",Agency,,,,2"
        );
        assert_eq!(
            lines[2],
            "https://zhengqi.dev/id/division/330481,海宁市,Division,county,330481,,3"
        );
        assert!(n.contains("Person,,,\"局长, 党组书记;副市长\n(兼)\",1\n"));
        // The array delimiter inside a post cannot split it.
        let mut g2 = sample();
        g2.nodes[2].roles = vec!["主任;书记".into(), "委员".into()];
        let mut n2 = Vec::new();
        write_nodes(&g2, &mut n2).unwrap();
        assert!(
            String::from_utf8(n2)
                .unwrap()
                .contains(",主任；书记;委员,1\n")
        );
        let mut r = Vec::new();
        write_relationships(&g, &mut r).unwrap();
        let r = String::from_utf8(r).unwrap();
        assert!(r.starts_with(":START_ID,:END_ID,:TYPE,articleCount:int\n"));
        assert!(r.ends_with(",WORKS_FOR,1\n"));
    }

    #[test]
    fn directory_or_prefix() {
        let (n, r) = targets(Path::new("out/kg.csv"));
        assert_eq!(n, Path::new("out/kg.nodes.csv"));
        assert_eq!(r, Path::new("out/kg.relationships.csv"));
        let (n, _) = targets(Path::new("out/neo4j"));
        assert_eq!(n, Path::new("out/neo4j/nodes.csv"));
    }
}
