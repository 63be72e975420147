//! Word boundaries for names other passes found by their suffix, from the
//! segmenter's words: a name the dictionary knows whole extends a truncated one,
//! verbs, prepositions and clauses are cut off the front (`出席某某集团`), and
//! what is left when the front is cut is dropped when it names nothing (a kind of
//! business, a count, a clause, a suffix alone). Also the shared token helpers.
//! Called from `tagged`, before it proposes names of its own.

use super::lexicon::*;
use super::names::normalise_name;
use super::tagged::{is_numeral, text};
use super::{Cx, Mention, is_han};
use crate::model::{EntityType, Span};
use crate::segment::{Pos, Token};

/// A company or organisation found by its suffix whose name the dictionary knows
/// whole, starting further left (a maker's full name, `某某技术有限公司`, found as `技术有限公司`, the
/// walk having stopped at a function character): the name starts where the
/// dictionary's word does, when nothing else was found in between.
pub(super) fn extend_to_known(cx: &mut Cx, tokens: &[Token]) {
    let coverage = cx.coverage();
    for m in cx.mentions.iter_mut() {
        if !matches!(m.ty, EntityType::Company | EntityType::Organization) || m.anaphoric {
            continue;
        }
        let Ok(j) = tokens.binary_search_by_key(&m.span.end, |t| t.end) else {
            continue;
        };
        let known = tokens[j];
        if known.pos != Pos::Organization
            || known.start >= m.span.start
            || !(known.start..m.span.start)
                .all(|k| is_han(cx.chars[k]) && coverage.get(k) == Some(&0))
        {
            continue;
        }
        let name: String = cx.chars[known.start..m.span.end].iter().collect();
        m.span = Span::new(known.start, m.span.end);
        m.text = name.clone();
        m.aliases.insert(0, name.clone());
        m.key = normalise_name(&name);
        m.name = name;
    }
}

