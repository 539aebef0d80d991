//! The rules: one walk over the syntax tree that knows, at every node, the enclosing scopes (module,
//! class, function, lambda), whether the code runs at import time, the loops around it and what is
//! being awaited. Each rule of checks.toml is a function here that reads the names its checks list.

use crate::checks::{self, Check, Rule, of_rule};
use crate::facts::{
    Facts, PoolKind, any_in_scope, calls_in_body, dotted, first_string_arg, has_yield, parameter_names,
    pattern_matches, pool_kind_of_type, target_names, walk_in_scope,
};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::{HashMap, HashSet};

#[path = "rules_extra.rs"]
mod extra;

/// A check that fired, and where.
pub(crate) struct Hit {
    pub check: &'static Check,
    pub range: TextRange,
}

/// Runs every rule over a module's statements.
pub(crate) fn run(body: &[Stmt], facts: &Facts, source: &str) -> Vec<Hit> {
    let mut walker = Walker {
        source,
        facts,
        frames: Vec::new(),
        hits: Vec::new(),
        guard: 0,
        immediate: HashSet::new(),
        budget: SCAN_BUDGET,
    };
    walker.frames.push(Frame::new(FrameKind::Module, body, None, facts, true, None));
    walker.queue_joins(body);
    walker.visit_body(body);
    walker.hits
}

#[derive(Clone, Copy)]
enum FrameKind {
    Module,
    Class,
    Function { is_async: bool },
    Lambda,
}

/// One scope being walked.
struct Frame<'a> {
    kind: FrameKind,
    /// Code here runs when the module is imported (the module body and class bodies within it).
    import_time: bool,
    body: &'a [Stmt],
    /// Names this scope binds (parameters included).
    assigned: HashSet<&'a str>,
    /// Names this scope binds to a new pool (None: bound to other things too).
    pools: HashMap<&'a str, Option<PoolKind>>,
    /// Names this scope binds, each to one same call (`client = httpx.Client()`): its qualified name.
    values: HashMap<&'a str, Option<String>>,
    /// Names this scope binds to a lambda (None: bound to other things too).
    lambdas: HashMap<&'a str, Option<&'a ast::ExprLambda>>,
    /// Functions and classes defined in this function (not at module level).
    local_defs: HashMap<&'a str, Option<&'a ast::StmtFunctionDef>>,
    /// Names and attributes (`self.task`) that had `.cancel()` called on them (or on their items).
    cancelled: HashSet<String>,
    /// For each enclosing loop of this scope, its range and the names each iteration rebinds.
    loops: Vec<(TextRange, Vec<&'a str>)>,
    /// Inside an `await` expression of this scope.
    awaiting: u32,
    /// For a method: its class.
    method_of: Option<&'a ast::StmtClassDef>,
    /// This scope's own code starts threads (checks.toml `[names] threads`).
    starts_threads: bool,
    /// A function's first parameter (`self` or `cls` in a method).
    first_param: Option<&'a str>,
}

impl<'a> Frame<'a> {
    fn new(
        kind: FrameKind,
        body: &'a [Stmt],
        params: Option<&'a ast::Parameters>,
        facts: &Facts,
        import_time: bool,
        method_of: Option<&'a ast::StmtClassDef>,
    ) -> Self {
        let mut frame = Frame {
            kind,
            import_time,
            body,
            assigned: HashSet::new(),
            pools: HashMap::new(),
            values: HashMap::new(),
            lambdas: HashMap::new(),
            local_defs: HashMap::new(),
            cancelled: HashSet::new(),
            loops: Vec::new(),
            awaiting: 0,
            method_of,
            starts_threads: false,
            first_param: params.and_then(|p| p.iter().next()).map(|p| p.name().id.as_str()),
        };
        if let Some(params) = params {
            for p in params.iter() {
                let name = p.name().id.as_str();
                frame.assigned.insert(name);
                let kind = p.annotation().and_then(|a| facts.qualify(a)).and_then(|q| pool_kind_of_type(&q));
                frame.bind_pool(name, kind);
            }
        }
        let mut scan = ScopeScan { frame: &mut frame, facts, function: matches!(kind, FrameKind::Function { .. }) };
        scan.visit_body(body);
        frame
    }

    fn bind_pool(&mut self, name: &'a str, kind: Option<PoolKind>) {
        let entry = self.pools.entry(name).or_insert(kind);
        if *entry != kind {
            *entry = None;
        }
        // Every binding comes through here: one that is not a lambda spoils the name's lambda.
        self.lambdas.insert(name, None);
        self.values.entry(name).or_insert(None);
    }

    fn bind_value(&mut self, name: &'a str, value: Option<String>) {
        match self.values.get(name) {
            Some(v) if *v != value => {
                self.values.insert(name, None);
            }
            Some(_) => {}
            None => {
                self.values.insert(name, value);
            }
        }
    }

    fn bind_lambda(&mut self, name: &'a str, lambda: &'a ast::ExprLambda) {
        self.bind_value(name, None);
        let first = !self.pools.contains_key(name);
        self.pools.entry(name).or_insert(None);
        match self.lambdas.get(name) {
            None if first => {
                self.lambdas.insert(name, Some(lambda));
            }
            _ => {
                self.lambdas.insert(name, None);
            }
        }
    }

    fn is_async(&self) -> bool {
        matches!(self.kind, FrameKind::Function { is_async: true })
    }
}

/// Collects what a scope binds, without entering nested scopes.
struct ScopeScan<'f, 'a> {
    frame: &'f mut Frame<'a>,
    facts: &'f Facts,
    function: bool,
}

impl<'a> ScopeScan<'_, 'a> {
    fn bind(&mut self, target: &'a Expr, value: Option<&'a Expr>) {
        let mut names = Vec::new();
        target_names(target, &mut names);
        let kind = match (target, value) {
            (Expr::Name(_), Some(Expr::Call(c))) => self.facts.pool_created_by(c),
            _ => None,
        };
        if let (Expr::Name(n), Some(Expr::Lambda(l))) = (target, value) {
            self.frame.assigned.insert(n.id.as_str());
            self.frame.bind_lambda(n.id.as_str(), l);
            return;
        }
        let bound = match (target, value) {
            (Expr::Name(_), Some(v)) if crate::facts::is_value_expr(v) => {
                self.facts.qualify(v).filter(|q| q.ends_with("()"))
            }
            _ => None,
        };
        for name in names {
            self.frame.assigned.insert(name);
            self.frame.bind_value(name, bound.clone());
            self.frame.bind_pool(name, kind);
        }
    }
}

