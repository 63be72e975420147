//! Names the rules miss, proposed by the segmenter (`crate::segment`): people
//! named with no post or verb of speech next to them (names the dictionary knows,
//! words the HMM cut out that start with a surname, transliterated names) and
//! organisations the dictionary knows whose last word no suffix rule lists
//! (`nt`). A proposal never overlaps what the rules found, needs evidence from
//! its neighbours (a post, a verb, a list of names), and takes its type from its
//! last word (`tagged/bodies`). The segmenter proposes; these rules decide.
//! Names the dictionary tags as people are weighed in `tagged::persons`; names
//! only their characters vouch for are scored in `tagged::scored`.

use super::lexicon::{
    COMPANY_SUFFIXES, COUNTRIES, COUNTRY_INITIALS, FAMILY_PLACE_ENDS, GEO_AFTER, SURNAMES,
    TITLES_AFTER,
};
mod bodies;
mod persons;
mod scored;

use super::foreign;
use super::trim;
use super::{Cx, Mention};
use crate::model::{EntityType, Span};
use crate::segment::{Pos, Token};
use bodies::{bare_body, brand, field_departments, joint_issuers, organisation};
use persons::person;
use scored::scored_name;

pub fn find(cx: &mut Cx) {
    let tokens = cx.tokens().to_vec();
    if tokens.last().map(|t| t.end) != Some(cx.chars.len()) {
        // The segmenter saw other text than the rules (it never should): propose
        // nothing rather than misplace spans.
        return;
    }
    trim::extend_to_known(cx, &tokens);
    trim::trim_verb_heads(cx, &tokens);
    trim::drop_generic_after_trim(cx, &tokens);
    super::organisations::central_bank_after_trim(cx);
    foreign::join_dotted(cx, &tokens);
    trim::drop_split_words(cx, &tokens);
    let coverage = cx.coverage();
    let free = |s: usize, e: usize| (s..e).all(|k| coverage.get(k) == Some(&0));
    // Transliterated persons and teams first: a run of transliteration is
    // surer than a tagged word inside it.
    let mut found: Vec<Mention> = foreign::titled(cx, &tokens, &free);
    for m in foreign::find(cx, &tokens, &free) {
        if !found.iter().any(|f| f.span.overlaps(m.span)) {
            found.push(m);
        }
    }
    found.extend(foreign::leagues(cx, &free));
    for (k, t) in tokens.iter().enumerate() {
        match t.pos {
            Pos::Person | Pos::Unknown | Pos::ForeignPerson => {
                if let Some(m) = person(cx, &tokens, k)
                    && free(m.span.start, m.span.end)
                    && !found.iter().any(|f| f.span.overlaps(m.span))
                {
                    found.push(m);
                }
            }
            // The dictionary tags some leaders' names as places (`某国总统某某`):
            // a place word right after a title that is no place the gazetteer
            // or the list of countries knows is a name.
            Pos::Place
                if TITLES_AFTER.iter().any(|w| cx.ends_with_at(t.start, w))
                    && t.end - t.start >= 2
                    && !names_a_division(cx, t.start, t.end)
                    && !COUNTRIES.contains(&text(cx, t).as_str()) =>
            {
                let m = super::people::person(
                    text(cx, t),
                    None,
                    Span::new(t.start, t.end),
                    "person:tagged-foreign",
                );
                if free(m.span.start, m.span.end) && !found.iter().any(|f| f.span.overlaps(m.span))
                {
                    found.push(m);
                }
            }
            Pos::Organization => {
                for m in joint_issuers(cx, t) {
                    if free(m.span.start, m.span.end)
                        && !found.iter().any(|f| f.span.overlaps(m.span))
                    {
                        found.push(m);
                    }
                }
                if let Some(m) = organisation(cx, &tokens, k)
                    && free(m.span.start, m.span.end)
                    && !found.iter().any(|f| f.span.overlaps(m.span))
                {
                    found.push(m);
                }
            }
            Pos::Other => {
                if let Some(m) = bare_body(cx, &tokens, k)
                    && free(m.span.start, m.span.end)
                    && !found.iter().any(|f| f.span.overlaps(m.span))
                {
                    found.push(m);
                }
            }
            _ => {}
        }
    }
    // News agencies cited for a report (`某某社报道`, `某某社等2日报道`),
    // whatever the dictionary calls their word.
    for k in 0..tokens.len() {
        if let Some(m) = cited_agency(cx, &tokens, k)
            && free(m.span.start, m.span.end)
            && !found.iter().any(|f| f.span.overlaps(m.span))
        {
            found.push(m);
        }
    }
    // Departments named by their field alone, where nothing was found.
    for m in field_departments(cx) {
        if free(m.span.start, m.span.end) && !found.iter().any(|f| f.span.overlaps(m.span)) {
            found.push(m);
        }
    }
    // Brands before a trade word (`某某地产`), where nothing was found.
    for k in 0..tokens.len() {
        if let Some(m) = brand(cx, &tokens, k)
            && free(m.span.start, m.span.end)
            && !found.iter().any(|f| f.span.overlaps(m.span))
        {
            found.push(m);
        }
    }
    // Names nothing vouches for but their own characters, where no rule and no
    // tagged word found anything.
    let boundary = boundaries(&tokens, cx.chars.len());
    for k in 0..tokens.len() {
        if let Some(m) = scored_name(cx, &tokens, k, &boundary)
            && free(m.span.start, m.span.end)
            && !found.iter().any(|f| f.span.overlaps(m.span))
        {
            found.push(m);
        }
    }
    repeat_names(cx, &boundary, &free, &mut found);
    for m in &mut found {
        bodies::provincial_department(cx, m);
    }
    cx.mentions.extend(found);
    drop_non_people(cx);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// Names that look like people's but say a country or a side in talks: a
/// country (`阿富汗`), a country's initial and 方 (`某方表示`: that country's
/// side), or a country's initial and a title (`某首相`).
fn drop_non_people(cx: &mut Cx) {
    let keep: Vec<bool> = cx
        .mentions
        .iter()
        .map(|m| {
            if m.ty != EntityType::Person || m.rule == "person:byline" {
                return true;
            }
            let chars: Vec<char> = m.name.chars().collect();
            let initial = chars.first().is_some_and(|&c| COUNTRY_INITIALS.contains(c));
            let side = chars.len() == 2 && initial && chars[1] == '方';
            let titled = initial
                && TITLES_AFTER
                    .iter()
                    .any(|t| m.name[chars[0].len_utf8()..] == **t);
            // A word that fills a pair of quotes is a term or a nickname
            // (`“安全岛”`), not a person's name.
            let (s, e) = (m.span.start, m.span.end);
            let quoted = s > 0
                && matches!(cx.chars[s - 1], '“' | '‘' | '「')
                && cx
                    .chars
                    .get(e)
                    .is_some_and(|&c| matches!(c, '”' | '’' | '」'));
            // A name after a word that goes to a place (`首都某某`, `抵达某某`), or
            // after 在 and before a word of place or of meeting (`在某某附近`,
            // `在某某总理府`), is a place.
            let place = ["首都", "抵达", "前往", "飞抵", "城市", "港口"]
                .iter()
                .any(|w| cx.ends_with_at(s, w))
                || cx.ends_with_at(s, "在")
                    && [
                        "附近",
                        "举行",
                        "召开",
                        "总理府",
                        "总统府",
                        "郊区",
                        "市中心",
                        "街头",
                    ]
                    .iter()
                    .any(|w| cx.starts_with(e, w));
            !(side
                || titled
                || quoted
                || place
                || COUNTRIES.contains(&m.name.as_str())
                || common_word_name(cx, m))
        })
        .collect();
    let mut k = keep.iter();
    cx.mentions.retain(|_| *k.next().unwrap_or(&true));
}

/// Words the dictionary knows well that the name rules can take for a name: a
/// common word read as surname and given name (`居民来说`), a noun made with
/// a suffix of kind (`智能化`, which the dictionary itself tags as a name), a
/// lane or village named after a family (`某家巷`), a place before a zone
/// (`某某工业区`), and a word ending like a place or a building (`幼儿园`).
fn common_word_name(cx: &Cx, m: &Mention) -> bool {
    use crate::segment::{COMMON_WORD, frequency};
    let chars: Vec<char> = m.name.chars().collect();
    let (s, e) = (m.span.start, m.span.end);
    if e - s != chars.len() || m.rule == "person:byline" {
        return false;
    }
    let one_word = super::trim::token_at(cx.tokens(), s)
        .is_some_and(|t| t.end == e && matches!(t.pos, Pos::Other | Pos::Verb));
    // A frequent surname keeps its name even when the name is also a word.
    let rare_surname = !SURNAMES.chars().take(100).any(|c| c == chars[0]);
    let common = one_word && rare_surname && frequency(&m.name) >= COMMON_WORD;
    let kind_suffix = chars.len() == 3
        && "化性式型率度感观".contains(chars[2])
        // With a suffix of kind after it, a word seen a few hundred times is
        // enough (`智能化`).
        && frequency(&m.name[..m.name.len() - chars[2].len_utf8()]) >= COMMON_WORD / 4;
    let family_place = chars.len() == 3 && chars[1] == '家' && FAMILY_PLACE_ENDS.contains(chars[2]);
    let zone_after = ["工业区", "开发区", "工业园", "园区", "新区", "科学城"]
        .iter()
        .any(|z| cx.starts_with(e, z));
    // A word of the dictionary ending like a place or a building (`幼儿园`,
    // `某公岛`, `某和宫`), which it tags as a name, is that place, unless a
    // post says it is a name.
    let facility = chars.len() == 3
        && "园岛宫馆".contains(chars[2])
        && !m.rule.starts_with("person:post")
        && super::trim::token_at(cx.tokens(), s).is_some_and(|t| t.end == e);
    common || kind_suffix || family_place || zone_after || facility
}

/// Whether the text from `s` to `e` is a division's name, or its name without
/// the level word (`某田` for `某田县`).
pub(super) fn names_a_division(cx: &Cx, s: usize, e: usize) -> bool {
    let name = cx.slice(s, e);
    const LEVELS: [&str; 8] = ["县", "市", "区", "镇", "乡", "旗", "街道", "村"];
    !cx.gaz.lookup(&name).is_empty()
        || LEVELS
            .iter()
            .any(|l| !cx.gaz.lookup(&format!("{name}{l}")).is_empty())
        // A town the article names outside the gazetteer (`某某江镇`): its stem
        // alone is the place, or the river it is named after.
        || cx.mentions.iter().any(|m| {
            m.ty == EntityType::Division
                && m.text
                    .strip_prefix(name.as_str())
                    .is_some_and(|rest| LEVELS.contains(&rest))
        })
        // A river, a lake or a range named before a word for its banks or basin
        // (`某某江沿岸`).
        || GEO_AFTER.iter().any(|w| cx.starts_with(e, w))
}

pub(super) fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二两三四五六七八九十百千万几".contains(c)
}