/// Cuts verbs and prepositions off the start of company and organisation names
/// the suffix rules found (`出席某某集团` is `某某集团`), where the segmenter's
/// words say the name starts later.
pub(super) fn trim_verb_heads(cx: &mut Cx, tokens: &[Token]) {
    for i in 0..cx.mentions.len() {
        let m = &cx.mentions[i];
        // A party's name was walked word by word (`某某巩固与发展党`); its
        // conjunction is no clause's.
        if !matches!(m.ty, EntityType::Company | EntityType::Organization)
            || m.anaphoric
            || m.rule == "organization:party"
        {
            continue;
        }
        let (start, end) = (m.span.start, m.span.end);
        let mut cur = start;
        // A span that starts inside an ordinary word of the segmenter's took the
        // end of that word in (`被告` + `某某公司`, `这家` + `某某公司`): the
        // name starts after it. A word that counts or sorts many (`各类`,
        // `多家`) is taken in whole instead, so that the name is judged generic:
        // only a demonstrative points at one thing, which may have a name.
        if let Some(t) = tokens
            .get(tokens.partition_point(|t| t.end <= start))
            .filter(|t| {
                t.start < start
                    && t.end + 3 <= end
                    && t.pos == Pos::Other
                    && m.rule.ends_with(":suffix")
            })
        {
            let word = text(cx, t);
            cur = if GENERIC_PREFIXES.contains(&word.as_str()) && !word.starts_with(['这', '那'])
            {
                t.start
            } else {
                t.end
            };
        }
        // A name the dictionary knows whole ends the mention, and only ordinary
        // words come before it (`据某某银行`, `但如果某某银行`): it starts there.
        let ending = tokens
            .binary_search_by_key(&end, |t| t.end)
            .ok()
            .map(|j| tokens[j]);
        if let Some(known) =
            ending.filter(|t| t.pos == Pos::Organization && t.start > start && t.end - t.start >= 3)
            && tokens[tokens.partition_point(|t| t.start < start)..]
                .iter()
                .take_while(|t| t.end <= known.start)
                .all(|t| {
                    matches!(t.pos, Pos::Other | Pos::Verb)
                        && !covered_by_division(cx, t)
                        && !cx.chars[t.start..t.end].iter().any(|&c| is_numeral(c))
                })
        {
            cur = known.start;
        }
        while let Some(t) = token_at(tokens, cur) {
            let word = text(cx, t);
            // A verb of two characters or more opens the cut (one-character
            // "verbs" are often the first character of a place: `横州市`), and
            // prepositions may follow it; a word that names a place is kept.
            // Officials' verbs the dictionary tags otherwise (`前往`) are verbs too.
            let long_verb = (t.pos == Pos::Verb || ACTS_AFTER_NAME.contains(&word.as_str()))
                && t.end - t.start >= 2;
            // A conjunction or a preposition opening the span (`但某某银行`,
            // `据某某公司`) is cut too.
            let opening_word =
                cur == start && t.end - t.start == 1 && "但而并据由".contains(cx.chars[t.start]);
            let head =
                long_verb || opening_word || cur > start && HEAD_WORDS.contains(&word.as_str());
            let place = t.pos == Pos::Place || covered_by_division(cx, t);
            // Keep at least a three-character name.
            if !head || place || t.end + 3 > end {
                break;
            }
            cur = t.end;
        }
        // A verb inside the name (`力抓好某某集团`) ends a clause the walk took
        // in: the name starts after the last one, unless a place opens the name
        // (`中国某某通信集团` keeps its verb-like word).
        // Nor when a word before that verb may be a brand: one the dictionary
        // does not know, or knows as a name (`某某科汽车马达…驱动电机工厂`).
        let opens_with_place = tokens
            .iter()
            .any(|t| t.start == cur && (t.pos == Pos::Place || covered_by_division(cx, t)));
        let from = cur;
        // A verb right before a legal form names the trade (`某某装饰设计有限公司`,
        // `某某重工集团`), not a clause.
        let legal_start = [
            "集团股份有限公司",
            "集团有限责任公司",
            "集团有限公司",
            "股份有限公司",
            "有限责任公司",
            "有限公司",
            "集团公司",
            "集团",
        ]
        .iter()
        .find(|s| cx.ends_with_at(end, s))
        .map(|s| end - s.chars().count());
        let last_verb = tokens
            .iter()
            .filter(|t| t.start >= from && t.end + 3 <= end && Some(t.end) != legal_start)
            .rfind(|t| t.pos == Pos::Verb && t.end - t.start >= 2);
        // A person followed by a verb is a clause's subject (`某某希望…`), no brand.
        let subject = |t: &Token| {
            matches!(t.pos, Pos::Person | Pos::ForeignPerson)
                && token_at(tokens, t.end).is_some_and(|n| n.pos == Pos::Verb)
        };
        // A known name with an adverb of sequence and a verb after it (`某某先后到`)
        // opens a clause too, cut below with its verb.
        let adverb = |n: &Token| CLAUSE_ADVERBS.contains(&text(cx, n).as_str());
        let subject_or_adverb = |t: &Token| {
            subject(t)
                || matches!(t.pos, Pos::Person | Pos::ForeignPerson)
                    && token_at(tokens, t.end).is_some_and(|n| {
                        adverb(n) && token_at(tokens, n.end).is_some_and(|v| v.pos == Pos::Verb)
                    })
        };
        let clause_subject = tokens
            .iter()
            .any(|t| t.start >= from && t.end + 3 <= end && subject(t));
        let brand_before = !clause_subject
            && last_verb.is_some_and(|v| {
                tokens.iter().any(|t| {
                    t.start >= from
                        && t.end <= v.start
                        && matches!(
                            t.pos,
                            Pos::Unknown
                                | Pos::Proper
                                | Pos::Organization
                                | Pos::Person
                                | Pos::ForeignPerson
                        )
                })
            });
        if !opens_with_place && !brand_before {
            if let Some(last) = last_verb {
                cur = last.end;
            }
            while let Some(t) = token_at(tokens, cur) {
                if !(HEAD_WORDS.contains(&text(cx, t).as_str()) && t.end + 3 <= end) {
                    break;
                }
                cur = t.end;
            }
        }
        // A clause word, or a person, inside the span ends the clause before the
        // name, whatever opens the span (`某地会见某某银行`, `某某听取某某集团`).
        let people_end = cx
            .mentions
            .iter()
            .filter(|p| {
                p.ty == EntityType::Person
                    && !p.anaphoric
                    && p.span.start >= cur
                    && p.span.end + 3 <= end
            })
            .map(|p| p.span.end)
            .max();
        let clause_end = tokens[tokens.partition_point(|t| t.start < cur)..]
            .iter()
            .take_while(|t| t.end + 3 <= end)
            .filter(|t| CLAUSE_WORDS.contains(&text(cx, t).as_str()))
            .map(|t| t.end)
            .max();
        // So does a function word (`然后`, `跟`, `随着`, `经过`): no name holds
        // one that the segmenter reads as a word of its own.
        let function_end = tokens[tokens.partition_point(|t| t.start < cur)..]
            .iter()
            .take_while(|t| t.end + 3 <= end)
            // Determiners that say the name is none (`各类`) are left for
            // `drop_generic_after_trim` to judge.
            // A one-character one must come before a word of two
            // characters or more: `和` before a lone `昇` is part of a brand.
            .filter(|t| {
                t.function
                    && (t.end - t.start >= 2
                        || token_at(tokens, t.end).is_some_and(|n| n.end - n.start >= 2))
                    // A research body's fields joined by a conjunction
                    // (`某某与某某研究所`) are its name.
                    && !(["研究所", "研究院", "研究中心"]
                        .iter()
                        .any(|w| cx.ends_with_at(end, w))
                        && fields_joined(cx, t.end))
                    && !covered_by_division(cx, t)
                    && !GENERIC_PREFIXES.contains(&text(cx, t).as_str())
            })
            .map(|t| t.end)
            .max();
        // A three-character name the dictionary knows as a person's, and the
        // verb after it, are a clause's subject and verb (`某某到某某集团考察`).
        // Shorter ones are often brands (`某尔` before `希望小学`).
        let subject_end = tokens[tokens.partition_point(|t| t.start < cur)..]
            .iter()
            .take_while(|t| t.end + 3 <= end)
            .filter(|t| {
                t.end - t.start == 3
                    && t.pos == Pos::Person
                    && subject_or_adverb(t)
                    && !covered_by_division(cx, t)
                    && is_surname_start(&cx.chars, t.start) > 0
                    // The dictionary sees few names often; a word it has seen
                    // a hundred times and tags as a name is mostly a word
                    // (`智能化`), unless an adverb of sequence says a subject
                    // acts (`某某先后到`).
                    && (crate::segment::frequency(&text(cx, t)) < 100 || !subject(t))
            })
            .filter_map(|t| {
                let v = token_at(tokens, t.end)?;
                // Past the adverb to its verb.
                match token_at(tokens, v.end) {
                    Some(w) if adverb(v) && w.pos == Pos::Verb => Some(w.end),
                    _ => Some(v.end),
                }
            })
            .filter(|&v| v + 2 <= end)
            .max();
        if let Some(cut) = people_end
            .max(clause_end)
            .max(function_end)
            .max(subject_end)
        {
            cur = cur.max(cut);
            while let Some(t) = token_at(tokens, cur) {
                if !(HEAD_WORDS.contains(&text(cx, t).as_str()) && t.end + 3 <= end) {
                    break;
                }
                cur = t.end;
            }
        }
        if cur == start {
            continue;
        }
        let name = cx.slice(cur, end);
        let m = &mut cx.mentions[i];
        m.span = Span::new(cur, end);
        m.text = name.clone();
        m.aliases
            .retain(|a| name.contains(a.as_str()) && *a != name);
        m.aliases.insert(0, name.clone());
        m.key = normalise_name(&name);
        m.name = name;
    }
}

