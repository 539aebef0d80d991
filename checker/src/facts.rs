//! What the whole program tells before any rule runs: where each imported name comes from, which names
//! the program binds itself, which functions are coroutines or generators, which start processes or
//! return pools, and signs of a notebook, of async code and of threads.

use crate::checks::{self, CHECKS, Rule};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use std::collections::{HashMap, HashSet};

/// The most attributes and calls in a name a rule can match.
const MAX_QUALIFIED_PARTS: u32 = 12;

/// How a program-wide name resolves.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Import {
    /// `import a.b as x`, `from a import b as x`: the qualified name.
    Module(String),
    /// Imported twice from different places.
    Conflict,
}

/// The kind of pool a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PoolKind {
    Thread,
    Process,
    Interpreter,
}

/// Program-wide facts. Names are resolved flow-insensitively: a name bound in two different ways is
/// given up on, so that a rule never acts on a guess.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    imports: HashMap<String, Import>,
    /// How many times each name is bound outside class bodies (assignments, parameters, defs…),
    /// imports excluded.
    bound: HashMap<String, u32>,
    /// Modules of `from m import *`.
    star_modules: Vec<String>,
    /// Names whose every binding is the result of one same call (`session = requests.Session()`,
    /// `with httpx.Client() as c`): the call's qualified name, `()` appended.
    values: HashMap<String, String>,
    /// The same for `self.x` / `cls.x` attributes, program-wide.
    attr_values: HashMap<String, String>,
    /// Module-level classes bound once, by name.
    pub classes: HashSet<String>,
    /// Names whose one binding is an undecorated `async def` without `yield`.
    pub coroutine_functions: HashSet<String>,
    /// Names whose one binding is a `def` with `yield`.
    pub generator_functions: HashSet<String>,
    /// Module-level functions that create a process pool or start a process, directly or through another.
    pub process_starters: HashSet<String>,
    /// Module-level functions that return a new pool, by kind.
    pub pool_factories: HashMap<String, PoolKind>,
    /// Names bound to `multiprocessing.get_context(...)`.
    pub mp_context_names: HashSet<String>,
    /// Names bound to the event loop (`asyncio.get_running_loop()`, or annotated as a loop).
    pub loop_names: HashSet<String>,
    /// `self.x` / `cls.x` attributes bound to a new pool, by kind (conflicts removed).
    pub attr_pools: HashMap<String, Option<PoolKind>>,
    /// Every qualified name the program imports or uses.
    pub referenced: HashSet<String>,
    /// IPython escape commands (`%magic`, `!shell`) or a top-level `await`.
    pub notebook: bool,
    /// An `async def` anywhere.
    pub has_async: bool,
    /// Something in checks.toml `[names] threads`.
    pub uses_threads: bool,
    /// `nest_asyncio.apply()`: `asyncio.run()` inside a running loop is made to work.
    pub nested_loops: bool,
    /// A line with `__name__` has a syntax error: the program means a main guard that did not parse,
    /// so what it guards cannot be told.
    pub broken_guard: bool,
    /// The fork start method is chosen explicitly (`set_start_method("fork")`, `get_context("fork")`).
    pub fork_method: bool,
}

impl Facts {
    pub(crate) fn collect(body: &[Stmt]) -> Facts {
        let mut facts = Facts::default();
        let mut bindings = Bindings {
            facts: &mut facts,
            class_depth: 0,
            defs: HashMap::new(),
            values: HashMap::new(),
            attr_values: HashMap::new(),
            classes: Vec::new(),
            import_fallback: 0,
        };
        for stmt in body {
            bindings.visit_stmt(stmt);
        }
        let defs = std::mem::take(&mut bindings.defs);
        let raw_values = std::mem::take(&mut bindings.values);
        let raw_attr_values = std::mem::take(&mut bindings.attr_values);
        let classes = std::mem::take(&mut bindings.classes);
        facts.classes = classes.into_iter().filter(|c| facts.bound.get(c) == Some(&1)).collect();
        facts.resolve_values(&raw_values, &raw_attr_values);
        for (name, def) in defs {
            if facts.bound.get(&name) != Some(&1) {
                continue;
            }
            if def.is_async && !def.decorated && !def.generator {
                facts.coroutine_functions.insert(name);
            } else if !def.is_async && def.generator {
                facts.generator_functions.insert(name);
            }
        }
        let mut uses = Uses { facts: &mut facts, depth: 0, referenced: HashSet::new() };
        for stmt in body {
            uses.visit_stmt(stmt);
        }
        facts.referenced = uses.referenced;
        facts.nested_loops = facts.referenced.contains("nest_asyncio.apply");
        facts.uses_threads = facts.referenced.iter().any(|q| checks::THREADS.iter().any(|p| pattern_matches(p, q)))
            || mentions_method(body, checks::THREADS);
        facts.module_functions(body);
        facts
    }

