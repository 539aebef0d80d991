//! The table of checks and the vocabulary the rules share, compiled from checks.toml by build.rs.

/// One check: what a finding names, the pitfall that explains it, and the rule that runs it.
#[derive(Debug)]
pub struct Check {
    /// Stable kebab-case id, shown in findings.
    pub id: &'static str,
    /// The id of the pitfall (src/content/data/pitfalls.toml) whose title, symptom and fix apply.
    pub pitfall: &'static str,
    /// The rule that runs the check.
    pub rule: Rule,
    /// One English sentence describing what was found.
    pub summary: &'static str,
    /// Name patterns the rule matches (see checks.toml).
    pub calls: &'static [&'static str],
    /// Method names the rule matches on an object it recognised.
    pub methods: &'static [&'static str],
}

/// The rules of src/rules.rs. Several checks may share one rule with different names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    CallInCoroutine,
    CallInNotebook,
    CallAnywhere,
    CallWithoutLoop,
    DroppedTask,
    UnawaitedCoroutine,
    GatherUnchecked,
    SwallowedCancel,
    LambdaToProcessPool,
    LocalToProcessPool,
    UnguardedProcessStart,
    ExecutorNotClosed,
    DroppedFuture,
    LateBinding,
    UnboundedMap,
    PreexecWithThreads,
    ForkWithThreads,
    BlockingHelper,
    LockAcrossAwait,
    CoroutineCallback,
    SessionNotClosed,
    UnretrievedTask,
    GuiCallbackBlocks,
    GuiWidgetFromThread,
    AsyncioFromThread,
    QueueJoinedBeforeDrained,
}

/// A suggested wizard answer and the names that make it.
#[derive(Debug)]
pub(crate) struct SuggestRule {
    pub key: &'static str,
    pub value: &'static str,
    pub when: &'static [&'static str],
    pub unless: &'static [&'static str],
    pub requires: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/checks.rs"));

/// The checks that one rule runs.
pub(crate) fn of_rule(rule: Rule) -> impl Iterator<Item = &'static Check> {
    CHECKS.iter().filter(move |c| c.rule == rule)
}
