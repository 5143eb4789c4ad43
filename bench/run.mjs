#!/usr/bin/env node
// npm run bench: runs every benchmark of bench/ (each bench/<name>.mjs but this file), one after
// the other so they do not disturb each other's timings, and says which ones could not run.
// Usage: node bench/run.mjs [name ...] [-- options passed to every benchmark, e.g. --runs 3]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dash = process.argv.indexOf('--');
const wanted = (dash < 0 ? process.argv.slice(2) : process.argv.slice(2, dash)).map((n) => n.replace(/\.mjs$/, ''));
const passed = dash < 0 ? [] : process.argv.slice(dash + 1);

const all = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .map((f) => f.slice(0, -4))
  .sort();
// The soak is not a timing, and the suite benchmark runs the whole test suite: each runs only when
// named (npm run soak, npm run bench:suite, or node bench/run.mjs soak|suite).
const byDefault = all.filter((n) => n !== 'soak' && n !== 'suite');
const unknown = wanted.filter((n) => !all.includes(n));
if (unknown.length) {
  console.error(`bench: no benchmark ${unknown.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}

const outcomes = [];
for (const name of wanted.length ? wanted : byDefault) {
  console.log(`\n== bench/${name}.mjs`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(here, `${name}.mjs`), ...passed], { stdio: 'inherit' });
  outcomes.push({ name, rc: r.status ?? 1, s: ((Date.now() - started) / 1000).toFixed(1) });
}
console.log('\n== benchmarks');
for (const o of outcomes) console.log(`${o.name.padEnd(12)} ${o.rc === 0 ? 'done' : `FAILED (exit ${o.rc})`} in ${o.s} s`);
process.exit(outcomes.every((o) => o.rc === 0) ? 0 : 1);