    /// The qualified name of a name, an attribute chain or a call (`()` appended), or `None` when a part
    /// of it is bound by the program itself.
    pub(crate) fn qualify(&self, expr: &Expr) -> Option<String> {
        self.qualify_within(expr, MAX_QUALIFIED_PARTS, None)
    }

    /// [`Facts::qualify`] with one name standing for a value the caller knows (a local variable bound
    /// to one call in its function).
    pub(crate) fn qualify_over(&self, expr: &Expr, name: &str, value: &str) -> Option<String> {
        self.qualify_within(expr, MAX_QUALIFIED_PARTS, Some((name, value)))
    }

    /// Names longer than `parts` attributes and calls are never in checks.toml: giving up on them keeps
    /// long chains (`a.b().c().d()…`) linear.
    fn qualify_within(&self, expr: &Expr, parts: u32, over: Option<(&str, &str)>) -> Option<String> {
        let parts = parts.checked_sub(1)?;
        match expr {
            Expr::Name(n) => match over {
                Some((name, value)) if name == n.id.as_str() => Some(value.to_string()),
                _ => self.qualify_name(n.id.as_str()),
            },
            Expr::Attribute(a) => {
                if matches!(&*a.value, Expr::Name(n) if matches!(n.id.as_str(), "self" | "cls"))
                    && let Some(v) = dotted(expr).and_then(|d| self.attr_values.get(&d))
                {
                    return Some(v.clone());
                }
                let base = self.qualify_within(&a.value, parts, over)?;
                if base == "pathlib.Path()" && a.attr.id.as_str() == "parent" {
                    return Some(base);
                }
                Some(format!("{base}.{}", a.attr.id.as_str()))
            }
            Expr::Call(c) => {
                let base = self.qualify_within(&c.func, parts, over)?;
                Some(normalize_call(format!("{base}()")))
            }
            // `Path(a) / "b"` is a path too.
            Expr::BinOp(b) if matches!(b.op, ast::Operator::Div) => {
                let base = self.qualify_within(&b.left, parts, over)?;
                (base == "pathlib.Path()").then_some(base)
            }
            _ => None,
        }
    }

