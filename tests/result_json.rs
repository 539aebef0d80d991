//! The JSON export of a result (src/engine/result_json.rs) against its schema (public/result.schema.json):
//! for every frozen link and a few hundred random complete walks, in both languages, the JSON parses,
//! validates against the schema (every required field there, no field the schema lacks, every type,
//! enum and pattern), and says what the engine says. The validator below knows the keywords the schema
//! uses and fails on any other, so the schema cannot grow a rule this test silently skips.

use pyconc::content::{Lang, META, QuestionId};
use pyconc::engine::result_json::{SCHEMA, json_str, result_json};
use pyconc::engine::{Answers, Recommendation, ShareLink};
use serde_json::Value;

fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/result.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The patterns the schema uses, each as a test on the string.
fn matches_pattern(pattern: &str, s: &str) -> bool {
    match pattern {
        "^[a-z0-9_.+-]+$" => {
            !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.+-".contains(c))
        }
        r"^\d{4}-\d{2}-\d{2}$" => {
            let b = s.as_bytes();
            b.len() == 10
                && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
        }
        other => panic!("the schema uses the pattern {other}, which this validator does not know: add it"),
    }
}

fn type_ok(name: &str, v: &Value) -> bool {
    match name {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => panic!("unknown type {other}"),
    }
}

/// The problems of `v` against `schema`, each with its JSON path.
fn validate(schema: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
    let s = schema.as_object().expect("a schema is an object");
    for (key, rule) in s {
        match key.as_str() {
            "$schema" | "title" | "description" => {}
            "type" => {
                let ok = match rule {
                    Value::String(t) => type_ok(t, v),
                    Value::Array(ts) => ts.iter().any(|t| type_ok(t.as_str().unwrap(), v)),
                    _ => panic!("bad type at {at}"),
                };
                if !ok {
                    out.push(format!("{at}: {v} is not of type {rule}"));
                }
            }
            "const" if v != rule => out.push(format!("{at}: {v} is not {rule}")),
            "enum" if !rule.as_array().unwrap().contains(v) => out.push(format!("{at}: {v} is not one of {rule}")),
            "const" | "enum" => {}
            "minimum" => {
                if v.as_f64().is_some_and(|n| n < rule.as_f64().unwrap()) {
                    out.push(format!("{at}: {v} is below {rule}"));
                }
            }
            "pattern" => {
                if let Some(text) = v.as_str()
                    && !matches_pattern(rule.as_str().unwrap(), text)
                {
                    out.push(format!("{at}: {text:?} does not match {rule}"));
                }
            }
            "required" => {
                if let Some(o) = v.as_object() {
                    for name in rule.as_array().unwrap() {
                        if !o.contains_key(name.as_str().unwrap()) {
                            out.push(format!("{at}: the required field {name} is missing"));
                        }
                    }
                }
            }
            "additionalProperties" => {
                assert_eq!(rule, &Value::Bool(false), "only additionalProperties: false is supported");
                let known = s["properties"].as_object().unwrap();
                if let Some(o) = v.as_object() {
                    for name in o.keys().filter(|k| !known.contains_key(*k)) {
                        out.push(format!("{at}: the field {name} is not in the schema"));
                    }
                }
            }
            "properties" => {
                if let Some(o) = v.as_object() {
                    for (name, sub) in rule.as_object().unwrap() {
                        if let Some(field) = o.get(name) {
                            validate(sub, field, &format!("{at}.{name}"), out);
                        }
                    }
                }
            }
            "items" => {
                if let Some(items) = v.as_array() {
                    for (i, item) in items.iter().enumerate() {
                        validate(rule, item, &format!("{at}[{i}]"), out);
                    }
                }
            }
            "oneOf" => {
                let passing = rule
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|sub| {
                        let mut problems = Vec::new();
                        validate(sub, v, at, &mut problems);
                        problems.is_empty()
                    })
                    .count();
                if passing != 1 {
                    out.push(format!("{at}: {passing} of the oneOf branches hold, not one"));
                }
            }
            other => panic!("the schema uses the keyword {other} at {at}, which this validator does not know"),
        }
    }
}

fn problems(schema: &Value, v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    validate(schema, v, "$", &mut out);
    out
}

/// Complete answers from a walk that picks each option with a small deterministic generator.
fn random_walk(seed: u64) -> Answers {
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut answers = Answers::new();
    while let Some(q) = answers.next_question() {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let n = q.get().options.len() as u64;
        answers.answer(q, ((state >> 33) % n) as u8);
    }
    answers
}

fn samples() -> Vec<Answers> {
    let path = format!("{}/tests/links/v{}.txt", env!("CARGO_MANIFEST_DIR"), META.schema);
    let mut out: Vec<Answers> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| ShareLink::decode(l.split_once(' ').unwrap().1.trim()).0.answers)
        .collect();
    assert!(out.len() >= 10, "{path} holds the frozen links");
    out.extend((0..400).map(random_walk));
    out
}

