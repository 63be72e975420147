//! The digital-newspaper page record: a paper header (`浙江日报 数字报纸`), a page
//! line (`00005版:某某新闻`), the page title and byline, lead paragraphs, then
//! sections each headed by `<place> <headline>` and a byline, and a trailer line
//! holding paper, page name, page number, title, ISO date and sibling ids.
//!
//! Paragraphs are indented; headlines and bylines are not. That one structural fact
//! is what the parser leans on, so a page with unusual headlines still reads.

use super::{
    Article, Author, Document, Layout, assemble_text, clean_line, is_indented, parse_byline,
};

/// A page record starts with a `数字报纸` header or has a `NNNNN版:` page line near the top.
pub fn looks_like_page(text: &str) -> bool {
    let mut seen = 0;
    for line in text
        .lines()
        .map(clean_line)
        .filter(|l| !l.trim().is_empty())
    {
        if line.trim_end().ends_with("数字报纸") || page_line(line).is_some() {
            return true;
        }
        seen += 1;
        if seen >= 4 {
            break;
        }
    }
    false
}

/// Parses `00005版:某某新闻` into page number and page name.
fn page_line(line: &str) -> Option<(String, String)> {
    let line = line.trim();
    let pos = line.find('版')?;
    let number = &line[..pos];
    if number.is_empty() || number.len() > 5 || !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = line[pos + '版'.len_utf8()..].trim_start_matches([':', '：', ' ']);
    Some((number.to_string(), rest.trim().to_string()))
}

/// The trailer: `<paper> <page name> <number> <title> <YYYY-MM-DD> <ids> <n> <date> <weekday>`.
struct Trailer {
    paper: String,
    date: String,
}

fn trailer(line: &str) -> Option<Trailer> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let date_at = tokens.iter().position(|t| is_iso_date(t))?;
    if date_at < 2 {
        return None;
    }
    Some(Trailer {
        paper: tokens[0].to_string(),
        date: tokens[date_at].to_string(),
    })
}

fn is_iso_date(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

struct Draft {
    title: String,
    line: usize,
    authors: Vec<Author>,
    paragraphs: Vec<String>,
}

pub fn parse(text: &str, path: &str, id: &str) -> Document {
    let mut doc = Document::new(id.to_string(), path, 1, Layout::Page);
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, clean_line(l)))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let mut end = lines.len();
    if let Some(&(_, last)) = lines.last()
        && let Some(t) = trailer(last)
    {
        doc.paper = Some(t.paper);
        doc.date = Some(t.date);
        end -= 1;
    }
    let mut drafts: Vec<Draft> = Vec::new();
    for &(no, line) in &lines[..end] {
        if let Some(paper) = line.trim().strip_suffix("数字报纸") {
            if doc.paper.is_none() && !paper.trim().is_empty() {
                doc.paper = Some(paper.trim().to_string());
            }
            continue;
        }
        if drafts.is_empty()
            && doc.page_number.is_none()
            && let Some((number, name)) = page_line(line)
        {
            doc.page_number = Some(number);
            doc.page_name = Some(name);
            continue;
        }
        if is_indented(line) {
            let para = line.trim_start_matches([' ', '\u{3000}', '\t']).to_string();
            match drafts.last_mut() {
                Some(d) => d.paragraphs.push(para),
                None => drafts.push(Draft {
                    title: String::new(),
                    line: no,
                    authors: Vec::new(),
                    paragraphs: vec![para],
                }),
            }
            continue;
        }
        let line = line.trim();
        if let Some(d) = drafts.last_mut()
            && d.authors.is_empty()
            && d.paragraphs.is_empty()
            && let Some(authors) = parse_byline(line)
        {
            d.authors = authors;
            continue;
        }
        drafts.push(Draft {
            title: line.to_string(),
            line: no,
            authors: Vec::new(),
            paragraphs: Vec::new(),
        });
    }
    doc.title = drafts
        .first()
        .map(|d| d.title.clone())
        .filter(|t| !t.is_empty());
    for (i, d) in drafts.into_iter().enumerate() {
        if d.title.is_empty() && d.paragraphs.is_empty() {
            continue;
        }
        let (text, body_start) = assemble_text(&d.title, &d.paragraphs);
        let section_place = if i > 0 { section_place(&d.title) } else { None };
        doc.articles.push(Article {
            id: format!("{id}/{i}"),
            title: d.title,
            alt_titles: Vec::new(),
            authors: d.authors,
            text,
            body_start,
            line: d.line,
            section_place,
        });
    }
    doc
}

/// The place heading a section: the first word of `海宁 改革创新落地见效`.
fn section_place(title: &str) -> Option<String> {
    let (head, rest) = title.split_once([' ', '\u{3000}', '\u{a0}'])?;
    let n = head.chars().count();
    let han = head.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    (han && (2..=5).contains(&n) && !rest.trim().is_empty()).then(|| head.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "示例日报 数字报纸\n\n\n00005版:营商观察\n\n城市改革新篇章\n\n王 芳 李明远\n\n  导语段落。\n\n东湖 窗口提速\n\n张三\n\n  第一段。\n\n  第二段。\n\n示例日报 营商观察 00005 城市改革新篇章 2024-03-01 示例日报2024-03-0100001 2 2024年03月01日 星期五\n";

    #[test]
    fn reads_sections_and_trailer() {
        assert!(looks_like_page(PAGE));
        let doc = parse(PAGE, "p.txt", "p");
        assert_eq!(doc.paper.as_deref(), Some("示例日报"));
        assert_eq!(doc.date.as_deref(), Some("2024-03-01"));
        assert_eq!(doc.page_number.as_deref(), Some("00005"));
        assert_eq!(doc.articles.len(), 2);
        let a = &doc.articles[0];
        assert_eq!(a.title, "城市改革新篇章");
        assert_eq!(a.authors.len(), 2);
        let b = &doc.articles[1];
        assert_eq!(b.section_place.as_deref(), Some("东湖"));
        assert_eq!(b.authors[0].name, "张三");
        assert_eq!(b.text, "东湖 窗口提速\n第一段。\n第二段。");
    }
}