    /// Resolves the values of names and attributes bound to one same call, to a fixpoint (a value may
    /// name another: `p = Path(x); q = p.joinpath("a")`).
    fn resolve_values(
        &mut self,
        names: &HashMap<String, Vec<Option<&Expr>>>,
        attrs: &HashMap<String, Vec<Option<&Expr>>>,
    ) {
        for _ in 0..4 {
            let mut changed = false;
            for (name, bindings) in names {
                if self.values.contains_key(name) || self.imports.contains_key(name) {
                    continue;
                }
                if bindings.len() as u32 != self.bound.get(name).copied().unwrap_or(0) {
                    continue;
                }
                if let Some(v) = self.same_value(bindings) {
                    self.values.insert(name.clone(), v);
                    changed = true;
                }
            }
            for (key, bindings) in attrs {
                if !self.attr_values.contains_key(key)
                    && let Some(v) = self.same_value(bindings)
                {
                    self.attr_values.insert(key.clone(), v);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// The qualified call all `bindings` hold, when they are all the same call.
    fn same_value(&self, bindings: &[Option<&Expr>]) -> Option<String> {
        let mut value: Option<String> = None;
        for b in bindings {
            let q = self.qualify(b.as_ref()?)?;
            if !q.ends_with("()") || value.as_ref().is_some_and(|v| *v != q) {
                return None;
            }
            value = Some(q);
        }
        value
    }

    fn qualify_name(&self, name: &str) -> Option<String> {
        if let Some(v) = self.values.get(name) {
            return Some(v.clone());
        }
        let bound = self.bound.contains_key(name);
        match self.imports.get(name) {
            Some(Import::Module(q)) if !bound => Some(q.clone()),
            Some(_) => None,
            None if bound => None,
            None => match self.star_modules.as_slice() {
                [m] if !is_builtin(name) => Some(format!("{m}.{name}")),
                _ => Some(name.to_string()),
            },
        }
    }

    /// Whether the program binds `name` exactly once, outside class bodies and imports.
    pub(crate) fn bound_once(&self, name: &str) -> bool {
        self.bound.get(name) == Some(&1) && !self.imports.contains_key(name)
    }

    /// The kind of pool that `call` creates: a pool constructor, `ctx.Pool()` on a multiprocessing
    /// context, or a module-level function that returns a new pool.
    pub(crate) fn pool_created_by(&self, call: &ast::ExprCall) -> Option<PoolKind> {
        if let Some(q) = self.qualify(&call.func) {
            if checks::PROCESS_POOLS.contains(&q.as_str()) {
                return Some(PoolKind::Process);
            }
            if checks::THREAD_POOLS.contains(&q.as_str()) {
                return Some(PoolKind::Thread);
            }
            if checks::INTERPRETER_POOLS.contains(&q.as_str()) {
                return Some(PoolKind::Interpreter);
            }
        }
        match &*call.func {
            Expr::Attribute(a) if a.attr.id.as_str() == "Pool" && self.is_mp_context(&a.value) => {
                Some(PoolKind::Process)
            }
            Expr::Name(n) => self.pool_factories.get(n.id.as_str()).copied(),
            _ => None,
        }
    }

    /// Whether `expr` is a multiprocessing context: `multiprocessing.get_context(...)` or a name bound to one.
    pub(crate) fn is_mp_context(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Call(c) => self.qualify(&c.func).is_some_and(|q| checks::MP_CONTEXTS.contains(&q.as_str())),
            Expr::Name(n) => self.mp_context_names.contains(n.id.as_str()),
            _ => false,
        }
    }

    /// Whether `expr` is the event loop: `asyncio.get_running_loop()` and the like, or a name bound to it.
    pub(crate) fn is_event_loop(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Call(c) => self.qualify(&c.func).is_some_and(|q| checks::EVENT_LOOPS.contains(&q.as_str())),
            Expr::Name(n) => self.loop_names.contains(n.id.as_str()),
            _ => false,
        }
    }

    /// Whether `call` starts a process: a process pool, `multiprocessing.Process`, `ctx.Process()`,
    /// or a call to a module-level function that does one of these.
    pub(crate) fn starts_process(&self, call: &ast::ExprCall) -> bool {
        if self.pool_created_by(call) == Some(PoolKind::Process) {
            return true;
        }
        let process_ctor = checks::of_rule(Rule::UnguardedProcessStart).flat_map(|c| c.calls.iter());
        if let Some(q) = self.qualify(&call.func)
            && { process_ctor }.any(|p| pattern_matches(p, &q))
        {
            return true;
        }
        match &*call.func {
            Expr::Attribute(a) => a.attr.id.as_str() == "Process" && self.is_mp_context(&a.value),
            Expr::Name(n) => self.process_starters.contains(n.id.as_str()),
            _ => false,
        }
    }

    /// Process starters and pool factories among the module-level functions, to a fixpoint.
    fn module_functions(&mut self, body: &[Stmt]) {
        let defs: Vec<&ast::StmtFunctionDef> = body
            .iter()
            .filter_map(|s| match s {
                Stmt::FunctionDef(f) if self.bound_once(f.name.id.as_str()) => Some(f),
                _ => None,
            })
            .collect();
        for def in &defs {
            // A function that keeps its pool in a global, or whose decorator may cache what it returns
            // (`functools.cache`), hands out one shared pool, not a new one each call.
            if !def.decorator_list.is_empty() || declares_global(&def.body) {
                continue;
            }
            let kind =
                def.returns.as_deref().and_then(|r| self.qualify(r)).and_then(|q| pool_kind_of_type(&q)).or_else(
                    || {
                        let mut kinds = Vec::new();
                        returned_calls(&def.body, &mut |call| kinds.push(self.pool_created_by(call)));
                        match kinds.as_slice() {
                            [Some(k), rest @ ..] if rest.iter().all(|r| r == &Some(*k)) => Some(*k),
                            _ => None,
                        }
                    },
                );
            if let Some(kind) = kind {
                self.pool_factories.insert(def.name.id.to_string(), kind);
            }
        }
        // Which functions start a process themselves, and which module functions each one calls; then
        // the callers of a starter are starters too.
        let mut callers: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut work: Vec<&str> = Vec::new();
        for def in &defs {
            let name = def.name.id.as_str();
            let mut direct = false;
            calls_in_body(&def.body, &mut |call| {
                direct |= self.starts_process(call);
                if let Expr::Name(callee) = &*call.func {
                    callers.entry(callee.id.as_str()).or_default().push(name);
                }
            });
            if direct {
                work.push(name);
            }
        }
        while let Some(name) = work.pop() {
            if self.process_starters.insert(name.to_string()) {
                work.extend(callers.get(name).into_iter().flatten().copied());
            }
        }
    }
}

/// The pool kind of a type name (an annotation).
pub(crate) fn pool_kind_of_type(q: &str) -> Option<PoolKind> {
    if checks::PROCESS_POOLS.contains(&q) {
        Some(PoolKind::Process)
    } else if checks::THREAD_POOLS.contains(&q) {
        Some(PoolKind::Thread)
    } else if checks::INTERPRETER_POOLS.contains(&q) {
        Some(PoolKind::Interpreter)
    } else {
        None
    }
}

/// Calls that return a path are all `pathlib.Path()`: `Path.home()`, `Path(a).joinpath(b)`,
/// `Path(a).resolve()`, so that `Path.home().joinpath("x").read_text()` is a path's `read_text`.
fn normalize_call(q: String) -> String {
    const MAKERS: &[&str] = &[
        "pathlib.Path()",
        "pathlib.PosixPath()",
        "pathlib.WindowsPath()",
        "pathlib.Path.home()",
        "pathlib.Path.cwd()",
    ];
    const METHODS: &[&str] =
        &["joinpath", "resolve", "absolute", "expanduser", "with_name", "with_suffix", "with_stem", "relative_to"];
    if MAKERS.contains(&q.as_str()) {
        return "pathlib.Path()".to_string();
    }
    if let Some(base) = q.strip_prefix("pathlib.Path().")
        && let Some(method) = base.strip_suffix("()")
        && METHODS.contains(&method)
    {
        return "pathlib.Path()".to_string();
    }
    if q == "pathlib.Path().parent" {
        return "pathlib.Path()".to_string();
    }
    q
}

/// Whether a name pattern of checks.toml matches a qualified name (`*.method` patterns are matched on
/// the call's method instead, by the caller).
pub(crate) fn pattern_matches(pattern: &str, q: &str) -> bool {
    if pattern.starts_with("*.") {
        return false;
    }
    match pattern.strip_suffix(".*") {
        Some(module) => q == module || (q.starts_with(module) && q.as_bytes().get(module.len()) == Some(&b'.')),
        None => q == pattern,
    }
}

/// Whether any `*.method` pattern in `patterns` names a method the program calls.
fn mentions_method(body: &[Stmt], patterns: &[&str]) -> bool {
    let methods: Vec<&str> = patterns.iter().filter_map(|p| p.strip_prefix("*.")).collect();
    let mut found = false;
    calls_in_body(body, &mut |call| {
        if let Expr::Attribute(a) = &*call.func {
            found |= methods.contains(&a.attr.id.as_str());
        }
    });
    found
}

fn is_builtin(name: &str) -> bool {
    matches!(
        name,
        "open"
            | "input"
            | "print"
            | "len"
            | "iter"
            | "next"
            | "isinstance"
            | "type"
            | "range"
            | "list"
            | "dict"
            | "set"
            | "tuple"
            | "str"
            | "int"
            | "float"
            | "bool"
            | "super"
            | "object"
            | "BaseException"
            | "Exception"
            | "enumerate"
            | "zip"
            | "map"
            | "filter"
            | "sorted"
            | "reversed"
            | "sum"
            | "min"
            | "max"
            | "any"
            | "all"
            | "repr"
            | "getattr"
            | "setattr"
            | "hasattr"
            | "id"
            | "hash"
            | "callable"
            | "self"
            | "cls"
    )
}

/// Walks `stmt` unless it defines a function or class: what runs in the scope being visited, whose
/// nested definitions run (if ever) in scopes of their own. The visitors of one body call this from
/// their `visit_stmt`.
pub(crate) fn walk_in_scope<'a, V: Visitor<'a> + ?Sized>(v: &mut V, stmt: &'a Stmt) {
    if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
        visitor::walk_stmt(v, stmt);
    }
}

/// Calls anywhere in a function body, nested functions and lambdas excluded.
pub(crate) fn calls_in_body<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a ast::ExprCall)) {
    struct Calls<'f, 'a> {
        f: &'f mut dyn FnMut(&'a ast::ExprCall),
    }
    impl<'a> Visitor<'a> for Calls<'_, 'a> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            walk_in_scope(self, stmt);
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Lambda(_) => {}
                Expr::Call(c) => {
                    (self.f)(c);
                    visitor::walk_expr(self, expr);
                }
                _ => visitor::walk_expr(self, expr),
            }
        }
    }
    let mut v = Calls { f };
    v.visit_body(body);
}

