//! What the code checker's web worker answers, read as plain data, and the markup of a checked program:
//! the part of "Check your code" (src/ui/code_check.rs) that needs no browser, so the host tests
//! (tests/code_check.rs) and the worker's own tests (checker/worker/tests) run it without the UI.
//! The worker's answer is plain text (`pyconc_checker::outcome_to_text`, plus the worker's own
//! `not-text` refusal), read by [`Outcome::parse`].

use crate::content::{PITFALLS, Pitfall, QuestionId, ui};
use crate::engine::Answers;
use crate::engine::export::fill;

/// The most findings listed; a program with more gets a note with the count.
pub const MAX_LISTED: usize = 200;

/// What the worker answered for one text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The code was checked (as far as it parsed).
    Checked(Report),
    /// The code was refused before parsing.
    Refused(Refusal),
}

/// A checked program: findings, syntax errors and sure answers, each in source order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub syntax_errors: Vec<SyntaxError>,
    /// Wizard answers the imports make certain, as (question, option index).
    pub suggested: Vec<(QuestionId, u8)>,
}

/// One place where a check fired. Lines and columns are 1-based, columns in characters; the end is
/// exclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The check's id (checker/checks.toml).
    pub check: String,
    /// The id of the pitfall that explains it; `None` for an id this build's content does not know.
    pub pitfall: Option<&'static str>,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// The start of the flagged code, one line.
    pub excerpt: String,
}

impl Finding {
    /// The pitfall that explains the finding, from the app's content.
    pub fn explained_by(&self) -> Option<&'static Pitfall> {
        self.pitfall.and_then(|id| PITFALLS.iter().find(|p| p.id == id))
    }
}

/// A syntax error where the parser reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: u32,
    pub column: u32,
    /// The line looks like Python 2.
    pub python2: bool,
    /// The parser's message (English).
    pub message: String,
}

/// Why a text was not checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Over the checker's limit (1 MB of UTF-8).
    TooLarge { bytes: u64 },
    /// Nothing but white space.
    Empty,
    /// Nested deeper than Python allows, at this position.
    TooDeep { line: u32, column: u32 },
    /// A NUL or U+FFFD at this position: binary, or text that was not UTF-8.
    NotText { line: u32, column: u32 },
}

impl Outcome {
    /// Reads the worker's answer. Records it does not know (a newer worker) are skipped, and so are
    /// suggestions naming a question or option this build lacks.
    pub fn parse(text: &str) -> Outcome {
        let mut report = Report::default();
        for line in text.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            let number = |i: usize| fields.get(i).and_then(|f| f.parse::<u32>().ok()).unwrap_or(1);
            match fields.as_slice() {
                ["X", kind, rest @ ..] => {
                    let at = rest.first().copied().unwrap_or("");
                    let (line, column) =
                        at.split_once(':').map_or((1, 1), |(l, c)| (l.parse().unwrap_or(1), c.parse().unwrap_or(1)));
                    let refusal = match *kind {
                        "too-large" => Refusal::TooLarge { bytes: at.parse().unwrap_or(0) },
                        "too-deep" => Refusal::TooDeep { line, column },
                        "not-text" => Refusal::NotText { line, column },
                        _ => Refusal::Empty,
                    };
                    return Outcome::Refused(refusal);
                }
                ["F", check, pitfall, _, _, _, _, rest @ ..] => report.findings.push(Finding {
                    check: check.to_string(),
                    pitfall: PITFALLS.iter().find(|p| p.id == *pitfall).map(|p| p.id),
                    line: number(3),
                    column: number(4),
                    end_line: number(5),
                    end_column: number(6),
                    excerpt: rest.join(" "),
                }),
                ["E", _, _, kind, rest @ ..] => report.syntax_errors.push(SyntaxError {
                    line: number(1),
                    column: number(2),
                    python2: *kind == "python2",
                    message: rest.join(" "),
                }),
                ["S", question, option] => {
                    let Some(q) = QuestionId::find(question) else { continue };
                    if let Some(o) = q.get().option_index(option) {
                        report.suggested.push((q, o));
                    }
                }
                _ => {}
            }
        }
        Outcome::Checked(report)
    }
}

