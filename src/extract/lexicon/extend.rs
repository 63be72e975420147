//! A user's lexicon folder: reading its files, merging each into the bundled list of
//! the same name, and handing the result to the lists on their first use, once per
//! process, so that every pass sees the same words in every article. The errors name
//! the file and the line, for the user to fix without guessing.

use super::LISTS;
use super::format::{Row, Spec, merge, parse};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A failure to read or merge a user's lexicon folder. Every message names the file
/// and, for a bad entry, the line, so the user can fix it without guessing.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("cannot read {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}: not valid UTF-8", .path.display())]
    NotUtf8 { path: PathBuf, line: usize },
    #[error("{}: no bundled lexicon is called `{name}`; the known lists are: {known}", .path.display())]
    UnknownList {
        path: PathBuf,
        name: String,
        known: String,
    },
    #[error("{}:{line}: expected {expected} tab-separated column(s), found {found}", .path.display())]
    Columns {
        path: PathBuf,
        line: usize,
        expected: &'static str,
        found: usize,
    },
    #[error("{}:{line}: column {column} is empty", .path.display())]
    EmptyColumn {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{}:{line}: `{value}` is not one of: {known}", .path.display())]
    UnknownValue {
        path: PathBuf,
        line: usize,
        value: String,
        known: String,
    },
    #[error("{}:{line}: {message}", .path.display())]
    Conflict {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("the lexicons are already in use: extend them before the first extraction, not after")]
    AlreadyInUse,
    #[error("the lexicons were already extended from {}: extend them once, from one folder", .dir.display())]
    AlreadyExtended { dir: PathBuf },
}

/// What [`extend_from`] left for the lists to pick up: the folder, if any, and the
/// merged rows of every list it extended. It is fixed by the first of `extend_from`
/// and the first use of a list, so a list never changes once some pass has seen it.
struct Extension {
    dir: Option<PathBuf>,
    lists: HashMap<&'static str, Vec<Row>>,
}

static EXTENSION: OnceLock<Extension> = OnceLock::new();

/// Adds the entries of the `*.txt` files in `dir` to the bundled lists of the same
/// names (`posts.txt` extends `POSTS`; see `data/lexicon/README.md`). Entries a list
/// already has are dropped; in lists where the first entry that fits wins, a new entry
/// goes in front of the first shorter one, elsewhere at the end. Files with other
/// extensions are ignored.
///
/// Call it once, before the first extraction: the lists are parsed on first use and
/// never again, so a call after any list was used, or a second call, is an error and
/// changes nothing. An unknown file name, a line with the wrong number of
/// tab-separated columns, an unknown initiative subclass or a pair that contradicts a
/// bundled one is an error naming the file and line, and nothing is extended.
pub fn extend_from(dir: &Path) -> Result<(), LexiconError> {
    if let Some(ext) = EXTENSION.get() {
        return Err(already(ext));
    }
    let lists = load(dir)?;
    let ext = Extension {
        dir: Some(dir.to_path_buf()),
        lists,
    };
    // Another thread may have used a list while the folder was read; it won.
    EXTENSION
        .set(ext)
        .map_err(|_| EXTENSION.get().map_or(LexiconError::AlreadyInUse, already))
}

fn already(ext: &Extension) -> LexiconError {
    match &ext.dir {
        Some(dir) => LexiconError::AlreadyExtended { dir: dir.clone() },
        None => LexiconError::AlreadyInUse,
    }
}

/// The rows of one list, extended if [`extend_from`] ran first. The first call fixes
/// the extension, so a later `extend_from` fails instead of going unseen.
pub(super) fn rows(name: &'static str) -> Vec<Row> {
    let ext = EXTENSION.get_or_init(|| Extension {
        dir: None,
        lists: HashMap::new(),
    });
    match ext.lists.get(name) {
        Some(rows) => rows.clone(),
        None => bundled(spec(name)),
    }
}

fn spec(name: &str) -> &'static Spec {
    LISTS
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no bundled lexicon is called {name}"))
}

