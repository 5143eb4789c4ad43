#!/usr/bin/env node
// Module benchmark (npm run bench): wall time and peak RSS of each bundled module
// (dist/modules/<name>.js) on simulated AIX hosts, as a ratio to `node -e 0`, the start-up floor:
//   validation  invalid arguments: the bundle's start-up and validation cost, no host touched;
//   check       a check-mode run that gathers the facts (~20 simulated commands) and plans;
//   clone       one real clone (alt_disk_copy) on a fresh host each run.
// Plus the bundle sizes (bytes, gzip bytes). Figures only: nothing is asserted.
// Usage: node bench/modules.mjs [--runs 5] [--json bench/results/modules-latest.json]
// Needs the build (npm run build).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { measureNode, median } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const aixsim = path.join(root, 'dist/simulator/aixsim.cjs');
const modulesDir = path.join(root, 'dist/modules');
const MODULES = ['clone', 'mksysb_install', 'phase', 'cleanup', 'bootlist', 'facts'];

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const RUNS = Math.max(1, Number(option('runs', '5')));
const resultsDir = path.join(root, 'bench/results');
const JSON_OUT = option('json', path.join(resultsDir, 'modules-latest.json'));

for (const file of [aixsim, ...MODULES.map((m) => path.join(modulesDir, `${m}.js`))]) {
  if (!fs.existsSync(file)) {
    console.error(`bench: ${path.relative(root, file)} is not built: run npm run build first`);
    process.exit(2);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'altdisk-bench-modules-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

function sim(...args) {
  const r = spawnSync(process.execPath, [aixsim, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`aixsim ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

let hosts = 0;
function newHost(setup) {
  const dir = path.join(work, `host${++hosts}`);
  sim('init', dir, '--speed', 'instant');
  if (setup) setup(dir);
  return dir;
}

function hostCommand(dir, command, ...args) {
  const r = spawnSync(path.join(dir, 'bin', command), args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${r.stderr}`);
}

// Hosts in the states the check-mode runs need; check mode leaves them as they are (verified below).
const fresh = newHost();
const image = path.join(work, 'lpar.mksysb');
sim('mksysb', fresh, image);
const phase1 = newHost((dir) => hostCommand(dir, 'alt_disk_copy', '-d', 'hdisk1', '-P', '1'));
const stateOf = (dir) => fs.readFileSync(path.join(dir, 'state.json'), 'utf8');
const before = { fresh: stateOf(fresh), phase1: stateOf(phase1) };

const CHECK = {
  clone: { host: fresh, args: { targets: ['hdisk1'] }, changed: true },
  mksysb_install: { host: fresh, args: { source: image, targets: ['hdisk2'] }, changed: true },
  phase: { host: phase1, args: { phase: '3' }, changed: true },
  cleanup: { host: phase1, args: {}, changed: true },
  bootlist: { host: fresh, args: { normal: ['hdisk0', 'hdisk1'] }, changed: true },
  facts: { host: fresh, args: {}, changed: false },
};

function answerOf(r, what) {
  const lines = r.stdout.trimEnd().split('\n');
  if (lines.length !== 1) throw new Error(`${what}: ${lines.length} lines on stdout`);
  return JSON.parse(lines[0]);
}

/** RUNS measured runs after one warm-up; `prepare` makes per-run input (not timed). */
async function series(what, prepare, check) {
  const samples = [];
  for (let i = 0; i <= RUNS; i++) {
    const { args, stdin = '', env = {} } = prepare();
    const r = await measureNode(args, { stdin, env });
    check(r, what);
    if (i > 0) samples.push(r);
  }
  const ms = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.rssKb).filter((x) => typeof x === 'number');
  return { what, runs: samples.length, wallMsMedian: median(ms), wallMsMin: Math.min(...ms), peakRssKbMedian: rss.length ? median(rss) : null };
}

const floor = await series('node -e 0', () => ({ args: ['-e', '0'] }), (r) => {
  if (r.rc !== 0) throw new Error('node -e 0 failed');
});

const rows = [];
for (const name of MODULES) {
  const file = path.join(modulesDir, `${name}.js`);
  rows.push({
    module: name,
    scenario: 'validation',
    ...(await series(`${name} validation`, () => ({ args: [file], stdin: JSON.stringify({ bench_not_an_option: 1 }), env: { ALTDISK_SIM_HOST: fresh } }), (r, what) => {
      const a = answerOf(r, what);
      if (a.failed !== true || !String(a.msg).includes('unsupported option')) throw new Error(`${what}: unexpected answer ${r.stdout.slice(0, 300)}`);
    })),
  });
  const c = CHECK[name];
  rows.push({
    module: name,
    scenario: 'check',
    ...(await series(`${name} check mode`, () => ({ args: [file], stdin: JSON.stringify({ ...c.args, _ansible_check_mode: true }), env: { ALTDISK_SIM_HOST: c.host } }), (r, what) => {
      const a = answerOf(r, what);
      if (a.failed || a.changed !== c.changed) throw new Error(`${what}: unexpected answer ${r.stdout.slice(0, 300)}`);
    })),
  });
}
rows.push({
  module: 'clone',
  scenario: 'real clone',
  ...(await series('clone (real alt_disk_copy)', () => ({ args: [path.join(modulesDir, 'clone.js')], stdin: JSON.stringify({ targets: ['hdisk1'] }), env: { ALTDISK_SIM_HOST: newHost() } }), (r, what) => {
    const a = answerOf(r, what);
    if (a.failed || a.changed !== true || a.altinst_state !== 'complete') throw new Error(`${what}: unexpected answer ${r.stdout.slice(0, 300)}`);
  })),
});
for (const [k, dir] of Object.entries({ fresh, phase1 })) {
  if (stateOf(dir) !== before[k]) throw new Error(`bench: a check-mode run changed the ${k} host's state.json`);
}

const sizes = [...MODULES.map((m) => path.join(modulesDir, `${m}.js`)), aixsim].map((file) => {
  const bytes = fs.readFileSync(file);
  return { file: path.relative(root, file), bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
});

// ---- report

const ratio = (x, base) => (x === null || base === null ? null : Math.round((x / base) * 100) / 100);
for (const r of rows) {
  r.wallRatio = ratio(r.wallMsMedian, floor.wallMsMedian);
  r.rssRatio = ratio(r.peakRssKbMedian, floor.peakRssKbMedian);
}

const pad = (s, n) => String(s).padEnd(n);
const num = (x, digits = 0) => (x === null ? '-' : x.toFixed(digits));
console.log(`altdisk module benchmark: ${RUNS} runs each (median), node ${process.version}, ${os.cpus().length} CPU(s), load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`start-up floor (node -e 0): ${num(floor.wallMsMedian, 1)} ms wall, ${num(floor.peakRssKbMedian / 1024, 1)} MiB peak RSS\n`);
console.log(`${pad('module', 16)}${pad('scenario', 12)}${pad('wall ms', 10)}${pad('min ms', 10)}${pad('x floor', 9)}${pad('RSS MiB', 9)}x floor`);
for (const r of rows) {
  console.log(
    `${pad(r.module, 16)}${pad(r.scenario, 12)}${pad(num(r.wallMsMedian, 1), 10)}${pad(num(r.wallMsMin, 1), 10)}${pad(num(r.wallRatio, 2), 9)}${pad(num(r.peakRssKbMedian === null ? null : r.peakRssKbMedian / 1024, 1), 9)}${num(r.rssRatio, 2)}`,
  );
}
console.log(`\n${pad('bundle', 34)}${pad('bytes', 10)}gzip bytes`);
for (const s of sizes) console.log(`${pad(s.file, 34)}${pad(s.bytes, 10)}${s.gzipBytes}`);

const result = {
  at: new Date().toISOString(),
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpus: os.cpus().length,
  loadavg: os.loadavg(),
  runs: RUNS,
  floor,
  rows,
  sizes,
};
fs.mkdirSync(path.dirname(JSON_OUT), { recursive: true });
fs.writeFileSync(JSON_OUT, JSON.stringify(result, null, 2) + '\n');
if (path.resolve(JSON_OUT) === path.join(resultsDir, 'modules-latest.json')) {
  fs.writeFileSync(path.join(resultsDir, `modules-${result.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2) + '\n');
}
console.log(`\nresults: ${path.relative(root, JSON_OUT)}`);
