//! JSON Lines corpora: one article per line, `{"title", "text", "date"?, "source"?,
//! "id"?}`. A bad line is an error naming the file and line; the next line is read.

use super::plain::parse_body;
use super::{Article, Document, Layout, ReadError, assemble_text};
use serde::Deserialize;

#[derive(Deserialize)]
struct Record {
    title: String,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    subtitle: Option<String>,
}

pub fn parse_record(line: &str, path: &str, line_no: usize) -> Result<Document, ReadError> {
    let err = |message: String| ReadError::Parse {
        path: path.to_string(),
        line: line_no,
        message,
    };
    let rec: Record = serde_json::from_str(line.trim_start_matches('\u{feff}'))
        .map_err(|e| err(e.to_string()))?;
    if rec.title.trim().is_empty() && rec.text.trim().is_empty() {
        return Err(err("record has neither title nor text".into()));
    }
    let stem = std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    let id = match rec.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(serde_json::Value::Number(n)) => format!("{stem}-{n}"),
        _ => format!("{stem}-{line_no}"),
    };
    let mut title_lines = rec.title.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = title_lines.next().unwrap_or_default().to_string();
    let mut alt_titles: Vec<String> = title_lines.map(str::to_string).collect();
    alt_titles.extend(rec.subtitle.filter(|s| !s.trim().is_empty()));
    let body = parse_body(rec.text.lines());
    let (text, body_start) = assemble_text(&title, &body.paragraphs);
    let mut doc = Document::new(id.clone(), path, line_no, Layout::JsonLines);
    doc.paper = rec.source;
    doc.date = rec.date;
    doc.title = Some(title.clone());
    doc.articles.push(Article {
        id: format!("{id}/0"),
        title,
        alt_titles,
        authors: body.authors,
        text,
        body_start,
        line: line_no,
        section_place: None,
    });
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_record() {
        let doc = parse_record(
            r#"{"title":"标题","text":"本报记者 张三\n正文。","id":"x1","date":"2024-01-02"}"#,
            "c.jsonl",
            3,
        )
        .unwrap();
        assert_eq!(doc.id, "x1");
        assert_eq!(doc.articles[0].authors[0].name, "张三");
        assert_eq!(doc.articles[0].text, "标题\n正文。");
    }

    #[test]
    fn bad_line_names_file_and_line() {
        let e = parse_record("{not json", "c.jsonl", 7).unwrap_err();
        assert!(e.to_string().starts_with("c.jsonl:7:"));
    }
}
