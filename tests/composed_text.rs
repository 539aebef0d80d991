//! Sentences the code composes from interface words and content (src/engine/export.rs): "what would
//! change", the close call, the answers in words and both downloads, rendered in every language for
//! seeded random walks through the wizard. Each language keeps its own label separator (ui.toml
//! `label_sep`: ": " or "："), list joiner (`change_or`: " or " or "、") and parentheses (`in_parens`),
//! and the Chinese sentences pass the content compiler's punctuation check (build/style.rs). Links to the
//! Python docs go to the reader's translation.

#[allow(dead_code)]
#[path = "../build/style.rs"]
mod style;

use pyconc::content::{Lang, ui};
use pyconc::engine::export::{answers_in_words, change_sentence, close_call_text, markdown_report, python_file};
use pyconc::engine::{Answers, Recommendation, what_would_change};

/// `n` complete walks: each question answered with an option picked by a fixed linear congruential
/// generator, until the wizard asks nothing more.
fn walks(n: u64) -> Vec<Answers> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |below: usize| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % below as u64) as u8
    };
    (0..n)
        .map(|_| {
            let mut answers = Answers::new();
            while let Some(q) = answers.next_question() {
                let o = next(q.get().options.len());
                answers.answer(q, o);
            }
            answers
        })
        .collect()
}

/// The text with code spans and links taken out: what a reader reads as prose.
fn prose(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            let words: Vec<&str> = part.split(' ').filter(|w| !w.contains("://")).collect();
            out.push_str(&words.join(" "));
        } else {
            out.push('X');
        }
    }
    out
}

/// A composed sentence in `lang` uses that language's marks and not the other's.
fn check(lang: Lang, what: &str, text: &str) {
    let p = prose(text);
    match lang {
        // English titles of sources and other text without Han characters keep their own marks.
        Lang::Zh if p.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) => {
            assert!(!p.contains(": "), "{what} (zh) has a half-width \": \": {text}");
            assert!(!p.contains(" or "), "{what} (zh) joins with \" or \": {text}");
            // "或" right before a model name is the joiner of the old text ("…（或向量化）或ProcessPoolExecutor").
            assert!(
                !p.char_indices()
                    .any(|(i, c)| c == '或' && p[i + c.len_utf8()..].starts_with(|n: char| n.is_ascii_alphabetic())),
                "{what} (zh) joins with \"或\": {text}"
            );
            assert_eq!(style::punctuation(text), Vec::<String>::new(), "{what} (zh): {text}");
        }
        Lang::Zh => {}
        _ => {
            for mark in ["：", "、", "（", "）"] {
                assert!(!p.contains(mark), "{what} (en) has a Chinese mark {mark}: {text}");
            }
        }
    }
}

#[test]
fn composed_sentences_use_each_languages_separator_and_joiner() {
    let (mut lists, mut close_calls, mut lines, mut doc_links) = (0, 0, 0, 0);
    for answers in walks(400) {
        let rec = Recommendation::for_answers(&answers);
        let changes = what_would_change(&answers);
        for lang in [Lang::En, Lang::Zh] {
            let sep = ui::LABEL_SEP.get(lang);
            let or = ui::CHANGE_OR.get(lang);
            for change in &changes {
                let sentence = change_sentence(change, lang);
                check(lang, "a “what would change” sentence", &sentence);
                if change.certain().is_none() {
                    let names: Vec<&str> = change.outcomes.iter().map(|(m, _)| m.get().name.get(lang)).collect();
                    assert!(sentence.contains(&names.join(or)), "the models joined with {or:?}: {sentence}");
                    lists += 1;
                }
            }
            if let Some(call) = &rec.close_call {
                let (lede, rows) = close_call_text(rec.model, call, &answers, lang);
                check(lang, "the close call", &lede);
                for row in &rows {
                    check(lang, "a close-call row", row);
                }
                close_calls += 1;
            }
            for (q, line) in answers.path().into_iter().zip(answers_in_words(&answers, lang)) {
                let o = answers.get(q).unwrap() as usize;
                let expected = format!("{}{sep}{}", q.get().short.get(lang), q.get().options[o].label.get(lang));
                assert_eq!(line, expected);
                check(lang, "an answer in words", &line);
                lines += 1;
            }
            let md = markdown_report(&answers, "https://example.org/?v=2", lang, &[]).content;
            // Sources in the Python docs link to the reader's translation (ui.toml `python_docs`).
            let docs = md.matches("](https://docs.python.org/").count()
                + md.matches(": https://docs.python.org/").count()
                + md.matches("：https://docs.python.org/").count();
            let own = md.matches(ui::PYTHON_DOCS.get(lang)).count();
            assert_eq!(own, docs, "{own} of {docs} docs links go to {}", ui::PYTHON_DOCS.get(lang));
            doc_links += own;
            let mut in_code = false;
            for line in md.lines() {
                if line.starts_with("```") {
                    in_code = !in_code;
                } else if !in_code {
                    check(lang, "a line of the report", line);
                }
            }
            let py = python_file(rec.model, &answers, "https://example.org/?v=2", lang).content;
            for line in py.lines().take_while(|l| l.starts_with('#')) {
                check(lang, "a line of the .py header", line);
            }
        }
    }
    // The walks reach every kind of sentence, in both languages.
    assert!(
        lists >= 2 && close_calls >= 2 && lines >= 2 && doc_links >= 2,
        "lists {lists}, close calls {close_calls}, lines {lines}, docs links {doc_links}"
    );
}
