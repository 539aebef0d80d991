//! The pasted text itself: byte offsets to editor positions, excerpts, the nesting guard that keeps
//! deeply nested input away from the parser, and the signs of Python 2 code.

/// Converts byte offsets to 1-based lines and 1-based columns counted in characters (Unicode scalar
/// values). `\n`, `\r\n` and a lone `\r` each end a line, as they do for Python.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { text, starts }
    }

    /// The 1-based line and character column of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = self.text.get(start..offset).map_or_else(
            || self.text[start..].char_indices().take_while(|(i, _)| start + i < offset).count(),
            |s| s.chars().count(),
        );
        (line as u32 + 1, column as u32 + 1)
    }

    /// The text of the line holding `offset`, without its line break.
    pub(crate) fn line_text(&self, offset: usize) -> &'a str {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let end = self.starts.get(line + 1).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// The first line of `text[start..end]`, trimmed and cut to at most `max` characters.
pub(crate) fn excerpt(text: &str, start: usize, end: usize, max: usize) -> String {
    let end = end.min(text.len());
    let slice = text.get(start..end).unwrap_or("");
    if !slice.contains(['\n', '\r']) {
        let mut out: String = slice.trim().chars().take(max).collect();
        if slice.trim().chars().count() > max {
            out.push('…');
        }
        return out.replace('\t', " ");
    }
    // A call over several lines reads as one: its lines joined, white space runs made one space, none
    // just inside brackets, comments left out.
    let mut joined = String::new();
    for line in slice.lines() {
        let code = if line.trim_start().starts_with('#') { "" } else { line };
        for word in code.split_whitespace() {
            let glue = !joined.is_empty() && !joined.ends_with(['(', '[', '{']) && !word.starts_with([')', ']', '}']);
            if glue {
                joined.push(' ');
            }
            joined.push_str(word);
        }
    }
    let mut out: String = joined.chars().take(max).collect();
    if joined.chars().count() > max {
        out.push('…');
    }
    out
}

/// CPython's own limits: "too many nested parentheses" past 200 open brackets, "too many levels of
/// indentation" past 100 blocks.
pub(crate) const MAX_BRACKETS: usize = 200;
pub(crate) const MAX_INDENT: usize = 100;
/// Operators, dots and calls chained in one expression (each one a level of the syntax tree). CPython
/// gives up somewhere between 1,000 and 10,000 (`RecursionError` while compiling); here the limit is
/// the WebAssembly stack: under Node's default stack, 800 chained `not` still pass and 999 overflow,
/// so 300 (plus at most 200 brackets) keeps a margin (checker/size/measure.sh runs those inputs).
pub(crate) const MAX_CHAIN: u32 = 300;

/// Why the guard refused a text: the limit passed and the byte offset where it was passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TooDeep {
    Brackets(usize),
    Indent(usize),
    Chain(usize),
}

