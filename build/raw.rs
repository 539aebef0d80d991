//! The TOML shape of the content files, as written by editors.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text in every language of languages.toml, keyed by language code (checked by `Compiler::check_text`).
#[derive(Deserialize, Serialize, Clone)]
#[serde(transparent)]
pub struct RawText(pub BTreeMap<String, String>);

impl RawText {
    /// The text in the language `code` ("" if it lacks one, which `Compiler::check_text` reports).
    pub fn get(&self, code: &str) -> &str {
        self.0.get(code).map_or("", String::as_str)
    }
}

/// A `[[language]]`: its code (in links and file names), BCP 47 tag and own name.
#[derive(Deserialize, Serialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawLanguage {
    pub code: String,
    pub tag: String,
    pub name: String,
}

/// `meta.toml`: the content's version and date, the link schema, the keys that do not start the wizard.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaFile {
    pub version: String,
    pub date: String,
    pub schema: u32,
    pub page_keys: Vec<String>,
}

/// A `[[question]]`: asked when `ask_if` holds, with its options.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: String,
    pub ask_if: String,
    pub title: RawText,
    pub short: RawText,
    pub help: RawText,
    pub option: Vec<RawOption>,
}

/// A `[[question.option]]`; an `unsure` one says how to find out.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: String,
    pub label: RawText,
    pub explain: RawText,
    #[serde(default)]
    pub unsure: bool,
    pub find_out: Option<RawText>,
}

/// A `[[model.tool]]`: a command or API (as code) and what it shows.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTool {
    pub code: String,
    pub what: RawText,
}

/// A `[[model.source]]`: a document the model's texts rest on.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub title: String,
    pub url: String,
}

/// A `[[model]]`: its texts, a debugging toolkit and sources.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawModel {
    pub id: String,
    pub name: RawText,
    pub tagline: RawText,
    pub summary: RawText,
    pub fits: Vec<RawText>,
    pub avoid: Vec<RawText>,
    pub costs: Vec<RawText>,
    pub tool: Vec<RawTool>,
    pub source: Vec<RawSource>,
}

/// `rules.toml`: scores and requirements.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    pub rule: Vec<RawRule>,
    #[serde(default)]
    pub require: Vec<RawRule>,
}

/// A `[[rule]]` (`score` for `model` when `when` holds) or a `[[require]]` (`model` is recommended only
/// when `when` holds; it has no score), and why.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub model: String,
    pub when: String,
    pub score: Option<i8>,
    pub why: RawText,
    /// The answers the sentence takes for granted where it is shown (a rule: where it fires; a
    /// requirement: where it rules the model out), beyond `when`; checked over every path by the engine.
    pub presumes: Option<String>,
}

/// A `[[pitfall]]`: what bites which models, when, how it shows and its fix.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPitfall {
    pub id: String,
    pub models: Vec<String>,
    pub when: Option<String>,
    pub severity: String,
    pub versions: RawText,
    pub platforms: RawText,
    pub title: RawText,
    pub symptom: RawText,
    pub fix: RawText,
    pub source: String,
}

/// A `[[template]]`: a template file in `templates/` for `model` when `when` holds.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTemplate {
    pub id: String,
    pub model: String,
    pub when: Option<String>,
    pub file: String,
    pub packages: Vec<String>,
    pub title: RawText,
}

/// `ui.toml`: a flat table of interface words, key to text.
pub type UiFile = BTreeMap<String, RawText>;

/// An `[[integration]]`: the steps for `models` in the host `host`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIntegration {
    pub id: String,
    #[serde(rename = "where")]
    pub host: String,
    pub models: Vec<String>,
    pub when: Option<String>,
    pub title: RawText,
    pub steps: Vec<RawText>,
    pub source: String,
}