/// Drops suffix-found companies and organisations that are no names once the
/// clause before them is cut off (`已通知国内银行` is `国内银行`, a kind of bank):
/// the core before the suffix is generic (`国内`, `贸易`), a pointer
/// (`某`), or a short run of the segmenter's verbs and pronouns (`刺激银行`,
/// `他证实公司`) that the dictionary does not know as one name.
/// How often the dictionary may have seen a word inside a registered firm's
/// name for the word to be the firm's own (`某松`, seen a handful of times)
/// rather than a word describing a kind of business.
const RARE_IN_NAME: usize = 100;

pub(super) fn drop_generic_after_trim(cx: &mut Cx, tokens: &[Token]) {
    let placed: Vec<bool> = cx
        .coverage()
        .iter()
        .map(|&b| b & (1 << EntityType::Division as u8) != 0)
        .collect();
    cx.mentions.retain(|m| {
        if !matches!(m.rule, "company:suffix" | "organization:suffix") {
            return true;
        }
        let suffix = COMPANY_SUFFIXES
            .iter()
            .chain(ORG_SUFFIXES.iter())
            .filter(|s| m.text.ends_with(*s))
            .max_by_key(|s| s.chars().count());
        // A cut inside the suffix itself (`村民调解委员会` cut after its verb)
        // leaves the tail of a suffix (`委员会`), which names nothing.
        let Some(suffix) = suffix else {
            return !COMPANY_SUFFIXES
                .iter()
                .chain(ORG_SUFFIXES.iter())
                .any(|s| s.ends_with(m.text.as_str()));
        };
        let core_end = m.span.end - suffix.chars().count();
        let core: String = cx.chars[m.span.start..core_end].iter().collect();
        // An empty core is an abbreviation that is a suffix too (`农商行`).
        // `某银行`, `国内某银行`, `某大型银行`: an unnamed one (`某某` is a
        // placeholder for a name, and stays).
        let pointer = core.ends_with('某') || core.starts_with('某') && !core.starts_with("某某");
        // `某国最大银行`: a description, not a name.
        // `某国第二大航空公司`, `三大石油公司`: a rank or a count of the biggest.
        let superlative = core.contains("最大")
            || core.contains("各大")
            || core.contains("最小")
            || core
                .chars()
                .zip(core.chars().skip(1))
                .any(|(a, b)| b == '大' && "一二两三四五六七八九十".contains(a));
        // `某市11家合作社`, `首家某某公司`, `一处仓储公司`: a count, not a name.
        // So is a count of people (`46人小公司`, `50位小学`), but not an
        // ordinal's (`第二人民医院`).
        let c: Vec<char> = core.chars().collect();
        let counted = (1..c.len()).any(|k| {
            let (a, b) = (c[k - 1], c[k]);
            let numeral = a.is_ascii_digit() || "一二两三四五六七八九十百千首多几".contains(a);
            numeral
                // `世界500强公司`: a rank among the biggest, no name.
                && ("家处座个所强".contains(b)
                    || "人位名".contains(b)
                        && (k < 2 || c[k - 2] != '第')
                        && !(b == '人'
                            && (c.get(k + 1) == Some(&'民')
                                || core_end - m.span.start == k + 1 && suffix.starts_with('民'))))
        });
        // `某国公司`: a country's firms, no name; a country's broadcaster
        // (`某国广播公司`) is named by it.
        // So are China's own (`中国公司`) and a country's big ones (`某国大公司`).
        let country_core = core.strip_suffix('大').unwrap_or(&core);
        let country = (foreign_country(country_core)
            || country_core == "中国" && *suffix == "公司")
            && !suffix.ends_with("广播公司");
        // One character cut from the word before it (`再生` + `水公司`).
        let cut_short = core.chars().count() == 1
            && m.span.start > 0
            && is_han(cx.chars[m.span.start - 1])
            && !"在和与及的是对向把从给为被让由据".contains(cx.chars[m.span.start - 1]);
        // A suffix alone that the segmenter reads as an ordinary word (`合作社`)
        // names nothing; an abbreviation that is also a suffix (`农商行`) does.
        let premises = m.rule == "company:suffix"
            && suffix.ends_with(['场', '市', '店', '馆', '宿', '乐', '心', '厂']);
        // A longer suffix alone (`交易所`, `研究院`) is a kind of body; the
        // federations' short names (`工商联`) stand for the local one.
        let bare = core.is_empty()
            && (premises
                || m.rule == "organization:suffix"
                    && suffix.chars().count() >= 3
                    && !suffix.ends_with('联')
                || token_at(tokens, m.span.start)
                    .is_some_and(|t| t.end == m.span.end && t.pos == Pos::Other));
        // The segmenter's words wholly inside the core (`这座` before
        // `某某工厂` is no part of its name).
        let core_tokens = || {
            tokens[tokens.partition_point(|t| t.start < m.span.start)..]
                .iter()
                .take_while(|t| t.end <= core_end)
        };
        // `就能开公司`, `替集团`, `加拿大保险和银行`: single verbs, function
        // words or a conjunction
        // before the suffix make a clause, not a name.
        let single_verbs = core_end > m.span.start
            && core_tokens()
                .all(|t| t.end - t.start == 1 && matches!(t.pos, Pos::Verb | Pos::Other))
            && core_tokens().any(|t| t.pos == Pos::Verb || t.function);
        // Only a conjunction the segmenter reads alone: `某和` may be a brand.
        let conjoined = core.ends_with(['和', '与', '及'])
            && token_at(tokens, core_end - 1).is_some_and(|t| t.end == core_end);
        // `然后银行`: function words alone name nothing.
        let function_only = core_tokens().next().is_some() && core_tokens().all(|t| t.function);
        // `养猪合作社`, `奶牛养殖合作社`: a cooperative named by what its kind
        // raises or grows, in the dictionary's ordinary words alone, is a kind.
        // A clause before it (`有`, `大力发展`) is no name either.
        let raising = suffix.ends_with("合作社") && {
            let kind: String = core_tokens()
                .skip_while(|t| {
                    !"养种".contains(cx.chars[t.start]) && matches!(t.pos, Pos::Verb | Pos::Proper)
                })
                .flat_map(|t| cx.chars[t.start..t.end].iter())
                .collect();
            let n = kind.chars().count();
            kind.starts_with(['养', '种']) && (2..=4).contains(&n)
                || n == 4 && (kind.ends_with("养殖") || kind.ends_with("种植"))
        };
        let generic = pointer
            || bare
            || raising
            || single_verbs
            || conjoined
            || function_only
            || superlative
            || counted
            || country
            || cut_short
            || GENERIC_CORES.contains(&core.as_str())
            || GENERIC_PREFIXES.iter().any(|g| core.starts_with(g));
        if generic {
            return false;
        }
        // A name the dictionary knows whole (`某某银行` as one word) stays.
        // (A word for premises the dictionary knows, `快捷酒店`, is a kind.)
        let whole = tokens
            .binary_search_by_key(&m.span.start, |t| t.start)
            .is_ok_and(|j| {
                tokens[j].end >= m.span.end
                    // A dictionary word for premises or works is a kind
                    // (`加工厂` is tagged as an organisation).
                    && (!premises || tokens[j].pos == Pos::Proper)
            });
        // A two-character core the dictionary sees thousands of times is a
        // common word (`创业公司`, `法律公司`, `办理银行`), not a brand's short
        // form (`某钢集团`, seen a few dozen times).
        let common_core = m.ty == EntityType::Company
            && m.rule == "company:suffix"
            && core.chars().count() == 2
            // Banks take common words for names (a bank named for safety or
            // for the people); their generic cores are listed instead.
            && !suffix.ends_with('行')
            && !NATIONAL_PREFIXES.contains(&core.as_str())
            && !(m.span.start..core_end).any(|k| placed[k])
            && token_at(tokens, m.span.start)
                .is_some_and(|t| t.end == core_end && matches!(t.pos, Pos::Other | Pos::Verb))
            && crate::segment::frequency(&core) >= crate::segment::COMMON_WORD;
        if common_core && !whole {
            return false;
        }
        let short = core.chars().count() <= 3;
        let clause = tokens[tokens.partition_point(|t| t.start < m.span.start)..]
            .iter()
            .take_while(|t| t.end <= core_end)
            .any(|t| {
                t.pos == Pos::Verb && t.end - t.start >= 2
                    || t.end - t.start == 1 && "他她我你它和与及请".contains(cx.chars[t.start])
            });
        // A pronoun inside says the "name" is a clause (`黑市中他专门出售某银行`).
        let pronoun = core.chars().any(|c| "他她我你它".contains(c))
            && tokens.iter().any(|t| {
                t.start >= m.span.start
                    && t.end <= core_end
                    && t.end - t.start == 1
                    && "他她我你它".contains(cx.chars[t.start])
            });
        // A core of ordinary words only, with no place, no word the segmenter
        // knows as a name and none it had to make up, describes a kind of
        // business (`养猪合作社`, `科技公司`, `农业信贷担保公司`): it names none.
        // Two characters are a brand's length (`某某银行`), so only longer cores
        // are judged, except before a word for premises (`周边牧场`, `大型商场`),
        // which takes a brand of its own.
        // A registered firm's full legal form (`有限公司`, `股份有限公司`) after
        // a word the dictionary has seen only a few times (a brand's short
        // form, `某大` for a university) is a name even among ordinary words.
        let rare_registered = (suffix.ends_with("有限公司") || suffix.ends_with("有限责任公司"))
            && core_tokens().any(|t| {
                t.end - t.start >= 2
                    && crate::segment::frequency(
                        &cx.chars[t.start..t.end].iter().collect::<String>(),
                    ) < RARE_IN_NAME
            });
        // A group the state names for itself (`国家某某集团`) is a central
        // firm, whatever ordinary words its trade takes.
        let state_group = core.starts_with("国家")
            && core.chars().count() >= 4
            && ["集团", "集团公司", "总公司"].contains(suffix);
        let ordinary = m.rule == "company:suffix"
            && !rare_registered
            && !state_group
            && core_end >= m.span.start + if premises { 2 } else { 3 }
            && !core.contains("某某")
            && (m.span.start..core_end).all(|k| is_han(cx.chars[k]))
            && tokens[tokens.partition_point(|t| t.end <= m.span.start)..]
                .iter()
                .take_while(|t| t.start < core_end)
                .all(|t| {
                    matches!(t.pos, Pos::Other | Pos::Verb) && !(t.start..t.end).any(|k| placed[k])
                });
        // Markets, shops, hotels and farms are named by common nouns, so their
        // name needs more: Han text with no verb or number in it, and a word
        // that names (a division, a proper noun, or a word the segmenter had to
        // make up). Its place and person tags are too loose here (`酒店宾馆`
        // as a place, `农家乐` as a person) to count, but before 民宿 a word it
        // calls a place is the homestay's own name (`某江民宿`): homestays are
        // named like places, and no kind of homestay is one. So are markets
        // (`城东农贸市场`, `某山菜市场`), named after their part of town.
        let named_like_a_place = (*suffix == "民宿" || suffix.ends_with("市场"))
            && core_tokens().any(|t| {
                t.pos == Pos::Place
                    && t.end - t.start >= 2
                    && !"郊区边乡村间外内".contains(cx.chars[t.end - 1])
            });
        let unnamed_premises = premises
            && !whole
            && (!(m.span.start..core_end).all(|k| is_han(cx.chars[k]))
                || core.contains('一')
                || core_tokens().any(|t| {
                    t.pos == Pos::Verb && t.end - t.start >= 2
                        || t.end - t.start == 1
                            && "的了着在和与及名头位家个座条".contains(cx.chars[t.start])
                })
                || !named_like_a_place
                    && !core_tokens().any(|t| {
                        (t.start..t.end).any(|k| placed[k])
                            || matches!(t.pos, Pos::Proper | Pos::Organization | Pos::ForeignPerson)
                            || t.pos == Pos::Unknown && t.end - t.start >= 2
                            || t.pos == Pos::Person && t.end - t.start >= 3
                    }));
        whole || !(pronoun || ordinary || unnamed_premises || short && clause)
    });
}

