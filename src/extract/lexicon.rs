//! General lexicons: surnames, post words, agency body suffixes and abbreviations,
//! company and organisation suffixes, initiative cue nouns and verbs, and the
//! smaller word lists the division, name, people and relation passes consult. These
//! are facts of the language and of Chinese administrative usage, never names of
//! particular entities.
//!
//! Every list is a plain UTF-8 file in `data/lexicon/` (see its `README.md`),
//! compiled in with `include_str!` so the binary needs no data folder, and parsed
//! once, on first use, into a `LazyLock` static. A user may add entries from a
//! folder of files with the same names through [`extend_from`], which must run
//! before any list is first used, because a list is never rebuilt once parsed: the
//! passes would otherwise see different words in different articles.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, OnceLock};

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

/// How the lines of a list file are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
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
enum Order {
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
struct Spec {
    name: &'static str,
    text: &'static str,
    shape: Shape,
    order: Order,
    /// The values the second column of a pair list may take; empty means any.
    values: &'static [&'static str],
}

impl Spec {
    /// The file the bundled list was compiled from, for messages.
    fn path(&self) -> PathBuf {
        Path::new("data/lexicon").join(format!("{}.txt", self.name))
    }
}

/// One entry: a single word or character, a pair, or a group of forms.
type Row = Vec<&'static str>;