/// The answers to start the wizard with: `base` (the answers of the page the panel is on, none on the
/// landing) with the checker's sure answers put in, minus answers that then no longer apply. `None`
/// when that changes nothing. Also returns the sure answers the link carries (one that the wizard would
/// not ask given the other answers is left out: it would only be dropped, with a notice, on arrival).
pub fn suggested_answers(base: &Answers, suggested: &[(QuestionId, u8)]) -> Option<(Answers, Vec<(QuestionId, u8)>)> {
    let mut answers = *base;
    for &(q, o) in suggested {
        answers.answer_raw(q, o);
    }
    answers.prune();
    let carried: Vec<(QuestionId, u8)> =
        suggested.iter().copied().filter(|&(q, o)| answers.get(q) == Some(o)).collect();
    (answers != *base && !carried.is_empty()).then_some((answers, carried))
}

/// Where lines `first..=last` (1-based) of `text` lie, in UTF-16 code units as `setSelectionRange`
/// counts them, without the last line's break. Lines past the end select the end of the text.
pub fn line_range_utf16(text: &str, first: u32, last: u32) -> (u32, u32) {
    let units = |s: &str| s.encode_utf16().count() as u32;
    let (mut start, mut end, mut offset) = (None, None, 0u32);
    for (i, line) in text.split('\n').enumerate() {
        let n = i as u32 + 1;
        let content = line.strip_suffix('\r').unwrap_or(line);
        if n == first {
            start = Some(offset);
        }
        if n >= first && n <= last {
            end = Some(offset + units(content));
        }
        offset += units(line) + 1;
    }
    let total = units(text);
    let start = start.unwrap_or(total);
    (start, end.unwrap_or(start).max(start))
}

/// What the report's markup depends on besides the report.
pub struct ReportPage<'a> {
    pub lang: crate::content::Lang,
    /// The pitfall ids of the result's checklist.
    pub checklist: &'a [&'static str],
    /// The query of the "start the wizard" link, if the sure answers change anything.
    pub link: Option<&'a str>,
    /// The sure answers that link carries; without a link, those the page's answers already hold (the
    /// report says they agree only then).
    pub carried: &'a [(QuestionId, u8)],
}