impl<'a> Visitor<'a> for ScopeScan<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                self.frame.assigned.insert(f.name.id.as_str());
                self.frame.bind_pool(f.name.id.as_str(), None);
                if self.function {
                    self.frame.local_defs.insert(f.name.id.as_str(), Some(f));
                }
                return;
            }
            Stmt::ClassDef(c) => {
                self.frame.assigned.insert(c.name.id.as_str());
                self.frame.bind_pool(c.name.id.as_str(), None);
                if self.function {
                    self.frame.local_defs.insert(c.name.id.as_str(), None);
                }
                return;
            }
            Stmt::Assign(a) => a.targets.iter().for_each(|t| self.bind(t, Some(&a.value))),
            Stmt::AnnAssign(a) => self.bind(&a.target, a.value.as_deref()),
            Stmt::AugAssign(a) => self.bind(&a.target, None),
            Stmt::For(f) => {
                self.bind(&f.target, None);
                // `for t in tasks: t.cancel()` cancels the items of `tasks`.
                if let (Expr::Name(t), Some(items)) = (&*f.target, dotted(&f.iter)) {
                    let mut cancels = false;
                    calls_in_body(&f.body, &mut |c| cancels |= is_cancel_of(c, t.id.as_str()));
                    if cancels {
                        self.frame.cancelled.insert(items);
                    }
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    if let Some(v) = &item.optional_vars {
                        self.bind(v, Some(&item.context_expr));
                    }
                }
            }
            Stmt::Try(t) => {
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(n) = &h.name {
                        self.frame.assigned.insert(n.id.as_str());
                        self.frame.bind_pool(n.id.as_str(), None);
                    }
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let local = a
                        .asname
                        .as_ref()
                        .map_or_else(|| a.name.id.as_str().split('.').next().unwrap_or(""), |n| n.id.as_str());
                    self.frame.assigned.insert(local);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    self.frame.assigned.insert(a.asname.as_ref().unwrap_or(&a.name).id.as_str());
                }
            }
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Lambda(_) => return,
            Expr::Named(n) => self.bind(&n.target, Some(&n.value)),
            Expr::Call(c) => {
                if let Expr::Attribute(a) = &*c.func
                    && a.attr.id.as_str() == "cancel"
                    && let Some(task) = dotted(&a.value)
                {
                    self.frame.cancelled.insert(task);
                }
                self.frame.starts_threads |= starts_threads(self.facts, c);
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

/// Whether a call starts threads (checks.toml `[names] threads`).
fn starts_threads(facts: &Facts, call: &ast::ExprCall) -> bool {
    let q = facts.qualify(&call.func);
    checks::THREADS.iter().any(|p| match (p.strip_prefix("*."), &*call.func) {
        (Some(method), Expr::Attribute(a)) => a.attr.id.as_str() == method,
        (Some(_), _) => false,
        (None, _) => q.as_deref().is_some_and(|q| pattern_matches(p, q)),
    })
}

fn is_cancel_of(call: &ast::ExprCall, name: &str) -> bool {
    matches!(&*call.func, Expr::Attribute(a) if a.attr.id.as_str() == "cancel"
        && matches!(&*a.value, Expr::Name(n) if n.id.as_str() == name))
}

/// How many times the rules may scan a whole scope again (for a pool's uses, gather's results): beyond
/// that, those rules stay silent, so that a pathological paste cannot make the check quadratic.
const SCAN_BUDGET: u32 = 2_000;

struct Walker<'a> {
    source: &'a str,
    facts: &'a Facts,
    frames: Vec<Frame<'a>>,
    hits: Vec<Hit>,
    /// Inside `if __name__ == "__main__":` at import time.
    guard: u32,
    /// Calls whose result is used at once (`pool.submit(...).result()`), by start offset.
    immediate: HashSet<u32>,
    /// Scans left (see [`SCAN_BUDGET`]).
    budget: u32,
}

