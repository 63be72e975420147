//! Bodies the segmenter's dictionary proposes: offices named without their
//! place (`某某局`), a place's broadcaster or association (`某地电视台`), brands
//! before a trade word (`某某地产`) and organisations the dictionary knows
//! (`nt`), typed by their last word. `tagged` decides where they may go.

use super::super::lexicon::{
    AGENCY_SUFFIXES, BRAND_COMPOUNDS, BRAND_ENDINGS, BUSINESS_ENDINGS, COMPANY_POSTS,
    COMPANY_SUFFIXES, CONTINENTS, GENERIC_CORES, GENERIC_INSTITUTIONS, GOVERNMENT_ENDINGS,
    INDUSTRY_WORDS, MINISTRY_CORES, NOT_AGENCY_END, ORG_ENDINGS, ORG_SUFFIXES, REGION_WORDS,
    UNITS_AFTER,
};
use super::super::names::{body_variants, normalise_name};
use super::super::trim::{covered_by_division, foreign_country};
use super::super::{Cx, Mention, is_han};
use super::{FUNCTION_CHARS, is_numeral, text};
use crate::model::{EntityType, Level, Span};
use crate::segment::{Pos, Token};

/// Where a body named without its place is an agency: the last characters of a
/// dictionary word (`某管局`, `某访办`) that name a government office.
const BARE_AGENCY_ENDINGS: [&str; 5] = ["局", "委", "办", "署", "厅"];
/// Words a place puts before to name its broadcaster, paper or association.
const PLACE_ORG_ENDINGS: [&str; 8] = [
    "电视台",
    "广播电台",
    "日报",
    "晚报",
    "协会",
    "商会",
    "大学",
    "博物馆",
];

/// A government office named by a dictionary word without its place
/// (`某某局`, with a level before it: `区某某局`), or an organisation named by
/// a place word and a dictionary word (`某地电视台`). The word must be three
/// characters or more, so generic two-character words (`当局`) stay out.
pub(super) fn bare_body(cx: &Cx, tokens: &[Token], k: usize) -> Option<Mention> {
    let t = tokens[k];
    let len = t.end - t.start;
    if len < 3 || !(t.start..t.end).all(|i| is_han(cx.chars[i])) {
        return None;
    }
    let word = text(cx, &t);
    let prev = k.checked_sub(1).map(|j| tokens[j]);
    if BARE_AGENCY_ENDINGS.iter().any(|e| word.ends_with(e))
        && !NOT_AGENCY_END.iter().any(|e| word.ends_with(e))
        // `各级党委`, `五部委`, `该局`: a count or a pointer, not a name; nor is
        // a kind of body of every place (`地方党委`).
        && !word.starts_with(|c: char| "各该本这那某每诸".contains(c) || is_numeral(c))
        && !word.starts_with("地方")
        && prev.is_none_or(|p| p.pos != Pos::Place)
        // A word right before it (of two characters or more, or one that is
        // no verb: `到某某局` still names the office) is the head of a longer
        // name the dictionary split (`某某监督管理局`, `某国国家气象局`,
        // `某某冬奥组委`): the bare tail names nothing by itself.
        && !prev.is_some_and(|p| {
            p.end == t.start
                && !p.function
                && (p.end - p.start >= 2 || p.pos != Pos::Verb)
                && (p.start..p.end).all(|i| is_han(cx.chars[i]))
        })
    {
        // A level word right before (`区某某局`) makes it the body of a place
        // the text named earlier, which this rule cannot tell.
        let level = word.starts_with(['省', '市', '区', '县', '镇', '乡'])
            || prev.is_some_and(|p| {
                p.end == t.start
                    && p.end - p.start == 1
                    && "省市区县镇乡".contains(cx.chars[p.start])
            });
        if level {
            return None;
        }
        return Some(body_mention(
            word,
            t.start,
            t.end,
            EntityType::Agency,
            "agency:tagged-bare",
        ));
    }
    let place = prev.filter(|p| p.pos == Pos::Place && p.end == t.start)?;
    if !PLACE_ORG_ENDINGS.iter().any(|e| word.ends_with(e)) {
        return None;
    }
    let name = cx.slice(place.start, t.end);
    Some(body_mention(
        name,
        place.start,
        t.end,
        EntityType::Organization,
        "organization:tagged-place",
    ))
}