/// The calls that `return` statements of a function body return directly.
fn returned_calls<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a ast::ExprCall)) {
    struct Returns<'f, 'a> {
        f: &'f mut dyn FnMut(&'a ast::ExprCall),
    }
    impl<'a> Visitor<'a> for Returns<'_, 'a> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::Return(r) => {
                    if let Some(Expr::Call(c)) = r.value.as_deref() {
                        (self.f)(c);
                    }
                }
                _ => visitor::walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, _: &'a Expr) {}
    }
    let mut v = Returns { f };
    v.visit_body(body);
}

/// Whether a function body has a `global` statement (nested functions excluded).
fn declares_global(body: &[Stmt]) -> bool {
    struct Globals(bool);
    impl<'a> Visitor<'a> for Globals {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::Global(_) => self.0 = true,
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                _ => visitor::walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, _: &'a Expr) {}
    }
    let mut v = Globals(false);
    v.visit_body(body);
    v.0
}

/// Whether some statement of `body` is one `stmt_is` accepts, or some expression one `expr_is` accepts,
/// nested functions, classes and lambdas excluded (what they hold runs in scopes of their own).
pub(crate) fn any_in_scope(body: &[Stmt], stmt_is: fn(&Stmt) -> bool, expr_is: fn(&Expr) -> bool) -> bool {
    struct Finds {
        stmt_is: fn(&Stmt) -> bool,
        expr_is: fn(&Expr) -> bool,
        found: bool,
    }
    impl<'a> Visitor<'a> for Finds {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if (self.stmt_is)(stmt) {
                self.found = true;
            }
            walk_in_scope(self, stmt);
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            if (self.expr_is)(expr) {
                self.found = true;
            }
            if !matches!(expr, Expr::Lambda(_)) {
                visitor::walk_expr(self, expr);
            }
        }
    }
    let mut v = Finds { stmt_is, expr_is, found: false };
    v.visit_body(body);
    v.found
}

