//! The knowledge base: questions, models, rules, pitfalls and templates in English and Chinese, compiled
//! from the files of `content/data` and `content/templates` by `build.rs`.

pub mod packs;
pub mod types;

pub use types::*;

pub(crate) mod generated {
    use super::types::*;
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

pub use generated::{INTEGRATIONS, META, MODELS, PITFALLS, QUESTIONS, REQUIREMENTS, RULES, TEMPLATES, ui};

impl QuestionId {
    /// The question's content.
    pub fn get(self) -> &'static Question {
        &QUESTIONS[self.0 as usize]
    }

    /// Every question, in the order they are asked.
    pub fn all() -> impl Iterator<Item = QuestionId> {
        (0..QUESTIONS.len() as u8).map(QuestionId)
    }

    /// Finds a question by its id (the key in share links).
    pub fn find(id: &str) -> Option<QuestionId> {
        QUESTIONS.iter().position(|q| q.id == id).map(|i| QuestionId(i as u8))
    }
}

impl Question {
    /// Finds an option's index by its id (the value in share links).
    pub fn option_index(&self, id: &str) -> Option<u8> {
        self.options.iter().position(|o| o.id == id).map(|i| i as u8)
    }
}

impl ModelId {
    /// The model's content.
    pub fn get(self) -> &'static Model {
        &MODELS[self.0 as usize]
    }

    /// Every model, in the order of `models.toml`.
    pub fn all() -> impl Iterator<Item = ModelId> {
        (0..MODELS.len() as u8).map(ModelId)
    }

    /// Finds a model by its id.
    pub fn find(id: &str) -> Option<ModelId> {
        MODELS.iter().position(|m| m.id == id).map(|i| ModelId(i as u8))
    }
}
