//! The condition language of the content (see src/content/README.md): parsed and resolved at build time
//! into `Cond` values written as Rust source.

use std::collections::BTreeSet;

/// What a condition may refer to: questions in order, each with its option ids in order.
pub struct Vocabulary<'a> {
    pub questions: Vec<(&'a str, Vec<&'a str>)>,
    /// Inside a template: the model the template belongs to, and every model id. `model = X` is then
    /// settled at build time (a template file shared by several models' entries picks its code by it).
    pub model: Option<(&'a str, Vec<&'a str>)>,
}

impl Vocabulary<'_> {
    fn question(&self, id: &str) -> Result<(usize, &[&str]), String> {
        self.questions
            .iter()
            .position(|(q, _)| *q == id)
            .map(|i| (i, self.questions[i].1.as_slice()))
            .ok_or_else(|| format!("unknown question `{id}`"))
    }
}

#[derive(Debug, Clone)]
pub enum Ast {
    Always,
    In(usize, Vec<usize>),
    Cmp(usize, &'static str, usize),
    Not(Box<Ast>),
    All(Vec<Ast>),
    Any(Vec<Ast>),
}

impl Ast {
    /// The questions this condition reads.
    pub fn reads(&self, out: &mut BTreeSet<usize>) {
        match self {
            Ast::Always => {}
            Ast::In(q, _) | Ast::Cmp(q, _, _) => {
                out.insert(*q);
            }
            Ast::Not(inner) => inner.reads(out),
            Ast::All(items) | Ast::Any(items) => items.iter().for_each(|c| c.reads(out)),
        }
    }

    /// The condition with its constant parts worked out (a template's `model` tests become constants):
    /// `Ok(b)` when it is always `b`, else the condition that remains.
    pub fn fold(self) -> Result<bool, Ast> {
        match self {
            Ast::Always => Ok(true),
            Ast::Not(inner) => match inner.fold() {
                Ok(b) => Ok(!b),
                Err(rest) => Err(Ast::Not(Box::new(rest))),
            },
            Ast::All(items) => Self::fold_list(items, true).map_err(Ast::All),
            Ast::Any(items) => Self::fold_list(items, false).map_err(Ast::Any),
            other => Err(other),
        }
    }

    /// `All` (unit `true`) or `Any` (unit `false`): a constant item equal to the unit drops out, the other
    /// constant decides the whole list.
    fn fold_list(items: Vec<Ast>, unit: bool) -> Result<bool, Vec<Ast>> {
        let mut rest = Vec::new();
        for item in items {
            match item.fold() {
                Ok(b) if b == unit => {}
                Ok(b) => return Ok(b),
                Err(c) => rest.push(c),
            }
        }
        if rest.is_empty() { Ok(unit) } else { Err(rest) }
    }

    /// Rust source for the `Cond` value.
    pub fn emit(&self) -> String {
        match self {
            Ast::Always => "Cond::Always".into(),
            Ast::In(q, opts) => format!("Cond::In(QuestionId({q}), &{opts:?})"),
            Ast::Cmp(q, op, o) => format!("Cond::Cmp(QuestionId({q}), CmpOp::{op}, {o})"),
            Ast::Not(inner) => format!("Cond::Not(&{})", inner.emit()),
            Ast::All(items) => format!("Cond::All(&[{}])", join(items)),
            Ast::Any(items) => format!("Cond::Any(&[{}])", join(items)),
        }
    }
}

fn join(items: &[Ast]) -> String {
    items.iter().map(Ast::emit).collect::<Vec<_>>().join(", ")
}

/// Parses and resolves a condition.
pub fn parse(src: &str, vocab: &Vocabulary) -> Result<Ast, String> {
    let tokens = tokenize(src)?;
    let mut parser = Parser { tokens, pos: 0, vocab };
    let ast = parser.or()?;
    if parser.pos != parser.tokens.len() {
        return Err(format!("unexpected `{}` in `{src}`", parser.tokens[parser.pos]));
    }
    Ok(ast)
}

fn tokenize(src: &str) -> Result<Vec<String>, String> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if "[](),".contains(c) {
            tokens.push(c.to_string());
            i += 1;
        } else if "=!<>".contains(c) {
            let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            if ["!=", ">=", "<="].contains(&two.as_str()) {
                tokens.push(two);
                i += 2;
            } else if c == '!' {
                return Err(format!("`!` must be followed by `=` in `{src}`"));
            } else {
                tokens.push(c.to_string());
                i += 1;
            }
        } else if c.is_ascii_alphanumeric() || "_.-".contains(c) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || "_.-".contains(chars[i])) {
                i += 1;
            }
            tokens.push(chars[start..i].iter().collect());
        } else {
            return Err(format!("unexpected character `{c}` in `{src}`"));
        }
    }
    Ok(tokens)
}

