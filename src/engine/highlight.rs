//! A small Python tokenizer for syntax highlighting: keywords, built-ins, strings (with prefixes and
//! triple quotes), comments, numbers, decorators and function/class names. It never fails: anything it
//! does not recognise is plain text, and the pieces always concatenate back to the input.

/// What a piece of code is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Plain,
    Keyword,
    Builtin,
    String,
    Comment,
    Number,
    Decorator,
    Definition,
}

impl TokenKind {
    /// The CSS class of the kind (`None` for plain text).
    pub fn css_class(self) -> Option<&'static str> {
        match self {
            TokenKind::Plain => None,
            TokenKind::Keyword => Some("tk-kw"),
            TokenKind::Builtin => Some("tk-bi"),
            TokenKind::String => Some("tk-str"),
            TokenKind::Comment => Some("tk-com"),
            TokenKind::Number => Some("tk-num"),
            TokenKind::Decorator => Some("tk-dec"),
            TokenKind::Definition => Some("tk-def"),
        }
    }
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

const BUILTINS: &[&str] = &[
    "print",
    "len",
    "range",
    "int",
    "str",
    "float",
    "bool",
    "list",
    "dict",
    "set",
    "tuple",
    "bytes",
    "sum",
    "min",
    "max",
    "sorted",
    "enumerate",
    "zip",
    "map",
    "isinstance",
    "open",
    "iter",
    "next",
    "any",
    "all",
    "round",
    "abs",
    "getattr",
    "super",
    "object",
    "type",
    "Exception",
    "BaseException",
    "RuntimeError",
    "ValueError",
    "TypeError",
    "KeyError",
    "OSError",
    "TimeoutError",
    "ExceptionGroup",
    "KeyboardInterrupt",
    "SystemExit",
    "self",
];

/// Splits Python source into highlighted pieces.
pub fn tokenize(src: &str) -> Vec<(TokenKind, &str)> {
    let bytes = src.as_bytes();
    let mut out: Vec<(TokenKind, &str)> = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    let mut after_def = false;
    while i < bytes.len() {
        let c = bytes[i];
        let (kind, end) = if c == b'#' {
            (TokenKind::Comment, src[i..].find('\n').map_or(bytes.len(), |n| i + n))
        } else if let Some(end) = string_end(src, i) {
            (TokenKind::String, end)
        } else if c == b'@' && line_start(bytes, i) {
            let end = i + 1 + ident_len(&bytes[i + 1..]);
            (TokenKind::Decorator, end.max(i + 1))
        } else if c.is_ascii_digit() && (i == 0 || !is_ident(bytes[i - 1])) {
            let mut end = i;
            while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_' || bytes[end] == b'.')
            {
                end += 1;
            }
            (TokenKind::Number, end)
        } else if is_ident_start(c) && (i == 0 || !is_ident(bytes[i - 1])) {
            let end = i + ident_len(&bytes[i..]);
            let word = &src[i..end];
            let kind = if after_def {
                TokenKind::Definition
            } else if KEYWORDS.contains(&word) {
                TokenKind::Keyword
            } else if BUILTINS.contains(&word) {
                TokenKind::Builtin
            } else {
                TokenKind::Plain
            };
            after_def = word == "def" || word == "class";
            if kind == TokenKind::Plain {
                i = end;
                continue;
            }
            (kind, end)
        } else {
            if !c.is_ascii_whitespace() {
                after_def = false;
            }
            i += 1;
            continue;
        };
        if plain_start < i {
            out.push((TokenKind::Plain, &src[plain_start..i]));
        }
        out.push((kind, &src[i..end]));
        i = end;
        plain_start = end;
    }
    if plain_start < bytes.len() {
        out.push((TokenKind::Plain, &src[plain_start..]));
    }
    out
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn ident_len(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|&&c| is_ident(c) || c == b'.').count()
}

fn line_start(bytes: &[u8], i: usize) -> bool {
    bytes[..i].iter().rev().take_while(|&&c| c != b'\n').all(|c| c.is_ascii_whitespace())
}

/// If a string literal (with an optional r/b/f/u prefix) starts at `i`, where it ends.
fn string_end(src: &str, i: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    if i > 0 && is_ident(bytes[i - 1]) {
        return None;
    }
    let mut q = i;
    while q < bytes.len() && q - i < 2 && b"rRbBfFuU".contains(&bytes[q]) {
        q += 1;
    }
    let quote = *bytes.get(q)?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let raw = bytes[i..q].iter().any(|c| *c == b'r' || *c == b'R');
    let triple = bytes.get(q..q + 3) == Some(&[quote, quote, quote][..]);
    let mut j = q + if triple { 3 } else { 1 };
    while j < bytes.len() {
        let c = bytes[j];
        if c == b'\\' && !raw {
            j += 2;
            continue;
        }
        if triple {
            if bytes.get(j..j + 3) == Some(&[quote, quote, quote][..]) {
                return Some(j + 3);
            }
        } else if c == quote {
            return Some(j + 1);
        } else if c == b'\n' {
            return Some(j);
        }
        j += 1;
    }
    Some(bytes.len())
}