pub(super) fn text(cx: &Cx, t: &Token) -> String {
    cx.slice(t.start, t.end)
}

pub(super) fn starts_with_any(cx: &Cx, at: usize, words: &[&str]) -> Option<String> {
    words
        .iter()
        .filter(|w| cx.starts_with(at, w))
        .max_by_key(|w| w.chars().count())
        .map(|w| w.to_string())
}

/// A news agency cited for a report: a word of three characters ending in 社
/// that is no kind of business (`合作社`, `旅行社`), right before `报道` or
/// `援引`, or before `等` and a date and `报道`.
fn cited_agency(cx: &Cx, tokens: &[Token], k: usize) -> Option<Mention> {
    let t = &tokens[k];
    let word = text(cx, t);
    if t.end - t.start != 3 || !word.ends_with('社') || t.function || t.pos == Pos::Verb {
        return None;
    }
    if COMPANY_SUFFIXES.iter().any(|s| word.ends_with(s))
        || ["旅行社", "出版社", "杂志社", "报社", "结社", "公社"]
            .iter()
            .any(|w| word.ends_with(w))
    {
        return None;
    }
    let after = cx.slice(t.end, (t.end + 8).min(cx.chars.len()));
    let cited = after.starts_with("报道")
        || after.starts_with("援引")
        || after.starts_with('等') && after.contains("报道");
    if !cited {
        return None;
    }
    Some(Mention {
        ty: EntityType::Organization,
        span: Span::new(t.start, t.end),
        text: word.clone(),
        key: super::names::normalise_name(&word),
        name: word.clone(),
        aliases: vec![word],
        class: None,
        div: None,
        role: None,
        rule: "organization:tagged-media",
        anaphoric: false,
    })
}

