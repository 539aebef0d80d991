//! The knowledge base is complete and consistent: enough of everything, every pitfall and template
//! reachable, and the three errors of the seed article stated correctly.

use pyconc::content::{Lang, MODELS, ModelId, PITFALLS, QUESTIONS, QuestionId, TEMPLATES, Text, ui};
use pyconc::engine::reachable::{Walk, reads};
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
    // For each set of questions some pitfall reads: observe them, settle the scores, and look at every
    // final state. Pitfalls that read the same questions share one walk.
    let mut groups: Vec<(BTreeSet<u8>, Vec<usize>)> = Vec::new();
    for (i, p) in PITFALLS.iter().enumerate() {
        let mut set = BTreeSet::new();
        p.when.iter().for_each(|c| reads(c, &mut set));
        match groups.iter_mut().find(|(s, _)| *s == set) {
            Some((_, members)) => members.push(i),
            None => groups.push((set, vec![i])),
        }
    }
    let mut shown = vec![false; PITFALLS.len()];
    for (set, members) in &groups {
        let observe: Vec<QuestionId> = set.iter().map(|&q| QuestionId(q)).collect();
        let started = std::time::Instant::now();
        let walk = Walk::run(&observe, true);
        println!("pitfall walk observing {set:?}: {} states, {:?}", walk.widest, started.elapsed());
        for (answers, winner) in walk.final_answers_and_winners() {
            for &i in members {
                let p = &PITFALLS[i];
                if p.applies(ModelId(winner as u8), &answers) {
                    shown[i] = true;
                }
            }
        }
    }
    let never: Vec<&str> = PITFALLS.iter().zip(&shown).filter(|(_, s)| !**s).map(|(p, _)| p.id).collect();
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

/// One claim of tests/facts/claims.toml (the review's items 20-29 as the content states them now).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Claim {
    review: u32,
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
        items.insert(c.review);
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
