//! Bylines: `王 芳 李明远` (two-character names padded to three columns),
//! `本报记者 张三 李四`, `□本报记者 王五 通讯员 赵六`, `（记者 张三）`, `文/张三`.

use super::Author;

/// Words that set the role of the names after them, longest first so that
/// `特约记者` wins over `记者`.
const ROLE_WORDS: [(&str, &str); 11] = [
    ("本报特约记者", "特约记者"),
    ("作者", "作者"),
    ("本报见习记者", "见习记者"),
    ("本报通讯员", "通讯员"),
    ("本报记者", "记者"),
    ("特约记者", "特约记者"),
    ("见习记者", "见习记者"),
    ("融媒体记者", "记者"),
    ("通讯员", "通讯员"),
    ("实习生", "实习生"),
    ("记者", "记者"),
];

/// The role cores a longer role word ends in (`全媒体记者`, `特约通讯员`).
const ROLE_CORES: [&str; 3] = ["记者", "通讯员", "实习生"];

/// Words before a role core that say which newsroom or rank the role belongs to:
/// a longer role word must hold one, so that a name run into a role word
/// (`张三记者`) is not read as a role.
const ROLE_PREFIX_MARKS: [&str; 9] = [
    "本报",
    "本台",
    "首席",
    "全媒体",
    "融媒",
    "特约",
    "见习",
    "中心",
    "驻",
];

/// Newsroom units a byline may name before its reporters (`县融媒体中心 某某`).
const MEDIA_UNITS: [&str; 6] = [
    "融媒体中心",
    "传媒中心",
    "新闻中心",
    "广播电视台",
    "电视台",
    "报社",
];

/// Reads a longer role word at the start of `token`, such as `本报全媒体记者` or
/// `县融媒体中心记者`; returns the role and the rest of the token.
fn prefixed_role(token: &str) -> Option<(&'static str, &str)> {
    ROLE_CORES.iter().find_map(|core| {
        let at = token.find(core)?;
        let prefix = &token[..at];
        let n = prefix.chars().count();
        ((1..=8).contains(&n)
            && prefix.chars().all(is_han)
            && ROLE_PREFIX_MARKS.iter().any(|m| prefix.contains(m)))
        .then(|| (*core, &token[at + core.len()..]))
    })
}

/// Endings of the lead word that opens a paper's own report (`本报讯`, `某某日报讯`,
/// `本台讯`), written before the byline's role words when the byline has no
/// brackets (`本报讯 记者某某`): it names the newsroom, not a person.
const LEAD_WORD_ENDS: [&str; 4] = ["报讯", "台讯", "社讯", "网讯"];

/// Words after the names of a byline that say what they did.
const CREDIT_MARKS: [&str; 7] = ["报道", "摄", "摄影", "图", "采写", "整理", "发自"];

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '\u{3007}'
}

fn is_name_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '‧')
}

/// Splits a byline into authors. Returns `None` when the text is not a byline: a
/// token that is neither a role word nor a plausible name (one to four Han
/// characters) rules it out, so ordinary sentences are never mistaken for bylines.
pub fn parse_byline(line: &str) -> Option<Vec<Author>> {
    let mut s: String = line
        .trim()
        .trim_start_matches(['□', '■', '◎', '●', '△', '▲', '★'])
        .to_string();
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】')] {
        if s.starts_with(open) && s.ends_with(close) {
            s = s[open.len_utf8()..s.len() - close.len_utf8()].to_string();
        }
    }
    let s = s
        .replace("文/图", " ")
        .replace("文／图", " ")
        .replace("文/", " 记者 ")
        .replace("文／", " 记者 ")
        .replace(['/', '／', '、', '，', ','], " ");
    let mut authors = Vec::new();
    let mut role = "记者";
    let mut pending_single: Option<char> = None;
    let mut seen_role = false;
    for raw in s.split_whitespace() {
        // Words saying what the names did (`报道`, `摄`) close a byline; they
        // are no names.
        if CREDIT_MARKS.contains(&raw) {
            continue;
        }
        if !seen_role && LEAD_WORD_ENDS.iter().any(|w| raw.ends_with(w)) {
            continue;
        }
        let mut token = raw;
        if let Some(stripped) = token.strip_suffix('摄') {
            token = stripped;
        }
        let found = ROLE_WORDS
            .iter()
            .find(|(w, _)| token.starts_with(w))
            .map(|(w, r)| (*r, &token[w.len()..]))
            .or_else(|| prefixed_role(token))
            .or_else(|| {
                let n = token.chars().count();
                (n <= 12
                    && token.chars().all(is_han)
                    && MEDIA_UNITS.iter().any(|u| token.ends_with(u)))
                .then_some(("记者", ""))
            });
        if let Some((r, rest)) = found {
            role = r;
            seen_role = true;
            token = rest.trim_start_matches(['：', ':']);
            if token.is_empty() {
                continue;
            }
        }
        let chars: Vec<char> = token.chars().collect();
        // Names of some minorities join their parts with a middle dot
        // (`古丽·阿不都`) and run longer than four characters.
        let dotted = chars.iter().any(|&c| is_name_dot(c));
        let max = if dotted { 12 } else { 4 };
        if chars.is_empty()
            || chars.len() > max
            || !chars.iter().all(|&c| is_han(c) || is_name_dot(c))
            || chars.first().is_some_and(|&c| is_name_dot(c))
            || chars.last().is_some_and(|&c| is_name_dot(c))
        {
            return None;
        }
        if chars.len() == 1 {
            // A two-character name padded with a space arrives as two single characters.
            match pending_single.take() {
                Some(first) => authors.push(Author {
                    name: format!("{first}{}", chars[0]),
                    role: role.to_string(),
                }),
                None => pending_single = Some(chars[0]),
            }
            continue;
        }
        if pending_single.is_some() {
            return None;
        }
        authors.push(Author {
            name: token.to_string(),
            role: role.to_string(),
        });
    }
    if pending_single.is_some() || authors.is_empty() {
        return None;
    }
    // Without a role word, a line of names is only a byline when it is short.
    if !seen_role && authors.len() > 4 {
        return None;
    }
    Some(authors)
}

