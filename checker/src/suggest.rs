//! Wizard answers that a program's imports make certain (checks.toml `[[suggest]]`).

use crate::checks::SUGGESTIONS;
use crate::facts::{Facts, pattern_matches};

/// The suggested answers, as (question id, option id), one per question at most: when the program
/// matches two options of one question (Flask and FastAPI), that question gets no suggestion.
pub(crate) fn suggest(facts: &Facts) -> Vec<(&'static str, &'static str)> {
    let references = |patterns: &[&str]| {
        patterns.iter().any(|p| match *p {
            "@notebook" => facts.notebook,
            "@async" => facts.has_async,
            p => facts.referenced.iter().any(|q| pattern_matches(p, q)),
        })
    };
    let mut matched: Vec<(&'static str, &'static str)> = Vec::new();
    for rule in SUGGESTIONS {
        let fits = references(rule.when) && !references(rule.unless) && rule.requires.is_none_or(|r| references(&[r]));
        if fits && !matched.contains(&(rule.key, rule.value)) {
            matched.push((rule.key, rule.value));
        }
    }
    matched.iter().filter(|(key, _)| matched.iter().filter(|(k, _)| k == key).count() == 1).copied().collect()
}
