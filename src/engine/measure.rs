//! `measure.py` for a result: the measuring script of `content/templates/measure.py` with the result baked
//! in (the recommended model, its runner-ups, the page's answers and link), and a table of the model the
//! guide gives when the answers a measurement can establish take each of their values, so the script
//! can say when what it measured leads elsewhere. Rendered only when the user asks for the file.

use crate::content::{META, MODELS, ModelId, QuestionId};
use crate::engine::export::ExportFile;
use crate::engine::recommendation::LostReason;
use crate::engine::{Answers, Recommendation};

/// The script, with `@@NAME@@` placeholders for what this module fills in.
pub const TEMPLATE: &str = include_str!("../content/templates/measure.py");

/// The answers the script measures and the values it can give them, in the table's order (the last
/// varies fastest). `work` stands for `work` and `comp` together: `mix+py` is `work=mix&comp=py`.
const DIMS: &[(&str, &[&str])] = &[
    ("work", &["io", "cpu", "ext", "mix+py", "mix+ext"]),
    ("py", &["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"]),
    ("gil", &["std", "ft"]),
    ("cores", &["1", "2-4", "5-16", "17up"]),
    ("task", &["tiny", "short", "long"]),
    ("data", &["small", "large", "unpick"]),
];

/// The runner-ups the script times beside the recommendation: the close call's runner-up, then the best
/// alternatives that are not ruled out, two at most.
pub fn rivals(rec: &Recommendation) -> Vec<ModelId> {
    let mut out: Vec<ModelId> = rec.close_call.iter().map(|c| c.runner_up).collect();
    for a in &rec.alternatives {
        if out.len() >= 2 {
            break;
        }
        if !matches!(a.lost, LostReason::RuledOut(_)) && !out.contains(&a.model) {
            out.push(a.model);
        }
    }
    out
}

/// The page's answer to `id`, as its option id.
fn answer_id(answers: &Answers, id: &str) -> Option<&'static str> {
    let q = QuestionId::find(id)?;
    answers.get(q).map(|o| q.get().options[o as usize].id)
}

/// Each dimension's values: the measurable ones, and the page's own answer when it is another (its
/// "unsure", say), so the page's answers are always in the table.
fn dims(answers: &Answers) -> Vec<(&'static str, Vec<String>)> {
    DIMS.iter()
        .map(|&(id, values)| {
            let mut values: Vec<String> = values.iter().map(|v| v.to_string()).collect();
            let page = match (id, answer_id(answers, id)) {
                ("work", Some("mix")) => answer_id(answers, "comp").map(|c| format!("mix+{c}")),
                (_, page) => page.map(str::to_string),
            };
            if let Some(page) = page.filter(|p| !values.contains(p)) {
                values.push(page);
            }
            (id, values)
        })
        .collect()
}

/// Sets `id` to option `value` (without pruning); false when either is unknown.
fn set(answers: &mut Answers, id: &str, value: &str) -> bool {
    let Some(q) = QuestionId::find(id) else { return false };
    match q.get().options.iter().position(|o| o.id == value) {
        Some(o) => answers.answer_raw(q, o as u8),
        None => false,
    }
}

/// The page's answers with one combination of measured values in their place, pruned, and every newly
/// asked question that has an "I'm not sure" option given it (the wizard's default).
pub fn with_measured(page: &Answers, values: &[(&str, &str)]) -> Answers {
    let mut a = *page;
    for &(id, value) in values {
        match value.split_once('+') {
            Some((work, comp)) => {
                set(&mut a, id, work);
                set(&mut a, "comp", comp);
            }
            None => {
                set(&mut a, id, value);
            }
        }
    }
    a.prune();
    for _ in 0..4 {
        let mut changed = false;
        for q in QuestionId::all() {
            if a.get(q).is_none()
                && a.is_asked(q)
                && let Some(o) = q.get().options.iter().position(|o| o.is_unsure())
            {
                a.answer_raw(q, o as u8);
                changed = true;
            }
        }
        a.prune();
        if !changed {
            break;
        }
    }
    a
}

/// One letter per combination of the dimensions' values (`a` the first model): the model the guide
/// gives for the page's answers with those values in place.
fn table(page: &Answers, dims: &[(&'static str, Vec<String>)]) -> String {
    let total: usize = dims.iter().map(|(_, v)| v.len()).product();
    let mut out = String::with_capacity(total);
    for mut index in 0..total {
        let mut values: Vec<(&str, &str)> = vec![("", ""); dims.len()];
        for (slot, (id, vals)) in dims.iter().enumerate().rev() {
            values[slot] = (id, vals[index % vals.len()].as_str());
            index /= vals.len();
        }
        let model = Recommendation::for_answers(&with_measured(page, &values)).model;
        out.push((b'a' + model.0) as char);
    }
    out
}

/// A Python string literal (the texts are ASCII ids, names and links; anything else is escaped).
fn py_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c => out.push_str(&format!("\\u{:04x}", c as u32)),
        }
    }
    out + "\""
}

fn py_list<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I) -> String {
    format!("[{}]", items.into_iter().map(|s| py_str(s.as_ref())).collect::<Vec<_>>().join(", "))
}

/// `measure.py` for these answers; `link` is the result's share link.
pub fn measure_script(answers: &Answers, link: &str) -> ExportFile {
    let rec = Recommendation::for_answers(answers);
    let dims = dims(answers);
    let page: Vec<String> = QuestionId::all()
        .filter_map(|q| {
            answers.get(q).map(|o| format!("{}: {}", py_str(q.get().id), py_str(q.get().options[o as usize].id)))
        })
        .collect();
    let names: Vec<String> = MODELS.iter().map(|m| format!("{}: {}", py_str(m.id), py_str(m.name.en()))).collect();
    let table_dims: Vec<String> = dims.iter().map(|(id, v)| format!("({}, {})", py_str(id), py_list(v))).collect();
    let content = TEMPLATE
        .replace("\"@@MODEL_NAME@@\"", &py_str(rec.model.get().name.en()))
        .replace("@@MODEL_NAME@@", rec.model.get().name.en())
        .replace("@@MODEL@@", rec.model.get().id)
        .replace("@@RIVALS@@", &py_list(rivals(&rec).iter().map(|m| m.get().id)))
        .replace("@@MODEL_NAMES@@", &format!("{{{}}}", names.join(", ")))
        .replace("@@LINK@@", link)
        .replace("@@ANSWERS@@", &format!("{{{}}}", page.join(", ")))
        .replace("@@ORDER@@", &py_list(QuestionId::all().map(|q| q.get().id)))
        .replace("@@SCHEMA@@", &META.schema.to_string())
        .replace("@@TABLE_DIMS@@", &format!("[{}]", table_dims.join(", ")))
        .replace("@@TABLE_MODELS@@", &py_list(MODELS.iter().map(|m| m.id)))
        .replace("@@TABLE@@", &table(answers, &dims));
    ExportFile { name: "measure.py".into(), mime: "text/x-python", content }
}
