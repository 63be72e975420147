//! Declared short forms: `《某某条例》（以下简称《条例》）`, `某某有限公司（简称“某某”）`.
//!
//! Official prose names a document or a body in full once and then declares the
//! short form it will use. Every later mention of that short form is the same
//! thing, so it takes the full name's key and type here; without this pass
//! `《条例》` would be a second initiative named only by its genre word.
//! Divisions are left alone: their short forms are the gazetteer's business.

use super::lexicon::{
    AGENCY_SUFFIXES, COUNTRIES, COUNTRY_INITIALS, DOCUMENT_WORDS, SHORT_FORM_CUES,
};
use super::names::normalise_name;
use super::{Cx, Mention, is_han};
use crate::model::{EntityType, Span};

/// Quote pairs a declared short form may be wrapped in.
const QUOTES: [(char, char); 5] = [
    ('“', '”'),
    ('《', '》'),
    ('"', '"'),
    ('「', '」'),
    ('‘', '’'),
];

/// One declaration: the mention it names and the short form, unquoted.
struct Declared {
    antecedent: usize,
    short: String,
    /// Where the declaration ends; later text may use the short form.
    after: usize,
}

/// Reads the short form after a cue at `at`: quoted, or a bare run of Han,
/// Latin letters and digits up to the bracket or punctuation that closes it.
fn short_form_at(cx: &Cx, at: usize) -> Option<(String, usize)> {
    let first = *cx.chars.get(at)?;
    if let Some(&(_, close)) = QUOTES.iter().find(|(open, _)| *open == first) {
        let len = cx.chars[at + 1..]
            .iter()
            .take(24)
            .position(|&c| c == close)?;
        let inner = cx.slice(at + 1, at + 1 + len);
        return (!inner.is_empty()).then_some((inner, at + len + 2));
    }
    let len = cx.chars[at..]
        .iter()
        .take(16)
        .take_while(|&&c| is_han(c) || c.is_ascii_alphanumeric())
        .count();
    let end = at + len;
    let closed = cx.chars.get(end).is_none_or(|&c| "）)，,。；;".contains(c));
    (len >= 2 && closed).then(|| (cx.slice(at, end), end))
}

/// The mention a declaration right after `open` refers to: the longest named
/// mention (no division, no anaphor) that ends there, closing quotes allowed.
fn antecedent(cx: &Cx, open: usize) -> Option<usize> {
    let mut end = open;
    while end > 0 && QUOTES.iter().any(|&(_, close)| cx.chars[end - 1] == close) {
        end -= 1;
    }
    (0..cx.mentions.len())
        .filter(|&j| {
            let m = &cx.mentions[j];
            (m.span.end == open || m.span.end == end)
                && !m.anaphoric
                && !matches!(m.ty, EntityType::Division | EntityType::Person)
        })
        .max_by_key(|&j| cx.mentions[j].span.len())
}

fn declarations(cx: &Cx) -> Vec<Declared> {
    let mut out = Vec::new();
    let n = cx.chars.len();
    let mut i = 0;
    while i < n {
        let c = cx.chars[i];
        // A declaration opens a bracket or follows a comma right after the name.
        if !"（(，,".contains(c) {
            i += 1;
            continue;
        }
        let Some(cue) = SHORT_FORM_CUES.iter().find(|w| cx.starts_with(i + 1, w)) else {
            i += 1;
            continue;
        };
        let mut at = i + 1 + cue.chars().count();
        if matches!(cx.chars.get(at), Some('为' | '：' | ':')) {
            at += 1;
        }
        if let Some((short, after)) = short_form_at(cx, at)
            && let Some(antecedent) = antecedent(cx, i)
            && short != cx.mentions[antecedent].name
        {
            out.push(Declared {
                antecedent,
                short,
                after,
            });
        }
        i += 1;
    }
    out
}

/// The same name with its two parties' initials the other way round
/// (`中某投资协定` for `某中投资协定`): a pact between two parties is named by
/// either order. `None` unless the name opens with two initials of states or
/// of the European Union.
pub fn swapped_parties(name: &str) -> Option<String> {
    let mut chars = name.chars();
    let (a, b) = (chars.next()?, chars.next()?);
    let party = |c: char| c == '中' || c == '欧' || COUNTRY_INITIALS.contains(c);
    let rest: String = chars.collect();
    (a != b && party(a) && party(b) && rest.chars().count() >= 2).then(|| format!("{b}{a}{rest}"))
}

