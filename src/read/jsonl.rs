//! JSON Lines corpora: one article per line, `{"title", "text", "date"?, "source"?,
//! "id"?}`. A bad line is an error naming the file and line; the next line is read.

use super::plain::parse_body;
use super::{Article, Document, Layout, ReadError, assemble_text};
use serde::Deserialize;

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    title: String,
    #[serde(default)]
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
    let mut title = title_lines.next().unwrap_or_default().to_string();
    let mut alt_titles: Vec<String> = title_lines.map(str::to_string).collect();
    alt_titles.extend(rec.subtitle.filter(|s| !s.trim().is_empty()));
    // A record without a title is headed by the first line of its text.
    let mut body_lines: Vec<&str> = rec.text.lines().collect();
    if title.is_empty() {
        let first = body_lines.iter().position(|l| !l.trim().is_empty());
        if let Some(i) = first {
            title = body_lines[i].trim().to_string();
            body_lines.drain(..=i);
        }
    }
    let body = parse_body(body_lines.into_iter());
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
    fn a_record_without_title_is_headed_by_its_first_line() {
        let doc = parse_record(r#"{"text":"\n首行标题\n正文一段。"}"#, "c.jsonl", 1).unwrap();
        assert_eq!(doc.articles[0].title, "首行标题");
        assert_eq!(doc.articles[0].text, "首行标题\n正文一段。");
        assert!(parse_record(r#"{"id":"x"}"#, "c.jsonl", 2).is_err());
    }

    #[test]
    fn bad_line_names_file_and_line() {
        let e = parse_record("{not json", "c.jsonl", 7).unwrap_err();
        assert!(e.to_string().starts_with("c.jsonl:7:"));
    }
}
