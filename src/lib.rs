//! "Which Python concurrency model?": a guided wizard that recommends a Python concurrency model.
//!
//! - [`content`]: the knowledge base, compiled from data files at build time.
//! - [`engine`]: the pure decision logic (no browser code), tested on the host.
//! - [`ui`]: the Leptos components.
//!
//! `content` and `engine` are the engine crate's (`pyconc`, engine/Cargo.toml), which has no web
//! dependency; they are re-exported here so the UI names them `crate::content` and `crate::engine`.

pub use pyconc::{content, engine};
pub mod ui;
