//! Compiles the knowledge base (src/content/data/*.toml and src/content/templates/*.py) into static Rust
//! values, checking every reference and translation on the way. A content error stops the build with the
//! file and the item named. It is the build script of the engine crate (engine/Cargo.toml); the app's
//! own build script is app-build.rs.

#[path = "build/condition.rs"]
mod condition;
#[path = "build/raw.rs"]
mod raw;
#[path = "build/style.rs"]
mod style;
#[path = "build/template.rs"]
mod template;

use condition::{Ast, Vocabulary};
use raw::*;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The content, under the repository root: `data/*.toml` and `templates/` (tests/broken_content.rs
/// compiles a broken copy).
const CONTENT: &str = "src/content";

fn main() {
    // The engine crate's manifest is engine/Cargo.toml; its files are the repository's (src/, tests/).
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest.parent().expect("engine/Cargo.toml sits in the repository root").to_path_buf();
    let content = root.join(CONTENT);
    for watched in [content.join("data"), content.join("templates"), root.join("build")] {
        println!("cargo:rerun-if-changed={}", watched.display());
    }
    // The crate's code (tests/*.rs) reads the repository's files through `env!("CARGO_MANIFEST_DIR")`:
    // that names the repository root, as it did when these files were the app crate's.
    println!("cargo:rustc-env=CARGO_MANIFEST_DIR={}", root.display());
    // The app's build script reads it as DEP_PYCONC_CONTENT_OUT_DIR (engine/Cargo.toml's `links`).
    println!("cargo::metadata=out_dir={}", std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    match compile(&content) {
        Ok(compiled) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
            write_languages(&compiled.langs, &out);
            let packs = compiled.pack.write(&compiled.langs, &out);
            std::fs::write(out.join("ui.json"), compiled.ui_json).expect("write ui.json");
            std::fs::write(out.join("shell.json"), compiled.shell_json).expect("write shell.json");
            std::fs::write(out.join("content.rs"), compiled.code + &packs).expect("write content.rs");
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

/// A content file that is one list of tables, `[[key]]` (languages, questions, models…): its items.
fn load_list<T: serde::de::DeserializeOwned>(content: &Path, name: &str, key: &str) -> Result<Vec<T>, String> {
    let mut file: std::collections::BTreeMap<String, Vec<T>> = load(content, name)?;
    let list = file.remove(key).ok_or_else(|| format!("{name}: no [[{key}]] table"))?;
    match file.keys().next() {
        Some(other) => Err(format!("{name}: unknown key `{other}`: the file holds [[{key}]] tables only")),
        None => Ok(list),
    }
}

/// What `compile` makes of the content.
pub struct Compiled {
    /// The Rust source of the content (`content.rs`, which src/content.rs includes), the pack table aside.
    pub code: String,
    /// The texts that load later.
    pub pack: Pack,
    /// The languages of languages.toml, in order.
    pub langs: Vec<RawLanguage>,
    /// The interface words as JSON, for the static first screen of index.html (scripts/static-shell.mjs).
    pub ui_json: String,
    /// What else the static first screen shows, as JSON (`shell_json`), so the build needs no TOML reader.
    pub shell_json: String,
}

/// `shell.json`, for scripts/static-shell.mjs: the link schema and page keys of meta.toml, the first
/// question (id, texts, options), and how many questions a walk may ask before any answer (every one).
fn shell_json(meta: &MetaFile, qs: &[RawQuestion]) -> String {
    let first = qs.first().map(|q| {
        let options: Vec<_> = q
            .option
            .iter()
            .map(|o| serde_json::json!({ "id": o.id, "label": o.label, "explain": o.explain, "find_out": o.find_out }))
            .collect();
        serde_json::json!({ "id": q.id, "title": q.title, "short": q.short, "help": q.help, "option": options })
    });
    let shell = serde_json::json!({
        "schema": meta.schema,
        "page_keys": meta.page_keys,
        "first_question": first,
        "total": qs.len(),
    });
    serde_json::to_string_pretty(&shell).expect("the static shell as JSON") + "\n"
}

/// Collects content errors instead of stopping at the first.
#[derive(Default)]
struct Errors(Vec<String>);

impl Errors {
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

    /// The index of model `id`, or an error.
    fn model(&mut self, models: &[RawModel], at: &str, id: &str) -> usize {
        models.iter().position(|m| m.id == id).unwrap_or_else(|| {
            self.0.push(format!("{at}: unknown model `{id}`"));
            0
        })
    }
}

/// Where a text goes: into the WebAssembly (the interface and the first question, shown before the packs
/// load), or into the packs fetched once the first question is on screen.
#[derive(Clone, Copy)]
enum Place {
    Inline,
    Pack,
}

/// The compiler's state: the languages every text gives, the pack that deferred texts go to, and the
/// errors found so far.
struct Compiler {
    langs: Vec<RawLanguage>,
    terms: Vec<style::RawTerm>,
    pack: Pack,
    err: Errors,
}

impl Compiler {
    /// A text gives every language of languages.toml, each not empty, and no other; Chinese sentences
    /// use full-width punctuation and no text uses a term its language avoids (build/style.rs).
    fn check_text(&mut self, at: &str, t: &RawText) {
        for l in &self.langs {
            let text = t.get(&l.code);
            if text.trim().is_empty() {
                self.err.0.push(format!("{at}: the {} text (`{}`) is missing or empty", l.name, l.code));
            }
            for problem in
                style::punctuation(text).into_iter().chain(style::forbidden_terms(&self.terms, &l.code, text))
            {
                self.err.0.push(format!("{at}: the {} text (`{}`) {problem}", l.name, l.code));
            }
        }
        for code in t.0.keys() {
            if !self.langs.iter().any(|l| &l.code == code) {
                self.err.0.push(format!("{at}: `{code}` is not a language of languages.toml"));
            }
        }
    }

    /// Rust source for a text, kept where `place` says.
    fn text(&mut self, t: &RawText, place: Place) -> String {
        let per_lang: Vec<String> = self.langs.iter().map(|l| t.get(&l.code).to_string()).collect();
        match place {
            Place::Inline => format!("Text::Now(&{per_lang:?})"),
            Place::Pack => format!("Text::Later({})", self.pack.add(per_lang)),
        }
    }

    /// Rust source for a list of texts that load later.
    fn texts(&mut self, list: &[RawText]) -> String {
        let items: Vec<String> = list.iter().map(|t| self.text(t, Place::Pack)).collect();
        format!("&[{}]", items.join(", "))
    }

    /// A piece of template code (language-neutral), moved to the packs: its index.
    fn code(&mut self, lines: &str) -> u16 {
        self.pack.add(vec![lines.to_string(); self.langs.len()])
    }
}

/// The texts that load later: one file per language, the texts separated by NUL, at an index that the
/// generated `Text::Later` holds. Template code is language-neutral and sits in every file.
#[derive(Default)]
pub struct Pack {
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
    pub fn write(&self, langs: &[RawLanguage], out: &Path) -> String {
        let dir = out.join("packs");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create packs dir");
        let mut names = Vec::new();
        let mut embedded = Vec::new();
        for (i, RawLanguage { code, .. }) in langs.iter().enumerate() {
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
            n = langs.len(),
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

/// Every term of terms.toml names a language of languages.toml, avoids something and says what to write;
/// each `except` holds the avoided term.
fn check_terms(terms: &[style::RawTerm], langs: &[RawLanguage], err: &mut Errors) {
    for t in terms {
        let at = format!("terms.toml: term `{}`", t.avoid);
        if !langs.iter().any(|l| l.code == t.lang) {
            err.0.push(format!("{at}: `{}` is not a language of languages.toml", t.lang));
        }
        if t.avoid.trim().is_empty() || t.write.trim().is_empty() {
            err.0.push(format!("{at}: needs a term to avoid and one to write"));
        }
        for e in t.except.iter().filter(|e| !e.contains(t.avoid.as_str())) {
            err.0.push(format!("{at}: the exception `{e}` does not hold the term"));
        }
    }
}

/// Compiles the content of `content` (a folder like src/content), or gives every error found.
pub fn compile(content: &Path) -> Result<Compiled, Vec<String>> {
    let mut err = Errors::default();
    let langs: Vec<RawLanguage> = load_list(content, "languages.toml", "language").map_err(|e| vec![e])?;
    check_languages(&langs, &mut err);
    let meta: MetaFile = load(content, "meta.toml").map_err(|e| vec![e])?;
    let qs: Vec<RawQuestion> = load_list(content, "questions.toml", "question").map_err(|e| vec![e])?;
    let models: Vec<RawModel> = load_list(content, "models.toml", "model").map_err(|e| vec![e])?;
    let rules: RulesFile = load(content, "rules.toml").map_err(|e| vec![e])?;
    let pitfalls: Vec<RawPitfall> = load_list(content, "pitfalls.toml", "pitfall").map_err(|e| vec![e])?;
    let templates: Vec<RawTemplate> = load_list(content, "templates.toml", "template").map_err(|e| vec![e])?;
    let hosts: Vec<RawIntegration> = load_list(content, "hosts.toml", "integration").map_err(|e| vec![e])?;
    let ui: UiFile = load(content, "ui.toml").map_err(|e| vec![e])?;
    let terms: Vec<style::RawTerm> = load_list(content, "terms.toml", "term").map_err(|e| vec![e])?;
    check_terms(&terms, &langs, &mut err);

    let mut c = Compiler { langs, terms, pack: Pack::default(), err };
    let vocab = Vocabulary {
        questions: qs.iter().map(|q| (q.id.as_str(), q.option.iter().map(|o| o.id.as_str()).collect())).collect(),
        model: None,
    };
    let mut out = String::from("// Generated by build.rs from src/content. Do not edit.\n");
    out += &emit_meta(&mut c, &meta);
    out += &emit_questions(&mut c, &qs, &vocab);
    out += &emit_models(&mut c, &models);
    out += &emit_rules(&mut c, &rules, &models, &vocab);
    out += &emit_pitfalls(&mut c, &pitfalls, &models, &vocab);
    out += &emit_integrations(&mut c, &hosts, &models, &vocab);
    out += &emit_templates(&mut c, content, &templates, &models, &vocab);
    out += &emit_ui(&mut c, &ui);
    let ui_json = serde_json::to_string_pretty(&ui).expect("the interface words as JSON") + "\n";
    let shell_json = shell_json(&meta, &qs);
    if c.err.0.is_empty() {
        Ok(Compiled { code: out, pack: c.pack, langs: c.langs, ui_json, shell_json })
    } else {
        Err(c.err.0)
    }
}

/// The content's version and date, the link schema, and the address keys that do not start the wizard.
fn emit_meta(c: &mut Compiler, meta: &MetaFile) -> String {
    // `v` carries the answers' schema: an address with it has started the wizard.
    let plain = |k: &String| !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if meta.page_keys.iter().any(|k| k == "v" || !plain(k)) {
        c.err
            .0
            .push(format!("meta.toml: page_keys {:?} must be plain names, and `v` is not one of them", meta.page_keys));
    }
    format!(
        "pub static META: Meta = Meta {{ version: {:?}, date: {:?}, schema: {}, page_keys: &{:?} }};\n",
        meta.version, meta.date, meta.schema, meta.page_keys
    )
}

/// Questions: ask_if may read only earlier questions, so a question never waits on a later one. The first
/// question's texts stay in the WebAssembly: it shows before the packs load.
fn emit_questions(c: &mut Compiler, qs: &[RawQuestion], vocab: &Vocabulary) -> String {
    // The engine keeps answers and scores in fixed arrays (engine::answers, engine::reachable).
    if qs.len() > 32 {
        c.err.0.push(format!("questions.toml: {} questions; the engine holds at most 32", qs.len()));
    }
    if qs.iter().any(|q| q.option.len() > 254) {
        c.err.0.push("questions.toml: a question has more than 254 options".into());
    }
    c.err.unique("questions.toml", qs.iter().map(|q| q.id.as_str()));
    let mut out = String::from("pub static QUESTIONS: &[Question] = &[\n");
    for (i, q) in qs.iter().enumerate() {
        let place = if i == 0 { Place::Inline } else { Place::Pack };
        let at = format!("questions.toml: question `{}`", q.id);
        c.err.unique(&at, q.option.iter().map(|o| o.id.as_str()));
        for (name, t) in [("title", &q.title), ("short", &q.short), ("help", &q.help)] {
            c.check_text(&format!("{at} {name}"), t);
        }
        if q.option.len() < 2 {
            c.err.0.push(format!("{at}: needs at least two options"));
        }
        let ask_if = c.err.cond(&at, &q.ask_if, vocab);
        let mut read = BTreeSet::new();
        ask_if.reads(&mut read);
        if let Some(later) = read.iter().find(|&&r| r >= i) {
            c.err.0.push(format!("{at}: ask_if reads `{}`, which is not asked before it", qs[*later].id));
        }
        let mut opts = String::new();
        for o in &q.option {
            let oat = format!("{at} option `{}`", o.id);
            c.check_text(&format!("{oat} label"), &o.label);
            c.check_text(&format!("{oat} explain"), &o.explain);
            let find_out = match (&o.find_out, o.unsure) {
                (Some(t), true) => {
                    c.check_text(&format!("{oat} find_out"), t);
                    format!("Some({})", c.text(t, place))
                }
                (None, false) => "None".to_string(),
                _ => {
                    c.err.0.push(format!("{oat}: an unsure option has a find_out text, and only it"));
                    "None".to_string()
                }
            };
            let (label, explain) = (c.text(&o.label, place), c.text(&o.explain, place));
            let _ = write!(
                opts,
                "AnswerOption {{ id: {:?}, label: {label}, explain: {explain}, find_out: {find_out} }}, ",
                o.id
            );
        }
        let (title, short, help) = (c.text(&q.title, place), c.text(&q.short, place), c.text(&q.help, place));
        let _ = writeln!(
            out,
            "  Question {{ id: {:?}, ask_if: {}, title: {title}, short: {short}, help: {help}, options: &[{opts}] }},",
            q.id,
            ask_if.emit()
        );
    }
    out + "];\n"
}

/// Models: each with what it fits, avoids and costs, a debugging toolkit and sources.
fn emit_models(c: &mut Compiler, models: &[RawModel]) -> String {
    // The engine keeps scores in fixed arrays (engine::reachable).
    if models.len() > 16 {
        c.err.0.push(format!("models.toml: {} models; the engine holds at most 16", models.len()));
    }
    c.err.unique("models.toml", models.iter().map(|m| m.id.as_str()));
    let mut out = String::from("pub static MODELS: &[Model] = &[\n");
    for m in models {
        let at = format!("models.toml: model `{}`", m.id);
        for (name, t) in [("name", &m.name), ("tagline", &m.tagline), ("summary", &m.summary)] {
            c.check_text(&format!("{at} {name}"), t);
        }
        for (name, list) in [("fits", &m.fits), ("avoid", &m.avoid), ("costs", &m.costs)] {
            if list.is_empty() {
                c.err.0.push(format!("{at}: {name} is empty"));
            }
            list.iter().for_each(|t| c.check_text(&format!("{at} {name}"), t));
        }
        if m.tool.is_empty() {
            c.err.0.push(format!("{at}: the debugging toolkit is empty"));
        }
        if m.source.is_empty() {
            c.err.0.push(format!("{at}: no source"));
        }
        let mut tools = Vec::new();
        for t in &m.tool {
            c.check_text(&format!("{at} tool `{}`", t.code), &t.what);
            let (code, what) = (c.code(&t.code), c.text(&t.what, Place::Pack));
            tools.push(format!("Tool {{ code: Code({code}), what: {what} }}"));
        }
        let mut sources = Vec::new();
        for s in &m.source {
            if !s.url.starts_with("https://") {
                c.err.0.push(format!("{at}: source `{}` is not an https link", s.url));
            }
            let (title, url) = (c.code(&s.title), c.code(&s.url));
            sources.push(format!("Source {{ title: Code({title}), url: Code({url}) }}"));
        }
        let (name, tagline, summary) =
            (c.text(&m.name, Place::Pack), c.text(&m.tagline, Place::Pack), c.text(&m.summary, Place::Pack));
        let (fits, avoid, costs) = (c.texts(&m.fits), c.texts(&m.avoid), c.texts(&m.costs));
        let _ = writeln!(
            out,
            "  Model {{ id: {:?}, name: {name}, tagline: {tagline}, summary: {summary}, fits: {fits}, avoid: {avoid}, costs: {costs}, tools: &[{}], sources: &[{}] }},",
            m.id,
            tools.join(", "),
            sources.join(", ")
        );
    }
    out + "];\n"
}

/// Rules (a score for a model when a condition holds) and requirements (a model only when one holds).
fn emit_rules(c: &mut Compiler, rules: &RulesFile, models: &[RawModel], vocab: &Vocabulary) -> String {
    // What a rule and a requirement share: `model: ModelId(m), when: …`, the why and the questions it reads.
    let common = |c: &mut Compiler, at: &str, r: &RawRule| {
        let m = c.err.model(models, at, &r.model);
        c.check_text(at, &r.why);
        let when = c.err.cond(at, &r.when, vocab);
        let presumes = c.err.cond(&format!("{at}, presumes"), r.presumes.as_deref().unwrap_or("always"), vocab);
        let why = c.text(&r.why, Place::Pack);
        (format!("model: ModelId({m}), when: {}, presumes: {}", when.emit(), presumes.emit()), why, reads(&when))
    };
    let mut out = String::from("pub static RULES: &[Rule] = &[\n");
    for (i, r) in rules.rule.iter().enumerate() {
        let at = format!("rules.toml: rule {} (`{}` when `{}`)", i + 1, r.model, r.when);
        let score = r.score.unwrap_or(0);
        if score == 0 {
            c.err.0.push(format!("{at}: a score of 0 (or none) does nothing"));
        }
        let (head, why, reads) = common(c, &at, r);
        let _ = writeln!(out, "  Rule {{ {head}, score: {score}, why: {why}, reads: {reads} }},");
    }
    out.push_str("];\npub static REQUIREMENTS: &[Requirement] = &[\n");
    for (i, r) in rules.require.iter().enumerate() {
        let at = format!("rules.toml: require {} (`{}` when `{}`)", i + 1, r.model, r.when);
        if r.score.is_some() {
            c.err.0.push(format!("{at}: a requirement has no score"));
        }
        let (head, why, reads) = common(c, &at, r);
        let _ = writeln!(out, "  Requirement {{ {head}, why: {why}, reads: {reads} }},");
    }
    out + "];\n"
}

/// Pitfalls: one condition per model they name.
fn emit_pitfalls(c: &mut Compiler, pitfalls: &[RawPitfall], models: &[RawModel], vocab: &Vocabulary) -> String {
    c.err.unique("pitfalls.toml", pitfalls.iter().map(|p| p.id.as_str()));
    let mut out = String::from("pub static PITFALLS: &[Pitfall] = &[\n");
    for p in pitfalls {
        let at = format!("pitfalls.toml: pitfall `{}`", p.id);
        let ms: Vec<String> = p.models.iter().map(|m| format!("ModelId({})", c.err.model(models, &at, m))).collect();
        if ms.is_empty() {
            c.err.0.push(format!("{at}: names no model"));
        }
        let severity = match p.severity.as_str() {
            "high" => "High",
            "medium" => "Medium",
            "low" => "Low",
            other => {
                c.err.0.push(format!("{at}: severity `{other}` is not high, medium or low"));
                "Low"
            }
        };
        let texts = [
            ("versions", &p.versions),
            ("platforms", &p.platforms),
            ("title", &p.title),
            ("symptom", &p.symptom),
            ("fix", &p.fix),
        ];
        for (name, t) in texts {
            c.check_text(&format!("{at} {name}"), t);
        }
        if !p.source.starts_with("https://") {
            c.err.0.push(format!("{at}: source `{}` is not an https link", p.source));
        }
        // One condition per model: `model = X` in a pitfall's `when` is settled for each model it names
        // (the models' templates can differ, for instance in how they start worker processes).
        let whens: Vec<String> = p
            .models
            .iter()
            .map(|m| {
                let per_model = model_vocab(vocab, m, models);
                match c.err.cond(&at, p.when.as_deref().unwrap_or("always"), &per_model).fold() {
                    Ok(true) => "Cond::Always".to_string(),
                    Ok(false) => "Cond::Not(&Cond::Always)".to_string(),
                    Err(rest) => rest.emit(),
                }
            })
            .collect();
        let [versions, platforms, title, symptom, fix] = texts.map(|(_, t)| c.text(t, Place::Pack));
        let source = c.code(&p.source);
        let _ = writeln!(
            out,
            "  Pitfall {{ id: {:?}, models: &[{}], when: &[{}], severity: Severity::{severity}, versions: {versions}, platforms: {platforms}, title: {title}, symptom: {symptom}, fix: {fix}, source: Code({source}) }},",
            p.id,
            ms.join(", "),
            whens.join(", ")
        );
    }
    out + "];\n"
}

/// Host integrations: how a model plugs into the host the code runs in. Each names one `where` option.
fn emit_integrations(c: &mut Compiler, hosts: &[RawIntegration], models: &[RawModel], vocab: &Vocabulary) -> String {
    c.err.unique("hosts.toml", hosts.iter().map(|h| h.id.as_str()));
    let where_options: Vec<&str> =
        vocab.questions.iter().find(|(q, _)| *q == "where").map(|(_, o)| o.clone()).unwrap_or_default();
    let mut out = String::from("pub static INTEGRATIONS: &[Integration] = &[\n");
    for h in hosts {
        let at = format!("hosts.toml: integration `{}`", h.id);
        let Some(host) = where_options.iter().position(|o| *o == h.host) else {
            c.err.0.push(format!("{at}: `{}` is not an option of `where`", h.host));
            continue;
        };
        let ms: Vec<String> = h.models.iter().map(|m| format!("ModelId({})", c.err.model(models, &at, m))).collect();
        if ms.is_empty() {
            c.err.0.push(format!("{at}: names no model"));
        }
        c.check_text(&format!("{at} title"), &h.title);
        if !(2..=6).contains(&h.steps.len()) {
            c.err.0.push(format!("{at}: {} steps; write 2 to 6", h.steps.len()));
        }
        for (i, step) in h.steps.iter().enumerate() {
            c.check_text(&format!("{at} step {}", i + 1), step);
        }
        if !h.source.starts_with("https://") {
            c.err.0.push(format!("{at}: source `{}` is not an https link", h.source));
        }
        let when = c.err.cond(&at, h.when.as_deref().unwrap_or("always"), vocab);
        let steps = c.texts(&h.steps);
        let (title, source) = (c.text(&h.title, Place::Pack), c.code(&h.source));
        let _ = writeln!(
            out,
            "  Integration {{ id: {:?}, host: {host}, models: &[{}], when: {}, title: {title}, steps: {steps}, source: Code({source}) }},",
            h.id,
            ms.join(", "),
            when.emit()
        );
    }
    out + "];\n"
}

/// Templates: each model has templates, and its last one has no `when`, so one always applies.
fn emit_templates(
    c: &mut Compiler,
    content: &Path,
    templates: &[RawTemplate],
    models: &[RawModel],
    vocab: &Vocabulary,
) -> String {
    c.err.unique("templates.toml", templates.iter().map(|t| t.id.as_str()));
    let read_partial = |name: &str| {
        let path = content.join("templates").join("partials").join(format!("{name}.py"));
        std::fs::read_to_string(&path).map_err(|e| format!("partial `{name}`: {}: {e}", path.display()))
    };
    let mut out = String::from("pub static TEMPLATES: &[Template] = &[\n");
    for t in templates {
        let at = format!("templates.toml: template `{}`", t.id);
        let m = c.err.model(models, &at, &t.model);
        c.check_text(&format!("{at} title"), &t.title);
        let when = c.err.cond(&at, t.when.as_deref().unwrap_or("always"), vocab);
        let path = content.join("templates").join(&t.file);
        let body = match std::fs::read_to_string(&path) {
            Ok(src) => {
                template::parse(&src, &model_vocab(vocab, &t.model, models), &read_partial).unwrap_or_else(|e| {
                    c.err.0.push(format!("{}: {e}", path.display()));
                    Vec::new()
                })
            }
            Err(e) => {
                c.err.0.push(format!("{at}: {}: {e}", path.display()));
                Vec::new()
            }
        };
        let title = c.text(&t.title, Place::Pack);
        let body = template::emit(&body, &mut |lines| c.code(lines));
        let _ = writeln!(
            out,
            "  Template {{ id: {:?}, model: ModelId({m}), when: {}, file: {:?}, packages: &{:?}, title: {title}, body: {body} }},",
            t.id,
            when.emit(),
            t.file,
            t.packages
        );
    }
    out.push_str("];\n");
    for m in models {
        let own: Vec<&RawTemplate> = templates.iter().filter(|t| t.model == m.id).collect();
        match own.last() {
            None => c.err.0.push(format!("templates.toml: model `{}` has no template", m.id)),
            Some(last) if last.when.is_some() => c.err.0.push(format!(
                "templates.toml: the last template of model `{}` (`{}`) must have no `when`",
                m.id, last.id
            )),
            Some(_) => {}
        }
    }
    out
}

/// Interface words: one constant each, so a missing word is a compile error in the UI. They stay in the
/// WebAssembly: the app's frame shows before the packs load.
fn emit_ui(c: &mut Compiler, ui: &UiFile) -> String {
    let mut out = String::from("pub mod ui {\n    use super::Text;\n");
    for (key, t) in ui {
        c.check_text(&format!("ui.toml: `{key}`"), t);
        let _ = writeln!(out, "    pub const {}: Text = {};", key.to_ascii_uppercase(), c.text(t, Place::Inline));
    }
    out + "}\n"
}
