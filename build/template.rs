//! Template tags (`{{#if C}}`, `{{#elif C}}`, `{{#else}}`, `{{/if}}`, each alone on a line), parsed at
//! build time into nested segments written as Rust source.
//!
//! `{{> name}}`, alone on a line, stands for the lines of the partial `partials/name.py` next to the
//! templates: a helper that several templates hand out word for word is written once. A partial may hold
//! tags and other partials; its blocks must close within it.

use super::condition::{self, Ast, Vocabulary};

pub enum Node {
    Lines(String),
    Choice(Vec<(Ast, Vec<Node>)>),
}

enum Tag<'a> {
    If(&'a str),
    Elif(&'a str),
    Else,
    End,
}

/// The name of the partial a `{{> name}}` line includes, if it is one.
fn include(line: &str) -> Result<Option<&str>, String> {
    let t = line.trim();
    let Some(rest) = t.strip_prefix("{{>") else { return Ok(None) };
    let name = rest
        .strip_suffix("}}")
        .map(str::trim)
        .ok_or_else(|| format!("an include must stand alone on its line: `{t}`"))?;
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        return Err(format!("a partial's name is lowercase letters, digits and `_`: `{t}`"));
    }
    Ok(Some(name))
}

/// The lines of `src` with every include replaced by the partial's lines, each line with where it comes
/// from (for error messages). `load` reads a partial by name.
fn expand(
    src: &str,
    origin: &str,
    load: &dyn Fn(&str) -> Result<String, String>,
    depth: usize,
) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let at = |e: String| format!("{origin}line {}: {e}", n + 1);
        match include(line).map_err(at)? {
            None => out.push((format!("{origin}line {}", n + 1), line.to_string())),
            Some(_) if depth >= 8 => return Err(at("partials nested more than 8 deep (one includes itself?)".into())),
            Some(name) => {
                let text = load(name).map_err(at)?;
                let lines = expand(&text, &format!("partials/{name}.py "), load, depth + 1)?;
                // A partial's blocks close within it: an include cannot open or end a block of its caller.
                balanced(&lines).map_err(|e| at(format!("in partial `{name}`: {e}")))?;
                out.extend(lines);
            }
        }
    }
    Ok(out)
}

/// Whether every block these lines open is closed in them, and none closes or continues an outer one.
fn balanced(lines: &[(String, String)]) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    for (origin, line) in lines {
        match tag(line).map_err(|e| format!("{origin}: {e}"))? {
            Some(Tag::If(_)) => open.push(origin),
            Some(Tag::Elif(_) | Tag::Else) if open.is_empty() => {
                return Err(format!("{origin}: continues a block it did not open"));
            }
            Some(Tag::End) if open.pop().is_none() => return Err(format!("{origin}: closes a block it did not open")),
            _ => {}
        }
    }
    match open.last() {
        Some(origin) => Err(format!("the block opened at {origin} is never closed")),
        None => Ok(()),
    }
}

fn tag(line: &str) -> Result<Option<Tag<'_>>, String> {
    let t = line.trim();
    if !(t.starts_with("{{#") || t.starts_with("{{/")) {
        return Ok(None);
    }
    let inner = t
        .strip_prefix("{{")
        .and_then(|s| s.strip_suffix("}}"))
        .ok_or_else(|| format!("a tag must stand alone on its line: `{t}`"))?;
    if let Some(c) = inner.strip_prefix("#if ") {
        Ok(Some(Tag::If(c)))
    } else if let Some(c) = inner.strip_prefix("#elif ") {
        Ok(Some(Tag::Elif(c)))
    } else if inner == "#else" {
        Ok(Some(Tag::Else))
    } else if inner == "/if" {
        Ok(Some(Tag::End))
    } else {
        Err(format!("unknown tag `{t}`"))
    }
}

/// Parses a template file into nodes, its partials (read by `load`) included.
pub fn parse(
    src: &str,
    vocab: &Vocabulary,
    load: &dyn Fn(&str) -> Result<String, String>,
) -> Result<Vec<Node>, String> {
    parse_lines(&expand(src, "", load, 0)?, vocab)
}

