//! What leaves the app as a file: the template as a `.py` file whose header holds the share link, the
//! answers in words and the content version.

use crate::content::{Lang, META, ModelId, QuestionId, ui};
use crate::engine::Answers;
use crate::engine::recommendation::template_for;

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
            Some(format!("{}: {}", question.short.get(lang), question.options[o as usize].label.get(lang)))
        })
        .collect()
}

/// The template of `model` for `answers` as a Python file, named like the template (after the model,
/// and never after a package it imports, which the file would hide).
pub fn python_file(model: ModelId, answers: &Answers, link: &str, lang: Lang) -> ExportFile {
    let template = template_for(model, answers);
    let mut header = vec![
        format!("# {} — {}", ui::APP_TITLE.get(lang), template.title.get(lang)),
        format!("# {}: {}", ui::EXPORT_LINK.get(lang), link),
        format!("# {}:", ui::YOUR_ANSWERS.get(lang)),
    ];
    header.extend(answers_in_words(answers, lang).into_iter().map(|line| format!("#   {line}")));
    header.push(format!("# {}: {} ({})", ui::EXPORT_CONTENT.get(lang), META.version, META.date));
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
    use crate::engine::recommendation::{LostReason, Recommendation};
    let rec = Recommendation::for_answers(answers);
    let model = rec.model.get();
    let t = |text: crate::content::Text| text.get(lang);
    let mut md = Vec::new();
    md.push(format!("# {}: {}", t(ui::RESULT_TITLE), t(model.name)));
    md.push(String::new());
    md.push(format!("{}\n\n{}", t(model.tagline), t(model.summary)));
    md.push(String::new());
    md.push(format!("{}: <{link}>", ui::EXPORT_LINK.get(lang)));
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
    md.push(format!("## {}", t(ui::ALTERNATIVES_TITLE)));
    md.push(String::new());
    for a in &rec.alternatives {
        let (label, why) = match &a.lost {
            LostReason::RuledOut(r) => (t(ui::RULED_OUT), t(r.why)),
            LostReason::Against(r) | LostReason::Outscored(r) => (t(ui::WHY_NOT), t(r.why)),
            LostReason::Tie => (t(ui::WHY_NOT), t(ui::LOST_ON_ORDER)),
        };
        md.push(format!("- **{}** — {label} {why}", t(a.model.get().name)));
    }
    md.push(String::new());
    md.push(format!("## {}", t(ui::CHECKLIST_TITLE)));
    md.push(String::new());
    for p in &rec.pitfalls {
        let mark = if checked.contains(&p.id) { "x" } else { " " };
        md.push(format!("- [{mark}] **{}** ({})", t(p.title), p.severity.as_str()));
        md.push(format!("  - {}: {}", t(ui::SYMPTOM), t(p.symptom)));
        md.push(format!("  - {}: {}", t(ui::FIX), t(p.fix)));
        md.push(format!("  - {}: {}", t(ui::SOURCE), p.source.get()));
    }
    md.push(String::new());
    md.push(format!("## {}", t(ui::TEMPLATE_TITLE)));
    md.push(String::new());
    md.push(format!("{} (`{}`)", t(rec.template.title), rec.template.file));
    md.push(String::new());
    md.push("```python".into());
    md.push(rec.template.render(answers).trim_end().to_string());
    md.push("```".into());
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
        md.push(format!("- [{}]({})", s.title.get(), s.url.get()));
    }
    md.push(String::new());
    md.push(format!("{}: {} ({})", t(ui::EXPORT_CONTENT), META.version, META.date));
    ExportFile {
        name: format!("{}-report.md", model.id.replace('_', "-")),
        mime: "text/markdown",
        content: md.join("\n") + "\n",
    }
}