impl<'a> Walker<'a> {
    fn frame(&self) -> &Frame<'a> {
        self.frames.last().unwrap()
    }

    fn frame_mut(&mut self) -> &mut Frame<'a> {
        self.frames.last_mut().unwrap()
    }

    /// The qualified name of an expression, a local variable bound to one call standing for that call:
    /// `client.get` after `client = httpx.Client()` in this function is `httpx.Client().get`.
    fn qualify(&self, expr: &Expr) -> Option<String> {
        let mut base = expr;
        loop {
            match base {
                Expr::Attribute(a) => base = &a.value,
                Expr::Call(c) => base = &c.func,
                _ => break,
            }
        }
        if let Expr::Name(n) = base
            && let Some(frame) = self.visible_frames().find(|f| f.assigned.contains(n.id.as_str()))
            && let Some(Some(value)) = frame.values.get(n.id.as_str())
        {
            return self.facts.qualify_over(expr, n.id.as_str(), value);
        }
        self.facts.qualify(expr)
    }

    /// Takes one scan from the budget, or says there is none left.
    fn spend(&mut self) -> bool {
        self.budget = self.budget.saturating_sub(1);
        self.budget > 0
    }

    fn hit(&mut self, check: &'static Check, range: TextRange) {
        self.hits.push(Hit { check, range });
    }

    /// Whether a call matches a name pattern of checks.toml.
    fn call_matches(&self, pattern: &str, call: &ast::ExprCall, q: Option<&str>) -> bool {
        match (pattern.strip_prefix("*."), &*call.func) {
            (Some(method), Expr::Attribute(a)) => a.attr.id.as_str() == method,
            (Some(_), _) => false,
            (None, _) => q.is_some_and(|q| pattern_matches(pattern, q)),
        }
    }

    fn any_call_matches(&self, patterns: &[&str], call: &ast::ExprCall, q: Option<&str>) -> bool {
        patterns.iter().any(|p| self.call_matches(p, call, q))
    }

    /// The frames a name in the current scope can resolve to, innermost first (class bodies are not
    /// visible from the functions inside them).
    fn visible_frames(&self) -> impl Iterator<Item = &Frame<'a>> {
        let last = self.frames.len() - 1;
        self.frames
            .iter()
            .enumerate()
            .rev()
            .filter(move |(i, f)| *i == last || !matches!(f.kind, FrameKind::Class))
            .map(|(_, f)| f)
    }

    /// The kind of pool an expression holds, when known for certain.
    fn pool_of(&self, expr: &Expr) -> Option<PoolKind> {
        match expr {
            Expr::Name(n) => {
                let name = n.id.as_str();
                let frame = self.visible_frames().find(|f| f.assigned.contains(name))?;
                frame.pools.get(name).copied().flatten()
            }
            Expr::Attribute(_) => self.facts.attr_pools.get(&dotted(expr)?).copied().flatten(),
            Expr::Call(c) => self.facts.pool_created_by(c),
            _ => None,
        }
    }

    /// Whether a name refers to a lambda: its scope binds it once, to a lambda.
    fn bound_lambda(&self, name: &str) -> bool {
        self.visible_frames()
            .find(|f| f.assigned.contains(name))
            .is_some_and(|f| matches!(f.lambdas.get(name), Some(Some(_))))
    }

    /// The local function (or class, `None`) a name refers to, when it is defined inside a function.
    fn local_def(&self, name: &str) -> Option<Option<&'a ast::StmtFunctionDef>> {
        let frame = self.visible_frames().find(|f| f.assigned.contains(name))?;
        frame.local_defs.get(name).copied()
    }

    // ------------------------------------------------------------ rules run on every call

    /// Hits `call` with every check that `fires` for it, given the name the call resolves to.
    fn hit_call_where(&mut self, call: &'a ast::ExprCall, fires: impl Fn(&Self, &'static Check, Option<&str>) -> bool) {
        let q = self.qualify(&call.func);
        for check in checks::CHECKS {
            if fires(self, check, q.as_deref()) {
                self.hit(check, call.range());
            }
        }
    }

    fn on_call(&mut self, call: &'a ast::ExprCall, directly_awaited: bool) {
        self.hit_call_where(call, |me, check, q| match check.rule {
            Rule::CallInCoroutine => {
                me.frame().is_async()
                    && !directly_awaited
                    && !(check.id == "asyncio-run-in-coroutine" && me.facts.nested_loops)
                    && me.any_call_matches(check.calls, call, q)
                    && !me.made_nonblocking(call)
            }
            Rule::CallInNotebook => {
                me.facts.notebook
                    && !me.facts.nested_loops
                    && me.frame().import_time
                    && me.any_call_matches(check.calls, call, q)
            }
            Rule::CallAnywhere => me.any_call_matches(check.calls, call, q),
            // Inside `async def`, or at the top of a notebook cell, a loop is running: the call is fine.
            Rule::CallWithoutLoop => {
                !(me.frame().is_async() || me.facts.notebook && me.frame().import_time)
                    && me.any_call_matches(check.calls, call, q)
            }
            Rule::UnguardedProcessStart => {
                me.frame().import_time
                    && me.guard == 0
                    && !me.facts.broken_guard
                    && !me.facts.notebook
                    && !me.facts.fork_method
                    && me.facts.starts_process(call)
            }
            Rule::PreexecWithThreads => false,
            Rule::ForkWithThreads => me.forks(check, call, q),
            Rule::UnboundedMap => me.unbounded_map(check, call),
            _ => false,
        });
        // The finding is the `preexec_fn=` argument, which may be lines below the call's start.
        if let Some(k) = call.arguments.find_keyword("preexec_fn")
            && !k.value.is_none_literal_expr()
            && self.threads_here()
        {
            let q = self.qualify(&call.func);
            for check in of_rule(Rule::PreexecWithThreads) {
                if self.any_call_matches(check.calls, call, q.as_deref()) {
                    self.hit(check, k.range());
                }
            }
        }
        self.unpicklable(call);
        self.late_binding(call);
        self.extra_on_call(call);
        // `Executor().submit(...)`: a pool nobody can shut down.
        if let Expr::Attribute(a) = &*call.func
            && let Expr::Call(inner) = &*a.value
            && self.facts.pool_created_by(inner).is_some()
        {
            for check in of_rule(Rule::ExecutorNotClosed) {
                if !check.methods.contains(&a.attr.id.as_str()) {
                    self.hit(check, inner.range());
                }
            }
        }
    }

    /// Threads started by the code of this function, or at import time: then they surely run when
    /// this function does. (Threads started by some other function may not.)
    fn threads_here(&self) -> bool {
        self.frames[0].starts_threads || self.visible_frames().next().is_some_and(|f| f.starts_threads)
    }

    /// `os.fork()` or `get_context("fork")` where threads surely run, or setting the fork start method
    /// in a program that starts threads anywhere (it holds for every process started later).
    fn forks(&self, check: &Check, call: &ast::ExprCall, q: Option<&str>) -> bool {
        check.calls.iter().any(|p| {
            if !self.call_matches(p, call, q) {
                return false;
            }
            let last = p.rsplit('.').next().unwrap_or(p);
            if last.starts_with("fork") {
                self.threads_here()
            } else if first_string_arg(call, "method") != Some("fork") {
                false
            } else if check.methods.contains(&last) {
                self.facts.uses_threads
            } else {
                self.threads_here()
            }
        })
    }

    /// `pool.map(f, itertools.count())`: `map` on a pool with an endless input.
    fn unbounded_map(&self, check: &Check, call: &ast::ExprCall) -> bool {
        let Expr::Attribute(a) = &*call.func else { return false };
        if !check.methods.contains(&a.attr.id.as_str()) || call.arguments.find_keyword("buffersize").is_some() {
            return false;
        }
        let named_like_pool = match &*a.value {
            Expr::Name(n) => looks_like_pool(n.id.as_str()),
            Expr::Attribute(b) => looks_like_pool(b.attr.id.as_str()),
            _ => false,
        };
        if self.pool_of(&a.value).is_none() && !named_like_pool {
            return false;
        }
        call.arguments.args.iter().skip(1).any(|arg| self.endless(check, arg))
    }

    /// Whether an iterable never ends: `itertools.count()`, `cycle()`, `repeat(x)`, `iter(f, sentinel)`,
    /// `sys.stdin`, a generator function's result, or a generator expression over one of these.
    fn endless(&self, check: &Check, expr: &Expr) -> bool {
        match expr {
            Expr::Call(c) => {
                let q = self.qualify(&c.func);
                match q.as_deref() {
                    Some("itertools.repeat") => c.arguments.len() == 1 && c.arguments.find_keyword("times").is_none(),
                    Some("iter") => c.arguments.args.len() == 2,
                    Some(q) if check.calls.contains(&q) => true,
                    _ => matches!(&*c.func, Expr::Name(n) if self.facts.generator_functions.contains(n.id.as_str())),
                }
            }
            Expr::Name(_) | Expr::Attribute(_) => self.qualify(expr).is_some_and(|q| check.calls.contains(&q.as_str())),
            Expr::Generator(g) => g.generators.first().is_some_and(|c| self.endless(check, &c.iter)),
            _ => false,
        }
    }

    /// Lambdas, nested functions and local classes sent to a process pool.
    fn unpicklable(&mut self, call: &'a ast::ExprCall) {
        let Expr::Attribute(a) = &*call.func else { return };
        let method = a.attr.id.as_str();
        let (pool, sent): (&Expr, &[Expr]) = if method == "run_in_executor" {
            match call.arguments.args.split_first() {
                Some((pool, rest)) => (pool, rest),
                None => return,
            }
        } else {
            (&a.value, &call.arguments.args)
        };
        if self.pool_of(pool) != Some(PoolKind::Process) {
            return;
        }
        // Callbacks of apply_async run in the parent process and are not pickled.
        let keywords = call
            .arguments
            .keywords
            .iter()
            .filter(|k| k.arg.as_ref().is_none_or(|n| !matches!(n.id.as_str(), "callback" | "error_callback")));
        let values: Vec<&Expr> = sent.iter().chain(keywords.map(|k| &k.value)).collect();
        for value in values {
            let value = unwrap_partial(self.facts, value);
            let (rule, range) = match value {
                Expr::Lambda(l) => (Rule::LambdaToProcessPool, l.range),
                // `f = lambda x: ...` then `pool.map(f, ...)`.
                Expr::Name(n) if self.bound_lambda(n.id.as_str()) => (Rule::LambdaToProcessPool, n.range),
                Expr::Name(n) if self.local_def(n.id.as_str()).is_some() => (Rule::LocalToProcessPool, n.range),
                Expr::Call(c) if matches!(&*c.func, Expr::Name(n) if self.local_def(n.id.as_str()) == Some(None)) => {
                    (Rule::LocalToProcessPool, c.range())
                }
                _ => continue,
            };
            for check in of_rule(rule) {
                if check.methods.contains(&method) {
                    self.hit(check, range);
                }
            }
        }
    }

    /// A lambda or nested function handed to something that runs it later, reading a loop variable.
    fn late_binding(&mut self, call: &'a ast::ExprCall) {
        if self.frame().loops.is_empty() || self.frame().awaiting > 0 || self.immediate.contains(&call.start().to_u32())
        {
            return;
        }
        let q = self.qualify(&call.func);
        for check in of_rule(Rule::LateBinding) {
            for entry in check.calls {
                let (pattern, at) = entry.split_once('@').unwrap_or((entry, "0"));
                if !self.call_matches(pattern, call, q.as_deref()) {
                    continue;
                }
                let arg = match at.parse::<usize>() {
                    Ok(i) => call.arguments.args.get(i),
                    Err(_) => call.arguments.find_keyword(at).map(|k| &k.value),
                };
                // A lambda is made here, inside every loop around the call; a nested function only
                // inside the loops around its `def` (one defined before the loop reads the current
                // value on purpose).
                let (free, made_at) = match arg {
                    Some(Expr::Lambda(l)) => (free_names_of_lambda(l), l.range),
                    Some(Expr::Name(n)) => match self.local_def(n.id.as_str()) {
                        Some(Some(def)) if self.spend() => (free_names_of_def(def), def.range),
                        _ => continue,
                    },
                    _ => continue,
                };
                let loops = &self.frame().loops;
                let captured = loops
                    .iter()
                    .filter(|(range, _)| range.contains_range(made_at))
                    .any(|(_, vars)| free.iter().any(|n| vars.contains(&n.as_str())));
                if captured {
                    self.hit(check, arg.unwrap().range());
                }
            }
        }
    }

    // ------------------------------------------------------------ rules run on statements

    /// A call used as a statement: its result is thrown away.
    fn on_discarded(&mut self, value: &'a Expr) {
        if let Expr::Await(a) = value
            && let Expr::Call(call) = &*a.value
            && self.gathers_exceptions(call)
        {
            self.hit_rule(Rule::GatherUnchecked, call.range());
            return;
        }
        // `[asyncio.create_task(f(x)) for x in xs]` as a statement drops every task it makes.
        if let Expr::ListComp(ast::ExprListComp { elt, .. }) | Expr::SetComp(ast::ExprSetComp { elt, .. }) = value
            && let Expr::Call(call) = &**elt
        {
            self.hit_call_where(call, |me, check, q| check.rule == Rule::DroppedTask && me.makes_task(check, call, q));
            return;
        }
        let Expr::Call(call) = value else { return };
        self.close_not_awaited(call);
        // `asyncio.create_task(...).add_done_callback(cb)`: the callback does not keep the task.
        if let Expr::Attribute(a) = &*call.func
            && a.attr.id.as_str() == "add_done_callback"
            && let Expr::Call(inner) = &*a.value
        {
            self.hit_call_where(inner, |me, check, q| {
                check.rule == Rule::DroppedTask && me.makes_task(check, inner, q)
            });
            return;
        }
        self.hit_call_where(call, |me, check, q| match check.rule {
            Rule::DroppedTask => me.makes_task(check, call, q),
            Rule::UnawaitedCoroutine => me.any_call_matches(check.calls, call, q) || me.calls_own_coroutine(call),
            Rule::DroppedFuture => matches!(&*call.func, Expr::Attribute(a)
                    if check.methods.contains(&a.attr.id.as_str())
                        && me.pool_of(&a.value).is_some()
                        && call.arguments.find_keyword("error_callback").is_none()),
            Rule::ExecutorNotClosed => me.facts.pool_created_by(call).is_some(),
            _ => false,
        });
    }

    /// `asyncio.create_task(...)`, `ensure_future(coro())`, `loop.create_task(...)`: a new task.
    fn makes_task(&self, check: &Check, call: &ast::ExprCall, q: Option<&str>) -> bool {
        // ensure_future() of an existing task or future returns that same object.
        let wraps_existing =
            q == Some("asyncio.ensure_future") && !matches!(call.arguments.args.first(), Some(Expr::Call(_)));
        (self.any_call_matches(check.calls, call, q) && !wraps_existing)
            || matches!(&*call.func, Expr::Attribute(a)
                    if check.methods.contains(&a.attr.id.as_str()) && self.facts.is_event_loop(&a.value))
    }

    fn hit_rule(&mut self, rule: Rule, range: TextRange) {
        for check in of_rule(rule) {
            self.hit(check, range);
        }
    }

    /// A call of an `async def` of this program: a module or local function, or `self.method()`.
    fn calls_own_coroutine(&self, call: &ast::ExprCall) -> bool {
        match &*call.func {
            Expr::Name(n) => self.facts.coroutine_functions.contains(n.id.as_str()),
            Expr::Attribute(a) => {
                let Expr::Name(receiver) = &*a.value else { return false };
                let receiver = receiver.id.as_str();
                if matches!(receiver, "self" | "cls") {
                    // Only the method's own first parameter is its instance or class.
                    if self.frame().first_param != Some(receiver) {
                        return false;
                    }
                    let Some(class) = self.frame().method_of else { return false };
                    return class_coroutine(class, a.attr.id.as_str());
                }
                // `Client.fetch()` on a module-level class of the program.
                if !self.facts.classes.contains(receiver) {
                    return false;
                }
                self.frames[0].body.iter().any(|s| {
                    matches!(s, Stmt::ClassDef(c) if c.name.id.as_str() == receiver && class_coroutine(c, a.attr.id.as_str()))
                })
            }
            _ => false,
        }
    }

    /// `gather(..., return_exceptions=True)`, unless it waits for tasks this scope cancelled (the
    /// usual way to let cancelled workers finish, where the exceptions are expected).
    fn gathers_exceptions(&self, call: &ast::ExprCall) -> bool {
        let q = self.qualify(&call.func);
        let gathers = of_rule(Rule::GatherUnchecked).any(|c| self.any_call_matches(c.calls, call, q.as_deref()))
            && call
                .arguments
                .find_keyword("return_exceptions")
                .is_some_and(|k| matches!(&k.value, Expr::BooleanLiteral(b) if b.value));
        if !gathers {
            return false;
        }
        let cancelled = &self.frame().cancelled;
        !call.arguments.args.iter().any(|arg| mentions_any(arg, cancelled))
    }

    /// `results = await gather(..., return_exceptions=True)` and the like.
    fn on_assign(&mut self, targets: &'a [Expr], value: &'a Expr) {
        // `_ = asyncio.create_task(...)` keeps nothing either.
        if let [Expr::Name(n)] = targets
            && n.id.as_str() == "_"
        {
            self.on_discarded(value);
            return;
        }
        if let Expr::Await(a) = value
            && let Expr::Call(call) = &*a.value
            && self.gathers_exceptions(call)
        {
            let mut names = Vec::new();
            targets.iter().for_each(|t| target_names(t, &mut names));
            let plain = targets.iter().all(|t| matches!(t, Expr::Name(_) | Expr::Tuple(_) | Expr::List(_)));
            let items = targets.iter().any(|t| !matches!(t, Expr::Name(_)));
            if plain && self.spend() && !results_checked(self.facts, names, items, self.frame().body) {
                self.hit_rule(Rule::GatherUnchecked, call.range());
            }
        }
        if let ([target], Expr::Call(call)) = (targets, value) {
            self.session_never_closed(target, call);
            self.unretrieved_task(target, call);
        }
        if let Expr::Call(call) = value
            && self.facts.pool_created_by(call).is_some()
            && let [target] = targets
            && self.spend()
            && !self.executor_released(target)
        {
            self.hit_rule(Rule::ExecutorNotClosed, call.range());
        }
    }

    /// Whether a pool bound to `target` is ever shut down, used in `with`, or handed on. A module-level
    /// pool counts as released: it is meant to live as long as the program (its threads are joined at
    /// exit).
    fn executor_released(&self, target: &Expr) -> bool {
        self.released(target, Rule::ExecutorNotClosed)
    }

    /// Whether what `target` holds is closed (one of the `methods` of `rule`'s check), used in `with`,
    /// or handed on.
    fn released(&self, target: &Expr, rule: Rule) -> bool {
        let key = match target {
            Expr::Name(_) if self.frame().import_time => return true,
            Expr::Name(n) => n.id.to_string(),
            Expr::Attribute(_) => match dotted(target) {
                Some(d) if d.starts_with("self.") || d.starts_with("cls.") => d,
                _ => return true,
            },
            _ => return true,
        };
        // A local name is used in its function; an attribute anywhere in the module.
        let scope = if matches!(target, Expr::Name(_)) { self.frame().body } else { self.frames[0].body };
        let check = of_rule(rule).next().unwrap();
        let mut usage = Release { key: &key, check, released: false };
        usage.visit_body(scope);
        usage.released
    }

    /// `except CancelledError:` (or a catch-all around an await) that does not raise again.
    fn on_try(&mut self, t: &'a ast::StmtTry) {
        if !self.frame().is_async() {
            return;
        }
        let cancelled = &self.frame().cancelled;
        let mut v = Mentions { set: cancelled, found: false };
        v.visit_body(&t.body);
        if v.found {
            return;
        }
        let awaits = body_awaits(&t.body);
        for check in of_rule(Rule::SwallowedCancel) {
            for handler in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = handler;
                let catches = match h.type_.as_deref() {
                    None => Catch::All,
                    Some(ty) => self.catches(check, ty),
                };
                let swallows = match catches {
                    Catch::Cancelled => true,
                    Catch::All => awaits,
                    Catch::Other => false,
                };
                if swallows && !reraises(&h.body) && !self.hands_on(h) {
                    // A bare `except:` is shown with its colon.
                    let bare_end = || {
                        let after = h.range.start().to_usize() + 6;
                        let rest = self.source.get(after..).unwrap_or("");
                        let colon = rest
                            .find(|c: char| !c.is_whitespace() || c == '\n')
                            .filter(|&i| rest[i..].starts_with(':'));
                        h.range.start() + ruff_text_size::TextSize::from(6 + colon.map_or(0, |i| i as u32 + 1))
                    };
                    let end = h.type_.as_deref().map_or_else(bare_end, |t| t.end());
                    self.hit(check, TextRange::new(h.range.start(), end));
                }
            }
        }
    }

    /// Whether a handler passes the exception on instead of dropping it: to a future
    /// (`set_exception`), through `sys.exc_info()`, or by storing or handing the bound name to anything
    /// but printing and logging.
    fn hands_on(&self, h: &ast::ExceptHandlerExceptHandler) -> bool {
        let mut v = HandsOn { name: h.name.as_ref().map(|n| n.id.as_str()), facts: self.facts, passes: false };
        v.visit_body(&h.body);
        v.passes
    }

    fn catches(&self, check: &Check, ty: &Expr) -> Catch {
        match ty {
            Expr::Tuple(t) => {
                let kinds: Vec<Catch> = t.elts.iter().map(|e| self.catches(check, e)).collect();
                if kinds.contains(&Catch::Cancelled) {
                    Catch::Cancelled
                } else if kinds.contains(&Catch::All) {
                    Catch::All
                } else {
                    Catch::Other
                }
            }
            _ => match self.qualify(ty) {
                Some(q) if check.calls.contains(&q.as_str()) => Catch::Cancelled,
                Some(q) if checks::CATCH_ALL.contains(&q.as_str()) => Catch::All,
                _ => Catch::Other,
            },
        }
    }

    fn is_main_guard(&self, test: &Expr) -> bool {
        // `if __name__ == "__main__" and len(sys.argv) > 1:` guards its body too.
        if let Expr::BoolOp(b) = test
            && matches!(b.op, ast::BoolOp::And)
        {
            return b.values.iter().any(|v| self.is_main_guard(v));
        }
        let Expr::Compare(c) = test else { return false };
        if c.ops.len() != 1 || !matches!(c.ops[0], ast::CmpOp::Eq) {
            return false;
        }
        let is_name = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == "__name__");
        // Any other name than the one a spawned worker runs the main module under guards it: a typo
        // (`== "main"`) keeps the body from running at all, in the workers too.
        let is_main = |e: &Expr| matches!(e, Expr::StringLiteral(s) if s.value.to_str() != "__mp_main__");
        (is_name(&c.left) && is_main(&c.comparators[0])) || (is_main(&c.left) && is_name(&c.comparators[0]))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Catch {
    Cancelled,
    All,
    Other,
}

