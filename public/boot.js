// Runs before the first paint (a small same-origin script; the CSP allows no inline script). It applies
// the language and theme the app will start with, so the static first screen in index.html shows in the
// right language and colours and nothing changes when the app mounts. Mirrors ui/app.rs initial_lang()
// and ui/theme.rs; any trouble (storage disabled, odd values) leaves the defaults.
(function () {
  var root = document.documentElement;
  var stored = function (key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  };
  var query = new URLSearchParams(window.location.search);
  var known = function (code) { return code === 'en' || code === 'zh' ? code : null; };
  var code = known(query.get('lang')) || known(stored('pyconc.lang')) || navigator.language || 'en';
  root.setAttribute('lang', /^zh/i.test(code) ? 'zh-CN' : 'en');
  var theme = stored('pyconc.theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  // A link with answers opens on a question or a result, not on the landing.
  var started = false;
  query.forEach(function (_, key) { if (key !== 'lang') started = true; });
  if (started) root.classList.add('pc-linked');
})();