/// Scans the text without parsing it (strings and comments skipped) and refuses nesting deeper than
/// the parser and the checks may recurse. A rough upper bound of the syntax tree's depth: it may refuse
/// a pathological line that Python accepts, never the other way round for real code.
pub(crate) fn nesting_guard(text: &str) -> Result<(), TooDeep> {
    let b = text.as_bytes();
    let mut i = 0;
    // One chain counter per open bracket; the sum along the stack bounds the expression's depth.
    let mut chain: Vec<u32> = vec![0];
    let mut total: u32 = 0;
    let mut indents: Vec<usize> = vec![0];
    let mut at_line_start = true;
    while i < b.len() {
        if at_line_start {
            at_line_start = false;
            if chain.len() == 1 {
                let mut width = 0;
                let mut j = i;
                while j < b.len() && (b[j] == b' ' || b[j] == b'\t' || b[j] == b'\x0c') {
                    width += if b[j] == b'\t' { 8 - width % 8 } else { 1 };
                    j += 1;
                }
                let blank = j >= b.len() || matches!(b[j], b'\n' | b'\r' | b'#');
                if !blank {
                    while width < *indents.last().unwrap() {
                        indents.pop();
                    }
                    if width > *indents.last().unwrap() {
                        indents.push(width);
                        if indents.len() - 1 > MAX_INDENT {
                            return Err(TooDeep::Indent(j));
                        }
                    }
                }
                i = j;
                continue;
            }
        }
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'\\' if matches!(b.get(i + 1), Some(b'\n' | b'\r')) => {
                // A line continuation: the logical line goes on.
                i += 2;
                if b.get(i - 1) == Some(&b'\r') && b.get(i) == Some(&b'\n') {
                    i += 1;
                }
                continue;
            }
            b'\n' | b'\r' if chain.len() == 1 => {
                chain[0] = 0;
                total = 0;
                at_line_start = true;
            }
            b'"' | b'\'' => {
                i = skip_string(b, i);
                continue;
            }
            b'(' | b'[' | b'{' => {
                // A call or subscript on a call or subscript (`f()()`, `x[0][1]`) nests one level more;
                // `f(x)` on a name does not.
                if matches!(previous_significant(b, i), Some(b')' | b']' | b'}')) {
                    *chain.last_mut().unwrap() += 1;
                    total += 1;
                }
                chain.push(0);
                if chain.len() - 1 > MAX_BRACKETS {
                    return Err(TooDeep::Brackets(i));
                }
            }
            b')' | b']' | b'}' if chain.len() > 1 => {
                total -= chain.pop().unwrap();
            }
            b',' | b';' | b':' => {
                total -= std::mem::take(chain.last_mut().unwrap());
            }
            b'=' => {
                let prev = if i > 0 { b[i - 1] } else { b' ' };
                let next = b.get(i + 1).copied().unwrap_or(b' ');
                if !matches!(prev, b'=' | b'<' | b'>' | b'!' | b':') && next != b'=' {
                    total -= std::mem::take(chain.last_mut().unwrap());
                }
            }
            b'.' | b'+' | b'-' | b'*' | b'/' | b'%' | b'@' | b'&' | b'|' | b'^' | b'~' | b'<' | b'>' => {
                *chain.last_mut().unwrap() += 1;
                total += 1;
            }
            _ if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                    i += 1;
                }
                let word = &b[start..i];
                // A string prefix (r, b, f, rb, u, t…) directly followed by a quote.
                if word.len() <= 2 && matches!(b.get(i), Some(b'"' | b'\'')) {
                    continue;
                }
                if matches!(word, b"not" | b"await" | b"lambda" | b"if" | b"else" | b"and" | b"or" | b"in" | b"is") {
                    *chain.last_mut().unwrap() += 1;
                    total += 1;
                }
                if total > MAX_CHAIN {
                    return Err(TooDeep::Chain(start));
                }
                continue;
            }
            _ => {}
        }
        if total > MAX_CHAIN {
            return Err(TooDeep::Chain(i));
        }
        i += 1;
    }
    Ok(())
}

/// The last byte before `i` that is not a space or tab.
fn previous_significant(b: &[u8], i: usize) -> Option<u8> {
    b[..i].iter().rev().find(|c| !matches!(c, b' ' | b'\t')).copied()
}

/// The offset just past the string literal that starts at `i` (a quote), or the end of the text.
fn skip_string(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
    let mut j = if triple { i + 3 } else { i + 1 };
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            c if c == q => {
                if !triple {
                    return j + 1;
                }
                if b.get(j + 1) == Some(&q) && b.get(j + 2) == Some(&q) {
                    return j + 3;
                }
                j += 1;
            }
            b'\n' | b'\r' if !triple => return j,
            _ => j += 1,
        }
    }
    b.len()
}