fn looks_like_pool(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains("pool") || lower.contains("executor")
}

/// `functools.partial(f, ...)` sends `f`.
fn unwrap_partial<'e>(facts: &Facts, expr: &'e Expr) -> &'e Expr {
    if let Expr::Call(c) = expr
        && facts.qualify(&c.func).as_deref() == Some("functools.partial")
        && let Some(first) = c.arguments.args.first()
    {
        return first;
    }
    expr
}

/// Whether a class defines `name` once, as an undecorated `async def` without `yield`.
fn class_coroutine(class: &ast::StmtClassDef, name: &str) -> bool {
    let mut found = None;
    let mut count = 0;
    for stmt in &class.body {
        let mut names = Vec::new();
        match stmt {
            Stmt::FunctionDef(f) if f.name.id.as_str() == name => {
                count += 1;
                found = Some(f);
            }
            Stmt::Assign(a) => a.targets.iter().for_each(|t| target_names(t, &mut names)),
            Stmt::AnnAssign(a) => target_names(&a.target, &mut names),
            _ => {}
        }
        count += names.iter().filter(|n| **n == name).count();
    }
    // `@staticmethod` and `@classmethod` keep a coroutine function one; other decorators may not.
    let plain = |f: &ast::StmtFunctionDef| {
        f.decorator_list
            .iter()
            .all(|d| matches!(&d.expression, Expr::Name(n) if matches!(n.id.as_str(), "staticmethod" | "classmethod")))
    };
    count == 1 && found.is_some_and(|f| f.is_async && plain(f) && !has_yield(&f.body))
}