/// A name proposed here once is a name wherever else the article writes it
/// (where a word begins and ends, and nothing else was found there).
fn repeat_names(
    cx: &Cx,
    boundary: &[bool],
    free: &dyn Fn(usize, usize) -> bool,
    found: &mut Vec<Mention>,
) {
    let names: std::collections::BTreeMap<Vec<char>, Mention> = found
        .iter()
        .filter(|m| {
            (m.ty == EntityType::Person || m.rule == "organization:team")
                && m.span.end - m.span.start >= 2
        })
        .map(|m| (cx.chars[m.span.start..m.span.end].to_vec(), m.clone()))
        .collect();
    for (name, first) in names {
        let n = name.len();
        let mut k = 0;
        while k + n <= cx.chars.len() {
            let span = Span::new(k, k + n);
            if cx.chars[k..k + n] == name[..]
                && boundary[k]
                && boundary[k + n]
                && free(k, k + n)
                && !found.iter().any(|f| f.span.overlaps(span))
            {
                let mut again = first.clone();
                again.span = span;
                found.push(again);
                k += n;
            } else {
                k += 1;
            }
        }
    }
}

/// Where the segmenter's words begin or end, by character offset.
fn boundaries(tokens: &[Token], len: usize) -> Vec<bool> {
    let mut out = vec![false; len + 1];
    for t in tokens {
        out[t.start] = true;
        out[t.end] = true;
    }
    out
}