fn parse_lines(lines: &[(String, String)], vocab: &Vocabulary) -> Result<Vec<Node>, String> {
    // A stack of open blocks: the nodes of the enclosing level, the branches so far and the open branch.
    struct Open {
        outer: Vec<Node>,
        branches: Vec<(Ast, Vec<Node>)>,
        cond: Ast,
        seen_else: bool,
        line: String,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut current: Vec<Node> = Vec::new();
    for (origin, line) in lines {
        let line = line.as_str();
        let at = |e: String| format!("{origin}: {e}");
        match tag(line).map_err(at)? {
            None => {
                if let Some(Node::Lines(text)) = current.last_mut() {
                    text.push_str(line);
                    text.push('\n');
                } else {
                    current.push(Node::Lines(format!("{line}\n")));
                }
            }
            Some(Tag::If(c)) => {
                let cond = condition::parse(c, vocab).map_err(at)?;
                let outer = std::mem::take(&mut current);
                stack.push(Open { outer, branches: Vec::new(), cond, seen_else: false, line: origin.clone() });
            }
            Some(Tag::Elif(_)) | Some(Tag::Else) if stack.is_empty() => {
                return Err(at(format!("`{}` outside an if block", line.trim())));
            }
            Some(Tag::Elif(c)) => {
                let open = stack.last_mut().unwrap();
                if open.seen_else {
                    return Err(at("`elif` after `else`".into()));
                }
                let cond = condition::parse(c, vocab).map_err(at)?;
                let done = std::mem::replace(&mut open.cond, cond);
                open.branches.push((done, std::mem::take(&mut current)));
            }
            Some(Tag::Else) => {
                let open = stack.last_mut().unwrap();
                if open.seen_else {
                    return Err(at("a second `else`".into()));
                }
                open.seen_else = true;
                let done = std::mem::replace(&mut open.cond, Ast::Always);
                open.branches.push((done, std::mem::take(&mut current)));
            }
            Some(Tag::End) => {
                let mut open = stack.pop().ok_or_else(|| at("`/if` without an open block".into()))?;
                open.branches.push((open.cond, std::mem::take(&mut current)));
                current = open.outer;
                current.push(Node::Choice(open.branches));
            }
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("the block opened at {} is never closed", open.line));
    }
    Ok(fold(current))
}

/// Works out the branches whose condition is a constant (the `model` tests, settled for the template
/// being compiled): a branch that can never be taken goes, one that is always taken replaces its block,
/// and the lines around it join into one piece.
fn fold(nodes: Vec<Node>) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::new();
    let push = |out: &mut Vec<Node>, node: Node| match (out.last_mut(), node) {
        (Some(Node::Lines(text)), Node::Lines(more)) => text.push_str(&more),
        (_, node) => out.push(node),
    };
    for node in nodes {
        match node {
            Node::Lines(text) => push(&mut out, Node::Lines(text)),
            Node::Choice(branches) => {
                let mut kept: Vec<(Ast, Vec<Node>)> = Vec::new();
                let mut taken: Option<Vec<Node>> = None;
                for (cond, body) in branches {
                    match cond.fold() {
                        Ok(false) => {}
                        Ok(true) => {
                            taken = Some(fold(body));
                            break;
                        }
                        Err(cond) => kept.push((cond, fold(body))),
                    }
                }
                match (kept.is_empty(), taken) {
                    (true, Some(body)) => body.into_iter().for_each(|n| push(&mut out, n)),
                    (true, None) => {}
                    (false, taken) => {
                        kept.extend(taken.map(|body| (Ast::Always, body)));
                        push(&mut out, Node::Choice(kept));
                    }
                }
            }
        }
    }
    out
}

/// Rust source for a `&[Segment]`; `code` moves a piece of code to the packs and gives its index.
pub fn emit(nodes: &[Node], code: &mut dyn FnMut(&str) -> u16) -> String {
    let items: Vec<String> = nodes
        .iter()
        .map(|node| match node {
            Node::Lines(text) => format!("Segment::Lines(Code({}))", code(text)),
            Node::Choice(branches) => {
                let arms: Vec<String> =
                    branches.iter().map(|(c, body)| format!("({}, {})", c.emit(), emit(body, code))).collect();
                format!("Segment::Choice(&[{}])", arms.join(", "))
            }
        })
        .collect();
    format!("&[{}]", items.join(", "))
}