/// Names a lambda reads that it does not bind itself.
fn free_names_of_lambda(l: &ast::ExprLambda) -> Vec<String> {
    let params: Vec<&str> = l.parameters.as_deref().map(parameter_names).unwrap_or_default();
    let mut loads = Loads::default();
    loads.visit_expr(&l.body);
    loads.names.into_iter().filter(|n| !params.contains(&n.as_str()) && !loads.bound.contains(n)).collect()
}

/// Names a nested function reads that it does not bind itself.
fn free_names_of_def(def: &ast::StmtFunctionDef) -> Vec<String> {
    let params = parameter_names(&def.parameters);
    let mut loads = Loads::default();
    loads.visit_body(&def.body);
    loads.names.into_iter().filter(|n| !params.contains(&n.as_str()) && !loads.bound.contains(n)).collect()
}

/// Names loaded and names bound in a piece of code (all scopes inside it).
#[derive(Default)]
struct Loads {
    names: Vec<String>,
    bound: HashSet<String>,
}

impl<'a> Visitor<'a> for Loads {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Name(n) = expr {
            match n.ctx {
                ExprContext::Load => self.names.push(n.id.to_string()),
                _ => {
                    self.bound.insert(n.id.to_string());
                }
            }
        }
        if let Expr::Lambda(l) = expr
            && let Some(p) = &l.parameters
        {
            self.bound.extend(parameter_names(p).into_iter().map(str::to_string));
        }
        visitor::walk_expr(self, expr);
    }

    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::FunctionDef(f) = stmt {
            self.bound.insert(f.name.id.to_string());
            self.bound.extend(parameter_names(&f.parameters).into_iter().map(str::to_string));
        }
        visitor::walk_stmt(self, stmt);
    }
}

