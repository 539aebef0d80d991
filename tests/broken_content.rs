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

    /// Asserts that compiling the copy fails with an error holding every one of `parts`.
    fn fails_with(&self, parts: &[&str]) {
        let errors = self.errors();
        assert!(
            errors.iter().any(|e| parts.iter().all(|p| e.contains(p))),
            "expected an error with {parts:?}, got {errors:#?}"
        );
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_real_content_compiles() {
    assert_eq!(Copy::new("none").errors(), Vec::<String>::new());
}

#[test]
fn a_text_without_one_of_the_languages() {
    Copy::new("no-zh")
        .edit("data/ui.toml", r#"start = { en = "Start", zh = "开始" }"#, r#"start = { en = "Start" }"#)
        .fails_with(&["ui.toml: `start`", "(`zh`) is missing or empty"]);
}

#[test]
fn a_text_in_a_language_the_list_lacks() {
    Copy::new("xx")
        .edit(
            "data/ui.toml",
            r#"start = { en = "Start", zh = "开始" }"#,
            r#"start = { en = "Start", zh = "开始", xx = "S" }"#,
        )
        .fails_with(&["ui.toml: `start`", "`xx` is not a language of languages.toml"]);
}

#[test]
fn a_language_code_that_cannot_name_a_variant() {
    Copy::new("code")
        .edit("data/languages.toml", r#"code = "zh""#, r#"code = "zh-CN""#)
        .fails_with(&["languages.toml: the code `zh-CN` must be 2 to 8 lowercase letters"]);
}

#[test]
fn a_condition_that_names_an_unknown_question() {
    Copy::new("question")
        .edit("data/rules.toml", r#"when = "work = io"#, r#"when = "wrok = io"#)
        .fails_with(&["rules.toml", "wrok"]);
}

#[test]
fn an_id_used_twice() {
    Copy::new("twice")
        .edit("data/pitfalls.toml", r#"id = "task-without-reference""#, r#"id = "blocking-call-in-coroutine""#)
        .fails_with(&["pitfalls.toml", "`blocking-call-in-coroutine` is used twice"]);
}

#[test]
fn a_template_block_never_closed() {
    Copy::new("block")
        .edit("templates/sequential.py", "{{/if}}\n", "")
        .fails_with(&["sequential.py", "is never closed"]);
}

#[test]
fn a_missing_partial() {
    Copy::new("partial")
        .edit("templates/threads_ext.py", "{{> counted}}", "{{> countd}}")
        .fails_with(&["threads_ext.py", "partial `countd`"]);
}

#[test]
fn a_partial_that_closes_its_callers_block() {
    Copy::new("partial-block")
        .edit("templates/partials/counted.py", "class Counted:", "{{/if}}\nclass Counted:")
        .fails_with(&["in partial `counted`", "closes a block it did not open"]);
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
    copy.fails_with(&["the last template of model `sequential`", "must have no `when`"]);
}

#[test]
fn a_model_without_a_template() {
    Copy::new("no-template")
        .edit(
            "data/templates.toml",
            "id = \"sequential\"\nmodel = \"sequential\"",
            "id = \"sequential\"\nmodel = \"threads\"",
        )
        .fails_with(&["templates.toml: model `sequential` has no template"]);
}
