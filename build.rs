//! Compiles the knowledge base (src/content/data/*.toml and src/content/templates/*.py) into static Rust
//! values, checking every reference and translation on the way. A content error stops the build with the
//! file and the item named.

#[path = "build/condition.rs"]
mod condition;
#[path = "build/raw.rs"]
mod raw;
#[path = "build/template.rs"]
mod template;

use condition::{Ast, Vocabulary};
use raw::*;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The content: `data/*.toml` and `templates/` (tests/broken_content.rs compiles a broken copy).
const CONTENT: &str = "src/content";

fn main() {
    println!("cargo:rerun-if-changed={CONTENT}/data");
    println!("cargo:rerun-if-changed={CONTENT}/templates");
    println!("cargo:rerun-if-changed=build");
    match compile(Path::new(CONTENT)) {
        Ok(mut code) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
            LANGS.with(|l| write_languages(&l.borrow(), &out));
            code.push_str(&PACK.with(|p| p.borrow().write(&out)));
            std::fs::write(out.join("ui.json"), UI_JSON.take()).expect("write ui.json");
            std::fs::write(out.join("content.rs"), code).expect("write content.rs");
        }
        Err(errors) => {
            for e in &errors {
                println!("cargo:warning=content: {e}");
            }
            panic!("the content has {} error(s):\n{}", errors.len(), errors.join("\n"));
        }
    }
}

fn load<T: serde::de::DeserializeOwned>(content: &Path, name: &str) -> Result<T, String> {
    let path = content.join("data").join(name);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Collects content errors instead of stopping at the first.
#[derive(Default)]
struct Errors(Vec<String>);

impl Errors {
    /// A text gives every language of languages.toml, each not empty, and no other.
    fn text(&mut self, at: &str, t: &RawText) {
        LANGS.with(|langs| {
            let langs = langs.borrow();
            for l in langs.iter() {
                if t.get(&l.code).trim().is_empty() {
                    self.0.push(format!("{at}: the {} text (`{}`) is missing or empty", l.name, l.code));
                }
            }
            for code in t.0.keys() {
                if !langs.iter().any(|l| &l.code == code) {
                    self.0.push(format!("{at}: `{code}` is not a language of languages.toml"));
                }
            }
        });
    }

    fn unique<'a>(&mut self, what: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                self.0.push(format!("{what}: the id `{id}` is used twice"));
            }
            // Ids go into links as they are, so they hold only characters that need no escaping.
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c)) {
                self.0.push(format!("{what}: the id `{id}` may hold only letters, digits and _ . -"));
            }
        }
    }

    fn cond(&mut self, at: &str, src: &str, vocab: &Vocabulary) -> Ast {
        condition::parse(src, vocab).unwrap_or_else(|e| {
            self.0.push(format!("{at}: {e}"));
            Ast::Always
        })
    }
}