/// Whether a function body contains `yield` (nested functions excluded).
pub(crate) fn has_yield(body: &[Stmt]) -> bool {
    any_in_scope(body, |_| false, |e| matches!(e, Expr::Yield(_) | Expr::YieldFrom(_)))
}

/// Names bound by an assignment target (`a`, `a, (b, *c)`).
pub(crate) fn target_names<'a>(target: &'a Expr, out: &mut Vec<&'a str>) {
    match target {
        Expr::Name(n) => out.push(n.id.as_str()),
        Expr::Tuple(t) => t.elts.iter().for_each(|e| target_names(e, out)),
        Expr::List(l) => l.elts.iter().for_each(|e| target_names(e, out)),
        Expr::Starred(s) => target_names(&s.value, out),
        _ => {}
    }
}

pub(crate) fn parameter_names(params: &ast::Parameters) -> Vec<&str> {
    let mut names: Vec<&str> = params.iter().map(|p| p.name().id.as_str()).collect();
    names.dedup();
    names
}

struct DefInfo {
    is_async: bool,
    decorated: bool,
    generator: bool,
}

/// First pass: imports and bindings.
struct Bindings<'f, 'a> {
    facts: &'f mut Facts,
    class_depth: u32,
    defs: HashMap<String, DefInfo>,
    /// Every binding of each name: the call it is bound to (`x = f()`, `with f() as x`), or `None`.
    values: HashMap<String, Vec<Option<&'a Expr>>>,
    /// The same for `self.x` and `cls.x`.
    attr_values: HashMap<String, Vec<Option<&'a Expr>>>,
    classes: Vec<String>,
    /// Inside `except ImportError:`: `name = None` there leaves an import in force.
    import_fallback: u32,
}

