//! Every answer path, covered exhaustively by the merged walk of `engine::reachable`, and the merged
//! walk checked against a plain walk that evaluates the engine on every path of several sub-trees.

use pyconc::content::{MODELS, QuestionId};
use pyconc::engine::invariants::{INVARIANTS, TEMPLATE_INVARIANTS, check_outcomes, check_reasons, check_templates};
use pyconc::engine::reachable::Walk;
use pyconc::engine::{Answers, Recommendation, ShareLink};

/// An invariant's name, the answers of a case that breaks it, and the winner or text it is given.
type BrokenCase = (&'static str, &'static [(&'static str, &'static str)], &'static str);

/// A plain depth-first walk under `prefix`: every complete path, with the engine's recommendation.
fn walk_plainly(a: &Answers, prefix: &Answers, tally: &mut Vec<u128>) {
    match a.next_question() {
        None => tally[Recommendation::for_answers(a).model.0 as usize] += 1,
        Some(q) => {
            let options: Vec<u8> = match prefix.get(q) {
                Some(o) => vec![o],
                None => (0..q.get().options.len() as u8).collect(),
            };
            for o in options {
                let mut b = *a;
                b.answer(q, o);
                walk_plainly(&b, prefix, tally);
            }
        }
    }
}

fn merged_tally(walk: &Walk) -> Vec<u128> {
    let mut tally = vec![0u128; MODELS.len()];
    for (winner, count) in walk.winners() {
        tally[winner.expect("some path rules out every model")] += count;
    }
    tally
}

/// The number of complete answer paths, kept in `tests/expect/paths.txt`. Run with `UPDATE_EXPECT=1`
/// to write the new number after a deliberate change to the questions (and review the diff).
fn expected_total(got: u128) -> u128 {
    let path = format!("{}/tests/expect/paths.txt", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, format!("{got}\n")).expect("write the expected path total");
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.trim().parse().unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_merged_walk_covers_every_path_and_each_ends_in_one_recommendation() {
    let walk = Walk::run(&[], true);
    let tally = merged_tally(&walk);
    assert_eq!(tally.iter().sum::<u128>(), walk.paths);
    assert_eq!(
        walk.paths,
        expected_total(walk.paths),
        "the number of answer paths changed (UPDATE_EXPECT=1 to accept)"
    );
    println!("paths walked: {} (widest step: {} merged states)", walk.paths, walk.widest);
    for (m, c) in tally.iter().enumerate() {
        println!(
            "  {:<14} recommended on {c:>12} paths ({:5.2}%)",
            MODELS[m].id,
            *c as f64 * 100.0 / walk.paths as f64
        );
        assert!(*c > 0, "model `{}` is never recommended", MODELS[m].id);
    }
}

#[test]
fn path_lengths() {
    let lengths = Walk::path_lengths();
    let total: u128 = lengths.iter().map(|(_, c)| c).sum();
    let at = |share: f64| {
        let mut seen = 0u128;
        lengths
            .iter()
            .find(|(_, c)| {
                seen += c;
                seen as f64 >= share * total as f64
            })
            .map(|(len, _)| *len)
            .unwrap()
    };
    let shortest = lengths.first().unwrap().0;
    let longest = lengths.last().unwrap().0;
    println!(
        "questions per path: shortest {shortest}, median {}, 90th percentile {}, longest {longest}",
        at(0.5),
        at(0.9)
    );
    assert_eq!(total, Walk::run(&[], false).paths);
    assert!(longest <= QuestionId::all().count());
}

#[test]
fn every_model_level_invariant_holds_on_every_path() {
    let (paths, violations) = check_outcomes();
    println!("{} invariants over {paths} paths:", INVARIANTS.len());
    for inv in INVARIANTS {
        println!("  {}: {}", inv.name, inv.says);
    }
    let report: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert!(violations.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn every_reason_shown_is_true_for_the_answers() {
    let (checked, false_reasons) = check_reasons();
    println!("{checked} reasons with a presupposition, checked over every path");
    assert!(checked >= 10, "only {checked} reasons state what they presume");
    let report: Vec<String> = false_reasons.iter().map(ToString::to_string).collect();
    assert!(false_reasons.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn every_template_invariant_holds_on_every_rendering() {
    let (renderings, violations) = check_templates();
    println!("{} template invariants over {renderings} renderings", TEMPLATE_INVARIANTS.len());
    let report: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert!(violations.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn every_template_branch_is_taken_by_some_rendering() {
    // A `{{#if}}` branch no answer path selects is text no user can get: its condition is wrong.
    let dead = pyconc::engine::invariants::dead_template_branches();
    assert!(dead.is_empty(), "branches no rendering takes:\n{}", dead.join("\n"));
}

#[test]
fn the_merged_walk_agrees_with_a_plain_walk_of_the_engine_on_sub_trees() {
    // Each prefix fixes a few answers; both walks then cover every path below it. The prefixes pick
    // sub-trees of different shapes: I/O with async libraries, CPU on 3.14, mixed, unsure.
    let prefixes = [
        "work=io&scale=one&where=aweb&py=3.12&io=http",
        "work=cpu&scale=one&where=script&py=3.14&total=slow&os=linux&cores=5-16",
        "work=mix&comp=py&scale=one&where=script&py=3.11&total=slow&io=db&conc=hundreds",
        "work=unsure&scale=one&py=3.13&where=gui",
        "work=ext&scale=one&where=notebook&py=3.10&total=slow&os=win",
        "work=io&scale=jobs&where=sweb&py=3.9",
    ];
    for p in prefixes {
        let (link, notices) = ShareLink::decode(&format!("v=2&{p}"));
        assert!(notices.is_empty(), "{p}: {notices:?}");
        let mut plain = vec![0u128; MODELS.len()];
        walk_plainly(&Answers::new(), &link.answers, &mut plain);
        let merged = merged_tally(&Walk::run_from(&link.answers, &[], true));
        assert_eq!(plain, merged, "{p}");
        assert!(plain.iter().sum::<u128>() > 1000, "{p}: the sub-tree is too small to prove much");
    }
}

#[test]
fn every_question_and_option_is_reachable() {
    for q in QuestionId::all() {
        let walk = Walk::run(&[q], false);
        let seen: Vec<u8> = walk.projections().iter().filter_map(|(a, _)| a.get(q)).collect();
        for o in 0..q.get().options.len() as u8 {
            assert!(
                seen.contains(&o),
                "option `{}` of `{}` is never reachable",
                q.get().options[o as usize].id,
                q.get().id
            );
        }
    }
}

/// Answers set as given, without pruning: enough for the invariants, which read single answers.
fn raw(pairs: &[(&str, &str)]) -> Answers {
    let mut a = Answers::new();
    for (q, o) in pairs {
        let id = QuestionId::find(q).unwrap();
        assert!(a.answer_raw(id, id.get().option_index(o).unwrap()));
    }
    a
}

#[test]
fn every_invariant_fails_on_an_outcome_that_breaks_it() {
    use pyconc::content::{ModelId, TEMPLATES};
    use pyconc::engine::invariants::Case;
    // For each invariant, answers and a winner that an expert would reject: the check must say so.
    let broken: &[BrokenCase] = &[
        ("async-web-work-off-the-loop", &[("where", "aweb"), ("work", "cpu")], "sequential"),
        ("gui-thread-stays-free", &[("where", "gui"), ("work", "io")], "asyncio"),
        ("crash-risk-isolated", &[("crash", "yes")], "threads"),
        (
            "one-core-script-no-pool",
            &[("where", "script"), ("work", "cpu"), ("cores", "1"), ("crash", "no")],
            "processes",
        ),
        ("io-only-no-parallel-runtime", &[("work", "io")], "processes"),
        ("no-experimental-3.13t", &[("py", "3.13")], "free_threaded"),
        ("free-threading-needs-ready-extensions", &[("ext", "some")], "free_threaded"),
        ("interpreters-need-subinterpreter-support", &[("subint", "some")], "interpreters"),
        ("unknown-workload-measures-first", &[("work", "unsure"), ("scale", "one"), ("where", "script")], "threads"),
        ("quick-job-stays-sequential", &[("total", "quick")], "processes"),
        ("library-serves-any-caller", &[("where", "lib"), ("work", "mix")], "hybrid"),
        ("every-result-has-a-host-integration", &[("where", "gui")], "interpreters"),
        ("no-close-call-physics-rules-out", &[("where", "script"), ("work", "cpu"), ("gil", "std")], "threads"),
    ];
    for (name, pairs, model) in broken {
        let inv = INVARIANTS.iter().find(|i| i.name == *name).unwrap_or_else(|| panic!("no invariant {name}"));
        let answers = raw(pairs);
        let case = Case {
            answers: &answers,
            model: ModelId::find(model).unwrap(),
            runner_up: None,
            has_positive_reason: true,
        };
        assert!((inv.check)(&case).is_err(), "{name} does not catch {model} for {pairs:?}");
    }
    let answers = raw(&[("where", "script")]);
    let model = ModelId::find("threads").unwrap();
    let no_reason = Case { answers: &answers, model, runner_up: None, has_positive_reason: false };
    let check = |name: &str, case: &Case| (INVARIANTS.iter().find(|i| i.name == name).unwrap().check)(case);
    assert!(check("winner-has-a-reason", &no_reason).is_err());
    let silent_tie = Case {
        answers: &answers,
        model,
        runner_up: Some((ModelId::find("asyncio").unwrap(), 3, 3, false)),
        has_positive_reason: true,
    };
    assert!(check("no-tie-broken-by-order", &silent_tie).is_err());
    // A close call by one with threads, for pure-Python computing on the GIL build.
    let cpu_answers = raw(&[("where", "notebook"), ("work", "cpu"), ("gil", "std")]);
    let close_threads = Case {
        answers: &cpu_answers,
        model: ModelId::find("processes").unwrap(),
        runner_up: Some((model, 3, 2, true)),
        has_positive_reason: true,
    };
    assert!(check("no-close-call-physics-rules-out", &close_threads).is_err());
    // `tie-shown-as-tie` checks the engine's own decision (LostReason::decide) on every tied outcome; it
    // has no outcome that breaks it while the engine is right, so it is checked by the walk alone.
    // Every invariant has a case above.
    assert_eq!(broken.len() + 3, INVARIANTS.len());

    let processes = TEMPLATES.iter().find(|t| t.model.get().id == "processes").unwrap();
    let text_cases: &[BrokenCase] = &[
        ("no-asyncio-run-inside-a-running-loop", &[("where", "notebook")], "asyncio.run(main())\n"),
        ("library-never-changes-the-callers-loop", &[("where", "lib")], "loop.set_default_executor(pool)\n"),
        ("library-threads-limited-per-worker", &[("blas", "yes")], "with ProcessPoolExecutor() as pool:\n"),
        ("large-shared-object-loaded-once-per-worker", &[("shared", "yes")], "pool.submit(work, model)\n"),
        (
            "start-method-pitfall-matches-the-template",
            &[("os", "linux"), ("py", "3.12"), ("where", "script"), ("crash", "no"), ("shared", "no")],
            "START_METHOD = \"forkserver\" if sys.platform == \"linux\" else None\n",
        ),
        (
            "shared-object-pitfall-matches-the-template",
            &[("shared", "yes"), ("os", "linux"), ("py", "3.12"), ("where", "script")],
            "pool = ProcessPoolExecutor(initializer=load_table)\n",
        ),
        (
            "host-process-pool-survives-a-dead-worker",
            &[("where", "sweb"), ("crash", "yes")],
            "from concurrent.futures.process import BrokenProcessPool\npool = ProcessPoolExecutor()\n",
        ),
        (
            "long-jobs-leave-the-web-request",
            &[("where", "sweb"), ("task", "long")],
            "@app.get(\"/work\")\ndef work():\n    return {\"result\": pool().submit(job).result()}\n",
        ),
        (
            "aiomysql-pool-autocommits",
            &[],
            "    pool = await aiomysql.create_pool(\n        minsize=1, maxsize=N, **connect_params(DSN)\n    )\n",
        ),
        (
            "worker-cleanup-not-left-to-atexit",
            &[],
            "def init_worker() -> None:\n    global CONNECTION\n    CONNECTION = connect()\n    atexit.register(CONNECTION.close)\n",
        ),
        (
            "host-loop-default-executor-untouched",
            &[("where", "notebook")],
            "async def hash_all(folder):\n    loop = asyncio.get_running_loop()\n    loop.set_default_executor(ThreadPoolExecutor(8))\n    return await run(folder)\n\n\n#     stats = await hash_all(Path(\"data\"))    # in a Jupyter cell\n",
        ),
        (
            "configuration-constants-are-read",
            &[],
            "SDK_THREADS = min(CONCURRENCY, 10)\nCONCURRENCY = 50\n# SDK_THREADS threads\nprint(CONCURRENCY)\n",
        ),
        (
            "library-tasks-bounded-not-per-item",
            &[("where", "lib")],
            "    async with anyio.create_task_group() as group:\n        for item in items:\n            group.start_soon(one, item)\n",
        ),
    ];
    for (name, pairs, text) in text_cases {
        let inv = TEMPLATE_INVARIANTS.iter().find(|i| i.name == *name).unwrap();
        assert!((inv.check)(processes, &raw(pairs), text).is_err(), "{name} does not catch {text:?}");
    }
    // Celery's template is the distributed model's, so its invariant is tried on that template.
    let celery = TEMPLATES.iter().find(|t| t.id == "celery").unwrap();
    let celery_text = "app = Celery(MODULE_NAME)\nresults = [process_item.delay(item) for item in range(COUNT)]\n";
    let celery_inv = TEMPLATE_INVARIANTS.iter().find(|i| i.name == "celery-jobs-carry-an-expiry").unwrap();
    assert!(
        (celery_inv.check)(celery, &raw(&[]), celery_text).is_err(),
        "celery-jobs-carry-an-expiry does not catch .delay()"
    );
    assert_eq!(text_cases.len() + 1, TEMPLATE_INVARIANTS.len());
}
