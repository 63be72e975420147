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
//!
//! The lists are declared here; how a list file reads and how a user's entries
//! merge into it is `lexicon::format`, and the user's folder with its errors is
//! `lexicon::extend`.

mod extend;
mod format;

pub use extend::{LexiconError, extend_from};

use extend::rows;
use format::{FromRows, Order, Spec};
use std::sync::LazyLock;

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

    /// Verbs of formal statement and office (指出, 出席) and 同志: after one,
    /// an everyday word of the dictionary's is a name.
    FORMAL_ACTS: Vec<&'static str> = "formal_acts", Any;

    /// Post words: a name right after one of these is a person holding that post.
    /// Longest first, so `党组书记` wins over `书记`.
    POSTS: Vec<&'static str> = "posts", FirstFits;

    /// Verbs that introduce what a person said.
    SPEECH_VERBS: Vec<&'static str> = "speech_verbs", Any;

    /// Suffixes of government and Party bodies, longest first.
    AGENCY_SUFFIXES: Vec<&'static str> = "agency_suffixes", FirstFits;

    /// Words that end a body set up for one task (`某某领导小组`, `某某督察组`).
    TASK_GROUPS: Vec<&'static str> = "task_groups", Any;

    /// What a paper or a broadcaster does in the news (`报道`, `发表`): a title
    /// after a foreign country's name and before one of these is its press.
    PRESS_ACTS: Vec<&'static str> = "press_acts", Any;

    /// Verbs and prepositions that end the clause before a leading group's name
    /// (`主持召开某某领导小组会议`): the name walked back from 领导小组 stops there.
    GROUP_OPENERS: Vec<&'static str> = "group_openers", Any;

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

    /// Words that end the walk back from a law named in running text (`违反`, `学习`).
    BEFORE_LAW: Vec<&'static str> = "before_law", Any;

    /// Words ending in 法 that name a kind of law alone (`组织法`, `保护法`).
    BARE_LAW_HEADS: Vec<&'static str> = "bare_law_heads", Any;

    /// Laws of two characters named alone (`宪法`).
    SHORT_LAWS: Vec<&'static str> = "short_laws", Any;

    /// Verbs that create or use an initiative named right after them.
    INITIATIVE_VERBS: Vec<&'static str> = "initiative_verbs", Any;

    /// Strong creation verbs: a quoted name a few modifiers after one of these is an
    /// initiative (`开展某某产业“某某”`), and so is an unquoted phrase ending in a
    /// programme noun (`组建某某招商专班`).
    CREATION_VERBS: Vec<&'static str> = "creation_verbs", Any;

    /// Words that end the name of a campaign written without quotes
    /// (`某某主题教育`, `某某专项斗争`). The first that fits wins.
    CAMPAIGN_HEADS: Vec<&'static str> = "campaign_heads", FirstFits;

    /// Verbs of carrying on a programme under way (`推进`, `落实`): an unquoted
    /// phrase after one ending in a noun of [`CARRIED_NOUNS`] is an initiative.
    CARRY_VERBS: Vec<&'static str> = "carry_verbs", Any;

    /// The programme nouns a verb of carrying on may end a name with
    /// (`推进某某行动`, not `推进某某平台`).
    CARRIED_NOUNS: Vec<&'static str> = "carried_nouns", Any;

    /// Programme nouns that end an unquoted initiative after a creation verb, with the
    /// subclass they imply. The first that fits wins.
    PROGRAMME_NOUNS: Vec<(&'static str, &'static str)> =
        "programme_nouns", FirstFits, INITIATIVE_CLASSES;

    /// Nouns that end a programme's name opened by a national scope or a place (某市某某工程), with their subclass.
    SCOPED_NOUNS: Vec<(&'static str, &'static str)> =
        "scoped_nouns", FirstFits, INITIATIVE_CLASSES;

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

    /// Kinds of school and hospital that end a walked-back name of a class, not a body (中小学, 公办幼儿园).
    INSTITUTION_KINDS: Vec<&'static str> = "institution_kinds", Any;

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

    /// Words that open the name of a bank owned by many states (世界, 亚洲): the
    /// bank is an international organisation.
    MULTILATERAL_OPENERS: Vec<&'static str> = "multilateral_openers", Any;

    /// Words after a trade word that make it part of a common noun phrase
    /// (资本市场, 科技革命), so the word before it is no brand.
    BRAND_COMPOUNDS: Vec<&'static str> = "brand_compounds", Any;

    /// Words after a surname that address someone without a given name (某总).
    KIN_TERMS: Vec<&'static str> = "kin_terms", Any;

    /// Words before a transliterated name that make it a person's (诗人某某).
    PERSON_ROLES: Vec<&'static str> = "person_roles", Any;

    /// Words that put a sentence on a match or a league.
    SPORTS_WORDS: Vec<&'static str> = "sports_words", Any;

    /// Fields of government before 部 or 署 (水利, 交通运输): a ministry or department.
    MINISTRY_CORES: Vec<&'static str> = "ministry_cores", Any;

    /// Short forms of national bodies that follow no pattern (中办, 国资委).
    NATIONAL_SHORT_FORMS: Vec<&'static str> = "national_short_forms", Any;

    /// Elements of Tibetan personal names (扎西, 次仁): two in a row after a post are one name.
    TIBETAN_SYLLABLES: Vec<&'static str> = "tibetan_syllables", Any;

    /// Elements of Mongolian personal names (two or three characters): two in a
    /// row after a post make one name, as Tibetan elements do.
    MONGOLIAN_ELEMENTS: Vec<&'static str> = "mongolian_elements", Any;

    /// Kinds of institution the dictionary tags as organisations (`卫生院`): a
    /// tagged word that is one of these whole names no one.
    GENERIC_INSTITUTIONS: Vec<&'static str> = "generic_institutions", Any;

    /// Unions of states by their written forms (东盟 = 东南亚国家联盟): the first is
    /// canonical. Public facts, like the gazetteer.
    UNIONS: Vec<Vec<&'static str>> = "unions", Any;

    /// Continents and world regions: a parliament named after one is a union's.
    CONTINENTS: Vec<&'static str> = "continents", Any;

    /// A union's own bodies named right after it (`某盟委员会`).
    UNION_BODIES: Vec<&'static str> = "union_bodies", FirstFits;

    /// Written forms of the central bodies (党中央 = 中共中央): the first is canonical.
    NATIONAL_VARIANTS: Vec<Vec<&'static str>> = "national_variants", Any;

    /// National bodies and the posts that name them (国务院: 国务委员): the body first.
    POST_BODIES: Vec<Vec<&'static str>> = "post_bodies", Any;

    /// Posts that head a place's government (省长, 行政长官).
    GOVERNMENT_HEADS: Vec<&'static str> = "government_heads", Any;

    /// Posts of a foreign state's cabinet (总理, 外长), written after the country.
    CABINET_POSTS: Vec<&'static str> = "cabinet_posts", Any;

    /// Words that say when a post was held, not where (原, 时任).
    POST_TENSES: Vec<&'static str> = "post_tenses", Any;

    /// Words that declare the short form a text will use for a name (以下简称),
    /// longest first.
    SHORT_FORM_CUES: Vec<&'static str> = "short_form_cues", FirstFits;

    /// Words for the banks, basin or reaches of a river, a lake or a range
    /// (沿岸, 流域): a name before one is that place, not a person.
    GEO_AFTER: Vec<&'static str> = "geo_after", Any;

    /// Landforms a place's short form names before them (某某盆地, 某州湾).
    LANDFORMS: Vec<&'static str> = "landforms", Any;

    /// Words of sightseeing: a short form ending in 山 near one is the mountain.
    SCENIC_WORDS: Vec<&'static str> = "scenic_words", Any;

    /// Words for a country's armed forces after its name (海军, 军方), longest first.
    ARMED_FORCES: Vec<&'static str> = "armed_forces", FirstFits;

    /// Names of countries, longest first where one begins another.
    COUNTRIES: Vec<&'static str> = "countries", FirstFits;

    /// Words for a country's legislature or its chambers after its name
    /// (`某国国会`, `某国联邦议会`); longest first.
    LEGISLATURES: Vec<&'static str> = "legislatures", FirstFits;

    /// Words for a foreign state's own bodies after its name that no level of
    /// ours has (`某国内阁`, `某国央行`, `某国警方`); longest first.
    STATE_BODIES: Vec<&'static str> = "state_bodies", FirstFits;

    /// Countries whose ministries end in 省 (`某国外务省`).
    SHENG_MINISTRY_STATES: Vec<&'static str> = "sheng_ministry_states", Any;

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

    /// Nouns of talks and rallies that end an event's name of three or more characters (某某工作座谈会).
    GATHERING_NOUNS: Vec<&'static str> = "gathering_nouns", FirstFits;

    /// Nouns of gatherings that make an event only after an ordinal (第七次某某大会).
    ORDINAL_EVENT_NOUNS: Vec<&'static str> = "ordinal_event_nouns", Any;

    /// Bare nouns of meetings that make an event only right after an ordinal with a host before it (某某领导人第九次会晤).
    ORDINAL_MEETING_NOUNS: Vec<&'static str> = "ordinal_meeting_nouns", Any;

    /// Nouns of standing work conferences, an event only after a national scope (中央某某工作会议).
    MEETING_NOUNS: Vec<&'static str> = "meeting_nouns", Any;

    /// Words of national scope that open a work conference's name (中央, 全国).
    MEETING_SCOPES: Vec<&'static str> = "meeting_scopes", Any;

    /// Endings of an office inside a body, written right after it (某部某某局).
    SUB_UNIT_ENDINGS: Vec<&'static str> = "sub_unit_endings", FirstFits;

    /// Verbs of taking up a post after a name (任, 担任, 当选为).
    APPOINT_VERBS: Vec<&'static str> = "appoint_verbs", Any;

    /// Words of scope that open a national or international event's name (中国, 世界).
    EVENT_SCOPES: Vec<&'static str> = "event_scopes", Any;

    /// Verbs of attending or hosting before an event's name (出席, 举办).
    EVENT_VERBS: Vec<&'static str> = "event_verbs", Any;

    /// Words for a body's staff after `某某是某单位(的)` (职工, 员工, 工作人员).
    STAFF_WORDS: Vec<&'static str> = "staff_words", Any;

    /// Verbs after a list of hosts introduced by 由 (主办, 联合举办).
    HOST_VERBS: Vec<&'static str> = "host_verbs", FirstFits;

    /// Verbs by which an organisation takes part in a programme (参与, 加入).
    JOIN_VERBS: Vec<&'static str> = "join_verbs", Any;

    /// Verbs of joint work between two bodies (联合, 会同, 携手).
    JOINT_VERBS: Vec<&'static str> = "joint_verbs", Any;

    /// Adverbs between a clause's subject and its verb (先后, 大肆).
    CLAUSE_ADVERBS: Vec<&'static str> = "clause_adverbs", Any;

    /// What a country's mission abroad is called (大使馆, 总领事馆), longest first.
    MISSIONS: Vec<&'static str> = "missions", FirstFits;

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

    /// Words that make a unit of China's armed forces after a place (`某某警备区`),
    /// after 武警 and a place (`武警某某总队`), or after a theatre command
    /// (`某部战区陆军`). The first that fits wins.
    MILITARY_UNITS: Vec<(&'static str, &'static str)> =
        "military_units", FirstFits, &["place", "police", "service"];

    /// Words that end a route's name (铁路, 高速, 运河, 班列), longest first.
    ROUTE_HEADS: Vec<&'static str> = "route_heads", FirstFits;

    /// Words after a route's head that make it part of another word (铁路局, 高速增长).
    ROUTE_TAILS: Vec<&'static str> = "route_tails", Any;

    /// Words before 党 that make a political party's name (人民, 劳动), longest first.
    PARTY_WORDS: Vec<&'static str> = "party_words", FirstFits;

    /// Characters after 党 that make it part of another word (派, 员, 委).
    NOT_AFTER_PARTY: String = "not_after_party", Any;

    /// Words that end a regional strategy's name (协同发展, 经济走廊), longest
    /// first, with the word its name ends in when that differs, or `-`.
    STRATEGY_HEADS: Vec<(&'static str, &'static str)> = "strategy_heads", FirstFits;

    /// Ordinary words among the places of a strategy's name (地区, 西部, 国际).
    REGION_WORDS: Vec<&'static str> = "region_words", Any;

    /// Prepositions the segmenter glues to a route's name (自, 和, 经).
    ROUTE_OPENERS: String = "route_openers", Any;

    /// One-character short forms of province-level divisions, with their codes.
    PROVINCE_INITIALS: Vec<(&'static str, &'static str)> = "province_initials", Any;

    /// Kinds of programme written right before a quoted name of the kind
    /// (电商平台“某某通”).
    APPOSITIVE_CUES: Vec<&'static str> = "appositive_cues", Any;

    /// Documents every body of a kind issues under one name (政府工作报告).
    STANDING_DOCUMENTS: Vec<&'static str> = "standing_documents", Any;

    /// Ministers' short titles and the ministry each stands for (外长, 外交部).
    MINISTER_SHORT_POSTS: Vec<(&'static str, &'static str)> = "minister_short_posts", Any;

    /// The state-level new areas named without their province, with the
    /// province's code.
    NATIONAL_NEW_AREAS: Vec<(&'static str, &'static str)> = "national_new_areas", Any;

    /// Zone suffixes, longest first, with the kind they normalise to for linking.
    ZONES: Vec<(&'static str, &'static str)> = "zones", FirstFits;

    /// Words that look like town names but are not (城镇, 乡村...): checked on the
    /// character before the suffix.
    NOT_TOWN_END: String = "not_town_end", Any;

    /// Last characters of a place named after a family (某家巷, 某家庄).
    FAMILY_PLACE_ENDS: String = "family_place_ends", Any;

    /// Words that make a place before them part of a media outlet's name.
    MEDIA_WORDS: Vec<&'static str> = "media_words", Any;

    /// Words after a place's short form that make one name of something else (生产建设兵团, 精神).
    PLACE_NAME_HEADS: Vec<&'static str> = "place_name_heads", Any;

    /// Last words of a document written out after 关于 (决定, 意见, 通知).
    DECISION_ENDINGS: Vec<&'static str> = "decision_endings", Any;

    /// Verbs that make `关于某某的意见` people's views (征求, 听取).
    OPINION_VERBS: Vec<&'static str> = "opinion_verbs", Any;

    /// Last words of a newspaper's name (日报, 青年报).
    NEWSPAPER_ENDINGS: Vec<&'static str> = "newspaper_endings", Any;

    /// Verbs that some division names begin with.
    VERB_HEADS: Vec<&'static str> = "verb_heads", Any;

    /// Characters before 乡 that make a word, not a township (之乡, 回乡, 家乡).
    NOT_XIANG_END: String = "not_xiang_end", Any;

    /// Last characters of frequent words the dictionary tags as names by mistake (松, 雨, 井).
    THING_ENDS: String = "thing_ends", Any;

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
    use super::format::{Row, Shape, parse};
    use super::*;
    use std::path::Path;

    /// A list read like a bundled one, for the parser and merge tests.
    pub(super) fn test_spec(shape: Shape, order: Order, values: &'static [&'static str]) -> Spec {
        Spec {
            name: "test",
            text: "",
            shape,
            order,
            values,
        }
    }

    /// The first column of each row: a list's words, or its canonical forms.
    pub(super) fn words(rows: &[Row]) -> Vec<&'static str> {
        rows.iter().map(|r| r[0]).collect()
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
        assert_eq!(SURNAMES.chars().count(), 442);
        assert!(SURNAMES.starts_with("王李张刘陈") && SURNAMES.ends_with("郇"));
        assert_eq!(POSTS.len(), 157);
        assert_eq!((POSTS[0], POSTS[156]), ("党工委书记", "旗长"));
        assert_eq!(AGENCY_SUFFIXES.len(), 66);
        assert_eq!(INITIATIVE_CUES.len(), 83);
        assert_eq!(INITIATIVE_CUES[76], ("课程", "Campaign"));
        assert_eq!(BODY_VARIANTS.len(), 34);
        assert_eq!(BODY_VARIANTS[12].len(), 5);
        assert_eq!(ZONES[0], ("高新技术产业开发区", "高新区"));
        assert_eq!(INDUSTRY_WORDS.len(), 107);
        assert_eq!(STOP_CHARS.chars().next(), Some('的'));
        // Lists that promise longest first keep that promise.
        for list in [&*POSTS, &*AGENCY_SUFFIXES, &*ORG_SUFFIXES] {
            assert!(list.is_sorted_by(|a, b| a.chars().count() >= b.chars().count()));
        }
    }
}
