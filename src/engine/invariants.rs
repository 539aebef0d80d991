//! The advice as a whole, checked over every answer path: named invariants that an expert would sign,
//! each a predicate over one outcome (the answers, the winning model, its template, its host
//! integration and the scores). `check_outcomes` runs the model-level ones over the final states of one
//! merged scoring walk; `check_templates` runs the text-level ones over every distinct rendering of
//! every template. A failure carries a link to a complete path that shows it.

use crate::content::{ModelId, PITFALLS, Pitfall, QuestionId, RULES, TEMPLATES, Template};
use crate::engine::reachable::{Outcome, Walk, reads};
use crate::engine::recommendation::{CLOSE_CALL_MARGIN, LostReason, integration_for, template_for};
use crate::engine::{Answers, Recommendation, ShareLink};
use std::collections::BTreeSet;

/// One outcome as the invariants see it.
pub struct Case<'a> {
    pub answers: &'a Answers,
    pub model: ModelId,
    /// The runner-up still in the running, if any, the two scores, and whether any answer moved the
    /// two models' scores (so that something separates them).
    pub runner_up: Option<(ModelId, i32, i32, bool)>,
    /// Whether some rule gave the winner points.
    pub has_positive_reason: bool,
}

impl Case<'_> {
    fn is(&self, q: &str, option: &str) -> bool {
        let Some(id) = QuestionId::find(q) else { return false };
        self.answers.get(id).is_some_and(|o| id.get().options[o as usize].id == option)
    }

    fn model_is(&self, ids: &[&str]) -> bool {
        ids.contains(&self.model.get().id)
    }

    fn template(&self) -> &'static Template {
        template_for(self.model, self.answers)
    }
}

/// A rule about the advice over all answer paths.
pub struct Invariant {
    pub name: &'static str,
    /// What it guarantees, in one sentence (listed in README).
    pub says: &'static str,
    /// The questions it reads, besides those that choose the template and the host integration.
    pub reads: &'static [&'static str],
    /// `Err` with what is wrong when the outcome breaks it.
    pub check: fn(&Case) -> Result<(), String>,
}

fn ensure(ok: bool, why: impl FnOnce() -> String) -> Result<(), String> {
    if ok { Ok(()) } else { Err(why()) }
}

/// `check` where the code runs in `host` (an option of `where`); nothing to check elsewhere.
fn in_host(c: &Case, host: &str, check: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    if c.is("where", host) { check() } else { Ok(()) }
}

/// The template chosen has a variant for the host (one of `variants`, `host` naming it in the error).
fn has_variant(c: &Case, variants: &[&str], host: &str) -> Result<(), String> {
    let t = c.template().id;
    ensure(variants.contains(&t), || format!("template `{t}` has no {host} variant"))
}