/// Words that open the name of a national body or firm (`中国某某银行`): they
/// are no place to cut a name at, and no common word to drop a name for.
pub(super) const NATIONAL_PREFIXES: [&str; 4] = ["中国", "中华", "国家", "全国"];

/// Whether `word` is a foreign country's name (China's own names open national
/// bodies and firms instead).
/// Whether the conjunction right before `s` joins two fields of a research
/// body: whole words of two characters or more on each side, no verb before
/// it, and no mention ending at it.
pub(super) fn fields_joined(cx: &Cx, s: usize) -> bool {
    let tokens = cx.tokens();
    let field = |t: &Token| {
        t.end - t.start >= 2
            && !t.function
            && t.pos != Pos::Verb
            && (t.start..t.end).all(|i| is_han(cx.chars[i]))
    };
    let conj = s - 1;
    let before = tokens.iter().find(|t| t.end == conj);
    let after = tokens.iter().find(|t| t.start == s);
    tokens.iter().any(|t| t.start == conj && t.end == s)
        && before.is_some_and(field)
        && after.is_some_and(field)
        && !cx.mentions.iter().any(|m| m.span.end == conj)
}

pub(super) fn foreign_country(word: &str) -> bool {
    COUNTRIES.contains(&word) && !NATIONAL_PREFIXES.contains(&word)
}

