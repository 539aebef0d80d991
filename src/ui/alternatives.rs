//! The alternatives, compared side by side on the criteria the user's answers made relevant, each with
//! the reason it lost and a way to see its template.

use crate::content::{ModelId, ui};
use crate::engine::recommendation::{Alternative, Criterion};
use crate::ui::i18n::{LangContext, tr};
use crate::ui::rich_text::RichText;
use crate::ui::url_state::WizardState;
use leptos::prelude::*;

/// How many alternatives the comparison table shows beside the winner.
const COLUMNS: usize = 3;

/// The comparison table and the list of alternatives.
#[component]
pub fn Alternatives(
    /// The alternatives, best first, each with why it lost.
    alternatives: Vec<Alternative>,
    /// The questions that moved scores, with each model's gain or loss from them.
    criteria: Vec<Criterion>,
    /// The recommended model.
    winner: ModelId,
    /// The model whose template is shown; "Show its template" sets it.
    shown_model: RwSignal<ModelId>,
) -> impl IntoView {
    let lang = LangContext::expect();
    let state = WizardState::expect();
    let columns: Vec<ModelId> = std::iter::once(winner)
        .chain(alternatives.iter().filter(|a| !a.lost.words().ruled_out).take(COLUMNS).map(|a| a.model))
        .collect();
    let head = columns.iter().map(|&m| view! { <th scope="col">{move || lang.t(m.get().name)}</th> }).collect_view();
    let rows = criteria
        .into_iter()
        .filter(|c| columns.iter().any(|m| c.effect[m.0 as usize] != 0))
        .map(|Criterion { question: q, effect }| {
            let answer = state.answers().get(q).map(|o| q.get().options[o as usize].label);
            let cells = columns
                .iter()
                .map(|&m| {
                    let v = effect[m.0 as usize];
                    let (mark, class) = match v {
                        3.. => ("++", "pc-cell--good"),
                        1..=2 => ("+", "pc-cell--good"),
                        0 => ("·", "pc-cell--none"),
                        -2..=-1 => ("−", "pc-cell--bad"),
                        _ => ("−−", "pc-cell--bad"),
                    };
                    view! {
                        <td class=class>
                            // The column's model, shown only where the table is stacked into rows (style/main.css).
                            <span class="pc-table__model">{move || lang.t(m.get().name)}</span>
                            <span aria-hidden="true">{mark}</span>
                            <span class="pc-sr-only">{format!("{v:+}")}</span>
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">
                        {move || lang.t(q.get().short)}
                        <span class="pc-table__answer">{move || answer.map(|a| lang.t(a))}</span>
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let list = alternatives
        .iter()
        .map(|a| {
            let (m, lost) = (a.model, a.lost.words());
            let show = move |_| {
                shown_model.set(m);
                if let Some(el) =
                    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("template-title"))
                {
                    el.scroll_into_view();
                }
            };
            view! {
                <li class="pc-alt" class:pc-alt--out=lost.ruled_out>
                    <h3 class="pc-alt__name">{move || lang.t(m.get().name)}</h3>
                    <p class="pc-alt__why">
                        <strong>{move || lang.t(lost.label)}{move || lang.t(ui::LABEL_SEP)}</strong>
                        <RichText text=lost.why/>
                    </p>
                    <button type="button" class="pc-link-button" on:click=show>{tr(ui::SHOW_ITS_TEMPLATE)}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="pc-section" aria-labelledby="alternatives-title">
            <h2 id="alternatives-title">{tr(ui::ALTERNATIVES_TITLE)}</h2>
            <p class="pc-note">{tr(ui::ALTERNATIVES_LEDE)}</p>
            <div class="pc-table-wrap" tabindex="0" role="region" aria-labelledby="alternatives-title">
                <table class="pc-table">
                    <thead><tr><th scope="col">{tr(ui::CRITERION)}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ul class="pc-alts">{list}</ul>
        </section>
    }
}
