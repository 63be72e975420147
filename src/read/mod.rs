//! Reading documents: turns files, folders and stdin into [`Document`]s, each holding
//! one or more [`Article`]s. Owns decoding (UTF-8 with or without BOM, GB18030),
//! layout detection and the three layouts (newspaper page record, plain text, JSON
//! Lines). It knows nothing about entities: it only finds titles, bylines and bodies.
//!
//! Reading never panics on bad input: a file that cannot be decoded or parsed becomes a
//! [`ReadError`] naming the file (and line), and the iterator moves on to the next one.

mod byline;
mod decode;
mod jsonl;
mod page;
mod plain;

pub use byline::parse_byline;
pub use decode::decode;

use std::collections::{HashSet, VecDeque};
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Which layout a document was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Layout {
    Page,
    Plain,
    JsonLines,
}

impl Layout {
    pub fn name(self) -> &'static str {
        match self {
            Layout::Page => "page",
            Layout::Plain => "plain",
            Layout::JsonLines => "jsonl",
        }
    }
}

/// A person named in a byline, with the role the byline gives (记者, 通讯员).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub role: String,
}

/// One headed article.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable identifier: the document id plus the article's index on the page.
    pub id: String,
    /// The main title (headline).
    pub title: String,
    /// Lead-in titles and subtitles.
    pub alt_titles: Vec<String>,
    pub authors: Vec<Author>,
    /// The text extraction works on: the headline on the first line, then the body
    /// paragraphs separated by newlines. Spans index this string by character.
    pub text: String,
    /// Character offset at which the body starts in `text`.
    pub body_start: usize,
    /// Line of the source file at which the article starts (1-based).
    pub line: usize,
    /// The place a page section is headed by (`海宁` in `海宁 改革创新落地见效`).
    pub section_place: Option<String>,
}

/// One input document: a newspaper page, a plain article, or one JSON Lines record.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    /// The file the document came from (`-` for stdin).
    pub source: String,
    /// First line of the document in its source (1-based).
    pub line: usize,
    pub layout: Layout,
    pub paper: Option<String>,
    pub page_number: Option<String>,
    pub page_name: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub articles: Vec<Article>,
}

impl Document {
    fn new(id: String, source: &str, line: usize, layout: Layout) -> Document {
        Document {
            id,
            source: source.to_string(),
            line,
            layout,
            paper: None,
            page_number: None,
            page_name: None,
            date: None,
            title: None,
            articles: Vec::new(),
        }
    }
}

/// Why a document could not be read. Each names the file and, where known, the line.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{path}: empty file")]
    Empty { path: String },
    #[error("{path}: binary data, not text")]
    Binary { path: String },
    #[error("{path}: neither UTF-8 nor GB18030 text")]
    Encoding { path: String },
    #[error("{path}:{line}: {message}")]
    Parse {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}: no article found")]
    NoArticle { path: String },
    #[error("{path}: this folder was walked already (a symbolic link loops back to it); skipped")]
    Loop { path: String },
    #[error(
        "{path}: {size} bytes is more than the {MAX_FILE_BYTES} a text file may have; split it, or give it as JSON Lines (read line by line)"
    )]
    TooLarge { path: String, size: u64 },
}

impl ReadError {
    pub fn path(&self) -> &str {
        match self {
            ReadError::Io { path, .. }
            | ReadError::Empty { path }
            | ReadError::Binary { path }
            | ReadError::Encoding { path }
            | ReadError::Parse { path, .. }
            | ReadError::NoArticle { path }
            | ReadError::Loop { path }
            | ReadError::TooLarge { path, .. } => path,
        }
    }
}

/// File extensions picked up when a folder is walked. Files named explicitly are
/// read whatever their extension.
const EXTENSIONS: [&str; 6] = ["txt", "md", "jsonl", "ndjson", "text", "gz"];

/// Files other than JSON Lines are read whole; larger ones are refused.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Titles, names of papers and pages longer than this are cut (with `…`): a
/// line that long is a paragraph, not a title, and the full line stays in the
/// article's text.
pub const MAX_TITLE_CHARS: usize = 200;

/// Streams documents from inputs in a deterministic order: inputs as given, folders
/// walked with their entries sorted by name. JSON Lines files are read line by line,
/// so a corpus never has to fit in memory.
pub struct DocumentStream {
    /// Paths still to read, each with the folder it was found in (none for a path
    /// given by the user), which its document id is relative to.
    pending: VecDeque<(PathBuf, Option<PathBuf>)>,
    lines: Option<JsonLinesFile>,
    /// Folders already walked (canonical paths), so a symlink loop ends.
    visited: HashSet<PathBuf>,
    /// An in-memory file to read first: bytes, the name to show, the id.
    memory: Option<(Vec<u8>, String, String)>,
}

