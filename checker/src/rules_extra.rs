//! The rules that follow code elsewhere in the program: a plain function called from a coroutine, a
//! function handed to a thread or registered as a callback, a lock held across `await`, a session or a
//! task that nobody closes or looks at, a queue read after its process was joined.

use super::{Walker, body_awaits, class_coroutine};
use crate::checks::{CHECKS, Check, Rule, of_rule};
use crate::facts::{calls_in_body, dotted, has_yield, pattern_matches, target_names};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use std::collections::{HashMap, HashSet};

/// Calls that run a function in another thread: the function is argument `@n` or keyword `@name`,
/// and `args=` (or the arguments after it) are what its parameters receive.
const THREAD_TARGETS: &[&str] = &[
    "threading.Thread@target",
    "threading.Timer@1",
    "threading.Timer@function",
    "*.run_in_executor@1",
    "asyncio.to_thread@0",
    "_thread.start_new_thread@0",
];

/// How deep a helper calling another helper is followed.
const HELPER_DEPTH: u32 = 3;

/// The GUI modules: their callbacks run on the GUI thread.
const GUI_MODULES: &[&str] = &["tkinter.*", "PyQt5.*", "PyQt6.*", "PySide2.*", "PySide6.*", "wx.*"];

impl<'a> Walker<'a> {
    /// The argument a `pattern@where` entry names in `call`, when the call matches the pattern (`*`
    /// matches every call).
    fn argument_of(&self, entry: &str, call: &'a ast::ExprCall, q: Option<&str>) -> Option<&'a Expr> {
        let (pattern, at) = entry.split_once('@').unwrap_or((entry, "0"));
        if pattern != "*" && !self.call_matches(pattern, call, q) {
            return None;
        }
        match at.parse::<usize>() {
            Ok(i) => call.arguments.args.get(i),
            Err(_) => call.arguments.find_keyword(at).map(|k| &k.value),
        }
    }

    /// The `def` a callable expression names: a module function, a function local to an enclosing
    /// function, or `self.method` of the class being defined.
    fn function_named(&self, expr: &Expr) -> Option<&'a ast::StmtFunctionDef> {
        match expr {
            Expr::Name(n) => {
                let name = n.id.as_str();
                let frame = self.visible_frames().find(|f| f.assigned.contains(name))?;
                if let Some(def) = frame.local_defs.get(name) {
                    return *def;
                }
                if !std::ptr::eq(frame, &self.frames[0]) || !self.facts.bound_once(name) {
                    return None;
                }
                self.frames[0].body.iter().find_map(|s| match s {
                    Stmt::FunctionDef(f) if f.name.id.as_str() == name => Some(f),
                    _ => None,
                })
            }
            Expr::Attribute(a) if matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "self") => {
                let class = self.frames.iter().rev().find_map(|f| f.method_of)?;
                let mut defs = class.body.iter().filter_map(|s| match s {
                    Stmt::FunctionDef(f) if f.name.id.as_str() == a.attr.id.as_str() => Some(f),
                    _ => None,
                });
                let def = defs.next()?;
                defs.next().is_none().then_some(def)
            }
            _ => None,
        }
    }

    /// The first blocking call (those of the call-in-coroutine checks) a function body makes, directly
    /// or through the program's own plain functions, `depth` levels deep.
    ///
    /// For a GUI callback (`gui`), reading a file, starting a process (`Popen`) and `input()` do not
    /// count: an Open button that reads the file it asked for is how GUI programs are written.
    fn blocking_call_in(&self, def: &'a ast::StmtFunctionDef, depth: u32, gui: bool) -> Option<TextRange> {
        if def.is_async || has_yield(&def.body) || !def.decorator_list.is_empty() {
            return None;
        }
        let patterns: Vec<&str> = CHECKS
            .iter()
            .filter(|c| c.rule == Rule::CallInCoroutine && c.id != "asyncio-run-in-coroutine")
            .filter(|c| !gui || !matches!(c.id, "file-io-in-coroutine" | "input-in-coroutine"))
            .flat_map(|c| c.calls.iter().copied())
            .filter(|p| !(p.starts_with("*.") || gui && matches!(*p, "subprocess.Popen" | "os.popen")))
            .collect();
        let mut found = None;
        let mut helpers = Vec::new();
        calls_in_body(&def.body, &mut |call| {
            if found.is_some() {
                return;
            }
            let q = self.facts.qualify(&call.func);
            if q.as_deref().is_some_and(|q| patterns.iter().any(|p| pattern_matches(p, q))) {
                found = Some(call.range());
            } else if matches!(&*call.func, Expr::Name(_))
                || matches!(&*call.func, Expr::Attribute(a) if matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "self"))
            {
                helpers.push(&*call.func);
            }
        });
        if found.is_some() || depth == 0 {
            return found;
        }
        helpers.into_iter().find_map(|h| {
            let inner = self.function_named(h)?;
            (!std::ptr::eq(inner, def)).then(|| self.blocking_call_in(inner, depth - 1, gui)).flatten()
        })
    }

    /// What each parameter of the function a thread runs receives, qualified at the call that starts
    /// the thread: `Thread(target=work, args=(queue, loop))`, `run_in_executor(None, work, queue)`.
    fn thread_arguments(&self, call: &'a ast::ExprCall, def: &'a ast::StmtFunctionDef) -> HashMap<String, String> {
        let passed: Vec<&Expr> = if let Some(k) = call.arguments.find_keyword("args") {
            match &k.value {
                Expr::Tuple(t) => t.elts.iter().collect(),
                Expr::List(l) => l.elts.iter().collect(),
                _ => Vec::new(),
            }
        } else {
            let func_at = call.arguments.args.iter().position(|a| self.function_named(a) == Some(def));
            func_at.map_or_else(Vec::new, |i| call.arguments.args.iter().skip(i + 1).collect())
        };
        let params: Vec<&str> = def.parameters.iter().map(|p| p.name().id.as_str()).collect();
        let offset = usize::from(params.first() == Some(&"self"));
        passed
            .into_iter()
            .zip(params.into_iter().skip(offset))
            .filter_map(|(arg, param)| Some((param.to_string(), self.qualify(arg)?)))
            .collect()
    }

    /// Rules run on every call.
    pub(super) fn extra_on_call(&mut self, call: &'a ast::ExprCall) {
        let q = self.qualify(&call.func);
        self.blocking_helper(call);
        self.coroutine_callback(call, q.as_deref());
        self.gui_callback(call, q.as_deref());
        for entry in THREAD_TARGETS {
            if let Some(def) = self.argument_of(entry, call, q.as_deref()).and_then(|a| self.function_named(a))
                && self.spend()
            {
                let args = self.thread_arguments(call, def);
                self.in_thread(def, &args);
            }
        }
    }

    /// A plain function of the program that blocks, called inside `async def`.
    fn blocking_helper(&mut self, call: &'a ast::ExprCall) {
        if !self.frame().is_async() || !matches!(&*call.func, Expr::Name(_) | Expr::Attribute(_)) {
            return;
        }
        let Some(def) = self.function_named(&call.func) else { return };
        if self.spend() && self.blocking_call_in(def, HELPER_DEPTH, false).is_some() {
            for check in of_rule(Rule::BlockingHelper) {
                self.hit(check, call.range());
            }
        }
    }

    /// `sock.recv()` where this function made `sock` non-blocking (`sock.setblocking(False)`): the call
    /// returns at once or raises `BlockingIOError`.
    pub(super) fn made_nonblocking(&self, call: &ast::ExprCall) -> bool {
        let Expr::Attribute(a) = &*call.func else { return false };
        let Some(receiver) = dotted(&a.value) else { return false };
        let mut found = false;
        calls_in_body(self.frame().body, &mut |c| {
            found |= matches!(&*c.func, Expr::Attribute(m)
                if matches!(m.attr.id.as_str(), "setblocking" | "settimeout")
                    && dotted(&m.value).as_deref() == Some(receiver.as_str()));
        });
        found
    }

    /// Whether an expression is the event loop: a name bound to `asyncio.get_running_loop()` and the
    /// like, in this function or the program, or annotated as a loop.
    fn is_loop(&self, expr: &Expr) -> bool {
        self.facts.is_event_loop(expr)
            || self
                .qualify(expr)
                .is_some_and(|q| q.strip_suffix("()").is_some_and(|c| crate::checks::EVENT_LOOPS.contains(&c)))
    }

    /// An `async def` of the program handed over as a plain callback.
    fn coroutine_callback(&mut self, call: &'a ast::ExprCall, q: Option<&str>) {
        for check in of_rule(Rule::CoroutineCallback) {
            for entry in check.calls {
                let Some(arg) = self.argument_of(entry, call, q) else { continue };
                // The loop's scheduling methods only on a known loop: other objects (task groups of a
                // library) may well take coroutine functions.
                let loop_method = matches!(
                    entry.split('@').next(),
                    Some(
                        "*.call_soon"
                            | "*.call_soon_threadsafe"
                            | "*.call_later"
                            | "*.call_at"
                            | "*.add_signal_handler"
                    )
                );
                if loop_method && !matches!(&*call.func, Expr::Attribute(a) if self.is_loop(&a.value)) {
                    continue;
                }
                let coroutine = match arg {
                    Expr::Name(n) => {
                        self.facts.coroutine_functions.contains(n.id.as_str())
                            && self
                                .visible_frames()
                                .find(|f| f.assigned.contains(n.id.as_str()))
                                .is_some_and(|f| std::ptr::eq(f, &self.frames[0]))
                    }
                    Expr::Attribute(a) if matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "self") => self
                        .frames
                        .iter()
                        .rev()
                        .find_map(|f| f.method_of)
                        .is_some_and(|class| class_coroutine(class, a.attr.id.as_str())),
                    _ => false,
                };
                if coroutine {
                    self.hit(check, arg.range());
                }
            }
        }
    }

    /// A GUI callback (`command=`, `.connect(f)`, `.bind(event, f)`, `.after(ms, f)`) that blocks.
    fn gui_callback(&mut self, call: &'a ast::ExprCall, q: Option<&str>) {
        if !self.uses_gui() {
            return;
        }
        for check in of_rule(Rule::GuiCallbackBlocks) {
            for entry in check.calls {
                let Some(def) = self.argument_of(entry, call, q).and_then(|a| self.function_named(a)) else {
                    continue;
                };
                if !self.spend() {
                    return;
                }
                let waits = |c: &ast::ExprCall| {
                    matches!(&*c.func, Expr::Attribute(a) if check.methods.contains(&a.attr.id.as_str()))
                        && c.arguments.args.is_empty()
                };
                let mut at = self.blocking_call_in(def, 1, true);
                if at.is_none() && !def.is_async {
                    calls_in_body(&def.body, &mut |c| {
                        if at.is_none() && waits(c) {
                            at = Some(c.range());
                        }
                    });
                }
                if let Some(range) = at {
                    self.hit(check, range);
                }
            }
        }
    }

    fn uses_gui(&self) -> bool {
        self.facts.referenced.iter().any(|r| GUI_MODULES.iter().any(|p| pattern_matches(p, r)))
    }

    /// A function run in a worker thread: widgets and asyncio objects it must not touch.
    fn in_thread(&mut self, def: &'a ast::StmtFunctionDef, args: &HashMap<String, String>) {
        // A thread that runs an event loop itself may use it before and after.
        let mut runs_loop = false;
        calls_in_body(&def.body, &mut |c| {
            runs_loop |= matches!(&*c.func, Expr::Attribute(a)
                if matches!(a.attr.id.as_str(), "run_forever" | "run_until_complete" | "set_event_loop"))
                || self
                    .facts
                    .qualify(&c.func)
                    .is_some_and(|q| matches!(q.as_str(), "asyncio.run" | "asyncio.set_event_loop"));
        });
        let gui = self.uses_gui();
        let mut hits: Vec<(&'static Check, TextRange)> = Vec::new();
        calls_in_body(&def.body, &mut |c| {
            let Expr::Attribute(a) = &*c.func else { return };
            let method = a.attr.id.as_str();
            let receiver = match &*a.value {
                Expr::Name(n) if args.contains_key(n.id.as_str()) => args.get(n.id.as_str()).cloned(),
                other => self.facts.qualify(other),
            };
            let Some(receiver) = receiver else { return };
            for check in of_rule(Rule::AsyncioFromThread).filter(|_| !runs_loop) {
                let object = check.calls.contains(&receiver.as_str());
                let is_loop = receiver.strip_suffix("()").is_some_and(|r| crate::checks::EVENT_LOOPS.contains(&r))
                    && matches!(method, "call_soon" | "call_later" | "create_task");
                if (object || is_loop) && check.methods.contains(&method) {
                    hits.push((check, c.range()));
                }
            }
            if gui {
                for check in of_rule(Rule::GuiWidgetFromThread) {
                    let widget = receiver.ends_with("()") && check.calls.iter().any(|p| pattern_matches(p, &receiver));
                    if widget && !check.methods.contains(&method) {
                        hits.push((check, c.range()));
                    }
                }
            }
        });
        for (check, range) in hits {
            self.hit(check, range);
        }
    }

    /// `with threading.Lock():` around an `await`, inside `async def`.
    pub(super) fn lock_across_await(&mut self, w: &'a ast::StmtWith) {
        if !self.frame().is_async() || !body_awaits(&w.body) {
            return;
        }
        for item in &w.items {
            let q = self.qualify(&item.context_expr);
            for check in of_rule(Rule::LockAcrossAwait) {
                if q.as_deref().is_some_and(|q| check.calls.contains(&q)) {
                    self.hit(check, item.context_expr.range());
                }
            }
        }
    }

    /// The session constructors of the session-not-closed check, as the value of a name (`...()`).
    fn is_session(&self, expr: &Expr) -> bool {
        let Some(q) = self.qualify(expr) else { return false };
        of_rule(Rule::SessionNotClosed).any(|c| c.calls.iter().any(|p| q.strip_suffix("()") == Some(*p)))
    }

    /// `session.close()` as a statement: the coroutine is made and never awaited.
    pub(super) fn close_not_awaited(&mut self, call: &'a ast::ExprCall) {
        let Expr::Attribute(a) = &*call.func else { return };
        if !matches!(a.attr.id.as_str(), "close" | "aclose") || !self.is_session(&a.value) {
            return;
        }
        for check in of_rule(Rule::SessionNotClosed) {
            self.hit(check, call.range());
        }
    }

    /// `session = aiohttp.ClientSession()` in a function, never closed, used in `async with` nor handed on.
    pub(super) fn session_never_closed(&mut self, target: &'a Expr, call: &'a ast::ExprCall) {
        let Some(q) = self.qualify(&call.func) else { return };
        let makes = of_rule(Rule::SessionNotClosed).any(|c| c.calls.contains(&q.as_str()));
        if makes && self.spend() && !self.released(target, Rule::SessionNotClosed) {
            for check in of_rule(Rule::SessionNotClosed) {
                self.hit(check, call.range());
            }
        }
    }

    /// `task = asyncio.create_task(...)`, added to a collection and dropped from it when done, with
    /// nothing that ever awaits the task or asks for its result or exception.
    pub(super) fn unretrieved_task(&mut self, target: &'a Expr, call: &'a ast::ExprCall) {
        let Expr::Name(task) = target else { return };
        let q = self.qualify(&call.func);
        let makes = of_rule(Rule::DroppedTask).any(|c| self.makes_task(c, call, q.as_deref()));
        if !makes || self.frame().import_time || !self.spend() {
            return;
        }
        let Some(check) = of_rule(Rule::UnretrievedTask).next() else { return };
        let mut uses =
            TaskUses { task: task.id.as_str(), check, collections: HashSet::new(), other: false, kept: false };
        uses.visit_body(self.frame().body);
        if uses.other || !uses.kept || uses.collections.is_empty() {
            return;
        }
        for key in &uses.collections {
            let mut v = CollectionUses { key, check, other: false };
            v.visit_body(self.frames[0].body);
            if v.other {
                return;
            }
        }
        self.hit(check, call.range());
    }

    /// In one body (a function's or the module's): `p.join()` before the first `q.get()` of a
    /// multiprocessing queue handed to that process.
    pub(super) fn queue_joins(&mut self, body: &'a [Stmt]) {
        let Some(check) = of_rule(Rule::QueueJoinedBeforeDrained).next() else { return };
        let mut scan = QueueScan {
            walker: self,
            check,
            queues: HashSet::new(),
            processes: HashSet::new(),
            lists: HashSet::new(),
            loop_vars: HashSet::new(),
            joins: Vec::new(),
            first_get: None,
        };
        scan.visit_body(body);
        let first_get = scan.first_get;
        let joins = std::mem::take(&mut scan.joins);
        if let Some(get) = first_get {
            for join in joins.into_iter().filter(|j| j.start() < get) {
                self.hit(check, join);
            }
        }
    }
}