thread_local! {
    /// Whether `text` keeps texts in the WebAssembly (the interface and the first question) or moves them
    /// to the packs fetched after the first question is on screen.
    static INLINE: Cell<bool> = const { Cell::new(false) };
    static PACK: RefCell<Pack> = RefCell::new(Pack::default());
    /// The languages of languages.toml, in order: every text gives one entry per language.
    static LANGS: RefCell<Vec<RawLanguage>> = const { RefCell::new(Vec::new()) };
    /// The interface words as JSON, for the static first screen of index.html (scripts/static-shell.mjs).
    static UI_JSON: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The texts that load later: one file per language, the texts separated by NUL, at an index that the
/// generated `Text::Later` holds. Template code is language-neutral and sits in every file.
#[derive(Default)]
struct Pack {
    /// The texts of each language, in the order of languages.toml.
    texts: Vec<Vec<String>>,
    seen: HashMap<Vec<String>, u16>,
}

impl Pack {
    /// Adds one text (one entry per language, in order) and returns its index.
    fn add(&mut self, per_lang: Vec<String>) -> u16 {
        if let Some(&i) = self.seen.get(&per_lang) {
            return i;
        }
        if self.texts.is_empty() {
            self.texts = vec![Vec::new(); per_lang.len()];
        }
        let i = u16::try_from(self.texts[0].len()).expect("at most 65,536 deferred texts");
        for (texts, t) in self.texts.iter_mut().zip(&per_lang) {
            texts.push(t.clone());
        }
        self.seen.insert(per_lang, i);
        i
    }

    /// Writes `packs/content-<lang>-<hash>.txt` (served) and `<lang>.txt` (embedded on the host), and
    /// returns the Rust source naming the served files, in the order of languages.toml.
    fn write(&self, out: &Path) -> String {
        let dir = out.join("packs");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create packs dir");
        let codes: Vec<String> = LANGS.with(|l| l.borrow().iter().map(|l| l.code.clone()).collect());
        let mut names = Vec::new();
        let mut embedded = Vec::new();
        for (i, code) in codes.iter().enumerate() {
            let texts = self.texts.get(i).map_or(&[][..], Vec::as_slice);
            assert!(texts.iter().all(|t| !t.contains('\0')), "a text holds a NUL character");
            let body = texts.join("\0");
            let name = format!("content-{code}-{:016x}.txt", fnv1a(body.as_bytes()));
            std::fs::write(dir.join(&name), &body).expect("write pack");
            std::fs::write(out.join(format!("{code}.txt")), &body).expect("write pack");
            names.push(name);
            embedded.push(format!("include_str!(concat!(env!(\"OUT_DIR\"), \"/{code}.txt\"))"));
        }
        format!(
            "pub mod packs {{\n    pub const FILES: [&str; {n}] = {names:?};\n    pub const COUNT: usize = {};\n    \
             #[cfg(not(target_arch = \"wasm32\"))]\n    pub const EMBEDDED: [&str; {n}] = [{}];\n}}\n",
            self.texts.first().map_or(0, Vec::len),
            embedded.join(", "),
            n = codes.len(),
        )
    }
}

/// Writes `lang.rs` (the `Lang` enum and its tables, included by src/content/types.rs) and
/// `languages.json` (for the post-build steps: scripts/static-shell.mjs).
fn write_languages(langs: &[RawLanguage], out: &Path) {
    let variant = |code: &str| {
        let mut c = code.chars();
        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
    };
    let mut rs =
        String::from("/// A language the app speaks (src/content/data/languages.toml; the first is the default).\n");
    rs.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]\npub enum Lang {\n");
    for (i, l) in langs.iter().enumerate() {
        let _ = writeln!(rs, "    {}{},", if i == 0 { "#[default] " } else { "" }, variant(&l.code));
    }
    rs.push_str("}\n");
    let list = |f: &dyn Fn(&RawLanguage) -> String| langs.iter().map(f).collect::<Vec<_>>().join(", ");
    let n = langs.len();
    let _ = writeln!(rs, "const LANG_ALL: [Lang; {n}] = [{}];", list(&|l| format!("Lang::{}", variant(&l.code))));
    let _ = writeln!(rs, "const LANG_CODES: [&str; {n}] = [{}];", list(&|l| format!("{:?}", l.code)));
    let _ = writeln!(rs, "const LANG_TAGS: [&str; {n}] = [{}];", list(&|l| format!("{:?}", l.tag)));
    let _ = writeln!(rs, "const LANG_NAMES: [&str; {n}] = [{}];", list(&|l| format!("{:?}", l.name)));
    std::fs::write(out.join("lang.rs"), rs).expect("write lang.rs");
    let json = serde_json::to_string_pretty(langs).expect("languages as JSON");
    std::fs::write(out.join("languages.json"), json + "\n").expect("write languages.json");
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A text's entries in the order of languages.toml.
fn per_lang(t: &RawText) -> Vec<String> {
    LANGS.with(|l| l.borrow().iter().map(|l| t.get(&l.code).to_string()).collect())
}

fn text(t: &RawText) -> String {
    if INLINE.get() {
        format!("Text::Now(&{:?})", per_lang(t))
    } else {
        format!("Text::Later({})", PACK.with(|p| p.borrow_mut().add(per_lang(t))))
    }
}

/// A piece of template code, moved to the packs.
pub fn code(lines: &str) -> u16 {
    let n = LANGS.with(|l| l.borrow().len());
    PACK.with(|p| p.borrow_mut().add(vec![lines.to_string(); n]))
}

fn texts(list: &[RawText]) -> String {
    format!("&[{}]", list.iter().map(text).collect::<Vec<_>>().join(", "))
}

fn reads(ast: &Ast) -> String {
    let mut set = BTreeSet::new();
    ast.reads(&mut set);
    let ids: Vec<String> = set.iter().map(|q| format!("QuestionId({q})")).collect();
    format!("&[{}]", ids.join(", "))
}

/// The vocabulary of a text that belongs to `model` (a template, or a pitfall for one of its models):
/// `model = X` is then settled at build time.
fn model_vocab<'a>(vocab: &Vocabulary<'a>, model: &'a str, models: &'a [RawModel]) -> Vocabulary<'a> {
    Vocabulary {
        questions: vocab.questions.clone(),
        model: Some((model, models.iter().map(|m| m.id.as_str()).collect())),
    }
}

