//! What leaves the app as a file: the template as a `.py` file whose header holds the share link, the
//! answers in words and the content version.

use crate::content::{Lang, META, ModelId, QuestionId, Severity, Text, ui};
use crate::engine::recommendation::{CloseCall, Recommendation, template_for};
use crate::engine::{Answers, Change};

/// Fills `{name}` placeholders of an interface text.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// "label: value" with the language's separator (ui.toml `label_sep`: ": " in English, "：" in Chinese).
pub fn labelled(label: &str, value: &str, lang: Lang) -> String {
    format!("{label}{}{value}", ui::LABEL_SEP.get(lang))
}

/// A short aside in the language's parentheses, after what it qualifies (ui.toml `in_parens`: " (…)" in
/// English, "（…）" with no space in Chinese).
pub fn in_parens(text: &str, lang: Lang) -> String {
    fill(ui::IN_PARENS.get(lang), &[("text", text.to_string())])
}

/// A source link in the reader's language: a page of the English Python docs (ui.toml `python_docs`)
/// becomes the same page of `lang`'s translation; any other link stays as it is.
pub fn doc_link(url: &str, lang: Lang) -> String {
    match url.strip_prefix(ui::PYTHON_DOCS.get(Lang::En)) {
        Some(page) => format!("{}{page}", ui::PYTHON_DOCS.get(lang)),
        None => url.to_string(),
    }
}

/// The word for a pitfall's severity, in the interface's language.
pub fn severity_word(severity: Severity) -> Text {
    match severity {
        Severity::High => ui::SEVERITY_HIGH,
        Severity::Medium => ui::SEVERITY_MEDIUM,
        Severity::Low => ui::SEVERITY_LOW,
    }
}

/// "If “question” were “answer”, you would get …": one answer that changes the model.
pub fn change_sentence(change: &Change, lang: Lang) -> String {
    let q = change.question.get();
    let values = |models: String| {
        vec![
            ("question", q.short.get(lang).to_string()),
            ("answer", q.options[change.option as usize].label.get(lang).to_string()),
            ("model", models.clone()),
            ("models", models),
        ]
    };
    match change.certain() {
        Some(m) => fill(ui::CHANGE_ONE.get(lang), &values(m.get().name.get(lang).to_string())),
        None => {
            let names: Vec<&str> = change.outcomes.iter().map(|(m, _)| m.get().name.get(lang)).collect();
            fill(ui::CHANGE_SOME.get(lang), &values(names.join(ui::CHANGE_OR.get(lang))))
        }
    }
}

/// A close call in words: the sentence naming the runner-up, and one line per answer that separates
/// `winner` from it.
pub fn close_call_text(winner: ModelId, call: &CloseCall, answers: &Answers, lang: Lang) -> (String, Vec<String>) {
    let winner = winner.get().name.get(lang).to_string();
    let runner = call.runner_up.get().name.get(lang).to_string();
    let template = if call.margin == 0 { ui::CLOSE_CALL_TIE } else { ui::CLOSE_CALL_MARGIN };
    let lede = fill(
        template.get(lang),
        &[("winner", winner.clone()), ("runner", runner.clone()), ("margin", call.margin.to_string())],
    );
    let rows = call
        .separating
        .iter()
        .filter_map(|&(q, for_winner, for_runner)| {
            let o = answers.get(q)?;
            Some(fill(
                ui::CLOSE_CALL_ROW.get(lang),
                &[
                    ("question", q.get().short.get(lang).to_string()),
                    ("answer", q.get().options[o as usize].label.get(lang).to_string()),
                    ("winner", winner.clone()),
                    ("runner", runner.clone()),
                    ("for_winner", format!("{for_winner:+}")),
                    ("for_runner", format!("{for_runner:+}")),
                ],
            ))
        })
        .collect();
    (lede, rows)
}

/// The content's version and date: "1.4 (2026-12-07)", "1.4（2026-12-07）".
fn content_version(lang: Lang) -> String {
    format!("{}{}", META.version, in_parens(META.date, lang))
}

/// A file to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub content: String,
}

/// The answers in words, one "Question: answer" line each, in the order asked.
pub fn answers_in_words(answers: &Answers, lang: Lang) -> Vec<String> {
    answers
        .path()
        .into_iter()
        .filter_map(|q: QuestionId| {
            let o = answers.get(q)?;
            let question = q.get();
            Some(labelled(question.short.get(lang), question.options[o as usize].label.get(lang), lang))
        })
        .collect()
}

/// The template of `model` for `answers` as a Python file, named like the template (after the model,
/// and never after a package it imports, which the file would hide).
pub fn python_file(model: ModelId, answers: &Answers, link: &str, lang: Lang) -> ExportFile {
    let template = template_for(model, answers);
    let mut header = vec![
        format!("# {} — {}", ui::APP_TITLE.get(lang), template.title.get(lang)),
        format!("# {}", labelled(ui::EXPORT_LINK.get(lang), link, lang)),
        format!("# {}", labelled(ui::YOUR_ANSWERS.get(lang), "", lang).trim_end()),
    ];
    header.extend(answers_in_words(answers, lang).into_iter().map(|line| format!("#   {line}")));
    header.push(format!("# {}", labelled(ui::EXPORT_CONTENT.get(lang), &content_version(lang), lang)));
    let body = template.render(answers);
    ExportFile {
        name: template.file.to_string(),
        mime: "text/x-python",
        content: format!("{}\n\n{body}", header.join("\n")),
    }
}