/// A company named by a brand and a trade word (`某某地产`): the brand is a word
/// the segmenter does not know, or tags as a proper noun or an organisation, of
/// two to four characters, and is not a place.
pub(super) fn brand(cx: &Cx, tokens: &[Token], k: usize) -> Option<Mention> {
    let t = tokens[k];
    let next = tokens.get(k + 1)?;
    // An ordinary word is a brand too when a company's post follows the trade
    // word (`某某地产常务副总`, `某某经纪策划总监`).
    let words = cx.slice(next.end, (next.end + 6).min(cx.chars.len()));
    // A department word (`市场`, `营销`) counts only with the department or
    // post it heads (`市场总监`, `市场研究部`), since `资本市场` has the same
    // word after the trade word.
    let post_after = ["常务", "副", "首席", "执行"]
        .iter()
        .any(|w| words.starts_with(w))
        || COMPANY_POSTS.iter().any(|p| words.starts_with(p))
        || ["策划", "营销", "市场", "销售", "公关"]
            .iter()
            .find(|w| words.starts_with(*w))
            .is_some_and(|w| {
                let rest = &words[w.len()..];
                rest.chars().take(3).any(|c| c == '部')
                    || COMPANY_POSTS.iter().any(|p| rest.starts_with(p))
            });
    let brand_word = text(cx, &t);
    let trade = text(cx, next);
    let ordinary_brand = t.pos == Pos::Other && post_after;
    if !(matches!(t.pos, Pos::Unknown | Pos::Proper | Pos::Organization) || ordinary_brand)
        || !(2..=4).contains(&(t.end - t.start))
        || !(t.start..t.end).all(|i| is_han(cx.chars[i]))
        || next.end - next.start < 2
        || !BRAND_ENDINGS.contains(&trade.as_str())
        // An industry word (`冷链物流`) is a trade, not a brand, and a part of
        // the country (`中西部物流`) is where the trade is.
        || INDUSTRY_WORDS.contains(&brand_word.as_str())
        || REGION_WORDS
            .iter()
            .any(|w| (w.ends_with('部') || *w == "地区") && brand_word.ends_with(w))
        || covered_by_division(cx, &t)
        // A word the segmenter made of a preposition and what follows (`对某投资`,
        // `从以科技`), or one holding a count (`新一轮`), is no brand.
        // A determiner (`各大`, `这台`) opens no brand either.
        || brand_word.starts_with(|c: char| FUNCTION_CHARS.contains(c) || "赴往给以各这那该每此".contains(c))
        // Four characters made of two common words (`国际贸易`, `大力发展`)
        // are a phrase the dictionary lists, not a brand.
        || crate::segment::common_pair(&brand_word, crate::segment::COMMON_WORD)
        || brand_word.chars().any(is_numeral)
        // `资本市场`, `科技革命`: the trade word opens a common noun phrase.
        || (!post_after && BRAND_COMPOUNDS.iter().any(|w| words.starts_with(w)))
        // `投资` is as often the verb (`加大对某地投资`); a brand before it needs
        // its post after it.
        || (trade == "投资" && !post_after)
    {
        return None;
    }
    let name = cx.slice(t.start, next.end);
    Some(body_mention(
        name,
        t.start,
        next.end,
        EntityType::Company,
        "company:tagged-brand",
    ))
}