/// Whether `short` is an undeclared abbreviation of `long`, the way the press
/// shortens a body's name once it has given it in full: a state's initial for the
/// state (`俄国防部` for `俄罗斯国防部`), or a few characters kept from several
/// words of the name (`人社部` for `人力资源社会保障部`, `国新办` for
/// `国务院新闻办公室`). The kept characters start the name and end it, or end it
/// with the first character of `办公室` or `委员会`; and at least two stretches
/// of the name are left out, because dropping one stretch names a different body
/// as often as the same one (`中央委员会` is not `中央纪律检查委员会`, and
/// `某某银行` is not `某某农业银行`). A short form that ends with a body's word
/// of its own (`某省委`, `某某纪委`, `某某政府`), or lacks one the long name
/// ends with (`某市公安局` beside `某市某区公安分局`), names a body of its own.
pub fn abbreviates(short: &str, long: &str) -> bool {
    let s: Vec<char> = short.chars().collect();
    let l: Vec<char> = long.chars().collect();
    if s.len() < 3 || l.len() <= s.len() || s[0] != l[0] {
        return false;
    }
    let shortened = |w: &&str| ["委员会", "办公室"].contains(w);
    let own_word = AGENCY_SUFFIXES
        .iter()
        .filter(|w| w.chars().count() >= 2)
        .any(|w| {
            short.ends_with(w) && (shortened(w) || !long.ends_with(w))
                || long.ends_with(w) && !short.ends_with(w) && !shortened(w)
        });
    let level_committee = s[s.len() - 1] == '委' && "省市县区州旗盟镇乡".contains(s[s.len() - 2]);
    if own_word || level_committee {
        return false;
    }
    // A state's initial and the rest of the name as it stands.
    if COUNTRY_INITIALS.contains(s[0])
        && s.len() >= 3
        && COUNTRIES.iter().any(|c| {
            c.starts_with(s[0])
                && c.chars().count() >= 2
                && long.strip_prefix(c) == Some(&short[s[0].len_utf8()..])
        })
    {
        return true;
    }
    // Kept characters, matched as early as they can be.
    let mut at = Vec::with_capacity(s.len());
    let mut k = 0;
    for &c in &s {
        while k < l.len() && l[k] != c {
            k += 1;
        }
        if k == l.len() {
            return false;
        }
        at.push(k);
        k += 1;
    }
    let last = at[at.len() - 1];
    let tail: String = l[last..].iter().collect();
    if last + 1 != l.len() && !["办公室", "委员会"].contains(&tail.as_str()) {
        return false;
    }
    let inner_gaps = at.windows(2).filter(|w| w[1] > w[0] + 1).count();
    inner_gaps + usize::from(last + 1 != l.len()) >= 2
}

/// Whether the occurrence of a short form at `s..e` stands in quotes.
fn quoted(cx: &Cx, s: usize, e: usize) -> bool {
    s > 0
        && QUOTES
            .iter()
            .any(|&(open, close)| cx.chars[s - 1] == open && cx.chars.get(e) == Some(&close))
}

