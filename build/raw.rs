//! The TOML shape of the content files, as written by editors.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text in every language of languages.toml, keyed by language code (checked by `Errors::text`).
#[derive(Deserialize, Serialize, Clone)]
#[serde(transparent)]
pub struct RawText(pub BTreeMap<String, String>);

impl RawText {
    /// The text in the language `code` ("" if it lacks one, which `Errors::text` reports).
    pub fn get(&self, code: &str) -> &str {
        self.0.get(code).map_or("", String::as_str)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguagesFile {
    pub language: Vec<RawLanguage>,
}

#[derive(Deserialize, Serialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawLanguage {
    pub code: String,
    pub tag: String,
    pub name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaFile {
    pub version: String,
    pub date: String,
    pub schema: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionsFile {
    pub question: Vec<RawQuestion>,
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelsFile {
    pub model: Vec<RawModel>,
}

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
    #[serde(default)]
    pub tool: Vec<RawTool>,
    #[serde(default)]
    pub source: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTool {
    pub code: String,
    pub what: RawText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub title: String,
    pub url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    pub rule: Vec<RawRule>,
    #[serde(default)]
    pub require: Vec<RawRequire>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub model: String,
    pub when: String,
    pub score: i8,
    pub why: RawText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequire {
    pub model: String,
    pub when: String,
    pub why: RawText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PitfallsFile {
    pub pitfall: Vec<RawPitfall>,
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplatesFile {
    pub template: Vec<RawTemplate>,
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostsFile {
    pub integration: Vec<RawIntegration>,
}

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