struct JsonLinesFile {
    path: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
}

impl DocumentStream {
    /// Prepares to read `inputs`; `-` means standard input.
    pub fn new(inputs: &[PathBuf]) -> DocumentStream {
        DocumentStream {
            pending: inputs.iter().map(|p| (p.clone(), None)).collect(),
            lines: None,
            visited: HashSet::new(),
            memory: None,
        }
    }

    /// Reads documents from bytes as if they were a file named `path` (how the
    /// fuzz targets feed the readers).
    pub fn from_bytes(bytes: Vec<u8>, path: &str, id: &str) -> DocumentStream {
        let mut s = DocumentStream::new(&[]);
        s.memory = Some((bytes, path.to_string(), id.to_string()));
        s
    }

    fn next_jsonl(&mut self) -> Option<Result<Document, ReadError>> {
        let file = self.lines.as_mut()?;
        loop {
            let mut buf = Vec::new();
            match file.reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.lines = None;
                    return None;
                }
                Ok(_) => {
                    file.line += 1;
                    let text = match decode::decode_line(&buf) {
                        Some(t) => t,
                        None => {
                            return Some(Err(ReadError::Parse {
                                path: file.path.clone(),
                                line: file.line,
                                message: "line is neither UTF-8 nor GB18030".into(),
                            }));
                        }
                    };
                    if text.trim().is_empty() {
                        continue;
                    }
                    return Some(
                        jsonl::parse_record(&text, &file.path, file.line).map(bound_fields),
                    );
                }
                Err(e) => {
                    let path = file.path.clone();
                    self.lines = None;
                    return Some(Err(ReadError::Io { path, source: e }));
                }
            }
        }
    }

    fn open(
        &mut self,
        path: PathBuf,
        root: Option<PathBuf>,
    ) -> Option<Result<Document, ReadError>> {
        let shown = path.display().to_string();
        let io_err = |source| {
            Some(Err(ReadError::Io {
                path: shown.clone(),
                source,
            }))
        };
        if shown == "-" {
            let mut bytes = Vec::new();
            if let Err(e) = io::stdin().read_to_end(&mut bytes) {
                return io_err(e);
            }
            return self.read_bytes(&bytes, "-", "stdin");
        }
        if path.is_dir() {
            // A folder reached again through a symlink is a loop: walk it once.
            let canonical = match fs::canonicalize(&path) {
                Ok(c) => c,
                Err(e) => return io_err(e),
            };
            if !self.visited.insert(canonical) {
                return Some(Err(ReadError::Loop { path: shown }));
            }
            let root = root.unwrap_or_else(|| path.clone());
            match list_dir(&path) {
                Ok(children) => {
                    for child in children.into_iter().rev() {
                        self.pending.push_front((child, Some(root.clone())));
                    }
                    return None;
                }
                Err(e) => return io_err(e),
            }
        }
        let id = document_id(&path, root.as_deref());
        let file = match fs::File::open(&path) {
            Ok(f) => f,
            Err(e) => return io_err(e),
        };
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        let gzipped = has_extension(&path, "gz");
        let mut reader: Box<dyn BufRead + Send> = if gzipped {
            Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
        } else {
            Box::new(BufReader::new(file))
        };
        // The name inside `.gz` decides the layout: `corpus.jsonl.gz` is JSON Lines.
        let inner = if gzipped {
            path.with_extension("")
        } else {
            path.clone()
        };
        let utf16 = match reader.fill_buf() {
            Ok(head) => head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF"),
            Err(e) => return io_err(e),
        };
        if is_jsonl_path(&inner) && !utf16 {
            self.lines = Some(JsonLinesFile {
                path: shown,
                reader,
                line: 0,
            });
            return self.next_jsonl();
        }
        // Anything else is read whole, so it must fit in memory with room to spare.
        if !gzipped && size > MAX_FILE_BYTES {
            return Some(Err(ReadError::TooLarge { path: shown, size }));
        }
        let mut bytes = Vec::new();
        if let Err(e) = reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
            return io_err(e);
        }
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Some(Err(ReadError::TooLarge {
                path: shown,
                size: bytes.len() as u64,
            }));
        }
        self.read_bytes(&bytes, &shown, &id)
    }

    /// Reads a whole in-memory file; JSON Lines content found this way (stdin, or a
    /// `.txt` that holds records) is parsed record by record.
    fn read_bytes(
        &mut self,
        bytes: &[u8],
        path: &str,
        stem: &str,
    ) -> Option<Result<Document, ReadError>> {
        let text = match decode(bytes, path) {
            Ok(t) => t,
            Err(e) => return Some(Err(e)),
        };
        if text.trim_start().starts_with('{') {
            self.lines = Some(JsonLinesFile {
                path: path.to_string(),
                reader: Box::new(io::Cursor::new(text.into_bytes())),
                line: 0,
            });
            return self.next_jsonl();
        }
        Some(parse_text(&text, path, stem).map(bound_fields))
    }
}