/// The linking key of a body the dictionary knows: a government body is a
/// national one, under the canonical form of its name (`党中央` is `中共中央`).
/// A department named without its place (`商务厅`): a 厅 is a province's, so
/// it is the department of the province the paragraph last named, else of the
/// article's province. A general office (`办公厅`) may be any body's and stays
/// as it is.
pub(super) fn provincial_department(cx: &Cx, m: &mut Mention) {
    // A hall (`售票厅`, `展示厅`) is a room, not a department.
    if m.ty != EntityType::Agency
        || !m.name.ends_with('厅')
        || m.name.ends_with("办公厅")
        || NOT_AGENCY_END.iter().any(|w| m.name.ends_with(w))
    {
        return;
    }
    let para = cx.paragraph_start(m.span.start);
    let named = cx
        .mentions
        .iter()
        .filter(|d| {
            d.ty == EntityType::Division && d.span.end <= m.span.start && d.span.start >= para
        })
        .filter_map(|d| d.div.as_ref())
        .rfind(|d| d.level == Level::Province);
    let province = named.cloned().or_else(|| {
        let loc = cx.locality.as_ref()?.gaz?;
        cx.gaz
            .chain(loc)
            .into_iter()
            .find(|&ix| cx.gaz.get(ix).level == Level::Province)
            .map(|ix| super::super::division::info(cx.gaz, ix))
    });
    let Some(p) = province else { return };
    let (canon, variants) = body_variants(&m.name);
    m.key = format!("{}/{canon}", p.key);
    m.name = format!("{}{canon}", p.name);
    m.aliases = variants.iter().map(|v| format!("{}{v}", p.name)).collect();
    m.aliases.push(m.text.clone());
    m.div = Some(p);
}

fn body_key(name: &str, ty: EntityType) -> String {
    match ty {
        EntityType::Agency => format!("national/{}", body_variants(name).0),
        _ => normalise_name(name),
    }
}

fn body_mention(name: String, s: usize, e: usize, ty: EntityType, rule: &'static str) -> Mention {
    let key = body_key(&name, ty);
    Mention {
        ty,
        span: Span::new(s, e),
        text: name.clone(),
        key,
        name: name.clone(),
        aliases: vec![name],
        class: None,
        div: None,
        role: None,
        rule,
        anaphoric: false,
    }
}

/// Whether `name` is the central committee of a party other than the ruling one
/// (`某某党中央`, `某某学社中央`, `民某中央`, a foreign `某共中央`): a party's
/// organ, not a body of the state.
fn party_centre(name: &str) -> bool {
    let Some(core) = name.strip_suffix("中央") else {
        return false;
    };
    let ruling = ["中共", "中国共产党", "共产党", "党"].contains(&core);
    !ruling
        && (core.ends_with(['党', '盟', '共'])
            || core.ends_with("学社")
            || core.chars().count() == 2 && core.starts_with('民'))
}

/// A province's department named by its field alone (`农业农村厅还派出…`,
/// `包括商务厅、卫生健康厅等`), which the dictionary splits into ordinary
/// words: a field of government right after a mark, a list's joiner or the
/// start of a clause, then 厅. `provincial_department` gives it its province.
pub(super) fn field_departments(cx: &Cx) -> Vec<Mention> {
    let n = cx.chars.len();
    let mut out = Vec::new();
    // Most characters open no field: they are passed over with one search.
    let mut firsts: Vec<char> = MINISTRY_CORES
        .iter()
        .filter_map(|c| c.chars().next())
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    for s in 0..n {
        let opens = s == 0 || !is_han(cx.chars[s - 1]) || "、和与及".contains(cx.chars[s - 1]);
        if !opens || firsts.binary_search(&cx.chars[s]).is_err() {
            continue;
        }
        let Some(core) = MINISTRY_CORES
            .iter()
            .filter(|c| c.chars().count() >= 2 && cx.starts_with(s, c))
            .max_by_key(|c| c.chars().count())
        else {
            continue;
        };
        let e = s + core.chars().count();
        if cx.chars.get(e) != Some(&'厅') {
            continue;
        }
        let name = cx.slice(s, e + 1);
        out.push(body_mention(
            name,
            s,
            e + 1,
            EntityType::Agency,
            "agency:tagged-bare",
        ));
    }
    out
}