/// Characters that end a clause word rather than a name.
pub(super) const FUNCTION_CHARS: &str = "的也却在都了和与是就还又才将被把对从向说为等便";

/// Whether `at` lies inside a title in 《》 (looking back to the nearest bracket).
/// Words before a name in a byline or a credit.
pub(super) const CREDIT_WORDS: [&str; 7] =
    ["记者", "编辑", "通讯员", "摄影", "实习生", "撰稿", "主持人"];

#[cfg(test)]
mod tests {
    use crate::extract::Extraction;
    use crate::extract::tests::run;
    use crate::model::EntityType;

    fn named(ex: &Extraction, ty: EntityType) -> Vec<String> {
        ex.mentions
            .iter()
            .filter(|m| m.ty == ty)
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_word_for_what_a_person_is_vouches_for_the_name_after_it() {
        let ex = run("福山镇，村民张益民家种的橙子每年都丰收。");
        assert_eq!(named(&ex, EntityType::Person), ["张益民"]);
    }

    #[test]
    fn an_officials_act_past_an_adverb_or_a_lists_end_vouches_for_the_name() {
        let ex = run("会议结束后，甘文亮一同调研。");
        assert_eq!(named(&ex, EntityType::Person), ["甘文亮"]);
        let ex = run("会议结束后，刘晓东、甘文亮等参加。");
        assert!(
            named(&ex, EntityType::Person).contains(&"甘文亮".to_string()),
            "{:?}",
            named(&ex, EntityType::Person)
        );
    }

    #[test]
    fn an_everyday_word_before_a_verb_of_office_is_a_name() {
        let ex = run("陈述出席会议并讲话。");
        assert_eq!(named(&ex, EntityType::Person), ["陈述"]);
        // Inside a clause it stays the word.
        let ex = run("他的陈述出席者都听到了。");
        assert!(named(&ex, EntityType::Person).is_empty());
    }

    #[test]
    fn an_international_committee_is_an_organisation() {
        let ex = run("红十字国际委员会表示，将提供援助。");
        assert_eq!(named(&ex, EntityType::Organization), ["红十字国际委员会"]);
        assert!(named(&ex, EntityType::Agency).is_empty());
    }

    #[test]
    fn a_countrys_side_in_talks_is_no_name() {
        let ex = run("马来西亚某党主席表示，中方及时向马方介绍经验、捐赠物资。");
        assert!(named(&ex, EntityType::Person).is_empty());
    }

    #[test]
    fn a_bridge_or_a_gorge_is_no_name() {
        let ex = run("交通委对龙庆峡、天体缘等景区加强管理。");
        assert!(named(&ex, EntityType::Person).is_empty());
    }

    #[test]
    fn a_preposition_glued_to_a_surname_before_a_title_is_no_name() {
        let ex = run("市长说，她向习主席赠送了城市钥匙。");
        assert!(named(&ex, EntityType::Person).is_empty());
    }

    #[test]
    fn an_act_written_out_after_a_name_is_no_part_of_it() {
        // `发` opens `发了言`, not a third character of the name.
        let ex = run("会上，王大明、李小发了言。");
        assert_eq!(named(&ex, EntityType::Person), ["王大明"]);
    }

    #[test]
    fn a_clause_before_a_suffix_is_cut_and_counts_of_places_name_no_firm() {
        // A known name and its verb are the clause's subject (`某某到…考察`).
        let ex = run("刘晓东到甲乙集团考察，了解生产情况。");
        assert_eq!(named(&ex, EntityType::Company), ["甲乙集团"]);
        assert!(named(&ex, EntityType::Person).contains(&"刘晓东".to_string()));
        // So are a known name, an adverb of sequence and a verb.
        let ex = run("刘晓东先后到青禾农业科技有限公司考察。");
        assert_eq!(named(&ex, EntityType::Company), ["青禾农业科技有限公司"]);
        // A count of places speaks of many firms.
        let ex = run("灾后，广西三地保险公司已赔付两千万元。");
        assert!(named(&ex, EntityType::Company).is_empty(), "{ex:?}");
    }

    #[test]
    fn a_states_parliament_is_an_agency_and_a_continents_an_organisation() {
        let ex = run("英国议会通过法案。欧洲议会表示关切。两国议会保持交流。");
        assert_eq!(named(&ex, EntityType::Agency), ["英国议会"]);
        assert_eq!(named(&ex, EntityType::Organization), ["欧洲议会"]);
    }

    #[test]
    fn a_name_run_into_the_verb_of_taking_a_post_ends_before_it() {
        let ex = run("会上宣布，章航任副县长。");
        assert_eq!(named(&ex, EntityType::Person), ["章航"]);
    }

    #[test]
    fn rivers_and_town_stems_are_no_people() {
        let ex = run("走进富春江镇，富春江沿岸的企业纷纷参与。");
        assert!(named(&ex, EntityType::Person).is_empty(), "{ex:?}");
    }

    #[test]
    fn the_dictionarys_mistaken_names_are_no_people() {
        // Trees and frequent words the dictionary tags as names.
        let ex = run("荒山上种满了桂花树。学校里种下一棵银杏树。\n影响范围广、研究多渠道资金。");
        assert!(named(&ex, EntityType::Person).is_empty(), "{ex:?}");
        // Frequent words that end like a place or a thing: a mountain, a
        // waterfall, a deer.
        let ex = run("他们登上雷公山，又去了黄果树。这里有白唇鹿。");
        assert!(named(&ex, EntityType::Person).is_empty(), "{ex:?}");
    }

    #[test]
    fn function_words_around_a_name_are_not_its_characters() {
        let ex = run("会议结束。由王海涛主持讨论。随后赵晶便带着药箱出发。");
        let people = named(&ex, EntityType::Person);
        assert!(!people.iter().any(|p| p.starts_with('由')), "{people:?}");
        assert!(!people.contains(&"赵晶便".to_string()), "{people:?}");
        // Nor is the start of a long ordinary word after a post (`班子成员`).
        let ex = run("省委常委班子成员要带头改进作风。");
        assert!(named(&ex, EntityType::Person).is_empty(), "{ex:?}");
    }

    #[test]
    fn a_word_ending_like_a_building_is_no_person() {
        let ex = run("受降雪影响，全市中小学、幼儿园停课。");
        assert!(named(&ex, EntityType::Person).is_empty(), "{ex:?}");
    }

    #[test]
    fn a_known_name_with_a_title_after_it_is_a_person() {
        let ex = run("严春明总理指出，要加强合作。");
        assert!(named(&ex, EntityType::Person).contains(&"严春明".to_string()));
    }

    #[test]
    fn a_post_that_starts_with_a_place_word_is_a_title_after_the_name() {
        let ex = run("会上，韩立彬省长指出，要加强合作。");
        assert_eq!(named(&ex, EntityType::Person), ["韩立彬"]);
        // A name still does not run on into a place that is no post.
        let ex = run("会上，韩立彬市场监管所长说。");
        assert!(!named(&ex, EntityType::Person).contains(&"韩立彬市".to_string()));
    }

    #[test]
    fn a_kind_of_business_a_count_or_a_clause_names_no_company() {
        for text in [
            "村里成立了特色农业合作社，带动农户增收。",
            "目前，某某市11家合作社已经入网。",
            "黑市中他专门出售客户银行卡信息。",
        ] {
            let ex = run(text);
            assert!(named(&ex, EntityType::Company).is_empty(), "{text}");
        }
        let ex = run("村里成立了新韩银行分理处。");
        assert!(named(&ex, EntityType::Company).contains(&"新韩银行".to_string()));
        // A registered firm's legal form after a rarely seen word is a name,
        // though the rest of its words are ordinary.
        let ex = run("他来到苍松机器人自动化股份有限公司调研。");
        assert_eq!(
            named(&ex, EntityType::Company),
            ["苍松机器人自动化股份有限公司"]
        );
        let ex = run("他注册了一家农业开发有限公司。");
        assert!(named(&ex, EntityType::Company).is_empty());
    }

    #[test]
    fn premises_need_a_name_of_their_own() {
        for text in [
            "他住进一家快捷酒店。",
            "牛羊都赶到了周边牧场。",
            "市民陆续离开商场。",
            "一线大城市一类商场客流回升。",
        ] {
            let ex = run(text);
            assert!(named(&ex, EntityType::Company).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_central_bank_is_a_government_body_and_a_conjunction_opens_no_bank() {
        let ex = run("中国人民银行将发行票据。");
        assert!(named(&ex, EntityType::Company).is_empty());
        assert_eq!(named(&ex, EntityType::Agency), ["中国人民银行"]);
        let ex = run("条件有变。但通远银行指出，条件有变。");
        assert_eq!(named(&ex, EntityType::Company), ["通远银行"]);
    }

    #[test]
    fn a_clause_word_inside_a_company_span_ends_the_clause_before_the_name() {
        let ex = run("中方愿同欧洲复兴开发银行加强合作。");
        assert_eq!(
            named(&ex, EntityType::Company),
            ["欧洲复兴开发银行".to_string()]
        );
    }

    #[test]
    fn bodies_the_dictionary_knows_are_typed_by_their_last_word() {
        let ex = run("外交部发言人在例行记者会上回答提问。");
        assert!(
            named(&ex, EntityType::Agency).contains(&"外交部".to_string()),
            "{:?}",
            ex.mentions
        );
    }

    #[test]
    fn everyday_words_quoted_terms_and_places_are_no_people() {
        let people = |text: &str| named(&run(text), EntityType::Person);
        // Words the dictionary tags as names but sees hundreds of times.
        assert!(people("10名被告人做了最后陈述，审判长宣布休庭。").is_empty());
        assert!(people("国家主席致信祝贺\n").is_empty());
        // A word that fills the quotes is a term.
        assert!(people("街头警务站成了百姓的“安全岛”。").is_empty());
        // Words of kind after common words (`获得感、幸福感、安全感`).
        assert!(people("让人民更有获得感、幸福感、安全感。").is_empty());
        // A city after a word of place.
        assert!(people("国王在卡塔尔首都多哈强调，应尽快停火。").is_empty());
        // A verb of speech after an everyday word names no speaker.
        assert!(people("会议分析了形势，强调指出，要稳中求进。").is_empty());
        assert!(people("总书记在贺信中指出，要再接再厉。").is_empty());
    }

    #[test]
    fn a_suffix_inside_a_word_or_after_a_verb_names_no_organisation() {
        let orgs = |text: &str| named(&run(text), EntityType::Organization);
        assert!(orgs("要建立“小病在基层、大病到医院”的格局。").is_empty());
        assert!(orgs("他听取学院教育教学情况汇报。").is_empty());
        // A news agency cited for a report is one, whatever its tag; a kind
        // of business before 报道 is none.
        assert_eq!(orgs("而路透社报道说，计划推迟。"), ["路透社"]);
        assert!(orgs("旅行社报道了团费。").is_empty());
        // A kind of institution the dictionary tags names none.
        assert!(orgs("老人到卫生院看病，又去了美术馆。").is_empty());
        assert_eq!(
            orgs("他们正在建设国家智能传感创新中心。"),
            ["国家智能传感创新中心"]
        );
    }

    #[test]
    fn colleges_are_named_by_their_place_and_schools_by_a_name_of_their_own() {
        let orgs = |text: &str| named(&run(text), EntityType::Organization);
        assert_eq!(orgs("总书记来到泰顺学院考察调研。"), ["泰顺学院"]);
        assert_eq!(orgs("她是辛集市青石湾学校的教师。"), ["辛集市青石湾学校"]);
        // Hospitals are named by their place too; a hospital without one is
        // a description.
        assert_eq!(orgs("伤者被送往嘉兴医院救治。"), ["嘉兴医院"]);
        assert!(orgs("伤者被送往当地医院救治。").is_empty());
        // A place whose name opens with a conjunction keeps it (`和田`).
        assert_eq!(orgs("她在和田地区人民医院工作。"), ["和田地区人民医院"]);
        // Railway bureaus are enterprises, named by their city.
        let ex = run("上海铁路局加开列车。");
        assert_eq!(named(&ex, EntityType::Company), ["上海铁路局"]);
        assert!(named(&ex, EntityType::Agency).is_empty());
        assert!(orgs("他勉励学校全面贯彻教育方针。").is_empty());
    }

    #[test]
    fn trades_before_a_legal_form_and_function_words_inside_brands() {
        let companies = |text: &str| named(&run(text), EntityType::Company);
        assert_eq!(
            companies("某某装饰设计有限公司提出申诉。"),
            ["某某装饰设计有限公司"]
        );
        assert_eq!(
            companies("某某重工集团有限公司副总经理到会。"),
            ["某某重工集团有限公司"]
        );
        // A count of schools or a region before a base names none.
        let orgs = |text: &str| named(&run(text), EntityType::Organization);
        assert!(orgs("全省300多所学校参加。").is_empty());
        assert!(companies("某省是我国东南沿海电子信息产业基地。").is_empty());
        // Nor does a part of the country before a trade, or a trade before
        // its costs.
        assert!(companies("补齐中西部物流软硬件短板。").is_empty());
        assert!(companies("消除推高物流费用的痼疾。").is_empty());
    }

    #[test]
    fn a_name_opening_with_two_places_is_also_written_without_the_first() {
        let ex = run("她是河北省辛集市青石湾学校的教师。");
        let m = ex
            .mentions
            .iter()
            .find(|m| m.ty == EntityType::Organization)
            .expect("an organisation");
        assert!(m.aliases.contains(&"辛集市青石湾学校".to_string()), "{m:?}");
    }
}
