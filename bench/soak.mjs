#!/usr/bin/env node
// npm run soak: the model-based tests of the modules (test/model) with a longer budget and random
// seeds: random sequences of module calls, kills, races, reboots and faults on the aix73, aix43 and
// mirrored profiles, the six invariants of issue 8 after every step. Prints the seeds, and the
// figures: sequences, steps and invariant checks, per profile and in all. A failing sequence is
// shrunk (fast-check) and printed with its seed: keep it in test/model/regressions.test.ts.
// Usage: node bench/soak.mjs [--runs N] [--steps N] [--seed N|random] [--profiles aix73,aix43,mirrored] [--no-shrink]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '6' },
    steps: { type: 'string', default: '12' },
    seed: { type: 'string', default: 'random' },
    profiles: { type: 'string', default: 'aix73,aix43,mirrored' },
    'no-shrink': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const steps = Number(values.steps);
const seed = values.seed;
const profiles = values.profiles.split(',');
const shrink = !values['no-shrink'];

const test = path.join(root, 'dist/test/model/model.test.mjs');
if (!fs.existsSync(test)) {
  console.error('soak: dist/test/model/model.test.mjs is missing: build first (node scripts/build.mjs)');
  process.exit(2);
}
const results = path.join(root, 'bench/results');
fs.mkdirSync(results, { recursive: true });

// Node reads NODE_EXTRA_CA_CERTS at every start (~30 ms of CPU), and a soak starts node thousands of
// times (modules, simulated AIX commands); none of them talks TLS (scripts/test.sh does the same).
function withoutCaBundle(env) {
  const { NODE_EXTRA_CA_CERTS: _unused, ...rest } = env;
  return rest;
}

const totals = { sequences: 0, steps: 0, checks: 0 };
const rows = [];
let failed = false;
for (const profile of profiles) {
  const stats = path.join(os.tmpdir(), `altdisk-soak-${process.pid}-${profile}.json`);
  const started = Date.now();
  console.log(`\n== soak ${profile}: ${runs} sequence(s) of up to ${steps} steps, seed ${seed}`);
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', test], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...withoutCaBundle(process.env),
      ALTDISK_MODEL_RUNS: String(runs),
      ALTDISK_MODEL_STEPS: String(steps),
      ALTDISK_MODEL_SEED: seed,
      ALTDISK_MODEL_PROFILES: profile,
      ALTDISK_MODEL_STATS: stats,
      ALTDISK_MODEL_VERBOSE: '1',
      ...(shrink ? { ALTDISK_MODEL_SHRINK: '1' } : {}),
    },
  });
  const s = fs.existsSync(stats) ? JSON.parse(fs.readFileSync(stats, 'utf8')) : { sequences: 0, steps: 0, checks: 0 };
  fs.rmSync(stats, { force: true });
  const seconds = (Date.now() - started) / 1000;
  rows.push({ profile, ...s, seconds, ok: r.status === 0 });
  for (const k of Object.keys(totals)) totals[k] += s[k];
  if (r.status !== 0) failed = true;
}

console.log('\n== soak figures');
console.log('profile    sequences  steps  invariant checks  time     result');
for (const r of rows) console.log(`${r.profile.padEnd(10)} ${String(r.sequences).padStart(9)} ${String(r.steps).padStart(6)} ${String(r.checks).padStart(17)}  ${r.seconds.toFixed(0).padStart(5)} s  ${r.ok ? 'ok' : 'FAILED'}`);
console.log(`${'all'.padEnd(10)} ${String(totals.sequences).padStart(9)} ${String(totals.steps).padStart(6)} ${String(totals.checks).padStart(17)}`);
fs.writeFileSync(path.join(results, 'soak.json'), JSON.stringify({ at: new Date().toISOString(), runs, steps, seed, rows, totals }, null, 2) + '\n');
process.exit(failed ? 1 : 0);
