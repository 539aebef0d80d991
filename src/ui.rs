//! The Leptos components. Each file is one concern; the logic they show lives in `engine`.

pub mod address;
pub mod alternatives;
pub mod app;
pub mod checklist;
pub mod chunk;
pub mod clipboard;
pub mod code_block;
pub mod code_check;
pub mod focus;
pub mod i18n;
pub mod landing;
pub mod link_notice;
pub mod offline;
pub mod packs;
pub mod panic_panel;
pub mod question;
pub mod result;
pub mod rich_text;
pub mod share;
pub mod storage;
pub mod summary;
pub mod theme;
pub mod timing;
pub mod url_state;
pub mod wizard;
