//! Realistic workloads (`tests/scenarios.toml`), one row each: the answers a user with that workload would
//! give, the model an expert would recommend, and the other models an expert would also sign. Each row must
//! be a complete path: every question asked is answered, in asking order, and nothing else is.
//!
//! The test checks every row, collects every failure, prints counts (rows per host and per expected model,
//! exact and acceptable match rates), and fails once at the end listing each row the engine gets wrong.
//! Coverage is asserted (every host, every model, every "I'm not sure" option, review items 1-12), so the
//! table cannot silently shrink. The expectations come from expert judgement, never from the engine: a row
//! that fails is a finding for the content, not something to change in the table.

use std::collections::{BTreeMap, BTreeSet};

use pyconc::content::{ModelId, QuestionId};
use pyconc::engine::recommendation::LostReason;
use pyconc::engine::{Answers, Recommendation, ShareLink};
use serde::Deserialize;

const TABLE: &str = include_str!("scenarios.toml");

/// At least this many rows in all, per host and per expected model.
const MIN_ROWS: usize = 190;
const MIN_PER_HOST: usize = 10;
const MIN_PER_MODEL: usize = 5;
/// The review items (shared/reviews/2026-11-30-content-review.md) that must each be exercised by a row,
/// and the highest item number a row may cite.
const REVIEW_ITEMS: std::ops::RangeInclusive<u32> = 1..=12;
const REVIEW_MAX: u32 = 29;
/// At least this many rows drawn from real public questions (issue P14 item 3), each citing its thread.
const MIN_QUESTIONS: usize = 30;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    scenario: Vec<Row>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    name: String,
    answers: String,
    model: String,
    acceptable: Vec<String>,
    host: String,
    why: String,
    source: String,
    #[serde(default)]
    review: Vec<u32>,
    /// Walked through the app by the browser tests (tests/e2e/walks.ts).
    #[serde(default)]
    walk: bool,
    /// Drawn from a real public question (Stack Overflow, a forum, an issue tracker); `source` is its thread.
    #[serde(default)]
    question: bool,
}

/// A row that is a valid path, with what the engine made of it.
struct Checked<'a> {
    row: &'a Row,
    walked: Answers,
    got: &'static str,
    scores: String,
}

fn question(id: &str) -> QuestionId {
    QuestionId::all().find(|q| q.get().id == id).unwrap_or_else(|| panic!("no question `{id}`"))
}

fn model_exists(id: &str) -> bool {
    ModelId::all().any(|m| m.get().id == id)
}

/// Checks that the row is well formed and a complete path in asking order, then asks the engine.
fn check(row: &Row) -> Result<Checked<'_>, String> {
    if row.name.trim().is_empty() || row.host.trim().is_empty() || row.why.trim().is_empty() {
        return Err("empty name, host or why".into());
    }
    if !row.source.starts_with("https://") {
        return Err(format!("source `{}` is not an https URL", row.source));
    }
    if !model_exists(&row.model) {
        return Err(format!("unknown model `{}`", row.model));
    }
    let mut seen = BTreeSet::new();
    for m in &row.acceptable {
        if !model_exists(m) {
            return Err(format!("unknown acceptable model `{m}`"));
        }
        if *m == row.model || !seen.insert(m) {
            return Err(format!("acceptable model `{m}` repeats the expected model or itself"));
        }
    }
    if row.question && row.source.starts_with("https://docs.python.org/") {
        return Err("a public-question row must cite the question's thread, not the Python docs".into());
    }
    if let Some(n) = row.review.iter().find(|&&n| n == 0 || n > REVIEW_MAX) {
        return Err(format!("review item {n} does not exist"));
    }

    let (link, notices) = ShareLink::decode(&format!("v=2&{}", row.answers));
    if !notices.is_empty() {
        return Err(format!("unusable answers: {notices:?}"));
    }
    let mut walked = Answers::new();
    let mut asked: Vec<&str> = Vec::new();
    while let Some(q) = walked.next_question() {
        let Some(o) = link.answers.get(q) else {
            return Err(format!("does not answer `{}`, which is asked after {asked:?}", q.get().id));
        };
        asked.push(q.get().id);
        walked.answer(q, o);
    }
    for q in QuestionId::all() {
        if walked.get(q) != link.answers.get(q) {
            return Err(format!("answers `{}`, which is not asked on its path", q.get().id));
        }
    }
    let given: Vec<&str> = row.answers.split('&').map(|p| p.split_once('=').map_or(p, |(k, _)| k)).collect();
    if given != asked {
        return Err(format!("answers in the order {given:?}, the wizard asks {asked:?}"));
    }

    let rec = Recommendation::for_answers(&walked);
    let got = rec.model.get().id;
    let mut scores = vec![format!("{}={}", got, rec.scores[rec.model.0 as usize])];
    for alt in &rec.alternatives {
        let out = if matches!(alt.lost, LostReason::RuledOut(_)) { " (ruled out)" } else { "" };
        scores.push(format!("{}={}{}", alt.model.get().id, alt.score, out));
    }
    Ok(Checked { row, walked, got, scores: scores.join(", ") })
}

fn pct(n: usize, of: usize) -> String {
    format!("{n}/{of} ({:.1}%)", if of == 0 { 0.0 } else { 100.0 * n as f64 / of as f64 })
}