/// Whether an expression mentions a name or attribute chain of `set`.
fn mentions_any(expr: &Expr, set: &HashSet<String>) -> bool {
    let mut v = Mentions { set, found: false };
    v.visit_expr(expr);
    v.found
}

struct Mentions<'s> {
    set: &'s HashSet<String>,
    found: bool,
}

impl<'a> Visitor<'a> for Mentions<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if matches!(expr, Expr::Name(_) | Expr::Attribute(_))
            && let Some(d) = dotted(expr)
            && self.set.contains(&d)
        {
            self.found = true;
            return;
        }
        visitor::walk_expr(self, expr);
    }
}

/// Whether a body awaits (an `await`, `async for` or `async with`), nested functions excluded.
fn body_awaits(body: &[Stmt]) -> bool {
    any_in_scope(
        body,
        |s| matches!(s, Stmt::For(f) if f.is_async) || matches!(s, Stmt::With(w) if w.is_async),
        |e| matches!(e, Expr::Await(_)),
    )
}

/// Whether a handler raises (anything: re-raising or raising another error), or looks at the
/// task's cancellation state (`cancelling()`, `uncancel()`), nested functions excluded.
fn reraises(body: &[Stmt]) -> bool {
    any_in_scope(
        body,
        |s| matches!(s, Stmt::Raise(_)),
        |e| matches!(e, Expr::Attribute(a) if matches!(a.attr.id.as_str(), "cancelling" | "uncancel")),
    )
}

/// Looks in one expression of a handler for the exception being passed on (see `Walker::hands_on`).
struct HandsOn<'n, 'f> {
    name: Option<&'n str>,
    facts: &'f Facts,
    passes: bool,
}

impl<'a> Visitor<'a> for HandsOn<'_, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        walk_in_scope(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Call(c) => {
                let method = match &*c.func {
                    Expr::Attribute(a) => Some(a.attr.id.as_str()),
                    _ => None,
                };
                let q = self.facts.qualify(&c.func);
                if method == Some("set_exception") || matches!(q.as_deref(), Some("sys.exc_info" | "sys.exception")) {
                    self.passes = true;
                    return;
                }
                let reports = matches!(q.as_deref(), Some("print"))
                    || matches!(
                        method,
                        Some("debug" | "info" | "warning" | "warn" | "error" | "exception" | "critical" | "log")
                    );
                if reports {
                    // Printing or logging the exception does not pass it on: look only at the callee.
                    self.visit_expr(&c.func);
                    return;
                }
                visitor::walk_expr(self, expr);
            }
            Expr::Name(n) if Some(n.id.as_str()) == self.name && n.ctx == ExprContext::Load => self.passes = true,
            // An f-string or a repr of the exception is a message, not the exception.
            Expr::FString(_) => {}
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Whether the results of `gather(..., return_exceptions=True)`, bound to `names`, are ever looked at
/// for exceptions: an `isinstance()`/`type()` test on them or on their items, a `match` on them, or
/// handing them on (returned, raised, stored, passed to a function that is not a plain list helper).
///
/// `items` says whether `names` hold single results (`for r in await gather(...)`, `a, b = await
/// gather(...)`) rather than the list. Passing an item to a function (`process(r)`, `store.save(r)`)
/// is not checking it; passing the whole list on may be.
fn results_checked(facts: &Facts, names: Vec<&str>, items: bool, body: &[Stmt]) -> bool {
    let aliases: HashSet<String> = names.into_iter().map(str::to_string).collect();
    let item_names = if items { aliases.clone() } else { HashSet::new() };
    let mut usage = Results { facts, aliases, items: item_names, checked: false, grew: true };
    while usage.grew && !usage.checked {
        usage.grew = false;
        usage.visit_body(body);
    }
    usage.checked
}