/// The markup of a checked program (see `ReportView`): every text from the code is escaped, and so is
/// every content text (whose `backticks` become `<code>`).
pub fn report_html(report: &Report, page: &ReportPage) -> String {
    let lang = page.lang;
    let t = |text: crate::content::Text| text.get(lang);
    let position = |line: u32, column: u32| {
        fill(t(ui::CODE_CHECK_POSITION), &[("line", line.to_string()), ("column", column.to_string())])
    };
    let mut out = String::new();
    if !report.findings.is_empty() {
        out.push_str(&format!("<ol class=\"pc-findings\" aria-label=\"{}\">", escape(t(ui::CODE_CHECK_FINDINGS))));
        for f in report.findings.iter().take(MAX_LISTED) {
            let pitfall = f.explained_by();
            out.push_str(&format!(
                "<li class=\"pc-finding\" data-pitfall=\"{}\" data-check=\"{}\"><button type=\"button\" class=\"pc-link-button pc-finding__go\" data-lines=\"{} {}\"><span class=\"pc-finding__where\">{}</span>{}<span class=\"pc-finding__title\">{}</span></button>",
                escape(f.pitfall.unwrap_or("")),
                escape(&f.check),
                f.line,
                f.end_line,
                escape(&position(f.line, f.column)),
                escape(t(ui::LABEL_SEP)),
                pitfall.map_or_else(|| format!("<code>{}</code>", escape(&f.check)), |p| rich(t(p.title))),
            ));
            if let Some(id) = f.pitfall.filter(|id| page.checklist.contains(id)) {
                out.push_str(&format!(
                    " <a class=\"pc-badge pc-badge--found\" href=\"#pitfall-{}\">{}</a>",
                    escape(id),
                    escape(t(ui::CODE_CHECK_IN_CHECKLIST))
                ));
            }
            out.push_str(&format!(
                "<pre class=\"pc-finding__code\" translate=\"no\"><code>{}</code></pre>",
                escape(&f.excerpt)
            ));
            if let Some(p) = pitfall {
                out.push_str(&format!(
                    "<dl class=\"pc-finding__why\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>",
                    escape(t(ui::SYMPTOM)),
                    rich(t(p.symptom)),
                    escape(t(ui::FIX)),
                    rich(t(p.fix))
                ));
            }
            out.push_str("</li>");
        }
        out.push_str("</ol>");
        if report.findings.len() > MAX_LISTED {
            let more = fill(
                t(ui::CODE_CHECK_MORE),
                &[("shown", MAX_LISTED.to_string()), ("n", report.findings.len().to_string())],
            );
            out.push_str(&format!("<p class=\"pc-note\">{}</p>", escape(&more)));
        }
    }
    if !report.syntax_errors.is_empty() {
        out.push_str(&format!(
            "<h3 class=\"pc-code-check__subtitle\">{}</h3><p>{}</p><ul class=\"pc-code-check__errors\" data-testid=\"code-check-syntax\">",
            escape(t(ui::CODE_CHECK_SYNTAX_TITLE)),
            escape(t(ui::CODE_CHECK_SYNTAX_NOTE))
        ));
        for e in &report.syntax_errors {
            out.push_str(&format!(
                "<li><button type=\"button\" class=\"pc-link-button\" data-lines=\"{} {}\">{}</button>{}<span lang=\"en\" translate=\"no\">{}</span>",
                e.line,
                e.line,
                escape(&position(e.line, e.column)),
                escape(t(ui::LABEL_SEP)),
                escape(&e.message)
            ));
            if e.python2 {
                out.push_str(&format!(" <span>{}</span>", escape(t(ui::CODE_CHECK_PYTHON2))));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    if !report.suggested.is_empty() {
        out.push_str("<div class=\"pc-code-check__suggest\" data-testid=\"code-check-suggestions\">");
        match page.link {
            Some(query) => {
                out.push_str(&format!(
                    "<h3 class=\"pc-code-check__subtitle\">{}</h3><ul>",
                    escape(t(ui::CODE_CHECK_SUGGEST_TITLE))
                ));
                for &(q, o) in page.carried {
                    let question = q.get();
                    out.push_str(&format!(
                        "<li>{}</li>",
                        escape(&crate::engine::export::labelled(
                            t(question.short),
                            t(question.options[o as usize].label),
                            lang
                        ))
                    ));
                }
                out.push_str(&format!(
                    "</ul><a class=\"pc-button\" href=\"?{}\" data-wizard>{}</a>",
                    escape(query),
                    escape(t(ui::CODE_CHECK_SUGGEST_LINK))
                ));
            }
            None if !page.carried.is_empty() => {
                out.push_str(&format!("<p class=\"pc-note\">{}</p>", escape(t(ui::CODE_CHECK_SUGGEST_SAME))))
            }
            None => {}
        }
        out.push_str("</div>");
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A content text as `RichText` shows it: `backticked` spans as inline code, everything escaped.
fn rich(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(i, piece)| if i % 2 == 1 { format!("<code>{}</code>", escape(piece)) } else { escape(piece) })
        .collect()
}

/// The number of checks in checker/checks.toml, for the "nothing found" message; the app does not link
/// the checker, so checker/worker/tests/pitfalls.rs keeps the two in step.
pub const CHECK_COUNT: usize = 33;
