//! The shareable address: every answer and the schema version as query parameters on the root path
//! (`?v=1&work=io&py=3.12`), so any static host serves every link. Decoding never fails: it keeps every
//! valid answer and reports what it dropped.

use crate::content::{Lang, META, QUESTIONS, QuestionId};
use crate::engine::Answers;
use crate::engine::migration::{STEPS, added_default, copies, migrate};

/// Addresses longer than this are cut before decoding; no valid link comes near it.
pub const MAX_QUERY_LEN: usize = 2048;

/// The state a link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareLink {
    pub answers: Answers,
    /// The language, only when the user picked one explicitly.
    pub lang: Option<Lang>,
}

/// Something in a link that was not used, and why. Keys and values are cut to a safe length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    TooLong,
    BadEscape,
    UnknownKey(String),
    InvalidValue {
        key: String,
        value: String,
    },
    Repeated(String),
    /// A valid answer to a question that the other answers make irrelevant.
    NotAsked(String),
    /// A link from a newer version of the app; answers that still make sense are kept.
    FutureVersion(String),
    /// A link without a readable version; it is read as the current one.
    NoVersion,
}

impl ShareLink {
    /// The query string, without the leading `?`. Answers in question order, then the language.
    pub fn encode(&self) -> String {
        let mut parts = vec![format!("v={}", META.schema)];
        for q in QuestionId::all() {
            if let Some(o) = self.answers.get(q) {
                let question = q.get();
                parts.push(format!("{}={}", question.id, question.options[o as usize].id));
            }
        }
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang.code()));
        }
        parts.join("&")
    }

    /// Whether an address with this query string has the wizard started: any key but the page keys of
    /// meta.toml (the language) counts (a link without `v=` still carries answers, and `?v=2` alone is the
    /// first question). public/boot.js gets the same keys from the build for the static first screen.
    pub fn started(query: &str) -> bool {
        let query = query.strip_prefix('?').unwrap_or(query);
        query
            .split('&')
            .any(|p| !p.is_empty() && !META.page_keys.contains(&p.split_once('=').map_or(p, |(key, _)| key)))
    }

    /// Reads a query string (with or without the leading `?`).
    pub fn decode(query: &str) -> (ShareLink, Vec<Notice>) {
        let mut notices = Vec::new();
        let mut query = query.strip_prefix('?').unwrap_or(query);
        if query.len() > MAX_QUERY_LEN {
            notices.push(Notice::TooLong);
            let mut cut = MAX_QUERY_LEN;
            while !query.is_char_boundary(cut) {
                cut -= 1;
            }
            query = &query[..cut];
        }
        let mut answers = Answers::new();
        let mut lang = None;
        let mut version_seen = false;
        // Answers are read in the link's schema version, found first so the order of keys does not matter.
        let version = query
            .split('&')
            .find_map(|p| p.strip_prefix("v="))
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|&v| v >= 1 && v <= META.schema)
            .unwrap_or(META.schema);
        let mut seen: Vec<String> = Vec::new();
        let mut bad_escape = false;
        // Answers a migration step also set: dropped without a notice if the other answers no longer ask them.
        let mut migrated: Vec<QuestionId> = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let (Some(key), Some(value)) = (percent_decode(raw_key), percent_decode(raw_value)) else {
                bad_escape = true;
                continue;
            };
            if seen.contains(&key) {
                if !notices.contains(&Notice::Repeated(cut(&key))) {
                    notices.push(Notice::Repeated(cut(&key)));
                }
                continue;
            }
            seen.push(key.clone());
            match key.as_str() {
                "v" => {
                    version_seen = true;
                    match value.parse::<u32>() {
                        Ok(v) if (1..=META.schema).contains(&v) => {}
                        Ok(v) if v > META.schema => notices.push(Notice::FutureVersion(cut(&value))),
                        _ => notices.push(Notice::InvalidValue { key: key.clone(), value: cut(&value) }),
                    }
                }
                "lang" => match Lang::from_code(&value) {
                    Some(l) => lang = Some(l),
                    None => notices.push(Notice::InvalidValue { key: key.clone(), value: cut(&value) }),
                },
                _ => match migrate(STEPS, version, &key, &value) {
                    None => {}
                    Some((key, value)) => match QuestionId::find(&key) {
                        None => notices.push(Notice::UnknownKey(cut(&key))),
                        Some(q) => match q.get().option_index(&value) {
                            None => notices.push(Notice::InvalidValue { key: key.clone(), value: cut(&value) }),
                            Some(o) => {
                                // Set without pruning: the order of keys in the link must not matter.
                                answers.answer_raw(q, o);
                                for to in copies(STEPS, version, &key) {
                                    let Some(t) = QuestionId::find(to) else { continue };
                                    if let Some(o) = t.get().option_index(&value)
                                        && !seen.iter().any(|k| k == to)
                                        && answers.answer_raw(t, o)
                                    {
                                        migrated.extend([q, t]);
                                    }
                                }
                            }
                        },
                    },
                },
            }
        }
        if bad_escape {
            notices.push(Notice::BadEscape);
        }
        if !version_seen {
            notices.push(Notice::NoVersion);
        }
        for q in answers.prune() {
            if !migrated.contains(&q) {
                notices.push(Notice::NotAsked(QUESTIONS[q.0 as usize].id.to_string()));
            }
        }
        // Questions added after the link was made take the answer the older schema implied.
        while let Some(q) = answers.next_question() {
            let Some(value) = added_default(STEPS, version, q.get().id) else { break };
            let Some(o) = q.get().option_index(value) else { break };
            answers.answer(q, o);
        }
        (ShareLink { answers, lang }, notices)
    }
}

/// Cuts a key or value from a link to a length safe to show.
fn cut(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Decodes `%XX` escapes and `+` as space. `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let text = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(text, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}
