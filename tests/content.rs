//! The knowledge base is complete and consistent: enough of everything, every pitfall and template
//! reachable, and the three errors of the seed article stated correctly.

use pyconc::content::{Lang, MODELS, ModelId, PITFALLS, QUESTIONS, QuestionId, TEMPLATES, Text, ui};
use pyconc::engine::reachable::{self, Walk, reads};
use std::collections::BTreeSet;

/// Every text of the content, in both languages, with where it comes from.
fn all_texts() -> Vec<(String, Text)> {
    let mut out = Vec::new();
    for q in QUESTIONS {
        out.push((format!("question {}", q.id), q.title));
        out.push((format!("question {} help", q.id), q.help));
        for o in q.options {
            out.push((format!("option {}.{}", q.id, o.id), o.explain));
            if let Some(f) = o.find_out {
                out.push((format!("option {}.{} find_out", q.id, o.id), f));
            }
        }
    }
    for m in MODELS {
        out.push((format!("model {}", m.id), m.summary));
        out.push((format!("model {} tagline", m.id), m.tagline));
        for t in m.fits.iter().chain(m.avoid).chain(m.costs) {
            out.push((format!("model {} list", m.id), *t));
        }
        for t in m.tools {
            out.push((format!("model {} tool {}", m.id, t.code.get()), t.what));
        }
    }
    for p in PITFALLS {
        for (name, t) in [("title", p.title), ("symptom", p.symptom), ("fix", p.fix)] {
            out.push((format!("pitfall {} {name}", p.id), t));
        }
    }
    for r in pyconc::content::RULES {
        out.push((format!("rule for {}", r.model.get().id), r.why));
    }
    out
}

#[test]
fn the_content_has_at_least_what_the_product_promises() {
    assert!(QUESTIONS.len() >= 15, "{} questions", QUESTIONS.len());
    assert!(PITFALLS.len() >= 60, "{} pitfalls", PITFALLS.len());
    for id in [
        "asyncio",
        "to_thread",
        "threads",
        "processes",
        "hybrid",
        "free_threaded",
        "interpreters",
        "distributed",
        "sequential",
    ] {
        assert!(MODELS.iter().any(|m| m.id == id), "model {id} is missing");
    }
    let unsure = QUESTIONS.iter().filter(|q| q.options.iter().any(|o| o.is_unsure())).count();
    assert!(unsure >= 5, "only {unsure} questions offer \"I'm not sure\"");
    println!(
        "questions {}, options {}, models {}, pitfalls {}, templates {}, rules {}",
        QUESTIONS.len(),
        QUESTIONS.iter().map(|q| q.options.len()).sum::<usize>(),
        MODELS.len(),
        PITFALLS.len(),
        TEMPLATES.len(),
        pyconc::content::RULES.len()
    );
}