/// Every model-level invariant.
pub const INVARIANTS: &[Invariant] = &[
    Invariant {
        name: "async-web-work-off-the-loop",
        says: "An async web app never gets a model or template that runs the work on the event loop.",
        reads: &["where", "work"],
        check: |c| {
            in_host(c, "aweb", || {
                ensure(!c.model_is(&["sequential", "free_threaded", "interpreters"]), || {
                    "a model that runs in place".into()
                })?;
                ensure(!c.model_is(&["asyncio"]) || c.is("work", "io"), || "asyncio for work that computes".into())?;
                has_variant(c, AWEB_TEMPLATES, "async web app")
            })
        },
    },
    Invariant {
        name: "gui-thread-stays-free",
        says: "A desktop GUI never gets a model or template that runs the work on the UI thread.",
        reads: &["where"],
        check: |c| {
            in_host(c, "gui", || {
                ensure(c.model_is(&["threads", "processes", "distributed"]), || {
                    "a model that blocks the UI thread".into()
                })?;
                has_variant(c, GUI_TEMPLATES, "GUI")
            })
        },
    },
    Invariant {
        name: "crash-risk-isolated",
        says: "Crash risk \"yes\" never gets an in-process executor for the risky work.",
        reads: &["crash"],
        check: |c| {
            ensure(!c.is("crash", "yes") || c.model_is(&["processes", "hybrid", "distributed"]), || {
                "an in-process model for work that may crash".into()
            })
        },
    },
    Invariant {
        name: "one-core-script-no-pool",
        says: "A script with pure-Python CPU work and one core never gets a pool (unless crash isolation asks for a worker process).",
        reads: &["where", "work", "cores", "crash"],
        check: |c| {
            let applies = c.is("where", "script") && c.is("work", "cpu") && c.is("cores", "1") && !c.is("crash", "yes");
            ensure(
                !applies || !c.model_is(&["threads", "processes", "hybrid", "free_threaded", "interpreters"]),
                || "a pool on one core".into(),
            )
        },
    },
    Invariant {
        name: "io-only-no-parallel-runtime",
        says: "I/O-only work never gets processes, interpreters or free-threading.",
        reads: &["work"],
        check: |c| {
            ensure(!c.is("work", "io") || !c.model_is(&["processes", "interpreters", "free_threaded"]), || {
                "a parallel runtime for work that only waits".into()
            })
        },
    },
    Invariant {
        name: "no-experimental-3.13t",
        says: "The experimental 3.13t never wins; free-threading is recommended on 3.14t only.",
        reads: &["py"],
        check: |c| {
            ensure(!c.model_is(&["free_threaded"]) || c.is("py", "3.14"), || "free-threading before 3.14".into())
        },
    },
    Invariant {
        name: "free-threading-needs-ready-extensions",
        says: "Free-threaded threads are recommended only when every compiled dependency supports them.",
        reads: &["ext"],
        check: |c| {
            ensure(!c.model_is(&["free_threaded"]) || c.is("ext", "none") || c.is("ext", "ready"), || {
                "free-threading with extensions that bring the GIL back".into()
            })
        },
    },
    Invariant {
        name: "interpreters-need-subinterpreter-support",
        says: "An interpreter pool is recommended only when every compiled dependency loads in a subinterpreter.",
        reads: &["subint"],
        check: |c| {
            ensure(!c.model_is(&["interpreters"]) || c.is("subint", "none") || c.is("subint", "ready"), || {
                "an interpreter pool with extensions that refuse subinterpreters".into()
            })
        },
    },
    Invariant {
        name: "unknown-workload-measures-first",
        says: "When the workload is unknown and nothing forces work off a loop or UI thread, the result is to measure first.",
        reads: &["work", "where", "scale"],
        check: |c| {
            let applies =
                c.is("work", "unsure") && c.is("scale", "one") && !c.is("where", "aweb") && !c.is("where", "gui");
            ensure(!applies || c.model_is(&["sequential"]), || "a pool before anything was measured".into())
        },
    },
    Invariant {
        name: "quick-job-stays-sequential",
        says: "A job that takes a few seconds in all is never given a pool.",
        reads: &["total"],
        check: |c| {
            ensure(!c.is("total", "quick") || c.model_is(&["sequential"]), || {
                "a pool for a job of a few seconds".into()
            })
        },
    },
    Invariant {
        name: "library-serves-any-caller",
        says: "A library gets an API that leaves the caller's event loop alone (AnyIO) or takes the caller's executor.",
        reads: &["where"],
        check: |c| in_host(c, "lib", || has_variant(c, LIB_TEMPLATES, "library")),
    },
    Invariant {
        name: "winner-has-a-reason",
        says: "Every recommendation has at least one positive reason in its trail.",
        reads: &[],
        check: |c| ensure(c.has_positive_reason, || "no rule speaks for the winner".into()),
    },
    Invariant {
        name: "no-tie-broken-by-order",
        says: "A win by one point or less is shown as a close call with the runner-up, and a tie always has answers that separate the two models: none is decided by the order of models alone.",
        reads: &[],
        check: |c| match c.runner_up {
            Some((m, w, r, separated)) => {
                ensure(w > r || separated, || format!("tied with `{}` at {w} and no answer separates them", m.get().id))
            }
            None => Ok(()),
        },
    },
    Invariant {
        name: "no-close-call-physics-rules-out",
        says: "Threads are never the pick or the close call for pure-Python computing on the GIL build, nor on top of a library that already keeps the cores busy.",
        reads: &["work", "gil", "blas", "where"],
        check: |c| {
            let threads = ModelId::find("threads");
            let close = c.runner_up.is_some_and(|(m, w, r, _)| Some(m) == threads && w - r <= CLOSE_CALL_MARGIN);
            let named = close || Some(c.model) == threads;
            // A GUI's one worker thread keeps the window live; it is not there for speed.
            let for_speed = !c.is("where", "gui");
            let gil_cpu = c.is("work", "cpu") && !c.is("gil", "ft");
            let busy_blas = c.is("work", "ext") && c.is("blas", "yes");
            ensure(!(named && for_speed && (gil_cpu || busy_blas)), || {
                let why = if gil_cpu {
                    "pure-Python computing under the GIL"
                } else {
                    "a library that already uses the cores"
                };
                format!("threads named for {why}")
            })
        },
    },
    Invariant {
        name: "tie-shown-as-tie",
        says: "A runner-up with the winner's score is shown as a tie, never as beaten by a reason, whatever rules fired on either side.",
        reads: &[],
        check: |c| match c.runner_up {
            Some((m, w, r, _)) if w == r => {
                // The strongest case for calling it a defeat: a rule against the runner-up and one for the winner.
                let against = RULES.iter().find(|x| x.model == m && x.score < 0);
                let best = RULES.iter().find(|x| x.model == c.model && x.score > 0);
                let lost = LostReason::decide(None, w - r, against, best);
                ensure(matches!(lost, LostReason::Tie), || format!("tied with `{}` but shown as beaten", m.get().id))
            }
            _ => Ok(()),
        },
    },
    Invariant {
        name: "every-result-has-a-host-integration",
        says: "Every recommendation says how it plugs into the host the user chose.",
        reads: &["where"],
        check: |c| {
            ensure(integration_for(c.model, c.answers).is_some(), || {
                format!("no host integration for `{}` here", c.model.get().id)
            })
        },
    },
];