impl<'a> Bindings<'_, 'a> {
    fn bind(&mut self, name: &str) {
        self.bind_value(name, None);
    }

    fn bind_value(&mut self, name: &str, value: Option<&'a Expr>) {
        if self.class_depth == 0 {
            *self.facts.bound.entry(name.to_string()).or_default() += 1;
            self.values.entry(name.to_string()).or_default().push(value);
        }
    }

    fn bind_target(&mut self, target: &Expr) {
        let mut names = Vec::new();
        target_names(target, &mut names);
        for n in names {
            self.bind(n);
        }
    }

    /// A target bound to `value`: a call is remembered for a plain name or `self.x`.
    fn bind_target_to(&mut self, target: &'a Expr, value: &'a Expr) {
        let call = is_value_expr(value).then_some(value);
        match target {
            Expr::Name(n) => {
                if self.import_fallback > 0
                    && value.is_none_literal_expr()
                    && self.facts.imports.contains_key(n.id.as_str())
                {
                    return;
                }
                self.bind_value(n.id.as_str(), call);
            }
            Expr::Attribute(a) if matches!(&*a.value, Expr::Name(n) if matches!(n.id.as_str(), "self" | "cls")) => {
                if let Some(key) = dotted(target) {
                    self.attr_values.entry(key).or_default().push(call);
                }
            }
            _ => self.bind_target(target),
        }
    }

    fn import(&mut self, local: &str, qualified: String) {
        let entry = self.facts.imports.entry(local.to_string()).or_insert(Import::Module(qualified.clone()));
        if *entry != Import::Module(qualified) {
            *entry = Import::Conflict;
        }
    }
}