/// Whether a line that failed to parse looks like Python 2: a `print` or `exec` statement, the `<>`
/// operator, backticks, `raise E, "message"`, an old octal or long literal, or a `ur""` string.
pub(crate) fn looks_like_python2(line: &str) -> bool {
    let code = line.split('#').next().unwrap_or("").trim_start();
    for keyword in ["print", "exec"] {
        if let Some(rest) = code.strip_prefix(keyword) {
            let after = rest.trim_start();
            if rest.starts_with([' ', '\t'])
                && !after.is_empty()
                && !after.starts_with(['(', '=', '.', '[', ',', ')', ':', ';'])
                && !after.starts_with("+=")
            {
                return true;
            }
        }
    }
    if code.contains("<>") || code.contains('`') {
        return true;
    }
    if let Some(rest) = code.strip_prefix("raise ") {
        let head: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.').collect();
        if !head.is_empty() && rest[head.len()..].trim_start().starts_with(',') {
            return true;
        }
    }
    let bytes = code.as_bytes();
    let mut start = 0;
    for (end, c) in code.char_indices().chain([(code.len(), ' ')]) {
        if c.is_ascii_alphanumeric() || c == '_' {
            continue;
        }
        let w = &code[start..end];
        let after_dot = start > 0 && bytes[start - 1] == b'.';
        start = end + c.len_utf8();
        if w.len() < 2 || after_dot || !w.as_bytes()[0].is_ascii_digit() {
            continue;
        }
        let old_octal = w.starts_with('0') && w.bytes().all(|c| c.is_ascii_digit()) && w.bytes().any(|c| c != b'0');
        let long = (w.ends_with('L') || w.ends_with('l')) && w[..w.len() - 1].bytes().all(|c| c.is_ascii_digit());
        if old_octal || long {
            return true;
        }
    }
    bytes
        .windows(3)
        .any(|w| (w[0] == b'u' || w[0] == b'U') && (w[1] == b'r' || w[1] == b'R') && (w[2] == b'"' || w[2] == b'\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_every_line_break() {
        let text = "a\r\nb\rc\né = 1\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(3), (2, 1));
        assert_eq!(index.position(5), (3, 1));
        let e = text.find('=').unwrap();
        assert_eq!(index.position(e), (4, 3));
        assert_eq!(index.line_text(e), "é = 1");
    }

    #[test]
    fn the_guard_refuses_what_python_refuses() {
        assert!(nesting_guard(&format!("x = {}1{}", "(".repeat(200), ")".repeat(200))).is_ok());
        assert!(matches!(
            nesting_guard(&format!("x = {}1{}", "(".repeat(201), ")".repeat(201))),
            Err(TooDeep::Brackets(_))
        ));
        let deep: String = (0..101).map(|i| format!("{}if x:\n", " ".repeat(i))).collect();
        assert!(matches!(nesting_guard(&format!("{deep}{}pass\n", " ".repeat(101))), Err(TooDeep::Indent(_))));
        assert!(matches!(nesting_guard(&format!("x = a{}", ".b".repeat(301))), Err(TooDeep::Chain(_))));
        assert!(matches!(nesting_guard(&format!("x = f{}", "()".repeat(302))), Err(TooDeep::Chain(_))));
        assert!(nesting_guard(&format!("x = a{}", ".b".repeat(300))).is_ok());
    }

    #[test]
    fn the_guard_accepts_long_flat_code() {
        let list = format!("x = [{}]\n", (0..20_000).map(|i| format!("-{i}.5")).collect::<Vec<_>>().join(", "));
        assert!(nesting_guard(&list).is_ok());
        let lines = "y = a.b.c(d) + e * f - g / h\n".repeat(5000);
        assert!(nesting_guard(&lines).is_ok());
        assert!(nesting_guard("s = '((((((' + \"[[[[\" # ((((\n").is_ok());
        let segments = (0..250).map(|i| format!("_seg_{i}()")).collect::<Vec<_>>().join("\n    + ");
        assert!(nesting_guard(&format!("data = (\n    {segments}\n)\n")).is_ok());
        assert!(nesting_guard(&format!("x = \"{}\"\n", "+".repeat(5000))).is_ok());
    }

    #[test]
    fn python2_lines() {
        for line in [
            "print \"x\"",
            "    print x, y",
            "exec \"code\"",
            "if a <> b:",
            "x = `a`",
            "raise ValueError, \"bad\"",
            "x = 0777",
            "n = 10L",
            "s = ur\"x\"",
        ] {
            assert!(looks_like_python2(line), "{line}");
        }
        for line in [
            "print(x)",
            "x = print",
            "def f(:",
            "printer x",
            "x = 0",
            "x = 0.5",
            "x = 1.05",
            "x = 00",
            "raise ValueError(\"bad\")",
        ] {
            assert!(!looks_like_python2(line), "{line}");
        }
    }
}
