//! `llms.txt`: what the site is for, in English, for coding assistants and other tools: the link format
//! with every question, the condition under which it is asked and its values, the models, and how to get
//! and read a result (the JSON export and its schema, measure.py). Written from the content, so it
//! cannot go stale: `tests/llms_txt.rs` checks that the served copy (`llms.txt` at the repository root,
//! copied to the site root by index.html) is this text, and `UPDATE_EXPECT=1` rewrites it.

use crate::content::{CmpOp, Cond, META, ModelId, QuestionId};
use crate::engine::result_json::SCHEMA;

/// A condition in the condition language of content/README.md (`work in [cpu, mix] and py >= 3.13`).
pub fn condition(cond: &Cond) -> String {
    fn option(q: QuestionId, o: u8) -> &'static str {
        q.get().options[o as usize].id
    }
    fn inner(c: &Cond) -> String {
        match c {
            Cond::All(_) | Cond::Any(_) => format!("({})", condition(c)),
            _ => condition(c),
        }
    }
    match *cond {
        Cond::Always => "always".into(),
        Cond::In(q, [o]) => format!("{} = {}", q.get().id, option(q, *o)),
        Cond::In(q, options) => {
            let names: Vec<&str> = options.iter().map(|&o| option(q, o)).collect();
            format!("{} in [{}]", q.get().id, names.join(", "))
        }
        Cond::Cmp(q, op, o) => {
            let op = match op {
                CmpOp::Lt => "<",
                CmpOp::Le => "<=",
                CmpOp::Gt => ">",
                CmpOp::Ge => ">=",
            };
            format!("{} {op} {}", q.get().id, option(q, o))
        }
        Cond::Not(Cond::In(q, [o])) => format!("{} != {}", q.get().id, option(*q, *o)),
        Cond::Not(c) => format!("not {}", inner(c)),
        Cond::All(items) => items.iter().map(inner).collect::<Vec<_>>().join(" and "),
        Cond::Any(items) => items.iter().map(inner).collect::<Vec<_>>().join(" or "),
    }
}

/// The whole file.
pub fn llms_txt() -> String {
    let v = META.schema;
    let mut out = vec![
        "# Which Python concurrency model?".to_string(),
        String::new(),
        "> A guided wizard for Python developers: it asks about the workload (waiting on I/O or computing, in \
         Python or in C libraries, the Python version and build, cores, task size, data, the program the code \
         runs in) and recommends a concurrency model (asyncio, threads, processes, free-threading, \
         subinterpreters, a cluster or plain sequential code) with its reasons, the alternatives and why each \
         lost, a runnable code template and a checklist of the pitfalls that bite that model. It runs entirely \
         in the browser: there is no server API, and the answers live in the address."
            .to_string(),
        String::new(),
        format!("Content version {} ({}). This file is generated from the app's content.", META.version, META.date),
        String::new(),
        "## Link format".to_string(),
        String::new(),
        format!(
            "Every address below is relative to the address of this file (the app's root). A result is \
             `./?v={v}&work=cpu&scale=one&...`: `v` is the link schema (now {v}; older links are migrated), \
             then one `question=option` pair per answered question, by the ids listed below, in the order of \
             the list (the app reads any order and writes this one). `lang=en` or `lang=zh` picks the \
             language. A question is asked only when its condition holds; an answer to a question that is \
             not asked, an unknown key or an unknown value is dropped with a notice on the page. With every \
             asked question answered the link opens the result; otherwise the wizard opens at the first \
             question still open."
        ),
        String::new(),
        "Conditions compare option ids; `<`, `<=`, `>=` and `>` compare positions in a question's list \
         (`py >= 3.13` means 3.13 or later). An \"unsure\" option is always accepted: the wizard assumes a safe \
         default for it and the result says how to find out."
            .to_string(),
        String::new(),
        "## Questions".to_string(),
        String::new(),
    ];
    for q in QuestionId::all() {
        let question = q.get();
        out.push(format!("### `{}`: {}", question.id, question.title.en()));
        out.push(String::new());
        out.push(format!("Asked when: `{}`", condition(&question.ask_if)));
        out.push(String::new());
        for o in question.options {
            let unsure = if o.is_unsure() { " (unsure)" } else { "" };
            out.push(format!("- `{}={}`: {}{unsure}. {}", question.id, o.id, o.label.en(), o.explain.en()));
        }
        out.push(String::new());
    }
    out.push("## Models".to_string());
    out.push(String::new());
    for m in ModelId::all() {
        let model = m.get();
        out.push(format!("- `{}`: {}. {}", model.id, model.name.en(), model.tagline.en()));
    }
    out.push(String::new());
    out.push("## Getting and reading a result".to_string());
    out.push(String::new());
    out.push(format!(
        "Open the link in a browser (a headless one works): the result page shows the model, the reasons, \
         the alternatives, the pitfall checklist and the template. Its buttons download the result as JSON \
         (\"Download result (.json)\"), the template as a `.py` file, a Markdown report, and `measure.py`. \
         The JSON follows the JSON Schema at `./public/result.schema.json` (its `schema` field is {SCHEMA}; \
         a field that changes meaning or disappears raises it, new fields may appear within a version). Its \
         texts are in the page's language (`lang`); its ids are the ones of this file."
    ));
    out.push(String::new());
    for line in [
        "- `model`: the recommended model (`id`, `name`, `score`, `tagline`, `summary`).",
        "- `reasons`: the rules that fired for it, strongest first, each with its points and the questions it reads.",
        "- `scores`: every model's total. `alternatives`: the other models, best first, each with `lost` (`ruled_out`, `against`, `outscored` or `tie`) and `why`.",
        "- `close_call`: the runner-up when it came within one point, and the answers that separate the two; otherwise null.",
        "- `host_integration`: how the model plugs into the program the code runs in (web framework, notebook, GUI...), or null.",
        "- `template`: the code template's id, title, file name and the packages it needs. `pitfalls`: the checklist, most severe first, each with symptom, fix and source.",
        "- `answers`: the answers with their texts; `unsure` marks the ones the wizard assumed a default for. `link`: the result's own address.",
    ] {
        out.push(line.to_string());
    }
    out.push(String::new());
    out.push("## Measuring".to_string());
    out.push(String::new());
    out.push(
        "`measure.py`, downloaded from any result, times the user's own function sequentially, in a thread pool \
         and in a process pool (and with asyncio for a coroutine function), on their machine and their Python \
         (3.8 or newer, standard library only, `--budget SECONDS` bounds the run, 40 by default). It measures \
         pickling, dispatch and start costs, prints a table and a verdict, and prints a link in the format \
         above with the answers its measurements establish (`work`, `comp`, `task`, `data`, `cores`, `py`, \
         `gil`...), saying whether they lead to another model than the page it came from. When the answer to \
         a question is uncertain, suggest running it rather than guessing."
            .to_string(),
    );
    out.join("\n") + "\n"
}
