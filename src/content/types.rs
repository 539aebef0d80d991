//! The typed shape of the knowledge base. `build.rs` turns the TOML files of `data/` into static values
//! of these types, so the browser never parses content.

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// Every language, in the order of the switcher.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The short code used in links and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// Reads a code from a link or storage; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// Picks a language from a browser language tag such as `zh-CN` or `en-GB`.
    pub fn from_browser_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") { Lang::Zh } else { Lang::En }
    }
}

/// A text in every language: kept in the WebAssembly (the interface and the first question), or in the
/// language packs that load once the first question is on screen (see [`crate::content::packs`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Now { en: &'static str, zh: &'static str },
    Later(u16),
}

impl Text {
    /// The text in `lang`; a text in a pack that has not loaded yet is empty.
    pub fn get(&self, lang: Lang) -> &'static str {
        match *self {
            Text::Now { en, .. } if lang == Lang::En => en,
            Text::Now { zh, .. } => zh,
            Text::Later(i) => crate::content::packs::text(lang, i),
        }
    }

    /// The English text.
    pub fn en(&self) -> &'static str {
        self.get(Lang::En)
    }

    /// The Chinese text.
    pub fn zh(&self) -> &'static str {
        self.get(Lang::Zh)
    }

    /// Whether the text waits for a pack.
    pub fn is_later(&self) -> bool {
        matches!(self, Text::Later(_))
    }
}

/// Language-neutral text kept in the packs: template code, commands, titles and addresses of sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code(pub u16);

impl Code {
    /// The lines, from whichever pack has loaded (code is the same in every language).
    pub fn get(self) -> &'static str {
        crate::content::packs::code(self.0)
    }
}

/// The index of a question in `QUESTIONS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionId(pub u8);

/// The index of a model in `MODELS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ModelId(pub u8);

/// How a comparison in a condition compares option positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
}

/// A condition over the answers, compiled from the condition language of `content/README.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cond {
    Always,
    /// The question was answered with one of these option indices.
    In(QuestionId, &'static [u8]),
    /// The question was answered with an option whose index compares so with the given index.
    Cmp(QuestionId, CmpOp, u8),
    Not(&'static Cond),
    All(&'static [Cond]),
    Any(&'static [Cond]),
}

/// One question of the wizard.
#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    pub ask_if: Cond,
    pub title: Text,
    pub short: Text,
    pub help: Text,
    pub options: &'static [AnswerOption],
}

/// One option of a question.
#[derive(Debug)]
pub struct AnswerOption {
    pub id: &'static str,
    pub label: Text,
    pub explain: Text,
    /// How to find out, for an "I'm not sure" option.
    pub find_out: Option<Text>,
}

impl AnswerOption {
    /// Whether this is the "I'm not sure" option.
    pub fn is_unsure(&self) -> bool {
        self.find_out.is_some()
    }
}

/// A concurrency model, the outcome of the wizard.
#[derive(Debug)]
pub struct Model {
    pub id: &'static str,
    pub name: Text,
    pub tagline: Text,
    pub summary: Text,
    pub fits: &'static [Text],
    pub avoid: &'static [Text],
    pub costs: &'static [Text],
    pub tools: &'static [Tool],
    pub sources: &'static [Source],
}

/// One entry of a model's debugging toolkit.
#[derive(Debug)]
pub struct Tool {
    pub code: Code,
    pub what: Text,
}

/// A document the content rests on.
#[derive(Debug)]
pub struct Source {
    pub title: Code,
    pub url: Code,
}

/// A scoring rule: when its condition holds, the model gains (or loses) points, for the reason given.
#[derive(Debug)]
pub struct Rule {
    pub model: ModelId,
    pub when: Cond,
    pub score: i8,
    pub why: Text,
    /// The questions the condition reads, for the reasoning trail.
    pub reads: &'static [QuestionId],
}

/// A requirement: a model whose requirement does not hold is ruled out, for the reason given.
#[derive(Debug)]
pub struct Requirement {
    pub model: ModelId,
    pub when: Cond,
    pub why: Text,
    pub reads: &'static [QuestionId],
}

/// How much a pitfall hurts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    High,
    Medium,
    Low,
}

impl Severity {
    /// The name used in CSS classes and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
}

/// A pitfall of the checklist.
#[derive(Debug)]
pub struct Pitfall {
    pub id: &'static str,
    pub models: &'static [ModelId],
    /// When it applies, for each of `models` in turn (`model = X` in pitfalls.toml is settled per model).
    pub when: &'static [Cond],
    pub severity: Severity,
    pub versions: Text,
    pub platforms: Text,
    pub title: Text,
    pub symptom: Text,
    pub fix: Text,
    pub source: Code,
}

/// A piece of a template: literal lines, or a choice between blocks by the answers.
#[derive(Debug)]
pub enum Segment {
    Lines(Code),
    /// The first branch whose condition holds is rendered; `Cond::Always` stands for `else`.
    Choice(&'static [(Cond, &'static [Segment])]),
}

/// A code template.
#[derive(Debug)]
pub struct Template {
    pub id: &'static str,
    pub model: ModelId,
    pub when: Cond,
    pub file: &'static str,
    pub packages: &'static [&'static str],
    pub title: Text,
    pub body: &'static [Segment],
}

/// How a model plugs into the host the code runs in (an option of the `where` question).
#[derive(Debug)]
pub struct Integration {
    pub id: &'static str,
    /// The option index of `where`.
    pub host: u8,
    pub models: &'static [ModelId],
    pub when: Cond,
    pub title: Text,
    pub steps: &'static [Text],
    pub source: Code,
}

/// The version and date of the content, and the schema version that share links carry.
#[derive(Debug)]
pub struct Meta {
    pub version: &'static str,
    pub date: &'static str,
    pub schema: u32,
}
