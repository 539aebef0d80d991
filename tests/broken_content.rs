//! The content compiler (build.rs) refuses broken content with a message that names the file and the
//! item. Each case copies src/content to a temporary folder, breaks one thing, compiles the copy with
//! build.rs's own `compile`, and expects the error; the real content compiles without one.

#[allow(dead_code)]
#[path = "../build.rs"]
mod build_script;

use std::path::{Path, PathBuf};

/// A copy of src/content (data and templates) in a fresh temporary folder, removed when dropped.
struct Copy(PathBuf);

impl Copy {
    fn new(case: &str) -> Copy {
        let root = std::env::temp_dir().join(format!("pyconc-broken-{}-{case}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/content");
        for sub in ["data", "templates", "templates/partials"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
            for entry in std::fs::read_dir(from.join(sub)).unwrap().flatten() {
                if entry.path().is_file() {
                    std::fs::copy(entry.path(), root.join(sub).join(entry.file_name())).unwrap();
                }
            }
        }
        Copy(root)
    }

    /// Replaces the first `old` in `file` (relative to the content folder) with `new`.
    fn edit(&self, file: &str, old: &str, new: &str) -> &Copy {
        let path = self.0.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(old), "{file} does not hold {old:?}: the case is out of date");
        std::fs::write(&path, text.replacen(old, new, 1)).unwrap();
        self
    }

    /// The compiler's errors for this copy.
    fn errors(&self) -> Vec<String> {
        match build_script::compile(&self.0) {
            Ok(_) => Vec::new(),
            Err(errors) => errors,
        }
    }