/// The templates with code for an async web app (the asyncio ones run inside the app's loop).
const AWEB_TEMPLATES: &[&str] = &[
    "asyncio_aweb",
    "asyncio_db",
    "asyncio_files",
    "asyncio_other",
    "asyncio_http",
    "to_thread",
    "threads_aweb",
    "processes_aweb",
    "hybrid_aweb",
    "dask",
    "celery",
    "ray",
];
/// The templates with code for a desktop GUI.
const GUI_TEMPLATES: &[&str] = &["threads_gui", "processes_gui", "dask", "celery", "ray"];
/// The templates with code for a library.
const LIB_TEMPLATES: &[&str] =
    &["asyncio_lib", "to_thread_lib", "threads_lib", "processes_lib", "sequential", "dask", "celery", "ray"];

/// A broken invariant, with a complete answer path that shows it.
#[derive(Debug)]
pub struct Violation {
    pub invariant: &'static str,
    pub what: String,
    pub link: String,
    /// How many paths break it.
    pub paths: u128,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} broken on {} paths ({}), e.g. {}", self.invariant, self.paths, self.what, self.link)
    }
}

/// The questions that choose a template and a host integration.
fn selection_reads(out: &mut BTreeSet<u8>) {
    for t in TEMPLATES {
        reads(&t.when, out);
    }
    for i in crate::content::INTEGRATIONS {
        reads(&i.when, out);
    }
}

fn case_of(outcome: &Outcome) -> Option<Case<'_>> {
    let ranking = outcome.ranking();
    let model = *ranking.first()?;
    Some(Case {
        answers: &outcome.answers,
        model: ModelId(model as u8),
        runner_up: ranking.get(1).map(|&r| {
            let separated = outcome.fired & ((1 << model) | (1 << r)) != 0;
            (ModelId(r as u8), outcome.scores[model] as i32, outcome.scores[r] as i32, separated)
        }),
        has_positive_reason: outcome.positive & (1 << model) != 0,
    })
}