impl Iterator for DocumentStream {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.lines.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(item);
                }
                continue;
            }
            if let Some((bytes, path, id)) = self.memory.take() {
                if let Some(item) = self.read_bytes(&bytes, &path, &id) {
                    return Some(item);
                }
                continue;
            }
            let (path, root) = self.pending.pop_front()?;
            if let Some(item) = self.open(path, root) {
                return Some(item);
            }
        }
    }
}

/// Parses a decoded text document, choosing the layout from its shape.
pub fn parse_text(text: &str, path: &str, id: &str) -> Result<Document, ReadError> {
    let doc = if page::looks_like_page(text) {
        page::parse(text, path, id)
    } else {
        plain::parse(text, path, id)
    };
    if doc.articles.is_empty() {
        return Err(ReadError::NoArticle {
            path: path.to_string(),
        });
    }
    Ok(doc)
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The id of a file's document: its stem when it was named directly, its path
/// below the folder it was found in otherwise (`2023/05/page-01`), so files of the
/// same name in different folders stay different documents.
fn document_id(path: &Path, root: Option<&Path>) -> String {
    let strip = |p: &Path| -> PathBuf {
        let mut p = p.to_path_buf();
        if has_extension(&p, "gz") {
            p = p.with_extension("");
        }
        p.with_extension("")
    };
    let relative = root
        .and_then(|r| path.strip_prefix(r).ok())
        .map(strip)
        .filter(|p| p.components().count() > 0);
    match relative {
        Some(rel) => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/"),
        None => strip(path)
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "document".into()),
    }
}

/// Every file a build of `inputs` reads, in reading order (for progress sizes).
pub fn input_files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut visited = HashSet::new();
    let mut pending: VecDeque<PathBuf> = inputs.iter().cloned().collect();
    while let Some(p) = pending.pop_front() {
        if p.is_dir() {
            let fresh = fs::canonicalize(&p).is_ok_and(|c| visited.insert(c));
            if fresh && let Ok(children) = list_dir(&p) {
                for c in children.into_iter().rev() {
                    pending.push_front(c);
                }
            }
        } else if p.is_file() {
            out.push(p);
        }
    }
    out
}

/// Keeps over-long header fields out of labels (see [`MAX_TITLE_CHARS`]).
fn bound_fields(mut doc: Document) -> Document {
    fn bound(s: &mut String) {
        if s.chars().count() > MAX_TITLE_CHARS {
            let mut cut: String = s.chars().take(MAX_TITLE_CHARS).collect();
            cut.push('…');
            *s = cut;
        }
    }
    for f in [
        &mut doc.paper,
        &mut doc.page_number,
        &mut doc.page_name,
        &mut doc.date,
        &mut doc.title,
    ]
    .into_iter()
    .flatten()
    {
        bound(f);
    }
    for a in &mut doc.articles {
        bound(&mut a.title);
        a.alt_titles.iter_mut().for_each(bound);
        if let Some(p) = &mut a.section_place {
            bound(p);
        }
    }
    doc
}

fn is_jsonl_path(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl") | Some("ndjson")
    )
}

fn list_dir(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            out.push(path);
        } else if let Some(ext) = path.extension().and_then(|e| e.to_str())
            && EXTENSIONS.contains(&ext)
        {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Normalises a line for layout work: drops CR, the BOM and trailing white space.
pub(crate) fn clean_line(line: &str) -> &str {
    line.trim_end_matches(['\r', '\n', ' ', '\t', '\u{3000}'])
        .trim_start_matches('\u{feff}')
}

/// True when a line is indented the way body paragraphs are (ASCII or full-width).
pub(crate) fn is_indented(line: &str) -> bool {
    line.starts_with("  ") || line.starts_with('\u{3000}') || line.starts_with('\t')
}

/// Joins title, byline and paragraphs into an article's text, remembering where
/// the body starts.
pub(crate) fn assemble_text(title: &str, paragraphs: &[String]) -> (String, usize) {
    let mut text = String::from(title);
    text.push('\n');
    let body_start = text.chars().count();
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(p);
    }
    (text, body_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assemble_marks_body_start() {
        let (text, start) = assemble_text("标题", &["第一段".into(), "第二段".into()]);
        assert_eq!(text, "标题\n第一段\n第二段");
        assert_eq!(start, 3);
    }

    #[test]
    fn clean_line_strips_cr_and_bom() {
        assert_eq!(clean_line("\u{feff}标题\r"), "标题");
    }
}