#[test]
fn every_sampled_result_validates_against_the_schema_and_says_what_the_engine_says() {
    let schema = schema();
    assert_eq!(schema["properties"]["schema"]["const"], SCHEMA, "the schema file's version is the export's");
    let (mut close_calls, mut hosts, mut models) = (0, 0, std::collections::BTreeSet::new());
    for answers in samples() {
        let rec = Recommendation::for_answers(&answers);
        let link = format!("https://example.invalid/?{}", ShareLink { answers, lang: None }.encode());
        for lang in Lang::ALL {
            let file = result_json(&answers, &link, lang);
            let v: Value = serde_json::from_str(&file.content)
                .unwrap_or_else(|e| panic!("{link} ({}): not JSON: {e}\n{}", lang.code(), file.content));
            let found = problems(&schema, &v);
            assert!(found.is_empty(), "{link} ({}):\n{}", lang.code(), found.join("\n"));
            // What the page shows.
            assert_eq!(v["model"]["id"], rec.model.get().id, "{link}");
            assert_eq!(v["link"], link.as_str());
            assert_eq!(v["lang"], lang.code());
            assert_eq!(v["template"]["id"], rec.template.id, "{link}");
            let pitfalls: Vec<&str> =
                v["pitfalls"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
            assert_eq!(pitfalls, rec.pitfalls.iter().map(|p| p.id).collect::<Vec<_>>(), "{link}");
            assert_eq!(v["reasons"].as_array().unwrap().len(), rec.trail.len(), "{link}");
            assert_eq!(v["alternatives"].as_array().unwrap().len(), rec.alternatives.len(), "{link}");
            let scores: Vec<i64> =
                v["scores"].as_array().unwrap().iter().map(|s| s["score"].as_i64().unwrap()).collect();
            assert_eq!(scores, rec.scores.iter().map(|&s| s as i64).collect::<Vec<_>>(), "{link}");
            assert_eq!(v["close_call"].is_null(), rec.close_call.is_none(), "{link}");
            assert_eq!(v["host_integration"]["id"].as_str(), rec.integration.map(|i| i.id), "{link}");
            // The answers: the link's, in the order asked, each with its texts.
            let pairs: Vec<String> = v["answers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| format!("{}={}", a["question"].as_str().unwrap(), a["answer"].as_str().unwrap()))
                .collect();
            let path: Vec<String> = answers
                .path()
                .into_iter()
                .filter_map(|q: QuestionId| {
                    Some(format!("{}={}", q.get().id, q.get().options[answers.get(q)? as usize].id))
                })
                .collect();
            assert_eq!(pairs, path, "{link}");
            for text in [&v["model"]["name"], &v["model"]["summary"], &v["reasons"][0]["text"]] {
                assert!(text.as_str().is_some_and(|t| !t.is_empty()), "{link} ({}): an empty text", lang.code());
            }
        }
        close_calls += rec.close_call.is_some() as usize;
        hosts += rec.integration.is_some() as usize;
        models.insert(rec.model.get().id);
    }
    // The sample reaches the optional parts, so their branches of the schema were checked too.
    assert!(close_calls > 0 && hosts > 0, "close calls {close_calls}, host integrations {hosts}");
    assert!(models.len() >= 8, "the sample reaches {} models: {models:?}", models.len());
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let schema = schema();
    let answers = random_walk(7);
    let good: Value =
        serde_json::from_str(&result_json(&answers, "https://example.invalid/?v=2", Lang::En).content).unwrap();
    assert!(problems(&schema, &good).is_empty());
    let broken = |change: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        change(&mut v);
        problems(&schema, &v)
    };
    assert!(!broken(&|v| v["schema"] = 2.into()).is_empty(), "another schema version");
    assert!(!broken(&|v| _ = v.as_object_mut().unwrap().remove("pitfalls")).is_empty(), "a required field missing");
    assert!(!broken(&|v| v["extra"] = true.into()).is_empty(), "a field the schema lacks");
    assert!(!broken(&|v| v["model"]["score"] = "5".into()).is_empty(), "a string for an integer");
    assert!(!broken(&|v| v["model"]["id"] = "Not An Id".into()).is_empty(), "an id off its pattern");
    assert!(!broken(&|v| v["close_call"] = serde_json::json!({"margin": 1})).is_empty(), "a partial close call");
    assert!(!broken(&|v| v["lang"] = "fr".into()).is_empty(), "a language the app lacks");
}

#[test]
fn strings_are_escaped_so_any_json_parser_reads_them_back() {
    for s in [
        "plain",
        "quote \" and backslash \\ and slash /",
        "new\nline\r\ttab",
        "control \u{0001}\u{001f} and del \u{007f}",
        "line sep \u{2028} para sep \u{2029}",
        "中文，全角标点（测试）。",
        "emoji 🐍 and a lone high plane char \u{10ffff}",
        "",
    ] {
        let encoded = json_str(s);
        let back: String = serde_json::from_str(&encoded).unwrap_or_else(|e| panic!("{encoded}: {e}"));
        assert_eq!(back, s);
        assert!(!encoded[1..encoded.len() - 1].contains('\n'), "{encoded} keeps a raw newline");
        assert!(!encoded.contains('\u{2028}'), "{encoded} keeps a raw U+2028");
    }
    assert_eq!(json_str("a\"b\\c\u{1}"), r#""a\"b\\c\u0001""#);
}