/// Runs every model-level invariant over every answer path (one merged scoring walk). Returns the total
/// number of paths and the violations, one per invariant at most, each with a complete example path.
pub fn check_outcomes() -> (u128, Vec<Violation>) {
    let mut observed = BTreeSet::new();
    selection_reads(&mut observed);
    for inv in INVARIANTS {
        for q in inv.reads {
            observed.insert(QuestionId::find(q).expect("an invariant reads an unknown question").0);
        }
    }
    let observe: Vec<QuestionId> = observed.iter().map(|&q| QuestionId(q)).collect();
    let walk = Walk::run(&observe, true);
    let mut found: Vec<(usize, String, Answers, u128)> = Vec::new();
    for (outcome, paths) in walk.outcomes() {
        let Some(case) = case_of(&outcome) else { continue };
        for (i, inv) in INVARIANTS.iter().enumerate() {
            if let Err(what) = (inv.check)(&case) {
                match found.iter_mut().find(|f| f.0 == i) {
                    Some(f) => f.3 += paths,
                    None => found.push((i, what, outcome.answers, paths)),
                }
            }
        }
    }
    found.sort_by_key(|f| f.0);
    let violations = found
        .into_iter()
        .map(|(i, what, partial, paths)| {
            let inv = &INVARIANTS[i];
            let full = example_path(&partial, &|a| {
                let rec = Recommendation::for_answers(a);
                let runner_up = rec.alternatives.first().filter(|alt| !matches!(alt.lost, LostReason::RuledOut(_)));
                let case = Case {
                    answers: a,
                    model: rec.model,
                    runner_up: runner_up.map(|alt| {
                        let separated = rec.close_call.as_ref().is_none_or(|c| !c.separating.is_empty());
                        (alt.model, rec.scores[rec.model.0 as usize], alt.score, separated)
                    }),
                    has_positive_reason: rec.trail.iter().any(|t| t.rule.score > 0),
                };
                (inv.check)(&case).is_err()
            });
            let link = ShareLink { answers: full.unwrap_or(partial), lang: None }.encode();
            Violation { invariant: inv.name, what, link: format!("?{link}"), paths }
        })
        .collect();
    (walk.paths, violations)
}

/// A rule about the text of every template variant.
pub struct TemplateInvariant {
    pub name: &'static str,
    pub says: &'static str,
    pub reads: &'static [&'static str],
    /// `Err` with what is wrong, given the template, the answers that select it and its text.
    pub check: fn(&Template, &Answers, &str) -> Result<(), String>,
}

fn pitfall(id: &str) -> &'static Pitfall {
    PITFALLS.iter().find(|p| p.id == id).expect("an invariant names an unknown pitfall")
}

fn is(answers: &Answers, q: &str, option: &str) -> bool {
    let Some(id) = QuestionId::find(q) else { return false };
    answers.get(id).is_some_and(|o| id.get().options[o as usize].id == option)
}

/// Lines of code (not comments, not docstring prose) that call `needle`.
fn calls(text: &str, needle: &str) -> bool {
    text.lines().map(str::trim_start).any(|l| !l.starts_with('#') && l.contains(needle))
}

/// The arguments of each call `name(...)` in the text: what lies between its parentheses, which may
/// span lines and hold nested calls.
fn call_args<'t>(text: &'t str, name: &str) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(name) {
        let open = at + name.len();
        let mut depth = 1;
        let mut end = None;
        for (i, ch) in rest[open..].char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(open + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else { break };
        out.push(&rest[open..end]);
        rest = &rest[end..];
    }
    out
}

/// The names of the top-level functions whose body has a line of code (not a comment) holding
/// `needle`.
fn functions_calling(text: &str, needle: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let def = line.strip_prefix("async def ").or_else(|| line.strip_prefix("def "));
        if let Some(def) = def {
            current = def.split('(').next().map(str::to_string);
        } else if !line.is_empty() && !line.starts_with(' ') && !line.starts_with('#') && !line.starts_with(')') {
            current = None;
        }
        if let Some(name) = &current
            && !line.trim_start().starts_with('#')
            && line.contains(needle)
            && !out.contains(name)
        {
            out.push(name.clone());
        }
    }
    out
}

/// The module-level constants (`NAME = ...` or `NAME: type = ...` at the start of a line, in capitals).
fn module_constants(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|l| {
            let name_len = l.find(|ch: char| !(ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '_'))?;
            let (name, after) = l.split_at(name_len);
            let starts = name.chars().next().is_some_and(|ch| ch.is_ascii_uppercase());
            // `NAME: type = value`, not a docstring line such as `NAME: what it means.`
            let annotated = after.starts_with(": ") && after.contains(" = ");
            (starts && (after.starts_with(" = ") || annotated)).then_some(name)
        })
        .collect()
}

/// Whether `word` stands in `line` as a whole identifier.
fn has_word(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(i, _)| {
        let ident = |ch: char| ch.is_ascii_alphanumeric() || ch == '_';
        let before = line[..i].chars().next_back().is_none_or(|ch| !ident(ch));
        let after = line[i + word.len()..].chars().next().is_none_or(|ch| !ident(ch));
        before && after
    })
}

