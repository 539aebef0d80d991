//! The decision engine: answers in, the next question or the recommendation out. Pure Rust over the
//! static content; it knows nothing about the browser, so `cargo test` covers it on the host.

pub mod answers;
pub mod code_report;
pub mod condition;
pub mod export;
pub mod highlight;
pub mod invariants;
pub mod llms_txt;
pub mod measure;
pub mod migration;
pub mod ordering;
pub mod reachable;
pub mod recommendation;
pub mod result_json;
pub mod share_link;
pub mod template;
pub mod what_if;

pub use answers::{Answers, Progress};
pub use recommendation::{Alternative, CloseCall, Criterion, Recommendation, TrailEntry};
pub use share_link::{Notice, ShareLink};
pub use what_if::{Change, what_would_change};
