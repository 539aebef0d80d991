//! Checks pasted Python code for concurrency pitfalls.
//!
//! The code is parsed by ruff's Python parser (with error recovery, so a file with a syntax error is
//! still checked as far as it parsed), and the rules of [`rules`] walk the syntax tree. Every check is
//! listed in checks.toml with the id of the pitfall (src/content/data/pitfalls.toml) that explains it;
//! a finding carries both ids and a position, and the app shows the pitfall's title, symptom and fix.
//!
//! The crate is pure Rust with no browser or app dependency, so `cargo test -p pyconc-checker` covers it
//! on the host, and the same code runs in a web worker.

mod checks;
mod facts;
mod rules;
mod source;
mod suggest;

pub use checks::{CHECKS, Check, Rule};

use ruff_python_ast::Mod;
use ruff_python_parser::{Mode, ParseOptions, parse_unchecked};
use source::{LineIndex, TooDeep};

/// The largest input checked, in bytes (UTF-8). Anything larger is refused without parsing.
pub const MAX_BYTES: usize = 1_000_000;

/// What the checker found in one program.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// Findings, in source order.
    pub findings: Vec<Finding>,
    /// Syntax errors, in source order. The checks still ran on what the parser recovered.
    pub syntax_errors: Vec<SyntaxIssue>,
    /// Wizard answers the imports make certain, as (question id, option id): `("where", "aweb")`.
    pub suggested: Vec<(&'static str, &'static str)>,
}

/// One place where a check fired. Positions are 1-based; columns count characters (Unicode scalar
/// values) from the start of the line; the end is exclusive, just past the last character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The check's id (checks.toml).
    pub check: &'static str,
    /// The pitfall's id (src/content/data/pitfalls.toml).
    pub pitfall: &'static str,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// The start of the flagged code, on one line, at most 80 characters.
    pub excerpt: String,
}

/// A syntax error, at the position the parser reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxIssue {
    pub line: u32,
    pub column: u32,
    /// The parser's message (English).
    pub message: String,
    /// The line looks like Python 2 (`print "x"`, `except E, e`, `0777`…): the checker reads Python 3.
    pub python2: bool,
}

/// Input the checker refuses, without parsing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckError {
    /// More than [`MAX_BYTES`] bytes.
    TooLarge { bytes: usize },
    /// Nothing but white space.
    Empty,
    /// Nested deeper than Python itself allows (200 brackets, 100 indented blocks) or an expression
    /// chaining more than 1,000 operators: the position where the limit was passed.
    TooDeep { line: u32, column: u32 },
}

/// Checks one program.
pub fn check(source: &str) -> Result<Report, CheckError> {
    if source.len() > MAX_BYTES {
        return Err(CheckError::TooLarge { bytes: source.len() });
    }
    if source.trim().is_empty() {
        return Err(CheckError::Empty);
    }
    let index = LineIndex::new(source);
    if let Err(deep) = source::nesting_guard(source) {
        let (TooDeep::Brackets(at) | TooDeep::Indent(at) | TooDeep::Chain(at)) = deep;
        let (line, column) = index.position(at);
        return Err(CheckError::TooDeep { line, column });
    }
    let mut parsed = parse_unchecked(source, ParseOptions::from(Mode::Module));
    if !parsed.errors().is_empty() && has_ipython_syntax(source) {
        let notebook = parse_unchecked(source, ParseOptions::from(Mode::Ipython));
        if notebook.errors().len() < parsed.errors().len() {
            parsed = notebook;
        }
    }
    let mut report = Report::default();
    let mut last_line = 0;
    for error in parsed.errors() {
        let start = error.location.start().to_usize();
        let (line, column) = index.position(start);
        let message = error.error.to_string();
        // One typo makes the parser stumble several times: the first error of a line is the one to
        // read, and an indented block under a line that failed follows from it.
        if line == last_line || (line == last_line + 1 && message == "Unexpected indentation") {
            continue;
        }
        last_line = line;
        report.syntax_errors.push(SyntaxIssue {
            line,
            column,
            message,
            python2: source::looks_like_python2(index.line_text(start)),
        });
    }
    let Mod::Module(module) = parsed.syntax() else {
        return Ok(report);
    };
    let mut facts = facts::Facts::collect(&module.body);
    facts.broken_guard =
        parsed.errors().iter().any(|e| index.line_text(e.location.start().to_usize()).contains("__name__"));
    for at in rules::python2_excepts(&module.body) {
        let (line, column) = index.position(at);
        if !report.syntax_errors.iter().any(|e| e.line == line) {
            report.syntax_errors.push(SyntaxIssue {
                line,
                column,
                message: "`except E, name:` is Python 2: Python 3 before 3.14 refuses it and 3.14 reads `name` as a \
                          second exception type; write `except E as name:`"
                    .to_string(),
                python2: true,
            });
        }
    }
    report.syntax_errors.sort_by_key(|e| (e.line, e.column));
    let mut hits = rules::run(&module.body, &facts, source);
    hits.sort_by_key(|h| (h.range.start(), h.range.end(), CHECKS.iter().position(|c| c.id == h.check.id)));
    hits.dedup_by(|a, b| a.check.id == b.check.id && a.range.start() == b.range.start());
    for hit in hits {
        let (start, end) = (hit.range.start().to_usize(), hit.range.end().to_usize());
        let (line, column) = index.position(start);
        let (end_line, end_column) = index.position(end);
        report.findings.push(Finding {
            check: hit.check.id,
            pitfall: hit.check.pitfall,
            line,
            column,
            end_line,
            end_column,
            excerpt: source::excerpt(source, start, end, 80),
        });
    }
    report.suggested = suggest::suggest(&facts);
    Ok(report)
}

/// Lines that only parse in a notebook: `%magic`, `!shell`, `name?`.
fn has_ipython_syntax(source: &str) -> bool {
    source.lines().any(|l| {
        let t = l.trim();
        t.starts_with('%') || t.starts_with('!') || (t.ends_with('?') && !t.starts_with('#'))
    })
}

/// The outcome of [`check`] as plain text, one record a line, fields separated by tabs (free text has
/// its tabs and line breaks replaced by spaces):
///
/// ```text
/// F <check> <pitfall> <line> <column> <end line> <end column> <excerpt>
/// E <line> <column> <syntax|python2> <message>
/// S <question> <option>
/// X <too-large|empty|too-deep> <bytes | line:column | nothing>
/// ```
///
/// A report gives its F lines, then E, then S; a refused input gives one X line. Empty text means a
/// clean program.
pub fn outcome_to_text(outcome: &Result<Report, CheckError>) -> String {
    match outcome {
        Ok(report) => report_to_text(report),
        Err(CheckError::TooLarge { bytes }) => format!("X\ttoo-large\t{bytes}\n"),
        Err(CheckError::Empty) => "X\tempty\t\n".to_string(),
        Err(CheckError::TooDeep { line, column }) => format!("X\ttoo-deep\t{line}:{column}\n"),
    }
}

/// A report as plain text (see [`outcome_to_text`]).
pub fn report_to_text(report: &Report) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut out = String::new();
    for f in &report.findings {
        out.push_str(&format!(
            "F\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            f.check,
            f.pitfall,
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            clean(&f.excerpt)
        ));
    }
    for e in &report.syntax_errors {
        let kind = if e.python2 { "python2" } else { "syntax" };
        out.push_str(&format!("E\t{}\t{}\t{kind}\t{}\n", e.line, e.column, clean(&e.message)));
    }
    for (key, value) in &report.suggested {
        out.push_str(&format!("S\t{key}\t{value}\n"));
    }
    out
}
