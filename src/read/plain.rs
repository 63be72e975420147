//! Plain article text: title lines (lead-in 引题, main title, subtitle 副题), an
//! optional byline line, then paragraphs. Handles full-width indents, CRLF,
//! Markdown `#` headings, `本报记者 X` bylines and datelines such as
//! `本报杭州3月5日电（记者 张三）`.

use super::byline::find_inline_byline;
use super::{
    Article, Author, Document, Layout, assemble_text, clean_line, is_indented, parse_byline,
};

/// Lines that are page furniture rather than article text, from
/// `data/lexicon/reader/furniture.txt` (one per line; blank lines and `#` lines are
/// comments). The reader parses its one list itself, so that `read` does not depend
/// on `extract`, whose lexicon module owns the other lists and their extension.
static FURNITURE: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    include_str!("../../data/lexicon/reader/furniture.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// Splits an article body into its parts; shared with the JSON Lines reader, whose
/// `text` field is a plain body.
pub(crate) struct Body {
    pub authors: Vec<Author>,
    pub paragraphs: Vec<String>,
}

pub(crate) fn parse_body<'a>(lines: impl Iterator<Item = &'a str>) -> Body {
    let mut authors = Vec::new();
    let mut paragraphs = Vec::new();
    // Headings before the first paragraph do not end the place where a byline may be.
    let mut only_headings = true;
    for line in lines {
        let t = line.trim_matches([' ', '\u{3000}', '\t']);
        if t.is_empty() || FURNITURE.iter().any(|f| t.starts_with(f)) {
            continue;
        }
        if only_headings
            && authors.is_empty()
            && has_byline_cue(t)
            && let Some(a) = parse_byline(t)
        {
            authors = a;
            continue;
        }
        only_headings &= t.starts_with('#');
        paragraphs.push(t.trim_start_matches('#').trim().to_string());
    }
    // A byline may close the article on a line of its own (`本报记者 某某`), and
    // local papers often credit a reporter at the top (`本报讯（记者 某某）`) and
    // another at the end (`（记者 某某）`), so every place adds its names.
    if let Some(last) = paragraphs.last()
        && has_byline_cue(last)
        && let Some(a) = parse_byline(last)
    {
        add_authors(&mut authors, a);
        paragraphs.pop();
    }
    let last = paragraphs.get(1..).and_then(|rest| rest.last());
    for p in paragraphs.first().into_iter().chain(last) {
        if let Some((a, _, _)) = find_inline_byline(p) {
            add_authors(&mut authors, a);
        }
    }
    // A credit run into the end of the last paragraph, after its last
    // sentence (`…。记者 某某 报道`), names authors too; it must open with a
    // role word, so that a sentence's last words are never read as names.
    if let Some(last) = paragraphs.last()
        && let Some(end) = last.rfind(['。', '！', '？'])
    {
        let tail = last[end + '。'.len_utf8()..].trim();
        if ["记者", "本报记者", "通讯员", "本报通讯员"]
            .iter()
            .any(|w| tail.starts_with(w))
            && has_byline_cue(tail)
            && let Some(a) = parse_byline(tail)
        {
            add_authors(&mut authors, a);
        }
    }
    Body {
        authors,
        paragraphs,
    }
}

/// Adds the authors of one byline, each name once.
fn add_authors(authors: &mut Vec<Author>, found: Vec<Author>) {
    for a in found {
        if !authors.iter().any(|b| b.name == a.name) {
            authors.push(a);
        }
    }
}

fn has_byline_cue(line: &str) -> bool {
    ["记者", "通讯员", "作者", "文/", "文／", "□", "■"]
        .iter()
        .any(|c| line.contains(c))
        && line.chars().count() <= 40
}

/// A title line is short, not indented and holds no end of a sentence: a short
/// paragraph closed by a credit (`某某。（记者 某某）`) is text.
fn is_title_line(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    let sentence = t.contains('。') || t.ends_with(['！', '？', '；', '…']);
    !is_indented(line)
        && n > 0
        && n <= 48
        && !sentence
        && !(has_byline_cue(t) && parse_byline(t).is_some())
}