/// How a task variable is used in its function.
struct TaskUses<'t> {
    task: &'t str,
    check: &'static Check,
    /// Collections it is added to (`tasks.add(task)`).
    collections: HashSet<String>,
    /// Removed from them when done (`task.add_done_callback(tasks.discard)`).
    kept: bool,
    /// Used any other way: awaited, cancelled, returned, its result asked for...
    other: bool,
}

impl<'a> Visitor<'a> for TaskUses<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
            visitor::walk_stmt(self, stmt);
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        let is_task = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == self.task && n.ctx == ExprContext::Load);
        match expr {
            Expr::Call(c) => {
                if let Expr::Attribute(a) = &*c.func {
                    let method = a.attr.id.as_str();
                    if self.check.methods.contains(&method)
                        && let [arg] = &c.arguments.args[..]
                        && is_task(arg)
                        && let Some(key) = dotted(&a.value)
                    {
                        self.collections.insert(key);
                        return;
                    }
                    if method == "add_done_callback"
                        && is_task(&a.value)
                        && let [Expr::Attribute(cb)] = &c.arguments.args[..]
                        && matches!(cb.attr.id.as_str(), "discard" | "remove")
                    {
                        self.kept = true;
                        return;
                    }
                }
                visitor::walk_expr(self, expr);
            }
            _ if is_task(expr) => self.other = true,
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Whether a collection of tasks is used, anywhere in the module, other than to add and drop tasks.
struct CollectionUses<'k> {
    key: &'k str,
    check: &'static Check,
    other: bool,
}