/// A type a list parses into; its shape follows from the type, so a static and the
/// way its file is read can never disagree.
trait FromRows {
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

/// The subclasses of `Initiative` in the ontology: a cue or programme noun must
/// imply one of them, or its mentions would get a class the graph does not define.
const INITIATIVE_CLASSES: &[&str] = &[
    "Campaign",
    "Platform",
    "ServiceWindow",
    "FinancialProduct",
    "Mechanism",
    "PolicyDocument",
];

/// Declares each list once: the public static (parsed from its file on first use)
/// and its entry in [`LISTS`], which [`extend_from`] matches file names against.
macro_rules! lists {
    ($($(#[$doc:meta])* $name:ident: $ty:ty = $file:literal, $order:ident $(, $values:expr)?;)*) => {
        $(
            $(#[$doc])*
            pub static $name: LazyLock<$ty> = LazyLock::new(|| <$ty>::from_rows(rows($file)));
        )*

        /// Every bundled list, in the order of `data/lexicon/README.md`.
        const LISTS: &[Spec] = &[$(Spec {
            name: $file,
            text: include_str!(concat!("../../data/lexicon/", $file, ".txt")),
            shape: <$ty as FromRows>::SHAPE,
            order: Order::$order,
            values: lists!(@values $($values)?),
        }),*];

        /// Parses every list, so a test sees a static whose file fails to load.
        #[cfg(test)]
        fn force_all() {
            $(LazyLock::force(&$name);)*
        }
    };
    (@values) => { &[] };
    (@values $values:expr) => { $values };
}

lists! {
    /// Common single-character surnames (the few hundred that cover nearly all people).
    SURNAMES: String = "surnames", Any;

    /// Compound surnames.
    COMPOUND_SURNAMES: Vec<&'static str> = "compound_surnames", Any;

    /// Characters that end or sit around a name in running text but are very rare as
    /// the second or third character of a given name followed by a verb: used to decide
    /// whether a name is two or three characters long.
    AFTER_NAME: String = "after_name", Any;

    /// Verbs of what officials do that follow a name (参加, 主持): whole words.
    ACTS_AFTER_NAME: Vec<&'static str> = "acts_after_name", Any;

    /// Post words: a name right after one of these is a person holding that post.
    /// Longest first, so `党组书记` wins over `书记`.
    POSTS: Vec<&'static str> = "posts", FirstFits;

    /// Verbs that introduce what a person said.
    SPEECH_VERBS: Vec<&'static str> = "speech_verbs", Any;

    /// Suffixes of government and Party bodies, longest first.
    AGENCY_SUFFIXES: Vec<&'static str> = "agency_suffixes", FirstFits;

    /// Cores that make `中心` a government body rather than an organisation.
    AGENCY_CENTRE_CORES: Vec<&'static str> = "agency_centre_cores", Any;

    /// Cores allowed before `部` (Party departments) and short `办`/`委` bodies.
    PARTY_DEPARTMENTS: Vec<&'static str> = "party_departments", Any;

    /// Variant forms of common agency bodies: the first is canonical. The linker treats
    /// all forms in a row as the same body.
    BODY_VARIANTS: Vec<Vec<&'static str>> = "body_variants", Any;

    /// Company suffixes, longest first.
    COMPANY_SUFFIXES: Vec<&'static str> = "company_suffixes", FirstFits;

    /// Organisation suffixes, longest first.
    ORG_SUFFIXES: Vec<&'static str> = "org_suffixes", FirstFits;

    /// Nouns after a quoted name that make it an initiative, with the subclass they
    /// imply. The first that fits wins.
    INITIATIVE_CUES: Vec<(&'static str, &'static str)> =
        "initiative_cues", FirstFits, INITIATIVE_CLASSES;

    /// Class nouns that close a list of names (`甲、乙等企业`), with the type they
    /// give each item. The first that fits wins.
    LIST_CLASSES: Vec<(&'static str, &'static str)> =
        "list_classes", FirstFits, &["Company", "Organization"];

    /// Verbs before an unquoted law, treaty or regulation (`颁布实施某某法`).
    LAW_VERBS: Vec<&'static str> = "law_verbs", Any;

    /// Words that end an unquoted law's name after one of [`LAW_VERBS`], longest
    /// first.
    LAW_ENDINGS: Vec<&'static str> = "law_endings", FirstFits;

    /// Everyday words ending like a law (`办法`, `依法`) that name none.
    COMMON_LAW_WORDS: Vec<&'static str> = "common_law_words", Any;

    /// Verbs that create or use an initiative named right after them.
    INITIATIVE_VERBS: Vec<&'static str> = "initiative_verbs", Any;

    /// Strong creation verbs: a quoted name a few modifiers after one of these is an
    /// initiative (`开展某某产业“某某”`), and so is an unquoted phrase ending in a
    /// programme noun (`组建某某招商专班`).
    CREATION_VERBS: Vec<&'static str> = "creation_verbs", Any;

    /// Programme nouns that end an unquoted initiative after a creation verb, with the
    /// subclass they imply. The first that fits wins.
    PROGRAMME_NOUNS: Vec<(&'static str, &'static str)> =
        "programme_nouns", FirstFits, INITIATIVE_CLASSES;

    /// Words inside 《》 that mark a policy document (as opposed to a newspaper or book).
    DOCUMENT_WORDS: Vec<&'static str> = "document_words", Any;

    /// Characters that never occur inside an entity name but often right before one:
    /// function words, prepositions, common verbs.
    STOP_CHARS: String = "stop_chars", Any;

    /// Generic heads that make a mention not a name (相关部门, 有关单位).
    GENERIC_PREFIXES: Vec<&'static str> = "generic_prefixes", Any;

    /// Words that never occur inside an organisation's name but often run into one
    /// when a sentence is walked back from a suffix (`企业首次获得银行贷款`, `管委会联合某
    /// 大学`): a candidate name starts after the last of them.
    INNER_CUTS: Vec<&'static str> = "inner_cuts", Any;

    /// Cores that leave a suffix generic rather than named (`合作银行`, `行业协会`,
    /// `龙头企业`): a candidate whose whole core is one of these is not a name.
    GENERIC_CORES: Vec<&'static str> = "generic_cores", Any;

    /// Abbreviations of banks that stand before a place in a branch's name
    /// (`农行某市分行`): the place does not start a new name there.
    BANK_PREFIXES: Vec<&'static str> = "bank_prefixes", Any;

    /// Suffixes of a branch, which joins the bank named right before it.
    BRANCH_SUFFIXES: Vec<&'static str> = "branch_suffixes", Any;

    /// Industry and product words that follow a brand in a project's or plant's name
    /// (`某某新能源汽车零部件工厂`): they mark where the brand ends.
    INDUSTRY_WORDS: Vec<&'static str> = "industry_words", Any;

    /// Words that start a phrase before 项目/工厂 that is no brand (`重点项目`).
    NOT_BRAND: Vec<&'static str> = "not_brand", Any;

    /// Descriptors in place of a post (村民, 企业家). They are also common nouns before
    /// other nouns (`专家成果库`), so a name after one must end at a clear boundary.
    DESCRIPTORS: Vec<&'static str> = "descriptors", Any;

    /// Courtesy titles after a name.
    COURTESY: Vec<&'static str> = "courtesy", Any;

    /// Titles after a name that say it is a person's (某某主席, 某某总统), besides the posts.
    TITLES_AFTER: Vec<&'static str> = "titles_after", Any;

    /// Verbs after which a person is named (会见某某, 陪同某某).
    VERBS_BEFORE: Vec<&'static str> = "person_verbs", Any;

    /// Words inside a would-be company name that end the clause before it.
    CLAUSE_WORDS: Vec<&'static str> = "clause_words", Any;

    /// Trade words that make a company of the brand before them (某某地产).
    BRAND_ENDINGS: Vec<&'static str> = "brand_endings", Any;

    /// Words after a surname that address someone without a given name (某总).
    KIN_TERMS: Vec<&'static str> = "kin_terms", Any;

    /// Words before a transliterated name that make it a person's (诗人某某).
    PERSON_ROLES: Vec<&'static str> = "person_roles", Any;

    /// Words that put a sentence on a match or a league.
    SPORTS_WORDS: Vec<&'static str> = "sports_words", Any;

    /// Fields of government before 部 or 署 (水利, 交通运输): a ministry or department.
    MINISTRY_CORES: Vec<&'static str> = "ministry_cores", Any;

    /// Words for a country's armed forces after its name (海军, 军方), longest first.
    ARMED_FORCES: Vec<&'static str> = "armed_forces", FirstFits;

    /// Names of countries, longest first where one begins another.
    COUNTRIES: Vec<&'static str> = "countries", FirstFits;

    /// One-character short forms of countries before 军 (美军).
    COUNTRY_INITIALS: String = "country_initials", Any;

    /// One-character short forms of countries before a league tier (意甲).
    LEAGUE_INITIALS: String = "league_initials", Any;

    /// Tiers of a national league (甲, 超).
    LEAGUE_TIERS: String = "league_tiers", Any;

    /// Characters after a tier that make it part of another word (超过).
    NOT_AFTER_TIER: String = "not_after_tier", Any;

    /// Nouns that end an event's, a fair's or an award's name (博览会, 峰会), longest first.
    EVENT_NOUNS: Vec<&'static str> = "event_nouns", FirstFits;

    /// Words of scope that open a national or international event's name (中国, 世界).
    EVENT_SCOPES: Vec<&'static str> = "event_scopes", Any;

    /// Verbs of attending or hosting before an event's name (出席, 举办).
    EVENT_VERBS: Vec<&'static str> = "event_verbs", Any;

    /// Bodies every division has, listed after one place's body with the place
    /// left out (某省党委、政府和纪委), longest first.
    LEVEL_BODIES: Vec<&'static str> = "level_bodies", FirstFits;

    /// Descriptors that say who a person is, not where they work (村民, 学生).
    RESIDENTS: Vec<&'static str> = "residents", Any;

    /// Ordinary words that end like a government office (布局, 举办).
    NOT_AGENCY_END: Vec<&'static str> = "not_agency_end", Any;

    /// Last words that make an organisation the segmenter knows a government or Party body. 院 only as courts, procuratorates and the State Council; other institutes are organisations.
    GOVERNMENT_ENDINGS: Vec<&'static str> = "government_endings", Any;

    /// Last words of businesses the company suffixes miss (an industry word closing a brand).
    BUSINESS_ENDINGS: Vec<&'static str> = "business_endings", Any;

    /// Units that extend a body's name when they follow it as words of their own (中央 + 政治局).
    UNITS_AFTER: Vec<&'static str> = "units_after", Any;

    /// Prepositions after a verb that a suffix rule's walk back may take into a company's name but that never begin one (向, 对).
    HEAD_WORDS: Vec<&'static str> = "head_words", Any;

    /// Last words of organisations besides the suffix lexicon (某某社, 某某联盟).
    ORG_ENDINGS: Vec<&'static str> = "org_endings", Any;

    /// Surname characters that start many common words.
    AMBIGUOUS_SURNAMES: String = "ambiguous_surnames", Any;

    /// Verbs by which a body launches an initiative, tying the initiative to the body
    /// before them.
    CREATE_VERBS: Vec<&'static str> = "create_verbs", Any;

    /// Posts held in a company: a person holding one works for the company next to it.
    COMPANY_POSTS: Vec<&'static str> = "company_posts", Any;

    /// Words that open a post and point back to the company last named (`该公司总经理`,
    /// `公司技术总监`, `该行行长`).
    THE_COMPANY: Vec<&'static str> = "the_company", Any;

    /// Words between a subject and an initiative that say the subject follows someone
    /// else's programme rather than running its own (贯彻…关于…的“某某工程”).
    FOLLOWING: Vec<&'static str> = "following", Any;

    /// Verbs by which one body has another act (`督促某局开展`).
    CAUSATIVE: Vec<&'static str> = "causative", Any;

    /// Verbs after which a bare `市`/`县`/`区` starts an agency's name (`联合县市场监管局`).
    BEFORE_BODY: Vec<&'static str> = "before_body", Any;

    /// Bodies named by their place alone (某区工商联, 某县科协).
    PLACE_NAMED_ORGS: Vec<&'static str> = "place_named_orgs", Any;

    /// Leading words that are verbs or determiners, not part of a following name. The
    /// first that fits is trimmed.
    LEADING_NOISE: Vec<&'static str> = "leading_noise", FirstFits;

    /// Zone suffixes, longest first, with the kind they normalise to for linking.
    ZONES: Vec<(&'static str, &'static str)> = "zones", FirstFits;

    /// Words that look like town names but are not (城镇, 乡村...): checked on the
    /// character before the suffix.
    NOT_TOWN_END: String = "not_town_end", Any;

    /// Words that make a place before them part of a media outlet's name.
    MEDIA_WORDS: Vec<&'static str> = "media_words", Any;

    /// Verbs that some division names begin with.
    VERB_HEADS: Vec<&'static str> = "verb_heads", Any;

    /// Characters before 乡 that make a word, not a township (之乡, 回乡, 家乡).
    NOT_XIANG_END: String = "not_xiang_end", Any;

    /// Words that cannot be inside a town's name; the name starts after them.
    TOWN_BREAKERS: Vec<&'static str> = "town_breakers", Any;

    /// District names that are also everyday words (老城区 "the old town").
    COMMON_WORD_DISTRICTS: Vec<&'static str> = "common_word_districts", Any;

    /// Bodies that may follow a town's stem.
    TOWN_BODIES: Vec<&'static str> = "town_bodies", Any;

    /// Zone kinds that name a zone on their own, without a division before them
    /// (`某某经济开发区`, `某某产业合作园`). Bare 新区 and 产业园 are left out: too often
    /// they are ordinary words. The first that fits wins.
    STANDALONE_ZONES: Vec<&'static str> = "standalone_zones", FirstFits;

    /// Words that make the part before a zone kind generic (`国家级开发区`).
    GENERIC_ZONE_CORES: Vec<&'static str> = "generic_zone_cores", Any;
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
fn rows(name: &'static str) -> Vec<Row> {
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

/// Parses a list file into its rows, each with its line number. Lines and columns are
/// trimmed of spaces; blank lines and lines starting with `#` are skipped; a
/// byte-order mark is ignored.
fn parse(spec: &Spec, path: &Path, text: &'static str) -> Result<Vec<(usize, Row)>, LexiconError> {
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
fn merge(
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

/// The sorted first characters of the words of some lists, for a binary search
/// at every character of a text (most characters open no word, and are passed
/// over with one search instead of a try of each word).
pub fn first_chars(lists: &[&[&str]]) -> Vec<char> {
    let mut v: Vec<char> = lists
        .iter()
        .flat_map(|l| l.iter())
        .filter_map(|w| w.chars().next())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// How many characters of a surname start at `i`: 2 for a compound surname, 1 for a
/// single-character one, 0 for none.
pub fn is_surname_start(chars: &[char], i: usize) -> usize {
    if i + 1 < chars.len() {
        let two: String = chars[i..i + 2].iter().collect();
        if COMPOUND_SURNAMES.contains(&two.as_str()) {
            return 2;
        }
    }
    if i < chars.len() && SURNAMES.contains(chars[i]) {
        return 1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list read like a bundled one, for the parser and merge tests.
    fn test_spec(shape: Shape, order: Order, values: &'static [&'static str]) -> Spec {
        Spec {
            name: "test",
            text: "",
            shape,
            order,
            values,
        }
    }

    fn words(rows: &[Row]) -> Vec<&'static str> {
        rows.iter().map(|r| r[0]).collect()
    }

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
    fn every_bundled_list_parses_without_duplicates() {
        for spec in LISTS {
            let rows = parse(spec, &spec.path(), spec.text).unwrap_or_else(|e| panic!("{e}"));
            assert!(!rows.is_empty(), "{} is empty", spec.name);
            let keys: Vec<&str> = rows.iter().map(|(_, r)| r[0]).collect();
            let mut unique = keys.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), keys.len(), "{} repeats an entry", spec.name);
        }
        // The reader's own list is written in the same format.
        let furniture = Spec {
            text: include_str!("../../data/lexicon/reader/furniture.txt"),
            ..test_spec(Shape::Words, Order::Any, &[])
        };
        let rows = parse(&furniture, Path::new("furniture.txt"), furniture.text).unwrap();
        assert_eq!(rows.len(), 6);
    }

    #[test]
    fn every_static_loads_in_the_bundled_order() {
        force_all();
        assert_eq!(SURNAMES.chars().count(), 440);
        assert!(SURNAMES.starts_with("王李张刘陈") && SURNAMES.ends_with("桓"));
        assert_eq!(POSTS.len(), 134);
        assert_eq!((POSTS[0], POSTS[133]), ("党工委书记", "旗长"));
        assert_eq!(AGENCY_SUFFIXES.len(), 45);
        assert_eq!(INITIATIVE_CUES.len(), 69);
        assert_eq!(INITIATIVE_CUES[68], ("战略", "Campaign"));
        assert_eq!(BODY_VARIANTS.len(), 32);
        assert_eq!(BODY_VARIANTS[12].len(), 5);
        assert_eq!(ZONES[0], ("高新技术产业开发区", "高新区"));
        assert_eq!(INDUSTRY_WORDS.len(), 101);
        assert_eq!(STOP_CHARS.chars().next(), Some('的'));
        // Lists that promise longest first keep that promise.
        for list in [&*POSTS, &*AGENCY_SUFFIXES, &*ORG_SUFFIXES] {
            assert!(list.is_sorted_by(|a, b| a.chars().count() >= b.chars().count()));
        }
    }

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

    #[test]
    fn load_extends_the_lists_named_by_the_files() {
        let dir = TempDir::new("load");
        dir.write("posts.txt", "# mine\n书记\n首席数据官\n");
        dir.write("surnames.txt", "王 笪\n");
        dir.write("README.md", "not a list\n");
        let lists = load(&dir.0).unwrap();
        assert_eq!(lists.len(), 2);
        let posts = words(&lists["posts"]);
        assert_eq!(posts.len(), 135);
        // Five characters: in front of the first shorter post, after the bundled ones
        // of the same length.
        assert_eq!(posts[12], "首席数据官");
        let surnames: String = words(&lists["surnames"]).concat();
        assert_eq!(surnames.chars().count(), 440 + 1);
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
