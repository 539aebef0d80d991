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
    // One string of escaped text and spans, set in one go: a template has a few thousand tokens, and a
    // view node per token made the result page slow to appear.
    let highlighted = move || code.with(|c| markup(c));
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
            <pre class="pc-code__pre" tabindex="0" aria-label=move || label.get()><code class="language-python" inner_html=highlighted></code></pre>
        </figure>
    }
}

/// The code as HTML: every character escaped, highlighted tokens wrapped in a span with their class.
pub fn markup(code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    for (kind, piece) in tokenize(code) {
        let class = kind.css_class();
        if let Some(class) = class {
            out.push_str("<span class=\"");
            out.push_str(class);
            out.push_str("\">");
        }
        for ch in piece.chars() {
            match ch {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                c => out.push(c),
            }
        }
        if class.is_some() {
            out.push_str("</span>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::markup;

    #[test]
    fn markup_escapes_every_character_and_wraps_tokens() {
        let html = markup("if a < b and c > d: print(\"&\")  # <done>\n");
        assert!(html.starts_with("<span class=\"tk-kw\">if</span> a &lt; b"));
        assert!(html.contains("&gt; d"));
        assert!(html.contains("<span class=\"tk-str\">&quot;&amp;&quot;</span>"));
        assert!(html.contains("<span class=\"tk-com\"># &lt;done&gt;</span>"));
        // Without the tags and entities, the text is the code again.
        let text = html.replace("</span>", "");
        let text = regex_free_strip(&text);
        assert_eq!(text, "if a < b and c > d: print(\"&\")  # <done>\n");
    }

    fn regex_free_strip(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("<span class=\"") {
            out.push_str(&rest[..i]);
            rest = &rest[i + rest[i..].find("\">").unwrap() + 2..];
        }
        out.push_str(rest);
        out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
    }
}
