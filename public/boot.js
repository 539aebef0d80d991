// Runs before the first paint (a small same-origin script; the CSP allows no inline script). It applies
// the language and theme the app will start with, so the static first screen in index.html shows in the
// right language and colours and nothing changes when the app mounts, and it shows the part of that
// screen the address asks for: the landing, or the first question (a plain form, usable before the app
// arrives). It owns the choice of the first language (the link's `lang=`, a stored choice, the browser),
// which the app reads from <html lang> and data-lang-chosen (src/ui/app.rs initial_lang), and mirrors
// ui/theme.rs; any trouble (storage disabled, odd values) leaves the defaults.
(function () {
  var root = document.documentElement;
  var stored = function (key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  };
  // The languages of src/content/data/languages.toml, in order ("code:tag code:tag"), which the build
  // writes on this script's tag; the first is the default.
  var me = document.currentScript;
  var languages = ((me && me.getAttribute('data-languages')) || 'en:en').split(' ').map(function (pair) {
    var parts = pair.split(':');
    return { code: parts[0], tag: parts[1] };
  });
  var byCode = function (code) {
    for (var i = 0; i < languages.length; i++) if (languages[i].code === code) return languages[i];
    return null;
  };
  var known = function (code) { return byCode(code) ? code : null; };
  // As Lang::from_browser_tag: the first language with the browser's primary subtag, else the default.
  var primary = function (tag) { return String(tag || '').split(/[-_]/)[0].toLowerCase(); };
  var forBrowser = function (tag) {
    for (var i = 0; i < languages.length; i++) if (primary(languages[i].tag) === primary(tag)) return languages[i];
    return languages[0];
  };
  // A language the user chose (in the link or before) goes into the links the static screen makes.
  var chosen = known(new URLSearchParams(window.location.search).get('lang')) || known(stored('pyconc.lang'));
  var language = chosen ? byCode(chosen) : forBrowser(navigator.language);
  root.setAttribute('lang', language.tag);
  // The app starts in this language and keeps a chosen one in its links (src/ui/app.rs initial_lang).
  if (chosen) root.setAttribute('data-lang-chosen', '');
  // The static screen holds every text once per language (class pc-t, with its lang): all but this
  // language's are hidden, and its switcher button is marked, by a style sheet made here (the CSP allows
  // no inline style; a constructed sheet is not one).
  var sheet = null;
  var showLanguage = function () {
    var tag = language.tag.replace(/["\\]/g, '');
    sheet.replaceSync('.pc-boot .pc-t:not([lang="' + tag + '"]) { display: none; }\n'
      + '.pc-boot .pc-lang__button[lang="' + tag + '"] { background: var(--accent); color: var(--accent-fg); }');
  };
  try {
    sheet = new CSSStyleSheet();
    showLanguage();
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
  } catch (e) { sheet = null; /* a browser without constructed style sheets shows every language of the static screen */ }
  var theme = stored('pyconc.theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);

  // What an address opens: the landing, a fresh first question (`/?v=N`, N a link schema up to this
  // build's, which the build writes on this script's tag), or a step further on, which only the app can
  // show (the static landing is hidden meanwhile, so it does not flash).
  var schema = Number(me && me.getAttribute('data-schema')) || 1;
  // The keys that do not start the wizard (meta.toml `page_keys`, as ShareLink::started reads them).
  var pageKeys = ((me && me.getAttribute('data-page-keys')) || 'lang').split(' ');
  var screen = function (search) {
    var query = new URLSearchParams(search);
    var keys = [];
    query.forEach(function (_, key) { if (pageKeys.indexOf(key) < 0) keys.push(key); });
    if (keys.length === 0) return 'landing';
    var v = query.get('v');
    var lang = query.getAll('lang');
    // Anything the app would flag (a notice above the question) is left to the app.
    var clean = lang.length === 0 || (lang.length === 1 && known(lang[0]));
    var fresh = clean && keys.length === 1 && keys[0] === 'v' && /^[0-9]+$/.test(v) && Number(v) >= 1 && Number(v) <= schema;
    return fresh ? 'first' : 'linked';
  };
  var show = function (which) {
    root.classList.toggle('pc-first', which === 'first');
    root.classList.toggle('pc-linked', which === 'linked');
  };
  show(screen(window.location.search));

  // The static screen, until the app replaces it.
  var boot = function () { return document.getElementById('pc-boot'); };
  var form = function () { var b = boot(); return b && b.querySelector('form.pc-question'); };
  var focusQuestion = function () {
    var heading = document.getElementById('question-title');
    if (heading) heading.focus({ preventScroll: true });
  };

  // The form as the app's step behaves: the picked option marked, Continue enabled once there is a pick,
  // the option's "how to find out" shown. Also run when the browser restores a pick (Back, reload).
  // Only what differs is written: on a fresh page nothing is, and the page is not laid out again.
  var sync = function () {
    var f = form();
    if (!f) return;
    var picked = f.querySelector('input[type=radio]:checked');
    var options = f.querySelectorAll('.pc-option');
    for (var i = 0; i < options.length; i++) {
      var on = !!picked && options[i].contains(picked);
      if (options[i].classList.contains('pc-option--checked') !== on) options[i].classList.toggle('pc-option--checked', on);
    }
    var notes = f.querySelectorAll('.pc-findout');
    for (var j = 0; j < notes.length; j++) {
      var hide = !picked || notes[j].getAttribute('data-for') !== picked.id;
      if (notes[j].hidden !== hide) notes[j].hidden = hide;
    }
    var submit = f.querySelector('button[type=submit]');
    if (submit.disabled !== !picked) submit.disabled = !picked;
    var lang = f.querySelector('input[name=lang]');
    if (lang && chosen && (lang.disabled || lang.value !== chosen)) { lang.value = chosen; lang.disabled = false; }
  };
  document.addEventListener('change', sync);
  window.addEventListener('pageshow', sync);
  document.addEventListener('DOMContentLoaded', sync);

  // Start, before the app: the first question shows at once, at its own address.
  document.addEventListener('click', function (ev) {
    var start = ev.target && ev.target.closest && ev.target.closest('#pc-boot [data-start]');
    if (!start || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var url = start.getAttribute('href') + (chosen ? '&lang=' + chosen : '');
    var depth = (window.history.state && window.history.state.pcDepth) || 0;
    try {
      window.history.pushState({ pcDepth: depth + 1 }, '', url);
    } catch (e) {
      return; // The browser refused: the link loads the address instead.
    }
    ev.preventDefault();
    show('first');
    sync();
    window.scrollTo(0, 0);
    focusQuestion();
  });
  window.addEventListener('popstate', function () {
    if (boot()) show(screen(window.location.search));
  });

  // The header's language and theme buttons, before the app, as the app's (src/ui/app.rs, ui/theme.rs):
  // a language is a choice, remembered and written into the address of a started wizard; the theme goes
  // system, light, dark. The app starts with what they leave (<html lang>, data-theme, storage).
  var remember = function (key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* storage disabled: this page only */ }
  };
  document.addEventListener('click', function (ev) {
    var target = ev.target && ev.target.closest && ev.target.closest('#pc-boot .pc-lang__button, #pc-boot .pc-theme');
    if (!target) return;
    if (target.classList.contains('pc-theme')) {
      var now = root.getAttribute('data-theme') || 'system';
      var next = now === 'system' ? 'light' : now === 'light' ? 'dark' : 'system';
      if (next === 'system') root.removeAttribute('data-theme'); else root.setAttribute('data-theme', next);
      remember('pyconc.theme', next);
      return;
    }
    var picked = null;
    for (var i = 0; i < languages.length; i++) if (languages[i].tag === target.getAttribute('lang')) picked = languages[i];
    if (!picked || !sheet) return;
    language = picked;
    chosen = picked.code;
    root.setAttribute('lang', picked.tag);
    root.setAttribute('data-lang-chosen', '');
    remember('pyconc.lang', chosen);
    showLanguage();
    if (screen(window.location.search) !== 'landing') {
      var query = new URLSearchParams(window.location.search);
      query.set('lang', chosen);
      try { window.history.replaceState(window.history.state, '', '?' + query.toString()); } catch (e) { /* kept as is */ }
    }
    sync();
  });
})();