/// The Party's centre and the State Council written as one word
/// (`中共中央国务院印发…`): the two issuers, each a body of its own.
pub(super) fn joint_issuers(cx: &Cx, t: &Token) -> Vec<Mention> {
    const CENTRE: &str = "中共中央";
    if cx.slice(t.start, t.end) != "中共中央国务院" {
        return Vec::new();
    }
    let mid = t.start + CENTRE.chars().count();
    vec![
        body_mention(
            CENTRE.to_string(),
            t.start,
            mid,
            EntityType::Agency,
            "organization:tagged",
        ),
        body_mention(
            "国务院".to_string(),
            mid,
            t.end,
            EntityType::Agency,
            "organization:tagged",
        ),
    ]
}

/// An organisation the dictionary knows at token `k`, extended by the units that
/// follow it, typed by its last word.
pub(super) fn organisation(cx: &Cx, tokens: &[Token], k: usize) -> Option<Mention> {
    let (s, mut e) = (tokens[k].start, tokens[k].end);
    let mut j = k + 1;
    while let Some(t) = tokens.get(j)
        && t.start == e
        && UNITS_AFTER.contains(&text(cx, t).as_str())
    {
        e = t.end;
        j += 1;
    }
    // A party's central committee is written after the party's name
    // (`某某党中央`).
    if cx.chars[e - 1] == '党'
        && let Some(t) = tokens.get(j)
        && t.start == e
        && text(cx, t) == "中央"
    {
        e = t.end;
    }
    // A member's post after the body (`某某政治局常委`) is not part of its name.
    if e - s > 4 && cx.slice(e - 2, e) == "常委" {
        e -= 2;
    }
    let name = cx.slice(s, e);
    if name.chars().count() < 3 || !name.chars().all(is_han) {
        return None;
    }
    // The Party's centre and the state's cabinet written as one word
    // (`中共中央国务院`) are two issuers, which `joint_issuers` names.
    if name == "中共中央国务院" {
        return None;
    }
    // The outlet of a dateline (`某某网消息`, `某某社电`) is the source of the
    // text, not something it speaks of; one cited for a report (`某某社报道`)
    // is something the text speaks of.
    if ["消息", "讯", "电"].iter().any(|w| cx.starts_with(e, w)) {
        return None;
    }
    // `某国集团` names a group of countries; `卫生院` is a kind of institution.
    if name.ends_with("国集团") || GENERIC_INSTITUTIONS.contains(&name.as_str()) {
        return None;
    }
    // A word the segmenter cut out of a count of countries (`两国议会`: both
    // countries' parliaments) names none of them.
    if name.starts_with('国')
        && s > 0
        && (is_numeral(cx.chars[s - 1]) || "各该".contains(cx.chars[s - 1]))
    {
        return None;
    }
    // After a rank (`省级人大常委会`, `三级人大常委会`, `县级以上人大`) the
    // word names the bodies of a level, not one.
    if cx.ends_with_at(s, "级") || cx.ends_with_at(s, "级以上") {
        return None;
    }
    // A government qualified only by a negation or its age (`非政府组织`,
    // `新政府`, `旧政府`) names a kind, not a body.
    if name.chars().count() == 3 && name.ends_with("政府") && name.starts_with(['非', '新', '旧'])
    {
        return None;
    }
    let ends = |words: &[&str]| words.iter().any(|w| name.ends_with(w));
    // A government's ending alone (`人民代表大会` of `人民代表大会制度`) is
    // the institution, not one body.
    if name.chars().count() > 3 && GOVERNMENT_ENDINGS.contains(&name.as_str()) {
        return None;
    }
    // The dictionary also tags everyday words that end like a body (`新格局`,
    // `中西部`, `党和政府`).
    if ends(&NOT_AGENCY_END) {
        return None;
    }
    // The dictionary also tags generic places of work (`加工厂`, `供电所`) and
    // phrases; a name must end like a body, a business or an organisation.
    let facility =
        name.chars().count() <= 3 && name.ends_with(['厂', '站', '所', '店', '场', '队']);
    // A dictionary word that is a generic core and a suffix (`上市公司`,
    // `外贸公司`, `公立医院`) is a kind of body, not one.
    let generic = COMPANY_SUFFIXES
        .iter()
        .chain(ORG_SUFFIXES.iter())
        .filter_map(|s| name.strip_suffix(s))
        .any(|core| {
            // A suffix alone (`联合会`), but for a federation's short name.
            core.is_empty() && !name.ends_with('联')
                || GENERIC_CORES.contains(&core)
                // `某国公司`: a country's firms.
                || foreign_country(core)
        });
    if facility
        || generic
        || !(ends(&GOVERNMENT_ENDINGS)
            || ends(&BUSINESS_ENDINGS)
            || ends(&COMPANY_SUFFIXES)
            || ends(&ORG_SUFFIXES)
            || ends(&ORG_ENDINGS))
    {
        return None;
    }
    let ty = if ends(&BUSINESS_ENDINGS) || ends(&COMPANY_SUFFIXES) {
        EntityType::Company
    } else if party_centre(&name)
        || CONTINENTS.iter().any(|c| name.starts_with(c)) && name.ends_with("议会")
        // An international committee or centre (`某某国际委员会`, `国际某某中心`)
        // is no state's body; a ministry's department for international
        // affairs (`国际合作司`) is.
        || name.contains("国际") && !name.ends_with(['部', '局', '司', '署', '厅', '处'])
    {
        EntityType::Organization
    } else if ends(&GOVERNMENT_ENDINGS) || (ends(&AGENCY_SUFFIXES) && !name.ends_with("院")) {
        EntityType::Agency
    } else {
        EntityType::Organization
    };
    let media = name.ends_with(['社', '报', '台', '网']);
    let key = body_key(&name, ty);
    Some(Mention {
        ty,
        span: Span::new(s, e),
        text: name.clone(),
        key,
        name: name.clone(),
        aliases: vec![name],
        class: None,
        div: None,
        role: None,
        rule: if media {
            "organization:tagged-media"
        } else {
            "organization:tagged"
        },
        anaphoric: false,
    })
}