/// The whole report as Markdown: recommendation, why, alternatives, the checklist with its checked
/// state, the template, sources and the link.
pub fn markdown_report(answers: &Answers, link: &str, lang: Lang, checked: &[&str]) -> ExportFile {
    let rec = Recommendation::for_answers(answers);
    let model = rec.model.get();
    let t = |text: crate::content::Text| text.get(lang);
    let mut md = Vec::new();
    md.push(format!("# {}", labelled(t(ui::RESULT_TITLE), t(model.name), lang)));
    md.push(String::new());
    md.push(format!("{}\n\n{}", t(model.tagline), t(model.summary)));
    md.push(String::new());
    md.push(labelled(t(ui::EXPORT_LINK), &format!("<{link}>"), lang));
    md.push(String::new());
    md.push(format!("## {}", t(ui::YOUR_ANSWERS)));
    md.push(String::new());
    md.extend(answers_in_words(answers, lang).into_iter().map(|l| format!("- {l}")));
    md.push(String::new());
    md.push(format!("## {}", t(ui::TRAIL_TITLE)));
    md.push(String::new());
    for e in &rec.trail {
        md.push(format!("- ({:+}) {}", e.rule.score, t(e.rule.why)));
    }
    md.push(String::new());
    if let Some(host) = rec.integration {
        md.push(format!("## {}", t(ui::HOST_TITLE)));
        md.push(String::new());
        md.push(format!("**{}**", t(host.title)));
        md.push(String::new());
        for (i, step) in host.steps.iter().enumerate() {
            md.push(format!("{}. {}", i + 1, t(*step)));
        }
        md.push(String::new());
        md.push(labelled(t(ui::SOURCE), &doc_link(host.source.get(), lang), lang));
        md.push(String::new());
    }
    if let Some((lede, rows)) = rec.close_call.as_ref().map(|call| close_call_text(rec.model, call, answers, lang)) {
        md.push(format!("## {}", t(ui::CLOSE_CALL_TITLE)));
        md.push(String::new());
        md.push(lede);
        md.push(String::new());
        md.extend(rows.into_iter().map(|r| format!("- {r}")));
        md.push(String::new());
    }
    md.push(format!("## {}", t(ui::CHANGE_TITLE)));
    md.push(String::new());
    let changes = crate::engine::what_would_change(answers);
    if changes.is_empty() {
        md.push(t(ui::CHANGE_NONE).to_string());
    }
    md.extend(changes.iter().map(|c| format!("- {}", change_sentence(c, lang))));
    md.push(String::new());
    md.push(format!("## {}", t(ui::ALTERNATIVES_TITLE)));
    md.push(String::new());
    for a in &rec.alternatives {
        let words = a.lost.words();
        let (label, why) = (t(words.label), t(words.why));
        md.push(format!("- **{}** — {}", t(a.model.get().name), labelled(label, why, lang)));
    }
    md.push(String::new());
    md.push(format!("## {}", t(ui::CHECKLIST_TITLE)));
    md.push(String::new());
    for p in &rec.pitfalls {
        let mark = if checked.contains(&p.id) { "x" } else { " " };
        md.push(format!("- [{mark}] **{}**{}", t(p.title), in_parens(t(severity_word(p.severity)), lang)));
        md.push(format!("  - {}", labelled(t(ui::SYMPTOM), t(p.symptom), lang)));
        md.push(format!("  - {}", labelled(t(ui::FIX), t(p.fix), lang)));
        md.push(format!("  - {}", labelled(t(ui::SOURCE), &doc_link(p.source.get(), lang), lang)));
    }
    md.push(String::new());
    md.push(format!("## {}", t(ui::TEMPLATE_TITLE)));
    md.push(String::new());
    md.push(format!("{}{}", t(rec.template.title), in_parens(&format!("`{}`", rec.template.file), lang)));
    md.push(String::new());
    md.push("```python".into());
    md.push(rec.template.render(answers).trim_end().to_string());
    md.push("```".into());
    md.push(String::new());
    md.push(format!("## {}", t(ui::REPORT_MEASURE_TITLE)));
    md.push(String::new());
    md.push(t(ui::REPORT_MEASURE_BODY).to_string());
    md.push(String::new());
    md.push(format!("## {}", t(ui::TOOLKIT_TITLE)));
    md.push(String::new());
    for tool in model.tools {
        md.push(format!("- `{}` — {}", tool.code.get(), t(tool.what)));
    }
    md.push(String::new());
    md.push(format!("## {}", t(ui::SOURCES_TITLE)));
    md.push(String::new());
    for s in model.sources {
        md.push(format!("- [{}]({})", s.title.get(), doc_link(s.url.get(), lang)));
    }
    md.push(String::new());
    md.push(labelled(t(ui::EXPORT_CONTENT), &content_version(lang), lang));
    ExportFile {
        name: format!("{}-report.md", model.id.replace('_', "-")),
        mime: "text/markdown",
        content: md.join("\n") + "\n",
    }
}
