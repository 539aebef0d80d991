//! House style of the texts, checked by the content compiler: punctuation in Chinese sentences and the
//! terms each language does not use (data/terms.toml).

use serde::Deserialize;

/// A `[[term]]` of terms.toml: in texts of language `lang`, `avoid` is refused outside code spans and
/// placeholders unless the occurrence sits inside one of `except`; the message says to write `write`.
/// An `avoid` of ASCII letters matches whole words only (not inside `run_in_executor`), case-sensitively
/// ("websockets", not "WebSockets").
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub lang: String,
    pub avoid: String,
    pub write: String,
    #[serde(default)]
    pub except: Vec<String>,
}

/// Han ideographs and the full-width marks of Chinese text (CJK symbols and punctuation, full-width forms).
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The text with every code span (`…`), `{placeholder}` and link replaced by one `\u{1}` per character,
/// so that positions and neighbours keep their meaning but nothing inside them is checked.
fn prose(text: &str) -> Vec<char> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    let mut i = 0;
    while i < chars.len() {
        let end = match chars[i] {
            '`' => chars[i + 1..].iter().position(|&c| c == '`').map(|n| i + n + 2),
            '{' => {
                let n = chars[i + 1..].iter().take_while(|c| c.is_ascii_lowercase() || **c == '_').count();
                (n > 0 && chars.get(i + 1 + n) == Some(&'}')).then_some(i + n + 2)
            }
            'h' if chars[i..].starts_with(&['h', 't', 't', 'p'])
                && (i == 0 || !chars[i - 1].is_ascii_alphanumeric()) =>
            {
                let n = chars[i..].iter().take_while(|c| !c.is_whitespace() && !is_chinese(**c) && **c != '"').count();
                let link = &chars[i..i + n];
                (link.starts_with(&['h', 't', 't', 'p', ':', '/', '/'])
                    || link.starts_with(&['h', 't', 't', 'p', 's', ':', '/', '/']))
                .then_some(i + n)
            }
            _ => None,
        };
        match end {
            Some(end) => {
                out[i..end].fill('\u{1}');
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The half-width mark and its full-width form.
const MARKS: [(char, char); 7] =
    [(',', '，'), (';', '；'), (':', '：'), ('?', '？'), ('!', '！'), ('(', '（'), (')', '）')];

/// Problems with the punctuation of a text that holds Chinese: a half-width `,;:?!()` next to a Han
/// character or full-width mark, or a half-width `,;:` inside a Chinese sentence that no space follows
/// (“`a`,`b`” between two code spans; digit groups such as 300,000 are fine). Code spans, placeholders
/// and links are not looked at.
pub fn punctuation(text: &str) -> Vec<String> {
    if !text.chars().any(is_han) {
        return Vec::new();
    }
    let p = prose(text);
    let mut found = Vec::new();
    for (i, &c) in p.iter().enumerate() {
        let Some(&(_, full)) = MARKS.iter().find(|(half, _)| *half == c) else { continue };
        let before = if i > 0 { p[i - 1] } else { ' ' };
        let after = p.get(i + 1).copied().unwrap_or(' ');
        let next_to_chinese = is_chinese(before) || is_chinese(after);
        let digits = before.is_ascii_digit() && after.is_ascii_digit();
        let glued = ",;:".contains(c) && !after.is_whitespace() && !digits;
        if next_to_chinese || glued {
            let from = i.saturating_sub(8);
            let context: String = text.chars().skip(from).take(i + 9 - from).collect();
            found.push(format!("half-width `{c}` in a Chinese sentence (“{context}”): write `{full}`"));
        }
    }
    found
}

/// The terms of `terms` for language `lang` that `text` uses outside code spans, placeholders and links,
/// each as a message.
pub fn forbidden_terms(terms: &[RawTerm], lang: &str, text: &str) -> Vec<String> {
    let p = prose(text);
    let mut found = Vec::new();
    for t in terms.iter().filter(|t| t.lang == lang) {
        let avoid: Vec<char> = t.avoid.chars().collect();
        let word = avoid.iter().all(|c| c.is_ascii_alphanumeric() || *c == '-');
        let hits = (0..p.len().saturating_sub(avoid.len() - 1)).filter(|&i| {
            if p[i..i + avoid.len()] != avoid[..] {
                return false;
            }
            let (before, after) = (i.checked_sub(1).map(|b| p[b]), p.get(i + avoid.len()));
            let in_word = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_');
            if word && (in_word(before.as_ref()) || in_word(after)) {
                return false;
            }
            // Inside an allowed longer word (竞争 inside 数据竞争): every start of `except` covering i.
            !t.except.iter().any(|e| {
                let e: Vec<char> = e.chars().collect();
                let at = e.windows(avoid.len()).position(|w| w == &avoid[..]);
                at.is_some_and(|k| i >= k && p.get(i - k..i - k + e.len()) == Some(&e[..]))
            })
        });
        if hits.count() > 0 {
            found.push(format!("uses “{}”: write “{}” (data/terms.toml)", t.avoid, t.write));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_next_to_han_outside_code() {
        assert_eq!(punctuation("用线程,然后").len(), 1);
        assert!(punctuation("用线程，然后 `f(a, b)` 和 {n}:").is_empty());
        assert_eq!(punctuation("Tk 用 `a`,Qt 用 `b`").len(), 1);
        assert!(punctuation("父进程持有 300,000 个列表").is_empty());
        assert!(punctuation("Plain English (no Chinese), fine: yes?").is_empty());
    }
}