impl<'a> Visitor<'a> for CollectionUses<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        // `tasks = set()` and `self.tasks: set[Task] = set()` only make it; `while tasks:` only asks
        // whether it is empty.
        let is_key = |e: &Expr| dotted(e).as_deref() == Some(self.key);
        let tests_empty = |e: &Expr| {
            is_key(e) || matches!(e, Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) && is_key(&u.operand))
        };
        match stmt {
            Stmt::While(w) if tests_empty(&w.test) => {
                self.visit_body(&w.body);
                self.visit_body(&w.orelse);
            }
            Stmt::If(i) if tests_empty(&i.test) => {
                self.visit_body(&i.body);
                for clause in &i.elif_else_clauses {
                    if let Some(test) = &clause.test {
                        self.visit_expr(test);
                    }
                    self.visit_body(&clause.body);
                }
            }
            Stmt::Assign(a) if a.targets.iter().all(|t| dotted(t).as_deref() == Some(self.key)) => {
                self.visit_expr(&a.value);
            }
            Stmt::AnnAssign(a) if dotted(&a.target).as_deref() == Some(self.key) => {
                if let Some(v) = &a.value {
                    self.visit_expr(v);
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        let is_key =
            |e: &Expr| matches!(e, Expr::Name(_) | Expr::Attribute(_)) && dotted(e).as_deref() == Some(self.key);
        match expr {
            Expr::Attribute(a) if is_key(&a.value) => {
                if !self.check.methods.contains(&a.attr.id.as_str()) {
                    self.other = true;
                }
            }
            Expr::Call(c) if matches!(&*c.func, Expr::Name(n) if n.id.as_str() == "len") => {
                if !c.arguments.args.iter().all(is_key) {
                    visitor::walk_expr(self, expr);
                }
            }
            _ if is_key(expr) => self.other = true,
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Walks one body in source order for queues, the processes they are handed to, joins and gets.
struct QueueScan<'w, 'a> {
    walker: &'w Walker<'a>,
    check: &'static Check,
    queues: HashSet<&'a str>,
    processes: HashSet<&'a str>,
    /// Lists of such processes.
    lists: HashSet<&'a str>,
    /// Loop variables over such lists.
    loop_vars: HashSet<&'a str>,
    joins: Vec<TextRange>,
    first_get: Option<TextSize>,
}

impl<'a> QueueScan<'_, 'a> {
    /// `multiprocessing.Process(...)` (or a context's) with one of the queues among its arguments.
    fn is_process_with_queue(&self, expr: &Expr) -> bool {
        let Expr::Call(c) = expr else { return false };
        let Some(q) = self.walker.qualify(&c.func) else { return false };
        if !q.ends_with(".Process") {
            return false;
        }
        let mut names = Vec::new();
        for e in c.arguments.args.iter().chain(c.arguments.keywords.iter().map(|k| &k.value)) {
            super::collect_names(e, &mut names);
        }
        names.iter().any(|n| self.queues.contains(n))
    }
}

impl<'a> Visitor<'a> for QueueScan<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return,
            Stmt::Assign(a) => {
                if let [Expr::Name(n)] = &a.targets[..] {
                    let name = n.id.as_str();
                    let value = self.walker.qualify(&a.value);
                    if value.as_deref().is_some_and(|v| self.check.calls.contains(&v)) {
                        self.queues.insert(name);
                    } else if self.is_process_with_queue(&a.value) {
                        self.processes.insert(name);
                    } else if let Expr::ListComp(l) = &*a.value
                        && self.is_process_with_queue(&l.elt)
                    {
                        self.lists.insert(name);
                    }
                }
            }
            Stmt::For(f) => {
                if let Expr::Name(list) = &*f.iter
                    && self.lists.contains(list.id.as_str())
                {
                    let mut vars = Vec::new();
                    target_names(&f.target, &mut vars);
                    self.loop_vars.extend(vars);
                }
            }
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Lambda(_) = expr {
            return;
        }
        if let Expr::Call(c) = expr
            && let Expr::Attribute(a) = &*c.func
            && let Expr::Name(n) = &*a.value
        {
            let name = n.id.as_str();
            match a.attr.id.as_str() {
                "join" if self.processes.contains(name) || self.loop_vars.contains(name) => self.joins.push(c.range()),
                "append" if self.processes.is_empty() => {}
                "append" => {
                    if let [Expr::Name(p)] = &c.arguments.args[..]
                        && self.processes.contains(p.id.as_str())
                    {
                        self.lists.insert(name);
                    }
                }
                m if self.check.methods.contains(&m) && self.queues.contains(name) => {
                    self.first_get.get_or_insert(c.start());
                }
                _ => {}
            }
        }
        visitor::walk_expr(self, expr);
    }
}
