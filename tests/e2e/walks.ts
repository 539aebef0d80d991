import { execFileSync } from 'node:child_process';
import { SCHEMA } from './schema';
import type { Answers } from './wizard-page';

type Row = { name: string; model: string; answers: string; walk?: boolean };

/** The table of tests/scenarios.toml, read with Python's tomllib (as scripts/static-shell.mjs reads the content). */
function scenarios(): Row[] {
  const program = 'import json, sys, tomllib; json.dump(tomllib.load(open(sys.argv[1], "rb")), sys.stdout)';
  return JSON.parse(execFileSync('python3', ['-c', program, 'tests/scenarios.toml'], { encoding: 'utf8' })).scenario;
}

/** Complete walks, one to each model: the rows of tests/scenarios.toml marked `walk = true` (the host test
 *  checks there is one per model and that each gives its model exactly), in the table's order. */
export const WALKS: { name: string; model: string; answers: Answers }[] = scenarios()
  .filter((row) => row.walk)
  .map((row) => ({
    name: row.name,
    model: row.model,
    answers: Object.fromEntries(row.answers.split('&').map((pair) => pair.split('=') as [string, string])),
  }));

/** The walk that ends on `model`. */
export function walkTo(model: string): { name: string; model: string; answers: Answers } {
  const walk = WALKS.find((w) => w.model === model);
  if (!walk) throw new Error(`tests/scenarios.toml has no walk = true row for ${model}`);
  return walk;
}

/** The query string of a walk, as the app writes it. */
export function query(answers: Answers): string {
  return `v=${SCHEMA}&` + Object.entries(answers).map(([k, v]) => `${k}=${v}`).join('&');
}
