//! The checker's web worker. trunk builds it (index.html, `data-type="worker"`) into
//! `checker-worker.js` and `checker-worker_bg.wasm`, and `public/checker-worker-loader.js` starts it;
//! the app creates the worker only when the "Check your code" panel opens (src/ui/code_check.rs). Each
//! message is the pasted text; each answer is `pyconc_checker_worker::respond`'s text. Nothing is kept
//! between messages.
//!
//! On the host it answers one program read from stdin, to try the protocol out:
//! `cargo run -p pyconc-checker-worker < program.py`.

#[cfg(target_arch = "wasm32")]
fn main() {
    glue::listen();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
        eprintln!("stdin: {e}");
        std::process::exit(2);
    }
    print!("{}", pyconc_checker_worker::respond(&text));
}

#[cfg(target_arch = "wasm32")]
mod glue {
    use pyconc_checker_worker::{READY, respond};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `self.postMessage`: to the page that created the worker.
        #[wasm_bindgen(js_namespace = self, js_name = postMessage)]
        fn post_message(message: &str);

        type MessageEvent;
        #[wasm_bindgen(method, getter)]
        fn data(this: &MessageEvent) -> JsValue;
    }

    /// Answers every message from now on, then tells the page it is listening.
    pub fn listen() {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
            // The app posts strings; anything else is not source text.
            let reply = match event.data().as_string() {
                Some(text) => respond(&text),
                None => "X\tnot-text\t1:1\n".to_string(),
            };
            post_message(&reply);
        });
        let _ = js_sys::Reflect::set(&js_sys::global(), &JsValue::from_str("onmessage"), on_message.as_ref());
        // The worker lives as long as the page keeps it; so does its one listener.
        on_message.forget();
        post_message(READY);
    }
}