pub fn parse(text: &str, path: &str, id: &str) -> Document {
    let mut doc = Document::new(id.to_string(), path, 1, Layout::Plain);
    let lines: Vec<&str> = text.lines().map(clean_line).collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let Some(first) = first else { return doc };
    let mut titles: Vec<(String, bool)> = Vec::new();
    let mut i = first;
    while i < lines.len() {
        let line = lines[i];
        if line.trim().is_empty() {
            i += 1;
            continue;
        }
        let heading = line.trim_start().starts_with('#');
        if heading || (titles.len() < 3 && is_title_line(line)) {
            let level = line.trim_start().chars().take_while(|&c| c == '#').count();
            let t = line.trim().trim_start_matches('#').trim().to_string();
            // A second-level heading after the titles is a section inside the body,
            // unless it is a dash-led subtitle (`## ——副题`).
            if level > 1 && !titles.is_empty() && !t.starts_with(['—', '-']) {
                break;
            }
            titles.push((t, level == 1));
            i += 1;
            continue;
        }
        break;
    }
    if titles.is_empty() {
        // No title line: the first line stands as the title, so the article is not lost.
        titles.push((lines[first].trim().to_string(), false));
        i = first + 1;
    }
    let main = main_title(&titles);
    let title = titles[main].0.clone();
    let alt_titles = titles
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != main)
        .map(|(_, (t, _))| t.trim_start_matches(['—', '-', ' ']).to_string())
        .collect();
    let body = parse_body(lines[i..].iter().copied());
    let (text, body_start) = assemble_text(&title, &body.paragraphs);
    doc.title = Some(title.clone());
    doc.articles.push(Article {
        id: format!("{id}/0"),
        title,
        alt_titles,
        authors: body.authors,
        text,
        body_start,
        line: first + 1,
        section_place: None,
    });
    doc
}

/// Chooses the main title among up to three title lines: a `#` heading if there is
/// one; of three lines the middle one (引题, 主题, 副题); of two, the first when the
/// second is a dash-led subtitle, else the second (引题 then 主题).
fn main_title(titles: &[(String, bool)]) -> usize {
    if let Some(k) = titles.iter().position(|(_, h)| *h) {
        return k;
    }
    match titles.len() {
        3 => 1,
        2 if titles[1].0.starts_with(['—', '-']) => 0,
        2 if titles[0].0.ends_with(['：', ':', '，', ',']) => 1,
        // A lead-in is usually the shorter line; a subtitle follows a longer main title.
        2 if titles[0].0.chars().count() < titles[1].0.chars().count() => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_closing_the_article_names_its_authors() {
        let body = parse_body(["第一段。", "本报记者 王五 通讯员 赵六"].into_iter());
        let names: Vec<&str> = body.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["王五", "赵六"]);
        assert_eq!(body.paragraphs, ["第一段。"]);
    }

    #[test]
    fn a_credit_run_into_the_last_paragraph_names_its_authors() {
        let body = parse_body(["第一段。", "第二段说完了。记者 王五 赵六 报道"].into_iter());
        let names: Vec<&str> = body.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["王五", "赵六"]);
        let body = parse_body(["第一段。", "他说得好。大家 记住"].into_iter());
        assert!(body.authors.is_empty());
    }

    #[test]
    fn bylines_at_the_top_and_the_end_both_name_authors() {
        let body = parse_body(
            [
                "本报讯（记者 王五 通讯员 赵六）近日，第一段。",
                "第二段。（记者 陈七 实习生 王五）",
            ]
            .into_iter(),
        );
        let names: Vec<&str> = body.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["王五", "赵六", "陈七"]);
        assert!(parse_body(std::iter::empty()).authors.is_empty());
    }

    #[test]
    fn titles_byline_and_crlf() {
        let text = "引题一行\r\n主标题在这里出现\r\n——副题说明\r\n本报记者 张三 李四\r\n\u{3000}\u{3000}第一段。\r\n\u{3000}\u{3000}第二段。\r\n";
        let doc = parse(text, "a.txt", "a");
        let a = &doc.articles[0];
        assert_eq!(a.title, "主标题在这里出现");
        assert_eq!(a.alt_titles, ["引题一行", "副题说明"]);
        assert_eq!(a.authors.len(), 2);
        assert_eq!(a.text, "主标题在这里出现\n第一段。\n第二段。");
    }

    #[test]
    fn a_short_paragraph_closed_by_a_credit_is_text() {
        let text = "县里办实事\n\n近日，示例县推出新举措。（本报记者 林某）\n";
        let doc = parse(text, "c.txt", "c");
        let a = &doc.articles[0];
        assert_eq!(a.title, "县里办实事");
        assert_eq!(a.authors[0].name, "林某");
    }

    #[test]
    fn markdown_heading_and_dateline() {
        let text = "# 标题\n\n本报合肥3月5日电（记者 王五）正文开始。\n";
        let doc = parse(text, "b.md", "b");
        let a = &doc.articles[0];
        assert_eq!(a.title, "标题");
        assert_eq!(a.authors[0].name, "王五");
    }

    #[test]
    fn dash_subtitle_heading_then_byline() {
        let text =
            "# 主标题\n## ——副标题在此\n本报记者 王五 赵六\n　　正文。\n## 小节\n　　再一段。\n";
        let doc = parse(text, "c.md", "c");
        let a = &doc.articles[0];
        assert_eq!(a.title, "主标题");
        assert_eq!(a.alt_titles, ["副标题在此"]);
        let names: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["王五", "赵六"]);
        assert!(a.text.contains("小节"));
    }
}