/// Finds a byline inside a paragraph: a dateline such as `本报杭州3月5日电（记者 张三）`
/// or a trailing `（记者 张三 李四）`. Returns the authors and the character range of
/// the bracketed part.
pub fn find_inline_byline(paragraph: &str) -> Option<(Vec<Author>, usize, usize)> {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '（' || chars[i] == '(' {
            let close = if chars[i] == '（' { '）' } else { ')' };
            if let Some(len) = chars[i + 1..].iter().position(|&c| c == close) {
                let inner: String = chars[i + 1..i + 1 + len].iter().collect();
                let has_role = ROLE_WORDS.iter().any(|(w, _)| inner.contains(w));
                if has_role && let Some(authors) = parse_byline(&inner) {
                    return Some((authors, i, i + len + 2));
                }
                i += len + 1;
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str) -> Vec<String> {
        parse_byline(line)
            .unwrap_or_default()
            .into_iter()
            .map(|a| format!("{}/{}", a.name, a.role))
            .collect()
    }

    #[test]
    fn author_lines_and_dotted_names() {
        assert_eq!(names("作者：王婧"), ["王婧/作者"]);
        assert_eq!(
            names("记者 阿依·买买提 王五"),
            ["阿依·买买提/记者", "王五/记者"]
        );
        assert!(parse_byline("·王五").is_none());
    }

    #[test]
    fn padded_two_character_names() {
        assert_eq!(names("王 芳 李明远"), ["王芳/记者", "李明远/记者"]);
        assert_eq!(names("王 芳 李 明"), ["王芳/记者", "李明/记者"]);
    }

    #[test]
    fn role_words() {
        assert_eq!(
            names("□本报记者 王五 通讯员 赵六"),
            ["王五/记者", "赵六/通讯员"]
        );
        assert_eq!(names("（记者 张三）"), ["张三/记者"]);
        assert_eq!(names("本报记者张三"), ["张三/记者"]);
        assert_eq!(names("（记者 张三 李四 报道）"), ["张三/记者", "李四/记者"]);
        assert_eq!(names("本报记者　王五　文/图"), ["王五/记者"]);
        assert_eq!(names("记者 赵六 摄"), ["赵六/记者"]);
        assert_eq!(
            names("本报全媒体记者 王五 县融媒体中心记者 赵六"),
            ["王五/记者", "赵六/记者"]
        );
        assert_eq!(names("特约通讯员 李四"), ["李四/通讯员"]);
        assert_eq!(
            names("本报记者 王五 县融媒体中心 赵六"),
            ["王五/记者", "赵六/记者"]
        );
        assert!(parse_byline("张小三记者 李四").is_none());
        // The lead word of a paper's own report names no one.
        assert_eq!(
            names("本报讯 记者王五 实习生赵六"),
            ["王五/记者", "赵六/实习生"]
        );
    }

    #[test]
    fn sentences_are_not_bylines() {
        assert!(parse_byline("春风浩荡,林木葱翠。").is_none());
        assert!(parse_byline("海宁 改革创新落地见效").is_none());
    }

    #[test]
    fn inline_dateline() {
        let (authors, s, e) =
            find_inline_byline("本报合肥3月5日电（记者 张三 李四）今年以来").unwrap();
        assert_eq!(authors.len(), 2);
        assert_eq!((s, e), (9, 19));
    }
}