pub fn find(cx: &mut Cx) {
    let found = declarations(cx);
    for d in found {
        cx.spend(cx.mentions.len());
        let full = cx.mentions[d.antecedent].clone();
        let short_key = normalise_name(&d.short);
        // Mentions other passes made of the short form become the full thing.
        let mut covered = Vec::new();
        for m in cx.mentions.iter_mut() {
            let same = m.name == d.short || normalise_name(&m.text) == short_key;
            if same && m.ty != EntityType::Division && m.ty != EntityType::Person {
                covered.push((m.span.start, m.span.end));
                m.ty = full.ty;
                m.key = full.key.clone();
                m.name = full.name.clone();
                m.aliases = full.aliases.clone();
                m.aliases.push(d.short.clone());
                m.class = full.class;
                m.div = full.div.clone();
            }
        }
        // Later uses no pass found: quoted ones always, bare ones when the
        // short form is long enough not to be an ordinary word (`意见`).
        let chars: Vec<char> = d.short.chars().collect();
        let long_enough = chars.len() >= 4 || chars.len() >= 3 && full.ty != EntityType::Initiative;
        let mut at = d.after;
        while at + chars.len() <= cx.chars.len() {
            let e = at + chars.len();
            if cx.chars[at..e] == chars[..]
                && !covered.iter().any(|&(s, ce)| s < e && at < ce)
                && cx.covering(at, &[]).is_none()
                && (long_enough || quoted(cx, at, e))
            {
                let (s, e) = if quoted(cx, at, e) {
                    (at - 1, e + 1)
                } else {
                    (at, e)
                };
                let mut m: Mention = full.clone();
                m.span = Span::new(s, e);
                m.text = cx.slice(s, e);
                m.aliases.push(d.short.clone());
                m.rule = "short-form:declared";
                cx.mentions.push(m);
                at = e;
            } else {
                at += 1;
            }
        }
        if let Some(m) = cx.mentions.get_mut(d.antecedent) {
            m.aliases.push(d.short.clone());
        }
    }
    genre_only(cx);
    cx.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// A document named only by its genre (`《条例》`, `《意见》`) with no declaration
/// is the last document of that genre named before it (or, failing that, the
/// first after it); with none in the article it names nothing and is dropped.
fn genre_only(cx: &mut Cx) {
    let is_genre =
        |m: &Mention| m.ty == EntityType::Initiative && DOCUMENT_WORDS.contains(&m.name.as_str());
    let mut drop = Vec::new();
    for i in 0..cx.mentions.len() {
        if !is_genre(&cx.mentions[i]) {
            continue;
        }
        cx.spend(cx.mentions.len());
        let m = &cx.mentions[i];
        let fits = |o: &Mention| {
            o.ty == EntityType::Initiative && !is_genre(o) && o.name.ends_with(&m.name)
        };
        let before = cx
            .mentions
            .iter()
            .filter(|o| fits(o) && o.span.end <= m.span.start)
            .max_by_key(|o| o.span.end);
        let after = || {
            cx.mentions
                .iter()
                .filter(|o| fits(o) && o.span.start >= m.span.end)
                .min_by_key(|o| o.span.start)
        };
        match before.or_else(after).cloned() {
            Some(full) => {
                let m = &mut cx.mentions[i];
                m.aliases = full.aliases;
                m.key = full.key;
                m.name = full.name;
                m.class = full.class;
                m.div = full.div;
            }
            None => drop.push(i),
        }
    }
    for i in drop.into_iter().rev() {
        cx.mentions.remove(i);
    }
}

#[cfg(test)]
mod tests {
    use super::abbreviates;

    #[test]
    fn abbreviations_keep_characters_of_several_words() {
        assert!(abbreviates("人社部", "人力资源社会保障部"));
        assert!(abbreviates("国新办", "国务院新闻办公室"));
        assert!(abbreviates("国务院港澳办", "国务院港澳事务办公室"));
        assert!(abbreviates("世贸组织", "世界贸易组织"));
        assert!(abbreviates("俄国防部", "俄罗斯国防部"));
        assert!(abbreviates("美宇航局", "美国宇航局"));
        // One stretch left out names another body as often as the same one.
        assert!(!abbreviates("中央委员会", "中央纪律检查委员会"));
        assert!(!abbreviates("中国银行", "中国农业银行"));
        assert!(!abbreviates("全国政协", "全国政协外事委员会"));
        // The kept characters end the name.
        assert!(!abbreviates("中国银行", "中国进出口银行业协会"));
        assert!(!abbreviates("俄国防部", "白俄罗斯国防部"));
        // A short form that is a body's name of its own.
        assert!(!abbreviates("某某省委", "某某省国防动员委员会"));
        assert!(!abbreviates("中央委员会", "中共中央纪律检查委员会"));
        assert!(!abbreviates("某某市公安局", "某某市新区公安分局"));
        assert!(abbreviates("中央环保督察组", "中央环境保护督察组"));
    }

    use super::super::tests::run;
    use crate::model::EntityType;

    fn initiatives(body: &str) -> Vec<(String, String)> {
        let ex = run(body);
        ex.mentions
            .iter()
            .filter(|m| m.ty == EntityType::Initiative)
            .map(|m| (m.text.clone(), m.name.clone()))
            .collect()
    }

    #[test]
    fn a_declared_short_form_is_the_full_name() {
        let found = initiatives("某市印发《某某工作条例》（以下简称《条例》）。《条例》共八章。");
        assert!(found.len() >= 3, "{found:?}");
        assert!(found.iter().all(|(_, n)| n == "某某工作条例"), "{found:?}");
    }

    #[test]
    fn a_genre_word_alone_is_the_last_document_of_that_genre() {
        let found = initiatives("某市印发《关于某某工作的意见》。《意见》提出三项任务。");
        assert!(
            found.iter().all(|(_, n)| n == "关于某某工作的意见"),
            "{found:?}"
        );
        let alone = initiatives("会上讨论了《意见》。");
        assert!(alone.is_empty(), "{alone:?}");
    }
}
