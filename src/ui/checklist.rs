//! The pitfall checklist: a checkbox per pitfall, "n of m checked", each expandable to symptom, fix and
//! source. The checked state of each result lives once, in the page (`ChecklistTicks`, which the report
//! exports), and is written to the browser's storage, where that works, for later visits.

use crate::content::{Pitfall, ui};
use crate::engine::export::doc_link;
use crate::ui::i18n::{LangContext, fill, tr};
use crate::ui::rich_text::RichText;
use crate::ui::storage;
use leptos::prelude::*;

/// The checked state of every checklist shown in this page, by storage key (see `storage_key`): one
/// signal per result, owned by the app, so it outlives the result page (a result shown again, or
/// exported, has the ticks the page showed, whether or not storage keeps them). A checklist ticks its
/// result's signal; the share bar reads it. A page shows a few results at most, so a list does (a map
/// would cost the WebAssembly its hasher).
#[derive(Clone, Copy)]
pub struct ChecklistTicks {
    owner: StoredValue<Owner>,
    all: StoredValue<Vec<(String, Ticks)>>,
}

/// The ticked pitfall ids of one result.
type Ticks = RwSignal<Vec<&'static str>>;

impl Default for ChecklistTicks {
    fn default() -> Self {
        Self::new()
    }
}

impl ChecklistTicks {
    /// Made by the app, which owns the signals.
    pub fn new() -> ChecklistTicks {
        ChecklistTicks {
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            all: StoredValue::new(Vec::new()),
        }
    }

    /// The ticks of the result `key`, as the page shows them, if its checklist has been shown.
    pub fn get(&self, key: &str) -> Option<Vec<&'static str>> {
        self.all.with_value(|all| all.iter().find(|(k, _)| k == key).map(|(_, ticks)| ticks.get_untracked()))
    }

    /// The state of the result `key`'s checklist: the one the page already has, else a new one that
    /// starts as `initial` says.
    fn state(&self, key: &str, initial: impl FnOnce() -> Vec<&'static str>) -> RwSignal<Vec<&'static str>> {
        if let Some(ticks) = self.all.with_value(|all| all.iter().find(|(k, _)| k == key).map(|(_, t)| *t)) {
            return ticks;
        }
        let ticks = self.owner.with_value(|owner| owner.with(|| RwSignal::new(initial())));
        self.all.update_value(|all| all.push((key.to_string(), ticks)));
        ticks
    }
}

/// The pitfall ids checked for a result: as the page shows them (`ticks`), else as stored.
pub fn ticked(ticks: Option<ChecklistTicks>, key: &str) -> Vec<String> {
    match ticks.and_then(|t| t.get(key)) {
        Some(ids) => ids.into_iter().map(String::from).collect(),
        None => checked_ids(key),
    }
}

/// The storage key of a result's checklist: the model and the answers, without the language.
pub fn storage_key(model: &str, answers: &crate::engine::Answers) -> String {
    let link = crate::engine::ShareLink { answers: *answers, lang: None }.encode();
    format!("{}{model}:{link}", storage::CHECKLIST_PREFIX)
}

/// The pitfall ids checked for a result, as stored.
pub fn checked_ids(key: &str) -> Vec<String> {
    storage::get(key).map(|s| s.split(',').filter(|x| !x.is_empty()).map(String::from).collect()).unwrap_or_default()
}

/// The checklist for one result.
#[component]
pub fn Checklist(
    /// The pitfalls to check, most severe first.
    pitfalls: Vec<&'static Pitfall>,
    /// The storage key of this result (see `storage_key`), so each result keeps its own checked state.
    result_key: String,
) -> impl IntoView {
    let lang = LangContext::expect();
    let key = result_key;
    let total = pitfalls.len();
    // Stored as comma-separated pitfall ids; anything unknown in storage is ignored.
    let known: Vec<&'static str> = pitfalls.iter().map(|p| p.id).collect();
    let initial = || {
        let stored = checked_ids(&key);
        known.iter().copied().filter(|id| stored.iter().any(|x| x == id)).collect::<Vec<_>>()
    };
    let checked = match use_context::<ChecklistTicks>() {
        Some(ticks) => ticks.state(&key, initial),
        None => RwSignal::new(initial()),
    };

    // Keeps the checked state in storage for later visits.
    let storage_key = key.clone();
    Effect::new(move |_| {
        let ids = checked.get();
        if ids.is_empty() {
            storage::remove(&storage_key);
        } else {
            storage::set(&storage_key, &ids.join(","));
        }
    });

    let count =
        move || fill(lang.t(ui::CHECKED_OF), &[("n", checked.with(Vec::len).to_string()), ("m", total.to_string())]);
    let items = pitfalls
        .into_iter()
        .map(|p| {
            let id = p.id;
            let box_id = format!("pitfall-{id}");
            let label_for = box_id.clone();
            let is_checked = move || checked.with(|c| c.contains(&id));
            let toggle = move |_| {
                checked.update(|c| match c.iter().position(|x| *x == id) {
                    Some(i) => {
                        c.remove(i);
                    }
                    None => c.push(id),
                })
            };
            let severity = crate::engine::export::severity_word(p.severity);
            view! {
                <li class="pc-check" class:pc-check--done=is_checked data-pitfall=id>
                    <div class="pc-check__row">
                        <input type="checkbox" id=box_id prop:checked=is_checked on:change=toggle/>
                        <label for=label_for>
                            <RichText text=p.title/>
                        </label>
                        <span class=format!("pc-badge pc-badge--{}", p.severity.as_str())>{tr(severity)}</span>
                    </div>
                    <crate::ui::code_check::FoundInCode pitfall=id/>
                    <details class="pc-check__details">
                        <summary>{tr(ui::DETAILS)}</summary>
                        <dl>
                            <dt>{tr(ui::SYMPTOM)}</dt>
                            <dd><RichText text=p.symptom/></dd>
                            <dt>{tr(ui::FIX)}</dt>
                            <dd><RichText text=p.fix/></dd>
                            <dt>{tr(ui::APPLIES_TO)}</dt>
                            <dd>{move || lang.t(p.versions)} " · " {move || lang.t(p.platforms)}</dd>
                            <dt>{tr(ui::SOURCE)}</dt>
                            <dd><a href=move || doc_link(p.source.get(), lang.lang.get()) rel="noopener noreferrer">{move || doc_link(p.source.get(), lang.lang.get())}</a></dd>
                        </dl>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="pc-section pc-checklist" aria-labelledby="checklist-title">
            <h2 id="checklist-title">{tr(ui::CHECKLIST_TITLE)}</h2>
            <p class="pc-checklist__count" aria-live="polite" data-testid="checked-count">{count}</p>
            <ul class="pc-checklist__list">{items}</ul>
        </section>
    }
}
