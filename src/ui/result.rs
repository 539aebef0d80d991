//! The result page: the recommended model and why, the reasoning trail, the alternatives compared, the
//! code template, the pitfall checklist, the debugging toolkit, sources and content version.

use crate::content::{META, ModelId, ui};
use crate::engine::export::{change_sentence, close_call_text, doc_link, labelled};
use crate::engine::recommendation::template_for;
use crate::engine::{Answers, Recommendation, ordering, what_would_change};
use crate::ui::address::after_next_paint;
use crate::ui::alternatives::Alternatives;
use crate::ui::checklist::Checklist;
use crate::ui::code_block::CodeBlock;
use crate::ui::code_check::{CodeCheck, CodeFindings};
use crate::ui::i18n::{LangContext, fill, tr};
use crate::ui::rich_text::RichText;
use crate::ui::share::ShareBar;
use leptos::html;
use leptos::prelude::*;

/// The recommendation for the answers in the address. The page is of one answer set: the wizard makes
/// another page when the address holds another (`wizard::Screen`), so every part reads `answers`.
#[component]
pub fn ResultPage(
    /// The answers (complete) in the address.
    answers: Answers,
    /// Goes back to the last question.
    on_back: Callback<()>,
) -> impl IntoView {
    let lang = LangContext::expect();
    let mut rec = Recommendation::for_answers(&answers);
    let model = rec.model.get();
    // The comparison takes these whole; the rest of the page reads the other fields.
    let alternatives = std::mem::take(&mut rec.alternatives);
    let criteria = std::mem::take(&mut rec.criteria);
    let heading = NodeRef::<html::H1>::new();
    // Findings of "Check your code", read by the checklist beside it.
    CodeFindings::provide();

    // Focus moves to the headline, as it does to each question.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            crate::ui::focus::when_connected(h.into());
        }
    });

    // The template shown: the winner's, or an alternative's the user asked to see.
    let shown_model = RwSignal::new(rec.model);
    let code = Signal::derive(move || template_for(shown_model.get(), &answers).render(&answers));
    let label = Signal::derive(move || lang.t(template_for(shown_model.get(), &answers).title).to_string());

    let trail = rec
        .trail
        .iter()
        .map(|entry| {
            let rule = entry.rule;
            // In the current language, so the labels follow a language switch.
            let answered = move || {
                let labels: Vec<String> = rule
                    .reads
                    .iter()
                    .filter_map(|&q| answers.get(q).map(|o| (q, o)))
                    .map(|(q, o)| {
                        labelled(lang.t(q.get().short), lang.t(q.get().options[o as usize].label), lang.lang.get())
                    })
                    .collect();
                labels.join(" · ")
            };
            let sign = if rule.score > 0 { "pc-trail__item--for" } else { "pc-trail__item--against" };
            view! {
                <li class=format!("pc-trail__item {sign}")>
                    <span class="pc-trail__answer">{answered}</span>
                    <span class="pc-trail__why"><RichText text=rule.why/></span>
                    <span class="pc-trail__score">{format!("{:+}", rule.score)}</span>
                </li>
            }
        })
        .collect_view();

    let unsure = (!rec.unsure.is_empty()).then(|| {
        let items = rec
            .unsure
            .iter()
            .map(|&q| {
                let option = &q.get().options[answers.get(q).unwrap_or(0) as usize];
                let text = option.find_out.unwrap_or(option.explain);
                view! { <li><strong>{move || lang.t(q.get().short)}{move || lang.t(ui::LABEL_SEP)}</strong><RichText text/></li> }
            })
            .collect_view();
        view! {
            <section class="pc-section pc-measure" aria-labelledby="measure-title">
                <h2 id="measure-title">{tr(ui::MEASURE_FIRST)}</h2>
                <p>{tr(ui::MEASURE_FIRST_LEDE)}</p>
                <ul>{items}</ul>
            </section>
        }
    });

    let list = |items: &'static [crate::content::Text]| {
        items.iter().map(|&text| view! { <li><RichText text/></li> }).collect_view()
    };
    let tools = model
        .tools
        .iter()
        .map(|tool| view! { <li><code>{tool.code.get()}</code> " – " <RichText text=tool.what/></li> })
        .collect_view();
    let sources = model
        .sources
        .iter()
        .map(|s| view! { <li><a href=move || doc_link(s.url.get(), lang.lang.get()) rel="noopener noreferrer">{s.title.get()}</a></li> })
        .collect_view();
    let pitfall_sources = {
        let mut urls: Vec<&'static str> = rec.pitfalls.iter().map(|p| p.source.get()).collect();
        ordering::sort_by_key(&mut urls, |u| *u);
        urls.dedup();
        urls.into_iter()
            .map(|u| {
                let link = move || doc_link(u, lang.lang.get());
                view! { <li><a href=link rel="noopener noreferrer">{link}</a></li> }
            })
            .collect_view()
    };
    // How the model plugs into the host the user chose.
    let host = rec.integration.map(|host| {
        let steps = host.steps.iter().map(|&text| view! { <li><RichText text/></li> }).collect_view();
        view! {
            <section class="pc-section pc-host" aria-labelledby="host-title" data-testid="host-integration">
                <h2 id="host-title">{tr(ui::HOST_TITLE)}</h2>
                <h3>{move || lang.t(host.title)}</h3>
                <ol class="pc-host__steps">{steps}</ol>
                <p class="pc-meta"><a href=move || doc_link(host.source.get(), lang.lang.get()) rel="noopener noreferrer">{move || doc_link(host.source.get(), lang.lang.get())}</a></p>
            </section>
        }
    });

    // A narrow win: the runner-up beside the winner, and the answers that separate them.
    let close_call = rec.close_call.take().map(|call| {
        let runner_up = call.runner_up;
        let winner = rec.model;
        // The sentence and the rows in the page's language, worded again when it changes.
        let text = move || {
            let (lede, rows) = close_call_text(winner, &call, &answers, lang.lang.get());
            view! {
                <p>{lede}</p>
                <ul>{rows.into_iter().map(|row| view! { <li>{row}</li> }).collect_view()}</ul>
            }
        };
        view! {
            <aside class="pc-section pc-close-call" aria-labelledby="close-call-title" data-testid="close-call">
                <h2 id="close-call-title">{tr(ui::CLOSE_CALL_TITLE)}</h2>
                {text}
                <button type="button" class="pc-link-button pc-noprint" on:click=move |_| shown_model.set(runner_up)>
                    {move || fill(lang.t(ui::SHOWING_ALTERNATIVE), &[("model", lang.t(runner_up.get().name).to_string())])}
                </button>
            </aside>
        }
    });

    // "What would change my answer": computed when the reader opens it (it follows every answer the
    // change would open), then kept.
    let change_open = RwSignal::new(false);
    let changes = Memo::new(move |_| change_open.get().then(|| what_would_change(&answers)));
    let change_list = move || {
        changes.get().map(|list| {
            if list.is_empty() {
                return view! { <p>{tr(ui::CHANGE_NONE)}</p> }.into_any();
            }
            let items = list
                .into_iter()
                .map(|c| view! { <li>{move || change_sentence(&c, lang.lang.get())}</li> })
                .collect_view();
            view! { <ul class="pc-changes">{items}</ul> }.into_any()
        })
    };

    let result_key = crate::ui::checklist::storage_key(model.id, &answers);
    let model_id: ModelId = rec.model;
    let why_top = rec.trail.iter().find(|e| e.rule.score > 0).map(|e| e.rule.why);

    // Below the first screen: made once the first screen has painted (its components run and its
    // DOM is built then), so that a step to the result costs what the reader sees first (the heading,
    // the share bar, the host integration), not the whole page.
    let below = move || {
        view! {
            <section class="pc-section" aria-labelledby="trail-title">
                <h2 id="trail-title">{tr(ui::TRAIL_TITLE)}</h2>
                <ol class="pc-trail">{trail}</ol>
            </section>
            <Alternatives alternatives criteria winner=rec.model shown_model/>
            <section class="pc-section" aria-labelledby="change-title">
                <details class="pc-change" data-testid="what-would-change">
                    <summary on:click=move |_| change_open.set(true)><h2 id="change-title">{tr(ui::CHANGE_TITLE)}</h2></summary>
                    <p>{tr(ui::CHANGE_LEDE)}</p>
                    {change_list}
                </details>
            </section>
            <section class="pc-section" aria-labelledby="template-title">
                <h2 id="template-title">{tr(ui::TEMPLATE_TITLE)}</h2>
                {move || (shown_model.get() != model_id).then(|| view! {
                    <p class="pc-note">
                        {move || fill(lang.t(ui::SHOWING_ALTERNATIVE), &[("model", lang.t(shown_model.get().get().name).to_string())])}
                        " "
                        <button type="button" class="pc-link-button" on:click=move |_| shown_model.set(model_id)>
                            {tr(ui::SHOW_RECOMMENDED_TEMPLATE)}
                        </button>
                    </p>
                })}
                <CodeBlock code label/>
            </section>
            <Checklist pitfalls=rec.pitfalls.clone() result_key/>
            <CodeCheck checklist=rec.pitfalls.iter().map(|p| p.id).collect()/>
            <section class="pc-section pc-model-card" aria-labelledby="model-card-title">
                <h2 id="model-card-title">{move || fill(lang.t(ui::ABOUT_MODEL), &[("model", lang.t(model.name).to_string())])}</h2>
                <div class="pc-columns">
                    <div><h3>{tr(ui::FITS)}</h3><ul>{list(model.fits)}</ul></div>
                    <div><h3>{tr(ui::AVOID)}</h3><ul>{list(model.avoid)}</ul></div>
                    <div><h3>{tr(ui::COSTS)}</h3><ul>{list(model.costs)}</ul></div>
                </div>
            </section>
            <section class="pc-section" aria-labelledby="toolkit-title">
                <h2 id="toolkit-title">{tr(ui::TOOLKIT_TITLE)}</h2>
                <ul class="pc-toolkit">{tools}</ul>
            </section>
            <section class="pc-section" aria-labelledby="sources-title">
                <h2 id="sources-title">{tr(ui::SOURCES_TITLE)}</h2>
                <ul class="pc-sources">{sources}{pitfall_sources}</ul>
                <p class="pc-meta">{move || fill(lang.t(ui::CONTENT_VERSION), &[("version", META.version.to_string()), ("date", META.date.to_string())])}</p>
            </section>
        }
        .into_any()
    };
    let below = StoredValue::new_local(Some(below));
    let below_shown = RwSignal::new(false);
    after_next_paint(move || below_shown.set(true));

    view! {
        <article class="pc-result" data-model=model.id>
            <header class="pc-result__head">
                <p class="pc-result__kicker">{tr(ui::RECOMMENDED)}</p>
                <h1 tabindex="-1" node_ref=heading data-testid="model-name">{move || lang.t(model.name)}</h1>
                <p class="pc-result__tagline"><RichText text=model.tagline/></p>
                <p class="pc-result__why"><RichText text=model.summary/></p>
                {why_top.map(|text| view! { <p class="pc-result__because"><strong>{tr(ui::MAINLY_BECAUSE)}{tr(ui::LABEL_SEP)}</strong><RichText text/></p> })}
                <div class="pc-actions pc-noprint">
                    <button type="button" class="pc-button pc-button--quiet" on:click=move |_| on_back.run(())>{tr(ui::BACK)}</button>
                    <a class="pc-button pc-button--quiet" href="#answers">{tr(ui::CHANGE_ANSWERS)}</a>
                </div>
                <ShareBar model=model_id/>
            </header>
            {close_call}
            {unsure}
            {host}
            {move || below_shown.get().then(|| below.try_update_value(Option::take).flatten().map(untrack))}
        </article>
    }
}
