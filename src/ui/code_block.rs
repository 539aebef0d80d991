//! A Python code block, highlighted in the browser by the engine's tokenizer (no download, a few KB),
//! with a copy button.

use crate::content::ui;
use crate::engine::highlight::tokenize;
use crate::ui::clipboard;
use crate::ui::i18n::tr;
use leptos::prelude::*;

/// Highlighted Python code with a "Copy code" button.
#[component]
pub fn CodeBlock(
    /// The code.
    #[prop(into)]
    code: Signal<String>,
    /// The accessible name of the block (the template's title).
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let highlighted = move || {
        code.with(|c| {
            tokenize(c)
                .into_iter()
                .map(|(kind, piece)| match kind.css_class() {
                    Some(class) => view! { <span class=class>{piece.to_string()}</span> }.into_any(),
                    None => piece.to_string().into_any(),
                })
                .collect_view()
        })
    };
    let copy = move |_| {
        let text = code.get_untracked();
        clipboard::copy(text, move |ok| {
            if ok {
                copied.set(true);
                clipboard::after(2000, move || copied.set(false));
            }
        });
    };
    view! {
        <figure class="pc-code">
            <div class="pc-code__bar">
                <figcaption class="pc-code__title">{move || label.get()}</figcaption>
                <button type="button" class="pc-button pc-button--small" on:click=copy>
                    {move || if copied.get() { tr(ui::COPIED)() } else { tr(ui::COPY_CODE)() }}
                </button>
            </div>
            <pre class="pc-code__pre" tabindex="0" aria-label=move || label.get()><code class="language-python">{highlighted}</code></pre>
        </figure>
    }
}
