// Post-build step: fills the static first screen of index.html (the `data-ui` elements) with the interface
// words of src/content/data/ui.toml, in both languages, from the ui.json that build.rs writes. The app
// renders the same words, so the first screen and the mounted app say the same thing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/// Fills `staging`'s index.html from the ui.json of `out` (the OUT_DIR found by packs.mjs's `outDir`).
export function fillShell(staging, out) {
  const words = JSON.parse(readFileSync(join(out, 'ui.json'), 'utf8'));
  const file = join(staging, 'index.html');
  let filled = 0;
  const html = readFileSync(file, 'utf8').replace(
    /<(\w+)([^>]*?) data-ui="([a-z0-9_]+)"([^>]*)><\/\1>/g,
    (_, tag, before, key, after) => {
      const t = words[key];
      if (!t) throw new Error(`static shell: index.html names ui word \`${key}\`, which ui.toml lacks`);
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
  console.log(`static shell: ${filled} texts filled in both languages`);
}
