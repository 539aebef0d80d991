//! Component tests in headless Chromium (wasm-bindgen-test): mount, click, assert.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pyconc::content::{Lang, PITFALLS, QuestionId};
use pyconc::engine::Progress;
use pyconc_app::ui::checklist::Checklist;
use pyconc_app::ui::i18n::LangContext;
use pyconc_app::ui::question::{QuestionStep, StepPlace};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container in the page for one test.
fn container() -> web_sys::HtmlElement {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn query(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element for {selector}")).unchecked_into()
}

fn query_all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    // A key goes to the element that has the focus, as in the browser (the question listens on its form).
    let target = document().active_element().unwrap_or_else(|| document().body().unwrap().into());
    target.dispatch_event(&event).unwrap();
}

async fn settle() {
    leptos::task::tick().await;
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn a_question_step_is_a_radio_group_answered_by_number_key_and_enter() {
    let root = container();
    let picked = std::sync::Arc::new(std::sync::Mutex::new(None::<u8>));
    let seen = picked.clone();
    let question = QuestionId::find("work").unwrap();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_context(LangContext::new(Lang::En, false));
        let picked = RwSignal::new(None);
        let on_continue = Callback::new(move |o: u8| *seen.lock().unwrap() = Some(o));
        let place = StepPlace { progress: Progress { step: 1, total: 12 }, editing: false, can_go_back: false };
        view! {
            <QuestionStep
                question=Memo::new(move |_| question)
                selected=Memo::new(move |_| picked.get())
                on_pick=Callback::new(move |o| picked.set(Some(o)))
                place=Memo::new(move |_| place)
                on_continue
                on_back=Callback::new(|_| {})
            />
        }
    });
    settle().await;

    assert_eq!(query(&root, "h1").text_content().unwrap(), question.get().title.en());
    let radios = query_all(&root, "input[type=radio]");
    assert_eq!(radios.len(), question.get().options.len());
    assert!(query(&root, "[data-testid=step]").text_content().unwrap().contains("Step 1 of about 12"));
    let submit: web_sys::HtmlButtonElement = query(&root, "button[type=submit]").unchecked_into();
    assert!(submit.disabled(), "Continue is disabled until an option is picked");
    // Focus moved to the question heading.
    assert_eq!(document().active_element().unwrap().tag_name(), "H1");

    press("2");
    settle().await;
    let second: web_sys::HtmlInputElement = radios[1].clone().unchecked_into();
    assert!(second.checked(), "the number key 2 picks the second option");
    assert!(!submit.disabled());

    // Enter goes on when focus is on the heading (not a control), with the picked option.
    query(&root, "h1").focus().unwrap();
    press("Enter");
    settle().await;
    assert_eq!(*picked.lock().unwrap(), Some(1));
    root.remove();
}

/// Installs the English pack as the app does after fetching it (the pitfalls' texts live there).
fn install_english_pack() {
    if !pyconc::content::packs::is_loaded(Lang::En) {
        let body = include_str!(concat!(env!("PYCONC_CONTENT_OUT_DIR"), "/en.txt")).to_string();
        pyconc::content::packs::install(Lang::En, body).unwrap();
    }
}

#[wasm_bindgen_test]
fn a_pack_of_the_wrong_length_is_refused_and_leaves_the_texts_empty() {
    let refused = pyconc::content::packs::install(Lang::Zh, "one\0two".to_string());
    assert!(refused.is_err());
    assert!(!pyconc::content::packs::is_loaded(Lang::Zh));
}

#[wasm_bindgen_test]
async fn the_checklist_counts_checks_and_keeps_them_per_result() {
    install_english_pack();
    assert!(!PITFALLS[0].title.en().is_empty());
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let pitfalls: Vec<_> = PITFALLS.iter().take(4).collect();
    let mount = |root: web_sys::HtmlElement, list: Vec<&'static pyconc::content::Pitfall>| {
        leptos::mount::mount_to(root, move || {
            provide_context(LangContext::new(Lang::En, false));
            view! { <Checklist pitfalls=list result_key="pyconc.check.test:result".to_string()/> }
        })
    };
    let root = container();
    let mounted = mount(root.clone(), pitfalls.clone());
    settle().await;
    let count = || query(&root, "[data-testid=checked-count]").text_content().unwrap();
    assert_eq!(count(), "0 of 4 checked");
    query_all(&root, "input[type=checkbox]")[2].clone().unchecked_into::<web_sys::HtmlElement>().click();
    settle().await;
    assert_eq!(count(), "1 of 4 checked");
    drop(mounted);
    root.remove();

    // Mounted again for the same result, the check is still there; corrupt storage is ignored.
    let root = container();
    let _again = mount(root.clone(), pitfalls.clone());
    settle().await;
    let boxes = query_all(&root, "input[type=checkbox]");
    assert!(boxes[2].clone().unchecked_into::<web_sys::HtmlInputElement>().checked());
    assert_eq!(query(&root, "[data-testid=checked-count]").text_content().unwrap(), "1 of 4 checked");
    root.remove();

    storage.set_item("pyconc.check.test:result", "{not json,,\u{0}").unwrap();
    let root = container();
    let _corrupt = mount(root.clone(), pitfalls);
    settle().await;
    assert_eq!(query(&root, "[data-testid=checked-count]").text_content().unwrap(), "0 of 4 checked");
    root.remove();
}

#[wasm_bindgen_test]
async fn switching_the_language_changes_every_text_at_once() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), pyconc_app::ui::app::App);
    settle().await;
    let title = || query(&root, "h1").text_content().unwrap();
    let english = pyconc::content::ui::APP_TITLE.en();
    let chinese = pyconc::content::ui::APP_TITLE.zh();
    assert!(title() == english || title() == chinese);

    let buttons = query_all(&root, ".pc-lang__button");
    buttons[1].clone().unchecked_into::<web_sys::HtmlElement>().click();
    settle().await;
    assert_eq!(title(), chinese);
    assert_eq!(query(&root, ".pc-button--primary").text_content().unwrap(), pyconc::content::ui::START.zh());
    assert_eq!(document().document_element().unwrap().get_attribute("lang").unwrap(), "zh-CN");
    assert_eq!(buttons[1].get_attribute("aria-pressed").unwrap(), "true");

    buttons[0].clone().unchecked_into::<web_sys::HtmlElement>().click();
    settle().await;
    assert_eq!(title(), english);
    root.remove();
}

#[wasm_bindgen_test]
fn the_panic_panel_offers_to_start_over() {
    document().document_element().unwrap().set_attribute("lang", "zh-CN").unwrap();
    pyconc_app::ui::panic_panel::show();
    pyconc_app::ui::panic_panel::show();
    let panels = document().query_selector_all("#pc-panic").unwrap();
    assert_eq!(panels.length(), 1, "the panel shows once");
    let panel: web_sys::HtmlElement = panels.item(0).unwrap().unchecked_into();
    assert_eq!(panel.get_attribute("role").unwrap(), "alertdialog");
    assert_eq!(query(&panel, "h2").text_content().unwrap(), pyconc::content::ui::PANIC_TITLE.zh());
    let link = query(&panel, "a");
    // Relative, so that the app also starts over under a sub-path.
    assert_eq!(link.get_attribute("href").unwrap(), "./");
    assert_eq!(link.text_content().unwrap(), pyconc::content::ui::START_OVER.zh());
    panel.remove();
    document().document_element().unwrap().set_attribute("lang", "en").unwrap();
}