/// At least one language; codes are lowercase letters (a code names a Rust variant, a link value and a
/// file) and unique, and every language has a tag and a name.
fn check_languages(langs: &[RawLanguage], err: &mut Errors) {
    if langs.is_empty() {
        err.0.push("languages.toml: no language".into());
    }
    err.unique("languages.toml", langs.iter().map(|l| l.code.as_str()));
    for l in langs {
        if !(2..=8).contains(&l.code.len()) || !l.code.bytes().all(|b| b.is_ascii_lowercase()) {
            err.0.push(format!("languages.toml: the code `{}` must be 2 to 8 lowercase letters", l.code));
        }
        if l.tag.trim().is_empty() || l.name.trim().is_empty() {
            err.0.push(format!("languages.toml: `{}` needs a tag and a name", l.code));
        }
    }
}

/// Compiles the content of `content` (a folder like src/content) into Rust source, or every error found.
pub fn compile(content: &Path) -> Result<String, Vec<String>> {
    let mut err = Errors::default();
    let languages: LanguagesFile = load(content, "languages.toml").map_err(|e| vec![e])?;
    check_languages(&languages.language, &mut err);
    LANGS.set(languages.language);
    let meta: MetaFile = load(content, "meta.toml").map_err(|e| vec![e])?;
    let questions: QuestionsFile = load(content, "questions.toml").map_err(|e| vec![e])?;
    let models: ModelsFile = load(content, "models.toml").map_err(|e| vec![e])?;
    let rules: RulesFile = load(content, "rules.toml").map_err(|e| vec![e])?;
    let pitfalls: PitfallsFile = load(content, "pitfalls.toml").map_err(|e| vec![e])?;
    let templates: TemplatesFile = load(content, "templates.toml").map_err(|e| vec![e])?;
    let hosts: HostsFile = load(content, "hosts.toml").map_err(|e| vec![e])?;
    let ui: UiFile = load(content, "ui.toml").map_err(|e| vec![e])?;

    let qs = &questions.question;
    // The engine keeps answers and scores in fixed arrays (engine::answers, engine::reachable).
    if qs.len() > 32 {
        err.0.push(format!("questions.toml: {} questions; the engine holds at most 32", qs.len()));
    }
    if models.model.len() > 16 {
        err.0.push(format!("models.toml: {} models; the engine holds at most 16", models.model.len()));
    }
    if qs.iter().any(|q| q.option.len() > 254) {
        err.0.push("questions.toml: a question has more than 254 options".into());
    }
    err.unique("questions.toml", qs.iter().map(|q| q.id.as_str()));
    let vocab = Vocabulary {
        questions: qs.iter().map(|q| (q.id.as_str(), q.option.iter().map(|o| o.id.as_str()).collect())).collect(),
        model: None,
    };
    let model_index = |at: &str, id: &str, err: &mut Errors| -> usize {
        models.model.iter().position(|m| m.id == id).unwrap_or_else(|| {
            err.0.push(format!("{at}: unknown model `{id}`"));
            0
        })
    };

    let mut out = String::from("// Generated by build.rs from src/content. Do not edit.\n");
    let _ = writeln!(
        out,
        "pub static META: Meta = Meta {{ version: {:?}, date: {:?}, schema: {} }};",
        meta.version, meta.date, meta.schema
    );

    // Questions: ask_if may read only earlier questions, so a question never waits on a later one.
    out.push_str("pub static QUESTIONS: &[Question] = &[\n");
    for (i, q) in qs.iter().enumerate() {
        // The first question shows before the packs load.
        INLINE.set(i == 0);
        let at = format!("questions.toml: question `{}`", q.id);
        err.unique(&at, q.option.iter().map(|o| o.id.as_str()));
        for (name, t) in [("title", &q.title), ("short", &q.short), ("help", &q.help)] {
            err.text(&format!("{at} {name}"), t);
        }
        if q.option.len() < 2 {
            err.0.push(format!("{at}: needs at least two options"));
        }
        let ask_if = err.cond(&at, &q.ask_if, &vocab);
        let mut read = BTreeSet::new();
        ask_if.reads(&mut read);
        if let Some(later) = read.iter().find(|&&r| r >= i) {
            err.0.push(format!("{at}: ask_if reads `{}`, which is not asked before it", qs[*later].id));
        }
        let mut opts = String::new();
        for o in &q.option {
            let oat = format!("{at} option `{}`", o.id);
            err.text(&format!("{oat} label"), &o.label);
            err.text(&format!("{oat} explain"), &o.explain);
            let find_out = match (&o.find_out, o.unsure) {
                (Some(t), true) => {
                    err.text(&format!("{oat} find_out"), t);
                    format!("Some({})", text(t))
                }
                (None, false) => "None".to_string(),
                _ => {
                    err.0.push(format!("{oat}: an unsure option has a find_out text, and only it"));
                    "None".to_string()
                }
            };
            let _ = write!(
                opts,
                "AnswerOption {{ id: {:?}, label: {}, explain: {}, find_out: {find_out} }}, ",
                o.id,
                text(&o.label),
                text(&o.explain)
            );
        }
        let _ = writeln!(
            out,
            "  Question {{ id: {:?}, ask_if: {}, title: {}, short: {}, help: {}, options: &[{opts}] }},",
            q.id,
            ask_if.emit(),
            text(&q.title),
            text(&q.short),
            text(&q.help)
        );
    }
    out.push_str("];\n");
    INLINE.set(false);

    // Models.
    err.unique("models.toml", models.model.iter().map(|m| m.id.as_str()));
    out.push_str("pub static MODELS: &[Model] = &[\n");
    for m in &models.model {
        let at = format!("models.toml: model `{}`", m.id);
        for (name, t) in [("name", &m.name), ("tagline", &m.tagline), ("summary", &m.summary)] {
            err.text(&format!("{at} {name}"), t);
        }
        for (name, list) in [("fits", &m.fits), ("avoid", &m.avoid), ("costs", &m.costs)] {
            if list.is_empty() {
                err.0.push(format!("{at}: {name} is empty"));
            }
            list.iter().for_each(|t| err.text(&format!("{at} {name}"), t));
        }
        if m.tool.is_empty() {
            err.0.push(format!("{at}: the debugging toolkit is empty"));
        }
        if m.source.is_empty() {
            err.0.push(format!("{at}: no source"));
        }
        let tools: Vec<String> = m
            .tool
            .iter()
            .map(|t| {
                err.text(&format!("{at} tool `{}`", t.code), &t.what);
                format!("Tool {{ code: Code({}), what: {} }}", code(&t.code), text(&t.what))
            })
            .collect();
        let sources: Vec<String> = m
            .source
            .iter()
            .map(|s| {
                if !s.url.starts_with("https://") {
                    err.0.push(format!("{at}: source `{}` is not an https link", s.url));
                }
                format!("Source {{ title: Code({}), url: Code({}) }}", code(&s.title), code(&s.url))
            })
            .collect();
        let _ = writeln!(
            out,
            "  Model {{ id: {:?}, name: {}, tagline: {}, summary: {}, fits: {}, avoid: {}, costs: {}, tools: &[{}], sources: &[{}] }},",
            m.id,
            text(&m.name),
            text(&m.tagline),
            text(&m.summary),
            texts(&m.fits),
            texts(&m.avoid),
            texts(&m.costs),
            tools.join(", "),
            sources.join(", ")
        );
    }
    out.push_str("];\n");

    // Rules and requirements.
    out.push_str("pub static RULES: &[Rule] = &[\n");
    for (i, r) in rules.rule.iter().enumerate() {
        let at = format!("rules.toml: rule {} (`{}` when `{}`)", i + 1, r.model, r.when);
        let m = model_index(&at, &r.model, &mut err);
        err.text(&at, &r.why);
        if r.score == 0 {
            err.0.push(format!("{at}: a score of 0 does nothing"));
        }
        let when = err.cond(&at, &r.when, &vocab);
        let _ = writeln!(
            out,
            "  Rule {{ model: ModelId({m}), when: {}, score: {}, why: {}, reads: {} }},",
            when.emit(),
            r.score,
            text(&r.why),
            reads(&when)
        );
    }
    out.push_str("];\npub static REQUIREMENTS: &[Requirement] = &[\n");
    for (i, r) in rules.require.iter().enumerate() {
        let at = format!("rules.toml: require {} (`{}` when `{}`)", i + 1, r.model, r.when);
        let m = model_index(&at, &r.model, &mut err);
        err.text(&at, &r.why);
        let when = err.cond(&at, &r.when, &vocab);
        let _ = writeln!(
            out,
            "  Requirement {{ model: ModelId({m}), when: {}, why: {}, reads: {} }},",
            when.emit(),
            text(&r.why),
            reads(&when)
        );
    }
    out.push_str("];\n");

    // Pitfalls.
    err.unique("pitfalls.toml", pitfalls.pitfall.iter().map(|p| p.id.as_str()));
    out.push_str("pub static PITFALLS: &[Pitfall] = &[\n");
    for p in &pitfalls.pitfall {
        let at = format!("pitfalls.toml: pitfall `{}`", p.id);
        let ms: Vec<String> = p.models.iter().map(|m| format!("ModelId({})", model_index(&at, m, &mut err))).collect();
        if ms.is_empty() {
            err.0.push(format!("{at}: names no model"));
        }
        let severity = match p.severity.as_str() {
            "high" => "High",
            "medium" => "Medium",
            "low" => "Low",
            other => {
                err.0.push(format!("{at}: severity `{other}` is not high, medium or low"));
                "Low"
            }
        };
        for (name, t) in [
            ("versions", &p.versions),
            ("platforms", &p.platforms),
            ("title", &p.title),
            ("symptom", &p.symptom),
            ("fix", &p.fix),
        ] {
            err.text(&format!("{at} {name}"), t);
        }
        if !p.source.starts_with("https://") {
            err.0.push(format!("{at}: source `{}` is not an https link", p.source));
        }
        // One condition per model: `model = X` in a pitfall's `when` is settled for each model it names
        // (the models' templates can differ, for instance in how they start worker processes).
        let whens: Vec<String> = p
            .models
            .iter()
            .map(|m| {
                let per_model = model_vocab(&vocab, m, &models.model);
                match err.cond(&at, p.when.as_deref().unwrap_or("always"), &per_model).fold() {
                    Ok(true) => "Cond::Always".to_string(),
                    Ok(false) => "Cond::Not(&Cond::Always)".to_string(),
                    Err(rest) => rest.emit(),
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "  Pitfall {{ id: {:?}, models: &[{}], when: &[{}], severity: Severity::{severity}, versions: {}, platforms: {}, title: {}, symptom: {}, fix: {}, source: Code({}) }},",
            p.id,
            ms.join(", "),
            whens.join(", "),
            text(&p.versions),
            text(&p.platforms),
            text(&p.title),
            text(&p.symptom),
            text(&p.fix),
            code(&p.source)
        );
    }
    out.push_str("];\n");

    // Host integrations: how a model plugs into the host the code runs in. Each names one `where` option.
    err.unique("hosts.toml", hosts.integration.iter().map(|h| h.id.as_str()));
    let where_options: Vec<&str> =
        vocab.questions.iter().find(|(q, _)| *q == "where").map(|(_, o)| o.clone()).unwrap_or_default();
    out.push_str("pub static INTEGRATIONS: &[Integration] = &[\n");
    for h in &hosts.integration {
        let at = format!("hosts.toml: integration `{}`", h.id);
        let Some(host) = where_options.iter().position(|o| *o == h.host) else {
            err.0.push(format!("{at}: `{}` is not an option of `where`", h.host));
            continue;
        };
        let ms: Vec<String> = h.models.iter().map(|m| format!("ModelId({})", model_index(&at, m, &mut err))).collect();
        if ms.is_empty() {
            err.0.push(format!("{at}: names no model"));
        }
        err.text(&format!("{at} title"), &h.title);
        if !(2..=6).contains(&h.steps.len()) {
            err.0.push(format!("{at}: {} steps; write 2 to 6", h.steps.len()));
        }
        for (i, step) in h.steps.iter().enumerate() {
            err.text(&format!("{at} step {}", i + 1), step);
        }
        if !h.source.starts_with("https://") {
            err.0.push(format!("{at}: source `{}` is not an https link", h.source));
        }
        let when = err.cond(&at, h.when.as_deref().unwrap_or("always"), &vocab);
        let steps: Vec<String> = h.steps.iter().map(text).collect();
        let _ = writeln!(
            out,
            "  Integration {{ id: {:?}, host: {host}, models: &[{}], when: {}, title: {}, steps: &[{}], source: Code({}) }},",
            h.id,
            ms.join(", "),
            when.emit(),
            text(&h.title),
            steps.join(", "),
            code(&h.source)
        );
    }
    out.push_str("];\n");

    // Templates: each model has templates, and its last one has no `when`, so one always applies.
    err.unique("templates.toml", templates.template.iter().map(|t| t.id.as_str()));
    out.push_str("pub static TEMPLATES: &[Template] = &[\n");
    let read_partial = |name: &str| {
        let path = content.join("templates").join("partials").join(format!("{name}.py"));
        std::fs::read_to_string(&path).map_err(|e| format!("partial `{name}`: {}: {e}", path.display()))
    };
    for t in &templates.template {
        let at = format!("templates.toml: template `{}`", t.id);
        let m = model_index(&at, &t.model, &mut err);
        err.text(&format!("{at} title"), &t.title);
        let when = err.cond(&at, t.when.as_deref().unwrap_or("always"), &vocab);
        let path = content.join("templates").join(&t.file);
        let body = match std::fs::read_to_string(&path) {
            Ok(src) => template::parse(&src, &model_vocab(&vocab, &t.model, &models.model), &read_partial)
                .unwrap_or_else(|e| {
                    err.0.push(format!("{}: {e}", path.display()));
                    Vec::new()
                }),
            Err(e) => {
                err.0.push(format!("{at}: {}: {e}", path.display()));
                Vec::new()
            }
        };
        let _ = writeln!(
            out,
            "  Template {{ id: {:?}, model: ModelId({m}), when: {}, file: {:?}, packages: &{:?}, title: {}, body: {} }},",
            t.id,
            when.emit(),
            t.file,
            t.packages,
            text(&t.title),
            template::emit(&body)
        );
    }
    out.push_str("];\n");
    for m in &models.model {
        let own: Vec<&RawTemplate> = templates.template.iter().filter(|t| t.model == m.id).collect();
        match own.last() {
            None => err.0.push(format!("templates.toml: model `{}` has no template", m.id)),
            Some(last) if last.when.is_some() => err.0.push(format!(
                "templates.toml: the last template of model `{}` (`{}`) must have no `when`",
                m.id, last.id
            )),
            Some(_) => {}
        }
    }

    // Interface words: one constant each, so a missing word is a compile error in the UI.
    INLINE.set(true);
    out.push_str("pub mod ui {\n    use super::Text;\n");
    UI_JSON.set(serde_json::to_string_pretty(&ui).expect("the interface words as JSON") + "\n");
    for (key, t) in &ui {
        err.text(&format!("ui.toml: `{key}`"), t);
        let _ = writeln!(out, "    pub const {}: Text = {};", key.to_ascii_uppercase(), text(t));
    }
    out.push_str("}\n");
    INLINE.set(false);

    if err.0.is_empty() { Ok(out) } else { Err(err.0) }
}
