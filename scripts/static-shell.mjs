// Post-build step: fills the static first screen of index.html, in every language of
// src/content/data/languages.toml (the languages.json that build.rs writes).
// - The `data-ui` elements get the interface words of src/content/data/ui.toml, from the ui.json that
//   build.rs writes. The app renders the same words, so the first screen and the mounted app say the
//   same thing. `{total}` in a word is the number of questions a walk can ask (the first step's "of
//   about N"); `{schema}` and `{pageKeys}` in index.html are the link schema and page keys of
//   src/content/data/meta.toml.
// - `<div data-first-question></div>` becomes the first question of src/content/data/questions.toml as a
//   plain GET form to `./`, the app's own folder (`v=<schema>&<question>=<option>`): the same markup as
//   the app's step (src/ui/wizard.rs, question.rs, summary.rs), so that it can be answered before the
//   WebAssembly arrives and the app mounts over it with nothing moving. public/boot.js shows it for
//   `./?v=N` and after Start. The schema, page keys and first question come from the shell.json that
//   build.rs writes: the release build runs no Python.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The content the static screen needs, from the shell.json that build.rs writes into `out` (so the
 *  build reads no TOML of its own): the link schema, the page keys, the first question, and how many
 *  questions a walk may ask before any answer (Answers::progress: every one). */
export function content(out) {
  const { schema, page_keys: pageKeys, first_question: first, total } = JSON.parse(readFileSync(join(out, 'shell.json'), 'utf8'));
  if (!Number.isInteger(schema) || !Array.isArray(pageKeys) || !first || !Array.isArray(first.option) || !Number.isInteger(total)) {
    throw new Error(`static shell: ${join(out, 'shell.json')} has no schema, page_keys, first question or total`);
  }
  return { schema, pageKeys, questions: [first], total };
}

/** `{name}` placeholders filled; a placeholder left over is an error. */
function fill(text, values, what) {
  const out = text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
  if (/\{\w+\}/.test(out)) throw new Error(`static shell: ${what} has a placeholder the static screen cannot fill: ${out}`);
  return out;
}

/** A content text as the app's RichText renders it: `backticked` spans as inline code. */
const rich = (text) => text.split('`').map((piece, i) => (i % 2 ? `<code>${escape(piece)}</code>` : escape(piece))).join('');

/** The languages, in order: [{ code, tag, name }] (set by fillShell). */
let LANGS = [];

/** Every language of an inline text (`{ code: html }`), one shown on the static screen (public/boot.js
 *  hides the `.pc-t` of the other languages). */
const each = (html) => LANGS.map((l) => `<span class="pc-t" lang="${l.tag}">${html[l.code]}</span>`).join('');
/** `f` applied to the text in every language. */
const map = (t, f) => Object.fromEntries(LANGS.map((l) => [l.code, f(t[l.code], l.code)]));
const plain = (t) => each(map(t, escape));
const richAll = (t) => each(map(t, rich));

/** The first question's step, as the app's Wizard renders it for a fresh start (no whitespace between
 *  elements, as the app writes none). */
