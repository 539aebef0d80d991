//! A result as JSON, for tools and coding assistants: the model, every model's score, the reasons, the
//! alternatives, the close call, the host integration, the template and the pitfalls, in the page's
//! language, under a versioned schema (`public/result.schema.json`; raise `SCHEMA` when a field changes
//! meaning or disappears). Written by hand: the JSON is flat and the app carries no JSON library.

use crate::content::{Lang, META, ModelId, QuestionId, Text};
use crate::engine::Answers;
use crate::engine::export::{ExportFile, doc_link};
use crate::engine::recommendation::{LostReason, Recommendation};

/// The version of the export's shape: the `schema` field, and the schema file's `const`.
pub const SCHEMA: u32 = 1;

/// A JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // U+2028 and U+2029 are valid in JSON but end lines in older JavaScript: escaped too.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An object from (key, JSON value) pairs, in their order.
fn object(fields: &[(&str, String)]) -> String {
    let inner: Vec<String> = fields.iter().map(|(k, v)| format!("{}:{v}", json_str(k))).collect();
    format!("{{{}}}", inner.join(","))
}

fn array(items: impl IntoIterator<Item = String>) -> String {
    format!("[{}]", items.into_iter().collect::<Vec<_>>().join(","))
}

fn or_null(value: Option<String>) -> String {
    value.unwrap_or_else(|| "null".into())
}

/// The option id `answers` gives `q`.
fn answer_id(answers: &Answers, q: QuestionId) -> Option<&'static str> {
    answers.get(q).map(|o| q.get().options[o as usize].id)
}

fn model_ref(model: ModelId, lang: Lang) -> Vec<(&'static str, String)> {
    vec![("id", json_str(model.get().id)), ("name", json_str(model.get().name.get(lang)))]
}

/// The result of `answers` as JSON in `lang`; `link` is the result's share link.
pub fn result_json(answers: &Answers, link: &str, lang: Lang) -> ExportFile {
    let rec = Recommendation::for_answers(answers);
    let t = |text: Text| json_str(text.get(lang));
    let model = rec.model.get();

    let answers_json = array(answers.path().into_iter().filter_map(|q| {
        let o = answers.get(q)?;
        let question = q.get();
        Some(object(&[
            ("question", json_str(question.id)),
            ("answer", json_str(question.options[o as usize].id)),
            ("question_text", t(question.short)),
            ("answer_text", t(question.options[o as usize].label)),
            ("unsure", question.options[o as usize].is_unsure().to_string()),
        ]))
    }));
    let mut model_fields = model_ref(rec.model, lang);
    model_fields.push(("score", rec.scores[rec.model.0 as usize].to_string()));
    model_fields.push(("tagline", t(model.tagline)));
    model_fields.push(("summary", t(model.summary)));
    let scores = array(
        ModelId::all()
            .map(|m| object(&[("model", json_str(m.get().id)), ("score", rec.scores[m.0 as usize].to_string())])),
    );
    let reasons = array(rec.trail.iter().map(|e| {
        let reads = array(e.rule.reads.iter().map(|q| json_str(q.get().id)));
        object(&[("score", e.rule.score.to_string()), ("text", t(e.rule.why)), ("questions", reads)])
    }));
    let alternatives = array(rec.alternatives.iter().map(|a| {
        let words = a.lost.words();
        let lost = match a.lost {
            LostReason::RuledOut(_) => "ruled_out",
            LostReason::Against(_) => "against",
            LostReason::Outscored(_) => "outscored",
            LostReason::Tie => "tie",
        };
        let mut fields = model_ref(a.model, lang);
        fields.push(("score", a.score.to_string()));
        fields.push(("ruled_out", words.ruled_out.to_string()));
        fields.push(("lost", json_str(lost)));
        fields.push(("why", t(words.why)));
        object(&fields)
    }));
    let close_call = rec.close_call.as_ref().map(|c| {
        let mut runner = model_ref(c.runner_up, lang);
        runner.push(("score", rec.scores[c.runner_up.0 as usize].to_string()));
        let separating = array(c.separating.iter().map(|&(q, for_winner, for_runner)| {
            object(&[
                ("question", json_str(q.get().id)),
                ("answer", or_null(answer_id(answers, q).map(json_str))),
                ("winner_points", for_winner.to_string()),
                ("runner_up_points", for_runner.to_string()),
            ])
        }));
        object(&[("runner_up", object(&runner)), ("margin", c.margin.to_string()), ("separating", separating)])
    });
    let integration = rec.integration.map(|i| {
        object(&[
            ("id", json_str(i.id)),
            ("title", t(i.title)),
            ("steps", array(i.steps.iter().map(|s| t(*s)))),
            ("source", json_str(&doc_link(i.source.get(), lang))),
        ])
    });
    let template = object(&[
        ("id", json_str(rec.template.id)),
        ("title", t(rec.template.title)),
        ("file", json_str(rec.template.file)),
        ("packages", array(rec.template.packages.iter().map(|p| json_str(p)))),
    ]);
    let pitfalls = array(rec.pitfalls.iter().map(|p| {
        object(&[
            ("id", json_str(p.id)),
            ("severity", json_str(p.severity.as_str())),
            ("title", t(p.title)),
            ("symptom", t(p.symptom)),
            ("fix", t(p.fix)),
            ("versions", t(p.versions)),
            ("platforms", t(p.platforms)),
            ("source", json_str(&doc_link(p.source.get(), lang))),
        ])
    }));
    let content = object(&[
        ("schema", SCHEMA.to_string()),
        ("link_schema", META.schema.to_string()),
        ("content_version", json_str(META.version)),
        ("content_date", json_str(META.date)),
        ("lang", json_str(lang.code())),
        ("link", json_str(link)),
        ("answers", answers_json),
        ("model", object(&model_fields)),
        ("scores", scores),
        ("reasons", reasons),
        ("alternatives", alternatives),
        ("close_call", or_null(close_call)),
        ("host_integration", or_null(integration)),
        ("template", template),
        ("pitfalls", pitfalls),
    ]);
    ExportFile {
        name: format!("{}-result.json", model.id.replace('_', "-")),
        mime: "application/json",
        content: content + "\n",
    }
}