impl<'a> Visitor<'a> for Bindings<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                self.bind(f.name.id.as_str());
                if self.class_depth == 0 {
                    self.defs.insert(
                        f.name.id.to_string(),
                        DefInfo {
                            is_async: f.is_async,
                            decorated: !f.decorator_list.is_empty(),
                            generator: has_yield(&f.body),
                        },
                    );
                }
                if f.is_async {
                    self.facts.has_async = true;
                }
                let saved = std::mem::replace(&mut self.class_depth, 0);
                for p in f.parameters.iter() {
                    self.bind(p.name().id.as_str());
                }
                visitor::walk_stmt(self, stmt);
                self.class_depth = saved;
                return;
            }
            Stmt::ClassDef(c) => {
                if self.class_depth == 0 {
                    self.classes.push(c.name.id.to_string());
                }
                self.bind(c.name.id.as_str());
                self.class_depth += 1;
                visitor::walk_stmt(self, stmt);
                self.class_depth -= 1;
                return;
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let full = alias.name.id.as_str();
                    match &alias.asname {
                        Some(as_name) => self.import(as_name.id.as_str(), full.to_string()),
                        None => {
                            let first = full.split('.').next().unwrap_or(full);
                            self.import(first, first.to_string());
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                let module = match (&i.module, i.level) {
                    (Some(m), 0) => m.id.to_string(),
                    (Some(m), _) => format!(".{}", m.id.as_str()),
                    (None, _) => ".".to_string(),
                };
                for alias in &i.names {
                    let name = alias.name.id.as_str();
                    if name == "*" {
                        self.facts.star_modules.push(module.clone());
                        continue;
                    }
                    let local = alias.asname.as_ref().map_or(name, |a| a.id.as_str());
                    self.import(local, format!("{module}.{name}"));
                }
            }
            Stmt::Assign(a) => a.targets.iter().for_each(|t| self.bind_target_to(t, &a.value)),
            Stmt::AnnAssign(a) => match &a.value {
                Some(v) => self.bind_target_to(&a.target, v),
                None => self.bind_target(&a.target),
            },
            Stmt::AugAssign(a) => self.bind_target(&a.target),
            Stmt::For(f) => self.bind_target(&f.target),
            Stmt::With(w) => {
                for item in &w.items {
                    if let Some(v) = &item.optional_vars {
                        self.bind_target_to(v, &item.context_expr);
                    }
                }
            }
            Stmt::Try(t) => {
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(n) = &h.name {
                        self.bind(n.id.as_str());
                    }
                }
                self.visit_body(&t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    let fallback = h.type_.as_deref().is_some_and(catches_import_error);
                    self.import_fallback += u32::from(fallback);
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty);
                    }
                    self.visit_body(&h.body);
                    self.import_fallback -= u32::from(fallback);
                }
                self.visit_body(&t.orelse);
                self.visit_body(&t.finalbody);
                return;
            }
            Stmt::IpyEscapeCommand(_) => self.facts.notebook = true,
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Named(n) => self.bind_target(&n.target),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    for p in p.iter() {
                        self.bind(p.name().id.as_str());
                    }
                }
            }
            Expr::IpyEscapeCommand(_) => self.facts.notebook = true,
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }

    fn visit_comprehension(&mut self, c: &'a ast::Comprehension) {
        self.bind_target(&c.target);
        visitor::walk_comprehension(self, c);
    }

    fn visit_pattern(&mut self, pattern: &'a ast::Pattern) {
        match pattern {
            ast::Pattern::MatchAs(p) => {
                if let Some(n) = &p.name {
                    self.bind(n.id.as_str());
                }
            }
            ast::Pattern::MatchStar(p) => {
                if let Some(n) = &p.name {
                    self.bind(n.id.as_str());
                }
            }
            ast::Pattern::MatchMapping(p) => {
                if let Some(n) = &p.rest {
                    self.bind(n.id.as_str());
                }
            }
            _ => {}
        }
        visitor::walk_pattern(self, pattern);
    }
}

/// A bound value the checker may follow: a call, or a path joined with `/`.
pub(crate) fn is_value_expr(value: &Expr) -> bool {
    matches!(value, Expr::Call(_)) || matches!(value, Expr::BinOp(b) if matches!(b.op, ast::Operator::Div))
}

/// `ImportError`, `ModuleNotFoundError`, or a tuple holding one.
fn catches_import_error(ty: &Expr) -> bool {
    match ty {
        Expr::Name(n) => matches!(n.id.as_str(), "ImportError" | "ModuleNotFoundError"),
        Expr::Tuple(t) => t.elts.iter().any(catches_import_error),
        _ => false,
    }
}

/// Second pass: names used, special bindings (loops, contexts, pools on `self`), notebook and fork signs.
struct Uses<'f> {
    facts: &'f mut Facts,
    /// Function nesting: 0 at import time.
    depth: u32,
    referenced: HashSet<String>,
}