#[test]
fn every_pitfall_is_shown_on_some_path() {
    // Each pitfall's conditions read some questions: a scoring walk that observes them settles the
    // winner of every final state and keeps those answers. A walk keeps most answers to its last steps
    // anyway (a rule still reads them), so observing them costs nothing; what costs is observing a question
    // the walk would otherwise forget early (before its last three questions). Pitfalls whose costly
    // questions are among one walk's share that walk, which observes all their questions.
    let n = QUESTIONS.len();
    let last_read = reachable::last_reads(true);
    let costly = |q: &u8| last_read[*q as usize].is_none_or(|l| l + 3 < n);
    let mut reads_of: Vec<BTreeSet<u8>> = Vec::new();
    for p in PITFALLS {
        let mut set = BTreeSet::new();
        p.when.iter().for_each(|c| reads(c, &mut set));
        reads_of.push(set);
    }
    // Walks keyed by their costly questions, the widest first, so a narrower set joins one that holds it.
    let mut order: Vec<usize> = (0..PITFALLS.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(reads_of[i].iter().filter(|q| costly(q)).count()));
    let mut walks: Vec<(BTreeSet<u8>, BTreeSet<u8>, Vec<usize>)> = Vec::new();
    for i in order {
        let key: BTreeSet<u8> = reads_of[i].iter().copied().filter(|q| costly(q)).collect();
        // Pitfalls with no costly question share one walk of their own: joining a costly walk would
        // widen it more than a walk of the baseline's width costs.
        match walks.iter_mut().find(|(k, _, _)| k.is_superset(&key) && (k.is_empty() == key.is_empty())) {
            Some((_, observe, members)) => {
                observe.extend(&reads_of[i]);
                members.push(i);
            }
            None => walks.push((key, reads_of[i].clone(), vec![i])),
        }
    }
    // The walks are independent: two threads share them.
    let shown: Vec<std::sync::atomic::AtomicBool> = PITFALLS.iter().map(|_| Default::default()).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                while let Some((_, set, members)) = walks.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                    let observe: Vec<QuestionId> = set.iter().map(|&q| QuestionId(q)).collect();
                    let started = std::time::Instant::now();
                    let walk = Walk::run(&observe, true);
                    println!("pitfall walk observing {set:?}: {} states, {:?}", walk.widest, started.elapsed());
                    for (answers, winner) in walk.final_answers_and_winners() {
                        for &i in members {
                            if PITFALLS[i].applies(ModelId(winner as u8), &answers) {
                                shown[i].store(true, std::sync::atomic::Ordering::Relaxed);
                            }
                        }
                    }
                }
            });
        }
    });
    println!("{} pitfalls in {} walks", PITFALLS.len(), walks.len());
    let never: Vec<&str> = PITFALLS
        .iter()
        .zip(&shown)
        .filter(|(_, s)| !s.load(std::sync::atomic::Ordering::Relaxed))
        .map(|(p, _)| p.id)
        .collect();
    assert!(never.is_empty(), "pitfalls never shown for a recommended model: {never:?}");
}

#[test]
fn every_template_is_offered_on_some_path() {
    for t in TEMPLATES {
        let mut observed = BTreeSet::new();
        for other in TEMPLATES.iter().filter(|o| o.model == t.model) {
            reads(&other.when, &mut observed);
        }
        let observe: Vec<QuestionId> = observed.iter().map(|&q| QuestionId(q)).collect();
        let walk = Walk::run(&observe, false);
        let offered = walk
            .projections()
            .iter()
            .any(|(a, _)| std::ptr::eq(pyconc::engine::recommendation::template_for(t.model, a), t));
        assert!(offered, "template {} is never offered", t.id);
    }
}

#[test]
fn the_interface_words_differ_from_language_to_language() {
    for t in [ui::APP_TITLE, ui::START, ui::STEP_OF, ui::CHECKED_OF] {
        for (i, a) in Lang::ALL.iter().enumerate() {
            for b in &Lang::ALL[i + 1..] {
                assert_ne!(t.get(*a), t.get(*b), "{a:?} and {b:?} say the same");
            }
        }
    }
}

#[test]
fn each_language_reads_its_own_pack() {
    // build.rs writes the pack files and `Lang` from one list; this checks the order is the same.
    for lang in Lang::ALL {
        let file = pyconc::content::packs::file(lang);
        assert!(file.starts_with(&format!("content-{}-", lang.code())), "{lang:?} reads {file}");
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
        assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
    }
    assert_eq!(Lang::from_browser_tag("zh-TW"), Lang::Zh);
    assert_eq!(Lang::from_browser_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_browser_tag("xx"), Lang::default());
}

// The seed article's three errors (../shared/knowledge/decision-criteria.md), stated correctly.

#[test]
fn no_text_claims_asyncio_has_an_open_function() {
    // Mentioning `asyncio.open()` is allowed only to say it does not exist.
    let denials =
        ["no `asyncio.open", "not exist", "has no", "there is no", "does not exist", "不存在", "没有", "并没有"];
    for (at, t) in all_texts() {
        for s in [t.en(), t.zh()] {
            if s.contains("asyncio.open") {
                assert!(denials.iter().any(|d| s.contains(d)), "{at} mentions asyncio.open without denying it: {s}");
            }
        }
    }
    let denied = all_texts().iter().any(|(_, t)| t.en().contains("asyncio.open") && t.zh().contains("asyncio.open"));
    assert!(denied, "the content should say, in both languages, that asyncio has no open()");
}