/// The rows of a bundled list. Its file is compiled in and the tests parse every
/// one, so a failure here is a bug in the data, not the user's doing.
fn bundled(spec: &Spec) -> Vec<Row> {
    match parse(spec, &spec.path(), spec.text) {
        Ok(rows) => rows.into_iter().map(|(_, row)| row).collect(),
        Err(e) => panic!("a bundled lexicon is malformed: {e}"),
    }
}

/// Reads every `*.txt` file in `dir` and merges it into its bundled list; returns the
/// merged rows by list name. Nothing global is touched, so the tests call it directly.
fn load(dir: &Path) -> Result<HashMap<&'static str, Vec<Row>>, LexiconError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| LexiconError::Io { path, source }
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        if path.extension().is_some_and(|e| e == "txt") && path.is_file() {
            files.push(path);
        }
    }
    // Sorted, so that with several bad files the same one is reported every time.
    files.sort();
    let mut out = HashMap::new();
    for path in files {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(spec) = LISTS.iter().find(|s| s.name == name) else {
            let known: Vec<&str> = LISTS.iter().map(|s| s.name).collect();
            return Err(LexiconError::UnknownList {
                path,
                name,
                known: known.join(", "),
            });
        };
        let bytes = std::fs::read(&path).map_err(io(&path))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let bytes = e.as_bytes();
            let line = 1 + bytes[..e.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            LexiconError::NotUtf8 {
                path: path.clone(),
                line,
            }
        })?;
        // The lists hold `&'static str` like the compiled-in text; a user's files are
        // read once per process, so leaking them costs a few kilobytes at most.
        let text: &'static str = text.leak();
        let added = parse(spec, &path, text)?;
        let mut rows = bundled(spec);
        merge(spec, &mut rows, &path, added)?;
        out.insert(spec.name, rows);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::POSTS;
    use super::super::tests::words;
    use super::*;
    use std::sync::LazyLock;

    /// A fresh folder under the system's temporary folder, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(tag: &str) -> TempDir {
            let dir =
                std::env::temp_dir().join(format!("zhengqi-lexicon-{tag}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }

        fn write(&self, name: &str, text: &str) {
            std::fs::write(self.0.join(name), text).unwrap();
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn load_extends_the_lists_named_by_the_files() {
        let dir = TempDir::new("load");
        dir.write("posts.txt", "# mine\n书记\n首席数据官\n");
        dir.write("surnames.txt", "王 笪\n");
        dir.write("README.md", "not a list\n");
        let lists = load(&dir.0).unwrap();
        assert_eq!(lists.len(), 2);
        let posts = words(&lists["posts"]);
        assert_eq!(posts.len(), 158);
        // Five characters: in front of the first shorter post, after the bundled ones
        // of the same length.
        assert_eq!(posts[13], "首席数据官");
        let surnames: String = words(&lists["surnames"]).concat();
        assert_eq!(surnames.chars().count(), 442 + 1);
        assert!(surnames.ends_with('笪'));
    }

    #[test]
    fn load_names_an_unknown_file_and_a_bad_line() {
        let dir = TempDir::new("unknown");
        dir.write("post.txt", "书记\n");
        let err = load(&dir.0).unwrap_err().to_string();
        assert!(
            err.contains("post.txt: no bundled lexicon is called `post`"),
            "{err}"
        );
        assert!(err.contains("posts, speech_verbs"), "{err}");
        let dir = TempDir::new("bad");
        dir.write("zones.txt", "# mine\n\n产业新城\n");
        let err = load(&dir.0).unwrap_err().to_string();
        assert!(
            err.contains("zones.txt:3: expected 2 tab-separated"),
            "{err}"
        );
        let dir = TempDir::new("utf8");
        std::fs::write(dir.0.join("posts.txt"), b"ok\n\xff\n").unwrap();
        let err = load(&dir.0).unwrap_err().to_string();
        assert!(err.ends_with("posts.txt:2: not valid UTF-8"), "{err}");
    }

    #[test]
    fn extend_from_after_first_use_is_refused() {
        LazyLock::force(&POSTS);
        let dir = TempDir::new("late");
        dir.write("posts.txt", "书记\n");
        let err = extend_from(&dir.0).unwrap_err();
        assert!(matches!(err, LexiconError::AlreadyInUse), "{err}");
    }
}
