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

/// `get`, `all` and `find` for an id that indexes one of the content's tables.
macro_rules! table_id {
    ($id:ident, $item:ty, $table:ident, $order:literal) => {
        impl $id {
            /// Its content.
            pub fn get(self) -> &'static $item {
                &$table[self.0 as usize]
            }

            #[doc = concat!("Every one, in ", $order, ".")]
            pub fn all() -> impl Iterator<Item = $id> {
                (0..$table.len() as u8).map($id)
            }

            /// Finds one by its id (the key or value in share links).
            pub fn find(id: &str) -> Option<$id> {
                $table.iter().position(|x| x.id == id).map(|i| $id(i as u8))
            }
        }
    };
}

table_id!(QuestionId, Question, QUESTIONS, "the order they are asked");
table_id!(ModelId, Model, MODELS, "the order of models.toml");

impl Question {
    /// Finds an option's index by its id (the value in share links).
    pub fn option_index(&self, id: &str) -> Option<u8> {
        self.options.iter().position(|o| o.id == id).map(|i| i as u8)
    }
}
