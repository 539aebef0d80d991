import { readFileSync } from 'node:fs';

/** The link schema of this build (src/content/data/meta.toml `schema`), as links carry it in `v=`. */
export const SCHEMA = Number(/^schema\s*=\s*(\d+)/m.exec(readFileSync('src/content/data/meta.toml', 'utf8'))![1]);

/** The address of a fresh first question in this schema. */
export const FIRST = `/?v=${SCHEMA}`;
