//! Turns checks.toml into Rust constants (OUT_DIR/checks.rs), so the checker carries no TOML parser.
//! A malformed entry (unknown rule, duplicate id, empty list where the rule needs one) stops the build
//! with the check named.

use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;

/// Rule names in checks.toml and the `Rule` variants they become, with the lists each rule needs.
const RULES: &[(&str, &str, Needs)] = &[
    ("call-in-coroutine", "CallInCoroutine", Needs::Calls),
    ("call-in-notebook", "CallInNotebook", Needs::Calls),
    ("call-anywhere", "CallAnywhere", Needs::Calls),
    ("call-without-loop", "CallWithoutLoop", Needs::Calls),
    ("dropped-task", "DroppedTask", Needs::Both),
    ("unawaited-coroutine", "UnawaitedCoroutine", Needs::Calls),
    ("gather-unchecked", "GatherUnchecked", Needs::Calls),
    ("swallowed-cancel", "SwallowedCancel", Needs::Calls),
    ("lambda-to-process-pool", "LambdaToProcessPool", Needs::Methods),
    ("local-to-process-pool", "LocalToProcessPool", Needs::Methods),
    ("unguarded-process-start", "UnguardedProcessStart", Needs::Calls),
    ("executor-not-closed", "ExecutorNotClosed", Needs::Methods),
    ("dropped-future", "DroppedFuture", Needs::Methods),
    ("late-binding", "LateBinding", Needs::Calls),
    ("unbounded-map", "UnboundedMap", Needs::Both),
    ("preexec-with-threads", "PreexecWithThreads", Needs::Calls),
    ("fork-with-threads", "ForkWithThreads", Needs::Calls),
    ("blocking-helper", "BlockingHelper", Needs::Calls),
    ("lock-across-await", "LockAcrossAwait", Needs::Calls),
    ("coroutine-callback", "CoroutineCallback", Needs::Calls),
    ("session-not-closed", "SessionNotClosed", Needs::Both),
    ("unretrieved-task", "UnretrievedTask", Needs::Methods),
    ("gui-callback-blocks", "GuiCallbackBlocks", Needs::Both),
    ("gui-widget-from-thread", "GuiWidgetFromThread", Needs::Both),
    ("asyncio-from-thread", "AsyncioFromThread", Needs::Both),
    ("queue-joined-before-drained", "QueueJoinedBeforeDrained", Needs::Both),
];

#[derive(Clone, Copy, PartialEq)]
enum Needs {
    Calls,
    Methods,
    Both,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    check: Vec<RawCheck>,
    names: BTreeMap<String, Vec<String>>,
    suggest: Vec<RawSuggest>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    id: String,
    pitfall: String,
    rule: String,
    summary: String,
    #[serde(default)]
    calls: Vec<String>,
    #[serde(default)]
    methods: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuggest {
    key: String,
    value: String,
    when: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
    #[serde(default)]
    requires: Option<String>,
}

/// The vocabulary lists the rules read; each must be present in `[names]`.
const NAME_LISTS: &[&str] = &[
    "process_pools",
    "thread_pools",
    "interpreter_pools",
    "mp_contexts",
    "event_loops",
    "loop_types",
    "threads",
    "catch_all",
    "iter_builtins",
];

fn main() {
    println!("cargo:rerun-if-changed=checks.toml");
    let text = std::fs::read_to_string("checks.toml").expect("read checks.toml");
    let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("checks.toml: {e}"));
    let errors = validate(&file);
    if !errors.is_empty() {
        panic!("checks.toml has {} error(s):\n{}", errors.len(), errors.join("\n"));
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("checks.rs");
    std::fs::write(out, generate(&file)).expect("write checks.rs");
}

fn validate(file: &File) -> Vec<String> {
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    for c in &file.check {
        let at = format!("check `{}`", c.id);
        if !ids.insert(c.id.as_str()) {
            errors.push(format!("{at}: the id is used twice"));
        }
        if !is_kebab(&c.id) || !is_kebab(&c.pitfall) {
            errors.push(format!("{at}: id and pitfall must be kebab-case"));
        }
        if c.summary.trim().is_empty() {
            errors.push(format!("{at}: the summary is empty"));
        }
        match RULES.iter().find(|(name, _, _)| *name == c.rule) {
            None => errors.push(format!("{at}: unknown rule `{}`", c.rule)),
            Some((_, _, needs)) => {
                if matches!(needs, Needs::Calls | Needs::Both) && c.calls.is_empty() {
                    errors.push(format!("{at}: rule `{}` needs `calls`", c.rule));
                }
                if matches!(needs, Needs::Methods | Needs::Both) && c.methods.is_empty() {
                    errors.push(format!("{at}: rule `{}` needs `methods`", c.rule));
                }
            }
        }
    }
    for name in NAME_LISTS {
        if !file.names.contains_key(*name) {
            errors.push(format!("[names]: `{name}` is missing"));
        }
    }
    for name in file.names.keys() {
        if !NAME_LISTS.contains(&name.as_str()) {
            errors.push(format!("[names]: `{name}` is read by no rule"));
        }
    }
    for s in &file.suggest {
        if s.when.is_empty() {
            errors.push(format!("suggest {}={}: `when` is empty", s.key, s.value));
        }
    }
    errors
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", quoted.join(", "))
}

fn generate(file: &File) -> String {
    let mut code = String::from("// Generated by build.rs from checks.toml. Do not edit.\n\n");
    code.push_str("/// Every check, in the order of checks.toml.\npub static CHECKS: &[Check] = &[\n");
    for c in &file.check {
        let variant = RULES.iter().find(|(name, _, _)| *name == c.rule).unwrap().1;
        writeln!(
            code,
            "    Check {{ id: {:?}, pitfall: {:?}, rule: Rule::{variant}, summary: {:?}, calls: {}, methods: {} }},",
            c.id,
            c.pitfall,
            c.summary,
            list(&c.calls),
            list(&c.methods)
        )
        .unwrap();
    }
    code.push_str("];\n\n");
    for (name, items) in &file.names {
        writeln!(code, "pub(crate) static {}: &[&str] = {};", name.to_uppercase(), list(items)).unwrap();
    }
    code.push_str("\n/// Suggested wizard answers, in the order of checks.toml.\npub(crate) static SUGGESTIONS: &[SuggestRule] = &[\n");
    for s in &file.suggest {
        writeln!(
            code,
            "    SuggestRule {{ key: {:?}, value: {:?}, when: {}, unless: {}, requires: {:?} }},",
            s.key,
            s.value,
            list(&s.when),
            list(&s.unless),
            s.requires
        )
        .unwrap();
    }
    code.push_str("];\n");
    code
}