function firstQuestion(words, { schema, questions, total }) {
  const q = questions[0];
  const step = map(words.step_of, (w) => fill(w, { step: 1, total }, 'step_of'));
  const options = q.option.map((o, i) => (
    `<label class="pc-option" for="opt-${i}">`
    + `<input type="radio" name="${q.id}" id="opt-${i}" value="${escape(o.id)}" aria-describedby="opt-${i}-explain">`
    + `<span class="pc-option__key" aria-hidden="true">${i + 1}</span>`
    + '<span class="pc-option__text">'
    + `<span class="pc-option__label">${plain(o.label)}</span>`
    + `<span class="pc-option__explain" id="opt-${i}-explain">${richAll(o.explain)}</span>`
    + '</span></label>'
  )).join('');
  // The app shows an option's "how to find out" once it is picked; boot.js does the same here.
  const findOut = q.option.map((o, i) => (o.find_out
    ? `<div class="pc-findout" role="note" data-for="opt-${i}" hidden><h3>${plain(words.how_to_find_out)}</h3><p>${richAll(o.find_out)}</p></div>`
    : '')).join('');
  const announce = map(step, (w, code) => `${w}: ${q.title[code]}`);
  return '<div class="pc-wizard">'
    + '<div class="pc-wizard__main">'
    + `<form class="pc-question" method="get" action="./" aria-labelledby="question-title" data-question="${q.id}">`
    + `<input type="hidden" name="v" value="${schema}">`
    + `<p class="pc-step" data-testid="step">${plain(step)}</p>`
    + `<progress class="pc-progress" max="${total}" value="1" aria-hidden="true"></progress>`
    + `<h1 id="question-title" tabindex="-1">${plain(q.title)}</h1>`
    + `<details class="pc-help"><summary>${plain(words.why_it_matters)}</summary><p>${richAll(q.help)}</p></details>`
    + `<fieldset class="pc-options"><legend class="pc-sr-only">${plain(q.title)}</legend>${options}</fieldset>`
    + findOut
    // The language of the link, when the user chose one (boot.js fills it in), goes on to the next step.
    + '<input type="hidden" name="lang" disabled>'
    + `<p class="pc-keys">${plain(words.keys_hint)}</p>`
    + '<div class="pc-actions">'
    + `<button type="button" class="pc-button pc-button--quiet" disabled>${plain(words.back)}</button>`
    + `<button type="submit" class="pc-button pc-button--primary" disabled>${plain(words.continue)}</button>`
    + '</div></form></div>'
    + '<aside class="pc-wizard__side"><nav class="pc-summary" aria-labelledby="summary-title" id="answers">'
    + `<h2 id="summary-title" class="pc-summary__title">${plain(words.your_answers)}</h2>`
    + `<ol class="pc-summary__list"><li class="pc-summary__item" aria-current="step"><span class="pc-summary__q">${plain(q.short)}</span><span class="pc-summary__a">…</span></li></ol>`
    + '</nav></aside>'
    + `<div class="pc-sr-only" aria-live="polite" aria-atomic="true">${plain(announce)}</div>`
    + '</div>';
}

/// Fills `staging`'s index.html from the ui.json, languages.json and shell.json of `out` (the OUT_DIR
/// found by packs.mjs's `outDir`).
export function fillShell(staging, out) {
  const words = JSON.parse(readFileSync(join(out, 'ui.json'), 'utf8'));
  LANGS = JSON.parse(readFileSync(join(out, 'languages.json'), 'utf8'));
  const data = content(out);
  const values = { total: data.total };
  const file = join(staging, 'index.html');
  let filled = 0;
  let html = readFileSync(file, 'utf8').replace(
    /<(\w+)([^>]*?) data-ui="([a-z0-9_]+)"([^>]*)><\/\1>/g,
    (_, tag, before, key, after) => {
      const w = words[key];
      if (!w) throw new Error(`static shell: index.html names ui word \`${key}\`, which ui.toml lacks`);
      const t = map(w, (text) => fill(text, values, key));
      filled++;
      // A block (heading, paragraph, list item) is written once per language, so that each copy is the
      // same element, at the same size, as the one the app renders: the browser then sees no new,
      // larger content when the app mounts (Largest Contentful Paint stays at the first paint).
      if (['h1', 'h2', 'p', 'li'].includes(tag)) {
        const attrs = `${before}${after}`;
        const classed = /\bclass="/.test(attrs) ? attrs.replace(/\bclass="/, 'class="pc-t ') : `${attrs} class="pc-t"`;
        return LANGS.map((l) => `<${tag}${classed} lang="${l.tag}">${escape(t[l.code])}</${tag}>`).join('');
      }
      return `<${tag}${before}${after}>${plain(t)}</${tag}>`;
    },
  );
  if (/data-ui="/.test(html)) throw new Error('static shell: a data-ui element is not empty, so it was not filled');
  const slot = '<div data-first-question></div>';
  if (html.split(slot).length !== 2) throw new Error(`static shell: index.html must hold ${slot} once`);
  html = html.replace(slot, firstQuestion(words, data)).replaceAll('{schema}', String(data.schema))
    .replaceAll('{pageKeys}', data.pageKeys.join(' '));
  // The language switcher, and the languages for public/boot.js (code:tag, in order).
  const switcher = '<div class="pc-lang" role="group" data-languages></div>';
  if (html.split(switcher).length !== 2) throw new Error(`static shell: index.html must hold ${switcher} once`);
  html = html.replace(switcher, `<div class="pc-lang" role="group">${LANGS.map((l) => `<button type="button" class="pc-lang__button" lang="${l.tag}">${escape(l.name)}</button>`).join('')}</div>`);
  html = html.replaceAll('{languages}', LANGS.map((l) => `${l.code}:${l.tag}`).join(' '));
  writeFileSync(file, html);
  console.log(`static shell: ${filled} texts filled in ${LANGS.length} languages (${LANGS.map((l) => l.code).join(', ')}); first question \`${data.questions[0].id}\` (${data.questions[0].option.length} options), link schema ${data.schema}, ${data.total} questions (shell.json)`);
}