#[cfg(test)]
mod tests {
    use super::party_centre;

    #[test]
    fn party_centres_other_than_the_ruling_partys_are_organisations() {
        // Invented parties: a party's name, a society's, a league's, a short `民某`.
        for name in [
            "青禾党中央",
            "青禾学社中央",
            "青禾盟中央",
            "民禾中央",
            "某共中央",
        ] {
            assert!(party_centre(name), "{name}");
        }
        for name in ["中共中央", "党中央", "中国共产党中央", "青禾中央", "青禾党"]
        {
            assert!(!party_centre(name), "{name}");
        }
    }

    #[test]
    fn a_body_after_a_rank_is_every_body_of_that_level() {
        let ex = crate::extract::tests::run(
            "检查组委托其他省级人大常委会进行自查。他到省、市、县三级人大常委会机关调研。",
        );
        assert!(
            ex.mentions.iter().all(|m| m.text != "人大常委会"),
            "{:?}",
            ex.mentions
        );
    }

    #[test]
    fn a_department_without_its_place_is_the_paragraphs_provinces() {
        let ex = crate::extract::tests::run(
            "督查组在福建了解到，当地建立了包括商务厅等部门联动监管的机制。",
        );
        let agencies: Vec<String> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == crate::model::EntityType::Agency)
            .map(|m| m.name.clone())
            .collect();
        assert_eq!(agencies, ["福建省商务厅"]);
    }

    #[test]
    fn a_department_named_by_its_field_alone_is_one() {
        let ex = crate::extract::tests::run("在浙江，干部蹲点调研。农业农村厅还派出36支服务队。");
        let agencies: Vec<String> = ex
            .mentions
            .iter()
            .filter(|m| m.ty == crate::model::EntityType::Agency)
            .map(|m| m.name.clone())
            .collect();
        assert_eq!(agencies, ["浙江省农业农村厅"]);
    }
}
