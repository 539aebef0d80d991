//! `llms.txt` (the repository root, served at the site root) is the text src/engine/llms_txt.rs writes
//! from the content, so it names every question, condition and option id the links accept today. Run with
//! `UPDATE_EXPECT=1` to rewrite it after a content change, and review the diff.

use pyconc::content::{META, MODELS, QUESTIONS};
use pyconc::engine::ShareLink;
use pyconc::engine::llms_txt::llms_txt;

fn served() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/llms.txt");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, llms_txt()).unwrap();
    }
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (UPDATE_EXPECT=1 writes it)"))
}

#[test]
fn the_served_llms_txt_is_the_one_the_content_gives() {
    let served = served();
    let now = llms_txt();
    if served != now {
        let line = served.lines().zip(now.lines()).position(|(a, b)| a != b).map_or(0, |i| i + 1);
        panic!("llms.txt is stale from line {line} (UPDATE_EXPECT=1 cargo test --test llms_txt rewrites it)");
    }
}

#[test]
fn llms_txt_names_every_question_option_and_model_and_its_example_link_parses() {
    let text = served();
    for q in QUESTIONS {
        assert!(text.contains(&format!("### `{}`: ", q.id)), "question {}", q.id);
        for o in q.options {
            assert!(text.contains(&format!("- `{}={}`: ", q.id, o.id)), "{}={}", q.id, o.id);
        }
    }
    for m in MODELS {
        assert!(text.contains(&format!("- `{}`: ", m.id)), "model {}", m.id);
    }
    assert!(text.contains(&format!("`./?v={}&", META.schema)), "the link format names the current schema");
    assert!(text.contains("./public/result.schema.json"), "it points at the JSON schema");
    // The example link it gives is read without a notice.
    let example = text.split("`./?").nth(1).unwrap().split('`').next().unwrap().trim_end_matches("&...");
    let (_, notices) = ShareLink::decode(example);
    assert!(notices.is_empty(), "{example}: {notices:?}");
}

#[test]
fn every_condition_reads_as_the_questions_file_writes_it() {
    // The rendered conditions, compared with the ask_if strings of questions.toml (spaces and the
    // parentheses the renderer adds around nested groups aside).
    let toml =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/content/data/questions.toml")).unwrap();
    let written: Vec<String> = toml
        .lines()
        .filter_map(|l| l.strip_prefix("ask_if = \""))
        .map(|l| l.trim_end_matches('"').to_string())
        .collect();
    assert_eq!(written.len(), QUESTIONS.len());
    let norm = |s: &str| s.replace(['(', ')', ' '], "");
    for (q, w) in QUESTIONS.iter().zip(&written) {
        let rendered = pyconc::engine::llms_txt::condition(&q.ask_if);
        assert_eq!(norm(&rendered), norm(w), "question {}", q.id);
    }
}