struct Results<'f> {
    facts: &'f Facts,
    /// Names holding the results or one of them.
    aliases: HashSet<String>,
    /// The aliases that hold one result.
    items: HashSet<String>,
    checked: bool,
    grew: bool,
}

impl Results<'_> {
    /// The whole list of results (not one item).
    fn is_whole(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Name(n) => {
                n.ctx == ExprContext::Load
                    && self.aliases.contains(n.id.as_str())
                    && !self.items.contains(n.id.as_str())
            }
            Expr::Starred(s) => self.is_whole(&s.value),
            _ => false,
        }
    }

    /// What a `return`, `yield` or stored value hands on: the results or an item as they are, in a
    /// tuple or list, or copied by a list helper (`list(results)`, `dict(zip(keys, results))`).
    fn hands_on(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Tuple(t) => t.elts.iter().any(|e| self.hands_on(e)),
            Expr::List(l) => l.elts.iter().any(|e| self.hands_on(e)),
            Expr::Call(c) => {
                self.facts.qualify(&c.func).is_some_and(|q| checks::ITER_BUILTINS.contains(&q.as_str()))
                    && c.arguments.args.iter().any(|a| self.hands_on(a))
            }
            _ => self.is_alias(expr),
        }
    }

    fn item_targets(&mut self, target: &Expr) {
        let mut names = Vec::new();
        target_names(target, &mut names);
        for n in names {
            self.items.insert(n.to_string());
            if self.aliases.insert(n.to_string()) {
                self.grew = true;
            }
        }
    }

    fn is_alias(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Name(n) => n.ctx == ExprContext::Load && self.aliases.contains(n.id.as_str()),
            Expr::Starred(s) => self.is_alias(&s.value),
            _ => false,
        }
    }

    fn mentions(&self, expr: &Expr) -> bool {
        let mut found = false;
        let mut names = Vec::new();
        collect_names(expr, &mut names);
        for n in names {
            found |= self.aliases.contains(n);
        }
        found
    }
}

fn collect_names<'a>(expr: &'a Expr, out: &mut Vec<&'a str>) {
    struct Collect<'o, 'a>(&'o mut Vec<&'a str>);
    impl<'a> Visitor<'a> for Collect<'_, 'a> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Name(n) = expr {
                self.0.push(n.id.as_str());
            }
            visitor::walk_expr(self, expr);
        }
    }
    Collect(out).visit_expr(expr);
}

impl<'a> Visitor<'a> for Results<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::For(f) if self.mentions(&f.iter) => self.item_targets(&f.target),
            Stmt::Return(r) if r.value.as_deref().is_some_and(|v| self.hands_on(v)) => self.checked = true,
            Stmt::Raise(r) if r.exc.as_deref().is_some_and(|v| self.mentions(v)) => self.checked = true,
            Stmt::Match(m) if self.mentions(&m.subject) => self.checked = true,
            Stmt::Assign(a) => {
                if self.hands_on(&a.value) {
                    self.checked = true;
                } else if matches!(&*a.value, Expr::Subscript(s) if self.is_alias(&s.value)) {
                    a.targets.iter().for_each(|t| self.item_targets(t));
                }
            }
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Call(c) => {
                let q = self.facts.qualify(&c.func);
                let args = c.arguments.args.iter().chain(c.arguments.keywords.iter().map(|k| &k.value));
                match q.as_deref() {
                    Some("isinstance" | "type" | "issubclass") => {
                        if c.arguments.args.first().is_some_and(|a| self.mentions(a)) {
                            self.checked = true;
                        }
                    }
                    Some(q) if checks::ITER_BUILTINS.contains(&q) => {}
                    _ => {
                        let method_of_alias = matches!(&*c.func, Expr::Attribute(a) if self.is_alias(&a.value));
                        if !method_of_alias && args.into_iter().any(|a| self.is_whole(a)) {
                            self.checked = true;
                        }
                    }
                }
            }
            Expr::Yield(y) if y.value.as_deref().is_some_and(|v| self.hands_on(v)) => self.checked = true,
            Expr::YieldFrom(y) if self.hands_on(&y.value) => self.checked = true,
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }

    fn visit_comprehension(&mut self, c: &'a ast::Comprehension) {
        if self.mentions(&c.iter) {
            self.item_targets(&c.target);
        }
        visitor::walk_comprehension(self, c);
    }
}

/// Looks for a use of a pool variable that closes it or hands it on.
struct Release<'k> {
    key: &'k str,
    check: &'static Check,
    released: bool,
}

impl Release<'_> {
    fn is_key(&self, expr: &Expr) -> bool {
        let load = match expr {
            Expr::Name(n) => n.ctx == ExprContext::Load,
            Expr::Attribute(a) => a.ctx == ExprContext::Load,
            _ => false,
        };
        load && dotted(expr).as_deref() == Some(self.key)
    }
}

impl<'a> Visitor<'a> for Release<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Attribute(a) if self.is_key(&a.value) => {
                if self.check.methods.contains(&a.attr.id.as_str()) {
                    self.released = true;
                }
            }
            Expr::Call(c)
                if matches!(&*c.func, Expr::Attribute(a)
                    if self.check.calls.iter().any(|p| p.strip_prefix("*.") == Some(a.attr.id.as_str()))) =>
            {
                self.visit_expr(&c.func);
                for arg in c.arguments.args.iter().chain(c.arguments.keywords.iter().map(|k| &k.value)) {
                    if !self.is_key(arg) {
                        self.visit_expr(arg);
                    }
                }
            }
            _ if self.is_key(expr) => self.released = true,
            _ => visitor::walk_expr(self, expr),
        }
    }
}