struct Parser<'a> {
    tokens: Vec<String>,
    pos: usize,
    vocab: &'a Vocabulary<'a>,
}

impl Parser<'_> {
    /// `model = X`, `model != X` or `model in [X, Y]`, only in templates: true or false for the template
    /// being compiled.
    fn model_test(&mut self) -> Result<Ast, String> {
        let Some((own, all)) = &self.vocab.model else {
            return Err("`model` can be tested only in a template".into());
        };
        let known = |id: &str| {
            if all.contains(&id) { Ok(id == *own) } else { Err(format!("unknown model `{id}`")) }
        };
        let op = self.next()?;
        let holds = match op.as_str() {
            "=" => known(&self.next()?)?,
            "!=" => !known(&self.next()?)?,
            "in" => {
                self.expect("[")?;
                let mut any = known(&self.next()?)?;
                while self.peek() == Some(",") {
                    self.pos += 1;
                    any |= known(&self.next()?)?;
                }
                self.expect("]")?;
                any
            }
            other => return Err(format!("expected `=`, `!=` or `in` after `model`, found `{other}`")),
        };
        Ok(if holds { Ast::Always } else { Ast::Not(Box::new(Ast::Always)) })
    }

    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.pos).map(String::as_str)
    }

    fn next(&mut self) -> Result<String, String> {
        let token = self.tokens.get(self.pos).cloned().ok_or("the condition ends too early")?;
        self.pos += 1;
        Ok(token)
    }

    fn expect(&mut self, want: &str) -> Result<(), String> {
        let got = self.next()?;
        if got == want { Ok(()) } else { Err(format!("expected `{want}`, found `{got}`")) }
    }

    fn or(&mut self) -> Result<Ast, String> {
        self.joined("or", Parser::and, Ast::Any)
    }

    fn and(&mut self) -> Result<Ast, String> {
        self.joined("and", Parser::not, Ast::All)
    }

    /// `item (word item)*`: one item alone, or all of them joined by `join`.
    fn joined(
        &mut self,
        word: &str,
        item: fn(&mut Self) -> Result<Ast, String>,
        join: fn(Vec<Ast>) -> Ast,
    ) -> Result<Ast, String> {
        let mut items = vec![item(self)?];
        while self.peek() == Some(word) {
            self.pos += 1;
            items.push(item(self)?);
        }
        Ok(if items.len() == 1 { items.pop().unwrap() } else { join(items) })
    }

    fn not(&mut self) -> Result<Ast, String> {
        if self.peek() == Some("not") {
            self.pos += 1;
            return Ok(Ast::Not(Box::new(self.not()?)));
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Ast, String> {
        let first = self.next()?;
        if first == "(" {
            let inner = self.or()?;
            self.expect(")")?;
            return Ok(inner);
        }
        if first == "always" {
            return Ok(Ast::Always);
        }
        if first == "model" {
            return self.model_test();
        }
        let (q, options) = self.vocab.question(&first)?;
        let option = |id: &str| {
            options.iter().position(|o| *o == id).ok_or_else(|| format!("question `{first}` has no option `{id}`"))
        };
        let op = self.next()?;
        match op.as_str() {
            "=" => Ok(Ast::In(q, vec![option(&self.next()?)?])),
            "!=" => Ok(Ast::Not(Box::new(Ast::In(q, vec![option(&self.next()?)?])))),
            "in" => {
                self.expect("[")?;
                let mut picked = vec![option(&self.next()?)?];
                while self.peek() == Some(",") {
                    self.pos += 1;
                    picked.push(option(&self.next()?)?);
                }
                self.expect("]")?;
                Ok(Ast::In(q, picked))
            }
            "<" | "<=" | ">" | ">=" => {
                let name = match op.as_str() {
                    "<" => "Lt",
                    "<=" => "Le",
                    ">" => "Gt",
                    _ => "Ge",
                };
                Ok(Ast::Cmp(q, name, option(&self.next()?)?))
            }
            other => Err(format!("expected `=`, `!=`, `in` or a comparison after `{first}`, found `{other}`")),
        }
    }
}