#[test]
fn scenarios() {
    let table: Table = toml::from_str(TABLE).expect("tests/scenarios.toml parses");
    let rows = &table.scenario;

    // Names are unique.
    let mut names = BTreeSet::new();
    let dups: Vec<&str> = rows.iter().filter(|r| !names.insert(r.name.as_str())).map(|r| r.name.as_str()).collect();
    assert!(dups.is_empty(), "scenario names repeat: {dups:?}");

    // Every row must be a valid, complete path; these are errors in the table.
    let mut broken = Vec::new();
    let mut checked = Vec::new();
    for row in rows {
        match check(row) {
            Ok(c) => checked.push(c),
            Err(e) => broken.push(format!("  {}: {e}", row.name)),
        }
    }
    assert!(broken.is_empty(), "{} rows are not valid paths:\n{}", broken.len(), broken.join("\n"));

    // The rows the browser tests walk (tests/e2e/walks.ts): one per model, each giving its model exactly.
    let mut walked: Vec<&str> = checked.iter().filter(|c| c.row.walk).map(|c| c.row.model.as_str()).collect();
    walked.sort_unstable();
    let mut models: Vec<&str> = pyconc::content::MODELS.iter().map(|m| m.id).collect();
    models.sort_unstable();
    assert_eq!(walked, models, "the walked rows (walk = true) must cover each model once");
    for c in checked.iter().filter(|c| c.row.walk) {
        assert_eq!(c.got, c.row.model, "the walked row `{}` must give its model exactly", c.row.name);
    }

    // Counts.
    let where_q = question("where");
    let host_of = |c: &Checked| where_q.get().options[c.walked.get(where_q).unwrap() as usize].id;
    let mut per_host: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut per_model: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let (mut exact, mut accepted) = (0, 0);
    let mut wrong = Vec::new();
    let mut second_choice = Vec::new();
    for c in &checked {
        let is_exact = c.got == c.row.model;
        let is_ok = is_exact || c.row.acceptable.iter().any(|m| m == c.got);
        exact += is_exact as usize;
        accepted += is_ok as usize;
        for e in [per_host.entry(host_of(c)).or_default(), per_model.entry(c.row.model.as_str()).or_default()] {
            e.0 += 1;
            e.1 += is_exact as usize;
            e.2 += is_ok as usize;
        }
        if is_ok && !is_exact {
            second_choice.push(format!("  {}: expected {}, got {}", c.row.name, c.row.model, c.got));
        }
        if !is_ok {
            wrong.push(format!(
                "  {}\n    expected {} (acceptable: [{}]), got {}\n    scores: {}\n    answers: {}",
                c.row.name,
                c.row.model,
                c.row.acceptable.join(", "),
                c.got,
                c.scores,
                c.row.answers
            ));
        }
    }
    let n = checked.len();
    let questions: Vec<&Checked> = checked.iter().filter(|c| c.row.question).collect();
    let q_exact = questions.iter().filter(|c| c.got == c.row.model).count();
    let q_ok = questions.iter().filter(|c| c.got == c.row.model || c.row.acceptable.iter().any(|m| m == c.got)).count();
    println!("{n} scenarios, {} of them from public questions", questions.len());
    println!("public questions: exact {}, acceptable {}", pct(q_exact, questions.len()), pct(q_ok, questions.len()));
    println!("rows per host (rows, exact, acceptable; of them from public questions: rows, exact, acceptable):");
    for (h, (r, e, a)) in &per_host {
        let of_host: Vec<&&Checked> = questions.iter().filter(|c| host_of(c) == *h).collect();
        let qe = of_host.iter().filter(|c| c.got == c.row.model).count();
        let qa = of_host.iter().filter(|c| c.got == c.row.model || c.row.acceptable.iter().any(|m| m == c.got)).count();
        println!("  {h:<9} {r:>4} {e:>4} {a:>4}   {:>3} {qe:>3} {qa:>3}", of_host.len());
    }
    println!("rows per expected model (rows, exact, acceptable):");
    for (m, (r, e, a)) in &per_model {
        println!("  {m:<14} {r:>4} {e:>4} {a:>4}");
    }
    println!("exact match: {}", pct(exact, n));
    println!("acceptable match: {}", pct(accepted, n));
    println!("matched only an acceptable model ({}):\n{}", second_choice.len(), second_choice.join("\n"));

    // Coverage, so the table cannot silently shrink.
    let mut gaps = Vec::new();
    if n < MIN_ROWS {
        gaps.push(format!("{n} rows, fewer than {MIN_ROWS}"));
    }
    if questions.len() < MIN_QUESTIONS {
        gaps.push(format!("{} rows from public questions, fewer than {MIN_QUESTIONS}", questions.len()));
    }
    for o in where_q.get().options {
        let r = per_host.get(o.id).map_or(0, |t| t.0);
        if r < MIN_PER_HOST {
            gaps.push(format!("host `{}` has {r} rows, fewer than {MIN_PER_HOST}", o.id));
        }
    }
    for m in ModelId::all() {
        let r = per_model.get(m.get().id).map_or(0, |t| t.0);
        if r < MIN_PER_MODEL {
            gaps.push(format!("model `{}` is expected in {r} rows, fewer than {MIN_PER_MODEL}", m.get().id));
        }
    }
    for q in QuestionId::all() {
        for (i, o) in q.get().options.iter().enumerate() {
            if o.is_unsure() && !checked.iter().any(|c| c.walked.get(q) == Some(i as u8)) {
                gaps.push(format!("no row answers `{}={}` (an \"I'm not sure\" option)", q.get().id, o.id));
            }
        }
    }
    for item in REVIEW_ITEMS {
        if !rows.iter().any(|r| r.review.contains(&item)) {
            gaps.push(format!("no row is tagged with review item {item}"));
        }
    }
    assert!(gaps.is_empty(), "coverage of tests/scenarios.toml shrank:\n  {}", gaps.join("\n  "));

    assert!(
        wrong.is_empty(),
        "the engine disagrees with the expert on {} of {n} scenarios (findings for the content, not for the \
         table):\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