impl Uses<'_> {
    /// Runs `walk` over a function or lambda: what it holds runs when it is called, not at import time.
    fn deeper(&mut self, walk: impl FnOnce(&mut Self)) {
        self.depth += 1;
        walk(self);
        self.depth -= 1;
    }

    fn note_binding(&mut self, target: &Expr, value: &Expr) {
        let is_loop = self.facts.is_event_loop(value);
        let is_context = self.facts.is_mp_context(value);
        let pool = match value {
            Expr::Call(c) => self.facts.pool_created_by(c),
            _ => None,
        };
        match target {
            Expr::Name(n) => {
                let name = n.id.as_str();
                if is_loop && self.facts.bound_once(name) {
                    self.facts.loop_names.insert(name.to_string());
                }
                if is_context && self.facts.bound_once(name) {
                    self.facts.mp_context_names.insert(name.to_string());
                }
            }
            Expr::Attribute(a) if matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "self" || n.id.as_str() == "cls") =>
            {
                let key = dotted(target).unwrap_or_default();
                let entry = self.facts.attr_pools.entry(key).or_insert(pool);
                if *entry != pool {
                    *entry = None;
                }
            }
            _ => {}
        }
    }
}

/// `a.b.c` for a chain of names, or `None`.
pub(crate) fn dotted(expr: &Expr) -> Option<String> {
    fn within(expr: &Expr, parts: u32) -> Option<String> {
        let parts = parts.checked_sub(1)?;
        match expr {
            Expr::Name(n) => Some(n.id.to_string()),
            Expr::Attribute(a) => Some(format!("{}.{}", within(&a.value, parts)?, a.attr.id.as_str())),
            _ => None,
        }
    }
    within(expr, MAX_QUALIFIED_PARTS)
}

impl<'a> Visitor<'a> for Uses<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                for p in f.parameters.iter() {
                    let name = p.name().id.as_str();
                    if let Some(q) = p.annotation().and_then(|a| self.facts.qualify(a))
                        && checks::LOOP_TYPES.contains(&q.as_str())
                        && self.facts.bound_once(name)
                    {
                        self.facts.loop_names.insert(name.to_string());
                    }
                }
                self.deeper(|v| visitor::walk_stmt(v, stmt));
                return;
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    self.referenced.insert(alias.name.id.to_string());
                }
            }
            Stmt::ImportFrom(i) => {
                if let (Some(m), 0) = (&i.module, i.level) {
                    self.referenced.insert(m.id.to_string());
                    for alias in &i.names {
                        if alias.name.id.as_str() != "*" {
                            self.referenced.insert(format!("{}.{}", m.id.as_str(), alias.name.id.as_str()));
                        }
                    }
                }
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.note_binding(t, &a.value);
                }
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.note_binding(&a.target, v);
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    if let Some(v) = &item.optional_vars {
                        self.note_binding(v, &item.context_expr);
                    }
                    if self.depth == 0 && w.is_async {
                        self.facts.notebook = true;
                    }
                }
            }
            Stmt::For(f) if f.is_async && self.depth == 0 => self.facts.notebook = true,
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Await(_) if self.depth == 0 => self.facts.notebook = true,
            Expr::Lambda(_) => {
                self.deeper(|v| visitor::walk_expr(v, expr));
                return;
            }
            Expr::Name(_) | Expr::Attribute(_) => {
                if let Some(q) = self.facts.qualify(expr) {
                    self.referenced.insert(q);
                }
            }
            Expr::Call(c) => {
                let fork_call =
                    CHECKS.iter().filter(|c| c.rule == Rule::ForkWithThreads).flat_map(|c| c.calls.iter()).any(|p| {
                        match (p.strip_prefix("*."), &*c.func) {
                            (Some(m), Expr::Attribute(a)) => a.attr.id.as_str() == m,
                            (None, f) => self.facts.qualify(f).is_some_and(|q| pattern_matches(p, &q)),
                            _ => false,
                        }
                    });
                if fork_call && first_string_arg(c, "method") == Some("fork") {
                    self.facts.fork_method = true;
                }
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

/// The string literal passed first (or as `keyword=`) to a call.
pub(crate) fn first_string_arg<'a>(call: &'a ast::ExprCall, keyword: &str) -> Option<&'a str> {
    match call.arguments.find_argument_value(keyword, 0)? {
        Expr::StringLiteral(s) => Some(s.value.to_str()),
        _ => None,
    }
}
