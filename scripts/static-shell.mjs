// Post-build step: fills the static first screen of index.html (the `data-ui` elements) with the interface
// words of src/content/data/ui.toml, in both languages, from the ui.json that build.rs writes. The app
// renders the same words, so the first screen and the mounted app say the same thing. `{total}` in a word
// is the number of questions a walk can ask (the first step's "of about N").
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DATA = 'src/content/data';
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A TOML file of the content, read with Python's tomllib (Python 3.11+ is a requirement of setup.sh). */
function readToml(path) {
  const program = 'import json, sys, tomllib; json.dump(tomllib.load(open(sys.argv[1], "rb")), sys.stdout)';
  return JSON.parse(execFileSync('python3', ['-c', program, path], { encoding: 'utf8' }));
}

/** The content the static screen needs: the link schema, the questions, and how many a walk may ask. */
export function content() {
  const schema = readToml(join(DATA, 'meta.toml')).schema;
  const questions = readToml(join(DATA, 'questions.toml')).question;
  if (!Number.isInteger(schema) || !Array.isArray(questions) || questions.length === 0) {
    throw new Error('static shell: meta.toml has no schema or questions.toml no question');
  }
  // Answers::progress() before any answer: the first question plus every later one that may still be
  // asked, which with no answer given is every question.
  return { schema, questions, total: questions.length };
}

/** `{name}` placeholders filled; a placeholder left over is an error. */
function fill(text, values, what) {
  const out = text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
  if (/\{\w+\}/.test(out)) throw new Error(`static shell: ${what} has a placeholder the static screen cannot fill: ${out}`);
  return out;
}

/// Fills `staging`'s index.html from the ui.json of `out` (the OUT_DIR found by packs.mjs's `outDir`) and
/// the content files.
export function fillShell(staging, out) {
  const words = JSON.parse(readFileSync(join(out, 'ui.json'), 'utf8'));
  const data = content();
  const values = { total: data.total };
  const file = join(staging, 'index.html');
  let filled = 0;
  const html = readFileSync(file, 'utf8').replace(
    /<(\w+)([^>]*?) data-ui="([a-z0-9_]+)"([^>]*)><\/\1>/g,
    (_, tag, before, key, after) => {
      const w = words[key];
      if (!w) throw new Error(`static shell: index.html names ui word \`${key}\`, which ui.toml lacks`);
      const t = { en: fill(w.en, values, key), zh: fill(w.zh, values, key) };
      filled++;
      // A block (heading, paragraph, list item) is written once per language, so that each copy is the
      // same element, at the same size, as the one the app renders: the browser then sees no new,
      // larger content when the app mounts (Largest Contentful Paint stays at the first paint).
      if (['h1', 'h2', 'p', 'li'].includes(tag)) {
        const attrs = `${before}${after}`;
        const classed = /\bclass="/.test(attrs) ? attrs.replace(/\bclass="/, 'class="pc-t ') : `${attrs} class="pc-t"`;
        return [['en', t.en], ['zh-CN', t.zh]].map(([lang, text]) => `<${tag}${classed} lang="${lang}">${escape(text)}</${tag}>`).join('');
      }
      const both = `<span class="pc-t" lang="en">${escape(t.en)}</span><span class="pc-t" lang="zh-CN">${escape(t.zh)}</span>`;
      return `<${tag}${before}${after}>${both}</${tag}>`;
    },
  );
  if (/data-ui="/.test(html)) throw new Error('static shell: a data-ui element is not empty, so it was not filled');
  writeFileSync(file, html);
  console.log(`static shell: ${filled} texts filled in both languages; ${data.total} questions`);
}
