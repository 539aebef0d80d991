//! "Which Python concurrency model?": a guided wizard that recommends a Python concurrency model.
//!
//! - [`content`]: the knowledge base, compiled from data files at build time.
//! - [`engine`]: the pure decision logic (no browser code), tested on the host.
//! - [`ui`]: the Leptos components.

pub mod content;
pub mod engine;
pub mod ui;