/// The token starting at `at` (tokens are sorted and cover the text).
pub(super) fn token_at(tokens: &[Token], at: usize) -> Option<&Token> {
    tokens
        .binary_search_by_key(&at, |t| t.start)
        .ok()
        .map(|j| &tokens[j])
}

pub(super) fn covered_by_division(cx: &Cx, t: &Token) -> bool {
    cx.mentions
        .iter()
        .any(|d| d.ty == EntityType::Division && d.span.overlaps(Span::new(t.start, t.end)))
}

/// Drops names the rules read as surname plus given name where the segmenter
/// sees a preposition before an ordinary word (`向` + `大会` after a post; a
/// surname before a word, `马` + `建新`, is still a name), and company or
/// organisation names that count things (`两家公司`).
pub(super) fn drop_split_words(cx: &mut Cx, tokens: &[Token]) {
    let token_at = |at: usize| token_at(tokens, at);
    let split = |cx: &Cx, m: &Mention| {
        let (s, e) = (m.span.start, m.span.end);
        m.ty == EntityType::Person
            && m.rule != "person:byline"
            && token_at(s).is_some_and(|t| {
                t.end == s + 1 && HEAD_WORDS.contains(&cx.slice(s, s + 1).as_str())
            })
            && token_at(s + 1).is_some_and(|t| {
                t.end == e && matches!(t.pos, Pos::Other | Pos::Verb) && e - s >= 3
            })
            && is_surname_start(&cx.chars, s) == 1
    };
    let counted = |m: &Mention| {
        matches!(m.ty, EntityType::Company | EntityType::Organization)
            && m.name
                .chars()
                .next()
                .is_some_and(|c| "一二两三四五六七八九十几多各数0123456789".contains(c))
            && m.name.chars().take(4).any(|c| "家个所".contains(c))
            // A count of places inside the name (`某省三地保险公司`) speaks of
            // the firms of several places, not of one firm.
            || matches!(m.ty, EntityType::Company | EntityType::Organization) && {
                let c: Vec<char> = m.name.chars().collect();
                c.windows(2)
                    .position(|w| "两三四五六七八九十多几各数".contains(w[0]) && w[1] == '地')
                    .is_some_and(|k| k + 4 <= c.len())
            }
    };
    // `二十国集团` and the like are groups of countries, not companies; a
    // `某某集团军` is an army, and `集团化` or `公司化` a way of organising.
    let countries = |m: &Mention| {
        m.ty == EntityType::Company
            && (m.name.ends_with("国集团")
                || cx
                    .chars
                    .get(m.span.end)
                    .is_some_and(|c| "军化员".contains(*c))
                    // `集团军工` is a group's arms works, but a numbered
                    // group (`第14集团军工兵团`) is still the army.
                    && (cx.chars.get(m.span.end + 1) != Some(&'工')
                        || m.name
                            .trim_end_matches("集团")
                            .chars()
                            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))))
    };
    // A suffix found inside a longer word (`集中学习` holds `中学`), or right
    // after a verb or a function word (`进入医院`, `听取学院…`), names no body:
    // the name before it, if any, was a clause.
    let clause = |m: &Mention| {
        let (s, e) = (m.span.start, m.span.end);
        matches!(m.ty, EntityType::Company | EntityType::Organization)
            && m.rule.ends_with(":suffix")
            && (token_at(e - 1).is_some_and(|t| t.end > e && t.start > s && t.start + 2 < e)
                || tokens
                    .iter()
                    .rfind(|t| t.start >= s && t.end + 2 >= e && t.end < e)
                    .is_some_and(|t| {
                        t.function
                            || t.pos == Pos::Verb
                                && (t.end - t.start == 1
                                    || ACTS_AFTER_NAME.contains(&text(cx, t).as_str()))
                    }))
    };
    let keep: Vec<bool> = cx
        .mentions
        .iter()
        .map(|m| !split(cx, m) && !counted(m) && !countries(m) && !clause(m))
        .collect();
    let mut k = keep.iter();
    cx.mentions.retain(|_| *k.next().unwrap_or(&true));
}
