//! The engine crate's library, `pyconc` (engine/Cargo.toml): the knowledge base and the decision engine,
//! with no web dependency. The app (src/lib.rs) re-exports both modules, so its `crate::content` and
//! `crate::engine` paths name these.
//!
//! - [`content`]: the knowledge base, compiled from data files at build time (build.rs).
//! - [`engine`]: the pure decision logic (no browser code), tested on the host.

pub mod content;
pub mod engine;
