// trunk's initializer for the WebAssembly app (`data-initializer` in index.html; trunk imports it from
// the page's origin, so the CSP needs nothing more). When the app cannot load or start (offline on a first
// visit, a broken or refused download, a browser without WebAssembly), it shows an error panel with a
// "Try again" link instead of a blank page. A panic while starting shows the app's own panel
// (src/ui/panic_panel.rs), so this one stays away then.
//
// This panel appears when the app's code and texts are not there, so its words come from index.html:
// the build writes them there in every language (#pc-load-error-words, from ui.toml). public/boot.js has
// already set the page's language as the app picks it (the link, a stored choice, the browser), so the
// panel takes the words whose lang is <html lang>. When the host answered for the code with an error or
// a page (this page came from a cache, and a deploy since has replaced the code), the panel says so
// instead of blaming the connection, and its button reloads.
//
// The code is compiled from its bytes when the host sends it with another MIME type than
// application/wasm (streaming compilation refuses it) or the browser cannot compile a stream.

/** The panel's words in the page's language: the text of the first element `selector` finds among the
 *  words of that language (of the first language if none matches). */
function word(selector) {
  const words = document.getElementById('pc-load-error-words');
  const all = words ? [...words.content.querySelectorAll(selector)] : [];
  const own = all.find((el) => el.lang === document.documentElement.lang) ?? all[0];
  return own ? own.textContent : '';
}

/** Why the code did not load, when the host answered: 'gone' (404, 410, or a page where the code was) or
 *  'refused' (another error); else undefined (the request failed, or the code did not start). */
let hostAnswer;

/** Shows the panel, once, unless the app's own panic panel is already up. */
function showLoadError() {
  if (document.getElementById('pc-load-error') || document.getElementById('pc-panic')) return;
  const root = document.documentElement;
  const text = hostAnswer
    ? { title: word('h1.pc-t'), body: word(`p.pc-${hostAnswer} .pc-t, p.pc-${hostAnswer}.pc-t`), retry: word('span.pc-reload .pc-t') }
    : { title: word('h1.pc-t'), body: word('p.pc-offline.pc-t, p.pc-offline .pc-t'), retry: word('span.pc-retry .pc-t') };

  // The static first screen of index.html (#pc-boot) is still there: the panel takes the place of its
  // landing, under its header; without it, the panel gets a main of its own.
  const bootMain = document.querySelector('#pc-boot main');
  const main = bootMain ?? document.createElement('main');
  if (!bootMain) {
    main.id = 'main';
    main.className = 'pc-main';
  }
  root.classList.remove('pc-linked');
  const panel = document.createElement('div');
  panel.id = 'pc-load-error';
  panel.className = 'pc-panic';
  panel.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.textContent = text.title;
  const body = document.createElement('p');
  body.textContent = text.body;
  const retry = document.createElement('a');
  retry.className = 'pc-button pc-button--primary';
  // The same address: the answers come back with the app (of a newer deploy, if there is one).
  retry.href = window.location.href;
  retry.textContent = text.retry;
  panel.append(title, body, retry);
  main.replaceChildren(panel);
  if (!bootMain) document.body.append(main);
}

// When the app starts. Compiling and instantiating the WebAssembly and mounting the app each hold the
// main thread (together about 250 ms on a phone four times slower than a laptop), and the static first
// screen of index.html already works on its own (the landing, the first question as a plain form): a
// pick or a click right after the first paint must not wait for them. So the code downloads after the
// first paint (`deferDownload`, below) and is compiled and instantiated once the page is painted and has
// been free of input for a moment; a key press starts it at once, for the app's keyboard shortcuts. An
// address the static screen cannot show (a later step) starts it right after the first paint.
const QUIET_MS = 200;

/** Resolves once the browser has reported the page's first paint, or after a second without one (a tab
 *  opened in the background paints only when shown). */
function afterFirstPaint() {
  if (performance.getEntriesByType('paint').length > 0) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, 1000);
    try {
      new PerformanceObserver((_, observer) => {
        observer.disconnect();
        clearTimeout(timer);
        done();
      }).observe({ type: 'paint' });
    } catch (e) {
      // No paint timing in this browser: the frame after the next one has been painted.
      requestAnimationFrame(() => setTimeout(done, 0));
    }
  });
}

/** Whether the static first screen shows what the address asks for (else only the app can). */
function staticScreenServes() {
  return !document.documentElement.classList.contains('pc-linked') && !!document.getElementById('pc-boot');
}

/** Resolves when the app may start (see above). */
function startWhenQuiet() {
  return new Promise((resolve) => {
    afterFirstPaint().then(() => {
      if (!staticScreenServes()) return resolve();
      let timer = setTimeout(resolve, QUIET_MS);
      const busy = () => { clearTimeout(timer); timer = setTimeout(resolve, QUIET_MS); };
      const key = () => { clearTimeout(timer); resolve(); };
      for (const type of ['pointerdown', 'input']) addEventListener(type, busy, { capture: true, passive: true });
      addEventListener('keydown', key, { capture: true, once: true });
    });
  });
}

// When the code downloads. The build removes trunk's preload of the .wasm (scripts/load-order.mjs), so
// that its download does not compete with the HTML, the style sheet and boot.js for the first paint; the
// loader fetches it right after calling `onStart`, and where the static screen serves the address, that
// one fetch waits for the first paint. For a later step's link it starts at once. Either way the host's
// answer is noted (wasm-bindgen's glue refuses an error status before anything else sees it).
function deferDownload() {
  const wait = staticScreenServes();
  const fetchNow = window.fetch;
  window.fetch = (input, init) => {
    window.fetch = fetchNow;
    return (wait ? afterFirstPaint() : Promise.resolve())
      .then(() => fetchNow(input, init))
      .then((response) => {
        noteAnswer(response);
        return response;
      });
  };
}

/** Notes in `hostAnswer` a response that is not the code: an error status, or a page. */
function noteAnswer(response) {
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || /^text\/html\b/i.test(type)) {
    hostAnswer = response.ok || response.status === 404 || response.status === 410 ? 'gone' : 'refused';
  }
}

// trunk's loader instantiates the code with WebAssembly.instantiateStreaming and offers no other hook:
// this module (imported before the loader runs) routes that one call through `startWhenQuiet`, and
// compiles from the bytes where streaming compilation would refuse the response.
const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  WebAssembly.instantiateStreaming = instantiateStreaming;
  const response = await source;
  const type = response.headers.get('content-type') ?? '';
  noteAnswer(response);
  if (hostAnswer) throw new Error(`the app's code: HTTP ${response.status} ${type}`);
  await startWhenQuiet();
  const streams = typeof WebAssembly.compileStreaming === 'function' && /^application\/wasm\b/i.test(type);
  const module = streams
    ? await WebAssembly.compileStreaming(response)
    : await WebAssembly.compile(await response.arrayBuffer());
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

export default function initializer() {
  return {
    onStart: deferDownload,
    onFailure: (reason) => {
      console.error('the app could not load:', reason);
      showLoadError();
    },
  };
}