#[test]
fn bound_methods_are_not_said_to_fail_in_a_process_pool() {
    for (at, t) in all_texts() {
        let en = t.en().to_lowercase();
        let claims_failure = (en.contains("method") && en.contains("picklingerror") && !en.contains("lambda"))
            || (t.zh().contains("实例方法") && t.zh().contains("PicklingError"));
        assert!(!claims_failure, "{at} seems to say methods cannot be pickled: {}", t.en());
    }
    let stated = all_texts().iter().any(|(_, t)| {
        let en = t.en().to_lowercase();
        en.contains("bound method") && (en.contains("pickle") || en.contains("work"))
    });
    assert!(stated, "the content should say that bound methods of picklable objects work in a process pool");
}

#[test]
fn a_worker_process_may_call_asyncio_run_but_coroutines_cannot_be_sent() {
    for (at, t) in all_texts() {
        let en = t.en().to_lowercase();
        let wrong = (en.contains("cannot call `asyncio.run()`") || en.contains("can't call `asyncio.run()`"))
            && (en.contains("child") || en.contains("worker") || en.contains("subprocess"));
        assert!(!wrong, "{at} repeats the article's error about asyncio.run in a child: {}", t.en());
    }
    let coroutine_fact = all_texts().iter().any(|(_, t)| t.en().contains("cannot pickle 'coroutine' object"));
    assert!(coroutine_fact, "the content should name the error a coroutine sent to a process pool gives");
    let run_fact = all_texts().iter().any(|(_, t)| {
        let en = t.en().to_lowercase();
        en.contains("asyncio.run")
            && ["worker can", "workers can", "worker may", "that works"].iter().any(|w| en.contains(w))
    });
    assert!(run_fact, "the content should say a pool worker can call asyncio.run()");
}

/// One claim of tests/facts/claims.toml (the review's items 20-29 as the content states them now, and
/// the 2026-12-07 review's findings, named in `finding` such as "F3", with review 0).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Claim {
    #[serde(default)]
    review: u32,
    #[serde(default)]
    finding: Option<String>,
    #[serde(default)]
    facts: Vec<String>,
    #[serde(default)]
    source: Option<String>,
    at: String,
    en: Vec<String>,
    zh: Vec<String>,
    #[serde(default)]
    gone: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Claims {
    claim: Vec<Claim>,
}

#[test]
fn the_reviewed_claims_are_stated_as_facts_py_demonstrates_them() {
    let claims: Claims = toml::from_str(include_str!("facts/claims.toml")).expect("tests/facts/claims.toml parses");
    let facts_py = include_str!("facts/facts.py");
    let texts = all_texts();
    let mut items = BTreeSet::new();
    for c in &claims.claim {
        assert!((c.review == 0) != c.finding.is_none(), "a claim names either a review item or a finding: {:?}", c.en);
        if c.finding.is_none() {
            items.insert(c.review);
        }
        assert!(
            !c.en.is_empty() && !c.zh.is_empty(),
            "review item {}: a claim needs phrases in both languages",
            c.review
        );
        assert!(
            !c.facts.is_empty() || c.source.as_deref().is_some_and(|s| s.starts_with("https://")),
            "review item {}: a claim needs a fact of facts.py or a source",
            c.review
        );
        for fact in &c.facts {
            let registered = facts_py
                .split("\n@fact(")
                .skip(1)
                .any(|block| block.lines().any(|l| l.starts_with(&format!("def {fact}("))));
            assert!(registered, "review item {}: facts.py has no @fact named {fact}", c.review);
        }
        let stated = texts.iter().any(|(at, t)| {
            at.starts_with(&c.at)
                && c.en.iter().all(|p| t.en().contains(p.as_str()))
                && c.zh.iter().all(|p| t.zh().contains(p.as_str()))
        });
        assert!(stated, "review item {}: no text at `{}` says {:?} / {:?}", c.review, c.at, c.en, c.zh);
        for phrase in &c.gone {
            let lower = phrase.to_lowercase();
            if let Some((at, t)) = texts.iter().find(|(_, t)| t.en().to_lowercase().contains(&lower)) {
                panic!("review item {}: {at} still says {phrase:?}: {}", c.review, t.en());
            }
        }
    }
    let expected: BTreeSet<u32> = (20..=29).collect();
    assert_eq!(items, expected, "every review item from 20 to 29 has a claim");
}
