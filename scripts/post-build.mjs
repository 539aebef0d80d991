// trunk post-build hook. trunk starts the hooks of one stage together, so the steps that rewrite
// index.html run here one after the other: packs and the static first screen, then the
// Content-Security-Policy, which hashes the final inline scripts.
import { execFileSync } from 'node:child_process';
import { copyPacks } from './packs.mjs';
import { fillShell } from './static-shell.mjs';

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
copyPacks(staging);
fillShell(staging);
execFileSync('node', ['scripts/csp.mjs', staging], { stdio: 'inherit' });