/// Every text-level invariant.
pub const TEMPLATE_INVARIANTS: &[TemplateInvariant] = &[
    TemplateInvariant {
        name: "no-asyncio-run-inside-a-running-loop",
        says: "Templates for a notebook or an async web app never reach `asyncio.run()` while a loop runs: a script entry point first checks for a running loop.",
        reads: &["where"],
        check: |_, a, text| {
            let applies = is(a, "where", "notebook") || is(a, "where", "aweb");
            let guarded = text.contains("asyncio.get_running_loop()\n    except RuntimeError:");
            ensure(!applies || !calls(text, "asyncio.run(") || guarded, || {
                "calls asyncio.run() where a loop already runs".into()
            })
        },
    },
    TemplateInvariant {
        name: "host-process-pool-survives-a-dead-worker",
        says: "A template for a web app, a GUI, a notebook or a library that runs a process pool, served when a worker may crash, handles BrokenProcessPool (a dead worker breaks the pool for the life of the host).",
        reads: &["where", "crash"],
        check: |_, a, text| {
            let host = ["aweb", "sweb", "gui", "notebook", "lib"].iter().any(|h| is(a, "where", h));
            let applies = host && is(a, "crash", "yes") && calls(text, "ProcessPoolExecutor(");
            // A line of code (not a comment, not the import) that catches or tests for it.
            let handles = text.lines().map(str::trim_start).any(|l| {
                !l.starts_with('#')
                    && !l.starts_with("from ")
                    && !l.starts_with("import ")
                    && l.contains("BrokenProcessPool")
            });
            ensure(!applies || handles, || {
                "a process pool in a long-lived host, for crash risk, that never handles BrokenProcessPool".into()
            })
        },
    },
    TemplateInvariant {
        name: "long-jobs-leave-the-web-request",
        says: "For jobs of minutes or more, a web-app template (one that serves routes) answers 202 with a job id and a status URL instead of holding the request open.",
        reads: &["where", "task"],
        check: |_, a, text| {
            let web = is(a, "where", "aweb") || is(a, "where", "sweb");
            let applies = web && is(a, "task", "long") && calls(text, "@app.");
            ensure(!applies || (calls(text, "202") && calls(text, "status_url")), || {
                "holds the web request open for a job of minutes".into()
            })
        },
    },
    TemplateInvariant {
        name: "library-never-changes-the-callers-loop",
        says: "Library templates never set the loop's default executor nor start a loop at import.",
        reads: &["where"],
        check: |_, a, text| {
            ensure(!is(a, "where", "lib") || !calls(text, "set_default_executor"), || {
                "sets the caller's default executor".into()
            })
        },
    },
    TemplateInvariant {
        name: "library-threads-limited-per-worker",
        says: "A process pool for work whose library may be multithreaded limits each worker's library threads.",
        reads: &["blas"],
        check: |t, a, text| {
            let applies = t.model.get().id == "processes" && (is(a, "blas", "yes") || is(a, "blas", "unsure"));
            ensure(!applies || text.contains("OMP_NUM_THREADS") || text.contains("threadpool_limits"), || {
                "no per-worker limit on library threads".into()
            })
        },
    },
    TemplateInvariant {
        name: "large-shared-object-loaded-once-per-worker",
        says: "A process pool whose tasks all read one large object loads it once per worker (initializer) or inherits it by fork, never per task.",
        reads: &["shared"],
        check: |t, a, text| {
            let applies = t.model.get().id == "processes" && is(a, "shared", "yes");
            ensure(!applies || text.contains("initializer") || text.contains("gc.freeze"), || {
                "sends the shared object with each task".into()
            })
        },
    },
    TemplateInvariant {
        name: "start-method-pitfall-matches-the-template",
        says: "Where a process-pool template starts its workers with forkserver, the checklist warns that they import the main module again.",
        reads: &["os", "py", "where", "crash", "shared"],
        check: |t, a, text| {
            let forkserver = t.model.get().id == "processes" && text.contains("START_METHOD = \"forkserver\"");
            ensure(!forkserver || pitfall("main-module-reimported").applies(t.model, a), || {
                "starts workers with forkserver, and the checklist does not say they import the main module".into()
            })
        },
    },
    TemplateInvariant {
        name: "shared-object-pitfall-matches-the-template",
        says: "When every task reads one large object, the checklist explains the way the template shares it: inherited through fork, or loaded once in each worker.",
        reads: &["shared", "os", "py", "where"],
        check: |t, a, text| {
            let model = t.model.get().id;
            if !(is(a, "shared", "yes") && (model == "processes" || model == "hybrid")) {
                return Ok(());
            }
            let forks = calls(text, "get_context(\"fork\")");
            let fork_pitfall = pitfall("shared-state-fork-copy-on-write").applies(t.model, a);
            let spawn_pitfall = pitfall("spawn-defeats-copy-on-write").applies(t.model, a);
            ensure(fork_pitfall == forks && spawn_pitfall != forks, || {
                format!(
                    "the template {}, and the checklist shows the fork pitfall: {fork_pitfall}, the per-worker one: {spawn_pitfall}",
                    if forks {
                        "forks its workers after loading the object"
                    } else {
                        "loads the object in each worker"
                    }
                )
            })
        },
    },
    TemplateInvariant {
        name: "aiomysql-pool-autocommits",
        says: "Every aiomysql connection pool is created with autocommit=True: aiomysql's pool closes, instead of reusing, a connection handed back with a transaction open.",
        reads: &[],
        check: |_, _, text| {
            let calls = call_args(text, "aiomysql.create_pool(");
            ensure(calls.iter().all(|args| args.contains("autocommit=True")), || {
                "an aiomysql pool without autocommit=True".into()
            })
        },
    },
    TemplateInvariant {
        name: "worker-cleanup-not-left-to-atexit",
        says: "A process pool's worker initializer never leaves its cleanup to atexit, which fork and forkserver workers skip before Python 3.13.",
        reads: &[],
        check: |_, _, text| {
            let initializers = functions_calling(text, "atexit.register(");
            ensure(!initializers.iter().any(|f| f.contains("init")), || {
                format!("atexit.register() in the worker initializer {initializers:?}")
            })
        },
    },
    TemplateInvariant {
        name: "host-loop-default-executor-untouched",
        says: "A template for a notebook or an async web app never tells the user to await a function that replaces the loop's default executor: that loop belongs to the kernel or the server.",
        reads: &["where"],
        check: |_, a, text| {
            if !(is(a, "where", "notebook") || is(a, "where", "aweb")) {
                return Ok(());
            }
            let setters = functions_calling(text, "set_default_executor(");
            let awaited: Vec<&String> = setters.iter().filter(|f| text.contains(&format!("await {f}("))).collect();
            ensure(awaited.is_empty(), || {
                format!("awaits {awaited:?}, which replaces the default executor of a loop it does not own")
            })
        },
    },
    TemplateInvariant {
        name: "configuration-constants-are-read",
        says: "Every module-level constant a template defines is read by its code: a setting that changes nothing misleads whoever tunes it.",
        reads: &[],
        check: |_, _, text| {
            let code: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with('#')).collect();
            let dead: Vec<&str> = module_constants(text)
                .into_iter()
                .filter(|name| code.iter().filter(|l| has_word(l, name)).count() < 2)
                .collect();
            ensure(dead.is_empty(), || format!("constants defined and never read: {dead:?}"))
        },
    },
    TemplateInvariant {
        name: "library-tasks-bounded-not-per-item",
        says: "A library template never starts one task per input item: a long or endless iterable would grow without bound, so a fixed number of tasks take the items in turn.",
        reads: &["where"],
        check: |_, a, text| {
            if !is(a, "where", "lib") {
                return Ok(());
            }
            let code: Vec<&str> =
                text.lines().map(str::trim_start).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
            let per_item = code.windows(2).any(|w| {
                w[0].starts_with("for item in items") && (w[1].contains("start_soon(") || w[1].contains("create_task("))
            });
            ensure(!per_item, || "starts a task for every input item".into())
        },
    },
    TemplateInvariant {
        name: "celery-jobs-carry-an-expiry",
        says: "Celery jobs are submitted with an expiry: a revocation reaches only the workers running then, while the expiry travels in the message to any later worker.",
        reads: &[],
        check: |t, _, text| {
            if t.model.get().id != "distributed" || !calls(text, "Celery(") {
                return Ok(());
            }
            let sends = call_args(text, ".apply_async(");
            ensure(!calls(text, ".delay(") && !sends.is_empty() && sends.iter().all(|a| a.contains("expires=")), || {
                "submits Celery jobs without an expiry".into()
            })
        },
    },
];

