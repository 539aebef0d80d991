//! Sharing and export: copy the link (with a fallback that selects it), download the template as a
//! `.py` file. The only Blob and clipboard code of the app.

use crate::content::{ModelId, ui};
use crate::engine::export::{ExportFile, markdown_report, python_file};
use crate::ui::checklist::{ChecklistTicks, storage_key, ticked};
use crate::ui::clipboard;
use crate::ui::i18n::{LangContext, tr};
use crate::ui::url_state::WizardState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The share and export buttons of a result.
#[component]
pub fn ShareBar(
    /// The recommended model.
    model: ModelId,
) -> impl IntoView {
    let lang = LangContext::expect();
    let state = WizardState::expect();
    let ticks = use_context::<ChecklistTicks>();
    // After a copy: a short confirmation; if the clipboard was refused, the link shown selected.
    let status = RwSignal::new(None::<bool>);
    let link = move || {
        lang.lang.track();
        state.share_url()
    };
    let copy_link = move |_| {
        clipboard::copy(state.share_url(), move |ok| {
            status.set(Some(ok));
            if ok {
                clipboard::after(2500, move || status.set(None));
            } else {
                clipboard::select_input("share-link");
            }
        });
    };
    let download_py = move |_| {
        let file = python_file(model, &state.answers(), &state.share_url(), lang.lang.get_untracked());
        download(&file);
    };
    let download_measure = move |_| {
        let file = crate::engine::measure::measure_script(&state.answers(), &state.share_url());
        download(&file);
    };
    // The result as JSON for tools (src/engine/result_json.rs), in the page's language.
    let download_json = move |_| {
        let file =
            crate::engine::result_json::result_json(&state.answers(), &state.share_url(), lang.lang.get_untracked());
        download(&file);
    };
    let download_md = move |_| {
        let answers = state.answers();
        // The ticks the page shows: storage may be disabled or hold another tab's.
        let checked = ticked(ticks, &storage_key(model.get().id, &answers));
        let checked: Vec<&str> = checked.iter().map(String::as_str).collect();
        let file = markdown_report(&answers, &state.share_url(), lang.lang.get_untracked(), &checked);
        download(&file);
    };
    // The Web Share API, where the browser has it (mostly phones).
    let can_share =
        web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false));
    let share_native = move |_| {
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return };
        let data = web_sys::ShareData::new();
        data.set_title(lang.t(ui::APP_TITLE));
        data.set_url(&state.share_url());
        let promise = navigator.share_with_data(&data);
        // A user who closes the share sheet rejects the promise; that is not an error to report.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="pc-share pc-noprint">
            <label class="pc-share__label" for="share-link">{tr(ui::SHARE_LINK)}</label>
            <div class="pc-share__row">
                <input id="share-link" class="pc-share__input" type="text" readonly prop:value=link/>
                <button type="button" class="pc-button" on:click=copy_link>{tr(ui::COPY_LINK)}</button>
                {can_share.then(|| view! {
                    <button type="button" class="pc-button" on:click=share_native>{tr(ui::SHARE_NATIVE)}</button>
                })}
            </div>
            <div class="pc-share__row pc-share__row--export">
                <button type="button" class="pc-button" on:click=download_py>{tr(ui::DOWNLOAD_PY)}</button>
                <button type="button" class="pc-button" on:click=download_measure>{tr(ui::DOWNLOAD_MEASURE)}</button>
                <button type="button" class="pc-button" on:click=download_md>{tr(ui::DOWNLOAD_MD)}</button>
                <button type="button" class="pc-button" on:click=download_json>{tr(ui::DOWNLOAD_JSON)}</button>
                <button type="button" class="pc-button pc-button--quiet" on:click=print>{tr(ui::PRINT)}</button>
            </div>
            <p class="pc-share__status" role="status">
                {move || match status.get() {
                    Some(true) => lang.t(ui::LINK_COPIED),
                    Some(false) => lang.t(ui::COPY_REFUSED),
                    None => "",
                }}
            </p>
        </div>
    }
}

/// Offers `file` as a download and revokes its object URL afterwards.
pub fn download(file: &ExportFile) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&file.content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(file.mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(&file.name);
        a.click();
    }
    // The download has started by the next tick; the object URL is not needed after that.
    clipboard::after(1000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
}