impl<'a> Visitor<'a> for Walker<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.visit_decorator(d);
                }
                self.visit_parameters(&f.parameters);
                if let Some(r) = &f.returns {
                    self.visit_annotation(r);
                }
                let class = self.current_class();
                let frame = Frame::new(
                    FrameKind::Function { is_async: f.is_async },
                    &f.body,
                    Some(&f.parameters),
                    self.facts,
                    false,
                    class,
                );
                self.frames.push(frame);
                self.queue_joins(&f.body);
                self.visit_body(&f.body);
                self.frames.pop();
            }
            Stmt::With(w) if !w.is_async => {
                self.lock_across_await(w);
                visitor::walk_stmt(self, stmt);
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.visit_decorator(d);
                }
                if let Some(args) = &c.arguments {
                    self.visit_arguments(args);
                }
                let import_time = self.frame().import_time;
                let mut frame = Frame::new(FrameKind::Class, &c.body, None, self.facts, import_time, None);
                frame.method_of = Some(c);
                self.frames.push(frame);
                self.visit_body(&c.body);
                self.frames.pop();
            }
            Stmt::Expr(e) => {
                self.on_discarded(&e.value);
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Assign(a) => {
                self.on_assign(&a.targets, &a.value);
                visitor::walk_stmt(self, stmt);
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.on_assign(std::slice::from_ref(&a.target), v);
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Try(t) => {
                self.on_try(t);
                visitor::walk_stmt(self, stmt);
            }
            Stmt::For(f) => {
                if let Expr::Await(a) = &*f.iter
                    && let Expr::Call(call) = &*a.value
                    && self.gathers_exceptions(call)
                {
                    let mut names = Vec::new();
                    target_names(&f.target, &mut names);
                    if self.spend() && !results_checked(self.facts, names, true, &f.body) {
                        self.hit_rule(Rule::GatherUnchecked, call.range());
                    }
                }
                self.visit_expr(&f.iter);
                self.visit_expr(&f.target);
                let mut vars = Vec::new();
                target_names(&f.target, &mut vars);
                rebound_in(&f.body, &mut vars);
                self.frame_mut().loops.push((f.range, vars));
                self.visit_body(&f.body);
                self.frame_mut().loops.pop();
                self.visit_body(&f.orelse);
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test);
                let mut vars = Vec::new();
                rebound_in(&w.body, &mut vars);
                self.frame_mut().loops.push((w.range, vars));
                self.visit_body(&w.body);
                self.frame_mut().loops.pop();
                self.visit_body(&w.orelse);
            }
            Stmt::If(i) if self.frame().import_time && self.is_main_guard(&i.test) => {
                self.visit_expr(&i.test);
                self.guard += 1;
                self.visit_body(&i.body);
                self.guard -= 1;
                for clause in &i.elif_else_clauses {
                    self.visit_elif_else_clause(clause);
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_parameters(p);
                }
                let mut frame = Frame::new(FrameKind::Lambda, &[], l.parameters.as_deref(), self.facts, false, None);
                frame.body = &[];
                self.frames.push(frame);
                self.visit_expr(&l.body);
                self.frames.pop();
            }
            Expr::Await(a) => {
                if let Expr::Call(c) = &*a.value {
                    self.frame_mut().awaiting += 1;
                    self.on_call(c, true);
                    self.walk_call(c);
                    self.frame_mut().awaiting -= 1;
                } else {
                    self.frame_mut().awaiting += 1;
                    self.visit_expr(&a.value);
                    self.frame_mut().awaiting -= 1;
                }
            }
            Expr::Call(c) => {
                self.on_call(c, false);
                self.walk_call(c);
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                let generators = match expr {
                    Expr::ListComp(e) => &e.generators,
                    Expr::SetComp(e) => &e.generators,
                    Expr::DictComp(e) => &e.generators,
                    Expr::Generator(e) => &e.generators,
                    _ => unreachable!(),
                };
                let mut vars = Vec::new();
                for g in generators {
                    target_names(&g.target, &mut vars);
                }
                self.frame_mut().loops.push((expr.range(), vars));
                visitor::walk_expr(self, expr);
                self.frame_mut().loops.pop();
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

impl<'a> Walker<'a> {
    fn walk_call(&mut self, c: &'a ast::ExprCall) {
        // `pool.submit(...).result()` waits at once: nothing runs later.
        if let Expr::Attribute(a) = &*c.func
            && a.attr.id.as_str() == "result"
            && let Expr::Call(inner) = &*a.value
        {
            self.immediate.insert(inner.start().to_u32());
        }
        self.visit_expr(&c.func);
        self.visit_arguments(&c.arguments);
    }

    /// The class whose body is the current frame, for a function defined directly in it.
    fn current_class(&self) -> Option<&'a ast::StmtClassDef> {
        match self.frame().kind {
            FrameKind::Class => self.frame().method_of,
            _ => None,
        }
    }
}

/// Offsets of `except E, name:` handlers (an unparenthesized tuple ending in a lower-case name): Python 2's
/// way of binding the exception, which Python 3.14 reads as a second exception type.
pub(crate) fn python2_excepts(body: &[Stmt]) -> Vec<usize> {
    struct Excepts(Vec<usize>);
    impl<'a> Visitor<'a> for Excepts {
        fn visit_except_handler(&mut self, handler: &'a ast::ExceptHandler) {
            let ast::ExceptHandler::ExceptHandler(h) = handler;
            if h.name.is_none()
                && let Some(Expr::Tuple(t)) = h.type_.as_deref()
                && !t.parenthesized
                && t.elts.len() == 2
                && matches!(t.elts.last(), Some(Expr::Name(n)) if n.id.as_str().starts_with(|c: char| c.is_ascii_lowercase()))
            {
                self.0.push(t.start().to_usize());
            }
            visitor::walk_except_handler(self, handler);
        }
    }
    let mut v = Excepts(Vec::new());
    v.visit_body(body);
    v.0
}

/// Names a loop body rebinds on every iteration (nested functions excluded).
fn rebound_in<'a>(body: &'a [Stmt], out: &mut Vec<&'a str>) {
    struct Rebound<'o, 'a>(&'o mut Vec<&'a str>);
    impl<'a> Visitor<'a> for Rebound<'_, 'a> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return,
                Stmt::Assign(a) => a.targets.iter().for_each(|t| target_names(t, self.0)),
                Stmt::AnnAssign(a) if a.value.is_some() => target_names(&a.target, self.0),
                Stmt::AugAssign(a) => target_names(&a.target, self.0),
                Stmt::For(f) => target_names(&f.target, self.0),
                Stmt::With(w) => {
                    w.items.iter().filter_map(|i| i.optional_vars.as_deref()).for_each(|v| target_names(v, self.0))
                }
                _ => {}
            }
            visitor::walk_stmt(self, stmt);
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Lambda(_) => {}
                Expr::Named(n) => {
                    target_names(&n.target, self.0);
                    visitor::walk_expr(self, expr);
                }
                _ => visitor::walk_expr(self, expr),
            }
        }
    }
    Rebound(out).visit_body(body);
}