/// A branch of a template's `{{#if}}` that no rendering takes where its model can win: its lines can
/// never reach a user, so its condition is wrong (or the branch is dead). Returns `template: condition`
/// for each, over every distinct rendering of every template, counting only the answers that satisfy
/// the model's requirements (a branch for answers that rule the model out is dead too).
pub fn dead_template_branches() -> Vec<String> {
    use crate::content::REQUIREMENTS;
    use crate::content::Segment;
    fn mark(segments: &'static [Segment], answers: &Answers, taken: &mut BTreeSet<(usize, usize)>) {
        for s in segments {
            if let Segment::Choice(branches) = s
                && let Some(i) = branches.iter().position(|(cond, _)| cond.holds(answers))
            {
                taken.insert((branches.as_ptr() as usize, i));
                mark(branches[i].1, answers, taken);
            }
        }
    }
    fn report(t: &Template, segments: &'static [Segment], taken: &BTreeSet<(usize, usize)>, out: &mut Vec<String>) {
        for s in segments {
            if let Segment::Choice(branches) = s {
                for (i, (cond, body)) in branches.iter().enumerate() {
                    if !taken.contains(&(branches.as_ptr() as usize, i)) {
                        let first = body.iter().find_map(|b| match b {
                            Segment::Lines(code) => code.get().lines().next(),
                            Segment::Choice(_) => None,
                        });
                        out.push(format!("{}: branch {i} ({cond:?}) starting {:?}", t.id, first.unwrap_or("")));
                    }
                    report(t, body, taken, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    for t in TEMPLATES {
        let requirements: Vec<_> = REQUIREMENTS.iter().filter(|r| r.model == t.model).collect();
        let mut observed = t.observed();
        for r in &requirements {
            observed.extend(r.reads.iter().map(|q| q.0));
        }
        let observe: Vec<QuestionId> = observed.iter().map(|&q| QuestionId(q)).collect();
        let mut taken = BTreeSet::new();
        for (answers, _) in Walk::run(&observe, false).projections() {
            let allowed = requirements.iter().all(|r| r.when.holds(&answers));
            if allowed && std::ptr::eq(template_for(t.model, &answers), t) {
                mark(t.body, &answers, &mut taken);
            }
        }
        report(t, t.body, &taken, &mut out);
    }
    out
}

/// Runs every text-level invariant over every distinct rendering of every template (a walk per
/// template observing what its text and selection read). Returns how many renderings were checked.
pub fn check_templates() -> (usize, Vec<Violation>) {
    let mut checked = 0;
    let mut violations: Vec<Violation> = Vec::new();
    for t in TEMPLATES {
        let mut observed = t.observed();
        for inv in TEMPLATE_INVARIANTS {
            for q in inv.reads {
                observed.insert(QuestionId::find(q).expect("an invariant reads an unknown question").0);
            }
        }
        let observe: Vec<QuestionId> = observed.iter().map(|&q| QuestionId(q)).collect();
        for (answers, paths) in Walk::run(&observe, false).projections() {
            if !std::ptr::eq(template_for(t.model, &answers), t) {
                continue;
            }
            let text = t.render(&answers);
            checked += 1;
            for inv in TEMPLATE_INVARIANTS {
                if let Err(what) = (inv.check)(t, &answers, &text) {
                    match violations.iter_mut().find(|v| v.invariant == inv.name) {
                        Some(v) => v.paths += paths,
                        None => violations.push(Violation {
                            invariant: inv.name,
                            what: format!("template `{}`: {what}", t.id),
                            link: format!("?{}", ShareLink { answers, lang: None }.encode()),
                            paths,
                        }),
                    }
                }
            }
        }
    }
    (checked, violations)
}

/// A complete answer path that keeps every answer of `partial` where its question is asked and for
/// which `bad` holds: a depth-first search, so the first such path in option order.
pub fn example_path(partial: &Answers, bad: &dyn Fn(&Answers) -> bool) -> Option<Answers> {
    fn go(a: &Answers, partial: &Answers, bad: &dyn Fn(&Answers) -> bool, budget: &mut u32) -> Option<Answers> {
        if *budget == 0 {
            return None;
        }
        let Some(q) = a.next_question() else {
            *budget -= 1;
            return bad(a).then_some(*a);
        };
        let options: Vec<u8> = match partial.get(q) {
            Some(o) => vec![o],
            None => (0..q.get().options.len() as u8).collect(),
        };
        options.into_iter().find_map(|o| {
            let mut b = *a;
            b.answer(q, o);
            go(&b, partial, bad, budget)
        })
    }
    go(&Answers::new(), partial, bad, &mut 2_000_000)
}

/// A reason shown where its sentence takes for granted an answer the user contradicted or never gave.
#[derive(Debug)]
pub struct FalseReason {
    /// `rule N` or `require N` (1-based, in rules.toml order), the model and the English sentence.
    pub reason: String,
    pub link: String,
    pub paths: u128,
}

impl std::fmt::Display for FalseReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} is shown on {} paths where its presupposition fails, e.g. {}", self.reason, self.paths, self.link)
    }
}

/// Every reason is true where it is shown: a rule's `presumes` holds on every path where the rule fires
/// (its sentence then stands in the trail, as the reason an alternative lost, or in a close call), and a
/// requirement's `presumes` holds on every path where it rules its model out. A walk per reason observes
/// the questions its two conditions read, so every answer path is covered. Returns how many reasons were
/// checked and the false ones, each with a complete path that shows it.
pub fn check_reasons() -> (usize, Vec<FalseReason>) {
    use crate::content::{Cond, ModelId, REQUIREMENTS, RULES};
    let mut out = Vec::new();
    // `shown` says where the reason is on screen; `presumes` what its sentence takes for granted there.
    let mut check = |label: String, conds: Vec<&Cond>, shown: &dyn Fn(&Answers) -> bool, presumes: &Cond| {
        if matches!(presumes, Cond::Always) {
            return;
        }
        let mut observed = BTreeSet::new();
        for c in conds.iter().copied().chain([presumes]) {
            reads(c, &mut observed);
        }
        let observe: Vec<QuestionId> = observed.iter().map(|&q| QuestionId(q)).collect();
        let bad = |a: &Answers| shown(a) && !presumes.holds(a);
        let mut found: Option<(Answers, u128)> = None;
        for (answers, paths) in Walk::run(&observe, false).projections() {
            if bad(&answers) {
                found.get_or_insert((answers, 0)).1 += paths;
            }
        }
        if let Some((partial, paths)) = found {
            let full = example_path(&partial, &bad).unwrap_or(partial);
            let link = format!("?{}", ShareLink { answers: full, lang: None }.encode());
            out.push(FalseReason { reason: label, link, paths });
        }
    };
    let reqs_of = |m: ModelId| REQUIREMENTS.iter().filter(move |q| q.model == m);
    for (i, r) in RULES.iter().enumerate() {
        // A rule's sentence is shown while its model is in the running (a ruled-out model shows its
        // requirement instead).
        let shown = |a: &Answers| r.when.holds(a) && reqs_of(r.model).all(|q| q.when.holds(a));
        let conds = std::iter::once(&r.when).chain(reqs_of(r.model).map(|q| &q.when)).collect();
        check(format!("rule {} (`{}`): \"{}\"", i + 1, r.model.get().id, r.why.en()), conds, &shown, &r.presumes);
    }
    for (i, r) in REQUIREMENTS.iter().enumerate() {
        // The first requirement of its model that fails is the one shown.
        let earlier: Vec<&Cond> = REQUIREMENTS[..i].iter().filter(|q| q.model == r.model).map(|q| &q.when).collect();
        let shown = |a: &Answers| !r.when.holds(a) && earlier.iter().all(|c| c.holds(a));
        let conds = std::iter::once(&r.when).chain(earlier.iter().copied()).collect();
        check(format!("require {} (`{}`): \"{}\"", i + 1, r.model.get().id, r.why.en()), conds, &shown, &r.presumes);
    }
    let checked = RULES.iter().filter(|r| !matches!(r.presumes, Cond::Always)).count()
        + REQUIREMENTS.iter().filter(|r| !matches!(r.presumes, Cond::Always)).count();
    (checked, out)
}