    /// Asserts that compiling the copy (broken as `what` says) fails with an error holding every one
    /// of `parts`.
    fn fails_with(&self, what: &str, parts: &[&str]) {
        let errors = self.errors();
        assert!(
            errors.iter().any(|e| parts.iter().all(|p| e.contains(p))),
            "{what}: expected an error with {parts:?}, got {errors:#?}"
        );
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Each case: what it breaks, the file (relative to the content folder), the text replaced and its
/// replacement, and the parts the compiler's error must hold.
const CASES: &[(&str, &str, &str, &str, &[&str])] = &[
    (
        "a text without one of the languages",
        "data/ui.toml",
        r#"start = { en = "Start", zh = "开始" }"#,
        r#"start = { en = "Start" }"#,
        &["ui.toml: `start`", "(`zh`) is missing or empty"],
    ),
    (
        "a text in a language the list lacks",
        "data/ui.toml",
        r#"start = { en = "Start", zh = "开始" }"#,
        r#"start = { en = "Start", zh = "开始", xx = "S" }"#,
        &["ui.toml: `start`", "`xx` is not a language of languages.toml"],
    ),
    (
        "a language code that cannot name a variant",
        "data/languages.toml",
        r#"code = "zh""#,
        r#"code = "zh-CN""#,
        &["languages.toml: the code `zh-CN` must be 2 to 8 lowercase letters"],
    ),
    (
        "a condition that names an unknown question",
        "data/rules.toml",
        r#"when = "work = io"#,
        r#"when = "wrok = io"#,
        &["rules.toml", "wrok"],
    ),
    (
        "an id used twice",
        "data/pitfalls.toml",
        r#"id = "task-without-reference""#,
        r#"id = "blocking-call-in-coroutine""#,
        &["pitfalls.toml", "`blocking-call-in-coroutine` is used twice"],
    ),
    (
        "a template block never closed",
        "templates/sequential.py",
        "{{/if}}\n",
        "",
        &["sequential.py", "is never closed"],
    ),
    (
        "a missing partial",
        "templates/threads_ext.py",
        "{{> counted}}",
        "{{> countd}}",
        &["threads_ext.py", "partial `countd`"],
    ),
    (
        "a partial that closes its caller's block",
        "templates/partials/counted.py",
        "class Counted:",
        "{{/if}}\nclass Counted:",
        &["in partial `counted`", "closes a block it did not open"],
    ),
    (
        "a model without a template",
        "data/templates.toml",
        "id = \"sequential\"\nmodel = \"sequential\"",
        "id = \"sequential\"\nmodel = \"threads\"",
        &["templates.toml: model `sequential` has no template"],
    ),
    (
        "a requirement with a score",
        "data/rules.toml",
        "model = \"distributed\"\nwhen = \"scale != one\"\n",
        "model = \"distributed\"\nwhen = \"scale != one\"\nscore = 2\n",
        &["rules.toml: require 1 (`distributed` when `scale != one`): a requirement has no score"],
    ),
    (
        "a rule without a score",
        "data/rules.toml",
        "when = \"work = io\"\nscore = 3\n",
        "when = \"work = io\"\n",
        &["rules.toml: rule 1 (`asyncio` when `work = io`): a score of 0 (or none) does nothing"],
    ),
    (
        "a page key that would hide the schema",
        "data/meta.toml",
        "page_keys = [\"lang\"]",
        "page_keys = [\"lang\", \"v\"]",
        &["meta.toml: page_keys", "`v` is not one of them"],
    ),
    (
        "a list file with a table of another name",
        "data/hosts.toml",
        "[[integration]]",
        "[[integrations]]",
        &["hosts.toml: unknown key `integrations`: the file holds [[integration]] tables only"],
    ),
    (
        "a half-width question mark after Han text in a Chinese text",
        "data/ui.toml",
        r#"zh = "该用哪种 Python 并发模型？" }"#,
        r#"zh = "该用哪种 Python 并发模型?" }"#,
        &["ui.toml: `app_title`", "(`zh`) half-width `?` in a Chinese sentence", "write `？`"],
    ),
    (
        "a half-width comma between two code spans in a Chinese sentence",
        "data/hosts.toml",
        "Dask 用 `Client(address)`，Ray",
        "Dask 用 `Client(address)`,Ray",
        &["hosts.toml: integration `script-distributed` step 1", "half-width `,` in a Chinese sentence"],
    ),
    (
        "a half-width parenthesis next to Han text",
        "data/questions.toml",
        "就会产生竞态（",
        "就会产生竞态(",
        &["questions.toml: question `state` help", "half-width `(`", "write `（`"],
    ),
    (
        "a term the Chinese texts do not use",
        "data/questions.toml",
        r#"zh = "用标准版还是自由线程版？" }"#,
        r#"zh = "用标准构建还是自由线程构建？" }"#,
        &["questions.toml: question `gil` title", "(`zh`) uses “自由线程构建”: write “自由线程版”", "data/terms.toml"],
    ),
    (
        "a term the Chinese texts do not use (核心 for a CPU core)",
        "data/models.toml",
        "GIL，把函数分到所有核上运行",
        "GIL，把函数分到所有核心上运行",
        &["models.toml: model `processes` tagline", "(`zh`) uses “核心”: write “核"],
    ),
    (
        "a term allowed only inside a longer word (竞争 but not 数据竞争)",
        "data/pitfalls.toml",
        "会报告每一处数据竞争，并附上",
        "会报告每一处竞争，并附上",
        &["pitfalls.toml", "(`zh`) uses “竞争”: write “竞态"],
    ),
    (
        "a term the English texts do not use",
        "data/models.toml",
        "such as WebSockets.",
        "such as websockets.",
        &["models.toml: model `asyncio` fits", "(`en`) uses “websockets”: write “WebSockets”"],
    ),
    (
        "an exception in terms.toml that does not hold its term",
        "data/terms.toml",
        r#"except = ["笔记本电脑"]"#,
        r#"except = ["笔记电脑"]"#,
        &["terms.toml: term `笔记本`", "the exception `笔记电脑` does not hold the term"],
    ),
];

#[test]
fn each_broken_case_is_refused_with_its_message() {
    for (i, (what, file, old, new, parts)) in CASES.iter().enumerate() {
        Copy::new(&format!("case-{i}")).edit(file, old, new).fails_with(what, parts);
    }
}

/// The checks look past code spans, placeholders and links: commas and parentheses inside `f(a, b)`
/// next to Han text, a link's own colon, and `核心` or `executor` in code are fine.
#[test]
fn a_model_without_a_debugging_toolkit_is_refused() {
    let copy = Copy::new("no-toolkit");
    let path = copy.0.join("data/models.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    // The first model's tools, from its first `[[model.tool]]` to its first `[[model.source]]`, become an
    // empty list (a model with no `tool` key at all is refused by the parser already).
    let start = text.find("[[model.tool]]").expect("a model with tools");
    let end = start + text[start..].find("[[model.source]]").expect("and sources after them");
    std::fs::write(&path, format!("{}tool = []\n\n{}", &text[..start], &text[end..])).unwrap();
    copy.fails_with("a model without tools", &["models.toml: model `", "the debugging toolkit is empty"]);
}

#[test]
fn code_spans_placeholders_and_links_are_not_checked() {
    let copy = Copy::new("code-spans");
    copy.edit(
        "data/ui.toml",
        r#"zh = "该用哪种 Python 并发模型？" }"#,
        r#"zh = "该用哪种 Python 并发模型？调用`f(a, b)`和`核心`共{total}个，见https://docs.python.org/zh-cn/3/library/asyncio.html。" }"#,
    );
    assert_eq!(copy.errors(), Vec::<String>::new());
}

#[test]
fn the_real_content_compiles() {
    assert_eq!(Copy::new("none").errors(), Vec::<String>::new());
}

#[test]
fn a_model_whose_last_template_has_a_condition() {
    let copy = Copy::new("last-template");
    let text = std::fs::read_to_string(copy.0.join("data/templates.toml")).unwrap();
    // The sequential model's last entry, given a `when`.
    let last = text.rfind("model = \"sequential\"").expect("templates.toml has a sequential template");
    let mut broken = text.clone();
    broken.insert_str(last, "when = \"py = 3.12\"\n");
    std::fs::write(copy.0.join("data/templates.toml"), broken).unwrap();
    copy.fails_with(
        "a model whose last template has a condition",
        &["the last template of model `sequential`", "must have no `when`"],
    );
}
