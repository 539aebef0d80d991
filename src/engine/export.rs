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
